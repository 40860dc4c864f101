"""fazhi.lottery: verifiable draws, the legal-aid lottery (摇珠) and the 双随机
inspection sample (docs/lottery.md), through the C ABI.

    from fazhi import lottery
    audit = lottery.draw(seed="2024-06-03 上证指数收盘 3078.49",
                         case_id="穗白法援〔2024〕0173号",
                         pool=["王律师", "李律师", "陈律师", "赵律师", "刘律师"],
                         exclude=["李律师"], at_cap=["赵律师"])
    audit["winner"]                 # '陈律师'
    lottery.verify(audit)           # 'case 穗白法援〔2024〕0173号: 陈律师 drawn (...)'
    lottery.to_json(audit)          # the record to publish

Before the seed exists, publish an announcement of the lists; afterwards,
verify the record against it (verify() without one checks only that the
record agrees with itself):

    ann = lottery.announce(case_id="...", pool=[...], exclude=[...], at_cap=[...])
    lottery.verify(audit, announcement=ann)

parse_ids / read_ids and parse_conflicts / read_conflicts read lists as the
fazhi command does (docs/lottery.md, "Lists").

An audit record is a plain dict with docs/lottery.md's keys, in its order.
verify() takes a dict or the record's JSON text, returns the one-line summary
and raises fazhi.FailedPrecondition (naming the first field that differs) for
a record that does not verify, fazhi.InvalidArgument for one that cannot be
read.
"""

from __future__ import annotations

import json
from ctypes import Array, byref, c_char_p
from os import PathLike
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from . import _capi

__all__ = ["draw", "sample", "verify", "to_json", "announce", "announce_sample", "parse_ids",
           "read_ids", "parse_conflicts", "read_conflicts"]

_LIST_INLINE, _LIST_FILE = 0, 1

# An audit record or an announcement: docs/lottery.md's keys, in its order.
AuditRecord = Dict[str, Any]
# A record given back to verify(): the dict, or its JSON text.
RecordIn = Union[Mapping[str, Any], str, bytes]
# A list file's path.
Path = Union[str, "PathLike[str]"]


def _texts(values: Iterable[str], what: str) -> Tuple["Array[c_char_p]", int]:
    """An iterable of str as a C array of UTF-8 strings (and its length)."""
    if isinstance(values, (str, bytes)):
        raise TypeError("%s must be a list of ids, not a single %s" % (what, type(values).__name__))
    items = [_capi.text_in(v, "%s[%d]" % (what, i)) for i, v in enumerate(values)]
    return (c_char_p * len(items))(*items), len(items)


