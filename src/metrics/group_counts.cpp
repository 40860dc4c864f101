// A grouped pass's counters as plain numbers and back (breakdown_internal.hpp):
// a portable tally carries the counters of each (district, dimension value)
// group of the report's tables, and a report made from the tally adds them
// up through the same GroupTally interface as a report made from records.

#include <algorithm>
#include <memory>
#include <utility>
#include <vector>

#include "metrics/breakdown_internal.hpp"
#include "metrics/families.hpp"
#include "metrics/tally.hpp"

namespace fazhi::internal {
namespace {

// first_counter is Family f's first counter; its counters are the
// counter_width(f) that follow.
size_t first_counter(Family f) {
  switch (f) {
    case Family::kReconsideration: return ReconsiderationBlock::kFirst;
    case Family::kLitigation: return LitigationBlock::kFirst;
    case Family::kLegalAid: return LegalAidBlock::kFirst;
    case Family::kMediation: return MediationBlock::kFirst;
    case Family::kRegistry: return RegistryBlock::kFirst;
    case Family::kActivity: return ActivityBlock::kFirst;
    case Family::kRegions: break;
  }
  return 0;
}

}  // namespace

size_t counter_width(Family f) {
  switch (f) {
    case Family::kReconsideration: return ReconsiderationBlock::kWidth;
    case Family::kLitigation: return LitigationBlock::kWidth;
    case Family::kLegalAid: return LegalAidBlock::kWidth;
    case Family::kMediation: return MediationBlock::kWidth;
    case Family::kRegistry: return RegistryBlock::kWidth;
    case Family::kActivity: return ActivityBlock::kWidth;
    case Family::kRegions: break;
  }
  return 0;
}

void append_group_counts(const GroupTally& t, size_t g, std::vector<int64_t>& out) {
  const size_t first = first_counter(t.family), width = counter_width(t.family);
  std::array<int64_t, kCounterCount> n;  // only the family's counters are added to, and read
  for (int p = 0; p < 2; ++p) {
    std::fill_n(n.begin() + static_cast<std::ptrdiff_t>(first), width, 0);
    t.add_to(n, g, p);
    out.insert(out.end(), n.begin() + static_cast<std::ptrdiff_t>(first),
               n.begin() + static_cast<std::ptrdiff_t>(first + width));
  }
}

std::vector<int64_t> group_counts_of(const GroupTally& t, size_t g) {
  std::vector<int64_t> out;
  out.reserve(2 * counter_width(t.family));
  append_group_counts(t, g, out);
  return out;
}

GroupTally group_tally_of(Family f, std::vector<int64_t> counts) {
  const size_t first = first_counter(f), width = counter_width(f);
  auto held = std::make_shared<const std::vector<int64_t>>(std::move(counts));
  GroupTally out{f, {}};
  out.add_to = [held, first, width](std::array<int64_t, kCounterCount>& n, size_t g, int p) {
    const int64_t* src = held->data() + (g * 2 + static_cast<size_t>(p)) * width;
    for (size_t i = 0; i < width; ++i) {
      const size_t c = first + i;
      // The longest review rolls up as the maximum, as Block::add_to does.
      n[c] = c == kAReviewMax ? std::max(n[c], src[i]) : n[c] + src[i];
    }
  };
  return out;
}

}  // namespace fazhi::internal
