package cn.fazhi;

/**
 * Which records of a figure a case list names (FZ_CASE_PART_*): a count's
 * records, or a rate's numerator or denominator.
 */
public enum CasePart {
  /** A count's records. */
  COUNT,
  /** A rate's numerator. */
  NUMERATOR,
  /** A rate's denominator. */
  DENOMINATOR;

  /** The FZ_CASE_PART_* number. */
  int code() {
    return ordinal();
  }
}
