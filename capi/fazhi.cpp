// The C ABI over the C++ core. It adds no logic: it checks arguments, converts
// C strings and structs to the core's types with the core's own parsers,
// calls the core inside one exception guard per entry point, and turns
// absl::Status into fz_status plus a thread-local message.
#include "fazhi.h"
#include "internal.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <limits>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "fazhi/calendar.hpp"
#include "fazhi/dataset.hpp"
#include "fazhi/lottery.hpp"
#include "fazhi/metrics.hpp"
#include "fazhi/profile.hpp"
#include "fazhi/records.hpp"
#include "fazhi/region.hpp"
#include "fazhi/report.hpp"
#include "fazhi/text.hpp"

struct fz_calendar {
  fazhi::Calendar cal;
};

namespace {

// ExactFigure is one fraction of a metric (the value, the previous value or
// the YoY) as fz_value carries it: int64 when it fits, decimal text always.
struct ExactFigure {
  int64_t num = 0, den = 0;
  std::string num_text, den_text;
  bool fits = true;
};

// MetricExtras are what fz_value borrows from a report beyond the core's
// MetricFigure, computed once so that reading is const and thread-safe.
struct MetricExtras {
  ExactFigure value, previous, yoy, yoy_pp;
  ExactFigure sequential_previous, sequential_change, sequential_pp;
};

}  // namespace

struct fz_report {
  fazhi::Report report;
  std::string region_code;
  std::vector<MetricExtras> extras;  // by metric index
};

// The helpers every capi/*.cpp shares (declared in internal.hpp) and this
// file's own.
namespace fz_internal {

static_assert(FZ_KIND_RECONSIDERATION == static_cast<int>(fazhi::RecordKind::kReconsideration));
static_assert(FZ_KIND_LITIGATION == static_cast<int>(fazhi::RecordKind::kLitigation));
static_assert(FZ_KIND_LEGAL_AID == static_cast<int>(fazhi::RecordKind::kLegalAid));
static_assert(FZ_KIND_MEDIATION == static_cast<int>(fazhi::RecordKind::kMediation));
static_assert(FZ_KIND_REGISTRY == static_cast<int>(fazhi::RecordKind::kRegistry));
static_assert(FZ_KIND_ACTIVITY == static_cast<int>(fazhi::RecordKind::kActivity));
static_assert(FZ_KIND_REGIONS == static_cast<int>(fazhi::RecordKind::kRegions));
static_assert(FZ_KIND_COUNT == fazhi::kRecordKindCount);
static_assert(FZ_VALUE_UNDEFINED == static_cast<int>(fazhi::ValueKind::kUndefined));
static_assert(FZ_VALUE_COUNT == static_cast<int>(fazhi::ValueKind::kCount));
static_assert(FZ_VALUE_FRACTION == static_cast<int>(fazhi::ValueKind::kRatio));
static_assert(FZ_VALUE_MONEY == static_cast<int>(fazhi::ValueKind::kMoney));
static_assert(FZ_VALUE_DAYS == static_cast<int>(fazhi::ValueKind::kDays));
static_assert(FZ_VALUE_RANK == static_cast<int>(fazhi::ValueKind::kRank));
static_assert(FZ_VALUE_NUMBER == static_cast<int>(fazhi::ValueKind::kNumber));
static_assert(static_cast<int>(absl::StatusCode::kInvalidArgument) == FZ_INVALID_ARGUMENT);
static_assert(static_cast<int>(absl::StatusCode::kNotFound) == FZ_NOT_FOUND);
static_assert(static_cast<int>(absl::StatusCode::kOutOfRange) == FZ_OUT_OF_RANGE);
static_assert(static_cast<int>(absl::StatusCode::kUnauthenticated) == FZ_UNAUTHENTICATED);

// ---- Errors -------------------------------------------------------------------

thread_local fz_status tl_code = FZ_OK;
thread_local std::string tl_message;

fz_status set_error(fz_status code, std::string message) {
  tl_code = code;
  // The message is promised to be UTF-8 (it may quote a caller's bytes).
  tl_message = fazhi::is_valid_utf8(message) ? std::move(message)
                                                        : fazhi::to_valid_utf8(message);
  return code;
}

fz_status clear_error() {
  tl_code = FZ_OK;
  tl_message.clear();
  return FZ_OK;
}

fz_status from_status(const absl::Status& s) {
  if (s.ok()) return clear_error();
  return set_error(static_cast<fz_status>(s.code()), std::string(s.message()));
}

// from_status_in is from_status with the function (and argument) named.
fz_status from_status_in(const char* function, const char* name, const absl::Status& s) {
  if (s.ok()) return clear_error();
  return set_error(static_cast<fz_status>(s.code()),
                   absl::StrCat(function, ": ", name, ": ", s.message()));
}

fz_status out_of_memory() noexcept {
  return set_error(FZ_RESOURCE_EXHAUSTED, "out of memory");  // short enough to need no allocation
}

fz_status null_argument(const char* function, const char* name) {
  return set_error(FZ_INVALID_ARGUMENT, std::string(function) + ": " + name + " is NULL");
}

// index_argument checks an index into a list of n.
fz_status index_argument(const char* function, int64_t index, size_t n) {
  if (index >= 0 && static_cast<uint64_t>(index) < n) return FZ_OK;
  return set_error(FZ_OUT_OF_RANGE,
                   absl::StrCat(function, ": index ", index, " is outside [0, ", n, ")"));
}

fz_status invalid(const char* function, const std::string& what) {
  return set_error(FZ_INVALID_ARGUMENT, absl::StrCat(function, ": ", what));
}

// utf8_argument checks that a string argument is valid UTF-8.
fz_status utf8_argument(const char* function, const char* name, std::string_view text) {
  size_t bad = 0;
  if (fazhi::is_valid_utf8(text, &bad)) return FZ_OK;
  return invalid(function, absl::StrCat(name, " is not valid UTF-8 (byte ", bad + 1, " of ",
                                        text.size(), ")"));
}

// text_argument: a required, NUL-terminated UTF-8 string.
fz_status text_argument(const char* function, const char* name, const char* text) {
  if (!text) return null_argument(function, name);
  return utf8_argument(function, name, text);
}

// ---- Structs that grow (struct_size first) --------------------------------------

// read_struct copies a caller's input struct over `out`, which holds the
// defaults: only the bytes within struct_size are read, so an older, smaller
// struct leaves the later fields at their defaults. Bytes beyond this
// library's struct (a newer caller's fields) must be zero: a field this
// library does not know cannot be honoured. (kMaxStructSize: internal.hpp.)
template <typename T>
fz_status read_struct(const char* function, const char* name, const char* type, const T* in,
                      size_t min_size, T& out) {
  const uint32_t size = in->struct_size;
  if (size > kMaxStructSize) {
    return invalid(function, absl::StrCat(name, "->struct_size is ", size,
                                          ": not initialised? set it with the _INIT macro"));
  }
  if (size < min_size) {
    return invalid(function,
                   absl::StrCat(name, "->struct_size is ", size, ", less than the smallest ", type,
                                " (", min_size, " bytes); set it with the _INIT macro"));
  }
  if (size > sizeof(T)) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(in);
    for (size_t i = sizeof(T); i < size; ++i) {
      if (bytes[i] != 0) {
        return invalid(
            function, absl::StrCat(name, " sets a field this library does not know (", type, " of ",
                                   size, " bytes, this library's has ", sizeof(T),
                                   "): the program was built against a newer fazhi.h"));
      }
    }
  }
  std::memcpy(&out, in, std::min<size_t>(size, sizeof(T)));
  return FZ_OK;
}



