"""The printable report of `fazhi report --format html`, opened in headless
Chromium (Debian chromium, chromium-driver, python3-selenium): the charts are
there with the report's numbers, the page logs no error, text from the data
that looks like markup stays text (the script in a region's name does not
run), and the page prints to PDF on A4 with the CJK font embedded.

Skipped, saying why, when Chromium, its driver or Selenium is missing
(scripts/setup.sh installs them).

Run with:  /usr/bin/python3 -m pytest tests/python/test_html_report.py
"""

import base64
import json
import os
import re
import shutil
import subprocess

import pytest

from locale_env import ENGLISH

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FAZHI = os.path.join(os.environ.get("FAZHI_BUILD_DIR") or os.path.join(REPO, "build"), "fazhi")
EXAMPLE = os.path.join(REPO, "data", "examples", "baiyun-2019")
PROFILE = os.path.join(EXAMPLE, "profile.json")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")

# Values planted in the data: a region name and a file name that would be
# markup, script and attribute breakers if they were not escaped.
EVIL_NAME = "白云区<script>window.__pwned=1</script>\"&'"
EVIL_FILE = "<img src=x onerror=\"window.__pwned=2\">&.txt"


def render(data_dir, out):
    subprocess.run([FAZHI, "report", "--data", str(data_dir), "--region", "440111", "--year", "2019",
                    "--profile", PROFILE, "--format", "html", "--out", str(out)], check=True,
                   capture_output=True, env=ENGLISH)
    return out.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The example data with EVIL_NAME as 440111's name and EVIL_FILE beside it."""
    d = tmp_path_factory.mktemp("hostile")
    data = d / "data"
    shutil.copytree(EXAMPLE, data)
    regions = (data / "regions.csv").read_text(encoding="utf-8")
    assert "440111,白云区" in regions
    (data / "regions.csv").write_text(regions.replace("440111,白云区", "440111,\"" + EVIL_NAME.replace('"', '""') + "\""),
                                      encoding="utf-8")
    (data / EVIL_FILE).write_text("not a record file\n", encoding="utf-8")
    out = d / "report.html"
    return out, render(data, out)


def test_page_is_self_contained_and_escaped(hostile):
    _, page = hostile
    assert "<script" not in page.lower()
    assert "<img" not in page.lower()
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;&quot;&amp;&#39;" in page
    assert "&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;&amp;.txt" in page
    # Nothing from elsewhere: no URL but the SVG namespace.
    assert set(re.findall(r"(?:https?:)?//[\w.-]+", page)) == {"http://www.w3.org"}
    assert "Content-Security-Policy" in page


@pytest.fixture(scope="module")
def browser():
    webdriver = pytest.importorskip("selenium.webdriver", reason="needs python3-selenium (scripts/setup.sh)")
    if not CHROMIUM or not CHROMEDRIVER:
        pytest.skip("needs Debian's chromium and chromium-driver (scripts/setup.sh installs them)")
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1000,1400"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def loaded(browser, hostile):
    path, _ = hostile
    browser.get("file://" + str(path))
    return browser


@pytest.fixture(scope="module")
def report_json():
    """The example report's JSON, whose tables the page draws."""
    out = subprocess.run([FAZHI, "report", "--data", EXAMPLE, "--region", "440111", "--year", "2019",
                          "--profile", PROFILE, "--format", "json"], check=True, capture_output=True, env=ENGLISH)
    return json.loads(out.stdout)


def js(driver, script):
    return driver.execute_script(script)


def test_injected_markup_is_shown_not_run(loaded):
    assert js(loaded, "return typeof window.__pwned") == "undefined"
    assert js(loaded, "return document.querySelectorAll('script, img, iframe, object').length") == 0
    assert EVIL_NAME in js(loaded, "return document.querySelector('h1').textContent")
    assert EVIL_NAME in loaded.title
    notices = js(loaded, "return [...document.querySelectorAll('ul.notices li')].map(li => li.textContent)")
    assert any(EVIL_FILE in n for n in notices)


def test_no_console_errors(loaded):
    errors = [e for e in loaded.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]
    assert errors == []


