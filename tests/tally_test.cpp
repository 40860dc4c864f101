// Portable tallies (fazhi/tally.hpp): the report from a tally is the report
// from the records; tallies of random partitions of generated data, merged
// in any order and grouping, give byte for byte the JSON of the pooled
// records; a file read back is the same tally; altered, truncated,
// other-version, duplicated, overlapping and mixed-period tallies are refused.
#include "fazhi/tally.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

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

TEST(Tally, ReportFromTallyIsTheReportFromTheRecords) {
  const Dataset ds = load(kBaiyunDir);
  const Profile profile = baiyun_profile();
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
  // The tables travel too: Baiyun's intake by category, as the records give it.
  absl::StatusOr<Report> baiyun = compute_report(*t, code("440111"), profile);
  ASSERT_TRUE(baiyun.ok());
  const Breakdown* by_category = nullptr;
  for (const Breakdown& b : baiyun->breakdowns) {
    if (b.metric->id == "reconsideration.received" && b.dimension.name == "category") by_category = &b;
  }
  ASSERT_NE(by_category, nullptr);
  ASSERT_FALSE(by_category->rows.empty());
  EXPECT_EQ(by_category->rows[0].label, "公安");
  EXPECT_EQ(by_category->rows[0].value.integer, 135);
  EXPECT_EQ(by_category->total.integer, 439);
  EXPECT_FALSE(baiyun->series.empty());
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
  EXPECT_EQ(to_json(*compute_report(*back, code("440111"), Profile{})),
            to_json(*compute_report(ds, code("440111"), march, Profile{})));
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
  const size_t v = other.find("\"format_version\": 2", other.find("\"format\""));
  ASSERT_NE(v, std::string::npos);
  other.replace(v, 19, "\"format_version\": 1");
  absl::StatusOr<Tally> older = Tally::parse(other);
  ASSERT_FALSE(older.ok());
  EXPECT_NE(older.status().message().find("format version is 1; this fazhi reads version 2"), std::string::npos)
      << older.status();
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

// one_table is a profile whose only table is intake by category.
Profile one_table() {
  Profile p;
  TableSpec spec;
  spec.metric = "reconsideration.received";
  spec.by = "category";
  p.breakdowns = {spec};
  p.series.clear();
  return p;
}

TEST(Tally, CarriesTheTablesOfTheProfileItWasMadeWith) {
  const Dataset ds = load(kBaiyunDir);
  absl::StatusOr<Tally> t = Tally::compute(ds, year_period(2019), one_table());
  ASSERT_TRUE(t.ok()) << t.status();
  // Reported with the default tables, it has the one it counted, equal to
  // the records' own, and leaves out the others.
  absl::StatusOr<Report> from_tally = compute_report(*t, code("440111"), Profile{});
  absl::StatusOr<Report> from_records = compute_report(ds, code("440111"), year_period(2019), one_table());
  ASSERT_TRUE(from_tally.ok() && from_records.ok());
  ASSERT_EQ(from_tally->breakdowns.size(), 1u);
  EXPECT_TRUE(from_tally->series.empty());
  ASSERT_EQ(from_records->breakdowns.size(), 1u);
  EXPECT_EQ(from_tally->breakdowns[0].rows.size(), from_records->breakdowns[0].rows.size());
  EXPECT_EQ(from_tally->breakdowns[0].rows[0].value.integer, 135);
  EXPECT_EQ(to_json(*compute_report(*t, code("440111"), one_table())), to_json(*from_records));
  // The tally's JSON lists the categories it counts, not the agencies.
  const std::string text = t->to_json_text();
  EXPECT_NE(text.find("\"dimension\": \"category\""), std::string::npos);
  EXPECT_EQ(text.find("\"dimension\": \"respondent\""), std::string::npos);
}

TEST(Tally, TalliesMadeWithDifferentTablesDoNotMerge) {
  const Dataset ds = load(kBaiyunDir);
  absl::StatusOr<Tally> a = Tally::compute(ds, year_period(2019), one_table(), Calendar::national(), code("440111"));
  absl::StatusOr<Tally> b = Tally::compute(ds, year_period(2019), {}, Calendar::national(), code("440112"));
  ASSERT_TRUE(a.ok() && b.ok());
  absl::StatusOr<Tally> merged = Tally::merge(std::vector<Tally>{*a, *b});
  ASSERT_FALSE(merged.ok());
  EXPECT_NE(merged.status().message().find("carry different tables"), std::string::npos) << merged.status();
}

// PartitionedScale is generated data (or the folder FAZHI_TALLY_DATA names,
// e.g. the 10M scale folder: bench/README.md), pooled and split into parts
// by district at random, each part loaded on its own.
class PartitionedScale : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // One folder per process: ctest runs each test in a process of its own, in parallel.
    dir_ = fs::temp_directory_path() / ("fazhi-tally-test-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    if (const char* given = std::getenv("FAZHI_TALLY_DATA"); given != nullptr && *given != '\0') {
      pooled_ = given;
      return;
    }
    bench::ScaleOptions o;
    o.records = 20'000;
    o.out = (dir_ / "pooled").string();
    o.seed = 20261207;
    ASSERT_TRUE(bench::generate_scale(o).ok());
    pooled_ = o.out;
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }
  // scale: the data is a given folder, which is checked with one split of the year only.
  static bool scale() { return pooled_ != (dir_ / "pooled").string(); }

  // parts splits the pooled data into `n` parts, a district to a part at random.
  static std::vector<std::string> split(size_t n, uint64_t seed) {
    std::vector<std::string> parts;
    for (size_t k = 0; k < n; ++k) parts.push_back((dir_ / ("part-" + std::to_string(seed) + "-" + std::to_string(k))).string());
    std::mt19937_64 rng(seed);
    absl::flat_hash_map<uint32_t, size_t> part_of;
    const absl::Status s = bench::split_by_region(pooled_, parts, [&](RegionCode c) {
      auto [it, added] = part_of.try_emplace(c.value(), 0);
      if (added) it->second = std::uniform_int_distribution<size_t>(0, n - 1)(rng);
      return it->second;
    });
    EXPECT_TRUE(s.ok()) << s;
    return parts;
  }
  static inline fs::path dir_;
  static inline std::string pooled_;
};

