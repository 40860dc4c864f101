package cn.fazhi;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The department table of a region and period (docs/departments.md): every
 * respondent and defendant agency with its figures, ranks and case ids, and
 * the assessment (考核) of the profile's scheme, read from the library's JSON
 * ({@link #json}, as {@code fazhi departments --format json} writes it).
 *
 * <pre>{@code
 * DepartmentTable t = ds.departments("440111", 2019,
 *     new ReportOptions().profile(Path.of("data/examples/assessment-county.json")));
 * DepartmentRow d = t.department("广州市白云区松洲街道办事处").orElseThrow();
 * d.score();                       // Optional[7]
 * d.deductions().get(0).cases();   // [（2019）粤71行终976号, （2019）粤71行终1108号]
 * }</pre>
 *
 * <p>Its case ids are personal data, as a case list's are. A plain value:
 * nothing to close.
 *
 * @param region "440111"
 * @param from the period's first day
 * @param to the period's last day
 * @param assessment the scheme's name, when the profile has one
 * @param fullScore the scheme's full score (the sum of its weights)
 * @param departments ranked, 未填 (name "") last
 * @param json the library's JSON text
 */
public record DepartmentTable(String region, LocalDate from, LocalDate to, Optional<String> assessment,
    Optional<BigDecimal> fullScore, List<DepartmentRow> departments, String json) {

  /** The department of a name as the table writes it. */
  public Optional<DepartmentRow> department(String name) {
    return departments.stream().filter(d -> d.name().equals(name)).findFirst();
  }

  static DepartmentTable parse(String json) {
    JsonObject t = JsonParser.parseString(json).getAsJsonObject();
    JsonObject period = t.getAsJsonObject("period");
    List<DepartmentRow> rows = new ArrayList<>();
    for (JsonElement e : t.getAsJsonArray("departments")) rows.add(DepartmentRow.of(e.getAsJsonObject()));
    return new DepartmentTable(t.get("region").getAsString(), LocalDate.parse(period.get("from").getAsString()),
        LocalDate.parse(period.get("to").getAsString()), DepartmentRow.string(t, "assessment"),
        DepartmentRow.string(t, "full_score").map(BigDecimal::new), List.copyOf(rows), json);
  }
}
