// csv.hpp -- the RFC 4180 reader under the dataset loaders (internal).
//
// CsvReader walks CSV text held in memory (a mapped file or a converted
// buffer) row by row without copying: fields are views into the text, except
// quoted fields with `""` escapes, which are unescaped into a scratch buffer
// that stays valid until the next row. A row without a quote takes a fast path
// that finds delimiters eight bytes at a time. Each row carries the physical
// line where it starts, so a rejection can point at the line a clerk sees in
// an editor. A row or field longer than kMaxRowBytes is reported as an issue
// (the caller rejects it); it never makes the reader buffer it.
//
//   fazhi::internal::CsvReader reader(text);
//   fazhi::internal::CsvRow row;
//   while (reader.next(row)) use(row.line, row.fields);
#ifndef FAZHI_SRC_CSV_HPP_
#define FAZHI_SRC_CSV_HPP_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace fazhi::internal {

// kMaxRowBytes bounds one row (and so one field): 1 MiB.
inline constexpr size_t kMaxRowBytes = size_t{1} << 20;

enum class CsvIssue : uint8_t {
  kNone,
  kUnterminatedQuote,  // a quoted field runs to the end of the text
  kTextAfterQuote,     // `"abc"def`: text between a closing quote and the delimiter
  kFieldTooLong,       // one field is longer than kMaxRowBytes
  kRowTooLong,         // the row is longer than kMaxRowBytes
};

// CsvRow is one row. `fields` keeps at most the reader's max_fields fields
// (held by the reader: valid until its next row); `field_count` counts them all.
struct CsvRow {
  std::span<const std::string_view> fields;
  size_t field_count = 0;
  int64_t line = 0;  // physical line where the row starts
  size_t begin = 0;  // byte offset of the row in the text
  size_t end = 0;    // byte offset of its end, line break excluded
  size_t next = 0;   // byte offset where the next row starts
  CsvIssue issue = CsvIssue::kNone;
  size_t issue_field = 0;  // the field the issue is about
  bool scratch = false;    // some field lives in the reader's scratch buffer
};

class CsvReader {
 public:
  // `text` must start at a row boundary; `first_line` is the physical line
  // number of its first byte. Rows with more than `max_fields` fields keep
  // only the first max_fields views (the rest are counted).
  explicit CsvReader(std::string_view text, int64_t first_line = 1, size_t max_fields = 4096);

  // next reads the row at the current position, skipping blank lines (empty
  // or only spaces, tabs and CRs: not rows). False at the end of the text.
  bool next(CsvRow& row);

  // position is the byte offset where the next row starts; line its line.
  size_t position() const { return pos_; }
  int64_t line() const { return line_; }

  // seek moves to a row boundary at `offset` whose physical line is `line`.
  void seek(size_t offset, int64_t line) {
    pos_ = offset;
    line_ = line;
  }

 private:
  bool skip_blank_line();
  bool fast_row(CsvRow& row);
  void slow_row(CsvRow& row);

  std::string_view text_;
  size_t pos_ = 0;
  int64_t line_ = 1;
  size_t max_fields_;
  std::string scratch_;
  // The fields of the current row. It only grows, so the fast path writes
  // into it with no capacity check per field.
  std::vector<std::string_view> fields_;
};

// count_byte counts occurrences of `c`, sixteen bytes a step.
size_t count_byte(std::string_view text, char c) noexcept;

// Line ends. RFC 4180 rows end with CRLF, and LF alone is as common; some
// exports (old Mac software) end them with a lone CR. A text whose first line
// ends with a lone CR is taken to use CR line ends throughout: lone_cr_to_lf
// turns each of them into LF in place, keeping every offset, so the reader
// and the range splitting, which only know LF, see its rows as rows.

// first_line_ends_with_lone_cr tells whether the first line break of `text`
// outside quotes is a CR not followed by LF.
bool first_line_ends_with_lone_cr(std::string_view text) noexcept;

// lone_cr_to_lf replaces each CR that is not followed by LF with LF.
void lone_cr_to_lf(std::string& text) noexcept;

// has_lone_cr tells whether `text` holds a CR not followed by LF (a line end
// of another style inside a row, which then reads as part of it).
bool has_lone_cr(std::string_view text) noexcept;

// next_row_start returns the offset just after the first line feed at or after
// `from` that lies outside quotes, given whether `from` is inside a quoted
// field (known from the parity of the quotes before it: in well-formed
// RFC 4180 text every quote toggles the state, `""` toggling it twice).
// Returns text.size() when there is none.
size_t next_row_start(std::string_view text, size_t from, bool in_quotes) noexcept;

}  // namespace fazhi::internal

#endif  // FAZHI_SRC_CSV_HPP_
