package cn.fazhi;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * One metric of a region for each month (or quarter) of a period, every one
 * present, each with the same month a year earlier (docs/breakdowns.md). A
 * flow count's points add up to the period's figure.
 *
 * <pre>{@code
 * try (Series s = ds.series("reconsideration.received", "440111", 2019, "month")) {
 *   s.get(0).period();   // "2019-01"
 *   s.get(0).count();    // Optional[47]
 *   s.get(0).text();     // "47 件"
 * }
 * }</pre>
 *
 * <p>The points are read when the series is made; the native series stays for
 * {@link #toJson} until {@link #close} (a Cleaner frees it, as a safety net
 * only). A series is immutable and may be read from many threads at once.
 */
public final class Series implements AutoCloseable, Iterable<SeriesPoint> {
  private final NativeHandle handle;
  private final String metric;
  private final String by;
  private final String label;
  private final String unit;
  private final List<SeriesPoint> points;

  Series(Pointer peer) {
    this.handle = new NativeHandle(this, peer, Capi::fz_series_free, "Series");
    Pointer h = handle.acquire();
    try {
      PointerByReference m = new PointerByReference();
      PointerByReference b = new PointerByReference();
      PointerByReference l = new PointerByReference();
      PointerByReference u = new PointerByReference();
      Capi.check(Capi.fz_series_info(h, m, b, l, u));
      this.metric = Text.borrowed(m.getValue());
      this.by = Text.borrowed(b.getValue());
      this.label = Text.borrowed(l.getValue());
      this.unit = Text.borrowed(u.getValue());
      IntByReference n = new IntByReference();
      Capi.check(Capi.fz_series_point_count(h, n));
      List<SeriesPoint> made = new ArrayList<>(n.getValue());
      Structs.SeriesPoint p = new Structs.SeriesPoint();
      for (int i = 0; i < n.getValue(); ++i) {
        Capi.check(Capi.fz_series_point_get(h, i, p.written()));
        p.read();
        made.add(SeriesPoint.of(p));
      }
      this.points = Collections.unmodifiableList(made);
    } catch (RuntimeException e) {
      handle.release();
      handle.close();
      throw e;
    }
    handle.release();
  }

  /** The metric's id: "reconsideration.received". */
  public String metric() {
    return metric;
  }

  /** "month" or "quarter". */
  public String by() {
    return by;
  }

  /** The metric's label: "收到行政复议申请". */
  public String label() {
    return label;
  }

  /** The metric's unit: "件", "%". */
  public String unit() {
    return unit;
  }

  /** The points, in time order. */
  public List<SeriesPoint> points() {
    return points;
  }

  /** The number of points. */
  public int size() {
    return points.size();
  }

  /** Point {@code index} (0 .. size() - 1). */
  public SeriesPoint get(int index) {
    return points.get(index);
  }

  @Override
  public Iterator<SeriesPoint> iterator() {
    return points.iterator();
  }

  /** {"metric", "by", "region", "points": [{"period", "value", "previous"}]}, as {@code fazhi series --format json}. */
  public String toJson() {
    Pointer h = handle.acquire();
    try {
      return Text.take((out, len) -> Capi.fz_series_to_json(h, out, len));
    } finally {
      handle.release();
    }
  }

  /** Frees the native series; the points read stay usable. Later calls do nothing. */
  @Override
  public void close() {
    handle.close();
  }

  @Override
  public String toString() {
    return "Series[" + metric + " by " + by + ", " + points.size() + " points]";
  }
}
