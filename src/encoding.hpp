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
#include <string>
#include <string_view>

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

}  // namespace fazhi::internal

#endif  // FAZHI_SRC_ENCODING_HPP_
