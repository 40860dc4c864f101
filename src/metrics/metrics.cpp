#include "fazhi/metrics.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <string_view>
#include <unordered_set>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <boost/math/distributions/chi_squared.hpp>
#include <boost/multiprecision/cpp_int.hpp>
#include <boost/multiprecision/integer.hpp>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "platform/cpu.hpp"
#include "fazhi/text.hpp"
#include "fazhi/time_limits.hpp"
#include "platform/parallel.hpp"

namespace fazhi {

// ---- Periods and values ------------------------------------------------------

absl::StatusOr<Period> make_period(Date from, Date to) {
  if (to < from) {
    return absl::InvalidArgumentError(
        absl::StrCat("the period ends (", format_iso(to), ") before it starts (", format_iso(from), ")"));
  }
  return Period{to_day_number(from), to_day_number(to)};
}

Period year_period(int year) {
  const auto y = static_cast<unsigned short>(year);
  return Period{to_day_number(Date(y, 1, 1)), to_day_number(Date(y, 12, 31))};
}

Period previous_period(Period p) {
  const Date from = from_day_number(p.from), to = from_day_number(p.to);
  const Date after_to = to + boost::gregorian::days(1);
  // Whole months (a whole year is twelve of them): the same months before.
  if (from.day() == 1 && after_to.day() == 1) {
    const int months = (after_to.year() - from.year()) * 12 + (after_to.month() - from.month());
    const Date prev_from = from - boost::gregorian::months(months);
    return Period{to_day_number(prev_from), p.from - 1};
  }
  return Period{static_cast<DayNumber>(p.from - p.days()), p.from - 1};
}

Period year_ago_period(Period p) {
  const Date from = from_day_number(p.from), to = from_day_number(p.to);
  // The same month and day `years` earlier; 29 February becomes 28 February.
  auto earlier = [](Date d, int years) {
    const auto y = static_cast<unsigned short>(d.year() - years);
    const bool leap_day = d.month() == 2 && d.day() == 29 && !boost::gregorian::gregorian_calendar::is_leap_year(y);
    return to_day_number(Date(y, d.month(), leap_day ? 28 : static_cast<unsigned short>(d.day())));
  };
  for (int years = 1;; ++years) {
    const Period q{earlier(from, years), earlier(to, years)};
    if (q.to < p.from) return q;
  }
}

bool is_whole_years(Period p) {
  const Date from = from_day_number(p.from), to = from_day_number(p.to);
  return from.month() == 1 && from.day() == 1 && to.month() == 12 && to.day() == 31;
}

Reason Reason::intern(std::string_view text) {
  // Node-based, so an interned text's characters never move; never freed.
  static std::mutex* const kMutex = new std::mutex;
  static std::unordered_set<std::string>* const kTexts = new std::unordered_set<std::string>;
  const std::lock_guard<std::mutex> lock(*kMutex);
  return Reason(Interned{}, kTexts->emplace(text).first->c_str());
}

std::ostream& operator<<(std::ostream& os, const Reason& r) { return os << r.view(); }

Fraction Value::exact() const {
  switch (kind) {
    case ValueKind::kCount:
    case ValueKind::kRank: return Fraction(integer, 1);
    case ValueKind::kMoney: return Fraction(integer, 100).reduced();
    case ValueKind::kRatio:
    case ValueKind::kDays:
    case ValueKind::kNumber: return Fraction(num, den);
    case ValueKind::kUndefined: break;
  }
  return Fraction::undefined();
}

Value Value::count(int64_t n) {
  Value v;
  v.kind = ValueKind::kCount;
  v.integer = n;
  return v;
}
Value Value::money(int64_t fen) {
  Value v;
  v.kind = ValueKind::kMoney;
  v.integer = fen;
  return v;
}
Value Value::rank(int64_t r) {
  Value v;
  v.kind = ValueKind::kRank;
  v.integer = r;
  return v;
}
Value Value::days(int64_t num, int64_t den, Reason undefined_reason) {
  Value v = ratio(num, den, undefined_reason);
  if (v.defined()) v.kind = ValueKind::kDays;
  return v;
}
Value Value::ratio(int64_t num, int64_t den, Reason undefined_reason) {
  if (den == 0) return undefined(undefined_reason);
  Value v;
  v.kind = ValueKind::kRatio;
  v.num = num;
  v.den = den;
  return v;
}
Value Value::number(int64_t num, int64_t den, Reason undefined_reason) {
  Value v = ratio(num, den, undefined_reason);
  if (v.defined()) v.kind = ValueKind::kNumber;
  return v;
}
Value Value::undefined(Reason reason) {
  Value v;
  v.reason = reason;
  return v;
}

// ---- The catalogue -------------------------------------------------------------

namespace {

using K = ValueKind;
using F = Family;

// The order here is the report's order. Activity indicators come from the
// Indicator code table (records.cpp), so their ids and labels live there.
constexpr MetricInfo kCaseMetrics[] = {
    {"reconsideration.received", "收到行政复议申请", "件", F::kReconsideration, K::kCount, true},
    {"reconsideration.received_yoy", "同比", "%", F::kReconsideration, K::kRatio, false},
    {"reconsideration.accepted", "受理", "件", F::kReconsideration, K::kCount, true},
    {"reconsideration.closed", "办结", "件", F::kReconsideration, K::kCount, true},
    {"reconsideration.closed_carried_over", "其中办结上年未结", "件", F::kReconsideration, K::kCount, true},
    {"reconsideration.pending_start", "期初未结", "件", F::kReconsideration, K::kCount, true},
    {"reconsideration.pending_end", "期末未结", "件", F::kReconsideration, K::kCount, true},
    {"reconsideration.direct_correction_rate", "直接纠错率", "%", F::kReconsideration, K::kRatio, true},
    {"reconsideration.correction_rate", "综合纠错率", "%", F::kReconsideration, K::kRatio, true},
    {"reconsideration.not_litigated_rate", "未进入行政诉讼程序比例", "%", F::kReconsideration, K::kRatio, true},
    {"reconsideration.acceptance_on_time_rate", "按期审查率", "%", F::kReconsideration, K::kRatio, true},
    {"reconsideration.on_time_rate", "审限内结案率", "%", F::kReconsideration, K::kRatio, true},
    {"reconsideration.overdue", "超期办结", "件", F::kReconsideration, K::kCount, true},
    {"reconsideration.median_days", "办理天数（中位数）", "天", F::kReconsideration, K::kDays, true},
    {"reconsideration.mean_days", "办理天数（平均）", "天", F::kReconsideration, K::kDays, true},
    {"reconsideration.conclusion_rate", "结案率", "%", F::kReconsideration, K::kRatio, true},
    {"reconsideration.clearance_rate", "结收比", "%", F::kReconsideration, K::kRatio, true},
    {"reconsideration.disposition_time", "结案周期", "天", F::kReconsideration, K::kDays, true},
    {"reconsideration.pending_over_limit_share", "超审限未结占比", "%", F::kReconsideration, K::kRatio, true},

    {"litigation.received", "办理行政应诉案件", "件", F::kLitigation, K::kCount, true},
    {"litigation.received_first_instance", "其中一审", "件", F::kLitigation, K::kCount, true},
    {"litigation.judged_first_instance", "已判决的一审案件", "件", F::kLitigation, K::kCount, true},
    {"litigation.win_rate", "胜诉率", "%", F::kLitigation, K::kRatio, true},
    {"litigation.loss_rate", "败诉率", "%", F::kLitigation, K::kRatio, true},
    {"litigation.withdrawn_after_correction", "被告改变行为后撤诉", "件", F::kLitigation, K::kCount, true},
    {"litigation.head_appearance_rate", "行政机关负责人出庭应诉率", "%", F::kLitigation, K::kRatio, true},
    {"litigation.head_appearance_rate.first", "负责人出庭应诉率（一审）", "%", F::kLitigation, K::kRatio, true},
    {"litigation.head_appearance_rate.second", "负责人出庭应诉率（二审）", "%", F::kLitigation, K::kRatio, true},
    {"litigation.head_appearance_rate.retrial", "负责人出庭应诉率（再审）", "%", F::kLitigation, K::kRatio, true},
    {"litigation.lawyer_only", "仅委托律师出庭", "件", F::kLitigation, K::kCount, true},
    {"litigation.defence_on_time_rate", "按期答辩率", "%", F::kLitigation, K::kRatio, true},
    {"litigation.clearance_rate", "一审结收比", "%", F::kLitigation, K::kRatio, true},
    {"litigation.disposition_time", "一审结案周期", "天", F::kLitigation, K::kDays, true},
    {"litigation.pending_over_limit_share", "一审超审限未结占比", "%", F::kLitigation, K::kRatio, true},

    {"legal_aid.accepted", "受理法律援助案件", "件", F::kLegalAid, K::kCount, true},
    {"legal_aid.recovered_amount", "挽回经济损失", "元", F::kLegalAid, K::kMoney, true},
    {"legal_aid.review_workdays_max", "审查办结时限", "个工作日", F::kLegalAid, K::kDays, true},
    {"legal_aid.review_workdays_mean", "平均审查工作日", "个工作日", F::kLegalAid, K::kDays, true},
    {"legal_aid.review_on_time_rate", "审查按时率", "%", F::kLegalAid, K::kRatio, true},
    {"legal_aid.assignment_on_time_rate", "指派按时率", "%", F::kLegalAid, K::kRatio, true},
    {"legal_aid.lottery_share", "摇珠指派比例", "%", F::kLegalAid, K::kRatio, true},
    {"legal_aid.lottery_assignments", "摇珠指派案件", "件", F::kLegalAid, K::kCount, true},
    {"legal_aid.lottery_lawyers", "摇珠指派涉及律师", "名", F::kLegalAid, K::kCount, true},
    {"legal_aid.lottery_min", "每名律师摇珠指派最少", "件", F::kLegalAid, K::kCount, true},
    {"legal_aid.lottery_max", "每名律师摇珠指派最多", "件", F::kLegalAid, K::kCount, true},
    {"legal_aid.lottery_mean", "每名律师摇珠指派平均", "件", F::kLegalAid, K::kNumber, true},
    {"legal_aid.lottery_cv", "摇珠指派变异系数", "", F::kLegalAid, K::kNumber, false},
    {"legal_aid.lottery_chi2_p", "摇珠分配均衡性检验 p 值", "", F::kLegalAid, K::kNumber, false},
    {"legal_aid.commitment_share", "告知承诺制适用比例", "%", F::kLegalAid, K::kRatio, true},
    {"legal_aid.closed", "办结", "件", F::kLegalAid, K::kCount, true},
    {"legal_aid.accepted_rank", "受理量排名", "位", F::kLegalAid, K::kRank, false},
    {"legal_aid.clearance_rate", "结收比", "%", F::kLegalAid, K::kRatio, true},
    {"legal_aid.disposition_time", "结案周期", "天", F::kLegalAid, K::kDays, true},
    {"legal_aid.pending_over_limit_share", "超时限未结占比", "%", F::kLegalAid, K::kRatio, true},

    {"registry.law_firm", "律师事务所", "家", F::kRegistry, K::kCount, true},
    {"registry.lawyer", "执业律师", "人", F::kRegistry, K::kCount, true},
    {"registry.mediation_org", "调解组织", "个", F::kRegistry, K::kCount, true},
    {"registry.mediator_fulltime", "专职调解员", "名", F::kRegistry, K::kCount, true},
    {"registry.notary_office", "公证机构", "家", F::kRegistry, K::kCount, true},
    {"registry.notary_point", "公证业务办理点", "个", F::kRegistry, K::kCount, true},
    {"registry.legal_service_platform", "公共法律服务平台", "个", F::kRegistry, K::kCount, true},
    {"registry.law_firm.new", "新设律师事务所", "家", F::kRegistry, K::kCount, true},
    {"registry.lawyer.new", "新增执业律师", "人", F::kRegistry, K::kCount, true},
    {"registry.mediation_org.new", "新设调解组织", "个", F::kRegistry, K::kCount, true},
    {"registry.mediator_fulltime.new", "招录专职调解员", "名", F::kRegistry, K::kCount, true},
    {"registry.notary_office.new", "新设公证机构", "家", F::kRegistry, K::kCount, true},
    {"registry.notary_point.new", "新设公证业务办理点", "个", F::kRegistry, K::kCount, true},
    {"registry.legal_service_platform.new", "示范性公共法律服务平台", "个", F::kRegistry, K::kCount, true},

    {"mediation.received", "调解矛盾纠纷", "宗", F::kMediation, K::kCount, true},
    {"mediation.major_group", "重大群体性纠纷", "宗", F::kMediation, K::kCount, true},
    {"mediation.success_rate", "调解成功率", "%", F::kMediation, K::kRatio, true},
    {"mediation.received_rank", "办案量排名", "位", F::kMediation, K::kRank, false},
    {"mediation.clearance_rate", "结收比", "%", F::kMediation, K::kRatio, true},
    {"mediation.disposition_time", "结案周期", "天", F::kMediation, K::kDays, true},
    {"mediation.pending_over_limit_share", "超一个月未结占比", "%", F::kMediation, K::kRatio, true},
};

// The measure word of each activity indicator (docs/metrics.md's seeds).
struct IndicatorUnit {
  Indicator indicator;
  std::string_view unit;
};
constexpr IndicatorUnit kIndicatorUnits[] = {
    {Indicator::kDecisionLegalityReviews, "件"},
    {Indicator::kContractMajorReviews, "件"},
    {Indicator::kContractSampled, "份"},
    {Indicator::kEnforcementDepartmentsDisclosing, "个"},
    {Indicator::kEnforcementDisclosedRecords, "条"},
    {Indicator::kEnforcementDiscretionItems, "条"},
    {Indicator::kEnforcementExamTakers, "人次"},
    {Indicator::kEnforcementCertificates, "件"},
    {Indicator::kStaffExamTakers, "人"},
    {Indicator::kStaffExamPassed, "人"},
    {Indicator::kLawEducationEvents, "场"},
    {Indicator::kLawEducationMaterials, "册"},
    {Indicator::kLawEducationAudience, "人次"},
    {Indicator::kPublicLawyerMatters, "宗"},
    {Indicator::kPublicLawyerDocuments, "件"},
    {Indicator::kPublicLawyerDisputes, "宗次"},
    {Indicator::kLegalServiceServices, "件"},
    {Indicator::kVillageAdviserServices, "件次"},
    {Indicator::kLegalAidConsultations, "人次"},
    {Indicator::kLawFirmAcceptances, "家"},
    {Indicator::kLawFirmInspections, "次"},
};
static_assert(std::size(kIndicatorUnits) == kIndicatorCount - 1);

constexpr MetricInfo kStaffExamPassRate = {"staff_exam.pass_rate", "统一学法考试通过率", "%",
                                           F::kActivity, K::kRatio, true};

struct Catalogue {
  std::vector<MetricInfo> metrics;
  // activity_index[indicator] is the catalogue index of its metric, and
  // indicator_of[metric] the other way (0: not an indicator's count).
  std::array<size_t, kIndicatorCount> activity_index{};
  std::vector<uint8_t> indicator_of;
  absl::flat_hash_map<std::string, size_t> by_id;
};

const Catalogue& catalogue() {
  static const Catalogue* const kCatalogue = [] {
    auto* c = new Catalogue;
    for (const MetricInfo& m : kCaseMetrics) c->metrics.push_back(m);
    for (const IndicatorUnit& iu : kIndicatorUnits) {
      const std::string_view label = [&]() -> std::string_view {
        for (const CodeEntry& e : code_table<Indicator>()) {
          if (e.value == static_cast<uint8_t>(iu.indicator) && !e.labels.empty()) return e.labels[0];
        }
        return "";
      }();
      c->activity_index[static_cast<size_t>(iu.indicator)] = c->metrics.size();
      c->metrics.push_back(
          {code_name(iu.indicator), label, iu.unit, F::kActivity, K::kCount, true});
    }
    c->metrics.push_back(kStaffExamPassRate);
    c->indicator_of.assign(c->metrics.size(), 0);
    for (const IndicatorUnit& iu : kIndicatorUnits) {
      c->indicator_of[c->activity_index[static_cast<size_t>(iu.indicator)]] = static_cast<uint8_t>(iu.indicator);
    }
    for (size_t i = 0; i < c->metrics.size(); ++i) c->by_id[std::string(c->metrics[i].id)] = i;
    return c;
  }();
  return *kCatalogue;
}

// case_index is a case metric's catalogue index, found at compile time: a
// misspelt id does not compile. (Case metrics come first in the catalogue.)
consteval size_t case_index(std::string_view id) {
  for (size_t i = 0; i < std::size(kCaseMetrics); ++i) {
    if (kCaseMetrics[i].id == id) return i;
  }
  throw "no such metric id";  // not a constant expression: a compile error
}

}  // namespace

std::span<const MetricInfo> metric_catalogue() { return catalogue().metrics; }



std::optional<size_t> metric_index(std::string_view id) {
  const auto& by_id = catalogue().by_id;
  auto it = by_id.find(absl_view(id));
  if (it == by_id.end()) return std::nullopt;
  return it->second;
}

const RegionFigures* Figures::find(RegionCode code) const {
  for (const RegionFigures& r : regions) {
    if (r.code == code) return &r;
  }
  return nullptr;
}

// ---- Tallies: one pass over the records per period -------------------------------

namespace {

enum Counter : uint16_t {
  // Reconsideration
  kRReceived, kRAccepted, kRClosed, kRCarriedOver, kRPendingStart, kRPendingEnd,
  kRDirect, kRIndirect, kRWithdrawn, kRTerminated, kRDecidedOnMerits,
  kRNotLitigated, kRLitigatedKnown,
  kRIntakeDecided, kRIntakeOnTime, kRIntakeOffCalendar,
  kROnTime, kROverdue, kRDeadlineOffCalendar, kRDaysSum,
  kRPendingOverLimit, kRPendingOffCalendar,
  // Litigation
  kLReceived, kLReceivedFirst, kLClosedFirst, kLJudgedFirst, kLWinFirst, kLLossFirst,
  kLWithdrawnAfterCorrection, kLHearing, kLHead,
  kLHearingFirst, kLHeadFirst, kLHearingSecond, kLHeadSecond, kLHearingRetrial, kLHeadRetrial,
  kLLawyerOnly, kLDefenceKnown, kLDefenceOnTime, kLDefenceOffCalendar,
  kLPendingEndFirst, kLPendingOverLimitFirst, kLPendingOffCalendarFirst, kLClosedAll,
  // Legal aid
  kAAccepted, kAClosed, kARecoveredFenLow, kARecoveredFenHigh, kADecided, kAReviewSum, kAReviewMax,
  kAReviewOnTime, kAReviewOffCalendar, kAReviewDeadlineOffCalendar, kAAssigned, kAAssignedDecided,
  kAAssignOnTime, kAAssignOffCalendar,
  kALottery, kACommitment, kAPendingEnd, kAPendingOverLimit,
  // Mediation
  kMReceived, kMMajorGroup, kMClosed, kMSuccess, kMPendingEnd, kMPendingOverLimit, kMPendingOffCalendar,
  // Registry: standing and new, by RegistryKind
  kGStanding, kGNew = kGStanding + kRegistryKindCount, kGEnd = kGNew + kRegistryKindCount,
  // Activity: sum (as two halves, see SplitQuantity) and rows, by Indicator
  kXSumLow = kGEnd, kXSumHigh = kXSumLow + kIndicatorCount, kXRows = kXSumHigh + kIndicatorCount,
  kCounterCount = kXRows + kIndicatorCount,
};

// Quantities (money in fen, activity tallies) are any int64 >= 0, so their
// sums can pass 64 bits. Each is summed as two counters, its low and its
// high 32 bits apart, plain int64 sums like every other counter (rolled up
// and merged by the same loops) that cannot overflow: a row adds less than
// 2^32 to either, and a kind holds fewer than 2^31 rows. quantity_sum joins
// the halves in 128 bits, and a total past INT64_MAX is refused, not wrapped.
constexpr int64_t kLow32 = 0xFFFFFFFF;
constexpr char kSumTooLarge[] =
    "the sum is more than 9223372036854775807, the largest whole number a figure holds";

std::optional<int64_t> quantity_sum(int64_t low, int64_t high) {
  const __int128 sum = static_cast<__int128>(high) * (__int128{1} << 32) + low;
  if (sum > std::numeric_limits<int64_t>::max()) return std::nullopt;
  return static_cast<int64_t>(sum);
}

// LawyerKey numbers the lawyers the lottery drew 0, 1, ... in the order the
// pass first met them, region by region in code order (tally), so that the
// districts of a city have neighbouring keys.
using LawyerKey = uint32_t;
using LawyerCases = std::pair<LawyerKey, int64_t>;

// LawyerCounts sums cases by lawyer in a counter per key, noting the lawyers
// in the order first met: no sort and no hash per draw, and clearing costs
// only the lawyers met. The counters grow to the largest key met, so an
// instance is kept as scratch and reused.
class LawyerCounts {
 public:
  void add(LawyerKey lawyer, int64_t cases) {
    if (lawyer >= cases_.size()) [[unlikely]] reserve(std::max<size_t>(size_t{lawyer} + 1, 2 * cases_.size()));
    // The lawyer is noted every time and kept by moving the end on when
    // first met, without a branch: whether a lawyer is new is at random.
    met_[met_count_] = lawyer;
    met_count_ += cases_[lawyer] == 0;
    cases_[lawyer] += cases;  // cases > 0: a lawyer met is never at 0
  }
  // take appends (lawyer, cases) of each lawyer met, in the order met, to
  // `out`, and starts over.
  void take(std::vector<LawyerCases>& out) {
    for (size_t k = 0; k < met_count_; ++k) {
      const LawyerKey lawyer = met_[k];
      out.emplace_back(lawyer, cases_[lawyer]);
      cases_[lawyer] = 0;
    }
    met_count_ = 0;
  }

