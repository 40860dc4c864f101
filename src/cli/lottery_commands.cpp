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

#include "absl/strings/numbers.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "commands.hpp"
#include "fazhi/lottery.hpp"
#include "fazhi/text.hpp"
#include "../encoding.hpp"
#include "../file.hpp"

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
        return usage("unknown option '" + a + "'");
      }
      if (i + 1 >= args.size()) return usage(a + " needs a value");
      out.values[a.substr(2)] = args[++i];
    } else {
      out.positional.push_back(a);
    }
  }
  return 0;
}

std::optional<std::string> read_file(const std::string& path) {
  absl::StatusOr<std::string> text =
      internal::read_small_file(path, internal::to_valid_utf8(path), internal::kMaxListBytes);
  if (!text.ok()) return std::nullopt;
  return *std::move(text);
}

// lines splits a file into trimmed lines, dropping a UTF-8 byte-order mark,
// blank lines and `#` comments (spreadsheet exports carry all three).
std::vector<std::string> lines(std::string text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
  std::vector<std::string> out;
  for (absl::string_view piece : absl::StrSplit(text, '\n')) {
    const std::string_view line = trim(std_view(piece));
    if (!line.empty() && line.front() != '#') out.emplace_back(line);
  }
  return out;
}

// items splits a comma list; a full-width comma (，) counts as a comma.
std::vector<std::string> items(const std::string& list) {
  std::vector<std::string> out;
  if (trim(list).empty()) return out;
  for (absl::string_view item : absl::StrSplit(absl::StrReplaceAll(list, {{"，", ","}}), ',')) {
    out.emplace_back(trim(std_view(item)));
  }
  return out;
}

// ids reads LIST|FILE: a file that exists is read one id a line, anything
// else is a comma list.
std::optional<std::vector<std::string>> ids(const std::string& value, int& status) {
  std::error_code ec;
  if (std::filesystem::is_regular_file(value, ec)) {
    std::optional<std::string> text = read_file(value);
    if (!text) {
      status = fail("cannot read '" + value + "'");
      return std::nullopt;
    }
    return lines(*text);
  }
  return items(value);
}

// conflicts reads LIST|FILE of pairs: a file of `inspector,target` lines,
// or a list `inspector:target,inspector:target`.
std::optional<std::vector<Conflict>> conflicts(const std::string& value, int& status) {
  std::vector<std::string> pairs;
  char separator = ':';
  std::error_code ec;
  if (std::filesystem::is_regular_file(value, ec)) {
    std::optional<std::string> text = read_file(value);
    if (!text) {
      status = fail("cannot read '" + value + "'");
      return std::nullopt;
    }
    pairs = lines(absl::StrReplaceAll(*text, {{"\t", ","}, {"，", ","}}));
    separator = ',';
  } else {
    pairs = items(value);
  }
  std::vector<Conflict> out;
  for (const std::string& pair : pairs) {
    const size_t at = pair.find(separator);
    if (at == std::string::npos) {
      status = usage("a conflict is 'inspector" + std::string(1, separator) + "target', not '" +
                     pair + "'");
      return std::nullopt;
    }
    out.push_back({std::string(trim(std::string_view(pair).substr(0, at))),
                   std::string(trim(std::string_view(pair).substr(at + 1)))});
  }
  return out;
}

// publish prints the record (with --json) or its summary, and saves it with --out.
template <typename Audit>
int publish(const Audit& audit, const Flags& flags, const std::string& details) {
  const std::string json = audit_to_json(audit);
  if (flags.has("out")) {
    std::ofstream out(flags.get("out"), std::ios::binary);
    if (!(out << json) || !out.flush()) return fail("cannot write '" + flags.get("out") + "'");
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
  if (int s = parse_flags(args, {"seed", "case", "pool", "exclude", "at-cap", "out"}, f); s != 0) {
    return s;
  }
  if (!f.positional.empty()) return usage("draw: unexpected '" + f.positional.front() + "'");
  if (!f.has("seed") || !f.has("case") || !f.has("pool")) {
    return usage("draw needs --seed SEED --case CASE_ID --pool LIST|FILE");
  }
  DrawInput in;
  in.seed = f.get("seed");
  in.case_id = f.get("case");
  int status = 0;
  for (auto [flag, to] : {std::pair{"pool", &in.answered}, std::pair{"exclude", &in.conflicts},
                          std::pair{"at-cap", &in.at_cap}}) {
    if (!f.has(flag)) continue;
    std::optional<std::vector<std::string>> list = ids(f.get(flag), status);
    if (!list) return status;
    *to = *std::move(list);
  }
  absl::StatusOr<DrawAudit> audit = draw(in);
  if (!audit.ok()) return fail(std::string(audit.status().message()));
  return publish(*audit, f,
                 "hash: " + audit->hash + " (counter " + std::to_string(audit->counter) +
                     ")\npool_sha256: " + audit->pool_sha256 + "\n");
}

int run_verify(const Args& args) {
  Flags f;
  if (int s = parse_flags(args, {}, f); s != 0) return s;
  if (f.positional.size() != 1)
    return usage("verify needs one audit record: verify AUDIT.json (- for stdin)");
  const std::string& path = f.positional.front();
  // An audit record is small: what is not a regular file (but stdin) is
  // refused, and more than kMaxAuditBytes is not read.
  absl::StatusOr<std::string> text =
      path == "-" ? internal::read_capped(0, "stdin", internal::kMaxAuditBytes)
                  : internal::read_small_file(path, internal::to_valid_utf8(path), internal::kMaxAuditBytes);
  if (!text.ok()) return fail(std::string(text.status().message()));
  absl::StatusOr<std::string> checked = verify_audit_json(*text);
  if (!checked.ok())
    return fail("audit record does not verify: " + std::string(checked.status().message()));
  std::cout << "OK: " << *checked << "\n";
  return 0;
}

int run_sample(const Args& args) {
  Flags f;
  if (int s = parse_flags(
          args, {"seed", "batch", "targets", "k", "inspectors", "m", "conflicts", "out"}, f);
      s != 0) {
    return s;
  }
  if (!f.positional.empty()) return usage("sample: unexpected '" + f.positional.front() + "'");
  if (!f.has("seed") || !f.has("targets") || !f.has("k") || !f.has("inspectors") || !f.has("m")) {
    return usage("sample needs --seed SEED --targets LIST|FILE --k K --inspectors LIST|FILE --m M");
  }
  SampleInput in;
  in.seed = f.get("seed");
  in.batch_id = f.get("batch");
  for (auto [flag, to] : {std::pair{"k", &in.k}, std::pair{"m", &in.m}}) {
    if (!absl::SimpleAtoi(f.get(flag), to)) {
      return usage(std::string("--") + flag + " is a whole number, not '" + f.get(flag) + "'");
    }
  }
  int status = 0;
  for (auto [flag, to] :
       {std::pair{"targets", &in.targets}, std::pair{"inspectors", &in.inspectors}}) {
    std::optional<std::vector<std::string>> list = ids(f.get(flag), status);
    if (!list) return status;
    *to = *std::move(list);
  }
  if (f.has("conflicts")) {
    std::optional<std::vector<Conflict>> list = conflicts(f.get("conflicts"), status);
    if (!list) return status;
    in.conflicts = *std::move(list);
  }
  absl::StatusOr<SampleAudit> audit = sample(in);
  if (!audit.ok()) return fail(std::string(audit.status().message()));
  return publish(*audit, f,
                 "targets_sha256: " + audit->targets_sha256 +
                     "\ninspectors_sha256: " + audit->inspectors_sha256 + "\n");
}

}  // namespace fazhi::cli
