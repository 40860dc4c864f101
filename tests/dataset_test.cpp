#include "fazhi/dataset.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "load/encoding.hpp"
#include "fazhi/report.hpp"
#include "fazhi/text.hpp"

namespace fazhi {
namespace {

const std::string kData = std::string(FAZHI_TEST_DATA_DIR) + "/load";

DayNumber Day(int y, int m, int d) {
  return to_day_number(Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
                            static_cast<unsigned short>(d)));
}

RegionCode Code(const char* text) { return *RegionCode::parse(text); }

void ExpectInvariant(const LoadSummary& s) {
  for (const FileSummary& f : s.files) {
    EXPECT_EQ(f.rows_read, f.rows_kept + f.rows_rejected) << f.file;
  }
}

// LoadMediation loads `text` as a mediation file into ds on `threads` threads.
absl::StatusOr<LoadSummary> LoadMediation(Dataset& ds, const std::string& text, int threads,
                                          const std::string& name = "m.csv") {
  LoadOptions o;
  o.threads = threads;
  return ds.load_buffer(RecordKind::kMediation, text, name, o);
}

struct Expected {
  std::string file;  // base name
  int64_t line;
  std::string column;
  std::string reason;
};

void ExpectRejects(const Dataset& ds, const std::vector<Expected>& expected) {
  ASSERT_EQ(ds.rejects().size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    const Rejection& r = ds.rejects()[i];
    const Expected& e = expected[i];
    EXPECT_TRUE(r.file.ends_with("/" + e.file)) << i << ": " << r.file;
    EXPECT_EQ(r.line, e.line) << i << ": " << r.reason;
    EXPECT_EQ(r.column, e.column) << i << ": line " << r.line;
    EXPECT_EQ(r.reason, e.reason) << i << ": line " << r.line;
  }
}

TEST(Dataset, RejectsEveryKindOfBadRowWithFileLineColumnAndReason) {
  Dataset ds;
  absl::StatusOr<LoadSummary> s = ds.load_dir(kData + "/bad");
  ASSERT_TRUE(s.ok()) << s.status();
  ExpectInvariant(*s);
  const std::string kCode = " (expected an English code or a Chinese label of docs/data.md)";
  ExpectRejects(
      ds,
      {
          {"reconsideration.csv", 3, "received_date",
           "no such day: '2019-02-30' (2019-2 has no day 30)"},
          {"reconsideration.csv", 4, "closed_date",
           "closed_date 2019-03-01 is before received_date 2019-03-10"},
          {"reconsideration.csv", 5, "accepted_date",
           "accepted_date 2019-03-09 is before received_date 2019-03-10"},
          {"reconsideration.csv", 6, "disposition",
           "missing disposition (required when closed_date is set)"},
          {"reconsideration.csv", 7, "disposition", "unknown disposition 'frobbed'" + kCode},
          {"reconsideration.csv", 8, "received_date", "missing received_date (required)"},
          {"reconsideration.csv", 9, "case_id", "missing case_id (required)"},
          {"reconsideration.csv", 10, "simple_procedure",
           "not a boolean: 'maybe' (expected 1/0, true/false, yes/no, 是/否 or Y/N)"},
          {"reconsideration.csv", 11, "region",
           "not a region code: '4401' (expected 6 digits, GB/T 2260)"},
          {"reconsideration.csv", 12, "suspended_days", "negative count: '-3'"},
          {"reconsideration.csv", 13, "suspended_days", "not a whole number: '2.5'"},
          {"reconsideration.csv", 14, "", "expected 13 fields as in the header, found 7"},
          {"reconsideration.csv", 15, "", "expected 13 fields as in the header, found 14"},
          {"reconsideration.csv", 16, "case_id", "duplicate case_id 'R1' in region 440111"},
          {"reconsideration.csv", 19, "disposition",
           "disposition 'revoked' given but closed_date is empty"},
          {"reconsideration.csv", 22, "respondent",
           "text after the closing quote of a quoted field"},
          {"reconsideration.csv", 23, "compensation",
           "unterminated quoted field (its closing quote is missing)"},
          {"legal_aid.csv", 3, "decided_date",
           "decided_date 2019-01-04 is before applied_date 2019-01-05"},
          {"legal_aid.csv", 4, "assigned_date",
           "assigned_date 2019-01-05 is before decided_date 2019-01-06"},
          {"legal_aid.csv", 5, "decision", "missing decision (required when decided_date is set)"},
          {"legal_aid.csv", 6, "recovered_amount", "not an amount of money: '-5' (negative)"},
          {"legal_aid.csv", 7, "recovered_amount",
           "not an amount of money: '12.345' (more than 2 decimals)"},
          {"legal_aid.csv", 8, "recovered_amount", "not an amount of money: '12x' (not a number)"},
          {"registry.csv", 3, "entity_id", "duplicate entity_id 'E1' for lawyer in region 440111"},
          {"registry.csv", 5, "end_date", "end_date 2011-01-01 is before start_date 2012-01-01"},
          {"registry.csv", 6, "kind", "unknown kind 'wizard'" + kCode},
          {"activity.csv", 3, "value", "negative count: '-3'"},
          {"activity.csv", 4, "value", "not a whole number: '1.5'"},
          {"activity.csv", 5, "value", "missing value (required)"},
          {"activity.csv", 6, "indicator", "unknown indicator 'no.such'" + kCode},
      });
  EXPECT_EQ(s->rows_read(RecordKind::kReconsideration), 20);
  EXPECT_EQ(s->rows_kept(RecordKind::kReconsideration), 3);
  EXPECT_EQ(s->rows_rejected(RecordKind::kReconsideration), 17);
  EXPECT_EQ(s->rows_kept(RecordKind::kLegalAid), 2);
  EXPECT_EQ(s->rows_kept(RecordKind::kRegistry), 2);
  EXPECT_EQ(s->rows_kept(RecordKind::kActivity), 1);
  EXPECT_EQ(s->rows_rejected(), 30);
  EXPECT_EQ(ds.rejects()[1].raw, "R3,440111,2019-03-10,2019-03-12,2019-03-01,upheld,,,,,,,");

  // What was kept: R1, R1 of another region, and the quoted multi-line R15,
  // held grouped by region (Dataset's row order): 440111's R1 and R15, then
  // 440112's R1.
  const ReconsiderationColumns& rc = ds.reconsideration();
  ASSERT_EQ(rc.size(), 3u);
  EXPECT_EQ(ds.regions()[rc.region[0]], Code("440111"));
  EXPECT_EQ(ds.regions()[rc.region[1]], Code("440111"));
  EXPECT_EQ(ds.regions()[rc.region[2]], Code("440112"));
  EXPECT_EQ(rc.disposition[0], Disposition::kRevoked);
  EXPECT_EQ(rc.received[0], Day(2019, 1, 5));
  EXPECT_EQ(rc.closed[2], kNoDay);
  EXPECT_EQ(ds.text(rc.respondent[0]), "区公安分局");
  EXPECT_EQ(ds.text(rc.respondent[1]), "区\"市场\"监管局");
  EXPECT_EQ(ds.text(rc.category[1]), "多行\n文本");
  EXPECT_EQ(rc.simple_procedure[1], Tri::kTrue);
  EXPECT_EQ(rc.extended[1], Tri::kUnknown);
  EXPECT_EQ(rc.suspended_days[1], -1);

  // Chinese labels and every accepted date form, money in 万.
  const LegalAidColumns& la = ds.legal_aid();
  ASSERT_EQ(la.size(), 2u);
  EXPECT_EQ(la.recovered_fen[0], 151280);
  EXPECT_EQ(la.recovered_fen[1], 1512800000);
  EXPECT_EQ(la.applied[1], Day(2019, 1, 5));
  EXPECT_EQ(la.decided[1], Day(2019, 1, 6));
  EXPECT_EQ(la.accepted[1], Day(2019, 1, 6));
  EXPECT_EQ(la.assigned[1], Day(2019, 1, 7));
  EXPECT_EQ(la.decision[1], AidDecision::kGranted);
  EXPECT_EQ(la.case_type[1], AidCaseType::kCriminal);
  EXPECT_EQ(la.assignment_method[1], AssignmentMethod::kLottery);
  EXPECT_EQ(la.commitment[1], Tri::kTrue);
  EXPECT_EQ(la.lawyer[0], la.lawyer[1]);  // one dictionary entry
  EXPECT_EQ(ds.text(la.firm[1]), "F1");

  EXPECT_EQ(ds.registry().kind[1], RegistryKind::kLawFirm);  // E1 again, another kind
  EXPECT_EQ(ds.activity().indicator[0], Indicator::kLawEducationEvents);
  EXPECT_EQ(ds.activity().value[0], 12);
}

TEST(Dataset, ReadsAGbkExportWithChineseHeadersAndDates) {
  Dataset ds;
  absl::StatusOr<LoadSummary> s =
      ds.load_file(RecordKind::kReconsideration, kData + "/gbk_reconsideration.csv");
  ASSERT_TRUE(s.ok()) << s.status();
  ASSERT_EQ(s->files.size(), 1u);
  EXPECT_EQ(s->files[0].encoding, "GB18030");
  ASSERT_EQ(s->notices.size(), 1u);
  EXPECT_NE(s->notices[0].find("read as GB18030"), std::string::npos);
  EXPECT_EQ(s->files[0].rows_read, 4);
  EXPECT_EQ(s->files[0].rows_kept, 3);
  ASSERT_EQ(ds.rejects().size(), 1u);
  EXPECT_EQ(ds.rejects()[0].line, 5);
  EXPECT_EQ(ds.rejects()[0].column, "received_date");
  EXPECT_EQ(ds.rejects()[0].reason, "no such day: '2019年2月30日' (2019-2 has no day 30)");
  EXPECT_EQ(ds.rejects()[0].raw, "（2019）穗白行复4号,440111,2019年2月30日,,,,白云区教育局,教育,");
  const ReconsiderationColumns& rc = ds.reconsideration();
  ASSERT_EQ(rc.size(), 3u);
  EXPECT_EQ(rc.received[0], Day(2019, 1, 3));
  EXPECT_EQ(rc.closed[1], Day(2019, 3, 1));
  EXPECT_EQ(rc.disposition[0], Disposition::kRevoked);
  EXPECT_EQ(rc.disposition[1], Disposition::kUpheld);
  EXPECT_EQ(rc.simple_procedure[0], Tri::kFalse);
  EXPECT_EQ(rc.simple_procedure[1], Tri::kTrue);
  EXPECT_EQ(ds.text(rc.respondent[1]), "白云区市场监督管理局");
}

TEST(Dataset, ForcedGb18030IsReportedAsRequested) {
  Dataset ds;
  LoadOptions o;
  o.encoding = Encoding::kGb18030;
  absl::StatusOr<LoadSummary> s =
      ds.load_file(RecordKind::kReconsideration, kData + "/gbk_reconsideration.csv", o);
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(s->files[0].encoding, "GB18030");
  EXPECT_NE(s->notices[0].find("read as GB18030 (as asked)"), std::string::npos);
  EXPECT_EQ(ds.reconsideration().size(), 3u);
}

TEST(Dataset, ForcedUtf8RefusesAGbkHeader) {
  Dataset ds;
  LoadOptions o;
  o.encoding = Encoding::kUtf8;
  absl::StatusOr<LoadSummary> s =
      ds.load_file(RecordKind::kReconsideration, kData + "/gbk_reconsideration.csv", o);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("not valid UTF-8"), std::string::npos);
}

