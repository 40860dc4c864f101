package cn.fazhi;

import com.sun.jna.Pointer;
import java.time.LocalDate;

/** One 人民调解 case (mediation.csv); the outcome (success, failure, other) is required once closed. */
public final class MediationRecord extends DataRecord {
  private final Structs.Mediation s = new Structs.Mediation();

  /** case_id (required). */
  public MediationRecord caseId(String value) {
    s.case_id = text(value, "case_id");
    return this;
  }

  /** region (required). */
  public MediationRecord region(String value) {
    s.region = text(value, "region");
    return this;
  }

  /** received_date (required). */
  public MediationRecord receivedDate(LocalDate value) {
    s.received_date = date(value, "received_date");
    return this;
  }

  /** org_id. */
  public MediationRecord orgId(String value) {
    s.org_id = text(value, "org_id");
    return this;
  }

  /** closed_date. */
  public MediationRecord closedDate(LocalDate value) {
    s.closed_date = date(value, "closed_date");
    return this;
  }

  /** outcome. */
  public MediationRecord outcome(String value) {
    s.outcome = text(value, "outcome");
    return this;
  }

  /** category. */
  public MediationRecord category(String value) {
    s.category = text(value, "category");
    return this;
  }

  /** major_group: true, false, or null for unknown (not false). */
  public MediationRecord majorGroup(Boolean value) {
    s.major_group = tri(value);
    return this;
  }

  /** org_type: village, township, professional, enterprise, other. */
  public MediationRecord orgType(String value) {
    s.org_type = text(value, "org_type");
    return this;
  }

  @Override
  int addTo(Pointer ds) {
    return Capi.fz_dataset_add_mediation(ds, s.written());
  }
}
