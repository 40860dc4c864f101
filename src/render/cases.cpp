// Case lists as documents (fazhi/cases.hpp): JSON for programs, a text table
// for people, CSV for a spreadsheet. Each record is written with its own
// columns (case_columns), nothing more: a list is personal data
// (docs/cases.md). Headings come through gettext; JSON and CSV headers are
// the column names and never change with the language.

#include <string>

#include "absl/strings/str_cat.h"
#include "fazhi/breakdown.hpp"
#include "fazhi/cases.hpp"
#include "fazhi/date.hpp"
#include "fazhi/text.hpp"
#include "platform/messages.hpp"
#include "render/json_writer.hpp"

namespace fazhi {
namespace {

// The record's columns less the two every entry already names.
bool repeated(std::string_view column) { return column == "case_id" || column == "region"; }

// csv_cell quotes a field when it holds a comma, a quote or a line break (RFC 4180).
std::string csv_cell(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string to_json(const CaseList& list, const Dataset& ds) {
  std::string out;
  internal::JsonWriter w(out);
  w.begin_object();
  w.key("metric");
  w.value(list.metric ? list.metric->id : std::string_view());
  w.key("part");
  w.value(case_part_name(list.part));
  if (!list.follow_up.empty()) {
    w.key("follow_up");
    w.value(list.follow_up);
  }
  if (!list.by.empty()) {  // a breakdown row's list: the row as the breakdown writes it
    w.key("by");
    w.value(list.by);
    w.key("key");
    if (list.key) w.value(*list.key);
    else w.null();
    w.key("label");
    w.value(list.row_label);
  }
  w.key("region");
  w.value(list.region.str());
  w.key("period");
  w.begin_object();
  w.key("from");
  w.value(format_iso_day(list.period.from));
  w.key("to");
  w.value(format_iso_day(list.period.to));
  w.end_object();
  w.key("count");
  w.value(static_cast<int64_t>(list.cases.size()));
  w.key("cases");
  w.begin_array();
  for (const CaseEntry& c : list.cases) {
    w.begin_object();
    w.key("kind");
    w.value(kind_name(c.kind));
    w.key("case_id");
    w.value(c.case_id);
    w.key("region");
    w.value(c.region.str());
    w.key("reason");
    w.value(c.reason);
    if (c.times != 1) {
      w.key("times");
      w.value(c.times);
    }
    for (const auto& [column, text] : case_columns(ds, c.kind, c.row)) {
      if (repeated(column)) continue;
      w.key(column);
      w.value(text);
    }
    w.end_object();
  }
  w.end_array();
  w.end_object();
  w.finish();
  return out;
}

std::string to_csv(const CaseList& list, const Dataset& ds) {
  std::string out;
  if (list.cases.empty()) return "kind,case_id,region,reason\n";
  absl::StrAppend(&out, "kind,case_id,region,reason");
  for (const auto& [column, text] : case_columns(ds, list.cases[0].kind, list.cases[0].row)) {
    if (!repeated(column)) absl::StrAppend(&out, ",", absl_view(column));
  }
  out += "\n";
  for (const CaseEntry& c : list.cases) {
    absl::StrAppend(&out, absl_view(kind_name(c.kind)), ",", csv_cell(c.case_id), ",", c.region.str(), ",", csv_cell(c.reason));
    for (const auto& [column, text] : case_columns(ds, c.kind, c.row)) {
      if (!repeated(column)) absl::StrAppend(&out, ",", csv_cell(text));
    }
    out += "\n";
  }
  return out;
}

std::string render_case_list(const CaseList& list) {
  std::string out;
  std::string_view label = list.metric ? list.metric->label : std::string_view();
  for (const FollowUp& f : follow_ups()) {
    if (f.name == list.follow_up) label = f.label;
  }
  const char* part = list.part == CasePart::kNumerator     ? _("numerator")
                     : list.part == CasePart::kDenominator ? _("denominator")
                                                           : _("count");
  std::string row;  // a breakdown row's: "; 按被申请人类型: 县级政府部门"
  if (!list.by.empty()) {
    std::string_view by_label = list.by;
    for (const BreakdownDimension& d : breakdown_dimensions()) {
      if (list.metric && d.family == list.metric->family && d.name == list.by) by_label = d.label;
    }
    row = absl::StrCat("; ", display_text(by_label), ": ", display_text(list.row_label));
  }
  absl::StrAppend(&out, display_text(label), " (", absl_view(list.metric ? list.metric->id : ""), ", ", part, row,
                  "), ", list.region.str(), ", ", format_iso_day(list.period.from), " - ", format_iso_day(list.period.to),
                  ": ", list.cases.size(), "\n");
  for (const CaseEntry& c : list.cases) {
    absl::StrAppend(&out, display_text(c.case_id), "\t", c.region.str(), "\t", display_text(c.reason), "\n");
  }
  return out;
}

}  // namespace fazhi
