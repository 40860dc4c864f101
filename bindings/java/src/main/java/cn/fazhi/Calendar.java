package cn.fazhi;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * China's working-day calendar, after the State Council's holiday notices
 * (make-up working Saturdays and Sundays included), and statutory periods.
 *
 * <pre>{@code
 * Calendar cal = Calendar.national();
 * cal.isWorkday(LocalDate.of(2019, 9, 29));                                // true (a make-up Sunday)
 * cal.workdaysBetween(LocalDate.of(2019, 9, 30), LocalDate.of(2019, 10, 8)); // 1
 * cal.periodEnd(LocalDate.of(2019, 9, 20), 15, PeriodUnit.DAYS);           // 2019-10-08
 * }</pre>
 *
 * <p>{@link #national()} is the built-in table and needs no closing. A calendar
 * made by {@link #create()} can take a newer notice with {@link #loadCsv}; close
 * it when done. A date outside the loaded years is an {@link OutOfRangeException}.
 *
 * <p>Thread safety: a calendar that is no longer being loaded into may be read
 * from many threads at once; {@link #loadCsv} must not run while another thread
 * uses the calendar.
 */
public final class Calendar implements AutoCloseable {
  private static final Calendar NATIONAL = new Calendar(null);

  /** null for the built-in national calendar (C's NULL calendar). */
  private final NativeHandle handle;

  private Calendar(Pointer peer) {
    this.handle = peer == null ? null : new NativeHandle(this, peer, Capi::fz_calendar_free, "Calendar");
  }

  /** The built-in national calendar (2004 to the last year of the compiled-in notices). */
  public static Calendar national() {
    return NATIONAL;
  }

  /** A new calendar holding the national table, to lay newer notices over. */
  public static Calendar create() {
    PointerByReference out = new PointerByReference();
    Capi.check(Capi.fz_calendar_default(out));
    return new Calendar(out.getValue());
  }

  /**
   * Lays a newer notice (the data file's format: date,kind,holiday) over this
   * calendar: each year it has holiday rows for is replaced whole.
   */
  public void loadCsv(Path path) {
    byte[] p = Text.arg(path.toString(), "path");
    if (handle == null) throw new UnsupportedOperationException("the national calendar is read-only: use Calendar.create()");
    Pointer h = handle.acquire();
    try {
      Capi.check(Capi.fz_calendar_load_csv(h, p));
    } finally {
      handle.release();
    }
  }

  /** True for a working day (a make-up weekend day included), false for a rest day. */
  public boolean isWorkday(LocalDate day) {
    byte[] d = Text.arg(Objects.requireNonNull(day, "day"), "day");
    IntByReference out = new IntByReference();
    Pointer h = acquire();
    try {
      Capi.check(Capi.fz_calendar_is_workday(h, d, out));
    } finally {
      release();
    }
    return out.getValue() == 1;
  }

  /** The working days d with a &lt; d &lt;= b. */
  public int workdaysBetween(LocalDate a, LocalDate b) {
    byte[] from = Text.arg(Objects.requireNonNull(a, "a"), "a");
    byte[] to = Text.arg(Objects.requireNonNull(b, "b"), "b");
    IntByReference out = new IntByReference();
    Pointer h = acquire();
    try {
      Capi.check(Capi.fz_calendar_workdays_between(h, from, to, out));
    } finally {
      release();
    }
    return out.getValue();
  }

  /** The n-th working day after day (n &gt;= 0). */
  public LocalDate addWorkdays(LocalDate day, int n) {
    byte[] d = Text.arg(Objects.requireNonNull(day, "day"), "day");
    byte[] out = new byte[11];
    Pointer h = acquire();
    try {
      Capi.check(Capi.fz_calendar_add_workdays(h, d, n, out));
    } finally {
      release();
    }
    return Text.date(out);
  }

  /**
   * The last day of a statutory period of n units after event (the event's
   * day is not counted): DAYS roll a rest day at the end over to the next
   * working day, MONTHS keep the day of the month, clamped to the month's end.
   */
  public LocalDate periodEnd(LocalDate event, int n, PeriodUnit unit) {
    byte[] d = Text.arg(Objects.requireNonNull(event, "event"), "event");
    int u = Objects.requireNonNull(unit, "unit").ordinal();
    byte[] out = new byte[11];
    Pointer h = acquire();
    try {
      Capi.check(Capi.fz_calendar_period_end(h, d, n, u, out));
    } finally {
      release();
    }
    return Text.date(out);
  }

  /** The handle for one call (NULL for the national calendar); end with {@link #release}. */
  Pointer acquire() {
    return handle == null ? null : handle.acquire();
  }

  void release() {
    if (handle != null) handle.release();
  }

  /** Releases the calendar; later calls do nothing. The national calendar is never closed. */
  @Override
  public void close() {
    if (handle != null) handle.close();
  }
}
