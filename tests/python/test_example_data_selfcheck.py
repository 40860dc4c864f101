"""A self-check of the example data, not a test of fazhi: it never calls the
library. It checks that data/examples/baiyun-2019 (and the small roll-up
dataset tests/data/rollup-small) hold what their READMEs say, so that the
reference figures the library's own tests compare against are themselves
right, worked out a second, independent way.

The CSV files are read here with a reader of their own (standard library
only), independent of the generator and of the C++ loader: encoding detection
(UTF-8, else GB18030), BOM, Chinese header aliases, Chinese code labels, the
five date forms, 万 amounts and trimmed values, all after docs/data.md.  Every
figure of the reference report (baiyun-2019.txt) is then recomputed for
district 440111 under the definitions of docs/metrics.md.

Run with:  /usr/bin/python3 -m pytest tests/python
"""

import csv
import datetime as dt
import io
import os
import re
import subprocess
import sys
import tempfile
from fractions import Fraction

import pytest

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLE = os.path.join(REPO, "data", "examples", "baiyun-2019")
GENERATOR = os.path.join(REPO, "data", "examples", "generate_baiyun.py")
ROLLUP = os.path.join(REPO, "tests", "data", "rollup-small")
CALENDAR = os.path.join(REPO, "data", "cn_workday_calendar.csv")

CSV_FILES = ["reconsideration.csv", "litigation.csv", "legal_aid.csv", "mediation.csv",
             "registry.csv", "activity.csv", "regions.csv"]

Y2019 = (dt.date(2019, 1, 1), dt.date(2019, 12, 31))
Y2018 = (dt.date(2018, 1, 1), dt.date(2018, 12, 31))
BAIYUN = "440111"
GUANGZHOU_DISTRICTS = ["440103", "440104", "440105", "440106", "440111", "440112",
                       "440113", "440114", "440115", "440117", "440118"]

# ---------------------------------------------------------------------------
# The contract, transcribed from docs/data.md
# ---------------------------------------------------------------------------

# kind -> [(canonical, [aliases], type, required)]
COLUMNS = {
    "reconsideration": [
        ("case_id", ["案件编号", "案号"], "text", True),
        ("region", ["区划代码", "行政区划代码"], "region", True),
        ("received_date", ["收到日期", "收件日期", "申请日期"], "date", True),
        ("accepted_date", ["受理日期"], "date", False),
        ("closed_date", ["办结日期", "结案日期", "审结日期"], "date", False),
        ("disposition", ["结案方式", "处理结果"], "disposition", False),
        ("respondent", ["被申请人"], "text", False),
        ("category", ["案件类别", "管理领域"], "text", False),
        ("simple_procedure", ["简易程序"], "bool", False),
        ("extended", ["延期", "延长审理期限"], "bool", False),
        ("litigated", ["提起行政诉讼", "进入诉讼"], "bool", False),
        ("suspended_days", ["中止天数"], "int", False),
        ("compensation", ["赔偿"], "bool", False),
    ],
    "litigation": [
        ("case_id", ["案号", "案件编号"], "text", True),
        ("region", ["区划代码"], "region", True),
        ("filed_date", ["收案日期", "立案日期", "收到起诉状日期"], "date", True),
        ("instance", ["审级"], "instance", True),
        ("defendant", ["被告"], "text", False),
        ("category", ["案件类别"], "text", False),
        ("defence_date", ["答辩日期", "提交答辩状日期"], "date", False),
        ("closed_date", ["结案日期", "审结日期"], "date", False),
        ("outcome", ["结案方式", "裁判结果"], "lit_outcome", False),
        ("head_appeared", ["负责人出庭", "负责人出庭应诉"], "bool", False),
        ("lawyer_only", ["仅委托律师出庭"], "bool", False),
        ("hearing_held", ["开庭"], "bool", False),
    ],
    "legal_aid": [
        ("case_id", ["案件编号"], "text", True),
        ("region", ["区划代码"], "region", True),
        ("applied_date", ["申请日期"], "date", True),
        ("decided_date", ["审查日期", "决定日期"], "date", False),
        ("decision", ["审查结果"], "decision", False),
        ("accepted_date", ["受理日期"], "date", False),
        ("case_type", ["案件类型"], "case_type", False),
        ("assigned_date", ["指派日期"], "date", False),
        ("lawyer_id", ["承办律师"], "text", False),
        ("firm_id", ["律师事务所"], "text", False),
        ("assignment_method", ["指派方式"], "method", False),
        ("commitment", ["告知承诺"], "bool", False),
        ("closed_date", ["结案日期"], "date", False),
        ("recovered_amount", ["挽回经济损失"], "money", False),
    ],
    "mediation": [
        ("case_id", ["案件编号"], "text", True),
        ("region", ["区划代码"], "region", True),
        ("org_id", ["调解组织"], "text", False),
        ("received_date", ["受理日期"], "date", True),
        ("closed_date", ["结案日期"], "date", False),
        ("outcome", ["调解结果"], "med_outcome", False),
        ("major_group", ["重大群体性纠纷"], "bool", False),
        ("category", ["纠纷类型"], "text", False),
    ],
    "registry": [
        ("kind", ["类型"], "registry_kind", True),
        ("entity_id", ["编号"], "text", True),
        ("region", ["区划代码"], "region", True),
        ("start_date", ["成立日期", "执业日期", "设立日期"], "date", True),
        ("end_date", ["注销日期", "撤销日期"], "date", False),
    ],
    "regions": [
        ("region", ["区划代码"], "region", True),
        ("name", ["名称", "区划名称"], "text", True),
    ],
    "activity": [
        ("region", ["区划代码"], "region", True),
        ("date", ["日期"], "date", True),
        ("indicator", ["指标"], "text", True),
        ("value", ["数量"], "int", True),
        ("note", ["备注"], "text", False),
    ],
}

