// The breakdown engine's parts (internal) that the report's tables share with
// breakdown.cpp: the dimensions and how each groups a family's rows, the
// months of a period, the rows' order and ranks, and a pass over every row of
// a family with any grouping (report_tables.cpp runs one per table for every
// region at once, where compute_breakdown runs one per region).
#ifndef FAZHI_SRC_METRICS_BREAKDOWN_INTERNAL_HPP_
#define FAZHI_SRC_METRICS_BREAKDOWN_INTERNAL_HPP_

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
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

// kOtherKey is the key of the row the rows after the first N fold into (其他).
inline constexpr std::string_view kOtherKey = "*other";

// find_dimension is Family f's dimension `name`, or null; dimension_of the
// same, or InvalidArgument naming the family's dimensions.
const Dimension* find_dimension(Family f, std::string_view name);
absl::StatusOr<const Dimension*> dimension_of(Family f, std::string_view by);
// scope_of is the Scope of `region` (kNational: every record region);
// NotFound when no record names the region or a region inside it.
absl::StatusOr<Scope> scope_of(const Dataset& ds, RegionCode region);
// order_rows puts the rows whose keys `order` names first, in its order; the
// others follow as they were (by value). Defined in report_tables.cpp.
void order_rows(std::vector<BreakdownRow>& rows, const std::vector<std::string>& order);
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

// RowRecords is the records of one row of a breakdown, for its case list:
// the family rows the dimension puts in it, ascending, the period the row is
// a figure of (a month's or a quarter's days for the date dimensions, whose
// rows are each every record of the region), and the row's label.
struct RowRecords {
  std::vector<size_t> rows;
  Period period;
  std::string label;
};

// row_records is the row `key` of metric m's breakdown of `region` in
// `period` by `by` (breakdown_rows.cpp): key as the breakdown's rows write
// it, nullopt or "" the empty value's row (未填), kOtherKey the rows folded
// after the first `top` (0: as the profile's table of m by `by` folds them).
// InvalidArgument for a dimension not of m's family and a key that is no row
// (a value the dimension does not know in the region); a known value without
// records in the period has no records.
absl::StatusOr<RowRecords> row_records(const Dataset& ds, RegionCode region, Period period, size_t m,
                                       std::string_view by, std::optional<std::string_view> key, size_t top,
                                       const Profile& profile, const Calendar& cal);

// GroupTally is a family's counters for each group of a pass and both
// periods: add_to(n, group, period) adds them to a Tally's.
struct GroupTally {
  Family family;
  std::function<void(std::array<int64_t, kCounterCount>&, size_t, int)> add_to;
};

// KeptCounters is what a GroupTally keeps of a tallied Block: each group's
// counters for the two periods, not the discard slot, and each counter in
// 32 bits when every group's value of it fits (counts of cases in a group
// do; sums of money may not). The tables of a report for every region keep
// a Block per (region, value) pair of each dimension: at 10M records ~140
// MB held as Blocks, about a third of that kept so. Sums are made in 64
// bits (add_to), so the values are exactly the Block's.
template <int First, int End>
class KeptCounters {
 public:
  static constexpr size_t kWidth = End - First;
  KeptCounters(const Block<First, End>& b, size_t groups) {
    std::array<bool, kWidth> wide{};
    for (size_t g = 0; g < groups; ++g) {
      for (size_t p = 0; p < 2; ++p) {
        const int64_t* src = &b.n[(g * kSlots + p) * kWidth];
        for (size_t i = 0; i < kWidth; ++i) {
          wide[i] = wide[i] || src[i] != static_cast<int32_t>(src[i]);
        }
      }
    }
    for (uint8_t i = 0; i < kWidth; ++i) (wide[i] ? wide_ : narrow_).push_back(i);
    resize_huge(narrow_n_, groups * 2 * narrow_.size());
    resize_huge(wide_n_, groups * 2 * wide_.size());
    int32_t* narrow = narrow_n_.data();
    int64_t* wide_n = wide_n_.data();
    for (size_t g = 0; g < groups; ++g) {
      for (size_t p = 0; p < 2; ++p) {
        const int64_t* src = &b.n[(g * kSlots + p) * kWidth];
        for (const uint8_t i : narrow_) *narrow++ = static_cast<int32_t>(src[i]);
        for (const uint8_t i : wide_) *wide_n++ = src[i];
      }
    }
  }
  // add_to adds group g's counters for `period` into a tally's, as Block::add_to.
  void add_to(std::array<int64_t, kCounterCount>& out, size_t g, int period) const {
    int64_t* dst = out.data() + First;
    [[maybe_unused]] const int64_t max_before = out[kAReviewMax];
    const size_t at = g * 2 + static_cast<size_t>(period);
    const int32_t* narrow = narrow_n_.data() + at * narrow_.size();
    for (size_t k = 0; k < narrow_.size(); ++k) dst[narrow_[k]] += narrow[k];
    const int64_t* wide = wide_n_.data() + at * wide_.size();
    for (size_t k = 0; k < wide_.size(); ++k) dst[wide_[k]] += wide[k];
    if constexpr (First <= kAReviewMax && kAReviewMax < End) {
      // The longest review rolls up as the maximum: the group's own is what was added.
      out[kAReviewMax] = std::max(max_before, out[kAReviewMax] - max_before);
    }
  }

 private:
  std::vector<uint8_t> narrow_, wide_;  // which counters are kept in 32 bits, which in 64
  std::vector<int32_t> narrow_n_;       // by group, period, then narrow_
  std::vector<int64_t> wide_n_;         // by group, period, then wide_
};

// tally_family_groups runs Family f's tally over all its rows for both
// periods, row i counted in group of_row[i] (< groups), or, with of_row
// null, in the group of its RegionIndex (groups: the dataset's regions).
GroupTally tally_family_groups(const Dataset& ds, Family f, const std::vector<RegionIndex>* of_row, size_t groups,
                               const Periods& periods, const Profile& profile, const Calendar& cal);

// counter_width is how many counters Family f has (its Block's width).
size_t counter_width(Family f);
// group_counts_of copies group g's counters out of a GroupTally: the
// family's counter_width counters for the period, then for the one compared
// with (a portable tally carries them).
std::vector<int64_t> group_counts_of(const GroupTally& t, size_t g);
// append_group_counts appends them to `out`.
void append_group_counts(const GroupTally& t, size_t g, std::vector<int64_t>& out);
// group_tally_of is the GroupTally of stored counters: group by group, each
// as group_counts_of gives it. Its add_to adds as a Block's does (the
// longest review as the maximum).
GroupTally group_tally_of(Family f, std::vector<int64_t> counts);

}  // namespace fazhi::internal

#endif  // FAZHI_SRC_METRICS_BREAKDOWN_INTERNAL_HPP_
