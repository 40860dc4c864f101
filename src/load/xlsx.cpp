// The first sheet of an .xlsx workbook as CSV text (load/xlsx.hpp): libzip
// opens the container, expat reads each XML part as a stream.
#include "load/xlsx.hpp"

#include <expat.h>
#include <zip.h>

#include <charconv>
#include <cmath>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "fazhi/date.hpp"
#include "fazhi/text.hpp"
#include "platform/file.hpp"

namespace fazhi::internal {
namespace {

// kMaxPartBytes bounds one XML part once inflated: a zip of a few kilobytes
// can inflate to gigabytes, and no register a bureau exports comes near this.
constexpr zip_uint64_t kMaxPartBytes = zip_uint64_t{4} << 30;

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
using Zip = std::unique_ptr<zip_t, ZipCloser>;

absl::Status not_a_workbook(std::string_view why) {
  return absl::InvalidArgumentError(absl::StrCat("not an .xlsx workbook: ", absl_view(why)));
}

// XmlReader streams one zip member through expat, calling `start`, `end` and
// `text` with local names (namespaces stripped: generators differ in the
// prefixes they use, never in the local names).
class XmlReader {
 public:
  using Attributes = const XML_Char**;
  std::function<void(std::string_view name, Attributes attrs)> start;
  std::function<void(std::string_view name)> end;
  std::function<void(std::string_view text)> text;

  absl::Status read(zip_t* zip, const std::string& member) {
    zip_file_t* file = zip_fopen(zip, member.c_str(), 0);
    if (file == nullptr) return not_a_workbook(absl::StrCat("no part ", member));
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> closer(file, zip_fclose);
    std::unique_ptr<std::remove_pointer_t<XML_Parser>, void (*)(XML_Parser)> parser(
        XML_ParserCreateNS(nullptr, '|'), XML_ParserFree);
    if (parser == nullptr) return absl::ResourceExhaustedError("out of memory reading an .xlsx workbook");
    XML_SetUserData(parser.get(), this);
    XML_SetElementHandler(parser.get(), &XmlReader::on_start, &XmlReader::on_end);
    XML_SetCharacterDataHandler(parser.get(), &XmlReader::on_text);
    char buffer[1 << 16];
    zip_uint64_t total = 0;
    for (;;) {
      const zip_int64_t n = zip_fread(file, buffer, sizeof buffer);
      if (n < 0) return not_a_workbook(absl::StrCat(member, ": ", zip_error_strerror(zip_file_get_error(file))));
      total += static_cast<zip_uint64_t>(n);
      if (total > kMaxPartBytes) return not_a_workbook(absl::StrCat(member, " is larger than 4 GiB inflated"));
      if (XML_Parse(parser.get(), buffer, static_cast<int>(n), n == 0) == XML_STATUS_ERROR) {
        return not_a_workbook(absl::StrCat(member, " line ", XML_GetCurrentLineNumber(parser.get()), ": ",
                                           XML_ErrorString(XML_GetErrorCode(parser.get()))));
      }
      if (n == 0) return absl::OkStatus();
    }
  }

  // attribute is the value of the attribute with local name `name`, or null.
  static const char* attribute(Attributes attrs, std::string_view name) {
    for (size_t i = 0; attrs[i] != nullptr; i += 2) {
      if (local(attrs[i]) == name) return attrs[i + 1];
    }
    return nullptr;
  }

