"""The workbook of `fazhi report --format xlsx`, read back with openpyxl
(Debian python3-openpyxl): every number equals the report's JSON, the
published text sits beside it, undefined values are empty cells with their
reason, and the sheets are laid out for people (Chinese headers, frozen
header rows, number formats, widths).

Run with:  /usr/bin/python3 -m pytest tests/python/test_workbook.py
"""

import json
import os
import subprocess
from fractions import Fraction

import pytest

from locale_env import ENGLISH

openpyxl = pytest.importorskip("openpyxl", reason="needs python3-openpyxl (scripts/setup.sh installs it)")

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FAZHI = os.path.join(os.environ.get("FAZHI_BUILD_DIR") or os.path.join(REPO, "build"), "fazhi")
EXAMPLE = os.path.join(REPO, "data", "examples", "baiyun-2019")
PROFILE = os.path.join(EXAMPLE, "profile.json")
REPORT = ["report", "--data", EXAMPLE, "--year", "2019", "--profile", PROFILE]

# The summary sheet's layout: rows 1-3 the heading, 4-5 the header, metrics
# from row 6; columns A 类别, B 指标, then (数值, 公布值) pairs.
FIRST_ROW = 6
COL = {"value": 3, "previous": 5, "yoy": 7, "change_pp": 9}


def run(*args):
    return subprocess.run([FAZHI, *args], capture_output=True, text=True, check=True, env=ENGLISH)


@pytest.fixture(scope="module")
def baiyun(tmp_path_factory):
    path = tmp_path_factory.mktemp("xlsx") / "白云区-2019.xlsx"
    run(*REPORT, "--region", "440111", "--format", "xlsx", "--out", str(path))
    report = json.loads(run(*REPORT, "--region", "440111", "--format", "json").stdout)
    return openpyxl.load_workbook(path), report


def summary_rows(ws):
    """metric id -> row number, from the 指标编号 column."""
    header = [c.value for c in ws[5]]
    id_col = header.index("指标编号") + 1
    rows = {}
    for r in range(FIRST_ROW, ws.max_row + 1):
        rows[ws.cell(r, id_col).value] = r
    return rows, header


def exact(value, unit):
    """The number a cell holds for a JSON value: money in 万元, else as is."""
    if isinstance(value, int):
        return Fraction(value)
    f = Fraction(int(value["num"]), int(value["den"]))
    return f / 10000 if unit == "元" else f


def test_win_rate_and_recovered_amount_as_published(baiyun):
    wb, _ = baiyun
    ws = wb["汇总"]
    rows, _ = summary_rows(ws)
    win = rows["litigation.win_rate"]
    assert ws.cell(win, 2).value == "胜诉率"
    assert ws.cell(win, 3).value == pytest.approx(110 / 117, abs=1e-12)
    assert ws.cell(win, 3).number_format == "0.0000%"
    assert ws.cell(win, 4).value == "94.02%"
    assert ws.cell(win, 9).value == pytest.approx(110 / 117 - 97 / 112, abs=1e-10)
    assert ws.cell(win, 10).value == "7.41 个百分点"
    money = rows["legal_aid.recovered_amount"]
    assert ws.cell(money, 3).value == pytest.approx(1512.8, abs=1e-9)
    assert "万元" in ws.cell(money, 3).number_format
    assert ws.cell(money, 4).value == "1512.8 万元"
    received = rows["reconsideration.received"]
    assert ws.cell(received, 3).value == 439 and ws.cell(received, 4).value == "439 件"
    assert ws.cell(received, 5).value == 568 and ws.cell(received, 6).value == "568 件"
    assert ws.cell(received, 7).value == pytest.approx(-129 / 568, abs=1e-12)
    assert ws.cell(received, 8).value == "-22.7%"


def test_every_number_equals_the_json(baiyun):
    wb, report = baiyun
    ws = wb["汇总"]
    rows, header = summary_rows(ws)
    reason_col = header.index("说明") + 1
    assert len(rows) == len(report["metrics"])
    for m in report["metrics"]:
        r = rows[m["id"]]
        assert ws.cell(r, 2).value == m["label"], m["id"]
        if m["value"] is None:
            # Undefined: an empty cell, never 0, and the reason beside it.
            assert ws.cell(r, 3).value is None, m["id"]
            assert ws.cell(r, 4).value == "—", m["id"]
            assert ws.cell(r, reason_col).value == m["reason"], m["id"]
            continue
        assert ws.cell(r, 3).value == pytest.approx(float(exact(m["value"], m["unit"])), rel=1e-11, abs=1e-11), m["id"]
        assert ws.cell(r, 4).value == m["text"], m["id"]
        if "previous" in m:
            assert ws.cell(r, 5).value == pytest.approx(float(exact(m["previous"], m["unit"])), rel=1e-11, abs=1e-11)
        else:
            assert ws.cell(r, 5).value is None
        if "yoy" in m:
            assert ws.cell(r, 7).value == pytest.approx(float(exact(m["yoy"], "")), rel=1e-11, abs=1e-11), m["id"]
        if "change_pp" in m:
            assert ws.cell(r, 9).value == pytest.approx(float(exact(m["change_pp"], "")), abs=1e-11), m["id"]


def test_undefined_value_is_an_empty_cell_with_its_reason(baiyun):
    wb, _ = baiyun
    ws = wb["汇总"]
    rows, header = summary_rows(ws)
    r = rows["legal_aid.pending_over_limit_share"]
    assert ws.cell(r, 3).value is None
    assert ws.cell(r, 4).value == "—"
    assert "legal_aid_case_limit_days" in ws.cell(r, header.index("说明") + 1).value


