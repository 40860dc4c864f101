#!/usr/bin/env python3
"""Re-check a fazhi lottery draw (摇珠) or 双随机 sample with nothing but hashlib.

    verify_lottery.py AUDIT.json [--announcement ANN.json]
                              # exit 0 and "OK", or 1 naming the mismatch
    verify_lottery.py --seed S --case C --pool a,b,c [--exclude x] [--at-cap y]

The encoding and the algorithm are in docs/lottery.md; this file is written
from that page alone, so it checks the library rather than repeating it.
Without --announcement it shows only that the record agrees with itself; with
the announcement published before the seed, it also shows that the draw used
the announced lists.
"""
import argparse
import hashlib
import json
import sys

LOTTERY, SAMPLE = "fazhi-lottery-v1", "fazhi-sample-v1"
LOTTERY_ANNOUNCEMENT = "fazhi-lottery-announcement-v1"
SAMPLE_ANNOUNCEMENT = "fazhi-sample-announcement-v1"

# Code points an id may not hold (docs/lottery.md, "Ids"): controls,
# bidirectional and zero-width characters, and those NFC could change.
REFUSED = [(0x00, 0x1F), (0x7F, 0x9F), (0x061C, 0x061C), (0x200B, 0x200F), (0x2028, 0x202E),
           (0x2060, 0x2069), (0xFEFF, 0xFEFF), (0x0300, 0x036F), (0x1AB0, 0x1AFF),
           (0x1DC0, 0x1DFF), (0x20D0, 0x20FF), (0xFE20, 0xFE2F), (0x1100, 0x11FF),
           (0xA960, 0xA97F), (0xD7B0, 0xD7FF), (0x2F800, 0x2FA1F), (0x2126, 0x2126),
           (0x212A, 0x212B)]
UNIFIED_IN_COMPATIBILITY_BLOCK = {0xFA0E, 0xFA0F, 0xFA11, 0xFA13, 0xFA14, 0xFA1F, 0xFA21, 0xFA23,
                                  0xFA24, 0xFA27, 0xFA28, 0xFA29}
BLANKS = " \t\r\n\v\f\u3000"


class Invalid(ValueError):
    """Inputs the specification refuses."""


def field(text):  # 4-byte big-endian length, then the UTF-8 bytes
    data = text.encode("utf-8")
    return len(data).to_bytes(4, "big") + data


def pick(scheme, seed, fields, n):  # -> (index, counter, hash)
    if n < 1:
        raise Invalid("nothing to draw from: the list is empty")
    bits = (n - 1).bit_length()
    counter = 0
    while True:
        message = field(scheme) + field(seed) + b"".join(field(f) for f in fields)
        digest = hashlib.sha256(message + counter.to_bytes(8, "big")).digest()
        value = int.from_bytes(digest[:8], "big") & ((1 << bits) - 1)
        if value < n:
            return value, counter, digest.hex()
        counter += 1


def check_id(text, what):
    if not text:
        raise Invalid(f"an empty id in {what}")
    if text.strip(BLANKS) != text:
        raise Invalid(f"{text!r} in {what} begins or ends with white space")
    for ch in text:
        cp = ord(ch)
        refused = any(lo <= cp <= hi for lo, hi in REFUSED)
        refused |= 0xF900 <= cp <= 0xFAFF and cp not in UNIFIED_IN_COMPATIBILITY_BLOCK
        if refused:
            raise Invalid(f"{text!r} in {what} holds U+{cp:04X}, which an id may not hold")


def canonical(ids, what):
    """Sorted by code point (= by UTF-8 bytes); a duplicate is an error, never merged."""
    out = sorted(ids)
    for i, text in enumerate(out):
        check_id(text, what)
        if i and out[i - 1] == text:
            raise Invalid(f"duplicate id in {what}: {text!r}")
    return out


def list_sha256(ids):
    return hashlib.sha256(b"".join(field(i) for i in ids)).hexdigest()


def encoded_list(ids):
    return len(ids).to_bytes(4, "big") + b"".join(field(i) for i in ids)


