#!/usr/bin/env bash
# The README's main command: set up, build, and run the main job on the
# bundled example dataset, printing the reference district's report (白云区,
# 2019) as the published report presents it: narrative, then every metric;
# then the same report as an Excel workbook and a printable HTML page with
# charts, in build/example/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >&2

./build/fazhi report --data data/examples/baiyun-2019 --region 440111 --year 2019 \
  --profile data/examples/baiyun-2019/profile.json --format text
mkdir -p build/example
for format in xlsx html; do
  ./build/fazhi report --data data/examples/baiyun-2019 --region 440111 --year 2019 \
    --profile data/examples/baiyun-2019/profile.json --format "$format" \
    --out "build/example/白云区-2019.$format" 2>/dev/null
done
echo "example: build/example/白云区-2019.xlsx and build/example/白云区-2019.html written" >&2
