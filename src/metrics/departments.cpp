// Department tables and assessment (fazhi/departments.hpp).
//
// The rows of a region are grouped by agency (respondent for
// reconsideration, defendant for litigation, each name normalised and mapped
// by the profile's aliases) and each family's own tally and values run over
// the groups (cases_internal.hpp's group_values), as a breakdown by
// respondent does: a department's figures are the report's metrics over its
// cases and add up to the region's. Each figure's case list comes from the
// same tally run per record (row_parts), so a department's list has as many
// records as its figure. The assessment then scores each department by the
// profile's scheme, exactly (points in hundredths), every deduction traced to
// its case ids or its figure.

#include "fazhi/departments.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "fazhi/text.hpp"
#include "metrics/case_reasons.hpp"
#include "metrics/cases_internal.hpp"
#include "metrics/families.hpp"
#include "metrics/pass.hpp"

namespace fazhi {
namespace internal {
namespace {

// The figures of a department table (REPORT.md "Departments"), in order.
constexpr std::string_view kPrincipal = "departments.principal_head_appearances";
constexpr std::string_view kLateDefences = "departments.late_or_missing_defences";
constexpr std::string_view kDepartmentMetrics[] = {
    "reconsideration.received",
    "reconsideration.closed",
    "reconsideration.correction_rate",
    "litigation.received",
    "litigation.received_first_instance",
    "litigation.judged_first_instance",
    "litigation.loss_rate",
    "litigation.head_appearance_rate",
    kPrincipal,
    "litigation.lawyer_only",
    "litigation.defence_on_time_rate",
    kLateDefences,
};

// FamilySide is one family's rows of the region, each with its department.
struct FamilySide {
  explicit FamilySide(Family f) : family(f) {}
  Family family;
  std::vector<size_t> rows;
  std::vector<RegionIndex> department;  // by rows' place
  GroupValues values;                   // by department
  RowParts parts;                       // by rows' place
};

// Grouper numbers the departments by name as it meets them.
struct Grouper {
  const Profile& profile;
  absl::flat_hash_map<std::string, RegionIndex> index;
  std::vector<std::string> names;
  std::vector<std::array<int64_t, 16>> levels;  // cases by AgencyLevel, for the department's level
  RegionIndex of(std::string_view written, AgencyLevel level) {
    std::string name = normalise_agency(written);
    if (auto alias = profile.departments.aliases.find(name); alias != profile.departments.aliases.end()) {
      name = alias->second;
    }
    auto [it, fresh] = index.try_emplace(name, static_cast<RegionIndex>(names.size()));
    if (fresh) {
      names.push_back(name);
      levels.emplace_back();
    }
    const auto l = static_cast<size_t>(level);
    if (l < levels[it->second].size()) ++levels[it->second][l];
    return it->second;
  }
};

int compare(const Value& a, const Value& b) {  // two defined counts or rates, exactly
  const Fraction x = a.exact(), y = b.exact();
  return x < y ? -1 : y < x ? 1 : 0;
}

// rank_figures gives each named department's figure k its rank (1 = largest).
void rank_figures(std::vector<Department>& ds, size_t k) {
  std::vector<Department*> order;
  for (Department& d : ds) {
    if (!d.name.empty() && d.figures[k].value.defined()) order.push_back(&d);
  }
  std::stable_sort(order.begin(), order.end(), [&](const Department* a, const Department* b) {
    return compare(a->figures[k].value, b->figures[k].value) > 0;
  });
  for (size_t i = 0; i < order.size(); ++i) {
    order[i]->figures[k].rank = i > 0 && compare(order[i]->figures[k].value, order[i - 1]->figures[k].value) == 0
                                    ? order[i - 1]->figures[k].rank
                                    : static_cast<int64_t>(i) + 1;
  }
}

// Scorer applies the scheme to one department.
struct Scorer {
  const Dataset& ds;
  const Assessment& scheme;

  static const DepartmentFigure* figure(const Department& d, std::string_view id) {
    for (const DepartmentFigure& f : d.figures) {
      if (f.id == id) return &f;
    }
    return nullptr;
  }

