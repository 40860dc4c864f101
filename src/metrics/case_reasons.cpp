// The reasons of a case list (case_reasons.hpp): one sentence per record, in
// the words of the metric it is listed for. The days it cites (a last day,
// a deemed acceptance) are the ones the family's tally judged it by: the
// same Deadlines tables and the same helpers (reconsideration_days), so the
// reason cannot disagree with the list it explains. Dates are YYYY-MM-DD, as
// a clerk finds them in the file.

#include "metrics/case_reasons.hpp"

#include <string>

#include "absl/strings/str_cat.h"
#include "fazhi/date.hpp"
#include "fazhi/records.hpp"
#include "fazhi/time_limits.hpp"
#include "metrics/families.hpp"

namespace fazhi::internal {
namespace {

std::string day(DayNumber d) { return has(d) ? format_iso_day(d) : std::string("（未填）"); }

// label is a code's first Chinese label (its English code without one).
template <typename Enum>
std::string label(Enum value) {
  if (value == Enum::kNone) return "未填";
  for (const CodeEntry& e : code_table<Enum>()) {
    if (e.value == static_cast<uint8_t>(value) && !e.labels.empty()) return std::string(e.labels[0]);
  }
  return std::string(code_name(value));
}

std::string yes_no(Tri t) { return t == Tri::kTrue ? "是" : t == Tri::kFalse ? "否" : "未填"; }

// judged says how an act dated `act` stands against a limit whose last day
// is `due` (Timeliness's rule: on time iff act <= due), with the days late:
// calendar days, or working days for a limit counted in them.
std::string judged(const ReasonInput& in, absl::string_view limit, DayNumber due, absl::string_view act_name,
                   DayNumber act, bool workdays) {
  if (!has(act)) return absl::StrCat(limit, "期限 ", day(due), " 届满，未", act_name);
  if (!has(due)) {
    return absl::StrCat(day(act), " ", act_name, "，", limit, "期限届满日超出已载入的工作日历");
  }
  std::string out = absl::StrCat(limit, "期限 ", day(due), " 届满，", day(act), " ", act_name);
  if (act <= due) return absl::StrCat(out, "，未逾期");
  int32_t late = act - due;
  if (workdays && in.deadlines.workdays.between(due, act, late)) return absl::StrCat(out, "，逾期 ", late, " 个工作日");
  return absl::StrCat(out, "，逾期 ", act - due, " 日");
}

// pending says how a case open at the period's end stands against its limit:
// its age from `opened`, and whether the limit's last day had passed.
std::string pending(const ReasonInput& in, absl::string_view opened_name, DayNumber opened, absl::string_view limit,
                    DayNumber due) {
  const DayNumber at = in.period.to;
  if (!has(opened)) return absl::StrCat(day(at), " 未结，", limit, "期限的起算日超出已载入的工作日历");
  std::string out = absl::StrCat(day(at), " 未结，已", opened_name, " ", at - opened, " 日");
  if (!has(due)) return absl::StrCat(out, "，", limit, "期限届满日超出已载入的工作日历");
  if (due < at) return absl::StrCat(out, "，", limit, "期限 ", day(due), " 届满，已超过 ", at - due, " 日");
  return absl::StrCat(out, "，", limit, "期限 ", day(due), " 届满，未超期");
}

// ---- reconsideration ----------------------------------------------------------

std::string reconsideration(const ReasonInput& in, std::string_view m, size_t i) {
  const ReconsiderationColumns& r = in.ds.reconsideration();
  const auto& p = in.period;
  const std::string received = absl::StrCat(day(r.received[i]), " 收到申请");
  const std::string closed = absl::StrCat(day(r.closed[i]), " 办结（", label(r.disposition[i]), "）");
  if (m == "reconsideration.received") return received;
  if (m == "reconsideration.accepted") return absl::StrCat(received, "，", day(r.accepted[i]), " 受理");
  if (m == "reconsideration.closed") return absl::StrCat(received, "，", closed);
  if (m == "reconsideration.closed_carried_over") return absl::StrCat(received, "（上年结转），", closed);
  if (m == "reconsideration.pending_start") return absl::StrCat(received, "，至 ", day(p.from - 1), " 未结");
  if (m == "reconsideration.pending_end") return absl::StrCat(received, "，至 ", day(p.to), " 未结");
  if (m == "reconsideration.direct_correction_rate" || m == "reconsideration.correction_rate") {
    const CorrectionClass c = correction_class(r.disposition[i]);
    const bool optional_counted = c == CorrectionClass::kOptional &&
                                  (r.disposition[i] == Disposition::kWithdrawn ? in.profile.withdrawn_is_correction
                                                                               : in.profile.terminated_is_correction);
    const absl::string_view what = c == CorrectionClass::kDirect     ? "直接纠错"
                                  : c == CorrectionClass::kIndirect ? "间接纠错"
                                  : optional_counted                ? "按报告设置计为间接纠错"
                                                                    : "不属纠错";
    return absl::StrCat(closed, "，", what);
  }
  if (m == "reconsideration.not_litigated_rate") {
    return absl::StrCat(closed, "，提起行政诉讼：", yes_no(r.litigated[i]));
  }
  const ReconsiderationDays d = reconsideration_days(r, i, in.profile, in.cal, in.deadlines);
  if (m == "reconsideration.acceptance_on_time_rate") {
    const absl::string_view act = r.disposition[i] == Disposition::kNotAccepted && !has(r.accepted[i]) ? "决定不予受理"
                                 : has(r.accepted[i])                                                ? "受理"
                                                                                                     : "视为受理";
    return absl::StrCat(received, "，", judged(in, "受理审查", d.review_end, act, d.intake, true));
  }
  if (m == "reconsideration.on_time_rate" || m == "reconsideration.overdue") {
    return absl::StrCat(day(d.acceptance), " 受理，", judged(in, "审理", d.deadline, "办结", r.closed[i], false));
  }
  if (m == "reconsideration.pending_over_limit_share") return pending(in, "受理", d.acceptance, "审理", d.deadline);
  if (m == "reconsideration.conclusion_rate" || m == "reconsideration.clearance_rate") {
    std::string out = received;
    if (has(r.accepted[i])) absl::StrAppend(&out, "，", day(r.accepted[i]), " 受理");
    if (has(r.closed[i])) absl::StrAppend(&out, "，", closed);
    return out;
  }
  return received;
}

// ---- litigation ---------------------------------------------------------------

std::string litigation(const ReasonInput& in, std::string_view m, size_t i) {
  const LitigationColumns& l = in.ds.litigation();
  const std::string filed = absl::StrCat(day(l.filed[i]), " 收案（", label(l.instance[i]), "）");
  const std::string closed = absl::StrCat(day(l.closed[i]), " 结案（", label(l.outcome[i]), "）");
  if (m == "litigation.received" || m == "litigation.received_first_instance") return filed;
  if (m == "litigation.defence_on_time_rate") {
    return absl::StrCat(filed, "，", judged(in, "答辩", in.deadlines.defence.end(l.filed[i]), "提交答辩",
                                             l.defence[i], false));
  }
  if (m.starts_with("litigation.head_appearance_rate")) {
    std::string out = absl::StrCat(filed, "，", closed, "，开庭审理，负责人出庭：", yes_no(l.head_appeared[i]));
    if (l.head_principal[i] != Tri::kUnknown) absl::StrAppend(&out, "，正职出庭：", yes_no(l.head_principal[i]));
    return out;
  }
  if (m == "litigation.lawyer_only") return absl::StrCat(filed, "，", closed, "，仅委托律师出庭");
  if (m == "litigation.pending_over_limit_share") {
    return absl::StrCat(filed, "，",
                        pending(in, "立案", l.filed[i], "一审审理", in.deadlines.first_instance.end(l.filed[i])));
  }
  if (m == "litigation.clearance_rate") {
    return has(l.closed[i]) ? absl::StrCat(filed, "，", closed) : filed;
  }
  return absl::StrCat(filed, "，", closed);  // judged, win, loss, withdrawn after correction
}

// ---- legal aid ------------------------------------------------------------------

std::string legal_aid(const ReasonInput& in, std::string_view m, size_t i) {
  const LegalAidColumns& a = in.ds.legal_aid();
  const std::string applied = absl::StrCat(day(a.applied[i]), " 申请");
  const std::string accepted = absl::StrCat(day(a.accepted[i]), " 受理");
  if (m == "legal_aid.accepted") return absl::StrCat(applied, "，", accepted);
  if (m == "legal_aid.commitment_share") return absl::StrCat(accepted, "，适用告知承诺制：", yes_no(a.commitment[i]));
  if (m == "legal_aid.closed") return absl::StrCat(accepted, "，", day(a.closed[i]), " 结案");
  if (m == "legal_aid.review_on_time_rate") {
    std::string out = absl::StrCat(applied, "，", judged(in, "审查", in.deadlines.legal_aid_review.end(a.applied[i]),
                                                         "作出决定", a.decided[i], true));
    int32_t wd = 0;
    if (in.deadlines.workdays.between(a.applied[i], a.decided[i], wd)) absl::StrAppend(&out, "（审查 ", wd, " 个工作日）");
    return out;
  }
  if (m == "legal_aid.assignment_on_time_rate") {
    return absl::StrCat(day(a.decided[i]), " 决定给予援助，",
                        judged(in, "指派", in.deadlines.legal_aid_assignment.end(a.decided[i]), "指派", a.assigned[i],
                               true));
  }
  if (m == "legal_aid.lottery_share" || m == "legal_aid.lottery_assignments") {
    return absl::StrCat(day(a.assigned[i]), " 指派，指派方式：", label(a.assignment_method[i]));
  }
  if (m == "legal_aid.pending_over_limit_share") {
    const DayNumber at = in.period.to;
    std::string out = absl::StrCat(accepted, "，", day(at), " 未结，已受理 ", at - a.accepted[i], " 日");
    if (in.profile.legal_aid_case_limit_days) {
      const int64_t limit = *in.profile.legal_aid_case_limit_days;
      absl::StrAppend(&out, at - a.accepted[i] > limit ? "，超过" : "，未超过", "报告设置的办案时限 ", limit, " 日");
    }
    return out;
  }
  if (m == "legal_aid.clearance_rate") {
    return has(a.closed[i]) ? absl::StrCat(accepted, "，", day(a.closed[i]), " 结案") : accepted;
  }
  return accepted;
}

// ---- mediation -------------------------------------------------------------------

std::string mediation(const ReasonInput& in, std::string_view m, size_t i) {
  const MediationColumns& c = in.ds.mediation();
  const std::string received = absl::StrCat(day(c.received[i]), " 受理");
  if (m == "mediation.received") return received;
  if (m == "mediation.major_group") return absl::StrCat(received, "，重大群体性纠纷");
  if (m == "mediation.success_rate" || m == "mediation.clearance_rate") {
    if (!has(c.closed[i])) return received;
    return absl::StrCat(received, "，", day(c.closed[i]), " 结案（", label(c.outcome[i]), "）");
  }
  if (m == "mediation.pending_over_limit_share") {
    return pending(in, "受理", c.received[i], "调解", in.deadlines.mediation.end(c.received[i]));
  }
  return received;
}

}  // namespace

std::string case_reason(const ReasonInput& in, Family f, std::string_view metric, size_t row) {
  switch (f) {
    case Family::kReconsideration: return reconsideration(in, metric, row);
    case Family::kLitigation: return litigation(in, metric, row);
    case Family::kLegalAid: return legal_aid(in, metric, row);
    case Family::kMediation: return mediation(in, metric, row);
    default: return {};
  }
}

std::string_view case_id_of(const Dataset& ds, Family f, size_t row) {
  switch (f) {
    case Family::kReconsideration: return ds.text(id_at(ds.reconsideration().case_id, row));
    case Family::kLitigation: return ds.text(id_at(ds.litigation().case_id, row));
    case Family::kLegalAid: return ds.text(id_at(ds.legal_aid().case_id, row));
    case Family::kMediation: return ds.text(id_at(ds.mediation().case_id, row));
    default: return {};
  }
}

}  // namespace fazhi::internal
