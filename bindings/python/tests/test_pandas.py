"""DataFrames of reports, regions and rejections (pandas is optional: these
tests are skipped with the reason when it is absent, and the last one checks
the binding's message then). Expected values are the Baiyun example's."""

import os
from decimal import Decimal
from fractions import Fraction

import pytest

import fazhi
from conftest import BAIYUN, REPO

try:
    import pandas as pd
except ImportError:  # pragma: no cover - the machine without pandas
    pd = None

needs_pandas = pytest.mark.skipif(pd is None, reason="pandas is not installed "
                                  "(Debian: python3-pandas); to_pandas() is optional")


@pytest.fixture(scope="module")
def ds():
    with fazhi.Dataset.from_dir(BAIYUN) as ds:
        yield ds


@needs_pandas
def test_report_frame_keeps_exact_values_beside_floats(ds):
    with ds.report("440111", 2019) as rep:
        df = rep.to_pandas()
    assert df.index.name == "metric" and len(df) == len(rep)
    win = df.loc["litigation.win_rate"]
    assert win["value"] == Fraction(110, 117) and type(win["value"]) is Fraction
    assert win["value_float"] == pytest.approx(110 / 117)
    assert win["text"] == "94.02%" and win["label"] == "胜诉率" and win["kind"] == "fraction"
    money = df.loc["legal_aid.recovered_amount"]
    assert money["value"] == Decimal("15128000.00") and money["text"] == "1512.8 万元"
    assert df.loc["reconsideration.received", "count"] == 439
    # dtypes: exact figures as objects, the rest nullable.
    assert df["value"].dtype == object
    assert str(df["value_float"].dtype) == "Float64"
    assert str(df["count"].dtype) == "Int64"
    assert str(df["text"].dtype) == "string"
    # A count's float and a rate's count are absent, not 0.
    assert pd.isna(df.loc["litigation.win_rate", "count"])
    undefined = df.loc["legal_aid.pending_over_limit_share"]
    assert undefined["value"] is None and pd.isna(undefined["value_float"])
    assert undefined["reason"]


@needs_pandas
def test_all_reports_frame_is_region_by_metric(ds):
    reports = ds.all_reports(year=2019)
    df = reports.to_pandas()
    assert list(df.index.names) == ["region", "metric"]
    assert df.loc[("440111", "litigation.win_rate"), "value"] == Fraction(110, 117)
    assert df.loc[("440111", "litigation.win_rate"), "region_name"] == "白云区"
    wide = df["count"].unstack()
    assert wide.loc["440111", "reconsideration.received"] == 439
    assert sorted(wide.index) == sorted(reports)  # unstack sorts the codes
    assert wide.loc["440100", "reconsideration.received"] == sum(
        wide.loc[code, "reconsideration.received"] for code in list(reports)[:11])


@needs_pandas
def test_regions_frame(ds):
    df = ds.regions().to_pandas()
    assert df.index.name == "region" and len(df) == 13
    assert df.loc["440111"].tolist() == ["白云区", "district", "440100"]
    assert pd.isna(df.loc["440000", "parent"])


@needs_pandas
def test_rejections_frame():
    path = os.path.join(REPO, "tests", "data", "bad", "date-does-not-exist.reconsideration.csv")
    with fazhi.Dataset.from_csv("reconsideration", path) as bad:
        df = bad.rejections().to_pandas()
    assert len(df) == 1
    row = df.iloc[0]
    assert (row["file"], row["line"], row["column"], row["code"]) == (
        path, 2, "received_date", "invalid_value")
    assert str(df["line"].dtype) == "Int64"
    with fazhi.Dataset.from_dir(BAIYUN) as clean:
        empty = clean.rejections().to_pandas()
    assert len(empty) == 0 and list(empty.columns) == [
        "file", "line", "column", "code", "reason", "raw"]


def test_without_pandas_the_message_says_how_to_get_it(ds, monkeypatch):
    import builtins
    real_import = builtins.__import__

    def no_pandas(name, *args, **kwargs):
        if name == "pandas" or name.startswith("pandas."):
            raise ImportError("No module named 'pandas'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with ds.report("440111", 2019) as rep:
        assert rep["litigation.win_rate"] == Fraction(110, 117)  # the rest works
        with pytest.raises(ImportError, match="python3-pandas"):
            rep.to_pandas()
