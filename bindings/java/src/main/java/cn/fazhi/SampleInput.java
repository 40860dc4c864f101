package cn.fazhi;

import java.util.ArrayList;
import java.util.List;

/**
 * One 双随机 batch (fz_sample_input): k of the targets, then for each chosen
 * target a team of m inspectors, none with a conflict for it.
 */
public final class SampleInput {
  String seed;
  String batchId;
  List<String> targets = List.of();
  long k;
  List<String> inspectors = List.of();
  long m;
  List<Conflict> conflicts = List.of();

  /** The announced seed, exactly as published (not needed to announce). */
  public SampleInput seed(String seed) {
    this.seed = seed;
    return this;
  }

  /** The batch's id; empty or unset when the seed serves one batch only. */
  public SampleInput batchId(String batchId) {
    this.batchId = batchId;
    return this;
  }

  /** The targets to choose from (required). */
  public SampleInput targets(List<String> targets) {
    this.targets = List.copyOf(targets);
    return this;
  }

  /** How many targets to choose: 1 .. the number of targets. */
  public SampleInput k(long k) {
    this.k = k;
    return this;
  }

  /** The roster of inspectors (required). */
  public SampleInput inspectors(List<String> inspectors) {
    this.inspectors = List.copyOf(inspectors);
    return this;
  }

  /** The size of each team: 1 .. the number of inspectors. */
  public SampleInput m(long m) {
    this.m = m;
    return this;
  }

  /** The pairs that may not meet; a pair naming someone not on the lists has no effect. */
  public SampleInput conflicts(List<Conflict> conflicts) {
    this.conflicts = List.copyOf(conflicts);
    return this;
  }

  Structs.SampleInput toNative() {
    if (k < 0 || m < 0) throw new InvalidArgumentException("k 和 m 不能为负数（k=" + k + ", m=" + m + "）");
    List<String> who = new ArrayList<>();
    List<String> what = new ArrayList<>();
    for (Conflict c : conflicts) {
      who.add(c.inspector());
      what.add(c.target());
    }
    Structs.SampleInput s = new Structs.SampleInput();
    s.seed = Text.memory(seed, "seed");
    s.batch_id = Text.memory(batchId, "batchId");
    Text.CArray t = Text.CArray.of(targets, "targets");
    Text.CArray i = Text.CArray.of(inspectors, "inspectors");
    Text.CArray ci = Text.CArray.of(who, "conflicts.inspector");
    Text.CArray ct = Text.CArray.of(what, "conflicts.target");
    s.targets = t;
    s.targets_count = new Structs.SizeT(t.count());
    s.k = k;
    s.inspectors = i;
    s.inspectors_count = new Structs.SizeT(i.count());
    s.m = m;
    s.conflict_inspectors = ci;
    s.conflict_targets = ct;
    s.conflicts_count = new Structs.SizeT(ci.count());
    return s;
  }
}
