package cn.fazhi;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The records behind one figure of one region and period (docs/cases.md): a
 * count's records, or a rate's numerator or denominator, each with the reason
 * it is counted; or a follow-up list (督办清单). A list has exactly as many
 * records as its figure counts ({@link #count}).
 *
 * <pre>{@code
 * try (Dataset ds = Dataset.fromDir(Path.of("data/examples/baiyun-2019"));
 *      CaseList late = ds.caseList("reconsideration.overdue", CasePart.COUNT, "440111", 2019)) {
 *   late.size();                       // 17, the report's 超期办结
 *   late.get(0).caseId();              // "云府行复〔2019〕28号"
 *   late.get(0).date("closed_date");   // Optional[2019-04-04]
 *   late.toCsv();                      // as `fazhi cases --format csv`
 * }
 * }</pre>
 *
 * <p>A case list carries case ids and the records' own columns: personal
 * data, for the bureau's own follow-up, not for publication.
 *
 * <p>The records are read when the list is made; the native list stays for
 * {@link #toJson} and {@link #toCsv} until {@link #close} (a Cleaner frees
 * it, as a safety net only, when the list becomes unreachable). A list does
 * not refer to its dataset, is immutable and may be read from many threads.
 */
public final class CaseList implements AutoCloseable, Iterable<Case> {
  private final NativeHandle handle;
  private final List<Case> cases;
  private final String metric;
  private final String part;
  private final Optional<String> followUp;
  private final String region;
  private final Optional<String> by;
  private final Optional<String> key;
  private final Optional<String> rowLabel;

  CaseList(Pointer peer) {
    this.handle = new NativeHandle(this, peer, Capi::fz_case_list_free, "CaseList");
    Pointer h = handle.acquire();
    try {
      LongByReference n = new LongByReference();
      Capi.check(Capi.fz_case_list_count(h, n));
      List<Case> made = new ArrayList<>(Math.toIntExact(n.getValue()));
      Structs.Case c = new Structs.Case();
      for (long i = 0; i < n.getValue(); ++i) {
        Capi.check(Capi.fz_case_list_get(h, i, c.written()));
        c.read();
        made.add(Case.of(c));
      }
      this.cases = Collections.unmodifiableList(made);
      // The list's own names (metric, part, follow-up) are in its JSON's
      // head, read up to the cases only.
      Map<String, String> head = head(json(h));
      this.metric = head.getOrDefault("metric", "");
      this.part = head.getOrDefault("part", "");
      this.region = head.getOrDefault("region", "");
      this.followUp = Optional.ofNullable(head.get("follow_up"));
      // A breakdown row's list: "key" is null (so absent here) for the row 未填.
      this.by = Optional.ofNullable(head.get("by"));
      this.key = Optional.ofNullable(head.get("key"));
      this.rowLabel = Optional.ofNullable(head.get("label"));
    } catch (RuntimeException e) {
      handle.release();
      handle.close();
      throw e;
    }
    handle.release();
  }

  /** The string members of the JSON object before "cases". */
  private static Map<String, String> head(String json) {
    Map<String, String> out = new HashMap<>();
    try (JsonReader r = new JsonReader(new StringReader(json))) {
      r.beginObject();
      while (r.hasNext()) {
        String name = r.nextName();
        if (name.equals("cases")) break;
        if (r.peek() == JsonToken.STRING) {
          out.put(name, r.nextString());
        } else {
          r.skipValue();
        }
      }
    } catch (IOException e) {
      throw new InternalException("the case list's JSON cannot be read: " + e.getMessage());
    }
    return out;
  }

  private static String json(Pointer h) {
    return Text.take((out, len) -> Capi.fz_case_list_to_json(h, out, len));
  }

  /** The metric whose figure the list names: "reconsideration.overdue". */
  public String metric() {
    return metric;
  }

  /** The part of the figure: "count", "numerator" or "denominator". */
  public String part() {
    return part;
  }

  /** The follow-up list's name ("late_defences") when it is one. */
  public Optional<String> followUp() {
    return followUp;
  }

  /** A breakdown row's list: the dimension ("category"); empty for a figure's whole list. */
  public Optional<String> by() {
    return by;
  }

  /** A breakdown row's list: the row's key ("公安"); empty for the row 未填 or a whole list. */
  public Optional<String> key() {
    return key;
  }

  /** A breakdown row's list: the row's label ("公安", "未填", "其他", "2019年3月"). */
  public Optional<String> rowLabel() {
    return rowLabel;
  }

  /** The region: "440111". */
  public String region() {
    return region;
  }

  /** The records, in the dataset's order (regions by code, each in file order). */
  public List<Case> cases() {
    return cases;
  }

  /** The number of records. */
  public int size() {
    return cases.size();
  }

  /** Record {@code index} (0 .. size() - 1). */
  public Case get(int index) {
    return cases.get(index);
  }

  /** How many the figure counts: the sum of the records' {@link Case#times}. */
  public long count() {
    long n = 0;
    for (Case c : cases) n += c.times();
    return n;
  }

  @Override
  public Iterator<Case> iterator() {
    return cases.iterator();
  }

  /** The list as {@code fazhi cases --format json} writes it (docs/cases.md). */
  public String toJson() {
    Pointer h = handle.acquire();
    try {
      return json(h);
    } finally {
      handle.release();
    }
  }

  /** The list as {@code fazhi cases --format csv} writes it. */
  public String toCsv() {
    Pointer h = handle.acquire();
    try {
      return Text.take((out, len) -> Capi.fz_case_list_to_csv(h, out, len));
    } finally {
      handle.release();
    }
  }

  /** Frees the native list; the records read stay usable. Later calls do nothing. */
  @Override
  public void close() {
    handle.close();
  }

  @Override
  public String toString() {
    return "CaseList[" + followUp.orElse(metric) + " " + part + ", " + cases.size() + " cases]";
  }
}
