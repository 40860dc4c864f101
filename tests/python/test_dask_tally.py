"""The national job on a real distributed engine (examples/dask/national.py):
a Dask LocalCluster whose workers each load one province's folder and
return its fazhi.Tally, merged on the driver, reports exactly what one
process makes of the pooled records.

Run with:  FAZHI_LIBRARY=build/libfazhi.so.1 FAZHI_BUILD_DIR=build /usr/bin/python3 -m pytest tests/python
"""

import hashlib
import os
import pickle
import subprocess
import sys

import pytest

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILD = os.environ.get("FAZHI_BUILD_DIR") or os.path.join(REPO, "build")
sys.path.insert(0, os.path.join(REPO, "bindings", "python"))
sys.path.insert(0, os.path.join(REPO, "examples", "dask"))

fazhi = pytest.importorskip("fazhi")
distributed = pytest.importorskip("dask.distributed")
import national  # noqa: E402  (examples/dask)
from fazhi import _capi  # noqa: E402


def split_by_province(pooled, out):
    """Writes one folder per province: each kind's rows with its header;
    regions.csv whole to the first, so the load counts add up."""
    folders = {}
    names = sorted(f for f in os.listdir(pooled) if f.endswith(".csv"))
    for name in names:
        with open(os.path.join(pooled, name), "rb") as f:
            header = f.readline()
            rows = f.readlines()
        if name == "regions.csv":
            continue
        column = header.rstrip(b"\r\n").split(b",").index(b"region")
        by_province = {}
        for row in rows:
            by_province.setdefault(row.split(b",")[column][:2], []).append(row)
        for province, lines in by_province.items():
            folder = folders.setdefault(province, os.path.join(out, province.decode()))
            os.makedirs(folder, exist_ok=True)
            with open(os.path.join(folder, name), "wb") as f:
                f.write(header)
                f.writelines(lines)
    first = folders[min(folders)]
    with open(os.path.join(pooled, "regions.csv"), "rb") as src, \
            open(os.path.join(first, "regions.csv"), "wb") as dst:
        dst.write(src.read())
    return [folders[p] for p in sorted(folders)]


@pytest.fixture(scope="module")
def scale(tmp_path_factory):
    root = tmp_path_factory.mktemp("scale")
    pooled = str(root / "pooled")
    generator = os.path.join(BUILD, "bench", "fazhi_generate_scale")
    if not os.path.exists(generator):
        pytest.skip("no %s: build the benchmarks" % generator)
    subprocess.run([generator, "--records", "30000", "--out", pooled, "--seed", "7"], check=True,
                   stdout=subprocess.DEVNULL)
    return pooled, split_by_province(pooled, str(root / "parts"))


def all_reports_text(ds, year):
    """Every region's report as the C library writes it, breakdowns and series included."""
    start, end = b"%d-01-01" % year, b"%d-12-31" % year
    return _capi.take_string(_capi.lib().fz_report_all_json, ds._h(), start, end, None)


def test_dask_national_tally_equals_the_pooled_report(scale):
    pooled, folders = scale
    assert len(folders) == 31
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        nation = national.national_tally(client, folders, 2019)
    assert nation.region == "000000"
    with fazhi.Dataset.from_dir(pooled) as ds:
        expected = all_reports_text(ds, 2019)
        national_received = sum(r["metrics"][0]["value"] for r in ds.all_reports_json(year=2019)
                                if len(r["region"]) == 6 and r["region"].endswith("0000"))
    # Compared by digest: a failing == of 50 MB strings would make pytest diff them for minutes.
    got = nation.all_reports_json_text()
    assert '"breakdowns":[{' in got
    assert len(got) == len(expected)
    assert hashlib.sha256(got.encode()).hexdigest() == hashlib.sha256(expected.encode()).hexdigest()
    # 全国 sums the provinces.
    assert nation.report("000000")["reconsideration.received"] == national_received


def test_tally_pickles_as_its_bytes(scale):
    _, folders = scale
    with fazhi.Dataset.from_dir(folders[0]) as ds:
        t = fazhi.Tally.compute(ds, year=2019)
    back = pickle.loads(pickle.dumps(t))
    assert back == t and back.to_bytes() == t.to_bytes()
    assert len(t.digest) == 64
    assert fazhi.Tally.from_bytes(t.to_json()).digest == t.digest


def test_damaged_and_overlapping_tallies_are_refused(scale):
    _, folders = scale
    with fazhi.Dataset.from_dir(folders[1]) as ds:
        t = fazhi.Tally.compute(ds, year=2019)
    data = t.to_bytes()
    with pytest.raises(fazhi.InvalidArgument, match="truncated"):
        fazhi.Tally.from_bytes(data[:-5])
    text = t.to_json().replace('"rows_read": ', '"rows_read": 1', 1)
    with pytest.raises(fazhi.InvalidArgument, match="SHA-256"):
        fazhi.Tally.from_bytes(text)
    with pytest.raises(fazhi.InvalidArgument, match="given twice"):
        fazhi.Tally.merge([t, t])
