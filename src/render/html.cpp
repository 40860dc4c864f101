// The printable report as one self-contained HTML file (fazhi/documents.hpp).
//
// Bureau reports are read on paper and on offline intranets, so the page
// carries everything it needs: the styles in a <style> element, the charts as
// inline SVG drawn here, no script, no font or image from elsewhere (its
// Content-Security-Policy allows nothing but its own inline styles, so even a
// slip in escaping could not run a script or fetch a byte). Print CSS lays it
// out on A4 with each part on its own page.
//
// The charts are drawn by this file rather than by a charting library: they
// are horizontal bars (a figure this year against last year, a region among
// its siblings, the shares of a breakdown) and lines (intake by month, this
// year against last), a few dozen lines of SVG, and a library would bring script
// the page must not run. Bar lengths are doubles (geometry, never published);
// every number written beside a bar is the report's own text, and the order
// of a ranking compares exact values.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "fazhi/breakdown.hpp"
#include "fazhi/documents.hpp"
#include "fazhi/text.hpp"
#include "render/document.hpp"

namespace fazhi {
namespace {

using internal::cell_number;

constexpr std::string_view kStyle = R"css(
@page { size: A4; margin: 16mm 15mm 18mm; }
html { color: #1a1a1a; background: #fff; }
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, serif;
       font-size: 11pt; line-height: 1.75; max-width: 180mm; margin: 0 auto; padding: 10mm 8mm; }
h1, h2, h3, figcaption, th { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
       "Microsoft YaHei", sans-serif; }
h1 { font-size: 20pt; text-align: center; margin: 0 0 2mm; }
h2 { font-size: 14pt; border-bottom: 1.5px solid #2f5597; padding-bottom: 1mm; margin: 0 0 4mm; }
h3 { font-size: 12pt; margin: 5mm 0 2mm; }
p.period { text-align: center; color: #444; margin: 0 0 8mm; }
p.narrative { text-indent: 2em; margin: 0 0 3mm; text-align: justify; }
figure { margin: 0 0 7mm; break-inside: avoid; }
figcaption { font-weight: bold; font-size: 10.5pt; margin-bottom: 1mm; }
svg.chart { display: block; width: 100%; height: auto; }
svg.chart text { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif;
                 font-size: 12px; fill: #1a1a1a; }
svg.chart .bar.current { fill: #2f5597; }
svg.chart .bar.previous { fill: #a9c1e8; }
svg.chart .bar.highlight { fill: #c0392b; }
svg.chart .axis { stroke: #888; stroke-width: 1; }
svg.chart .line { fill: none; stroke-width: 2; }
svg.chart .line.current { stroke: #2f5597; }
svg.chart .line.previous { stroke: #a9c1e8; stroke-dasharray: 5 3; }
svg.chart circle.current { fill: #2f5597; }
svg.chart circle.previous { fill: #a9c1e8; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; line-height: 1.45; margin: 0 0 4mm; }
th, td { border: 0.6pt solid #999; padding: 1mm 1.8mm; vertical-align: top; }
th { background: #dde8f6; font-weight: bold; }
td.num { text-align: right; white-space: nowrap; }
table.metrics td:first-child { width: 30%; }
table.metrics td:last-child { width: 26%; font-size: 8.5pt; }
td.missing, span.missing { color: #777; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
ul.notices { font-size: 9.5pt; }
footer { margin-top: 8mm; font-size: 9pt; color: #666; text-align: center; }
@media screen { section.page { border-top: 1px solid #ccc; margin-top: 10mm; padding-top: 6mm; } }
@media print {
  body { max-width: none; padding: 0; }
  section.page { break-before: page; }
  th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)css";

// Geometry of a bar chart, in SVG user units (the SVG scales to the page).
constexpr int kChartWidth = 680, kLabelWidth = 170, kBarLeft = 180, kBarSpace = 360;
constexpr int kBarHeight = 16, kRowGap = 10, kTop = 8;

// Bar is one row of a chart: a label and one or two values (this period and
// the one compared with), each drawn as long as its number and labelled
// with its published text.
struct Bar {
  std::string label;
  std::string metric;  // the metric id (data-metric), "" for none
  double value = 0;
  std::string text;
  std::string exact;   // the exact value as the JSON writes it (data-value)
  std::optional<double> previous;
  std::string previous_text, previous_exact;
  bool highlight = false;
};

std::string number_attr(double v) { return absl::StrFormat("%.1f", v); }

// bar_chart draws `bars` as horizontal bars against one scale (`max` when
// given, else the largest value), with a legend when bars carry a previous
// value.
std::string bar_chart(std::string_view id, const std::vector<Bar>& bars, std::string_view current_name,
                      std::string_view previous_name, std::optional<double> max = std::nullopt) {
  const bool pairs = std::any_of(bars.begin(), bars.end(), [](const Bar& b) { return b.previous.has_value(); });
  double top = max.value_or(0);
  if (!max) {
    for (const Bar& b : bars) top = std::max({top, b.value, b.previous.value_or(0)});
  }
  if (top <= 0) top = 1;
  const int row = pairs ? 2 * kBarHeight + 2 + kRowGap : kBarHeight + kRowGap;
  const int legend = pairs ? 24 : 0;
  const int height = kTop + legend + row * static_cast<int>(bars.size()) + 4;
  std::string svg = absl::StrCat("<svg class=\"chart\" id=\"", html_text(id), "\" xmlns=\"http://www.w3.org/2000/svg\" ",
                                 "viewBox=\"0 0 ", kChartWidth, " ", height, "\" role=\"img\">\n");
  if (pairs) {
    // The second key starts after the first one's text (12px a Chinese
    // character, about 7 a digit).
    const int second = kBarLeft + 18 + 7 * static_cast<int>(internal::display_width(current_name)) + 24;
    absl::StrAppend(&svg, "<rect class=\"bar current\" x=\"", kBarLeft, "\" y=\"", kTop, "\" width=\"12\" height=\"12\"/>",
                    "<text x=\"", kBarLeft + 18, "\" y=\"", kTop + 11, "\">", html_text(current_name), "</text>",
                    "<rect class=\"bar previous\" x=\"", second, "\" y=\"", kTop,
                    "\" width=\"12\" height=\"12\"/>", "<text x=\"", second + 18, "\" y=\"", kTop + 11, "\">",
                    html_text(previous_name), "</text>\n");
  }
  auto length = [&](double v) { return std::max(0.0, v / top * kBarSpace); };
  int y = kTop + legend;
  for (const Bar& b : bars) {
    const int label_y = y + (pairs ? kBarHeight + 1 : kBarHeight / 2) + 4;
    absl::StrAppend(&svg, "<g class=\"row\" data-metric=\"", html_text(b.metric), "\" data-label=\"",
                    html_text(b.label), "\">", "<text class=\"label\" x=\"", kLabelWidth, "\" y=\"", label_y,
                    "\" text-anchor=\"end\"", b.highlight ? " font-weight=\"bold\"" : "", ">", html_text(b.label),
                    "</text>");
    auto draw = [&](const char* cls, double v, const std::string& text, const std::string& exact, int at) {
      const double w = length(v);
      absl::StrAppend(&svg, "<rect class=\"bar ", cls, "\" x=\"", kBarLeft, "\" y=\"", at, "\" width=\"",
                      number_attr(w), "\" height=\"", kBarHeight, "\" data-value=\"", html_text(exact), "\"><title>",
                      html_text(b.label), " ", html_text(text), "</title></rect>", "<text class=\"value ", cls,
                      "\" x=\"", number_attr(kBarLeft + w + 4), "\" y=\"", at + kBarHeight - 4, "\">",
                      html_text(text), "</text>");
    };
    draw(b.highlight ? "current highlight" : "current", b.value, b.text, b.exact, y);
    if (b.previous) draw("previous", *b.previous, b.previous_text, b.previous_exact, y + kBarHeight + 2);
    absl::StrAppend(&svg, "</g>\n");
    y += row;
  }
  absl::StrAppend(&svg, "<line class=\"axis\" x1=\"", kBarLeft, "\" y1=\"", kTop + legend - 2, "\" x2=\"", kBarLeft,
                  "\" y2=\"", y - kRowGap + 2, "\"/>\n</svg>\n");
  return svg;
}

// exact_text is the value as the report's JSON writes it: a count or rank as
// its integer, anything else as its decimal string.
std::string exact_text(const Value& v, const std::string& decimal) {
  return v.kind == ValueKind::kCount || v.kind == ValueKind::kRank ? absl::StrCat(v.integer) : decimal;
}

// year_bar is one metric this period against the year-ago one; none when
// the metric has no value this period.
std::optional<Bar> year_bar(const Report& r, std::string_view id) {
  const MetricFigure* m = r.find(id);
  if (m == nullptr || !m->value.defined()) return std::nullopt;
  Bar b;
  b.label = std::string(m->info->label);
  b.metric = std::string(id);
  b.value = cell_number(m->value);
  b.text = m->text;
  b.exact = exact_text(m->value, m->decimal);
  if (m->has_previous) {
    b.previous = cell_number(m->previous);
    b.previous_text = m->previous_text;
    b.previous_exact = exact_text(m->previous, m->previous_decimal);
  }
  return b;
}

std::string figure(std::string_view caption, std::string svg) {
  return absl::StrCat("<figure>\n<figcaption>", html_text(caption), "</figcaption>\n", svg, "</figure>\n");
}

// The case families' headline counts, each family its own chart (their sizes
// differ a hundredfold: mediation's thousands would flatten litigation's bars).
struct FamilyChart {
  std::string_view id, caption;
  std::vector<std::string_view> metrics;
};
const std::vector<FamilyChart>& family_charts() {
  static const std::vector<FamilyChart> charts = {
      {"chart-reconsideration", "行政复议案件",
       {"reconsideration.received", "reconsideration.accepted", "reconsideration.closed",
        "reconsideration.pending_end"}},
      {"chart-litigation", "行政应诉案件",
       {"litigation.received", "litigation.received_first_instance", "litigation.judged_first_instance"}},
      {"chart-legal-aid", "法律援助案件",
       {"legal_aid.accepted", "legal_aid.closed", "legal_aid.lottery_assignments"}},
      {"chart-mediation", "人民调解纠纷", {"mediation.received", "mediation.major_group"}},
  };
  return charts;
}

// The rates most reports print, on one 0-100% scale.
constexpr std::string_view kRateMetrics[] = {
    "reconsideration.correction_rate", "reconsideration.not_litigated_rate", "reconsideration.on_time_rate",
    "litigation.win_rate",             "litigation.loss_rate",               "litigation.head_appearance_rate",
    "litigation.defence_on_time_rate", "legal_aid.review_on_time_rate",      "mediation.success_rate",
};

// The intake of each family, this period: how the work divides.
constexpr std::string_view kIntakeMetrics[] = {"reconsideration.received", "litigation.received",
                                               "legal_aid.accepted", "mediation.received"};

// The figures a region is ranked on among its siblings.
constexpr std::string_view kSiblingMetrics[] = {"reconsideration.received", "litigation.received",
                                                "litigation.win_rate", "legal_aid.accepted", "mediation.received"};

// kMaxSiblingBars: a province's cities or a city's districts fit; beyond
// that the chart keeps the leaders and the region itself.
constexpr size_t kMaxSiblingBars = 30;

std::string year_charts(const Report& r) {
  std::string out;
  // A whole year is named by its number; any other period is 本期 / 上年同期
  // (the page's heading gives its dates).
  const bool year = is_whole_years(r.period) && r.period.days() <= 366;
  const std::string current = year ? absl::StrCat(format_iso_day(r.period.from).substr(0, 4), " 年") : "本期";
  const std::string previous = year ? absl::StrCat(format_iso_day(r.previous.from).substr(0, 4), " 年") : "上年同期";
  std::vector<Bar> intake;
  for (std::string_view id : kIntakeMetrics) {
    if (std::optional<Bar> b = year_bar(r, id)) {
      b->label = absl::StrCat(absl_view(internal::family_label(r.find(id)->info->family)), " · ", b->label);
      b->previous.reset();
      intake.push_back(*std::move(b));
    }
  }
  if (!intake.empty()) out += figure("各类案件受理量", bar_chart("chart-intake", intake, current, previous));
  for (const FamilyChart& c : family_charts()) {
    std::vector<Bar> bars;
    for (std::string_view id : c.metrics) {
      if (std::optional<Bar> b = year_bar(r, id)) bars.push_back(*std::move(b));
    }
    if (!bars.empty()) out += figure(absl::StrCat(absl_view(c.caption), "：本期与上年同期"), bar_chart(c.id, bars, current, previous));
  }
  std::vector<Bar> rates;
  for (std::string_view id : kRateMetrics) {
    if (std::optional<Bar> b = year_bar(r, id)) rates.push_back(*std::move(b));
  }
  if (!rates.empty()) {
    out += figure("主要比率：本期与上年同期", bar_chart("chart-rates", rates, current, previous, 1.0));
  }
  return out;
}

std::string sibling_charts(const Report& r, std::span<const Report> regions) {
  const std::vector<const Report*> peers = internal::siblings(r, regions);
  if (peers.size() < 2) return "";
  std::string parent_name;
  for (const Report& p : regions) {
    if (p.region == r.region.parent()) parent_name = p.region_name;
  }
  std::string out;
  for (std::string_view id : kSiblingMetrics) {
    struct Entry {
      const Report* report;
      const MetricFigure* m;
    };
    std::vector<Entry> entries;
    for (const Report* p : peers) {
      const MetricFigure* m = p->find(id);
      if (m != nullptr && m->value.defined()) entries.push_back({p, m});
    }
    const auto self = std::find_if(entries.begin(), entries.end(), [&](const Entry& e) { return e.report == &r; });
    if (entries.size() < 2 || self == entries.end()) continue;
    // Largest first by the exact value; ties by region code.
    std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
      const Fraction x = a.m->value.exact(), y = b.m->value.exact();
      if (y < x) return true;
      if (x < y) return false;
      return a.report->region < b.report->region;
    });
    std::vector<Bar> bars;
    size_t rank = 0;
    for (size_t i = 0; i < entries.size(); ++i) {
      const Entry& e = entries[i];
      // Ties share the better rank (REPORT.md, as the *_rank metrics do).
      if (i == 0 || entries[i - 1].m->value.exact() != e.m->value.exact()) rank = i + 1;
      const bool is_self = e.report == &r;
      if (i >= kMaxSiblingBars && !is_self) continue;
      Bar& b = bars.emplace_back();
      b.label = absl::StrCat(rank, ". ", e.report->region_name);
      b.metric = std::string(id);
      b.value = cell_number(e.m->value);
      b.text = e.m->text;
      b.exact = exact_text(e.m->value, e.m->decimal);
      b.highlight = is_self;
    }
    const MetricFigure* mine = r.find(id);
    const std::optional<double> scale =
        mine->info->kind == ValueKind::kRatio ? std::optional<double>(1.0) : std::nullopt;
    out += figure(absl::StrCat(absl_view(mine->info->label), "：", r.region_name, "在",
                               parent_name.empty() ? r.region.parent()->str() : parent_name, "各地区中"),
                  bar_chart(absl::StrCat("chart-siblings-", absl_view(id)), bars, "", "", scale));
  }
  return out;
}

// line_chart draws a series: this period's points joined by a line, the same
// months a year earlier by a dashed one, each point with its value as a
// title; the months along the bottom. An undefined point breaks no line: it
// is left out.
std::string line_chart(std::string_view id, const Series& series) {
  constexpr int kLeft = 50, kRight = 20, kHeight = 200, kPlot = 150, kTopY = 24;
  const size_t n = series.points.size();
  double top = 0;
  for (const SeriesPoint& p : series.points) {
    if (p.value.defined()) top = std::max(top, cell_number(p.value));
    if (p.previous.defined()) top = std::max(top, cell_number(p.previous));
  }
  if (top <= 0) top = 1;
  const double step = n > 1 ? static_cast<double>(kChartWidth - kLeft - kRight) / static_cast<double>(n - 1) : 0;
  auto x = [&](size_t k) { return kLeft + step * static_cast<double>(k); };
  auto y = [&](double v) { return kTopY + kPlot - v / top * kPlot; };
  Breakdown cut;  // the points' texts, as the tables write them
  cut.metric = series.metric;
  std::string svg = absl::StrCat("<svg class=\"chart\" id=\"", html_text(id),
                                 "\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ", kChartWidth, " ", kHeight,
                                 "\" role=\"img\">\n");
  // The legend, the scale's top and the axes.
  absl::StrAppend(&svg, "<rect class=\"bar current\" x=\"", kLeft, "\" y=\"2\" width=\"12\" height=\"12\"/>",
                  "<text x=\"", kLeft + 18, "\" y=\"13\">本期</text>", "<rect class=\"bar previous\" x=\"",
                  kLeft + 70, "\" y=\"2\" width=\"12\" height=\"12\"/>", "<text x=\"", kLeft + 88,
                  "\" y=\"13\">上年同期</text>\n", "<text x=\"", kLeft - 6, "\" y=\"", kTopY + 4,
                  "\" text-anchor=\"end\">", html_text(breakdown_value_text(cut, Value::count(static_cast<int64_t>(top)))),
                  "</text>", "<line class=\"axis\" x1=\"", kLeft, "\" y1=\"", kTopY, "\" x2=\"", kLeft, "\" y2=\"",
                  kTopY + kPlot, "\"/>", "<line class=\"axis\" x1=\"", kLeft, "\" y1=\"", kTopY + kPlot, "\" x2=\"",
                  kChartWidth - kRight, "\" y2=\"", kTopY + kPlot, "\"/>\n");
  auto line = [&](const char* cls, bool previous) {
    std::string points;
    std::string dots;
    for (size_t k = 0; k < n; ++k) {
      const SeriesPoint& p = series.points[k];
      const Value& v = previous ? p.previous : p.value;
      if (!v.defined()) continue;
      const std::string at = absl::StrCat(number_attr(x(k)), ",", number_attr(y(cell_number(v))));
      absl::StrAppend(&points, points.empty() ? "" : " ", at);
      absl::StrAppend(&dots, "<circle class=\"", cls, "\" cx=\"", number_attr(x(k)), "\" cy=\"",
                      number_attr(y(cell_number(v))), "\" r=\"3\" data-period=\"", html_text(p.period),
                      "\" data-value=\"", v.kind == ValueKind::kCount ? absl::StrCat(v.integer) : "", "\"><title>",
                      html_text(p.period), " ", html_text(breakdown_value_text(cut, v)), "</title></circle>");
    }
    absl::StrAppend(&svg, "<polyline class=\"line ", cls, "\" points=\"", points, "\"/>", dots, "\n");
  };
  line("previous", true);
  line("current", false);
  for (size_t k = 0; k < n; ++k) {
    const std::string_view key = series.points[k].period;  // "2019-03" -> "3月", "2019-Q1" -> "Q1"
    std::string label = key.size() > 5 && key[5] == 'Q' ? std::string(key.substr(5))
                        : absl::StrCat(absl_view(key.size() > 6 && key[5] == '0' ? key.substr(6) : key.substr(5)), "月");
    absl::StrAppend(&svg, "<text x=\"", number_attr(x(k)), "\" y=\"", kTopY + kPlot + 18,
                    "\" text-anchor=\"middle\">", html_text(label), "</text>");
  }
  absl::StrAppend(&svg, "\n</svg>\n");
  return svg;
}

// table_charts draws the report's series (a line each) and the shares of its
// count breakdowns (a bar a row, against 100%); a breakdown that names no
// value (every row 未填) is not drawn.
std::string table_charts(const Report& r) {
  std::string out;
  size_t k = 0;
  for (const Series& s : r.series) {
    const bool quarters = s.by == "quarter";
    out += figure(absl::StrCat(absl_view(s.metric->label), quarters ? "（按季度）" : "（按月）"),
                  line_chart(absl::StrCat("chart-series-", k++), s));
  }
  k = 0;
  for (const Breakdown& b : r.breakdowns) {
    std::vector<Bar> bars;
    bool named = false;
    for (const BreakdownRow& row : b.rows) {
      if (!row.share.defined()) continue;
      named |= row.key.has_value();
      Bar bar;
      bar.label = row.label;
      bar.metric = std::string(b.metric->id);
      bar.value = internal::to_double(row.share);
      bar.text = format_percent(row.share, b.decimals, b.rounding);
      bar.exact = format_decimal(row.share, std::max(4, b.decimals + 2), b.rounding);
      bars.push_back(std::move(bar));
    }
    const std::string id = absl::StrCat("chart-breakdown-", k++);
    if (!named || bars.empty()) continue;
    out += figure(absl::StrCat(absl_view(b.metric->label), absl_view(b.dimension.label), "：占比"),
                  bar_chart(id, bars, "", "", 1.0));
  }
  return out;
}

// metric_tables writes one table per family: label, value, the year-ago value
// and change, the 环比 ones when the report has them, and a note (the 口径,
// or why a value is missing).
std::string metric_tables(const Report& r) {
  std::string out;
  const bool sequential = r.sequential_period.has_value();
  for (size_t i = 0; i < r.metrics.size();) {
    const Family family = r.metrics[i].info->family;
    absl::StrAppend(&out, "<h3>", html_text(internal::family_label(family)), "</h3>\n<table class=\"metrics\">\n",
                    "<thead><tr><th>指标</th><th>本期</th><th>上年同期</th><th>同比</th>",
                    sequential ? "<th>上期</th><th>环比</th>" : "", "<th>说明</th></tr></thead>\n<tbody>\n");
    for (; i < r.metrics.size() && r.metrics[i].info->family == family; ++i) {
      const MetricFigure& m = r.metrics[i];
      // A rate changes in percentage points, as the narrative says it.
      const std::string& change = m.yoy_pp_text.empty() ? m.yoy_text : m.yoy_pp_text;
      const std::string& seq_change =
          m.sequential.change_pp_text.empty() ? m.sequential.change_text : m.sequential.change_pp_text;
      std::string note = m.basis.empty() ? "" : absl::StrCat("口径：", m.basis);
      if (!m.value.defined()) note = std::string(m.value.reason.view());
      absl::StrAppend(&out, "<tr data-metric=\"", html_text(m.info->id), "\"><td>", html_text(m.info->label),
                      "</td>");
      if (m.value.defined()) {
        absl::StrAppend(&out, "<td class=\"num\">", html_text(m.text), "</td>");
      } else {
        absl::StrAppend(&out, "<td class=\"num missing\">—</td>");
      }
      absl::StrAppend(&out, "<td class=\"num\">", html_text(m.previous_text), "</td><td class=\"num\">",
                      html_text(change), "</td>");
      if (sequential) {
        absl::StrAppend(&out, "<td class=\"num\">", html_text(m.sequential.previous_text), "</td><td class=\"num\">",
                        html_text(seq_change), "</td>");
      }
      absl::StrAppend(&out, "<td", m.value.defined() ? "" : " class=\"missing\"", ">", html_text(note),
                      "</td></tr>\n");
    }
    absl::StrAppend(&out, "</tbody>\n</table>\n");
  }
  return out;
}

std::string quality_section(const Report& r) {
  const DataQuality& q = r.data_quality;
  std::string out = absl::StrCat(
      "<section class=\"page\" id=\"quality\">\n<h2>四、数据质量</h2>\n<table class=\"quality\">\n<tbody>\n",
      "<tr><th>读取行数</th><td class=\"num\">", q.rows_read, "</td></tr>\n", "<tr><th>采用行数</th><td class=\"num\">",
      q.rows_read - q.rows_rejected, "</td></tr>\n", "<tr><th>拒收行数</th><td class=\"num\">", q.rows_rejected,
      "</td></tr>\n</tbody>\n</table>\n");
  if (q.rows_rejected > 0) {
    absl::StrAppend(&out, "<p>被拒收的行不计入以上数字；逐行原因可用 <code>fazhi check</code> 查看。</p>\n");
  }
  if (!q.notices.empty()) {
    absl::StrAppend(&out, "<h3>数据说明</h3>\n<ul class=\"notices\">\n");
    for (const std::string& n : q.notices) absl::StrAppend(&out, "<li>", html_text(notice_line(n)), "</li>\n");
    absl::StrAppend(&out, "</ul>\n");
  }
  absl::StrAppend(&out, "</section>\n");
  return out;
}

}  // namespace

std::string render_html(const Report& r, std::span<const Report> regions) {
  const std::string title = absl::StrCat(r.region_name, "法治工作报告");
  std::string out = absl::StrCat(
      "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n",
      // Nothing but the inline styles: no script, no fetch, whatever the data says.
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n",
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n", "<title>", html_text(title), "（",
      html_text(internal::period_text(r.period)), "）</title>\n<style>", absl_view(kStyle), "</style>\n</head>\n<body>\n",
      "<header>\n<h1>", html_text(title), "</h1>\n<p class=\"period\">", html_text(r.region.str()), " · 统计期间 ",
      html_text(internal::period_text(r.period)), " · 同比期间 ", html_text(internal::period_text(r.previous)));
  if (r.sequential_period) {
    absl::StrAppend(&out, " · 环比期间 ", html_text(internal::period_text(*r.sequential_period)));
  }
  absl::StrAppend(&out, "</p>\n</header>\n<section id=\"narrative\">\n<h2>一、工作概况</h2>\n");
  for (const std::string& p : r.narrative) absl::StrAppend(&out, "<p class=\"narrative\">", html_text(p), "</p>\n");
  if (r.narrative.empty()) absl::StrAppend(&out, "<p class=\"narrative missing\">本期没有可以叙述的数字。</p>\n");
  absl::StrAppend(&out, "</section>\n<section class=\"page\" id=\"charts\">\n<h2>二、图表</h2>\n", year_charts(r),
                  sibling_charts(r, regions), table_charts(r), "</section>\n<section class=\"page\" id=\"tables\">\n<h2>三、指标明细</h2>\n",
                  metric_tables(r), "</section>\n", quality_section(r),
                  "<footer>本报告由 fazhi 根据业务数据生成；数字均按精确值计算，仅在显示时取舍。</footer>\n</body>\n</html>\n");
  return out;
}

}  // namespace fazhi