 private:
  // reserve makes room for the lawyers 0 .. n - 1.
  void reserve(size_t n) {
    if (n > cases_.size()) {
      cases_.resize(n);
      met_.resize(n + 1);  // every lawyer met, and the place add writes next
    }
  }

  std::vector<int64_t> cases_;
  std::vector<LawyerKey> met_;  // the first met_count_ are the lawyers met
  size_t met_count_ = 0;
};

// DayCounts holds the days from acceptance to closing of a region's concluded
// cases (a district's own, or a roll-up's from its districts' lists) as a
// count per number of days, for the median: days are small non-negative
// integers, so a case costs one increment and the median a walk up to it,
// where nth_element over a copy would branch at random on every case.
class DayCounts {
 public:
  void add(std::span<const int32_t> days) {  // days >= 0; the span must outlive clear()
    for (const int32_t d : days) {
      const auto i = static_cast<size_t>(d);
      if (i >= counts_.size()) counts_.resize(i + 1);
      ++counts_[i];
    }
    size_ += days.size();
    added_.push_back(days);
  }
  size_t size() const { return size_; }
  // median is the middle value; of an even count, the mean of the two middle
  // ones (docs/metrics.md).
  Value median() const {
    if (size_ == 0) return Value::undefined("no cases concluded in the period");
    size_t days = 0, below = 0;  // below: the cases of fewer than `days` days
    auto kth = [&](size_t k) {   // the k-th smallest (from 0), k not below the last k asked
      while (below + counts_[days] <= k) below += counts_[days++];
      return static_cast<int64_t>(days);
    };
    const size_t mid = size_ / 2;
    if (size_ % 2 == 1) return Value::days(kth(mid), 1, "");
    const int64_t lower = kth(mid - 1);
    return Value::days(lower + kth(mid), 2, "");
  }
  // clear takes back every day added: the cost of what was added, not of the
  // longest case.
  void clear() {
    for (const std::span<const int32_t> days : added_) {
      for (const int32_t d : days) counts_[static_cast<size_t>(d)] = 0;
    }
    added_.clear();
    size_ = 0;
  }

 private:
  std::vector<size_t> counts_;
  std::vector<std::span<const int32_t>> added_;
  size_t size_ = 0;
};

// LotterySums is what the lottery's figures need of some lawyers' case
// counts c_i: how many lawyers, N = sum c_i, the fewest and the most, and
// sum c_i^2. The sums of two sets of lawyers with none in common add up.
struct LotterySums {
  int64_t lawyers = 0, assignments = 0, min = 0, max = 0;
  int64_t squares = 0;  // sum c^2 <= N^2: 64 bits for fewer than 3 billion records
  void add_lawyer(int64_t cases) { add({1, cases, cases, cases, cases * cases}); }
  void add(const LotterySums& o) {
    if (o.lawyers == 0) return;
    min = lawyers == 0 ? o.min : std::min(min, o.min);
    max = std::max(max, o.max);
    lawyers += o.lawyers;
    assignments += o.assignments;
    squares += o.squares;
  }
};

// Tally is one region's counters for one period: its own records plus those
// of every region inside it, summed from the record pass's Blocks when the
// region's values are made (one scratch Tally per period, reused).
struct Tally {
  std::array<int64_t, kCounterCount> n{};
  // Days from acceptance to closing of the concluded cases, for the median.
  DayCounts recon_days;
  // The lottery assignments with a lawyer id, counted by lawyer. A lawyer
  // drawn in two districts counts once in a roll-up of both, with both
  // districts' cases: such lawyers are listed as (lawyer, cases), one entry
  // per lawyer, and a roll-up sums its districts' lists by lawyer. The
  // others, drawn in one district only, are final there, so a roll-up adds
  // their LotterySums (Pass::lottery_own).
  LotterySums lottery_own;
  std::vector<LawyerCases> lottery_shared;
  LawyerCounts lawyer_counts;  // scratch for the sums
};

// SlotValue is one value the pass meets for a region and period (slot: row *
// 2 + period): a lottery draw's lawyer, a concluded case's days. Appended in
// record order to one flat list, and grouped by slot after the pass, since
// appending to a list per slot would touch a random list per record.
struct SlotValue {
  // Left uninitialized by default: the pass sizes its list of draws for
  // every row and writes only the draws, so a vector of them is not zeroed
  // first (nor its pages touched) for nothing.
  SlotValue() {}  // NOLINT: not = default, which would zero them
  SlotValue(uint32_t s, uint32_t v) : slot(s), value(v) {}
  uint32_t slot;
  uint32_t value;
};
using LotteryDraw = SlotValue;  // value: the lawyer's TextId
using CaseDays = SlotValue;     // value: days from acceptance to closing

// group_by_slot orders `values` by slot (a counting sort, stable), as one list
// with begin[slot] .. begin[slot + 1] the slot's values; begin has slots + 1
// entries. The pass appends a run of one region's records at a time, so the
// values come in long stretches of one slot pair (a region's two periods,
// slots 2r and 2r + 1, at random): each stretch is counted, and placed, in
// registers, since an increment in memory per value waits on the previous
// one, which is mostly to the same place.
template <typename T>
void group_by_slot(std::span<const SlotValue> values, size_t slots, std::vector<T>& grouped,
                   std::vector<uint32_t>& begin) {
  begin.assign(slots + 1, 0);
  // stretch calls f(first, end, pair) for each stretch [first, end) of one pair.
  auto each_stretch = [&](auto&& f) {
    for (size_t first = 0; first < values.size();) {
      const uint32_t pair = values[first].slot >> 1;
      size_t end = first + 1;
      while (end < values.size() && values[end].slot >> 1 == pair) ++end;
      f(first, end, pair);
      first = end;
    }
  };
  each_stretch([&](size_t first, size_t end, uint32_t pair) {
    uint32_t odd = 0;
    for (size_t i = first; i < end; ++i) odd += values[i].slot & 1;
    begin[2 * size_t{pair} + 1] += static_cast<uint32_t>(end - first) - odd;
    begin[2 * size_t{pair} + 2] += odd;
  });
  for (size_t slot = 0; slot < slots; ++slot) begin[slot + 1] += begin[slot];
  grouped.resize(values.size());
  std::vector<uint32_t> next(begin.begin(), begin.end() - 1);
  each_stretch([&](size_t first, size_t end, uint32_t pair) {
    std::array<uint32_t, 2> at = {next[2 * size_t{pair}], next[2 * size_t{pair} + 1]};
    for (size_t i = first; i < end; ++i) {
      const uint32_t odd = values[i].slot & 1;
      grouped[at[odd]] = static_cast<T>(values[i].value);
      at[0] += 1 - odd;
      at[1] += odd;
    }
    next[2 * size_t{pair}] = at[0];
    next[2 * size_t{pair} + 1] = at[1];
  });
}

// Counts<First> addresses one family's block of counters by their Counter
// names, so the tally code reads ++n[kRReceived] whatever the layout.
template <int First>
struct Counts {
  int64_t* p;
  int64_t& operator[](int k) const { return p[k - First]; }
};

// Block holds one record family's counters for every region and both periods,
// the two periods of a region side by side: a record updates one small,
// contiguous slot instead of a region's whole Tally, and a run of one
// region's records (for_each_run) works in one place.
//
// A region has kSlots slots: the period's, the previous one's, and a discard
// slot that a record dated in neither counts into, so the pass adds to the
// slot a date picks (slot_of) without branching on it.
constexpr size_t kSlots = 3;
constexpr int kDiscard = 2;

template <int First, int End>
struct Block {
  static constexpr size_t kWidth = End - First;
  std::vector<int64_t> n;
  explicit Block(size_t regions) : n(regions * kSlots * kWidth) {}
  Counts<First> at(uint32_t r, int slot) { return {&n[(size_t{r} * kSlots + static_cast<size_t>(slot)) * kWidth]}; }
  // merge adds another pass's counters (of other rows) into these.
  void merge(const Block& o) {
    for (size_t i = 0; i < n.size(); ++i) {
      if constexpr (First <= kAReviewMax && kAReviewMax < End) {
        if (i % kWidth == kAReviewMax - First) {
          n[i] = std::max(n[i], o.n[i]);
          continue;
        }
      }
      n[i] += o.n[i];
    }
  }
  // add_to adds region r's counters for `period` into a tally's. A maximum
  // (the longest review) rolls up as the maximum, every other counter as the sum.
  void add_to(std::array<int64_t, kCounterCount>& out, size_t r, int period) const {
    const int64_t* src = &n[(r * kSlots + static_cast<size_t>(period)) * kWidth];
    int64_t* dst = out.data() + First;
    if constexpr (First <= kAReviewMax && kAReviewMax < End) {
      const int64_t max = std::max(out[kAReviewMax], src[kAReviewMax - First]);
      for (size_t i = 0; i < kWidth; ++i) dst[i] += src[i];
      out[kAReviewMax] = max;
    } else {
      for (size_t i = 0; i < kWidth; ++i) dst[i] += src[i];
    }
  }
};

using ReconsiderationBlock = Block<kRReceived, kLReceived>;
using LitigationBlock = Block<kLReceived, kAAccepted>;
using LegalAidBlock = Block<kAAccepted, kMReceived>;
using MediationBlock = Block<kMReceived, kGStanding>;
using RegistryBlock = Block<kGStanding, kGEnd>;
using ActivityBlock = Block<kXSumLow, kCounterCount>;

// The two periods of one pass: [0] the report's, [1] the previous one.
using Periods = std::array<Period, 2>;

bool has(DayNumber d) { return d != kNoDay; }

// in is Period::contains as one unsigned comparison (from <= d <= to as
// d - from <= to - from, modulo 2^32; compute_figures has checked from <= to),
// without a branch: the record pass asks it of every date, and dates fall
// inside and outside at random, so a branch would be mispredicted.
bool in(const Period& p, DayNumber d) {
  return static_cast<uint32_t>(d) - static_cast<uint32_t>(p.from) <=
         static_cast<uint32_t>(p.to) - static_cast<uint32_t>(p.from);
}

// slot_of is the Block slot of a day: 0 in the period, 1 in the previous one,
// kDiscard in neither (kNoDay included). The periods do not overlap.
int slot_of(const Periods& p, DayNumber d) {
  return kDiscard - 2 * static_cast<int>(in(p[0], d)) - static_cast<int>(in(p[1], d));
}

// days_from is to - from, for loops that compute it for every row, recorded
// or not (kNoDay), and keep it only where both days are: modulo 2^32, so no
// row overflows (which would be undefined), and exact for two recorded days.
int32_t days_from(DayNumber from, DayNumber to) {
  return static_cast<int32_t>(static_cast<uint32_t>(to) - static_cast<uint32_t>(from));
}

// open_at_end: a case (or an entity) opened on `opened` and closed on
// `closed` (kNoDay: not yet) is open at the end of day d when
// opened <= d < closed. Pending at a period's end is open at p.to; pending
// at its start, open at p.from - 1. Bitwise, so that loops over runs
// vectorize and nothing branches on dates that fall either way at random.
bool open_at_end(DayNumber d, DayNumber opened, DayNumber closed) {
  return has(opened) & (opened <= d) & (!has(closed) | (d < closed));
}

// The record pass is compiled twice on x86-64 (cpu.hpp): for any x86-64 and
// for AVX2, chosen in record_pass. Its loops over runs vectorize, and AVX2's
// registers are twice as wide. Its parts (FAZHI_PASS_PART) are inlined into
// both builds, so each gets its own code.
#if FAZHI_AVX2_BUILDS
#define FAZHI_PASS_PART __attribute__((always_inline))
#else
#define FAZHI_PASS_PART
#endif

// DayTable is one time limit's last day (try_deadline, with the profile's
// rules) for every start day of a window around the report's periods, asked
// of the Calendar once per pass.
// The record pass needs a time limit for nearly every record, and the
// Calendar's answer (date conversions, the roll-over loop) costs ~100
// instructions and a mispredicted branch or two; a table costs a load. A
// start day outside the window is asked of the Calendar, so every answer is
// the Calendar's own. kNoDay stands for "the calendar cannot answer".
class DayTable {
 public:
  DayTable(const Calendar& cal, PeriodRules rules, const TimeLimit& limit, DayNumber from, DayNumber to)
      : cal_(&cal), rules_(rules), limit_(limit), from_(from) {
    ends_.resize(static_cast<size_t>(to - from) + 1);
    for (size_t i = 0; i < ends_.size(); ++i) ends_[i] = ask(from + static_cast<DayNumber>(i));
  }
  DayNumber end(DayNumber start) const {
    const uint32_t i = static_cast<uint32_t>(start) - static_cast<uint32_t>(from_);
    if (i < ends_.size()) [[likely]] return ends_[i];
    return ask(start);
  }
  // The window: the start days the table holds.
  DayNumber first() const { return from_; }
  DayNumber last() const { return from_ + static_cast<DayNumber>(ends_.size()) - 1; }
  // end_each answers end(start[i]) for i < out.size() into out[i] (kNoDay for
  // a start not recorded), for a run's rows at once, as
  // WorkdayTable::between_each does: the table's loads vectorize, and only
  // the starts outside the window ask the Calendar.
  FAZHI_PASS_PART inline void end_each(const DayNumber* start, std::span<DayNumber> out) const {
    const auto size = static_cast<uint32_t>(ends_.size());
    if (from_table(ends_.data(), size, static_cast<uint32_t>(from_), start, out.data(), out.size()) == 0) return;
    for (size_t i = 0; i < out.size(); ++i) {
      if (static_cast<uint32_t>(start[i]) - static_cast<uint32_t>(from_) >= size && has(start[i])) {
        out[i] = ask(start[i]);
      }
    }
  }

