"""Series and cross-tables from Python (fazhi.Series, fazhi.CrossTable): the
months of a flow add up to the year's figure (Baiyun's 439 reconsideration
cases), a rate's quarters pool to the year's 110/117, the county example's
cross-table of respondent level by act type has cells that add up to its
published margins (140 + 11 = 151), and the DataFrames (skipped with the
reason without pandas)."""

import datetime
import os
from fractions import Fraction

import pytest

import fazhi
from conftest import BAIYUN, REPO

COUNTY = os.path.join(REPO, "data", "examples", "county-2024")

try:
    import pandas as pd
except ImportError:  # pragma: no cover - the machine without pandas
    pd = None

needs_pandas = pytest.mark.skipif(pd is None, reason="pandas is not installed "
                                  "(Debian: python3-pandas); to_pandas() is optional")


@pytest.fixture(scope="module")
def baiyun():
    with fazhi.Dataset.from_dir(BAIYUN) as ds:
        yield ds


@pytest.fixture(scope="module")
def county():
    with fazhi.Dataset.from_dir(COUNTY) as ds:
        yield ds


def test_the_months_of_a_flow_add_up_to_the_year(baiyun):
    s = baiyun.series("reconsideration.received", "440111", year=2019)
    rep = baiyun.report(region="440111", year=2019)
    assert (s.metric, s.by, s.label, s.unit) == ("reconsideration.received", "month",
                                                 "收到行政复议申请", "件")
    assert [p.period for p in s] == ["2019-%02d" % m for m in range(1, 13)]
    first = s[0]
    assert (first.value, first.previous, first.text) == (47, 40, "47 件")
    assert (first.from_, first.to) == (datetime.date(2019, 1, 1), datetime.date(2019, 1, 31))
    assert sum(p.value for p in s) == rep["reconsideration.received"] == 439
    assert sum(p.previous for p in s) == rep.metric("reconsideration.received").previous
    assert s.to_json()["points"][0] == {"period": "2019-01", "value": 47, "previous": 40}


def test_a_rates_quarters_pool_to_the_years_rate(baiyun):
    s = baiyun.series("litigation.win_rate", "440111", year=2019, by="quarter")
    assert [p.period for p in s] == ["2019-Q1", "2019-Q2", "2019-Q3", "2019-Q4"]
    assert all(isinstance(p.value, Fraction) for p in s)
    assert (sum(p.numerator for p in s), sum(p.denominator for p in s)) == (110, 117)
    assert s[0].text == "100.00%"


def test_report_shortcuts(baiyun):
    rep = baiyun.report(region="440111", year=2019)
    s = rep.series("reconsideration.received", "quarter")
    assert [p.value for p in s] == [107, 108, 114, 110]
    assert sum(p.value for p in s) == 439


def test_a_report_of_all_reports_points_to_the_dataset_call(baiyun):
    rep = baiyun.all_reports(year=2019)["440111"]
    with pytest.raises(fazhi.InvalidArgument, match="Dataset.series"):
        rep.series("reconsideration.received")
    with pytest.raises(fazhi.InvalidArgument, match="Dataset.breakdown"):
        rep.breakdown("reconsideration.received", "category")


def test_cross_table_cells_add_up_to_the_margins(county):
    t = county.cross_table("reconsideration.received", "respondent_level", "act_type", "441881",
                           year=2024)
    assert (t.metric, t.rows_by, t.columns_by, t.shape) == (
        "reconsideration.received", "respondent_level", "act_type", (2, 6))
    assert [r.label for r in t.rows] == ["县级政府部门", "乡镇人民政府"]
    assert [r.value for r in t.rows] == [140, 11]
    assert t.rows[0].share == Fraction(140, 151)
    assert t.columns[0].label == "举报投诉处理" and t.columns[0].value == 75
    assert [[c.value for c in line] for line in t.cells] == [[66, 40, 15, 8, 6, 5], [9, 0, 1, 0, 1, 0]]
    for i, r in enumerate(t.rows):
        assert sum(t.cell(i, j) for j in range(len(t.columns))) == r.value
    for j, c in enumerate(t.columns):
        assert sum(t.cell(i, j) for i in range(len(t.rows))) == c.value
    assert t.total == 151 and t.total_cell.text == "151 件"
    assert t.to_json()["cells"][1] == [9, 0, 1, 0, 1, 0]


def test_errors_name_the_problem(baiyun, county):
    with pytest.raises(fazhi.InvalidArgument, match="week"):
        baiyun.series("reconsideration.received", "440111", year=2019, by="week")
    with pytest.raises(fazhi.NotFound):
        baiyun.series("reconsideration.received", "441881", year=2019)
    with pytest.raises(fazhi.InvalidArgument):
        county.cross_table("reconsideration.received", "month", "act_type", "441881", year=2024)


@needs_pandas
def test_series_frame(baiyun):
    frame = baiyun.series("litigation.win_rate", "440111", year=2019, by="quarter").to_pandas()
    assert list(frame.index) == ["2019-Q1", "2019-Q2", "2019-Q3", "2019-Q4"]
    assert str(frame["value_float"].dtype) == "Float64"
    assert str(frame["numerator"].dtype) == "Int64"
    assert frame["count"].isna().all()  # a rate has no count
    assert isinstance(frame["value"].iloc[0], Fraction)
    counts = baiyun.series("reconsideration.received", "440111", year=2019).to_pandas()
    assert str(counts["count"].dtype) == "Int64" and int(counts["count"].sum()) == 439


@needs_pandas
def test_cross_table_frame(county):
    frame = county.cross_table("reconsideration.received", "respondent_level", "act_type",
                               "441881", year=2024).to_pandas()
    assert len(frame) == 12
    assert str(frame["count"].dtype) == "Int64"
    wide = frame.pivot(index="row_label", columns="column_label", values="count")
    assert int(wide.loc["县级政府部门", "举报投诉处理"]) == 66
    assert int(frame["count"].sum()) == 151
