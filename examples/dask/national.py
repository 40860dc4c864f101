"""The national job on Dask: each worker loads one partition (a province's
folder of records), counts it into a fazhi.Tally and sends back only that
tally (counts, no records: docs/tally.md); the driver merges the tallies and
reports. The result is the report of the pooled records, byte for byte.

    python3 examples/dask/national.py --year 2019 --workers 2 PART_DIR... > all.json
    python3 examples/dask/national.py --year 2019 --region 000000 --format text PART_DIR...

Needs, on the driver and on every worker: python3-dask, python3-distributed
(Debian), the fazhi Python package (bindings/python) and libfazhi.so.1
(FAZHI_LIBRARY). Only the workers need the records; only tallies travel.

On Spark the same map and merge is mapPartitions over the partition folders
(or over rows grouped by province) and a reduce:

    tallies = sc.parallelize(folders, len(folders)).mapPartitions(
        lambda it: [fazhi.Tally.compute(fazhi.Dataset.from_dir(f), year=2019).to_bytes() for f in it])
    nation = fazhi.Tally.merge(fazhi.Tally.from_bytes(b) for b in tallies.collect())

Any engine that can call Python or C (fz_tally_compute, fz_tally_serialize,
fz_tally_parse, fz_tally_merge, fz_tally_report) runs it the same way.
"""

import argparse
import sys
import time

import fazhi


def tally_partition(folder, year, profile=None):
    """One worker's task: a partition's folder -> its tally. The Dataset is
    freed before returning, so a worker holds one partition at a time."""
    with fazhi.Dataset.from_dir(folder) as ds:
        return fazhi.Tally.compute(ds, year=year, profile=profile)


def national_tally(client, folders, year, profile=None):
    """Maps tally_partition over the folders on the cluster and merges the
    tallies on the driver (merging is exact, associative and commutative)."""
    futures = client.map(tally_partition, folders, year=year, profile=profile, pure=False)
    return fazhi.Tally.merge(client.gather(futures))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", help="one folder of records per partition")
    parser.add_argument("--year", type=int, required=True)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--region", help="one region's report (000000: 全国); default: every region as JSON")
    parser.add_argument("--out", help="also write the merged tally here")
    args = parser.parse_args(argv)
    from dask.distributed import Client, LocalCluster
    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True) as cluster, \
            Client(cluster) as client:
        start = time.perf_counter()
        nation = national_tally(client, args.folders, args.year)
        print("fazhi: %d partitions tallied and merged in %.2f s" % (len(args.folders), time.perf_counter() - start),
              file=sys.stderr)
    if args.out:
        with open(args.out, "wb") as f:
            f.write(nation.to_bytes())
    if args.region:
        print(nation.report(args.region).to_json())
    else:
        print(nation.all_reports_json_text())


if __name__ == "__main__":
    main()
