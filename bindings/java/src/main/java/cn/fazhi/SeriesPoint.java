package cn.fazhi;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One month or quarter of a {@link Series}: exact values, never a {@code double}.
 *
 * @param period "2019-03", "2019-Q1"
 * @param from its first day within the period
 * @param to its last day within the period
 * @param kind {@link ValueKind#COUNT}, {@link ValueKind#FRACTION} (a rate) or
 *     {@link ValueKind#UNDEFINED} (a rate with nothing decided that month)
 * @param count a count's value; empty for a rate
 * @param value the value as an exact fraction (a count n as n/1); empty when undefined
 * @param numerator a rate's numerator as counted (a count's value)
 * @param denominator a rate's denominator as counted (1 for a count)
 * @param previous the same month or quarter a year earlier, as {@code value}
 * @param text "47 件", "93.75%", "—"
 * @param previousText the same for a year earlier
 */
public record SeriesPoint(String period, LocalDate from, LocalDate to, ValueKind kind, Optional<BigInteger> count,
    Optional<Fraction> value, Optional<BigInteger> numerator, Optional<BigInteger> denominator,
    Optional<Fraction> previous, String text, String previousText) {

  static SeriesPoint of(Structs.SeriesPoint p) {
    ValueKind kind = ValueKind.of(p.kind);
    boolean defined = kind != ValueKind.UNDEFINED && p.den != 0;
    return new SeriesPoint(Text.borrowed(p.period), LocalDate.parse(Text.borrowed(p.from)),
        LocalDate.parse(Text.borrowed(p.to)), kind,
        kind == ValueKind.COUNT ? Optional.of(BigInteger.valueOf(p.value)) : Optional.empty(),
        defined ? Optional.of(Fraction.of(p.num, p.den)) : Optional.empty(),
        defined ? Optional.of(BigInteger.valueOf(p.num)) : Optional.empty(),
        defined ? Optional.of(BigInteger.valueOf(p.den)) : Optional.empty(),
        ValueKind.of(p.previous_kind) != ValueKind.UNDEFINED && p.previous_den != 0
            ? Optional.of(Fraction.of(p.previous_num, p.previous_den)) : Optional.empty(),
        Text.borrowed(p.text), Text.borrowed(p.previous_text));
  }
}
