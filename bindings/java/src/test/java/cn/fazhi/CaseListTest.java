package cn.fazhi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Case lists, follow-up lists and the department table from Java, on the
 * Baiyun example: a list is as long as its figure (超期办结 17), its reasons
 * cite the days, a rate's parts are its numerator and denominator (110/117),
 * the assessment traces its deductions to case ids.
 */
class CaseListTest {
  static Dataset ds;
  static final ReportOptions ASSESSMENT =
      new ReportOptions().profile(TestData.SOURCE.resolve("data/examples/assessment-county.json"));

  @BeforeAll
  static void load() {
    ds = Dataset.fromDir(TestData.BAIYUN);
  }

  @AfterAll
  static void close() {
    ds.close();
  }

  @Test
  void theOverdueListHasAsManyRecordsAsTheFigure() {
    try (Report r = ds.report("440111", 2019);
        CaseList late = ds.caseList("reconsideration.overdue", CasePart.COUNT, "440111", 2019)) {
      assertEquals(Optional.of(BigInteger.valueOf(17)), r.value("reconsideration.overdue"));
      assertEquals(17, late.size());
      assertEquals(17, late.count());
      assertEquals("reconsideration.overdue", late.metric());
      assertEquals("count", late.part());
      assertEquals("440111", late.region());
      assertEquals(Optional.empty(), late.followUp());
      Case first = late.get(0);
      assertEquals(RecordKind.RECONSIDERATION, first.kind());
      assertEquals("云府行复〔2019〕28号", first.caseId());
      assertEquals("440111", first.region());
      assertEquals("2019-01-21 受理，审理期限 2019-03-22 届满，2019-04-04 办结，逾期 13 日", first.reason());
      assertEquals(1, first.times());
      assertEquals(Optional.of(LocalDate.of(2019, 4, 4)), first.date("closed_date"));
      assertEquals(LocalDate.of(2019, 1, 18), first.dates().get("received_date"));
      assertEquals("upheld", first.columns().get("disposition"));
      assertEquals("广州市生态环境局白云区分局", first.columns().get("respondent"));
      assertEquals("", first.columns().get("act_type"));
      assertEquals(Optional.empty(), first.date("no_such_date"));
      int n = 0;
      for (Case c : late) {
        assertTrue(c.reason().contains("逾期"), c.reason());
        ++n;
      }
      assertEquals(17, n);
    }
  }

  @Test
  void aRatesPartsAreItsNumeratorAndDenominator() {
    try (CaseList num = ds.caseList("litigation.win_rate", CasePart.NUMERATOR, "440111", 2019);
        CaseList den = ds.caseList("litigation.win_rate", CasePart.DENOMINATOR, "440111", 2019)) {
      assertEquals(110, num.size());
      assertEquals(117, den.size());
      assertEquals("numerator", num.part());
      assertTrue(num.toJson().contains("\"count\":110"), num.toJson().substring(0, 200));
      assertTrue(den.toCsv().startsWith("kind,case_id,region,reason,"), den.toCsv().substring(0, 80));
      assertEquals(118, den.toCsv().strip().split("\n").length);  // the header and 117 records
    }
  }

