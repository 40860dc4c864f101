// How the loader reads text: line ends, header names, encodings, and the
// counting of every row (rows read = kept + rejected, for loads and adds).
#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "load/encoding.hpp"
#include "fazhi/dataset.hpp"
#include "gtest/gtest.h"

namespace fazhi {
namespace {

void ExpectInvariant(const LoadSummary& s) {
  for (const FileSummary& f : s.files) {
    EXPECT_EQ(f.rows_read, f.rows_kept + f.rows_rejected) << f.file;
  }
}

LoadOptions Threads(int threads) {
  LoadOptions o;
  o.threads = threads;
  return o;
}

bool AnyNoticeHas(const LoadSummary& s, const std::string& text) {
  for (const std::string& n : s.notices) {
    if (n.find(text) != std::string::npos) return true;
  }
  return false;
}

// ---- Line ends -------------------------------------------------------------------------

// rows_with_ends is a mediation file of `rows` rows whose lines end with
// `eol`; row `bad` (0-based) has an impossible date.
std::string MediationRows(int rows, const std::string& eol, int bad = -1) {
  std::string text = absl::StrCat("case_id,region,received_date,org_id,category", eol);
  for (int i = 0; i < rows; ++i) {
    absl::StrAppend(&text, "M", i, ",440111,", i == bad ? "2019-02-30" : "2019-03-05",
                    ",调解委员会", i % 10, ",劳动争议", eol);
  }
  return text;
}

TEST(LineEnds, CrOnlyFileReadsEveryRow) {
  const std::string text = MediationRows(2000, "\r", 1499);
  ASSERT_LT(text.size(), size_t{1} << 20);
  Dataset ds;
  absl::StatusOr<LoadSummary> s = ds.load_buffer(RecordKind::kMediation, text, "mediation.csv");
  ASSERT_TRUE(s.ok()) << s.status();
  ExpectInvariant(*s);
  EXPECT_EQ(s->files[0].rows_read, 2000);
  EXPECT_EQ(s->files[0].rows_kept, 1999);
  ASSERT_EQ(ds.rejects().size(), 1u);
  EXPECT_EQ(ds.rejects()[0].line, 1501);  // the header is line 1
  EXPECT_EQ(ds.rejects()[0].raw, "M1499,440111,2019-02-30,调解委员会9,劳动争议");
  EXPECT_EQ(ds.text(ds.mediation().category[0]), "劳动争议");
  EXPECT_TRUE(AnyNoticeHas(*s, "a lone carriage return")) << s->notices.size();
}

TEST(LineEnds, CrLfAndLfFilesReadTheSameRows) {
  for (const std::string eol : {"\n", "\r\n", "\r"}) {
    Dataset ds;
    absl::StatusOr<LoadSummary> s =
        ds.load_buffer(RecordKind::kMediation, MediationRows(50, eol), "mediation.csv");
    ASSERT_TRUE(s.ok()) << s.status();
    EXPECT_EQ(s->files[0].rows_kept, 50);
    EXPECT_EQ(ds.text(ds.mediation().org[49]), "调解委员会9");
  }
}

// A large CR-only file is split into ranges on several threads: every row is
// read once, and a rejection keeps its line.
TEST(LineEnds, CrOnlyFileSplitIntoRangesReadsEveryRowOnce) {
  const int rows = 120000;
  const std::string text = MediationRows(rows, "\r", rows - 7);
  ASSERT_GT(text.size(), size_t{4} << 20);
  for (int threads : {1, 4}) {
    SCOPED_TRACE(threads);
    Dataset ds;
    absl::StatusOr<LoadSummary> s =
        ds.load_buffer(RecordKind::kMediation, text, "mediation.csv", Threads(threads));
    ASSERT_TRUE(s.ok()) << s.status();
    ExpectInvariant(*s);
    EXPECT_EQ(s->files[0].rows_read, rows);
    EXPECT_EQ(s->files[0].rows_kept, rows - 1);
    ASSERT_EQ(ds.rejects().size(), 1u);
    EXPECT_EQ(ds.rejects()[0].line, rows - 7 + 2);
  }
}

TEST(LineEnds, CrOnlyGbkFileIsConvertedAndSplitIntoRows) {
  // 区划代码,名称 / 440111,白云区 / 440112,黄埔区 in GBK, CR line ends.
  const std::string text =
      "\xC7\xF8\xBB\xAE\xB4\xFA\xC2\xEB,\xC3\xFB\xB3\xC6\r440111,\xB0\xD7\xD4\xC6\xC7\xF8\r"
      "440112,\xBB\xC6\xC6\xD2\xC7\xF8\r";
  Dataset ds;
  absl::StatusOr<LoadSummary> s = ds.load_buffer(RecordKind::kRegions, text, "regions.csv");
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(s->files[0].encoding, "GB18030");
  EXPECT_EQ(s->files[0].rows_kept, 2);
  EXPECT_EQ(ds.region_name(*RegionCode::parse("440112")), "黄埔区");
}

// A row ending with a lone CR inside an LF file joins the next row: it is
// rejected, and the reason says why.
TEST(LineEnds, ALoneCrInsideAnLfFileIsNamedInTheRejection) {
  const std::string text =
      "case_id,region,received_date\nA,440111,2019-01-01\rB,440111,2019-01-02\nC,440111,2019-01-03\n";
  Dataset ds;
  absl::StatusOr<LoadSummary> s = ds.load_buffer(RecordKind::kMediation, text, "mediation.csv");
  ASSERT_TRUE(s.ok()) << s.status();
  ExpectInvariant(*s);
  EXPECT_EQ(s->files[0].rows_read, 2);
  ASSERT_EQ(ds.rejects().size(), 1u);
  EXPECT_EQ(ds.rejects()[0].line, 2);
  EXPECT_NE(ds.rejects()[0].reason.find("单独的回车符"), std::string::npos) << ds.rejects()[0].reason;
}

// ---- Header names ----------------------------------------------------------------------

TEST(HeaderNames, AMisspeltOptionalColumnIsNamedWithItsClosestColumn) {
  const std::string text =
      "案号,区划代码,收案日期,审级,负责人出庭情况\nL1,440111,2019-01-10,一审,是\n";
  Dataset ds;
  absl::StatusOr<LoadSummary> s = ds.load_buffer(RecordKind::kLitigation, text, "litigation.csv");
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(s->files[0].rows_rejected, 0);
  ASSERT_EQ(s->notices.size(), 1u);
  EXPECT_EQ(s->notices[0],
            "litigation.csv: the header of column 5, \"负责人出庭情况\", is not a known column name; the column is "
            "ignored; the closest known column is \"负责人出庭\", that is head_appeared（负责人出庭、负责人出庭应诉）");
  const std::vector<std::string>& missing = s->files[0].missing_columns;
  EXPECT_NE(std::find(missing.begin(), missing.end(),
                      "head_appeared（负责人出庭、负责人出庭应诉）"),
            missing.end());
  EXPECT_EQ(missing.size(), 11u);  // every optional column of litigation
}

TEST(HeaderNames, EnglishNamesAreComparedWithoutCase) {
  const std::string text = "case_id,region,received_date,Catgory,org_id\nM1,440111,2019-01-10,x,o\n";
  Dataset ds;
  absl::StatusOr<LoadSummary> s = ds.load_buffer(RecordKind::kMediation, text, "mediation.csv");
  ASSERT_TRUE(s.ok()) << s.status();
  ASSERT_EQ(s->notices.size(), 1u);
  EXPECT_NE(s->notices[0].find("column 4, \"Catgory\""), std::string::npos) << s->notices[0];
  EXPECT_NE(s->notices[0].find("the closest known column is \"category\""), std::string::npos) << s->notices[0];
  EXPECT_EQ(s->files[0].missing_columns,
            (std::vector<std::string>{"closed_date（结案日期）", "outcome（调解结果）",
                                      "major_group（重大群体性纠纷）", "category（纠纷类型）",
                                      "org_type（调解组织类型）"}));
}

TEST(HeaderNames, AFileWithEveryColumnHasNoneMissingAndExtrasAreStillNamed) {
  const std::string text =
      "kind,entity_id,region,start_date,end_date,备注\nlawyer,E1,440111,2019-01-01,,x\n";
  Dataset ds;
  absl::StatusOr<LoadSummary> s = ds.load_buffer(RecordKind::kRegistry, text, "registry.csv");
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_TRUE(s->files[0].missing_columns.empty());
  ASSERT_EQ(s->notices.size(), 1u);
  EXPECT_EQ(s->notices[0],
            "registry.csv: the header of column 6, \"备注\", is not a known column name; the column is ignored (the "
            "file has every known column already)");
}

// ---- Encodings -------------------------------------------------------------------------

// One GBK row in a UTF-8 file with Chinese headers: the file is UTF-8 (its
// header and most rows are), and that row alone is rejected.
TEST(Encodings, OneGbkRowInAUtf8FileIsRejectedAlone) {
  std::string text = "案件编号,区划代码,受理日期,调解组织\n";
  for (int i = 0; i < 3000; ++i) absl::StrAppend(&text, "M", i, ",440111,2019-01-01,白云调委会\n");
  text += "M-gbk,440111,2019-01-01,\xB0\xD7\xD4\xC6\n";  // 白云 in GBK
  text += "M-last,440111,2019-01-02,白云调委会\n";
  for (int threads : {1, 2}) {
    SCOPED_TRACE(threads);
    Dataset ds;
    absl::StatusOr<LoadSummary> s =
        ds.load_buffer(RecordKind::kMediation, text, "mediation.csv", Threads(threads));
    ASSERT_TRUE(s.ok()) << s.status();
    ExpectInvariant(*s);
    EXPECT_EQ(s->files[0].encoding, "UTF-8");
    EXPECT_EQ(s->files[0].rows_read, 3002);
    EXPECT_EQ(s->files[0].rows_kept, 3001);
    ASSERT_EQ(ds.rejects().size(), 1u);
    EXPECT_EQ(ds.rejects()[0].line, 3002);
    EXPECT_EQ(ds.rejects()[0].reason, "not valid UTF-8 text");
    EXPECT_TRUE(AnyNoticeHas(*s, "read as UTF-8")) << s->notices.size();
  }
}

// One UTF-8 row in a GBK regions.csv: the file is GB18030, and the UTF-8 row
// is rejected rather than published as mojibake.
TEST(Encodings, OneUtf8RowInAGbkFileIsRejectedNotConverted) {
  const std::string text =
      "\xC7\xF8\xBB\xAE\xB4\xFA\xC2\xEB,\xC3\xFB\xB3\xC6\n"  // 区划代码,名称
      "440111,\xB0\xD7\xD4\xC6\xC7\xF8\n"                    // 白云区
      "440112,黄埔区\n"                                        // UTF-8
      "440113,\xB7\xAC\xD8\xAE\xC7\xF8\n";                   // 番禺区
  for (const Encoding e : {Encoding::kDetect, Encoding::kGb18030}) {
    Dataset ds;
    LoadOptions o;
    o.encoding = e;
    absl::StatusOr<LoadSummary> s = ds.load_buffer(RecordKind::kRegions, text, "regions.csv", o);
    ASSERT_TRUE(s.ok()) << s.status();
    ExpectInvariant(*s);
    EXPECT_EQ(s->files[0].encoding, "GB18030");
    EXPECT_EQ(s->files[0].rows_kept, 2);
    ASSERT_EQ(ds.rejects().size(), 1u);
    EXPECT_EQ(ds.rejects()[0].line, 3);
    EXPECT_EQ(ds.rejects()[0].raw, "440112,黄埔区");
    EXPECT_EQ(ds.rejects()[0].reason, "此行是 UTF-8 编码，而文件按 GB18030 读取；为免乱码不予读取");
    EXPECT_FALSE(ds.region_name(*RegionCode::parse("440112")).has_value());
    EXPECT_EQ(ds.region_name(*RegionCode::parse("440113")), "番禺区");
    EXPECT_TRUE(AnyNoticeHas(*s, "but 1 lines are UTF-8"));
  }
}

// A row that is neither GB18030 nor UTF-8 in a GBK file is rejected alone; the
// file used to be refused whole.
TEST(Encodings, ARowNeitherGbkNorUtf8InAGbkFileIsRejectedAlone) {
  const std::string text =
      "\xC7\xF8\xBB\xAE\xB4\xFA\xC2\xEB,\xC3\xFB\xB3\xC6\n"
      "440111,\xB0\xD7\xD4\xC6\xC7\xF8\n"
      "440112,\xFF\xFF\n"
      "440113,\xB7\xAC\xD8\xAE\xC7\xF8\n";
  Dataset ds;
  absl::StatusOr<LoadSummary> s = ds.load_buffer(RecordKind::kRegions, text, "regions.csv");
  ASSERT_TRUE(s.ok()) << s.status();
  ExpectInvariant(*s);
  EXPECT_EQ(s->files[0].rows_kept, 2);
  ASSERT_EQ(ds.rejects().size(), 1u);
  EXPECT_EQ(ds.rejects()[0].line, 3);
  EXPECT_EQ(ds.rejects()[0].reason, "此行既不是 GB18030 也不是 UTF-8 文本");
}

// Most rows GBK under an ASCII header, one row UTF-8: GB18030 wins the vote,
// the UTF-8 row is rejected.
TEST(Encodings, TheMajorityOfRowsDecidesUnderAnAsciiHeader) {
  std::string text = "region,name\n";
  for (int i = 0; i < 5; ++i) absl::StrAppend(&text, "44011", i, ",\xB0\xD7\xD4\xC6\xC7\xF8\n");
  text += "440199,白云区\n";
  Dataset ds;
  absl::StatusOr<LoadSummary> s = ds.load_buffer(RecordKind::kRegions, text, "regions.csv");
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(s->files[0].encoding, "GB18030");
  EXPECT_EQ(s->files[0].rows_kept, 5);
  ASSERT_EQ(ds.rejects().size(), 1u);
  EXPECT_EQ(ds.rejects()[0].line, 7);
}

// A GBK file large enough to be converted in pieces on several threads and
// parsed in ranges: the odd rows are found at their lines in every piece.
TEST(Encodings, OddRowsOfALargeGbkFileAreFoundOnEveryThread) {
  const std::string gbk_name = "\xB0\xD7\xD4\xC6\xB5\xF7\xCE\xAF\xBB\xE1";  // 白云调委会
  std::string text = "case_id,region,received_date,org_id\n";
  const int rows = 150000;
  std::vector<int64_t> odd_lines;
  for (int i = 0; i < rows; ++i) {
    if (i % 40000 == 39999) {
      absl::StrAppend(&text, "M", i, ",440111,2019-01-01,白云调委会\n");  // UTF-8
      odd_lines.push_back(i + 2);
    } else if (i % 40000 == 20000) {
      absl::StrAppend(&text, "M", i, ",440111,2019-01-01,\xFF\xFE\n");  // neither
      odd_lines.push_back(i + 2);
    } else {
      absl::StrAppend(&text, "M", i, ",440111,2019-01-01,", gbk_name, "\n");
    }
  }
  ASSERT_GT(text.size(), size_t{4} << 20);
  for (int threads : {1, 4}) {
    SCOPED_TRACE(threads);
    Dataset ds;
    absl::StatusOr<LoadSummary> s =
        ds.load_buffer(RecordKind::kMediation, text, "mediation.csv", Threads(threads));
    ASSERT_TRUE(s.ok()) << s.status();
    ExpectInvariant(*s);
    EXPECT_EQ(s->files[0].encoding, "GB18030");
    EXPECT_EQ(s->files[0].rows_read, rows);
    std::vector<int64_t> lines;
    for (const Rejection& r : ds.rejects()) lines.push_back(r.line);
    std::sort(lines.begin(), lines.end());
    std::sort(odd_lines.begin(), odd_lines.end());
    EXPECT_EQ(lines, odd_lines);
    EXPECT_EQ(ds.text(ds.mediation().org.back()), "白云调委会");
  }
}

TEST(Encodings, Utf8ChineseIsToldFromGbk) {
  EXPECT_TRUE(internal::is_utf8_chinese("440112,黄埔区，“白云”·阿卜杜\n"));
  EXPECT_FALSE(internal::is_utf8_chinese("ascii only\n"));
  EXPECT_FALSE(internal::is_utf8_chinese("\xB0\xD7\xD4\xC6\n"));   // 白云 in GBK
  EXPECT_FALSE(internal::is_utf8_chinese("\xCE\xAC\xB3\xD6"));      // 维持 in GBK
  EXPECT_FALSE(internal::is_utf8_chinese("caf\xC3\xA9"));           // é: UTF-8, not Chinese
  const internal::Utf8Vote v = internal::count_utf8_lines("a\n白\n\xB0\xD7\nb\n云");
  EXPECT_EQ(v.utf8, 2u);
  EXPECT_EQ(v.other, 1u);
}

// ---- Records added one by one ----------------------------------------------------------

TEST(Adds, AreCountedLikeLoadedRowsWithTheirRejections) {
  Dataset ds;
  MediationRecord m;
  m.case_id = "M1";
  m.region = *RegionCode::parse("440111");
  m.received_date = Date(2019, 3, 1);
  ASSERT_TRUE(ds.add(m).ok());
  EXPECT_FALSE(ds.add(m).ok());  // the same case_id again
  MediationRecord late = m;
  late.case_id = "M2";
  late.closed_date = Date(2019, 2, 1);  // before it was received
  EXPECT_FALSE(ds.add(late).ok());
  ds.reject_add(RecordKind::kMediation, "received_date: not a date: 'x'");
  RegionNameRecord r;
  r.region = *RegionCode::parse("440111");
  r.name = "白云区";
  ASSERT_TRUE(ds.add(r).ok());

  const LoadSummary& s = ds.summary();
  ExpectInvariant(s);
  EXPECT_EQ(s.rows_read(RecordKind::kMediation), 4);
  EXPECT_EQ(s.rows_kept(RecordKind::kMediation), 1);
  EXPECT_EQ(s.rows_rejected(RecordKind::kMediation), 3);
  EXPECT_EQ(s.rows_kept(RecordKind::kRegions), 1);
  ASSERT_EQ(ds.rejects().size(), 3u);
  EXPECT_EQ(ds.rejects()[0].file, "<add:mediation>");
  EXPECT_EQ(ds.rejects()[0].line, 2);
  EXPECT_EQ(ds.rejects()[0].column, "case_id");
  EXPECT_EQ(ds.rejects()[0].reason, "duplicate case_id 'M1' in region 440111");
  EXPECT_EQ(ds.rejects()[1].line, 3);
  EXPECT_EQ(ds.rejects()[1].column, "closed_date");
  EXPECT_EQ(ds.rejects()[2].line, 4);
  EXPECT_EQ(ds.rejects()[2].reason, "received_date: not a date: 'x'");

  ds.seal();
  EXPECT_FALSE(ds.add(m).ok());  // sealed: not a row read
  EXPECT_EQ(ds.summary().rows_read(RecordKind::kMediation), 4);
}

}  // namespace
}  // namespace fazhi

// ---- Notices for people ----------------------------------------------------------------

// Without a catalogue a notice is printed as it is kept, its control
// characters made visible; a file name holding the template's own words
// still reads back whole.
TEST(NoticeLine, KeepsTheEnglishAndShowsControlCharacters) {
  EXPECT_EQ(fazhi::notice_line("a.csv: not valid UTF-8; read as GB18030"), "a.csv: not valid UTF-8; read as GB18030");
  EXPECT_EQ(fazhi::notice_line("odd\nname.csv: no record files"), "odd\\nname.csv: no record files");
  EXPECT_EQ(fazhi::notice_line("something else entirely"), "something else entirely");
}
