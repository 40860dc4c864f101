// fazhi/region.hpp -- administrative division codes (GB/T 2260) and their roll-up.
//
// A region is a 6-digit code: `440000` a province (Guangdong), `440100` a city
// (Guangzhou), `440111` a district (Baiyun). Figures roll up along the code:
// district -> city (`NNNN00`) -> province (`NN0000`).
//
//   auto baiyun = fazhi::RegionCode::parse("440111");
//   baiyun->city().str();      // "440100"
//   baiyun->province().str();  // "440000"
//   fazhi::find_region("白云区", ds.region_names());  // 440111, or the candidates
#ifndef FAZHI_REGION_HPP_
#define FAZHI_REGION_HPP_

#include <compare>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace fazhi {

enum class RegionLevel : uint8_t { kProvince, kCity, kDistrict };

class RegionCode {
 public:
  // parse reads exactly six ASCII digits (surrounding spaces trimmed) whose
  // first two name a GB/T 2260 province (11-15, 21-23, 31-37, 41-46, 50-54,
  // 61-65, 71, 81, 82) and that are not a district under a `00` city part
  // (`440011`). Anything else is an InvalidArgument error quoting the text.
  static absl::StatusOr<RegionCode> parse(std::string_view text);
  static bool try_parse(std::string_view text, RegionCode& out) noexcept;

  // from_value builds a code from its number; the caller guarantees validity
  // (a code that came out of `parse`).
  static constexpr RegionCode from_value(uint32_t value) noexcept { return RegionCode(value); }

  // A default RegionCode is 000000, which no valid code equals.
  constexpr RegionCode() = default;

  constexpr uint32_t value() const noexcept { return value_; }
  std::string str() const;

  RegionLevel level() const noexcept;
  // province / city are the enclosing units (a city's city() is itself, a
  // province's city() is itself too).
  RegionCode province() const noexcept { return RegionCode(value_ / 10000 * 10000); }
  RegionCode city() const noexcept;
  // parent is the next level up; none for a province.
  std::optional<RegionCode> parent() const noexcept;
  // contains is true when `other` is this region or lies inside it.
  bool contains(RegionCode other) const noexcept;

  friend constexpr auto operator<=>(RegionCode, RegionCode) = default;

 private:
  constexpr explicit RegionCode(uint32_t value) : value_(value) {}
  uint32_t value_ = 0;
};

// RegionName is a region's code and its name, as regions.csv gives them.
struct RegionName {
  RegionCode code;
  std::string_view name;
};

// find_region reads a region as a person writes it: a code (parse), or a
// name of `names` -- the name itself ("白云区"), the name without its
// administrative suffix (省, 市, 区, 县, 旗, 盟, 自治州, 自治县, ...: "白云"), or
// the name after its parents' ("广州市白云区", "广东省广州市白云区"). Whole names
// win over names without their suffix. A name of several regions is
// InvalidArgument listing every candidate with its code and its parent's
// name, so the caller can pick one; a name of none is NotFound. Messages are
// in the process's message language (gettext), English by default.
absl::StatusOr<RegionCode> find_region(std::string_view text, std::span<const RegionName> names);

}  // namespace fazhi

#endif  // FAZHI_REGION_HPP_
