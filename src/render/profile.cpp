#include "fazhi/profile.hpp"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "fazhi/text.hpp"
#include "load/encoding.hpp"
#include "platform/file.hpp"
#include "render/department_rules.hpp"
#include "render/table_specs.hpp"

namespace fazhi {
namespace {

using Json = nlohmann::json;

absl::Status bad(std::string_view key, std::string_view why) {
  return absl::InvalidArgumentError(
      absl::StrCat("profile: '", absl_view(key), "' ", absl_view(why)));
}

absl::Status read_int(const Json& j, std::string_view key, int lo, int hi, int& out) {
  if (!j.is_number_integer()) return bad(key, "must be a whole number");
  const int64_t v = j.get<int64_t>();
  if (v < lo || v > hi) return bad(key, absl::StrCat("must be between ", lo, " and ", hi));
  out = static_cast<int>(v);
  return absl::OkStatus();
}

absl::Status read_bool(const Json& j, std::string_view key, bool& out) {
  if (!j.is_boolean()) return bad(key, "must be true or false");
  out = j.get<bool>();
  return absl::OkStatus();
}

absl::Status read_rounding(const Json& j, std::string_view key, Rounding& out) {
  if (!j.is_string()) return bad(key, "must be \"half_up\", \"half_even\" or \"truncate\"");
  absl::StatusOr<Rounding> r = parse_rounding(j.get<std::string>());
  if (!r.ok()) return bad(key, "must be \"half_up\", \"half_even\" or \"truncate\"");
  out = *r;
  return absl::OkStatus();
}

constexpr int kMaxDecimals = 6;

absl::Status read_presentation(const Json& j, const std::string& id, Presentation& p) {
  if (!j.is_object()) return bad(id, "must be an object");
  for (const auto& [key, value] : j.items()) {
    const std::string where = absl::StrCat(id, ".", key);
    int n = 0;
    Rounding r{};
    if (key == "decimals") {
      if (absl::Status s = read_int(value, where, 0, kMaxDecimals, n); !s.ok()) return s;
      p.decimals = n;
    } else if (key == "rounding") {
      if (absl::Status s = read_rounding(value, where, r); !s.ok()) return s;
      p.rounding = r;
    } else if (key == "approximate") {
      if (absl::Status s = read_bool(value, where, p.approximate); !s.ok()) return s;
    } else if (key == "yoy") {
      if (!value.is_object()) return bad(where, "must be an object");
      for (const auto& [ykey, yvalue] : value.items()) {
        const std::string ywhere = absl::StrCat(where, ".", ykey);
        if (ykey == "decimals") {
          if (absl::Status s = read_int(yvalue, ywhere, 0, kMaxDecimals, n); !s.ok()) return s;
          p.yoy_decimals = n;
        } else if (ykey == "rounding") {
          if (absl::Status s = read_rounding(yvalue, ywhere, r); !s.ok()) return s;
          p.yoy_rounding = r;
        } else {
          return bad(ywhere, "is not a profile key");
        }
      }
    } else {
      return bad(where, "is not a profile key");
    }
  }
  return absl::OkStatus();
}

}  // namespace

std::string_view correction_basis_name(CorrectionBasis basis) noexcept {
  switch (basis) {
    case CorrectionBasis::kConcluded: return "concluded";
    case CorrectionBasis::kConcludedByDecision: return "concluded_by_decision";
    case CorrectionBasis::kAccepted: return "accepted";
  }
  return "concluded";
}

const Presentation& Profile::presentation(std::string_view id) const {
  static const Presentation kNone;
  auto it = metrics.find(absl_view(id));
  return it == metrics.end() ? kNone : it->second;
}

absl::StatusOr<Profile> Profile::from_json(std::string_view text) {
  const Json root = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded()) return absl::InvalidArgumentError("profile: not valid JSON");
  if (!root.is_object()) return absl::InvalidArgumentError("profile: the top level must be an object");
  Profile p;
  for (const auto& [key, value] : root.items()) {
    absl::Status s;
    int n = 0;
    if (key == "rounding") {
      s = read_rounding(value, key, p.rounding);
    } else if (key == "percent_decimals") {
      s = read_int(value, key, 0, kMaxDecimals, p.percent_decimals);
    } else if (key == "wan_decimals") {
      s = read_int(value, key, 0, kMaxDecimals, p.wan_decimals);
    } else if (key == "day_decimals") {
      s = read_int(value, key, 0, kMaxDecimals, p.day_decimals);
    } else if (key == "yoy_decimals") {
      s = read_int(value, key, 0, kMaxDecimals, p.yoy_decimals);
    } else if (key == "correction_basis") {
      const std::string v = value.is_string() ? value.get<std::string>() : "";
      if (v == "concluded") {
        p.correction_basis = CorrectionBasis::kConcluded;
      } else if (v == "concluded_by_decision") {
        p.correction_basis = CorrectionBasis::kConcludedByDecision;
      } else if (v == "accepted") {
        p.correction_basis = CorrectionBasis::kAccepted;
      } else {
        s = bad(key, "must be \"concluded\", \"concluded_by_decision\" or \"accepted\"");
      }
    } else if (key == "withdrawn_is_correction") {
      s = read_bool(value, key, p.withdrawn_is_correction);
    } else if (key == "terminated_is_correction") {
      s = read_bool(value, key, p.terminated_is_correction);
    } else if (key == "exclude_suspended_days") {
      s = read_bool(value, key, p.exclude_suspended_days);
    } else if (key == "roll_over_make_up_weekends") {
      s = read_bool(value, key, p.period_rules.roll_over_make_up_weekends);
    } else if (key == "legal_aid_review_limit_workdays") {
      s = read_int(value, key, 0, 365, p.legal_aid_review_limit_workdays);
    } else if (key == "legal_aid_assignment_limit_workdays") {
      s = read_int(value, key, 0, 365, p.legal_aid_assignment_limit_workdays);
    } else if (key == "legal_aid_case_limit_days") {
      s = read_int(value, key, 1, 3650, n);
      p.legal_aid_case_limit_days = n;
    } else if (key == "metrics") {
      if (!value.is_object()) {
        s = bad(key, "must be an object of metric ids");
      } else {
        for (const auto& [id, pres] : value.items()) {
          s = read_presentation(pres, id, p.metrics[id]);
          if (!s.ok()) break;
        }
      }
    } else if (key == "narrative") {
      if (!value.is_object()) {
        s = bad(key, "must be an object");
      } else {
        for (const auto& [nkey, nvalue] : value.items()) {
          if (nkey != "omit" || !nvalue.is_array()) {
            s = bad(absl::StrCat("narrative.", nkey), "is not a profile key (use \"omit\": [...])");
            break;
          }
          for (const Json& sentence : nvalue) {
            if (!sentence.is_string()) {
              s = bad("narrative.omit", "must list sentence ids");
              break;
            }
            p.narrative_omit.insert(sentence.get<std::string>());
          }
        }
      }
    } else if (key == "departments") {
      s = internal::read_department_rules(value, p.departments);
    } else if (key == "breakdowns") {
      s = internal::read_table_specs(value, key, p.breakdowns);
    } else if (key == "series") {
      s = internal::read_table_specs(value, key, p.series);
    } else if (key == "comment" || key == "$comment") {
      // Free text for the bureau's own notes.
    } else {
      s = bad(key, "is not a profile key");
    }
    if (!s.ok()) return s;
  }
  return p;
}

absl::StatusOr<Profile> Profile::from_file(const std::string& path) {
  absl::StatusOr<std::string> text =
      internal::read_small_file(path, internal::to_valid_utf8(path), internal::kMaxProfileBytes);
  if (!text.ok()) return text.status();
  absl::StatusOr<Profile> p = from_json(*text);
  if (!p.ok()) return absl::Status(p.status().code(), absl::StrCat(path, ": ", p.status().message()));
  return p;
}

}  // namespace fazhi
