"""The C ABI of libfazhi.so.1 as ctypes sees it.

Everything that touches ctypes lives here: finding and loading the library,
the structs of ``fazhi.h``, one handle type per opaque handle, and ``FUNCTIONS``,
the one table that lists every C function with its argument types, result
type and error check. The table is applied when the library loads; a symbol
the library lacks is an error that names the library's version.

    from fazhi import _capi
    lib = _capi.lib()            # loads on first use, then cached
    lib.fz_version_string()      # b'1.0.0'
"""

import ctypes
import os
import sys
import threading
from ctypes import (POINTER, Structure, byref, c_char, c_char_p, c_int32, c_int64, c_size_t,
                    c_uint32, c_uint64, c_void_p)

from ._errors import FazhiError, LibraryNotFoundError, error_for

# The ABI this binding speaks (the SONAME's number) and the oldest library
# version that has every function of FUNCTIONS.
ABI_VERSION = 1
MIN_VERSION = (1, 0, 0)
SONAME = "libfazhi.so.1"

# ---- Constants of fazhi.h ---------------------------------------------------------

OK = 0
KINDS = ("reconsideration", "litigation", "legal_aid", "mediation", "registry", "activity",
         "regions")
KIND_NUMBERS = {name: i for i, name in enumerate(KINDS)}

ENCODINGS = {None: 0, "detect": 0, "utf-8": 1, "utf8": 1, "gb18030": 2}

VALUE_UNDEFINED, VALUE_COUNT, VALUE_FRACTION, VALUE_MONEY, VALUE_DAYS, VALUE_RANK, VALUE_NUMBER = \
    range(7)
VALUE_KINDS = ("undefined", "count", "fraction", "money", "days", "rank", "number")

PERIOD_UNITS = {"days": 0, "workdays": 1, "months": 2}

TRI_UNKNOWN, TRI_FALSE, TRI_TRUE = -1, 0, 1

REGION_LEVELS = ("province", "city", "district")  # FZ_REGION_*
# FZ_REJECT_*: a code a later library adds reads as "other".
REJECT_CODES = ("other", "malformed", "encoding", "missing", "invalid_value", "inconsistent",
                "duplicate")

# ---- Handles: one c_void_p subclass each, so they cannot be mixed up ----------------


class DatasetHandle(c_void_p):
    """An fz_dataset*."""


class ReportHandle(c_void_p):
    """An fz_report*."""


class CalendarHandle(c_void_p):
    """An fz_calendar*."""


class RegionListHandle(c_void_p):
    """An fz_region_list*."""


class ReportListHandle(c_void_p):
    """An fz_report_list*."""


class BreakdownHandle(c_void_p):
    """An fz_breakdown*."""


class CaseListHandle(c_void_p):
    """An fz_case_list*."""

class TallyHandle(c_void_p):
    """An fz_tally*."""


class SeriesHandle(c_void_p):
    """An fz_series*."""


class CrossTableHandle(c_void_p):
    """An fz_cross_table*."""


# ---- Structs (the layouts of fazhi.h, field for field) -----------------------------


class SizedStructure(Structure):
    """A struct that starts with ``uint32_t struct_size``, set on creation."""

    def __init__(self, **fields):
        super().__init__(**fields)
        self.struct_size = ctypes.sizeof(self)


class DatasetOptions(SizedStructure):
    _fields_ = [("struct_size", c_uint32), ("strict", c_int32), ("encoding", c_int32),
                ("threads", c_int32), ("drop_ids", c_int32)]


class KindCounts(Structure):
    _fields_ = [("rows_read", c_int64), ("rows_accepted", c_int64), ("rows_rejected", c_int64)]


class LoadSummary(SizedStructure):
    _fields_ = [("struct_size", c_uint32), ("files", c_int32), ("rows_read", c_int64),
                ("rows_accepted", c_int64), ("rows_rejected", c_int64), ("notices", c_int64),
                ("kinds", KindCounts * len(KINDS)), ("files_refused", c_int32),
                ("rows_added", c_int64), ("rows_added_rejected", c_int64)]


