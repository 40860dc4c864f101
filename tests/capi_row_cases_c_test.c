/* capi_row_cases_c_test -- the case list of a breakdown row from C99: every
 * row of the Baiyun example's 收到行政复议申请 by category and of its
 * first-instance judgments by outcome has as many records as the row
 * counts (fz_breakdown_compute's row, walked by its key); the 公安 row's
 * first case, the empty value's row by a NULL key, a month, 其他, a rate's
 * part, the row in the list's JSON, and the errors.
 *
 * Built with -std=c99 -pedantic -Werror -Wall -Wextra.
 *
 *   capi_row_cases_c_test data/examples/baiyun-2019
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "c_check.h"
#include "fazhi.h"

#define REGION "440111"
#define FROM "2019-01-01"
#define TO "2019-12-31"

/* row_size is the number of records of one row's list, or -1. */
static int64_t row_size(const fz_dataset* ds, const char* metric, int32_t part, const char* by, const char* key,
                        int32_t top) {
  fz_case_list* l = NULL;
  int64_t n = -1;
  if (fz_case_list_compute_row(&l, ds, REGION, FROM, TO, metric, part, by, key, top, NULL) != FZ_OK) return -1;
  CHECK_OK(fz_case_list_count(l, &n));
  fz_case_list_free(l);
  return n;
}

/* check_every_row walks a breakdown's rows and checks each row's list. */
static void check_every_row(const fz_dataset* ds, const char* metric, const char* by) {
  fz_breakdown* b = NULL;
  fz_breakdown_row row = FZ_BREAKDOWN_ROW_INIT;
  int32_t rows = 0, i;
  int64_t sum = 0;
  CHECK_OK(fz_breakdown_compute(&b, ds, REGION, FROM, TO, metric, by, NULL));
  CHECK_OK(fz_breakdown_row_count(b, &rows));
  CHECK(rows > 1);
  for (i = 0; i < rows; ++i) {
    int64_t n;
    CHECK_OK(fz_breakdown_row_get(b, i, &row));
    n = row_size(ds, metric, FZ_CASE_PART_COUNT, by, row.key, 0);
    if (n != row.value) fprintf(stderr, "%s by %s, row %s: %lld listed\n", metric, by, row.label, (long long)n);
    CHECK(n == row.value);
    sum += n;
  }
  CHECK_OK(fz_breakdown_total(b, &row));
  CHECK(sum == row.value);
  fz_breakdown_free(b);
}

