// fuzz_check.hpp -- what every fuzz target of tests/fuzz shares.
//
// A target is a plain LLVMFuzzerTestOneInput: built with FAZHI_FUZZ=ON it is
// driven by libFuzzer; in every other build it is linked with replay_main.cpp
// and run by ctest over its committed seed corpus and the inputs that ever
// crashed it (tests/fuzz/regressions/<target>/), so a fixed bug stays fixed.
//
// FUZZ_CHECK states a property that must hold for any input; breaking it is a
// crash that libFuzzer keeps and minimises like any other.
#ifndef FAZHI_TESTS_FUZZ_FUZZ_CHECK_HPP_
#define FAZHI_TESTS_FUZZ_FUZZ_CHECK_HPP_

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(cond)                                                          \
  do {                                                                            \
    if (!(cond)) {                                                                \
      std::fprintf(stderr, "%s:%d: FUZZ_CHECK failed: %s\n", __FILE__, __LINE__, \
                   #cond);                                                        \
      std::abort();                                                               \
    }                                                                             \
  } while (0)

#endif  // FAZHI_TESTS_FUZZ_FUZZ_CHECK_HPP_
