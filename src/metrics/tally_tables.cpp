// A portable tally's tables (portable.hpp): the groups of the report's
// breakdowns and series (TableGroups) copied district by district into the
// tally, joined across tallies, and rebuilt for grouped_tables, which then
// makes a region's tables by the very code that makes them from records.
//
// A tally keeps only the groups with a count, and its values in key order,
// so that merging commutes and the same districts give the same tables
// whichever tallies they came through.

#include <algorithm>
#include <map>
#include <memory>
#include <numeric>
#include <span>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "fazhi/text.hpp"
#include "metrics/breakdown_internal.hpp"
#include "metrics/portable.hpp"
#include "platform/huge_pages.hpp"
#include "platform/parallel.hpp"

namespace fazhi::internal {
namespace {

// key_less orders keys ascending, the empty value (未填) last.
bool key_less(const std::optional<std::string>& a, const std::optional<std::string>& b) {
  if (a.has_value() != b.has_value()) return a.has_value();
  return a < b;
}

bool any_count(std::span<const int64_t> counts) {
  return std::any_of(counts.begin(), counts.end(), [](int64_t n) { return n != 0; });
}

// by_code is the record regions' indexes in code order.
std::vector<uint32_t> by_code(const std::vector<RegionCode>& regions) {
  std::vector<uint32_t> order(regions.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return regions[a] < regions[b]; });
  return order;
}

std::string identity_text(const TallySplit& s) {
  return absl::StrCat(absl_view(kind_name(s.family)), " by ", s.dimension.empty() ? s.dated : s.dimension,
                      s.quarters ? " (quarters)" : "");
}

// split_of is a TableSplit's groups of the regions `kept` (indexes, in code order).
TallySplit split_of(const TableSplit& s, const std::vector<RegionCode>& regions, const std::vector<uint32_t>& kept) {
  TallySplit t{s.family, s.dimension, s.dated, s.quarters, {}, {}, {}};
  // Every kept pair's counters, one after another; where[p] is where pair p's start.
  const size_t w2 = 2 * counter_width(s.family);
  std::vector<int64_t> counts;
  std::vector<size_t> where(s.pairs.size(), 0);
  size_t kept_pairs = 0;
  for (const uint32_t r : kept) kept_pairs += s.begin[r + 1] - s.begin[r];
  reserve_huge(counts, kept_pairs * w2);
  auto counted = [&](uint32_t p) { return std::span<const int64_t>(counts).subspan(where[p], w2); };
  // The values' new numbers: in key order, and only those with a count.
  std::vector<uint8_t> used(s.keys.size(), 0);
  for (const uint32_t r : kept) {
    for (uint32_t p = s.begin[r]; p < s.begin[r + 1]; ++p) {
      where[p] = counts.size();
      append_group_counts(s.tally, s.pairs[p].second, counts);
      if (any_count(counted(p))) used[s.pairs[p].first] = 1;
    }
  }
  std::vector<uint32_t> values;
  for (uint32_t v = 0; v < s.keys.size(); ++v) {
    if (used[v]) values.push_back(v);
  }
  std::sort(values.begin(), values.end(), [&](uint32_t a, uint32_t b) { return key_less(s.keys[a], s.keys[b]); });
  std::vector<uint32_t> renumber(s.keys.size(), 0);
  for (uint32_t k = 0; k < values.size(); ++k) {
    renumber[values[k]] = k;
    t.keys.push_back(s.keys[values[k]]);
    t.labels.push_back(s.labels[values[k]]);
  }
  std::vector<std::pair<uint32_t, uint32_t>> groups;  // (new value, pair)
  for (const uint32_t r : kept) {
    groups.clear();
    for (uint32_t p = s.begin[r]; p < s.begin[r + 1]; ++p) {
      if (any_count(counted(p))) groups.emplace_back(renumber[s.pairs[p].first], p);
    }
    if (groups.empty()) continue;
    std::sort(groups.begin(), groups.end());
    TallySplit::District d{regions[r], {}, {}};
    d.values.reserve(groups.size());
    d.counts.reserve(groups.size() * w2);
    for (const auto& [v, p] : groups) {
      d.values.push_back(v);
      const std::span<const int64_t> c = counted(p);
      d.counts.insert(d.counts.end(), c.begin(), c.end());
    }
    t.districts.push_back(std::move(d));
  }
  return t;
}

TallyPass pass_of(const TableByRegion& b, const std::vector<RegionCode>& regions, const std::vector<uint32_t>& kept) {
  TallyPass t{b.family, b.days, {}};
  for (const uint32_t r : kept) {
    std::vector<int64_t> counts = group_counts_of(b.tally, r);
    if (any_count(counts)) t.districts.emplace_back(regions[r], std::move(counts));
  }
  return t;
}

}  // namespace

TallyTables tally_tables_of(const TableGroups& g, const std::function<bool(RegionCode)>& keep, int threads) {
  std::vector<uint32_t> kept;
  for (const uint32_t r : by_code(g.regions)) {
    if (keep(g.regions[r])) kept.push_back(r);
  }
  TallyTables out;
  out.splits.resize(g.splits.size());
  out.passes.resize(g.by_region.size());
  // Each table on its own thread: a national tally's are ~0.3 s of work.
  parallel_for(g.splits.size() + g.by_region.size(), threads, [&](size_t k) {
    if (k < g.splits.size()) {
      out.splits[k] = split_of(g.splits[k], g.regions, kept);
    } else {
      out.passes[k - g.splits.size()] = pass_of(g.by_region[k - g.splits.size()], g.regions, kept);
    }
  });
  return out;
}

