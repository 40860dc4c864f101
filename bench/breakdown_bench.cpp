// The cost of one breakdown or series once the records are in memory
// (fazhi table, fazhi series): a province of the generated data, which holds
// about 1/31 of its records, split by free text, by a code, by its cities,
// by month (one pass per month), by a dimension column, and the whole
// dataset (000000) by province. ->Arg shows how each grows with the
// number of records in the dataset.
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
#include "fazhi/dataset.hpp"
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

// The province of the dataset's first district.
fazhi::RegionCode province(const fazhi::Dataset& ds) {
  return std::min_element(ds.regions().begin(), ds.regions().end())->province();
}

void run(benchmark::State& state, const char* metric, const char* by, bool national = false) {
  const fazhi::Dataset& ds = dataset(state.range(0));
  const fazhi::RegionCode region = national ? fazhi::kNational : province(ds);
  size_t rows = 0;
  for (auto _ : state) {
    absl::StatusOr<fazhi::Breakdown> b = fazhi::compute_breakdown(ds, region, fazhi::year_period(2019), metric, by);
    if (!b.ok()) std::abort();
    rows = b->rows.size();
    benchmark::DoNotOptimize(b);
  }
  state.counters["rows"] = static_cast<double>(rows);
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_Breakdown_ByRespondent(benchmark::State& state) { run(state, "reconsideration.received", "respondent"); }
void BM_Breakdown_ByDisposition(benchmark::State& state) {
  run(state, "reconsideration.correction_rate", "disposition");
}
void BM_Breakdown_ByRegion(benchmark::State& state) { run(state, "mediation.received", "region"); }
void BM_Breakdown_ByMonth(benchmark::State& state) { run(state, "legal_aid.accepted", "month"); }
// A dimension column of docs/data.md (empty in the generated data: one row, 未填).
void BM_Breakdown_ByActType(benchmark::State& state) { run(state, "reconsideration.received", "act_type"); }
// 000000: every record of the dataset, by province.
void BM_Breakdown_NationalByProvince(benchmark::State& state) {
  run(state, "reconsideration.received", "region", true);
}

BENCHMARK(BM_Breakdown_ByRespondent)->Arg(1'000'000)->Arg(10'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Breakdown_ByDisposition)->Arg(1'000'000)->Arg(10'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Breakdown_ByRegion)->Arg(1'000'000)->Arg(10'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Breakdown_ByMonth)->Arg(1'000'000)->Arg(10'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Breakdown_ByActType)->Arg(1'000'000)->Arg(10'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Breakdown_NationalByProvince)->Arg(1'000'000)->Arg(10'000'000)->Unit(benchmark::kMillisecond);

}  // namespace
