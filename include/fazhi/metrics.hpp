// fazhi/metrics.hpp -- the metric catalogue of docs/metrics.md, computed exactly.
//
// One pass over a Dataset tallies every region's counts for a period and the
// previous one; cities and provinces are the sums of their districts' tallies
// (rates are recomputed from the summed numerators and denominators, never
// averaged); each metric's exact Value is then derived from the tallies.
//
//   fazhi::Period p = fazhi::year_period(2019);
//   absl::StatusOr<fazhi::Figures> f = fazhi::compute_figures(ds, p, profile);
//   const fazhi::Value& v = f->region(*code).current[index_of("litigation.win_rate")];
#ifndef FAZHI_METRICS_HPP_
#define FAZHI_METRICS_HPP_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "fazhi/calendar.hpp"
#include "fazhi/dataset.hpp"
#include "fazhi/exact.hpp"
#include "fazhi/profile.hpp"
#include "fazhi/region.hpp"

namespace fazhi {

// Period is a closed range of days [from, to].
struct Period {
  DayNumber from = 0;
  DayNumber to = 0;
  int64_t days() const noexcept { return static_cast<int64_t>(to) - from + 1; }
  bool contains(DayNumber d) const noexcept { return d >= from && d <= to; }
};

// make_period checks from <= to; year_period is 1 January to 31 December.
absl::StatusOr<Period> make_period(Date from, Date to);
Period year_period(int year);

// previous_period is the period of the same length just before `p`, which
// 环比 (the sequential change) compares with. Whole calendar years map to the
// previous years and whole months to the previous months (so March-May 2019
// compares with December 2018-February 2019); any other range to the same
// number of days before it.
Period previous_period(Period p);

// year_ago_period is the period 同比 (year-on-year) compares with: the same
// dates one year earlier, 29 February mapped to 28 February (so 2021 compares
// with all 366 days of 2020, March-May 2019 with March-May 2018). A period
// longer than a year goes back as many whole years as it takes to end before
// `p` starts (2018-2019 compares with 2016-2017).
Period year_ago_period(Period p);

// is_whole_years says whether `p` runs from a 1 January to a 31 December. Such
// a period has no 环比: its period just before is its year-ago period.
bool is_whole_years(Period p);

// ValueKind says how a metric's exact value reads.
enum class ValueKind : uint8_t {
  kUndefined,  // no value: a zero denominator, missing data; `reason` says which
  kCount,      // an integer count
  kRatio,      // a fraction of 1 (a rate or share)
  kMoney,      // integer fen
  kDays,       // a number of days (calendar or working), possibly fractional
  kRank,       // 1 = first
  kNumber,     // a plain number, possibly fractional: a mean, a statistic
};

// Reason says why a value is undefined. Every region and period has ~150
// metrics and most small regions leave many of them undefined, so a reason is
// a pointer to text that lives as long as the program, not a string of its
// own: a string literal (the constructor is consteval, so nothing else binds)
// or, for the few reasons built at run time, text interned once (`intern`).
// The text is NUL-terminated, so the C ABI hands it out as it is.
class Reason {
 public:
  constexpr Reason() noexcept = default;  // no reason: ""
  template <size_t N>
  consteval Reason(const char (&literal)[N]) noexcept : text_(literal) {}
  // intern keeps one copy of each distinct run-time text for the life of the
  // program (a handful in practice: the off-calendar counts seen).
  static Reason intern(std::string_view text);

  const char* c_str() const noexcept { return text_; }
  std::string_view view() const noexcept { return text_; }
  operator std::string_view() const noexcept { return text_; }
  bool empty() const noexcept { return text_[0] == '\0'; }