 private:
  static std::string_view local(const XML_Char* name) {
    std::string_view n(name);
    const size_t bar = n.rfind('|');
    return bar == std::string_view::npos ? n : n.substr(bar + 1);
  }
  static void on_start(void* self, const XML_Char* name, const XML_Char** attrs) {
    auto* r = static_cast<XmlReader*>(self);
    if (r->start) r->start(local(name), attrs);
  }
  static void on_end(void* self, const XML_Char* name) {
    auto* r = static_cast<XmlReader*>(self);
    if (r->end) r->end(local(name));
  }
  static void on_text(void* self, const XML_Char* s, int len) {
    auto* r = static_cast<XmlReader*>(self);
    if (r->text) r->text(std::string_view(s, static_cast<size_t>(len)));
  }
};

// The workbook part: the first sheet's name and relationship id, and the date system.
struct WorkbookInfo {
  std::string sheet_name, sheet_rel;
  bool date1904 = false;
};

absl::StatusOr<WorkbookInfo> read_workbook(zip_t* zip) {
  WorkbookInfo info;
  XmlReader xml;
  xml.start = [&](std::string_view name, XmlReader::Attributes attrs) {
    if (name == "sheet" && info.sheet_rel.empty()) {
      const char* n = XmlReader::attribute(attrs, "name");
      const char* id = XmlReader::attribute(attrs, "id");
      if (n != nullptr) info.sheet_name = n;
      if (id != nullptr) info.sheet_rel = id;
    } else if (name == "workbookPr") {
      const char* d = XmlReader::attribute(attrs, "date1904");
      info.date1904 = d != nullptr && (std::string_view(d) == "1" || std::string_view(d) == "true");
    }
  };
  if (absl::Status s = xml.read(zip, "xl/workbook.xml"); !s.ok()) return s;
  if (info.sheet_rel.empty()) return not_a_workbook("xl/workbook.xml lists no sheet");
  return info;
}

// sheet_path follows the first sheet's relationship to its part
// ("worksheets/sheet1.xml" -> "xl/worksheets/sheet1.xml").
absl::StatusOr<std::string> sheet_path(zip_t* zip, const std::string& rel) {
  std::string target;
  XmlReader xml;
  xml.start = [&](std::string_view name, XmlReader::Attributes attrs) {
    const char* id = XmlReader::attribute(attrs, "Id");
    const char* t = XmlReader::attribute(attrs, "Target");
    if (name == "Relationship" && id != nullptr && t != nullptr && rel == id) target = t;
  };
  if (absl::Status s = xml.read(zip, "xl/_rels/workbook.xml.rels"); !s.ok()) return s;
  if (target.empty()) return not_a_workbook("the first sheet's part is not named");
  if (target.front() == '/') return target.substr(1);
  return absl::StrCat("xl/", target);
}

std::vector<std::string> read_shared_strings(zip_t* zip) {
  std::vector<std::string> strings;
  if (zip_name_locate(zip, "xl/sharedStrings.xml", 0) < 0) return strings;  // a workbook of numbers only
  bool in_si = false, in_t = false, in_phonetic = false;
  XmlReader xml;
  xml.start = [&](std::string_view name, XmlReader::Attributes) {
    if (name == "si") {
      in_si = true;
      strings.emplace_back();
    } else if (name == "rPh") {
      in_phonetic = true;  // a reading guide (furigana), not the text
    } else if (name == "t") {
      in_t = in_si && !in_phonetic;
    }
  };
  xml.end = [&](std::string_view name) {
    if (name == "si") in_si = false;
    if (name == "rPh") in_phonetic = false;
    if (name == "t") in_t = false;
  };
  xml.text = [&](std::string_view text) {
    if (in_t) strings.back().append(text.data(), text.size());
  };
  // A broken shared-strings part leaves the strings read so far; the cells
  // that need the rest then read as empty and their rows are rejected.
  (void)xml.read(zip, "xl/sharedStrings.xml");
  return strings;
}

// is_date_format says whether an Excel number format shows a date: it has a
// year or day part outside quoted text, escapes and [brackets] ("yyyy-mm-dd",
// "yyyy\"年\"m\"月\"d\"日\"", "[$-804]yyyy/m/d"). A time alone (h:mm) is not a date.
bool is_date_format(std::string_view code) {
  bool quoted = false, bracket = false;
  for (size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (quoted) {
      quoted = c != '"';
    } else if (bracket) {
      bracket = c != ']';
    } else if (c == '"') {
      quoted = true;
    } else if (c == '[') {
      bracket = true;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is shown as it is (or is padding)
    } else if (c == 'y' || c == 'Y' || c == 'd' || c == 'D') {
      return true;
    }
  }
  return false;
}

// is_builtin_date says whether one of Excel's numbered formats is a date,
// in the zh-CN locale (27-36 and 50-58 are its 年月日 forms).
bool is_builtin_date(int id) {
  return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

// date_styles says, by cell style index (the `s` of a cell), which styles show dates.
std::vector<bool> read_date_styles(zip_t* zip) {
  std::vector<bool> dates;
  if (zip_name_locate(zip, "xl/styles.xml", 0) < 0) return dates;
  std::vector<std::pair<int, std::string>> custom;
  bool in_xfs = false;
  std::vector<int> xf_formats;
  XmlReader xml;
  xml.start = [&](std::string_view name, XmlReader::Attributes attrs) {
    if (name == "numFmt") {
      const char* id = XmlReader::attribute(attrs, "numFmtId");
      const char* code = XmlReader::attribute(attrs, "formatCode");
      int n = 0;
      if (id != nullptr && code != nullptr && absl::SimpleAtoi(id, &n)) custom.emplace_back(n, code);
    } else if (name == "cellXfs") {
      in_xfs = true;
    } else if (name == "xf" && in_xfs) {
      const char* id = XmlReader::attribute(attrs, "numFmtId");
      int n = 0;
      xf_formats.push_back(id != nullptr && absl::SimpleAtoi(id, &n) ? n : 0);
    }
  };
  xml.end = [&](std::string_view name) {
    if (name == "cellXfs") in_xfs = false;
  };
  (void)xml.read(zip, "xl/styles.xml");  // without styles, numbers stay numbers
  for (int id : xf_formats) {
    bool date = is_builtin_date(id);
    for (const auto& [n, code] : custom) {
      if (n == id) date = is_date_format(code);
    }
    dates.push_back(date);
  }
  return dates;
}

// plain_number writes Excel's stored number text in plain decimal: as it is
// unless it uses an exponent (1.5128E7 -> 15128000), which no loader rule reads.
std::string plain_number(std::string_view v) {
  if (v.find_first_of("eE") == std::string_view::npos) return std::string(v);
  double d = 0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
  if (ec != std::errc() || end != v.data() + v.size()) return std::string(v);
  char buffer[400];
  const auto [p, ec2] = std::to_chars(buffer, buffer + sizeof buffer, d, std::chars_format::fixed);
  return ec2 == std::errc() ? std::string(buffer, p) : std::string(v);
}

// column_of reads the column of a cell reference ("B3" -> 1); -1 if none.
int column_of(const char* ref) {
  if (ref == nullptr) return -1;
  int col = 0;
  bool any = false;
  for (const char* p = ref; *p >= 'A' && *p <= 'Z'; ++p) {
    col = col * 26 + (*p - 'A' + 1);
    any = true;
    if (col > 16384) return -1;
  }
  return any ? col - 1 : -1;
}

void append_csv_field(std::string& out, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out.append(field.data(), field.size());
    return;
  }
  out += '"';
  for (const char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

// SheetWriter turns the sheet's rows into CSV lines as expat reads them.
class SheetWriter {
 public:
  SheetWriter(const std::vector<std::string>& strings, const std::vector<bool>& date_styles, bool date1904,
              std::string& out)
      : strings_(strings), date_styles_(date_styles), date1904_(date1904), out_(out) {}

  void start(std::string_view name, XmlReader::Attributes attrs) {
    if (name == "row") {
      const char* r = XmlReader::attribute(attrs, "r");
      int64_t n = 0;
      row_ = r != nullptr && absl::SimpleAtoi(r, &n) && n > row_ ? n : row_ + 1;
      col_ = -1;  // a cell without a reference follows the one before it in this row
      cells_.clear();
    } else if (name == "c") {
      const int col = column_of(XmlReader::attribute(attrs, "r"));
      col_ = col >= 0 ? col : col_ + 1;
      const char* t = XmlReader::attribute(attrs, "t");
      type_ = t != nullptr ? t : "n";
      const char* s = XmlReader::attribute(attrs, "s");
      size_t style = 0;
      date_ = s != nullptr && absl::SimpleAtoi(s, &style) && style < date_styles_.size() && date_styles_[style];
      value_.clear();
    } else if (name == "v" || (name == "t" && type_ == "inlineStr")) {
      in_value_ = true;
    }
  }

  void end(std::string_view name) {
    if (name == "v" || name == "t") {
      in_value_ = false;
    } else if (name == "c") {
      if (static_cast<size_t>(col_) >= cells_.size()) cells_.resize(static_cast<size_t>(col_) + 1);
      cells_[static_cast<size_t>(col_)] = cell_text();
    } else if (name == "row") {
      write_row();
    }
  }

  void text(std::string_view t) {
    if (in_value_) value_.append(t.data(), t.size());
  }

 private:
  std::string cell_text() const {
    if (type_ == "s") {
      size_t i = 0;
      return absl::SimpleAtoi(value_, &i) && i < strings_.size() ? strings_[i] : std::string();
    }
    if (type_ == "inlineStr" || type_ == "str" || type_ == "e") return value_;
    if (type_ == "b") return value_ == "1" ? "true" : value_ == "0" ? "false" : value_;
    const std::string_view v = trim(value_);
    if (date_ && !v.empty()) {
      double serial = 0;
      const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), serial);
      if (ec == std::errc() && end == v.data() + v.size()) {
        std::string date = excel_serial_date(serial, date1904_);
        if (!date.empty()) return date;
      }
    }
    return plain_number(v);
  }

  void write_row() {
    while (!cells_.empty() && cells_.back().empty()) cells_.pop_back();
    if (cells_.empty()) return;  // an empty row is a blank line, as in a CSV export
    // Blank lines up to the row's own number, so CSV line n is sheet row n.
    while (line_ + 1 < row_) {
      out_ += '\n';
      ++line_;
    }
    for (size_t i = 0; i < cells_.size(); ++i) {
      if (i > 0) out_ += ',';
      append_csv_field(out_, cells_[i]);
      for (const char c : cells_[i]) line_ += c == '\n' ? 1 : 0;
    }
    out_ += '\n';
    ++line_;
  }

  const std::vector<std::string>& strings_;
  const std::vector<bool>& date_styles_;
  const bool date1904_;
  std::string& out_;
  int64_t row_ = 0, line_ = 0;
  int col_ = -1;
  std::string type_, value_;
  bool date_ = false, in_value_ = false;
  std::vector<std::string> cells_;
};

}  // namespace

bool is_xls(std::string_view bytes) noexcept {
  return bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
}

std::string excel_serial_date(double serial, bool date1904) {
  if (!std::isfinite(serial) || serial < 0 || serial > 3e6) return "";
  auto days = static_cast<long>(std::floor(serial));
  boost::gregorian::date base(1899, boost::gregorian::Dec, 30);
  if (date1904) {
    base = boost::gregorian::date(1904, boost::gregorian::Jan, 1);
  } else if (days < 61) {
    // Excel counts a 29 February 1900 that never was (serial 60); the days
    // before it are one off from the real calendar.
    if (days == 0) return "";
    base = boost::gregorian::date(1899, boost::gregorian::Dec, 31);
    if (days == 60) days = 59;
  }
  const boost::gregorian::date d = base + boost::gregorian::days(days);
  if (d.is_not_a_date() || d.year() < 1900 || d.year() > 9999) return "";
  return format_iso(d);
}

absl::StatusOr<XlsxSheet> xlsx_first_sheet(std::string_view bytes) {
  if (is_xls(bytes)) {
    return absl::InvalidArgumentError(
        "an old .xls workbook (Excel 97-2003), which is not read: save it as .xlsx or as CSV (UTF-8)");
  }
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    const std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    return not_a_workbook(why);
  }
  Zip zip(zip_open_from_source(source, ZIP_RDONLY, &error));
  if (zip == nullptr) {
    zip_source_free(source);
    const std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    return not_a_workbook(why);
  }
  zip_error_fini(&error);
  absl::StatusOr<WorkbookInfo> info = read_workbook(zip.get());
  if (!info.ok()) return info.status();
  absl::StatusOr<std::string> path = sheet_path(zip.get(), info->sheet_rel);
  if (!path.ok()) return path.status();
  const std::vector<std::string> strings = read_shared_strings(zip.get());
  const std::vector<bool> date_styles = read_date_styles(zip.get());
  XlsxSheet sheet;
  sheet.name = info->sheet_name;
  SheetWriter writer(strings, date_styles, info->date1904, sheet.csv);
  XmlReader xml;
  xml.start = [&](std::string_view name, XmlReader::Attributes attrs) { writer.start(name, attrs); };
  xml.end = [&](std::string_view name) { writer.end(name); };
  xml.text = [&](std::string_view text) { writer.text(text); };
  if (absl::Status s = xml.read(zip.get(), *path); !s.ok()) return s;
  return sheet;
}

absl::StatusOr<XlsxSheet> read_xlsx_file(const std::string& path, const std::string& name) {
  absl::StatusOr<std::string> bytes = read_small_file(path, name, kMaxXlsxBytes);
  if (!bytes.ok()) return bytes.status();
  absl::StatusOr<XlsxSheet> sheet = xlsx_first_sheet(*bytes);
  if (!sheet.ok()) return absl::Status(sheet.status().code(), absl::StrCat(name, ": ", sheet.status().message()));
  return sheet;
}

}  // namespace fazhi::internal
