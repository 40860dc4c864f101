// fazhi/text.hpp -- small text rules shared by every reader of exported values.
//
//   std::string_view v = fazhi::trim("\u3000 439 ");  // "439"
//   std::cout << fazhi::display_text(name);           // "白云区\x1b]0;x\x07" shown, not obeyed
#ifndef FAZHI_TEXT_HPP_
#define FAZHI_TEXT_HPP_

#include <cstddef>
#include <string>
#include <string_view>

#include "absl/strings/string_view.h"

namespace fazhi {

// absl_view / std_view cross between std::string_view and absl::string_view.
// Debian's Abseil is built with ABSL_OPTION_USE_STD_STRING_VIEW 0, so the two
// are distinct types and absl::StrCat does not take a std::string_view.
constexpr absl::string_view absl_view(std::string_view s) noexcept {
  return absl::string_view(s.data(), s.size());
}
constexpr std::string_view std_view(absl::string_view s) noexcept {
  return std::string_view(s.data(), s.size());
}

// trim drops surrounding ASCII white space and full-width spaces (U+3000, which
// Chinese spreadsheets put around values), as docs/data.md's "values" rule says.
constexpr std::string_view trim(std::string_view s) noexcept {
  constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";
  for (;;) {
    if (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' ||
                       s.front() == '\n' || s.front() == '\v' || s.front() == '\f')) {
      s.remove_prefix(1);
    } else if (s.substr(0, 3) == kIdeographicSpace) {
      s.remove_prefix(3);
    } else {
      break;
    }
  }
  for (;;) {
    if (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' ||
                       s.back() == '\n' || s.back() == '\v' || s.back() == '\f')) {
      s.remove_suffix(1);
    } else if (s.size() >= 3 && s.substr(s.size() - 3) == kIdeographicSpace) {
      s.remove_suffix(3);
    } else {
      break;
    }
  }
  return s;
}

// is_valid_utf8 checks well-formed UTF-8: no overlong forms, surrogates or
// code points above U+10FFFF (the rule the loaders and the C ABI share). On
// failure `bad_offset` (if given) receives the offset of the first bad byte.
bool is_valid_utf8(std::string_view text, size_t* bad_offset = nullptr) noexcept;

// to_valid_utf8 returns `text` with each byte that does not start a
// well-formed UTF-8 sequence replaced by U+FFFD, so that whatever a file or a
// caller held can enter a message or JSON as text. Valid text comes back
// unchanged.
std::string to_valid_utf8(std::string_view text);

// acts_rather_than_shows is the one list of code points that print as
// nothing, or move or break the text around them: C0 and C1 controls, DEL,
// the bidirectional controls (U+061C, U+200E, U+200F, U+202A-U+202E,
// U+2066-U+2069), the zero-width characters (U+200B-U+200D, U+2060-U+2064,
// U+FEFF) and the line and paragraph separators (U+2028, U+2029). Output
// escapes them (display_text); the lottery refuses them in ids.
bool acts_rather_than_shows(char32_t c);

// display_text makes text from the data (a region's name, a rejected value, a
// file name) safe to print for people on a terminal or in a text file: every
// character that could act rather than show is written as a visible escape
// instead. C0 controls and DEL become \n, \t, \r or \xNN (an ESC sequence
// cannot retitle the window or clear the screen, a line feed cannot forge a
// table row or a summary line), the other code points of
// acts_rather_than_shows become \uNNNN, and bytes that are not UTF-8 become
// U+FFFD. A backslash is kept: what display_text writes holds nothing it would
// change, so text escaped once (a library message quoting an id) passes the
// command line's own escaping unchanged instead of doubling its backslashes. Everything else, Chinese included, is kept as it is. Every
// human-readable rendering (report text and Markdown, `fazhi check`, the
// lottery's printed results) writes data through it; JSON escapes by its own
// rules.
std::string display_text(std::string_view text);

// markdown_cell is display_text for a Markdown table cell: '|' is also
// escaped (\|), so a value cannot add a column.
std::string markdown_cell(std::string_view text);

// html_text is display_text for HTML text and attribute values (the printable
// report, its SVG charts): '&', '<', '>', '"' and '\'' are also written as
// character references, so a value from the data is shown, never parsed as
// markup or script.
std::string html_text(std::string_view text);

}  // namespace fazhi

#endif  // FAZHI_TEXT_HPP_
