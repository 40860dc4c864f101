"""`fazhi metrics` prints the metric catalogue (docs/metrics.md) in each format,
and `fazhi docs` writes the committed generated documents of docs/.

Run with:  /usr/bin/python3 -m pytest tests/python
"""

import json
import os
import subprocess

import pytest

from locale_env import ENGLISH

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FAZHI = os.path.join(os.environ.get("FAZHI_BUILD_DIR") or os.path.join(REPO, "build"), "fazhi")


def run(*args):
    if not os.path.exists(FAZHI):
        pytest.skip("no fazhi binary at " + FAZHI)
    p = subprocess.run([FAZHI, *args], capture_output=True, env=ENGLISH)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def test_metrics_json_is_the_catalogue():
    code, out, _ = run("metrics", "--format", "json")
    assert code == 0
    metrics = json.loads(out)
    first = metrics[0]
    assert first["id"] == "reconsideration.received"
    assert first["label"] == "收到行政复议申请"
    assert first["unit"] == "件"
    assert first["family"] == "reconsideration"
    assert first["kind"] == "count"
    assert first["yoy"] is True
    assert first["definition"].startswith("Applications received in P")
    ids = [m["id"] for m in metrics]
    assert len(ids) == len(set(ids))
    assert "litigation.win_rate" in ids and "staff_exam.pass_rate" in ids
    assert all(m["definition"] for m in metrics)


def test_metrics_text_is_one_metric_a_line():
    code, out, _ = run("metrics")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "reconsideration.received\t收到行政复议申请\t件\tcount"
    _, as_json, _ = run("metrics", "--format", "json")
    assert len(lines) == len(json.loads(as_json))


@pytest.mark.parametrize("args,doc", [(["metrics", "--format", "markdown"], "metrics.md"),
                                      (["docs", "data"], "data.md"),
                                      (["docs", "profile"], "profile.md"),
                                      (["docs", "metrics"], "metrics.md")])
def test_the_command_writes_the_committed_document(args, doc):
    code, out, _ = run(*args)
    assert code == 0
    with open(os.path.join(REPO, "docs", doc), encoding="utf-8") as f:
        assert out == f.read()


def test_a_bad_format_is_a_usage_error():
    code, out, err = run("metrics", "--format", "yaml")
    assert code == 2 and out == ""
    assert "--format is text, json or markdown" in err
    code, _, err = run("docs", "nothing")
    assert code == 2 and "docs writes one document" in err
