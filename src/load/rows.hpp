// rows.hpp -- the rows of one range read into its columns (internal): the
// CSV reader, the UTF-8 and NUL checks a window at a time, each field by its
// column's reader and the kind's row rules (kinds.hpp), and the kept rows'
// text looked up in the range's dictionary as a pipeline. parse_rows is the
// loader's inner loop: it is compiled once per kind, flattened.
#ifndef FAZHI_SRC_LOAD_ROWS_HPP_
#define FAZHI_SRC_LOAD_ROWS_HPP_

#include <algorithm>
#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "fazhi/dataset.hpp"
#include "load/csv.hpp"
#include "load/encoding.hpp"
#include "load/header.hpp"
#include "load/kinds.hpp"
#include "load/range.hpp"
#include "load/source.hpp"
#include "platform/bytes.hpp"
#include "platform/huge_pages.hpp"

namespace fazhi::internal {

// FileLoad is one file (or buffer) of kind K on its way in: its header
// (FileHead), then its cuts, its ranges and their rejections.
template <typename K>
struct FileLoad : FileHead {
  bool pending = true;  // needs splitting and parsing
  std::vector<size_t> cuts;
  std::vector<size_t> quotes;
  std::vector<std::unique_ptr<RangeOut<K>>> ranges;
  std::atomic<bool> not_utf8{false};
  std::vector<Rejection> merged;  // every rejection, in line order
};

// column_at is the name of the column whose field holds byte `at` of the
// text (empty when no named column's does).
template <typename K>
std::string_view column_at(const FileLoad<K>& f, const CsvRow& row, const char* at) {
  for (size_t i = 0; i < row.fields.size() && i < f.role.size(); ++i) {
    const std::string_view field = row.fields[i];
    if (f.role[i] >= 0 && at >= field.data() && at < field.data() + field.size()) {
      return K::kColumns[f.role[i]].name;
    }
  }
  return {};
}

// column_label is a column's header for people: its first Chinese alias
// (docs/data.md), "" for a whole-row problem.
template <typename K>
std::string_view column_label(std::string_view column) {
  for (const ColumnDef& c : K::kColumns) {
    if (c.name == column) return c.aliases.empty() ? std::string_view() : c.aliases.front();
  }
  return {};
}

// read_row reads one CSV row; false (with the problem) when it is rejected.
template <typename K>
bool read_row(const FileLoad<K>& f, const CsvRow& row, typename K::Row& r, Problem& p) {
  if (row.issue != CsvIssue::kNone) {
    p.column = row.issue_field < f.role.size() && f.role[row.issue_field] >= 0
                   ? K::kColumns[f.role[row.issue_field]].name
                   : std::string_view();
    p.reason = std::string(issue_reason(row.issue));
    p.code = RejectCode::kMalformed;
    return false;
  }
  if (row.field_count != f.header_fields) {
    p.column = {};
    p.reason = absl::StrCat("expected ", f.header_fields, " fields as in the header, found ",
                            row.field_count);
    say(p, N_("the row has $1 fields, the header $0"),
        {absl::StrCat(f.header_fields), absl::StrCat(row.field_count)});
    p.code = RejectCode::kMalformed;
    if (has_lone_cr(f.src.text.substr(row.begin, row.end - row.begin))) {
      // Another line-end style inside a CRLF or LF file joins rows into one.
      absl::StrAppend(&p.reason, "（行内有单独的回车符 CR：可能混用了换行方式，几行被读成了一行）");
    }
    return false;
  }
  if (f.canonical) {
    // Exports write docs/data.md's columns in its order: field C is column C, so
    // each field's reader is known when this is compiled (no dispatch on the
    // column per field). The readers run in the same order as below.
    // A header of the first n columns leaves the later ones at "not given".
    const size_t n = f.header_fields;
    auto read_all = [&]<size_t... C>(std::index_sequence<C...>) {
      return ((C >= n || K::parse(static_cast<uint8_t>(C), row.fields[C], r, p)) && ...);
    };
    if (!read_all(std::make_index_sequence<std::size(K::kColumns)>{})) return false;
  } else {
    for (const auto& [field, col] : f.active) {
      if (!K::parse(col, row.fields[field], r, p)) return false;
    }
  }
  return K::check(r, p);
}

// RowBatch holds rows that passed their checks so that their text is looked
// up in the range's dictionary as a pipeline: a row's slots are prefetched
// when it arrives, its entries kLag rows later, and it is staged kLag rows
// after that, so the cache misses of many rows overlap.
template <typename K>
struct RowBatch {
  static constexpr size_t kLag = 8;
  static constexpr size_t kSize = 2 * kLag;  // a ring
  static constexpr size_t kTexts = std::tuple_size_v<decltype(K::kRowText)>;
  struct Held {
    typename K::Row row;
    size_t begin;
    std::array<std::string_view, kTexts> texts;
    std::array<uint64_t, kTexts> hashes;
  };
  std::array<Held, kSize> rows;
  size_t head = 0;  // rows added
  size_t tail = 0;  // rows staged

