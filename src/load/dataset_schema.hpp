// dataset_schema.hpp -- the columns and row rules of docs/data.md, one kind each (internal).
//
// For every record kind this header holds, in one place:
//   - its columns: canonical name, the Chinese aliases of docs/data.md, required or not;
//   - `Row`: one record as the loader sees it (text as views, dates as day
//     numbers, kNoDay / kNone / kUnknown / -1 when empty);
//   - `parse`: one CSV value, as it stands in the file, into a Row field
//     (the text-level checks: a date that exists, a known code, a boolean,
//     money, a region code); values are trimmed here (docs/data.md's "values"
//     rule), each reader after its fast path;
//   - `from_record`: the same for a typed record handed to Dataset::add;
//   - `check`: the rules on a whole row that both paths share (required
//     values, the order of dates, a disposition on a closed case);
//   - `append`: the row into the columns.
// A reviewer looking for "which rule rejected this row" reads only this file.
#ifndef FAZHI_SRC_DATASET_SCHEMA_HPP_
#define FAZHI_SRC_DATASET_SCHEMA_HPP_

#include <algorithm>
#include <concepts>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>

#include "absl/strings/str_cat.h"
#include "platform/bytes.hpp"
#include "fazhi/dataset.hpp"
#include "fazhi/date.hpp"
#include "fazhi/exact.hpp"
#include "fazhi/records.hpp"
#include "fazhi/region.hpp"
#include "fazhi/text.hpp"
#include "load/iso_date.hpp"

namespace fazhi::internal {

// ColumnDef is one column of docs/data.md.
struct ColumnDef {
  std::string_view name;
  std::span<const std::string_view> aliases;
  bool required;
};

// Problem is why a row is rejected: the canonical column ("" for the whole
// row) and the reason a clerk can act on.
struct Problem {
  std::string_view column;
  std::string reason;
  RejectCode code = RejectCode::kOther;
};

// Interner gives the ids a row's text and region take in the columns being
// filled (a per-range dictionary while loading, merged afterwards).
template <typename T>
concept Interner = requires(T t, std::string_view s, RegionCode r) {
  { t.text(s) } -> std::same_as<TextId>;
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
  return fail(p, col, std::string(parse_date(v).status().message()));
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
  return fail(p, col,
              absl::StrCat("unknown ", absl_view(col), " '", absl_view(v),
                           "' (expected an English code or a Chinese label of docs/data.md)"));
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
  return fail(p, col,
              absl::StrCat("not a boolean: '", absl_view(v),
                           "' (expected 1/0, true/false, yes/no, 是/否 or Y/N)"));
}

inline bool region_field(std::string_view col, std::string_view v, RegionCode& out, Problem& p) {
  if (v.size() == 6 && RegionCode::try_parse(v, out)) return true;
  if (empty_after_trim(v, out, RegionCode())) return true;
  if (RegionCode::try_parse(v, out)) return true;
  return fail(p, col, std::string(RegionCode::parse(v).status().message()));
}

inline bool count_field(std::string_view col, std::string_view v, int64_t max, int64_t& out,
                        Problem& p) {
  if (empty_after_trim(v, out, -1)) return true;
  if (parse_count(v, out)) {
    if (out <= max) return true;
    return fail(p, col, absl::StrCat("too large: '", absl_view(v), "'"));
  }
  return fail(p, col, std::string(parse_count(v).status().message()));
}

inline bool money_field(std::string_view col, std::string_view v, int64_t& fen, Problem& p) {
  if (empty_after_trim(v, fen, -1)) return true;
  if (parse_money_fen(v, fen)) return true;
  return fail(p, col, std::string(parse_money_fen(v).status().message()));
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
  return fail(p, RejectCode::kMissing, col, absl::StrCat("missing ", absl_view(col), " (required)"));
}

// not_before: `later` (when given) must not be before `earlier` (when given).
inline bool not_before(Problem& p, std::string_view later_col, DayNumber later,
                       std::string_view earlier_col, DayNumber earlier) {
  if (later == kNoDay || earlier == kNoDay || later >= earlier) return true;
  return fail(p, RejectCode::kInconsistent, later_col,
              absl::StrCat(absl_view(later_col), " ", format_iso_day(later), " is before ",
                           absl_view(earlier_col), " ", format_iso_day(earlier)));
}

// given_together: docs/data.md's "when closed" columns. A code is required once
// its date is set, and a code without its date contradicts itself.
template <typename Enum>
bool given_together(Problem& p, std::string_view code_col, Enum code, std::string_view date_col,
                    DayNumber day) {
  if (day != kNoDay && code == Enum::kNone) {
    return fail(p, RejectCode::kMissing, code_col,
                absl::StrCat("missing ", absl_view(code_col), " (required when ",
                             absl_view(date_col), " is set)"));
  }
  if (day == kNoDay && code != Enum::kNone) {
    return fail(p, RejectCode::kInconsistent, code_col,
                absl::StrCat(absl_view(code_col), " '", absl_view(code_name(code)), "' given but ",
                             absl_view(date_col), " is empty"));
  }
  return true;
}

using L = std::string_view;

// ---- reconsideration --------------------------------------------------------

struct Reconsideration {
  static constexpr RecordKind kKind = RecordKind::kReconsideration;
  using Columns = ReconsiderationColumns;
  using Record = ReconsiderationRecord;
  enum Col : uint8_t {
    kCaseId,
    kRegion,
    kReceived,
    kAccepted,
    kClosed,
    kDisposition,
    kRespondent,
    kCategory,
    kSimple,
    kExtended,
    kLitigated,
    kSuspended,
    kCompensation,
  };
  static constexpr L kCaseIdA[] = {"案件编号", "案号"};
  static constexpr L kRegionA[] = {"区划代码", "行政区划代码"};
  static constexpr L kReceivedA[] = {"收到日期", "收件日期", "申请日期"};
  static constexpr L kAcceptedA[] = {"受理日期"};
  static constexpr L kClosedA[] = {"办结日期", "结案日期", "审结日期"};
  static constexpr L kDispositionA[] = {"结案方式", "处理结果"};
  static constexpr L kRespondentA[] = {"被申请人"};
  static constexpr L kCategoryA[] = {"案件类别", "管理领域"};
  static constexpr L kSimpleA[] = {"简易程序"};
  static constexpr L kExtendedA[] = {"延期", "延长审理期限"};
  static constexpr L kLitigatedA[] = {"提起行政诉讼", "进入诉讼"};
  static constexpr L kSuspendedA[] = {"中止天数"};
  static constexpr L kCompensationA[] = {"赔偿"};
  static constexpr ColumnDef kColumns[] = {
      {"case_id", kCaseIdA, true},
      {"region", kRegionA, true},
      {"received_date", kReceivedA, true},
      {"accepted_date", kAcceptedA, false},
      {"closed_date", kClosedA, false},
      {"disposition", kDispositionA, false},
      {"respondent", kRespondentA, false},
      {"category", kCategoryA, false},
      {"simple_procedure", kSimpleA, false},
      {"extended", kExtendedA, false},
      {"litigated", kLitigatedA, false},
      {"suspended_days", kSuspendedA, false},
      {"compensation", kCompensationA, false},
  };
  static constexpr L name(Col c) { return kColumns[c].name; }

