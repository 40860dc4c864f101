// The C ABI's tally section (fazhi.h, "Tally"): portable tallies computed,
// written, read, merged and reported on, over fazhi/tally.hpp.
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "fazhi/tally.hpp"
#include "internal.hpp"

struct fz_tally {
  fazhi::Tally tally;
  std::string region, digest;  // borrowed by fz_tally_region / fz_tally_digest
};

namespace {

using fazhi::capi::clear_error;
using fazhi::capi::from_status;
using fazhi::capi::from_status_in;
using fazhi::capi::guard;
using fazhi::capi::null_argument;
using fazhi::capi::text_argument;

fz_tally* new_tally(fazhi::Tally&& t) {
  std::string region = t.region_text(), digest = t.digest();
  return new fz_tally{std::move(t), std::move(region), std::move(digest)};
}

// region_argument reads a region code, "000000" being 全国.
fz_status region_argument(const char* function, const char* region, fazhi::RegionCode& out) {
  if (fz_status s = text_argument(function, "region", region); s) return s;
  if (std::strcmp(region, "000000") == 0) {
    out = fazhi::RegionCode();
    return FZ_OK;
  }
  absl::StatusOr<fazhi::RegionCode> code = fazhi::RegionCode::parse(region);
  if (!code.ok()) return from_status_in(function, "region", code.status());
  out = *code;
  return FZ_OK;
}

}  // namespace

extern "C" {

fz_status fz_tally_compute(fz_tally** out, const fz_dataset* ds, const char* region, const char* from,
                           const char* to, const fz_report_options* options) {
  constexpr const char* kFn = "fz_tally_compute";
  return guard([&] {
    if (!out) return null_argument(kFn, "out");
    *out = nullptr;
    if (!ds) return null_argument(kFn, "ds");
    std::optional<fazhi::RegionCode> code;
    if (region) {
      fazhi::RegionCode c;
      if (fz_status s = region_argument(kFn, region, c); s) return s;
      code = c;
    }
    fazhi::Period period;
    if (fz_status s = fazhi::capi::period_arguments(kFn, from, to, period); s) return s;
    fazhi::Profile profile;
    const fazhi::Calendar* calendar = nullptr;
    if (fz_status s = fazhi::capi::read_report_options(kFn, options, profile, calendar); s) return s;
    absl::StatusOr<fazhi::Tally> t = fazhi::Tally::compute(ds->ds, period, profile, *calendar, code);
    if (!t.ok()) return from_status(t.status());
    *out = new_tally(*std::move(t));
    return clear_error();
  });
}

fz_status fz_tally_parse(fz_tally** out, const void* bytes, size_t len) {
  constexpr const char* kFn = "fz_tally_parse";
  return guard([&] {
    if (!out) return null_argument(kFn, "out");
    *out = nullptr;
    if (!bytes && len > 0) return null_argument(kFn, "bytes");
    absl::StatusOr<fazhi::Tally> t =
        fazhi::Tally::parse(std::string_view(static_cast<const char*>(bytes), bytes ? len : 0));
    if (!t.ok()) return from_status(t.status());
    *out = new_tally(*std::move(t));
    return clear_error();
  });
}

fz_status fz_tally_serialize(const fz_tally* tally, void** bytes, size_t* len) {
  constexpr const char* kFn = "fz_tally_serialize";
  return guard([&] {
    if (bytes) *bytes = nullptr;
    if (len) *len = 0;
    if (!tally) return null_argument(kFn, "tally");
    if (!bytes) return null_argument(kFn, "bytes");
    if (!len) return null_argument(kFn, "len");
    const std::string cbor = tally->tally.serialize();  // binary: not give_string, which mends UTF-8
    void* p = std::malloc(cbor.size() + 1);
    if (!p) return fazhi::capi::out_of_memory();
    std::memcpy(p, cbor.data(), cbor.size());
    *bytes = p;
    *len = cbor.size();
    return clear_error();
  });
}

fz_status fz_tally_json(const fz_tally* tally, char** json, size_t* len) {
  constexpr const char* kFn = "fz_tally_json";
  return guard([&] {
    fazhi::capi::clear_string_out(json, len);
    if (!tally) return null_argument(kFn, "tally");
    if (!json) return null_argument(kFn, "json");
    return fazhi::capi::give_string(tally->tally.to_json_text(), json, len);
  });
}

fz_status fz_tally_merge(fz_tally** out, const fz_tally* const* parts, size_t count) {
  constexpr const char* kFn = "fz_tally_merge";
  return guard([&] {
    if (!out) return null_argument(kFn, "out");
    *out = nullptr;
    if (!parts && count > 0) return null_argument(kFn, "parts");
    std::vector<fazhi::Tally> tallies;
    for (size_t k = 0; k < count; ++k) {
      if (!parts[k]) return null_argument(kFn, "parts[k]");
      tallies.push_back(parts[k]->tally);
    }
    absl::StatusOr<fazhi::Tally> t = fazhi::Tally::merge(tallies);
    if (!t.ok()) return from_status(t.status());
    *out = new_tally(*std::move(t));
    return clear_error();
  });
}

fz_status fz_tally_region(const fz_tally* tally, const char** code) {
  constexpr const char* kFn = "fz_tally_region";
  return guard([&] {
    if (!tally) return null_argument(kFn, "tally");
    if (!code) return null_argument(kFn, "code");
    *code = tally->region.c_str();
    return clear_error();
  });
}

fz_status fz_tally_digest(const fz_tally* tally, const char** hex) {
  constexpr const char* kFn = "fz_tally_digest";
  return guard([&] {
    if (!tally) return null_argument(kFn, "tally");
    if (!hex) return null_argument(kFn, "hex");
    *hex = tally->digest.c_str();
    return clear_error();
  });
}

fz_status fz_tally_report(fz_report** out, const fz_tally* tally, const char* region,
                          const fz_report_options* options) {
  constexpr const char* kFn = "fz_tally_report";
  return guard([&] {
    if (!out) return null_argument(kFn, "out");
    *out = nullptr;
    if (!tally) return null_argument(kFn, "tally");
    fazhi::RegionCode code;
    if (fz_status s = region_argument(kFn, region, code); s) return s;
    fazhi::Profile profile;
    const fazhi::Calendar* calendar = nullptr;
    if (fz_status s = fazhi::capi::read_report_options(kFn, options, profile, calendar); s) return s;
    absl::StatusOr<fazhi::Report> r = fazhi::compute_report(tally->tally, code, profile);
    if (!r.ok()) return from_status(r.status());
    *out = fazhi::capi::new_report(*std::move(r));
    return clear_error();
  });
}

fz_status fz_tally_report_all_json(const fz_tally* tally, const fz_report_options* options, char** json,
                                   size_t* len) {
  constexpr const char* kFn = "fz_tally_report_all_json";
  return guard([&] {
    fazhi::capi::clear_string_out(json, len);
    if (!tally) return null_argument(kFn, "tally");
    if (!json) return null_argument(kFn, "json");
    fazhi::Profile profile;
    const fazhi::Calendar* calendar = nullptr;
    if (fz_status s = fazhi::capi::read_report_options(kFn, options, profile, calendar); s) return s;
    absl::StatusOr<std::vector<fazhi::Report>> all = fazhi::compute_all_reports(tally->tally, profile);
    if (!all.ok()) return from_status(all.status());
    return fazhi::capi::give_string(fazhi::to_json(*all), json, len);
  });
}

void fz_tally_free(fz_tally* tally) { delete tally; }

}  // extern "C"
