// profile_fuzzer.cpp -- the report-profile reader on arbitrary text.
//
// Properties: nothing crashes or throws (nlohmann's parser runs without
// exceptions); an error names the profile.
#include <cstdint>
#include <string_view>

#include "fazhi/profile.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  absl::StatusOr<fazhi::Profile> p = fazhi::Profile::from_json(text);
  if (!p.ok()) {
    FUZZ_CHECK(p.status().code() == absl::StatusCode::kInvalidArgument);
    FUZZ_CHECK(p.status().message().find("profile") != absl::string_view::npos);
  }
  return 0;
}
