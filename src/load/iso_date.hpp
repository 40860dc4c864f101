// iso_date.hpp -- the loaders' inline fast path for `YYYY-MM-DD` (internal).
//
// Every modern export writes ISO dates, and a large load reads millions of
// them: this path is inlined into the row loops. Anything else (other forms,
// padding, impossible dates) returns false and goes to parse_day_number /
// parse_date, which decide and explain.
#ifndef FAZHI_SRC_ISO_DATE_HPP_
#define FAZHI_SRC_ISO_DATE_HPP_

#include <cstdint>
#include <cstring>
#include <string_view>

#include "platform/bytes.hpp"
#include "fazhi/date.hpp"

namespace fazhi::internal {

// MonthStart is the day number of the 1st of a month and the month's length,
// for every month of [kMinYear, kMaxYear] (date.cpp fills it from Boost).
struct MonthStart {
  DayNumber first;
  int32_t length;
};
const MonthStart* month_starts() noexcept;

// parse_iso_day reads exactly `YYYY-MM-DD` of an existing day in range.
inline bool parse_iso_day(std::string_view text, DayNumber& out) noexcept {
  if (text.size() != 10) return false;
  uint64_t w;  // "YYYY-MM-", byte 0 lowest
  uint16_t t;  // "DD"
  std::memcpy(&w, text.data(), 8);
  std::memcpy(&t, text.data() + 8, 2);
  constexpr uint64_t kDashes = 0xFF0000FF00000000ULL;  // bytes 4 and 7
  if (!all_digits(w, kDashes) || !all_digits(t) || (w & kDashes) != 0x2D00002D00000000ULL) {
    return false;
  }
  // Digits become their values 0-9 when '0' is taken away (xor 0x30).
  const uint64_t d = (w ^ 0x3030303030303030ULL) & ~kDashes;
  const auto e = static_cast<uint16_t>(t ^ 0x3030);
  // Each byte becomes itself times ten plus the next byte, so bytes 0, 2 and
  // 5 hold the two-digit numbers "YY", "YY" and "MM" (at most 99: no carry).
  const uint64_t pairs = d * 10 + (d >> 8);
  const auto byte = [&](int i) { return static_cast<int>((pairs >> (8 * i)) & 0xFF); };
  const int year = byte(0) * 100 + byte(2);
  const int month = byte(5);
  const int day = (e & 0xFF) * 10 + (e >> 8);
  if (year < kMinYear || year > kMaxYear || month < 1 || month > 12 || day < 1) return false;
  const MonthStart& m = month_starts()[(year - kMinYear) * 12 + month - 1];
  if (day > m.length) return false;
  out = m.first + day - 1;
  return true;
}

}  // namespace fazhi::internal

#endif  // FAZHI_SRC_ISO_DATE_HPP_
