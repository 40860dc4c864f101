/* capi_breakdown_c_test -- the C ABI's breakdowns as a C99 program reads
 * them: the county example's published split (151 applications: county
 * departments 140 = 92.72%, townships 11 = 7.28%), a rate's change in
 * 个百分点, folding into 其他, the total, the JSON, and the errors.
 *
 * Built with -std=c99 -pedantic -Werror -Wall -Wextra.
 *
 *   capi_breakdown_c_test data/examples/county-2024 data/examples/baiyun-2019
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "c_check.h"
#include "fazhi.h"

static fz_dataset* load(const char* dir) {
  fz_dataset* ds = NULL;
  CHECK_OK(fz_dataset_create(&ds, NULL));
  CHECK_OK(fz_dataset_load_dir(ds, dir, NULL));
  return ds;
}

static void check_county(const fz_dataset* ds) {
  fz_breakdown *b = NULL, *folded = NULL;
  fz_breakdown_row row = FZ_BREAKDOWN_ROW_INIT, total = FZ_BREAKDOWN_ROW_INIT;
  const char *metric = NULL, *by = NULL, *label = NULL;
  int32_t n = -1, additive = -1;
  char* json = NULL;
  size_t len = 0;
  CHECK_OK(fz_breakdown_compute(&b, ds, "441881", "2024-01-01", "2024-12-31", "reconsideration.received",
                                "respondent_level", NULL));
  CHECK_OK(fz_breakdown_info(b, &metric, &by, &label, &additive));
  CHECK(strcmp(metric, "reconsideration.received") == 0 && strcmp(by, "respondent_level") == 0);
  CHECK(strcmp(label, "按被申请人类型") == 0 && additive == 1);
  CHECK_OK(fz_breakdown_row_count(b, &n));
  CHECK(n == 2);
  CHECK_OK(fz_breakdown_row_get(b, 0, &row));
  CHECK(row.kind == FZ_VALUE_COUNT && row.value == 140 && row.num == 140 && row.den == 1);
  CHECK(strcmp(row.key, "county_dept") == 0 && strcmp(row.label, "县级政府部门") == 0);
  CHECK(row.share_num == 140 && row.share_den == 151 && row.rank == 1);
  CHECK(strcmp(row.text, "140 件（92.72%）") == 0);
  CHECK(row.previous_kind == FZ_VALUE_COUNT && row.previous == 0 && row.change_den == 0);
  CHECK_OK(fz_breakdown_row_get(b, 1, &row));
  CHECK(row.value == 11 && strcmp(row.text, "11 件（7.28%）") == 0 && row.rank == 2);
  CHECK(fz_breakdown_row_get(b, 2, &row) == FZ_OUT_OF_RANGE);
  CHECK_OK(fz_breakdown_total(b, &total));
  CHECK(total.key == NULL && strcmp(total.label, "合计") == 0 && total.value == 151);
  CHECK(total.share_num == 1 && total.share_den == 1 && total.rank == 0 && strcmp(total.text, "151 件") == 0);
  CHECK_OK(fz_breakdown_to_json(b, &json, &len));
  CHECK(json != NULL && strstr(json, "\"decimal\":\"0.9272\"") != NULL && strlen(json) == len);
  fz_free(json);
  fz_breakdown_free(b);

  /* act_type: the rows after the first three fold into 其他, 8 + 7 + 5 = 20. */
  CHECK_OK(fz_breakdown_compute(&b, ds, "441881", "2024-01-01", "2024-12-31", "reconsideration.received",
                                "act_type", NULL));
  CHECK_OK(fz_breakdown_fold(b, 3, &folded));
  CHECK_OK(fz_breakdown_row_count(folded, &n));
  CHECK(n == 4);
  CHECK_OK(fz_breakdown_row_get(folded, 3, &row));
  CHECK(strcmp(row.key, "*other") == 0 && strcmp(row.label, "其他") == 0 && row.value == 20 && row.rank == 0);
  fz_breakdown_free(folded);
  CHECK(fz_breakdown_fold(b, 0, &folded) == FZ_INVALID_ARGUMENT && folded == NULL);
  fz_breakdown_free(b);

  /* 000000 is the whole dataset, by province. */
  CHECK_OK(fz_breakdown_compute(&b, ds, "000000", "2024-01-01", "2024-12-31", "reconsideration.received",
                                "region", NULL));
  CHECK_OK(fz_breakdown_row_get(b, 0, &row));
  CHECK(strcmp(row.key, "440000") == 0 && row.value == 151);
  fz_breakdown_free(b);

  /* A yes/no dimension keeps the records without it (未填, key NULL). */
  CHECK_OK(fz_breakdown_compute(&b, ds, "441881", "2024-01-01", "2024-12-31", "litigation.received",
                                "head_principal", NULL));
  CHECK_OK(fz_breakdown_row_get(b, 2, &row));
  CHECK(row.key == NULL && strcmp(row.label, "未填") == 0 && row.value == 5);
  fz_breakdown_free(b);

  /* Errors: a dimension of another family, a metric that cannot be split, NULLs, a small struct. */
  CHECK(fz_breakdown_compute(&b, ds, "441881", "2024-01-01", "2024-12-31", "reconsideration.received",
                             "org_type", NULL) == FZ_INVALID_ARGUMENT && b == NULL);
  CHECK(strstr(fz_last_error_message(), "fz_breakdown_compute") != NULL);
  CHECK(fz_breakdown_compute(&b, ds, "441881", "2024-01-01", "2024-12-31", "legal_aid.recovered_amount",
                             "case_type", NULL) == FZ_INVALID_ARGUMENT);
  CHECK(fz_breakdown_compute(&b, ds, "441881", "2024-01-01", "2024-12-31", NULL, "act_type", NULL) ==
        FZ_INVALID_ARGUMENT);
  CHECK(fz_breakdown_row_count(NULL, &n) == FZ_INVALID_ARGUMENT);
  CHECK_OK(fz_breakdown_compute(&b, ds, "441881", "2024-01-01", "2024-12-31", "reconsideration.received",
                                "act_type", NULL));
  row.struct_size = 4;
  CHECK(fz_breakdown_row_get(b, 0, &row) == FZ_INVALID_ARGUMENT);
  /* An older caller's smaller struct gets the fields it has. */
  row.struct_size = (uint32_t)FZ_BREAKDOWN_ROW_MIN_SIZE;
  CHECK_OK(fz_breakdown_row_get(b, 0, &row));
  CHECK(row.value == 75 && row.struct_size == FZ_BREAKDOWN_ROW_MIN_SIZE);
  fz_breakdown_free(b);
  fz_breakdown_free(NULL);
}

