// kinds.hpp -- the loader's view of each record kind, made from the one
// declaration of its columns in fazhi/schema.hpp (internal).
//
// For every kind, FAZHI_KIND_SCHEMA expands the kind's column list into:
//   - `Col` and `kColumns`: the columns, their aliases, types, required
//     flags and code tables (header matching, docs/data.md);
//   - `Row`: one record as the loader sees it (text as views, dates as day
//     numbers, kNoDay / kNone / kUnknown / -1 when empty);
//   - `parse`: one CSV value into a Row field, by the column's type
//     (load/field_readers.hpp);
//   - `from_record`: the same for a typed record handed to Dataset::add;
//   - `check`: the required columns, then the kind's own `rules` on a whole
//     row (the order of dates, a disposition on a closed case), written
//     below with the article they follow;
//   - `append` and the member lists kPlain / kText / kRowText: the row
//     into the columns, and the columns the loader copies, maps and groups.
// A reviewer looking for "which rule rejected this row" reads the kind's
// `rules` here and the readers in field_readers.hpp.
#ifndef FAZHI_SRC_LOAD_KINDS_HPP_
#define FAZHI_SRC_LOAD_KINDS_HPP_

#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <vector>

#include "absl/strings/str_cat.h"
#include "fazhi/dataset.hpp"
#include "fazhi/records.hpp"
#include "fazhi/schema.hpp"
#include "fazhi/text.hpp"
#include "load/field_readers.hpp"

