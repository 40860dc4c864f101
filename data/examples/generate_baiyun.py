#!/usr/bin/python3
"""Deterministic generator of the example dataset ``data/examples/baiyun-2019``.

The dataset models the eleven districts of Guangzhou (广州市) for 2018 and 2019,
plus the 2017 cases still open at the start of 2018, in the CSV record kinds of
``docs/data.md``.  District 440111 (白云区) reproduces every figure printed in the
reference report ``baiyun-2019.txt`` under the metric definitions of
``docs/metrics.md``; the other districts are plausible but smaller.

The files deliberately look like real government exports: Chinese headers in
their own column order, GBK (written with the gb18030 codec, GBK characters
only), a UTF-8 BOM, CRLF line ends, mixed date forms, Chinese code labels,
values padded with ASCII and full-width spaces, quoted fields with a comma and
with a line break.  Every row is nevertheless valid under ``docs/data.md``.

Usage (Python 3 standard library only)::

    /usr/bin/python3 data/examples/generate_baiyun.py [OUTPUT_DIR]

OUTPUT_DIR defaults to ``data/examples/baiyun-2019`` next to this script.
The output is byte-identical from run to run (fixed seeds, no hash-ordered
iteration, no clock).
"""

import argparse
import csv
import datetime as dt
import io
import os
import random
import sys

SEED = 20191231
HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
CALENDAR_CSV = os.path.join(REPO, "data", "cn_workday_calendar.csv")
DEFAULT_OUT = os.path.join(HERE, "baiyun-2019")

# The day the systems were exported: later closings are not known yet.
EXPORT_DATE = dt.date(2020, 3, 31)
D = dt.date
ONE = dt.timedelta(days=1)

BAIYUN = "440111"

# code, name, one-character short name used in case numbers
DISTRICTS = [
    ("440103", "荔湾区", "荔"),
    ("440104", "越秀区", "越"),
    ("440105", "海珠区", "海"),
    ("440106", "天河区", "天"),
    ("440111", "白云区", "云"),
    ("440112", "黄埔区", "埔"),
    ("440113", "番禺区", "番"),
    ("440114", "花都区", "花"),
    ("440115", "南沙区", "南"),
    ("440117", "从化区", "从"),
    ("440118", "增城区", "增"),
]

# ---------------------------------------------------------------------------
# Per-district volumes.  440111 holds the published figures; the rest are
# invented, smaller, and derived by the ratios in the generators.
# ---------------------------------------------------------------------------

# reconsideration: received 2018, received 2019
RECON_VOLUME = {
    "440103": (182, 171), "440104": (236, 214), "440105": (265, 248),
    "440106": (341, 356), "440111": (568, 439), "440112": (158, 173),
    "440113": (297, 281), "440114": (173, 152), "440115": (96, 118),
    "440117": (61, 57), "440118": (204, 187),
}
# litigation: (first, second, retrial) filed in 2018 and in 2019
LIT_VOLUME = {
    "440103": ((66, 50, 6), (64, 48, 6)),
    "440104": ((88, 61, 8), (79, 66, 7)),
    "440105": ((91, 70, 9), (96, 73, 8)),
    "440106": ((121, 96, 11), (132, 101, 12)),
    "440111": ((160, 125, 16), (147, 120, 15)),
    "440112": ((57, 38, 4), (61, 45, 5)),
    "440113": ((104, 79, 9), (112, 83, 10)),
    "440114": ((63, 44, 5), (58, 40, 5)),
    "440115": ((35, 22, 3), (44, 29, 3)),
    "440117": ((24, 15, 2), (21, 13, 2)),
    "440118": ((77, 55, 6), (70, 52, 7)),
}
# legal aid: granted (accepted) with the decision dated in 2018, in 2019
AID_VOLUME = {
    "440103": (790, 820), "440104": (1120, 1150), "440105": (1310, 1390),
    "440106": (1480, 1540), "440111": (2790, 3037), "440112": (700, 740),
    "440113": (1690, 1810), "440114": (1040, 1100), "440115": (430, 480),
    "440117": (410, 430), "440118": (1150, 1210),
}
# mediation: received 2018, received 2019, major group disputes 2018, 2019
MED_VOLUME = {
    "440103": (2480, 2600, 11, 9), "440104": (3020, 3100, 14, 12),
    "440105": (3710, 3900, 17, 15), "440106": (4050, 4200, 21, 18),
    "440111": (11240, 12008, 108, 125), "440112": (2390, 2500, 10, 13),
    "440113": (5550, 5800, 31, 27), "440114": (3480, 3600, 19, 16),
    "440115": (1800, 1900, 8, 9), "440117": (1530, 1600, 6, 7),
    "440118": (3950, 4100, 22, 20),
}


# ---------------------------------------------------------------------------
# Working-day calendar (data/cn_workday_calendar.csv)
# ---------------------------------------------------------------------------

class Calendar:
    """A date is a working day if it has a `workday` row, or it is a
    Monday-Friday without a `holiday` row."""

    def __init__(self, path):
        self.kind = {}
        years = set()
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                d = dt.date.fromisoformat(row["date"])
                self.kind[d] = row["kind"]
                years.add(d.year)
        self.first_year = min(years)
        self.last_year = max(years)

    def is_workday(self, d):
        if not self.first_year <= d.year <= self.last_year:
            raise ValueError("date outside the calendar: %s" % d)
        k = self.kind.get(d)
        if k == "workday":
            return True
        if k == "holiday":
            return False
        return d.weekday() < 5

    def next_workday(self, d):
        d += ONE
        while not self.is_workday(d):
            d += ONE
        return d

    def prev_workday(self, d):
        d -= ONE
        while not self.is_workday(d):
            d -= ONE
        return d

    def add_workdays(self, d, n):
        for _ in range(n):
            d = self.next_workday(d)
        return d

    def workdays_between(self, a, b):
        """working days x with a < x <= b"""
        n = 0
        x = a + ONE
        while x <= b:
            if self.is_workday(x):
                n += 1
            x += ONE
        return n

    def period_end(self, start, days):
        """a statutory period of `days` calendar days from `start` (not
        counted); a last day that is a rest day moves to the next working day"""
        end = start + dt.timedelta(days=days)
        while not self.is_workday(end):
            end += ONE
        return end


CAL = None


def cal():
    global CAL
    if CAL is None:
        CAL = Calendar(CALENDAR_CSV)
    return CAL


# ---------------------------------------------------------------------------
# small helpers
# ---------------------------------------------------------------------------

def days_of_year(y):
    d = D(y, 1, 1)
    out = []
    while d.year == y:
        out.append(d)
        d += ONE
    return out


def workdays_in(lo, hi):
    out = []
    d = lo
    while d <= hi:
        if cal().is_workday(d):
            out.append(d)
        d += ONE
    return out


def random_dates(rng, n, lo, hi, workday_share=0.95):
    """n dates in [lo, hi], mostly working days, sorted"""
    wd = workdays_in(lo, hi)
    alld = []
    d = lo
    while d <= hi:
        alld.append(d)
        d += ONE
    out = []
    for _ in range(n):
        if rng.random() < workday_share and wd:
            out.append(rng.choice(wd))
        else:
            out.append(rng.choice(alld))
    out.sort()
    return out


def snap_workday(d, lo, hi, rng=None):
    """a working day near d within [lo, hi]: the one before (or, half of the
    time when rng is given, the one after), else the other way"""
    c = cal()

    def back():
        x = d
        while x >= lo:
            if c.is_workday(x):
                return x
            x -= ONE
        return None

    def forward():
        x = d
        while x <= hi:
            if c.is_workday(x):
                return x
            x += ONE
        return None

    order = (forward, back) if rng is not None and rng.random() < 0.5 else (back, forward)
    for f in order:
        x = f()
        if x is not None:
            return x
    return d


