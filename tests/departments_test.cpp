// Department tables and assessment (考核): a department's figures are the
// report's over its cases and add up to the region's; its case lists are as
// long as its figures; names written differently are one agency; the example
// scheme scores exactly with every deduction traced; a malformed scheme is a
// clear error naming the key.
#include <gtest/gtest.h>

#include <string>

#include "fazhi/cases.hpp"
#include "fazhi/dataset.hpp"
#include "fazhi/departments.hpp"
#include "fazhi/metrics.hpp"

namespace fazhi {
namespace {

const RegionCode kBaiyun = *RegionCode::parse("440111");

struct Example {
  Dataset ds;
  Profile profile;
  explicit Example(const std::string& profile_file = "data/examples/assessment-county.json") {
    EXPECT_TRUE(ds.load_dir(std::string(FAZHI_SOURCE_DIR) + "/data/examples/baiyun-2019").ok());
    ds.seal();
    absl::StatusOr<Profile> p = Profile::from_file(std::string(FAZHI_SOURCE_DIR) + "/" + profile_file);
    EXPECT_TRUE(p.ok()) << p.status();
    if (p.ok()) profile = *p;
  }
};

const Department* find(const DepartmentTable& t, std::string_view name) {
  for (const Department& d : t.departments) {
    if (d.name == name) return &d;
  }
  return nullptr;
}

TEST(Departments, FiguresAddUpToTheRegionsAndListsToTheFigures) {
  Example e;
  const Period p = year_period(2019);
  absl::StatusOr<DepartmentTable> t = compute_departments(e.ds, kBaiyun, p, e.profile);
  ASSERT_TRUE(t.ok()) << t.status();
  absl::StatusOr<Figures> fig = compute_figures(e.ds, p, e.profile);
  ASSERT_TRUE(fig.ok());
  const RegionFigures* rf = fig->find(kBaiyun);
  ASSERT_NE(rf, nullptr);
  const auto ids = department_metrics();
  for (size_t k = 0; k < ids.size(); ++k) {
    if (ids[k].starts_with("departments.")) continue;
    const Value& region = rf->current[*metric_index(ids[k])];
    int64_t num = 0, den = 0;
    for (const Department& d : t->departments) {
      const DepartmentFigure& f = d.figures[k];
      ASSERT_EQ(f.id, ids[k]);
      if (f.value.kind == ValueKind::kCount) {
        num += f.value.integer;
        EXPECT_EQ(static_cast<int64_t>(f.rows.size()), f.value.integer) << f.id << " " << d.name;
      } else {
        const int64_t parts_num = f.value.defined() ? f.value.num : 0, parts_den = f.value.defined() ? f.value.den : 0;
        if (f.value.defined()) {
          EXPECT_EQ(static_cast<int64_t>(f.rows.size()), parts_num) << f.id << " " << d.name;
          EXPECT_EQ(static_cast<int64_t>(f.denominator_rows.size()), parts_den) << f.id << " " << d.name;
        }
        num += static_cast<int64_t>(f.rows.size());
        den += static_cast<int64_t>(f.denominator_rows.size());
      }
    }
    if (region.kind == ValueKind::kCount) {
      EXPECT_EQ(num, region.integer) << ids[k];
    } else if (region.kind == ValueKind::kRatio) {
      EXPECT_EQ(num, region.num) << ids[k];
      EXPECT_EQ(den, region.den) << ids[k];
    }
  }
}

TEST(Departments, NamesWrittenWithSpacesOrFullWidthBracketsAreOneAgency) {
  EXPECT_EQ(normalise_agency(" 区 市场监督管理局（知识产权局）\u3000"), "区市场监督管理局(知识产权局)");
  EXPECT_EQ(normalise_agency("区市场监督管理局(知识产权局)"), "区市场监督管理局(知识产权局)");
  EXPECT_EQ(normalise_agency("ＡＢＣ局"), "ABC局");
}

TEST(Departments, AProfileAliasJoinsTwoNames) {
  Dataset ds;
  const std::string csv =
      "case_id,region,filed_date,instance,defendant,closed_date,outcome\n"
      "A1,440111,2019-03-01,first,白云区市场监管局,2019-06-01,judgment_loss\n"
      "A2,440111,2019-03-02,first,广州市白云区市场监督管理局,2019-06-02,judgment_win\n"
      "A3,440111,2019-03-03,first,广州市白云区市场监督管理局 ,,\n";
  ASSERT_TRUE(ds.load_buffer(RecordKind::kLitigation, csv, "litigation.csv").ok());
  ASSERT_TRUE(ds.load_buffer(RecordKind::kReconsideration,
                             "case_id,region,received_date\nR1,440111,2019-01-05\n", "reconsideration.csv")
                  .ok());
  absl::StatusOr<Profile> p =
      Profile::from_json(R"({"departments": {"aliases": {"白云区市场监管局": "广州市白云区市场监督管理局"}}})");
  ASSERT_TRUE(p.ok()) << p.status();
  absl::StatusOr<DepartmentTable> t = compute_departments(ds, kBaiyun, year_period(2019), *p);
  ASSERT_TRUE(t.ok()) << t.status();
  const Department* d = find(*t, "广州市白云区市场监督管理局");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->figures[3].id, "litigation.received");
  EXPECT_EQ(d->figures[3].value.integer, 3);
  EXPECT_EQ(d->rank, 1);
  EXPECT_NE(find(*t, ""), nullptr);  // the reconsideration case names no respondent
  EXPECT_EQ(find(*t, "")->rank, 0);
}

TEST(Assessment, TheExampleSchemeDeductsPerCaseAndByThresholdWithinEachWeight) {
  Example e;
  absl::StatusOr<DepartmentTable> t = compute_departments(e.ds, kBaiyun, year_period(2019), e.profile);
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_EQ(t->full_score, 1000);
  const Department* d = find(*t, "广州市白云区松洲街道办事处");
  ASSERT_NE(d, nullptr);
  ASSERT_TRUE(d->score.has_value());
  EXPECT_EQ(*d->score, 700);  // 10 - 2 (two late defences) - 1 (three corrections at 0.5, capped at 1)
  ASSERT_EQ(d->deductions.size(), 2u);
  EXPECT_EQ(d->deductions[0].rule, "未按期答辩或未答辩，每件扣 1 分");
  EXPECT_EQ(d->deductions[0].points, 200);
  EXPECT_EQ(d->deductions[0].cases, (std::vector<std::string>{"（2019）粤71行终976号", "（2019）粤71行终1108号"}));
  EXPECT_EQ(d->deductions[1].points, 100);
  EXPECT_EQ(d->deductions[1].uncapped, 150);
  EXPECT_EQ(d->deductions[1].cases.size(), 3u);
  const Department* threshold = find(*t, "广州市白云区三元里街道办事处");
  ASSERT_NE(threshold, nullptr);
  ASSERT_EQ(threshold->deductions.size(), 1u);
  EXPECT_EQ(threshold->deductions[0].metric, "litigation.head_appearance_rate");
  EXPECT_EQ(threshold->deductions[0].points, 200);
  EXPECT_EQ(format_points(*threshold->score), "8");
  EXPECT_EQ(format_points(950), "9.5");
  EXPECT_EQ(format_points(925), "9.25");
  // Ranked by score, best first.
  for (size_t i = 1; i < t->departments.size(); ++i) {
    if (t->departments[i].name.empty()) continue;
    EXPECT_GE(*t->departments[i - 1].score, *t->departments[i].score);
  }
}

TEST(Assessment, AMalformedSchemeIsAnErrorNamingTheKey) {
  auto error = [](const std::string& indicator) {
    absl::StatusOr<Profile> p = Profile::from_json(
        R"({"departments": {"assessment": {"name": "x", "indicators": [)" + indicator + "]}}}");
    return p.ok() ? std::string("ok") : std::string(p.status().message());
  };
  EXPECT_NE(error(R"({"name": "a", "metric": "litigation.no_such", "part": "count", "per_case": 1, "weight": 1})")
                .find("names no metric 'litigation.no_such'"),
            std::string::npos);
  EXPECT_NE(error(R"({"name": "a", "metric": "litigation.lawyer_only", "per_case": 1})").find("needs a \"weight\""),
            std::string::npos);
  EXPECT_NE(error(R"({"name": "a", "metric": "litigation.lawyer_only", "per_case": "0.125", "weight": 1})")
                .find("at most 2 decimals"),
            std::string::npos);
  EXPECT_NE(error(R"({"name": "a", "metric": "litigation.loss_rate", "per_case": 1, "weight": 1})").find("\"part\""),
            std::string::npos);
  EXPECT_NE(error(R"({"name": "a", "follow_up": "legal_aid_reviews_late", "per_case": 1, "weight": 1})")
                .find("not made of a department's cases"),
            std::string::npos);
  EXPECT_NE(error(R"({"name": "a", "metric": "litigation.loss_rate", "above": "5%", "weight": 1})").find("\"points\""),
            std::string::npos);
  EXPECT_EQ(error(R"({"name": "a", "metric": "litigation.loss_rate", "above": "5%", "points": 1, "weight": 1})"), "ok");
}

TEST(Departments, ADepartmentsCaseListHasItsFiguresRecords) {
  Example e;
  absl::StatusOr<DepartmentTable> t = compute_departments(e.ds, kBaiyun, year_period(2019), e.profile);
  ASSERT_TRUE(t.ok());
  absl::StatusOr<CaseList> l = department_case_list(e.ds, *t, "广州市白云区松洲街道办事处",
                                                    "departments.late_or_missing_defences", CasePart::kCount, e.profile);
  ASSERT_TRUE(l.ok()) << l.status();
  ASSERT_EQ(l->cases.size(), 2u);
  EXPECT_NE(l->cases[0].reason.find("答辩期限"), std::string::npos) << l->cases[0].reason;
}

}  // namespace
}  // namespace fazhi
