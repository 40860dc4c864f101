// store.cpp -- the Store's state checks and the counting of records added
// one by one (store.hpp).
#include "load/store.hpp"

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "fazhi/text.hpp"

namespace fazhi::internal {

absl::Status check_whole(const Store& store) {
  if (!store.damaged) return absl::OkStatus();
  return absl::FailedPreconditionError(
      "an earlier load, add or seal ran out of memory part way, so the dataset may hold part of "
      "it: load the records again into a new dataset");
}

absl::Status check_open(const Store& store) {
  if (absl::Status s = check_whole(store); !s.ok()) return s;
  if (!store.sealed) return absl::OkStatus();
  return absl::FailedPreconditionError(
      "the dataset is sealed: no more records can be loaded or added (seal() dropped the "
      "duplicate-id index)");
}

void count_add(Store& store, RecordKind kind, std::string_view column, std::string reason,
               bool kept, RejectCode code) {
  size_t& at = store.added_at[static_cast<size_t>(kind)];
  if (at == SIZE_MAX) {
    at = store.summary.files.size();
    FileSummary f;
    f.file = absl::StrCat("<add:", absl_view(kind_name(kind)), ">");
    f.kind = kind;
    f.added = true;
    store.summary.files.push_back(std::move(f));
  }
  FileSummary& f = store.summary.files[at];
  ++f.rows_read;
  if (kept) {
    ++f.rows_kept;
    return;
  }
  ++f.rows_rejected;
  Rejection r;
  r.file = f.file;
  r.line = f.rows_read;
  r.column = std::string(column);
  r.reason = std::move(reason);
  r.code = code;
  store.rejects.push_back(std::move(r));
}

}  // namespace fazhi::internal
