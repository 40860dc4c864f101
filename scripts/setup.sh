#!/usr/bin/env bash
# Installs what fazhi builds with (Debian 12 packages, only those missing),
# then configures and builds it in build/. Quick when everything is present.
# clang and its runtimes (libclang-rt-14-dev) are for the sanitizer and fuzz
# builds of scripts/test.sh; binutils' nm and readelf for the ABI checks; the
# JDK, JNA, Gson and JUnit 5 for the Java binding (bindings/java) and its tests;
# pandas for the Python binding's to_pandas() tests.
# libxlsxwriter for the workbooks; libzip and expat to read .xlsx record files; openpyxl to read them back in the tests;
# headless Chromium, its driver, Selenium and the Noto CJK fonts for the test
# that opens and prints the HTML report; poppler-utils to read the PDF back.
# Usage: scripts/setup.sh            (sourced by example.sh and test.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  g++ cmake ninja-build pkg-config make
  libboost-dev libboost-date-time-dev libabsl-dev nlohmann-json3-dev libssl-dev
  libxlsxwriter-dev libzip-dev libexpat1-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  python3 python3-pytest python3-openpyxl python3-pandas python3-dask python3-distributed
  chromium chromium-driver python3-selenium fonts-noto-cjk poppler-utils
  openjdk-17-jdk-headless junit5 libjna-java libgoogle-gson-java
  clang libclang-rt-14-dev binutils
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
