"""`fazhi check` on files a clerk gets wrong: old Mac line ends, a misspelt
optional column, a stray row of another encoding. Every row is accounted for
(rows read = kept + rejected) and nothing is dropped without a word."""

import glob
import os
import subprocess

import pytest

from locale_env import CHINESE, ENGLISH

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def find_cli():
    if os.environ.get("FAZHI_CLI"):
        return os.environ["FAZHI_CLI"]
    build = os.environ.get("FAZHI_BUILD_DIR")
    if build and os.path.exists(os.path.join(build, "fazhi")):
        return os.path.join(build, "fazhi")
    found = sorted(glob.glob(os.path.join(ROOT, "build*", "fazhi")), key=os.path.getmtime)
    return found[-1] if found else None


CLI = find_cli()
pytestmark = pytest.mark.skipif(CLI is None, reason="the fazhi command is not built")


def check(folder, env=ENGLISH):
    run = subprocess.run([CLI, "check", "--data", str(folder)], capture_output=True, env=env)
    return run.returncode, run.stdout.decode("utf-8")


def test_cr_line_ends_lose_no_row(tmp_path):
    rows = ["案件编号,区划代码,受理日期,调解组织"]
    rows += ["M%d,440111,2019-03-05,白云调委会" % i for i in range(2000)]
    (tmp_path / "mediation.csv").write_bytes("\r".join(rows).encode("utf-8") + b"\r")
    code, out = check(tmp_path)
    assert code == 0, out
    assert "read 2000, kept 2000, rejected 0" in out
    assert "2000 rows read, 2000 kept, 0 rejected" in out


def test_a_misspelt_optional_column_is_named_and_listed_as_missing(tmp_path):
    (tmp_path / "litigation.csv").write_text(
        "案号,区划代码,收案日期,审级,负责人出庭情况\nL1,440111,2019-01-10,一审,是\n", encoding="utf-8")
    code, out = check(tmp_path)
    assert code == 0, out
    assert ('notice: %s: the header of column 5, "负责人出庭情况", is not a known column name; the column is '
            'ignored; the closest known column is "负责人出庭", that is head_appeared（负责人出庭、负责人出庭应诉）'
            % (tmp_path / "litigation.csv")) in out
    missing = [line for line in out.splitlines() if line.startswith("  optional columns missing: ")]
    assert len(missing) == 1
    assert "head_appeared（负责人出庭、负责人出庭应诉）" in missing[0]
    code, out = check(tmp_path, env=CHINESE)
    assert code == 0, out
    assert ("提示：%s：第 5 列的表头“负责人出庭情况”不是已知的列名，该列已忽略；"
            "最接近的已知列是“负责人出庭”，即 head_appeared（负责人出庭、负责人出庭应诉）"
            % (tmp_path / "litigation.csv")) in out


def test_a_row_of_the_other_encoding_is_rejected_with_its_line(tmp_path):
    text = "区划代码,名称\n440111,白云区\n".encode("gb18030") + "440112,黄埔区\n".encode("utf-8")
    (tmp_path / "regions.csv").write_bytes(text)
    code, out = check(tmp_path)
    assert code == 1, out
    assert "regions.csv:3: 此行是 UTF-8 编码，而文件按 GB18030 读取；为免乱码不予读取" in out
    assert "2 rows read, 1 kept, 1 rejected" in out
    code, out = check(tmp_path, env=CHINESE)
    assert code == 1, out
    assert "regions.csv（regions，GB18030）：读取 2 行，保留 1 行，拒收 1 行" in out
    assert out.endswith("共读取 2 行，保留 1 行，拒收 1 行\n")


def test_notices_are_in_chinese_under_a_chinese_locale(tmp_path):
    (tmp_path / "mediation.csv").write_text("case_id,region,received_date,org_id\nM1,440111,2019-01-10,o\n",
                                            encoding="utf-8")
    (tmp_path / "README.md").write_text("notes\n", encoding="utf-8")
    code, out = check(tmp_path)
    assert code == 0, out
    assert "notice: %s: ignored (not a record file;" % (tmp_path / "README.md") in out
    code, out = check(tmp_path, env=CHINESE)
    assert code == 0, out
    assert "提示：%s：已忽略（不是记录文件；" % (tmp_path / "README.md") in out
