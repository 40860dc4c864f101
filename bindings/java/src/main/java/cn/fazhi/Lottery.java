package cn.fazhi;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifiable draws (docs/lottery.md): the legal-aid lottery (摇珠) and the
 * 双随机 inspection sample, pure functions of public inputs whose result is an
 * audit record anyone can re-check.
 *
 * <pre>{@code
 * Announcement ann = Lottery.announce(in);      // publish before the seed exists
 * AuditRecord audit = Lottery.draw(in.seed("2024-06-03 上证指数收盘 3078.49"));
 * Lottery.verify(audit.json(), ann.json());     // the one-line summary a clerk reads
 * }</pre>
 *
 * <p>These functions hold no state (the C ABI has no lottery handle, so there
 * is nothing to close) and may be called from many threads at once. A record
 * that does not verify is a {@link FailedPreconditionException} naming the first
 * field that differs; one that cannot be read an {@link InvalidArgumentException}.
 */
public final class Lottery {
  private Lottery() {}

  /** How a list is written: a comma list (a command-line value), or a file's contents, one id a line. */
  public enum ListForm {
    INLINE,
    FILE
  }

  /** Draws one lawyer and returns the audit record (scheme fazhi-lottery-v1). */
  public static AuditRecord draw(DrawInput input) {
    Structs.DrawInput s = input.toNative();
    return new AuditRecord(Text.take((out, len) -> Capi.fz_lottery_draw(s.written(), out, len)));
  }

  /** Draws a 双随机 sample and returns its audit record (scheme fazhi-sample-v1). */
  public static AuditRecord sample(SampleInput input) {
    Structs.SampleInput s = input.toNative();
    return new AuditRecord(Text.take((out, len) -> Capi.fz_sample_draw(s.written(), out, len)));
  }

  /** The announcement of a draw (its seed is not read). */
  public static Announcement announce(DrawInput input) {
    Structs.DrawInput s = input.toNative();
    return new Announcement(Text.take((out, len) -> Capi.fz_lottery_announce(s.written(), out, len)));
  }

  /** The announcement of a 双随机 sample (its seed is not read). */
  public static Announcement announce(SampleInput input) {
    Structs.SampleInput s = input.toNative();
    return new Announcement(Text.take((out, len) -> Capi.fz_sample_announce(s.written(), out, len)));
  }

  /**
   * Recomputes an audit record of either scheme and returns its one-line
   * summary. This proves only that the record agrees with itself; give the
   * announcement too to prove it used the announced lists.
   */
  public static String verify(String auditJson) {
    byte[] a = Text.arg(auditJson, "audit");
    return Text.take((out, len) -> Capi.fz_lottery_verify(a, out, len));
  }

  /** Verifies a record, then checks that its inputs are the announced ones. */
  public static String verify(String auditJson, String announcementJson) {
    byte[] a = Text.arg(auditJson, "audit");
    byte[] b = Text.arg(announcementJson, "announcement");
    return Text.take((out, len) -> Capi.fz_lottery_verify_announced(a, b, out, len));
  }

  /** The ids of a list as the fazhi command reads it (docs/lottery.md, "Lists"), in the order written. */
  public static List<String> parseIds(String text, ListForm form) {
    return parseIds(Text.utf8(text, "text"), form);
  }

  /** The ids of a list given as bytes (a list file's contents, read as they are). */
  public static List<String> parseIds(byte[] text, ListForm form) {
    Structs.SizeT n = new Structs.SizeT(text.length);
    int f = form.ordinal();
    String json = Text.take((out, len) -> Capi.fz_lottery_parse_ids(text, n, f, out, len));
    return Text.strings(JsonParser.parseString(json).getAsJsonArray());
  }

  /** Conflicts: "inspector:target,..." inline, or one inspector&lt;TAB&gt;target or inspector,target a line. */
  public static List<Conflict> parseConflicts(String text, ListForm form) {
    return parseConflicts(Text.utf8(text, "text"), form);
  }

  /** Conflicts given as bytes (a file's contents). */
  public static List<Conflict> parseConflicts(byte[] text, ListForm form) {
    Structs.SizeT n = new Structs.SizeT(text.length);
    int f = form.ordinal();
    List<Conflict> pairs = new ArrayList<>();
    String json = Text.take((out, len) -> Capi.fz_lottery_parse_conflicts(text, n, f, out, len));
    for (JsonElement e : JsonParser.parseString(json).getAsJsonArray()) {
      JsonObject p = e.getAsJsonObject();
      pairs.add(new Conflict(p.get("inspector").getAsString(), p.get("target").getAsString()));
    }
    return List.copyOf(pairs);
  }
}
