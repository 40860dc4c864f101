// fazhi report: a folder of exported CSV files -> the annual report, for
// people (text, Markdown: render_report, or render_comparison for every
// region; a workbook or a printable page: documents.hpp) or for programs
// (JSON, the same in every language).
#include <fstream>
#include <functional>
#include <iostream>
#include <optional>

#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "absl/strings/substitute.h"
#include "commands.hpp"
#include "fazhi/cases.hpp"
#include "fazhi/dataset.hpp"
#include "fazhi/departments.hpp"
#include "fazhi/documents.hpp"
#include "fazhi/report.hpp"
#include "fazhi/tally.hpp"
#include "fazhi/text.hpp"

namespace fazhi::cli {
namespace {

// The metrics an every-region table compares unless --metrics says otherwise:
// the intake and the headline rate of each family, as bulletins rank regions.
constexpr std::string_view kComparedMetrics[] = {
    "reconsideration.received", "reconsideration.correction_rate", "litigation.received",
    "litigation.win_rate",      "litigation.head_appearance_rate", "legal_aid.accepted",
    "mediation.received"};

struct ReportFlags {
  std::string data, tally, region, year, from, to, profile, calendar, metrics, out, with;
  std::string format = "text";
  bool all_regions = false;
  // --with: what the workbook adds when asked. Both name cases, so neither is
  // ever written by default (docs/cases.md, "Privacy").
  bool with_departments = false, with_follow_ups = false;
};

std::optional<std::string> parse_flags(const Args& args, ReportFlags& f) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& out) -> bool {
      if (i + 1 >= args.size()) return false;
      out = args[++i];
      return true;
    };
    bool ok = true;
    if (a == "--data") ok = value(f.data);
    else if (a == "--tally") ok = value(f.tally);
    else if (a == "--region") ok = value(f.region);
    else if (a == "--year") ok = value(f.year);
    else if (a == "--from") ok = value(f.from);
    else if (a == "--to") ok = value(f.to);
    else if (a == "--format") ok = value(f.format);
    else if (a == "--profile") ok = value(f.profile);
    else if (a == "--calendar") ok = value(f.calendar);
    else if (a == "--metrics") ok = value(f.metrics);
    else if (a == "--out") ok = value(f.out);
    else if (a == "--with") ok = value(f.with);
    else if (a == "--all-regions") f.all_regions = true;
    else return absl::Substitute(_("unknown option '$0'"), a);
    if (!ok) return absl::Substitute(_("$0 needs a value"), a);
  }
  if (f.data.empty() == f.tally.empty()) return _("report needs --data DIR, or --tally FILE");
  const bool document = f.format == "xlsx" || f.format == "html";
  // A workbook may hold one region's summary and every region's table at
  // once; the other formats are one or the other.
  if (f.region.empty() && !f.all_regions) return _("report needs --region CODE or NAME, or --all-regions");
  if (!document && f.all_regions && !f.region.empty()) {
    return _("report needs --region CODE or NAME, or --all-regions");
  }
  if (!f.tally.empty() && (!f.year.empty() || !f.from.empty() || !f.to.empty() || !f.calendar.empty())) {
    return _("a tally holds its period and calendar: --tally takes no --year, --from, --to or --calendar");
  }
  if (f.tally.empty() && f.year.empty() == (f.from.empty() || f.to.empty())) {
    return _("report needs --year YYYY, or --from and --to");
  }
  if (f.format != "text" && f.format != "json" && f.format != "markdown" && !document) {
    return absl::Substitute(_("--format is text, json, markdown, xlsx or html, not '$0'"), f.format);
  }
  if (!f.metrics.empty() && !f.all_regions) return _("--metrics chooses the columns of --all-regions");
  if (f.format == "xlsx" && f.out.empty()) return _("--format xlsx needs --out FILE");
  if (!f.out.empty() && !document) return _("--out is for --format xlsx and html");
  if (!f.with.empty()) {
    for (absl::string_view part : absl::StrSplit(f.with, ',', absl::SkipWhitespace())) {
      const std::string_view what = trim(std_view(part));
      if (what == "departments") {
        f.with_departments = true;
      } else if (what == "follow-ups") {
        f.with_follow_ups = true;
      } else {
        return absl::Substitute(_("--with takes departments and follow-ups, not '$0'"), absl_view(what));
      }
    }
    if (f.format != "xlsx" || f.region.empty() || !f.tally.empty()) {
      return _("--with adds sheets to one region's workbook: it needs --data, --region and --format xlsx");
    }
  }
  return std::nullopt;
}

