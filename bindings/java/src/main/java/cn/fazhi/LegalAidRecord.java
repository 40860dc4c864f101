package cn.fazhi;

import com.sun.jna.Pointer;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One 法律援助 application and case (legal_aid.csv); the decision (granted, denied) is required once decided. */
public final class LegalAidRecord extends DataRecord {
  private final Structs.LegalAid s = new Structs.LegalAid();

  /** case_id (required). */
  public LegalAidRecord caseId(String value) {
    s.case_id = text(value, "case_id");
    return this;
  }

  /** region (required). */
  public LegalAidRecord region(String value) {
    s.region = text(value, "region");
    return this;
  }

  /** applied_date (required). */
  public LegalAidRecord appliedDate(LocalDate value) {
    s.applied_date = date(value, "applied_date");
    return this;
  }

  /** decided_date. */
  public LegalAidRecord decidedDate(LocalDate value) {
    s.decided_date = date(value, "decided_date");
    return this;
  }

  /** decision. */
  public LegalAidRecord decision(String value) {
    s.decision = text(value, "decision");
    return this;
  }

  /** accepted_date. */
  public LegalAidRecord acceptedDate(LocalDate value) {
    s.accepted_date = date(value, "accepted_date");
    return this;
  }

  /** case_type. */
  public LegalAidRecord caseType(String value) {
    s.case_type = text(value, "case_type");
    return this;
  }

  /** assigned_date. */
  public LegalAidRecord assignedDate(LocalDate value) {
    s.assigned_date = date(value, "assigned_date");
    return this;
  }

  /** lawyer_id. */
  public LegalAidRecord lawyerId(String value) {
    s.lawyer_id = text(value, "lawyer_id");
    return this;
  }

  /** firm_id. */
  public LegalAidRecord firmId(String value) {
    s.firm_id = text(value, "firm_id");
    return this;
  }

  /** assignment_method. */
  public LegalAidRecord assignmentMethod(String value) {
    s.assignment_method = text(value, "assignment_method");
    return this;
  }

  /** closed_date. */
  public LegalAidRecord closedDate(LocalDate value) {
    s.closed_date = date(value, "closed_date");
    return this;
  }

  /** recovered_amount in yuan: exact, a whole number of fen. */
  public LegalAidRecord recoveredAmount(BigDecimal yuan) {
    s.recovered_amount = money(yuan, "recovered_amount");
    return this;
  }

  /** commitment: true, false, or null for unknown (not false). */
  public LegalAidRecord commitment(Boolean value) {
    s.commitment = tri(value);
    return this;
  }

  /** service_type: litigation, non_litigation (诉讼, 非诉讼). */
  public LegalAidRecord serviceType(String value) {
    s.service_type = text(value, "service_type");
    return this;
  }

  /** recipient_group: migrant_worker, elderly, minor, ... (农民工, 老年人, ...). */
  public LegalAidRecord recipientGroup(String value) {
    s.recipient_group = text(value, "recipient_group");
    return this;
  }

  @Override
  int addTo(Pointer ds) {
    return Capi.fz_dataset_add_legal_aid(ds, s.written());
  }
}
