/*
 * fazhi.h -- the stable C ABI of libfazhi.so.1 (C99).
 *
 * fazhi computes the figures of a justice bureau's annual rule-of-law report
 * (法治政府建设年度报告) from case records. This header is the promise made to
 * systems that link the shared library from C, Java, C#, Go, PHP or Python: a
 * program built against any 1.x header keeps working with every later 1.x
 * library. See README.md, docs/data.md (the records) and docs/metrics.md (the
 * metrics).
 *
 * It is one header on purpose, as sqlite3.h and zstd.h are: a binding (JNA,
 * ctypes, cgo, P/Invoke) or a program includes one file and sees the whole
 * ABI with its conventions, and the ABI baseline checks one file. It is read
 * in sections (calendar, dataset, records, reports, lists, lottery,
 * breakdowns, series and cross-tables, case lists, tallies), each implemented
 * by one file of capi/ (calendar.cpp, dataset.cpp, report.cpp, lottery.cpp,
 * breakdown.cpp for breakdowns, series and cross-tables, cases.cpp,
 * tally.cpp; status.cpp for versions and errors).
 *
 * Conventions (after SQLite, libgit2, zstd and zlib):
 *   - Every fallible function returns an fz_status: FZ_OK (0) or one of the
 *     absl::StatusCode numbers below, never renumbered. Details of the last
 *     failure on the calling thread come from fz_last_error_message().
 *   - Results come back through out-parameters. After a failure every handle
 *     out-parameter is NULL and every string out-parameter is NULL with length
 *     0: no half-built object escapes.
 *   - Handles are opaque, made by fz_<noun>_create (or _default) and released
 *     by fz_<noun>_free, which accepts NULL (any number of times: a no-op).
 *     Passing NULL where a handle or an out-parameter is required returns
 *     FZ_INVALID_ARGUMENT. Using a handle after it was freed, freeing it twice,
 *     or passing a handle of another type is undefined behaviour, as with
 *     free(): the library cannot tell a freed handle from a live one. Set a
 *     freed handle to NULL.
 *   - Strings in are UTF-8 and NUL-terminated (or pointer + length); invalid
 *     UTF-8 is FZ_INVALID_ARGUMENT. Strings out that the caller keeps are
 *     NUL-terminated, come with their length, and are released with fz_free.
 *     Borrowed strings (const char* in fz_value, fz_report_metric_id) say how
 *     long they live.
 *   - Structs that may grow start with `uint32_t struct_size`; set it with the
 *     struct's _INIT macro (or to sizeof). The library reads and writes only
 *     the fields that lie within struct_size, so a program compiled against an
 *     older, smaller struct keeps working; fields it does not have take their
 *     defaults. A struct_size below the struct's smallest version
 *     (FZ_*_MIN_SIZE) is FZ_INVALID_ARGUMENT; so is a larger struct_size whose
 *     extra bytes are not zero (a field this library does not know).
 *   - Thread safety: distinct handles may be used from different threads at
 *     once. A dataset that is no longer being loaded into, a computed report
 *     and a calendar that is no longer being loaded into are immutable and may
 *     be read from many threads at once.
 *
 *   fz_dataset* ds = NULL;
 *   fz_report* rep = NULL;
 *   fz_value v = FZ_VALUE_INIT;
 *   if (fz_dataset_create(&ds, NULL) != FZ_OK ||
 *       fz_dataset_load_dir(ds, "data/examples/baiyun-2019", NULL) != FZ_OK ||
 *       fz_report_compute(&rep, ds, "440111", "2019-01-01", "2019-12-31", NULL) != FZ_OK ||
 *       fz_report_get(rep, "litigation.win_rate", &v) != FZ_OK) {
 *     fprintf(stderr, "fazhi: %s\n", fz_last_error_message());
 *   } else {
 *     printf("%s = %lld/%lld (%s)\n", v.label, (long long)v.num, (long long)v.den, v.text);
 *   }
 *   fz_report_free(rep);
 *   fz_dataset_free(ds);
 *
 * Building and running against an installed fazhi. `cmake --install build
 * --prefix P` puts this header in P/include and libfazhi.so.1 in P's library
 * folder (P/lib, or P/lib/x86_64-linux-gnu: ask pkg-config, as below). With
 * PKG_CONFIG_PATH set to that folder's pkgconfig/,
 *   cc app.c $(pkg-config --cflags --libs fazhi) -o app
 * links; but at run time the loader looks for libfazhi.so.1 only where it
 * always looks (/usr/lib, /usr/local/lib and the rest of /etc/ld.so.conf), so
 * for any other P the program stops with "libfazhi.so.1: cannot open shared
 * object file". Either record the folder in the program (an rpath):
 *   cc app.c $(pkg-config --cflags --libs fazhi) \
 *      -Wl,-rpath,"$(pkg-config --variable=libdir fazhi)" -o app
 * or tell the loader at run time: LD_LIBRARY_PATH=<that folder> ./app, or,
 * for every program, the folder in /etc/ld.so.conf.d/fazhi.conf followed by
 * `ldconfig` (as root). Installed into /usr/local, the library is found once
 * `ldconfig` has run. CMake's find_package(fazhi) with fazhi::fazhi_c records
 * the rpath in the build tree by itself; an installed program needs
 * INSTALL_RPATH. examples/c (its Makefile and CMakeLists.txt) does both.
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
 * "YYYY-MM-DD" (or any form of docs/data.md). */
typedef struct fz_calendar fz_calendar;

/* fz_calendar_default: a new calendar holding the national table. */
FZ_EXTERN fz_status fz_calendar_default(fz_calendar** out);
/* fz_calendar_load_csv: lays a newer notice (data-file format) over cal. */
FZ_EXTERN fz_status fz_calendar_load_csv(fz_calendar* cal, const char* path);
FZ_EXTERN void fz_calendar_free(fz_calendar* cal);
/* fz_calendar_is_workday: *out = 1 for a working day, 0 for a rest day. */
FZ_EXTERN fz_status fz_calendar_is_workday(const fz_calendar* cal, const char* date, int32_t* out);
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

/* ---- Record kinds (docs/data.md): the files of a dataset folder --------------- */
#define FZ_KIND_RECONSIDERATION 0 /* reconsideration.csv, 行政复议 */
#define FZ_KIND_LITIGATION 1      /* litigation.csv, 行政应诉 */
#define FZ_KIND_LEGAL_AID 2       /* legal_aid.csv, 法律援助 */
#define FZ_KIND_MEDIATION 3       /* mediation.csv, 人民调解 */
#define FZ_KIND_REGISTRY 4        /* registry.csv, 登记名录 */
#define FZ_KIND_ACTIVITY 5        /* activity.csv, 工作量台账 */
#define FZ_KIND_REGIONS 6         /* regions.csv, 区划名称 */
#define FZ_KIND_COUNT 7           /* the kinds of 1.0; later kinds get new fields */

/* ---- Dataset ---------------------------------------------------------------
 * A dataset holds validated records of every kind. Load it from a folder,
 * files or buffers, or append records one at a time; then compute reports.
 * Loading into a dataset is not thread-safe; once loading is over the dataset
 * may be read (fz_report_compute, fz_dataset_rejects_json, ...) from many
 * threads at once. */
typedef struct fz_dataset fz_dataset;

/* Text encodings of CSV input (docs/data.md: UTF-8, else GB18030). */
#define FZ_ENCODING_DETECT 0 /* UTF-8 when valid, else GB18030 (the default) */
#define FZ_ENCODING_UTF8 1
#define FZ_ENCODING_GB18030 2

/* fz_dataset_options: how the dataset loads. NULL options are the defaults. */
typedef struct fz_dataset_options {
  uint32_t struct_size;
  int32_t strict;   /* 1: a load fails at its first bad row and keeps nothing;
                       0 (default): bad rows are rejected, loading goes on */
  int32_t encoding; /* FZ_ENCODING_*; default FZ_ENCODING_DETECT */
  int32_t threads;  /* loading threads; 0 (default) = the hardware's */
  /* Appended after 1.0.0; an older caller's struct_size ends before it. */
  int32_t drop_ids; /* 1: loads do not keep each record's id (case_id,
                       entity_id), which saves a text per record (at 1M
                       records about 40% of a load's time and half its
                       memory); the figures, breakdowns, series and tallies
                       are the same, but case lists and department tables
                       name no case (case_id ""). Ids are still checked for
                       duplicates, and records added one by one keep theirs.
                       0 (default): ids are kept. (Named for the
                       non-default, so that 0 is the default as in every
                       field here.) */
} fz_dataset_options;
/* clang-format off */
#define FZ_DATASET_OPTIONS_INIT {sizeof(fz_dataset_options), 0, FZ_ENCODING_DETECT, 0, 0}
/* clang-format on */
#define FZ_DATASET_OPTIONS_MIN_SIZE 8u