def rows_of(driver, chart):
    """[(metric, label, [(class, data-value, width, text)])] of one chart."""
    return js(driver, """
      const svg = document.getElementById(arguments[0]);
      if (!svg) return null;
      return [...svg.querySelectorAll('g.row')].map(g => [
        g.dataset.metric, g.querySelector('text.label').textContent,
        [...g.querySelectorAll('rect.bar')].map(r => [r.getAttribute('class'), r.dataset.value,
          r.getBBox().width, r.nextElementSibling.textContent])]);
    """.replace("arguments[0]", repr(chart)))


def test_year_on_year_chart_has_the_report_numbers(loaded):
    rows = rows_of(loaded, "chart-reconsideration")
    assert rows is not None
    received = next(r for r in rows if r[0] == "reconsideration.received")
    assert received[1] == "收到行政复议申请"
    (cls_now, now, w_now, t_now), (cls_before, before, w_before, t_before) = received[2]
    assert (cls_now, now, t_now) == ("bar current", "439", "439 件")
    assert (cls_before, before, t_before) == ("bar previous", "568", "568 件")
    assert w_now / w_before == pytest.approx(439 / 568, rel=1e-3)  # bars drawn to scale
    rates = {r[0]: r[2] for r in rows_of(loaded, "chart-rates")}
    win = rates["litigation.win_rate"]
    assert [(b[1], b[3]) for b in win] == [("0.9402", "94.02%"), ("0.8661", "86.61%")]
    intake = {r[0]: r[2][0][3] for r in rows_of(loaded, "chart-intake")}
    assert intake == {"reconsideration.received": "439 件", "litigation.received": "282 件",
                      "legal_aid.accepted": "3037 件", "mediation.received": "12008 宗"}


def test_region_ranked_among_its_siblings(loaded):
    rows = rows_of(loaded, "chart-siblings-legal_aid.accepted")
    assert rows is not None and len(rows) == 11  # Guangzhou's eleven districts
    top = rows[0]
    assert top[1].startswith("1. 白云区<script>")
    assert top[2][0][0] == "bar current highlight"
    assert top[2][0][3] == "3037 件"
    widths = [r[2][0][2] for r in rows]
    assert widths == sorted(widths, reverse=True)


def test_series_line_and_breakdown_shares(loaded, report_json):
    # Intake by month: a point a month, this year's and last year's, as the JSON says.
    points = js(loaded, """
      const svg = document.getElementById('chart-series-0');
      if (!svg) return null;
      return [...svg.querySelectorAll('circle')].map(c => [c.getAttribute('class'), c.dataset.period,
        c.dataset.value]);
    """)
    series = report_json["series"][0]
    assert series["metric"] == "reconsideration.received"
    assert [p for p in points if p[0] == "current"] == [
        ["current", p["period"], str(p["value"])] for p in series["points"]]
    assert [p for p in points if p[0] == "previous"] == [
        ["previous", p["period"], str(p["previous"])] for p in series["points"]]
    # Shares of a breakdown: a bar a row, drawn against 100%.
    category = next(k for k, b in enumerate(report_json["breakdowns"]) if b["by"] == "category")
    rows = rows_of(loaded, "chart-breakdown-%d" % category)
    breakdown = report_json["breakdowns"][category]
    assert [(r[1], r[2][0][1]) for r in rows] == [(row["label"], row["share"]["decimal"])
                                                  for row in breakdown["rows"]]
    assert rows[0][1] == "公安" and rows[0][2][0][3] == "30.75%"


def test_tables_and_narrative(loaded):
    text = js(loaded, "return document.body.innerText")
    assert "胜诉率为 94.02%" in text
    assert "1512.8 万元" in text
    cells = js(loaded, """return [...document.querySelectorAll('tr[data-metric="litigation.win_rate"] td')]
                         .map(td => td.textContent)""")
    assert cells[:4] == ["胜诉率", "94.02%", "86.61%", "7.41 个百分点"]
    missing = js(loaded, """return [...document.querySelectorAll(
                 'tr[data-metric="legal_aid.pending_over_limit_share"] td')].map(td => td.textContent)""")
    assert missing[1] == "—" and "legal_aid_case_limit_days" in missing[-1]


