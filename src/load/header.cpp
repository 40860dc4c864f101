// header.cpp -- a record file's first steps: open it, settle its encoding,
// and match its header against the kind's columns (header.hpp).
#include "load/header.hpp"

#include <algorithm>
#include <numeric>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "fazhi/text.hpp"
#include "platform/notices.hpp"

namespace fazhi::internal {
namespace {

// names_column tells whether header text `h` (trimmed) names column `def`:
// its canonical name in any ASCII case, or one of its aliases.
bool names_column(const ColumnDef& def, std::string_view h) {
  return absl::EqualsIgnoreCase(absl_view(h), absl_view(def.name)) ||
         std::find(def.aliases.begin(), def.aliases.end(), h) != def.aliases.end();
}

// code_points is `text` as code points, ASCII letters in lower case (header
// matching ignores ASCII case); a bad byte is one code point of its own.
std::u32string code_points(std::string_view text) {
  std::u32string out;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = s[i];
    size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (i + len > text.size() || !is_valid_utf8(text.substr(i, len))) len = 1;
    char32_t cp = len == 1 ? c : c & (0x7F >> len);
    for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
    out.push_back(cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp);
    i += len;
  }
  return out;
}

// edit_distance is the Levenshtein distance between a and b.
size_t edit_distance(const std::u32string& a, const std::u32string& b) {
  std::vector<size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), size_t{0});
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

// column_label names a column as a clerk may know it: `head_appeared（负责人出庭应诉）`.
std::string column_label(const ColumnDef& def) {
  if (def.aliases.empty()) return std::string(def.name);
  std::vector<std::string> names(def.aliases.begin(), def.aliases.end());
  return absl::StrCat(absl_view(def.name), "（", absl::StrJoin(names, "、"), "）");
}

// unknown_column_notice says that header field `field` (0-based) named no
// column, and which of the columns the file lacks its name is closest to (by
// edit distance over the canonical names and aliases): a misspelt optional
// column would otherwise be dropped without a word.
std::string unknown_column_notice(std::span<const ColumnDef> columns, const std::string& file,
                                  size_t field, std::string_view name,
                                  const std::vector<int>& seen) {
  if (name.empty()) return make_notice(kNoticeEmptyHeader, file, field + 1);
  const std::u32string wanted = code_points(name);
  const ColumnDef* best = nullptr;
  std::string_view best_name;
  size_t best_distance = SIZE_MAX;
  for (size_t c = 0; c < columns.size(); ++c) {
    if (seen[c] >= 0) continue;
    const ColumnDef& def = columns[c];
    auto consider = [&](std::string_view candidate) {
      const size_t d = edit_distance(wanted, code_points(candidate));
      if (d < best_distance) {
        best = &def;
        best_name = candidate;
        best_distance = d;
      }
    };
    consider(def.name);
    for (std::string_view a : def.aliases) consider(a);
  }
  if (best == nullptr) return make_notice(kNoticeUnknownColumn, file, field + 1, to_valid_utf8(name));
  return make_notice(kNoticeUnknownColumnClosest, file, field + 1, to_valid_utf8(name), absl_view(best_name),
                     column_label(*best));
}

}  // namespace

