package cn.fazhi;

/** Kinds of metric value (FZ_VALUE_*). */
public enum ValueKind {
  /** No value: a zero denominator or no data (see {@link Metric#reason}). */
  UNDEFINED,
  /** An integer count: a {@link java.math.BigInteger}. */
  COUNT,
  /** A rate or share, a {@link Fraction} of 1. */
  FRACTION,
  /** Money: a {@link java.math.BigDecimal} of yuan with 2 decimals (integer fen). */
  MONEY,
  /** A number of days, possibly fractional: a {@link Fraction}. */
  DAYS,
  /** A rank among sibling regions, 1 = first: a {@link java.math.BigInteger}. */
  RANK,
  /** A plain number, possibly fractional (a mean, a statistic): a {@link Fraction}. */
  NUMBER,
  /** A kind added by a later 1.x library: a {@link Fraction}, as every defined value is num/den. */
  OTHER;

  static ValueKind of(int code) {
    return code >= 0 && code < OTHER.ordinal() ? values()[code] : OTHER;
  }
}
