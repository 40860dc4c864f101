package cn.fazhi;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The audit record of a draw (docs/lottery.md, "Audit records"): the JSON to
 * publish, exactly as the library wrote it, and its fields read.
 */
public final class AuditRecord {
  private final String json;
  private final JsonObject record;

  AuditRecord(String json) {
    this.json = json;
    this.record = JsonParser.parseString(json).getAsJsonObject();
  }

  /** The record as the library wrote it: publish this text. */
  public String json() {
    return json;
  }

  /**
   * Every key in the record's order: strings, BigIntegers, lists and maps.
   * A new map on each call, the caller's to change.
   */
  public Map<String, Object> fields() {
    return Text.fields(json);
  }

  /** "fazhi-lottery-v1" or "fazhi-sample-v1". */
  public String scheme() {
    return record.get("scheme").getAsString();
  }

  public String seed() {
    return record.get("seed").getAsString();
  }

  /** The commitment over the announced inputs. */
  public String announcementSha256() {
    return record.get("announcement_sha256").getAsString();
  }

  /** The lawyer drawn (a lottery record). */
  public String winner() {
    return lottery("winner").getAsString();
  }

  /** The index drawn into the pool, from 0 (a lottery record). */
  public long index() {
    return lottery("index").getAsBigInteger().longValueExact();
  }

  /** The pool the index counts into, canonical (a lottery record). */
  public List<String> pool() {
    return Text.strings(lottery("pool").getAsJsonArray());
  }

  private JsonElement lottery(String key) {
    if (!"fazhi-lottery-v1".equals(scheme())) {
      throw new IllegalStateException("a " + scheme() + " record has no " + key);
    }
    return record.get(key);
  }

  /** One chosen target of a sample and its team, in draw order. */
  public record SampleDraw(String target, List<String> team) {}

  /** The chosen targets and their teams, in draw order (a sample record). */
  public List<SampleDraw> draws() {
    if (!"fazhi-sample-v1".equals(scheme())) {
      throw new IllegalStateException("a " + scheme() + " record has no draws");
    }
    List<SampleDraw> list = new ArrayList<>();
    for (JsonElement d : record.getAsJsonArray("draws")) {
      JsonObject draw = d.getAsJsonObject();
      List<String> team = new ArrayList<>();
      for (JsonElement member : draw.getAsJsonArray("team")) {
        team.add(member.getAsJsonObject().get("inspector").getAsString());
      }
      list.add(new SampleDraw(draw.get("target").getAsString(), List.copyOf(team)));
    }
    return List.copyOf(list);
  }

  @Override
  public String toString() {
    return json;
  }
}
