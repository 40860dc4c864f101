// Breakdowns by the dimension columns of docs/data.md ("Dimensions") on the
// county example (data/examples/county-2024, whose README gives each split):
// every column is a dimension of its family, each with its rows written as
// the county's notice would print them; folding into 其他; the national level.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "breakdown_checks.hpp"
#include "fazhi/breakdown.hpp"
#include "fazhi/dataset.hpp"
#include "fazhi/text.hpp"

namespace fazhi {
namespace {

const std::string kCounty = std::string(FAZHI_SOURCE_DIR) + "/data/examples/county-2024";

struct County {
  Dataset ds;
  RegionCode region = *RegionCode::parse("441881");
  Period year = year_period(2024);
  County() {
    EXPECT_TRUE(ds.load_dir(kCounty).ok());
    ds.seal();
  }
};

const County& county() {
  static const County* const kData = new County;
  return *kData;
}

// Row is a row as the notice prints it: key, label, count.
struct Row {
  std::optional<std::string> key;
  std::string label;
  int64_t value;
};

// expect_rows breaks `metric` down by `by` and checks the rows, in order, and
// that they add up to `total`.
void expect_rows(std::string_view metric, std::string_view by, int64_t total, const std::vector<Row>& rows) {
  const County& c = county();
  const absl::StatusOr<Breakdown> b = compute_breakdown(c.ds, c.region, c.year, metric, by);
  ASSERT_TRUE(b.ok()) << b.status();
  EXPECT_EQ(b->dimension.name, by);
  EXPECT_EQ(b->total.integer, total);
  ASSERT_EQ(b->rows.size(), rows.size()) << by;
  int64_t sum = 0;
  for (size_t k = 0; k < rows.size(); ++k) {
    EXPECT_EQ(b->rows[k].key, rows[k].key) << by << " row " << k;
    EXPECT_EQ(b->rows[k].label, rows[k].label) << by << " row " << k;
    EXPECT_EQ(b->rows[k].value.integer, rows[k].value) << by << " row " << k;
    sum += b->rows[k].value.integer;
  }
  EXPECT_EQ(sum, total) << by;
}

// The published split: 151 new applications, 140 against county departments
// (92.72%), 11 against townships (7.28%), shares rounded half-up (REPORT.md).
TEST(BreakdownDimensions, RespondentLevelIsTheCountyNotice) {
  expect_rows("reconsideration.received", "respondent_level", 151,
              {{"county_dept", "县级政府部门", 140}, {"township", "乡镇人民政府", 11}});
  const County& c = county();
  const absl::StatusOr<Breakdown> b =
      compute_breakdown(c.ds, c.region, c.year, "reconsideration.received", "respondent_level");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->rows[0].share, Fraction(140, 151));
  EXPECT_EQ(format_percent(b->rows[0].share, 2, Rounding::kHalfUp), "92.72%");
  EXPECT_EQ(format_percent(b->rows[1].share, 2, Rounding::kHalfUp), "7.28%");
  // Published notices often truncate: 140/151 = 0.927152... -> 92.71%.
  EXPECT_EQ(format_percent(b->rows[0].share, 2, Rounding::kTruncate), "92.71%");
  EXPECT_TRUE(b->additive);
}

TEST(BreakdownDimensions, ReconsiderationActType) {
  expect_rows("reconsideration.received", "act_type", 151,
              {{"complaint", "举报投诉处理", 75},
               {"penalty", "行政处罚", 40},
               {"information_disclosure", "政府信息公开", 16},
               {"licensing", "行政许可", 8},
               {"inaction", "不履行法定职责", 7},
               {"other", "其他", 5}});
}

TEST(BreakdownDimensions, ApplicantType) {
  expect_rows("reconsideration.received", "applicant_type", 151,
              {{"person", "自然人", 131}, {"legal_person", "法人", 17}, {"organization", "其他组织", 3}});
}

// applicants is a number: each count of applicants is a row, keyed by it.
TEST(BreakdownDimensions, Applicants) {
  expect_rows("reconsideration.received", "applicants", 151,
              {{"1", "1人", 141}, {"2", "2人", 6}, {"3", "3人", 3}, {"5", "5人", 1}});
}

TEST(BreakdownDimensions, DefendantLevel) {
  expect_rows("litigation.received", "defendant_level", 40,
              {{"county_dept", "县级政府部门", 30}, {"county_gov", "县级人民政府", 6}, {"township", "乡镇人民政府", 4}});
}

// Ties share the better rank and are ordered by key.
TEST(BreakdownDimensions, LitigationActType) {
  expect_rows("litigation.received", "act_type", 40,
              {{"penalty", "行政处罚", 14},
               {"expropriation", "征收征用", 10},
               {"inaction", "不履行法定职责", 6},
               {"registration", "行政登记", 6},
               {"information_disclosure", "政府信息公开", 4}});
  const County& c = county();
  const absl::StatusOr<Breakdown> b = compute_breakdown(c.ds, c.region, c.year, "litigation.received", "act_type");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->rows[2].rank, 3);
  EXPECT_EQ(b->rows[3].rank, 3);
  EXPECT_EQ(b->rows[4].rank, 5);
}

