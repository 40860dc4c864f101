#include "fazhi/exact.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <vector>

namespace fazhi {
namespace {

constexpr Rounding kUp = Rounding::kHalfUp;
constexpr Rounding kEven = Rounding::kHalfEven;
constexpr Rounding kTrunc = Rounding::kTruncate;

TEST(Rounding, ExactTiesFollowTheChosenRule) {
  const Fraction eighth(1, 8);  // 0.125, exact
  EXPECT_EQ(format_decimal(eighth, 2, kEven), "0.12");
  EXPECT_EQ(format_decimal(eighth, 2, kUp), "0.13");
  EXPECT_EQ(format_decimal(eighth, 2, kTrunc), "0.12");
  const Fraction three_eighths(3, 8);  // 0.375: the kept digit 7 is odd
  EXPECT_EQ(format_decimal(three_eighths, 2, kEven), "0.38");
}

TEST(Rounding, GbT8170Examples) {
  // GB/T 8170-2008 section 3.3's examples, as the standard lists them.
  EXPECT_EQ(format_decimal(Fraction(121498, 10000), 1, kEven), "12.1");
  EXPECT_EQ(format_decimal(Fraction(105002, 10000), 0, kEven), "11");
  EXPECT_EQ(format_decimal(Fraction(1050, 1000), 1, kEven), "1.0");
  EXPECT_EQ(format_decimal(Fraction(35, 100), 1, kEven), "0.4");
  EXPECT_EQ(format_decimal(Fraction(-365, 10000), 3, kEven), "-0.036");
}

TEST(Rounding, NegativesRoundTheAbsoluteValue) {
  EXPECT_EQ(format_decimal(Fraction(-1, 8), 2, kUp), "-0.13");
  EXPECT_EQ(format_decimal(Fraction(-1, 8), 2, kEven), "-0.12");
  EXPECT_EQ(format_decimal(Fraction(-1, 8), 2, kTrunc), "-0.12");
  EXPECT_EQ(format_decimal(Fraction(1, -8), 2, kUp), "-0.13");
  // A figure that rounds to zero carries no sign.
  EXPECT_EQ(format_decimal(Fraction(-1, 1000), 2, kUp), "0.00");
}

TEST(Rounding, ReferenceReportFigures) {
  EXPECT_EQ(format_percent(Fraction(110, 117), 2, kUp), "94.02%");
  EXPECT_EQ(format_percent(Fraction(119, 393), 2, kUp), "30.28%");
  EXPECT_EQ(format_percent(Fraction(119, 393), 2, kTrunc), "30.27%");
  EXPECT_EQ(format_percent(Fraction(4, 49), 1, kUp), "8.2%");
  EXPECT_EQ(format_percent(Fraction(4, 49), 1, kTrunc), "8.1%");
  EXPECT_EQ(format_percent(Fraction(134, 400), 1, kUp), "33.5%");
  EXPECT_EQ(format_percent(Fraction(134, 400), 2, kUp), "33.50%");
  EXPECT_EQ(format_percent(Fraction(309, 400), 2, kUp), "77.25%");
  EXPECT_EQ(format_percent(Fraction(3405, 8957), 0, kUp), "38%");
  EXPECT_EQ(format_percent(Fraction(2350, 2350), 0, kUp), "100%");
  const Fraction yoy = Fraction::change(439, 568);
  EXPECT_EQ(yoy.num(), -129);
  EXPECT_EQ(yoy.den(), 568);
  EXPECT_EQ(format_percent(yoy, 1, kUp), "-22.7%");
  EXPECT_EQ(format_decimal(yoy, 4, kUp), "-0.2271");
  EXPECT_EQ(format_wan(Fraction(1512800000, 100), 1, kUp), "1512.8 万");
  EXPECT_EQ(format_decimal(Fraction(1512800000, 100), 2, kUp), "15128000.00");
}

TEST(Fraction, ZeroDenominatorIsUndefinedNeverZero) {
  const Fraction none(0, 0);
  EXPECT_FALSE(none.defined());
  EXPECT_FALSE(Fraction(5, 0).defined());
  EXPECT_EQ(format_percent(none, 2, kUp), "");
  EXPECT_EQ(format_decimal(none, 2, kUp), "");
  EXPECT_FALSE(Fraction::change(10, 0).defined());
  EXPECT_TRUE(Fraction(0, 7).defined());
  EXPECT_EQ(format_percent(Fraction(0, 7), 2, kUp), "0.00%");
}

TEST(Fraction, KeepsTheCountsAndReducesOnRequest) {
  const Fraction f(134, 400);
  EXPECT_EQ(f.num(), 134);
  EXPECT_EQ(f.den(), 400);
  EXPECT_EQ(f.reduced().num(), 67);
  EXPECT_EQ(f.reduced().den(), 200);
  EXPECT_TRUE(f == Fraction(67, 200));
  EXPECT_TRUE(Fraction(1, 3) < Fraction(1, 2));
}

TEST(Fraction, BigValuesStayExact) {
  // 10^20 fen does not fit in 64 bits; the fraction keeps it exact.
  const BigInt big = BigInt(100000000000LL) * BigInt(1000000000LL);
  EXPECT_EQ(format_decimal(Fraction(big + 5, 10), 0, kEven), "10000000000000000000");
  EXPECT_EQ(format_decimal(Fraction(big + 15, 10), 0, kEven), "10000000000000000002");
}

TEST(ApproximateTally, MatchesTheReportsWording) {
  EXPECT_EQ(approximate_tally(11837), "11800 余");
  EXPECT_EQ(approximate_tally(3352410), "335 万余");
  EXPECT_EQ(approximate_tally(3068500), "近 307 万");
  EXPECT_EQ(approximate_tally(503), "503");
  EXPECT_EQ(approximate_tally(12000), "12000");
  EXPECT_EQ(approximate_tally(3070000), "307 万");
  EXPECT_EQ(approximate_tally(11850), "近 11900");
}

// Counts up to INT64_MAX round without overflow, up or down, to any number
// of figures (rounding up to 5 figures passes INT64_MAX itself).
TEST(ApproximateTally, TheLargestCountsRoundExactly) {
  EXPECT_EQ(approximate_tally(INT64_MAX), "922000000000000 万余");
  EXPECT_EQ(approximate_tally(INT64_MAX, 5), "近 922340000000000 万");
  EXPECT_EQ(approximate_tally(INT64_MAX, 1), "900000000000000 万余");
  EXPECT_EQ(approximate_tally(INT64_MAX, 19), "9223372036854775807");
  EXPECT_EQ(approximate_tally(9223372036854775800, 0), approximate_tally(9223372036854775800, 1));
}

TEST(Money, ParsesEveryAcceptedForm) {
  struct Case {
    const char* text;
    int64_t fen;
  } cases[] = {
      {"15128000.00", 1512800000}, {"15128000", 1512800000},  {"15128000.5", 1512800050},
      {"1512.8万", 1512800000},    {"1512.8 万", 1512800000}, {"1512.8万元", 1512800000},
      {"3亿", 30000000000},        {"15,128,000.00", 1512800000}, {" 0.01 ", 1},
      {"0.000001万", 1},           {"0", 0},                  {"+12.30", 1230},
  };
  for (const Case& c : cases) {
    absl::StatusOr<int64_t> fen = parse_money_fen(c.text);
    ASSERT_TRUE(fen.ok()) << c.text << ": " << fen.status();
    EXPECT_EQ(*fen, c.fen) << c.text;
    int64_t fast = -1;
    ASSERT_TRUE(parse_money_fen(c.text, fast)) << c.text;
    EXPECT_EQ(fast, c.fen) << c.text;
  }
}

TEST(Money, RejectsWhatIsNotAWholeNumberOfFen) {
  struct Case {
    const char* text;
    const char* why;
  } cases[] = {
      {"1.234", "more than 2 decimals"}, {"0.0000001万", "finer than one fen"},
      {"abc", "not a number"},           {"", "empty"},
      {"-5.00", "negative"},             {"1,23", "not a number"},
      {"12.", "not a number"},           {"1.5e3", "not a number"},
      {"99999999999999999999", "too large"}, {"12万万", "not a number"},
  };
  for (const Case& c : cases) {
    absl::StatusOr<int64_t> fen = parse_money_fen(c.text);
    ASSERT_FALSE(fen.ok()) << c.text;
    EXPECT_NE(fen.status().message().find(c.why), std::string::npos)
        << c.text << " -> " << fen.status().message();
    int64_t fast = 0;
    EXPECT_FALSE(parse_money_fen(c.text, fast)) << c.text;
  }
}

TEST(Count, ParsesWholeNonNegativeNumbers) {
  EXPECT_EQ(*parse_count("439"), 439);
  EXPECT_EQ(*parse_count("12,008"), 12008);
  EXPECT_EQ(*parse_count(" 0 "), 0);
  EXPECT_FALSE(parse_count("-1").ok());
  EXPECT_FALSE(parse_count("1.5").ok());
  EXPECT_FALSE(parse_count("").ok());
  EXPECT_FALSE(parse_count("99999999999999999999").ok());
}

TEST(Rounding, ParsesItsNames) {
  EXPECT_EQ(*parse_rounding("half_up"), kUp);
  EXPECT_EQ(*parse_rounding("half_even"), kEven);
  EXPECT_EQ(*parse_rounding("truncate"), kTrunc);
  EXPECT_FALSE(parse_rounding("banker").ok());
  EXPECT_EQ(rounding_name(kEven), "half_even");
}

// The 64-bit form divides in 64 bits when the scaled numerator fits and in
// 128 bits when not: on both sides of that line, ties included, it writes the
// digits of the arbitrary-precision rounding.
TEST(FormatDecimal, SixtyFourBitFormAgreesWithArbitraryPrecisionAcrossTheWidths) {
  const int64_t max = std::numeric_limits<int64_t>::max();
  const std::vector<int64_t> nums = {0, 1, 5, 25, 125, 999999, 184467440737095516, 1844674407370955161,
                                     max / 2, max - 1, max, -1, -125, -max};
  const std::vector<int64_t> dens = {1, 2, 8, 10, 3, 7, 1000, 1'000'000'007, max};
  for (const int64_t num : nums) {
    for (const int64_t den : dens) {
      for (int decimals = 0; decimals <= 18; decimals += 1) {
        for (const Rounding mode : {kUp, kEven, kTrunc}) {
          const BigInt q = round_scaled(Fraction(num, den), decimals, mode);
          std::string want = BigInt(boost::multiprecision::abs(q)).str();
          if (want.size() <= static_cast<size_t>(decimals)) {
            want.insert(0, static_cast<size_t>(decimals) + 1 - want.size(), '0');
          }
          if (decimals > 0) want.insert(want.size() - static_cast<size_t>(decimals), ".");
          if (q < 0) want.insert(0, "-");
          EXPECT_EQ(format_decimal(num, den, decimals, mode), want)
              << num << "/" << den << " to " << decimals << " " << rounding_name(mode);
        }
      }
    }
  }
}

}  // namespace
}  // namespace fazhi
