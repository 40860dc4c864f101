#!/usr/bin/env bash
# The README's test command: set up, build, and run every test (C++ with
# ctest, Python with Debian's pytest). Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

ctest --test-dir build --output-on-failure -j"$(nproc)"

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
