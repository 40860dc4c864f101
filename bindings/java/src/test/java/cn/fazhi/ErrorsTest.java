package cn.fazhi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Each failure raises the exception of its status, carrying the library's message. */
class ErrorsTest {
  @Test
  void everyStatusHasItsOwnExceptionClass() {
    for (Status s : Status.values()) {
      FazhiException e = Status.exception(s.code(), "message of " + s.cName());
      assertEquals(s, e.status());
      assertEquals(s.code(), e.code());
      assertEquals("message of " + s.cName(), e.getMessage());
      String camel = java.util.Arrays.stream(s.name().toLowerCase().split("_"))
          .map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1))
          .reduce("", String::concat);
      assertEquals(camel + "Exception", e.getClass().getSimpleName());
    }
    assertEquals(NotFoundException.class, Status.exception(5, "").getClass());
    assertEquals(InvalidArgumentException.class, Status.exception(3, "").getClass());
    assertEquals(OutOfRangeException.class, Status.exception(11, "").getClass());
    assertEquals(ResourceExhaustedException.class, Status.exception(8, "").getClass());
    // A code of a later library reads as UNKNOWN and keeps its number in the message.
    FazhiException later = Status.exception(42, "new");
    assertEquals(UnknownException.class, later.getClass());
    assertTrue(later.getMessage().contains("42"));
  }

  @Test
  void missingFolderIsNotFoundAndNamed() {
    Path missing = TestData.SOURCE.resolve("no-such-folder");
    NotFoundException e = assertThrows(NotFoundException.class, () -> Dataset.fromDir(missing));
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    assertEquals(Status.NOT_FOUND, e.status());
  }

  @Test
  void badRegionIsInvalidArgumentAndRegionWithoutRecordsNotFound() {
    try (Dataset ds = Dataset.fromDir(TestData.ROLLUP)) {
      InvalidArgumentException bad = assertThrows(InvalidArgumentException.class, () -> ds.report("44011", 2019));
      assertTrue(bad.getMessage().contains("44011"), bad.getMessage());
      NotFoundException none = assertThrows(NotFoundException.class, () -> ds.report("110101", 2019));
      assertTrue(none.getMessage().contains("110101"), none.getMessage());
    }
  }

  @Test
  void unknownMetricIsNotFound() {
    try (Dataset ds = Dataset.fromDir(TestData.ROLLUP); Report r = ds.report("440103", 2019)) {
      NotFoundException e = assertThrows(NotFoundException.class, () -> r.metric("litigation.no_such_rate"));
      assertTrue(e.getMessage().contains("litigation.no_such_rate"), e.getMessage());
    }
  }

  @Test
  void dateOutsideTheCalendarIsOutOfRange() {
    OutOfRangeException e = assertThrows(OutOfRangeException.class,
        () -> Calendar.national().isWorkday(LocalDate.of(1990, 1, 1)));
    assertTrue(e.getMessage().contains("1990"), e.getMessage());
  }

  @Test
  void addAfterSealIsFailedPrecondition() {
    try (Dataset ds = new Dataset()) {
      ds.seal();
      assertThrows(FailedPreconditionException.class, () -> ds.add(new RegionRecord().region("440111").name("白云区")));
    }
  }

  @Test
  void invalidRecordNamesTheFieldAndIsNotKept() {
    try (Dataset ds = new Dataset()) {
      InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
          () -> ds.add(new LitigationRecord().caseId("L").region("440111").filedDate(LocalDate.of(2019, 1, 2))));
      assertTrue(e.getMessage().contains("instance"), e.getMessage());
      ds.add(new LitigationRecord().caseId("L").region("440111").filedDate(LocalDate.of(2019, 1, 2)).instance("一审"));
    }
  }

  @Test
  void textThatCIsNotGivenIsRefusedBeforeTheCall() {
    try (Dataset ds = Dataset.fromDir(TestData.ROLLUP)) {
      InvalidArgumentException nul = assertThrows(InvalidArgumentException.class, () -> ds.report("440103\0x", 2019));
      assertTrue(nul.getMessage().contains("region"), nul.getMessage());
      assertThrows(InvalidArgumentException.class, () -> ds.report("4401\uD800", 2019));
    }
  }

  @Test
  void aClosedObjectRefusesCallsAndClosesTwiceQuietly() {
    Dataset ds = Dataset.fromDir(TestData.ROLLUP);
    Report r = ds.report("440103", 2019);
    ds.close();
    ds.close();
    assertThrows(IllegalStateException.class, () -> ds.report("440103", 2019));
    assertEquals("Dataset(closed)", ds.toString());
    r.close();
    assertThrows(IllegalStateException.class, () -> r.metric("litigation.win_rate"));
    Calendar cal = Calendar.create();
    cal.close();
    assertThrows(IllegalStateException.class, () -> cal.isWorkday(LocalDate.of(2019, 1, 2)));
  }
}