def test_prints_to_pdf_on_a4(loaded):
    from selenium.webdriver.common.print_page_options import PrintOptions
    options = PrintOptions()
    options.page_width, options.page_height = 21.0, 29.7  # A4, in cm
    pdf = base64.b64decode(loaded.print_page(options))
    assert pdf.startswith(b"%PDF-")
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))
    # The narrative, the charts (two pages), the tables (several) and the
    # data-quality page, each part starting a page.
    assert 5 <= pages <= 20, pages
    # A4 is 595 x 842 points.
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    assert box and abs(float(box.group(1)) - 595) < 2 and abs(float(box.group(2)) - 842) < 2
    # Chinese text was set in a CJK font (fonts-noto-cjk), not as empty boxes.
    # (An embedded subset is named with a six-letter tag: /AAAAAA+NotoSansCJKsc-Bold.)
    assert re.search(rb"/[A-Z]{6}\+Noto\w*CJK", pdf), "no Noto CJK font embedded"


# ---- The example report as printed, and the screenshot in docs/ ------------

# The committed picture of the example's report and the page structure it
# shows: the test below fails when the page's structure changes (a section,
# a heading, a chart or a table row appears or goes), so that an unintended
# change of the rendering is seen, and a wanted one is committed with a new
# picture (FAZHI_UPDATE_DOCS=1, which scripts/update_docs.sh sets). Pixels
# are not compared: fonts and anti-aliasing differ between machines.
SCREENSHOT = os.path.join(REPO, "docs", "report-example.png")
STRUCTURE = os.path.join(REPO, "docs", "report-example.structure.json")
UPDATE = os.environ.get("FAZHI_UPDATE_DOCS") == "1"

STRUCTURE_JS = """
  return {
    sections: [...document.querySelectorAll('section')].map(s => ({
      id: s.id,
      headings: [...s.querySelectorAll('h2, h3, figcaption')].map(h => h.tagName + ' ' + h.textContent),
      charts: [...s.querySelectorAll('svg.chart')].map(c => [c.id, c.querySelectorAll('g.row').length,
                                                            c.querySelectorAll('rect.bar').length]),
      tables: [...s.querySelectorAll('table')].map(t => [t.className, t.querySelectorAll('tbody tr').length,
                                                        [...t.querySelectorAll('th')].map(th => th.textContent)]),
    })),
  };
"""


@pytest.fixture(scope="module")
def example_page(browser, tmp_path_factory):
    out = tmp_path_factory.mktemp("example") / "report.html"
    render(EXAMPLE, out)
    browser.get("file://" + str(out))
    return browser


def test_example_structure_matches_the_committed_screenshot(example_page):
    import json
    structure = js(example_page, STRUCTURE_JS)
    if UPDATE:
        with open(STRUCTURE, "w", encoding="utf-8") as f:
            json.dump(structure, f, ensure_ascii=False, indent=1)
            f.write("\n")
        # The first screen of the page, as a reader opens it: the heading,
        # the narrative and the start of the charts.
        example_page.set_window_size(1000, 1400)
        example_page.save_screenshot(SCREENSHOT)
    with open(STRUCTURE, encoding="utf-8") as f:
        committed = json.load(f)
    assert structure == committed, (
        "the example report's page changed its structure; if that is wanted, run "
        "FAZHI_UPDATE_DOCS=1 scripts/update_docs.sh and commit docs/report-example.*")
    with open(SCREENSHOT, "rb") as f:
        png = f.read()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert width >= 800 and height >= 1000, (width, height)


def test_example_prints_with_its_headline_figures(example_page, tmp_path):
    """Printed to PDF, the page count and the text as poppler reads them back:
    the headline figures are in the PDF as Chinese text, not as pictures."""
    if not shutil.which("pdftotext") or not shutil.which("pdfinfo"):
        pytest.skip("needs poppler-utils (scripts/setup.sh installs it)")
    from selenium.webdriver.common.print_page_options import PrintOptions
    options = PrintOptions()
    options.page_width, options.page_height = 21.0, 29.7
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(base64.b64decode(example_page.print_page(options)))
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    assert re.search(r"^Page size:.*\(A4\)", info, re.M), info
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = re.sub(r"\s+", "", text)
    for figure in ("白云区法治工作报告", "胜诉率为94.02%", "1512.8万元", "收到行政复议申请439件",
                   "四、数据质量"):
        assert figure in flat, figure
    # The narrative, the charts, the tables and the data quality each start
    # a page; the example's tables run to several.
    assert 5 <= pages <= 20, pages
