/* overhead.c -- the work of Overhead.java, in C through the same C ABI: the
 * baseline the Java binding's overhead is measured against.
 *
 *   overhead_c DIR [ROUNDS [REGIONS]]   DIR: a dataset folder (bench/fazhi_generate_scale)
 *
 * Each round: load the folder into a new dataset and seal it; every region's
 * report as one JSON (fz_report_all_json); then REGIONS regions (default 100,
 * evenly spread over regions.csv) one by one: fz_report_compute, every metric
 * read with fz_report_get, fz_report_free. (One region's report costs tens of
 * ms whatever its size, so all 3,441 one by one would take minutes a round.)
 * Prints each stage's best and median time in ms. */
#define _POSIX_C_SOURCE 199309L
#include <fazhi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_ROUNDS 64

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static void fail(const char* what) {
  fprintf(stderr, "overhead_c: %s: %s\n", what, fz_last_error_message());
  exit(1);
}

static int compare(const void* a, const void* b) {
  double x = *(const double*)a, y = *(const double*)b;
  return (x > y) - (x < y);
}

static void print_stage(const char* name, double* ms, int n) {
  qsort(ms, (size_t)n, sizeof *ms, compare);
  printf("%-8s best %9.1f ms  median %9.1f ms\n", name, ms[0], ms[n / 2]);
}

/* The region codes of DIR/regions.csv (its first column, after the header). */
static char (*read_regions(const char* dir, int* count))[7] {
  char path[4096];
  snprintf(path, sizeof path, "%s/regions.csv", dir);
  FILE* f = fopen(path, "r");
  if (!f) {
    perror(path);
    exit(1);
  }
  int cap = 4096, n = 0;
  char(*codes)[7] = malloc((size_t)cap * sizeof *codes);
  char line[1024];
  if (!fgets(line, sizeof line, f)) exit(1);
  while (fgets(line, sizeof line, f)) {
    if (n == cap) codes = realloc(codes, (size_t)(cap *= 2) * sizeof *codes);
    memcpy(codes[n], line, 6);
    codes[n++][6] = '\0';
  }
  fclose(f);
  *count = n;
  return codes;
}

int main(int argc, char** argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: overhead_c DIR [ROUNDS]\n");
    return 2;
  }
  const char* dir = argv[1];
  int rounds = argc > 2 ? atoi(argv[2]) : 5;
  if (rounds < 1 || rounds > MAX_ROUNDS) rounds = 5;
  int sample = argc > 3 ? atoi(argv[3]) : 100;
  int n_regions = 0;
  char(*regions)[7] = read_regions(dir, &n_regions);
  if (sample < 1 || sample > n_regions) sample = n_regions;
  /* Region i of the sample is regions[i * n_regions / sample], as in Java. */
  double load_ms[MAX_ROUNDS], json_ms[MAX_ROUNDS], reports_ms[MAX_ROUNDS];
  size_t checksum = 0;
  /* Round 0 warms up (page cache, allocator) and is not counted, as in Java. */
  for (int round = 0; round <= rounds; round++) {
    double t0 = now_ms();
    fz_dataset* ds = NULL;
    if (fz_dataset_create(&ds, NULL) != FZ_OK) fail("create");
    if (fz_dataset_load_dir(ds, dir, NULL) != FZ_OK) fail(dir);
    if (fz_dataset_seal(ds) != FZ_OK) fail("seal");
    double t1 = now_ms();
    char* json = NULL;
    size_t len = 0;
    if (fz_report_all_json(ds, "2019-01-01", "2019-12-31", NULL, &json, &len) != FZ_OK) fail("all");
    checksum += len;
    fz_free(json);
    double t2 = now_ms();
    for (int i = 0; i < sample; i++) {
      const char* region = regions[(long)i * n_regions / sample];
      fz_report* rep = NULL;
      if (fz_report_compute(&rep, ds, region, "2019-01-01", "2019-12-31", NULL) != FZ_OK) {
        if (fz_last_error_code() == FZ_NOT_FOUND) continue; /* a region without records */
        fail(region);
      }
      int32_t n = 0;
      fz_report_metric_count(rep, &n);
      for (int32_t m = 0; m < n; m++) {
        const char* id = NULL;
        fz_value v = FZ_VALUE_INIT;
        fz_report_metric_id(rep, m, &id);
        fz_status s = fz_report_get(rep, id, &v);
        if (s != FZ_OK && s != FZ_OUT_OF_RANGE) fail(id);
        checksum += (size_t)(v.num + v.den + v.integer) + strlen(v.text) + strlen(v.label);
      }
      fz_report_free(rep);
    }
    double t3 = now_ms();
    fz_dataset_free(ds);
    if (round > 0) {
      load_ms[round - 1] = t1 - t0;
      json_ms[round - 1] = t2 - t1;
      reports_ms[round - 1] = t3 - t2;
    }
  }
  printf("C, %d of %d regions one by one, %d rounds (checksum %zu)\n", sample, n_regions, rounds,
         checksum);
  print_stage("load", load_ms, rounds);
  print_stage("all_json", json_ms, rounds);
  print_stage("reports", reports_ms, rounds);
  free(regions);
  return 0;
}
