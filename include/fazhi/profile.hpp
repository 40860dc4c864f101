// fazhi/profile.hpp -- a report profile: a bureau's house style and its choices of basis.
//
// Published reports differ in how they round and in what they divide by; a
// profile makes each choice explicit. Defaults (docs/profile.md): half-up
// rounding, percentages with 2 decimals, 万元 with 1, days with 1; correction
// rates over all concluded cases; the statutory legal-aid review limit.
//
//   absl::StatusOr<fazhi::Profile> p = fazhi::Profile::from_json(R"({
//     "metrics": {"registry.lawyer": {"yoy": {"decimals": 2, "rounding": "truncate"}}},
//     "legal_aid_review_limit_workdays": 1})");
//
// JSON keys (all optional):
//   rounding                       "half_up" | "half_even" | "truncate"
//   percent_decimals, wan_decimals, day_decimals   integers 0-6
//   correction_basis               "concluded" | "concluded_by_decision" | "accepted"
//   withdrawn_is_correction, terminated_is_correction   booleans
//   exclude_suspended_days         boolean
//   roll_over_make_up_weekends     boolean
//   legal_aid_review_limit_workdays, legal_aid_assignment_limit_workdays   integers
//   legal_aid_case_limit_days      integer (no default: the law sets none)
//   metrics: {"<id>": {"decimals": n, "rounding": r, "approximate": bool,
//                      "yoy": {"decimals": n, "rounding": r}}}
//   narrative: {"omit": ["<sentence id>", ...]}
//   departments: {"aliases": {"<name as written>": "<name>"},
//                 "assessment": {"name": "...", "indicators": [...]}}  (docs/departments.md)
//   breakdowns: [{"metric": "<id>", "by": "<dimension>", "top": n, "decimals": n,
//                 "rounding": r, "order": ["<key>", ...]}, ...]   (docs/breakdowns.md)
//   series:     [{"metric": "<id>", "by": "month" | "quarter"}, ...]
#ifndef FAZHI_PROFILE_HPP_
#define FAZHI_PROFILE_HPP_

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "fazhi/calendar.hpp"
#include "fazhi/exact.hpp"
#include "fazhi/time_limits.hpp"

namespace fazhi {

// CorrectionBasis is the denominator (口径) of the reconsideration correction
// rates; see docs/profile.md and docs/choices.md.
enum class CorrectionBasis : uint8_t {
  kConcluded,            // all cases closed in the period (the default; Baiyun's)
  kConcludedByDecision,  // less mediated, settled, withdrawn and terminated cases
  kAccepted,             // cases accepted in the period
};
std::string_view correction_basis_name(CorrectionBasis basis) noexcept;

// Presentation overrides how one metric is written.
struct Presentation {
  std::optional<int> decimals;
  std::optional<Rounding> rounding;
  // approximate writes a count as reports do for large tallies ("11800 余").
  bool approximate = false;
  std::optional<int> yoy_decimals;
  std::optional<Rounding> yoy_rounding;
};

// AssessmentRule is one indicator of an assessment (考核) scheme
// (docs/departments.md): `weight` points, less what it deducts, at least 0.
// It deducts `per_case` for each case of a department's list (a metric's
// part, or a follow-up list), or `points` once when the department's figure
// is below or above a threshold. Points are kept exactly, in hundredths.
struct AssessmentRule {
  std::string name;       // how the scheme words it: "每败诉 1 件扣 1 分"
  std::string metric;     // a metric id of docs/metrics.md (empty with follow_up)
  std::string part;       // "count", "numerator" or "denominator", for per_case
  std::string follow_up;  // a follow-up list (fazhi cases --follow-ups), for per_case
  int64_t weight = 0;     // hundredths of a point: what the indicator is worth
  int64_t per_case = 0;   // hundredths of a point deducted per case
  std::optional<Fraction> below, above;  // a rate's threshold, a fraction of 1 (or a count)
  int64_t points = 0;     // hundredths of a point deducted when the threshold is crossed
};

// Assessment is a profile's scheme: a department's score is the sum over
// its indicators of weight less deductions (never below 0).
struct Assessment {
  std::string name;
  std::vector<AssessmentRule> rules;
};

// DepartmentRules are the profile's word on departments: names written
// otherwise that are the same agency, and the assessment scheme.
struct DepartmentRules {
  absl::flat_hash_map<std::string, std::string> aliases;  // normalised name -> name
  std::optional<Assessment> assessment;
};

// TableSpec is one breakdown or series a report carries (docs/breakdowns.md,
// "In the report"): the metric, the dimension, and how its rows are shown.
struct TableSpec {
  std::string metric;  // "reconsideration.received"
  std::string by;      // "respondent_level"; a series: "month" or "quarter"
  // top folds the rows after the first `top` into 其他 (0: every row).
  size_t top = 0;
  // The shares' decimals and rounding (published shares are often cut:
  // "truncate"); unset, the profile's percent_decimals and rounding.
  std::optional<int> decimals;
  std::optional<Rounding> rounding;
  // order fixes the rows' order by key (keys not named follow, by value).
  std::vector<std::string> order;
  // by == "region" splits a city or a province; a district has no such table.
  bool operator==(const TableSpec&) const = default;
};

// default_breakdowns and default_series are the tables a report carries
// unless its profile lists its own: what published reports print (intake by
// category, respondent level and act type; closed cases by disposition;
// litigation by defendant level and outcome; legal aid by case type;
// mediation by category and organisation type; for a city or a province each
// family's intake by district; each family's intake by month).
const std::vector<TableSpec>& default_breakdowns();
const std::vector<TableSpec>& default_series();

struct Profile {
  Rounding rounding = Rounding::kHalfUp;
  int percent_decimals = 2;
  int wan_decimals = 1;
  int day_decimals = 1;
  // A YoY change is a percentage; by default it is written with one decimal,
  // as reports do ("同比下降 22.7%").
  int yoy_decimals = 1;

  CorrectionBasis correction_basis = CorrectionBasis::kConcluded;
  bool withdrawn_is_correction = false;   // 行政复议法 art. 41(1) plain withdrawal
  bool terminated_is_correction = false;  // art. 41(2)-(5)
  // Leave suspended (中止) days out of the decision period (a question the
  // law leaves open, docs/choices.md; off by default).
  bool exclude_suspended_days = false;
  PeriodRules period_rules;

  // The legal-aid review and assignment limits (time_limits.hpp); a bureau's
  // pledge (Baiyun: 1 working day for the review) may replace the count.
  int legal_aid_review_limit_workdays = time_limits::kLegalAidReview.count;
  int legal_aid_assignment_limit_workdays = time_limits::kLegalAidAssignment.count;
  // The law sets no time limit for concluding a legal-aid case, so the
  // pending-over-limit share is undefined unless a bureau sets one.
  std::optional<int> legal_aid_case_limit_days;

  absl::flat_hash_map<std::string, Presentation> metrics;
  std::set<std::string> narrative_omit;
  DepartmentRules departments;
  // The breakdowns and series the report carries ("breakdowns": [] for none).
  std::vector<TableSpec> breakdowns = default_breakdowns();
  std::vector<TableSpec> series = default_series();

  // presentation is the override for `id`, or an empty one.
  const Presentation& presentation(std::string_view id) const;

  // from_json reads a profile; unknown keys and bad values are errors that
  // name the key, so a typo cannot silently change a published figure.
  static absl::StatusOr<Profile> from_json(std::string_view text);
  static absl::StatusOr<Profile> from_file(const std::string& path);
};

}  // namespace fazhi

#endif  // FAZHI_PROFILE_HPP_
