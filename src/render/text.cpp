// text.cpp -- the text rules of fazhi/text.hpp: UTF-8 validity and the escapes that
// keep data shown rather than obeyed.
#include "fazhi/text.hpp"

#include <cstdint>

#include "absl/strings/str_format.h"
#include "load/encoding.hpp"

namespace fazhi {

bool acts_rather_than_shows(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) ||          // C0, DEL and C1 controls (ESC, CSI, NEL, ...)
         c == 0x061C || (c >= 0x200B && c <= 0x200F) ||   // Arabic letter mark; zero-width; LRM, RLM
         (c >= 0x2028 && c <= 0x202E) ||                  // line/paragraph separators; embeddings, overrides
         (c >= 0x2060 && c <= 0x2069) ||                  // word joiner, invisible operators; isolates
         c == 0xFEFF;                                     // zero-width no-break space (a stray BOM)
}

namespace {

// escape is `raw` with display_text's escapes; `extra` is one more ASCII
// character to escape with a backslash ('\0' for none).
std::string escape(std::string_view raw, char extra) {
  const std::string text = internal::to_valid_utf8(raw);
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      switch (b) {
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default:
          if (b < 0x20 || b == 0x7F) {
            absl::StrAppendFormat(&out, "\\x%02x", b);
          } else {
            if (extra != '\0' && b == static_cast<unsigned char>(extra)) out += '\\';
            out += static_cast<char>(b);
          }
      }
      ++i;
      continue;
    }
    // Well-formed UTF-8 (to_valid_utf8): the lead byte gives the length.
    const size_t len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
    uint32_t c = b & (0x7F >> len);
    for (size_t k = 1; k < len; ++k) c = c << 6 | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    if (acts_rather_than_shows(c)) {
      absl::StrAppendFormat(&out, "\\u%04x", c);
    } else {
      out.append(text, i, len);
    }
    i += len;
  }
  return out;
}

}  // namespace

// The loaders own the UTF-8 rule (load/encoding.hpp, checked eight bytes at a
// time); these are its public names.
bool is_valid_utf8(std::string_view text, size_t* bad_offset) noexcept {
  return internal::is_valid_utf8(text, bad_offset);
}

std::string to_valid_utf8(std::string_view text) { return internal::to_valid_utf8(text); }

std::string display_text(std::string_view text) { return escape(text, '\0'); }

std::string markdown_cell(std::string_view text) { return escape(text, '|'); }

std::string html_text(std::string_view text) {
  const std::string shown = display_text(text);
  std::string out;
  out.reserve(shown.size());
  for (const char ch : shown) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += ch;
    }
  }
  return out;
}

}  // namespace fazhi
