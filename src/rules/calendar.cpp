#include "fazhi/calendar.hpp"

#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "fazhi/text.hpp"
#include "load/encoding.hpp"
#include "platform/file.hpp"

namespace fazhi {
namespace internal {
extern const std::string_view kNationalCalendarCsv;  // generated from the data file
}  // namespace internal

namespace {

int year_of(DayNumber day) { return from_day_number(day).year(); }

DayNumber jan_first(int year) {
  return to_day_number(Date(static_cast<unsigned short>(year), 1, 1));
}

bool is_weekend(DayNumber day) {
  const auto wd = from_day_number(day).day_of_week().as_number();  // 0 = Sunday
  return wd == 0 || wd == 6;
}

}  // namespace

const Calendar& Calendar::national() {
  static const Calendar* const kNational = [] {
    absl::StatusOr<Calendar> cal = from_csv(internal::kNationalCalendarCsv, "<built-in>");
    // The embedded table is checked by the build's tests; failing here means a
    // corrupted data file was compiled in, which no caller could recover from.
    if (!cal.ok()) std::abort();
    return new Calendar(*std::move(cal));
  }();
  return *kNational;
}

absl::StatusOr<Calendar> Calendar::from_csv(std::string_view csv, std::string_view source) {
  Calendar cal;
  if (absl::Status s = cal.add_rows(csv, source, /*replace_years=*/true); !s.ok()) return s;
  if (cal.years_.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(absl_view(source), ": no holiday rows"));
  }
  cal.rebuild();
  return cal;
}

absl::Status Calendar::merge_csv(std::string_view csv, std::string_view source) {
  Calendar merged = *this;
  if (absl::Status s = merged.add_rows(csv, source, /*replace_years=*/true); !s.ok()) return s;
  merged.rebuild();
  *this = std::move(merged);
  return absl::OkStatus();
}

absl::Status Calendar::merge_csv_file(const std::string& path) {
  absl::StatusOr<std::string> text =
      internal::read_small_file(path, internal::to_valid_utf8(path), internal::kMaxCalendarBytes);
  if (!text.ok()) return text.status();
  return merge_csv(*text, path);
}

absl::Status Calendar::add_rows(std::string_view csv, std::string_view source,
                                bool replace_years) {
  if (csv.substr(0, 3) == "\xEF\xBB\xBF") csv.remove_prefix(3);
  const absl::string_view src = absl_view(source);
  std::map<DayNumber, DayKind> rows;
  std::set<int> years;
  int line_no = 0;
  bool header_seen = false;
  // The file is the plain `date,kind,holiday` table of data/README.md: no
  // quoting, one row a line.
  while (!csv.empty()) {
    const size_t eol = csv.find('\n');
    std::string_view line = trim(csv.substr(0, eol));
    csv.remove_prefix(eol == std::string_view::npos ? csv.size() : eol + 1);
    ++line_no;
    if (line.empty()) continue;
    auto error = [&](auto&&... parts) {
      return absl::InvalidArgumentError(absl::StrCat(src, ":", line_no, ": ", parts...));
    };
    const size_t comma = line.find(',');
    const std::string_view first = trim(line.substr(0, comma));
    std::string_view second = comma == std::string_view::npos ? "" : line.substr(comma + 1);
    second = trim(second.substr(0, second.find(',')));
    if (!header_seen) {
      header_seen = true;
      if (first != "date" || second != "kind") return error("expected the header 'date,kind,holiday'");
      continue;
    }
    absl::StatusOr<Date> date = parse_date(first);
    if (!date.ok()) return error(date.status().message());
    const DayNumber day = to_day_number(*date);
    DayKind kind;
    if (second == "holiday") {
      kind = DayKind::kHoliday;
      years.insert(date->year());
    } else if (second == "workday") {
      // Only a weekend day can be made a working day; anything else is a typo.
      if (!is_weekend(day)) return error(format_iso(*date), " is a make-up working day but not a weekend");
      kind = DayKind::kWorkday;
    } else {
      return error("kind must be 'holiday' or 'workday', not '", absl_view(second), "'");
    }
    if (!rows.emplace(day, kind).second) return error(format_iso(*date), " is listed twice");
  }
  if (!header_seen) return absl::InvalidArgumentError(absl::StrCat(src, ": empty file"));
  if (replace_years) {
    for (int y : years) {
      rows_.erase(rows_.lower_bound(jan_first(y)), rows_.lower_bound(jan_first(y + 1)));
    }
  }
  for (const auto& [day, kind] : rows) rows_[day] = kind;
  years_.insert(years.begin(), years.end());
  return absl::OkStatus();
}

