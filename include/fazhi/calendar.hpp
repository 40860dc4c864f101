// fazhi/calendar.hpp -- China's official working-day calendar and statutory periods.
//
// A day is a working day when the State Council's holiday notice makes it one
// (a make-up Saturday or Sunday, 调休上班) or when it is a Monday-Friday that
// the notice does not make a holiday. The national table is compiled in from
// data/cn_workday_calendar.csv; a newer notice can be merged at run time.
// Every query is O(1): prefix counts of working days over the covered years.
// A date in a year with no loaded notice is an OutOfRange error, never a guess.
//
//   const fazhi::Calendar& cal = fazhi::Calendar::national();
//   auto n = cal.workdays_between(Date(2019, 9, 30), Date(2019, 10, 8));  // 1
//   auto due = cal.period_end_days(event, 15);  // fazhi/time_limits.hpp: the legal limits
#ifndef FAZHI_CALENDAR_HPP_
#define FAZHI_CALENDAR_HPP_

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "fazhi/date.hpp"

namespace fazhi {

// PeriodRules holds the questions the law leaves open (docs/choices.md) as switches.
struct PeriodRules {
  // A period whose last day falls on a make-up Saturday/Sunday (调休上班) ends
  // there by default: the day is a working day, not a 法定休假日. Set this to
  // roll such a last day over as if it were an ordinary weekend.
  bool roll_over_make_up_weekends = false;
};

class Calendar {
 public:
  // national returns the built-in calendar (2004 onwards, from the data file).
  static const Calendar& national();

  // from_csv builds a calendar from text in the data file's format
  // (`date,kind,holiday`; kind is `holiday` or `workday`). `source` names the
  // text in error messages (a path, or "<built-in>").
  static absl::StatusOr<Calendar> from_csv(std::string_view csv, std::string_view source);

  // merge_csv lays a newer notice over this calendar. Every year that has a
  // `holiday` row in `csv` is replaced whole by the new rows (so a revised
  // notice can also cancel a make-up day, as the 2020 extension did) and
  // becomes covered; `workday` rows dated in a neighbouring year (a make-up
  // Saturday in late December) are added to that year.
  absl::Status merge_csv(std::string_view csv, std::string_view source);
  absl::Status merge_csv_file(const std::string& path);

  // first_day / last_day bound the covered years (inclusive); a year inside
  // them may still be uncovered if a notice for it was never loaded.
  Date first_day() const noexcept;
  Date last_day() const noexcept;
  bool covers(Date date) const noexcept;

  absl::StatusOr<bool> is_workday(Date date) const;

  // next_workday is the first working day strictly after `date`.
  absl::StatusOr<Date> next_workday(Date date) const;

  // workdays_between counts the working days d with a < d <= b (negative when
  // b < a), so an application on day a decided on day b took that many
  // working days, and a decision on the same day took 0.
  absl::StatusOr<int32_t> workdays_between(Date a, Date b) const;

  // add_workdays is the n-th working day after `date` (n >= 0; 0 is `date`).
  absl::StatusOr<Date> add_workdays(Date date, int32_t n) const;

  // period_end_days ends a period of n calendar days starting after `event`.
  // 民事诉讼法 (2023) art. 85: the first day is not counted, and a last day that
  // is a 法定休假日 moves to the first day after the rest; 行政诉讼法 art. 101 and
  // 行政复议法 (2023) art. 88 para 1 import that rule.
  absl::StatusOr<Date> period_end_days(Date event, int32_t n, PeriodRules rules = {}) const;

  // period_end_workdays ends a period of n working days (行政复议法 (2023)
  // art. 88 para 2: the 3-, 5-, 7- and 10-day periods): the n-th working day
  // after `event`.
  absl::StatusOr<Date> period_end_workdays(Date event, int32_t n) const;

  // period_end_months ends a period of n months: the same day of the month n
  // months later, or that month's last day when it has no such day (民法典
  // art. 202), then the rest-day roll-over of art. 203.
  absl::StatusOr<Date> period_end_months(Date event, int32_t n, PeriodRules rules = {}) const;

  // The hot-path forms used by the metrics: false when outside the calendar,
  // else the same answers as the Status forms above.
  bool try_workdays_between(DayNumber a, DayNumber b, int32_t& out) const noexcept;
  bool try_period_end_days(DayNumber event, int32_t n, PeriodRules rules,
                           DayNumber& out) const noexcept;
  bool try_period_end_workdays(DayNumber event, int32_t n, DayNumber& out) const noexcept;
  bool try_period_end_months(DayNumber event, int32_t n, PeriodRules rules,
                             DayNumber& out) const noexcept;

 private:
  enum class DayKind : uint8_t { kHoliday, kWorkday };
  Calendar() = default;
  absl::Status add_rows(std::string_view csv, std::string_view source, bool replace_years);
  void rebuild();
  absl::Status check_covered(Date date) const;
  // Offset of `day` into the tables; requires covers().
  int32_t offset(DayNumber day) const noexcept { return day - first_; }
  absl::StatusOr<Date> roll_over(Date end, PeriodRules rules) const;
  // past_the_end is the OutOfRange error of a period or a count of n `units`
  // after `from` that ends beyond the last covered day.
  absl::Status past_the_end(Date from, int32_t n, std::string_view units) const;
  // The first day on or after `day` that ends a period under `rules`.
  bool try_roll_over(DayNumber day, PeriodRules rules, DayNumber& out) const noexcept;
  bool is_covered_span(DayNumber a, DayNumber b) const noexcept;

  std::map<DayNumber, DayKind> rows_;  // the notices, date by date
  std::set<int> years_;                // years that have a notice
  DayNumber first_ = 0;                // Jan 1 of the first covered year
  DayNumber end_ = 0;                  // the day after Dec 31 of the last covered year
  // For day offset i: working days (and uncovered days) among offsets [0, i).
  std::vector<int32_t> workdays_before_;
  std::vector<int32_t> uncovered_before_;
  std::vector<int32_t> workday_offsets_;  // offset of the k-th working day
};

// Defined here so that the record pass, which asks once or twice per record,
// inlines it: two table lookups and a coverage check.
inline bool Calendar::try_workdays_between(DayNumber a, DayNumber b, int32_t& out) const noexcept {
  if (a < first_ || a >= end_ || b < first_ || b >= end_) return false;
  const int32_t ia = offset(a), ib = offset(b);
  const int32_t lo = std::min(ia, ib), hi = std::max(ia, ib);
  if (uncovered_before_[hi + 1] != uncovered_before_[lo]) return false;
  out = workdays_before_[ib + 1] - workdays_before_[ia + 1];
  return true;
}

}  // namespace fazhi

#endif  // FAZHI_CALENDAR_HPP_
