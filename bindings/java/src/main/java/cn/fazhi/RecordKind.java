package cn.fazhi;

/** The record kinds of a dataset (FZ_KIND_*), each a file of a dataset folder. */
public enum RecordKind {
  /** reconsideration.csv, 行政复议. */
  RECONSIDERATION,
  /** litigation.csv, 行政应诉. */
  LITIGATION,
  /** legal_aid.csv, 法律援助. */
  LEGAL_AID,
  /** mediation.csv, 人民调解. */
  MEDIATION,
  /** registry.csv, 登记名录. */
  REGISTRY,
  /** activity.csv, 工作量台账. */
  ACTIVITY,
  /** regions.csv, 区划名称. */
  REGIONS;

  /** The kinds of fazhi 1.0 (FZ_KIND_COUNT): the load summary has this many. */
  static final int COUNT = 7;

  /** The FZ_KIND_* number. */
  public int code() {
    return ordinal();
  }

  /** The file's name in a dataset folder: "legal_aid.csv". */
  public String fileName() {
    return name().toLowerCase(java.util.Locale.ROOT) + ".csv";
  }
}
