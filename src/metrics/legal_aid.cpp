// Legal aid (法律援助): the family's catalogue rows, its tally in the record
// pass (with the lottery's draws, counted by lawyer in pass.cpp), and its
// values. The review and assignment limits (法律援助法 art. 43) are
// time_limits.hpp's, with the profile's counts; the lottery's fairness
// statistics are statistics.cpp's.

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
#include "metrics/statistics.hpp"

namespace fazhi::internal {
namespace {

using K = ValueKind;
using F = Family;

// The family's rows of the catalogue, in the report's order.
constexpr MetricInfo kMetrics[] = {
    {"legal_aid.accepted", "受理法律援助案件", "件", F::kLegalAid, K::kCount, true},
    {"legal_aid.recovered_amount", "挽回经济损失", "元", F::kLegalAid, K::kMoney, true},
    {"legal_aid.review_workdays_max", "审查办结时限", "个工作日", F::kLegalAid, K::kDays, true},
    {"legal_aid.review_workdays_mean", "平均审查工作日", "个工作日", F::kLegalAid, K::kDays, true},
    {"legal_aid.review_on_time_rate", "审查按时率", "%", F::kLegalAid, K::kRatio, true},
    {"legal_aid.assignment_on_time_rate", "指派按时率", "%", F::kLegalAid, K::kRatio, true},
    {"legal_aid.lottery_share", "摇珠指派比例", "%", F::kLegalAid, K::kRatio, true},
    {"legal_aid.lottery_assignments", "摇珠指派案件", "件", F::kLegalAid, K::kCount, true},
    {"legal_aid.lottery_lawyers", "摇珠指派涉及律师", "名", F::kLegalAid, K::kCount, true},
    {"legal_aid.lottery_min", "每名律师摇珠指派最少", "件", F::kLegalAid, K::kCount, true},
    {"legal_aid.lottery_max", "每名律师摇珠指派最多", "件", F::kLegalAid, K::kCount, true},
    {"legal_aid.lottery_mean", "每名律师摇珠指派平均", "件", F::kLegalAid, K::kNumber, true},
    {"legal_aid.lottery_cv", "摇珠指派变异系数", "", F::kLegalAid, K::kNumber, false},
    {"legal_aid.lottery_chi2_p", "摇珠分配均衡性检验 p 值", "", F::kLegalAid, K::kNumber, false},
    {"legal_aid.commitment_share", "告知承诺制适用比例", "%", F::kLegalAid, K::kRatio, true},
    {"legal_aid.closed", "办结", "件", F::kLegalAid, K::kCount, true},
    {"legal_aid.accepted_rank", "受理量排名", "位", F::kLegalAid, K::kRank, false},
    {"legal_aid.clearance_rate", "结收比", "%", F::kLegalAid, K::kRatio, true},
    {"legal_aid.disposition_time", "结案周期", "天", F::kLegalAid, K::kDays, true},
    {"legal_aid.pending_over_limit_share", "超时限未结占比", "%", F::kLegalAid, K::kRatio, true},
};

// case_index is a metric's index among this family's rows (the `v` its
// values fill), found at compile time: a misspelt id does not compile.
consteval size_t case_index(std::string_view id) {
  for (size_t i = 0; i < std::size(kMetrics); ++i) {
    if (kMetrics[i].id == id) return i;
  }
  throw "no such metric id";  // not a constant expression: a compile error
}



FAZHI_PASS_PART inline
void tally_legal_aid(const LegalAidColumns& a, const Periods& periods, const Profile& profile,
                     const Deadlines& deadlines, Range range,
                     const std::vector<RegionIndex>& runs, const Rows& rows, LegalAidBlock& block,
                     std::vector<LotteryDraw>& draws) {
  const DayNumber* accepted = a.accepted.data();
  const DayNumber* closed = a.closed.data();
  const Tri* commitment = a.commitment.data();
  const int64_t* recovered_fen = a.recovered_fen.data();
  const DayNumber* assigned = a.assigned.data();
  const DayNumber* applied = a.applied.data();
  const DayNumber* decided = a.decided.data();
  const AssignmentMethod* method = a.assignment_method.data();
  const bool has_case_limit = profile.legal_aid_case_limit_days.has_value();
  // Scratch, a run's rows: the working days of each review, and the last
  // day of each review and assignment.
  std::vector<int32_t> review_days;
  std::vector<DayNumber> review_due_days, assignment_due_days;
  // Each lottery assignment with a lawyer is a draw. The draws are written
  // at `drawn` and kept by moving it on, rather than by a branch on the
  // method, which is mispredicted (lottery or designated at random).
  // The room is a slot a row (3M rows: 24 MB), in 2 MiB pages
  // (huge_pages.hpp): faulted in 4 KiB at a time it cost more than the pass.
  size_t drawn = draws.size();
  resize_huge(draws, drawn + range.end - range.begin);
  for_each_run(runs, range, [&](RegionIndex index, size_t b, size_t e) FAZHI_PASS_PART {
    const uint32_t region = rows[index];
    // The counts that need no calendar, a period at a time over the run, in
    // loops without branches that the compiler vectorizes.
    for (int which = 0; which < 2; ++which) {
      const Period p = periods[static_cast<size_t>(which)];
      // Pending over the limit: p.to - accepted > limit, as accepted < this.
      const auto over_before = static_cast<DayNumber>(
          std::clamp<int64_t>(int64_t{p.to} - profile.legal_aid_case_limit_days.value_or(0), INT32_MIN, INT32_MAX));
      uint32_t n_accepted = 0, n_commitment = 0, n_closed = 0, n_pending = 0, n_over_limit = 0, n_assigned = 0,
               n_lottery = 0;
      for (size_t i = b; i < e; ++i) {
        const bool asg = in(p, assigned[i]);
        n_assigned += asg;
        n_lottery += asg & (method[i] == AssignmentMethod::kLottery);
        const bool acc = in(p, accepted[i]);
        n_accepted += acc;
        n_commitment += acc & (commitment[i] == Tri::kTrue);
        n_closed += in(p, closed[i]);
        const bool pending = open_at_end(p.to, accepted[i], closed[i]);
        n_pending += pending;
        n_over_limit += pending & (accepted[i] < over_before);
      }
      const auto n = block.at(region, which);
      n[kAAccepted] += n_accepted;
      n[kACommitment] += n_commitment;
      n[kAClosed] += n_closed;
      n[kAPendingEnd] += n_pending;
      n[kAAssigned] += n_assigned;
      n[kALottery] += n_lottery;
      if (has_case_limit) n[kAPendingOverLimit] += n_over_limit;
    }
    // The working days of each row's review, and the last days of its
    // review and assignment, for both periods.
    const std::span<int32_t> review = scratch(review_days, e - b);
    const std::span<DayNumber> review_due = scratch(review_due_days, e - b),
                               assignment_due = scratch(assignment_due_days, e - b);
    deadlines.workdays.between_each(applied + b, decided + b, review);
    deadlines.legal_aid_review.end_each(applied + b, review_due);
    deadlines.legal_aid_assignment.end_each(decided + b, assignment_due);
    constexpr int32_t kOffCalendar = WorkdayTable::kOffCalendar;
    for (int which = 0; which < 2; ++which) {
      const Period p = periods[static_cast<size_t>(which)];
      const auto n = block.at(region, which);
      // The review limit (time_limits.hpp, 法律援助法 art. 43), or the
      // bureau's pledge. The working days taken are counted too, for their
      // largest and mean.
      uint32_t n_decided = 0, n_review_off = 0;
      Timeliness review_timeliness;
      SplitSum review_sum;
      int32_t review_max = 0;
      for (size_t i = b; i < e; ++i) {
        const bool d = in(p, decided[i]);
        const int32_t wd = review[i - b];
        const bool counted = d & (wd != kOffCalendar);
        const int32_t days = (0 - static_cast<int32_t>(counted)) & wd;  // a mask, not a choice (a branch)
        n_decided += d;
        n_review_off += d & (wd == kOffCalendar);
        review_sum.add(days);
        review_max = std::max(review_max, days);
        review_timeliness.add(d, decided[i], review_due[i - b]);
      }
      review_timeliness.settle(deadlines.workdays, b, e, [&](size_t i) {
        return Timeliness::JudgedRow{in(p, decided[i]), applied[i], decided[i], review_due[i - b]};
      });
      n[kADecided] += n_decided;
      n[kAReviewOffCalendar] += n_review_off;
      n[kAReviewSum] += review_sum.value();
      n[kAReviewMax] = std::max<int64_t>(n[kAReviewMax], review_max);
      n[kAReviewOnTime] += review_timeliness.on_time;
      n[kAReviewDeadlineOffCalendar] += review_timeliness.off_calendar;
      // The assignment limit (time_limits.hpp, art. 43). Recovered
      // money is summed here, by the period the case closed in, not in the
      // first loop: its 64-bit values would keep that one from vectorizing.
      uint32_t n_assigned_decided = 0;
      Timeliness assignment_timeliness;
      int64_t recovered_low = 0, recovered_high = 0;  // at most kMaxRun rows: no overflow
      for (size_t i = b; i < e; ++i) {
        const bool counted = in(p, assigned[i]) & has(decided[i]);
        n_assigned_decided += counted;
        assignment_timeliness.add(counted, assigned[i], assignment_due[i - b]);
        const int64_t fen = recovered_fen[i];  // -1: not recorded
        const int64_t kept = (0 - static_cast<int64_t>(in(p, closed[i]))) & fen & ~(fen >> 63);
        recovered_low += kept & kLow32;
        recovered_high += kept >> 32;
      }
      assignment_timeliness.settle(deadlines.workdays, b, e, [&](size_t i) {
        return Timeliness::JudgedRow{in(p, assigned[i]) && has(decided[i]), decided[i], assigned[i],
                                     assignment_due[i - b]};
      });
      n[kAAssignedDecided] += n_assigned_decided;
      n[kAAssignOffCalendar] += assignment_timeliness.off_calendar;
      n[kAAssignOnTime] += assignment_timeliness.on_time;
      n[kARecoveredFenLow] += recovered_low;
      n[kARecoveredFenHigh] += recovered_high;
    }
    for (size_t i = b; i < e; ++i) {
      const int slot = slot_of(periods, assigned[i]);
      draws[drawn] = {region * 2 + static_cast<uint32_t>(slot), a.lawyer[i]};
      drawn += (slot != kDiscard) & (method[i] == AssignmentMethod::kLottery) & (a.lawyer[i] != 0);
    }
  });
  draws.resize(drawn);
}

FAZHI_PASS_ENTRY(run_tally, tally_legal_aid)

}  // namespace

std::span<const MetricInfo> legal_aid_metrics() { return kMetrics; }

void tally_legal_aid_rows(const PassInput& in, Range range, LegalAidBlock& block, std::vector<LotteryDraw>& draws) {
  run_tally(in.ds.legal_aid(), in.periods, in.profile, in.deadlines, range, in.runs ? *in.runs : in.ds.legal_aid().region, in.rows, block, draws);
}

void legal_aid_values(const Tally& t, const Context& c, std::span<Value> v) {
  const auto& n = t.n;
  auto set = [&](size_t index, Value value) { v[index] = std::move(value); };
  [[maybe_unused]] const Profile& pr = *c.profile;
  set(case_index("legal_aid.accepted"), Value::count(n[kAAccepted]));
  const std::optional<int64_t> recovered = quantity_sum(n[kARecoveredFenLow], n[kARecoveredFenHigh]);
  set(case_index("legal_aid.recovered_amount"), recovered ? Value::money(*recovered) : Value::undefined(kSumTooLarge));
  if (n[kAReviewOffCalendar] > 0) {
    set(case_index("legal_aid.review_workdays_max"), Value::undefined(off_calendar_reason(n[kAReviewOffCalendar])));
    set(case_index("legal_aid.review_workdays_mean"), Value::undefined(off_calendar_reason(n[kAReviewOffCalendar])));
  } else if (n[kADecided] == 0) {
    set(case_index("legal_aid.review_workdays_max"), Value::undefined("no applications decided in the period"));
    set(case_index("legal_aid.review_workdays_mean"), Value::undefined("no applications decided in the period"));
  } else {
    set(case_index("legal_aid.review_workdays_max"), Value::days(n[kAReviewMax], 1, ""));
    set(case_index("legal_aid.review_workdays_mean"), Value::days(n[kAReviewSum], n[kADecided], ""));
  }
  set(case_index("legal_aid.review_on_time_rate"),
      calendar_rate(c, case_index("legal_aid.review_on_time_rate"), n[kAReviewOnTime], n[kADecided], n[kAReviewDeadlineOffCalendar],
                     "no applications decided in the period"));
  set(case_index("legal_aid.assignment_on_time_rate"),
      calendar_rate(c, case_index("legal_aid.assignment_on_time_rate"), n[kAAssignOnTime], n[kAAssignedDecided], n[kAAssignOffCalendar],
                     "no assignments with a decision date in the period"));
  set(case_index("legal_aid.lottery_share"), rate(c, case_index("legal_aid.lottery_share"), n[kALottery], n[kAAssigned], "no assignments in the period"));
  {
    LotterySums sums = t.lottery_own;
    for (const auto& [lawyer, cases] : t.lottery_shared) sums.add_lawyer(cases);
    const LotteryFairness f = lottery_fairness(sums);
    constexpr Reason kNone = "no lottery assignments with a lawyer id in the period";
    set(case_index("legal_aid.lottery_assignments"), Value::count(n[kALottery]));
    set(case_index("legal_aid.lottery_lawyers"), Value::count(f.lawyers));
    set(case_index("legal_aid.lottery_min"), f.lawyers ? Value::count(f.min) : Value::undefined(kNone));
    set(case_index("legal_aid.lottery_max"), f.lawyers ? Value::count(f.max) : Value::undefined(kNone));
    set(case_index("legal_aid.lottery_mean"), Value::number(f.assignments, f.lawyers, kNone));
    set(case_index("legal_aid.lottery_cv"), lottery_cv(f));
    set(case_index("legal_aid.lottery_chi2_p"), lottery_chi2_p(f));
  }
  set(case_index("legal_aid.commitment_share"), rate(c, case_index("legal_aid.commitment_share"), n[kACommitment], n[kAAccepted], "no cases accepted in the period"));
  set(case_index("legal_aid.closed"), Value::count(n[kAClosed]));
  set(case_index("legal_aid.clearance_rate"), rate(c, case_index("legal_aid.clearance_rate"), n[kAClosed], n[kAAccepted], "no cases accepted in the period"));
  set(case_index("legal_aid.disposition_time"),
      Value::days(c.period.days() * n[kAPendingEnd], n[kAClosed], "no cases closed in the period"));
  set(case_index("legal_aid.pending_over_limit_share"),
      pr.legal_aid_case_limit_days
          ? rate(c, case_index("legal_aid.pending_over_limit_share"), n[kAPendingOverLimit], n[kAPendingEnd], "no cases pending")
          : Value::undefined("the law sets no time limit for a legal-aid case; a profile may set "
                             "legal_aid_case_limit_days"));
}

bool legal_aid_has_data(const Tally& t) {
  const auto& n = t.n;
  return n[kAAccepted] + n[kAClosed] + n[kADecided] + n[kAPendingEnd] > 0;
}

}  // namespace fazhi::internal
