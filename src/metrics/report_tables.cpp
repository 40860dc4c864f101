// The tables a report carries (report_tables.hpp): filling a Report's
// breakdowns and series from the profile's lists, and the sources that
// compute them.
//
// For every region at once (all_region_tables) a table costs one pass over
// its family's rows, not one per region: each row is counted in the group of
// (its record region, its dimension's value), and a region's row for a
// value sums the groups of its record regions, exactly as the scalar
// figures roll districts up into cities and provinces. The groups are
// numbered as the rows meet them, so only the pairs that occur take room.
// The groups (TableGroups) are kept apart from the tables made of them, so
// that a portable tally can carry them and make the same tables.

#include "metrics/report_tables.hpp"

#include <algorithm>
#include <functional>
#include <limits>
#include <memory>
#include <numeric>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "metrics/breakdown_internal.hpp"
#include "metrics/families.hpp"
#include "metrics/pass.hpp"
#include "platform/huge_pages.hpp"
#include "platform/parallel.hpp"

namespace fazhi::internal {

void order_rows(std::vector<BreakdownRow>& rows, const std::vector<std::string>& order) {
  if (order.empty()) return;
  auto place = [&](const BreakdownRow& r) {
    if (!r.key) return order.size();
    const auto it = std::find(order.begin(), order.end(), *r.key);
    return static_cast<size_t>(it - order.begin());
  };
  std::stable_sort(rows.begin(), rows.end(),
                   [&](const BreakdownRow& a, const BreakdownRow& b) { return place(a) < place(b); });
}

namespace {

bool has_districts(RegionCode region) { return region == kNational || region.level() != RegionLevel::kDistrict; }

// A dated count: the date that alone puts a record in a flow count (a
// received count's received date, a closed count's closing date), for the
// counts whose series one pass can split by month (the others take a pass
// per month); and, where that date is all the count asks of a record (not
// reconsideration.closed, which counts only concluded cases), the counter
// the family's pass adds it to: its series is then a count of dates in each
// month, made without the pass (count_dates). The test
// ReportTables.AllRegionsEqualOneRegion checks each against compute_series.
struct DatedCount {
  std::string_view metric;
  const std::vector<DayNumber>& (*date)(const Dataset&);
  std::optional<size_t> counter;
};

const DatedCount* dated_count(std::string_view id) {
  static const DatedCount kDated[] = {
      {"reconsideration.received", [](const Dataset& ds) -> const auto& { return ds.reconsideration().received; },
       kRReceived},
      {"reconsideration.accepted", [](const Dataset& ds) -> const auto& { return ds.reconsideration().accepted; },
       kRAccepted},
      {"reconsideration.closed", [](const Dataset& ds) -> const auto& { return ds.reconsideration().closed; },
       std::nullopt},
      {"litigation.received", [](const Dataset& ds) -> const auto& { return ds.litigation().filed; }, kLReceived},
      {"legal_aid.accepted", [](const Dataset& ds) -> const auto& { return ds.legal_aid().accepted; }, kAAccepted},
      {"legal_aid.closed", [](const Dataset& ds) -> const auto& { return ds.legal_aid().closed; }, kAClosed},
      {"mediation.received", [](const Dataset& ds) -> const auto& { return ds.mediation().received; }, kMReceived},
  };
  for (const DatedCount& d : kDated) {
    if (d.metric == id) return &d;
  }
  return nullptr;
}

class DatasetTables : public TableSource {
 public:
  DatasetTables(const Dataset& ds, const Profile& profile, const Calendar& calendar)
      : ds_(ds), profile_(profile), calendar_(calendar) {}
  std::optional<Breakdown> breakdown(const Report& r, const TableSpec& spec) const override {
    absl::StatusOr<Breakdown> b =
        compute_breakdown(ds_, r.region, r.period, r.previous, spec.metric, spec.by, profile_, calendar_);
    if (!b.ok()) return std::nullopt;
    return *std::move(b);
  }
  std::optional<Series> series(const Report& r, const TableSpec& spec) const override {
    absl::StatusOr<Series> s = compute_series(ds_, r.region, r.period, spec.metric, spec.by, profile_, calendar_);
    if (!s.ok()) return std::nullopt;
    return *std::move(s);
  }