  struct Row {
    std::string_view case_id;
    RegionCode region;
    DayNumber received = kNoDay, accepted = kNoDay, closed = kNoDay;
    Disposition disposition = Disposition::kNone;
    std::string_view respondent, category;
    Tri simple = Tri::kUnknown, extended = Tri::kUnknown, litigated = Tri::kUnknown,
        compensation = Tri::kUnknown;
    int64_t suspended_days = -1;
  };

  static bool parse(uint8_t col, std::string_view v, Row& r, Problem& p) {
    const Col c = static_cast<Col>(col);
    switch (c) {
      case kCaseId:
        return text_field(v, r.case_id);
      case kRegion:
        return region_field(name(c), v, r.region, p);
      case kReceived:
        return date_field(name(c), v, r.received, p);
      case kAccepted:
        return date_field(name(c), v, r.accepted, p);
      case kClosed:
        return date_field(name(c), v, r.closed, p);
      case kDisposition:
        return code_field(name(c), v, r.disposition, p);
      case kRespondent:
        return text_field(v, r.respondent);
      case kCategory:
        return text_field(v, r.category);
      case kSimple:
        return tri_field(name(c), v, r.simple, p);
      case kExtended:
        return tri_field(name(c), v, r.extended, p);
      case kLitigated:
        return tri_field(name(c), v, r.litigated, p);
      case kSuspended:
        return count_field(name(c), v, INT32_MAX, r.suspended_days, p);
      case kCompensation:
        return tri_field(name(c), v, r.compensation, p);
    }
    return true;
  }

  static bool from_record(const Record& x, Row& r, Problem& p) {
    r.case_id = trim(x.case_id);
    r.respondent = trim(x.respondent);
    r.category = trim(x.category);
    std::optional<int64_t> suspended;
    if (x.suspended_days) suspended = *x.suspended_days;
    return record_region(name(kRegion), x.region, r.region, p) &&
           record_day(name(kReceived), x.received_date, r.received, p) &&
           record_day(name(kAccepted), x.accepted_date, r.accepted, p) &&
           record_day(name(kClosed), x.closed_date, r.closed, p) &&
           record_code(name(kDisposition), x.disposition, r.disposition, p) &&
           record_tri(name(kSimple), x.simple_procedure, r.simple, p) &&
           record_tri(name(kExtended), x.extended, r.extended, p) &&
           record_tri(name(kLitigated), x.litigated, r.litigated, p) &&
           record_count(name(kSuspended), suspended, r.suspended_days, p) &&
           record_tri(name(kCompensation), x.compensation, r.compensation, p);
  }

