#include "fazhi/region.hpp"

#include <cstdio>

#include "absl/strings/str_cat.h"
#include "fazhi/text.hpp"

namespace fazhi {
namespace {

// GB/T 2260 province-level codes: the first two digits of every valid code.
bool is_province_prefix(uint32_t p) noexcept {
  return (p >= 11 && p <= 15) || (p >= 21 && p <= 23) || (p >= 31 && p <= 37) ||
         (p >= 41 && p <= 46) || (p >= 50 && p <= 54) || (p >= 61 && p <= 65) || p == 71 ||
         p == 81 || p == 82;
}

bool valid_code(std::string_view s, uint32_t& value) noexcept {
  if (s.size() != 6) return false;
  uint32_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint32_t>(c - '0');
  }
  const uint32_t city_part = v / 100 % 100, district_part = v % 100;
  if (!is_province_prefix(v / 10000)) return false;
  if (city_part == 0 && district_part != 0) return false;  // a district under no city
  value = v;
  return true;
}

}  // namespace

absl::StatusOr<RegionCode> RegionCode::parse(std::string_view text) {
  RegionCode code;
  if (try_parse(text, code)) return code;
  std::string_view s = trim(text);
  if (s.size() != 6 || s.find_first_not_of("0123456789") != std::string_view::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat("not a region code: '", absl_view(s), "' (expected 6 digits, GB/T 2260)"));
  }
  return absl::InvalidArgumentError(
      absl::StrCat("not a region code: '", absl_view(s), "' (no such province or city part in GB/T 2260)"));
}

bool RegionCode::try_parse(std::string_view text, RegionCode& out) noexcept {
  uint32_t v = 0;
  if (!valid_code(trim(text), v)) return false;
  out = RegionCode(v);
  return true;
}

std::string RegionCode::str() const {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%06u", value_);
  return buf;
}

RegionLevel RegionCode::level() const noexcept {
  if (value_ % 10000 == 0) return RegionLevel::kProvince;
  if (value_ % 100 == 0) return RegionLevel::kCity;
  return RegionLevel::kDistrict;
}

RegionCode RegionCode::city() const noexcept {
  return level() == RegionLevel::kProvince ? *this : RegionCode(value_ / 100 * 100);
}

std::optional<RegionCode> RegionCode::parent() const noexcept {
  switch (level()) {
    case RegionLevel::kProvince: return std::nullopt;
    case RegionLevel::kCity: return province();
    case RegionLevel::kDistrict: return city();
  }
  return std::nullopt;
}

bool RegionCode::contains(RegionCode other) const noexcept {
  switch (level()) {
    case RegionLevel::kProvince: return other.province() == *this;
    case RegionLevel::kCity: return other.level() != RegionLevel::kProvince && other.city() == *this;
    case RegionLevel::kDistrict: return other == *this;
  }
  return false;
}

}  // namespace fazhi
