// The metric catalogue: every family's rows (families.hpp) in the report's
// order, looked up by id; the family names. A metric is one row in its
// family's room plus its tally and value there.

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "fazhi/metrics.hpp"
#include "fazhi/text.hpp"
#include "metrics/families.hpp"

namespace fazhi {
namespace {

constexpr size_t kFamilies = static_cast<size_t>(Family::kActivity) + 1;

struct Catalogue {
  std::vector<MetricInfo> metrics;
  std::array<internal::FamilyRows, kFamilies> rows{};  // by Family
  absl::flat_hash_map<std::string, size_t> by_id;
};

const Catalogue& catalogue() {
  static const Catalogue* const kCatalogue = [] {
    auto* c = new Catalogue;
    auto add = [&](Family f, std::span<const MetricInfo> rows) {
      c->rows[static_cast<size_t>(f)] = {c->metrics.size(), rows.size()};
      c->metrics.insert(c->metrics.end(), rows.begin(), rows.end());
    };
    // The report's order.
    add(Family::kReconsideration, internal::reconsideration_metrics());
    add(Family::kLitigation, internal::litigation_metrics());
    add(Family::kLegalAid, internal::legal_aid_metrics());
    add(Family::kRegistry, internal::registry_metrics());
    add(Family::kMediation, internal::mediation_metrics());
    static const std::vector<MetricInfo> kActivity = internal::activity_metrics();
    add(Family::kActivity, kActivity);
    for (size_t i = 0; i < c->metrics.size(); ++i) c->by_id[std::string(c->metrics[i].id)] = i;
    return c;
  }();
  return *kCatalogue;
}

}  // namespace

namespace internal {
FamilyRows family_rows_of(Family f) { return catalogue().rows[static_cast<size_t>(f)]; }
}  // namespace internal

std::span<const MetricInfo> metric_catalogue() { return catalogue().metrics; }



std::optional<size_t> metric_index(std::string_view id) {
  const auto& by_id = catalogue().by_id;
  auto it = by_id.find(absl_view(id));
  if (it == by_id.end()) return std::nullopt;
  return it->second;
}

const RegionFigures* Figures::find(RegionCode code) const {
  for (const RegionFigures& r : regions) {
    if (r.code == code) return &r;
  }
  return nullptr;
}

}  // namespace fazhi