 private:
  const Dataset& ds_;
  const Profile& profile_;
  const Calendar& calendar_;
};

// parts_of is the months (quarters) a series splits the period into.
const std::vector<SubPeriod>& parts_of(bool quarters, const std::vector<SubPeriod>& months,
                                       const std::vector<SubPeriod>& quarter_parts) {
  return quarters ? quarter_parts : months;
}

// buckets_fit: the months (and the same months a year earlier) cover the
// period (and the year before) day for day, so a row's date names one.
bool buckets_fit(const std::vector<SubPeriod>& parts, Period period, Period previous) {
  int64_t now = 0, before = 0;
  for (const SubPeriod& p : parts) {
    const Period y = year_ago_period(p.days);
    if (y.from < previous.from || y.to > previous.to) return false;
    now += p.days.to - p.days.from + 1;
    before += y.to - y.from + 1;
  }
  return now == period.to - period.from + 1 && before == previous.to - previous.from + 1;
}

const std::vector<RegionIndex>& region_column(const Dataset& ds, Family f) {
  switch (f) {
    case Family::kLitigation: return ds.litigation().region;
    case Family::kLegalAid: return ds.legal_aid().region;
    case Family::kMediation: return ds.mediation().region;
    default: return ds.reconsideration().region;
  }
}

// date_buckets groups the rows by the month (quarter) of their date, in
// the period or a year earlier; the group after the last: neither.
void date_buckets(const std::vector<DayNumber>& date, const std::vector<SubPeriod>& parts, Period period,
                  Period previous, Grouping& g) {
  const DayNumber first = previous.from;
  std::vector<RegionIndex> bucket(static_cast<size_t>(period.to - first) + 1,
                                  static_cast<RegionIndex>(parts.size()));
  for (size_t k = 0; k < parts.size(); ++k) {
    const Period y = year_ago_period(parts[k].days);
    for (DayNumber d = parts[k].days.from; d <= parts[k].days.to; ++d) bucket[static_cast<size_t>(d - first)] = k;
    for (DayNumber d = y.from; d <= y.to; ++d) bucket[static_cast<size_t>(d - first)] = k;
    g.keys.emplace_back(parts[k].key);
    g.labels.emplace_back(parts[k].key);
  }
  g.keys.emplace_back(std::nullopt);  // neither period
  g.labels.emplace_back();
  resize_huge(g.of_row, date.size());
  for (size_t i = 0; i < date.size(); ++i) {
    const uint32_t k = static_cast<uint32_t>(date[i]) - static_cast<uint32_t>(first);
    g.of_row[i] = k < bucket.size() ? bucket[k] : static_cast<RegionIndex>(parts.size());
  }
}

// count_dates is a series' groups for a dated count with a counter: each
// group's records dated in the period and in the year before, added to the
// one counter (every other counter of the group is 0). Exactly what the
// family's pass would count there, at a fraction of its cost: a pass
// computes every counter of every record, and a series' groups, a month
// of a region each, are so small that it stops at every record.
GroupTally count_dates(const std::vector<DayNumber>& date, const std::vector<RegionIndex>& group_of_row,
                       size_t groups, const Periods& periods, Family f, size_t counter) {
  auto counts = std::make_shared<std::vector<uint32_t>>(groups * 2, 0);
  uint32_t* n = counts->data();
  for (size_t i = 0; i < date.size(); ++i) {
    for (size_t p = 0; p < 2; ++p) n[size_t{group_of_row[i]} * 2 + p] += in(periods[p], date[i]);
  }
  GroupTally out{f, {}};
  out.add_to = [counts, counter](std::array<int64_t, kCounterCount>& to, size_t g, int p) {
    to[counter] += (*counts)[g * 2 + static_cast<size_t>(p)];
  };
  return out;
}

// tally_split numbers the (record region, value) pairs as the rows meet
// them and tallies the family by pair.
void tally_split(const Dataset& ds, TableSplit& s, Period period, Period previous, const std::vector<SubPeriod>& parts,
                 const Profile& profile, const Calendar& calendar) {
  Grouping g;
  if (!s.dimension.empty()) {
    Scope everywhere{kNational, std::vector<uint8_t>(ds.regions().size(), 1)};
    find_dimension(s.family, s.dimension)->group(ds, everywhere, g);
  } else {
    date_buckets(dated_count(s.dated)->date(ds), parts, period, previous, g);
  }
  s.keys = std::move(g.keys);
  s.labels = std::move(g.labels);
  const size_t values = s.keys.size();
  const std::vector<RegionIndex>& region = region_column(ds, s.family);
  const size_t regions = ds.regions().size();
  // Each row's value is replaced by its pair where it lies: the values are
  // not read again, and a second array a row was the largest part of the
  // tables' memory (4 bytes a record for each of two splits at a time).
  std::vector<RegionIndex>& pair_of_row = g.of_row;
  resize_huge(pair_of_row, region.size(), 0);  // rows after the last one grouped: value 0
  // Dense when regions x values is small (codes, categories), else hashed
  // (agencies, which are many and each in few regions).
  constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();
  const bool dense = regions * values <= (size_t{1} << 22);
  std::vector<uint32_t> dense_ids(dense ? regions * values : 0, kNone);
  absl::flat_hash_map<uint64_t, uint32_t> hashed_ids;
  std::vector<std::pair<uint32_t, uint32_t>> region_value;  // by pair
  for (size_t i = 0; i < region.size(); ++i) {
    const size_t r = region[i], v = pair_of_row[i];
    uint32_t* id = nullptr;
    if (dense) {
      id = &dense_ids[r * values + v];
    } else {
      id = &hashed_ids.try_emplace(uint64_t{r} * values + v, kNone).first->second;
    }
    if (*id == kNone) {
      *id = static_cast<uint32_t>(region_value.size());
      region_value.emplace_back(static_cast<uint32_t>(r), static_cast<uint32_t>(v));
    }
    pair_of_row[i] = *id;
  }
  s.begin.assign(regions + 1, 0);
  for (const auto& [r, v] : region_value) ++s.begin[r + 1];
  std::partial_sum(s.begin.begin(), s.begin.end(), s.begin.begin());
  s.pairs.resize(region_value.size());
  std::vector<uint32_t> next(s.begin.begin(), s.begin.end() - 1);
  for (size_t p = 0; p < region_value.size(); ++p) {
    s.pairs[next[region_value[p].first]++] = {region_value[p].second, static_cast<uint32_t>(p)};
  }
  if (const DatedCount* dated = s.dimension.empty() ? dated_count(s.dated) : nullptr; dated && dated->counter) {
    s.tally = count_dates(dated->date(ds), pair_of_row, region_value.size(), {period, previous}, s.family,
                          *dated->counter);
    return;
  }
  s.tally = tally_family_groups(ds, s.family, &pair_of_row, region_value.size(), {period, previous}, profile, calendar);
}

// GroupedTables makes every region's tables from TableGroups.
class GroupedTables : public TableSource {
 public:
  GroupedTables(std::shared_ptr<const TableGroups> groups, RegionNames names, const Profile& profile,
                std::unique_ptr<TableSource> fallback)
      : g_(std::move(groups)), names_(std::move(names)), profile_(profile), fallback_(std::move(fallback)),
        months_(sub_periods(g_->period, false)), quarters_(sub_periods(g_->period, true)) {
    // Each region's record regions: its own, its districts', its cities'.
    for (size_t i = 0; i < g_->regions.size(); ++i) {
      const RegionCode c = g_->regions[i];
      RegionCode within[] = {c, c.city(), c.province(), kNational};
      std::sort(std::begin(within), std::end(within));
      for (size_t k = 0; k < std::size(within); ++k) {
        if (k > 0 && within[k] == within[k - 1]) continue;
        members_[within[k].value()].push_back(static_cast<uint32_t>(i));
      }
    }
  }

