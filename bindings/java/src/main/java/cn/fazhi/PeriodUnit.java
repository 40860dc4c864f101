package cn.fazhi;

/** Units of a statutory period (FZ_PERIOD_*). */
public enum PeriodUnit {
  /** Calendar days; a period ending on a rest day rolls over to the next working day. */
  DAYS,
  /** Working days. */
  WORKDAYS,
  /** Months, the day clamped to the month's end (民法典 art. 202), then rolled over. */
  MONTHS
}
