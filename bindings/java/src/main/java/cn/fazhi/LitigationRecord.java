package cn.fazhi;

import com.sun.jna.Pointer;
import java.time.LocalDate;

/** One 行政应诉 case, the agency as defendant (litigation.csv); instance is first, second or retrial (一审, 二审, 再审); the outcome is required once closed. */
public final class LitigationRecord extends DataRecord {
  private final Structs.Litigation s = new Structs.Litigation();

  /** case_id (required). */
  public LitigationRecord caseId(String value) {
    s.case_id = text(value, "case_id");
    return this;
  }

  /** region (required). */
  public LitigationRecord region(String value) {
    s.region = text(value, "region");
    return this;
  }

  /** filed_date (required). */
  public LitigationRecord filedDate(LocalDate value) {
    s.filed_date = date(value, "filed_date");
    return this;
  }

  /** instance (required). */
  public LitigationRecord instance(String value) {
    s.instance = text(value, "instance");
    return this;
  }

  /** defendant. */
  public LitigationRecord defendant(String value) {
    s.defendant = text(value, "defendant");
    return this;
  }

  /** category. */
  public LitigationRecord category(String value) {
    s.category = text(value, "category");
    return this;
  }

  /** defence_date. */
  public LitigationRecord defenceDate(LocalDate value) {
    s.defence_date = date(value, "defence_date");
    return this;
  }

  /** closed_date. */
  public LitigationRecord closedDate(LocalDate value) {
    s.closed_date = date(value, "closed_date");
    return this;
  }

  /** outcome. */
  public LitigationRecord outcome(String value) {
    s.outcome = text(value, "outcome");
    return this;
  }

  /** head_appeared: true, false, or null for unknown (not false). */
  public LitigationRecord headAppeared(Boolean value) {
    s.head_appeared = tri(value);
    return this;
  }

  /** lawyer_only: true, false, or null for unknown (not false). */
  public LitigationRecord lawyerOnly(Boolean value) {
    s.lawyer_only = tri(value);
    return this;
  }

  /** hearing_held: true, false, or null for unknown (not false). */
  public LitigationRecord hearingHeld(Boolean value) {
    s.hearing_held = tri(value);
    return this;
  }

  /** defendant_level: a level code or label (county_dept, 县级政府部门, ...). */
  public LitigationRecord defendantLevel(String value) {
    s.defendant_level = text(value, "defendant_level");
    return this;
  }

  /** act_type: an act type code or label (penalty, 行政处罚, ...). */
  public LitigationRecord actType(String value) {
    s.act_type = text(value, "act_type");
    return this;
  }

  /** head_principal: the agency's principal head (正职) appeared; true, false, or null for unknown (not false). */
  public LitigationRecord headPrincipal(Boolean value) {
    s.head_principal = tri(value);
    return this;
  }

  @Override
  int addTo(Pointer ds) {
    return Capi.fz_dataset_add_litigation(ds, s.written());
  }
}
