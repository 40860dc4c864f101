"""fazhi.Breakdown: one metric split by a dimension of its records
(docs/breakdowns.md), its rows exact.

    b = ds.breakdown("reconsideration.received", by="respondent_level",
                     region="441881", year=2024)
    b.total.value                  # 151
    row = b[0]
    row.key, row.label, row.value  # ('county_dept', '县级政府部门', 140)
    row.share                      # Fraction(140, 151)
    row.text                       # '140 件（92.72%）'
    b.fold(3)                      # the rows after the first 3 as one row 其他
    b.to_pandas()                  # one row per key (needs pandas)

A count is an int, a rate a Fraction with its numerator and denominator as
counted, an undefined value None (never 0). A rate's change is change_pp,
in points of 1 (个百分点); a count's is change, relative.
"""

from __future__ import annotations

import json
from ctypes import byref, c_char_p, c_int32
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Optional, Union, overload

from . import _capi, _pandas
from ._handle import Owned

if TYPE_CHECKING:  # pragma: no cover
    import pandas

Figure = Union[int, Fraction, None]


@dataclass(frozen=True)
class BreakdownRow:
    """One value of the dimension (or the total, 合计, whose key is None)."""

    key: Optional[str]              # the code, the text, "2024-03"; None: empty (未填); "*other": 其他
    label: str                      # "县级政府部门", "未填", "其他", "合计"
    value: Figure                   # a count (int) or a rate (Fraction); None when undefined
    numerator: Optional[int]        # a rate's numerator and denominator as counted; a count's value and 1
    denominator: Optional[int]
    previous: Figure                # the comparison period's value
    share: Optional[Fraction]       # counts: value / total
    change: Optional[Fraction]      # counts: (value - previous) / previous
    change_pp: Optional[Fraction]   # rates: value - previous, a fraction of 1 (个百分点)
    rank: Optional[int]             # 1 = the largest; None for 其他, 合计, an undefined rate
    text: str                       # "140 件（92.72%）", "93.75%"
    change_text: str                # "-24.2%", "20.17 个百分点", ""


def _fraction(num: int, den: int) -> Optional[Fraction]:
    return Fraction(num, den) if den != 0 else None


def _figure(kind: int, integer: int, num: int, den: int) -> Figure:
    if kind == _capi.VALUE_COUNT:
        return integer
    if kind == _capi.VALUE_FRACTION and den != 0:
        return Fraction(num, den)
    return None


def _row(r: _capi.BreakdownRow) -> BreakdownRow:
    defined = r.kind != _capi.VALUE_UNDEFINED
    return BreakdownRow(
        key=r.key.decode("utf-8") if r.key is not None else None,
        label=(r.label or b"").decode("utf-8"),
        value=_figure(r.kind, r.value, r.num, r.den),
        numerator=r.num if defined else None,
        denominator=r.den if defined else None,
        previous=_figure(r.previous_kind, r.previous, r.previous_num, r.previous_den),
        share=_fraction(r.share_num, r.share_den),
        change=_fraction(r.change_num, r.change_den),
        change_pp=_fraction(r.change_pp_num, r.change_pp_den),
        rank=r.rank or None,
        text=(r.text or b"").decode("utf-8"),
        change_text=(r.change_text or b"").decode("utf-8"))


class Breakdown(Owned):
    """A breakdown: a sequence of BreakdownRow, largest first, with the
    total. Made by Dataset.breakdown() or Report.breakdown()."""

    __slots__ = ("_dataset", "metric", "by", "label", "additive", "rows", "total")

    @classmethod
    def _adopt(cls, handle: Any, owner: Any) -> "Breakdown":
        lib = _capi.lib()
        self = cls.__new__(cls)
        self._own(handle, lib.fz_breakdown_free)
        self._dataset = owner  # keeps the dataset alive as long as this
        metric, by, label, additive = c_char_p(), c_char_p(), c_char_p(), c_int32()
        lib.fz_breakdown_info(handle, byref(metric), byref(by), byref(label), byref(additive))
        self.metric = metric.value.decode("utf-8")
        self.by = by.value.decode("utf-8")
        self.label = label.value.decode("utf-8")
        self.additive = bool(additive.value)
        n = c_int32()
        lib.fz_breakdown_row_count(handle, byref(n))
        row = _capi.BreakdownRow()
        rows: List[BreakdownRow] = []
        for i in range(n.value):
            lib.fz_breakdown_row_get(handle, i, byref(row))
            rows.append(_row(row))
        self.rows = rows
        lib.fz_breakdown_total(handle, byref(row))
        self.total = _row(row)
        return self

    def __len__(self) -> int:
        return len(self.rows)

    @overload
    def __getitem__(self, index: int) -> BreakdownRow: ...

    @overload
    def __getitem__(self, index: slice) -> List[BreakdownRow]: ...

    def __getitem__(self, index: Union[int, slice]) -> Union[BreakdownRow, List[BreakdownRow]]:
        return self.rows[index]

    def __iter__(self) -> Iterator[BreakdownRow]:
        return iter(self.rows)

    def row(self, key: Optional[str]) -> BreakdownRow:
        """The row of `key` (None: the empty value, 未填); KeyError if none."""
        for r in self.rows:
            if r.key == key:
                return r
        raise KeyError(key)

    def fold(self, keep: int) -> "Breakdown":
        """A new breakdown with the rows after the first `keep` folded into
        one row 其他 (key "*other"): counts summed, rates pooled."""
        handle = _capi.BreakdownHandle()
        _capi.lib().fz_breakdown_fold(self._h(), int(keep), byref(handle))
        return Breakdown._adopt(handle, self._dataset)

    def to_json(self) -> Dict[str, Any]:
        """The breakdown object of docs/breakdowns.md, parsed."""
        return json.loads(_capi.take_string(_capi.lib().fz_breakdown_to_json, self._h()))

    def to_pandas(self) -> "pandas.DataFrame":
        """One row per key, in order: exact columns (value, previous, share,
        change, change_pp: int or Fraction, dtype object) each with a nullable
        Float64 `*_float` column beside it, the count as a nullable Int64,
        numerator, denominator and rank as nullable Int64."""
        return _pandas.breakdown_frame(self.rows)

    def __repr__(self) -> str:
        return "<fazhi.Breakdown %s by %s: %d rows>" % (self.metric, self.by, len(self.rows))
