// fazhi/cases.hpp -- case lists: the records behind a figure, each with the
// reason it is counted, and the follow-up lists (督办清单) a bureau acts on.
//
// A case list names the records a count metric counts, or that the numerator
// or the denominator of a rate counts, for one region (a district, or a city
// or province with every district inside it) and period. Its records are
// found by running the family's own tally (src/metrics/<family>.cpp) over
// each record alone, so a list has exactly as many records as its figure
// counts: the rule that decides is the figure's, never a second copy. Each
// record's reason is written in Chinese from its own dates and the same time
// limits (`答辩期限 2019-10-08 届满，2019-10-10 提交答辩，逾期 2 日`).
//
// Case lists carry case ids and the records' own columns: personal data, for
// the bureau's follow-up, not for publication (docs/cases.md).
//
//   absl::StatusOr<fazhi::CaseList> l = fazhi::compute_case_list(
//       ds, *fazhi::RegionCode::parse("440111"), fazhi::year_period(2019),
//       "litigation.defence_on_time_rate", fazhi::CasePart::kDenominator, profile);
//   for (const fazhi::CaseEntry& c : l->cases) std::cout << c.case_id << " " << c.reason << "\n";
#ifndef FAZHI_CASES_HPP_
#define FAZHI_CASES_HPP_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "fazhi/calendar.hpp"
#include "fazhi/dataset.hpp"
#include "fazhi/metrics.hpp"
#include "fazhi/profile.hpp"
#include "fazhi/region.hpp"

