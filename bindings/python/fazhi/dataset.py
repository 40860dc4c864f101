"""fazhi.Dataset: validated records, loaded from CSV files or appended one by one.

    import datetime, fazhi
    ds = fazhi.Dataset.from_dir("data/examples/baiyun-2019")
    ds.summary().rows_rejected                 # 0
    ds.add_reconsideration(case_id="R-1", region="440111",
                           received_date=datetime.date(2019, 3, 1), litigated=False)
    rep = ds.report(region="440111", year=2019)

Bulk loading goes through files or buffers (one C call for any number of
rows); the add_<kind> methods are for a system handing over a few records
from its own database.
"""

from __future__ import annotations

import json
from ctypes import byref, c_int32, c_int64
from dataclasses import dataclass, field
from datetime import date
from os import PathLike
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Union

from . import _capi, _convert, _pandas
from ._errors import InvalidArgument
from ._handle import Owned
from .report import Report, Reports, report_options, period_in

if TYPE_CHECKING:  # pragma: no cover
    import pandas

    from .breakdown import Breakdown
    from .series import CrossTable, Series
    from .calendar import Calendar

Path = Union[str, "PathLike[str]"]
Profile = Union[Dict[str, Any], str, "PathLike[str]", None]


@dataclass(frozen=True)
class KindCounts:
    """Rows of one record kind: rows_read = rows_accepted + rows_rejected."""

    rows_read: int = 0
    rows_accepted: int = 0
    rows_rejected: int = 0


@dataclass(frozen=True)
class LoadSummary:
    """What a load did (or, from Dataset.summary(), every load so far).
    Records added one by one (add_*) count in the rows and kinds like a
    file's rows, and apart in rows_added; they are not files."""

    files: int = 0
    rows_read: int = 0
    rows_accepted: int = 0
    rows_rejected: int = 0
    notices: int = 0
    kinds: Dict[str, KindCounts] = field(default_factory=dict)
    files_refused: int = 0        # files refused whole (in files; no rows read)
    rows_added: int = 0           # records added one by one, accepted or rejected
    rows_added_rejected: int = 0  # of those, the rejected

    @classmethod
    def _from_c(cls, s: _capi.LoadSummary) -> "LoadSummary":
        return cls(files=s.files, rows_read=s.rows_read, rows_accepted=s.rows_accepted,
                   rows_rejected=s.rows_rejected, notices=s.notices,
                   kinds={kind: KindCounts(k.rows_read, k.rows_accepted, k.rows_rejected)
                          for kind, k in zip(_capi.KINDS, s.kinds)},
                   files_refused=s.files_refused, rows_added=s.rows_added,
                   rows_added_rejected=s.rows_added_rejected)


@dataclass(frozen=True)
class Region:
    """A region a dataset can report on (GB/T 2260): "440111" 白云区, a
    district of 440100."""

    code: str                # "440111"
    name: Optional[str]      # from regions.csv ("白云区"); None when it names none
    level: str               # "district", "city" or "province"
    parent: Optional[str]    # the next level up ("440100"); None for a province


class RegionList(List[Region]):
    """Dataset.regions(): a list of Region, districts, then cities, then
    provinces, each by code."""

    def codes(self) -> List[str]:
        """The codes alone, in order."""
        return [r.code for r in self]

    def to_pandas(self) -> "pandas.DataFrame":
        """A DataFrame indexed by code: name, level, parent (needs pandas)."""
        return _pandas.regions_frame(self)


@dataclass(frozen=True)
class Rejection:
    """A row (or an added record) that was not kept, and why."""

    file: str                # the path, "<buffer:KIND>" or "<add:KIND>"
    line: int                # 1-based line where the row starts; an add's number
    column: Optional[str]    # the canonical column; None for the whole row
    code: str                # "malformed", "encoding", "missing", "invalid_value",
                             # "inconsistent", "duplicate" or "other"
    reason: str              # for people: "no such day: '2019-02-30' ..."
    raw: str                 # the row's text, cut to 512 bytes


class RejectionList(List[Rejection]):
    """Dataset.rejections(): a list of Rejection in load order."""

    def to_pandas(self) -> "pandas.DataFrame":
        """A DataFrame, one row per rejection: file, line, column, code
        (categorical), reason, raw (needs pandas)."""
        return _pandas.rejections_frame(self)


def _s(b: Optional[bytes]) -> str:
    return b.decode("utf-8") if b else ""


def _kind_in(kind):
    try:
        return _capi.KIND_NUMBERS[kind]
    except (KeyError, TypeError):
        raise InvalidArgument("kind must be one of %s, not %r"
                              % (", ".join(_capi.KINDS), kind)) from None


_FIELD_CONVERTERS = {
    "text": _convert.text_or_none,
    "code": _convert.text_or_none,
    "date": _convert.optional_date_in,
    "money": _convert.money_in,
    "tri": _convert.tri_in,
}


