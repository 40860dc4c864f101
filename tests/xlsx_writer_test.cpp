// The workbooks fazhi writes (fazhi/documents.hpp, src/render/xlsx_*.cpp),
// read back with fazhi's own .xlsx reader (load/xlsx.hpp): a case list's
// text from the data stays text even when it reads like a formula, dates are
// date cells, counts and money numbers, codes their Chinese labels; and
// sheet names are cut and cleaned as Excel requires.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "absl/strings/str_split.h"
#include "fazhi/cases.hpp"
#include "fazhi/dataset.hpp"
#include "fazhi/documents.hpp"
#include "load/xlsx.hpp"
#include "render/xlsx_sheet.hpp"

namespace fazhi {
namespace {

namespace fs = std::filesystem;

TEST(XlsxWriter, SheetNamesAreCleanedAndCutToThirtyOneCharacters) {
  EXPECT_EQ(internal::xlsx::sheet_name(0, "a/b:c[d]*?\\"), "a_b_c_d____");
  EXPECT_EQ(internal::xlsx::sheet_name(3, "收到行政复议申请"), "3 收到行政复议申请");
  // 31 characters, whole: "12 " and 28 of the 40 Chinese characters given.
  std::string forty;
  for (int i = 0; i < 10; ++i) forty += "行政复议";
  EXPECT_EQ(internal::xlsx::sheet_name(12, forty), "12 " + forty.substr(0, 28 * 3));
}

// A case list of two reconsideration cases, one naming its respondent with
// a formula's text, written as a workbook and read back as CSV text.
TEST(XlsxWriter, CaseListCellsReadBackAsWrittenAndNeverAsFormulas) {
  Dataset ds;
  const std::string csv =
      "case_id,region,received_date,accepted_date,closed_date,disposition,respondent,applicants\n"
      "FY-1,440111,2019-03-01,2019-03-04,2019-04-01,upheld,=HYPERLINK(\"http://x\"),2\n"
      "FY-2,440111,2019-05-06,,,,@SUM(1),\n";
  ASSERT_TRUE(ds.load_buffer(RecordKind::kReconsideration, csv, "reconsideration.csv").ok());
  ds.seal();
  absl::StatusOr<CaseList> list = compute_case_list(ds, *RegionCode::parse("440111"), year_period(2019),
                                                    "reconsideration.received", CasePart::kCount);
  ASSERT_TRUE(list.ok()) << list.status();
  ASSERT_EQ(list->cases.size(), 2u);

  const fs::path path = fs::temp_directory_path() / ("fazhi-xlsx-writer-" + std::to_string(::getpid()) + ".xlsx");
  ASSERT_TRUE(write_workbook(*list, ds, path.string()).ok());
  absl::StatusOr<internal::XlsxSheet> sheet = internal::read_xlsx_file(path.string(), "list.xlsx");
  fs::remove(path);
  ASSERT_TRUE(sheet.ok()) << sheet.status();
  EXPECT_EQ(sheet->name, "清单-收到行政复议申请");
  const std::vector<std::string> lines = absl::StrSplit(sheet->csv, '\n');
  ASSERT_GE(lines.size(), 5u);
  EXPECT_EQ(lines[0], "收到行政复议申请：440111，2019-01-01 至 2019-12-31，共 2 件");
  EXPECT_EQ(lines[1], "本表列出案件编号和案件信息，含个人信息，仅供本单位督办使用，不得公开。");
  const std::vector<std::string> header = absl::StrSplit(lines[2], ',');
  ASSERT_GE(header.size(), 10u);
  EXPECT_EQ(header[1], "案件编号");
  EXPECT_EQ(header[5], "收到日期");
  EXPECT_EQ(header[8], "结案方式");
  EXPECT_EQ(header[9], "被申请人");
  const std::vector<std::string> first = absl::StrSplit(lines[3], ',');
  ASSERT_GE(first.size(), 10u);
  EXPECT_EQ(first[0], "1");
  EXPECT_EQ(first[1], "FY-1");
  EXPECT_EQ(first[5], "2019-03-01");  // a date cell: the reader gives its ISO date
  EXPECT_EQ(first[8], "维持");        // upheld, as a clerk's file writes it
  // The respondent is the text as written: a formula cell would read back
  // as its cached result, not its text.
  EXPECT_NE(lines[3].find("\"=HYPERLINK(\"\"http://x\"\")\""), std::string::npos) << lines[3];
  EXPECT_EQ(header.back(), "申请人数");
  EXPECT_EQ(first.back(), "2");  // a number cell
  EXPECT_NE(lines[4].find("@SUM(1)"), std::string::npos) << lines[4];
}

TEST(XlsxWriter, AnUnwritablePlaceIsUnavailableAndLeavesNoFile) {
  Dataset ds;
  ds.seal();
  CaseList empty;
  const absl::Status s = write_workbook(empty, ds, "/nonexistent-folder/x.xlsx");
  EXPECT_EQ(s.code(), absl::StatusCode::kUnavailable);
  EXPECT_NE(s.message().find("cannot write the workbook"), std::string::npos);
}

}  // namespace
}  // namespace fazhi
