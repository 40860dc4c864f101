/* file_change_c_test -- a record file written to while it is loaded, through
 * the C ABI: a child process cuts mediation.csv short and writes it back, over
 * and over, while this process loads the folder again and again. Every load
 * must return, FZ_OK or an error naming the file; none may kill the process
 * (a mapped file that shrinks raises SIGBUS).
 *
 *   file_change_c_test [SECONDS]
 */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "fazhi.h"

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* The child: cut the file to 1,000 bytes, then write it back whole. */
static void churn(const char* path, const char* text, size_t len) {
  for (;;) {
    int fd = open(path, O_WRONLY);
    if (fd < 0) _exit(1);
    if (ftruncate(fd, 1000) != 0) _exit(1);
    if (pwrite(fd, text, len, 0) != (ssize_t)len) _exit(1);
    close(fd);
  }
}

int main(int argc, char** argv) {
  const double seconds = argc > 1 ? atof(argv[1]) : 3.0;
  char dir[] = "/tmp/fazhi-file-change-XXXXXX";
  char path[256];
  const char* header = "case_id,region,org_id,received_date,closed_date,outcome,major_group,category\n";
  const size_t rows = 60000; /* ~4 MB */
  size_t cap = strlen(header) + rows * 96, len = 0, i;
  char* text = malloc(cap);
  pid_t child;
  int fd, status = 0, loads = 0, ok = 0, changed = 0, failures = 0;
  double until;
  if (!text || !mkdtemp(dir)) return 2;
  len = (size_t)sprintf(text, "%s", header);
  for (i = 0; i < rows; ++i) {
    len += (size_t)sprintf(text + len,
                           "M%08lu,440103,O103-1,2018-06-01,2018-06-15,success,false,邻里纠纷\n",
                           (unsigned long)i);
  }
  snprintf(path, sizeof path, "%s/mediation.csv", dir);
  fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0 || write(fd, text, len) != (ssize_t)len) return 2;
  close(fd);

  child = fork();
  if (child < 0) return 2;
  if (child == 0) churn(path, text, len);

  until = now() + seconds;
  while (now() < until) {
    fz_dataset* ds = NULL;
    fz_status s;
    if (fz_dataset_create(&ds, NULL) != FZ_OK) return 2;
    s = fz_dataset_load_dir(ds, dir, NULL);
    ++loads;
    if (s == FZ_OK) {
      ++ok;
    } else if (strstr(fz_last_error_message(), "mediation.csv") != NULL) {
      if (strstr(fz_last_error_message(), "changed while it was being loaded") != NULL) ++changed;
    } else {
      fprintf(stderr, "load %d: status %d without the file named: %s\n", loads, (int)s,
              fz_last_error_message());
      ++failures;
    }
    fz_dataset_free(ds);
  }
  kill(child, SIGKILL);
  waitpid(child, &status, 0);
  unlink(path);
  rmdir(dir);
  free(text);
  printf("%d loads: %d FZ_OK, %d refused as changed while loaded, %d other\n", loads, ok,
         changed, loads - ok - changed);
  if (loads == 0) ++failures;
  return failures == 0 ? 0 : 1;
}
