// The report's assembly: one region's figures (metrics.hpp) presented as
// the profile says (texts, decimals, the changes against the year-ago and
// the previous period) in a Report. The narrative and the documents are
// render/'s: render/report.cpp adds the narrative and writes JSON and tables.

#include "metrics/report_assembly.hpp"

#include <algorithm>
#include <limits>

#include "absl/strings/str_cat.h"
#include "fazhi/text.hpp"

namespace fazhi {
namespace internal {
namespace {

// Chinese ordinal for a rank: 第一 ... 第十, then 第 11.
std::string rank_text(int64_t r) {
  static const char* const kDigits[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  if (r >= 1 && r <= 10) return absl::StrCat("第", kDigits[r]);
  return absl::StrCat("第 ", r);
}

// kNumberDecimals: a mean or a statistic (ValueKind::kNumber) is presented
// with 4 decimals unless the profile sets the metric's own.
constexpr int kNumberDecimals = 4;

// present writes one value as the report prints it.
std::string present(const MetricInfo& m, const Value& v, const MetricStyle& style) {
  if (!v.defined()) return "";
  const Style& s = style.value;
  switch (v.kind) {
    case ValueKind::kCount: {
      if (style.approximate) {
        std::string t = approximate_tally(v.integer);
        const bool digit_last = !t.empty() && t.back() >= '0' && t.back() <= '9';
        return absl::StrCat(t, digit_last ? " " : "", absl_view(m.unit));
      }
      return absl::StrCat(v.integer, " ", absl_view(m.unit));
    }
    case ValueKind::kRatio: return format_percent(v.num, v.den, s.decimals, s.rounding);
    case ValueKind::kMoney:
      return absl::StrCat(format_wan(v.exact(), s.decimals, s.rounding), absl_view(m.unit));
    case ValueKind::kDays: {
      // A whole number of days is written as one ("1 个工作日").
      const int decimals = v.num % v.den == 0 ? 0 : s.decimals;
      return absl::StrCat(format_decimal(v.num, v.den, decimals, s.rounding), " ", absl_view(m.unit));
    }
    case ValueKind::kRank: return rank_text(v.integer);
    case ValueKind::kNumber: {
      const std::string number = format_decimal(v.num, v.den, s.decimals, s.rounding);
      return m.unit.empty() ? number : absl::StrCat(number, " ", absl_view(m.unit));
    }
    case ValueKind::kUndefined: break;
  }
  return "";
}

// kJsonRatioDecimals: a rate or YoY in the JSON is a fraction of 1 written to
// at least 4 places ("0.9402", "-0.2271"), more if its percentage has more.
constexpr int kJsonRatioDecimals = 4;

// decimal_of is the JSON's decimal string: a rate as a fraction of 1, money in
// yuan to the fen, days as shown.
std::string decimal_of(const Value& v, const MetricStyle& style) {
  const Style& s = style.value;
  switch (v.kind) {
    case ValueKind::kRatio:
      return format_decimal(v.num, v.den, std::max(kJsonRatioDecimals, s.decimals + 2), s.rounding);
    case ValueKind::kMoney: return format_decimal(v.integer, 100, 2, s.rounding);
    case ValueKind::kDays:
    case ValueKind::kNumber: return format_decimal(v.num, v.den, s.decimals, s.rounding);
    default: return "";
  }
}

// ratio_of is a defined value as num/den in 64 bits (money in fen: a relative
// change is the same in fen as in yuan).
void ratio_of(const Value& v, int64_t& num, int64_t& den) {
  switch (v.kind) {
    case ValueKind::kRatio:
    case ValueKind::kDays:
    case ValueKind::kNumber: num = v.num; den = v.den; return;
    default: num = v.integer; den = 1; return;
  }
}

// difference_over is (a*b - c*d) / (e*f), exact: in 64 bits when it fits.
Fraction difference_over(int64_t a, int64_t b, int64_t c, int64_t d, int64_t e, int64_t f) {
  using Wide = __int128;
  const Wide num = static_cast<Wide>(a) * b - static_cast<Wide>(c) * d;
  const Wide den = static_cast<Wide>(e) * f;
  constexpr Wide kMax = std::numeric_limits<int64_t>::max();
  if (num <= kMax && num >= -kMax && den <= kMax && den >= -kMax) {
    return Fraction(static_cast<int64_t>(num), static_cast<int64_t>(den));
  }
  return Fraction(BigInt(a) * b - BigInt(c) * d, BigInt(e) * f);
}

// yoy_of is (current - previous) / previous, exact; undefined when the
// previous value is 0 (docs/metrics.md).
Fraction yoy_of(const Value& current, const Value& previous) {
  int64_t cn = 0, cd = 1, pn = 0, pd = 1;
  ratio_of(current, cn, cd);
  ratio_of(previous, pn, pd);
  if (pn == 0 || cd == 0 || pd == 0) return Fraction::undefined();
  return difference_over(cn, pd, pn, cd, pn, cd);
}

// points_of is a rate's change current - previous as a fraction of 1
// (docs/metrics.md's 个百分点: 0.0741 is 7.41 points).
Fraction points_of(const Value& current, const Value& previous) {
  if (current.den == 0 || previous.den == 0) return Fraction::undefined();
  return difference_over(current.num, previous.den, previous.num, current.den, current.den, previous.den);
}

// compare is the metric against an earlier period whose value is `before`
// (taken over): the relative change, and for a rate the change in points.
Comparison compare(const MetricInfo& m, const Value& now, Value&& before, bool before_has_data,
                   const MetricStyle& style) {
  Comparison c;
  c.has_previous = before_has_data && before.defined();
  if (!c.has_previous) return c;
  c.previous = std::move(before);
  c.previous_text = present(m, c.previous, style);
  c.previous_decimal = decimal_of(c.previous, style);
  if (!m.has_yoy || !now.defined()) return c;
  c.change = yoy_of(now, c.previous);
  if (c.change.defined()) {
    c.change_text = format_percent(c.change, style.yoy.decimals, style.yoy.rounding);
    c.change_decimal =
        format_decimal(c.change, std::max(kJsonRatioDecimals, style.yoy.decimals + 2), style.yoy.rounding);
  }
  if (m.kind == ValueKind::kRatio && now.kind == ValueKind::kRatio && c.previous.kind == ValueKind::kRatio) {
    c.change_pp = points_of(now, c.previous);
    if (c.change_pp.defined()) {
      // Points are written as the rate is: 94.02% - 86.61% = 7.41 个百分点.
      const Style& s = style.value;
      c.change_pp_text = absl::StrCat(
          format_decimal(Fraction(c.change_pp.num() * 100, c.change_pp.den()), s.decimals, s.rounding), " 个百分点");
      c.change_pp_decimal = format_decimal(c.change_pp, std::max(kJsonRatioDecimals, s.decimals + 2), s.rounding);
    }
  }
  return c;
}

}  // namespace

std::vector<MetricStyle> styles_of(const Profile& profile) {
  std::vector<MetricStyle> styles;
  for (const MetricInfo& m : metric_catalogue()) {
    const Presentation& p = profile.presentation(m.id);
    int decimals = 0;
    switch (m.kind) {
      case ValueKind::kRatio: decimals = profile.percent_decimals; break;
      case ValueKind::kMoney: decimals = profile.wan_decimals; break;
      case ValueKind::kDays: decimals = profile.day_decimals; break;
      case ValueKind::kNumber: decimals = kNumberDecimals; break;
      default: break;
    }
    styles.push_back({{p.decimals.value_or(decimals), p.rounding.value_or(profile.rounding)},
                      {p.yoy_decimals.value_or(profile.yoy_decimals), p.yoy_rounding.value_or(profile.rounding)},
                      p.approximate});
  }
  return styles;
}

absl::StatusOr<Compared> compute_compared(const Dataset& ds, Period period, const Profile& profile,
                                          const Calendar& calendar, int threads) {
  absl::StatusOr<Figures> year_ago = compute_figures(ds, period, profile, calendar, threads);
  if (!year_ago.ok()) return year_ago.status();
  Compared c{*std::move(year_ago), std::nullopt};
  if (!is_whole_years(period)) {
    absl::StatusOr<Figures> sequential =
        compute_figures(ds, period, previous_period(period), profile, calendar, threads);
    if (!sequential.ok()) return sequential.status();
    c.sequential = *std::move(sequential);
  }
  return c;
}

// assemble presents region i's figures; it takes them over (moves).
ReportSource source_of(const Dataset& ds) {
  return {[&ds](RegionCode c) { return ds.region_name(c); }, ds.summary().rows_read(), ds.summary().rows_rejected(),
          &ds.summary().notices};
}

Report assemble(Compared& fig, size_t i, const ReportSource& source, const Profile& profile,
                const std::vector<MetricStyle>& styles) {
  RegionFigures& rf = fig.year_ago.regions[i];
  RegionFigures* sequential = fig.sequential ? &fig.sequential->regions[i] : nullptr;
  Report r;
  r.region = rf.code;
  const std::optional<std::string_view> name = source.name(rf.code);
  r.region_name = name ? std::string(*name) : rf.code == RegionCode() ? "全国" : rf.code.str();
  r.period = fig.year_ago.period;
  r.previous = fig.year_ago.previous;
  if (fig.sequential) r.sequential_period = fig.sequential->previous;
  const std::span<const MetricInfo> cat = metric_catalogue();
  r.metrics.resize(cat.size());
  for (size_t i = 0; i < cat.size(); ++i) {
    MetricFigure& m = r.metrics[i];
    const MetricStyle& style = styles[i];
    m.info = &cat[i];
    m.value = std::move(rf.current[i]);
    m.text = present(cat[i], m.value, style);
    m.decimal = decimal_of(m.value, style);
    Comparison year_ago =
        compare(cat[i], m.value, std::move(rf.previous[i]), rf.previous_has_data[i], style);
    m.has_previous = year_ago.has_previous;
    m.previous = std::move(year_ago.previous);
    m.previous_text = std::move(year_ago.previous_text);
    m.previous_decimal = std::move(year_ago.previous_decimal);
    m.yoy = std::move(year_ago.change);
    m.yoy_text = std::move(year_ago.change_text);
    m.yoy_decimal = std::move(year_ago.change_decimal);
    m.yoy_pp = std::move(year_ago.change_pp);
    m.yoy_pp_text = std::move(year_ago.change_pp_text);
    m.yoy_pp_decimal = std::move(year_ago.change_pp_decimal);
    if (sequential) {
      m.sequential = compare(cat[i], m.value, std::move(sequential->previous[i]),
                             sequential->previous_has_data[i], style);
    }
    if (cat[i].id == "reconsideration.correction_rate" ||
        cat[i].id == "reconsideration.direct_correction_rate") {
      m.basis = std::string(correction_basis_name(profile.correction_basis));
    }
  }
  r.data_quality.rows_read = source.rows_read;
  r.data_quality.rows_rejected = source.rows_rejected;
  r.data_quality.notices = *source.notices;
  r.data_quality.notices.insert(r.data_quality.notices.end(), rf.notices.begin(), rf.notices.end());
  return r;
}

absl::Status check_metric_presentations(const Profile& profile) {
  for (const auto& [id, presentation] : profile.metrics) {
    if (!metric_index(id)) {
      return absl::InvalidArgumentError(absl::StrCat("profile: no metric '", id, "' in the catalogue"));
    }
  }
  return absl::OkStatus();
}

}  // namespace internal

const MetricFigure* Report::find(std::string_view id) const {
  const std::optional<size_t> i = metric_index(id);
  return i && *i < metrics.size() ? &metrics[*i] : nullptr;
}

}  // namespace fazhi