class Case(SizedStructure):
    # Every char* is borrowed from the case list: c_char_p copies it on access.
    _fields_ = [("struct_size", c_uint32), ("kind", c_int32), ("case_id", c_char_p),
                ("region", c_char_p), ("reason", c_char_p), ("times", c_int64),
                ("columns_json", c_char_p)]


CASE_PARTS = {"count": 0, "numerator": 1, "denominator": 2}  # FZ_CASE_PART_*


class ReportOptions(SizedStructure):
    _fields_ = [("struct_size", c_uint32), ("profile_json", c_char_p),
                ("profile_path", c_char_p), ("calendar", CalendarHandle)]


class Value(SizedStructure):
    # Every char* here is borrowed from the report: c_char_p copies it on access.
    _fields_ = [("struct_size", c_uint32), ("kind", c_int32), ("integer", c_int64),
                ("num", c_int64), ("den", c_int64), ("text", c_char_p), ("decimal", c_char_p),
                ("has_previous", c_int32), ("previous_kind", c_int32),
                ("previous_integer", c_int64), ("previous_num", c_int64),
                ("previous_den", c_int64), ("previous_text", c_char_p),
                ("previous_decimal", c_char_p), ("has_yoy", c_int32), ("metric_kind", c_int32),
                ("yoy_num", c_int64), ("yoy_den", c_int64), ("yoy_text", c_char_p),
                ("yoy_decimal", c_char_p), ("id", c_char_p), ("label", c_char_p),
                ("unit", c_char_p), ("basis", c_char_p), ("reason", c_char_p),
                ("num_text", c_char_p), ("den_text", c_char_p),
                ("previous_num_text", c_char_p), ("previous_den_text", c_char_p),
                ("yoy_num_text", c_char_p), ("yoy_den_text", c_char_p)]


class Change(SizedStructure):
    # fz_change: one metric against one earlier period; char* borrowed as in Value.
    _fields_ = [("struct_size", c_uint32), ("comparison", c_int32), ("has_previous", c_int32),
                ("previous_kind", c_int32), ("previous_integer", c_int64),
                ("previous_num", c_int64), ("previous_den", c_int64),
                ("previous_text", c_char_p), ("previous_decimal", c_char_p),
                ("has_change", c_int32), ("has_change_pp", c_int32),
                ("change_num", c_int64), ("change_den", c_int64), ("change_text", c_char_p),
                ("change_decimal", c_char_p), ("change_pp_num", c_int64),
                ("change_pp_den", c_int64), ("change_pp_text", c_char_p),
                ("change_pp_decimal", c_char_p), ("previous_num_text", c_char_p),
                ("previous_den_text", c_char_p), ("change_num_text", c_char_p),
                ("change_den_text", c_char_p), ("change_pp_num_text", c_char_p),
                ("change_pp_den_text", c_char_p)]


class RegionInfo(SizedStructure):
    # fz_region_info; char* borrowed from the fz_region_list.
    _fields_ = [("struct_size", c_uint32), ("level", c_int32), ("code", c_char_p),
                ("name", c_char_p), ("parent", c_char_p)]


class Rejection(SizedStructure):
    # fz_rejection; char* borrowed from the dataset until its next load.
    _fields_ = [("struct_size", c_uint32), ("code", c_int32), ("line", c_int64),
                ("file", c_char_p), ("column", c_char_p), ("reason", c_char_p),
                ("raw", c_char_p)]


class BreakdownRow(SizedStructure):
    # fz_breakdown_row; char* borrowed from the fz_breakdown.
    _fields_ = [("struct_size", c_uint32), ("kind", c_int32), ("key", c_char_p),
                ("label", c_char_p), ("value", c_int64), ("num", c_int64), ("den", c_int64),
                ("previous_kind", c_int32), ("rank", c_int32), ("previous", c_int64),
                ("previous_num", c_int64), ("previous_den", c_int64), ("share_num", c_int64),
                ("share_den", c_int64), ("change_num", c_int64), ("change_den", c_int64),
                ("change_pp_num", c_int64), ("change_pp_den", c_int64), ("text", c_char_p),
                ("change_text", c_char_p)]