 private:
  // from_table answers end_each's starts inside the window, `size` days from
  // `from`, and kNoDay for the others; it returns how many of those are
  // recorded days. Masks rather than choices, and __restrict, as in
  // WorkdayTable::from_table.
  FAZHI_PASS_PART static inline uint32_t from_table(const DayNumber* __restrict ends, uint32_t size, uint32_t from,
                                                    const DayNumber* __restrict start, DayNumber* __restrict out,
                                                    size_t n) {
    uint32_t outside = 0;
    for (size_t i = 0; i < n; ++i) {
      const uint32_t k = static_cast<uint32_t>(start[i]) - from;
      const bool inside = k < size;
      const uint32_t keep = 0u - static_cast<uint32_t>(inside);
      const auto end = static_cast<uint32_t>(ends[k & keep]);
      out[i] = static_cast<DayNumber>((end & keep) | (static_cast<uint32_t>(kNoDay) & ~keep));
      outside += !inside & has(start[i]);
    }
    return outside;
  }
  DayNumber ask(DayNumber start) const {
    DayNumber out = 0;
    return try_deadline(*cal_, limit_, start, rules_, out) ? out : kNoDay;
  }
  const Calendar* cal_;
  PeriodRules rules_;
  TimeLimit limit_;
  DayNumber from_;
  std::vector<DayNumber> ends_;
};

// WorkdayTable answers Calendar::try_workdays_between for two days of a
// window from a table of the window's working days, asked of the Calendar
// once per pass (a table lookup is two loads; the Calendar checks its
// coverage of both days and the span between them on every call). A day
// outside the window, or a window the Calendar does not wholly cover, is
// asked of the Calendar, so every answer is the Calendar's own.
class WorkdayTable {
 public:
  WorkdayTable(const Calendar& cal, DayNumber from, DayNumber to) : cal_(&cal), from_(from) {
    // The window runs on a year past `to` where the Calendar covers that
    // year: a case decided late in a period is often assigned after it.
    int32_t wd = 0;
    if (cal.try_workdays_between(from, to + 366, wd)) {
      to += 366;
    } else if (!cal.try_workdays_between(from, to, wd)) {
      return;  // not wholly covered: ask the Calendar
    }
    before_.resize(static_cast<size_t>(to - from) + 1);
    for (size_t i = 0; i < before_.size(); ++i) {
      cal.try_workdays_between(from, from + static_cast<DayNumber>(i), before_[i]);
    }
  }
  bool between(DayNumber a, DayNumber b, int32_t& out) const {
    const uint32_t ia = static_cast<uint32_t>(a) - static_cast<uint32_t>(from_);
    const uint32_t ib = static_cast<uint32_t>(b) - static_cast<uint32_t>(from_);
    if ((ia < before_.size()) & (ib < before_.size())) [[likely]] {
      out = before_[ib] - before_[ia];
      return true;
    }
    return cal_->try_workdays_between(a, b, out);
  }
  // kOffCalendar: between_each's answer for two days the Calendar cannot
  // count between (or a day not recorded).
  static constexpr int32_t kOffCalendar = INT32_MIN;
  // between_each answers between(a[i], b[i]) for i < out.size() into out[i],
  // kOffCalendar where it has no answer. The pass asks it of a run's rows at
  // once: the table's loads do not wait on a branch per row and vectorize
  // (AVX2 gathers), and only the rows outside the window ask the Calendar.
  FAZHI_PASS_PART inline void between_each(const DayNumber* a, const DayNumber* b, std::span<int32_t> out) const {
    const auto size = static_cast<uint32_t>(before_.size());
    const uint32_t outside = size > 0 ? from_table(before_.data(), size, static_cast<uint32_t>(from_), a, b,
                                                   out.data(), out.size())
                                      : static_cast<uint32_t>(out.size());
    if (outside == 0) return;  // no day recorded outside the window
    for (size_t i = 0; i < out.size(); ++i) {
      const uint32_t ia = static_cast<uint32_t>(a[i]) - static_cast<uint32_t>(from_);
      const uint32_t ib = static_cast<uint32_t>(b[i]) - static_cast<uint32_t>(from_);
      if ((ia < size) & (ib < size)) continue;
      int32_t wd = 0;
      out[i] = has(a[i]) && has(b[i]) && cal_->try_workdays_between(a[i], b[i], wd) ? wd : kOffCalendar;
    }
  }

 private:
  // from_table answers between_each's rows inside the window, `size` days
  // from `from`, and kOffCalendar for the others; it returns how many of
  // those have both days recorded. __restrict parameters: GCC gathers the
  // table's loads only when it knows the answers are not in the table.
  FAZHI_PASS_PART static inline uint32_t from_table(const int32_t* __restrict before, uint32_t size, uint32_t from,
                                                    const DayNumber* __restrict a, const DayNumber* __restrict b,
                                                    int32_t* __restrict out, size_t n) {
    uint32_t outside = 0;
    for (size_t i = 0; i < n; ++i) {
      const uint32_t ia = static_cast<uint32_t>(a[i]) - from, ib = static_cast<uint32_t>(b[i]) - from;
      // Masks rather than choices, which GCC compiles as branches.
      const bool inside = (ia < size) & (ib < size);
      const uint32_t keep = 0u - static_cast<uint32_t>(inside);
      const uint32_t wd = static_cast<uint32_t>(before[ib & keep] - before[ia & keep]);
      out[i] = static_cast<int32_t>((wd & keep) | (static_cast<uint32_t>(kOffCalendar) & ~keep));
      outside += !inside & has(a[i]) & has(b[i]);
    }
    return outside;
  }

