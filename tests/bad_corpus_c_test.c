/* bad_corpus_c_test -- tests/data/bad through the C ABI, as a linked system
 * loads it: each file of EXPECTED.tsv gets its rejection (line and reason in
 * fz_dataset_rejects_json) or, for a refused file, its status and message.
 *
 *   bad_corpus_c_test tests/data/bad
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fazhi.h"

static int failures = 0;

#define CHECK(cond, file)                                                                   \
  do {                                                                                      \
    if (!(cond)) {                                                                          \
      fprintf(stderr, "%s: %s:%d: CHECK failed: %s (last error: %s)\n", file, __FILE__,     \
              __LINE__, #cond, fz_last_error_message());                                    \
      ++failures;                                                                           \
    }                                                                                       \
  } while (0)

static int kind_of(const char* file) {
  static const char* const kinds[FZ_KIND_COUNT] = {
      "reconsideration", "litigation", "legal_aid", "mediation", "registry", "activity", "regions"};
  char name[256];
  char *dot, *kind;
  int k;
  strncpy(name, file, sizeof name - 1);
  name[sizeof name - 1] = '\0';
  dot = strrchr(name, '.');  /* .csv */
  if (!dot) return -1;
  *dot = '\0';
  kind = strrchr(name, '.');
  if (!kind) return -1;
  for (k = 0; k < FZ_KIND_COUNT; ++k) {
    if (strcmp(kind + 1, kinds[k]) == 0) return k;
  }
  return -1;
}

static void check_case(const char* dir, char* line) {
  char *file = strtok(line, "\t"), *line_no = strtok(NULL, "\t"), *column = strtok(NULL, "\t"),
       *reason = strtok(NULL, "\n");
  char path[1024], want[2048];
  fz_dataset* ds = NULL;
  fz_load_summary s = FZ_LOAD_SUMMARY_INIT;
  fz_status st;
  char* json = (char*)1;
  size_t len = 7;
  if (!file || !line_no || !column || !reason) {
    fprintf(stderr, "EXPECTED.tsv: a line lacks a field\n");
    ++failures;
    return;
  }
  snprintf(path, sizeof path, "%s/%s", dir, file);
  CHECK(fz_dataset_create(&ds, NULL) == FZ_OK, file);
  st = fz_dataset_load_csv(ds, kind_of(file), path, &s);
  if (strcmp(line_no, "0") == 0) {
    snprintf(want, sizeof want, "%s: %s", path, reason);
    CHECK(st == FZ_INVALID_ARGUMENT, file);
    CHECK(strstr(fz_last_error_message(), want) != NULL, file);
  } else {
    CHECK(st == FZ_OK, file);
    CHECK(s.rows_rejected == 1 && s.rows_read == s.rows_accepted + 1, file);
    CHECK(fz_dataset_rejects_json(ds, &json, &len) == FZ_OK, file);
    if (json) {
      /* The stable code sits between the column and the reason. */
      snprintf(want, sizeof want, "\"line\":%s,\"column\":\"%s\",\"code\":\"", line_no,
               strcmp(column, "-") == 0 ? "" : column);
      CHECK(strstr(json, want) != NULL, file);
      snprintf(want, sizeof want, "\",\"reason\":\"%s\"", reason);
      CHECK(strstr(json, want) != NULL, file);
      CHECK(strlen(json) == len, file);
    }
    fz_free(json);
  }
  fz_dataset_free(ds);
  fz_dataset_free(NULL);
}

int main(int argc, char** argv) {
  char path[1024], line[4096];
  FILE* in;
  int cases = 0;
  if (argc != 2) {
    fprintf(stderr, "usage: %s tests/data/bad\n", argv[0]);
    return 2;
  }
  snprintf(path, sizeof path, "%s/EXPECTED.tsv", argv[1]);
  in = fopen(path, "r");
  if (!in) {
    perror(path);
    return 2;
  }
  while (fgets(line, sizeof line, in)) {
    if (line[0] == '#' || line[0] == '\n') continue;
    check_case(argv[1], line);
    ++cases;
  }
  fclose(in);
  if (cases < 35) {
    fprintf(stderr, "only %d cases in %s\n", cases, path);
    ++failures;
  }
  printf("%d bad files checked through the C ABI, %d failures\n", cases, failures);
  return failures == 0 ? 0 : 1;
}
