"""Releasing works: many compute/read/free cycles leave memory where it was."""

import gc
import os
import tracemalloc

import fazhi
from conftest import BAIYUN, ROLLUP


def rss_bytes():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def cycle(ds):
    rep = ds.report("440103", 2019)
    rep.to_json()
    rep.narrative()
    for m in rep.metrics():
        pass
    rep.close()
    # ... and one left to the garbage collector.
    ds.report("440100", 2019)["litigation.win_rate"]


def test_no_growth_over_200_reports():
    ds = fazhi.Dataset.from_dir(ROLLUP)  # small data, the report's full shape
    for _ in range(20):  # warm up: allocator pools, caches
        cycle(ds)
    gc.collect()
    tracemalloc.start()
    rss_before = rss_bytes()
    py_before, _ = tracemalloc.get_traced_memory()
    for _ in range(200):
        cycle(ds)
    gc.collect()
    py_after, _ = tracemalloc.get_traced_memory()
    rss_after = rss_bytes()
    tracemalloc.stop()
    # One report's JSON is tens of KB: a leak of one report per cycle would
    # show as more than 8 MB of growth.
    assert py_after - py_before < 256 * 1024, (py_before, py_after)
    assert rss_after - rss_before < 4 * 1024 * 1024, (rss_before, rss_after)


def test_objects_are_released_on_garbage_collection():
    import weakref
    ds = fazhi.Dataset.from_dir(BAIYUN)
    rep = ds.report("440111", 2019)
    ref = weakref.ref(ds)
    del ds
    gc.collect()
    assert ref() is not None, "the report keeps its dataset alive"
    assert rep["reconsideration.received"] == 439
    del rep
    gc.collect()
    assert ref() is None
