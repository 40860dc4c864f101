"""Python values to and from the C ABI's: dates, tri-state booleans, money,
and the exact values of a report (int, Fraction, Decimal)."""

import datetime
from decimal import Decimal
from fractions import Fraction

from . import _capi
from ._errors import OutOfRange


def int_in(value, what, bits):
    """A whole number for a C int of `bits` bits: ctypes would keep only the
    low bits of a larger one, so it is refused as out of range instead."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("%s must be an int, not %s" % (what, type(value).__name__))
    bound = 1 << (bits - 1)
    if not -bound <= value < bound:
        raise OutOfRange("%s is %d, outside the %d-bit range [%d, %d]"
                         % (what, value, bits, -bound, bound - 1))
    return value


def date_in(value, what):
    """A datetime.date (or a docs/data.md date string) as C text."""
    if isinstance(value, datetime.datetime):
        raise TypeError("%s must be a datetime.date, not a datetime" % what)
    if isinstance(value, datetime.date):
        return value.isoformat().encode("ascii")
    if isinstance(value, str):
        return _capi.text_in(value, what)
    raise TypeError("%s must be a datetime.date or str, not %s" % (what, type(value).__name__))


def optional_date_in(value, what):
    return None if value is None else date_in(value, what)


def date_out(buffer):
    """A char[11] "YYYY-MM-DD" from the library as a datetime.date."""
    return datetime.date.fromisoformat(buffer.value.decode("ascii"))


def tri_in(value, what):
    """True / False / None (unknown, which is not False) as FZ_TRI_*."""
    if value is None:
        return _capi.TRI_UNKNOWN
    if isinstance(value, bool):
        return _capi.TRI_TRUE if value else _capi.TRI_FALSE
    raise TypeError("%s must be True, False or None (unknown), not %r" % (what, value))


def money_in(value, what):
    """Yuan as exact text: Decimal, int, or str ("1512.8万"); never a float."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return format(value, "f").encode("ascii")
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value).encode("ascii")
    if isinstance(value, str):
        return _capi.text_in(value, what)
    raise TypeError("%s must be a Decimal, int or str of yuan, not %s (money is never a binary "
                    "float)" % (what, type(value).__name__))


def text_or_none(value, what):
    return None if value is None else _capi.text_in(value, what)


def _big(text):
    return int(text.decode("ascii"))


def exact(kind, integer, num, den, num_text, den_text, fits):
    """One exact value: int for counts and ranks, Decimal yuan for money,
    Fraction for rates, days and numbers (a mean, a statistic), None when
    undefined."""
    if kind in (_capi.VALUE_COUNT, _capi.VALUE_RANK):
        return int(integer)
    if kind == _capi.VALUE_MONEY:
        # Integer fen, exactly, with the two decimals of a sum of money.
        return Decimal(integer).scaleb(-2)
    if kind in (_capi.VALUE_FRACTION, _capi.VALUE_DAYS, _capi.VALUE_NUMBER):
        if fits:
            return Fraction(num, den)
        return Fraction(_big(num_text), _big(den_text))
    return None


def fraction_or_none(defined, num, den, num_text, den_text, fits):
    if not defined:
        return None
    if fits:
        return Fraction(num, den)
    return Fraction(_big(num_text), _big(den_text))