CODES = {
    "disposition": {
        "upheld": ["维持"],
        "claim_rejected": ["驳回", "驳回复议请求", "驳回行政复议请求"],
        "application_rejected": ["驳回申请", "驳回行政复议申请"],
        "revoked": ["撤销", "部分撤销", "撤销并责令重作", "责令重作"],
        "altered": ["变更"],
        "confirmed_illegal": ["确认违法"],
        "confirmed_void": ["确认无效"],
        "ordered_performance": ["责令履行"],
        "agreement_remedy": ["行政协议", "责令依约履行", "补偿"],
        "mediated": ["调解", "调解结案"],
        "settled": ["和解", "和解撤回"],
        "withdrawn_after_correction": ["纠正后撤回", "自行纠正后撤回", "主动纠正"],
        "withdrawn": ["撤回", "申请人撤回"],
        "terminated": ["终止"],
        "not_accepted": ["不予受理"],
        "other": ["其他"],
    },
    "instance": {"first": ["一审"], "second": ["二审"], "retrial": ["再审"]},
    "lit_outcome": {
        "judgment_win": ["判决驳回诉讼请求", "驳回诉讼请求", "判决维持", "驳回上诉维持原判",
                         "维持原判", "胜诉"],
        "judgment_loss": ["判决撤销", "判决部分撤销", "判决确认违法", "判决确认无效", "判决履行",
                          "判决给付", "判决变更", "判决赔偿", "改判", "败诉"],
        "ruling_dismissed": ["裁定驳回起诉", "驳回起诉", "裁定不予立案", "不予立案"],
        "withdrawn": ["撤诉", "准予撤诉", "按撤诉处理"],
        "withdrawn_after_correction": ["被告改变行为后撤诉", "改变行政行为后撤诉"],
        "remanded": ["发回重审"],
        "mediated": ["调解"],
        "other": ["其他", "终结", "终结诉讼", "移送"],
    },
    "decision": {"granted": ["给予", "准予"], "denied": ["不予", "驳回"]},
    "case_type": {"criminal": ["刑事"], "civil": ["民事"], "administrative": ["行政"],
                  "other": ["其他"]},
    "method": {"lottery": ["摇珠"], "designated": ["指定"], "duty": ["值班"]},
    "med_outcome": {"success": ["调解成功", "达成协议"], "failure": ["调解不成", "未达成协议"],
                    "other": []},
    "registry_kind": {"law_firm": ["律师事务所"], "lawyer": ["律师"],
                      "mediation_org": ["调解组织"], "mediator_fulltime": ["专职调解员"],
                      "notary_office": ["公证机构"], "notary_point": ["公证办理点"],
                      "legal_service_platform": ["公共法律服务平台"]},
}
LABEL = {t: {**{c: c for c in table}, **{l: c for c, ls in table.items() for l in ls}}
         for t, table in CODES.items()}

TRUE = {"1", "true", "yes", "是", "y"}
FALSE = {"0", "false", "no", "否", "n"}

DIRECT = {"revoked", "altered", "confirmed_illegal", "confirmed_void", "ordered_performance",
          "agreement_remedy"}
INDIRECT = {"mediated", "settled", "withdrawn_after_correction"}
JUDGED = {"judgment_win", "judgment_loss"}

DATE_FORMS = {
    "iso": re.compile(r"^(\d{4})-(\d{2})-(\d{2})$"),
    "slash": re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"),
    "dot": re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$"),
    "compact": re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
    "cn": re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$"),
}
MONEY = re.compile(r"^(\d+)(?:\.(\d{1,2}))?$")
MONEY_WAN = re.compile(r"^(\d+)(?:\.(\d{1,6}))?(万|亿)$")


def strip_value(s):
    return s.strip(" \t\u3000")


# ---------------------------------------------------------------------------
# Reader
# ---------------------------------------------------------------------------

class Loaded:
    def __init__(self):
        self.records = {}        # kind -> list of dicts
        self.errors = []         # (file, line, column, reason)
        self.info = {}           # file -> dict(encoding, bom, crlf, header, ...)
        self.date_forms = {}     # file -> set of forms seen
        self.raw_values = {}     # file -> list of raw (untrimmed) values


def decode(raw):
    bom = raw.startswith(b"\xef\xbb\xbf")
    try:
        text = raw.decode("utf-8")
        enc = "utf-8"
    except UnicodeDecodeError:
        text = raw.decode("gb18030")
        enc = "gb18030"
    if text.startswith("\ufeff"):
        text = text[1:]
    return text, enc, bom


def parse_date(s):
    for form, rx in DATE_FORMS.items():
        m = rx.match(s)
        if m:
            y, mo, d = (int(x) for x in m.groups())
            return dt.date(y, mo, d), form  # ValueError if it does not exist
    raise ValueError("not a date: %r" % s)


def parse_money_fen(s):
    m = MONEY.match(s)
    if m:
        return int(m.group(1)) * 100 + int((m.group(2) or "0").ljust(2, "0")), False
    m = MONEY_WAN.match(s)
    if m:
        unit = 10000 if m.group(3) == "万" else 100000000
        frac = m.group(2) or ""
        num = int(m.group(1) + frac) * unit * 100
        den = 10 ** len(frac)
        if num % den:
            raise ValueError("more than 2 decimals of yuan: %r" % s)
        return num // den, True
    raise ValueError("not money: %r" % s)


def load_dir(folder):
    out = Loaded()
    for kind in COLUMNS:
        path = os.path.join(folder, kind + ".csv")
        if os.path.exists(path):
            load_file(out, kind, path)
    return out


def load_file(out, kind, path):
    fname = os.path.basename(path)
    with open(path, "rb") as f:
        raw = f.read()
    text, enc, bom = decode(raw)
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader)
    alias = {}
    for canon, aliases, typ, req in COLUMNS[kind]:
        for name in [canon] + aliases:
            alias[name.lower()] = canon
    colmap = {}
    for i, h in enumerate(header):
        canon = alias.get(strip_value(h).lower())
        if canon is not None:
            assert canon not in colmap.values(), (fname, h)
            colmap[i] = canon
    present = set(colmap.values())
    for canon, aliases, typ, req in COLUMNS[kind]:
        if req and canon not in present:
            out.errors.append((fname, 1, canon, "missing required column"))
    out.info[fname] = dict(encoding=enc, bom=bom, header=header,
                           crlf=b"\r\n" in raw, lf_only=b"\r\n" not in raw)
    types = {canon: (typ, req) for canon, aliases, typ, req in COLUMNS[kind]}
    forms = out.date_forms.setdefault(fname, set())
    raws = out.raw_values.setdefault(fname, [])
    recs = out.records.setdefault(kind, [])
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        line = reader.line_num
        rec = {"_line": line, "_file": fname}
        bad = False
        if len(row) != len(header):
            out.errors.append((fname, line, "", "wrong number of fields"))
            continue
        for i, value in enumerate(row):
            canon = colmap.get(i)
            if canon is None:
                continue
            raws.append(value)
            v = strip_value(value)
            typ, req = types[canon]
            if v == "":
                if req:
                    out.errors.append((fname, line, canon, "required value missing"))
                    bad = True
                rec[canon] = None
                continue
            try:
                if typ == "text":
                    rec[canon] = v
                elif typ == "region":
                    if not re.match(r"^\d{6}$", v):
                        raise ValueError("not a region code")
                    rec[canon] = v
                elif typ == "date":
                    rec[canon], form = parse_date(v)
                    forms.add(form)
                elif typ == "bool":
                    if v.lower() in TRUE:
                        rec[canon] = True
                    elif v.lower() in FALSE:
                        rec[canon] = False
                    else:
                        raise ValueError("not a boolean")
                elif typ == "int":
                    if not re.match(r"^\d+$", v):
                        raise ValueError("not a non-negative integer")
                    rec[canon] = int(v)
                elif typ == "money":
                    rec[canon], rec["_wan"] = parse_money_fen(v)
                else:
                    if v not in LABEL[typ]:
                        raise ValueError("unknown code %r" % v)
                    rec[canon] = LABEL[typ][v]
                    rec.setdefault("_labels", []).append(v)
            except ValueError as e:
                out.errors.append((fname, line, canon, str(e)))
                bad = True
        for canon in types:
            rec.setdefault(canon, None)
        if not bad:
            bad = not check_row(out, kind, rec)
        if not bad:
            recs.append(rec)
    # unique ids within kind and region
    idcol = "entity_id" if kind == "registry" else ("case_id" if "case_id" in types else None)
    if idcol:
        seen = set()
        for r in recs:
            key = (r.get("kind"), r["region"], r[idcol])
            if key in seen:
                out.errors.append((fname, r["_line"], idcol, "duplicate id"))
            seen.add(key)
    if kind == "regions":
        seen = set()
        for r in recs:
            if r["region"] in seen:
                out.errors.append((fname, r["_line"], "region", "duplicate region"))
            seen.add(r["region"])


