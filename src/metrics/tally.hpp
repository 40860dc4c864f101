// The tally's layout: every counter of every family (Counter), the Blocks
// the record pass counts into (a family's counters for every region and both
// periods), the Tally a region's values are made from, and the Pass that
// holds them all. The engine (pass.hpp, pass.cpp) fills them; each family's
// room (reconsideration.cpp, ...) names its counters here and reads them back.
//
// The counters are one enum, not one per family, so that a Tally is one flat
// array that a roll-up adds with one loop.
#ifndef FAZHI_SRC_METRICS_TALLY_HPP_
#define FAZHI_SRC_METRICS_TALLY_HPP_

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "fazhi/dataset.hpp"
#include "fazhi/metrics.hpp"
#include "fazhi/records.hpp"
#include "platform/huge_pages.hpp"

namespace fazhi::internal {

enum Counter : uint16_t {
  // Reconsideration
  kRReceived, kRAccepted, kRClosed, kRCarriedOver, kRPendingStart, kRPendingEnd,
  kRDirect, kRIndirect, kRWithdrawn, kRTerminated, kRDecidedOnMerits,
  kRNotLitigated, kRLitigatedKnown,
  kRIntakeDecided, kRIntakeOnTime, kRIntakeOffCalendar,
  kROnTime, kROverdue, kRDeadlineOffCalendar, kRDaysSum,
  kRPendingOverLimit, kRPendingOffCalendar,
  // Litigation
  kLReceived, kLReceivedFirst, kLClosedFirst, kLJudgedFirst, kLWinFirst, kLLossFirst,
  kLWithdrawnAfterCorrection, kLHearing, kLHead,
  kLHearingFirst, kLHeadFirst, kLHearingSecond, kLHeadSecond, kLHearingRetrial, kLHeadRetrial,
  kLLawyerOnly, kLDefenceKnown, kLDefenceOnTime, kLDefenceOffCalendar,
  kLPendingEndFirst, kLPendingOverLimitFirst, kLPendingOffCalendarFirst, kLClosedAll,
  // Legal aid
  kAAccepted, kAClosed, kARecoveredFenLow, kARecoveredFenHigh, kADecided, kAReviewSum, kAReviewMax,
  kAReviewOnTime, kAReviewOffCalendar, kAReviewDeadlineOffCalendar, kAAssigned, kAAssignedDecided,
  kAAssignOnTime, kAAssignOffCalendar,
  kALottery, kACommitment, kAPendingEnd, kAPendingOverLimit,
  // Mediation
  kMReceived, kMMajorGroup, kMClosed, kMSuccess, kMPendingEnd, kMPendingOverLimit, kMPendingOffCalendar,
  // Registry: standing and new, by RegistryKind
  kGStanding, kGNew = kGStanding + kRegistryKindCount, kGEnd = kGNew + kRegistryKindCount,
  // Activity: sum (as two halves, see SplitQuantity) and rows, by Indicator
  kXSumLow = kGEnd, kXSumHigh = kXSumLow + kIndicatorCount, kXRows = kXSumHigh + kIndicatorCount,
  kCounterCount = kXRows + kIndicatorCount,
};

// Quantities (money in fen, activity tallies) are any int64 >= 0, so their
// sums can pass 64 bits. Each is summed as two counters, its low and its
// high 32 bits apart, plain int64 sums like every other counter (rolled up
// and merged by the same loops) that cannot overflow: a row adds less than
// 2^32 to either, and a kind holds fewer than 2^31 rows. quantity_sum joins
// the halves in 128 bits, and a total past INT64_MAX is refused, not wrapped.
constexpr int64_t kLow32 = 0xFFFFFFFF;
constexpr char kSumTooLarge[] =
    "the sum is more than 9223372036854775807, the largest whole number a figure holds";

inline std::optional<int64_t> quantity_sum(int64_t low, int64_t high) {
  const __int128 sum = static_cast<__int128>(high) * (__int128{1} << 32) + low;
  if (sum > std::numeric_limits<int64_t>::max()) return std::nullopt;
  return static_cast<int64_t>(sum);
}

// LawyerKey numbers the lawyers the lottery drew 0, 1, ... in the order the
// pass first met them, region by region in code order (tally), so that the
// districts of a city have neighbouring keys.
using LawyerKey = uint32_t;
using LawyerCases = std::pair<LawyerKey, int64_t>;

// LawyerCounts sums cases by lawyer in a counter per key, noting the lawyers
// in the order first met: no sort and no hash per draw, and clearing costs
// only the lawyers met. The counters grow to the largest key met, so an
// instance is kept as scratch and reused.
class LawyerCounts {
 public:
  void add(LawyerKey lawyer, int64_t cases) {
    if (lawyer >= cases_.size()) [[unlikely]] reserve(std::max<size_t>(size_t{lawyer} + 1, 2 * cases_.size()));
    // The lawyer is noted every time and kept by moving the end on when
    // first met, without a branch: whether a lawyer is new is at random.
    met_[met_count_] = lawyer;
    met_count_ += cases_[lawyer] == 0;
    cases_[lawyer] += cases;  // cases > 0: a lawyer met is never at 0
  }
  // take appends (lawyer, cases) of each lawyer met, in the order met, to
  // `out`, and starts over.
  void take(std::vector<LawyerCases>& out) {
    for (size_t k = 0; k < met_count_; ++k) {
      const LawyerKey lawyer = met_[k];
      out.emplace_back(lawyer, cases_[lawyer]);
      cases_[lawyer] = 0;
    }
    met_count_ = 0;
  }

