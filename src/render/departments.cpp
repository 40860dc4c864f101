// Department tables as documents (fazhi/departments.hpp): JSON for programs
// and a text table for people. A figure's case list is written as its case
// ids only; `fazhi cases` gives the records. Points are hundredths, written
// as decimals.

#include <string>

#include "absl/strings/str_cat.h"
#include "fazhi/date.hpp"
#include "fazhi/departments.hpp"
#include "fazhi/exact.hpp"
#include "fazhi/text.hpp"
#include "platform/messages.hpp"
#include "render/json_writer.hpp"

namespace fazhi {
namespace {

// kDecimals: the decimals of a rate's "decimal" string, as the report's JSON.
constexpr int kDecimals = 4;

void write_value(internal::JsonWriter& w, const Value& v) {
  switch (v.kind) {
    case ValueKind::kCount: w.value(v.integer); return;
    case ValueKind::kRatio:
      w.begin_object();
      w.key("num");
      w.value(v.num);
      w.key("den");
      w.value(v.den);
      w.key("decimal");
      w.value(format_decimal(v.exact(), kDecimals, Rounding::kHalfUp));
      w.end_object();
      return;
    default: w.null();
  }
}

void write_ids(internal::JsonWriter& w, const Dataset& ds, const DepartmentFigure& f, const std::vector<size_t>& rows) {
  w.begin_array();
  for (const size_t row : rows) {
    const std::vector<std::pair<std::string_view, std::string>> columns = case_columns(ds, f.kind, row);
    w.value(columns.empty() ? std::string() : columns[0].second);  // case_id comes first in every kind
  }
  w.end_array();
}

// text of a figure for people: a count, or a rate as a percentage with its parts.
std::string figure_text(const Value& v) {
  switch (v.kind) {
    case ValueKind::kCount: return absl::StrCat(v.integer);
    case ValueKind::kRatio:
      return absl::StrCat(format_percent(v.exact(), 2, Rounding::kHalfUp), " (", v.num, "/", v.den, ")");
    default: return "-";
  }
}

}  // namespace

std::string format_points(int64_t hundredths) {
  return format_decimal(Fraction(hundredths, 100).reduced(), hundredths % 100 == 0 ? 0 : hundredths % 10 == 0 ? 1 : 2,
                        Rounding::kHalfUp);
}

std::string to_json(const DepartmentTable& t, const Dataset& ds) {
  std::string out;
  internal::JsonWriter w(out);
  w.begin_object();
  w.key("region");
  w.value(t.region.str());
  w.key("period");
  w.begin_object();
  w.key("from");
  w.value(format_iso_day(t.period.from));
  w.key("to");
  w.value(format_iso_day(t.period.to));
  w.end_object();
  if (!t.assessment.empty() || t.full_score > 0) {
    w.key("assessment");
    w.value(t.assessment);
    w.key("full_score");
    w.value(format_points(t.full_score));
  }
  w.key("departments");
  w.begin_array();
  for (const Department& d : t.departments) {
    w.begin_object();
    w.key("name");
    w.value(d.name);
    w.key("level");
    if (d.level) {
      w.value(*d.level);
    } else {
      w.null();
    }
    w.key("rank");
    if (d.rank > 0) {
      w.value(d.rank);
    } else {
      w.null();
    }
    w.key("metrics");
    w.begin_array();
    for (const DepartmentFigure& f : d.figures) {
      w.begin_object();
      w.key("id");
      w.value(f.id);
      w.key("label");
      w.value(f.label);
      w.key("value");
      write_value(w, f.value);
      if (!f.value.defined()) {
        w.key("reason");
        w.value(f.value.reason.view());
      }
      w.key("rank");
      if (f.rank > 0) {
        w.value(f.rank);
      } else {
        w.null();
      }
      w.key(f.value.kind == ValueKind::kRatio || !f.denominator_rows.empty() ? "numerator_cases" : "cases");
      write_ids(w, ds, f, f.rows);
      if (f.value.kind == ValueKind::kRatio || !f.denominator_rows.empty()) {
        w.key("denominator_cases");
        write_ids(w, ds, f, f.denominator_rows);
      }
      w.end_object();
    }
    w.end_array();
    if (d.score) {
      w.key("score");
      w.value(format_points(*d.score));
      w.key("deductions");
      w.begin_array();
      for (const Deduction& x : d.deductions) {
        w.begin_object();
        w.key("rule");
        w.value(x.rule);
        w.key("points");
        w.value(format_points(x.points));
        if (x.uncapped != x.points) {
          w.key("points_before_cap");
          w.value(format_points(x.uncapped));
        }
        if (x.metric.empty()) {
          w.key("cases");
          w.begin_array();
          for (const std::string& id : x.cases) w.value(id);
          w.end_array();
        } else {
          w.key("metric");
          w.value(x.metric);
          w.key("value");
          write_value(w, x.value);
        }
        w.end_object();
      }
      w.end_array();
    }
    w.end_object();
  }
  w.end_array();
  w.end_object();
  w.finish();
  return out;
}

std::string render_departments(const DepartmentTable& t) {
  std::string out;
  absl::StrAppend(&out, _("Departments of"), " ", t.region.str(), ", ", format_iso_day(t.period.from), " - ",
                  format_iso_day(t.period.to));
  if (!t.assessment.empty()) absl::StrAppend(&out, ", ", display_text(t.assessment));
  out += "\n";
  for (const Department& d : t.departments) {
    absl::StrAppend(&out, "\n", d.rank > 0 ? absl::StrCat(d.rank, ". ") : std::string("-  "),
                    d.name.empty() ? std::string("（未填）") : display_text(d.name));
    if (d.level) absl::StrAppend(&out, " [", *d.level, "]");
    if (d.score) absl::StrAppend(&out, "  ", _("score"), " ", format_points(*d.score), "/", format_points(t.full_score));
    out += "\n";
    for (const DepartmentFigure& f : d.figures) {
      absl::StrAppend(&out, "  ", display_text(f.label), "\t", figure_text(f.value));
      if (f.rank > 0) absl::StrAppend(&out, "\t", _("rank"), " ", f.rank);
      out += "\n";
    }
    for (const Deduction& x : d.deductions) {
      absl::StrAppend(&out, "  - ", display_text(x.rule), ": -", format_points(x.points));
      if (x.metric.empty()) {
        std::string ids;
        for (const std::string& id : x.cases) absl::StrAppend(&ids, ids.empty() ? "" : ", ", display_text(id));
        absl::StrAppend(&out, " (", ids, ")");
      } else {
        absl::StrAppend(&out, " (", x.metric, " = ", figure_text(x.value), ")");
      }
      out += "\n";
    }
  }
  return out;
}

}  // namespace fazhi