absl::StatusOr<Period> period_of(const ReportFlags& f) { return period_from_flags(f.year, f.from, f.to); }

// compared_metrics is --metrics split at commas, or the default columns; an
// id not in the catalogue is a usage error.
std::optional<std::string> compared_metrics(const std::string& flag, std::vector<std::string>& ids) {
  if (flag.empty()) {
    ids.assign(std::begin(kComparedMetrics), std::end(kComparedMetrics));
    return std::nullopt;
  }
  for (absl::string_view id : absl::StrSplit(flag, ',', absl::SkipWhitespace())) {
    const std::string_view trimmed = trim(std_view(id));
    if (!metric_index(trimmed)) {
      return absl::Substitute(_("--metrics: '$0' is not a metric id (fazhi metrics lists them)"),
                              absl_view(trimmed));
    }
    ids.emplace_back(trimmed);
  }
  return std::nullopt;
}

// print_notices writes the notices of a load or a report (a file ignored, an
// encoding guessed, records outside the calendar) as diagnostics, on standard
// error: they are about the data, not part of the report.
void print_notices(const std::vector<std::string>& notices) {
  for (const std::string& n : notices) {
    std::cerr << "fazhi: " << absl::Substitute(_("notice: $0"), notice_line(n)) << "\n";
  }
}

// write_document writes the workbook or the HTML page. The page ranks the
// region among its siblings, so it needs every region's figures; so does a
// workbook with --all-regions. All come from the one pass over the records
// that a single region's report makes anyway.
// Reports makes the reports of the records or of a tally.
struct Reports {
  std::function<absl::StatusOr<std::vector<Report>>()> all;
  std::function<absl::StatusOr<Report>(RegionCode)> one;
};

// Extras are the sheets --with adds to a workbook, made from the records.
struct Extras {
  const DepartmentTable* departments = nullptr;
  std::span<const CaseList> case_lists{};
  const Dataset* records = nullptr;
};

int write_document(const ReportFlags& f, const Reports& reports, std::optional<RegionCode> region,
                   const std::vector<std::string>& compared, const Extras& extras = {}) {
  std::vector<Report> all;
  std::optional<Report> one;
  const Report* report = nullptr;
  if (f.all_regions || f.format == "html") {
    absl::StatusOr<std::vector<Report>> r = reports.all();
    if (!r.ok()) return fail(r.status());
    all = *std::move(r);
    if (region) {
      for (const Report& each : all) {
        if (each.region == *region) report = &each;
      }
      if (report == nullptr) {
        return fail(absl::NotFoundError(
            absl::Substitute(_("no records for region $0 or any region inside it"), region->str())));
      }
    }
  } else {
    absl::StatusOr<Report> r = reports.one(*region);
    if (!r.ok()) return fail(r.status());
    one = *std::move(r);
    report = &*one;
  }
  if (f.format == "xlsx") {
    const std::span<const Report> regions = f.all_regions ? std::span<const Report>(all) : std::span<const Report>();
    const DocumentContent content{.report = report,
                                  .regions = regions,
                                  .departments = extras.departments,
                                  .case_lists = extras.case_lists,
                                  .records = extras.records};
    if (absl::Status s = write_workbook(content, f.out); !s.ok()) return fail(s);
    return 0;
  }
  // A page for one region, or, without one, every region compared.
  const std::string page = report != nullptr ? render_html(*report, all) : render_html_comparison(all, compared);
  if (f.out.empty()) {
    std::cout << page;
    return 0;
  }
  std::ofstream file(f.out, std::ios::binary | std::ios::trunc);
  file << page;
  file.close();
  if (!file) return fail(absl::Substitute(_("$0: cannot write the report"), display_text(f.out)));
  return 0;
}

