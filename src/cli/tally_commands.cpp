// fazhi tally and fazhi merge: a folder of records -> a portable tally file
// (docs/tally.md), and tallies of disjoint regions -> the tally of them all,
// which `fazhi report --tally` reports on. A file ending in .json is written
// as JSON text for people; any other as CBOR.
#include <fstream>
#include <iostream>
#include <memory>
#include <iterator>
#include <optional>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/substitute.h"
#include "commands.hpp"
#include "fazhi/dataset.hpp"
#include "fazhi/tally.hpp"
#include "fazhi/text.hpp"

namespace fazhi::cli {
namespace {

// write_tally writes the tally to `path`: JSON text for a .json name, else CBOR.
int write_tally(const Tally& t, const std::string& path) {
  const std::string bytes = absl::EndsWith(path, ".json") ? t.to_json_text() : t.serialize();
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  file.close();
  if (!file) return fail(absl::Substitute(_("$0: cannot write the tally"), display_text(path)));
  std::cerr << "fazhi: "
            << absl::Substitute(_("tally of $0 ($1 districts), SHA-256 $2, written to $3"), t.region_text(),
                                t.districts().size(), t.digest(), display_text(path))
            << "\n";
  return 0;
}

}  // namespace

absl::StatusOr<Tally> read_tally(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return absl::NotFoundError(absl::Substitute(_("$0: cannot read the tally"), display_text(path)));
  const std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  absl::StatusOr<Tally> t = Tally::parse(bytes);
  if (!t.ok()) return absl::InvalidArgumentError(absl::StrCat(display_text(path), ": ", t.status().message()));
  return t;
}

int run_tally(const Args& args) {
  std::string data, region_flag, year, from, to, profile_path, calendar_path, out;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& v) -> bool {
      if (i + 1 >= args.size()) return false;
      v = args[++i];
      return true;
    };
    bool ok = true;
    if (a == "--data") ok = value(data);
    else if (a == "--region") ok = value(region_flag);
    else if (a == "--year") ok = value(year);
    else if (a == "--from") ok = value(from);
    else if (a == "--to") ok = value(to);
    else if (a == "--profile") ok = value(profile_path);
    else if (a == "--calendar") ok = value(calendar_path);
    else if (a == "--out") ok = value(out);
    else return usage(absl::Substitute(_("unknown option '$0'"), a));
    if (!ok) return usage(absl::Substitute(_("$0 needs a value"), a));
  }
  if (data.empty() || out.empty()) return usage(_("tally needs --data DIR and --out FILE"));
  if (year.empty() == (from.empty() || to.empty())) return usage(_("tally needs --year YYYY, or --from and --to"));
  absl::StatusOr<Period> period = period_from_flags(year, from, to);
  if (!period.ok()) return fail(period.status());
  Profile profile;
  if (!profile_path.empty()) {
    absl::StatusOr<Profile> p = Profile::from_file(profile_path);
    if (!p.ok()) return fail(p.status());
    profile = *std::move(p);
  }
  Calendar calendar = Calendar::national();
  if (!calendar_path.empty()) {
    if (absl::Status s = calendar.merge_csv_file(calendar_path); !s.ok()) return fail(s);
  }
  // The records are let go once counted, before the tally is written: the
  // peak is then the larger of the two, not their sum.
  auto records = std::make_unique<Dataset>();
  Dataset& ds = *records;
  // A tally holds no case id: the ids are checked, not kept, and the load is
  // the dataset's only one (as the report's): the id index goes as soon as
  // it has checked, and no ID column is held (LoadOptions::seal).
  LoadOptions load;
  load.keep_ids = false;
  load.seal = true;
  absl::StatusOr<LoadSummary> loaded = ds.load_dir(data, load);
  if (!loaded.ok()) return fail(loaded.status());
  for (const FileSummary& file : loaded->files) {
    if (!file.refused.empty()) return fail(file.refused);
  }
  std::optional<RegionCode> region;
  if (!region_flag.empty()) {
    absl::StatusOr<RegionCode> code = find_region(region_flag, ds.region_names());
    if (!code.ok()) return fail(absl::StrCat("--region: ", code.status().message()));
    region = *code;
  }
  if (ds.summary().rows_rejected() > 0) {
    std::cerr << "fazhi: "
              << absl::Substitute(_("$0 rows rejected (see 'fazhi check --data $1'); figures exclude them"),
                                  ds.summary().rows_rejected(), display_text(data))
              << "\n";
  }
  absl::StatusOr<Tally> t = Tally::compute(ds, *period, profile, calendar, region, 0);
  if (!t.ok()) return fail(t.status());
  records.reset();
  return write_tally(*t, out);
}

int run_merge(const Args& args) {
  std::vector<std::string> files;
  std::string out;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--out") {
      if (i + 1 >= args.size()) return usage(absl::Substitute(_("$0 needs a value"), args[i]));
      out = args[++i];
    } else if (absl::StartsWith(args[i], "--")) {
      return usage(absl::Substitute(_("unknown option '$0'"), args[i]));
    } else {
      files.push_back(args[i]);
    }
  }
  if (files.empty() || out.empty()) return usage(_("merge needs tally files and --out FILE"));
  std::vector<Tally> parts;
  for (const std::string& file : files) {
    absl::StatusOr<Tally> t = read_tally(file);
    if (!t.ok()) return fail(t.status());
    parts.push_back(*std::move(t));
  }
  absl::StatusOr<Tally> merged = Tally::merge(parts);
  if (!merged.ok()) return fail(merged.status());
  return write_tally(*merged, out);
}

}  // namespace fazhi::cli
