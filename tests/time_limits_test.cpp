// The legal time limits (time_limits.hpp): each limit's last day at its
// boundaries, and every on-time figure judged by that last day.
//
// The 2019 dates used (State Council notice for 2019): 清明 Friday 04-05; 劳动节
// 05-01..04 with make-up working days Sunday 04-28 and Saturday 05-05; 春节
// 02-04..10 with make-up Saturday 02-02 and Sunday 02-03; 国庆 10-01..07 with
// make-up Sunday 09-29 and Saturday 10-12.
#include "fazhi/time_limits.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "fazhi/docs.hpp"
#include "fazhi/report.hpp"

namespace fazhi {
namespace {

const RegionCode kRegion = *RegionCode::parse("440111");

Date due(const TimeLimit& limit, Date start, PeriodRules rules = {}) {
  absl::StatusOr<Date> d = deadline(limit, start, Calendar::national(), rules);
  EXPECT_TRUE(d.ok()) << d.status();
  return d.ok() ? *d : Date(1900, 1, 1);
}

// ---- Each limit's last day --------------------------------------------------

// Boundary is one limit's last day for a start where nothing intervenes,
// one whose period spans (or ends on) a holiday, and one whose period spans
// or ends on a make-up working day. An act on the last day is on time; the
// day after is late (Timeliness in the figures below).
struct Boundary {
  const TimeLimit* limit;
  Date plain_start, plain_due;
  Date holiday_start, holiday_due;
  Date make_up_start, make_up_due;
};

const Boundary kBoundaries[] = {
    // 5 working days: Friday 03-01 -> Friday 03-08; over 清明 04-04 -> 04-12;
    // over the make-up Sunday 09-24 -> Monday 09-30.
    {&time_limits::kReconsiderationAcceptanceReview, Date(2019, 3, 1), Date(2019, 3, 8), Date(2019, 4, 4),
     Date(2019, 4, 12), Date(2019, 9, 24), Date(2019, 9, 30)},
    // 30 days: 03-04 -> Wednesday 04-03; 09-01 -> 10-01, rolled over 国庆 to
    // 10-08; 09-12 -> Saturday 10-12, a make-up working day, not rolled.
    {&time_limits::kReconsiderationDecisionSimple, Date(2019, 3, 4), Date(2019, 4, 3), Date(2019, 9, 1),
     Date(2019, 10, 8), Date(2019, 9, 12), Date(2019, 10, 12)},
    // 60 days: 03-11 -> Friday 05-10; 08-02 -> 10-01 -> 10-08; 08-13 -> 10-12.
    {&time_limits::kReconsiderationDecision, Date(2019, 3, 11), Date(2019, 5, 10), Date(2019, 8, 2),
     Date(2019, 10, 8), Date(2019, 8, 13), Date(2019, 10, 12)},
    // 90 days: 03-06 -> Tuesday 06-04; 07-03 -> 10-01 -> 10-08; 07-14 -> 10-12.
    {&time_limits::kReconsiderationDecisionExtended, Date(2019, 3, 6), Date(2019, 6, 4), Date(2019, 7, 3),
     Date(2019, 10, 8), Date(2019, 7, 14), Date(2019, 10, 12)},
    // 15 days: 03-04 -> Tuesday 03-19; 09-16 -> 10-01 -> 10-08; 09-27 -> 10-12.
    {&time_limits::kLitigationDefence, Date(2019, 3, 4), Date(2019, 3, 19), Date(2019, 9, 16),
     Date(2019, 10, 8), Date(2019, 9, 27), Date(2019, 10, 12)},
    // 6 months: 03-04 -> Wednesday 09-04; 04-01 -> 10-01 -> 10-08; 04-12 -> 10-12.
    {&time_limits::kLitigationFirstInstance, Date(2019, 3, 4), Date(2019, 9, 4), Date(2019, 4, 1),
     Date(2019, 10, 8), Date(2019, 4, 12), Date(2019, 10, 12)},
    // 7 working days: Wednesday 03-06 -> Friday 03-15; over 清明 04-03 ->
    // 04-15; over the make-up days of 春节 01-27 -> Sunday 02-03.
    {&time_limits::kLegalAidReview, Date(2019, 3, 6), Date(2019, 3, 15), Date(2019, 4, 3), Date(2019, 4, 15),
     Date(2019, 1, 27), Date(2019, 2, 3)},
    // 3 working days: Tuesday 03-05 -> Friday 03-08; over 清明 04-03 -> 04-09;
    // over the make-up Sunday 09-26 -> Monday 09-30.
    {&time_limits::kLegalAidAssignment, Date(2019, 3, 5), Date(2019, 3, 8), Date(2019, 4, 3), Date(2019, 4, 9),
     Date(2019, 9, 26), Date(2019, 9, 30)},
    // 1 month: 03-04 -> Thursday 04-04; 09-01 -> 10-01 -> 10-08; 09-12 -> 10-12.
    {&time_limits::kMediation, Date(2019, 3, 4), Date(2019, 4, 4), Date(2019, 9, 1), Date(2019, 10, 8),
     Date(2019, 9, 12), Date(2019, 10, 12)},
};

TEST(TimeLimits, EachLimitEndsOnItsLastDay) {
  ASSERT_EQ(std::size(kBoundaries), time_limits::kAll.size());
  for (size_t k = 0; k < time_limits::kAll.size(); ++k) {
    const Boundary& b = kBoundaries[k];
    ASSERT_EQ(b.limit, time_limits::kAll[k]);
    SCOPED_TRACE(std::string(b.limit->id));
    EXPECT_EQ(due(*b.limit, b.plain_start), b.plain_due);
    EXPECT_EQ(due(*b.limit, b.holiday_start), b.holiday_due);
    EXPECT_EQ(due(*b.limit, b.make_up_start), b.make_up_due);
  }
}

TEST(TimeLimits, AMakeUpLastDayRollsOverOnlyForCalendarPeriods) {
  PeriodRules rolled;
  rolled.roll_over_make_up_weekends = true;
  // Calendar days and months: Saturday 10-12 rolls over to Monday 10-14.
  EXPECT_EQ(due(time_limits::kLitigationDefence, Date(2019, 9, 27), rolled), Date(2019, 10, 14));
  EXPECT_EQ(due(time_limits::kMediation, Date(2019, 9, 12), rolled), Date(2019, 10, 14));
  // A working-day period ends on its n-th working day, make-up or not.
  EXPECT_EQ(due(time_limits::kLegalAidReview, Date(2019, 1, 27), rolled), Date(2019, 2, 3));
}

TEST(TimeLimits, APledgeReplacesTheCount) {
  EXPECT_EQ(due(time_limits::kLegalAidReview.with_count(1), Date(2019, 9, 30)), Date(2019, 10, 8));
  // 0: the application's own day.
  EXPECT_EQ(due(time_limits::kLegalAidReview.with_count(0), Date(2019, 9, 30)), Date(2019, 9, 30));
}

TEST(TimeLimits, OutsideTheCalendarIsAnErrorNotAGuess) {
  absl::StatusOr<Date> d = deadline(time_limits::kLegalAidReview, Date(2027, 3, 1));
  EXPECT_EQ(d.status().code(), absl::StatusCode::kOutOfRange);
  // Started in the last loaded year, it runs past the calendar.
  d = deadline(time_limits::kLegalAidReview, Date(2026, 12, 28));
  EXPECT_EQ(d.status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_NE(d.status().message().find("legal_aid.review"), std::string_view::npos) << d.status();
}

TEST(TimeLimits, FindTakesTheIdAndNothingElse) {
  EXPECT_EQ(time_limits::find("litigation.defence"), &time_limits::kLitigationDefence);
  EXPECT_EQ(time_limits::find("mediation.mediation"), &time_limits::kMediation);
  EXPECT_EQ(time_limits::find("litigation.Defence"), nullptr);
  EXPECT_EQ(time_limits::find(""), nullptr);
}

TEST(TimeLimits, TheTableNamesEachLimitOnce) {
  for (size_t i = 0; i < time_limits::kAll.size(); ++i) {
    const TimeLimit& l = *time_limits::kAll[i];
    EXPECT_FALSE(l.name.empty() || l.from.empty() || l.law.empty() || l.article.empty()) << l.id;
    EXPECT_GT(l.count, 0) << l.id;
    for (size_t j = 0; j < i; ++j) EXPECT_NE(l.id, time_limits::kAll[j]->id);
  }
  // The profile's defaults are the law's counts.
  const Profile p;
  EXPECT_EQ(p.legal_aid_review_limit_workdays, time_limits::kLegalAidReview.count);
  EXPECT_EQ(p.legal_aid_assignment_limit_workdays, time_limits::kLegalAidAssignment.count);
}

// The written definition of the figure a limit judges (docs/metrics.md)
// states the table's count, so the prose cannot keep a count the table has
// changed: "within 5 working days", "the 6-month trial limit", "one month".
TEST(TimeLimits, TheFiguresDefinitionStatesTheCount) {
  for (const TimeLimit* l : time_limits::kAll) {
    const std::string_view figures = l->figures;
    const std::string figure(figures.substr(0, figures.find(',')));
    const std::string definition = metric_definition(figure);
    ASSERT_FALSE(definition.empty()) << figure;
    const std::string count = l->count == 1 ? "one" : std::to_string(l->count);
    bool stated = false;
    for (size_t at = definition.find(count); at != std::string::npos; at = definition.find(count, at + 1)) {
      const auto digit = [](char c) { return c >= '0' && c <= '9'; };
      const bool starts = at == 0 || !digit(definition[at - 1]);
      const bool ends = at + count.size() == definition.size() || !digit(definition[at + count.size()]);
      stated = stated || (starts && ends);
    }
    EXPECT_TRUE(stated) << l->id << ": \"" << definition << "\" does not state " << count;
  }
}

// docs/time_limits.md is the table written out; `fazhi calendar time-limits`
// prints it.
TEST(TimeLimits, TheDocumentIsTheTable) {
  std::ifstream in(std::string(FAZHI_SOURCE_DIR) + "/docs/time_limits.md", std::ios::binary);
  ASSERT_TRUE(in) << "docs/time_limits.md is missing";
  std::ostringstream text;
  text << in.rdbuf();
  EXPECT_EQ(text.str(), time_limits_markdown())
      << "docs/time_limits.md is out of date: build/fazhi calendar time-limits > docs/time_limits.md";
}

// ---- The on-time figures, judged by the last day -------------------------------

std::string ratio(const Report& r, const char* id) {
  const MetricFigure* f = r.find(id);
  EXPECT_NE(f, nullptr) << id;
  if (f == nullptr || !f->value.defined()) return "undef.";
  return std::to_string(f->value.num) + "/" + std::to_string(f->value.den);
}

Report report_2019(const Dataset& ds, const Profile& profile = {}) {
  absl::StatusOr<Report> r = compute_report(ds, kRegion, year_period(2019), profile);
  EXPECT_TRUE(r.ok()) << r.status();
  return r.ok() ? *std::move(r) : Report{};
}

void add_reconsideration(Dataset& ds, Date received, std::optional<Date> accepted,
                         std::optional<Date> closed = std::nullopt, Disposition disposition = Disposition::kNone) {
  ReconsiderationRecord r;
  r.case_id = "FY-" + std::to_string(ds.reconsideration().size() + 1);
  r.region = kRegion;
  r.received_date = received;
  r.accepted_date = accepted;
  r.closed_date = closed;
  r.disposition = disposition;
  ASSERT_TRUE(ds.add(r).ok());
}

void add_aid(Dataset& ds, Date applied, Date decided, std::optional<Date> assigned = std::nullopt) {
  LegalAidRecord a;
  a.case_id = "FA-" + std::to_string(ds.legal_aid().size() + 1);
  a.region = kRegion;
  a.applied_date = applied;
  a.decided_date = decided;
  a.decision = AidDecision::kGranted;
  a.accepted_date = decided;
  a.assigned_date = assigned;
  ASSERT_TRUE(ds.add(a).ok());
}

// 5 working days from receipt (行政复议法 art. 30): accepted on the last day
// (Friday 03-08), on time; the day after (Saturday 03-09), late although no
// working day passed; over 清明, on the last day (04-12), on time; and the
// day after a make-up last day (Monday 09-30), on National Day 10-02, late,
// although only 5 working days passed.
TEST(OnTime, AcceptanceIsJudgedByTheReviewsLastDay) {
  Dataset ds;
  add_reconsideration(ds, Date(2019, 3, 1), Date(2019, 3, 8));
  add_reconsideration(ds, Date(2019, 3, 1), Date(2019, 3, 9));
  add_reconsideration(ds, Date(2019, 4, 4), Date(2019, 4, 12));
  add_reconsideration(ds, Date(2019, 9, 24), Date(2019, 10, 2));
  EXPECT_EQ(ratio(report_2019(ds), "reconsideration.acceptance_on_time_rate"), "2/4");
}

// A refusal (不予受理) is the other decision of the review, judged the same way.
TEST(OnTime, ARefusalIsJudgedByTheReviewsLastDay) {
  Dataset ds;
  add_reconsideration(ds, Date(2019, 3, 1), std::nullopt, Date(2019, 3, 8), Disposition::kNotAccepted);
  add_reconsideration(ds, Date(2019, 3, 1), std::nullopt, Date(2019, 3, 9), Disposition::kNotAccepted);
  EXPECT_EQ(ratio(report_2019(ds), "reconsideration.acceptance_on_time_rate"), "1/2");
}

// 行政复议法 art. 30 para 3: an application neither accepted nor refused when
// the review ends is accepted then, by operation of law, on time: FY-1
// (received 03-01, still open) and FY-2 (received 03-01, decided on the
// merits in May) count, accepted on Friday 03-08, as the decision period
// counts them. FY-3, withdrawn on 03-05 before the review ended, was never
// accepted; FY-4, received 12-27, is deemed accepted 2020-01-06, after the
// period.
TEST(OnTime, ADeemedAcceptanceIsAcceptedOnTime) {
  Dataset ds;
  add_reconsideration(ds, Date(2019, 3, 1), std::nullopt);
  add_reconsideration(ds, Date(2019, 3, 1), std::nullopt, Date(2019, 5, 6), Disposition::kUpheld);
  add_reconsideration(ds, Date(2019, 3, 1), std::nullopt, Date(2019, 3, 5), Disposition::kWithdrawn);
  add_reconsideration(ds, Date(2019, 12, 27), std::nullopt);
  const Report r = report_2019(ds);
  EXPECT_EQ(ratio(r, "reconsideration.acceptance_on_time_rate"), "2/2");
  // The decision period runs from the deemed acceptance: 60 days from 03-08
  // end on Tuesday 05-07, so FY-2's decision on 05-06 is on time (FY-3's
  // withdrawal, a conclusion too, is also within it).
  EXPECT_EQ(ratio(r, "reconsideration.on_time_rate"), "2/2");
}

// 60 days from acceptance (art. 62): on the last day, the day after, over
// National Day, and the day after a make-up last day.
TEST(OnTime, TheDecisionIsJudgedByItsLastDay) {
  Dataset ds;
  add_reconsideration(ds, Date(2019, 3, 10), Date(2019, 3, 11), Date(2019, 5, 10), Disposition::kUpheld);
  add_reconsideration(ds, Date(2019, 3, 10), Date(2019, 3, 11), Date(2019, 5, 11), Disposition::kUpheld);
  add_reconsideration(ds, Date(2019, 8, 1), Date(2019, 8, 2), Date(2019, 10, 8), Disposition::kUpheld);
  add_reconsideration(ds, Date(2019, 8, 12), Date(2019, 8, 13), Date(2019, 10, 13), Disposition::kUpheld);
  EXPECT_EQ(ratio(report_2019(ds), "reconsideration.on_time_rate"), "2/4");
}

// 15 days from the complaint (行政诉讼法 art. 67), the same four cases.
TEST(OnTime, TheDefenceIsJudgedByItsLastDay) {
  Dataset ds;
  const std::pair<Date, Date> cases[] = {{Date(2019, 3, 4), Date(2019, 3, 19)},
                                         {Date(2019, 3, 4), Date(2019, 3, 20)},
                                         {Date(2019, 9, 16), Date(2019, 10, 8)},
                                         {Date(2019, 9, 27), Date(2019, 10, 13)}};
  for (const auto& [filed, defence] : cases) {
    LitigationRecord l;
    l.case_id = "YS-" + std::to_string(ds.litigation().size() + 1);
    l.region = kRegion;
    l.filed_date = filed;
    l.instance = Instance::kFirst;
    l.defence_date = defence;
    ASSERT_TRUE(ds.add(l).ok());
  }
  EXPECT_EQ(ratio(report_2019(ds), "litigation.defence_on_time_rate"), "2/4");
}

// 7 working days from the application (法律援助法 art. 43): decided on the
// last day (Friday 03-15), on time; on Saturday 03-16, late; over 清明 on
// the last day (04-15), on time; applied Sunday 01-27 and decided on the
// first day of 春节 (02-04), late: the 7th working day was the make-up
// Sunday 02-03, though only 7 working days passed.
TEST(OnTime, TheLegalAidReviewIsJudgedByItsLastDay) {
  Dataset ds;
  add_aid(ds, Date(2019, 3, 6), Date(2019, 3, 15));
  add_aid(ds, Date(2019, 3, 6), Date(2019, 3, 16));
  add_aid(ds, Date(2019, 4, 3), Date(2019, 4, 15));
  add_aid(ds, Date(2019, 1, 27), Date(2019, 2, 4));
  const Report r = report_2019(ds);
  EXPECT_EQ(ratio(r, "legal_aid.review_on_time_rate"), "2/4");
  // The working days taken are still counted as working days: 7, 7, 7, 7.
  EXPECT_EQ(ratio(r, "legal_aid.review_workdays_max"), "7/1");
}

// A bureau's pledge (the reference report's 1 working day) replaces the 7:
// applied Monday 09-30, decided 10-08 (the first working day after National
// Day), on time; applied Friday 03-08, decided Saturday 03-09, before the
// last day (Monday 03-11), on time; applied Thursday 03-07, decided Saturday
// 03-09, after the last day (Friday 03-08), late, though only 1 working day
// passed.
TEST(OnTime, ThePledgeIsJudgedByItsLastDay) {
  Dataset ds;
  add_aid(ds, Date(2019, 9, 30), Date(2019, 10, 8));
  add_aid(ds, Date(2019, 3, 8), Date(2019, 3, 9));
  add_aid(ds, Date(2019, 3, 7), Date(2019, 3, 9));
  Profile pledge;
  pledge.legal_aid_review_limit_workdays = 1;
  EXPECT_EQ(ratio(report_2019(ds, pledge), "legal_aid.review_on_time_rate"), "2/3");
}

// 3 working days from the decision (art. 43): assigned on the last day
// (Friday 03-08), on time; on Saturday 03-09, late; over 清明 on the last
// day (04-09), on time; decided Thursday 09-26 and assigned on National Day
// 10-02, late: the 3rd working day was Monday 09-30.
TEST(OnTime, TheAssignmentIsJudgedByItsLastDay) {
  Dataset ds;
  add_aid(ds, Date(2019, 3, 4), Date(2019, 3, 5), Date(2019, 3, 8));
  add_aid(ds, Date(2019, 3, 4), Date(2019, 3, 5), Date(2019, 3, 9));
  add_aid(ds, Date(2019, 4, 2), Date(2019, 4, 3), Date(2019, 4, 9));
  add_aid(ds, Date(2019, 9, 25), Date(2019, 9, 26), Date(2019, 10, 2));
  EXPECT_EQ(ratio(report_2019(ds), "legal_aid.assignment_on_time_rate"), "2/4");
}

// A last day past the loaded calendar (2026 is the last year) is still known
// to lie after an act the calendar covers, for every unit: a review applied
// 2026-12-28 and decided 12-30, a decision 60 days from 2026-11-20 made on
// 12-01, and a defence 15 days from 12-20 given on 12-28 are on time, not
// undefined; a review decided in unloaded 2027 is not judged.
TEST(OnTime, ALastDayPastTheCalendarIsAfterAnActInIt) {
  Dataset ds;
  add_aid(ds, Date(2026, 12, 28), Date(2026, 12, 30));
  add_reconsideration(ds, Date(2026, 11, 19), Date(2026, 11, 20), Date(2026, 12, 1), Disposition::kUpheld);
  LitigationRecord l;
  l.case_id = "YS-1";
  l.region = kRegion;
  l.filed_date = Date(2026, 12, 20);
  l.instance = Instance::kFirst;
  l.defence_date = Date(2026, 12, 28);
  ASSERT_TRUE(ds.add(l).ok());
  absl::StatusOr<Report> r = compute_report(ds, kRegion, year_period(2026));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(ratio(*r, "legal_aid.review_on_time_rate"), "1/1");
  EXPECT_EQ(ratio(*r, "reconsideration.on_time_rate"), "1/1");
  EXPECT_EQ(ratio(*r, "litigation.defence_on_time_rate"), "1/1");
  Dataset late;
  add_aid(late, Date(2026, 12, 28), Date(2027, 1, 5));
  r = compute_report(late, kRegion, year_period(2027));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(ratio(*r, "legal_aid.review_on_time_rate"), "undef.");
}

// So is a case still pending at the end of 2026 whose limit ends in 2027:
// within its limit, not undefined. Accepted 2026-11-20 (60 days: 2027-01-19),
// filed 2026-08-03 (6 months: 2027-02-03), received 2026-12-15 (1 month:
// 2027-01-15); and, still past its limit, a mediation received 2026-11-02
// (1 month: Wednesday 12-02).
TEST(OnTime, APendingCaseWhoseLimitEndsPastTheCalendarIsWithinIt) {
  Dataset ds;
  add_reconsideration(ds, Date(2026, 11, 19), Date(2026, 11, 20));
  LitigationRecord l;
  l.case_id = "YS-1";
  l.region = kRegion;
  l.filed_date = Date(2026, 8, 3);
  l.instance = Instance::kFirst;
  ASSERT_TRUE(ds.add(l).ok());
  for (const Date received : {Date(2026, 12, 15), Date(2026, 11, 2)}) {
    MediationRecord m;
    m.case_id = "TJ-" + std::to_string(ds.mediation().size() + 1);
    m.region = kRegion;
    m.received_date = received;
    ASSERT_TRUE(ds.add(m).ok());
  }
  absl::StatusOr<Report> r = compute_report(ds, kRegion, year_period(2026));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(ratio(*r, "reconsideration.pending_over_limit_share"), "0/1");
  EXPECT_EQ(ratio(*r, "litigation.pending_over_limit_share"), "0/1");
  EXPECT_EQ(ratio(*r, "mediation.pending_over_limit_share"), "1/2");
  for (const std::string& n : r->data_quality.notices) {
    EXPECT_EQ(n.find("outside the loaded calendar"), std::string::npos) << n;
  }
}

// The narrative calls a longest review "compressed" only when it is shorter
// than the statutory review limit: 6 working days (applied Monday 03-04,
// decided Tuesday 03-12) is, the limit's 7 (03-13) is not.
TEST(OnTime, TheNarrativeComparesTheLongestReviewWithTheLaw) {
  auto narrative = [](Date decided) {
    Dataset ds;
    add_aid(ds, Date(2019, 3, 4), decided);
    std::string text;
    for (const std::string& p : report_2019(ds).narrative) text += p;
    return text;
  };
  EXPECT_NE(narrative(Date(2019, 3, 12)).find("法援申请的审查办结时限压缩到 6 个工作日"), std::string::npos);
  EXPECT_NE(narrative(Date(2019, 3, 13)).find("法援申请的审查办结时限最长为 7 个工作日"), std::string::npos);
}

// The first-instance and mediation limits are judged on the cases still
// pending at the period's end: past the limit when its last day is before
// that end. Ending on 2019-12-31 itself is not past it.
TEST(OnTime, APendingCaseIsPastItsLimitAfterItsLastDay) {
  Dataset ds;
  // 1 month: from Saturday 11-30 it ends Monday 12-30 (passed); from 12-01
  // on 2020-01-01, rolled over to 01-02 (not passed).
  for (const Date received : {Date(2019, 11, 30), Date(2019, 12, 1)}) {
    MediationRecord m;
    m.case_id = "TJ-" + std::to_string(ds.mediation().size() + 1);
    m.region = kRegion;
    m.received_date = received;
    ASSERT_TRUE(ds.add(m).ok());
  }
  // 6 months: from 06-30 it ends Monday 12-30 (passed); from 07-01 on
  // 2020-01-01, rolled over to 01-02 (not passed).
  for (const Date filed : {Date(2019, 6, 30), Date(2019, 7, 1)}) {
    LitigationRecord l;
    l.case_id = "YS-" + std::to_string(ds.litigation().size() + 1);
    l.region = kRegion;
    l.filed_date = filed;
    l.instance = Instance::kFirst;
    ASSERT_TRUE(ds.add(l).ok());
  }
  const Report r = report_2019(ds);
  EXPECT_EQ(ratio(r, "mediation.pending_over_limit_share"), "1/2");
  EXPECT_EQ(ratio(r, "litigation.pending_over_limit_share"), "1/2");
}

}  // namespace
}  // namespace fazhi