TEST(Dataset, SwitchesToGb18030WhenOnlyALaterRowIsNotUtf8) {
  std::string text = "case_id,region,filed_date,instance,defendant\n";
  for (int i = 0; i < 3000; ++i) absl::StrAppend(&text, "S", i, ",440111,2019-01-10,first,x\n");
  text += "S-gbk,440111,2019-01-10,\xD2\xBB\xC9\xF3,\xB0\xD7\xD4\xC6\n";  // 一审, 白云
  Dataset ds;
  absl::StatusOr<LoadSummary> s = ds.load_buffer(RecordKind::kLitigation, text, "lit.csv");
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(s->files[0].encoding, "GB18030");
  EXPECT_EQ(s->files[0].rows_kept, 3001);
  EXPECT_EQ(ds.text(ds.litigation().defendant.back()), "白云");
}

TEST(Dataset, ReadsQuotedMultiLineFieldsWithBomAndCrLf) {
  Dataset ds;
  absl::StatusOr<LoadSummary> s =
      ds.load_file(RecordKind::kLitigation, kData + "/multiline_litigation.csv");
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(s->files[0].encoding, "UTF-8");
  EXPECT_EQ(s->files[0].rows_read, 4);
  const LitigationColumns& lc = ds.litigation();
  ASSERT_EQ(lc.size(), 3u);
  EXPECT_EQ(ds.text(lc.defendant[0]), "白云区公安分局, 交警大队");
  EXPECT_EQ(ds.text(lc.defendant[1]), "多行\r\n被告\r\n名称");
  EXPECT_EQ(ds.text(lc.defendant[2]), "说\"明\"");
  EXPECT_EQ(lc.outcome[0], LitigationOutcome::kJudgmentWin);
  EXPECT_EQ(lc.outcome[2], LitigationOutcome::kJudgmentLoss);
  EXPECT_EQ(lc.instance[2], Instance::kSecond);
  ASSERT_EQ(ds.rejects().size(), 1u);
  EXPECT_EQ(ds.rejects()[0].line, 7);  // after the three-line field
  EXPECT_EQ(ds.rejects()[0].reason, "no month 13 in '2019-13-12'");
}

TEST(Dataset, RefusesAFileMissingARequiredColumnWhole) {
  Dataset ds;
  absl::StatusOr<LoadSummary> s =
      ds.load_file(RecordKind::kMediation, kData + "/missing_column_mediation.csv");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(s.status().message().find("missing_column_mediation.csv"), std::string::npos);
  EXPECT_NE(s.status().message().find("'received_date' (受理日期)"), std::string::npos);
  EXPECT_EQ(ds.mediation().size(), 0u);
  EXPECT_TRUE(ds.rejects().empty());
  EXPECT_TRUE(ds.summary().files.empty());
}

TEST(Dataset, StrictModeStopsAtTheFirstBadRowAndKeepsNothing) {
  Dataset ds;
  LoadOptions o;
  o.strict = true;
  absl::StatusOr<LoadSummary> s =
      ds.load_file(RecordKind::kReconsideration, kData + "/bad/reconsideration.csv", o);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(std_view(s.status().message())
                  .ends_with("bad/reconsideration.csv:3: received_date: no such day: '2019-02-30' "
                             "(2019-2 has no day 30)"))
      << s.status().message();
  EXPECT_EQ(ds.reconsideration().size(), 0u);
  EXPECT_TRUE(ds.rejects().empty());
  // The ids seen before the failure were put back: the same file loads leniently.
  absl::StatusOr<LoadSummary> again =
      ds.load_file(RecordKind::kReconsideration, kData + "/bad/reconsideration.csv");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->rows_kept(RecordKind::kReconsideration), 3);
}

TEST(Dataset, StrictModeReportsAnEarlierDuplicate) {
  const std::string text =
      "case_id,region,received_date\nA,440111,2019-01-01\nA,440111,2019-01-02\nB,440111,2019-02-"
      "30\n";
  Dataset ds;
  LoadOptions o;
  o.strict = true;
  absl::StatusOr<LoadSummary> s = ds.load_buffer(RecordKind::kReconsideration, text, "x.csv", o);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().message(), "x.csv:3: case_id: duplicate case_id 'A' in region 440111");
}

