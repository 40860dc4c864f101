package cn.fazhi;

import com.sun.jna.IntegerType;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * The structs of fazhi.h, field for field in the header's order; JNA lays them
 * out as the C compiler does. Every struct that may grow starts with
 * {@code struct_size}, set to this binding's size when it is made.
 */
final class Structs {
  private Structs() {}

  /** A struct whose first field is {@code uint32_t struct_size}. */
  abstract static class Sized extends Structure {
    Sized() {
      setAutoSynch(false);
    }

    /** Sets struct_size (and every field) and writes the struct to native memory. */
    final Pointer written() {
      writeField("struct_size", size());
      write();
      return getPointer();
    }
  }

  @Structure.FieldOrder({"struct_size", "strict", "encoding", "threads", "drop_ids"})
  public static final class DatasetOptions extends Sized {
    public int struct_size;
    public int strict;
    public int encoding;
    public int threads;
    public int drop_ids;
  }

  @Structure.FieldOrder({"rows_read", "rows_accepted", "rows_rejected"})
  public static class KindCounts extends Structure {
    public long rows_read;
    public long rows_accepted;
    public long rows_rejected;
  }

  @Structure.FieldOrder({"struct_size", "files", "rows_read", "rows_accepted", "rows_rejected",
      "notices", "kinds", "files_refused", "rows_added", "rows_added_rejected"})
  public static final class LoadSummary extends Sized {
    public int struct_size;
    public int files;
    public long rows_read;
    public long rows_accepted;
    public long rows_rejected;
    public long notices;
    public KindCounts[] kinds = (KindCounts[]) new KindCounts().toArray(RecordKind.COUNT);
    public int files_refused;
    public long rows_added;
    public long rows_added_rejected;
  }

  @Structure.FieldOrder({"struct_size", "profile_json", "profile_path", "calendar"})
  public static final class ReportOptions extends Sized {
    public int struct_size;
    public Pointer profile_json;
    public Pointer profile_path;
    public Pointer calendar;
  }

  /**
   * fz_value. Only its layout is used: a report reads a value by offset
   * ({@link #offsetOf}) rather than field by field through reflection, as its
   * metrics are read in bulk.
   */
  @Structure.FieldOrder({"struct_size", "kind", "integer", "num", "den", "text", "decimal",
      "has_previous", "previous_kind", "previous_integer", "previous_num", "previous_den",
      "previous_text", "previous_decimal", "has_yoy", "metric_kind", "yoy_num", "yoy_den",
      "yoy_text", "yoy_decimal", "id", "label", "unit", "basis", "reason", "num_text", "den_text",
      "previous_num_text", "previous_den_text", "yoy_num_text", "yoy_den_text"})
  public static final class Value extends Structure {
    public int struct_size;
    public int kind;
    public long integer;
    public long num;
    public long den;
    public Pointer text;
    public Pointer decimal;
    public int has_previous;
    public int previous_kind;
    public long previous_integer;
    public long previous_num;
    public long previous_den;
    public Pointer previous_text;
    public Pointer previous_decimal;
    public int has_yoy;
    public int metric_kind;
    public long yoy_num;
    public long yoy_den;
    public Pointer yoy_text;
    public Pointer yoy_decimal;
    public Pointer id;
    public Pointer label;
    public Pointer unit;
    public Pointer basis;
    public Pointer reason;
    public Pointer num_text;
    public Pointer den_text;
    public Pointer previous_num_text;
    public Pointer previous_den_text;
    public Pointer yoy_num_text;
    public Pointer yoy_den_text;

    private static final Value LAYOUT = new Value();
    static final int SIZE = LAYOUT.size();

    static int offsetOf(String field) {
      return LAYOUT.fieldOffset(field);
    }
  }

  @Structure.FieldOrder({"struct_size", "level", "code", "name", "parent"})
  public static final class RegionInfo extends Sized {
    public int struct_size;
    public int level;
    public Pointer code;
    public Pointer name;
    public Pointer parent;
  }

