/*
 * fazhi.h -- the stable C ABI of libfazhi.so.1 (C99).
 *
 * Every fallible function returns an fz_status (FZ_OK = 0; other values reuse
 * the absl::StatusCode numbers and are never renumbered); details of the last
 * failure on the calling thread come from fz_last_error_message(). Strings the
 * library returns are released with fz_free. See spec/API.md.
 *
 *   int32_t n;
 *   if (fz_calendar_workdays_between(NULL, "2019-09-30", "2019-10-08", &n) != FZ_OK)
 *     fprintf(stderr, "%s\n", fz_last_error_message());
 */
#ifndef FAZHI_H_
#define FAZHI_H_

#include <stddef.h>
#include <stdint.h>

#include "fazhi_version.h"

#if defined(FZ_BUILDING_LIBRARY)
#define FZ_EXTERN __attribute__((visibility("default")))
#else
#define FZ_EXTERN
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Status codes (the absl::StatusCode numbers) ---------------------- */
typedef int32_t fz_status;
#define FZ_OK 0
#define FZ_CANCELLED 1
#define FZ_UNKNOWN 2
#define FZ_INVALID_ARGUMENT 3
#define FZ_DEADLINE_EXCEEDED 4
#define FZ_NOT_FOUND 5
#define FZ_ALREADY_EXISTS 6
#define FZ_PERMISSION_DENIED 7
#define FZ_RESOURCE_EXHAUSTED 8
#define FZ_FAILED_PRECONDITION 9
#define FZ_ABORTED 10
#define FZ_OUT_OF_RANGE 11
#define FZ_UNIMPLEMENTED 12
#define FZ_INTERNAL 13
#define FZ_UNAVAILABLE 14
#define FZ_DATA_LOSS 15
#define FZ_UNAUTHENTICATED 16

/* ---- Version and errors ------------------------------------------------ */
/* fz_version_string: the library's version, "1.0.0"; static storage. */
FZ_EXTERN const char* fz_version_string(void);
/* fz_version_number: major * 10000 + minor * 100 + patch (FZ_VERSION_NUMBER). */
FZ_EXTERN int32_t fz_version_number(void);
/* fz_abi_version: the SONAME's number; 1 for every 1.x release. */
FZ_EXTERN int32_t fz_abi_version(void);
/* fz_status_string: a fixed name ("FZ_INVALID_ARGUMENT"); never NULL. */
FZ_EXTERN const char* fz_status_string(fz_status code);
/* fz_last_error_code / _message: the last failure on this thread. The message
 * is never NULL ("" after success) and lives until the thread's next call. */
FZ_EXTERN fz_status fz_last_error_code(void);
FZ_EXTERN const char* fz_last_error_message(void);
/* fz_free releases a string the library returned; NULL is allowed. */
FZ_EXTERN void fz_free(void* p);

/* ---- Working-day calendar ------------------------------------------------
 * A NULL fz_calendar means the built-in national calendar. Dates are
 * "YYYY-MM-DD" (or any form of DATA.md). */
typedef struct fz_calendar fz_calendar;

/* fz_calendar_default: a new calendar holding the national table. */
FZ_EXTERN fz_status fz_calendar_default(fz_calendar** out);
/* fz_calendar_load_csv: lays a newer notice (data-file format) over cal. */
FZ_EXTERN fz_status fz_calendar_load_csv(fz_calendar* cal, const char* path);
FZ_EXTERN void fz_calendar_free(fz_calendar* cal);
/* fz_calendar_is_workday: *out = 1 for a working day, 0 for a rest day. */
FZ_EXTERN fz_status fz_calendar_is_workday(const fz_calendar* cal, const char* date,
                                           int32_t* out);
/* fz_calendar_workdays_between: working days d with a < d <= b. */
FZ_EXTERN fz_status fz_calendar_workdays_between(const fz_calendar* cal, const char* a,
                                                 const char* b, int32_t* out);
/* fz_calendar_add_workdays: the n-th working day after date, into out[11]. */
FZ_EXTERN fz_status fz_calendar_add_workdays(const fz_calendar* cal, const char* date, int32_t n,
                                             char out[11]);
/* Units of a statutory period. */
#define FZ_PERIOD_DAYS 0     /* calendar days, last rest day rolled over */
#define FZ_PERIOD_WORKDAYS 1 /* working days */
#define FZ_PERIOD_MONTHS 2   /* months, clamped to the month's end */
/* fz_calendar_period_end: the last day of a period of n units after event. */
FZ_EXTERN fz_status fz_calendar_period_end(const fz_calendar* cal, const char* event, int32_t n,
                                           int32_t unit, char out[11]);

#ifdef __cplusplus
}
#endif

#endif /* FAZHI_H_ */
