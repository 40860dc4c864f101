// The tables a report carries (Report::breakdowns, Report::series): the
// example report's breakdowns row by row as published; the profile's top,
// order, decimals and rounding; a district has no table by region; every
// count breakdown of every region adds up to its scalar figure; and the
// all-regions tables (one grouped pass per table) equal the one-region ones
// (compute_breakdown, compute_series) for every region.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "fazhi/breakdown.hpp"
#include "fazhi/dataset.hpp"
#include "fazhi/report.hpp"
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

Profile profile_of(const std::string& json) {
  absl::StatusOr<Profile> p = Profile::from_json(json);
  EXPECT_TRUE(p.ok()) << p.status().message();
  return *p;
}

Profile baiyun_profile() {
  absl::StatusOr<Profile> p = Profile::from_file(kBaiyunDir + "/profile.json");
  EXPECT_TRUE(p.ok()) << p.status();
  return *p;
}

RegionCode code(std::string_view text) { return *RegionCode::parse(text); }

const Breakdown* find(const Report& r, std::string_view metric, std::string_view by) {
  for (const Breakdown& b : r.breakdowns) {
    if (b.metric->id == metric && b.dimension.name == by) return &b;
  }
  return nullptr;
}

const BreakdownRow* row(const Breakdown& b, std::optional<std::string> key) {
  for (const BreakdownRow& r : b.rows) {
    if (r.key == key) return &r;
  }
  return nullptr;
}

class ExampleReport : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ds_ = new Dataset(load(kBaiyunDir));
    absl::StatusOr<Report> r = compute_report(*ds_, code("440111"), year_period(2019), baiyun_profile());
    ASSERT_TRUE(r.ok()) << r.status();
    report_ = new Report(*std::move(r));
  }
  static void TearDownTestSuite() {
    delete report_;
    delete ds_;
  }
  static inline Dataset* ds_ = nullptr;
  static inline Report* report_ = nullptr;
};

TEST_F(ExampleReport, CarriesTheDefaultTablesButNoneByRegion) {
  // The default set less the four tables by region: a district has no districts.
  ASSERT_EQ(report_->breakdowns.size(), default_breakdowns().size() - 4);
  for (size_t k = 0; k < report_->breakdowns.size(); ++k) {
    EXPECT_EQ(report_->breakdowns[k].metric->id, default_breakdowns()[k].metric);
    EXPECT_EQ(report_->breakdowns[k].dimension.name, default_breakdowns()[k].by);
  }
  ASSERT_EQ(report_->series.size(), 4u);
  EXPECT_EQ(report_->series[0].metric->id, "reconsideration.received");
}

TEST_F(ExampleReport, ReconsiderationByCategoryAsPrinted) {
  const Breakdown* b = find(*report_, "reconsideration.received", "category");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->total.integer, 439);
  EXPECT_EQ(b->previous_total.integer, 568);
  ASSERT_EQ(b->rows.size(), 12u);
  const BreakdownRow& police = b->rows[0];
  EXPECT_EQ(police.key, "公安");
  EXPECT_EQ(police.value.integer, 135);
  EXPECT_EQ(police.share, Fraction(135, 439));
  EXPECT_EQ(police.previous.integer, 178);
  EXPECT_EQ(police.change, Fraction(-43, 178));
  EXPECT_EQ(police.rank, 1);
  EXPECT_EQ(breakdown_row_text(*b, police), "135 件（30.75%）");
  EXPECT_EQ(b->rows[1].key, "市场监管");
  EXPECT_EQ(b->rows[1].value.integer, 51);
  EXPECT_EQ(b->rows[1].previous.integer, 74);
  EXPECT_EQ(b->rows[1].rank, 2);
  EXPECT_EQ(b->rows[11].key, "交通运输");
  EXPECT_EQ(b->rows[11].value.integer, 9);
}

