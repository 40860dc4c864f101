// The C ABI over the C++ core. It adds no logic: it checks arguments, calls
// the core inside one exception guard per entry point, and turns absl::Status
// into fz_status plus a thread-local message.
#include "fazhi.h"

#include <cstdlib>
#include <cstring>
#include <exception>
#include <new>
#include <string>

#include "absl/status/status.h"
#include "fazhi/calendar.hpp"

struct fz_calendar {
  fazhi::Calendar cal;
};

namespace {

thread_local fz_status tl_code = FZ_OK;
thread_local std::string tl_message;

fz_status set_error(fz_status code, std::string message) {
  tl_code = code;
  tl_message = std::move(message);
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

// guard runs body and turns any exception into a status: nothing C++ crosses
// the ABI.
template <typename Body>
fz_status guard(Body&& body) noexcept {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    return set_error(FZ_RESOURCE_EXHAUSTED, "out of memory");
  } catch (const std::exception& e) {
    return set_error(FZ_INTERNAL, std::string("internal error: ") + e.what());
  } catch (...) {
    return set_error(FZ_INTERNAL, "internal error");
  }
}

fz_status null_argument(const char* function, const char* name) {
  return set_error(FZ_INVALID_ARGUMENT, std::string(function) + ": " + name + " is NULL");
}

const fazhi::Calendar& calendar_or_national(const fz_calendar* cal) {
  return cal ? cal->cal : fazhi::Calendar::national();
}

fz_status date_argument(const char* function, const char* name, const char* text,
                        fazhi::Date& out) {
  if (!text) return null_argument(function, name);
  absl::StatusOr<fazhi::Date> d = fazhi::parse_date(text);
  if (!d.ok()) {
    return set_error(FZ_INVALID_ARGUMENT,
                     std::string(function) + ": " + name + ": " + std::string(d.status().message()));
  }
  out = *d;
  return FZ_OK;
}

void write_date(fazhi::Date d, char out[11]) {
  const std::string iso = fazhi::format_iso(d);
  std::memcpy(out, iso.c_str(), 11);
}

}  // namespace

extern "C" {

const char* fz_version_string(void) { return FZ_VERSION_STRING; }
int32_t fz_version_number(void) { return FZ_VERSION_NUMBER; }
int32_t fz_abi_version(void) { return FZ_ABI_VERSION; }

const char* fz_status_string(fz_status code) {
  switch (code) {
    case FZ_OK: return "FZ_OK";
    case FZ_CANCELLED: return "FZ_CANCELLED";
    case FZ_UNKNOWN: return "FZ_UNKNOWN";
    case FZ_INVALID_ARGUMENT: return "FZ_INVALID_ARGUMENT";
    case FZ_DEADLINE_EXCEEDED: return "FZ_DEADLINE_EXCEEDED";
    case FZ_NOT_FOUND: return "FZ_NOT_FOUND";
    case FZ_ALREADY_EXISTS: return "FZ_ALREADY_EXISTS";
    case FZ_PERMISSION_DENIED: return "FZ_PERMISSION_DENIED";
    case FZ_RESOURCE_EXHAUSTED: return "FZ_RESOURCE_EXHAUSTED";
    case FZ_FAILED_PRECONDITION: return "FZ_FAILED_PRECONDITION";
    case FZ_ABORTED: return "FZ_ABORTED";
    case FZ_OUT_OF_RANGE: return "FZ_OUT_OF_RANGE";
    case FZ_UNIMPLEMENTED: return "FZ_UNIMPLEMENTED";
    case FZ_INTERNAL: return "FZ_INTERNAL";
    case FZ_UNAVAILABLE: return "FZ_UNAVAILABLE";
    case FZ_DATA_LOSS: return "FZ_DATA_LOSS";
    case FZ_UNAUTHENTICATED: return "FZ_UNAUTHENTICATED";
    default: return "FZ_UNKNOWN_STATUS";
  }
}

fz_status fz_last_error_code(void) { return tl_code; }
const char* fz_last_error_message(void) { return tl_message.c_str(); }
void fz_free(void* p) { std::free(p); }

fz_status fz_calendar_default(fz_calendar** out) {
  return guard([&] {
    if (!out) return null_argument("fz_calendar_default", "out");
    *out = new fz_calendar{fazhi::Calendar::national()};
    return clear_error();
  });
}

fz_status fz_calendar_load_csv(fz_calendar* cal, const char* path) {
  return guard([&] {
    if (!cal) return null_argument("fz_calendar_load_csv", "cal");
    if (!path) return null_argument("fz_calendar_load_csv", "path");
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

fz_status fz_calendar_period_end(const fz_calendar* cal, const char* event, int32_t n,
                                 int32_t unit, char out[11]) {
  return guard([&] {
    if (!out) return null_argument("fz_calendar_period_end", "out");
    fazhi::Date d;
    if (fz_status s = date_argument("fz_calendar_period_end", "event", event, d); s) return s;
    const fazhi::Calendar& c = calendar_or_national(cal);
    absl::StatusOr<fazhi::Date> end;
    switch (unit) {
      case FZ_PERIOD_DAYS: end = c.period_end_days(d, n); break;
      case FZ_PERIOD_WORKDAYS: end = c.period_end_workdays(d, n); break;
      case FZ_PERIOD_MONTHS: end = c.period_end_months(d, n); break;
      default:
        return set_error(FZ_INVALID_ARGUMENT,
                         "fz_calendar_period_end: unit must be FZ_PERIOD_DAYS, _WORKDAYS or _MONTHS");
    }
    if (!end.ok()) return from_status(end.status());
    write_date(*end, out);
    return clear_error();
  });
}

}  // extern "C"
