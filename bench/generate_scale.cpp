// fazhi_generate_scale -- writes a deterministic docs/data.md dataset of N case records.
//
//   fazhi_generate_scale --records 10000000 --out /tmp/scale [--seed 1]
//                        [--shape ordered|shuffled|unpadded|by_date] [--first-city N] [--verify]
//
// --first-city numbers each province's cities from N (default 1): folders
// made with 1, 11, 21, ... hold disjoint districts.
//
// --shape sets the order rows arrive in (scale_generator.hpp); the records,
// and so every figure, are the same in every shape.
//
// --verify loads the folder back with fazhi::Dataset and fails unless every
// row is kept (the generator promises valid rows only).
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

#include "absl/strings/numbers.h"
#include "fazhi/dataset.hpp"
#include "scale_generator.hpp"

namespace {

int usage(const char* why) {
  std::cerr
      << "fazhi_generate_scale: " << why
      << "\nusage: fazhi_generate_scale --records N --out DIR [--seed S]\n"
         "                            [--shape ordered|shuffled|unpadded|by_date] [--first-city N] [--verify]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  fazhi::bench::ScaleOptions options;
  bool have_records = false, verify = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--verify") {
      verify = true;
      continue;
    }
    if (i + 1 >= argc) return usage("missing value after an option");
    const char* v = argv[++i];
    if (a == "--records") {
      if (!absl::SimpleAtoi(v, &options.records) || options.records < 0)
        return usage("bad --records");
      have_records = true;
    } else if (a == "--out") {
      options.out = v;
    } else if (a == "--seed") {
      if (!absl::SimpleAtoi(v, &options.seed)) return usage("bad --seed");
    } else if (a == "--first-city") {
      if (!absl::SimpleAtoi(v, &options.first_city)) return usage("bad --first-city");
    } else if (a == "--shape") {
      if (!fazhi::bench::parse_shape(v, &options.shape)) return usage("bad --shape");
    } else {
      return usage("unknown option");
    }
  }
  if (!have_records || options.out.empty()) return usage("--records and --out are required");

  const auto t0 = std::chrono::steady_clock::now();
  absl::StatusOr<fazhi::bench::ScaleStats> stats = fazhi::bench::generate_scale(options);
  if (!stats.ok()) {
    std::cerr << "fazhi_generate_scale: " << stats.status().message() << "\n";
    return 1;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  for (int k = 0; k < fazhi::kRecordKindCount; ++k) {
    std::cout << fazhi::kind_name(static_cast<fazhi::RecordKind>(k)) << ".csv: " << stats->rows[k]
              << " rows, " << stats->bytes[k] << " bytes\n";
  }
  std::cout << "total " << stats->total_bytes << " bytes in " << seconds << " s ("
            << static_cast<double>(stats->total_bytes) / 1e6 / seconds << " MB/s)\n";
  if (!verify) return 0;

  fazhi::Dataset ds;
  const auto t1 = std::chrono::steady_clock::now();
  absl::StatusOr<fazhi::LoadSummary> s = ds.load_dir(options.out);
  const double load_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
  if (!s.ok()) {
    std::cerr << "fazhi_generate_scale: verify: " << s.status().message() << "\n";
    return 1;
  }
  std::cout << "verify: loaded " << s->rows_read() << " rows in " << load_s << " s, "
            << s->rows_rejected() << " rejected\n";
  for (const fazhi::Rejection& r : ds.rejects()) {
    std::cerr << r.file << ":" << r.line << ": " << r.column << ": " << r.reason << "\n";
    if (&r - ds.rejects().data() >= 20) break;
  }
  int64_t expected = 0;
  for (int64_t rows : stats->rows) expected += rows;
  return s->rows_rejected() == 0 && s->rows_read() == expected ? 0 : 1;
}