// report_from_tally is `report --tally FILE`: the report of a region of the
// tally (its districts, their cities and provinces, or 000000), in every format.
int report_from_tally(const ReportFlags& f, const Profile& profile, const std::vector<std::string>& compared) {
  absl::StatusOr<Tally> tally = read_tally(f.tally);
  if (!tally.ok()) return fail(tally.status());
  std::optional<RegionCode> region;
  if (!f.region.empty()) {
    if (trim(f.region) == "000000") {
      region = RegionCode();
    } else {
      absl::StatusOr<RegionCode> code = RegionCode::parse(f.region);
      if (!code.ok()) return fail(absl::StrCat("--region: ", code.status().message()));
      region = *code;
    }
  }
  const TableFormat table = f.format == "markdown" ? TableFormat::kMarkdown : TableFormat::kText;
  const Reports reports{[&] { return compute_all_reports(*tally, profile); },
                        [&](RegionCode c) { return compute_report(*tally, c, profile); }};
  if (f.format == "xlsx" || f.format == "html") return write_document(f, reports, region, compared);
  if (f.all_regions) {
    absl::StatusOr<std::vector<Report>> all = reports.all();
    if (!all.ok()) return fail(all.status());
    if (f.format == "json") {
      std::cout << to_json(*all) << "\n";
    } else {
      std::cout << render_comparison(*all, compared, table);
    }
    return 0;
  }
  absl::StatusOr<Report> r = reports.one(*region);
  if (!r.ok()) return fail(r.status());
  if (f.format == "json") {
    std::cout << to_json(*r) << "\n";
  } else {
    print_notices(r->data_quality.notices);
    std::cout << render_report(*r, table);
  }
  return 0;
}

}  // namespace

absl::StatusOr<Period> period_from_flags(const std::string& year_flag, const std::string& from_flag,
                                         const std::string& to_flag) {
  if (!year_flag.empty()) {
    int year = 0;
    if (!absl::SimpleAtoi(year_flag, &year) || year < kMinYear || year > kMaxYear) {
      return absl::InvalidArgumentError(absl::Substitute(_("--year: '$0' is not a year"), year_flag));
    }
    return year_period(year);
  }
  absl::StatusOr<Date> from = parse_date(from_flag);
  if (!from.ok()) return absl::InvalidArgumentError("--from: " + std::string(from.status().message()));
  absl::StatusOr<Date> to = parse_date(to_flag);
  if (!to.ok()) return absl::InvalidArgumentError("--to: " + std::string(to.status().message()));
  return make_period(*from, *to);
}