std::shared_ptr<const TableGroups> table_groups_of(const TallyData& t) {
  auto g = std::make_shared<TableGroups>();
  g->period = t.runs.front().period;
  g->previous = year_ago_period(g->period);
  for (const RowTally& row : t.runs.front().rows) g->regions.push_back(row.code);  // by code
  auto index_of = [&g](RegionCode c) {
    return static_cast<size_t>(std::lower_bound(g->regions.begin(), g->regions.end(), c) - g->regions.begin());
  };
  for (const TallySplit& s : t.tables.splits) {
    TableSplit split{s.family, s.dimension, s.dated, s.quarters, s.keys, s.labels, {}, {}, {}};
    split.begin.assign(g->regions.size() + 1, 0);
    std::vector<int64_t> counts;
    for (const TallySplit::District& d : s.districts) {
      split.begin[index_of(d.code) + 1] = static_cast<uint32_t>(d.values.size());
      for (const uint32_t v : d.values) split.pairs.emplace_back(v, static_cast<uint32_t>(split.pairs.size()));
      counts.insert(counts.end(), d.counts.begin(), d.counts.end());
    }
    std::partial_sum(split.begin.begin(), split.begin.end(), split.begin.begin());
    split.tally = group_tally_of(s.family, std::move(counts));
    g->splits.push_back(std::move(split));
  }
  for (const TallyPass& p : t.tables.passes) {
    const size_t width = 2 * counter_width(p.family);
    std::vector<int64_t> counts(g->regions.size() * width, 0);
    for (const auto& [code, n] : p.districts) {
      std::copy(n.begin(), n.end(), counts.begin() + static_cast<std::ptrdiff_t>(index_of(code) * width));
    }
    g->by_region.push_back({p.family, p.days, group_tally_of(p.family, std::move(counts))});
  }
  return g;
}

absl::StatusOr<TallyTables> merge_tally_tables(const std::vector<const TallyTables*>& parts) {
  TallyTables out;
  const TallyTables& first = *parts.front();
  for (const TallyTables* p : parts) {
    bool same = p->splits.size() == first.splits.size() && p->passes.size() == first.passes.size();
    for (size_t k = 0; same && k < first.splits.size(); ++k) {
      const TallySplit &a = first.splits[k], &b = p->splits[k];
      same = a.family == b.family && a.dimension == b.dimension && a.dated == b.dated && a.quarters == b.quarters;
    }
    for (size_t k = 0; same && k < first.passes.size(); ++k) {
      const TallyPass &a = first.passes[k], &b = p->passes[k];
      same = a.family == b.family && a.days.from == b.days.from && a.days.to == b.days.to;
    }
    if (!same) {
      return absl::InvalidArgumentError(
          "the tallies carry different tables: they were made with profiles listing different breakdowns or series");
    }
  }
  for (size_t k = 0; k < first.splits.size(); ++k) {
    const TallySplit& f = first.splits[k];
    TallySplit t{f.family, f.dimension, f.dated, f.quarters, {}, {}, {}};
    // The union of the parts' values, in key order.
    std::map<std::pair<bool, std::string>, std::string> labels;  // (empty, key) -> label: the empty value last
    for (const TallyTables* p : parts) {
      const TallySplit& s = p->splits[k];
      for (size_t v = 0; v < s.keys.size(); ++v) {
        labels.emplace(std::pair(!s.keys[v].has_value(), s.keys[v].value_or("")), s.labels[v]);
      }
    }
    std::map<std::pair<bool, std::string>, uint32_t> number;
    for (const auto& [key, label] : labels) {
      number.emplace(key, static_cast<uint32_t>(t.keys.size()));
      t.keys.push_back(key.first ? std::nullopt : std::optional<std::string>(key.second));
      t.labels.push_back(label);
    }
    const size_t width = 2 * counter_width(f.family);
    for (const TallyTables* p : parts) {
      const TallySplit& s = p->splits[k];
      for (const TallySplit::District& d : s.districts) {
        std::vector<std::pair<uint32_t, size_t>> groups;  // (new value, place in d)
        for (size_t i = 0; i < d.values.size(); ++i) {
          const std::optional<std::string>& key = s.keys[d.values[i]];
          groups.emplace_back(number.at(std::pair(!key.has_value(), key.value_or(""))), i);
        }
        std::sort(groups.begin(), groups.end());
        TallySplit::District m{d.code, {}, {}};
        for (const auto& [v, i] : groups) {
          m.values.push_back(v);
          m.counts.insert(m.counts.end(), d.counts.begin() + static_cast<std::ptrdiff_t>(i * width),
                          d.counts.begin() + static_cast<std::ptrdiff_t>((i + 1) * width));
        }
        t.districts.push_back(std::move(m));
      }
    }
    std::sort(t.districts.begin(), t.districts.end(),
              [](const TallySplit::District& a, const TallySplit::District& b) { return a.code < b.code; });
    for (size_t i = 1; i < t.districts.size(); ++i) {
      if (t.districts[i].code == t.districts[i - 1].code) {
        return absl::InvalidArgumentError(absl::StrCat("district ", t.districts[i].code.str(),
                                                       " is counted in two tallies' ", identity_text(t)));
      }
    }
    out.splits.push_back(std::move(t));
  }
  for (size_t k = 0; k < first.passes.size(); ++k) {
    TallyPass t{first.passes[k].family, first.passes[k].days, {}};
    for (const TallyTables* p : parts) {
      t.districts.insert(t.districts.end(), p->passes[k].districts.begin(), p->passes[k].districts.end());
    }
    std::sort(t.districts.begin(), t.districts.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    out.passes.push_back(std::move(t));
  }
  return out;
}

}  // namespace fazhi::internal
