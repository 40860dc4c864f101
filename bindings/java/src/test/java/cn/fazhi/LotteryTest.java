package cn.fazhi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lottery and the 双随机 sample against docs/lottery.md's vectors. */
class LotteryTest {
  static final String SEED = "2024-06-03 上证指数收盘 3078.49";
  static final String CASE = "穗白法援〔2024〕0173号";

  static DrawInput vector2() {
    return new DrawInput().seed(SEED).caseId(CASE)
        .answered(List.of("王律师", "李律师", "陈律师", "赵律师", "刘律师"))
        .conflicts(List.of("李律师")).atCap(List.of("赵律师"));
  }

  static SampleInput vector5() {
    return new SampleInput().seed("2024-09-02 双随机 seed").batchId("白云区2024年第三季度律所检查")
        .targets(List.of("律所F", "律所E", "律所D", "律所C", "律所B", "律所A")).k(3)
        .inspectors(List.of("赵六", "王五", "李四", "张三")).m(2)
        .conflicts(List.of(new Conflict("张三", "律所A"), new Conflict("张三", "律所C"),
            new Conflict("李四", "律所A")));
  }

  @Test
  void drawGivesVector2() {
    AuditRecord audit = Lottery.draw(vector2());
    assertEquals("fazhi-lottery-v1", audit.scheme());
    assertEquals("陈律师", audit.winner());
    assertEquals(2, audit.index());
    assertEquals(List.of("刘律师", "王律师", "陈律师"), audit.pool());
    assertEquals(SEED, audit.seed());
    assertEquals("8520cb838daed6aac05f9632d5990519021f92a6617833df12ea0aec5970bed2", audit.fields().get("hash"));
    // fields() reads numbers exactly: an integer is a BigInteger, never a Double.
    assertEquals(BigInteger.valueOf(2), audit.fields().get("index"));
    assertEquals(List.of("刘律师", "王律师", "陈律师"), audit.fields().get("pool"));
    assertEquals("b92c968bfc6a3a97960f46553d1c4ca332c56403c1e9d5bf436df4ded3667900", audit.announcementSha256());
    String summary = Lottery.verify(audit.json());
    assertTrue(summary.contains("陈律师") && summary.contains(CASE), summary);
  }

  @Test
  void announcementBindsTheLists() {
    Announcement ann = Lottery.announce(vector2().seed(null));
    assertEquals("b92c968bfc6a3a97960f46553d1c4ca332c56403c1e9d5bf436df4ded3667900", ann.sha256());
    AuditRecord audit = Lottery.draw(vector2());
    assertTrue(Lottery.verify(audit.json(), ann.json()).contains("陈律师"));
    // A draw from other lists does not match the announcement.
    AuditRecord other = Lottery.draw(vector2().conflicts(List.of()));
    FailedPreconditionException e = assertThrows(FailedPreconditionException.class,
        () -> Lottery.verify(other.json(), ann.json()));
    assertTrue(e.getMessage().contains("conflicts"), e.getMessage());
  }

  @Test
  void aTamperedRecordNamesTheField() {
    String tampered = Lottery.draw(vector2()).json().replace("\"winner\": \"陈律师\"", "\"winner\": \"王律师\"");
    assertTrue(tampered.contains("\"winner\": \"王律师\""), tampered);
    FailedPreconditionException e = assertThrows(FailedPreconditionException.class, () -> Lottery.verify(tampered));
    assertTrue(e.getMessage().contains("winner"), e.getMessage());
    assertThrows(InvalidArgumentException.class, () -> Lottery.verify("{not json"));
  }

  @Test
  void sampleGivesVector5() {
    AuditRecord audit = Lottery.sample(vector5());
    assertEquals("fazhi-sample-v1", audit.scheme());
    assertEquals(List.of(new AuditRecord.SampleDraw("律所B", List.of("张三", "赵六")),
        new AuditRecord.SampleDraw("律所C", List.of("王五", "赵六")),
        new AuditRecord.SampleDraw("律所D", List.of("李四", "王五"))), audit.draws());
    assertEquals("8ab87207dde153604ec4b014582812838f4b3f1d6269f21b6f9919b56ebb19b9", audit.announcementSha256());
    Announcement ann = Lottery.announce(vector5());
    assertEquals(audit.announcementSha256(), ann.sha256());
    Lottery.verify(audit.json(), ann.json());
    assertThrows(IllegalStateException.class, audit::winner);
  }

  @Test
  void inputErrors() {
    InvalidArgumentException dup = assertThrows(InvalidArgumentException.class,
        () -> Lottery.draw(vector2().answered(List.of("王律师", "王律师"))));
    assertTrue(dup.getMessage().contains("王律师"), dup.getMessage());
    assertThrows(FailedPreconditionException.class,
        () -> Lottery.draw(vector2().answered(List.of("李律师"))));
    assertThrows(InvalidArgumentException.class, () -> Lottery.sample(vector5().k(0)));
    assertThrows(InvalidArgumentException.class, () -> Lottery.sample(vector5().k(-1)));
  }

  @Test
  void listsAsTheCommandReadsThem() {
    assertEquals(List.of("王律师", "王，丽", "李律师"), Lottery.parseIds("王律师,\"王，丽\", 李律师", Lottery.ListForm.INLINE));
    byte[] file = "# 名单\n王律师\n\n李律师\r\n".getBytes(StandardCharsets.UTF_8);
    assertEquals(List.of("王律师", "李律师"), Lottery.parseIds(file, Lottery.ListForm.FILE));
    InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
        () -> Lottery.parseIds("王律师，李律师", Lottery.ListForm.INLINE));
    assertTrue(e.getMessage().contains("王律师，李律师"), e.getMessage());
    assertEquals(List.of(new Conflict("张三", "律所A"), new Conflict("李四", "律所B")),
        Lottery.parseConflicts("张三:律所A,李四:律所B", Lottery.ListForm.INLINE));
    assertEquals(List.of(new Conflict("张三", "某律所，分所")),
        Lottery.parseConflicts("张三,某律所，分所\n", Lottery.ListForm.FILE));
  }
}
