// The fazhi command-line tool's subcommands. Each is thin: it parses its flags,
// calls the library, prints, and returns the process exit status (0 success,
// 1 a failure reported on stderr as one line, 2 a usage error, and
// kExitOutOfMemory when memory ran out, whatever the command).
#ifndef FAZHI_CLI_COMMANDS_HPP_
#define FAZHI_CLI_COMMANDS_HPP_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "fazhi/dataset.hpp"
#include "fazhi/metrics.hpp"
#include "fazhi/profile.hpp"
#include "fazhi/region.hpp"
#include "fazhi/messages.hpp"
#include "fazhi/tally.hpp"

// The command's messages for people: `_("...")` is the message in the chosen
// language (fazhi/messages.hpp), `N_("...")` marks one for xgettext that is
// looked up later. Placeholders are absl::Substitute's $0..$9.
#define _(msgid) ::fazhi::message(msgid)
#define N_(msgid) msgid

namespace fazhi::cli {

using Args = std::vector<std::string>;  // the words after the subcommand's name

inline constexpr int kExitOutOfMemory = 3;  // the exit status when memory ran out

// Language is the language of the messages, help and tables for people.
enum class Language { kChinese, kEnglish };

// choose_language is the language of `--lang zh|en` anywhere on the command
// line (the last one wins), else the locale's: zh_* in LC_ALL, LC_MESSAGES or
// LANG (the first set) is Chinese, anything else English. A --lang value it
// cannot read is left in `bad`. It allocates nothing, so the out-of-memory
// message can be looked up before anything else.
Language choose_language(int argc, char** argv, const char*& bad);
// use_language points gettext at fazhi's catalogue in that language.
void use_language(Language lang);
// without_lang is the command line less its --lang options.
Args without_lang(const Args& words);

int run_calendar(const Args& args);
int run_report(const Args& args);
int run_check(const Args& args);
int run_draw(const Args& args);
int run_verify(const Args& args);
int run_sample(const Args& args);
int run_announce(const Args& args);
int run_metrics(const Args& args);
int run_docs(const Args& args);  // hidden: the generated documents of docs/
int run_table(const Args& args);
int run_series(const Args& args);
int run_cases(const Args& args);
int run_departments(const Args& args);

// LoadedData is what the commands over one region read: the records (sealed),
// the region of --region (a code or a name of regions.csv), the profile and
// the calendar.
struct LoadedData {
  Dataset ds;
  RegionCode region;
  Profile profile;
  Calendar calendar = Calendar::national();
};
// load_data loads --data, --profile and --calendar and finds --region; a file
// refused whole is an error.
absl::StatusOr<LoadedData> load_data(const std::string& data, const std::string& region, const std::string& profile,
                                     const std::string& calendar);

int run_tally(const Args& args);
int run_merge(const Args& args);

// read_tally reads a tally file (tally_commands.cpp), naming the file in
// an error.
absl::StatusOr<Tally> read_tally(const std::string& path);

// period_from_flags is the period of --year, or of --from and --to.
absl::StatusOr<Period> period_from_flags(const std::string& year, const std::string& from, const std::string& to);

// fail prints "fazhi: <message>" on stderr and returns 1; usage() returns 2
// and says how to get help. Messages come translated (_()).
// A library status fails the same way, but ResourceExhausted (memory ran
// out) is told as such and returns kExitOutOfMemory.
int fail(const std::string& message);
int fail(const absl::Status& status);
int usage(const std::string& message);

}  // namespace fazhi::cli

#endif  // FAZHI_CLI_COMMANDS_HPP_
