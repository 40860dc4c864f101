// fazhi -- the command line: turns a folder of exported CSV files into the
// report, checks data, and answers calendar questions. See README.md and docs/.
// Messages, help and tables for people come through gettext (po/), in the
// locale's language or --lang's; JSON and codes never change with it.
#include <cstdio>
#include <cstring>
#include <exception>
#include <iostream>
#include <new>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/substitute.h"
#include "commands.hpp"
#include "fazhi/text.hpp"
#include "fazhi_version.h"

namespace fazhi::cli {
namespace {
// The out-of-memory message, looked up once the language is set up: when
// memory has run out, printing it must not need a catalogue lookup.
const char* g_out_of_memory = "out of memory: the command did not finish";
}  // namespace

// A message may quote the data or the command line: display_text keeps it
// one line of visible text. A library's message made from a notice template
// (a file or folder refused whole: platform/notices.hpp) is told in the
// reader's language, as notices are (notice_line); a load that refused every
// file gives one such line per file, each told so, on the one line.
int fail(const std::string& message) {
  std::string line;
  for (absl::string_view piece : absl::StrSplit(message, '\n')) {
    absl::StrAppend(&line, line.empty() ? "" : "\\n", notice_line(std_view(piece)));
  }
  std::cerr << "fazhi: " << line << "\n";
  return 1;
}

int fail(const absl::Status& status) {
  if (status.code() == absl::StatusCode::kResourceExhausted) {
    std::cerr << "fazhi: "
              << absl::Substitute(_("out of memory: the command did not finish ($0)"),
                                  display_text(std_view(status.message())))
              << "\n";
    return kExitOutOfMemory;
  }
  return fail(std::string(status.message()));
}

int usage(const std::string& message) {
  std::cerr << "fazhi: " << display_text(message) << "\n" << _("(run 'fazhi help' for the commands)") << "\n";
  return 2;
}

namespace {

struct Command {
  std::string_view name;
  int (*run)(const Args&);
  const char* synopsis;  // N_(): one entry of `fazhi help`; nullptr hides the command
  const char* help;      // N_(): `fazhi <command> --help`
};

// The help texts keep the option names as they are typed; only the words
// around them are translated.
constexpr Command kCommands[] = {
    {"report", run_report,
     N_("report --data DIR (--region CODE|NAME | --all-regions) (--year YYYY | --from DATE --to DATE)\n"
        "         [--format text|json|markdown|xlsx|html] [--out FILE] [--with departments,follow-ups]\n"
        "         [--profile FILE] [--calendar FILE]\n"
        "  report --tally FILE (--region CODE | --all-regions) [--format ...] [--profile FILE]"),
     N_("usage: fazhi report --data DIR (--region CODE|NAME | --all-regions)\n"
        "                   (--year YYYY | --from DATE --to DATE) [options]\n"
        "\n"
        "The report of one region (a district, or a city or province rolled up from its\n"
        "districts) for a year or a range of dates, from a folder of exported record files.\n"
        "\n"
        "options:\n"
        "  --data DIR           the folder of record files (docs/data.md)\n"
        "  --tally FILE         instead of --data: a tally (fazhi tally, fazhi merge), which holds\n"
        "                       its period; --region 000000 is 全国 (docs/tally.md)\n"
        "  --region CODE|NAME   a 6-digit region code (440111) or a name of regions.csv (白云区)\n"
        "  --all-regions        every region: JSON, or a comparison table as text or markdown\n"
        "  --metrics ID,ID,...  with --all-regions: the metrics to compare (default: the headline ones)\n"
        "  --year YYYY          a calendar year; or --from DATE --to DATE (YYYY-MM-DD)\n"
        "  --format FORMAT      text (the default), markdown, json, xlsx (a workbook) or html (a\n"
        "                       printable page with charts)\n"
        "  --out FILE           where xlsx or html goes (html without it: standard output)\n"
        "  --with WHAT,...      with --format xlsx and --region: add the department table\n"
        "                       (departments) and the follow-up lists (follow-ups) as sheets;\n"
        "                       they name cases (personal data), so never by default\n"
        "  --profile FILE       the bureau's profile: rounding, 口径, limits (docs/profile.md)\n"
        "  --calendar FILE      more holidays and make-up working days (CSV: date,workday)\n"
        "  --lang zh|en         the language for people (default: the locale's)\n"
        "\n"
        "The report goes to standard output; warnings and errors go to standard error.\n"
        "JSON is the same in every language.\n")},
    {"table", run_table,
     N_("table --data DIR --region CODE|NAME (--year YYYY | --from DATE --to DATE) --metric ID --by DIM[,DIM2]\n"
        "         [--top N] [--format text|json|markdown|xlsx] [--out FILE] [--profile FILE] [--calendar FILE]\n"
        "         (a breakdown or cross-table)"),
     N_("usage: fazhi table --data DIR --region CODE|NAME (--year YYYY | --from DATE --to DATE)\n"
        "                  --metric ID --by DIM[,DIM2] [--top N] [--format text|json|markdown|xlsx]\n"
        "                  [--out FILE] [--profile FILE] [--calendar FILE]\n"
        "\n"
        "One metric of one region broken down by a dimension of its records (docs/data.md,\n"
        "\"Dimensions\"), or by two as a cross-table: each row's value, share, year-ago\n"
        "value, change and rank, and the total. --top N folds the rows after the first N\n"
        "into 其他. --region 000000 (or 全国) is the whole dataset, by province.\n"
        "--format xlsx writes a workbook to --out FILE (each value a number with its\n"
        "published text beside it); --out FILE writes the other formats to a file.\n")},
    {"tally", run_tally,
     N_("tally --data DIR (--year YYYY | --from DATE --to DATE) [--region CODE|NAME] --out FILE\n"
        "         [--profile FILE] [--calendar FILE]   (a portable tally: counts, no records)"),
     N_("usage: fazhi tally --data DIR (--year YYYY | --from DATE --to DATE) [--region CODE|NAME]\n"
        "                  --out FILE [--profile FILE] [--calendar FILE]\n"
        "\n"
        "Counts the records of a folder into a tally: every counter the report is made\n"
        "from, by district, and the counts of the profile's breakdowns and series by\n"
        "district and value (agency names and categories are the only text kept), with\n"
        "no case id or person's name (docs/tally.md lists every field). Tallies of\n"
        "disjoint regions merge exactly (fazhi merge), and 'fazhi report --tally'\n"
        "reports from one what the pooled records would give.\n"
        "FILE ending in .json is written as JSON text, any other as CBOR.\n")},
    {"merge", run_merge,
     N_("merge FILE... --out FILE   (tallies of disjoint regions -> the tally of them all)"),
     N_("usage: fazhi merge FILE... --out FILE\n"
        "\n"
        "Merges tallies of disjoint regions (districts into their city, cities into their\n"
        "province, provinces into 全国 000000). Refuses a damaged or altered file, the same\n"
        "district twice, and tallies of different periods, profiles, tables, calendars or\n"
        "versions.\n")},
    {"series", run_series,
     N_("series --data DIR --region CODE|NAME (--year YYYY | --from DATE --to DATE) --metric ID [--by month|quarter]\n"
        "         [--format text|json|markdown|xlsx] [--out FILE] [--profile FILE] [--calendar FILE]"),
     N_("usage: fazhi series --data DIR --region CODE|NAME (--year YYYY | --from DATE --to DATE)\n"
        "                   --metric ID [--by month|quarter] [--format text|json|markdown|xlsx]\n"
        "                   [--out FILE] [--profile FILE] [--calendar FILE]\n"
        "\n"
        "One metric of one region month by month (or quarter by quarter) inside the period,\n"
        "every month present. --format xlsx writes a workbook to --out FILE.\n")},
    {"cases", run_cases,
     N_("cases --data DIR --region CODE|NAME (--year YYYY | --from DATE --to DATE)\n"
        "         (--metric ID [--part numerator|denominator] [--by DIM --key KEY [--top N]] | --follow-up NAME)\n"
        "         [--format text|json|csv|xlsx] [--out FILE] [--profile FILE] [--calendar FILE]   (the records behind a figure)"),
     N_("usage: fazhi cases --data DIR --region CODE|NAME (--year YYYY | --from DATE --to DATE)\n"
        "                  (--metric ID [--part numerator|denominator] [--by DIM --key KEY [--top N]]\n"
        "                   | --follow-up NAME)\n"
        "                  [--format text|json|csv|xlsx] [--out FILE] [--profile FILE] [--calendar FILE]\n"
        "       fazhi cases --follow-ups\n"
        "\n"
        "The records behind one figure of one region: a count's records, or a rate's\n"
        "numerator or denominator (--part), each with the reason it is counted. A list\n"
        "has exactly as many records as its figure counts. --follow-up NAME gives a\n"
        "follow-up list (督办清单) instead; --follow-ups lists their names.\n"
        "--format xlsx writes a workbook to --out FILE: the records' columns under their\n"
        "Chinese headers, dates as dates and numbers as numbers.\n"
        "\n"
        "--by DIM --key KEY lists the records of one row of the figure's breakdown\n"
        "(fazhi table --by DIM), KEY as the table's JSON writes the row's key: a code, an\n"
        "agency, a region code, 2019-03; '' for the row 未填; '*other' for the row 其他\n"
        "that the rows after the first N fold into (--top N, or the profile's table).\n"
        "\n"
        "Case lists hold case ids and the records' columns: personal data, for the\n"
        "bureau's own follow-up, not for publication.\n")},
    {"departments", run_departments,
     N_("departments --data DIR --region CODE|NAME (--year YYYY | --from DATE --to DATE)\n"
        "         [--format text|json|xlsx] [--out FILE] [--profile FILE] [--calendar FILE]   (agencies ranked, 考核)"),
     N_("usage: fazhi departments --data DIR --region CODE|NAME (--year YYYY | --from DATE --to DATE)\n"
        "                        [--format text|json|xlsx] [--out FILE] [--profile FILE] [--calendar FILE]\n"
        "\n"
        "The figures of each respondent and defendant agency of a region (reconsideration\n"
        "cases and corrections, lawsuits, losses, hearings and head appearances, lawyer-only\n"
        "appearances, late or missing defences), each ranked among the agencies, with its\n"
        "case ids; and the assessment (考核) of the profile's \"departments\" key, every\n"
        "deduction traced to its cases or its figure (docs/departments.md). --format xlsx\n"
        "writes a workbook to --out FILE: the table, the deductions and the case ids.\n")},
    {"check", run_check,
     N_("check --data DIR [--strict] [--encoding auto|utf-8|gb18030] [--threads N]\n"
        "         (load only; print the counts and every rejected row)"),
     N_("usage: fazhi check --data DIR [--strict] [--encoding auto|utf-8|gb18030] [--threads N]\n"
        "\n"
        "Loads a folder of record files without computing anything, and prints for each\n"
        "file the rows read, kept and rejected, then every rejected row with its file,\n"
        "line, column and reason. Exit status 1 when a row was rejected.\n"
        "\n"
        "options:\n"
        "  --data DIR           the folder of record files (docs/data.md)\n"
        "  --strict             refuse a whole file when one of its rows is bad\n"
        "  --encoding ENC       auto (the default: UTF-8, else GB18030), utf-8 or gb18030\n"
        "  --threads N          threads to load with (0: as many as the machine has)\n"
        "  --lang zh|en         the language for people (default: the locale's)\n")},
    {"calendar", run_calendar,
     N_("calendar is-workday DATE | between A B | add-workdays DATE N |\n"
        "         period-end DATE N [days|workdays|months] | deadline LIMIT DATE |\n"
        "         time-limits (the legal time limits, as docs/time_limits.md) [--calendar FILE]"),
     N_("usage: fazhi calendar QUESTION [--calendar FILE]\n"
        "\n"
        "Working days and the ends of statutory periods, on the national calendar\n"
        "(holidays and make-up working days) and any days --calendar FILE adds.\n"
        "\n"
        "questions:\n"
        "  is-workday DATE                        is DATE a working day?\n"
        "  between A B                            working days after A up to B\n"
        "  add-workdays DATE N                    the Nth working day after DATE\n"
        "  period-end DATE N [days|workdays|months]  the last day of a period of N units\n"
        "  deadline LIMIT DATE                    the last day of a legal time limit from DATE\n"
        "  time-limits                            the legal time limits (docs/time_limits.md)\n")},
    {"announce", run_announce,
     N_("announce draw --case CASE_ID --pool LIST|@FILE [--exclude LIST|@FILE]\n"
        "         [--at-cap LIST|@FILE] | announce sample [--batch ID] --targets LIST|@FILE --k K\n"
        "         --inspectors LIST|@FILE --m M [--conflicts LIST|@FILE]\n"
        "         [--json] [--out ANN.json]   (fix a draw's lists before the seed exists)"),
     N_("usage: fazhi announce draw --case CASE_ID --pool LIST|@FILE [--exclude LIST|@FILE]\n"
        "                          [--at-cap LIST|@FILE] [--json] [--out ANN.json]\n"
        "       fazhi announce sample [--batch ID] --targets LIST|@FILE --k K\n"
        "                          --inspectors LIST|@FILE --m M [--conflicts LIST|@FILE]\n"
        "                          [--json] [--out ANN.json]\n"
        "\n"
        "Fixes the lists of a lottery draw or of an inspection sample before the seed\n"
        "exists: publish the announcement (or its hash), then draw with --announcement.\n"
        "A LIST is ids separated by commas; @FILE reads one id a line (docs/lottery.md).\n")},
    {"draw", run_draw,
     N_("draw --seed SEED (--announcement ANN.json | --case CASE_ID --pool LIST|@FILE\n"
        "         [--exclude LIST|@FILE] [--at-cap LIST|@FILE]) [--json] [--out AUDIT.json]\n"
        "         (legal-aid lottery, 摇珠)"),
     N_("usage: fazhi draw --seed SEED (--announcement ANN.json | --case CASE_ID --pool LIST|@FILE\n"
        "                 [--exclude LIST|@FILE] [--at-cap LIST|@FILE]) [--json] [--out AUDIT.json]\n"
        "\n"
        "Draws the lawyer of a legal-aid case by lottery (摇珠) from the seed and the\n"
        "pool, less the excluded lawyers and those at their caseload cap, and writes\n"
        "the audit record anyone can check with 'fazhi verify' (docs/lottery.md).\n")},
    {"verify", run_verify,
     N_("verify AUDIT.json|- [--announcement ANN.json]   (re-check a draw or sample audit record)"),
     N_("usage: fazhi verify AUDIT.json|- [--announcement ANN.json]\n"
        "\n"
        "Recomputes a draw's or a sample's audit record (- reads standard input) and,\n"
        "with --announcement, checks that its lists are the announced ones.\n")},
    {"sample", run_sample,
     N_("sample --seed SEED (--announcement ANN.json | [--batch ID] --targets LIST|@FILE --k K\n"
        "         --inspectors LIST|@FILE --m M [--conflicts LIST|@FILE])\n"
        "         [--json] [--out AUDIT.json]   (双随机)"),
     N_("usage: fazhi sample --seed SEED (--announcement ANN.json | [--batch ID] --targets LIST|@FILE\n"
        "                   --k K --inspectors LIST|@FILE --m M [--conflicts LIST|@FILE])\n"
        "                   [--json] [--out AUDIT.json]\n"
        "\n"
        "Draws K inspection targets and M inspectors for each (双随机), never an\n"
        "inspector with a declared conflict, and writes the audit record.\n")},
    {"metrics", run_metrics,
     N_("metrics [--format text|json|markdown]   (the metric catalogue, as docs/metrics.md)"),
     N_("usage: fazhi metrics [--format text|json|markdown]\n"
        "\n"
        "The metric catalogue: each metric's id, Chinese label, unit and kind (text), or\n"
        "with its definition and article (json, markdown: docs/metrics.md).\n")},
    // Hidden from help: writes docs/data.md, docs/metrics.md, docs/profile.md.
    {"docs", run_docs, nullptr, nullptr},
};

void print_help() {
  std::cout << _("usage: fazhi <command> [options]") << "\n\n" << _("commands:") << "\n";
  for (const Command& c : kCommands) {
    if (c.synopsis != nullptr) std::cout << "  " << _(c.synopsis) << "\n";
  }
  std::cout << "\n"
            << _("'fazhi <command> --help' explains one command. Every command takes --lang zh|en;\n"
                 "the default is the locale's language (LANG, LC_MESSAGES, LC_ALL).")
            << "\n";
}

void print_version() {
  std::cout << "fazhi " << FZ_VERSION_STRING << "\n"
            << _("Statistics and reports of a justice bureau: administrative reconsideration,\n"
                 "litigation, legal aid and mediation, from exported case records.")
            << "\n";
}

bool asks_for_help(const Args& args) {
  for (const std::string& a : args) {
    if (a == "--help" || a == "-h") return true;
  }
  return false;
}

}  // namespace
}  // namespace fazhi::cli