def fit(rng, target, lo, hi, spread=30):
    """target moved into [lo, hi]; dates pushed past an edge are spread over
    the `spread` days next to it instead of piling up on the edge"""
    if hi < lo:
        hi = lo
    room = (hi - lo).days
    if target < lo:
        return lo + dt.timedelta(days=rng.randint(0, min(spread, room)))
    if target > hi:
        return hi - dt.timedelta(days=rng.randint(0, min(spread, room)))
    return target


def exact_list(counts):
    """[('a', 2), ('b', 1)] -> ['a', 'a', 'b']"""
    out = []
    for code, n in counts:
        out.extend([code] * n)
    return out


def weighted(rng, table):
    """table: list of (value, weight)"""
    total = sum(w for _, w in table)
    x = rng.random() * total
    for v, w in table:
        x -= w
        if x < 0:
            return v
    return table[-1][0]


def split_total(rng, total, parts):
    """split a non-negative integer into `parts` non-negative integers"""
    if parts == 1:
        return [total]
    weights = [0.6 + rng.random() for _ in range(parts)]
    s = sum(weights)
    out = [int(total * w / s) for w in weights]
    rest = total - sum(out)
    i = 0
    while rest > 0:
        out[i % parts] += 1
        rest -= 1
        i += 1
    return out


def sub_rng(*parts):
    # str seeds are hashed with SHA-512 by random.seed (version 2): stable
    # across runs and independent of PYTHONHASHSEED.
    return random.Random("%d-%s" % (SEED, "-".join(str(p) for p in parts)))


# ---------------------------------------------------------------------------
# Agencies and categories
# ---------------------------------------------------------------------------

AGENCIES = [
    # (suffix of the agency name, category, weight)
    ("公安分局", "公安", 30),
    ("市场监督管理局", "市场监管", 14),
    ("人力资源和社会保障局", "人力资源社会保障", 12),
    ("住房和城乡建设局", "城乡建设", 8),
    ("城市管理和综合执法局", "城市管理", 9),
    ("规划和自然资源分局", "自然资源", 8),
    ("卫生健康局", "卫生健康", 4),
    ("教育局", "教育", 3),
    ("生态环境分局", "生态环境", 3),
    ("交通运输局", "交通运输", 3),
    ("人民政府", "政府信息公开", 6),
    ("街道办事处", "城乡建设,住房保障", 4),  # a category with a comma
]


STREETS = {
    "荔湾区": ["沙面", "多宝", "逢源", "华林"], "越秀区": ["北京", "农林", "东山", "六榕"],
    "海珠区": ["江南中", "昌岗", "南华西", "素社"], "天河区": ["石牌", "林和", "天河南", "沙河"],
    "白云区": ["新市", "三元里", "永平", "松洲", "景泰"], "黄埔区": ["黄埔", "大沙", "鱼珠", "红山"],
    "番禺区": ["市桥", "大石", "洛浦", "东环"], "花都区": ["新华", "花城", "秀全", "新雅"],
    "南沙区": ["南沙", "珠江", "龙穴"], "从化区": ["街口", "江埔", "城郊"],
    "增城区": ["荔城", "增江", "朱村"],
}


def agency_name(region_name, suffix, rng):
    if suffix == "街道办事处":
        return "广州市%s%s街道办事处" % (region_name, rng.choice(STREETS[region_name]))
    if suffix == "公安分局":
        return "广州市公安局%s分局" % region_name
    if suffix == "规划和自然资源分局":
        return "广州市规划和自然资源局%s分局" % region_name
    if suffix == "生态环境分局":
        return "广州市生态环境局%s分局" % region_name
    return "广州市%s%s" % (region_name, suffix)


def pick_agency(rng, region_name):
    suffix, cat, _ = weighted(rng, [((a, c, w), w) for a, c, w in AGENCIES])
    return agency_name(region_name, suffix, rng), cat


# ---------------------------------------------------------------------------
# Reconsideration (行政复议)
# ---------------------------------------------------------------------------

RECON_DIRECT = ["revoked", "altered", "confirmed_illegal", "confirmed_void",
                "ordered_performance", "agreement_remedy"]
RECON_INDIRECT = ["mediated", "settled", "withdrawn_after_correction"]

# the 400 cases 440111 closed in 2019: 134 corrective (102 direct + 32
# indirect), 266 not, of which 33 withdrawn and 13 terminated (these would
# count under the profile switch: 134 -> 180)
BAIYUN_2019_DISPOSITIONS = exact_list([
    ("revoked", 41), ("altered", 5), ("confirmed_illegal", 37),
    ("confirmed_void", 2), ("ordered_performance", 15),
    ("agreement_remedy", 2),
    ("mediated", 12), ("settled", 9), ("withdrawn_after_correction", 11),
    ("upheld", 148), ("claim_rejected", 44), ("application_rejected", 24),
    ("withdrawn", 33), ("terminated", 13), ("other", 4),
])
assert len(BAIYUN_2019_DISPOSITIONS) == 400

RECON_WEIGHTS = [
    ("upheld", 36), ("claim_rejected", 11), ("application_rejected", 6),
    ("revoked", 11), ("altered", 1.5), ("confirmed_illegal", 9),
    ("confirmed_void", 0.5), ("ordered_performance", 4),
    ("agreement_remedy", 0.5), ("mediated", 3), ("settled", 2.5),
    ("withdrawn_after_correction", 2.5), ("withdrawn", 8), ("terminated", 3.5),
    ("other", 1),
]


def recon_plan(region):
    r18, r19 = RECON_VOLUME[region]
    if region == BAIYUN:
        return dict(r18=r18, r19=r19, c17=45, c18=62, k19=338, na18=21, na19=15)
    na18 = max(2, round(r18 * 0.035))
    na19 = max(2, round(r19 * 0.035))
    c18 = max(3, round(r18 * 0.11))
    k19 = round((r19 - na19) * 0.80)
    c17 = max(3, round(r18 * 0.08))
    return dict(r18=r18, r19=r19, c17=c17, c18=c18, k19=k19, na18=na18, na19=na19)


def recon_cohort(rng, region, rname, year, n_received, n_na, n_carry,
                 received_lo=None):
    """Cases received in `year`.  n_na are refused at intake (不予受理) within
    the year; of the accepted ones, the n_carry received last close in the
    next year, the others within the year."""
    c = cal()
    lo = received_lo or D(year, 1, 1)
    hi = D(year, 12, 31)
    dates = random_dates(rng, n_received, lo, hi, 0.93)
    # the refusals: received before mid-December so the decision stays in year
    eligible = [i for i, d in enumerate(dates) if d <= D(year, 12, 10)]
    na_idx = set(rng.sample(eligible, n_na)) if n_na else set()
    accepted_idx = [i for i in range(n_received) if i not in na_idx]
    carry_idx = set(accepted_idx[len(accepted_idx) - n_carry:]) if n_carry else set()
    cases = []
    for i, received in enumerate(dates):
        respondent, category = pick_agency(rng, rname)
        case = dict(region=region, received_date=received, respondent=respondent,
                    category=category, accepted_date=None, closed_date=None,
                    disposition=None, simple_procedure=None, extended=None,
                    suspended_days=None, litigated=None, compensation=None)
        if i in na_idx:
            case["closed_date"] = c.add_workdays(received, rng.choice([1, 2, 3, 4, 5]))
            assert case["closed_date"].year == year
            case["disposition"] = "not_accepted"
            cases.append(case)
            continue
        lag = weighted(rng, [(0, 8), (1, 22), (2, 22), (3, 18), (4, 12), (5, 12),
                             (6, 3), (7, 2), (8, 1)])
        accepted = c.add_workdays(received, lag) if lag else (
            received if c.is_workday(received) else c.next_workday(received))
        simple = category == "政府信息公开" and rng.random() < 0.45 or rng.random() < 0.03
        extended = (not simple) and rng.random() < 0.12
        suspended = 0
        if rng.random() < 0.06:
            suspended = rng.randint(8, 45)
        limit = 30 if simple else (90 if extended else 60)
        deadline = c.period_end(accepted, limit)
        overdue = rng.random() < 0.015
        if i in carry_idx:
            # closes next year: long cases get the extension, and the ones
            # still too long were suspended (中止) for a while
            close_lo, close_hi = max(D(year + 1, 1, 1), accepted + ONE), D(year + 1, 12, 31)
            if deadline < close_lo and simple:
                simple = False
                deadline = c.period_end(accepted, 90 if extended else 60)
            if deadline < close_lo and not extended:
                extended = True
                deadline = c.period_end(accepted, 90)
            if deadline < close_lo:
                suspended = (close_lo - deadline).days + rng.randint(5, 20)
                overdue = True  # on time only when the suspension is left out
                target = deadline + dt.timedelta(days=rng.randint(
                    (close_lo - deadline).days, suspended))
            elif overdue:
                target = deadline + dt.timedelta(days=rng.randint(1, 20))
            else:
                target = close_lo + dt.timedelta(days=rng.randint(0, (deadline - close_lo).days))
            close = fit(rng, target, close_lo, close_hi)
        else:
            close_lo, close_hi = accepted + ONE, hi
            assert accepted < hi, (region, year, received, accepted)
            if overdue:
                target = deadline + dt.timedelta(days=rng.randint(1, 20))
            elif suspended and rng.random() < 0.5:
                # closes after the plain deadline, but within it once the
                # suspension is left out
                target = deadline + dt.timedelta(days=rng.randint(1, suspended))
            else:
                span = (deadline - accepted).days
                target = accepted + dt.timedelta(days=int(rng.triangular(12, span, span * 0.7)))
            close = fit(rng, target, close_lo, close_hi)
        close = snap_workday(close, close_lo, close_hi, rng)
        case.update(accepted_date=accepted, closed_date=close,
                    simple_procedure=simple, extended=extended,
                    suspended_days=suspended)
        cases.append(case)
    return cases


