// The fazhi command-line tool's subcommands. Each is thin: it parses its flags,
// calls the library, prints, and returns the process exit status (0 success,
// 1 a failure reported on stderr as one line, 2 a usage error).
#ifndef FAZHI_CLI_COMMANDS_HPP_
#define FAZHI_CLI_COMMANDS_HPP_

#include <string>
#include <vector>

namespace fazhi::cli {

using Args = std::vector<std::string>;  // the words after the subcommand's name

int run_calendar(const Args& args);
int run_report(const Args& args);
int run_check(const Args& args);
int run_draw(const Args& args);
int run_verify(const Args& args);
int run_sample(const Args& args);
int run_announce(const Args& args);
int run_metrics(const Args& args);
int run_docs(const Args& args);  // hidden: the generated documents of docs/

// fail prints "fazhi: <message>" on stderr and returns 1; usage() returns 2.
int fail(const std::string& message);
int usage(const std::string& message);

}  // namespace fazhi::cli

#endif  // FAZHI_CLI_COMMANDS_HPP_
