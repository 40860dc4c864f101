// fazhi draw / verify / sample: the legal-aid lottery (摇珠) and the 双随机
// inspection sample from the command line. The draw itself is fazhi::draw and
// fazhi::sample; this file only reads flags and lists and prints.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <optional>
#include <sstream>
#include <type_traits>

#include "absl/strings/numbers.h"
#include "absl/strings/substitute.h"
#include "commands.hpp"
#include "fazhi/lottery.hpp"
#include "fazhi/text.hpp"

namespace fazhi::cli {
namespace {

struct Flags {
  std::map<std::string, std::string, std::less<>> values;
  std::vector<std::string> positional;
  bool json = false;

  std::string get(std::string_view name) const {
    auto it = values.find(name);
    return it == values.end() ? std::string() : it->second;
  }
  bool has(std::string_view name) const { return values.find(name) != values.end(); }
};

// parse_flags reads `--name VALUE` for the names in `known`, `--json`, and
// positional words; it returns 0, or the usage status to exit with.
int parse_flags(const Args& args, std::initializer_list<std::string_view> known, Flags& out) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--json") {
      out.json = true;
    } else if (a.size() > 2 && a.starts_with("--")) {
      if (std::find(known.begin(), known.end(), std::string_view(a).substr(2)) == known.end()) {
        return usage(absl::Substitute(_("unknown option '$0'"), a));
      }
      if (i + 1 >= args.size()) return usage(absl::Substitute(_("$0 needs a value"), a));
      out.values[a.substr(2)] = args[++i];
    } else {
      out.positional.push_back(a);
    }
  }
  return 0;
}

// list_value reads a list option: `@FILE` is the file FILE (one id a line),
// anything else an inline list. A value that names an existing file is
// refused: the @ was forgotten, and the file name must not become a one-name
// list. The parsing itself is the library's, the same for C and Python.
template <typename List>
std::optional<List> list_value(std::string_view flag, const std::string& value,
                               absl::StatusOr<List> (*inline_list)(std::string_view),
                               absl::StatusOr<List> (*file)(std::string_view), int& status) {
  absl::StatusOr<List> list;
  if (value.starts_with('@')) {
    const std::string path = value.substr(1);
    absl::StatusOr<std::string> text = read_list_file(path);
    if (!text.ok()) {
      status = fail(absl::Substitute(_("--$0: cannot read '$1'"), absl_view(flag), path));
      return std::nullopt;
    }
    list = file(*text);
  } else {
    std::error_code ec;
    if (!value.empty() && std::filesystem::exists(value, ec)) {
      status = usage(absl::Substitute(_("--$0 '$1' is a file: write @$1 to read it"), absl_view(flag), value));
      return std::nullopt;
    }
    list = inline_list(value);
  }
  if (!list.ok()) {
    status = usage("--" + std::string(flag) + ": " + std::string(list.status().message()));
    return std::nullopt;
  }
  return *std::move(list);
}

std::optional<std::vector<std::string>> ids(std::string_view flag, const std::string& value,
                                            int& status) {
  return list_value<std::vector<std::string>>(flag, value, parse_id_list, parse_id_file, status);
}

std::optional<std::vector<Conflict>> conflicts(const std::string& value, int& status) {
  return list_value<std::vector<Conflict>>("conflicts", value, parse_conflict_list,
                                           parse_conflict_file, status);
}

// read_text reads an audit record or an announcement (`-`: stdin), each
// capped by the library (read_audit_file, read_audit_stdin).
absl::StatusOr<std::string> read_text(const std::string& path) {
  return path == "-" ? read_audit_stdin() : read_audit_file(path);
}

// announced reads --announcement FILE into `out`; 0 or the exit status.
int announced(const Flags& f, Announcement& out) {
  absl::StatusOr<std::string> text = read_text(f.get("announcement"));
  if (!text.ok()) return fail(text.status());
  absl::StatusOr<Announcement> a = announcement_from_json(*text);
  if (!a.ok()) return fail(std::string(a.status().message()));
  out = *std::move(a);
  return 0;
}

