"""Portable tallies (docs/tally.md): the counts a report is made from, by
district, with no case id, name or free text. Tallies of disjoint regions
merge exactly, and a report from a merged tally is the report from the
pooled records. A Tally pickles as its CBOR bytes, so it travels between the
processes of Dask, Spark or multiprocessing.

    t = fazhi.Tally.compute(ds, year=2019)            # or region="440100"
    data = t.to_bytes()                               # CBOR with a SHA-256 digest
    nation = fazhi.Tally.merge([t, other])            # disjoint districts
    nation.report("000000")                           # 全国, a fazhi.Report
"""

import json
from ctypes import byref, c_char_p
from datetime import date
from typing import Any, Dict, Iterable, List, Optional

from . import _capi
from ._handle import Owned
from .report import Report, period_in, report_options


class Tally(Owned):
    """An immutable portable tally; safe to read from many threads."""

    __slots__ = ()

    def __init__(self) -> None:
        raise TypeError("tallies come from Tally.compute(), Tally.from_bytes() and Tally.merge()")

    @classmethod
    def _adopt(cls, handle: Any) -> "Tally":
        t = cls.__new__(cls)
        t._own(handle, _capi.lib().fz_tally_free)
        return t

    @classmethod
    def compute(cls, dataset: Any, year: Optional[int] = None, *, region: Optional[str] = None,
                from_: Optional[date] = None, to: Optional[date] = None, profile: Any = None,
                calendar: Any = None) -> "Tally":
        """The tally of a Dataset for a year or [from_, to]; region keeps
        only the districts inside it. profile and calendar as Dataset.report()."""
        start, end = period_in(year, from_, to)
        options, keep = report_options(profile, calendar)
        handle = _capi.TallyHandle()
        _capi.lib().fz_tally_compute(byref(handle), dataset._h(),
                                     None if region is None else _capi.text_in(region, "region"),
                                     start, end, byref(options))
        del keep
        return cls._adopt(handle)

    @classmethod
    def from_bytes(cls, data: bytes) -> "Tally":
        """A tally from to_bytes() (CBOR) or to_json() text; a damaged,
        altered or other-version one raises fazhi.InvalidArgument."""
        if isinstance(data, str):
            data = data.encode("utf-8")
        handle = _capi.TallyHandle()
        _capi.lib().fz_tally_parse(byref(handle), bytes(data), len(data))
        return cls._adopt(handle)

    @classmethod
    def merge(cls, parts: Iterable["Tally"]) -> "Tally":
        """The tally of tallies of disjoint districts (raises
        fazhi.InvalidArgument on the same district twice or mixed periods)."""
        parts = list(parts)
        array = (_capi.TallyHandle * len(parts))(*[p._h() for p in parts])
        handle = _capi.TallyHandle()
        _capi.lib().fz_tally_merge(byref(handle), array, len(parts))
        return cls._adopt(handle)

    def to_bytes(self) -> bytes:
        """The tally as CBOR, its SHA-256 digest included."""
        return _capi.take_bytes(_capi.lib().fz_tally_serialize, self._h())

    def to_json(self) -> str:
        """The same content as JSON text, for people to read."""
        return _capi.take_string(_capi.lib().fz_tally_json, self._h())

    @property
    def region(self) -> str:
        """The region covered: "440100", or "000000" for 全国."""
        out = c_char_p()
        _capi.lib().fz_tally_region(self._h(), byref(out))
        return out.value.decode("ascii")

    @property
    def digest(self) -> str:
        """The SHA-256 of the canonical content, 64 hex digits."""
        out = c_char_p()
        _capi.lib().fz_tally_digest(self._h(), byref(out))
        return out.value.decode("ascii")

    def report(self, region: str, *, profile: Any = None) -> Report:
        """The report of a region of the tally ("000000": 全国)."""
        options, keep = report_options(profile, None)
        handle = _capi.ReportHandle()
        lib = _capi.lib()
        lib.fz_tally_report(byref(handle), self._h(), _capi.text_in(region, "region"), byref(options))
        del keep
        return Report._adopt(handle, lib.fz_report_free, self)

    def all_reports_json(self, *, profile: Any = None) -> List[Dict[str, Any]]:
        """Every region's report as parsed JSON, as Dataset.all_reports_json()."""
        options, keep = report_options(profile, None)
        text = _capi.take_string(_capi.lib().fz_tally_report_all_json, self._h(), byref(options))
        del keep
        return json.loads(text)

    def all_reports_json_text(self, *, profile: Any = None) -> str:
        """Every region's report as the JSON text fazhi report --all-regions writes."""
        options, keep = report_options(profile, None)
        text = _capi.take_string(_capi.lib().fz_tally_report_all_json, self._h(), byref(options))
        del keep
        return text

    def __reduce__(self):
        return (Tally.from_bytes, (self.to_bytes(),))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Tally) and self.digest == other.digest

    def __hash__(self) -> int:
        return hash(self.digest)

    def __repr__(self) -> str:
        if self.closed:
            return "<fazhi.Tally closed>"
        return "<fazhi.Tally of %s, sha256 %s>" % (self.region, self.digest[:12])
