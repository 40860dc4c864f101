package cn.fazhi;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One region's annual report (REPORT.md): every metric's exact value, the
 * previous period's value and the year-on-year change, as a report profile
 * presents them.
 *
 * <pre>{@code
 * try (Report r = ds.report("440111", 2019)) {
 *   r.metric("litigation.win_rate").exact();   // Optional[110/117]
 *   r.text("litigation.win_rate");             // "94.02%"
 *   r.value("legal_aid.recovered_amount");     // Optional[15128000.00] (BigDecimal yuan)
 * }
 * }</pre>
 *
 * <p>A report is a copy: it does not refer to the dataset, calendar or options
 * it was computed from, which may be closed first. It is immutable and may be
 * read from many threads at once; close it (or leave it to a try-with-resources
 * block) when done.
 */
public final class Report implements AutoCloseable {
  private static final int SIZE = Structs.Value.SIZE;
  private static final int KIND = Structs.Value.offsetOf("kind");
  private static final int INTEGER = Structs.Value.offsetOf("integer");
  private static final int NUM = Structs.Value.offsetOf("num");
  private static final int DEN = Structs.Value.offsetOf("den");
  private static final int TEXT = Structs.Value.offsetOf("text");
  private static final int DECIMAL = Structs.Value.offsetOf("decimal");
  private static final int HAS_PREVIOUS = Structs.Value.offsetOf("has_previous");
  private static final int PREVIOUS_KIND = Structs.Value.offsetOf("previous_kind");
  private static final int PREVIOUS_INTEGER = Structs.Value.offsetOf("previous_integer");
  private static final int PREVIOUS_NUM = Structs.Value.offsetOf("previous_num");
  private static final int PREVIOUS_DEN = Structs.Value.offsetOf("previous_den");
  private static final int PREVIOUS_TEXT = Structs.Value.offsetOf("previous_text");
  private static final int PREVIOUS_DECIMAL = Structs.Value.offsetOf("previous_decimal");
  private static final int HAS_YOY = Structs.Value.offsetOf("has_yoy");
  private static final int METRIC_KIND = Structs.Value.offsetOf("metric_kind");
  private static final int YOY_NUM = Structs.Value.offsetOf("yoy_num");
  private static final int YOY_DEN = Structs.Value.offsetOf("yoy_den");
  private static final int YOY_TEXT = Structs.Value.offsetOf("yoy_text");
  private static final int YOY_DECIMAL = Structs.Value.offsetOf("yoy_decimal");
  private static final int ID = Structs.Value.offsetOf("id");
  private static final int LABEL = Structs.Value.offsetOf("label");
  private static final int UNIT = Structs.Value.offsetOf("unit");
  private static final int BASIS = Structs.Value.offsetOf("basis");
  private static final int REASON = Structs.Value.offsetOf("reason");
  private static final int NUM_TEXT = Structs.Value.offsetOf("num_text");
  private static final int DEN_TEXT = Structs.Value.offsetOf("den_text");
  private static final int PREVIOUS_NUM_TEXT = Structs.Value.offsetOf("previous_num_text");
  private static final int PREVIOUS_DEN_TEXT = Structs.Value.offsetOf("previous_den_text");
  private static final int YOY_NUM_TEXT = Structs.Value.offsetOf("yoy_num_text");
  private static final int YOY_DEN_TEXT = Structs.Value.offsetOf("yoy_den_text");

  private final NativeHandle handle;
  private volatile List<String> ids;

  Report(Pointer peer) {
    this(peer, Capi::fz_report_free);
  }

  /** A report whose handle `free` releases (a list's report: a hold on the list). */
  Report(Pointer peer, java.util.function.Consumer<Pointer> free) {
    this.handle = new NativeHandle(this, peer, free, "Report");
  }

  // ---- One metric ----

  /** Everything about one metric (REPORT.md's ids); an unknown id is a {@link NotFoundException}. */
  public Metric metric(String id) {
    byte[] metricId = Text.arg(java.util.Objects.requireNonNull(id, "id"), "metric id");
    Pointer h = handle.acquire();
    try {
      return get(h, metricId, valueBuffer());
    } finally {
      handle.release();
    }
  }

  /** An fz_value to fill, its struct_size set. */
  private static Memory valueBuffer() {
    Memory v = new Memory(SIZE);
    v.setInt(0, SIZE);
    return v;
  }

  /** fz_report_get into v (reused from call to call), read into a Metric. */
  private static Metric get(Pointer h, byte[] metricId, Memory v) {
    int status = Capi.fz_report_get(h, metricId, v);
    // OUT_OF_RANGE: a term beyond int64, whose exact digits are in the *_text strings.
    boolean fits = status != Status.OUT_OF_RANGE.code();
    if (fits) Capi.check(status);
    return read(v, fits);
  }

  /** The exact value of one metric; empty when undefined. See {@link Metric#value}. */
  public Optional<Number> value(String id) {
    return metric(id).value();
  }

  /** The value as the report presents it ("94.02%", "1512.8 万元"); "" when undefined. */
  public String text(String id) {
    return metric(id).text();
  }

  // ---- Every metric ----

  /** The metric ids, in catalogue order. */
  public List<String> metricIds() {
    List<String> known = ids;
    if (known != null) return known;
    Pointer h = handle.acquire();
    try {
      IntByReference n = new IntByReference();
      Capi.check(Capi.fz_report_metric_count(h, n));
      List<String> list = new ArrayList<>(n.getValue());
      PointerByReference p = new PointerByReference();
      for (int i = 0; i < n.getValue(); i++) {
        Capi.check(Capi.fz_report_metric_id(h, i, p));
        list.add(Text.borrowed(p.getValue()));
      }
      known = Collections.unmodifiableList(list);
    } finally {
      handle.release();
    }
    ids = known; // the report is immutable: ask once
    return known;
  }

