// partition.hpp -- a docs/data.md folder split into folders by region, as
// bureaus hold their own records: the rows of each kind go to the part
// `part_of(region)` names, header kept; regions.csv (reference data) goes
// whole to part 0, so that the parts' load counts add up to the folder's.
// For the tests and benchmarks of merged tallies: each part's tally merged
// must report exactly what the whole folder does.
//
//   fazhi::bench::split_by_region("/tmp/scale", {"/tmp/p0", "/tmp/p1"},
//       [](fazhi::RegionCode c) { return c.province().value() / 10000 % 2; });
#ifndef FAZHI_BENCH_PARTITION_HPP_
#define FAZHI_BENCH_PARTITION_HPP_

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "fazhi/region.hpp"

namespace fazhi::bench {

// split_by_region writes every `<kind>.csv` of `dir` into `parts` (created
// if needed). The files must be the scale generator's: unquoted fields, a
// `region` column.
absl::Status split_by_region(const std::string& dir, const std::vector<std::string>& parts,
                             const std::function<size_t(RegionCode)>& part_of);

}  // namespace fazhi::bench

#endif  // FAZHI_BENCH_PARTITION_HPP_
