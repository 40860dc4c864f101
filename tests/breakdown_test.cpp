// Breakdowns, series and cross-tables (fazhi/breakdown.hpp) on the example
// data: every breakdown's total is the report's figure and its rows add up
// to it; golden rows of the example, written as counted from its records.
#include "fazhi/breakdown.hpp"

#include <gtest/gtest.h>

#include <string>

#include "breakdown_checks.hpp"
#include "fazhi/dataset.hpp"
#include "fazhi/profile.hpp"

namespace fazhi {
namespace {

const std::string kExample = std::string(FAZHI_SOURCE_DIR) + "/data/examples/baiyun-2019";

struct Example {
  Dataset ds;
  Profile profile;
  RegionCode region = *RegionCode::parse("440111");
  Period year = year_period(2019);
  Example() {
    EXPECT_TRUE(ds.load_dir(kExample).ok());
    ds.seal();
    absl::StatusOr<Profile> p = Profile::from_file(kExample + "/profile.json");
    EXPECT_TRUE(p.ok()) << p.status();
    if (p.ok()) profile = *p;
  }
};

const Example& example() {
  static const Example* const kExampleData = new Example;
  return *kExampleData;
}

TEST(Breakdown, EveryBreakdownOfTheExampleAddsUpToItsFigure) {
  const Example& e = example();
  EXPECT_GT(testing::check_every_breakdown(e.ds, e.region, e.year, e.profile), 100);
}

}  // namespace
}  // namespace fazhi