static void check_rows(const fz_dataset* ds) {
  fz_case_list* l = NULL;
  fz_case c = FZ_CASE_INIT;
  int64_t n = -1;
  char* json = NULL;
  size_t len = 0;

  check_every_row(ds, "reconsideration.received", "category");
  check_every_row(ds, "litigation.judged_first_instance", "outcome");

  /* 公安: 135 applications, the first received on 2019-01-03. */
  CHECK_OK(fz_case_list_compute_row(&l, ds, REGION, FROM, TO, "reconsideration.received", FZ_CASE_PART_COUNT,
                                    "category", "公安", 0, NULL));
  CHECK_OK(fz_case_list_count(l, &n));
  CHECK(n == 135);
  CHECK_OK(fz_case_list_get(l, 0, &c));
  CHECK(strcmp(c.case_id, "云府行复〔2019〕4号") == 0);
  CHECK(strcmp(c.reason, "2019-01-03 收到申请") == 0);
  CHECK_OK(fz_case_list_to_json(l, &json, &len));
  CHECK(json != NULL && strstr(json, "\"by\":\"category\",\"key\":\"公安\",\"label\":\"公安\"") != NULL);
  fz_free(json);
  json = NULL;
  fz_case_list_free(l);
  l = NULL;

  /* The empty value's row: a NULL key, as the breakdown's row has it. */
  CHECK(row_size(ds, "mediation.received", FZ_CASE_PART_COUNT, "category", NULL, 0) == 2352);
  CHECK(row_size(ds, "mediation.received", FZ_CASE_PART_COUNT, "category", "", 0) == 2352);
  CHECK_OK(fz_case_list_compute_row(&l, ds, REGION, FROM, TO, "mediation.received", FZ_CASE_PART_COUNT,
                                    "category", NULL, 0, NULL));
  CHECK_OK(fz_case_list_to_json(l, &json, &len));
  CHECK(json != NULL && strstr(json, "\"key\":null,\"label\":\"未填\"") != NULL);
  fz_free(json);
  json = NULL;
  fz_case_list_free(l);
  l = NULL;

  /* A month (the series' 2019-03: 29), 其他 after the first 5 (125), a rate's part. */
  CHECK(row_size(ds, "reconsideration.received", FZ_CASE_PART_COUNT, "month", "2019-03", 0) == 29);
  CHECK(row_size(ds, "reconsideration.received", FZ_CASE_PART_COUNT, "category", "*other", 5) == 125);
  CHECK(row_size(ds, "litigation.head_appearance_rate", FZ_CASE_PART_NUMERATOR, "category", "公安", 0) == 24);

  /* Errors: no such row, a dimension of another family, a bad part or top, NULLs. */
  CHECK(fz_case_list_compute_row(&l, ds, REGION, FROM, TO, "reconsideration.received", FZ_CASE_PART_COUNT,
                                 "category", "无此类别", 0, NULL) == FZ_INVALID_ARGUMENT);
  CHECK(l == NULL);
  CHECK(strstr(fz_last_error_message(), "no row") != NULL);
  CHECK(fz_case_list_compute_row(&l, ds, REGION, FROM, TO, "reconsideration.received", FZ_CASE_PART_COUNT,
                                 "defendant", "x", 0, NULL) == FZ_INVALID_ARGUMENT);
  CHECK(fz_case_list_compute_row(&l, ds, REGION, FROM, TO, "reconsideration.received", FZ_CASE_PART_COUNT,
                                 "category", "*other", 0, NULL) == FZ_INVALID_ARGUMENT);
  CHECK(fz_case_list_compute_row(&l, ds, REGION, FROM, TO, "reconsideration.received", 7, "category", "公安", 0,
                                 NULL) == FZ_INVALID_ARGUMENT);
  CHECK(fz_case_list_compute_row(&l, ds, REGION, FROM, TO, "reconsideration.received", FZ_CASE_PART_COUNT,
                                 "category", "*other", -1, NULL) == FZ_INVALID_ARGUMENT);
  CHECK(fz_case_list_compute_row(&l, ds, REGION, FROM, TO, "reconsideration.received", FZ_CASE_PART_COUNT, NULL,
                                 "公安", 0, NULL) == FZ_INVALID_ARGUMENT);
  CHECK(fz_case_list_compute_row(NULL, ds, REGION, FROM, TO, "reconsideration.received", FZ_CASE_PART_COUNT,
                                 "category", "公安", 0, NULL) == FZ_INVALID_ARGUMENT);
  CHECK(fz_case_list_compute_row(&l, NULL, REGION, FROM, TO, "reconsideration.received", FZ_CASE_PART_COUNT,
                                 "category", "公安", 0, NULL) == FZ_INVALID_ARGUMENT);
  CHECK(l == NULL);
}

int main(int argc, char** argv) {
  fz_dataset* ds = NULL;
  if (argc != 2) {
    fprintf(stderr, "usage: %s data/examples/baiyun-2019\n", argv[0]);
    return 2;
  }
  CHECK_OK(fz_dataset_create(&ds, NULL));
  CHECK_OK(fz_dataset_load_dir(ds, argv[1], NULL));
  check_rows(ds);
  fz_dataset_free(ds);
  if (failures) fprintf(stderr, "%d check(s) failed\n", failures);
  return failures ? EXIT_FAILURE : EXIT_SUCCESS;
}