 private:
  struct Interned {};
  constexpr Reason(Interned, const char* text) noexcept : text_(text) {}
  const char* text_ = "";
};
std::ostream& operator<<(std::ostream& os, const Reason& r);

// Value is one metric's exact value. Every figure the catalogue computes is a
// ratio of two 64-bit tallies, so it is held as such; `exact()` gives the
// arbitrary-precision Fraction for arithmetic and presentation.
struct Value {
  ValueKind kind = ValueKind::kUndefined;
  int64_t integer = 0;  // kCount, kMoney (fen), kRank
  int64_t num = 0;      // kRatio, kDays: num / den, as tallied (110/117, not reduced)
  int64_t den = 0;
  Reason reason;        // kUndefined

  bool defined() const { return kind != ValueKind::kUndefined; }
  // exact is the value as a fraction: counts over 1, money in yuan (fen/100,
  // reduced), rates and days as tallied (110/117).
  Fraction exact() const;

  static Value count(int64_t n);
  static Value money(int64_t fen);
  static Value rank(int64_t r);
  // days and ratio are undefined (with the reason) when den is 0.
  static Value days(int64_t num, int64_t den, Reason undefined_reason);
  static Value ratio(int64_t num, int64_t den, Reason undefined_reason);
  // number is undefined (with the reason) when den is 0.
  static Value number(int64_t num, int64_t den, Reason undefined_reason);
  static Value undefined(Reason reason);
};

// Family groups metrics by the records they come from: a family is the
// record kind it counts (every kind but kRegions, which only names regions).
using Family = RecordKind;

// family_name is the family's id, as metric ids begin with it ("legal_aid"):
// its kind's name.
inline std::string_view family_name(Family f) { return kind_name(f); }

struct MetricInfo {
  std::string_view id;     // "litigation.win_rate"
  std::string_view label;  // "胜诉率"
  std::string_view unit;   // "件", "%", "元", "天", "个工作日", "位"
  Family family;
  ValueKind kind;          // what a defined value is
  bool has_yoy;            // YoY is meaningful (not for ranks)
};

// metric_catalogue lists every metric in report order; a metric's index in
// this list indexes Figures' value vectors.
std::span<const MetricInfo> metric_catalogue();
std::optional<size_t> metric_index(std::string_view id);

// RegionFigures are one region's values for the period and the previous one.
struct RegionFigures {
  RegionCode code;
  std::vector<Value> current;   // by catalogue index
  std::vector<Value> previous;  // by catalogue index; undefined without data
  std::vector<bool> previous_has_data;  // by catalogue index
  // Notices about this region's figures (e.g. records outside the calendar).
  std::vector<std::string> notices;
};

// Figures are every region's values: the regions used by records, and their
// cities and provinces, in the order districts, cities, provinces (each by code).
struct Figures {
  Period period;
  Period previous;  // the period compared with (`previous` in RegionFigures)
  std::vector<RegionFigures> regions;
  const RegionFigures* find(RegionCode code) const;
};

// report_regions lists the regions of Figures without computing them: every
// region a record names, with its city and province, in the order districts,
// cities, provinces (each by code). compute_all_reports reports on these.
std::vector<RegionCode> report_regions(const Dataset& ds);

// compute_figures is the single pass: every region and roll-up at once, for
// `period` and the year-ago period it is compared with (year_ago_period).
// `threads` > 1 splits the pass over the records between that many threads
// (the figures are the same); 1, the default, runs it on the calling thread;
// 0, one thread per hardware thread (as LoadOptions::threads).
absl::StatusOr<Figures> compute_figures(const Dataset& ds, Period period, const Profile& profile,
                                        const Calendar& calendar = Calendar::national(), int threads = 1);
// compute_figures against `compared` instead (previous_period(period) for
// 环比); `compared` must end before `period` starts (InvalidArgument if not).
absl::StatusOr<Figures> compute_figures(const Dataset& ds, Period period, Period compared,
                                        const Profile& profile, const Calendar& calendar = Calendar::national(),
                                        int threads = 1);

}  // namespace fazhi

#endif  // FAZHI_METRICS_HPP_