def check_row(out, kind, r):
    """the cross-field rules of docs/data.md (and the brief): returns validity"""
    errs = []

    def before(a, b, what):
        if r.get(a) and r.get(b) and r[b] < r[a]:
            errs.append((b, "%s before %s" % (b, a)))

    if kind == "reconsideration":
        before("received_date", "closed_date", "")
        before("received_date", "accepted_date", "")
        before("accepted_date", "closed_date", "")
        if r["closed_date"] and not r["disposition"]:
            errs.append(("disposition", "closed without a disposition"))
        if r["disposition"] and not r["closed_date"]:
            errs.append(("closed_date", "disposition without a closed date"))
        if r["disposition"] == "not_accepted" and r["accepted_date"]:
            errs.append(("accepted_date", "accepted and not accepted"))
    elif kind == "litigation":
        before("filed_date", "closed_date", "")
        before("filed_date", "defence_date", "")
        if r["closed_date"] and not r["outcome"]:
            errs.append(("outcome", "closed without an outcome"))
    elif kind == "legal_aid":
        before("applied_date", "decided_date", "")
        before("applied_date", "accepted_date", "")
        before("decided_date", "assigned_date", "")
        before("applied_date", "closed_date", "")
        before("accepted_date", "closed_date", "")
        before("assigned_date", "closed_date", "")
        if r["decided_date"] and not r["decision"]:
            errs.append(("decision", "decided without a decision"))
        if r["decision"] == "denied" and (r["accepted_date"] or r["closed_date"]):
            errs.append(("decision", "denied but accepted"))
    elif kind == "mediation":
        before("received_date", "closed_date", "")
        if r["closed_date"] and not r["outcome"]:
            errs.append(("outcome", "closed without an outcome"))
    elif kind == "registry":
        if r["end_date"] and r["end_date"] <= r["start_date"]:
            errs.append(("end_date", "end not after start"))
    for col, why in errs:
        out.errors.append((r["_file"], r["_line"], col, why))
    return not errs


# ---------------------------------------------------------------------------
# Working days (data/cn_workday_calendar.csv)
# ---------------------------------------------------------------------------

class Workdays:
    def __init__(self, path):
        self.kind = {}
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                self.kind[dt.date.fromisoformat(row["date"])] = row["kind"]

    def is_workday(self, d):
        k = self.kind.get(d)
        if k == "workday":
            return True
        if k == "holiday":
            return False
        return d.weekday() < 5

    def between(self, a, b):
        n, x = 0, a + dt.timedelta(days=1)
        while x <= b:
            n += self.is_workday(x)
            x += dt.timedelta(days=1)
        return n

    def nth_workday(self, start, n):
        """The last day of a period of n working days: the n-th after start."""
        x = start
        while n > 0:
            x += dt.timedelta(days=1)
            n -= self.is_workday(x)
        return x

    def period_end(self, start, days):
        end = start + dt.timedelta(days=days)
        while not self.is_workday(end):
            end += dt.timedelta(days=1)
        return end


WD = Workdays(CALENDAR)

# ---------------------------------------------------------------------------
# Metrics (docs/metrics.md), for a set of district codes
# ---------------------------------------------------------------------------


def in_p(d, p):
    return d is not None and p[0] <= d <= p[1]


def frac(num, den):
    return None if den == 0 else (num, den)


