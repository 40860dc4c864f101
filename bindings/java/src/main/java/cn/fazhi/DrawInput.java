package cn.fazhi;

import java.util.List;

/**
 * One legal-aid assignment by lottery (摇珠, fz_draw_input): the lawyers who
 * answered the invitation, less those with a conflict of interest and those at
 * their caseload cap, form the pool. Lists may be in any order (the library
 * sorts them by their UTF-8 bytes); a duplicate or empty id is an
 * {@link InvalidArgumentException}.
 *
 * <pre>{@code
 * DrawInput in = new DrawInput()
 *     .seed("2024-06-03 上证指数收盘 3078.49").caseId("穗白法援〔2024〕0173号")
 *     .answered(List.of("王律师", "李律师", "陈律师", "赵律师", "刘律师"))
 *     .conflicts(List.of("李律师")).atCap(List.of("赵律师"));
 * Lottery.draw(in).winner();   // "陈律师"
 * }</pre>
 */
public final class DrawInput {
  String seed;
  String caseId;
  List<String> answered = List.of();
  List<String> conflicts = List.of();
  List<String> atCap = List.of();

  /** The announced seed, exactly as published (not needed to announce). */
  public DrawInput seed(String seed) {
    this.seed = seed;
    return this;
  }

  /** The case id (required). */
  public DrawInput caseId(String caseId) {
    this.caseId = caseId;
    return this;
  }

  /** The lawyers who answered the invitation (required: at least one). */
  public DrawInput answered(List<String> lawyers) {
    this.answered = List.copyOf(lawyers);
    return this;
  }

  /** Those excluded for a conflict of interest. */
  public DrawInput conflicts(List<String> lawyers) {
    this.conflicts = List.copyOf(lawyers);
    return this;
  }

  /** Those excluded for being at their caseload cap. */
  public DrawInput atCap(List<String> lawyers) {
    this.atCap = List.copyOf(lawyers);
    return this;
  }

  /** The C struct; it holds its strings for as long as it lives. */
  Structs.DrawInput toNative() {
    Structs.DrawInput s = new Structs.DrawInput();
    s.seed = Text.memory(seed, "seed");
    s.case_id = Text.memory(caseId, "caseId");
    Text.CArray a = Text.CArray.of(answered, "answered");
    Text.CArray c = Text.CArray.of(conflicts, "conflicts");
    Text.CArray x = Text.CArray.of(atCap, "atCap");
    s.answered = a;
    s.answered_count = new Structs.SizeT(a.count());
    s.conflicts = c;
    s.conflicts_count = new Structs.SizeT(c.count());
    s.at_cap = x;
    s.at_cap_count = new Structs.SizeT(x.count());
    return s;
  }
}
