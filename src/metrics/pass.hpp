// The record pass's parts: the tests every family's tally makes of its rows
// (in a period, open at a period's end, on time), the tables that answer a
// time limit's last day and the working days between two days without asking
// the Calendar per row, and the runs of one region's rows the loops work on.
// Written to vectorize: masks and sums instead of branches on dates, which
// fall either way at random. The families' tallies (reconsideration.cpp,
// ...) are built from these, each for any x86-64 and for AVX2
// (FAZHI_PASS_ENTRY).
//
// A sketch of a family's tally:
//
//   for_each_run(columns.region, range, [&](RegionIndex index, size_t b, size_t e) FAZHI_PASS_PART {
//     const auto n = block.at(rows[index], 0);
//     for (size_t i = b; i < e; ++i) n_received += in(periods[0], received[i]);
//     ...
//   });
#ifndef FAZHI_SRC_METRICS_PASS_HPP_
#define FAZHI_SRC_METRICS_PASS_HPP_

#include <algorithm>
#include <array>
#include <climits>
#include <memory>
#include <cstdint>
#include <span>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "fazhi/calendar.hpp"
#include "fazhi/dataset.hpp"
#include "fazhi/profile.hpp"
#include "fazhi/time_limits.hpp"
#include "metrics/tally.hpp"
#include "platform/cpu.hpp"

namespace fazhi::internal {

inline bool has(DayNumber d) { return d != kNoDay; }

// in is Period::contains as one unsigned comparison (from <= d <= to as
// d - from <= to - from, modulo 2^32; compute_figures has checked from <= to),
// without a branch: the record pass asks it of every date, and dates fall
// inside and outside at random, so a branch would be mispredicted.
inline bool in(const Period& p, DayNumber d) {
  return static_cast<uint32_t>(d) - static_cast<uint32_t>(p.from) <=
         static_cast<uint32_t>(p.to) - static_cast<uint32_t>(p.from);
}

// slot_of is the Block slot of a day: 0 in the period, 1 in the previous one,
// kDiscard in neither (kNoDay included). The periods do not overlap.
inline int slot_of(const Periods& p, DayNumber d) {
  return kDiscard - 2 * static_cast<int>(in(p[0], d)) - static_cast<int>(in(p[1], d));
}

// days_from is to - from, for loops that compute it for every row, recorded
// or not (kNoDay), and keep it only where both days are: modulo 2^32, so no
// row overflows (which would be undefined), and exact for two recorded days.
inline int32_t days_from(DayNumber from, DayNumber to) {
  return static_cast<int32_t>(static_cast<uint32_t>(to) - static_cast<uint32_t>(from));
}

// open_at_end: a case (or an entity) opened on `opened` and closed on
// `closed` (kNoDay: not yet) is open at the end of day d when
// opened <= d < closed. Pending at a period's end is open at p.to; pending
// at its start, open at p.from - 1. Bitwise, so that loops over runs
// vectorize and nothing branches on dates that fall either way at random.
inline bool open_at_end(DayNumber d, DayNumber opened, DayNumber closed) {
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

// scratch is the first n values of a scratch vector, grown when short.
template <typename T>
std::span<T> scratch(std::vector<T>& v, size_t n) {
  if (v.size() < n) v.resize(n);
  return {v.data(), n};
}

// PassInput is what every family's tally reads besides its own columns.
struct PassInput {
  const Dataset& ds;
  const Periods& periods;
  const Profile& profile;
  const Calendar& cal;
  const Deadlines& deadlines;
  const Rows& rows;
  // runs: the column whose runs of equal values the tally follows, each value
  // a Block row through `rows`: null for the family's region column (the
  // scalar figures), a breakdown's groups otherwise (breakdown.cpp).
  const std::vector<RegionIndex>* runs = nullptr;
};

// FAZHI_PASS_ENTRY(entry, part) defines `entry`, which runs the pass part
// `part` (a FAZHI_PASS_PART function) in its AVX2 build where the CPU has
// AVX2 (internal::use_avx2), else in its build for any x86-64.
#if FAZHI_AVX2_BUILDS
#define FAZHI_PASS_ENTRY(entry, part)                                  \
  template <typename... Args>                                          \
  __attribute__((target("avx2"))) void entry##_avx2(Args&... args) {   \
    part(args...);                                                     \
  }                                                                    \
  template <typename... Args>                                          \
  void entry(Args&... args) {                                          \
    if (internal::use_avx2()) return entry##_avx2(args...);            \
    part(args...);                                                     \
  }
#else
#define FAZHI_PASS_ENTRY(entry, part)         \
  template <typename... Args>                 \
  void entry(Args&... args) {                 \
    part(args...);                            \
  }
#endif

// run_record_pass makes the one pass over every record for both periods,
// with `threads` threads (pass.cpp); rows: each RegionIndex's row in the Blocks.
// keep_lawyers also keeps every slot's cases by lawyer id
// (Pass::lottery_by_lawyer), which a portable tally carries.
std::unique_ptr<Pass> run_record_pass(const Dataset& ds, const Periods& periods, const Profile& profile,
                                      const Calendar& cal, const Rows& rows, int threads,
                                      bool keep_lawyers = false);

}  // namespace fazhi::internal

#endif  // FAZHI_SRC_METRICS_PASS_HPP_