def figures(data, regions, p=Y2019):
    prev = (dt.date(p[0].year - 1, 1, 1), dt.date(p[1].year - 1, 12, 31))
    start = p[0]
    regions = set(regions)

    def rows(kind):
        return [r for r in data.records.get(kind, []) if r["region"] in regions]

    f = {}
    rc = rows("reconsideration")
    closed = [r for r in rc if in_p(r["closed_date"], p) and r["disposition"] != "not_accepted"]
    f["reconsideration.received"] = sum(in_p(r["received_date"], p) for r in rc)
    f["reconsideration.received_prev"] = sum(in_p(r["received_date"], prev) for r in rc)
    f["reconsideration.closed"] = len(closed)
    f["reconsideration.closed_carried_over"] = sum(r["received_date"] < start for r in closed)
    f["reconsideration.pending_start"] = sum(
        r["received_date"] < start and not (r["closed_date"] and r["closed_date"] < start)
        for r in rc)
    f["reconsideration.pending_end"] = sum(
        r["received_date"] <= p[1] and not (r["closed_date"] and r["closed_date"] <= p[1])
        for r in rc)
    f["reconsideration.direct_correction_rate"] = frac(
        sum(r["disposition"] in DIRECT for r in closed), len(closed))
    f["reconsideration.correction_rate"] = frac(
        sum(r["disposition"] in DIRECT | INDIRECT for r in closed), len(closed))
    # the profile switch: plain withdrawals and terminations count too
    f["reconsideration.correction_rate_incl_withdrawn"] = frac(
        sum(r["disposition"] in DIRECT | INDIRECT | {"withdrawn", "terminated"} for r in closed),
        len(closed))
    known = [r for r in closed if r["litigated"] is not None]
    f["reconsideration.not_litigated_rate"] = frac(
        sum(r["litigated"] is False for r in known), len(known))

    lt = rows("litigation")
    first_closed = [r for r in lt if r["instance"] == "first" and in_p(r["closed_date"], p)]
    judged = [r for r in first_closed if r["outcome"] in JUDGED]
    f["litigation.received"] = sum(in_p(r["filed_date"], p) for r in lt)
    f["litigation.received_prev"] = sum(in_p(r["filed_date"], prev) for r in lt)
    f["litigation.first_instance_closed"] = len(first_closed)
    f["litigation.lawyer_only"] = sum(bool(r["lawyer_only"]) for r in lt
                                      if in_p(r["closed_date"], p))
    f["litigation.received_first_instance"] = sum(
        in_p(r["filed_date"], p) and r["instance"] == "first" for r in lt)
    f["litigation.judged_first_instance"] = len(judged)
    f["litigation.win_rate"] = frac(sum(r["outcome"] == "judgment_win" for r in judged),
                                    len(judged))
    f["litigation.loss_rate"] = frac(
        sum(r["outcome"] in ("judgment_loss", "withdrawn_after_correction") for r in first_closed),
        len(first_closed))
    heard = [r for r in lt if in_p(r["closed_date"], p) and r["hearing_held"]]
    f["litigation.head_appearance_rate"] = frac(sum(bool(r["head_appeared"]) for r in heard),
                                                len(heard))
    defended = [r for r in lt if in_p(r["filed_date"], p) and r["defence_date"]]
    f["litigation.defence_on_time_rate"] = frac(
        sum(r["defence_date"] <= WD.period_end(r["filed_date"], 15) for r in defended),
        len(defended))

    la = rows("legal_aid")
    decided = [r for r in la if in_p(r["decided_date"], p)]
    la_closed = [r for r in la if in_p(r["closed_date"], p)]
    assigned = [r for r in la if in_p(r["assigned_date"], p)]
    accepted = [r for r in la if in_p(r["accepted_date"], p)]
    f["legal_aid.accepted"] = len(accepted)
    f["legal_aid.closed"] = len(la_closed)
    f["legal_aid.closed_carried_over"] = sum(r["applied_date"] < start for r in la_closed)
    f["legal_aid.recovered_fen"] = sum(r["recovered_amount"] or 0 for r in la_closed)
    review = [WD.between(r["applied_date"], r["decided_date"]) for r in decided]
    f["legal_aid.review_workdays_max"] = max(review) if review else None
    f["legal_aid.review_workdays_mean"] = frac(sum(review), len(review))
    f["legal_aid.assignment_on_time_rate"] = frac(
        sum(r["assigned_date"] <= WD.nth_workday(r["decided_date"], 3) for r in assigned),
        len(assigned))
    f["legal_aid.lottery_share"] = frac(
        sum(r["assignment_method"] == "lottery" for r in assigned), len(assigned))
    f["legal_aid.commitment_share"] = frac(sum(bool(r["commitment"]) for r in accepted),
                                           len(accepted))

    md = rows("mediation")
    md_closed = [r for r in md if in_p(r["closed_date"], p)]
    f["mediation.received"] = sum(in_p(r["received_date"], p) for r in md)
    f["mediation.major_group"] = sum(in_p(r["received_date"], p) and bool(r["major_group"])
                                     for r in md)
    f["mediation.closed"] = len(md_closed)
    f["mediation.success_rate"] = frac(sum(r["outcome"] == "success" for r in md_closed),
                                       len(md_closed))
    f["mediation.pending_end"] = sum(
        r["received_date"] <= p[1] and not (r["closed_date"] and r["closed_date"] <= p[1])
        for r in md)

    rg = rows("registry")
    for kind in CODES["registry_kind"]:
        ents = [r for r in rg if r["kind"] == kind]
        for label, day in (("", p[1]), ("_prev", prev[1])):
            f["registry.%s%s" % (kind, label)] = sum(
                r["start_date"] <= day and (r["end_date"] is None or day < r["end_date"])
                for r in ents)
        f["registry.%s.new" % kind] = sum(in_p(r["start_date"], p) for r in ents)

    act = rows("activity")
    for r in act:
        for label, per in (("", p), ("_prev", prev)):
            key = "activity.%s%s" % (r["indicator"], label)
            f.setdefault(key, 0)
            if in_p(r["date"], per):
                f[key] += r["value"]
    return f


def rank(data, kind, datecol, region, siblings, p=Y2019):
    counts = {}
    for s in siblings:
        counts[s] = sum(1 for r in data.records[kind] if r["region"] == s and in_p(r[datecol], p))
    better = sum(1 for s in siblings if counts[s] > counts[region])
    return better + 1, counts


# ---------------------------------------------------------------------------
# Fixtures
# ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def example():
    return load_dir(EXAMPLE)


@pytest.fixture(scope="module")
def baiyun(example):
    return figures(example, [BAIYUN])


@pytest.fixture(scope="module")
def rollup():
    return load_dir(ROLLUP)


# ---------------------------------------------------------------------------
# (1) the generator reproduces the committed files byte for byte
# ---------------------------------------------------------------------------

def test_generator_is_deterministic_and_matches_committed_files():
    with tempfile.TemporaryDirectory() as tmp:
        for run in ("a", "b"):
            out = os.path.join(tmp, run)
            subprocess.run([sys.executable, GENERATOR, "--quiet", out], check=True,
                           cwd=tmp, env={**os.environ, "PYTHONHASHSEED": "random"})
        for name in CSV_FILES:
            with open(os.path.join(tmp, "a", name), "rb") as f:
                a = f.read()
            with open(os.path.join(tmp, "b", name), "rb") as f:
                b = f.read()
            with open(os.path.join(EXAMPLE, name), "rb") as f:
                committed = f.read()
            assert a == b, "two runs differ: " + name
            assert a == committed, "committed file is not the generator's output: " + name
        assert sorted(os.listdir(os.path.join(tmp, "a"))) == sorted(CSV_FILES)
    committed = sorted(n for n in os.listdir(EXAMPLE) if n.endswith(".csv"))
    assert committed == sorted(CSV_FILES)


def test_dataset_size_is_modest():
    total = sum(os.path.getsize(os.path.join(EXAMPLE, n)) for n in CSV_FILES)
    assert total < 15 * 1024 * 1024


# ---------------------------------------------------------------------------
# (2) the files are valid and look like real exports
# ---------------------------------------------------------------------------

