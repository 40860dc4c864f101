// fazhi check: load a data folder and say what was kept and what was not.
//
//   fazhi check --data DIR [--strict] [--encoding auto|utf-8|gb18030] [--threads N]
//
// Prints the rows read, kept and rejected per file (and the optional columns
// it lacks), every rejected row as
// `file:line: column: reason`, and the notices; exits 1 when a row was
// rejected or the load failed.
#include <iostream>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_join.h"
#include "absl/strings/substitute.h"
#include "commands.hpp"
#include "fazhi/dataset.hpp"
#include "fazhi/text.hpp"

namespace fazhi::cli {

int run_check(const Args& args) {
  std::string dir;
  LoadOptions options;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& out) {
      if (i + 1 >= args.size()) return false;
      out = args[++i];
      return true;
    };
    std::string v;
    if (a == "--data") {
      if (!value(dir)) return usage(_("--data needs a folder"));
    } else if (a == "--strict") {
      options.strict = true;
    } else if (a == "--encoding") {
      if (!value(v)) return usage(_("--encoding needs auto, utf-8 or gb18030"));
      v = absl::AsciiStrToLower(v);
      if (v == "auto") {
        options.encoding = Encoding::kDetect;
      } else if (v == "utf-8" || v == "utf8") {
        options.encoding = Encoding::kUtf8;
      } else if (v == "gb18030" || v == "gbk") {
        options.encoding = Encoding::kGb18030;
      } else {
        return usage(absl::Substitute(_("unknown encoding '$0' (auto, utf-8 or gb18030)"), v));
      }
    } else if (a == "--threads") {
      if (!value(v) || !absl::SimpleAtoi(v, &options.threads) || options.threads < 0) {
        return usage(_("--threads needs a number"));
      }
    } else {
      return usage(absl::Substitute(_("unknown option '$0'"), a));
    }
  }
  if (dir.empty()) return usage(_("check needs --data DIR"));

  Dataset ds;
  options.keep_ids = false;  // checked for duplicates, not needed after
  options.seal = true;       // the only load
  absl::StatusOr<LoadSummary> summary = ds.load_dir(dir, options);
  if (!summary.ok()) return fail(summary.status());
  // File names, columns, reasons and notices quote the data: display_text
  // keeps each on its one line, shown rather than obeyed by the terminal.
  for (const FileSummary& f : summary->files) {
    if (!f.refused.empty()) {
      std::cout << absl::Substitute(_("refused: $0"), notice_line(f.refused)) << "\n";
      continue;
    }
    std::cout << absl::Substitute(_("$0 ($1, $2): read $3, kept $4, rejected $5"), display_text(f.file),
                                  absl_view(kind_name(f.kind)), display_text(f.encoding), f.rows_read, f.rows_kept,
                                  f.rows_rejected)
              << "\n";
    if (!f.missing_columns.empty()) {
      std::cout << "  " << absl::Substitute(_("optional columns missing: $0"), absl::StrJoin(f.missing_columns, _(", ")))
                << "\n";
    }
  }
  for (const Rejection& r : ds.rejects()) std::cout << rejection_line(r) << "\n";
  for (const std::string& n : summary->notices) {
    std::cout << absl::Substitute(_("notice: $0"), notice_line(n)) << "\n";
  }
  const int64_t rejected = summary->rows_rejected();
  std::cout << absl::Substitute(_("$0 rows read, $1 kept, $2 rejected"), summary->rows_read(),
                                summary->rows_read() - rejected, rejected)
            << "\n";
  return rejected == 0 && summary->files_refused() == 0 ? 0 : 1;
}

}  // namespace fazhi::cli
