"""The reference report (the published Baiyun District 2019 report) through the Python binding:
data/examples/baiyun-2019, district 440111, 2019, with Baiyun's own profile.
Each expected value is written as the report printed it."""

import datetime
import json
from decimal import Decimal
from fractions import Fraction

import pytest

import fazhi
from conftest import BAIYUN, BAIYUN_PROFILE


@pytest.fixture(scope="module")
def ds():
    with fazhi.Dataset.from_dir(BAIYUN) as ds:
        yield ds


@pytest.fixture(scope="module")
def rep(ds):
    with ds.report(region="440111", year=2019, profile=BAIYUN_PROFILE) as rep:
        yield rep


def test_the_api_md_example(ds):
    rep = ds.report(region="440111", year=2019)
    assert rep["litigation.win_rate"] == Fraction(110, 117)
    assert rep["reconsideration.received"] == 439
    assert rep.text("litigation.win_rate") == "94.02%"
    assert "439" in rep.narrative()
    assert fazhi.calendar.workdays_between(datetime.date(2019, 9, 30),
                                           datetime.date(2019, 10, 8)) == 1


@pytest.mark.parametrize("metric_id, value, text", [
    ("reconsideration.received", 439, "439 件"),
    ("reconsideration.closed", 400, "400 件"),
    ("reconsideration.closed_carried_over", 62, "62 件"),
    ("reconsideration.correction_rate", Fraction(134, 400), "33.5%"),
    ("reconsideration.not_litigated_rate", Fraction(309, 400), "77.25%"),
    ("litigation.received", 282, "282 件"),
    ("litigation.received_first_instance", 147, "147 件"),
    ("litigation.judged_first_instance", 117, "117 件"),
    ("litigation.win_rate", Fraction(110, 117), "94.02%"),
    ("legal_aid.accepted", 3037, "3037 件"),
    ("legal_aid.consultations", 9059, "9059 人次"),
    ("legal_aid.recovered_amount", Decimal("15128000.00"), "1512.8 万元"),
    ("legal_aid.review_workdays_max", Fraction(1), "1 个工作日"),
    ("legal_aid.accepted_rank", 1, "第一"),
    ("registry.law_firm", 53, "53 家"),
    ("registry.lawyer", 512, "512 人"),
    ("registry.mediation_org", 503, "503 个"),
    ("registry.mediator_fulltime.new", 12, "12 名"),
    ("registry.legal_service_platform.new", 32, "32 个"),
    ("registry.notary_point.new", 3, "3 个"),
    ("mediation.received", 12008, "12008 宗"),
    ("mediation.major_group", 125, "125 宗"),
    ("mediation.received_rank", 1, "第一"),
    ("decision.legality_reviews", 1511, "1511 件"),
    ("contract.major_reviews", 90, "90 件"),
    ("contract.sampled", 132, "132 份"),
    ("enforcement.departments_disclosing", 47, "47 个"),
    ("enforcement.disclosed_records", 7376, "7376 条"),
    ("enforcement.discretion_items", 94, "94 条"),
    ("enforcement.exam_takers", 507, "507 人次"),
    ("enforcement.certificates", 246, "246 件"),
    ("staff_exam.pass_rate", Fraction(1), "100%"),
    ("law_education.events", 11837, "11800 余场"),
    ("law_education.materials", 3352410, "335 万余册"),
    ("law_education.audience", 3068500, "近 307 万人次"),
    ("public_lawyer.matters", 270, "270 宗"),
    ("public_lawyer.documents", 187, "187 件"),
    ("public_lawyer.disputes", 24, "24 宗次"),
    ("legal_service.services", 12362, "12362 件"),
    ("village_adviser.services", 8472, "8472 件次"),
    ("law_firm.acceptances", 7, "7 家"),
    ("law_firm.inspections", 2, "2 次"),
])
def test_reference_figure(rep, metric_id, value, text):
    got = rep[metric_id]
    assert got == value
    assert type(got) is type(value)
    assert rep.text(metric_id) == text


@pytest.mark.parametrize("metric_id, previous, yoy_text", [
    ("reconsideration.received", 568, "-22.7%"),
    ("registry.law_firm", 49, "8.1%"),
    ("registry.lawyer", 393, "30.27%"),
    ("legal_service.services", 8957, "38%"),
])
def test_reference_year_on_year(rep, metric_id, previous, yoy_text):
    m = rep.metric(metric_id)
    assert m.previous == previous
    assert m.yoy == Fraction(m.value - previous, previous)
    assert m.yoy_text == yoy_text
    assert m.yoy_pp is None  # a count changes relatively only
    assert m.sequential is None  # a whole year has no 环比


