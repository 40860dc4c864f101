/* memory_limit_c_test -- running out of memory is a status, never a crash.
 *
 * Writes a folder of a few tens of MB of records, then, for a rising series
 * of address-space limits (RLIMIT_AS) and for 1 and 2 loading threads,
 * loads and reports it through the C ABI in a forked child. Every child must
 * exit normally with FZ_OK or FZ_RESOURCE_EXHAUSTED (the latter with a
 * one-line message): a signal (std::terminate's SIGABRT) fails the test. The
 * lowest limit must run out and the highest must not, so the sweep crosses
 * the whole range where memory runs out somewhere inside a load or a report.
 *
 *   memory_limit_c_test SCRATCH_DIR
 *
 * Not built under the sanitizers, which reserve terabytes of address space.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fazhi.h"

static const char* const kDistricts[] = {"440103", "440104", "440105", "440106",
                                         "440111", "440112", "440113", "440114"};
enum { kDistrictCount = sizeof kDistricts / sizeof kDistricts[0] };
enum { kLegalAidRows = 150000, kReconsiderationRows = 60000, kActivityRows = 40000 };

static FILE* open_csv(const char* dir, const char* name, const char* header) {
  char path[4096];
  FILE* f;
  snprintf(path, sizeof path, "%s/%s", dir, name);
  f = fopen(path, "w");
  if (!f) {
    fprintf(stderr, "cannot write %s: %s\n", path, strerror(errno));
    exit(2);
  }
  fputs(header, f);
  return f;
}

/* write_folder writes about 35 MB of valid rows of three kinds. */
static void write_folder(const char* dir) {
  FILE* f;
  int i;
  f = open_csv(dir, "legal_aid.csv",
               "case_id,region,applied_date,decided_date,decision,accepted_date,case_type,"
               "assigned_date,lawyer_id,firm_id,assignment_method,commitment,closed_date,"
               "recovered_amount\n");
  for (i = 0; i < kLegalAidRows; ++i) {
    const int month = 1 + i % 12, day = 1 + i % 28;
    fprintf(f,
            "FA-%07d,%s,2019-%02d-%02d,2019-%02d-%02d,granted,2019-%02d-%02d,civil,"
            "2019-%02d-%02d,L%05d,F%04d,lottery,false,2019-%02d-%02d,%d.%02d\n",
            i, kDistricts[i % kDistrictCount], month, day, month, day, month, day, month, day,
            i % 20000, i % 900, month, day < 28 ? day + 1 : day, i % 100000, i % 100);
  }
  fclose(f);
  f = open_csv(dir, "reconsideration.csv",
               "case_id,region,received_date,accepted_date,closed_date,disposition,respondent,"
               "category,simple_procedure,extended,litigated,suspended_days\n");
  for (i = 0; i < kReconsiderationRows; ++i) {
    const int month = 1 + i % 10, day = 1 + i % 28;
    fprintf(f, "FY-%07d,%s,2019-%02d-%02d,2019-%02d-%02d,2019-%02d-%02d,upheld,R%05d,C%03d,false,false,false,0\n",
            i, kDistricts[i % kDistrictCount], month, day, month, day, month + 2, day, i % 3000,
            i % 40);
  }
  fclose(f);
  f = open_csv(dir, "activity.csv", "region,date,indicator,value,note\n");
  for (i = 0; i < kActivityRows; ++i) {
    fprintf(f, "%s,2019-%02d-%02d,legal_service.services,%d,N%06d\n", kDistricts[i % kDistrictCount],
            1 + i % 12, 1 + i % 28, i % 1000, i);
  }
  fclose(f);
}

/* load_and_report is the child's work: the C ABI from creation to JSON,
 * into *ds. It returns the first status that is not FZ_OK. */
static fz_status load_and_report(fz_dataset** ds, const char* dir, int threads) {
  fz_dataset_options options = FZ_DATASET_OPTIONS_INIT;
  fz_report* report = NULL;
  char* json = NULL;
  size_t len = 0;
  fz_status s;
  options.threads = threads;
  if ((s = fz_dataset_create(ds, &options)) != FZ_OK) return s;
  if ((s = fz_dataset_load_dir(*ds, dir, NULL)) != FZ_OK) return s;
  if ((s = fz_dataset_seal(*ds)) != FZ_OK) return s;
  if ((s = fz_report_compute(&report, *ds, "440100", "2019-01-01", "2019-12-31", NULL)) != FZ_OK) return s;
  s = fz_report_to_json(report, &json, &len);
  fz_free(json);
  json = NULL;
  if (s == FZ_OK) s = fz_report_narrative(report, &json, &len);
  fz_free(json);
  json = NULL;
  fz_report_free(report);
  if (s == FZ_OK) s = fz_report_all_json(*ds, "2019-01-01", "2019-12-31", NULL, &json, &len);
  fz_free(json);
  return s;
}

/* A child exits with these when the status came with a bad message, or the
 * dataset a call left behind answered other than by FZ_OK or
 * FZ_FAILED_PRECONDITION. */
enum { kBadMessage = 100, kBadAfterwards = 101, kNoLimit = 102 };

