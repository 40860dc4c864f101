"""Every region compared as a printable page (`fazhi report --all-regions
--format html`): the same groups of siblings, figures and ranks as the text
comparison, each figure the JSON report's text, and text from the data
escaped.

Run with:  /usr/bin/python3 -m pytest tests/python/test_html_comparison.py
"""

import json
import os
import shutil
import subprocess
from html.parser import HTMLParser

import pytest

from locale_env import ENGLISH

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FAZHI = os.path.join(os.environ.get("FAZHI_BUILD_DIR") or os.path.join(REPO, "build"), "fazhi")
EXAMPLE = os.path.join(REPO, "data", "examples", "baiyun-2019")
METRICS = "reconsideration.received,litigation.win_rate"


class Tables(HTMLParser):
    """The page's comparison sections: each as (parent code, [row cells])."""

    def __init__(self):
        super().__init__()
        self.sections, self.row, self.cell = [], None, None
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script":
            self.scripts += 1
        if tag == "section" and a.get("class") == "comparison":
            self.sections.append((a.get("data-parent"), []))
        elif tag == "tr" and self.sections:
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = ""

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.row.append(self.cell)
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.sections[-1][1].append(self.row)
            self.row = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def page(data_dir, tmp_path):
    out = tmp_path / "all.html"
    subprocess.run([FAZHI, "report", "--data", str(data_dir), "--all-regions", "--year", "2019", "--metrics", METRICS,
                    "--format", "html", "--out", str(out)], check=True, capture_output=True, env=ENGLISH)
    parser = Tables()
    text = out.read_text(encoding="utf-8")
    parser.feed(text)
    return text, parser


def test_the_page_compares_every_region_as_the_json_reports(tmp_path):
    _, p = page(EXAMPLE, tmp_path)
    reports = json.loads(subprocess.run([FAZHI, "report", "--data", EXAMPLE, "--all-regions", "--year", "2019",
                                         "--format", "json"], check=True, capture_output=True).stdout)
    text = {(r["region"], m["id"]): m["text"] for r in reports for m in r["metrics"]}
    assert [parent for parent, _ in p.sections] == ["", "440000", "440100"]
    header = p.sections[2][1][0]
    assert header == ["地区", "代码", "收到行政复议申请", "排名", "胜诉率", "排名"]
    districts = {row[1]: row for row in p.sections[2][1][1:]}
    assert len(districts) == 12  # Guangzhou's 11 districts and its total row
    baiyun = districts["440111"]
    assert baiyun[0] == "白云区"
    assert baiyun[2] == text[("440111", "reconsideration.received")] == "439 件"
    assert baiyun[3] == "1"  # the most applications among Guangzhou's districts
    total = districts["440100"]
    assert total[0] == "广州市（合计）" and total[3] == "" and total[5] == ""
    assert total[2] == text[("440100", "reconsideration.received")]


def test_ranks_are_the_text_comparisons(tmp_path):
    _, p = page(EXAMPLE, tmp_path)
    out = subprocess.run([FAZHI, "report", "--data", EXAMPLE, "--all-regions", "--year", "2019", "--metrics",
                          METRICS, "--lang", "zh"], check=True, capture_output=True, text=True).stdout
    lines = {line.split()[1]: line.split() for line in out.splitlines() if len(line.split()) > 1 and
             line.split()[1].startswith("4401") and "合计" not in line}
    for row in p.sections[2][1][1:-1]:
        words = lines[row[1]]
        # 地区 代码 value 件 rank rate rank: the text table's ranks, the page's ranks.
        assert row[3] == words[4] and row[5] == words[6], (row, words)


def test_names_from_the_data_are_escaped(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(EXAMPLE, data)
    regions = (data / "regions.csv").read_text(encoding="utf-8")
    evil = "白云区<script>alert(1)</script>&"
    (data / "regions.csv").write_text(regions.replace("440111,白云区", "440111," + evil), encoding="utf-8")
    text, p = page(data, tmp_path)
    assert p.scripts == 0
    assert "白云区&lt;script&gt;alert(1)&lt;/script&gt;&amp;" in text
    rows = {row[1]: row for row in p.sections[2][1][1:]}
    assert rows["440111"][0] == evil
