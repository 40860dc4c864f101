// Reconsideration (行政复议): the family's catalogue rows, its tally in the
// record pass, and its values. The rules it counts by (what a disposition
// counts as, arts. 63-74) are records.cpp's; its time limits (the acceptance
// review, art. 30; the decision period, art. 62) are time_limits.hpp's.

#include <algorithm>
#include <array>
#include <span>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "fazhi/metrics.hpp"
#include "fazhi/time_limits.hpp"
#include "metrics/families.hpp"
#include "metrics/pass.hpp"
#include "metrics/tally.hpp"

namespace fazhi::internal {
namespace {

using K = ValueKind;
using F = Family;

// The family's rows of the catalogue, in the report's order.
constexpr MetricInfo kMetrics[] = {
    {"reconsideration.received", "收到行政复议申请", "件", F::kReconsideration, K::kCount, true},
    {"reconsideration.received_yoy", "同比", "%", F::kReconsideration, K::kRatio, false},
    {"reconsideration.accepted", "受理", "件", F::kReconsideration, K::kCount, true},
    {"reconsideration.closed", "办结", "件", F::kReconsideration, K::kCount, true},
    {"reconsideration.closed_carried_over", "其中办结上年未结", "件", F::kReconsideration, K::kCount, true},
    {"reconsideration.pending_start", "期初未结", "件", F::kReconsideration, K::kCount, true},
    {"reconsideration.pending_end", "期末未结", "件", F::kReconsideration, K::kCount, true},
    {"reconsideration.direct_correction_rate", "直接纠错率", "%", F::kReconsideration, K::kRatio, true},
    {"reconsideration.correction_rate", "综合纠错率", "%", F::kReconsideration, K::kRatio, true},
    {"reconsideration.not_litigated_rate", "未进入行政诉讼程序比例", "%", F::kReconsideration, K::kRatio, true},
    {"reconsideration.acceptance_on_time_rate", "按期审查率", "%", F::kReconsideration, K::kRatio, true},
    {"reconsideration.on_time_rate", "审限内结案率", "%", F::kReconsideration, K::kRatio, true},
    {"reconsideration.overdue", "超期办结", "件", F::kReconsideration, K::kCount, true},
    {"reconsideration.median_days", "办理天数（中位数）", "天", F::kReconsideration, K::kDays, true},
    {"reconsideration.mean_days", "办理天数（平均）", "天", F::kReconsideration, K::kDays, true},
    {"reconsideration.conclusion_rate", "结案率", "%", F::kReconsideration, K::kRatio, true},
    {"reconsideration.clearance_rate", "结收比", "%", F::kReconsideration, K::kRatio, true},
    {"reconsideration.disposition_time", "结案周期", "天", F::kReconsideration, K::kDays, true},
    {"reconsideration.pending_over_limit_share", "超审限未结占比", "%", F::kReconsideration, K::kRatio, true},
};

// case_index is a metric's index among this family's rows (the `v` its
// values fill), found at compile time: a misspelt id does not compile.
consteval size_t case_index(std::string_view id) {
  for (size_t i = 0; i < std::size(kMetrics); ++i) {
    if (kMetrics[i].id == id) return i;
  }
  throw "no such metric id";  // not a constant expression: a compile error
}

constexpr PendingCounters kReconsiderationPending{kRPendingEnd, kRPendingOverLimit, kRPendingOffCalendar};

// The reconsideration decision period (kDecisionLimits) from acceptance.
// Without a recorded acceptance the case counts as accepted when the
// acceptance review ends (行政复议法 (2023) art. 30 para 3). kNoDay when the
// calendar cannot answer.
FAZHI_PASS_PART inline
DayNumber reconsideration_deadline(const ReconsiderationColumns& r, size_t i, const Profile& profile,
                                   const Calendar& cal, const Deadlines& deadlines, DayNumber review_end,
                                   DayNumber& acceptance) {
  acceptance = has(r.accepted[i]) ? r.accepted[i] : review_end;
  if (!has(acceptance)) return kNoDay;
  // kDecisionLimits[k]: 0 simple, 1 ordinary, 2 extended; worked out without
  // a branch (a case is simple or extended at random), both columns read
  // first (GCC compiles a choice between two loads as a branch).
  const bool simple = r.simple_procedure[i] == Tri::kTrue, extended = r.extended[i] == Tri::kTrue;
  const size_t k = static_cast<size_t>(!simple) * (1 + static_cast<size_t>(extended));
  if (profile.exclude_suspended_days && r.suspended_days[i] > 0) {
    // Added in 64 bits: suspended_days may be as large as INT32_MAX, and a
    // deadline that far ends past any calendar (kNoDay) rather than wrapping.
    const int64_t days = int64_t{kDecisionLimits[k].count} + r.suspended_days[i];
    if (days > INT32_MAX) return kNoDay;
    const TimeLimit limit = kDecisionLimits[k].with_count(static_cast<int32_t>(days));
    DayNumber deadline = 0;
    return try_deadline(cal, limit, acceptance, profile.period_rules, deadline) ? deadline : kNoDay;
  }
  return deadlines.decision[k].end(acceptance);
}

// intake_day is the day of a case's decision on acceptance (行政复议法
// (2023) art. 30): its accepted day, or the day it was closed as not
// accepted; an application neither refused nor closed when the review
// (ending on review_last) ends is accepted on its last day by operation of
// law (para 3). kNoDay when none of these holds.
FAZHI_PASS_PART inline DayNumber intake_day(DayNumber accepted, DayNumber closed, Disposition disposition,
                                            DayNumber review_last) {
  const bool not_accepted = disposition == Disposition::kNotAccepted;
  const bool deemed = (!not_accepted) & (!has(closed) | (closed > review_last));
  return has(accepted) ? accepted : not_accepted ? closed : deemed ? review_last : kNoDay;
}

// ClosedFlags is what a concluded reconsideration case adds by its
// disposition: records.cpp's rules (correction_class, is_concluded,
// is_decided_on_merits; 行政复议法 (2023) arts. 63-74) looked up once per
// disposition, as bits of a word, so the pass's vectorized loops test a row's
// bits instead of branching on its disposition.
struct ClosedFlags {
  static constexpr uint32_t kDirectBit = 1, kIndirectBit = 2, kWithdrawnBit = 3, kTerminatedBit = 4, kOnMeritsBit = 5;
  static constexpr uint32_t kConcluded = 1, kDirect = 1 << kDirectBit, kIndirect = 1 << kIndirectBit,
                            kWithdrawn = 1 << kWithdrawnBit, kTerminated = 1 << kTerminatedBit,
                            kOnMerits = 1 << kOnMeritsBit;
  // A row's flags, as wide as its days: GCC does not vectorize the loops
  // that mix them with days as bytes.
  enum class Bits : uint32_t {};
};
constexpr size_t kDispositions = static_cast<size_t>(Disposition::kOther) + 1;

std::array<ClosedFlags::Bits, kDispositions> closed_flags() {
  std::array<ClosedFlags::Bits, kDispositions> out{};
  for (size_t k = 0; k < kDispositions; ++k) {
    const auto d = static_cast<Disposition>(k);
    const CorrectionClass c = correction_class(d);
    const bool optional = c == CorrectionClass::kOptional;
    out[k] = static_cast<ClosedFlags::Bits>(
        (is_concluded(d) ? ClosedFlags::kConcluded : 0) | (c == CorrectionClass::kDirect ? ClosedFlags::kDirect : 0) |
        (c == CorrectionClass::kIndirect ? ClosedFlags::kIndirect : 0) |
        (optional && d == Disposition::kWithdrawn ? ClosedFlags::kWithdrawn : 0) |
        (optional && d != Disposition::kWithdrawn ? ClosedFlags::kTerminated : 0) |
        (is_decided_on_merits(d) ? ClosedFlags::kOnMerits : 0));
  }
  return out;
}

FAZHI_PASS_PART inline
void tally_reconsideration(const ReconsiderationColumns& r, const Periods& periods, const Profile& profile,
                           const Calendar& cal, const Deadlines& deadlines, Range range,
                           const std::vector<RegionIndex>& runs, const Rows& rows,
                           ReconsiderationBlock& block, std::vector<CaseDays>& days) {
  const DayNumber* received = r.received.data();
  const DayNumber* accepted = r.accepted.data();
  const DayNumber* closed = r.closed.data();
  const Disposition* disposition = r.disposition.data();
  const Tri* litigated = r.litigated.data();
  const std::array<ClosedFlags::Bits, kDispositions> by_disposition = closed_flags();
  // Scratch, a run's rows: the last day of each case's acceptance review, its
  // acceptance, decision deadline and intake decision, and its
  // disposition's ClosedFlags.
  std::vector<DayNumber> review_end_days, acceptance_days, deadline_days, intake_days;
  std::vector<ClosedFlags::Bits> flag_words;
  // Each concluded case's days, written at `kept` and kept by moving it on
  // (as tally_legal_aid keeps its draws).
  size_t kept = days.size();
  days.resize(kept + range.end - range.begin);
  for_each_run(runs, range, [&](RegionIndex index, size_t b, size_t e) FAZHI_PASS_PART {
    const uint32_t region = rows[index];
    // The counts that need no calendar, a period at a time (vectorized).
    for (int which = 0; which < 2; ++which) {
      const Period p = periods[static_cast<size_t>(which)];
      uint32_t n_received = 0, n_accepted = 0, n_pending_start = 0;
      for (size_t i = b; i < e; ++i) {
        n_received += in(p, received[i]);
        n_accepted += in(p, accepted[i]);
        n_pending_start += open_at_end(p.from - 1, received[i], closed[i]);
      }
      const auto n = block.at(region, which);
      n[kRReceived] += n_received;
      n[kRAccepted] += n_accepted;
      n[kRPendingStart] += n_pending_start;
    }
    // Each row's days, for both periods.
    const size_t rows_in_run = e - b;
    const std::span<DayNumber> review_end = scratch(review_end_days, rows_in_run),
                               acceptance = scratch(acceptance_days, rows_in_run),
                               deadline = scratch(deadline_days, rows_in_run),
                               intake = scratch(intake_days, rows_in_run);
    const std::span<ClosedFlags::Bits> flags = scratch(flag_words, rows_in_run);
    deadlines.acceptance_review.end_each(received + b, review_end);
    for (size_t i = b; i < e; ++i) {
      const DayNumber review_last = review_end[i - b];
      deadline[i - b] = reconsideration_deadline(r, i, profile, cal, deadlines, review_last, acceptance[i - b]);
      // 行政复议法 (2023) art. 30: the decision on acceptance (受理, or 不予受理)
      // within the review. An application neither refused nor closed when
      // the review ends is accepted on its last day by operation of law
      // (para 3): on time.
      intake[i - b] = intake_day(accepted[i], closed[i], disposition[i], review_last);
      flags[i - b] = by_disposition[static_cast<size_t>(disposition[i])];
    }
    // The days from acceptance to closing (none below 0), kept where the
    // case is concluded and its deadline known.
    auto duration = [&](size_t i) FAZHI_PASS_PART {
      return std::max<int32_t>(0, days_from(acceptance[i - b], closed[i]));
    };
    for (int which = 0; which < 2; ++which) {
      const Period p = periods[static_cast<size_t>(which)];
      const auto n = block.at(region, which);
      // Pending at the end, and the intake decisions.
      PendingCounts pending;
      uint32_t n_intake = 0;
      Timeliness intake_timeliness;
      for (size_t i = b; i < e; ++i) {
        pending.add(open_at_end(p.to, received[i], closed[i]), deadline[i - b], p.to);
        const bool decided = in(p, intake[i - b]);
        n_intake += decided;
        intake_timeliness.add(decided, intake[i - b], review_end[i - b]);
      }
      intake_timeliness.settle(deadlines.workdays, b, e, [&](size_t i) {
        return Timeliness::JudgedRow{in(p, intake[i - b]), received[i], intake[i - b], review_end[i - b]};
      });
      pending.within.settle(deadlines.workdays, b, e, [&](size_t i) {
        return Timeliness::JudgedRow{open_at_end(p.to, received[i], closed[i]), acceptance[i - b], p.to,
                                     deadline[i - b]};
      });
      pending.add_to(n, kReconsiderationPending);
      n[kRIntakeDecided] += n_intake;
      n[kRIntakeOffCalendar] += intake_timeliness.off_calendar;
      n[kRIntakeOnTime] += intake_timeliness.on_time;
      // The cases concluded in the period, by what their dispositions count as.
      uint32_t n_closed = 0, n_carried_over = 0, n_direct = 0, n_indirect = 0, n_withdrawn = 0, n_terminated = 0,
               n_on_merits = 0, n_litigated_known = 0, n_not_litigated = 0;
      for (size_t i = b; i < e; ++i) {
        // As integers, not bools: GCC does not vectorize this loop's tests as bools.
        const uint32_t f = static_cast<uint32_t>(flags[i - b]);
        const uint32_t c = static_cast<uint32_t>(in(p, closed[i])) & f & ClosedFlags::kConcluded;
        n_closed += c;
        n_carried_over += c & static_cast<uint32_t>(received[i] < p.from);
        n_litigated_known += c & static_cast<uint32_t>(litigated[i] != Tri::kUnknown);
        n_not_litigated += c & static_cast<uint32_t>(litigated[i] == Tri::kFalse);
        n_direct += c & (f >> ClosedFlags::kDirectBit);
        n_indirect += c & (f >> ClosedFlags::kIndirectBit);
        n_withdrawn += c & (f >> ClosedFlags::kWithdrawnBit);
        n_terminated += c & (f >> ClosedFlags::kTerminatedBit);
        n_on_merits += c & (f >> ClosedFlags::kOnMeritsBit);
      }
      n[kRClosed] += n_closed;
      n[kRCarriedOver] += n_carried_over;
      n[kRDirect] += n_direct;
      n[kRIndirect] += n_indirect;
      n[kRWithdrawn] += n_withdrawn;
      n[kRTerminated] += n_terminated;
      n[kRDecidedOnMerits] += n_on_merits;
      n[kRLitigatedKnown] += n_litigated_known;
      n[kRNotLitigated] += n_not_litigated;
      // Decided within the decision period (art. 62), and in how many days.
      uint32_t n_overdue = 0;
      Timeliness decision_timeliness;
      SplitSum days_sum;
      for (size_t i = b; i < e; ++i) {
        const uint32_t c = static_cast<uint32_t>(in(p, closed[i])) & static_cast<uint32_t>(flags[i - b]) &
                           ClosedFlags::kConcluded;
        const DayNumber due = deadline[i - b];
        const uint32_t timed = c & static_cast<uint32_t>(has(due));
        decision_timeliness.add(c != 0, closed[i], due);
        n_overdue += timed & static_cast<uint32_t>(closed[i] > due);
        days_sum.add((0 - static_cast<int32_t>(timed)) & duration(i));  // a mask, not a choice (a branch)
      }
      decision_timeliness.settle(deadlines.workdays, b, e, [&](size_t i) {
        const bool c = in(p, closed[i]) & ((static_cast<uint32_t>(flags[i - b]) & ClosedFlags::kConcluded) != 0);
        return Timeliness::JudgedRow{c, acceptance[i - b], closed[i], deadline[i - b]};
      });
      n[kRDeadlineOffCalendar] += decision_timeliness.off_calendar;
      n[kROnTime] += decision_timeliness.on_time;
      n[kROverdue] += n_overdue;
      n[kRDaysSum] += days_sum.value();
    }
    for (size_t i = b; i < e; ++i) {
      const int slot = slot_of(periods, closed[i]);
      days[kept] = {region * 2 + static_cast<uint32_t>(slot), static_cast<uint32_t>(duration(i))};
      kept += (slot != kDiscard) & ((static_cast<uint32_t>(flags[i - b]) & ClosedFlags::kConcluded) != 0) & has(deadline[i - b]);
    }
  });
  days.resize(kept);
}

FAZHI_PASS_ENTRY(run_tally, tally_reconsideration)

}  // namespace

std::span<const MetricInfo> reconsideration_metrics() { return kMetrics; }

ReconsiderationDays reconsideration_days(const ReconsiderationColumns& r, size_t i, const Profile& profile,
                                         const Calendar& cal, const Deadlines& deadlines) {
  ReconsiderationDays d;
  d.review_end = deadlines.acceptance_review.end(r.received[i]);
  d.intake = intake_day(r.accepted[i], r.closed[i], r.disposition[i], d.review_end);
  d.deadline = reconsideration_deadline(r, i, profile, cal, deadlines, d.review_end, d.acceptance);
  return d;
}

void tally_reconsideration_rows(const PassInput& in, Range range, ReconsiderationBlock& block, std::vector<CaseDays>& days) {
  run_tally(in.ds.reconsideration(), in.periods, in.profile, in.cal, in.deadlines, range, in.runs ? *in.runs : in.ds.reconsideration().region, in.rows, block, days);
}

void reconsideration_values(const Tally& t, const Context& c, std::span<Value> v) {
  const auto& n = t.n;
  auto set = [&](size_t index, Value value) { v[index] = std::move(value); };
  [[maybe_unused]] const Profile& pr = *c.profile;
  set(case_index("reconsideration.received"), Value::count(n[kRReceived]));
  set(case_index("reconsideration.accepted"), Value::count(n[kRAccepted]));
  set(case_index("reconsideration.closed"), Value::count(n[kRClosed]));
  set(case_index("reconsideration.closed_carried_over"), Value::count(n[kRCarriedOver]));
  set(case_index("reconsideration.pending_start"), Value::count(n[kRPendingStart]));
  set(case_index("reconsideration.pending_end"), Value::count(n[kRPendingEnd]));
  int64_t basis = n[kRClosed];
  switch (pr.correction_basis) {
    case CorrectionBasis::kConcluded: break;
    case CorrectionBasis::kConcludedByDecision: basis = n[kRDecidedOnMerits]; break;
    case CorrectionBasis::kAccepted: basis = n[kRAccepted]; break;
  }
  const int64_t corrected = n[kRDirect] + n[kRIndirect] +
                            (pr.withdrawn_is_correction ? n[kRWithdrawn] : 0) +
                            (pr.terminated_is_correction ? n[kRTerminated] : 0);
  const Reason no_basis = c.no_basis;
  set(case_index("reconsideration.direct_correction_rate"), rate(c, case_index("reconsideration.direct_correction_rate"), n[kRDirect], basis, no_basis));
  set(case_index("reconsideration.correction_rate"), rate(c, case_index("reconsideration.correction_rate"), corrected, basis, no_basis));
  set(case_index("reconsideration.not_litigated_rate"),
      rate(c, case_index("reconsideration.not_litigated_rate"), n[kRNotLitigated], n[kRLitigatedKnown], "no concluded case records whether it was litigated"));
  set(case_index("reconsideration.acceptance_on_time_rate"),
      calendar_rate(c, case_index("reconsideration.acceptance_on_time_rate"), n[kRIntakeOnTime], n[kRIntakeDecided], n[kRIntakeOffCalendar],
                     "no acceptance decisions in the period"));
  set(case_index("reconsideration.on_time_rate"),
      calendar_rate(c, case_index("reconsideration.on_time_rate"), n[kROnTime], n[kRClosed], n[kRDeadlineOffCalendar], "no cases concluded in the period"));
  set(case_index("reconsideration.overdue"), n[kRDeadlineOffCalendar] > 0
                                     ? Value::undefined(off_calendar_reason(n[kRDeadlineOffCalendar]))
                                     : Value::count(n[kROverdue]));
  set(case_index("reconsideration.median_days"), t.recon_days.median());
  set(case_index("reconsideration.mean_days"),
      Value::days(n[kRDaysSum], static_cast<int64_t>(t.recon_days.size()), "no cases concluded in the period"));
  set(case_index("reconsideration.conclusion_rate"),
      rate(c, case_index("reconsideration.conclusion_rate"), n[kRClosed], n[kRPendingStart] + n[kRAccepted], "no cases pending or accepted"));
  set(case_index("reconsideration.clearance_rate"),
      rate(c, case_index("reconsideration.clearance_rate"), n[kRClosed], n[kRReceived], "no cases received in the period"));
  set(case_index("reconsideration.disposition_time"),
      Value::days(c.period.days() * n[kRPendingEnd], n[kRClosed], "no cases concluded in the period"));
  set(case_index("reconsideration.pending_over_limit_share"),
      calendar_rate(c, case_index("reconsideration.pending_over_limit_share"), n[kRPendingOverLimit], n[kRPendingEnd], n[kRPendingOffCalendar],
                     "no cases pending at the end of the period"));
}

bool reconsideration_has_data(const Tally& t) {
  const auto& n = t.n;
  return n[kRReceived] + n[kRClosed] + n[kRPendingStart] > 0;
}

}  // namespace fazhi::internal
