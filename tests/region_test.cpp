#include "fazhi/region.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

namespace fazhi {
namespace {

RegionCode code(const char* text) {
  absl::StatusOr<RegionCode> c = RegionCode::parse(text);
  EXPECT_TRUE(c.ok()) << text << ": " << c.status();
  return c.ok() ? *c : RegionCode::from_value(0);
}

TEST(RegionCode, DistrictRollsUpToCityAndProvince) {
  const RegionCode baiyun = code("440111");
  EXPECT_EQ(baiyun.str(), "440111");
  EXPECT_EQ(baiyun.level(), RegionLevel::kDistrict);
  EXPECT_EQ(baiyun.city().str(), "440100");
  EXPECT_EQ(baiyun.province().str(), "440000");
  EXPECT_EQ(baiyun.parent()->str(), "440100");
  EXPECT_EQ(baiyun.city().level(), RegionLevel::kCity);
  EXPECT_EQ(baiyun.city().parent()->str(), "440000");
  EXPECT_EQ(baiyun.province().level(), RegionLevel::kProvince);
  EXPECT_FALSE(baiyun.province().parent().has_value());
}

TEST(RegionCode, ContainsFollowsTheCode) {
  EXPECT_TRUE(code("440000").contains(code("440111")));
  EXPECT_TRUE(code("440100").contains(code("440111")));
  EXPECT_TRUE(code("440100").contains(code("440100")));
  EXPECT_FALSE(code("440100").contains(code("440000")));
  EXPECT_FALSE(code("440100").contains(code("440203")));
  EXPECT_FALSE(code("440111").contains(code("440112")));
  EXPECT_TRUE(code("110000").contains(code("110101")));
}

TEST(RegionCode, TrimsSpaces) { EXPECT_EQ(code(" 440111\xE3\x80\x80").str(), "440111"); }

TEST(RegionCode, RejectsMalformedCodes) {
  for (const char* bad : {"44011", "4401110", "44011a", "", "000000", "990000", "440011",
                          "160101", "４４０１１１", "440111.0"}) {
    absl::StatusOr<RegionCode> c = RegionCode::parse(bad);
    EXPECT_FALSE(c.ok()) << bad;
    if (!c.ok()) {
      EXPECT_EQ(c.status().code(), absl::StatusCode::kInvalidArgument);
      EXPECT_NE(c.status().message().find("not a region code"), std::string::npos);
    }
  }
}

// Every six-digit text, against the rule written out plainly: the province
// part is one of GB/T 2260's and no district hangs under a `00` city part.
// Bytes next to the digits ('/', ':') and high bytes are never digits.
TEST(RegionCode, AcceptsExactlyTheValidSixDigitCodes) {
  auto province_ok = [](int p) {
    return (p >= 11 && p <= 15) || (p >= 21 && p <= 23) || (p >= 31 && p <= 37) ||
           (p >= 41 && p <= 46) || (p >= 50 && p <= 54) || (p >= 61 && p <= 65) || p == 71 ||
           p == 81 || p == 82;
  };
  int accepted = 0;
  for (int v = 0; v < 1000000; ++v) {
    char text[8];
    std::snprintf(text, sizeof text, "%06d", v);
    const bool valid = province_ok(v / 10000) && !(v / 100 % 100 == 0 && v % 100 != 0);
    RegionCode out;
    ASSERT_EQ(RegionCode::try_parse(text, out), valid) << text;
    if (valid) {
      ASSERT_EQ(out.value(), static_cast<uint32_t>(v)) << text;
      ++accepted;
    }
  }
  EXPECT_GT(accepted, 0);
  for (int i = 0; i < 6; ++i) {
    for (char c : {'/', ':', ' ', '\x80', '\xB0', '\xFF'}) {
      std::string text = "440111";
      text[static_cast<size_t>(i)] = c;
      RegionCode out;
      EXPECT_FALSE(RegionCode::try_parse(text, out)) << i << " " << static_cast<int>(c);
    }
  }
}

TEST(RegionCode, OrdersByNumber) {
  EXPECT_LT(code("440103"), code("440111"));
  EXPECT_EQ(code("440111"), RegionCode::from_value(440111));
}

// Two 白云区 (Guangzhou's and Guiyang's), as GB/T 2260 has them.
const RegionName kNames[] = {
    {RegionCode::from_value(440000), "广东省"}, {RegionCode::from_value(440100), "广州市"},
    {RegionCode::from_value(440111), "白云区"}, {RegionCode::from_value(440103), "荔湾区"},
    {RegionCode::from_value(520000), "贵州省"}, {RegionCode::from_value(520100), "贵阳市"},
    {RegionCode::from_value(520113), "白云区"}, {RegionCode::from_value(440200), "韶关市"},
    {RegionCode::from_value(440203), "武江区"}};

TEST(FindRegion, ReadsCodesAsCodes) {
  EXPECT_EQ(*find_region("440111", kNames), code("440111"));
  EXPECT_EQ(*find_region(" 440300 ", kNames), code("440300"));  // a code regions.csv does not name
  EXPECT_EQ(find_region("440011", kNames).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(FindRegion, ReadsAWholeNameOrOneWithoutItsSuffix) {
  EXPECT_EQ(*find_region("荔湾区", kNames), code("440103"));
  EXPECT_EQ(*find_region("\u3000荔湾区 ", kNames), code("440103"));
  EXPECT_EQ(*find_region("荔湾", kNames), code("440103"));
  EXPECT_EQ(*find_region("广州市", kNames), code("440100"));
  EXPECT_EQ(*find_region("广州", kNames), code("440100"));
  EXPECT_EQ(*find_region("广东", kNames), code("440000"));
}

TEST(FindRegion, AnAmbiguousNameListsTheCandidates) {
  absl::StatusOr<RegionCode> r = find_region("白云区", kNames);
  ASSERT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message(),
            "'白云区' names 2 regions: 白云区 (440111, in 广州市), 白云区 (520113, in 贵阳市); "
            "give the code, or the name after its parent's");
  EXPECT_EQ(find_region("白云", kNames).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(FindRegion, TheParentsNameSettlesIt) {
  EXPECT_EQ(*find_region("广州市白云区", kNames), code("440111"));
  EXPECT_EQ(*find_region("贵阳市白云区", kNames), code("520113"));
  EXPECT_EQ(*find_region("贵州省贵阳市白云区", kNames), code("520113"));
}

TEST(FindRegion, AnUnknownNameIsNotFound) {
  absl::StatusOr<RegionCode> r = find_region("天河区", kNames);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kNotFound);
  EXPECT_NE(r.status().message().find("'天河区'"), absl::string_view::npos);
  EXPECT_EQ(find_region("", kNames).status().code(), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace fazhi
