// Case lists of breakdown rows: on the example data, chosen rows with the
// counts and ids the tables print (a code, a text, 未填, a month, 其他, a
// rate's parts, 结案率's twice-counted cases) and the errors for what is no
// row; on generated data for a province, a city and a district, every row of
// every default breakdown of every count and rate part of its family: each
// row's list has as many records as the row's value, and the rows' lists are
// disjoint and together the figure's list.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "fazhi/breakdown.hpp"
#include "fazhi/cases.hpp"
#include "fazhi/dataset.hpp"
#include "fazhi/date.hpp"
#include "fazhi/metrics.hpp"
#include "scale_generator.hpp"

namespace fazhi {
namespace {

namespace fs = std::filesystem;

const RegionCode kBaiyun = *RegionCode::parse("440111");
const Period k2019 = year_period(2019);

class ExampleRows : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string dir = std::string(FAZHI_SOURCE_DIR) + "/data/examples/baiyun-2019";
    ds_ = new Dataset;
    ASSERT_TRUE(ds_->load_dir(dir).ok());
    ds_->seal();
    absl::StatusOr<Profile> p = Profile::from_file(dir + "/profile.json");
    ASSERT_TRUE(p.ok()) << p.status();
    profile_ = new Profile(*p);
  }
  static void TearDownTestSuite() {
    delete profile_;
    delete ds_;
  }
  static CaseList list(std::string_view metric, CasePart part, CaseRow row) {
    absl::StatusOr<CaseList> l = compute_case_list(*ds_, kBaiyun, k2019, metric, part, row, *profile_);
    EXPECT_TRUE(l.ok()) << metric << " by " << row.by << ": " << l.status();
    return l.ok() ? *std::move(l) : CaseList{};
  }
  static absl::StatusCode error(std::string_view metric, CaseRow row) {
    return compute_case_list(*ds_, kBaiyun, k2019, metric, CasePart::kCount, row, *profile_).status().code();
  }
  static inline Dataset* ds_ = nullptr;
  static inline Profile* profile_ = nullptr;
};

int64_t counted(const CaseList& l) {
  int64_t n = 0;
  for (const CaseEntry& c : l.cases) n += c.times;
  return n;
}

TEST_F(ExampleRows, ATextRowListsItsRecords) {
  // 收到行政复议申请按管理类别: 公安 135 件 (the report's table).
  const CaseList l = list("reconsideration.received", CasePart::kCount, {"category", "公安"});
  ASSERT_EQ(l.cases.size(), 135u);
  EXPECT_EQ(l.cases[0].case_id, "云府行复〔2019〕4号");
  EXPECT_EQ(l.cases[0].reason, "2019-01-03 收到申请");
  EXPECT_EQ(l.by, "category");
  EXPECT_EQ(l.key, "公安");
  EXPECT_EQ(l.row_label, "公安");
  for (const CaseEntry& c : l.cases) {
    const auto columns = case_columns(*ds_, c.kind, c.row);
    const auto it = std::find_if(columns.begin(), columns.end(), [](const auto& kv) { return kv.first == "category"; });
    ASSERT_NE(it, columns.end());
    EXPECT_EQ(it->second, "公安") << c.case_id;
  }
}

TEST_F(ExampleRows, ACodeRowListsItsRecords) {
  const CaseList revoked = list("reconsideration.closed", CasePart::kCount, {"disposition", "revoked"});
  ASSERT_EQ(revoked.cases.size(), 41u);
  EXPECT_EQ(revoked.cases[0].case_id, "云府行复〔2018〕520号");
  EXPECT_EQ(revoked.cases[0].reason, "2018-12-06 收到申请，2019-01-18 办结（撤销）");
  EXPECT_EQ(revoked.row_label, "撤销");
  const CaseList lost = list("litigation.judged_first_instance", CasePart::kCount, {"outcome", "judgment_loss"});
  ASSERT_EQ(lost.cases.size(), 7u);
  EXPECT_EQ(lost.cases[0].case_id, "（2018）粤7101行初1552号");
  EXPECT_EQ(lost.cases[6].case_id, "（2019）粤7101行初1429号");
  EXPECT_EQ(list("legal_aid.accepted", CasePart::kCount, {"case_type", "administrative"}).cases.size(), 60u);
}

TEST_F(ExampleRows, AKnownCodeWithoutRecordsIsAnEmptyList) {
  // 调解 is a row of the outcome table with 0 件.
  const CaseList l = list("litigation.judged_first_instance", CasePart::kCount, {"outcome", "mediated"});
  EXPECT_TRUE(l.cases.empty());
  EXPECT_EQ(l.row_label, "调解");
}

TEST_F(ExampleRows, TheEmptyValuesRowIsNamedByNoKeyOrAnEmptyOne) {
  // 调解矛盾纠纷按纠纷类别: 未填 2352 件.
  const CaseList none = list("mediation.received", CasePart::kCount, {"category", std::nullopt});
  const CaseList empty = list("mediation.received", CasePart::kCount, {"category", ""});
  EXPECT_EQ(none.cases.size(), 2352u);
  EXPECT_EQ(empty.cases.size(), 2352u);
  EXPECT_EQ(none.row_label, "未填");
  EXPECT_FALSE(empty.key.has_value());
}