def test_no_row_is_invalid(example):
    assert example.errors == []
    counts = {k: len(v) for k, v in example.records.items()}
    assert set(counts) == set(COLUMNS)
    for kind, n in counts.items():
        assert n > 0, kind


def test_regions_name_every_code(example):
    names = {r["region"]: r["name"] for r in example.records["regions"]}
    assert names["440000"] == "广东省"
    assert names["440100"] == "广州市"
    assert names[BAIYUN] == "白云区"
    assert sorted(c for c in names if not c.endswith("00")) == GUANGZHOU_DISTRICTS
    for kind, recs in example.records.items():
        for r in recs:
            assert r["region"] in names, (kind, r["region"])
            if kind != "regions":
                assert r["region"] in GUANGZHOU_DISTRICTS


def test_export_formats(example):
    info = example.info
    # GBK (written with gb18030, GBK characters only)
    gbk = [n for n in CSV_FILES if info[n]["encoding"] == "gb18030"]
    assert len(gbk) >= 2
    assert "reconsideration.csv" in gbk and "legal_aid.csv" in gbk
    for n in gbk:
        with open(os.path.join(EXAMPLE, n), "rb") as f:
            raw = f.read()
        assert raw.decode("gb18030").encode("gbk") == raw
    # BOM, CRLF
    assert [n for n in CSV_FILES if info[n]["bom"]] == ["litigation.csv"]
    assert info["reconsideration.csv"]["crlf"] and info["registry.csv"]["crlf"]
    assert info["mediation.csv"]["lf_only"] and info["activity.csv"]["lf_only"]
    # Chinese headers, in an order of their own
    for n in ("reconsideration.csv", "litigation.csv", "legal_aid.csv", "registry.csv",
              "regions.csv"):
        assert all(re.search(r"[\u4e00-\u9fff]", h) for h in info[n]["header"]), n
    assert info["reconsideration.csv"]["header"][1] == "收到日期"
    assert info["activity.csv"]["header"][:2] == ["date", "indicator"]
    # every date form appears somewhere, several files mix forms
    forms = set().union(*example.date_forms.values())
    assert forms == {"iso", "slash", "dot", "compact", "cn"}
    assert sum(len(s) > 1 for s in example.date_forms.values()) >= 4
    # Chinese labels for codes and booleans
    labels = {l for recs in example.records.values() for r in recs for l in r.get("_labels", [])}
    for l in ("维持", "撤销", "判决驳回诉讼请求", "摇珠", "一审", "律师事务所", "调解成功"):
        assert l in labels, l
    raws = [v for vals in example.raw_values.values() for v in vals]
    assert "是" in raws and "否" in raws
    # padded values, quoted comma and line break, 万 amounts
    assert any(v != v.strip(" ") and v.strip(" ") for v in raws)
    assert any("\u3000" in v for v in raws)
    assert any("," in v for v in example.raw_values["reconsideration.csv"])
    assert any("," in v for v in example.raw_values["activity.csv"])
    assert any("\n" in v for v in example.raw_values["activity.csv"])
    assert any(r.get("_wan") for r in example.records["legal_aid"])
    plain = sum(r["recovered_amount"] is not None and not r.get("_wan")
                for r in example.records["legal_aid"])
    assert plain > 3 * sum(bool(r.get("_wan")) for r in example.records["legal_aid"])


def test_every_district_has_cross_year_cases(example):
    for region in GUANGZHOU_DISTRICTS:
        for kind, rec_col in (("reconsideration", "received_date"),
                              ("litigation", "filed_date"),
                              ("legal_aid", "applied_date"),
                              ("mediation", "received_date")):
            recs = [r for r in example.records[kind] if r["region"] == region]
            carried18 = [r for r in recs if r[rec_col].year == 2017
                         and r["closed_date"] and r["closed_date"].year == 2018]
            carried19 = [r for r in recs if r[rec_col].year == 2018
                         and r["closed_date"] and r["closed_date"].year == 2019]
            into20 = [r for r in recs if r[rec_col].year == 2019
                      and (r["closed_date"] is None or r["closed_date"].year == 2020)]
            assert carried18 and carried19 and into20, (region, kind)


# ---------------------------------------------------------------------------
# the reference report's figures, district 440111
# ---------------------------------------------------------------------------

def test_reconsideration_figures(example, baiyun):
    f = baiyun
    assert f["reconsideration.received"] == 439
    assert f["reconsideration.received_prev"] == 568
    # 同比下降 22.7%: 129/568 = 22.71%
    assert Fraction(568 - 439, 568) == Fraction(129, 568)
    assert f["reconsideration.closed"] == 400
    assert f["reconsideration.closed_carried_over"] == 62
    assert f["reconsideration.correction_rate"] == (134, 400)
    assert f["reconsideration.not_litigated_rate"] == (309, 400)
    rc = [r for r in example.records["reconsideration"] if r["region"] == BAIYUN]
    closed = [r for r in rc if in_p(r["closed_date"], Y2019)
              and r["disposition"] != "not_accepted"]
    # every closed case says whether it was litigated; 91 were
    assert all(r["litigated"] is not None for r in closed)
    assert sum(r["litigated"] for r in closed) == 91
    # the carried-over cases were all received in 2018
    assert all(r["received_date"].year in (2018, 2019) for r in closed)
    # refusals at intake exist and are not counted as closed
    na = [r for r in rc if r["disposition"] == "not_accepted" and in_p(r["received_date"], Y2019)]
    assert na and all(r["accepted_date"] is None for r in na)
    # plain withdrawals and terminations exist, so the profile switch matters
    wt = sum(r["disposition"] in ("withdrawn", "terminated") for r in closed)
    assert wt > 0
    assert f["reconsideration.correction_rate_incl_withdrawn"] == (134 + wt, 400)
    assert f["reconsideration.direct_correction_rate"][0] < 134
    # realistic procedure: most accepted within 5 working days, most closed
    # within the statutory deadline, a few overdue
    acc = [r for r in rc if r["accepted_date"]]
    on_time_acc = sum(r["accepted_date"] <= WD.nth_workday(r["received_date"], 5) for r in acc)
    assert 0.85 * len(acc) < on_time_acc < len(acc)

    def deadline(r):
        days = 30 if r["simple_procedure"] else (90 if r["extended"] else 60)
        return WD.period_end(r["accepted_date"], days)

    overdue = sum(r["closed_date"] > deadline(r) for r in closed)
    assert 0 < overdue < 0.1 * len(closed)
    assert any(r["simple_procedure"] for r in closed)
    assert any(r["extended"] for r in closed)
    assert any(r["suspended_days"] for r in closed)
    assert len({r["respondent"] for r in closed}) > 5
    assert len({r["category"] for r in closed}) > 5


