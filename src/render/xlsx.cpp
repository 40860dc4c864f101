// The report as an Excel workbook, through libxlsxwriter (fazhi/documents.hpp).
//
// One sheet per table: 汇总 (the period, the data-quality counts and every
// metric of the report), 各地区对比 (regions as rows, metrics as columns) and
// 数据说明 (the loader's notices). A table is written by a function of its
// own over Sheet, which knows how to put a figure into two cells: the value
// as a number with a number format, and the published text beside it. A new
// table (a breakdown, a series, a case list) is one more such function,
// called from write_workbook.
//
// The workbook is written in libxlsxwriter's constant-memory mode: each row
// goes to disk once the next one starts, so the table of thousands of regions
// is never held. Rows must therefore be written top to bottom, and no cell
// spans rows.
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "fazhi/breakdown.hpp"
#include "fazhi/documents.hpp"
#include "fazhi/text.hpp"
#include "load/encoding.hpp"
#include "render/document.hpp"

namespace fazhi {
namespace {

using internal::cell_number;
using internal::display_width;

// kMaxCellText: Excel keeps at most 32767 characters in a cell and
// libxlsxwriter refuses more; a longer text (a notice quoting a huge field)
// is cut, well inside the limit in bytes, at a character boundary.
constexpr size_t kMaxCellText = 32000;

// Column widths, in Excel's units (about one digit each; a Chinese character
// takes two).
constexpr double kMinWidth = 6, kMaxWidth = 48, kWidthPadding = 2;

enum class Style { kPlain, kTitle, kHeader, kLabel, kMissing };

// Workbook owns the lxw_workbook and its formats, each made once.
class Workbook {
 public:
  explicit Workbook(const std::string& path) {
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    book_ = workbook_new_opt(path.c_str(), &options);
  }
  ~Workbook() {
    // Not closed: an error came first; the half-made workbook is dropped
    // without writing it.
    if (book_ != nullptr) lxw_workbook_free(book_);
  }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  bool ok() const { return book_ != nullptr; }
  lxw_worksheet* add_sheet(const char* name) { return workbook_add_worksheet(book_, name); }

  // close writes the file.
  lxw_error close() {
    const lxw_error e = workbook_close(book_);
    book_ = nullptr;
    return e;
  }

  // format is the cell format of `style` with the number format `num_format`
  // ("" for General).
  lxw_format* format(Style style, const std::string& num_format = "") {
    const std::string key = absl::StrCat(static_cast<int>(style), "\x1f", num_format);
    auto it = formats_.find(key);
    if (it != formats_.end()) return it->second;
    lxw_format* f = workbook_add_format(book_);
    if (!num_format.empty()) format_set_num_format(f, num_format.c_str());
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    switch (style) {
      case Style::kTitle:
        format_set_bold(f);
        format_set_font_size(f, 14);
        break;
      case Style::kHeader:
        format_set_bold(f);
        format_set_bg_color(f, 0xDDEBF7);
        format_set_border(f, LXW_BORDER_THIN);
        format_set_align(f, LXW_ALIGN_CENTER);
        format_set_text_wrap(f);
        break;
      case Style::kLabel: format_set_bold(f); break;
      case Style::kMissing: format_set_font_color(f, 0x808080); break;
      case Style::kPlain: break;
    }
    formats_.emplace(key, f);
    return f;
  }

 private:
  lxw_workbook* book_ = nullptr;
  std::map<std::string, lxw_format*> formats_;
};

// number_format is the Excel number format of a value of `kind` in `unit`:
// the stored number shown to 4 decimals (the published text beside it has
// the report's own precision and rounding), with the unit after it.
std::string number_format(ValueKind kind, std::string_view unit) {
  const std::string suffix = unit.empty() ? "" : absl::StrCat("\" ", absl_view(unit), "\"");
  switch (kind) {
    case ValueKind::kCount: return absl::StrCat("#,##0", suffix);
    case ValueKind::kRatio: return "0.0000%";
    case ValueKind::kMoney: return "#,##0.0000\" 万元\"";
    case ValueKind::kDays:
    case ValueKind::kNumber: return absl::StrCat("#,##0.0000", suffix);
    case ValueKind::kRank: return "\"第\"0";
    case ValueKind::kUndefined: break;
  }
  return "";
}

// A change is a fraction of 1 (a relative change, or percentage points:
// 94.02% - 86.61% is 0.0741, what Excel gives subtracting the two cells).
constexpr std::string_view kChangeFormat = "+0.0000%;-0.0000%;0.0000%";

// Sheet writes cells of one worksheet, remembering the first error and how
// wide each column's content is.
class Sheet {
 public:
  Sheet(Workbook& book, lxw_worksheet* sheet) : book_(book), sheet_(sheet) {}

