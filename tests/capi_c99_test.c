/* capi_c99_test -- fazhi.h as a C99 program sees it.
 *
 * Built with -std=c99 -pedantic -Werror -Wall -Wextra against the header
 * alone and linked with libfazhi.so.1, so the header stays C99 and every
 * figure below crosses the real ABI. It loads tests/data/rollup-small and
 * checks figures of its README's tables.
 *
 *   capi_c99_test tests/data/rollup-small
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "c_check.h"
#include "fazhi.h"

/* get fetches one metric of a report into v; 1 on success. */
static int get(const fz_report* rep, const char* id, fz_value* v) {
  fz_value init = FZ_VALUE_INIT;
  *v = init;
  if (fz_report_get(rep, id, v) != FZ_OK) {
    fprintf(stderr, "fz_report_get(%s): %s\n", id, fz_last_error_message());
    ++failures;
    return 0;
  }
  return 1;
}

static fz_report* compute(const fz_dataset* ds, const char* region) {
  fz_report* rep = NULL;
  if (fz_report_compute(&rep, ds, region, "2019-01-01", "2019-12-31", NULL) != FZ_OK) {
    fprintf(stderr, "fz_report_compute(%s): %s\n", region, fz_last_error_message());
    ++failures;
  }
  return rep;
}

static void check_version(void) {
  CHECK(fz_version_number() == FZ_VERSION_NUMBER);
  CHECK(strcmp(fz_version_string(), FZ_VERSION_STRING) == 0);
  CHECK(fz_abi_version() == FZ_ABI_VERSION);
  CHECK(strcmp(fz_status_string(FZ_NOT_FOUND), "FZ_NOT_FOUND") == 0);
}

static void check_district(const fz_dataset* ds) {
  fz_report* rep = compute(ds, "440103");
  fz_value v;
  const char* code = NULL;
  const char* name = NULL;
  char from[11], to[11], prev_from[11], prev_to[11];
  if (!rep) return;

  CHECK_OK(fz_report_region(rep, &code, &name));
  CHECK(code && strcmp(code, "440103") == 0);
  CHECK(name && strcmp(name, "荔湾区") == 0);
  CHECK_OK(fz_report_period(rep, from, to, prev_from, prev_to));
  CHECK(strcmp(from, "2019-01-01") == 0 && strcmp(to, "2019-12-31") == 0);
  CHECK(strcmp(prev_from, "2018-01-01") == 0 && strcmp(prev_to, "2018-12-31") == 0);

  if (get(rep, "reconsideration.received", &v)) {
    CHECK(v.kind == FZ_VALUE_COUNT);
    CHECK(v.integer == 5 && v.num == 5 && v.den == 1);
    CHECK(v.has_previous == 1 && v.previous_integer == 3);
    CHECK(v.has_yoy == 1 && v.yoy_num * 3 == v.yoy_den * 2); /* 2/3 */
    CHECK(strcmp(v.id, "reconsideration.received") == 0);
    CHECK(strcmp(v.num_text, "5") == 0 && strcmp(v.den_text, "1") == 0);
  }
  if (get(rep, "reconsideration.closed_carried_over", &v)) CHECK(v.integer == 2);
  if (get(rep, "reconsideration.correction_rate", &v)) {
    CHECK(v.kind == FZ_VALUE_FRACTION);
    CHECK(v.num == 3 && v.den == 5);
    CHECK(strcmp(v.basis, "concluded") == 0);
    CHECK(strcmp(v.text, "60.00%") == 0);
  }
  if (get(rep, "reconsideration.direct_correction_rate", &v)) CHECK(v.num == 2 && v.den == 5);
  if (get(rep, "litigation.win_rate", &v)) CHECK(v.num == 1 && v.den == 2);
  if (get(rep, "legal_aid.recovered_amount", &v)) {
    CHECK(v.kind == FZ_VALUE_MONEY);
    CHECK(v.integer == 2500050);         /* fen */
    CHECK(v.num == 50001 && v.den == 2); /* yuan */
    CHECK(strcmp(v.decimal, "25000.50") == 0);
  }
  if (get(rep, "legal_aid.accepted_rank", &v)) {
    CHECK(v.kind == FZ_VALUE_RANK && v.integer == 1);
  }
  if (get(rep, "mediation.received_rank", &v)) CHECK(v.integer == 1); /* a tie: both first */
  if (get(rep, "legal_service.services", &v)) {
    CHECK(v.integer == 330 && v.previous_integer == 220);
    CHECK(v.yoy_num * 2 == v.yoy_den); /* 110/220 */
  }
  fz_report_free(rep);
}