  std::optional<Breakdown> breakdown(const Report& r, const TableSpec& spec) const override {
    const Period period = g_->period, previous = g_->previous;
    if (r.period.from != period.from || r.period.to != period.to) return std::nullopt;
    const std::optional<size_t> m = metric_index(spec.metric);
    if (!m || !can_break_down(spec.metric)) return std::nullopt;
    const MetricInfo& info = metric_catalogue()[*m];
    const Dimension* d = find_dimension(info.family, spec.by);
    if (d == nullptr) return std::nullopt;
    const std::vector<uint32_t>& members = members_of(r.region);
    if (members.empty()) return std::nullopt;
    if (d->group == nullptr && spec.by != "region") {
      return fallback_ ? fallback_->breakdown(r, spec) : std::nullopt;
    }
    Breakdown b;
    b.metric = &info;
    b.dimension = d->info;
    b.region = r.region;
    b.period = period;
    b.previous = previous;
    b.additive = info.kind == ValueKind::kCount;
    Sums sums(info, *m, profile_, period, previous);
    if (spec.by == "region") {
      // Each record region's groups: of the family's smallest split by a
      // dimension, or of its own pass (a series' split may count one
      // counter only: count_dates).
      const TableSplit* split = nullptr;
      for (const TableSplit& s : g_->splits) {
        if (s.family == info.family && !s.dimension.empty() &&
            (split == nullptr || s.pairs.size() < split->pairs.size())) {
          split = &s;
        }
      }
      const TableByRegion* whole = split != nullptr ? nullptr : find_family(info.family, period);
      if (split == nullptr && whole == nullptr) return std::nullopt;
      auto add_region = [&](uint32_t k) {
        if (whole != nullptr) return sums.add(whole->tally, k);
        for (uint32_t p = split->begin[k]; p < split->begin[k + 1]; ++p) sums.add(split->tally, split->pairs[p].second);
      };
      // Each record region's child: a city's districts (its own code: 市本级),
      // a province's cities, 全国's provinces; in code order.
      std::vector<std::pair<uint32_t, uint32_t>> children;  // (child code, record region)
      for (const uint32_t k : members) children.emplace_back(child_of(r.region, g_->regions[k]).value(), k);
      std::sort(children.begin(), children.end());
      for (size_t i = 0; i < children.size();) {
        size_t j = i;
        sums.clear_group();
        for (; j < children.size() && children[j].first == children[i].first; ++j) {
          add_region(children[j].second);
        }
        const RegionCode c = RegionCode::from_value(children[i].first);
        const std::optional<std::string_view> name = names_(c);
        sums.row(b.rows, c.str(), name ? std::string(*name) : c.str());
        i = j;
      }
    } else {
      const TableSplit* s = find_split(info.family, spec.by);
      if (s == nullptr) return std::nullopt;
      std::vector<std::pair<uint32_t, uint32_t>> pairs;  // (value, group)
      for (const uint32_t k : members) {
        pairs.insert(pairs.end(), s->pairs.begin() + s->begin[k], s->pairs.begin() + s->begin[k + 1]);
      }
      std::sort(pairs.begin(), pairs.end());
      for (size_t i = 0; i < pairs.size();) {
        size_t j = i;
        sums.clear_group();
        for (; j < pairs.size() && pairs[j].first == pairs[i].first; ++j) sums.add(s->tally, pairs[j].second);
        sums.row(b.rows, s->keys[pairs[i].first], s->labels[pairs[i].first]);
        i = j;
      }
    }
    sums.totals(b.total, b.previous_total);
    finish(b.rows, b.total);
    return b;
  }

