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

namespace fazhi::cli {

using Args = std::vector<std::string>;  // the words after the subcommand's name

inline constexpr int kExitOutOfMemory = 3;  // the exit status when memory ran out

// Language is the language of the messages, help and tables for people.
enum class Language { kChinese, kEnglish };

// set_up_language takes `--lang zh|en` out of `words`, chooses the language
// (the flag, else the locale: zh_* is Chinese, anything else English) and
// points gettext at fazhi's catalogue. It returns the bad value of a --lang
// it could not read, as a message, after setting up the rest.
std::optional<std::string> set_up_language(Args& words, Language& chosen);

int run_calendar(const Args& args);
int run_report(const Args& args);
int run_check(const Args& args);
int run_draw(const Args& args);
int run_verify(const Args& args);
int run_sample(const Args& args);
int run_announce(const Args& args);
int run_metrics(const Args& args);
int run_docs(const Args& args);  // hidden: the generated documents of docs/

// fail prints "fazhi: <message>" on stderr and returns 1; usage() returns 2
// and says how to get help. Messages come translated (_()).
// A library status fails the same way, but ResourceExhausted (memory ran
// out) is told as such and returns kExitOutOfMemory.
int fail(const std::string& message);
int fail(const absl::Status& status);
int usage(const std::string& message);

}  // namespace fazhi::cli

#endif  // FAZHI_CLI_COMMANDS_HPP_
