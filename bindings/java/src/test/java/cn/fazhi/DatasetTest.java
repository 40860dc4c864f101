package cn.fazhi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading from a folder, a file, a buffer and record by record; rejections and notices. */
class DatasetTest {
  static final String RECONSIDERATION_HEADER =
      "case_id,region,received_date,accepted_date,closed_date,disposition\n";

  @Test
  void folderSummaryCountsEveryKind() {
    try (Dataset ds = Dataset.fromDir(TestData.BAIYUN)) {
      LoadSummary s = ds.summary();
      assertEquals(7, s.files());
      assertEquals(s.rowsRead(), s.rowsAccepted() + s.rowsRejected());
      assertEquals(0, s.rowsRejected());
      assertEquals(13, s.kind(RecordKind.REGIONS).rowsAccepted());
      assertEquals(List.of(), ds.rejects());
    }
  }

  @Test
  void regionsAreDistrictsThenCityThenProvince() {
    try (Dataset ds = Dataset.fromDir(TestData.BAIYUN)) {
      List<Region> regions = ds.regions();
      assertEquals(13, regions.size());
      assertEquals(new Region("440103", Optional.of("荔湾区"), Region.Level.DISTRICT, Optional.of("440100")),
          regions.get(0));
      assertEquals(new Region("440111", Optional.of("白云区"), Region.Level.DISTRICT, Optional.of("440100")),
          regions.get(4));
      assertEquals(new Region("440100", Optional.of("广州市"), Region.Level.CITY, Optional.of("440000")),
          regions.get(11));
      assertEquals(new Region("440000", Optional.of("广东省"), Region.Level.PROVINCE, Optional.empty()),
          regions.get(12));
    }
  }

  @Test
  void duplicateIdIsRejectedWithItsCode() {
    try (Dataset ds = Dataset.fromCsv(RecordKind.LITIGATION,
        TestData.SOURCE.resolve("tests/data/bad/duplicate-case-id.litigation.csv"))) {
      Rejection r = ds.rejects().get(0);
      assertEquals(3, r.line());
      assertEquals("case_id", r.column());
      assertEquals(RejectCode.DUPLICATE, r.code());
    }
  }

  @Test
  void oneFileOfOneKind() {
    try (Dataset ds = Dataset.fromCsv(RecordKind.LITIGATION, TestData.BAIYUN.resolve("litigation.csv"));
        Report r = ds.report("440111", 2019)) {
      assertEquals(Optional.of(Fraction.of(110, 117)), r.metric("litigation.win_rate").exact());
      assertEquals(0, ds.summary().kind(RecordKind.LEGAL_AID).rowsRead());
    }
  }

  @Test
  void bufferRejectionsNameTheBufferLineAndColumn() {
    String csv = RECONSIDERATION_HEADER
        + "R-1,440111,2019-03-01,2019-03-04,2019-04-19,revoked\n"
        + "R-2,440111,2019-02-30,,,\n";
    try (Dataset ds = new Dataset()) {
      LoadSummary s = ds.loadBuffer(RecordKind.RECONSIDERATION, csv);
      assertEquals(2, s.rowsRead());
      assertEquals(1, s.rowsAccepted());
      assertEquals(1, s.kind(RecordKind.RECONSIDERATION).rowsRejected());
      List<Rejection> rejects = ds.rejects();
      assertEquals(1, rejects.size());
      Rejection r = rejects.get(0);
      assertEquals("<buffer:reconsideration>", r.file());
      assertEquals(3, r.line());
      assertEquals("received_date", r.column());
      assertTrue(r.reason().contains("2019-02-30"), r.reason());
      assertEquals("R-2,440111,2019-02-30,,,", r.raw());
      assertEquals(RejectCode.INVALID_VALUE, r.code());
      assertTrue(ds.rejectsJson().startsWith("[{\"file\":\"<buffer:reconsideration>\""), ds.rejectsJson());
    }
  }

