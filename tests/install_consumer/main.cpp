// cxx_consumer DATA_DIR: the Baiyun 2019 win rate through the installed C++ API.
#include <iostream>

#include "fazhi/dataset.hpp"
#include "fazhi/report.hpp"

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  fazhi::Dataset ds;
  if (absl::StatusOr<fazhi::LoadSummary> s = ds.load_dir(argv[1]); !s.ok()) {
    std::cerr << s.status() << "\n";
    return 1;
  }
  absl::StatusOr<fazhi::Report> r =
      fazhi::compute_report(ds, *fazhi::RegionCode::parse("440111"), fazhi::year_period(2019));
  if (!r.ok()) {
    std::cerr << r.status() << "\n";
    return 1;
  }
  std::cout << "litigation.win_rate " << r->find("litigation.win_rate")->text << "\n";
  return 0;
}
