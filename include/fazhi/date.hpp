// fazhi/date.hpp -- calendar dates as they appear in government exports.
//
// Dates are Boost.Date_Time gregorian dates. Columnar storage keeps them as a
// `DayNumber` (Boost's serial day number), so a difference of two dates is a
// subtraction and a period test is two integer comparisons.
//
//   absl::StatusOr<fazhi::Date> d = fazhi::parse_date("2019年3月5日");
//   if (d.ok()) std::cout << fazhi::format_iso(*d);  // 2019-03-05
#ifndef FAZHI_DATE_HPP_
#define FAZHI_DATE_HPP_

#include <cstdint>
#include <string>
#include <string_view>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include "absl/status/statusor.h"

namespace fazhi {

using Date = boost::gregorian::date;

// DayNumber is a date's serial number (Boost's Julian day number): consecutive
// days differ by one.
using DayNumber = int32_t;

// kMinYear / kMaxYear bound the years `parse_date` accepts. Anything outside is
// a typo in this domain (an export that writes 0019 or 20190), not a date.
inline constexpr int kMinYear = 1900;
inline constexpr int kMaxYear = 2199;

// to_day_number / from_day_number convert between the two representations.
DayNumber to_day_number(Date date) noexcept;
Date from_day_number(DayNumber day) noexcept;

// parse_date reads one of the date forms of docs/data.md: `2019-03-05`,
// `2019/3/5`, `2019.3.5`, `20190305` and `2019年3月5日` (months and days with
// or without a leading zero, except in the 8-digit form). Surrounding ASCII and
// full-width spaces are ignored. A date that does not exist (2019-02-30, month
// 13) or a year outside [kMinYear, kMaxYear] is an InvalidArgument error whose
// message quotes the text.
absl::StatusOr<Date> parse_date(std::string_view text);

// parse_day_number is `parse_date` for the loaders' hot path: it returns false
// instead of building a message. `2019-03-05` takes a branch-light fast path.
bool parse_day_number(std::string_view text, DayNumber& out) noexcept;

// format_iso writes `YYYY-MM-DD`.
std::string format_iso(Date date);
std::string format_iso_day(DayNumber day);

}  // namespace fazhi

#endif  // FAZHI_DATE_HPP_
