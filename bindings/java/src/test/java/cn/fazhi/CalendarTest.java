package cn.fazhi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The working-day calendar and statutory periods. */
class CalendarTest {
  final Calendar cal = Calendar.national();

  @Test
  void makeUpDaysAndHolidays() {
    assertTrue(cal.isWorkday(LocalDate.of(2019, 9, 29)));   // a make-up Sunday
    assertFalse(cal.isWorkday(LocalDate.of(2019, 10, 1)));  // National Day
    assertEquals(1, cal.workdaysBetween(LocalDate.of(2019, 9, 30), LocalDate.of(2019, 10, 8)));
    assertEquals(LocalDate.of(2019, 10, 8), cal.addWorkdays(LocalDate.of(2019, 9, 30), 1));
  }

  @Test
  void periodEnds() {
    assertEquals(LocalDate.of(2019, 10, 8), cal.periodEnd(LocalDate.of(2019, 9, 20), 15, PeriodUnit.DAYS));
    assertEquals(LocalDate.of(2019, 2, 28), cal.periodEnd(LocalDate.of(2019, 1, 31), 1, PeriodUnit.MONTHS));
    assertEquals(LocalDate.of(2019, 10, 8), cal.periodEnd(LocalDate.of(2019, 9, 30), 1, PeriodUnit.WORKDAYS));
    assertThrows(InvalidArgumentException.class, () -> cal.periodEnd(LocalDate.of(2019, 9, 20), 0, PeriodUnit.DAYS));
  }

  @Test
  void aNewerNoticeReplacesItsYear(@TempDir Path dir) throws Exception {
    Path notice = dir.resolve("notice.csv");
    // A revised 2019 notice: only New Year's Day is a holiday.
    Files.writeString(notice, "date,kind,holiday\n2019-01-01,holiday,new_year\n");
    try (Calendar revised = Calendar.create()) {
      revised.loadCsv(notice);
      assertTrue(revised.isWorkday(LocalDate.of(2019, 10, 1)));
      assertFalse(revised.isWorkday(LocalDate.of(2019, 9, 29)));  // a Sunday again
      assertFalse(cal.isWorkday(LocalDate.of(2019, 10, 1)));      // the national table is untouched
      try (Dataset ds = Dataset.fromDir(TestData.ROLLUP);
          Report r = ds.report("440103", LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31),
              new ReportOptions().calendar(revised))) {
        assertEquals("440103", r.regionCode());
      }
    }
    assertThrows(UnsupportedOperationException.class, () -> cal.loadCsv(notice));
  }
}
