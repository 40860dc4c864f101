// The report as a document: the public entries of fazhi/report.hpp. A
// Report is assembled by metrics/ (report_assembly.hpp), then its narrative
// written (narrative.hpp), and it is rendered here as JSON (one region, or
// every region streamed in batches); the documents for people (text and
// Markdown tables, the comparison of regions) are table.cpp's.

#include "fazhi/report.hpp"

#include <algorithm>
#include <limits>

#include "absl/strings/str_cat.h"
#include "fazhi/text.hpp"
#include "fazhi/tally.hpp"
#include "metrics/portable.hpp"
#include "metrics/report_assembly.hpp"
#include "metrics/report_tables.hpp"
#include "platform/parallel.hpp"
#include "render/breakdown_json.hpp"
#include "render/json_writer.hpp"
#include "render/narrative.hpp"

namespace fazhi {
namespace {

using internal::Compared;
using internal::JsonWriter;
using internal::MetricStyle;

// check_profile refuses a profile naming a metric or a narrative sentence
// that does not exist.
absl::Status check_profile(const Profile& profile) {
  if (absl::Status s = internal::check_metric_presentations(profile); !s.ok()) return s;
  for (const std::string& id : profile.narrative_omit) {
    if (!internal::is_narrative_sentence(id)) {
      return absl::InvalidArgumentError(absl::StrCat("profile: no narrative sentence '", id, "'"));
    }
  }
  return absl::OkStatus();
}

// tally_tables is the source of a tally's tables: the groups it carries,
// made into tables by the code that makes them from records. A breakdown by
// a date dimension, which no group holds, is left out.
std::unique_ptr<internal::TableSource> tally_tables(const Tally& tally, const internal::ReportSource& source,
                                                    const Profile& profile) {
  return internal::grouped_tables(internal::table_groups_of(tally.data()), source.name, profile, nullptr);
}

// report_of is the Report of region i with its narrative.
Report report_of(Compared& fig, size_t i, const internal::ReportSource& source, const Profile& profile,
                 const std::vector<MetricStyle>& styles, const internal::TableSource& tables) {
  Report r = internal::assemble(fig, i, source, profile, styles);
  internal::fill_tables(r, profile, tables);
  r.narrative = internal::write_narrative(r, profile);
  return r;
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
  w.key("breakdowns");
  w.begin_array();
  for (const Breakdown& b : r.breakdowns) internal::write_breakdown(w, b, true);
  w.end_array();
  w.key("series");
  w.begin_array();
  for (const Series& s : r.series) internal::write_series(w, s, true);
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

absl::StatusOr<Report> compute_report(const Dataset& ds, RegionCode region, Period period,
                                      const Profile& profile, const Calendar& calendar) {
  if (absl::Status s = check_profile(profile); !s.ok()) return s;
  absl::StatusOr<Compared> fig = internal::compute_compared(ds, period, profile, calendar);
  if (!fig.ok()) return fig.status();
  for (size_t i = 0; i < fig->year_ago.regions.size(); ++i) {
    if (fig->year_ago.regions[i].code == region) {
      return report_of(*fig, i, internal::source_of(ds), profile, internal::styles_of(profile),
                       *internal::dataset_tables(ds, profile, calendar));
    }
  }
  return absl::NotFoundError(
      absl::StrCat("no records for region ", region.str(), " or any region inside it"));
}

absl::StatusOr<std::vector<Report>> compute_all_reports(const Dataset& ds, Period period,
                                                        const Profile& profile,
                                                        const Calendar& calendar) {
  if (absl::Status s = check_profile(profile); !s.ok()) return s;
  absl::StatusOr<Compared> fig = internal::compute_compared(ds, period, profile, calendar);
  if (!fig.ok()) return fig.status();
  const std::vector<MetricStyle> styles = internal::styles_of(profile);
  std::vector<Report> out;
  out.reserve(fig->year_ago.regions.size());
  const internal::ReportSource source = internal::source_of(ds);
  const std::unique_ptr<internal::TableSource> tables = internal::all_region_tables(ds, period, profile, calendar, 0);
  for (size_t i = 0; i < fig->year_ago.regions.size(); ++i) {
    out.push_back(report_of(*fig, i, source, profile, styles, *tables));
  }
  return out;
}

absl::StatusOr<Report> compute_report(const Tally& tally, RegionCode region, const Profile& profile) {
  if (absl::Status s = check_profile(profile); !s.ok()) return s;
  const bool national = region == RegionCode();
  absl::StatusOr<Compared> fig = internal::compared_from_tally(tally.data(), profile, national, 1);
  if (!fig.ok()) return fig.status();
  for (size_t i = 0; i < fig->year_ago.regions.size(); ++i) {
    if (fig->year_ago.regions[i].code == region) {
      const internal::ReportSource source = internal::source_of_tally(tally.data());
      return report_of(*fig, i, source, profile, internal::styles_of(profile), *tally_tables(tally, source, profile));
    }
  }
  return absl::NotFoundError(absl::StrCat("the tally counts no records for region ", region.str(),
                                          " or any region inside it"));
}

absl::StatusOr<std::vector<Report>> compute_all_reports(const Tally& tally, const Profile& profile) {
  if (absl::Status s = check_profile(profile); !s.ok()) return s;
  absl::StatusOr<Compared> fig = internal::compared_from_tally(tally.data(), profile, false, 1);
  if (!fig.ok()) return fig.status();
  const std::vector<MetricStyle> styles = internal::styles_of(profile);
  const internal::ReportSource source = internal::source_of_tally(tally.data());
  const std::unique_ptr<internal::TableSource> tables = tally_tables(tally, source, profile);
  std::vector<Report> out;
  out.reserve(fig->year_ago.regions.size());
  for (size_t i = 0; i < fig->year_ago.regions.size(); ++i) {
    out.push_back(report_of(*fig, i, source, profile, styles, *tables));
  }
  return out;
}

absl::Status write_all_reports_json(const Dataset& ds, Period period, const Profile& profile,
                                    const Calendar& calendar,
                                    const std::function<void(std::string_view)>& sink,
                                    int threads) {
  if (absl::Status s = check_profile(profile); !s.ok()) return s;
  const int workers = internal::resolve_threads(threads);
  absl::StatusOr<Compared> fig = internal::compute_compared(ds, period, profile, calendar, workers);
  if (!fig.ok()) return fig.status();
  const std::vector<MetricStyle> styles = internal::styles_of(profile);
  const internal::ReportSource source = internal::source_of(ds);
  const std::unique_ptr<internal::TableSource> tables =
      internal::all_region_tables(ds, period, profile, calendar, workers);
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
        write_report(w, report_of(*fig, i, source, profile, styles, *tables));
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
