#!/usr/bin/env bash
# The README's test command: set up, build, and run every test (C++ with
# ctest, Python with Debian's pytest), then the reliability runs: the tests
# again under AddressSanitizer + UndefinedBehaviorSanitizer, a short fuzzing
# run of every fuzz target, and the concurrency tests under ThreadSanitizer.
# (The ABI check against tests/abi/libfazhi.abi is a ctest test of the first
# build.) Exits non-zero on any failure or sanitizer report.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
jobs=$(nproc)

ctest --test-dir build --output-on-failure -j"$jobs"

# Debian's interpreter, explicitly: the one python3-pytest belongs to (a
# python3 earlier on the PATH may be another installation).
PYTHON=/usr/bin/python3
pytest_dirs=()
for d in tests/python bindings/python/tests; do
  compgen -G "$d/test_*.py" >/dev/null && pytest_dirs+=("$d")
done
# The Python binding loads the library just built (its versioned SONAME).
export FAZHI_LIBRARY="$PWD/build/libfazhi.so.1"
if ((${#pytest_dirs[@]})); then
  FAZHI_BUILD_DIR="$PWD/build" "$PYTHON" -m pytest -q -p no:cacheprovider "${pytest_dirs[@]}"
fi
unset FAZHI_LIBRARY

# ---- Reliability builds (no benchmarks, no CLI) -------------------------------
common=(-G Ninja -DCMAKE_BUILD_TYPE=Debug -DFAZHI_BUILD_BENCH=OFF -DFAZHI_BUILD_CLI=OFF)

# ASan + UBSan (clang): every C++ and C test, plus the libFuzzer binaries,
# which then fuzz for about a minute in all from the committed seed corpus.
echo "test: AddressSanitizer + UndefinedBehaviorSanitizer build (build-asan)" >&2
cmake -S . -B build-asan "${common[@]}" -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_C_FLAGS_DEBUG="-O1 -g" -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" \
  -DFAZHI_SANITIZE=address,undefined -DFAZHI_FUZZ=ON >/dev/null
cmake --build build-asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs"
bash scripts/fuzz.sh build-asan "${FAZHI_FUZZ_SECONDS:-60}"

# TSan (g++): the concurrency tests only, with the library they exercise.
echo "test: ThreadSanitizer build (build-tsan)" >&2
cmake -S . -B build-tsan "${common[@]}" -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" \
  -DFAZHI_SANITIZE=thread >/dev/null
cmake --build build-tsan -j"$jobs" --target concurrency_test
TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 suppressions=$PWD/tests/tsan.supp" \
  build-tsan/tests/concurrency_test