  const Calendar* cal_;
  DayNumber from_;
  std::vector<int32_t> before_;  // working days from `from_` to each day of the window
};

// PendingCounters names a family's three counters of the cases pending at
// a period's end: all of them, those past their time limit, and those whose
// limit the calendar cannot give.
struct PendingCounters {
  int pending, over_limit, off_calendar;
};
constexpr PendingCounters kReconsiderationPending{kRPendingEnd, kRPendingOverLimit, kRPendingOffCalendar};
constexpr PendingCounters kFirstInstancePending{kLPendingEndFirst, kLPendingOverLimitFirst,
                                                kLPendingOffCalendarFirst};
constexpr PendingCounters kMediationPending{kMPendingEnd, kMPendingOverLimit, kMPendingOffCalendar};

// PendingLimits lets a vectorized loop count the cases pending at a
// period's end whose time limit (a DayTable's end for their start day) had
// passed by then, or lies outside the calendar, by comparing start days
// rather than looking each one up. When the ends never fall as the start day
// grows (a later start never ends sooner: true of every period the Calendar
// counts, and checked here rather than assumed), the window's start days the
// Calendar answers for are one run [known_lo, known_hi], and the limit had
// passed by day d exactly for the starts of that run before the first whose
// end is on or after d. A start after that run has an end past the calendar:
// when the calendar covers the days from it to the period's end, the limit
// had not passed (as Timeliness judges). A start outside the window is left
// to tally_pending, which asks the Calendar; so is every start when the check
// fails (the window is then empty).
struct PendingLimits {
  PendingLimits(const Calendar& cal, const DayTable& table, const Periods& periods) {
    DayNumber lo = INT32_MAX, hi = INT32_MIN, last_end = INT32_MIN;
    for (DayNumber start = table.first(); start <= table.last(); ++start) {
      const DayNumber end = table.end(start);
      if (!has(end)) continue;
      if ((lo <= hi && start != hi + 1) || end < last_end) return;  // not one run, or an end that falls
      lo = std::min(lo, start);
      hi = start;
      last_end = end;
    }
    window_lo = table.first();
    window_hi = table.last();
    known_lo = lo;
    known_hi = hi;
    for (size_t k = 0; k < periods.size(); ++k) {
      const DayNumber at = periods[k].to;
      over_before[k] = lo;
      while (over_before[k] <= hi && table.end(over_before[k]) < at) ++over_before[k];
      int32_t days = 0;
      for (DayNumber start = std::min(at, window_hi);
           start > std::max(hi, window_lo - 1) && cal.try_workdays_between(start, at, days); --start) {
        within_from[k] = start;
      }
    }
  }
  // A start day in the window (or, when empty, none is).
  bool in_window(DayNumber start) const { return (start >= window_lo) & (start <= window_hi); }
  // Counts are a run's sums for one period; add adds a case opened on
  // `opened`, pending or not at the period's end, as tally_pending would,
  // when `opened` is in the window; a pending case opened outside it is
  // only counted in `outside`, for tally_pending to take. Without a branch:
  // called in loops the compiler vectorizes.
  struct Counts {
    uint32_t pending = 0, over_limit = 0, off_calendar = 0, outside = 0;
    // add_to adds the sums (all but `outside`) to a region's counters.
    template <typename N>
    void add_to(N n, PendingCounters counters) const {
      n[counters.pending] += pending;
      n[counters.over_limit] += over_limit;
      n[counters.off_calendar] += off_calendar;
    }
  };
  void add(Counts& c, size_t which, bool pending, DayNumber opened) const {
    const bool windowed = in_window(opened);
    const bool known = (opened >= known_lo) & (opened <= known_hi);
    const bool ends_past_calendar = opened >= within_from[which];
    c.pending += pending & windowed;
    c.off_calendar += pending & windowed & !known & !ends_past_calendar;
    c.over_limit += pending & known & (opened < over_before[which]);
    c.outside += pending & !windowed;
  }
  DayNumber window_lo = INT32_MAX, window_hi = INT32_MIN;
  DayNumber known_lo = INT32_MAX, known_hi = INT32_MIN;  // the starts with a known end
  // Per period: a start in [known_lo, over_before[k]) is past its limit at periods[k].to.
  std::array<DayNumber, 2> over_before{};
  // Per period: a start from within_from[k] on (after known_hi) ends past the
  // calendar, which covers it to periods[k].to: within its limit then.
  std::array<DayNumber, 2> within_from{INT32_MAX, INT32_MAX};
};

// kDecisionLimits: the reconsideration decision period (行政复议法 (2023)
// art. 62), by procedure: simple, ordinary, extended.
constexpr std::array<TimeLimit, 3> kDecisionLimits = {time_limits::kReconsiderationDecisionSimple,
                                                      time_limits::kReconsiderationDecision,
                                                      time_limits::kReconsiderationDecisionExtended};

// Deadlines holds the time limits the record pass asks for, from the table
// of time_limits.hpp (the legal-aid ones with the profile's counts).
struct Deadlines {
  // The window: the two periods and two years before, where most start days
  // of the cases a report counts fall.
  Deadlines(const Calendar& cal, const Profile& profile, const Periods& periods)
      : from(std::min(periods[0].from, periods[1].from) - 2 * 366), to(std::max(periods[0].to, periods[1].to)),
        acceptance_review(cal, profile.period_rules, time_limits::kReconsiderationAcceptanceReview, from, to),
        decision{{{cal, profile.period_rules, kDecisionLimits[0], from, to},
                  {cal, profile.period_rules, kDecisionLimits[1], from, to},
                  {cal, profile.period_rules, kDecisionLimits[2], from, to}}},
        defence(cal, profile.period_rules, time_limits::kLitigationDefence, from, to),
        first_instance(cal, profile.period_rules, time_limits::kLitigationFirstInstance, from, to),
        legal_aid_review(cal, profile.period_rules,
                         time_limits::kLegalAidReview.with_count(profile.legal_aid_review_limit_workdays), from, to),
        legal_aid_assignment(
            cal, profile.period_rules,
            time_limits::kLegalAidAssignment.with_count(profile.legal_aid_assignment_limit_workdays), from, to),
        mediation(cal, profile.period_rules, time_limits::kMediation, from, to),
        workdays(cal, from, to),
        first_instance_pending(cal, first_instance, periods),
        mediation_pending(cal, mediation, periods) {}
  DayNumber from, to;
  DayTable acceptance_review;         // reconsideration: accept or refuse
  std::array<DayTable, 3> decision;   // reconsideration: kDecisionLimits
  DayTable defence;                   // litigation: defence and evidence
  DayTable first_instance;            // litigation: first instance
  DayTable legal_aid_review;          // legal aid: review of the application
  DayTable legal_aid_assignment;      // legal aid: assignment after the decision
  DayTable mediation;                 // mediation
  WorkdayTable workdays;              // working days between two days (intake, review, assignment)
  PendingLimits first_instance_pending;
  PendingLimits mediation_pending;
};

// Timeliness judges acts against their time limits, by one rule for every
// limit (docs/time_limits.md): an act dated `act` meets a limit whose last day is
// `due` iff act <= due, so an act on a rest day after the last day is late
// even when no working day passed in between. When the calendar cannot give
// the last day (kNoDay) but covers every day from the limit's start to the
// act, the last day lies past the act, which is then on time; otherwise the
// act is left unjudged (off the calendar).
//
// add judges a row by its last day, adding the tests' results rather than
// branching on them, so that loops of it vectorize; it only counts the rows
// without a last day, rare, which settle then judges one by one.
struct Timeliness {
  uint32_t on_time = 0, off_calendar = 0, unknown = 0;
  FAZHI_PASS_PART void add(bool counted, DayNumber act, DayNumber due) {
    on_time += counted & has(due) & (act <= due);
    unknown += counted & !has(due);
  }
  // JudgedRow is what settle needs of a row: whether it is counted, the
  // limit's start, the act, and the last day.
  struct JudgedRow {
    bool counted;
    DayNumber start, act, due;
  };
  // settle judges the rows [b, e) that add counted as unknown; row(i) is
  // row i's JudgedRow.
  template <typename Row>
  FAZHI_PASS_PART inline void settle(const WorkdayTable& workdays, size_t b, size_t e, Row&& row) {
    if (unknown == 0) return;
    for (size_t i = b; i < e; ++i) {
      const JudgedRow r = row(i);
      if (!r.counted || has(r.due)) continue;
      int32_t days = 0;
      const bool in_calendar = has(r.start) && has(r.act) && workdays.between(r.start, r.act, days);
      on_time += in_calendar;
      off_calendar += !in_calendar;
    }
    unknown = 0;
  }
};

// PendingCounts sums the cases pending at one period's end `at`, those whose
// time limit `end` had passed by then, and those the calendar cannot judge:
// one rule for every family with a time limit, Timeliness's (settle
// `within` before add_to). It adds the tests' results rather than branching
// on them, so that loops of it vectorize.
struct PendingCounts {
  uint32_t pending = 0;
  // A case is within its limit at `at` as an act dated `at` would be on time.
  Timeliness within;
  FAZHI_PASS_PART void add(bool is_pending, DayNumber end, DayNumber at) {
    pending += is_pending;
    within.add(is_pending, at, end);
  }
  template <typename N>
  void add_to(N n, PendingCounters counters) const {
    const uint32_t off_calendar = within.off_calendar + within.unknown;  // unknown: not settled
    n[counters.pending] += pending;
    n[counters.over_limit] += pending - within.on_time - off_calendar;
    n[counters.off_calendar] += off_calendar;
  }
};

// tally_pending counts a case opened on `opened` and closed on `closed` as
// pending at the end of each period it spans (open_at_end(p.to)), by
// PendingCounts with its time limit (`limit()`, kNoDay when the calendar
// cannot answer). Most cases are pending at neither end, and the limit is
// asked only of those that are; otherwise it adds the tests' results instead
// of branching on them: a case is pending at one end and not at the other at
// random.
template <typename B, typename Limit>
FAZHI_PASS_PART inline
void tally_pending(B& block, uint32_t region, const Periods& periods, const WorkdayTable& workdays, DayNumber opened,
                   DayNumber closed, Limit&& limit, PendingCounters counters) {
  std::array<bool, 2> is_pending;
  for (size_t which = 0; which < 2; ++which) {
    is_pending[which] = open_at_end(periods[which].to, opened, closed);
  }
  if (!(is_pending[0] | is_pending[1])) return;
  const DayNumber end = limit();
  for (int which = 0; which < 2; ++which) {
    const bool open = is_pending[static_cast<size_t>(which)];
    const DayNumber at = periods[static_cast<size_t>(which)].to;
    PendingCounts pending;
    pending.add(open, end, at);
    pending.within.settle(workdays, 0, 1, [&](size_t) { return Timeliness::JudgedRow{open, opened, at, end}; });
    pending.add_to(block.at(region, which), counters);
  }
}

// The reconsideration decision period (kDecisionLimits) from acceptance.
// Without a recorded acceptance the case counts as accepted when the
// acceptance review ends (行政复议法 (2023) art. 30 para 3). kNoDay when the
// calendar cannot answer.
FAZHI_PASS_PART inline
DayNumber reconsideration_deadline(const ReconsiderationColumns& r, size_t i, const Profile& profile,
                                   const Calendar& cal, const Deadlines& deadlines, DayNumber review_end,
                                   DayNumber& acceptance) {
  acceptance = has(r.accepted[i]) ? r.accepted[i] : review_end;
  if (!has(acceptance)) return kNoDay;
  // kDecisionLimits[k]: 0 simple, 1 ordinary, 2 extended; worked out without
  // a branch (a case is simple or extended at random), both columns read
  // first (GCC compiles a choice between two loads as a branch).
  const bool simple = r.simple_procedure[i] == Tri::kTrue, extended = r.extended[i] == Tri::kTrue;
  const size_t k = static_cast<size_t>(!simple) * (1 + static_cast<size_t>(extended));
  if (profile.exclude_suspended_days && r.suspended_days[i] > 0) {
    // Added in 64 bits: suspended_days may be as large as INT32_MAX, and a
    // deadline that far ends past any calendar (kNoDay) rather than wrapping.
    const int64_t days = int64_t{kDecisionLimits[k].count} + r.suspended_days[i];
    if (days > INT32_MAX) return kNoDay;
    const TimeLimit limit = kDecisionLimits[k].with_count(static_cast<int32_t>(days));
    DayNumber deadline = 0;
    return try_deadline(cal, limit, acceptance, profile.period_rules, deadline) ? deadline : kNoDay;
  }
  return deadlines.decision[k].end(acceptance);
}

// Rows maps a record's RegionIndex (the order regions were first met in the
// files) to its row in the Blocks, which are in region code order: the
// districts of a city, and of a province, are then neighbouring rows, so a
// roll-up reads its districts' counters in one sweep instead of at random.
using Rows = std::vector<uint32_t>;

// Range is the rows [begin, end) of one family that one thread tallies.
struct Range {
  size_t begin, end;
  // share is the k-th of `parts` near-equal shares of n rows.
  static Range share(size_t n, size_t k, size_t parts) { return {n * k / parts, n * (k + 1) / parts}; }
};

// SplitSum sums 32-bit values exactly in two 32-bit halves, the low and the
// high 16 bits of each apart, over at most kMaxRun values: a loop that adds
// days (of any size) into it vectorizes on SSE2 too, which cannot widen
// 32-bit values to 64 in a vector register.
struct SplitSum {
  uint32_t low = 0;
  int32_t high = 0;
  FAZHI_PASS_PART void add(int32_t v) {
    low += static_cast<uint32_t>(v) & 0xFFFF;
    high += v >> 16;
  }
  int64_t value() const { return int64_t{high} * 65536 + low; }
};

// for_each_run calls f(region, begin, end) for each run of consecutive rows
// of one region in `range`, at most kMaxRun rows, so that a run's counts fit
// 32 bits and its SplitSums cannot overflow (2^15 values of up to 2^16 in
// the low half, of at most 2^15 in size in the high half).
constexpr size_t kMaxRun = size_t{1} << 15;
template <typename F>
FAZHI_PASS_PART inline
void for_each_run(const std::vector<RegionIndex>& region, Range range, F&& f) {
  const RegionIndex* r = region.data();
  for (size_t b = range.begin; b < range.end;) {
    const size_t last = std::min(range.end, b + kMaxRun);
    // The run's end is sought 16 rows at a time (SSE2), then row by row: a
    // run is a region's records, hundreds at scale, where a test and a
    // branch per row were 3% of the pass's instructions.
    size_t e = b + 1;
#if defined(__SSE2__)
    const __m128i same = _mm_set1_epi32(static_cast<int>(r[b]));
    auto equal = [&](size_t at) {
      return _mm_cmpeq_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(r + at)), same);
    };
    for (; e + 16 <= last; e += 16) {
      const __m128i all =
          _mm_and_si128(_mm_and_si128(equal(e), equal(e + 4)), _mm_and_si128(equal(e + 8), equal(e + 12)));
      if (_mm_movemask_epi8(all) != 0xFFFF) break;
    }
#endif
    while (e < last && r[e] == r[b]) ++e;
    f(r[b], b, e);
    b = e;
  }
}

// ClosedFlags is what a concluded reconsideration case adds by its
// disposition: records.cpp's rules (correction_class, is_concluded,
// is_decided_on_merits; 行政复议法 (2023) arts. 63-74) looked up once per
// disposition, as bits of a word, so the pass's vectorized loops test a row's
// bits instead of branching on its disposition.
struct ClosedFlags {
  static constexpr uint32_t kDirectBit = 1, kIndirectBit = 2, kWithdrawnBit = 3, kTerminatedBit = 4, kOnMeritsBit = 5;
  static constexpr uint32_t kConcluded = 1, kDirect = 1 << kDirectBit, kIndirect = 1 << kIndirectBit,
                            kWithdrawn = 1 << kWithdrawnBit, kTerminated = 1 << kTerminatedBit,
                            kOnMerits = 1 << kOnMeritsBit;
  // A row's flags, as wide as its days: GCC does not vectorize the loops
  // that mix them with days as bytes.
  enum class Bits : uint32_t {};
};
constexpr size_t kDispositions = static_cast<size_t>(Disposition::kOther) + 1;

std::array<ClosedFlags::Bits, kDispositions> closed_flags() {
  std::array<ClosedFlags::Bits, kDispositions> out{};
  for (size_t k = 0; k < kDispositions; ++k) {
    const auto d = static_cast<Disposition>(k);
    const CorrectionClass c = correction_class(d);
    const bool optional = c == CorrectionClass::kOptional;
    out[k] = static_cast<ClosedFlags::Bits>(
        (is_concluded(d) ? ClosedFlags::kConcluded : 0) | (c == CorrectionClass::kDirect ? ClosedFlags::kDirect : 0) |
        (c == CorrectionClass::kIndirect ? ClosedFlags::kIndirect : 0) |
        (optional && d == Disposition::kWithdrawn ? ClosedFlags::kWithdrawn : 0) |
        (optional && d != Disposition::kWithdrawn ? ClosedFlags::kTerminated : 0) |
        (is_decided_on_merits(d) ? ClosedFlags::kOnMerits : 0));
  }
  return out;
}

// scratch is the first n values of a scratch vector, grown when short.
template <typename T>
std::span<T> scratch(std::vector<T>& v, size_t n) {
  if (v.size() < n) v.resize(n);
  return {v.data(), n};
}