// A kind's ids go into the index as soon as it is parsed, while other kinds
// may still fail: here mediation.csv's header is UTF-8 but its only row with
// Chinese text is GBK, so the file is read again as GB18030; its header, not
// all Chinese text (the é), is converted too, and no longer names the
// required received_date. The failed load must take reconsideration's ids
// back out, or loading the same file again would reject every row as a
// duplicate.
TEST(Dataset, AFailedLoadTakesBackTheIdsOfKindsAlreadyChecked) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "fazhi-dataset-late-failure";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string recon = "case_id,region,received_date\nA,440111,2019-01-01\nB,440111,2019-01-02\n";
  std::ofstream(dir / "reconsideration.csv") << recon;
  std::ofstream(dir / "mediation.csv") << "case_id,region,受理日期,org_id,café\n"
                                       << "M1,440111,2019-01-01,\xB0\xD7\xD4\xC6,x\n";  // 白云 in GBK
  for (int threads : {1, 2}) {
    SCOPED_TRACE(threads);
    Dataset ds;
    LoadOptions o;
    o.threads = threads;
    absl::StatusOr<LoadSummary> s = ds.load_dir(dir.string(), o);
    ASSERT_FALSE(s.ok());
    EXPECT_NE(s.status().message().find("'received_date' (受理日期)"), std::string::npos)
        << s.status().message();
    EXPECT_EQ(ds.reconsideration().size(), 0u);
    absl::StatusOr<LoadSummary> again =
        ds.load_buffer(RecordKind::kReconsideration, recon, "reconsideration.csv", o);
    ASSERT_TRUE(again.ok()) << again.status();
    EXPECT_EQ(again->rows_kept(RecordKind::kReconsideration), 2);
    EXPECT_TRUE(ds.rejects().empty());
  }
  fs::remove_all(dir);
}

TEST(Dataset, DuplicateIdsAcrossTwoLoadsRejectTheSecond) {
  Dataset ds;
  const std::string first =
      "case_id,region,received_date\nA,440111,2019-01-01\nB,440111,2019-01-01\n";
  const std::string second =
      "case_id,region,received_date\nC,440111,2019-01-01\nA,440111,2019-03-01\nA,440112,2019-03-"
      "01\n";
  ASSERT_TRUE(ds.load_buffer(RecordKind::kMediation, first, "first.csv").ok());
  absl::StatusOr<LoadSummary> s = ds.load_buffer(RecordKind::kMediation, second, "second.csv");
  ASSERT_TRUE(s.ok());
  ExpectInvariant(*s);
  EXPECT_EQ(s->files[0].rows_kept, 2);
  ASSERT_EQ(ds.rejects().size(), 1u);
  EXPECT_EQ(ds.rejects()[0].file, "second.csv");
  EXPECT_EQ(ds.rejects()[0].line, 3);
  EXPECT_EQ(ds.rejects()[0].reason, "duplicate case_id 'A' in region 440111");
  EXPECT_EQ(ds.rejects()[0].raw, "A,440111,2019-03-01");
  EXPECT_EQ(ds.mediation().size(), 4u);
  // Another kind has its own ids.
  ASSERT_TRUE(ds.load_buffer(RecordKind::kReconsideration, first, "r.csv").ok());
  EXPECT_EQ(ds.reconsideration().size(), 2u);
  EXPECT_EQ(ds.summary().files.size(), 3u);
}

TEST(Dataset, AnOversizedFieldIsARejectedRow) {
  std::string text = "case_id,region,received_date,respondent\n";
  text += "A,440111,2019-01-01," + std::string((size_t{1} << 20) + 1, 'x') + "\n";
  text += "B,440111,2019-01-02,ok\n";
  Dataset ds;
  absl::StatusOr<LoadSummary> s = ds.load_buffer(RecordKind::kReconsideration, text, "big.csv");
  ASSERT_TRUE(s.ok());
  ExpectInvariant(*s);
  EXPECT_EQ(s->files[0].rows_read, 2);
  ASSERT_EQ(ds.rejects().size(), 1u);
  EXPECT_EQ(ds.rejects()[0].line, 2);
  EXPECT_EQ(ds.rejects()[0].column, "respondent");
  EXPECT_EQ(ds.rejects()[0].reason, "field longer than 1 MiB");
  EXPECT_EQ(ds.rejects()[0].raw.size(), kMaxRawText);
  EXPECT_EQ(ds.reconsideration().size(), 1u);
}

// docs/data.md's "values" rule: spaces, tabs and U+3000 around a value are not
// part of it, whatever the column's type (the readers' fast paths take
// unpadded values as they are, the rest is trimmed first).
TEST(Dataset, ReadsPaddedValuesAsTheirTrimmedText) {
  const std::string sp = "\xE3\x80\x80";  // U+3000
  std::string text =
      "case_id,region,applied_date,decided_date,decision,accepted_date,case_type,assigned_date,"
      "lawyer_id,firm_id,assignment_method,commitment,closed_date,recovered_amount\n";
  text +=
      "A,440111,2019-04-04,2019-04-07,granted,2019-04-07,criminal,2019-04-08,L1,F1,lottery,1,"
      "2019-10-16,12.50\n";
  text += " B ," + sp + "440111 , 2019-04-04\t,2019-04-07" + sp + "," + sp +
          "granted , 2019-04-07,"
          "criminal ,\t2019-04-08, L1 ,F1" +
          sp + ", lottery, 1 ,2019-10-16 , 12.50 \n";
  text += "C,440111,2019-04-04, ," + sp + ",\t, , ," + sp + ", , , , , \n";
  Dataset ds;
  absl::StatusOr<LoadSummary> s = ds.load_buffer(RecordKind::kLegalAid, text, "padded.csv");
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_TRUE(ds.rejects().empty()) << ds.rejects()[0].reason;
  const LegalAidColumns& c = ds.legal_aid();
  ASSERT_EQ(c.size(), 3u);
  for (size_t i : {0, 1}) {
    EXPECT_EQ(ds.regions()[c.region[i]], Code("440111"));
    EXPECT_EQ(c.applied[i], Day(2019, 4, 4));
    EXPECT_EQ(c.decided[i], Day(2019, 4, 7));
    EXPECT_EQ(c.decision[i], AidDecision::kGranted);
    EXPECT_EQ(c.case_type[i], AidCaseType::kCriminal);
    EXPECT_EQ(c.assigned[i], Day(2019, 4, 8));
    EXPECT_EQ(ds.text(c.lawyer[i]), "L1");
    EXPECT_EQ(ds.text(c.firm[i]), "F1");
    EXPECT_EQ(c.assignment_method[i], AssignmentMethod::kLottery);
    EXPECT_EQ(c.commitment[i], Tri::kTrue);
    EXPECT_EQ(c.closed[i], Day(2019, 10, 16));
    EXPECT_EQ(c.recovered_fen[i], 1250);
  }
  EXPECT_EQ(c.decided[2], kNoDay);
  EXPECT_EQ(c.decision[2], AidDecision::kNone);
  EXPECT_EQ(c.case_type[2], AidCaseType::kNone);
  EXPECT_EQ(c.lawyer[2], 0u);
  EXPECT_EQ(c.assignment_method[2], AssignmentMethod::kNone);
  EXPECT_EQ(c.commitment[2], Tri::kUnknown);
  EXPECT_EQ(c.recovered_fen[2], -1);
}

TEST(Dataset, InvalidUtf8InADeclaredUtf8FileRejectsTheRow) {
  const std::string text =
      "\xEF\xBB\xBF"
      "case_id,region,received_date,org_id\nA,440111,2019-01-01,\xFF\nB,440111,2019-01-01,ok\n";
  Dataset ds;
  absl::StatusOr<LoadSummary> s = ds.load_buffer(RecordKind::kMediation, text, "m.csv");
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(s->files[0].encoding, "UTF-8");
  ASSERT_EQ(ds.rejects().size(), 1u);
  EXPECT_EQ(ds.rejects()[0].reason, "not valid UTF-8 text");
  EXPECT_EQ(ds.mediation().size(), 1u);
}