def test_litigation_figures(example, baiyun):
    f = baiyun
    assert f["litigation.received"] == 282
    assert f["litigation.received_first_instance"] == 147
    assert f["litigation.judged_first_instance"] == 117
    assert f["litigation.win_rate"] == (110, 117)
    lt = [r for r in example.records["litigation"] if r["region"] == BAIYUN]
    first19 = [r for r in lt if r["instance"] == "first" and in_p(r["closed_date"], Y2019)]
    outcomes = {r["outcome"] for r in first19}
    assert {"ruling_dismissed", "withdrawn", "withdrawn_after_correction"} <= outcomes
    assert {"first", "second", "retrial"} == {r["instance"] for r in lt}
    on_time, rate_den = f["litigation.defence_on_time_rate"]
    assert 0.9 * rate_den < on_time < rate_den
    assert f["litigation.head_appearance_rate"] is not None
    assert any(r["lawyer_only"] for r in lt)


def test_legal_aid_figures(example, baiyun):
    f = baiyun
    assert f["legal_aid.accepted"] == 3037
    assert f["legal_aid.recovered_fen"] == 1512800000  # 15128000.00 元 = 1512.8 万元
    assert f["legal_aid.review_workdays_max"] == 1
    position, counts = rank(example, "legal_aid", "accepted_date", BAIYUN, GUANGZHOU_DISTRICTS)
    assert position == 1
    assert all(counts[s] < counts[BAIYUN] for s in GUANGZHOU_DISTRICTS if s != BAIYUN)
    la = [r for r in example.records["legal_aid"] if r["region"] == BAIYUN]
    decided19 = [r for r in la if in_p(r["decided_date"], Y2019)]
    assert all(WD.between(r["applied_date"], r["decided_date"]) <= 1 for r in decided19)
    pairs = {(r["applied_date"], r["decided_date"]) for r in decided19}
    # across the National Day week: 1 working day
    assert (dt.date(2019, 9, 30), dt.date(2019, 10, 8)) in pairs
    assert WD.between(dt.date(2019, 9, 30), dt.date(2019, 10, 8)) == 1
    # decisions on the make-up working days
    assert any(r["decided_date"] in (dt.date(2019, 9, 29), dt.date(2019, 10, 12)) for r in decided19)
    # a decision made in 2019 on an application of 2018
    assert any(r["applied_date"].year == 2018 for r in decided19)
    assigned19 = [r for r in la if in_p(r["assigned_date"], Y2019)]
    assert all(r["assigned_date"] <= WD.nth_workday(r["decided_date"], 3) for r in assigned19)
    lottery, n = f["legal_aid.lottery_share"]
    assert 0.6 * n < lottery < n
    assert {r["assignment_method"] for r in assigned19} == {"lottery", "designated", "duty"}
    yes, n = f["legal_aid.commitment_share"]
    assert 0.3 * n < yes < n
    assert 40 <= len({r["lawyer_id"] for r in assigned19}) <= 80
    assert any(r["decision"] == "denied" for r in decided19)


def test_registry_figures(baiyun):
    f = baiyun
    assert f["registry.law_firm"] == 53
    assert f["registry.law_firm_prev"] == 49
    assert f["registry.lawyer"] == 512
    assert f["registry.lawyer_prev"] == 393
    assert f["registry.mediation_org"] == 503
    assert f["registry.mediator_fulltime.new"] == 12
    assert f["registry.legal_service_platform.new"] == 32
    assert f["registry.notary_point.new"] == 3
    assert f["registry.notary_office"] >= 1
    # the published growth: truncated 8.1% and 30.27%
    assert Fraction(53 - 49, 49) == Fraction(4, 49)
    assert Fraction(512 - 393, 393) == Fraction(119, 393)


def test_registry_has_closed_entities(example):
    rg = [r for r in example.records["registry"] if r["region"] == BAIYUN]
    for kind in ("law_firm", "lawyer"):
        ents = [r for r in rg if r["kind"] == kind]
        assert any(r["end_date"] and r["end_date"].year == 2018 for r in ents), kind
        assert any(r["end_date"] and r["end_date"].year == 2019 for r in ents), kind
        assert len(ents) > {"law_firm": 53, "lawyer": 512}[kind]
    # the boundary: an entity ending on 2019-12-31 does not stand that day
    assert any(r["end_date"] == dt.date(2019, 12, 31) for r in rg)
    assert any(r["start_date"] == dt.date(2019, 12, 31) for r in rg)


def test_mediation_figures(example, baiyun):
    f = baiyun
    assert f["mediation.received"] == 12008
    assert f["mediation.major_group"] == 125
    position, counts = rank(example, "mediation", "received_date", BAIYUN, GUANGZHOU_DISTRICTS)
    assert position == 1
    assert all(counts[s] < counts[BAIYUN] for s in GUANGZHOU_DISTRICTS if s != BAIYUN)
    success, n = f["mediation.success_rate"]
    assert 0.9 * n < success < n


BAIYUN_ACTIVITY_2019 = {
    "decision.legality_reviews": 1511, "contract.major_reviews": 90, "contract.sampled": 132,
    "enforcement.departments_disclosing": 47, "enforcement.disclosed_records": 7376,
    "enforcement.discretion_items": 94, "enforcement.exam_takers": 507,
    "enforcement.certificates": 246, "staff_exam.takers": 2350, "staff_exam.passed": 2350,
    "law_education.events": 11837, "law_education.materials": 3352410,
    "law_education.audience": 3068500, "public_lawyer.matters": 270,
    "public_lawyer.documents": 187, "public_lawyer.disputes": 24,
    "legal_service.services": 12362, "village_adviser.services": 8472,
    "legal_aid.consultations": 9059, "law_firm.acceptances": 7, "law_firm.inspections": 2,
}


def test_activity_figures(example, baiyun):
    f = baiyun
    for ind, v in BAIYUN_ACTIVITY_2019.items():
        assert f["activity." + ind] == v, ind
    assert f["activity.legal_service.services_prev"] == 8957
    # 同比增长 38%: 3405/8957 = 38.01%
    assert Fraction(12362 - 8957, 8957) == Fraction(3405, 8957)
    assert f["activity.staff_exam.passed"] == f["activity.staff_exam.takers"]
    # every indicator has 2018 figures too, and is booked on several rows
    act = [r for r in example.records["activity"] if r["region"] == BAIYUN]
    for ind in BAIYUN_ACTIVITY_2019:
        if ind != "contract.sampled":
            assert f["activity.%s_prev" % ind] > 0, ind
        rows19 = [r for r in act if r["indicator"] == ind and in_p(r["date"], Y2019)]
        if ind != "contract.sampled":
            assert len(rows19) >= 2, ind


