// The report's assembly (internal): from a period's figures to a Report of
// presented metrics, without the narrative, which render/ writes from the
// Report (render/narrative.hpp). render/report.cpp is the public entry
// (compute_report, write_all_reports_json) and calls these.
#ifndef FAZHI_SRC_METRICS_REPORT_ASSEMBLY_HPP_
#define FAZHI_SRC_METRICS_REPORT_ASSEMBLY_HPP_

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "fazhi/calendar.hpp"
#include "fazhi/dataset.hpp"
#include "fazhi/metrics.hpp"
#include "fazhi/profile.hpp"
#include "fazhi/report.hpp"

namespace fazhi::internal {

// Style is how a number is cut: decimals and rounding.
struct Style {
  int decimals;
  Rounding rounding;
};

// MetricStyle is how the profile presents one metric, resolved once per run.
struct MetricStyle {
  Style value;
  Style yoy;
  bool approximate;
};

// styles_of resolves every catalogue metric's MetricStyle from the profile.
std::vector<MetricStyle> styles_of(const Profile& profile);

// Compared is the period's figures against the year-ago period (同比) and,
// unless the period is whole years, against the period just before (环比).
// Both list the same regions in the same order.
struct Compared {
  Figures year_ago;
  std::optional<Figures> sequential;
};

// compute_compared computes the period's figures against both earlier periods.
absl::StatusOr<Compared> compute_compared(const Dataset& ds, Period period, const Profile& profile,
                                          const Calendar& calendar, int threads = 1);

// ReportSource is what a report says of where its figures came from besides
// them: the regions' names and the load's counts (a Dataset's, or a tally's).
struct ReportSource {
  std::function<std::optional<std::string_view>(RegionCode)> name;
  int64_t rows_read = 0, rows_rejected = 0;
  const std::vector<std::string>* notices = nullptr;
};
ReportSource source_of(const Dataset& ds);

// assemble presents region i's figures (taking them over) as a Report
// without its narrative.
Report assemble(Compared& fig, size_t i, const ReportSource& source, const Profile& profile,
                const std::vector<MetricStyle>& styles);

// check_metric_presentations refuses a profile that presents a metric the
// catalogue does not have.
[[nodiscard]] absl::Status check_metric_presentations(const Profile& profile);

}  // namespace fazhi::internal

#endif  // FAZHI_SRC_METRICS_REPORT_ASSEMBLY_HPP_
