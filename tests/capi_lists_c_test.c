/* capi_lists_c_test -- the C ABI's lists as a C99 program walks them: the
 * regions of a dataset, its rejected rows as structs with their codes, and
 * every region's report as handles; and the load summary's count of records
 * added one by one.
 *
 * Built with -std=c99 -pedantic -Werror -Wall -Wextra. It loads the Baiyun
 * example (data/examples/baiyun-2019: eleven Guangzhou districts named in
 * regions.csv) and files of the bad corpus (tests/data/bad), and checks the
 * figures the reference report prints (胜诉率 110/117, 1512.8 万元).
 *
 *   capi_lists_c_test data/examples/baiyun-2019 tests/data/bad
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "c_check.h"
#include "fazhi.h"

/* The example's districts in code order, then its city and province. */
static const char* const kCodes[] = {"440103", "440104", "440105", "440106", "440111",
                                     "440112", "440113", "440114", "440115", "440117",
                                     "440118", "440100", "440000"};
static const char* const kNames[] = {"荔湾区", "越秀区", "海珠区", "天河区", "白云区",
                                     "黄埔区", "番禺区", "花都区", "南沙区", "从化区",
                                     "增城区", "广州市", "广东省"};
#define REGIONS ((int32_t)(sizeof kCodes / sizeof kCodes[0]))

static void check_regions(const fz_dataset* ds) {
  fz_region_list* list = NULL;
  fz_region_info r = FZ_REGION_INFO_INIT;
  int32_t n = -1, i;
  CHECK_OK(fz_dataset_regions(&list, ds));
  CHECK_OK(fz_region_list_count(list, &n));
  CHECK(n == REGIONS);
  for (i = 0; i < n && i < REGIONS; ++i) {
    CHECK_OK(fz_region_list_get(list, i, &r));
    CHECK(strcmp(r.code, kCodes[i]) == 0);
    CHECK(strcmp(r.name, kNames[i]) == 0);
  }
  CHECK_OK(fz_region_list_get(list, 4, &r)); /* 白云区 */
  CHECK(r.level == FZ_REGION_DISTRICT && strcmp(r.parent, "440100") == 0);
  CHECK_OK(fz_region_list_get(list, REGIONS - 2, &r));
  CHECK(r.level == FZ_REGION_CITY && strcmp(r.parent, "440000") == 0);
  CHECK_OK(fz_region_list_get(list, REGIONS - 1, &r));
  CHECK(r.level == FZ_REGION_PROVINCE && strcmp(r.parent, "") == 0);

  /* The ABI's discipline: a bad index, a NULL, a struct_size not set. */
  CHECK(fz_region_list_get(list, REGIONS, &r) == FZ_OUT_OF_RANGE);
  CHECK(strstr(fz_last_error_message(), "fz_region_list_get: index 13") != NULL);
  CHECK(fz_region_list_get(list, -1, &r) == FZ_OUT_OF_RANGE);
  CHECK(fz_region_list_get(list, 0, NULL) == FZ_INVALID_ARGUMENT);
  CHECK(fz_region_list_count(NULL, &n) == FZ_INVALID_ARGUMENT);
  r.struct_size = 4;
  CHECK(fz_region_list_get(list, 0, &r) == FZ_INVALID_ARGUMENT);
  CHECK(fz_dataset_regions(NULL, ds) == FZ_INVALID_ARGUMENT);
  fz_region_list_free(list);
  fz_region_list_free(NULL);
}