def test_heading_layout_and_widths(baiyun):
    wb, report = baiyun
    ws = wb["汇总"]
    assert wb.sheetnames[0] == "汇总"
    assert ws["A1"].value == "白云区（440111）法治工作指标"
    assert "2019-01-01 至 2019-12-31" in ws["A2"].value and "2018-01-01 至 2018-12-31" in ws["A2"].value
    q = report["data_quality"]
    assert [ws["A3"].value, ws["B3"].value, ws["C3"].value, ws["D3"].value, ws["E3"].value, ws["F3"].value] == [
        "读取行数", q["rows_read"], "采用行数", q["rows_read"] - q["rows_rejected"], "拒收行数", q["rows_rejected"]]
    assert [c.value for c in ws[4]][2:10:2] == ["本期", "上年同期", "同比", "同比（个百分点）"]
    assert [c.value for c in ws[5]][:4] == ["类别", "指标", "数值", "公布值"]
    assert ws.freeze_panes == "C6"
    assert ws.column_dimensions["B"].width >= 20  # the longest labels show whole
    assert ws.column_dimensions["C"].width >= 10


def test_all_regions_sheet(tmp_path):
    path = tmp_path / "all.xlsx"
    run(*REPORT, "--all-regions", "--format", "xlsx", "--out", str(path))
    everyone = json.loads(run(*REPORT, "--all-regions", "--format", "json").stdout)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[:2] == ["汇总", "各地区对比"]
    assert "各地区" in wb["汇总"]["A1"].value
    ws = wb["各地区对比"]
    assert ws.freeze_panes == "C4"
    assert [ws.cell(3, c).value for c in range(1, 6)] == ["区划代码", "地区", "层级", "数值", "公布值"]
    labels = [ws.cell(2, c).value for c in range(1, ws.max_column + 1)]
    win_col = labels.index("胜诉率") + 1
    codes = [ws.cell(r, 1).value for r in range(4, ws.max_row + 1)]
    assert codes == [r["region"] for r in everyone]
    for r, rep in zip(range(4, ws.max_row + 1), everyone):
        m = next(m for m in rep["metrics"] if m["id"] == "litigation.win_rate")
        if m["value"] is None:
            assert ws.cell(r, win_col).value is None
            assert ws.cell(r, win_col + 1).value == "— (" + m["reason"] + ")"
        else:
            assert ws.cell(r, win_col).value == pytest.approx(float(exact(m["value"], "%")), abs=1e-12)
            assert ws.cell(r, win_col + 1).value == m["text"]
    baiyun_row = 4 + codes.index("440111")
    assert ws.cell(baiyun_row, 2).value == "白云区"
    assert ws.cell(baiyun_row, win_col + 1).value == "94.02%"


def test_xlsx_needs_an_output_file():
    p = subprocess.run([FAZHI, *REPORT, "--region", "440111", "--format", "xlsx"], capture_output=True, text=True, env=ENGLISH)
    assert p.returncode == 2
    assert "--out" in p.stderr
    assert p.stdout == ""


def test_unwritable_output_is_an_error(tmp_path):
    out = tmp_path / "no-such-folder" / "x.xlsx"
    p = subprocess.run([FAZHI, *REPORT, "--region", "440111", "--format", "xlsx", "--out", str(out)],
                       capture_output=True, text=True, env=ENGLISH)
    assert p.returncode == 1
    assert "cannot write the workbook" in p.stderr
    assert not out.exists()


def test_a_sheet_per_table_with_every_number_of_the_json(baiyun):
    wb, report = baiyun
    tables = report["breakdowns"] + report["series"]
    names = wb.sheetnames[1:1 + len(tables)]
    assert len(names) == len(tables)
    for place, (name, b) in enumerate(zip(names, report["breakdowns"]), start=1):
        ws = wb[name]
        assert name.startswith("%d " % place)
        assert ws.freeze_panes == "D3"
        header = [c.value for c in ws[2]]
        assert header[:4] == ["排名", "键", b["label"], "本期"]
        for r, row in enumerate(b["rows"], start=3):
            assert ws.cell(r, 3).value == row["label"], name
            assert ws.cell(r, 2).value == row["key"], name
            assert ws.cell(r, 1).value == row["rank"], name
            assert ws.cell(r, 4).value == pytest.approx(float(exact(row["value"], "")), abs=1e-11), name
            assert ws.cell(r, 8).value == pytest.approx(float(exact(row["previous"], "")), abs=1e-11), name
            if "share" in row:
                assert ws.cell(r, 6).value == pytest.approx(float(exact(row["share"], "")), abs=1e-11), name
                assert ws.cell(r, 6).number_format == "0.0000%"
                assert row["text"].endswith("（%s）" % ws.cell(r, 7).value), name
            if "yoy" in row:
                assert ws.cell(r, 10).value == pytest.approx(float(exact(row["yoy"], "")), abs=1e-11), name
        total = 3 + len(b["rows"])
        assert ws.cell(total, 3).value == "合计"
        assert ws.cell(total, 4).value == b["total"]["value"]
    for name, s in zip(names[len(report["breakdowns"]):], report["series"]):
        ws = wb[name]
        assert [c.value for c in ws[2]][:3] == ["月份", "本期", "本期（公布值）"]
        for r, p in enumerate(s["points"], start=3):
            assert ws.cell(r, 1).value == p["period"]
            assert ws.cell(r, 2).value == p["value"]
            assert ws.cell(r, 4).value == p["previous"]
