// fazhi/tally.hpp -- portable tallies: a region's sufficient statistics, merged upward exactly.
//
// A Tally is what the record pass counts for some districts and a period
// (with the periods it is compared with): every counter of every family, the
// days of the concluded cases as a histogram, the lottery's cases by lawyer
// id, the load's counts and the region names. It holds no case id, no
// person's name and no free text of a record (docs/tally.md lists every
// field). Tallies of disjoint regions merge exactly, in any order and any
// grouping, so that a city, a province or 全国 (000000) computes from its
// parts' tallies the very report it would compute from their pooled records.
//
//   absl::StatusOr<fazhi::Tally> t = fazhi::Tally::compute(ds, fazhi::year_period(2019));
//   std::string bytes = t->serialize();               // CBOR, with a SHA-256 digest
//   absl::StatusOr<fazhi::Tally> back = fazhi::Tally::parse(bytes);
//   absl::StatusOr<fazhi::Tally> city = fazhi::Tally::merge({*district_a, *district_b});
//   absl::StatusOr<fazhi::Report> r = fazhi::compute_report(*city, city->region());
#ifndef FAZHI_TALLY_HPP_
#define FAZHI_TALLY_HPP_

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "fazhi/calendar.hpp"
#include "fazhi/dataset.hpp"
#include "fazhi/metrics.hpp"
#include "fazhi/profile.hpp"
#include "fazhi/region.hpp"
#include "fazhi/report.hpp"

namespace fazhi {

// kTallyFormatVersion is the version of the tally's file format
// (docs/tally.md); a tally of another version is refused, never guessed at.
inline constexpr int kTallyFormatVersion = 2;

namespace internal {
struct TallyData;
}  // namespace internal

// Tally is an immutable, cheaply copied portable tally.
class Tally {
 public:
  // compute counts the records of `ds` for `period` and the periods it is
  // compared with (year_ago_period, and previous_period unless whole years),
  // as compute_report would. With `region`, only the districts inside it are
  // kept, and the tally is that region's; without, the tally's region is the
  // smallest region holding every district of the data (000000 for several
  // provinces). The profile's counting rules (period rules, legal-aid time
  // limits, suspended days) are part of the tally, and so are the counts of
  // its breakdowns and series (Profile::breakdowns, Profile::series), by
  // district and dimension value or month; the rest of its presentation is
  // not. A report from the tally carries the tables it has counts for.
  // `threads` as compute_figures: 1 the calling thread, 0 one per hardware
  // thread; the tally is the same.
  static absl::StatusOr<Tally> compute(const Dataset& ds, Period period, const Profile& profile = {},
                                       const Calendar& calendar = Calendar::national(),
                                       std::optional<RegionCode> region = std::nullopt, int threads = 1);

  // parse reads a tally written by serialize or to_json_text; a truncated,
  // altered (its SHA-256 digest does not match) or other-version tally is an
  // InvalidArgument error saying which.
  static absl::StatusOr<Tally> parse(std::string_view bytes);

  // merge adds tallies of disjoint regions: the same district in two of them
  // (or one tally given twice), different periods, counting rules, calendars,
  // tables or format versions are InvalidArgument errors. The result's region is the
  // smallest region holding every part's. Exact, associative and commutative:
  // merge({a, merge({b, c})}) serializes to the bytes of merge({c, b, a}).
  static absl::StatusOr<Tally> merge(std::span<const Tally> parts);

  // serialize is the tally as CBOR (RFC 8949), its content's digest included.
  std::string serialize() const;
  // to_json_text is the same content as JSON text, for people to read; parse
  // reads it back.
  std::string to_json_text() const;

  // region is the region the tally covers (RegionCode() for 全国 000000).
  RegionCode region() const;
  // region_text is region() as six digits ("000000" for 全国).
  std::string region_text() const;
  Period period() const;
  // districts lists the record regions counted, in code order.
  std::vector<RegionCode> districts() const;
  // digest is the SHA-256 of the canonical content, 64 hex digits.
  std::string digest() const;

  const internal::TallyData& data() const { return *data_; }
  explicit Tally(std::shared_ptr<const internal::TallyData> data);

 private:
  std::shared_ptr<const internal::TallyData> data_;
};

// compute_report from a tally is the report compute_report would make from
// the pooled records of the tally's districts: `region` is one of its
// districts, their cities and provinces, or 全国 (RegionCode(), 000000).
// The profile's counting rules must be the tally's (FailedPrecondition if
// not); its presentation is free.
absl::StatusOr<Report> compute_report(const Tally& tally, RegionCode region, const Profile& profile = {});
// compute_all_reports from a tally: every region compute_all_reports would
// give for the pooled records, in the same order.
absl::StatusOr<std::vector<Report>> compute_all_reports(const Tally& tally, const Profile& profile = {});

}  // namespace fazhi

#endif  // FAZHI_TALLY_HPP_
