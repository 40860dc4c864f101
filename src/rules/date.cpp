#include "fazhi/date.hpp"

#include <array>
#include <cstdio>
#include <vector>

#include "absl/strings/str_cat.h"
#include "fazhi/text.hpp"
#include "load/iso_date.hpp"

namespace fazhi {
namespace {

using boost::gregorian::gregorian_calendar;

bool valid_ymd(int year, int month, int day) noexcept {
  if (year < kMinYear || year > kMaxYear || month < 1 || month > 12 || day < 1) return false;
  return day <= gregorian_calendar::end_of_month_day(static_cast<unsigned short>(year),
                                                     static_cast<unsigned short>(month));
}

DayNumber ymd_to_day(int year, int month, int day) noexcept {
  // Valid by construction (checked above), so Boost's constrained types never throw.
  return static_cast<DayNumber>(gregorian_calendar::day_number(
      gregorian_calendar::ymd_type(static_cast<unsigned short>(year),
                                   static_cast<unsigned short>(month),
                                   static_cast<unsigned short>(day))));
}

// Reads 1..max_digits ASCII digits at `pos`; advances `pos`.
bool read_number(std::string_view s, size_t& pos, int max_digits, int& value) noexcept {
  size_t start = pos;
  value = 0;
  while (pos < s.size() && pos - start < static_cast<size_t>(max_digits) && s[pos] >= '0' &&
         s[pos] <= '9') {
    value = value * 10 + (s[pos] - '0');
    ++pos;
  }
  return pos > start && (pos == s.size() || s[pos] < '0' || s[pos] > '9');
}

bool consume(std::string_view s, size_t& pos, std::string_view token) noexcept {
  if (s.substr(pos, token.size()) != token) return false;
  pos += token.size();
  return true;
}

// Splits text into year, month and day per the accepted forms; no range checks.
bool split_ymd(std::string_view s, int& year, int& month, int& day) noexcept {
  if (s.size() == 8 && s.find_first_not_of("0123456789") == std::string_view::npos) {
    year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    month = (s[4] - '0') * 10 + (s[5] - '0');
    day = (s[6] - '0') * 10 + (s[7] - '0');
    return true;
  }
  size_t pos = 0;
  if (!read_number(s, pos, 4, year) || pos != 4) return false;
  if (consume(s, pos, "年")) {
    if (!read_number(s, pos, 2, month) || !consume(s, pos, "月")) return false;
    if (!read_number(s, pos, 2, day)) return false;
    consume(s, pos, "日");  // 2019年3月5 is seen in exports too
    return pos == s.size();
  }
  if (pos >= s.size()) return false;
  const char sep = s[pos];
  if (sep != '-' && sep != '/' && sep != '.') return false;
  ++pos;
  if (!read_number(s, pos, 2, month) || pos >= s.size() || s[pos] != sep) return false;
  ++pos;
  if (!read_number(s, pos, 2, day)) return false;
  return pos == s.size();
}

}  // namespace

DayNumber to_day_number(Date date) noexcept { return static_cast<DayNumber>(date.day_number()); }

Date from_day_number(DayNumber day) noexcept {
  return Date(gregorian_calendar::from_day_number(static_cast<uint32_t>(day)));
}

bool parse_day_number(std::string_view text, DayNumber& out) noexcept {
  if (internal::parse_iso_day(text, out)) return true;  // the common form, inline
  int year = 0, month = 0, day = 0;
  std::string_view s = trim(text);
  if (!split_ymd(s, year, month, day) || !valid_ymd(year, month, day)) return false;
  out = ymd_to_day(year, month, day);
  return true;
}

absl::StatusOr<Date> parse_date(std::string_view text) {
  int year = 0, month = 0, day = 0;
  std::string_view s = trim(text);
  if (s.empty()) return absl::InvalidArgumentError("empty date");
  if (!split_ymd(s, year, month, day)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "not a date: '", absl_view(s), "' (expected YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYYMMDD or YYYY年M月D日)"));
  }
  if (year < kMinYear || year > kMaxYear) {
    return absl::InvalidArgumentError(
        absl::StrCat("year out of range in '", absl_view(s), "' (", kMinYear, "-", kMaxYear, ")"));
  }
  if (month < 1 || month > 12) {
    return absl::InvalidArgumentError(absl::StrCat("no month ", month, " in '", absl_view(s), "'"));
  }
  if (!valid_ymd(year, month, day)) {
    return absl::InvalidArgumentError(
        absl::StrCat("no such day: '", absl_view(s), "' (", year, "-", month, " has no day ", day, ")"));
  }
  return from_day_number(ymd_to_day(year, month, day));
}

std::string format_iso(Date date) {
  // A special value has no year, month or day (Boost would throw asking).
  if (date.is_not_a_date()) return "not-a-date";
  if (date.is_special()) return date.is_pos_infinity() ? "+infinity" : "-infinity";
  const auto ymd = date.year_month_day();
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(ymd.year),
                static_cast<int>(ymd.month), static_cast<int>(ymd.day));
  return buf;
}

std::string format_iso_day(DayNumber day) { return format_iso(from_day_number(day)); }

// The month table of parse_iso_day: 3,600 months, 29 KiB, taken from Boost once.
// A fixed array, not a vector: it is built at the first date a loader reads,
// inside noexcept code, so it must not allocate (memory running out there
// would end the process rather than fail the load).
const internal::MonthStart* internal::month_starts() noexcept {
  constexpr size_t kMonths = static_cast<size_t>(kMaxYear - kMinYear + 1) * 12;
  static const std::array<MonthStart, kMonths> table = [] {
    std::array<MonthStart, kMonths> t{};
    size_t k = 0;
    for (int y = kMinYear; y <= kMaxYear; ++y) {
      for (int m = 1; m <= 12; ++m) {
        t[k++] = {ymd_to_day(y, m, 1),
                  static_cast<int32_t>(gregorian_calendar::end_of_month_day(
                      static_cast<unsigned short>(y), static_cast<unsigned short>(m)))};
      }
    }
    return t;
  }();
  return table.data();
}

}  // namespace fazhi
