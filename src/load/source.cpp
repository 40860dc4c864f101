// source.cpp -- a record file's text on its way in: the encoding steps, the
// row-count guess, the texts of rejections (source.hpp).
#include "load/source.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "platform/parallel.hpp"
#include "platform/notices.hpp"

namespace fazhi::internal {

std::string cut_raw(std::string_view row) {
  // Bad bytes grow threefold as U+FFFD: replace them first, then cut. No
  // character that starts within the first kMaxRawText bytes is split by
  // the first cut, 4 bytes further.
  std::string text = to_valid_utf8(row.substr(0, kMaxRawText + 4));
  if (text.size() > kMaxRawText) {
    size_t n = kMaxRawText;
    while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;  // whole characters
    text.resize(n);
  }
  return text;
}

std::string_view issue_reason(CsvIssue issue) {
  switch (issue) {
    case CsvIssue::kUnterminatedQuote:
      return "unterminated quoted field (its closing quote is missing)";
    case CsvIssue::kTextAfterQuote:
      return "text after the closing quote of a quoted field";
    case CsvIssue::kFieldTooLong:
      return "field longer than 1 MiB";
    case CsvIssue::kRowTooLong:
      return "row longer than 1 MiB";
    case CsvIssue::kNone:
      break;
  }
  return "";
}

std::string describe(const Rejection& r) {
  if (r.column.empty()) return absl::StrCat(r.file, ":", r.line, ": ", r.reason);
  return absl::StrCat(r.file, ":", r.line, ": ", r.column, ": ", r.reason);
}

void run_tasks(std::vector<Task>& tasks, int threads) {
  std::stable_sort(tasks.begin(), tasks.end(),
                   [](const Task& a, const Task& b) { return a.weight > b.weight; });
  parallel_for(tasks.size(), threads, [&](size_t i) { tasks[i].run(); });
  tasks.clear();
}

absl::Status check_line_breaks(const Source& src) {
  const std::string_view head = src.raw.substr(0, kHeaderWindow);
  if (src.raw.size() <= kHeaderWindow || head.find_first_of("\r\n") != std::string_view::npos) {
    return absl::OkStatus();
  }
  const bool zeros = head.find_first_not_of('\0') == std::string_view::npos;
  return absl::InvalidArgumentError(absl::StrCat(
      src.name, ": no line break in its first ", kHeaderWindow, " bytes",
      zeros ? " (all zero bytes: a file cut short or zero-filled, as after a crash?)" : "",
      "; not CSV rows; the file is refused"));
}

absl::Status use_gb18030(Source& src, std::string converted, std::vector<OddLine> odd) {
  src.converted = std::move(converted);
  src.odd = std::move(odd);
  src.text = src.converted;
  if (src.text.starts_with("\xEF\xBB\xBF")) {  // a GB18030 BOM (U+FEFF)
    src.text.remove_prefix(3);
    for (OddLine& o : src.odd) {
      o.begin = o.begin < 3 ? 0 : o.begin - 3;
      o.end = o.end < 3 ? 0 : o.end - 3;
    }
  }
  src.gb18030 = true;
  src.check_utf8 = false;
  if (src.cr_line_ends) lone_cr_to_lf(src.converted);  // in place: src.text stays valid
  if (!src.odd.empty() && !src.odd.front().utf8) {
    CsvReader reader(src.text, 1);
    CsvRow header;
    if (reader.next(header) && src.odd.front().begin < header.next) {
      const size_t bad = src.odd.front().bad;
      const int64_t line = 1 + static_cast<int64_t>(count_byte(src.raw.substr(0, bad), '\n'));
      return absl::InvalidArgumentError(absl::StrCat(
          src.name, ":", line, ": neither UTF-8 nor GB18030 (bad byte at offset ", bad, ")"));
    }
  }
  return absl::OkStatus();
}

absl::Status convert_gb18030(Source& src, int threads) {
  std::vector<OddLine> odd;
  src.read_all();
  std::string converted = gb18030_lines_to_utf8(src.raw, threads, odd);
  src.drop_all();  // read from the copy now
  return use_gb18030(src, std::move(converted), std::move(odd));
}

void notice_odd_lines(const Source& src, std::vector<std::string>& notices) {
  size_t utf8 = 0;
  for (const OddLine& o : src.odd) utf8 += o.utf8 ? 1 : 0;
  if (utf8 > 0) {
    notices.push_back(make_notice(kNoticeUtf8LinesInGb18030, src.name, utf8));
  }
  if (src.odd.size() > utf8) {
    notices.push_back(make_notice(kNoticeUndecodableLines, src.name, src.odd.size() - utf8));
  }
}

size_t guess_rows(const Source& src, size_t begin, size_t end) {
  const std::string_view text = src.text.substr(begin, end - begin);
  if (text.size() <= kRowSamples * kRowWindow) {
    src.ensure(begin, end);
    return count_byte(text, '\n') + 1;
  }
  const size_t stride = text.size() / kRowSamples;  // >= kRowWindow
  size_t lines = 0;
  std::string window;
  for (size_t k = 0; k < kRowSamples; ++k) {
    lines += count_byte(src.sample(begin + k * stride, kRowWindow, window), '\n');
  }
  // lines * size / (kRowSamples * kRowWindow), without overflow for any size.
  const size_t sampled = kRowSamples * kRowWindow;
  const size_t scaled = text.size() / sampled * lines + text.size() % sampled * lines / sampled + 1;
  return scaled + scaled / 128;
}

[[gnu::noinline]] void extend_view(const Source& src, size_t at, int64_t line, size_t to,
                                   size_t max_fields, std::string_view& view, CsvReader& reader) {
  to = std::min(src.text.size(), to);
  src.ensure(at, to);
  view = src.text.substr(0, to);
  reader = CsvReader(view, line, max_fields);
  reader.seek(at, line);
}

}  // namespace fazhi::internal