absl::Status read_header(FileHead& f, std::span<const ColumnDef> columns,
                         std::vector<std::string>* notices) {
  const std::string_view text = f.src.text;
  CsvReader reader(text, 1);
  CsvRow row;
  if (!reader.next(row)) {
    return absl::InvalidArgumentError(absl::StrCat(f.src.name, ": no header row (empty file)"));
  }
  if (row.issue != CsvIssue::kNone) {
    return absl::InvalidArgumentError(absl::StrCat(
        f.src.name, ":", row.line, ": bad header: ", absl_view(issue_reason(row.issue))));
  }
  f.header_fields = row.field_count;
  f.body_begin = reader.position();
  f.body_line = reader.line();
  f.role.assign(row.field_count, -1);
  f.active.clear();
  std::vector<int> seen(columns.size(), -1);
  for (size_t i = 0; i < row.fields.size(); ++i) {
    const std::string_view h = trim(row.fields[i]);
    for (size_t c = 0; c < columns.size(); ++c) {
      const ColumnDef& def = columns[c];
      if (!names_column(def, h)) continue;
      if (seen[c] >= 0) {
        if (notices != nullptr)
          notices->push_back(absl::StrCat(f.src.name, ": columns ", seen[c] + 1, " and ", i + 1,
                                          " are both ", absl_view(def.name), "; column ",
                                          seen[c] + 1, " is used"));
      } else {
        seen[c] = static_cast<int>(i);
        f.role[i] = static_cast<int>(c);
        f.active.emplace_back(static_cast<uint32_t>(i), static_cast<uint8_t>(c));
      }
      break;
    }
  }
  if (notices != nullptr) {
    // A header of thousands of stray fields gets a count, not a notice each.
    constexpr size_t kMaxColumnNotices = 20;
    size_t unknown = 0;
    for (size_t i = 0; i < f.role.size(); ++i) {
      if (f.role[i] >= 0) continue;
      const std::string_view h = i < row.fields.size() ? trim(row.fields[i]) : std::string_view();
      const bool duplicate =  // a second column of a known name, noticed above
          std::any_of(columns.begin(), columns.end(),
                      [&](const ColumnDef& def) { return names_column(def, h); });
      if (duplicate || ++unknown > kMaxColumnNotices) continue;
      notices->push_back(unknown_column_notice(columns, f.src.name, i, h, seen));
    }
    if (unknown > kMaxColumnNotices) {
      notices->push_back(absl::StrCat(f.src.name, ": 另有 ", unknown - kMaxColumnNotices,
                                      " 列的表头不是已知的列名，均已忽略"));
    }
  }
  f.summary.missing_columns.clear();
  for (size_t c = 0; c < columns.size(); ++c) {
    if (!columns[c].required && seen[c] < 0) {
      f.summary.missing_columns.push_back(column_label(columns[c]));
    }
  }
  // Canonical: the header is the kind's columns in their order, or the first
  // of them (an export made before later optional columns were added).
  f.canonical = f.header_fields <= columns.size() && f.active.size() == f.header_fields;
  for (size_t i = 0; i < f.active.size() && f.canonical; ++i) {
    f.canonical = f.active[i].first == i && f.active[i].second == i;
  }
  std::vector<std::string> lacking;
  for (size_t c = 0; c < columns.size(); ++c) {
    const ColumnDef& def = columns[c];
    if (!def.required || seen[c] >= 0) continue;
    std::vector<std::string> names;
    for (std::string_view a : def.aliases) names.emplace_back(a);
    lacking.push_back(
        absl::StrCat("'", absl_view(def.name), "' (", absl::StrJoin(names, ", "), ")"));
  }
  if (!lacking.empty()) {
    return absl::InvalidArgumentError(
        make_notice(lacking.size() > 1 ? kRefusedMissingColumns : kRefusedMissingColumn, f.src.name,
                    absl::StrJoin(lacking, ", ")));
  }
  return absl::OkStatus();
}

absl::Status prepare_file(FileHead& f, std::span<const ColumnDef> columns, const LoadContext& ctx) {
  Source& src = f.src;
  if (!src.path.empty()) {
    src.file = std::make_unique<FileText>();
    if (absl::Status s = src.file->open(src.path, src.name); !s.ok()) return s;
    src.raw = src.file->bytes();
    // The header is at most a row, kMaxRowBytes, after a BOM; what lies
    // beyond is read in by the stages that come to it.
    src.file->ensure(0, kHeaderWindow);
    if (absl::Status s = check_line_breaks(src); !s.ok()) return s;
  }
  const bool bom = src.raw.starts_with(kUtf8Bom);
  // A CR is a CR in UTF-8 and in GB18030 alike (never part of a character).
  src.cr_line_ends = first_line_ends_with_lone_cr(bom ? src.raw.substr(kUtf8Bom.size()) : src.raw);
  if (src.cr_line_ends) {
    ctx.notices.push_back(make_notice(kNoticeLoneCr, src.name));
  }
  if (ctx.options.encoding == Encoding::kGb18030) {
    if (absl::Status s = convert_gb18030(src, ctx.threads); !s.ok()) return s;
    ctx.notices.push_back(make_notice(kNoticeGb18030AsAsked, src.name));
    notice_odd_lines(src, ctx.notices);
  } else {
    src.text = bom ? src.raw.substr(kUtf8Bom.size()) : src.raw;
    src.utf8_declared = bom || ctx.options.encoding == Encoding::kUtf8;
    if (src.cr_line_ends) {  // a copy with LF line ends (csv.hpp, lone_cr_to_lf)
      src.read_all();
      src.converted.assign(src.text);
      src.drop_all();
      lone_cr_to_lf(src.converted);
      src.text = src.converted;
    }
  }
  // The header decides the encoding first: Excel's GBK files have Chinese
  // headers. A valid UTF-8 header leaves it to the rows (KindJobOf::redo).
  size_t header_end = src.text.size();
  {
    CsvReader reader(src.text, 1);
    CsvRow row;
    if (reader.next(row)) header_end = row.next;
  }
  if (src.check_utf8 && !is_valid_utf8(src.text.substr(0, header_end))) {
    if (src.utf8_declared) {
      return absl::InvalidArgumentError(absl::StrCat(src.name, ": the header is not valid UTF-8"));
    }
    if (absl::Status s = convert_gb18030(src, ctx.threads); !s.ok()) return s;
    ctx.notices.push_back(make_notice(kNoticeNotUtf8, src.name));
    notice_odd_lines(src, ctx.notices);
  }
  return read_header(f, columns, &ctx.notices);
}

}  // namespace fazhi::internal
