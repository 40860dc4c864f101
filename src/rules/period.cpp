// Periods: the report's period, the year-ago period (同比) and the period
// just before (环比), as closed ranges of day numbers (fazhi/metrics.hpp).

#include "absl/strings/str_cat.h"
#include "fazhi/metrics.hpp"

namespace fazhi {

absl::StatusOr<Period> make_period(Date from, Date to) {
  if (to < from) {
    return absl::InvalidArgumentError(
        absl::StrCat("the period ends (", format_iso(to), ") before it starts (", format_iso(from), ")"));
  }
  return Period{to_day_number(from), to_day_number(to)};
}

Period year_period(int year) {
  const auto y = static_cast<unsigned short>(year);
  return Period{to_day_number(Date(y, 1, 1)), to_day_number(Date(y, 12, 31))};
}

Period previous_period(Period p) {
  const Date from = from_day_number(p.from), to = from_day_number(p.to);
  const Date after_to = to + boost::gregorian::days(1);
  // Whole months (a whole year is twelve of them): the same months before.
  if (from.day() == 1 && after_to.day() == 1) {
    const int months = (after_to.year() - from.year()) * 12 + (after_to.month() - from.month());
    const Date prev_from = from - boost::gregorian::months(months);
    return Period{to_day_number(prev_from), p.from - 1};
  }
  return Period{static_cast<DayNumber>(p.from - p.days()), p.from - 1};
}

Period year_ago_period(Period p) {
  const Date from = from_day_number(p.from), to = from_day_number(p.to);
  // The same month and day `years` earlier; 29 February becomes 28 February.
  auto earlier = [](Date d, int years) {
    const auto y = static_cast<unsigned short>(d.year() - years);
    const bool leap_day = d.month() == 2 && d.day() == 29 && !boost::gregorian::gregorian_calendar::is_leap_year(y);
    return to_day_number(Date(y, d.month(), leap_day ? 28 : static_cast<unsigned short>(d.day())));
  };
  for (int years = 1;; ++years) {
    const Period q{earlier(from, years), earlier(to, years)};
    if (q.to < p.from) return q;
  }
}

bool is_whole_years(Period p) {
  const Date from = from_day_number(p.from), to = from_day_number(p.to);
  return from.month() == 1 && from.day() == 1 && to.month() == 12 && to.day() == 31;
}

}  // namespace fazhi
