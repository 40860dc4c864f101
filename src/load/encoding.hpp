// encoding.hpp -- UTF-8 validation and GB18030 conversion for the loaders (internal).
//
// docs/data.md: files are UTF-8 (with or without BOM); GB18030 (which includes GBK
// and GB2312, what Excel writes on Chinese Windows) is accepted when a file is
// not valid UTF-8 or when the caller says so. Conversion goes through glibc's
// iconv; nothing here holds a hand-written code table.
//
//   if (!fazhi::internal::is_valid_utf8(bytes)) {
//     absl::StatusOr<std::string> text = fazhi::internal::gb18030_to_utf8(bytes, 2);
//   }
#ifndef FAZHI_SRC_ENCODING_HPP_
#define FAZHI_SRC_ENCODING_HPP_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace fazhi::internal {

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// is_valid_utf8 checks well-formed UTF-8 (no overlong forms, surrogates or
// code points above U+10FFFF). ASCII runs are checked eight bytes at a time.
// On failure `bad_offset` (if given) receives the offset of the first bad byte.
bool is_valid_utf8(std::string_view text, size_t* bad_offset = nullptr) noexcept;

// to_valid_utf8 returns `text` with each byte that does not start a
// well-formed UTF-8 sequence replaced by U+FFFD, so that whatever the disk or
// a caller held (a GBK file name, a row of bad bytes) can enter a notice, a
// rejection or JSON as text. Valid text comes back unchanged.
std::string to_valid_utf8(std::string_view text);

// gb18030_to_utf8 converts GB18030 text to UTF-8 with iconv, splitting large
// text at line feeds (which GB18030 never uses inside a character) over up to
// `threads` threads. A byte sequence that is not GB18030 is an InvalidArgument
// error naming its offset; `bad_offset` (if given) receives it.
absl::StatusOr<std::string> gb18030_to_utf8(std::string_view text, int threads,
                                            size_t* bad_offset = nullptr);

// ---- One encoding per file, odd lines refused ----------------------------------
//
// A file is read in one encoding, chosen from the whole file (README.md,
// "Encodings"): UTF-8 when its header is valid UTF-8 and no fewer of its
// lines holding non-ASCII bytes are valid UTF-8 than not; GB18030 otherwise.
// A line that does not fit the chosen encoding is never converted into
// mojibake: its row is rejected.

// Utf8Vote counts the lines (split at LF) that hold a non-ASCII byte.
struct Utf8Vote {
  size_t utf8 = 0;   // valid UTF-8
  size_t other = 0;  // not valid UTF-8
  bool utf8_wins() const { return utf8 >= other; }
};
Utf8Vote count_utf8_lines(std::string_view text) noexcept;

// is_utf8_chinese tells whether `line` holds non-ASCII text that is valid
// UTF-8 and all Chinese writing: CJK ideographs, CJK and full-width
// punctuation, general punctuation (“” — …) and the middle dot of
// transliterated names. GBK text is seldom valid UTF-8 at all, and almost
// never so made of such characters, which is what a line pasted from a
// UTF-8 file into a GBK one is.
bool is_utf8_chinese(std::string_view line) noexcept;

// OddLine is a line of a GB18030 text that was not converted: [begin, end)
// in the converted text (its line feed included), where its bytes stand as
// they are. The converted text is then valid UTF-8 outside its odd lines.
struct OddLine {
  size_t begin = 0, end = 0;
  bool utf8 = false;       // the line is UTF-8 Chinese text (is_utf8_chinese)
  size_t bad = SIZE_MAX;   // else: offset in the input of its first byte that is not GB18030
};

// gb18030_lines_to_utf8 converts GB18030 text to UTF-8 line by line, over up
// to `threads` threads; a line that is UTF-8 Chinese text, or not GB18030,
// is kept as it is and listed in `odd` (in order) instead. `vote` (if given)
// receives count_utf8_lines(text), counted on the way.
std::string gb18030_lines_to_utf8(std::string_view text, int threads, std::vector<OddLine>& odd,
                                  Utf8Vote* vote = nullptr);

}  // namespace fazhi::internal

#endif  // FAZHI_SRC_ENCODING_HPP_
