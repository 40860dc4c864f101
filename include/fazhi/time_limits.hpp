// fazhi/time_limits.hpp -- the legal time limits the figures judge, in one table.
//
// Each limit is a period of `count` units from an event, set by an article
// of a law. `deadline` is its last day: an act is on time iff it is dated on
// or before that day. docs/time_limits.md is this table written out
// (time_limits_markdown), so a clerk can check every limit against the law.
//
//   using namespace fazhi;
//   auto due = deadline(time_limits::kLegalAidReview, Date(2019, 1, 27));
//   // 2019-02-03: the 7th working day after, a make-up Sunday (调休上班)
//   auto pledge = time_limits::kLegalAidReview.with_count(1);  // a bureau's own pledge
#ifndef FAZHI_TIME_LIMITS_HPP_
#define FAZHI_TIME_LIMITS_HPP_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "fazhi/calendar.hpp"
#include "fazhi/date.hpp"

namespace fazhi {

// PeriodUnit is how a period counts (docs/time_limits.md, "Working days and statutory
// periods").
enum class PeriodUnit : uint8_t {
  kDays,      // calendar days; a last day that is a rest day rolls over (民事诉讼法 art. 85)
  kWorkdays,  // working days; the period ends on the n-th working day after the event
  kMonths,    // months: the same day of the month, or the month's last (民法典 art. 202), then the roll-over
};

struct TimeLimit {
  std::string_view id;                // stable English name
  std::string_view name;              // what the limit is called, in Chinese
  int32_t count = 0;                  // how many units (0: the event's own day)
  PeriodUnit unit = PeriodUnit::kDays;
  std::string_view from;              // the event the period runs from, and its column
  std::string_view until;             // the act judged against the last day, and its column
  std::string_view law;               // the law (or rule) that sets it
  std::string_view article;           // the article
  std::string_view profile_key = {};  // the profile key that may set a bureau's own count, if any
  std::string_view figures;           // the figures judged by it

