// Activities (counted activities: legality reviews, law education, public
// lawyers, ...): the catalogue rows, one per Indicator of the code table
// (records.cpp) plus the staff exam's pass rate, their tally in the record
// pass (each indicator's sum and number of tallies), and their values.

#include <array>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "fazhi/metrics.hpp"
#include "fazhi/records.hpp"
#include "metrics/families.hpp"
#include "metrics/pass.hpp"
#include "metrics/tally.hpp"

namespace fazhi::internal {
namespace {

using K = ValueKind;
using F = Family;

// The measure word of each activity indicator (docs/metrics.md's seeds).
struct IndicatorUnit {
  Indicator indicator;
  std::string_view unit;
};
constexpr IndicatorUnit kIndicatorUnits[] = {
    {Indicator::kDecisionLegalityReviews, "件"},
    {Indicator::kContractMajorReviews, "件"},
    {Indicator::kContractSampled, "份"},
    {Indicator::kEnforcementDepartmentsDisclosing, "个"},
    {Indicator::kEnforcementDisclosedRecords, "条"},
    {Indicator::kEnforcementDiscretionItems, "条"},
    {Indicator::kEnforcementExamTakers, "人次"},
    {Indicator::kEnforcementCertificates, "件"},
    {Indicator::kStaffExamTakers, "人"},
    {Indicator::kStaffExamPassed, "人"},
    {Indicator::kLawEducationEvents, "场"},
    {Indicator::kLawEducationMaterials, "册"},
    {Indicator::kLawEducationAudience, "人次"},
    {Indicator::kPublicLawyerMatters, "宗"},
    {Indicator::kPublicLawyerDocuments, "件"},
    {Indicator::kPublicLawyerDisputes, "宗次"},
    {Indicator::kLegalServiceServices, "件"},
    {Indicator::kVillageAdviserServices, "件次"},
    {Indicator::kLegalAidConsultations, "人次"},
    {Indicator::kLawFirmAcceptances, "家"},
    {Indicator::kLawFirmInspections, "次"},
};
static_assert(std::size(kIndicatorUnits) == kIndicatorCount - 1);

constexpr MetricInfo kStaffExamPassRate = {"staff_exam.pass_rate", "统一学法考试通过率", "%",
                                           F::kActivity, K::kRatio, true};

// kLocal[indicator] is the indicator's row among the family's: its place in
// kIndicatorUnits. The staff exam's pass rate closes the rows.
constexpr std::array<size_t, kIndicatorCount> kLocal = [] {
  std::array<size_t, kIndicatorCount> local{};
  for (size_t i = 0; i < std::size(kIndicatorUnits); ++i) local[static_cast<size_t>(kIndicatorUnits[i].indicator)] = i;
  return local;
}();
constexpr size_t kPassRateRow = std::size(kIndicatorUnits);

FAZHI_PASS_PART inline
void tally_activity(const ActivityColumns& x, const Periods& periods, Range range,
                    const std::vector<RegionIndex>& runs, const Rows& rows, ActivityBlock& block) {
  for_each_run(runs, range, [&](RegionIndex index, size_t b, size_t e) FAZHI_PASS_PART {
    const uint32_t region = rows[index];
    for (size_t i = b; i < e; ++i) {
      const auto n = block.at(region, slot_of(periods, x.date[i]));
      const size_t k = static_cast<size_t>(x.indicator[i]);
      n[kXSumLow + k] += x.value[i] & kLow32;
      n[kXSumHigh + k] += x.value[i] >> 32;
      ++n[kXRows + k];
    }
  });
}

FAZHI_PASS_ENTRY(run_tally, tally_activity)

}  // namespace

std::vector<MetricInfo> activity_metrics() {
  std::vector<MetricInfo> out;
  // An indicator's label is the first of its code table's labels.
  for (const IndicatorUnit& iu : kIndicatorUnits) {
    const std::string_view label = [&]() -> std::string_view {
      for (const CodeEntry& e : code_table<Indicator>()) {
        if (e.value == static_cast<uint8_t>(iu.indicator) && !e.labels.empty()) return e.labels[0];
      }
      return "";
    }();
    out.push_back({code_name(iu.indicator), label, iu.unit, F::kActivity, K::kCount, true});
  }
  out.push_back(kStaffExamPassRate);
  return out;
}

void tally_activity_rows(const PassInput& in, Range range, ActivityBlock& block) {
  run_tally(in.ds.activity(), in.periods, range, in.runs ? *in.runs : in.ds.activity().region, in.rows, block);
}

void activity_values(const Tally& t, std::span<Value> v) {
  const auto& n = t.n;
  // A tally nobody reported is missing, not zero.
  auto activity_sum = [&](size_t k) { return quantity_sum(n[kXSumLow + k], n[kXSumHigh + k]); };
  for (int k = 1; k < kIndicatorCount; ++k) {
    const std::optional<int64_t> sum = activity_sum(static_cast<size_t>(k));
    v[kLocal[static_cast<size_t>(k)]] =
        n[kXRows + k] == 0 ? Value::undefined("no tallies of this indicator in the period")
        : sum              ? Value::count(*sum)
                           : Value::undefined(kSumTooLarge);
  }
  const size_t takers = static_cast<size_t>(Indicator::kStaffExamTakers);
  const size_t passed = static_cast<size_t>(Indicator::kStaffExamPassed);
  const std::optional<int64_t> n_passed = activity_sum(passed), n_takers = activity_sum(takers);
  v[kPassRateRow] = n[kXRows + passed] == 0  ? Value::undefined("no pass tallies in the period")
                    : !n_passed || !n_takers ? Value::undefined(kSumTooLarge)
                                             : Value::ratio(*n_passed, *n_takers, "no exam takers in the period");
}

bool activity_has_data(const Tally& t, size_t row) {
  // An indicator's own tallies; the pass rate's are the passes'.
  const size_t k = row < kPassRateRow ? static_cast<size_t>(kIndicatorUnits[row].indicator)
                                      : static_cast<size_t>(Indicator::kStaffExamPassed);
  return t.n[kXRows + k] > 0;
}

}  // namespace fazhi::internal
