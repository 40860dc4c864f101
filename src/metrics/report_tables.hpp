// The tables a report carries (internal): the breakdowns and series its
// profile lists (Profile::breakdowns, Profile::series), filled into the
// Report by one function from a TableSource. A source says how a table is
// computed: from a Dataset for one region (compute_breakdown), from a Dataset
// for every region at once (one grouped pass per table, rolled up like the
// scalar figures), or from a portable tally's copy of those groups.
#ifndef FAZHI_SRC_METRICS_REPORT_TABLES_HPP_
#define FAZHI_SRC_METRICS_REPORT_TABLES_HPP_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fazhi/breakdown.hpp"
#include "fazhi/calendar.hpp"
#include "fazhi/dataset.hpp"
#include "fazhi/profile.hpp"
#include "fazhi/report.hpp"
#include "metrics/breakdown_internal.hpp"

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
// its tables are grouped_tables of count_table_groups, and a breakdown by a
// date dimension, which no pass groups, is dataset_tables'. Its tables equal
// dataset_tables'.
std::unique_ptr<TableSource> all_region_tables(const Dataset& ds, Period period, const Profile& profile,
                                               const Calendar& calendar, int threads);

// TableSplit is one family tallied by (record region, value) pairs: each
// record region's pairs as (value, group), the values' keys and labels, and
// the family's counters of each group.
struct TableSplit {
  Family family;
  // The dimension it splits by (its name), or, empty, a series' split: the
  // rows by the month (or quarter) of the date of the metric `dated`.
  std::string dimension;
  std::string dated;
  bool quarters = false;
  std::vector<std::optional<std::string>> keys;
  std::vector<std::string> labels;
  std::vector<uint32_t> begin;  // by record region: its pairs from begin[r] to begin[r + 1]
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  GroupTally tally;
};

// TableByRegion is one family tallied by record region (the group: the
// region's index) for some days and the same days a year earlier: the
// `region` breakdowns without a split of their family, and the series'
// months of the counts no date alone puts in a month.
struct TableByRegion {
  Family family;
  Period days;
  GroupTally tally;
};

// TableGroups are the counters every table of a profile is summed from, for
// a period and the year before: what a portable tally carries for tables.
struct TableGroups {
  Period period, previous;
  std::vector<RegionCode> regions;  // the record regions, by index
  std::vector<TableSplit> splits;
  std::vector<TableByRegion> by_region;
};

// count_table_groups tallies each table's family once, grouped by record
// region and the dimension's value (a series: by month), with `threads`
// threads: a table costs one pass over its family's rows, not one per region.
TableGroups count_table_groups(const Dataset& ds, Period period, const Profile& profile, const Calendar& calendar,
                               int threads);

// RegionNames is a region's name, where one is known.
using RegionNames = std::function<std::optional<std::string_view>(RegionCode)>;

// grouped_tables is the source for every region of `groups`: a region's row
// for a value sums the groups of its record regions, exactly as the scalar
// figures roll districts up into cities and provinces. What the groups do
// not hold (a breakdown by a date dimension) comes from `fallback`, or is
// left out without one.
std::unique_ptr<TableSource> grouped_tables(std::shared_ptr<const TableGroups> groups, RegionNames names,
                                            const Profile& profile, std::unique_ptr<TableSource> fallback);

}  // namespace fazhi::internal

#endif  // FAZHI_SRC_METRICS_REPORT_TABLES_HPP_
