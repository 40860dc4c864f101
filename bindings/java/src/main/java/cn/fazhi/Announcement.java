package cn.fazhi;

import java.util.Map;

/**
 * The announcement of a draw (docs/lottery.md, "The announcement"): every
 * input but the seed, and one SHA-256 commitment over them. Publish it before
 * the seed exists.
 */
public final class Announcement {
  private final String json;
  private final Map<String, Object> fields;

  Announcement(String json) {
    this.json = json;
    this.fields = Json.object(json);
  }

  /** The announcement as the library wrote it: publish this text. */
  public String json() {
    return json;
  }

  /** Every key in the announcement's order. */
  public Map<String, Object> fields() {
    return fields;
  }

  /** The commitment, "announcement_sha256". */
  public String sha256() {
    return (String) fields.get("announcement_sha256");
  }

  @Override
  public String toString() {
    return json;
  }
}
