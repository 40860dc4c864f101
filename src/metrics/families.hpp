// The map of the metrics: what each family's room gives the engine. A family
// (reconsideration.cpp, litigation.cpp, legal_aid.cpp, mediation.cpp,
// registry.cpp, activity.cpp) holds its catalogue rows, its tally in the
// record pass and the values made from a region's Tally; catalogue.cpp puts
// the rows in the report's order, pass.cpp runs the tallies, figures.cpp
// makes every region's values.
//
// To add a metric to a family: a row in its kMetrics, the counters it needs
// in tally.hpp's Counter, their counting in its tally, and its value in its
// `_values`.
#ifndef FAZHI_SRC_METRICS_FAMILIES_HPP_
#define FAZHI_SRC_METRICS_FAMILIES_HPP_

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "fazhi/dataset.hpp"
#include "fazhi/metrics.hpp"
#include "fazhi/profile.hpp"
#include "metrics/pass.hpp"
#include "metrics/tally.hpp"

namespace fazhi::internal {

// Parts are the two tallies a rate is made of (a count's is its numerator),
// as a case list asks for them: the records of a figure are those whose own
// tally has them (src/metrics/cases.cpp).
struct Parts {
  int64_t num = 0, den = 0;
};

// Context is what a family's values read besides the tally.
struct Context {
  const Dataset* ds;
  const Profile* profile;
  Period period;
  Reason no_basis;  // the correction rates' reason without cases on the profile's basis
  // parts, when not empty (a case list's values), receives each rate's
  // numerator and denominator by the family's row, even where the rate is
  // undefined: one record's tally often has a zero denominator.
  std::span<Parts> parts = {};
};

// off_calendar_reason says how many cases fall outside the loaded calendar.
Reason off_calendar_reason(int64_t cases);
// calendar_ratio is num / den, undefined when the calendar could not judge
// every case (off_calendar > 0): never a guess.
Value calendar_ratio(int64_t num, int64_t den, int64_t off_calendar, Reason empty_reason);
// rate and calendar_rate are Value::ratio and calendar_ratio for the family's
// row `index`, noting num and den in c.parts when it is asked for: a rate's
// numerator and denominator are written once, in the family's values.
Value rate(const Context& c, size_t index, int64_t num, int64_t den, Reason empty_reason);
Value calendar_rate(const Context& c, size_t index, int64_t num, int64_t den, int64_t off_calendar,
                    Reason empty_reason);

// Each family: <family>_metrics, its catalogue rows; tally_<family>_rows,
// its tally of the rows `range` into its Block; <family>_values, its rows'
// values (v: its rows, in its order) from a region's Tally; <family>_has_data,
// whether any record touches the tally's period (no data: no YoY rather
// than a fall to zero).
std::span<const MetricInfo> reconsideration_metrics();
void tally_reconsideration_rows(const PassInput& in, Range range, ReconsiderationBlock& block,
                                std::vector<CaseDays>& days);
void reconsideration_values(const Tally& t, const Context& c, std::span<Value> v);
bool reconsideration_has_data(const Tally& t);

// ReconsiderationDays are the days a reconsideration case is judged by, as
// its tally works them out (for a case list's reasons): the last day of its
// acceptance review (art. 30), its decision on acceptance, its acceptance
// (recorded, or deemed when the review ended) and the last day of its
// decision period (art. 62). kNoDay where there is none or the calendar
// cannot tell.
struct ReconsiderationDays {
  DayNumber review_end = kNoDay, intake = kNoDay, acceptance = kNoDay, deadline = kNoDay;
};
ReconsiderationDays reconsideration_days(const ReconsiderationColumns& r, size_t i, const Profile& profile,
                                         const Calendar& cal, const Deadlines& deadlines);

std::span<const MetricInfo> litigation_metrics();
void tally_litigation_rows(const PassInput& in, Range range, LitigationBlock& block);
void litigation_values(const Tally& t, const Context& c, std::span<Value> v);
bool litigation_has_data(const Tally& t);

std::span<const MetricInfo> legal_aid_metrics();
void tally_legal_aid_rows(const PassInput& in, Range range, LegalAidBlock& block, std::vector<LotteryDraw>& draws);
void legal_aid_values(const Tally& t, const Context& c, std::span<Value> v);
bool legal_aid_has_data(const Tally& t);

std::span<const MetricInfo> registry_metrics();
void tally_registry_rows(const PassInput& in, Range range, RegistryBlock& block);
void registry_values(const Tally& t, const Context& c, std::span<Value> v);
bool registry_has_data(const Tally& t);

std::span<const MetricInfo> mediation_metrics();
void tally_mediation_rows(const PassInput& in, Range range, MediationBlock& block);
void mediation_values(const Tally& t, const Context& c, std::span<Value> v);
bool mediation_has_data(const Tally& t);

// The activity rows are made from the Indicator code table, once.
std::vector<MetricInfo> activity_metrics();
void tally_activity_rows(const PassInput& in, Range range, ActivityBlock& block);
void activity_values(const Tally& t, std::span<Value> v);
// row: the metric's place among the family's rows.
bool activity_has_data(const Tally& t, size_t row);

// no_basis_reason is the correction rates' reason without cases on `basis`.
Reason no_basis_reason(CorrectionBasis basis);
// family_values fills Family f's rows (v: its rows, in its order) from a
// region's (or a breakdown group's) tally (figures.cpp).
void family_values(Family f, const Tally& t, const Context& c, std::span<Value> v);
// family_has_data says whether a family has any record touching the tally's
// period, so a previous period with no records gives no YoY rather than a
// fall to zero; metric_index: the metric's catalogue index (activity).
bool family_has_data(const Tally& t, Family f, size_t metric_index);

// FamilyRows is where a family's rows sit in the catalogue.
struct FamilyRows {
  size_t first = 0, size = 0;
};
// family_rows_of is Family f's place in metric_catalogue() (catalogue.cpp).
FamilyRows family_rows_of(Family f);

}  // namespace fazhi::internal

#endif  // FAZHI_SRC_METRICS_FAMILIES_HPP_