void Calendar::rebuild() {
  first_ = jan_first(*years_.begin());
  end_ = jan_first(*years_.rbegin() + 1);
  const size_t n = static_cast<size_t>(end_ - first_);
  workdays_before_.assign(n + 1, 0);
  uncovered_before_.assign(n + 1, 0);
  workday_offsets_.clear();
  for (size_t i = 0; i < n; ++i) {
    const DayNumber day = first_ + static_cast<DayNumber>(i);
    // Rule for consumers (data/README.md): a working day has a `workday` row,
    // or is Monday-Friday without a `holiday` row.
    auto row = rows_.find(day);
    bool work = row == rows_.end() ? !is_weekend(day) : row->second == DayKind::kWorkday;
    const bool covered = years_.count(year_of(day)) > 0;
    if (!covered) work = false;
    workdays_before_[i + 1] = workdays_before_[i] + (work ? 1 : 0);
    uncovered_before_[i + 1] = uncovered_before_[i] + (covered ? 0 : 1);
    if (work) workday_offsets_.push_back(static_cast<int32_t>(i));
  }
}

Date Calendar::first_day() const noexcept { return from_day_number(first_); }
Date Calendar::last_day() const noexcept { return from_day_number(end_ - 1); }

bool Calendar::covers(Date date) const noexcept {
  const DayNumber day = to_day_number(date);
  if (day < first_ || day >= end_) return false;
  const int32_t i = offset(day);
  return uncovered_before_[i + 1] == uncovered_before_[i];
}

absl::Status Calendar::check_covered(Date date) const {
  if (covers(date)) return absl::OkStatus();
  if (date.is_special()) {  // not_a_date_time or an infinity: no day, and no year to name
    return absl::InvalidArgumentError(absl::StrCat("a day is needed, not ", format_iso(date)));
  }
  std::string years;
  for (int y : years_) absl::StrAppend(&years, years.empty() ? "" : ",", y);
  return absl::OutOfRangeError(absl::StrCat(
      format_iso(date), " is outside the loaded working-day calendar (",
      static_cast<int>(first_day().year()), "-", static_cast<int>(last_day().year()),
      uncovered_before_.back() > 0 ? absl::StrCat(", years ", years) : "",
      "); load the State Council notice for ", static_cast<int>(date.year())));
}

absl::StatusOr<bool> Calendar::is_workday(Date date) const {
  if (absl::Status s = check_covered(date); !s.ok()) return s;
  const int32_t i = offset(to_day_number(date));
  return workdays_before_[i + 1] > workdays_before_[i];
}

absl::StatusOr<Date> Calendar::next_workday(Date date) const {
  return add_workdays(date, 1);
}

absl::StatusOr<int32_t> Calendar::workdays_between(Date a, Date b) const {
  int32_t n = 0;
  if (try_workdays_between(to_day_number(a), to_day_number(b), n)) return n;
  // Name the first date that falls outside.
  if (absl::Status s = check_covered(a); !s.ok()) return s;
  if (absl::Status s = check_covered(b); !s.ok()) return s;
  const Date lo = std::min(a, b), hi = std::max(a, b);
  for (int y = lo.year(); y <= hi.year(); ++y) {
    if (!years_.count(y)) {
      return absl::OutOfRangeError(absl::StrCat("the working-day calendar has no notice for ", y,
                                                ", which lies between ", format_iso(a), " and ",
                                                format_iso(b)));
    }
  }
  return absl::InternalError("calendar tables inconsistent");
}

absl::StatusOr<Date> Calendar::add_workdays(Date date, int32_t n) const {
  if (n < 0) return absl::InvalidArgumentError("add_workdays needs n >= 0");
  if (absl::Status s = check_covered(date); !s.ok()) return s;
  if (n == 0) return date;
  const int32_t i = offset(to_day_number(date));
  const int64_t k = static_cast<int64_t>(workdays_before_[i + 1]) + n - 1;
  if (k >= static_cast<int64_t>(workday_offsets_.size())) return past_the_end(date, n, "working days");
  const Date result = from_day_number(first_ + workday_offsets_[static_cast<size_t>(k)]);
  if (absl::Status s = workdays_between(date, result).status(); !s.ok()) return s;
  return result;
}

absl::Status Calendar::past_the_end(Date from, int32_t n, std::string_view units) const {
  return absl::OutOfRangeError(absl::StrCat(n, " ", absl_view(units), " after ", format_iso(from),
                                            " run past the loaded working-day calendar (to ",
                                            format_iso(last_day()), ")"));
}

bool Calendar::is_covered_span(DayNumber a, DayNumber b) const noexcept {
  if (a > b || a < first_ || b >= end_) return false;
  return uncovered_before_[offset(b) + 1] == uncovered_before_[offset(a)];
}

