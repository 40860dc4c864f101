// lottery_internal.hpp -- what the lottery's files share (internal): the pieces
// of the hashed encoding, the text checks every input passes, the canonical
// inputs a draw and an announcement both fix, and the comparisons a
// verification reports. docs/lottery.md gives the bytes.
#ifndef FAZHI_SRC_LOTTERY_INTERNAL_HPP_
#define FAZHI_SRC_LOTTERY_INTERNAL_HPP_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "fazhi/lottery.hpp"

namespace fazhi::internal::lottery {

using Digest = std::array<unsigned char, 32>;

// Each field carries its length as 4 bytes.
inline constexpr uint64_t kMaxFieldBytes = 0xFFFFFFFFu;

// ---- The hashed encoding (draw.cpp)

// sha256 of `bytes`; to_hex its lowercase hex.
Digest sha256(std::string_view bytes);
std::string to_hex(const Digest& d);
// put_be appends `value` as `bytes` big-endian bytes; put_field appends the
// byte length of `s` as 4 big-endian bytes, then `s`.
void put_be(std::string& out, uint64_t value, int bytes);
void put_field(std::string& out, std::string_view s);

// ---- Text and ids (ids.cpp)

// check_text: shorter than 4 GiB and valid UTF-8, else InvalidArgument naming
// `what`.
absl::Status check_text(absl::string_view what, std::string_view s);
// check_seed: a seed is not empty and passes check_text.
absl::Status check_seed(std::string_view seed);
// in_quotes is `s` in single quotes, through display_text, for messages.
std::string in_quotes(absl::string_view s);
// canonical_ids checks every id, sorts by UTF-8 bytes and rejects duplicates.
absl::StatusOr<std::vector<std::string>> canonical_ids(absl::string_view what,
                                                       std::vector<std::string> ids);

// ---- Canonical inputs (draw.cpp)

// canonical_draw and canonical_sample check the inputs but the seed and put
// them in canonical order with their fingerprints and commitment: everything
// an announcement fixes.
absl::StatusOr<DrawAudit> canonical_draw(const DrawInput& input);
absl::StatusOr<SampleAudit> canonical_sample(const SampleInput& input);

// ---- Verification (draw.cpp)

// compare is OK when the recorded value is the recomputed one, else a
// FailedPrecondition naming `field` and both values.
absl::Status compare(absl::string_view field, const std::string& recorded,
                     const std::string& recomputed);
absl::Status compare(absl::string_view field, uint64_t recorded, uint64_t recomputed);
absl::Status compare(absl::string_view field, const std::vector<std::string>& recorded,
                     const std::vector<std::string>& recomputed);
absl::Status compare(absl::string_view field, const Pick& recorded, const Pick& recomputed);
// compare_commitment compares announcement_sha256, which format 1 lacks.
absl::Status compare_commitment(uint64_t format, const std::string& recorded,
                                const std::string& recomputed);
// invalid_inputs says a record's inputs are what failed.
absl::Status invalid_inputs(const absl::Status& s);

// Statuses are chained with this macro-free helper: the first error wins.
template <typename... Steps>
absl::Status first_error(Steps&&... steps) {
  absl::Status result;
  ((result.ok() ? (void)(result = steps()) : (void)0), ...);
  return result;
}

}  // namespace fazhi::internal::lottery

#endif  // FAZHI_SRC_LOTTERY_INTERNAL_HPP_
