#!/usr/bin/env bash
# run_overhead.sh BUILD_DIR DATA_DIR [ROUNDS [REGIONS]] -- the Java binding's
# overhead over C: runs overhead_c, then Overhead.java, on the same folder and
# prints each stage's median in both and the Java overhead in percent.
#   build/bench/fazhi_generate_scale --records 1000000 --out /tmp/s1m
#   bash bindings/java/bench/run_overhead.sh build /tmp/s1m 5 100
set -euo pipefail
build=$1 data=$2 rounds=${3:-5} regions=${4:-100}
java_dir=$build/bindings/java
c_out=$(mktemp) java_out=$(mktemp)
trap 'rm -f "$c_out" "$java_out"' EXIT
"$java_dir/bench/overhead_c" "$data" "$rounds" "$regions" >"$c_out"
java -Dfazhi.library="$build/libfazhi.so.1" \
     -cp "$java_dir/fazhi.jar:/usr/share/java/jna.jar:/usr/share/java/gson.jar:$java_dir/bench/fazhi-bench.jar" \
     Overhead "$data" "$rounds" "$regions" >"$java_out"
cat "$c_out" "$java_out"
echo
awk 'FNR == 1 {lang++} /median/ {ms[lang, $1] = $6; if (lang == 1) order[++n] = $1}
     END {
       printf "%-8s %10s %10s %9s\n", "stage", "C ms", "Java ms", "overhead"
       for (i = 1; i <= n; i++) {
         s = order[i]; c += ms[1, s]; j += ms[2, s]
         printf "%-8s %10.1f %10.1f %8.1f%%\n", s, ms[1, s], ms[2, s], (ms[2, s] - ms[1, s]) / ms[1, s] * 100
       }
       printf "%-8s %10.1f %10.1f %8.1f%%\n", "total", c, j, (j - c) / c * 100
     }' "$c_out" "$java_out"
