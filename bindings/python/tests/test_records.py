"""Records handed over one at a time with Python types, and CSV buffers."""

import datetime
from decimal import Decimal
from fractions import Fraction

import pytest

import fazhi

D = datetime.date


def test_records_in_python_types_make_a_report():
    with fazhi.Dataset() as ds:
        ds.add_regions(region="440111", name="白云区")
        ds.add_reconsideration(case_id="R-1", region="440111", received_date=D(2019, 3, 1),
                               accepted_date=D(2019, 3, 4), closed_date=D(2019, 4, 19),
                               disposition="撤销", litigated=False, suspended_days=0)
        ds.add_reconsideration(case_id="R-2", region="440111", received_date="2019年5月6日",
                               accepted_date=D(2019, 5, 7), closed_date=D(2019, 6, 28),
                               disposition="upheld", litigated=None)
        ds.add_litigation(case_id="（2019）粤7101行初1号", region="440111",
                          filed_date=D(2019, 2, 18), instance="一审", closed_date=D(2019, 6, 20),
                          outcome="判决驳回诉讼请求", hearing_held=True, head_appeared=True)
        ds.add_legal_aid(case_id="A-1", region="440111", applied_date=D(2019, 4, 8),
                         decided_date=D(2019, 4, 9), decision="granted",
                         accepted_date=D(2019, 4, 9), closed_date=D(2019, 8, 1),
                         recovered_amount=Decimal("25000.50"), commitment=True)
        ds.add_legal_aid(case_id="A-2", region="440111", applied_date=D(2019, 4, 8),
                         closed_date=D(2019, 9, 2), recovered_amount="1.5万")
        ds.add_mediation(case_id="M-1", region="440111", received_date=D(2019, 3, 4),
                         closed_date=D(2019, 3, 4), outcome="调解成功", major_group=True)
        ds.add_registry(kind="律师", entity_id="L-1", region="440111", start_date=D(2012, 1, 1))
        ds.add_activity(region="440111", date=D(2019, 6, 30), indicator="law_education.events",
                        value=11837)
        s = ds.summary()
        assert (s.rows_read, s.rows_accepted, s.rows_rejected) == (9, 9, 0)
        assert (s.rows_added, s.rows_added_rejected) == (9, 0)
        assert s.kinds["legal_aid"].rows_accepted == 2
        with ds.report(region="440111", year=2019) as rep:
            assert rep.region_name == "白云区"
            assert rep["reconsideration.received"] == 2
            assert rep["reconsideration.correction_rate"] == Fraction(1, 2)
            assert rep["reconsideration.not_litigated_rate"] == Fraction(1, 1)
            assert rep["litigation.win_rate"] == Fraction(1, 1)
            assert rep["legal_aid.recovered_amount"] == Decimal("40000.50")
            assert rep["legal_aid.commitment_share"] == Fraction(1, 1)
            assert rep["mediation.major_group"] == 1
            assert rep["registry.lawyer"] == 1
            assert rep["law_education.events"] == 11837


def test_bad_record_names_the_field_and_is_not_kept():
    ds = fazhi.Dataset()
    with pytest.raises(fazhi.InvalidArgument) as e:
        ds.add_reconsideration(case_id="R-1", region="440111", received_date="2019-02-30")
    assert "received_date" in str(e.value) and "2019-02-30" in str(e.value)
    with pytest.raises(fazhi.InvalidArgument) as e:
        ds.add_litigation(case_id="L", region="440111", filed_date=D(2019, 1, 2))
    assert "instance" in str(e.value)
    ds.add_reconsideration(case_id="R-1", region="440111", received_date=D(2019, 2, 28))
    with pytest.raises(fazhi.InvalidArgument, match="case_id"):
        ds.add_reconsideration(case_id="R-1", region="440111", received_date=D(2019, 3, 1))
    with ds.report("440111", 2019) as rep:
        assert rep["reconsideration.received"] == 1


def test_buffer_with_a_bad_row_is_rejected_with_file_line_column():
    csv = ("案件编号,区划代码,收到日期\n"
           "B-1,440111,2019-03-05\n"
           "B-2,440111,2019-02-30\n")
    ds = fazhi.Dataset.from_buffer("reconsideration", csv)
    s = ds.summary()
    assert (s.files, s.rows_read, s.rows_accepted, s.rows_rejected) == (1, 2, 1, 1)
    assert s.kinds["reconsideration"] == fazhi.KindCounts(2, 1, 1)
    [bad] = ds.rejects()
    assert bad["file"] == "<buffer:reconsideration>"
    assert bad["line"] == 3
    assert bad["column"] == "received_date"
    assert "2019-02-30" in bad["reason"]


def test_gb18030_buffer_loads():
    csv = "区划代码,名称\n440111,白云区\n".encode("gb18030")
    ds = fazhi.Dataset.from_buffer("regions", csv)
    assert ds.summary().rows_accepted == 1
    assert any("GB18030" in n for n in ds.notices())


def test_load_csv_and_notices(tmp_path):
    from conftest import ROLLUP
    ds = fazhi.Dataset.from_csv("mediation", ROLLUP + "/mediation.csv")
    assert ds.summary().kinds["mediation"].rows_accepted > 0
    (tmp_path / "notes.txt").write_text("not a record file")
    (tmp_path / "regions.csv").write_text("region,name\n440111,白云区\n")
    summary = fazhi.Dataset().load_dir(tmp_path)
    assert summary.notices == 1 and summary.kinds["regions"].rows_accepted == 1


