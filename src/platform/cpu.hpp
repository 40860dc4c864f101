// cpu.hpp -- which build of the library's few hot loops this CPU runs.
//
// A Debian package may assume any x86-64 (SSE2) and no more, so the loops
// that gain from AVX2 (the report's record pass in src/metrics/pass.hpp, UTF-8
// validation in encoding.cpp) are built for both, and the CPU chooses once
// at run time, by a plain branch: an ifunc (target_clones) has its resolver
// run before ThreadSanitizer is set up, which crashes its builds.
#pragma once

// FAZHI_AVX2_BUILDS is 1 where the loops have an AVX2 build (x86-64 with
// GCC's or clang's target attribute), else 0.
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define FAZHI_AVX2_BUILDS 1
#else
#define FAZHI_AVX2_BUILDS 0
#endif

namespace fazhi::internal {

// use_avx2 is true when the CPU has AVX2 and the environment does not set
// FAZHI_CPU=baseline, which keeps to the SSE2 builds so that the tests (and
// anyone comparing) run them on any CPU. Always false off x86-64.
bool use_avx2() noexcept;

}  // namespace fazhi::internal
