package cn.fazhi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reference district's figures (Baiyun 2019), exact, through the Java types. */
class ReportTest {
  static Dataset ds;
  static Report report;

  @BeforeAll
  static void load() {
    ds = Dataset.fromDir(TestData.BAIYUN);
    report = ds.report("440111", LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31),
        new ReportOptions().profile(TestData.BAIYUN_PROFILE));
  }

  @AfterAll
  static void close() {
    report.close();
    ds.close();
  }

  @Test
  void winRateIsTheExactFraction110Of117() {
    Metric m = report.metric("litigation.win_rate");
    Fraction f = m.exact().orElseThrow();
    assertEquals(BigInteger.valueOf(110), f.num());
    assertEquals(BigInteger.valueOf(117), f.den());
    assertEquals(Optional.of(Fraction.of(110, 117)), m.value());
    assertEquals("94.02%", m.text());
    assertEquals("94.02%", f.toPercent(2, RoundingMode.HALF_UP));
    assertEquals(new BigDecimal("0.9402"), f.toBigDecimal(4, RoundingMode.HALF_UP));
    assertEquals("0.9402", m.decimal());
    assertEquals("胜诉率", m.label());
    assertEquals(ValueKind.FRACTION, m.kind());
    assertEquals(Optional.of(Fraction.of(97, 112)), m.previous());
    assertEquals("86.61%", m.previousText());
  }

  @Test
  void recoveredAmountIsExactYuan() {
    Metric m = report.metric("legal_aid.recovered_amount");
    assertEquals(ValueKind.MONEY, m.kind());
    BigDecimal yuan = (BigDecimal) m.value().orElseThrow();
    assertEquals(new BigDecimal("15128000.00"), yuan);
    assertEquals(0, yuan.compareTo(BigDecimal.valueOf(15128000)));
    assertEquals("1512.8 万元", m.text());
    assertEquals("元", m.unit());
  }

  @Test
  void countsAreBigIntegersWithTheirYearOnYearChange() {
    Metric m = report.metric("reconsideration.received");
    assertEquals(Optional.of(BigInteger.valueOf(439)), m.value());
    assertEquals(Optional.of(BigInteger.valueOf(568)), m.previous());
    assertEquals("439 件", m.text());
    assertEquals(Optional.of(Fraction.of(439 - 568, 568)), m.yoy());
    assertEquals("-22.7%", m.yoyText());
  }

  @Test
  void regionAndPeriods() {
    assertEquals("440111", report.regionCode());
    assertEquals("白云区", report.regionName());
    assertEquals(new DateRange(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31)), report.period());
    assertEquals(new DateRange(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31)), report.previousPeriod());
  }

  @Test
  void everyMetricReadsInCatalogueOrder() {
    List<String> ids = report.metricIds();
    assertEquals("reconsideration.received", ids.get(0));
    List<Metric> all = report.metrics();
    assertEquals(ids.size(), all.size());
    for (int i = 0; i < ids.size(); i++) {
      Metric m = all.get(i);
      assertEquals(ids.get(i), m.id());
      // A defined value is exact and typed by its kind; an undefined one says why.
      if (m.isDefined()) {
        assertTrue(m.exact().isPresent(), m.id());
        assertFalse(m.text().isEmpty(), m.id());
      } else {
        assertFalse(m.reason().isEmpty(), m.id());
        assertEquals(ValueKind.UNDEFINED, m.kind(), m.id());
      }
    }
    assertTrue(report.has("litigation.win_rate"));
    assertFalse(report.has("litigation.no_such_rate"));
  }

  @Test
  void jsonAndNarrative() {
    String json = report.toJson();
    assertTrue(json.contains("\"litigation.win_rate\""), json.substring(0, 200));
    assertTrue(json.contains("白云区"));
    String narrative = report.narrative();
    assertTrue(narrative.contains("胜诉率为 94.02%"), narrative);
    assertTrue(narrative.contains("1512.8 万元"), narrative);
  }

  @Test
  void allReportsInOnePass() {
    String json = ds.allReportsJson(2019);
    assertTrue(json.startsWith("["));
    assertTrue(json.contains("\"440111\""));
    assertTrue(json.contains("白云区"));
    byte[] utf8 = ds.allReportsJsonUtf8(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31), new ReportOptions());
    assertEquals(json, new String(utf8, java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void undefinedIsEmptyNeverZero() {
    try (Dataset rollup = Dataset.fromDir(TestData.ROLLUP); Report r = rollup.report("440203", 2019)) {
      Metric m = r.metric("litigation.win_rate");
      assertFalse(m.isDefined());
      assertEquals(Optional.empty(), m.value());
      assertEquals(Optional.empty(), m.exact());
      assertEquals("", m.text());
      assertFalse(m.reason().isEmpty());
      assertEquals(ValueKind.FRACTION, m.metricKind());
    }
  }

  @Test
  void reportOutlivesItsDataset() {
    Report r;
    try (Dataset d = Dataset.fromDir(TestData.BAIYUN)) {
      r = d.report("440111", 2019);
    }
    try (r) {
      assertEquals("94.02%", r.text("litigation.win_rate"));
    }
  }
}
