// Breakdowns, series and cross-tables (fazhi/breakdown.hpp) on the example
// data: every breakdown's total is the report's figure and its rows add up
// to it; golden rows of the example, written as counted from its records.
#include "fazhi/breakdown.hpp"

#include <gtest/gtest.h>

#include <algorithm>
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

// The rows as `fazhi table --metric reconsideration.received --by respondent`
// prints them: the public security bureau first, 135 of 439 (30.75%).
TEST(Breakdown, ReceivedByRespondent) {
  const Example& e = example();
  absl::StatusOr<Breakdown> b =
      compute_breakdown(e.ds, e.region, e.year, "reconsideration.received", "respondent", e.profile);
  ASSERT_TRUE(b.ok()) << b.status();
  EXPECT_EQ(b->total.integer, 439);
  EXPECT_EQ(b->previous_total.integer, 568);
  ASSERT_EQ(b->rows.size(), 16u);
  const BreakdownRow& top = b->rows[0];
  EXPECT_EQ(top.key, "广州市公安局白云区分局");
  EXPECT_EQ(top.value.integer, 135);
  EXPECT_EQ(top.previous.integer, 178);
  EXPECT_EQ(top.share, Fraction(135, 439));
  EXPECT_EQ(format_percent(top.share, 2, Rounding::kHalfUp), "30.75%");
  EXPECT_EQ(format_percent(top.change, 1, Rounding::kHalfUp), "-24.2%");
  EXPECT_EQ(top.rank, 1);
  // Two respondents with 2 cases each share the 15th place.
  EXPECT_EQ(b->rows[14].rank, 15);
  EXPECT_EQ(b->rows[15].rank, 15);
  EXPECT_EQ(b->rows[15].value.integer, 2);
}

// Five applications without a disposition are a row of their own (未填),
// last among the rows of 5, with no change (none the year before).
TEST(Breakdown, AnEmptyValueIsARowNotDropped) {
  const Example& e = example();
  absl::StatusOr<Breakdown> b =
      compute_breakdown(e.ds, e.region, e.year, "reconsideration.received", "disposition", e.profile);
  ASSERT_TRUE(b.ok()) << b.status();
  const auto empty = std::find_if(b->rows.begin(), b->rows.end(), [](const BreakdownRow& r) { return !r.key; });
  ASSERT_NE(empty, b->rows.end());
  EXPECT_EQ(empty->label, "未填");
  EXPECT_EQ(empty->value.integer, 5);
  EXPECT_EQ(empty->previous.integer, 0);
  EXPECT_FALSE(empty->change.defined());
  EXPECT_EQ((empty - 1)->key, "altered");  // 变更, also 5, before the empty value
  EXPECT_EQ(empty->rank, (empty - 1)->rank);
}

// A rate's rows are exact fractions, and change in percentage points:
// 城乡建设 19/36 = 52.78% against 15/46 = 32.61%, up 20.17 个百分点.
TEST(Breakdown, ARateChangesInPoints) {
  const Example& e = example();
  absl::StatusOr<Breakdown> b =
      compute_breakdown(e.ds, e.region, e.year, "reconsideration.correction_rate", "category", e.profile);
  ASSERT_TRUE(b.ok()) << b.status();
  EXPECT_FALSE(b->additive);
  EXPECT_EQ(b->total.num, 134);
  EXPECT_EQ(b->total.den, 400);
  const BreakdownRow& top = b->rows[0];
  EXPECT_EQ(top.key, "城乡建设");
  EXPECT_EQ(top.value.num, 19);
  EXPECT_EQ(top.value.den, 36);
  EXPECT_EQ(top.previous.num, 15);
  EXPECT_EQ(top.previous.den, 46);
  EXPECT_FALSE(top.share.defined());
  EXPECT_EQ(top.change_pp, Fraction(19 * 46 - 15 * 36, 36 * 46));
  EXPECT_EQ(format_decimal(Fraction(top.change_pp.num() * 100, top.change_pp.den()), 2, Rounding::kHalfUp), "20.17");
}

// Every month of the year is a point, and the months add up to the year.
TEST(Series, EveryMonthIsPresentAndTheyAddUp) {
  const Example& e = example();
  absl::StatusOr<Series> s = compute_series(e.ds, e.region, e.year, "reconsideration.received", "month", e.profile);
  ASSERT_TRUE(s.ok()) << s.status();
  ASSERT_EQ(s->points.size(), 12u);
  EXPECT_EQ(s->points[0].period, "2019-01");
  EXPECT_EQ(s->points[0].value.integer, 47);
  EXPECT_EQ(s->points[0].previous.integer, 40);
  EXPECT_EQ(s->points[11].period, "2019-12");
  int64_t sum = 0;
  for (const SeriesPoint& p : s->points) sum += p.value.integer;
  EXPECT_EQ(sum, 439);
  absl::StatusOr<Series> q = compute_series(e.ds, e.region, e.year, "legal_aid.accepted", "quarter", e.profile);
  ASSERT_TRUE(q.ok()) << q.status();
  ASSERT_EQ(q->points.size(), 4u);
  EXPECT_EQ(q->points[0].period, "2019-Q1");
  EXPECT_EQ(q->points[0].value.integer, 695);
}

// A cross-table's cells add up to its margins, and the margins to the figure.
TEST(CrossTable, CellsAddUpToTheMargins) {
  const Example& e = example();
  absl::StatusOr<CrossTable> t =
      compute_cross_table(e.ds, e.region, e.year, "litigation.received", "instance", "outcome", e.profile);
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_EQ(t->total.integer, 282);
  int64_t all = 0;
  for (size_t i = 0; i < t->rows.size(); ++i) {
    int64_t row = 0;
    for (const Value& v : t->cells[i]) row += v.integer;
    EXPECT_EQ(row, t->rows[i].value.integer) << t->rows[i].label;
    all += row;
  }
  EXPECT_EQ(all, 282);
  for (size_t j = 0; j < t->columns.size(); ++j) {
    int64_t column = 0;
    for (size_t i = 0; i < t->rows.size(); ++i) column += t->cells[i][j].integer;
    EXPECT_EQ(column, t->columns[j].value.integer) << t->columns[j].label;
  }
}

TEST(Breakdown, RefusesWhatCannotBeSplit) {
  const Example& e = example();
  EXPECT_EQ(compute_breakdown(e.ds, e.region, e.year, "reconsideration.median_days", "category").status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(compute_breakdown(e.ds, e.region, e.year, "reconsideration.received", "defendant").status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(compute_breakdown(e.ds, *RegionCode::parse("110101"), e.year, "reconsideration.received", "category")
                .status()
                .code(),
            absl::StatusCode::kNotFound);
}

// The JSON of a breakdown row: the count, its exact share, the change.
TEST(Breakdown, JsonRowsAreExact) {
  const Example& e = example();
  absl::StatusOr<Breakdown> b =
      compute_breakdown(e.ds, e.region, e.year, "litigation.received", "instance", e.profile);
  ASSERT_TRUE(b.ok()) << b.status();
  const std::string json = to_json(*b);
  EXPECT_NE(json.find(R"({"key":"first","label":"一审","value":147,"share":{"num":147,"den":282,"decimal":"0.5213"},)"
                      R"("previous":160,"yoy":{"num":-13,"den":160,"decimal":"-0.0813"},"rank":1,"text":"147 件（52.13%）"})"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find(R"("total":{"value":282,"previous":301})"), std::string::npos) << json;
}

}  // namespace
}  // namespace fazhi
