// fazhi cases: the records behind one figure of one region and period (or
// one row of its breakdown), or a follow-up list (督办清单), each record with
// the reason it is counted; as text, JSON, CSV or a workbook.
#include <fstream>
#include <iostream>
#include <optional>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/substitute.h"
#include "commands.hpp"
#include "fazhi/breakdown.hpp"
#include "fazhi/cases.hpp"
#include "fazhi/dataset.hpp"
#include "fazhi/documents.hpp"
#include "fazhi/text.hpp"

namespace fazhi::cli {
namespace {

struct CasesFlags {
  std::string data, region, year, from, to, metric, part, follow_up, profile, calendar, out, by, top;
  std::optional<std::string> key;  // "" names the empty value's row (未填)
  std::string format = "text";
  bool list_follow_ups = false;
};

std::optional<std::string> parse_flags(const Args& args, CasesFlags& f) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& out) -> bool {
      if (i + 1 >= args.size()) return false;
      out = args[++i];
      return true;
    };
    bool ok = true;
    if (a == "--data") ok = value(f.data);
    else if (a == "--region") ok = value(f.region);
    else if (a == "--year") ok = value(f.year);
    else if (a == "--from") ok = value(f.from);
    else if (a == "--to") ok = value(f.to);
    else if (a == "--metric") ok = value(f.metric);
    else if (a == "--part") ok = value(f.part);
    else if (a == "--by") ok = value(f.by);
    else if (a == "--key") ok = value(f.key.emplace());
    else if (a == "--top") ok = value(f.top);
    else if (a == "--follow-up") ok = value(f.follow_up);
    else if (a == "--format") ok = value(f.format);
    else if (a == "--out") ok = value(f.out);
    else if (a == "--profile") ok = value(f.profile);
    else if (a == "--calendar") ok = value(f.calendar);
    else if (a == "--follow-ups") f.list_follow_ups = true;
    else return absl::Substitute(_("unknown option '$0'"), a);
    if (!ok) return absl::Substitute(_("$0 needs a value"), a);
  }
  if (f.list_follow_ups) return std::nullopt;
  if (f.data.empty() || f.region.empty() || f.metric.empty() == f.follow_up.empty()) {
    return std::string(_("cases needs --data DIR, --region CODE or NAME and either --metric ID or --follow-up NAME"));
  }
  if (f.year.empty() == (f.from.empty() || f.to.empty())) {
    return absl::Substitute(_("$0 needs --year YYYY, or --from and --to"), "cases");
  }
  if (f.format != "text" && f.format != "json" && f.format != "csv" && f.format != "xlsx") {
    return absl::Substitute(_("--format is text, json, csv or xlsx, not '$0'"), f.format);
  }
  if (f.format == "xlsx" && f.out.empty()) return std::string(_("--format xlsx needs --out FILE"));
  if (!f.part.empty() && !parse_case_part(f.part)) {
    return absl::Substitute(_("--part is numerator or denominator, not '$0'"), f.part);
  }
  if (f.by.empty() != !f.key.has_value() || (!f.by.empty() && f.metric.empty())) {
    return std::string(_("a breakdown row's list needs --metric ID, --by DIM and --key KEY (--key '' for 未填)"));
  }
  size_t top = 0;
  if (!f.top.empty() && (f.by.empty() || !absl::SimpleAtoi(f.top, &top) || top == 0)) {
    return absl::Substitute(_("--top is a number of rows, 1 or more, with --by and --key '*other', not '$0'"),
                            f.top);
  }
  return std::nullopt;
}

}  // namespace

absl::StatusOr<LoadedData> load_data(const std::string& data, const std::string& region, const std::string& profile,
                                     const std::string& calendar) {
  LoadedData out;
  if (!profile.empty()) {
    absl::StatusOr<Profile> p = Profile::from_file(profile);
    if (!p.ok()) return p.status();
    out.profile = *std::move(p);
  }
  if (!calendar.empty()) {
    if (absl::Status s = out.calendar.merge_csv_file(calendar); !s.ok()) return s;
  }
  absl::StatusOr<LoadSummary> loaded = out.ds.load_dir(data);
  if (!loaded.ok()) return loaded.status();
  for (const FileSummary& file : loaded->files) {
    if (!file.refused.empty()) return absl::InvalidArgumentError(file.refused);
  }
  out.ds.seal();
  // 000000 or 全国: the whole dataset, as for fazhi table.
  if (region == "000000" || region == "全国") {
    out.region = kNational;
    return out;
  }
  // A code or a name of regions.csv.
  absl::StatusOr<RegionCode> code = find_region(region, out.ds.region_names());
  if (!code.ok()) return absl::Status(code.status().code(), absl::StrCat("--region: ", code.status().message()));
  out.region = *code;
  return out;
}

int run_cases(const Args& args) {
  CasesFlags f;
  if (std::optional<std::string> err = parse_flags(args, f)) return usage(*err);
  if (f.list_follow_ups) {
    for (const FollowUp& u : follow_ups()) std::cout << u.name << "\t" << u.label << "\n";
    return 0;
  }
  absl::StatusOr<Period> period = period_from_flags(f.year, f.from, f.to);
  if (!period.ok()) return fail(period.status());
  absl::StatusOr<LoadedData> in = load_data(f.data, f.region, f.profile, f.calendar);
  if (!in.ok()) return fail(in.status());
  const CasePart part = f.part.empty() ? CasePart::kCount : *parse_case_part(f.part);
  CaseRow row{f.by, f.key, 0};
  if (!f.top.empty()) (void)absl::SimpleAtoi(f.top, &row.top);  // checked by parse_flags
  absl::StatusOr<CaseList> list =
      !f.follow_up.empty() ? compute_follow_up(in->ds, in->region, *period, f.follow_up, in->profile, in->calendar)
      : f.by.empty()       ? compute_case_list(in->ds, in->region, *period, f.metric, part, in->profile, in->calendar)
                           : compute_case_list(in->ds, in->region, *period, f.metric, part, row, in->profile,
                                               in->calendar);
  if (!list.ok()) return fail(list.status());
  if (f.format == "xlsx") {
    if (absl::Status s = write_workbook(*list, in->ds, f.out); !s.ok()) return fail(s);
    return 0;
  }
  const std::string text = f.format == "json"  ? to_json(*list, in->ds) + "\n"
                           : f.format == "csv" ? to_csv(*list, in->ds)
                                               : render_case_list(*list);
  if (f.out.empty()) {
    std::cout << text;
    return 0;
  }
  std::ofstream file(f.out, std::ios::binary);
  file << text;
  if (!file.flush()) return fail(absl::Substitute(_("cannot write '$0'"), f.out));
  return 0;
}

}  // namespace fazhi::cli
