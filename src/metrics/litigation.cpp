// Litigation (行政应诉): the family's catalogue rows, its tally in the record
// pass, and its values. What an outcome counts as (a judgment, a loss) is
// records.cpp's; the defence and first-instance limits (行政诉讼法 arts. 67,
// 81) are time_limits.hpp's.

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
    {"litigation.received", "办理行政应诉案件", "件", F::kLitigation, K::kCount, true},
    {"litigation.received_first_instance", "其中一审", "件", F::kLitigation, K::kCount, true},
    {"litigation.judged_first_instance", "已判决的一审案件", "件", F::kLitigation, K::kCount, true},
    {"litigation.win_rate", "胜诉率", "%", F::kLitigation, K::kRatio, true},
    {"litigation.loss_rate", "败诉率", "%", F::kLitigation, K::kRatio, true},
    {"litigation.withdrawn_after_correction", "被告改变行为后撤诉", "件", F::kLitigation, K::kCount, true},
    {"litigation.head_appearance_rate", "行政机关负责人出庭应诉率", "%", F::kLitigation, K::kRatio, true},
    {"litigation.head_appearance_rate.first", "负责人出庭应诉率（一审）", "%", F::kLitigation, K::kRatio, true},
    {"litigation.head_appearance_rate.second", "负责人出庭应诉率（二审）", "%", F::kLitigation, K::kRatio, true},
    {"litigation.head_appearance_rate.retrial", "负责人出庭应诉率（再审）", "%", F::kLitigation, K::kRatio, true},
    {"litigation.lawyer_only", "仅委托律师出庭", "件", F::kLitigation, K::kCount, true},
    {"litigation.defence_on_time_rate", "按期答辩率", "%", F::kLitigation, K::kRatio, true},
    {"litigation.clearance_rate", "一审结收比", "%", F::kLitigation, K::kRatio, true},
    {"litigation.disposition_time", "一审结案周期", "天", F::kLitigation, K::kDays, true},
    {"litigation.pending_over_limit_share", "一审超审限未结占比", "%", F::kLitigation, K::kRatio, true},
};

// case_index is a metric's index among this family's rows (the `v` its
// values fill), found at compile time: a misspelt id does not compile.
consteval size_t case_index(std::string_view id) {
  for (size_t i = 0; i < std::size(kMetrics); ++i) {
    if (kMetrics[i].id == id) return i;
  }
  throw "no such metric id";  // not a constant expression: a compile error
}

constexpr PendingCounters kFirstInstancePending{kLPendingEndFirst, kLPendingOverLimitFirst,
                                                kLPendingOffCalendarFirst};

// OutcomeCounts is what a closed first-instance lawsuit adds by its outcome:
// records.cpp's rules (is_judgment, is_agency_loss) looked up once per
// outcome, as ClosedFlags does for reconsideration.
struct OutcomeCounts {
  bool judgment, win, agency_loss;
};
constexpr size_t kLitigationOutcomes = static_cast<size_t>(LitigationOutcome::kOther) + 1;

std::array<OutcomeCounts, kLitigationOutcomes> outcome_counts() {
  std::array<OutcomeCounts, kLitigationOutcomes> out{};
  for (size_t k = 0; k < kLitigationOutcomes; ++k) {
    const auto o = static_cast<LitigationOutcome>(k);
    out[k] = {is_judgment(o), o == LitigationOutcome::kJudgmentWin, is_agency_loss(o)};
  }
  return out;
}

