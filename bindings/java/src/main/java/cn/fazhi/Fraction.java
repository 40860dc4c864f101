package cn.fazhi;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact rational number num/den, as the library gives rates, shares, day
 * counts and means. The terms are kept as given ({@code 110/117}: the counts
 * a rate was made of), with the sign on the numerator; {@link #equals} and
 * {@link #compareTo} compare values, so 2/4 equals 1/2. A published figure is
 * never a {@code double}: round once, with {@link #toBigDecimal} or
 * {@link #toPercent}.
 *
 * <pre>{@code
 * Fraction f = Fraction.of(110, 117);
 * f.toPercent(2, RoundingMode.HALF_UP);        // "94.02%"
 * f.toBigDecimal(4, RoundingMode.HALF_UP);     // 0.9402
 * }</pre>
 */
public final class Fraction extends Number implements Comparable<Fraction> {
  private static final long serialVersionUID = 1L;
  private static final BigInteger HUNDRED = BigInteger.valueOf(100);

  private final BigInteger num;
  private final BigInteger den;

  private Fraction(BigInteger num, BigInteger den) {
    this.num = num;
    this.den = den;
  }

  /** num/den; den must not be 0. */
  public static Fraction of(BigInteger num, BigInteger den) {
    Objects.requireNonNull(num, "num");
    Objects.requireNonNull(den, "den");
    if (den.signum() == 0) throw new ArithmeticException("a fraction's denominator is 0");
    return den.signum() < 0 ? new Fraction(num.negate(), den.negate()) : new Fraction(num, den);
  }

  /** num/den; den must not be 0. */
  public static Fraction of(long num, long den) {
    return of(BigInteger.valueOf(num), BigInteger.valueOf(den));
  }

  /** The integer n as n/1. */
  public static Fraction of(BigInteger n) {
    return of(n, BigInteger.ONE);
  }

  /** The numerator, as given (with the sign). */
  public BigInteger num() {
    return num;
  }

  /** The denominator, as given (positive). */
  public BigInteger den() {
    return den;
  }

  /** The same value in lowest terms. */
  public Fraction reduced() {
    BigInteger g = num.gcd(den);
    return g.equals(BigInteger.ONE) || g.signum() == 0 ? this : new Fraction(num.divide(g), den.divide(g));
  }

  public int signum() {
    return num.signum();
  }

  /** The value rounded to {@code scale} decimals by {@code mode}, exactly (RoundingMode.UNNECESSARY when it must be exact). */
  public BigDecimal toBigDecimal(int scale, RoundingMode mode) {
    return new BigDecimal(num).divide(new BigDecimal(den), scale, mode);
  }

  /** The value as a percentage with {@code decimals} decimals: 110/117 at 2 half-up is "94.02%". */
  public String toPercent(int decimals, RoundingMode mode) {
    return Fraction.of(num.multiply(HUNDRED), den).toBigDecimal(decimals, mode).toPlainString() + "%";
  }

  /** "110/117" (an integer as "n/1"). */
  @Override
  public String toString() {
    return num + "/" + den;
  }

  @Override
  public int compareTo(Fraction o) {
    return num.multiply(o.den).compareTo(o.num.multiply(den));
  }

  /** Equal values: 2/4 equals 1/2. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Fraction && compareTo((Fraction) o) == 0;
  }

  @Override
  public int hashCode() {
    Fraction r = reduced();
    return 31 * r.num.hashCode() + r.den.hashCode();
  }

  /** Truncated toward zero. */
  @Override
  public long longValue() {
    return num.divide(den).longValue();
  }

  @Override
  public int intValue() {
    return num.divide(den).intValue();
  }

  /** An approximation, for charts and statistics only: never for a published figure. */
  @Override
  public double doubleValue() {
    return new BigDecimal(num).divide(new BigDecimal(den), java.math.MathContext.DECIMAL64).doubleValue();
  }

  /** An approximation, as {@link #doubleValue}. */
  @Override
  public float floatValue() {
    return (float) doubleValue();
  }
}
