// The C ABI of reports: one region's report, every region's report, their
// figures as exact fractions (fz_value), changes, JSON and the narrative.
#include "internal.hpp"

// fz_report_list owns every region's report; fz_report_list_get lends them.
struct fz_report_list {
  std::vector<std::unique_ptr<fz_report>> reports;
};

namespace fazhi::capi {
namespace {

static_assert(FZ_VALUE_UNDEFINED == static_cast<int>(fazhi::ValueKind::kUndefined));
static_assert(FZ_VALUE_COUNT == static_cast<int>(fazhi::ValueKind::kCount));
static_assert(FZ_VALUE_FRACTION == static_cast<int>(fazhi::ValueKind::kRatio));
static_assert(FZ_VALUE_MONEY == static_cast<int>(fazhi::ValueKind::kMoney));
static_assert(FZ_VALUE_DAYS == static_cast<int>(fazhi::ValueKind::kDays));
static_assert(FZ_VALUE_RANK == static_cast<int>(fazhi::ValueKind::kRank));
static_assert(FZ_VALUE_NUMBER == static_cast<int>(fazhi::ValueKind::kNumber));

}  // namespace

fz_status read_report_options(const char* function, const fz_report_options* in,
                              fazhi::Profile& profile, const fazhi::Calendar*& calendar) {
  fz_report_options o = FZ_REPORT_OPTIONS_INIT;
  if (in) {
    if (fz_status s = read_struct(function, "options", "fz_report_options", in,
                                  FZ_REPORT_OPTIONS_MIN_SIZE, o);
        s) {
      return s;
    }
  }
  calendar = &calendar_or_national(o.calendar);
  if (o.profile_json && o.profile_path) {
    return invalid(function, "options: set profile_json or profile_path, not both");
  }
  if (o.profile_json) {
    if (fz_status s = utf8_argument(function, "options->profile_json", o.profile_json); s) return s;
    absl::StatusOr<fazhi::Profile> p = fazhi::Profile::from_json(o.profile_json);
    if (!p.ok()) return from_status_in(function, "options->profile_json", p.status());
    profile = *std::move(p);
  } else if (o.profile_path) {
    if (fz_status s = utf8_argument(function, "options->profile_path", o.profile_path); s) return s;
    absl::StatusOr<fazhi::Profile> p = fazhi::Profile::from_file(o.profile_path);
    if (!p.ok()) return from_status_in(function, "options->profile_path", p.status());
    profile = *std::move(p);
  }
  return FZ_OK;
}

fz_status period_arguments(const char* function, const char* from, const char* to,
                           fazhi::Period& out) {
  fazhi::Date f, t;
  if (fz_status s = date_argument(function, "from", from, f); s) return s;
  if (fz_status s = date_argument(function, "to", to, t); s) return s;
  absl::StatusOr<fazhi::Period> p = fazhi::make_period(f, t);
  if (!p.ok()) return from_status_in(function, "from/to", p.status());
  out = *p;
  return FZ_OK;
}

namespace {

ExactFigure exact_figure(const fazhi::Fraction& f) {
  ExactFigure e;
  if (!f.defined()) return e;
  e.num_text = f.num().str();
  e.den_text = f.den().str();
  const fazhi::BigInt lo = std::numeric_limits<int64_t>::min();
  const fazhi::BigInt hi = std::numeric_limits<int64_t>::max();
  if (f.num() < lo || f.num() > hi || f.den() < lo || f.den() > hi) {
    e.fits = false;
    return e;
  }
  e.num = static_cast<int64_t>(f.num());
  e.den = static_cast<int64_t>(f.den());
  return e;
}

MetricExtras extras_of(const fazhi::MetricFigure& m) {
  MetricExtras x;
  if (m.value.defined()) x.value = exact_figure(m.value.exact());
  if (m.has_previous) x.previous = exact_figure(m.previous.exact());
  x.yoy = exact_figure(m.yoy);
  x.yoy_pp = exact_figure(m.yoy_pp);
  if (m.sequential.has_previous) x.sequential_previous = exact_figure(m.sequential.previous.exact());
  x.sequential_change = exact_figure(m.sequential.change);
  x.sequential_pp = exact_figure(m.sequential.change_pp);
  return x;
}

// Catalogue holds NUL-terminated copies of the catalogue's ids, labels and
// units, which fz_value and fz_report_metric_id lend out for the process's life.
struct CatalogueText {
  std::string id, label, unit;
};
const std::vector<CatalogueText>& catalogue_text() {
  static const std::vector<CatalogueText> text = [] {
    std::vector<CatalogueText> v;
    for (const fazhi::MetricInfo& m : fazhi::metric_catalogue()) {
      v.push_back({std::string(m.id), std::string(m.label), std::string(m.unit)});
    }
    return v;
  }();
  return text;
}

}  // namespace

fz_report* new_report(fazhi::Report&& r) {
  auto* out = new fz_report{std::move(r), {}, {}};
  out->region_code = out->report.region.str();
  out->extras.reserve(out->report.metrics.size());
  for (const fazhi::MetricFigure& m : out->report.metrics) out->extras.push_back(extras_of(m));
  return out;
}

namespace {

int64_t integer_of(const fazhi::Value& v) {
  switch (v.kind) {
    case fazhi::ValueKind::kCount:
    case fazhi::ValueKind::kMoney:
    case fazhi::ValueKind::kRank:
      return v.integer;
    default:
      return 0;
  }
}

}  // namespace

}  // namespace fazhi::capi