  /** True when the report has a metric of this id. */
  public boolean has(String id) {
    return metricIds().contains(id);
  }

  /** Every metric, in catalogue order. */
  public List<Metric> metrics() {
    List<String> all = metricIds();
    List<Metric> list = new ArrayList<>(all.size());
    Memory v = valueBuffer();
    Pointer h = handle.acquire();
    try {
      for (String id : all) list.add(get(h, Text.arg(id, "metric id"), v));
    } finally {
      handle.release();
    }
    return Collections.unmodifiableList(list);
  }

  // ---- The report as a whole ----

  /** The region's code, "440111". */
  public String regionCode() {
    return region(true);
  }

  /** The region's name from regions.csv, "白云区" (the code when it has none). */
  public String regionName() {
    return region(false);
  }

  private String region(boolean code) {
    PointerByReference out = new PointerByReference();
    Pointer h = handle.acquire();
    try {
      Capi.check(code ? Capi.fz_report_region(h, out, null) : Capi.fz_report_region(h, null, out));
      return Text.borrowed(out.getValue());
    } finally {
      handle.release();
    }
  }

  /** The report's period. */
  public DateRange period() {
    return periods()[0];
  }

  /** The period the year-on-year change compares with. */
  public DateRange previousPeriod() {
    return periods()[1];
  }

  private DateRange[] periods() {
    byte[][] b = new byte[4][11];
    Pointer h = handle.acquire();
    try {
      Capi.check(Capi.fz_report_period(h, b[0], b[1], b[2], b[3]));
    } finally {
      handle.release();
    }
    return new DateRange[] {new DateRange(Text.date(b[0]), Text.date(b[1])),
        new DateRange(Text.date(b[2]), Text.date(b[3]))};
  }

  /** REPORT.md's JSON object. */
  public String toJson() {
    Pointer h = handle.acquire();
    try {
      return Text.take((out, len) -> Capi.fz_report_to_json(h, out, len));
    } finally {
      handle.release();
    }
  }

  /** The Chinese narrative, one paragraph a line. */
  public String narrative() {
    Pointer h = handle.acquire();
    try {
      return Text.take((out, len) -> Capi.fz_report_narrative(h, out, len));
    } finally {
      handle.release();
    }
  }

  /** Releases the report; later calls do nothing. Metrics read from it stay valid. */
  @Override
  public void close() {
    handle.close();
  }

  @Override
  public String toString() {
    if (handle.isClosed()) return "Report(closed)";
    DateRange p = period();
    return "Report(" + regionCode() + " " + p.from() + ".." + p.to() + ")";
  }

  // ---- Reading an fz_value ----

  private static Metric read(Memory v, boolean fits) {
    ValueKind kind = ValueKind.of(v.getInt(KIND));
    Optional<Fraction> exact = fraction(v, kind != ValueKind.UNDEFINED, NUM, DEN, NUM_TEXT, DEN_TEXT, fits);
    Optional<Number> value = typed(kind, exact, v.getLong(INTEGER), fits);
    boolean hasPrevious = v.getInt(HAS_PREVIOUS) == 1;
    ValueKind previousKind = ValueKind.of(v.getInt(PREVIOUS_KIND));
    Optional<Number> previous = typed(previousKind,
        fraction(v, hasPrevious, PREVIOUS_NUM, PREVIOUS_DEN, PREVIOUS_NUM_TEXT, PREVIOUS_DEN_TEXT, fits),
        v.getLong(PREVIOUS_INTEGER), fits);
    Optional<Fraction> yoy = fraction(v, v.getInt(HAS_YOY) == 1, YOY_NUM, YOY_DEN, YOY_NUM_TEXT,
        YOY_DEN_TEXT, fits);
    return new Metric(s(v, ID), s(v, LABEL), s(v, UNIT), kind, ValueKind.of(v.getInt(METRIC_KIND)),
        value, exact, s(v, TEXT), s(v, DECIMAL), previous, s(v, PREVIOUS_TEXT), s(v, PREVIOUS_DECIMAL),
        yoy, s(v, YOY_TEXT), s(v, YOY_DECIMAL), s(v, BASIS), s(v, REASON));
  }

  private static String s(Memory v, int offset) {
    return Text.borrowed(v.getPointer(offset));
  }

  /** num/den of a defined value, from the int64 pair or, beyond int64, the decimal strings. */
  private static Optional<Fraction> fraction(Memory v, boolean defined, int num, int den, int numText,
      int denText, boolean fits) {
    if (!defined) return Optional.empty();
    if (fits) {
      long d = v.getLong(den);
      return d == 0 ? Optional.empty() : Optional.of(Fraction.of(v.getLong(num), d));
    }
    BigInteger d = new BigInteger(s(v, denText));
    return d.signum() == 0 ? Optional.empty() : Optional.of(Fraction.of(new BigInteger(s(v, numText)), d));
  }

  /** The value in the Java type of its kind. */
  private static Optional<Number> typed(ValueKind kind, Optional<Fraction> exact, long integer, boolean fits) {
    if (kind == ValueKind.UNDEFINED || exact.isEmpty()) return Optional.empty();
    Fraction f = exact.get();
    switch (kind) {
      case COUNT:
      case RANK:
        return Optional.of(fits ? BigInteger.valueOf(integer) : f.reduced().num());
      case MONEY:
        // Integer fen, with the two decimals of a sum of money.
        return Optional.of(fits ? BigDecimal.valueOf(integer, 2) : f.toBigDecimal(2, java.math.RoundingMode.UNNECESSARY));
      default:
        return Optional.of(f);
    }
  }
}
