// Case lists (fazhi/cases.hpp): the records behind a figure.
//
// A record is in a figure's list when its own tally has it: the family's
// tally (the record pass of the scalar figures, reconsideration.cpp ...) is
// run over the region's rows with every row a group of its own, as a
// breakdown runs it with a group per value (breakdown.cpp), and each row's
// counters give its values through the family's own `_values`, which note
// each rate's numerator and denominator (Context::parts). The figure is the
// sum of those counters, so the list has as many records as the figure
// counts; no rule is written twice. The rows are tallied a chunk at a time so
// that a city's list does not need a Block row per record at once.

#include "fazhi/cases.hpp"

#include <algorithm>
#include <numeric>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "fazhi/breakdown.hpp"
#include "fazhi/schema.hpp"
#include "fazhi/text.hpp"
#include "metrics/breakdown_internal.hpp"
#include "metrics/case_reasons.hpp"
#include "metrics/cases_internal.hpp"
#include "metrics/families.hpp"
#include "metrics/pass.hpp"
#include "metrics/tally.hpp"

namespace fazhi {
namespace internal {
namespace {

using F = Family;

// kChunk rows are tallied at once: their Block (a few hundred bytes a row)
// stays in the cache.
constexpr size_t kChunk = 4096;

const std::vector<RegionIndex>& region_column(const Dataset& ds, Family f) {
  switch (f) {
    case F::kReconsideration: return ds.reconsideration().region;
    case F::kLitigation: return ds.litigation().region;
    case F::kLegalAid: return ds.legal_aid().region;
    default: return ds.mediation().region;
  }
}

}  // namespace

GroupValues group_values(const Dataset& ds, Family f, std::span<const size_t> rows_in,
                         std::span<const RegionIndex> group_of, size_t groups, const Periods& periods,
                         const Profile& profile, const Calendar& cal, const Deadlines& deadlines,
                         std::vector<RegionIndex>* scratch) {
  const FamilyRows family_rows = family_rows_of(f);
  GroupValues out;
  out.width = family_rows.size;
  out.values.resize(groups * out.width);
  out.parts.resize(groups * out.width);
  if (rows_in.empty()) return out;
  const Reason no_basis = no_basis_reason(profile.correction_basis);
  const size_t lo = rows_in.front(), hi = rows_in.back() + 1;
  std::vector<RegionIndex> own;
  std::vector<RegionIndex>& of_row = scratch ? *scratch : own;  // sized hi; rows before lo are not read
  if (of_row.size() < hi) of_row.resize(hi);
  std::fill(of_row.begin() + static_cast<ptrdiff_t>(lo), of_row.begin() + static_cast<ptrdiff_t>(hi),
            static_cast<RegionIndex>(groups));
  for (size_t k = 0; k < rows_in.size(); ++k) of_row[rows_in[k]] = group_of[k];
  Rows rows(groups + 1);
  std::iota(rows.begin(), rows.end(), 0u);
  const PassInput in{ds, periods, profile, cal, deadlines, rows, &of_row};
  Tally t;
  auto take = [&](auto& block) {
    for (size_t g = 0; g < groups; ++g) {
      t.n.fill(0);
      block.add_to(t.n, g, 0);
      const std::span<Parts> parts(out.parts.data() + g * out.width, out.width);
      const Context c{&ds, &profile, periods[0], no_basis, parts};
      const std::span<Value> v(out.values.data() + g * out.width, out.width);
      family_values(f, t, c, v);
      for (size_t k = 0; k < out.width; ++k) {
        if (v[k].kind == ValueKind::kCount) parts[k] = {v[k].integer, 0};
      }
    }
  };
  std::vector<CaseDays> days;
  std::vector<LotteryDraw> draws;
  switch (f) {
    case F::kReconsideration: {
      ReconsiderationBlock block(groups + 1);
      tally_reconsideration_rows(in, {lo, hi}, block, days);
      take(block);
      break;
    }
    case F::kLitigation: {
      LitigationBlock block(groups + 1);
      tally_litigation_rows(in, {lo, hi}, block);
      take(block);
      break;
    }
    case F::kLegalAid: {
      LegalAidBlock block(groups + 1);
      tally_legal_aid_rows(in, {lo, hi}, block, draws);
      take(block);
      break;
    }
    case F::kMediation: {
      MediationBlock block(groups + 1);
      tally_mediation_rows(in, {lo, hi}, block);
      take(block);
      break;
    }
    default: break;
  }
  return out;
}

RowParts row_parts(const Dataset& ds, Family f, std::span<const size_t> rows_in, const Periods& periods,
                   const Profile& profile, const Calendar& cal, const Deadlines& deadlines) {
  RowParts out;
  out.rows.assign(rows_in.begin(), rows_in.end());
  out.width = family_rows_of(f).size;
  out.parts.reserve(rows_in.size() * out.width);
  std::vector<RegionIndex> own(std::min(kChunk, rows_in.size()));
  std::iota(own.begin(), own.end(), RegionIndex{0});
  std::vector<RegionIndex> scratch;
  for (size_t at = 0; at < rows_in.size(); at += kChunk) {
    const std::span<const size_t> chunk = rows_in.subspan(at, std::min(kChunk, rows_in.size() - at));
    GroupValues g = group_values(ds, f, chunk, std::span<const RegionIndex>(own).first(chunk.size()), chunk.size(),
                                 periods, profile, cal, deadlines, &scratch);
    out.parts.insert(out.parts.end(), g.parts.begin(), g.parts.end());
  }
  return out;
}

absl::StatusOr<std::vector<size_t>> scope_rows(const Dataset& ds, Family f, RegionCode region) {
  // Which record regions lie inside `region` is the breakdowns' rule (scope_of).
  absl::StatusOr<Scope> scope = scope_of(ds, region);
  if (!scope.ok()) return scope.status();
  const std::vector<RegionIndex>& column = region_column(ds, f);
  std::vector<size_t> rows;
  for (size_t i = 0; i < column.size(); ++i) {
    if (scope->inside[column[i]] != 0) rows.push_back(i);
  }
  return rows;
}

namespace {

// Member is a row of a list, with its parts of the metric.
struct Member {
  size_t row;
  Parts parts;
};

bool in_part(const Parts& p, CasePart part) { return (part == CasePart::kDenominator ? p.den : p.num) > 0; }

// Selection is the rows of a metric's part, for a list or a follow-up.
struct Selection {
  size_t metric;  // catalogue index
  CasePart part;
};

absl::StatusOr<Selection> select(std::string_view metric, CasePart part) {
  const std::optional<size_t> m = metric_index(metric);
  if (!m) return absl::InvalidArgumentError(absl::StrCat("no metric '", absl_view(metric), "' in the catalogue"));
  if (!has_case_list(metric)) {
    return absl::InvalidArgumentError(absl::StrCat("'", absl_view(metric),
                                                   "' has no case list: only the counts and rates of cases have"));
  }
  const bool ratio = metric_catalogue()[*m].kind == ValueKind::kRatio;
  if (ratio && part == CasePart::kCount) {
    return absl::InvalidArgumentError(absl::StrCat(
        "'", absl_view(metric), "' is a rate: ask for its numerator or its denominator"));
  }
  if (!ratio && part == CasePart::kDenominator) {
    return absl::InvalidArgumentError(absl::StrCat("'", absl_view(metric), "' is a count: it has no denominator"));
  }
  return Selection{*m, ratio ? part : CasePart::kCount};
}

// Lister makes the lists of one region and period.
struct Lister {
  const Dataset& ds;
  RegionCode region;
  Period period;
  const Profile& profile;
  const Calendar& cal;
  Periods periods{period, year_ago_period(period)};
  Deadlines deadlines{cal, profile, periods};