FAZHI_PASS_PART inline
void tally_litigation(const LitigationColumns& l, const Periods& periods, const Deadlines& deadlines, Range range,
                      const std::vector<RegionIndex>& runs,
                      const Rows& rows, LitigationBlock& block) {
  const DayNumber* filed = l.filed.data();
  const DayNumber* defence = l.defence.data();
  const DayNumber* closed = l.closed.data();
  const Instance* instance = l.instance.data();
  const LitigationOutcome* outcome = l.outcome.data();
  const Tri* hearing_held = l.hearing_held.data();
  const Tri* head_appeared = l.head_appeared.data();
  const Tri* lawyer_only = l.lawyer_only.data();
  const std::array<OutcomeCounts, kLitigationOutcomes> by_outcome = outcome_counts();
  // The first-instance limit (time_limits.hpp, 行政诉讼法 art. 81).
  const PendingLimits& limits = deadlines.first_instance_pending;
  for_each_run(runs, range, [&](RegionIndex index, size_t b, size_t e) FAZHI_PASS_PART {
    const uint32_t region = rows[index];
    // The counts, a period at a time over the run, in loops without branches
    // that the compiler vectorizes (three loops: one would hold more sums
    // than there are vector registers).
    uint32_t outside = 0;  // first-instance cases pending, filed outside the limits' window
    for (size_t which = 0; which < 2; ++which) {
      const Period p = periods[which];
      const auto n = block.at(region, static_cast<int>(which));
      uint32_t n_received = 0, n_received_first = 0, n_defence_known = 0;
      PendingLimits::Counts pending;
      for (size_t i = b; i < e; ++i) {
        const bool f = in(p, filed[i]), first = instance[i] == Instance::kFirst;
        n_received += f;
        n_received_first += f & first;
        n_defence_known += f & has(defence[i]);
        limits.add(pending, which, first & open_at_end(p.to, filed[i], closed[i]), filed[i]);
      }
      n[kLReceived] += n_received;
      n[kLReceivedFirst] += n_received_first;
      n[kLDefenceKnown] += n_defence_known;
      pending.add_to(n, kFirstInstancePending);
      outside += pending.outside;
      // The 2020 SPC provisions, art. 1 and 7: appearance is counted per
      // level, over the cases of that level that held a hearing.
      uint32_t n_closed = 0, n_withdrawn_after_correction = 0, n_lawyer_only = 0, n_hearing = 0, n_head = 0;
      std::array<uint32_t, 3> n_hearing_at{}, n_head_at{};  // first, second, retrial
      for (size_t i = b; i < e; ++i) {
        const bool c = in(p, closed[i]);
        n_closed += c;
        n_withdrawn_after_correction += c & (outcome[i] == LitigationOutcome::kWithdrawnAfterCorrection);
        n_lawyer_only += c & (lawyer_only[i] == Tri::kTrue);
        const bool hearing = c & (hearing_held[i] == Tri::kTrue);
        const bool head = hearing & (head_appeared[i] == Tri::kTrue);
        n_hearing += hearing;
        n_head += head;
        const bool at_first = instance[i] == Instance::kFirst, at_second = instance[i] == Instance::kSecond,
                   at_retrial = instance[i] == Instance::kRetrial;
        n_hearing_at[0] += hearing & at_first;
        n_head_at[0] += head & at_first;
        n_hearing_at[1] += hearing & at_second;
        n_head_at[1] += head & at_second;
        n_hearing_at[2] += hearing & at_retrial;
        n_head_at[2] += head & at_retrial;
      }
      n[kLClosedAll] += n_closed;
      n[kLWithdrawnAfterCorrection] += n_withdrawn_after_correction;
      n[kLLawyerOnly] += n_lawyer_only;
      n[kLHearing] += n_hearing;
      n[kLHead] += n_head;
      n[kLHearingFirst] += n_hearing_at[0];
      n[kLHeadFirst] += n_head_at[0];
      n[kLHearingSecond] += n_hearing_at[1];
      n[kLHeadSecond] += n_head_at[1];
      n[kLHearingRetrial] += n_hearing_at[2];
      n[kLHeadRetrial] += n_head_at[2];
      // The first-instance cases closed, by outcome; what an outcome counts
      // as (a judgment, a win, a loss) is added from the sums by outcome.
      std::array<uint32_t, kLitigationOutcomes> n_first_by_outcome{};
      for (size_t i = b; i < e; ++i) {
        const bool closed_first = in(p, closed[i]) & (instance[i] == Instance::kFirst);
        for (size_t k = 0; k < kLitigationOutcomes; ++k) {
          n_first_by_outcome[k] += closed_first & (outcome[i] == static_cast<LitigationOutcome>(k));
        }
      }
      for (size_t k = 0; k < kLitigationOutcomes; ++k) {
        const uint32_t count = n_first_by_outcome[k];
        n[kLClosedFirst] += count;
        n[kLJudgedFirst] += by_outcome[k].judgment * count;
        n[kLWinFirst] += by_outcome[k].win * count;
        n[kLLossFirst] += by_outcome[k].agency_loss * count;
      }
    }
    for (size_t i = b; i < e; ++i) {
      // The defence limit (time_limits.hpp, 行政诉讼法 art. 67). Counted
      // without a branch (defence dates are recorded or not at random): a
      // case filed in neither period is looked up on a day of the periods
      // and counted in the discard slot.
      const int slot = slot_of(periods, filed[i]);
      const DayNumber due = deadlines.defence.end(slot != kDiscard ? filed[i] : periods[0].from);
      Timeliness timeliness;
      timeliness.add(has(defence[i]), defence[i], due);
      timeliness.settle(deadlines.workdays, i, i + 1, [&](size_t) {
        return Timeliness::JudgedRow{has(defence[i]), filed[i], defence[i], due};
      });
      const auto n = block.at(region, slot);
      n[kLDefenceOffCalendar] += timeliness.off_calendar;
      n[kLDefenceOnTime] += timeliness.on_time;
    }
    if (outside == 0) return;
    for (size_t i = b; i < e; ++i) {
      if (instance[i] != Instance::kFirst || limits.in_window(filed[i])) continue;
      tally_pending(block, region, periods, deadlines.workdays, filed[i], closed[i],
                    [&] { return deadlines.first_instance.end(filed[i]); },
                    kFirstInstancePending);
    }
  });
}

