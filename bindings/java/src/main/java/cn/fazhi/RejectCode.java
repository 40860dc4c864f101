package cn.fazhi;

/**
 * The kind of a rejected row (FZ_REJECT_*), for a program that sorts or counts
 * rejections; {@link Rejection#reason} is the text for people. A code a later
 * library adds reads as {@link #OTHER}.
 */
public enum RejectCode {
  /** None of the below. */
  OTHER,
  /** The CSV row cannot be read: a quote left open, the number of fields, a row too long. */
  MALFORMED,
  /** Not text: invalid UTF-8, a NUL byte, a line in another encoding than its file's. */
  ENCODING,
  /** A required value is empty (or required once another is given). */
  MISSING,
  /** A value that cannot be read: a date, region, number, code or boolean. */
  INVALID_VALUE,
  /** Values that contradict each other: a date before the one it follows. */
  INCONSISTENT,
  /** An id already seen. */
  DUPLICATE;

  /** The FZ_REJECT_* number. */
  public int code() {
    return ordinal();
  }

  static RejectCode of(int code) {
    RejectCode[] all = values();
    return code >= 0 && code < all.length ? all[code] : OTHER;
  }
}
