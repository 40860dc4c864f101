#include "fazhi/exact.hpp"

#include <algorithm>
#include <charconv>
#include <limits>

#include "absl/strings/str_cat.h"
#include "fazhi/text.hpp"

namespace fazhi {
namespace {

BigInt pow10(int n) {
  BigInt p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

// Reads digits with optional 3-digit thousands groups and an optional
// fraction into an integer of units of 10^-max_decimals. `decimals_seen`
// reports how many fraction digits were written.
bool read_decimal(std::string_view s, int max_decimals, BigInt& units, int& decimals_seen) {
  size_t pos = 0;
  BigInt whole = 0;
  size_t digits = 0, group = 0;
  bool grouped = false;
  while (pos < s.size() && (std::isdigit(static_cast<unsigned char>(s[pos])) || s[pos] == ',')) {
    if (s[pos] == ',') {
      // A separator needs 1-3 digits before the first one, exactly 3 between.
      if (digits == 0 || (grouped && group != 3) || (!grouped && group > 3)) return false;
      grouped = true;
      group = 0;
    } else {
      whole = whole * 10 + (s[pos] - '0');
      ++digits;
      ++group;
    }
    ++pos;
  }
  if (digits == 0 || (grouped && group != 3)) return false;
  BigInt frac = 0;
  decimals_seen = 0;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) {
      if (decimals_seen == max_decimals) return false;  // finer than allowed
      frac = frac * 10 + (s[pos] - '0');
      ++decimals_seen;
      ++pos;
    }
    if (decimals_seen == 0) return false;  // "12." is not a number
  }
  if (pos != s.size()) return false;
  units = whole * pow10(max_decimals) + frac * pow10(max_decimals - decimals_seen);
  return true;
}

struct Unit {
  std::string_view suffix;
  int fen_exponent;  // the unit in fen is 10^fen_exponent
};
// 元 = 100 fen, 万 = 10^4 yuan, 亿 = 10^8 yuan (docs/data.md, money).
constexpr Unit kUnits[] = {{"亿", 10}, {"万", 6}};

absl::Status money_error(std::string_view text, std::string_view why) {
  return absl::InvalidArgumentError(absl::StrCat("not an amount of money: '", absl_view(text), "' (", absl_view(why), ")"));
}

}  // namespace

absl::StatusOr<Rounding> parse_rounding(std::string_view name) {
  if (name == "half_up") return Rounding::kHalfUp;
  if (name == "half_even") return Rounding::kHalfEven;
  if (name == "truncate") return Rounding::kTruncate;
  return absl::InvalidArgumentError(
      absl::StrCat("unknown rounding '", absl_view(name), "' (half_up, half_even or truncate)"));
}

std::string_view rounding_name(Rounding mode) noexcept {
  switch (mode) {
    case Rounding::kHalfUp: return "half_up";
    case Rounding::kHalfEven: return "half_even";
    case Rounding::kTruncate: return "truncate";
  }
  return "half_up";
}

Fraction::Fraction(BigInt num, BigInt den) : num_(std::move(num)), den_(std::move(den)) {
  if (den_ < 0) {
    num_ = -num_;
    den_ = -den_;
  }
}

Fraction Fraction::reduced() const {
  if (!defined()) return *this;
  BigInt g = boost::multiprecision::gcd(num_, den_);
  if (g == 0) return *this;
  return Fraction(num_ / g, den_ / g);
}

Fraction Fraction::change(const BigInt& current, const BigInt& previous) {
  if (previous == 0) return undefined();
  return Fraction(current - previous, previous);
}

bool operator==(const Fraction& a, const Fraction& b) { return a.num_ * b.den_ == b.num_ * a.den_; }
bool operator<(const Fraction& a, const Fraction& b) { return a.num_ * b.den_ < b.num_ * a.den_; }

