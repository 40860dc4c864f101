// partition.cpp -- split_by_region (partition.hpp): one read of each file,
// one line at a time, each line appended to its part's file.

#include "partition.hpp"

#include <filesystem>
#include <fstream>
#include <memory>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace fazhi::bench {

absl::Status split_by_region(const std::string& dir, const std::vector<std::string>& parts,
                             const std::function<size_t(RegionCode)>& part_of) {
  namespace fs = std::filesystem;
  for (const std::string& p : parts) fs::create_directories(p);
  for (const fs::directory_entry& e : fs::directory_iterator(dir)) {
    if (e.path().extension() != ".csv") continue;
    const std::string name = e.path().filename().string();
    std::ifstream in(e.path());
    std::string header;
    if (!std::getline(in, header)) continue;
    if (name == "regions.csv") {  // reference data: whole, to part 0
      std::ofstream(fs::path(parts[0]) / name) << header << '\n' << in.rdbuf();
      continue;
    }
    const std::vector<std::string> columns = absl::StrSplit(header, ',');
    size_t region_column = columns.size();
    for (size_t k = 0; k < columns.size(); ++k) {
      if (columns[k] == "region") region_column = k;
    }
    if (region_column == columns.size()) return absl::InvalidArgumentError(absl::StrCat(name, ": no region column"));
    std::vector<std::unique_ptr<std::ofstream>> out;
    for (const std::string& p : parts) {
      out.push_back(std::make_unique<std::ofstream>(fs::path(p) / name));
      *out.back() << header << '\n';
    }
    std::string line;
    while (std::getline(in, line)) {
      const std::vector<std::string> fields = absl::StrSplit(line, ',');
      RegionCode code;
      if (region_column >= fields.size() || !RegionCode::try_parse(fields[region_column], code)) {
        return absl::InvalidArgumentError(absl::StrCat(name, ": a row without a region: ", line));
      }
      *out[part_of(code) % parts.size()] << line << '\n';
    }
  }
  return absl::OkStatus();
}

}  // namespace fazhi::bench
