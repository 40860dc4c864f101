// fazhi report: a folder of exported CSV files -> the annual report.
#include <fstream>
#include <iostream>
#include <optional>

#include "absl/strings/numbers.h"
#include "commands.hpp"
#include "fazhi/dataset.hpp"
#include "fazhi/documents.hpp"
#include "fazhi/report.hpp"
#include "fazhi/text.hpp"

namespace fazhi::cli {
namespace {

struct ReportFlags {
  std::string data, region, year, from, to, profile, calendar, out;
  std::string format = "text";
  bool all_regions = false;
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
    else if (a == "--region") ok = value(f.region);
    else if (a == "--year") ok = value(f.year);
    else if (a == "--from") ok = value(f.from);
    else if (a == "--to") ok = value(f.to);
    else if (a == "--format") ok = value(f.format);
    else if (a == "--profile") ok = value(f.profile);
    else if (a == "--calendar") ok = value(f.calendar);
    else if (a == "--out") ok = value(f.out);
    else if (a == "--all-regions") f.all_regions = true;
    else return "unknown option '" + a + "'";
    if (!ok) return a + " needs a value";
  }
  if (f.data.empty()) return "report needs --data DIR";
  const bool document = f.format == "xlsx" || f.format == "html";
  // A workbook may hold one region's summary and every region's table at
  // once; the other formats are one or the other.
  if (f.region.empty() && !f.all_regions) return "report needs --region CODE or --all-regions";
  if (!document && f.all_regions && !f.region.empty()) return "report needs --region CODE or --all-regions";
  if (f.year.empty() == (f.from.empty() || f.to.empty())) {
    return "report needs --year YYYY, or --from and --to";
  }
  if (f.format != "text" && f.format != "json" && f.format != "markdown" && !document) {
    return "--format is text, json, markdown, xlsx or html, not '" + f.format + "'";
  }
  if (f.all_regions && !document && f.format != "json") return "--all-regions writes JSON: add --format json";
  if (f.format == "xlsx" && f.out.empty()) return "--format xlsx needs --out FILE";
  if (f.format == "html" && f.region.empty()) return "--format html is one region's report: add --region CODE";
  if (!f.out.empty() && !document) return "--out is for --format xlsx and html";
  return std::nullopt;
}

absl::StatusOr<Period> period_of(const ReportFlags& f) { return period_from_flags(f.year, f.from, f.to); }

void print_text(const Report& r, TableFormat table) {
  std::cout << display_text(r.region_name) << "（" << r.region.str() << "） " << format_iso_day(r.period.from)
            << " 至 " << format_iso_day(r.period.to) << "\n\n";
  std::cout << render_narrative(r) << "\n";
  std::cout << render_table(r, table);
  std::cout << "\nrows read " << r.data_quality.rows_read << ", rejected "
            << r.data_quality.rows_rejected << "\n";
  for (const std::string& n : r.data_quality.notices) std::cout << "notice: " << display_text(n) << "\n";
}

// write_document writes the workbook or the HTML page. The page ranks the
// region among its siblings, so it needs every region's figures; so does a
// workbook with --all-regions. All come from the one pass over the records
// that a single region's report makes anyway.
int write_document(const ReportFlags& f, const Dataset& ds, std::optional<RegionCode> region, Period period,
                   const Profile& profile, const Calendar& calendar) {
  std::vector<Report> all;
  std::optional<Report> one;
  const Report* report = nullptr;
  if (f.all_regions || f.format == "html") {
    absl::StatusOr<std::vector<Report>> r = compute_all_reports(ds, period, profile, calendar);
    if (!r.ok()) return fail(r.status());
    all = *std::move(r);
    if (region) {
      for (const Report& each : all) {
        if (each.region == *region) report = &each;
      }
      if (report == nullptr) {
        return fail(absl::NotFoundError("no records for region " + region->str() + " or any region inside it"));
      }
    }
  } else {
    absl::StatusOr<Report> r = compute_report(ds, *region, period, profile, calendar);
    if (!r.ok()) return fail(r.status());
    one = *std::move(r);
    report = &*one;
  }
  if (f.format == "xlsx") {
    const std::span<const Report> regions = f.all_regions ? std::span<const Report>(all) : std::span<const Report>();
    if (absl::Status s = write_workbook({.report = report, .regions = regions}, f.out); !s.ok()) return fail(s);
    return 0;
  }
  const std::string page = render_html(*report, all);
  if (f.out.empty()) {
    std::cout << page;
    return 0;
  }
  std::ofstream file(f.out, std::ios::binary | std::ios::trunc);
  file << page;
  file.close();
  if (!file) return fail(display_text(f.out) + ": cannot write the report");
  return 0;
}

}  // namespace

absl::StatusOr<Period> period_from_flags(const std::string& year_flag, const std::string& from_flag,
                                         const std::string& to_flag) {
  if (!year_flag.empty()) {
    int year = 0;
    if (!absl::SimpleAtoi(year_flag, &year) || year < kMinYear || year > kMaxYear) {
      return absl::InvalidArgumentError("--year: '" + year_flag + "' is not a year");
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
  absl::StatusOr<Period> period = period_of(f);
  if (!period.ok()) return fail(period.status());
  Profile profile;
  if (!f.profile.empty()) {
    absl::StatusOr<Profile> p = Profile::from_file(f.profile);
    if (!p.ok()) return fail(p.status());
    profile = *std::move(p);
  }
  Calendar calendar = Calendar::national();
  if (!f.calendar.empty()) {
    if (absl::Status s = calendar.merge_csv_file(f.calendar); !s.ok()) return fail(s);
  }
  std::optional<RegionCode> region;
  if (!f.all_regions) {
    absl::StatusOr<RegionCode> code = RegionCode::parse(f.region);
    if (!code.ok()) return fail("--region: " + std::string(code.status().message()));
    region = *code;
  }
  Dataset ds;
  absl::StatusOr<LoadSummary> loaded = ds.load_dir(f.data);
  if (!loaded.ok()) return fail(loaded.status());
  // A refused file leaves a kind's figures out: no report from part of the data.
  for (const FileSummary& file : loaded->files) {
    if (!file.refused.empty()) return fail(file.refused);
  }
  ds.seal();  // nothing more is loaded: the duplicate-id index can go before the report
  if (ds.summary().rows_rejected() > 0) {
    std::cerr << "fazhi: " << ds.summary().rows_rejected()
              << " rows rejected (see 'fazhi check --data " << display_text(f.data)
              << "'); figures exclude them\n";
  }

  if (f.format == "xlsx" || f.format == "html") return write_document(f, ds, region, *period, profile, calendar);
  if (f.all_regions) {
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
  absl::StatusOr<Report> r = compute_report(ds, *region, *period, profile, calendar);
  if (!r.ok()) return fail(r.status());
  if (f.format == "json") {
    std::cout << to_json(*r) << "\n";
  } else {
    print_text(*r, f.format == "markdown" ? TableFormat::kMarkdown : TableFormat::kText);
  }
  return 0;
}

}  // namespace fazhi::cli
