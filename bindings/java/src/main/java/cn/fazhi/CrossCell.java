package cn.fazhi;

import java.math.BigInteger;
import java.util.Optional;

/**
 * One cell of a {@link CrossTable} (or its total): exact values.
 *
 * @param kind {@link ValueKind#COUNT}, {@link ValueKind#FRACTION} (a rate) or
 *     {@link ValueKind#UNDEFINED}
 * @param count a count's value; empty for a rate
 * @param value the value as an exact fraction (a count n as n/1); empty when undefined
 * @param numerator a rate's numerator as counted (a count's value)
 * @param denominator a rate's denominator as counted (1 for a count)
 * @param text "66 件", "93.75%", "—"
 */
public record CrossCell(ValueKind kind, Optional<BigInteger> count, Optional<Fraction> value,
    Optional<BigInteger> numerator, Optional<BigInteger> denominator, String text) {

  static CrossCell of(Structs.CrossCell c) {
    ValueKind kind = ValueKind.of(c.kind);
    boolean defined = kind != ValueKind.UNDEFINED && c.den != 0;
    return new CrossCell(kind, kind == ValueKind.COUNT ? Optional.of(BigInteger.valueOf(c.value)) : Optional.empty(),
        defined ? Optional.of(Fraction.of(c.num, c.den)) : Optional.empty(),
        defined ? Optional.of(BigInteger.valueOf(c.num)) : Optional.empty(),
        defined ? Optional.of(BigInteger.valueOf(c.den)) : Optional.empty(), Text.borrowed(c.text));
  }
}
