// fazhi -- the command line: turns a folder of exported CSV files into the
// report, checks data, and answers calendar questions. See README.md and docs/.
#include <cstdio>
#include <cstring>
#include <exception>
#include <iostream>
#include <new>
#include <string_view>

#include "commands.hpp"
#include "fazhi/text.hpp"

namespace fazhi::cli {
namespace {
constexpr const char* kOutOfMemoryMessage = "fazhi: 内存不足，命令未能完成";
}  // namespace

// A message may quote the data or the command line: display_text keeps it
// one line of visible text.
int fail(const std::string& message) {
  std::cerr << "fazhi: " << display_text(message) << "\n";
  return 1;
}

int fail(const absl::Status& status) {
  if (status.code() == absl::StatusCode::kResourceExhausted) {
    std::cerr << kOutOfMemoryMessage << "（" << display_text(std_view(status.message())) << "）\n";
    return kExitOutOfMemory;
  }
  return fail(std::string(status.message()));
}

int usage(const std::string& message) {
  std::cerr << "fazhi: " << display_text(message) << "\n(run 'fazhi help' for the commands)\n";
  return 2;
}

namespace {

struct Command {
  std::string_view name;
  int (*run)(const Args&);
  std::string_view synopsis;
};

constexpr Command kCommands[] = {
    {"report", run_report,
     "report --data DIR (--region CODE | --all-regions) (--year YYYY | --from DATE --to DATE)\n"
     "         [--format text|json|markdown] [--profile FILE] [--calendar FILE]"},
    {"table", run_table,
     "table --data DIR --region CODE (--year YYYY | --from DATE --to DATE) --metric ID --by DIM[,DIM2]\n"
     "         [--format text|json|markdown] [--profile FILE] [--calendar FILE]   (a breakdown or cross-table)"},
    {"series", run_series,
     "series --data DIR --region CODE (--year YYYY | --from DATE --to DATE) --metric ID [--by month|quarter]\n"
     "         [--format text|json|markdown] [--profile FILE] [--calendar FILE]"},
    {"check", run_check,
     "check --data DIR [--strict] [--encoding auto|utf-8|gb18030] [--threads N]\n"
     "         (load only; print the counts and every rejected row)"},
    {"calendar", run_calendar,
     "calendar is-workday DATE | between A B | add-workdays DATE N |\n"
     "         period-end DATE N [days|workdays|months] | deadline LIMIT DATE |\n"
     "         time-limits (the legal time limits, as docs/time_limits.md) [--calendar FILE]"},
    {"announce", run_announce,
     "announce draw --case CASE_ID --pool LIST|@FILE [--exclude LIST|@FILE]\n"
     "         [--at-cap LIST|@FILE] | announce sample [--batch ID] --targets LIST|@FILE --k K\n"
     "         --inspectors LIST|@FILE --m M [--conflicts LIST|@FILE]\n"
     "         [--json] [--out ANN.json]   (fix a draw's lists before the seed exists)"},
    {"draw", run_draw,
     "draw --seed SEED (--announcement ANN.json | --case CASE_ID --pool LIST|@FILE\n"
     "         [--exclude LIST|@FILE] [--at-cap LIST|@FILE]) [--json] [--out AUDIT.json]\n"
     "         (legal-aid lottery, 摇珠)"},
    {"verify", run_verify,
     "verify AUDIT.json|- [--announcement ANN.json]   (re-check a draw or sample audit record)"},
    {"sample", run_sample,
     "sample --seed SEED (--announcement ANN.json | [--batch ID] --targets LIST|@FILE --k K\n"
     "         --inspectors LIST|@FILE --m M [--conflicts LIST|@FILE])\n"
     "         [--json] [--out AUDIT.json]   (双随机)"},
    {"metrics", run_metrics,
     "metrics [--format text|json|markdown]   (the metric catalogue, as docs/metrics.md)"},
    // Hidden from help: writes docs/data.md, docs/metrics.md, docs/profile.md.
    {"docs", run_docs, ""},
};

void print_help() {
  std::cout << "usage: fazhi <command> [options]\n\ncommands:\n";
  for (const Command& c : kCommands) {
    if (!c.synopsis.empty()) std::cout << "  " << c.synopsis << "\n";
  }
}

}  // namespace
}  // namespace fazhi::cli

int main(int argc, char** argv) {
  using namespace fazhi::cli;
  if (argc < 2 || std::strcmp(argv[1], "help") == 0 || std::strcmp(argv[1], "--help") == 0) {
    print_help();
    return argc < 2 ? 2 : 0;
  }
  try {
    for (const Command& c : kCommands) {
      if (c.name == argv[1]) return c.run(Args(argv + 2, argv + argc));
    }
    return usage(std::string("unknown command '") + argv[1] + "'");
  } catch (const std::bad_alloc&) {
    // Written without allocating: there may be nothing left to allocate.
    std::fputs(kOutOfMemoryMessage, stderr);
    std::fputs("\n", stderr);
    return kExitOutOfMemory;
  } catch (const std::exception& e) {
    return fail(std::string("内部错误：") + e.what());
  }
}
