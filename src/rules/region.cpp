// Region codes (GB/T 2260): parsing, roll-up, and finding a region by its name.
#include "fazhi/region.hpp"

#include <array>
#include <cstdio>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/substitute.h"
#include "platform/bytes.hpp"
#include "platform/messages.hpp"
#include "fazhi/text.hpp"

namespace fazhi {
namespace {

// GB/T 2260 province-level codes: the first two digits of every valid code.
constexpr bool is_province_prefix(uint32_t p) noexcept {
  return (p >= 11 && p <= 15) || (p >= 21 && p <= 23) || (p >= 31 && p <= 37) ||
         (p >= 41 && p <= 46) || (p >= 50 && p <= 54) || (p >= 61 && p <= 65) || p == 71 ||
         p == 81 || p == 82;
}

// kProvincePrefix is is_province_prefix as a bit per two-digit prefix: a
// load reads a region code per row, and one bit test is cheaper than the
// chain of comparisons.
constexpr std::array<uint64_t, 2> kProvincePrefix = [] {
  std::array<uint64_t, 2> bits{};
  for (uint32_t p = 0; p < 100; ++p) {
    if (is_province_prefix(p)) bits[p / 64] |= uint64_t{1} << (p % 64);
  }
  return bits;
}();

bool valid_code(std::string_view s, uint32_t& value) noexcept {
  if (s.size() != 6) return false;
  // The six bytes are checked as digits at once, as one word of their two
  // overlapping halves (gather_short: bytes 0-3 and 2-5), not through a
  // padded copy in memory, which a load reads back before the stores that
  // filled it are done (a store-forwarding stall per row).
  const internal::ShortWords w = internal::gather_short(s.data(), 6);
  if (!internal::all_digits(w.lo | w.hi << 32)) return false;
  uint32_t digit[6];
  for (int i = 0; i < 6; ++i) digit[i] = static_cast<uint32_t>(s[i] - '0');
  const uint32_t province = digit[0] * 10 + digit[1];
  const bool no_city = digit[2] == 0 && digit[3] == 0, no_district = digit[4] == 0 && digit[5] == 0;
  if ((kProvincePrefix[province / 64] >> (province % 64) & 1) == 0) return false;
  if (no_city && !no_district) return false;  // a district under no city
  value = ((((province * 10 + digit[2]) * 10 + digit[3]) * 10 + digit[4]) * 10) + digit[5];
  return true;
}
}  // namespace

absl::StatusOr<RegionCode> RegionCode::parse(std::string_view text) {
  RegionCode code;
  if (try_parse(text, code)) return code;
  std::string_view s = trim(text);
  if (s.size() != 6 || s.find_first_not_of("0123456789") != std::string_view::npos) {
    return absl::InvalidArgumentError(
        absl::Substitute(_("not a region code: '$0' (expected 6 digits, GB/T 2260)"), absl_view(s)));
  }
  return absl::InvalidArgumentError(absl::Substitute(
      _("not a region code: '$0' (no such province or city part in GB/T 2260)"), absl_view(s)));
}

bool RegionCode::try_parse(std::string_view text, RegionCode& out) noexcept {
  uint32_t v = 0;
  // Six bytes are never trimmed to a valid code (it has six digits and no
  // space), so the common case skips trim.
  if (!valid_code(text.size() == 6 ? text : trim(text), v)) return false;
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

namespace {

// without_suffix is `name` less its administrative suffix (the longest that
// fits), or "" when it has none or nothing would be left.
std::string_view without_suffix(std::string_view name) {
  static constexpr std::string_view kSuffixes[] = {"特别行政区", "自治区", "自治州", "自治县", "自治旗",
                                                   "林区", "地区", "省", "市", "区", "县", "旗", "盟"};
  for (std::string_view suffix : kSuffixes) {
    if (name.size() > suffix.size() && name.ends_with(suffix)) return name.substr(0, name.size() - suffix.size());
  }
  return {};
}

}  // namespace

absl::StatusOr<RegionCode> find_region(std::string_view text, std::span<const RegionName> names) {
  const std::string_view t = trim(text);
  // Digits are a code, whether or not regions.csv names it.
  if (!t.empty() && t.find_first_not_of("0123456789") == std::string_view::npos) return RegionCode::parse(t);
  absl::flat_hash_map<uint32_t, std::string_view> name_of;
  for (const RegionName& n : names) name_of[n.code.value()] = n.name;
  auto parent_name = [&](RegionCode c) -> std::string_view {
    const std::optional<RegionCode> p = c.parent();
    if (!p) return {};
    auto it = name_of.find(p->value());
    return it == name_of.end() ? std::string_view() : it->second;
  };
  std::vector<RegionCode> whole, shortened;
  for (const RegionName& n : names) {
    const std::string_view name = trim(n.name);
    if (name.empty()) continue;
    const std::string_view parent = parent_name(n.code);
    const std::optional<RegionCode> up = n.code.parent();
    const std::string_view grandparent = up ? parent_name(*up) : std::string_view();
    if (t == name || (!parent.empty() && t == absl::StrCat(absl_view(parent), absl_view(name))) ||
        (!parent.empty() && !grandparent.empty() &&
         t == absl::StrCat(absl_view(grandparent), absl_view(parent), absl_view(name)))) {
      whole.push_back(n.code);
    } else if (const std::string_view s = without_suffix(name); !s.empty() && t == s) {
      shortened.push_back(n.code);
    }
  }
  const std::vector<RegionCode>& found = whole.empty() ? shortened : whole;
  if (found.size() == 1) return found.front();
  if (found.empty()) {
    return absl::NotFoundError(absl::Substitute(
        _("no region is named '$0' (regions.csv names the regions; a 6-digit code works too)"), absl_view(t)));
  }
  std::vector<std::string> candidates;
  for (RegionCode c : found) {
    const std::string_view parent = parent_name(c);
    candidates.push_back(parent.empty() ? absl::Substitute(_("$0 ($1)"), absl_view(name_of[c.value()]), c.str())
                                        : absl::Substitute(_("$0 ($1, in $2)"), absl_view(name_of[c.value()]),
                                                           c.str(), absl_view(parent)));
  }
  return absl::InvalidArgumentError(
      absl::Substitute(_("'$0' names $1 regions: $2; give the code, or the name after its parent's"),
                       absl_view(t), found.size(), absl::StrJoin(candidates, _(", "))));
}

}  // namespace fazhi
