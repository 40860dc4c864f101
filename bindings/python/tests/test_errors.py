"""Failures raise fazhi.FazhiError subclasses carrying the C message."""

import datetime
import os

import pytest

import fazhi
from conftest import BAIYUN, ROLLUP


@pytest.fixture(scope="module")
def ds():
    with fazhi.Dataset.from_dir(ROLLUP) as ds:
        yield ds


def test_bad_region_is_invalid_argument(ds):
    with pytest.raises(fazhi.InvalidArgument) as e:
        ds.report(region="44011", year=2019)
    assert "region" in str(e.value) and "44011" in str(e.value)
    assert e.value.code == 3 and e.value.status == "FZ_INVALID_ARGUMENT"
    assert isinstance(e.value, ValueError)


def test_region_without_records_is_not_found(ds):
    with pytest.raises(fazhi.NotFound) as e:
        ds.report(region="110101", year=2019)
    assert "110101" in str(e.value)


def test_missing_folder_is_not_found_and_named(tmp_path):
    missing = str(tmp_path / "no-such-folder")
    with pytest.raises(fazhi.NotFound) as e:
        fazhi.Dataset.from_dir(missing)
    assert missing in e.value.message
    assert e.value.code == 5


def test_bad_date_names_the_argument_and_the_date(ds):
    with pytest.raises(fazhi.InvalidArgument) as e:
        ds.report("440103", from_="2019-02-30", to=datetime.date(2019, 12, 31))
    assert "from" in str(e.value) and "2019-02-30" in str(e.value)
    with pytest.raises(TypeError):
        ds.report("440103", from_=datetime.datetime(2019, 1, 1), to=datetime.date(2019, 12, 31))
    with pytest.raises(fazhi.InvalidArgument):
        ds.report("440103", 2019, from_=datetime.date(2019, 1, 1))


def test_invalid_utf8_is_invalid_argument(ds, tmp_path):
    # A str that cannot be UTF-8 (a lone surrogate, as os.fsdecode makes of
    # an undecodable file name) reaches the library as the bytes it stood for.
    with pytest.raises(fazhi.InvalidArgument) as e:
        ds.load_dir(os.fsdecode(b"/tmp/\xff"))
    assert "dir is not valid UTF-8" in str(e.value)
    with pytest.raises(fazhi.InvalidArgument) as e:
        ds.report(region=b"4401\xff3", year=2019)
    assert "region is not valid UTF-8" in str(e.value)
    with pytest.raises(fazhi.InvalidArgument) as e:
        fazhi.Dataset().add_mediation(case_id=os.fsdecode(b"M-\xc0\xaf"), region="440103",
                                      received_date=datetime.date(2019, 3, 1))
    assert "case_id is not valid UTF-8" in str(e.value)


def test_unknown_metric_is_not_found(ds):
    rep = ds.report("440103", 2019)
    with pytest.raises(fazhi.NotFound) as e:
        rep["litigation.no_such_rate"]
    assert "litigation.no_such_rate" in str(e.value)
    assert isinstance(e.value, LookupError)
    assert rep.get("litigation.no_such_rate", "absent") == "absent"


def test_bad_profile_names_the_key(ds):
    with pytest.raises(fazhi.InvalidArgument) as e:
        ds.report("440103", 2019, profile={"rounding": "sideways"})
    assert "rounding" in str(e.value)
    with pytest.raises(fazhi.NotFound):
        ds.report("440103", 2019, profile=os.path.join(BAIYUN, "no-such-profile.json"))


def test_strict_load_names_file_and_line():
    csv = "case_id,region,received_date\nA,440111,2019-03-05\nB,440111,2019-02-30\n"
    with pytest.raises(fazhi.InvalidArgument) as e:
        fazhi.Dataset.from_buffer("reconsideration", csv, strict=True)
    assert "<buffer:reconsideration>:3" in str(e.value)
    assert "2019-02-30" in str(e.value)


def test_closed_objects_refuse_politely(ds):
    rep = ds.report("440103", 2019)
    rep.close()
    rep.close()  # twice is fine
    assert rep.closed
    with pytest.raises(fazhi.InvalidArgument, match="closed"):
        rep["reconsideration.received"]
    other = fazhi.Dataset()
    with other:
        pass
    with pytest.raises(fazhi.InvalidArgument, match="closed"):
        other.summary()


def test_python_type_errors_come_before_the_library():
    ds = fazhi.Dataset()
    with pytest.raises(TypeError, match="float"):
        ds.add_legal_aid(case_id="A", region="440111", applied_date=datetime.date(2019, 1, 2),
                         recovered_amount=12.5)
    with pytest.raises(TypeError, match="unknown field"):
        ds.add_regions(region="440111", nmae="白云区")
    with pytest.raises(TypeError, match="True, False or None"):
        ds.add_mediation(case_id="M", region="440111", received_date="2019-01-02",
                         major_group="yes")
    with pytest.raises(fazhi.InvalidArgument, match="kind"):
        ds.load_buffer("reconsiderations", "")


def test_error_classes_map_every_status():
    for code in range(1, 17):
        e = fazhi.FazhiError.make(code, "m")
        assert isinstance(e, fazhi.FazhiError) and e.code == code and str(e) == "m"


def test_a_sealed_dataset_reads_but_refuses_more_rows():
    with fazhi.Dataset() as ds:
        ds.load_buffer("mediation", "case_id,region,received_date\nM1,440111,2019-01-01\n")
        ds.seal()
        assert ds.summary().rows_accepted == 1
        with pytest.raises(fazhi.FailedPrecondition, match="sealed"):
            ds.load_buffer("mediation", "case_id,region,received_date\nM2,440111,2019-01-02\n")
        with pytest.raises(fazhi.FailedPrecondition, match="sealed"):
            ds.add_mediation(case_id="M3", region="440111", received_date="2019-01-03")
        assert ds.summary().rows_accepted == 1


def test_errors_name_the_python_call_and_keep_the_c_function():
    with fazhi.Dataset.from_dir(BAIYUN) as ds, ds.report("440111", 2019) as rep:
        with pytest.raises(fazhi.NotFound) as e:
            rep.metric("litigation.no_such_rate")
        assert str(e.value).startswith("Report.metric(): no metric 'litigation.no_such_rate'")
        assert e.value.function == "fz_report_get"
        with pytest.raises(fazhi.NotFound) as e:
            rep["litigation.no_such_rate"]
        assert str(e.value).startswith("Report[...]: no metric")
    with pytest.raises(fazhi.NotFound) as e:
        fazhi.Dataset.from_dir("/no/such/folder")
    assert str(e.value) == "Dataset.from_dir(): /no/such/folder: no such folder"
