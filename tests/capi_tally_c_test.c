/* capi_tally_c_test -- portable tallies as a C99 program uses them: each
 * district's tally computed, sent as bytes and read back, merged into the
 * province, and reported on; an altered, truncated or doubled tally refused.
 *
 * Built with -std=c99 -pedantic -Werror -Wall -Wextra. It loads the hand-made
 * roll-up data (tests/data/rollup-small: 440103 and 440104 of 广州市, 440203
 * of 韶关市, 广东省 above them).
 *
 *   capi_tally_c_test tests/data/rollup-small
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "c_check.h"
#include "fazhi.h"

static const char* const kDistricts[] = {"440103", "440104", "440203"};
#define DISTRICTS 3

/* A report's JSON up to its data quality: every figure, text and the
 * narrative. The data quality adds up the loads the tallies came from; here
 * every district's tally came from one load of the whole folder, so only it
 * differs from the pooled report's. */
static size_t figures_length(const char* json) {
  size_t n = strlen(json);
  const char* key = ",\"data_quality\":";
  size_t k = strlen(key), i;
  for (i = 0; i + k <= n; ++i) {
    if (memcmp(json + i, key, k) == 0) return i;
  }
  return 0;
}

static char* report_json(const fz_report* rep) {
  char* json = NULL;
  CHECK_OK(fz_report_to_json(rep, &json, NULL));
  return json;
}

/* The tally's bytes, read back as a receiving bureau reads them. */
static fz_tally* sent_and_received(const fz_tally* t) {
  void* bytes = NULL;
  size_t len = 0;
  fz_tally* back = NULL;
  const char *a = NULL, *b = NULL;
  CHECK_OK(fz_tally_serialize(t, &bytes, &len));
  CHECK(len > 0);
  CHECK_OK(fz_tally_parse(&back, bytes, len));
  CHECK_OK(fz_tally_digest(t, &a));
  CHECK_OK(fz_tally_digest(back, &b));
  CHECK(a && b && strcmp(a, b) == 0);
  fz_free(bytes);
  return back;
}

static void check_merged_equals_pooled(const fz_dataset* ds) {
  fz_tally* parts[DISTRICTS] = {NULL, NULL, NULL};
  fz_tally* merged = NULL;
  fz_report *from_tally = NULL, *pooled = NULL;
  const char* code = NULL;
  const char* regions[] = {"440000", "440100", "440200", "440103", "440203"};
  size_t i;
  for (i = 0; i < DISTRICTS; ++i) {
    fz_tally* t = NULL;
    CHECK_OK(fz_tally_compute(&t, ds, kDistricts[i], "2019-01-01", "2019-12-31", NULL));
    CHECK_OK(fz_tally_region(t, &code));
    CHECK(code && strcmp(code, kDistricts[i]) == 0);
    parts[i] = sent_and_received(t);
    fz_tally_free(t);
  }
  CHECK_OK(fz_tally_merge(&merged, (const fz_tally* const*)parts, DISTRICTS));
  CHECK_OK(fz_tally_region(merged, &code));
  CHECK(code && strcmp(code, "440000") == 0);
  for (i = 0; i < sizeof regions / sizeof regions[0]; ++i) {
    char *a = NULL, *b = NULL;
    size_t n;
    CHECK_OK(fz_tally_report(&from_tally, merged, regions[i], NULL));
    CHECK_OK(fz_report_compute(&pooled, ds, regions[i], "2019-01-01", "2019-12-31", NULL));
    a = report_json(from_tally);
    b = report_json(pooled);
    n = a && b ? figures_length(b) : 0;
    if (n == 0 || figures_length(a) != n || memcmp(a, b, n) != 0) {
      fprintf(stderr, "region %s: the report from the merged tally differs from the pooled records'\n",
              regions[i]);
      ++failures;
    }
    fz_free(a);
    fz_free(b);
    fz_report_free(from_tally);
    fz_report_free(pooled);
    from_tally = pooled = NULL;
  }
  /* A figure read through the struct: the merged province's received count. */
  {
    fz_value v = FZ_VALUE_INIT, w = FZ_VALUE_INIT;
    CHECK_OK(fz_tally_report(&from_tally, merged, "440000", NULL));
    CHECK_OK(fz_report_compute(&pooled, ds, "440000", "2019-01-01", "2019-12-31", NULL));
    CHECK_OK(fz_report_get(from_tally, "reconsideration.received", &v));
    CHECK_OK(fz_report_get(pooled, "reconsideration.received", &w));
    CHECK(v.kind == FZ_VALUE_COUNT && v.integer == w.integer && v.integer > 0);
    fz_report_free(from_tally);
    fz_report_free(pooled);
  }

  /* The same district twice is refused, naming it. */
  {
    const fz_tally* twice[2];
    fz_tally* out = NULL;
    twice[0] = parts[0];
    twice[1] = parts[0];
    CHECK(fz_tally_merge(&out, twice, 2) == FZ_INVALID_ARGUMENT);
    CHECK(out == NULL);
    CHECK(strstr(fz_last_error_message(), "440103") != NULL);
    CHECK(fz_tally_merge(&out, twice, 0) == FZ_INVALID_ARGUMENT);
  }
  for (i = 0; i < DISTRICTS; ++i) fz_tally_free(parts[i]);
  fz_tally_free(merged);
}

