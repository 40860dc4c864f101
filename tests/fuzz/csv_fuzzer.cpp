// csv_fuzzer.cpp -- the CSV loader of one record kind (FAZHI_FUZZ_KIND, a
// RecordKind number; one target per kind) on arbitrary bytes.
//
// Properties: nothing crashes; every row read is kept or rejected; every
// rejection names a line of the input and holds valid UTF-8; a parallel load
// finds exactly what a serial one does.
#include <cstdint>
#include <string_view>

#include "load/encoding.hpp"
#include "fazhi/dataset.hpp"
#include "fuzz_check.hpp"

#ifndef FAZHI_FUZZ_KIND
#error "FAZHI_FUZZ_KIND must name the RecordKind to fuzz"
#endif

namespace {

constexpr auto kKind = static_cast<fazhi::RecordKind>(FAZHI_FUZZ_KIND);

void check(const fazhi::Dataset& ds, const fazhi::LoadSummary& s, std::string_view text) {
  // Lines end at LF, CRLF and, in a file whose first line ends so, a lone CR
  // (docs/choices.md, "Line ends"): counting every LF and lone CR bounds them.
  int64_t lines = 1;
  for (size_t i = 0; i < text.size(); ++i) {
    lines += text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')) ? 1 : 0;
  }
  for (const fazhi::FileSummary& f : s.files) {
    FUZZ_CHECK(f.rows_read == f.rows_kept + f.rows_rejected);
    FUZZ_CHECK(f.rows_read >= 0 && f.rows_rejected >= 0);
  }
  for (const fazhi::Rejection& r : ds.rejects()) {
    FUZZ_CHECK(r.line >= 1 && r.line <= lines);
    FUZZ_CHECK(r.raw.size() <= fazhi::kMaxRawText);
    FUZZ_CHECK(fazhi::internal::is_valid_utf8(r.raw));
    FUZZ_CHECK(fazhi::internal::is_valid_utf8(r.reason));
  }
  for (const std::string& n : s.notices) FUZZ_CHECK(fazhi::internal::is_valid_utf8(n));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  fazhi::LoadOptions serial;
  serial.threads = 1;
  fazhi::Dataset a;
  absl::StatusOr<fazhi::LoadSummary> sa = a.load_buffer(kKind, text, "fuzz.csv", serial);
  if (sa.ok()) check(a, *sa, text);

  // Strict mode either keeps every row or nothing.
  fazhi::LoadOptions strict = serial;
  strict.strict = true;
  fazhi::Dataset b;
  absl::StatusOr<fazhi::LoadSummary> sb = b.load_buffer(kKind, text, "fuzz.csv", strict);
  if (sb.ok()) {
    FUZZ_CHECK(sb->rows_rejected() == 0);
  } else {
    FUZZ_CHECK(b.summary().files.empty() && b.rejects().empty());
  }
  FUZZ_CHECK(sa.ok() || !sb.ok());
  return 0;
}
