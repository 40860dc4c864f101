// fazhi/dimensions.hpp -- the columns a breakdown can group a kind's rows by.
//
// docs/data.md's "Dimensions": every code column (disposition, act_type,
// respondent_level, ...), every free-text column (respondent, category,
// lawyer_id, ...) and every boolean column of a kind, straight from its
// schema (fazhi/schema.hpp): a column added there is a dimension here with
// nothing more to write. A row without a value has the key 0, which a
// breakdown shows as `null` (未填); it is never dropped. Dates (month,
// quarter) and the region are dimensions a breakdown derives itself.
//
// At run time, by name:
//   for (const fazhi::DimensionColumn& d : fazhi::dimensions(ds, fazhi::RecordKind::kReconsideration))
//     if (d.name == "act_type")
//       for (size_t i = 0; i < d.size(); ++i) ++counts[d.key(i)];  // code value, 0 = 未填
// At compile time, each column with its own element type:
//   fazhi::for_each_dimension(ds.reconsideration(), [&](const fazhi::DimensionInfo& info,
//                                                       const auto& column) { ... });
#ifndef FAZHI_DIMENSIONS_HPP_
#define FAZHI_DIMENSIONS_HPP_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "fazhi/dataset.hpp"
#include "fazhi/records.hpp"
#include "fazhi/schema.hpp"

namespace fazhi {

// DimensionType is how a dimension's values read.
enum class DimensionType : uint8_t {
  kCode,  // an enum of a code table: key = its value (kNone = 0 = 未填)
  kText,  // dictionary text: key = its TextId (0 = 未填), Dataset::text gives it
  kBool,  // a Tri: key 0 = unknown (未填), 1 = false (否), 2 = true (是)
};

// DimensionInfo names a dimension column.
struct DimensionInfo {
  std::string_view name;  // the canonical column, e.g. "act_type"
  DimensionType type;
  // kCode: the column's code table (code, Chinese labels; docs/data.md);
  // the label a breakdown prints is the first Chinese label.
  std::span<const CodeEntry> codes;
};

// DimensionColumn is a dimension of one kind's rows in a Dataset: a view of
// its column, valid while the Dataset lives and is not loaded into.
struct DimensionColumn : DimensionInfo {
  std::span<const uint8_t> code_values;  // kCode: each row's enum value
  std::span<const TextId> text_ids;      // kText: each row's TextId
  std::span<const Tri> bools;            // kBool: each row's Tri

  size_t size() const { return code_values.size() + text_ids.size() + bools.size(); }
  // key is row i's value as a number: the code's value, the TextId, or the
  // Tri + 1; 0 is always "not given" (未填).
  uint32_t key(size_t i) const {
    switch (type) {
      case DimensionType::kCode: return code_values[i];
      case DimensionType::kText: return text_ids[i];
      case DimensionType::kBool: return static_cast<uint32_t>(static_cast<int>(bools[i]) + 1);
    }
    return 0;
  }
};

// dimensions lists the dimension columns of a kind's rows in `ds`, in the
// order of its schema (none for kRegions).
std::vector<DimensionColumn> dimensions(const Dataset& ds, RecordKind kind);

// for_each_dimension calls f(const DimensionInfo&, const std::vector<T>&)
// for each dimension column of a kind's columns, T being the column's own
// element type (an enum, TextId or Tri), in schema order.
template <typename F>
void for_each_dimension(const ReconsiderationColumns& c, F&& f);
template <typename F>
void for_each_dimension(const LitigationColumns& c, F&& f);
template <typename F>
void for_each_dimension(const LegalAidColumns& c, F&& f);
template <typename F>
void for_each_dimension(const MediationColumns& c, F&& f);
template <typename F>
void for_each_dimension(const RegistryColumns& c, F&& f);
template <typename F>
void for_each_dimension(const ActivityColumns& c, F&& f);

// ---- Implementation ----------------------------------------------------------

// clang-format off
#define FAZHI_DIMENSION_ID(column, stored, detail)
#define FAZHI_DIMENSION_REGION(column, stored, detail)
#define FAZHI_DIMENSION_REGION_KEY(column, stored, detail)
#define FAZHI_DIMENSION_DATE(column, stored, detail)
#define FAZHI_DIMENSION_COUNT(column, stored, detail)
#define FAZHI_DIMENSION_MONEY(column, stored, detail)
#define FAZHI_DIMENSION_CODE(column, stored, detail) \
  f(DimensionInfo{#column, DimensionType::kCode, code_table<detail>()}, c.stored);
#define FAZHI_DIMENSION_TEXT(column, stored, detail) \
  f(DimensionInfo{#column, DimensionType::kText, {}}, c.stored);
#define FAZHI_DIMENSION_BOOL(column, stored, detail) \
  f(DimensionInfo{#column, DimensionType::kBool, {}}, c.stored);
#define FAZHI_DIMENSION(column, record_field, stored_as, TYPE, detail, required, ...) \
  FAZHI_DIMENSION_##TYPE(column, stored_as, detail)
#define FAZHI_FOR_EACH_DIMENSION(Columns, COLUMNS)             \
  template <typename F>                                        \
  void for_each_dimension(const Columns& c, F&& f) {           \
    COLUMNS(FAZHI_DIMENSION)                                   \
  }
// clang-format on

FAZHI_FOR_EACH_DIMENSION(ReconsiderationColumns, FAZHI_RECONSIDERATION_COLUMNS)
FAZHI_FOR_EACH_DIMENSION(LitigationColumns, FAZHI_LITIGATION_COLUMNS)
FAZHI_FOR_EACH_DIMENSION(LegalAidColumns, FAZHI_LEGAL_AID_COLUMNS)
FAZHI_FOR_EACH_DIMENSION(MediationColumns, FAZHI_MEDIATION_COLUMNS)
FAZHI_FOR_EACH_DIMENSION(RegistryColumns, FAZHI_REGISTRY_COLUMNS)
FAZHI_FOR_EACH_DIMENSION(ActivityColumns, FAZHI_ACTIVITY_COLUMNS)

#undef FAZHI_FOR_EACH_DIMENSION
#undef FAZHI_DIMENSION
#undef FAZHI_DIMENSION_ID
#undef FAZHI_DIMENSION_REGION
#undef FAZHI_DIMENSION_REGION_KEY
#undef FAZHI_DIMENSION_DATE
#undef FAZHI_DIMENSION_COUNT
#undef FAZHI_DIMENSION_MONEY
#undef FAZHI_DIMENSION_CODE
#undef FAZHI_DIMENSION_TEXT
#undef FAZHI_DIMENSION_BOOL

}  // namespace fazhi

#endif  // FAZHI_DIMENSIONS_HPP_