/* A rate changes in percentage points: 城乡建设 19/36 against 15/46. */
static void check_baiyun(const fz_dataset* ds) {
  fz_breakdown* b = NULL;
  fz_breakdown_row row = FZ_BREAKDOWN_ROW_INIT;
  CHECK_OK(fz_breakdown_compute(&b, ds, "440111", "2019-01-01", "2019-12-31", "reconsideration.correction_rate",
                                "category", NULL));
  CHECK_OK(fz_breakdown_row_get(b, 0, &row));
  CHECK(row.kind == FZ_VALUE_FRACTION && row.num == 19 && row.den == 36);
  CHECK(row.previous_num == 15 && row.previous_den == 46 && row.share_den == 0);
  CHECK(row.change_pp_num * 1656 == 334 * row.change_pp_den); /* (19*46 - 15*36) / (36*46) */
  CHECK(strcmp(row.change_text, "20.17 个百分点") == 0);
  /* The 合计 of a rate changes in points too: 134/400 against its year-ago rate. */
  CHECK_OK(fz_breakdown_total(b, &row));
  CHECK(row.kind == FZ_VALUE_FRACTION && row.num == 134 && row.den == 400);
  CHECK(row.change_pp_den != 0 && strstr(row.change_text, "个百分点") != NULL);
  fz_breakdown_free(b);
}

int main(int argc, char** argv) {
  fz_dataset *county, *baiyun;
  if (argc != 3) {
    fprintf(stderr, "usage: capi_breakdown_c_test COUNTY_DIR BAIYUN_DIR\n");
    return 2;
  }
  county = load(argv[1]);
  baiyun = load(argv[2]);
  check_county(county);
  check_baiyun(baiyun);
  fz_dataset_free(county);
  fz_dataset_free(baiyun);
  if (failures) fprintf(stderr, "%d checks failed\n", failures);
  return failures ? 1 : 0;
}
