// header.hpp -- a record file's first steps (internal): open it, settle its
// encoding by its header, and match the header's fields against the kind's
// columns (names in any ASCII case or Chinese aliases, any order; a missing
// required column refuses the file; an unknown one gets a notice naming the
// closest known column).
#ifndef FAZHI_SRC_LOAD_HEADER_HPP_
#define FAZHI_SRC_LOAD_HEADER_HPP_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "fazhi/dataset.hpp"
#include "load/kinds.hpp"
#include "load/source.hpp"

namespace fazhi::internal {

// FileHead is a file (or buffer) of a kind, its header read: what every
// later stage needs to know about its fields.
struct FileHead {
  Source src;
  std::vector<int> role;                             // per header field: the column, or -1
  std::vector<std::pair<uint32_t, uint8_t>> active;  // (field, column) of matched columns
  bool canonical = false;  // the header is the kind's kColumns, in that order, and nothing else
  size_t header_fields = 0;
  size_t body_begin = 0;
  int64_t body_line = 1;
  FileSummary summary;
};

// prepare_file opens the file (unless a buffer), decides its encoding by the
// header (Excel's GBK files have Chinese headers) and reads the header
// (read_header). An error refuses the file, naming it.
absl::Status prepare_file(FileHead& f, std::span<const ColumnDef> columns, const LoadContext& ctx);

// read_header matches the header row against `columns`; notices (if any)
// get the duplicate and unknown header fields. A missing required column is
// an error naming it.
absl::Status read_header(FileHead& f, std::span<const ColumnDef> columns,
                         std::vector<std::string>* notices);

}  // namespace fazhi::internal

#endif  // FAZHI_SRC_LOAD_HEADER_HPP_
