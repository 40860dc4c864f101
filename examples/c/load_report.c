/* load_report -- the first program a government system's developer writes
 * against fazhi: load a folder of exported CSV files and print two figures.
 *
 *   load_report DATA_DIR [REGION [YEAR]]
 *   load_report data/examples/baiyun-2019 440111 2019
 *
 * Build it with CMake (find_package(fazhi)) or with pkg-config:
 *   cc load_report.c $(pkg-config --cflags --libs fazhi) -o load_report
 */
#include <fazhi.h>
#include <stdio.h>
#include <stdlib.h>

/* print_metric writes one figure as the report presents it, with its exact
 * value beside it. */
static int print_metric(const fz_report* report, const char* id) {
  fz_value v = FZ_VALUE_INIT;
  if (fz_report_get(report, id, &v) != FZ_OK) return 0;
  if (v.kind == FZ_VALUE_UNDEFINED) {
    printf("%s (%s): - (%s)\n", v.label, v.id, v.reason);
  } else {
    printf("%s (%s): %s = %s/%s\n", v.label, v.id, v.text, v.num_text, v.den_text);
  }
  return 1;
}

int main(int argc, char** argv) {
  const char* dir = argc > 1 ? argv[1] : NULL;
  const char* region = argc > 2 ? argv[2] : "440111";
  const int year = argc > 3 ? atoi(argv[3]) : 2019;
  char from[16], to[16];
  fz_dataset* ds = NULL;
  fz_report* report = NULL;
  fz_load_summary summary = FZ_LOAD_SUMMARY_INIT;
  int ok = 0;

  if (!dir) {
    fprintf(stderr, "usage: load_report DATA_DIR [REGION [YEAR]]\n");
    return 2;
  }
  snprintf(from, sizeof from, "%04d-01-01", year);
  snprintf(to, sizeof to, "%04d-12-31", year);

  if (fz_dataset_create(&ds, NULL) == FZ_OK && fz_dataset_load_dir(ds, dir, &summary) == FZ_OK &&
      fz_report_compute(&report, ds, region, from, to, NULL) == FZ_OK) {
    printf("fazhi %s: %lld rows read, %lld rejected\n", fz_version_string(),
           (long long)summary.rows_read, (long long)summary.rows_rejected);
    ok = print_metric(report, "reconsideration.received") &&
         print_metric(report, "litigation.win_rate");
  }
  if (!ok) fprintf(stderr, "load_report: %s\n", fz_last_error_message());
  fz_report_free(report);
  fz_dataset_free(ds);
  return ok ? 0 : 1;
}
