package cn.fazhi;

import com.sun.jna.Pointer;
import java.time.LocalDate;

/** One 行政复议 case (reconsideration.csv); the disposition is required once closed. */
public final class ReconsiderationRecord extends DataRecord {
  private final Structs.Reconsideration s = new Structs.Reconsideration();

  /** case_id (required). */
  public ReconsiderationRecord caseId(String value) {
    s.case_id = text(value, "case_id");
    return this;
  }

  /** region (required). */
  public ReconsiderationRecord region(String value) {
    s.region = text(value, "region");
    return this;
  }

  /** received_date (required). */
  public ReconsiderationRecord receivedDate(LocalDate value) {
    s.received_date = date(value, "received_date");
    return this;
  }

  /** accepted_date. */
  public ReconsiderationRecord acceptedDate(LocalDate value) {
    s.accepted_date = date(value, "accepted_date");
    return this;
  }

  /** closed_date. */
  public ReconsiderationRecord closedDate(LocalDate value) {
    s.closed_date = date(value, "closed_date");
    return this;
  }

  /** disposition. */
  public ReconsiderationRecord disposition(String value) {
    s.disposition = text(value, "disposition");
    return this;
  }

  /** respondent. */
  public ReconsiderationRecord respondent(String value) {
    s.respondent = text(value, "respondent");
    return this;
  }

  /** category. */
  public ReconsiderationRecord category(String value) {
    s.category = text(value, "category");
    return this;
  }

  /** simple_procedure: true, false, or null for unknown (not false). */
  public ReconsiderationRecord simpleProcedure(Boolean value) {
    s.simple_procedure = tri(value);
    return this;
  }

  /** extended: true, false, or null for unknown (not false). */
  public ReconsiderationRecord extended(Boolean value) {
    s.extended = tri(value);
    return this;
  }

  /** litigated: true, false, or null for unknown (not false). */
  public ReconsiderationRecord litigated(Boolean value) {
    s.litigated = tri(value);
    return this;
  }

  /** compensation: true, false, or null for unknown (not false). */
  public ReconsiderationRecord compensation(Boolean value) {
    s.compensation = tri(value);
    return this;
  }

  /** suspended_days, or null for unknown. */
  public ReconsiderationRecord suspendedDays(Integer value) {
    s.suspended_days = value == null ? -1 : value;
    return this;
  }

  /** respondent_level: a level code or label (county_dept, 县级政府部门, township, ...). */
  public ReconsiderationRecord respondentLevel(String value) {
    s.respondent_level = text(value, "respondent_level");
    return this;
  }

  /** act_type: an act type code or label (penalty, 行政处罚, information_disclosure, ...). */
  public ReconsiderationRecord actType(String value) {
    s.act_type = text(value, "act_type");
    return this;
  }

  /** applicant_type: person, legal_person, organization (自然人, 法人, 其他组织). */
  public ReconsiderationRecord applicantType(String value) {
    s.applicant_type = text(value, "applicant_type");
    return this;
  }

  /** applicants: the number of applicants (1 or more), or null for unknown (counted as 1). */
  public ReconsiderationRecord applicants(Integer value) {
    s.applicants = value == null ? -1 : value;
    return this;
  }

  @Override
  int addTo(Pointer ds) {
    return Capi.fz_dataset_add_reconsideration(ds, s.written());
  }
}