static void check_region_names_fall_back(void) {
  /* A region regions.csv does not name has "" as its name. */
  fz_dataset* ds = NULL;
  fz_region_list* list = NULL;
  fz_region_info r = FZ_REGION_INFO_INIT;
  fz_registry_record rec = FZ_REGISTRY_RECORD_INIT;
  int32_t n = -1;
  rec.kind = "law_firm";
  rec.entity_id = "F1";
  rec.region = "110105";
  rec.start_date = "2018-01-01";
  CHECK_OK(fz_dataset_create(&ds, NULL));
  CHECK_OK(fz_dataset_add_registry(ds, &rec));
  CHECK_OK(fz_dataset_regions(&list, ds));
  CHECK_OK(fz_region_list_count(list, &n));
  CHECK(n == 3); /* 110105, 110100, 110000 */
  CHECK_OK(fz_region_list_get(list, 0, &r));
  CHECK(strcmp(r.code, "110105") == 0 && strcmp(r.name, "") == 0);
  fz_region_list_free(list);
  fz_dataset_free(ds);

  /* An empty dataset: an empty list, not an error. */
  CHECK_OK(fz_dataset_create(&ds, NULL));
  CHECK_OK(fz_dataset_regions(&list, ds));
  CHECK_OK(fz_region_list_count(list, &n));
  CHECK(n == 0);
  fz_region_list_free(list);
  fz_dataset_free(ds);
}

static void check_all_reports(const fz_dataset* ds) {
  fz_report_list* list = NULL;
  const fz_report* rep = NULL;
  const char *code = NULL, *name = NULL;
  fz_value v = FZ_VALUE_INIT;
  fz_report_options o = FZ_REPORT_OPTIONS_INIT;
  int32_t n = -1, i;
  CHECK_OK(fz_report_compute_all(&list, ds, "2019-01-01", "2019-12-31", NULL));
  CHECK_OK(fz_report_list_count(list, &n));
  CHECK(n == REGIONS);
  for (i = 0; i < n && i < REGIONS; ++i) {
    CHECK_OK(fz_report_list_get(list, i, &rep));
    CHECK_OK(fz_report_region(rep, &code, &name));
    CHECK(strcmp(code, kCodes[i]) == 0 && strcmp(name, kNames[i]) == 0);
  }
  CHECK_OK(fz_report_list_get(list, 4, &rep));
  CHECK_OK(fz_report_get(rep, "litigation.win_rate", &v));
  CHECK(v.kind == FZ_VALUE_FRACTION && v.num == 110 && v.den == 117);
  CHECK(strcmp(v.text, "94.02%") == 0);
  CHECK_OK(fz_report_get(rep, "legal_aid.recovered_amount", &v));
  CHECK(v.kind == FZ_VALUE_MONEY && v.integer == 1512800000);
  CHECK(strcmp(v.text, "1512.8 万元") == 0);
  CHECK(fz_report_list_get(list, n, &rep) == FZ_OUT_OF_RANGE && rep == NULL);
  CHECK(fz_report_list_get(list, 0, NULL) == FZ_INVALID_ARGUMENT);
  fz_report_list_free(list);
  fz_report_list_free(NULL);

  /* A bad period or a NULL is refused, and no list escapes. */
  list = NULL;
  CHECK(fz_report_compute_all(&list, ds, "2019-12-31", "2019-01-01", &o) == FZ_INVALID_ARGUMENT);
  CHECK(list == NULL);
  CHECK(fz_report_compute_all(&list, NULL, "2019-01-01", "2019-12-31", &o) == FZ_INVALID_ARGUMENT);
  CHECK(fz_report_compute_all(NULL, ds, "2019-01-01", "2019-12-31", &o) == FZ_INVALID_ARGUMENT);
}

/* One file of the bad corpus and the code its rejected row must get. */
struct BadFile {
  const char* file;
  int32_t kind;
  int64_t line;
  const char* column;
  int32_t code;
};

static const struct BadFile kBad[] = {
    {"csv-unterminated-quote.mediation.csv", FZ_KIND_MEDIATION, 3, "case_id", FZ_REJECT_MALFORMED},
    {"csv-too-many-fields.mediation.csv", FZ_KIND_MEDIATION, 2, "", FZ_REJECT_MALFORMED},
    {"encoding-bad-utf8-row.mediation.csv", FZ_KIND_MEDIATION, 2, "", FZ_REJECT_ENCODING},
    {"required-case-id-empty.mediation.csv", FZ_KIND_MEDIATION, 2, "case_id", FZ_REJECT_MISSING},
    {"when-closed-disposition.reconsideration.csv", FZ_KIND_RECONSIDERATION, 2, "disposition",
     FZ_REJECT_MISSING},
    {"date-does-not-exist.reconsideration.csv", FZ_KIND_RECONSIDERATION, 2, "received_date",
     FZ_REJECT_INVALID_VALUE},
    {"code-unknown-instance.litigation.csv", FZ_KIND_LITIGATION, 2, "instance",
     FZ_REJECT_INVALID_VALUE},
    {"date-closed-before-received.reconsideration.csv", FZ_KIND_RECONSIDERATION, 2, "closed_date",
     FZ_REJECT_INCONSISTENT},
    {"duplicate-case-id.litigation.csv", FZ_KIND_LITIGATION, 3, "case_id", FZ_REJECT_DUPLICATE},
};