// ---- Strings out ----------------------------------------------------------------

void clear_string_out(char** out, size_t* len) {
  if (out) *out = nullptr;
  if (len) *len = 0;
}

// give_string copies s, as valid UTF-8, into memory the caller releases with
// fz_free.
fz_status give_string(const std::string& text, char** out, size_t* len) {
  // Strings out are promised to be UTF-8; the core already sanitizes what
  // it takes from outside, this is the last line of defence.
  std::string fixed;
  if (!fazhi::is_valid_utf8(text)) fixed = fazhi::to_valid_utf8(text);
  const std::string& s = fixed.empty() ? text : fixed;
  char* p = static_cast<char*>(std::malloc(s.size() + 1));
  if (!p) return out_of_memory();
  std::memcpy(p, s.data(), s.size());
  p[s.size()] = '\0';
  *out = p;
  if (len) *len = s.size();
  return clear_error();
}

// ---- Dates and calendars --------------------------------------------------------

const fazhi::Calendar& calendar_or_national(const fz_calendar* cal) {
  return cal ? cal->cal : fazhi::Calendar::national();
}

fz_status date_argument(const char* function, const char* name, const char* text,
                        fazhi::Date& out) {
  if (fz_status s = text_argument(function, name, text); s) return s;
  absl::StatusOr<fazhi::Date> d = fazhi::parse_date(text);
  if (!d.ok()) return from_status_in(function, name, d.status());
  out = *d;
  return FZ_OK;
}

void write_date(fazhi::Date d, char out[11]) {
  const std::string iso = fazhi::format_iso(d);
  std::memcpy(out, iso.c_str(), 11);
}

void write_day(fazhi::DayNumber d, char* out) {
  if (!out) return;
  const std::string iso = fazhi::format_iso_day(d);
  std::memcpy(out, iso.c_str(), 11);
}

// ---- Datasets -------------------------------------------------------------------

std::optional<fazhi::RecordKind> kind_of(int32_t kind) {
  if (kind < 0 || kind >= FZ_KIND_COUNT) return std::nullopt;
  return static_cast<fazhi::RecordKind>(kind);
}

fz_status kind_argument(const char* function, int32_t kind, fazhi::RecordKind& out) {
  std::optional<fazhi::RecordKind> k = kind_of(kind);
  if (!k) {
    return invalid(function,
                   absl::StrCat("kind is ", kind,
                                ", not one of FZ_KIND_RECONSIDERATION (0) .. FZ_KIND_REGIONS (6)"));
  }
  out = *k;
  return FZ_OK;
}

fz_load_summary summary_of(const fazhi::LoadSummary& s) {
  fz_load_summary out;
  std::memset(&out, 0, sizeof out);
  size_t files = 0;
  for (const fazhi::FileSummary& f : s.files) {
    if (f.added) {
      out.rows_added += f.rows_read;
      out.rows_added_rejected += f.rows_rejected;
    } else {
      ++files;
    }
    fz_kind_counts& k = out.kinds[static_cast<size_t>(f.kind)];
    k.rows_read += f.rows_read;
    k.rows_accepted += f.rows_kept;
    k.rows_rejected += f.rows_rejected;
    out.rows_read += f.rows_read;
    out.rows_accepted += f.rows_kept;
    out.rows_rejected += f.rows_rejected;
  }
  out.files = static_cast<int32_t>(std::min<size_t>(files, INT32_MAX));
  out.notices = static_cast<int64_t>(s.notices.size());
  out.files_refused = static_cast<int32_t>(std::min<int64_t>(s.files_refused(), INT32_MAX));
  return out;
}

fz_status summary_out_argument(const char* function, const fz_load_summary* summary) {
  if (!summary) return FZ_OK;  // the caller does not want one
  return check_out_struct(function, "summary", "fz_load_summary", summary,
                          FZ_LOAD_SUMMARY_MIN_SIZE);
}

fz_status finish_load(const absl::StatusOr<fazhi::LoadSummary>& loaded, fz_load_summary* summary) {
  if (!loaded.ok()) return from_status(loaded.status());
  if (summary) write_struct(summary, summary_of(*loaded));
  // Files refused whole (the others are loaded): the call says so.
  std::string refused;
  for (const fazhi::FileSummary& f : loaded->files) {
    if (!f.refused.empty()) absl::StrAppend(&refused, refused.empty() ? "" : "\n", f.refused);
  }
  if (!refused.empty()) return set_error(FZ_INVALID_ARGUMENT, refused);
  return clear_error();
}

