// fazhi/documents.hpp -- the report as documents for people: an Excel
// workbook and a printable HTML page with charts; and a breakdown, a case
// list or a department table as a workbook of its own.
//
// Both are renderings of computed Reports, like to_json and render_table: they
// add no figures of their own. The workbook stores every value as a number a
// clerk can compute with (rates as fractions of 1 with a percentage format,
// money in 万元) and, in the next column, the text the report publishes, so
// the printed figure can be copied as it is. The HTML page is one file with
// its styles and SVG charts inline: it opens offline, runs no script, and
// prints on A4.
//
//   absl::StatusOr<std::vector<fazhi::Report>> all = fazhi::compute_all_reports(ds, p);
//   const fazhi::Report* baiyun = ...;  // the one for 440111
//   absl::Status s = fazhi::write_workbook({.report = baiyun, .regions = *all}, "白云区-2019.xlsx");
//   std::string page = fazhi::render_html(*baiyun, *all);
#ifndef FAZHI_DOCUMENTS_HPP_
#define FAZHI_DOCUMENTS_HPP_

#include <span>
#include <string>

#include "absl/status/status.h"
#include "fazhi/breakdown.hpp"
#include "fazhi/cases.hpp"
#include "fazhi/dataset.hpp"
#include "fazhi/departments.hpp"
#include "fazhi/report.hpp"

namespace fazhi {

// DocumentContent is what a document shows: one region's report, other
// regions' reports of the same period to compare it with, or both.
struct DocumentContent {
  // report is the region reported on (the summary sheet, the narrative and
  // the charts), or null for a comparison of `regions` alone.
  const Report* report = nullptr;
  // regions are every region's reports for the same period
  // (compute_all_reports). The workbook writes them as one table, regions as
  // rows and metrics as columns. May be empty.
  std::span<const Report> regions{};
  // Only when asked for (they name cases): the region's department table
  // (sheets 部门统计, 考核扣分 with an assessment, 部门案件) and case lists
  // such as the follow-up lists (a sheet each). `records` are the records
  // they were made from, whose ids and columns they show; it must be set
  // with either.
  const DepartmentTable* departments = nullptr;
  std::span<const CaseList> case_lists{};
  const Dataset* records = nullptr;
};

// write_workbook writes the content as an .xlsx workbook at `path`: a summary
// sheet (the period, the data-quality counts, and every metric with its
// value, the year-ago value and the changes), the comparison of `regions`
// when there are any, and the data notices. A value that is undefined (a
// rate of nothing) is an empty cell with its reason as text, never 0.
// InvalidArgument when there is nothing to write; Unavailable when the file
// cannot be written.
[[nodiscard]] absl::Status write_workbook(const DocumentContent& content, const std::string& path);

// write_table_workbook writes one table alone in the same house style: a
// breakdown (its rows, shares, year-ago values, changes, ranks and 合计), a
// series (month by month, with the year before), a cross-table (a pair of
// columns per value of the second dimension, with the margins). Unavailable
// when the file cannot be written. (Not write_workbook: those are aggregates
// too, and write_workbook({...}, path) must stay a DocumentContent.)
[[nodiscard]] absl::Status write_table_workbook(const Breakdown& breakdown, const std::string& path);
[[nodiscard]] absl::Status write_table_workbook(const Series& series, const std::string& path);
[[nodiscard]] absl::Status write_table_workbook(const CrossTable& table, const std::string& path);

// A case list (or a follow-up list) as a workbook: one record a row with its
// id, region, reason and own columns under their Chinese headers (dates as
// dates, numbers as numbers, codes as their Chinese labels), below a note
// that the list is personal data. `ds` holds the records the list names.
[[nodiscard]] absl::Status write_workbook(const CaseList& list, const Dataset& ds, const std::string& path);

// A department table as a workbook: 部门统计 (each department's rank, level,
// score and figures, each figure with its rank), 考核扣分 when the profile
// has an assessment (one deduction a row, traced to its case ids or its
// figure) and 部门案件 (each figure's case ids, one a row).
[[nodiscard]] absl::Status write_workbook(const DepartmentTable& table, const Dataset& ds, const std::string& path);

// render_html writes the printable report of `report` as one self-contained
// HTML document: the narrative, charts (the case families against the year
// before; the region among its siblings, found in `regions`), the metric
// tables and the data notices. Every text from the data is escaped
// (html_text).
std::string render_html(const Report& report, std::span<const Report> regions = {});

}  // namespace fazhi

#endif  // FAZHI_DOCUMENTS_HPP_
