// The profile's "departments" key (department_rules.hpp): docs/departments.md
// describes it. Points are read exactly, as hundredths ("0.5" or 0.5 is 50),
// and thresholds as exact fractions ("95%", "0.95", 1).
#include "render/department_rules.hpp"

#include <cmath>
#include <string>

#include "absl/strings/str_cat.h"
#include "fazhi/cases.hpp"
#include "fazhi/departments.hpp"
#include "fazhi/metrics.hpp"
#include "fazhi/text.hpp"

namespace fazhi::internal {
namespace {

using Json = nlohmann::json;

absl::Status bad(std::string_view where, std::string_view why) {
  return absl::InvalidArgumentError(absl::StrCat("profile: 'departments.", absl_view(where), "' ", absl_view(why)));
}

// decimal reads "12.5", "95%" or a JSON number as an exact fraction.
bool decimal(const Json& j, Fraction& out) {
  std::string text;
  if (j.is_number_integer()) {
    out = Fraction(j.get<int64_t>(), 1);
    return true;
  }
  if (j.is_number_float()) {
    text = j.dump();  // the shortest text that reads back as the number: 0.95, not 0.9499999...
  } else if (j.is_string()) {
    text = j.get<std::string>();
  } else {
    return false;
  }
  int64_t den = 1, num = 0;
  bool dot = false, digits = false, percent = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      if (num > (INT64_MAX - 9) / 10 || den > INT64_MAX / 10) return false;
      num = num * 10 + (c - '0');
      if (dot) den *= 10;
      digits = true;
    } else if (c == '.' && !dot) {
      dot = true;
    } else if (c == '%' && i + 1 == text.size() && digits) {
      percent = true;
    } else {
      return false;
    }
  }
  if (!digits) return false;
  if (percent) {
    if (den > INT64_MAX / 100) return false;
    den *= 100;
  }
  out = Fraction(num, den);
  return true;
}

// points reads a number of points into hundredths, refusing more decimals.
absl::Status points(const Json& j, std::string_view where, int64_t& out) {
  Fraction f;
  if (!decimal(j, f) || (j.is_string() && j.get<std::string>().ends_with("%"))) {
    return bad(where, "must be a number of points (at most 2 decimals)");
  }
  const Fraction r = f.reduced();
  const BigInt hundredths = r.num() * 100;
  if (hundredths % r.den() != 0) return bad(where, "must have at most 2 decimals");
  const BigInt v = hundredths / r.den();
  if (v > 100'000'000) return bad(where, "is too large");
  out = static_cast<int64_t>(v);
  return absl::OkStatus();
}

