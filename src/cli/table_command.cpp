// fazhi table and fazhi series: one metric broken down by a dimension (or
// two: a cross-table), or by month or quarter, for one region and period; as
// text, Markdown, JSON, or a workbook (--format xlsx --out FILE).
#include <fstream>
#include <iostream>
#include <optional>

#include "absl/strings/numbers.h"
#include "absl/strings/substitute.h"
#include "commands.hpp"
#include "fazhi/breakdown.hpp"
#include "fazhi/dataset.hpp"
#include "fazhi/documents.hpp"
#include "fazhi/text.hpp"

namespace fazhi::cli {
namespace {

struct TableFlags {
  std::string data, region, year, from, to, metric, by, profile, calendar, top, out;
  std::string format = "text";
};

std::optional<std::string> parse_flags(std::string_view command, const Args& args, TableFlags& f) {
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
    else if (a == "--by") ok = value(f.by);
    else if (a == "--format") ok = value(f.format);
    else if (a == "--profile") ok = value(f.profile);
    else if (a == "--calendar") ok = value(f.calendar);
    else if (a == "--out") ok = value(f.out);
    else if (a == "--top" && command == "table") ok = value(f.top);
    else return absl::Substitute(_("unknown option '$0'"), a);
    if (!ok) return absl::Substitute(_("$0 needs a value"), a);
  }
  const std::string name(command);
  if (f.data.empty() || f.region.empty() || f.metric.empty()) {
    return absl::Substitute(_("$0 needs --data DIR, --region CODE or NAME and --metric ID"), name);
  }
  if (f.year.empty() == (f.from.empty() || f.to.empty())) {
    return absl::Substitute(_("$0 needs --year YYYY, or --from and --to"), name);
  }
  if (f.format != "text" && f.format != "json" && f.format != "markdown" && f.format != "xlsx") {
    return absl::Substitute(_("--format is text, json, markdown or xlsx, not '$0'"), f.format);
  }
  if (f.format == "xlsx" && f.out.empty()) return _("--format xlsx needs --out FILE");
  return std::nullopt;
}

// Loaded is what both commands read: the records, the period, the profile
// and the calendar.
struct Loaded {
  Dataset ds;
  Period period;
  RegionCode region;
  Profile profile;
  Calendar calendar = Calendar::national();
};

absl::Status load(const TableFlags& f, Loaded& out) {
  absl::StatusOr<Period> period = period_from_flags(f.year, f.from, f.to);
  if (!period.ok()) return period.status();
  out.period = *period;
  if (!f.profile.empty()) {
    absl::StatusOr<Profile> p = Profile::from_file(f.profile);
    if (!p.ok()) return p.status();
    out.profile = *std::move(p);
  }
  if (!f.calendar.empty()) {
    if (absl::Status s = out.calendar.merge_csv_file(f.calendar); !s.ok()) return s;
  }
  // A table names no case: the ids are checked, not kept.
  LoadOptions load;
  load.keep_ids = false;
  load.seal = true;  // the only load: the duplicate-id index goes as soon as it has checked
  absl::StatusOr<LoadSummary> loaded = out.ds.load_dir(f.data, load);
  if (!loaded.ok()) return loaded.status();
  for (const FileSummary& file : loaded->files) {
    if (!file.refused.empty()) return absl::InvalidArgumentError(file.refused);
  }
  out.ds.seal();
  // 000000 or 全国: the whole dataset, the sum of the provinces.
  if (f.region == "000000" || f.region == "全国") {
    out.region = kNational;
    return absl::OkStatus();
  }
  // A code or a name of regions.csv.
  absl::StatusOr<RegionCode> code = find_region(f.region, out.ds.region_names());
  if (!code.ok()) return absl::Status(code.status().code(), absl::StrCat("--region: ", code.status().message()));
  out.region = *code;
  return absl::OkStatus();
}

TableFormat table_format(const TableFlags& f) {
  return f.format == "markdown" ? TableFormat::kMarkdown : TableFormat::kText;
}

// print writes a table in the chosen format: a workbook at --out, the others
// to --out or standard output. `json` and `text` make the two renderings.
template <typename T>
int print(const TableFlags& f, const T& table) {
  if (f.format == "xlsx") {
    if (absl::Status s = write_table_workbook(table, f.out); !s.ok()) return fail(s);
    return 0;
  }
  const std::string text = f.format == "json" ? to_json(table) + "\n" : render_table(table, table_format(f));
  if (f.out.empty()) {
    std::cout << text;
    return 0;
  }
  std::ofstream file(f.out, std::ios::binary | std::ios::trunc);
  file << text;
  if (!file.flush()) return fail(absl::Substitute(_("cannot write '$0'"), f.out));
  return 0;
}

}  // namespace

int run_table(const Args& args) {
  TableFlags f;
  if (std::optional<std::string> err = parse_flags("table", args, f)) return usage(*err);
  if (f.by.empty()) return usage(_("table needs --by DIM or --by DIM1,DIM2"));
  Loaded in;
  if (absl::Status s = load(f, in); !s.ok()) return fail(s);
  if (const size_t comma = f.by.find(','); comma != std::string::npos) {
    absl::StatusOr<CrossTable> t = compute_cross_table(in.ds, in.region, in.period, f.metric, f.by.substr(0, comma),
                                                       f.by.substr(comma + 1), in.profile, in.calendar);
    if (!t.ok()) return fail(t.status());
    return print(f, *t);
  }
  absl::StatusOr<Breakdown> b = compute_breakdown(in.ds, in.region, in.period, f.metric, f.by, in.profile, in.calendar);
  if (!b.ok()) return fail(b.status());
  if (!f.top.empty()) {
    size_t keep = 0;
    if (!absl::SimpleAtoi(f.top, &keep) || keep == 0) {
      return usage(absl::Substitute(_("--top is a number of rows, 1 or more, not '$0'"), f.top));
    }
    fold_rows(*b, keep);
  }
  return print(f, *b);
}

int run_series(const Args& args) {
  TableFlags f;
  f.by = "month";
  if (std::optional<std::string> err = parse_flags("series", args, f)) return usage(*err);
  Loaded in;
  if (absl::Status s = load(f, in); !s.ok()) return fail(s);
  absl::StatusOr<Series> s = compute_series(in.ds, in.region, in.period, f.metric, f.by, in.profile, in.calendar);
  if (!s.ok()) return fail(s.status());
  return print(f, *s);
}

}  // namespace fazhi::cli
