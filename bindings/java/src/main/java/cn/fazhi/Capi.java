package cn.fazhi;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The C ABI of libfazhi.so.1, bound with JNA's direct mapping (each C function
 * a static native method: the fastest JNA call). Strings cross as UTF-8 bytes
 * that {@link Text} makes and reads; JNA's own string conversion is never used,
 * and the library is opened with UTF-8 as its string encoding besides.
 *
 * <p>Where the library is looked for, in order: the system property
 * {@code fazhi.library} (a file or a folder), the environment variable
 * {@code FAZHI_LIBRARY} (the same), the system loader ({@code libfazhi.so.1}
 * through ld.so's paths and {@code jna.library.path}), and
 * {@code /usr/local/lib} (where {@code cmake --install} puts it).
 */
final class Capi {
  private Capi() {}

  /** The ABI this binding speaks (the SONAME's number) and the oldest version it needs. */
  static final int ABI_VERSION = 1;
  static final int MIN_VERSION_NUMBER = 10000;
  static final String SONAME = "libfazhi.so.1";

  static final NativeLibrary LIBRARY = load();

  static {
    Native.register(Capi.class, LIBRARY);
    int abi = fz_abi_version();
    int number = fz_version_number();
    if (abi != ABI_VERSION || number < MIN_VERSION_NUMBER) {
      throw new UnsatisfiedLinkError(LIBRARY.getFile() + " is fazhi " + Text.borrowed(fz_version_string())
          + " (ABI " + abi + "); this binding needs ABI " + ABI_VERSION + ", version >= "
          + MIN_VERSION_NUMBER / 10000 + "." + MIN_VERSION_NUMBER / 100 % 100 + "."
          + MIN_VERSION_NUMBER % 100);
    }
  }

  private static NativeLibrary load() {
    Map<String, Object> options = Map.of(Library.OPTION_STRING_ENCODING, "UTF-8");
    List<String[]> candidates = new ArrayList<>();
    String property = System.getProperty("fazhi.library");
    if (property != null && !property.isEmpty()) {
      candidates.add(new String[] {"-Dfazhi.library", inFolder(property)});
    }
    String env = System.getenv("FAZHI_LIBRARY");
    if (env != null && !env.isEmpty()) candidates.add(new String[] {"FAZHI_LIBRARY", inFolder(env)});
    candidates.add(new String[] {"the system loader", SONAME});
    candidates.add(new String[] {"the install prefix /usr/local", "/usr/local/lib/" + SONAME});
    List<String> tried = new ArrayList<>();
    for (String[] c : candidates) {
      String where = c[0];
      String path = c[1];
      if (path.contains("/") && !new File(path).exists()) {
        tried.add(where + ": " + path + " (no such file)");
        continue;
      }
      try {
        return NativeLibrary.getInstance(path, options);
      } catch (UnsatisfiedLinkError e) {
        tried.add(where + ": " + path + " (" + e.getMessage() + ")");
      }
    }
    throw new UnsatisfiedLinkError("cannot load " + SONAME + "; tried:\n  " + String.join("\n  ", tried)
        + "\nSet -Dfazhi.library (or FAZHI_LIBRARY) to the library's path, or install fazhi "
        + "(cmake --install build) and run ldconfig.");
  }

  /** The library's absolute path (JNA takes a relative path for a bare name), in a folder or not. */
  private static String inFolder(String path) {
    File f = new File(path).getAbsoluteFile();
    return f.isDirectory() ? new File(f, SONAME).getPath() : f.getPath();
  }

  /** Throws the exception of a failed status, with this thread's message. */
  static void check(int status) {
    if (status != 0) throw lastError(status);
  }

  static FazhiException lastError(int status) {
    return Status.exception(status, Text.borrowed(fz_last_error_message()));
  }

  // ---- Version and errors ----
  static native Pointer fz_version_string();
  static native int fz_version_number();
  static native int fz_abi_version();
  static native Pointer fz_status_string(int code);
  static native int fz_last_error_code();
  static native Pointer fz_last_error_message();
  static native void fz_free(Pointer p);

  // ---- Calendar ----
  static native int fz_calendar_default(PointerByReference out);
  static native int fz_calendar_load_csv(Pointer cal, byte[] path);
  static native void fz_calendar_free(Pointer cal);
  static native int fz_calendar_is_workday(Pointer cal, byte[] date, IntByReference out);
  static native int fz_calendar_workdays_between(Pointer cal, byte[] a, byte[] b, IntByReference out);
  static native int fz_calendar_add_workdays(Pointer cal, byte[] date, int n, byte[] out);
  static native int fz_calendar_period_end(Pointer cal, byte[] event, int n, int unit, byte[] out);

  // ---- Dataset ----
  static native int fz_dataset_create(PointerByReference out, Pointer options);
  static native void fz_dataset_free(Pointer ds);
  static native int fz_dataset_load_dir(Pointer ds, byte[] dir, Pointer summary);
  static native int fz_dataset_load_csv(Pointer ds, int kind, byte[] path, Pointer summary);
  static native int fz_dataset_load_csv_buffer(Pointer ds, int kind, byte[] data, Structs.SizeT len,
      Pointer summary);
  static native int fz_dataset_seal(Pointer ds);
  static native int fz_dataset_summary(Pointer ds, Pointer summary);
  static native int fz_dataset_rejects_json(Pointer ds, PointerByReference json, Pointer len);
  static native int fz_dataset_notices_json(Pointer ds, PointerByReference json, Pointer len);
  static native int fz_dataset_add_reconsideration(Pointer ds, Pointer record);
  static native int fz_dataset_add_litigation(Pointer ds, Pointer record);
  static native int fz_dataset_add_legal_aid(Pointer ds, Pointer record);
  static native int fz_dataset_add_mediation(Pointer ds, Pointer record);
  static native int fz_dataset_add_registry(Pointer ds, Pointer record);
  static native int fz_dataset_add_activity(Pointer ds, Pointer record);
  static native int fz_dataset_add_regions(Pointer ds, Pointer record);

  // ---- Report ----
  static native int fz_report_compute(PointerByReference out, Pointer ds, byte[] region, byte[] from,
      byte[] to, Pointer options);
  static native int fz_report_all_json(Pointer ds, byte[] from, byte[] to, Pointer options,
      PointerByReference json, Pointer len);
  static native void fz_report_free(Pointer report);
  static native int fz_report_metric_count(Pointer report, IntByReference out);
  static native int fz_report_metric_id(Pointer report, int index, PointerByReference out);
  static native int fz_report_region(Pointer report, PointerByReference code, PointerByReference name);
  static native int fz_report_period(Pointer report, byte[] from, byte[] to, byte[] previousFrom,
      byte[] previousTo);
  static native int fz_report_get(Pointer report, byte[] metricId, Pointer value);
  static native int fz_report_to_json(Pointer report, PointerByReference json, Pointer len);
  static native int fz_report_narrative(Pointer report, PointerByReference text, Pointer len);

  // ---- Lists: regions, rejections, every region's report ----
  static native int fz_dataset_regions(PointerByReference out, Pointer ds);
  static native int fz_region_list_count(Pointer list, IntByReference out);
  static native int fz_region_list_get(Pointer list, int index, Pointer info);
  static native void fz_region_list_free(Pointer list);
  static native int fz_dataset_rejection_count(Pointer ds, LongByReference out);
  static native int fz_dataset_rejection_get(Pointer ds, long index, Pointer rejection);
  static native int fz_report_compute_all(PointerByReference out, Pointer ds, byte[] from, byte[] to,
      Pointer options);
  static native int fz_report_list_count(Pointer list, IntByReference out);
  static native int fz_report_list_get(Pointer list, int index, PointerByReference report);
  static native void fz_report_list_free(Pointer list);

  // ---- Breakdowns ----
  static native int fz_breakdown_compute(PointerByReference out, Pointer ds, byte[] region, byte[] from,
      byte[] to, byte[] metric, byte[] by, Pointer options);
  static native void fz_breakdown_free(Pointer breakdown);
  static native int fz_breakdown_fold(Pointer breakdown, int keep, PointerByReference out);
  static native int fz_breakdown_info(Pointer breakdown, PointerByReference metric, PointerByReference by,
      PointerByReference label, IntByReference additive);
  static native int fz_breakdown_row_count(Pointer breakdown, IntByReference out);
  static native int fz_breakdown_row_get(Pointer breakdown, int index, Pointer row);
  static native int fz_breakdown_total(Pointer breakdown, Pointer total);
  static native int fz_breakdown_to_json(Pointer breakdown, PointerByReference json, Pointer len);

  // ---- Series and cross-tables ----
  static native int fz_series_compute(PointerByReference out, Pointer ds, byte[] region, byte[] from,
      byte[] to, byte[] metric, byte[] by, Pointer options);
  static native void fz_series_free(Pointer series);
  static native int fz_series_info(Pointer series, PointerByReference metric, PointerByReference by,
      PointerByReference label, PointerByReference unit);
  static native int fz_series_point_count(Pointer series, IntByReference out);
  static native int fz_series_point_get(Pointer series, int index, Pointer point);
  static native int fz_series_to_json(Pointer series, PointerByReference json, Pointer len);
  static native int fz_cross_table_compute(PointerByReference out, Pointer ds, byte[] region, byte[] from,
      byte[] to, byte[] metric, byte[] rowsBy, byte[] columnsBy, Pointer options);
  static native void fz_cross_table_free(Pointer table);
  static native int fz_cross_table_info(Pointer table, PointerByReference metric, PointerByReference rowsBy,
      PointerByReference columnsBy);
  static native int fz_cross_table_size(Pointer table, IntByReference rows, IntByReference columns);
  static native int fz_cross_table_row(Pointer table, int index, Pointer row);
  static native int fz_cross_table_column(Pointer table, int index, Pointer column);
  static native int fz_cross_table_cell(Pointer table, int row, int column, Pointer cell);
  static native int fz_cross_table_total(Pointer table, Pointer total);
  static native int fz_cross_table_to_json(Pointer table, PointerByReference json, Pointer len);

  // ---- Case lists, follow-up lists and department tables ----
  static native int fz_case_list_compute(PointerByReference out, Pointer ds, byte[] region, byte[] from,
      byte[] to, byte[] metric, int part, Pointer options);
  static native int fz_case_list_compute_row(PointerByReference out, Pointer ds, byte[] region, byte[] from,
      byte[] to, byte[] metric, int part, byte[] by, byte[] key, int top, Pointer options);
  static native int fz_case_list_follow_up(PointerByReference out, Pointer ds, byte[] region, byte[] from,
      byte[] to, byte[] name, Pointer options);
  static native int fz_case_list_follow_up_names(PointerByReference json, Pointer len);
  static native void fz_case_list_free(Pointer list);
  static native int fz_case_list_count(Pointer list, LongByReference out);
  static native int fz_case_list_get(Pointer list, long index, Pointer out);
  static native int fz_case_list_to_json(Pointer list, PointerByReference json, Pointer len);
  static native int fz_case_list_to_csv(Pointer list, PointerByReference csv, Pointer len);
  static native int fz_departments_json(Pointer ds, byte[] region, byte[] from, byte[] to, Pointer options,
      PointerByReference json, Pointer len);

  // ---- Tallies ----
  static native int fz_tally_compute(PointerByReference out, Pointer ds, byte[] region, byte[] from,
      byte[] to, Pointer options);
  static native int fz_tally_parse(PointerByReference out, byte[] bytes, Structs.SizeT len);
  static native int fz_tally_serialize(Pointer tally, PointerByReference bytes, Pointer len);
  static native int fz_tally_json(Pointer tally, PointerByReference json, Pointer len);
  static native int fz_tally_merge(PointerByReference out, Pointer parts, Structs.SizeT count);
  static native int fz_tally_region(Pointer tally, PointerByReference code);
  static native int fz_tally_digest(Pointer tally, PointerByReference hex);
  static native int fz_tally_report(PointerByReference out, Pointer tally, byte[] region, Pointer options);
  static native int fz_tally_report_all_json(Pointer tally, Pointer options, PointerByReference json,
      Pointer len);
  static native void fz_tally_free(Pointer tally);

  // ---- Verifiable draws ----
  static native int fz_lottery_draw(Pointer input, PointerByReference json, Pointer len);
  static native int fz_sample_draw(Pointer input, PointerByReference json, Pointer len);
  static native int fz_lottery_verify(byte[] audit, PointerByReference summary, Pointer len);
  static native int fz_lottery_announce(Pointer input, PointerByReference json, Pointer len);
  static native int fz_sample_announce(Pointer input, PointerByReference json, Pointer len);
  static native int fz_lottery_verify_announced(byte[] audit, byte[] announcement,
      PointerByReference summary, Pointer len);
  static native int fz_lottery_parse_ids(byte[] text, Structs.SizeT len, int form,
      PointerByReference json, Pointer jsonLen);
  static native int fz_lottery_parse_conflicts(byte[] text, Structs.SizeT len, int form,
      PointerByReference json, Pointer jsonLen);
}