/* fz_kind_counts: rows of one record kind. */
typedef struct fz_kind_counts {
  int64_t rows_read;
  int64_t rows_accepted;
  int64_t rows_rejected; /* rows_read = rows_accepted + rows_rejected */
} fz_kind_counts;

/* fz_load_summary: what one load did (fz_dataset_load_*), or every load so
 * far (fz_dataset_summary). Written by the library up to struct_size.
 * Records added one by one (fz_dataset_add_*) count in fz_dataset_summary's
 * rows and kinds like a file's rows, and apart in rows_added. */
typedef struct fz_load_summary {
  uint32_t struct_size;
  int32_t files;     /* files (or buffers) read; adds are not files */
  int64_t rows_read; /* totals over every kind, adds included */
  int64_t rows_accepted;
  int64_t rows_rejected;
  int64_t notices;                     /* things worth a look that rejected nothing
                                          (fz_dataset_notices_json) */
  fz_kind_counts kinds[FZ_KIND_COUNT]; /* by FZ_KIND_* */
  /* Appended after 1.0.0; an older caller's struct_size ends before them. */
  int32_t files_refused;       /* files refused whole (counted in files, no rows read);
                                  the load's message names each */
  int64_t rows_added;          /* records added one by one, accepted or rejected
                                  (part of rows_read) */
  int64_t rows_added_rejected; /* of those, the rejected (part of rows_rejected) */
} fz_load_summary;
/* clang-format off */
#define FZ_LOAD_SUMMARY_INIT {sizeof(fz_load_summary), 0, 0, 0, 0, 0, {{0, 0, 0}}, 0, 0, 0}
/* clang-format on */
#define FZ_LOAD_SUMMARY_MIN_SIZE 8u

/* fz_dataset_create: a new, empty dataset. options may be NULL (defaults). */
FZ_EXTERN fz_status fz_dataset_create(fz_dataset** out, const fz_dataset_options* options);
FZ_EXTERN void fz_dataset_free(fz_dataset* ds);

/* fz_dataset_load_dir: loads every `<kind>.csv` of a folder (docs/data.md). A bad
 * row is rejected with its file, line, column and reason and loading goes on
 * (unless the dataset is strict); a missing folder (FZ_NOT_FOUND) fails the
 * load, which then keeps nothing. A file refused whole (lacking a required
 * column, not a regular file, a second file of one kind) is left out and the
 * others are loaded; the call then returns FZ_INVALID_ARGUMENT naming every
 * refused file, one a line (a strict dataset fails at the first, keeping
 * nothing). summary may be NULL. */
FZ_EXTERN fz_status fz_dataset_load_dir(fz_dataset* ds, const char* dir, fz_load_summary* summary);
/* fz_dataset_load_csv: one file of one kind (FZ_KIND_*), named as it likes. */
FZ_EXTERN fz_status fz_dataset_load_csv(fz_dataset* ds, int32_t kind, const char* path,
                                        fz_load_summary* summary);
/* fz_dataset_load_csv_buffer: CSV text held in memory (UTF-8 or GB18030, as a
 * file); rejections name it "<buffer:KIND>". data may be NULL only when len
 * is 0. */
FZ_EXTERN fz_status fz_dataset_load_csv_buffer(fz_dataset* ds, int32_t kind, const char* data,
                                               size_t len, fz_load_summary* summary);
/* fz_dataset_seal: ends loading and frees the index that finds duplicate ids
 * across loads (about a third of what a large dataset holds). Every later
 * load or add fails with FZ_FAILED_PRECONDITION; the data reads as before.
 * Records added one by one are then held grouped by region, as each load's
 * are, which makes reports over them faster; the figures are the same. */
FZ_EXTERN fz_status fz_dataset_seal(fz_dataset* ds);
/* fz_dataset_summary: the totals of every load so far. */
FZ_EXTERN fz_status fz_dataset_summary(const fz_dataset* ds, fz_load_summary* summary);
/* fz_dataset_rejects_json: every rejected row of every load, in load order, as
 * a JSON array of {"file", "line", "column", "code", "reason", "raw"}, code
 * being the FZ_REJECT_* name in lower case ("invalid_value"). Release *json
 * with fz_free; len may be NULL. */
FZ_EXTERN fz_status fz_dataset_rejects_json(const fz_dataset* ds, char** json, size_t* len);
/* fz_dataset_notices_json: the notices of every load (an ignored file, a file
 * read as GB18030) as a JSON array of strings. Release with fz_free. */
FZ_EXTERN fz_status fz_dataset_notices_json(const fz_dataset* ds, char** json, size_t* len);

/* ---- Records, one at a time ------------------------------------------------
 * For a system that appends records from its own database. Text, dates and
 * codes are UTF-8 strings as in docs/data.md: dates in any docs/data.md form
 * ("2019-03-05", "2019年3月5日"), codes as the English code or a Chinese label
 * ("revoked", "撤销"), money in yuan ("15128000.00", "1512.8万"); NULL and ""
 * both mean empty. Booleans are tri-state: FZ_TRI_UNKNOWN (-1, which is not
 * false), FZ_TRI_FALSE (0), FZ_TRI_TRUE (1). An invalid record is
 * FZ_INVALID_ARGUMENT naming the field, and is not kept. The _INIT macros
 * set every boolean and optional integer to unknown. */
#define FZ_TRI_UNKNOWN (-1)
#define FZ_TRI_FALSE 0
#define FZ_TRI_TRUE 1

/* fz_reconsideration_record: one 行政复议 case. */
typedef struct fz_reconsideration_record {
  uint32_t struct_size;
  const char* case_id;       /* required */
  const char* region;        /* required: "440111" */
  const char* received_date; /* required */
  const char* accepted_date;
  const char* closed_date;
  const char* disposition; /* required when closed */
  const char* respondent;
  const char* category;
  int32_t simple_procedure; /* FZ_TRI_* */
  int32_t extended;
  int32_t litigated;
  int32_t compensation;
  int32_t suspended_days; /* -1 = unknown */
  /* Dimensions (docs/data.md, optional): */
  const char* respondent_level; /* county_dept, township, ... (县级政府部门, 乡镇（街道）, ...) */
  const char* act_type;         /* penalty, information_disclosure, ... (行政处罚, 信息公开, ...) */
  const char* applicant_type;   /* person, legal_person, organization (自然人, 法人, 其他组织) */
  int32_t applicants;           /* >= 1; -1 = unknown (counted as 1) */
} fz_reconsideration_record;
/* clang-format off */
#define FZ_RECONSIDERATION_RECORD_INIT                                                             \
  {sizeof(fz_reconsideration_record), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,              \
   FZ_TRI_UNKNOWN, FZ_TRI_UNKNOWN, FZ_TRI_UNKNOWN, FZ_TRI_UNKNOWN, -1, NULL, NULL, NULL, -1}
/* clang-format on */

/* fz_litigation_record: one 行政应诉 case (the agency as defendant). */
typedef struct fz_litigation_record {
  uint32_t struct_size;
  const char* case_id;    /* required */
  const char* region;     /* required */
  const char* filed_date; /* required */
  const char* instance;   /* required: first, second, retrial (一审, 二审, 再审) */
  const char* defendant;
  const char* category;
  const char* defence_date;
  const char* closed_date;
  const char* outcome;   /* required when closed */
  int32_t head_appeared; /* FZ_TRI_* */
  int32_t lawyer_only;
  int32_t hearing_held;
  /* Dimensions (docs/data.md, optional): */
  const char* defendant_level; /* the levels of respondent_level */
  const char* act_type;        /* the act types of fz_reconsideration_record */
  int32_t head_principal;      /* FZ_TRI_*: the agency's principal head (正职) appeared */
} fz_litigation_record;
/* clang-format off */
#define FZ_LITIGATION_RECORD_INIT                                                                  \
  {sizeof(fz_litigation_record), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,             \
   FZ_TRI_UNKNOWN, FZ_TRI_UNKNOWN, FZ_TRI_UNKNOWN, NULL, NULL, FZ_TRI_UNKNOWN}
/* clang-format on */