TEST(Dataset, ATextNeitherUtf8NorGb18030IsReadAsUtf8RowByRow) {
  std::string text = "case_id,region,received_date,org_id\n";
  for (int i = 0; i < 2000; ++i) absl::StrAppend(&text, "M", i, ",440111,2019-01-01,组织\n");
  text += "BAD,440111,2019-01-01,\xFF\xFF\n";
  Dataset ds;
  absl::StatusOr<LoadSummary> s = ds.load_buffer(RecordKind::kMediation, text, "m.csv");
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(s->files[0].encoding, "UTF-8");
  ASSERT_EQ(s->notices.size(), 1u);
  EXPECT_NE(s->notices[0].find("read as UTF-8 (2000 of the lines with non-ASCII characters are UTF-8, 1 are not)"),
            std::string::npos)
      << s->notices[0];
  ASSERT_EQ(ds.rejects().size(), 1u);
  EXPECT_EQ(ds.rejects()[0].line, 2002);
  EXPECT_EQ(ds.rejects()[0].reason, "not valid UTF-8 text");
  EXPECT_EQ(ds.mediation().size(), 2000u);
}

// The loader checks UTF-8 a window of rows at a time (Utf8Window): bad bytes
// spread over a text far longer than one window, at a window's start, inside
// a quoted multi-line field and on the last row, reject exactly their rows.
TEST(Dataset, InvalidUtf8RowsAmongManyWindowsAreRejectedOneByOne) {
  std::string text = "case_id,region,received_date,org_id,category\n";
  std::vector<int64_t> bad_lines;
  int64_t line = 1;
  for (int i = 0; i < 60000; ++i) {
    ++line;
    std::string org = "调解组织";
    if (i % 7919 == 3 || i == 1 || i == 59999) {
      org = i % 2 == 0 ? "\xE8\xB0" : "x\xC0\xAFy";  // a cut character, an overlong form
      bad_lines.push_back(line);
    }
    if (i % 5003 == 11) {
      absl::StrAppend(&text, "M", i, ",440111,2019-01-01,\"多\n行\",", org, "\n");
      ++line;
      continue;
    }
    absl::StrAppend(&text, "M", i, ",440111,2019-01-01,", org, ",劳动争议\n");
  }
  for (int threads : {1, 2}) {
    Dataset ds;
    LoadOptions o;
    o.encoding = Encoding::kUtf8;
    o.threads = threads;
    absl::StatusOr<LoadSummary> s = ds.load_buffer(RecordKind::kMediation, text, "m.csv", o);
    ASSERT_TRUE(s.ok()) << s.status();
    ExpectInvariant(*s);
    std::vector<int64_t> lines;
    for (const Rejection& r : ds.rejects()) {
      EXPECT_EQ(r.reason, "not valid UTF-8 text");
      lines.push_back(r.line);
    }
    EXPECT_EQ(lines, bad_lines);
    EXPECT_EQ(ds.mediation().size(), 60000u - bad_lines.size());
  }
}

// A large range's id entries are kept by the duplicate-id index as they are
// (adopt_ids): ids from such a load must still catch duplicates in a later
// load, and a strict load that fails must leave the index as it was.
// A duplicate's line and text are found again by reading on from the start
// of its block of 64 kept rows, stepping over rejected rows, blank lines and
// quoted line breaks: check rows at the edges of blocks.
TEST(Dataset, DuplicatesAtBlockEdgesKeepTheirLineAndText) {
  std::string csv = "case_id,region,received_date,category\n";
  int line = 1;
  std::vector<std::pair<int, std::string>> want;  // (line, raw) of each duplicate
  for (int kept = 0; kept < 300; ++kept) {
    ++line;
    absl::StrAppend(&csv, "M", kept, ",440111,2019-01-01,\"a\nb\"\n");
    ++line;  // the quoted line break
    if (kept % 50 == 7) {  // a rejected row and a blank line, which are not kept rows
      absl::StrAppend(&csv, "X", kept, ",440111,2019-02-30,\n\n");
      line += 2;
    }
    for (int dup : {0, 62, 63, 64, 127, 128, 191}) {
      if (kept != dup) continue;
      absl::StrAppend(&csv, "M", kept, ",440111,2019-01-03,x\n");
      ++line;
      want.emplace_back(line, absl::StrCat("M", kept, ",440111,2019-01-03,x"));
    }
  }
  for (int threads : {1, 2}) {
    Dataset ds;
    absl::StatusOr<LoadSummary> s = LoadMediation(ds, csv, threads);
    ASSERT_TRUE(s.ok()) << s.status();
    ExpectInvariant(*s);
    std::vector<std::pair<int, std::string>> got;
    for (const Rejection& r : ds.rejects()) {
      if (r.reason.find("duplicate") != std::string::npos) got.emplace_back(r.line, r.raw);
    }
    EXPECT_EQ(got, want) << threads;
    EXPECT_EQ(ds.mediation().size(), 300u);
  }
}

TEST(Dataset, DuplicateIdsAreFoundAcrossLargeLoads) {
  std::string first = "case_id,region,received_date\n";
  for (int i = 0; i < 80000; ++i) absl::StrAppend(&first, "M", i, ",440111,2019-01-01\n");
  absl::StrAppend(&first, "M79999,440111,2019-01-02\n");  // the last row repeats an id
  for (int threads : {1, 2}) {
    Dataset ds;
    absl::StatusOr<LoadSummary> s = LoadMediation(ds, first, threads, "a.csv");
    ASSERT_TRUE(s.ok()) << s.status();
    ASSERT_EQ(ds.rejects().size(), 1u);
    EXPECT_EQ(ds.rejects()[0].line, 80002);
    EXPECT_EQ(ds.rejects()[0].reason, "duplicate case_id 'M79999' in region 440111");

    std::string second = "case_id,region,received_date\n";
    for (int i = 0; i < 40000; ++i) absl::StrAppend(&second, "N", i, ",440111,2019-01-01\n");
    absl::StrAppend(&second, "M123,440111,2019-01-01\nM123,440112,2019-01-01\n");
    LoadOptions strict;
    strict.threads = threads;
    strict.strict = true;
    absl::StatusOr<LoadSummary> bad =
        ds.load_buffer(RecordKind::kMediation, second, "b.csv", strict);
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.status().message().find("b.csv:40002: case_id: duplicate case_id 'M123'"),
              std::string::npos)
        << bad.status();
    // The failed strict load left no N ids behind: loading it again rejects only M123.
    s = LoadMediation(ds, second, threads, "b.csv");
    ASSERT_TRUE(s.ok()) << s.status();
    ExpectInvariant(*s);
    ASSERT_EQ(ds.rejects().size(), 2u);
    EXPECT_EQ(ds.rejects()[1].line, 40002);
    EXPECT_EQ(ds.mediation().size(), 80000u + 40001u);
    MediationRecord again;
    again.case_id = "N7";
    again.region = Code("440111");
    again.received_date = Date(2019, 1, 1);
    EXPECT_EQ(ds.add(again).message(), "case_id: duplicate case_id 'N7' in region 440111");
    size_t id_text = 4;  // M123 in 440112
    for (int k = 0; k < 80000; ++k) id_text += absl::StrCat("M", k).size();
    for (int k = 0; k < 40000; ++k) id_text += absl::StrCat("N", k).size();
    EXPECT_EQ(ds.memory_usage().id_text, id_text);
  }
}