FAZHI_PASS_ENTRY(run_tally, tally_litigation)

}  // namespace

std::span<const MetricInfo> litigation_metrics() { return kMetrics; }

void tally_litigation_rows(const PassInput& in, Range range, LitigationBlock& block) {
  run_tally(in.ds.litigation(), in.periods, in.deadlines, range, in.runs ? *in.runs : in.ds.litigation().region, in.rows, block);
}

void litigation_values(const Tally& t, const Context& c, std::span<Value> v) {
  const auto& n = t.n;
  auto set = [&](size_t index, Value value) { v[index] = std::move(value); };
  [[maybe_unused]] const Profile& pr = *c.profile;
  set(case_index("litigation.received"), Value::count(n[kLReceived]));
  set(case_index("litigation.received_first_instance"), Value::count(n[kLReceivedFirst]));
  set(case_index("litigation.judged_first_instance"), Value::count(n[kLJudgedFirst]));
  set(case_index("litigation.win_rate"), rate(c, case_index("litigation.win_rate"), n[kLWinFirst], n[kLJudgedFirst], "no first-instance judgments in the period"));
  set(case_index("litigation.loss_rate"), rate(c, case_index("litigation.loss_rate"), n[kLLossFirst], n[kLClosedFirst], "no first-instance cases closed in the period"));
  set(case_index("litigation.withdrawn_after_correction"), Value::count(n[kLWithdrawnAfterCorrection]));
  set(case_index("litigation.head_appearance_rate"), rate(c, case_index("litigation.head_appearance_rate"), n[kLHead], n[kLHearing], "no hearings in the period"));
  set(case_index("litigation.head_appearance_rate.first"), rate(c, case_index("litigation.head_appearance_rate.first"), n[kLHeadFirst], n[kLHearingFirst], "no first-instance hearings"));
  set(case_index("litigation.head_appearance_rate.second"), rate(c, case_index("litigation.head_appearance_rate.second"), n[kLHeadSecond], n[kLHearingSecond], "no second-instance hearings"));
  set(case_index("litigation.head_appearance_rate.retrial"), rate(c, case_index("litigation.head_appearance_rate.retrial"), n[kLHeadRetrial], n[kLHearingRetrial], "no retrial hearings"));
  set(case_index("litigation.lawyer_only"), Value::count(n[kLLawyerOnly]));
  set(case_index("litigation.defence_on_time_rate"),
      calendar_rate(c, case_index("litigation.defence_on_time_rate"), n[kLDefenceOnTime], n[kLDefenceKnown], n[kLDefenceOffCalendar],
                     "no cases filed in the period record a defence date"));
  set(case_index("litigation.clearance_rate"),
      rate(c, case_index("litigation.clearance_rate"), n[kLClosedFirst], n[kLReceivedFirst], "no first-instance cases filed in the period"));
  set(case_index("litigation.disposition_time"),
      Value::days(c.period.days() * n[kLPendingEndFirst], n[kLClosedFirst], "no first-instance cases closed in the period"));
  set(case_index("litigation.pending_over_limit_share"),
      calendar_rate(c, case_index("litigation.pending_over_limit_share"), n[kLPendingOverLimitFirst], n[kLPendingEndFirst], n[kLPendingOffCalendarFirst],
                     "no first-instance cases pending"));
}

bool litigation_has_data(const Tally& t) {
  const auto& n = t.n;
  return n[kLReceived] + n[kLClosedAll] + n[kLPendingEndFirst] > 0;
}

}  // namespace fazhi::internal
