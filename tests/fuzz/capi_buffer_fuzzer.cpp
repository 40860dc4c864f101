// capi_buffer_fuzzer.cpp -- fz_dataset_load_csv_buffer through the C ABI, as a
// linked system calls it: the first byte picks the kind (any int32, so kinds
// out of range are tried too), the rest is the buffer.
//
// Properties: nothing crashes; a status is FZ_OK or an error with a message;
// the summary adds up; the JSON strings out are valid UTF-8 and NUL-ended.
#include <cstdint>
#include <cstring>

#include "load/encoding.hpp"
#include "fazhi.h"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const int32_t kind = static_cast<int8_t>(data[0]) % 9;  // -8 .. 8: some invalid
  const char* text = reinterpret_cast<const char*>(data + 1);
  fz_dataset_options o = FZ_DATASET_OPTIONS_INIT;
  o.threads = 1;
  fz_dataset* ds = nullptr;
  FUZZ_CHECK(fz_dataset_create(&ds, &o) == FZ_OK);
  fz_load_summary s = FZ_LOAD_SUMMARY_INIT;
  const fz_status st = fz_dataset_load_csv_buffer(ds, kind, text, size - 1, &s);
  if (st == FZ_OK) {
    FUZZ_CHECK(s.rows_read == s.rows_accepted + s.rows_rejected);
  } else {
    FUZZ_CHECK(std::strlen(fz_last_error_message()) > 0);
    FUZZ_CHECK(fazhi::internal::is_valid_utf8(fz_last_error_message()));
  }
  for (auto get : {fz_dataset_rejects_json, fz_dataset_notices_json}) {
    char* json = nullptr;
    size_t len = 0;
    FUZZ_CHECK(get(ds, &json, &len) == FZ_OK);
    FUZZ_CHECK(json != nullptr && json[len] == '\0' && std::strlen(json) == len);
    FUZZ_CHECK(fazhi::internal::is_valid_utf8({json, len}));
    fz_free(json);
  }
  fz_dataset_free(ds);
  return 0;
}