class SeriesPoint(SizedStructure):
    # fz_series_point; char* borrowed from the fz_series.
    _fields_ = [("struct_size", c_uint32), ("kind", c_int32), ("period", c_char_p),
                ("from_", c_char_p), ("to", c_char_p), ("value", c_int64), ("num", c_int64),
                ("den", c_int64), ("previous_kind", c_int32), ("previous", c_int64),
                ("previous_num", c_int64), ("previous_den", c_int64), ("text", c_char_p),
                ("previous_text", c_char_p)]


class CrossCell(SizedStructure):
    # fz_cross_cell; char* borrowed from the fz_cross_table.
    _fields_ = [("struct_size", c_uint32), ("kind", c_int32), ("value", c_int64),
                ("num", c_int64), ("den", c_int64), ("text", c_char_p)]


COMPARE_YEAR_AGO = 0    # 同比
COMPARE_SEQUENTIAL = 1  # 环比

_c_char_p_array = POINTER(c_char_p)  # const char* const*: a list of UTF-8 strings


class DrawInput(SizedStructure):
    _fields_ = [("struct_size", c_uint32), ("seed", c_char_p), ("case_id", c_char_p),
                ("answered", _c_char_p_array), ("answered_count", c_size_t),
                ("conflicts", _c_char_p_array), ("conflicts_count", c_size_t),
                ("at_cap", _c_char_p_array), ("at_cap_count", c_size_t)]


class SampleInput(SizedStructure):
    _fields_ = [("struct_size", c_uint32), ("seed", c_char_p), ("batch_id", c_char_p),
                ("targets", _c_char_p_array), ("targets_count", c_size_t), ("k", c_uint64),
                ("inspectors", _c_char_p_array), ("inspectors_count", c_size_t),
                ("m", c_uint64), ("conflict_inspectors", _c_char_p_array),
                ("conflict_targets", _c_char_p_array), ("conflicts_count", c_size_t)]


# Record fields: (name, type) where type is "text", "date", "code", "money"
# (all char*), "tri" (int32, -1 unknown), "int32" (-1 unknown) or "int64".
# The order is fazhi.h's, which is what the layouts below are built from.
RECORD_FIELDS = {
    "reconsideration": [
        ("case_id", "text"), ("region", "text"), ("received_date", "date"),
        ("accepted_date", "date"), ("closed_date", "date"), ("disposition", "code"),
        ("respondent", "text"), ("category", "text"), ("simple_procedure", "tri"),
        ("extended", "tri"), ("litigated", "tri"), ("compensation", "tri"),
        ("suspended_days", "int32"), ("respondent_level", "code"), ("act_type", "code"),
        ("applicant_type", "code"), ("applicants", "int32")],
    "litigation": [
        ("case_id", "text"), ("region", "text"), ("filed_date", "date"), ("instance", "code"),
        ("defendant", "text"), ("category", "text"), ("defence_date", "date"),
        ("closed_date", "date"), ("outcome", "code"), ("head_appeared", "tri"),
        ("lawyer_only", "tri"), ("hearing_held", "tri"), ("defendant_level", "code"),
        ("act_type", "code"), ("head_principal", "tri")],
    "legal_aid": [
        ("case_id", "text"), ("region", "text"), ("applied_date", "date"),
        ("decided_date", "date"), ("decision", "code"), ("accepted_date", "date"),
        ("case_type", "code"), ("assigned_date", "date"), ("lawyer_id", "text"),
        ("firm_id", "text"), ("assignment_method", "code"), ("closed_date", "date"),
        ("recovered_amount", "money"), ("commitment", "tri"), ("service_type", "code"),
        ("recipient_group", "code")],
    "mediation": [
        ("case_id", "text"), ("region", "text"), ("received_date", "date"), ("org_id", "text"),
        ("closed_date", "date"), ("outcome", "code"), ("category", "text"),
        ("major_group", "tri"), ("org_type", "code")],
    "registry": [
        ("kind", "code"), ("entity_id", "text"), ("region", "text"), ("start_date", "date"),
        ("end_date", "date")],
    "activity": [
        ("region", "text"), ("date", "date"), ("indicator", "code"), ("value", "int64"),
        ("note", "text")],
    "regions": [("region", "text"), ("name", "text")],
}