  static bool check(const Row& r, Problem& p) {
    if (r.case_id.empty()) return missing(p, name(kCaseId));
    if (r.region.value() == 0) return missing(p, name(kRegion));
    if (r.received == kNoDay) return missing(p, name(kReceived));
    // A case is accepted (行政复议法 (2023) art. 30) and closed after it is received.
    return not_before(p, name(kAccepted), r.accepted, name(kReceived), r.received) &&
           not_before(p, name(kClosed), r.closed, name(kReceived), r.received) &&
           not_before(p, name(kClosed), r.closed, name(kAccepted), r.accepted) &&
           given_together(p, name(kDisposition), r.disposition, name(kClosed), r.closed);
  }

  template <Interner I>
  static void append(const Row& r, Columns& c, I& in) {
    c.region.push_back(in.region(r.region));
    c.received.push_back(r.received);
    c.accepted.push_back(r.accepted);
    c.closed.push_back(r.closed);
    c.disposition.push_back(r.disposition);
    c.simple_procedure.push_back(r.simple);
    c.extended.push_back(r.extended);
    c.litigated.push_back(r.litigated);
    c.compensation.push_back(r.compensation);
    c.suspended_days.push_back(static_cast<int32_t>(r.suspended_days));
    c.respondent.push_back(in.text(r.respondent));
    c.category.push_back(in.text(r.category));
  }
  static constexpr auto kPlain =
      std::make_tuple(&Columns::received, &Columns::accepted, &Columns::closed,
                      &Columns::disposition, &Columns::simple_procedure, &Columns::extended,
                      &Columns::litigated, &Columns::compensation, &Columns::suspended_days);
  static constexpr auto kText = std::make_tuple(&Columns::respondent, &Columns::category);
  static constexpr auto kRowText = std::make_tuple(&Row::respondent, &Row::category);
  static constexpr bool kIndexedRegion = true;

  // case_id is unique within kind and region (docs/data.md, ids).
  static constexpr bool kHasId = true;
  static constexpr L kIdColumn = "case_id";
  static std::string_view id(const Row& r) { return r.case_id; }
  static uint32_t scope(const Row& r) { return r.region.value(); }
};

// ---- litigation ---------------------------------------------------------------

struct Litigation {
  static constexpr RecordKind kKind = RecordKind::kLitigation;
  using Columns = LitigationColumns;
  using Record = LitigationRecord;
  enum Col : uint8_t {
    kCaseId,
    kRegion,
    kFiled,
    kInstance,
    kDefendant,
    kCategory,
    kDefence,
    kClosed,
    kOutcome,
    kHeadAppeared,
    kLawyerOnly,
    kHearingHeld,
  };
  static constexpr L kCaseIdA[] = {"案号", "案件编号"};
  static constexpr L kRegionA[] = {"区划代码"};
  static constexpr L kFiledA[] = {"收案日期", "立案日期", "收到起诉状日期"};
  static constexpr L kInstanceA[] = {"审级"};
  static constexpr L kDefendantA[] = {"被告"};
  static constexpr L kCategoryA[] = {"案件类别"};
  static constexpr L kDefenceA[] = {"答辩日期", "提交答辩状日期"};
  static constexpr L kClosedA[] = {"结案日期", "审结日期"};
  static constexpr L kOutcomeA[] = {"结案方式", "裁判结果"};
  static constexpr L kHeadAppearedA[] = {"负责人出庭", "负责人出庭应诉"};
  static constexpr L kLawyerOnlyA[] = {"仅委托律师出庭"};
  static constexpr L kHearingHeldA[] = {"开庭"};
  static constexpr ColumnDef kColumns[] = {
      {"case_id", kCaseIdA, true},          {"region", kRegionA, true},
      {"filed_date", kFiledA, true},        {"instance", kInstanceA, true},
      {"defendant", kDefendantA, false},    {"category", kCategoryA, false},
      {"defence_date", kDefenceA, false},   {"closed_date", kClosedA, false},
      {"outcome", kOutcomeA, false},        {"head_appeared", kHeadAppearedA, false},
      {"lawyer_only", kLawyerOnlyA, false}, {"hearing_held", kHearingHeldA, false},
  };
  static constexpr L name(Col c) { return kColumns[c].name; }

  struct Row {
    std::string_view case_id;
    RegionCode region;
    DayNumber filed = kNoDay, defence = kNoDay, closed = kNoDay;
    Instance instance = Instance::kNone;
    LitigationOutcome outcome = LitigationOutcome::kNone;
    std::string_view defendant, category;
    Tri head_appeared = Tri::kUnknown, lawyer_only = Tri::kUnknown, hearing_held = Tri::kUnknown;
  };

