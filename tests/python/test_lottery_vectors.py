"""scripts/verify_lottery.py against the vectors published in docs/lottery.md,
and (when a built `fazhi` is found) against the library itself.

    python3 -m pytest tests/python/test_lottery_vectors.py
    FAZHI_CLI=build/fazhi python3 -m pytest tests/python/test_lottery_vectors.py
"""
import glob
import importlib.util
import json
import os
import random
import re
import subprocess

import pytest

from locale_env import ENGLISH

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DOC = os.path.join(ROOT, "docs", "lottery.md")


def load_script():
    spec = importlib.util.spec_from_file_location(
        "verify_lottery", os.path.join(ROOT, "scripts", "verify_lottery.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


vl = load_script()


def doc_blocks(language):
    with open(DOC, encoding="utf-8") as f:
        return re.findall(r"```" + language + r"\n(.*?)\n```", f.read(), re.S)


BLOCKS = [json.loads(block) for block in doc_blocks("json")]
RECORDS = [r for r in BLOCKS if not r["scheme"].endswith("-announcement-v1")]
ANNOUNCEMENTS = [r for r in BLOCKS if r["scheme"].endswith("-announcement-v1")]
LOTTERY = [r for r in RECORDS if r["scheme"] == "fazhi-lottery-v1"]


def find_cli():
    if os.environ.get("FAZHI_CLI"):
        return os.environ["FAZHI_CLI"]
    found = sorted(glob.glob(os.path.join(ROOT, "build*", "fazhi")), key=os.path.getmtime)
    return found[-1] if found else None


def test_docs_publish_the_vectors():
    assert len(LOTTERY) >= 3
    assert [r["counter"] for r in LOTTERY if r["counter"] > 0], "no vector shows a rejection"
    assert any(r["scheme"] == "fazhi-sample-v1" for r in RECORDS)
    assert any("format" not in r for r in RECORDS), "no format 1 record"
    assert len(ANNOUNCEMENTS) == 2


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.get("case_id", r.get("batch_id")))
def test_script_reproduces_each_vector(record):
    assert vl.recompute(record) == record


def test_message_bytes_match_the_docs():
    message = vl.field("fazhi-lottery-v1") + vl.field("fazhi-test-seed-1") + vl.field("CASE-0001")
    message += (0).to_bytes(8, "big")
    hex_dump = "".join(token for token in doc_blocks("text")[1].split()
                       if re.fullmatch("[0-9a-f]+", token))
    assert message.hex() == hex_dump


def test_the_ten_lines_in_the_docs_agree():
    (snippet,) = doc_blocks("python")
    scope = {}
    exec(snippet, scope)  # the code a clerk would copy
    for r in LOTTERY:
        winner, index, counter, digest = scope["draw"](
            r["seed"], r["case_id"], r["answered"], r["conflicts"], r["at_cap"])
        assert (winner, index, counter, digest) == (r["winner"], r["index"], r["counter"], r["hash"])


def test_announcement_bytes_match_the_docs():
    message = (vl.field("fazhi-lottery-announcement-v1") + vl.field("c")
               + vl.encoded_list(["only"]) + vl.encoded_list([]) + vl.encoded_list([]))
    block = next(b for b in doc_blocks("text") if "fazhi-lottery-announcement-v1" in b
                 and "00000001 63" in b)
    hex_dump = "".join(line.split("field")[0].split("list")[0].replace(" ", "")
                       for line in block.splitlines())
    assert message.hex() == hex_dump
    assert vl.lottery_commitment("c", ["only"], [], []) == LOTTERY[3]["announcement_sha256"]


def test_script_checks_the_announcements(tmp_path, capsys):
    record, announcement = tmp_path / "audit.json", tmp_path / "ann.json"
    pairs = [(LOTTERY[1], ANNOUNCEMENTS[0]), (RECORDS[-1], ANNOUNCEMENTS[0]),
             (RECORDS[4], ANNOUNCEMENTS[1])]
    for r, a in pairs:
        record.write_text(json.dumps(r, ensure_ascii=False), encoding="utf-8")
        announcement.write_text(json.dumps(a, ensure_ascii=False), encoding="utf-8")
        assert vl.main([str(record), "--announcement", str(announcement)]) == 0
    assert capsys.readouterr().out == "OK\nOK\nOK\n"
    # 李律师 deleted from the answered and the exclusion lists: consistent, not announced.
    altered = vl.draw(LOTTERY[1]["seed"], LOTTERY[1]["case_id"], ["刘律师", "王律师", "赵律师", "陈律师"],
                      [], ["赵律师"])
    record.write_text(json.dumps(altered, ensure_ascii=False), encoding="utf-8")
    announcement.write_text(json.dumps(ANNOUNCEMENTS[0], ensure_ascii=False), encoding="utf-8")
    assert vl.main([str(record)]) == 0
    assert "self-consistency only" in capsys.readouterr().out
    assert vl.main([str(record), "--announcement", str(announcement)]) == 1
    assert "NOT ANNOUNCED answered" in capsys.readouterr().out


# The outsider's check looped forever on an empty pool and merged duplicates
# with set(), which the specification forbids.
def test_script_stops_on_inputs_the_specification_refuses():
    with pytest.raises(vl.Invalid, match="pool is empty"):
        vl.draw("s", "c", ["a"], ["a"], [])
    with pytest.raises(vl.Invalid, match="duplicate"):
        vl.draw("s", "c", ["a", "a", "b"])
    with pytest.raises(vl.Invalid, match="both"):
        vl.draw("s", "c", ["a", "b", "c"], ["a"], ["a"])
    with pytest.raises(vl.Invalid, match="U\\+000A"):
        vl.draw("s", "c", ["a\nOK", "b"])
    with pytest.raises(vl.Invalid):
        vl.pick("fazhi-lottery-v1", "s", ["c"], 0)


def test_the_ten_lines_stop_on_refused_inputs():
    (snippet,) = doc_blocks("python")
    scope = {}
    exec(snippet, scope)
    with pytest.raises(ValueError, match="empty"):
        scope["draw"]("s", "c", ["a"], ["a"], [])
    with pytest.raises(ValueError, match="duplicate"):
        scope["draw"]("s", "c", ["a", "a", "b"], [], [])


def test_script_says_ok_or_names_the_mismatch(tmp_path, capsys):
    path = tmp_path / "audit.json"
    for record in RECORDS:
        path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        assert vl.main([str(path)]) == 0
    tampered = dict(LOTTERY[1], winner="刘律师")
    path.write_text(json.dumps(tampered, ensure_ascii=False), encoding="utf-8")
    assert vl.main([str(path)]) == 1
    assert "MISMATCH winner" in capsys.readouterr().out


def test_script_draws_from_arguments(capsys):
    r = LOTTERY[1]
    assert vl.main(["--seed", r["seed"], "--case", r["case_id"], "--pool", ",".join(r["answered"]),
                    "--exclude", ",".join(r["conflicts"]), "--at-cap", ",".join(r["at_cap"])]) == 0
    assert json.loads(capsys.readouterr().out) == r


def random_id(rng):
    alphabet = "abcxyz019-_ 张王李赵陈律师所〔〕é😀"
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 6))).strip() or "x"


