// The portable tally's content (fazhi/tally.hpp) and the engine's two halves
// it sits between: the record pass, whose Blocks it copies row by row
// (coded_pass), and the figures made from a Pass (figures_from_pass), which
// a Pass rebuilt from a tally feeds (pass_from_tally). A report from merged
// tallies is then made by the very code that makes it from the records.
// tally_file.cpp writes and reads the content (docs/tally.md).
#ifndef FAZHI_SRC_METRICS_PORTABLE_HPP_
#define FAZHI_SRC_METRICS_PORTABLE_HPP_

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "fazhi/calendar.hpp"
#include "fazhi/dataset.hpp"
#include "fazhi/metrics.hpp"
#include "fazhi/profile.hpp"
#include "fazhi/region.hpp"
#include "metrics/report_assembly.hpp"
#include "metrics/report_tables.hpp"
#include "metrics/tally.hpp"

namespace fazhi::internal {

// SlotCounts is one district's counts for one period.
struct SlotCounts {
  std::array<int64_t, kCounterCount> n{};
  // (days from acceptance to closing, concluded cases), days ascending: the
  // median and the mean of a roll-up merge exactly from these.
  std::vector<std::pair<int32_t, int64_t>> days;
  // (lawyer id, lottery cases), ids ascending: a lawyer drawn in two
  // districts is one lawyer in their roll-up.
  std::vector<std::pair<std::string, int64_t>> lawyers;
  bool operator==(const SlotCounts&) const = default;
};

// RowTally is one district's counts for a run's two periods.
struct RowTally {
  RegionCode code;
  std::array<SlotCounts, 2> slots;  // [0] the period, [1] the one compared with
};

// RunTally is one record pass: the period against one earlier period.
struct RunTally {
  Period period, compared;
  std::vector<RowTally> rows;  // by code, each district once
};

// CountingRules are the profile's settings the record pass counts by; the
// rest of a profile only presents.
struct CountingRules {
  bool roll_over_make_up_weekends = false;
  bool exclude_suspended_days = false;
  int legal_aid_review_limit_workdays = 0;
  int legal_aid_assignment_limit_workdays = 0;
  std::optional<int> legal_aid_case_limit_days;
  bool operator==(const CountingRules&) const = default;
  static CountingRules of(const Profile& p);
};

// CalendarStamp identifies the working-day calendar the counts were judged by.
struct CalendarStamp {
  std::string first, last, sha256;
  bool operator==(const CalendarStamp&) const = default;
  static CalendarStamp of(const Calendar& c);
};

// FamiliesLoaded says, by RecordKind, whether the load held any record of
// the family (none at all: its figures are undefined, not zero).
using FamiliesLoaded = std::array<bool, kRecordKindCount>;

// TallySplit is a TableSplit's groups for the tally's districts: its
// values' keys (ascending, the empty value last) and labels, and each
// district's groups with any count, as (value, counters).
struct TallySplit {
  Family family;
  std::string dimension, dated;  // as TableSplit's
  bool quarters = false;
  std::vector<std::optional<std::string>> keys;
  std::vector<std::string> labels;
  struct District {
    RegionCode code;
    std::vector<uint32_t> values;  // ascending
    std::vector<int64_t> counts;   // by value: counter_width(family) for the period, then the year before
  };
  std::vector<District> districts;  // by code
};

// TallyPass is a TableByRegion's counters for the tally's districts.
struct TallyPass {
  Family family;
  Period days;
  std::vector<std::pair<RegionCode, std::vector<int64_t>>> districts;  // by code, as a TallySplit's counts
};

// TallyTables are what a tally carries for the report's tables: the groups
// of the breakdowns and series of the profile it was made with.
struct TallyTables {
  std::vector<TallySplit> splits;
  std::vector<TallyPass> passes;
};

struct TallyData {
  RegionCode region;  // RegionCode() is 全国 (000000)
  std::vector<RunTally> runs;  // [0] against the year-ago period; [1] the period before, unless whole years
  std::vector<std::pair<RegionCode, std::string>> names;  // by code
  TallyTables tables;
  // The load's counts, summed over merged tallies.
  std::array<int64_t, kRecordKindCount> records{};  // records kept, by kind
  int64_t rows_read = 0, rows_rejected = 0;
  std::vector<std::string> notices;  // in load order; a merge sorts them, so that merging commutes
  CountingRules counting;
  CalendarStamp calendar;
  std::string fazhi_version;
  std::string digest;  // SHA-256 of the canonical content, hex
  std::string content;  // the content's canonical CBOR, digested; empty in a tally read from a file
};

// seal_tally encodes a made tally's content as CBOR, on `threads` threads
// (0: every core), and digests it (tally_file.cpp).
void seal_tally(TallyData& t, int threads);

// CodedPass is a record pass with each Block row's region code (ascending).
struct CodedPass {
  std::unique_ptr<Pass> pass;
  std::vector<RegionCode> codes;
};
absl::StatusOr<CodedPass> coded_pass(const Dataset& ds, const Periods& periods, const Profile& profile,
                                     const Calendar& calendar, int threads, bool keep_lawyers);

// figures_from_pass makes every region's figures from a pass whose rows are
// `codes` (ascending): the rows, their cities and provinces, and with
// `national` 全国 (RegionCode()) last, which sums every row.
Figures figures_from_pass(const Pass& pass, const std::vector<RegionCode>& codes, const FamiliesLoaded& loaded,
                          Period period, Period compared, const Profile& profile, int threads, bool national);

// pass_from_tally rebuilds the Pass of a run (its rows in order).
std::unique_ptr<Pass> pass_from_tally(const RunTally& run);

// families_loaded reads TallyData::records.
FamiliesLoaded families_loaded(const TallyData& t);

// compared_from_tally is compute_compared for a tally's districts: the
// figures of every region (and 全国 last, with `national`). A profile that
// counts otherwise than the tally is FailedPrecondition.
absl::StatusOr<Compared> compared_from_tally(const TallyData& t, const Profile& profile, bool national,
                                             int threads);

// source_of_tally is a tally's names and load counts for the reports.
ReportSource source_of_tally(const TallyData& t);

// tally_tables_of copies the groups of the districts `keep` says into a
// tally's tables, on `threads` threads (tally_tables.cpp).
TallyTables tally_tables_of(const TableGroups& g, const std::function<bool(RegionCode)>& keep, int threads);

// table_groups_of rebuilds TableGroups from a tally, for grouped_tables.
std::shared_ptr<const TableGroups> table_groups_of(const TallyData& t);

// merge_tally_tables joins the tables of tallies of disjoint districts; the
// tallies must carry the same tables (made with the same breakdowns and
// series), else InvalidArgument.
absl::StatusOr<TallyTables> merge_tally_tables(const std::vector<const TallyTables*>& parts);

}  // namespace fazhi::internal

#endif  // FAZHI_SRC_METRICS_PORTABLE_HPP_