def _count(value: int, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("%s must be an int, not %s" % (what, type(value).__name__))
    if value < 0:
        raise ValueError("%s must not be negative" % what)
    return value


def _record(text: str) -> AuditRecord:
    return json.loads(text)


def _draw_input(seed: Optional[str], case_id: str, pool: Iterable[str], exclude: Iterable[str],
                at_cap: Iterable[str]) -> _capi.DrawInput:
    answered, n_answered = _texts(pool, "pool")
    conflicts, n_conflicts = _texts(exclude, "exclude")
    capped, n_capped = _texts(at_cap, "at_cap")
    inp = _capi.DrawInput(seed=None if seed is None else _capi.text_in(seed, "seed"),
                          case_id=_capi.text_in(case_id, "case_id"),
                          answered=answered, answered_count=n_answered,
                          conflicts=conflicts, conflicts_count=n_conflicts,
                          at_cap=capped, at_cap_count=n_capped)
    return inp


def draw(*, seed: str, case_id: str, pool: Iterable[str], exclude: Iterable[str] = (),
         at_cap: Iterable[str] = ()) -> AuditRecord:
    """Draws one lawyer for a legal-aid case: `pool` are the lawyers who
    answered the invitation, less `exclude` (conflicts of interest) and
    `at_cap` (at their caseload cap). Returns the audit record as a dict."""
    inp = _draw_input(seed, case_id, pool, exclude, at_cap)
    lib = _capi.lib()
    return _record(_capi.take_string(lib.fz_lottery_draw, byref(inp)))


def announce(*, case_id: str, pool: Iterable[str], exclude: Iterable[str] = (),
             at_cap: Iterable[str] = ()) -> AuditRecord:
    """The announcement of a draw, to publish before the seed exists: the
    canonical lists and their commitment "announcement_sha256" (a dict)."""
    inp = _draw_input(None, case_id, pool, exclude, at_cap)
    lib = _capi.lib()
    return _record(_capi.take_string(lib.fz_lottery_announce, byref(inp)))


def _sample_input(seed: Optional[str], targets: Iterable[str], k: int, inspectors: Iterable[str],
                  m: int, conflicts: Iterable[Sequence[str]],
                  batch_id: str) -> _capi.SampleInput:
    pairs = [tuple(c) for c in conflicts]
    for i, pair in enumerate(pairs):
        if len(pair) != 2:
            raise ValueError("conflicts[%d] must be an (inspector, target) pair" % i)
    target_array, n_targets = _texts(targets, "targets")
    inspector_array, n_inspectors = _texts(inspectors, "inspectors")
    who, n_pairs = _texts([p[0] for p in pairs], "conflicts inspector")
    what, _ = _texts([p[1] for p in pairs], "conflicts target")
    inp = _capi.SampleInput(seed=None if seed is None else _capi.text_in(seed, "seed"),
                            batch_id=_capi.text_in(batch_id, "batch_id"),
                            targets=target_array, targets_count=n_targets,
                            k=_count(k, "k"), inspectors=inspector_array,
                            inspectors_count=n_inspectors, m=_count(m, "m"),
                            conflict_inspectors=who, conflict_targets=what,
                            conflicts_count=n_pairs)
    return inp


def sample(*, seed: str, targets: Iterable[str], k: int, inspectors: Iterable[str], m: int,
           conflicts: Iterable[Sequence[str]] = (), batch_id: str = "") -> AuditRecord:
    """Draws a 双随机 sample: `k` of `targets`, then for each a team of `m` of
    `inspectors`; `conflicts` are (inspector, target) pairs that may not meet.
    Returns the audit record as a dict."""
    inp = _sample_input(seed, targets, k, inspectors, m, conflicts, batch_id)
    lib = _capi.lib()
    return _record(_capi.take_string(lib.fz_sample_draw, byref(inp)))


def announce_sample(*, targets: Iterable[str], k: int, inspectors: Iterable[str], m: int,
                    conflicts: Iterable[Sequence[str]] = (), batch_id: str = "") -> AuditRecord:
    """The announcement of a 双随机 sample, to publish before the seed exists."""
    inp = _sample_input(None, targets, k, inspectors, m, conflicts, batch_id)
    lib = _capi.lib()
    return _record(_capi.take_string(lib.fz_sample_announce, byref(inp)))


def _parse(function: Callable[..., Any], text: Union[str, bytes], form: int) -> Any:
    data = text.encode("utf-8", "surrogateescape") if isinstance(text, str) else bytes(text)
    return json.loads(_capi.take_string(function, data, len(data), form))


def parse_ids(text: Union[str, bytes], *, file: bool = False) -> List[str]:
    """The ids of a list as the fazhi command reads it: `text` an inline
    list ("a,b,\"王，丽\"") or, with file=True, a list file's contents (one id
    a line). Raises fazhi.InvalidArgument naming the item or line."""
    return _parse(_capi.lib().fz_lottery_parse_ids, text, _LIST_FILE if file else _LIST_INLINE)


def read_ids(path: Path) -> List[str]:
    """The ids of a list file (bytes read as they are, parsed by parse_ids)."""
    with open(path, "rb") as f:
        return parse_ids(f.read(), file=True)


def parse_conflicts(text: Union[str, bytes], *, file: bool = False) -> List[Tuple[str, str]]:
    """(inspector, target) pairs: "inspector:target,..." inline, or with
    file=True one inspector<TAB>target or inspector,target a line."""
    pairs = _parse(_capi.lib().fz_lottery_parse_conflicts, text,
                   _LIST_FILE if file else _LIST_INLINE)
    return [(p["inspector"], p["target"]) for p in pairs]


def read_conflicts(path: Path) -> List[Tuple[str, str]]:
    """The conflicts of a file, as parse_conflicts(..., file=True)."""
    with open(path, "rb") as f:
        return parse_conflicts(f.read(), file=True)


def to_json(audit: Mapping[str, Any]) -> str:
    """An audit record (dict) as JSON text, keys in the record's order."""
    return json.dumps(audit, ensure_ascii=False, indent=2)


def _text(value: RecordIn) -> Union[str, bytes]:
    return value if isinstance(value, (str, bytes)) else json.dumps(value, ensure_ascii=False)


def verify(audit: RecordIn, announcement: Optional[RecordIn] = None) -> str:
    """Recomputes an audit record (a dict, or its JSON text) of either scheme
    and returns its one-line summary; raises fazhi.FailedPrecondition when a
    field does not match. Without `announcement` (a dict or JSON text) this
    proves only that the record agrees with itself; with it, also that the
    record's inputs are the announced ones."""
    lib = _capi.lib()
    text = _capi.text_in(_text(audit), "audit")
    if announcement is None:
        return _capi.take_string(lib.fz_lottery_verify, text)
    return _capi.take_string(lib.fz_lottery_verify_announced, text,
                             _capi.text_in(_text(announcement), "announcement"))
