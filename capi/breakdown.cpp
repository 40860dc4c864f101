// The C ABI's breakdowns, series and cross-tables (fazhi.h, "Breakdowns",
// "Series and cross-tables"): handles over one fazhi::Breakdown, Series or
// CrossTable, their rows, points and cells as structs, and their JSON. One
// file because the three share the row struct and its exact values. No logic
// of its own: the rows, shares, changes and texts are the core's.
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "fazhi.h"
#include "fazhi/breakdown.hpp"
#include "fazhi/region.hpp"
#include "internal.hpp"

namespace {

// RowText holds the strings a row lends out, NUL-terminated, for the life of
// the handle.
struct RowText {
  std::optional<std::string> key;
  std::string label, text, change_text;
};

}  // namespace

struct fz_breakdown {
  fazhi::Breakdown b;
  std::string metric, by, label;
  std::vector<RowText> texts;  // by row
  RowText total_text;
};

// PointText holds the strings a series point lends out.
struct PointText {
  std::string from, to, text, previous_text;
};

struct fz_series {
  fazhi::Series s;
  std::string metric, label, unit;
  std::vector<PointText> texts;  // by point
};

struct fz_cross_table {
  fazhi::CrossTable t;
  std::string metric, rows_by, columns_by;
  std::vector<RowText> row_texts, column_texts;
  std::vector<std::vector<std::string>> cell_texts;
  std::string total_text;
};

namespace {

using namespace fazhi::capi;

// FractionPair is an exact fraction as two int64 (0/0 when undefined or too
// large for int64: the JSON keeps it exact).
struct FractionPair {
  int64_t num = 0, den = 0;
};

FractionPair pair_of(const fazhi::Fraction& f) {
  if (!f.defined()) return {};
  const fazhi::BigInt lo = std::numeric_limits<int64_t>::min(), hi = std::numeric_limits<int64_t>::max();
  if (f.num() < lo || f.num() > hi || f.den() < lo || f.den() > hi) return {};
  return {static_cast<int64_t>(f.num()), static_cast<int64_t>(f.den())};
}

// value_fields gives a value's kind, integer and num/den as fz_breakdown_row has them.
void value_fields(const fazhi::Value& v, int32_t& kind, int64_t& value, int64_t& num, int64_t& den) {
  kind = FZ_VALUE_UNDEFINED;
  value = num = den = 0;
  if (!v.defined()) return;
  if (v.kind == fazhi::ValueKind::kCount) {
    kind = FZ_VALUE_COUNT;
    value = num = v.integer;
    den = 1;
  } else {
    kind = FZ_VALUE_FRACTION;
    num = v.num;
    den = v.den;
  }
}

std::unique_ptr<fz_breakdown> new_breakdown(fazhi::Breakdown b) {
  auto h = std::make_unique<fz_breakdown>();
  h->b = std::move(b);
  h->metric = std::string(h->b.metric->id);
  h->by = std::string(h->b.dimension.name);
  h->label = std::string(h->b.dimension.label);
  for (const fazhi::BreakdownRow& r : h->b.rows) {
    h->texts.push_back({r.key, r.label, fazhi::breakdown_row_text(h->b, r), fazhi::breakdown_change_text(r)});
  }
  const fazhi::BreakdownRow total = fazhi::total_row(h->b);
  h->total_text = {std::nullopt, total.label, fazhi::breakdown_value_text(h->b, total.value),
                   fazhi::breakdown_change_text(total)};
  return h;
}

// Arguments are what every compute here reads first.
struct Arguments {
  fazhi::RegionCode region = fazhi::kNational;
  fazhi::Period period;
  fazhi::Profile profile;
  const fazhi::Calendar* calendar = nullptr;
};

fz_status read_arguments(const char* fn, const fz_dataset* ds, const char* region, const char* from,
                         const char* to, const char* metric, const fz_report_options* options, Arguments& a) {
  if (!ds) return null_argument(fn, "ds");
  if (fz_status s = text_argument(fn, "region", region); s) return s;
  if (fz_status s = text_argument(fn, "metric", metric); s) return s;
  if (std::string_view(region) != "000000") {
    absl::StatusOr<fazhi::RegionCode> parsed = fazhi::RegionCode::parse(region);
    if (!parsed.ok()) return from_status_in(fn, "region", parsed.status());
    a.region = *parsed;
  }
  if (fz_status s = period_arguments(fn, from, to, a.period); s) return s;
  return read_report_options(fn, options, a.profile, a.calendar);
}

// value_text is a value as the tables print it ("47 件", "93.75%", "—").
std::string value_text(const fazhi::MetricInfo* metric, const fazhi::Value& v) {
  fazhi::Breakdown b;
  b.metric = metric;
  return fazhi::breakdown_value_text(b, v);
}

fz_breakdown_row row_of(const fazhi::BreakdownRow& r, const RowText& t) {
  fz_breakdown_row out = FZ_BREAKDOWN_ROW_INIT;
  value_fields(r.value, out.kind, out.value, out.num, out.den);
  value_fields(r.previous, out.previous_kind, out.previous, out.previous_num, out.previous_den);
  out.key = t.key ? t.key->c_str() : nullptr;
  out.label = t.label.c_str();
  out.rank = static_cast<int32_t>(std::min<int64_t>(r.rank, std::numeric_limits<int32_t>::max()));
  const FractionPair share = pair_of(r.share), change = pair_of(r.change), pp = pair_of(r.change_pp);
  out.share_num = share.num;
  out.share_den = share.den;
  out.change_num = change.num;
  out.change_den = change.den;
  out.change_pp_num = pp.num;
  out.change_pp_den = pp.den;
  out.text = t.text.c_str();
  out.change_text = t.change_text.c_str();
  return out;
}

}  // namespace

