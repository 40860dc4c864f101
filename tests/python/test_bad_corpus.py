"""tests/data/bad through the Python binding: each file of EXPECTED.tsv gets
its rejection (line, column, reason) or is refused whole with its reason.

Run with:  FAZHI_LIBRARY=build/libfazhi.so.1 /usr/bin/python3 -m pytest tests/python
"""

import os
import sys

import pytest

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BAD = os.path.join(REPO, "tests", "data", "bad")
sys.path.insert(0, os.path.join(REPO, "bindings", "python"))

import fazhi  # noqa: E402


def cases():
    with open(os.path.join(BAD, "EXPECTED.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            file, line_no, column, reason = line.rstrip("\n").split("\t")
            yield file, int(line_no), "" if column == "-" else column, reason


CASES = list(cases())


def test_every_file_is_listed():
    files = sorted(f for f in os.listdir(BAD) if f.endswith(".csv"))
    assert files == sorted(c[0] for c in CASES)


@pytest.mark.parametrize("file,line,column,reason", CASES, ids=[c[0] for c in CASES])
def test_bad_file_gets_its_rejection(file, line, column, reason):
    kind = file.split(".")[-2]
    path = os.path.join(BAD, file)
    ds = fazhi.Dataset()
    if line == 0:
        with pytest.raises(fazhi.FazhiError) as err:
            ds.load_csv(kind, path)
        assert str(err.value).endswith(path + ": " + reason)
        assert ds.summary().files == 0
        return
    ds.load_csv(kind, path)
    [r] = ds.rejects()
    assert (r["file"], r["line"], r["column"], r["reason"]) == (path, line, column, reason)
    s = ds.summary()
    assert s.rows_rejected == 1 and s.rows_read == s.rows_accepted + 1