FAZHI_PASS_PART inline
void tally_reconsideration(const ReconsiderationColumns& r, const Periods& periods, const Profile& profile,
                           const Calendar& cal, const Deadlines& deadlines, Range range, const Rows& rows,
                           ReconsiderationBlock& block, std::vector<CaseDays>& days) {
  const DayNumber* received = r.received.data();
  const DayNumber* accepted = r.accepted.data();
  const DayNumber* closed = r.closed.data();
  const Disposition* disposition = r.disposition.data();
  const Tri* litigated = r.litigated.data();
  const std::array<ClosedFlags::Bits, kDispositions> by_disposition = closed_flags();
  // Scratch, a run's rows: the last day of each case's acceptance review, its
  // acceptance, decision deadline and intake decision, and its
  // disposition's ClosedFlags.
  std::vector<DayNumber> review_end_days, acceptance_days, deadline_days, intake_days;
  std::vector<ClosedFlags::Bits> flag_words;
  // Each concluded case's days, written at `kept` and kept by moving it on
  // (as tally_legal_aid keeps its draws).
  size_t kept = days.size();
  days.resize(kept + range.end - range.begin);
  for_each_run(r.region, range, [&](RegionIndex index, size_t b, size_t e) FAZHI_PASS_PART {
    const uint32_t region = rows[index];
    // The counts that need no calendar, a period at a time (vectorized).
    for (int which = 0; which < 2; ++which) {
      const Period p = periods[static_cast<size_t>(which)];
      uint32_t n_received = 0, n_accepted = 0, n_pending_start = 0;
      for (size_t i = b; i < e; ++i) {
        n_received += in(p, received[i]);
        n_accepted += in(p, accepted[i]);
        n_pending_start += open_at_end(p.from - 1, received[i], closed[i]);
      }
      const auto n = block.at(region, which);
      n[kRReceived] += n_received;
      n[kRAccepted] += n_accepted;
      n[kRPendingStart] += n_pending_start;
    }
    // Each row's days, for both periods.
    const size_t rows_in_run = e - b;
    const std::span<DayNumber> review_end = scratch(review_end_days, rows_in_run),
                               acceptance = scratch(acceptance_days, rows_in_run),
                               deadline = scratch(deadline_days, rows_in_run),
                               intake = scratch(intake_days, rows_in_run);
    const std::span<ClosedFlags::Bits> flags = scratch(flag_words, rows_in_run);
    deadlines.acceptance_review.end_each(received + b, review_end);
    for (size_t i = b; i < e; ++i) {
      const DayNumber review_last = review_end[i - b];
      deadline[i - b] = reconsideration_deadline(r, i, profile, cal, deadlines, review_last, acceptance[i - b]);
      // 行政复议法 (2023) art. 30: the decision on acceptance (受理, or 不予受理)
      // within the review. An application neither refused nor closed when
      // the review ends is accepted on its last day by operation of law
      // (para 3): on time.
      const bool not_accepted = disposition[i] == Disposition::kNotAccepted;
      const bool deemed = (!not_accepted) & (!has(closed[i]) | (closed[i] > review_last));
      intake[i - b] = has(accepted[i]) ? accepted[i] : not_accepted ? closed[i] : deemed ? review_last : kNoDay;
      flags[i - b] = by_disposition[static_cast<size_t>(disposition[i])];
    }
    // The days from acceptance to closing (none below 0), kept where the
    // case is concluded and its deadline known.
    auto duration = [&](size_t i) FAZHI_PASS_PART {
      return std::max<int32_t>(0, days_from(acceptance[i - b], closed[i]));
    };
    for (int which = 0; which < 2; ++which) {
      const Period p = periods[static_cast<size_t>(which)];
      const auto n = block.at(region, which);
      // Pending at the end, and the intake decisions.
      PendingCounts pending;
      uint32_t n_intake = 0;
      Timeliness intake_timeliness;
      for (size_t i = b; i < e; ++i) {
        pending.add(open_at_end(p.to, received[i], closed[i]), deadline[i - b], p.to);
        const bool decided = in(p, intake[i - b]);
        n_intake += decided;
        intake_timeliness.add(decided, intake[i - b], review_end[i - b]);
      }
      intake_timeliness.settle(deadlines.workdays, b, e, [&](size_t i) {
        return Timeliness::JudgedRow{in(p, intake[i - b]), received[i], intake[i - b], review_end[i - b]};
      });
      pending.within.settle(deadlines.workdays, b, e, [&](size_t i) {
        return Timeliness::JudgedRow{open_at_end(p.to, received[i], closed[i]), acceptance[i - b], p.to,
                                     deadline[i - b]};
      });
      pending.add_to(n, kReconsiderationPending);
      n[kRIntakeDecided] += n_intake;
      n[kRIntakeOffCalendar] += intake_timeliness.off_calendar;
      n[kRIntakeOnTime] += intake_timeliness.on_time;
      // The cases concluded in the period, by what their dispositions count as.
      uint32_t n_closed = 0, n_carried_over = 0, n_direct = 0, n_indirect = 0, n_withdrawn = 0, n_terminated = 0,
               n_on_merits = 0, n_litigated_known = 0, n_not_litigated = 0;
      for (size_t i = b; i < e; ++i) {
        // As integers, not bools: GCC does not vectorize this loop's tests as bools.
        const uint32_t f = static_cast<uint32_t>(flags[i - b]);
        const uint32_t c = static_cast<uint32_t>(in(p, closed[i])) & f & ClosedFlags::kConcluded;
        n_closed += c;
        n_carried_over += c & static_cast<uint32_t>(received[i] < p.from);
        n_litigated_known += c & static_cast<uint32_t>(litigated[i] != Tri::kUnknown);
        n_not_litigated += c & static_cast<uint32_t>(litigated[i] == Tri::kFalse);
        n_direct += c & (f >> ClosedFlags::kDirectBit);
        n_indirect += c & (f >> ClosedFlags::kIndirectBit);
        n_withdrawn += c & (f >> ClosedFlags::kWithdrawnBit);
        n_terminated += c & (f >> ClosedFlags::kTerminatedBit);
        n_on_merits += c & (f >> ClosedFlags::kOnMeritsBit);
      }
      n[kRClosed] += n_closed;
      n[kRCarriedOver] += n_carried_over;
      n[kRDirect] += n_direct;
      n[kRIndirect] += n_indirect;
      n[kRWithdrawn] += n_withdrawn;
      n[kRTerminated] += n_terminated;
      n[kRDecidedOnMerits] += n_on_merits;
      n[kRLitigatedKnown] += n_litigated_known;
      n[kRNotLitigated] += n_not_litigated;
      // Decided within the decision period (art. 62), and in how many days.
      uint32_t n_overdue = 0;
      Timeliness decision_timeliness;
      SplitSum days_sum;
      for (size_t i = b; i < e; ++i) {
        const uint32_t c = static_cast<uint32_t>(in(p, closed[i])) & static_cast<uint32_t>(flags[i - b]) &
                           ClosedFlags::kConcluded;
        const DayNumber due = deadline[i - b];
        const uint32_t timed = c & static_cast<uint32_t>(has(due));
        decision_timeliness.add(c != 0, closed[i], due);
        n_overdue += timed & static_cast<uint32_t>(closed[i] > due);
        days_sum.add((0 - static_cast<int32_t>(timed)) & duration(i));  // a mask, not a choice (a branch)
      }
      decision_timeliness.settle(deadlines.workdays, b, e, [&](size_t i) {
        const bool c = in(p, closed[i]) & ((static_cast<uint32_t>(flags[i - b]) & ClosedFlags::kConcluded) != 0);
        return Timeliness::JudgedRow{c, acceptance[i - b], closed[i], deadline[i - b]};
      });
      n[kRDeadlineOffCalendar] += decision_timeliness.off_calendar;
      n[kROnTime] += decision_timeliness.on_time;
      n[kROverdue] += n_overdue;
      n[kRDaysSum] += days_sum.value();
    }
    for (size_t i = b; i < e; ++i) {
      const int slot = slot_of(periods, closed[i]);
      days[kept] = {region * 2 + static_cast<uint32_t>(slot), static_cast<uint32_t>(duration(i))};
      kept += (slot != kDiscard) & ((static_cast<uint32_t>(flags[i - b]) & ClosedFlags::kConcluded) != 0) & has(deadline[i - b]);
    }
  });
  days.resize(kept);
}

// OutcomeCounts is what a closed first-instance lawsuit adds by its outcome:
// records.cpp's rules (is_judgment, is_agency_loss) looked up once per
// outcome, as ClosedFlags does for reconsideration.
struct OutcomeCounts {
  bool judgment, win, agency_loss;
};
constexpr size_t kLitigationOutcomes = static_cast<size_t>(LitigationOutcome::kOther) + 1;

std::array<OutcomeCounts, kLitigationOutcomes> outcome_counts() {
  std::array<OutcomeCounts, kLitigationOutcomes> out{};
  for (size_t k = 0; k < kLitigationOutcomes; ++k) {
    const auto o = static_cast<LitigationOutcome>(k);
    out[k] = {is_judgment(o), o == LitigationOutcome::kJudgmentWin, is_agency_loss(o)};
  }
  return out;
}

FAZHI_PASS_PART inline
void tally_litigation(const LitigationColumns& l, const Periods& periods, const Deadlines& deadlines, Range range,
                      const Rows& rows, LitigationBlock& block) {
  const DayNumber* filed = l.filed.data();
  const DayNumber* defence = l.defence.data();
  const DayNumber* closed = l.closed.data();
  const Instance* instance = l.instance.data();
  const LitigationOutcome* outcome = l.outcome.data();
  const Tri* hearing_held = l.hearing_held.data();
  const Tri* head_appeared = l.head_appeared.data();
  const Tri* lawyer_only = l.lawyer_only.data();
  const std::array<OutcomeCounts, kLitigationOutcomes> by_outcome = outcome_counts();
  // The first-instance limit (time_limits.hpp, 行政诉讼法 art. 81).
  const PendingLimits& limits = deadlines.first_instance_pending;
  for_each_run(l.region, range, [&](RegionIndex index, size_t b, size_t e) FAZHI_PASS_PART {
    const uint32_t region = rows[index];
    // The counts, a period at a time over the run, in loops without branches
    // that the compiler vectorizes (three loops: one would hold more sums
    // than there are vector registers).
    uint32_t outside = 0;  // first-instance cases pending, filed outside the limits' window
    for (size_t which = 0; which < 2; ++which) {
      const Period p = periods[which];
      const auto n = block.at(region, static_cast<int>(which));
      uint32_t n_received = 0, n_received_first = 0, n_defence_known = 0;
      PendingLimits::Counts pending;
      for (size_t i = b; i < e; ++i) {
        const bool f = in(p, filed[i]), first = instance[i] == Instance::kFirst;
        n_received += f;
        n_received_first += f & first;
        n_defence_known += f & has(defence[i]);
        limits.add(pending, which, first & open_at_end(p.to, filed[i], closed[i]), filed[i]);
      }
      n[kLReceived] += n_received;
      n[kLReceivedFirst] += n_received_first;
      n[kLDefenceKnown] += n_defence_known;
      pending.add_to(n, kFirstInstancePending);
      outside += pending.outside;
      // The 2020 SPC provisions, art. 1 and 7: appearance is counted per
      // level, over the cases of that level that held a hearing.
      uint32_t n_closed = 0, n_withdrawn_after_correction = 0, n_lawyer_only = 0, n_hearing = 0, n_head = 0;
      std::array<uint32_t, 3> n_hearing_at{}, n_head_at{};  // first, second, retrial
      for (size_t i = b; i < e; ++i) {
        const bool c = in(p, closed[i]);
        n_closed += c;
        n_withdrawn_after_correction += c & (outcome[i] == LitigationOutcome::kWithdrawnAfterCorrection);
        n_lawyer_only += c & (lawyer_only[i] == Tri::kTrue);
        const bool hearing = c & (hearing_held[i] == Tri::kTrue);
        const bool head = hearing & (head_appeared[i] == Tri::kTrue);
        n_hearing += hearing;
        n_head += head;
        const bool at_first = instance[i] == Instance::kFirst, at_second = instance[i] == Instance::kSecond,
                   at_retrial = instance[i] == Instance::kRetrial;
        n_hearing_at[0] += hearing & at_first;
        n_head_at[0] += head & at_first;
        n_hearing_at[1] += hearing & at_second;
        n_head_at[1] += head & at_second;
        n_hearing_at[2] += hearing & at_retrial;
        n_head_at[2] += head & at_retrial;
      }
      n[kLClosedAll] += n_closed;
      n[kLWithdrawnAfterCorrection] += n_withdrawn_after_correction;
      n[kLLawyerOnly] += n_lawyer_only;
      n[kLHearing] += n_hearing;
      n[kLHead] += n_head;
      n[kLHearingFirst] += n_hearing_at[0];
      n[kLHeadFirst] += n_head_at[0];
      n[kLHearingSecond] += n_hearing_at[1];
      n[kLHeadSecond] += n_head_at[1];
      n[kLHearingRetrial] += n_hearing_at[2];
      n[kLHeadRetrial] += n_head_at[2];
      // The first-instance cases closed, by outcome; what an outcome counts
      // as (a judgment, a win, a loss) is added from the sums by outcome.
      std::array<uint32_t, kLitigationOutcomes> n_first_by_outcome{};
      for (size_t i = b; i < e; ++i) {
        const bool closed_first = in(p, closed[i]) & (instance[i] == Instance::kFirst);
        for (size_t k = 0; k < kLitigationOutcomes; ++k) {
          n_first_by_outcome[k] += closed_first & (outcome[i] == static_cast<LitigationOutcome>(k));
        }
      }
      for (size_t k = 0; k < kLitigationOutcomes; ++k) {
        const uint32_t count = n_first_by_outcome[k];
        n[kLClosedFirst] += count;
        n[kLJudgedFirst] += by_outcome[k].judgment * count;
        n[kLWinFirst] += by_outcome[k].win * count;
        n[kLLossFirst] += by_outcome[k].agency_loss * count;
      }
    }
    for (size_t i = b; i < e; ++i) {
      // The defence limit (time_limits.hpp, 行政诉讼法 art. 67). Counted
      // without a branch (defence dates are recorded or not at random): a
      // case filed in neither period is looked up on a day of the periods
      // and counted in the discard slot.
      const int slot = slot_of(periods, filed[i]);
      const DayNumber due = deadlines.defence.end(slot != kDiscard ? filed[i] : periods[0].from);
      Timeliness timeliness;
      timeliness.add(has(defence[i]), defence[i], due);
      timeliness.settle(deadlines.workdays, i, i + 1, [&](size_t) {
        return Timeliness::JudgedRow{has(defence[i]), filed[i], defence[i], due};
      });
      const auto n = block.at(region, slot);
      n[kLDefenceOffCalendar] += timeliness.off_calendar;
      n[kLDefenceOnTime] += timeliness.on_time;
    }
    if (outside == 0) return;
    for (size_t i = b; i < e; ++i) {
      if (instance[i] != Instance::kFirst || limits.in_window(filed[i])) continue;
      tally_pending(block, region, periods, deadlines.workdays, filed[i], closed[i],
                    [&] { return deadlines.first_instance.end(filed[i]); },
                    kFirstInstancePending);
    }
  });
}

FAZHI_PASS_PART inline
void tally_legal_aid(const LegalAidColumns& a, const Periods& periods, const Profile& profile,
                     const Deadlines& deadlines, Range range, const Rows& rows, LegalAidBlock& block,
                     std::vector<LotteryDraw>& draws) {
  const DayNumber* accepted = a.accepted.data();
  const DayNumber* closed = a.closed.data();
  const Tri* commitment = a.commitment.data();
  const int64_t* recovered_fen = a.recovered_fen.data();
  const DayNumber* assigned = a.assigned.data();
  const DayNumber* applied = a.applied.data();
  const DayNumber* decided = a.decided.data();
  const AssignmentMethod* method = a.assignment_method.data();
  const bool has_case_limit = profile.legal_aid_case_limit_days.has_value();
  // Scratch, a run's rows: the working days of each review, and the last
  // day of each review and assignment.
  std::vector<int32_t> review_days;
  std::vector<DayNumber> review_due_days, assignment_due_days;
  // Each lottery assignment with a lawyer is a draw. The draws are written
  // at `drawn` and kept by moving it on, rather than by a branch on the
  // method, which is mispredicted (lottery or designated at random).
  size_t drawn = draws.size();
  draws.resize(drawn + range.end - range.begin);
  for_each_run(a.region, range, [&](RegionIndex index, size_t b, size_t e) FAZHI_PASS_PART {
    const uint32_t region = rows[index];
    // The counts that need no calendar, a period at a time over the run, in
    // loops without branches that the compiler vectorizes.
    for (int which = 0; which < 2; ++which) {
      const Period p = periods[static_cast<size_t>(which)];
      // Pending over the limit: p.to - accepted > limit, as accepted < this.
      const auto over_before = static_cast<DayNumber>(
          std::clamp<int64_t>(int64_t{p.to} - profile.legal_aid_case_limit_days.value_or(0), INT32_MIN, INT32_MAX));
      uint32_t n_accepted = 0, n_commitment = 0, n_closed = 0, n_pending = 0, n_over_limit = 0, n_assigned = 0,
               n_lottery = 0;
      for (size_t i = b; i < e; ++i) {
        const bool asg = in(p, assigned[i]);
        n_assigned += asg;
        n_lottery += asg & (method[i] == AssignmentMethod::kLottery);
        const bool acc = in(p, accepted[i]);
        n_accepted += acc;
        n_commitment += acc & (commitment[i] == Tri::kTrue);
        n_closed += in(p, closed[i]);
        const bool pending = open_at_end(p.to, accepted[i], closed[i]);
        n_pending += pending;
        n_over_limit += pending & (accepted[i] < over_before);
      }
      const auto n = block.at(region, which);
      n[kAAccepted] += n_accepted;
      n[kACommitment] += n_commitment;
      n[kAClosed] += n_closed;
      n[kAPendingEnd] += n_pending;
      n[kAAssigned] += n_assigned;
      n[kALottery] += n_lottery;
      if (has_case_limit) n[kAPendingOverLimit] += n_over_limit;
    }
    // The working days of each row's review, and the last days of its
    // review and assignment, for both periods.
    const std::span<int32_t> review = scratch(review_days, e - b);
    const std::span<DayNumber> review_due = scratch(review_due_days, e - b),
                               assignment_due = scratch(assignment_due_days, e - b);
    deadlines.workdays.between_each(applied + b, decided + b, review);
    deadlines.legal_aid_review.end_each(applied + b, review_due);
    deadlines.legal_aid_assignment.end_each(decided + b, assignment_due);
    constexpr int32_t kOffCalendar = WorkdayTable::kOffCalendar;
    for (int which = 0; which < 2; ++which) {
      const Period p = periods[static_cast<size_t>(which)];
      const auto n = block.at(region, which);
      // The review limit (time_limits.hpp, 法律援助法 art. 43), or the
      // bureau's pledge. The working days taken are counted too, for their
      // largest and mean.
      uint32_t n_decided = 0, n_review_off = 0;
      Timeliness review_timeliness;
      SplitSum review_sum;
      int32_t review_max = 0;
      for (size_t i = b; i < e; ++i) {
        const bool d = in(p, decided[i]);
        const int32_t wd = review[i - b];
        const bool counted = d & (wd != kOffCalendar);
        const int32_t days = (0 - static_cast<int32_t>(counted)) & wd;  // a mask, not a choice (a branch)
        n_decided += d;
        n_review_off += d & (wd == kOffCalendar);
        review_sum.add(days);
        review_max = std::max(review_max, days);
        review_timeliness.add(d, decided[i], review_due[i - b]);
      }
      review_timeliness.settle(deadlines.workdays, b, e, [&](size_t i) {
        return Timeliness::JudgedRow{in(p, decided[i]), applied[i], decided[i], review_due[i - b]};
      });
      n[kADecided] += n_decided;
      n[kAReviewOffCalendar] += n_review_off;
      n[kAReviewSum] += review_sum.value();
      n[kAReviewMax] = std::max<int64_t>(n[kAReviewMax], review_max);
      n[kAReviewOnTime] += review_timeliness.on_time;
      n[kAReviewDeadlineOffCalendar] += review_timeliness.off_calendar;
      // The assignment limit (time_limits.hpp, art. 43). Recovered
      // money is summed here, by the period the case closed in, not in the
      // first loop: its 64-bit values would keep that one from vectorizing.
      uint32_t n_assigned_decided = 0;
      Timeliness assignment_timeliness;
      int64_t recovered_low = 0, recovered_high = 0;  // at most kMaxRun rows: no overflow
      for (size_t i = b; i < e; ++i) {
        const bool counted = in(p, assigned[i]) & has(decided[i]);
        n_assigned_decided += counted;
        assignment_timeliness.add(counted, assigned[i], assignment_due[i - b]);
        const int64_t fen = recovered_fen[i];  // -1: not recorded
        const int64_t kept = (0 - static_cast<int64_t>(in(p, closed[i]))) & fen & ~(fen >> 63);
        recovered_low += kept & kLow32;
        recovered_high += kept >> 32;
      }
      assignment_timeliness.settle(deadlines.workdays, b, e, [&](size_t i) {
        return Timeliness::JudgedRow{in(p, assigned[i]) && has(decided[i]), decided[i], assigned[i],
                                     assignment_due[i - b]};
      });
      n[kAAssignedDecided] += n_assigned_decided;
      n[kAAssignOffCalendar] += assignment_timeliness.off_calendar;
      n[kAAssignOnTime] += assignment_timeliness.on_time;
      n[kARecoveredFenLow] += recovered_low;
      n[kARecoveredFenHigh] += recovered_high;
    }
    for (size_t i = b; i < e; ++i) {
      const int slot = slot_of(periods, assigned[i]);
      draws[drawn] = {region * 2 + static_cast<uint32_t>(slot), a.lawyer[i]};
      drawn += (slot != kDiscard) & (method[i] == AssignmentMethod::kLottery) & (a.lawyer[i] != 0);
    }
  });
  draws.resize(drawn);
}

