// The records of one row of a breakdown (breakdown_internal.hpp), for the
// case list of a row (cases.cpp).
//
// A record is in a row when the dimension's own grouping (the GroupFn of
// kDimensions in breakdown.cpp, the code compute_breakdown counts with) puts
// it in the row's group: which row a record belongs to is decided in one
// place. The rows of a month or a quarter are every record of the region,
// judged for the month's days, as the breakdown's and the series' pass for
// that month judges them; the row 其他 is the groups of the rows a fold
// leaves out, found by computing the breakdown and folding it as its table
// does.

#include <algorithm>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "fazhi/date.hpp"
#include "fazhi/text.hpp"
#include "metrics/breakdown_internal.hpp"

namespace fazhi::internal {
namespace {

// rows_in gives the rows of the groups `wanted` marks (by group), ascending.
std::vector<size_t> rows_in(const Grouping& g, const std::vector<uint8_t>& wanted) {
  std::vector<size_t> out;
  for (size_t i = g.lo; i < g.hi; ++i) {
    const size_t k = g.of_row[i];
    if (k < wanted.size() && wanted[k] != 0) out.push_back(i);
  }
  return out;
}

std::string key_text(const std::optional<std::string>& key) { return key ? *key : std::string("(未填)"); }

// folded_rows is the row 其他 of metric m by dimension d: the groups of the
// rows after the first `keep` of the breakdown ordered as its table orders
// it (by value, then the profile's `order` when the fold is the profile's).
absl::StatusOr<RowRecords> folded_rows(const Dataset& ds, const Scope& scope, Period period, size_t m,
                                       const Dimension& d, size_t top, const Profile& profile,
                                       const Calendar& cal) {
  const MetricInfo& info = metric_catalogue()[m];
  if (d.group == nullptr) {
    return absl::InvalidArgumentError(absl::StrCat("the row '", absl_view(kOtherKey), "' of a breakdown by ",
                                                   absl_view(d.info.name),
                                                   " would mix periods: ask for each month or quarter"));
  }
  size_t keep = top;
  std::vector<std::string> order;
  if (keep == 0) {
    for (const TableSpec& spec : profile.breakdowns) {
      if (spec.metric == info.id && spec.by == d.info.name && spec.top > 0) {
        keep = spec.top;
        order = spec.order;
      }
    }
  }
  if (keep == 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the row '", absl_view(kOtherKey), "' (其他) is the rows folded after the first N: give N (--top), or a "
        "profile whose table of ", absl_view(info.id), " by ", absl_view(d.info.name), " folds its rows (\"top\")"));
  }
  absl::StatusOr<Breakdown> b = compute_breakdown(ds, scope.region, period, info.id, d.info.name, profile, cal);
  if (!b.ok()) return b.status();
  order_rows(b->rows, order);
  if (b->rows.size() <= keep + 1) {  // fold_rows folds nothing then
    return absl::InvalidArgumentError(absl::StrCat("no row '", absl_view(kOtherKey), "': the breakdown of ",
                                                   absl_view(info.id), " by ", absl_view(d.info.name), " has ",
                                                   b->rows.size(), " rows, none folded after the first ", keep));
  }
  absl::flat_hash_set<std::string> keys;
  bool empty = false;
  for (size_t k = keep; k < b->rows.size(); ++k) {
    if (b->rows[k].key) keys.insert(*b->rows[k].key);
    else empty = true;
  }
  Grouping g;
  d.group(ds, scope, g);
  std::vector<uint8_t> wanted(g.groups());
  for (size_t k = 0; k < g.groups(); ++k) wanted[k] = g.keys[k] ? keys.contains(*g.keys[k]) : empty;
  return RowRecords{rows_in(g, wanted), period, "其他"};
}

}  // namespace

absl::StatusOr<RowRecords> row_records(const Dataset& ds, RegionCode region, Period period, size_t m,
                                       std::string_view by, std::optional<std::string_view> key_in, size_t top,
                                       const Profile& profile, const Calendar& cal) {
  const MetricInfo& info = metric_catalogue()[m];
  absl::StatusOr<const Dimension*> d = dimension_of(info.family, by);
  if (!d.ok()) return d.status();
  absl::StatusOr<Scope> scope = scope_of(ds, region);
  if (!scope.ok()) return scope.status();
  // The empty value's row has no key (JSON null); "" names it as well.
  const std::optional<std::string> key =
      key_in && !key_in->empty() ? std::optional<std::string>(std::string(*key_in)) : std::nullopt;
  if (key == kOtherKey) return folded_rows(ds, *scope, period, m, **d, top, profile, cal);
  if ((*d)->group == nullptr) {  // month, quarter: every record, judged for the month's days
    std::vector<std::string> keys;
    for (const SubPeriod& s : sub_periods(period, by == "quarter")) {
      if (s.key == key) {
        Grouping g;
        whole_of(info.family)(ds, *scope, g);
        return RowRecords{rows_in(g, {1}), s.days, month_label(s.key)};
      }
      keys.push_back(s.key);
    }
    return absl::InvalidArgumentError(absl::StrCat("no row '", key_text(key), "' by ", absl_view(by), " in ",
                                                   format_iso_day(period.from), " - ", format_iso_day(period.to),
                                                   " (", keys.front(), " ... ", keys.back(), ")"));
  }
  Grouping g;
  (*d)->group(ds, *scope, g);
  for (size_t k = 0; k < g.groups(); ++k) {
    if (g.keys[k] != key) continue;
    std::vector<uint8_t> wanted(g.groups());
    wanted[k] = 1;
    return RowRecords{rows_in(g, wanted), period, g.labels[k]};
  }
  return absl::InvalidArgumentError(absl::StrCat("no row '", key_text(key), "' in the breakdown of ",
                                                 absl_view(info.id), " by ", absl_view(by), " in ", region.str(),
                                                 ": a key is a row's key as the breakdown writes it"));
}

}  // namespace fazhi::internal