/* fz_legal_aid_record: one 法律援助 application and case. */
typedef struct fz_legal_aid_record {
  uint32_t struct_size;
  const char* case_id;      /* required */
  const char* region;       /* required */
  const char* applied_date; /* required */
  const char* decided_date;
  const char* decision; /* granted, denied; required when decided */
  const char* accepted_date;
  const char* case_type;
  const char* assigned_date;
  const char* lawyer_id;
  const char* firm_id;
  const char* assignment_method;
  const char* closed_date;
  const char* recovered_amount; /* yuan: "15128000.00", "1512.8万" */
  int32_t commitment;           /* FZ_TRI_* */
  /* Dimensions (docs/data.md, optional): */
  const char* service_type;    /* litigation, non_litigation (诉讼, 非诉讼) */
  const char* recipient_group; /* migrant_worker, elderly, minor, ... (农民工, 老年人, ...) */
} fz_legal_aid_record;
/* clang-format off */
#define FZ_LEGAL_AID_RECORD_INIT                                                                   \
  {sizeof(fz_legal_aid_record), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,        \
   NULL, NULL, NULL, FZ_TRI_UNKNOWN, NULL, NULL}
/* clang-format on */

/* fz_mediation_record: one 人民调解 case. */
typedef struct fz_mediation_record {
  uint32_t struct_size;
  const char* case_id;       /* required */
  const char* region;        /* required */
  const char* received_date; /* required */
  const char* org_id;
  const char* closed_date;
  const char* outcome; /* success, failure, other; required when closed */
  const char* category;
  int32_t major_group; /* FZ_TRI_* */
  /* Dimensions (docs/data.md, optional): */
  const char* org_type; /* village, township, professional, enterprise, other */
} fz_mediation_record;
/* clang-format off */
#define FZ_MEDIATION_RECORD_INIT                                                                   \
  {sizeof(fz_mediation_record), NULL, NULL, NULL, NULL, NULL, NULL, NULL, FZ_TRI_UNKNOWN, NULL}
/* clang-format on */

/* fz_registry_record: one standing entity (a law firm, a lawyer, ...). */
typedef struct fz_registry_record {
  uint32_t struct_size;
  const char* kind;       /* required: law_firm, lawyer, mediation_org, ... */
  const char* entity_id;  /* required */
  const char* region;     /* required */
  const char* start_date; /* required */
  const char* end_date;   /* empty while the entity stands */
} fz_registry_record;
/* clang-format off */
#define FZ_REGISTRY_RECORD_INIT {sizeof(fz_registry_record), NULL, NULL, NULL, NULL, NULL}
/* clang-format on */

/* fz_activity_record: one tally of work (docs/metrics.md's counted activities). */
typedef struct fz_activity_record {
  uint32_t struct_size;
  const char* region;    /* required */
  const char* date;      /* required */
  const char* indicator; /* required: "law_education.events", ... */
  int64_t value;         /* required, non-negative */
  const char* note;
} fz_activity_record;
/* clang-format off */
#define FZ_ACTIVITY_RECORD_INIT {sizeof(fz_activity_record), NULL, NULL, NULL, 0, NULL}
/* clang-format on */

/* fz_regions_record: one region's name (regions.csv). */
typedef struct fz_regions_record {
  uint32_t struct_size;
  const char* region; /* required */
  const char* name;   /* required: "白云区" */
} fz_regions_record;
/* clang-format off */
#define FZ_REGIONS_RECORD_INIT {sizeof(fz_regions_record), NULL, NULL}
/* clang-format on */

/* The smallest struct_size of each record: through its required fields. */
#define FZ_RECONSIDERATION_RECORD_MIN_SIZE \
  (offsetof(fz_reconsideration_record, received_date) + sizeof(const char*))
#define FZ_LITIGATION_RECORD_MIN_SIZE \
  (offsetof(fz_litigation_record, instance) + sizeof(const char*))
#define FZ_LEGAL_AID_RECORD_MIN_SIZE \
  (offsetof(fz_legal_aid_record, applied_date) + sizeof(const char*))
#define FZ_MEDIATION_RECORD_MIN_SIZE \
  (offsetof(fz_mediation_record, received_date) + sizeof(const char*))
#define FZ_REGISTRY_RECORD_MIN_SIZE (offsetof(fz_registry_record, start_date) + sizeof(const char*))
#define FZ_ACTIVITY_RECORD_MIN_SIZE (offsetof(fz_activity_record, value) + sizeof(int64_t))
#define FZ_REGIONS_RECORD_MIN_SIZE (offsetof(fz_regions_record, name) + sizeof(const char*))

/* Each add counts in fz_dataset_summary as a row read of kind FZ_KIND_*,
 * accepted or rejected; a rejected one (a field that cannot be read, or a
 * record the rules refuse) is in fz_dataset_rejects_json with file
 * "<add:KIND>" and, as its line, its number among that kind's adds. A NULL
 * record, a bad struct_size or a sealed dataset count nothing. */
FZ_EXTERN fz_status fz_dataset_add_reconsideration(fz_dataset* ds,
                                                   const fz_reconsideration_record* record);
FZ_EXTERN fz_status fz_dataset_add_litigation(fz_dataset* ds, const fz_litigation_record* record);
FZ_EXTERN fz_status fz_dataset_add_legal_aid(fz_dataset* ds, const fz_legal_aid_record* record);
FZ_EXTERN fz_status fz_dataset_add_mediation(fz_dataset* ds, const fz_mediation_record* record);
FZ_EXTERN fz_status fz_dataset_add_registry(fz_dataset* ds, const fz_registry_record* record);
FZ_EXTERN fz_status fz_dataset_add_activity(fz_dataset* ds, const fz_activity_record* record);
FZ_EXTERN fz_status fz_dataset_add_regions(fz_dataset* ds, const fz_regions_record* record);

/* ---- Report ------------------------------------------------------------------
 * The annual report (docs/metrics.md) of one region and period: every metric's
 * exact value, the previous period's value and the year-on-year change, as
 * presented by a report profile. A report is a copy: it does not refer to the
 * dataset, the calendar or the options it was computed from, which may be
 * freed first. A report is immutable and safe to read from many threads. */
typedef struct fz_report fz_report;

/* fz_report_options: how to compute. NULL options are the defaults. */
typedef struct fz_report_options {
  uint32_t struct_size;
  const char* profile_json;    /* a report profile (profile.hpp's JSON keys), or NULL */
  const char* profile_path;    /* a profile file, or NULL; not both */
  const fz_calendar* calendar; /* NULL: the built-in national calendar */
} fz_report_options;
/* clang-format off */
#define FZ_REPORT_OPTIONS_INIT {sizeof(fz_report_options), NULL, NULL, NULL}
/* clang-format on */
#define FZ_REPORT_OPTIONS_MIN_SIZE (offsetof(fz_report_options, profile_json) + sizeof(const char*))

/* fz_report_compute: the report for region ("440111"; a city or province is
 * rolled up from its districts) and the closed period [from, to]
 * ("2019-01-01", "2019-12-31"). A region without records is FZ_NOT_FOUND. */
FZ_EXTERN fz_status fz_report_compute(fz_report** out, const fz_dataset* ds, const char* region,
                                      const char* from, const char* to,
                                      const fz_report_options* options);
/* fz_report_all_json: every region's report (districts, then cities, then
 * provinces) as one JSON array, in one pass. Release *json with fz_free. */
FZ_EXTERN fz_status fz_report_all_json(const fz_dataset* ds, const char* from, const char* to,
                                       const fz_report_options* options, char** json, size_t* len);
FZ_EXTERN void fz_report_free(fz_report* report);

/* fz_report_metric_count / fz_report_metric_id: the report's metrics in
 * catalogue order. The id is static storage (it outlives the report). */
FZ_EXTERN fz_status fz_report_metric_count(const fz_report* report, int32_t* out);
FZ_EXTERN fz_status fz_report_metric_id(const fz_report* report, int32_t index, const char** out);
/* fz_report_region: the region's code ("440111") and name ("白云区", or the
 * code when regions.csv has none); borrowed, alive as long as the report. */
FZ_EXTERN fz_status fz_report_region(const fz_report* report, const char** code, const char** name);
/* fz_report_period: the period and the year-ago period compared with (同比),
 * as "YYYY-MM-DD" into char[11] buffers; any of the four may be NULL. */
FZ_EXTERN fz_status fz_report_period(const fz_report* report, char from[11], char to[11],
                                     char previous_from[11], char previous_to[11]);

