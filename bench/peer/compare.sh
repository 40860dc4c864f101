#!/usr/bin/env bash
# compare.sh -- fazhi and the DuckDB peer side by side on one folder.
#
#   bench/peer/compare.sh DATA_DIR [RUNS] [BUILD_DIR]
#
# Runs `BUILD_DIR/fazhi report --data DATA_DIR --all-regions --year 2019
# --format json` and the peer (`node report.mjs --data DATA_DIR --year 2019`,
# 2 threads) alternately RUNS times (default 3), each output to /dev/null,
# and prints each run's wall time and peak RSS (/usr/bin/time -f '%e %M'),
# with the CPU time (user + system, steadier than wall time on a busy
# machine), the medians, and the ratios: time DuckDB / fazhi (above 1: fazhi
# is faster) and memory fazhi / DuckDB (below 1: fazhi uses less). fazhi uses
# every core (2 on the reference machine). BUILD_DIR defaults to build/ at the
# top of the repository; the peer needs `npm ci` in bench/peer first.
set -euo pipefail
if [[ $# -lt 1 || ! -d $1 ]]; then
  awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0" >&2
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
data=$1 runs=${2:-3} build=${3:-$here/../../build}
measure() {  # measure OUT_FILE COMMAND...: appends "wall_seconds peak_kb cpu_seconds"
  /usr/bin/time -o "$1.one" -f '%e %M %U %S' "${@:2}" >/dev/null
  awk '{ print $1, $2, $3 + $4 }' "$1.one" >>"$1"
}
log=$(mktemp -d /tmp/fazhi-peer-compare.XXXXXX)
trap 'rm -rf "$log"' EXIT
for ((i = 1; i <= runs; i++)); do
  measure "$log/fazhi" "$build/fazhi" report --data "$data" --all-regions --year 2019 --format json
  measure "$log/duckdb" node "$here/report.mjs" --data "$data" --year 2019 --threads 2
done
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
printf '%s (%s runs)\n' "$data" "$runs"
printf '%-8s %8s %8s %9s %9s %9s %10s\n' run fazhi_s cpu_s fazhi_MB duckdb_s cpu_s duckdb_MB
paste -d' ' "$log/fazhi" "$log/duckdb" |
  awk '{ printf "%-8d %8.2f %8.2f %9.0f %9.2f %9.2f %10.0f\n", NR, $1, $3, $2 / 1024, $4, $6, $5 / 1024 }'
med() { cut -d' ' -f"$2" "$log/$1" | median; }
awk -v fs="$(med fazhi 1)" -v fm="$(med fazhi 2)" -v fc="$(med fazhi 3)" \
    -v ds="$(med duckdb 1)" -v dm="$(med duckdb 2)" -v dc="$(med duckdb 3)" 'BEGIN {
  printf "%-8s %8.2f %8.2f %9.0f %9.2f %9.2f %10.0f\n", "median", fs, fc, fm / 1024, ds, dc, dm / 1024
  printf "time DuckDB/fazhi %.2fx (CPU %.2fx), memory fazhi/DuckDB %.2fx\n", ds / fs, dc / fc, fm / dm }'