  static bool parse(uint8_t col, std::string_view v, Row& r, Problem& p) {
    const Col c = static_cast<Col>(col);
    switch (c) {
      case kCaseId:
        return text_field(v, r.case_id);
      case kRegion:
        return region_field(name(c), v, r.region, p);
      case kFiled:
        return date_field(name(c), v, r.filed, p);
      case kInstance:
        return code_field(name(c), v, r.instance, p);
      case kDefendant:
        return text_field(v, r.defendant);
      case kCategory:
        return text_field(v, r.category);
      case kDefence:
        return date_field(name(c), v, r.defence, p);
      case kClosed:
        return date_field(name(c), v, r.closed, p);
      case kOutcome:
        return code_field(name(c), v, r.outcome, p);
      case kHeadAppeared:
        return tri_field(name(c), v, r.head_appeared, p);
      case kLawyerOnly:
        return tri_field(name(c), v, r.lawyer_only, p);
      case kHearingHeld:
        return tri_field(name(c), v, r.hearing_held, p);
    }
    return true;
  }

  static bool from_record(const Record& x, Row& r, Problem& p) {
    r.case_id = trim(x.case_id);
    r.defendant = trim(x.defendant);
    r.category = trim(x.category);
    return record_region(name(kRegion), x.region, r.region, p) &&
           record_day(name(kFiled), x.filed_date, r.filed, p) &&
           record_code(name(kInstance), x.instance, r.instance, p) &&
           record_day(name(kDefence), x.defence_date, r.defence, p) &&
           record_day(name(kClosed), x.closed_date, r.closed, p) &&
           record_code(name(kOutcome), x.outcome, r.outcome, p) &&
           record_tri(name(kHeadAppeared), x.head_appeared, r.head_appeared, p) &&
           record_tri(name(kLawyerOnly), x.lawyer_only, r.lawyer_only, p) &&
           record_tri(name(kHearingHeld), x.hearing_held, r.hearing_held, p);
  }

  static bool check(const Row& r, Problem& p) {
    if (r.case_id.empty()) return missing(p, name(kCaseId));
    if (r.region.value() == 0) return missing(p, name(kRegion));
    if (r.filed == kNoDay) return missing(p, name(kFiled));
    if (r.instance == Instance::kNone) return missing(p, name(kInstance));
    // The defence (行政诉讼法 art. 67) and the end of the case follow the filing.
    return not_before(p, name(kDefence), r.defence, name(kFiled), r.filed) &&
           not_before(p, name(kClosed), r.closed, name(kFiled), r.filed) &&
           given_together(p, name(kOutcome), r.outcome, name(kClosed), r.closed);
  }

  template <Interner I>
  static void append(const Row& r, Columns& c, I& in) {
    c.region.push_back(in.region(r.region));
    c.filed.push_back(r.filed);
    c.defence.push_back(r.defence);
    c.closed.push_back(r.closed);
    c.instance.push_back(r.instance);
    c.outcome.push_back(r.outcome);
    c.head_appeared.push_back(r.head_appeared);
    c.lawyer_only.push_back(r.lawyer_only);
    c.hearing_held.push_back(r.hearing_held);
    c.defendant.push_back(in.text(r.defendant));
    c.category.push_back(in.text(r.category));
  }
  static constexpr auto kPlain = std::make_tuple(
      &Columns::filed, &Columns::defence, &Columns::closed, &Columns::instance, &Columns::outcome,
      &Columns::head_appeared, &Columns::lawyer_only, &Columns::hearing_held);
  static constexpr auto kText = std::make_tuple(&Columns::defendant, &Columns::category);
  static constexpr auto kRowText = std::make_tuple(&Row::defendant, &Row::category);
  static constexpr bool kIndexedRegion = true;

  static constexpr bool kHasId = true;
  static constexpr L kIdColumn = "case_id";
  static std::string_view id(const Row& r) { return r.case_id; }
  static uint32_t scope(const Row& r) { return r.region.value(); }
};

// ---- legal_aid ------------------------------------------------------------------

struct LegalAid {
  static constexpr RecordKind kKind = RecordKind::kLegalAid;
  using Columns = LegalAidColumns;
  using Record = LegalAidRecord;
  enum Col : uint8_t {
    kCaseId,
    kRegion,
    kApplied,
    kDecided,
    kDecision,
    kAccepted,
    kCaseType,
    kAssigned,
    kLawyer,
    kFirm,
    kMethod,
    kCommitment,
    kClosed,
    kRecovered,
  };
  static constexpr L kCaseIdA[] = {"案件编号"};
  static constexpr L kRegionA[] = {"区划代码"};
  static constexpr L kAppliedA[] = {"申请日期"};
  static constexpr L kDecidedA[] = {"审查日期", "决定日期"};
  static constexpr L kDecisionA[] = {"审查结果"};
  static constexpr L kAcceptedA[] = {"受理日期"};
  static constexpr L kCaseTypeA[] = {"案件类型"};
  static constexpr L kAssignedA[] = {"指派日期"};
  static constexpr L kLawyerA[] = {"承办律师"};
  static constexpr L kFirmA[] = {"律师事务所"};
  static constexpr L kMethodA[] = {"指派方式"};
  static constexpr L kCommitmentA[] = {"告知承诺"};
  static constexpr L kClosedA[] = {"结案日期"};
  static constexpr L kRecoveredA[] = {"挽回经济损失"};
  static constexpr ColumnDef kColumns[] = {
      {"case_id", kCaseIdA, true},
      {"region", kRegionA, true},
      {"applied_date", kAppliedA, true},
      {"decided_date", kDecidedA, false},
      {"decision", kDecisionA, false},
      {"accepted_date", kAcceptedA, false},
      {"case_type", kCaseTypeA, false},
      {"assigned_date", kAssignedA, false},
      {"lawyer_id", kLawyerA, false},
      {"firm_id", kFirmA, false},
      {"assignment_method", kMethodA, false},
      {"commitment", kCommitmentA, false},
      {"closed_date", kClosedA, false},
      {"recovered_amount", kRecoveredA, false},
  };
  static constexpr L name(Col c) { return kColumns[c].name; }

