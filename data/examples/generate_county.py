#!/usr/bin/env python3
"""generate_county.py -- writes data/examples/county-2024/, a small county's
2024 records carrying docs/data.md's dimension columns (respondent_level,
act_type, applicant_type, applicants, defendant_level, head_principal,
service_type, recipient_group, org_type).

The splits are chosen, like a county's published notice, so that a
breakdown's rows are known in advance (README.md in the folder lists them):
151 reconsideration applications received, 140 against county departments and
11 against townships; by act type 75 complaint handling, 40 penalties, 16
information disclosure, ... Deterministic: the same files every run.

  python3 data/examples/generate_county.py
"""
import csv
import datetime as dt
import os
import random

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "county-2024")
REGION = "441881"
RNG = random.Random(2024)


def spread(counts):
    """The values of {value: count}, each repeated count times, shuffled."""
    out = [v for v, n in counts.items() for _ in range(n)]
    RNG.shuffle(out)
    return out


def day(n):
    """The n-th day of 2024 (0 = 1 January)."""
    return dt.date(2024, 1, 1) + dt.timedelta(days=n)


def write(name, header, rows):
    with open(os.path.join(OUT, name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def reconsideration():
    n = 151
    level = spread({"county_dept": 140, "township": 11})
    act = spread({"complaint": 75, "penalty": 40, "information_disclosure": 16,
                  "licensing": 8, "inaction": 7, "other": 5})
    category = spread({"市场监管": 77, "公安": 42, "自然资源": 20, "人力资源社会保障": 12})
    applicant = spread({"person": 131, "legal_person": 17, "organization": 3})
    people = spread({1: 141, 2: 6, 3: 3, 5: 1})
    # 140 closed by 31 December, 11 pending.
    disposition = spread({"upheld": 80, "claim_rejected": 20, "revoked": 15,
                          "confirmed_illegal": 5, "withdrawn": 15, "mediated": 5, "": 11})
    rows = []
    for i in range(n):
        received = day(RNG.randrange(0, 300) if disposition[i] else RNG.randrange(300, 360))
        accepted = received + dt.timedelta(days=RNG.randrange(1, 6))
        closed = accepted + dt.timedelta(days=RNG.randrange(20, 58)) if disposition[i] else None
        rows.append([f"英复〔2024〕{i + 1:03d}号", REGION, received.isoformat(), accepted.isoformat(),
                     closed.isoformat() if closed else "", disposition[i],
                     "英德市市场监督管理局" if category[i] == "市场监管" else "",
                     category[i], level[i], act[i], applicant[i], people[i]])
    write("reconsideration.csv",
          ["case_id", "region", "received_date", "accepted_date", "closed_date", "disposition",
           "respondent", "category", "respondent_level", "act_type", "applicant_type",
           "applicants"], rows)


def litigation():
    n = 40
    level = spread({"county_gov": 6, "county_dept": 30, "township": 4})
    act = spread({"penalty": 14, "expropriation": 10, "registration": 6, "inaction": 6,
                  "information_disclosure": 4})
    outcome = spread({"judgment_win": 22, "judgment_loss": 4, "ruling_dismissed": 5,
                      "withdrawn": 4, "": 5})
    principal = spread({"1": 9, "0": 26, "": 5})
    rows = []
    for i in range(n):
        filed = day(RNG.randrange(0, 280))
        defence = filed + dt.timedelta(days=RNG.randrange(5, 15))
        closed = filed + dt.timedelta(days=RNG.randrange(40, 80)) if outcome[i] else None
        rows.append([f"（2024）粤1881行初{i + 1}号", REGION, filed.isoformat(), "first",
                     defence.isoformat(), closed.isoformat() if closed else "", outcome[i],
                     "1", "1" if principal[i] == "1" else RNG.choice(["1", "0"]), level[i], act[i],
                     principal[i]])
    write("litigation.csv",
          ["case_id", "region", "filed_date", "instance", "defence_date", "closed_date", "outcome",
           "hearing_held", "head_appeared", "defendant_level", "act_type", "head_principal"], rows)


def legal_aid():
    n = 60
    service = spread({"litigation": 45, "non_litigation": 15})
    group = spread({"migrant_worker": 20, "elderly": 10, "minor": 8, "disabled": 5, "women": 7,
                    "military": 2, "other": 8})
    case_type = spread({"criminal": 25, "civil": 30, "administrative": 5})
    rows = []
    for i in range(n):
        applied = day(RNG.randrange(0, 330))
        decided = applied + dt.timedelta(days=RNG.randrange(1, 7))
        rows.append([f"英援〔2024〕{i + 1:03d}号", REGION, applied.isoformat(), decided.isoformat(),
                     "granted", decided.isoformat(), case_type[i], service[i], group[i]])
    write("legal_aid.csv",
          ["case_id", "region", "applied_date", "decided_date", "decision", "accepted_date",
           "case_type", "service_type", "recipient_group"], rows)


def mediation():
    n = 80
    org = spread({"village": 50, "township": 20, "professional": 8, "enterprise": 2})
    outcome = spread({"success": 74, "failure": 6})
    rows = []
    for i in range(n):
        received = day(RNG.randrange(0, 340))
        closed = received + dt.timedelta(days=RNG.randrange(1, 20))
        rows.append([f"英调〔2024〕{i + 1:03d}号", REGION, received.isoformat(), closed.isoformat(),
                     outcome[i], org[i]])
    write("mediation.csv",
          ["case_id", "region", "received_date", "closed_date", "outcome", "org_type"], rows)


def main():
    os.makedirs(OUT, exist_ok=True)
    reconsideration()
    litigation()
    legal_aid()
    mediation()
    write("regions.csv", ["region", "name"],
          [["440000", "广东省"], ["441800", "清远市"], [REGION, "英德市"]])


if __name__ == "__main__":
    main()
