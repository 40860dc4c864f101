/* capi_series_c_test -- series and cross-tables from C99: Baiyun's
 * reconsideration cases by month add up to the year's figure (439), a rate
 * by quarter keeps its numerator and denominator, and the county example's
 * cross-table of respondent level by act type has the published margins
 * (140 + 11 = 151) and cells that add up to them.
 *
 * Built with -std=c99 -pedantic -Werror -Wall -Wextra.
 *
 *   capi_series_c_test data/examples/baiyun-2019 data/examples/county-2024
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

static void check_monthly_flow_adds_up(const fz_dataset* ds) {
  fz_series* s = NULL;
  fz_series_point p = FZ_SERIES_POINT_INIT;
  fz_report* rep = NULL;
  fz_value v = FZ_VALUE_INIT;
  const char *metric = NULL, *by = NULL, *label = NULL, *unit = NULL;
  int32_t n = 0, i;
  int64_t sum = 0, previous_sum = 0;
  char* json = NULL;
  CHECK_OK(fz_series_compute(&s, ds, "440111", "2019-01-01", "2019-12-31", "reconsideration.received", "month",
                             NULL));
  CHECK_OK(fz_series_info(s, &metric, &by, &label, &unit));
  CHECK(strcmp(metric, "reconsideration.received") == 0 && strcmp(by, "month") == 0);
  CHECK(strcmp(label, "收到行政复议申请") == 0 && strcmp(unit, "件") == 0);
  CHECK_OK(fz_series_point_count(s, &n));
  CHECK(n == 12);
  for (i = 0; i < n; ++i) {
    CHECK_OK(fz_series_point_get(s, i, &p));
    CHECK(p.kind == FZ_VALUE_COUNT && p.den == 1 && p.num == p.value);
    CHECK(p.previous_kind == FZ_VALUE_COUNT);
    sum += p.value;
    previous_sum += p.previous;
  }
  CHECK_OK(fz_series_point_get(s, 0, &p));
  CHECK(strcmp(p.period, "2019-01") == 0 && strcmp(p.from, "2019-01-01") == 0 && strcmp(p.to, "2019-01-31") == 0);
  CHECK(p.value == 47 && p.previous == 40);
  CHECK(strcmp(p.text, "47 件") == 0 && strcmp(p.previous_text, "40 件") == 0);
  CHECK_OK(fz_series_point_get(s, 11, &p));
  CHECK(strcmp(p.period, "2019-12") == 0 && p.value == 50);

  /* The months add up to the year's figure, and a year earlier to its. */
  CHECK_OK(fz_report_compute(&rep, ds, "440111", "2019-01-01", "2019-12-31", NULL));
  CHECK_OK(fz_report_get(rep, "reconsideration.received", &v));
  CHECK(sum == 439 && v.integer == 439);
  CHECK(v.has_previous && previous_sum == v.previous_integer);
  fz_report_free(rep);

  CHECK_OK(fz_series_to_json(s, &json, NULL));
  CHECK(json && strstr(json, "{\"period\":\"2019-01\",\"value\":47,\"previous\":40}") != NULL);
  fz_free(json);

  /* The ABI's discipline. */
  CHECK(fz_series_point_get(s, 12, &p) == FZ_OUT_OF_RANGE);
  CHECK(fz_series_point_get(s, -1, &p) == FZ_OUT_OF_RANGE);
  p.struct_size = 4;
  CHECK(fz_series_point_get(s, 0, &p) == FZ_INVALID_ARGUMENT);
  CHECK(fz_series_point_count(NULL, &n) == FZ_INVALID_ARGUMENT);
  fz_series_free(s);
  fz_series_free(NULL);
}

static void check_rate_by_quarter(const fz_dataset* ds) {
  fz_series* s = NULL;
  fz_series_point p = FZ_SERIES_POINT_INIT;
  int32_t n = 0, i;
  int64_t num = 0, den = 0;
  /* NULL `by` is by month; "quarter" by quarter. */
  CHECK_OK(fz_series_compute(&s, ds, "440111", "2019-01-01", "2019-12-31", "litigation.win_rate", NULL, NULL));
  CHECK_OK(fz_series_point_count(s, &n));
  CHECK(n == 12);
  fz_series_free(s);
  CHECK_OK(fz_series_compute(&s, ds, "440111", "2019-01-01", "2019-12-31", "litigation.win_rate", "quarter", NULL));
  CHECK_OK(fz_series_point_count(s, &n));
  CHECK(n == 4);
  for (i = 0; i < n; ++i) {
    CHECK_OK(fz_series_point_get(s, i, &p));
    CHECK(p.kind == FZ_VALUE_FRACTION && p.den > 0);
    num += p.num;
    den += p.den;
  }
  /* A flow rate's quarters pool to the year's 110/117. */
  CHECK(num == 110 && den == 117);
  CHECK_OK(fz_series_point_get(s, 0, &p));
  CHECK(strcmp(p.period, "2019-Q1") == 0 && strcmp(p.text, "100.00%") == 0 && strcmp(p.to, "2019-03-31") == 0);
  fz_series_free(s);
  s = NULL;
  CHECK(fz_series_compute(&s, ds, "440111", "2019-01-01", "2019-12-31", "litigation.win_rate", "week", NULL) ==
        FZ_INVALID_ARGUMENT);
  CHECK(s == NULL);
  CHECK(fz_series_compute(&s, ds, "441881", "2019-01-01", "2019-12-31", "litigation.win_rate", NULL, NULL) ==
        FZ_NOT_FOUND);
}

