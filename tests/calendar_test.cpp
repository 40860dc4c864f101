#include "fazhi/calendar.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "absl/strings/str_split.h"

namespace fazhi {
namespace {

Date d(const char* iso) {
  absl::StatusOr<Date> date = parse_date(iso);
  EXPECT_TRUE(date.ok()) << iso;
  return *date;
}

bool workday(const Calendar& cal, const char* iso) {
  absl::StatusOr<bool> w = cal.is_workday(d(iso));
  EXPECT_TRUE(w.ok()) << iso << ": " << w.status();
  return w.ok() && *w;
}

int32_t between(const Calendar& cal, const char* a, const char* b) {
  absl::StatusOr<int32_t> n = cal.workdays_between(d(a), d(b));
  EXPECT_TRUE(n.ok()) << a << ".." << b << ": " << n.status();
  return n.ok() ? *n : -999;
}

std::string iso(const absl::StatusOr<Date>& date) {
  return date.ok() ? format_iso(*date) : std::string(date.status().ToString());
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const Calendar& national() { return Calendar::national(); }

TEST(Calendar, EveryRowOfTheDataFile) {
  const std::string csv = read_file(std::string(FAZHI_SOURCE_DIR) + "/data/cn_workday_calendar.csv");
  ASSERT_FALSE(csv.empty());
  int rows = 0;
  for (absl::string_view line : absl::StrSplit(csv, '\n', absl::SkipEmpty())) {
    if (line.substr(0, 5) == "date,") continue;
    std::vector<std::string> f = absl::StrSplit(line, ',');
    ASSERT_GE(f.size(), 2u) << line;
    absl::StatusOr<bool> w = national().is_workday(d(f[0].c_str()));
    ASSERT_TRUE(w.ok()) << line;
    EXPECT_EQ(*w, f[1] == "workday") << line;
    ++rows;
  }
  EXPECT_EQ(rows, 768);
}

TEST(Calendar, PlainWeeksFollowMondayToFriday) {
  EXPECT_TRUE(workday(national(), "2019-03-05"));   // Tuesday
  EXPECT_FALSE(workday(national(), "2019-03-09"));  // Saturday
  EXPECT_FALSE(workday(national(), "2019-03-10"));  // Sunday
  EXPECT_EQ(between(national(), "2019-03-01", "2019-03-08"), 5);
}

TEST(Calendar, NationalDayWeek2019) {
  EXPECT_EQ(between(national(), "2019-09-30", "2019-10-08"), 1);
  EXPECT_TRUE(workday(national(), "2019-09-29"));  // make-up Sunday
  EXPECT_TRUE(workday(national(), "2019-10-12"));  // make-up Saturday
  for (const char* day : {"2019-10-01", "2019-10-02", "2019-10-03", "2019-10-04", "2019-10-07"}) {
    EXPECT_FALSE(workday(national(), day)) << day;
  }
  EXPECT_EQ(between(national(), "2019-09-27", "2019-09-29"), 1);
  EXPECT_EQ(iso(national().next_workday(d("2019-09-30"))), "2019-10-08");
  EXPECT_EQ(iso(national().next_workday(d("2019-09-28"))), "2019-09-29");
  EXPECT_EQ(iso(national().add_workdays(d("2019-10-08"), 4)), "2019-10-12");
}

TEST(Calendar, SpringFestivalExtension2020) {
  // The COVID-19 notice extended the break to 2020-02-02 and cancelled the
  // 2020-02-01 make-up Saturday.
  EXPECT_FALSE(workday(national(), "2020-01-31"));
  EXPECT_FALSE(workday(national(), "2020-02-01"));
  EXPECT_FALSE(workday(national(), "2020-02-02"));
  EXPECT_TRUE(workday(national(), "2020-02-03"));
  EXPECT_TRUE(workday(national(), "2020-01-19"));  // the make-up Sunday that stood
  EXPECT_EQ(between(national(), "2020-01-23", "2020-02-03"), 1);
}

TEST(Calendar, YearBoundaries) {
  EXPECT_TRUE(workday(national(), "2018-12-29"));  // Saturday, paid for 2019 New Year
  EXPECT_FALSE(workday(national(), "2018-12-31"));
  EXPECT_FALSE(workday(national(), "2019-01-01"));
  EXPECT_EQ(between(national(), "2018-12-28", "2019-01-02"), 2);
  EXPECT_EQ(between(national(), "2004-01-01", "2004-01-02"), 1);
  EXPECT_EQ(between(national(), "2026-12-30", "2026-12-31"), 1);
  EXPECT_EQ(between(national(), "2019-10-08", "2019-09-30"), -1);
  EXPECT_EQ(between(national(), "2019-10-08", "2019-10-08"), 0);
  // Whole year 2019: 261 weekdays, less 17 weekday holidays, plus 6 make-up
  // weekend days (counted independently from the data file).
  EXPECT_EQ(between(national(), "2018-12-31", "2019-12-31"), 250);
}

TEST(Calendar, DatesOutsideTheLoadedYearsAreErrors) {
  for (const char* day : {"2027-01-04", "2003-12-31"}) {
    absl::StatusOr<bool> w = national().is_workday(d(day));
    ASSERT_FALSE(w.ok()) << day;
    EXPECT_EQ(w.status().code(), absl::StatusCode::kOutOfRange);
    EXPECT_NE(w.status().message().find(day), std::string::npos) << w.status();
  }
  EXPECT_EQ(national().workdays_between(d("2026-12-01"), d("2027-01-05")).status().code(),
            absl::StatusCode::kOutOfRange);
  EXPECT_EQ(national().add_workdays(d("2026-12-30"), 5).status().code(),
            absl::StatusCode::kOutOfRange);
  EXPECT_EQ(national().period_end_days(d("2026-12-20"), 30).status().code(),
            absl::StatusCode::kOutOfRange);
  EXPECT_EQ(format_iso(national().first_day()), "2004-01-01");
  EXPECT_EQ(format_iso(national().last_day()), "2026-12-31");
}

TEST(Calendar, NewerNoticeExtendsTheYears) {
  Calendar cal = national();
  // A hypothetical 2027 notice: New Year on Friday 2027-01-01, make-up Sunday 2027-01-03.
  ASSERT_TRUE(cal.merge_csv("date,kind,holiday\n2027-01-01,holiday,new_year\n"
                            "2027-01-03,workday,new_year\n",
                            "notice-2027.csv")
                  .ok());
  EXPECT_FALSE(workday(cal, "2027-01-01"));
  EXPECT_TRUE(workday(cal, "2027-01-03"));
  EXPECT_TRUE(workday(cal, "2027-01-04"));
  EXPECT_EQ(between(cal, "2026-12-31", "2027-01-04"), 2);
  EXPECT_EQ(format_iso(cal.last_day()), "2027-12-31");
  // The built-in calendar is untouched.
  EXPECT_FALSE(national().covers(d("2027-01-04")));
}

TEST(Calendar, NewerNoticeReplacesAYearWhole) {
  Calendar cal = national();
  // Re-announce 2020 without the extension: 2020-01-31 becomes a working day
  // again and the 2020-02-01 make-up Saturday reappears.
  ASSERT_TRUE(cal.merge_csv("date,kind,holiday\n2020-01-01,holiday,new_year\n"
                            "2020-01-24,holiday,spring_festival\n2020-01-30,holiday,spring_festival\n"
                            "2020-02-01,workday,spring_festival\n",
                            "revised-2020.csv")
                  .ok());
  EXPECT_TRUE(workday(cal, "2020-01-31"));
  EXPECT_TRUE(workday(cal, "2020-02-01"));
  EXPECT_TRUE(workday(cal, "2019-10-12"));  // other years are kept
}

TEST(Calendar, AGapYearIsNotGuessed) {
  Calendar cal = national();
  ASSERT_TRUE(cal.merge_csv("date,kind,holiday\n2028-01-01,holiday,new_year\n", "2028.csv").ok());
  EXPECT_TRUE(cal.covers(d("2028-06-01")));
  EXPECT_FALSE(cal.covers(d("2027-06-01")));
  EXPECT_EQ(cal.is_workday(d("2027-06-01")).status().code(), absl::StatusCode::kOutOfRange);
  absl::StatusOr<int32_t> n = cal.workdays_between(d("2026-12-01"), d("2028-02-01"));
  ASSERT_FALSE(n.ok());
  EXPECT_NE(n.status().message().find("2027"), std::string::npos) << n.status();
}

TEST(Calendar, MalformedNoticesAreRefusedWithTheLine) {
  struct Case {
    const char* csv;
    const char* message_part;
  } cases[] = {
      {"", "empty file"},
      {"day,type\n", "expected the header"},
      {"date,kind,holiday\n2019-02-30,holiday,x\n", "x.csv:2: no such day"},
      {"date,kind,holiday\n2019-10-08,workday,national_day\n", "not a weekend"},
      {"date,kind,holiday\n2019-10-01,rest,national_day\n", "kind must be"},
      {"date,kind,holiday\n2019-10-01,holiday,a\n2019-10-01,holiday,b\n", "listed twice"},
  };
  for (const Case& c : cases) {
    Calendar cal = national();
    absl::Status s = cal.merge_csv(c.csv, "x.csv");
    ASSERT_FALSE(s.ok()) << c.csv;
    EXPECT_NE(s.message().find(c.message_part), std::string::npos) << s;
    EXPECT_TRUE(workday(cal, "2019-09-29"));  // a failed merge changes nothing
  }
}

TEST(StatutoryPeriod, CalendarDaysRollOverRestDays) {
  // 行政诉讼法 art. 67: 15 days for the defence from 2019-09-20 end on
  // 2019-10-05, a holiday, so on the first working day after the break.
  EXPECT_EQ(iso(national().period_end_days(d("2019-09-20"), 15)), "2019-10-08");
  // 行政复议法 art. 62: 60 days from acceptance on 2019-08-02 -> 2019-10-01.
  EXPECT_EQ(iso(national().period_end_days(d("2019-08-02"), 60)), "2019-10-08");
  // An ordinary weekend rolls over too: 2019-03-01 + 15 = Saturday 2019-03-16.
  EXPECT_EQ(iso(national().period_end_days(d("2019-03-01"), 15)), "2019-03-18");
  // A working last day stays.
  EXPECT_EQ(iso(national().period_end_days(d("2019-03-01"), 60)), "2019-04-30");
}

TEST(StatutoryPeriod, MakeUpSaturdayEndsThePeriodUnlessTheProfileSaysOtherwise) {
  // 2019-09-14 + 15 days = Sunday 2019-09-29, a make-up working day.
  EXPECT_EQ(iso(national().period_end_days(d("2019-09-14"), 15)), "2019-09-29");
  PeriodRules rules;
  rules.roll_over_make_up_weekends = true;
  EXPECT_EQ(iso(national().period_end_days(d("2019-09-14"), 15, rules)), "2019-09-30");
}

TEST(StatutoryPeriod, WorkingDaysCountOnlyWorkingDays) {
  // 行政复议法 (2023) art. 30: 5 working days to decide on acceptance.
  // From Friday 2019-09-27: Sunday 09-29 (make-up), 09-30, 10-08, 10-09, 10-10.
  EXPECT_EQ(iso(national().period_end_workdays(d("2019-09-27"), 5)), "2019-10-10");
  EXPECT_EQ(iso(national().period_end_workdays(d("2019-09-30"), 1)), "2019-10-08");
}

TEST(StatutoryPeriod, MonthsClampToTheMonthEnd) {
  // 民法典 art. 202: no corresponding day -> the month's last day.
  EXPECT_EQ(iso(national().period_end_months(d("2019-01-31"), 1)), "2019-02-28");
  EXPECT_EQ(iso(national().period_end_months(d("2019-08-31"), 1)), "2019-09-30");
  // 2020-02-29 is a Saturday: it rolls over to Monday.
  EXPECT_EQ(iso(national().period_end_months(d("2020-01-31"), 1)), "2020-03-02");
  // Six months (行政诉讼法 art. 46) from 2019-04-01 -> 2019-10-01, in the break.
  EXPECT_EQ(iso(national().period_end_months(d("2019-04-01"), 6)), "2019-10-08");
  // 2018-11-30 + 14 months = 2020-01-30, inside the extended Spring Festival.
  EXPECT_EQ(iso(national().period_end_months(d("2018-11-30"), 14)), "2020-02-03");
}

// The slow, obvious reading of the period rules (docs/choices.md), day by day, built only
// on is_workday (itself checked against every row of the data file).
struct Naive {
  const Calendar& cal;
  bool work(Date d) const { return *cal.is_workday(d); }
  std::optional<Date> roll(Date d) const {
    while (cal.covers(d) && !work(d)) d += boost::gregorian::days(1);
    return cal.covers(d) ? std::optional<Date>(d) : std::nullopt;
  }
  std::optional<Date> days(Date event, int n) const {
    return roll(event + boost::gregorian::days(n));
  }
  std::optional<Date> workdays(Date event, int n) const {
    Date d = event;
    while (n > 0) {
      d += boost::gregorian::days(1);
      if (!cal.covers(d)) return std::nullopt;
      n -= work(d) ? 1 : 0;
    }
    return d;
  }
  std::optional<Date> months(Date event, int n) const {
    const int m = event.year() * 12 + event.month() - 1 + n;
    const int year = m / 12, month = m % 12 + 1;
    const int last = boost::gregorian::gregorian_calendar::end_of_month_day(
        static_cast<unsigned short>(year), static_cast<unsigned short>(month));
    const int day = std::min<int>(event.day(), last);
    const Date end(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
                   static_cast<unsigned short>(day));
    return cal.covers(end) ? roll(end) : std::nullopt;
  }
  int between(Date a, Date b) const {
    int n = 0;
    for (Date d = a + boost::gregorian::days(1); d <= b; d += boost::gregorian::days(1)) n += work(d);
    return n;
  }
};

std::string iso(const std::optional<Date>& d) { return d ? format_iso(*d) : "out of range"; }

TEST(StatutoryPeriod, AgreesWithADayByDayWalkOnEveryDay) {
  const Calendar& cal = national();
  const Naive naive{cal};
  int checked = 0;
  for (DayNumber day = to_day_number(cal.first_day()); day <= to_day_number(cal.last_day()); ++day) {
    const Date date = from_day_number(day);
    SCOPED_TRACE(format_iso(date));
    for (int32_t n : {1, 5, 15, 60}) {
      DayNumber fast = 0;
      ASSERT_EQ(cal.try_period_end_days(day, n, {}, fast) ? format_iso_day(fast) : "out of range",
                iso(naive.days(date, n)));
      ASSERT_EQ(cal.try_period_end_workdays(day, n, fast) ? format_iso_day(fast) : "out of range",
                iso(naive.workdays(date, n)));
    }
    for (int32_t months : {1, 6}) {
      DayNumber fast = 0;
      ASSERT_EQ(cal.try_period_end_months(day, months, {}, fast) ? format_iso_day(fast) : "out of range",
                iso(naive.months(date, months)));
    }
    int32_t n = -1;
    if (cal.try_workdays_between(day, day + 10, n)) {
      ASSERT_EQ(n, naive.between(date, date + boost::gregorian::days(10)));
    }
    ++checked;
  }
  EXPECT_EQ(checked, 8401);  // 2004-01-01 .. 2026-12-31
}

// A count of days, working days or months far past any calendar (up to
// INT32_MAX) is an OutOfRange error naming the last covered day: not an
// exception from Boost's date arithmetic, nor a day number that overflowed.
TEST(StatutoryPeriod, HugeCountsAreOutOfRange) {
  for (const int32_t n : {3000000, 100000000, INT32_MAX - 1, INT32_MAX}) {
    SCOPED_TRACE(n);
    for (const absl::StatusOr<Date>& end :
         {national().period_end_days(d("2019-01-01"), n), national().period_end_workdays(d("2019-01-01"), n),
          national().period_end_months(d("2019-01-01"), n), national().add_workdays(d("2019-01-01"), n)}) {
      ASSERT_FALSE(end.ok());
      EXPECT_EQ(end.status().code(), absl::StatusCode::kOutOfRange) << end.status();
      EXPECT_NE(end.status().message().find("2026-12-31"), std::string::npos) << end.status();
    }
    DayNumber out = 0;
    const DayNumber day = to_day_number(d("2019-01-01"));
    EXPECT_FALSE(national().try_period_end_days(day, n, {}, out));
    EXPECT_FALSE(national().try_period_end_workdays(day, n, out));
    EXPECT_FALSE(national().try_period_end_months(day, n, {}, out));
  }
  // From the last covered day, one day is already past it.
  EXPECT_EQ(national().period_end_days(d("2026-12-31"), 1).status().code(), absl::StatusCode::kOutOfRange);
  // A Boost special value is no day: an error, not an exception.
  for (const Date special : {Date(), Date(boost::date_time::pos_infin), Date(boost::date_time::neg_infin)}) {
    EXPECT_EQ(national().is_workday(special).status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(national().period_end_days(special, 10).status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(national().workdays_between(special, d("2019-01-01")).status().code(),
              absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(national().add_workdays(special, 1).status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(national().period_end_months(special, 1).status().code(), absl::StatusCode::kInvalidArgument);
  }
  EXPECT_EQ(format_iso(Date()), "not-a-date");
}

TEST(StatutoryPeriod, RejectsEmptyPeriods) {
  EXPECT_EQ(national().period_end_days(d("2019-03-01"), 0).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(national().add_workdays(d("2019-03-01"), -1).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace fazhi
