// Statistics of the figures: how evenly the legal-aid lottery spread its
// cases over the lawyers (coefficient of variation, Pearson's chi-square
// test), and ranks among sibling regions. The only binary floating point
// of the figures is the chi-square tail, and it says so (lottery_chi2_p).
#ifndef FAZHI_SRC_METRICS_STATISTICS_HPP_
#define FAZHI_SRC_METRICS_STATISTICS_HPP_

#include <cstddef>
#include <vector>

#include "fazhi/exact.hpp"
#include "fazhi/metrics.hpp"
#include "metrics/tally.hpp"

namespace fazhi::internal {


// LotteryFairness is how evenly the lottery spread a region's cases over the
// lawyers it drew: per-lawyer counts c_1..c_L of the assignments with a
// lawyer id, N = sum c_i. The lawyers are those drawn at least once in the
// region and period: the records name no one who answered and was never
// drawn, so the figures (and the test) are conditional on being drawn once.
struct LotteryFairness : LotterySums {
  // sum (c_i - N/L)^2 * L = L * sum c_i^2 - N^2, exact: the variance is
  // spread / L^2 and the chi-square statistic spread / N.
  BigInt spread = 0;
};
LotteryFairness lottery_fairness(const LotterySums& sums);

// lottery_cv is the coefficient of variation of the cases per lawyer, exact
// to 4 decimals (statistics.cpp).
Value lottery_cv(const LotteryFairness& f);
// lottery_chi2_p is the p-value of the chi-square test of equal chances
// among the lawyers drawn, to 4 decimals (statistics.cpp).
Value lottery_chi2_p(const LotteryFairness& f);

// sibling_groups lists the regions by parent (the provinces together), the
// groups rank_among_siblings ranks within.
std::vector<std::vector<size_t>> sibling_groups(const std::vector<RegionFigures>& regions);
// rank_among_siblings fills a rank metric from its source metric: among the
// regions with the same parent, 1 + the number with a strictly larger value.
void rank_among_siblings(std::vector<RegionFigures>& regions, const std::vector<std::vector<size_t>>& groups,
                         size_t rank_index, size_t source_index, bool previous);

}  // namespace fazhi::internal

#endif  // FAZHI_SRC_METRICS_STATISTICS_HPP_