  struct Row {
    std::string_view case_id;
    RegionCode region;
    DayNumber applied = kNoDay, decided = kNoDay, accepted = kNoDay, assigned = kNoDay,
              closed = kNoDay;
    AidDecision decision = AidDecision::kNone;
    AidCaseType case_type = AidCaseType::kNone;
    AssignmentMethod method = AssignmentMethod::kNone;
    Tri commitment = Tri::kUnknown;
    std::string_view lawyer, firm;
    int64_t recovered_fen = -1;
  };

  static bool parse(uint8_t col, std::string_view v, Row& r, Problem& p) {
    const Col c = static_cast<Col>(col);
    switch (c) {
      case kCaseId:
        return text_field(v, r.case_id);
      case kRegion:
        return region_field(name(c), v, r.region, p);
      case kApplied:
        return date_field(name(c), v, r.applied, p);
      case kDecided:
        return date_field(name(c), v, r.decided, p);
      case kDecision:
        return code_field(name(c), v, r.decision, p);
      case kAccepted:
        return date_field(name(c), v, r.accepted, p);
      case kCaseType:
        return code_field(name(c), v, r.case_type, p);
      case kAssigned:
        return date_field(name(c), v, r.assigned, p);
      case kLawyer:
        return text_field(v, r.lawyer);
      case kFirm:
        return text_field(v, r.firm);
      case kMethod:
        return code_field(name(c), v, r.method, p);
      case kCommitment:
        return tri_field(name(c), v, r.commitment, p);
      case kClosed:
        return date_field(name(c), v, r.closed, p);
      case kRecovered:
        return money_field(name(c), v, r.recovered_fen, p);
    }
    return true;
  }

  static bool from_record(const Record& x, Row& r, Problem& p) {
    r.case_id = trim(x.case_id);
    r.lawyer = trim(x.lawyer_id);
    r.firm = trim(x.firm_id);
    if (x.recovered_fen && *x.recovered_fen < 0) {
      return fail(p, name(kRecovered),
                  absl::StrCat("not an amount of money: ", *x.recovered_fen, " fen (negative)"));
    }
    r.recovered_fen = x.recovered_fen.value_or(-1);
    return record_region(name(kRegion), x.region, r.region, p) &&
           record_day(name(kApplied), x.applied_date, r.applied, p) &&
           record_day(name(kDecided), x.decided_date, r.decided, p) &&
           record_code(name(kDecision), x.decision, r.decision, p) &&
           record_day(name(kAccepted), x.accepted_date, r.accepted, p) &&
           record_code(name(kCaseType), x.case_type, r.case_type, p) &&
           record_day(name(kAssigned), x.assigned_date, r.assigned, p) &&
           record_code(name(kMethod), x.assignment_method, r.method, p) &&
           record_tri(name(kCommitment), x.commitment, r.commitment, p) &&
           record_day(name(kClosed), x.closed_date, r.closed, p);
  }

  static bool check(const Row& r, Problem& p) {
    if (r.case_id.empty()) return missing(p, name(kCaseId));
    if (r.region.value() == 0) return missing(p, name(kRegion));
    if (r.applied == kNoDay) return missing(p, name(kApplied));
    // 法律援助法 art. 43: the review decides on an application, and a lawyer
    // is assigned after the decision to grant aid.
    return not_before(p, name(kDecided), r.decided, name(kApplied), r.applied) &&
           not_before(p, name(kAccepted), r.accepted, name(kApplied), r.applied) &&
           not_before(p, name(kAssigned), r.assigned, name(kApplied), r.applied) &&
           not_before(p, name(kAssigned), r.assigned, name(kDecided), r.decided) &&
           not_before(p, name(kClosed), r.closed, name(kApplied), r.applied) &&
           given_together(p, name(kDecision), r.decision, name(kDecided), r.decided);
  }

