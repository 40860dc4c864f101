"""The `fazhi announce / draw / sample / verify` commands: list options that
cannot lose or invent a name, and verification against the announcement.

    FAZHI_CLI=build/fazhi python3 -m pytest tests/python/test_lottery_cli.py
"""
import json
import os
import subprocess

import pytest

from locale_env import CHINESE, ENGLISH
from test_lottery_vectors import find_cli, vl

CLI = find_cli()
pytestmark = pytest.mark.skipif(CLI is None, reason="no built fazhi (set FAZHI_CLI)")

SEED = "2024-06-03 上证指数收盘 3078.49"
CASE = "穗白法援〔2024〕0173号"
LAWYERS = "王律师,李律师,陈律师,赵律师,刘律师"


def fazhi(*args, cwd=None, env=ENGLISH):
    return subprocess.run([CLI, *args], capture_output=True, text=True, cwd=cwd, env=env)


def drawn(*args, cwd=None):
    """The audit record of a draw that must succeed."""
    done = fazhi("draw", "--json", "--seed", SEED, "--case", CASE, *args, cwd=cwd)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


# ---- lists

def test_a_misspelt_exclusion_file_stops_the_draw(tmp_path):
    (tmp_path / "conflicts.txt").write_text("陈律师\n", encoding="utf-8")
    done = fazhi("draw", "--seed", SEED, "--case", CASE, "--pool", LAWYERS,
                 "--exclude", "conflict.txt", cwd=tmp_path)
    assert done.returncode == 2, done.stdout
    assert "looks like a file name" in done.stderr
    assert "陈律师" not in done.stdout
    record = drawn("--pool", LAWYERS, "--exclude", "@conflicts.txt", cwd=tmp_path)
    assert record["conflicts"] == ["陈律师"] and record["winner"] != "陈律师"


def test_a_missing_file_is_not_a_one_name_list(tmp_path):
    done = fazhi("draw", "--seed", SEED, "--case", CASE, "--pool", "@pool_missing.txt",
                 cwd=tmp_path)
    assert done.returncode == 1
    assert "cannot read 'pool_missing.txt'" in done.stderr
    done = fazhi("draw", "--seed", SEED, "--case", CASE, "--pool", "pool_missing.txt",
                 cwd=tmp_path)
    assert done.returncode == 2 and "looks like a file name" in done.stderr


def test_a_file_does_not_shadow_an_inline_list(tmp_path):
    (tmp_path / "a,b").write_text("x\n", encoding="utf-8")
    (tmp_path / "roster").write_text("王律师\n李律师\n", encoding="utf-8")
    done = fazhi("draw", "--seed", SEED, "--case", CASE, "--pool", "a,b", cwd=tmp_path)
    assert done.returncode == 2 and "is a file: write @a,b" in done.stderr
    done = fazhi("draw", "--seed", SEED, "--case", CASE, "--pool", "roster", cwd=tmp_path)
    assert done.returncode == 2 and "write @roster" in done.stderr
    assert drawn("--pool", "@a,b", "--exclude", "", cwd=tmp_path)["answered"] == ["x"]
    assert drawn("--pool", "@roster", cwd=tmp_path)["answered"] == ["李律师", "王律师"]


def test_an_id_with_a_full_width_comma_can_be_excluded():
    record = drawn("--pool", '"王，丽",陈律师', "--exclude", '"王，丽"')
    assert record["answered"] == ["王，丽", "陈律师"]
    assert record["conflicts"] == ["王，丽"] and record["winner"] == "陈律师"
    done = fazhi("draw", "--seed", SEED, "--case", CASE, "--pool", "王，丽,陈律师")
    assert done.returncode == 2 and "full-width comma" in done.stderr