TEST_F(ExampleReport, ClosedByDispositionAndJudgedByOutcome) {
  const Breakdown* closed = find(*report_, "reconsideration.closed", "disposition");
  ASSERT_NE(closed, nullptr);
  EXPECT_EQ(closed->total.integer, 400);
  const BreakdownRow* upheld = row(*closed, "upheld");
  ASSERT_NE(upheld, nullptr);
  EXPECT_EQ(upheld->value.integer, 148);
  EXPECT_EQ(upheld->previous.integer, 200);
  EXPECT_EQ(upheld->share, Fraction(37, 100));
  EXPECT_EQ(upheld->rank, 1);
  // Two values tie: they share the better rank.
  EXPECT_EQ(row(*closed, "agreement_remedy")->rank, 14);
  EXPECT_EQ(row(*closed, "confirmed_void")->rank, 14);
  const Breakdown* judged = find(*report_, "litigation.judged_first_instance", "outcome");
  ASSERT_NE(judged, nullptr);
  EXPECT_EQ(judged->total.integer, 117);
  EXPECT_EQ(judged->rows[0].key, "judgment_win");
  EXPECT_EQ(judged->rows[0].value.integer, 110);
  EXPECT_EQ(judged->rows[0].share, Fraction(110, 117));
  EXPECT_EQ(judged->rows[0].previous.integer, 97);
  const Breakdown* aid = find(*report_, "legal_aid.accepted", "case_type");
  ASSERT_NE(aid, nullptr);
  EXPECT_EQ(row(*aid, "civil")->value.integer, 1686);
  EXPECT_EQ(row(*aid, "civil")->previous.integer, 1537);
  EXPECT_EQ(row(*aid, "criminal")->value.integer, 1121);
  const Breakdown* mediation = find(*report_, "mediation.received", "category");
  ASSERT_NE(mediation, nullptr);
  // The empty category is a row of its own (未填), never dropped.
  EXPECT_EQ(row(*mediation, std::nullopt)->value.integer, 2352);
  EXPECT_EQ(row(*mediation, std::nullopt)->label, "未填");
  EXPECT_EQ(row(*mediation, "邻里纠纷")->value.integer, 2145);
}

TEST_F(ExampleReport, CountBreakdownsAddUpToTheHeadlineFigure) {
  for (const Breakdown& b : report_->breakdowns) {
    int64_t sum = 0, previous = 0;
    for (const BreakdownRow& r : b.rows) sum += r.value.integer, previous += r.previous.integer;
    EXPECT_EQ(sum, report_->find(b.metric->id)->value.integer) << b.metric->id << " by " << b.dimension.name;
    EXPECT_EQ(previous, report_->find(b.metric->id)->previous.integer) << b.metric->id << " by " << b.dimension.name;
  }
}

TEST_F(ExampleReport, SeriesHasEveryMonthAndAddsUpToTheYear) {
  const Series& s = report_->series[0];
  ASSERT_EQ(s.points.size(), 12u);
  EXPECT_EQ(s.points[0].period, "2019-01");
  EXPECT_EQ(s.points[0].value.integer, 47);
  EXPECT_EQ(s.points[0].previous.integer, 40);
  int64_t sum = 0;
  for (const SeriesPoint& p : s.points) sum += p.value.integer;
  EXPECT_EQ(sum, 439);
}

TEST_F(ExampleReport, JsonInTheReportsShape) {
  const nlohmann::json j = nlohmann::json::parse(to_json(*report_));
  const nlohmann::json& b = j["breakdowns"][2];
  EXPECT_EQ(b["metric"], "reconsideration.received");
  EXPECT_EQ(b["by"], "category");
  EXPECT_EQ(b["label"], "按管理类别");
  EXPECT_FALSE(b.contains("region"));  // the report says its region once
  EXPECT_EQ(b["total"], nlohmann::json::parse(R"({"value": 439, "previous": 568})"));
  EXPECT_EQ(b["rows"][0], nlohmann::json::parse(R"({"key": "公安", "label": "公安", "value": 135,
      "share": {"num": 135, "den": 439, "decimal": "0.3075"}, "previous": 178,
      "yoy": {"num": -43, "den": 178, "decimal": "-0.2416"}, "rank": 1, "text": "135 件（30.75%）"})"));
  EXPECT_EQ(j["series"][0]["points"][0], nlohmann::json::parse(R"({"period": "2019-01", "value": 47, "previous": 40})"));
}

