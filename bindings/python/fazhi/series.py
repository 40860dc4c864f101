"""fazhi.Series and fazhi.CrossTable: a metric by month or quarter, and a
metric split by two dimensions (docs/breakdowns.md), their values exact.

    s = ds.series("reconsideration.received", region="440111", year=2019)
    s[0].period, s[0].value, s[0].previous     # ('2019-01', 47, 40)
    sum(p.value for p in s)                    # 439, the year's figure
    ds.series("litigation.win_rate", region="440111", year=2019, by="quarter")[0].value
                                               # Fraction(..): a rate keeps its counts
    t = ds.cross_table("reconsideration.received", "respondent_level", "act_type",
                       region="441881", year=2024)
    t.cell(0, 0), t.rows[0].label, t.total     # (66, '县级政府部门', 151)
    s.to_pandas(); t.to_pandas()               # needs pandas

A count is an int, a rate a Fraction (with its numerator and denominator as
counted), an undefined value None (never 0).
"""

from __future__ import annotations

import datetime
import json
from ctypes import byref, c_char_p, c_int32
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Optional, Tuple, Union, overload

from . import _capi, _pandas
from ._handle import Owned
from .breakdown import BreakdownRow, Figure, _figure, _row

if TYPE_CHECKING:  # pragma: no cover
    import pandas


@dataclass(frozen=True)
class SeriesPoint:
    """The metric in one month or quarter."""

    period: str                     # "2019-03", "2019-Q1"
    from_: datetime.date            # its first and last day within the period
    to: datetime.date
    value: Figure                   # a count (int), a rate (Fraction), None when undefined
    numerator: Optional[int]        # a rate's numerator and denominator as counted; a count's value and 1
    denominator: Optional[int]
    previous: Figure                # the same month or quarter a year earlier
    text: str                       # "47 件", "93.75%", "—"
    previous_text: str


def _date(b: bytes) -> datetime.date:
    return datetime.date.fromisoformat(b.decode("ascii"))


def _point(p: _capi.SeriesPoint) -> SeriesPoint:
    defined = p.kind != _capi.VALUE_UNDEFINED
    return SeriesPoint(
        period=p.period.decode("utf-8"), from_=_date(p.from_), to=_date(p.to),
        value=_figure(p.kind, p.value, p.num, p.den),
        numerator=p.num if defined else None, denominator=p.den if defined else None,
        previous=_figure(p.previous_kind, p.previous, p.previous_num, p.previous_den),
        text=(p.text or b"").decode("utf-8"), previous_text=(p.previous_text or b"").decode("utf-8"))


class Series(Owned):
    """A metric by month (or quarter) within a period, every one present: a
    sequence of SeriesPoint in time order. Made by Dataset.series() or
    Report.series()."""

    __slots__ = ("_dataset", "metric", "by", "label", "unit", "points")

    @classmethod
    def _adopt(cls, handle: Any, owner: Any) -> "Series":
        lib = _capi.lib()
        self = cls.__new__(cls)
        self._own(handle, lib.fz_series_free)
        self._dataset = owner
        metric, by, label, unit = c_char_p(), c_char_p(), c_char_p(), c_char_p()
        lib.fz_series_info(handle, byref(metric), byref(by), byref(label), byref(unit))
        self.metric = metric.value.decode("utf-8")
        self.by = by.value.decode("utf-8")
        self.label = label.value.decode("utf-8")
        self.unit = unit.value.decode("utf-8")
        n = c_int32()
        lib.fz_series_point_count(handle, byref(n))
        point = _capi.SeriesPoint()
        points: List[SeriesPoint] = []
        for i in range(n.value):
            lib.fz_series_point_get(handle, i, byref(point))
            points.append(_point(point))
        self.points = points
        return self

    def __len__(self) -> int:
        return len(self.points)

    @overload
    def __getitem__(self, index: int) -> SeriesPoint: ...

    @overload
    def __getitem__(self, index: slice) -> List[SeriesPoint]: ...

    def __getitem__(self, index: Union[int, slice]) -> Union[SeriesPoint, List[SeriesPoint]]:
        return self.points[index]

    def __iter__(self) -> Iterator[SeriesPoint]:
        return iter(self.points)

    def to_json(self) -> Dict[str, Any]:
        """{"metric", "by", "region", "points": [{"period", "value", "previous"}]}, parsed."""
        return json.loads(_capi.take_string(_capi.lib().fz_series_to_json, self._h()))

    def to_pandas(self) -> "pandas.DataFrame":
        """One row per month or quarter, indexed by period: from, to, the exact
        value and previous (int or Fraction, dtype object) each with a nullable
        Float64 `*_float` column, the count as a nullable Int64, numerator and
        denominator as nullable Int64, and the texts."""
        return _pandas.series_frame(self.points)

    def __repr__(self) -> str:
        return "<fazhi.Series %s by %s: %d points>" % (self.metric, self.by, len(self.points))


