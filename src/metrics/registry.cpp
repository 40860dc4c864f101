// The registry (律师、公证、调解组织、公共法律服务平台): the family's catalogue
// rows, its tally in the record pass (entities standing at a period's end,
// and new in it), and its values.

#include <algorithm>
#include <array>
#include <span>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "fazhi/metrics.hpp"
#include "fazhi/time_limits.hpp"
#include "metrics/families.hpp"
#include "metrics/pass.hpp"
#include "metrics/tally.hpp"

namespace fazhi::internal {
namespace {

using K = ValueKind;
using F = Family;

// The family's rows of the catalogue, in the report's order.
constexpr MetricInfo kMetrics[] = {
    {"registry.law_firm", "律师事务所", "家", F::kRegistry, K::kCount, true},
    {"registry.lawyer", "执业律师", "人", F::kRegistry, K::kCount, true},
    {"registry.mediation_org", "调解组织", "个", F::kRegistry, K::kCount, true},
    {"registry.mediator_fulltime", "专职调解员", "名", F::kRegistry, K::kCount, true},
    {"registry.notary_office", "公证机构", "家", F::kRegistry, K::kCount, true},
    {"registry.notary_point", "公证业务办理点", "个", F::kRegistry, K::kCount, true},
    {"registry.legal_service_platform", "公共法律服务平台", "个", F::kRegistry, K::kCount, true},
    {"registry.law_firm.new", "新设律师事务所", "家", F::kRegistry, K::kCount, true},
    {"registry.lawyer.new", "新增执业律师", "人", F::kRegistry, K::kCount, true},
    {"registry.mediation_org.new", "新设调解组织", "个", F::kRegistry, K::kCount, true},
    {"registry.mediator_fulltime.new", "招录专职调解员", "名", F::kRegistry, K::kCount, true},
    {"registry.notary_office.new", "新设公证机构", "家", F::kRegistry, K::kCount, true},
    {"registry.notary_point.new", "新设公证业务办理点", "个", F::kRegistry, K::kCount, true},
    {"registry.legal_service_platform.new", "示范性公共法律服务平台", "个", F::kRegistry, K::kCount, true},
};

// case_index is a metric's index among this family's rows (the `v` its
// values fill), found at compile time: a misspelt id does not compile.
consteval size_t case_index(std::string_view id) {
  for (size_t i = 0; i < std::size(kMetrics); ++i) {
    if (kMetrics[i].id == id) return i;
  }
  throw "no such metric id";  // not a constant expression: a compile error
}



FAZHI_PASS_PART inline
void tally_registry(const RegistryColumns& g, const Periods& periods, Range range,
                    const std::vector<RegionIndex>& runs, const Rows& rows, RegistryBlock& block) {
  for_each_run(runs, range, [&](RegionIndex index, size_t b, size_t e) FAZHI_PASS_PART {
    const uint32_t region = rows[index];
    for (size_t i = b; i < e; ++i) {
      const size_t k = static_cast<size_t>(g.kind[i]);
      const DayNumber start = g.start[i], end = g.end[i];
      // An entity stands on day d when start <= d < end (docs/metrics.md).
      for (int which = 0; which < 2; ++which) {
        const Period p = periods[static_cast<size_t>(which)];
        block.at(region, which)[kGStanding + k] += open_at_end(p.to, start, end);
      }
      ++block.at(region, slot_of(periods, start))[kGNew + k];
    }
  });
}

FAZHI_PASS_ENTRY(run_tally, tally_registry)

}  // namespace

std::span<const MetricInfo> registry_metrics() { return kMetrics; }

void tally_registry_rows(const PassInput& in, Range range, RegistryBlock& block) {
  run_tally(in.ds.registry(), in.periods, range, in.runs ? *in.runs : in.ds.registry().region, in.rows, block);
}

void registry_values(const Tally& t, const Context& c, std::span<Value> v) {
  const auto& n = t.n;
  auto set = [&](size_t index, Value value) { v[index] = std::move(value); };
  [[maybe_unused]] const Profile& pr = *c.profile;
  struct RegistryIds {
    RegistryKind kind;
    size_t standing, fresh;
  };
  static constexpr RegistryIds kRegistryIds[] = {
      {RegistryKind::kLawFirm, case_index("registry.law_firm"), case_index("registry.law_firm.new")},
      {RegistryKind::kLawyer, case_index("registry.lawyer"), case_index("registry.lawyer.new")},
      {RegistryKind::kMediationOrg, case_index("registry.mediation_org"), case_index("registry.mediation_org.new")},
      {RegistryKind::kMediatorFulltime, case_index("registry.mediator_fulltime"),
       case_index("registry.mediator_fulltime.new")},
      {RegistryKind::kNotaryOffice, case_index("registry.notary_office"), case_index("registry.notary_office.new")},
      {RegistryKind::kNotaryPoint, case_index("registry.notary_point"), case_index("registry.notary_point.new")},
      {RegistryKind::kLegalServicePlatform, case_index("registry.legal_service_platform"),
       case_index("registry.legal_service_platform.new")},
  };
  for (const RegistryIds& r : kRegistryIds) {
    const size_t k = static_cast<size_t>(r.kind);
    set(r.standing, Value::count(n[kGStanding + k]));
    set(r.fresh, Value::count(n[kGNew + k]));
  }
}

bool registry_has_data(const Tally& t) {
  const auto& n = t.n;
  int64_t any = 0;
  for (int k = 0; k < kRegistryKindCount; ++k) any += n[kGStanding + k] + n[kGNew + k];
  return any > 0;
}

}  // namespace fazhi::internal
