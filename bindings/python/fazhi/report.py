"""fazhi.Report: one region's annual report, its figures exact.

    rep = ds.report(region="440111", year=2019)
    rep["litigation.win_rate"]          # Fraction(110, 117)
    rep["reconsideration.received"]     # 439
    rep["legal_aid.recovered_amount"]   # Decimal('15128000.00') yuan
    rep.text("litigation.win_rate")     # '94.02%'
    for m in rep.metrics():
        print(m.id, m.label, m.text, m.yoy, m.yoy_pp, m.sequential)
    rep.to_pandas()                     # one row per metric (needs pandas)

    reports = ds.all_reports(year=2019) # {"440103": Report, ..., "440000": Report}
    reports["440111"]["litigation.win_rate"]

Counts and ranks are int, rates, shares and day counts fractions.Fraction,
money decimal.Decimal yuan, and an undefined figure (a zero denominator, no
data) None: never 0. The metrics are those of docs/metrics.md.
"""

from __future__ import annotations

import datetime
import json
from ctypes import byref, c_char_p, c_int32
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import (TYPE_CHECKING, Any, Dict, Iterator, KeysView, List, Mapping, Optional,
                    Tuple, Union)

from . import _capi, _convert, _pandas
from ._errors import InvalidArgument, OutOfRange
from ._handle import Owned

if TYPE_CHECKING:  # pragma: no cover
    import pandas

    from .breakdown import Breakdown
    from .series import CrossTable, Series

Exact = Union[int, Fraction, Decimal, None]


@dataclass(frozen=True)
class Comparison:
    """A metric against one earlier period: 同比 (the same dates a year
    earlier) or 环比 (the period of the same length just before)."""

    previous: Exact                 # the earlier period's value
    previous_text: str
    change: Optional[Fraction]      # (value - previous) / previous, None when undefined
    change_text: str                # "-22.7%"
    change_pp: Optional[Fraction]   # a rate's value - previous, a fraction of 1; else None
    change_pp_text: str             # "7.41 个百分点"


@dataclass(frozen=True)
class Metric:
    """One metric of a report with everything the C ABI says about it."""

    id: str
    label: str
    unit: str
    kind: str                 # "count", "fraction", "money", "days", "rank", "number" or "undefined"
    value: Exact              # None when undefined
    text: str                 # as presented: "94.02%"
    decimal: str              # the JSON's decimal string: "0.9402"
    previous: Exact           # the previous period's value, None without one
    previous_text: str
    yoy: Optional[Fraction]   # (value - previous) / previous, None when undefined
    yoy_text: str             # "-22.7%"
    basis: str                # the 口径 of a correction rate, else ""
    reason: str               # why the value is undefined, else ""
    # A rate's or share's year-ago change in percentage points (value - previous
    # as a fraction of 1: Fraction(971, 13104) is 7.41 个百分点), else None.
    yoy_pp: Optional[Fraction] = None
    yoy_pp_text: str = ""
    # 环比: against the period just before; None for a report of whole years
    # (which has none) or when that period has no value.
    sequential: Optional[Comparison] = None


def period_in(year: Optional[int], from_: Any, to: Any) -> Tuple[bytes, bytes]:
    """The period's two dates as C text, from a year or from from_/to."""
    if year is not None:
        if from_ is not None or to is not None:
            raise InvalidArgument("give year, or from_ and to, not both")
        if isinstance(year, bool) or not isinstance(year, int):
            raise TypeError("year must be an int, not %s" % type(year).__name__)
        return b"%04d-01-01" % year, b"%04d-12-31" % year
    if from_ is None or to is None:
        raise InvalidArgument("give year, or both from_ and to")
    return _convert.date_in(from_, "from_"), _convert.date_in(to, "to")


def report_options(profile: Any, calendar: Any) -> Tuple[Any, List[Any]]:
    """The fz_report_options of a profile (dict or path) and a Calendar, and
    the objects the options point into (keep them until the call returns)."""
    options = _capi.ReportOptions()
    keep = []
    if isinstance(profile, dict):
        options.profile_json = json.dumps(profile, ensure_ascii=False).encode("utf-8")
    elif profile is not None:
        options.profile_path = _capi.text_in(profile, "profile")
    if calendar is not None:
        options.calendar = calendar._h()
        keep.append(calendar)
    return options, keep


