"""What a dataset holds, as typed Python values: the regions it reports on,
its rejected rows with their codes, and every region's report as a mapping.
Expected values are the Baiyun example's (data/examples/baiyun-2019) and the
bad corpus's (tests/data/bad)."""

import gc
import os
from decimal import Decimal
from fractions import Fraction

import pytest

import fazhi
from conftest import BAIYUN, REPO

BAD = os.path.join(REPO, "tests", "data", "bad")

DISTRICTS = [("440103", "荔湾区"), ("440104", "越秀区"), ("440105", "海珠区"), ("440106", "天河区"),
             ("440111", "白云区"), ("440112", "黄埔区"), ("440113", "番禺区"), ("440114", "花都区"),
             ("440115", "南沙区"), ("440117", "从化区"), ("440118", "增城区")]


@pytest.fixture(scope="module")
def ds():
    with fazhi.Dataset.from_dir(BAIYUN) as ds:
        yield ds


def test_regions_are_districts_then_city_then_province(ds):
    regions = ds.regions()
    assert len(regions) == 13
    assert [(r.code, r.name) for r in regions[:11]] == DISTRICTS
    assert regions[4] == fazhi.Region(code="440111", name="白云区", level="district",
                                      parent="440100")
    assert regions[11] == fazhi.Region(code="440100", name="广州市", level="city",
                                       parent="440000")
    assert regions[12] == fazhi.Region(code="440000", name="广东省", level="province",
                                       parent=None)
    assert regions.codes()[-2:] == ["440100", "440000"]


def test_a_region_without_a_name_has_none():
    with fazhi.Dataset() as ds:
        ds.add_registry(kind="law_firm", entity_id="F-1", region="110105",
                        start_date="2018-01-01")
        assert [(r.code, r.name, r.level) for r in ds.regions()] == [
            ("110105", None, "district"), ("110100", None, "city"), ("110000", None, "province")]
    with fazhi.Dataset() as empty:
        assert empty.regions() == []


def test_all_reports_is_a_mapping_of_typed_reports(ds):
    reports = ds.all_reports(year=2019)
    assert list(reports) == ds.regions().codes()
    assert len(reports) == 13
    baiyun = reports["440111"]
    assert isinstance(baiyun, fazhi.Report)
    assert baiyun.region_name == "白云区"
    assert baiyun["litigation.win_rate"] == Fraction(110, 117)
    assert baiyun["legal_aid.recovered_amount"] == Decimal("15128000.00")
    assert baiyun.text("legal_aid.recovered_amount") == "1512.8 万元"
    # The same figures as a report computed alone.
    with ds.report("440111", 2019) as alone:
        assert baiyun.to_json() == alone.to_json()
    # The city rolls up its districts.
    city = reports["440100"]
    assert city["reconsideration.received"] == sum(
        reports[code]["reconsideration.received"] for code, _ in DISTRICTS)
    with pytest.raises(KeyError, match="440111"):
        reports["440999"]


def test_all_reports_outlive_the_mapping_and_the_dataset():
    ds = fazhi.Dataset.from_dir(BAIYUN)
    baiyun = ds.all_reports(year=2019)["440111"]
    del ds
    gc.collect()
    assert baiyun["litigation.win_rate"] == Fraction(110, 117)


def test_all_reports_json_is_still_there(ds):
    docs = ds.all_reports_json(year=2019)
    assert [d["region"] for d in docs] == ds.regions().codes()


def test_metrics_are_a_sequence(ds):
    with ds.report("440111", 2019) as rep:
        metrics = rep.metrics()
        assert len(metrics) == len(rep)
        assert metrics[0].id == "reconsideration.received" and metrics[0].value == 439
        assert metrics[-1].id == list(rep)[-1]


@pytest.mark.parametrize("file, kind, line, column, code", [
    ("csv-unterminated-quote.mediation.csv", "mediation", 3, "case_id", "malformed"),
    ("encoding-bad-utf8-row.mediation.csv", "mediation", 2, None, "encoding"),
    ("required-case-id-empty.mediation.csv", "mediation", 2, "case_id", "missing"),
    ("date-does-not-exist.reconsideration.csv", "reconsideration", 2, "received_date",
     "invalid_value"),
    ("date-closed-before-received.reconsideration.csv", "reconsideration", 2, "closed_date",
     "inconsistent"),
    ("duplicate-case-id.litigation.csv", "litigation", 3, "case_id", "duplicate"),
])
def test_rejections_have_a_code(file, kind, line, column, code):
    path = os.path.join(BAD, file)
    with fazhi.Dataset.from_csv(kind, path) as ds:
        [r] = ds.rejections()
        assert (r.file, r.line, r.column, r.code) == (path, line, column, code)
        assert r.reason and r.raw
        # The same rows as the JSON, field for field.
        [j] = ds.rejects()
        assert (j["file"], j["line"], j["column"] or None, j["reason"], j["raw"]) == (
            r.file, r.line, r.column, r.reason, r.raw)


def test_rejected_adds_have_codes():
    with fazhi.Dataset() as ds:
        ds.add_mediation(case_id="M-1", region="440111", received_date="2019-03-04")
        with pytest.raises(fazhi.InvalidArgument):
            ds.add_mediation(case_id="M-2", region="440111", received_date="2019-02-30")
        with pytest.raises(fazhi.InvalidArgument):
            ds.add_mediation(case_id="M-1", region="440111", received_date="2019-03-05")
        assert [(r.file, r.line, r.code) for r in ds.rejections()] == [
            ("<add:mediation>", 2, "invalid_value"), ("<add:mediation>", 3, "duplicate")]
        assert ds.summary().kinds["mediation"] == fazhi.KindCounts(3, 1, 2)
