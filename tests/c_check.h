/* c_check.h -- the checks of the C99 test programs (tests/capi_*_c_test.c):
 * CHECK counts a failed condition with the library's last error message and
 * goes on, CHECK_OK a call that must return FZ_OK; a program returns
 * failures != 0. One per program: it defines `failures`. */
#ifndef FAZHI_TESTS_C_CHECK_H_
#define FAZHI_TESTS_C_CHECK_H_

#include <stdio.h>

#include "fazhi.h"

static int failures = 0;

#define CHECK(cond)                                                                            \
  do {                                                                                         \
    if (!(cond)) {                                                                             \
      fprintf(stderr, "%s:%d: CHECK failed: %s (last error: %s)\n", __FILE__, __LINE__, #cond, \
              fz_last_error_message());                                                        \
      ++failures;                                                                              \
    }                                                                                          \
  } while (0)

#define CHECK_OK(call) CHECK((call) == FZ_OK)

#endif /* FAZHI_TESTS_C_CHECK_H_ */