  std::optional<Series> series(const Report& r, const TableSpec& spec) const override {
    const Period period = g_->period;
    if (r.period.from != period.from || r.period.to != period.to) return std::nullopt;
    const std::optional<size_t> m = metric_index(spec.metric);
    if (!m || !can_break_down(spec.metric) || (spec.by != "month" && spec.by != "quarter")) return std::nullopt;
    const MetricInfo& info = metric_catalogue()[*m];
    const std::vector<uint32_t>& members = members_of(r.region);
    if (members.empty()) return std::nullopt;
    Series s;
    s.metric = &info;
    s.by = spec.by;
    s.region = r.region;
    s.period = period;
    const bool quarters = spec.by == "quarter";
    const std::vector<SubPeriod>& parts = parts_of(quarters, months_, quarters_);
    if (const TableSplit* dated = find_dated(spec.metric, quarters); dated != nullptr) {
      // Each value's month, found by its key: a tally keeps only the months
      // with a count, so a value's number is not its month's.
      constexpr uint32_t kNoMonth = std::numeric_limits<uint32_t>::max();
      std::vector<uint32_t> month_of(dated->keys.size(), kNoMonth);
      for (size_t v = 0; v < dated->keys.size(); ++v) {
        for (size_t month = 0; month < parts.size() && dated->keys[v]; ++month) {
          if (*dated->keys[v] == parts[month].key) month_of[v] = static_cast<uint32_t>(month);
        }
      }
      std::vector<std::pair<uint32_t, uint32_t>> pairs;  // (month, group)
      for (const uint32_t k : members) {
        for (uint32_t p = dated->begin[k]; p < dated->begin[k + 1]; ++p) {
          const auto [value, group] = dated->pairs[p];
          if (month_of[value] != kNoMonth) pairs.emplace_back(month_of[value], group);
        }
      }
      std::sort(pairs.begin(), pairs.end());
      size_t i = 0;
      for (size_t month = 0; month < parts.size(); ++month) {
        const SubPeriod& p = parts[month];
        Sums sums(info, *m, profile_, p.days, year_ago_period(p.days));
        sums.clear_group();
        for (; i < pairs.size() && pairs[i].first == month; ++i) sums.add(dated->tally, pairs[i].second);
        std::vector<BreakdownRow> one;
        sums.row(one, std::nullopt, "", /*always=*/true);
        s.points.push_back({p.key, p.days, std::move(one[0].value), std::move(one[0].previous)});
      }
      return s;
    }
    for (const SubPeriod& p : parts) {
      const TableByRegion* pass = find_family(info.family, p.days);
      if (pass == nullptr) return std::nullopt;
      Sums sums(info, *m, profile_, p.days, year_ago_period(p.days));
      sums.clear_group();
      for (const uint32_t k : members) sums.add(pass->tally, k);
      std::vector<BreakdownRow> one;
      sums.row(one, std::nullopt, "", /*always=*/true);
      s.points.push_back({p.key, p.days, std::move(one[0].value), std::move(one[0].previous)});
    }
    return s;
  }

