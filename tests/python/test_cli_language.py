"""The command line speaks the clerk's language: help, messages and the report's
tables in Chinese when the locale is Chinese (or with --lang zh), in English
otherwise, through the gettext catalogue of po/; the report's figures and its
JSON are the same in every language. Region names work wherever a code does,
and --all-regions can be a ranked comparison table.

Run with:  FAZHI_BUILD_DIR=build /usr/bin/python3 -m pytest tests/python
"""
import json
import os
import re
import shutil
import subprocess

import pytest

from locale_env import CHINESE, ENGLISH, fazhi_env

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BAIYUN = os.path.join(REPO, "data", "examples", "baiyun-2019")
ROLLUP = os.path.join(REPO, "tests", "data", "rollup-small")
FAZHI = os.path.join(os.environ.get("FAZHI_BUILD_DIR") or os.path.join(REPO, "build"), "fazhi")
COMMANDS = ["report", "table", "series", "check", "calendar", "announce", "draw", "verify", "sample", "metrics"]


def run(*args, env=CHINESE):
    if not os.path.exists(FAZHI):
        pytest.skip("no fazhi binary at " + FAZHI)
    p = subprocess.run([FAZHI, *args], capture_output=True, env=env)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def baiyun(*args, env=CHINESE):
    return run("report", "--data", BAIYUN, "--year", "2019", "--profile",
               os.path.join(BAIYUN, "profile.json"), *args, env=env)


# ---- the language

def test_help_follows_the_locale():
    code, out, err = run("help", env=CHINESE)
    assert code == 0 and err == ""
    assert out.startswith("用法：fazhi <命令> [选项]\n\n命令：\n")
    code, out, _ = run("help", env=ENGLISH)
    assert code == 0 and out.startswith("usage: fazhi <command> [options]\n\ncommands:\n")


@pytest.mark.parametrize("variable", ["LC_ALL", "LC_MESSAGES", "LANG"])
def test_any_locale_variable_beginning_with_zh_is_chinese(variable):
    env = fazhi_env("en")
    env.pop("LANG")
    env[variable] = "zh_CN.GB18030" if variable == "LC_MESSAGES" else "zh_TW.UTF-8"
    assert run("help", env=env)[1].startswith("用法：")


def test_lc_all_wins_over_lang():
    env = dict(CHINESE, LC_ALL="C.UTF-8")
    assert run("help", env=env)[1].startswith("usage:")


def test_lang_flag_overrides_the_locale_anywhere_on_the_line():
    assert run("--lang", "en", "help", env=CHINESE)[1].startswith("usage:")
    assert run("help", "--lang=zh", env=ENGLISH)[1].startswith("用法：")
    code, out, err = run("report", "--lang", "en", "--data", env=CHINESE)
    assert code == 2 and out == "" and err.startswith("fazhi: --data needs a value\n")
    code, out, err = run("--lang", "fr", "help", env=CHINESE)
    assert code == 2 and out == ""
    assert err == "fazhi: --lang 可选 zh 或 en，不是“fr”\n（运行 fazhi help 查看全部命令）\n"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_explains_itself_in_both_languages(command):
    code, zh, err = run(command, "--help", env=CHINESE)
    assert code == 0 and err == ""
    assert zh.startswith("用法：fazhi " + command)
    code, en, _ = run("help", command, env=ENGLISH)
    assert code == 0 and en.startswith("usage: fazhi " + command)
    # The options are typed the same in both.
    for word in en.split():
        if word.startswith("--") and word[2:3].isalpha():
            assert word.rstrip(",.;:)") in zh, word


def test_report_help_names_region_names():
    _, out, _ = run("report", "--help")
    assert "  --region 代码|名称   6 位行政区划代码（440111）或 regions.csv 中的名称（白云区）\n" in out


def test_version():
    code, out, err = run("--version", env=CHINESE)
    assert code == 0 and err == ""
    assert out.splitlines()[0] == "fazhi 1.0.0"
    assert "行政复议" in out
    assert run("--version", env=ENGLISH)[1].splitlines()[1].startswith("Statistics and reports")


