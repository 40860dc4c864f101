#!/usr/bin/env bash
# install_test.sh BUILD_DIR SOURCE_DIR WORK_DIR [GENERATOR] -- installs fazhi into a fresh
# prefix and builds consumers against the installed tree only: the C example
# with CMake (find_package -> fazhi::fazhi_c, built and installed), with
# pkg-config (cc and the example's Makefile), and a C++ program with
# fazhi::fazhi. Each must run and print the Baiyun 2019 figures, finding
# libfazhi.so.1 as fazhi.h says: by its rpath, or LD_LIBRARY_PATH.
set -euo pipefail
build=$1 src=$2 work=$3 generator=${4:-Ninja}
prefix=$work/prefix
data=$src/data/examples/baiyun-2019
rm -rf "$work"
mkdir -p "$work"

cmake --install "$build" --prefix "$prefix" >"$work/install.log"

fail() { echo "install_test: $*" >&2; exit 1; }
libdir=$(dirname "$(find "$prefix" -name 'libfazhi.so.1' -print -quit)")
[ -n "$libdir" ] && [ "$libdir" != . ] || fail "libfazhi.so.1 not installed"
for f in include/fazhi.h include/fazhi_version.h include/fazhi/dataset.hpp include/fazhi/report.hpp; do
  [ -f "$prefix/$f" ] || fail "$f not installed"
done
[ -L "$libdir/libfazhi.so" ] || fail "libfazhi.so (the dev symlink) not installed"
[ -L "$libdir/libfazhi.so.1" ] || fail "libfazhi.so.1 (the SONAME link) not installed"
[ -f "$libdir/libfazhi_cxx.a" ] || fail "libfazhi_cxx.a (fazhi::fazhi) not installed"
[ -f "$libdir/cmake/fazhi/fazhiConfig.cmake" ] || fail "fazhiConfig.cmake not installed"
[ -f "$libdir/cmake/fazhi/fazhiConfigVersion.cmake" ] || fail "fazhiConfigVersion.cmake not installed"
[ -f "$libdir/pkgconfig/fazhi.pc" ] || fail "fazhi.pc not installed"
# The reference documents (the data format, metrics, profile, choices, time limits, lottery).
for f in data.md metrics.md profile.md choices.md time_limits.md lottery.md; do
  [ -f "$prefix/share/doc/fazhi/$f" ] || fail "share/doc/fazhi/$f not installed"
done

expect() {  # expect OUTPUT_FILE TEXT...
  local out=$1; shift
  for t in "$@"; do grep -qF -- "$t" "$out" || { cat "$out" >&2; fail "'$t' missing from $out"; }; done
}

# No consumer below is helped by the environment to find the library: each
# finds libfazhi.so.1 by its rpath, or is given LD_LIBRARY_PATH explicitly.
unset LD_LIBRARY_PATH

# 1. CMake: find_package(fazhi) and fazhi::fazhi_c. The build tree's program
# and the installed one both find the library through their rpath.
cmake -S "$src/examples/c" -B "$work/cmake-c" -G "$generator" -DCMAKE_PREFIX_PATH="$prefix" >"$work/cmake-c.log"
cmake --build "$work/cmake-c" >>"$work/cmake-c.log"
"$work/cmake-c/load_report" "$data" 440111 2019 >"$work/cmake-c.out"
expect "$work/cmake-c.out" "439 件" "94.02% = 110/117"
cmake --install "$work/cmake-c" --prefix "$work/app" >>"$work/cmake-c.log"
"$work/app/bin/load_report" "$data" 440111 2019 >"$work/cmake-c-installed.out"
expect "$work/cmake-c-installed.out" "439 件" "94.02% = 110/117"

# 2. pkg-config, as README.md says: cc app.c $(pkg-config --cflags --libs fazhi).
export PKG_CONFIG_PATH=$libdir/pkgconfig
[ "$(pkg-config --modversion fazhi)" = "$(sed -n 's/^#define FZ_VERSION_STRING "\(.*\)"/\1/p' "$prefix/include/fazhi_version.h")" ] \
  || fail "fazhi.pc's version differs from fazhi_version.h"
mkdir -p "$work/pkg-config"
# shellcheck disable=SC2046
cc -std=c99 -pedantic -Wall -Wextra -Werror "$src/examples/c/load_report.c" \
   $(pkg-config --cflags --libs fazhi) -o "$work/pkg-config/load_report"
