// The C ABI of case lists, follow-up lists and department tables
// (fazhi.h, "Case lists"): a list is a handle that owns its records' text
// (the id, the region, the reason and the columns as JSON), so it outlives
// the dataset and reads are const and thread-safe.
#include <string>
#include <vector>

#include "fazhi/cases.hpp"
#include "fazhi/departments.hpp"
#include "internal.hpp"
#include "nlohmann/json.hpp"

struct fz_case_list {
  std::vector<fz_case> cases;  // pointing into the strings below
  std::vector<std::string> ids, regions, reasons, columns;
  std::string json, csv;
};

namespace {

using fazhi::capi::check_out_struct;
using fazhi::capi::clear_error;
using fazhi::capi::clear_string_out;
using fazhi::capi::from_status;
using fazhi::capi::from_status_in;
using fazhi::capi::give_string;
using fazhi::capi::guard;
using fazhi::capi::index_argument;
using fazhi::capi::invalid;
using fazhi::capi::null_argument;
using fazhi::capi::period_arguments;
using fazhi::capi::read_report_options;
using fazhi::capi::text_argument;
using fazhi::capi::write_struct;

// Arguments are what every entry point here reads before it computes.
struct Arguments {
  fazhi::RegionCode region;
  fazhi::Period period;
  fazhi::Profile profile;
  const fazhi::Calendar* calendar = nullptr;
};

fz_status read_arguments(const char* fn, const fz_dataset* ds, const char* region, const char* from, const char* to,
                         const fz_report_options* options, Arguments& a) {
  if (!ds) return null_argument(fn, "ds");
  if (fz_status s = text_argument(fn, "region", region); s) return s;
  absl::StatusOr<fazhi::RegionCode> code = fazhi::RegionCode::parse(region);
  if (!code.ok()) return from_status_in(fn, "region", code.status());
  a.region = *code;
  if (fz_status s = period_arguments(fn, from, to, a.period); s) return s;
  return read_report_options(fn, options, a.profile, a.calendar);
}

// new_list copies a core list into a handle, with the records' columns and
// the renderings, which need the dataset.
fz_case_list* new_list(const fazhi::CaseList& l, const fazhi::Dataset& ds) {
  auto out = std::make_unique<fz_case_list>();
  const size_t n = l.cases.size();
  out->ids.reserve(n);
  out->regions.reserve(n);
  out->reasons.reserve(n);
  out->columns.reserve(n);
  for (const fazhi::CaseEntry& c : l.cases) {
    out->ids.push_back(c.case_id);
    out->regions.push_back(c.region.str());
    out->reasons.push_back(c.reason);
    nlohmann::ordered_json columns = nlohmann::ordered_json::object();
    for (const auto& [name, text] : fazhi::case_columns(ds, c.kind, c.row)) columns[std::string(name)] = text;
    out->columns.push_back(columns.dump());
  }
  for (size_t i = 0; i < n; ++i) {
    fz_case c = FZ_CASE_INIT;
    c.kind = static_cast<int32_t>(l.cases[i].kind);
    c.case_id = out->ids[i].c_str();
    c.region = out->regions[i].c_str();
    c.reason = out->reasons[i].c_str();
    c.times = l.cases[i].times;
    c.columns_json = out->columns[i].c_str();
    out->cases.push_back(c);
  }
  out->json = fazhi::to_json(l, ds);
  out->csv = fazhi::to_csv(l, ds);
  return out.release();
}

}  // namespace