TEST_F(ExampleReport, NarrativeHasASentencePerBreakdownThatAProfileCanOmit) {
  const std::string last = report_->narrative.back();
  EXPECT_EQ(last.find("收到行政复议申请按管理类别分，公安 135 件，占 30.75%，同比下降 24.2%；市场监管 51 件，占 11.62%"),
            0u)
      << last;
  EXPECT_NE(last.find("已判决的一审案件按审理结果分，判决驳回诉讼请求 110 件，占 94.02%，同比增长 13.4%；"),
            std::string::npos);
  // A sentence whose rows are all 未填 is left out.
  EXPECT_EQ(last.find("按被申请人类型分"), std::string::npos);
  Profile p = baiyun_profile();
  p.narrative_omit.insert("reconsideration_received_by_category");
  absl::StatusOr<Report> r = compute_report(*ds_, code("440111"), year_period(2019), p);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->narrative.back().find("收到行政复议申请按管理类别分"), std::string::npos);
  EXPECT_EQ(r->narrative.back().find("办结按办结方式分"), 0u);
  // The sections before are the report's without tables, unchanged.
  Profile none = baiyun_profile();
  none.breakdowns.clear();
  absl::StatusOr<Report> plain = compute_report(*ds_, code("440111"), year_period(2019), none);
  ASSERT_TRUE(plain.ok());
  ASSERT_EQ(plain->narrative.size() + 1, report_->narrative.size());
  for (size_t k = 0; k < plain->narrative.size(); ++k) EXPECT_EQ(plain->narrative[k], report_->narrative[k]);
}

TEST_F(ExampleReport, TextTablesEndWithTheirTotal) {
  const std::string text = render_table(*report_, TableFormat::kText);
  const size_t at = text.find("收到行政复议申请 (按管理类别)");
  ASSERT_NE(at, std::string::npos) << text;
  const std::string table = text.substr(at, text.find("\n\n", at) - at);
  EXPECT_NE(table.find("公安"), std::string::npos);
  EXPECT_NE(table.find("Total"), std::string::npos);
  EXPECT_NE(table.find("439 件  100.00%"), std::string::npos) << table;
}

TEST(ReportTables, ProfileFoldsOrdersAndCuts) {
  const Dataset ds = load(kBaiyunDir);
  const Profile p = profile_of(R"({"breakdowns": [{"metric": "reconsideration.received", "by": "category",
      "top": 3, "decimals": 1, "rounding": "truncate", "order": ["市场监管"]}], "series": []})");
  absl::StatusOr<Report> r = compute_report(ds, code("440111"), year_period(2019), p);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->breakdowns.size(), 1u);
  EXPECT_TRUE(r->series.empty());
  const Breakdown& b = r->breakdowns[0];
  ASSERT_EQ(b.rows.size(), 4u);
  EXPECT_EQ(b.rows[0].key, "市场监管");  // the profile's order first
  EXPECT_EQ(breakdown_row_text(b, b.rows[0]), "51 件（11.6%）");  // 11.617...% cut, not rounded up
  EXPECT_EQ(b.rows[1].key, "公安");
  EXPECT_EQ(b.rows[3].key, "*other");
  EXPECT_EQ(b.rows[3].value.integer, 439 - 51 - 135 - 48);
}

// Scale is generated data (or the folder FAZHI_TABLES_DATA names, e.g. the
// 1M scale folder), every region's report computed at once.
class Scale : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string dir;
    if (const char* given = std::getenv("FAZHI_TABLES_DATA"); given != nullptr && *given != '\0') {
      dir = given;
    } else {
      dir_ = fs::temp_directory_path() / ("fazhi-report-tables-test-" + std::to_string(::getpid()));
      fs::remove_all(dir_);
      bench::ScaleOptions o;
      o.records = 30'000;
      o.out = dir_.string();
      o.seed = 20261207;
      ASSERT_TRUE(bench::generate_scale(o).ok());
      dir = dir_.string();
    }
    ds_ = new Dataset(load(dir));
  }
  static void TearDownTestSuite() {
    delete ds_;
    if (!dir_.empty()) fs::remove_all(dir_);
  }
  static inline fs::path dir_;
  static inline Dataset* ds_ = nullptr;
};

