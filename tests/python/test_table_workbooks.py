"""The workbooks of `fazhi table`, `series`, `cases` and `departments` with
--format xlsx, and the sheets `fazhi report --format xlsx --with
departments,follow-ups` adds, read back with openpyxl (Debian
python3-openpyxl): every number equals the same command's --format json, the
published text sits beside each rate, the headers are Chinese and frozen, and
text from the data is never a formula.

Run with:  /usr/bin/python3 -m pytest tests/python/test_table_workbooks.py
"""

import csv
import datetime
import io
import json
import os
import re
import shutil
import subprocess
import zipfile
from fractions import Fraction

import pytest

from locale_env import ENGLISH

openpyxl = pytest.importorskip("openpyxl", reason="needs python3-openpyxl (scripts/setup.sh installs it)")

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FAZHI = os.path.join(os.environ.get("FAZHI_BUILD_DIR") or os.path.join(REPO, "build"), "fazhi")
EXAMPLE = os.path.join(REPO, "data", "examples", "baiyun-2019")
PROFILE = os.path.join(EXAMPLE, "profile.json")
ASSESSMENT = os.path.join(REPO, "data", "examples", "assessment-county.json")
WHERE = ["--data", EXAMPLE, "--region", "440111", "--year", "2019"]
PRIVACY = "本表列出案件编号和案件信息，含个人信息，仅供本单位督办使用，不得公开。"


def run(*args):
    return subprocess.run([FAZHI, *args], capture_output=True, text=True, check=True, env=ENGLISH)


def both(tmp_path, name, *args):
    """The workbook and the JSON of one command."""
    path = tmp_path / name
    run(*args, "--format", "xlsx", "--out", str(path))
    return openpyxl.load_workbook(path), json.loads(run(*args, "--format", "json").stdout)


def number(value):
    """A JSON value (an integer, or {"num", "den"}) as a float."""
    if isinstance(value, dict):
        return float(Fraction(int(value["num"]), int(value["den"])))
    return float(value)


def approx(value):
    return pytest.approx(number(value), rel=1e-11, abs=1e-11)


def data_md():
    """docs/data.md's Chinese header of each column and label of each code:
    {kind: {column: header}}, {(kind, column): {code: label}}."""
    headers, codes = {}, {}
    kind = None
    with open(os.path.join(REPO, "docs", "data.md"), encoding="utf-8") as f:
        lines = f.read().splitlines()
    for i, line in enumerate(lines):
        m = re.match(r"### `(\w+)` --", line)
        if m:
            kind = m.group(1)
            headers[kind] = {}
            continue
        m = re.match(r"\| `(\w+)` \| ([^|]*) \| [^|]* \| (yes|no) \|$", line)
        if m and kind:
            aliases = [a.strip() for a in m.group(2).split(",") if a.strip()]
            headers[kind][m.group(1)] = aliases[0] if aliases else m.group(1)
            continue
        m = re.match(r"Codes of `(\w+)\.(\w+)`:", line)
        if m:
            table = codes.setdefault((m.group(1), m.group(2)), {})
            for row in lines[i + 1:]:
                if row.startswith("Codes of") or row.startswith("#"):
                    break
                r = re.match(r"\| `(\w+)` \| ([^|]*) \|$", row)
                if r:
                    # A code without a label is written as its code.
                    table[r.group(1)] = r.group(2).split(",")[0].strip() or r.group(1)
    return headers, codes


# ---- fazhi table ---------------------------------------------------------


def test_breakdown_workbook_equals_the_json(tmp_path):
    wb, b = both(tmp_path, "t.xlsx", "table", *WHERE, "--profile", PROFILE,
                 "--metric", "reconsideration.received", "--by", "disposition")
    assert len(wb.sheetnames) == 1
    ws = wb.worksheets[0]
    assert ws.freeze_panes == "D3"
    assert [c.value for c in ws[2]][:6] == ["排名", "键", "按办结方式", "本期", "本期（公布值）", "占比"]
    for r, row in enumerate(b["rows"], start=3):
        assert ws.cell(r, 1).value == row["rank"]
        assert ws.cell(r, 2).value == row["key"]
        assert ws.cell(r, 3).value == row["label"]
        assert ws.cell(r, 4).value == row["value"]
        assert ws.cell(r, 6).value == approx(row["share"])
        assert ws.cell(r, 6).number_format == "0.0000%"
        assert row["text"] == "%s（%s）" % (ws.cell(r, 5).value, ws.cell(r, 7).value)
        assert ws.cell(r, 8).value == row["previous"]
        if "yoy" in row:
            assert ws.cell(r, 10).value == approx(row["yoy"])
    total = 3 + len(b["rows"])
    assert ws.cell(total, 3).value == "合计"
    assert ws.cell(total, 4).value == b["total"]["value"] == 439
    assert ws.cell(total, 8).value == b["total"]["previous"]


