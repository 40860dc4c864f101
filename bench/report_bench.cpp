// The report's cost once the records are in memory: the single pass over every
// record (compute_figures), the per-region assembly with presented text
// (compute_all_reports), and the JSON. ->Range shows how each grows with the
// number of records (linear, and not with the number of regions).
//
// FAZHI_BENCH_DATA_<N> may name an existing folder of N records; otherwise the
// scale generator writes one into /tmp/fazhi-bench-<N>.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "fazhi/report.hpp"
#include "scale_generator.hpp"

namespace {

const fazhi::Dataset& dataset(int64_t records) {
  static auto* cache = new std::map<int64_t, std::unique_ptr<fazhi::Dataset>>;
  auto& ds = (*cache)[records];
  if (ds) return *ds;
  std::string dir = "/tmp/fazhi-bench-" + std::to_string(records);
  if (const char* given = std::getenv(("FAZHI_BENCH_DATA_" + std::to_string(records)).c_str())) {
    dir = given;
  } else if (!std::filesystem::exists(dir + "/regions.csv")) {
    fazhi::bench::ScaleOptions o;
    o.records = records;
    o.out = dir;
    if (!fazhi::bench::generate_scale(o).ok()) std::abort();
  }
  ds = std::make_unique<fazhi::Dataset>();
  if (!ds->load_dir(dir).ok()) std::abort();
  return *ds;
}

void BM_Report_ComputeFigures(benchmark::State& state) {
  const fazhi::Dataset& ds = dataset(state.range(0));
  const fazhi::Profile profile;
  for (auto _ : state) {
    auto fig = fazhi::compute_figures(ds, fazhi::year_period(2019), profile);
    benchmark::DoNotOptimize(fig);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.counters["regions"] = static_cast<double>(ds.regions().size());
}
BENCHMARK(BM_Report_ComputeFigures)
    ->Arg(100'000)
    ->Arg(1'000'000)
    ->Arg(3'000'000)
    ->Arg(10'000'000)
    ->Unit(benchmark::kMillisecond);

// The same with the record pass split over two threads (an addition: the
// single-thread figure above is the one the targets are stated in).
void BM_Report_ComputeFigures2Threads(benchmark::State& state) {
  const fazhi::Dataset& ds = dataset(state.range(0));
  const fazhi::Profile profile;
  for (auto _ : state) {
    auto fig = fazhi::compute_figures(ds, fazhi::year_period(2019), profile, fazhi::Calendar::national(), 2);
    benchmark::DoNotOptimize(fig);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Report_ComputeFigures2Threads)
    ->Arg(100'000)
    ->Arg(1'000'000)
    ->Arg(3'000'000)
    ->Arg(10'000'000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void BM_Report_AllRegions(benchmark::State& state) {
  const fazhi::Dataset& ds = dataset(state.range(0));
  for (auto _ : state) {
    auto all = fazhi::compute_all_reports(ds, fazhi::year_period(2019));
    benchmark::DoNotOptimize(all);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Report_AllRegions)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

void BM_Report_AllRegionsJson(benchmark::State& state) {
  const fazhi::Dataset& ds = dataset(state.range(0));
  auto all = fazhi::compute_all_reports(ds, fazhi::year_period(2019));
  if (!all.ok()) std::abort();
  int64_t bytes = 0;
  for (auto _ : state) {
    std::string json = fazhi::to_json(*all);
    bytes += static_cast<int64_t>(json.size());
    benchmark::DoNotOptimize(json);
  }
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_Report_AllRegionsJson)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

// What `fazhi report --all-regions --format json` does once the data is loaded.
void BM_Report_AllRegionsJsonStreamed(benchmark::State& state) {
  const fazhi::Dataset& ds = dataset(state.range(0));
  const int threads = static_cast<int>(state.range(1));
  int64_t bytes = 0;
  for (auto _ : state) {
    auto json = fazhi::all_reports_json(ds, fazhi::year_period(2019), {}, fazhi::Calendar::national(), threads);
    bytes += static_cast<int64_t>(json->size());
    benchmark::DoNotOptimize(json);
  }
  state.SetBytesProcessed(bytes);
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Report_AllRegionsJsonStreamed)
    ->Args({100'000, 1})
    ->Args({1'000'000, 1})
    ->Args({1'000'000, 2})
    ->Args({3'000'000, 2})
    ->Args({10'000'000, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