# Without an rpath the loader does not know the prefix (fazhi.h says so)...
if "$work/pkg-config/load_report" "$data" >/dev/null 2>"$work/pkg-config.err"; then
  fail "load_report without an rpath found libfazhi.so.1 outside the loader's path"
fi
expect "$work/pkg-config.err" "libfazhi.so.1"
# ... and LD_LIBRARY_PATH tells it.
LD_LIBRARY_PATH=$libdir "$work/pkg-config/load_report" "$data" >"$work/pkg-config.out"
expect "$work/pkg-config.out" "439 件" "94.02% = 110/117"
# The rpath of fazhi.h: pkg-config's libdir recorded in the program.
# shellcheck disable=SC2046
cc -std=c99 -pedantic -Wall -Wextra -Werror "$src/examples/c/load_report.c" \
   $(pkg-config --cflags --libs fazhi) -Wl,-rpath,"$(pkg-config --variable=libdir fazhi)" \
   -o "$work/pkg-config/load_report_rpath"
"$work/pkg-config/load_report_rpath" "$data" >"$work/rpath.out"
expect "$work/rpath.out" "439 件" "94.02% = 110/117"
# ... and through the example's Makefile, which records it too.
make -s -C "$work/pkg-config" -f "$src/examples/c/Makefile" VPATH="$src/examples/c" \
     load_report -B >"$work/make.log"
readelf -d "$work/pkg-config/load_report" | grep -E '\((RUNPATH|RPATH)\)' | grep -qF "$prefix" \
  || fail "the Makefile's load_report records no rpath into $prefix"
"$work/pkg-config/load_report" "$data" >"$work/make.out"
expect "$work/make.out" "439 件"
# The library resolves under its SONAME, not the dev symlink.
readelf -d "$work/pkg-config/load_report" | grep -q 'NEEDED.*\[libfazhi.so.1\]' \
  || fail "load_report does not NEED libfazhi.so.1"

# 3. CMake: the C++ core, fazhi::fazhi, with its dependencies found for us.
cmake -S "$src/tests/install_consumer" -B "$work/cmake-cxx" -G "$generator" \
      -DCMAKE_PREFIX_PATH="$prefix" >"$work/cmake-cxx.log"
cmake --build "$work/cmake-cxx" >>"$work/cmake-cxx.log"
"$work/cmake-cxx/cxx_consumer" "$data" >"$work/cmake-cxx.out"
expect "$work/cmake-cxx.out" "litigation.win_rate 94.02%"

# 4. Java, when the build made the binding: the installed jar and library.
jar=$prefix/share/java/fazhi.jar
if [ -e "$build/bindings/java/fazhi.jar" ]; then
  [ -f "$jar" ] || fail "share/java/fazhi.jar not installed"
  [ -f "$prefix/share/java/fazhi-$(pkg-config --modversion fazhi).pom" ] || fail "the jar's pom not installed"
  java -cp "$jar:/usr/share/java/jna.jar:/usr/share/java/gson.jar" -Dfazhi.library="$libdir" \
       "$src/examples/java/LoadReport.java" "$data" >"$work/java.out"
  expect "$work/java.out" "胜诉率 94.02% = 110/117" "挽回经济损失 1512.8 万元 = 15128000.00 元"
fi

# 5. The command finds its installed message catalogue (bin/../share/locale),
# from a copy of the tree moved elsewhere too.
[ -f "$prefix/share/locale/zh_CN/LC_MESSAGES/fazhi.mo" ] || fail "share/locale/zh_CN/LC_MESSAGES/fazhi.mo not installed"
if [ -x "$prefix/bin/fazhi" ]; then
  LANG=zh_CN.UTF-8 LC_ALL= "$prefix/bin/fazhi" --help >"$work/help-zh.out"
  expect "$work/help-zh.out" "用法：fazhi <命令> [选项]"
  cp -a "$prefix" "$work/moved"
  LANG=C.UTF-8 LC_ALL= "$work/moved/bin/fazhi" report --lang zh --data "$data" --region 白云区 --year 2019 \
      >"$work/report-zh.out" 2>/dev/null
  expect "$work/report-zh.out" "指标" "上年同期" "胜诉率" "94.02%"
fi

echo "install_test: installed into $prefix; CMake (C and C++), pkg-config and Java consumers ran"
