package cn.fazhi;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One record of a {@link CaseList}: the case, why the figure counts it (in
 * Chinese, citing the days it was judged by) and the record's own columns.
 * Personal data, for the bureau's own follow-up, not for publication.
 *
 * @param kind the record's kind (a case family)
 * @param caseId "云府行复〔2019〕28号"
 * @param region "440111"
 * @param reason "2019-01-21 受理，审理期限 2019-03-22 届满，2019-04-04 办结，逾期 13 日"
 * @param times how often the figure counts it: 1 (2 only in 结案率's denominator)
 * @param columns the record's own columns as the data wrote them ("" when
 *     empty), in the schema's order: "received_date" → "2019-01-18",
 *     "disposition" → "upheld", ...
 * @param dates the date columns ({@code *_date}) that have a value, as dates
 */
public record Case(RecordKind kind, String caseId, String region, String reason, long times,
    Map<String, String> columns, Map<String, LocalDate> dates) {

  /** The date of a column ("closed_date"); empty when the record has none. */
  public Optional<LocalDate> date(String column) {
    return Optional.ofNullable(dates.get(column));
  }

  static Case of(Structs.Case c) {
    RecordKind[] kinds = RecordKind.values();
    RecordKind kind = c.kind >= 0 && c.kind < kinds.length ? kinds[c.kind] : RecordKind.REGIONS;
    Map<String, String> columns = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : Text.fields(Text.borrowed(c.columns_json)).entrySet()) {
      columns.put(e.getKey(), e.getValue() == null ? "" : e.getValue().toString());
    }
    Map<String, LocalDate> dates = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : columns.entrySet()) {
      if (!e.getKey().endsWith("_date") || e.getValue().isEmpty()) continue;
      try {
        dates.put(e.getKey(), LocalDate.parse(e.getValue()));
      } catch (DateTimeParseException ignored) {
        // The library writes dates as YYYY-MM-DD; a column it does not is text only.
      }
    }
    return new Case(kind, Text.borrowed(c.case_id), Text.borrowed(c.region), Text.borrowed(c.reason), c.times,
        Collections.unmodifiableMap(columns), Collections.unmodifiableMap(dates));
  }
}
