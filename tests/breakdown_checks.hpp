// breakdown_checks.hpp -- the invariants every breakdown keeps, checked on
// every metric and dimension of one region (breakdown_test.cpp on the
// example, breakdown_scale_test.cpp on generated data).
#ifndef FAZHI_TESTS_BREAKDOWN_CHECKS_HPP_
#define FAZHI_TESTS_BREAKDOWN_CHECKS_HPP_

#include <gtest/gtest.h>

#include <string>

#include "absl/strings/str_cat.h"
#include "fazhi/breakdown.hpp"
#include "fazhi/text.hpp"
#include "fazhi/metrics.hpp"

namespace fazhi::testing {

// same says whether two values are the same figure: kind and exact value
// (a rate's num/den as computed, not reduced), or both undefined.
inline bool same(const Value& a, const Value& b) {
  if (a.defined() != b.defined()) return false;
  if (!a.defined()) return true;
  return a.kind == b.kind && a.integer == b.integer && a.num == b.num && a.den == b.den;
}

// check_every_breakdown breaks down every metric that can be, by every
// dimension of its family, for `region` in `period`, and checks: the total is
// the scalar figure of compute_figures for both periods; the rows of an
// additive count add up to it exactly, in both periods; shares add up to 1;
// ranks follow the order. Returns how many breakdowns it checked.
inline int check_every_breakdown(const Dataset& ds, RegionCode region, Period period, const Profile& profile) {
  const absl::StatusOr<Figures> fig = compute_figures(ds, period, profile);
  EXPECT_TRUE(fig.ok()) << fig.status();
  if (!fig.ok()) return 0;
  const RegionFigures* rf = fig->find(region);
  EXPECT_NE(rf, nullptr) << region.str();
  if (rf == nullptr) return 0;
  int checked = 0;
  const std::span<const MetricInfo> cat = metric_catalogue();
  for (size_t m = 0; m < cat.size(); ++m) {
    if (!can_break_down(cat[m].id)) continue;
    for (const BreakdownDimension& d : breakdown_dimensions()) {
      if (d.family != cat[m].family) continue;
      const std::string what = absl::StrCat(absl_view(cat[m].id), " by ", absl_view(d.name), " in ", region.str());
      const absl::StatusOr<Breakdown> b = compute_breakdown(ds, region, period, cat[m].id, d.name, profile);
      EXPECT_TRUE(b.ok()) << what << ": " << b.status();
      if (!b.ok()) continue;
      ++checked;
      EXPECT_TRUE(same(b->total, rf->current[m])) << what;
      if (rf->previous_has_data[m]) {
        EXPECT_TRUE(same(b->previous_total, rf->previous[m])) << what;
      }
      if (!b->additive) continue;
      int64_t sum = 0, previous_sum = 0;
      BigInt share_num = 0;
      bool all_defined = true;
      for (const BreakdownRow& row : b->rows) {
        all_defined &= row.value.defined() && row.previous.defined();
        if (!row.value.defined() || !row.previous.defined()) continue;
        sum += row.value.integer;
        previous_sum += row.previous.integer;
        if (row.share.defined()) share_num += row.share.num() * (b->total.integer / row.share.den());
      }
      if (!all_defined || !b->total.defined()) continue;  // a count undefined off the calendar
      EXPECT_EQ(sum, b->total.integer) << what;
      if (b->previous_total.defined() && rf->previous_has_data[m]) {
        EXPECT_EQ(previous_sum, b->previous_total.integer) << what;
      }
      if (b->total.integer > 0) {
        EXPECT_EQ(share_num, BigInt(b->total.integer)) << what;
      }
      for (size_t k = 1; k < b->rows.size(); ++k) {
        EXPECT_GE(b->rows[k].rank, b->rows[k - 1].rank) << what;
        EXPECT_LE(b->rows[k].value.integer, b->rows[k - 1].value.integer) << what;
      }
    }
  }
  return checked;
}

}  // namespace fazhi::testing

#endif  // FAZHI_TESTS_BREAKDOWN_CHECKS_HPP_
