package cn.fazhi;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A portable tally (docs/tally.md): the counts a report is made from, by
 * district, for a period and the periods compared with; no case id, name or
 * free text. Tallies of disjoint districts merge exactly, and the report from
 * a merged tally is the report from the pooled records, byte for byte in
 * JSON: a district sends its tally up (逐级上报), never its records.
 *
 * <pre>{@code
 * try (Tally t = Tally.compute(ds, "440111", 2019)) {
 *   Files.write(Path.of("440111.tally"), t.toBytes());   // CBOR with its SHA-256
 * }
 * try (Tally a = Tally.parse(bytesA); Tally b = Tally.parse(bytesB);
 *      Tally city = Tally.merge(List.of(a, b));
 *      Report r = city.report("440100")) { ... }
 * }</pre>
 *
 * <p>Bytes that were truncated, altered (the digest no longer matches) or
 * written by another format version are an {@link InvalidArgumentException}
 * saying which; so is a merge of the same district twice or of different
 * periods. A tally is immutable and may be read from many threads; close it
 * when done (a Cleaner frees it, as a safety net only, when it becomes
 * unreachable).
 */
public final class Tally implements AutoCloseable {
  private final NativeHandle handle;
  private final String region;
  private final String digest;

  private Tally(Pointer peer) {
    this.handle = new NativeHandle(this, peer, Capi::fz_tally_free, "Tally");
    PointerByReference code = new PointerByReference();
    PointerByReference hex = new PointerByReference();
    Pointer h = handle.acquire();
    try {
      Capi.check(Capi.fz_tally_region(h, code));
      Capi.check(Capi.fz_tally_digest(h, hex));
      this.region = Text.borrowed(code.getValue());
      this.digest = Text.borrowed(hex.getValue());
    } catch (RuntimeException e) {
      handle.release();
      handle.close();
      throw e;
    }
    handle.release();
  }

  /** The tally of every district of the dataset for a calendar year. */
  public static Tally compute(Dataset ds, int year) {
    return compute(ds, null, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), new ReportOptions());
  }

  /** The tally of the districts inside {@code region} ("440111", "440100") for a calendar year. */
  public static Tally compute(Dataset ds, String region, int year) {
    return compute(ds, region, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), new ReportOptions());
  }

  /**
   * The tally of the districts inside {@code region} (null: every district)
   * for the closed period [from, to]. The options' profile (its counting rules
   * are part of the tally) and calendar are as for a report.
   */
  public static Tally compute(Dataset ds, String region, LocalDate from, LocalDate to, ReportOptions options) {
    Objects.requireNonNull(ds, "ds");
    byte[] r = Text.arg(region, "region");
    byte[] a = Text.arg(Objects.requireNonNull(from, "from"), "from");
    byte[] b = Text.arg(Objects.requireNonNull(to, "to"), "to");
    PointerByReference out = new PointerByReference();
    ds.call(h -> {
      try (ReportOptions.Native o = options.toNative()) {
        Capi.check(Capi.fz_tally_compute(out, h, r, a, b, o.pointer()));
      }
    });
    return new Tally(out.getValue());
  }

  /**
   * A tally from the bytes {@link #toBytes} (CBOR) or {@link #toJson} (as
   * UTF-8) wrote. Truncated, altered or other-version bytes are an
   * {@link InvalidArgumentException} saying which.
   */
  public static Tally parse(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    PointerByReference out = new PointerByReference();
    Capi.check(Capi.fz_tally_parse(out, bytes, new Structs.SizeT(bytes.length)));
    return new Tally(out.getValue());
  }

  /**
   * The tally of tallies of disjoint districts. The same district twice,
   * different periods, profiles, calendars or versions are an
   * {@link InvalidArgumentException}. Close the result as well.
   */
  public static Tally merge(List<Tally> parts) {
    Objects.requireNonNull(parts, "parts");
    List<Tally> held = new ArrayList<>(parts.size());
    Memory array = new Memory((long) Native.POINTER_SIZE * Math.max(1, parts.size()));
    PointerByReference out = new PointerByReference();
    try {
      for (int i = 0; i < parts.size(); i++) {
        Tally t = Objects.requireNonNull(parts.get(i), "parts[" + i + "]");
        array.setPointer((long) Native.POINTER_SIZE * i, t.handle.acquire());
        held.add(t);
      }
      Capi.check(Capi.fz_tally_merge(out, array, new Structs.SizeT(parts.size())));
    } finally {
      for (Tally t : held) t.handle.release();
    }
    return new Tally(out.getValue());
  }

  /** The tally as CBOR, its SHA-256 digest included: the file {@code fazhi tally} writes. */
  public byte[] toBytes() {
    Pointer h = handle.acquire();
    try {
      return Text.takeBytes((out, len) -> Capi.fz_tally_serialize(h, out, len));
    } finally {
      handle.release();
    }
  }

  /** The same content as JSON text, for people to read (docs/tally.md lists every field). */
  public String toJson() {
    Pointer h = handle.acquire();
    try {
      return Text.take((out, len) -> Capi.fz_tally_json(h, out, len));
    } finally {
      handle.release();
    }
  }

  /** The region covered: "440100", or "000000" for 全国. */
  public String region() {
    return region;
  }

  /** The SHA-256 of the canonical content: 64 hex digits. */
  public String digest() {
    return digest;
  }

  /** The report of a region of the tally ("440111", a city, a province, "000000" for 全国). */
  public Report report(String region) {
    return report(region, new ReportOptions());
  }

  /**
   * The report of a region of the tally, presented by the options' profile,
   * whose counting rules must be the tally's (else a
   * {@link FailedPreconditionException}); its calendar is not used.
   */
  public Report report(String region, ReportOptions options) {
    byte[] r = Text.arg(Objects.requireNonNull(region, "region"), "region");
    PointerByReference out = new PointerByReference();
    Pointer h = handle.acquire();
    try (ReportOptions.Native o = options.toNative()) {
      Capi.check(Capi.fz_tally_report(out, h, r, o.pointer()));
    } finally {
      handle.release();
    }
    return new Report(out.getValue());
  }

  /** Every region's report as one JSON array, as {@link Dataset#allReportsJson}. */
  public String reportAllJson() {
    return reportAllJson(new ReportOptions());
  }

  /** Every region's report, presented by the options' profile, as one JSON array. */
  public String reportAllJson(ReportOptions options) {
    Pointer h = handle.acquire();
    try (ReportOptions.Native o = options.toNative()) {
      Pointer p = o.pointer();
      return new String(Text.takeBytes((out, len) -> Capi.fz_tally_report_all_json(h, p, out, len)),
          StandardCharsets.UTF_8);
    } finally {
      handle.release();
    }
  }

  /** Frees the native tally; later calls but {@link #region} and {@link #digest} fail. */
  @Override
  public void close() {
    handle.close();
  }

  /** Tallies are equal when their contents are: the same digest. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Tally && ((Tally) o).digest.equals(digest);
  }

  @Override
  public int hashCode() {
    return digest.hashCode();
  }

  @Override
  public String toString() {
    return "Tally[" + region + ", sha256 " + digest.substring(0, Math.min(12, digest.length())) + "]";
  }
}