namespace fazhi::internal {

// ColumnType is a column's TYPE in fazhi/schema.hpp.
enum class ColumnType : uint8_t { kId, kRegion, kDate, kCode, kBool, kText, kCount, kMoney };

// column_type_name is the type as docs/data.md names it.
constexpr std::string_view column_type_name(ColumnType t) {
  switch (t) {
    case ColumnType::kId: return "text";
    case ColumnType::kRegion: return "region code";
    case ColumnType::kDate: return "date";
    case ColumnType::kCode: return "code";
    case ColumnType::kBool: return "boolean";
    case ColumnType::kText: return "text";
    case ColumnType::kCount: return "integer";
    case ColumnType::kMoney: return "money";
  }
  return "";
}

// ColumnDef is one column of docs/data.md.
struct ColumnDef {
  std::string_view name;
  std::span<const std::string_view> aliases;
  bool required;
  ColumnType type;
  std::span<const CodeEntry> (*codes)() noexcept;  // a code column's table; else null
};

// Storage is where a column's values go: nowhere, the region index, a plain
// vector, or the text dictionary (free text, and the ids: a case list names
// each case by its id, so the id is kept as well as checked for duplicates).
enum class Storage : uint8_t { kNone, kRegion, kPlain, kText };

// ---- Column types: a schema TYPE's row field, readers and storage ----------

namespace column {

struct Id {
  using Row = std::string_view;
  static constexpr ColumnType kType = ColumnType::kId;
  static constexpr Storage kStorage = Storage::kText;
  template <Interner I>
  static TextId store(Row v, I& in) {
    return in.id(v);
  }
  static constexpr auto kCodes = nullptr;
  static constexpr Row not_given() { return {}; }
  static bool given(Row v) { return !v.empty(); }
  static bool parse(std::string_view, std::string_view v, Row& out, Problem&) {
    return text_field(v, out);
  }
  static bool from_record(std::string_view, const std::string& x, Row& out, Problem&) {
    out = trim(x);
    return true;
  }
};

struct Text : Id {
  static constexpr ColumnType kType = ColumnType::kText;
  // Free text is always kept (an id only when the load keeps ids).
  template <Interner I>
  static TextId store(Row v, I& in) {
    return in.text(v);
  }
};

struct Region {
  using Row = RegionCode;
  static constexpr ColumnType kType = ColumnType::kRegion;
  static constexpr Storage kStorage = Storage::kRegion;
  static constexpr auto kCodes = nullptr;
  static constexpr Row not_given() { return RegionCode(); }
  static bool given(Row v) { return v.value() != 0; }
  static bool parse(std::string_view col, std::string_view v, Row& out, Problem& p) {
    return region_field(col, v, out, p);
  }
  static bool from_record(std::string_view col, RegionCode x, Row& out, Problem& p) {
    return record_region(col, x, out, p);
  }
  template <Interner I>
  static RegionIndex store(Row v, I& in) {
    return in.region(v);
  }
};

// RegionKey is regions.csv's region: held as its code, since naming a region
// does not make it one a row used (Dataset::regions()).
struct RegionKey : Region {
  static constexpr Storage kStorage = Storage::kPlain;
  template <Interner I>
  static uint32_t store(Row v, I&) {
    return v.value();
  }
};

struct Day {
  using Row = DayNumber;
  static constexpr ColumnType kType = ColumnType::kDate;
  static constexpr Storage kStorage = Storage::kPlain;
  static constexpr auto kCodes = nullptr;
  static constexpr Row not_given() { return kNoDay; }
  static bool given(Row v) { return v != kNoDay; }
  static bool parse(std::string_view col, std::string_view v, Row& out, Problem& p) {
    return date_field(col, v, out, p);
  }
  template <typename D>  // Date or std::optional<Date>
  static bool from_record(std::string_view col, const D& x, Row& out, Problem& p) {
    return record_day(col, x, out, p);
  }
  template <Interner I>
  static DayNumber store(Row v, I&) {
    return v;
  }
};

template <typename Enum>
struct Code {
  using Row = Enum;
  static constexpr ColumnType kType = ColumnType::kCode;
  static constexpr Storage kStorage = Storage::kPlain;
  static constexpr auto kCodes = &code_table<Enum>;
  static constexpr Row not_given() { return Enum::kNone; }
  static bool given(Row v) { return v != Enum::kNone; }
  static bool parse(std::string_view col, std::string_view v, Row& out, Problem& p) {
    return code_field(col, v, out, p);
  }
  static bool from_record(std::string_view col, Enum x, Row& out, Problem& p) {
    return record_code(col, x, out, p);
  }
  template <Interner I>
  static Enum store(Row v, I&) {
    return v;
  }
};

struct Bool {
  using Row = Tri;
  static constexpr ColumnType kType = ColumnType::kBool;
  static constexpr Storage kStorage = Storage::kPlain;
  static constexpr auto kCodes = nullptr;
  static constexpr Row not_given() { return Tri::kUnknown; }
  static bool given(Row v) { return v != Tri::kUnknown; }
  static bool parse(std::string_view col, std::string_view v, Row& out, Problem& p) {
    return tri_field(col, v, out, p);
  }
  static bool from_record(std::string_view col, Tri x, Row& out, Problem& p) {
    return record_tri(col, x, out, p);
  }
  template <Interner I>
  static Tri store(Row v, I&) {
    return v;
  }
};

// Count is a whole number under a CountRule (fazhi/schema.hpp); the row
// holds -1 when it is not given, the column the rule's kEmpty.
template <typename Rule>
struct Count {
  using Row = int64_t;
  using Stored = typename Rule::type;
  static constexpr ColumnType kType = ColumnType::kCount;
  static constexpr Storage kStorage = Storage::kPlain;
  static constexpr auto kCodes = nullptr;
  static constexpr Row not_given() { return -1; }
  static bool given(Row v) { return v >= 0; }
  static bool at_least(std::string_view col, int64_t v, Problem& p) {
    if (v < 0 || v >= Rule::kMin) return true;
    fail(p, col, absl::StrCat("must be at least ", Rule::kMin, ": '", v, "'"));
    return say(p, N_("'$0' is less than $1"), {absl::StrCat(v), absl::StrCat(Rule::kMin)});
  }
  static bool parse(std::string_view col, std::string_view v, Row& out, Problem& p) {
    return count_field(col, v, std::numeric_limits<Stored>::max(), out, p) && at_least(col, out, p);
  }
  static bool from_record(std::string_view col, const std::optional<Stored>& x, Row& out,
                          Problem& p) {
    std::optional<int64_t> v;
    if (x) v = *x;
    return record_count(col, v, out, p) && at_least(col, out, p);
  }
  static bool from_record(std::string_view col, Stored x, Row& out, Problem& p) {
    return from_record(col, std::optional<Stored>(x), out, p);
  }
  template <Interner I>
  static Stored store(Row v, I&) {
    return static_cast<Stored>(v < 0 ? Rule::kEmpty : v);
  }
};

struct Money {
  using Row = int64_t;  // fen
  static constexpr ColumnType kType = ColumnType::kMoney;
  static constexpr Storage kStorage = Storage::kPlain;
  static constexpr auto kCodes = nullptr;
  static constexpr Row not_given() { return -1; }
  static bool given(Row v) { return v >= 0; }
  static bool parse(std::string_view col, std::string_view v, Row& out, Problem& p) {
    return money_field(col, v, out, p);
  }
  static bool from_record(std::string_view col, const std::optional<int64_t>& fen, Row& out,
                          Problem& p) {
    if (fen && *fen < 0) {
      return fail(p, col, absl::StrCat("not an amount of money: ", *fen, " fen (negative)"));
    }
    out = fen.value_or(-1);
    return true;
  }
  template <Interner I>
  static int64_t store(Row v, I&) {
    return v;
  }
};

}  // namespace column

// StoredColumn pairs a stored column's member in the Columns with its Row
// field, and says its type.
template <typename T, typename ColumnsMember, typename RowMember>
struct StoredColumn {
  using Type = T;
  ColumnsMember column;
  RowMember row;
};
template <typename T, typename C, typename R>
constexpr auto stored_column(C column, R row) {
  return std::make_tuple(StoredColumn<T, C, R>{column, row});
}

// columns_stored_as picks the members of the stored columns whose storage
// is S: the Columns' members, or (of_rows) the Row's.
template <Storage S, bool of_rows = false, typename... E>
constexpr auto columns_stored_as(const std::tuple<E...>& all) {
  return std::apply(
      [](auto... e) {
        return std::tuple_cat([](auto one) {
          if constexpr (decltype(one)::Type::kStorage != S) {
            return std::tuple<>();
          } else if constexpr (of_rows) {
            return std::make_tuple(one.row);
          } else {
            return std::make_tuple(one.column);
          }
        }(e)...);
      },
      all);
}

// ---- The expansion of a kind's column list ------------------------------------

// clang-format off
// NOLINTBEGIN(bugprone-macro-parentheses)
#define FAZHI_TYPE_ID(detail) ::fazhi::internal::column::Id
#define FAZHI_TYPE_REGION(detail) ::fazhi::internal::column::Region
#define FAZHI_TYPE_REGION_KEY(detail) ::fazhi::internal::column::RegionKey
#define FAZHI_TYPE_DATE(detail) ::fazhi::internal::column::Day
#define FAZHI_TYPE_CODE(detail) ::fazhi::internal::column::Code<detail>
#define FAZHI_TYPE_BOOL(detail) ::fazhi::internal::column::Bool
#define FAZHI_TYPE_TEXT(detail) ::fazhi::internal::column::Text
#define FAZHI_TYPE_COUNT(detail) ::fazhi::internal::column::Count<detail>
#define FAZHI_TYPE_MONEY(detail) ::fazhi::internal::column::Money
// FAZHI_IF_STORED_<TYPE>(x...) is x for a column kept in the Columns.
#define FAZHI_IF_STORED_ID(...) __VA_ARGS__
#define FAZHI_IF_STORED_REGION(...) __VA_ARGS__
#define FAZHI_IF_STORED_REGION_KEY(...) __VA_ARGS__
#define FAZHI_IF_STORED_DATE(...) __VA_ARGS__
#define FAZHI_IF_STORED_CODE(...) __VA_ARGS__
#define FAZHI_IF_STORED_BOOL(...) __VA_ARGS__
#define FAZHI_IF_STORED_TEXT(...) __VA_ARGS__
#define FAZHI_IF_STORED_COUNT(...) __VA_ARGS__
#define FAZHI_IF_STORED_MONEY(...) __VA_ARGS__

#define FAZHI_COL_ENUM(column, record, stored, TYPE, detail, required, ...) column,
#define FAZHI_COL_ALIASES(column, record, stored, TYPE, detail, required, ...) \
  static constexpr std::string_view column##_aliases[] = {__VA_ARGS__};
#define FAZHI_COL_DEF(column, record, stored, TYPE, detail, required, ...) \
  ColumnDef{#column, column##_aliases, (required) != 0, FAZHI_TYPE_##TYPE(detail)::kType, FAZHI_TYPE_##TYPE(detail)::kCodes},
#define FAZHI_COL_ROW(column, record, stored, TYPE, detail, required, ...) \
  FAZHI_TYPE_##TYPE(detail)::Row stored = FAZHI_TYPE_##TYPE(detail)::not_given();
#define FAZHI_COL_PARSE(column, record, stored, TYPE, detail, required, ...) \
  case Col::column: return FAZHI_TYPE_##TYPE(detail)::parse(#column, v, r.stored, p);
#define FAZHI_COL_FROM_RECORD(column, record, stored, TYPE, detail, required, ...) \
  FAZHI_TYPE_##TYPE(detail)::from_record(#column, x.record, r.stored, p) &&
#define FAZHI_COL_REQUIRED(column, record, stored, TYPE, detail, required, ...) \
  if ((required) != 0 && !FAZHI_TYPE_##TYPE(detail)::given(r.stored)) return missing(p, #column);
#define FAZHI_COL_APPEND(column, record, stored, TYPE, detail, required, ...) \
  FAZHI_IF_STORED_##TYPE(c.stored.push_back(FAZHI_TYPE_##TYPE(detail)::store(r.stored, in));)
#define FAZHI_COL_STORED(column, record, stored, TYPE, detail, required, ...) \
  FAZHI_IF_STORED_##TYPE(stored_column<FAZHI_TYPE_##TYPE(detail)>(&Columns::stored, &Row::stored),)

// FAZHI_KIND_SCHEMA(COLUMNS) declares, inside a kind's struct that names its
// Columns and Record, what schema.hpp's list COLUMNS says (see the top).
#define FAZHI_KIND_SCHEMA(COLUMNS)                                                                \
  enum class Col : uint8_t { COLUMNS(FAZHI_COL_ENUM) };                                          \
  COLUMNS(FAZHI_COL_ALIASES)                                                                      \
  static constexpr ColumnDef kColumns[] = {COLUMNS(FAZHI_COL_DEF)};                              \
  static constexpr std::string_view name(Col c) { return kColumns[static_cast<size_t>(c)].name; } \
  struct Row {                                                                                    \
    COLUMNS(FAZHI_COL_ROW)                                                                        \
  };                                                                                              \
  static bool parse(uint8_t col, std::string_view v, Row& r, Problem& p) {                       \
    switch (static_cast<Col>(col)) { COLUMNS(FAZHI_COL_PARSE) }                                   \
    return true;                                                                                  \
  }                                                                                               \
  static bool from_record(const Record& x, Row& r, Problem& p) {                                 \
    return COLUMNS(FAZHI_COL_FROM_RECORD) true;                                                   \
  }                                                                                               \
  static bool check(const Row& r, Problem& p) {                                                   \
    COLUMNS(FAZHI_COL_REQUIRED)                                                                   \
    return rules(r, p);                                                                           \
  }                                                                                               \
  template <Interner I>                                                                           \
  static void append(const Row& r, Columns& c, I& in) {                                           \
    COLUMNS(FAZHI_COL_APPEND)                                                                     \
  }                                                                                               \
  static constexpr auto kStored = std::tuple_cat(COLUMNS(FAZHI_COL_STORED) std::tuple<>());      \
  static constexpr auto kPlain = columns_stored_as<Storage::kPlain>(kStored);                    \
  static constexpr auto kText = columns_stored_as<Storage::kText>(kStored);                      \
  static constexpr auto kRowText = columns_stored_as<Storage::kText, true>(kStored);             \
  static constexpr bool kIndexedRegion =                                                          \
      std::tuple_size_v<decltype(columns_stored_as<Storage::kRegion>(kStored))> == 1;
// NOLINTEND(bugprone-macro-parentheses)
// clang-format on

using L = std::string_view;

// ---- reconsideration --------------------------------------------------------

struct Reconsideration {
  static constexpr RecordKind kKind = RecordKind::kReconsideration;
  using Columns = ReconsiderationColumns;
  using Record = ReconsiderationRecord;
  FAZHI_KIND_SCHEMA(FAZHI_RECONSIDERATION_COLUMNS)

  static bool rules(const Row& r, Problem& p) {
    // A case is accepted (行政复议法 (2023) art. 30) and closed after it is received.
    return not_before(p, name(Col::accepted_date), r.accepted, name(Col::received_date),
                      r.received) &&
           not_before(p, name(Col::closed_date), r.closed, name(Col::received_date), r.received) &&
           not_before(p, name(Col::closed_date), r.closed, name(Col::accepted_date), r.accepted) &&
           given_together(p, name(Col::disposition), r.disposition, name(Col::closed_date),
                          r.closed);
  }

  // case_id is unique within kind and region (docs/data.md, ids).
  static constexpr bool kHasId = true;
  static constexpr L kIdColumn = kColumns[static_cast<size_t>(Col::case_id)].name;
  static std::string_view id(const Row& r) { return r.case_id; }
  static uint32_t scope(const Row& r) { return r.region.value(); }
};

// ---- litigation ---------------------------------------------------------------

struct Litigation {
  static constexpr RecordKind kKind = RecordKind::kLitigation;
  using Columns = LitigationColumns;
  using Record = LitigationRecord;
  FAZHI_KIND_SCHEMA(FAZHI_LITIGATION_COLUMNS)

  static bool rules(const Row& r, Problem& p) {
    // The defence (行政诉讼法 art. 67) and the end of the case follow the filing.
    return not_before(p, name(Col::defence_date), r.defence, name(Col::filed_date), r.filed) &&
           not_before(p, name(Col::closed_date), r.closed, name(Col::filed_date), r.filed) &&
           given_together(p, name(Col::outcome), r.outcome, name(Col::closed_date), r.closed) &&
           principal_is_a_head(r, p);
  }
  // The principal head (正职) is one of the agency's heads: a case where the
  // principal appeared is one where a head appeared.
  static bool principal_is_a_head(const Row& r, Problem& p) {
    if (r.head_principal != Tri::kTrue || r.head_appeared != Tri::kFalse) return true;
    fail(p, RejectCode::kInconsistent, name(Col::head_principal),
         "head_principal is true but head_appeared is false (the principal head is one of "
         "the heads)");
    return say(p, N_("the principal head appeared, but head_appeared says no head did"), {});
  }

  static constexpr bool kHasId = true;
  static constexpr L kIdColumn = kColumns[static_cast<size_t>(Col::case_id)].name;
  static std::string_view id(const Row& r) { return r.case_id; }
  static uint32_t scope(const Row& r) { return r.region.value(); }
};

// ---- legal_aid ------------------------------------------------------------------

struct LegalAid {
  static constexpr RecordKind kKind = RecordKind::kLegalAid;
  using Columns = LegalAidColumns;
  using Record = LegalAidRecord;
  FAZHI_KIND_SCHEMA(FAZHI_LEGAL_AID_COLUMNS)

  static bool rules(const Row& r, Problem& p) {
    // 法律援助法 art. 43: the review decides on an application, and a lawyer
    // is assigned after the decision to grant aid.
    const L applied = name(Col::applied_date), decided = name(Col::decided_date);
    return not_before(p, decided, r.decided, applied, r.applied) &&
           not_before(p, name(Col::accepted_date), r.accepted, applied, r.applied) &&
           not_before(p, name(Col::assigned_date), r.assigned, applied, r.applied) &&
           not_before(p, name(Col::assigned_date), r.assigned, decided, r.decided) &&
           not_before(p, name(Col::closed_date), r.closed, applied, r.applied) &&
           given_together(p, name(Col::decision), r.decision, decided, r.decided);
  }

  static constexpr bool kHasId = true;
  static constexpr L kIdColumn = kColumns[static_cast<size_t>(Col::case_id)].name;
  static std::string_view id(const Row& r) { return r.case_id; }
  static uint32_t scope(const Row& r) { return r.region.value(); }
};

// ---- mediation ------------------------------------------------------------------

struct Mediation {
  static constexpr RecordKind kKind = RecordKind::kMediation;
  using Columns = MediationColumns;
  using Record = MediationRecord;
  FAZHI_KIND_SCHEMA(FAZHI_MEDIATION_COLUMNS)

  static bool rules(const Row& r, Problem& p) {
    return not_before(p, name(Col::closed_date), r.closed, name(Col::received_date), r.received) &&
           given_together(p, name(Col::outcome), r.outcome, name(Col::closed_date), r.closed);
  }

  static constexpr bool kHasId = true;
  static constexpr L kIdColumn = kColumns[static_cast<size_t>(Col::case_id)].name;
  static std::string_view id(const Row& r) { return r.case_id; }
  static uint32_t scope(const Row& r) { return r.region.value(); }
};

// ---- registry -------------------------------------------------------------------

struct Registry {
  static constexpr RecordKind kKind = RecordKind::kRegistry;
  using Columns = RegistryColumns;
  using Record = RegistryRecord;
  FAZHI_KIND_SCHEMA(FAZHI_REGISTRY_COLUMNS)

  static bool rules(const Row& r, Problem& p) {
    // docs/data.md: the entity stands on start_date <= d < end_date.
    return not_before(p, name(Col::end_date), r.end, name(Col::start_date), r.start);
  }

  // entity_id is unique within registry kind and region.
  static constexpr bool kHasId = true;
  static constexpr L kIdColumn = kColumns[static_cast<size_t>(Col::entity_id)].name;
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
  FAZHI_KIND_SCHEMA(FAZHI_ACTIVITY_COLUMNS)

  static bool rules(const Row&, Problem&) { return true; }

  static constexpr bool kHasId = false;
  static constexpr L kIdColumn = "";
  static std::string_view id(const Row&) { return {}; }
  static uint32_t scope(const Row&) { return 0; }
};

// ---- regions --------------------------------------------------------------------

// RegionNameColumns holds regions.csv: codes as values (a name does not make
// a region "used" by a row, so it does not enter Dataset::regions()).
struct RegionNameColumns {
  FAZHI_REGIONS_COLUMNS(FAZHI_COLUMN_STORAGE)
  size_t size() const { return region.size(); }
};

struct Regions {
  static constexpr RecordKind kKind = RecordKind::kRegions;
  using Columns = RegionNameColumns;
  using Record = RegionNameRecord;
  FAZHI_KIND_SCHEMA(FAZHI_REGIONS_COLUMNS)

  static bool rules(const Row&, Problem&) { return true; }

  // One name per region: a second row for the same code is a duplicate.
  static constexpr bool kHasId = true;
  static constexpr L kIdColumn = kColumns[static_cast<size_t>(Col::region)].name;
  static std::string_view id(const Row&) { return {}; }
  static uint32_t scope(const Row& r) { return r.region.value(); }
};

// for_each_kind calls f(K{}) for every kind, in RecordKind order.
template <typename F>
void for_each_kind(F&& f) {
  f(Reconsideration{});
  f(Litigation{});
  f(LegalAid{});
  f(Mediation{});
  f(Registry{});
  f(Activity{});
  f(Regions{});
}

}  // namespace fazhi::internal

#endif  // FAZHI_SRC_LOAD_KINDS_HPP_