TEST_F(PartitionedScale, MergedTalliesReportTheBytesOfThePooledRecords) {
  const Dataset pooled = load(pooled_);
  for (const bool whole_year : {true, false}) {
    if (scale() && !whole_year) break;
    const Period period = whole_year ? year_period(2019)
                                     : Period{to_day_number(Date(2019, 4, 1)), to_day_number(Date(2019, 6, 30))};
    absl::StatusOr<std::vector<Report>> expected = compute_all_reports(pooled, period, Profile{});
    ASSERT_TRUE(expected.ok()) << expected.status();
    const std::string expected_json = to_json(*expected);
    ASSERT_NE(expected_json.find("\"breakdowns\":[{"), std::string::npos) << "the reports carry their tables";
    ASSERT_NE(expected_json.find("\"series\":[{"), std::string::npos);
    for (const uint64_t seed : {1u, 2u, 3u}) {
      if ((scale() || !whole_year) && seed > 1) break;  // one split of a quarter (of the scale data) is enough
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
      absl::StatusOr<std::vector<Report>> merged = compute_all_reports(*flat, Profile{});
      ASSERT_TRUE(merged.ok()) << merged.status();
      EXPECT_EQ(to_json(*merged), expected_json) << "seed " << seed << (whole_year ? "" : ", a quarter");
    }
  }
}

// A tally's content is encoded in pieces, on several threads, and joined
// (tally_file.cpp): the file must be the very bytes nlohmann-json writes for
// the whole envelope at once, else its digest would not be the canonical
// content's. Thousands of districts: many pieces of rows.
TEST_F(PartitionedScale, TheFileIsTheCanonicalCborOfItsContent) {
  const Dataset pooled = load(pooled_);
  absl::StatusOr<Tally> t = Tally::compute(pooled, year_period(2019));
  ASSERT_TRUE(t.ok()) << t.status();
  ASSERT_GT(t->districts().size(), 1000u);
  const std::string bytes = t->serialize();
  const nlohmann::json envelope = nlohmann::json::from_cbor(bytes);
  std::string canonical;
  nlohmann::json::to_cbor(envelope, canonical);
  EXPECT_TRUE(canonical == bytes) << "the joined pieces differ from the whole's encoding";
  EXPECT_EQ(envelope.at("sha256"), t->digest());
}

TEST_F(PartitionedScale, DistrictTalliesMergeIntoTheirCityAndProvince) {
  if (scale()) GTEST_SKIP() << "a load per district: generated data only";
  const Dataset pooled = load(pooled_);
  const RegionCode district = *std::min_element(pooled.regions().begin(), pooled.regions().end());
  std::vector<Tally> districts;
  for (const RegionCode c : pooled.regions()) {
    if (c.city() != district.city()) continue;
    // One load per district, as each bureau holds its own records.
    const std::vector<std::string> parts = {(dir_ / "rest").string(), (dir_ / ("d" + c.str())).string()};
    ASSERT_TRUE(bench::split_by_region(pooled_, parts, [&](RegionCode r) { return r == c ? 1 : 0; }).ok());
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
  // And its tables: every row of every breakdown (by district too), every month.
  ASSERT_EQ(from_tally->breakdowns.size(), pooled_city->breakdowns.size());
  for (size_t k = 0; k < from_tally->breakdowns.size(); ++k) {
    const Breakdown &a = from_tally->breakdowns[k], &b = pooled_city->breakdowns[k];
    EXPECT_EQ(a.dimension.name, b.dimension.name);
    ASSERT_EQ(a.rows.size(), b.rows.size()) << a.metric->id << " by " << a.dimension.name;
    for (size_t r = 0; r < a.rows.size(); ++r) {
      EXPECT_EQ(a.rows[r].key, b.rows[r].key);
      EXPECT_EQ(a.rows[r].value.integer, b.rows[r].value.integer) << a.metric->id << " " << a.rows[r].label;
      EXPECT_EQ(a.rows[r].previous.integer, b.rows[r].previous.integer);
    }
  }
  ASSERT_EQ(from_tally->series.size(), pooled_city->series.size());
  ASSERT_FALSE(from_tally->series.empty());
  for (size_t k = 0; k < from_tally->series.size(); ++k) {
    ASSERT_EQ(from_tally->series[k].points.size(), pooled_city->series[k].points.size());
    for (size_t m = 0; m < from_tally->series[k].points.size(); ++m) {
      EXPECT_EQ(from_tally->series[k].points[m].value.integer, pooled_city->series[k].points[m].value.integer);
    }
  }
}

}  // namespace
}  // namespace fazhi