 private:
  // reserve makes room for the lawyers 0 .. n - 1.
  void reserve(size_t n) {
    if (n > cases_.size()) {
      cases_.resize(n);
      met_.resize(n + 1);  // every lawyer met, and the place add writes next
    }
  }

  std::vector<int64_t> cases_;
  std::vector<LawyerKey> met_;  // the first met_count_ are the lawyers met
  size_t met_count_ = 0;
};

// DayCounts holds the days from acceptance to closing of a region's concluded
// cases (a district's own, or a roll-up's from its districts' lists) as a
// count per number of days, for the median: days are small non-negative
// integers, so a case costs one increment and the median a walk up to it,
// where nth_element over a copy would branch at random on every case.
class DayCounts {
 public:
  void add(std::span<const int32_t> days) {  // days >= 0; the span must outlive clear()
    for (const int32_t d : days) {
      const auto i = static_cast<size_t>(d);
      if (i >= counts_.size()) counts_.resize(i + 1);
      ++counts_[i];
    }
    size_ += days.size();
    added_.push_back(days);
  }
  size_t size() const { return size_; }
  // median is the middle value; of an even count, the mean of the two middle
  // ones (docs/metrics.md).
  Value median() const {
    if (size_ == 0) return Value::undefined("no cases concluded in the period");
    size_t days = 0, below = 0;  // below: the cases of fewer than `days` days
    auto kth = [&](size_t k) {   // the k-th smallest (from 0), k not below the last k asked
      while (below + counts_[days] <= k) below += counts_[days++];
      return static_cast<int64_t>(days);
    };
    const size_t mid = size_ / 2;
    if (size_ % 2 == 1) return Value::days(kth(mid), 1, "");
    const int64_t lower = kth(mid - 1);
    return Value::days(lower + kth(mid), 2, "");
  }
  // clear takes back every day added: the cost of what was added, not of the
  // longest case.
  void clear() {
    for (const std::span<const int32_t> days : added_) {
      for (const int32_t d : days) counts_[static_cast<size_t>(d)] = 0;
    }
    added_.clear();
    size_ = 0;
  }

