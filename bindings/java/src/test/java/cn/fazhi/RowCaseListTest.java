package cn.fazhi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The case list of one breakdown row from Java, on the Baiyun example: each
 * row of 收到行政复议申请 by category lists as many cases as it counts (公安
 * 135), the row 未填 by a null key, a rate's numerator, 其他 after the first
 * five, and a key that is no row.
 */
class RowCaseListTest {
  static Dataset ds;

  @BeforeAll
  static void load() {
    ds = Dataset.fromDir(TestData.BAIYUN);
  }

  @AfterAll
  static void close() {
    ds.close();
  }

  @Test
  void everyRowListsAsManyCasesAsItCounts() {
    long total = 0;
    try (Breakdown b = ds.breakdown("reconsideration.received", "category", "440111", 2019)) {
      for (BreakdownRow row : b.rows()) {
        try (CaseList l = ds.caseList("reconsideration.received", CasePart.COUNT, "category",
            row.key().orElse(null), "440111", 2019)) {
          assertEquals(row.count().orElseThrow(), BigInteger.valueOf(l.size()), row.label());
          assertEquals(row.key(), l.key());
          assertEquals(Optional.of(row.label()), l.rowLabel());
          total += l.size();
        }
      }
    }
    assertEquals(439, total);
  }

  @Test
  void aRowsCasesAreNamed() {
    try (CaseList police = ds.caseList("reconsideration.received", CasePart.COUNT, "category", "公安",
        "440111", 2019)) {
      assertEquals(135, police.size());
      assertEquals("云府行复〔2019〕4号", police.get(0).caseId());
      assertEquals(Optional.of("category"), police.by());
      for (Case c : police) assertEquals("公安", c.columns().get("category"));
    }
    try (CaseList heads = ds.caseList("litigation.head_appearance_rate", CasePart.NUMERATOR, "category", "公安",
        "440111", 2019)) {
      assertEquals(24, heads.size());
    }
    try (CaseList unfilled = ds.caseList("mediation.received", CasePart.COUNT, "category", null, "440111", 2019)) {
      assertEquals(2352, unfilled.size());
      assertEquals(Optional.empty(), unfilled.key());
      assertEquals(Optional.of("未填"), unfilled.rowLabel());
    }
    try (CaseList other = ds.caseList("reconsideration.received", CasePart.COUNT, "category", "*other", 5,
        "440111", java.time.LocalDate.of(2019, 1, 1), java.time.LocalDate.of(2019, 12, 31),
        new ReportOptions())) {
      assertEquals(125, other.size());
    }
  }

  @Test
  void aKeyThatIsNoRowIsAnError() {
    InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
        () -> ds.caseList("reconsideration.received", CasePart.COUNT, "category", "无此类别", "440111", 2019));
    assertEquals(true, e.getMessage().contains("no row"), e.getMessage());
    assertThrows(InvalidArgumentException.class,
        () -> ds.caseList("reconsideration.received", CasePart.COUNT, "defendant", "x", "440111", 2019));
  }
}