extern "C" {

fz_status fz_breakdown_compute(fz_breakdown** out, const fz_dataset* ds, const char* region, const char* from,
                               const char* to, const char* metric, const char* by,
                               const fz_report_options* options) {
  constexpr const char* kFn = "fz_breakdown_compute";
  return guard([&] {
    if (!out) return null_argument(kFn, "out");
    *out = nullptr;
    Arguments a;
    if (fz_status s = read_arguments(kFn, ds, region, from, to, metric, options, a); s) return s;
    if (fz_status s = text_argument(kFn, "by", by); s) return s;
    absl::StatusOr<fazhi::Breakdown> b =
        fazhi::compute_breakdown(ds->ds, a.region, a.period, metric, by, a.profile, *a.calendar);
    if (!b.ok()) return from_status_in(kFn, "metric/by", b.status());
    *out = new_breakdown(*std::move(b)).release();
    return clear_error();
  });
}

void fz_breakdown_free(fz_breakdown* breakdown) { delete breakdown; }

fz_status fz_breakdown_fold(const fz_breakdown* breakdown, int32_t keep, fz_breakdown** out) {
  constexpr const char* kFn = "fz_breakdown_fold";
  return guard([&] {
    if (!out) return null_argument(kFn, "out");
    *out = nullptr;
    if (!breakdown) return null_argument(kFn, "breakdown");
    if (keep < 1) return invalid(kFn, absl::StrCat("keep is ", keep, ", not 1 or more"));
    fazhi::Breakdown b = breakdown->b;
    fazhi::fold_rows(b, static_cast<size_t>(keep));
    *out = new_breakdown(std::move(b)).release();
    return clear_error();
  });
}

fz_status fz_breakdown_info(const fz_breakdown* breakdown, const char** metric, const char** by, const char** label,
                            int32_t* additive) {
  constexpr const char* kFn = "fz_breakdown_info";
  return guard([&] {
    if (!breakdown) return null_argument(kFn, "breakdown");
    if (metric) *metric = breakdown->metric.c_str();
    if (by) *by = breakdown->by.c_str();
    if (label) *label = breakdown->label.c_str();
    if (additive) *additive = breakdown->b.additive ? 1 : 0;
    return clear_error();
  });
}

fz_status fz_breakdown_row_count(const fz_breakdown* breakdown, int32_t* out) {
  constexpr const char* kFn = "fz_breakdown_row_count";
  return guard([&] {
    if (!breakdown) return null_argument(kFn, "breakdown");
    if (!out) return null_argument(kFn, "out");
    *out = static_cast<int32_t>(breakdown->b.rows.size());
    return clear_error();
  });
}

fz_status fz_breakdown_row_get(const fz_breakdown* breakdown, int32_t index, fz_breakdown_row* row) {
  constexpr const char* kFn = "fz_breakdown_row_get";
  return guard([&] {
    if (!breakdown) return null_argument(kFn, "breakdown");
    if (!row) return null_argument(kFn, "row");
    if (fz_status s = check_out_struct(kFn, "row", "fz_breakdown_row", row, FZ_BREAKDOWN_ROW_MIN_SIZE); s) return s;
    if (fz_status s = index_argument(kFn, index, breakdown->b.rows.size()); s) return s;
    const auto i = static_cast<size_t>(index);
    write_struct(row, row_of(breakdown->b.rows[i], breakdown->texts[i]));
    return clear_error();
  });
}

fz_status fz_breakdown_total(const fz_breakdown* breakdown, fz_breakdown_row* total) {
  constexpr const char* kFn = "fz_breakdown_total";
  return guard([&] {
    if (!breakdown) return null_argument(kFn, "breakdown");
    if (!total) return null_argument(kFn, "total");
    if (fz_status s = check_out_struct(kFn, "total", "fz_breakdown_row", total, FZ_BREAKDOWN_ROW_MIN_SIZE); s) {
      return s;
    }
    write_struct(total, row_of(fazhi::total_row(breakdown->b), breakdown->total_text));
    return clear_error();
  });
}

fz_status fz_breakdown_to_json(const fz_breakdown* breakdown, char** json, size_t* len) {
  constexpr const char* kFn = "fz_breakdown_to_json";
  return guard([&] {
    clear_string_out(json, len);
    if (!breakdown) return null_argument(kFn, "breakdown");
    if (!json) return null_argument(kFn, "json");
    return give_string(fazhi::to_json(breakdown->b), json, len);
  });
}

// ---- Series ----

fz_status fz_series_compute(fz_series** out, const fz_dataset* ds, const char* region, const char* from,
                            const char* to, const char* metric, const char* by, const fz_report_options* options) {
  constexpr const char* kFn = "fz_series_compute";
  return guard([&] {
    if (!out) return null_argument(kFn, "out");
    *out = nullptr;
    Arguments a;
    if (fz_status s = read_arguments(kFn, ds, region, from, to, metric, options, a); s) return s;
    if (by) {
      if (fz_status s = text_argument(kFn, "by", by); s) return s;
    }
    absl::StatusOr<fazhi::Series> series =
        fazhi::compute_series(ds->ds, a.region, a.period, metric, by ? by : "month", a.profile, *a.calendar);
    if (!series.ok()) return from_status_in(kFn, "metric/by", series.status());
    auto h = std::make_unique<fz_series>();
    h->s = *std::move(series);
    h->metric = std::string(h->s.metric->id);
    h->label = std::string(h->s.metric->label);
    h->unit = std::string(h->s.metric->unit);
    for (const fazhi::SeriesPoint& p : h->s.points) {
      h->texts.push_back({fazhi::format_iso_day(p.days.from), fazhi::format_iso_day(p.days.to),
                          value_text(h->s.metric, p.value), value_text(h->s.metric, p.previous)});
    }
    *out = h.release();
    return clear_error();
  });
}

void fz_series_free(fz_series* series) { delete series; }

fz_status fz_series_info(const fz_series* series, const char** metric, const char** by, const char** label,
                         const char** unit) {
  constexpr const char* kFn = "fz_series_info";
  return guard([&] {
    if (!series) return null_argument(kFn, "series");
    if (metric) *metric = series->metric.c_str();
    if (by) *by = series->s.by.c_str();
    if (label) *label = series->label.c_str();
    if (unit) *unit = series->unit.c_str();
    return clear_error();
  });
}

fz_status fz_series_point_count(const fz_series* series, int32_t* out) {
  constexpr const char* kFn = "fz_series_point_count";
  return guard([&] {
    if (!series) return null_argument(kFn, "series");
    if (!out) return null_argument(kFn, "out");
    *out = static_cast<int32_t>(series->s.points.size());
    return clear_error();
  });
}

fz_status fz_series_point_get(const fz_series* series, int32_t index, fz_series_point* point) {
  constexpr const char* kFn = "fz_series_point_get";
  return guard([&] {
    if (!series) return null_argument(kFn, "series");
    if (!point) return null_argument(kFn, "point");
    if (fz_status s = check_out_struct(kFn, "point", "fz_series_point", point, FZ_SERIES_POINT_MIN_SIZE); s) {
      return s;
    }
    if (fz_status s = index_argument(kFn, index, series->s.points.size()); s) return s;
    const auto i = static_cast<size_t>(index);
    const fazhi::SeriesPoint& p = series->s.points[i];
    const PointText& t = series->texts[i];
    fz_series_point full = FZ_SERIES_POINT_INIT;
    value_fields(p.value, full.kind, full.value, full.num, full.den);
    value_fields(p.previous, full.previous_kind, full.previous, full.previous_num, full.previous_den);
    full.period = p.period.c_str();
    full.from = t.from.c_str();
    full.to = t.to.c_str();
    full.text = t.text.c_str();
    full.previous_text = t.previous_text.c_str();
    write_struct(point, full);
    return clear_error();
  });
}

fz_status fz_series_to_json(const fz_series* series, char** json, size_t* len) {
  constexpr const char* kFn = "fz_series_to_json";
  return guard([&] {
    clear_string_out(json, len);
    if (!series) return null_argument(kFn, "series");
    if (!json) return null_argument(kFn, "json");
    return give_string(fazhi::to_json(series->s), json, len);
  });
}

// ---- Cross-tables ----

fz_status fz_cross_table_compute(fz_cross_table** out, const fz_dataset* ds, const char* region, const char* from,
                                 const char* to, const char* metric, const char* rows_by, const char* columns_by,
                                 const fz_report_options* options) {
  constexpr const char* kFn = "fz_cross_table_compute";
  return guard([&] {
    if (!out) return null_argument(kFn, "out");
    *out = nullptr;
    Arguments a;
    if (fz_status s = read_arguments(kFn, ds, region, from, to, metric, options, a); s) return s;
    if (fz_status s = text_argument(kFn, "rows_by", rows_by); s) return s;
    if (fz_status s = text_argument(kFn, "columns_by", columns_by); s) return s;
    absl::StatusOr<fazhi::CrossTable> t = fazhi::compute_cross_table(ds->ds, a.region, a.period, metric, rows_by,
                                                                     columns_by, a.profile, *a.calendar);
    if (!t.ok()) return from_status_in(kFn, "metric/rows_by/columns_by", t.status());
    auto h = std::make_unique<fz_cross_table>();
    h->t = *std::move(t);
    h->metric = std::string(h->t.metric->id);
    h->rows_by = std::string(h->t.rows_dimension.name);
    h->columns_by = std::string(h->t.columns_dimension.name);
    fazhi::Breakdown margin;  // the metric, for the texts of the margins
    margin.metric = h->t.metric;
    for (const fazhi::BreakdownRow& r : h->t.rows) {
      h->row_texts.push_back({r.key, r.label, fazhi::breakdown_row_text(margin, r), fazhi::breakdown_change_text(r)});
    }
    for (const fazhi::BreakdownRow& r : h->t.columns) {
      h->column_texts.push_back({r.key, r.label, fazhi::breakdown_row_text(margin, r), fazhi::breakdown_change_text(r)});
    }
    for (const std::vector<fazhi::Value>& row : h->t.cells) {
      std::vector<std::string> texts;
      for (const fazhi::Value& v : row) texts.push_back(value_text(h->t.metric, v));
      h->cell_texts.push_back(std::move(texts));
    }
    h->total_text = value_text(h->t.metric, h->t.total);
    *out = h.release();
    return clear_error();
  });
}

void fz_cross_table_free(fz_cross_table* table) { delete table; }

fz_status fz_cross_table_info(const fz_cross_table* table, const char** metric, const char** rows_by,
                              const char** columns_by) {
  constexpr const char* kFn = "fz_cross_table_info";
  return guard([&] {
    if (!table) return null_argument(kFn, "table");
    if (metric) *metric = table->metric.c_str();
    if (rows_by) *rows_by = table->rows_by.c_str();
    if (columns_by) *columns_by = table->columns_by.c_str();
    return clear_error();
  });
}

fz_status fz_cross_table_size(const fz_cross_table* table, int32_t* rows, int32_t* columns) {
  constexpr const char* kFn = "fz_cross_table_size";
  return guard([&] {
    if (!table) return null_argument(kFn, "table");
    if (rows) *rows = static_cast<int32_t>(table->t.rows.size());
    if (columns) *columns = static_cast<int32_t>(table->t.columns.size());
    return clear_error();
  });
}

}  // extern "C"