  lxw_error error() const { return error_; }

  void text(lxw_row_t row, lxw_col_t col, std::string_view text, Style style = Style::kPlain,
            bool measure = true) {
    std::string shown = display_text(text);
    if (shown.size() > kMaxCellText) {
      size_t cut = kMaxCellText;
      while (cut > 0 && (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80) --cut;
      shown.resize(cut);
      shown += "…";
    }
    check(worksheet_write_string(sheet_, row, col, shown.c_str(), book_.format(style)));
    if (measure) widen(col, display_width(shown));
  }

  void number(lxw_row_t row, lxw_col_t col, double value, const std::string& num_format, size_t width) {
    check(worksheet_write_number(sheet_, row, col, value, book_.format(Style::kPlain, num_format)));
    widen(col, width);
  }

  // figure writes a value in two cells: the number at `col` and the
  // published text at `col + 1`. An undefined value leaves the number cell
  // empty, never 0, and writes "—" beside it, followed by its reason when
  // `reason_beside` (a table without a column of its own for it); a value
  // with no reason (no such period) leaves both cells empty.
  void figure(lxw_row_t row, lxw_col_t col, const MetricInfo& m, const Value& v, std::string_view published,
              bool reason_beside) {
    if (!v.defined()) {
      if (v.reason.empty()) return;
      if (reason_beside) {
        // Not measured: a long reason would widen the whole column.
        text(row, col + 1, absl::StrCat("— (", absl_view(v.reason.view()), ")"), Style::kMissing, false);
      } else {
        text(row, col + 1, "—", Style::kMissing);
      }
      return;
    }
    // The number's own width: the published text and the 4 decimals shown.
    number(row, col, cell_number(v), number_format(v.kind, m.unit), display_width(published) + 5);
    text(row, col + 1, published);
  }

  // change writes a change (relative, or in percentage points) the same way.
  void change(lxw_row_t row, lxw_col_t col, const Fraction& f, std::string_view published) {
    if (!f.defined()) return;
    number(row, col, internal::to_double(f), std::string(kChangeFormat), display_width(published) + 5);
    text(row, col + 1, published);
  }

  void header(lxw_row_t row, lxw_col_t col, std::string_view text_) { text(row, col, text_, Style::kHeader, false); }

  // header_span writes one header over columns first..last of a row.
  void header_span(lxw_row_t row, lxw_col_t first, lxw_col_t last, std::string_view label) {
    const std::string shown = display_text(label);
    if (first == last) {
      header(row, first, shown);
      return;
    }
    check(worksheet_merge_range(sheet_, row, first, row, last, shown.c_str(), book_.format(Style::kHeader)));
  }

  // set_widths sizes every column written to its widest content, within
  // bounds; `minimum` gives a column a floor (a header's width).
  void set_widths(const std::map<lxw_col_t, double>& minimum = {}) {
    for (lxw_col_t c = 0; c < widths_.size(); ++c) {
      double w = static_cast<double>(widths_[c]) + kWidthPadding;
      if (auto it = minimum.find(c); it != minimum.end()) w = std::max(w, it->second);
      check(worksheet_set_column(sheet_, c, c, std::clamp(w, kMinWidth, kMaxWidth), nullptr));
    }
  }

  void freeze(lxw_row_t rows, lxw_col_t cols) { worksheet_freeze_panes(sheet_, rows, cols); }
  lxw_worksheet* raw() { return sheet_; }

 private:
  void check(lxw_error e) {
    if (error_ == LXW_NO_ERROR) error_ = e;
  }
  void widen(lxw_col_t col, size_t width) {
    if (widths_.size() <= col) widths_.resize(col + 1, 0);
    widths_[col] = std::max(widths_[col], width);
  }

  Workbook& book_;
  lxw_worksheet* sheet_;
  lxw_error error_ = LXW_NO_ERROR;
  std::vector<size_t> widths_;
};

// A pair of header cells over the two columns of a figure.
constexpr std::string_view kNumberHeader = "数值";
constexpr std::string_view kTextHeader = "公布值";

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

// sheet_name is a table's sheet: its place and its title, cut to Excel's
// 31 characters (whole characters, not bytes).
std::string sheet_name(size_t place, std::string_view title) {
  std::string name = absl::StrCat(place, " ", absl_view(title));
  size_t chars = 0, i = 0;
  for (; i < name.size(); ++chars) {
    if (chars == 31) break;
    const auto b = static_cast<unsigned char>(name[i]);
    i += b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
  }
  name.resize(std::min(i, name.size()));
  return name;
}

// add_breakdown writes one of the report's breakdowns on a sheet of its own:
// a row per value (rank, key, label, the figure, its share, the year-ago
// figure, the change: each a number and its published text), then 合计.
lxw_error add_breakdown(Workbook& book, size_t place, const Breakdown& b) {
  const std::string title = absl::StrCat(absl_view(b.metric->label), absl_view(b.dimension.label));
  Sheet s(book, book.add_sheet(sheet_name(place, title).c_str()));
  s.text(0, 0, absl::StrCat(title, "（", internal::period_text(b.period), "）"), Style::kTitle, false);
  const bool count = b.metric->kind == ValueKind::kCount;
  const std::vector<std::string> header = {"排名", "键", std::string(b.dimension.label), "本期", "本期（公布值）",
                                           "占比", "占比（公布值）", "上年同期", "上年同期（公布值）",
                                           count ? "同比" : "同比（个百分点）",
                                           count ? "同比（公布值）" : "同比（个百分点，公布值）"};
  std::map<lxw_col_t, double> minimum;
  for (lxw_col_t c = 0; c < header.size(); ++c) {
    s.header(1, c, header[c]);
    minimum[c] = static_cast<double>(display_width(header[c])) + kWidthPadding;
  }
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
  s.set_widths(minimum);
  return s.error();
}

// add_series writes one of the report's series: a row per month (quarter),
// the figure and the same month a year earlier.
lxw_error add_series(Workbook& book, size_t place, const Series& series) {
  const bool quarters = series.by == "quarter";
  const std::string title = absl::StrCat(absl_view(series.metric->label), quarters ? "按季度" : "按月");
  Sheet s(book, book.add_sheet(sheet_name(place, title).c_str()));
  s.text(0, 0, absl::StrCat(title, "（", internal::period_text(series.period), "）"), Style::kTitle, false);
  const std::vector<std::string> header = {quarters ? "季度" : "月份", "本期", "本期（公布值）", "上年同期",
                                           "上年同期（公布值）"};
  std::map<lxw_col_t, double> minimum;
  for (lxw_col_t c = 0; c < header.size(); ++c) {
    s.header(1, c, header[c]);
    minimum[c] = static_cast<double>(display_width(header[c])) + kWidthPadding;
  }
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
  s.set_widths(minimum);
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

// written is the outcome of writing the workbook; on an error the file made
// for it is removed, so no half-written workbook is left to be opened.
absl::Status written(lxw_error e, const std::string& path) {
  if (e == LXW_NO_ERROR) return absl::OkStatus();
  std::remove(path.c_str());
  return absl::UnavailableError(
      absl::StrCat(internal::to_valid_utf8(path), ": cannot write the workbook: ", lxw_strerror(e)));
}

}  // namespace

absl::Status write_workbook(const DocumentContent& content, const std::string& path) {
  if (content.report == nullptr && content.regions.empty()) {
    return absl::InvalidArgumentError("write_workbook: no report and no regions to write");
  }
  // The file is made here first, so that an unwritable place is told once,
  // with the system's reason, rather than by libxlsxwriter on stderr.
  if (std::FILE* f = std::fopen(path.c_str(), "wb"); f != nullptr) {
    std::fclose(f);
  } else {
    return absl::UnavailableError(absl::StrCat(internal::to_valid_utf8(path),
                                               ": cannot write the workbook: ", std::strerror(errno)));
  }
  Workbook book(path);
  if (!book.ok()) return written(LXW_ERROR_MEMORY_MALLOC_FAILED, path);
  if (lxw_error e = add_summary(book, content.report, content.regions); e != LXW_NO_ERROR) return written(e, path);
  if (!content.regions.empty()) {
    if (lxw_error e = add_comparison(book, content.regions); e != LXW_NO_ERROR) return written(e, path);
  }
  if (content.report != nullptr) {
    // The report's tables, a sheet each, numbered in the profile's order.
    size_t place = 1;
    for (const Breakdown& b : content.report->breakdowns) {
      if (lxw_error e = add_breakdown(book, place++, b); e != LXW_NO_ERROR) return written(e, path);
    }
    for (const Series& series : content.report->series) {
      if (lxw_error e = add_series(book, place++, series); e != LXW_NO_ERROR) return written(e, path);
    }
  }
  const Report& any = content.report != nullptr ? *content.report : content.regions.front();
  if (!any.data_quality.notices.empty()) {
    if (lxw_error e = add_notices(book, any.data_quality.notices); e != LXW_NO_ERROR) return written(e, path);
  }
  return written(book.close(), path);
}

}  // namespace fazhi
