package cn.fazhi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every region's report as handles (Dataset.allReports): the reference figures, order, closing. */
class ReportListTest {
  @Test
  void everyRegionInOrderWithTheReferenceFigures() {
    try (Dataset ds = Dataset.fromDir(TestData.BAIYUN); ReportList all = ds.allReports(2019)) {
      assertEquals(13, all.size());
      assertEquals(List.of("440103", "440104", "440105", "440106", "440111", "440112", "440113",
          "440114", "440115", "440117", "440118", "440100", "440000"), all.regionCodes());
      Report baiyun = all.get("440111");
      assertEquals(baiyun, all.get(4));
      assertEquals("白云区", baiyun.regionName());
      assertEquals(Optional.of(Fraction.of(110, 117)), baiyun.value("litigation.win_rate"));
      assertEquals("94.02%", baiyun.text("litigation.win_rate"));
      assertEquals(Optional.of(new BigDecimal("15128000.00")), baiyun.value("legal_aid.recovered_amount"));
      assertEquals("1512.8 万元", baiyun.text("legal_aid.recovered_amount"));
      assertEquals("广州市", all.get("440100").regionName());
      assertEquals(new DateRange(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31)), baiyun.period());
      // The same report as the one computed alone.
      for (String code : List.of("440111", "440100", "440000")) {
        try (Report alone = ds.report(code, 2019)) {
          assertEquals(alone.toJson(), all.get(code).toJson(), code);
        }
      }
      List<String> iterated = new ArrayList<>();
      for (Report r : all) iterated.add(r.regionCode());
      assertEquals(all.regionCodes(), iterated);
    }
  }

  @Test
  void anUnknownRegionIsNotFound() {
    try (Dataset ds = Dataset.fromDir(TestData.BAIYUN); ReportList all = ds.allReports(2019)) {
      NotFoundException e = assertThrows(NotFoundException.class, () -> all.get("110000"));
      assertTrue(e.getMessage().contains("110000"), e.getMessage());
      assertEquals(Status.NOT_FOUND, e.status());
    }
  }

  @Test
  void anEmptyDatasetGivesAnEmptyList() {
    try (Dataset ds = new Dataset(); ReportList all = ds.allReports(2019)) {
      assertEquals(0, all.size());
      assertEquals(List.of(), all.regionCodes());
    }
  }

  @Test
  void reportsOutliveTheDatasetAndCloseWithTheList() {
    long handles = NativeHandle.live();
    ReportList all;
    try (Dataset ds = Dataset.fromDir(TestData.BAIYUN)) {
      all = ds.allReports(2019);
    }
    // A report closed on its own leaves the others readable.
    all.get("440103").close();
    assertThrows(IllegalStateException.class, () -> all.get("440103").text("litigation.win_rate"));
    assertEquals("94.02%", all.get("440111").text("litigation.win_rate"));
    Report baiyun = all.get("440111");
    all.close();
    all.close(); // twice: nothing
    assertThrows(IllegalStateException.class, () -> baiyun.text("litigation.win_rate"));
    assertEquals("ReportList(closed)", all.toString());
    assertEquals(handles, NativeHandle.live(), "the list and its reports are freed");
  }
}