static int usable_or_refused(fz_status s) { return s == FZ_OK || s == FZ_FAILED_PRECONDITION; }

static int run_child(const char* dir, rlim_t limit, int threads) {
  struct rlimit rl;
  fz_dataset* ds = NULL;
  fz_status s;
  const char* message;
  char* json = NULL;
  size_t len = 0;
  /* The soft limit only: it is raised again below. */
  if (getrlimit(RLIMIT_AS, &rl) != 0) return kNoLimit;
  rl.rlim_cur = limit;
  if (setrlimit(RLIMIT_AS, &rl) != 0) return kNoLimit;
  s = load_and_report(&ds, dir, threads);
  message = fz_last_error_message();
  if (s != FZ_OK && (message[0] == '\0' || strchr(message, '\n') != NULL)) return kBadMessage;
  if (s == FZ_RESOURCE_EXHAUSTED && ds != NULL) {
    /* With memory to spare again, the dataset the failure left is whole or
     * refused (its rows may be half there), never read out of bounds. */
    rl.rlim_cur = rl.rlim_max;
    if (setrlimit(RLIMIT_AS, &rl) != 0) return kNoLimit;
    if (!usable_or_refused(fz_report_all_json(ds, "2019-01-01", "2019-12-31", NULL, &json, &len))) {
      return kBadAfterwards;
    }
    fz_free(json);
    {
      /* A load cut short keeps none of its rows (or the dataset is refused):
       * loading again takes every row, none as a duplicate of a lost one. */
      fz_load_summary summary = FZ_LOAD_SUMMARY_INIT;
      s = fz_dataset_load_dir(ds, dir, &summary);
      if (!usable_or_refused(s) || (s == FZ_OK && summary.rows_rejected != 0)) return kBadAfterwards;
    }
    s = FZ_RESOURCE_EXHAUSTED;
  }
  fz_dataset_free(ds);
  return (int)s;
}

int main(int argc, char** argv) {
  /* From too little to load anything to comfortable, about 1.25x a step. */
  static const unsigned limits_mb[] = {24, 32, 40, 48, 56, 64, 72, 80, 96, 112, 128, 160, 192, 256, 384, 768};
  enum { kLimits = sizeof limits_mb / sizeof limits_mb[0] };
  char dir[4096];
  int failures = 0, exhausted = 0, ok = 0;
  int threads, k;
  if (argc != 2) {
    fprintf(stderr, "usage: memory_limit_c_test SCRATCH_DIR\n");
    return 2;
  }
  snprintf(dir, sizeof dir, "%s/memory-limit-%ld", argv[1], (long)getpid());
  if (mkdir(argv[1], 0700) != 0 && errno != EEXIST) return 2;
  if (mkdir(dir, 0700) != 0) {
    fprintf(stderr, "cannot make %s: %s\n", dir, strerror(errno));
    return 2;
  }
  write_folder(dir);
  for (threads = 1; threads <= 2; ++threads) {
    for (k = 0; k < kLimits; ++k) {
      const rlim_t limit = (rlim_t)limits_mb[k] << 20;
      int status = 0;
      pid_t pid;
      fflush(stderr);
      pid = fork();
      if (pid < 0) {
        perror("fork");
        return 2;
      }
      if (pid == 0) _exit(run_child(dir, limit, threads));
      if (waitpid(pid, &status, 0) != pid) {
        perror("waitpid");
        return 2;
      }
      if (WIFSIGNALED(status)) {
        fprintf(stderr, "%u MB, %d thread(s): killed by signal %d\n", limits_mb[k], threads,
                WTERMSIG(status));
        ++failures;
      } else if (WEXITSTATUS(status) == FZ_OK) {
        ++ok;
        if (k == 0) {
          fprintf(stderr, "%u MB, %d thread(s): the lowest limit should run out\n", limits_mb[k],
                  threads);
          ++failures;
        }
      } else if (WEXITSTATUS(status) == FZ_RESOURCE_EXHAUSTED) {
        ++exhausted;
        if (k == kLimits - 1) {
          fprintf(stderr, "%u MB, %d thread(s): the highest limit should be enough\n",
                  limits_mb[k], threads);
          ++failures;
        }
      } else {
        fprintf(stderr, "%u MB, %d thread(s): exit status %d (%s)\n", limits_mb[k], threads,
                WEXITSTATUS(status),
                WEXITSTATUS(status) == kBadMessage      ? "an empty or multi-line message"
                : WEXITSTATUS(status) == kBadAfterwards ? "the dataset left behind was neither whole nor refused"
                : WEXITSTATUS(status) == kNoLimit       ? "cannot set the limit"
                                                        : fz_status_string(WEXITSTATUS(status)));
        ++failures;
      }
    }
  }
  {
    char path[4200];
    const char* const files[] = {"legal_aid.csv", "reconsideration.csv", "activity.csv"};
    for (k = 0; k < 3; ++k) {
      snprintf(path, sizeof path, "%s/%s", dir, files[k]);
      remove(path);
    }
    rmdir(dir);
  }
  fprintf(stderr, "%d loads ran out of memory, %d succeeded, %d failures\n", exhausted, ok,
          failures);
  return failures == 0 ? 0 : 1;
}