FAZHI_PASS_PART inline
void tally_mediation(const MediationColumns& m, const Periods& periods, const Deadlines& deadlines, Range range,
                     const Rows& rows, MediationBlock& block) {
  const DayNumber* received = m.received.data();
  const DayNumber* closed = m.closed.data();
  const MediationOutcome* outcome = m.outcome.data();
  const Tri* major_group = m.major_group.data();
  // The mediation limit (time_limits.hpp, 司法部令第75号 art. 33).
  const PendingLimits& limits = deadlines.mediation_pending;
  for_each_run(m.region, range, [&](RegionIndex index, size_t b, size_t e) FAZHI_PASS_PART {
    const uint32_t region = rows[index];
    uint32_t outside = 0;  // pending cases received outside the limits' window
    for (size_t which = 0; which < 2; ++which) {
      const Period p = periods[which];
      uint32_t n_received = 0, n_major = 0, n_closed = 0, n_success = 0;
      PendingLimits::Counts pending;
      for (size_t i = b; i < e; ++i) {
        const bool r = in(p, received[i]), c = in(p, closed[i]);
        n_received += r;
        n_major += r & (major_group[i] == Tri::kTrue);
        n_closed += c;
        n_success += c & (outcome[i] == MediationOutcome::kSuccess);
        limits.add(pending, which, open_at_end(p.to, received[i], closed[i]), received[i]);
      }
      const auto n = block.at(region, static_cast<int>(which));
      n[kMReceived] += n_received;
      n[kMMajorGroup] += n_major;
      n[kMClosed] += n_closed;
      n[kMSuccess] += n_success;
      pending.add_to(n, kMediationPending);
      outside += pending.outside;
    }
    if (outside == 0) return;
    for (size_t i = b; i < e; ++i) {
      if (limits.in_window(received[i])) continue;
      tally_pending(block, region, periods, deadlines.workdays, received[i], closed[i],
                    [&] { return deadlines.mediation.end(received[i]); },
                    kMediationPending);
    }
  });
}

FAZHI_PASS_PART inline
void tally_registry(const RegistryColumns& g, const Periods& periods, Range range, const Rows& rows, RegistryBlock& block) {
  for_each_run(g.region, range, [&](RegionIndex index, size_t b, size_t e) FAZHI_PASS_PART {
    const uint32_t region = rows[index];
    for (size_t i = b; i < e; ++i) {
      const size_t k = static_cast<size_t>(g.kind[i]);
      const DayNumber start = g.start[i], end = g.end[i];
      // An entity stands on day d when start <= d < end (docs/metrics.md).
      for (int which = 0; which < 2; ++which) {
        const Period p = periods[static_cast<size_t>(which)];
        block.at(region, which)[kGStanding + k] += open_at_end(p.to, start, end);
      }
      ++block.at(region, slot_of(periods, start))[kGNew + k];
    }
  });
}

FAZHI_PASS_PART inline
void tally_activity(const ActivityColumns& x, const Periods& periods, Range range, const Rows& rows, ActivityBlock& block) {
  for_each_run(x.region, range, [&](RegionIndex index, size_t b, size_t e) FAZHI_PASS_PART {
    const uint32_t region = rows[index];
    for (size_t i = b; i < e; ++i) {
      const auto n = block.at(region, slot_of(periods, x.date[i]));
      const size_t k = static_cast<size_t>(x.indicator[i]);
      n[kXSumLow + k] += x.value[i] & kLow32;
      n[kXSumHigh + k] += x.value[i] >> 32;
      ++n[kXRows + k];
    }
  });
}

// Pass is the one pass over every record, for the period and the previous
// one at once: each region's own counters for both, by family.
struct Pass {
  explicit Pass(size_t regions)
      : reconsideration(regions), litigation(regions), legal_aid(regions), mediation(regions),
        registry(regions), activity(regions) {}
  ReconsiderationBlock reconsideration;
  LitigationBlock litigation;
  LegalAidBlock legal_aid;
  MediationBlock mediation;
  RegistryBlock registry;
  ActivityBlock activity;
  // Each region's and period's days of concluded cases: recon_days from
  // recon_days_begin[slot] to recon_days_begin[slot + 1] (slot: row * 2 + period).
  std::vector<int32_t> recon_days;
  std::vector<uint32_t> recon_days_begin;
  // Each region's and period's lottery draws (Tally): the LotterySums of the
  // lawyers drawn in no other region, lottery_own[slot], and the (lawyer,
  // cases) of the others, lottery_shared from lottery_begin[slot] to
  // lottery_begin[slot + 1].
  std::vector<LotterySums> lottery_own;
  std::vector<LawyerCases> lottery_shared;
  std::vector<uint32_t> lottery_begin;

  // tally_into sums the rows `members` (a region and every region inside it)
  // for one period into `t`.
  void tally_into(std::span<const uint32_t> members, int period, Tally& t) const {
    t.n.fill(0);
    t.recon_days.clear();
    t.lottery_own = {};
    t.lottery_shared.clear();
    for (const uint32_t r : members) {
      reconsideration.add_to(t.n, r, period);
      litigation.add_to(t.n, r, period);
      legal_aid.add_to(t.n, r, period);
      mediation.add_to(t.n, r, period);
      registry.add_to(t.n, r, period);
      activity.add_to(t.n, r, period);
      const size_t slot = size_t{r} * 2 + static_cast<size_t>(period);
      t.recon_days.add(std::span<const int32_t>(recon_days).subspan(
          recon_days_begin[slot], recon_days_begin[slot + 1] - recon_days_begin[slot]));
      t.lottery_own.add(lottery_own[slot]);
      if (members.size() == 1) {  // a district's own list: one entry per lawyer already
        t.lottery_shared.assign(lottery_shared.begin() + lottery_begin[slot],
                                lottery_shared.begin() + lottery_begin[slot + 1]);
        continue;
      }
      for (uint32_t k = lottery_begin[slot]; k < lottery_begin[slot + 1]; ++k) {
        t.lawyer_counts.add(lottery_shared[k].first, lottery_shared[k].second);
      }
    }
    t.lawyer_counts.take(t.lottery_shared);
  }
};

// record_pass tallies the k-th of `parts` shares of every family's rows.
FAZHI_PASS_PART inline void record_pass_parts(const Dataset& ds, const Periods& periods, const Profile& profile,
                                              const Calendar& cal, const Deadlines& deadlines, const Rows& rows,
                                              size_t k, size_t parts, Pass& pass, std::vector<CaseDays>& days,
                                              std::vector<LotteryDraw>& draws) {
  auto share = [&](const auto& columns) { return Range::share(columns.size(), k, parts); };
  tally_reconsideration(ds.reconsideration(), periods, profile, cal, deadlines, share(ds.reconsideration()), rows,
                        pass.reconsideration, days);
  tally_litigation(ds.litigation(), periods, deadlines, share(ds.litigation()), rows, pass.litigation);
  tally_legal_aid(ds.legal_aid(), periods, profile, deadlines, share(ds.legal_aid()), rows, pass.legal_aid, draws);
  tally_mediation(ds.mediation(), periods, deadlines, share(ds.mediation()), rows, pass.mediation);
  tally_registry(ds.registry(), periods, share(ds.registry()), rows, pass.registry);
  tally_activity(ds.activity(), periods, share(ds.activity()), rows, pass.activity);
}
// The pass's AVX2 build; record_pass inlines the other.
#if FAZHI_AVX2_BUILDS
template <typename... Args>
__attribute__((target("avx2"))) void record_pass_avx2(Args&... args) {
  record_pass_parts(args...);
}
#endif
void record_pass(const Dataset& ds, const Periods& periods, const Profile& profile, const Calendar& cal,
                 const Deadlines& deadlines, const Rows& rows, size_t k, size_t parts, Pass& pass,
                 std::vector<CaseDays>& days, std::vector<LotteryDraw>& draws) {
#if FAZHI_AVX2_BUILDS
  if (internal::use_avx2()) {
    return record_pass_avx2(ds, periods, profile, cal, deadlines, rows, k, parts, pass, days, draws);
  }
#endif
  record_pass_parts(ds, periods, profile, cal, deadlines, rows, k, parts, pass, days, draws);
}

// tally_lottery counts each region's and period's lottery draws by lawyer
// into pass.lottery_own and pass.lottery_shared (Tally). The lawyers are
// keyed in the order first drawn, slot by slot: a roll-up then sums its
// districts' shared lawyers in a narrow range of counters (cache lines it
// has), not all over the TextIds, which follow the files' order. A lawyer is
// shared when drawn in a region after the one that keyed him: his key is
// below the first key of that region's slots.
void tally_lottery(std::span<const LotteryDraw> draws, size_t slots, Pass& pass) {
  std::vector<TextId> grouped;
  std::vector<uint32_t> begin;
  group_by_slot(draws, slots, grouped, begin);
  TextId last_lawyer = 0;
  for (const TextId lawyer : grouped) last_lawyer = std::max(last_lawyer, lawyer);
  std::vector<LawyerKey> key_of(grouped.empty() ? 0 : size_t{last_lawyer} + 1);  // TextId -> key + 1; 0: not met yet
  std::vector<uint32_t> shared(key_of.size());  // by key: 1 when drawn in two regions or more
  std::vector<LawyerCases> by_lawyer;  // each slot's (lawyer, cases), from begin_by_lawyer[slot]
  std::vector<uint32_t> begin_by_lawyer(slots + 1, 0);
  LawyerCounts counts;
  LawyerKey keys = 0, region_first_key = 0;
  for (size_t slot = 0; slot < slots; ++slot) {
    if (slot % 2 == 0) region_first_key = keys;
    const uint32_t end = begin[slot + 1];
    for (uint32_t k = begin[slot]; k < end; ++k) {
      // The key_of lines a few draws on are fetched early: the lawyers
      // follow no order, and key_of is larger than the L2 cache at scale.
      if (k + 16 < end) __builtin_prefetch(&key_of[grouped[k + 16]]);
      LawyerKey& known = key_of[grouped[k]];
      if (known == 0) known = ++keys;  // a branch: without one, every draw would store into key_of
      const LawyerKey key = known - 1;
      shared[key] |= static_cast<uint32_t>(key < region_first_key);
      counts.add(key, 1);
    }
    counts.take(by_lawyer);
    begin_by_lawyer[slot + 1] = static_cast<uint32_t>(by_lawyer.size());
  }
  pass.lottery_own.assign(slots, {});
  pass.lottery_begin.assign(slots + 1, 0);
  for (size_t slot = 0; slot < slots; ++slot) {
    for (uint32_t k = begin_by_lawyer[slot]; k < begin_by_lawyer[slot + 1]; ++k) {
      const auto& [key, cases] = by_lawyer[k];
      if (shared[key] != 0) {
        pass.lottery_shared.push_back(by_lawyer[k]);
      } else {
        pass.lottery_own[slot].add_lawyer(cases);
      }
    }
    pass.lottery_begin[slot + 1] = static_cast<uint32_t>(pass.lottery_shared.size());
  }
}

// tally makes the one pass over every record. With threads > 1 each thread
// tallies a share of every family's rows into a Pass of its own, and the
// shares are added up: every figure is a sum, a maximum or a multiset (the
// days for the median, the lottery draws, both ordered afterwards), so the
// result does not depend on the split.
std::unique_ptr<Pass> tally(const Dataset& ds, const Periods& periods, const Profile& profile,
                            const Calendar& cal, const Rows& rows, int threads) {
  const size_t regions = ds.regions().size();
  const size_t parts = static_cast<size_t>(std::max(threads, 1));
  auto pass = std::make_unique<Pass>(regions);
  std::vector<CaseDays> days;
  std::vector<LotteryDraw> draws;
  const Deadlines deadlines(cal, profile, periods);
  if (parts == 1) {
    record_pass(ds, periods, profile, cal, deadlines, rows, 0, 1, *pass, days, draws);
  } else {
    std::vector<std::unique_ptr<Pass>> shares(parts);
    std::vector<std::vector<CaseDays>> share_days(parts);
    std::vector<std::vector<LotteryDraw>> share_draws(parts);
    internal::parallel_for(parts, static_cast<int>(parts), [&](size_t k) {
      if (k > 0) shares[k] = std::make_unique<Pass>(regions);
      record_pass(ds, periods, profile, cal, deadlines, rows, k, parts, k == 0 ? *pass : *shares[k],
                  k == 0 ? days : share_days[k], k == 0 ? draws : share_draws[k]);
    });
    for (size_t k = 1; k < parts; ++k) {
      const Pass& o = *shares[k];
      pass->reconsideration.merge(o.reconsideration);
      pass->litigation.merge(o.litigation);
      pass->legal_aid.merge(o.legal_aid);
      pass->mediation.merge(o.mediation);
      pass->registry.merge(o.registry);
      pass->activity.merge(o.activity);
      days.insert(days.end(), share_days[k].begin(), share_days[k].end());
      draws.insert(draws.end(), share_draws[k].begin(), share_draws[k].end());
    }
  }
  group_by_slot(days, regions * 2, pass->recon_days, pass->recon_days_begin);
  tally_lottery(draws, regions * 2, *pass);
  return pass;
}

