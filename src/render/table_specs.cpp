// The tables a report carries: the default set, and the profile's own list
// (docs/breakdowns.md, "In the report"; docs/profile.md).
#include "render/table_specs.hpp"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "fazhi/breakdown.hpp"
#include "fazhi/text.hpp"

namespace fazhi {
namespace {

TableSpec table(std::string_view metric, std::string_view by) {
  TableSpec t;
  t.metric = metric;
  t.by = by;
  return t;
}

}  // namespace

const std::vector<TableSpec>& default_breakdowns() {
  // What published reports print, by how often (docs/breakdowns.md): intake
  // by category, respondent level and act type; closed cases by disposition;
  // litigation by defendant level and outcome; legal aid by case type;
  // mediation by category and organisation type; a city's or a province's
  // intake of each family by district (or city).
  static const std::vector<TableSpec> kDefault = {
      table("reconsideration.received", "respondent_level"),
      table("reconsideration.received", "act_type"),
      table("reconsideration.received", "category"),
      table("reconsideration.closed", "disposition"),
      table("litigation.received", "defendant_level"),
      table("litigation.judged_first_instance", "outcome"),
      table("legal_aid.accepted", "case_type"),
      table("mediation.received", "category"),
      table("mediation.received", "org_type"),
      table("reconsideration.received", "region"),
      table("litigation.received", "region"),
      table("legal_aid.accepted", "region"),
      table("mediation.received", "region"),
  };
  return kDefault;
}

const std::vector<TableSpec>& default_series() {
  static const std::vector<TableSpec> kDefault = {
      table("reconsideration.received", "month"),
      table("litigation.received", "month"),
      table("legal_aid.accepted", "month"),
      table("mediation.received", "month"),
  };
  return kDefault;
}

namespace internal {
namespace {

using Json = nlohmann::json;

absl::Status bad(std::string_view where, std::string_view why) {
  return absl::InvalidArgumentError(absl::StrCat("profile: '", absl_view(where), "' ", absl_view(why)));
}

// check_dimension: `by` is a dimension of the metric's family (a series:
// month or quarter only).
absl::Status check_dimension(const TableSpec& t, bool series, const std::string& where) {
  if (!can_break_down(t.metric)) {
    return bad(absl::StrCat(where, ".metric"),
               absl::StrCat("names '", t.metric, "', which is not a count or rate of cases that can be split"));
  }
  if (series) {
    if (t.by == "month" || t.by == "quarter") return absl::OkStatus();
    return bad(absl::StrCat(where, ".by"), "must be \"month\" or \"quarter\"");
  }
  const Family family = metric_catalogue()[*metric_index(t.metric)].family;
  const std::span<const BreakdownDimension> dims = breakdown_dimensions();
  const bool known = std::any_of(dims.begin(), dims.end(), [&](const BreakdownDimension& d) {
    return d.family == family && d.name == t.by;
  });
  if (!known) {
    return bad(absl::StrCat(where, ".by"), absl::StrCat("names '", t.by, "', which is not a dimension of ",
                                                        absl_view(family_name(family)), " (docs/breakdowns.md)"));
  }
  return absl::OkStatus();
}

absl::Status read_spec(const Json& j, bool series, const std::string& where, TableSpec& t) {
  if (!j.is_object()) return bad(where, "must be an object with \"metric\" and \"by\"");
  for (const auto& [key, value] : j.items()) {
    const std::string at = absl::StrCat(where, ".", key);
    if (key == "metric" || key == "by") {
      if (!value.is_string()) return bad(at, "must be a string");
      (key == "metric" ? t.metric : t.by) = value.get<std::string>();
    } else if (series) {
      return bad(at, "is not a key of a series (\"metric\", \"by\")");
    } else if (key == "top") {
      if (!value.is_number_integer() || value.get<int64_t>() < 0 || value.get<int64_t>() > 1000) {
        return bad(at, "must be a whole number between 0 and 1000");
      }
      t.top = value.get<size_t>();
    } else if (key == "decimals") {
      if (!value.is_number_integer() || value.get<int64_t>() < 0 || value.get<int64_t>() > 6) {
        return bad(at, "must be between 0 and 6");
      }
      t.decimals = value.get<int>();
    } else if (key == "rounding") {
      absl::StatusOr<Rounding> r =
          value.is_string() ? parse_rounding(value.get<std::string>()) : absl::InvalidArgumentError("");
      if (!r.ok()) return bad(at, "must be \"half_up\", \"half_even\" or \"truncate\"");
      t.rounding = *r;
    } else if (key == "order") {
      if (!value.is_array()) return bad(at, "must list keys");
      for (const Json& k : value) {
        if (!k.is_string()) return bad(at, "must list keys (strings)");
        t.order.push_back(k.get<std::string>());
      }
    } else {
      return bad(at, "is not a key of a breakdown (\"metric\", \"by\", \"top\", \"decimals\", \"rounding\", \"order\")");
    }
  }
  if (t.metric.empty() || t.by.empty()) return bad(where, "needs \"metric\" and \"by\"");
  return check_dimension(t, series, where);
}

}  // namespace

absl::Status read_table_specs(const Json& j, std::string_view key, std::vector<TableSpec>& out) {
  if (!j.is_array()) return bad(key, "must be an array of tables");
  out.clear();
  for (size_t i = 0; i < j.size(); ++i) {
    TableSpec t;
    if (absl::Status s = read_spec(j[i], key == "series", absl::StrCat(absl_view(key), "[", i, "]"), t); !s.ok()) {
      return s;
    }
    out.push_back(std::move(t));
  }
  return absl::OkStatus();
}

}  // namespace internal
}  // namespace fazhi
