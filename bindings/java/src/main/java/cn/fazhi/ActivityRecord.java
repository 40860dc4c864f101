package cn.fazhi;

import com.sun.jna.Pointer;
import java.time.LocalDate;

/** One tally of work (activity.csv): an indicator of REPORT.md ("law_education.events") and its count. */
public final class ActivityRecord extends DataRecord {
  private final Structs.Activity s = new Structs.Activity();

  /** region (required). */
  public ActivityRecord region(String value) {
    s.region = text(value, "region");
    return this;
  }

  /** date (required). */
  public ActivityRecord date(LocalDate value) {
    s.date = date(value, "date");
    return this;
  }

  /** indicator (required). */
  public ActivityRecord indicator(String value) {
    s.indicator = text(value, "indicator");
    return this;
  }

  /** value (required), not negative. */
  public ActivityRecord value(long value) {
    s.value = value;
    return this;
  }

  /** note. */
  public ActivityRecord note(String value) {
    s.note = text(value, "note");
    return this;
  }

  @Override
  int addTo(Pointer ds) {
    return Capi.fz_dataset_add_activity(ds, s.written());
  }
}