// ---- From tallies to values ----------------------------------------------------------

// LotteryFairness is how evenly the lottery spread a region's cases over the
// lawyers it drew: per-lawyer counts c_1..c_L of the assignments with a
// lawyer id, N = sum c_i. The lawyers are those drawn at least once in the
// region and period: the records name no one who answered and was never
// drawn, so the figures (and the test) are conditional on being drawn once.
struct LotteryFairness : LotterySums {
  // sum (c_i - N/L)^2 * L = L * sum c_i^2 - N^2, exact: the variance is
  // spread / L^2 and the chi-square statistic spread / N.
  BigInt spread = 0;
};
LotteryFairness lottery_fairness(const LotterySums& sums) {
  LotteryFairness f;
  static_cast<LotterySums&>(f) = sums;
  // Named steps rather than one expression of temporaries: g++ 12 warns
  // (-Wmaybe-uninitialized, a false positive) inside Boost's expression templates.
  BigInt n2 = f.assignments;
  n2 *= f.assignments;
  f.spread = f.lawyers;
  f.spread *= f.squares;
  f.spread -= n2;
  return f;
}

// kStatisticScale: the coefficient of variation and the p-value are given
// rounded to 4 decimals (den 10^4), and presented with 4 decimals.
constexpr int64_t kStatisticScale = 10000;

// lottery_cv is the coefficient of variation sqrt(variance) / mean =
// sqrt(spread) / N (population variance over the lawyers drawn), rounded
// half up to 4 decimals with an exact integer square root: with
// x = 10^4 * sqrt(spread) / N, round(x) = floor((floor(2x) + 1) / 2) and
// floor(2x) = isqrt(floor(4 * 10^8 * spread / N^2)). No binary floating point.
Value lottery_cv(const LotteryFairness& f) {
  if (f.assignments == 0) return Value::undefined("no lottery assignments with a lawyer id in the period");
  BigInt n2 = f.assignments;
  n2 *= f.assignments;
  BigInt scaled = f.spread;
  scaled *= 4 * kStatisticScale * kStatisticScale;
  scaled /= n2;
  // spread <= (L - 1) * N^2, so scaled <= 4 * 10^8 * (L - 1) fits 64 bits,
  // and the square root is taken in a one-limb integer type: cpp_int's
  // arbitrary-precision root cost ~2,000 instructions per region and period.
  using Uint64 = boost::multiprecision::number<boost::multiprecision::cpp_int_backend<
      64, 64, boost::multiprecision::unsigned_magnitude, boost::multiprecision::checked, void>>;
  const Uint64 root = boost::multiprecision::sqrt(static_cast<Uint64>(scaled));
  return Value::number(static_cast<int64_t>((root + 1) / 2), kStatisticScale, "");
}

// lottery_chi2_p is the p-value of Pearson's chi-square test of equal chances
// among the L lawyers drawn: X^2 = sum (c_i - N/L)^2 / (N/L) = spread / N on
// L - 1 degrees of freedom. Binary floating point, by exception: Boost.Math
// computes the chi-square tail in double precision (not promoted to long
// double: 4 decimals need no more, and x87 arithmetic cost ~5,000
// instructions per region and period). The result is a
// statistical test, not a published count, so it is rounded to 4 decimals
// (den 10^4) and those 4 decimals are all it claims; X^2 itself is exact.
// A city's or province's test pools its districts' lawyers, though each
// district draws from its own pool with its own caseload: a small p there
// says the districts differ, not that one district's lottery is uneven.
Value lottery_chi2_p(const LotteryFairness& f) {
  if (f.lawyers < 2) return Value::undefined("fewer than two lawyers drawn: no distribution to test");
  // Every lawyer drawn equally often (X^2 = 0): p is 1, exactly, for any L.
  if (f.spread == 0) return Value::number(kStatisticScale, kStatisticScale, "");
  const double statistic = static_cast<double>(f.spread) / static_cast<double>(f.assignments);
  // Errors are reported through errno, never thrown: with hundreds of
  // degrees of freedom Boost's gamma functions can overflow on the way to a
  // tail that is itself fine. A result that is not a probability is
  // undefined, not published.
  using namespace boost::math::policies;
  using InDouble = policy<promote_double<false>, overflow_error<errno_on_error>, domain_error<errno_on_error>,
                          evaluation_error<errno_on_error>, pole_error<errno_on_error>>;
  const boost::math::chi_squared_distribution<double, InDouble> chi2(static_cast<double>(f.lawyers - 1));
  const double p = boost::math::cdf(boost::math::complement(chi2, statistic));
  if (!(p >= 0.0 && p <= 1.0)) {
    return Value::undefined("the chi-square tail could not be computed in double precision for this many lawyers");
  }
  return Value::number(std::llround(p * static_cast<double>(kStatisticScale)), kStatisticScale, "");
}

// Built (and interned) only when the calendar falls short, which is rare.
Reason off_calendar_reason(int64_t cases) {
  return Reason::intern(absl::StrCat(cases, cases == 1 ? " case falls" : " cases fall",
                                     " outside the loaded working-day calendar; load the State Council notice"));
}

// A rate whose cases the calendar could not all judge is undefined, never a guess.
Value calendar_ratio(int64_t num, int64_t den, int64_t off_calendar, Reason empty_reason) {
  if (off_calendar > 0) return Value::undefined(off_calendar_reason(off_calendar));
  return Value::ratio(num, den, empty_reason);
}

struct Context {
  const Dataset* ds;
  const Profile* profile;
  Period period;
  Reason no_basis;  // the correction rates' reason without cases on the profile's basis
};

Reason no_basis_reason(CorrectionBasis basis) {
  return Reason::intern(
      absl::StrCat("no cases on the basis '", absl_view(correction_basis_name(basis)), "'"));
}

// values_of fills every metric from one region's tally. Ranks and the YoY
// metric are filled later, once every region's values exist.
std::vector<Value> values_of(Tally& t, const Context& c) {
  const auto& n = t.n;
  const Catalogue& cat = catalogue();
  std::vector<Value> v(cat.metrics.size());
  auto set = [&](size_t index, Value value) { v[index] = std::move(value); };
  const Profile& pr = *c.profile;

  // Reconsideration
  set(case_index("reconsideration.received"), Value::count(n[kRReceived]));
  set(case_index("reconsideration.accepted"), Value::count(n[kRAccepted]));
  set(case_index("reconsideration.closed"), Value::count(n[kRClosed]));
  set(case_index("reconsideration.closed_carried_over"), Value::count(n[kRCarriedOver]));
  set(case_index("reconsideration.pending_start"), Value::count(n[kRPendingStart]));
  set(case_index("reconsideration.pending_end"), Value::count(n[kRPendingEnd]));
  int64_t basis = n[kRClosed];
  switch (pr.correction_basis) {
    case CorrectionBasis::kConcluded: break;
    case CorrectionBasis::kConcludedByDecision: basis = n[kRDecidedOnMerits]; break;
    case CorrectionBasis::kAccepted: basis = n[kRAccepted]; break;
  }
  const int64_t corrected = n[kRDirect] + n[kRIndirect] +
                            (pr.withdrawn_is_correction ? n[kRWithdrawn] : 0) +
                            (pr.terminated_is_correction ? n[kRTerminated] : 0);
  const Reason no_basis = c.no_basis;
  set(case_index("reconsideration.direct_correction_rate"), Value::ratio(n[kRDirect], basis, no_basis));
  set(case_index("reconsideration.correction_rate"), Value::ratio(corrected, basis, no_basis));
  set(case_index("reconsideration.not_litigated_rate"),
      Value::ratio(n[kRNotLitigated], n[kRLitigatedKnown], "no concluded case records whether it was litigated"));
  set(case_index("reconsideration.acceptance_on_time_rate"),
      calendar_ratio(n[kRIntakeOnTime], n[kRIntakeDecided], n[kRIntakeOffCalendar],
                     "no acceptance decisions in the period"));
  set(case_index("reconsideration.on_time_rate"),
      calendar_ratio(n[kROnTime], n[kRClosed], n[kRDeadlineOffCalendar], "no cases concluded in the period"));
  set(case_index("reconsideration.overdue"), n[kRDeadlineOffCalendar] > 0
                                     ? Value::undefined(off_calendar_reason(n[kRDeadlineOffCalendar]))
                                     : Value::count(n[kROverdue]));
  set(case_index("reconsideration.median_days"), t.recon_days.median());
  set(case_index("reconsideration.mean_days"),
      Value::days(n[kRDaysSum], static_cast<int64_t>(t.recon_days.size()), "no cases concluded in the period"));
  set(case_index("reconsideration.conclusion_rate"),
      Value::ratio(n[kRClosed], n[kRPendingStart] + n[kRAccepted], "no cases pending or accepted"));
  set(case_index("reconsideration.clearance_rate"),
      Value::ratio(n[kRClosed], n[kRReceived], "no cases received in the period"));
  set(case_index("reconsideration.disposition_time"),
      Value::days(c.period.days() * n[kRPendingEnd], n[kRClosed], "no cases concluded in the period"));
  set(case_index("reconsideration.pending_over_limit_share"),
      calendar_ratio(n[kRPendingOverLimit], n[kRPendingEnd], n[kRPendingOffCalendar],
                     "no cases pending at the end of the period"));

  // Litigation
  set(case_index("litigation.received"), Value::count(n[kLReceived]));
  set(case_index("litigation.received_first_instance"), Value::count(n[kLReceivedFirst]));
  set(case_index("litigation.judged_first_instance"), Value::count(n[kLJudgedFirst]));
  set(case_index("litigation.win_rate"), Value::ratio(n[kLWinFirst], n[kLJudgedFirst], "no first-instance judgments in the period"));
  set(case_index("litigation.loss_rate"), Value::ratio(n[kLLossFirst], n[kLClosedFirst], "no first-instance cases closed in the period"));
  set(case_index("litigation.withdrawn_after_correction"), Value::count(n[kLWithdrawnAfterCorrection]));
  set(case_index("litigation.head_appearance_rate"), Value::ratio(n[kLHead], n[kLHearing], "no hearings in the period"));
  set(case_index("litigation.head_appearance_rate.first"), Value::ratio(n[kLHeadFirst], n[kLHearingFirst], "no first-instance hearings"));
  set(case_index("litigation.head_appearance_rate.second"), Value::ratio(n[kLHeadSecond], n[kLHearingSecond], "no second-instance hearings"));
  set(case_index("litigation.head_appearance_rate.retrial"), Value::ratio(n[kLHeadRetrial], n[kLHearingRetrial], "no retrial hearings"));
  set(case_index("litigation.lawyer_only"), Value::count(n[kLLawyerOnly]));
  set(case_index("litigation.defence_on_time_rate"),
      calendar_ratio(n[kLDefenceOnTime], n[kLDefenceKnown], n[kLDefenceOffCalendar],
                     "no cases filed in the period record a defence date"));
  set(case_index("litigation.clearance_rate"),
      Value::ratio(n[kLClosedFirst], n[kLReceivedFirst], "no first-instance cases filed in the period"));
  set(case_index("litigation.disposition_time"),
      Value::days(c.period.days() * n[kLPendingEndFirst], n[kLClosedFirst], "no first-instance cases closed in the period"));
  set(case_index("litigation.pending_over_limit_share"),
      calendar_ratio(n[kLPendingOverLimitFirst], n[kLPendingEndFirst], n[kLPendingOffCalendarFirst],
                     "no first-instance cases pending"));

  // Legal aid
  set(case_index("legal_aid.accepted"), Value::count(n[kAAccepted]));
  const std::optional<int64_t> recovered = quantity_sum(n[kARecoveredFenLow], n[kARecoveredFenHigh]);
  set(case_index("legal_aid.recovered_amount"), recovered ? Value::money(*recovered) : Value::undefined(kSumTooLarge));
  if (n[kAReviewOffCalendar] > 0) {
    set(case_index("legal_aid.review_workdays_max"), Value::undefined(off_calendar_reason(n[kAReviewOffCalendar])));
    set(case_index("legal_aid.review_workdays_mean"), Value::undefined(off_calendar_reason(n[kAReviewOffCalendar])));
  } else if (n[kADecided] == 0) {
    set(case_index("legal_aid.review_workdays_max"), Value::undefined("no applications decided in the period"));
    set(case_index("legal_aid.review_workdays_mean"), Value::undefined("no applications decided in the period"));
  } else {
    set(case_index("legal_aid.review_workdays_max"), Value::days(n[kAReviewMax], 1, ""));
    set(case_index("legal_aid.review_workdays_mean"), Value::days(n[kAReviewSum], n[kADecided], ""));
  }
  set(case_index("legal_aid.review_on_time_rate"),
      calendar_ratio(n[kAReviewOnTime], n[kADecided], n[kAReviewDeadlineOffCalendar],
                     "no applications decided in the period"));
  set(case_index("legal_aid.assignment_on_time_rate"),
      calendar_ratio(n[kAAssignOnTime], n[kAAssignedDecided], n[kAAssignOffCalendar],
                     "no assignments with a decision date in the period"));
  set(case_index("legal_aid.lottery_share"), Value::ratio(n[kALottery], n[kAAssigned], "no assignments in the period"));
  {
    LotterySums sums = t.lottery_own;
    for (const auto& [lawyer, cases] : t.lottery_shared) sums.add_lawyer(cases);
    const LotteryFairness f = lottery_fairness(sums);
    constexpr Reason kNone = "no lottery assignments with a lawyer id in the period";
    set(case_index("legal_aid.lottery_assignments"), Value::count(n[kALottery]));
    set(case_index("legal_aid.lottery_lawyers"), Value::count(f.lawyers));
    set(case_index("legal_aid.lottery_min"), f.lawyers ? Value::count(f.min) : Value::undefined(kNone));
    set(case_index("legal_aid.lottery_max"), f.lawyers ? Value::count(f.max) : Value::undefined(kNone));
    set(case_index("legal_aid.lottery_mean"), Value::number(f.assignments, f.lawyers, kNone));
    set(case_index("legal_aid.lottery_cv"), lottery_cv(f));
    set(case_index("legal_aid.lottery_chi2_p"), lottery_chi2_p(f));
  }
  set(case_index("legal_aid.commitment_share"), Value::ratio(n[kACommitment], n[kAAccepted], "no cases accepted in the period"));
  set(case_index("legal_aid.closed"), Value::count(n[kAClosed]));
  set(case_index("legal_aid.clearance_rate"), Value::ratio(n[kAClosed], n[kAAccepted], "no cases accepted in the period"));
  set(case_index("legal_aid.disposition_time"),
      Value::days(c.period.days() * n[kAPendingEnd], n[kAClosed], "no cases closed in the period"));
  set(case_index("legal_aid.pending_over_limit_share"),
      pr.legal_aid_case_limit_days
          ? Value::ratio(n[kAPendingOverLimit], n[kAPendingEnd], "no cases pending")
          : Value::undefined("the law sets no time limit for a legal-aid case; a profile may set "
                             "legal_aid_case_limit_days"));

  // Registry
  struct RegistryIds {
    RegistryKind kind;
    size_t standing, fresh;
  };
  static constexpr RegistryIds kRegistryIds[] = {
      {RegistryKind::kLawFirm, case_index("registry.law_firm"), case_index("registry.law_firm.new")},
      {RegistryKind::kLawyer, case_index("registry.lawyer"), case_index("registry.lawyer.new")},
      {RegistryKind::kMediationOrg, case_index("registry.mediation_org"), case_index("registry.mediation_org.new")},
      {RegistryKind::kMediatorFulltime, case_index("registry.mediator_fulltime"),
       case_index("registry.mediator_fulltime.new")},
      {RegistryKind::kNotaryOffice, case_index("registry.notary_office"), case_index("registry.notary_office.new")},
      {RegistryKind::kNotaryPoint, case_index("registry.notary_point"), case_index("registry.notary_point.new")},
      {RegistryKind::kLegalServicePlatform, case_index("registry.legal_service_platform"),
       case_index("registry.legal_service_platform.new")},
  };
  for (const RegistryIds& r : kRegistryIds) {
    const size_t k = static_cast<size_t>(r.kind);
    set(r.standing, Value::count(n[kGStanding + k]));
    set(r.fresh, Value::count(n[kGNew + k]));
  }

  // Mediation
  set(case_index("mediation.received"), Value::count(n[kMReceived]));
  set(case_index("mediation.major_group"), Value::count(n[kMMajorGroup]));
  set(case_index("mediation.success_rate"), Value::ratio(n[kMSuccess], n[kMClosed], "no cases closed in the period"));
  set(case_index("mediation.clearance_rate"), Value::ratio(n[kMClosed], n[kMReceived], "no cases received in the period"));
  set(case_index("mediation.disposition_time"),
      Value::days(c.period.days() * n[kMPendingEnd], n[kMClosed], "no cases closed in the period"));
  set(case_index("mediation.pending_over_limit_share"),
      calendar_ratio(n[kMPendingOverLimit], n[kMPendingEnd], n[kMPendingOffCalendar], "no cases pending"));

  // Activities: a tally nobody reported is missing, not zero.
  auto activity_sum = [&](size_t k) { return quantity_sum(n[kXSumLow + k], n[kXSumHigh + k]); };
  for (int k = 1; k < kIndicatorCount; ++k) {
    const std::optional<int64_t> sum = activity_sum(static_cast<size_t>(k));
    v[cat.activity_index[static_cast<size_t>(k)]] =
        n[kXRows + k] == 0 ? Value::undefined("no tallies of this indicator in the period")
        : sum              ? Value::count(*sum)
                           : Value::undefined(kSumTooLarge);
  }
  const size_t takers = static_cast<size_t>(Indicator::kStaffExamTakers);
  const size_t passed = static_cast<size_t>(Indicator::kStaffExamPassed);
  const std::optional<int64_t> n_passed = activity_sum(passed), n_takers = activity_sum(takers);
  set(cat.metrics.size() - 1,  // staff_exam.pass_rate closes the catalogue
      n[kXRows + passed] == 0  ? Value::undefined("no pass tallies in the period")
      : !n_passed || !n_takers ? Value::undefined(kSumTooLarge)
                               : Value::ratio(*n_passed, *n_takers, "no exam takers in the period"));
  return v;
}

