// field_readers.hpp -- one value of a record into a parsed row field, and the
// rules on a whole row that every kind shares (internal).
//
// Every column type of fazhi/schema.hpp is read by one reader here, from CSV
// text (`date_field`, `code_field`, ...: a date that exists, a known code, a
// boolean, money, a region code) or from a typed record handed to
// Dataset::add (`record_day`, `record_code`, ...). Values are trimmed here
// (docs/data.md's "values" rule), each reader after its fast path. A reader
// that refuses a value says why in a Problem, naming the column, which the
// loader turns into the row's rejection. The rules on a whole row
// (`missing`, `not_before`, `given_together`) are the words of each kind's
// row check (load/kinds.hpp).
#ifndef FAZHI_SRC_LOAD_FIELD_READERS_HPP_
#define FAZHI_SRC_LOAD_FIELD_READERS_HPP_

#include <algorithm>
#include <concepts>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <vector>

#include "absl/strings/str_cat.h"
#include "platform/bytes.hpp"
#include "fazhi/dataset.hpp"
#include "fazhi/date.hpp"
#include "fazhi/exact.hpp"
#include "fazhi/records.hpp"
#include "fazhi/region.hpp"
#include "fazhi/text.hpp"
#include "load/iso_date.hpp"
#include "platform/messages.hpp"

namespace fazhi::internal {

// Problem is why a row is rejected: the canonical column ("" for the whole
// row) and the reason a clerk can act on.
struct Problem {
  std::string_view column;
  std::string reason;
  RejectCode code = RejectCode::kOther;
  std::string_view message;               // the translatable reason (Rejection::message)
  std::vector<std::string> message_args;
  // as_written: the message's $0 is the value of `column` as the file writes
  // it ("胜诉", not the code it reads as) and its $1 another column, named by
  // its Chinese header: both filled in where the row's text and the kind's
  // headers are at hand (rows.hpp).
  bool as_written = false;
};

// Interner gives the ids a row's text and region take in the columns being
// filled (a per-range dictionary while loading, merged afterwards).
template <typename T>
concept Interner = requires(T t, std::string_view s, RegionCode r) {
  { t.text(s) } -> std::same_as<TextId>;
  { t.id(s) } -> std::same_as<TextId>;
  { t.region(r) } -> std::same_as<RegionIndex>;
};

// ---- Field readers: empty text is "not given" (kNoDay, kNone, kUnknown, -1) --
//
// A reader gets the value untrimmed. A value its fast path accepts (an ISO
// date, six digits, 0 or 1, a code read before) has no space at either end,
// so it is taken as it is; anything else is trimmed before it is read. Most
// values of a large load skip the trim that way.

// fail records a problem; without a code it is a value that cannot be read,
// which is what every field reader reports.
inline bool fail(Problem& p, RejectCode code, std::string_view column, std::string reason) {
  p.column = column;
  p.reason = std::move(reason);
  p.code = code;
  return false;
}
inline bool fail(Problem& p, std::string_view column, std::string reason) {
  return fail(p, RejectCode::kInvalidValue, column, std::move(reason));
}

// say gives a problem its message for people: an N_() id with $0.. filled by
// `args` (the value as written first). The English `reason` stays as the
// reader wrote it, often with more detail than the message.
inline bool say(Problem& p, std::string_view message, std::vector<std::string> args) {
  p.message = message;
  p.message_args = std::move(args);
  return false;
}

// fast_trim is `trim` with a shortcut for the common value that has nothing
// to trim (no ASCII space at either end, no U+3000 = E3 80 80).
inline std::string_view fast_trim(std::string_view s) {
  if (s.empty()) return s;
  const auto f = static_cast<unsigned char>(s.front()), b = static_cast<unsigned char>(s.back());
  if (f > ' ' && f != 0xE3 && b > ' ' && b != 0x80) return s;
  return trim(s);
}

// empty_after_trim trims v (by fast_trim) and, when nothing is left, sets
// `out` to the field's "not given" value and says so: each reader calls it
// after its own fast path, so a value that path takes is never trimmed.
//   if (empty_after_trim(v, out, kNoDay)) return true;
template <typename T>
inline bool empty_after_trim(std::string_view& v, T& out, std::type_identity_t<T> none) {
  v = fast_trim(v);
  if (!v.empty()) return false;
  out = none;
  return true;
}

// text_field reads a text column (an id, a name, a category): the value
// trimmed, the empty text when not given.
inline bool text_field(std::string_view v, std::string_view& out) {
  out = fast_trim(v);
  return true;
}

// date_field reads a date column: ISO dates inline (parse_iso_day), the
// other forms through parse_day_number. A cache of days already read (tried
// before) cost more in cache misses than it saved once millions of text
// values share the caches.
inline bool date_field(std::string_view col, std::string_view v, DayNumber& out, Problem& p) {
  if (parse_iso_day(v, out)) return true;
  if (empty_after_trim(v, out, kNoDay)) return true;
  if (parse_iso_day(v, out) || parse_day_number(v, out)) return true;
  fail(p, col, std::string(parse_date(v).status().message()));
  return say(p, N_("'$0' is not a date (write 2019-03-01, 2019/3/1, 2019年3月1日 or an Excel date)"),
             {std::string(v)});
}

// CodeCache remembers, per thread and code table, texts already read: an
// enumerated column repeats a handful of values over millions of rows. A
// text of up to 32 bytes is held as its length and four words read at fixed
// offsets that together cover it (overlapping when it is shorter): equal
// keys are equal texts, and a lookup is a few loads and compares rather than
// copies and a memcmp of variable length.
template <typename Enum>
struct CodeCache {
  static constexpr size_t kMaxText = 32;
  // Trivial types, so the thread_local cache needs no constructor call (its
  // storage starts zeroed: every slot empty).
  struct Key {
    uint64_t w[4];
    uint64_t len;  // 0: an empty slot
    bool operator==(const Key&) const = default;
  };
  struct Slot {
    Key key;
    Enum value;
  };
  static constexpr size_t kSlots = 64;
  Slot slots[kSlots];