  @Structure.FieldOrder({"struct_size", "kind", "key", "label", "value", "num", "den",
      "previous_kind", "rank", "previous", "previous_num", "previous_den", "share_num",
      "share_den", "change_num", "change_den", "change_pp_num", "change_pp_den", "text",
      "change_text"})
  public static final class BreakdownRow extends Sized {
    public int struct_size;
    public int kind;
    public Pointer key;
    public Pointer label;
    public long value;
    public long num;
    public long den;
    public int previous_kind;
    public int rank;
    public long previous;
    public long previous_num;
    public long previous_den;
    public long share_num;
    public long share_den;
    public long change_num;
    public long change_den;
    public long change_pp_num;
    public long change_pp_den;
    public Pointer text;
    public Pointer change_text;
  }

  @Structure.FieldOrder({"struct_size", "kind", "period", "from", "to", "value", "num", "den",
      "previous_kind", "previous", "previous_num", "previous_den", "text", "previous_text"})
  public static final class SeriesPoint extends Sized {
    public int struct_size;
    public int kind;
    public Pointer period;
    public Pointer from;
    public Pointer to;
    public long value;
    public long num;
    public long den;
    public int previous_kind;
    public long previous;
    public long previous_num;
    public long previous_den;
    public Pointer text;
    public Pointer previous_text;
  }

  @Structure.FieldOrder({"struct_size", "kind", "value", "num", "den", "text"})
  public static final class CrossCell extends Sized {
    public int struct_size;
    public int kind;
    public long value;
    public long num;
    public long den;
    public Pointer text;
  }

  @Structure.FieldOrder({"struct_size", "kind", "case_id", "region", "reason", "times", "columns_json"})
  public static final class Case extends Sized {
    public int struct_size;
    public int kind;
    public Pointer case_id;
    public Pointer region;
    public Pointer reason;
    public long times;
    public Pointer columns_json;
  }

  @Structure.FieldOrder({"struct_size", "code", "line", "file", "column", "reason", "raw"})
  public static final class Rejection extends Sized {
    public int struct_size;
    public int code;
    public long line;
    public Pointer file;
    public Pointer column;
    public Pointer reason;
    public Pointer raw;
  }

  @Structure.FieldOrder({"struct_size", "seed", "case_id", "answered", "answered_count",
      "conflicts", "conflicts_count", "at_cap", "at_cap_count"})
  public static final class DrawInput extends Sized {
    public int struct_size;
    public Pointer seed;
    public Pointer case_id;
    public Pointer answered;
    public SizeT answered_count;
    public Pointer conflicts;
    public SizeT conflicts_count;
    public Pointer at_cap;
    public SizeT at_cap_count;
  }

  @Structure.FieldOrder({"struct_size", "seed", "batch_id", "targets", "targets_count", "k",
      "inspectors", "inspectors_count", "m", "conflict_inspectors", "conflict_targets",
      "conflicts_count"})
  public static final class SampleInput extends Sized {
    public int struct_size;
    public Pointer seed;
    public Pointer batch_id;
    public Pointer targets;
    public SizeT targets_count;
    public long k;
    public Pointer inspectors;
    public SizeT inspectors_count;
    public long m;
    public Pointer conflict_inspectors;
    public Pointer conflict_targets;
    public SizeT conflicts_count;
  }

  // ---- Records (fz_<kind>_record) ----

  @Structure.FieldOrder({"struct_size", "case_id", "region", "received_date", "accepted_date",
      "closed_date", "disposition", "respondent", "category", "simple_procedure", "extended",
      "litigated", "compensation", "suspended_days", "respondent_level", "act_type",
      "applicant_type", "applicants"})
  public static final class Reconsideration extends Sized {
    public int struct_size;
    public Pointer case_id;
    public Pointer region;
    public Pointer received_date;
    public Pointer accepted_date;
    public Pointer closed_date;
    public Pointer disposition;
    public Pointer respondent;
    public Pointer category;
    public int simple_procedure = Tri.UNKNOWN;
    public int extended = Tri.UNKNOWN;
    public int litigated = Tri.UNKNOWN;
    public int compensation = Tri.UNKNOWN;
    public int suspended_days = -1;
    public Pointer respondent_level;
    public Pointer act_type;
    public Pointer applicant_type;
    public int applicants = -1;
  }