// draw_input fills the inputs of a draw from the list options; 0 or the exit
// status.
int draw_input(const Flags& f, DrawInput& in) {
  if (!f.has("case") || !f.has("pool"))
    return usage(_("a draw needs --case CASE_ID --pool LIST|@FILE"));
  in.case_id = f.get("case");
  int status = 0;
  for (auto [flag, to] : {std::pair{"pool", &in.answered}, std::pair{"exclude", &in.conflicts},
                          std::pair{"at-cap", &in.at_cap}}) {
    if (!f.has(flag)) continue;
    std::optional<std::vector<std::string>> list = ids(flag, f.get(flag), status);
    if (!list) return status;
    *to = *std::move(list);
  }
  return 0;
}

int sample_input(const Flags& f, SampleInput& in) {
  if (!f.has("targets") || !f.has("k") || !f.has("inspectors") || !f.has("m")) {
    return usage(_("a sample needs --targets LIST|@FILE --k K --inspectors LIST|@FILE --m M"));
  }
  in.batch_id = f.get("batch");
  for (auto [flag, to] : {std::pair{"k", &in.k}, std::pair{"m", &in.m}}) {
    if (!absl::SimpleAtoi(f.get(flag), to)) {
      return usage(absl::Substitute(_("--$0 is a whole number, not '$1'"), flag, f.get(flag)));
    }
  }
  int status = 0;
  for (auto [flag, to] :
       {std::pair{"targets", &in.targets}, std::pair{"inspectors", &in.inspectors}}) {
    std::optional<std::vector<std::string>> list = ids(flag, f.get(flag), status);
    if (!list) return status;
    *to = *std::move(list);
  }
  if (f.has("conflicts")) {
    std::optional<std::vector<Conflict>> list = conflicts(f.get("conflicts"), status);
    if (!list) return status;
    in.conflicts = *std::move(list);
  }
  return 0;
}

// inputs_from takes a draw's or a sample's inputs from --announcement, or
// from the list options, never both: a draw from an announcement uses exactly
// what was announced.
template <typename Input>
int inputs_from(const Flags& f, std::initializer_list<std::string_view> list_flags,
                int (*from_flags)(const Flags&, Input&), Input& in) {
  if (!f.has("announcement")) return from_flags(f, in);
  for (std::string_view flag : list_flags) {
    if (f.has(flag)) {
      return usage(absl::Substitute(_("--$0 with --announcement: the announcement fixes the inputs"), absl_view(flag)));
    }
  }
  Announcement a;
  if (int s = announced(f, a); s != 0) return s;
  if constexpr (std::is_same_v<Input, DrawInput>) {
    if (a.scheme != kLotteryAnnouncementScheme) return fail(_("the announcement is not of a draw"));
    in = a.draw;
  } else {
    if (a.scheme != kSampleAnnouncementScheme) return fail(_("the announcement is not of a sample"));
    in = a.sample;
  }
  return 0;
}

// publish prints the record (with --json) or its summary, and saves it with --out.
template <typename Audit>
int publish(const Audit& audit, const Flags& flags, const std::string& details) {
  const std::string json = audit_to_json(audit);
  if (flags.has("out")) {
    std::ofstream out(flags.get("out"), std::ios::binary);
    if (!(out << json) || !out.flush()) return fail(absl::Substitute(_("cannot write '$0'"), flags.get("out")));
  }
  if (flags.json) {
    std::cout << json;
  } else {
    std::cout << summary(audit) << "\n" << details;
  }
  return 0;
}

}  // namespace

int run_draw(const Args& args) {
  Flags f;
  if (int s = parse_flags(args,
                          {"seed", "case", "pool", "exclude", "at-cap", "announcement", "out"}, f);
      s != 0) {
    return s;
  }
  if (!f.positional.empty())
    return usage(absl::Substitute(_("draw: unexpected '$0'"), f.positional.front()));
  if (!f.has("seed")) {
    return usage(_("draw needs --seed SEED and --announcement ANN.json or --case CASE_ID --pool LIST|@FILE"));
  }
  DrawInput in;
  if (int s = inputs_from<DrawInput>(f, {"case", "pool", "exclude", "at-cap"}, draw_input, in);
      s != 0) {
    return s;
  }
  in.seed = f.get("seed");
  absl::StatusOr<DrawAudit> audit = draw(in);
  if (!audit.ok()) return fail(audit.status());
  return publish(*audit, f,
                 "hash: " + audit->hash + " (counter " + std::to_string(audit->counter) +
                     ")\npool_sha256: " + audit->pool_sha256 +
                     "\nannouncement_sha256: " + audit->announcement_sha256 + "\n");
}

