// The field readers of load/field_readers.hpp: docs/data.md's "values" rule (spaces,
// tabs and U+3000 around a value are not part of it; an empty value is "not
// given") as each reader applies it after its fast path.
#include "load/field_readers.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace fazhi::internal {
namespace {

const std::string kSp = "\xE3\x80\x80";  // U+3000, the full-width space

TEST(FastTrim, IsTrimForEveryPadding) {
  const std::string values[] = {"",        "x",         "L1",        "广州市",    " ",
                                "\t",      kSp,         kSp + kSp,   " L1",       "L1 ",
                                " L1 ",    "\tL1\r\n",  kSp + "L1",  "L1" + kSp,  kSp + "L1 " + kSp,
                                "a b",     "\vx\f",     " " + kSp + " 广州 " + kSp};
  for (const std::string& v : values) EXPECT_EQ(fast_trim(v), trim(v)) << "'" << v << "'";
}

TEST(FastTrim, AValueWithNothingToTrimIsTheSameView) {
  // The fast path: no space at either end, the view itself comes back.
  const std::string_view v = "2019-04-04";
  EXPECT_EQ(fast_trim(v).data(), v.data());
  // A value ending in a byte 0x80 that is not U+3000 (耀 = E8 80 80) goes
  // to trim, which leaves it whole.
  const std::string yao = "\xE8\x80\x80";
  EXPECT_EQ(fast_trim(yao), yao);
}

TEST(EmptyAfterTrim, SetsTheNotGivenValueOnlyWhenNothingIsLeft) {
  for (const std::string& blank : {std::string(), std::string(" "), kSp, "\t" + kSp + " "}) {
    std::string_view v = blank;
    int64_t out = 7;
    EXPECT_TRUE(empty_after_trim(v, out, -1)) << "'" << blank << "'";
    EXPECT_EQ(out, -1);
    EXPECT_TRUE(v.empty());
  }
  std::string_view v = " 12 ";
  int64_t out = 7;
  EXPECT_FALSE(empty_after_trim(v, out, -1));
  EXPECT_EQ(out, 7);  // untouched: the reader goes on with the trimmed text
  EXPECT_EQ(v, "12");
}

TEST(TextField, KeepsTheTrimmedText) {
  std::string_view out = "old";
  const std::string padded = kSp + " L1\t";  // out views into it: it must outlive the checks
  EXPECT_TRUE(text_field(padded, out));
  EXPECT_EQ(out, "L1");
  EXPECT_TRUE(text_field("  ", out));
  EXPECT_EQ(out, "");
  const std::string_view plain = "案件-001";
  EXPECT_TRUE(text_field(plain, out));
  EXPECT_EQ(out.data(), plain.data());
}

// Each reader: the plain value (its fast path), the padded value, and a
// blank one (its "not given" value).
TEST(FieldReaders, PaddedValuesReadAsPlainOnesAndBlankIsNotGiven) {
  Problem p;
  DayNumber day = 0, padded_day = 0;
  ASSERT_TRUE(date_field("d", "2019-04-04", day, p));
  ASSERT_TRUE(date_field("d", kSp + "2019-04-04\t", padded_day, p));
  EXPECT_EQ(padded_day, day);
  EXPECT_TRUE(date_field("d", " " + kSp, day, p));
  EXPECT_EQ(day, kNoDay);

  RegionCode region, padded_region;
  ASSERT_TRUE(region_field("r", "440111", region, p));
  ASSERT_TRUE(region_field("r", " 440111" + kSp, padded_region, p));
  EXPECT_EQ(region.value(), 440111u);
  EXPECT_EQ(padded_region.value(), 440111u);
  EXPECT_TRUE(region_field("r", "\t", region, p));
  EXPECT_EQ(region.value(), 0u);

  Tri tri = Tri::kUnknown;
  ASSERT_TRUE(tri_field("t", " 1 ", tri, p));
  EXPECT_EQ(tri, Tri::kTrue);
  ASSERT_TRUE(tri_field("t", kSp + "否", tri, p));
  EXPECT_EQ(tri, Tri::kFalse);
  ASSERT_TRUE(tri_field("t", "  ", tri, p));
  EXPECT_EQ(tri, Tri::kUnknown);

  int64_t count = 0;
  ASSERT_TRUE(count_field("c", " 42\t", INT64_MAX, count, p));
  EXPECT_EQ(count, 42);
  ASSERT_TRUE(count_field("c", kSp, INT64_MAX, count, p));
  EXPECT_EQ(count, -1);

  int64_t fen = 0;
  ASSERT_TRUE(money_field("m", " 12.50 ", fen, p));
  EXPECT_EQ(fen, 1250);
  ASSERT_TRUE(money_field("m", "", fen, p));
  EXPECT_EQ(fen, -1);

  // A code read padded first and plain next (a cache hit) and the other way
  // round; a blank one is kNone.
  Disposition disposition = Disposition::kNone;
  ASSERT_TRUE(code_field("disposition", " upheld\t", disposition, p));
  EXPECT_EQ(disposition, Disposition::kUpheld);
  disposition = Disposition::kNone;
  ASSERT_TRUE(code_field("disposition", "upheld", disposition, p));
  EXPECT_EQ(disposition, Disposition::kUpheld);
  ASSERT_TRUE(code_field("disposition", "revoked", disposition, p));
  EXPECT_EQ(disposition, Disposition::kRevoked);
  ASSERT_TRUE(code_field("disposition", kSp + "revoked ", disposition, p));
  EXPECT_EQ(disposition, Disposition::kRevoked);
  ASSERT_TRUE(code_field("disposition", " " + kSp, disposition, p));
  EXPECT_EQ(disposition, Disposition::kNone);
}

// Every disposition's code, plain and padded, three rounds (the later ones
// from the per-thread cache of codes read): the cache tells apart codes of
// the same length (revoked / altered / settled, 7 bytes) and long ones
// (application_rejected, 20 bytes).
TEST(FieldReaders, EveryCodeReadsAsItselfFromTheCacheToo) {
  Problem p;
  int codes = 0;
  for (int round = 0; round < 3; ++round) {
    for (int i = 1; i < 64; ++i) {
      const auto want = static_cast<Disposition>(i);
      const std::string_view name = code_name(want);
      if (name.empty()) continue;
      ++codes;
      Disposition got = Disposition::kNone;
      ASSERT_TRUE(code_field("disposition", name, got, p)) << name;
      EXPECT_EQ(got, want) << name;
      got = Disposition::kNone;
      std::string padded = " ";
      padded.append(name).append(kSp);
      ASSERT_TRUE(code_field("disposition", padded, got, p)) << name;
      EXPECT_EQ(got, want) << name;
    }
  }
  EXPECT_GE(codes, 3 * 11);
}

TEST(FieldReaders, APaddedBadValueIsReportedTrimmed) {
  Problem p;
  int64_t count = 0;
  EXPECT_FALSE(count_field("suspended_days", " x7 ", INT64_MAX, count, p));
  EXPECT_EQ(p.column, "suspended_days");
  EXPECT_NE(p.reason.find("x7"), std::string::npos) << p.reason;
  EXPECT_EQ(p.reason.find(" x7 "), std::string::npos) << p.reason;
}

}  // namespace
}  // namespace fazhi::internal