  // rows of a per-case rule: a figure's part, or a follow-up list's rows.
  std::vector<size_t> rows(const Department& d, const AssessmentRule& r) const {
    auto part_rows = [&](std::string_view metric, CasePart part) -> std::vector<size_t> {
      const DepartmentFigure* f = figure(d, metric);
      if (!f) return {};
      return part == CasePart::kDenominator ? f->denominator_rows : f->rows;
    };
    if (r.follow_up.empty()) return part_rows(r.metric, *parse_case_part(r.part));
    for (const FollowUp& u : follow_ups()) {
      if (u.name != r.follow_up) continue;
      std::vector<size_t> base = part_rows(u.metric, u.part);
      if (u.minus_metric.empty()) return base;
      const std::vector<size_t> minus = part_rows(u.minus_metric, u.minus_part);
      std::vector<size_t> left;
      std::set_difference(base.begin(), base.end(), minus.begin(), minus.end(), std::back_inserter(left));
      return left;
    }
    return {};
  }

  void score(Department& d, Family of_figure(std::string_view)) const {
    int64_t total = 0;
    for (const AssessmentRule& r : scheme.rules) {
      Deduction x;
      x.rule = r.name;
      if (r.per_case > 0 || (!r.below && !r.above)) {
        const std::vector<size_t> rows = this->rows(d, r);
        const Family f = of_figure(r.follow_up.empty() ? r.metric : r.follow_up);
        for (const size_t row : rows) x.cases.emplace_back(case_id_of(ds, f, row));
        x.uncapped = r.per_case * static_cast<int64_t>(rows.size());
      } else if (const DepartmentFigure* f = figure(d, r.metric); f && f->value.defined()) {
        const Fraction v = f->value.exact();
        const bool crossed = (r.below && v < *r.below) || (r.above && *r.above < v);
        x.metric = r.metric;
        x.value = f->value;
        x.uncapped = crossed ? r.points : 0;
      }
      x.points = std::min(x.uncapped, r.weight);
      total += r.weight - x.points;
      if (x.uncapped > 0) d.deductions.push_back(std::move(x));
    }
    d.score = total;
  }
};

// family_of_figure is the family whose cases a figure (or follow-up list) counts.
Family family_of_figure(std::string_view id) {
  if (id.starts_with("reconsideration.") || id.starts_with("reconsideration_") || id == "corrections_to_perform") {
    return Family::kReconsideration;
  }
  return Family::kLitigation;
}

}  // namespace
}  // namespace internal

using namespace internal;

std::string normalise_agency(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (size_t i = 0; i < name.size();) {
    const auto c = static_cast<unsigned char>(name[i]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      ++i;
      continue;
    }
    // U+3000 (ideographic space): E3 80 80; U+FF01-U+FF5E (full-width ASCII):
    // EF BC 81 - EF BD 9E, which are U+0021-U+007E less 0xFEE0.
    if (c == 0xE3 && i + 2 < name.size() && static_cast<unsigned char>(name[i + 1]) == 0x80 &&
        static_cast<unsigned char>(name[i + 2]) == 0x80) {
      i += 3;
      continue;
    }
    if (c == 0xEF && i + 2 < name.size()) {
      const auto b1 = static_cast<unsigned char>(name[i + 1]), b2 = static_cast<unsigned char>(name[i + 2]);
      const uint32_t cp = ((c & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
      if (cp >= 0xFF01 && cp <= 0xFF5E) {
        out += static_cast<char>(cp - 0xFEE0);
        i += 3;
        continue;
      }
    }
    out += name[i++];
  }
  return out;
}

std::span<const std::string_view> department_metrics() { return kDepartmentMetrics; }

absl::StatusOr<DepartmentTable> compute_departments(const Dataset& ds, RegionCode region, Period period,
                                                    const Profile& profile, const Calendar& calendar) {
  if (period.to < period.from) return absl::InvalidArgumentError("the period ends before it starts");
  if (absl::Status s = ds.check_whole(); !s.ok()) return s;
  const Periods periods{period, year_ago_period(period)};
  const Deadlines deadlines(calendar, profile, periods);
  Grouper grouper{profile, {}, {}, {}};
  std::array<FamilySide, 2> sides{FamilySide(Family::kReconsideration), FamilySide(Family::kLitigation)};
  for (FamilySide& side : sides) {
    absl::StatusOr<std::vector<size_t>> rows = scope_rows(ds, side.family, region);
    if (!rows.ok()) return rows.status();
    side.rows = *std::move(rows);
    side.department.reserve(side.rows.size());
    for (const size_t row : side.rows) {
      const bool recon = side.family == Family::kReconsideration;
      const TextId agency = recon ? ds.reconsideration().respondent[row] : ds.litigation().defendant[row];
      const AgencyLevel level =
          recon ? ds.reconsideration().respondent_level[row] : ds.litigation().defendant_level[row];
      side.department.push_back(grouper.of(ds.text(agency), level));
    }
  }
  const size_t n = grouper.names.size();
  for (FamilySide& side : sides) {
    side.values = group_values(ds, side.family, side.rows, side.department, n, periods, profile, calendar, deadlines);
    side.parts = row_parts(ds, side.family, side.rows, periods, profile, calendar, deadlines);
  }
  DepartmentTable t;
  t.region = region;
  t.period = period;
  t.departments.resize(n);
  const LitigationColumns& lit = ds.litigation();
  for (size_t g = 0; g < n; ++g) {
    Department& d = t.departments[g];
    d.name = grouper.names[g];
    size_t best = 0;
    for (size_t l = 1; l < grouper.levels[g].size(); ++l) {
      if (grouper.levels[g][l] > grouper.levels[g][best]) best = l;
    }
    if (best != 0 && grouper.levels[g][best] > 0) d.level = std::string(code_name(static_cast<AgencyLevel>(best)));
  }
  auto local_of = [](std::string_view id) {
    const size_t m = *metric_index(id);
    return std::make_pair(m, m - family_rows_of(metric_catalogue()[m].family).first);
  };
  const auto [head_metric, head_local] = local_of("litigation.head_appearance_rate");
  const auto [received_metric, received_local] = local_of("litigation.received");
  const auto [defence_metric, defence_local] = local_of("litigation.defence_on_time_rate");
  for (const std::string_view id : kDepartmentMetrics) {
    const bool own = id.starts_with("departments.");
    const FamilySide& side = sides[family_of_figure(id) == Family::kReconsideration ? 0 : 1];
    const MetricInfo* info = own ? nullptr : &metric_catalogue()[*metric_index(id)];
    const size_t local = own ? 0 : local_of(id).second;
    for (size_t g = 0; g < n; ++g) {
      DepartmentFigure f;
      f.id = id;
      f.kind = side.family;
      f.label = own ? (id == kPrincipal ? "正职负责人出庭应诉" : "逾期答辩或未答辩") : info->label;
      if (!own) f.value = side.values.values[g * side.values.width + local];
      t.departments[g].figures.push_back(std::move(f));
    }
    for (size_t k = 0; k < side.rows.size(); ++k) {
      DepartmentFigure& f = t.departments[side.department[k]].figures.back();
      const std::span<const Parts> p = side.parts.of(k);
      const size_t row = side.rows[k];
      if (id == kPrincipal) {
        if (p[head_local].num > 0 && lit.head_principal[row] == Tri::kTrue) f.rows.push_back(row);
      } else if (id == kLateDefences) {
        if (p[received_local].num > 0 && p[defence_local].num == 0) f.rows.push_back(row);
      } else {
        if (p[local].num > 0) f.rows.push_back(row);
        if (p[local].den > 0) f.denominator_rows.push_back(row);
      }
    }
    if (own) {
      // The principal head's appearances only where the data records them:
      // a column left out is not a count of zero.
      const bool recorded =
          id != kPrincipal || std::any_of(sides[1].rows.begin(), sides[1].rows.end(),
                                          [&](size_t row) { return lit.head_principal[row] != Tri::kUnknown; });
      for (Department& d : t.departments) {
        DepartmentFigure& f = d.figures.back();
        f.value = recorded ? Value::count(static_cast<int64_t>(f.rows.size()))
                           : Value::undefined("no case records whether the principal head (正职) appeared");
      }
    }
  }
  for (size_t k = 0; k < std::size(kDepartmentMetrics); ++k) rank_figures(t.departments, k);
  if (profile.departments.assessment) {
    const Assessment& scheme = *profile.departments.assessment;
    t.assessment = scheme.name;
    for (const AssessmentRule& r : scheme.rules) t.full_score += r.weight;
    const Scorer scorer{ds, scheme};
    for (Department& d : t.departments) scorer.score(d, family_of_figure);
  }
  // The department's rank: by score, else by its cases (reconsideration and
  // litigation received), most first; ties share the better rank.
  auto key = [&](const Department& d) -> int64_t {
    if (d.score) return *d.score;
    return d.figures[0].value.integer + d.figures[3].value.integer;
  };
  std::stable_sort(t.departments.begin(), t.departments.end(), [&](const Department& a, const Department& b) {
    if (a.name.empty() != b.name.empty()) return b.name.empty();
    if (key(a) != key(b)) return key(a) > key(b);
    return a.name < b.name;
  });
  for (size_t i = 0; i < t.departments.size(); ++i) {
    Department& d = t.departments[i];
    if (d.name.empty()) continue;
    d.rank = i > 0 && key(d) == key(t.departments[i - 1]) ? t.departments[i - 1].rank : static_cast<int64_t>(i) + 1;
  }
  return t;
}

absl::StatusOr<CaseList> department_case_list(const Dataset& ds, const DepartmentTable& table,
                                              std::string_view department, std::string_view metric, CasePart part,
                                              const Profile& profile, const Calendar& calendar) {
  const std::string name = normalise_agency(department);
  for (const Department& d : table.departments) {
    if (d.name != name && d.name != department) continue;
    for (const DepartmentFigure& f : d.figures) {
      if (f.id != metric) continue;
      const bool ratio = f.value.kind == ValueKind::kRatio ||
                         (!f.id.starts_with("departments.") &&
                          metric_catalogue()[*metric_index(f.id)].kind == ValueKind::kRatio);
      if (ratio == (part == CasePart::kCount)) {
        return absl::InvalidArgumentError(absl::StrCat("'", absl_view(metric), ratio ? "' is a rate: ask for its numerator or its denominator"
                                                                     : "' is a count: it has no numerator or denominator"));
      }
      const Periods periods{table.period, year_ago_period(table.period)};
      const Deadlines deadlines(calendar, profile, periods);
      const ReasonInput input{ds, table.period, profile, calendar, deadlines};
      const std::string_view reason_metric = f.id == kPrincipal      ? "litigation.head_appearance_rate"
                                             : f.id == kLateDefences ? "litigation.defence_on_time_rate"
                                                                     : f.id;
      CaseList l;
      l.metric = f.id.starts_with("departments.") ? nullptr : &metric_catalogue()[*metric_index(f.id)];
      l.part = part;
      l.region = table.region;
      l.period = table.period;
      const RegionIndex* regions =
          f.kind == Family::kReconsideration ? ds.reconsideration().region.data() : ds.litigation().region.data();
      for (const size_t row : part == CasePart::kDenominator ? f.denominator_rows : f.rows) {
        CaseEntry e;
        e.kind = f.kind;
        e.row = row;
        e.case_id = std::string(case_id_of(ds, f.kind, row));
        e.region = ds.regions()[regions[row]];
        e.reason = case_reason(input, f.kind, reason_metric, row);
        l.cases.push_back(std::move(e));
      }
      return l;
    }
    return absl::InvalidArgumentError(absl::StrCat("'", absl_view(metric), "' is not a figure of the department table"));
  }
  return absl::NotFoundError(absl::StrCat("no department '", absl_view(department), "' in the table"));
}

}  // namespace fazhi
