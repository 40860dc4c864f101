// Workbook sheets that name records (render/xlsx_sheet.hpp): a case list or
// follow-up list, and the department table with its assessment and case
// ids. They hold case ids and the records' own columns, which are personal
// data (docs/cases.md): they are written only when asked for, and each list
// carries a note saying it is not for publication.
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "fazhi/date.hpp"
#include "fazhi/records.hpp"
#include "fazhi/text.hpp"
#include "load/kinds.hpp"
#include "render/document.hpp"
#include "render/xlsx_sheet.hpp"

namespace fazhi::internal::xlsx {
namespace {

constexpr std::string_view kPrivacyNote = "本表列出案件编号和案件信息，含个人信息，仅供本单位督办使用，不得公开。";

// columns_of is a record kind's columns (docs/data.md), in the order
// case_columns gives their values.
std::span<const ColumnDef> columns_of(RecordKind kind) {
  switch (kind) {
    case RecordKind::kReconsideration: return Reconsideration::kColumns;
    case RecordKind::kLitigation: return Litigation::kColumns;
    case RecordKind::kLegalAid: return LegalAid::kColumns;
    case RecordKind::kMediation: return Mediation::kColumns;
    default: return {};
  }
}

// kind_of_family is the record kind a case family's metrics count.
std::optional<RecordKind> kind_of_family(Family f) {
  switch (f) {
    case Family::kReconsideration: return RecordKind::kReconsideration;
    case Family::kLitigation: return RecordKind::kLitigation;
    case Family::kLegalAid: return RecordKind::kLegalAid;
    case Family::kMediation: return RecordKind::kMediation;
    default: return std::nullopt;
  }
}

// The two columns every entry names in front; the rest follow them.
bool repeated(std::string_view column) { return column == "case_id" || column == "region"; }

// column_header is a column's Chinese header (its first alias), else its name.
std::string_view column_header(const ColumnDef& c) { return c.aliases.empty() ? c.name : c.aliases.front(); }

// code_label is a code's Chinese label ("judgment_win" -> 判决胜诉), or the code.
std::string_view code_label(std::span<const CodeEntry> table, std::string_view code) {
  for (const CodeEntry& e : table) {
    if (e.code == code && !e.labels.empty()) return e.labels.front();
  }
  return code;
}

// write_cell writes one of a record's columns (case_columns' text) as its
// type reads: a date as a date, a count or money (yuan) as a number, a code
// as its label, a boolean as 是/否, text as text.
void write_cell(Sheet& s, lxw_row_t row, lxw_col_t col, const ColumnDef& c, const std::string& text) {
  if (text.empty()) return;
  switch (c.type) {
    case ColumnType::kDate: s.date(row, col, text); return;
    case ColumnType::kCount: {
      double n = 0;
      if (absl::SimpleAtod(text, &n)) {
        s.number(row, col, n, "0", text.size());
        return;
      }
      break;
    }
    case ColumnType::kMoney: {
      double n = 0;
      if (absl::SimpleAtod(text, &n)) {
        s.number(row, col, n, "#,##0.00", text.size() + 3);
        return;
      }
      break;
    }
    case ColumnType::kCode:
      if (c.codes != nullptr) {
        s.text(row, col, code_label(c.codes(), text));
        return;
      }
      break;
    case ColumnType::kBool: s.text(row, col, text == "true" ? "是" : text == "false" ? "否" : text); return;
    default: break;
  }
  s.text(row, col, text);
}

std::string region_text(const Dataset& ds, RegionCode code) {
  const std::optional<std::string_view> name = ds.region_name(code);
  return name ? absl::StrCat(absl_view(*name), "（", code.str(), "）") : code.str();
}

// list_label is what a list names: the follow-up list's label, or the
// figure's label with its part.
std::string list_label(const CaseList& list) {
  for (const FollowUp& f : follow_ups()) {
    if (f.name == list.follow_up) return std::string(f.label);
  }
  const std::string_view label = list.metric != nullptr ? list.metric->label : std::string_view();
  switch (list.part) {
    case CasePart::kNumerator: return absl::StrCat(absl_view(label), "（分子）");
    case CasePart::kDenominator: return absl::StrCat(absl_view(label), "（分母）");
    case CasePart::kCount: break;
  }
  return std::string(label);
}

// case_id is the id of a record of a department's figure.
std::string_view case_id(const Dataset& ds, RecordKind kind, size_t row) {
  if (kind == RecordKind::kReconsideration && row < ds.reconsideration().size()) {
    return ds.text(id_at(ds.reconsideration().case_id, row));
  }
  if (kind == RecordKind::kLitigation && row < ds.litigation().size()) {
    return ds.text(id_at(ds.litigation().case_id, row));
  }
  return {};
}

// is_rate: a figure with a numerator and a denominator (a rate, even one
// that is undefined for this department).
bool is_rate(const DepartmentFigure& f) { return f.value.kind == ValueKind::kRatio || !f.denominator_rows.empty(); }

std::string department_name(const Department& d) { return d.name.empty() ? "（未填）" : d.name; }

// level_label is a department's level as its Chinese label (县级政府部门).
std::string_view level_label(const std::string& code) { return code_label(code_table<AgencyLevel>(), code); }

// add_department_table writes 部门统计: a row per department, its rank,
// level and score, then each figure: a count as its number and rank, a rate
// as its number, its published text and its rank.
lxw_error add_department_table(Workbook& book, const DepartmentTable& t, const Dataset& ds) {
  Sheet s(book, book.add_sheet("部门统计"));
  std::string title = absl::StrCat(region_text(ds, t.region), "各部门行政复议与行政应诉情况（",
                                   period_text(t.period), "）");
  if (!t.assessment.empty()) {
    absl::StrAppend(&title, "，", t.assessment, "，满分 ", format_points(t.full_score), " 分");
  }
  s.text(0, 0, title, Style::kTitle, false);
  const bool scored = !t.assessment.empty() || t.full_score > 0;
  std::vector<std::string> lead = {"排名", "部门", "层级"};
  if (scored) lead.emplace_back("得分");
  // Rows 1-2 (each written whole before the next: constant-memory mode):
  // each figure's label over its columns, then the columns' own headers.
  const std::vector<DepartmentFigure>* any = t.departments.empty() ? nullptr : &t.departments.front().figures;
  // A figure is a rate (three columns) when it is one for any department:
  // an undefined rate is still a rate.
  std::vector<bool> rate(any != nullptr ? any->size() : 0, false);
  for (const Department& d : t.departments) {
    for (size_t i = 0; i < d.figures.size() && i < rate.size(); ++i) rate[i] = rate[i] || is_rate(d.figures[i]);
  }
  std::vector<lxw_col_t> first_col;
  std::map<lxw_col_t, double> minimum;
  for (lxw_col_t c = 0; c < lead.size(); ++c) s.header(1, c, "");
  auto col = static_cast<lxw_col_t>(lead.size());
  if (any != nullptr) {
    for (size_t i = 0; i < any->size(); ++i) {
      const DepartmentFigure& f = (*any)[i];
      const lxw_col_t width = rate[i] ? 3 : 2;
      first_col.push_back(col);
      s.header_span(1, col, col + width - 1, f.label);
      const double share = static_cast<double>(display_width(f.label)) / width + 1;
      for (lxw_col_t c = col; c < col + width; ++c) minimum[c] = share;
      col += width;
    }
  }
  s.header_row(2, lead);
  if (any != nullptr) {
    for (size_t i = 0; i < any->size(); ++i) {
      s.header(2, first_col[i], kNumberHeader);
      if (rate[i]) s.header(2, first_col[i] + 1, kTextHeader);
      s.header(2, first_col[i] + (rate[i] ? 2 : 1), "排名");
    }
  }
  lxw_row_t row = 3;
  for (const Department& d : t.departments) {
    if (d.rank > 0) s.number(row, 0, static_cast<double>(d.rank), "0", 3);
    s.text(row, 1, department_name(d), d.name.empty() ? Style::kMissing : Style::kPlain);
    if (d.level) s.text(row, 2, level_label(*d.level));
    if (scored && d.score) s.number(row, 3, static_cast<double>(*d.score) / 100, "", format_points(*d.score).size());
    for (size_t i = 0; i < d.figures.size() && i < first_col.size(); ++i) {
      const DepartmentFigure& f = d.figures[i];
      const lxw_col_t c = first_col[i];
      const lxw_col_t rank_col = c + (rate[i] ? 2 : 1);
      if (f.value.kind == ValueKind::kRatio) {
        const std::string shown = format_percent(f.value.exact(), 2, Rounding::kHalfUp);
        s.number(row, c, cell_number(f.value), "0.0000%", shown.size() + 3);
        s.text(row, c + 1, shown);
      } else if (f.value.kind == ValueKind::kCount) {
        s.number(row, c, static_cast<double>(f.value.integer), "#,##0", 4);
      } else {
        s.text(row, rate[i] ? c + 1 : c, "—", Style::kMissing);
      }
      if (f.rank > 0) s.number(row, rank_col, static_cast<double>(f.rank), "0", 3);
    }
    ++row;
  }
  s.freeze(3, 2);
  s.set_widths(minimum);
  return s.error();
}

// add_deductions writes 考核扣分: one deduction a row, with the department's
// rank and score, the points (after and before the indicator's cap) and
// what they are traced to: the case ids, or the figure and its value.
lxw_error add_deductions(Workbook& book, const DepartmentTable& t) {
  Sheet s(book, book.add_sheet("考核扣分"));
  s.text(0, 0, absl::StrCat(t.assessment, "：扣分明细（满分 ", format_points(t.full_score), " 分）"), Style::kTitle,
         false);
  s.header_row(1, {"排名", "部门", "得分", "考核指标", "扣分", "扣分（封顶前）", "依据指标", "指标值",
                   "指标值（公布值）", "扣分案件数", "扣分案件"});
  lxw_row_t row = 2;
  for (const Department& d : t.departments) {
    for (const Deduction& x : d.deductions) {
      if (d.rank > 0) s.number(row, 0, static_cast<double>(d.rank), "0", 3);
      s.text(row, 1, department_name(d));
      if (d.score) s.number(row, 2, static_cast<double>(*d.score) / 100, "", 5);
      s.text(row, 3, x.rule);
      s.number(row, 4, static_cast<double>(x.points) / 100, "", 5);
      s.number(row, 5, static_cast<double>(x.uncapped) / 100, "", 5);
      if (!x.metric.empty()) {
        std::string_view label = x.metric;
        for (const DepartmentFigure& f : d.figures) {
          if (f.id == x.metric) label = f.label;
        }
        s.text(row, 6, label);
        if (x.value.kind == ValueKind::kRatio) {
          const std::string shown = format_percent(x.value.exact(), 2, Rounding::kHalfUp);
          s.number(row, 7, cell_number(x.value), "0.0000%", shown.size() + 3);
          s.text(row, 8, shown);
        } else if (x.value.kind == ValueKind::kCount) {
          s.number(row, 7, static_cast<double>(x.value.integer), "#,##0", 4);
          s.text(row, 8, absl::StrCat(x.value.integer));
        }
      } else {
        s.number(row, 9, static_cast<double>(x.cases.size()), "0", 4);
        // Not measured: a long list runs on over the empty cells beside it.
        s.text(row, 10, absl::StrJoin(x.cases, "、"), Style::kPlain, false);
      }
      ++row;
    }
  }
  s.freeze(2, 2);
  s.set_widths({{10, 40}});
  return s.error();
}

// add_department_cases writes 部门案件: each figure's case ids, one a row
// (a rate's numerator's, then its denominator's).
lxw_error add_department_cases(Workbook& book, const DepartmentTable& t, const Dataset& ds) {
  Sheet s(book, book.add_sheet("部门案件"));
  s.text(0, 0, absl::StrCat("各部门指标所涉案件（", period_text(t.period), "）"), Style::kTitle, false);
  s.text(1, 0, kPrivacyNote, Style::kMissing, false);
  s.header_row(2, {"部门", "指标", "指标编号", "部分", "案件编号"});
  lxw_row_t row = 3;
  for (const Department& d : t.departments) {
    for (const DepartmentFigure& f : d.figures) {
      const bool rate = is_rate(f);
      auto write = [&](const std::vector<size_t>& rows, std::string_view part) {
        for (const size_t r : rows) {
          s.text(row, 0, department_name(d));
          s.text(row, 1, f.label);
          s.text(row, 2, f.id);
          s.text(row, 3, part);
          s.text(row, 4, case_id(ds, f.kind, r));
          ++row;
        }
      };
      write(f.rows, rate ? "分子" : "计数");
      if (rate) write(f.denominator_rows, "分母");
    }
  }
  s.freeze(3, 1);
  s.set_widths();
  return s.error();
}

}  // namespace

std::string case_list_sheet_name(const CaseList& list) {
  return sheet_name(0, absl::StrCat(list.follow_up.empty() ? "清单-" : "督办-", list_label(list)));
}

lxw_error add_case_list(Workbook& book, const std::string& name, const CaseList& list, const Dataset& ds) {
  Sheet s(book, book.add_sheet(name));
  s.text(0, 0,
         absl::StrCat(list_label(list), "：", region_text(ds, list.region), "，", period_text(list.period), "，共 ",
                      list.cases.size(), " 件"),
         Style::kTitle, false);
  s.text(1, 0, kPrivacyNote, Style::kMissing, false);
  // The columns of the list's kind: its records', else its figure's family's.
  std::optional<RecordKind> kind;
  if (!list.cases.empty()) {
    kind = list.cases.front().kind;
  } else if (list.metric != nullptr) {
    kind = kind_of_family(list.metric->family);
  }
  const std::span<const ColumnDef> columns = kind ? columns_of(*kind) : std::span<const ColumnDef>();
  bool counted_twice = false;
  for (const CaseEntry& c : list.cases) counted_twice = counted_twice || c.times != 1;
  std::vector<std::string> header = {"序号", "案件编号", "区划代码", "地区", "列入原因"};
  if (counted_twice) header.emplace_back("计入次数");
  const auto first_column = static_cast<lxw_col_t>(header.size());
  for (const ColumnDef& c : columns) {
    if (!repeated(c.name)) header.emplace_back(column_header(c));
  }
  s.header_row(2, header);
  lxw_row_t row = 3;
  for (size_t i = 0; i < list.cases.size(); ++i) {
    const CaseEntry& c = list.cases[i];
    s.number(row, 0, static_cast<double>(i + 1), "0", 3);
    s.text(row, 1, c.case_id);
    s.text(row, 2, c.region.str());
    if (const std::optional<std::string_view> region = ds.region_name(c.region)) s.text(row, 3, *region);
    // Not measured: reasons are sentences; the column has a width of its own.
    s.text(row, 4, c.reason, Style::kPlain, false);
    if (counted_twice) s.number(row, 5, static_cast<double>(c.times), "0", 3);
    const std::span<const ColumnDef> own = columns_of(c.kind);
    lxw_col_t col = first_column;
    size_t k = 0;
    for (const auto& [column, text] : case_columns(ds, c.kind, c.row)) {
      const ColumnDef& def = own[k++];
      if (repeated(column)) continue;
      write_cell(s, row, col++, def, text);
    }
    ++row;
  }
  s.freeze(3, 2);
  s.set_widths({{4, 40}});
  return s.error();
}

lxw_error add_departments(Workbook& book, const DepartmentTable& table, const Dataset& ds) {
  if (lxw_error e = add_department_table(book, table, ds); e != LXW_NO_ERROR) return e;
  if (!table.assessment.empty() || table.full_score > 0) {
    if (lxw_error e = add_deductions(book, table); e != LXW_NO_ERROR) return e;
  }
  return add_department_cases(book, table, ds);
}

}  // namespace fazhi::internal::xlsx
