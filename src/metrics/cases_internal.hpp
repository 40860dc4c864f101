// The engine of case lists and department tables (internal): a family's own
// tally over chosen rows, grouped as the caller says (cases.cpp). A case list
// gives every row a group of its own; a department table groups the rows by
// agency (departments.cpp). Either way the values are the family's `_values`
// of the group's counters, and the parts of each rate are noted.
#ifndef FAZHI_SRC_METRICS_CASES_INTERNAL_HPP_
#define FAZHI_SRC_METRICS_CASES_INTERNAL_HPP_

#include <cstddef>
#include <span>
#include <vector>

#include "absl/status/statusor.h"
#include "fazhi/dataset.hpp"
#include "metrics/families.hpp"
#include "metrics/pass.hpp"

namespace fazhi::internal {

// GroupValues are each group's values and parts of its family's rows:
// values[g * width + k], parts likewise (a count's parts are {count, 0}).
struct GroupValues {
  size_t width = 0;
  std::vector<Value> values;
  std::vector<Parts> parts;
};

// group_values tallies family f's rows `rows` (ascending), row rows[k] in
// group group_of[k] < groups, for periods[0].
GroupValues group_values(const Dataset& ds, Family f, std::span<const size_t> rows,
                         std::span<const RegionIndex> group_of, size_t groups, const Periods& periods,
                         const Profile& profile, const Calendar& cal, const Deadlines& deadlines,
                         std::vector<RegionIndex>* scratch = nullptr);

// RowParts are each row's parts of every row of its family, each row alone.
struct RowParts {
  std::vector<size_t> rows;
  size_t width = 0;
  std::vector<Parts> parts;
  std::span<const Parts> of(size_t k) const { return {parts.data() + k * width, width}; }
};
RowParts row_parts(const Dataset& ds, Family f, std::span<const size_t> rows, const Periods& periods,
                   const Profile& profile, const Calendar& cal, const Deadlines& deadlines);

// scope_rows are family f's rows in `region` or inside it (kNational: every
// row), ascending; NotFound when no record names the region or a region
// inside it.
absl::StatusOr<std::vector<size_t>> scope_rows(const Dataset& ds, Family f, RegionCode region);

}  // namespace fazhi::internal

#endif  // FAZHI_SRC_METRICS_CASES_INTERNAL_HPP_
