// Breakdowns, series and cross-tables (fazhi/breakdown.hpp): a metric of a
// case family split by a dimension of its records.
//
// A breakdown runs the family's own tally (the record pass of the scalar
// figures, reconsideration.cpp ...) over the region's rows with each row's
// group (the value of its dimension) in place of its region: the groups are
// the Block's rows, so each group's counters are exactly what a region of
// those records would have, and its values come from the family's own
// `_values`. Counts add up to the region's figure because they are the same
// counters split, not a second computation. The date dimensions split the
// period instead: one pass per month or quarter, with the metric's own
// dates deciding which month a record falls in.
//
// To add a dimension: one line in kDimensions naming its column.

#include "fazhi/breakdown.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <memory>
#include <numeric>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "fazhi/text.hpp"
#include "metrics/breakdown_internal.hpp"
#include "metrics/families.hpp"
#include "metrics/pass.hpp"
#include "metrics/tally.hpp"

namespace fazhi {
namespace internal {
namespace {

using F = Family;

// kOutside marks a row of another region while the groups are numbered; it
// becomes the discard group (one past the last) once they are.
constexpr RegionIndex kOutside = std::numeric_limits<RegionIndex>::max();
constexpr std::string_view kEmptyLabel = "未填";

template <typename C>
struct ColumnsOf;
template <>
struct ColumnsOf<ReconsiderationColumns> {
  static const ReconsiderationColumns& of(const Dataset& ds) { return ds.reconsideration(); }
};
template <>
struct ColumnsOf<LitigationColumns> {
  static const LitigationColumns& of(const Dataset& ds) { return ds.litigation(); }
};
template <>
struct ColumnsOf<LegalAidColumns> {
  static const LegalAidColumns& of(const Dataset& ds) { return ds.legal_aid(); }
};
template <>
struct ColumnsOf<MediationColumns> {
  static const MediationColumns& of(const Dataset& ds) { return ds.mediation(); }
};

// Member takes a column's pointer to member apart.
template <typename M>
struct Member;
template <typename C, typename T>
struct Member<std::vector<T> C::*> {
  using Columns = C;
  using Type = T;
};

// group_rows numbers the rows of `columns` inside the scope by group_of(i)
// (a group index; the groups' keys are added by the caller), bounding them
// by [lo, hi): a region's rows are together (the loader groups them), so a
// breakdown reads its own rows only.
template <typename C, typename G>
void group_rows(const C& columns, const Scope& scope, Grouping& g, G&& group_of) {
  const std::vector<RegionIndex>& region = columns.region;
  g.lo = region.size();
  g.hi = 0;
  for (size_t i = 0; i < region.size(); ++i) {
    if (scope.inside[region[i]] != 0) {
      g.lo = std::min(g.lo, i);
      g.hi = i + 1;
    }
  }
  if (g.hi == 0) g.lo = 0;
  reserve_huge(g.of_row, g.hi);  // a group a row: tens of MB for the whole country
  g.of_row.assign(g.hi, kOutside);
  for (size_t i = g.lo; i < g.hi; ++i) {
    if (scope.inside[region[i]] != 0) g.of_row[i] = group_of(i);
  }
}

// discard_outside gives the rows of other regions the discard group, once
// every group is numbered.
}  // namespace

void discard_outside(Grouping& g) {
  const auto discard = static_cast<RegionIndex>(g.groups());
  for (size_t i = g.lo; i < g.hi; ++i) {
    if (g.of_row[i] == kOutside) g.of_row[i] = discard;
  }
}

namespace {

// by_code: a code column (docs/data.md's codes); kNone is the empty value.
template <auto Column>
void by_code(const Dataset& ds, const Scope& scope, Grouping& g) {
  using M = Member<decltype(Column)>;
  using Enum = typename M::Type;
  const auto& column = ColumnsOf<typename M::Columns>::of(ds).*Column;
  size_t values = 1;
  for (const CodeEntry& e : code_table<Enum>()) values = std::max<size_t>(values, size_t{e.value} + 1);
  for (size_t v = 0; v < values; ++v) {
    if (v == 0) {
      g.keys.emplace_back(std::nullopt);
      g.labels.emplace_back(kEmptyLabel);
      continue;
    }
    std::string label(code_name(static_cast<Enum>(v)));
    for (const CodeEntry& e : code_table<Enum>()) {
      if (e.value == v && !e.labels.empty()) label = std::string(e.labels[0]);
    }
    g.keys.emplace_back(std::string(code_name(static_cast<Enum>(v))));
    g.labels.push_back(std::move(label));
  }
  group_rows(ColumnsOf<typename M::Columns>::of(ds), scope, g,
             [&](size_t i) { return static_cast<RegionIndex>(column[i]); });
}

// by_text: a free-text column (agencies, categories); the text is the key.
template <auto Column>
void by_text(const Dataset& ds, const Scope& scope, Grouping& g) {
  using M = Member<decltype(Column)>;
  const auto& column = ColumnsOf<typename M::Columns>::of(ds).*Column;
  g.keys.emplace_back(std::nullopt);  // group 0: TextId 0, the empty text
  g.labels.emplace_back(kEmptyLabel);
  absl::flat_hash_map<TextId, RegionIndex> group_of;
  group_rows(ColumnsOf<typename M::Columns>::of(ds), scope, g, [&](size_t i) -> RegionIndex {
    const TextId id = column[i];
    if (id == 0) return 0;
    const auto [it, fresh] = group_of.try_emplace(id, static_cast<RegionIndex>(g.keys.size()));
    if (fresh) {
      g.keys.emplace_back(std::string(ds.text(id)));
      g.labels.emplace_back(ds.text(id));
    }
    return it->second;
  });
}

// by_tri: a yes/no column; unknown is the empty value.
template <auto Column>
void by_tri(const Dataset& ds, const Scope& scope, Grouping& g) {
  using M = Member<decltype(Column)>;
  const auto& column = ColumnsOf<typename M::Columns>::of(ds).*Column;
  g.keys = {std::nullopt, "false", "true"};
  g.labels = {std::string(kEmptyLabel), "否", "是"};
  group_rows(ColumnsOf<typename M::Columns>::of(ds), scope, g,
             [&](size_t i) { return static_cast<RegionIndex>(static_cast<int>(column[i]) + 1); });
}

// by_integer: a whole-number column (applicants); the number is the key.
template <auto Column>
void by_integer(const Dataset& ds, const Scope& scope, Grouping& g) {
  using M = Member<decltype(Column)>;
  const auto& column = ColumnsOf<typename M::Columns>::of(ds).*Column;
  absl::flat_hash_map<int64_t, RegionIndex> group_of;
  group_rows(ColumnsOf<typename M::Columns>::of(ds), scope, g, [&](size_t i) -> RegionIndex {
    const auto n = static_cast<int64_t>(column[i]);
    const auto [it, fresh] = group_of.try_emplace(n, static_cast<RegionIndex>(g.keys.size()));
    if (fresh) {
      g.keys.emplace_back(absl::StrCat(n));
      g.labels.emplace_back(absl::StrCat(n, "人"));  // applicants: 申请人数 "2人"
    }
    return it->second;
  });
}

// by_region: the districts of a city (a record of the city itself under the
// city's own code), the cities of a province; a district is one row.
template <typename C>
void by_region(const Dataset& ds, const Scope& scope, Grouping& g) {
  const std::vector<RegionCode>& codes = ds.regions();
  std::vector<RegionCode> child(codes.size(), scope.region);
  for (size_t r = 0; r < codes.size(); ++r) {
    if (scope.region == kNational) {
      child[r] = codes[r].province();
      continue;
    }
    switch (scope.region.level()) {
      case RegionLevel::kProvince: child[r] = codes[r].city(); break;
      case RegionLevel::kCity: child[r] = codes[r]; break;
      case RegionLevel::kDistrict: break;
    }
  }
  // Groups in code order, so that ties are listed as the codes go.
  std::vector<RegionCode> children;
  for (size_t r = 0; r < codes.size(); ++r) {
    if (scope.inside[r] != 0) children.push_back(child[r]);
  }
  std::sort(children.begin(), children.end());
  children.erase(std::unique(children.begin(), children.end()), children.end());
  absl::flat_hash_map<uint32_t, RegionIndex> group_of;
  for (const RegionCode c : children) {
    group_of[c.value()] = static_cast<RegionIndex>(g.keys.size());
    g.keys.emplace_back(c.str());
    const std::optional<std::string_view> name = ds.region_name(c);
    g.labels.emplace_back(name ? std::string(*name) : c.str());
  }
  std::vector<RegionIndex> group_of_region(codes.size(), 0);
  for (size_t r = 0; r < codes.size(); ++r) {
    if (scope.inside[r] != 0) group_of_region[r] = group_of[child[r].value()];
  }
  const C& columns = ColumnsOf<C>::of(ds);
  group_rows(columns, scope, g, [&](size_t i) { return group_of_region[columns.region[i]]; });
}

// The one group of every row inside the scope, for the date dimensions' passes.
template <typename C>
void whole(const Dataset& ds, const Scope& scope, Grouping& g) {
  g.keys.emplace_back(std::nullopt);
  g.labels.emplace_back();
  group_rows(ColumnsOf<C>::of(ds), scope, g, [](size_t) { return RegionIndex{0}; });
}

using RC = ReconsiderationColumns;
using LC = LitigationColumns;
using AC = LegalAidColumns;
using MC = MediationColumns;

// Every dimension, one line each, by family: by_code for a code column,
// by_text for free text, by_tri for yes/no, by_integer for a number.
constexpr Dimension kDimensions[] = {
    {{"respondent", "按被申请人", F::kReconsideration}, by_text<&RC::respondent>},
    {{"category", "按管理类别", F::kReconsideration}, by_text<&RC::category>},
    {{"disposition", "按办结方式", F::kReconsideration}, by_code<&RC::disposition>},
    {{"respondent_level", "按被申请人类型", F::kReconsideration}, by_code<&RC::respondent_level>},
    {{"act_type", "按行政行为类别", F::kReconsideration}, by_code<&RC::act_type>},
    {{"applicant_type", "按申请人类型", F::kReconsideration}, by_code<&RC::applicant_type>},
    {{"applicants", "按申请人数", F::kReconsideration}, by_integer<&RC::applicants>},
    {{"region", "按地区", F::kReconsideration}, by_region<RC>},
    {{"month", "按月", F::kReconsideration}, nullptr},
    {{"quarter", "按季度", F::kReconsideration}, nullptr},

    {{"defendant", "按被告", F::kLitigation}, by_text<&LC::defendant>},
    {{"category", "按案件类别", F::kLitigation}, by_text<&LC::category>},
    {{"instance", "按审级", F::kLitigation}, by_code<&LC::instance>},
    {{"outcome", "按审理结果", F::kLitigation}, by_code<&LC::outcome>},
    {{"defendant_level", "按被告类型", F::kLitigation}, by_code<&LC::defendant_level>},
    {{"act_type", "按被诉行为类别", F::kLitigation}, by_code<&LC::act_type>},
    {{"head_principal", "按正职出庭", F::kLitigation}, by_tri<&LC::head_principal>},
    {{"region", "按地区", F::kLitigation}, by_region<LC>},
    {{"month", "按月", F::kLitigation}, nullptr},
    {{"quarter", "按季度", F::kLitigation}, nullptr},

    {{"case_type", "按案件类型", F::kLegalAid}, by_code<&AC::case_type>},
    {{"decision", "按审查决定", F::kLegalAid}, by_code<&AC::decision>},
    {{"assignment_method", "按指派方式", F::kLegalAid}, by_code<&AC::assignment_method>},
    {{"service_type", "按援助形式", F::kLegalAid}, by_code<&AC::service_type>},
    {{"recipient_group", "按受援人类别", F::kLegalAid}, by_code<&AC::recipient_group>},
    {{"firm_id", "按承办机构", F::kLegalAid}, by_text<&AC::firm>},
    {{"lawyer_id", "按承办律师", F::kLegalAid}, by_text<&AC::lawyer>},
    {{"region", "按地区", F::kLegalAid}, by_region<AC>},
    {{"month", "按月", F::kLegalAid}, nullptr},
    {{"quarter", "按季度", F::kLegalAid}, nullptr},

    {{"org_id", "按调解组织", F::kMediation}, by_text<&MC::org>},
    {{"category", "按纠纷类别", F::kMediation}, by_text<&MC::category>},
    {{"outcome", "按调解结果", F::kMediation}, by_code<&MC::outcome>},
    {{"org_type", "按调解组织类型", F::kMediation}, by_code<&MC::org_type>},
    {{"region", "按地区", F::kMediation}, by_region<MC>},
    {{"month", "按月", F::kMediation}, nullptr},
    {{"quarter", "按季度", F::kMediation}, nullptr},
};

const std::array<BreakdownDimension, std::size(kDimensions)>& dimension_infos() {
  static const auto kInfos = [] {
    std::array<BreakdownDimension, std::size(kDimensions)> out{};
    for (size_t i = 0; i < out.size(); ++i) out[i] = kDimensions[i].info;
    return out;
  }();
  return kInfos;
}

}  // namespace

const Dimension* find_dimension(Family f, std::string_view name) {
  for (const Dimension& d : kDimensions) {
    if (d.info.family == f && d.info.name == name) return &d;
  }
  return nullptr;
}

namespace {

}  // namespace

GroupFn whole_of(Family f) {
  switch (f) {
    case F::kReconsideration: return whole<RC>;
    case F::kLitigation: return whole<LC>;
    case F::kLegalAid: return whole<AC>;
    case F::kMediation: return whole<MC>;
    default: return nullptr;
  }
}

namespace {

// The counts that are not flows of the period: split by month they are
// each month's stock, which do not add up to the period's.
}  // namespace

bool is_stock(std::string_view id) {
  return id.ends_with(".pending_start") || id.ends_with(".pending_end") || id.ends_with(".closed_carried_over");
}

namespace {

// GroupValues is the metric of each group in both periods, and of them all.
struct GroupValues {
  std::vector<std::array<Value, 2>> value;  // by group: [0] the period, [1] the one compared with
  std::vector<uint8_t> has_data;            // by group: any record touching either period
  std::array<Value, 2> total;
};

// tally_groups runs the family's tally over the grouping's rows for both
// periods and makes each group's value of metric `m` (a catalogue index).
GroupValues tally_groups(const Dataset& ds, const Grouping& g, const Periods& periods, size_t m,
                         const Profile& profile, const Calendar& cal) {
  const MetricInfo& info = metric_catalogue()[m];
  const Family f = info.family;
  const size_t groups = g.groups();
  Rows rows(groups + 1);
  std::iota(rows.begin(), rows.end(), 0u);
  const Deadlines deadlines(cal, profile, periods);
  const PassInput in{ds, periods, profile, cal, deadlines, rows, &g.of_row};
  const Range range{g.lo, g.hi};
  const FamilyRows family_rows = family_rows_of(f);
  const size_t local = m - family_rows.first;
  const Reason no_basis = no_basis_reason(profile.correction_basis);
  GroupValues out;
  out.value.resize(groups);
  out.has_data.resize(groups);
  auto values = [&](auto& block) {
    Tally t, all[2];
    std::vector<Value> v(family_rows.size);
    for (int p = 0; p < 2; ++p) {
      const Context c{&ds, &profile, periods[static_cast<size_t>(p)], no_basis};
      for (size_t k = 0; k < groups; ++k) {
        t.n.fill(0);
        block.add_to(t.n, k, p);
        block.add_to(all[p].n, k, p);
        family_values(f, t, c, v);
        out.value[k][static_cast<size_t>(p)] = std::move(v[local]);
        out.has_data[k] |= static_cast<uint8_t>(family_has_data(t, f, m));
      }
      family_values(f, all[p], c, v);
      out.total[static_cast<size_t>(p)] = std::move(v[local]);
    }
  };
  std::vector<CaseDays> days;
  std::vector<LotteryDraw> draws;
  switch (f) {
    case F::kReconsideration: {
      ReconsiderationBlock block(groups + 1);
      tally_reconsideration_rows(in, range, block, days);
      values(block);
      break;
    }
    case F::kLitigation: {
      LitigationBlock block(groups + 1);
      tally_litigation_rows(in, range, block);
      values(block);
      break;
    }
    case F::kLegalAid: {
      LegalAidBlock block(groups + 1);
      tally_legal_aid_rows(in, range, block, draws);
      values(block);
      break;
    }
    case F::kMediation: {
      MediationBlock block(groups + 1);
      tally_mediation_rows(in, range, block);
      values(block);
      break;
    }
    default: break;
  }
  return out;
}

}  // namespace

GroupTally tally_family_groups(const Dataset& ds, Family f, const std::vector<RegionIndex>* of_row, size_t groups,
                               const Periods& periods, const Profile& profile, const Calendar& cal) {
  // One Block row per group and a discard row after them, as tally_groups.
  Rows rows(groups + 1);
  std::iota(rows.begin(), rows.end(), 0u);
  const Deadlines deadlines(cal, profile, periods);
  const PassInput in{ds, periods, profile, cal, deadlines, rows, of_row};
  std::vector<CaseDays> days;
  std::vector<LotteryDraw> draws;
  GroupTally out{f, {}};
  auto keep = [&out, groups]<int First, int End>(const std::shared_ptr<Block<First, End>>& block) {
    auto kept = std::make_shared<const KeptCounters<First, End>>(*block, groups);
    out.add_to = [kept](std::array<int64_t, kCounterCount>& n, size_t g, int p) { kept->add_to(n, g, p); };
  };
  switch (f) {
    case F::kReconsideration: {
      auto block = std::make_shared<ReconsiderationBlock>(groups + 1);
      tally_reconsideration_rows(in, Range{0, ds.reconsideration().size()}, *block, days);
      keep(block);
      break;
    }
    case F::kLitigation: {
      auto block = std::make_shared<LitigationBlock>(groups + 1);
      tally_litigation_rows(in, Range{0, ds.litigation().size()}, *block);
      keep(block);
      break;
    }
    case F::kLegalAid: {
      auto block = std::make_shared<LegalAidBlock>(groups + 1);
      tally_legal_aid_rows(in, Range{0, ds.legal_aid().size()}, *block, draws);
      keep(block);
      break;
    }
    case F::kMediation: {
      auto block = std::make_shared<MediationBlock>(groups + 1);
      tally_mediation_rows(in, Range{0, ds.mediation().size()}, *block);
      keep(block);
      break;
    }
    default: out.add_to = [](std::array<int64_t, kCounterCount>&, size_t, int) {}; break;
  }
  return out;
}

namespace {

// Compare a and b, two defined counts or rates: -1, 0, 1. Exact.
int compare(const Value& a, const Value& b) {
  if (a.kind == ValueKind::kCount) return a.integer < b.integer ? -1 : a.integer > b.integer ? 1 : 0;
  const __int128 l = static_cast<__int128>(a.num) * b.den, r = static_cast<__int128>(b.num) * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

// finish fills each row's share, change and rank and orders the rows.
}  // namespace

void finish(std::vector<BreakdownRow>& rows, const Value& total) {
  for (BreakdownRow& r : rows) {
    if (r.value.kind == ValueKind::kCount) {
      if (total.defined() && total.integer > 0) r.share = Fraction(r.value.integer, total.integer);
      if (r.previous.defined()) r.change = Fraction::change(r.value.integer, r.previous.integer);
    } else if (r.value.kind == ValueKind::kRatio && r.previous.kind == ValueKind::kRatio) {
      r.change_pp = Fraction(BigInt(r.value.num) * r.previous.den - BigInt(r.previous.num) * r.value.den,
                             BigInt(r.value.den) * r.previous.den);
    }
  }
  std::stable_sort(rows.begin(), rows.end(), [](const BreakdownRow& a, const BreakdownRow& b) {
    if (a.value.defined() != b.value.defined()) return a.value.defined();
    if (a.value.defined()) {
      const int c = compare(a.value, b.value);
      if (c != 0) return c > 0;
    }
    if (a.key.has_value() != b.key.has_value()) return a.key.has_value();  // the empty value last
    return a.key < b.key;
  });
  for (size_t k = 0; k < rows.size(); ++k) {
    if (!rows[k].value.defined()) break;
    rows[k].rank = k > 0 && compare(rows[k].value, rows[k - 1].value) == 0 ? rows[k - 1].rank
                                                                            : static_cast<int64_t>(k) + 1;
  }
}

namespace {

}  // namespace

std::vector<SubPeriod> sub_periods(Period p, bool quarters) {
  std::vector<SubPeriod> out;
  const Date from = from_day_number(p.from);
  const int month = from.month();
  const int first_month = quarters ? (month - 1) / 3 * 3 + 1 : month;
  for (Date first(from.year(), static_cast<unsigned short>(first_month), 1); to_day_number(first) <= p.to;
       first += boost::gregorian::months(quarters ? 3 : 1)) {
    const Date next = first + boost::gregorian::months(quarters ? 3 : 1);
    const Period cut{std::max(to_day_number(first), p.from), std::min(to_day_number(next) - 1, p.to)};
    const int y = first.year(), mo = first.month();
    out.push_back({quarters ? absl::StrCat(y, "-Q", (mo - 1) / 3 + 1) : absl::StrCat(y, "-", mo < 10 ? "0" : "", mo),
                   cut});
  }
  return out;
}

absl::StatusOr<Scope> scope_of(const Dataset& ds, RegionCode region) {
  Scope scope{region, {}};
  const std::vector<RegionCode>& codes = ds.regions();
  scope.inside.resize(codes.size());
  bool any = false;
  for (size_t i = 0; i < codes.size(); ++i) {
    const RegionCode c = codes[i];
    const bool in = region == kNational || c == region || c.city() == region || c.province() == region;
    scope.inside[i] = in;
    any |= in;
  }
  if (!any) {
    return absl::NotFoundError(absl::StrCat("no records for region ", region.str(), " or any region inside it"));
  }
  return scope;
}

absl::StatusOr<const Dimension*> dimension_of(Family f, std::string_view by) {
  if (const Dimension* d = find_dimension(f, by)) return d;
  std::string names;
  for (const Dimension& k : kDimensions) {
    if (k.info.family == f) absl::StrAppend(&names, names.empty() ? "" : ", ", absl_view(k.info.name));
  }
  return absl::InvalidArgumentError(
      absl::StrCat("no dimension '", absl_view(by), "' for ", absl_view(family_name(f)), " (", names, ")"));
}

namespace {

struct Request {
  size_t metric;
  Scope scope;
};

absl::StatusOr<Request> request(const Dataset& ds, RegionCode region, Period period, std::string_view metric) {
  if (period.to < period.from) return absl::InvalidArgumentError("the period ends before it starts");
  if (absl::Status s = ds.check_whole(); !s.ok()) return s;
  const std::optional<size_t> m = metric_index(metric);
  if (!m) return absl::InvalidArgumentError(absl::StrCat("no metric '", absl_view(metric), "' in the catalogue"));
  if (!can_break_down(metric)) {
    return absl::InvalidArgumentError(
        absl::StrCat("'", absl_view(metric), "' cannot be broken down: only the counts and rates of cases can"));
  }
  absl::StatusOr<Scope> scope = scope_of(ds, region);
  if (!scope.ok()) return scope.status();
  return Request{*m, *std::move(scope)};
}

// points is the metric by month or quarter: each sub-period a pass of its
// own, against the same months a year earlier.
std::vector<SeriesPoint> points(const Dataset& ds, const Request& r, Period period, bool quarters,
                                const Profile& profile, const Calendar& cal) {
  Grouping g;
  whole_of(metric_catalogue()[r.metric].family)(ds, r.scope, g);
  discard_outside(g);
  std::vector<SeriesPoint> out;
  for (const SubPeriod& s : sub_periods(period, quarters)) {
    const GroupValues v = tally_groups(ds, g, {s.days, year_ago_period(s.days)}, r.metric, profile, cal);
    out.push_back({s.key, s.days, v.value[0][0], v.value[0][1]});
  }
  return out;
}

}  // namespace

std::string month_label(std::string_view key) {  // "2019-03" -> "2019年3月", "2019-Q1" -> "2019年第一季度"
  static constexpr std::string_view kQuarters[] = {"一", "二", "三", "四"};
  const std::string_view year = key.substr(0, 4), rest = key.substr(5);
  if (rest.starts_with("Q")) return absl::StrCat(absl_view(year), "年第", absl_view(kQuarters[rest[1] - '1']), "季度");
  return absl::StrCat(absl_view(year), "年", absl_view(rest[0] == '0' ? rest.substr(1) : rest), "月");
}

namespace {

}  // namespace
}  // namespace internal

using namespace internal;

std::span<const BreakdownDimension> breakdown_dimensions() { return dimension_infos(); }

bool can_break_down(std::string_view id) {
  const std::optional<size_t> m = metric_index(id);
  if (!m) return false;
  const MetricInfo& info = metric_catalogue()[*m];
  if (info.family != Family::kReconsideration && info.family != Family::kLitigation &&
      info.family != Family::kLegalAid && info.family != Family::kMediation) {
    return false;
  }
  if (info.kind != ValueKind::kCount && info.kind != ValueKind::kRatio) return false;
  // A change, and the lottery's counts of lawyers, are not counts or ratios of records.
  return id != "reconsideration.received_yoy" && id != "legal_aid.lottery_lawyers" && id != "legal_aid.lottery_min" &&
         id != "legal_aid.lottery_max";
}

absl::StatusOr<Breakdown> compute_breakdown(const Dataset& ds, RegionCode region, Period period,
                                            std::string_view metric, std::string_view by, const Profile& profile,
                                            const Calendar& calendar) {
  return compute_breakdown(ds, region, period, year_ago_period(period), metric, by, profile, calendar);
}

absl::StatusOr<Breakdown> compute_breakdown(const Dataset& ds, RegionCode region, Period period, Period compared,
                                            std::string_view metric, std::string_view by, const Profile& profile,
                                            const Calendar& calendar) {
  absl::StatusOr<Request> r = request(ds, region, period, metric);
  if (!r.ok()) return r.status();
  if (compared.to < compared.from || compared.to >= period.from) {
    return absl::InvalidArgumentError("the period compared with must end before the period starts");
  }
  const MetricInfo& info = metric_catalogue()[r->metric];
  absl::StatusOr<const Dimension*> found = dimension_of(info.family, by);
  if (!found.ok()) return found.status();
  const Dimension* d = *found;
  Breakdown b;
  b.metric = &info;
  b.dimension = d->info;
  b.region = region;
  b.period = period;
  b.previous = compared;
  const bool date = d->group == nullptr;
  b.additive = info.kind == ValueKind::kCount && !(date && is_stock(info.id));
  Grouping g;
  (date ? whole_of(info.family) : d->group)(ds, r->scope, g);
  discard_outside(g);
  const GroupValues v = tally_groups(ds, g, {period, compared}, r->metric, profile, calendar);
  b.total = v.total[0];
  b.previous_total = v.total[1];
  if (date) {
    for (SeriesPoint& p : points(ds, *r, period, by == "quarter", profile, calendar)) {
      BreakdownRow row;
      row.label = month_label(p.period);
      row.key = std::move(p.period);
      row.value = std::move(p.value);
      row.previous = std::move(p.previous);
      b.rows.push_back(std::move(row));
    }
  } else {
    for (size_t k = 0; k < g.groups(); ++k) {
      if (v.has_data[k] == 0) continue;  // no record of this value touches either period
      BreakdownRow row;
      row.key = g.keys[k];
      row.label = g.labels[k];
      row.value = v.value[k][0];
      row.previous = v.value[k][1];
      b.rows.push_back(std::move(row));
    }
  }
  finish(b.rows, b.total);
  return b;
}

BreakdownRow total_row(const Breakdown& b) {
  BreakdownRow t;
  t.label = "合计";
  t.value = b.total;
  t.previous = b.previous_total;
  if (b.total.kind == ValueKind::kCount) {
    if (b.additive && b.total.integer > 0) t.share = Fraction(1, 1);
    if (b.previous_total.defined()) t.change = Fraction::change(b.total.integer, b.previous_total.integer);
  } else if (b.total.kind == ValueKind::kRatio && b.previous_total.kind == ValueKind::kRatio) {
    t.change_pp = Fraction(BigInt(b.total.num) * b.previous_total.den - BigInt(b.previous_total.num) * b.total.den,
                           BigInt(b.total.den) * b.previous_total.den);
  }
  return t;
}

void fold_rows(Breakdown& b, size_t keep) {
  if (b.rows.size() <= keep + 1) return;  // folding one row into 其他 would only rename it
  BreakdownRow other;
  other.key = std::string(kOtherKey);
  other.label = "其他";
  const bool count = b.metric != nullptr && b.metric->kind == ValueKind::kCount;
  // A count's rows add up; a rate's pool their numerators and denominators,
  // which is the rate of the folded rows' records together.
  int64_t value = 0, previous = 0;
  int64_t num[2] = {0, 0}, den[2] = {0, 0};
  bool previous_defined = true;
  for (size_t k = keep; k < b.rows.size(); ++k) {
    const BreakdownRow& r = b.rows[k];
    if (count) {
      value += r.value.defined() ? r.value.integer : 0;
      previous_defined &= r.previous.defined();
      previous += r.previous.defined() ? r.previous.integer : 0;
    } else {
      if (r.value.kind == ValueKind::kRatio) num[0] += r.value.num, den[0] += r.value.den;
      if (r.previous.kind == ValueKind::kRatio) num[1] += r.previous.num, den[1] += r.previous.den;
    }
  }
  if (count) {
    other.value = Value::count(value);
    other.previous = previous_defined ? Value::count(previous) : Value::undefined("no data in the period compared");
    if (b.total.defined() && b.total.integer > 0) other.share = Fraction(value, b.total.integer);
    if (other.previous.defined()) other.change = Fraction::change(value, previous);
  } else {
    other.value = Value::ratio(num[0], den[0], "no cases to divide by");
    other.previous = Value::ratio(num[1], den[1], "no cases to divide by");
    if (other.value.defined() && other.previous.defined()) {
      other.change_pp = Fraction(BigInt(num[0]) * den[1] - BigInt(num[1]) * den[0], BigInt(den[0]) * den[1]);
    }
  }
  other.rank = 0;  // 其他 is not a place in the order
  b.rows.resize(keep);
  b.rows.push_back(std::move(other));
}

absl::StatusOr<Series> compute_series(const Dataset& ds, RegionCode region, Period period, std::string_view metric,
                                      std::string_view by, const Profile& profile, const Calendar& calendar) {
  absl::StatusOr<Request> r = request(ds, region, period, metric);
  if (!r.ok()) return r.status();
  if (by != "month" && by != "quarter") {
    return absl::InvalidArgumentError(absl::StrCat("a series is by month or quarter, not '", absl_view(by), "'"));
  }
  Series s;
  s.metric = &metric_catalogue()[r->metric];
  s.by = std::string(by);
  s.region = region;
  s.period = period;
  s.points = points(ds, *r, period, by == "quarter", profile, calendar);
  return s;
}

absl::StatusOr<CrossTable> compute_cross_table(const Dataset& ds, RegionCode region, Period period,
                                               std::string_view metric, std::string_view rows_by,
                                               std::string_view columns_by, const Profile& profile,
                                               const Calendar& calendar) {
  absl::StatusOr<Request> r = request(ds, region, period, metric);
  if (!r.ok()) return r.status();
  const MetricInfo& info = metric_catalogue()[r->metric];
  const Dimension* a = find_dimension(info.family, rows_by);
  const Dimension* b = find_dimension(info.family, columns_by);
  if (!a || !b || !a->group || !b->group || a == b) {
    return absl::InvalidArgumentError(
        absl::StrCat("a cross-table of ", absl_view(info.id), " needs two different dimensions of ",
                     absl_view(family_name(info.family)), " other than month and quarter"));
  }
  // Each row's group is the pair (its group by a, its group by b).
  Grouping ga, gb;
  a->group(ds, r->scope, ga);
  b->group(ds, r->scope, gb);
  Grouping g;
  g.lo = std::min(ga.lo, gb.lo);
  g.hi = std::max(ga.hi, gb.hi);
  const size_t nb = gb.groups();
  for (size_t i = 0; i < ga.groups() * nb; ++i) {
    g.keys.emplace_back();
    g.labels.emplace_back();
  }
  g.of_row.assign(g.hi, kOutside);
  for (size_t i = g.lo; i < g.hi; ++i) {
    if (ga.of_row[i] == kOutside) continue;
    g.of_row[i] = static_cast<RegionIndex>(ga.of_row[i] * nb + gb.of_row[i]);
  }
  discard_outside(g);
  const Period compared = year_ago_period(period);
  const GroupValues v = tally_groups(ds, g, {period, compared}, r->metric, profile, calendar);
  absl::StatusOr<Breakdown> rows = compute_breakdown(ds, region, period, metric, rows_by, profile, calendar);
  if (!rows.ok()) return rows.status();
  absl::StatusOr<Breakdown> columns = compute_breakdown(ds, region, period, metric, columns_by, profile, calendar);
  if (!columns.ok()) return columns.status();
  CrossTable t;
  t.metric = &info;
  t.rows_dimension = a->info;
  t.columns_dimension = b->info;
  t.region = region;
  t.period = period;
  t.total = v.total[0];
  // A margin row's group, found by its key.
  auto group_of = [](const Grouping& grouping, const std::optional<std::string>& key) {
    for (size_t k = 0; k < grouping.groups(); ++k) {
      if (grouping.keys[k] == key) return k;
    }
    return grouping.groups();
  };
  for (const BreakdownRow& row : rows->rows) {
    const size_t i = group_of(ga, row.key);
    std::vector<Value> cells;
    for (const BreakdownRow& column : columns->rows) {
      const size_t j = group_of(gb, column.key);
      cells.push_back(i < ga.groups() && j < nb ? v.value[i * nb + j][0]
                    : info.kind == ValueKind::kCount ? Value::count(0)
                                                     : Value::undefined("no cases of this row and column"));
    }
    t.cells.push_back(std::move(cells));
  }
  t.rows = std::move(rows->rows);
  t.columns = std::move(columns->rows);
  return t;
}

}  // namespace fazhi
