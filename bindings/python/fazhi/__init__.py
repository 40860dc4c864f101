"""fazhi: the figures of a justice bureau's annual rule-of-law report
(法治政府建设年度报告), exact, from case records.

A pure-Python binding (ctypes, standard library only) over the C ABI of
libfazhi.so.1. See README.md and docs/ in the source tree.

    import fazhi
    ds = fazhi.Dataset.from_dir("data/examples/baiyun-2019")
    rep = ds.report(region="440111", year=2019)
    rep["litigation.win_rate"]          # Fraction(110, 117)
    rep["reconsideration.received"]     # 439
    rep.text("litigation.win_rate")     # '94.02%'
    print(rep.narrative())
    ds.regions()                        # [Region(code='440103', name='荔湾区', ...), ...]
    ds.all_reports(year=2019)["440100"] # the city's report, rolled up
    rep.to_pandas()                     # a DataFrame, when pandas is installed

The library is looked for in $FAZHI_LIBRARY (a file or a folder), next to
this package, through the system loader (libfazhi.so.1), then in lib/ of the
interpreter's prefix, of the prefix this package is installed under, and of
/usr/local (bindings/python/README.md, "How the library is found").
"""

from . import calendar, lottery
from ._capi import KINDS
from ._errors import (Aborted, AlreadyExists, Cancelled, DataLoss, DeadlineExceeded,
                      FailedPrecondition, FazhiError, Internal, InvalidArgument,
                      LibraryNotFoundError, NotFound, OutOfRange, PermissionDenied,
                      ResourceExhausted, Unauthenticated, Unavailable, Unimplemented, Unknown)
from .breakdown import Breakdown, BreakdownRow
from .calendar import Calendar
from .cases import (Case, CaseList, case_list, departments, departments_frame, follow_up,
                    follow_up_names)
from .dataset import (Dataset, KindCounts, LoadSummary, Region, RegionList, Rejection,
                      RejectionList)
from .report import Comparison, Exact, Metric, Report, Reports
from .series import CrossCell, CrossTable, Series, SeriesPoint
from .tally import Tally

__version__ = "1.0.0"  # the binding's; the library's is fazhi.library_version()


def library_version() -> str:
    """The loaded libfazhi's version string, "1.0.0"."""
    from . import _capi
    return _capi.lib().fz_version_string().decode("ascii")


def library_path() -> str:
    """Where the loaded libfazhi came from."""
    from . import _capi
    return _capi.lib()._name


__all__ = [
    "Dataset", "Report", "Reports", "Tally", "Breakdown", "BreakdownRow", "Series", "SeriesPoint",
    "CrossTable", "CrossCell", "Metric", "Comparison", "Exact", "LoadSummary", "KindCounts",
    "Region", "RegionList", "Rejection", "RejectionList", "Calendar", "calendar", "lottery",
    "KINDS", "Case", "CaseList", "case_list", "follow_up", "follow_up_names", "departments",
    "departments_frame",
    "FazhiError", "Cancelled", "Unknown", "InvalidArgument", "DeadlineExceeded", "NotFound",
    "AlreadyExists", "PermissionDenied", "ResourceExhausted", "FailedPrecondition", "Aborted",
    "OutOfRange", "Unimplemented", "Internal", "Unavailable", "DataLoss", "Unauthenticated",
    "LibraryNotFoundError", "library_version", "library_path",
]