 private:
  // Sums adds groups' counters for both periods and makes a metric's values.
  class Sums {
   public:
    Sums(const MetricInfo& info, size_t m, const Profile& profile, Period now, Period before)
        : info_(info), m_(m), rows_(family_rows_of(info.family)),
          contexts_{Context{nullptr, &profile, now, no_basis_reason(profile.correction_basis)},
                    Context{nullptr, &profile, before, no_basis_reason(profile.correction_basis)}},
          values_(rows_.size) {}
    void clear_group() {
      group_[0].n.fill(0);
      group_[1].n.fill(0);
    }
    void add(const GroupTally& t, size_t g) {
      for (int p = 0; p < 2; ++p) {
        t.add_to(group_[p].n, g, p);
        t.add_to(all_[p].n, g, p);
      }
    }
    // row appends the group's row, unless no record of it touches either
    // period (and not `always`).
    void row(std::vector<BreakdownRow>& rows, std::optional<std::string> key, std::string label,
             bool always = false) {
      BreakdownRow r;
      r.key = std::move(key);
      r.label = std::move(label);
      r.value = value(group_[0], 0);
      r.previous = value(group_[1], 1);
      const bool data =
          family_has_data(group_[0], info_.family, m_) || family_has_data(group_[1], info_.family, m_);
      if (data || always) rows.push_back(std::move(r));
    }
    void totals(Value& now, Value& before) {
      now = value(all_[0], 0);
      before = value(all_[1], 1);
    }

