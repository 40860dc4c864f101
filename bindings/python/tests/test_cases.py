"""Case lists, follow-up lists and department tables through the Python
binding, on the Baiyun example: the lists are as long as the figures, the
reasons cite the days, the assessment traces its deductions."""

import json
import os
from fractions import Fraction

import pytest

import fazhi
from conftest import BAIYUN, REPO

ASSESSMENT = os.path.join(REPO, "data", "examples", "assessment-county.json")


@pytest.fixture(scope="module")
def ds():
    with fazhi.Dataset.from_dir(BAIYUN) as ds:
        yield ds


def test_a_count_list_has_as_many_records_as_the_figure(ds):
    rep = ds.report(region="440111", year=2019)
    late = fazhi.case_list(ds, "440111", "reconsideration.overdue", year=2019)
    assert len(late) == rep["reconsideration.overdue"] == 17
    assert late[0].case_id == "云府行复〔2019〕28号"
    assert late[0].reason == "2019-01-21 受理，审理期限 2019-03-22 届满，2019-04-04 办结，逾期 13 日"
    assert late[0].kind == "reconsideration"
    assert late[0].columns["closed_date"] == "2019-04-04"


def test_a_rates_parts_are_its_numerator_and_denominator(ds):
    rep = ds.report(region="440111", year=2019)
    num = fazhi.case_list(ds, "440111", "litigation.win_rate", year=2019, part="numerator")
    den = fazhi.case_list(ds, "440111", "litigation.win_rate", year=2019, part="denominator")
    assert Fraction(len(num), len(den)) == rep["litigation.win_rate"] == Fraction(110, 117)
    assert json.loads(num.to_json())["count"] == 110
    assert num.to_csv().splitlines()[0].startswith("kind,case_id,region,reason,")


def test_a_rate_without_its_part_is_an_error(ds):
    with pytest.raises(fazhi.InvalidArgument):
        fazhi.case_list(ds, "440111", "litigation.win_rate", year=2019)


def test_follow_up_lists(ds):
    names = [f["name"] for f in fazhi.follow_up_names()]
    assert "late_defences" in names and "hearings_without_head" in names
    late = fazhi.follow_up(ds, "440111", "late_defences", year=2019)
    assert late.follow_up == "late_defences"
    assert any("逾期 7 日" in c.reason for c in late)
    with pytest.raises(fazhi.InvalidArgument):
        fazhi.follow_up(ds, "440111", "no_such_list", year=2019)


def test_departments_and_assessment(ds):
    t = fazhi.departments(ds, "440111", year=2019, profile=ASSESSMENT)
    assert t["full_score"] == "10"
    d = next(d for d in t["departments"] if d["name"] == "广州市白云区松洲街道办事处")
    assert d["score"] == "7"
    assert d["deductions"][0]["cases"] == ["（2019）粤71行终976号", "（2019）粤71行终1108号"]


def test_to_pandas(ds):
    pandas = pytest.importorskip("pandas")
    frame = fazhi.case_list(ds, "440111", "reconsideration.overdue", year=2019).to_pandas()
    assert isinstance(frame, pandas.DataFrame)
    assert len(frame) == 17
    assert list(frame.columns[:5]) == ["kind", "case_id", "region", "reason", "times"]
    table = fazhi.departments_frame(fazhi.departments(ds, "440111", year=2019, profile=ASSESSMENT))
    assert "litigation.loss_rate" in table.columns


def test_a_dataset_loaded_without_ids_has_the_same_lists_unnamed():
    with fazhi.Dataset.from_dir(BAIYUN, keep_ids=False) as bare:
        late = fazhi.case_list(bare, "440111", "reconsideration.overdue", year=2019)
        assert len(late) == 17
        assert late[0].case_id == ""
        assert late[0].reason == "2019-01-21 受理，审理期限 2019-03-22 届满，2019-04-04 办结，逾期 13 日"
        assert bare.report(region="440111", year=2019)["litigation.win_rate"] == Fraction(110, 117)


def test_a_breakdown_rows_list_has_as_many_records_as_the_row(ds):
    b = ds.breakdown("reconsideration.received", "category", "440111", year=2019)
    total = 0
    for row in b.rows:
        l = fazhi.case_list(ds, "440111", "reconsideration.received", year=2019, by="category",
                            key=row.key)
        assert len(l) == row.value, row.label
        assert (l.by, l.key, l.label) == ("category", row.key, row.label)
        total += len(l)
    assert total == 439
    police = fazhi.case_list(ds, "440111", "reconsideration.received", year=2019, by="category",
                             key="公安")
    assert len(police) == 135
    assert police[0].case_id == "云府行复〔2019〕4号"
    assert all(c.columns["category"] == "公安" for c in police)
    assert json.loads(police.to_json())["key"] == "公安"


def test_a_breakdown_rows_rate_parts_month_unfilled_and_other(ds):
    heads = fazhi.case_list(ds, "440111", "litigation.head_appearance_rate", year=2019,
                            part="numerator", by="category", key="公安")
    assert len(heads) == 24
    conclusion = fazhi.case_list(ds, "440111", "reconsideration.conclusion_rate", year=2019,
                                 part="denominator", by="category", key="公安")
    assert (len(conclusion), conclusion.count()) == (157, 159)
    unfilled = fazhi.case_list(ds, "440111", "mediation.received", year=2019, by="category", key=None)
    assert (len(unfilled), unfilled.key, unfilled.label) == (2352, None, "未填")
    march = fazhi.case_list(ds, "440111", "reconsideration.received", year=2019, by="month",
                            key="2019-03")
    assert len(march) == 29
    other = fazhi.case_list(ds, "440111", "reconsideration.received", year=2019, by="category",
                            key="*other", top=5)
    assert (len(other), other.label) == (125, "其他")


def test_a_key_that_is_no_row_is_an_error(ds):
    with pytest.raises(fazhi.InvalidArgument, match="no row"):
        fazhi.case_list(ds, "440111", "reconsideration.received", year=2019, by="category",
                        key="无此类别")
    with pytest.raises(fazhi.InvalidArgument, match="no dimension"):
        fazhi.case_list(ds, "440111", "reconsideration.received", year=2019, by="defendant", key="x")
    with pytest.raises(fazhi.InvalidArgument):
        fazhi.case_list(ds, "440111", "reconsideration.received", year=2019, by="category")
    with pytest.raises(fazhi.InvalidArgument):
        fazhi.case_list(ds, "440111", "reconsideration.received", year=2019, key="公安")