// A load into an empty dataset whose ids come in ascending order (of id, or
// of region and then id) cannot repeat one, so its id index is built only
// when something is next checked against it: a later load or record must
// still find every duplicate. memory_usage shows whether the slots exist.
TEST(Dataset, AscendingIdsAreIndexedWhenTheNextRowsArrive) {
  constexpr int kRows = 200000;  // two ranges of 100,000: each adopted by the index (adopt_ids)
  auto id = [](int i) { return absl::StrFormat("M%06d", i); };
  const std::string header = "case_id,region,received_date\n";
  std::string by_id = header, by_region = header;
  for (int i = 0; i < kRows; ++i) {
    absl::StrAppend(&by_id, id(i), i % 2 == 0 ? ",440111" : ",440112", ",2019-01-01\n");
  }
  for (int i = 0; i < kRows; ++i) {  // ids restart in the second region
    absl::StrAppend(&by_region, id(i % (kRows / 2)), i < kRows / 2 ? ",440111" : ",440112",
                    ",2019-01-01\n");
  }
  const size_t slots = kRows * sizeof(uint64_t);  // at least this much once indexed
  for (const std::string* text : {&by_id, &by_region}) {
    for (int threads : {1, 2}) {
      Dataset ds;
      absl::StatusOr<LoadSummary> s = LoadMediation(ds, *text, threads, "a.csv");
      ASSERT_TRUE(s.ok()) << s.status();
      EXPECT_EQ(s->rows_kept(RecordKind::kMediation), kRows);
      EXPECT_LT(ds.memory_usage().id_index, slots) << threads;
      EXPECT_EQ(ds.memory_usage().id_text, size_t{kRows} * 7);

      const std::string second = header + "N000001,440111,2019-01-01\n" + id(4) +
                                 ",440111,2019-01-01\n" + id(4) + ",440113,2019-01-01\n";
      s = LoadMediation(ds, second, threads, "b.csv");
      ASSERT_TRUE(s.ok()) << s.status();
      ASSERT_EQ(ds.rejects().size(), 1u);
      EXPECT_EQ(ds.rejects()[0].line, 3);
      EXPECT_EQ(ds.rejects()[0].reason, "duplicate case_id 'M000004' in region 440111");
      EXPECT_GT(ds.memory_usage().id_index, slots);
      EXPECT_EQ(ds.memory_usage().id_text, size_t{kRows} * 7 + 7 + 7);
      MediationRecord again;
      again.case_id = id(7);
      again.region = Code(text == &by_id ? "440112" : "440111");
      again.received_date = Date(2019, 1, 1);
      EXPECT_EQ(ds.add(again).message(),
                absl::StrCat("case_id: duplicate case_id 'M000007' in region ", again.region.str()));
      EXPECT_EQ(ds.mediation().size(), size_t{kRows} + 2);
    }
  }
}

// Two threads cut this text after the row that begins at its middle byte
// (its rows are all 26 bytes long, so that is row kRows / 2 + 1): each range
// is ascending on its own, and only where they meet does an id repeat.
TEST(Dataset, AnIdRepeatedWhereTwoRangesMeetIsFound) {
  constexpr int kRows = 200000;  // two ranges of 100,000: each adopted by the index (adopt_ids)
  std::string text = "case_id,region,received_date\n";
  for (int i = 0; i < kRows; ++i) {
    const int n = i <= kRows / 2 ? i : i - 1;  // row kRows / 2 + 1 repeats the id before it
    absl::StrAppend(&text, absl::StrFormat("M%06d", n), ",440111,2019-01-01\n");
  }
  for (int threads : {1, 2}) {
    Dataset ds;
    absl::StatusOr<LoadSummary> s = LoadMediation(ds, text, threads, "a.csv");
    ASSERT_TRUE(s.ok()) << s.status();
    ExpectInvariant(*s);
    ASSERT_EQ(ds.rejects().size(), 1u) << threads;
    EXPECT_EQ(ds.rejects()[0].line, kRows / 2 + 3);
    EXPECT_EQ(ds.rejects()[0].reason, "duplicate case_id 'M100000' in region 440111");
    EXPECT_GT(ds.memory_usage().id_index, kRows * sizeof(uint64_t));  // checked, so indexed
  }
}

// Ids in no order, with repeats spread over both ranges of a two-thread
// load: each repeat is the row rejected, on its own line, whichever range
// and group of the index its id falls in.
TEST(Dataset, RepeatedIdsInNoOrderAreRejectedOnTheirLines) {
  constexpr int kRows = 150000;
  std::string text = "case_id,region,received_date\n";
  std::vector<std::pair<int64_t, std::string>> want;  // line, id
  auto id_of = [](int i) { return absl::StrCat("C", (int64_t{i} * 7919) % kRows); };  // 7919 is prime
  for (int i = 0; i < kRows; ++i) {
    std::string id = id_of(i);
    if (i % 997 == 5) {
      id = id_of(i - 3);  // repeats the id three rows up
      want.emplace_back(i + 2, id);
    }
    absl::StrAppend(&text, id, ",440111,2019-01-01\n");
  }
  for (int threads : {1, 2}) {
    Dataset ds;
    absl::StatusOr<LoadSummary> s = LoadMediation(ds, text, threads, "a.csv");
    ASSERT_TRUE(s.ok()) << s.status();
    ExpectInvariant(*s);
    ASSERT_EQ(ds.rejects().size(), want.size()) << threads;
    for (size_t k = 0; k < want.size(); ++k) {
      EXPECT_EQ(ds.rejects()[k].line, want[k].first) << k;
      EXPECT_EQ(ds.rejects()[k].reason,
                absl::StrCat("duplicate case_id '", want[k].second, "' in region 440111"));
    }
    EXPECT_EQ(ds.mediation().size(), kRows - want.size());
  }
}

TEST(Encoding, ToValidUtf8ReplacesEachBadByteAndKeepsGoodText) {
  using internal::to_valid_utf8;
  EXPECT_EQ(to_valid_utf8("白云区 ok"), "白云区 ok");
  EXPECT_EQ(to_valid_utf8(""), "");
  EXPECT_EQ(to_valid_utf8("a\xFF" "b"), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(to_valid_utf8("\xD0\xD0\xD5\xFE.csv"),
            "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD.csv");  // GBK 行政
  EXPECT_EQ(to_valid_utf8("\xE7\x99"), "\xEF\xBF\xBD\xEF\xBF\xBD");  // a cut character
  EXPECT_TRUE(internal::is_valid_utf8(to_valid_utf8("\xED\xA0\x80\xF4\x90\x80\x80\xC0\xAF")));
}

// A folder exported on Chinese Windows may hold a GBK-named file, and a row
// of a UTF-8 file may hold bad bytes: the notices, the rejections and the
// report's JSON must still be valid UTF-8 (issue: raw bytes reached to_json).
TEST(Dataset, NamesAndRejectedRowsAreValidUtf8WhateverTheBytes) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "fazhi-dataset-gbk-name";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "\xD0\xD0\xD5\xFE.csv") << "x\n";        // 行政.csv in GBK: ignored
  std::ofstream(dir / "\xD0\xD0\xD5\xFE.txt") << "x\n";
  std::ofstream(dir / "mediation.csv")
      << "\xEF\xBB\xBF" "case_id,region,received_date,org_id\n"
      << "A,440111,2019-01-01,\xFF\xFE\n"
      << "B,440111,2019-01-01,ok\n";
  Dataset ds;
  absl::StatusOr<LoadSummary> s = ds.load_dir(dir.string());
  ASSERT_TRUE(s.ok()) << s.status();
  ASSERT_EQ(s->notices.size(), 2u);
  for (const std::string& n : s->notices) {
    EXPECT_TRUE(internal::is_valid_utf8(n)) << n;
    EXPECT_NE(n.find("\xEF\xBF\xBD"), std::string::npos) << n;
  }
  ASSERT_EQ(ds.rejects().size(), 1u);
  EXPECT_EQ(ds.rejects()[0].raw, "A,440111,2019-01-01,\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_TRUE(internal::is_valid_utf8(ds.rejects()[0].file));

  absl::StatusOr<Report> r = compute_report(ds, Code("440111"), year_period(2019));
  ASSERT_TRUE(r.ok()) << r.status();
  const std::string json = to_json(*r);
  EXPECT_TRUE(internal::is_valid_utf8(json));
  EXPECT_FALSE(nlohmann::json::parse(json, nullptr, false).is_discarded());
  // A file whose own name is not UTF-8, loaded by path, is named in UTF-8 too.
  const fs::path bad = dir / "\xB0\xD7.csv";
  std::ofstream(bad) << "region,name\n440111,x\n440111,y\n";
  Dataset ds2;
  ASSERT_TRUE(ds2.load_file(RecordKind::kRegions, bad.string()).ok());
  ASSERT_EQ(ds2.rejects().size(), 1u);
  EXPECT_TRUE(internal::is_valid_utf8(ds2.rejects()[0].file)) << ds2.rejects()[0].file;
  fs::remove_all(dir);
}

