package cn.fazhi;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The audit record of a draw (docs/lottery.md, "Audit records"): the JSON to
 * publish, exactly as the library wrote it, and its fields read.
 */
public final class AuditRecord {
  private final String json;
  private final Map<String, Object> fields;

  AuditRecord(String json) {
    this.json = json;
    this.fields = Json.object(json);
  }

  /** The record as the library wrote it: publish this text. */
  public String json() {
    return json;
  }

  /** Every key in the record's order: strings, BigIntegers, lists and maps. */
  public Map<String, Object> fields() {
    return fields;
  }

  /** "fazhi-lottery-v1" or "fazhi-sample-v1". */
  public String scheme() {
    return (String) fields.get("scheme");
  }

  public String seed() {
    return (String) fields.get("seed");
  }

  /** The commitment over the announced inputs. */
  public String announcementSha256() {
    return (String) fields.get("announcement_sha256");
  }

  /** The lawyer drawn (a lottery record). */
  public String winner() {
    return (String) lottery("winner");
  }

  /** The index drawn into the pool, from 0 (a lottery record). */
  public long index() {
    return ((BigInteger) lottery("index")).longValueExact();
  }

  /** The pool the index counts into, canonical (a lottery record). */
  @SuppressWarnings("unchecked")
  public List<String> pool() {
    return (List<String>) lottery("pool");
  }

  private Object lottery(String key) {
    if (!"fazhi-lottery-v1".equals(scheme())) {
      throw new IllegalStateException("a " + scheme() + " record has no " + key);
    }
    return fields.get(key);
  }

  /** One chosen target of a sample and its team, in draw order. */
  public record SampleDraw(String target, List<String> team) {}

  /** The chosen targets and their teams, in draw order (a sample record). */
  public List<SampleDraw> draws() {
    if (!"fazhi-sample-v1".equals(scheme())) {
      throw new IllegalStateException("a " + scheme() + " record has no draws");
    }
    List<SampleDraw> list = new ArrayList<>();
    for (Object d : (List<?>) fields.get("draws")) {
      Map<?, ?> draw = (Map<?, ?>) d;
      List<String> team = new ArrayList<>();
      for (Object member : (List<?>) draw.get("team")) team.add((String) ((Map<?, ?>) member).get("inspector"));
      list.add(new SampleDraw((String) draw.get("target"), List.copyOf(team)));
    }
    return List.copyOf(list);
  }

  @Override
  public String toString() {
    return json;
  }
}
