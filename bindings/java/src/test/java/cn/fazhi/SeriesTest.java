package cn.fazhi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Series and cross-tables from Java: Baiyun's reconsideration cases by month
 * add up to the year's 439, the win rate's quarters pool to 110/117, and the
 * county example's cross-table has cells that add up to its published margins
 * (140 + 11 = 151).
 */
class SeriesTest {
  @Test
  void theMonthsOfAFlowAddUpToTheYear() {
    try (Dataset ds = Dataset.fromDir(TestData.BAIYUN);
        Series s = ds.series("reconsideration.received", "440111", 2019, "month");
        Report r = ds.report("440111", 2019)) {
      assertEquals("reconsideration.received", s.metric());
      assertEquals("month", s.by());
      assertEquals("收到行政复议申请", s.label());
      assertEquals("件", s.unit());
      assertEquals(12, s.size());
      SeriesPoint first = s.get(0);
      assertEquals("2019-01", first.period());
      assertEquals(LocalDate.of(2019, 1, 1), first.from());
      assertEquals(LocalDate.of(2019, 1, 31), first.to());
      assertEquals(Optional.of(BigInteger.valueOf(47)), first.count());
      assertEquals(Optional.of(Fraction.of(40, 1)), first.previous());
      assertEquals("47 件", first.text());
      BigInteger sum = BigInteger.ZERO;
      for (SeriesPoint p : s) sum = sum.add(p.count().orElseThrow());
      assertEquals(BigInteger.valueOf(439), sum);
      assertEquals(Optional.of(sum), r.value("reconsideration.received"));
      assertTrue(s.toJson().contains("{\"period\":\"2019-01\",\"value\":47,\"previous\":40}"), s.toJson());
    }
  }

  @Test
  void aRatesQuartersPoolToTheYearsRate() {
    try (Dataset ds = Dataset.fromDir(TestData.BAIYUN);
        Series s = ds.series("litigation.win_rate", "440111", 2019, "quarter")) {
      assertEquals(List.of("2019-Q1", "2019-Q2", "2019-Q3", "2019-Q4"),
          s.points().stream().map(SeriesPoint::period).toList());
      BigInteger num = BigInteger.ZERO;
      BigInteger den = BigInteger.ZERO;
      for (SeriesPoint p : s) {
        assertEquals(ValueKind.FRACTION, p.kind());
        assertEquals(Optional.empty(), p.count());
        num = num.add(p.numerator().orElseThrow());
        den = den.add(p.denominator().orElseThrow());
      }
      assertEquals(BigInteger.valueOf(110), num);
      assertEquals(BigInteger.valueOf(117), den);
      assertEquals("100.00%", s.get(0).text());
      assertThrows(InvalidArgumentException.class,
          () -> ds.series("litigation.win_rate", "440111", 2019, "week"));
    }
  }

  @Test
  void crossTableCellsAddUpToTheMargins() {
    try (Dataset ds = Dataset.fromDir(TestData.COUNTY);
        CrossTable t = ds.crossTable("reconsideration.received", "respondent_level", "act_type", "441881", 2024)) {
      assertEquals("respondent_level", t.rowsBy());
      assertEquals("act_type", t.columnsBy());
      assertEquals(2, t.rows().size());
      assertEquals(6, t.columns().size());
      assertEquals("县级政府部门", t.row(0).label());
      assertEquals(Optional.of(BigInteger.valueOf(140)), t.row(0).count());
      assertEquals(Optional.of(Fraction.of(140, 151)), t.row(0).share());
      assertEquals("举报投诉处理", t.column(0).label());
      assertEquals(Optional.of(BigInteger.valueOf(66)), t.cell(0, 0).count());
      assertEquals("66 件", t.cell(0, 0).text());
      for (int i = 0; i < t.rows().size(); i++) {
        BigInteger sum = BigInteger.ZERO;
        for (int j = 0; j < t.columns().size(); j++) sum = sum.add(t.cell(i, j).count().orElseThrow());
        assertEquals(t.row(i).count().orElseThrow(), sum);
      }
      for (int j = 0; j < t.columns().size(); j++) {
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i < t.rows().size(); i++) sum = sum.add(t.cell(i, j).count().orElseThrow());
        assertEquals(t.column(j).count().orElseThrow(), sum);
      }
      assertEquals(Optional.of(BigInteger.valueOf(151)), t.total().count());
      assertTrue(t.toJson().contains("\"cells\":[[66,40,15,8,6,5],[9,0,1,0,1,0]]"), t.toJson());
      assertThrows(InvalidArgumentException.class,
          () -> ds.crossTable("reconsideration.received", "month", "act_type", "441881", 2024));
    }
  }

  @Test
  void valuesStayUsableAfterClose() {
    try (Dataset ds = Dataset.fromDir(TestData.COUNTY)) {
      CrossTable t = ds.crossTable("reconsideration.received", "respondent_level", "act_type", "441881", 2024);
      t.close();
      t.close();
      assertEquals(Optional.of(BigInteger.valueOf(9)), t.cell(1, 0).count());
      assertThrows(IllegalStateException.class, t::toJson);
    }
  }
}
