// Case lists: every list has exactly as many records as its figure counts
// (a count, a rate's numerator and denominator), on the example data and on
// generated scale data for a province, a city and a district; the reasons
// cite the days the figure judged; the follow-up lists are the sets they say.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "fazhi/cases.hpp"
#include "fazhi/dataset.hpp"
#include "fazhi/metrics.hpp"
#include "scale_generator.hpp"

namespace fazhi {
namespace {

#ifndef FAZHI_SOURCE_DIR
#error "FAZHI_SOURCE_DIR must be defined by the build"
#endif

// check_every_list checks each metric's lists against the one pass's figure
// for `region`; returns how many lists it checked.
int check_every_list(const Dataset& ds, RegionCode region, Period period, const Profile& profile) {
  const absl::StatusOr<Figures> fig = compute_figures(ds, period, profile);
  EXPECT_TRUE(fig.ok()) << fig.status();
  if (!fig.ok()) return 0;
  const RegionFigures* rf = fig->find(region);
  EXPECT_NE(rf, nullptr) << region.str();
  if (!rf) return 0;
  int checked = 0;
  const auto catalogue = metric_catalogue();
  for (size_t m = 0; m < catalogue.size(); ++m) {
    const MetricInfo& info = catalogue[m];
    if (!has_case_list(info.id)) continue;
    const Value& v = rf->current[m];
    if (!v.defined()) continue;  // an undefined rate has no count to match
    auto size = [&](CasePart part) -> int64_t {
      absl::StatusOr<CaseList> l = compute_case_list(ds, region, period, info.id, part, profile);
      EXPECT_TRUE(l.ok()) << info.id << ": " << l.status();
      if (!l.ok()) return -1;
      std::set<size_t> rows;
      int64_t counted = 0;
      for (const CaseEntry& c : l->cases) {
        rows.insert(c.row);
        counted += c.times;
        EXPECT_TRUE(c.times == 1 || (info.id == "reconsideration.conclusion_rate" && c.times == 2))
            << info.id << " " << c.case_id << " counted " << c.times << " times";
        EXPECT_FALSE(c.reason.empty()) << info.id << " " << c.case_id;
        EXPECT_FALSE(c.case_id.empty()) << info.id;
      }
      EXPECT_EQ(rows.size(), l->cases.size()) << info.id << ": a record listed twice";
      return counted;
    };
    if (info.kind == ValueKind::kCount) {
      EXPECT_EQ(size(CasePart::kCount), v.integer) << info.id << " in " << region.str();
      ++checked;
    } else {
      EXPECT_EQ(size(CasePart::kNumerator), v.num) << info.id << " numerator in " << region.str();
      EXPECT_EQ(size(CasePart::kDenominator), v.den) << info.id << " denominator in " << region.str();
      checked += 2;
    }
  }
  return checked;
}

struct Example {
  Dataset ds;
  Profile profile;
  Example() {
    const std::string dir = std::string(FAZHI_SOURCE_DIR) + "/data/examples/baiyun-2019";
    EXPECT_TRUE(ds.load_dir(dir).ok());
    ds.seal();
    absl::StatusOr<Profile> p = Profile::from_file(dir + "/profile.json");
    EXPECT_TRUE(p.ok()) << p.status();
    if (p.ok()) profile = *p;
  }
};

const RegionCode kBaiyun = *RegionCode::parse("440111");

TEST(CaseList, EveryListOfTheExampleHasAsManyRecordsAsItsFigure) {
  Example e;
  EXPECT_GT(check_every_list(e.ds, kBaiyun, year_period(2019), e.profile), 40);
}

TEST(CaseList, EveryListOfScaleDataHasAsManyRecordsAsItsFigure) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "fazhi-cases-scale-test";
  fs::remove_all(dir);
  bench::ScaleOptions o;
  o.records = 20'000;
  o.out = dir.string();
  o.seed = 20240602;
  ASSERT_TRUE(bench::generate_scale(o).ok());
  Dataset ds;
  absl::StatusOr<LoadSummary> s = ds.load_dir(dir.string());
  ASSERT_TRUE(s.ok()) << s.status();
  ds.seal();
  const RegionCode district = *std::min_element(ds.regions().begin(), ds.regions().end());
  int checked = 0;
  for (const RegionCode region : {district.province(), district.city(), district}) {
    checked += check_every_list(ds, region, year_period(2019), Profile{});
  }
  EXPECT_GT(checked, 150);
  fs::remove_all(dir);
}

TEST(CaseList, OverdueCasesNameTheirLastDayAndTheDaysLate) {
  Example e;
  absl::StatusOr<CaseList> l =
      compute_case_list(e.ds, kBaiyun, year_period(2019), "reconsideration.overdue", CasePart::kCount, e.profile);
  ASSERT_TRUE(l.ok()) << l.status();
  ASSERT_EQ(l->cases.size(), 17u);  // the figure the README quotes: 超期办结 17 件
  EXPECT_EQ(l->cases[0].case_id, "云府行复〔2019〕28号");
  EXPECT_EQ(l->cases[0].reason, "2019-01-21 受理，审理期限 2019-03-22 届满，2019-04-04 办结，逾期 13 日");
}

// A load that does not keep ids (LoadOptions::keep_ids, as the report
// command loads) has the same figures and the same lists, only unnamed;
// sealing the dataset in the load too (as the command line does), it holds
// no ID column at all.
class WithoutKeptIds : public ::testing::TestWithParam<bool> {};

TEST_P(WithoutKeptIds, TheListsAreTheSameButUnnamed) {
  const bool seal_in_load = GetParam();
  Example named;
  Dataset ds;
  LoadOptions options;
  options.keep_ids = false;
  options.seal = seal_in_load;
  ASSERT_TRUE(ds.load_dir(std::string(FAZHI_SOURCE_DIR) + "/data/examples/baiyun-2019", options).ok());
  if (!seal_in_load) ds.seal();
  EXPECT_EQ(ds.reconsideration().case_id.size(), seal_in_load ? 0 : ds.reconsideration().size());
  EXPECT_EQ(ds.registry().entity_id.size(), seal_in_load ? 0 : ds.registry().size());
  EXPECT_GT(ds.reconsideration().size(), 400u);
  const absl::StatusOr<Figures> a = compute_figures(ds, year_period(2019), named.profile);
  const absl::StatusOr<Figures> b = compute_figures(named.ds, year_period(2019), named.profile);
  ASSERT_TRUE(a.ok() && b.ok());
  const std::vector<Value>& va = a->find(kBaiyun)->current;
  const std::vector<Value>& vb = b->find(kBaiyun)->current;
  ASSERT_EQ(va.size(), vb.size());
  for (size_t m = 0; m < va.size(); ++m) {
    EXPECT_EQ(va[m].kind, vb[m].kind) << metric_catalogue()[m].id;
    EXPECT_EQ(va[m].integer, vb[m].integer) << metric_catalogue()[m].id;
    EXPECT_EQ(va[m].num, vb[m].num) << metric_catalogue()[m].id;
    EXPECT_EQ(va[m].den, vb[m].den) << metric_catalogue()[m].id;
  }
  absl::StatusOr<CaseList> with = compute_case_list(named.ds, kBaiyun, year_period(2019), "reconsideration.overdue",
                                                    CasePart::kCount, named.profile);
  absl::StatusOr<CaseList> without =
      compute_case_list(ds, kBaiyun, year_period(2019), "reconsideration.overdue", CasePart::kCount, named.profile);
  ASSERT_TRUE(with.ok() && without.ok());
  ASSERT_EQ(without->cases.size(), 17u);
  for (size_t i = 0; i < with->cases.size(); ++i) {
    EXPECT_EQ(without->cases[i].case_id, "");
    EXPECT_EQ(without->cases[i].reason, with->cases[i].reason);
  }
  // A case's cells (a department's record sheet) name no id either, and
  // read every other column.
  const auto cells = case_columns(ds, RecordKind::kReconsideration, 0);
  ASSERT_FALSE(cells.empty());
  EXPECT_EQ(cells[0].first, "case_id");
  EXPECT_EQ(cells[0].second, "");
  EXPECT_EQ(cells.size(), case_columns(named.ds, RecordKind::kReconsideration, 0).size());
}

INSTANTIATE_TEST_SUITE_P(CaseList, WithoutKeptIds, ::testing::Values(false, true),
                         [](const ::testing::TestParamInfo<bool>& p) {
                           return p.param ? std::string("SealedByTheLoad") : std::string("SealedAfter");
                         });

TEST(CaseList, LateDefenceCountsTheDaysAfterTheRolledOverLastDay) {
  Example e;
  absl::StatusOr<CaseList> l = compute_follow_up(e.ds, kBaiyun, year_period(2019), "late_defences", e.profile);
  ASSERT_TRUE(l.ok()) << l.status();
  bool seen = false;
  for (const CaseEntry& c : l->cases) {
    // Filed 2019-09-19: 15 days end on 2019-10-04, in the National Day
    // holiday, so the last day rolls over to 2019-10-08 (行政诉讼法 art. 67).
    if (c.case_id == "（2019）粤7101行初1408号") {
      seen = true;
      EXPECT_EQ(c.reason, "2019-09-19 收案（一审），答辩期限 2019-10-08 届满，2019-10-15 提交答辩，逾期 7 日");
    }
  }
  EXPECT_TRUE(seen);
}

TEST(CaseList, FollowUpIsTheDenominatorLessTheNumerator) {
  Example e;
  const Period p = year_period(2019);
  absl::StatusOr<CaseList> all = compute_case_list(e.ds, kBaiyun, p, "litigation.head_appearance_rate",
                                                   CasePart::kDenominator, e.profile);
  absl::StatusOr<CaseList> heads = compute_case_list(e.ds, kBaiyun, p, "litigation.head_appearance_rate",
                                                     CasePart::kNumerator, e.profile);
  absl::StatusOr<CaseList> without = compute_follow_up(e.ds, kBaiyun, p, "hearings_without_head", e.profile);
  ASSERT_TRUE(all.ok() && heads.ok() && without.ok());
  EXPECT_EQ(without->cases.size(), all->cases.size() - heads->cases.size());
  for (const CaseEntry& c : without->cases) EXPECT_NE(c.reason.find("负责人出庭：否"), std::string::npos) << c.reason;
  EXPECT_EQ(without->follow_up, "hearings_without_head");
}

TEST(CaseList, EveryFollowUpRunsOnTheExample) {
  Example e;
  for (const FollowUp& f : follow_ups()) {
    absl::StatusOr<CaseList> l = compute_follow_up(e.ds, kBaiyun, year_period(2019), f.name, e.profile);
    EXPECT_TRUE(l.ok()) << f.name << ": " << l.status();
  }
}

TEST(CaseList, ARateNeedsItsPartAndACountHasNoDenominator) {
  Example e;
  const Period p = year_period(2019);
  EXPECT_EQ(compute_case_list(e.ds, kBaiyun, p, "litigation.win_rate", CasePart::kCount).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(compute_case_list(e.ds, kBaiyun, p, "litigation.received", CasePart::kDenominator).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(compute_case_list(e.ds, kBaiyun, p, "no.such", CasePart::kCount).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(compute_case_list(e.ds, kBaiyun, p, "registry.lawyer", CasePart::kCount).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(compute_case_list(e.ds, *RegionCode::parse("110101"), p, "litigation.received", CasePart::kCount)
                .status()
                .code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(compute_follow_up(e.ds, kBaiyun, p, "no_such_list").status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(CaseList, ConclusionRateCountsACaseAcceptedAfterTheStartTwice) {
  // 结案率 = closed / (pending at the start + accepted in the period): a case
  // received in 2018 and accepted in 2019 is in both tallies.
  Example e;
  absl::StatusOr<CaseList> l = compute_case_list(e.ds, kBaiyun, year_period(2019), "reconsideration.conclusion_rate",
                                                 CasePart::kDenominator, e.profile);
  ASSERT_TRUE(l.ok());
  int64_t twice = 0;
  for (const CaseEntry& c : l->cases) twice += c.times == 2;
  EXPECT_EQ(twice, 5);
}

TEST(CaseList, ColumnsAreTheRecordsOwn) {
  Example e;
  absl::StatusOr<CaseList> l =
      compute_case_list(e.ds, kBaiyun, year_period(2019), "reconsideration.overdue", CasePart::kCount, e.profile);
  ASSERT_TRUE(l.ok());
  const auto columns = case_columns(e.ds, l->cases[0].kind, l->cases[0].row);
  ASSERT_FALSE(columns.empty());
  EXPECT_EQ(columns[0].first, "case_id");
  EXPECT_EQ(columns[0].second, "云府行复〔2019〕28号");
  EXPECT_EQ(columns[1].first, "region");
  EXPECT_EQ(columns[1].second, "440111");
}

}  // namespace
}  // namespace fazhi