# ---------------------------------------------------------------------------
# tests/data/rollup-small: the expected figures of its README
# ---------------------------------------------------------------------------

ROLLUP_REGIONS = {
    "440103": ["440103"], "440104": ["440104"], "440203": ["440203"],
    "440100": ["440103", "440104"], "440200": ["440203"],
    "440000": ["440103", "440104", "440203"],
}

# None = undefined (denominator 0)
ROLLUP_EXPECTED = {
    "440103": {
        "litigation.received_prev": 2, "litigation.first_instance_closed": 3, "litigation.lawyer_only": 1, "registry.notary_office": 0,
        "reconsideration.received": 5, "reconsideration.received_prev": 3,
        "reconsideration.closed": 5, "reconsideration.closed_carried_over": 2,
        "reconsideration.pending_start": 2, "reconsideration.pending_end": 1,
        "reconsideration.correction_rate": (3, 5), "reconsideration.direct_correction_rate": (2, 5),
        "reconsideration.not_litigated_rate": (3, 5),
        "reconsideration.correction_rate_incl_withdrawn": (4, 5),
        "litigation.received": 4, "litigation.received_first_instance": 3,
        "litigation.judged_first_instance": 2, "litigation.win_rate": (1, 2),
        "litigation.loss_rate": (1, 3), "litigation.head_appearance_rate": (1, 2),
        "litigation.defence_on_time_rate": (2, 3),
        "legal_aid.accepted": 4, "legal_aid.closed": 4, "legal_aid.closed_carried_over": 1,
        "legal_aid.recovered_fen": 2500050, "legal_aid.review_workdays_max": 1,
        "legal_aid.review_workdays_mean": (3, 5), "legal_aid.assignment_on_time_rate": (4, 4),
        "legal_aid.lottery_share": (2, 4), "legal_aid.commitment_share": (1, 4),
        "mediation.received": 3, "mediation.closed": 3, "mediation.success_rate": (2, 3),
        "mediation.major_group": 1, "mediation.pending_end": 1,
        "registry.law_firm": 2, "registry.law_firm_prev": 2, "registry.lawyer": 3,
        "registry.lawyer_prev": 3, "registry.lawyer.new": 1, "registry.mediation_org": 1,
        "registry.mediation_org_prev": 1, "registry.law_firm.new": 1,
        "activity.legal_service.services": 330, "activity.legal_service.services_prev": 220,
        "activity.law_education.events": 25,
    },
    "440104": {
        "litigation.received_prev": 1, "litigation.first_instance_closed": 3, "litigation.lawyer_only": 0, "registry.notary_office": 0,
        "reconsideration.received": 3, "reconsideration.received_prev": 2,
        "reconsideration.closed": 3, "reconsideration.closed_carried_over": 1,
        "reconsideration.pending_start": 1, "reconsideration.pending_end": 1,
        "reconsideration.correction_rate": (1, 3), "reconsideration.direct_correction_rate": (1, 3),
        "reconsideration.not_litigated_rate": (1, 2),
        "reconsideration.correction_rate_incl_withdrawn": (2, 3),
        "litigation.received": 3, "litigation.received_first_instance": 2,
        "litigation.judged_first_instance": 2, "litigation.win_rate": (2, 2),
        "litigation.loss_rate": (1, 3), "litigation.head_appearance_rate": (2, 3),
        "litigation.defence_on_time_rate": (3, 3),
        "legal_aid.accepted": 3, "legal_aid.closed": 2, "legal_aid.closed_carried_over": 1,
        "legal_aid.recovered_fen": 1500000, "legal_aid.review_workdays_max": 2,
        "legal_aid.review_workdays_mean": (5, 3), "legal_aid.assignment_on_time_rate": (2, 2),
        "legal_aid.lottery_share": (1, 2), "legal_aid.commitment_share": (0, 3),
        "mediation.received": 3, "mediation.closed": 3, "mediation.success_rate": (2, 3),
        "mediation.major_group": 0, "mediation.pending_end": 1,
        "registry.law_firm": 1, "registry.law_firm_prev": 1, "registry.lawyer": 3,
        "registry.lawyer_prev": 2, "registry.lawyer.new": 1, "registry.mediation_org": 2,
        "registry.mediation_org_prev": 1, "registry.law_firm.new": 0,
        "activity.legal_service.services": 50, "activity.legal_service.services_prev": 0,
        "activity.law_education.events": 8,
    },
    "440203": {
        "litigation.received_prev": 0, "litigation.first_instance_closed": 0, "litigation.lawyer_only": 0, "registry.notary_office": 1,
        "reconsideration.received": 3, "reconsideration.received_prev": 2,
        "reconsideration.closed": 3, "reconsideration.closed_carried_over": 1,
        "reconsideration.pending_start": 1, "reconsideration.pending_end": 1,
        "reconsideration.correction_rate": (2, 3), "reconsideration.direct_correction_rate": (0, 3),
        "reconsideration.not_litigated_rate": (3, 3),
        "reconsideration.correction_rate_incl_withdrawn": (2, 3),
        "litigation.received": 0, "litigation.received_first_instance": 0,
        "litigation.judged_first_instance": 0, "litigation.win_rate": None,
        "litigation.loss_rate": None, "litigation.head_appearance_rate": None,
        "litigation.defence_on_time_rate": None,
        "legal_aid.accepted": 2, "legal_aid.closed": 2, "legal_aid.closed_carried_over": 1,
        "legal_aid.recovered_fen": 1534567, "legal_aid.review_workdays_max": 1,
        "legal_aid.review_workdays_mean": (3, 3), "legal_aid.assignment_on_time_rate": (3, 3),
        "legal_aid.lottery_share": (2, 3), "legal_aid.commitment_share": (0, 2),
        "mediation.received": 2, "mediation.closed": 3, "mediation.success_rate": (2, 3),
        "mediation.major_group": 1, "mediation.pending_end": 0,
        "registry.law_firm": 1, "registry.law_firm_prev": 1, "registry.lawyer": 1,
        "registry.lawyer_prev": 1, "registry.lawyer.new": 1, "registry.mediation_org": 1,
        "registry.mediation_org_prev": 1, "registry.law_firm.new": 0,
        "activity.legal_service.services": 40, "activity.legal_service.services_prev": 0,
        "activity.law_education.events": 5,
    },
}


