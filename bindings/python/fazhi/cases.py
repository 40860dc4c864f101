"""Case lists, follow-up lists (督办清单) and department tables (docs/cases.md,
docs/departments.md): the records behind a figure, each with the reason it is
counted, and each agency's figures, ranked and assessed (考核).

    import fazhi
    ds = fazhi.Dataset.from_dir("data/examples/baiyun-2019")
    late = fazhi.case_list(ds, "440111", "reconsideration.overdue", year=2019)
    len(late), late[0].case_id, late[0].reason   # 17, '云府行复〔2019〕28号', '2019-01-21 受理，...'
    fazhi.follow_up(ds, "440111", "late_defences", year=2019).to_pandas()
    fazhi.case_list(ds, "440111", "reconsideration.received", year=2019,
                    by="category", key="公安")           # the 135 cases of one breakdown row
    fazhi.departments(ds, "440111", year=2019,
                      profile="data/examples/assessment-county.json")["departments"][0]

A case list carries case ids and the records' own columns: personal data,
for the bureau's own follow-up, not for publication.
"""

import json
from ctypes import byref, c_int64
from typing import Any, Dict, List, NamedTuple, Optional

from . import _capi
from ._errors import InvalidArgument
from .report import period_in, report_options


class Case(NamedTuple):
    """One record of a case list."""
    kind: str        # "litigation", ...
    case_id: str
    region: str      # "440111"
    reason: str      # why it is counted, in Chinese
    times: int       # how often the figure counts it (1; 2 only in 结案率's denominator)
    columns: Dict[str, str]  # the record's own columns, as text ("" when empty)


class CaseList:
    """The records behind one figure (or a follow-up list): a sequence of
    Case, in the dataset's order, with its metric, part and JSON/CSV forms."""

    def __init__(self, rows: List[Case], document: Dict[str, Any], text_json: str, text_csv: str):
        self.rows = rows
        self.metric = document.get("metric", "")
        self.part = document.get("part", "")
        self.follow_up = document.get("follow_up")
        # A breakdown row's list: its dimension, key (None: 未填) and label; by is None otherwise.
        self.by = document.get("by")
        self.key = document.get("key")
        self.label = document.get("label")
        self._json = text_json
        self._csv = text_csv

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, index):
        return self.rows[index]

    def __iter__(self):
        return iter(self.rows)

    def count(self) -> int:
        """How many the figure counts: the sum of the rows' times."""
        return sum(r.times for r in self.rows)

    def to_json(self) -> str:
        """The list as `fazhi cases --format json` writes it."""
        return self._json

    def to_csv(self) -> str:
        """The list as `fazhi cases --format csv` writes it."""
        return self._csv

    def to_pandas(self):
        """A DataFrame, one row a record: kind, case_id, region, reason, times,
        then the record's columns (pandas is needed for this call only)."""
        from ._pandas import require
        pandas = require()
        records = []
        for r in self.rows:
            row = {"kind": r.kind, "case_id": r.case_id, "region": r.region, "reason": r.reason,
                   "times": r.times}
            for k, v in r.columns.items():
                if k not in row:
                    row[k] = v
            records.append(row)
        return pandas.DataFrame.from_records(
            records, columns=None if records else ["kind", "case_id", "region", "reason", "times"])

    def __repr__(self):
        return "<fazhi.CaseList %s %s: %d>" % (self.follow_up or self.metric, self.part, len(self.rows))


def _adopt(handle) -> CaseList:
    lib = _capi.lib()
    try:
        n = c_int64()
        lib.fz_case_list_count(handle, byref(n))
        rows = []
        for i in range(n.value):
            c = _capi.Case()
            lib.fz_case_list_get(handle, i, byref(c))
            rows.append(Case(_capi.KINDS[c.kind] if 0 <= c.kind < len(_capi.KINDS) else str(c.kind),
                             c.case_id.decode("utf-8"), c.region.decode("utf-8"),
                             c.reason.decode("utf-8"), c.times,
                             json.loads(c.columns_json.decode("utf-8"))))
        text_json = _capi.take_string(lib.fz_case_list_to_json, handle)
        text_csv = _capi.take_string(lib.fz_case_list_to_csv, handle)
    finally:
        lib.fz_case_list_free(handle)
    return CaseList(rows, json.loads(text_json), text_json, text_csv)


