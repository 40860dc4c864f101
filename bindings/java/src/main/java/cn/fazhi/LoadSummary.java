package cn.fazhi;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What one load did, or (from {@link Dataset#summary}) every load so far:
 * rowsRead = rowsAccepted + rowsRejected, in total and for each kind. Records
 * added one by one ({@link Dataset#add}) count in the rows and kinds like a
 * file's rows, and apart in rowsAdded (of which rowsAddedRejected were
 * rejected); they are not files. filesRefused counts the files refused whole
 * (among files; no rows read).
 */
public record LoadSummary(int files, long rowsRead, long rowsAccepted, long rowsRejected,
    long notices, Map<RecordKind, KindCounts> kinds, int filesRefused, long rowsAdded,
    long rowsAddedRejected) {

  /** Rows of one record kind. */
  public record KindCounts(long rowsRead, long rowsAccepted, long rowsRejected) {}

  /** The counts of one kind (zeros when it had no rows). */
  public KindCounts kind(RecordKind kind) {
    return kinds.getOrDefault(kind, new KindCounts(0, 0, 0));
  }

  static LoadSummary of(Structs.LoadSummary s) {
    s.read();
    Map<RecordKind, KindCounts> kinds = new EnumMap<>(RecordKind.class);
    for (RecordKind k : RecordKind.values()) {
      Structs.KindCounts c = s.kinds[k.code()];
      kinds.put(k, new KindCounts(c.rows_read, c.rows_accepted, c.rows_rejected));
    }
    return new LoadSummary(s.files, s.rows_read, s.rows_accepted, s.rows_rejected, s.notices,
        Collections.unmodifiableMap(kinds), s.files_refused, s.rows_added, s.rows_added_rejected);
  }
}
