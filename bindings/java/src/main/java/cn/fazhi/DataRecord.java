package cn.fazhi;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One record to append to a {@link Dataset} ({@link Dataset#add}): for a
 * system that hands over records from its own database. Set the fields with
 * the fluent setters; text and codes are Strings (a code as its English code
 * or its Chinese label: "revoked" or "撤销"), dates {@link LocalDate}, money a
 * {@link BigDecimal} of yuan, a yes/no a {@link Boolean} where null means
 * unknown (which is not false). A field left unset is empty. The library
 * checks the record as it would a CSV row: an invalid one is an
 * {@link InvalidArgumentException} naming the field, and is not kept.
 */
public abstract sealed class DataRecord
    permits ReconsiderationRecord, LitigationRecord, LegalAidRecord, MediationRecord,
        RegistryRecord, ActivityRecord, RegionRecord {
  DataRecord() {}

  /** Appends this record to the dataset ds with fz_dataset_add_&lt;kind&gt;; returns the status. */
  abstract int addTo(Pointer ds);

  static Memory text(String value, String what) {
    return Text.memory(value, what);
  }

  static Memory date(LocalDate value, String what) {
    return value == null ? null : Text.memory(value.toString(), what);
  }

  static Memory money(BigDecimal yuan, String what) {
    return yuan == null ? null : Text.memory(yuan.toPlainString(), what);
  }

  static int tri(Boolean value) {
    return Structs.Tri.of(value);
  }
}
