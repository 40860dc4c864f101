// fazhi departments: the figures of each respondent and defendant agency of a
// region, ranked, and the profile's assessment (考核) of them; as text, JSON
// or a workbook.
#include <fstream>
#include <iostream>
#include <optional>

#include "absl/strings/substitute.h"
#include "commands.hpp"
#include "fazhi/departments.hpp"
#include "fazhi/documents.hpp"

namespace fazhi::cli {

int run_departments(const Args& args) {
  std::string data, region, year, from, to, profile, calendar, out, format = "text";
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& v) -> bool {
      if (i + 1 >= args.size()) return false;
      v = args[++i];
      return true;
    };
    bool ok = true;
    if (a == "--data") ok = value(data);
    else if (a == "--region") ok = value(region);
    else if (a == "--year") ok = value(year);
    else if (a == "--from") ok = value(from);
    else if (a == "--to") ok = value(to);
    else if (a == "--format") ok = value(format);
    else if (a == "--out") ok = value(out);
    else if (a == "--profile") ok = value(profile);
    else if (a == "--calendar") ok = value(calendar);
    else return usage(absl::Substitute(_("unknown option '$0'"), a));
    if (!ok) return usage(absl::Substitute(_("$0 needs a value"), a));
  }
  if (data.empty() || region.empty()) return usage(_("departments needs --data DIR and --region CODE or NAME"));
  if (year.empty() == (from.empty() || to.empty())) {
    return usage(absl::Substitute(_("$0 needs --year YYYY, or --from and --to"), "departments"));
  }
  if (format != "text" && format != "json" && format != "xlsx") {
    return usage(absl::Substitute(_("--format is text, json or xlsx, not '$0'"), format));
  }
  if (format == "xlsx" && out.empty()) return usage(_("--format xlsx needs --out FILE"));
  absl::StatusOr<Period> period = period_from_flags(year, from, to);
  if (!period.ok()) return fail(period.status());
  absl::StatusOr<LoadedData> in = load_data(data, region, profile, calendar);
  if (!in.ok()) return fail(in.status());
  absl::StatusOr<DepartmentTable> t = compute_departments(in->ds, in->region, *period, in->profile, in->calendar);
  if (!t.ok()) return fail(t.status());
  if (format == "xlsx") {
    if (absl::Status s = write_workbook(*t, in->ds, out); !s.ok()) return fail(s);
    return 0;
  }
  const std::string text = format == "json" ? to_json(*t, in->ds) + "\n" : render_departments(*t);
  if (out.empty()) {
    std::cout << text;
    return 0;
  }
  std::ofstream file(out, std::ios::binary);
  file << text;
  if (!file.flush()) return fail(absl::Substitute(_("cannot write '$0'"), out));
  return 0;
}

}  // namespace fazhi::cli
