// What a report's tables keep of a tallied Block (KeptCounters,
// src/metrics/breakdown_internal.hpp): the two periods of every group, each
// counter in 32 bits when all its values fit, else in 64. Added into a
// Tally, every group gives exactly what the Block gives, the longest review
// rolled up as a maximum.
#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <random>

#include "metrics/breakdown_internal.hpp"
#include "metrics/tally.hpp"

namespace fazhi::internal {
namespace {

template <int First, int End>
void ExpectSameSums(const Block<First, End>& block, size_t groups) {
  const KeptCounters<First, End> kept(block, groups);
  for (size_t g = 0; g < groups; ++g) {
    for (int p = 0; p < 2; ++p) {
      // Onto counters already holding something, as a roll-up adds group after group.
      std::array<int64_t, kCounterCount> want{}, got{};
      want.fill(7);
      got.fill(7);
      block.add_to(want, g, p);
      kept.add_to(got, g, p);
      ASSERT_EQ(got, want) << "group " << g << " period " << p;
    }
  }
}

TEST(KeptCounters, AddExactlyWhatTheBlockAdds) {
  constexpr size_t kGroups = 50;
  std::mt19937_64 random(20261207);
  LegalAidBlock aid(kGroups + 1);  // holds the longest review, which rolls up as a maximum
  for (int64_t& n : aid.n) n = static_cast<int64_t>(random() % 1000);
  // Counters too wide for 32 bits in one group (a sum of money in fen),
  // and below -2^31 in another: those counters are kept in 64 bits.
  aid.at(3, 0)[kARecoveredFenLow] = int64_t{5'000'000'000};
  aid.at(9, 1)[kARecoveredFenHigh] = -int64_t{3'000'000'000};
  aid.at(4, 1)[kAReviewMax] = 2'000'000'000;  // fits: stays 32-bit
  ExpectSameSums(aid, kGroups);

  ReconsiderationBlock small(kGroups + 1);  // every counter fits
  for (int64_t& n : small.n) n = static_cast<int64_t>(random() % 100);
  ExpectSameSums(small, kGroups);
}

TEST(KeptCounters, DropTheDiscardSlotAndTheSpareGroup) {
  MediationBlock block(4);
  block.at(1, kDiscard)[kMReceived] = 99;  // a record dated in neither period
  block.at(3, 0)[kMReceived] = 99;         // the group after the last one kept
  block.at(1, 0)[kMReceived] = 5;
  const KeptCounters<kMReceived, kGStanding> kept(block, 3);
  std::array<int64_t, kCounterCount> n{};
  for (size_t g = 0; g < 3; ++g) {
    for (int p = 0; p < 2; ++p) kept.add_to(n, g, p);
  }
  EXPECT_EQ(n[kMReceived], 5);
}

}  // namespace
}  // namespace fazhi::internal