// A yes/no column: the five cases without it are a row (未填), never dropped.
TEST(BreakdownDimensions, HeadPrincipal) {
  expect_rows("litigation.received", "head_principal", 40,
              {{"false", "否", 26}, {"true", "是", 9}, {std::nullopt, "未填", 5}});
}

TEST(BreakdownDimensions, ServiceType) {
  expect_rows("legal_aid.accepted", "service_type", 60, {{"litigation", "诉讼", 45}, {"non_litigation", "非诉讼", 15}});
}

TEST(BreakdownDimensions, RecipientGroup) {
  expect_rows("legal_aid.accepted", "recipient_group", 60,
              {{"migrant_worker", "农民工", 20},
               {"elderly", "老年人", 10},
               {"minor", "未成年人", 8},
               {"other", "其他", 8},
               {"women", "妇女", 7},
               {"disabled", "残疾人", 5},
               {"military", "军人军属", 2}});
}

TEST(BreakdownDimensions, OrgType) {
  expect_rows("mediation.received", "org_type", 80,
              {{"village", "村（居）调解委员会", 50},
               {"township", "乡镇（街道）调解委员会", 20},
               {"professional", "行业性专业性调解组织", 8},
               {"enterprise", "企事业单位调解委员会", 2}});
}

// Every column of DATA.md's "Dimensions" is listed as a dimension of its family.
TEST(BreakdownDimensions, EveryDataDimensionIsListed) {
  const std::vector<std::pair<Family, std::string_view>> expected = {
      {Family::kReconsideration, "respondent_level"}, {Family::kReconsideration, "act_type"},
      {Family::kReconsideration, "applicant_type"},   {Family::kReconsideration, "applicants"},
      {Family::kLitigation, "defendant_level"},       {Family::kLitigation, "act_type"},
      {Family::kLitigation, "head_principal"},        {Family::kLegalAid, "service_type"},
      {Family::kLegalAid, "recipient_group"},         {Family::kMediation, "org_type"}};
  for (const auto& [family, name] : expected) {
    bool found = false;
    for (const BreakdownDimension& d : breakdown_dimensions()) found |= d.family == family && d.name == name;
    EXPECT_TRUE(found) << name;
  }
}

// Every metric by every dimension of the county adds up to its figure.
TEST(BreakdownDimensions, EveryBreakdownOfTheCountyAddsUpToItsFigure) {
  const County& c = county();
  EXPECT_GT(testing::check_every_breakdown(c.ds, c.region, c.year, Profile{}), 100);
}

// The rows after the first three fold into 其他: 8 + 7 + 5 = 20, 20/151.
TEST(BreakdownDimensions, FoldsSmallRowsIntoOther) {
  const County& c = county();
  absl::StatusOr<Breakdown> b = compute_breakdown(c.ds, c.region, c.year, "reconsideration.received", "act_type");
  ASSERT_TRUE(b.ok());
  fold_rows(*b, 3);
  ASSERT_EQ(b->rows.size(), 4u);
  const BreakdownRow& other = b->rows[3];
  EXPECT_EQ(other.key, "*other");
  EXPECT_EQ(other.label, "其他");
  EXPECT_EQ(other.value.integer, 20);
  EXPECT_EQ(other.share, Fraction(20, 151));
  EXPECT_EQ(other.rank, 0);
  int64_t sum = 0;
  for (const BreakdownRow& r : b->rows) sum += r.value.integer;
  EXPECT_EQ(sum, 151);
  // One row left over is not folded: it keeps its own name.
  absl::StatusOr<Breakdown> two =
      compute_breakdown(c.ds, c.region, c.year, "reconsideration.received", "respondent_level");
  ASSERT_TRUE(two.ok());
  fold_rows(*two, 1);
  EXPECT_EQ(two->rows[1].key, "township");
}

// A rate's folded rows pool their numerators and denominators.
TEST(BreakdownDimensions, FoldedRateIsThePooledRate) {
  const County& c = county();
  absl::StatusOr<Breakdown> b =
      compute_breakdown(c.ds, c.region, c.year, "litigation.head_appearance_rate", "head_principal");
  ASSERT_TRUE(b.ok()) << b.status();
  ASSERT_EQ(b->rows.size(), 3u);
  int64_t num = b->rows[1].value.num + b->rows[2].value.num, den = b->rows[1].value.den + b->rows[2].value.den;
  fold_rows(*b, 1);
  ASSERT_EQ(b->rows.size(), 2u);
  EXPECT_EQ(b->rows[1].value.num, num);
  EXPECT_EQ(b->rows[1].value.den, den);
  EXPECT_FALSE(b->rows[1].share.defined());
}

// 000000 (全国) is every record, split by province: here the one province.
TEST(BreakdownDimensions, NationalIsTheSumOfTheProvinces) {
  const County& c = county();
  const absl::StatusOr<Breakdown> b =
      compute_breakdown(c.ds, kNational, c.year, "reconsideration.received", "region");
  ASSERT_TRUE(b.ok()) << b.status();
  EXPECT_EQ(b->total.integer, 151);
  ASSERT_EQ(b->rows.size(), 1u);
  EXPECT_EQ(b->rows[0].key, "440000");
  EXPECT_EQ(b->rows[0].label, "广东省");
  EXPECT_EQ(b->rows[0].value.integer, 151);
}

}  // namespace
}  // namespace fazhi
