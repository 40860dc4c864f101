"""Record files saved as .xlsx: a workbook written by another program
(openpyxl, as Excel or WPS would save it, with real date cells) loads to the
same figures as the CSV it came from, its bad rows are rejected at the
sheet's row numbers, and an .xls or a kind given twice is refused.

Run with:  /usr/bin/python3 -m pytest tests/python/test_xlsx_records.py
"""

import csv
import datetime as dt
import json
import os
import re
import shutil
import subprocess

import pytest

openpyxl = pytest.importorskip("openpyxl", reason="needs python3-openpyxl (scripts/setup.sh installs it)")

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FAZHI = os.path.join(os.environ.get("FAZHI_BUILD_DIR") or os.path.join(REPO, "build"), "fazhi")
EXAMPLE = os.path.join(REPO, "data", "examples", "baiyun-2019")
PROFILE = os.path.join(EXAMPLE, "profile.json")
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def run(*args, check=True):
    return subprocess.run([FAZHI, *args], capture_output=True, text=True, check=check)


def csv_to_xlsx(src, dst, edit=None):
    """Writes the CSV as a workbook: ISO dates as date cells with a Chinese
    date format, digit-only amounts as numbers, everything else as text."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "登记表"
    with open(src, encoding="utf-8-sig", newline="") as f:
        for i, row in enumerate(csv.reader(f)):
            if edit:
                row = edit(i, row)
            ws.append([dt.date.fromisoformat(v) if ISO.match(v) else v for v in row])
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, dt.date):
                cell.number_format = 'yyyy"年"m"月"d"日"'
    wb.save(dst)


def report_json(data):
    out = run("report", "--data", str(data), "--region", "440111", "--year", "2019", "--profile", PROFILE,
              "--format", "json").stdout
    report = json.loads(out)
    report["data_quality"]["notices"] = []
    return report


@pytest.fixture(scope="module")
def as_workbook(tmp_path_factory):
    data = tmp_path_factory.mktemp("xlsx-records") / "data"
    shutil.copytree(EXAMPLE, data)
    csv_to_xlsx(data / "mediation.csv", data / "mediation.xlsx")
    os.remove(data / "mediation.csv")
    return data


def test_workbook_gives_the_same_report_as_the_csv(as_workbook):
    assert report_json(as_workbook) == report_json(EXAMPLE)
    summary = run("check", "--data", str(as_workbook)).stdout
    assert "mediation.xlsx" in summary


def test_bad_rows_are_rejected_at_their_sheet_rows(tmp_path):
    shutil.copytree(EXAMPLE, tmp_path / "data")
    data = tmp_path / "data"

    def spoil(i, row):
        if i == 5:  # sheet row 6: a region that is no code
            row = list(row)
            row[1] = "白云"
        return row

    csv_to_xlsx(data / "mediation.csv", data / "mediation.xlsx", spoil)
    os.remove(data / "mediation.csv")
    p = run("check", "--data", str(data), check=False)
    bad = [line for line in p.stdout.splitlines() if re.match(r".*mediation\.xlsx:\d+: ", line)]
    assert len(bad) == 1, p.stdout
    assert re.match(r".*mediation\.xlsx:6: region: .*'白云'", bad[0]), bad[0]


def test_xls_is_refused_with_what_to_do(tmp_path):
    shutil.copytree(EXAMPLE, tmp_path / "data")
    data = tmp_path / "data"
    os.remove(data / "mediation.csv")
    (data / "mediation.xls").write_bytes(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 504)
    p = run("check", "--data", str(data), check=False)
    assert "save it as .xlsx or as CSV" in p.stdout + p.stderr


def test_a_kind_as_csv_and_as_workbook_is_refused(tmp_path):
    shutil.copytree(EXAMPLE, tmp_path / "data")
    data = tmp_path / "data"
    csv_to_xlsx(data / "mediation.csv", data / "mediation.xlsx")
    p = run("check", "--data", str(data), check=False)
    assert "one as CSV, one as a workbook" in p.stdout + p.stderr
