package cn.fazhi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tallies from Java on the Baiyun example (the eleven districts of 广州市):
 * each district's tally travels as bytes, the city merges them and reports
 * byte for byte what the pooled records report; altered, truncated or
 * doubled tallies are refused.
 */
class TallyTest {
  static Dataset ds;
  static List<String> districts;

  @BeforeAll
  static void load() {
    ds = Dataset.fromDir(TestData.BAIYUN);
    districts = ds.regions().stream().filter(r -> r.level() == Region.Level.DISTRICT).map(Region::code).toList();
  }

  @AfterAll
  static void close() {
    ds.close();
  }

  /** Each district's tally, sent as its bytes and read back, as a city receives them. */
  private static List<Tally> received() {
    List<Tally> parts = new ArrayList<>();
    for (String d : districts) {
      try (Tally t = ds.tally(d, 2019)) {
        assertEquals(d, t.region());
        parts.add(Tally.parse(t.toBytes()));
      }
    }
    return parts;
  }

  private static void closeAll(List<Tally> parts) {
    for (Tally t : parts) t.close();
  }

  @Test
  void theMergedCityReportsTheBytesOfThePooledRecords() {
    assertEquals(11, districts.size());
    assertTrue(districts.contains("440111") && districts.contains("440112"), districts.toString());
    List<Tally> parts = received();
    try (Tally city = Tally.merge(parts);
        Report merged = city.report("440100");
        Report pooled = ds.report("440100", 2019);
        Report baiyunMerged = city.report("440111");
        Report baiyunPooled = ds.report("440111", 2019)) {
      assertEquals("440100", city.region());
      // Every figure, text and the narrative, byte for byte. Only the data
      // quality differs, as it should: it adds up the loads the tallies were
      // made from, and here the eleven tallies were made from one load of the
      // whole folder (a district that loads only its own files adds only those).
      assertEquals(figures(pooled.toJson()), figures(merged.toJson()));
      assertEquals(figures(baiyunPooled.toJson()), figures(baiyunMerged.toJson()));
      assertTrue(merged.toJson().contains("\"data_quality\":{\"rows_read\":" + 11 * rowsRead(pooled.toJson())),
          merged.toJson().substring(merged.toJson().indexOf("\"data_quality\"")).substring(0, 80));
      assertEquals("94.02%", baiyunMerged.text("litigation.win_rate"));
    } finally {
      closeAll(parts);
    }
  }

  /** A report's JSON up to its data quality: the figures, texts and narrative. */
  private static String figures(String json) {
    int at = json.indexOf(",\"data_quality\":");
    assertTrue(at > 0 && json.indexOf("\"narrative\"") < at, "the data quality is the report's last member");
    return json.substring(0, at);
  }

  private static long rowsRead(String json) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"data_quality\":\\{\"rows_read\":(\\d+)").matcher(json);
    assertTrue(m.find());
    return Long.parseLong(m.group(1));
  }

  @Test
  void theWholeDatasetsTallyReportsEveryRegionAsTheDataset() {
    try (Tally whole = Tally.compute(ds, 2019)) {
      assertEquals(ds.allReportsJson(2019), whole.reportAllJson());
    }
  }

  @Test
  void aTallyRoundTripsAsBytesAndJson() {
    try (Tally t = ds.tally("440111", 2019);
        Tally back = Tally.parse(t.toBytes());
        Tally fromJson = Tally.parse(t.toJson().getBytes(StandardCharsets.UTF_8));
        Tally whole = Tally.compute(ds, 2019)) {
      assertEquals(64, t.digest().length());
      assertTrue(t.digest().matches("[0-9a-f]{64}"), t.digest());
      assertEquals(t.digest(), back.digest());
      assertEquals(t, back);
      assertEquals(t, fromJson);
      assertArrayEquals(t.toBytes(), back.toBytes());
      assertNotEquals(t, whole);
      assertEquals("440100", whole.region());
    }
  }

  @Test
  void mergeIsCommutative() {
    List<Tally> parts = received();
    List<Tally> reversed = new ArrayList<>(parts);
    java.util.Collections.reverse(reversed);
    try (Tally a = Tally.merge(parts); Tally b = Tally.merge(reversed)) {
      assertEquals(a.digest(), b.digest());
    } finally {
      closeAll(parts);
    }
  }

  @Test
  void alteredTruncatedAndDoubledTalliesAreRefused() {
    try (Tally t = ds.tally("440111", 2019)) {
      byte[] bytes = t.toBytes();
      byte[] truncated = Arrays.copyOf(bytes, bytes.length - 5);
      assertThrows(InvalidArgumentException.class, () -> Tally.parse(truncated));
      // One figure changed in the JSON form: the digest no longer matches.
      String json = t.toJson();
      int at = json.indexOf("\"runs\"");
      assertTrue(at >= 0, json.substring(0, 200));
      String tampered = tamper(json, at);
      InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
          () -> Tally.parse(tampered.getBytes(StandardCharsets.UTF_8)));
      assertTrue(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("sha-256")
          || e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("digest"), e.getMessage());
      InvalidArgumentException twice = assertThrows(InvalidArgumentException.class, () -> Tally.merge(List.of(t, t)));
      assertTrue(twice.getMessage().contains("440111"), twice.getMessage());
      assertThrows(InvalidArgumentException.class, () -> Tally.parse(new byte[0]));
    }
  }

  /** The JSON with the first count after `from` (a number after "[" or " ", not a date) changed. */
  private static String tamper(String json, int from) {
    for (int i = from; i < json.length(); i++) {
      char c = json.charAt(i);
      char before = json.charAt(i - 1);
      if (c >= '1' && c <= '8' && (before == '[' || before == ' ')) {
        return json.substring(0, i) + (char) (c + 1) + json.substring(i + 1);
      }
    }
    throw new AssertionError("no number to alter");
  }

  @Test
  void aClosedTallyRefusesCalls() {
    Tally t = ds.tally("440111", 2019);
    t.close();
    t.close();
    assertEquals("440111", t.region());
    assertThrows(IllegalStateException.class, t::toBytes);
  }
}
