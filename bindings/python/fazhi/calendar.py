"""fazhi.calendar: China's official working-day calendar and statutory periods.

    from datetime import date
    from fazhi import calendar
    calendar.is_workday(date(2019, 9, 29))                        # True (a make-up Sunday)
    calendar.workdays_between(date(2019, 9, 30), date(2019, 10, 8))  # 1
    calendar.add_workdays(date(2019, 9, 30), 1)                   # date(2019, 10, 8)
    calendar.period_end(date(2019, 9, 21), 10)                    # date(2019, 10, 8)

The module functions use the built-in national calendar, or the Calendar
given as `calendar=`; a Calendar can take a newer State Council notice with
load_csv(). A date outside the loaded years, and a count of days or months
that ends beyond them (or does not fit 32 bits), raise fazhi.OutOfRange.
"""

from __future__ import annotations

from ctypes import byref, c_int32
from datetime import date
from os import PathLike
from typing import Literal, Optional, Union

from . import _capi, _convert
from ._errors import InvalidArgument
from ._handle import Owned

# A date in: a datetime.date, or text in a docs/data.md form ("2019-10-08").
DateIn = Union[date, str]
# The unit of a statutory period (FZ_PERIOD_*).
PeriodUnit = Literal["days", "workdays", "months"]


class Calendar(Owned):
    """A working-day calendar: the national table, plus notices loaded later."""

    __slots__ = ()

    def __init__(self) -> None:
        lib = _capi.lib()
        handle = _capi.CalendarHandle()
        lib.fz_calendar_default(byref(handle))
        self._own(handle, lib.fz_calendar_free)

    def load_csv(self, path: Union[str, "PathLike[str]"]) -> None:
        """Lays a newer notice (the data file's format: date,kind,holiday) over this calendar."""
        _capi.lib().fz_calendar_load_csv(self._h(), _capi.text_in(path, "path"))

    def is_workday(self, day: DateIn) -> bool:
        """fazhi.calendar.is_workday() by this calendar."""
        return is_workday(day, calendar=self)

    def workdays_between(self, a: DateIn, b: DateIn) -> int:
        """fazhi.calendar.workdays_between() by this calendar."""
        return workdays_between(a, b, calendar=self)

    def add_workdays(self, day: DateIn, n: int) -> date:
        """fazhi.calendar.add_workdays() by this calendar."""
        return add_workdays(day, n, calendar=self)

    def period_end(self, event: DateIn, n: int, unit: PeriodUnit = "days") -> date:
        """fazhi.calendar.period_end() by this calendar."""
        return period_end(event, n, unit, calendar=self)


def _cal(calendar: Optional[Calendar]) -> Optional[_capi.CalendarHandle]:
    return None if calendar is None else calendar._h()


def is_workday(day: DateIn, *, calendar: Optional[Calendar] = None) -> bool:
    """True for a working day (a make-up weekend day included), False for a rest day."""
    out = c_int32()
    _capi.lib().fz_calendar_is_workday(_cal(calendar), _convert.date_in(day, "day"), byref(out))
    return out.value == 1


def workdays_between(a: DateIn, b: DateIn, *, calendar: Optional[Calendar] = None) -> int:
    """The working days d with a < d <= b."""
    out = c_int32()
    _capi.lib().fz_calendar_workdays_between(_cal(calendar), _convert.date_in(a, "a"),
                                             _convert.date_in(b, "b"), byref(out))
    return out.value


def add_workdays(day: DateIn, n: int, *, calendar: Optional[Calendar] = None) -> date:
    """The n-th working day after `day` (n >= 0)."""
    out = _capi._date_out()
    _capi.lib().fz_calendar_add_workdays(_cal(calendar), _convert.date_in(day, "day"),
                                         _convert.int_in(n, "n", 32), out)
    return _convert.date_out(out)


def period_end(event: DateIn, n: int, unit: PeriodUnit = "days", *,
               calendar: Optional[Calendar] = None) -> date:
    """The last day of a statutory period of n units after `event` (not
    counted): unit "days" (a rest day at the end rolls over), "workdays" or
    "months"."""
    if unit not in _capi.PERIOD_UNITS:
        raise InvalidArgument("unit must be 'days', 'workdays' or 'months', not %r" % (unit,))
    out = _capi._date_out()
    _capi.lib().fz_calendar_period_end(_cal(calendar), _convert.date_in(event, "event"),
                                       _convert.int_in(n, "n", 32), _capi.PERIOD_UNITS[unit], out)
    return _convert.date_out(out)
