package cn.fazhi;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * One metric of a region split by a dimension of its records
 * (docs/breakdowns.md): rows with exact values, largest first, and the total.
 *
 * <pre>{@code
 * try (Dataset ds = Dataset.fromDir(Path.of("data/examples/county-2024"));
 *      Breakdown b = ds.breakdown("reconsideration.received", "respondent_level", "441881", 2024)) {
 *   BreakdownRow top = b.get(0);
 *   top.label();   // "县级政府部门"
 *   top.count();   // Optional[140]
 *   top.share();   // Optional[140/151]
 *   top.text();    // "140 件（92.72%）"
 * }
 * }</pre>
 *
 * <p>The rows are read when the breakdown is made; the native handle stays
 * for {@link #fold} and {@link #toJson} until {@link #close} (a Cleaner frees
 * it, as a safety net only, when the breakdown becomes unreachable). A
 * breakdown is immutable and may be read from many threads at once.
 */
public final class Breakdown implements AutoCloseable, Iterable<BreakdownRow> {
  private final NativeHandle handle;
  private final String metric;
  private final String by;
  private final String label;
  private final boolean additive;
  private final List<BreakdownRow> rows;
  private final BreakdownRow total;

  Breakdown(Pointer peer) {
    this.handle = new NativeHandle(this, peer, Capi::fz_breakdown_free, "Breakdown");
    Pointer h = handle.acquire();
    try {
      PointerByReference m = new PointerByReference();
      PointerByReference d = new PointerByReference();
      PointerByReference l = new PointerByReference();
      IntByReference add = new IntByReference();
      Capi.check(Capi.fz_breakdown_info(h, m, d, l, add));
      this.metric = Text.borrowed(m.getValue());
      this.by = Text.borrowed(d.getValue());
      this.label = Text.borrowed(l.getValue());
      this.additive = add.getValue() != 0;
      IntByReference n = new IntByReference();
      Capi.check(Capi.fz_breakdown_row_count(h, n));
      List<BreakdownRow> made = new ArrayList<>(n.getValue());
      Structs.BreakdownRow row = new Structs.BreakdownRow();
      for (int i = 0; i < n.getValue(); ++i) {
        Capi.check(Capi.fz_breakdown_row_get(h, i, row.written()));
        row.read();
        made.add(BreakdownRow.of(row));
      }
      this.rows = Collections.unmodifiableList(made);
      Capi.check(Capi.fz_breakdown_total(h, row.written()));
      row.read();
      this.total = BreakdownRow.of(row);
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

  /** The dimension: "respondent_level". */
  public String by() {
    return by;
  }

  /** The dimension's label: "按被申请人类型". */
  public String label() {
    return label;
  }

  /** True when the rows add up to the total (a count; not a rate, not a stock by month). */
  public boolean additive() {
    return additive;
  }

  /** The rows, largest first. */
  public List<BreakdownRow> rows() {
    return rows;
  }

  /** The number of rows. */
  public int size() {
    return rows.size();
  }

  /** Row {@code index} (0 .. size() - 1). */
  public BreakdownRow get(int index) {
    return rows.get(index);
  }

  /** The row of a key; {@code Optional.empty()} as the key is the records without a value (未填). */
  public Optional<BreakdownRow> row(Optional<String> key) {
    return rows.stream().filter(r -> r.key().equals(key)).findFirst();
  }

  /** The total (合计): the region's figure, the same as its report's. */
  public BreakdownRow total() {
    return total;
  }

  @Override
  public Iterator<BreakdownRow> iterator() {
    return rows.iterator();
  }

  /**
   * A new breakdown with the rows after the first {@code keep} folded into one
   * row 其他 (key "*other"): counts summed, rates pooled. Close it as well.
   */
  public Breakdown fold(int keep) {
    PointerByReference out = new PointerByReference();
    Pointer h = handle.acquire();
    try {
      Capi.check(Capi.fz_breakdown_fold(h, keep, out));
    } finally {
      handle.release();
    }
    return new Breakdown(out.getValue());
  }

  /** The breakdown object of docs/breakdowns.md as JSON text. */
  public String toJson() {
    Pointer h = handle.acquire();
    try {
      return Text.take((out, len) -> Capi.fz_breakdown_to_json(h, out, len));
    } finally {
      handle.release();
    }
  }

  /** Frees the native breakdown; the rows read stay usable. Later calls do nothing. */
  @Override
  public void close() {
    handle.close();
  }

  @Override
  public String toString() {
    return "Breakdown[" + metric + " by " + by + ", " + rows.size() + " rows]";
  }
}
