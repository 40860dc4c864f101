#!/usr/bin/env bash
# Records the ABI of build/libfazhi.so.1 as tests/abi/libfazhi.abi, the
# baseline every build is checked against. Refuses an incompatible change
# unless FAZHI_ABI_VERSION (the SONAME) was raised: a deliberate major bump.
# Usage: scripts/update_abi_baseline.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
cmake --build "$build" --target fazhi_c
exec /usr/bin/python3 tests/abi/abi_check.py --update \
  --library "$build/libfazhi.so.$(sed -n 's/^set(FAZHI_ABI_VERSION \([0-9]*\))/\1/p' CMakeLists.txt)" \
  --header capi/fazhi.h --include "$build/generated" --baseline tests/abi/libfazhi.abi
