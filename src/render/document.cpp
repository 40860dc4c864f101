// The pieces the workbook and the HTML page share (render/document.hpp).
#include "render/document.hpp"

#include <charconv>

#include "absl/strings/str_cat.h"

namespace fazhi::internal {

std::string_view family_label(Family f) {
  switch (f) {
    case Family::kReconsideration: return "行政复议";
    case Family::kLitigation: return "行政应诉";
    case Family::kLegalAid: return "法律援助";
    case Family::kMediation: return "人民调解";
    case Family::kRegistry: return "律师、公证与法律服务机构";
    case Family::kActivity: return "法治工作";
    case Family::kRegions: return "行政区划";
  }
  return "";
}

std::string_view region_level_label(RegionLevel level) {
  switch (level) {
    case RegionLevel::kProvince: return "省级";
    case RegionLevel::kCity: return "市级";
    case RegionLevel::kDistrict: return "区县";
  }
  return "";
}

double to_double(const Fraction& f) {
  // format_decimal rounds exactly; from_chars then reads the nearest double.
  const std::string text = format_decimal(f, 12, Rounding::kHalfUp);
  double d = 0;
  std::from_chars(text.data(), text.data() + text.size(), d);
  return d;
}

double cell_number(const Value& v) {
  switch (v.kind) {
    case ValueKind::kCount:
    case ValueKind::kRank: return static_cast<double>(v.integer);
    case ValueKind::kMoney: return to_double(Fraction(v.integer, 1000000));  // fen -> 万元
    case ValueKind::kRatio:
    case ValueKind::kDays:
    case ValueKind::kNumber: return to_double(Fraction(v.num, v.den));
    case ValueKind::kUndefined: break;
  }
  return 0;
}

std::string period_text(Period p) {
  return absl::StrCat(format_iso_day(p.from), " 至 ", format_iso_day(p.to));
}

std::vector<const Report*> siblings(const Report& report, std::span<const Report> regions) {
  std::vector<const Report*> out;
  const std::optional<RegionCode> parent = report.region.parent();
  if (!parent) return out;
  for (const Report& r : regions) {
    if (r.region.parent() == parent) out.push_back(&r);
  }
  return out;
}

size_t display_width(std::string_view s) {
  size_t width = 0;
  for (size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const size_t len = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
    uint32_t c = len == 1 ? b : b & (0x7F >> len);
    for (size_t k = 1; k < len && i + k < s.size(); ++k) c = c << 6 | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    const bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
                      (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
                      (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
                      (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
                      (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
                      (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
    width += wide ? 2 : 1;
    i += len;
  }
  return width;
}


}  // namespace fazhi::internal
