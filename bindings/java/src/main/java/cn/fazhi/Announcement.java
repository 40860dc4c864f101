package cn.fazhi;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Map;

/**
 * The announcement of a draw (docs/lottery.md, "The announcement"): every
 * input but the seed, and one SHA-256 commitment over them. Publish it before
 * the seed exists.
 */
public final class Announcement {
  private final String json;
  private final JsonObject announcement;

  Announcement(String json) {
    this.json = json;
    this.announcement = JsonParser.parseString(json).getAsJsonObject();
  }

  /** The announcement as the library wrote it: publish this text. */
  public String json() {
    return json;
  }

  /** Every key in the announcement's order; a new map on each call, the caller's to change. */
  public Map<String, Object> fields() {
    return Text.fields(json);
  }

  /** The commitment, "announcement_sha256". */
  public String sha256() {
    return announcement.get("announcement_sha256").getAsString();
  }

  @Override
  public String toString() {
    return json;
  }
}
