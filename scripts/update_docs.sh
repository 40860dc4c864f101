#!/usr/bin/env bash
# Rewrites the generated documents of docs/ from the code (the tests
# Docs.*DocumentIsCurrent and TimeLimits.TheDocumentIsTheTable fail until
# they are current). Builds the fazhi command in BUILD_DIR (default: build).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$build" --target fazhi_cli >/dev/null
fazhi=$build/fazhi
"$fazhi" docs data > "$root/docs/data.md"
"$fazhi" metrics --format markdown > "$root/docs/metrics.md"
"$fazhi" docs profile > "$root/docs/profile.md"
"$fazhi" calendar time-limits > "$root/docs/time_limits.md"
echo "docs/data.md docs/metrics.md docs/profile.md docs/time_limits.md are current"
# The example report's picture and page structure (docs/report-example.*),
# taken in headless Chromium by the test that checks them.
if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  FAZHI_UPDATE_DOCS=1 FAZHI_BUILD_DIR=$build /usr/bin/python3 -m pytest -q -p no:cacheprovider \
    "$root/tests/python/test_html_report.py" -k example_structure >/dev/null
  echo "docs/report-example.png docs/report-example.structure.json are current"
fi
