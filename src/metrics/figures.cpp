// The figures: every region's values for the period and the one compared
// with, from one record pass (pass.cpp). Each record region's counters are
// rolled up into its city and province, each region's Tally is turned into
// values by the families (families.hpp), then the ranks among sibling regions
// and the YoY of received applications are filled in.

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "fazhi/metrics.hpp"
#include "fazhi/text.hpp"
#include "metrics/families.hpp"
#include "metrics/pass.hpp"
#include "metrics/portable.hpp"
#include "metrics/statistics.hpp"
#include "metrics/tally.hpp"
#include "platform/parallel.hpp"
#include "platform/notices.hpp"

namespace fazhi {
namespace internal {

// Built (and interned) only when the calendar falls short, which is rare.
Reason off_calendar_reason(int64_t cases) {
  return Reason::intern(absl::StrCat(cases, cases == 1 ? " case falls" : " cases fall",
                                     " outside the loaded working-day calendar; load the State Council notice"));
}

// A rate whose cases the calendar could not all judge is undefined, never a guess.
Value calendar_ratio(int64_t num, int64_t den, int64_t off_calendar, Reason empty_reason) {
  if (off_calendar > 0) return Value::undefined(off_calendar_reason(off_calendar));
  return Value::ratio(num, den, empty_reason);
}

Value rate(const Context& c, size_t index, int64_t num, int64_t den, Reason empty_reason) {
  if (!c.parts.empty()) c.parts[index] = {num, den};
  return Value::ratio(num, den, empty_reason);
}

Value calendar_rate(const Context& c, size_t index, int64_t num, int64_t den, int64_t off_calendar,
                    Reason empty_reason) {
  if (!c.parts.empty()) c.parts[index] = {num, den};
  return calendar_ratio(num, den, off_calendar, empty_reason);
}

Reason no_basis_reason(CorrectionBasis basis) {
  return Reason::intern(
      absl::StrCat("no cases on the basis '", absl_view(correction_basis_name(basis)), "'"));
}

void family_values(Family f, const Tally& t, const Context& c, std::span<Value> v) {
  switch (f) {
    case Family::kReconsideration: return reconsideration_values(t, c, v);
    case Family::kLitigation: return litigation_values(t, c, v);
    case Family::kLegalAid: return legal_aid_values(t, c, v);
    case Family::kMediation: return mediation_values(t, c, v);
    case Family::kRegistry: return registry_values(t, c, v);
    case Family::kActivity: return activity_values(t, v);
  }
}

bool family_has_data(const Tally& t, Family f, size_t metric_index) {
  switch (f) {
    case Family::kReconsideration: return reconsideration_has_data(t);
    case Family::kLitigation: return litigation_has_data(t);
    case Family::kLegalAid: return legal_aid_has_data(t);
    case Family::kMediation: return mediation_has_data(t);
    case Family::kRegistry: return registry_has_data(t);
    case Family::kActivity: return activity_has_data(t, metric_index - family_rows_of(Family::kActivity).first);
    case Family::kRegions: break;  // no metric counts region names
  }
  return false;
}

}  // namespace internal

namespace {

using namespace internal;

// values_of fills every metric from one region's tally, each family its own
// rows. Ranks and the YoY metric are filled later, once every region's values
// exist.
std::vector<Value> values_of(const Tally& t, const Context& c) {
  std::vector<Value> v(metric_catalogue().size());
  auto rows = [&](Family f) {
    const FamilyRows r = family_rows_of(f);
    return std::span<Value>(v).subspan(r.first, r.size);
  };
  for (const Family f : {Family::kReconsideration, Family::kLitigation, Family::kLegalAid, Family::kRegistry,
                         Family::kMediation, Family::kActivity}) {
    family_values(f, t, c, rows(f));
  }
  return v;
}

// The family's record count in the whole dataset: with none loaded at all, its
// metrics are undefined rather than zero.
size_t family_rows(const Dataset& ds, Family f) {
  switch (f) {
    case Family::kReconsideration: return ds.reconsideration().size();
    case Family::kLitigation: return ds.litigation().size();
    case Family::kLegalAid: return ds.legal_aid().size();
    case Family::kMediation: return ds.mediation().size();
    case Family::kRegistry: return ds.registry().size();
    case Family::kActivity: return ds.activity().size();
    case Family::kRegions: break;  // no metric counts region names
  }
  return 0;
}

// regions_by_code is the indexes of `codes` in code order.
std::vector<uint32_t> regions_by_code(const std::vector<RegionCode>& codes) {
  std::vector<uint32_t> by_code(codes.size());
  for (uint32_t r = 0; r < by_code.size(); ++r) by_code[r] = r;
  std::sort(by_code.begin(), by_code.end(), [&](uint32_t a, uint32_t b) { return codes[a] < codes[b]; });
  return by_code;
}

// nodes_of is every code with its city and province, districts first, then
// cities, then provinces, each in code order: sorted by integer keys, the
// level worked out once per node, not per comparison. Taken in code order
// (by_code), a city or a province repeats only next to itself, so it is
// listed once (a third as much to sort as every code's three).
std::vector<RegionCode> nodes_of(const std::vector<RegionCode>& codes, const std::vector<uint32_t>& by_code) {
  std::vector<std::pair<uint64_t, RegionCode>> keyed;
  auto add_node = [&](RegionCode node) {
    const auto districts_first = static_cast<uint64_t>(RegionLevel::kDistrict) - static_cast<uint64_t>(node.level());
    keyed.emplace_back(districts_first << 32 | node.value(), node);
  };
  for (size_t k = 0; k < by_code.size(); ++k) {
    const RegionCode c = codes[by_code[k]];
    const std::optional<RegionCode> before = k > 0 ? std::optional(codes[by_code[k - 1]]) : std::nullopt;
    add_node(c);
    if (!before || before->city() != c.city()) add_node(c.city());
    if (!before || before->province() != c.province()) add_node(c.province());
  }
  std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<RegionCode> nodes;
  nodes.reserve(keyed.size());
  for (size_t i = 0; i < keyed.size(); ++i) {
    if (i == 0 || keyed[i].first != keyed[i - 1].first) nodes.push_back(keyed[i].second);
  }
  return nodes;
}

}  // namespace

std::vector<RegionCode> report_regions(const Dataset& ds) {
  const std::vector<RegionCode>& codes = ds.regions();
  return nodes_of(codes, regions_by_code(codes));
}

absl::StatusOr<Figures> compute_figures(const Dataset& ds, Period period, const Profile& profile,
                                        const Calendar& calendar, int threads) {
  if (period.to < period.from) return absl::InvalidArgumentError("the period ends before it starts");
  return compute_figures(ds, period, year_ago_period(period), profile, calendar, threads);
}

absl::StatusOr<Figures> compute_figures(const Dataset& ds, Period period, Period compared, const Profile& profile,
                                        const Calendar& calendar, int threads) {
  absl::StatusOr<internal::CodedPass> coded = internal::coded_pass(ds, Periods{period, compared}, profile, calendar,
                                                                   threads, /*keep_lawyers=*/false);
  if (!coded.ok()) return coded.status();
  internal::FamiliesLoaded loaded{};
  for (const Family f : {Family::kReconsideration, Family::kLitigation, Family::kLegalAid, Family::kMediation,
                         Family::kRegistry, Family::kActivity}) {
    loaded[static_cast<size_t>(f)] = family_rows(ds, f) > 0;
  }
  return internal::figures_from_pass(*coded->pass, coded->codes, loaded, period, compared, profile, threads,
                                     /*national=*/false);
}

namespace internal {

absl::StatusOr<CodedPass> coded_pass(const Dataset& ds, const Periods& periods, const Profile& profile,
                                     const Calendar& calendar, int threads, bool keep_lawyers) {
  const Period period = periods[0], compared = periods[1];
  if (period.to < period.from) return absl::InvalidArgumentError("the period ends before it starts");
  if (absl::Status s = ds.check_whole(); !s.ok()) return s;
  // The pass counts a date into one period's slot (slot_of), so they may not overlap.
  if (compared.to < compared.from || compared.to >= period.from) {
    return absl::InvalidArgumentError("the period compared with must end before the period starts");
  }
  // Regions: every code a record used. The Blocks' rows: the record regions in code order.
  const std::vector<RegionCode>& codes = ds.regions();
  const std::vector<uint32_t> by_code = regions_by_code(codes);
  Rows rows(codes.size());
  for (uint32_t row = 0; row < by_code.size(); ++row) rows[by_code[row]] = row;
  CodedPass out;
  out.pass = run_record_pass(ds, periods, profile, calendar, rows, threads, keep_lawyers);
  out.codes.reserve(by_code.size());
  for (const uint32_t r : by_code) out.codes.push_back(codes[r]);
  return out;
}

Figures figures_from_pass(const Pass& pass_ref, const std::vector<RegionCode>& codes, const FamiliesLoaded& loaded,
                          Period period, Period compared, const Profile& profile, int threads, bool national) {
  const Pass* const pass = &pass_ref;
  Figures fig;
  fig.period = period;
  fig.previous = compared;
  std::vector<uint32_t> by_code(codes.size());  // codes are in row order already
  for (uint32_t r = 0; r < by_code.size(); ++r) by_code[r] = r;
  std::vector<RegionCode> nodes = nodes_of(codes, by_code);
  // 全国 (000000) sums every row: a node of its own, last, outside every
  // group of siblings (ranked below on its own).
  if (national) nodes.push_back(RegionCode());
  absl::flat_hash_map<uint32_t, size_t> node_of;
  for (size_t i = 0; i < nodes.size(); ++i) node_of[nodes[i].value()] = i;

  // Roll up: a region's tally is its own records plus those of every region
  // inside it, so each node lists the rows it sums.
  std::vector<std::vector<uint32_t>> members(nodes.size());
  for (const uint32_t r : by_code) {  // so each list is in row order
    const RegionCode c = codes[r];
    std::array<size_t, 3> targets = {node_of[c.value()], node_of[c.city().value()], node_of[c.province().value()]};
    for (size_t k = 0; k < targets.size(); ++k) {
      if (std::find(targets.begin(), targets.begin() + static_cast<std::ptrdiff_t>(k), targets[k]) ==
          targets.begin() + static_cast<std::ptrdiff_t>(k)) {
        members[targets[k]].push_back(r);
      }
    }
    if (national) members.back().push_back(r);
  }

  const Reason no_basis = no_basis_reason(profile.correction_basis);
  const Context cur_ctx{nullptr, &profile, period, no_basis};
  const Context prev_ctx{nullptr, &profile, fig.previous, no_basis};
  // A family with no records at all: its metrics are undefined, not zero.
  std::array<std::optional<Reason>, static_cast<size_t>(Family::kActivity) + 1> no_records;
  for (const Family f : {Family::kReconsideration, Family::kLitigation, Family::kLegalAid, Family::kMediation,
                         Family::kRegistry, Family::kActivity}) {
    if (!loaded[static_cast<size_t>(f)]) {
      no_records[static_cast<size_t>(f)] =
          Reason::intern(absl::StrCat("no ", absl_view(family_name(f)), " records in the dataset"));
    }
  }
  const std::span<const MetricInfo> cat = metric_catalogue();
  fig.regions.resize(nodes.size());
  // assemble fills region i's figures from its tallies (scratch reused).
  auto assemble = [&](size_t i, Tally& cur_tally, Tally& prev_tally) {
    RegionFigures& rf = fig.regions[i];
    rf.code = nodes[i];
    pass->tally_into(members[i], 0, cur_tally);
    pass->tally_into(members[i], 1, prev_tally);
    rf.current = values_of(cur_tally, cur_ctx);
    rf.previous = values_of(prev_tally, prev_ctx);
    rf.previous_has_data.resize(cat.size());
    for (size_t m = 0; m < cat.size(); ++m) {
      rf.previous_has_data[m] = family_has_data(prev_tally, cat[m].family, m);
      if (const std::optional<Reason>& why = no_records[static_cast<size_t>(cat[m].family)]) {
        rf.current[m] = Value::undefined(*why);
        rf.previous[m] = Value::undefined(*why);
        rf.previous_has_data[m] = false;
      }
    }
    const auto& n = cur_tally.n;
    const int64_t off = n[kRIntakeOffCalendar] + n[kRDeadlineOffCalendar] + n[kRPendingOffCalendar] +
                        n[kLDefenceOffCalendar] + n[kLPendingOffCalendarFirst] + n[kAReviewOffCalendar] +
                        n[kAReviewDeadlineOffCalendar] + n[kAAssignOffCalendar] + n[kMPendingOffCalendar];
    if (off > 0) {
      rf.notices.push_back(make_notice(kNoticeOffCalendar, off));
    }
  };
  // Each region's figures depend on its own tallies only, so the threads
  // share the regions out, kRegionsPerTask at a time, handed out as threads
  // free up, each thread with scratch tallies of its own. The roll-ups, which
  // sum many regions, are last in `nodes`, so the regions are taken from the
  // end: the largest tasks first.
  constexpr size_t kRegionsPerTask = 64;
  struct Scratch {
    Tally cur, prev;
  };
  std::vector<Scratch> scratch(
      internal::worker_count(internal::chunk_count(nodes.size(), kRegionsPerTask), threads));
  internal::parallel_for_chunks(nodes.size(), kRegionsPerTask, threads, [&](size_t first, size_t end, size_t worker) {
    for (size_t k = first; k < end; ++k) assemble(nodes.size() - 1 - k, scratch[worker].cur, scratch[worker].prev);
  });
  // Looked up once: the catalogue is made at run time (the activity rows).
  auto index = [](std::string_view id) { return *metric_index(id); };
  std::vector<std::vector<size_t>> siblings = sibling_groups(fig.regions);
  if (national) {  // 全国 is no province's sibling: a group of its own
    for (std::vector<size_t>& group : siblings) std::erase(group, nodes.size() - 1);
    siblings.push_back({nodes.size() - 1});
  }
  for (const bool previous : {false, true}) {
    rank_among_siblings(fig.regions, siblings, index("legal_aid.accepted_rank"), index("legal_aid.accepted"),
                        previous);
    rank_among_siblings(fig.regions, siblings, index("mediation.received_rank"), index("mediation.received"),
                        previous);
  }

  // The YoY of received applications is a metric of its own in the catalogue.
  const size_t received = index("reconsideration.received");
  const size_t received_yoy = index("reconsideration.received_yoy");
  for (RegionFigures& rf : fig.regions) {
    const Value& now = rf.current[received];
    const Value& before = rf.previous[received];
    if (!now.defined() || !rf.previous_has_data[received] || !before.defined() || before.integer == 0) {
      rf.current[received_yoy] = Value::undefined("no applications received in the previous period");
    } else {
      rf.current[received_yoy] = Value::ratio(now.integer - before.integer, before.integer, "");
    }
    rf.previous[received_yoy] = Value::undefined("not computed for the previous period");
    rf.previous_has_data[received_yoy] = false;
  }
  return fig;
}

}  // namespace internal

}  // namespace fazhi
