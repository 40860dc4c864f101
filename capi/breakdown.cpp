// The C ABI's breakdowns (fazhi.h, "Breakdowns"): a handle over one
// fazhi::Breakdown, its rows as fz_breakdown_row structs and its JSON. No
// logic of its own: the rows, shares, changes and texts are the core's.
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
    if (!ds) return null_argument(kFn, "ds");
    if (fz_status s = text_argument(kFn, "region", region); s) return s;
    if (fz_status s = text_argument(kFn, "metric", metric); s) return s;
    if (fz_status s = text_argument(kFn, "by", by); s) return s;
    fazhi::RegionCode code = fazhi::kNational;
    if (std::string_view(region) != "000000") {
      absl::StatusOr<fazhi::RegionCode> parsed = fazhi::RegionCode::parse(region);
      if (!parsed.ok()) return from_status_in(kFn, "region", parsed.status());
      code = *parsed;
    }
    fazhi::Period period;
    if (fz_status s = period_arguments(kFn, from, to, period); s) return s;
    fazhi::Profile profile;
    const fazhi::Calendar* calendar = nullptr;
    if (fz_status s = read_report_options(kFn, options, profile, calendar); s) return s;
    absl::StatusOr<fazhi::Breakdown> b =
        fazhi::compute_breakdown(ds->ds, code, period, metric, by, profile, *calendar);
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

}  // extern "C"
