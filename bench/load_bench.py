#!/usr/bin/env python3
"""Loading a generated folder through the Python binding, timed as
bench/load_bench.cpp's BM_Load_Folder_* time it from C++ (load, then free),
so the two can be compared: the binding adds one ctypes call per load.

    build/bench/fazhi_generate_scale --records 1000000 --out /tmp/scale-1m
    FAZHI_BENCH_DATA=/tmp/scale-1m build/bench/load_bench --benchmark_filter=BM_Load_Folder
    FAZHI_LIBRARY=build/libfazhi.so.1 python3 bench/load_bench.py /tmp/scale-1m
"""

import os
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bindings",
                                "python"))
import fazhi  # noqa: E402


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: load_bench.py DATA_DIR [REPEATS]")
    folder = sys.argv[1]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    for threads, name in ((1, "OneThread"), (2, "TwoThreads")):
        fazhi.Dataset.from_dir(folder, threads=threads).close()  # warm the page cache
        times, cpu = [], []
        rows = 0
        for _ in range(repeats):
            c0, t0 = time.process_time(), time.perf_counter()
            ds = fazhi.Dataset.from_dir(folder, threads=threads)
            t1 = time.perf_counter()
            rows = ds.summary().rows_read
            t2 = time.perf_counter()
            ds.close()
            c1, t3 = time.process_time(), time.perf_counter()
            times.append((t1 - t0) + (t3 - t2))
            cpu.append(c1 - c0)
        print("PY_Load_Folder_%s  wall median %.1f ms  min %.1f ms  cpu median %.1f ms  "
              "(%d runs, %d rows)" % (name, statistics.median(times) * 1e3, min(times) * 1e3,
                                      statistics.median(cpu) * 1e3, repeats, rows))


if __name__ == "__main__":
    main()