static void check_whole_dataset(const fz_dataset* ds) {
  /* One tally of the whole load reports every region byte for byte. */
  fz_tally* whole = NULL;
  char *a = NULL, *b = NULL;
  size_t la = 0, lb = 0;
  const char* code = NULL;
  CHECK_OK(fz_tally_compute(&whole, ds, NULL, "2019-01-01", "2019-12-31", NULL));
  CHECK_OK(fz_tally_region(whole, &code));
  CHECK(code && strcmp(code, "440000") == 0);
  CHECK_OK(fz_tally_report_all_json(whole, NULL, &a, &la));
  CHECK_OK(fz_report_all_json(ds, "2019-01-01", "2019-12-31", NULL, &b, &lb));
  CHECK(a && b && la == lb && la > 0 && memcmp(a, b, la) == 0);
  fz_free(a);
  fz_free(b);
  fz_tally_free(whole);
}

/* The JSON form with the first count after "runs" changed (a digit after
 * "[" or " ", not one of a date). */
static int tamper(char* json) {
  char* p = strstr(json, "\"runs\"");
  for (; p && *p; ++p) {
    if (*p >= '1' && *p <= '8' && (p[-1] == '[' || p[-1] == ' ')) {
      ++*p;
      return 1;
    }
  }
  return 0;
}

static void check_refusals(const fz_dataset* ds) {
  fz_tally *t = NULL, *other = NULL, *out = NULL;
  void* bytes = NULL;
  char* json = NULL;
  size_t len = 0, jlen = 0;
  CHECK_OK(fz_tally_compute(&t, ds, "440103", "2019-01-01", "2019-12-31", NULL));
  CHECK_OK(fz_tally_serialize(t, &bytes, &len));
  CHECK_OK(fz_tally_json(t, &json, &jlen));
  CHECK(json && jlen == strlen(json));

  /* The JSON text reads back to the same content. */
  CHECK_OK(fz_tally_parse(&out, json, jlen));
  fz_tally_free(out);
  out = NULL;

  /* Altered: the digest no longer matches. */
  CHECK(tamper(json));
  CHECK(fz_tally_parse(&out, json, jlen) == FZ_INVALID_ARGUMENT);
  CHECK(out == NULL);
  CHECK(strstr(fz_last_error_message(), "SHA-256") != NULL);
  /* Truncated. */
  CHECK(fz_tally_parse(&out, bytes, len - 5) == FZ_INVALID_ARGUMENT);
  CHECK(out == NULL);
  CHECK(fz_tally_parse(&out, NULL, 0) == FZ_INVALID_ARGUMENT);
  CHECK(fz_tally_parse(&out, NULL, 4) == FZ_INVALID_ARGUMENT);
  CHECK(fz_tally_parse(NULL, bytes, len) == FZ_INVALID_ARGUMENT);

  /* Another period does not merge. */
  CHECK_OK(fz_tally_compute(&other, ds, "440104", "2019-01-01", "2019-06-30", NULL));
  {
    const fz_tally* mixed[2];
    mixed[0] = t;
    mixed[1] = other;
    CHECK(fz_tally_merge(&out, mixed, 2) == FZ_INVALID_ARGUMENT);
    CHECK(out == NULL);
  }
  /* The ABI's discipline. */
  CHECK(fz_tally_compute(&out, NULL, NULL, "2019-01-01", "2019-12-31", NULL) == FZ_INVALID_ARGUMENT);
  CHECK(fz_tally_compute(&out, ds, "44x", "2019-01-01", "2019-12-31", NULL) == FZ_INVALID_ARGUMENT);
  CHECK(fz_tally_report(NULL, t, "440103", NULL) == FZ_INVALID_ARGUMENT);
  {
    fz_report* r = NULL;
    CHECK(fz_tally_report(&r, t, "440104", NULL) != FZ_OK); /* not in the tally */
    CHECK(r == NULL);
  }
  fz_free(bytes); /* the output is cleared on a refusal: free the bytes first */
  bytes = NULL;
  CHECK(fz_tally_serialize(NULL, &bytes, &len) == FZ_INVALID_ARGUMENT);
  CHECK(bytes == NULL && len == 0);
  fz_free(json);
  fz_tally_free(t);
  fz_tally_free(other);
  fz_tally_free(NULL);
}

int main(int argc, char** argv) {
  fz_dataset* ds = NULL;
  if (argc != 2) {
    fprintf(stderr, "usage: %s ROLLUP_DIR\n", argv[0]);
    return 2;
  }
  CHECK_OK(fz_dataset_create(&ds, NULL));
  CHECK_OK(fz_dataset_load_dir(ds, argv[1], NULL));
  check_merged_equals_pooled(ds);
  check_whole_dataset(ds);
  check_refusals(ds);
  fz_dataset_free(ds);
  if (failures) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  puts("ok");
  return 0;
}