  @Test
  void strictLoadFailsAtTheFirstBadRowAndKeepsNothing() {
    String csv = RECONSIDERATION_HEADER + "R-1,440111,2019-03-01,,,\nR-2,440111,2019-02-30,,,\n";
    try (Dataset ds = new Dataset(new Dataset.Options().strict(true))) {
      InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
          () -> ds.loadBuffer(RecordKind.RECONSIDERATION, csv));
      assertTrue(e.getMessage().contains("2019-02-30"), e.getMessage());
      assertEquals(0, ds.summary().rowsAccepted());
    }
  }

  @Test
  void gb18030BufferIsReadAsChinese() {
    byte[] gb = ("region,name\n440111,白云区\n").getBytes(Charset.forName("GB18030"));
    try (Dataset ds = Dataset.fromBuffer(RecordKind.REGIONS, gb)) {
      ds.loadBuffer(RecordKind.RECONSIDERATION, RECONSIDERATION_HEADER + "R-1,440111,2019-03-01,,,\n");
      try (Report r = ds.report("440111", 2019)) {
        assertEquals("白云区", r.regionName());
      }
      assertTrue(ds.notices().stream().anyMatch(n -> n.contains("GB18030")), ds.notices().toString());
    }
  }

  @Test
  void folderNoticesListIgnoredFiles(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("regions.csv"), "region,name\n440111,白云区\n");
    Files.writeString(dir.resolve("readme.txt"), "not a record file\n");
    try (Dataset ds = Dataset.fromDir(dir)) {
      assertEquals(1, ds.notices().size());
      assertTrue(ds.notices().get(0).contains("readme.txt"), ds.notices().get(0));
    }
  }

  @Test
  void recordsInJavaTypesMakeAReport() {
    try (Dataset ds = new Dataset()) {
      ds.add(new RegionRecord().region("440111").name("白云区"));
      ds.add(new ReconsiderationRecord().caseId("R-1").region("440111").receivedDate(LocalDate.of(2019, 3, 1))
          .acceptedDate(LocalDate.of(2019, 3, 4)).closedDate(LocalDate.of(2019, 4, 19))
          .disposition("撤销").litigated(false).suspendedDays(0));
      ds.add(new ReconsiderationRecord().caseId("R-2").region("440111").receivedDate(LocalDate.of(2019, 5, 6))
          .acceptedDate(LocalDate.of(2019, 5, 7)).closedDate(LocalDate.of(2019, 6, 28))
          .disposition("upheld").litigated(null));
      ds.add(new LitigationRecord().caseId("（2019）粤7101行初1号").region("440111")
          .filedDate(LocalDate.of(2019, 2, 18)).instance("一审").closedDate(LocalDate.of(2019, 6, 20))
          .outcome("判决驳回诉讼请求").hearingHeld(true).headAppeared(true));
      ds.add(new LegalAidRecord().caseId("A-1").region("440111").appliedDate(LocalDate.of(2019, 4, 8))
          .decidedDate(LocalDate.of(2019, 4, 9)).decision("granted").acceptedDate(LocalDate.of(2019, 4, 9))
          .closedDate(LocalDate.of(2019, 8, 1)).recoveredAmount(new BigDecimal("25000.50")).commitment(true));
      ds.add(new LegalAidRecord().caseId("A-2").region("440111").appliedDate(LocalDate.of(2019, 4, 8))
          .closedDate(LocalDate.of(2019, 9, 2)).recoveredAmount(new BigDecimal("15000")));
      ds.add(new MediationRecord().caseId("M-1").region("440111").receivedDate(LocalDate.of(2019, 3, 4))
          .closedDate(LocalDate.of(2019, 3, 4)).outcome("调解成功").majorGroup(true));
      ds.add(new RegistryRecord().kind("律师").entityId("L-1").region("440111").startDate(LocalDate.of(2012, 1, 1)));
      ds.add(new ActivityRecord().region("440111").date(LocalDate.of(2019, 6, 30))
          .indicator("law_education.events").value(11837));
      // Records added one by one count like loaded rows: read, kept or rejected.
      LoadSummary added = ds.summary();
      assertEquals(9, added.rowsRead());
      assertEquals(9, added.rowsAccepted());
      assertEquals(0, added.rowsRejected());
      assertEquals(9, added.rowsAdded());
      assertEquals(0, added.rowsAddedRejected());
      assertEquals(0, added.files(), "adds are not files");
      ds.seal();
      try (Report r = ds.report("440111", 2019)) {
        assertEquals("白云区", r.regionName());
        assertEquals(Optional.of(BigInteger.TWO), r.value("reconsideration.received"));
        assertEquals(Optional.of(Fraction.of(1, 2)), r.value("reconsideration.correction_rate"));
        assertEquals(Optional.of(Fraction.of(1, 1)), r.value("reconsideration.not_litigated_rate"));
        assertEquals(Optional.of(Fraction.of(1, 1)), r.value("litigation.win_rate"));
        assertEquals(Optional.of(new BigDecimal("40000.50")), r.value("legal_aid.recovered_amount"));
        assertEquals(Optional.of(BigInteger.ONE), r.value("mediation.major_group"));
        assertEquals(Optional.of(BigInteger.ONE), r.value("registry.lawyer"));
        assertEquals(Optional.of(BigInteger.valueOf(11837)), r.value("law_education.events"));
      }
    }
  }

  @Test
  void aRepeatedIdIsRefused() {
    try (Dataset ds = new Dataset()) {
      ReconsiderationRecord r = new ReconsiderationRecord().caseId("R-1").region("440111")
          .receivedDate(LocalDate.of(2019, 3, 1));
      ds.add(r);
      FazhiException e = assertThrows(FazhiException.class, () -> ds.add(r));
      assertTrue(e.getMessage().contains("R-1"), e.getMessage());
      // The refused add is counted: read and rejected, among the adds.
      ds.loadBuffer(RecordKind.RECONSIDERATION, RECONSIDERATION_HEADER + "R-2,440111,2019-03-01,,,\n");
      LoadSummary s = ds.summary();
      assertEquals(1, s.files());
      assertEquals(3, s.rowsRead());
      assertEquals(1, s.rowsRejected());
      assertEquals(2, s.rowsAdded());
      assertEquals(1, s.rowsAddedRejected());
    }
  }
}