static void check_rollups(const fz_dataset* ds) {
  fz_report* city = compute(ds, "440100");
  fz_report* shaoguan = compute(ds, "440200");
  fz_report* yuexiu = compute(ds, "440104");
  fz_value v;
  if (city) {
    if (get(city, "litigation.win_rate", &v)) CHECK(v.num == 3 && v.den == 4);
    if (get(city, "reconsideration.correction_rate", &v)) CHECK(v.num == 4 && v.den == 8);
    if (get(city, "legal_aid.recovered_amount", &v)) CHECK(v.integer == 4000050);
  }
  if (shaoguan && get(shaoguan, "litigation.win_rate", &v)) {
    /* No litigation rows at all: undefined, never 0%. */
    CHECK(v.kind == FZ_VALUE_UNDEFINED);
    CHECK(v.den == 0 && strcmp(v.text, "") == 0 && strlen(v.reason) > 0);
  }
  if (yuexiu && get(yuexiu, "legal_aid.accepted_rank", &v)) CHECK(v.integer == 2);
  fz_report_free(city);
  fz_report_free(shaoguan);
  fz_report_free(yuexiu);
}

static void check_iteration_and_renderings(const fz_dataset* ds) {
  fz_report* rep = compute(ds, "440000");
  int32_t n = 0, i;
  char* json = NULL;
  char* text = NULL;
  size_t len = 0;
  if (!rep) return;
  CHECK_OK(fz_report_metric_count(rep, &n));
  CHECK(n > 50);
  for (i = 0; i < n; ++i) {
    const char* id = NULL;
    fz_value v = FZ_VALUE_INIT;
    CHECK_OK(fz_report_metric_id(rep, i, &id));
    CHECK(id != NULL && fz_report_get(rep, id, &v) == FZ_OK && strcmp(v.id, id) == 0);
  }
  CHECK_OK(fz_report_to_json(rep, &json, &len));
  CHECK(json && len == strlen(json) && strstr(json, "\"region\":\"440000\"") != NULL);
  fz_free(json);
  CHECK_OK(fz_report_narrative(rep, &text, &len));
  CHECK(text && len == strlen(text));
  fz_free(text);
  fz_report_free(rep);

  CHECK_OK(fz_report_all_json(ds, "2019-01-01", "2019-12-31", NULL, &json, &len));
  CHECK(json && json[0] == '[' && strstr(json, "\"region\":\"440203\"") != NULL);
  fz_free(json);
}

static void check_summary_and_rejects(const fz_dataset* ds) {
  fz_load_summary s = FZ_LOAD_SUMMARY_INIT;
  char* json = NULL;
  size_t len = 0;
  CHECK_OK(fz_dataset_summary(ds, &s));
  CHECK(s.files == 7);
  CHECK(s.rows_rejected == 0 && s.rows_read == s.rows_accepted && s.rows_read > 0);
  CHECK(s.kinds[FZ_KIND_REGIONS].rows_accepted == 6);
  CHECK_OK(fz_dataset_rejects_json(ds, &json, &len));
  CHECK(json && strcmp(json, "[]") == 0 && len == 2);
  fz_free(json);
}

/* A system that hands records over one at a time, and one that hands over a
 * CSV buffer with a bad row. */
