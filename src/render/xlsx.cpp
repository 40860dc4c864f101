// The report as an Excel workbook, through libxlsxwriter (fazhi/documents.hpp),
// and one breakdown, series or cross-table as a workbook of its own.
//
// One sheet per table: 汇总 (the period, the data-quality counts and every
// metric of the report), 各地区对比 (regions as rows, metrics as columns),
// a sheet per breakdown and series, when asked the department table and the
// follow-up lists (xlsx_records.cpp), and 数据说明 (the loader's notices). A
// table is written by a function of its own over Sheet (xlsx_sheet.hpp),
// which knows how to put a figure into two cells: the value as a number with
// a number format, and the published text beside it. A new table is one more
// such function, called from write_workbook.
#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "fazhi/breakdown.hpp"
#include "fazhi/documents.hpp"
#include "fazhi/text.hpp"
#include "render/document.hpp"
#include "render/xlsx_sheet.hpp"

namespace fazhi {
namespace {

using internal::cell_number;
using internal::display_width;
using namespace internal::xlsx;  // NOLINT(google-build-using-namespace): the sheet helpers

// write_heading writes the title, the periods and the data-quality counts at
// the top of the summary sheet (rows 0-2).
void write_heading(Sheet& s, std::string_view title, const Report& any) {
  s.text(0, 0, title, Style::kTitle, false);
  // The periods in one cell that runs over the empty ones beside it, so the
  // columns below keep their own widths.
  std::string periods = absl::StrCat("统计期间：", internal::period_text(any.period), "；同比期间：",
                                     internal::period_text(any.previous));
  if (any.sequential_period) {
    absl::StrAppend(&periods, "；环比期间：", internal::period_text(*any.sequential_period));
  }
  s.text(1, 0, periods, Style::kPlain, false);
  const DataQuality& q = any.data_quality;
  s.text(2, 0, "读取行数", Style::kLabel);
  s.number(2, 1, static_cast<double>(q.rows_read), "#,##0", 10);
  s.text(2, 2, "采用行数", Style::kLabel);
  s.number(2, 3, static_cast<double>(q.rows_read - q.rows_rejected), "#,##0", 10);
  s.text(2, 4, "拒收行数", Style::kLabel);
  s.number(2, 5, static_cast<double>(q.rows_rejected), "#,##0", 10);
}

// add_summary writes the summary sheet: the heading, then one metric a row
// with its value, the year-ago value and the changes (and the 环比 ones for
// a report that has them), each as a number and as published.
lxw_error add_summary(Workbook& book, const Report* report, std::span<const Report> regions) {
  Sheet s(book, book.add_sheet("汇总"));
  const Report& any = report != nullptr ? *report : regions.front();
  const std::string title =
      report != nullptr
          ? absl::StrCat(report->region_name, "（", report->region.str(), "）法治工作指标")
          : absl::StrCat("各地区法治工作指标（", regions.size(), " 个地区，见“各地区对比”）");
  write_heading(s, title, any);
  if (report == nullptr) {
    s.set_widths();
    return s.error();
  }

  // Rows 3-4: the header. Each figure's two columns sit under one heading.
  struct Group {
    std::string_view label;
    bool pair;
  };
  std::vector<Group> groups = {{"类别", false}, {"指标", false},  {"本期", true},
                               {"上年同期", true}, {"同比", true}, {"同比（个百分点）", true}};
  const bool sequential = report->sequential_period.has_value();
  if (sequential) {
    groups.insert(groups.end(), {{"上期", true}, {"环比", true}, {"环比（个百分点）", true}});
  }
  // 说明 (why a value is missing) comes last, so a long reason runs on over
  // the empty cells to its right.
  groups.insert(groups.end(), {{"口径", false}, {"指标编号", false}, {"说明", false}});
  constexpr lxw_row_t kTop = 3, kFirst = 5;
  lxw_col_t c = 0;
  for (const Group& g : groups) {
    if (g.pair) {
      s.header_span(kTop, c, c + 1, g.label);
      c += 2;
    } else {
      s.header(kTop, c++, "");
    }
  }
  c = 0;
  std::map<lxw_col_t, double> minimum;
  for (const Group& g : groups) {
    if (g.pair) {
      s.header(kTop + 1, c++, kNumberHeader);
      s.header(kTop + 1, c++, kTextHeader);
    } else {
      minimum[c] = static_cast<double>(display_width(g.label)) + kWidthPadding;
      s.header(kTop + 1, c++, g.label);
    }
  }
  const lxw_col_t basis_col = c - 3, id_col = c - 2, reason_col = c - 1;

  lxw_row_t row = kFirst;
  for (const MetricFigure& m : report->metrics) {
    s.text(row, 0, internal::family_label(m.info->family));
    s.text(row, 1, m.info->label);
    s.figure(row, 2, *m.info, m.value, m.text, false);
    if (m.has_previous) s.figure(row, 4, *m.info, m.previous, m.previous_text, false);
    s.change(row, 6, m.yoy, m.yoy_text);
    s.change(row, 8, m.yoy_pp, m.yoy_pp_text);
    if (sequential && m.sequential.has_previous) {
      s.figure(row, 10, *m.info, m.sequential.previous, m.sequential.previous_text, false);
      s.change(row, 12, m.sequential.change, m.sequential.change_text);
      s.change(row, 14, m.sequential.change_pp, m.sequential.change_pp_text);
    }
    if (!m.basis.empty()) s.text(row, basis_col, m.basis);
    if (!m.value.defined()) s.text(row, reason_col, m.value.reason.view(), Style::kMissing, false);
    s.text(row, id_col, m.info->id);
    ++row;
  }
  s.freeze(kFirst, 2);
  s.set_widths(minimum);
  return s.error();
}

// add_breakdown writes one of the report's breakdowns on a sheet of its own:
// a row per value (rank, key, label, the figure, its share, the year-ago
// figure, the change: each a number and its published text), then 合计.
lxw_error add_breakdown(Workbook& book, size_t place, const Breakdown& b) {
  const std::string title = absl::StrCat(absl_view(b.metric->label), absl_view(b.dimension.label));
  Sheet s(book, book.add_sheet(sheet_name(place, title)));
  s.text(0, 0, absl::StrCat(title, "（", internal::period_text(b.period), "）"), Style::kTitle, false);
  const bool count = b.metric->kind == ValueKind::kCount;
  const std::vector<std::string> header = {"排名", "键", std::string(b.dimension.label), "本期", "本期（公布值）",
                                           "占比", "占比（公布值）", "上年同期", "上年同期（公布值）",
                                           count ? "同比" : "同比（个百分点）",
                                           count ? "同比（公布值）" : "同比（个百分点，公布值）"};
  s.header_row(1, header);
  lxw_row_t row = 2;
  auto write = [&](const BreakdownRow& r, bool total) {
    if (r.rank > 0) s.number(row, 0, static_cast<double>(r.rank), "0", 3);
    if (!total && r.key) s.text(row, 1, *r.key);
    s.text(row, 2, r.label, total ? Style::kLabel : Style::kPlain);
    s.figure(row, 3, *b.metric, r.value, breakdown_value_text(b, r.value), false);
    if (r.share.defined()) {
      const std::string shown = format_percent(r.share, b.decimals, b.rounding);
      s.number(row, 5, internal::to_double(r.share), "0.0000%", display_width(shown) + 5);
      s.text(row, 6, shown);
    }
    s.figure(row, 7, *b.metric, r.previous, breakdown_value_text(b, r.previous), false);
    s.change(row, 9, count ? r.change : r.change_pp, breakdown_change_text(r));
    ++row;
  };
  for (const BreakdownRow& r : b.rows) write(r, false);
  BreakdownRow total = total_row(b);
  if (!b.additive) total.share = Fraction::undefined();
  write(total, true);
  s.freeze(2, 3);
  s.set_widths();
  return s.error();
}

// add_series writes one of the report's series: a row per month (quarter),
// the figure and the same month a year earlier.
lxw_error add_series(Workbook& book, size_t place, const Series& series) {
  const bool quarters = series.by == "quarter";
  const std::string title = absl::StrCat(absl_view(series.metric->label), quarters ? "按季度" : "按月");
  Sheet s(book, book.add_sheet(sheet_name(place, title)));
  s.text(0, 0, absl::StrCat(title, "（", internal::period_text(series.period), "）"), Style::kTitle, false);
  const std::vector<std::string> header = {quarters ? "季度" : "月份", "本期", "本期（公布值）", "上年同期",
                                           "上年同期（公布值）"};
  s.header_row(1, header);
  Breakdown cut;  // a value's text, cut as a breakdown's by default
  cut.metric = series.metric;
  lxw_row_t row = 2;
  for (const SeriesPoint& p : series.points) {
    s.text(row, 0, p.period);
    s.figure(row, 1, *series.metric, p.value, breakdown_value_text(cut, p.value), false);
    s.figure(row, 3, *series.metric, p.previous, breakdown_value_text(cut, p.previous), false);
    ++row;
  }
  s.freeze(2, 1);
  s.set_widths();
  return s.error();
}

// add_comparison writes every region's figures: a region a row, a metric
// two columns (its number and its published text) under its family's and
// its own label.
lxw_error add_comparison(Workbook& book, std::span<const Report> regions) {
  Sheet s(book, book.add_sheet("各地区对比"));
  const std::span<const MetricInfo> cat = metric_catalogue();
  constexpr lxw_col_t kFirstMetric = 3;
  constexpr lxw_row_t kFirst = 3;
  // Row 0: the families, each over its metrics' columns (the catalogue keeps
  // a family's metrics together).
  for (size_t i = 0; i < cat.size();) {
    size_t j = i;
    while (j < cat.size() && cat[j].family == cat[i].family) ++j;
    s.header_span(0, static_cast<lxw_col_t>(kFirstMetric + 2 * i), static_cast<lxw_col_t>(kFirstMetric + 2 * j - 1),
                  internal::family_label(cat[i].family));
    i = j;
  }
  // Row 1: the metrics; row 2: 数值 / 公布值 under each, and the region columns.
  std::map<lxw_col_t, double> minimum;
  for (size_t i = 0; i < cat.size(); ++i) {
    const auto col = static_cast<lxw_col_t>(kFirstMetric + 2 * i);
    s.header_span(1, col, col + 1, cat[i].label);
    // Half the label over each of the two columns, so it shows whole.
    const double half = static_cast<double>(display_width(cat[i].label)) / 2 + 1;
    minimum[col] = std::max(minimum[col], half);
    minimum[col + 1] = std::max(minimum[col + 1], half);
  }
  s.header(2, 0, "区划代码");
  s.header(2, 1, "地区");
  s.header(2, 2, "层级");
  for (size_t i = 0; i < cat.size(); ++i) {
    const auto col = static_cast<lxw_col_t>(kFirstMetric + 2 * i);
    s.header(2, col, kNumberHeader);
    s.header(2, col + 1, kTextHeader);
  }
  lxw_row_t row = kFirst;
  for (const Report& r : regions) {
    s.text(row, 0, r.region.str());
    s.text(row, 1, r.region_name);
    s.text(row, 2, internal::region_level_label(r.region.level()));
    for (size_t i = 0; i < r.metrics.size() && i < cat.size(); ++i) {
      const MetricFigure& m = r.metrics[i];
      s.figure(row, static_cast<lxw_col_t>(kFirstMetric + 2 * i), *m.info, m.value, m.text, true);
    }
    ++row;
  }
  s.freeze(kFirst, 2);
  s.set_widths(minimum);
  return s.error();
}

// add_notices lists what the loader noticed (ignored files, unknown
// columns, encodings), one a row.
lxw_error add_notices(Workbook& book, const std::vector<std::string>& notices) {
  Sheet s(book, book.add_sheet("数据说明"));
  s.header(0, 0, "说明");
  lxw_row_t row = 1;
  for (const std::string& n : notices) s.text(row++, 0, notice_line(n));
  s.freeze(1, 0);
  s.set_widths({{0, 24}});
  return s.error();
}

// add_cross_table writes a cross-table: a row per value of the first
// dimension, a pair of columns (the number, the published text) per value of
// the second, the margins (合计) last.
lxw_error add_cross_table(Workbook& book, const CrossTable& t) {
  const std::string title = absl::StrCat(absl_view(t.metric->label), absl_view(t.rows_dimension.label), "、",
                                         absl_view(t.columns_dimension.label));
  Sheet s(book, book.add_sheet(sheet_name(0, title)));
  s.text(0, 0, absl::StrCat(title, "（", internal::period_text(t.period), "）"), Style::kTitle, false);
  Breakdown cut;  // a value's text, cut as a breakdown's by default
  cut.metric = t.metric;
  constexpr lxw_col_t kFirst = 2;
  const auto total_col = static_cast<lxw_col_t>(kFirst + 2 * t.columns.size());
  std::map<lxw_col_t, double> minimum;
  s.header(1, 0, "");
  s.header(1, 1, "");
  for (size_t j = 0; j <= t.columns.size(); ++j) {
    const auto col = static_cast<lxw_col_t>(kFirst + 2 * j);
    const std::string_view label = j < t.columns.size() ? std::string_view(t.columns[j].label) : "合计";
    s.header_span(1, col, col + 1, label);
    const double half = static_cast<double>(display_width(label)) / 2 + 1;
    minimum[col] = std::max(minimum[col], half);
    minimum[col + 1] = std::max(minimum[col + 1], half);
  }
  s.header_row(2, {"键", std::string(t.rows_dimension.label)});
  for (lxw_col_t col = kFirst; col <= total_col; col += 2) {
    s.header(2, col, kNumberHeader);
    s.header(2, col + 1, kTextHeader);
  }
  lxw_row_t row = 3;
  for (size_t i = 0; i < t.rows.size(); ++i) {
    if (t.rows[i].key) s.text(row, 0, *t.rows[i].key);
    s.text(row, 1, t.rows[i].label);
    for (size_t j = 0; j < t.columns.size() && j < t.cells[i].size(); ++j) {
      const Value& v = t.cells[i][j];
      s.figure(row, static_cast<lxw_col_t>(kFirst + 2 * j), *t.metric, v, breakdown_value_text(cut, v), false);
    }
    s.figure(row, total_col, *t.metric, t.rows[i].value, breakdown_value_text(cut, t.rows[i].value), false);
    ++row;
  }
  s.text(row, 1, "合计", Style::kLabel);
  for (size_t j = 0; j < t.columns.size(); ++j) {
    const Value& v = t.columns[j].value;
    s.figure(row, static_cast<lxw_col_t>(kFirst + 2 * j), *t.metric, v, breakdown_value_text(cut, v), false);
  }
  s.figure(row, total_col, *t.metric, t.total, breakdown_value_text(cut, t.total), false);
  s.freeze(3, 2);
  s.set_widths(minimum);
  return s.error();
}

// write_one writes a workbook of the sheets `add` makes.
template <typename Add>
absl::Status write_one(const std::string& path, Add add) {
  if (absl::Status s = open_workbook(path); !s.ok()) return s;
  Workbook book(path);
  if (!book.ok()) return written(LXW_ERROR_MEMORY_MALLOC_FAILED, path);
  if (lxw_error e = add(book); e != LXW_NO_ERROR) return written(e, path);
  return written(book.close(), path);
}

}  // namespace

absl::Status write_workbook(const DocumentContent& content, const std::string& path) {
  if (content.report == nullptr && content.regions.empty()) {
    return absl::InvalidArgumentError("write_workbook: no report and no regions to write");
  }
  if ((content.departments != nullptr || !content.case_lists.empty()) && content.records == nullptr) {
    return absl::InvalidArgumentError("write_workbook: a department table or case list needs its records");
  }
  return write_one(path, [&](Workbook& book) {
    if (lxw_error e = add_summary(book, content.report, content.regions); e != LXW_NO_ERROR) return e;
    if (!content.regions.empty()) {
      if (lxw_error e = add_comparison(book, content.regions); e != LXW_NO_ERROR) return e;
    }
    if (content.report != nullptr) {
      // The report's tables, a sheet each, numbered in the profile's order.
      size_t place = 1;
      for (const Breakdown& b : content.report->breakdowns) {
        if (lxw_error e = add_breakdown(book, place++, b); e != LXW_NO_ERROR) return e;
      }
      for (const Series& series : content.report->series) {
        if (lxw_error e = add_series(book, place++, series); e != LXW_NO_ERROR) return e;
      }
    }
    if (content.departments != nullptr) {
      if (lxw_error e = add_departments(book, *content.departments, *content.records); e != LXW_NO_ERROR) return e;
    }
    for (const CaseList& list : content.case_lists) {
      if (lxw_error e = add_case_list(book, case_list_sheet_name(list), list, *content.records); e != LXW_NO_ERROR) {
        return e;
      }
    }
    const Report& any = content.report != nullptr ? *content.report : content.regions.front();
    if (!any.data_quality.notices.empty()) {
      if (lxw_error e = add_notices(book, any.data_quality.notices); e != LXW_NO_ERROR) return e;
    }
    return LXW_NO_ERROR;
  });
}

absl::Status write_table_workbook(const Breakdown& breakdown, const std::string& path) {
  return write_one(path, [&](Workbook& book) { return add_breakdown(book, 0, breakdown); });
}

absl::Status write_table_workbook(const Series& series, const std::string& path) {
  return write_one(path, [&](Workbook& book) { return add_series(book, 0, series); });
}

absl::Status write_table_workbook(const CrossTable& table, const std::string& path) {
  return write_one(path, [&](Workbook& book) { return add_cross_table(book, table); });
}

absl::Status write_workbook(const CaseList& list, const Dataset& ds, const std::string& path) {
  return write_one(path, [&](Workbook& book) { return add_case_list(book, case_list_sheet_name(list), list, ds); });
}

absl::Status write_workbook(const DepartmentTable& table, const Dataset& ds, const std::string& path) {
  return write_one(path, [&](Workbook& book) { return add_departments(book, table, ds); });
}

}  // namespace fazhi
