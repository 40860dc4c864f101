// money_fuzzer.cpp -- the money and count parsers on arbitrary text.
//
// Properties: nothing crashes (no signed overflow: UBSan is on in the fuzz
// build); the fast and the full parsers agree; amounts are never negative.
#include <cstdint>
#include <string_view>

#include "fazhi/exact.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  absl::StatusOr<int64_t> fen = fazhi::parse_money_fen(text);
  int64_t fast = -1;
  FUZZ_CHECK(fazhi::parse_money_fen(text, fast) == fen.ok());
  if (fen.ok()) FUZZ_CHECK(*fen == fast && *fen >= 0);

  absl::StatusOr<int64_t> count = fazhi::parse_count(text);
  int64_t fast_count = -1;
  FUZZ_CHECK(fazhi::parse_count(text, fast_count) == count.ok());
  if (count.ok()) FUZZ_CHECK(*count == fast_count && *count >= 0);
  return 0;
}
