// The cost of a case list and of a department table once the records are in
// memory (fazhi cases, fazhi departments): the district of the generated
// data with the most records, a case list of one count, one of a rate's
// denominator, one breakdown row's list (a code, a text, a rate's part by an
// agency, a month), a follow-up list, and the district's department table. ->Arg
// shows how each grows with the number of records in the dataset (a
// district's share of them is about the same at every size).
//
// FAZHI_BENCH_DATA_<N> may name an existing folder of N records; otherwise the
// scale generator writes one into /tmp/fazhi-bench-<N>.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "fazhi/breakdown.hpp"
#include "fazhi/cases.hpp"
#include "fazhi/dataset.hpp"
#include "fazhi/departments.hpp"
#include "scale_generator.hpp"

namespace {

std::string data_dir(int64_t records) {
  std::string dir = "/tmp/fazhi-bench-" + std::to_string(records);
  if (const char* given = std::getenv(("FAZHI_BENCH_DATA_" + std::to_string(records)).c_str())) {
    dir = given;
  } else if (!std::filesystem::exists(dir + "/regions.csv")) {
    fazhi::bench::ScaleOptions o;
    o.records = records;
    o.out = dir;
    if (!fazhi::bench::generate_scale(o).ok()) std::abort();
  }
  return dir;
}

const fazhi::Dataset& dataset(int64_t records) {
  static auto* cache = new std::map<int64_t, std::unique_ptr<fazhi::Dataset>>;
  auto& ds = (*cache)[records];
  if (ds) return *ds;
  ds = std::make_unique<fazhi::Dataset>();
  if (!ds->load_dir(data_dir(records)).ok()) std::abort();
  ds->seal();
  return *ds;
}

// The district with the most litigation records: the largest department table.
fazhi::RegionCode busiest(const fazhi::Dataset& ds) {
  std::vector<size_t> rows(ds.regions().size());
  for (const fazhi::RegionIndex r : ds.litigation().region) ++rows[r];
  return ds.regions()[static_cast<size_t>(std::max_element(rows.begin(), rows.end()) - rows.begin())];
}

void list(benchmark::State& state, const char* metric, fazhi::CasePart part) {
  const fazhi::Dataset& ds = dataset(state.range(0));
  const fazhi::RegionCode region = busiest(ds);
  size_t cases = 0;
  for (auto _ : state) {
    absl::StatusOr<fazhi::CaseList> l = fazhi::compute_case_list(ds, region, fazhi::year_period(2019), metric, part);
    if (!l.ok()) std::abort();
    cases = l->cases.size();
    benchmark::DoNotOptimize(l);
  }
  state.counters["cases"] = static_cast<double>(cases);
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_CaseList_Overdue(benchmark::State& state) { list(state, "reconsideration.overdue", fazhi::CasePart::kCount); }
void BM_CaseList_DefenceDenominator(benchmark::State& state) {
  list(state, "litigation.defence_on_time_rate", fazhi::CasePart::kDenominator);
}

// row_list times the list of one breakdown row: the largest row of the
// busiest district's breakdown of `metric` by `by` (chosen before timing).
void row_list(benchmark::State& state, const char* metric, fazhi::CasePart part, const char* by) {
  const fazhi::Dataset& ds = dataset(state.range(0));
  const fazhi::RegionCode region = busiest(ds);
  const fazhi::Period year = fazhi::year_period(2019);
  absl::StatusOr<fazhi::Breakdown> b = fazhi::compute_breakdown(ds, region, year, metric, by);
  if (!b.ok() || b->rows.empty()) std::abort();
  const fazhi::CaseRow row{by, b->rows[0].key};
  size_t cases = 0;
  for (auto _ : state) {
    absl::StatusOr<fazhi::CaseList> l = fazhi::compute_case_list(ds, region, year, metric, part, row);
    if (!l.ok()) std::abort();
    cases = l->cases.size();
    benchmark::DoNotOptimize(l);
  }
  state.counters["cases"] = static_cast<double>(cases);
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

// A code row, a free-text row (an agency: grouped through a hash map), a
// rate's denominator by a free-text column, and a month.
void BM_CaseListRow_ReceivedByCategory(benchmark::State& state) {
  row_list(state, "reconsideration.received", fazhi::CasePart::kCount, "category");
}
void BM_CaseListRow_ClosedByDisposition(benchmark::State& state) {
  row_list(state, "reconsideration.closed", fazhi::CasePart::kCount, "disposition");
}
void BM_CaseListRow_DefenceDenominatorByDefendant(benchmark::State& state) {
  row_list(state, "litigation.defence_on_time_rate", fazhi::CasePart::kDenominator, "defendant");
}
void BM_CaseListRow_MediationByMonth(benchmark::State& state) {
  row_list(state, "mediation.received", fazhi::CasePart::kCount, "month");
}

void BM_CaseList_FollowUpLateDefences(benchmark::State& state) {
  const fazhi::Dataset& ds = dataset(state.range(0));
  const fazhi::RegionCode region = busiest(ds);
  size_t cases = 0;
  for (auto _ : state) {
    absl::StatusOr<fazhi::CaseList> l = fazhi::compute_follow_up(ds, region, fazhi::year_period(2019), "late_defences");
    if (!l.ok()) std::abort();
    cases = l->cases.size();
    benchmark::DoNotOptimize(l);
  }
  state.counters["cases"] = static_cast<double>(cases);
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_Departments_District(benchmark::State& state) {
  const fazhi::Dataset& ds = dataset(state.range(0));
  const fazhi::RegionCode region = busiest(ds);
  size_t departments = 0;
  for (auto _ : state) {
    absl::StatusOr<fazhi::DepartmentTable> t = fazhi::compute_departments(ds, region, fazhi::year_period(2019));
    if (!t.ok()) std::abort();
    departments = t->departments.size();
    benchmark::DoNotOptimize(t);
  }
  state.counters["departments"] = static_cast<double>(departments);
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

BENCHMARK(BM_CaseList_Overdue)->Arg(1'000'000)->Arg(10'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CaseList_DefenceDenominator)->Arg(1'000'000)->Arg(10'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CaseList_FollowUpLateDefences)->Arg(1'000'000)->Arg(10'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CaseListRow_ReceivedByCategory)->Arg(1'000'000)->Arg(10'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CaseListRow_ClosedByDisposition)->Arg(1'000'000)->Arg(10'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CaseListRow_DefenceDenominatorByDefendant)->Arg(1'000'000)->Arg(10'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CaseListRow_MediationByMonth)->Arg(1'000'000)->Arg(10'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Departments_District)->Arg(1'000'000)->Arg(10'000'000)->Unit(benchmark::kMillisecond);

}  // namespace