  void add(RangeOut<K>& out, const typename K::Row& row, size_t begin) {
    if (head - tail == kSize) stage(out);
    Held& h = rows[head % kSize];
    h.row = row;
    h.begin = begin;
    size_t k = 0;
    std::apply([&](auto... m) { ((h.texts[k++] = row.*m), ...); }, K::kRowText);
    for (k = 0; k < kTexts; ++k) {
      h.hashes[k] = TextTable::hash(h.texts[k]);
      if (!h.texts[k].empty()) out.texts.prefetch_slot(h.hashes[k]);
    }
    if constexpr (K::kIndexedRegion) out.regions.prefetch(row.region);
    if (head >= kLag) {
      const Held& mid = rows[(head - kLag) % kSize];
      for (k = 0; k < kTexts; ++k) {
        if (!mid.texts[k].empty()) out.texts.prefetch_entry(mid.hashes[k]);
      }
    }
    ++head;
  }
  void stage(RangeOut<K>& out) {
    const Held& h = rows[tail % kSize];
    stage_row(out, h.row, h.begin - out.begin, h.texts, h.hashes);
    ++tail;
  }
  void flush(RangeOut<K>& out) {
    while (tail < head) stage(out);
  }
  // held_from is where the oldest row still held begins (its text is in use).
  size_t held_from(size_t otherwise) const {
    return tail < head ? std::min(otherwise, rows[tail % kSize].begin) : otherwise;
  }
};

// Utf8Window checks rows' UTF-8 a window of rows at a time rather than row by
// row (a call per row costs more than the check of its bytes). Windows start
// at a row and end just after a line feed, and rows start and end next to
// ASCII bytes, so a row inside a valid window is valid on its own; the valid
// part of a window before a bad byte counts too. A row holding a bad byte,
// or outrunning the window, is checked by itself, as before.
struct Utf8Window {
  static constexpr size_t kStep = size_t{256} << 10;
  size_t from = 0, to = 0;  // text[from, to) is valid UTF-8
  size_t bad = SIZE_MAX;    // the last bad byte found, if any
  bool row_ok(std::string_view text, size_t begin, size_t next) {
    if (begin >= from && next <= to) return true;
    if (bad >= begin && bad < next) return is_valid_utf8(text.substr(begin, next - begin));
    size_t end = std::min(text.size(), begin + kStep);
    if (end < text.size()) {
      const void* lf = std::memchr(text.data() + end, '\n', text.size() - end);
      end = lf == nullptr ? text.size()
                          : static_cast<size_t>(static_cast<const char*>(lf) - text.data()) + 1;
    }
    end = std::max(end, next);
    size_t at = 0;
    from = begin;
    if (is_valid_utf8(text.substr(begin, end - begin), &at)) {
      to = end;
      return true;
    }
    to = begin + at;
    bad = begin + at;
    return next <= to || is_valid_utf8(text.substr(begin, next - begin));
  }
};

// NulWindow finds the rows that hold a NUL byte, which no field may: a NUL
// ends a C string, so an id holding one would read as another id in C, Java
// or a database. It searches a window of the text at a time (memchr), not
// row by row, so a file without NULs costs one fast pass.
struct NulWindow {
  static constexpr size_t kStep = size_t{256} << 10;
  size_t from = 0, to = 0;  // text[from, to) was searched
  size_t nul = SIZE_MAX;    // the first NUL there (SIZE_MAX: none)
  // row_nul is the offset of a NUL in text[begin, next), or SIZE_MAX.
  size_t row_nul(std::string_view text, size_t begin, size_t next) {
    if (begin < from || next > to || nul < begin) {
      from = begin;
      to = std::max(next, std::min(text.size(), begin + kStep));
      const void* at = std::memchr(text.data() + begin, 0, to - begin);
      nul = at == nullptr ? SIZE_MAX : static_cast<size_t>(static_cast<const char*>(at) - text.data());
    }
    return nul < next ? nul : SIZE_MAX;
  }
};

template <typename K>
void parse_rows(FileLoad<K>& f, RangeOut<K>& out, bool strict);

// parse_range reads the rows of one range into its columns.
template <typename K>
void parse_range(FileLoad<K>& f, RangeOut<K>& out, bool strict) {
  // Kept rows are at most the line feeds, and at most one per header_fields
  // bytes (a kept row has every field, so header_fields - 1 commas and a line
  // break). Reserving about that many keeps the columns from growing (and
  // copying) as they fill. Counting every line feed first would read the
  // range twice, and fault its pages in twice; the line feeds of
  // kRowSamples windows spread over it are counted instead, scaled to the
  // whole range with a little to spare. Exports repeat one layout row after
  // row, so the guess is close; a range it falls short of grows its columns
  // as vectors do (hostile text, line feeds inside one quoted field or blank
  // lines, can make it loose the other way). Capacity the rows never reach
  // is never touched, so costs no memory while the range lives;
  // commit_ranges gives back what the dataset would keep.
  const size_t bytes = out.end - out.begin;
  const size_t rows = std::min(guess_rows(f.src, out.begin, out.end),
                               bytes / std::max<size_t>(f.header_fields, 1) + 1);
  for_each_member<K>([&](auto m) { reserve_guess(out.cols.*m, rows); });
  if constexpr (K::kHasId) {
    out.expected_rows = rows;
    out.block_off.reserve(rows / kRowBlock + 1);
  }
  parse_rows(f, out, strict);
}

// parse_rows is flattened: every call inside it (field readers, the row
// rules, staging, the columns' push_backs, the dictionary lookups) is inlined
// into one loop per kind, which GCC does not do by itself for code this size.
// It takes ~22% of the loader's instructions away (callgrind, 1M records)
// at the price of a slower compile of this file. Not in GCC's
// ThreadSanitizer build (scripts/test.sh's, for the concurrency tests, which
// check for races, not speed): instrumented at -O1 -g, the flattened loops
// took over four times as long to compile (227 s against 53 s of CPU for the
// seven kinds), the longest step of that build.
template <typename K>
#ifndef __SANITIZE_THREAD__
[[gnu::flatten]]
#endif
void parse_rows(FileLoad<K>& f, RangeOut<K>& out, bool strict) {
  const std::string_view text = f.src.text;
  // The reader and the UTF-8 check see the text read in so far (FileText):
  // view, kept at least a row past the next row's start, so that a row
  // within the rules ends inside it. One that reaches its end is longer
  // than that, and find_row_start finds where it ends.
  constexpr size_t kReadAhead = size_t{4} << 20;
  std::string_view view;
  CsvReader reader(view);
  auto advance = [&](size_t at, int64_t line) {
    if (view.size() == text.size() || at + kMaxRowBytes + 2 <= view.size()) return;
    extend_view(f.src, at, line, at + kMaxRowBytes + 2 + kReadAhead, f.header_fields + 1, view, reader);
  };
  advance(out.begin, 0);
  CsvRow row;
  Problem p;
  RowBatch<K> batch;
  const bool detect = f.src.check_utf8 && !f.src.utf8_declared;
  size_t n = 0;
  Utf8Window utf8;
  NulWindow nuls;
  size_t released = out.begin;
  auto release = [&](size_t upto) {
    upto = batch.held_from(upto);
    // The next release starts where this one's pages end, so that a page
    // across the boundary is given back by the next.
    if (upto > released) released = f.src.release(released, upto);
  };
  // Rows on a line left unconverted (Source::odd), found in order.
  const std::vector<OddLine>& odd = f.src.odd;
  auto next_odd = std::lower_bound(odd.begin(), odd.end(), out.begin,
                                   [](const OddLine& o, size_t at) { return o.end <= at; });
  auto reject = [&](const CsvRow& at) {
    Rejection rej;
    rej.line = at.line;
    rej.column = std::string(p.column);
    rej.reason = std::move(p.reason);
    rej.code = p.code;
    rej.message = p.message;
    rej.message_args = std::move(p.message_args);
    rej.column_label = std::string(column_label<K>(p.column));
    if (p.as_written && !rej.message_args.empty()) {
      for (size_t i = 0; i < f.role.size() && i < at.field_count; ++i) {
        if (f.role[i] >= 0 && K::kColumns[f.role[i]].name == p.column) {
          rej.message_args[0] = std::string(absl::StripAsciiWhitespace(absl_view(at.fields[i])));
        }
      }
      if (rej.message_args.size() > 1) {
        const std::string_view other = column_label<K>(rej.message_args[1]);
        if (!other.empty()) rej.message_args[1] = absl::StrCat("“", absl_view(other), "”（", rej.message_args[1], "）");
      }
    }
    p.message = {};
    p.as_written = false;
    rej.raw = cut_raw(text.substr(at.begin, at.end - at.begin));
    out.rejects.push_back(std::move(rej));
  };
  while (reader.position() < out.end) {
    advance(reader.position(), reader.line());
    if (!reader.next(row)) break;
    if (row.next >= view.size() && view.size() < text.size()) {
      if (row.begin + kMaxRowBytes + 2 > view.size()) {
        reader.seek(row.begin, row.line);  // blank lines led past the read-ahead: read on from the row
        continue;
      }
      // A row longer than kMaxRowBytes, rejected: where it ends is found
      // without holding it, and its start read in again for the rejection.
      int64_t lines = row.line;
      bool open = false;
      const size_t next = f.src.find_row_start(row.begin, text.size(), false, &lines, &open);
      f.src.ensure(row.begin, row.begin + kMaxRowBytes + 2);
      // The reader's issue stands where the view shows it whole (a field
      // over the limit, text after a quote); a quote the view left open is
      // unterminated only if it runs to the end.
      if (open) {
        row.issue = CsvIssue::kUnterminatedQuote;
      } else if (row.issue != CsvIssue::kFieldTooLong && row.issue != CsvIssue::kTextAfterQuote) {
        row.issue = CsvIssue::kRowTooLong;
        row.issue_field = SIZE_MAX;  // no column
      }
      row.end = std::min(next, row.begin + kMaxRowBytes + 1);
      row.next = next;
      reader.seek(next, lines);
    }
    if (row.begin >= out.end) {
      // Blank lines ran past the end: the next range starts on them.
      batch.flush(out);
      out.stop = out.end;
      out.lines = row.line -
                  static_cast<int64_t>(count_byte(text.substr(out.end, row.begin - out.end), '\n'));
      return;
    }
    if (detect && (++n & 1023) == 0 && f.not_utf8.load(std::memory_order_relaxed)) {
      out.aborted = true;
      return;
    }
    if (row.begin - released >= kReleaseStep) release(row.begin);
    while (next_odd != odd.end() && next_odd->end <= row.begin) ++next_odd;
    if (next_odd != odd.end() && next_odd->begin < row.next) {
      ++out.rows_read;
      p.column = {};
      p.reason = next_odd->utf8 ? "此行是 UTF-8 编码，而文件按 GB18030 读取；为免乱码不予读取"
                                : "此行既不是 GB18030 也不是 UTF-8 文本";
      p.code = RejectCode::kEncoding;
      reject(row);
    } else if (const size_t nul = nuls.row_nul(view, row.begin, std::min(row.next, view.size()));
               nul != SIZE_MAX) {
      ++out.rows_read;
      p.column = column_at(f, row, view.data() + nul);
      p.reason = "holds a NUL byte (\\0), which no text may hold";
      p.code = RejectCode::kEncoding;
      reject(row);
    } else if (f.src.check_utf8 && !utf8.row_ok(view, row.begin, std::min(row.next, view.size()))) {
      if (detect) {
        f.not_utf8.store(true, std::memory_order_relaxed);
        out.aborted = true;
        return;
      }
      ++out.rows_read;
      p.column = {};
      p.reason = "not valid UTF-8 text";
      p.code = RejectCode::kEncoding;
      reject(row);
    } else {
      ++out.rows_read;
      typename K::Row r;
      if (read_row(f, row, r, p)) {
        if (!row.scratch) {
          batch.add(out, r, row.begin);
        } else {  // its text lives in the reader's scratch: stage it now
          batch.flush(out);
          stage_row(out, r, row.begin - out.begin);
        }
        continue;
      }
      reject(row);
    }
    if (strict) {
      batch.flush(out);
      out.stopped = true;
      out.stop = row.next;
      out.lines = reader.line();
      return;
    }
  }
  batch.flush(out);
  out.stop = reader.position();
  out.lines = reader.line();
  release(std::min(out.stop, out.end));
}

}  // namespace fazhi::internal

#endif  // FAZHI_SRC_LOAD_ROWS_HPP_
