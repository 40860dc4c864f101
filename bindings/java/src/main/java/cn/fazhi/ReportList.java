package cn.fazhi;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every region's report for one period ({@link Dataset#allReports}), computed
 * in one pass (fz_report_compute_all): districts, then cities, then
 * provinces, each by code, the order of {@link Dataset#regions}.
 *
 * <pre>{@code
 * try (ReportList all = ds.allReports(2019)) {
 *   all.get("440111").text("litigation.win_rate");   // "94.02%"
 *   for (Report r : all) System.out.println(r.regionCode() + " " + r.regionName());
 * }
 * }</pre>
 *
 * <p>One native list holds the reports. Closing the list closes its reports;
 * a report may also be closed on its own. The native list is freed once the
 * list and every report are closed (or, as a safety net, unreachable), so a
 * report in use on another thread is never freed under it. The list and its
 * reports are immutable and may be read from many threads at once.
 */
public final class ReportList implements AutoCloseable, Iterable<Report> {
  private final NativeHandle handle;
  private final List<Report> reports;
  private final Map<String, Report> byRegion;

  ReportList(Pointer peer) {
    NativeHandle list = new NativeHandle(this, peer, Capi::fz_report_list_free, "ReportList");
    this.handle = list;
    List<Report> made = new ArrayList<>();
    Map<String, Report> index = new LinkedHashMap<>();
    Pointer h = list.acquire();
    try {
      IntByReference n = new IntByReference();
      Capi.check(Capi.fz_report_list_count(h, n));
      PointerByReference report = new PointerByReference();
      for (int i = 0; i < n.getValue(); ++i) {
        Capi.check(Capi.fz_report_list_get(h, i, report));
        // Each report holds the list (its report is borrowed from it) and
        // lets go when closed; the action refers to the handle, never to this.
        list.acquire();
        Report r = new Report(report.getValue(), borrowed -> list.release());
        made.add(r);
        index.put(r.regionCode(), r);
      }
    } catch (RuntimeException e) {
      made.forEach(Report::close);
      list.close();
      throw e;
    } finally {
      list.release();
    }
    this.reports = Collections.unmodifiableList(made);
    this.byRegion = Collections.unmodifiableMap(index);
  }

  /** The number of reports (regions). */
  public int size() {
    return reports.size();
  }

  /** Report `index` (0 .. size() - 1), in the order districts, cities, provinces. */
  public Report get(int index) {
    return reports.get(index);
  }

  /** The report of one region code ("440111"); a code not in the list is a {@link NotFoundException}. */
  public Report get(String region) {
    Report r = byRegion.get(region);
    if (r == null) {
      throw new NotFoundException("ReportList.get: no report for region '" + region + "' (the list has "
          + reports.size() + " regions: " + String.join(", ", regionCodes()) + ")");
    }
    return r;
  }

  /** The region codes, in order. */
  public List<String> regionCodes() {
    return List.copyOf(byRegion.keySet());
  }

  /** The reports, in order (unmodifiable). */
  public List<Report> reports() {
    return reports;
  }

  @Override
  public Iterator<Report> iterator() {
    return reports.iterator();
  }

  /** Closes every report of the list and the list; later calls do nothing. */
  @Override
  public void close() {
    reports.forEach(Report::close);
    handle.close();
  }

  @Override
  public String toString() {
    return handle.isClosed() ? "ReportList(closed)" : "ReportList(" + reports.size() + " regions)";
  }
}