_CTYPES = {"text": c_char_p, "date": c_char_p, "code": c_char_p, "money": c_char_p,
           "tri": c_int32, "int32": c_int32, "int64": c_int64}


def _record_struct(kind):
    fields = [("struct_size", c_uint32)] + [(n, _CTYPES[t]) for n, t in RECORD_FIELDS[kind]]
    return type("%s_record" % kind, (SizedStructure,), {"_fields_": fields})


RECORD_STRUCTS = {kind: _record_struct(kind) for kind in RECORD_FIELDS}

# ---- The table ----------------------------------------------------------------------

_c_char_pp = POINTER(c_void_p)  # char** out: owned strings come back as void*, then fz_free
_size_p = POINTER(c_size_t)
_date_out = c_char * 11

STATUS = "status"  # the result is an fz_status, checked and raised

# (name, result type, argument types). A STATUS result is checked on every call.
FUNCTIONS = [
    # Version and errors
    ("fz_version_string", c_char_p, []),
    ("fz_version_number", c_int32, []),
    ("fz_abi_version", c_int32, []),
    ("fz_status_string", c_char_p, [c_int32]),
    ("fz_last_error_code", c_int32, []),
    ("fz_last_error_message", c_char_p, []),
    ("fz_free", None, [c_void_p]),
    # Calendar
    ("fz_calendar_default", STATUS, [POINTER(CalendarHandle)]),
    ("fz_calendar_load_csv", STATUS, [CalendarHandle, c_char_p]),
    ("fz_calendar_free", None, [CalendarHandle]),
    ("fz_calendar_is_workday", STATUS, [CalendarHandle, c_char_p, POINTER(c_int32)]),
    ("fz_calendar_workdays_between", STATUS,
     [CalendarHandle, c_char_p, c_char_p, POINTER(c_int32)]),
    ("fz_calendar_add_workdays", STATUS, [CalendarHandle, c_char_p, c_int32, _date_out]),
    ("fz_calendar_period_end", STATUS, [CalendarHandle, c_char_p, c_int32, c_int32, _date_out]),
    # Dataset
    ("fz_dataset_create", STATUS, [POINTER(DatasetHandle), POINTER(DatasetOptions)]),
    ("fz_dataset_free", None, [DatasetHandle]),
    ("fz_dataset_load_dir", STATUS, [DatasetHandle, c_char_p, POINTER(LoadSummary)]),
    ("fz_dataset_load_csv", STATUS, [DatasetHandle, c_int32, c_char_p, POINTER(LoadSummary)]),
    ("fz_dataset_load_csv_buffer", STATUS,
     [DatasetHandle, c_int32, c_char_p, c_size_t, POINTER(LoadSummary)]),
    ("fz_dataset_summary", STATUS, [DatasetHandle, POINTER(LoadSummary)]),
    ("fz_dataset_seal", STATUS, [DatasetHandle]),
    ("fz_dataset_rejects_json", STATUS, [DatasetHandle, _c_char_pp, _size_p]),
    ("fz_dataset_notices_json", STATUS, [DatasetHandle, _c_char_pp, _size_p]),
] + [
    ("fz_dataset_add_" + kind, STATUS, [DatasetHandle, POINTER(RECORD_STRUCTS[kind])])
    for kind in RECORD_FIELDS
] + [
    # Report
    ("fz_report_compute", STATUS,
     [POINTER(ReportHandle), DatasetHandle, c_char_p, c_char_p, c_char_p,
      POINTER(ReportOptions)]),
    ("fz_report_all_json", STATUS,
     [DatasetHandle, c_char_p, c_char_p, POINTER(ReportOptions), _c_char_pp, _size_p]),
    ("fz_report_free", None, [ReportHandle]),
    # Tally
    ("fz_tally_compute", STATUS,
     [POINTER(TallyHandle), DatasetHandle, c_char_p, c_char_p, c_char_p, POINTER(ReportOptions)]),
    ("fz_tally_parse", STATUS, [POINTER(TallyHandle), c_char_p, c_size_t]),
    ("fz_tally_serialize", STATUS, [TallyHandle, _c_char_pp, _size_p]),
    ("fz_tally_json", STATUS, [TallyHandle, _c_char_pp, _size_p]),
    ("fz_tally_merge", STATUS, [POINTER(TallyHandle), POINTER(TallyHandle), c_size_t]),
    ("fz_tally_region", STATUS, [TallyHandle, POINTER(c_char_p)]),
    ("fz_tally_digest", STATUS, [TallyHandle, POINTER(c_char_p)]),
    ("fz_tally_report", STATUS,
     [POINTER(ReportHandle), TallyHandle, c_char_p, POINTER(ReportOptions)]),
    ("fz_tally_report_all_json", STATUS, [TallyHandle, POINTER(ReportOptions), _c_char_pp, _size_p]),
    ("fz_tally_free", None, [TallyHandle]),
    ("fz_report_metric_count", STATUS, [ReportHandle, POINTER(c_int32)]),
    ("fz_report_metric_id", STATUS, [ReportHandle, c_int32, POINTER(c_char_p)]),
    ("fz_report_region", STATUS, [ReportHandle, POINTER(c_char_p), POINTER(c_char_p)]),
    ("fz_report_period", STATUS, [ReportHandle, _date_out, _date_out, _date_out, _date_out]),
    ("fz_report_get", STATUS, [ReportHandle, c_char_p, POINTER(Value)]),
    ("fz_report_to_json", STATUS, [ReportHandle, _c_char_pp, _size_p]),
    ("fz_report_narrative", STATUS, [ReportHandle, _c_char_pp, _size_p]),
    # 同比 and 环比 of a metric: added after 1.0.0, like the draws below
    ("fz_report_get_change", STATUS, [ReportHandle, c_char_p, c_int32, POINTER(Change)]),
    ("fz_report_sequential_period", STATUS,
     [ReportHandle, POINTER(c_int32), _date_out, _date_out]),
    # Lists: the regions, the rejections as structs, every region's report as
    # handles (added after 1.0.0, like the draws below)
    ("fz_dataset_regions", STATUS, [POINTER(RegionListHandle), DatasetHandle]),
    ("fz_region_list_count", STATUS, [RegionListHandle, POINTER(c_int32)]),
    ("fz_region_list_get", STATUS, [RegionListHandle, c_int32, POINTER(RegionInfo)]),
    ("fz_region_list_free", None, [RegionListHandle]),
    ("fz_dataset_rejection_count", STATUS, [DatasetHandle, POINTER(c_int64)]),
    ("fz_dataset_rejection_get", STATUS, [DatasetHandle, c_int64, POINTER(Rejection)]),
    ("fz_report_compute_all", STATUS,
     [POINTER(ReportListHandle), DatasetHandle, c_char_p, c_char_p, POINTER(ReportOptions)]),
    ("fz_report_list_count", STATUS, [ReportListHandle, POINTER(c_int32)]),
    ("fz_report_list_get", STATUS, [ReportListHandle, c_int32, POINTER(ReportHandle)]),
    ("fz_report_list_free", None, [ReportListHandle]),
    # Breakdowns (docs/breakdowns.md): added after 1.0.0, like the draws below
    ("fz_breakdown_compute", STATUS,
     [POINTER(BreakdownHandle), DatasetHandle, c_char_p, c_char_p, c_char_p, c_char_p, c_char_p,
      POINTER(ReportOptions)]),
    ("fz_breakdown_free", None, [BreakdownHandle]),
    ("fz_breakdown_fold", STATUS, [BreakdownHandle, c_int32, POINTER(BreakdownHandle)]),
    ("fz_breakdown_info", STATUS,
     [BreakdownHandle, POINTER(c_char_p), POINTER(c_char_p), POINTER(c_char_p), POINTER(c_int32)]),
    ("fz_breakdown_row_count", STATUS, [BreakdownHandle, POINTER(c_int32)]),
    ("fz_breakdown_row_get", STATUS, [BreakdownHandle, c_int32, POINTER(BreakdownRow)]),
    ("fz_breakdown_total", STATUS, [BreakdownHandle, POINTER(BreakdownRow)]),
    ("fz_breakdown_to_json", STATUS, [BreakdownHandle, _c_char_pp, _size_p]),
    # Series and cross-tables (docs/breakdowns.md)
    ("fz_series_compute", STATUS,
     [POINTER(SeriesHandle), DatasetHandle, c_char_p, c_char_p, c_char_p, c_char_p, c_char_p,
      POINTER(ReportOptions)]),
    ("fz_series_free", None, [SeriesHandle]),
    ("fz_series_info", STATUS,
     [SeriesHandle, POINTER(c_char_p), POINTER(c_char_p), POINTER(c_char_p), POINTER(c_char_p)]),
    ("fz_series_point_count", STATUS, [SeriesHandle, POINTER(c_int32)]),
    ("fz_series_point_get", STATUS, [SeriesHandle, c_int32, POINTER(SeriesPoint)]),
    ("fz_series_to_json", STATUS, [SeriesHandle, _c_char_pp, _size_p]),
    ("fz_cross_table_compute", STATUS,
     [POINTER(CrossTableHandle), DatasetHandle, c_char_p, c_char_p, c_char_p, c_char_p, c_char_p,
      c_char_p, POINTER(ReportOptions)]),
    ("fz_cross_table_free", None, [CrossTableHandle]),
    ("fz_cross_table_info", STATUS,
     [CrossTableHandle, POINTER(c_char_p), POINTER(c_char_p), POINTER(c_char_p)]),
    ("fz_cross_table_size", STATUS, [CrossTableHandle, POINTER(c_int32), POINTER(c_int32)]),
    ("fz_cross_table_row", STATUS, [CrossTableHandle, c_int32, POINTER(BreakdownRow)]),
    ("fz_cross_table_column", STATUS, [CrossTableHandle, c_int32, POINTER(BreakdownRow)]),
    ("fz_cross_table_cell", STATUS, [CrossTableHandle, c_int32, c_int32, POINTER(CrossCell)]),
    ("fz_cross_table_total", STATUS, [CrossTableHandle, POINTER(CrossCell)]),
    ("fz_cross_table_to_json", STATUS, [CrossTableHandle, _c_char_pp, _size_p]),
    # Case lists, follow-up lists and department tables (docs/cases.md)
    ("fz_case_list_compute", STATUS,
     [POINTER(CaseListHandle), DatasetHandle, c_char_p, c_char_p, c_char_p, c_char_p, c_int32,
      POINTER(ReportOptions)]),
    ("fz_case_list_compute_row", STATUS,
     [POINTER(CaseListHandle), DatasetHandle, c_char_p, c_char_p, c_char_p, c_char_p, c_int32,
      c_char_p, c_char_p, c_int32, POINTER(ReportOptions)]),
    ("fz_case_list_follow_up", STATUS,
     [POINTER(CaseListHandle), DatasetHandle, c_char_p, c_char_p, c_char_p, c_char_p,
      POINTER(ReportOptions)]),
    ("fz_case_list_follow_up_names", STATUS, [_c_char_pp, _size_p]),
    ("fz_case_list_free", None, [CaseListHandle]),
    ("fz_case_list_count", STATUS, [CaseListHandle, POINTER(c_int64)]),
    ("fz_case_list_get", STATUS, [CaseListHandle, c_int64, POINTER(Case)]),
    ("fz_case_list_to_json", STATUS, [CaseListHandle, _c_char_pp, _size_p]),
    ("fz_case_list_to_csv", STATUS, [CaseListHandle, _c_char_pp, _size_p]),
    ("fz_departments_json", STATUS,
     [DatasetHandle, c_char_p, c_char_p, c_char_p, POINTER(ReportOptions), _c_char_pp, _size_p]),
    # Verifiable draws (docs/lottery.md): added after 1.0.0; the release that ships
    # them raises MIN_VERSION to its own number
    ("fz_lottery_draw", STATUS, [POINTER(DrawInput), _c_char_pp, _size_p]),
    ("fz_sample_draw", STATUS, [POINTER(SampleInput), _c_char_pp, _size_p]),
    ("fz_lottery_verify", STATUS, [c_char_p, _c_char_pp, _size_p]),
    # Announcements and list parsing (docs/lottery.md)
    ("fz_lottery_announce", STATUS, [POINTER(DrawInput), _c_char_pp, _size_p]),
    ("fz_sample_announce", STATUS, [POINTER(SampleInput), _c_char_pp, _size_p]),
    ("fz_lottery_verify_announced", STATUS, [c_char_p, c_char_p, _c_char_pp, _size_p]),
    ("fz_lottery_parse_ids", STATUS, [c_char_p, c_size_t, c_int32, _c_char_pp, _size_p]),
    ("fz_lottery_parse_conflicts", STATUS, [c_char_p, c_size_t, c_int32, _c_char_pp, _size_p]),
]

