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

An audit record is a plain dict with docs/lottery.md's keys, in its order.
verify() takes a dict or the record's JSON text, returns the one-line summary
and raises fazhi.FailedPrecondition (naming the first field that differs) for
a record that does not verify, fazhi.InvalidArgument for one that cannot be
read.
"""

import json
from ctypes import byref, c_char_p

from . import _capi

__all__ = ["draw", "sample", "verify", "to_json"]


def _texts(values, what):
    """An iterable of str as a C array of UTF-8 strings (and its length)."""
    if isinstance(values, (str, bytes)):
        raise TypeError("%s must be a list of ids, not a single %s" % (what, type(values).__name__))
    items = [_capi.text_in(v, "%s[%d]" % (what, i)) for i, v in enumerate(values)]
    return (c_char_p * len(items))(*items), len(items)


def _count(value, what):
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("%s must be an int, not %s" % (what, type(value).__name__))
    if value < 0:
        raise ValueError("%s must not be negative" % what)
    return value


def _record(text):
    return json.loads(text)


def draw(*, seed, case_id, pool, exclude=(), at_cap=()):
    """Draws one lawyer for a legal-aid case: `pool` are the lawyers who
    answered the invitation, less `exclude` (conflicts of interest) and
    `at_cap` (at their caseload cap). Returns the audit record as a dict."""
    answered, n_answered = _texts(pool, "pool")
    conflicts, n_conflicts = _texts(exclude, "exclude")
    capped, n_capped = _texts(at_cap, "at_cap")
    inp = _capi.DrawInput(seed=_capi.text_in(seed, "seed"),
                          case_id=_capi.text_in(case_id, "case_id"),
                          answered=answered, answered_count=n_answered,
                          conflicts=conflicts, conflicts_count=n_conflicts,
                          at_cap=capped, at_cap_count=n_capped)
    lib = _capi.lib()
    return _record(_capi.take_string(lib.fz_lottery_draw, byref(inp)))


def sample(*, seed, targets, k, inspectors, m, conflicts=(), batch_id=""):
    """Draws a 双随机 sample: `k` of `targets`, then for each a team of `m` of
    `inspectors`; `conflicts` are (inspector, target) pairs that may not meet.
    Returns the audit record as a dict."""
    pairs = [tuple(c) for c in conflicts]
    for i, pair in enumerate(pairs):
        if len(pair) != 2:
            raise ValueError("conflicts[%d] must be an (inspector, target) pair" % i)
    target_array, n_targets = _texts(targets, "targets")
    inspector_array, n_inspectors = _texts(inspectors, "inspectors")
    who, n_pairs = _texts([p[0] for p in pairs], "conflicts inspector")
    what, _ = _texts([p[1] for p in pairs], "conflicts target")
    inp = _capi.SampleInput(seed=_capi.text_in(seed, "seed"),
                            batch_id=_capi.text_in(batch_id, "batch_id"),
                            targets=target_array, targets_count=n_targets,
                            k=_count(k, "k"), inspectors=inspector_array,
                            inspectors_count=n_inspectors, m=_count(m, "m"),
                            conflict_inspectors=who, conflict_targets=what,
                            conflicts_count=n_pairs)
    lib = _capi.lib()
    return _record(_capi.take_string(lib.fz_sample_draw, byref(inp)))


def to_json(audit):
    """An audit record (dict) as JSON text, keys in the record's order."""
    return json.dumps(audit, ensure_ascii=False, indent=2)


def verify(audit):
    """Recomputes an audit record (a dict, or its JSON text) of either scheme
    and returns its one-line summary; raises fazhi.FailedPrecondition when a
    field does not match."""
    text = audit if isinstance(audit, (str, bytes)) else json.dumps(audit, ensure_ascii=False)
    lib = _capi.lib()
    return _capi.take_string(lib.fz_lottery_verify, _capi.text_in(text, "audit"))
