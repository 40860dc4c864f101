// Loading speed: CSV bytes to validated columns, per record kind, on one and
// two threads, with the memory the columns take per record.
//
// The data is a generated docs/data.md folder (fazhi_generate_scale's generator):
// FAZHI_BENCH_DATA names an existing folder, otherwise FAZHI_BENCH_RECORDS
// records (default 1,000,000) are generated into a temporary folder first.
//
//   FAZHI_BENCH_RECORDS=1000000 ./load_bench --benchmark_filter=BM_Load_Mediation
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>

#include "absl/strings/numbers.h"
#include "fazhi/dataset.hpp"
#include "scale_generator.hpp"

namespace {

const std::string& data_dir() {
  static const std::string* const kDir = [] {
    if (const char* given = std::getenv("FAZHI_BENCH_DATA")) return new std::string(given);
    int64_t records = 1'000'000;
    if (const char* n = std::getenv("FAZHI_BENCH_RECORDS")) {
      if (!absl::SimpleAtoi(n, &records)) records = 1'000'000;
    }
    auto* dir = new std::string(
        (std::filesystem::temp_directory_path() / ("fazhi-load-bench-" + std::to_string(records)))
            .string());
    fazhi::bench::ScaleOptions options;
    options.records = records;
    options.out = *dir;
    if (!fazhi::bench::generate_scale(options).ok())
      std::cerr << "cannot generate " << *dir << "\n";
    return dir;
  }();
  return *kDir;
}

// Loads one kind's file (or the whole folder when `kind` is empty).
void BM_Load(benchmark::State& state, std::optional<fazhi::RecordKind> kind, int threads) {
  const std::string dir = data_dir();
  std::string path = dir;
  int64_t bytes = 0;
  if (kind) {
    path = dir + "/" + std::string(fazhi::kind_name(*kind)) + ".csv";
    bytes = static_cast<int64_t>(std::filesystem::file_size(path));
  } else {
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
      bytes += static_cast<int64_t>(e.file_size());
    }
  }
  fazhi::LoadOptions options;
  options.threads = threads;
  fazhi::MemoryUsage memory;
  int64_t rows = 0;
  for (auto _ : state) {
    fazhi::Dataset ds;
    absl::StatusOr<fazhi::LoadSummary> s =
        kind ? ds.load_file(*kind, path, options) : ds.load_dir(dir, options);
    if (!s.ok() || s->rows_rejected() != 0) {
      state.SkipWithError("the load failed or rejected rows");
      return;
    }
    rows = s->rows_read();
    state.PauseTiming();
    memory = ds.memory_usage();
    benchmark::DoNotOptimize(ds);
    state.ResumeTiming();
  }
  state.SetBytesProcessed(state.iterations() * bytes);
  state.SetItemsProcessed(state.iterations() * rows);
  const double records = static_cast<double>(memory.case_records == 0 ? rows : memory.case_records);
  // Bytes per record, text excluded: columns plus the duplicate-id index.
  state.counters["bytes_per_record"] =
      static_cast<double>(memory.columns + memory.id_index) / records;
  state.counters["id_text_per_record"] = static_cast<double>(memory.id_text) / records;
}

// The folder of `records` records: FAZHI_BENCH_DATA_<records> if set, else
// /tmp/fazhi-bench-<records> (written by the scale generator when missing;
// report_bench uses the same folders).
std::string scale_dir(int64_t records) {
  const std::string n = std::to_string(records);
  if (const char* given = std::getenv(("FAZHI_BENCH_DATA_" + n).c_str())) return given;
  const std::string dir = "/tmp/fazhi-bench-" + n;
  if (!std::filesystem::exists(dir + "/regions.csv")) {
    fazhi::bench::ScaleOptions options;
    options.records = records;
    options.out = dir;
    if (!fazhi::bench::generate_scale(options).ok()) std::cerr << "cannot generate " << dir << "\n";
  }
  return dir;
}

// How a whole-folder load grows with the records (1M, 3M, 10M) on 1 and 2
// threads: time should grow linearly; per_thread is MB/s per loading thread.
void BM_Load_FolderScale(benchmark::State& state) {
  const int64_t records = state.range(0);
  const int threads = static_cast<int>(state.range(1));
  const std::string dir = scale_dir(records);
  int64_t bytes = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    bytes += static_cast<int64_t>(e.file_size());
  }
  fazhi::LoadOptions options;
  options.threads = threads;
  fazhi::MemoryUsage memory;
  for (auto _ : state) {
    fazhi::Dataset ds;
    absl::StatusOr<fazhi::LoadSummary> s = ds.load_dir(dir, options);
    if (!s.ok() || s->rows_rejected() != 0) {
      state.SkipWithError("the load failed or rejected rows");
      return;
    }
    state.PauseTiming();
    memory = ds.memory_usage();
    benchmark::DoNotOptimize(ds);
    state.ResumeTiming();
  }
  state.SetBytesProcessed(state.iterations() * bytes);
  state.SetItemsProcessed(state.iterations() * records);
  state.counters["per_thread"] =
      benchmark::Counter(static_cast<double>(state.iterations() * bytes) / threads,
                         benchmark::Counter::kIsRate, benchmark::Counter::kIs1024);
  state.counters["held_MB"] =
      static_cast<double>(memory.columns + memory.id_index + memory.id_text + memory.text) /
      (1 << 20);
}
BENCHMARK(BM_Load_FolderScale)
    ->ArgsProduct({{1'000'000, 3'000'000, 10'000'000}, {1, 2}})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(3);

void register_all() {
  struct Kind {
    const char* name;
    std::optional<fazhi::RecordKind> kind;
  };
  const Kind kinds[] = {
      {"Reconsideration", fazhi::RecordKind::kReconsideration},
      {"Litigation", fazhi::RecordKind::kLitigation},
      {"LegalAid", fazhi::RecordKind::kLegalAid},
      {"Mediation", fazhi::RecordKind::kMediation},
      {"Registry", fazhi::RecordKind::kRegistry},
      {"Activity", fazhi::RecordKind::kActivity},
      {"Folder", std::nullopt},
  };
  for (const Kind& k : kinds) {
    for (int threads : {1, 2}) {
      const std::string name =
          std::string("BM_Load_") + k.name + (threads == 1 ? "_OneThread" : "_TwoThreads");
      benchmark::RegisterBenchmark(name.c_str(), BM_Load, k.kind, threads)
          ->Unit(benchmark::kMillisecond)
          ->UseRealTime()
          ->MinTime(1.0);
    }
  }
}

const int kRegistered = (register_all(), 0);

}  // namespace