def test_the_conflicts_file_keeps_ids_as_written(tmp_path):
    (tmp_path / "conflicts.txt").write_text("张三,某律所，分所\n\"#7号\",律所B\n", encoding="utf-8")
    (tmp_path / "inspectors.txt").write_text("# 检查员名单\n张三\n李四\n\"#7号\"\n",
                                             encoding="utf-8")
    done = fazhi("sample", "--json", "--seed", "s", "--targets", '"某律所，分所",律所B', "--k", "2",
                 "--inspectors", "@inspectors.txt", "--m", "1", "--conflicts", "@conflicts.txt",
                 cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert record["inspectors"] == ["#7号", "张三", "李四"]
    assert record["conflicts"] == [{"inspector": "#7号", "target": "律所B"},
                                   {"inspector": "张三", "target": "某律所，分所"}]
    for d in record["draws"]:
        members = [m["inspector"] for m in d["team"]]
        if d["target"] == "某律所，分所":
            assert "张三" not in members
        if d["target"] == "律所B":
            assert "#7号" not in members


def test_a_lawyer_in_both_exclusion_lists_is_refused():
    done = fazhi("draw", "--seed", SEED, "--case", CASE, "--pool", "a,b", "--exclude", "a,b",
                 "--at-cap", "b")
    assert done.returncode == 1
    assert "'b' is both in the conflicts of interest and at the caseload cap" in done.stderr


def test_verify_cannot_print_a_forged_line(tmp_path):
    # A record consistent with itself whose case id holds a line feed: verify
    # printed it raw, a second "OK: ..." line of the forger's choosing.
    record = drawn("--pool", "a,b")
    record["case_id"] = "c\nOK: case 伪造: 王律师 drawn"
    index, counter, digest = vl.pick("fazhi-lottery-v1", record["seed"], [record["case_id"]],
                                     len(record["pool"]))
    record.update(index=index, counter=counter, hash=digest, winner=record["pool"][index])
    if "announcement_sha256" in record:
        record["announcement_sha256"] = vl.lottery_commitment(
            record["case_id"], record["answered"], record["conflicts"], record["at_cap"])
    path = tmp_path / "audit.json"
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    done = fazhi("verify", str(path))
    assert done.returncode == 1, done.stdout
    assert done.stdout == ""
    assert len(done.stderr.splitlines()) == 1, done.stderr
    assert "c\\nOK: case 伪造" in done.stderr


def test_decomposed_accents_are_refused():
    done = fazhi("draw", "--seed", SEED, "--case", CASE, "--pool", "José,b",
                 "--exclude", "Jose\u0301")
    assert done.returncode == 2 and "NFC" in done.stderr


# ---- announcements

def announce(tmp_path, *args):
    path = tmp_path / "announcement.json"
    done = fazhi("announce", *args, "--out", str(path))
    assert done.returncode == 0, done.stderr
    return path


def test_announce_draw_verify(tmp_path):
    ann = announce(tmp_path, "draw", "--case", CASE, "--pool", LAWYERS, "--exclude", "李律师",
                   "--at-cap", "赵律师")
    audit = tmp_path / "audit.json"
    done = fazhi("draw", "--announcement", str(ann), "--seed", SEED, "--out", str(audit))
    assert done.returncode == 0, done.stderr
    assert "陈律师 drawn" in done.stdout
    done = fazhi("verify", str(audit), "--announcement", str(ann))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("OK: case " + CASE)
    assert "The lists drawn from are the announced ones." in done.stdout
    done = fazhi("verify", str(audit), "--announcement", str(ann), env=CHINESE)
    assert done.stdout.startswith("OK: case " + CASE)
    assert done.stdout.endswith("\n抽取所用名单与公告一致。\n")
    done = fazhi("verify", str(audit), env=CHINESE)
    assert done.returncode == 0
    assert "注意：只核对了记录与自身一致" in done.stdout
    # The announcement fixes the lists: none may be given beside it.
    done = fazhi("draw", "--announcement", str(ann), "--seed", SEED, "--pool", "a")
    assert done.returncode == 2


@pytest.mark.parametrize("lists", [
    ["--pool", "王律师,李律师,黄律师,赵律师,刘律师", "--exclude", "李律师"],   # winner renamed
    ["--pool", LAWYERS, "--exclude", "李律师,周律师"],              # phantom exclusion
    ["--pool", "王律师,陈律师,赵律师,刘律师"],                        # 李律师 deleted everywhere
], ids=["renamed-winner", "phantom-exclusion", "deleted-excluded"])
def test_altered_records_are_refused_against_the_announcement(tmp_path, lists):
    ann = announce(tmp_path, "draw", "--case", CASE, "--pool", LAWYERS, "--exclude", "李律师",
                   "--at-cap", "赵律师")
    audit = tmp_path / "audit.json"
    done = fazhi("draw", "--seed", SEED, "--case", CASE, *lists, "--at-cap", "赵律师",
                 "--out", str(audit))
    assert done.returncode == 0, done.stderr
    assert fazhi("verify", str(audit)).returncode == 0  # consistent with itself
    done = fazhi("verify", str(audit), "--announcement", str(ann))
    assert done.returncode == 1
    assert "not the announced ones" in done.stderr


def test_announce_sample(tmp_path):
    args = ["--batch", "b1", "--targets", "A,B,C", "--k", "2", "--inspectors", "x,y,z", "--m", "1",
            "--conflicts", "x:A"]
    ann = announce(tmp_path, "sample", *args)
    audit = tmp_path / "audit.json"
    done = fazhi("sample", "--seed", "s", "--announcement", str(ann), "--out", str(audit))
    assert done.returncode == 0, done.stderr
    assert fazhi("verify", str(audit), "--announcement", str(ann)).returncode == 0
    done = fazhi("sample", "--seed", "s", *args[:-1], "y:A", "--out", str(audit))
    assert done.returncode == 0, done.stderr
    done = fazhi("verify", str(audit), "--announcement", str(ann))
    assert done.returncode == 1 and "conflicts does not match" in done.stderr
