// ids.cpp -- the lottery's ids and lists: the one rule every id obeys
// (check_id), canonical lists, the readers of inline lists and list files
// (docs/lottery.md, "Ids" and "Lists"), and reading a list file by name.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "fazhi/lottery.hpp"
#include "fazhi/text.hpp"
#include "lottery/lottery_internal.hpp"
#include "platform/file.hpp"

namespace fazhi::internal::lottery {

absl::Status check_text(absl::string_view what, std::string_view s) {
  if (s.size() > kMaxFieldBytes) {
    return absl::InvalidArgumentError(absl::StrCat(what, " is 4 GiB or longer"));
  }
  if (!is_valid_utf8(s)) return absl::InvalidArgumentError(absl::StrCat(what, " is not valid UTF-8"));
  return absl::OkStatus();
}

absl::Status check_seed(std::string_view seed) {
  if (seed.empty()) {
    return absl::InvalidArgumentError(
        "the seed is empty: a draw needs the seed that was announced before it");
  }
  return check_text("the seed", seed);
}

std::string in_quotes(absl::string_view s) {
  return absl::StrCat("'", display_text(std_view(s)), "'");
}

// canonical_ids is the one place a list becomes canonical: every id checked,
// sorted by UTF-8 bytes (std::string compares as unsigned char, which is also
// code-point order), duplicates rejected rather than silently merged.
absl::StatusOr<std::vector<std::string>> canonical_ids(absl::string_view what,
                                                       std::vector<std::string> ids) {
  for (size_t i = 0; i < ids.size(); ++i) {
    if (absl::Status s =
            check_id(absl::StrCat(what, " (item ", i + 1, " of ", ids.size(), ")"), ids[i]);
        !s.ok()) {
      return s;
    }
  }
  std::sort(ids.begin(), ids.end());
  if (auto dup = std::adjacent_find(ids.begin(), ids.end()); dup != ids.end()) {
    return absl::InvalidArgumentError(
        absl::StrCat("duplicate id in ", what, ": ", in_quotes(*dup)));
  }
  return ids;
}

}  // namespace fazhi::internal::lottery

namespace fazhi {
using namespace internal::lottery;
namespace {

// decode_at reads the code point at s[i] of text is_utf8 accepted and moves i
// past it.
char32_t decode_at(std::string_view s, size_t& i) {
  const auto lead = static_cast<unsigned char>(s[i]);
  const size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  char32_t cp = len == 1 ? lead : len == 2 ? lead & 0x1F : len == 3 ? lead & 0x0F : lead & 0x07;
  for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

bool in(char32_t cp, char32_t first, char32_t last) { return cp >= first && cp <= last; }

// The twelve code points of U+FA0E..U+FA29 that are unified ideographs, not
// compatibility ones: NFC keeps them.
bool is_unified_in_compatibility_block(char32_t cp) {
  switch (cp) {
    case 0xFA0E:
    case 0xFA0F:
    case 0xFA11:
    case 0xFA13:
    case 0xFA14:
    case 0xFA1F:
    case 0xFA21:
    case 0xFA23:
    case 0xFA24:
    case 0xFA27:
    case 0xFA28:
    case 0xFA29:
      return true;
    default:
      return false;
  }
}

// may_change_under_nfc: without a Unicode normalisation library fazhi cannot
// put an id into NFC, so it refuses the code points through which the same
// name is most often typed two ways: combining marks (a decomposed "é"),
// Hangul conjoining jamo (a decomposed syllable), the CJK compatibility
// ideographs and the three letter-like signs NFC replaces (K, Å, Ω signs).
// docs/lottery.md lists exactly these ranges.
bool may_change_under_nfc(char32_t cp) {
  return in(cp, 0x0300, 0x036F) || in(cp, 0x1AB0, 0x1AFF) || in(cp, 0x1DC0, 0x1DFF) ||
         in(cp, 0x20D0, 0x20FF) || in(cp, 0xFE20, 0xFE2F) || in(cp, 0x1100, 0x11FF) ||
         in(cp, 0xA960, 0xA97F) || in(cp, 0xD7B0, 0xD7FF) ||
         (in(cp, 0xF900, 0xFAFF) && !is_unified_in_compatibility_block(cp)) ||
         in(cp, 0x2F800, 0x2FA1F) || cp == 0x2126 || cp == 0x212A || cp == 0x212B;
}

std::string code_point_text(char32_t cp) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string digits;
  for (int shift = cp > 0xFFFF ? 20 : 12; shift >= 0; shift -= 4) {
    digits.push_back(kHex[(cp >> shift) & 0xF]);
  }
  return absl::StrCat("U+", digits);
}

}  // namespace

// check_id is the one rule for every id of every list: not empty, valid
// UTF-8, nothing invisible, nothing NFC could change, no surrounding white
// space (which list readers trim, so it could never be typed back).
absl::Status check_id(std::string_view what, std::string_view id) {
  if (id.empty())
    return absl::InvalidArgumentError(absl::StrCat("an empty id in ", absl_view(what)));
  if (absl::Status s = check_text(absl::StrCat("an id in ", absl_view(what)), id); !s.ok())
    return s;
  for (size_t i = 0; i < id.size();) {
    const char32_t cp = decode_at(id, i);
    if (acts_rather_than_shows(cp)) {
      return absl::InvalidArgumentError(
          absl::StrCat("the id ", in_quotes(absl_view(id)), " in ", absl_view(what),
                       " holds an invisible or control character (", code_point_text(cp), ")"));
    }
    if (may_change_under_nfc(cp)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "the id ", in_quotes(absl_view(id)), " in ", absl_view(what), " holds ",
          code_point_text(cp),
          ", which Unicode normalisation (NFC) could change: type the name with precomposed "
          "characters (for example U+00E9 for e and U+0301)"));
    }
  }
  if (trim(id) != id) {
    return absl::InvalidArgumentError(absl::StrCat("the id ", in_quotes(absl_view(id)), " in ",
                                                   absl_view(what),
                                                   " begins or ends with white space"));
  }
  return absl::OkStatus();
}

