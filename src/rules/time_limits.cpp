#include "fazhi/time_limits.hpp"

#include "absl/strings/str_cat.h"
#include "fazhi/text.hpp"

namespace fazhi {

bool try_deadline(const Calendar& cal, const TimeLimit& limit, DayNumber start, PeriodRules rules,
                  DayNumber& out) noexcept {
  if (limit.count == 0) {
    // Decided on the event's own day (a bureau's same-day pledge).
    if (!cal.covers(from_day_number(start))) return false;
    out = start;
    return true;
  }
  switch (limit.unit) {
    case PeriodUnit::kDays: return cal.try_period_end_days(start, limit.count, rules, out);
    case PeriodUnit::kWorkdays: return cal.try_period_end_workdays(start, limit.count, out);
    case PeriodUnit::kMonths: return cal.try_period_end_months(start, limit.count, rules, out);
  }
  return false;
}

absl::StatusOr<Date> deadline(const TimeLimit& limit, Date start, const Calendar& cal, PeriodRules rules) {
  if (limit.count < 0) {
    return absl::InvalidArgumentError(absl::StrCat(absl_view(limit.id), ": a time limit cannot be negative"));
  }
  DayNumber out = 0;
  if (try_deadline(cal, limit, to_day_number(start), rules, out)) return from_day_number(out);
  // Name the reason: the start itself, or the days after it.
  if (absl::Status s = cal.is_workday(start).status(); !s.ok()) return s;
  return absl::OutOfRangeError(absl::StrCat(absl_view(limit.id), " from ", format_iso(start),
                                            " ends past the loaded working-day calendar (to ",
                                            format_iso(cal.last_day()), ")"));
}

std::string_view unit_name(PeriodUnit unit) noexcept {
  switch (unit) {
    case PeriodUnit::kDays: return "日";
    case PeriodUnit::kWorkdays: return "个工作日";
    case PeriodUnit::kMonths: return "个月";
  }
  return "";
}

std::string time_limits_markdown() {
  std::string out =
      "# 法定时限表 (legal time limits)\n"
      "\n"
      "fazhi judges every time limit by its last day: an act is on time when it is\n"
      "dated on or before the period's last day, and late after it, even when no\n"
      "working day passed in between (a decision on a holiday after the last day\n"
      "is late). The table is `include/fazhi/time_limits.hpp`; this file is written\n"
      "from it by `fazhi calendar time-limits`, and a test checks that it is current.\n"
      "`fazhi calendar deadline ID DATE` gives a limit's last day for an event on\n"
      "DATE (`fazhi calendar deadline legal_aid.review 2019-01-27` is 2019-02-03,\n"
      "a make-up Sunday).\n"
      "\n"
      "How a period counts:\n"
      "\n"
      "- **日** (calendar days): the event's day is not counted; the period ends on\n"
      "  the N-th day after it, moved to the next working day when that day is a\n"
      "  public holiday or a weekend rest day (民事诉讼法 art. 85; 行政诉讼法 art. 101;\n"
      "  行政复议法 (2023) art. 88 para 1). A make-up working day (调休上班) ends the\n"
      "  period unless the profile sets `roll_over_make_up_weekends`.\n"
      "- **个工作日** (working days): the period ends on the N-th working day after the\n"
      "  event (行政复议法 (2023) art. 88 para 2), make-up working days included.\n"
      "- **个月** (months): the same day of the month N months later, or that month's\n"
      "  last day when it has none (民法典 art. 202), then the same roll-over.\n"
      "\n"
      "| 时限 | id | 期间 | 起算 | 判断的行为 | 依据 | 条文 | 可由 profile 改 | 指标 |\n"
      "| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n";
  for (const TimeLimit* limit : time_limits::kAll) {
    absl::StrAppend(&out, "| ", absl_view(limit->name), " | `", absl_view(limit->id), "` | ", limit->count, " ",
                    absl_view(unit_name(limit->unit)), " | ", absl_view(limit->from), " | ", absl_view(limit->until),
                    " | ", absl_view(limit->law), " | ", absl_view(limit->article), " | ",
                    limit->profile_key.empty() ? std::string("—") : absl::StrCat("`", absl_view(limit->profile_key), "`"),
                    " | ", absl_view(limit->figures), " |\n");
  }
  absl::StrAppend(&out,
                  "\n"
                  "Without a recorded acceptance date, a reconsideration application counts as\n"
                  "accepted by operation of law on the acceptance review's last day (行政复议法\n"
                  "(2023) art. 30 para 3): the decision period runs from that day, and\n"
                  "`acceptance_on_time_rate` counts an application neither refused nor closed by\n"
                  "then as accepted on time. With the profile's `exclude_suspended_days`, the\n"
                  "days a case was suspended (中止) are added to its decision period.\n"
                  "\n"
                  "A bureau's own pledge replaces the count where the last column names a\n"
                  "profile key (the reference report's district pledges 1 working day for the\n"
                  "legal-aid review). The law sets no time limit for concluding a legal-aid\n"
                  "case; `legal_aid_case_limit_days` sets one when a bureau has it.\n"
                  "\n"
                  "When the loaded calendar ends before a limit's last day, an act inside the\n"
                  "calendar is on time (the last day lies after it), and a case still pending at\n"
                  "a period's end inside it has not passed its limit; an act outside it is not\n"
                  "judged, and the figure is undefined with a reason.\n");
  return out;
}

}  // namespace fazhi
