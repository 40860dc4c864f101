// Portable tallies (fazhi/tally.hpp): computing one from the records (the
// record pass's Blocks, copied row by row), merging tallies of disjoint
// districts, and rebuilding a Pass from one, so that its figures are made by
// figures_from_pass exactly as from the records. Writing and reading the
// file is tally_file.cpp's.

#include <algorithm>
#include <map>
#include <memory>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "fazhi/tally.hpp"
#include "fazhi_version.h"
#include "metrics/pass.hpp"
#include "metrics/portable.hpp"
#include "metrics/tally.hpp"
#include "platform/parallel.hpp"

namespace fazhi {
namespace internal {
namespace {

// kFamilies are the record kinds with metrics (every kind but kRegions).
constexpr std::array<RecordKind, 6> kFamilies = {RecordKind::kReconsideration, RecordKind::kLitigation,
                                                 RecordKind::kLegalAid,        RecordKind::kMediation,
                                                 RecordKind::kRegistry,        RecordKind::kActivity};

int64_t records_of(const Dataset& ds, RecordKind kind) {
  switch (kind) {
    case RecordKind::kReconsideration: return static_cast<int64_t>(ds.reconsideration().size());
    case RecordKind::kLitigation: return static_cast<int64_t>(ds.litigation().size());
    case RecordKind::kLegalAid: return static_cast<int64_t>(ds.legal_aid().size());
    case RecordKind::kMediation: return static_cast<int64_t>(ds.mediation().size());
    case RecordKind::kRegistry: return static_cast<int64_t>(ds.registry().size());
    case RecordKind::kActivity: return static_cast<int64_t>(ds.activity().size());
    case RecordKind::kRegions: break;
  }
  return 0;
}

// inside says whether `code` lies in `region` (RegionCode(): 全国, every code).
bool inside(RegionCode region, RegionCode code) { return region == RegionCode() || region.contains(code); }

// common_region is the smallest region holding every one of `codes`: a
// district, a city, a province or 全国.
RegionCode common_region(const std::vector<RegionCode>& codes) {
  if (codes.empty()) return RegionCode();
  const RegionCode a = codes.front(), b = codes.back();  // codes ascending: the extremes decide
  if (a == b) return a;
  if (a.city() == b.city()) return a.city();
  if (a.province() == b.province()) return a.province();
  return RegionCode();
}

// slot_counts copies row r's counts for one period out of a pass.
SlotCounts slot_counts(const Pass& pass, const Dataset& ds, size_t r, int period) {
  SlotCounts s;
  pass.reconsideration.add_to(s.n, r, period);
  pass.litigation.add_to(s.n, r, period);
  pass.legal_aid.add_to(s.n, r, period);
  pass.mediation.add_to(s.n, r, period);
  pass.registry.add_to(s.n, r, period);
  pass.activity.add_to(s.n, r, period);
  const size_t slot = r * 2 + static_cast<size_t>(period);
  std::vector<int32_t> days(pass.recon_days.begin() + pass.recon_days_begin[slot],
                            pass.recon_days.begin() + pass.recon_days_begin[slot + 1]);
  std::sort(days.begin(), days.end());
  for (size_t i = 0; i < days.size();) {
    size_t j = i;
    while (j < days.size() && days[j] == days[i]) ++j;
    s.days.emplace_back(days[i], static_cast<int64_t>(j - i));
    i = j;
  }
  for (uint32_t k = pass.lottery_by_lawyer_begin[slot]; k < pass.lottery_by_lawyer_begin[slot + 1]; ++k) {
    const auto& [lawyer, cases] = pass.lottery_by_lawyer[k];
    s.lawyers.emplace_back(std::string(ds.text(lawyer)), cases);
  }
  std::sort(s.lawyers.begin(), s.lawyers.end());
  return s;
}

std::string period_text(Period p) { return absl::StrCat(format_iso_day(p.from), "..", format_iso_day(p.to)); }

}  // namespace

CountingRules CountingRules::of(const Profile& p) {
  return {p.period_rules.roll_over_make_up_weekends, p.exclude_suspended_days, p.legal_aid_review_limit_workdays,
          p.legal_aid_assignment_limit_workdays, p.legal_aid_case_limit_days};
}

FamiliesLoaded families_loaded(const TallyData& t) {
  FamiliesLoaded loaded{};
  for (size_t k = 0; k < loaded.size(); ++k) loaded[k] = t.records[k] > 0;
  return loaded;
}

std::unique_ptr<Pass> pass_from_tally(const RunTally& run) {
  const size_t rows = run.rows.size();
  auto pass = std::make_unique<Pass>(rows);
  // The lawyers are keyed in the order first met, and one drawn in two
  // districts or more is shared (Tally), as tally_lottery keys them.
  absl::flat_hash_map<std::string_view, std::pair<LawyerKey, uint32_t>> keys;  // id -> (key, districts)
  for (const RowTally& row : run.rows) {
    absl::flat_hash_map<std::string_view, bool> in_row;
    for (const SlotCounts& s : row.slots) {
      for (const auto& [lawyer, cases] : s.lawyers) {
        auto [it, added] = keys.try_emplace(lawyer, static_cast<LawyerKey>(keys.size()), 0);
        if (in_row.try_emplace(lawyer, true).second) ++it->second.second;
      }
    }
  }
  pass->recon_days_begin.assign(rows * 2 + 1, 0);
  pass->lottery_own.assign(rows * 2, {});
  pass->lottery_begin.assign(rows * 2 + 1, 0);
  for (size_t r = 0; r < rows; ++r) {
    for (int p = 0; p < 2; ++p) {
      const SlotCounts& s = run.rows[r].slots[static_cast<size_t>(p)];
      pass->reconsideration.set_from(s.n, r, p);
      pass->litigation.set_from(s.n, r, p);
      pass->legal_aid.set_from(s.n, r, p);
      pass->mediation.set_from(s.n, r, p);
      pass->registry.set_from(s.n, r, p);
      pass->activity.set_from(s.n, r, p);
      const size_t slot = r * 2 + static_cast<size_t>(p);
      for (const auto& [days, cases] : s.days) pass->recon_days.insert(pass->recon_days.end(), static_cast<size_t>(cases), days);
      pass->recon_days_begin[slot + 1] = static_cast<uint32_t>(pass->recon_days.size());
      for (const auto& [lawyer, cases] : s.lawyers) {
        const auto& [key, districts] = keys.at(lawyer);
        if (districts > 1) {
          pass->lottery_shared.emplace_back(key, cases);
        } else {
          pass->lottery_own[slot].add_lawyer(cases);
        }
      }
      pass->lottery_begin[slot + 1] = static_cast<uint32_t>(pass->lottery_shared.size());
    }
  }
  return pass;
}

absl::StatusOr<Compared> compared_from_tally(const TallyData& t, const Profile& profile, bool national,
                                             int threads) {
  if (!(CountingRules::of(profile) == t.counting)) {
    return absl::FailedPreconditionError(
        "the profile counts otherwise than the tally was counted (its period rules, legal-aid time limits or "
        "suspended days differ): give the profile the tally was made with");
  }
  std::vector<RegionCode> codes;
  for (const RowTally& row : t.runs.front().rows) codes.push_back(row.code);
  const FamiliesLoaded loaded = families_loaded(t);
  std::vector<Figures> figures;
  for (const RunTally& run : t.runs) {
    const std::unique_ptr<const Pass> pass = pass_from_tally(run);
    figures.push_back(figures_from_pass(*pass, codes, loaded, run.period, run.compared, profile, threads, national));
  }
  Compared c{std::move(figures[0]), std::nullopt};
  if (figures.size() > 1) c.sequential = std::move(figures[1]);
  return c;
}

ReportSource source_of_tally(const TallyData& t) {
  return {[&t](RegionCode c) -> std::optional<std::string_view> {
            const auto it = std::lower_bound(t.names.begin(), t.names.end(), c,
                                             [](const auto& n, RegionCode code) { return n.first < code; });
            if (it == t.names.end() || it->first != c) return std::nullopt;
            return it->second;
          },
          t.rows_read, t.rows_rejected, &t.notices};
}

}  // namespace internal

using internal::RowTally;
using internal::RunTally;
using internal::TallyData;

Tally::Tally(std::shared_ptr<const TallyData> data) : data_(std::move(data)) {}

absl::StatusOr<Tally> Tally::compute(const Dataset& ds, Period period, const Profile& profile,
                                     const Calendar& calendar, std::optional<RegionCode> region, int threads) {
  auto t = std::make_shared<TallyData>();
  std::vector<Period> compared = {year_ago_period(period)};
  if (!is_whole_years(period)) compared.push_back(previous_period(period));
  std::vector<RegionCode> kept;
  for (const Period c : compared) {
    absl::StatusOr<internal::CodedPass> coded =
        internal::coded_pass(ds, internal::Periods{period, c}, profile, calendar, threads, /*keep_lawyers=*/true);
    if (!coded.ok()) return coded.status();
    RunTally run{period, c, {}};
    std::vector<size_t> of_row;  // the pass's row each of the run's rows copies
    for (size_t r = 0; r < coded->codes.size(); ++r) {
      if (!region || internal::inside(*region, coded->codes[r])) of_row.push_back(r);
    }
    // Thousands of rows, each with its days sorted and its lawyers' ids
    // copied and sorted: on every thread.
    run.rows.resize(of_row.size());
    internal::parallel_for_chunks(of_row.size(), 64, internal::resolve_threads(threads),
                                  [&](size_t first, size_t end, size_t) {
      for (size_t k = first; k < end; ++k) {
        RowTally& row = run.rows[k];
        row.code = coded->codes[of_row[k]];
        for (int p = 0; p < 2; ++p) {
          row.slots[static_cast<size_t>(p)] = internal::slot_counts(*coded->pass, ds, of_row[k], p);
        }
      }
    });
    if (kept.empty()) {
      for (const RowTally& row : run.rows) kept.push_back(row.code);
    }
    t->runs.push_back(std::move(run));
  }
  t->region = region ? *region : internal::common_region(kept);
  // The tables' groups of the same districts, for the profile's breakdowns and series.
  const internal::TableGroups groups = internal::count_table_groups(ds, period, profile, calendar, threads);
  t->tables = internal::tally_tables_of(
      groups, [&](RegionCode c) { return !region || internal::inside(*region, c); }, threads);
  // The names regions.csv gives: all of them for a whole load (reference
  // data, which a merge joins); with --region, those of the regions inside it
  // and holding it.
  for (const RegionName& n : ds.region_names()) {
    const bool in_tally = internal::inside(t->region, n.code);
    const bool holds_tally = t->region != RegionCode() && n.code.contains(t->region);
    if (!region || in_tally || holds_tally) t->names.emplace_back(n.code, std::string(n.name));
  }
  std::sort(t->names.begin(), t->names.end());
  for (const RecordKind kind : internal::kFamilies) {
    t->records[static_cast<size_t>(kind)] = internal::records_of(ds, kind);
  }
  t->rows_read = ds.summary().rows_read();
  t->rows_rejected = ds.summary().rows_rejected();
  t->notices = ds.summary().notices;  // in load order, as a report from the records gives them
  t->counting = internal::CountingRules::of(profile);
  t->calendar = internal::CalendarStamp::of(calendar);
  t->fazhi_version = FZ_VERSION_STRING;
  internal::seal_tally(*t, threads);
  return Tally(std::move(t));
}

absl::StatusOr<Tally> Tally::merge(std::span<const Tally> parts) {
  if (parts.empty()) return absl::InvalidArgumentError("no tallies to merge");
  const TallyData& first = parts.front().data();
  auto t = std::make_shared<TallyData>();
  t->counting = first.counting;
  t->calendar = first.calendar;
  t->fazhi_version = first.fazhi_version;
  absl::flat_hash_set<std::string_view> digests;  // a tally given twice has its digest twice
  for (size_t k = 0; k < parts.size(); ++k) {
    const TallyData& p = parts[k].data();
    if (p.fazhi_version != first.fazhi_version) {
      return absl::InvalidArgumentError(absl::StrCat("the tallies were made by different fazhi versions (",
                                                     first.fazhi_version, " and ", p.fazhi_version, ")"));
    }
    if (p.runs.size() != first.runs.size()) {
      return absl::InvalidArgumentError("the tallies are of different periods");
    }
    for (size_t r = 0; r < p.runs.size(); ++r) {
      const RunTally& a = first.runs[r];
      const RunTally& b = p.runs[r];
      if (a.period.from != b.period.from || a.period.to != b.period.to || a.compared.from != b.compared.from ||
          a.compared.to != b.compared.to) {
        return absl::InvalidArgumentError(absl::StrCat("the tallies are of different periods (",
                                                       internal::period_text(a.period), " against ", internal::period_text(a.compared),
                                                       "; ", internal::period_text(b.period), " against ",
                                                       internal::period_text(b.compared), ")"));
      }
    }
    if (!(p.counting == first.counting)) {
      return absl::InvalidArgumentError("the tallies were counted by profiles with different counting rules");
    }
    if (!(p.calendar == first.calendar)) {
      return absl::InvalidArgumentError("the tallies were judged by different working-day calendars");
    }
    if (!digests.insert(p.digest).second) {
      return absl::InvalidArgumentError(
          absl::StrCat("the tally of region ", parts[k].region_text(), " is given twice"));
    }
  }
  // The districts: each in one part only.
  for (size_t r = 0; r < first.runs.size(); ++r) {
    RunTally run{first.runs[r].period, first.runs[r].compared, {}};
    std::map<uint32_t, size_t> owner;  // district -> part
    for (size_t k = 0; k < parts.size(); ++k) {
      for (const RowTally& row : parts[k].data().runs[r].rows) {
        const auto [it, added] = owner.emplace(row.code.value(), k);
        if (!added) {
          return absl::InvalidArgumentError(absl::StrCat("district ", row.code.str(), " is counted in two tallies (of ",
                                                         parts[it->second].region_text(), " and ",
                                                         parts[k].region_text(), ")"));
        }
        run.rows.push_back(row);
      }
    }
    std::sort(run.rows.begin(), run.rows.end(),
              [](const RowTally& a, const RowTally& b) { return a.code < b.code; });
    t->runs.push_back(std::move(run));
  }
  std::vector<const internal::TallyTables*> tables;
  for (const Tally& p : parts) tables.push_back(&p.data().tables);
  absl::StatusOr<internal::TallyTables> merged_tables = internal::merge_tally_tables(tables);
  if (!merged_tables.ok()) return merged_tables.status();
  t->tables = *std::move(merged_tables);
  // The region: the smallest holding every part's.
  std::vector<RegionCode> regions;
  bool national = false;
  for (const Tally& p : parts) {
    national |= p.region() == RegionCode();
    regions.push_back(p.region());
  }
  std::sort(regions.begin(), regions.end());
  t->region = national ? RegionCode() : internal::common_region(regions);
  // Names: one per code, the same in every part.
  std::map<uint32_t, std::string> names;
  for (const Tally& p : parts) {
    for (const auto& [code, name] : p.data().names) {
      const auto [it, added] = names.emplace(code.value(), name);
      if (!added && it->second != name) {
        return absl::InvalidArgumentError(absl::StrCat("region ", code.str(), " is named '", it->second,
                                                       "' in one tally and '", name, "' in another"));
      }
    }
  }
  for (const auto& [code, name] : names) t->names.emplace_back(RegionCode::from_value(code), name);
  for (const Tally& p : parts) {
    for (size_t k = 0; k < t->records.size(); ++k) t->records[k] += p.data().records[k];
    t->rows_read += p.data().rows_read;
    t->rows_rejected += p.data().rows_rejected;
    t->notices.insert(t->notices.end(), p.data().notices.begin(), p.data().notices.end());
  }
  std::sort(t->notices.begin(), t->notices.end());
  internal::seal_tally(*t, 0);
  return Tally(std::move(t));
}

RegionCode Tally::region() const { return data_->region; }
std::string Tally::region_text() const { return data_->region == RegionCode() ? "000000" : data_->region.str(); }
Period Tally::period() const { return data_->runs.front().period; }
std::string Tally::digest() const { return data_->digest; }
std::vector<RegionCode> Tally::districts() const {
  std::vector<RegionCode> out;
  for (const RowTally& row : data_->runs.front().rows) out.push_back(row.code);
  return out;
}

}  // namespace fazhi
