#!/usr/bin/env python3
"""Re-check a fazhi lottery draw (摇珠) or 双随机 sample with nothing but hashlib.

    verify_lottery.py AUDIT.json                    # exit 0 and "OK", or 1 naming the mismatch
    verify_lottery.py --seed S --case C --pool a,b,c [--exclude x] [--at-cap y]

The encoding and the algorithm are in docs/lottery.md; this file is written
from that page alone, so it checks the library rather than repeating it.
"""
import argparse
import hashlib
import json
import sys


def field(text):  # 4-byte big-endian length, then the UTF-8 bytes
    data = text.encode("utf-8")
    return len(data).to_bytes(4, "big") + data


def pick(scheme, seed, fields, n):  # -> (index, counter, hash)
    bits = (n - 1).bit_length()
    counter = 0
    while True:
        message = field(scheme) + field(seed) + b"".join(field(f) for f in fields)
        digest = hashlib.sha256(message + counter.to_bytes(8, "big")).digest()
        value = int.from_bytes(digest[:8], "big") & ((1 << bits) - 1)
        if value < n:
            return value, counter, digest.hex()
        counter += 1


def list_sha256(ids):
    return hashlib.sha256(b"".join(field(i) for i in ids)).hexdigest()


def draw(seed, case_id, answered, conflicts=(), at_cap=()):
    pool = sorted(set(answered) - set(conflicts) - set(at_cap))
    index, counter, digest = pick("fazhi-lottery-v1", seed, [case_id], len(pool))
    return {"scheme": "fazhi-lottery-v1", "seed": seed, "case_id": case_id,
            "answered": sorted(answered), "conflicts": sorted(conflicts), "at_cap": sorted(at_cap),
            "pool": pool, "pool_sha256": list_sha256(pool), "index": index,
            "winner": pool[index], "counter": counter, "hash": digest}


def sample(seed, batch_id, targets, k, inspectors, m, conflicts):
    left, blocked, draws = sorted(targets), {(c["inspector"], c["target"]) for c in conflicts}, []
    for j in range(k):
        index, counter, digest = pick("fazhi-sample-v1", seed, [batch_id, "target", str(j)], len(left))
        target, team = left.pop(index), []
        free = [i for i in sorted(inspectors) if (i, target) not in blocked]
        for r in range(m):
            i, c, d = pick("fazhi-sample-v1", seed, [batch_id, "inspector", target, str(r)], len(free))
            team.append({"inspector": free.pop(i), "index": i, "counter": c, "hash": d})
        draws.append({"target": target, "index": index, "counter": counter, "hash": digest, "team": team})
    return {"scheme": "fazhi-sample-v1", "seed": seed, "batch_id": batch_id,
            "targets": sorted(targets), "targets_sha256": list_sha256(sorted(targets)), "k": k,
            "inspectors": sorted(inspectors), "inspectors_sha256": list_sha256(sorted(inspectors)),
            "m": m, "conflicts": sorted(conflicts, key=lambda c: (c["inspector"], c["target"])),
            "draws": draws}


def recompute(record):
    if record.get("scheme") not in ("fazhi-lottery-v1", "fazhi-sample-v1"):
        raise SystemExit(f"unknown scheme {record.get('scheme')!r}")
    if record["scheme"] == "fazhi-lottery-v1":
        return draw(record["seed"], record["case_id"], record["answered"], record["conflicts"],
                    record["at_cap"])
    return sample(record["seed"], record["batch_id"], record["targets"], record["k"],
                  record["inspectors"], record["m"], record["conflicts"])


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("audit", nargs="?", help="an audit record (JSON) to re-check")
    for name in ("--seed", "--case", "--pool", "--exclude", "--at-cap"):
        parser.add_argument(name, default="")
    args = parser.parse_args(argv)
    if args.audit is None:
        ids = lambda text: [s.strip() for s in text.split(",") if s.strip()]
        print(json.dumps(draw(args.seed, args.case, ids(args.pool), ids(args.exclude),
                              ids(args.at_cap)), ensure_ascii=False, indent=2))
        return 0
    with open(args.audit, encoding="utf-8") as f:
        record = json.load(f)
    expected = recompute(record)
    for key in expected:
        if record.get(key) != expected[key]:
            print(f"MISMATCH {key}: the record says {record.get(key)!r}, "
                  f"recomputed {expected[key]!r}")
            return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
