// Breakdowns and series as documents (fazhi/breakdown.hpp): JSON in the
// shape of docs/breakdowns.md, and text or Markdown tables with a
// 合计 row. Exact values stay exact in the JSON ({"num", "den", "decimal"});
// the texts are cut as the report's are (2 decimals for percentages).

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "fazhi/breakdown.hpp"
#include "fazhi/report.hpp"
#include "fazhi/text.hpp"
#include "render/breakdown_json.hpp"
#include "render/json_writer.hpp"

namespace fazhi {
namespace {

using internal::JsonWriter;

constexpr int kPercentDecimals = 2;
constexpr int kJsonDecimals = 4;  // a rate or share in the JSON is a fraction of 1 to 4 places
constexpr Rounding kRounding = Rounding::kHalfUp;

// Cut is how a breakdown's shares and rates are written: its decimals and
// rounding (the profile's, per table); a series' are the defaults.
struct Cut {
  int decimals = kPercentDecimals;
  Rounding rounding = kRounding;
  // A fraction of 1 in the JSON: 4 places, more when the percentage has more.
  int json_decimals() const { return std::max(kJsonDecimals, decimals + 2); }
};
Cut cut_of(const Breakdown& b) { return {b.decimals, b.rounding}; }

void write_fraction(JsonWriter& w, const Fraction& f, Cut cut = {}) {
  w.begin_object();
  w.key("num");
  w.number(f.num().str());
  w.key("den");
  w.number(f.den().str());
  w.key("decimal");
  w.value(format_decimal(f, cut.json_decimals(), cut.rounding));
  w.end_object();
}

// A count as an integer, a rate as its exact fraction, an undefined value as null.
void write_value(JsonWriter& w, const Value& v, Cut cut = {}) {
  if (!v.defined()) {
    w.null();
  } else if (v.kind == ValueKind::kCount) {
    w.value(v.integer);
  } else {
    write_fraction(w, Fraction(v.num, v.den), cut);
  }
}

// value_text is the value as a table cell prints it: "140 件", "93.75%".
std::string value_text(const MetricInfo& m, const Value& v, Cut cut = {}) {
  if (!v.defined()) return "—";
  if (v.kind == ValueKind::kCount) return absl::StrCat(v.integer, " ", absl_view(m.unit));
  return format_percent(v.num, v.den, cut.decimals, cut.rounding);
}

// row_text is a row's text: "140 件（92.72%）", or the rate.
std::string row_text(const MetricInfo& m, const BreakdownRow& r, Cut cut = {}) {
  std::string t = value_text(m, r.value, cut);
  if (r.share.defined()) absl::StrAppend(&t, "（", format_percent(r.share, cut.decimals, cut.rounding), "）");
  return t;
}

std::string change_text(const BreakdownRow& r, Cut cut = {}) {
  if (r.change_pp.defined()) {
    return absl::StrCat(format_decimal(Fraction(r.change_pp.num() * 100, r.change_pp.den()), cut.decimals,
                                       cut.rounding),
                        " 个百分点");
  }
  if (r.change.defined()) return format_percent(r.change, 1, cut.rounding);
  return "";
}

void write_period(JsonWriter& w, Period p) {
  w.begin_object();
  w.key("from");
  w.value(format_iso_day(p.from));
  w.key("to");
  w.value(format_iso_day(p.to));
  w.end_object();
}

}  // namespace

namespace internal {

void write_breakdown(JsonWriter& w, const Breakdown& b, bool in_report) {
  const Cut cut = cut_of(b);
  w.begin_object();
  w.key("metric");
  w.value(b.metric->id);
  w.key("by");
  w.value(b.dimension.name);
  w.key("label");
  w.value(b.dimension.label);
  if (!in_report) {  // a report says its region and periods once
    w.key("region");
    w.value(b.region.str());
    w.key("period");
    write_period(w, b.period);
    w.key("compared");
    write_period(w, b.previous);
  }
  w.key("total");
  w.begin_object();
  w.key("value");
  write_value(w, b.total, cut);
  w.key("previous");
  write_value(w, b.previous_total, cut);
  w.end_object();
  w.key("rows");
  w.begin_array();
  for (const BreakdownRow& r : b.rows) {
    w.begin_object();
    w.key("key");
    if (r.key) {
      w.value(*r.key);
    } else {
      w.null();
    }
    w.key("label");
    w.value(r.label);
    w.key("value");
    write_value(w, r.value, cut);
    if (r.value.defined() && r.value.kind == ValueKind::kRatio) {
      w.key("numerator");
      w.value(r.value.num);
      w.key("denominator");
      w.value(r.value.den);
    }
    if (r.share.defined()) {
      w.key("share");
      write_fraction(w, r.share, cut);
    }
    w.key("previous");
    write_value(w, r.previous, cut);
    if (r.change.defined()) {
      w.key("yoy");
      write_fraction(w, r.change);
    }
    if (r.change_pp.defined()) {
      w.key("change_pp");
      write_fraction(w, r.change_pp, cut);
    }
    w.key("rank");
    if (r.rank > 0) {
      w.value(r.rank);
    } else {
      w.null();
    }
    w.key("text");
    w.value(row_text(*b.metric, r, cut));
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

void write_series(JsonWriter& w, const Series& s, bool in_report) {
  w.begin_object();
  w.key("metric");
  w.value(s.metric->id);
  w.key("by");
  w.value(s.by);
  if (!in_report) {
    w.key("region");
    w.value(s.region.str());
  }
  w.key("points");
  w.begin_array();
  for (const SeriesPoint& p : s.points) {
    w.begin_object();
    w.key("period");
    w.value(p.period);
    w.key("value");
    write_value(w, p.value);
    w.key("previous");
    write_value(w, p.previous);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

}  // namespace internal

namespace {

// Table writes rows of cells as tab-separated text or a Markdown table.
struct Table {
  TableFormat format;
  std::string out;
  void row(const std::vector<std::string>& cells, bool header = false) {
    const bool md = format == TableFormat::kMarkdown;
    for (size_t k = 0; k < cells.size(); ++k) {
      if (md) {
        absl::StrAppend(&out, k == 0 ? "| " : " | ", markdown_cell(cells[k]));
      } else {
        absl::StrAppend(&out, k == 0 ? "" : "\t", display_text(cells[k]));
      }
    }
    absl::StrAppend(&out, md ? " |\n" : "\n");
    if (md && header) {
      for (size_t k = 0; k < cells.size(); ++k) absl::StrAppend(&out, k == 0 ? "| --- " : "| --- ");
      absl::StrAppend(&out, "|\n");
    }
  }
};

}  // namespace

std::string breakdown_row_text(const Breakdown& b, const BreakdownRow& row) { return row_text(*b.metric, row, cut_of(b)); }
std::string breakdown_change_text(const BreakdownRow& row) { return change_text(row); }
std::string breakdown_value_text(const Breakdown& b, const Value& value) { return value_text(*b.metric, value, cut_of(b)); }

std::string to_json(const Breakdown& b) {
  std::string out;
  JsonWriter w(out);
  internal::write_breakdown(w, b, false);
  w.finish();
  return out;
}

std::string render_table(const Breakdown& b, TableFormat format) {
  Table t{format, ""};
  const Cut cut = cut_of(b);
  const bool count = b.metric->kind == ValueKind::kCount;
  t.row({"排名", std::string(b.dimension.label), std::string(b.metric->label), count ? "占比" : "",
         "上年同期", count ? "同比" : "同比（个百分点）"},
        true);
  for (const BreakdownRow& r : b.rows) {
    t.row({r.rank > 0 ? std::to_string(r.rank) : "", r.label, value_text(*b.metric, r.value, cut),
           r.share.defined() ? format_percent(r.share, cut.decimals, cut.rounding) : "",
           value_text(*b.metric, r.previous, cut), change_text(r, cut)});
  }
  const BreakdownRow total = total_row(b);
  t.row({"", "合计", value_text(*b.metric, b.total, cut), count && b.additive ? "100%" : "",
         value_text(*b.metric, b.previous_total, cut), change_text(total, cut)});
  return t.out;
}

std::string to_json(const Series& s) {
  std::string out;
  JsonWriter w(out);
  internal::write_series(w, s, false);
  w.finish();
  return out;
}

std::string render_table(const Series& s, TableFormat format) {
  Table t{format, ""};
  t.row({s.by == "quarter" ? "季度" : "月份", std::string(s.metric->label), "上年同期"}, true);
  for (const SeriesPoint& p : s.points) {
    t.row({p.period, value_text(*s.metric, p.value), value_text(*s.metric, p.previous)});
  }
  return t.out;
}

namespace {

// A margin (a row's or a column's total) as the cross-table's JSON gives it.
void write_margin(JsonWriter& w, const BreakdownRow& r) {
  w.begin_object();
  w.key("key");
  if (r.key) {
    w.value(*r.key);
  } else {
    w.null();
  }
  w.key("label");
  w.value(r.label);
  w.key("value");
  write_value(w, r.value);
  w.end_object();
}

}  // namespace

std::string to_json(const CrossTable& c) {
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.key("metric");
  w.value(c.metric->id);
  w.key("rows_by");
  w.value(c.rows_dimension.name);
  w.key("rows_label");
  w.value(c.rows_dimension.label);
  w.key("columns_by");
  w.value(c.columns_dimension.name);
  w.key("columns_label");
  w.value(c.columns_dimension.label);
  w.key("region");
  w.value(c.region.str());
  w.key("period");
  write_period(w, c.period);
  w.key("total");
  write_value(w, c.total);
  w.key("rows");
  w.begin_array();
  for (const BreakdownRow& r : c.rows) write_margin(w, r);
  w.end_array();
  w.key("columns");
  w.begin_array();
  for (const BreakdownRow& r : c.columns) write_margin(w, r);
  w.end_array();
  w.key("cells");
  w.begin_array();
  for (const std::vector<Value>& row : c.cells) {
    w.begin_array();
    for (const Value& v : row) write_value(w, v);
    w.end_array();
  }
  w.end_array();
  w.end_object();
  w.finish();
  return out;
}

std::string render_table(const CrossTable& c, TableFormat format) {
  Table t{format, ""};
  std::vector<std::string> header = {std::string(c.rows_dimension.label) + " \\ " +
                                     std::string(c.columns_dimension.label)};
  for (const BreakdownRow& col : c.columns) header.push_back(col.label);
  header.push_back("合计");
  t.row(header, true);
  for (size_t i = 0; i < c.rows.size(); ++i) {
    std::vector<std::string> cells = {c.rows[i].label};
    for (const Value& v : c.cells[i]) cells.push_back(value_text(*c.metric, v));
    cells.push_back(value_text(*c.metric, c.rows[i].value));
    t.row(cells);
  }
  std::vector<std::string> totals = {"合计"};
  for (const BreakdownRow& col : c.columns) totals.push_back(value_text(*c.metric, col.value));
  totals.push_back(value_text(*c.metric, c.total));
  t.row(totals);
  return t.out;
}

}  // namespace fazhi