TEST_F(Scale, EveryCountBreakdownOfEveryRegionAddsUpToItsFigure) {
  absl::StatusOr<std::vector<Report>> all = compute_all_reports(*ds_, year_period(2019));
  ASSERT_TRUE(all.ok()) << all.status();
  size_t checked = 0;
  for (const Report& r : *all) {
    const bool district = r.region.level() == RegionLevel::kDistrict;
    EXPECT_EQ(r.breakdowns.size(), default_breakdowns().size() - (district ? 4 : 0)) << r.region.str();
    for (const Breakdown& b : r.breakdowns) {
      const MetricFigure& m = *r.find(b.metric->id);
      ASSERT_EQ(b.total.integer, m.value.integer) << r.region.str() << " " << b.metric->id;
      int64_t sum = 0, previous = 0;
      for (const BreakdownRow& row : b.rows) sum += row.value.integer, previous += row.previous.integer;
      EXPECT_EQ(sum, m.value.integer) << r.region.str() << " " << b.metric->id << " by " << b.dimension.name;
      if (m.has_previous) {
        EXPECT_EQ(previous, m.previous.integer) << r.region.str() << " " << b.metric->id << " by " << b.dimension.name;
      }
      ++checked;
    }
    for (const Series& s : r.series) {
      int64_t sum = 0;
      for (const SeriesPoint& p : s.points) sum += p.value.integer;
      EXPECT_EQ(sum, r.find(s.metric->id)->value.integer) << r.region.str() << " " << s.metric->id;
    }
  }
  EXPECT_GT(checked, all->size() * 9);
}

TEST_F(Scale, AllRegionsTablesEqualOneRegionsTables) {
  // Every series one pass splits by date, by month and quarter; a rate; a
  // text dimension with many values; folding.
  std::string series;
  for (const char* m : {"reconsideration.received", "reconsideration.accepted", "reconsideration.closed",
                        "litigation.received", "legal_aid.accepted", "legal_aid.closed", "mediation.received",
                        "mediation.success_rate", "reconsideration.pending_end"}) {
    for (const char* by : {"month", "quarter"}) {
      series += std::string(series.empty() ? "" : ", ") + R"({"metric": ")" + m + R"(", "by": ")" + by + R"("})";
    }
  }
  const Profile p = profile_of(R"({"breakdowns": [
      {"metric": "reconsideration.received", "by": "respondent"},
      {"metric": "reconsideration.correction_rate", "by": "category"},
      {"metric": "litigation.win_rate", "by": "region"},
      {"metric": "mediation.received", "by": "category", "top": 3},
      {"metric": "legal_aid.accepted", "by": "quarter"},
      {"metric": "reconsideration.closed", "by": "disposition"},
      {"metric": "mediation.received", "by": "region"}], "series": [)" + series + "]}");
  absl::StatusOr<std::string> all = all_reports_json(*ds_, year_period(2019), p, Calendar::national(), 2);
  ASSERT_TRUE(all.ok()) << all.status();
  const nlohmann::json reports = nlohmann::json::parse(*all);
  size_t k = 0;
  for (const nlohmann::json& r : reports) {
    // Every 3rd province, 8th city and 60th district (each a whole report).
    const RegionCode c = code(r["region"].get<std::string>());
    const size_t every = c.level() == RegionLevel::kDistrict ? 60 : c.level() == RegionLevel::kCity ? 8 : 3;
    if (k++ % every != 0) continue;
    absl::StatusOr<Report> one = compute_report(*ds_, c, year_period(2019), p);
    ASSERT_TRUE(one.ok()) << one.status();
    const nlohmann::json j = nlohmann::json::parse(to_json(*one));
    EXPECT_EQ(r["breakdowns"], j["breakdowns"]) << c.str();
    EXPECT_EQ(r["series"], j["series"]) << c.str();
  }
}

}  // namespace
}  // namespace fazhi