@dataclass(frozen=True)
class CrossCell:
    """One cell of a cross-table (or its total)."""

    value: Figure                   # a count (int), a rate (Fraction), None when undefined
    numerator: Optional[int]
    denominator: Optional[int]
    text: str                       # "66 件", "93.75%", "—"


def _cell(c: _capi.CrossCell) -> CrossCell:
    defined = c.kind != _capi.VALUE_UNDEFINED
    return CrossCell(value=_figure(c.kind, c.value, c.num, c.den), numerator=c.num if defined else None,
                     denominator=c.den if defined else None, text=(c.text or b"").decode("utf-8"))


class CrossTable(Owned):
    """A metric split by two dimensions. rows and columns are the margins
    (each dimension's own BreakdownRow, in its order); cells[i][j] is rows[i]
    by columns[j]. Made by Dataset.cross_table() or Report.cross_table()."""

    __slots__ = ("_dataset", "metric", "rows_by", "columns_by", "rows", "columns", "cells",
                 "total_cell")

    @classmethod
    def _adopt(cls, handle: Any, owner: Any) -> "CrossTable":
        lib = _capi.lib()
        self = cls.__new__(cls)
        self._own(handle, lib.fz_cross_table_free)
        self._dataset = owner
        metric, rows_by, columns_by = c_char_p(), c_char_p(), c_char_p()
        lib.fz_cross_table_info(handle, byref(metric), byref(rows_by), byref(columns_by))
        self.metric = metric.value.decode("utf-8")
        self.rows_by = rows_by.value.decode("utf-8")
        self.columns_by = columns_by.value.decode("utf-8")
        nr, nc = c_int32(), c_int32()
        lib.fz_cross_table_size(handle, byref(nr), byref(nc))
        row = _capi.BreakdownRow()
        self.rows = []
        for i in range(nr.value):
            lib.fz_cross_table_row(handle, i, byref(row))
            self.rows.append(_row(row))
        self.columns = []
        for j in range(nc.value):
            lib.fz_cross_table_column(handle, j, byref(row))
            self.columns.append(_row(row))
        cell = _capi.CrossCell()
        self.cells = []
        for i in range(nr.value):
            line = []
            for j in range(nc.value):
                lib.fz_cross_table_cell(handle, i, j, byref(cell))
                line.append(_cell(cell))
            self.cells.append(line)
        lib.fz_cross_table_total(handle, byref(cell))
        self.total_cell = _cell(cell)
        return self

    @property
    def shape(self) -> Tuple[int, int]:
        """(rows, columns)."""
        return len(self.rows), len(self.columns)

    def cell(self, row: int, column: int) -> Figure:
        """The value of rows[row] by columns[column]: an int, a Fraction or None."""
        return self.cells[row][column].value

    @property
    def total(self) -> Figure:
        """The metric's figure for the region and period."""
        return self.total_cell.value

    def to_json(self) -> Dict[str, Any]:
        """{"metric", "rows_by", "columns_by", ..., "rows", "columns", "cells"}, parsed."""
        return json.loads(_capi.take_string(_capi.lib().fz_cross_table_to_json, self._h()))

    def to_pandas(self) -> "pandas.DataFrame":
        """One row per cell (long form; .pivot(index="row_label",
        columns="column_label", values="count") makes the table): the row's and
        column's keys and labels, the exact value (dtype object) with a nullable
        Float64 `value_float`, the count, numerator and denominator as nullable
        Int64, and the text."""
        return _pandas.cross_frame(self.rows, self.columns, self.cells)

    def __repr__(self) -> str:
        return "<fazhi.CrossTable %s by %s x %s: %d x %d>" % (
            self.metric, self.rows_by, self.columns_by, len(self.rows), len(self.columns))


__all__ = ["Series", "SeriesPoint", "CrossTable", "CrossCell", "BreakdownRow"]
