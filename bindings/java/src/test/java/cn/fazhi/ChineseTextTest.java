package cn.fazhi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Chinese text crosses the ABI as UTF-8 both ways, whatever the JVM's and
 * JNA's default encodings (ctest runs this class again with
 * -Djna.encoding=GBK -Dfile.encoding=GBK).
 */
class ChineseTextTest {
  @Test
  void regionNameRoundTrips() {
    try (Dataset ds = new Dataset()) {
      ds.add(new RegionRecord().region("440111").name("白云区"));
      ds.add(new MediationRecord().caseId("白云-调解-1").region("440111").receivedDate(LocalDate.of(2019, 3, 4))
          .category("邻里纠纷"));
      try (Report r = ds.report("440111", 2019)) {
        assertEquals("白云区", r.regionName());
        assertTrue(r.toJson().contains("白云区"));
        assertEquals("胜诉率", r.metric("litigation.win_rate").label());
      }
    }
  }

  @Test
  void idsBeyondTheBasicPlaneRoundTrip() {
    // 𠀀 (U+20000, CJK Extension B) is four bytes of UTF-8 and a surrogate pair in Java.
    List<String> lawyers = List.of("𠀀律师", "白云律师");
    AuditRecord audit = Lottery.draw(new DrawInput().seed("种子").caseId("白云区-1").answered(lawyers));
    assertTrue(lawyers.contains(audit.winner()), audit.winner());
    // Canonical order is by UTF-8 bytes: U+767D (白) before U+20000.
    assertEquals(List.of("白云律师", "𠀀律师"), audit.pool());
    assertTrue(Lottery.verify(audit.json()).contains("白云区-1"));
  }

  @Test
  void aLoneSurrogateIsRefusedNotReplaced() {
    InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
        () -> new RegionRecord().name("白云\uD840"));
    assertTrue(e.getMessage().contains("name"), e.getMessage());
  }

  @Test
  void messagesComeBackInUtf8() {
    try (Dataset ds = new Dataset()) {
      InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
          () -> ds.add(new ReconsiderationRecord().caseId("白云区-复议-1").region("440111")
              .receivedDate(LocalDate.of(2019, 3, 1)).disposition("随便")));
      assertTrue(e.getMessage().contains("随便"), e.getMessage());
    }
  }
}
