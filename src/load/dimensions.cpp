// dimensions.cpp -- a kind's dimension columns as views a breakdown can
// iterate by name (fazhi/dimensions.hpp).
#include "fazhi/dimensions.hpp"

#include <type_traits>
#include <vector>

namespace fazhi {

std::vector<DimensionColumn> dimensions(const Dataset& ds, RecordKind kind) {
  std::vector<DimensionColumn> out;
  auto add = [&](const DimensionInfo& info, const auto& column) {
    using T = typename std::decay_t<decltype(column)>::value_type;
    DimensionColumn d;
    static_cast<DimensionInfo&>(d) = info;
    if constexpr (std::is_same_v<T, TextId>) {
      d.text_ids = column;
    } else if constexpr (std::is_same_v<T, Tri>) {
      d.bools = column;
    } else {
      static_assert(std::is_enum_v<T> && sizeof(T) == 1, "a code column holds one-byte enums");
      d.code_values = {reinterpret_cast<const uint8_t*>(column.data()), column.size()};
    }
    out.push_back(d);
  };
  switch (kind) {
    case RecordKind::kReconsideration: for_each_dimension(ds.reconsideration(), add); break;
    case RecordKind::kLitigation: for_each_dimension(ds.litigation(), add); break;
    case RecordKind::kLegalAid: for_each_dimension(ds.legal_aid(), add); break;
    case RecordKind::kMediation: for_each_dimension(ds.mediation(), add); break;
    case RecordKind::kRegistry: for_each_dimension(ds.registry(), add); break;
    case RecordKind::kActivity: for_each_dimension(ds.activity(), add); break;
    case RecordKind::kRegions: break;
  }
  return out;
}

}  // namespace fazhi
