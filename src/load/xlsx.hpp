// xlsx.hpp -- the first sheet of an .xlsx workbook as CSV text (internal).
//
// Bureaus export their case registers from Excel or WPS as often as CSV. An
// .xlsx record file is turned into the CSV text the loader already reads, so
// it goes through the same header aliases, row rules, rejections and summary
// as a CSV export: nothing about a record is decided here. The workbook is a
// zip (libzip) of XML parts (expat): the first sheet of xl/workbook.xml, its
// shared strings, and the styles that say which numbers are dates.
//
// Each sheet row is written on the CSV line of its own number (empty rows
// become blank lines, which the CSV reader passes over), so a rejection's
// line is the row number Excel shows, until a cell holding a line break
// pushes the rows after it down by one line each.
//
//   absl::StatusOr<fazhi::internal::XlsxSheet> sheet = fazhi::internal::xlsx_first_sheet(bytes);
//   // sheet->csv: "案件编号,区划代码,收到日期\nFY-2019-001,440111,2019-01-03\n"
#ifndef FAZHI_SRC_LOAD_XLSX_HPP_
#define FAZHI_SRC_LOAD_XLSX_HPP_

#include <cstddef>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace fazhi::internal {

struct XlsxSheet {
  std::string name;  // the sheet's name as the workbook shows it ("Sheet1", "复议案件")
  std::string csv;   // its cells as RFC 4180 text, one row a line
};

// xlsx_first_sheet reads the first sheet of an .xlsx workbook held in memory.
// Cells become text as Excel shows their values without formatting: shared
// and inline strings as they are, numbers in plain decimal (15128000, not
// 1.5128E7), TRUE/FALSE as true/false, error values (#N/A) as written, and a
// number with a date format (or the Chinese date formats Excel numbers 27-36
// and 50-58) as its ISO date, in the workbook's 1900 or 1904 date system.
// A formula cell gives its cached result. InvalidArgument, naming what is
// wrong, for a file that is not an .xlsx workbook: an .xls (the old binary
// format) is told to be saved as .xlsx or CSV.
absl::StatusOr<XlsxSheet> xlsx_first_sheet(std::string_view bytes);

// kMaxXlsxBytes caps an .xlsx record file: Excel's own limit of 1,048,576
// rows of a register's few dozen columns compresses to far less.
inline constexpr size_t kMaxXlsxBytes = size_t{1} << 30;

// read_xlsx_file is xlsx_first_sheet of the file at `path`, read whole as
// the library reads every file by name (a regular file, at most
// kMaxXlsxBytes, unchanged while read); its messages begin with `name`.
absl::StatusOr<XlsxSheet> read_xlsx_file(const std::string& path, const std::string& name);

// is_xls says whether `bytes` start like an old binary Excel file (the OLE
// compound-document signature).
bool is_xls(std::string_view bytes) noexcept;

// excel_serial_date is the ISO date of an Excel day serial in the 1900 date
// system (1 = 1900-01-01; Excel's phantom 1900-02-29, serial 60, is read as
// 1900-02-28 and every later serial as the real date) or, with `date1904`,
// the 1904 system (0 = 1904-01-01). A time of day is dropped. "" when the
// serial lies outside years 1900-9999.
std::string excel_serial_date(double serial, bool date1904);

}  // namespace fazhi::internal

#endif  // FAZHI_SRC_LOAD_XLSX_HPP_
