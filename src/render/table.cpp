// The report for people: a title, the narrative, one table per family of
// metrics (label first, value, year-ago value, change, then the metric id),
// notes for the 口径 and for figures that could not be computed, the
// breakdowns (one table each, with its 合计) and the series, and the data
// counts; and the comparison of many regions (regions as rows, chosen metrics
// as columns, each with its rank among its siblings). As plain text with
// aligned columns, or as Markdown (headings, blank lines, pipe tables).
// Headers and notes come through gettext (fazhi/messages.hpp); the
// figures' texts are the Report's, unchanged. Every cell from the data is
// display_text (Markdown's also escapes '|').
#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/substitute.h"
#include "fazhi/breakdown.hpp"
#include "fazhi/report.hpp"
#include "fazhi/text.hpp"
#include "platform/messages.hpp"

namespace fazhi {
namespace {

// display_width is how many terminal columns `s` takes: East Asian wide and
// full-width characters (Unicode's EastAsianWidth W and F: CJK, kana,
// Hangul, full-width forms) take two, everything else one. `s` is valid
// UTF-8 (display_text's output).
size_t display_width(std::string_view s) {
  size_t width = 0;
  for (size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const size_t len = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
    uint32_t c = len == 1 ? b : b & (0x7F >> len);
    for (size_t k = 1; k < len && i + k < s.size(); ++k) c = c << 6 | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    const bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
                      (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
                      (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
                      (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
                      (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
                      (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
    width += wide ? 2 : 1;
    i += len;
  }
  return width;
}

enum class Align { kLeft, kRight };

// Table is a header row and body rows of raw cells (escaped when written).
struct Table {
  std::vector<std::string> header;
  std::vector<Align> align;
  std::vector<std::vector<std::string>> rows;
};

void write_table(std::string& out, const Table& t, TableFormat format) {
  const size_t n = t.header.size();
  if (format == TableFormat::kMarkdown) {
    auto row = [&](const std::vector<std::string>& cells) {
      for (size_t k = 0; k < n; ++k) absl::StrAppend(&out, k == 0 ? "| " : " | ", markdown_cell(cells[k]));
      absl::StrAppend(&out, " |\n");
    };
    row(t.header);
    for (size_t k = 0; k < n; ++k) {
      absl::StrAppend(&out, k == 0 ? "|" : "", t.align[k] == Align::kRight ? " ---: |" : " :--- |");
    }
    absl::StrAppend(&out, "\n");
    for (const auto& r : t.rows) row(r);
    return;
  }
  std::vector<std::vector<std::string>> shown;
  shown.reserve(t.rows.size() + 1);
  std::vector<size_t> width(n, 0);
  auto add = [&](const std::vector<std::string>& cells) {
    std::vector<std::string> s;
    for (size_t k = 0; k < n; ++k) {
      s.push_back(display_text(cells[k]));
      width[k] = std::max(width[k], display_width(s.back()));
    }
    shown.push_back(std::move(s));
  };
  add(t.header);
  for (const auto& r : t.rows) add(r);
  for (const auto& cells : shown) {
    std::string line;
    for (size_t k = 0; k < n; ++k) {
      const std::string pad(width[k] - display_width(cells[k]), ' ');
      if (k > 0) line += "  ";
      line += t.align[k] == Align::kRight ? pad + cells[k] : cells[k] + pad;
    }
    line.erase(line.find_last_not_of(' ') + 1);
    absl::StrAppend(&out, line, "\n");
  }
}

void heading(std::string& out, int level, std::string_view text, TableFormat format) {
  if (format == TableFormat::kMarkdown) {
    absl::StrAppend(&out, std::string(static_cast<size_t>(level), '#'), " ", display_text(text), "\n\n");
  } else {
    absl::StrAppend(&out, display_text(text), "\n");
  }
}

std::string_view family_label(Family f) {
  switch (f) {
    case Family::kReconsideration: return _("Administrative reconsideration");
    case Family::kLitigation: return _("Administrative litigation");
    case Family::kLegalAid: return _("Legal aid");
    case Family::kMediation: return _("People's mediation");
    case Family::kRegistry: return _("Legal service bodies and staff");
    case Family::kActivity: return _("Other work");
  }
  return "";
}

std::string_view basis_label(std::string_view basis) {
  if (basis == "concluded") return _("all cases concluded in the period");
  if (basis == "concluded_by_decision") {
    return _("cases concluded in the period, less the mediated, settled, withdrawn and terminated");
  }
  if (basis == "accepted") return _("cases accepted in the period");
  return basis;
}

std::string period_text(Period p) {
  return absl::Substitute(_("$0 to $1"), format_iso_day(p.from), format_iso_day(p.to));
}

// A note under a family's table, in the family's order.
struct Note {
  std::string label;
  std::string text;
};

void write_family(std::string& out, const Report& report, size_t first, size_t end, TableFormat format) {
  const bool sequential = report.sequential_period.has_value();
  Table t;
  t.header = {_("Metric"), _("Value"), _("Year ago"), _("Change on a year ago")};
  t.align = {Align::kLeft, Align::kRight, Align::kRight, Align::kRight};
  if (sequential) {
    t.header.insert(t.header.end(), {_("Period before"), _("Change on the period before")});
    t.align.insert(t.align.end(), {Align::kRight, Align::kRight});
  }
  t.header.push_back(_("Metric id"));
  t.align.push_back(Align::kLeft);
  std::vector<Note> notes;
  std::vector<std::string> basis_labels;
  std::string basis;
  for (size_t i = first; i < end; ++i) {
    const MetricFigure& m = report.metrics[i];
    // A rate or share changes in percentage points (REPORT.md, 个百分点), a
    // count or amount relatively: the column shows each in its own unit.
    const bool points = m.info->kind == ValueKind::kRatio;
    std::vector<std::string> row = {std::string(m.info->label), m.value.defined() ? m.text : "—",
                                    m.previous_text, points ? m.yoy_pp_text : m.yoy_text};
    if (sequential) {
      row.push_back(m.sequential.previous_text);
      row.push_back(points ? m.sequential.change_pp_text : m.sequential.change_text);
    }
    row.emplace_back(m.info->id);
    t.rows.push_back(std::move(row));
    if (!m.value.defined()) {
      // The reason as the catalogue has it (msgid "" is the catalogue's header).
      notes.push_back({std::string(m.info->label),
                       m.value.reason.empty() ? _("no value") : _(m.value.reason.c_str())});
    }
    if (!m.basis.empty()) {
      basis_labels.emplace_back(m.info->label);
      basis = m.basis;
    }
  }
  heading(out, 2, family_label(report.metrics[first].info->family), format);
  write_table(out, t, format);
  if (!basis_labels.empty()) {
    notes.insert(notes.begin(), Note{absl::StrJoin(basis_labels, _(", ")),
                                     absl::Substitute(_("the 口径 (denominator) is $0"), absl_view(basis_label(basis)))});
  }
  if (!notes.empty()) {
    if (format == TableFormat::kMarkdown) absl::StrAppend(&out, "\n");
    for (const Note& n : notes) {
      const std::string line = absl::Substitute(_("Note: $0: $1."), n.label, n.text);
      absl::StrAppend(&out, format == TableFormat::kMarkdown ? "- " : "", display_text(line), "\n");
    }
  }
  absl::StrAppend(&out, "\n");
}

// write_breakdown writes one of the report's breakdowns: rank, the
// dimension's value, the figure and its share, the year-ago figure and the
// change, then the 合计 row (the scalar figure).
void write_breakdown(std::string& out, const Breakdown& b, TableFormat format) {
  const bool count = b.metric->kind == ValueKind::kCount;
  Table t;
  t.header = {_("Rank"), std::string(b.dimension.label), _("Value")};
  t.align = {Align::kRight, Align::kLeft, Align::kRight};
  if (count) {
    t.header.push_back(_("Share"));
    t.align.push_back(Align::kRight);
  }
  t.header.insert(t.header.end(), {_("Year ago"), _("Change on a year ago")});
  t.align.insert(t.align.end(), {Align::kRight, Align::kRight});
  auto add = [&](const BreakdownRow& r, std::string rank, std::string label) {
    std::vector<std::string> row = {std::move(rank), std::move(label), breakdown_value_text(b, r.value)};
    if (count) row.push_back(r.share.defined() ? format_percent(r.share, b.decimals, b.rounding) : "");
    row.push_back(breakdown_value_text(b, r.previous));
    row.push_back(breakdown_change_text(r));
    t.rows.push_back(std::move(row));
  };
  for (const BreakdownRow& r : b.rows) add(r, r.rank > 0 ? absl::StrCat(r.rank) : "", r.label);
  BreakdownRow total = total_row(b);
  if (!b.additive) total.share = Fraction::undefined();
  add(total, "", _("Total"));
  heading(out, 3, absl::Substitute(_("$0 ($1)"), absl_view(b.metric->label), absl_view(b.dimension.label)), format);
  write_table(out, t, format);
  absl::StrAppend(&out, "\n");
}

// write_series writes one of the report's series: each month (quarter), the
// figure and the same month a year earlier.
void write_series(std::string& out, const Series& s, TableFormat format) {
  const bool quarters = s.by == "quarter";
  Table t;
  t.header = {quarters ? _("Quarter") : _("Month"), _("Value"), _("Year ago")};
  t.align = {Align::kLeft, Align::kRight, Align::kRight};
  Breakdown cut;  // the texts of a value alone, cut as a breakdown's by default
  cut.metric = s.metric;
  for (const SeriesPoint& p : s.points) {
    t.rows.push_back({p.period, breakdown_value_text(cut, p.value), breakdown_value_text(cut, p.previous)});
  }
  heading(out, 3,
          absl::Substitute(_("$0 ($1)"), absl_view(s.metric->label), quarters ? _("by quarter") : _("by month")), format);
  write_table(out, t, format);
  absl::StrAppend(&out, "\n");
}

}  // namespace

std::string render_table(const Report& report, TableFormat format) {
  std::string out;
  for (size_t first = 0; first < report.metrics.size();) {
    size_t end = first + 1;
    while (end < report.metrics.size() && report.metrics[end].info->family == report.metrics[first].info->family) ++end;
    write_family(out, report, first, end, format);
    first = end;
  }
  if (!report.breakdowns.empty()) {
    heading(out, 2, _("Breakdowns"), format);
    if (format == TableFormat::kText) absl::StrAppend(&out, "\n");
    for (const Breakdown& b : report.breakdowns) write_breakdown(out, b, format);
  }
  if (!report.series.empty()) {
    heading(out, 2, _("Series"), format);
    if (format == TableFormat::kText) absl::StrAppend(&out, "\n");
    for (const Series& s : report.series) write_series(out, s, format);
  }
  return out;
}

std::string render_narrative(const Report& report) {
  std::string out;
  for (const std::string& p : report.narrative) absl::StrAppend(&out, display_text(p), "\n\n");
  return out;
}

std::string render_report(const Report& report, TableFormat format) {
  std::string out;
  const std::string title =
      absl::Substitute(_("$0 ($1), $2"), report.region_name, report.region.str(), period_text(report.period));
  heading(out, 1, title, format);
  if (format == TableFormat::kText) absl::StrAppend(&out, "\n");
  absl::StrAppend(&out, render_narrative(report), render_table(report, format));
  heading(out, 2, _("Data"), format);
  absl::StrAppend(&out, absl::Substitute(_("Rows read: $0; rejected: $1."), report.data_quality.rows_read,
                                         report.data_quality.rows_rejected),
                  "\n");
  return out;
}

std::string render_comparison(const std::vector<Report>& reports, const std::vector<std::string>& metric_ids,
                              TableFormat format) {
  std::string out;
  if (reports.empty()) return out;
  // The columns: the metrics of the catalogue among `metric_ids`, in the
  // order asked.
  std::vector<std::string_view> ids, labels;
  for (const std::string& id : metric_ids) {
    if (std::optional<size_t> k = metric_index(id)) {
      ids.push_back(metric_catalogue()[*k].id);
      labels.push_back(metric_catalogue()[*k].label);
    }
  }
  heading(out, 1, absl::Substitute(_("Every region compared, $0"), period_text(reports.front().period)), format);
  if (format == TableFormat::kText) absl::StrAppend(&out, "\n");

  // Siblings: the regions of one parent (a city's districts, a province's
  // cities; the provinces have none), each group ranked on its own.
  std::map<uint32_t, std::vector<const Report*>> groups;  // parent code (0: none) -> regions
  std::map<uint32_t, const Report*> by_code;
  for (const Report& r : reports) {
    by_code[r.region.value()] = &r;
    const std::optional<RegionCode> parent = r.region.parent();
    groups[parent ? parent->value() : 0].push_back(&r);
  }
  // Groups by the parent's code: the provinces first (no parent), then each
  // province's cities followed by each city's districts.
  for (auto& [parent, members] : groups) {
    std::sort(members.begin(), members.end(),
              [](const Report* a, const Report* b) { return a->region < b->region; });
    auto parent_report = by_code.find(parent);
    if (parent == 0) {
      heading(out, 2, _("Provinces"), format);
    } else {
      const std::string name = parent_report != by_code.end() ? parent_report->second->region_name
                                                               : RegionCode::from_value(parent).str();
      heading(out, 2,
              absl::Substitute(_("Within $0 ($1)"), name, RegionCode::from_value(parent).str()), format);
    }
    Table t;
    t.header = {_("Region"), _("Code")};
    t.align = {Align::kLeft, Align::kLeft};
    for (const std::string_view label : labels) {
      t.header.emplace_back(label);
      t.header.push_back(_("Rank"));
      t.align.insert(t.align.end(), {Align::kRight, Align::kRight});
    }
    for (const Report* r : members) t.rows.push_back({r->region_name, r->region.str()});
    for (const std::string_view id : ids) {
      // Rank by exact value, largest first; ties share the better rank; an
      // undefined value has none.
      std::vector<const MetricFigure*> figures;
      for (const Report* r : members) {
        const MetricFigure* m = r->find(id);
        figures.push_back(m != nullptr && m->value.defined() ? m : nullptr);
      }
      for (size_t i = 0; i < members.size(); ++i) {
        std::string rank;
        if (figures[i] != nullptr) {
          const Fraction value = figures[i]->value.exact();
          int64_t better = 0;
          for (const MetricFigure* o : figures) {
            if (o != nullptr && value < o->value.exact()) ++better;
          }
          rank = absl::StrCat(better + 1);
        }
        t.rows[i].push_back(figures[i] != nullptr ? figures[i]->text : "—");
        t.rows[i].push_back(rank);
      }
    }
    if (parent_report != by_code.end()) {
      const Report& p = *parent_report->second;
      std::vector<std::string> total = {absl::Substitute(_("$0 (total)"), p.region_name), p.region.str()};
      for (const std::string_view id : ids) {
        const MetricFigure* m = p.find(id);
        total.push_back(m != nullptr && m->value.defined() ? m->text : "—");
        total.emplace_back();
      }
      t.rows.push_back(std::move(total));
    }
    write_table(out, t, format);
    absl::StrAppend(&out, "\n");
  }
  return out;
}

}  // namespace fazhi
