// Portable tallies (fazhi/tally.hpp): the report from a tally is the report
// from the records; tallies of random partitions of generated data, merged
// in any order and grouping, give byte for byte the JSON of the pooled
// records; a file read back is the same tally; altered, truncated,
// other-version, duplicated, overlapping and mixed-period tallies are refused.
#include "fazhi/tally.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <unistd.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "fazhi/dataset.hpp"
#include "fazhi/report.hpp"
#include "partition.hpp"
#include "scale_generator.hpp"

namespace fazhi {
namespace {

namespace fs = std::filesystem;

const std::string kBaiyunDir = std::string(FAZHI_SOURCE_DIR) + "/data/examples/baiyun-2019";

Dataset load(const std::string& dir) {
  Dataset ds;
  absl::StatusOr<LoadSummary> s = ds.load_dir(dir);
  EXPECT_TRUE(s.ok()) << s.status();
  ds.seal();
  return ds;
}

Profile baiyun_profile() {
  absl::StatusOr<Profile> p = Profile::from_file(kBaiyunDir + "/profile.json");
  EXPECT_TRUE(p.ok()) << p.status();
  return *p;
}

RegionCode code(std::string_view text) { return *RegionCode::parse(text); }

// without_tables is a profile whose reports carry no breakdowns or series:
// a tally's reports have none yet (report_tables.hpp, no_tables), so the
// byte-for-byte comparisons leave them out on both sides.
Profile without_tables(Profile p = {}) {
  p.breakdowns.clear();
  p.series.clear();
  return p;
}

TEST(Tally, ReportFromTallyIsTheReportFromTheRecords) {
  const Dataset ds = load(kBaiyunDir);
  const Profile profile = without_tables(baiyun_profile());
  absl::StatusOr<Tally> t = Tally::compute(ds, year_period(2019), profile);
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_EQ(t->region_text(), "440100");  // the example holds Guangzhou's districts
  for (const char* region : {"440111", "440100", "440000"}) {
    absl::StatusOr<Report> from_records = compute_report(ds, code(region), year_period(2019), profile);
    absl::StatusOr<Report> from_tally = compute_report(*t, code(region), profile);
    ASSERT_TRUE(from_records.ok() && from_tally.ok()) << from_tally.status();
    EXPECT_EQ(to_json(*from_tally), to_json(*from_records)) << region;
    EXPECT_EQ(render_report(*from_tally, TableFormat::kText), render_report(*from_records, TableFormat::kText));
  }
  // 全国 is the sum of every district: here one city's, so its figures are the city's.
  absl::StatusOr<Report> national = compute_report(*t, RegionCode(), profile);
  ASSERT_TRUE(national.ok()) << national.status();
  EXPECT_EQ(national->region_name, "全国");
  EXPECT_EQ(national->find("legal_aid.accepted")->value.integer,
            compute_report(*t, code("440100"), profile)->find("legal_aid.accepted")->value.integer);
  EXPECT_EQ(compute_report(*t, code("110101"), profile).status().code(), absl::StatusCode::kNotFound);
}

TEST(Tally, AMonthsReportFromTallyCarriesItsSequentialComparison) {
  const Dataset ds = load(kBaiyunDir);
  const Period march{to_day_number(Date(2019, 3, 1)), to_day_number(Date(2019, 5, 31))};
  absl::StatusOr<Tally> t = Tally::compute(ds, march);
  ASSERT_TRUE(t.ok()) << t.status();
  absl::StatusOr<Tally> back = Tally::parse(t->serialize());
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(to_json(*compute_report(*back, code("440111"), without_tables())),
            to_json(*compute_report(ds, code("440111"), march, without_tables())));
}

TEST(Tally, ProfileThatCountsOtherwiseIsRefused) {
  const Dataset ds = load(kBaiyunDir);
  absl::StatusOr<Tally> t = Tally::compute(ds, year_period(2019), baiyun_profile());
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(compute_report(*t, code("440111"), Profile{}).status().code(), absl::StatusCode::kFailedPrecondition);
}

TEST(Tally, SerializedTallyReadsBackToTheSameBytes) {
  const Dataset ds = load(kBaiyunDir);
  absl::StatusOr<Tally> t = Tally::compute(ds, year_period(2019), baiyun_profile());
  ASSERT_TRUE(t.ok());
  const std::string bytes = t->serialize();
  absl::StatusOr<Tally> back = Tally::parse(bytes);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(back->serialize(), bytes);
  EXPECT_EQ(back->digest(), t->digest());
  EXPECT_EQ(back->digest().size(), 64u);
  absl::StatusOr<Tally> from_text = Tally::parse(t->to_json_text());
  ASSERT_TRUE(from_text.ok()) << from_text.status();
  EXPECT_EQ(from_text->serialize(), bytes);
}

TEST(Tally, AlteredTruncatedAndOtherVersionTalliesAreRefused) {
  const Dataset ds = load(kBaiyunDir);
  absl::StatusOr<Tally> t = Tally::compute(ds, year_period(2019));
  ASSERT_TRUE(t.ok());
  // Altered: one count changed in the JSON text, the digest left as it was.
  std::string text = t->to_json_text();
  const size_t at = text.find("\"rows_read\": ");
  ASSERT_NE(at, std::string::npos);
  text.insert(at + 13, "1");
  absl::StatusOr<Tally> altered = Tally::parse(text);
  ASSERT_FALSE(altered.ok());
  EXPECT_NE(altered.status().message().find("SHA-256"), std::string::npos) << altered.status();
  // Truncated.
  const std::string bytes = t->serialize();
  absl::StatusOr<Tally> truncated = Tally::parse(std::string_view(bytes).substr(0, bytes.size() - 7));
  ASSERT_FALSE(truncated.ok());
  EXPECT_NE(truncated.status().message().find("truncated"), std::string::npos) << truncated.status();
  // Another format version.
  std::string other = t->to_json_text();
  const size_t v = other.find("\"format_version\": 1", other.find("\"format\""));
  ASSERT_NE(v, std::string::npos);
  other.replace(v, 19, "\"format_version\": 2");
  absl::StatusOr<Tally> newer = Tally::parse(other);
  ASSERT_FALSE(newer.ok());
  EXPECT_NE(newer.status().message().find("format version is 2"), std::string::npos) << newer.status();
  EXPECT_FALSE(Tally::parse("region,name\n").ok());
}

TEST(Tally, DuplicatedOverlappingAndMixedPeriodTalliesDoNotMerge) {
  const Dataset ds = load(kBaiyunDir);
  absl::StatusOr<Tally> a = Tally::compute(ds, year_period(2019), {}, Calendar::national(), code("440111"));
  absl::StatusOr<Tally> city = Tally::compute(ds, year_period(2019), {}, Calendar::national(), code("440100"));
  absl::StatusOr<Tally> other_year = Tally::compute(ds, year_period(2018), {}, Calendar::national(), code("440112"));
  ASSERT_TRUE(a.ok() && city.ok() && other_year.ok());
  absl::StatusOr<Tally> twice = Tally::merge(std::vector<Tally>{*a, *a});
  ASSERT_FALSE(twice.ok());
  EXPECT_NE(twice.status().message().find("given twice"), std::string::npos) << twice.status();
  absl::StatusOr<Tally> overlap = Tally::merge(std::vector<Tally>{*a, *city});
  ASSERT_FALSE(overlap.ok());
  EXPECT_NE(overlap.status().message().find("district 440111 is counted in two tallies"), std::string::npos)
      << overlap.status();
  absl::StatusOr<Tally> mixed = Tally::merge(std::vector<Tally>{*a, *other_year});
  ASSERT_FALSE(mixed.ok());
  EXPECT_NE(mixed.status().message().find("different periods"), std::string::npos) << mixed.status();
}

// PartitionedScale is generated data, pooled and split into parts by
// district at random, each part loaded on its own.
class PartitionedScale : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // One folder per process: ctest runs each test in a process of its own, in parallel.
    dir_ = fs::temp_directory_path() / ("fazhi-tally-test-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    bench::ScaleOptions o;
    o.records = 20'000;
    o.out = (dir_ / "pooled").string();
    o.seed = 20261207;
    ASSERT_TRUE(bench::generate_scale(o).ok());
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }

  // parts splits the pooled data into `n` parts, a district to a part at random.
  static std::vector<std::string> split(size_t n, uint64_t seed) {
    std::vector<std::string> parts;
    for (size_t k = 0; k < n; ++k) parts.push_back((dir_ / ("part-" + std::to_string(seed) + "-" + std::to_string(k))).string());
    std::mt19937_64 rng(seed);
    absl::flat_hash_map<uint32_t, size_t> part_of;
    const absl::Status s = bench::split_by_region((dir_ / "pooled").string(), parts, [&](RegionCode c) {
      auto [it, added] = part_of.try_emplace(c.value(), 0);
      if (added) it->second = std::uniform_int_distribution<size_t>(0, n - 1)(rng);
      return it->second;
    });
    EXPECT_TRUE(s.ok()) << s;
    return parts;
  }
  static inline fs::path dir_;
};

TEST_F(PartitionedScale, MergedTalliesReportTheBytesOfThePooledRecords) {
  const Dataset pooled = load((dir_ / "pooled").string());
  for (const bool whole_year : {true, false}) {
    const Period period = whole_year ? year_period(2019)
                                     : Period{to_day_number(Date(2019, 4, 1)), to_day_number(Date(2019, 6, 30))};
    absl::StatusOr<std::vector<Report>> expected = compute_all_reports(pooled, period, without_tables());
    ASSERT_TRUE(expected.ok()) << expected.status();
    const std::string expected_json = to_json(*expected);
    for (const uint64_t seed : {1u, 2u, 3u}) {
      if (!whole_year && seed > 1) break;  // one split of a quarter is enough
      std::mt19937_64 rng(seed * 7919);
      const size_t n = 2 + seed;
      std::vector<Tally> tallies;
      for (const std::string& part : split(n, seed)) {
        absl::StatusOr<Tally> t = Tally::compute(load(part), period);
        ASSERT_TRUE(t.ok()) << t.status();
        // Each part's tally travels as bytes.
        absl::StatusOr<Tally> read = Tally::parse(t->serialize());
        ASSERT_TRUE(read.ok()) << read.status();
        tallies.push_back(*read);
      }
      // Merged flat, in a random order ...
      std::shuffle(tallies.begin(), tallies.end(), rng);
      absl::StatusOr<Tally> flat = Tally::merge(tallies);
      ASSERT_TRUE(flat.ok()) << flat.status();
      // ... and in a random grouping: the first two, then the rest with them.
      absl::StatusOr<Tally> pair = Tally::merge(std::vector<Tally>{tallies[1], tallies[0]});
      ASSERT_TRUE(pair.ok()) << pair.status();
      std::vector<Tally> rest = {*pair};
      rest.insert(rest.end(), tallies.begin() + 2, tallies.end());
      absl::StatusOr<Tally> grouped = Tally::merge(rest);
      ASSERT_TRUE(grouped.ok()) << grouped.status();
      EXPECT_EQ(grouped->serialize(), flat->serialize()) << "merging is associative and commutative";
      EXPECT_EQ(flat->region_text(), "000000");
      absl::StatusOr<std::vector<Report>> merged = compute_all_reports(*flat, without_tables());
      ASSERT_TRUE(merged.ok()) << merged.status();
      EXPECT_EQ(to_json(*merged), expected_json) << "seed " << seed << (whole_year ? "" : ", a quarter");
    }
  }
}

TEST_F(PartitionedScale, DistrictTalliesMergeIntoTheirCityAndProvince) {
  const Dataset pooled = load((dir_ / "pooled").string());
  const RegionCode district = *std::min_element(pooled.regions().begin(), pooled.regions().end());
  std::vector<Tally> districts;
  for (const RegionCode c : pooled.regions()) {
    if (c.city() != district.city()) continue;
    // One load per district, as each bureau holds its own records.
    const std::vector<std::string> parts = {(dir_ / "rest").string(), (dir_ / ("d" + c.str())).string()};
    ASSERT_TRUE(bench::split_by_region((dir_ / "pooled").string(), parts, [&](RegionCode r) { return r == c ? 1 : 0; }).ok());
    absl::StatusOr<Tally> t = Tally::compute(load(parts[1]), year_period(2019));
    ASSERT_TRUE(t.ok()) << t.status();
    EXPECT_EQ(t->region(), c);
    districts.push_back(*t);
  }
  ASSERT_GT(districts.size(), 1u);
  absl::StatusOr<Tally> city = Tally::merge(districts);
  ASSERT_TRUE(city.ok()) << city.status();
  EXPECT_EQ(city->region(), district.city());
  // The city's own figures are the pooled city's (its rank is among the
  // cities the tally holds: itself alone, so the rank is compared apart).
  absl::StatusOr<Report> from_tally = compute_report(*city, district.city());
  absl::StatusOr<Report> pooled_city = compute_report(pooled, district.city(), year_period(2019));
  ASSERT_TRUE(from_tally.ok() && pooled_city.ok());
  for (size_t m = 0; m < from_tally->metrics.size(); ++m) {
    const MetricFigure& a = from_tally->metrics[m];
    if (a.info->kind == ValueKind::kRank) continue;
    EXPECT_EQ(a.text, pooled_city->metrics[m].text) << a.info->id;
    EXPECT_EQ(a.value.num, pooled_city->metrics[m].value.num) << a.info->id;
    EXPECT_EQ(a.value.integer, pooled_city->metrics[m].value.integer) << a.info->id;
  }
}

}  // namespace
}  // namespace fazhi