namespace {

// round_quotient rounds a / b (a >= 0, b > 0) to an integer by `mode`: the one
// rounding rule, for 128-bit and arbitrary-precision integers alike.
// GB/T 8170-2008 rule 4: on an exact tie, keep an even last digit.
template <typename Int>
Int round_quotient(const Int& a, const Int& b, Rounding mode) {
  Int q = a / b;
  const Int twice_r = (a % b) * 2;
  switch (mode) {
    case Rounding::kHalfUp:
      if (twice_r >= b) q += 1;
      break;
    case Rounding::kHalfEven:
      if (twice_r > b || (twice_r == b && q % 2 != 0)) q += 1;
      break;
    case Rounding::kTruncate:
      break;
  }
  return q;
}

using Wide = unsigned __int128;
constexpr int kMaxFastDecimals = 18;  // 10^18 * (2^63) < 2^128

Wide wide_pow10(int n) {
  Wide p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

// kWideDigits: the most decimal digits of a Wide (2^128 has 39).
constexpr size_t kWideDigits = 39;

// wide_digits writes v's decimal digits into buf and says where they are.
std::string_view wide_digits(Wide v, char (&buf)[kWideDigits]) {
  if (v <= std::numeric_limits<uint64_t>::max()) {  // most figures: one 64-bit conversion
    return {buf, static_cast<size_t>(std::to_chars(buf, buf + kWideDigits, static_cast<uint64_t>(v)).ptr - buf)};
  }
  char* const end = buf + kWideDigits;
  char* p = end;
  do {
    *--p = static_cast<char>('0' + static_cast<int>(v % 10));
    v /= 10;
  } while (v != 0);
  return {p, static_cast<size_t>(end - p)};
}

// Writes digits (|q| scaled by 10^decimals) with a decimal point and sign, in
// one string: the digits padded with leading zeros to at least decimals + 1
// ("5" to 2 places is "0.05"), the point before the last `decimals`, and a
// minus sign unless every digit is 0.
std::string with_point(std::string_view digits, int decimals, bool negative) {
  const size_t d = static_cast<size_t>(decimals);
  const size_t pad = digits.size() <= d ? d + 1 - digits.size() : 0;
  const size_t whole = pad + digits.size() - d;  // digits before the point
  const bool minus = negative && digits.find_first_not_of('0') != std::string_view::npos;
  std::string out(size_t{minus} + whole + (d > 0 ? 1 + d : 0), '0');
  if (minus) out[0] = '-';
  char* const first = out.data() + size_t{minus};
  if (d > 0) first[whole] = '.';
  for (size_t j = 0; j < digits.size(); ++j) {
    const size_t k = pad + j;  // the digit's place among the padded digits
    first[k < whole ? k : k + 1] = digits[j];
  }
  return out;
}

// The arbitrary-precision fallback of the 64-bit forms. Kept out of line: GCC
// 12 inlines cpp_int's small-value constructor and then warns about its
// unused limb storage (-Wmaybe-uninitialized, a false positive).
[[gnu::noinline]] Fraction as_fraction(int64_t num, int64_t den) { return Fraction(num, den); }

bool fits_int64(const BigInt& v) {
  return v >= std::numeric_limits<int64_t>::min() + 1 && v <= std::numeric_limits<int64_t>::max();
}

}  // namespace

BigInt round_scaled(const Fraction& value, int decimals, Rounding mode) {
  // GB/T 8170-2008 rule 5: round the absolute value, then restore the sign;
  // rule 6: round once, from the exact value.
  const bool negative = value.num() < 0;
  const BigInt q = round_quotient<BigInt>(boost::multiprecision::abs(value.num()) * pow10(decimals),
                                          value.den(), mode);
  return negative ? BigInt(-q) : q;
}

std::string format_decimal(int64_t num, int64_t den, int decimals, Rounding mode) {
  if (den == 0) return "";
  if (decimals < 0 || decimals > kMaxFastDecimals || num == std::numeric_limits<int64_t>::min() ||
      den == std::numeric_limits<int64_t>::min()) {
    return format_decimal(as_fraction(num, den), decimals, mode);
  }
  const bool negative = (num < 0) != (den < 0) && num != 0;
  const Wide a = static_cast<Wide>(num < 0 ? -num : num) * wide_pow10(decimals);
  const uint64_t b = static_cast<uint64_t>(den < 0 ? -den : den);
  // Most scaled numerators fit 64 bits: a 64-bit division is many times
  // cheaper than a 128-bit one (b < 2^63, so twice a remainder fits too).
  const Wide q = a <= std::numeric_limits<uint64_t>::max()
                     ? round_quotient<uint64_t>(static_cast<uint64_t>(a), b, mode)
                     : round_quotient<Wide>(a, b, mode);
  char buf[kWideDigits];
  return with_point(wide_digits(q, buf), decimals, negative);
}

std::string format_decimal(const Fraction& value, int decimals, Rounding mode) {
  if (!value.defined()) return "";
  if (fits_int64(value.num()) && fits_int64(value.den()) && decimals <= kMaxFastDecimals) {
    return format_decimal(static_cast<int64_t>(value.num()), static_cast<int64_t>(value.den()),
                          decimals, mode);
  }
  const BigInt q = round_scaled(value, decimals, mode);
  return with_point(BigInt(boost::multiprecision::abs(q)).str(), decimals, q < 0);
}

std::string format_percent(int64_t num, int64_t den, int decimals, Rounding mode) {
  if (den == 0) return "";
  if (num > std::numeric_limits<int64_t>::max() / 100 || num < std::numeric_limits<int64_t>::min() / 100) {
    return format_percent(as_fraction(num, den), decimals, mode);
  }
  return format_decimal(num * 100, den, decimals, mode) + "%";
}

std::string format_percent(const Fraction& share, int decimals, Rounding mode) {
  if (!share.defined()) return "";
  return format_decimal(Fraction(share.num() * 100, share.den()), decimals, mode) + "%";
}

std::string format_wan(const Fraction& value, int decimals, Rounding mode) {
  if (!value.defined()) return "";
  return format_decimal(Fraction(value.num(), value.den() * 10000), decimals, mode) + " 万";
}

std::string approximate_tally(int64_t count, int significant) {
  if (count < 0) return absl::StrCat(count);
  // Unsigned 64 bits hold any int64 count rounded up (9223372036854775807 to
  // 5 figures is 9223400000000000000) and any place value up to 10^19.
  const uint64_t n = static_cast<uint64_t>(count);
  int digits = 1;
  for (uint64_t v = n; v >= 10; v /= 10) ++digits;
  uint64_t place = 1;  // the place value of the last kept figure
  for (int d = digits - std::max(significant, 1); d > 0; --d) place *= 10;
  const uint64_t rounded = (n + place / 2) / place * place;  // half-up
  const char* before = rounded > n ? "近 " : "";
  const char* after = rounded < n ? "余" : "";
  if (rounded >= 1000000 && rounded % 10000 == 0) {
    return absl::StrCat(before, rounded / 10000, " 万", after);
  }
  return absl::StrCat(before, rounded, *after ? " " : "", after);
}

absl::StatusOr<int64_t> parse_money_fen(std::string_view text) {
  std::string_view s = trim(text);
  if (s.empty()) return money_error(text, "empty");
  if (s.front() == '-') return money_error(text, "negative");
  if (s.front() == '+') s.remove_prefix(1);
  if (s.size() >= 3 && s.substr(s.size() - 3) == "元") s.remove_suffix(3);
  int fen_exponent = 2;
  for (const Unit& u : kUnits) {
    if (s.size() >= u.suffix.size() && s.substr(s.size() - u.suffix.size()) == u.suffix) {
      s.remove_suffix(u.suffix.size());
      fen_exponent = u.fen_exponent;
      break;
    }
  }
  s = trim(s);
  BigInt fen;
  int decimals = 0;
  if (!read_decimal(s, fen_exponent, fen, decimals)) {
    // Tell "too many decimals" apart from "not a number" for the clerk.
    BigInt ignored;
    int seen = 0;
    if (read_decimal(s, 40, ignored, seen) && seen > fen_exponent) {
      return money_error(text, fen_exponent == 2 ? "more than 2 decimals"
                                                 : "finer than one fen");
    }
    return money_error(text, "not a number");
  }
  if (fen > std::numeric_limits<int64_t>::max()) return money_error(text, "too large");
  return static_cast<int64_t>(fen);
}

bool parse_money_fen(std::string_view text, int64_t& fen) noexcept {
  // Fast path: plain yuan with up to 2 decimals, the canonical export form.
  std::string_view s = text;
  int64_t whole = 0;
  size_t i = 0;
  while (i < s.size() && i < 16 && s[i] >= '0' && s[i] <= '9') whole = whole * 10 + (s[i++] - '0');
  if (i > 0 && i < 16) {
    if (i == s.size()) {
      fen = whole * 100;
      return true;
    }
    if (s[i] == '.' && (s.size() == i + 2 || s.size() == i + 3)) {
      int64_t frac = 0;
      bool digits = true;
      for (size_t j = i + 1; j < s.size(); ++j) {
        digits = digits && s[j] >= '0' && s[j] <= '9';
        frac = frac * 10 + (s[j] - '0');
      }
      if (digits) {
        fen = whole * 100 + (s.size() == i + 2 ? frac * 10 : frac);
        return true;
      }
    }
  }
  try {
    absl::StatusOr<int64_t> slow = parse_money_fen(text);
    if (!slow.ok()) return false;
    fen = *slow;
    return true;
  } catch (...) {  // BigInt allocation failure: not a value we can hold
    return false;
  }
}

absl::StatusOr<int64_t> parse_count(std::string_view text) {
  int64_t value = 0;
  if (parse_count(text, value)) return value;
  std::string_view s = trim(text);
  if (!s.empty() && s.front() == '-') {
    return absl::InvalidArgumentError(absl::StrCat("negative count: '", absl_view(s), "'"));
  }
  return absl::InvalidArgumentError(absl::StrCat("not a whole number: '", absl_view(s), "'"));
}

bool parse_count(std::string_view text, int64_t& value) noexcept {
  std::string_view s = trim(text);
  if (s.empty() || s.size() > 25) return false;
  int64_t v = 0;
  size_t digits = 0, group = 0;
  bool grouped = false;
  for (char c : s) {
    if (c == ',') {
      if (digits == 0 || (grouped && group != 3) || (!grouped && group > 3)) return false;
      grouped = true;
      group = 0;
      continue;
    }
    if (c < '0' || c > '9') return false;
    if (v > (std::numeric_limits<int64_t>::max() - 9) / 10) return false;
    v = v * 10 + (c - '0');
    ++digits;
    ++group;
  }
  if (grouped && group != 3) return false;
  value = v;
  return true;
}

}  // namespace fazhi