   private:
    Value value(const Tally& t, int p) {
      family_values(info_.family, t, contexts_[p], values_);
      return std::move(values_[m_ - rows_.first]);
    }
    const MetricInfo& info_;
    size_t m_;
    FamilyRows rows_;
    Context contexts_[2];
    std::vector<Value> values_;
    Tally group_[2], all_[2];
  };

  static RegionCode child_of(RegionCode scope, RegionCode c) {
    if (scope == kNational) return c.province();
    switch (scope.level()) {
      case RegionLevel::kProvince: return c.city();
      case RegionLevel::kCity: return c;
      case RegionLevel::kDistrict: break;
    }
    return scope;
  }

  // members_of lists the record regions inside `region` (as request() in breakdown.cpp).
  const std::vector<uint32_t>& members_of(RegionCode region) const {
    static const std::vector<uint32_t> kNone;
    const auto it = members_.find(region.value());
    return it == members_.end() ? kNone : it->second;
  }
  const TableSplit* find_split(Family f, std::string_view dimension) const {
    for (const TableSplit& s : g_->splits) {
      if (s.family == f && !s.dimension.empty() && s.dimension == dimension) return &s;
    }
    return nullptr;
  }
  const TableSplit* find_dated(std::string_view metric, bool quarters) const {
    for (const TableSplit& s : g_->splits) {
      if (s.dimension.empty() && s.dated == metric && s.quarters == quarters) return &s;
    }
    return nullptr;
  }
  const TableByRegion* find_family(Family f, Period days) const {
    for (const TableByRegion& b : g_->by_region) {
      if (b.family == f && b.days.from == days.from && b.days.to == days.to) return &b;
    }
    return nullptr;
  }

