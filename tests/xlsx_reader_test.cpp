// The .xlsx reader (src/load/xlsx.hpp): workbooks written here with
// libxlsxwriter, as Excel would save them, come back as the CSV text the
// loader reads: strings, numbers in plain decimal, date cells as ISO dates,
// each row on the line of its own number; an .xls or a non-workbook is
// refused with a message that says what to do.
#include "load/xlsx.hpp"

#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

namespace fazhi::internal {
namespace {

namespace fs = std::filesystem;

// workbook writes a workbook with `fill`, returns its bytes.
std::string workbook(const std::function<void(lxw_workbook*, lxw_worksheet*)>& fill, const char* sheet = "复议案件") {
  const fs::path path = fs::temp_directory_path() / ("fazhi-xlsx-reader-" + std::to_string(::getpid()) + ".xlsx");
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, sheet);
  fill(wb, ws);
  EXPECT_EQ(workbook_close(wb), LXW_NO_ERROR);
  std::ifstream in(path, std::ios::binary);
  std::string bytes{std::istreambuf_iterator<char>(in), {}};
  fs::remove(path);
  return bytes;
}

// zipped is a zip of the given parts (name, content), made with libzip: a
// workbook as other programs write it, down to its namespace prefixes.
std::string zipped(const std::vector<std::pair<std::string, std::string>>& parts) {
  const fs::path path = fs::temp_directory_path() / ("fazhi-xlsx-parts-" + std::to_string(::getpid()) + ".xlsx");
  int error = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  EXPECT_NE(z, nullptr);
  for (const auto& [name, content] : parts) {
    zip_source_t* src = zip_source_buffer(z, content.data(), content.size(), 0);
    EXPECT_GE(zip_file_add(z, name.c_str(), src, ZIP_FL_ENC_UTF_8), 0);
  }
  EXPECT_EQ(zip_close(z), 0);
  std::ifstream in(path, std::ios::binary);
  std::string bytes{std::istreambuf_iterator<char>(in), {}};
  fs::remove(path);
  return bytes;
}

TEST(XlsxReader, FirstSheetAsCsvRows) {
  const std::string bytes = workbook([](lxw_workbook* wb, lxw_worksheet* ws) {
    lxw_format* date = workbook_add_format(wb);
    format_set_num_format(date, "yyyy\"年\"m\"月\"d\"日\"");
    worksheet_write_string(ws, 0, 0, "案件编号", nullptr);
    worksheet_write_string(ws, 0, 1, "区划代码", nullptr);
    worksheet_write_string(ws, 0, 2, "收到日期", nullptr);
    worksheet_write_string(ws, 0, 3, "被申请人", nullptr);
    worksheet_write_string(ws, 0, 4, "挽回金额", nullptr);
    worksheet_write_string(ws, 1, 0, "FY-2019-001", nullptr);
    worksheet_write_number(ws, 1, 1, 440111, nullptr);
    worksheet_write_number(ws, 1, 2, 43468, date);  // 2019-01-03
    worksheet_write_string(ws, 1, 3, "某区\"市场\"监督管理局, 一科", nullptr);
    worksheet_write_number(ws, 1, 4, 1512.8, nullptr);
    worksheet_write_string(ws, 2, 0, "FY-2019-002", nullptr);
    worksheet_write_number(ws, 2, 1, 440111, nullptr);
    worksheet_write_number(ws, 2, 2, 43830.75, date);  // 2019-12-31 18:00: the day counts
    worksheet_write_boolean(ws, 2, 3, 1, nullptr);
    worksheet_write_number(ws, 2, 4, 15128000, nullptr);
  });
  absl::StatusOr<XlsxSheet> sheet = xlsx_first_sheet(bytes);
  ASSERT_TRUE(sheet.ok()) << sheet.status();
  EXPECT_EQ(sheet->name, "复议案件");
  EXPECT_EQ(sheet->csv,
            "案件编号,区划代码,收到日期,被申请人,挽回金额\n"
            "FY-2019-001,440111,2019-01-03,\"某区\"\"市场\"\"监督管理局, 一科\",1512.8\n"
            "FY-2019-002,440111,2019-12-31,true,15128000\n");
}

TEST(XlsxReader, RowsKeepTheirNumbersAsLines) {
  const std::string bytes = workbook([](lxw_workbook*, lxw_worksheet* ws) {
    worksheet_write_string(ws, 1, 0, "case_id", nullptr);  // the header on row 2
    worksheet_write_string(ws, 1, 2, "region", nullptr);    // column B left empty
    worksheet_write_string(ws, 4, 0, "A-1", nullptr);       // row 5
    worksheet_write_string(ws, 4, 2, "440111", nullptr);
  });
  absl::StatusOr<XlsxSheet> sheet = xlsx_first_sheet(bytes);
  ASSERT_TRUE(sheet.ok()) << sheet.status();
  EXPECT_EQ(sheet->csv, "\ncase_id,,region\n\n\nA-1,,440111\n");
}

TEST(XlsxReader, FormulasGiveTheirResultAndErrorsTheirCode) {
  const std::string bytes = workbook([](lxw_workbook*, lxw_worksheet* ws) {
    worksheet_write_formula_num(ws, 0, 0, "=1+1", nullptr, 2);
    worksheet_write_formula_str(ws, 0, 1, "=\"a\"&\"b\"", nullptr, "ab");
    worksheet_write_number(ws, 0, 2, 1.5e20, nullptr);
  });
  absl::StatusOr<XlsxSheet> sheet = xlsx_first_sheet(bytes);
  ASSERT_TRUE(sheet.ok()) << sheet.status();
  EXPECT_EQ(sheet->csv, "2,ab,150000000000000000000\n");
}

TEST(XlsxReader, PrefixedInlineStringsAnd1904Dates) {
  const std::string ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const std::string bytes = zipped({
      {"xl/workbook.xml", "<x:workbook xmlns:x=\"" + ns + "\" xmlns:r=\"" + rel + "\"><x:workbookPr date1904=\"1\"/>"
                          "<x:sheets><x:sheet name=\"登记表\" sheetId=\"1\" r:id=\"rId7\"/>"
                          "<x:sheet name=\"其他\" sheetId=\"2\" r:id=\"rId8\"/></x:sheets></x:workbook>"},
      {"xl/_rels/workbook.xml.rels",
       "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
       "<Relationship Id=\"rId8\" Target=\"worksheets/other.xml\" Type=\"t\"/>"
       "<Relationship Id=\"rId7\" Target=\"/xl/worksheets/first.xml\" Type=\"t\"/></Relationships>"},
      {"xl/styles.xml", "<x:styleSheet xmlns:x=\"" + ns + "\"><x:cellXfs count=\"2\"><x:xf numFmtId=\"0\"/>"
                        "<x:xf numFmtId=\"31\"/></x:cellXfs></x:styleSheet>"},
      // No r attributes: cells and rows follow one another.
      {"xl/worksheets/first.xml",
       "<x:worksheet xmlns:x=\"" + ns + "\"><x:sheetData>"
       "<x:row><x:c t=\"inlineStr\"><x:is><x:t>收到日期</x:t></x:is></x:c>"
       "<x:c t=\"inlineStr\"><x:is><x:r><x:t>备</x:t></x:r><x:r><x:t>注</x:t></x:r></x:is></x:c></x:row>"
       "<x:row><x:c s=\"1\"><x:v>42006</x:v></x:c><x:c t=\"e\"><x:v>#N/A</x:v></x:c></x:row>"
       "</x:sheetData></x:worksheet>"},
      {"xl/worksheets/other.xml", "<worksheet xmlns=\"" + ns + "\"><sheetData/></worksheet>"},
  });
  absl::StatusOr<XlsxSheet> sheet = xlsx_first_sheet(bytes);
  ASSERT_TRUE(sheet.ok()) << sheet.status();
  EXPECT_EQ(sheet->name, "登记表");
  EXPECT_EQ(sheet->csv, "收到日期,备注\n2019-01-03,#N/A\n");
}

TEST(XlsxReader, SerialDates) {
  EXPECT_EQ(excel_serial_date(43466, false), "2019-01-01");
  EXPECT_EQ(excel_serial_date(1, false), "1900-01-01");
  EXPECT_EQ(excel_serial_date(59, false), "1900-02-28");
  EXPECT_EQ(excel_serial_date(60, false), "1900-02-28");  // Excel's 1900-02-29, which never was
  EXPECT_EQ(excel_serial_date(61, false), "1900-03-01");
  EXPECT_EQ(excel_serial_date(0, true), "1904-01-01");
  EXPECT_EQ(excel_serial_date(-1, false), "");
  EXPECT_EQ(excel_serial_date(1e300, false), "");
}

TEST(XlsxReader, AnXlsIsToldToBeSavedAsXlsxOrCsv) {
  const std::string xls("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" "rest of an OLE file", 27);
  EXPECT_TRUE(is_xls(xls));
  absl::StatusOr<XlsxSheet> sheet = xlsx_first_sheet(xls);
  ASSERT_FALSE(sheet.ok());
  EXPECT_EQ(sheet.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(sheet.status().message().find("save it as .xlsx or as CSV"), std::string_view::npos);
}

TEST(XlsxReader, TextThatIsNotAWorkbookIsRefused) {
  for (const std::string& bytes : {std::string("case_id,region\nA,440111\n"), std::string(), std::string("PK\x03\x04")}) {
    absl::StatusOr<XlsxSheet> sheet = xlsx_first_sheet(bytes);
    ASSERT_FALSE(sheet.ok());
    EXPECT_EQ(sheet.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_NE(sheet.status().message().find("not an .xlsx workbook"), std::string_view::npos) << sheet.status();
  }
}

TEST(XlsxReader, FileErrorsNameTheFile) {
  const fs::path dir = fs::temp_directory_path() / ("fazhi-xlsx-files-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "legal_aid.xlsx") << "案件编号,区划代码\n";
  absl::StatusOr<XlsxSheet> sheet = read_xlsx_file((dir / "legal_aid.xlsx").string(), "legal_aid.xlsx");
  ASSERT_FALSE(sheet.ok());
  EXPECT_EQ(sheet.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(sheet.status().message().substr(0, 38), "legal_aid.xlsx: not an .xlsx workbook:");
  sheet = read_xlsx_file((dir / "missing.xlsx").string(), "missing.xlsx");
  EXPECT_EQ(sheet.status().code(), absl::StatusCode::kNotFound);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace fazhi::internal
