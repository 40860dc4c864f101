package cn.fazhi;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One agency of a {@link DepartmentTable}: its figures, each ranked among the
 * departments with its case ids, and its assessment (考核) when the profile
 * has a scheme.
 *
 * @param name the agency as the records name it, spellings merged ("" for
 *     the cases that name none, 未填)
 * @param level the {@code respondent_level}/{@code defendant_level} most of
 *     its cases record, if any
 * @param rank by assessment score (highest first) with a scheme, else by
 *     cases received; empty for 未填
 * @param figures the figures of docs/departments.md, in its order
 * @param score the assessment's score, an exact decimal ("7", "9.5")
 * @param deductions every deducted point, traced to case ids or a figure
 */
public record DepartmentRow(String name, Optional<String> level, OptionalInt rank, List<Figure> figures,
    Optional<BigDecimal> score, List<Deduction> deductions) {

  /**
   * One figure of a department.
   *
   * @param id "litigation.loss_rate", "departments.late_or_missing_defences"
   * @param label "败诉率"
   * @param kind COUNT, FRACTION (a rate) or UNDEFINED
   * @param count a count's value
   * @param value the value as an exact fraction (a count n as n/1, a rate as
   *     counted: 0/2); empty when undefined
   * @param reason why the value is undefined
   * @param rank among the departments, 1 = the largest
   * @param cases a count's case ids
   * @param numeratorCases a rate's numerator's case ids
   * @param denominatorCases a rate's denominator's case ids
   */
  public record Figure(String id, String label, ValueKind kind, Optional<BigInteger> count,
      Optional<Fraction> value, Optional<String> reason, OptionalInt rank, List<String> cases,
      List<String> numeratorCases, List<String> denominatorCases) {}

  /**
   * One deduction of the assessment.
   *
   * @param rule the indicator's rule: "未按期答辩或未答辩，每件扣 1 分"
   * @param points the points deducted, after the indicator's cap
   * @param pointsBeforeCap the points before the cap, when the cap cut them
   * @param cases the case ids deducted for (a per-case rule)
   * @param metric the figure deducted for (a threshold rule)
   * @param value that figure's value
   */
  public record Deduction(String rule, BigDecimal points, Optional<BigDecimal> pointsBeforeCap,
      List<String> cases, Optional<String> metric, Optional<Fraction> value) {}

  /** The figure of a metric id, if the table has it. */
  public Optional<Figure> figure(String id) {
    return figures.stream().filter(f -> f.id().equals(id)).findFirst();
  }

  static DepartmentRow of(JsonObject d) {
    List<Figure> figures = new ArrayList<>();
    for (JsonElement e : d.getAsJsonArray("metrics")) {
      JsonObject m = e.getAsJsonObject();
      JsonElement v = m.get("value");
      ValueKind kind = v == null || v.isJsonNull() ? ValueKind.UNDEFINED
          : v.isJsonObject() ? ValueKind.FRACTION : ValueKind.COUNT;
      figures.add(new Figure(m.get("id").getAsString(), m.get("label").getAsString(), kind,
          kind == ValueKind.COUNT ? Optional.of(v.getAsBigInteger()) : Optional.empty(), fraction(v),
          string(m, "reason"), integer(m, "rank"), ids(m, "cases"), ids(m, "numerator_cases"),
          ids(m, "denominator_cases")));
    }
    List<Deduction> deductions = new ArrayList<>();
    JsonElement ds = d.get("deductions");
    if (ds != null && ds.isJsonArray()) {
      for (JsonElement e : ds.getAsJsonArray()) {
        JsonObject x = e.getAsJsonObject();
        deductions.add(new Deduction(x.get("rule").getAsString(), new BigDecimal(x.get("points").getAsString()),
            string(x, "points_before_cap").map(BigDecimal::new), ids(x, "cases"), string(x, "metric"),
            fraction(x.get("value"))));
      }
    }
    return new DepartmentRow(d.get("name").getAsString(), string(d, "level"), integer(d, "rank"),
        List.copyOf(figures), string(d, "score").map(BigDecimal::new), List.copyOf(deductions));
  }

  private static Optional<Fraction> fraction(JsonElement v) {
    if (v == null || v.isJsonNull()) return Optional.empty();
    if (!v.isJsonObject()) return Optional.of(Fraction.of(v.getAsBigInteger()));
    JsonObject f = v.getAsJsonObject();
    BigInteger den = f.get("den").getAsBigInteger();
    return den.signum() == 0 ? Optional.empty() : Optional.of(Fraction.of(f.get("num").getAsBigInteger(), den));
  }

  static Optional<String> string(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e == null || e.isJsonNull() ? Optional.empty() : Optional.of(e.getAsString());
  }

  private static OptionalInt integer(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e == null || e.isJsonNull() ? OptionalInt.empty() : OptionalInt.of(e.getAsInt());
  }

  private static List<String> ids(JsonObject o, String key) {
    JsonElement e = o.get(key);
    if (e == null || !e.isJsonArray()) return List.of();
    JsonArray a = e.getAsJsonArray();
    return Text.strings(a);
  }
}
