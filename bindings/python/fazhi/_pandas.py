"""DataFrames of reports, regions and rejections, for an analyst with pandas.

pandas is optional: fazhi imports and works without it, and only the
to_pandas() methods need it. Exact values stay exact: a figure's column holds
the int, Fraction or Decimal itself (dtype object), and a `*_float` column
beside it holds the same figure as a nullable Float64 for plotting and
arithmetic where exactness does not matter. Counts and ranks are also in a
nullable Int64 column, `count`. An undefined figure is None in the exact
column and <NA> in the others, never 0.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Iterable, Optional, Sequence

if TYPE_CHECKING:  # pragma: no cover
    import pandas

# The frames read their rows by attribute (a Metric, a Region, a Rejection)
# and name no class of fazhi: this module sits below dataset.py and
# report.py, which call it, and imports neither.

# The columns of a report's frame, in order (see metrics_frame).
METRIC_COLUMNS = ("label", "unit", "kind", "value", "value_float", "count", "text", "previous",
                  "previous_float", "previous_text", "yoy", "yoy_float", "yoy_text", "basis",
                  "reason")


def require() -> Any:
    """The pandas module, or an ImportError that says how to get it."""
    try:
        import pandas
    except ImportError as e:
        raise ImportError("to_pandas() needs pandas, which is not installed (Debian: "
                          "apt install python3-pandas; elsewhere: pip install pandas); the rest "
                          "of fazhi works without it") from e
    return pandas


def _float(value: Optional[Any]) -> Optional[float]:
    if value is None:
        return None
    if isinstance(value, (int, Fraction, Decimal)):
        return float(value)
    raise TypeError("not an exact figure: %r" % (value,))


def _column(pd: Any, values: Sequence[Any], dtype: str) -> Any:
    return pd.array(list(values), dtype=dtype)


def metrics_frame(metrics: Sequence[Any], index: Optional[Any] = None) -> "pandas.DataFrame":
    """One row per fazhi.Metric, indexed by metric id (or by `index`)."""
    pd = require()
    ms = list(metrics)
    exact = lambda values: pd.Series(list(values), dtype=object, index=range(len(ms)))
    frame = pd.DataFrame({
        "label": _column(pd, [m.label for m in ms], "string"),
        "unit": _column(pd, [m.unit for m in ms], "string"),
        "kind": pd.Categorical([m.kind for m in ms]),
        "value": exact(m.value for m in ms),
        "value_float": _column(pd, [_float(m.value) for m in ms], "Float64"),
        "count": _column(pd, [m.value if m.kind in ("count", "rank") else None for m in ms],
                         "Int64"),
        "text": _column(pd, [m.text for m in ms], "string"),
        "previous": exact(m.previous for m in ms),
        "previous_float": _column(pd, [_float(m.previous) for m in ms], "Float64"),
        "previous_text": _column(pd, [m.previous_text for m in ms], "string"),
        "yoy": exact(m.yoy for m in ms),
        "yoy_float": _column(pd, [_float(m.yoy) for m in ms], "Float64"),
        "yoy_text": _column(pd, [m.yoy_text for m in ms], "string"),
        "basis": _column(pd, [m.basis for m in ms], "string"),
        "reason": _column(pd, [m.reason for m in ms], "string"),
    })
    frame.index = index if index is not None else pd.Index([m.id for m in ms], name="metric")
    return frame


def reports_frame(reports: Iterable[Any]) -> "pandas.DataFrame":
    """Every region's metrics, indexed by (region, metric), with the region's
    name as the first column."""
    pd = require()
    frames = []
    for rep in reports:
        ms = rep.metrics()
        index = pd.MultiIndex.from_arrays([[rep.region] * len(ms), [m.id for m in ms]],
                                          names=["region", "metric"])
        frame = metrics_frame(ms, index)
        frame.insert(0, "region_name", _column(pd, [rep.region_name] * len(ms), "string"))
        frames.append(frame)
    if not frames:
        empty = metrics_frame([], pd.MultiIndex.from_arrays([[], []], names=["region", "metric"]))
        empty.insert(0, "region_name", _column(pd, [], "string"))
        return empty
    return pd.concat(frames)


def regions_frame(regions: Sequence[Any]) -> "pandas.DataFrame":
    """One row per fazhi.Region, indexed by code: name, level, parent (<NA> for a
    province; a name regions.csv does not give is <NA> too)."""
    pd = require()
    return pd.DataFrame({
        "name": _column(pd, [r.name for r in regions], "string"),
        "level": pd.Categorical([r.level for r in regions],
                                categories=["district", "city", "province"]),
        "parent": _column(pd, [r.parent for r in regions], "string"),
    }, index=pd.Index([r.code for r in regions], name="region", dtype="string"))


def rejections_frame(rejections: Sequence[Any]) -> "pandas.DataFrame":
    """One row per fazhi.Rejection, in load order."""
    pd = require()
    rs = list(rejections)
    return pd.DataFrame({
        "file": _column(pd, [r.file for r in rs], "string"),
        "line": _column(pd, [r.line for r in rs], "Int64"),
        "column": _column(pd, [r.column for r in rs], "string"),
        "code": pd.Categorical([r.code for r in rs]),
        "reason": _column(pd, [r.reason for r in rs], "string"),
        "raw": _column(pd, [r.raw for r in rs], "string"),
    })


# The columns of a breakdown's frame, in order (see breakdown_frame).
BREAKDOWN_COLUMNS = ("key", "label", "value", "value_float", "count", "numerator", "denominator",
                     "previous", "previous_float", "share", "share_float", "change",
                     "change_float", "change_pp", "change_pp_float", "rank", "text",
                     "change_text")


def breakdown_frame(rows: Sequence[Any]) -> "pandas.DataFrame":
    """One row per breakdown row, in the breakdown's order."""
    pd = require()
    rs = list(rows)
    exact = lambda values: pd.Series(list(values), dtype=object, index=range(len(rs)))
    columns = {
        "key": _column(pd, [r.key for r in rs], "string"),
        "label": _column(pd, [r.label for r in rs], "string"),
    }
    for name in ("value", "previous", "share", "change", "change_pp"):
        columns[name] = exact(getattr(r, name) for r in rs)
        columns[name + "_float"] = _column(pd, [_float(getattr(r, name)) for r in rs], "Float64")
        if name == "value":
            columns["count"] = _column(
                pd, [r.value if isinstance(r.value, int) else None for r in rs], "Int64")
            columns["numerator"] = _column(pd, [r.numerator for r in rs], "Int64")
            columns["denominator"] = _column(pd, [r.denominator for r in rs], "Int64")
    columns["rank"] = _column(pd, [r.rank for r in rs], "Int64")
    columns["text"] = _column(pd, [r.text for r in rs], "string")
    columns["change_text"] = _column(pd, [r.change_text for r in rs], "string")
    return pd.DataFrame({name: columns[name] for name in BREAKDOWN_COLUMNS})


