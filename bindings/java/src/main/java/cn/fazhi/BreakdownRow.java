package cn.fazhi;

import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One row of a {@link Breakdown} (or its total, 合计, whose key is empty):
 * exact values, never a {@code double}.
 *
 * @param key the code, the text, "2024-03", "440111"; empty for the records
 *     without a value (未填); "*other" for the folded rows (其他)
 * @param label the Chinese label: "县级政府部门", "未填", "其他", "合计"
 * @param kind {@link ValueKind#COUNT}, {@link ValueKind#FRACTION} (a rate) or
 *     {@link ValueKind#UNDEFINED}
 * @param count a count's value; empty for a rate
 * @param value the value as an exact fraction (a count n as n/1); empty when undefined
 * @param numerator a rate's numerator as counted (a count's value)
 * @param denominator a rate's denominator as counted (1 for a count)
 * @param previous the comparison period's value, as {@code value}
 * @param share counts: the value over the total
 * @param change counts: (value - previous) / previous
 * @param changePoints rates: value - previous, a fraction of 1 (个百分点)
 * @param rank 1 = the largest, ties sharing the better rank; empty for 其他,
 *     合计 and an undefined rate
 * @param text "140 件（92.72%）", "93.75%", "—"
 * @param changeText "-24.2%", "20.17 个百分点", or ""
 */
public record BreakdownRow(Optional<String> key, String label, ValueKind kind, Optional<BigInteger> count,
    Optional<Fraction> value, Optional<BigInteger> numerator, Optional<BigInteger> denominator,
    Optional<Fraction> previous, Optional<Fraction> share, Optional<Fraction> change,
    Optional<Fraction> changePoints, OptionalInt rank, String text, String changeText) {

  static BreakdownRow of(Structs.BreakdownRow r) {
    ValueKind kind = ValueKind.of(r.kind);
    boolean defined = kind != ValueKind.UNDEFINED && r.den != 0;
    return new BreakdownRow(
        r.key == null ? Optional.empty() : Optional.of(Text.borrowed(r.key)),
        Text.borrowed(r.label),
        kind,
        kind == ValueKind.COUNT ? Optional.of(BigInteger.valueOf(r.value)) : Optional.empty(),
        defined ? Optional.of(Fraction.of(r.num, r.den)) : Optional.empty(),
        defined ? Optional.of(BigInteger.valueOf(r.num)) : Optional.empty(),
        defined ? Optional.of(BigInteger.valueOf(r.den)) : Optional.empty(),
        ValueKind.of(r.previous_kind) != ValueKind.UNDEFINED && r.previous_den != 0
            ? Optional.of(Fraction.of(r.previous_num, r.previous_den)) : Optional.empty(),
        fraction(r.share_num, r.share_den),
        fraction(r.change_num, r.change_den),
        fraction(r.change_pp_num, r.change_pp_den),
        r.rank > 0 ? OptionalInt.of(r.rank) : OptionalInt.empty(),
        Text.borrowed(r.text),
        Text.borrowed(r.change_text));
  }

  private static Optional<Fraction> fraction(long num, long den) {
    return den == 0 ? Optional.empty() : Optional.of(Fraction.of(num, den));
  }
}
