"""fazhi.lottery through libfazhi.so.1: the vectors published in
docs/lottery.md, tampered records, and bad input."""

import json
import os
import re

import pytest

import fazhi
from fazhi import lottery
from conftest import REPO

DOC = os.path.join(REPO, "docs", "lottery.md")


def doc_records():
    with open(DOC, encoding="utf-8") as f:
        return [json.loads(b) for b in re.findall(r"```json\n(.*?)\n```", f.read(), re.S)]


RECORDS = doc_records()
DRAWS = [r for r in RECORDS if r["scheme"] == "fazhi-lottery-v1"]
SAMPLES = [r for r in RECORDS if r["scheme"] == "fazhi-sample-v1"]


def test_docs_publish_the_vectors():
    assert len(DRAWS) == 4 and len(SAMPLES) == 1


@pytest.mark.parametrize("record", DRAWS, ids=lambda r: r["case_id"])
def test_draw_reproduces_each_vector(record):
    audit = lottery.draw(seed=record["seed"], case_id=record["case_id"],
                         pool=list(reversed(record["answered"])),
                         exclude=tuple(record["conflicts"]), at_cap=record["at_cap"])
    assert audit == record
    assert list(audit) == list(record)  # the keys in docs/lottery.md's order


def test_sample_reproduces_the_vector():
    record = SAMPLES[0]
    audit = lottery.sample(seed=record["seed"], batch_id=record["batch_id"],
                           targets=record["targets"], k=record["k"],
                           inspectors=record["inspectors"], m=record["m"],
                           conflicts=[(c["inspector"], c["target"]) for c in record["conflicts"]])
    assert audit == record


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.get("case_id", r.get("batch_id")))
def test_verify_accepts_each_vector_as_dict_and_text(record):
    assert lottery.verify(record)
    assert lottery.verify(lottery.to_json(record)) == lottery.verify(record)


def test_verify_summary_names_the_winner():
    assert "陈律师" in lottery.verify(DRAWS[1])


def test_tampered_winner_is_rejected_naming_the_field():
    record = dict(DRAWS[1], winner="王律师")
    with pytest.raises(fazhi.FailedPrecondition) as e:
        lottery.verify(record)
    assert "winner" in str(e.value)
    assert e.value.status == "FZ_FAILED_PRECONDITION"


def test_tampered_sample_is_rejected():
    record = json.loads(json.dumps(SAMPLES[0]))
    record["draws"][0]["team"][1]["inspector"] = "李四"
    with pytest.raises(fazhi.FailedPrecondition):
        lottery.verify(record)


def test_unreadable_record_is_invalid():
    with pytest.raises(fazhi.InvalidArgument):
        lottery.verify("{")
    with pytest.raises(fazhi.InvalidArgument):
        lottery.verify(dict(DRAWS[0], extra=1))


def test_draw_errors():
    with pytest.raises(fazhi.InvalidArgument, match="seed"):
        lottery.draw(seed="", case_id="c", pool=["a"])
    with pytest.raises(fazhi.InvalidArgument, match="duplicate"):
        lottery.draw(seed="s", case_id="c", pool=["a", "a"])
    with pytest.raises(fazhi.InvalidArgument):
        lottery.draw(seed="s", case_id="c", pool=[])
    with pytest.raises(fazhi.FailedPrecondition, match="empty"):
        lottery.draw(seed="s", case_id="c", pool=["a", "b"], exclude=["a"], at_cap=["b"])
    with pytest.raises(fazhi.InvalidArgument, match="UTF-8"):
        lottery.draw(seed="s", case_id="c", pool=["a", "\udcff"])
    with pytest.raises(TypeError):
        lottery.draw(seed="s", case_id="c", pool="abc")
    # A ValueError for callers that catch the built-in one.
    with pytest.raises(ValueError):
        lottery.draw(seed="s", case_id="", pool=["a"])


def test_sample_errors():
    with pytest.raises(fazhi.InvalidArgument):
        lottery.sample(seed="s", targets=["A"], k=2, inspectors=["x"], m=1)
    with pytest.raises(fazhi.InvalidArgument):
        lottery.sample(seed="s", targets=["A"], k=1, inspectors=["x"], m=0)
    with pytest.raises(fazhi.FailedPrecondition, match="A"):
        lottery.sample(seed="s", targets=["A"], k=1, inspectors=["x"], m=1,
                       conflicts=[("x", "A")])
    with pytest.raises(ValueError):
        lottery.sample(seed="s", targets=["A"], k=1, inspectors=["x"], m=1, conflicts=[("x",)])


def test_report_fairness_figures_of_baiyun():
    from fractions import Fraction
    from conftest import BAIYUN
    with fazhi.Dataset.from_dir(BAIYUN) as ds, ds.report(region="440111", year=2019) as rep:
        assert rep["legal_aid.lottery_assignments"] == 2422
        assert rep["legal_aid.lottery_lawyers"] == 60
        assert (rep["legal_aid.lottery_min"], rep["legal_aid.lottery_max"]) == (29, 56)
        assert rep["legal_aid.lottery_mean"] == Fraction(2422, 60)
        mean = rep.metric("legal_aid.lottery_mean")
        assert mean.kind == "number" and mean.text == "40.3667 件"
        assert rep["legal_aid.lottery_cv"] == Fraction(1414, 10000)
        assert rep.text("legal_aid.lottery_chi2_p") == "0.8348"
        assert "分配均衡性检验 p=0.8348" in rep.narrative()