def test_rate_breakdown_keeps_four_decimals_and_the_published_text(tmp_path):
    wb, b = both(tmp_path, "rate.xlsx", "table", *WHERE, "--metric", "litigation.win_rate", "--by", "defendant")
    ws = wb.worksheets[0]
    assert [c.value for c in ws[2]][9] == "同比（个百分点）"
    for r, row in enumerate(b["rows"], start=3):
        if row["value"] is None:
            assert ws.cell(r, 4).value is None and ws.cell(r, 5).value == "—"
            continue
        assert ws.cell(r, 4).value == approx(row["value"])
        assert ws.cell(r, 4).number_format == "0.0000%"
        assert ws.cell(r, 5).value == row["text"]
        if "change_pp" in row:
            assert ws.cell(r, 10).value == approx(row["change_pp"])
    total = 3 + len(b["rows"])
    assert ws.cell(total, 4).value == approx(b["total"]["value"])
    assert ws.cell(total, 5).value == "94.02%"


def test_cross_table_workbook_equals_the_json(tmp_path):
    wb, t = both(tmp_path, "x.xlsx", "table", *WHERE, "--metric", "litigation.received", "--by", "instance,outcome")
    ws = wb.worksheets[0]
    assert ws.freeze_panes == "C4"
    # Row 2: each column's label over its two cells; row 3: 键, the rows'
    # dimension, then 数值/公布值 pairs.
    labels = [ws.cell(2, 3 + 2 * j).value for j in range(len(t["columns"]) + 1)]
    assert labels == [c["label"] for c in t["columns"]] + ["合计"]
    assert [ws.cell(3, c).value for c in range(1, 5)] == ["键", t["rows_label"], "数值", "公布值"]
    for i, row in enumerate(t["rows"]):
        r = 4 + i
        assert ws.cell(r, 1).value == row["key"]
        assert ws.cell(r, 2).value == row["label"]
        for j, cell in enumerate(t["cells"][i]):
            assert ws.cell(r, 3 + 2 * j).value == cell
            assert ws.cell(r, 4 + 2 * j).value == "%d 件" % cell
        assert ws.cell(r, 3 + 2 * len(t["columns"])).value == row["value"]
    last = 4 + len(t["rows"])
    assert ws.cell(last, 2).value == "合计"
    for j, col in enumerate(t["columns"]):
        assert ws.cell(last, 3 + 2 * j).value == col["value"]
    assert ws.cell(last, 3 + 2 * len(t["columns"])).value == t["total"] == 282


def test_series_workbook_equals_the_json(tmp_path):
    wb, s = both(tmp_path, "s.xlsx", "series", *WHERE, "--metric", "litigation.win_rate")
    ws = wb.worksheets[0]
    assert ws.freeze_panes == "B3"
    assert [c.value for c in ws[2]] == ["月份", "本期", "本期（公布值）", "上年同期", "上年同期（公布值）"]
    assert len(s["points"]) == 12
    for r, p in enumerate(s["points"], start=3):
        assert ws.cell(r, 1).value == p["period"]
        for col, key in ((2, "value"), (4, "previous")):
            if p[key] is None:
                assert ws.cell(r, col).value is None
            else:
                assert ws.cell(r, col).value == approx(p[key])
                assert ws.cell(r, col).number_format == "0.0000%"
                assert ws.cell(r, col + 1).value.endswith("%")


def test_table_text_formats_go_to_out(tmp_path):
    out = tmp_path / "t.md"
    run("table", *WHERE, "--metric", "reconsideration.received", "--by", "disposition", "--format", "markdown",
        "--out", str(out))
    assert out.read_text(encoding="utf-8") == run(
        "table", *WHERE, "--metric", "reconsideration.received", "--by", "disposition", "--format", "markdown").stdout


