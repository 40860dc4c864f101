// load.hpp -- a load of record files or buffers into a Store (internal;
// load.cpp says how it runs).
#ifndef FAZHI_SRC_LOAD_LOAD_HPP_
#define FAZHI_SRC_LOAD_LOAD_HPP_

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "fazhi/dataset.hpp"
#include "load/source.hpp"
#include "load/store.hpp"

namespace fazhi::internal {

// FileSpec is one file (or buffer) to load.
struct FileSpec {
  RecordKind kind;
  std::string name;       // for messages: valid UTF-8 (internal::to_valid_utf8)
  std::string path;       // a file to map, or
  std::string_view data;  // a caller's buffer
};

// load reads the files into the store, then groups the rows they added by
// region. Files in `refused` were refused before (a name twice in a
// folder): they are listed in the summary with their reasons.
absl::StatusOr<LoadSummary> load(Store& store, const std::vector<FileSpec>& specs,
                                 const LoadOptions& options, std::vector<std::string> notices,
                                 std::vector<Refusal> refused = {});

// refused_status is the error of a load that refused every file it was
// given: each file's reason (which names it), the first's code.
absl::Status refused_status(const std::vector<Refusal>& refused);

// RowCounts is how many rows each kind holds, by RecordKind.
using RowCounts = std::array<size_t, kRecordKindCount>;

// group_rows_by_region groups each kind's rows from `first` on, each
// region's rows together in code order (commit.hpp, group_by_region).
void group_rows_by_region(Store& s, const RowCounts& first, int threads);

}  // namespace fazhi::internal

#endif  // FAZHI_SRC_LOAD_LOAD_HPP_