/* Kinds of metric value. */
#define FZ_VALUE_UNDEFINED 0 /* no value: a zero denominator or no data; see reason */
#define FZ_VALUE_COUNT 1     /* an integer count */
#define FZ_VALUE_FRACTION 2  /* a rate or share: num/den as a fraction of 1 */
#define FZ_VALUE_MONEY 3     /* money: integer = fen; num/den = yuan */
#define FZ_VALUE_DAYS 4      /* a number of days, possibly fractional */
#define FZ_VALUE_RANK 5      /* a rank among sibling regions, 1 = first */
#define FZ_VALUE_NUMBER 6    /* a plain number, possibly fractional: a mean, a statistic */
/* Kinds may be added in a later 1.x (FZ_VALUE_NUMBER came after 1.0.0): num/den
 * and text are valid for every defined value, whatever its kind. */

/* fz_value: one metric of a report. Every value is exact: it equals num/den
 * (counts and ranks as n/1, money in yuan, rates as fractions of 1 kept
 * unreduced as the counts were: 110/117). Every const char* is borrowed from
 * the report, never NULL ("" when absent), and lives as long as the report.
 * The *_num_text / *_den_text strings hold the same integers in decimal; when
 * one of them is beyond int64, fz_report_get fills the struct with that int64
 * pair set to 0 and returns FZ_OUT_OF_RANGE, and the strings stay exact. */
typedef struct fz_value {
  uint32_t struct_size;
  int32_t kind;    /* FZ_VALUE_* */
  int64_t integer; /* counts, ranks, and money in fen; else 0 */
  int64_t num;     /* the exact value num/den; den = 0 when undefined */
  int64_t den;
  const char* text;      /* as presented: "94.02%", "1512.8 万元", "439 件" */
  const char* decimal;   /* the JSON's decimal string: "0.9402", "15128000.00" */
  int32_t has_previous;  /* 1: the previous period has a defined value */
  int32_t previous_kind; /* its FZ_VALUE_* (FZ_VALUE_UNDEFINED without one) */
  int64_t previous_integer;
  int64_t previous_num;
  int64_t previous_den;
  const char* previous_text;
  const char* previous_decimal;
  int32_t has_yoy;     /* 1: the year-on-year change is defined */
  int32_t metric_kind; /* the FZ_VALUE_* of this metric's defined values,
                          also when this one is undefined */
  int64_t yoy_num;     /* (value - previous) / previous */
  int64_t yoy_den;
  const char* yoy_text;    /* "-22.7%" */
  const char* yoy_decimal; /* "-0.2271" */
  const char* id;          /* "litigation.win_rate" */
  const char* label;       /* "胜诉率" */
  const char* unit;        /* "件", "%", "元", ... */
  const char* basis;       /* the 口径 of a correction rate, else "" */
  const char* reason;      /* why the value is undefined, else "" */
  const char* num_text;
  const char* den_text;
  const char* previous_num_text;
  const char* previous_den_text;
  const char* yoy_num_text;
  const char* yoy_den_text;
} fz_value;
/* clang-format off */
#define FZ_VALUE_INIT                                                                              \
  {sizeof(fz_value), FZ_VALUE_UNDEFINED, 0, 0, 0, NULL, NULL, 0, FZ_VALUE_UNDEFINED, 0, 0, 0,      \
   NULL, NULL, 0, FZ_VALUE_UNDEFINED, 0, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,        \
   NULL, NULL, NULL, NULL, NULL}
/* clang-format on */
#define FZ_VALUE_MIN_SIZE 8u

/* fz_report_get: one metric by id (the ids of docs/metrics.md: "reconsideration.received",
 * "litigation.win_rate", "law_education.events", ...). An unknown id is
 * FZ_NOT_FOUND. */
FZ_EXTERN fz_status fz_report_get(const fz_report* report, const char* metric_id, fz_value* value);
/* fz_report_to_json: the report's JSON object (README.md). Release *json with fz_free. */
FZ_EXTERN fz_status fz_report_to_json(const fz_report* report, char** json, size_t* len);
/* fz_report_narrative: the Chinese narrative, one paragraph a line. Release
 * *text with fz_free. */
FZ_EXTERN fz_status fz_report_narrative(const fz_report* report, char** text, size_t* len);

/* The comparisons of a metric (fz_report_get_change). */
#define FZ_COMPARE_YEAR_AGO 0   /* 同比: the same dates a year earlier (fz_value's previous and yoy) */
#define FZ_COMPARE_SEQUENTIAL 1 /* 环比: the period of the same length just before; none for
                                   a report of whole calendar years */

/* fz_change: one metric against one earlier period. A count, an amount or an
 * average changes relatively ((now - before) / before); a rate or share
 * (FZ_VALUE_FRACTION) also in percentage points (now - before as a fraction of
 * 1: 7.41 个百分点 is 0.0741), which is what the narrative says. Strings are
 * borrowed from the report as in fz_value, "" when absent; a figure beyond
 * int64 is as in fz_value (FZ_OUT_OF_RANGE, the *_text strings exact). */
typedef struct fz_change {
  uint32_t struct_size;
  int32_t comparison;    /* FZ_COMPARE_* */
  int32_t has_previous;  /* 1: the earlier period has a defined value */
  int32_t previous_kind; /* its FZ_VALUE_* (FZ_VALUE_UNDEFINED without one) */
  int64_t previous_integer;
  int64_t previous_num;
  int64_t previous_den;
  const char* previous_text;
  const char* previous_decimal;
  int32_t has_change;    /* 1: the relative change is defined */
  int32_t has_change_pp; /* 1: the change in percentage points is defined (rates) */
  int64_t change_num;    /* (value - previous) / previous */
  int64_t change_den;
  const char* change_text;    /* "-22.7%" */
  const char* change_decimal; /* "-0.2271" */
  int64_t change_pp_num;      /* value - previous, a fraction of 1 */
  int64_t change_pp_den;
  const char* change_pp_text;    /* "7.41 个百分点" */
  const char* change_pp_decimal; /* "0.0741" */
  const char* previous_num_text;
  const char* previous_den_text;
  const char* change_num_text;
  const char* change_den_text;
  const char* change_pp_num_text;
  const char* change_pp_den_text;
} fz_change;
/* clang-format off */
#define FZ_CHANGE_INIT                                                                             \
  {sizeof(fz_change), FZ_COMPARE_YEAR_AGO, 0, FZ_VALUE_UNDEFINED, 0, 0, 0, NULL, NULL, 0, 0, 0, 0, \
   NULL, NULL, 0, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL}
/* clang-format on */
#define FZ_CHANGE_MIN_SIZE (offsetof(fz_change, change_pp_den_text) + sizeof(const char*))

/* fz_report_get_change: one metric (an id as in fz_report_get) against the
 * FZ_COMPARE_* comparison. Asking for FZ_COMPARE_SEQUENTIAL of a report of
 * whole years gives has_previous = 0. An unknown id is FZ_NOT_FOUND, an
 * unknown comparison FZ_INVALID_ARGUMENT. */
FZ_EXTERN fz_status fz_report_get_change(const fz_report* report, const char* metric_id,
                                         int32_t comparison, fz_change* change);
/* fz_report_sequential_period: the period 环比 compares with, as "YYYY-MM-DD"
 * into char[11] buffers (either may be NULL); *has (not NULL) is 0 and the
 * buffers are left alone for a report of whole years, which has none. */
FZ_EXTERN fz_status fz_report_sequential_period(const fz_report* report, int32_t* has, char from[11],
                                                char to[11]);

/* ---- Lists: regions, rejections, every region's report ------------------------
 * What a dataset holds, walked by index instead of read from JSON: the regions
 * it can report on (so that no caller guesses codes), its rejected rows with
 * a code a program can sort on, and every region's report as handles.
 *
 *   fz_region_list* regions = NULL;
 *   fz_region_info r = FZ_REGION_INFO_INIT;
 *   int32_t n = 0;
 *   if (fz_dataset_regions(&regions, ds) == FZ_OK && fz_region_list_count(regions, &n) == FZ_OK)
 *     for (int32_t i = 0; i < n && fz_region_list_get(regions, i, &r) == FZ_OK; ++i)
 *       printf("%s %s (parent %s)\n", r.code, r.name, r.parent);
 *   fz_region_list_free(regions);
 */

/* Levels of a region (GB/T 2260): figures roll up district -> city -> province. */
#define FZ_REGION_PROVINCE 0 /* "440000" */
#define FZ_REGION_CITY 1     /* "440100" */
#define FZ_REGION_DISTRICT 2 /* "440111" */

