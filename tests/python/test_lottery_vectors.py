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


RECORDS = [json.loads(block) for block in doc_blocks("json")]
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
        out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
        assert json.loads(out) == vl.draw(seed, case_id, pool, conflicts, at_cap)


@pytest.mark.skipif(find_cli() is None, reason="no built fazhi (set FAZHI_CLI)")
def test_library_verifies_what_the_script_computes(tmp_path):
    cli = find_cli()
    for i, record in enumerate(RECORDS):
        path = tmp_path / f"{i}.json"
        path.write_text(json.dumps(vl.recompute(record), ensure_ascii=False), encoding="utf-8")
        done = subprocess.run([cli, "verify", str(path)], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith("OK")
    path = tmp_path / "tampered.json"
    path.write_text(json.dumps(dict(LOTTERY[0], index=2), ensure_ascii=False), encoding="utf-8")
    done = subprocess.run([cli, "verify", str(path)], capture_output=True, text=True)
    assert done.returncode == 1
    assert "index does not match" in done.stderr