absl::Status read_rule(const Json& j, size_t index, AssessmentRule& r) {
  const std::string where = absl::StrCat("assessment.indicators[", index, "]");
  if (!j.is_object()) return bad(where, "must be an object");
  bool has_weight = false, has_per_case = false, has_points = false;
  for (const auto& [key, value] : j.items()) {
    const std::string at = absl::StrCat(where, ".", key);
    absl::Status s;
    if (key == "name" || key == "metric" || key == "part" || key == "follow_up") {
      if (!value.is_string()) return bad(at, "must be text");
      const std::string v = value.get<std::string>();
      (key == "name" ? r.name : key == "metric" ? r.metric : key == "part" ? r.part : r.follow_up) = v;
    } else if (key == "weight") {
      s = points(value, at, r.weight);
      has_weight = true;
    } else if (key == "per_case") {
      s = points(value, at, r.per_case);
      has_per_case = true;
    } else if (key == "points") {
      s = points(value, at, r.points);
      has_points = true;
    } else if (key == "below" || key == "above") {
      Fraction f;
      if (!decimal(value, f)) return bad(at, "must be a number or a percentage (\"95%\")");
      (key == "below" ? r.below : r.above) = f;
    } else if (key == "comment") {
    } else {
      return bad(at, "is not a key of an indicator (name, metric, part, follow_up, weight, per_case, below, above, "
                     "points)");
    }
    if (!s.ok()) return s;
  }
  if (r.name.empty()) return bad(where, "needs a \"name\"");
  if (!has_weight) return bad(where, "needs a \"weight\": the points the indicator is worth");
  const bool threshold = r.below.has_value() || r.above.has_value();
  if (has_per_case == threshold) {
    return bad(where, "needs either \"per_case\" (points per case) or a threshold (\"below\" or \"above\")");
  }
  if (threshold != has_points) return bad(where, "needs \"points\" with a threshold, and only then");
  if (!r.follow_up.empty()) {
    if (!r.metric.empty() || threshold) return bad(where, "a follow_up is counted per case and names no metric");
    auto in_table = [](std::string_view id) {
      for (const std::string_view m : department_metrics()) {
        if (m == id) return true;
      }
      return id.empty();
    };
    for (const FollowUp& f : follow_ups()) {
      if (f.name != r.follow_up) continue;
      if (!in_table(f.metric) || !in_table(f.minus_metric)) {
        return bad(where, absl::StrCat("the follow-up list '", r.follow_up,
                                       "' is not made of a department's cases (its figures are not in the table)"));
      }
      return absl::OkStatus();
    }
    return bad(where, absl::StrCat("names no follow-up list '", r.follow_up, "' (fazhi cases --follow-ups)"));
  }
  if (r.metric.empty()) return bad(where, "needs a \"metric\" or a \"follow_up\"");
  const std::optional<size_t> m = metric_index(r.metric);
  if (!m) return bad(where, absl::StrCat("names no metric '", r.metric, "' (docs/metrics.md)"));
  bool listed = false;
  for (const std::string_view id : department_metrics()) listed |= id == r.metric;
  if (!listed) return bad(where, absl::StrCat("'", r.metric, "' is not a figure of the department table"));
  const bool ratio = metric_catalogue()[*m].kind == ValueKind::kRatio;
  if (has_per_case) {
    if (r.part.empty()) r.part = ratio ? "" : "count";
    const std::optional<CasePart> part = parse_case_part(r.part);
    if (!part || (ratio && *part == CasePart::kCount) || (!ratio && *part != CasePart::kCount)) {
      return bad(where, ratio ? "a rate's cases are its \"part\": \"numerator\" or \"denominator\""
                              : "a count's cases are its \"part\": \"count\"");
    }
  } else if (!r.part.empty()) {
    return bad(where, "a threshold is on the figure: it takes no \"part\"");
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status read_department_rules(const Json& j, DepartmentRules& out) {
  if (!j.is_object()) return absl::InvalidArgumentError("profile: 'departments' must be an object");
  for (const auto& [key, value] : j.items()) {
    if (key == "aliases") {
      if (!value.is_object()) return bad(key, "must map names as written to one name");
      for (const auto& [alias, name] : value.items()) {
        if (!name.is_string()) return bad(absl::StrCat("aliases.", alias), "must be a name");
        out.aliases[normalise_agency(alias)] = name.get<std::string>();
      }
    } else if (key == "assessment") {
      if (!value.is_object()) return bad(key, "must be an object");
      Assessment a;
      for (const auto& [akey, avalue] : value.items()) {
        if (akey == "name") {
          if (!avalue.is_string()) return bad("assessment.name", "must be text");
          a.name = avalue.get<std::string>();
        } else if (akey == "indicators") {
          if (!avalue.is_array() || avalue.empty()) return bad("assessment.indicators", "must list the indicators");
          for (size_t i = 0; i < avalue.size(); ++i) {
            AssessmentRule r;
            if (absl::Status s = read_rule(avalue[i], i, r); !s.ok()) return s;
            a.rules.push_back(std::move(r));
          }
        } else if (akey != "comment") {
          return bad(absl::StrCat("assessment.", akey), "is not a key of an assessment (name, indicators)");
        }
      }
      if (a.rules.empty()) return bad("assessment", "needs \"indicators\"");
      out.assessment = std::move(a);
    } else if (key != "comment") {
      return bad(key, "is not a key of departments (aliases, assessment)");
    }
  }
  return absl::OkStatus();
}

}  // namespace fazhi::internal
