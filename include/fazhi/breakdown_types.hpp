// fazhi/breakdown_types.hpp -- the plain types of breakdowns and series: a
// metric split by a dimension of its records, or by month or quarter
// (docs/breakdowns.md). They are values, computed by fazhi/breakdown.hpp and
// carried by a Report (fazhi/report.hpp, Report::breakdowns and
// Report::series), so both headers include this one.
//
//   for (const fazhi::BreakdownRow& row : report.breakdowns[0].rows)
//     std::cout << row.label << " " << row.value.integer << "\n";  // "县级政府部门 140"
#ifndef FAZHI_BREAKDOWN_TYPES_HPP_
#define FAZHI_BREAKDOWN_TYPES_HPP_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fazhi/exact.hpp"
#include "fazhi/metrics.hpp"
#include "fazhi/region.hpp"

namespace fazhi {

// BreakdownDimension names one dimension a family's metrics can be split by
// (not a column: fazhi/dimensions.hpp's DimensionInfo is the column a
// breakdown may group by).
struct BreakdownDimension {
  std::string_view name;   // "respondent", "disposition", "month"
  std::string_view label;  // "按被申请人"
  Family family;
};

// BreakdownRow is one value of the dimension.
struct BreakdownRow {
  std::optional<std::string> key;  // the code, the trimmed text, "2019-03", "2019-Q1", "440111"; nullopt: empty (未填)
  std::string label;               // Chinese: the code's label, the text, "2019年3月", the region's name
  Value value;                     // a count, or a rate (num/den: numerator and denominator)
  Value previous;                  // the comparison period's (a count of 0 when the key had no records then)
  Fraction share;                  // value / total, counts only; undefined for rates or a total of 0
  Fraction change;                 // counts: (value - previous) / previous; undefined when previous is 0
  Fraction change_pp;              // rates: value - previous, a fraction of 1 (个百分点); else undefined
  int64_t rank = 0;                // 1 + rows with a larger value (ties share the better rank); 0 when undefined
};

// Breakdown is one metric of one region split by one dimension.
struct Breakdown {
  const MetricInfo* metric = nullptr;
  BreakdownDimension dimension;
  RegionCode region;
  Period period, previous;
  // The scalar figure for the region, and the comparison period's: the rows
  // of a count add up to it exactly.
  Value total, previous_total;
  // Rows by value, largest first, then by key (the empty key last among
  // equals); an undefined rate after every defined one.
  std::vector<BreakdownRow> rows;
  // additive: the rows add up to the total (a count, split by a dimension
  // other than the date, or a flow count by month or quarter).
  bool additive = false;
  // How shares and rates are written ("140 件（92.72%）"): a report's
  // profile may cut them otherwise (TableSpec::decimals, ::rounding).
  int decimals = 2;
  Rounding rounding = Rounding::kHalfUp;
};

// SeriesPoint is the metric in one month or quarter of the period.
struct SeriesPoint {
  std::string period;  // "2019-03", "2019-Q1"
  Period days;
  Value value;         // zero counts included; a rate undefined where nothing was decided
  Value previous;      // the same month or quarter a year earlier
};

// Series is a metric by month or quarter inside the period, every one present.
struct Series {
  const MetricInfo* metric = nullptr;
  std::string by;  // "month" or "quarter"
  RegionCode region;
  Period period;
  std::vector<SeriesPoint> points;
};

}  // namespace fazhi

#endif  // FAZHI_BREAKDOWN_TYPES_HPP_