namespace {

// Token is one item of a list line: its text (trimmed, or exactly what stood
// between the quotes), whether it was quoted, and the separator that ended it
// (0 at the end of the text).
struct Token {
  std::string text;
  bool quoted = false;
  char separator = 0;
};

bool is_blank_at(std::string_view s, size_t i, std::string_view separators) {
  const char c = s[i];
  if (separators.find(c) != std::string_view::npos) return false;
  return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' ||
         s.substr(i, 3) == "\xE3\x80\x80";
}

size_t skip_blanks(std::string_view s, size_t i, std::string_view separators) {
  while (i < s.size() && is_blank_at(s, i, separators)) i += s[i] == '\xE3' ? 3 : 1;
  return i;
}

// tokens splits `text` at any of the ASCII `separators`. An item that starts
// with " runs to the next lone " ("" inside stands for one "), and only white
// space may follow it before the separator; an unquoted item is trimmed.
// Empty text gives no token; "a," gives "a" and an empty item.
absl::StatusOr<std::vector<Token>> tokens(std::string_view text, std::string_view separators,
                                          absl::string_view where) {
  std::vector<Token> out;
  if (trim(text).empty()) return out;
  size_t i = 0;
  for (;;) {
    Token t;
    i = skip_blanks(text, i, separators);
    if (i < text.size() && text[i] == '"') {
      t.quoted = true;
      for (++i;; ++i) {
        if (i >= text.size()) {
          return absl::InvalidArgumentError(absl::StrCat(where, ": a quote is not closed"));
        }
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            t.text.push_back('"');
            ++i;
            continue;
          }
          ++i;
          break;
        }
        t.text.push_back(text[i]);
      }
      i = skip_blanks(text, i, separators);
      if (i < text.size() && separators.find(text[i]) == std::string_view::npos) {
        return absl::InvalidArgumentError(
            absl::StrCat(where, ": text after the closing quote of ", in_quotes(t.text),
                         " (write \"\" for a quote inside a quoted id)"));
      }
    } else {
      const size_t end = std::min(text.find_first_of(separators, i), text.size());
      t.text = std::string(trim(text.substr(i, end - i)));
      i = end;
    }
    if (i < text.size()) t.separator = text[i++];
    out.push_back(std::move(t));
    if (out.back().separator == 0) return out;
  }
}

bool ends_with_ascii_nocase(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t k = 0; k < suffix.size(); ++k) {
    char c = s[s.size() - suffix.size() + k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[k]) return false;
  }
  return true;
}

// check_inline_item refuses an unquoted item of a command-line list that was
// almost certainly meant otherwise: two ids joined by a full-width comma, or a
// file (a misspelt file name must not become a one-name list).
absl::Status check_inline_item(const Token& t, absl::string_view where) {
  if (t.quoted) return absl::OkStatus();
  if (t.text.find("\xEF\xBC\x8C") != std::string::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat(where, ": ", in_quotes(t.text),
                     " holds a full-width comma (，): separate ids with an ASCII comma, or quote "
                     "an id that holds one (\"王，丽\")"));
  }
  const bool path_like =
      t.text.starts_with('@') || t.text.find_first_of("/\\") != std::string::npos ||
      ends_with_ascii_nocase(t.text, ".txt") || ends_with_ascii_nocase(t.text, ".csv") ||
      ends_with_ascii_nocase(t.text, ".tsv");
  if (path_like) {
    return absl::InvalidArgumentError(
        absl::StrCat(where, ": ", in_quotes(t.text),
                     " looks like a file name, not an id: read a file with @FILE, or quote an id "
                     "that looks like this"));
  }
  return absl::OkStatus();
}

