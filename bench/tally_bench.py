"""The national job on Dask at scale: five partitions of generated records
(disjoint districts: each generated with its own seed and its own cities,
fazhi_generate_scale --first-city), each loaded and tallied by a Dask worker
process that holds one partition at a time, the tallies merged on the driver.
Prints the wall time, each task's peak memory (the worker's peak RSS, reset
before the task through /proc/self/clear_refs, so a reused worker reports
each partition's own), and the cost of merging 3,000 district tallies.

    FAZHI_LIBRARY=build/libfazhi.so.1 PYTHONPATH=bindings/python \\
        python3 bench/tally_bench.py --records 10000000 --work /tmp/fazhi-tally-bench

The partitions (about 0.93 GB each at 10M records) are deleted afterwards
unless --keep is given.
"""

import argparse
import os
import shutil
import subprocess
import sys
import time

import fazhi


def peak_rss_mb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def tally_task(folder, year):
    """A task: one partition's tally as bytes, this task's peak RSS (MB) and seconds."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")  # resets VmHWM: the peak is this task's
    except OSError:
        pass
    start = time.perf_counter()
    # A tally holds no case id, so the load keeps none.
    with fazhi.Dataset.from_dir(folder, keep_ids=False) as ds:
        t = fazhi.Tally.compute(ds, year=year)
    data = t.to_bytes()
    return data, peak_rss_mb(), time.perf_counter() - start


def generate(generator, records, folder, k):
    if not os.path.exists(os.path.join(folder, "regions.csv")):
        subprocess.run([generator, "--records", str(records), "--seed", str(k + 1), "--first-city",
                        str(1 + 10 * k), "--out", folder], check=True, stdout=subprocess.DEVNULL)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--records", type=int, default=10_000_000, help="records per partition")
    p.add_argument("--parts", type=int, default=5)
    p.add_argument("--work", default="/tmp/fazhi-tally-bench")
    p.add_argument("--keep", action="store_true", help="keep the generated partitions")
    p.add_argument("--merge-only", action="store_true", help="only the merge of 3,000 district tallies")
    p.add_argument("--generator", default=os.path.join(os.environ.get("FAZHI_BUILD_DIR", "build"), "bench",
                                                        "fazhi_generate_scale"))
    a = p.parse_args()
    if not 1 <= a.parts <= 9:
        p.error("--parts: 1 to 9 (each partition takes ten cities of every province)")
    folders = [os.path.join(a.work, "part%d" % k) for k in range(a.parts)]
    if not a.merge_only:
        national(a, folders)
    merge_3000(a)
    if not a.keep:
        for folder in folders + [os.path.join(a.work, "small")]:
            shutil.rmtree(folder, ignore_errors=True)


def national(a, folders):
    """The five partitions on Dask."""
    for k, folder in enumerate(folders):
        generate(a.generator, a.records, folder, k)
    from dask.distributed import Client, LocalCluster
    # Two single-threaded worker processes (the machine's two cores): each
    # holds one partition at a time, and never restarts (client.restart
    # hangs with this Dask).
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        start = time.perf_counter()
        results = client.gather(client.map(tally_task, folders, year=2019, pure=False))
        t0 = time.perf_counter()
        merged = fazhi.Tally.merge([fazhi.Tally.from_bytes(b) for b, _, _ in results])
        merge_five = time.perf_counter() - t0
        wall = time.perf_counter() - start
    print("partitions: %d of %d records each" % (len(folders), a.records))
    print("wall time, load + tally + merge on Dask: %.1f s (merge of the %d: %.2f s)" % (wall, len(folders), merge_five))
    for f, (data, peak, seconds) in zip(folders, results):
        print("  %s: task %.1f s, peak RSS %.0f MB, tally %.1f MB" % (os.path.basename(f), seconds, peak,
                                                                       len(data) / 1e6))
    print("merged tally: %s, %.1f MB of CBOR" % (merged.region, len(merged.to_bytes()) / 1e6))


def merge_3000(a):
    # Merging 3,000 district tallies: cut from a small generated load (its
    # 3,100 districts), read back from bytes as a city would receive them.
    small = os.path.join(a.work, "small")
    if not os.path.exists(os.path.join(small, "regions.csv")):
        subprocess.run([a.generator, "--records", "60000", "--out", small], check=True, stdout=subprocess.DEVNULL)
    with fazhi.Dataset.from_dir(small) as ds:
        codes = sorted({r.code for r in ds.regions() if not r.code.endswith("00")})[:3000]
        files = [fazhi.Tally.compute(ds, year=2019, region=c).to_bytes() for c in codes]
    t0 = time.perf_counter()
    parts = [fazhi.Tally.from_bytes(b) for b in files]
    t1 = time.perf_counter()
    fazhi.Tally.merge(parts)
    t2 = time.perf_counter()
    print("3,000 district tallies (%d in all, %.1f KB each on average): read %.3f s, merge %.3f s"
          % (len(files), sum(map(len, files)) / len(files) / 1024, t1 - t0, t2 - t1))


if __name__ == "__main__":
    sys.exit(main())