namespace {

// margin_get is fz_cross_table_row and _column: one margin row by index.
fz_status margin_get(const char* fn, const fz_cross_table* table, bool rows, int32_t index, fz_breakdown_row* out) {
  if (!table) return null_argument(fn, "table");
  if (!out) return null_argument(fn, rows ? "row" : "column");
  if (fz_status s = check_out_struct(fn, rows ? "row" : "column", "fz_breakdown_row", out, FZ_BREAKDOWN_ROW_MIN_SIZE);
      s) {
    return s;
  }
  const std::vector<fazhi::BreakdownRow>& margin = rows ? table->t.rows : table->t.columns;
  if (fz_status s = index_argument(fn, index, margin.size()); s) return s;
  const auto i = static_cast<size_t>(index);
  write_struct(out, row_of(margin[i], rows ? table->row_texts[i] : table->column_texts[i]));
  return clear_error();
}

fz_cross_cell cell_of(const fazhi::Value& v, const std::string& text) {
  fz_cross_cell c = FZ_CROSS_CELL_INIT;
  value_fields(v, c.kind, c.value, c.num, c.den);
  c.text = text.c_str();
  return c;
}

}  // namespace

extern "C" {

fz_status fz_cross_table_row(const fz_cross_table* table, int32_t index, fz_breakdown_row* row) {
  return guard([&] { return margin_get("fz_cross_table_row", table, true, index, row); });
}

fz_status fz_cross_table_column(const fz_cross_table* table, int32_t index, fz_breakdown_row* column) {
  return guard([&] { return margin_get("fz_cross_table_column", table, false, index, column); });
}

fz_status fz_cross_table_cell(const fz_cross_table* table, int32_t row, int32_t column, fz_cross_cell* cell) {
  constexpr const char* kFn = "fz_cross_table_cell";
  return guard([&] {
    if (!table) return null_argument(kFn, "table");
    if (!cell) return null_argument(kFn, "cell");
    if (fz_status s = check_out_struct(kFn, "cell", "fz_cross_cell", cell, FZ_CROSS_CELL_MIN_SIZE); s) return s;
    if (fz_status s = index_argument(kFn, row, table->t.rows.size()); s) return s;
    if (fz_status s = index_argument(kFn, column, table->t.columns.size()); s) return s;
    const auto i = static_cast<size_t>(row), j = static_cast<size_t>(column);
    write_struct(cell, cell_of(table->t.cells[i][j], table->cell_texts[i][j]));
    return clear_error();
  });
}

fz_status fz_cross_table_total(const fz_cross_table* table, fz_cross_cell* total) {
  constexpr const char* kFn = "fz_cross_table_total";
  return guard([&] {
    if (!table) return null_argument(kFn, "table");
    if (!total) return null_argument(kFn, "total");
    if (fz_status s = check_out_struct(kFn, "total", "fz_cross_cell", total, FZ_CROSS_CELL_MIN_SIZE); s) return s;
    write_struct(total, cell_of(table->t.total, table->total_text));
    return clear_error();
  });
}

fz_status fz_cross_table_to_json(const fz_cross_table* table, char** json, size_t* len) {
  constexpr const char* kFn = "fz_cross_table_to_json";
  return guard([&] {
    clear_string_out(json, len);
    if (!table) return null_argument(kFn, "table");
    if (!json) return null_argument(kFn, "json");
    return give_string(fazhi::to_json(table->t), json, len);
  });
}

}  // extern "C"