def _s(b: Optional[bytes]) -> str:
    return b.decode("utf-8") if b else ""


def _borrowed(handle: Any) -> None:
    """The free function of a report lent by a report list: nothing to free."""


class Report(Owned):
    """An annual report: a mapping from metric id to exact value. It is a copy
    made by the library, immutable and safe to read from many threads; it
    keeps its dataset alive."""

    __slots__ = ("_dataset", "_ids")

    def __init__(self) -> None:
        raise TypeError("reports come from Dataset.report() and Dataset.all_reports()")

    @classmethod
    def _adopt(cls, handle: Any, free: Any, owner: Any) -> "Report":
        # owner: the Dataset (a report of its own), or the Reports whose list
        # lends this one (free is then _borrowed); kept alive as long as it.
        rep = cls.__new__(cls)
        rep._own(handle, free)
        rep._dataset = owner
        rep._ids = None
        return rep

    # ---- One metric ----

    def _get(self, metric_id: str) -> Tuple[Any, bool]:
        v = _capi.Value()
        try:
            _capi.lib().fz_report_get(self._h(), _capi.text_in(metric_id, "metric id"), byref(v))
            fits = True
        except OutOfRange:
            fits = False  # a numerator beyond int64: read the decimal strings
        return v, fits

    def __getitem__(self, metric_id: str) -> Exact:
        """The exact value: int, Fraction, Decimal yuan, or None when undefined.
        An unknown id raises fazhi.NotFound (a LookupError)."""
        v, fits = self._get(metric_id)
        return _convert.exact(v.kind, v.integer, v.num, v.den, v.num_text, v.den_text, fits)

    def get(self, metric_id: str, default: Any = None) -> Any:
        """The value, or `default` for an id the report does not have."""
        return self[metric_id] if metric_id in self else default

    def text(self, metric_id: str) -> str:
        """The value as the report presents it ("94.02%", "1512.8 万元"); "" when undefined."""
        return _s(self._get(metric_id)[0].text)

    def metric(self, metric_id: str) -> Metric:
        """Everything about one metric."""
        v, fits = self._get(metric_id)
        value = _convert.exact(v.kind, v.integer, v.num, v.den, v.num_text, v.den_text, fits)
        previous = None
        if v.has_previous:
            previous = _convert.exact(v.previous_kind, v.previous_integer, v.previous_num,
                                      v.previous_den, v.previous_num_text, v.previous_den_text,
                                      fits)
        yoy = _convert.fraction_or_none(v.has_yoy, v.yoy_num, v.yoy_den, v.yoy_num_text,
                                        v.yoy_den_text, fits)
        year_ago = self._comparison(metric_id, _capi.COMPARE_YEAR_AGO)
        return Metric(id=_s(v.id), label=_s(v.label), unit=_s(v.unit),
                      kind=_capi.VALUE_KINDS[v.kind], value=value, text=_s(v.text),
                      decimal=_s(v.decimal), previous=previous,
                      previous_text=_s(v.previous_text), yoy=yoy, yoy_text=_s(v.yoy_text),
                      basis=_s(v.basis), reason=_s(v.reason),
                      yoy_pp=year_ago.change_pp if year_ago else None,
                      yoy_pp_text=year_ago.change_pp_text if year_ago else "",
                      sequential=self._comparison(metric_id, _capi.COMPARE_SEQUENTIAL))

    def _comparison(self, metric_id: str, comparison: int) -> Optional[Comparison]:
        """The metric against one earlier period, None without a value there."""
        c = _capi.Change()
        try:
            _capi.lib().fz_report_get_change(self._h(), _capi.text_in(metric_id, "metric id"),
                                             comparison, byref(c))
            fits = True
        except OutOfRange:
            fits = False  # a numerator beyond int64: read the decimal strings
        if not c.has_previous:
            return None
        return Comparison(
            previous=_convert.exact(c.previous_kind, c.previous_integer, c.previous_num,
                                    c.previous_den, c.previous_num_text, c.previous_den_text, fits),
            previous_text=_s(c.previous_text),
            change=_convert.fraction_or_none(c.has_change, c.change_num, c.change_den,
                                             c.change_num_text, c.change_den_text, fits),
            change_text=_s(c.change_text),
            change_pp=_convert.fraction_or_none(c.has_change_pp, c.change_pp_num, c.change_pp_den,
                                                c.change_pp_num_text, c.change_pp_den_text, fits),
            change_pp_text=_s(c.change_pp_text))

    # ---- Every metric ----

    def keys(self) -> List[str]:
        """The metric ids in catalogue order."""
        if self._ids is None:
            lib = _capi.lib()
            handle = self._h()
            n = c_int32()
            lib.fz_report_metric_count(handle, byref(n))
            ids = []
            p = c_char_p()
            for i in range(n.value):
                lib.fz_report_metric_id(handle, i, byref(p))
                ids.append(p.value.decode("utf-8"))
            self._ids = tuple(ids)  # the report is immutable: ask once
        return list(self._ids)

    def __iter__(self) -> Iterator[str]:
        return iter(self.keys())

    def __len__(self) -> int:
        return len(self.keys())

    def __contains__(self, metric_id: object) -> bool:
        if self._ids is None:
            self.keys()
        return metric_id in self._ids

    def metrics(self) -> List[Metric]:
        """Every metric in catalogue order, as Metric objects: a list (len,
        indexing, slicing)."""
        return [self.metric(metric_id) for metric_id in self.keys()]

    def to_pandas(self) -> "pandas.DataFrame":
        """The report as a DataFrame (needs pandas), one row per metric,
        indexed by id: label, unit, kind, value (the exact int, Fraction or
        Decimal: dtype object), value_float (nullable Float64), count
        (nullable Int64: counts and ranks), text, previous, previous_float,
        previous_text, yoy, yoy_float, yoy_text, basis, reason."""
        return _pandas.metrics_frame(self.metrics())

    def items(self) -> List[Tuple[str, Exact]]:
        """(id, exact value) pairs in catalogue order."""
        return [(metric_id, self[metric_id]) for metric_id in self.keys()]

    # ---- The report as a whole ----

    @property
    def region(self) -> str:
        """The region's code, "440111"."""
        code = c_char_p()
        _capi.lib().fz_report_region(self._h(), byref(code), None)
        return code.value.decode("utf-8")

    def breakdown(self, metric: str, by: str, *, profile: Any = None,
                  calendar: Any = None) -> "Breakdown":
        """`metric` of this report's region and period split by `by`
        (Dataset.breakdown; the profile and calendar are this call's)."""
        start, end = self.period
        return self._own_dataset("breakdown").breakdown(metric, by, self.region, from_=start,
                                                        to=end, profile=profile, calendar=calendar)

    def series(self, metric: str, by: str = "month", *, profile: Any = None,
               calendar: Any = None) -> "Series":
        """`metric` of this report's region and period by month or quarter
        (Dataset.series; the profile and calendar are this call's)."""
        start, end = self.period
        return self._own_dataset("series").series(metric, self.region, by=by, from_=start, to=end,
                                                  profile=profile, calendar=calendar)

    def cross_table(self, metric: str, rows_by: str, columns_by: str, *, profile: Any = None,
                    calendar: Any = None) -> "CrossTable":
        """`metric` of this report's region and period split by two dimensions
        (Dataset.cross_table)."""
        start, end = self.period
        return self._own_dataset("cross_table").cross_table(
            metric, rows_by, columns_by, self.region, from_=start, to=end, profile=profile,
            calendar=calendar)

    def _own_dataset(self, call: str) -> Any:
        from .dataset import Dataset
        if not isinstance(self._dataset, Dataset):
            raise InvalidArgument("Report.%s: a report of all_reports() does not hold its "
                                  "dataset; call Dataset.%s(metric, ..., region, ...)" % (call, call))
        return self._dataset

    @property
    def region_name(self) -> str:
        """The region's name from regions.csv ("白云区"), else its code."""
        name = c_char_p()
        _capi.lib().fz_report_region(self._h(), None, byref(name))
        return name.value.decode("utf-8")

    def _periods(self) -> List[datetime.date]:
        bufs = [_capi._date_out() for _ in range(4)]
        _capi.lib().fz_report_period(self._h(), *bufs)
        return [_convert.date_out(b) for b in bufs]

    @property
    def period(self) -> Tuple[datetime.date, datetime.date]:
        """(first day, last day) as datetime.date."""
        return tuple(self._periods()[:2])

    @property
    def previous_period(self) -> Tuple[datetime.date, datetime.date]:
        """The period YoY (同比) compares with, the same dates a year earlier:
        (first day, last day)."""
        return tuple(self._periods()[2:])

    @property
    def sequential_period(self) -> Optional[Tuple[datetime.date, datetime.date]]:
        """The period 环比 compares with, just before this one: (first day,
        last day); None for a report of whole years, which has none."""
        has = c_int32()
        bufs = [_capi._date_out() for _ in range(2)]
        _capi.lib().fz_report_sequential_period(self._h(), byref(has), *bufs)
        return tuple(_convert.date_out(b) for b in bufs) if has.value else None

    def to_json(self) -> str:
        """the report's JSON object (README.md)."""
        return _capi.take_string(_capi.lib().fz_report_to_json, self._h())

    def to_dict(self) -> Dict[str, Any]:
        """the report's JSON object (README.md), parsed."""
        return json.loads(self.to_json())

    def narrative(self) -> str:
        """The Chinese narrative, one paragraph a line."""
        return _capi.take_string(_capi.lib().fz_report_narrative, self._h())

    def __repr__(self) -> str:
        if self.closed:
            return "<fazhi.Report closed>"
        start, end = self.period
        return "<fazhi.Report %s %s..%s>" % (self.region, start, end)