  // rows_of is the rows of `s`, in row order, and how often each is counted.
  absl::StatusOr<std::vector<Member>> rows_of(const Selection& s) const {
    absl::StatusOr<std::vector<size_t>> scope = scope_rows(ds, metric_catalogue()[s.metric].family, region);
    if (!scope.ok()) return scope.status();
    return members(s, *scope);
  }

  // members is the rows of `s` among `scope` (ascending).
  std::vector<Member> members(const Selection& s, std::span<const size_t> scope) const {
    const MetricInfo& info = metric_catalogue()[s.metric];
    const size_t local = s.metric - family_rows_of(info.family).first;
    const RowParts parts = row_parts(ds, info.family, scope, periods, profile, cal, deadlines);
    std::vector<Member> out;
    for (size_t k = 0; k < parts.rows.size(); ++k) {
      const Parts& p = parts.of(k)[local];
      if (in_part(p, s.part)) out.push_back({parts.rows[k], p});
    }
    return out;
  }

  CaseList list(const Selection& s, std::span<const Member> rows, size_t reason_metric) const {
    const MetricInfo& info = metric_catalogue()[s.metric];
    CaseList l;
    l.metric = &info;
    l.part = s.part;
    l.region = region;
    l.period = period;
    l.cases.reserve(rows.size());
    const ReasonInput input{ds, period, profile, cal, deadlines};
    const std::string_view reason_id = metric_catalogue()[reason_metric].id;
    for (const Member& m : rows) {
      const size_t row = m.row;
      CaseEntry e;
      e.times = s.part == CasePart::kDenominator ? m.parts.den : m.parts.num;
      e.kind = info.family;
      e.row = row;
      e.case_id = std::string(case_id_of(ds, info.family, row));
      e.region = ds.regions()[region_column(ds, info.family)[row]];
      e.reason = case_reason(input, info.family, reason_id, row);
      l.cases.push_back(std::move(e));
    }
    return l;
  }
};

// kFollowUps: the lists of REPORT.md "Case lists" that a bureau follows up.
using P = CasePart;
constexpr FollowUp kFollowUps[] = {
    {"reconsideration_overdue", "超期办结的行政复议案件", "reconsideration.overdue", P::kCount, "", P::kCount,
     "Reconsideration cases closed after the last day of their decision period."},
    {"reconsideration_pending_over_limit", "超审限未结的行政复议案件", "reconsideration.pending_over_limit_share",
     P::kNumerator, "", P::kCount, "Reconsideration cases pending at the end of the period past their decision period."},
    {"late_defences", "逾期答辩或未答辩的行政应诉案件", "litigation.received", P::kCount,
     "litigation.defence_on_time_rate", P::kNumerator,
     "Lawsuits filed in the period whose defence was late or is not recorded."},
    {"hearings_without_head", "负责人未出庭应诉的案件", "litigation.head_appearance_rate", P::kDenominator,
     "litigation.head_appearance_rate", P::kNumerator,
     "Lawsuits closed in the period after a hearing at which no head of the agency appeared."},
    {"lawyer_only", "仅委托律师出庭的案件", "litigation.lawyer_only", P::kCount, "", P::kCount,
     "Lawsuits closed in the period where only a lawyer appeared for the agency."},
    {"lost_cases", "败诉案件（备案）", "litigation.loss_rate", P::kNumerator, "", P::kCount,
     "First-instance lawsuits lost in the period (judgment lost, or withdrawn after the agency changed its act), "
     "to be filed (败诉案件备案)."},
    {"corrections_to_perform", "被纠错待履行的行政行为", "reconsideration.direct_correction_rate", P::kNumerator, "",
     P::kCount,
     "Reconsideration cases closed in the period by a direct correction of the act, whose performance the bureau "
     "follows up (the data records no performance date)."},
    {"legal_aid_reviews_late", "超时审查的法律援助申请", "legal_aid.review_on_time_rate", P::kDenominator,
     "legal_aid.review_on_time_rate", P::kNumerator,
     "Legal-aid applications decided in the period after the review limit."},
    {"legal_aid_assignments_late", "超时指派的法律援助案件", "legal_aid.assignment_on_time_rate", P::kDenominator,
     "legal_aid.assignment_on_time_rate", P::kNumerator,
     "Legal-aid cases assigned in the period after the assignment limit."},
    {"mediation_open_over_month", "超一个月未结的调解案件", "mediation.pending_over_limit_share", P::kNumerator, "",
     P::kCount, "Mediation cases pending at the end of the period, open longer than one month."},
};

// The text of one stored value of a case column, by its schema TYPE.
std::string cell_id(const Dataset& ds, TextId v) { return std::string(ds.text(v)); }
std::string cell_region(const Dataset& ds, RegionIndex v) { return ds.regions()[v].str(); }
std::string cell_date(const Dataset&, DayNumber v) { return has(v) ? format_iso_day(v) : std::string(); }
template <typename Enum>
std::string cell_code(const Dataset&, Enum v) {
  return std::string(code_name(v));
}
std::string cell_bool(const Dataset&, Tri v) { return v == Tri::kTrue ? "true" : v == Tri::kFalse ? "false" : ""; }
template <typename N>
std::string cell_count(const Dataset&, N v) {
  return v < 0 ? std::string() : absl::StrCat(v);
}
std::string cell_money(const Dataset&, int64_t fen) {  // yuan, exactly
  if (fen < 0) return {};
  const int64_t cents = fen % 100;
  return absl::StrCat(fen / 100, ".", cents < 10 ? "0" : "", cents);
}

// NOLINTBEGIN(bugprone-macro-parentheses)
#define FAZHI_CELL_ID(c, m) cell_id(ds, id_at(c.m, row))
#define FAZHI_CELL_TEXT(c, m) cell_id(ds, c.m[row])
#define FAZHI_CELL_REGION(c, m) cell_region(ds, c.m[row])
#define FAZHI_CELL_DATE(c, m) cell_date(ds, c.m[row])
#define FAZHI_CELL_CODE(c, m) cell_code(ds, c.m[row])
#define FAZHI_CELL_BOOL(c, m) cell_bool(ds, c.m[row])
#define FAZHI_CELL_COUNT(c, m) cell_count(ds, c.m[row])
#define FAZHI_CELL_MONEY(c, m) cell_money(ds, c.m[row])
#define FAZHI_CASE_CELL(column, record_field, stored_as, TYPE, detail, required, ...) \
  out.emplace_back(#column, FAZHI_CELL_##TYPE(columns, stored_as));
// NOLINTEND(bugprone-macro-parentheses)

}  // namespace
}  // namespace internal

using namespace internal;

std::vector<std::pair<std::string_view, std::string>> case_columns(const Dataset& ds, RecordKind kind, size_t row) {
  std::vector<std::pair<std::string_view, std::string>> out;
  switch (kind) {
    case RecordKind::kReconsideration: {
      const ReconsiderationColumns& columns = ds.reconsideration();
      if (row < columns.size()) { FAZHI_RECONSIDERATION_COLUMNS(FAZHI_CASE_CELL) }
      break;
    }
    case RecordKind::kLitigation: {
      const LitigationColumns& columns = ds.litigation();
      if (row < columns.size()) { FAZHI_LITIGATION_COLUMNS(FAZHI_CASE_CELL) }
      break;
    }
    case RecordKind::kLegalAid: {
      const LegalAidColumns& columns = ds.legal_aid();
      if (row < columns.size()) { FAZHI_LEGAL_AID_COLUMNS(FAZHI_CASE_CELL) }
      break;
    }
    case RecordKind::kMediation: {
      const MediationColumns& columns = ds.mediation();
      if (row < columns.size()) { FAZHI_MEDIATION_COLUMNS(FAZHI_CASE_CELL) }
      break;
    }
    default: break;
  }
  return out;
}

std::string_view case_part_name(CasePart part) {
  switch (part) {
    case CasePart::kCount: return "count";
    case CasePart::kNumerator: return "numerator";
    case CasePart::kDenominator: return "denominator";
  }
  return "";
}

std::optional<CasePart> parse_case_part(std::string_view name) {
  for (const CasePart p : {CasePart::kCount, CasePart::kNumerator, CasePart::kDenominator}) {
    if (case_part_name(p) == name) return p;
  }
  return std::nullopt;
}

bool has_case_list(std::string_view metric) { return can_break_down(metric); }

std::span<const FollowUp> follow_ups() { return kFollowUps; }

absl::StatusOr<CaseList> compute_case_list(const Dataset& ds, RegionCode region, Period period,
                                           std::string_view metric, CasePart part, const Profile& profile,
                                           const Calendar& calendar) {
  if (period.to < period.from) return absl::InvalidArgumentError("the period ends before it starts");
  if (absl::Status s = ds.check_whole(); !s.ok()) return s;
  absl::StatusOr<Selection> s = select(metric, part);
  if (!s.ok()) return s.status();
  const Lister lister{ds, region, period, profile, calendar};
  absl::StatusOr<std::vector<Member>> rows = lister.rows_of(*s);
  if (!rows.ok()) return rows.status();
  return lister.list(*s, *rows, s->metric);
}

absl::StatusOr<CaseList> compute_case_list(const Dataset& ds, RegionCode region, Period period,
                                           std::string_view metric, CasePart part, const CaseRow& row,
                                           const Profile& profile, const Calendar& calendar) {
  if (period.to < period.from) return absl::InvalidArgumentError("the period ends before it starts");
  if (absl::Status s = ds.check_whole(); !s.ok()) return s;
  absl::StatusOr<Selection> s = select(metric, part);
  if (!s.ok()) return s.status();
  // The row's records, by the breakdown's own grouping; each is then judged
  // alone, as every list's records are.
  absl::StatusOr<RowRecords> in_row =
      row_records(ds, region, period, s->metric, row.by, row.key, row.top, profile, calendar);
  if (!in_row.ok()) return in_row.status();
  const Lister lister{ds, region, in_row->period, profile, calendar};
  const std::vector<Member> rows = lister.members(*s, in_row->rows);
  CaseList l = lister.list(*s, rows, s->metric);
  l.by = row.by;
  if (row.key && !row.key->empty()) l.key = row.key;
  l.row_label = std::move(in_row->label);
  return l;
}

absl::StatusOr<CaseList> compute_follow_up(const Dataset& ds, RegionCode region, Period period, std::string_view name,
                                           const Profile& profile, const Calendar& calendar) {
  const FollowUp* f = nullptr;
  for (const FollowUp& k : kFollowUps) {
    if (k.name == name) f = &k;
  }
  if (!f) {
    std::vector<absl::string_view> names;
    for (const FollowUp& k : kFollowUps) names.push_back(absl_view(k.name));
    return absl::InvalidArgumentError(
        absl::StrCat("no follow-up list '", absl_view(name), "' (", absl::StrJoin(names, ", "), ")"));
  }
  if (period.to < period.from) return absl::InvalidArgumentError("the period ends before it starts");
  if (absl::Status s = ds.check_whole(); !s.ok()) return s;
  absl::StatusOr<Selection> base = select(f->metric, f->part);
  if (!base.ok()) return base.status();
  const Lister lister{ds, region, period, profile, calendar};
  absl::StatusOr<std::vector<Member>> rows = lister.rows_of(*base);
  if (!rows.ok()) return rows.status();
  size_t reason_metric = base->metric;
  if (!f->minus_metric.empty()) {
    absl::StatusOr<Selection> minus = select(f->minus_metric, f->minus_part);
    if (!minus.ok()) return minus.status();
    absl::StatusOr<std::vector<Member>> taken = lister.rows_of(*minus);
    if (!taken.ok()) return taken.status();
    std::vector<Member> left;
    size_t k = 0;  // both lists are in row order
    for (const Member& m : *rows) {
      while (k < taken->size() && (*taken)[k].row < m.row) ++k;
      if (k < taken->size() && (*taken)[k].row == m.row) continue;
      left.push_back(m);
    }
    *rows = std::move(left);
    reason_metric = minus->metric;
  }
  CaseList l = lister.list(*base, *rows, reason_metric);
  l.follow_up = std::string(f->name);
  return l;
}

}  // namespace fazhi