def test_xlsx_without_out_is_a_usage_error():
    for command in (["table", "--by", "disposition", "--metric", "reconsideration.received"],
                    ["series", "--metric", "reconsideration.received"],
                    ["cases", "--metric", "reconsideration.overdue"],
                    ["departments"]):
        p = subprocess.run([FAZHI, command[0], *WHERE, *command[1:], "--format", "xlsx"],
                           capture_output=True, text=True, env=ENGLISH)
        assert p.returncode == 2, command
        assert "--format xlsx needs --out FILE" in p.stderr


# ---- fazhi cases ---------------------------------------------------------


def check_case_sheet(ws, lst, headers, codes):
    """Every case of the JSON list on the sheet, column by column."""
    assert ws["A2"].value == PRIVACY
    assert ws["A1"].value.endswith("共 %d 件" % lst["count"])
    assert ws.freeze_panes == "C4"
    header = [c.value for c in ws[3]]
    assert header[:5] == ["序号", "案件编号", "区划代码", "地区", "列入原因"]
    assert ws.max_row == 3 + lst["count"] or (lst["count"] == 0 and ws.max_row <= 4)
    for i, case in enumerate(lst["cases"]):
        r = 4 + i
        kind = case["kind"]
        by_header = {h: ws.cell(r, c + 1).value for c, h in enumerate(header)}
        assert by_header["序号"] == i + 1
        assert by_header["案件编号"] == case["case_id"]
        assert by_header["区划代码"] == case["region"]
        assert by_header["地区"] == "白云区"
        assert by_header["列入原因"] == case["reason"]
        for column, text in case.items():
            if column in ("kind", "case_id", "region", "reason", "times"):
                continue
            cell = by_header[headers[kind][column]]
            if text == "":
                assert cell is None, column
            elif (kind, column) in codes:
                assert cell == codes[(kind, column)][text], column
            elif text in ("true", "false"):
                assert cell == ("是" if text == "true" else "否"), column
            elif re.fullmatch(r"\d{4}-\d\d-\d\d", text):
                assert isinstance(cell, datetime.datetime), column
                assert cell.date().isoformat() == text, column
            elif re.fullmatch(r"-?\d+(\.\d+)?", text) and not isinstance(cell, str):
                assert cell == pytest.approx(float(text), abs=1e-9), column
            else:
                assert cell == text, column


def test_case_list_workbook_equals_the_json(tmp_path):
    headers, codes = data_md()
    wb, lst = both(tmp_path, "c.xlsx", "cases", *WHERE, "--metric", "reconsideration.overdue")
    assert wb.sheetnames == ["清单-超期办结"]
    assert lst["count"] == 17
    check_case_sheet(wb.worksheets[0], lst, headers, codes)
    ws = wb.worksheets[0]
    header = [c.value for c in ws[3]]
    assert "收到日期" in header and "结案方式" in header and "申请人数" in header
    # Numbers are numbers, dates dates.
    assert isinstance(ws.cell(4, header.index("申请人数") + 1).value, int)
    assert ws.cell(4, header.index("收到日期") + 1).number_format == "yyyy-mm-dd"


def test_rate_part_and_follow_up_lists(tmp_path):
    headers, codes = data_md()
    wb, lst = both(tmp_path, "d.xlsx", "cases", *WHERE, "--metric", "litigation.defence_on_time_rate",
                   "--part", "denominator")
    assert wb.sheetnames == ["清单-按期答辩率（分母）"]
    check_case_sheet(wb.worksheets[0], lst, headers, codes)
    wb, lst = both(tmp_path, "f.xlsx", "cases", *WHERE, "--follow-up", "late_defences")
    assert wb.sheetnames == ["督办-逾期答辩或未答辩的行政应诉案件"]
    check_case_sheet(wb.worksheets[0], lst, headers, codes)


def test_text_starting_with_equals_is_a_string_never_a_formula(tmp_path):
    """A respondent written `=HYPERLINK(...)` in the data is that text in the
    workbook: a string cell, no formula in the sheet's XML."""
    data = tmp_path / "data"
    shutil.copytree(EXAMPLE, data)
    path = data / "reconsideration.csv"
    # The example is a GB18030 export with Chinese headers, as Excel writes it.
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("gb18030"), newline="")))
    col = rows[0].index("被申请人")
    # The first overdue case of the example.
    row = next(r for r in rows if r[0] == "云府行复〔2019〕28号")
    row[col] = "=1+1"
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    path.write_bytes(out.getvalue().encode("gb18030"))
    out = tmp_path / "c.xlsx"
    run("cases", "--data", str(data), "--region", "440111", "--year", "2019", "--metric",
        "reconsideration.overdue", "--format", "xlsx", "--out", str(out))
    ws = openpyxl.load_workbook(out).worksheets[0]
    header = [c.value for c in ws[3]]
    cell = ws.cell(4, header.index("被申请人") + 1)
    assert cell.value == "=1+1"
    assert cell.data_type == "s"
    with zipfile.ZipFile(out) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/")]
        for n in sheets:
            assert "<f>" not in z.read(n).decode("utf-8")


