#!/usr/bin/env bash
# make_shapes.sh -- scale folders in every shape, for compare.sh.
#
#   bench/peer/make_shapes.sh [SIZE ...]        (default: 1M 3M 10M)
#
# Writes OUT/fazhi-scale-SIZE-SHAPE for each size (records; a suffix k or M
# multiplies by 10^3 or 10^6) and each shape (ordered shuffled unpadded
# by_date, or the list in $SHAPES). OUT is $OUT or /tmp; the generator is
# $BUILD/bench/fazhi_generate_scale, $BUILD defaulting to build/ at the top
# of the repository. A folder that exists is kept. 10M is ~930 MB a folder.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${BUILD:-$here/../../build} out=${OUT:-/tmp}
shapes=${SHAPES:-ordered shuffled unpadded by_date}
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(1M 3M 10M)
for size in "${sizes[@]}"; do
  case $size in
    *M) records=$((${size%M} * 1000000)) ;;
    *k) records=$((${size%k} * 1000)) ;;
    *) records=$size ;;
  esac
  for shape in $shapes; do
    dir=$out/fazhi-scale-$size-$shape
    if [[ -d $dir ]]; then
      echo "$dir: kept"
      continue
    fi
    "$build/bench/fazhi_generate_scale" --records "$records" --shape "$shape" --out "$dir" | tail -1 |
      sed "s|^|$dir: |"
  done
done
