package cn.fazhi;

import java.util.Optional;

/**
 * One metric of a report: its exact value, the previous period's, the
 * year-on-year change, and the texts the report presents.
 *
 * <p>{@link #value} is a {@link java.math.BigInteger} for counts and ranks, a
 * {@link java.math.BigDecimal} of yuan (2 decimals, integer fen) for money, and
 * a {@link Fraction} for rates, shares, days and numbers; it is empty when the
 * value is undefined (a zero denominator, no data: see {@link #reason}), never
 * 0. {@link #exact} is every defined value as num/den.
 */
public record Metric(
    String id,
    String label,
    String unit,
    ValueKind kind,
    ValueKind metricKind,
    Optional<Number> value,
    Optional<Fraction> exact,
    String text,
    String decimal,
    Optional<Number> previous,
    String previousText,
    String previousDecimal,
    Optional<Fraction> yoy,
    String yoyText,
    String yoyDecimal,
    String basis,
    String reason) {

  /** True when the value is defined. */
  public boolean isDefined() {
    return value.isPresent();
  }
}
