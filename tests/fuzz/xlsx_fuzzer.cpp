// xlsx_fuzzer.cpp -- the .xlsx reader on arbitrary bytes.
//
// A record file is whatever a clerk's program saved, or a file misnamed
// .xlsx; the reader must refuse it or read it, never crash. Properties: no
// crash, leak or undefined behaviour (ASan + UBSan in the fuzz build); a
// sheet that reads is CSV that the loader's reader takes without a quoting
// issue, one line per row.
#include <cstdint>
#include <string_view>

#include "fuzz_check.hpp"
#include "load/csv.hpp"
#include "load/xlsx.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  absl::StatusOr<fazhi::internal::XlsxSheet> sheet = fazhi::internal::xlsx_first_sheet(bytes);
  if (!sheet.ok()) {
    FUZZ_CHECK(sheet.status().code() == absl::StatusCode::kInvalidArgument);
    return 0;
  }
  FUZZ_CHECK(sheet->csv.empty() || sheet->csv.back() == '\n');
  fazhi::internal::CsvReader reader(sheet->csv);
  fazhi::internal::CsvRow row;
  while (reader.next(row)) {
    FUZZ_CHECK(row.issue == fazhi::internal::CsvIssue::kNone || row.issue == fazhi::internal::CsvIssue::kFieldTooLong ||
               row.issue == fazhi::internal::CsvIssue::kRowTooLong);
  }
  return 0;
}