int main(int argc, char** argv) {
  using namespace fazhi::cli;
  const char* bad_lang = nullptr;
  use_language(choose_language(argc, argv, bad_lang));
  g_out_of_memory = _("out of memory: the command did not finish");
  try {
    if (bad_lang != nullptr) return usage(absl::Substitute(_("--lang is zh or en, not '$0'"), bad_lang));
    const Args words = without_lang(Args(argv + 1, argv + argc));
    if (words.empty()) {
      print_help();
      return 2;
    }
    const std::string& name = words[0];
    if (name == "help" || name == "--help" || name == "-h") {
      for (const Command& c : kCommands) {
        if (words.size() == 2 && c.help != nullptr && c.name == words[1]) {
          std::cout << _(c.help);
          return 0;
        }
      }
      print_help();
      return 0;
    }
    if (name == "--version" || name == "version") {
      print_version();
      return 0;
    }
    for (const Command& c : kCommands) {
      if (c.name != name) continue;
      Args rest(words.begin() + 1, words.end());
      if (c.help != nullptr && asks_for_help(rest)) {
        std::cout << _(c.help);
        return 0;
      }
      return c.run(rest);
    }
    return usage(absl::Substitute(_("unknown command '$0'"), name));
  } catch (const std::bad_alloc&) {
    // Written without allocating: there may be nothing left to allocate.
    std::fputs("fazhi: ", stderr);
    std::fputs(g_out_of_memory, stderr);
    std::fputs("\n", stderr);
    return kExitOutOfMemory;
  } catch (const std::exception& e) {
    return fail(absl::Substitute(_("internal error: $0"), e.what()));
  }
}
