package cn.fazhi;

/**
 * One rejected row: its file ("<buffer:KIND>" for a buffer, "<add:KIND>" for a
 * record added one by one), line, column ("" for the whole row), reason, raw
 * text, and the kind of problem as a {@link RejectCode}.
 */
public record Rejection(String file, long line, String column, String reason, String raw,
    RejectCode code) {
  /** A rejection whose kind is not known ({@link RejectCode#OTHER}). */
  public Rejection(String file, long line, String column, String reason, String raw) {
    this(file, line, column, reason, raw, RejectCode.OTHER);
  }
}
