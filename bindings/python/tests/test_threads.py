"""One dataset, many threads: reports computed and read at once (ctypes
releases the GIL during each call, so the threads do run together)."""

import threading
from concurrent.futures import ThreadPoolExecutor
from fractions import Fraction

import fazhi
from conftest import BAIYUN


def test_many_threads_compute_from_one_dataset():
    with fazhi.Dataset.from_dir(BAIYUN) as ds:
        with ds.report("440111", 2019) as first:
            want = first.to_json()

        def work(i):
            out = []
            for _ in range(5):
                region = "440111" if i % 2 == 0 else "440100"
                with ds.report(region, 2019) as rep:
                    out.append((region, rep.to_json(), rep["litigation.win_rate"]))
                # An error on this thread carries this thread's message.
                try:
                    ds.report("110101", 2019)
                except fazhi.NotFound as e:
                    assert "110101" in str(e)
            return out

        with ThreadPoolExecutor(max_workers=8) as pool:
            results = [r for rs in pool.map(work, range(16)) for r in rs]
        assert len(results) == 80
        for region, text, win in results:
            if region == "440111":
                assert text == want
                assert win == Fraction(110, 117)


def test_one_report_read_from_many_threads():
    ds = fazhi.Dataset.from_dir(BAIYUN)
    rep = ds.report("440111", 2019)
    errors = []

    def read():
        try:
            for _ in range(50):
                assert rep["reconsideration.received"] == 439
                assert rep.text("litigation.win_rate") == "94.02%"
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=read) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
