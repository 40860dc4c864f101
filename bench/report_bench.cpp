// The report's cost once the records are in memory: the single pass over every
// record (compute_figures), the per-region assembly with presented text
// (compute_all_reports), and the JSON; and end to end, from the CSV folder to
// the JSON. ->Arg shows how each grows with the number of records (linear,
// and not with the number of regions).
//
// FAZHI_BENCH_DATA_<N> may name an existing folder of N records; otherwise the
// scale generator writes one into /tmp/fazhi-bench-<N>.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "fazhi/dataset.hpp"
#include "fazhi/report.hpp"
#include "scale_generator.hpp"

namespace {

// data_dir is the folder of `records` records (generated the first time).
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

// The whole of `fazhi report --all-regions --year 2019 --format json` on 2
// threads, as the command does it: the folder loaded and sealed, every
// region's JSON written to a sink (here one that only counts the bytes), and
// the Dataset freed. bytes_per_second is the folder's CSV bytes.
void BM_EndToEnd_AllRegionsJson(benchmark::State& state) {
  const std::string dir = data_dir(state.range(0));
  int64_t folder_bytes = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) folder_bytes += static_cast<int64_t>(e.file_size());
  constexpr int kThreads = 2;
  fazhi::LoadOptions options;
  options.threads = kThreads;
  size_t json_bytes = 0;
  for (auto _ : state) {
    fazhi::Dataset ds;
    if (!ds.load_dir(dir, options).ok()) {
      state.SkipWithError("the folder did not load");
      return;
    }
    ds.seal();
    json_bytes = 0;
    const absl::Status s = fazhi::write_all_reports_json(
        ds, fazhi::year_period(2019), {}, fazhi::Calendar::national(),
        [&](std::string_view piece) { json_bytes += piece.size(); }, kThreads);
    if (!s.ok()) {
      state.SkipWithError("the report failed");
      return;
    }
  }
  state.SetBytesProcessed(state.iterations() * folder_bytes);
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.counters["json_MB"] = static_cast<double>(json_bytes) / 1e6;
}
BENCHMARK(BM_EndToEnd_AllRegionsJson)
    ->Arg(1'000'000)
    ->Arg(3'000'000)
    ->Arg(10'000'000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(3);

}  // namespace