namespace fazhi {

// CasePart is which set of records of a figure a list names: a count's
// records (kCount), or a rate's numerator or denominator.
enum class CasePart : uint8_t { kCount, kNumerator, kDenominator };

// case_part_name is "count", "numerator" or "denominator"; parse_case_part
// reads them back (nullopt for anything else).
std::string_view case_part_name(CasePart part);
std::optional<CasePart> parse_case_part(std::string_view name);

// CaseEntry is one record of a list: where it is in the Dataset's columns of
// its kind, its id and region, and why it is in the list.
struct CaseEntry {
  RecordKind kind = RecordKind::kReconsideration;
  size_t row = 0;  // its row in the Dataset's columns of `kind`
  std::string case_id;
  RegionCode region;
  std::string reason;
  // times is how often the figure counts the record: 1, except where a
  // rate's part adds two tallies a record can be in both of (结案率's
  // denominator, pending at the start plus accepted in the period, counts a
  // case received before the period and accepted in it twice).
  int64_t times = 1;
};

// CaseRow names one row of a breakdown of the figure (fazhi/breakdown.hpp,
// docs/breakdowns.md), to list only the records the row counts.
struct CaseRow {
  // by is a dimension of the metric's family (breakdown_dimensions()):
  // "respondent_level", "region", "month", ...
  std::string by;
  // key is the row's key as the breakdown writes it in its rows: a code
  // ("county_dept"), a text (an agency), a region code, "2019-03" or
  // "2019-Q1"; nullopt (or "") the empty value's row 未填 (JSON null);
  // "*other" the row 其他 that the rows after the first `top` fold into.
  std::optional<std::string> key;
  // top is, for "*other" only, how many rows are kept before the fold, as
  // `fazhi table --top N` folds them; 0: as the profile's table of the
  // metric by `by` folds them (its "top" and "order").
  size_t top = 0;
};

// CaseList is the records of one figure (or one follow-up list, or one row
// of a breakdown), in the Dataset's row order (each region's records in file
// order, the regions in code order).
struct CaseList {
  const MetricInfo* metric = nullptr;
  CasePart part = CasePart::kCount;
  std::string follow_up;  // the follow-up list's name, when made by one
  RegionCode region;
  Period period;  // a month's or a quarter's row: that month's or quarter's days
  std::vector<CaseEntry> cases;
  // A breakdown row's list: the dimension (empty otherwise), the row's key
  // (nullopt: 未填) and label ("县级政府部门", "未填", "其他", "2019年3月").
  std::string by;
  std::optional<std::string> key;
  std::string row_label;
};

// has_case_list says whether a metric has case lists: the counts and rates
// of the four case families (those a breakdown splits, can_break_down).
bool has_case_list(std::string_view metric);

// compute_case_list lists the records behind `metric`'s figure for `region`
// in `period`: `part` kCount for a count (kNumerator is taken as the same),
// kNumerator or kDenominator for a rate. The list's size is the figure's
// count (or the rate's numerator or denominator) exactly: the sum of the
// entries' `times`, which is the number of entries but for 结案率's
// denominator (CaseEntry::times). An unknown metric,
// a metric without lists, or a part the metric has not is InvalidArgument; a
// region without records is NotFound.
absl::StatusOr<CaseList> compute_case_list(const Dataset& ds, RegionCode region, Period period,
                                           std::string_view metric, CasePart part, const Profile& profile = {},
                                           const Calendar& calendar = Calendar::national());

// compute_case_list with a CaseRow lists the records that one row of the
// figure's breakdown by `row.by` counts: the dimension's own grouping (the
// code compute_breakdown counts with) decides the row of each record, so the
// list's size is the row's value (a count, or a rate's numerator or
// denominator), and the lists of a breakdown's rows are disjoint and make
// the figure's list (the row 其他 is the folded rows' lists together). A row
// by month or quarter is the figure for that month's days (the list's
// period), as the breakdown's month rows are: a flow's months add up to the
// period, a stock's (pending at the end) are each the month's own. A
// dimension not of the
// metric's family, or a key that names no row (a value the dimension does
// not know in the region, a month outside the period, "*other" with nothing
// folded) is InvalidArgument; a known value with no records in the period
// gives an empty list.
absl::StatusOr<CaseList> compute_case_list(const Dataset& ds, RegionCode region, Period period,
                                           std::string_view metric, CasePart part, const CaseRow& row,
                                           const Profile& profile = {},
                                           const Calendar& calendar = Calendar::national());

// FollowUp is a named follow-up list (督办清单): the records of one figure's
// part, less those of another's (e.g. the hearings without a head: the
// denominator of the appearance rate less its numerator). The reasons are
// those of `reason_metric`.
struct FollowUp {
  std::string_view name;   // "late_defences"
  std::string_view label;  // "逾期答辩或未答辩"
  std::string_view metric;
  CasePart part;
  std::string_view minus_metric;  // empty: nothing taken away
  CasePart minus_part;
  std::string_view description;  // one English sentence: what it lists
};

// follow_ups lists every follow-up list, in the order a bureau's report
// takes them.
std::span<const FollowUp> follow_ups();

// compute_follow_up makes the follow-up list `name` (follow_ups()); an
// unknown name is InvalidArgument, naming the known ones.
absl::StatusOr<CaseList> compute_follow_up(const Dataset& ds, RegionCode region, Period period,
                                           std::string_view name, const Profile& profile = {},
                                           const Calendar& calendar = Calendar::national());

// case_columns is a record's own columns, as (column, text) in the order of
// its kind's schema (docs/data.md): dates as YYYY-MM-DD, codes as their
// English codes, booleans as true/false, money in yuan, "" when empty.
std::vector<std::pair<std::string_view, std::string>> case_columns(const Dataset& ds, RecordKind kind,
                                                                   size_t row);

// ---- Renderings (src/render/cases.cpp) ----

// to_json writes a list as `{"metric", "part", ["follow_up",] "region",
// "period", "count", "cases": [{"kind", "case_id", "region", "reason",
// ...the record's columns}]}`; to_csv as CSV with a header of the same
// names; render_case_list as a heading line and one tab-separated line per
// case (id, region, reason) for people.
std::string to_json(const CaseList& list, const Dataset& ds);
std::string to_csv(const CaseList& list, const Dataset& ds);
std::string render_case_list(const CaseList& list);

}  // namespace fazhi

#endif  // FAZHI_CASES_HPP_
