#include "fazhi/date.hpp"

#include <gtest/gtest.h>

namespace fazhi {
namespace {

Date ymd(int y, int m, int d) {
  return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
              static_cast<unsigned short>(d));
}

TEST(ParseDate, AcceptsEveryFormOfDataMd) {
  const Date expected = ymd(2019, 3, 5);
  for (const char* text : {"2019-03-05", "2019-3-5", "2019/3/5", "2019/03/05", "2019.3.5",
                           "20190305", "2019年3月5日", "2019年03月05日", "2019年3月5",
                           " 2019-03-05 ", "\xE3\x80\x80" "2019/3/5" "\xE3\x80\x80"}) {
    absl::StatusOr<Date> d = parse_date(text);
    ASSERT_TRUE(d.ok()) << text << ": " << d.status();
    EXPECT_EQ(*d, expected) << text;
    DayNumber day = 0;
    ASSERT_TRUE(parse_day_number(text, day)) << text;
    EXPECT_EQ(day, to_day_number(expected)) << text;
  }
}

TEST(ParseDate, RejectsImpossibleDatesWithAClearMessage) {
  struct Case {
    const char* text;
    const char* message_part;
  } cases[] = {
      {"2019-02-30", "2019-2 has no day 30"},
      {"2019-13-01", "no month 13"},
      {"2019年2月29日", "has no day 29"},
      {"20190230", "has no day 30"},
      {"2019-00-10", "no month 0"},
      {"2019-04-31", "has no day 31"},
      {"0019-03-05", "year out of range"},
      {"", "empty date"},
      {"2019-03-05x", "not a date"},
      {"2019-03/05", "not a date"},
      {"19-3-5", "not a date"},
      {"2019-003-05", "not a date"},
      {"yesterday", "not a date"},
  };
  for (const Case& c : cases) {
    absl::StatusOr<Date> d = parse_date(c.text);
    ASSERT_FALSE(d.ok()) << c.text;
    EXPECT_EQ(d.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_NE(d.status().message().find(c.message_part), std::string::npos)
        << c.text << " -> " << d.status().message();
    DayNumber day = 0;
    EXPECT_FALSE(parse_day_number(c.text, day)) << c.text;
  }
}

TEST(ParseDate, LeapDayExistsOnlyInLeapYears) {
  EXPECT_TRUE(parse_date("2020-02-29").ok());
  EXPECT_TRUE(parse_date("2000-02-29").ok());
  EXPECT_FALSE(parse_date("1900-02-29").ok());
  EXPECT_FALSE(parse_date("2019-02-29").ok());
}

TEST(DayNumber, RoundTripsAndCountsDays) {
  const Date d = ymd(2019, 12, 31);
  EXPECT_EQ(from_day_number(to_day_number(d)), d);
  EXPECT_EQ(to_day_number(ymd(2020, 1, 1)) - to_day_number(d), 1);
  EXPECT_EQ(to_day_number(ymd(2020, 1, 1)) - to_day_number(ymd(2019, 1, 1)), 365);
  EXPECT_EQ(format_iso(d), "2019-12-31");
  EXPECT_EQ(format_iso_day(to_day_number(ymd(2019, 3, 5))), "2019-03-05");
}

// Every ISO date of the supported years, through the loaders' fast path, is
// the day parse_date gives (and a digit swapped for a letter is refused).
TEST(ParseDate, EveryIsoDayOfTheSupportedYearsReadsBack) {
  const DayNumber first = to_day_number(*parse_date("1900-01-01"));
  const DayNumber last = to_day_number(*parse_date("2199-12-31"));
  for (DayNumber d = first; d <= last; ++d) {
    const std::string text = format_iso_day(d);
    DayNumber read = 0;
    ASSERT_TRUE(parse_day_number(text, read)) << text;
    ASSERT_EQ(read, d) << text;
    std::string broken = text;
    broken[9] = 'x';
    ASSERT_FALSE(parse_day_number(broken, read)) << broken;
  }
}

}  // namespace
}  // namespace fazhi

