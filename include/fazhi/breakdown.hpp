// fazhi/breakdown.hpp -- breakdowns, series and cross-tables: one metric of a
// case family split by a dimension of its records (docs/breakdowns.md).
//
// A breakdown is computed by the same record pass as the scalar figures, with
// each record counted under its dimension's value instead of its region, so
// every row is exact (integer counts, rates as exact fractions) and the rows
// of a count add up to the scalar figure: a 合计 that disagrees with the
// headline figure is a bug. An empty value is a row of its own (key
// nullopt, label 未填), never dropped; a value with records only in the
// comparison period is a row with the value 0.
//
//   absl::StatusOr<fazhi::Breakdown> b = fazhi::compute_breakdown(
//       ds, *fazhi::RegionCode::parse("440111"), fazhi::year_period(2019),
//       "reconsideration.received", "respondent");
//   for (const fazhi::BreakdownRow& row : b->rows) {
//     std::cout << row.label << " " << row.value.integer << "\n";  // "广州市公安局白云区分局 135"
//   }
//
// Dimensions (breakdown_dimensions): the code columns of docs/data.md
// (disposition, outcome, instance, case_type, ...), the free-text columns
// (respondent, defendant, category, org_id, firm_id, lawyer_id: the trimmed
// text is the key), `region` (the districts of a city, the cities of a
// province), and the dates
// `month` and `quarter`, which use the date that puts a record in the metric
// (received for intake counts, closed for closed counts).
#ifndef FAZHI_BREAKDOWN_HPP_
#define FAZHI_BREAKDOWN_HPP_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "fazhi/breakdown_types.hpp"
#include "fazhi/calendar.hpp"
#include "fazhi/dataset.hpp"
#include "fazhi/exact.hpp"
#include "fazhi/metrics.hpp"
#include "fazhi/profile.hpp"
#include "fazhi/region.hpp"
#include "fazhi/report.hpp"

namespace fazhi {

// breakdown_dimensions lists every dimension of every case family, by
// family, each family's in a fixed order; the date dimensions and `region`
// are listed for each family.
std::span<const BreakdownDimension> breakdown_dimensions();

// can_break_down says whether metric `id` can be split: the count and rate
// metrics of the four case families whose value is a count of records or a
// ratio of two (not a rank, a change, a mean, or the lottery's lawyer counts).
bool can_break_down(std::string_view id);

// kNational is the region 000000 (全国): every record of the dataset, the
// sum of the provinces; its `region` breakdown is by province.
inline constexpr RegionCode kNational{};

// compute_breakdown splits metric `metric` of `region` in `period` by
// dimension `by`, against `compared` (year_ago_period(period) by default).
// InvalidArgument for a metric that cannot be split or a dimension not of its
// family; NotFound for a region without records.
absl::StatusOr<Breakdown> compute_breakdown(const Dataset& ds, RegionCode region, Period period,
                                            std::string_view metric, std::string_view by,
                                            const Profile& profile = {},
                                            const Calendar& calendar = Calendar::national());
absl::StatusOr<Breakdown> compute_breakdown(const Dataset& ds, RegionCode region, Period period, Period compared,
                                            std::string_view metric, std::string_view by,
                                            const Profile& profile = {},
                                            const Calendar& calendar = Calendar::national());

// total_row is the breakdown's 合计 as a row: key nullopt, label 合计, the
// total and the comparison period's, its share (1 when the rows add up), its
// change (relative for a count, in points for a rate); rank 0.
BreakdownRow total_row(const Breakdown& breakdown);

// fold_rows keeps the first `keep` rows and folds the rest into one row 其他
// (key "*other", rank 0) at the end, as published tables do: a count's rows
// and shares are summed, a rate's numerators and denominators are pooled (the
// rate of the folded rows' records together). Nothing changes when at most
// one row would be folded.
void fold_rows(Breakdown& breakdown, size_t keep);

// compute_series is `metric` of `region` for each month (or quarter) of
// `period` that the period covers whole or in part (a part month is cut to
// the period).
absl::StatusOr<Series> compute_series(const Dataset& ds, RegionCode region, Period period, std::string_view metric,
                                      std::string_view by = "month", const Profile& profile = {},
                                      const Calendar& calendar = Calendar::national());

// CrossTable is a metric split by two dimensions: cells[i][j] is the value
// for rows[i] and columns[j] (keys as in BreakdownRow); the margins are the
// two breakdowns' rows.
struct CrossTable {
  const MetricInfo* metric = nullptr;
  BreakdownDimension rows_dimension, columns_dimension;
  RegionCode region;
  Period period;
  std::vector<BreakdownRow> rows, columns;  // each dimension's own breakdown, in its order
  std::vector<std::vector<Value>> cells;
  Value total;
};

// compute_cross_table splits `metric` by `rows_by` and `columns_by` (two
// dimensions of its family other than month and quarter, or one of them
// month or quarter and the other not).
absl::StatusOr<CrossTable> compute_cross_table(const Dataset& ds, RegionCode region, Period period,
                                               std::string_view metric, std::string_view rows_by,
                                               std::string_view columns_by, const Profile& profile = {},
                                               const Calendar& calendar = Calendar::national());

// to_json writes a breakdown as docs/breakdowns.md shows it: {"metric", "by",
// "label", "region", "period", "compared", "total", "rows": [{"key",
// "label", "value", "share", "previous", "yoy" or "change_pp", "rank",
// "text"}]}; a series as {"metric", "by", "region", "points": [{"period",
// "value", "previous"}]}. Counts are integers, rates and shares exact
// fractions {"num", "den", "decimal"}, an undefined value null.
std::string to_json(const Breakdown& breakdown);
std::string to_json(const Series& series);
// A cross-table as {"metric", "rows_by", "rows_label", "columns_by",
// "columns_label", "region", "period", "total", "rows": [{"key", "label",
// "value"}], "columns": [...], "cells": [[value, ...], ...]}: cells[i][j] is
// rows[i] by columns[j]; the margins are each dimension's own breakdown.
std::string to_json(const CrossTable& table);
// breakdown_row_text is a row as the tables print it: "140 件（92.72%）" (a
// count and its share), "93.75%" (a rate), "—" (undefined);
// breakdown_change_text its change: "-24.2%" (a count), "20.17 个百分点" (a
// rate), "" when undefined.
std::string breakdown_row_text(const Breakdown& breakdown, const BreakdownRow& row);
std::string breakdown_change_text(const BreakdownRow& row);
// breakdown_value_text is a value alone: "151 件", "93.75%", "—".
std::string breakdown_value_text(const Breakdown& breakdown, const Value& value);
// render_table writes a breakdown as a table with a 合计 row, a series one
// point a row, a cross-table with its margins; every cell display_text.
std::string render_table(const Breakdown& breakdown, TableFormat format);
std::string render_table(const Series& series, TableFormat format);
std::string render_table(const CrossTable& table, TableFormat format);

}  // namespace fazhi

#endif  // FAZHI_BREAKDOWN_HPP_
