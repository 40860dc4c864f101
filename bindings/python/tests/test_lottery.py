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


def doc_blocks():
    with open(DOC, encoding="utf-8") as f:
        return [json.loads(b) for b in re.findall(r"```json\n(.*?)\n```", f.read(), re.S)]


BLOCKS = doc_blocks()
RECORDS = [r for r in BLOCKS if not r["scheme"].endswith("-announcement-v1")]
ANNOUNCEMENTS = [r for r in BLOCKS if r["scheme"].endswith("-announcement-v1")]
DRAWS = [r for r in RECORDS if r["scheme"] == "fazhi-lottery-v1" and r.get("format") == 2]
FORMAT_1 = [r for r in RECORDS if "format" not in r]
SAMPLES = [r for r in RECORDS if r["scheme"] == "fazhi-sample-v1"]


def test_docs_publish_the_vectors():
    assert len(DRAWS) == 4 and len(SAMPLES) == 1 and len(FORMAT_1) == 1
    assert len(ANNOUNCEMENTS) == 2


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


# ---- announcements

def test_announce_matches_the_docs_and_the_draw():
    ann = lottery.announce(case_id=DRAWS[1]["case_id"], pool=DRAWS[1]["answered"],
                           exclude=DRAWS[1]["conflicts"], at_cap=DRAWS[1]["at_cap"])
    assert ann == ANNOUNCEMENTS[0]
    assert ann["announcement_sha256"] == DRAWS[1]["announcement_sha256"]
    assert lottery.verify(DRAWS[1], announcement=ann) == lottery.verify(DRAWS[1])
    assert lottery.verify(FORMAT_1[0], announcement=lottery.to_json(ann))
    s = SAMPLES[0]
    sample_ann = lottery.announce_sample(
        batch_id=s["batch_id"], targets=s["targets"], k=s["k"], inspectors=s["inspectors"],
        m=s["m"], conflicts=[(c["inspector"], c["target"]) for c in s["conflicts"]])
    assert sample_ann == ANNOUNCEMENTS[1]
    assert lottery.verify(s, announcement=sample_ann)


def altered(**lists):
    """Vector 2 drawn again from altered lists: a record consistent with itself."""
    r = DRAWS[1]
    args = dict(pool=r["answered"], exclude=r["conflicts"], at_cap=r["at_cap"])
    args.update(lists)
    return lottery.draw(seed=r["seed"], case_id=r["case_id"], **args)


@pytest.mark.parametrize("record", [
    altered(pool=["刘律师", "李律师", "王律师", "赵律师", "黄律师"]),  # the winner renamed
    altered(exclude=["李律师", "周律师"]),  # an exclusion for someone who never answered
    altered(pool=["刘律师", "王律师", "赵律师", "陈律师"], exclude=[]),  # 李律师 deleted
], ids=["renamed-winner", "phantom-exclusion", "deleted-excluded"])
def test_consistently_altered_records_are_refused_against_the_announcement(record):
    assert lottery.verify(record)  # it agrees with itself ...
    with pytest.raises(fazhi.FailedPrecondition, match="not the announced ones"):
        lottery.verify(record, announcement=ANNOUNCEMENTS[0])  # ... but not with what was announced


def test_an_announcement_must_match_itself():
    with pytest.raises(fazhi.FailedPrecondition, match="does not match itself"):
        lottery.verify(DRAWS[1], announcement=dict(ANNOUNCEMENTS[0], conflicts=["周律师"]))
    with pytest.raises(fazhi.InvalidArgument):
        lottery.verify(DRAWS[1], announcement=dict(ANNOUNCEMENTS[0], seed="s"))


# ---- lists

def test_parse_ids_is_the_commands_parsing():
    assert lottery.parse_ids(' 王律师 , "王，丽" ') == ["王律师", "王，丽"]
    assert lottery.parse_ids("") == []
    assert lottery.parse_ids('\ufeff王律师\r\n# 注释\n"#7号"\n王，丽\n', file=True) == [
        "王律师", "#7号", "王，丽"]
    with pytest.raises(fazhi.InvalidArgument, match="looks like a file name"):
        lottery.parse_ids("conflict.txt")
    with pytest.raises(fazhi.InvalidArgument, match="full-width comma"):
        lottery.parse_ids("王，丽")
    with pytest.raises(fazhi.InvalidArgument, match="NUL"):
        lottery.parse_ids("a\0b", file=True)


def test_read_ids_and_conflicts(tmp_path):
    ids = tmp_path / "answered.txt"
    ids.write_bytes("\ufeffa\r\nb, c\n".encode("utf-8"))
    assert lottery.read_ids(ids) == ["a", "b, c"]
    pairs = tmp_path / "conflicts.txt"
    pairs.write_text("张三,某律所，分所\n李四\t律所,B\n", encoding="utf-8")
    assert lottery.read_conflicts(pairs) == [("张三", "某律所，分所"), ("李四", "律所,B")]
    assert lottery.parse_conflicts("张三:律所A") == [("张三", "律所A")]


def test_ids_with_control_or_decomposed_characters_are_refused():
    with pytest.raises(fazhi.InvalidArgument, match="control character"):
        lottery.draw(seed="s", case_id="c", pool=["a\nOK: x", "b"])
    with pytest.raises(fazhi.InvalidArgument, match="NFC"):
        lottery.draw(seed="s", case_id="c", pool=["José", "b"], exclude=["Jose\u0301"])
    with pytest.raises(fazhi.InvalidArgument, match="both"):
        lottery.draw(seed="s", case_id="c", pool=["a", "b"], exclude=["a"], at_cap=["a"])