def gen_reconsideration(region, rname, short):
    rng = sub_rng("recon", region)
    p = recon_plan(region)
    c17 = recon_cohort(rng, region, rname, 2017, p["c17"], 0, p["c17"],
                       received_lo=D(2017, 11, 10))
    c18 = recon_cohort(rng, region, rname, 2018, p["r18"], p["na18"], p["c18"])
    acc19 = p["r19"] - p["na19"]
    c19 = recon_cohort(rng, region, rname, 2019, p["r19"], p["na19"], acc19 - p["k19"])
    cases = c17 + c18 + c19
    # dispositions
    closed19 = [k for k in cases if k["closed_date"] and k["closed_date"].year == 2019
                and k["disposition"] != "not_accepted"]
    if region == BAIYUN:
        assert len(closed19) == 400
        disp = list(BAIYUN_2019_DISPOSITIONS)
        rng.shuffle(disp)
        for k, d in zip(closed19, disp):
            k["disposition"] = d
        lit = [True] * 91 + [False] * (400 - 91)
        rng.shuffle(lit)
        for k, l in zip(closed19, lit):
            k["litigated"] = l
    for k in cases:
        if k["closed_date"] and k["closed_date"] > EXPORT_DATE:
            k["closed_date"] = None  # still open when exported
        if k["received_date"] >= D(2019, 12, 1) and k["accepted_date"] \
                and rng.random() < 0.12:
            # suspended (中止) over the 2020 epidemic: still open when exported
            k["closed_date"] = None
            k["suspended_days"] = (EXPORT_DATE - D(2020, 1, 24)).days
        if k["disposition"] == "not_accepted":
            continue
        if k["closed_date"] is None:
            continue
        if k["disposition"] is None:
            k["disposition"] = weighted(rng, RECON_WEIGHTS)
        if k["litigated"] is None:
            if k["closed_date"].year >= 2020 and rng.random() < 0.4:
                pass  # not known yet
            else:
                k["litigated"] = rng.random() < (0.29 if k["closed_date"].year == 2018 else 0.22)
        if k["disposition"] in ("revoked", "altered", "confirmed_illegal", "confirmed_void"):
            k["compensation"] = rng.random() < 0.08
        else:
            k["compensation"] = False
        if k["disposition"] == "terminated" and k["suspended_days"] == 0 and rng.random() < 0.4:
            k["suspended_days"] = rng.randint(20, 60)
    # case numbers: 云府行复〔2019〕123号, numbered by receipt within the year
    seq = {}
    for k in sorted(cases, key=lambda k: k["received_date"]):
        y = k["received_date"].year
        seq[y] = seq.get(y, 0) + 1
        k["case_id"] = "%s府行复〔%d〕%d号" % (short, y, seq[y])
    return cases


# ---------------------------------------------------------------------------
# Litigation (行政应诉)
# ---------------------------------------------------------------------------

# first-instance cases 440111 closed in 2019: 117 judged (110 won, 7 lost)
BAIYUN_2019_FIRST_OUTCOMES = exact_list([
    ("judgment_win", 110), ("judgment_loss", 7), ("ruling_dismissed", 14),
    ("withdrawn", 8), ("withdrawn_after_correction", 4), ("other", 2),
])
assert len(BAIYUN_2019_FIRST_OUTCOMES) == 145

LIT_WEIGHTS = {
    "first": [("judgment_win", 70), ("judgment_loss", 7), ("ruling_dismissed", 11),
              ("withdrawn", 7), ("withdrawn_after_correction", 3), ("mediated", 0.5),
              ("other", 1.5)],
    "second": [("judgment_win", 78), ("judgment_loss", 5), ("remanded", 3),
               ("ruling_dismissed", 6), ("withdrawn", 7), ("other", 1)],
    "retrial": [("judgment_win", 40), ("other", 52), ("judgment_loss", 4),
                ("remanded", 4)],
}
# how long a level takes, days (lo, mode, hi)
LIT_DURATION = {"first": (35, 110, 200), "second": (30, 70, 120),
                "retrial": (30, 80, 170)}
LIT_COURT = {"first": "粤7101行初", "second": "粤71行终", "retrial": "粤行申"}
LIT_COUNTER = {}


def lit_plan(region):
    (f18, s18, t18), (f19, s19, t19) = LIT_VOLUME[region]
    if region == BAIYUN:
        carry = {"first": (40, 42), "second": (30, 32), "retrial": (4, 5)}
        c17 = {"first": 30, "second": 20, "retrial": 3}
    else:
        carry = {"first": (round(f18 * 0.25), round(f19 * 0.29)),
                 "second": (round(s18 * 0.24), round(s19 * 0.27)),
                 "retrial": (max(1, round(t18 * 0.25)), max(1, round(t19 * 0.3)))}
        c17 = {"first": round(f18 * 0.2), "second": round(s18 * 0.15),
               "retrial": max(1, round(t18 * 0.2))}
    vol = {2018: {"first": f18, "second": s18, "retrial": t18},
           2019: {"first": f19, "second": s19, "retrial": t19}}
    return vol, carry, c17


def lit_cohort(rng, region, rname, year, instance, n, n_carry, lo=None):
    c = cal()
    lo = lo or D(year, 1, 1)
    hi = D(year, 12, 31)
    dates = random_dates(rng, n, lo, hi, 0.97)
    cases = []
    for i, filed in enumerate(dates):
        defendant, category = pick_agency(rng, rname)
        if category == "城乡建设,住房保障":
            category = "城乡建设"
        case = dict(region=region, filed_date=filed, instance=instance,
                    defendant=defendant, category=category, defence_date=None,
                    closed_date=None, outcome=None, head_appeared=None,
                    lawyer_only=None, hearing_held=None)
        # defence: due 15 days after the complaint reached the agency
        if instance != "retrial" or rng.random() < 0.4:
            if instance == "first" or rng.random() < 0.7:
                due = c.period_end(filed, 15)
                if rng.random() < 0.04:
                    dd = due + dt.timedelta(days=rng.randint(1, 12))
                else:
                    dd = filed + dt.timedelta(days=rng.randint(4, 15))
                    if dd > due:
                        dd = due
                dd = snap_workday(dd, filed + ONE, dd + dt.timedelta(days=10))
                case["defence_date"] = dd
        lo_d, mode_d, hi_d = LIT_DURATION[instance]
        target = filed + dt.timedelta(days=int(rng.triangular(lo_d, hi_d, mode_d)))
        if i >= n - n_carry:
            close_lo, close_hi = D(year + 1, 1, 1), D(year + 1, 12, 31)
        else:
            close_lo, close_hi = filed + dt.timedelta(days=7), hi
        close = fit(rng, target, close_lo, close_hi, 45)
        if case["defence_date"] and case["defence_date"] >= close:
            # withdrawn or dismissed before the defence was due
            case["defence_date"] = None
        close = snap_workday(close, close_lo, close_hi, rng)
        case["closed_date"] = close
        cases.append(case)
    return cases


