#!/usr/bin/env bash
# check.sh -- does the DuckDB peer compute fazhi's figures?
#
#   bench/peer/check.sh [BUILD_DIR] [DATA_DIR]
#
# Generates a 20,000-record folder with BUILD_DIR/bench/fazhi_generate_scale
# (unless DATA_DIR is given), runs `BUILD_DIR/fazhi report --all-regions
# --year 2019 --format json` and the peer (report.mjs) on it, and prints every
# figure, breakdown row and series point on which they differ (check.mjs),
# and the metrics and tables the peer does not compute. BUILD_DIR defaults to build/ at the top of the repository. Needs
# `npm ci` in bench/peer first.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build}
work=$(mktemp -d /tmp/fazhi-peer-check.XXXXXX)
trap 'rm -rf "$work"' EXIT
data=${2:-}
if [[ -z $data ]]; then
  data=$work/data
  "$build/bench/fazhi_generate_scale" --records 20000 --out "$data" >/dev/null
fi
"$build/fazhi" report --data "$data" --all-regions --year 2019 --format json >"$work/fazhi.json"
node "$here/report.mjs" --data "$data" --year 2019 --out "$work/peer.json"
node "$here/check.mjs" "$work/fazhi.json" "$work/peer.json"