// file_lines visits the lines of a list file that carry data, with their
// line numbers: the byte-order mark dropped, blank lines and # comments
// skipped, the line trimmed.
template <typename Visit>
absl::Status file_lines(std::string_view contents, Visit visit) {
  if (contents.starts_with("\xEF\xBB\xBF")) contents.remove_prefix(3);
  if (absl::Status s = check_text("the file", contents); !s.ok()) return s;
  size_t number = 0;
  for (absl::string_view piece : absl::StrSplit(absl_view(contents), '\n')) {
    ++number;
    const std::string_view line = trim(std_view(piece));
    if (line.empty() || line.front() == '#') continue;
    if (absl::Status s = visit(line, absl::StrCat("line ", number)); !s.ok()) return s;
  }
  return absl::OkStatus();
}

absl::Status conflict_from(const Token& inspector, const Token& target, absl::string_view where,
                           std::vector<Conflict>& out) {
  Conflict c{inspector.text, target.text};
  if (absl::Status s = check_id(absl::StrCat(where, ", the inspector"), c.inspector); !s.ok()) {
    return s;
  }
  if (absl::Status s = check_id(absl::StrCat(where, ", the target"), c.target); !s.ok()) return s;
  out.push_back(std::move(c));
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::vector<std::string>> parse_id_list(std::string_view text) {
  if (absl::Status s = check_text("the list", text); !s.ok()) return s;
  absl::StatusOr<std::vector<Token>> items = tokens(text, ",", "the list");
  if (!items.ok()) return items.status();
  std::vector<std::string> out;
  for (size_t i = 0; i < items->size(); ++i) {
    const std::string where = absl::StrCat("item ", i + 1, " of the list");
    if (absl::Status s = check_inline_item((*items)[i], where); !s.ok()) return s;
    if (absl::Status s = check_id(where, (*items)[i].text); !s.ok()) return s;
    out.push_back(std::move((*items)[i].text));
  }
  return out;
}

absl::StatusOr<std::vector<std::string>> parse_id_file(std::string_view contents) {
  std::vector<std::string> out;
  absl::Status s = file_lines(contents, [&](std::string_view line, const std::string& where) {
    std::string id(line);
    if (line.front() == '"') {
      absl::StatusOr<std::vector<Token>> quoted = tokens(line, "", where);
      if (!quoted.ok()) return quoted.status();
      id = std::move(quoted->front().text);
    }
    if (absl::Status c = check_id(where, id); !c.ok()) return c;
    out.push_back(std::move(id));
    return absl::OkStatus();
  });
  if (!s.ok()) return s;
  return out;
}

absl::StatusOr<std::vector<Conflict>> parse_conflict_list(std::string_view text) {
  if (absl::Status s = check_text("the list of conflicts", text); !s.ok()) return s;
  absl::StatusOr<std::vector<Token>> items = tokens(text, ",:", "the list of conflicts");
  if (!items.ok()) return items.status();
  for (size_t i = 0; i < items->size(); ++i) {
    const std::string where = absl::StrCat("conflict ", i / 2 + 1, " of the list");
    if (absl::Status s = check_inline_item((*items)[i], where); !s.ok()) return s;
  }
  std::vector<Conflict> out;
  for (size_t i = 0; i < items->size(); i += 2) {
    const std::string where = absl::StrCat("conflict ", i / 2 + 1, " of the list");
    const Token& first = (*items)[i];
    if (first.separator != ':' || i + 1 >= items->size() || (*items)[i + 1].separator == ':') {
      return absl::InvalidArgumentError(absl::StrCat(
          where, ": a conflict is inspector:target, and conflicts are separated by commas"));
    }
    if (absl::Status s = conflict_from(first, (*items)[i + 1], where, out); !s.ok()) return s;
  }
  return out;
}

absl::StatusOr<std::vector<Conflict>> parse_conflict_file(std::string_view contents) {
  std::vector<Conflict> out;
  absl::Status s = file_lines(contents, [&](std::string_view line, const std::string& where) {
    // A line holding a tab is a spreadsheet's export: its tab alone separates.
    const std::string_view separator = line.find('\t') != std::string_view::npos ? "\t" : ",";
    absl::StatusOr<std::vector<Token>> pair = tokens(line, separator, where);
    if (!pair.ok()) return pair.status();
    if (pair->size() != 2) {
      return absl::InvalidArgumentError(
          absl::StrCat(where, ": a conflict line is inspector", separator == "\t" ? "<TAB>" : ",",
                       "target, with one separator (quote an id that holds one)"));
    }
    return conflict_from((*pair)[0], (*pair)[1], where, out);
  });
  if (!s.ok()) return s;
  return out;
}


absl::StatusOr<std::string> read_list_file(const std::string& path) {
  return internal::read_small_file(path, to_valid_utf8(path), internal::kMaxListBytes);
}

}  // namespace fazhi
