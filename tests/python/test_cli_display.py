"""The command line shows data, never obeys it: a region's name or a rejected
value with terminal escapes, C1 controls, bidi overrides or line feeds reaches
`fazhi report --format text|markdown` and `fazhi check` as visible escapes.

Run with:  /usr/bin/python3 -m pytest tests/python
"""

import os
import shutil
import subprocess

import pytest

from locale_env import ENGLISH

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ROLLUP = os.path.join(REPO, "tests", "data", "rollup-small")
FAZHI = os.path.join(os.environ.get("FAZHI_BUILD_DIR") or os.path.join(REPO, "build"), "fazhi")

FORGED = "0 rows read, 0 kept, 0 rejected"
HOSTILE = ("荔湾区\x1b]0;pwned\x07\x1b[2J\u009b31m\u202eexe.txt\u2066\n" + FORGED + "\n| x | y |")
ACTING = ["\x1b", "\x07", "\u009b", "\u202e", "\u2066"]


def run(*args):
    if not os.path.exists(FAZHI):
        pytest.skip("no fazhi binary at " + FAZHI)
    p = subprocess.run([FAZHI, *args], capture_output=True, env=ENGLISH)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def csv_field(text):
    return '"' + text.replace('"', '""') + '"'


@pytest.fixture
def hostile_data(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROLLUP, data)
    regions = (data / "regions.csv").read_text(encoding="utf-8")
    (data / "regions.csv").write_text(regions.replace("440103,荔湾区", "440103," + csv_field(HOSTILE)),
                                      encoding="utf-8")
    with open(data / "reconsideration.csv", "a", encoding="utf-8") as f:
        f.write("BAD-1,440103," + csv_field("2019-13-01" + HOSTILE) +
                ",,,,广州市公安局荔湾区分局,公安,false,false,false,0\n")
    return str(data)


def assert_shown_not_obeyed(text):
    for ch in ACTING:
        assert ch not in text, "%r reached the output" % ch
    assert FORGED not in text.splitlines(), "a line feed in the data forged a line"


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_report_escapes_the_region_name_and_notices(hostile_data, fmt):
    code, out, err = run("report", "--data", hostile_data, "--region", "440103", "--year", "2019",
                         "--format", fmt)
    assert code == 0, err
    assert_shown_not_obeyed(out)
    assert_shown_not_obeyed(err)
    first = out.splitlines()[0]
    assert first.startswith(("# " if fmt == "markdown" else "") +
                            "荔湾区\\x1b]0;pwned\\x07\\x1b[2J\\u009b31m\\u202eexe.txt\\u2066\\n0 rows read")
    assert first.endswith("\\n| x | y | (440103), 2019-01-01 to 2019-12-31")
    if fmt == "markdown":
        # Every row of a table has its header's columns: no cell adds one.
        tables, table = [], []
        for line in out.splitlines() + [""]:
            if line.startswith("|"):
                table.append(line.replace("\\|", "").count("|"))
            elif table:
                tables.append(table)
                table = []
        assert tables
        assert tables[0][0] == 6  # the metrics' tables: label, value, year ago, change, id
        for t in tables:
            assert set(t) == {t[0]}, t


def test_check_escapes_rejected_values(hostile_data):
    code, out, err = run("check", "--data", hostile_data)
    assert code == 1
    assert_shown_not_obeyed(out)
    assert_shown_not_obeyed(err)
    rejected = [line for line in out.splitlines() if "reconsideration.csv:" in line]
    assert len(rejected) == 1, out
    assert "\\x1b]0;pwned\\x07" in rejected[0]
    assert "\\n" + FORGED in rejected[0]
    assert out.splitlines()[-1].endswith(" kept, 1 rejected")
