// The Chinese narrative of a report (internal to the library).
#ifndef FAZHI_SRC_NARRATIVE_HPP_
#define FAZHI_SRC_NARRATIVE_HPP_

#include <string>
#include <string_view>
#include <vector>

#include "fazhi/profile.hpp"
#include "fazhi/report.hpp"

namespace fazhi::internal {

// write_narrative writes one paragraph per section in the reference report's
// style, leaving out every clause whose figures are missing or zero and every
// sentence the profile omits.
std::vector<std::string> write_narrative(const Report& report, const Profile& profile);

// is_narrative_sentence says whether `id` names a sentence (for profiles).
bool is_narrative_sentence(std::string_view id);

}  // namespace fazhi::internal

#endif  // FAZHI_SRC_NARRATIVE_HPP_