class Reports(Mapping[str, Report]):
    """Dataset.all_reports(): every region's report, a read-only mapping from
    region code to Report in the order districts, cities, provinces (each by
    code). The reports are computed in one pass and held by one C list,
    released when neither this mapping nor any of its reports is in use."""

    __slots__ = ("_list", "_reports")

    def __init__(self) -> None:
        raise TypeError("reports come from Dataset.all_reports()")

    @classmethod
    def _adopt(cls, handle: Any, free: Any) -> "Reports":
        owner = _ReportList()
        owner._own(handle, free)
        lib = _capi.lib()
        n = c_int32()
        lib.fz_report_list_count(handle, byref(n))
        reports: Dict[str, Report] = {}
        for i in range(n.value):
            rep = _capi.ReportHandle()
            lib.fz_report_list_get(handle, i, byref(rep))
            r = Report._adopt(rep, _borrowed, owner)
            reports[r.region] = r
        self = cls.__new__(cls)
        self._list = owner
        self._reports = reports
        return self

    def __getitem__(self, region: str) -> Report:
        """The report of one region code; KeyError naming the codes there are
        for one not among them."""
        try:
            return self._reports[region]
        except KeyError:
            raise KeyError("no report for region %r; the regions are %s"
                           % (region, ", ".join(self._reports))) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._reports)

    def __len__(self) -> int:
        return len(self._reports)

    def keys(self) -> KeysView[str]:
        return self._reports.keys()

    def to_pandas(self) -> "pandas.DataFrame":
        """Every region's metrics as one DataFrame (needs pandas), indexed by
        (region, metric), with region_name first and then the columns of
        Report.to_pandas(). frame["value_float"].unstack() is a region x
        metric table."""
        return _pandas.reports_frame(self._reports.values())

    def __repr__(self) -> str:
        return "<fazhi.Reports %d regions: %s>" % (len(self), " ".join(self._reports))


class _ReportList(Owned):
    """Owns the fz_report_list that lends the reports of a Reports."""

    __slots__ = ()