def lit_finish(rng, case, outcome):
    case["outcome"] = outcome
    judged = outcome in ("judgment_win", "judgment_loss")
    if case["instance"] == "first":
        hearing = judged or rng.random() < 0.25
    elif case["instance"] == "second":
        hearing = judged and rng.random() < 0.45
    else:
        hearing = rng.random() < 0.15
    case["hearing_held"] = hearing
    if hearing:
        y = case["closed_date"].year
        share = {2017: 0.3, 2018: 0.42, 2019: 0.58}.get(y, 0.7)
        head = rng.random() < share
        case["head_appeared"] = head
        case["lawyer_only"] = (not head) and rng.random() < 0.06
    else:
        case["head_appeared"] = False
        case["lawyer_only"] = False


def gen_litigation(region, rname, short):
    rng = sub_rng("lit", region)
    vol, carry, c17 = lit_plan(region)
    cases = []
    for instance in ("first", "second", "retrial"):
        cases += lit_cohort(rng, region, rname, 2017, instance, c17[instance],
                            c17[instance], lo=D(2017, 8, 15))
        cases += lit_cohort(rng, region, rname, 2018, instance,
                            vol[2018][instance], carry[instance][0])
        cases += lit_cohort(rng, region, rname, 2019, instance,
                            vol[2019][instance], carry[instance][1])
    if region == BAIYUN:
        first19 = [k for k in cases if k["instance"] == "first"
                   and k["closed_date"].year == 2019]
        assert len(first19) == 145, len(first19)
        outs = list(BAIYUN_2019_FIRST_OUTCOMES)
        rng.shuffle(outs)
        for k, o in zip(first19, outs):
            lit_finish(rng, k, o)
    for k in cases:
        if k["outcome"] is None:
            lit_finish(rng, k, weighted(rng, LIT_WEIGHTS[k["instance"]]))
        if k["closed_date"] > EXPORT_DATE:
            k["closed_date"] = None
            k["outcome"] = None
            k["head_appeared"] = None
            k["lawyer_only"] = None
            k["hearing_held"] = None
    for k in sorted(cases, key=lambda k: (k["filed_date"], k["instance"])):
        y = k["filed_date"].year
        key = (k["instance"], y)
        LIT_COUNTER[key] = LIT_COUNTER.get(key, 0) + 1
        k["case_id"] = "（%d）%s%d号" % (y, LIT_COURT[k["instance"]],
                                      LIT_COUNTER[key] * 3 + (ord(short) % 3))
    return cases


# ---------------------------------------------------------------------------
# Registry (登记名录)
# ---------------------------------------------------------------------------

def registry_plan(region, rng):
    if region == BAIYUN:
        return {
            # standing 2018-12-31, standing 2019-12-31, ended in 2018,
            # ended in 2019, started in 2018
            "law_firm": (49, 53, 2, 2, 3),
            "lawyer": (393, 512, 15, 24, 48),
            "mediation_org": (488, 503, 4, 3, 21),
        }
    lf18 = rng.randint(14, 44)
    lw18 = rng.randint(90, 370)
    mo18 = rng.randint(150, 460)
    return {
        "law_firm": (lf18, lf18 + rng.randint(0, 4), rng.randint(0, 2),
                     rng.randint(0, 2), rng.randint(1, 4)),
        "lawyer": (lw18, lw18 + rng.randint(8, 60), rng.randint(3, 12),
                   rng.randint(3, 15), rng.randint(10, 40)),
        "mediation_org": (mo18, mo18 + rng.randint(0, 20), rng.randint(0, 4),
                          rng.randint(0, 4), rng.randint(2, 15)),
    }


def rand_date(rng, lo, hi):
    return lo + dt.timedelta(days=rng.randint(0, (hi - lo).days))