  template <Interner I>
  static void append(const Row& r, Columns& c, I& in) {
    c.region.push_back(in.region(r.region));
    c.applied.push_back(r.applied);
    c.decided.push_back(r.decided);
    c.accepted.push_back(r.accepted);
    c.assigned.push_back(r.assigned);
    c.closed.push_back(r.closed);
    c.decision.push_back(r.decision);
    c.case_type.push_back(r.case_type);
    c.assignment_method.push_back(r.method);
    c.commitment.push_back(r.commitment);
    c.recovered_fen.push_back(r.recovered_fen);
    c.lawyer.push_back(in.text(r.lawyer));
    c.firm.push_back(in.text(r.firm));
  }
  static constexpr auto kPlain =
      std::make_tuple(&Columns::applied, &Columns::decided, &Columns::accepted, &Columns::assigned,
                      &Columns::closed, &Columns::decision, &Columns::case_type,
                      &Columns::assignment_method, &Columns::commitment, &Columns::recovered_fen);
  static constexpr auto kText = std::make_tuple(&Columns::lawyer, &Columns::firm);
  static constexpr auto kRowText = std::make_tuple(&Row::lawyer, &Row::firm);
  static constexpr bool kIndexedRegion = true;

  static constexpr bool kHasId = true;
  static constexpr L kIdColumn = "case_id";
  static std::string_view id(const Row& r) { return r.case_id; }
  static uint32_t scope(const Row& r) { return r.region.value(); }
};

// ---- mediation ------------------------------------------------------------------

struct Mediation {
  static constexpr RecordKind kKind = RecordKind::kMediation;
  using Columns = MediationColumns;
  using Record = MediationRecord;
  enum Col : uint8_t {
    kCaseId,
    kRegion,
    kOrg,
    kReceived,
    kClosed,
    kOutcome,
    kMajorGroup,
    kCategory
  };
  static constexpr L kCaseIdA[] = {"案件编号"};
  static constexpr L kRegionA[] = {"区划代码"};
  static constexpr L kOrgA[] = {"调解组织"};
  static constexpr L kReceivedA[] = {"受理日期"};
  static constexpr L kClosedA[] = {"结案日期"};
  static constexpr L kOutcomeA[] = {"调解结果"};
  static constexpr L kMajorGroupA[] = {"重大群体性纠纷"};
  static constexpr L kCategoryA[] = {"纠纷类型"};
  static constexpr ColumnDef kColumns[] = {
      {"case_id", kCaseIdA, true},
      {"region", kRegionA, true},
      {"org_id", kOrgA, false},
      {"received_date", kReceivedA, true},
      {"closed_date", kClosedA, false},
      {"outcome", kOutcomeA, false},
      {"major_group", kMajorGroupA, false},
      {"category", kCategoryA, false},
  };
  static constexpr L name(Col c) { return kColumns[c].name; }

  struct Row {
    std::string_view case_id;
    RegionCode region;
    std::string_view org, category;
    DayNumber received = kNoDay, closed = kNoDay;
    MediationOutcome outcome = MediationOutcome::kNone;
    Tri major_group = Tri::kUnknown;
  };

  static bool parse(uint8_t col, std::string_view v, Row& r, Problem& p) {
    const Col c = static_cast<Col>(col);
    switch (c) {
      case kCaseId:
        return text_field(v, r.case_id);
      case kRegion:
        return region_field(name(c), v, r.region, p);
      case kOrg:
        return text_field(v, r.org);
      case kReceived:
        return date_field(name(c), v, r.received, p);
      case kClosed:
        return date_field(name(c), v, r.closed, p);
      case kOutcome:
        return code_field(name(c), v, r.outcome, p);
      case kMajorGroup:
        return tri_field(name(c), v, r.major_group, p);
      case kCategory:
        return text_field(v, r.category);
    }
    return true;
  }

  static bool from_record(const Record& x, Row& r, Problem& p) {
    r.case_id = trim(x.case_id);
    r.org = trim(x.org_id);
    r.category = trim(x.category);
    return record_region(name(kRegion), x.region, r.region, p) &&
           record_day(name(kReceived), x.received_date, r.received, p) &&
           record_day(name(kClosed), x.closed_date, r.closed, p) &&
           record_code(name(kOutcome), x.outcome, r.outcome, p) &&
           record_tri(name(kMajorGroup), x.major_group, r.major_group, p);
  }

  static bool check(const Row& r, Problem& p) {
    if (r.case_id.empty()) return missing(p, name(kCaseId));
    if (r.region.value() == 0) return missing(p, name(kRegion));
    if (r.received == kNoDay) return missing(p, name(kReceived));
    return not_before(p, name(kClosed), r.closed, name(kReceived), r.received) &&
           given_together(p, name(kOutcome), r.outcome, name(kClosed), r.closed);
  }