TEST_F(ExampleRows, ARatesPartsByRow) {
  // 负责人出庭应诉率按案件类别: 公安 24 of the hearings; 结案率's
  // denominator for 公安 is 159, two of its 157 cases counted twice.
  const CaseList heads =
      list("litigation.head_appearance_rate", CasePart::kNumerator, {"category", "公安"});
  EXPECT_EQ(heads.cases.size(), 24u);
  EXPECT_EQ(heads.cases[0].case_id, "（2018）粤7101行初1495号");
  const CaseList d = list("reconsideration.conclusion_rate", CasePart::kDenominator, {"category", "公安"});
  EXPECT_EQ(d.cases.size(), 157u);
  EXPECT_EQ(counted(d), 159);
  const CaseList n = list("reconsideration.conclusion_rate", CasePart::kNumerator, {"category", "公安"});
  EXPECT_EQ(counted(n), 134);
}

TEST_F(ExampleRows, AMonthRowIsTheMonthsFigure) {
  // The series: 2019-03 29 件; the list's period is the month's.
  const CaseList l = list("reconsideration.received", CasePart::kCount, {"month", "2019-03"});
  ASSERT_EQ(l.cases.size(), 29u);
  EXPECT_EQ(l.cases[0].case_id, "云府行复〔2019〕79号");
  EXPECT_EQ(format_iso_day(l.period.from), "2019-03-01");
  EXPECT_EQ(format_iso_day(l.period.to), "2019-03-31");
  EXPECT_EQ(l.row_label, "2019年3月");
  int64_t year = 0;
  for (const char* quarter : {"2019-Q1", "2019-Q2", "2019-Q3", "2019-Q4"}) {
    year += static_cast<int64_t>(list("reconsideration.received", CasePart::kCount, {"quarter", quarter}).cases.size());
  }
  EXPECT_EQ(year, 439);  // a flow's quarters add up to the year's 439
}

TEST_F(ExampleRows, TheOtherRowIsTheFoldedRows) {
  // fazhi table --top 5: 其他 125 件.
  const CaseList other = list("reconsideration.received", CasePart::kCount, {"category", "*other", 5});
  EXPECT_EQ(other.cases.size(), 125u);
  EXPECT_EQ(other.row_label, "其他");
  absl::StatusOr<Breakdown> b =
      compute_breakdown(*ds_, kBaiyun, k2019, "reconsideration.received", "category", *profile_);
  ASSERT_TRUE(b.ok());
  size_t folded = 0;
  for (size_t k = 5; k < b->rows.size(); ++k) {
    folded += list("reconsideration.received", CasePart::kCount, {"category", b->rows[k].key}).cases.size();
  }
  EXPECT_EQ(folded, 125u);
  // The profile's own fold and order: its table keeps 2 rows, 城市管理 first.
  absl::StatusOr<Profile> p = Profile::from_json(
      R"({"breakdowns": [{"metric": "reconsideration.received", "by": "category", "top": 2,
                          "order": ["城市管理"]}]})");
  ASSERT_TRUE(p.ok()) << p.status();
  absl::StatusOr<CaseList> by_profile =
      compute_case_list(*ds_, kBaiyun, k2019, "reconsideration.received", CasePart::kCount, {"category", "*other"}, *p);
  ASSERT_TRUE(by_profile.ok()) << by_profile.status();
  EXPECT_EQ(by_profile->cases.size(), 439u - 34u - 135u);  // all but 城市管理 34 and 公安 135
}

TEST_F(ExampleRows, TheNationalLevelHasListsAndRowsByProvince) {
  // 全国 (000000) is every record: its list is its breakdown's total, and its
  // one province's row (广东 440000) is all of it.
  absl::StatusOr<Breakdown> b = compute_breakdown(*ds_, kNational, k2019, "reconsideration.received", "region");
  ASSERT_TRUE(b.ok()) << b.status();
  ASSERT_EQ(b->rows.size(), 1u);
  EXPECT_EQ(b->rows[0].key, "440000");
  absl::StatusOr<CaseList> all =
      compute_case_list(*ds_, kNational, k2019, "reconsideration.received", CasePart::kCount, *profile_);
  ASSERT_TRUE(all.ok()) << all.status();
  EXPECT_EQ(static_cast<int64_t>(all->cases.size()), b->total.integer);
  absl::StatusOr<CaseList> province = compute_case_list(*ds_, kNational, k2019, "reconsideration.received",
                                                        CasePart::kCount, {"region", "440000"}, *profile_);
  ASSERT_TRUE(province.ok()) << province.status();
  EXPECT_EQ(static_cast<int64_t>(province->cases.size()), b->rows[0].value.integer);
  EXPECT_EQ(province->row_label, "广东省");
}

