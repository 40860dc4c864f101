// The workbook's building blocks (libxlsxwriter), shared by every workbook
// fazhi writes: the report's (xlsx.cpp), a single table's, a case list's and
// a department table's (xlsx_records.cpp). One place for the house style:
// the cell formats, a figure as a number with its published text beside it,
// Chinese headers, frozen header rows and column widths. Internal to the
// library.
//
// Workbooks are written in libxlsxwriter's constant-memory mode: each row
// goes to disk once the next one starts, so a table of thousands of rows is
// never held. Rows must therefore be written top to bottom, and no cell spans
// rows.
#ifndef FAZHI_SRC_RENDER_XLSX_SHEET_HPP_
#define FAZHI_SRC_RENDER_XLSX_SHEET_HPP_

#include <xlsxwriter.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "fazhi/cases.hpp"
#include "fazhi/dataset.hpp"
#include "fazhi/departments.hpp"
#include "fazhi/exact.hpp"
#include "fazhi/metrics.hpp"

namespace fazhi::internal::xlsx {

// Column widths, in Excel's units (about one digit each; a Chinese character
// takes two).
inline constexpr double kMinWidth = 6, kMaxWidth = 48, kWidthPadding = 2;

// A pair of header cells over the two columns of a figure.
inline constexpr std::string_view kNumberHeader = "数值";
inline constexpr std::string_view kTextHeader = "公布值";

// A change is a fraction of 1 (a relative change, or percentage points:
// 94.02% - 86.61% is 0.0741, what Excel gives subtracting the two cells).
inline constexpr std::string_view kChangeFormat = "+0.0000%;-0.0000%;0.0000%";

enum class Style { kPlain, kTitle, kHeader, kLabel, kMissing };

// number_format is the Excel number format of a value of `kind` in `unit`:
// the stored number shown to 4 decimals (the published text beside it has
// the report's own precision and rounding), with the unit after it.
std::string number_format(ValueKind kind, std::string_view unit);

// Workbook owns the lxw_workbook and its formats, each made once.
class Workbook {
 public:
  explicit Workbook(const std::string& path);
  ~Workbook();
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  bool ok() const { return book_ != nullptr; }
  // add_sheet adds a worksheet; null when the name is refused (taken, or
  // not a sheet name), which Sheet reports as an error.
  lxw_worksheet* add_sheet(const std::string& name) { return workbook_add_worksheet(book_, name.c_str()); }
  // close writes the file.
  lxw_error close();
  // format is the cell format of `style` with the number format `num_format`
  // ("" for General).
  lxw_format* format(Style style, const std::string& num_format = "");

 private:
  lxw_workbook* book_ = nullptr;
  std::map<std::string, lxw_format*> formats_;
};

// Sheet writes cells of one worksheet, remembering the first error and how
// wide each column's content is. Text is always written as a string, never
// as a formula: a case's column that reads `=1+1` stays that text.
class Sheet {
 public:
  Sheet(Workbook& book, lxw_worksheet* sheet)
      : book_(book), sheet_(sheet), error_(sheet == nullptr ? LXW_ERROR_PARAMETER_VALIDATION : LXW_NO_ERROR) {}

  lxw_error error() const { return error_; }

  void text(lxw_row_t row, lxw_col_t col, std::string_view text, Style style = Style::kPlain, bool measure = true);
  void number(lxw_row_t row, lxw_col_t col, double value, const std::string& num_format, size_t width);
  // date writes a YYYY-MM-DD text as an Excel date shown the same way (a
  // text that is not one is written as text).
  void date(lxw_row_t row, lxw_col_t col, std::string_view iso);

  // figure writes a value in two cells: the number at `col` and the
  // published text at `col + 1`. An undefined value leaves the number cell
  // empty, never 0, and writes "—" beside it, followed by its reason when
  // `reason_beside` (a table without a column of its own for it); a value
  // with no reason (no such period) leaves both cells empty.
  void figure(lxw_row_t row, lxw_col_t col, const MetricInfo& m, const Value& v, std::string_view published,
              bool reason_beside);
  // change writes a change (relative, or in percentage points) the same way.
  void change(lxw_row_t row, lxw_col_t col, const Fraction& f, std::string_view published);

  void header(lxw_row_t row, lxw_col_t col, std::string_view text) { this->text(row, col, text, Style::kHeader, false); }
  // header_span writes one header over columns first..last of a row.
  void header_span(lxw_row_t row, lxw_col_t first, lxw_col_t last, std::string_view label);
  // header_row writes `labels` from column 0 of `row`, each column at least
  // as wide as its label.
  void header_row(lxw_row_t row, const std::vector<std::string>& labels);

  // set_widths sizes every column written to its widest content, within
  // bounds, and at least its header's width (header_row) or `minimum`.
  void set_widths(const std::map<lxw_col_t, double>& minimum = {});

  void freeze(lxw_row_t rows, lxw_col_t cols) { worksheet_freeze_panes(sheet_, rows, cols); }

 private:
  void check(lxw_error e) {
    if (error_ == LXW_NO_ERROR) error_ = e;
  }
  void widen(lxw_col_t col, size_t width);

  Workbook& book_;
  lxw_worksheet* sheet_;
  lxw_error error_ = LXW_NO_ERROR;
  std::vector<size_t> widths_;
  std::map<lxw_col_t, double> header_widths_;
};

// sheet_name is a table's sheet: its place (none when 0) and its title, the
// characters Excel refuses in a sheet name ([]:*?/\) replaced by `_`, cut to
// Excel's 31 characters (whole characters, not bytes).
std::string sheet_name(size_t place, std::string_view title);

// open_workbook makes the file at `path` first, so that an unwritable place
// is told once, with the system's reason, rather than by libxlsxwriter on
// stderr.
absl::Status open_workbook(const std::string& path);

// written is the outcome of writing a workbook; on an error the file made
// for it is removed, so no half-written workbook is left to be opened.
absl::Status written(lxw_error e, const std::string& path);

// ---- Sheets of records (xlsx_records.cpp) ----

// case_list_sheet_name is a list's sheet: 督办-<the follow-up list's label>,
// or 清单-<the figure's label>.
std::string case_list_sheet_name(const CaseList& list);

// add_case_list writes a case list on a sheet named `name`: a heading with
// the figure, the period and the count, the privacy note, then one record a
// row (id, region, reason, and the record's own columns under their Chinese
// headers: dates as dates, numbers as numbers, codes as their Chinese labels).
lxw_error add_case_list(Workbook& book, const std::string& name, const CaseList& list, const Dataset& ds);

// add_departments writes the department table (sheet 部门统计: each
// department's rank, score and figures with their ranks), the assessment's
// deductions when it has one (考核扣分: one deduction a row, traced to its
// case ids or its figure), and each figure's case ids (部门案件).
lxw_error add_departments(Workbook& book, const DepartmentTable& table, const Dataset& ds);

}  // namespace fazhi::internal::xlsx

#endif  // FAZHI_SRC_RENDER_XLSX_SHEET_HPP_