/* fz_region_info: one region. Strings are borrowed from the fz_region_list
 * and live as long as it; never NULL. */
typedef struct fz_region_info {
  uint32_t struct_size;
  int32_t level;      /* FZ_REGION_* */
  const char* code;   /* "440111" */
  const char* name;   /* from regions.csv ("白云区"); "" when it names none */
  const char* parent; /* the next level up ("440100"); "" for a province */
} fz_region_info;
/* clang-format off */
#define FZ_REGION_INFO_INIT {sizeof(fz_region_info), FZ_REGION_PROVINCE, NULL, NULL, NULL}
/* clang-format on */
#define FZ_REGION_INFO_MIN_SIZE (offsetof(fz_region_info, parent) + sizeof(const char*))

/* fz_region_list: the regions of a dataset at one moment; later loads into
 * the dataset do not change it. Immutable: safe to read from many threads. */
typedef struct fz_region_list fz_region_list;

/* fz_dataset_regions: every region the dataset can report on, in the order
 * of fz_report_compute_all: each region a record names, with its city and
 * province; districts, then cities, then provinces, each by code. An empty
 * dataset gives an empty list. */
FZ_EXTERN fz_status fz_dataset_regions(fz_region_list** out, const fz_dataset* ds);
FZ_EXTERN fz_status fz_region_list_count(const fz_region_list* list, int32_t* out);
/* fz_region_list_get: region `index` (0 .. count - 1; else FZ_OUT_OF_RANGE). */
FZ_EXTERN fz_status fz_region_list_get(const fz_region_list* list, int32_t index,
                                       fz_region_info* info);
FZ_EXTERN void fz_region_list_free(fz_region_list* list);

/* Kinds of rejection (fz_rejection.code), for a program that sorts or counts
 * rejected rows; the reason is the text for people. Codes may be added in a
 * later 1.x: treat an unknown one as FZ_REJECT_OTHER. */
#define FZ_REJECT_OTHER 0         /* none of the below */
#define FZ_REJECT_MALFORMED 1     /* the CSV row cannot be read: a quote left open, the
                                     number of fields, a row too long */
#define FZ_REJECT_ENCODING 2      /* not text: invalid UTF-8, a NUL byte, a line in
                                     another encoding than its file's */
#define FZ_REJECT_MISSING 3       /* a required value is empty (or required once another
                                     is given: a disposition once closed_date is) */
#define FZ_REJECT_INVALID_VALUE 4 /* a value that cannot be read: a date, region, number,
                                     code or boolean */
#define FZ_REJECT_INCONSISTENT 5  /* values that contradict each other: a date before the
                                     one it follows, a disposition without closed_date */
#define FZ_REJECT_DUPLICATE 6     /* an id already seen */

/* fz_rejection: one rejected row, as fz_dataset_rejects_json gives it. The
 * strings are borrowed from the dataset, never NULL, and live until the
 * dataset is next loaded into or added to, or freed. */
typedef struct fz_rejection {
  uint32_t struct_size;
  int32_t code;       /* FZ_REJECT_* */
  int64_t line;       /* 1-based physical line where the row starts; an add's
                         number among that kind's adds */
  const char* file;   /* the path, "<buffer:KIND>" or "<add:KIND>" */
  const char* column; /* the canonical column name; "" for the whole row */
  const char* reason; /* "no such day: '2019-02-30' ..." */
  const char* raw;    /* the row's text, cut to 512 bytes at a whole character */
} fz_rejection;
/* clang-format off */
#define FZ_REJECTION_INIT {sizeof(fz_rejection), FZ_REJECT_OTHER, 0, NULL, NULL, NULL, NULL}
/* clang-format on */
#define FZ_REJECTION_MIN_SIZE (offsetof(fz_rejection, raw) + sizeof(const char*))

/* fz_dataset_rejection_count: the rejected rows of every load, in load order
 * (fz_load_summary's rows_rejected over every load). */
FZ_EXTERN fz_status fz_dataset_rejection_count(const fz_dataset* ds, int64_t* out);
/* fz_dataset_rejection_get: rejected row `index` (0 .. count - 1; else
 * FZ_OUT_OF_RANGE). */
FZ_EXTERN fz_status fz_dataset_rejection_get(const fz_dataset* ds, int64_t index,
                                             fz_rejection* rejection);

/* fz_report_list: every region's report, computed in one pass. Immutable:
 * safe to read from many threads. */
typedef struct fz_report_list fz_report_list;

/* fz_report_compute_all: the reports of fz_dataset_regions' regions, in its
 * order, for the closed period [from, to]; the handles of fz_report_all_json.
 * An empty dataset gives an empty list. */
FZ_EXTERN fz_status fz_report_compute_all(fz_report_list** out, const fz_dataset* ds,
                                          const char* from, const char* to,
                                          const fz_report_options* options);
FZ_EXTERN fz_status fz_report_list_count(const fz_report_list* list, int32_t* out);
/* fz_report_list_get: report `index` (0 .. count - 1; else FZ_OUT_OF_RANGE),
 * borrowed: it lives as long as the list and is not passed to fz_report_free. */
FZ_EXTERN fz_status fz_report_list_get(const fz_report_list* list, int32_t index,
                                       const fz_report** report);
FZ_EXTERN void fz_report_list_free(fz_report_list* list);

/* ---- Verifiable draws (docs/lottery.md) -------------------------------------
 * The legal-aid lottery (摇珠) and the 双随机 inspection sample: pure functions
 * of public inputs (an announced seed, an id, canonical lists) whose result is
 * an audit record, a JSON object of docs/lottery.md that anyone can re-check
 * with fz_lottery_verify, `fazhi verify` or scripts/verify_lottery.py. Lists
 * are arrays of `count` UTF-8 strings in any order (the library sorts them);
 * an array may be NULL only when its count is 0, and no element may be NULL.
 * A duplicate or empty id, an empty seed and text that is not UTF-8 are
 * FZ_INVALID_ARGUMENT; a pool or team emptied by exclusions is
 * FZ_FAILED_PRECONDITION. These functions hold no state and are safe to call
 * from many threads at once.
 *
 *   const char* answered[] = {"王律师", "李律师", "陈律师"};
 *   const char* conflicts[] = {"李律师"};
 *   fz_draw_input in = FZ_DRAW_INPUT_INIT;
 *   in.seed = "2024-06-03 上证指数收盘 3078.49";
 *   in.case_id = "穗白法援〔2024〕0173号";
 *   in.answered = answered;
 *   in.answered_count = 3;
 *   in.conflicts = conflicts;
 *   in.conflicts_count = 1;
 *   char* audit = NULL;
 *   if (fz_lottery_draw(&in, &audit, NULL) == FZ_OK) puts(audit);  (publish it)
 *   fz_free(audit);
 */

/* fz_draw_input: one legal-aid assignment by lottery. The lawyers who
 * answered the invitation, less those with a conflict of interest and those
 * at their caseload cap, form the pool; an exclusion naming a lawyer who did
 * not answer has no effect. */
typedef struct fz_draw_input {
  uint32_t struct_size;
  const char* seed;            /* required: the announced seed, exactly */
  const char* case_id;         /* required */
  const char* const* answered; /* required: at least one */
  size_t answered_count;
  const char* const* conflicts; /* may be NULL with a count of 0 */
  size_t conflicts_count;
  const char* const* at_cap; /* may be NULL with a count of 0 */
  size_t at_cap_count;
} fz_draw_input;
/* clang-format off */
#define FZ_DRAW_INPUT_INIT {sizeof(fz_draw_input), NULL, NULL, NULL, 0, NULL, 0, NULL, 0}
/* clang-format on */
#define FZ_DRAW_INPUT_MIN_SIZE (offsetof(fz_draw_input, answered_count) + sizeof(size_t))

/* fz_sample_input: one 双随机 batch: k of the targets, then for each chosen
 * target a team of m inspectors, none with a conflict for it. Conflicts are
 * pairs (conflict_inspectors[i], conflict_targets[i]) for i < conflicts_count;
 * a pair naming someone not on the lists has no effect. */
typedef struct fz_sample_input {
  uint32_t struct_size;
  const char* seed;           /* required */
  const char* batch_id;       /* NULL or "" when the seed serves one batch only */
  const char* const* targets; /* required */
  size_t targets_count;
  uint64_t k;                    /* 1 .. targets_count */
  const char* const* inspectors; /* required */
  size_t inspectors_count;
  uint64_t m;                             /* 1 .. inspectors_count */
  const char* const* conflict_inspectors; /* may be NULL with a count of 0 */
  const char* const* conflict_targets;
  size_t conflicts_count;
} fz_sample_input;
/* clang-format off */
#define FZ_SAMPLE_INPUT_INIT                                                                       \
  {sizeof(fz_sample_input), NULL, NULL, NULL, 0, 0, NULL, 0, 0, NULL, NULL, 0}