 private:
  std::vector<size_t> counts_;
  std::vector<std::span<const int32_t>> added_;
  size_t size_ = 0;
};

// LotterySums is what the lottery's figures need of some lawyers' case
// counts c_i: how many lawyers, N = sum c_i, the fewest and the most, and
// sum c_i^2. The sums of two sets of lawyers with none in common add up.
struct LotterySums {
  int64_t lawyers = 0, assignments = 0, min = 0, max = 0;
  int64_t squares = 0;  // sum c^2 <= N^2: 64 bits for fewer than 3 billion records
  void add_lawyer(int64_t cases) { add({1, cases, cases, cases, cases * cases}); }
  void add(const LotterySums& o) {
    if (o.lawyers == 0) return;
    min = lawyers == 0 ? o.min : std::min(min, o.min);
    max = std::max(max, o.max);
    lawyers += o.lawyers;
    assignments += o.assignments;
    squares += o.squares;
  }
};

// Tally is one region's counters for one period: its own records plus those
// of every region inside it, summed from the record pass's Blocks when the
// region's values are made (one scratch Tally per period, reused).
struct Tally {
  std::array<int64_t, kCounterCount> n{};
  // Days from acceptance to closing of the concluded cases, for the median.
  DayCounts recon_days;
  // The lottery assignments with a lawyer id, counted by lawyer. A lawyer
  // drawn in two districts counts once in a roll-up of both, with both
  // districts' cases: such lawyers are listed as (lawyer, cases), one entry
  // per lawyer, and a roll-up sums its districts' lists by lawyer. The
  // others, drawn in one district only, are final there, so a roll-up adds
  // their LotterySums (Pass::lottery_own).
  LotterySums lottery_own;
  std::vector<LawyerCases> lottery_shared;
  LawyerCounts lawyer_counts;  // scratch for the sums
};

// SlotValue is one value the pass meets for a region and period (slot: row *
// 2 + period): a lottery draw's lawyer, a concluded case's days. Appended in
// record order to one flat list, and grouped by slot after the pass, since
// appending to a list per slot would touch a random list per record.
struct SlotValue {
  // Left uninitialized by default: the pass sizes its list of draws for
  // every row and writes only the draws, so a vector of them is not zeroed
  // first (nor its pages touched) for nothing.
  SlotValue() {}  // NOLINT: not = default, which would zero them
  SlotValue(uint32_t s, uint32_t v) : slot(s), value(v) {}
  uint32_t slot;
  uint32_t value;
};
using LotteryDraw = SlotValue;  // value: the lawyer's TextId
using CaseDays = SlotValue;     // value: days from acceptance to closing

// Counts<First> addresses one family's block of counters by their Counter
// names, so the tally code reads ++n[kRReceived] whatever the layout.
template <int First>
struct Counts {
  int64_t* p;
  int64_t& operator[](int k) const { return p[k - First]; }
};

// Block holds one record family's counters for every region and both periods,
// the two periods of a region side by side: a record updates one small,
// contiguous slot instead of a region's whole Tally, and a run of one
// region's records (for_each_run) works in one place.
//
// A region has kSlots slots: the period's, the previous one's, and a discard
// slot that a record dated in neither counts into, so the pass adds to the
// slot a date picks (slot_of) without branching on it.
constexpr size_t kSlots = 3;
constexpr int kDiscard = 2;

template <int First, int End>
struct Block {
  static constexpr int kFirst = First, kEnd = End;
  static constexpr size_t kWidth = End - First;
  std::vector<int64_t> n;
  // In 2 MiB pages where it is that large (huge_pages.hpp): a breakdown's
  // Block, one per (region, value) pair, runs to tens of MB, and faulting
  // its zeros in 4 KiB at a time took longer than the pass that fills it.
  explicit Block(size_t regions) {
    resize_huge(n, regions * kSlots * kWidth);
  }
  Counts<First> at(uint32_t r, int slot) { return {&n[(size_t{r} * kSlots + static_cast<size_t>(slot)) * kWidth]}; }
  // merge adds another pass's counters (of other rows) into these.
  void merge(const Block& o) {
    for (size_t i = 0; i < n.size(); ++i) {
      if constexpr (First <= kAReviewMax && kAReviewMax < End) {
        if (i % kWidth == kAReviewMax - First) {
          n[i] = std::max(n[i], o.n[i]);
          continue;
        }
      }
      n[i] += o.n[i];
    }
  }
  // set_from writes region r's counters for `period` from a tally's
  // (a portable tally read back, whose rows are whole).
  void set_from(const std::array<int64_t, kCounterCount>& in, size_t r, int period) {
    std::copy(in.begin() + First, in.begin() + End, n.begin() + static_cast<std::ptrdiff_t>((r * kSlots + static_cast<size_t>(period)) * kWidth));
  }
  // add_to adds region r's counters for `period` into a tally's. A maximum
  // (the longest review) rolls up as the maximum, every other counter as the sum.
  void add_to(std::array<int64_t, kCounterCount>& out, size_t r, int period) const {
    const int64_t* src = &n[(r * kSlots + static_cast<size_t>(period)) * kWidth];
    int64_t* dst = out.data() + First;
    if constexpr (First <= kAReviewMax && kAReviewMax < End) {
      const int64_t max = std::max(out[kAReviewMax], src[kAReviewMax - First]);
      for (size_t i = 0; i < kWidth; ++i) dst[i] += src[i];
      out[kAReviewMax] = max;
    } else {
      for (size_t i = 0; i < kWidth; ++i) dst[i] += src[i];
    }
  }
};

using ReconsiderationBlock = Block<kRReceived, kLReceived>;
using LitigationBlock = Block<kLReceived, kAAccepted>;
using LegalAidBlock = Block<kAAccepted, kMReceived>;
using MediationBlock = Block<kMReceived, kGStanding>;
using RegistryBlock = Block<kGStanding, kGEnd>;
using ActivityBlock = Block<kXSumLow, kCounterCount>;

// The two periods of one pass: [0] the report's, [1] the previous one.
using Periods = std::array<Period, 2>;

// Rows maps a record's RegionIndex (the order regions were first met in the
// files) to its row in the Blocks, which are in region code order: the
// districts of a city, and of a province, are then neighbouring rows, so a
// roll-up reads its districts' counters in one sweep instead of at random.
using Rows = std::vector<uint32_t>;

// Range is the rows [begin, end) of one family that one thread tallies.
struct Range {
  size_t begin, end;
  // share is the k-th of `parts` near-equal shares of n rows.
  static Range share(size_t n, size_t k, size_t parts) { return {n * k / parts, n * (k + 1) / parts}; }
};

// Pass is the one pass over every record, for the period and the previous
// one at once: each region's own counters for both, by family.
struct Pass {
  explicit Pass(size_t regions)
      : reconsideration(regions), litigation(regions), legal_aid(regions), mediation(regions),
        registry(regions), activity(regions) {}
  ReconsiderationBlock reconsideration;
  LitigationBlock litigation;
  LegalAidBlock legal_aid;
  MediationBlock mediation;
  RegistryBlock registry;
  ActivityBlock activity;
  // Each region's and period's days of concluded cases: recon_days from
  // recon_days_begin[slot] to recon_days_begin[slot + 1] (slot: row * 2 + period).
  std::vector<int32_t> recon_days;
  std::vector<uint32_t> recon_days_begin;
  // Each region's and period's lottery draws (Tally): the LotterySums of the
  // lawyers drawn in no other region, lottery_own[slot], and the (lawyer,
  // cases) of the others, lottery_shared from lottery_begin[slot] to
  // lottery_begin[slot + 1].
  std::vector<LotterySums> lottery_own;
  std::vector<LawyerCases> lottery_shared;
  std::vector<uint32_t> lottery_begin;
  // Only when asked for (run_record_pass's keep_lawyers): every slot's
  // (lawyer TextId, cases), from lottery_by_lawyer_begin[slot], which a
  // portable tally names by lawyer id so that tallies of other regions merge
  // by lawyer.
  std::vector<std::pair<TextId, int64_t>> lottery_by_lawyer;
  std::vector<uint32_t> lottery_by_lawyer_begin;

