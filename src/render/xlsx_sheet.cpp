// The workbook's building blocks (render/xlsx_sheet.hpp): formats, cells,
// headers and widths, written the same way in every workbook.
#include "render/xlsx_sheet.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "fazhi/text.hpp"
#include "load/encoding.hpp"
#include "render/document.hpp"

namespace fazhi::internal::xlsx {
namespace {

// kMaxCellText: Excel keeps at most 32767 characters in a cell and
// libxlsxwriter refuses more; a longer text (a notice quoting a huge field)
// is cut, well inside the limit in bytes, at a character boundary.
constexpr size_t kMaxCellText = 32000;

}  // namespace

std::string number_format(ValueKind kind, std::string_view unit) {
  const std::string suffix = unit.empty() ? "" : absl::StrCat("\" ", absl_view(unit), "\"");
  switch (kind) {
    case ValueKind::kCount: return absl::StrCat("#,##0", suffix);
    case ValueKind::kRatio: return "0.0000%";
    case ValueKind::kMoney: return "#,##0.0000\" 万元\"";
    case ValueKind::kDays:
    case ValueKind::kNumber: return absl::StrCat("#,##0.0000", suffix);
    case ValueKind::kRank: return "\"第\"0";
    case ValueKind::kUndefined: break;
  }
  return "";
}

Workbook::Workbook(const std::string& path) {
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  book_ = workbook_new_opt(path.c_str(), &options);
}

Workbook::~Workbook() {
  // Not closed: an error came first; the half-made workbook is dropped
  // without writing it.
  if (book_ != nullptr) lxw_workbook_free(book_);
}

lxw_error Workbook::close() {
  const lxw_error e = workbook_close(book_);
  book_ = nullptr;
  return e;
}

lxw_format* Workbook::format(Style style, const std::string& num_format) {
  const std::string key = absl::StrCat(static_cast<int>(style), "\x1f", num_format);
  auto it = formats_.find(key);
  if (it != formats_.end()) return it->second;
  lxw_format* f = workbook_add_format(book_);
  if (!num_format.empty()) format_set_num_format(f, num_format.c_str());
  format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  switch (style) {
    case Style::kTitle:
      format_set_bold(f);
      format_set_font_size(f, 14);
      break;
    case Style::kHeader:
      format_set_bold(f);
      format_set_bg_color(f, 0xDDEBF7);
      format_set_border(f, LXW_BORDER_THIN);
      format_set_align(f, LXW_ALIGN_CENTER);
      format_set_text_wrap(f);
      break;
    case Style::kLabel: format_set_bold(f); break;
    case Style::kMissing: format_set_font_color(f, 0x808080); break;
    case Style::kPlain: break;
  }
  formats_.emplace(key, f);
  return f;
}

void Sheet::text(lxw_row_t row, lxw_col_t col, std::string_view text, Style style, bool measure) {
  if (sheet_ == nullptr) return;
  std::string shown = display_text(text);
  if (shown.size() > kMaxCellText) {
    size_t cut = kMaxCellText;
    while (cut > 0 && (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80) --cut;
    shown.resize(cut);
    shown += "…";
  }
  // worksheet_write_string stores a string cell whatever it reads like: a
  // text starting with '=' is never a formula.
  check(worksheet_write_string(sheet_, row, col, shown.c_str(), book_.format(style)));
  if (measure) widen(col, display_width(shown));
}

void Sheet::number(lxw_row_t row, lxw_col_t col, double value, const std::string& num_format, size_t width) {
  if (sheet_ == nullptr) return;
  check(worksheet_write_number(sheet_, row, col, value, book_.format(Style::kPlain, num_format)));
  widen(col, width);
}

void Sheet::date(lxw_row_t row, lxw_col_t col, std::string_view iso) {
  lxw_datetime d{};
  if (sheet_ == nullptr) return;
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-' || !absl::SimpleAtoi(absl_view(iso.substr(0, 4)), &d.year) ||
      !absl::SimpleAtoi(absl_view(iso.substr(5, 2)), &d.month) || !absl::SimpleAtoi(absl_view(iso.substr(8, 2)), &d.day) ||
      d.year < 1900) {
    text(row, col, iso);
    return;
  }
  check(worksheet_write_datetime(sheet_, row, col, &d, book_.format(Style::kPlain, "yyyy-mm-dd")));
  widen(col, iso.size());
}

void Sheet::figure(lxw_row_t row, lxw_col_t col, const MetricInfo& m, const Value& v, std::string_view published,
                   bool reason_beside) {
  if (!v.defined()) {
    if (v.reason.empty()) return;
    if (reason_beside) {
      // Not measured: a long reason would widen the whole column.
      text(row, col + 1, absl::StrCat("— (", absl_view(v.reason.view()), ")"), Style::kMissing, false);
    } else {
      text(row, col + 1, "—", Style::kMissing);
    }
    return;
  }
  // The number's own width: the published text and the 4 decimals shown.
  number(row, col, cell_number(v), number_format(v.kind, m.unit), display_width(published) + 5);
  text(row, col + 1, published);
}

void Sheet::change(lxw_row_t row, lxw_col_t col, const Fraction& f, std::string_view published) {
  if (!f.defined()) return;
  number(row, col, to_double(f), std::string(kChangeFormat), display_width(published) + 5);
  text(row, col + 1, published);
}

void Sheet::header_span(lxw_row_t row, lxw_col_t first, lxw_col_t last, std::string_view label) {
  if (sheet_ == nullptr) return;
  const std::string shown = display_text(label);
  if (first == last) {
    header(row, first, shown);
    return;
  }
  check(worksheet_merge_range(sheet_, row, first, row, last, shown.c_str(), book_.format(Style::kHeader)));
}

void Sheet::header_row(lxw_row_t row, const std::vector<std::string>& labels) {
  for (lxw_col_t c = 0; c < labels.size(); ++c) {
    header(row, c, labels[c]);
    double& w = header_widths_[c];
    w = std::max(w, static_cast<double>(display_width(labels[c])) + kWidthPadding);
  }
}

void Sheet::set_widths(const std::map<lxw_col_t, double>& minimum) {
  if (sheet_ == nullptr) return;
  for (lxw_col_t c = 0; c < widths_.size(); ++c) {
    double w = static_cast<double>(widths_[c]) + kWidthPadding;
    if (auto it = minimum.find(c); it != minimum.end()) w = std::max(w, it->second);
    if (auto it = header_widths_.find(c); it != header_widths_.end()) w = std::max(w, it->second);
    check(worksheet_set_column(sheet_, c, c, std::clamp(w, kMinWidth, kMaxWidth), nullptr));
  }
}

void Sheet::widen(lxw_col_t col, size_t width) {
  if (widths_.size() <= col) widths_.resize(col + 1, 0);
  widths_[col] = std::max(widths_[col], width);
}

std::string sheet_name(size_t place, std::string_view title) {
  std::string name = place == 0 ? std::string(title) : absl::StrCat(place, " ", absl_view(title));
  for (char& c : name) {
    if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) c = '_';
  }
  size_t chars = 0, i = 0;
  for (; i < name.size(); ++chars) {
    if (chars == 31) break;
    const auto b = static_cast<unsigned char>(name[i]);
    i += b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
  }
  name.resize(std::min(i, name.size()));
  return name;
}

absl::Status open_workbook(const std::string& path) {
  if (std::FILE* f = std::fopen(path.c_str(), "wb"); f != nullptr) {
    std::fclose(f);
    return absl::OkStatus();
  }
  return absl::UnavailableError(
      absl::StrCat(to_valid_utf8(path), ": cannot write the workbook: ", std::strerror(errno)));
}

absl::Status written(lxw_error e, const std::string& path) {
  if (e == LXW_NO_ERROR) return absl::OkStatus();
  std::remove(path.c_str());
  return absl::UnavailableError(absl::StrCat(to_valid_utf8(path), ": cannot write the workbook: ", lxw_strerror(e)));
}

}  // namespace fazhi::internal::xlsx