def gen_standing_kind(rng, region, kind, s18, s19, end18, end19, new18, edge=False):
    """Entities of one kind so that exactly s18 stand on 2018-12-31 and s19 on
    2019-12-31.  Returns a list of (start, end) pairs in no particular order."""
    old = s18 - new18 + end18
    ents = []
    first_year = 1993 if kind == "law_firm" else 1996
    for _ in range(old):
        ents.append([rand_date(rng, D(first_year, 1, 1), D(2017, 12, 31)), None])
    for _ in range(new18):
        ents.append([rand_date(rng, D(2018, 1, 2), D(2018, 12, 28)), None])
    # endings in 2018 (old entities only)
    idx = list(range(old))
    rng.shuffle(idx)
    for i in idx[:end18]:
        ents[i][1] = rand_date(rng, D(2018, 1, 3), D(2018, 12, 31))
    standing18 = [e for e in ents if e[1] is None]
    assert len(standing18) == s18
    rng.shuffle(standing18)
    for j, e in enumerate(standing18[:end19]):
        e[1] = rand_date(rng, D(2019, 1, 1), D(2019, 12, 31))
        if edge and j == 0:
            e[1] = D(2019, 12, 31)  # not standing on 2019-12-31
    new19 = s19 - s18 + end19
    assert new19 >= 0
    for j in range(new19):
        start = rand_date(rng, D(2019, 1, 2), D(2019, 12, 30))
        if edge and j == 0:
            start = D(2019, 12, 31)  # stands on its first day
        ents.append([start, None])
    # after the period: a few entities close in 2020 (still standing on
    # 2019-12-31, one of them on 2020-01-01 exactly), a few start in 2020
    still = [e for e in ents if e[1] is None and e[0] <= D(2019, 12, 31)]
    rng.shuffle(still)
    for j, e in enumerate(still[:max(1, s19 // 40)]):
        e[1] = D(2020, 1, 1) if (edge and j == 0) else rand_date(rng, D(2020, 1, 2), D(2020, 3, 31))
    for _ in range(max(1, s19 // 60)):
        ents.append([rand_date(rng, D(2020, 1, 2), D(2020, 3, 31)), None])
    if edge:
        # opened and closed within 2019: new in 2019, not standing at its end
        ents.append([D(2019, 3, 11), D(2019, 11, 29)])
    return ents


def gen_registry(region, rname, short):
    rng = sub_rng("registry", region)
    plan = registry_plan(region, rng)
    rows = []
    firms = []
    lawyers = []
    orgs = []
    edge = region == BAIYUN
    for kind in ("law_firm", "lawyer", "mediation_org"):
        s18, s19, e18, e19, n18 = plan[kind]
        ents = gen_standing_kind(rng, region, kind, s18, s19, e18, e19, n18,
                                 edge=edge and kind != "mediation_org")
        ents.sort(key=lambda e: e[0])
        used = set()
        for start, end in ents:
            if kind == "law_firm":
                while True:
                    eid = "2%s%04d1%07d" % (region[:4], start.year, rng.randint(0, 9999999))
                    if eid not in used:
                        break
                firms.append((eid, start, end))
            elif kind == "lawyer":
                while True:
                    eid = "1%s%04d1%07d" % (region[:4], start.year, rng.randint(0, 9999999))
                    if eid not in used:
                        break
                lawyers.append((eid, start, end))
            else:
                eid = "TWH%s-%04d" % (region, len(orgs) + 1)
                orgs.append((eid, start, end))
            used.add(eid)
            rows.append(dict(kind=kind, entity_id=eid, region=region,
                             start_date=start, end_date=end))
    # full-time mediators: the first batch was recruited in 2019 (12 in 白云)
    n_med = 12 if region == BAIYUN else rng.choice([0, 0, 3, 5, 6, 8])
    for j in range(n_med):
        start = rand_date(rng, D(2019, 6, 1), D(2019, 11, 29))
        rows.append(dict(kind="mediator_fulltime", entity_id="ZZTJ%s-2019-%02d" % (region, j + 1),
                         region=region, start_date=start, end_date=None))
    for j in range(rng.randint(1, 3)):
        rows.append(dict(kind="mediator_fulltime", entity_id="ZZTJ%s-2020-%02d" % (region, j + 1),
                         region=region, start_date=rand_date(rng, D(2020, 1, 6), D(2020, 3, 20)),
                         end_date=None))
    # public legal service platforms: district centre (2016), town/street
    # stations (2017-2018), the 2019 model village platforms
    n_pre = 1 + rng.randint(10, 22)
    n_new19 = 32 if region == BAIYUN else rng.randint(4, 24)
    k = 0
    for j in range(n_pre):
        k += 1
        start = D(2016, 7, 1) if j == 0 else rand_date(rng, D(2017, 1, 3), D(2018, 12, 28))
        rows.append(dict(kind="legal_service_platform", entity_id="GFPT%s-%03d" % (region, k),
                         region=region, start_date=start, end_date=None))
    for j in range(n_new19):
        k += 1
        rows.append(dict(kind="legal_service_platform", entity_id="GFPT%s-%03d" % (region, k),
                         region=region, start_date=rand_date(rng, D(2019, 3, 1), D(2019, 12, 27)),
                         end_date=None))
    # notary office and its service points
    rows.append(dict(kind="notary_office", entity_id="GZ%s-01" % region, region=region,
                     start_date=rand_date(rng, D(1985, 1, 1), D(1996, 12, 31)), end_date=None))
    n_pt19 = 3 if region == BAIYUN else rng.choice([0, 1, 1, 2])
    for j in range(n_pt19):
        rows.append(dict(kind="notary_point", entity_id="GZD%s-%02d" % (region, j + 1),
                         region=region, start_date=rand_date(rng, D(2019, 4, 1), D(2019, 12, 20)),
                         end_date=None))
    return rows, firms, lawyers, orgs


# ---------------------------------------------------------------------------
# Legal aid (法律援助)
# ---------------------------------------------------------------------------

AID_TYPES = [("criminal", 38), ("civil", 55), ("administrative", 2), ("other", 5)]
AID_DURATION = {"criminal": (20, 150, 60), "civil": (40, 330, 140),
                "administrative": (40, 220, 110), "other": (10, 90, 35)}
BAIYUN_RECOVERED_2019_FEN = 1512800000  # 1512.8万元


def aid_decide(rng, region, applied, decided_year):
    """decision day for an application made on `applied`"""
    c = cal()
    if region == BAIYUN and decided_year == 2019:
        # the bureau's pledge: at most 1 working day
        if c.is_workday(applied) and rng.random() < 0.45:
            return applied
        return c.next_workday(applied)
    k = weighted(rng, [(0, 10), (1, 25), (2, 25), (3, 18), (4, 10), (5, 7), (6, 3), (7, 2)])
    if k == 0:
        return applied if c.is_workday(applied) else c.next_workday(applied)
    return c.add_workdays(applied, k)


def aid_cohort(rng, region, year, n_total, edges=()):
    """Applications decided in `year`: `edges` are (applied, decided) pairs
    given explicitly, the rest are drawn.  Includes a few applied in the last
    days of the previous year."""
    c = cal()
    apps = list(edges)
    # applications made in late December of the previous year, decided in
    # January (at most 1 working day for 440111)
    # the last working day of the previous year and the rest days after it;
    # all are decided on the first working day of `year`
    d = c.prev_workday(D(year, 1, 1))
    first = c.next_workday(d)
    assert first.year == year and c.workdays_between(d, first) == 1
    while d.year < year:
        for _ in range(rng.randint(1, 3)):
            if len(apps) < n_total:
                apps.append((d, first))
        d += ONE
    days = days_of_year(year)
    wdays = [d for d in days if c.is_workday(d)]
    while len(apps) < n_total:
        a = rng.choice(wdays) if rng.random() < 0.9 else rng.choice(days)
        d = aid_decide(rng, region, a, year)
        if d.year != year:
            continue
        apps.append((a, d))
    apps.sort()
    return apps


def aid_money(rng, kind_type):
    """a recovered amount in fen: a weighted random size, 2-decimal yuan"""
    size = weighted(rng, [(1, 30), (2, 40), (3, 22), (4, 7), (5, 1)])
    lo, hi = {1: (500, 3200), 2: (3200, 13000), 3: (13000, 40000),
              4: (40000, 130000), 5: (130000, 400000)}[size]
    yuan = rng.uniform(lo, hi)
    return int(round(yuan * 100))


def gen_legal_aid(region, rname, short, lawyers, firms):
    rng = sub_rng("aid", region)
    c = cal()
    g18, g19 = AID_VOLUME[region]
    deny_share = 0.035
    d18 = round(g18 * deny_share)
    d19 = round(g19 * deny_share)
    edges = []
    if region == BAIYUN:
        edges = [
            (D(2019, 9, 30), D(2019, 10, 8)), (D(2019, 9, 30), D(2019, 10, 8)),
            (D(2019, 9, 30), D(2019, 10, 8)), (D(2019, 9, 30), D(2019, 10, 8)),
            (D(2019, 10, 3), D(2019, 10, 8)), (D(2019, 9, 28), D(2019, 9, 29)),
            (D(2019, 9, 29), D(2019, 9, 29)), (D(2019, 10, 11), D(2019, 10, 12)),
            (D(2019, 10, 11), D(2019, 10, 12)), (D(2019, 10, 12), D(2019, 10, 12)),
            (D(2019, 2, 1), D(2019, 2, 2)), (D(2019, 2, 3), D(2019, 2, 11)),
            (D(2019, 2, 4), D(2019, 2, 11)), (D(2019, 4, 30), D(2019, 5, 5)),
            (D(2018, 12, 29), D(2019, 1, 2)),
        ]
        for a, d in edges:
            assert c.workdays_between(a, d) <= 1
    # the lawyer pool: ~60 lawyers practising throughout 2017-2019
    steady = [l for l in lawyers if l[1] <= D(2017, 6, 30) and l[2] is None]
    pool_n = 60 if region == BAIYUN else min(len(steady), rng.randint(24, 48))
    pool = rng.sample(steady, pool_n)
    steady_firms = [f for f in firms if f[1] <= D(2017, 6, 30) and f[2] is None]
    lawyer_firm = [(l[0], rng.choice(steady_firms)[0]) for l in pool]
    cohorts = {}
    # 2017 tail: accepted in the last months of 2017, closed in 2018
    tail = []
    for a in random_dates(rng, max(8, g18 // 12), D(2017, 10, 9), D(2017, 12, 15), 0.95):
        tail.append((a, aid_decide(rng, region, a, 2017)))
        assert tail[-1][1].year == 2017
    cohorts[2017] = tail
    cohorts[2018] = aid_cohort(rng, region, 2018, g18 + d18)
    cohorts[2019] = aid_cohort(rng, region, 2019, g19 + d19, edges)
    # 2020 head: applied in the last days of 2019, decided in January 2020
    cohorts[2020] = [(D(2019, 12, 31), D(2020, 1, 2))] * rng.randint(1, 3)
    records = []
    for year in (2017, 2018, 2019, 2020):
        apps = cohorts[year]
        n_deny = {2018: d18, 2019: d19}.get(year, 0)
        deny_idx = set(rng.sample(range(len(apps)), n_deny)) if n_deny else set()
        for i, (applied, decided) in enumerate(apps):
            r = dict(region=region, applied_date=applied, decided_date=decided,
                     decision="granted", accepted_date=None, case_type=None,
                     assigned_date=None, lawyer_id=None, firm_id=None,
                     assignment_method=None, commitment=None, closed_date=None,
                     recovered=None)
            r["case_type"] = weighted(rng, AID_TYPES)
            if i in deny_idx:
                r["decision"] = "denied"
                records.append(r)
                continue
            r["accepted_date"] = decided
            if region == BAIYUN and decided.year >= 2019:
                r["commitment"] = rng.random() < 0.64
            elif decided.year >= 2019:
                r["commitment"] = decided >= D(2019, 9, 1) and rng.random() < 0.2
            else:
                r["commitment"] = False
            k = weighted(rng, [(0, 12), (1, 45), (2, 28), (3, 15)])
            if region != BAIYUN and rng.random() < 0.05:
                k = rng.randint(4, 6)
            r["assigned_date"] = c.add_workdays(decided, k)
            if r["case_type"] == "criminal" and rng.random() < 0.2:
                r["assignment_method"] = "duty"
            elif rng.random() < (0.86 if decided.year >= 2019 else 0.7):
                r["assignment_method"] = "lottery"
            else:
                r["assignment_method"] = "designated"
            r["lawyer_id"], r["firm_id"] = rng.choice(lawyer_firm)
            lo_d, hi_d, mode_d = AID_DURATION[r["case_type"]]
            close = r["assigned_date"] + dt.timedelta(days=int(rng.triangular(lo_d, hi_d, mode_d)))
            if year == 2017:
                close = fit(rng, close, D(2018, 1, 2), D(2018, 12, 28), 60)
            close = snap_workday(close, r["assigned_date"], close + dt.timedelta(days=12), rng)
            r["closed_date"] = close if close <= EXPORT_DATE else None
            records.append(r)
    # recovered amounts: civil / administrative cases, about half of them
    closed19 = []
    for r in records:
        if r["closed_date"] and r["case_type"] in ("civil", "administrative") \
                and rng.random() < 0.5:
            r["recovered"] = aid_money(rng, r["case_type"])
            r["wan"] = rng.random() < 0.12
            if r["closed_date"].year == 2019:
                closed19.append(r)
    if region == BAIYUN:
        # scale the 2019 closings to exactly 1512.8万元; 万 forms are whole
        # hundreds of yuan, the remainder goes to the largest plain amount
        total = sum(r["recovered"] for r in closed19)
        acc = 0
        for r in closed19:
            v = r["recovered"] * BAIYUN_RECOVERED_2019_FEN // total
            if r["wan"] and v >= 10000:
                v -= v % 10000
            else:
                r["wan"] = False
            r["recovered"] = v
            acc += v
        plain = [r for r in closed19 if not r["wan"]]
        big = max(plain, key=lambda r: r["recovered"])
        big["recovered"] += BAIYUN_RECOVERED_2019_FEN - acc
        assert sum(r["recovered"] for r in closed19) == BAIYUN_RECOVERED_2019_FEN
    for r in records:
        if r["recovered"] is not None and r.get("wan") and r["recovered"] % 10000:
            r["recovered"] -= r["recovered"] % 10000
            if r["recovered"] == 0:
                r["recovered"] = 10000
    # case numbers 云法援〔2019〕123号 by decision order within the year
    seq = {}
    for r in sorted(records, key=lambda r: (r["decided_date"], r["applied_date"])):
        y = r["decided_date"].year
        seq[y] = seq.get(y, 0) + 1
        r["case_id"] = "%s法援〔%d〕%04d号" % (short, y, seq[y])
    records.sort(key=lambda r: (r["decided_date"].year, int(r["case_id"].split("〕")[1][:-1])))
    return records


# ---------------------------------------------------------------------------
# Mediation (人民调解)
# ---------------------------------------------------------------------------

MED_CATEGORIES = [("婚姻家庭", 18), ("邻里纠纷", 22), ("房屋宅基地", 8),
                  ("合同纠纷", 9), ("劳动争议", 10), ("损害赔偿", 8),
                  ("物业纠纷", 7), ("征地拆迁", 3), ("道路交通", 6),
                  ("医疗纠纷", 2), ("其他", 7)]


def gen_mediation(region, rname, short, orgs):
    rng = sub_rng("med", region)
    n18, n19, m18, m19 = MED_VOLUME[region]
    active = [o[0] for o in orgs if o[1] <= D(2017, 12, 31) and o[2] is None]
    # a few busy committees (streets and towns), many small village ones
    busy = active[:max(3, len(active) // 12)]
    records = []
    cohorts = [(2017, max(20, n18 // 40)), (2018, n18), (2019, n19)]
    for year, n in cohorts:
        if year == 2017:
            dates = random_dates(rng, n, D(2017, 12, 11), D(2017, 12, 31), 0.85)
        else:
            dates = random_dates(rng, n, D(year, 1, 1), D(year, 12, 31), 0.85)
        major_n = {2018: m18, 2019: m19}.get(year, 0)
        major_idx = set(rng.sample(range(n), major_n)) if major_n else set()
        for i, rec in enumerate(dates):
            span = weighted(rng, [(0, 28), (1, 25), (2, 30), (3, 12), (4, 5)])
            days = {0: 0, 1: rng.randint(1, 5), 2: rng.randint(6, 20),
                    3: rng.randint(21, 30), 4: rng.randint(31, 75)}[span]
            closed = rec + dt.timedelta(days=days)
            if year == 2017 and closed.year == 2017:
                closed = D(2018, 1, rng.randint(2, 25))
            outcome = weighted(rng, [("success", 95), ("failure", 4), ("other", 1)])
            if closed > EXPORT_DATE:
                closed = None
                outcome = None
            org = rng.choice(busy) if rng.random() < 0.45 else rng.choice(active)
            records.append(dict(
                region=region, org_id=org, received_date=rec, closed_date=closed,
                outcome=outcome, major_group=(i in major_idx),
                category=weighted(rng, MED_CATEGORIES) if rng.random() < 0.8 else None))
    seq = {}
    for r in records:
        y = r["received_date"].year
        seq[y] = seq.get(y, 0) + 1
        r["case_id"] = "TJ%s%d%05d" % (region, y, seq[y])
    return records


# ---------------------------------------------------------------------------
# Activity (工作量台账)
# ---------------------------------------------------------------------------

# indicator: (2019 value for 440111, 2018 value for 440111, how it is booked)
ACTIVITY = [
    ("decision.legality_reviews", 1511, 1376, "quarter"),
    ("contract.major_reviews", 90, 81, "quarter"),
    ("contract.sampled", 132, 0, "once"),
    ("enforcement.departments_disclosing", 47, 44, "half"),
    ("enforcement.disclosed_records", 7376, 6120, "month"),
    ("enforcement.discretion_items", 94, 88, "quarter"),
    ("enforcement.exam_takers", 507, 463, "sittings"),
    ("enforcement.certificates", 246, 231, "quarter"),
    ("staff_exam.takers", 2350, 2290, "exam"),
    ("staff_exam.passed", 2350, 2271, "exam"),
    ("law_education.events", 11837, 10452, "month"),
    ("law_education.materials", 3352410, 3010200, "month"),
    ("law_education.audience", 3068500, 2790300, "month"),
    ("public_lawyer.matters", 270, 231, "quarter"),
    ("public_lawyer.documents", 187, 164, "quarter"),
    ("public_lawyer.disputes", 24, 19, "quarter"),
    ("legal_service.services", 12362, 8957, "month"),
    ("village_adviser.services", 8472, 7911, "month"),
    ("legal_aid.consultations", 9059, 8612, "month"),
    ("law_firm.acceptances", 7, 5, "events"),
    ("law_firm.inspections", 2, 2, "events"),
]


def month_end(y, m):
    if m == 12:
        return D(y, 12, 31)
    return D(y, m + 1, 1) - ONE


def gen_activity(region):
    rng = sub_rng("activity", region)
    rows = []
    takers_split = {}
    scale = 1.0 if region == BAIYUN else rng.uniform(0.3, 0.8)
    for ind, v19, v18, how in ACTIVITY:
        for year, base in ((2018, v18), (2019, v19)):
            if region == BAIYUN:
                total = base
            else:
                total = int(round(base * scale * rng.uniform(0.85, 1.1)))
                if year == 2018 and base == 0:
                    total = 0
            if ind == "staff_exam.passed" and region != BAIYUN:
                # pass rate just under 100 % elsewhere; every taker is
                # counted on the same rows as the passes
                continue
            if how == "month":
                dates = [month_end(year, m) for m in range(1, 13)]
            elif how == "quarter":
                dates = [month_end(year, m) for m in (3, 6, 9, 12)]
            elif how == "half":
                dates = [D(year, 6, 30), D(year, 12, 31)]
            elif how == "sittings":
                dates = [D(year, 4, 20), D(year, 8, 17), D(year, 11, 23)]
            elif how == "exam":
                dates = [D(year, 9, 21), D(year, 10, 26)]
            elif how == "once":
                dates = [D(year, 11, 29)]
            else:  # events
                n = max(1, min(total, rng.randint(2, 4))) if total else 0
                dates = sorted(rand_date(rng, D(year, 3, 1), D(year, 12, 20)) for _ in range(n))
            if not dates:
                continue
            if ind == "staff_exam.passed":
                # same sittings as the takers: in 2019 every taker passed
                parts = list(takers_split[year])
                parts[-1] -= sum(parts) - total
            else:
                parts = split_total(rng, total, len(dates))
            if ind == "staff_exam.takers":
                takers_split[year] = parts
            for d, p in zip(dates, parts):
                rows.append(dict(region=region, date=d, indicator=ind, value=p, note=None))
            if ind == "staff_exam.takers" and region != BAIYUN:
                for d, p in zip(dates, parts):
                    rows.append(dict(region=region, date=d, indicator="staff_exam.passed",
                                     value=p - (1 if p > 0 and rng.random() < 0.5 else 0),
                                     note=None))
    return rows


# ---------------------------------------------------------------------------
# CSV writing: headers, labels, date forms, encodings
# ---------------------------------------------------------------------------

def fmt_date(d, form):
    if d is None:
        return ""
    if form == "iso":
        return d.isoformat()
    if form == "slash":
        return "%d/%d/%d" % (d.year, d.month, d.day)
    if form == "dot":
        return "%d.%d.%d" % (d.year, d.month, d.day)
    if form == "compact":
        return "%04d%02d%02d" % (d.year, d.month, d.day)
    if form == "cn":
        return "%d年%d月%d日" % (d.year, d.month, d.day)
    raise ValueError(form)


def fmt_bool(v, yes="是", no="否"):
    if v is None:
        return ""
    return yes if v else no


def fmt_money(fen, wan=False):
    if fen is None:
        return ""
    if wan:
        assert fen % 10000 == 0
        hundreds = fen // 10000  # hundreds of yuan = 0.01 万
        s = "%d.%02d" % (hundreds // 100, hundreds % 100)
        s = s.rstrip("0").rstrip(".")
        return s + "万"
    return "%d.%02d" % (fen // 100, fen % 100)


RECON_LABELS = {
    "upheld": ["维持"],
    "claim_rejected": ["驳回复议请求", "驳回行政复议请求", "驳回"],
    "application_rejected": ["驳回行政复议申请", "驳回申请"],
    "revoked": ["撤销", "撤销", "部分撤销", "撤销并责令重作", "责令重作"],
    "altered": ["变更"],
    "confirmed_illegal": ["确认违法"],
    "confirmed_void": ["确认无效"],
    "ordered_performance": ["责令履行"],
    "agreement_remedy": ["责令依约履行", "补偿", "行政协议"],
    "mediated": ["调解", "调解结案"],
    "settled": ["和解", "和解撤回"],
    "withdrawn_after_correction": ["自行纠正后撤回", "纠正后撤回", "主动纠正"],
    "withdrawn": ["撤回", "申请人撤回"],
    "terminated": ["终止"],
    "not_accepted": ["不予受理"],
    "other": ["其他"],
}

LIT_LABELS = {
    ("first", "judgment_win"): ["判决驳回诉讼请求", "判决驳回诉讼请求", "驳回诉讼请求", "胜诉"],
    ("second", "judgment_win"): ["驳回上诉维持原判", "维持原判"],
    ("retrial", "judgment_win"): ["维持原判"],
    ("first", "judgment_loss"): ["判决撤销", "判决部分撤销", "判决确认违法", "判决履行",
                                 "判决变更", "败诉"],
    ("second", "judgment_loss"): ["改判"],
    ("retrial", "judgment_loss"): ["改判"],
    "ruling_dismissed": ["裁定驳回起诉", "驳回起诉", "裁定不予立案"],
    "withdrawn": ["撤诉", "准予撤诉", "按撤诉处理"],
    "withdrawn_after_correction": ["被告改变行为后撤诉", "改变行政行为后撤诉"],
    "remanded": ["发回重审"],
    "mediated": ["调解"],
    "other": ["终结诉讼", "其他", "终结", "移送"],
}
INSTANCE_LABELS = {"first": "一审", "second": "二审", "retrial": "再审"}
AID_DECISION_LABELS = {"granted": ["给予", "准予"], "denied": ["不予", "驳回"]}
AID_TYPE_LABELS = {"criminal": "刑事", "civil": "民事", "administrative": "行政", "other": "其他"}
AID_METHOD_LABELS = {"lottery": "摇珠", "designated": "指定", "duty": "值班"}
MED_OUTCOME_LABELS = {"success": ["调解成功", "达成协议"], "failure": ["调解不成", "未达成协议"],
                      "other": ["other"]}  # docs/data.md gives no Chinese label
REGISTRY_LABELS = {"law_firm": "律师事务所", "lawyer": "律师", "mediation_org": "调解组织",
                   "mediator_fulltime": "专职调解员", "notary_office": "公证机构",
                   "notary_point": "公证办理点", "legal_service_platform": "公共法律服务平台"}

FW = "\u3000"  # full-width space


def write_csv(path, header, rows, encoding="utf-8", newline="\n", bom=False):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator=newline, quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    for r in rows:
        w.writerow(r)
    text = buf.getvalue()
    if encoding == "gb18030":
        data = text.encode("gb18030")
        # GBK characters only: the same bytes under the GBK codec
        assert text.encode("gbk") == data, path
    else:
        data = text.encode("utf-8")
        if bom:
            data = b"\xef\xbb\xbf" + data
    with open(path, "wb") as f:
        f.write(data)


def out_reconsideration(path, cases):
    rng = sub_rng("fmt", "recon")
    # a Windows Excel export: GBK, CRLF, Chinese headers in its own order
    header = ["案号", "收到日期", "被申请人", "案件类别", "受理日期", "简易程序", "延期",
              "中止天数", "办结日期", "结案方式", "提起行政诉讼", "赔偿", "区划代码"]
    rows = []
    for k in cases:
        form = "cn" if rng.random() < 0.8 else "iso"
        disp = ""
        if k["disposition"]:
            if rng.random() < 0.03:
                disp = k["disposition"]  # the English code
            else:
                disp = rng.choice(RECON_LABELS[k["disposition"]])
        respondent = k["respondent"]
        if rng.random() < 0.02:
            respondent = respondent + FW
        case_id = k["case_id"]
        if rng.random() < 0.01:
            case_id = " " + case_id + " "
        rows.append([
            case_id, fmt_date(k["received_date"], form), respondent, k["category"],
            fmt_date(k["accepted_date"], form), fmt_bool(k["simple_procedure"]),
            fmt_bool(k["extended"]),
            "" if k["suspended_days"] is None else str(k["suspended_days"]),
            fmt_date(k["closed_date"], form), disp, fmt_bool(k["litigated"]),
            fmt_bool(k["compensation"]), k["region"],
        ])
    write_csv(path, header, rows, encoding="gb18030", newline="\r\n")
    return len(rows)


def out_litigation(path, cases):
    rng = sub_rng("fmt", "lit")
    # UTF-8 with BOM, Chinese headers, YYYY/M/D dates
    header = ["案号", "区划代码", "审级", "被告", "案件类别", "收案日期", "答辩日期",
              "开庭", "负责人出庭应诉", "仅委托律师出庭", "结案日期", "裁判结果"]
    rows = []
    for k in cases:
        form = "slash" if rng.random() < 0.85 else "iso"
        out = ""
        if k["outcome"]:
            key = (k["instance"], k["outcome"])
            labels = LIT_LABELS.get(key) or LIT_LABELS[k["outcome"]]
            out = rng.choice(labels)
        yes, no = ("是", "否") if rng.random() < 0.9 else ("1", "0")
        rows.append([
            k["case_id"], k["region"], INSTANCE_LABELS[k["instance"]], k["defendant"],
            k["category"], fmt_date(k["filed_date"], form), fmt_date(k["defence_date"], form),
            fmt_bool(k["hearing_held"], yes, no), fmt_bool(k["head_appeared"], yes, no),
            fmt_bool(k["lawyer_only"], yes, no), fmt_date(k["closed_date"], form), out,
        ])
    write_csv(path, header, rows, encoding="utf-8", newline="\n", bom=True)
    return len(rows)


def out_legal_aid(path, records):
    rng = sub_rng("fmt", "aid")
    # GBK, Chinese headers, YYYYMMDD dates (some YYYY.M.D), 万 amounts
    header = ["案件编号", "申请日期", "审查日期", "审查结果", "受理日期", "案件类型",
              "指派日期", "指派方式", "承办律师", "律师事务所", "告知承诺", "结案日期",
              "挽回经济损失", "区划代码"]
    rows = []
    for r in records:
        form = "compact" if rng.random() < 0.9 else "dot"
        rows.append([
            r["case_id"], fmt_date(r["applied_date"], form), fmt_date(r["decided_date"], form),
            rng.choice(AID_DECISION_LABELS[r["decision"]]), fmt_date(r["accepted_date"], form),
            AID_TYPE_LABELS[r["case_type"]], fmt_date(r["assigned_date"], form),
            AID_METHOD_LABELS.get(r["assignment_method"], ""), r["lawyer_id"] or "",
            r["firm_id"] or "", fmt_bool(r["commitment"]), fmt_date(r["closed_date"], form),
            fmt_money(r["recovered"], r.get("wan", False)), r["region"],
        ])
    write_csv(path, header, rows, encoding="gb18030", newline="\n")
    return len(rows)


def out_mediation(path, records):
    rng = sub_rng("fmt", "med")
    # UTF-8, canonical English headers, ISO and YYYY.M.D dates, codes mostly
    # in English
    header = ["case_id", "region", "org_id", "received_date", "closed_date", "outcome",
              "major_group", "category"]
    rows = []
    for r in records:
        form = "iso" if rng.random() < 0.7 else "dot"
        out = ""
        if r["outcome"]:
            out = r["outcome"] if rng.random() < 0.85 else rng.choice(MED_OUTCOME_LABELS[r["outcome"]])
        rows.append([r["case_id"], r["region"], r["org_id"], fmt_date(r["received_date"], form),
                     fmt_date(r["closed_date"], form), out, "1" if r["major_group"] else "0",
                     r["category"] or ""])
    write_csv(path, header, rows, encoding="utf-8", newline="\n")
    return len(rows)


def out_registry(path, rows_in):
    rng = sub_rng("fmt", "registry")
    # UTF-8, CRLF, Chinese headers and labels, some padded with full-width spaces
    header = ["类型", "编号", "区划代码", "成立日期", "注销日期"]
    rows = []
    for r in rows_in:
        form = "iso" if rng.random() < 0.75 else "slash"
        label = REGISTRY_LABELS[r["kind"]]
        x = rng.random()
        if x < 0.03:
            label = FW + label
        elif x < 0.05:
            label = label + FW + FW
        elif x < 0.06:
            label = r["kind"]
        rows.append([label, r["entity_id"], r["region"], fmt_date(r["start_date"], form),
                     fmt_date(r["end_date"], form)])
    write_csv(path, header, rows, encoding="utf-8", newline="\r\n")
    return len(rows)


def out_activity(path, rows_in):
    rng = sub_rng("fmt", "activity")
    # UTF-8, English headers in another order, padded values, notes with a
    # comma and with a line break
    header = ["date", "indicator", "region", "value", "note"]
    rows = []
    notes_done = set()
    for r in rows_in:
        form = "iso" if rng.random() < 0.8 else "cn"
        value = str(r["value"])
        x = rng.random()
        if x < 0.05:
            value = " " + value
        elif x < 0.08:
            value = value + "  "
        note = ""
        if r["region"] == BAIYUN and r["date"].year == 2019:
            if r["indicator"] == "law_education.events" and r["date"].month == 6 \
                    and "comma" not in notes_done:
                note = "含线上、线下活动,按月汇总"
                notes_done.add("comma")
            elif r["indicator"] == "legal_service.services" and r["date"].month == 12 \
                    and "newline" not in notes_done:
                note = "实体平台与网络平台合计\n含12348热线"
                notes_done.add("newline")
            elif r["indicator"] == "enforcement.departments_disclosing" and r["date"].month == 12:
                note = "下半年新增公开部门"
            elif r["indicator"] == "staff_exam.takers" and r["date"].month == 10:
                note = "补考"
        rows.append([fmt_date(r["date"], form), r["indicator"], r["region"], value, note])
    assert notes_done == {"comma", "newline"}
    write_csv(path, header, rows, encoding="utf-8", newline="\n")
    return len(rows)


def out_regions(path):
    header = ["区划代码", "名称"]
    rows = [["440000", "广东省"], ["440100", "广州市"]]
    rows += [[code, name] for code, name, _ in DISTRICTS]
    write_csv(path, header, rows, encoding="utf-8", newline="\n")
    return len(rows)


# ---------------------------------------------------------------------------

def generate(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    LIT_COUNTER.clear()
    recon, lit, aid, med, reg, act = [], [], [], [], [], []
    for code, name, short in DISTRICTS:
        recon += gen_reconsideration(code, name, short)
        lit += gen_litigation(code, name, short)
        rows, firms, lawyers, orgs = gen_registry(code, name, short)
        reg += rows
        aid += gen_legal_aid(code, name, short, lawyers, firms)
        med += gen_mediation(code, name, short, orgs)
        act += gen_activity(code)
    counts = {
        "reconsideration.csv": out_reconsideration(os.path.join(out_dir, "reconsideration.csv"), recon),
        "litigation.csv": out_litigation(os.path.join(out_dir, "litigation.csv"), lit),
        "legal_aid.csv": out_legal_aid(os.path.join(out_dir, "legal_aid.csv"), aid),
        "mediation.csv": out_mediation(os.path.join(out_dir, "mediation.csv"), med),
        "registry.csv": out_registry(os.path.join(out_dir, "registry.csv"), reg),
        "activity.csv": out_activity(os.path.join(out_dir, "activity.csv"), act),
        "regions.csv": out_regions(os.path.join(out_dir, "regions.csv")),
    }
    return counts


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir", nargs="?", default=DEFAULT_OUT,
                    help="output folder (default: %(default)s)")
    ap.add_argument("-q", "--quiet", action="store_true")
    args = ap.parse_args(argv)
    counts = generate(args.out_dir)
    if not args.quiet:
        for name, n in counts.items():
            print("%-20s %7d rows" % (name, n))
    return 0


if __name__ == "__main__":
    sys.exit(main())