// Found by fuzz_csv_*: bad bytes replaced by U+FFFD (three bytes each) made
// a rejected row's raw text up to three times kMaxRawText.
TEST(Dataset, RawTextOfABadRowStaysWithinItsLimit) {
  std::string text = "\xEF\xBB\xBF" "case_id,region,received_date,org_id\nA,440111,2019-01-01,";
  text.append(2000, '\xFF');
  text += "\n";
  Dataset ds;
  ASSERT_TRUE(ds.load_buffer(RecordKind::kMediation, text, "m.csv").ok());
  ASSERT_EQ(ds.rejects().size(), 1u);
  EXPECT_LE(ds.rejects()[0].raw.size(), kMaxRawText);
  EXPECT_GT(ds.rejects()[0].raw.size(), kMaxRawText - 3);
  EXPECT_TRUE(internal::is_valid_utf8(ds.rejects()[0].raw));
  EXPECT_TRUE(ds.rejects()[0].raw.starts_with("A,440111,2019-01-01,\xEF\xBF\xBD"));
}

// Each load keeps its rows grouped by region (regions in code order, each
// region's rows in file order), for the report's one pass; seal() groups
// the rows of several loads and of add().
TEST(Dataset, HoldsRowsGroupedByRegionAfterEachLoadAndSeal) {
  const std::string header = "case_id,region,received_date\n";
  Dataset ds;
  ASSERT_TRUE(ds.load_buffer(RecordKind::kMediation,
                             header + "M1,440113,2019-01-01\nM2,440111,2019-01-02\nM3,440113,2019-01-03\n"
                                      "M4,440111,2019-01-04\nM5,440112,2019-01-05\n",
                             "a.csv")
                  .ok());
  auto rows = [&ds] {
    std::vector<std::pair<std::string, int>> out;  // (region, day of January)
    const MediationColumns& c = ds.mediation();
    for (size_t i = 0; i < c.size(); ++i) {
      out.emplace_back(ds.regions()[c.region[i]].str(), c.received[i] - Day(2019, 1, 1) + 1);
    }
    return out;
  };
  using Rows = std::vector<std::pair<std::string, int>>;
  EXPECT_EQ(rows(), (Rows{{"440111", 2}, {"440111", 4}, {"440112", 5}, {"440113", 1}, {"440113", 3}}));

  ASSERT_TRUE(ds.load_buffer(RecordKind::kMediation, header + "M6,440112,2019-01-06\nM7,440111,2019-01-07\n", "b.csv")
                  .ok());
  MediationRecord added;
  added.case_id = "M8";
  added.region = *RegionCode::parse("440111");
  added.received_date = Date(2019, 1, 8);
  ASSERT_TRUE(ds.add(added).ok());
  // A second load is grouped within itself, and an added row comes last.
  EXPECT_EQ(rows(), (Rows{{"440111", 2}, {"440111", 4}, {"440112", 5}, {"440113", 1}, {"440113", 3},
                          {"440111", 7}, {"440112", 6}, {"440111", 8}}));
  ds.seal();
  EXPECT_EQ(rows(), (Rows{{"440111", 2}, {"440111", 4}, {"440111", 7}, {"440111", 8}, {"440112", 5},
                          {"440112", 6}, {"440113", 1}, {"440113", 3}}));
}

// A load whose rows are grouped while the other kinds still parse (one
// range, no duplicate ids) and one that holds a duplicate (grouped after
// the commit, its rows found by position first) keep the same order.
TEST(Dataset, GroupsRowsByRegionWithAndWithoutDuplicateIds) {
  const std::string header = "case_id,region,received_date\n";
  const std::string rows = "M1,440113,2019-01-01\nM2,440111,2019-01-02\nM3,440112,2019-01-03\nM4,440111,2019-01-04\n";
  for (const bool duplicate : {false, true}) {
    SCOPED_TRACE(duplicate);
    Dataset ds;
    absl::StatusOr<LoadSummary> s =
        ds.load_buffer(RecordKind::kMediation, header + rows + (duplicate ? "M3,440112,2019-01-05\n" : ""), "m.csv");
    ASSERT_TRUE(s.ok()) << s.status();
    EXPECT_EQ(s->rows_rejected(), duplicate ? 1 : 0);
    const MediationColumns& c = ds.mediation();
    std::vector<std::pair<std::string, int>> held;  // (region, day of January)
    for (size_t i = 0; i < c.size(); ++i) {
      held.emplace_back(ds.regions()[c.region[i]].str(), c.received[i] - Day(2019, 1, 1) + 1);
    }
    EXPECT_EQ(held, (std::vector<std::pair<std::string, int>>{{"440111", 2}, {"440111", 4}, {"440112", 3}, {"440113", 1}}));
  }
}

TEST(Dataset, MatchesHeadersByAliasAndCaseInAnyOrder) {
  const std::string text =
      " 受理日期 ,Extra,REGION,案件编号,调解结果,结案日期\n2019/3/5,zz,440111, M1 "
      ",调解成功,2019-03-09\n";
  Dataset ds;
  absl::StatusOr<LoadSummary> s = ds.load_buffer(RecordKind::kMediation, text, "m.csv");
  ASSERT_TRUE(s.ok()) << s.status();
  ASSERT_EQ(ds.mediation().size(), 1u);
  EXPECT_EQ(ds.mediation().received[0], Day(2019, 3, 5));
  EXPECT_EQ(ds.mediation().outcome[0], MediationOutcome::kSuccess);
  EXPECT_EQ(ds.mediation().org[0], 0u);
}

// A header of docs/data.md's columns in its order takes a path of its own (each
// field's reader fixed at compile time): it reads and rejects rows exactly as
// the same columns in another order do, first bad column first.
TEST(Dataset, CanonicalAndReorderedHeadersReadTheSameRows) {
  const std::vector<std::vector<std::string>> rows = {
      {"M1", "440111", "O1", "2019-03-05", "2019-03-09", "success", "0", "劳动争议"},
      {"M2", "440111", "O2", "2019-02-30", "2019-03-09", "nonsense", "0", "x"},
      {"M3", "4401", "O3", "2019-03-05", "", "success", "maybe", "x"},
      {"M4", "440112", "", "2019-03-05", "2019-03-01", "", "1", ""},
      {"M5", "440112", "O1", " 2019-03-06 ", "", "", "", " 婚姻家庭 "},
  };
  const std::vector<std::string> names = {"case_id",     "region",  "org_id",      "received_date",
                                          "closed_date", "outcome", "major_group", "category"};
  auto csv = [&](const std::vector<size_t>& order) {
    std::string text;
    for (size_t k = 0; k < order.size(); ++k) text += (k ? "," : "") + names[order[k]];
    text += "\n";
    for (const auto& row : rows) {
      for (size_t k = 0; k < order.size(); ++k) text += (k ? "," : "") + row[order[k]];
      text += "\n";
    }
    return text;
  };
  Dataset canonical, reordered;
  ASSERT_TRUE(
      canonical.load_buffer(RecordKind::kMediation, csv({0, 1, 2, 3, 4, 5, 6, 7}), "m.csv").ok());
  ASSERT_TRUE(
      reordered.load_buffer(RecordKind::kMediation, csv({7, 3, 0, 5, 1, 6, 4, 2}), "m.csv").ok());
  ASSERT_EQ(canonical.rejects().size(), 3u);
  ASSERT_EQ(reordered.rejects().size(), canonical.rejects().size());
  for (size_t i = 0; i < canonical.rejects().size(); ++i) {
    EXPECT_EQ(canonical.rejects()[i].line, reordered.rejects()[i].line);
    EXPECT_EQ(canonical.rejects()[i].column, reordered.rejects()[i].column) << i;
    EXPECT_EQ(canonical.rejects()[i].reason, reordered.rejects()[i].reason) << i;
  }
  const MediationColumns& a = canonical.mediation();
  const MediationColumns& b = reordered.mediation();
  ASSERT_EQ(a.size(), 2u);
  ASSERT_EQ(b.size(), 2u);
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a.received[i], b.received[i]);
    EXPECT_EQ(a.closed[i], b.closed[i]);
    EXPECT_EQ(a.outcome[i], b.outcome[i]);
    EXPECT_EQ(a.major_group[i], b.major_group[i]);
    EXPECT_EQ(canonical.text(a.org[i]), reordered.text(b.org[i]));
    EXPECT_EQ(canonical.text(a.category[i]), reordered.text(b.category[i]));
  }
  EXPECT_EQ(canonical.text(a.category[1]), "婚姻家庭");
}