// has_data says whether a family has any record touching the period, so a
// previous period with no records gives no YoY rather than a fall to zero.
bool family_has_data(const Tally& t, Family f, size_t metric_index) {
  const auto& n = t.n;
  switch (f) {
    case Family::kReconsideration: return n[kRReceived] + n[kRClosed] + n[kRPendingStart] > 0;
    case Family::kLitigation: return n[kLReceived] + n[kLClosedAll] + n[kLPendingEndFirst] > 0;
    case Family::kLegalAid: return n[kAAccepted] + n[kAClosed] + n[kADecided] + n[kAPendingEnd] > 0;
    case Family::kMediation: return n[kMReceived] + n[kMClosed] + n[kMPendingEnd] > 0;
    case Family::kRegistry: {
      int64_t any = 0;
      for (int k = 0; k < kRegistryKindCount; ++k) any += n[kGStanding + k] + n[kGNew + k];
      return any > 0;
    }
    case Family::kActivity: {
      const size_t k = catalogue().indicator_of[metric_index];
      return n[kXRows + (k != 0 ? k : static_cast<size_t>(Indicator::kStaffExamPassed))] > 0;
    }
    case Family::kRegions: break;  // no metric counts region names
  }
  return false;
}

// The family's record count in the whole dataset: with none loaded at all, its
// metrics are undefined rather than zero.
size_t family_rows(const Dataset& ds, Family f) {
  switch (f) {
    case Family::kReconsideration: return ds.reconsideration().size();
    case Family::kLitigation: return ds.litigation().size();
    case Family::kLegalAid: return ds.legal_aid().size();
    case Family::kMediation: return ds.mediation().size();
    case Family::kRegistry: return ds.registry().size();
    case Family::kActivity: return ds.activity().size();
    case Family::kRegions: break;  // no metric counts region names
  }
  return 0;
}


// sibling_groups lists the regions by parent (the provinces together), the
// groups rank_among_siblings ranks within.
std::vector<std::vector<size_t>> sibling_groups(const std::vector<RegionFigures>& regions) {
  std::map<uint32_t, std::vector<size_t>> groups;  // parent code (0: none) -> regions
  for (size_t i = 0; i < regions.size(); ++i) {
    const auto parent = regions[i].code.parent();
    groups[parent ? parent->value() : 0].push_back(i);
  }
  std::vector<std::vector<size_t>> out;
  for (auto& [parent, members] : groups) out.push_back(std::move(members));
  return out;
}

// rank_among_siblings fills a rank metric from its source metric: among the
// regions with the same parent, 1 + the number with a strictly larger value,
// so ties share the better rank. Each group is sorted once, largest first,
// rather than comparing every pair.
void rank_among_siblings(std::vector<RegionFigures>& regions, const std::vector<std::vector<size_t>>& groups,
                         size_t rank_index, size_t source_index, bool previous) {
  auto values_of_region = [&](size_t i) -> std::vector<Value>& {
    return previous ? regions[i].previous : regions[i].current;
  };
  std::vector<std::pair<int64_t, size_t>> ranked;  // (value, region), largest first
  for (const std::vector<size_t>& members : groups) {
    ranked.clear();
    for (const size_t i : members) {
      std::vector<Value>& values = values_of_region(i);
      if (values[source_index].defined()) {
        ranked.emplace_back(values[source_index].integer, i);
      } else {
        values[rank_index] = Value::undefined("no value to rank");
      }
    }
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    size_t rank = 0;
    for (size_t k = 0; k < ranked.size(); ++k) {
      if (k == 0 || ranked[k].first != ranked[k - 1].first) rank = k + 1;  // k regions are larger
      values_of_region(ranked[k].second)[rank_index] = Value::rank(static_cast<int64_t>(rank));
    }
  }
}

}  // namespace

absl::StatusOr<Figures> compute_figures(const Dataset& ds, Period period, const Profile& profile,
                                        const Calendar& calendar, int threads) {
  if (period.to < period.from) return absl::InvalidArgumentError("the period ends before it starts");
  return compute_figures(ds, period, year_ago_period(period), profile, calendar, threads);
}

absl::StatusOr<Figures> compute_figures(const Dataset& ds, Period period, Period compared, const Profile& profile,
                                        const Calendar& calendar, int threads) {
  if (period.to < period.from) return absl::InvalidArgumentError("the period ends before it starts");
  if (absl::Status s = ds.check_whole(); !s.ok()) return s;
  // The pass counts a date into one period's slot (slot_of), so they may not overlap.
  if (compared.to < compared.from || compared.to >= period.from) {
    return absl::InvalidArgumentError("the period compared with must end before the period starts");
  }
  Figures fig;
  fig.period = period;
  fig.previous = compared;

  // Regions: every code a record used, with its city and province.
  const std::vector<RegionCode>& codes = ds.regions();
  // The Blocks' rows: the record regions in code order.
  std::vector<uint32_t> by_code(codes.size());
  for (uint32_t r = 0; r < by_code.size(); ++r) by_code[r] = r;
  std::sort(by_code.begin(), by_code.end(), [&](uint32_t a, uint32_t b) { return codes[a] < codes[b]; });
  // Districts first, then cities, then provinces, each in code order: sorted
  // by integer keys, the level worked out once per node, not per comparison.
  // Taken in code order, a city or a province repeats only next to itself,
  // so it is listed once (a third as much to sort as every code's three).
  std::vector<std::pair<uint64_t, RegionCode>> keyed;
  auto add_node = [&](RegionCode node) {
    const auto districts_first = static_cast<uint64_t>(RegionLevel::kDistrict) - static_cast<uint64_t>(node.level());
    keyed.emplace_back(districts_first << 32 | node.value(), node);
  };
  for (size_t k = 0; k < by_code.size(); ++k) {
    const RegionCode c = codes[by_code[k]];
    const std::optional<RegionCode> before = k > 0 ? std::optional(codes[by_code[k - 1]]) : std::nullopt;
    add_node(c);
    if (!before || before->city() != c.city()) add_node(c.city());
    if (!before || before->province() != c.province()) add_node(c.province());
  }
  std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<RegionCode> nodes;
  nodes.reserve(keyed.size());
  for (size_t i = 0; i < keyed.size(); ++i) {
    if (i == 0 || keyed[i].first != keyed[i - 1].first) nodes.push_back(keyed[i].second);
  }
  absl::flat_hash_map<uint32_t, size_t> node_of;
  for (size_t i = 0; i < nodes.size(); ++i) node_of[nodes[i].value()] = i;

  Rows rows(codes.size());
  for (uint32_t row = 0; row < by_code.size(); ++row) rows[by_code[row]] = row;
  const std::unique_ptr<const Pass> pass = tally(ds, Periods{period, fig.previous}, profile, calendar, rows, threads);

  // Roll up: a region's tally is its own records plus those of every region
  // inside it, so each node lists the rows it sums.
  std::vector<std::vector<uint32_t>> members(nodes.size());
  for (const uint32_t r : by_code) {  // so each list is in row order
    const RegionCode c = codes[r];
    std::array<size_t, 3> targets = {node_of[c.value()], node_of[c.city().value()], node_of[c.province().value()]};
    for (size_t k = 0; k < targets.size(); ++k) {
      if (std::find(targets.begin(), targets.begin() + static_cast<std::ptrdiff_t>(k), targets[k]) ==
          targets.begin() + static_cast<std::ptrdiff_t>(k)) {
        members[targets[k]].push_back(rows[r]);
      }
    }
  }

  const Reason no_basis = no_basis_reason(profile.correction_basis);
  const Context cur_ctx{&ds, &profile, period, no_basis};
  const Context prev_ctx{&ds, &profile, fig.previous, no_basis};
  // A family with no records at all: its metrics are undefined, not zero.
  std::array<std::optional<Reason>, static_cast<size_t>(Family::kActivity) + 1> no_records;
  for (const Family f : {Family::kReconsideration, Family::kLitigation, Family::kLegalAid, Family::kMediation,
                         Family::kRegistry, Family::kActivity}) {
    if (family_rows(ds, f) == 0) {
      no_records[static_cast<size_t>(f)] =
          Reason::intern(absl::StrCat("no ", absl_view(family_name(f)), " records in the dataset"));
    }
  }
  const std::span<const MetricInfo> cat = metric_catalogue();
  fig.regions.resize(nodes.size());
  // assemble fills region i's figures from its tallies (scratch reused).
  auto assemble = [&](size_t i, Tally& cur_tally, Tally& prev_tally) {
    RegionFigures& rf = fig.regions[i];
    rf.code = nodes[i];
    pass->tally_into(members[i], 0, cur_tally);
    pass->tally_into(members[i], 1, prev_tally);
    rf.current = values_of(cur_tally, cur_ctx);
    rf.previous = values_of(prev_tally, prev_ctx);
    rf.previous_has_data.resize(cat.size());
    for (size_t m = 0; m < cat.size(); ++m) {
      rf.previous_has_data[m] = family_has_data(prev_tally, cat[m].family, m);
      if (const std::optional<Reason>& why = no_records[static_cast<size_t>(cat[m].family)]) {
        rf.current[m] = Value::undefined(*why);
        rf.previous[m] = Value::undefined(*why);
        rf.previous_has_data[m] = false;
      }
    }
    const auto& n = cur_tally.n;
    const int64_t off = n[kRIntakeOffCalendar] + n[kRDeadlineOffCalendar] + n[kRPendingOffCalendar] +
                        n[kLDefenceOffCalendar] + n[kLPendingOffCalendarFirst] + n[kAReviewOffCalendar] +
                        n[kAReviewDeadlineOffCalendar] + n[kAAssignOffCalendar] + n[kMPendingOffCalendar];
    if (off > 0) {
      rf.notices.push_back(absl::StrCat(
          off, " working-day or deadline checks fall outside the loaded calendar; the figures "
               "that need them are left undefined"));
    }
  };
  // Each region's figures depend on its own tallies only, so the threads
  // share the regions out, kRegionsPerTask at a time, handed out as threads
  // free up, each thread with scratch tallies of its own. The roll-ups, which
  // sum many regions, are last in `nodes`, so the regions are taken from the
  // end: the largest tasks first.
  constexpr size_t kRegionsPerTask = 64;
  struct Scratch {
    Tally cur, prev;
  };
  std::vector<Scratch> scratch(
      internal::worker_count(internal::chunk_count(nodes.size(), kRegionsPerTask), threads));
  internal::parallel_for_chunks(nodes.size(), kRegionsPerTask, threads, [&](size_t first, size_t end, size_t worker) {
    for (size_t k = first; k < end; ++k) assemble(nodes.size() - 1 - k, scratch[worker].cur, scratch[worker].prev);
  });
  const std::vector<std::vector<size_t>> siblings = sibling_groups(fig.regions);
  for (const bool previous : {false, true}) {
    rank_among_siblings(fig.regions, siblings, case_index("legal_aid.accepted_rank"), case_index("legal_aid.accepted"),
                        previous);
    rank_among_siblings(fig.regions, siblings, case_index("mediation.received_rank"), case_index("mediation.received"),
                        previous);
  }

  // The YoY of received applications is a metric of its own in the catalogue.
  constexpr size_t received = case_index("reconsideration.received");
  constexpr size_t received_yoy = case_index("reconsideration.received_yoy");
  for (RegionFigures& rf : fig.regions) {
    const Value& now = rf.current[received];
    const Value& before = rf.previous[received];
    if (!now.defined() || !rf.previous_has_data[received] || !before.defined() || before.integer == 0) {
      rf.current[received_yoy] = Value::undefined("no applications received in the previous period");
    } else {
      rf.current[received_yoy] = Value::ratio(now.integer - before.integer, before.integer, "");
    }
    rf.previous[received_yoy] = Value::undefined("not computed for the previous period");
    rf.previous_has_data[received_yoy] = false;
  }
  return fig;
}

}  // namespace fazhi
