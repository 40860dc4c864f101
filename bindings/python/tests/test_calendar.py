"""fazhi.calendar with datetime.date."""

from datetime import date

import pytest

import fazhi
from fazhi import calendar


def test_national_calendar():
    assert calendar.is_workday(date(2019, 9, 29))       # a make-up Sunday
    assert not calendar.is_workday(date(2019, 10, 1))   # National Day
    assert calendar.workdays_between(date(2019, 9, 30), date(2019, 10, 8)) == 1
    assert calendar.add_workdays(date(2019, 9, 30), 1) == date(2019, 10, 8)
    assert calendar.period_end(date(2019, 9, 21), 10) == date(2019, 10, 8)
    assert calendar.period_end(date(2019, 9, 30), 5, "workdays") == date(2019, 10, 12)
    assert calendar.period_end(date(2019, 1, 31), 1, "months") == date(2019, 2, 28)


def test_outside_the_calendar_is_out_of_range():
    with pytest.raises(fazhi.OutOfRange):
        calendar.is_workday(date(1999, 1, 4))


def test_bad_unit_and_date():
    with pytest.raises(fazhi.InvalidArgument):
        calendar.period_end(date(2019, 1, 1), 1, "fortnights")
    with pytest.raises(fazhi.InvalidArgument, match="2019-02-30"):
        calendar.is_workday("2019-02-30")


def test_a_calendar_handle(tmp_path):
    notice = tmp_path / "notice.csv"
    # A year with only one holiday: every other weekday works.
    notice.write_text("date,kind,holiday\n2019-10-01,holiday,国庆节\n")
    with fazhi.Calendar() as cal:
        assert not cal.is_workday(date(2019, 10, 2))
        cal.load_csv(notice)
        assert cal.is_workday(date(2019, 10, 2))
        assert not cal.is_workday(date(2019, 10, 1))
        assert cal.workdays_between(date(2019, 9, 30), date(2019, 10, 8)) == 5
    assert not calendar.is_workday(date(2019, 10, 2))   # the national one is untouched
    with pytest.raises(fazhi.FazhiError):
        fazhi.Calendar().load_csv(tmp_path / "missing.csv")


@pytest.mark.parametrize("unit", ["days", "workdays", "months"])
@pytest.mark.parametrize("n", [3000000, 2**31 - 1])
def test_huge_periods_are_out_of_range(n, unit):
    with pytest.raises(fazhi.OutOfRange, match="2026-12-31"):
        calendar.period_end(date(2019, 1, 1), n, unit)


@pytest.mark.parametrize("n", [2**31, 2**32 + 15, -2**31 - 1, 2**64])
def test_counts_beyond_32_bits_are_refused_not_cut(n):
    # ctypes would keep the low 32 bits: 2**32 + 15 days would end 15 days on.
    with pytest.raises(fazhi.OutOfRange, match="32-bit"):
        calendar.period_end(date(2019, 9, 20), n)
    with pytest.raises(fazhi.OutOfRange, match="32-bit"):
        calendar.add_workdays(date(2019, 9, 20), n)
    with pytest.raises(TypeError):
        calendar.period_end(date(2019, 9, 20), 15.0)