def test_whole_numbers_beyond_the_c_field_are_refused_not_cut():
    # ctypes would keep the low bits: 2**64 + 5 would be stored as 5.
    ds = fazhi.Dataset()
    with pytest.raises(fazhi.OutOfRange, match="64-bit"):
        ds.add_activity(region="440111", date=D(2019, 6, 30), indicator="law_education.events",
                        value=2**64 + 5)
    with pytest.raises(fazhi.OutOfRange, match="32-bit"):
        ds.add_reconsideration(case_id="R-1", region="440111", received_date=D(2019, 3, 1),
                               suspended_days=2**32 + 3)
    with pytest.raises(fazhi.OutOfRange, match="32-bit"):
        fazhi.Dataset(threads=2**32 + 1)


def test_sums_past_64_bits_are_undefined_not_wrapped():
    # Eleven tallies of 922337203685477580 pass INT64_MAX (they wrapped to
    # -8301034833169298236); two amounts near it, 0.98 元. Ten fit exactly.
    with fazhi.Dataset() as ds:
        for region, n in (("440111", 11), ("440112", 10)):
            for _ in range(n):
                ds.add_activity(region=region, date=D(2019, 6, 30),
                                indicator="law_education.events", value=922337203685477580)
        for case_id in ("A-1", "A-2"):
            ds.add_legal_aid(case_id=case_id, region="440111", applied_date=D(2019, 4, 8),
                             closed_date=D(2019, 9, 2),
                             recovered_amount=Decimal("92233720368547758.07"))
        with ds.report(region="440112", year=2019) as rep:
            assert rep["law_education.events"] == 9223372036854775800
        for region in ("440111", "440100"):
            with ds.report(region=region, year=2019) as rep:
                for metric_id in ("law_education.events", "legal_aid.recovered_amount"):
                    m = rep.metric(metric_id)
                    assert m.value is None and "9223372036854775807" in m.reason, (region, m)


def test_adds_are_counted_and_a_failed_add_leaves_a_rejection():
    with fazhi.Dataset() as ds:
        ds.add_mediation(case_id="M-1", region="440111", received_date=D(2019, 3, 4))
        with pytest.raises(fazhi.InvalidArgument):
            ds.add_mediation(case_id="M-2", region="440111", received_date="2019-02-30")
        with pytest.raises(fazhi.InvalidArgument):
            ds.add_mediation(case_id="M-1", region="440111", received_date=D(2019, 3, 5))
        with pytest.raises(fazhi.InvalidArgument):
            ds.add_mediation(case_id="M-3", region="440111", received_date=D(2019, 3, 5),
                             outcome="no such outcome")
        s = ds.summary()
        assert (s.rows_read, s.rows_accepted, s.rows_rejected) == (4, 1, 3)
        assert s.kinds["mediation"].rows_rejected == 3
        # Counted apart too; adds are not files.
        assert (s.files, s.rows_added, s.rows_added_rejected) == (0, 4, 3)
        rejects = ds.rejects()
        assert [(r["file"], r["line"]) for r in rejects] == [
            ("<add:mediation>", 2), ("<add:mediation>", 3), ("<add:mediation>", 4)]
        assert rejects[0]["reason"].startswith("received_date: no such day: '2019-02-30'")
        assert rejects[1]["column"] == "case_id"
        assert [r["code"] for r in rejects] == ["invalid_value", "duplicate", "invalid_value"]
        assert [r["code"] for r in rejects] == [r.code for r in ds.rejections()]
        assert rejects[1]["reason"] == "duplicate case_id 'M-1' in region 440111"
        assert "no such outcome" in rejects[2]["reason"]


def test_dimension_fields_take_codes_and_chinese_labels():
    with fazhi.Dataset() as ds:
        ds.add_reconsideration(case_id="R-1", region="440111", received_date=D(2019, 3, 1),
                               respondent_level="乡镇（街道）", act_type="信息公开",
                               applicant_type="legal_person", applicants=3)
        ds.add_litigation(case_id="L-1", region="440111", filed_date=D(2019, 3, 1),
                          instance="first", defendant_level="区政府", act_type="penalty",
                          head_appeared=True, head_principal=True)
        ds.add_legal_aid(case_id="A-1", region="440111", applied_date=D(2019, 3, 1),
                         service_type="刑事辩护", recipient_group="农民工")
        ds.add_mediation(case_id="M-1", region="440111", received_date=D(2019, 3, 1),
                         org_type="村居")
        with pytest.raises(fazhi.FazhiError, match="unknown act_type '行政裁决'"):
            ds.add_reconsideration(case_id="R-2", region="440111",
                                   received_date=D(2019, 3, 1), act_type="行政裁决")
        with pytest.raises(fazhi.FazhiError, match="applicants: must be at least 1: '0'"):
            ds.add_reconsideration(case_id="R-3", region="440111",
                                   received_date=D(2019, 3, 1), applicants=0)
        s = ds.summary()
        assert (s.rows_read, s.rows_accepted, s.rows_rejected) == (6, 4, 2)