def lottery_commitment(case_id, answered, conflicts, at_cap):
    return hashlib.sha256(field(LOTTERY_ANNOUNCEMENT) + field(case_id) + encoded_list(answered)
                          + encoded_list(conflicts) + encoded_list(at_cap)).hexdigest()


def sample_commitment(batch_id, targets, k, inspectors, m, conflicts):
    pairs = b"".join(field(c["inspector"]) + field(c["target"]) for c in conflicts)
    return hashlib.sha256(field(SAMPLE_ANNOUNCEMENT) + field(batch_id) + encoded_list(targets)
                          + k.to_bytes(8, "big") + encoded_list(inspectors) + m.to_bytes(8, "big")
                          + len(conflicts).to_bytes(4, "big") + pairs).hexdigest()


def lottery_inputs(case_id, answered, conflicts, at_cap):
    check_id(case_id, "the case id")
    answered = canonical(answered, "answered")
    conflicts, at_cap = canonical(conflicts, "conflicts"), canonical(at_cap, "at_cap")
    both = sorted(set(conflicts) & set(at_cap))
    if both:
        raise Invalid(f"{both[0]!r} is both in conflicts and at_cap")
    pool = [x for x in answered if x not in conflicts and x not in at_cap]
    if not answered or not pool:
        raise Invalid("the pool is empty")
    return answered, conflicts, at_cap, pool


def draw(seed, case_id, answered, conflicts=(), at_cap=(), record_format=2):
    answered, conflicts, at_cap, pool = lottery_inputs(case_id, answered, conflicts, at_cap)
    index, counter, digest = pick(LOTTERY, seed, [case_id], len(pool))
    out = {"scheme": LOTTERY}
    if record_format == 2:
        out["format"] = 2
    out.update({"seed": seed, "case_id": case_id, "answered": answered, "conflicts": conflicts,
                "at_cap": at_cap})
    if record_format == 2:
        out["announcement_sha256"] = lottery_commitment(case_id, answered, conflicts, at_cap)
    out.update({"pool": pool, "pool_sha256": list_sha256(pool), "index": index,
                "winner": pool[index], "counter": counter, "hash": digest})
    return out


def sample_inputs(batch_id, targets, k, inspectors, m, conflicts):
    if batch_id:
        check_id(batch_id, "the batch id")
    targets, inspectors = canonical(targets, "targets"), canonical(inspectors, "inspectors")
    pairs = sorted((c["inspector"], c["target"]) for c in conflicts)
    for i, (who, what) in enumerate(pairs):
        check_id(who, "a conflict"), check_id(what, "a conflict")
        if i and pairs[i - 1] == (who, what):
            raise Invalid(f"duplicate conflict: {who!r}, {what!r}")
    if not 1 <= k <= len(targets) or not 1 <= m <= len(inspectors):
        raise Invalid("k or m out of range")
    return targets, inspectors, [{"inspector": i, "target": t} for i, t in pairs]


def sample(seed, batch_id, targets, k, inspectors, m, conflicts, record_format=2):
    targets, inspectors, conflicts = sample_inputs(batch_id, targets, k, inspectors, m, conflicts)
    left, blocked, draws = list(targets), {(c["inspector"], c["target"]) for c in conflicts}, []
    for j in range(k):
        index, counter, digest = pick(SAMPLE, seed, [batch_id, "target", str(j)], len(left))
        target, team = left.pop(index), []
        free = [i for i in inspectors if (i, target) not in blocked]
        if len(free) < m:
            raise Invalid(f"target {target!r} has fewer than m inspectors free of conflict")
        for r in range(m):
            i, c, d = pick(SAMPLE, seed, [batch_id, "inspector", target, str(r)], len(free))
            team.append({"inspector": free.pop(i), "index": i, "counter": c, "hash": d})
        draws.append({"target": target, "index": index, "counter": counter, "hash": digest,
                      "team": team})
    out = {"scheme": SAMPLE}
    if record_format == 2:
        out["format"] = 2
    out.update({"seed": seed, "batch_id": batch_id, "targets": targets,
                "targets_sha256": list_sha256(targets), "k": k, "inspectors": inspectors,
                "inspectors_sha256": list_sha256(inspectors), "m": m, "conflicts": conflicts})
    if record_format == 2:
        out["announcement_sha256"] = sample_commitment(batch_id, targets, k, inspectors, m,
                                                       conflicts)
    out["draws"] = draws
    return out