# The columns of a series' frame, in order (see series_frame).
SERIES_COLUMNS = ("from", "to", "value", "value_float", "count", "numerator", "denominator",
                  "previous", "previous_float", "text", "previous_text")


def series_frame(points: Sequence[Any]) -> "pandas.DataFrame":
    """One row per series point, indexed by period ("2019-03")."""
    pd = require()
    ps = list(points)
    exact = lambda values: pd.Series(list(values), dtype=object, index=range(len(ps)))
    frame = pd.DataFrame({
        "from": [p.from_ for p in ps],
        "to": [p.to for p in ps],
        "value": exact(p.value for p in ps),
        "value_float": _column(pd, [_float(p.value) for p in ps], "Float64"),
        "count": _column(pd, [p.value if isinstance(p.value, int) else None for p in ps], "Int64"),
        "numerator": _column(pd, [p.numerator for p in ps], "Int64"),
        "denominator": _column(pd, [p.denominator for p in ps], "Int64"),
        "previous": exact(p.previous for p in ps),
        "previous_float": _column(pd, [_float(p.previous) for p in ps], "Float64"),
        "text": _column(pd, [p.text for p in ps], "string"),
        "previous_text": _column(pd, [p.previous_text for p in ps], "string"),
    }, columns=list(SERIES_COLUMNS))
    frame.index = pd.Index([p.period for p in ps], name="period", dtype="string")
    return frame


# The columns of a cross-table's frame, in order (see cross_frame).
CROSS_COLUMNS = ("row_key", "row_label", "column_key", "column_label", "value", "value_float",
                 "count", "numerator", "denominator", "text")


def cross_frame(rows: Sequence[Any], columns: Sequence[Any],
                cells: Sequence[Sequence[Any]]) -> "pandas.DataFrame":
    """One row per cell, rows by columns in the table's order (long form)."""
    pd = require()
    items = [(r, c, cells[i][j]) for i, r in enumerate(rows) for j, c in enumerate(columns)]
    exact = lambda values: pd.Series(list(values), dtype=object, index=range(len(items)))
    return pd.DataFrame({
        "row_key": _column(pd, [r.key for r, _, _ in items], "string"),
        "row_label": _column(pd, [r.label for r, _, _ in items], "string"),
        "column_key": _column(pd, [c.key for _, c, _ in items], "string"),
        "column_label": _column(pd, [c.label for _, c, _ in items], "string"),
        "value": exact(x.value for _, _, x in items),
        "value_float": _column(pd, [_float(x.value) for _, _, x in items], "Float64"),
        "count": _column(pd, [x.value if isinstance(x.value, int) else None for _, _, x in items],
                         "Int64"),
        "numerator": _column(pd, [x.numerator for _, _, x in items], "Int64"),
        "denominator": _column(pd, [x.denominator for _, _, x in items], "Int64"),
        "text": _column(pd, [x.text for _, _, x in items], "string"),
    }, columns=list(CROSS_COLUMNS))
