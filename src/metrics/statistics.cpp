// Statistics of the figures (statistics.hpp): the lottery's fairness and
// ranks among sibling regions.

#include "metrics/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include <boost/math/distributions/chi_squared.hpp>
#include <boost/multiprecision/cpp_int.hpp>
#include <boost/multiprecision/integer.hpp>

namespace fazhi::internal {

LotteryFairness lottery_fairness(const LotterySums& sums) {
  LotteryFairness f;
  static_cast<LotterySums&>(f) = sums;
  // Named steps rather than one expression of temporaries: g++ 12 warns
  // (-Wmaybe-uninitialized, a false positive) inside Boost's expression templates.
  BigInt n2 = f.assignments;
  n2 *= f.assignments;
  f.spread = f.lawyers;
  f.spread *= f.squares;
  f.spread -= n2;
  return f;
}

// kStatisticScale: the coefficient of variation and the p-value are given
// rounded to 4 decimals (den 10^4), and presented with 4 decimals.
constexpr int64_t kStatisticScale = 10000;

// lottery_cv is the coefficient of variation sqrt(variance) / mean =
// sqrt(spread) / N (population variance over the lawyers drawn), rounded
// half up to 4 decimals with an exact integer square root: with
// x = 10^4 * sqrt(spread) / N, round(x) = floor((floor(2x) + 1) / 2) and
// floor(2x) = isqrt(floor(4 * 10^8 * spread / N^2)). No binary floating point.
Value lottery_cv(const LotteryFairness& f) {
  if (f.assignments == 0) return Value::undefined("no lottery assignments with a lawyer id in the period");
  BigInt n2 = f.assignments;
  n2 *= f.assignments;
  BigInt scaled = f.spread;
  scaled *= 4 * kStatisticScale * kStatisticScale;
  scaled /= n2;
  // spread <= (L - 1) * N^2, so scaled <= 4 * 10^8 * (L - 1) fits 64 bits,
  // and the square root is taken in a one-limb integer type: cpp_int's
  // arbitrary-precision root cost ~2,000 instructions per region and period.
  using Uint64 = boost::multiprecision::number<boost::multiprecision::cpp_int_backend<
      64, 64, boost::multiprecision::unsigned_magnitude, boost::multiprecision::checked, void>>;
  const Uint64 root = boost::multiprecision::sqrt(static_cast<Uint64>(scaled));
  return Value::number(static_cast<int64_t>((root + 1) / 2), kStatisticScale, "");
}

// lottery_chi2_p is the p-value of Pearson's chi-square test of equal chances
// among the L lawyers drawn: X^2 = sum (c_i - N/L)^2 / (N/L) = spread / N on
// L - 1 degrees of freedom. Binary floating point, by exception: Boost.Math
// computes the chi-square tail in double precision (not promoted to long
// double: 4 decimals need no more, and x87 arithmetic cost ~5,000
// instructions per region and period). The result is a
// statistical test, not a published count, so it is rounded to 4 decimals
// (den 10^4) and those 4 decimals are all it claims; X^2 itself is exact.
// A city's or province's test pools its districts' lawyers, though each
// district draws from its own pool with its own caseload: a small p there
// says the districts differ, not that one district's lottery is uneven.
Value lottery_chi2_p(const LotteryFairness& f) {
  if (f.lawyers < 2) return Value::undefined("fewer than two lawyers drawn: no distribution to test");
  // Every lawyer drawn equally often (X^2 = 0): p is 1, exactly, for any L.
  if (f.spread == 0) return Value::number(kStatisticScale, kStatisticScale, "");
  const double statistic = static_cast<double>(f.spread) / static_cast<double>(f.assignments);
  // Errors are reported through errno, never thrown: with hundreds of
  // degrees of freedom Boost's gamma functions can overflow on the way to a
  // tail that is itself fine. A result that is not a probability is
  // undefined, not published.
  using namespace boost::math::policies;
  using InDouble = policy<promote_double<false>, overflow_error<errno_on_error>, domain_error<errno_on_error>,
                          evaluation_error<errno_on_error>, pole_error<errno_on_error>>;
  const boost::math::chi_squared_distribution<double, InDouble> chi2(static_cast<double>(f.lawyers - 1));
  const double p = boost::math::cdf(boost::math::complement(chi2, statistic));
  if (!(p >= 0.0 && p <= 1.0)) {
    return Value::undefined("the chi-square tail could not be computed in double precision for this many lawyers");
  }
  return Value::number(std::llround(p * static_cast<double>(kStatisticScale)), kStatisticScale, "");
}

// sibling_groups lists the regions by parent (the provinces together), the
// groups rank_among_siblings ranks within.
std::vector<std::vector<size_t>> sibling_groups(const std::vector<RegionFigures>& regions) {
  std::map<uint32_t, std::vector<size_t>> groups;  // parent code (0: none) -> regions
  for (size_t i = 0; i < regions.size(); ++i) {
    const auto parent = regions[i].code.parent();
    groups[parent ? parent->value() : 0].push_back(i);
  }
  std::vector<std::vector<size_t>> out;
  for (auto& [parent, members] : groups) out.push_back(std::move(members));
  return out;
}

// rank_among_siblings fills a rank metric from its source metric: among the
// regions with the same parent, 1 + the number with a strictly larger value,
// so ties share the better rank. Each group is sorted once, largest first,
// rather than comparing every pair.
void rank_among_siblings(std::vector<RegionFigures>& regions, const std::vector<std::vector<size_t>>& groups,
                         size_t rank_index, size_t source_index, bool previous) {
  auto values_of_region = [&](size_t i) -> std::vector<Value>& {
    return previous ? regions[i].previous : regions[i].current;
  };
  std::vector<std::pair<int64_t, size_t>> ranked;  // (value, region), largest first
  for (const std::vector<size_t>& members : groups) {
    ranked.clear();
    for (const size_t i : members) {
      std::vector<Value>& values = values_of_region(i);
      if (values[source_index].defined()) {
        ranked.emplace_back(values[source_index].integer, i);
      } else {
        values[rank_index] = Value::undefined("no value to rank");
      }
    }
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    size_t rank = 0;
    for (size_t k = 0; k < ranked.size(); ++k) {
      if (k == 0 || ranked[k].first != ranked[k - 1].first) rank = k + 1;  // k regions are larger
      values_of_region(ranked[k].second)[rank_index] = Value::rank(static_cast<int64_t>(rank));
    }
  }
}

}  // namespace fazhi::internal
