package cn.fazhi;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One metric of a region split by two dimensions (docs/breakdowns.md): cell
 * (i, j) is row i's value by column j's. The margins are each dimension's own
 * breakdown rows, in its order, so a count's cells add up to them.
 *
 * <pre>{@code
 * try (CrossTable t = ds.crossTable("reconsideration.received", "respondent_level", "act_type",
 *     "441881", 2024)) {
 *   t.row(0).label();            // "县级政府部门"
 *   t.cell(0, 0).count();        // Optional[66]
 *   t.total().count();           // Optional[151]
 * }
 * }</pre>
 *
 * <p>Read when made; the native table stays for {@link #toJson} until
 * {@link #close} (a Cleaner frees it, as a safety net only). Immutable and
 * safe to read from many threads at once.
 */
public final class CrossTable implements AutoCloseable {
  private final NativeHandle handle;
  private final String metric;
  private final String rowsBy;
  private final String columnsBy;
  private final List<BreakdownRow> rows;
  private final List<BreakdownRow> columns;
  private final List<List<CrossCell>> cells;
  private final CrossCell total;

  CrossTable(Pointer peer) {
    this.handle = new NativeHandle(this, peer, Capi::fz_cross_table_free, "CrossTable");
    Pointer h = handle.acquire();
    try {
      PointerByReference m = new PointerByReference();
      PointerByReference r = new PointerByReference();
      PointerByReference c = new PointerByReference();
      Capi.check(Capi.fz_cross_table_info(h, m, r, c));
      this.metric = Text.borrowed(m.getValue());
      this.rowsBy = Text.borrowed(r.getValue());
      this.columnsBy = Text.borrowed(c.getValue());
      IntByReference nr = new IntByReference();
      IntByReference nc = new IntByReference();
      Capi.check(Capi.fz_cross_table_size(h, nr, nc));
      Structs.BreakdownRow row = new Structs.BreakdownRow();
      List<BreakdownRow> rs = new ArrayList<>();
      for (int i = 0; i < nr.getValue(); ++i) {
        Capi.check(Capi.fz_cross_table_row(h, i, row.written()));
        row.read();
        rs.add(BreakdownRow.of(row));
      }
      List<BreakdownRow> cs = new ArrayList<>();
      for (int j = 0; j < nc.getValue(); ++j) {
        Capi.check(Capi.fz_cross_table_column(h, j, row.written()));
        row.read();
        cs.add(BreakdownRow.of(row));
      }
      Structs.CrossCell cell = new Structs.CrossCell();
      List<List<CrossCell>> all = new ArrayList<>();
      for (int i = 0; i < nr.getValue(); ++i) {
        List<CrossCell> line = new ArrayList<>();
        for (int j = 0; j < nc.getValue(); ++j) {
          Capi.check(Capi.fz_cross_table_cell(h, i, j, cell.written()));
          cell.read();
          line.add(CrossCell.of(cell));
        }
        all.add(Collections.unmodifiableList(line));
      }
      Capi.check(Capi.fz_cross_table_total(h, cell.written()));
      cell.read();
      this.rows = Collections.unmodifiableList(rs);
      this.columns = Collections.unmodifiableList(cs);
      this.cells = Collections.unmodifiableList(all);
      this.total = CrossCell.of(cell);
    } catch (RuntimeException e) {
      handle.release();
      handle.close();
      throw e;
    }
    handle.release();
  }

  /** The metric's id. */
  public String metric() {
    return metric;
  }

  /** The rows' dimension: "respondent_level". */
  public String rowsBy() {
    return rowsBy;
  }

  /** The columns' dimension: "act_type". */
  public String columnsBy() {
    return columnsBy;
  }

  /** The row margins: the rows' dimension's breakdown rows, in its order. */
  public List<BreakdownRow> rows() {
    return rows;
  }

  /** The column margins: the columns' dimension's breakdown rows, in its order. */
  public List<BreakdownRow> columns() {
    return columns;
  }

  /** Row margin {@code i}. */
  public BreakdownRow row(int i) {
    return rows.get(i);
  }

  /** Column margin {@code j}. */
  public BreakdownRow column(int j) {
    return columns.get(j);
  }

  /** The value of row {@code i} by column {@code j}. */
  public CrossCell cell(int i, int j) {
    return cells.get(i).get(j);
  }

  /** Every cell, row by row. */
  public List<List<CrossCell>> cells() {
    return cells;
  }

  /** The metric's figure for the region and period. */
  public CrossCell total() {
    return total;
  }

  /** The cross-table's JSON: {"metric", "rows_by", "columns_by", ..., "rows", "columns", "cells"}. */
  public String toJson() {
    Pointer h = handle.acquire();
    try {
      return Text.take((out, len) -> Capi.fz_cross_table_to_json(h, out, len));
    } finally {
      handle.release();
    }
  }

  /** Frees the native table; the values read stay usable. Later calls do nothing. */
  @Override
  public void close() {
    handle.close();
  }

  @Override
  public String toString() {
    return "CrossTable[" + metric + " by " + rowsBy + " x " + columnsBy + ", " + rows.size() + " x "
        + columns.size() + "]";
  }
}