bool Calendar::try_roll_over(DayNumber day, PeriodRules rules, DayNumber& out) const noexcept {
  if (!is_covered_span(day, day)) return false;
  int32_t i = offset(day);
  for (;;) {
    const bool work = workdays_before_[i + 1] > workdays_before_[i];
    if (work && !(rules.roll_over_make_up_weekends && is_weekend(first_ + i))) break;
    // Not a last day: take the next working day (民事诉讼法 art. 85 para 2).
    const size_t k = static_cast<size_t>(workdays_before_[i + 1]);
    if (k >= workday_offsets_.size()) return false;
    const int32_t next = workday_offsets_[k];
    if (!is_covered_span(first_ + i, first_ + next)) return false;
    i = next;
  }
  out = first_ + i;
  return true;
}

absl::StatusOr<Date> Calendar::roll_over(Date end, PeriodRules rules) const {
  DayNumber out = 0;
  if (try_roll_over(to_day_number(end), rules, out)) return from_day_number(out);
  if (absl::Status s = check_covered(end); !s.ok()) return s;
  return absl::OutOfRangeError(absl::StrCat("the period ending ", format_iso(end),
                                            " rolls over past the loaded calendar"));
}

bool Calendar::try_period_end_days(DayNumber event, int32_t n, PeriodRules rules,
                                   DayNumber& out) const noexcept {
  // The event day is not counted (民诉法解释 art. 125), so the n-th day is
  // event + n; n is compared with the days left before it is added, so that
  // no n (INT32_MAX included) overflows the day number.
  return n >= 1 && is_covered_span(event, event) && n < end_ - event &&
         try_roll_over(event + n, rules, out);
}

bool Calendar::try_period_end_workdays(DayNumber event, int32_t n, DayNumber& out) const noexcept {
  if (n < 1 || !is_covered_span(event, event)) return false;
  const int64_t k = static_cast<int64_t>(workdays_before_[offset(event) + 1]) + n - 1;
  if (k >= static_cast<int64_t>(workday_offsets_.size())) return false;
  const DayNumber end = first_ + workday_offsets_[static_cast<size_t>(k)];
  if (!is_covered_span(event, end)) return false;
  out = end;
  return true;
}

absl::StatusOr<Date> Calendar::period_end_days(Date event, int32_t n, PeriodRules rules) const {
  if (n < 1) return absl::InvalidArgumentError("a period needs at least 1 day");
  if (absl::Status s = check_covered(event); !s.ok()) return s;
  // An end within the years a calendar can hold is named by roll_over's
  // error (with the year whose notice is missing); one beyond them cannot be
  // a date at all. Compared before adding, so that no n overflows.
  const DayNumber day = to_day_number(event);
  static const DayNumber kLastDay = to_day_number(Date(kMaxYear, 12, 31));
  if (n > kLastDay - day) return past_the_end(event, n, "days");
  return roll_over(from_day_number(day + n), rules);
}

absl::StatusOr<Date> Calendar::period_end_workdays(Date event, int32_t n) const {
  if (n < 1) return absl::InvalidArgumentError("a period needs at least 1 working day");
  return add_workdays(event, n);
}

bool Calendar::try_period_end_months(DayNumber event, int32_t n, PeriodRules rules,
                                     DayNumber& out) const noexcept {
  if (n < 1 || !is_covered_span(event, event)) return false;
  using boost::gregorian::gregorian_calendar;
  const auto ymd = gregorian_calendar::from_day_number(static_cast<uint32_t>(event));
  const int64_t months = int64_t{ymd.year} * 12 + (ymd.month - 1) + n;
  const int year = static_cast<int>(months / 12), month = static_cast<int>(months % 12) + 1;
  if (year > kMaxYear) return false;
  // 民法典 art. 202: the corresponding day of the last month, else its last day.
  const int last = gregorian_calendar::end_of_month_day(static_cast<unsigned short>(year),
                                                        static_cast<unsigned short>(month));
  const int day = std::min(static_cast<int>(ymd.day), last);
  const DayNumber end = static_cast<DayNumber>(gregorian_calendar::day_number(
      gregorian_calendar::ymd_type(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
                                   static_cast<unsigned short>(day))));
  return try_roll_over(end, rules, out);  // then the rest-day roll-over of art. 203
}

absl::StatusOr<Date> Calendar::period_end_months(Date event, int32_t n, PeriodRules rules) const {
  if (n < 1) return absl::InvalidArgumentError("a period needs at least 1 month");
  if (absl::Status s = check_covered(event); !s.ok()) return s;
  DayNumber out = 0;
  if (try_period_end_months(to_day_number(event), n, rules, out)) return from_day_number(out);
  return past_the_end(event, n, "months");
}

}  // namespace fazhi