def recompute(record):
    if record.get("scheme") not in (LOTTERY, SAMPLE):
        raise SystemExit(f"unknown scheme {record.get('scheme')!r}")
    record_format = record.get("format", 1)
    if record_format not in (1, 2):
        raise SystemExit(f"unknown format {record_format!r}")
    if record["scheme"] == LOTTERY:
        return draw(record["seed"], record["case_id"], record["answered"], record["conflicts"],
                    record["at_cap"], record_format)
    return sample(record["seed"], record["batch_id"], record["targets"], record["k"],
                  record["inspectors"], record["m"], record["conflicts"], record_format)


def announced_inputs(announcement):
    """The inputs an announcement fixes, checked against its own commitment."""
    a = announcement
    if a.get("scheme") == LOTTERY_ANNOUNCEMENT:
        keys = ["case_id", "answered", "conflicts", "at_cap"]
        commitment = lottery_commitment(*(a[k] for k in keys))
        lottery_inputs(*(a[k] for k in keys))
    elif a.get("scheme") == SAMPLE_ANNOUNCEMENT:
        keys = ["batch_id", "targets", "k", "inspectors", "m", "conflicts"]
        commitment = sample_commitment(*(a[k] for k in keys))
        sample_inputs(*(a[k] for k in keys))
    else:
        raise SystemExit(f"unknown announcement scheme {a.get('scheme')!r}")
    if set(a) != set(keys) | {"scheme", "announcement_sha256"}:
        raise SystemExit("the announcement's keys are not those of its scheme")
    if commitment != a["announcement_sha256"]:
        raise SystemExit("the announcement does not hash to its own announcement_sha256")
    return {k: a[k] for k in keys}


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("audit", nargs="?", help="an audit record (JSON) to re-check")
    parser.add_argument("--announcement", help="the announcement published before the seed")
    for name in ("--seed", "--case", "--pool", "--exclude", "--at-cap"):
        parser.add_argument(name, default="")
    args = parser.parse_args(argv)
    if args.audit is None:
        ids = lambda text: [s.strip() for s in text.split(",")] if text.strip() else []
        print(json.dumps(draw(args.seed, args.case, ids(args.pool), ids(args.exclude),
                              ids(args.at_cap)), ensure_ascii=False, indent=2))
        return 0
    with open(args.audit, encoding="utf-8") as f:
        record = json.load(f)
    try:
        expected = recompute(record)
    except Invalid as e:
        print(f"INVALID inputs: {e}")
        return 1
    for key in list(expected) + [k for k in record if k not in expected]:
        if record.get(key) != expected.get(key):
            print(f"MISMATCH {key}: the record says {record.get(key)!r}, "
                  f"recomputed {expected.get(key)!r}")
            return 1
    if args.announcement is None:
        print("OK (self-consistency only: give --announcement to check the announced lists)")
        return 0
    with open(args.announcement, encoding="utf-8") as f:
        announcement = json.load(f)
    kinds = {LOTTERY: LOTTERY_ANNOUNCEMENT, SAMPLE: SAMPLE_ANNOUNCEMENT}
    if announcement.get("scheme") != kinds[record["scheme"]]:
        print(f"NOT ANNOUNCED: the announcement is of scheme {announcement.get('scheme')!r}")
        return 1
    announced = announced_inputs(announcement)
    for key, value in announced.items():
        if record.get(key) != value:
            print(f"NOT ANNOUNCED {key}: the record says {record.get(key)!r}, "
                  f"announced {value!r}")
            return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