int run_announce(const Args& args) {
  Flags f;
  if (int s = parse_flags(args,
                          {"case", "pool", "exclude", "at-cap", "batch", "targets", "k",
                           "inspectors", "m", "conflicts", "out"},
                          f);
      s != 0) {
    return s;
  }
  if (f.positional.size() != 1 || (f.positional[0] != "draw" && f.positional[0] != "sample")) {
    return usage(_("announce draw --case ... | announce sample --targets ..."));
  }
  absl::StatusOr<std::string> json;
  if (f.positional[0] == "draw") {
    DrawInput in;
    if (int s = draw_input(f, in); s != 0) return s;
    json = announce(in);
  } else {
    SampleInput in;
    if (int s = sample_input(f, in); s != 0) return s;
    json = announce(in);
  }
  if (!json.ok()) return fail(std::string(json.status().message()));
  if (f.has("out")) {
    std::ofstream out(f.get("out"), std::ios::binary);
    if (!(out << *json) || !out.flush()) return fail(absl::Substitute(_("cannot write '$0'"), f.get("out")));
  }
  if (f.json) {
    std::cout << *json;
  } else {
    absl::StatusOr<Announcement> a = announcement_from_json(*json);
    if (!a.ok()) return fail(std::string(a.status().message()));
    std::cout << "announcement_sha256: " << a->announcement_sha256 << "\n"
              << _("(publish it, or the announcement itself, before the seed exists)") << "\n";
  }
  return 0;
}

int run_verify(const Args& args) {
  Flags f;
  if (int s = parse_flags(args, {"announcement"}, f); s != 0) return s;
  if (f.positional.size() != 1) {
    return usage(_("verify needs one audit record: verify AUDIT.json (- for stdin) [--announcement ANN.json]"));
  }
  const std::string& path = f.positional.front();
  absl::StatusOr<std::string> text = read_text(path);
  if (!text.ok()) return fail(text.status());
  absl::StatusOr<std::string> checked;
  if (f.has("announcement")) {
    absl::StatusOr<std::string> announcement = read_text(f.get("announcement"));
    if (!announcement.ok()) return fail(announcement.status());
    checked = verify_audit_json(*text, *announcement);
  } else {
    checked = verify_audit_json(*text);
  }
  if (!checked.ok())
    return fail(absl::Substitute(_("audit record does not verify: $0"), checked.status().message()));
  std::cout << "OK: " << *checked << "\n";
  if (!f.has("announcement")) {
    std::cout << _("Note: only the record's agreement with itself was checked, not that the lists drawn from are "
                   "the ones announced before the draw; check them with --announcement ANN.json.")
              << "\n";
  } else {
    std::cout << _("The lists drawn from are the announced ones.") << "\n";
  }
  return 0;
}

int run_sample(const Args& args) {
  Flags f;
  if (int s = parse_flags(
          args,
          {"seed", "batch", "targets", "k", "inspectors", "m", "conflicts", "announcement", "out"},
          f);
      s != 0) {
    return s;
  }
  if (!f.positional.empty())
    return usage(absl::Substitute(_("sample: unexpected '$0'"), f.positional.front()));
  if (!f.has("seed")) {
    return usage(
        _("sample needs --seed SEED and --announcement ANN.json or --targets LIST|@FILE "
          "--k K --inspectors LIST|@FILE --m M"));
  }
  SampleInput in;
  if (int s = inputs_from<SampleInput>(f, {"batch", "targets", "k", "inspectors", "m", "conflicts"},
                                       sample_input, in);
      s != 0) {
    return s;
  }
  in.seed = f.get("seed");
  absl::StatusOr<SampleAudit> audit = sample(in);
  if (!audit.ok()) return fail(audit.status());
  return publish(*audit, f,
                 "targets_sha256: " + audit->targets_sha256 +
                     "\ninspectors_sha256: " + audit->inspectors_sha256 +
                     "\nannouncement_sha256: " + audit->announcement_sha256 + "\n");
}

}  // namespace fazhi::cli