static void check_rejections(const char* bad_dir) {
  size_t i;
  for (i = 0; i < sizeof kBad / sizeof kBad[0]; ++i) {
    fz_dataset* ds = NULL;
    fz_rejection r = FZ_REJECTION_INIT;
    fz_load_summary s = FZ_LOAD_SUMMARY_INIT;
    int64_t n = -1;
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", bad_dir, kBad[i].file);
    CHECK_OK(fz_dataset_create(&ds, NULL));
    CHECK_OK(fz_dataset_load_csv(ds, kBad[i].kind, path, &s));
    CHECK_OK(fz_dataset_rejection_count(ds, &n));
    CHECK(n == 1 && s.rows_rejected == 1);
    CHECK_OK(fz_dataset_rejection_get(ds, 0, &r));
    if (r.code != kBad[i].code || r.line != kBad[i].line || strcmp(r.column, kBad[i].column) != 0) {
      fprintf(stderr, "%s: code %d line %lld column '%s' (%s)\n", kBad[i].file, (int)r.code,
              (long long)r.line, r.column, r.reason);
      ++failures;
    }
    CHECK(strcmp(r.file, path) == 0);
    CHECK(r.reason[0] != '\0' && r.raw[0] != '\0');
    CHECK(fz_dataset_rejection_get(ds, 1, &r) == FZ_OUT_OF_RANGE);
    fz_dataset_free(ds);
  }
}

static void check_added_rejections(void) {
  /* A record added one by one and refused is a rejection like a row's, and
   * the summary counts it. */
  fz_dataset* ds = NULL;
  fz_litigation_record rec = FZ_LITIGATION_RECORD_INIT;
  fz_rejection r = FZ_REJECTION_INIT;
  fz_load_summary s = FZ_LOAD_SUMMARY_INIT;
  int64_t n = -1;
  rec.case_id = "L-1";
  rec.region = "440111";
  rec.filed_date = "2019-03-05";
  rec.instance = "一审";
  CHECK_OK(fz_dataset_create(&ds, NULL));
  CHECK_OK(fz_dataset_add_litigation(ds, &rec));
  CHECK(fz_dataset_add_litigation(ds, &rec) == FZ_INVALID_ARGUMENT); /* the same id */
  rec.case_id = "L-2";
  rec.closed_date = "2019-02-01"; /* before filed_date */
  rec.outcome = "judgment_win";
  CHECK(fz_dataset_add_litigation(ds, &rec) == FZ_INVALID_ARGUMENT);
  CHECK_OK(fz_dataset_summary(ds, &s));
  CHECK(s.kinds[FZ_KIND_LITIGATION].rows_read == 3);
  CHECK(s.kinds[FZ_KIND_LITIGATION].rows_rejected == 2);
  /* The adds are counted apart, and are not files. */
  CHECK(s.files == 0 && s.rows_read == 3 && s.rows_rejected == 2);
  CHECK(s.rows_added == 3 && s.rows_added_rejected == 2);
  CHECK_OK(fz_dataset_rejection_count(ds, &n));
  CHECK(n == 2);
  CHECK_OK(fz_dataset_rejection_get(ds, 0, &r));
  CHECK(r.code == FZ_REJECT_DUPLICATE && r.line == 2 && strcmp(r.file, "<add:litigation>") == 0);
  CHECK(strcmp(r.column, "case_id") == 0);
  CHECK_OK(fz_dataset_rejection_get(ds, 1, &r));
  CHECK(r.code == FZ_REJECT_INCONSISTENT && r.line == 3 && strcmp(r.column, "closed_date") == 0);
  /* The JSON names the same codes. */
  {
    char* json = NULL;
    CHECK_OK(fz_dataset_rejects_json(ds, &json, NULL));
    CHECK(json && strstr(json, "\"column\":\"case_id\",\"code\":\"duplicate\"") != NULL);
    CHECK(json && strstr(json, "\"column\":\"closed_date\",\"code\":\"inconsistent\"") != NULL);
    fz_free(json);
  }
  CHECK(fz_dataset_rejection_get(NULL, 0, &r) == FZ_INVALID_ARGUMENT);
  CHECK(fz_dataset_rejection_count(ds, NULL) == FZ_INVALID_ARGUMENT);
  fz_dataset_free(ds);
}

