// The profile's "breakdowns" and "series" keys (internal): the tables a report
// carries, read and checked when the profile is read, so a table naming a
// metric that cannot be split, or a dimension not of its family, is an error
// at once rather than a missing table in a published report.
#ifndef FAZHI_SRC_RENDER_TABLE_SPECS_HPP_
#define FAZHI_SRC_RENDER_TABLE_SPECS_HPP_

#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "absl/status/status.h"
#include "fazhi/profile.hpp"

namespace fazhi::internal {

// read_table_specs reads the array under `key` ("breakdowns" or "series").
absl::Status read_table_specs(const nlohmann::json& j, std::string_view key, std::vector<TableSpec>& out);

}  // namespace fazhi::internal

#endif  // FAZHI_SRC_RENDER_TABLE_SPECS_HPP_