// FieldReader converts the text fields of a C record into a core record with
// the core's parsers; the first bad field sets the error and stops.
class FieldReader {
 public:
  explicit FieldReader(const char* function) : function_(function) {}
  fz_status status() const { return status_; }

  void text(const char* name, const char* v, std::string& out) {
    if (!ok() || !v) return;
    if (fail_utf8(name, v)) return;
    out = v;
  }

  // A required date left empty stays not_a_date_time: the core reports it.
  void date(const char* name, const char* v, fazhi::Date& out) {
    std::optional<fazhi::Date> d;
    optional_date(name, v, d);
    if (d) out = *d;
  }

  void optional_date(const char* name, const char* v, std::optional<fazhi::Date>& out) {
    if (!ok() || !v || fail_utf8(name, v) || fazhi::trim(v).empty()) return;
    absl::StatusOr<fazhi::Date> d = fazhi::parse_date(v);
    if (!d.ok()) {
      status_ = from_status_in(function_, name, d.status());
      return;
    }
    out = *d;
  }

  // A region left empty stays 000000: the core reports it as missing.
  void region(const char* name, const char* v, fazhi::RegionCode& out) {
    if (!ok() || !v || fail_utf8(name, v) || fazhi::trim(v).empty()) return;
    absl::StatusOr<fazhi::RegionCode> r = fazhi::RegionCode::parse(v);
    if (!r.ok()) {
      status_ = from_status_in(function_, name, r.status());
      return;
    }
    out = *r;
  }

  template <typename Enum>
  void code(const char* name, const char* v, Enum& out) {
    if (!ok() || !v || fail_utf8(name, v) || fazhi::trim(v).empty()) return;
    std::optional<Enum> e = fazhi::parse_code<Enum>(v);
    if (!e) {
      status_ = invalid(function_,
                        absl::StrCat(name, ": unknown ", name, " '", v,
                                     "' (expected an English code or a Chinese label of docs/data.md)"));
      return;
    }
    out = *e;
  }

  void tri(const char* name, int32_t v, fazhi::Tri& out) {
    if (!ok()) return;
    if (v != FZ_TRI_UNKNOWN && v != FZ_TRI_FALSE && v != FZ_TRI_TRUE) {
      status_ = invalid(
          function_,
          absl::StrCat(name, ": not a boolean: ", v,
                       " (expected FZ_TRI_UNKNOWN (-1), FZ_TRI_FALSE (0) or FZ_TRI_TRUE (1))"));
      return;
    }
    out = static_cast<fazhi::Tri>(v);
  }

  // field reads the C struct's field of a schema column into the core
  // record's member, by their types (fazhi/schema.hpp, records.hpp).
  void field(const char* name, const char* v, std::string& out) { text(name, v, out); }
  void field(const char* name, const char* v, fazhi::Date& out) { date(name, v, out); }
  void field(const char* name, const char* v, std::optional<fazhi::Date>& out) {
    optional_date(name, v, out);
  }
  void field(const char* name, const char* v, fazhi::RegionCode& out) { region(name, v, out); }
  template <typename Enum>
    requires std::is_enum_v<Enum>
  void field(const char* name, const char* v, Enum& out) {
    code(name, v, out);
  }
  void field(const char* name, int32_t v, fazhi::Tri& out) { tri(name, v, out); }
  void field(const char* name, const char* v, std::optional<int64_t>& fen) { money(name, v, fen); }
  // A count: -1 is unknown (the _INIT value); another negative number goes
  // on to the core, which rejects it.
  void field(const char*, int32_t v, std::optional<int32_t>& out) {
    if (ok() && v != -1) out = v;
  }
  void field(const char*, int64_t v, int64_t& out) {
    if (ok()) out = v;
  }

  void money(const char* name, const char* v, std::optional<int64_t>& fen) {
    if (!ok() || !v || fail_utf8(name, v) || fazhi::trim(v).empty()) return;
    absl::StatusOr<int64_t> f = fazhi::parse_money_fen(v);
    if (!f.ok()) {
      status_ = from_status_in(function_, name, f.status());
      return;
    }
    fen = *f;
  }

 private:
  bool ok() const { return status_ == FZ_OK; }
  bool fail_utf8(const char* name, const char* v) {
    status_ = utf8_argument(function_, name, v);
    return status_ != FZ_OK;
  }

  const char* function_;
  fz_status status_ = FZ_OK;
};

// add_record runs the shared steps of fz_dataset_add_<kind>: check the
// arguments, read the struct, convert it, and hand it to the core. A record
// whose fields cannot be read (bad UTF-8, a malformed date, an unknown code)
// is counted as read and rejected, as the core counts the ones it refuses.
template <typename CRecord, typename Convert>
fz_status add_record(const char* function, const char* type, fz_dataset* ds, const CRecord* record,
                     size_t min_size, CRecord defaults, Convert&& convert) {
  return guard([&] {
    if (!ds) return null_argument(function, "ds");
    if (!record) return null_argument(function, "record");
    CRecord r = defaults;
    if (fz_status s = read_struct(function, "record", type, record, min_size, r); s) return s;
    FieldReader read(function);
    auto core = convert(r, read);
    if (read.status()) {
      // The message is "<function>: <field>: <reason>"; the rejection keeps
      // "<field>: <reason>".
      std::string_view reason = tl_message;
      if (reason.starts_with(function)) reason.remove_prefix(std::strlen(function));
      if (reason.starts_with(": ")) reason.remove_prefix(2);
      const fz_status failed = read.status();
      ds->ds.reject_add(decltype(core)::kKind, reason);
      return failed;
    }
    absl::Status added = ds->ds.add(core);
    if (!added.ok()) return from_status_in(function, "record", added);
    return clear_error();
  });
}

// ---- Reports --------------------------------------------------------------------

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

