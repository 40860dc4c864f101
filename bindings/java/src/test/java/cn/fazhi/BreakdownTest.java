package cn.fazhi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Breakdowns from Java: the county example's published split (151 = 140 county
 * departments, 92.72%, + 11 townships, 7.28%), a rate's change in 个百分点,
 * folding into 其他, the dimension fields of records added one by one, closing.
 */
class BreakdownTest {
  @Test
  void respondentLevelIsThePublishedSplit() {
    try (Dataset ds = Dataset.fromDir(TestData.COUNTY);
        Breakdown b = ds.breakdown("reconsideration.received", "respondent_level", "441881", 2024)) {
      assertEquals("reconsideration.received", b.metric());
      assertEquals("respondent_level", b.by());
      assertEquals("按被申请人类型", b.label());
      assertTrue(b.additive());
      assertEquals(2, b.size());
      BreakdownRow top = b.get(0);
      assertEquals(Optional.of("county_dept"), top.key());
      assertEquals("县级政府部门", top.label());
      assertEquals(ValueKind.COUNT, top.kind());
      assertEquals(Optional.of(BigInteger.valueOf(140)), top.count());
      assertEquals(Optional.of(Fraction.of(140, 151)), top.share());
      assertEquals("140 件（92.72%）", top.text());
      assertEquals(OptionalInt.of(1), top.rank());
      assertEquals("11 件（7.28%）", b.get(1).text());
      assertEquals(Optional.of(BigInteger.valueOf(151)), b.total().count());
      assertEquals("合计", b.total().label());
      assertTrue(b.toJson().contains("\"decimal\":\"0.9272\""), b.toJson());
      List<String> labels = new ArrayList<>();
      for (BreakdownRow r : b) labels.add(r.label());
      assertEquals(List.of("县级政府部门", "乡镇人民政府"), labels);
    }
  }

  @Test
  void recordsWithoutAValueAreARow() {
    try (Dataset ds = Dataset.fromDir(TestData.COUNTY);
        Breakdown b = ds.breakdown("litigation.received", "head_principal", "441881", 2024)) {
      BreakdownRow empty = b.row(Optional.empty()).orElseThrow();
      assertEquals("未填", empty.label());
      assertEquals(Optional.of(BigInteger.valueOf(5)), empty.count());
    }
  }

  @Test
  void foldsSmallRowsIntoOther() {
    try (Dataset ds = Dataset.fromDir(TestData.COUNTY);
        Breakdown b = ds.breakdown("reconsideration.received", "act_type", "441881", 2024);
        Breakdown folded = b.fold(3)) {
      assertEquals(6, b.size());
      assertEquals(4, folded.size());
      BreakdownRow other = folded.get(3);
      assertEquals(Optional.of("*other"), other.key());
      assertEquals("其他", other.label());
      assertEquals(Optional.of(BigInteger.valueOf(20)), other.count());
      assertEquals(OptionalInt.empty(), other.rank());
      assertThrows(InvalidArgumentException.class, () -> b.fold(0));
    }
  }

  @Test
  void aRateChangesInPoints() {
    ReportOptions options = new ReportOptions().profile(TestData.BAIYUN_PROFILE);
    try (Dataset ds = Dataset.fromDir(TestData.BAIYUN);
        Breakdown b = ds.breakdown("reconsideration.correction_rate", "category", "440111",
            LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31), options)) {
      assertFalse(b.additive());
      BreakdownRow top = b.get(0);
      assertEquals(Optional.of("城乡建设"), top.key());
      assertEquals(ValueKind.FRACTION, top.kind());
      assertEquals(Optional.of(BigInteger.valueOf(19)), top.numerator());
      assertEquals(Optional.of(BigInteger.valueOf(36)), top.denominator());
      assertEquals(Optional.of(Fraction.of(19 * 46 - 15 * 36, 36 * 46)), top.changePoints());
      assertEquals(Optional.empty(), top.share());
      assertEquals("20.17 个百分点", top.changeText());
    }
  }

  @Test
  void dimensionFieldsOfRecordsAddedOneByOne() {
    try (Dataset ds = new Dataset()) {
      ds.add(new ReconsiderationRecord().caseId("R-1").region("441881").receivedDate(LocalDate.of(2024, 3, 1))
          .respondentLevel("乡镇（街道）").actType("信息公开").applicantType("legal_person").applicants(3));
      ds.add(new ReconsiderationRecord().caseId("R-2").region("441881").receivedDate(LocalDate.of(2024, 4, 1))
          .respondentLevel("county_dept").actType("penalty").applicantType("自然人"));
      ds.add(new LitigationRecord().caseId("L-1").region("441881").filedDate(LocalDate.of(2024, 5, 1))
          .instance("first").defendantLevel("county_gov").actType("征收征用").headPrincipal(true));
      ds.add(new LegalAidRecord().caseId("A-1").region("441881").appliedDate(LocalDate.of(2024, 6, 1))
          .decision("granted").decidedDate(LocalDate.of(2024, 6, 2)).acceptedDate(LocalDate.of(2024, 6, 2))
          .serviceType("非诉讼").recipientGroup("农民工"));
      ds.add(new MediationRecord().caseId("M-1").region("441881").receivedDate(LocalDate.of(2024, 7, 1))
          .orgType("村居"));
      try (Breakdown level = ds.breakdown("reconsideration.received", "respondent_level", "441881", 2024);
          Breakdown applicants = ds.breakdown("reconsideration.received", "applicants", "441881", 2024);
          Breakdown defendant = ds.breakdown("litigation.received", "defendant_level", "441881", 2024);
          Breakdown head = ds.breakdown("litigation.received", "head_principal", "441881", 2024);
          Breakdown group = ds.breakdown("legal_aid.accepted", "recipient_group", "441881", 2024);
          Breakdown org = ds.breakdown("mediation.received", "org_type", "441881", 2024)) {
        assertEquals(List.of(Optional.of("county_dept"), Optional.of("township")),
            level.rows().stream().map(BreakdownRow::key).toList());
        assertEquals(List.of(Optional.of("1"), Optional.of("3")),
            applicants.rows().stream().map(BreakdownRow::key).toList());
        assertEquals(Optional.of("county_gov"), defendant.get(0).key());
        assertEquals(Optional.of("true"), head.get(0).key());
        assertEquals(Optional.of("migrant_worker"), group.get(0).key());
        assertEquals(Optional.of("village"), org.get(0).key());
      }
    }
  }

  @Test
  void errorsAreExceptionsWithTheLibrarysMessage() {
    try (Dataset ds = Dataset.fromDir(TestData.COUNTY)) {
      InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
          () -> ds.breakdown("reconsideration.received", "org_type", "441881", 2024));
      assertTrue(e.getMessage().contains("org_type"), e.getMessage());
      assertThrows(NotFoundException.class, () -> ds.breakdown("reconsideration.received", "act_type", "440111", 2024));
    }
  }

  @Test
  void rowsStayUsableAfterClose() {
    try (Dataset ds = Dataset.fromDir(TestData.COUNTY)) {
      Breakdown b = ds.breakdown("mediation.received", "org_type", "441881", 2024);
      b.close();
      b.close();
      assertEquals("村（居）调解委员会", b.get(0).label());
      assertThrows(IllegalStateException.class, b::toJson);
    }
  }
}