def test_errors_are_one_line_in_the_language_on_stderr():
    code, out, err = run("report", "--data", BAIYUN, "--region", "440111", "--year", "一九",
                         env=CHINESE)
    assert code == 1 and out == ""
    assert err == "fazhi: --year：“一九”不是年份\n"
    code, out, err = run("nonsense", env=ENGLISH)
    assert code == 2 and err == "fazhi: unknown command 'nonsense'\n(run 'fazhi help' for the commands)\n"


# ---- the report for people

def test_text_report_is_chinese_with_header_rows_and_notes():
    code, out, err = baiyun("--region", "440111")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "白云区（440111）2019-01-01 至 2019-12-31"
    assert lines[1] == ""
    assert "行政复议" in lines
    header = lines[lines.index("行政复议") + 1]
    assert header.split() == ["指标", "数值", "上年同期", "同比", "指标代码"]
    row = lines[lines.index("行政复议") + 2]
    assert row.split() == ["收到行政复议申请", "439", "件", "568", "件", "-22.7%", "reconsideration.received"]
    assert "[口径" not in out and "concluded" not in out
    assert "注：直接纠错率、综合纠错率：口径为本期全部办结案件。" in lines
    assert "注：超时限未结占比：法律未规定法律援助案件的办结时限；可在报告配置中设定 legal_aid_case_limit_days。" in lines
    assert out.endswith("\n数据\n共读取记录 138085 行，拒收 0 行。\n")
    # Diagnostics go to standard error, in the language; nothing English on stdout.
    assert "notice" not in out and "rows read" not in out
    assert err.startswith("fazhi: 提示：")