  std::shared_ptr<const TableGroups> g_;
  RegionNames names_;
  const Profile& profile_;
  std::unique_ptr<TableSource> fallback_;
  std::vector<SubPeriod> months_, quarters_;
  absl::flat_hash_map<uint32_t, std::vector<uint32_t>> members_;  // by region code
};

}  // namespace

void fill_tables(Report& report, const Profile& profile, const TableSource& source) {
  report.breakdowns.clear();
  report.series.clear();
  for (const TableSpec& spec : profile.breakdowns) {
    if (spec.by == "region" && !has_districts(report.region)) continue;
    std::optional<Breakdown> b = source.breakdown(report, spec);
    if (!b) continue;
    order_rows(b->rows, spec.order);
    if (spec.top > 0) fold_rows(*b, spec.top);
    b->decimals = spec.decimals.value_or(profile.percent_decimals);
    b->rounding = spec.rounding.value_or(profile.rounding);
    report.breakdowns.push_back(*std::move(b));
  }
  for (const TableSpec& spec : profile.series) {
    std::optional<Series> s = source.series(report, spec);
    if (s) report.series.push_back(*std::move(s));
  }
}

std::unique_ptr<TableSource> dataset_tables(const Dataset& ds, const Profile& profile, const Calendar& calendar) {
  return std::make_unique<DatasetTables>(ds, profile, calendar);
}

TableGroups count_table_groups(const Dataset& ds, Period period, const Profile& profile, const Calendar& calendar,
                               int threads) {
  TableGroups g;
  g.period = period;
  g.previous = year_ago_period(period);
  g.regions = ds.regions();
  const std::vector<SubPeriod> months = sub_periods(period, false), quarters = sub_periods(period, true);
  auto has_split = [&g](Family f, std::string_view dimension, std::string_view dated, bool q) {
    return std::any_of(g.splits.begin(), g.splits.end(), [&](const TableSplit& s) {
      return s.family == f && s.dimension == dimension && s.dated == dated && s.quarters == q;
    });
  };
  auto has_pass = [&g](Family f, Period days) {
    return std::any_of(g.by_region.begin(), g.by_region.end(), [&](const TableByRegion& b) {
      return b.family == f && b.days.from == days.from && b.days.to == days.to;
    });
  };
  std::vector<Family> region_families;
  for (const TableSpec& spec : profile.breakdowns) {
    const std::optional<size_t> m = metric_index(spec.metric);
    if (!m) continue;
    const Family f = metric_catalogue()[*m].family;
    if (spec.by == "region") {
      region_families.push_back(f);
      continue;
    }
    const Dimension* d = find_dimension(f, spec.by);
    if (d == nullptr || d->group == nullptr) continue;  // month, quarter: one region at a time (dataset_tables)
    if (!has_split(f, spec.by, "", false)) g.splits.push_back(TableSplit{f, spec.by, "", false, {}, {}, {}, {}, {}});
  }
  for (const TableSpec& spec : profile.series) {
    const std::optional<size_t> m = metric_index(spec.metric);
    if (!m) continue;
    const Family f = metric_catalogue()[*m].family;
    const bool q = spec.by == "quarter";
    const std::vector<SubPeriod>& parts = parts_of(q, months, quarters);
    if (dated_count(spec.metric) != nullptr && buckets_fit(parts, g.period, g.previous)) {
      if (!has_split(f, "", spec.metric, q)) g.splits.push_back(TableSplit{f, "", spec.metric, q, {}, {}, {}, {}, {}});
      continue;
    }
    for (const SubPeriod& p : parts) {
      if (!has_pass(f, p.days)) g.by_region.push_back({f, p.days, {}});
    }
  }
  // A breakdown by region sums each record region's groups of a split of
  // its family by a dimension (every row is in one group); a pass of its
  // own only without.
  for (const Family f : region_families) {
    const bool split = std::any_of(g.splits.begin(), g.splits.end(),
                                   [f](const TableSplit& s) { return s.family == f && !s.dimension.empty(); });
    if (!split && !has_pass(f, period)) g.by_region.push_back({f, period, {}});
  }
  // The jobs: one pass each, run on `threads` threads. The lists are not
  // resized once the jobs start: the jobs hold references.
  std::vector<std::function<void()>> jobs;
  for (TableSplit& s : g.splits) {
    jobs.push_back([&, &s = s] {
      tally_split(ds, s, g.period, g.previous, parts_of(s.quarters, months, quarters), profile, calendar);
    });
  }
  for (TableByRegion& b : g.by_region) {
    jobs.push_back([&, &b = b] {
      b.tally = tally_family_groups(ds, b.family, nullptr, g.regions.size(), {b.days, year_ago_period(b.days)},
                                    profile, calendar);
    });
  }
  parallel_for(jobs.size(), resolve_threads(threads), [&](size_t k) { jobs[k](); });
  return g;
}

std::unique_ptr<TableSource> all_region_tables(const Dataset& ds, Period period, const Profile& profile,
                                               const Calendar& calendar, int threads) {
  auto groups = std::make_shared<const TableGroups>(count_table_groups(ds, period, profile, calendar, threads));
  return grouped_tables(std::move(groups), [&ds](RegionCode c) { return ds.region_name(c); }, profile,
                        dataset_tables(ds, profile, calendar));
}

std::unique_ptr<TableSource> grouped_tables(std::shared_ptr<const TableGroups> groups, RegionNames names,
                                            const Profile& profile, std::unique_ptr<TableSource> fallback) {
  return std::make_unique<GroupedTables>(std::move(groups), std::move(names), profile, std::move(fallback));
}

}  // namespace fazhi::internal