fz_report* new_report(fazhi::Report&& r) {
  auto* out = new fz_report{std::move(r), {}, {}};
  out->region_code = out->report.region.str();
  out->extras.reserve(out->report.metrics.size());
  for (const fazhi::MetricFigure& m : out->report.metrics) out->extras.push_back(extras_of(m));
  return out;
}

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

// ---- Draws ----------------------------------------------------------------------

// list_argument copies an array of `count` UTF-8 strings; NULL is allowed only
// for an empty list, and no element may be NULL. Emptiness, duplicates and
// the canonical order are the core's to judge.
fz_status list_argument(const char* function, const char* name, const char* const* items,
                        size_t count, std::vector<std::string>& out) {
  if (!items) {
    if (count == 0) return FZ_OK;
    return invalid(function, absl::StrCat(name, " is NULL but its count is ", count));
  }
  out.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    const std::string element = absl::StrCat(name, "[", i, "]");
    if (fz_status s = text_argument(function, element.c_str(), items[i]); s) return s;
    out.emplace_back(items[i]);
  }
  return FZ_OK;
}

}  // namespace fz_internal

using namespace fz_internal;

extern "C" {

// ---- Version and errors ---------------------------------------------------------

const char* fz_version_string(void) { return FZ_VERSION_STRING; }
int32_t fz_version_number(void) { return FZ_VERSION_NUMBER; }
int32_t fz_abi_version(void) { return FZ_ABI_VERSION; }

const char* fz_status_string(fz_status code) {
  switch (code) {
    case FZ_OK:
      return "FZ_OK";
    case FZ_CANCELLED:
      return "FZ_CANCELLED";
    case FZ_UNKNOWN:
      return "FZ_UNKNOWN";
    case FZ_INVALID_ARGUMENT:
      return "FZ_INVALID_ARGUMENT";
    case FZ_DEADLINE_EXCEEDED:
      return "FZ_DEADLINE_EXCEEDED";
    case FZ_NOT_FOUND:
      return "FZ_NOT_FOUND";
    case FZ_ALREADY_EXISTS:
      return "FZ_ALREADY_EXISTS";
    case FZ_PERMISSION_DENIED:
      return "FZ_PERMISSION_DENIED";
    case FZ_RESOURCE_EXHAUSTED:
      return "FZ_RESOURCE_EXHAUSTED";
    case FZ_FAILED_PRECONDITION:
      return "FZ_FAILED_PRECONDITION";
    case FZ_ABORTED:
      return "FZ_ABORTED";
    case FZ_OUT_OF_RANGE:
      return "FZ_OUT_OF_RANGE";
    case FZ_UNIMPLEMENTED:
      return "FZ_UNIMPLEMENTED";
    case FZ_INTERNAL:
      return "FZ_INTERNAL";
    case FZ_UNAVAILABLE:
      return "FZ_UNAVAILABLE";
    case FZ_DATA_LOSS:
      return "FZ_DATA_LOSS";
    case FZ_UNAUTHENTICATED:
      return "FZ_UNAUTHENTICATED";
    default:
      return "FZ_UNKNOWN_STATUS";
  }
}

fz_status fz_last_error_code(void) { return tl_code; }
const char* fz_last_error_message(void) { return tl_message.c_str(); }
void fz_free(void* p) { std::free(p); }

// ---- Calendar ---------------------------------------------------------------------

fz_status fz_calendar_default(fz_calendar** out) {
  return guard([&] {
    if (!out) return null_argument("fz_calendar_default", "out");
    *out = nullptr;
    *out = new fz_calendar{fazhi::Calendar::national()};
    return clear_error();
  });
}

fz_status fz_calendar_load_csv(fz_calendar* cal, const char* path) {
  return guard([&] {
    if (!cal) return null_argument("fz_calendar_load_csv", "cal");
    if (fz_status s = text_argument("fz_calendar_load_csv", "path", path); s) return s;
    return from_status(cal->cal.merge_csv_file(path));
  });
}

void fz_calendar_free(fz_calendar* cal) { delete cal; }

fz_status fz_calendar_is_workday(const fz_calendar* cal, const char* date, int32_t* out) {
  return guard([&] {
    if (!out) return null_argument("fz_calendar_is_workday", "out");
    fazhi::Date d;
    if (fz_status s = date_argument("fz_calendar_is_workday", "date", date, d); s) return s;
    absl::StatusOr<bool> work = calendar_or_national(cal).is_workday(d);
    if (!work.ok()) return from_status(work.status());
    *out = *work ? 1 : 0;
    return clear_error();
  });
}

fz_status fz_calendar_workdays_between(const fz_calendar* cal, const char* a, const char* b,
                                       int32_t* out) {
  return guard([&] {
    if (!out) return null_argument("fz_calendar_workdays_between", "out");
    fazhi::Date da, db;
    if (fz_status s = date_argument("fz_calendar_workdays_between", "a", a, da); s) return s;
    if (fz_status s = date_argument("fz_calendar_workdays_between", "b", b, db); s) return s;
    absl::StatusOr<int32_t> n = calendar_or_national(cal).workdays_between(da, db);
    if (!n.ok()) return from_status(n.status());
    *out = *n;
    return clear_error();
  });
}

fz_status fz_calendar_add_workdays(const fz_calendar* cal, const char* date, int32_t n,
                                   char out[11]) {
  return guard([&] {
    if (!out) return null_argument("fz_calendar_add_workdays", "out");
    fazhi::Date d;
    if (fz_status s = date_argument("fz_calendar_add_workdays", "date", date, d); s) return s;
    absl::StatusOr<fazhi::Date> end = calendar_or_national(cal).add_workdays(d, n);
    if (!end.ok()) return from_status(end.status());
    write_date(*end, out);
    return clear_error();
  });
}

fz_status fz_calendar_period_end(const fz_calendar* cal, const char* event, int32_t n, int32_t unit,
                                 char out[11]) {
  return guard([&] {
    if (!out) return null_argument("fz_calendar_period_end", "out");
    fazhi::Date d;
    if (fz_status s = date_argument("fz_calendar_period_end", "event", event, d); s) return s;
    const fazhi::Calendar& c = calendar_or_national(cal);
    absl::StatusOr<fazhi::Date> end;
    switch (unit) {
      case FZ_PERIOD_DAYS:
        end = c.period_end_days(d, n);
        break;
      case FZ_PERIOD_WORKDAYS:
        end = c.period_end_workdays(d, n);
        break;
      case FZ_PERIOD_MONTHS:
        end = c.period_end_months(d, n);
        break;
      default:
        return set_error(
            FZ_INVALID_ARGUMENT,
            "fz_calendar_period_end: unit must be FZ_PERIOD_DAYS, _WORKDAYS or _MONTHS");
    }
    if (!end.ok()) return from_status(end.status());
    write_date(*end, out);
    return clear_error();
  });
}

// ---- Dataset ----------------------------------------------------------------------

fz_status fz_dataset_create(fz_dataset** out, const fz_dataset_options* options) {
  constexpr const char* kFn = "fz_dataset_create";
  return guard([&] {
    if (!out) return null_argument(kFn, "out");
    *out = nullptr;
    fz_dataset_options o = FZ_DATASET_OPTIONS_INIT;
    if (options) {
      if (fz_status s = read_struct(kFn, "options", "fz_dataset_options", options,
                                    FZ_DATASET_OPTIONS_MIN_SIZE, o);
          s) {
        return s;
      }
    }
    fazhi::LoadOptions lo;
    if (o.strict != 0 && o.strict != 1) {
      return invalid(kFn, absl::StrCat("options->strict is ", o.strict, ", not 0 or 1"));
    }
    lo.strict = o.strict == 1;
    switch (o.encoding) {
      case FZ_ENCODING_DETECT:
        lo.encoding = fazhi::Encoding::kDetect;
        break;
      case FZ_ENCODING_UTF8:
        lo.encoding = fazhi::Encoding::kUtf8;
        break;
      case FZ_ENCODING_GB18030:
        lo.encoding = fazhi::Encoding::kGb18030;
        break;
      default:
        return invalid(kFn, absl::StrCat("options->encoding is ", o.encoding,
                                         ", not FZ_ENCODING_DETECT, _UTF8 or _GB18030"));
    }
    if (o.threads < 0) {
      return invalid(kFn, absl::StrCat("options->threads is ", o.threads, ", not >= 0"));
    }
    lo.threads = o.threads;
    *out = new fz_dataset{fazhi::Dataset(), lo};
    return clear_error();
  });
}

void fz_dataset_free(fz_dataset* ds) { delete ds; }

fz_status fz_dataset_load_dir(fz_dataset* ds, const char* dir, fz_load_summary* summary) {
  constexpr const char* kFn = "fz_dataset_load_dir";
  return guard([&] {
    if (!ds) return null_argument(kFn, "ds");
    if (fz_status s = text_argument(kFn, "dir", dir); s) return s;
    if (fz_status s = summary_out_argument(kFn, summary); s) return s;
    return finish_load(ds->ds.load_dir(dir, ds->options), summary);
  });
}

fz_status fz_dataset_load_csv(fz_dataset* ds, int32_t kind, const char* path,
                              fz_load_summary* summary) {
  constexpr const char* kFn = "fz_dataset_load_csv";
  return guard([&] {
    if (!ds) return null_argument(kFn, "ds");
    fazhi::RecordKind k = fazhi::RecordKind::kReconsideration;
    if (fz_status s = kind_argument(kFn, kind, k); s) return s;
    if (fz_status s = text_argument(kFn, "path", path); s) return s;
    if (fz_status s = summary_out_argument(kFn, summary); s) return s;
    return finish_load(ds->ds.load_file(k, path, ds->options), summary);
  });
}

fz_status fz_dataset_load_csv_buffer(fz_dataset* ds, int32_t kind, const char* data, size_t len,
                                     fz_load_summary* summary) {
  constexpr const char* kFn = "fz_dataset_load_csv_buffer";
  return guard([&] {
    if (!ds) return null_argument(kFn, "ds");
    fazhi::RecordKind k = fazhi::RecordKind::kReconsideration;
    if (fz_status s = kind_argument(kFn, kind, k); s) return s;
    if (!data && len != 0) return null_argument(kFn, "data");
    if (fz_status s = summary_out_argument(kFn, summary); s) return s;
    const std::string name = absl::StrCat("<buffer:", fazhi::absl_view(fazhi::kind_name(k)), ">");
    return finish_load(
        ds->ds.load_buffer(k, std::string_view(data ? data : "", len), name, ds->options), summary);
  });
}

fz_status fz_dataset_seal(fz_dataset* ds) {
  constexpr const char* kFn = "fz_dataset_seal";
  return guard([&] {
    if (!ds) return null_argument(kFn, "ds");
    ds->ds.seal();
    return clear_error();
  });
}

fz_status fz_dataset_summary(const fz_dataset* ds, fz_load_summary* summary) {
  constexpr const char* kFn = "fz_dataset_summary";
  return guard([&] {
    if (!ds) return null_argument(kFn, "ds");
    if (!summary) return null_argument(kFn, "summary");
    if (fz_status s = summary_out_argument(kFn, summary); s) return s;
    write_struct(summary, summary_of(ds->ds.summary()));
    return clear_error();
  });
}

fz_status fz_dataset_rejects_json(const fz_dataset* ds, char** json, size_t* len) {
  constexpr const char* kFn = "fz_dataset_rejects_json";
  return guard([&] {
    clear_string_out(json, len);
    if (!ds) return null_argument(kFn, "ds");
    if (!json) return null_argument(kFn, "json");
    return give_string(fazhi::rejections_json(ds->ds.rejects()), json, len);
  });
}

fz_status fz_dataset_notices_json(const fz_dataset* ds, char** json, size_t* len) {
  constexpr const char* kFn = "fz_dataset_notices_json";
  return guard([&] {
    clear_string_out(json, len);
    if (!ds) return null_argument(kFn, "ds");
    if (!json) return null_argument(kFn, "json");
    return give_string(fazhi::notices_json(ds->ds.summary().notices), json, len);
  });
}

// The translators of fz_dataset_add_<kind>: each C struct field is read into
// the core record's member of the same schema column (fazhi/schema.hpp), so
// a column added to the schema fails to compile here until the C struct has
// its field.
#define FZ_READ_FIELD(column, record_field, stored_as, TYPE, detail, required, ...) \
  read.field(#column, c.column, r.record_field);
#define FZ_DATASET_ADD(kind, Record, COLUMNS, MIN_SIZE, INIT)                                \
  fz_status fz_dataset_add_##kind(fz_dataset* ds, const fz_##kind##_record* record) {         \
    return add_record("fz_dataset_add_" #kind, "fz_" #kind "_record", ds, record, MIN_SIZE,   \
                      fz_##kind##_record INIT,                                                \
                      [](const fz_##kind##_record& c, FieldReader& read) {                    \
                        fazhi::Record r;                                                      \
                        COLUMNS(FZ_READ_FIELD)                                                \
                        return r;                                                             \
                      });                                                                     \
  }

FZ_DATASET_ADD(reconsideration, ReconsiderationRecord, FAZHI_RECONSIDERATION_COLUMNS,
               FZ_RECONSIDERATION_RECORD_MIN_SIZE, FZ_RECONSIDERATION_RECORD_INIT)
FZ_DATASET_ADD(litigation, LitigationRecord, FAZHI_LITIGATION_COLUMNS,
               FZ_LITIGATION_RECORD_MIN_SIZE, FZ_LITIGATION_RECORD_INIT)
FZ_DATASET_ADD(legal_aid, LegalAidRecord, FAZHI_LEGAL_AID_COLUMNS, FZ_LEGAL_AID_RECORD_MIN_SIZE,
               FZ_LEGAL_AID_RECORD_INIT)
FZ_DATASET_ADD(mediation, MediationRecord, FAZHI_MEDIATION_COLUMNS, FZ_MEDIATION_RECORD_MIN_SIZE,
               FZ_MEDIATION_RECORD_INIT)
FZ_DATASET_ADD(registry, RegistryRecord, FAZHI_REGISTRY_COLUMNS, FZ_REGISTRY_RECORD_MIN_SIZE,
               FZ_REGISTRY_RECORD_INIT)
FZ_DATASET_ADD(activity, ActivityRecord, FAZHI_ACTIVITY_COLUMNS, FZ_ACTIVITY_RECORD_MIN_SIZE,
               FZ_ACTIVITY_RECORD_INIT)
FZ_DATASET_ADD(regions, RegionNameRecord, FAZHI_REGIONS_COLUMNS, FZ_REGIONS_RECORD_MIN_SIZE,
               FZ_REGIONS_RECORD_INIT)

#undef FZ_DATASET_ADD
#undef FZ_READ_FIELD

// ---- Report -----------------------------------------------------------------------

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

// ---- Lists: regions, rejections, every region's report ----------------------------

}  // extern "C"

