// fazhi/exact.hpp -- exact numbers: money in fen, rates as fractions, rounding once.
//
// No published figure passes through binary floating point. Money is an
// integer number of fen; a rate, share, average or YoY change is a Fraction of
// arbitrary-precision integers, rounded only when it is presented, by an
// explicit Rounding rule.
//
//   fazhi::Fraction win(110, 117);
//   fazhi::format_percent(win, 2, fazhi::Rounding::kHalfUp);     // "94.02%"
//   fazhi::format_percent({119, 393}, 2, fazhi::Rounding::kTruncate);  // "30.27%"
//   fazhi::parse_money_fen("1512.8万");                          // 1512800000
//   fazhi::approximate_tally(3068500);                           // "近 307 万"
#ifndef FAZHI_EXACT_HPP_
#define FAZHI_EXACT_HPP_

#include <cstdint>
#include <string>
#include <string_view>

#include <boost/multiprecision/cpp_int.hpp>

#include "absl/status/statusor.h"

namespace fazhi {

using BigInt = boost::multiprecision::cpp_int;

// Rounding names how a figure is cut to its published precision.
enum class Rounding {
  kHalfUp,    // 四舍五入: a tie moves away from zero (the default of published reports)
  kHalfEven,  // GB/T 8170-2008 四舍六入五成双: a tie goes to the even digit
  kTruncate,  // drop the extra digits (toward zero)
};

// parse_rounding reads `half_up`, `half_even` or `truncate`.
absl::StatusOr<Rounding> parse_rounding(std::string_view name);
std::string_view rounding_name(Rounding mode) noexcept;

// Fraction is an exact rational num/den. It is kept as given (110/117, or
// 134/400 rather than 67/200) so a reader can audit both counts; `reduced()`
// gives lowest terms. A zero denominator means the figure is undefined (a rate
// of nothing): it is never presented as 0.
class Fraction {
 public:
  Fraction() : num_(0), den_(0) {}
  Fraction(BigInt num, BigInt den);
  Fraction(int64_t num, int64_t den) : Fraction(BigInt(num), BigInt(den)) {}

  // undefined() is the figure with a zero denominator.
  static Fraction undefined() { return Fraction(); }

  bool defined() const { return den_ != 0; }
  const BigInt& num() const { return num_; }
  const BigInt& den() const { return den_; }

  // reduced is the same value in lowest terms with a positive denominator.
  Fraction reduced() const;

  // change_from is the relative change (this - previous) / previous, as in a
  // YoY figure; undefined when previous is 0 or undefined.
  static Fraction change(const BigInt& current, const BigInt& previous);

  // Exact comparison; both must be defined.
  friend bool operator==(const Fraction& a, const Fraction& b);
  friend bool operator<(const Fraction& a, const Fraction& b);

 private:
  BigInt num_;
  BigInt den_;  // kept >= 0; the sign lives in num_
};

// round_scaled rounds value * 10^decimals to an integer by `mode`. The value
// must be defined.
BigInt round_scaled(const Fraction& value, int decimals, Rounding mode);

// format_decimal writes the value with exactly `decimals` digits after the
// point (`0.9402`, `-0.2271`, `15128000.00`). Never "-0.00": a figure that
// rounds to zero is written without a sign. Undefined values give "".
std::string format_decimal(const Fraction& value, int decimals, Rounding mode);

// format_percent writes a share of 1 as a percentage: 110/117 -> "94.02%".
std::string format_percent(const Fraction& share, int decimals, Rounding mode);

// The same for a ratio of two 64-bit integers (den 0 gives ""), computed in
// 128-bit arithmetic: the form the metrics present, millions of times a run.
std::string format_decimal(int64_t num, int64_t den, int decimals, Rounding mode);
std::string format_percent(int64_t num, int64_t den, int decimals, Rounding mode);

// format_wan writes an amount (in the unit of `value`, e.g. yuan) in 万
// (10,000): 15128000 -> "1512.8 万" with one decimal.
std::string format_wan(const Fraction& value, int decimals, Rounding mode);

// approximate_tally writes a large count the way reports do: rounded half-up
// to `significant` figures, in 万 once the rounded figure is a whole number of
// 万 (a million or more), followed by 余 when the count is above what is
// written, and preceded by 近 when it is below it:
// 11837 -> "11800 余", 3352410 -> "335 万余", 3068500 -> "近 307 万", 503 -> "503".
std::string approximate_tally(int64_t count, int significant = 3);

// parse_money_fen reads an amount of money in yuan into integer fen:
// `15128000.00`, `15,128,000.00`, `1512.8万`, `3亿`, `1512.8万元`. The amount
// must be a whole number of fen: at most 2 decimals for a plain figure, at most
// 6 before 万 and 10 before 亿. A negative amount, an empty or non-numeric text,
// or one too large for 64-bit fen is an InvalidArgument error.
absl::StatusOr<int64_t> parse_money_fen(std::string_view text);

// parse_count reads a non-negative integer count (`439`, `12,008`).
absl::StatusOr<int64_t> parse_count(std::string_view text);

// Fast forms for the loaders: false instead of a message.
bool parse_money_fen(std::string_view text, int64_t& fen) noexcept;
bool parse_count(std::string_view text, int64_t& value) noexcept;

}  // namespace fazhi

#endif  // FAZHI_EXACT_HPP_