def _record_in(kind, fields):
    """The C record struct of `kind` from keyword arguments in Python types."""
    struct = _capi.RECORD_STRUCTS[kind]()
    known = dict(_capi.RECORD_FIELDS[kind])
    unknown = sorted(set(fields) - set(known))
    if unknown:
        raise TypeError("add_%s() got unknown field(s) %s; the fields are %s"
                        % (kind, ", ".join(unknown), ", ".join(known)))
    for name, typ in _capi.RECORD_FIELDS[kind]:
        value = fields.get(name)
        what = "%s.%s" % (kind, name)
        if typ == "int32":
            setattr(struct, name, -1 if value is None else _convert.int_in(value, what, 32))
        elif typ == "int64":
            if value is None:
                raise TypeError("%s is required" % what)
            setattr(struct, name, _convert.int_in(value, what, 64))
        else:
            setattr(struct, name, _FIELD_CONVERTERS[typ](value, what))
    return struct


class Dataset(Owned):
    """Records of every kind (docs/data.md), validated as they arrive.

    Loading is not thread-safe; once loading is over, reports may be computed
    from many threads at once. Release with close() or a `with` block (or
    leave it to the garbage collector)."""

    __slots__ = ()

    def __init__(self, *, strict=False, encoding=None, threads=0, keep_ids=True):
        """An empty dataset. strict: a load fails at its first bad row and
        keeps nothing (default: bad rows are rejected, loading goes on);
        encoding: None/"detect", "utf-8" or "gb18030"; threads: 0 = all;
        keep_ids=False: loads do not keep each record's id, which saves about
        half a large load's memory and 40% of its time; the figures are the
        same, but case lists and department tables then name no case
        (case_id "")."""
        lib = _capi.lib()
        if encoding not in _capi.ENCODINGS:
            raise InvalidArgument("encoding must be 'detect', 'utf-8' or 'gb18030', not %r"
                                  % (encoding,))
        options = _capi.DatasetOptions(strict=1 if strict else 0,
                                       encoding=_capi.ENCODINGS[encoding],
                                       threads=_convert.int_in(threads, "threads", 32),
                                       drop_ids=0 if keep_ids else 1)
        handle = _capi.DatasetHandle()
        lib.fz_dataset_create(byref(handle), byref(options))
        self._own(handle, lib.fz_dataset_free)

    # ---- Loading ----

    @classmethod
    def from_dir(cls, path, **options):
        """A dataset holding every `<kind>.csv` of a folder."""
        ds = cls(**options)
        try:
            ds.load_dir(path)
        except BaseException:
            ds.close()
            raise
        return ds

    @classmethod
    def from_csv(cls, kind, path, **options):
        """A dataset holding one CSV file of one kind ("reconsideration", ...)."""
        ds = cls(**options)
        try:
            ds.load_csv(kind, path)
        except BaseException:
            ds.close()
            raise
        return ds

    @classmethod
    def from_buffer(cls, kind, data, **options):
        """A dataset holding CSV text (str, or bytes in UTF-8 or GB18030)."""
        ds = cls(**options)
        try:
            ds.load_buffer(kind, data)
        except BaseException:
            ds.close()
            raise
        return ds

    def load_dir(self, path):
        """Loads every `<kind>.csv` of a folder; returns what this load did."""
        summary = _capi.LoadSummary()
        _capi.lib().fz_dataset_load_dir(self._h(), _capi.text_in(path, "path"), byref(summary))
        return LoadSummary._from_c(summary)

    def load_csv(self, kind, path):
        """Loads one CSV file of one kind."""
        summary = _capi.LoadSummary()
        _capi.lib().fz_dataset_load_csv(self._h(), _kind_in(kind), _capi.text_in(path, "path"),
                                        byref(summary))
        return LoadSummary._from_c(summary)

    def load_buffer(self, kind, data):
        """Loads CSV text held in memory; rejections name it "<buffer:KIND>"."""
        if isinstance(data, str):
            data = data.encode("utf-8")
        elif isinstance(data, (bytearray, memoryview)):
            data = bytes(data)
        elif not isinstance(data, bytes):
            raise TypeError("data must be str or bytes, not %s" % type(data).__name__)
        summary = _capi.LoadSummary()
        _capi.lib().fz_dataset_load_csv_buffer(self._h(), _kind_in(kind), data, len(data),
                                               byref(summary))
        return LoadSummary._from_c(summary)

    def seal(self):
        """Ends loading: frees the index that finds duplicate ids across loads
        (about a third of a large dataset's memory). Later loads and adds raise
        fazhi.FailedPrecondition; the data reads as before. Records added one
        by one are then grouped by region, as each load's are, which makes
        reports over them faster; the figures are the same."""
        _capi.lib().fz_dataset_seal(self._h())

    def summary(self):
        """The totals of every load so far."""
        summary = _capi.LoadSummary()
        _capi.lib().fz_dataset_summary(self._h(), byref(summary))
        return LoadSummary._from_c(summary)

    def rejects(self) -> List[Dict[str, Any]]:
        """Every rejected row as the JSON gives it: a list of {"file", "line",
        "column", "code", "reason", "raw"}. rejections() gives typed ones."""
        return json.loads(_capi.take_string(_capi.lib().fz_dataset_rejects_json, self._h()))

    def rejections(self) -> RejectionList:
        """Every rejected row of every load, in load order, as Rejection
        values (with a code to sort on); .to_pandas() makes a DataFrame."""
        lib = _capi.lib()
        handle = self._h()
        n = c_int64()
        lib.fz_dataset_rejection_count(handle, byref(n))
        out = RejectionList()
        r = _capi.Rejection()
        for i in range(n.value):
            lib.fz_dataset_rejection_get(handle, i, byref(r))
            code = _capi.REJECT_CODES[r.code] if 0 <= r.code < len(_capi.REJECT_CODES) else "other"
            out.append(Rejection(file=_s(r.file), line=r.line, column=_s(r.column) or None,
                                 code=code, reason=_s(r.reason), raw=_s(r.raw)))
        return out

    def regions(self) -> RegionList:
        """Every region the dataset can report on, in the order of
        all_reports(): each region a record names, with its city and province;
        districts, then cities, then provinces, each by code."""
        lib = _capi.lib()
        handle = _capi.RegionListHandle()
        lib.fz_dataset_regions(byref(handle), self._h())
        try:
            n = c_int32()
            lib.fz_region_list_count(handle, byref(n))
            out = RegionList()
            r = _capi.RegionInfo()
            for i in range(n.value):
                lib.fz_region_list_get(handle, i, byref(r))
                out.append(Region(code=_s(r.code), name=_s(r.name) or None,
                                  level=_capi.REGION_LEVELS[r.level], parent=_s(r.parent) or None))
            return out
        finally:
            lib.fz_region_list_free(handle)

    def notices(self):
        """The loads' notices (an ignored file, a file read as GB18030)."""
        return json.loads(_capi.take_string(_capi.lib().fz_dataset_notices_json, self._h()))

    # ---- Records, one at a time ----

    def _add(self, kind, fields):
        record = _record_in(kind, fields)
        getattr(_capi.lib(), "fz_dataset_add_" + kind)(self._h(), byref(record))

    def add_reconsideration(self, **fields):
        """Appends one 行政复议 case: case_id, region, received_date (required),
        accepted_date, closed_date, disposition ("revoked" or "撤销"), respondent,
        category, simple_procedure, extended, litigated, compensation (bool or
        None), suspended_days (int or None); the dimensions respondent_level,
        act_type, applicant_type (codes or Chinese labels) and applicants (int >= 1
        or None)."""
        self._add("reconsideration", fields)

    def add_litigation(self, **fields):
        """Appends one 行政应诉 case: case_id, region, filed_date, instance
        (required), defendant, category, defence_date, closed_date, outcome,
        head_appeared, lawyer_only, hearing_held; the dimensions defendant_level,
        act_type (codes or Chinese labels) and head_principal (bool or None)."""
        self._add("litigation", fields)

    def add_legal_aid(self, **fields):
        """Appends one 法律援助 case: case_id, region, applied_date (required),
        decided_date, decision, accepted_date, case_type, assigned_date,
        lawyer_id, firm_id, assignment_method, closed_date, recovered_amount
        (Decimal yuan), commitment; the dimensions service_type and
        recipient_group (codes or Chinese labels)."""
        self._add("legal_aid", fields)

    def add_mediation(self, **fields):
        """Appends one 人民调解 case: case_id, region, received_date (required),
        org_id, closed_date, outcome, category, major_group; the dimension
        org_type (a code or Chinese label)."""
        self._add("mediation", fields)

    def add_registry(self, **fields):
        """Appends one standing entity: kind, entity_id, region, start_date
        (required), end_date."""
        self._add("registry", fields)

    def add_activity(self, **fields):
        """Appends one tally: region, date, indicator, value (required), note."""
        self._add("activity", fields)

    def add_regions(self, **fields):
        """Names one region: region, name."""
        self._add("regions", fields)

    # ---- Reports ----

    def report(self, region, year=None, *, from_=None, to=None, profile=None, calendar=None):
        """The annual report of one region for a calendar year, or for the
        closed period [from_, to] (datetime.date). profile: a dict of report
        profile keys, or the path of a profile file; calendar: a
        fazhi.Calendar (default: the national one)."""
        start, end = period_in(year, from_, to)
        options, keep = report_options(profile, calendar)
        handle = _capi.ReportHandle()
        lib = _capi.lib()
        lib.fz_report_compute(byref(handle), self._h(), _capi.text_in(region, "region"), start,
                              end, byref(options))
        del keep
        return Report._adopt(handle, lib.fz_report_free, self)

    def all_reports(self, year: Optional[int] = None, *, from_: Optional[date] = None,
                    to: Optional[date] = None, profile: Profile = None,
                    calendar: Optional["Calendar"] = None) -> Reports:
        """Every region's report, computed in one pass: a mapping from region
        code to Report, districts, then cities, then provinces (the order of
        regions()). The reports are typed as ds.report()'s are;
        .to_pandas() makes one DataFrame of them all. Arguments as report()."""
        start, end = period_in(year, from_, to)
        options, keep = report_options(profile, calendar)
        handle = _capi.ReportListHandle()
        lib = _capi.lib()
        lib.fz_report_compute_all(byref(handle), self._h(), start, end, byref(options))
        del keep
        return Reports._adopt(handle, lib.fz_report_list_free)

    def breakdown(self, metric: str, by: str, region: str, year: Optional[int] = None, *,
                  from_: Optional[date] = None, to: Optional[date] = None,
                  profile: Profile = None, calendar: Optional["Calendar"] = None) -> "Breakdown":
        """`metric` of `region` ("441881"; "000000" is the whole dataset, 全国)
        split by the dimension `by` ("respondent_level", "act_type", "month",
        "region", ...: docs/breakdowns.md), against the same dates a year
        earlier. Period, profile and calendar as report()."""
        from .breakdown import Breakdown
        start, end = period_in(year, from_, to)
        options, keep = report_options(profile, calendar)
        handle = _capi.BreakdownHandle()
        _capi.lib().fz_breakdown_compute(byref(handle), self._h(), _capi.text_in(region, "region"),
                                         start, end, _capi.text_in(metric, "metric"),
                                         _capi.text_in(by, "by"), byref(options))
        del keep
        return Breakdown._adopt(handle, self)

    def series(self, metric: str, region: str, year: Optional[int] = None, *, by: str = "month",
               from_: Optional[date] = None, to: Optional[date] = None,
               profile: Profile = None, calendar: Optional["Calendar"] = None) -> "Series":
        """`metric` of `region` for each month (by="month") or quarter
        (by="quarter") of the period, every one present, each with the same
        month a year earlier (docs/breakdowns.md). The metrics are those of
        breakdown(); a flow count's points add up to the period's figure.
        Period, profile and calendar as report()."""
        from .series import Series
        start, end = period_in(year, from_, to)
        options, keep = report_options(profile, calendar)
        handle = _capi.SeriesHandle()
        _capi.lib().fz_series_compute(byref(handle), self._h(), _capi.text_in(region, "region"),
                                      start, end, _capi.text_in(metric, "metric"),
                                      _capi.text_in(by, "by"), byref(options))
        del keep
        return Series._adopt(handle, self)

    def cross_table(self, metric: str, rows_by: str, columns_by: str, region: str,
                    year: Optional[int] = None, *, from_: Optional[date] = None,
                    to: Optional[date] = None, profile: Profile = None,
                    calendar: Optional["Calendar"] = None) -> "CrossTable":
        """`metric` of `region` split by two dimensions of its family (not
        month or quarter): rows_by ("respondent_level") by columns_by
        ("act_type"). Period, profile and calendar as report()."""
        from .series import CrossTable
        start, end = period_in(year, from_, to)
        options, keep = report_options(profile, calendar)
        handle = _capi.CrossTableHandle()
        _capi.lib().fz_cross_table_compute(byref(handle), self._h(), _capi.text_in(region, "region"),
                                           start, end, _capi.text_in(metric, "metric"),
                                           _capi.text_in(rows_by, "rows_by"),
                                           _capi.text_in(columns_by, "columns_by"), byref(options))
        del keep
        return CrossTable._adopt(handle, self)

    def all_reports_json(self, year: Optional[int] = None, *, from_: Optional[date] = None,
                         to: Optional[date] = None, profile: Profile = None,
                         calendar: Optional["Calendar"] = None) -> List[Dict[str, Any]]:
        """Every region's report as parsed JSON (README.md): a list of the
        report JSON objects, in the order of all_reports()."""
        start, end = period_in(year, from_, to)
        options, keep = report_options(profile, calendar)
        text = _capi.take_string(_capi.lib().fz_report_all_json, self._h(), start, end,
                                 byref(options))
        del keep
        return json.loads(text)

    def __repr__(self):
        if self.closed:
            return "<fazhi.Dataset closed>"
        s = self.summary()
        return "<fazhi.Dataset %d rows accepted, %d rejected>" % (s.rows_accepted, s.rows_rejected)