  // key_of reads v (1 to kMaxText bytes) into k: up to 16 bytes by
  // gather_short, a longer text as its first and last 16.
  static void key_of(std::string_view v, Key& k) {
    const char* p = v.data();
    const size_t n = v.size();
    k = Key{{0, 0, 0, 0}, n};
    if (n > 16) {
      k.w[0] = load_u64(p);
      k.w[1] = load_u64(p + n - 8);
      k.w[2] = load_u64(p + 8);
      k.w[3] = load_u64(p + n - 16);
    } else {
      const ShortWords words = gather_short(p, n);
      k.w[0] = words.lo;
      k.w[1] = words.hi;
    }
  }
  static size_t index(const Key& k) {
    const uint64_t mixed = k.w[0] ^ (k.w[1] << 1) ^ k.w[2] ^ k.len;
    return static_cast<size_t>((mixed * 0x9E3779B97F4A7C15ULL) >> 58);
  }
};

template <typename Enum>
bool code_field(std::string_view col, std::string_view v, Enum& out, Problem& p) {
  // The cache holds trimmed texts only, so a hit needs no trim.
  thread_local CodeCache<Enum> cache;
  typename CodeCache<Enum>::Key key;
  if (!v.empty() && v.size() <= CodeCache<Enum>::kMaxText) {
    CodeCache<Enum>::key_of(v, key);
    const typename CodeCache<Enum>::Slot& slot = cache.slots[CodeCache<Enum>::index(key)];
    if (slot.key == key) {
      out = slot.value;
      return true;
    }
  }
  if (empty_after_trim(v, out, Enum::kNone)) return true;
  if (std::optional<Enum> e = parse_code<Enum>(v)) {
    out = *e;
    if (v.size() <= CodeCache<Enum>::kMaxText) {
      CodeCache<Enum>::key_of(v, key);
      typename CodeCache<Enum>::Slot& slot = cache.slots[CodeCache<Enum>::index(key)];
      slot.key = key;
      slot.value = *e;
    }
    return true;
  }
  fail(p, col,
       absl::StrCat("unknown ", absl_view(col), " '", absl_view(v),
                    "' (expected an English code or a Chinese label of docs/data.md)"));
  return say(p, N_("'$0' is not one of the column's codes (an English code or a Chinese label of docs/data.md)"),
             {std::string(v)});
}

inline bool tri_field(std::string_view col, std::string_view v, Tri& out, Problem& p) {
  if (v.size() == 1 && (v[0] == '0' || v[0] == '1')) {
    out = v[0] == '1' ? Tri::kTrue : Tri::kFalse;
    return true;
  }
  if (empty_after_trim(v, out, Tri::kUnknown)) return true;
  if (std::optional<Tri> t = parse_tri(v)) {
    out = *t;
    return true;
  }
  fail(p, col,
       absl::StrCat("not a boolean: '", absl_view(v),
                    "' (expected 1/0, true/false, yes/no, 是/否 or Y/N)"));
  return say(p, N_("'$0' is not yes or no (write 1/0, 是/否, true/false or Y/N)"), {std::string(v)});
}

inline bool region_field(std::string_view col, std::string_view v, RegionCode& out, Problem& p) {
  if (v.size() == 6 && RegionCode::try_parse(v, out)) return true;
  if (empty_after_trim(v, out, RegionCode())) return true;
  if (RegionCode::try_parse(v, out)) return true;
  fail(p, col, std::string(RegionCode::parse(v).status().message()));
  return say(p, N_("'$0' is not a region code (six digits of GB/T 2260, e.g. 440111)"), {std::string(v)});
}

inline bool count_field(std::string_view col, std::string_view v, int64_t max, int64_t& out,
                        Problem& p) {
  if (empty_after_trim(v, out, -1)) return true;
  if (parse_count(v, out)) {
    if (out <= max) return true;
    fail(p, col, absl::StrCat("too large: '", absl_view(v), "'"));
    return say(p, N_("'$0' is too large"), {std::string(v)});
  }
  fail(p, col, std::string(parse_count(v).status().message()));
  return say(p, N_("'$0' is not a whole number"), {std::string(v)});
}

inline bool money_field(std::string_view col, std::string_view v, int64_t& fen, Problem& p) {
  if (empty_after_trim(v, fen, -1)) return true;
  if (parse_money_fen(v, fen)) return true;
  fail(p, col, std::string(parse_money_fen(v).status().message()));
  return say(p, N_("'$0' is not an amount of money (yuan, e.g. 1512.8 or 1512.8万)"), {std::string(v)});
}

// ---- Typed-record readers (Dataset::add) ------------------------------------

// record_day reads a date of a typed record: a required date left unset
// (not_a_date_time) is "not given", so `check` reports it as missing.
inline bool record_day(std::string_view col, const Date& d, DayNumber& out, Problem& p) {
  if (d.is_not_a_date()) {
    out = kNoDay;
    return true;
  }
  if (d.is_special()) return fail(p, col, "not a date");
  const int year = d.year();
  if (year < kMinYear || year > kMaxYear) {
    return fail(
        p, col,
        absl::StrCat("year out of range in '", format_iso(d), "' (", kMinYear, "-", kMaxYear, ")"));
  }
  out = to_day_number(d);
  return true;
}
inline bool record_day(std::string_view col, const std::optional<Date>& d, DayNumber& out,
                       Problem& p) {
  if (!d.has_value()) {
    out = kNoDay;
    return true;
  }
  if (d->is_not_a_date()) return fail(p, col, "not a date");
  return record_day(col, *d, out, p);
}

inline bool record_region(std::string_view col, RegionCode code, RegionCode& out, Problem& p) {
  out = code;
  if (code.value() == 0) return true;  // unset: `check` reports it as missing
  RegionCode parsed;
  if (code.value() < 1000000 && RegionCode::try_parse(code.str(), parsed)) return true;
  return fail(p, col, std::string(RegionCode::parse(code.str()).status().message()));
}

template <typename Enum>
bool record_code(std::string_view col, Enum e, Enum& out, Problem& p) {
  out = e;
  if (e == Enum::kNone || !code_name(e).empty()) return true;
  return fail(p, col, absl::StrCat("unknown ", absl_view(col), " value ", static_cast<int>(e)));
}

inline bool record_tri(std::string_view col, Tri t, Tri& out, Problem& p) {
  out = t;
  if (t == Tri::kUnknown || t == Tri::kFalse || t == Tri::kTrue) return true;
  return fail(p, col, absl::StrCat("not a boolean: ", static_cast<int>(t)));
}

inline bool record_count(std::string_view col, std::optional<int64_t> v, int64_t& out, Problem& p) {
  out = v.value_or(-1);
  if (!v.has_value() || *v >= 0) return true;
  return fail(p, col, absl::StrCat("negative count: '", *v, "'"));
}

// ---- Shared row rules ---------------------------------------------------------

inline bool missing(Problem& p, std::string_view col) {
  fail(p, RejectCode::kMissing, col, absl::StrCat("missing ", absl_view(col), " (required)"));
  return say(p, N_("empty, but every row must give it"), {});
}

// not_before: `later` (when given) must not be before `earlier` (when given).
inline bool not_before(Problem& p, std::string_view later_col, DayNumber later,
                       std::string_view earlier_col, DayNumber earlier) {
  if (later == kNoDay || earlier == kNoDay || later >= earlier) return true;
  fail(p, RejectCode::kInconsistent, later_col,
       absl::StrCat(absl_view(later_col), " ", format_iso_day(later), " is before ",
                    absl_view(earlier_col), " ", format_iso_day(earlier)));
  return say(p, N_("$0 is before $2 $1"),
             {format_iso_day(later), format_iso_day(earlier), std::string(earlier_col)});
}

// given_together: docs/data.md's "when closed" columns. A code is required once
// its date is set, and a code without its date contradicts itself.
template <typename Enum>
bool given_together(Problem& p, std::string_view code_col, Enum code, std::string_view date_col,
                    DayNumber day) {
  if (day != kNoDay && code == Enum::kNone) {
    fail(p, RejectCode::kMissing, code_col,
         absl::StrCat("missing ", absl_view(code_col), " (required when ", absl_view(date_col),
                      " is set)"));
    return say(p, N_("empty, but $0 is given"), {std::string(date_col)});
  }
  if (day == kNoDay && code != Enum::kNone) {
    fail(p, RejectCode::kInconsistent, code_col,
         absl::StrCat(absl_view(code_col), " '", absl_view(code_name(code)), "' given but ",
                      absl_view(date_col), " is empty"));
    // $0 becomes the code as the clerk's file writes it (Problem::as_written).
    p.as_written = true;
    return say(p, N_("'$0' is given but $1 is empty"), {std::string(code_name(code)), std::string(date_col)});
  }
  return true;
}

}  // namespace fazhi::internal

#endif  // FAZHI_SRC_LOAD_FIELD_READERS_HPP_
