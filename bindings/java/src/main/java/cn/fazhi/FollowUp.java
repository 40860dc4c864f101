package cn.fazhi;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;

/**
 * A follow-up list (督办清单) the library knows, for
 * {@link Dataset#followUp}: docs/cases.md lists them.
 *
 * @param name "late_defences"
 * @param label "逾期答辩或未答辩的行政应诉案件"
 * @param description what it holds, in English
 */
public record FollowUp(String name, String label, String description) {
  /** Every follow-up list, in the library's order. */
  public static List<FollowUp> all() {
    String json = Text.take(Capi::fz_case_list_follow_up_names);
    List<FollowUp> list = new ArrayList<>();
    for (JsonElement e : JsonParser.parseString(json).getAsJsonArray()) {
      JsonObject o = e.getAsJsonObject();
      list.add(new FollowUp(o.get("name").getAsString(), o.get("label").getAsString(),
          o.get("description").getAsString()));
    }
    return List.copyOf(list);
  }

  /** The names alone: "reconsideration_overdue", "late_defences", ... */
  public static List<String> names() {
    return all().stream().map(FollowUp::name).toList();
  }
}
