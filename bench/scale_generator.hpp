// scale_generator.hpp -- a deterministic docs/data.md dataset of any size, for benchmarks.
//
// generate_scale writes `<kind>.csv` for every kind plus regions.csv: N case
// records in all (mediation 45%, legal aid 30%, reconsideration 12%,
// litigation 8%, registry 5%), N/20 activity rows, over 3,100 districts
// (31 real province prefixes x 10 cities x 10 districts) and the years
// 2018-2019 with some 2017 carry-over. Canonical English headers, ISO dates,
// UTF-8, Chinese text in the text columns, every row valid. The same seed,
// size and shape always give the same bytes.
//
// The shape is the order rows arrive in, as exports from different systems
// have it; every shape holds the same records, so every figure is the same.
// regions.csv is reference data and keeps its order in every shape. Every
// shape but kOrdered holds each file in memory until it is written (three
// files at once: 10M records take about 1.3 GB).
//
//   fazhi::bench::ScaleOptions o{.records = 1'000'000, .out = "/tmp/scale"};
//   absl::StatusOr<fazhi::bench::ScaleStats> s = fazhi::bench::generate_scale(o);
#ifndef FAZHI_BENCH_SCALE_GENERATOR_HPP_
#define FAZHI_BENCH_SCALE_GENERATOR_HPP_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "fazhi/records.hpp"

namespace fazhi::bench {

enum class Shape {
  kOrdered,   // ids ascending and zero-padded (FA0000000001, ...)
  kShuffled,  // the same rows in a random order, fixed by the seed, per file
  kUnpadded,  // ids without padding (FA1, FA10, FA9 sort as text), rows shuffled
  kByDate,    // rows by received / filed / applied / start / activity date, ties random
};

// parse_shape reads the names "ordered", "shuffled", "unpadded" and "by_date".
bool parse_shape(std::string_view name, Shape* shape);

struct ScaleOptions {
  int64_t records = 1'000'000;
  std::string out;
  uint64_t seed = 1;
  Shape shape = Shape::kOrdered;
  // first_city numbers each province's ten cities from it (1: 01-10), so
  // that folders made with 1, 11, 21, ... hold disjoint districts: the
  // partitions of a national job at any size (bench/tally_bench.py).
  int first_city = 1;
};

struct ScaleStats {
  std::array<int64_t, kRecordKindCount> rows{};   // data rows per kind
  std::array<int64_t, kRecordKindCount> bytes{};  // file size per kind
  int64_t total_bytes = 0;
};

// generate_scale writes the dataset into options.out (created if needed).
absl::StatusOr<ScaleStats> generate_scale(const ScaleOptions& options);

}  // namespace fazhi::bench

#endif  // FAZHI_BENCH_SCALE_GENERATOR_HPP_