/* clang-format on */
#define FZ_SAMPLE_INPUT_MIN_SIZE (offsetof(fz_sample_input, m) + sizeof(uint64_t))

/* fz_lottery_draw: draws one lawyer and writes the audit record (scheme
 * fazhi-lottery-v1) into *audit_json. Release it with fz_free; len may be
 * NULL. */
FZ_EXTERN fz_status fz_lottery_draw(const fz_draw_input* input, char** audit_json, size_t* len);
/* fz_sample_draw: draws a 双随机 sample and writes its audit record (scheme
 * fazhi-sample-v1) into *audit_json. Release it with fz_free; len may be
 * NULL. */
FZ_EXTERN fz_status fz_sample_draw(const fz_sample_input* input, char** audit_json, size_t* len);
/* fz_lottery_verify: reads an audit record of either scheme (chosen by its
 * "scheme" key), recomputes it from its inputs and compares every field. A
 * record that does not verify is FZ_FAILED_PRECONDITION, and the message names
 * the first field that differs with both values; a record that cannot be read
 * (bad JSON, a missing, mistyped, repeated or unknown key) is
 * FZ_INVALID_ARGUMENT. On success *summary (when summary is not NULL) is the
 * one line a clerk reads ("case ...: 陈律师 drawn (index 2 of 3 eligible; 5
 * answered)"), released with fz_free; len may be NULL. */
FZ_EXTERN fz_status fz_lottery_verify(const char* audit_json, char** summary, size_t* len);

/* Announcements (docs/lottery.md, "Announcement"). Before the seed exists,
 * publish the announcement: every input of the draw but the seed, and one
 * SHA-256 commitment over them ("announcement_sha256"). The draw records the
 * same commitment, and fz_lottery_verify_announced proves a record used the
 * announced lists; fz_lottery_verify alone proves only that a record agrees
 * with itself. */

/* fz_lottery_announce: checks a draw's inputs as fz_lottery_draw does (the
 * seed is not read and may be NULL) and writes the announcement (scheme
 * fazhi-lottery-announcement-v1, JSON) into *announcement_json. Release it
 * with fz_free; len may be NULL. */
FZ_EXTERN fz_status fz_lottery_announce(const fz_draw_input* input, char** announcement_json,
                                        size_t* len);
/* fz_sample_announce: the same for a 双随机 sample (scheme
 * fazhi-sample-announcement-v1). */
FZ_EXTERN fz_status fz_sample_announce(const fz_sample_input* input, char** announcement_json,
                                       size_t* len);
/* fz_lottery_verify_announced: fz_lottery_verify, then checks that the
 * record's inputs are the announced ones. A record whose inputs differ from
 * the announcement is FZ_FAILED_PRECONDITION naming the first list that
 * differs; an announcement that cannot be read, or does not hash to its own
 * commitment, is FZ_INVALID_ARGUMENT or FZ_FAILED_PRECONDITION. */
FZ_EXTERN fz_status fz_lottery_verify_announced(const char* audit_json,
                                                const char* announcement_json, char** summary,
                                                size_t* len);

/* Lists as people type them (docs/lottery.md, "Lists"): the same parsing as
 * the fazhi command's list options. FZ_LIST_INLINE reads a comma list
 * (a command-line value); FZ_LIST_FILE reads a file's contents, one id a
 * line. text need not be NUL-terminated (text_len bytes are read); a NUL byte
 * in it is an error. */
#define FZ_LIST_INLINE 0
#define FZ_LIST_FILE 1
/* fz_lottery_parse_ids: the ids of a list as a JSON array of strings, in the
 * order written, into *ids_json (release with fz_free). An id the lottery
 * refuses, a full-width comma or a file name in an inline list, and a quote
 * not closed are FZ_INVALID_ARGUMENT, naming the item or line. */
FZ_EXTERN fz_status fz_lottery_parse_ids(const char* text, size_t text_len, int32_t form,
                                         char** ids_json, size_t* len);
/* fz_lottery_parse_conflicts: conflicts (inspector:target,... inline, or one
 * inspector<TAB>target or inspector,target a line in a file) as a JSON array
 * of {"inspector", "target"} objects into *conflicts_json. */
FZ_EXTERN fz_status fz_lottery_parse_conflicts(const char* text, size_t text_len, int32_t form,
                                               char** conflicts_json, size_t* len);

/* ---- Breakdowns (docs/breakdowns.md) --------------------------------------------
 * One metric of a region split by a dimension of its records (REPORT.md,
 * "Breakdowns, shares and series"): rows with exact values, each row's share
 * of the total, the comparison period's value and the change (relative for a
 * count, 个百分点 for a rate), and its rank.
 *
 *   fz_breakdown* b = NULL;
 *   fz_breakdown_row row = FZ_BREAKDOWN_ROW_INIT;
 *   int32_t n = 0;
 *   if (fz_breakdown_compute(&b, ds, "441881", "2024-01-01", "2024-12-31",
 *                            "reconsideration.received", "respondent_level", NULL) == FZ_OK &&
 *       fz_breakdown_row_count(b, &n) == FZ_OK)
 *     for (int32_t i = 0; i < n && fz_breakdown_row_get(b, i, &row) == FZ_OK; ++i)
 *       printf("%s %s\n", row.label, row.text);  // "县级政府部门 140 件（92.72%）"
 *   fz_breakdown_free(b);
 *
 * A breakdown is immutable once made (fz_breakdown_fold makes it anew) and
 * may be read from many threads; its strings are borrowed until it is freed. */
typedef struct fz_breakdown fz_breakdown;

/* fz_breakdown_row: one row, or the total (合计). Written up to struct_size.
 * A count: kind FZ_VALUE_COUNT, value = num = the count, den = 1. A rate:
 * kind FZ_VALUE_FRACTION, num/den its numerator and denominator as counted
 * (not reduced). Undefined: FZ_VALUE_UNDEFINED, den = 0. A fraction whose
 * den is 0 (share, change, change_pp) is undefined; one beyond int64 is
 * given as 0/0 too (the JSON keeps it exact). */
typedef struct fz_breakdown_row {
  uint32_t struct_size;
  int32_t kind;          /* FZ_VALUE_COUNT, FZ_VALUE_FRACTION or FZ_VALUE_UNDEFINED */
  const char* key;       /* the code, the text, "2024-03", "440111"; NULL: empty (未填); "*other": 其他 */
  const char* label;     /* Chinese: "县级政府部门", "未填", "其他", "合计" */
  int64_t value;         /* a count; else 0 */
  int64_t num, den;
  int32_t previous_kind; /* the comparison period's */
  int32_t rank;          /* 1 = the largest; ties share the better rank; 0: none (其他, 合计, undefined) */
  int64_t previous;
  int64_t previous_num, previous_den;
  int64_t share_num, share_den;         /* counts: value / total, reduced */
  int64_t change_num, change_den;       /* counts: (value - previous) / previous, reduced */
  int64_t change_pp_num, change_pp_den; /* rates: value - previous, a fraction of 1 (个百分点) */
  const char* text;                     /* "140 件（92.72%）", "93.75%", "—" */
  const char* change_text;              /* "-24.2%", "20.17 个百分点", "" */
} fz_breakdown_row;
/* clang-format off */
#define FZ_BREAKDOWN_ROW_INIT {sizeof(fz_breakdown_row), 0, NULL, NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, NULL}
/* clang-format on */
#define FZ_BREAKDOWN_ROW_MIN_SIZE (offsetof(fz_breakdown_row, den) + sizeof(int64_t))

/* fz_breakdown_compute: `metric` ("reconsideration.received") of `region`
 * ("441881"; "000000" is the whole dataset, 全国) in [from, to], split by
 * `by` (a dimension of its family: "respondent_level", "act_type", "month",
 * "region", ...), compared with the same dates a year earlier. options as
 * for fz_report_compute (NULL: the defaults). A metric that cannot be split or
 * a dimension not of its family is FZ_INVALID_ARGUMENT; a region without
 * records FZ_NOT_FOUND. */
FZ_EXTERN fz_status fz_breakdown_compute(fz_breakdown** out, const fz_dataset* ds, const char* region,
                                         const char* from, const char* to, const char* metric,
                                         const char* by, const fz_report_options* options);
