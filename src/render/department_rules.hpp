// The profile's "departments" key (internal): agency aliases and the
// assessment (考核) scheme, read and checked when the profile is read, so a
// scheme naming an unknown metric or a malformed rule is an error at once.
#ifndef FAZHI_SRC_RENDER_DEPARTMENT_RULES_HPP_
#define FAZHI_SRC_RENDER_DEPARTMENT_RULES_HPP_

#include <nlohmann/json.hpp>

#include "absl/status/status.h"
#include "fazhi/profile.hpp"

namespace fazhi::internal {

absl::Status read_department_rules(const nlohmann::json& j, DepartmentRules& out);

}  // namespace fazhi::internal

#endif  // FAZHI_SRC_RENDER_DEPARTMENT_RULES_HPP_
