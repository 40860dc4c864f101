// fazhi/report.hpp -- the annual report: every metric of one region and period, presented.
//
// A Report carries each metric's exact value, the year-ago period's value and
// the change since (同比) where that period has data, the same against the
// period just before (环比) unless the report covers whole years, the text as the profile
// presents it, the Chinese narrative, and the data-quality counts. Renderers
// write it as JSON (README.md, "The report's JSON"), a text or Markdown table, or prose.
//
//   absl::StatusOr<fazhi::Report> r =
//       fazhi::compute_report(ds, *fazhi::RegionCode::parse("440111"), fazhi::year_period(2019));
//   r->find("litigation.win_rate")->text;   // "94.02%"
//   std::cout << fazhi::to_json(*r);
#ifndef FAZHI_REPORT_HPP_
#define FAZHI_REPORT_HPP_

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "fazhi/breakdown_types.hpp"
#include "fazhi/metrics.hpp"

namespace fazhi {

// Comparison is a metric against one earlier period: its value there and the
// change since. A count, an amount or an average changes relatively
// ((now - before) / before, undefined when before is 0); a rate or share
// (ValueKind::kRatio) also changes in percentage points (now - before, a
// fraction of 1: 7.41 个百分点 is 741/10000), which is what the narrative says.
struct Comparison {
  bool has_previous = false;  // the earlier period has data and a defined value
  Value previous;
  Fraction change;            // relative; undefined when there is none
  Fraction change_pp;         // rates and shares only; else undefined
  std::string previous_text;  // "568 件"
  std::string change_text;    // "-22.7%" ("" without a change)
  std::string change_pp_text; // "7.41 个百分点", "-0.5 个百分点" ("" without one)
  // The JSON's decimal strings, cut by the same rule as the texts.
  std::string previous_decimal, change_decimal, change_pp_decimal;
};

struct MetricFigure {
  const MetricInfo* info = nullptr;
  Value value;
  // The year-ago comparison (同比, Report::previous).
  bool has_previous = false;  // the previous period has data and a defined value
  Value previous;
  Fraction yoy;               // undefined when there is no YoY
  std::string text;           // the presented value: "94.02%", "1512.8 万元"
  std::string previous_text;
  std::string yoy_text;       // "-22.7%" ("" without YoY)
  // The decimal strings of the JSON ("0.9402", "15128000.00", "-0.2271"),
  // cut by the same rule as the text.
  std::string decimal, previous_decimal, yoy_decimal;
  std::string basis;          // the 口径 of a correction rate, else ""
  // A rate's or share's year-ago change in percentage points (Comparison's
  // change_pp); undefined for every other kind.
  Fraction yoy_pp;
  std::string yoy_pp_text, yoy_pp_decimal;
  // The sequential comparison (环比, Report::sequential_period); empty for a
  // report of whole years, which has none.
  Comparison sequential;
};

struct DataQuality {
  int64_t rows_read = 0;
  int64_t rows_rejected = 0;
  std::vector<std::string> notices;
};

struct Report {
  RegionCode region;
  std::string region_name;  // from regions.csv, else the code
  Period period;
  Period previous;  // the year-ago period (同比): year_ago_period(period)
  // The period just before (环比): previous_period(period); none for whole years.
  std::optional<Period> sequential_period;
  std::vector<MetricFigure> metrics;  // catalogue order
  // The tables the profile lists (Profile::breakdowns, Profile::series), in
  // its order, folded and cut as it says; a table split by region only for a
  // city, a province or 全国 (a district has no districts).
  std::vector<Breakdown> breakdowns;
  std::vector<Series> series;
  std::vector<std::string> narrative;  // one paragraph per section
  DataQuality data_quality;

  // find is the metric with this id, or nullptr.
  const MetricFigure* find(std::string_view id) const;
};

// compute_report computes one region's report (a district, or a city or
// province rolled up from its districts). An unknown region is NotFound.
absl::StatusOr<Report> compute_report(const Dataset& ds, RegionCode region, Period period,
                                      const Profile& profile = {},
                                      const Calendar& calendar = Calendar::national());

// compute_all_reports computes every region's report in one pass: districts,
// then cities, then provinces, each by code.
absl::StatusOr<std::vector<Report>> compute_all_reports(const Dataset& ds, Period period,
                                                        const Profile& profile = {},
                                                        const Calendar& calendar = Calendar::national());

// all_reports_json is `to_json(compute_all_reports(...))` without holding
// every report at once: each region is presented, written and dropped, and the
// regions are shared among `threads` threads (0 = the hardware's). The output
// is byte-for-byte the same.
absl::StatusOr<std::string> all_reports_json(const Dataset& ds, Period period,
                                             const Profile& profile = {},
                                             const Calendar& calendar = Calendar::national(),
                                             int threads = 0);

// write_all_reports_json is all_reports_json handed to `sink` piece by piece,
// in order, as the regions are written (the JSON of ten million records is
// tens of MB that need not be held at once). The pieces joined are exactly
// all_reports_json's text. On an error nothing is written.
absl::Status write_all_reports_json(const Dataset& ds, Period period, const Profile& profile,
                                    const Calendar& calendar,
                                    const std::function<void(std::string_view)>& sink,
                                    int threads = 0);

// to_json writes the report's JSON object (README.md; stable key order, UTF-8).
std::string to_json(const Report& report);
// to_json of many reports is a JSON array of them.
std::string to_json(const std::vector<Report>& reports);

// The renderings for people. Their headers and notes are messages of the
// "fazhi" gettext domain: in the process's message language (LC_MESSAGES,
// LANGUAGE) when a catalogue for it is bound, else English. The figures'
// texts are the Report's, the same in every language, and every cell from
// the data is display_text (Markdown's also escapes '|').
enum class TableFormat { kText, kMarkdown };
// render_table writes a heading and a table per family of metrics: label,
// value, year-ago value and change (同比), then the 环比 period's value and
// change for a report that has one, then the metric id; under a table, notes
// give the 口径 of the correction rates and why a figure is undefined. Text
// aligns the columns for a terminal (CJK characters count two columns);
// Markdown writes headings, pipe tables and lists.
std::string render_table(const Report& report, TableFormat format);
// render_narrative writes the narrative paragraphs, each followed by a blank line.
std::string render_narrative(const Report& report);
// render_report is the whole document: a title (region, code, period), the
// narrative, render_table, and the count of rows read and rejected.
std::string render_report(const Report& report, TableFormat format);
// render_comparison compares regions: one table per group of siblings (the
// provinces; a province's cities; a city's districts) with the regions as
// rows and, for each metric of `metric_ids` (unknown ids are left out), its
// text and its rank among the siblings (by exact value, largest first; ties
// share the better rank; none for an undefined value), then the parent's own
// figures as a total row.
std::string render_comparison(const std::vector<Report>& reports, const std::vector<std::string>& metric_ids,
                              TableFormat format);

}  // namespace fazhi

#endif  // FAZHI_REPORT_HPP_
