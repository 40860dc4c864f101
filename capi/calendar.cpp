// The C ABI of the working-day calendar: workdays, periods and deadlines.
#include "internal.hpp"

namespace fazhi::capi {
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

}  // namespace fazhi::capi

// The entry points, at global scope so that they take fazhi.h's
// declarations (and their visibility); they use these of the namespace:
using fazhi::capi::calendar_or_national;
using fazhi::capi::clear_error;
using fazhi::capi::date_argument;
using fazhi::capi::from_status;
using fazhi::capi::guard;
using fazhi::capi::null_argument;
using fazhi::capi::set_error;
using fazhi::capi::text_argument;
using fazhi::capi::write_date;

extern "C" {

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

}  // extern "C"
