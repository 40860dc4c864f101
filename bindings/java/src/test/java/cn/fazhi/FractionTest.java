package cn.fazhi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class FractionTest {
  @Test
  void keepsItsTermsAndComparesValues() {
    Fraction f = Fraction.of(2, 4);
    assertEquals("2/4", f.toString());
    assertEquals(Fraction.of(1, 2), f);
    assertEquals(Fraction.of(1, 2).hashCode(), f.hashCode());
    assertEquals("1/2", f.reduced().toString());
    assertEquals("-1/3", Fraction.of(1, -3).toString());
    assertNotEquals(Fraction.of(1, 3), Fraction.of(1, 2));
    assertEquals(-1, Fraction.of(1, 3).compareTo(Fraction.of(1, 2)));
    assertThrows(ArithmeticException.class, () -> Fraction.of(1, 0));
  }

  @Test
  void roundsOnceByAnExplicitRule() {
    Fraction f = Fraction.of(110, 117);
    assertEquals("94.02%", f.toPercent(2, RoundingMode.HALF_UP));
    assertEquals(new BigDecimal("0.94"), f.toBigDecimal(2, RoundingMode.HALF_UP));
    // 1/8 = 0.125: half-up and half-even differ at 2 decimals.
    assertEquals(new BigDecimal("0.13"), Fraction.of(1, 8).toBigDecimal(2, RoundingMode.HALF_UP));
    assertEquals(new BigDecimal("0.12"), Fraction.of(1, 8).toBigDecimal(2, RoundingMode.HALF_EVEN));
    assertThrows(ArithmeticException.class, () -> Fraction.of(1, 3).toBigDecimal(2, RoundingMode.UNNECESSARY));
    BigInteger big = BigInteger.TWO.pow(70);
    assertEquals(big, Fraction.of(big.multiply(BigInteger.TEN), BigInteger.TEN).reduced().num());
  }
}