// fz_region_list holds NUL-terminated copies of what fz_region_info lends.
struct fz_region_list {
  struct Entry {
    int32_t level;
    std::string code, name, parent;
  };
  std::vector<Entry> regions;
};

// fz_report_list owns every region's report; fz_report_list_get lends them.
struct fz_report_list {
  std::vector<std::unique_ptr<fz_report>> reports;
};

namespace {

static_assert(FZ_REGION_PROVINCE == static_cast<int>(fazhi::RegionLevel::kProvince));
static_assert(FZ_REGION_CITY == static_cast<int>(fazhi::RegionLevel::kCity));
static_assert(FZ_REGION_DISTRICT == static_cast<int>(fazhi::RegionLevel::kDistrict));
static_assert(FZ_REJECT_OTHER == static_cast<int>(fazhi::RejectCode::kOther));
static_assert(FZ_REJECT_MALFORMED == static_cast<int>(fazhi::RejectCode::kMalformed));
static_assert(FZ_REJECT_ENCODING == static_cast<int>(fazhi::RejectCode::kEncoding));
static_assert(FZ_REJECT_MISSING == static_cast<int>(fazhi::RejectCode::kMissing));
static_assert(FZ_REJECT_INVALID_VALUE == static_cast<int>(fazhi::RejectCode::kInvalidValue));
static_assert(FZ_REJECT_INCONSISTENT == static_cast<int>(fazhi::RejectCode::kInconsistent));
static_assert(FZ_REJECT_DUPLICATE == static_cast<int>(fazhi::RejectCode::kDuplicate));

}  // namespace

