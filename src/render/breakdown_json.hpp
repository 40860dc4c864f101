// Breakdowns and series in JSON (internal): the one writer of
// docs/breakdowns.md's shape, for `fazhi table` (to_json, with the region
// and periods) and for a report's "breakdowns" and "series" (without them:
// the report says them once).
#ifndef FAZHI_SRC_RENDER_BREAKDOWN_JSON_HPP_
#define FAZHI_SRC_RENDER_BREAKDOWN_JSON_HPP_

#include "fazhi/breakdown_types.hpp"
#include "render/json_writer.hpp"

namespace fazhi::internal {

void write_breakdown(JsonWriter& w, const Breakdown& breakdown, bool in_report);
void write_series(JsonWriter& w, const Series& series, bool in_report);

}  // namespace fazhi::internal

#endif  // FAZHI_SRC_RENDER_BREAKDOWN_JSON_HPP_
