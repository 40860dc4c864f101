package cn.fazhi;

import com.google.gson.JsonParser;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Validated records of every kind (DATA.md): loaded from a folder, a file or a
 * buffer of CSV, or appended record by record; then reports are computed.
 *
 * <pre>{@code
 * try (Dataset ds = Dataset.fromDir(Path.of("data/examples/baiyun-2019"));
 *      Report r = ds.report("440111", 2019)) {
 *   System.out.println(r.text("litigation.win_rate"));   // 94.02%
 * }
 * }</pre>
 *
 * <p>A bad row is rejected with its file, line, column and reason
 * ({@link #rejects}) and loading goes on, unless the dataset is strict.
 *
 * <p>Thread safety (the C ABI's rules): loading and adding are not
 * thread-safe; once loading is over the dataset may be read ({@link #report},
 * {@link #allReports}, {@link #rejects}, ...) from many threads at once.
 * Close it when done; reports already computed stay valid.
 */
public final class Dataset implements AutoCloseable {
  /** Text encodings of CSV input (FZ_ENCODING_*). */
  public enum Encoding {
    /** UTF-8 when valid, else GB18030 (the default). */
    DETECT,
    UTF_8,
    GB18030
  }

  /** How a dataset loads (fz_dataset_options). */
  public static final class Options {
    private boolean strict;
    private Encoding encoding = Encoding.DETECT;
    private int threads;
    private boolean keepIds = true;

    /** true: a load fails at its first bad row and keeps nothing; false (default): bad rows are rejected. */
    public Options strict(boolean strict) {
      this.strict = strict;
      return this;
    }

    /** The encoding of CSV input; default DETECT. */
    public Options encoding(Encoding encoding) {
      this.encoding = Objects.requireNonNull(encoding, "encoding");
      return this;
    }

    /** Loading threads; 0 (default) = the hardware's. */
    public Options threads(int threads) {
      this.threads = threads;
      return this;
    }

    /**
     * false: loads do not keep each record's id, which saves about half a
     * large load's memory and 40% of its time; the figures are the same, but
     * case lists and department tables then name no case (case id ""). Default
     * true. Records added one by one keep theirs.
     */
    public Options keepIds(boolean keepIds) {
      this.keepIds = keepIds;
      return this;
    }
  }

  private final NativeHandle handle;

  /** An empty dataset with the default options. */
  public Dataset() {
    this(new Options());
  }

  /** An empty dataset. */
  public Dataset(Options options) {
    Structs.DatasetOptions o = new Structs.DatasetOptions();
    o.strict = options.strict ? 1 : 0;
    o.encoding = options.encoding.ordinal();
    o.threads = options.threads;
    o.drop_ids = options.keepIds ? 0 : 1;
    PointerByReference out = new PointerByReference();
    Capi.check(Capi.fz_dataset_create(out, o.written()));
    this.handle = new NativeHandle(this, out.getValue(), Capi::fz_dataset_free, "Dataset");
  }

  // ---- Loading ----

  /** A dataset holding every {@code <kind>.csv} of a folder. */
  public static Dataset fromDir(Path dir) {
    return loaded(new Options(), ds -> ds.loadDir(dir));
  }

  /** A dataset holding every {@code <kind>.csv} of a folder, loaded with options. */
  public static Dataset fromDir(Path dir, Options options) {
    return loaded(options, ds -> ds.loadDir(dir));
  }

  /** A dataset holding one CSV file of one kind. */
  public static Dataset fromCsv(RecordKind kind, Path file) {
    return loaded(new Options(), ds -> ds.loadCsv(kind, file));
  }

  /** A dataset holding CSV text of one kind, as bytes (UTF-8 or GB18030). */
  public static Dataset fromBuffer(RecordKind kind, byte[] csv) {
    return loaded(new Options(), ds -> ds.loadBuffer(kind, csv));
  }

  private static Dataset loaded(Options options, java.util.function.Consumer<Dataset> load) {
    Dataset ds = new Dataset(options);
    try {
      load.accept(ds);
      return ds;
    } catch (RuntimeException | Error e) {
      ds.close();
      throw e;
    }
  }

  /**
   * Loads every {@code <kind>.csv} of a folder and returns what this load did.
   * A missing folder ({@link NotFoundException}) or a file lacking a required
   * column ({@link InvalidArgumentException}) fails the whole load, which then
   * keeps nothing.
   */
  public LoadSummary loadDir(Path dir) {
    byte[] d = Text.arg(dir.toString(), "dir");
    return load((h, s) -> Capi.fz_dataset_load_dir(h, d, s));
  }

  /** Loads one CSV file of one kind, named as it likes. */
  public LoadSummary loadCsv(RecordKind kind, Path file) {
    byte[] f = Text.arg(file.toString(), "path");
    int k = kind.code();
    return load((h, s) -> Capi.fz_dataset_load_csv(h, k, f, s));
  }

  /** Loads CSV text held in memory (UTF-8 or GB18030, as a file); rejections name it "&lt;buffer:KIND&gt;". */
  public LoadSummary loadBuffer(RecordKind kind, byte[] csv) {
    int k = kind.code();
    Structs.SizeT n = new Structs.SizeT(csv.length);
    return load((h, s) -> Capi.fz_dataset_load_csv_buffer(h, k, csv, n, s));
  }

  /** Loads CSV text held in a String (sent as UTF-8). */
  public LoadSummary loadBuffer(RecordKind kind, String csv) {
    return loadBuffer(kind, Text.utf8(csv, "csv"));
  }

  /** A C call that fills a load summary: (fz_dataset*, fz_load_summary*) -> fz_status. */
  private interface SummaryCall {
    int call(Pointer ds, Pointer summary);
  }

  private LoadSummary load(SummaryCall call) {
    Structs.LoadSummary s = new Structs.LoadSummary();
    Pointer summary = s.written();
    Pointer h = handle.acquire();
    try {
      Capi.check(call.call(h, summary));
    } finally {
      handle.release();
    }
    return LoadSummary.of(s);
  }

  /**
   * Ends loading and frees the index that finds duplicate ids across loads
   * (about a third of what a large dataset holds). A later load or add is a
   * {@link FailedPreconditionException}; the data reads as before.
   */
  public void seal() {
    Pointer h = handle.acquire();
    try {
      Capi.check(Capi.fz_dataset_seal(h));
    } finally {
      handle.release();
    }
  }

  /** The totals of every load so far. */
  public LoadSummary summary() {
    return load((h, s) -> Capi.fz_dataset_summary(h, s));
  }

  /** Every rejected row of every load, in load order, each with its {@link RejectCode}. */
  public List<Rejection> rejects() {
    List<Rejection> list = new ArrayList<>();
    Pointer h = handle.acquire();
    try {
      LongByReference n = new LongByReference();
      Capi.check(Capi.fz_dataset_rejection_count(h, n));
      Structs.Rejection r = new Structs.Rejection();
      for (long i = 0; i < n.getValue(); ++i) {
        Capi.check(Capi.fz_dataset_rejection_get(h, i, r.written()));
        r.read();
        list.add(new Rejection(Text.borrowed(r.file), r.line, Text.borrowed(r.column),
            Text.borrowed(r.reason), Text.borrowed(r.raw), RejectCode.of(r.code)));
      }
    } finally {
      handle.release();
    }
    return List.copyOf(list);
  }

  /**
   * Every region the dataset can report on: each region a record names, with
   * its city and province; districts, then cities, then provinces, each by code.
   */
  public List<Region> regions() {
    List<Region> list = new ArrayList<>();
    Pointer h = handle.acquire();
    try {
      PointerByReference out = new PointerByReference();
      Capi.check(Capi.fz_dataset_regions(out, h));
      Pointer regions = out.getValue();
      try {
        IntByReference n = new IntByReference();
        Capi.check(Capi.fz_region_list_count(regions, n));
        Structs.RegionInfo r = new Structs.RegionInfo();
        for (int i = 0; i < n.getValue(); ++i) {
          Capi.check(Capi.fz_region_list_get(regions, i, r.written()));
          r.read();
          String name = Text.borrowed(r.name);
          String parent = Text.borrowed(r.parent);
          list.add(new Region(Text.borrowed(r.code), name.isEmpty() ? Optional.empty() : Optional.of(name),
              Region.Level.values()[r.level], parent.isEmpty() ? Optional.empty() : Optional.of(parent)));
        }
      } finally {
        Capi.fz_region_list_free(regions);
      }
    } finally {
      handle.release();
    }
    return List.copyOf(list);
  }

  /** The rejections as the library's JSON: an array of {"file", "line", "column", "code", "reason", "raw"}. */
  public String rejectsJson() {
    Pointer h = handle.acquire();
    try {
      return Text.take((out, len) -> Capi.fz_dataset_rejects_json(h, out, len));
    } finally {
      handle.release();
    }
  }

  /** The loads' notices: things worth a look that rejected nothing (an ignored file, a file read as GB18030). */
  public List<String> notices() {
    String json;
    Pointer h = handle.acquire();
    try {
      json = Text.take((out, len) -> Capi.fz_dataset_notices_json(h, out, len));
    } finally {
      handle.release();
    }
    return Text.strings(JsonParser.parseString(json).getAsJsonArray());
  }

  // ---- Records, one at a time ----

  /**
   * Appends one record. An invalid record is an {@link InvalidArgumentException}
   * naming the field, and is not kept; a repeated id is rejected as in a load.
   */
  public void add(DataRecord record) {
    Objects.requireNonNull(record, "record");
    Pointer h = handle.acquire();
    try {
      Capi.check(record.addTo(h));
    } finally {
      handle.release();
    }
  }

  // ---- Reports ----

  /** The report of a region ("440111"; a city or province is rolled up) for a calendar year. */
  public Report report(String region, int year) {
    return report(region, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), new ReportOptions());
  }

  /** The report of a region for the closed period [from, to]. */
  public Report report(String region, LocalDate from, LocalDate to) {
    return report(region, from, to, new ReportOptions());
  }

  /**
   * The report of a region for the closed period [from, to], computed with
   * options. A region without records is a {@link NotFoundException}.
   */
  public Report report(String region, LocalDate from, LocalDate to, ReportOptions options) {
    byte[] r = Text.arg(Objects.requireNonNull(region, "region"), "region");
    byte[] a = Text.arg(Objects.requireNonNull(from, "from"), "from");
    byte[] b = Text.arg(Objects.requireNonNull(to, "to"), "to");
    PointerByReference out = new PointerByReference();
    Pointer h = handle.acquire();
    try (ReportOptions.Native o = options.toNative()) {
      Capi.check(Capi.fz_report_compute(out, h, r, a, b, o.pointer()));
    } finally {
      handle.release();
    }
    return new Report(out.getValue());
  }

  /**
   * {@code metric} of {@code region} in a calendar year split by the dimension
   * {@code by} ("respondent_level", "act_type", "month", "region", ...:
   * docs/breakdowns.md), against the year before. Region "000000" is the
   * whole dataset (全国). Close the breakdown when done.
   */
  public Breakdown breakdown(String metric, String by, String region, int year) {
    return breakdown(metric, by, region, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
        new ReportOptions());
  }

  /**
   * {@code metric} of {@code region} in the closed period [from, to] split by
   * {@code by}, computed with options (a profile, a calendar). A metric that
   * cannot be split or a dimension not of its family is an
   * {@link InvalidArgumentException}; a region without records a
   * {@link NotFoundException}.
   */
  public Breakdown breakdown(String metric, String by, String region, LocalDate from, LocalDate to,
      ReportOptions options) {
    byte[] m = Text.arg(Objects.requireNonNull(metric, "metric"), "metric");
    byte[] d = Text.arg(Objects.requireNonNull(by, "by"), "by");
    byte[] r = Text.arg(Objects.requireNonNull(region, "region"), "region");
    byte[] a = Text.arg(Objects.requireNonNull(from, "from"), "from");
    byte[] b = Text.arg(Objects.requireNonNull(to, "to"), "to");
    PointerByReference out = new PointerByReference();
    Pointer h = handle.acquire();
    try (ReportOptions.Native o = options.toNative()) {
      Capi.check(Capi.fz_breakdown_compute(out, h, r, a, b, m, d, o.pointer()));
    } finally {
      handle.release();
    }
    return new Breakdown(out.getValue());
  }

  /**
   * {@code metric} of {@code region} for each month ({@code by} "month") or
   * quarter ("quarter") of a calendar year, each against the same month a year
   * earlier. Close the series when done.
   */
  public Series series(String metric, String region, int year, String by) {
    return series(metric, region, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), by, new ReportOptions());
  }

  /**
   * {@code metric} of {@code region} for each month or quarter that [from, to]
   * covers (a part month cut to the period), computed with options. The metrics
   * are those of {@link #breakdown}; another {@code by} is an
   * {@link InvalidArgumentException}, a region without records a
   * {@link NotFoundException}.
   */
  public Series series(String metric, String region, LocalDate from, LocalDate to, String by,
      ReportOptions options) {
    byte[] m = Text.arg(Objects.requireNonNull(metric, "metric"), "metric");
    byte[] r = Text.arg(Objects.requireNonNull(region, "region"), "region");
    byte[] a = Text.arg(Objects.requireNonNull(from, "from"), "from");
    byte[] b = Text.arg(Objects.requireNonNull(to, "to"), "to");
    byte[] d = Text.arg(Objects.requireNonNull(by, "by"), "by");
    PointerByReference out = new PointerByReference();
    Pointer h = handle.acquire();
    try (ReportOptions.Native o = options.toNative()) {
      Capi.check(Capi.fz_series_compute(out, h, r, a, b, m, d, o.pointer()));
    } finally {
      handle.release();
    }
    return new Series(out.getValue());
  }

  /**
   * {@code metric} of {@code region} in a calendar year split by two
   * dimensions of its family other than month and quarter: {@code rowsBy}
   * ("respondent_level") by {@code columnsBy} ("act_type"). Close it when done.
   */
  public CrossTable crossTable(String metric, String rowsBy, String columnsBy, String region, int year) {
    return crossTable(metric, rowsBy, columnsBy, region, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
        new ReportOptions());
  }

  /** {@code metric} of {@code region} in [from, to] split by two dimensions, computed with options. */
  public CrossTable crossTable(String metric, String rowsBy, String columnsBy, String region, LocalDate from,
      LocalDate to, ReportOptions options) {
    byte[] m = Text.arg(Objects.requireNonNull(metric, "metric"), "metric");
    byte[] rb = Text.arg(Objects.requireNonNull(rowsBy, "rowsBy"), "rowsBy");
    byte[] cb = Text.arg(Objects.requireNonNull(columnsBy, "columnsBy"), "columnsBy");
    byte[] r = Text.arg(Objects.requireNonNull(region, "region"), "region");
    byte[] a = Text.arg(Objects.requireNonNull(from, "from"), "from");
    byte[] b = Text.arg(Objects.requireNonNull(to, "to"), "to");
    PointerByReference out = new PointerByReference();
    Pointer h = handle.acquire();
    try (ReportOptions.Native o = options.toNative()) {
      Capi.check(Capi.fz_cross_table_compute(out, h, r, a, b, m, rb, cb, o.pointer()));
    } finally {
      handle.release();
    }
    return new CrossTable(out.getValue());
  }

  // ---- Case lists, follow-up lists, departments (docs/cases.md, docs/departments.md) ----

  /**
   * The records behind {@code metric}'s figure for {@code region} (a district,
   * city or province) in a calendar year: a count's records
   * ({@link CasePart#COUNT}) or a rate's numerator or denominator. Close the
   * list when done. Personal data: for the bureau's follow-up, not for
   * publication.
   */
  public CaseList caseList(String metric, CasePart part, String region, int year) {
    return caseList(metric, part, region, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
        new ReportOptions());
  }

  /**
   * The records behind {@code metric}'s figure for {@code region} in the
   * closed period [from, to], computed with options. A metric without case
   * lists or a part it has not (a rate's COUNT) is an
   * {@link InvalidArgumentException}; a region without records a
   * {@link NotFoundException}.
   */
  public CaseList caseList(String metric, CasePart part, String region, LocalDate from, LocalDate to,
      ReportOptions options) {
    byte[] m = Text.arg(Objects.requireNonNull(metric, "metric"), "metric");
    int p = Objects.requireNonNull(part, "part").code();
    byte[] r = Text.arg(Objects.requireNonNull(region, "region"), "region");
    byte[] a = Text.arg(Objects.requireNonNull(from, "from"), "from");
    byte[] b = Text.arg(Objects.requireNonNull(to, "to"), "to");
    PointerByReference out = new PointerByReference();
    Pointer h = handle.acquire();
    try (ReportOptions.Native o = options.toNative()) {
      Capi.check(Capi.fz_case_list_compute(out, h, r, a, b, m, p, o.pointer()));
    } finally {
      handle.release();
    }
    return new CaseList(out.getValue());
  }

  /**
   * The records of one row of {@code metric}'s breakdown by {@code by}
   * ({@link #breakdown}) for {@code region} in a calendar year: {@code key}
   * as the row's {@link BreakdownRow#key} ("county_dept", an agency,
   * "440111", "2019-03"), null for the empty value's row (未填). The list has
   * as many records as the row counts. Close it when done.
   */
  public CaseList caseList(String metric, CasePart part, String by, String key, String region, int year) {
    return caseList(metric, part, by, key, 0, region, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
        new ReportOptions());
  }

  /**
   * The records of one breakdown row for the closed period [from, to],
   * computed with options; {@code key} "*other" is the row 其他 of the rows
   * after the first {@code top} (0: as the options' profile folds its table).
   * A dimension not of the metric's family, or a key that is no row, is an
   * {@link InvalidArgumentException}; a known value without records gives an
   * empty list.
   */
  public CaseList caseList(String metric, CasePart part, String by, String key, int top, String region,
      LocalDate from, LocalDate to, ReportOptions options) {
    byte[] m = Text.arg(Objects.requireNonNull(metric, "metric"), "metric");
    int p = Objects.requireNonNull(part, "part").code();
    byte[] d = Text.arg(Objects.requireNonNull(by, "by"), "by");
    byte[] k = key == null ? null : Text.arg(key, "key");
    byte[] r = Text.arg(Objects.requireNonNull(region, "region"), "region");
    byte[] a = Text.arg(Objects.requireNonNull(from, "from"), "from");
    byte[] b = Text.arg(Objects.requireNonNull(to, "to"), "to");
    PointerByReference out = new PointerByReference();
    Pointer h = handle.acquire();
    try (ReportOptions.Native o = options.toNative()) {
      Capi.check(Capi.fz_case_list_compute_row(out, h, r, a, b, m, p, d, k, top, o.pointer()));
    } finally {
      handle.release();
    }
    return new CaseList(out.getValue());
  }

  /**
   * A follow-up list (督办清单) by name ("late_defences"; {@link FollowUp#all}
   * lists them) for {@code region} in a calendar year. Close it when done.
   */
  public CaseList followUp(String name, String region, int year) {
    return followUp(name, region, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), new ReportOptions());
  }

  /** A follow-up list by name for the closed period [from, to]; an unknown name is an {@link InvalidArgumentException}. */
  public CaseList followUp(String name, String region, LocalDate from, LocalDate to, ReportOptions options) {
    byte[] n = Text.arg(Objects.requireNonNull(name, "name"), "name");
    byte[] r = Text.arg(Objects.requireNonNull(region, "region"), "region");
    byte[] a = Text.arg(Objects.requireNonNull(from, "from"), "from");
    byte[] b = Text.arg(Objects.requireNonNull(to, "to"), "to");
    PointerByReference out = new PointerByReference();
    Pointer h = handle.acquire();
    try (ReportOptions.Native o = options.toNative()) {
      Capi.check(Capi.fz_case_list_follow_up(out, h, r, a, b, n, o.pointer()));
    } finally {
      handle.release();
    }
    return new CaseList(out.getValue());
  }

  /**
   * The department table of {@code region} in a calendar year, with the
   * assessment (考核) of the options' profile if it has one, as
   * {@code fazhi departments --format json} writes it (docs/departments.md).
   */
  public String departmentsJson(String region, int year, ReportOptions options) {
    return departmentsJson(region, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), options);
  }

  /** The department table of {@code region} for the closed period [from, to], as JSON text. */
  public String departmentsJson(String region, LocalDate from, LocalDate to, ReportOptions options) {
    byte[] r = Text.arg(Objects.requireNonNull(region, "region"), "region");
    byte[] a = Text.arg(Objects.requireNonNull(from, "from"), "from");
    byte[] b = Text.arg(Objects.requireNonNull(to, "to"), "to");
    Pointer h = handle.acquire();
    try (ReportOptions.Native o = options.toNative()) {
      Pointer p = o.pointer();
      return Text.take((out, len) -> Capi.fz_departments_json(h, r, a, b, p, out, len));
    } finally {
      handle.release();
    }
  }

  /** {@link #departmentsJson} read into a typed {@link DepartmentTable}. */
  public DepartmentTable departments(String region, int year, ReportOptions options) {
    return DepartmentTable.parse(departmentsJson(region, year, options));
  }

  /** {@link #departmentsJson} for [from, to], read into a typed {@link DepartmentTable}. */
  public DepartmentTable departments(String region, LocalDate from, LocalDate to, ReportOptions options) {
    return DepartmentTable.parse(departmentsJson(region, from, to, options));
  }

  /**
   * Every region's report (districts, then cities, then provinces, each by
   * code) for a calendar year, computed in one pass. Close the list when done.
   */
  public ReportList allReports(int year) {
    return allReports(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), new ReportOptions());
  }

  /** Every region's report for the closed period [from, to], computed with options in one pass. */
  public ReportList allReports(LocalDate from, LocalDate to, ReportOptions options) {
    byte[] a = Text.arg(Objects.requireNonNull(from, "from"), "from");
    byte[] b = Text.arg(Objects.requireNonNull(to, "to"), "to");
    PointerByReference out = new PointerByReference();
    Pointer h = handle.acquire();
    try (ReportOptions.Native o = options.toNative()) {
      Capi.check(Capi.fz_report_compute_all(out, h, a, b, o.pointer()));
    } finally {
      handle.release();
    }
    return new ReportList(out.getValue());
  }

  /** Every region's report (districts, then cities, then provinces) for a year, as one JSON array. */
  public String allReportsJson(int year) {
    return allReportsJson(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), new ReportOptions());
  }

  /** Every region's report for the closed period [from, to], computed in one pass, as one JSON array. */
  public String allReportsJson(LocalDate from, LocalDate to, ReportOptions options) {
    return new String(allReportsJsonUtf8(from, to, options), StandardCharsets.UTF_8);
  }

  /**
   * {@link #allReportsJson} as the library's UTF-8 bytes, to write to a file
   * or a response as they are: tens of MB for every region of a country,
   * which a String would decode to twice the size.
   */
  public byte[] allReportsJsonUtf8(LocalDate from, LocalDate to, ReportOptions options) {
    byte[] a = Text.arg(Objects.requireNonNull(from, "from"), "from");
    byte[] b = Text.arg(Objects.requireNonNull(to, "to"), "to");
    Pointer h = handle.acquire();
    try (ReportOptions.Native o = options.toNative()) {
      Pointer p = o.pointer();
      return Text.takeBytes((out, len) -> Capi.fz_report_all_json(h, a, b, p, out, len));
    } finally {
      handle.release();
    }
  }

  /** A C call on the dataset's handle. */
  interface HandleCall {
    void call(Pointer ds);
  }

  /** Makes a call on the dataset's handle, held for the call's length (for the other classes of the binding). */
  void call(HandleCall call) {
    Pointer h = handle.acquire();
    try {
      call.call(h);
    } finally {
      handle.release();
    }
  }

  /** The portable tally (docs/tally.md) of the districts inside {@code region} for a year: {@link Tally#compute}. */
  public Tally tally(String region, int year) {
    return Tally.compute(this, region, year);
  }

  /** Releases the dataset; later calls do nothing. Reports computed from it stay valid. */
  @Override
  public void close() {
    handle.close();
  }

  @Override
  public String toString() {
    if (handle.isClosed()) return "Dataset(closed)";
    LoadSummary s = summary();
    return "Dataset(" + s.rowsAccepted() + " rows accepted, " + s.rowsRejected() + " rejected)";
  }
}