extern "C" {

fz_status fz_case_list_compute(fz_case_list** out, const fz_dataset* ds, const char* region, const char* from,
                               const char* to, const char* metric, int32_t part, const fz_report_options* options) {
  constexpr const char* kFn = "fz_case_list_compute";
  return guard([&] {
    if (!out) return null_argument(kFn, "out");
    *out = nullptr;
    Arguments a;
    if (fz_status s = read_arguments(kFn, ds, region, from, to, options, a); s) return s;
    if (fz_status s = text_argument(kFn, "metric", metric); s) return s;
    if (part < FZ_CASE_PART_COUNT || part > FZ_CASE_PART_DENOMINATOR) {
      return invalid(kFn, absl::StrCat("part is ", part, ": FZ_CASE_PART_COUNT, _NUMERATOR or _DENOMINATOR"));
    }
    absl::StatusOr<fazhi::CaseList> l = fazhi::compute_case_list(
        ds->ds, a.region, a.period, metric, static_cast<fazhi::CasePart>(part), a.profile, *a.calendar);
    if (!l.ok()) return from_status(l.status());
    *out = new_list(*l, ds->ds);
    return clear_error();
  });
}

fz_status fz_case_list_compute_row(fz_case_list** out, const fz_dataset* ds, const char* region, const char* from,
                                   const char* to, const char* metric, int32_t part, const char* by,
                                   const char* key, int32_t top, const fz_report_options* options) {
  constexpr const char* kFn = "fz_case_list_compute_row";
  return guard([&] {
    if (!out) return null_argument(kFn, "out");
    *out = nullptr;
    Arguments a;
    if (fz_status s = read_arguments(kFn, ds, region, from, to, options, a); s) return s;
    if (fz_status s = text_argument(kFn, "metric", metric); s) return s;
    if (fz_status s = text_argument(kFn, "by", by); s) return s;
    if (key) {  // NULL: the empty value's row (未填), as a breakdown row's key
      if (fz_status s = text_argument(kFn, "key", key); s) return s;
    }
    if (part < FZ_CASE_PART_COUNT || part > FZ_CASE_PART_DENOMINATOR) {
      return invalid(kFn, absl::StrCat("part is ", part, ": FZ_CASE_PART_COUNT, _NUMERATOR or _DENOMINATOR"));
    }
    if (top < 0) return invalid(kFn, absl::StrCat("top is ", top, ": 0 (the profile's fold) or a number of rows"));
    fazhi::CaseRow row;
    row.by = by;
    if (key) row.key = std::string(key);
    row.top = static_cast<size_t>(top);
    absl::StatusOr<fazhi::CaseList> l = fazhi::compute_case_list(
        ds->ds, a.region, a.period, metric, static_cast<fazhi::CasePart>(part), row, a.profile, *a.calendar);
    if (!l.ok()) return from_status(l.status());
    *out = new_list(*l, ds->ds);
    return clear_error();
  });
}

fz_status fz_case_list_follow_up(fz_case_list** out, const fz_dataset* ds, const char* region, const char* from,
                                 const char* to, const char* name, const fz_report_options* options) {
  constexpr const char* kFn = "fz_case_list_follow_up";
  return guard([&] {
    if (!out) return null_argument(kFn, "out");
    *out = nullptr;
    Arguments a;
    if (fz_status s = read_arguments(kFn, ds, region, from, to, options, a); s) return s;
    if (fz_status s = text_argument(kFn, "name", name); s) return s;
    absl::StatusOr<fazhi::CaseList> l =
        fazhi::compute_follow_up(ds->ds, a.region, a.period, name, a.profile, *a.calendar);
    if (!l.ok()) return from_status(l.status());
    *out = new_list(*l, ds->ds);
    return clear_error();
  });
}

fz_status fz_case_list_follow_up_names(char** json, size_t* len) {
  constexpr const char* kFn = "fz_case_list_follow_up_names";
  return guard([&] {
    clear_string_out(json, len);
    if (!json) return null_argument(kFn, "json");
    nlohmann::ordered_json names = nlohmann::ordered_json::array();
    for (const fazhi::FollowUp& f : fazhi::follow_ups()) {
      names.push_back({{"name", std::string(f.name)},
                       {"label", std::string(f.label)},
                       {"description", std::string(f.description)}});
    }
    return give_string(names.dump(), json, len);
  });
}

void fz_case_list_free(fz_case_list* list) { delete list; }

fz_status fz_case_list_count(const fz_case_list* list, int64_t* out) {
  constexpr const char* kFn = "fz_case_list_count";
  return guard([&] {
    if (!out) return null_argument(kFn, "out");
    *out = 0;
    if (!list) return null_argument(kFn, "list");
    *out = static_cast<int64_t>(list->cases.size());
    return clear_error();
  });
}

fz_status fz_case_list_get(const fz_case_list* list, int64_t index, fz_case* out) {
  constexpr const char* kFn = "fz_case_list_get";
  return guard([&] {
    if (!out) return null_argument(kFn, "out");
    if (fz_status s = check_out_struct(kFn, "out", "fz_case", out, FZ_CASE_MIN_SIZE); s) return s;
    if (!list) return null_argument(kFn, "list");
    if (fz_status s = index_argument(kFn, index, list->cases.size()); s) return s;
    write_struct(out, list->cases[static_cast<size_t>(index)]);
    return clear_error();
  });
}

fz_status fz_case_list_to_json(const fz_case_list* list, char** json, size_t* len) {
  constexpr const char* kFn = "fz_case_list_to_json";
  return guard([&] {
    clear_string_out(json, len);
    if (!json) return null_argument(kFn, "json");
    if (!list) return null_argument(kFn, "list");
    return give_string(list->json, json, len);
  });
}

fz_status fz_case_list_to_csv(const fz_case_list* list, char** csv, size_t* len) {
  constexpr const char* kFn = "fz_case_list_to_csv";
  return guard([&] {
    clear_string_out(csv, len);
    if (!csv) return null_argument(kFn, "csv");
    if (!list) return null_argument(kFn, "list");
    return give_string(list->csv, csv, len);
  });
}

fz_status fz_departments_json(const fz_dataset* ds, const char* region, const char* from, const char* to,
                              const fz_report_options* options, char** json, size_t* len) {
  constexpr const char* kFn = "fz_departments_json";
  return guard([&] {
    clear_string_out(json, len);
    if (!json) return null_argument(kFn, "json");
    Arguments a;
    if (fz_status s = read_arguments(kFn, ds, region, from, to, options, a); s) return s;
    absl::StatusOr<fazhi::DepartmentTable> t =
        fazhi::compute_departments(ds->ds, a.region, a.period, a.profile, *a.calendar);
    if (!t.ok()) return from_status(t.status());
    return give_string(fazhi::to_json(*t, ds->ds), json, len);
  });
}

}  // extern "C"
