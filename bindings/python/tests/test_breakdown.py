"""Breakdowns from Python (fazhi.Breakdown): the county example's published
split (151 = 140 county departments + 11 townships, 92.72% / 7.28%), a rate's
change in 个百分点 on the Baiyun example, folding into 其他, the national
level, errors, and the DataFrame (skipped with the reason without pandas)."""

import os
from fractions import Fraction

import pytest

import fazhi
from conftest import BAIYUN, BAIYUN_PROFILE, REPO

COUNTY = os.path.join(REPO, "data", "examples", "county-2024")

try:
    import pandas as pd
except ImportError:  # pragma: no cover - the machine without pandas
    pd = None

needs_pandas = pytest.mark.skipif(pd is None, reason="pandas is not installed "
                                  "(Debian: python3-pandas); to_pandas() is optional")


@pytest.fixture(scope="module")
def county():
    with fazhi.Dataset.from_dir(COUNTY) as ds:
        yield ds


def test_respondent_level_is_the_published_split(county):
    b = county.breakdown("reconsideration.received", by="respondent_level", region="441881",
                         year=2024)
    assert (b.metric, b.by, b.label, b.additive) == (
        "reconsideration.received", "respondent_level", "按被申请人类型", True)
    assert len(b) == 2
    top, town = b
    assert (top.key, top.label, top.value, top.share) == ("county_dept", "县级政府部门", 140,
                                                          Fraction(140, 151))
    assert top.text == "140 件（92.72%）" and top.rank == 1
    assert (town.key, town.value, town.text) == ("township", 11, "11 件（7.28%）")
    assert b.total.value == 151 and b.total.label == "合计" and b.total.key is None
    assert sum(r.value for r in b) == b.total.value
    assert b.to_json()["rows"][0]["share"]["decimal"] == "0.9272"


def test_empty_values_are_a_row(county):
    b = county.breakdown("litigation.received", by="head_principal", region="441881", year=2024)
    assert [(r.key, r.value) for r in b] == [("false", 26), ("true", 9), (None, 5)]
    assert b.row(None).label == "未填"


def test_fold_into_other(county):
    b = county.breakdown("reconsideration.received", by="act_type", region="441881", year=2024)
    f = b.fold(3)
    assert [r.key for r in f] == ["complaint", "penalty", "information_disclosure", "*other"]
    other = f[-1]
    assert (other.label, other.value, other.share, other.rank) == ("其他", 20, Fraction(20, 151),
                                                                   None)


def test_national_is_every_record_by_province(county):
    b = county.breakdown("reconsideration.received", by="region", region="000000", year=2024)
    assert [(r.key, r.label, r.value) for r in b] == [("440000", "广东省", 151)]


def test_a_rate_changes_in_points():
    with fazhi.Dataset.from_dir(BAIYUN) as ds:
        rep = ds.report("440111", 2019, profile=BAIYUN_PROFILE)
        b = rep.breakdown("reconsideration.correction_rate", "category", profile=BAIYUN_PROFILE)
        top = b[0]
        assert top.key == "城乡建设"
        assert top.value == Fraction(19, 36) and (top.numerator, top.denominator) == (19, 36)
        assert top.previous == Fraction(15, 46)
        assert top.change_pp == Fraction(19, 36) - Fraction(15, 46)
        assert top.change is None and top.share is None
        assert top.change_text == "20.17 个百分点"


def test_errors_name_the_call(county):
    with pytest.raises(fazhi.InvalidArgument, match="fz_breakdown_compute|breakdown"):
        county.breakdown("reconsideration.received", by="org_type", region="441881", year=2024)
    with pytest.raises(fazhi.NotFound):
        county.breakdown("reconsideration.received", by="act_type", region="440111", year=2024)


@needs_pandas
def test_frame_keeps_exact_values_beside_floats(county):
    b = county.breakdown("reconsideration.received", by="respondent_level", region="441881",
                         year=2024)
    df = b.to_pandas()
    assert list(df["key"]) == ["county_dept", "township"]
    assert str(df["count"].dtype) == "Int64" and list(df["count"]) == [140, 11]
    assert df["share"][0] == Fraction(140, 151)
    assert df["share_float"][0] == pytest.approx(140 / 151)
    assert str(df["share_float"].dtype) == "Float64"
    assert df["change"].isna().all() or df["change"][0] is None
    rate = county.breakdown("litigation.head_appearance_rate", by="head_principal",
                            region="441881", year=2024).to_pandas()
    assert rate["count"].isna().all()
    assert str(rate["numerator"].dtype) == "Int64"
