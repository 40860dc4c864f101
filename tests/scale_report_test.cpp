// The all-regions pass against a plain per-region count, on a generated
// dataset: random cases over ~3,100 districts, their cities and provinces
// (the scale generator of bench/, with a seed of its own here). For sampled
// districts and roll-ups, figures are counted again straight from the
// records, one region at a time, by the definitions of docs/metrics.md, and must
// equal what the one pass over every region reports.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "fazhi/dataset.hpp"
#include "fazhi/date.hpp"
#include "fazhi/report.hpp"
#include "scale_generator.hpp"

namespace fazhi {
namespace {

// inside says whether district d is region r or lies in it (city XXYY00,
// province XX0000).
bool inside(RegionCode d, RegionCode r) {
  const uint32_t code = r.value();
  if (code % 10000 == 0) return d.value() / 10000 == code / 10000;
  if (code % 100 == 0) return d.value() / 100 == code / 100;
  return d == r;
}

struct Counted {
  int64_t recon_received = 0, recon_pending_end = 0, litigation_received = 0,
          aid_accepted = 0, aid_recovered_fen = 0, mediation_received = 0,
          mediation_closed = 0, mediation_success = 0;
};

// count_region counts region r's figures for period p by scanning every record.
Counted count_region(const Dataset& ds, RegionCode r, Period p) {
  std::vector<bool> in(ds.regions().size());
  for (size_t k = 0; k < in.size(); ++k) in[k] = inside(ds.regions()[k], r);
  Counted c;
  const ReconsiderationColumns& rc = ds.reconsideration();
  for (size_t i = 0; i < rc.size(); ++i) {
    if (!in[rc.region[i]]) continue;
    c.recon_received += p.contains(rc.received[i]);
    // Pending at the end: received by then and not closed by then.
    c.recon_pending_end += rc.received[i] <= p.to && (rc.closed[i] == kNoDay || rc.closed[i] > p.to);
  }
  const LitigationColumns& lc = ds.litigation();
  for (size_t i = 0; i < lc.size(); ++i) {
    if (in[lc.region[i]]) c.litigation_received += p.contains(lc.filed[i]);
  }
  const LegalAidColumns& ac = ds.legal_aid();
  for (size_t i = 0; i < ac.size(); ++i) {
    if (!in[ac.region[i]]) continue;
    c.aid_accepted += p.contains(ac.accepted[i]);
    if (p.contains(ac.closed[i])) c.aid_recovered_fen += std::max<int64_t>(0, ac.recovered_fen[i]);
  }
  const MediationColumns& mc = ds.mediation();
  for (size_t i = 0; i < mc.size(); ++i) {
    if (!in[mc.region[i]]) continue;
    c.mediation_received += p.contains(mc.received[i]);
    if (!p.contains(mc.closed[i])) continue;
    ++c.mediation_closed;
    c.mediation_success += mc.outcome[i] == MediationOutcome::kSuccess;
  }
  return c;
}

int64_t integer(const Report& r, const char* id) {
  const MetricFigure* f = r.find(id);
  EXPECT_NE(f, nullptr) << id;
  return f == nullptr ? -1 : f->value.integer;
}

TEST(AllRegions, AgreesWithAPlainCountPerRegionOnAGeneratedDataset) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "fazhi-scale-report-test";
  fs::remove_all(dir);
  bench::ScaleOptions o;
  o.records = 30'000;
  o.out = dir.string();
  o.seed = 20191231;
  ASSERT_TRUE(bench::generate_scale(o).ok());
  Dataset ds;
  absl::StatusOr<LoadSummary> s = ds.load_dir(dir.string());
  ASSERT_TRUE(s.ok()) << s.status();
  ASSERT_EQ(s->rows_rejected(), 0);
  ds.seal();

  // A year, and a period across the year boundary.
  for (const Period period :
       {year_period(2019), Period{to_day_number(Date(2018, 10, 1)), to_day_number(Date(2019, 3, 31))}}) {
    absl::StatusOr<std::vector<Report>> all = compute_all_reports(ds, period);
    ASSERT_TRUE(all.ok()) << all.status();
    ASSERT_GT(all->size(), 3000u);
    size_t compared = 0, rollups = 0;
    int64_t received = 0;
    for (size_t i = 0; i < all->size(); ++i) {
      const Report& r = (*all)[i];
      const bool rollup = r.region.value() % 100 == 0;
      if (i % (rollup ? 3 : 29) != 0) continue;
      const Counted c = count_region(ds, r.region, period);
      SCOPED_TRACE(r.region.str());
      EXPECT_EQ(integer(r, "reconsideration.received"), c.recon_received);
      EXPECT_EQ(integer(r, "reconsideration.pending_end"), c.recon_pending_end);
      EXPECT_EQ(integer(r, "litigation.received"), c.litigation_received);
      EXPECT_EQ(integer(r, "legal_aid.accepted"), c.aid_accepted);
      EXPECT_EQ(integer(r, "legal_aid.recovered_amount"), c.aid_recovered_fen);
      EXPECT_EQ(integer(r, "mediation.received"), c.mediation_received);
      const MetricFigure* success = r.find("mediation.success_rate");
      ASSERT_NE(success, nullptr);
      if (c.mediation_closed == 0) {
        EXPECT_EQ(success->value.kind, ValueKind::kUndefined);
      } else {
        EXPECT_EQ(success->value.num, c.mediation_success);
        EXPECT_EQ(success->value.den, c.mediation_closed);
      }
      received += c.mediation_received;
      ++compared;
      rollups += rollup;
    }
    EXPECT_GT(compared, 200u);
    EXPECT_GT(rollups, 100u);
    EXPECT_GT(received, 1000);  // the sample holds real cases, not empty regions
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace fazhi