  @Structure.FieldOrder({"struct_size", "case_id", "region", "filed_date", "instance",
      "defendant", "category", "defence_date", "closed_date", "outcome", "head_appeared",
      "lawyer_only", "hearing_held", "defendant_level", "act_type", "head_principal"})
  public static final class Litigation extends Sized {
    public int struct_size;
    public Pointer case_id;
    public Pointer region;
    public Pointer filed_date;
    public Pointer instance;
    public Pointer defendant;
    public Pointer category;
    public Pointer defence_date;
    public Pointer closed_date;
    public Pointer outcome;
    public int head_appeared = Tri.UNKNOWN;
    public int lawyer_only = Tri.UNKNOWN;
    public int hearing_held = Tri.UNKNOWN;
    public Pointer defendant_level;
    public Pointer act_type;
    public int head_principal = Tri.UNKNOWN;
  }

  @Structure.FieldOrder({"struct_size", "case_id", "region", "applied_date", "decided_date",
      "decision", "accepted_date", "case_type", "assigned_date", "lawyer_id", "firm_id",
      "assignment_method", "closed_date", "recovered_amount", "commitment", "service_type",
      "recipient_group"})
  public static final class LegalAid extends Sized {
    public int struct_size;
    public Pointer case_id;
    public Pointer region;
    public Pointer applied_date;
    public Pointer decided_date;
    public Pointer decision;
    public Pointer accepted_date;
    public Pointer case_type;
    public Pointer assigned_date;
    public Pointer lawyer_id;
    public Pointer firm_id;
    public Pointer assignment_method;
    public Pointer closed_date;
    public Pointer recovered_amount;
    public int commitment = Tri.UNKNOWN;
    public Pointer service_type;
    public Pointer recipient_group;
  }

  @Structure.FieldOrder({"struct_size", "case_id", "region", "received_date", "org_id",
      "closed_date", "outcome", "category", "major_group", "org_type"})
  public static final class Mediation extends Sized {
    public int struct_size;
    public Pointer case_id;
    public Pointer region;
    public Pointer received_date;
    public Pointer org_id;
    public Pointer closed_date;
    public Pointer outcome;
    public Pointer category;
    public int major_group = Tri.UNKNOWN;
    public Pointer org_type;
  }

  @Structure.FieldOrder({"struct_size", "kind", "entity_id", "region", "start_date",
      "end_date"})
  public static final class Registry extends Sized {
    public int struct_size;
    public Pointer kind;
    public Pointer entity_id;
    public Pointer region;
    public Pointer start_date;
    public Pointer end_date;
  }

  @Structure.FieldOrder({"struct_size", "region", "date", "indicator", "value", "note"})
  public static final class Activity extends Sized {
    public int struct_size;
    public Pointer region;
    public Pointer date;
    public Pointer indicator;
    public long value;
    public Pointer note;
  }

  @Structure.FieldOrder({"struct_size", "region", "name"})
  public static final class Regions extends Sized {
    public int struct_size;
    public Pointer region;
    public Pointer name;
  }

  /** size_t. */
  public static final class SizeT extends IntegerType {
    private static final long serialVersionUID = 1L;

    public SizeT() {
      this(0);
    }

    SizeT(long value) {
      super(Native.SIZE_T_SIZE, value, true);
    }
  }

  /** FZ_TRI_*: a boolean that may be unknown (which is not false). */
  static final class Tri {
    static final int UNKNOWN = -1;

    static int of(Boolean value) {
      return value == null ? UNKNOWN : value ? 1 : 0;
    }

    private Tri() {}
  }
}