  template <Interner I>
  static void append(const Row& r, Columns& c, I& in) {
    c.region.push_back(in.region(r.region));
    c.received.push_back(r.received);
    c.closed.push_back(r.closed);
    c.outcome.push_back(r.outcome);
    c.major_group.push_back(r.major_group);
    c.org.push_back(in.text(r.org));
    c.category.push_back(in.text(r.category));
  }
  static constexpr auto kPlain = std::make_tuple(&Columns::received, &Columns::closed,
                                                 &Columns::outcome, &Columns::major_group);
  static constexpr auto kText = std::make_tuple(&Columns::org, &Columns::category);
  static constexpr auto kRowText = std::make_tuple(&Row::org, &Row::category);
  static constexpr bool kIndexedRegion = true;

  static constexpr bool kHasId = true;
  static constexpr L kIdColumn = "case_id";
  static std::string_view id(const Row& r) { return r.case_id; }
  static uint32_t scope(const Row& r) { return r.region.value(); }
};

// ---- registry -------------------------------------------------------------------

struct Registry {
  static constexpr RecordKind kKind = RecordKind::kRegistry;
  using Columns = RegistryColumns;
  using Record = RegistryRecord;
  enum Col : uint8_t { kKindCol, kEntityId, kRegion, kStart, kEnd };
  static constexpr L kKindA[] = {"类型"};
  static constexpr L kEntityIdA[] = {"编号"};
  static constexpr L kRegionA[] = {"区划代码"};
  static constexpr L kStartA[] = {"成立日期", "执业日期", "设立日期"};
  static constexpr L kEndA[] = {"注销日期", "撤销日期"};
  static constexpr ColumnDef kColumns[] = {
      {"kind", kKindA, true},        {"entity_id", kEntityIdA, true}, {"region", kRegionA, true},
      {"start_date", kStartA, true}, {"end_date", kEndA, false},
  };
  static constexpr L name(Col c) { return kColumns[c].name; }

  struct Row {
    RegistryKind kind = RegistryKind::kNone;
    std::string_view entity_id;
    RegionCode region;
    DayNumber start = kNoDay, end = kNoDay;
  };

  static bool parse(uint8_t col, std::string_view v, Row& r, Problem& p) {
    const Col c = static_cast<Col>(col);
    switch (c) {
      case kKindCol:
        return code_field(name(c), v, r.kind, p);
      case kEntityId:
        return text_field(v, r.entity_id);
      case kRegion:
        return region_field(name(c), v, r.region, p);
      case kStart:
        return date_field(name(c), v, r.start, p);
      case kEnd:
        return date_field(name(c), v, r.end, p);
    }
    return true;
  }

  static bool from_record(const Record& x, Row& r, Problem& p) {
    r.entity_id = trim(x.entity_id);
    return record_code(name(kKindCol), x.kind, r.kind, p) &&
           record_region(name(kRegion), x.region, r.region, p) &&
           record_day(name(kStart), x.start_date, r.start, p) &&
           record_day(name(kEnd), x.end_date, r.end, p);
  }

  static bool check(const Row& r, Problem& p) {
    if (r.kind == RegistryKind::kNone) return missing(p, name(kKindCol));
    if (r.entity_id.empty()) return missing(p, name(kEntityId));
    if (r.region.value() == 0) return missing(p, name(kRegion));
    if (r.start == kNoDay) return missing(p, name(kStart));
    // docs/data.md: the entity stands on start_date <= d < end_date.
    return not_before(p, name(kEnd), r.end, name(kStart), r.start);
  }

  template <Interner I>
  static void append(const Row& r, Columns& c, I& in) {
    c.region.push_back(in.region(r.region));
    c.kind.push_back(r.kind);
    c.start.push_back(r.start);
    c.end.push_back(r.end);
  }
  static constexpr auto kPlain = std::make_tuple(&Columns::kind, &Columns::start, &Columns::end);
  static constexpr auto kText = std::make_tuple();
  static constexpr auto kRowText = std::make_tuple();
  static constexpr bool kIndexedRegion = true;

  // entity_id is unique within registry kind and region.
  static constexpr bool kHasId = true;
  static constexpr L kIdColumn = "entity_id";
  static std::string_view id(const Row& r) { return r.entity_id; }
  static uint32_t scope(const Row& r) {
    return static_cast<uint32_t>(r.kind) << 24 | r.region.value();
  }
};

// ---- activity -------------------------------------------------------------------

struct Activity {
  static constexpr RecordKind kKind = RecordKind::kActivity;
  using Columns = ActivityColumns;
  using Record = ActivityRecord;
  enum Col : uint8_t { kRegion, kDate, kIndicator, kValue, kNote };
  static constexpr L kRegionA[] = {"区划代码"};
  static constexpr L kDateA[] = {"日期"};
  static constexpr L kIndicatorA[] = {"指标"};
  static constexpr L kValueA[] = {"数量"};
  static constexpr L kNoteA[] = {"备注"};
  static constexpr ColumnDef kColumns[] = {
      {"region", kRegionA, true}, {"date", kDateA, true},  {"indicator", kIndicatorA, true},
      {"value", kValueA, true},   {"note", kNoteA, false},
  };
  static constexpr L name(Col c) { return kColumns[c].name; }

