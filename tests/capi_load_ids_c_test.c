/* capi_load_ids_c_test -- fz_dataset_options.drop_ids from C99: a dataset
 * loaded without record ids has the same figures and the same tally (its
 * SHA-256 is the same), and case lists of the same length whose cases carry
 * no id; an older caller's smaller options struct keeps the ids.
 *
 * Built with -std=c99 -pedantic -Werror -Wall -Wextra.
 *
 *   capi_load_ids_c_test data/examples/baiyun-2019
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "c_check.h"
#include "fazhi.h"

static fz_dataset* load(const char* dir, const fz_dataset_options* options) {
  fz_dataset* ds = NULL;
  CHECK_OK(fz_dataset_create(&ds, options));
  CHECK_OK(fz_dataset_load_dir(ds, dir, NULL));
  return ds;
}

/* The first case's id and the length of the 超期办结 list. */
static int64_t overdue(const fz_dataset* ds, char id[64]) {
  fz_case_list* l = NULL;
  fz_case c = FZ_CASE_INIT;
  int64_t n = -1;
  id[0] = '\0';
  CHECK_OK(fz_case_list_compute(&l, ds, "440111", "2019-01-01", "2019-12-31", "reconsideration.overdue",
                                FZ_CASE_PART_COUNT, NULL));
  CHECK_OK(fz_case_list_count(l, &n));
  if (n > 0 && fz_case_list_get(l, 0, &c) == FZ_OK) {
    strncpy(id, c.case_id, 63);
    id[63] = '\0';
    CHECK(strstr(c.reason, "逾期 13 日") != NULL); /* the reason stays */
  }
  fz_case_list_free(l);
  return n;
}

static void digest(const fz_dataset* ds, char hex[65]) {
  fz_tally* t = NULL;
  const char* d = NULL;
  hex[0] = '\0';
  CHECK_OK(fz_tally_compute(&t, ds, NULL, "2019-01-01", "2019-12-31", NULL));
  CHECK_OK(fz_tally_digest(t, &d));
  if (d) {
    strncpy(hex, d, 64);
    hex[64] = '\0';
  }
  fz_tally_free(t);
}

int main(int argc, char** argv) {
  fz_dataset_options keep = FZ_DATASET_OPTIONS_INIT, drop = FZ_DATASET_OPTIONS_INIT,
                     old = FZ_DATASET_OPTIONS_INIT, bad = FZ_DATASET_OPTIONS_INIT;
  fz_dataset *with_ids = NULL, *without = NULL, *older = NULL, *none = NULL;
  char id_with[64], id_without[64], id_older[64], d_with[65], d_without[65];
  char *json_with = NULL, *json_without = NULL;
  if (argc != 2) {
    fprintf(stderr, "usage: %s BAIYUN_DIR\n", argv[0]);
    return 2;
  }
  CHECK(keep.drop_ids == 0);
  drop.drop_ids = 1;
  /* A caller built against fazhi 1.0.0 had no drop_ids: its struct ends before. */
  old.struct_size = (uint32_t)offsetof(fz_dataset_options, drop_ids);
  with_ids = load(argv[1], &keep);
  without = load(argv[1], &drop);
  older = load(argv[1], &old);

  CHECK(overdue(with_ids, id_with) == 17);
  CHECK(strcmp(id_with, "云府行复〔2019〕28号") == 0);
  CHECK(overdue(without, id_without) == 17);
  CHECK(strcmp(id_without, "") == 0);
  CHECK(overdue(older, id_older) == 17);
  CHECK(strcmp(id_older, "云府行复〔2019〕28号") == 0);

  /* The same figures: every region's report, and the tally's digest. */
  CHECK_OK(fz_report_all_json(with_ids, "2019-01-01", "2019-12-31", NULL, &json_with, NULL));
  CHECK_OK(fz_report_all_json(without, "2019-01-01", "2019-12-31", NULL, &json_without, NULL));
  CHECK(json_with && json_without && strcmp(json_with, json_without) == 0);
  digest(with_ids, d_with);
  digest(without, d_without);
  CHECK(strlen(d_with) == 64 && strcmp(d_with, d_without) == 0);

  /* Only 0 or 1. */
  bad.drop_ids = 2;
  CHECK(fz_dataset_create(&none, &bad) == FZ_INVALID_ARGUMENT);
  CHECK(none == NULL);
  CHECK(strstr(fz_last_error_message(), "drop_ids") != NULL);

  fz_free(json_with);
  fz_free(json_without);
  fz_dataset_free(with_ids);
  fz_dataset_free(without);
  fz_dataset_free(older);
  if (failures) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  puts("ok");
  return 0;
}
