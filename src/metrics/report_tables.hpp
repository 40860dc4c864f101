// The tables a report carries (internal): the breakdowns and series its
// profile lists (Profile::breakdowns, Profile::series), filled into the
// Report by one function from a TableSource. A source says how a table is
// computed: from a Dataset for one region (compute_breakdown), from a Dataset
// for every region at once (one grouped pass per table, rolled up like the
// scalar figures), or from a portable tally.
#ifndef FAZHI_SRC_METRICS_REPORT_TABLES_HPP_
#define FAZHI_SRC_METRICS_REPORT_TABLES_HPP_

#include <memory>
#include <optional>

#include "fazhi/breakdown.hpp"
#include "fazhi/calendar.hpp"
#include "fazhi/dataset.hpp"
#include "fazhi/profile.hpp"
#include "fazhi/report.hpp"

namespace fazhi::internal {

// TableSource computes one table of a report's region and periods, or
// nothing (a table the source cannot make is left out of the report).
// Its methods may be called from several threads at once.
class TableSource {
 public:
  virtual ~TableSource() = default;
  virtual std::optional<Breakdown> breakdown(const Report& report, const TableSpec& spec) const = 0;
  virtual std::optional<Series> series(const Report& report, const TableSpec& spec) const = 0;
};

// fill_tables fills report.breakdowns and report.series from the profile's
// lists: every table in the profile's order, its rows in the spec's order
// and folded after its `top`, its shares cut by its decimals and rounding
// (else the profile's percent_decimals and rounding); a table by region only
// for a city, a province or 全国.
void fill_tables(Report& report, const Profile& profile, const TableSource& source);

// dataset_tables is the source for one region of a Dataset: each table by
// compute_breakdown and compute_series.
std::unique_ptr<TableSource> dataset_tables(const Dataset& ds, const Profile& profile, const Calendar& calendar);

// all_region_tables is the source for every region of a Dataset at once:
// each table's family is tallied once, grouped by record region and the
// dimension's value (a series: once per month), with `threads` threads, and
// a region's rows are summed from its record regions' groups as the scalar
// figures are rolled up. Its tables equal dataset_tables'.
std::unique_ptr<TableSource> all_region_tables(const Dataset& ds, Period period, const Profile& profile,
                                               const Calendar& calendar, int threads);

// no_tables is a source that makes no table.
// TODO(tally tables): a portable tally's reports get their tables from a
// tally-backed source (compute_breakdown and compute_series of a Tally);
// until then they carry none.
std::unique_ptr<TableSource> no_tables();

}  // namespace fazhi::internal

#endif  // FAZHI_SRC_METRICS_REPORT_TABLES_HPP_