  struct Row {
    RegionCode region;
    DayNumber date = kNoDay;
    Indicator indicator = Indicator::kNone;
    int64_t value = -1;
    std::string_view note;
  };

  static bool parse(uint8_t col, std::string_view v, Row& r, Problem& p) {
    const Col c = static_cast<Col>(col);
    switch (c) {
      case kRegion:
        return region_field(name(c), v, r.region, p);
      case kDate:
        return date_field(name(c), v, r.date, p);
      case kIndicator:
        return code_field(name(c), v, r.indicator, p);
      case kValue:
        return count_field(name(c), v, INT64_MAX, r.value, p);
      case kNote:
        return text_field(v, r.note);
    }
    return true;
  }

  static bool from_record(const Record& x, Row& r, Problem& p) {
    r.note = trim(x.note);
    return record_region(name(kRegion), x.region, r.region, p) &&
           record_day(name(kDate), x.date, r.date, p) &&
           record_code(name(kIndicator), x.indicator, r.indicator, p) &&
           record_count(name(kValue), x.value, r.value, p);
  }

  static bool check(const Row& r, Problem& p) {
    if (r.region.value() == 0) return missing(p, name(kRegion));
    if (r.date == kNoDay) return missing(p, name(kDate));
    if (r.indicator == Indicator::kNone) return missing(p, name(kIndicator));
    if (r.value < 0) return missing(p, name(kValue));
    return true;
  }

  template <Interner I>
  static void append(const Row& r, Columns& c, I& in) {
    c.region.push_back(in.region(r.region));
    c.date.push_back(r.date);
    c.indicator.push_back(r.indicator);
    c.value.push_back(r.value);
    c.note.push_back(in.text(r.note));
  }
  static constexpr auto kPlain =
      std::make_tuple(&Columns::date, &Columns::indicator, &Columns::value);
  static constexpr auto kText = std::make_tuple(&Columns::note);
  static constexpr auto kRowText = std::make_tuple(&Row::note);
  static constexpr bool kIndexedRegion = true;

  static constexpr bool kHasId = false;
  static constexpr L kIdColumn = "";
  static std::string_view id(const Row&) { return {}; }
  static uint32_t scope(const Row&) { return 0; }
};

// ---- regions --------------------------------------------------------------------

// RegionNameColumns holds regions.csv: codes as values (a name does not make
// a region "used" by a row, so it does not enter Dataset::regions()).
struct RegionNameColumns {
  std::vector<uint32_t> region;
  std::vector<TextId> name;
  size_t size() const { return region.size(); }
};

struct Regions {
  static constexpr RecordKind kKind = RecordKind::kRegions;
  using Columns = RegionNameColumns;
  using Record = RegionNameRecord;
  enum Col : uint8_t { kRegion, kName };
  static constexpr L kRegionA[] = {"区划代码"};
  static constexpr L kNameA[] = {"名称", "区划名称"};
  static constexpr ColumnDef kColumns[] = {{"region", kRegionA, true}, {"name", kNameA, true}};
  static constexpr L name(Col c) { return kColumns[c].name; }

  struct Row {
    RegionCode region;
    std::string_view name;
  };

  static bool parse(uint8_t col, std::string_view v, Row& r, Problem& p) {
    const Col c = static_cast<Col>(col);
    switch (c) {
      case kRegion:
        return region_field(Regions::name(c), v, r.region, p);
      case kName:
        return text_field(v, r.name);
    }
    return true;
  }

  static bool from_record(const Record& x, Row& r, Problem& p) {
    r.name = trim(x.name);
    return record_region(name(kRegion), x.region, r.region, p);
  }

  static bool check(const Row& r, Problem& p) {
    if (r.region.value() == 0) return missing(p, name(kRegion));
    if (r.name.empty()) return missing(p, name(kName));
    return true;
  }

  template <Interner I>
  static void append(const Row& r, Columns& c, I& in) {
    c.region.push_back(r.region.value());
    c.name.push_back(in.text(r.name));
  }
  static constexpr auto kPlain = std::make_tuple(&Columns::region);
  static constexpr auto kText = std::make_tuple(&Columns::name);
  static constexpr auto kRowText = std::make_tuple(&Row::name);
  static constexpr bool kIndexedRegion = false;

  // One name per region: a second row for the same code is a duplicate.
  static constexpr bool kHasId = true;
  static constexpr L kIdColumn = "region";
  static std::string_view id(const Row&) { return {}; }
  static uint32_t scope(const Row& r) { return r.region.value(); }
};

}  // namespace fazhi::internal

#endif  // FAZHI_SRC_DATASET_SCHEMA_HPP_