def test_rate_changes_in_percentage_points(rep):
    m = rep.metric("litigation.win_rate")
    assert m.previous == Fraction(97, 112)
    assert m.yoy_pp == Fraction(110, 117) - Fraction(97, 112)
    assert m.yoy_pp_text == "7.41 个百分点"
    assert rep.sequential_period is None


def test_non_year_period_compares_year_ago_and_sequentially(ds):
    rep = ds.report(region="440111", from_=datetime.date(2019, 3, 1), to=datetime.date(2019, 5, 31))
    assert rep.previous_period == (datetime.date(2018, 3, 1), datetime.date(2018, 5, 31))
    assert rep.sequential_period == (datetime.date(2018, 12, 1), datetime.date(2019, 2, 28))
    m = rep.metric("reconsideration.received")
    assert (m.value, m.previous, m.yoy) == (108, 145, Fraction(-37, 145))
    assert m.sequential == fazhi.Comparison(previous=133, previous_text="133 件",
                                            change=Fraction(-25, 133), change_text="-18.8%",
                                            change_pp=None, change_pp_text="")
    win = rep.metric("litigation.win_rate")
    assert win.sequential.change_pp == win.value - win.sequential.previous
    assert win.yoy_pp == win.value - win.previous
    assert "同比下降 25.5%，环比下降 18.8%" in rep.narrative()


def test_money_is_exact_decimal_yuan(rep):
    amount = rep["legal_aid.recovered_amount"]
    assert isinstance(amount, Decimal)
    assert str(amount) == "15128000.00"
    m = rep.metric("legal_aid.recovered_amount")
    assert m.kind == "money" and m.unit == "元" and m.decimal == "15128000.00"
    assert m.previous == Decimal("10019537.29")


def test_rates_are_fractions_and_keep_their_basis(rep):
    m = rep.metric("reconsideration.correction_rate")
    assert m.kind == "fraction"
    assert isinstance(m.value, Fraction)
    assert m.basis == "concluded"
    assert m.label == "综合纠错率"


def test_undefined_is_none_with_a_reason(rep):
    m = rep.metric("legal_aid.pending_over_limit_share")
    assert m.value is None and rep["legal_aid.pending_over_limit_share"] is None
    assert m.kind == "undefined" and m.text == "" and m.reason


def test_metrics_iterate_in_catalogue_order(rep):
    ids = list(rep)
    assert ids[0] == "reconsideration.received"
    assert len(ids) == len(rep) == len(set(ids))
    assert "litigation.win_rate" in rep and "no.such" not in rep
    metrics = list(rep.metrics())
    assert [m.id for m in metrics] == ids
    assert dict(rep.items())["litigation.win_rate"] == Fraction(110, 117)


def test_report_knows_its_region_and_period(rep):
    assert rep.region == "440111"
    assert rep.region_name == "白云区"
    assert rep.period == (datetime.date(2019, 1, 1), datetime.date(2019, 12, 31))
    assert rep.previous_period == (datetime.date(2018, 1, 1), datetime.date(2018, 12, 31))


def test_json_and_narrative(rep):
    doc = json.loads(rep.to_json())
    assert doc == rep.to_dict()
    assert doc["region"] == "440111"
    win = next(m for m in doc["metrics"] if m["id"] == "litigation.win_rate")
    assert win["value"] == {"num": 110, "den": 117, "decimal": "0.9402"}
    text = rep.narrative()
    assert "439 件" in text and "同比下降 22.7%" in text


def test_period_by_dates_equals_the_year(ds):
    a = ds.report("440111", from_=datetime.date(2019, 1, 1), to=datetime.date(2019, 12, 31))
    b = ds.report("440111", 2019)
    assert a.to_json() == b.to_json()


def test_profile_as_a_dict(ds):
    rep = ds.report("440111", 2019, profile={"percent_decimals": 1})
    assert rep.text("litigation.win_rate") == "94.0%"


def test_all_reports_json_roll_up(ds):
    reports = ds.all_reports_json(year=2019)
    by_region = {r["region"]: r for r in reports}
    assert {"440111", "440100", "440000"} <= set(by_region)
    city = {m["id"]: m for m in by_region["440100"]["metrics"]}
    district = {m["id"]: m for m in by_region["440111"]["metrics"]}
    assert city["reconsideration.received"]["value"] >= district["reconsideration.received"]["value"]