# ---- Loading ------------------------------------------------------------------------

_lock = threading.Lock()
_lib = None


def _package_prefix():
    """The prefix this package is installed under: X for a package in
    X/lib/pythonN.M/site-packages (or dist-packages), else None."""
    here = os.path.dirname(os.path.abspath(__file__))
    packages = os.path.dirname(here)
    python = os.path.dirname(packages)
    lib = os.path.dirname(python)
    if (os.path.basename(packages) in ("site-packages", "dist-packages")
            and os.path.basename(python).startswith("python")
            and os.path.basename(lib) in ("lib", "lib64")):
        return os.path.dirname(lib)
    return None


def _candidates():
    """Where to look, in order: (description, path or SONAME)."""
    env = os.environ.get("FAZHI_LIBRARY")
    if env:
        path = os.path.join(env, SONAME) if os.path.isdir(env) else env
        yield "FAZHI_LIBRARY", path
    yield "next to the package", os.path.join(os.path.dirname(os.path.abspath(__file__)), SONAME)
    yield "the system loader", SONAME
    # `cmake --install build --prefix P` puts the library in P/lib (P/lib64 on
    # some systems) and does not tell the loader; the prefixes looked in are
    # the interpreter's (a venv's, /usr), the one this package was installed
    # under, and /usr/local before ldconfig has run.
    seen = set()
    for prefix in (sys.prefix, _package_prefix(), "/usr/local"):
        if prefix is None:
            continue
        for libdir in ("lib", "lib64"):
            path = os.path.join(prefix, libdir, SONAME)
            if path not in seen:
                seen.add(path)
                yield "the install prefix " + prefix, path


