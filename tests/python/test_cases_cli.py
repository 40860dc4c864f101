"""`fazhi cases` and `fazhi departments` on the Baiyun example: the list of a
figure in each format, a follow-up list, the department table with the
example assessment, and the usage errors.

Run with:  /usr/bin/python3 -m pytest tests/python
"""

import csv
import io
import json
import os
import subprocess

import pytest

from locale_env import ENGLISH

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FAZHI = os.path.join(os.environ.get("FAZHI_BUILD_DIR") or os.path.join(REPO, "build"), "fazhi")
BAIYUN = os.path.join(REPO, "data", "examples", "baiyun-2019")
ASSESSMENT = os.path.join(REPO, "data", "examples", "assessment-county.json")
WHERE = ["--data", BAIYUN, "--region", "440111", "--year", "2019"]


def run(*args):
    if not os.path.exists(FAZHI):
        pytest.skip("no fazhi binary at " + FAZHI)
    p = subprocess.run([FAZHI, *args], capture_output=True, env=ENGLISH)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def test_cases_json_names_the_figures_records():
    code, out, _ = run("cases", *WHERE, "--metric", "reconsideration.overdue", "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["count"] == len(doc["cases"]) == 17
    first = doc["cases"][0]
    assert first["case_id"] == "云府行复〔2019〕28号"
    assert first["reason"] == "2019-01-21 受理，审理期限 2019-03-22 届满，2019-04-04 办结，逾期 13 日"
    assert first["closed_date"] == "2019-04-04"


def test_cases_csv_and_text():
    code, out, _ = run("cases", *WHERE, "--metric", "litigation.win_rate", "--part", "denominator",
                       "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 117
    code, out, _ = run("cases", *WHERE, "--follow-up", "late_defences")
    assert code == 0
    assert "答辩期限 2019-10-08 届满，2019-10-15 提交答辩，逾期 7 日" in out


def test_departments_with_the_example_assessment():
    code, out, _ = run("departments", *WHERE, "--profile", ASSESSMENT, "--format", "json")
    assert code == 0
    t = json.loads(out)
    assert t["full_score"] == "10"
    scores = [float(d["score"]) for d in t["departments"] if d["name"]]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize("args", [
    ["--metric", "litigation.win_rate", "--part", "half"],
    ["--metric", "litigation.win_rate", "--format", "xml"],
    ["--metric", "x", "--follow-up", "late_defences"],
])
def test_cases_usage_errors(args):
    code, _, err = run("cases", *WHERE, *args)
    assert code == 2
    assert err.startswith("fazhi: ")


def test_a_rate_without_its_part_fails_with_the_reason():
    code, _, err = run("cases", *WHERE, "--metric", "litigation.win_rate")
    assert code == 1
    assert "numerator or its denominator" in err


def test_cases_of_a_breakdown_row_in_each_format():
    code, out, _ = run("table", *WHERE, "--metric", "reconsideration.received", "--by", "category",
                       "--format", "json")
    assert code == 0
    rows = json.loads(out)["rows"]
    for row in rows[:3]:
        code, out, _ = run("cases", *WHERE, "--metric", "reconsideration.received", "--by", "category",
                           "--key", row["key"], "--format", "json")
        assert code == 0
        doc = json.loads(out)
        assert (doc["by"], doc["key"], doc["label"]) == ("category", row["key"], row["label"])
        assert doc["count"] == row["value"]
    code, out, _ = run("cases", *WHERE, "--metric", "reconsideration.received", "--by", "category",
                       "--key", "公安", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 135 and {r["category"] for r in rows} == {"公安"}
    code, out, _ = run("cases", *WHERE, "--metric", "mediation.received", "--by", "category", "--key", "")
    assert code == 0
    assert out.splitlines()[0].endswith(": 2352")
    assert "按纠纷类别: 未填" in out.splitlines()[0]
    code, out, _ = run("cases", *WHERE, "--metric", "reconsideration.received", "--by", "category",
                       "--key", "*other", "--top", "5", "--format", "json")
    assert code == 0 and json.loads(out)["count"] == 125


def test_cases_of_a_breakdown_row_usage_errors():
    code, _, err = run("cases", *WHERE, "--metric", "reconsideration.received", "--by", "category")
    assert code != 0 and "--key" in err
    code, _, err = run("cases", *WHERE, "--metric", "reconsideration.received", "--by", "category",
                       "--key", "无此类别")
    assert code != 0 and "no row '无此类别'" in err
    code, _, err = run("cases", *WHERE, "--metric", "reconsideration.received", "--by", "category",
                       "--key", "*other", "--top", "0")
    assert code != 0 and "--top" in err


def test_cases_of_the_whole_dataset_by_province():
    # 000000 (全国) is every record, as for fazhi table: its one province's row is all of it.
    code, out, _ = run("table", "--data", BAIYUN, "--region", "000000", "--year", "2019",
                       "--metric", "reconsideration.received", "--by", "region", "--format", "json")
    assert code == 0
    row = json.loads(out)["rows"][0]
    code, out, _ = run("cases", "--data", BAIYUN, "--region", "全国", "--year", "2019",
                       "--metric", "reconsideration.received", "--by", "region", "--key", row["key"],
                       "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["region"] == "000000" and doc["count"] == row["value"] == 2396
