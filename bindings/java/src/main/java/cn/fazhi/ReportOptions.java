package cn.fazhi;

import java.nio.file.Path;

/**
 * How a report is computed (fz_report_options): a report profile, given as
 * its JSON text or as a file, and the working-day calendar (default: the
 * national one).
 *
 * <pre>{@code
 * ReportOptions o = new ReportOptions().profile(Path.of("data/examples/baiyun-2019/profile.json"));
 * }</pre>
 */
public final class ReportOptions {
  private String profileJson;
  private Path profilePath;
  private Calendar calendar;

  /** A report profile as JSON text (profile.hpp's keys); not together with {@link #profile}. */
  public ReportOptions profileJson(String json) {
    this.profileJson = json;
    return this;
  }

  /** A report profile file; not together with {@link #profileJson}. */
  public ReportOptions profile(Path path) {
    this.profilePath = path;
    return this;
  }

  /** The calendar to count working days with; it must stay open while reports are computed. */
  public ReportOptions calendar(Calendar calendar) {
    this.calendar = calendar;
    return this;
  }

  /** The C options, while the calendar is held: close with {@link Native#close}. */
  Native toNative() {
    return new Native(this);
  }

  /** The C struct of a call, holding its strings and the calendar for the call's length. */
  static final class Native implements AutoCloseable {
    final Structs.ReportOptions struct = new Structs.ReportOptions();
    private final Calendar calendar;

    private Native(ReportOptions o) {
      struct.profile_json = Text.memory(o.profileJson, "profileJson");
      struct.profile_path = o.profilePath == null ? null : Text.memory(o.profilePath.toString(), "profile");
      calendar = o.calendar;
      struct.calendar = calendar == null ? null : calendar.acquire();
    }

    com.sun.jna.Pointer pointer() {
      return struct.written();
    }

    @Override
    public void close() {
      if (calendar != null) calendar.release();
    }
  }
}