def _check_status(result, func, args):
    if result != OK:
        raise last_error(result, func.__name__)
    return result


def python_call():
    """The fazhi call the program made that is running now ("Report.metric()",
    "Report[...]", "fazhi.calendar.is_workday()"): the outermost frame of this
    package on the stack, or None outside one. Only looked at on an error."""
    frame = sys._getframe(1)
    outer = None
    while frame is not None:
        module = frame.f_globals.get("__name__", "")
        if module == "fazhi" or module.startswith("fazhi."):
            outer = frame
        elif outer is not None:
            break
        frame = frame.f_back
    if outer is None:
        return None
    code = outer.f_code
    qualname = getattr(code, "co_qualname", code.co_name)  # co_qualname: Python 3.11
    owner, _, name = qualname.rpartition(".")
    if not owner:
        return "%s.%s()" % (outer.f_globals["__name__"], name)
    if name == "__getitem__":
        return "%s[...]" % owner
    if name == "__init__":
        return "%s()" % owner
    return "%s.%s()" % (owner, name)


def last_error(code, function=None):
    """The FazhiError for status `code`, carrying this thread's C message.
    The message names the Python call rather than the C function
    (`function`, kept on the exception as .function)."""
    message = _lib.fz_last_error_message() if _lib is not None else b""
    name = _lib.fz_status_string(code) if _lib is not None else b""
    text = (message or b"").decode("utf-8", "replace")
    call = python_call() if function else None
    if call:
        prefix = function + ": "
        text = call + ": " + (text[len(prefix):] if text.startswith(prefix) else text)
    error = error_for(code, text, (name or b"").decode("ascii", "replace"))
    error.function = function
    return error


