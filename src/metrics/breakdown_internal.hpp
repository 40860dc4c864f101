// The breakdown engine's parts (internal) that the report's tables share with
// breakdown.cpp: the dimensions and how each groups a family's rows, the
// months of a period, the rows' order and ranks, and a pass over every row of
// a family with any grouping (report_tables.cpp runs one per table for every
// region at once, where compute_breakdown runs one per region).
#ifndef FAZHI_SRC_METRICS_BREAKDOWN_INTERNAL_HPP_
#define FAZHI_SRC_METRICS_BREAKDOWN_INTERNAL_HPP_

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fazhi/breakdown.hpp"
#include "metrics/tally.hpp"

namespace fazhi::internal {

// Grouping is a breakdown's groups: the group of each family row in
// [lo, hi) (rows outside the region in the discard group, groups()), and
// each group's key and label.
struct Grouping {
  std::vector<RegionIndex> of_row;  // sized hi; rows before lo are not read
  size_t lo = 0, hi = 0;
  std::vector<std::optional<std::string>> keys;
  std::vector<std::string> labels;
  size_t groups() const { return keys.size(); }
};

// Scope is the region broken down: which record regions lie inside it.
struct Scope {
  RegionCode region;
  std::vector<uint8_t> inside;  // by RegionIndex
};

using GroupFn = void (*)(const Dataset&, const Scope&, Grouping&);

// Dimension is one dimension: its name and label, and how its rows are
// grouped (null for the date dimensions and region, which split the period
// or are grouped by the region's level).
struct Dimension {
  BreakdownDimension info;
  GroupFn group;
};

// find_dimension is Family f's dimension `name`, or null.
const Dimension* find_dimension(Family f, std::string_view name);
// whole_of groups every row inside the scope as group 0.
GroupFn whole_of(Family f);
// discard_outside gives the rows outside the scope the discard group.
void discard_outside(Grouping& g);
// is_stock: a count that is each month's own (pending, carried over), not a flow.
bool is_stock(std::string_view id);
// finish fills each row's share, change and rank and orders the rows.
void finish(std::vector<BreakdownRow>& rows, const Value& total);

// SubPeriod is one month or quarter of a period, cut to it: its key
// ("2019-03", "2019-Q1") and days.
struct SubPeriod {
  std::string key;
  Period days;
};
std::vector<SubPeriod> sub_periods(Period p, bool quarters);
// month_label: "2019-03" -> "2019年3月", "2019-Q1" -> "2019年第一季度".
std::string month_label(std::string_view key);

// GroupTally is a family's counters for each group of a pass and both
// periods: add_to(n, group, period) adds them to a Tally's.
struct GroupTally {
  Family family;
  std::function<void(std::array<int64_t, kCounterCount>&, size_t, int)> add_to;
};

// tally_family_groups runs Family f's tally over all its rows for both
// periods, row i counted in group of_row[i] (< groups), or, with of_row
// null, in the group of its RegionIndex (groups: the dataset's regions).
GroupTally tally_family_groups(const Dataset& ds, Family f, const std::vector<RegionIndex>* of_row, size_t groups,
                               const Periods& periods, const Profile& profile, const Calendar& cal);

}  // namespace fazhi::internal

#endif  // FAZHI_SRC_METRICS_BREAKDOWN_INTERNAL_HPP_
