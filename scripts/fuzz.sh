#!/usr/bin/env bash
# Runs every libFuzzer target of a FAZHI_FUZZ=ON build for a share of a total
# time, starting from the committed seed corpus (tests/fuzz/corpus/<target>);
# new inputs go to a scratch folder, never into the checkout. A crash fails
# the run and is left in the scratch folder with the command to keep it as a
# regression test (tests/fuzz/regressions/<target>/, replayed by ctest).
# Usage: scripts/fuzz.sh BUILD_DIR TOTAL_SECONDS [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
build=$1
total=$2
shift 2
targets=("$@")
if ((${#targets[@]} == 0)); then
  for exe in "$build"/tests/fuzz/fuzz_*; do
    [[ -x $exe && $exe != *_replay ]] && targets+=("$(basename "$exe" | sed 's/^fuzz_//')")
  done
fi
((${#targets[@]})) || { echo "fuzz: no fuzz targets in $build (configure with -DFAZHI_FUZZ=ON)" >&2; exit 1; }
each=$((total / ${#targets[@]}))
((each >= 1)) || each=1
scratch=$(mktemp -d "${TMPDIR:-/tmp}/fazhi-fuzz.XXXXXX")
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
failed=()
for t in "${targets[@]}"; do
  mkdir -p "$scratch/$t/corpus" "$scratch/$t/crashes"
  if ! "$build/tests/fuzz/fuzz_$t" "$scratch/$t/corpus" "tests/fuzz/corpus/$t" \
      -max_total_time="$each" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -artifact_prefix="$scratch/$t/crashes/" -print_final_stats=1 \
      >"$scratch/$t/log" 2>&1; then
    failed+=("$t")
    echo "fuzz: $t FAILED; its log: $scratch/$t/log" >&2
    tail -n 40 "$scratch/$t/log" >&2
    for c in "$scratch/$t/crashes"/*; do
      [[ -e $c ]] && echo "fuzz: keep it with: cp $c tests/fuzz/regressions/$t/" >&2
    done
  else
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$scratch/$t/log")
    echo "fuzz: $t: ${runs:-?} inputs in ${each}s, no crash"
  fi
done
if ((${#failed[@]})); then
  echo "fuzz: crashes in: ${failed[*]} (inputs kept under $scratch)" >&2
  exit 1
fi
rm -rf "$scratch"