int run_report(const Args& args) {
  ReportFlags f;
  if (std::optional<std::string> err = parse_flags(args, f)) return usage(*err);
  std::vector<std::string> compared;
  if (f.all_regions && (f.format == "text" || f.format == "markdown" || f.format == "html")) {
    if (std::optional<std::string> err = compared_metrics(f.metrics, compared)) return usage(*err);
  }
  Profile profile;
  if (!f.profile.empty()) {
    absl::StatusOr<Profile> p = Profile::from_file(f.profile);
    if (!p.ok()) return fail(p.status());
    profile = *std::move(p);
  }
  if (!f.tally.empty()) return report_from_tally(f, profile, compared);
  absl::StatusOr<Period> period = period_of(f);
  if (!period.ok()) return fail(period.status());
  Calendar calendar = Calendar::national();
  if (!f.calendar.empty()) {
    if (absl::Status s = calendar.merge_csv_file(f.calendar); !s.ok()) return fail(s);
  }
  // A code is checked before the data is loaded; a name needs regions.csv.
  if (!f.region.empty() && !RegionCode::parse(f.region).ok() &&
      trim(f.region).find_first_not_of("0123456789") == std::string_view::npos) {
    return fail(absl::StrCat("--region: ", RegionCode::parse(f.region).status().message()));
  }
  Dataset ds;
  // The report names no case: the ids are checked, not kept, unless --with
  // asks for sheets that name them.
  LoadOptions load;
  load.keep_ids = f.with_departments || f.with_follow_ups;
  load.seal = true;  // the only load: the duplicate-id index goes as soon as it has checked
  absl::StatusOr<LoadSummary> loaded = ds.load_dir(f.data, load);
  if (!loaded.ok()) return fail(loaded.status());
  // A refused file leaves a kind's figures out: no report from part of the data.
  for (const FileSummary& file : loaded->files) {
    if (!file.refused.empty()) return fail(file.refused);
  }
  // The region is read once the data is, since regions.csv names the regions.
  std::optional<RegionCode> region;
  if (!f.region.empty()) {
    absl::StatusOr<RegionCode> code = find_region(f.region, ds.region_names());
    if (!code.ok()) return fail(absl::StrCat("--region: ", code.status().message()));
    region = *code;
  }
  ds.seal();  // nothing more is loaded: the duplicate-id index can go before the report
  if (ds.summary().rows_rejected() > 0) {
    std::cerr << "fazhi: "
              << absl::Substitute(_("$0 rows rejected (see 'fazhi check --data $1'); figures exclude them"),
                                  ds.summary().rows_rejected(), display_text(f.data))
              << "\n";
  }
  const TableFormat table = f.format == "markdown" ? TableFormat::kMarkdown : TableFormat::kText;

  if (f.format == "xlsx" || f.format == "html") {
    Extras extras{.records = &ds};
    std::optional<DepartmentTable> departments;
    std::vector<CaseList> lists;
    if (f.with_departments) {
      absl::StatusOr<DepartmentTable> t = compute_departments(ds, *region, *period, profile, calendar);
      if (!t.ok()) return fail(t.status());
      departments = *std::move(t);
      extras.departments = &*departments;
    }
    if (f.with_follow_ups) {
      for (const FollowUp& u : follow_ups()) {
        absl::StatusOr<CaseList> l = compute_follow_up(ds, *region, *period, u.name, profile, calendar);
        if (!l.ok()) return fail(l.status());
        lists.push_back(*std::move(l));
      }
      extras.case_lists = lists;
    }
    return write_document(
        f,
        {[&] { return compute_all_reports(ds, *period, profile, calendar); },
         [&](RegionCode c) { return compute_report(ds, c, *period, profile, calendar); }},
        region, compared, extras);
  }
  if (f.all_regions && f.format == "json") {
    // Streamed: the JSON of every region is written as it is made, not held.
    absl::Status s = write_all_reports_json(ds, *period, profile, calendar,
                                            [](std::string_view piece) {
                                              std::cout.write(piece.data(),
                                                              static_cast<std::streamsize>(piece.size()));
                                            });
    if (!s.ok()) return fail(s);
    std::cout << "\n";
    return 0;
  }
  if (f.all_regions) {
    absl::StatusOr<std::vector<Report>> all = compute_all_reports(ds, *period, profile, calendar);
    if (!all.ok()) return fail(all.status());
    print_notices(ds.summary().notices);
    std::cout << render_comparison(*all, compared, table);
    return 0;
  }
  absl::StatusOr<Report> r = compute_report(ds, *region, *period, profile, calendar);
  if (!r.ok()) return fail(r.status());
  if (f.format == "json") {
    std::cout << to_json(*r) << "\n";
  } else {
    print_notices(r->data_quality.notices);
    std::cout << render_report(*r, table);
  }
  return 0;
}

}  // namespace fazhi::cli