@pytest.mark.skipif(find_cli() is None, reason="no built fazhi (set FAZHI_CLI)")
def test_library_and_script_agree():
    cli, rng = find_cli(), random.Random(20240603)
    for trial in range(40):
        pool = sorted({random_id(rng) for _ in range(rng.randint(1, 40))})
        excluded = rng.sample(pool, rng.randint(0, len(pool) - 1))
        conflicts, at_cap = excluded[: len(excluded) // 2], excluded[len(excluded) // 2:]
        seed, case_id = f"seed {trial} {random_id(rng)}", f"案{trial}"
        args = [cli, "draw", "--json", "--seed", seed, "--case", case_id, "--pool", ",".join(pool)]
        if conflicts:
            args += ["--exclude", ",".join(conflicts)]
        if at_cap:
            args += ["--at-cap", ",".join(at_cap)]
        out = subprocess.run(args, capture_output=True, text=True, check=True, env=ENGLISH).stdout
        assert json.loads(out) == vl.draw(seed, case_id, pool, conflicts, at_cap)


@pytest.mark.skipif(find_cli() is None, reason="no built fazhi (set FAZHI_CLI)")
def test_library_verifies_what_the_script_computes(tmp_path):
    cli = find_cli()
    for i, record in enumerate(RECORDS):
        path = tmp_path / f"{i}.json"
        path.write_text(json.dumps(vl.recompute(record), ensure_ascii=False), encoding="utf-8")
        done = subprocess.run([cli, "verify", str(path)], capture_output=True, text=True,
                              env=ENGLISH)
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith("OK")
    path = tmp_path / "tampered.json"
    path.write_text(json.dumps(dict(LOTTERY[0], index=2), ensure_ascii=False), encoding="utf-8")
    done = subprocess.run([cli, "verify", str(path)], capture_output=True, text=True, env=ENGLISH)
    assert done.returncode == 1
    assert "index does not match" in done.stderr