FZ_EXTERN void fz_breakdown_free(fz_breakdown* breakdown);
/* fz_breakdown_fold: a new breakdown with the rows after the first `keep`
 * folded into one row 其他 (key "*other"); keep >= 1. */
FZ_EXTERN fz_status fz_breakdown_fold(const fz_breakdown* breakdown, int32_t keep, fz_breakdown** out);
/* fz_breakdown_info: the metric id, the dimension, its label ("按被申请人类型")
 * and whether the rows add up to the total (1) or not (a rate, a stock by
 * month: 0); any out may be NULL. Strings borrowed from the breakdown. */
FZ_EXTERN fz_status fz_breakdown_info(const fz_breakdown* breakdown, const char** metric, const char** by,
                                      const char** label, int32_t* additive);
FZ_EXTERN fz_status fz_breakdown_row_count(const fz_breakdown* breakdown, int32_t* out);
/* fz_breakdown_row_get: row `index` in order (largest first); out of range is
 * FZ_OUT_OF_RANGE. fz_breakdown_total: the 合计 (key NULL, label "合计"). */
FZ_EXTERN fz_status fz_breakdown_row_get(const fz_breakdown* breakdown, int32_t index, fz_breakdown_row* row);
FZ_EXTERN fz_status fz_breakdown_total(const fz_breakdown* breakdown, fz_breakdown_row* total);
/* fz_breakdown_to_json: the breakdown object of docs/breakdowns.md. Release *json with fz_free. */
FZ_EXTERN fz_status fz_breakdown_to_json(const fz_breakdown* breakdown, char** json, size_t* len);

/* ---- Series and cross-tables (docs/breakdowns.md) ---------------------------
 * A series is one metric of a region for each month (or quarter) of the
 * period, every one present (zero counts included), each with the same month
 * a year earlier. A cross-table splits one metric by two dimensions, with
 * each dimension's own breakdown as its margins. Values are exact as in
 * fz_breakdown_row. Both are immutable once made, may be read from many
 * threads, do not refer to the dataset, and lend their strings until freed.
 *
 *   fz_series* s = NULL;
 *   fz_series_point p = FZ_SERIES_POINT_INIT;
 *   int32_t n = 0;
 *   if (fz_series_compute(&s, ds, "440111", "2019-01-01", "2019-12-31",
 *                         "reconsideration.received", "month", NULL) == FZ_OK &&
 *       fz_series_point_count(s, &n) == FZ_OK)
 *     for (int32_t i = 0; i < n && fz_series_point_get(s, i, &p) == FZ_OK; ++i)
 *       printf("%s %s\n", p.period, p.text);   // "2019-01 47 件"
 *   fz_series_free(s);
 */
typedef struct fz_series fz_series;
typedef struct fz_cross_table fz_cross_table;

/* fz_series_point: one month or quarter. Written up to struct_size. A count:
 * kind FZ_VALUE_COUNT, value = num = the count, den = 1; a rate:
 * FZ_VALUE_FRACTION, num/den as counted; undefined (nothing decided that
 * month): FZ_VALUE_UNDEFINED, den = 0. The previous_* fields are the same
 * month or quarter a year earlier, alike. */
typedef struct fz_series_point {
  uint32_t struct_size;
  int32_t kind;
  const char* period; /* "2019-03", "2019-Q1" */
  const char* from;   /* its first and last day in the period, "2019-03-01", "2019-03-31" */
  const char* to;
  int64_t value;
  int64_t num, den;
  int32_t previous_kind;
  int64_t previous;
  int64_t previous_num, previous_den;
  const char* text;          /* "47 件", "93.75%", "—" */
  const char* previous_text; /* the same for a year earlier */
} fz_series_point;
/* clang-format off */
#define FZ_SERIES_POINT_INIT {sizeof(fz_series_point), 0, NULL, NULL, NULL, 0, 0, 0, 0, 0, 0, 0, NULL, NULL}
/* clang-format on */
#define FZ_SERIES_POINT_MIN_SIZE (offsetof(fz_series_point, den) + sizeof(int64_t))

/* fz_series_compute: `metric` of `region` ("000000": the whole dataset) for
 * each month (by "month" or NULL) or quarter (by "quarter") that [from, to]
 * covers whole or in part (a part month cut to the period). The metrics are
 * those of fz_breakdown_compute; the sum of a flow count's points is the
 * period's figure. options as for fz_report_compute. A metric that cannot be
 * split or another `by` is FZ_INVALID_ARGUMENT; a region without records
 * FZ_NOT_FOUND. */
FZ_EXTERN fz_status fz_series_compute(fz_series** out, const fz_dataset* ds, const char* region, const char* from,
                                      const char* to, const char* metric, const char* by,
                                      const fz_report_options* options);
FZ_EXTERN void fz_series_free(fz_series* series);
/* fz_series_info: the metric id, "month" or "quarter", the metric's label
 * ("收到行政复议申请") and unit ("件"); any out may be NULL; borrowed. */
FZ_EXTERN fz_status fz_series_info(const fz_series* series, const char** metric, const char** by,
                                   const char** label, const char** unit);
FZ_EXTERN fz_status fz_series_point_count(const fz_series* series, int32_t* out);
/* fz_series_point_get: point `index` in time order; out of range is FZ_OUT_OF_RANGE. */
FZ_EXTERN fz_status fz_series_point_get(const fz_series* series, int32_t index, fz_series_point* point);
/* fz_series_to_json: {"metric", "by", "region", "points": [{"period",
 * "value", "previous"}]} as `fazhi series --format json`. Release with fz_free. */
FZ_EXTERN fz_status fz_series_to_json(const fz_series* series, char** json, size_t* len);

/* fz_cross_cell: one cell (or the table's total). A count: FZ_VALUE_COUNT,
 * value = num = the count, den = 1; a rate: FZ_VALUE_FRACTION, num/den as
 * counted; undefined: FZ_VALUE_UNDEFINED, den = 0. */
typedef struct fz_cross_cell {
  uint32_t struct_size;
  int32_t kind;
  int64_t value;
  int64_t num, den;
  const char* text; /* "12 件", "93.75%", "—" */
} fz_cross_cell;
/* clang-format off */
#define FZ_CROSS_CELL_INIT {sizeof(fz_cross_cell), 0, 0, 0, 0, NULL}
/* clang-format on */
#define FZ_CROSS_CELL_MIN_SIZE (offsetof(fz_cross_cell, den) + sizeof(int64_t))

/* fz_cross_table_compute: `metric` of `region` in [from, to] split by
 * `rows_by` and `columns_by`: two different dimensions of its family other
 * than month and quarter (fz_breakdown_compute's dimensions). Errors as
 * fz_breakdown_compute. */
FZ_EXTERN fz_status fz_cross_table_compute(fz_cross_table** out, const fz_dataset* ds, const char* region,
                                           const char* from, const char* to, const char* metric,
                                           const char* rows_by, const char* columns_by,
                                           const fz_report_options* options);
FZ_EXTERN void fz_cross_table_free(fz_cross_table* table);
/* fz_cross_table_info: the metric id and the two dimensions; any out may be
 * NULL; borrowed. */
FZ_EXTERN fz_status fz_cross_table_info(const fz_cross_table* table, const char** metric, const char** rows_by,
                                        const char** columns_by);
/* fz_cross_table_size: the number of rows and of columns (either may be NULL). */
FZ_EXTERN fz_status fz_cross_table_size(const fz_cross_table* table, int32_t* rows, int32_t* columns);
/* fz_cross_table_row / _column: the margin of row (column) `index`: that
 * value's row of the dimension's own breakdown (fz_breakdown_compute's row:
 * key, label, value, share, comparison, rank), in the breakdown's order. */
FZ_EXTERN fz_status fz_cross_table_row(const fz_cross_table* table, int32_t index, fz_breakdown_row* row);
FZ_EXTERN fz_status fz_cross_table_column(const fz_cross_table* table, int32_t index, fz_breakdown_row* column);
/* fz_cross_table_cell: the value of row `row` by column `column`; an index
 * out of range is FZ_OUT_OF_RANGE. fz_cross_table_total: the metric's figure. */
FZ_EXTERN fz_status fz_cross_table_cell(const fz_cross_table* table, int32_t row, int32_t column,
                                        fz_cross_cell* cell);