static void check_cross_table(const fz_dataset* ds) {
  fz_cross_table* t = NULL;
  fz_breakdown_row row = FZ_BREAKDOWN_ROW_INIT;
  fz_cross_cell cell = FZ_CROSS_CELL_INIT;
  const char *metric = NULL, *rows_by = NULL, *columns_by = NULL;
  int32_t rows = 0, columns = 0, i, j;
  char* json = NULL;
  CHECK_OK(fz_cross_table_compute(&t, ds, "441881", "2024-01-01", "2024-12-31", "reconsideration.received",
                                  "respondent_level", "act_type", NULL));
  CHECK_OK(fz_cross_table_info(t, &metric, &rows_by, &columns_by));
  CHECK(strcmp(metric, "reconsideration.received") == 0 && strcmp(rows_by, "respondent_level") == 0 &&
        strcmp(columns_by, "act_type") == 0);
  CHECK_OK(fz_cross_table_size(t, &rows, &columns));
  CHECK(rows == 2 && columns == 6);
  CHECK_OK(fz_cross_table_row(t, 0, &row));
  CHECK(strcmp(row.key, "county_dept") == 0 && strcmp(row.label, "县级政府部门") == 0 && row.value == 140);
  CHECK(strcmp(row.text, "140 件（92.72%）") == 0 && row.share_num == 140 && row.share_den == 151);
  CHECK_OK(fz_cross_table_column(t, 0, &row));
  CHECK(strcmp(row.label, "举报投诉处理") == 0 && row.value == 75);
  CHECK_OK(fz_cross_table_cell(t, 0, 0, &cell));
  CHECK(cell.kind == FZ_VALUE_COUNT && cell.value == 66 && strcmp(cell.text, "66 件") == 0);
  CHECK_OK(fz_cross_table_cell(t, 1, 1, &cell));
  CHECK(cell.value == 0 && cell.den == 1);
  /* Every row's cells add up to its margin, every column's to its. */
  for (i = 0; i < rows; ++i) {
    int64_t sum = 0;
    for (j = 0; j < columns; ++j) {
      CHECK_OK(fz_cross_table_cell(t, i, j, &cell));
      sum += cell.value;
    }
    CHECK_OK(fz_cross_table_row(t, i, &row));
    CHECK(sum == row.value);
  }
  for (j = 0; j < columns; ++j) {
    int64_t sum = 0;
    for (i = 0; i < rows; ++i) {
      CHECK_OK(fz_cross_table_cell(t, i, j, &cell));
      sum += cell.value;
    }
    CHECK_OK(fz_cross_table_column(t, j, &row));
    CHECK(sum == row.value);
  }
  CHECK_OK(fz_cross_table_total(t, &cell));
  CHECK(cell.value == 151 && strcmp(cell.text, "151 件") == 0);
  CHECK_OK(fz_cross_table_to_json(t, &json, NULL));
  CHECK(json && strstr(json, "\"rows_by\":\"respondent_level\"") != NULL);
  CHECK(json && strstr(json, "\"cells\":[[66,40,15,8,6,5],[9,0,1,0,1,0]]") != NULL);
  fz_free(json);

  /* The ABI's discipline. */
  CHECK(fz_cross_table_cell(t, 2, 0, &cell) == FZ_OUT_OF_RANGE);
  CHECK(fz_cross_table_cell(t, 0, 6, &cell) == FZ_OUT_OF_RANGE);
  CHECK(fz_cross_table_row(t, -1, &row) == FZ_OUT_OF_RANGE);
  cell.struct_size = 4;
  CHECK(fz_cross_table_total(t, &cell) == FZ_INVALID_ARGUMENT);
  CHECK(fz_cross_table_size(NULL, &rows, &columns) == FZ_INVALID_ARGUMENT);
  fz_cross_table_free(t);
  t = NULL;
  CHECK(fz_cross_table_compute(&t, ds, "441881", "2024-01-01", "2024-12-31", "reconsideration.received", "month",
                               "act_type", NULL) == FZ_INVALID_ARGUMENT);
  CHECK(t == NULL);
  CHECK(fz_cross_table_compute(&t, ds, "441881", "2024-01-01", "2024-12-31", "reconsideration.received",
                               "act_type", "act_type", NULL) == FZ_INVALID_ARGUMENT);
  fz_cross_table_free(NULL);
}

int main(int argc, char** argv) {
  fz_dataset *baiyun = NULL, *county = NULL;
  if (argc != 3) {
    fprintf(stderr, "usage: %s BAIYUN_DIR COUNTY_DIR\n", argv[0]);
    return 2;
  }
  baiyun = load(argv[1]);
  county = load(argv[2]);
  check_monthly_flow_adds_up(baiyun);
  check_rate_by_quarter(baiyun);
  check_cross_table(county);
  fz_dataset_free(baiyun);
  fz_dataset_free(county);
  if (failures) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  puts("ok");
  return 0;
}
