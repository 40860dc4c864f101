#include "fazhi/report.hpp"

#include <algorithm>
#include <limits>


#include "absl/strings/str_cat.h"
#include "fazhi/text.hpp"
#include "render/json_writer.hpp"
#include "render/narrative.hpp"
#include "platform/parallel.hpp"

namespace fazhi {
namespace {

using internal::JsonWriter;

// Chinese ordinal for a rank: 第一 ... 第十, then 第 11.
std::string rank_text(int64_t r) {
  static const char* const kDigits[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  if (r >= 1 && r <= 10) return absl::StrCat("第", kDigits[r]);
  return absl::StrCat("第 ", r);
}

struct Style {
  int decimals;
  Rounding rounding;
};

// MetricStyle is how the profile presents one metric, resolved once per run.
struct MetricStyle {
  Style value;
  Style yoy;
  bool approximate;
};

// kNumberDecimals: a mean or a statistic (ValueKind::kNumber) is presented
// with 4 decimals unless the profile sets the metric's own.
constexpr int kNumberDecimals = 4;

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

// Compared is the period's figures against the year-ago period (同比) and,
// unless the period is whole years, against the period just before (环比).
// Both list the same regions in the same order.
struct Compared {
  Figures year_ago;
  std::optional<Figures> sequential;
};

absl::StatusOr<Compared> compute_compared(const Dataset& ds, Period period, const Profile& profile,
                                          const Calendar& calendar, int threads = 1) {
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
Report assemble(Compared& fig, size_t i, const Dataset& ds, const Profile& profile,
                const std::vector<MetricStyle>& styles) {
  RegionFigures& rf = fig.year_ago.regions[i];
  RegionFigures* sequential = fig.sequential ? &fig.sequential->regions[i] : nullptr;
  Report r;
  r.region = rf.code;
  const std::optional<std::string_view> name = ds.region_name(rf.code);
  r.region_name = name ? std::string(*name) : rf.code.str();
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
  r.data_quality.rows_read = ds.summary().rows_read();
  r.data_quality.rows_rejected = ds.summary().rows_rejected();
  r.data_quality.notices = ds.summary().notices;
  r.data_quality.notices.insert(r.data_quality.notices.end(), rf.notices.begin(), rf.notices.end());
  r.narrative = internal::write_narrative(r, profile);
  return r;
}

absl::Status check_profile(const Profile& profile) {
  for (const auto& [id, presentation] : profile.metrics) {
    if (!metric_index(id)) {
      return absl::InvalidArgumentError(absl::StrCat("profile: no metric '", id, "' in the catalogue"));
    }
  }
  for (const std::string& id : profile.narrative_omit) {
    if (!internal::is_narrative_sentence(id)) {
      return absl::InvalidArgumentError(absl::StrCat("profile: no narrative sentence '", id, "'"));
    }
  }
  return absl::OkStatus();
}

void write_integer(JsonWriter& w, const BigInt& v) {
  if (v >= std::numeric_limits<int64_t>::min() && v <= std::numeric_limits<int64_t>::max()) {
    w.value(static_cast<int64_t>(v));
  } else {
    w.number(v.str());
  }
}

void write_fraction(JsonWriter& w, const Fraction& f, const std::string& decimal) {
  w.begin_object();
  w.key("num");
  write_integer(w, f.num());
  w.key("den");
  write_integer(w, f.den());
  w.key("decimal");
  w.value(decimal);
  w.end_object();
}

// The value as docs/metrics.md shows it: counts and ranks as integers, the rest as
// exact fractions (rates of 1, money in yuan) with a decimal for people.
void write_value(JsonWriter& w, const Value& v, const std::string& decimal) {
  switch (v.kind) {
    case ValueKind::kCount:
    case ValueKind::kRank: w.value(v.integer); return;
    case ValueKind::kRatio:
    case ValueKind::kDays:
    case ValueKind::kNumber:
      w.begin_object();
      w.key("num");
      w.value(v.num);
      w.key("den");
      w.value(v.den);
      w.key("decimal");
      w.value(decimal);
      w.end_object();
      return;
    case ValueKind::kMoney: write_fraction(w, v.exact(), decimal); return;
    case ValueKind::kUndefined: break;
  }
  w.null();
}

void write_report(JsonWriter& w, const Report& r) {
  w.begin_object();
  w.key("region");
  w.value(r.region.str());
  w.key("region_name");
  w.value(r.region_name);
  auto write_period = [&w](const char* name, Period p) {
    w.key(name);
    w.begin_object();
    w.key("from");
    w.value(format_iso_day(p.from));
    w.key("to");
    w.value(format_iso_day(p.to));
    w.end_object();
  };
  write_period("period", r.period);
  write_period("previous_period", r.previous);
  if (r.sequential_period) write_period("sequential_period", *r.sequential_period);
  w.key("metrics");
  w.begin_array();
  for (const MetricFigure& m : r.metrics) {
    w.begin_object();
    w.key("id");
    w.value(m.info->id);
    w.key("label");
    w.value(m.info->label);
    w.key("unit");
    w.value(m.info->unit);
    w.key("value");
    write_value(w, m.value, m.decimal);
    if (!m.value.defined()) {
      w.key("reason");
      w.value(m.value.reason);
    }
    if (m.has_previous) {
      w.key("previous");
      write_value(w, m.previous, m.previous_decimal);
    }
    if (m.yoy.defined()) {
      w.key("yoy");
      write_fraction(w, m.yoy, m.yoy_decimal);
    }
    if (m.yoy_pp.defined()) {
      w.key("change_pp");
      write_fraction(w, m.yoy_pp, m.yoy_pp_decimal);
    }
    if (m.sequential.has_previous) {
      w.key("sequential");
      w.begin_object();
      w.key("previous");
      write_value(w, m.sequential.previous, m.sequential.previous_decimal);
      if (m.sequential.change.defined()) {
        w.key("change");
        write_fraction(w, m.sequential.change, m.sequential.change_decimal);
      }
      if (m.sequential.change_pp.defined()) {
        w.key("change_pp");
        write_fraction(w, m.sequential.change_pp, m.sequential.change_pp_decimal);
      }
      w.end_object();
    }
    if (!m.basis.empty()) {
      w.key("basis");
      w.value(m.basis);
    }
    w.key("text");
    w.value(m.text);
    w.end_object();
  }
  w.end_array();
  w.key("narrative");
  w.begin_array();
  for (const std::string& p : r.narrative) w.value(p);
  w.end_array();
  w.key("data_quality");
  w.begin_object();
  w.key("rows_read");
  w.value(r.data_quality.rows_read);
  w.key("rows_rejected");
  w.value(r.data_quality.rows_rejected);
  w.key("notices");
  w.begin_array();
  for (const std::string& n : r.data_quality.notices) w.value(n);
  w.end_array();
  w.end_object();
  w.end_object();
}

}  // namespace

const MetricFigure* Report::find(std::string_view id) const {
  const std::optional<size_t> i = metric_index(id);
  return i && *i < metrics.size() ? &metrics[*i] : nullptr;
}

absl::StatusOr<Report> compute_report(const Dataset& ds, RegionCode region, Period period,
                                      const Profile& profile, const Calendar& calendar) {
  if (absl::Status s = check_profile(profile); !s.ok()) return s;
  absl::StatusOr<Compared> fig = compute_compared(ds, period, profile, calendar);
  if (!fig.ok()) return fig.status();
  for (size_t i = 0; i < fig->year_ago.regions.size(); ++i) {
    if (fig->year_ago.regions[i].code == region) return assemble(*fig, i, ds, profile, styles_of(profile));
  }
  return absl::NotFoundError(
      absl::StrCat("no records for region ", region.str(), " or any region inside it"));
}

absl::StatusOr<std::vector<Report>> compute_all_reports(const Dataset& ds, Period period,
                                                        const Profile& profile,
                                                        const Calendar& calendar) {
  if (absl::Status s = check_profile(profile); !s.ok()) return s;
  absl::StatusOr<Compared> fig = compute_compared(ds, period, profile, calendar);
  if (!fig.ok()) return fig.status();
  const std::vector<MetricStyle> styles = styles_of(profile);
  std::vector<Report> out;
  out.reserve(fig->year_ago.regions.size());
  for (size_t i = 0; i < fig->year_ago.regions.size(); ++i) out.push_back(assemble(*fig, i, ds, profile, styles));
  return out;
}

absl::Status write_all_reports_json(const Dataset& ds, Period period, const Profile& profile,
                                    const Calendar& calendar,
                                    const std::function<void(std::string_view)>& sink,
                                    int threads) {
  if (absl::Status s = check_profile(profile); !s.ok()) return s;
  const int workers = internal::resolve_threads(threads);
  absl::StatusOr<Compared> fig = compute_compared(ds, period, profile, calendar, workers);
  if (!fig.ok()) return fig.status();
  const std::vector<MetricStyle> styles = styles_of(profile);
  const size_t n = fig->year_ago.regions.size();
  // The regions go in rounds of `workers` batches: the batches of a round are
  // written in parallel, each into its own string, then handed to the sink
  // in order and dropped. Only a round's JSON is held at a time, and the
  // strings keep their size from round to round.
  constexpr size_t kBatch = 64;  // regions (~1 MB of JSON)
  std::vector<std::string> parts(static_cast<size_t>(workers));
  bool first = true;
  sink("[");
  for (size_t round = 0; round < n; round += parts.size() * kBatch) {
    internal::parallel_for(parts.size(), workers, [&](size_t k) {
      std::string& part = parts[k];
      part.clear();
      JsonWriter w(part);
      w.begin_array();  // a batch is written as an array, its brackets cut below
      const size_t from = std::min(n, round + k * kBatch), to = std::min(n, from + kBatch);
      for (size_t i = from; i < to; ++i) {
        write_report(w, assemble(*fig, i, ds, profile, styles));
      }
      w.end_array();
      w.finish();
    });
    for (const std::string& part : parts) {
      const std::string_view body = std::string_view(part).substr(1, part.size() - 2);
      if (body.empty()) continue;
      if (!first) sink(",");
      sink(body);
      first = false;
    }
  }
  sink("]");
  return absl::OkStatus();
}

absl::StatusOr<std::string> all_reports_json(const Dataset& ds, Period period,
                                             const Profile& profile, const Calendar& calendar,
                                             int threads) {
  std::string out;
  absl::Status s = write_all_reports_json(
      ds, period, profile, calendar, [&](std::string_view piece) { out.append(piece); }, threads);
  if (!s.ok()) return s;
  return out;
}

std::string to_json(const Report& report) {
  std::string out;
  JsonWriter w(out);
  write_report(w, report);
  w.finish();
  return out;
}

std::string to_json(const std::vector<Report>& reports) {
  std::string out;
  out.reserve(reports.size() * 20000);
  JsonWriter w(out);
  w.begin_array();
  for (const Report& r : reports) write_report(w, r);
  w.end_array();
  w.finish();
  return out;
}

}  // namespace fazhi
