#!/usr/bin/env python3
"""abi_check.py -- libfazhi.so.1 keeps the ABI promise of its stored baseline.

The ABI a linked system depends on is written down in tests/abi/libfazhi.abi:
the SONAME, every exported symbol with its version node, every function's
prototype as fazhi.h declares it, the size and the (offset, size) of every
field of every public struct, and the value of every integer constant. This
script measures the same of a built library (nm, readelf, and a C program it
generates from fazhi.h, compiled with the system's cc) and compares:

  - compatible: the same, or only additions (a new function, a new constant,
    a field appended to a struct that grows, i.e. starts with struct_size);
  - incompatible: anything of the baseline removed or changed.

  abi_check.py --library build/libfazhi.so.1 --header capi/fazhi.h \\
               --include build/generated --baseline tests/abi/libfazhi.abi [--update]

An incompatible change fails. --update rewrites the baseline, and refuses to
record an incompatible change unless the SONAME changed too (a deliberate
major version bump: FAZHI_ABI_VERSION in CMakeLists.txt). abidiff (Debian's
abigail-tools) would compare DWARF; this check needs no debug information and
no extra package, and it also sees the macros that C callers compile in.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile


def run(cmd):
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def strip_comments(text):
    return re.sub(r"/\*.*?\*/", " ", text, flags=re.S)


def measure(library, header, includes, cc):
    abi = {}
    dyn = run(["readelf", "-d", library])
    m = re.search(r"\(SONAME\).*\[(.*)\]", dyn)
    abi["soname"] = m.group(1) if m else "?"
    for line in run(["nm", "-D", "--defined-only", library]).splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[2].startswith("fz_"):
            name, _, version = parts[2].partition("@")
            abi["symbol " + name] = version.lstrip("@") or "-"

    text = strip_comments(open(header, encoding="utf-8").read())
    for m in re.finditer(r"FZ_EXTERN\s+([^;{]*?\b(fz_[a-z0-9_]+)\s*\([^;]*\))\s*;", text):
        abi["function " + m.group(2)] = " ".join(m.group(1).split())

    structs = {}
    for m in re.finditer(r"typedef struct (fz_[a-z0-9_]+)\s*\{(.*?)\}\s*\1\s*;", text, re.S):
        fields = []
        for decl in m.group(2).split(";"):
            decl = " ".join(decl.split())
            if not decl:
                continue
            f = re.search(r"([A-Za-z_][A-Za-z0-9_]*)\s*(\[[^\]]*\])?$", decl)
            fields.append(f.group(1))
        structs[m.group(1)] = fields
    constants = [c for c in re.findall(r"^#define (FZ_[A-Z0-9_]+)[ \t]+\S", text, re.M)
                 if not c.endswith("_INIT") and c != "FZ_EXTERN"]

    program = ['#include <stddef.h>', '#include <stdio.h>', '#include "fazhi.h"', "int main(void) {"]
    for s, fields in structs.items():
        program.append(f'  printf("struct {s}\\tsize %zu\\n", sizeof({s}));')
        for f in fields:
            program.append(
                f'  printf("field {s}.{f}\\toffset %zu size %zu\\n", offsetof({s}, {f}), '
                f"sizeof((({s}*)0)->{f}));")
    for c in constants:
        program.append(f'  printf("constant {c}\\t%lld\\n", (long long)({c}));')
    program += ["  return 0;", "}"]
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "abi_dump.c")
        exe = os.path.join(tmp, "abi_dump")
        with open(src, "w", encoding="utf-8") as out:
            out.write("\n".join(program) + "\n")
        cmd = [cc, "-std=c99", "-o", exe, src, "-I", os.path.dirname(os.path.abspath(header))]
        for inc in includes:
            cmd += ["-I", inc]
        run(cmd)
        for line in run([exe]).splitlines():
            key, _, value = line.partition("\t")
            abi[key] = value
    return abi


def read_baseline(path):
    abi = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                key, _, value = line.partition("\t")
                abi[key] = value
    return abi


def write_baseline(path, abi):
    with open(path, "w", encoding="utf-8") as f:
        f.write("# The ABI of libfazhi (tests/abi/abi_check.py). Do not edit by hand:\n")
        f.write("# regenerate with scripts/update_abi_baseline.sh, which refuses an\n")
        f.write("# incompatible change unless the SONAME was bumped.\n")
        f.write(f"soname\t{abi['soname']}\n")
        for key in sorted(k for k in abi if k != "soname"):
            f.write(f"{key}\t{abi[key]}\n")


def compare(base, now):
    """Returns (incompatible, additions)."""
    broken, added = [], []
    for key, value in base.items():
        if key == "soname":
            continue
        if key not in now:
            broken.append(f"removed: {key} ({value})")
        elif key.startswith("struct "):
            # A struct that starts with struct_size may grow; no other may.
            grows = f"field {key.split()[1]}.struct_size" in base
            old, new = int(value.split()[1]), int(now[key].split()[1])
            if new < old or (new != old and not grows):
                broken.append(f"changed: {key}: {value} -> {now[key]}")
        elif now[key] != value:
            broken.append(f"changed: {key}: {value} -> {now[key]}")
    for key in now:
        if key not in base:
            added.append(key)
    return broken, added


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--library", required=True)
    ap.add_argument("--header", required=True)
    ap.add_argument("--include", action="append", default=[])
    ap.add_argument("--baseline", required=True)
    ap.add_argument("--cc", default=os.environ.get("CC", "cc"))
    ap.add_argument("--update", action="store_true")
    args = ap.parse_args()

    now = measure(args.library, args.header, args.include, args.cc)
    base = read_baseline(args.baseline) if os.path.exists(args.baseline) else None
    if base is None:
        if not args.update:
            sys.exit(f"abi_check: no baseline {args.baseline}; create it with --update")
        write_baseline(args.baseline, now)
        print(f"abi_check: wrote the first baseline for {now['soname']}")
        return
    broken, added = compare(base, now)
    bumped = base["soname"] != now["soname"]
    if args.update:
        if broken and not bumped:
            sys.exit("abi_check: refusing to record an incompatible change without a new SONAME "
                     "(raise FAZHI_ABI_VERSION):\n  " + "\n  ".join(broken))
        write_baseline(args.baseline, now)
        print(f"abi_check: baseline updated for {now['soname']} "
              f"({len(broken)} incompatible, {len(added)} added)")
        return
    if bumped:
        sys.exit(f"abi_check: the SONAME is {now['soname']}, the baseline's {base['soname']}: "
                 "record the new ABI with scripts/update_abi_baseline.sh")
    if broken:
        sys.exit(f"abi_check: {now['soname']} breaks its ABI baseline ({args.baseline}):\n  "
                 + "\n  ".join(broken)
                 + "\nRestore it, or bump FAZHI_ABI_VERSION and update the baseline.")
    note = f"; {len(added)} additions not yet in the baseline" if added else ""
    print(f"abi_check: {now['soname']} keeps its baseline ({len(base) - 1} entries{note})")


if __name__ == "__main__":
    main()