TEST_F(ExampleRows, WhatIsNoRowIsAnError) {
  const auto kInvalid = absl::StatusCode::kInvalidArgument;
  EXPECT_EQ(error("reconsideration.received", {"category", "无此类别"}), kInvalid);
  EXPECT_EQ(error("reconsideration.received", {"disposition", "no_such_code"}), kInvalid);
  EXPECT_EQ(error("reconsideration.received", {"defendant", "x"}), kInvalid);  // litigation's
  EXPECT_EQ(error("reconsideration.received", {"no_such_dimension", "x"}), kInvalid);
  EXPECT_EQ(error("reconsideration.received", {"month", "2018-03"}), kInvalid);
  EXPECT_EQ(error("reconsideration.received", {"month", std::nullopt}), kInvalid);
  EXPECT_EQ(error("reconsideration.received", {"applicants", std::nullopt}), kInvalid);  // a number is never empty
  EXPECT_EQ(error("reconsideration.received", {"category", "*other"}), kInvalid);       // no fold given
  EXPECT_EQ(error("reconsideration.received", {"category", "*other", 1000}), kInvalid);  // nothing folded
  EXPECT_EQ(error("reconsideration.received", {"month", "*other", 3}), kInvalid);
  EXPECT_EQ(compute_case_list(*ds_, *RegionCode::parse("110101"), k2019, "reconsideration.received",
                              CasePart::kCount, {"category", "公安"})
                .status()
                .code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(compute_case_list(*ds_, kBaiyun, k2019, "litigation.win_rate", CasePart::kCount, {"category", "公安"})
                .status()
                .code(),
            kInvalid);
}

// ---- Every row of every default breakdown, on generated data ----

// A list as (row, times), for comparing sets.
std::map<size_t, int64_t> members(const CaseList& l) {
  std::map<size_t, int64_t> out;
  for (const CaseEntry& c : l.cases) out[c.row] += c.times;
  return out;
}

// check_rows checks every row's list of metric `m`'s part by `by` against
// the row's value and the figure's list; returns the rows checked.
int check_rows(const Dataset& ds, RegionCode region, const MetricInfo& m, CasePart part, std::string_view by) {
  absl::StatusOr<Breakdown> b = compute_breakdown(ds, region, k2019, m.id, by);
  EXPECT_TRUE(b.ok()) << m.id << " by " << by << ": " << b.status();
  absl::StatusOr<CaseList> whole = compute_case_list(ds, region, k2019, m.id, part);
  EXPECT_TRUE(whole.ok()) << m.id << ": " << whole.status();
  if (!b.ok() || !whole.ok()) return 0;
  std::map<size_t, int64_t> together;
  int rows = 0;
  for (const BreakdownRow& r : b->rows) {
    absl::StatusOr<CaseList> l = compute_case_list(ds, region, k2019, m.id, part, CaseRow{std::string(by), r.key});
    EXPECT_TRUE(l.ok()) << m.id << " by " << by << " " << r.key.value_or("null") << ": " << l.status();
    if (!l.ok()) continue;
    const std::string where = std::string(m.id) + " " + std::string(case_part_name(part)) + " by " +
                              std::string(by) + " = " + r.key.value_or("null") + " in " + region.str();
    const int64_t n = counted(*l);
    if (r.value.kind == ValueKind::kCount) {
      EXPECT_EQ(n, r.value.integer) << where;
    } else if (r.value.kind == ValueKind::kRatio) {
      EXPECT_EQ(n, part == CasePart::kNumerator ? r.value.num : r.value.den) << where;
    }
    for (const auto& [row, times] : members(*l)) {
      EXPECT_EQ(together.count(row), 0u) << where << ": record " << row << " in two rows";
      together[row] += times;
    }
    ++rows;
  }
  EXPECT_EQ(together, members(*whole)) << m.id << " " << case_part_name(part) << " by " << by << " in "
                                       << region.str() << ": the rows' lists are not the figure's";
  return rows;
}

TEST(CaseListRows, EveryRowOfEveryDefaultBreakdownOfScaleDataIsItsFiguresShare) {
  const fs::path dir = fs::temp_directory_path() / "fazhi-cases-rows-test";
  fs::remove_all(dir);
  bench::ScaleOptions o;
  o.records = 20'000;
  o.out = dir.string();
  o.seed = 20261207;
  ASSERT_TRUE(bench::generate_scale(o).ok());
  Dataset ds;
  absl::StatusOr<LoadSummary> s = ds.load_dir(dir.string());
  ASSERT_TRUE(s.ok()) << s.status();
  ds.seal();
  const RegionCode district = *std::min_element(ds.regions().begin(), ds.regions().end());
  int rows = 0;
  for (const RegionCode region : {district.province(), district.city(), district}) {
    for (const TableSpec& spec : default_breakdowns()) {
      const Family f = metric_catalogue()[*metric_index(spec.metric)].family;
      for (const MetricInfo& m : metric_catalogue()) {
        if (m.family != f || !has_case_list(m.id)) continue;
        if (m.kind == ValueKind::kCount) {
          rows += check_rows(ds, region, m, CasePart::kCount, spec.by);
        } else {
          rows += check_rows(ds, region, m, CasePart::kNumerator, spec.by);
          rows += check_rows(ds, region, m, CasePart::kDenominator, spec.by);
        }
      }
    }
  }
  EXPECT_GT(rows, 2500) << rows;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace fazhi