def _sum_rollup(children):
    """counts add up; rates are recomputed from the summed numerators and
    denominators (undefined only when every child's denominator is 0)"""
    out = {}
    for key in ROLLUP_EXPECTED[children[0]]:
        vals = [ROLLUP_EXPECTED[c][key] for c in children]
        if key == "legal_aid.review_workdays_max":
            out[key] = max(vals)
        elif any(isinstance(v, tuple) for v in vals) or all(v is None for v in vals):
            pairs = [v for v in vals if v is not None]
            if not pairs:
                out[key] = None
            else:
                out[key] = (sum(a for a, b in pairs), sum(b for a, b in pairs))
        else:
            out[key] = sum(vals)
    return out


ROLLUP_EXPECTED["440100"] = _sum_rollup(["440103", "440104"])
ROLLUP_EXPECTED["440200"] = _sum_rollup(["440203"])
ROLLUP_EXPECTED["440000"] = _sum_rollup(["440103", "440104", "440203"])

# the roll-ups spelled out, as in the README
ROLLUP_SPELLED_OUT = {
    "440100": {"reconsideration.received": 8, "reconsideration.closed": 8,
               "reconsideration.closed_carried_over": 3, "reconsideration.pending_end": 2,
               "reconsideration.correction_rate": (4, 8),
               "reconsideration.not_litigated_rate": (4, 7),
               "litigation.received": 7, "litigation.judged_first_instance": 4,
               "litigation.win_rate": (3, 4), "litigation.loss_rate": (2, 6),
               "reconsideration.correction_rate_incl_withdrawn": (6, 8),
               "legal_aid.accepted": 7, "legal_aid.recovered_fen": 4000050,
               "legal_aid.closed_carried_over": 2, "legal_aid.lottery_share": (3, 6),
               "legal_aid.review_workdays_max": 2, "legal_aid.review_workdays_mean": (8, 8),
               "mediation.received": 6, "registry.lawyer": 6, "registry.lawyer_prev": 5,
               "activity.legal_service.services": 380,
               "activity.legal_service.services_prev": 220},
    "440200": {"litigation.received": 0, "litigation.win_rate": None,
               "legal_aid.recovered_fen": 1534567, "reconsideration.correction_rate": (2, 3)},
    "440000": {"reconsideration.received": 11, "reconsideration.received_prev": 7,
               "reconsideration.closed": 11, "reconsideration.closed_carried_over": 4,
               "reconsideration.pending_start": 4, "reconsideration.pending_end": 3,
               "reconsideration.correction_rate": (6, 11),
               "reconsideration.not_litigated_rate": (7, 10),
               "litigation.received": 7, "litigation.win_rate": (3, 4),
               "reconsideration.correction_rate_incl_withdrawn": (8, 11),
               "litigation.head_appearance_rate": (3, 5),
               "litigation.defence_on_time_rate": (5, 6),
               "legal_aid.accepted": 9, "legal_aid.closed": 8,
               "legal_aid.closed_carried_over": 3, "legal_aid.lottery_share": (5, 9),
               "legal_aid.commitment_share": (1, 9), "legal_aid.review_workdays_max": 2,
               "mediation.major_group": 2, "mediation.pending_end": 2,
               "registry.mediation_org": 4, "registry.mediation_org_prev": 3,
               "legal_aid.recovered_fen": 5534617, "legal_aid.review_workdays_mean": (11, 11),
               "mediation.received": 8, "mediation.closed": 9, "mediation.success_rate": (6, 9),
               "registry.law_firm": 4, "registry.lawyer": 7, "registry.lawyer_prev": 6,
               "activity.legal_service.services": 420},
}


def test_rollup_small_is_valid(rollup):
    assert rollup.errors == []
    for name in CSV_FILES:
        info = rollup.info[name]
        assert info["encoding"] == "utf-8" and not info["bom"]
        header = info["header"]
        kind = name[:-4]
        assert header == [c for c, a, t, r in COLUMNS[kind] if c in header]
        with open(os.path.join(ROLLUP, name), encoding="utf-8") as f:
            assert len(f.read().splitlines()) <= 61
    # no litigation at all in 440203
    assert not [r for r in rollup.records["litigation"] if r["region"] == "440203"]
    # an application made on a Saturday make-up working day
    applied = {r["applied_date"] for r in rollup.records["legal_aid"]}
    assert dt.date(2019, 10, 12) in applied and WD.is_workday(dt.date(2019, 10, 12))
    assert dt.date(2018, 12, 29) in applied and WD.is_workday(dt.date(2018, 12, 29))


@pytest.mark.parametrize("region", sorted(ROLLUP_REGIONS))
def test_rollup_small_figures(rollup, region):
    f = figures(rollup, ROLLUP_REGIONS[region])
    expected = ROLLUP_EXPECTED[region]
    for key, want in expected.items():
        assert f[key] == want, (region, key)
    for key, want in ROLLUP_SPELLED_OUT.get(region, {}).items():
        assert expected[key] == want, (region, key)


def test_rollup_small_activity_yoy(rollup):
    def yoy(region):
        f = figures(rollup, ROLLUP_REGIONS[region])
        cur, prev = f["activity.legal_service.services"], f["activity.legal_service.services_prev"]
        has_prev = any(r["indicator"] == "legal_service.services" and r["date"].year == 2018
                       and r["region"] in ROLLUP_REGIONS[region]
                       for r in rollup.records["activity"])
        return None if not has_prev or prev == 0 else Fraction(cur - prev, prev)

    assert yoy("440103") == Fraction(110, 220)
    assert yoy("440104") is None      # previous value 0
    assert yoy("440203") is None      # no previous row at all
    assert yoy("440100") == Fraction(160, 220)
    assert yoy("440200") is None
    assert yoy("440000") == Fraction(200, 220)


def test_rollup_small_ranks(rollup):
    # legal-aid acceptances 4 vs 3: 440103 first; mediation 3 vs 3: a tie
    # shares the better rank
    assert rank(rollup, "legal_aid", "accepted_date", "440103", ["440103", "440104"])[0] == 1
    assert rank(rollup, "legal_aid", "accepted_date", "440104", ["440103", "440104"])[0] == 2
    assert rank(rollup, "mediation", "received_date", "440103", ["440103", "440104"])[0] == 1
    assert rank(rollup, "mediation", "received_date", "440104", ["440103", "440104"])[0] == 1
    assert rank(rollup, "mediation", "received_date", "440203", ["440203"])[0] == 1