  @Test
  void aRateHasNoCountList() {
    InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
        () -> ds.caseList("litigation.win_rate", CasePart.COUNT, "440111", 2019));
    assertTrue(e.getMessage().contains("win_rate"), e.getMessage());
    assertThrows(NotFoundException.class,
        () -> ds.caseList("reconsideration.overdue", CasePart.COUNT, "441881", 2019));
  }

  @Test
  void followUpLists() {
    List<String> names = FollowUp.names();
    assertTrue(names.contains("late_defences") && names.contains("hearings_without_head"), names.toString());
    FollowUp lost = FollowUp.all().stream().filter(f -> f.name().equals("lost_cases")).findFirst().orElseThrow();
    assertEquals("败诉案件（备案）", lost.label());
    try (CaseList late = ds.followUp("late_defences", "440111", 2019);
        CaseList overdue = ds.followUp("reconsideration_overdue", "440111", 2019)) {
      assertEquals(Optional.of("late_defences"), late.followUp());
      assertTrue(late.cases().stream().anyMatch(c -> c.reason().contains("逾期 7 日")));
      assertTrue(late.cases().stream().allMatch(c -> c.kind() == RecordKind.LITIGATION));
      assertEquals(17, overdue.size());
    }
    assertThrows(InvalidArgumentException.class, () -> ds.followUp("no_such_list", "440111", 2019));
  }

  @Test
  void aDatasetLoadedWithoutIdsHasTheSameListsUnnamed() {
    try (Dataset bare = Dataset.fromDir(TestData.BAIYUN, new Dataset.Options().keepIds(false));
        CaseList late = bare.caseList("reconsideration.overdue", CasePart.COUNT, "440111", 2019)) {
      assertEquals(17, late.size());
      assertEquals("", late.get(0).caseId());
      assertEquals("2019-01-21 受理，审理期限 2019-03-22 届满，2019-04-04 办结，逾期 13 日", late.get(0).reason());
    }
  }

  @Test
  void recordsStayUsableAfterClose() {
    CaseList l = ds.caseList("reconsideration.overdue", CasePart.COUNT, "440111", 2019);
    l.close();
    l.close();
    assertEquals("云府行复〔2019〕28号", l.get(0).caseId());
    assertThrows(IllegalStateException.class, l::toJson);
  }

  @Test
  void departmentTableWithTheExampleAssessment() {
    DepartmentTable t = ds.departments("440111", 2019, ASSESSMENT);
    assertEquals("440111", t.region());
    assertEquals(LocalDate.of(2019, 1, 1), t.from());
    assertEquals(Optional.of(new BigDecimal("10")), t.fullScore());
    assertEquals(16, t.departments().size());
    DepartmentRow top = t.departments().get(0);
    assertEquals("广州市白云区景泰街道办事处", top.name());
    assertEquals(OptionalInt.of(1), top.rank());
    assertEquals(Optional.of(new BigDecimal("10")), top.score());
    DepartmentRow.Figure received = top.figure("reconsideration.received").orElseThrow();
    assertEquals(Optional.of(BigInteger.valueOf(3)), received.count());
    assertEquals(List.of("云府行复〔2019〕254号", "云府行复〔2019〕255号", "云府行复〔2019〕286号"), received.cases());
    DepartmentRow.Figure heads = top.figure("litigation.head_appearance_rate").orElseThrow();
    assertEquals(ValueKind.FRACTION, heads.kind());
    assertEquals(Optional.of(Fraction.of(2, 2)), heads.value());
    assertEquals(2, heads.denominatorCases().size());
    DepartmentRow.Figure principal = top.figure("departments.principal_head_appearances").orElseThrow();
    assertEquals(ValueKind.UNDEFINED, principal.kind());
    assertTrue(principal.reason().orElseThrow().contains("正职"));

    DepartmentRow songzhou = t.department("广州市白云区松洲街道办事处").orElseThrow();
    assertEquals(Optional.of(new BigDecimal("7")), songzhou.score());
    DepartmentRow.Deduction first = songzhou.deductions().get(0);
    assertEquals(new BigDecimal("2"), first.points());
    assertEquals(List.of("（2019）粤71行终976号", "（2019）粤71行终1108号"), first.cases());
    DepartmentRow.Deduction capped = songzhou.deductions().get(1);
    assertEquals(Optional.of(new BigDecimal("1.5")), capped.pointsBeforeCap());

    String json = ds.departmentsJson("440111", 2019, new ReportOptions());
    assertTrue(json.startsWith("{\"region\":\"440111\""), json.substring(0, 60));
    assertEquals(Optional.empty(), DepartmentTable.parse(json).assessment());
  }
}
