// The narrative of a report's tables: one sentence per breakdown of the
// default set (Profile's default_breakdowns), in the published style,
//
//   收到行政复议申请按被申请人类型分，县级政府部门 140 件，占 92.72%，同比增长 133.3%；
//   乡镇（街道）11 件，占 7.28%。
//
// a count with its share and its relative change (同比增长, 同比下降), a rate
// with its change in 个百分点 (同比上升 1.2 个百分点). Each sentence has an id
// (the metric and the dimension: "reconsideration_received_by_respondent_level")
// that a profile's narrative.omit leaves out. Rows without records (0 件) and
// the empty value (未填) are not named; a sentence with nothing to name is
// left out. They make a paragraph of their own after the report's sections,
// so the sections' sentences are unchanged.
#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "fazhi/breakdown.hpp"
#include "fazhi/text.hpp"
#include "render/narrative.hpp"

namespace fazhi::internal {
namespace {

// kRowsNamed: a sentence names at most this many rows, as published reports
// do; a table holds the rest.
constexpr size_t kRowsNamed = 5;

std::string id_of(std::string_view metric, std::string_view by) {
  return absl::StrCat(absl::StrReplaceAll(absl_view(metric), {{".", "_"}}), "_by_", absl_view(by));
}

// change_words: "同比增长 133.3%", "同比下降 22.7%", "同比上升 1.2 个百分点",
// "同比持平"; "" without a change.
std::string change_words(const BreakdownRow& r) {
  const std::string text = breakdown_change_text(r);
  if (text.empty()) return "";
  const bool points = r.change_pp.defined();
  const bool zero = text.find_first_of("123456789") == std::string::npos;
  if (zero) return "同比持平";
  const bool down = text[0] == '-';
  return absl::StrCat("同比", down ? "下降" : points ? "上升" : "增长", " ", down ? text.substr(1) : text);
}

std::string sentence(const Breakdown& b) {
  std::vector<std::string> rows;
  for (const BreakdownRow& r : b.rows) {
    if (rows.size() == kRowsNamed) break;
    if (!r.key || !r.value.defined()) continue;
    if (r.value.kind == ValueKind::kCount && r.value.integer == 0) continue;
    std::string row = absl::StrCat(r.label, " ", breakdown_value_text(b, r.value));
    if (r.share.defined()) absl::StrAppend(&row, "，占 ", format_percent(r.share, b.decimals, b.rounding));
    if (const std::string change = change_words(r); !change.empty()) absl::StrAppend(&row, "，", change);
    rows.push_back(std::move(row));
  }
  if (rows.empty()) return "";
  std::string_view by = b.dimension.label;  // "按被申请人类型"
  return absl::StrCat(absl_view(b.metric->label), absl_view(by), "分，", absl::StrJoin(rows, "；"), "。");
}

}  // namespace

std::vector<std::string> table_sentence_ids() {
  std::vector<std::string> ids;
  for (const TableSpec& t : default_breakdowns()) ids.push_back(id_of(t.metric, t.by));
  return ids;
}

std::string write_table_paragraph(const Report& report, const Profile& profile) {
  const std::vector<std::string> ids = table_sentence_ids();
  std::string out;
  for (const Breakdown& b : report.breakdowns) {
    const std::string id = id_of(b.metric->id, b.dimension.name);
    if (std::find(ids.begin(), ids.end(), id) == ids.end() || profile.narrative_omit.count(id)) continue;
    absl::StrAppend(&out, sentence(b));
  }
  return out;
}

}  // namespace fazhi::internal