# ---- fazhi departments ---------------------------------------------------


@pytest.fixture(scope="module")
def departments(tmp_path_factory):
    path = tmp_path_factory.mktemp("dep") / "d.xlsx"
    args = ["departments", *WHERE, "--profile", ASSESSMENT]
    run(*args, "--format", "xlsx", "--out", str(path))
    return openpyxl.load_workbook(path), json.loads(run(*args, "--format", "json").stdout)


def department_columns(ws):
    """figure label -> (number column, text column or None, rank column)."""
    out = {}
    for c in range(1, ws.max_column + 1):
        label = ws.cell(2, c).value
        if label is None:
            continue
        if ws.cell(3, c + 1).value == "公布值":
            out[label] = (c, c + 1, c + 2)
        else:
            out[label] = (c, None, c + 1)
    return out


def test_department_table_equals_the_json(departments):
    wb, t = departments
    assert wb.sheetnames == ["部门统计", "考核扣分", "部门案件"]
    ws = wb["部门统计"]
    assert ws.freeze_panes == "C4"
    assert t["assessment"] in ws["A1"].value and "满分 10 分" in ws["A1"].value
    assert [ws.cell(3, c).value for c in range(1, 5)] == ["排名", "部门", "层级", "得分"]
    columns = department_columns(ws)
    assert ws.max_row == 3 + len(t["departments"])
    for r, d in enumerate(t["departments"], start=4):
        assert ws.cell(r, 1).value == d["rank"]
        assert ws.cell(r, 2).value == (d["name"] or "（未填）")
        assert ws.cell(r, 4).value == pytest.approx(float(d["score"]))
        for m in d["metrics"]:
            num, text, rank = columns[m["label"]]
            if m["value"] is None:
                # An empty number cell, "—" beside it (a count has no text
                # column: "—" in its own).
                if text:
                    assert ws.cell(r, num).value is None, m["id"]
                assert ws.cell(r, text or num).value == "—", m["id"]
            else:
                assert ws.cell(r, num).value == approx(m["value"]), m["id"]
                if text:
                    assert ws.cell(r, num).number_format == "0.0000%"
                    assert ws.cell(r, text).value == "%.2f%%" % (100 * Fraction(m["value"]["num"], m["value"]["den"]))
            assert ws.cell(r, rank).value == m["rank"], m["id"]


def test_every_deduction_traced_as_in_the_json(departments):
    wb, t = departments
    ws = wb["考核扣分"]
    assert [c.value for c in ws[2]] == ["排名", "部门", "得分", "考核指标", "扣分", "扣分（封顶前）", "依据指标", "指标值",
                                        "指标值（公布值）", "扣分案件数", "扣分案件"]
    expected = [(d, x) for d in t["departments"] for x in d.get("deductions", [])]
    assert ws.max_row == 2 + len(expected)
    for r, (d, x) in enumerate(expected, start=3):
        assert ws.cell(r, 1).value == d["rank"]
        assert ws.cell(r, 2).value == d["name"]
        assert ws.cell(r, 3).value == pytest.approx(float(d["score"]))
        assert ws.cell(r, 4).value == x["rule"]
        assert ws.cell(r, 5).value == pytest.approx(float(x["points"]))
        assert ws.cell(r, 6).value == pytest.approx(float(x.get("points_before_cap", x["points"])))
        if "cases" in x:
            assert ws.cell(r, 10).value == len(x["cases"])
            assert ws.cell(r, 11).value.split("、") == x["cases"]
        else:
            label = next(m["label"] for m in d["metrics"] if m["id"] == x["metric"])
            assert ws.cell(r, 7).value == label
            assert ws.cell(r, 8).value == approx(x["value"])
    # docs/departments.md's example: 松洲街道 loses 1 point for corrections, capped from 1.5.
    songzhou = [r for r in range(3, ws.max_row + 1) if ws.cell(r, 2).value == "广州市白云区松洲街道办事处"]
    assert [ws.cell(r, 5).value for r in songzhou] == [2, 1]
    assert ws.cell(songzhou[1], 6).value == 1.5
    assert ws.cell(songzhou[1], 11).value == "云府行复〔2019〕7号、云府行复〔2019〕94号、云府行复〔2019〕149号"


