// The reasons of a case list (internal): why a record is in a figure's list,
// in Chinese a clerk can check against the file, written from the record's
// own dates and the time limits its family's tally judges it by
// (families.hpp, time_limits.hpp). cases.cpp decides which records are in a
// list; this only says why.
#ifndef FAZHI_SRC_METRICS_CASE_REASONS_HPP_
#define FAZHI_SRC_METRICS_CASE_REASONS_HPP_

#include <cstddef>
#include <string>
#include <string_view>

#include "fazhi/dataset.hpp"
#include "fazhi/metrics.hpp"
#include "fazhi/profile.hpp"
#include "metrics/pass.hpp"

namespace fazhi::internal {

// ReasonInput is what the reasons read besides the record.
struct ReasonInput {
  const Dataset& ds;
  Period period;
  const Profile& profile;
  const Calendar& cal;
  const Deadlines& deadlines;
};

// case_reason is why row `row` of family `f` is counted by (or, for a
// rate's denominator, judged for) `metric`.
std::string case_reason(const ReasonInput& in, Family f, std::string_view metric, size_t row);

// case_id_of is the record's case id.
std::string_view case_id_of(const Dataset& ds, Family f, size_t row);

}  // namespace fazhi::internal

#endif  // FAZHI_SRC_METRICS_CASE_REASONS_HPP_
