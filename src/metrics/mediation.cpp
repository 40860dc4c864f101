// Mediation (人民调解): the family's catalogue rows, its tally in the record
// pass, and its values. The one-month limit (司法部令第75号 art. 33) is
// time_limits.hpp's.

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
    {"mediation.received", "调解矛盾纠纷", "宗", F::kMediation, K::kCount, true},
    {"mediation.major_group", "重大群体性纠纷", "宗", F::kMediation, K::kCount, true},
    {"mediation.success_rate", "调解成功率", "%", F::kMediation, K::kRatio, true},
    {"mediation.received_rank", "办案量排名", "位", F::kMediation, K::kRank, false},
    {"mediation.clearance_rate", "结收比", "%", F::kMediation, K::kRatio, true},
    {"mediation.disposition_time", "结案周期", "天", F::kMediation, K::kDays, true},
    {"mediation.pending_over_limit_share", "超一个月未结占比", "%", F::kMediation, K::kRatio, true},
};

// case_index is a metric's index among this family's rows (the `v` its
// values fill), found at compile time: a misspelt id does not compile.
consteval size_t case_index(std::string_view id) {
  for (size_t i = 0; i < std::size(kMetrics); ++i) {
    if (kMetrics[i].id == id) return i;
  }
  throw "no such metric id";  // not a constant expression: a compile error
}

constexpr PendingCounters kMediationPending{kMPendingEnd, kMPendingOverLimit, kMPendingOffCalendar};

FAZHI_PASS_PART inline
void tally_mediation(const MediationColumns& m, const Periods& periods, const Deadlines& deadlines, Range range,
                     const std::vector<RegionIndex>& runs,
                     const Rows& rows, MediationBlock& block) {
  const DayNumber* received = m.received.data();
  const DayNumber* closed = m.closed.data();
  const MediationOutcome* outcome = m.outcome.data();
  const Tri* major_group = m.major_group.data();
  // The mediation limit (time_limits.hpp, 司法部令第75号 art. 33).
  const PendingLimits& limits = deadlines.mediation_pending;
  for_each_run(runs, range, [&](RegionIndex index, size_t b, size_t e) FAZHI_PASS_PART {
    const uint32_t region = rows[index];
    uint32_t outside = 0;  // pending cases received outside the limits' window
    for (size_t which = 0; which < 2; ++which) {
      const Period p = periods[which];
      uint32_t n_received = 0, n_major = 0, n_closed = 0, n_success = 0;
      PendingLimits::Counts pending;
      for (size_t i = b; i < e; ++i) {
        const bool r = in(p, received[i]), c = in(p, closed[i]);
        n_received += r;
        n_major += r & (major_group[i] == Tri::kTrue);
        n_closed += c;
        n_success += c & (outcome[i] == MediationOutcome::kSuccess);
        limits.add(pending, which, open_at_end(p.to, received[i], closed[i]), received[i]);
      }
      const auto n = block.at(region, static_cast<int>(which));
      n[kMReceived] += n_received;
      n[kMMajorGroup] += n_major;
      n[kMClosed] += n_closed;
      n[kMSuccess] += n_success;
      pending.add_to(n, kMediationPending);
      outside += pending.outside;
    }
    if (outside == 0) return;
    for (size_t i = b; i < e; ++i) {
      if (limits.in_window(received[i])) continue;
      tally_pending(block, region, periods, deadlines.workdays, received[i], closed[i],
                    [&] { return deadlines.mediation.end(received[i]); },
                    kMediationPending);
    }
  });
}

FAZHI_PASS_ENTRY(run_tally, tally_mediation)

}  // namespace

std::span<const MetricInfo> mediation_metrics() { return kMetrics; }

void tally_mediation_rows(const PassInput& in, Range range, MediationBlock& block) {
  run_tally(in.ds.mediation(), in.periods, in.deadlines, range, in.runs ? *in.runs : in.ds.mediation().region, in.rows, block);
}

void mediation_values(const Tally& t, const Context& c, std::span<Value> v) {
  const auto& n = t.n;
  auto set = [&](size_t index, Value value) { v[index] = std::move(value); };
  [[maybe_unused]] const Profile& pr = *c.profile;
  set(case_index("mediation.received"), Value::count(n[kMReceived]));
  set(case_index("mediation.major_group"), Value::count(n[kMMajorGroup]));
  set(case_index("mediation.success_rate"), rate(c, case_index("mediation.success_rate"), n[kMSuccess], n[kMClosed], "no cases closed in the period"));
  set(case_index("mediation.clearance_rate"), rate(c, case_index("mediation.clearance_rate"), n[kMClosed], n[kMReceived], "no cases received in the period"));
  set(case_index("mediation.disposition_time"),
      Value::days(c.period.days() * n[kMPendingEnd], n[kMClosed], "no cases closed in the period"));
  set(case_index("mediation.pending_over_limit_share"),
      calendar_rate(c, case_index("mediation.pending_over_limit_share"), n[kMPendingOverLimit], n[kMPendingEnd], n[kMPendingOffCalendar], "no cases pending"));
}

bool mediation_has_data(const Tally& t) {
  const auto& n = t.n;
  return n[kMReceived] + n[kMClosed] + n[kMPendingEnd] > 0;
}

}  // namespace fazhi::internal