# _NO_KEY tells a call without a row's key from key=None, the row 未填.
_NO_KEY = object()


def case_list(ds, region: str, metric: str, year: Optional[int] = None, *, part: Optional[str] = None,
              by: Optional[str] = None, key: Any = _NO_KEY, top: int = 0,
              from_=None, to=None, profile=None, calendar=None) -> CaseList:
    """The records behind `metric`'s figure for `region` (a district, city or
    province): a count's records, or a rate's part ("numerator" or
    "denominator"). Arguments otherwise as Dataset.report().

    With `by` and `key`, the records of one row of the figure's breakdown
    (Dataset.breakdown(metric, by, ...)): key as the row's BreakdownRow.key
    ("county_dept", an agency, "440111", "2019-03"); None the empty value's
    row (未填); "*other" the row 其他 of the rows after the first `top` (0: as
    the profile's table folds them). The list's size is the row's value."""
    if part is None:
        part = "count"
    if part not in _capi.CASE_PARTS:
        raise InvalidArgument("part is 'count', 'numerator' or 'denominator', not %r" % (part,))
    if (by is None) != (key is _NO_KEY):
        raise InvalidArgument("a breakdown row's list needs both by and key (key=None for 未填)")
    start, end = period_in(year, from_, to)
    options, keep = report_options(profile, calendar)
    handle = _capi.CaseListHandle()
    if by is None:
        _capi.lib().fz_case_list_compute(byref(handle), ds._h(), _capi.text_in(region, "region"), start,
                                         end, _capi.text_in(metric, "metric"), _capi.CASE_PARTS[part],
                                         byref(options))
    else:
        _capi.lib().fz_case_list_compute_row(
            byref(handle), ds._h(), _capi.text_in(region, "region"), start, end,
            _capi.text_in(metric, "metric"), _capi.CASE_PARTS[part], _capi.text_in(by, "by"),
            None if key is None else _capi.text_in(key, "key"), int(top), byref(options))
    del keep
    return _adopt(handle)


def follow_up(ds, region: str, name: str, year: Optional[int] = None, *, from_=None, to=None,
              profile=None, calendar=None) -> CaseList:
    """A follow-up list (督办清单) by name; follow_up_names() lists them."""
    start, end = period_in(year, from_, to)
    options, keep = report_options(profile, calendar)
    handle = _capi.CaseListHandle()
    _capi.lib().fz_case_list_follow_up(byref(handle), ds._h(), _capi.text_in(region, "region"),
                                       start, end, _capi.text_in(name, "name"), byref(options))
    del keep
    return _adopt(handle)


def follow_up_names() -> List[Dict[str, str]]:
    """The follow-up lists: [{"name", "label", "description"}, ...]."""
    return json.loads(_capi.take_string(_capi.lib().fz_case_list_follow_up_names))


def departments(ds, region: str, year: Optional[int] = None, *, from_=None, to=None, profile=None,
                calendar=None) -> Dict[str, Any]:
    """The department table of `region` as `fazhi departments --format json`
    gives it (docs/departments.md), with the assessment of the profile's
    "departments" key if it has one."""
    start, end = period_in(year, from_, to)
    options, keep = report_options(profile, calendar)
    text = _capi.take_string(_capi.lib().fz_departments_json, ds._h(),
                             _capi.text_in(region, "region"), start, end, byref(options))
    del keep
    return json.loads(text)


def departments_frame(table: Dict[str, Any]):
    """A department table (departments()) as a DataFrame: one row a
    department, one column a figure (counts as int, rates as Fraction), with
    rank and score."""
    from fractions import Fraction
    from ._pandas import require
    pandas = require()
    records = []
    for d in table["departments"]:
        row = {"name": d["name"], "level": d["level"], "rank": d["rank"], "score": d.get("score")}
        for m in d["metrics"]:
            v = m["value"]
            row[m["id"]] = Fraction(v["num"], v["den"]) if isinstance(v, dict) else v
        records.append(row)
    return pandas.DataFrame.from_records(records)