def _apply(cdll, path):
    missing = []
    for name, restype, argtypes in FUNCTIONS:
        try:
            f = getattr(cdll, name)
        except AttributeError:
            missing.append(name)
            continue
        f.argtypes = argtypes
        if restype is STATUS:
            f.restype = c_int32
            f.errcheck = _check_status
        else:
            f.restype = restype
    if missing:
        version = "unknown"
        try:
            cdll.fz_version_string.restype = c_char_p
            version = cdll.fz_version_string().decode("ascii", "replace")
        except AttributeError:
            pass
        raise LibraryNotFoundError(
            "%s is fazhi %s and lacks %s, which this binding needs (fazhi >= %s)"
            % (path, version, ", ".join(missing), ".".join(map(str, MIN_VERSION))))
    abi = cdll.fz_abi_version()
    number = cdll.fz_version_number()
    have = (number // 10000, number // 100 % 100, number % 100)
    if abi != ABI_VERSION or have < MIN_VERSION:
        raise LibraryNotFoundError(
            "%s is fazhi %s (ABI %d); this binding needs ABI %d, version >= %s"
            % (path, cdll.fz_version_string().decode(), abi, ABI_VERSION,
               ".".join(map(str, MIN_VERSION))))


def lib():
    """The loaded library, its table applied; loaded on first use."""
    global _lib
    if _lib is not None:
        return _lib
    with _lock:
        if _lib is not None:
            return _lib
        tried = []
        for where, path in _candidates():
            if os.sep in path and not os.path.exists(path):
                tried.append("%s: %s (no such file)" % (where, path))
                continue
            try:
                cdll = ctypes.CDLL(path)
            except OSError as e:
                tried.append("%s: %s (%s)" % (where, path, e))
                continue
            _apply(cdll, path)
            _lib = cdll
            return _lib
        raise LibraryNotFoundError(
            "cannot load %s; tried:\n  %s\n"
            "Set FAZHI_LIBRARY to the file or the folder holding it (for a library installed "
            "with `cmake --install build --prefix /opt/fazhi`: FAZHI_LIBRARY=/opt/fazhi/lib), "
            "or install the library into this interpreter's prefix "
            "(cmake --install build --prefix %s), or into /usr/local and run ldconfig."
            % (SONAME, "\n  ".join(tried), sys.prefix))


# ---- Calls ---------------------------------------------------------------------------


def take_string(function, *args):
    """Calls function(*args, &ptr, &len) and returns the owned string it made,
    copied into Python and released with fz_free."""
    ptr = c_void_p()
    size = c_size_t()
    function(*args, byref(ptr), byref(size))
    try:
        return ctypes.string_at(ptr.value, size.value).decode("utf-8") if ptr.value else ""
    finally:
        _lib.fz_free(ptr)


def take_bytes(function, *args):
    """Calls function(*args, &ptr, &len) and returns the owned bytes it made,
    copied into Python and released with fz_free."""
    ptr = c_void_p()
    size = c_size_t()
    function(*args, byref(ptr), byref(size))
    try:
        return ctypes.string_at(ptr.value, size.value) if ptr.value else b""
    finally:
        _lib.fz_free(ptr)


def text_in(value, what):
    """A str (or PathLike) argument as NUL-terminated UTF-8 bytes."""
    if isinstance(value, bytes):
        return value
    if isinstance(value, os.PathLike):
        value = os.fspath(value)
        if isinstance(value, bytes):
            return value
    if not isinstance(value, str):
        raise TypeError("%s must be str, not %s" % (what, type(value).__name__))
    if "\0" in value:
        raise FazhiError.make(3, "%s contains a NUL character" % what)
    # surrogateescape keeps bytes that are not UTF-8 (an undecodable file
    # name) as they are, so that the library reports them.
    return value.encode("utf-8", "surrogateescape")