def test_text_columns_line_up_on_a_terminal():
    _, out, _ = baiyun("--region", "440111")
    lines = out.splitlines()
    start = lines.index("行政复议") + 1
    table = [line for line in lines[start:lines.index("", start)] if not line.startswith("注：")]
    assert len(table) == 20

    def width(s):
        return sum(2 if "\u4e00" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uff60" else 1 for ch in s)
    # The id column (the last) starts at the same terminal column on every row.
    starts = {width(line[:line.rindex("  ") + 2]) for line in table}
    assert len(starts) == 1, table


def test_markdown_is_real_markdown_and_keeps_every_figure():
    code, md, _ = baiyun("--region", "440111", "--format", "markdown")
    assert code == 0
    assert md.startswith("# 白云区（440111）2019-01-01 至 2019-12-31\n\n")
    assert "\n\n## 行政复议\n\n| 指标 | 数值 | 上年同期 | 同比 | 指标代码 |\n| :--- | ---: | ---: | ---: | :--- |\n" in md
    # Paragraphs of the narrative are separated by blank lines.
    assert "\n\n2019 年共收到行政复议申请 439 件" in md
    _, js, _ = baiyun("--region", "440111", "--format", "json")
    rows = {}
    for line in md.splitlines():
        cells = [c.strip() for c in line.strip("|").split(" | ")]
        if line.startswith("| ") and len(cells) == 5 and cells[0] != "指标" and cells[0] != ":---":
            rows[cells[4]] = cells
    metrics = json.loads(js)["metrics"]
    assert len(rows) == len(metrics)
    for m in metrics:
        assert rows[m["id"]][1] == (m["text"] if m["value"] is not None else "—"), m["id"]
        assert rows[m["id"]][0] == m["label"]


def test_english_tables_keep_the_chinese_labels_and_figures():
    _, out, _ = baiyun("--region", "440111", "--format", "markdown", "--lang", "en")
    assert out.startswith("# 白云区 (440111), 2019-01-01 to 2019-12-31\n")
    assert "| Metric | Value | Year ago | Change on a year ago | Metric id |" in out
    # A rate's change is in percentage points (REPORT.md: 胜诉率 94.02%，同比上升 7.41 个百分点).
    assert "| 胜诉率 | 94.02% | 86.61% | 7.41 个百分点 | litigation.win_rate |" in out
    assert out.endswith("## Data\n\nRows read: 138085; rejected: 0.\n")


def test_json_is_the_same_in_every_language():
    outs = {baiyun("--region", "440111", "--format", "json", env=env)[1]
            for env in (CHINESE, ENGLISH)}
    outs.add(baiyun("--region", "440111", "--format", "json", "--lang", "en")[1])
    assert len(outs) == 1


# ---- region names

def test_a_region_name_works_as_its_code():
    by_code = baiyun("--region", "440111", "--format", "json")[1]
    for name in ["白云区", "白云", "广州市白云区"]:
        code, out, err = baiyun("--region", name, "--format", "json")
        assert code == 0, err
        assert out == by_code


@pytest.fixture
def two_baiyun(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROLLUP, data)
    with open(data / "regions.csv", "a", encoding="utf-8") as f:
        f.write("520000,贵州省\n520100,贵阳市\n520113,白云区\n440111,白云区\n")
    return str(data)


def test_an_ambiguous_name_is_refused_with_its_candidates(two_baiyun):
    code, out, err = run("report", "--data", two_baiyun, "--region", "白云区", "--year", "2019")
    assert code == 1 and out == ""
    assert err == ("fazhi: --region: “白云区”对应 2 个地区：白云区（440111，广州市）、白云区（520113，贵阳市）；"
                   "请写代码，或在名称前加上级名称\n")
    # The parent's name settles it (the data has no records there).
    code, _, err = run("report", "--data", two_baiyun, "--region", "贵阳市白云区", "--year", "2019",
                       "--format", "json", env=ENGLISH)
    assert err == "fazhi: no records for region 520113 or any region inside it\n"


def test_an_unknown_name_is_refused():
    code, out, err = run("report", "--data", ROLLUP, "--region", "天河区", "--year", "2019",
                         env=ENGLISH)
    assert code == 1 and out == ""
    assert err.startswith("fazhi: --region: no region is named '天河区'")


# ---- every region compared

def test_all_regions_as_a_table_ranks_siblings():
    code, out, err = run("report", "--data", ROLLUP, "--all-regions", "--year", "2019",
                         "--format", "markdown", "--metrics",
                         "reconsideration.received,litigation.win_rate")
    assert code == 0, err
    assert out.startswith("# 各地区对比（2019-01-01 至 2019-12-31）\n\n")
    assert ("## 广州市（440100）所辖地区\n\n"
            "| 地区 | 代码 | 收到行政复议申请 | 排名 | 胜诉率 | 排名 |\n"
            "| :--- | :--- | ---: | ---: | ---: | ---: |\n"
            "| 荔湾区 | 440103 | 5 件 | 1 | 50.00% | 2 |\n"
            "| 越秀区 | 440104 | 3 件 | 2 | 100.00% | 1 |\n"
            "| 广州市（合计） | 440100 | 8 件 |  | 75.00% |  |\n") in out
    # An undefined figure has no rank.
    assert "| 韶关市 | 440200 | 3 件 | 2 | — |  |\n" in out


def test_all_regions_text_has_default_columns_and_refuses_unknown_metrics():
    code, out, _ = run("report", "--data", ROLLUP, "--all-regions", "--year", "2019")
    assert code == 0
    assert "地区    代码    收到行政复议申请  排名  综合纠错率  排名" in out
    code, out, err = run("report", "--data", ROLLUP, "--all-regions", "--year", "2019",
                         "--metrics", "litigation.nothing", env=ENGLISH)
    assert code == 2 and out == ""
    assert err.startswith("fazhi: --metrics: 'litigation.nothing' is not a metric id")


# ---- rejections in the clerk's language

BAD = os.path.join(REPO, "tests", "data", "bad")


def check_one(tmp_path, bad_file, env):
    """`fazhi check` of one file of the bad corpus, loaded as its kind."""
    kind = bad_file.split(".")[-2]
    d = tmp_path / bad_file
    d.mkdir()
    shutil.copy(os.path.join(BAD, bad_file), d / (kind + ".csv"))
    code, out, err = run("check", "--data", str(d), env=env)
    return [line for line in out.splitlines() if ".csv:" in line]


def test_rejection_quotes_the_value_and_the_chinese_header(tmp_path):
    lines = check_one(tmp_path, "date-does-not-exist.reconsideration.csv", CHINESE)
    assert len(lines) == 1
    assert lines[0].endswith(":2: 列“收到日期”（received_date）：“2019-02-30”不是日期"
                             "（应写作 2019-03-01、2019/3/1、2019年3月1日或 Excel 日期）"), lines[0]


def test_a_code_given_without_its_date_is_quoted_as_the_file_writes_it(tmp_path):
    """The rule sees the code read from the file; the message quotes the
    field's own text (胜诉, a synonym of judgment_win), which the clerk finds
    in the file, and names the other column by its Chinese header."""
    d = tmp_path / "data"
    d.mkdir()
    (d / "litigation.csv").write_text(
        "case_id,region,filed_date,instance,closed_date,outcome\n"
        "L1,440111,2019-03-01,first,,胜诉\n", encoding="utf-8")
    code, out, err = run("check", "--data", str(d), env=CHINESE)
    line = next(l for l in out.splitlines() if ".csv:" in l)
    assert line.endswith("列“结案方式”（outcome）：已填写“胜诉”，但“结案日期”（closed_date）为空"), line
    code, out, err = run("check", "--data", str(d), env=ENGLISH)
    line = next(l for l in out.splitlines() if ".csv:" in l)
    assert line.endswith("outcome: outcome 'judgment_win' given but closed_date is empty"), line


def test_every_value_rejection_of_the_bad_corpus_is_chinese(tmp_path):
    """A row rejected for a value or a rule says why in Chinese (the whole
    file's problems and the CSV's own are reported elsewhere)."""
    checked = 0
    for name in sorted(os.listdir(BAD)):
        if not name.endswith(".csv") or name.startswith(("csv-", "encoding-", "header-", "empty-",
                                                         "duplicate-")):
            continue
        for line in check_one(tmp_path, name, CHINESE):
            reason = line.split(": ", 1)[1]
            assert not re.search(r"[a-z]{3,} [a-z]{3,} [a-z]{3,}", reason.split("）：")[-1]), (name, line)
            assert re.search(r"[\u4e00-\u9fff]", reason), (name, line)
            checked += 1
    assert checked >= 20


def test_a_file_or_folder_refused_whole_is_told_in_chinese(tmp_path):
    """A file refused whole (an old .xls, a missing required column, one kind
    in two files) and a folder that is not there are told in the reader's
    language; the English text stays as it was."""
    d = tmp_path / "data"
    d.mkdir()
    (d / "mediation.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    (d / "litigation.csv").write_text("case_id,region\nL1,440111\n", encoding="utf-8")
    (d / "legal_aid.csv").write_text("case_id,region,applied_date\nA1,440111,2019-01-02\n", encoding="utf-8")
    (d / "Legal_Aid.CSV").write_text("case_id,region,applied_date\nA2,440111,2019-01-02\n", encoding="utf-8")
    # Every file refused: the load fails, each file's reason told on the one line.
    code, out, err = run("check", "--data", str(d), env=CHINESE)
    assert code == 1 and out == ""
    assert err.startswith("fazhi: %s：旧版 .xls 工作簿" % (d / "mediation.xls")), err
    assert err.count("整个文件不予读取") == 3 and err.count("\n") == 1, err
    # With a file read, each refused file is listed by check.
    (d / "mediation.csv").write_text("case_id,region,received_date\nM1,440111,2019-01-02\n", encoding="utf-8")
    (d / "mediation.xls").rename(d / "reconsideration.xls")
    code, out, err = run("check", "--data", str(d), env=CHINESE)
    assert code == 1
    assert "拒收整个文件：%s：旧版 .xls 工作簿（Excel 97-2003），不能读取：请另存为 .xlsx 或 CSV（UTF-8）" % (
        d / "reconsideration.xls") in out, out
    assert "%s：缺少必填列 'filed_date' (收案日期, 立案日期, 收到起诉状日期), 'instance' (审级)，整个文件不予读取" % (
        d / "litigation.csv") in out, out
    assert "%s：另有文件也存放 legal_aid 记录（%s；文件名只有大小写不同），整个文件不予读取" % (
        d / "legal_aid.csv", d / "Legal_Aid.CSV") in out, out
    code, out, err = run("check", "--data", str(d), env=ENGLISH)
    assert "%s: missing required columns 'filed_date' (收案日期, 立案日期, 收到起诉状日期), 'instance' (审级); " \
        "the file is refused" % (d / "litigation.csv") in out, out
    code, out, err = run("check", "--data", str(tmp_path / "none"), env=CHINESE)
    assert code == 1 and err == "fazhi: %s：文件夹不存在\n" % (tmp_path / "none")