def test_department_case_ids_as_in_the_json(departments):
    wb, t = departments
    ws = wb["部门案件"]
    assert ws["A2"].value == PRIVACY
    assert [c.value for c in ws[3]] == ["部门", "指标", "指标编号", "部分", "案件编号"]
    expected = []
    for d in t["departments"]:
        for m in d["metrics"]:
            if "cases" in m:
                expected += [(d["name"] or "（未填）", m["id"], "计数", c) for c in m["cases"]]
            else:
                expected += [(d["name"] or "（未填）", m["id"], "分子", c) for c in m["numerator_cases"]]
                expected += [(d["name"] or "（未填）", m["id"], "分母", c) for c in m["denominator_cases"]]
    got = [(ws.cell(r, 1).value, ws.cell(r, 3).value, ws.cell(r, 4).value, ws.cell(r, 5).value)
           for r in range(4, ws.max_row + 1)]
    assert got == expected


# ---- fazhi report --with -------------------------------------------------


def test_report_workbook_names_no_case_unless_asked(tmp_path):
    out = tmp_path / "r.xlsx"
    run("report", *WHERE, "--profile", PROFILE, "--format", "xlsx", "--out", str(out))
    names = openpyxl.load_workbook(out).sheetnames
    assert not [n for n in names if n.startswith("督办") or n.startswith("部门") or n.startswith("清单")]


def test_report_with_departments_and_follow_ups(tmp_path):
    headers, codes = data_md()
    out = tmp_path / "r.xlsx"
    run("report", *WHERE, "--profile", ASSESSMENT, "--format", "xlsx", "--with", "departments,follow-ups",
        "--out", str(out))
    wb = openpyxl.load_workbook(out)
    plain = tmp_path / "plain.xlsx"
    run("report", *WHERE, "--profile", ASSESSMENT, "--format", "xlsx", "--out", str(plain))
    report_sheets = openpyxl.load_workbook(plain).sheetnames
    follow_ups = [line.split("\t") for line in run("cases", "--follow-ups").stdout.splitlines()]
    extra = ["部门统计", "考核扣分", "部门案件"] + ["督办-" + label for _, label in follow_ups]
    # The report's own sheets first, the notices sheet (if any) last.
    assert [n for n in wb.sheetnames if n not in extra] == report_sheets
    assert [n for n in wb.sheetnames if n in extra] == extra
    t = json.loads(run("departments", *WHERE, "--profile", ASSESSMENT, "--format", "json").stdout)
    ws = wb["部门统计"]
    assert [ws.cell(r, 2).value for r in range(4, ws.max_row + 1)] == [d["name"] or "（未填）" for d in t["departments"]]
    assert [ws.cell(r, 4).value for r in range(4, ws.max_row + 1)] == [
        pytest.approx(float(d["score"])) for d in t["departments"]]
    for name, label in follow_ups:
        lst = json.loads(run("cases", *WHERE, "--profile", ASSESSMENT, "--follow-up", name, "--format", "json").stdout)
        check_case_sheet(wb["督办-" + label], lst, headers, codes)


def test_with_is_refused_without_a_region_workbook():
    for extra in (["--format", "json", "--with", "departments"],
                  ["--format", "xlsx", "--out", "/dev/null", "--with", "cases"]):
        p = subprocess.run([FAZHI, "report", *WHERE, *extra], capture_output=True, text=True, env=ENGLISH)
        assert p.returncode == 2, extra
        assert "--with" in p.stderr


def test_a_case_counted_twice_says_so(tmp_path):
    """结案率's denominator counts a case received before the period and
    accepted in it twice: the sheet's 计入次数 is the JSON's times."""
    headers, codes = data_md()
    wb, lst = both(tmp_path, "c.xlsx", "cases", *WHERE, "--metric", "reconsideration.conclusion_rate",
                   "--part", "denominator")
    ws = wb.worksheets[0]
    check_case_sheet(ws, lst, headers, codes)
    header = [c.value for c in ws[3]]
    assert header[5] == "计入次数"
    times = [ws.cell(r, 6).value for r in range(4, ws.max_row + 1)]
    assert times == [c.get("times", 1) for c in lst["cases"]]
    assert sum(times) > len(times)