  // with_count is the same limit with another count: a bureau's pledge, or
  // the days a case was suspended added.
  constexpr TimeLimit with_count(int32_t n) const {
    TimeLimit t = *this;
    t.count = n;
    return t;
  }
};

namespace time_limits {

inline constexpr TimeLimit kReconsiderationAcceptanceReview{
    .id = "reconsideration.acceptance_review",
    .name = "行政复议申请审查受理",
    .count = 5,
    .unit = PeriodUnit::kWorkdays,
    .from = "收到申请（received_date）",
    .until = "受理或不予受理（accepted_date；不予受理的 closed_date；未记录受理日期的，视为期限届满之日受理）",
    .law = "行政复议法（2023）",
    .article = "第三十条、第八十八条第二款",
    .figures = "reconsideration.acceptance_on_time_rate",
};
inline constexpr TimeLimit kReconsiderationDecisionSimple{
    .id = "reconsideration.decision_simple",
    .name = "行政复议决定（简易程序）",
    .count = 30,
    .unit = PeriodUnit::kDays,
    .from = "受理（accepted_date）",
    .until = "结案（closed_date）",
    .law = "行政复议法（2023）",
    .article = "第六十二条第二款",
    .figures = "reconsideration.on_time_rate, .overdue, .pending_over_limit_share",
};
inline constexpr TimeLimit kReconsiderationDecision{
    .id = "reconsideration.decision",
    .name = "行政复议决定（普通程序）",
    .count = 60,
    .unit = PeriodUnit::kDays,
    .from = "受理（accepted_date）",
    .until = "结案（closed_date）",
    .law = "行政复议法（2023）",
    .article = "第六十二条第一款",
    .figures = "reconsideration.on_time_rate, .overdue, .pending_over_limit_share",
};
// 60 days, extended once by at most 30: at most 90 days from acceptance.
inline constexpr TimeLimit kReconsiderationDecisionExtended{
    .id = "reconsideration.decision_extended",
    .name = "行政复议决定（延期，60 日延长至多 30 日）",
    .count = 90,
    .unit = PeriodUnit::kDays,
    .from = "受理（accepted_date）",
    .until = "结案（closed_date）",
    .law = "行政复议法（2023）",
    .article = "第六十二条第一款",
    .figures = "reconsideration.on_time_rate, .overdue, .pending_over_limit_share",
};
inline constexpr TimeLimit kLitigationDefence{
    .id = "litigation.defence",
    .name = "行政应诉答辩、举证",
    .count = 15,
    .unit = PeriodUnit::kDays,
    .from = "收到起诉状副本（filed_date）",
    .until = "提交答辩状（defence_date）",
    .law = "行政诉讼法（2017）",
    .article = "第六十七条",
    .figures = "litigation.defence_on_time_rate",
};
inline constexpr TimeLimit kLitigationFirstInstance{
    .id = "litigation.first_instance",
    .name = "一审审理期限",
    .count = 6,
    .unit = PeriodUnit::kMonths,
    .from = "立案（filed_date）",
    .until = "结案（closed_date）",
    .law = "行政诉讼法（2017）",
    .article = "第八十一条",
    .figures = "litigation.pending_over_limit_share",
};
// The law says "7 日" and "3 日"; the ministry's procedure rules count them
// in working days (办理法律援助案件程序规定 (2012) arts. 13 and 20).
inline constexpr TimeLimit kLegalAidReview{
    .id = "legal_aid.review",
    .name = "法律援助申请审查",
    .count = 7,
    .unit = PeriodUnit::kWorkdays,
    .from = "申请（applied_date）",
    .until = "作出审查决定（decided_date）",
    .law = "法律援助法（2021）；办理法律援助案件程序规定（2012）",
    .article = "第四十三条；第十三条",
    .profile_key = "legal_aid_review_limit_workdays",
    .figures = "legal_aid.review_on_time_rate",
};
inline constexpr TimeLimit kLegalAidAssignment{
    .id = "legal_aid.assignment",
    .name = "法律援助指派",
    .count = 3,
    .unit = PeriodUnit::kWorkdays,
    .from = "作出给予法律援助决定（decided_date）",
    .until = "指派（assigned_date）",
    .law = "法律援助法（2021）；办理法律援助案件程序规定（2012）",
    .article = "第四十三条；第二十条",
    .profile_key = "legal_aid_assignment_limit_workdays",
    .figures = "legal_aid.assignment_on_time_rate",
};
inline constexpr TimeLimit kMediation{
    .id = "mediation.mediation",
    .name = "人民调解（一般在一个月内调结）",
    .count = 1,
    .unit = PeriodUnit::kMonths,
    .from = "受理（received_date）",
    .until = "结案（closed_date）",
    .law = "人民调解工作若干规定（司法部令第75号）",
    .article = "第三十三条",
    .figures = "mediation.pending_over_limit_share",
};

inline constexpr std::array<const TimeLimit*, 9> kAll = {
    &kReconsiderationAcceptanceReview, &kReconsiderationDecisionSimple, &kReconsiderationDecision,
    &kReconsiderationDecisionExtended, &kLitigationDefence,             &kLitigationFirstInstance,
    &kLegalAidReview,                  &kLegalAidAssignment,            &kMediation,
};

// find is the time limit whose id is `id` ("litigation.defence"), or null.
constexpr const TimeLimit* find(std::string_view id) noexcept {
  for (const TimeLimit* limit : kAll) {
    if (limit->id == id) return limit;
  }
  return nullptr;
}

}  // namespace time_limits

// try_deadline is the last day of `limit` for an event on `start` (a count of
// 0 is the start day itself), with the profile's rules for a calendar period's
// last day; false when the calendar cannot give it (the start, or the days up
// to the end, lie outside the loaded calendar). The one rule every time
// limit is judged by; `deadline` is the same answer with a reason.
bool try_deadline(const Calendar& cal, const TimeLimit& limit, DayNumber start, PeriodRules rules,
                  DayNumber& out) noexcept;
absl::StatusOr<Date> deadline(const TimeLimit& limit, Date start, const Calendar& cal = Calendar::national(),
                              PeriodRules rules = {});

// unit_name is how the table writes a unit: 日, 个工作日, 个月.
std::string_view unit_name(PeriodUnit unit) noexcept;

// time_limits_markdown is docs/time_limits.md: the table, for people.
std::string time_limits_markdown();

}  // namespace fazhi

#endif  // FAZHI_TIME_LIMITS_HPP_