static void check_records_and_buffers(void) {
  fz_dataset* ds = NULL;
  fz_report* rep = NULL;
  fz_value v = FZ_VALUE_INIT;
  fz_load_summary s = FZ_LOAD_SUMMARY_INIT;
  fz_reconsideration_record r = FZ_RECONSIDERATION_RECORD_INIT;
  fz_legal_aid_record a = FZ_LEGAL_AID_RECORD_INIT;
  fz_regions_record name = FZ_REGIONS_RECORD_INIT;
  char* json = NULL;
  const char* csv =
      "案件编号,区划代码,收到日期,办结日期,处理结果\n"
      "B-1,440111,2019年3月5日,2019-04-01,撤销\n"
      "B-2,440111,2019-02-30,,\n";

  CHECK_OK(fz_dataset_create(&ds, NULL));
  if (!ds) return;
  r.case_id = "R-1";
  r.region = "440111";
  r.received_date = "2019-03-01";
  r.closed_date = "2019-04-19";
  r.disposition = "维持";
  r.litigated = FZ_TRI_FALSE;
  CHECK_OK(fz_dataset_add_reconsideration(ds, &r));
  r.case_id = "R-2";
  r.received_date = "2019-02-30";
  CHECK(fz_dataset_add_reconsideration(ds, &r) == FZ_INVALID_ARGUMENT);
  CHECK(strstr(fz_last_error_message(), "received_date") != NULL);
  CHECK(strstr(fz_last_error_message(), "2019-02-30") != NULL);

  a.case_id = "A-1";
  a.region = "440111";
  a.applied_date = "2019-05-06";
  a.closed_date = "2019-08-01";
  a.recovered_amount = "1512.8万";
  CHECK_OK(fz_dataset_add_legal_aid(ds, &a));
  name.region = "440111";
  name.name = "白云区";
  CHECK_OK(fz_dataset_add_regions(ds, &name));

  CHECK_OK(fz_dataset_load_csv_buffer(ds, FZ_KIND_RECONSIDERATION, csv, strlen(csv), &s));
  CHECK(s.files == 1 && s.rows_read == 2 && s.rows_accepted == 1 && s.rows_rejected == 1);
  CHECK(s.kinds[FZ_KIND_RECONSIDERATION].rows_rejected == 1);
  CHECK_OK(fz_dataset_rejects_json(ds, &json, NULL));
  CHECK(json && strstr(json, "\"line\":3") && strstr(json, "<buffer:reconsideration>"));
  fz_free(json);

  CHECK_OK(fz_report_compute(&rep, ds, "440111", "2019-01-01", "2019-12-31", NULL));
  if (rep) {
    if (get(rep, "reconsideration.received", &v)) CHECK(v.integer == 2);
    if (get(rep, "legal_aid.recovered_amount", &v)) {
      CHECK(v.integer == 1512800000);
      CHECK(strcmp(v.text, "1512.8 万元") == 0);
    }
  }
  fz_report_free(rep);
  fz_dataset_free(ds);
}

static void check_calendar(void) {
  int32_t n = -1;
  char day[11];
  CHECK_OK(fz_calendar_workdays_between(NULL, "2019-09-30", "2019-10-08", &n));
  CHECK(n == 1);
  CHECK_OK(fz_calendar_period_end(NULL, "2019-09-21", 10, FZ_PERIOD_DAYS, day));
  CHECK(strcmp(day, "2019-10-08") == 0);
}

int main(int argc, char** argv) {
  fz_dataset* ds = NULL;
  fz_load_summary s = FZ_LOAD_SUMMARY_INIT;
  if (argc != 2) {
    fprintf(stderr, "usage: capi_c99_test DATA_DIR\n");
    return 2;
  }
  check_version();
  CHECK_OK(fz_dataset_create(&ds, NULL));
  CHECK_OK(fz_dataset_load_dir(ds, argv[1], &s));
  CHECK(s.files == 7 && s.rows_rejected == 0);
  CHECK(s.kinds[FZ_KIND_RECONSIDERATION].rows_read > 0);
  if (ds) {
    check_district(ds);
    check_rollups(ds);
    check_iteration_and_renderings(ds);
    check_summary_and_rejects(ds);
  }
  fz_dataset_free(ds);
  check_records_and_buffers();
  check_calendar();
  if (failures) {
    fprintf(stderr, "%d checks failed\n", failures);
    return 1;
  }
  printf("capi_c99_test: all checks passed\n");
  return 0;
}