TEST(Dataset, LoadDirGivesNoticesForFilesItDoesNotRead) {
  Dataset ds;
  absl::StatusOr<LoadSummary> s = ds.load_dir(kData + "/dir");
  ASSERT_TRUE(s.ok()) << s.status();
  ExpectInvariant(*s);
  ASSERT_EQ(s->files.size(), 3u);  // reconsideration, MEDIATION.CSV, regions
  EXPECT_EQ(s->files[0].kind, RecordKind::kReconsideration);
  EXPECT_EQ(s->files[1].kind, RecordKind::kMediation);
  EXPECT_EQ(s->files[2].kind, RecordKind::kRegions);
  ASSERT_EQ(s->notices.size(), 3u);
  EXPECT_NE(s->notices[0].find("README.txt: ignored"), std::string::npos) << s->notices[0];
  EXPECT_NE(s->notices[1].find("notes: ignored (a folder"), std::string::npos) << s->notices[1];
  EXPECT_NE(s->notices[2].find("MEDIATION.CSV: the header of column 4, \"Extra\", is not a known column name"),
            std::string::npos)
      << s->notices[2];
  EXPECT_EQ(ds.region_name(Code("440111")), "白云区");
  EXPECT_EQ(ds.region_name(Code("440100")), "广州市");
  EXPECT_FALSE(ds.region_name(Code("440112")).has_value());
  EXPECT_EQ(ds.regions().size(), 2u);  // the codes rows used, not the named ones
  ASSERT_TRUE(ds.region_index(Code("440112")).has_value());
  EXPECT_EQ(ds.regions()[*ds.region_index(Code("440112"))], Code("440112"));
  EXPECT_FALSE(ds.region_index(Code("440100")).has_value());
}

TEST(Dataset, LoadDirNamesAMissingFolder) {
  Dataset ds;
  absl::StatusOr<LoadSummary> s = ds.load_dir(kData + "/no-such-folder");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), absl::StatusCode::kNotFound);
  EXPECT_NE(s.status().message().find("no-such-folder"), std::string::npos);
}

// A file big enough to be cut into ranges, with quoted line breaks, bad rows
// and duplicates spread over it.
std::string BigFile() {
  std::string text =
      "case_id,region,applied_date,decided_date,decision,lawyer_id,firm_id,recovered_amount\n";
  for (int i = 0; i < 120000; ++i) {
    const bool dup = i % 50000 == 7;  // A7 three times in one region: two duplicates
    const int region = dup ? 440108 : 440101 + i % 13;
    absl::StrAppend(&text, "A", dup ? 7 : i, ",", region, ",2019-0", 1 + i % 9, "-1", i % 10);
    if (i % 997 == 0) {
      absl::StrAppend(&text, ",2019-02-30,granted,\"L\n", i % 300, "\",F", i % 40, ",12.5\n");
    } else if (i % 101 == 0) {
      absl::StrAppend(&text, ",,,\"lawyer, \"\"", i % 500, "\"\"\nsecond line\",F", i % 40, ",\n");
    } else if (i % 4099 == 0) {
      absl::StrAppend(&text, ",,,L", i, "\"quote,F1,\n");  // a quote inside an unquoted field
    } else {
      absl::StrAppend(&text, ",2019-10-1", i % 10, ",granted,L", i % 700, ",F", i % 40, ",",
                      i % 3 == 0 ? "100.5" : "", "\n");
    }
  }
  return text;
}

TEST(Dataset, ParallelLoadEqualsSingleThreadLoad) {
  const std::string text = BigFile();
  Dataset one, many;
  LoadOptions o1, o8;
  o1.threads = 1;
  o8.threads = 8;
  absl::StatusOr<LoadSummary> s1 = one.load_buffer(RecordKind::kLegalAid, text, "big.csv", o1);
  absl::StatusOr<LoadSummary> s8 = many.load_buffer(RecordKind::kLegalAid, text, "big.csv", o8);
  ASSERT_TRUE(s1.ok() && s8.ok());
  ExpectInvariant(*s1);
  EXPECT_EQ(s1->files[0].rows_read, 120000);
  EXPECT_EQ(s8->files[0].rows_read, s1->files[0].rows_read);
  EXPECT_EQ(s8->files[0].rows_kept, s1->files[0].rows_kept);
  EXPECT_GT(s1->files[0].rows_rejected, 100);
  const LegalAidColumns& a = one.legal_aid();
  const LegalAidColumns& b = many.legal_aid();
  EXPECT_EQ(a.region, b.region);
  EXPECT_EQ(a.applied, b.applied);
  EXPECT_EQ(a.decided, b.decided);
  EXPECT_EQ(a.decision, b.decision);
  EXPECT_EQ(a.lawyer, b.lawyer);
  EXPECT_EQ(a.firm, b.firm);
  EXPECT_EQ(a.recovered_fen, b.recovered_fen);
  EXPECT_EQ(one.regions(), many.regions());
  for (TextId id : a.lawyer) ASSERT_EQ(one.text(id), many.text(id));
  ASSERT_EQ(one.rejects().size(), many.rejects().size());
  int dups = 0;
  for (size_t i = 0; i < one.rejects().size(); ++i) {
    const Rejection& x = one.rejects()[i];
    const Rejection& y = many.rejects()[i];
    EXPECT_EQ(x.line, y.line) << i;
    EXPECT_EQ(x.column, y.column) << i;
    EXPECT_EQ(x.reason, y.reason) << i;
    EXPECT_EQ(x.raw, y.raw) << i;
    if (i > 0) {
      EXPECT_LT(one.rejects()[i - 1].line, x.line);
    }
    dups += x.reason.starts_with("duplicate") ? 1 : 0;
  }
  EXPECT_EQ(dups, 2);
}

TEST(Dataset, AddValidatesLikeACsvRow) {
  Dataset ds;
  ReconsiderationRecord r;
  r.case_id = "R1";
  r.region = Code("440111");
  r.received_date = Date(2019, 3, 10);
  r.closed_date = Date(2019, 4, 1);
  r.disposition = Disposition::kRevoked;
  r.respondent = "区公安分局";
  EXPECT_TRUE(ds.add(r).ok());

  absl::Status dup = ds.add(r);
  EXPECT_EQ(dup.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(dup.message(), "case_id: duplicate case_id 'R1' in region 440111");

  ReconsiderationRecord early = r;
  early.case_id = "R2";
  early.closed_date = Date(2019, 3, 1);
  EXPECT_EQ(ds.add(early).message(),
            "closed_date: closed_date 2019-03-01 is before received_date 2019-03-10");

  ReconsiderationRecord open = r;
  open.case_id = "R3";
  open.disposition = Disposition::kNone;
  EXPECT_EQ(ds.add(open).message(),
            "disposition: missing disposition (required when closed_date is set)");

  ReconsiderationRecord no_region = r;
  no_region.case_id = "R4";
  no_region.region = RegionCode();
  EXPECT_EQ(ds.add(no_region).message(), "region: missing region (required)");

  ReconsiderationRecord bad_region = r;
  bad_region.case_id = "R5";
  bad_region.region = RegionCode::from_value(990101);
  EXPECT_NE(ds.add(bad_region).message().find("not a region code"), std::string::npos);

  ReconsiderationRecord no_date = r;
  no_date.case_id = "R6";
  no_date.received_date = Date();
  EXPECT_EQ(ds.add(no_date).message(), "received_date: missing received_date (required)");

  ReconsiderationRecord negative = r;
  negative.case_id = "R7";
  negative.suspended_days = -2;
  EXPECT_EQ(ds.add(negative).message(), "suspended_days: negative count: '-2'");

  EXPECT_EQ(ds.reconsideration().size(), 1u);
  EXPECT_EQ(ds.text(ds.reconsideration().respondent[0]), "区公安分局");

  ActivityRecord a;
  a.region = Code("440111");
  a.date = Date(2019, 5, 1);
  a.indicator = Indicator::kLawEducationEvents;
  a.value = -1;
  EXPECT_EQ(ds.add(a).message(), "value: negative count: '-1'");
  a.value = 3;
  EXPECT_TRUE(ds.add(a).ok());

  RegistryRecord e;
  e.kind = RegistryKind::kLawyer;
  e.entity_id = "E1";
  e.region = Code("440111");
  e.start_date = Date(2015, 1, 1);
  e.end_date = Date(2014, 1, 1);
  EXPECT_EQ(ds.add(e).message(), "end_date: end_date 2014-01-01 is before start_date 2015-01-01");

  LegalAidRecord l;
  l.case_id = "L1";
  l.region = Code("440111");
  l.applied_date = Date(2019, 1, 1);
  l.recovered_fen = -100;
  EXPECT_NE(ds.add(l).message().find("negative"), std::string::npos);

  RegionNameRecord n{Code("440111"), "白云区"};
  EXPECT_TRUE(ds.add(n).ok());
  EXPECT_EQ(ds.region_name(Code("440111")), "白云区");
  EXPECT_FALSE(ds.add(n).ok());
}

TEST(Dataset, AddedAndLoadedRowsShareIdsAndDictionaries) {
  Dataset ds;
  MediationRecord m;
  m.case_id = "M1";
  m.region = Code("440111");
  m.received_date = Date(2019, 1, 1);
  m.category = "邻里纠纷";
  ASSERT_TRUE(ds.add(m).ok());
  const std::string text =
      "case_id,region,received_date,category\nM1,440111,2019-01-02,x\nM2,440111,2019-01-02,"
      "邻里纠纷\n";
  absl::StatusOr<LoadSummary> s = ds.load_buffer(RecordKind::kMediation, text, "m.csv");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->files[0].rows_rejected, 1);
  ASSERT_EQ(ds.mediation().size(), 2u);
  EXPECT_EQ(ds.mediation().category[0], ds.mediation().category[1]);
}