// The entry points, at global scope so that they take fazhi.h's
// declarations (and their visibility); they use these of the namespace:
using fazhi::capi::CatalogueText;
using fazhi::capi::ExactFigure;
using fazhi::capi::MetricExtras;
using fazhi::capi::catalogue_text;
using fazhi::capi::check_out_struct;
using fazhi::capi::clear_error;
using fazhi::capi::clear_string_out;
using fazhi::capi::from_status;
using fazhi::capi::from_status_in;
using fazhi::capi::give_string;
using fazhi::capi::guard;
using fazhi::capi::index_argument;
using fazhi::capi::integer_of;
using fazhi::capi::invalid;
using fazhi::capi::new_report;
using fazhi::capi::null_argument;
using fazhi::capi::period_arguments;
using fazhi::capi::read_report_options;
using fazhi::capi::set_error;
using fazhi::capi::text_argument;
using fazhi::capi::write_day;
using fazhi::capi::write_struct;

extern "C" {

fz_status fz_report_compute(fz_report** out, const fz_dataset* ds, const char* region,
                            const char* from, const char* to, const fz_report_options* options) {
  constexpr const char* kFn = "fz_report_compute";
  return guard([&] {
    if (!out) return null_argument(kFn, "out");
    *out = nullptr;
    if (!ds) return null_argument(kFn, "ds");
    if (fz_status s = text_argument(kFn, "region", region); s) return s;
    absl::StatusOr<fazhi::RegionCode> code = fazhi::RegionCode::parse(region);
    if (!code.ok()) return from_status_in(kFn, "region", code.status());
    fazhi::Period period;
    if (fz_status s = period_arguments(kFn, from, to, period); s) return s;
    fazhi::Profile profile;
    const fazhi::Calendar* calendar = nullptr;
    if (fz_status s = read_report_options(kFn, options, profile, calendar); s) return s;
    absl::StatusOr<fazhi::Report> r =
        fazhi::compute_report(ds->ds, *code, period, profile, *calendar);
    if (!r.ok()) return from_status(r.status());
    *out = new_report(*std::move(r));
    return clear_error();
  });
}

fz_status fz_report_all_json(const fz_dataset* ds, const char* from, const char* to,
                             const fz_report_options* options, char** json, size_t* len) {
  constexpr const char* kFn = "fz_report_all_json";
  return guard([&] {
    clear_string_out(json, len);
    if (!ds) return null_argument(kFn, "ds");
    if (!json) return null_argument(kFn, "json");
    fazhi::Period period;
    if (fz_status s = period_arguments(kFn, from, to, period); s) return s;
    fazhi::Profile profile;
    const fazhi::Calendar* calendar = nullptr;
    if (fz_status s = read_report_options(kFn, options, profile, calendar); s) return s;
    absl::StatusOr<std::vector<fazhi::Report>> all =
        fazhi::compute_all_reports(ds->ds, period, profile, *calendar);
    if (!all.ok()) return from_status(all.status());
    return give_string(fazhi::to_json(*all), json, len);
  });
}

void fz_report_free(fz_report* report) { delete report; }

fz_status fz_report_metric_count(const fz_report* report, int32_t* out) {
  constexpr const char* kFn = "fz_report_metric_count";
  return guard([&] {
    if (!report) return null_argument(kFn, "report");
    if (!out) return null_argument(kFn, "out");
    *out = static_cast<int32_t>(report->report.metrics.size());
    return clear_error();
  });
}

fz_status fz_report_metric_id(const fz_report* report, int32_t index, const char** out) {
  constexpr const char* kFn = "fz_report_metric_id";
  return guard([&] {
    if (out) *out = nullptr;
    if (!report) return null_argument(kFn, "report");
    if (!out) return null_argument(kFn, "out");
    if (fz_status s = index_argument(kFn, index, report->report.metrics.size()); s) return s;
    *out = catalogue_text()[static_cast<size_t>(index)].id.c_str();
    return clear_error();
  });
}

fz_status fz_report_region(const fz_report* report, const char** code, const char** name) {
  constexpr const char* kFn = "fz_report_region";
  return guard([&] {
    if (code) *code = nullptr;
    if (name) *name = nullptr;
    if (!report) return null_argument(kFn, "report");
    if (!code && !name) return null_argument(kFn, "code and name");
    if (code) *code = report->region_code.c_str();
    if (name) *name = report->report.region_name.c_str();
    return clear_error();
  });
}

fz_status fz_report_period(const fz_report* report, char from[11], char to[11],
                           char previous_from[11], char previous_to[11]) {
  constexpr const char* kFn = "fz_report_period";
  return guard([&] {
    if (!report) return null_argument(kFn, "report");
    write_day(report->report.period.from, from);
    write_day(report->report.period.to, to);
    write_day(report->report.previous.from, previous_from);
    write_day(report->report.previous.to, previous_to);
    return clear_error();
  });
}

// metric_at finds `metric_id` among the report's metrics (FZ_NOT_FOUND, naming
// where the ids are listed, when it is not one).
static fz_status metric_at(const char* fn, const fz_report* report, const char* metric_id, size_t& at) {
  const std::optional<size_t> i = fazhi::metric_index(metric_id);
  if (!i || *i >= report->report.metrics.size()) {
    return set_error(FZ_NOT_FOUND, absl::StrCat(fn, ": no metric '", metric_id,
                                                "' (the ids are those of docs/metrics.md; see fz_report_metric_id)"));
  }
  at = *i;
  return FZ_OK;
}

fz_status fz_report_get(const fz_report* report, const char* metric_id, fz_value* value) {
  constexpr const char* kFn = "fz_report_get";
  return guard([&] {
    if (!report) return null_argument(kFn, "report");
    if (fz_status s = text_argument(kFn, "metric_id", metric_id); s) return s;
    if (!value) return null_argument(kFn, "value");
    if (fz_status s = check_out_struct(kFn, "value", "fz_value", value, FZ_VALUE_MIN_SIZE); s) {
      return s;
    }
    size_t at = 0;
    if (fz_status s = metric_at(kFn, report, metric_id, at); s) return s;
    const fazhi::MetricFigure& m = report->report.metrics[at];
    const MetricExtras& x = report->extras[at];
    const CatalogueText& cat = catalogue_text()[at];
    fz_value v = FZ_VALUE_INIT;
    v.kind = static_cast<int32_t>(m.value.kind);
    v.integer = integer_of(m.value);
    v.num = x.value.num;
    v.den = x.value.den;
    v.text = m.text.c_str();
    v.decimal = m.decimal.c_str();
    v.has_previous = m.has_previous ? 1 : 0;
    v.previous_kind = m.has_previous ? static_cast<int32_t>(m.previous.kind) : FZ_VALUE_UNDEFINED;
    v.has_yoy = m.yoy.defined() ? 1 : 0;
    v.metric_kind = static_cast<int32_t>(m.info->kind);
    v.previous_integer = m.has_previous ? integer_of(m.previous) : 0;
    v.previous_num = x.previous.num;
    v.previous_den = x.previous.den;
    v.previous_text = m.previous_text.c_str();
    v.previous_decimal = m.previous_decimal.c_str();
    v.yoy_num = x.yoy.num;
    v.yoy_den = x.yoy.den;
    v.yoy_text = m.yoy_text.c_str();
    v.yoy_decimal = m.yoy_decimal.c_str();
    v.id = cat.id.c_str();
    v.label = cat.label.c_str();
    v.unit = cat.unit.c_str();
    v.basis = m.basis.c_str();
    v.reason = m.value.reason.c_str();
    v.num_text = x.value.num_text.c_str();
    v.den_text = x.value.den_text.c_str();
    v.previous_num_text = x.previous.num_text.c_str();
    v.previous_den_text = x.previous.den_text.c_str();
    v.yoy_num_text = x.yoy.num_text.c_str();
    v.yoy_den_text = x.yoy.den_text.c_str();
    write_struct(value, v);
    if (!x.value.fits || !x.previous.fits || !x.yoy.fits) {
      return set_error(FZ_OUT_OF_RANGE,
                       absl::StrCat(kFn, ": '", metric_id,
                                    "' has a numerator or denominator beyond int64; its exact "
                                    "value is in the *_num_text / *_den_text strings"));
    }
    return clear_error();
  });
}

fz_status fz_report_get_change(const fz_report* report, const char* metric_id, int32_t comparison,
                               fz_change* change) {
  constexpr const char* kFn = "fz_report_get_change";
  return guard([&] {
    if (!report) return null_argument(kFn, "report");
    if (fz_status s = text_argument(kFn, "metric_id", metric_id); s) return s;
    if (comparison != FZ_COMPARE_YEAR_AGO && comparison != FZ_COMPARE_SEQUENTIAL) {
      return invalid(kFn, absl::StrCat("comparison is ", comparison,
                                       ": FZ_COMPARE_YEAR_AGO or FZ_COMPARE_SEQUENTIAL"));
    }
    if (!change) return null_argument(kFn, "change");
    if (fz_status s = check_out_struct(kFn, "change", "fz_change", change, FZ_CHANGE_MIN_SIZE); s) {
      return s;
    }
    size_t at = 0;
    if (fz_status s = metric_at(kFn, report, metric_id, at); s) return s;
    const fazhi::MetricFigure& m = report->report.metrics[at];
    const MetricExtras& x = report->extras[at];
    // The year-ago comparison lives in MetricFigure's own fields.
    const bool year_ago = comparison == FZ_COMPARE_YEAR_AGO;
    const bool has_previous = year_ago ? m.has_previous : m.sequential.has_previous;
    const fazhi::Value& previous = year_ago ? m.previous : m.sequential.previous;
    const fazhi::Fraction& delta = year_ago ? m.yoy : m.sequential.change;
    const fazhi::Fraction& points = year_ago ? m.yoy_pp : m.sequential.change_pp;
    const ExactFigure& xp = year_ago ? x.previous : x.sequential_previous;
    const ExactFigure& xc = year_ago ? x.yoy : x.sequential_change;
    const ExactFigure& xpp = year_ago ? x.yoy_pp : x.sequential_pp;
    fz_change c = FZ_CHANGE_INIT;
    c.comparison = comparison;
    c.has_previous = has_previous ? 1 : 0;
    c.previous_kind = has_previous ? static_cast<int32_t>(previous.kind) : FZ_VALUE_UNDEFINED;
    c.previous_integer = has_previous ? integer_of(previous) : 0;
    c.previous_num = xp.num;
    c.previous_den = xp.den;
    c.previous_text = (year_ago ? m.previous_text : m.sequential.previous_text).c_str();
    c.previous_decimal = (year_ago ? m.previous_decimal : m.sequential.previous_decimal).c_str();
    c.has_change = delta.defined() ? 1 : 0;
    c.has_change_pp = points.defined() ? 1 : 0;
    c.change_num = xc.num;
    c.change_den = xc.den;
    c.change_text = (year_ago ? m.yoy_text : m.sequential.change_text).c_str();
    c.change_decimal = (year_ago ? m.yoy_decimal : m.sequential.change_decimal).c_str();
    c.change_pp_num = xpp.num;
    c.change_pp_den = xpp.den;
    c.change_pp_text = (year_ago ? m.yoy_pp_text : m.sequential.change_pp_text).c_str();
    c.change_pp_decimal = (year_ago ? m.yoy_pp_decimal : m.sequential.change_pp_decimal).c_str();
    c.previous_num_text = xp.num_text.c_str();
    c.previous_den_text = xp.den_text.c_str();
    c.change_num_text = xc.num_text.c_str();
    c.change_den_text = xc.den_text.c_str();
    c.change_pp_num_text = xpp.num_text.c_str();
    c.change_pp_den_text = xpp.den_text.c_str();
    write_struct(change, c);
    if (!xp.fits || !xc.fits || !xpp.fits) {
      return set_error(FZ_OUT_OF_RANGE,
                       absl::StrCat(kFn, ": '", metric_id,
                                    "' has a numerator or denominator beyond int64; its exact "
                                    "value is in the *_num_text / *_den_text strings"));
    }
    return clear_error();
  });
}

fz_status fz_report_sequential_period(const fz_report* report, int32_t* has, char from[11], char to[11]) {
  constexpr const char* kFn = "fz_report_sequential_period";
  return guard([&] {
    if (!report) return null_argument(kFn, "report");
    if (!has) return null_argument(kFn, "has");
    const std::optional<fazhi::Period>& p = report->report.sequential_period;
    *has = p ? 1 : 0;
    if (p) {
      write_day(p->from, from);
      write_day(p->to, to);
    }
    return clear_error();
  });
}

fz_status fz_report_to_json(const fz_report* report, char** json, size_t* len) {
  constexpr const char* kFn = "fz_report_to_json";
  return guard([&] {
    clear_string_out(json, len);
    if (!report) return null_argument(kFn, "report");
    if (!json) return null_argument(kFn, "json");
    return give_string(fazhi::to_json(report->report), json, len);
  });
}

fz_status fz_report_narrative(const fz_report* report, char** text, size_t* len) {
  constexpr const char* kFn = "fz_report_narrative";
  return guard([&] {
    clear_string_out(text, len);
    if (!report) return null_argument(kFn, "report");
    if (!text) return null_argument(kFn, "text");
    return give_string(fazhi::render_narrative(report->report), text, len);
  });
}

fz_status fz_report_compute_all(fz_report_list** out, const fz_dataset* ds, const char* from,
                                const char* to, const fz_report_options* options) {
  constexpr const char* kFn = "fz_report_compute_all";
  return guard([&] {
    if (!out) return null_argument(kFn, "out");
    *out = nullptr;
    if (!ds) return null_argument(kFn, "ds");
    fazhi::Period period;
    if (fz_status s = period_arguments(kFn, from, to, period); s) return s;
    fazhi::Profile profile;
    const fazhi::Calendar* calendar = nullptr;
    if (fz_status s = read_report_options(kFn, options, profile, calendar); s) return s;
    absl::StatusOr<std::vector<fazhi::Report>> all =
        fazhi::compute_all_reports(ds->ds, period, profile, *calendar);
    if (!all.ok()) return from_status(all.status());
    auto list = std::make_unique<fz_report_list>();
    list->reports.reserve(all->size());
    for (fazhi::Report& r : *all) list->reports.emplace_back(new_report(std::move(r)));
    *out = list.release();
    return clear_error();
  });
}

fz_status fz_report_list_count(const fz_report_list* list, int32_t* out) {
  constexpr const char* kFn = "fz_report_list_count";
  return guard([&] {
    if (!list) return null_argument(kFn, "list");
    if (!out) return null_argument(kFn, "out");
    *out = static_cast<int32_t>(list->reports.size());
    return clear_error();
  });
}

fz_status fz_report_list_get(const fz_report_list* list, int32_t index, const fz_report** report) {
  constexpr const char* kFn = "fz_report_list_get";
  return guard([&] {
    if (report) *report = nullptr;
    if (!list) return null_argument(kFn, "list");
    if (!report) return null_argument(kFn, "report");
    if (fz_status s = index_argument(kFn, index, list->reports.size()); s) return s;
    *report = list->reports[static_cast<size_t>(index)].get();
    return clear_error();
  });
}

void fz_report_list_free(fz_report_list* list) { delete list; }

}  // extern "C"
