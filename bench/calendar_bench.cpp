// Calendar queries are O(1): the cost of workdays_between does not grow with
// the distance between the dates (compare the ->Range sizes).
#include <benchmark/benchmark.h>

#include "fazhi/calendar.hpp"

namespace {

using fazhi::Calendar;
using fazhi::DayNumber;

DayNumber day(int y, int m, int d) {
  return fazhi::to_day_number(fazhi::Date(static_cast<unsigned short>(y),
                                          static_cast<unsigned short>(m),
                                          static_cast<unsigned short>(d)));
}

// Span in days between the two dates of each query.
void BM_Calendar_WorkdaysBetween(benchmark::State& state) {
  const Calendar& cal = Calendar::national();
  const DayNumber first = day(2004, 1, 1);
  const DayNumber span = static_cast<DayNumber>(state.range(0));
  DayNumber a = first;
  int64_t total = 0;
  for (auto _ : state) {
    int32_t n = 0;
    cal.try_workdays_between(a, a + span, n);
    total += n;
    a = first + (a - first + 7919) % 7000;  // wander over the years
  }
  benchmark::DoNotOptimize(total);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Calendar_WorkdaysBetween)->RangeMultiplier(8)->Range(1, 4096);

void BM_Calendar_WorkdaysBetweenChecked(benchmark::State& state) {
  const Calendar& cal = Calendar::national();
  const fazhi::Date a(2019, 9, 30), b(2019, 10, 8);
  for (auto _ : state) benchmark::DoNotOptimize(cal.workdays_between(a, b));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Calendar_WorkdaysBetweenChecked);

void BM_Calendar_AddWorkdays(benchmark::State& state) {
  const Calendar& cal = Calendar::national();
  const fazhi::Date a(2019, 9, 27);
  const int32_t n = static_cast<int32_t>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(cal.add_workdays(a, n));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Calendar_AddWorkdays)->RangeMultiplier(8)->Range(1, 1024);

void BM_Calendar_PeriodEndDays(benchmark::State& state) {
  const Calendar& cal = Calendar::national();
  const fazhi::Date a(2019, 8, 2);
  for (auto _ : state) benchmark::DoNotOptimize(cal.period_end_days(a, 60));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Calendar_PeriodEndDays);

}  // namespace