TEST(Dataset, MemoryUsageCountsColumnsAndIds) {
  Dataset ds;
  ASSERT_TRUE(ds.load_buffer(RecordKind::kMediation,
                             "case_id,region,received_date\nM1,440111,2019-01-01\n", "m.csv")
                  .ok());
  const MemoryUsage m = ds.memory_usage();
  EXPECT_EQ(m.case_records, 1u);
  EXPECT_GT(m.columns, 0u);
  EXPECT_EQ(m.id_text, 2u);
}

// A range reserves room for the rows that 16 windows of 64 KiB, spread evenly
// over it, suggest. Rows the windows miss or undercount outgrow that guess:
// every row is still read, and the columns are given back what they grew
// beyond the rows.
TEST(Dataset, RowsTheSampledWindowsMissAreAllReadAndHeldTight) {
  constexpr int kLong = 4000, kShort = 6000, kLongBytes = 1000;
  auto row = [&](int i, bool long_row) {
    const std::string head = absl::StrCat("M", i, ",440111,"), date = "2019-01-01\n";
    const size_t pad = long_row ? kLongBytes - head.size() - date.size() : 0;
    return absl::StrCat(head, std::string(pad, ' '), date);
  };
  const std::string header = "case_id,region,received_date\n";
  // Skewed: 80 long rows (the first window), the short ones (~150 KB, before
  // the second window at a sixteenth of ~4.1 MB), the other long rows: the
  // windows see long rows only. Even: two long rows, then three short ones,
  // over and over, a pattern the windows undercount by a little.
  std::string skewed = header, even = header;
  for (int i = 0; i < 80; ++i) skewed += row(i, true);
  for (int i = 0; i < kShort; ++i) skewed += row(kLong + i, false);
  for (int i = 80; i < kLong; ++i) skewed += row(i, true);
  for (int k = 0; k < kLong / 2; ++k) {
    even += row(2 * k, true) + row(2 * k + 1, true);
    for (int j = 0; j < 3; ++j) even += row(kLong + 3 * k + j, false);
  }
  // The same ids in short rows only, a file small enough (~240 KB) to have
  // its rows counted: the columns' size for these rows.
  std::string small = header;
  for (int i = 0; i < kLong + kShort; ++i) small += row(i, false);
  LoadOptions one_thread;
  one_thread.threads = 1;
  Dataset counted;
  ASSERT_TRUE(counted.load_buffer(RecordKind::kMediation, small, "small.csv", one_thread).ok());
  const size_t columns = counted.memory_usage().columns;
  for (const std::string* text : {&skewed, &even}) {
    Dataset ds;
    absl::StatusOr<LoadSummary> s = ds.load_buffer(RecordKind::kMediation, *text, "big.csv", one_thread);
    ASSERT_TRUE(s.ok());
    ExpectInvariant(*s);
    EXPECT_EQ(s->files[0].rows_read, kLong + kShort);
    EXPECT_EQ(s->files[0].rows_kept, kLong + kShort);
    EXPECT_EQ(ds.mediation().size(), size_t{kLong + kShort});
    EXPECT_LE(ds.memory_usage().columns, columns + columns / 64) << (text == &even ? "even" : "skewed");
  }
}

TEST(Dataset, SealFreesTheIdIndexAndRefusesLaterRows) {
  Dataset ds;
  ASSERT_TRUE(ds.load_buffer(RecordKind::kMediation,
                             "case_id,region,received_date\nM1,440111,2019-01-01\n"
                             "M2,440111,2019-01-02\n",
                             "m.csv")
                  .ok());
  ASSERT_GT(ds.memory_usage().id_index, 0u);
  ds.seal();
  const MemoryUsage m = ds.memory_usage();
  EXPECT_EQ(m.id_index, 0u);
  EXPECT_EQ(m.id_text, 0u);
  EXPECT_EQ(m.case_records, 2u);
  ASSERT_EQ(ds.mediation().size(), 2u);
  EXPECT_EQ(ds.mediation().received[1] - ds.mediation().received[0], 1);

  absl::StatusOr<LoadSummary> more = ds.load_buffer(
      RecordKind::kMediation, "case_id,region,received_date\nM3,440111,2019-01-03\n", "n.csv");
  ASSERT_FALSE(more.ok());
  EXPECT_EQ(more.status().code(), absl::StatusCode::kFailedPrecondition);
  MediationRecord r;
  r.case_id = "M4";
  r.region = *RegionCode::parse("440111");
  r.received_date = *parse_date("2019-01-04");
  EXPECT_EQ(ds.add(r).code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(ds.mediation().size(), 2u);
}

// The load's results as documents: the JSON the C ABI and the bindings
// return, and the line `fazhi check` prints, data escaped for a terminal.
TEST(LoadResults, RejectionsAsJsonAndAsOneLine) {
  const std::vector<Rejection> rejects = {
      {"a.csv", 3, "received_date", "no such day: '2019-02-30'", "A,440111,2019-02-30",
       RejectCode::kInvalidValue},
      {"b\x1b]0;x\x07.csv", 7, "", "a \"quoted\" row", "x\ty"},
  };
  EXPECT_EQ(rejections_json(rejects),
            "[{\"file\":\"a.csv\",\"line\":3,\"column\":\"received_date\","
            "\"code\":\"invalid_value\","
            "\"reason\":\"no such day: '2019-02-30'\",\"raw\":\"A,440111,2019-02-30\"},"
            "{\"file\":\"b\\u001b]0;x\\u0007.csv\",\"line\":7,\"column\":\"\","
            "\"code\":\"other\","
            "\"reason\":\"a \\\"quoted\\\" row\",\"raw\":\"x\\ty\"}]");
  EXPECT_EQ(rejections_json({}), "[]");
  EXPECT_EQ(rejection_line(rejects[0]), "a.csv:3: received_date: no such day: '2019-02-30'");
  EXPECT_EQ(rejection_line(rejects[1]), "b\\x1b]0;x\\x07.csv:7: a \"quoted\" row");
}

TEST(LoadResults, NoticesAsJson) {
  const std::vector<std::string> notices = {"read 行政.csv as GB18030", "a \"b\"\n"};
  EXPECT_EQ(notices_json(notices), "[\"read 行政.csv as GB18030\",\"a \\\"b\\\"\\n\"]");
  EXPECT_EQ(notices_json({}), "[]");
}

}  // namespace
}  // namespace fazhi
