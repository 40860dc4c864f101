// What the documents for people (the workbook, the HTML page) share: the
// Chinese names of the case families, a value as the number a spreadsheet
// cell or a chart bar holds, and the regions a report is compared with.
// Internal to the library.
#ifndef FAZHI_SRC_RENDER_DOCUMENT_HPP_
#define FAZHI_SRC_RENDER_DOCUMENT_HPP_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "fazhi/report.hpp"

namespace fazhi::internal {

// family_label is the family's Chinese heading: "行政复议", "行政应诉", ...
std::string_view family_label(Family f);

// region_level_label is "省级", "市级" or "区县".
std::string_view region_level_label(RegionLevel level);

// to_double is the exact value read into the nearest double after rounding
// it half-up to 12 decimals: far past the 4 a clerk computes with, and never
// what is published (the published figure is always the exact value's text).
double to_double(const Fraction& f);

// cell_number is a defined value as a workbook cell and a chart bar hold it:
// counts and ranks as they are, rates and shares as fractions of 1, money in
// 万元 (the unit the reports print), days and other numbers as they are.
double cell_number(const Value& v);

// period_text is "2019-01-01 至 2019-12-31".
std::string period_text(Period p);

// siblings are the reports of `regions` whose region has the same parent as
// `report`'s (itself included), in the order of `regions`; empty for a
// province or when `regions` does not hold them.
std::vector<const Report*> siblings(const Report& report, std::span<const Report> regions);

// ComparisonGroup is one table of the comparison of every region: a group
// of siblings (the provinces; a province's cities; a city's districts) in
// code order, with each member's rank among them for each compared metric
// (by exact value, largest first; ties share the better rank; "" for an
// undefined value), and their parent's own report for the total row.
struct ComparisonGroup {
  RegionCode parent;              // RegionCode() for the provinces
  const Report* parent_report;    // null when `reports` does not hold it
  std::vector<const Report*> members;
  std::vector<std::vector<std::string>> ranks;  // by metric, then by member
};

// comparison_groups groups `reports` for the comparison, the provinces
// first, then each province's cities followed by each city's districts;
// `ids` are the compared metrics (each in the catalogue).
std::vector<ComparisonGroup> comparison_groups(const std::vector<Report>& reports,
                                               const std::vector<std::string_view>& ids);

// display_width is how many columns of a fixed-width grid (a terminal, a
// spreadsheet's column) `text` takes: East Asian wide and full-width
// characters (Unicode's EastAsianWidth W and F: CJK, kana, Hangul, full-width
// forms) two, everything else one. `text` is valid UTF-8.
size_t display_width(std::string_view text);

}  // namespace fazhi::internal

#endif  // FAZHI_SRC_RENDER_DOCUMENT_HPP_