  // tally_into sums the rows `members` (a region and every region inside it)
  // for one period into `t`.
  void tally_into(std::span<const uint32_t> members, int period, Tally& t) const {
    t.n.fill(0);
    t.recon_days.clear();
    t.lottery_own = {};
    t.lottery_shared.clear();
    for (const uint32_t r : members) {
      reconsideration.add_to(t.n, r, period);
      litigation.add_to(t.n, r, period);
      legal_aid.add_to(t.n, r, period);
      mediation.add_to(t.n, r, period);
      registry.add_to(t.n, r, period);
      activity.add_to(t.n, r, period);
      const size_t slot = size_t{r} * 2 + static_cast<size_t>(period);
      t.recon_days.add(std::span<const int32_t>(recon_days).subspan(
          recon_days_begin[slot], recon_days_begin[slot + 1] - recon_days_begin[slot]));
      t.lottery_own.add(lottery_own[slot]);
      if (members.size() == 1) {  // a district's own list: one entry per lawyer already
        t.lottery_shared.assign(lottery_shared.begin() + lottery_begin[slot],
                                lottery_shared.begin() + lottery_begin[slot + 1]);
        continue;
      }
      for (uint32_t k = lottery_begin[slot]; k < lottery_begin[slot + 1]; ++k) {
        t.lawyer_counts.add(lottery_shared[k].first, lottery_shared[k].second);
      }
    }
    t.lawyer_counts.take(t.lottery_shared);
  }
};

}  // namespace fazhi::internal

#endif  // FAZHI_SRC_METRICS_TALLY_HPP_