static void check_summary_counts_adds_apart(const char* example_dir) {
  /* A folder of seven files, then two adds (one refused) and a buffer: the
   * totals count all three; rows_added only the adds; files only the files. */
  fz_dataset* ds = NULL;
  fz_regions_record name = FZ_REGIONS_RECORD_INIT;
  fz_load_summary s = FZ_LOAD_SUMMARY_INIT;
  fz_load_summary old = FZ_LOAD_SUMMARY_INIT;
  int64_t folder_rows;
  static const char csv[] = "region,name\n440199,测试二区\n";
  CHECK_OK(fz_dataset_create(&ds, NULL));
  CHECK_OK(fz_dataset_load_dir(ds, example_dir, &s));
  CHECK(s.files == 7 && s.rows_rejected == 0 && s.rows_added == 0 && s.rows_added_rejected == 0);
  folder_rows = s.rows_read;
  name.region = "440198"; /* a region the folder does not name */
  name.name = "测试一区";
  CHECK_OK(fz_dataset_add_regions(ds, &name));
  name.region = "4401"; /* not a region code */
  CHECK(fz_dataset_add_regions(ds, &name) == FZ_INVALID_ARGUMENT);
  CHECK_OK(fz_dataset_load_csv_buffer(ds, FZ_KIND_REGIONS, csv, sizeof csv - 1, &s));
  CHECK(s.files == 1 && s.rows_read == 1 && s.rows_added == 0); /* that load alone */
  CHECK_OK(fz_dataset_summary(ds, &s));
  CHECK(s.files == 8 && s.rows_read == folder_rows + 3 && s.rows_rejected == 1);
  CHECK(s.rows_added == 2 && s.rows_added_rejected == 1);
  /* A program built against the header before rows_added passes the smaller
   * struct: it gets the fields it has, and the bytes after are not written. */
  memset(&old, 0x5A, sizeof old);
  old.struct_size = (uint32_t)offsetof(fz_load_summary, rows_added);
  CHECK_OK(fz_dataset_summary(ds, &old));
  CHECK(old.files == 8 && old.rows_read == folder_rows + 3 && old.rows_rejected == 1);
  CHECK(old.kinds[FZ_KIND_REGIONS].rows_rejected == 1);
  CHECK(old.rows_added == 0x5A5A5A5A5A5A5A5ALL && old.rows_added_rejected == 0x5A5A5A5A5A5A5A5ALL);
  fz_dataset_free(ds);
}

int main(int argc, char** argv) {
  fz_dataset* ds = NULL;
  if (argc != 3) {
    fprintf(stderr, "usage: capi_lists_c_test EXAMPLE_DIR BAD_DIR\n");
    return 2;
  }
  CHECK_OK(fz_dataset_create(&ds, NULL));
  CHECK_OK(fz_dataset_load_dir(ds, argv[1], NULL));
  if (ds) {
    check_regions(ds);
    check_all_reports(ds);
  }
  fz_dataset_free(ds);
  check_region_names_fall_back();
  check_rejections(argv[2]);
  check_added_rejections();
  check_summary_counts_adds_apart(argv[1]);
  if (failures) {
    fprintf(stderr, "%d checks failed\n", failures);
    return 1;
  }
  printf("capi_lists_c_test: all checks passed\n");
  return 0;
}