extern "C" {

fz_status fz_dataset_regions(fz_region_list** out, const fz_dataset* ds) {
  constexpr const char* kFn = "fz_dataset_regions";
  return guard([&] {
    if (!out) return null_argument(kFn, "out");
    *out = nullptr;
    if (!ds) return null_argument(kFn, "ds");
    auto list = std::make_unique<fz_region_list>();
    for (const fazhi::RegionCode code : fazhi::report_regions(ds->ds)) {
      const std::optional<std::string_view> name = ds->ds.region_name(code);
      const std::optional<fazhi::RegionCode> parent = code.parent();
      list->regions.push_back({static_cast<int32_t>(code.level()), code.str(),
                               std::string(name.value_or("")), parent ? parent->str() : ""});
    }
    *out = list.release();
    return clear_error();
  });
}

fz_status fz_region_list_count(const fz_region_list* list, int32_t* out) {
  constexpr const char* kFn = "fz_region_list_count";
  return guard([&] {
    if (!list) return null_argument(kFn, "list");
    if (!out) return null_argument(kFn, "out");
    *out = static_cast<int32_t>(list->regions.size());
    return clear_error();
  });
}

fz_status fz_region_list_get(const fz_region_list* list, int32_t index, fz_region_info* info) {
  constexpr const char* kFn = "fz_region_list_get";
  return guard([&] {
    if (!list) return null_argument(kFn, "list");
    if (!info) return null_argument(kFn, "info");
    if (fz_status s =
            check_out_struct(kFn, "info", "fz_region_info", info, FZ_REGION_INFO_MIN_SIZE);
        s) {
      return s;
    }
    if (fz_status s = index_argument(kFn, index, list->regions.size()); s) return s;
    const fz_region_list::Entry& e = list->regions[static_cast<size_t>(index)];
    fz_region_info r = FZ_REGION_INFO_INIT;
    r.level = e.level;
    r.code = e.code.c_str();
    r.name = e.name.c_str();
    r.parent = e.parent.c_str();
    write_struct(info, r);
    return clear_error();
  });
}

void fz_region_list_free(fz_region_list* list) { delete list; }

fz_status fz_dataset_rejection_count(const fz_dataset* ds, int64_t* out) {
  constexpr const char* kFn = "fz_dataset_rejection_count";
  return guard([&] {
    if (!ds) return null_argument(kFn, "ds");
    if (!out) return null_argument(kFn, "out");
    *out = static_cast<int64_t>(ds->ds.rejects().size());
    return clear_error();
  });
}

fz_status fz_dataset_rejection_get(const fz_dataset* ds, int64_t index, fz_rejection* rejection) {
  constexpr const char* kFn = "fz_dataset_rejection_get";
  return guard([&] {
    if (!ds) return null_argument(kFn, "ds");
    if (!rejection) return null_argument(kFn, "rejection");
    if (fz_status s = check_out_struct(kFn, "rejection", "fz_rejection", rejection,
                                       FZ_REJECTION_MIN_SIZE);
        s) {
      return s;
    }
    const std::vector<fazhi::Rejection>& all = ds->ds.rejects();
    if (fz_status s = index_argument(kFn, index, all.size()); s) return s;
    const fazhi::Rejection& r = all[static_cast<size_t>(index)];
    fz_rejection c = FZ_REJECTION_INIT;
    c.code = static_cast<int32_t>(r.code);
    c.line = r.line;
    c.file = r.file.c_str();
    c.column = r.column.c_str();
    c.reason = r.reason.c_str();
    c.raw = r.raw.c_str();
    write_struct(rejection, c);
    return clear_error();
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

// ---- Draws ------------------------------------------------------------------------

}  // extern "C"

namespace {

// draw_core reads a fz_draw_input into the core's DrawInput; the seed only
// when `with_seed` (an announcement is made before the seed exists).
fz_status draw_core(const char* kFn, const fz_draw_input* input, bool with_seed,
                    fazhi::DrawInput& core) {
  if (!input) return null_argument(kFn, "input");
  fz_draw_input in = FZ_DRAW_INPUT_INIT;
  if (fz_status s = read_struct(kFn, "input", "fz_draw_input", input, FZ_DRAW_INPUT_MIN_SIZE, in);
      s) {
    return s;
  }
  if (with_seed) {
    if (fz_status s = text_argument(kFn, "input->seed", in.seed); s) return s;
    core.seed = in.seed;
  }
  if (fz_status s = text_argument(kFn, "input->case_id", in.case_id); s) return s;
  core.case_id = in.case_id;
  if (!in.answered) return null_argument(kFn, "input->answered");
  if (fz_status s =
          list_argument(kFn, "input->answered", in.answered, in.answered_count, core.answered);
      s) {
    return s;
  }
  if (fz_status s =
          list_argument(kFn, "input->conflicts", in.conflicts, in.conflicts_count, core.conflicts);
      s) {
    return s;
  }
  return list_argument(kFn, "input->at_cap", in.at_cap, in.at_cap_count, core.at_cap);
}

fz_status sample_core(const char* kFn, const fz_sample_input* input, bool with_seed,
                      fazhi::SampleInput& core) {
  if (!input) return null_argument(kFn, "input");
  fz_sample_input in = FZ_SAMPLE_INPUT_INIT;
  if (fz_status s =
          read_struct(kFn, "input", "fz_sample_input", input, FZ_SAMPLE_INPUT_MIN_SIZE, in);
      s) {
    return s;
  }
  if (with_seed) {
    if (fz_status s = text_argument(kFn, "input->seed", in.seed); s) return s;
    core.seed = in.seed;
  }
  if (in.batch_id) {
    if (fz_status s = utf8_argument(kFn, "input->batch_id", in.batch_id); s) return s;
    core.batch_id = in.batch_id;
  }
  if (!in.targets) return null_argument(kFn, "input->targets");
  if (!in.inspectors) return null_argument(kFn, "input->inspectors");
  if (fz_status s =
          list_argument(kFn, "input->targets", in.targets, in.targets_count, core.targets);
      s) {
    return s;
  }
  if (fz_status s = list_argument(kFn, "input->inspectors", in.inspectors, in.inspectors_count,
                                  core.inspectors);
      s) {
    return s;
  }
  std::vector<std::string> who, what;
  if (fz_status s = list_argument(kFn, "input->conflict_inspectors", in.conflict_inspectors,
                                  in.conflicts_count, who);
      s) {
    return s;
  }
  if (fz_status s = list_argument(kFn, "input->conflict_targets", in.conflict_targets,
                                  in.conflicts_count, what);
      s) {
    return s;
  }
  for (size_t i = 0; i < who.size(); ++i) core.conflicts.push_back({who[i], what[i]});
  core.k = in.k;
  core.m = in.m;
  return FZ_OK;
}

// list_text_argument reads (text, text_len, form) of the list parsers.
fz_status list_text_argument(const char* kFn, const char* text, size_t text_len, int32_t form,
                             std::string_view& out) {
  if (!text && text_len != 0) return null_argument(kFn, "text");
  if (form != FZ_LIST_INLINE && form != FZ_LIST_FILE) {
    return invalid(kFn, absl::StrCat("form is ", form, ", not FZ_LIST_INLINE or FZ_LIST_FILE"));
  }
  out = text ? std::string_view(text, text_len) : std::string_view();
  if (out.find('\0') != std::string_view::npos) {
    return invalid(kFn, "text holds a NUL byte, which no id may hold");
  }
  return FZ_OK;
}

}  // namespace

extern "C" {

fz_status fz_lottery_draw(const fz_draw_input* input, char** audit_json, size_t* len) {
  constexpr const char* kFn = "fz_lottery_draw";
  return guard([&] {
    clear_string_out(audit_json, len);
    if (!input) return null_argument(kFn, "input");
    if (!audit_json) return null_argument(kFn, "audit_json");
    fazhi::DrawInput core;
    if (fz_status s = draw_core(kFn, input, true, core); s) return s;
    absl::StatusOr<fazhi::DrawAudit> audit = fazhi::draw(core);
    if (!audit.ok()) return from_status_in(kFn, "input", audit.status());
    return give_string(fazhi::audit_to_json(*audit), audit_json, len);
  });
}

fz_status fz_sample_draw(const fz_sample_input* input, char** audit_json, size_t* len) {
  constexpr const char* kFn = "fz_sample_draw";
  return guard([&] {
    clear_string_out(audit_json, len);
    if (!input) return null_argument(kFn, "input");
    if (!audit_json) return null_argument(kFn, "audit_json");
    fazhi::SampleInput core;
    if (fz_status s = sample_core(kFn, input, true, core); s) return s;
    absl::StatusOr<fazhi::SampleAudit> audit = fazhi::sample(core);
    if (!audit.ok()) return from_status_in(kFn, "input", audit.status());
    return give_string(fazhi::audit_to_json(*audit), audit_json, len);
  });
}

fz_status fz_lottery_verify(const char* audit_json, char** summary, size_t* len) {
  constexpr const char* kFn = "fz_lottery_verify";
  return guard([&] {
    clear_string_out(summary, len);
    if (fz_status s = text_argument(kFn, "audit_json", audit_json); s) return s;
    absl::StatusOr<std::string> ok = fazhi::verify_audit_json(audit_json);
    if (!ok.ok()) return from_status_in(kFn, "audit record", ok.status());
    if (!summary) return clear_error();
    return give_string(*ok, summary, len);
  });
}

fz_status fz_lottery_announce(const fz_draw_input* input, char** announcement_json, size_t* len) {
  constexpr const char* kFn = "fz_lottery_announce";
  return guard([&] {
    clear_string_out(announcement_json, len);
    if (!input) return null_argument(kFn, "input");
    if (!announcement_json) return null_argument(kFn, "announcement_json");
    fazhi::DrawInput core;
    if (fz_status s = draw_core(kFn, input, false, core); s) return s;
    absl::StatusOr<std::string> json = fazhi::announce(core);
    if (!json.ok()) return from_status_in(kFn, "input", json.status());
    return give_string(*json, announcement_json, len);
  });
}

fz_status fz_sample_announce(const fz_sample_input* input, char** announcement_json, size_t* len) {
  constexpr const char* kFn = "fz_sample_announce";
  return guard([&] {
    clear_string_out(announcement_json, len);
    if (!input) return null_argument(kFn, "input");
    if (!announcement_json) return null_argument(kFn, "announcement_json");
    fazhi::SampleInput core;
    if (fz_status s = sample_core(kFn, input, false, core); s) return s;
    absl::StatusOr<std::string> json = fazhi::announce(core);
    if (!json.ok()) return from_status_in(kFn, "input", json.status());
    return give_string(*json, announcement_json, len);
  });
}

fz_status fz_lottery_verify_announced(const char* audit_json, const char* announcement_json,
                                      char** summary, size_t* len) {
  constexpr const char* kFn = "fz_lottery_verify_announced";
  return guard([&] {
    clear_string_out(summary, len);
    if (fz_status s = text_argument(kFn, "audit_json", audit_json); s) return s;
    if (fz_status s = text_argument(kFn, "announcement_json", announcement_json); s) return s;
    absl::StatusOr<std::string> ok = fazhi::verify_audit_json(audit_json, announcement_json);
    if (!ok.ok()) return from_status_in(kFn, "audit record", ok.status());
    if (!summary) return clear_error();
    return give_string(*ok, summary, len);
  });
}

fz_status fz_lottery_parse_ids(const char* text, size_t text_len, int32_t form, char** ids_json,
                               size_t* len) {
  constexpr const char* kFn = "fz_lottery_parse_ids";
  return guard([&] {
    clear_string_out(ids_json, len);
    if (!ids_json) return null_argument(kFn, "ids_json");
    std::string_view view;
    if (fz_status s = list_text_argument(kFn, text, text_len, form, view); s) return s;
    absl::StatusOr<std::vector<std::string>> ids =
        form == FZ_LIST_FILE ? fazhi::parse_id_file(view) : fazhi::parse_id_list(view);
    if (!ids.ok()) return from_status_in(kFn, "text", ids.status());
    return give_string(fazhi::ids_to_json(*ids), ids_json, len);
  });
}

fz_status fz_lottery_parse_conflicts(const char* text, size_t text_len, int32_t form,
                                     char** conflicts_json, size_t* len) {
  constexpr const char* kFn = "fz_lottery_parse_conflicts";
  return guard([&] {
    clear_string_out(conflicts_json, len);
    if (!conflicts_json) return null_argument(kFn, "conflicts_json");
    std::string_view view;
    if (fz_status s = list_text_argument(kFn, text, text_len, form, view); s) return s;
    absl::StatusOr<std::vector<fazhi::Conflict>> pairs =
        form == FZ_LIST_FILE ? fazhi::parse_conflict_file(view) : fazhi::parse_conflict_list(view);
    if (!pairs.ok()) return from_status_in(kFn, "text", pairs.status());
    return give_string(fazhi::conflicts_to_json(*pairs), conflicts_json, len);
  });
}

}  // extern "C"
