// Breakdowns on generated data (the scale generator of bench/): for a
// province, a city and a district, every breakdown of every metric adds up
// to the figure the one pass over every region reports.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "breakdown_checks.hpp"
#include "fazhi/dataset.hpp"
#include "scale_generator.hpp"

namespace fazhi {
namespace {

TEST(BreakdownScale, EveryBreakdownAddsUpToItsFigure) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "fazhi-breakdown-scale-test";
  fs::remove_all(dir);
  bench::ScaleOptions o;
  o.records = 20'000;
  o.out = dir.string();
  o.seed = 20240601;
  ASSERT_TRUE(bench::generate_scale(o).ok());
  Dataset ds;
  absl::StatusOr<LoadSummary> s = ds.load_dir(dir.string());
  ASSERT_TRUE(s.ok()) << s.status();
  ds.seal();
  const RegionCode district = *std::min_element(ds.regions().begin(), ds.regions().end());
  int checked = 0;
  for (const RegionCode region : {district.province(), district.city(), district}) {
    checked += testing::check_every_breakdown(ds, region, year_period(2019), Profile{});
  }
  EXPECT_GT(checked, 300);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace fazhi