FZ_EXTERN fz_status fz_cross_table_total(const fz_cross_table* table, fz_cross_cell* total);
/* fz_cross_table_to_json: {"metric", "rows_by", "rows_label", "columns_by",
 * "columns_label", "region", "period", "total", "rows": [{"key", "label",
 * "value"}], "columns": [...], "cells": [[...], ...]}. Release with fz_free. */
FZ_EXTERN fz_status fz_cross_table_to_json(const fz_cross_table* table, char** json, size_t* len);

/* ---- Case lists, follow-up lists and department tables (docs/cases.md) ----
 *
 * A case list names the records behind one figure of one region and period:
 * a count's records, or a rate's numerator or denominator, each with the
 * reason it is counted (in Chinese). It has exactly as many records as the
 * figure counts. Case lists carry case ids and the records' own columns:
 * personal data, for the bureau's own follow-up, not for publication.
 *
 *   fz_case_list* l = NULL;
 *   fz_case c = FZ_CASE_INIT;
 *   fz_case_list_compute(&l, ds, "440111", "2019-01-01", "2019-12-31",
 *                        "reconsideration.overdue", FZ_CASE_PART_COUNT, NULL);
 *   fz_case_list_get(l, 0, &c);   c.case_id, c.reason
 *   fz_case_list_free(l);
 */
typedef struct fz_case_list fz_case_list;

#define FZ_CASE_PART_COUNT 0       /* a count's records */
#define FZ_CASE_PART_NUMERATOR 1   /* a rate's numerator */
#define FZ_CASE_PART_DENOMINATOR 2 /* a rate's denominator */

/* fz_case_list_compute: the records behind metric's figure (a count with
 * FZ_CASE_PART_COUNT, a rate with its numerator or denominator) for region
 * (a district, city or province) and [from, to]. A metric without case
 * lists or a part it has not is FZ_INVALID_ARGUMENT; a region without
 * records FZ_NOT_FOUND. The list does not borrow from ds. */
FZ_EXTERN fz_status fz_case_list_compute(fz_case_list** out, const fz_dataset* ds, const char* region,
                                         const char* from, const char* to, const char* metric, int32_t part,
                                         const fz_report_options* options);
/* fz_case_list_compute_row: the records of one row of metric's breakdown by
 * `by` (fz_breakdown_compute): key as the breakdown's row writes it (a code,
 * a text, a region code, "2019-03"); NULL or "" the empty value's row
 * (未填); "*other" the row 其他 of the rows after the first `top` (0: as the
 * options' profile folds its table of metric by `by`). The list's size is
 * the row's value; a month's row is the figure for the month's days. A
 * dimension not of the metric's family, or a key that is no row of it, is
 * FZ_INVALID_ARGUMENT; a known value without records an empty list.
 * The list's JSON names the row: "by", "key", "label". */
FZ_EXTERN fz_status fz_case_list_compute_row(fz_case_list** out, const fz_dataset* ds, const char* region,
                                             const char* from, const char* to, const char* metric, int32_t part,
                                             const char* by, const char* key, int32_t top,
                                             const fz_report_options* options);
/* fz_case_list_follow_up: a follow-up list (督办清单) by name
 * ("late_defences", ...; fz_case_list_follow_up_names lists them). */
FZ_EXTERN fz_status fz_case_list_follow_up(fz_case_list** out, const fz_dataset* ds, const char* region,
                                           const char* from, const char* to, const char* name,
                                           const fz_report_options* options);
/* fz_case_list_follow_up_names: the follow-up lists as a JSON array of
 * {"name", "label", "description"} into *json (release with fz_free). */
FZ_EXTERN fz_status fz_case_list_follow_up_names(char** json, size_t* len);
FZ_EXTERN void fz_case_list_free(fz_case_list* list);

/* fz_case: one record of a list. Every const char* is borrowed from the
 * list, never NULL, and lives as long as the list. */
typedef struct fz_case {
  uint32_t struct_size;
  int32_t kind;            /* FZ_KIND_* */
  const char* case_id;
  const char* region;      /* "440111" */
  const char* reason;      /* "答辩期限 2019-10-08 届满，2019-10-15 提交答辩，逾期 7 日" */
  int64_t times;           /* how often the figure counts it: 1 (2 only in 结案率's denominator) */
  const char* columns_json; /* the record's own columns, a JSON object of strings */
} fz_case;
/* clang-format off */
#define FZ_CASE_INIT {sizeof(fz_case), 0, NULL, NULL, NULL, 0, NULL}
/* clang-format on */
#define FZ_CASE_MIN_SIZE (offsetof(fz_case, columns_json) + sizeof(const char*))

/* fz_case_list_count: the number of records; fz_case_list_get: record
 * index (0 <= index < count) into *out (struct_size set by FZ_CASE_INIT). */
FZ_EXTERN fz_status fz_case_list_count(const fz_case_list* list, int64_t* out);
FZ_EXTERN fz_status fz_case_list_get(const fz_case_list* list, int64_t index, fz_case* out);
/* fz_case_list_to_json / _to_csv: the list as `fazhi cases` writes it
 * (docs/cases.md). Release *text with fz_free. */
FZ_EXTERN fz_status fz_case_list_to_json(const fz_case_list* list, char** json, size_t* len);
FZ_EXTERN fz_status fz_case_list_to_csv(const fz_case_list* list, char** csv, size_t* len);

/* fz_departments_json: the department table of region and [from, to] with
 * the assessment (考核) of the options' profile, as `fazhi departments
 * --format json` writes it (docs/departments.md). Release with fz_free. */
FZ_EXTERN fz_status fz_departments_json(const fz_dataset* ds, const char* region, const char* from,
                                        const char* to, const fz_report_options* options, char** json,
                                        size_t* len);

/* ---- Tally --------------------------------------------------------------------
 * A portable tally (docs/tally.md): the counts a report is made from, by
 * district, for a period and the periods compared with; no case id, name or
 * free text. Tallies of disjoint regions merge exactly, and the report from a
 * merged tally is the report from the pooled records, byte for byte in JSON.
 * A tally is immutable and safe to read from many threads. */
typedef struct fz_tally fz_tally;

/* fz_tally_compute: the tally of ds for [from, to]; region ("440100") keeps
 * only the districts inside it, NULL keeps all. options: the profile (its
 * counting rules are part of the tally) and the calendar, as for reports. */
FZ_EXTERN fz_status fz_tally_compute(fz_tally** out, const fz_dataset* ds, const char* region,
                                     const char* from, const char* to, const fz_report_options* options);
/* fz_tally_parse: a tally from the bytes fz_tally_serialize (CBOR) or
 * fz_tally_json wrote. Truncated, altered (SHA-256), other-version input is
 * FZ_INVALID_ARGUMENT saying which. */
FZ_EXTERN fz_status fz_tally_parse(fz_tally** out, const void* bytes, size_t len);
/* fz_tally_serialize: the tally as CBOR into *bytes (release with fz_free). */
FZ_EXTERN fz_status fz_tally_serialize(const fz_tally* tally, void** bytes, size_t* len);
/* fz_tally_json: the same content as JSON text (release with fz_free). */
FZ_EXTERN fz_status fz_tally_json(const fz_tally* tally, char** json, size_t* len);
/* fz_tally_merge: the tally of `count` tallies of disjoint districts. The same
 * district twice, different periods, profiles, calendars or versions are
 * FZ_INVALID_ARGUMENT. */
FZ_EXTERN fz_status fz_tally_merge(fz_tally** out, const fz_tally* const* parts, size_t count);
/* fz_tally_region / fz_tally_digest: the region covered ("000000" for 全国)
 * and the SHA-256 of the content (64 hex digits); borrowed, alive as long as
 * the tally. */
FZ_EXTERN fz_status fz_tally_region(const fz_tally* tally, const char** code);
FZ_EXTERN fz_status fz_tally_digest(const fz_tally* tally, const char** hex);
/* fz_tally_report: the report of region ("440111", a city, a province, or
 * "000000" for 全国) from the tally; options: the profile, whose counting rules
 * must be the tally's (FZ_FAILED_PRECONDITION); its calendar is not used. */
FZ_EXTERN fz_status fz_tally_report(fz_report** out, const fz_tally* tally, const char* region,
                                    const fz_report_options* options);
/* fz_tally_report_all_json: every region's report, as fz_report_all_json. */
FZ_EXTERN fz_status fz_tally_report_all_json(const fz_tally* tally, const fz_report_options* options,
                                             char** json, size_t* len);
FZ_EXTERN void fz_tally_free(fz_tally* tally);

#ifdef __cplusplus
}
#endif

#endif /* FAZHI_H_ */
