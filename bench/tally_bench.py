"""The national job on Dask at scale: generated records split into 5
partitions by province (no district in two), each tallied by a Dask worker
process that holds one partition at a time, merged on the driver; prints the
wall time, each task's peak memory (ru_maxrss of a fresh worker process per
partition) and the cost of merging 3,000 district tallies.

    FAZHI_LIBRARY=build/libfazhi.so.1 PYTHONPATH=bindings/python:examples/dask \
        python3 bench/tally_bench.py --records 5000000 --work /tmp/tally-bench
"""

import argparse
import os
import resource
import subprocess
import sys
import time

import fazhi


def split(pooled, out, parts):
    """One folder per group of provinces (province number modulo parts)."""
    folders = [os.path.join(out, "part%d" % k) for k in range(parts)]
    for f in folders:
        os.makedirs(f, exist_ok=True)
    for name in sorted(os.listdir(pooled)):
        if not name.endswith(".csv"):
            continue
        with open(os.path.join(pooled, name), "rb") as f:
            header = f.readline()
            if name == "regions.csv":
                with open(os.path.join(folders[0], name), "wb") as o:
                    o.write(header + f.read())
                continue
            column = header.rstrip(b"\r\n").split(b",").index(b"region")
            outs = [open(os.path.join(d, name), "wb") for d in folders]
            for o in outs:
                o.write(header)
            for line in f:
                outs[int(line.split(b",")[column][:2]) % parts].write(line)
            for o in outs:
                o.close()
    return folders


def tally_with_peak(folder, year):
    """A task: the partition's tally, and this worker process's peak RSS (MB)."""
    with fazhi.Dataset.from_dir(folder) as ds:
        t = fazhi.Tally.compute(ds, year=year)
    return t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--records", type=int, default=5_000_000)
    p.add_argument("--parts", type=int, default=5)
    p.add_argument("--work", default="/tmp/fazhi-tally-bench")
    p.add_argument("--generator", default=os.path.join(os.environ.get("FAZHI_BUILD_DIR", "build"), "bench",
                                                        "fazhi_generate_scale"))
    a = p.parse_args()
    pooled = os.path.join(a.work, "pooled")
    if not os.path.exists(os.path.join(pooled, "regions.csv")):
        subprocess.run([a.generator, "--records", str(a.records), "--out", pooled], check=True)
    folders = split(pooled, os.path.join(a.work, "parts"), a.parts)
    from dask.distributed import Client, LocalCluster
    # One task per worker process, each process started fresh for it, so that
    # each peak is one partition's.
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        start = time.perf_counter()
        results = []
        for k in range(0, len(folders), 2):
            client.restart()
            results += client.gather(client.map(tally_with_peak, folders[k:k + 2], year=2019, pure=False))
        merged = fazhi.Tally.merge([t for t, _ in results])
        wall = time.perf_counter() - start
    print("partitions: %d of %s records in all" % (len(folders), a.records))
    print("wall time, load + tally + merge on Dask: %.1f s" % wall)
    for f, (_, peak) in zip(folders, results):
        print("  %s: peak RSS of its worker %.0f MB" % (os.path.basename(f), peak))
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
    print("3,000 district tallies (%d in all, %.0f KB each on average): read %.3f s, merge %.3f s"
          % (len(files), sum(map(len, files)) / len(files) / 1024, t1 - t0, t2 - t1))
    print("merged tally: %s, %d bytes" % (merged.region, len(merged.to_bytes())))


if __name__ == "__main__":
    sys.exit(main())
