#!/usr/bin/env bash
# same_report_every_shape.sh GENERATOR FAZHI WORKDIR [RECORDS]
#
# Generates the scale dataset in every shape and fails unless
# `fazhi report --all-regions --year 2019 --format json` prints the same bytes
# for each: a shape changes only the order rows arrive in and how ids are
# spelt, never a figure.
set -euo pipefail
generator=$1 fazhi=$2 work=$3 records=${4:-20000}
mkdir -p "$work"
status=0
for shape in ordered shuffled unpadded by_date; do
  rm -rf "$work/$shape"
  "$generator" --records "$records" --out "$work/$shape" --shape "$shape" >/dev/null
  "$fazhi" report --data "$work/$shape" --all-regions --year 2019 --format json >"$work/$shape.json"
  if [[ $shape != ordered ]] && ! cmp -s "$work/ordered.json" "$work/$shape.json"; then
    echo "the report on the '$shape' shape differs from the one on 'ordered'" >&2
    status=1
  fi
done
rm -rf "$work"
exit $status
