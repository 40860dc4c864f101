#include "platform/bytes.hpp"

#include <gtest/gtest.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace fazhi::internal {
namespace {

constexpr uint64_t kPad = 0x6161616161616161;  // the JSON writer's padding, 'a'

// expected_short is gather_short written out a byte at a time: where each
// byte of the text goes, by the layout bytes.hpp documents.
ShortWords expected_short(const unsigned char* p, size_t n, uint64_t pad) {
  auto word = [](const unsigned char* q) {  // 8 bytes, byte 0 lowest
    uint64_t w = 0;
    for (int k = 7; k >= 0; --k) w = w << 8 | q[k];
    return w;
  };
  if (n >= 8) return {word(p), word(p + n - 8)};
  if (n >= 4) {
    uint64_t first = 0, last = 0;
    for (int k = 3; k >= 0; --k) first = first << 8 | p[k];
    for (int k = 3; k >= 0; --k) last = last << 8 | p[n - 4 + k];
    return {(pad >> 32) << 32 | first, (pad >> 32) << 32 | last};
  }
  if (n == 0) return {pad, pad};
  return {(pad >> 24) << 24 | uint64_t{p[n - 1]} << 16 | uint64_t{p[n / 2]} << 8 | p[0], pad};
}

TEST(GatherShort, EveryLengthMatchesTheBytesWrittenOut) {
  unsigned char text[16];
  for (int k = 0; k < 16; ++k) text[k] = static_cast<unsigned char>(0xC0 + k);
  for (size_t n = 0; n <= 16; ++n) {
    for (uint64_t pad : {uint64_t{0}, kPad}) {
      const ShortWords got = gather_short(reinterpret_cast<const char*>(text), n, pad);
      const ShortWords want = expected_short(text, n, pad);
      EXPECT_EQ(got.lo, want.lo) << "n=" << n << " pad=" << pad;
      EXPECT_EQ(got.hi, want.hi) << "n=" << n << " pad=" << pad;
    }
  }
}

TEST(GatherShort, KnownValues) {
  EXPECT_EQ(gather_short("", 0, kPad), (ShortWords{kPad, kPad}));
  EXPECT_EQ(gather_short("x", 1), (ShortWords{0x787878, 0}));
  EXPECT_EQ(gather_short("ab", 2, kPad), (ShortWords{0x6161616161626261, kPad}));
  EXPECT_EQ(gather_short("abc", 3), (ShortWords{0x636261, 0}));
  // "abcde": the first four "abcd" and the last four "bcde" (byte 0 lowest).
  EXPECT_EQ(gather_short("abcde", 5), (ShortWords{0x64636261, 0x65646362}));
  EXPECT_EQ(gather_short("abcde", 5, kPad), (ShortWords{0x6161616164636261, 0x6161616165646362}));
  EXPECT_EQ(gather_short("0123456789", 10), (ShortWords{0x3736353433323130, 0x3938373635343332}));
}

// Each byte of the text is in the words: changing any one changes them, and
// no byte next to the text does.
TEST(GatherShort, EveryByteCountsAndNothingOutsideDoes) {
  for (size_t n = 0; n <= 16; ++n) {
    char buffer[48];
    std::memset(buffer, 'x', sizeof buffer);
    char* text = buffer + 16;
    for (size_t k = 0; k < n; ++k) text[k] = static_cast<char>('A' + k);
    const ShortWords base = gather_short(text, n);
    for (size_t k = 0; k < n; ++k) {
      text[k] = '#';
      EXPECT_NE(gather_short(text, n), base) << "n=" << n << " byte " << k;
      text[k] = static_cast<char>('A' + k);
    }
    std::memset(buffer, 'y', 16);
    std::memset(text + n, 'y', sizeof buffer - 16 - n);
    EXPECT_EQ(gather_short(text, n), base) << "n=" << n;
  }
}

// A text that ends at the end of a page (and one that starts at the start
// of one) is read without a fault: the neighbouring page is not readable.
TEST(GatherShort, ReadsNoByteOutsideTheText) {
  const size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  void* map = mmap(nullptr, 3 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  ASSERT_NE(map, MAP_FAILED);
  char* base = static_cast<char*>(map);
  ASSERT_EQ(mprotect(base, page, PROT_NONE), 0);
  ASSERT_EQ(mprotect(base + 2 * page, page, PROT_NONE), 0);
  char* const start = base + page;
  char* const end = base + 2 * page;
  std::memset(start, 'z', page);
  for (size_t n = 0; n <= 16; ++n) {
    std::memcpy(start, "0123456789abcdef", n);
    std::memcpy(end - n, "0123456789abcdef", n);
    EXPECT_EQ(gather_short(start, n), gather_short(end - n, n)) << "n=" << n;
  }
  munmap(map, 3 * page);
}

TEST(AllDigits, EveryDigitAtEveryPlace) {
  for (int place = 0; place < 8; ++place) {
    for (char c = '0'; c <= '9'; ++c) {
      char text[9] = "00000000";
      text[place] = c;
      EXPECT_TRUE(all_digits(load_u64(text))) << text;
    }
  }
  EXPECT_TRUE(all_digits(load_u64("12345678")));
  EXPECT_TRUE(all_digits(load_u64("99999999")));
}

// Every byte that is not a digit, at every place among digits (the other
// bytes 0 or 9, the extremes a carry could spoil), fails the word.
TEST(AllDigits, EveryNonDigitAtEveryPlace) {
  for (char fill : {'0', '9'}) {
    for (int place = 0; place < 8; ++place) {
      for (int b = 0; b < 256; ++b) {
        if (b >= '0' && b <= '9') continue;
        char text[8];
        std::memset(text, fill, 8);
        text[place] = static_cast<char>(b);
        EXPECT_FALSE(all_digits(load_u64(text))) << "byte " << b << " at " << place;
        uint16_t two;
        std::memcpy(&two, text + (place & ~1), 2);
        EXPECT_FALSE(all_digits(two)) << "byte " << b << " at " << place;
        uint32_t four;
        std::memcpy(&four, text + (place & ~3), 4);
        EXPECT_FALSE(all_digits(four)) << "byte " << b << " at " << place;
      }
    }
  }
}

// Every two-byte word, against the bytes tested one at a time.
TEST(AllDigits, EveryTwoByteWord) {
  for (uint32_t v = 0; v <= 0xFFFF; ++v) {
    const auto w = static_cast<uint16_t>(v);
    unsigned char bytes[2];
    std::memcpy(bytes, &w, 2);
    const bool digits = bytes[0] >= '0' && bytes[0] <= '9' && bytes[1] >= '0' && bytes[1] <= '9';
    ASSERT_EQ(all_digits(w), digits) << std::hex << v;
  }
}

TEST(AllDigits, SkippedBytesAreNotTested) {
  constexpr uint64_t kDashes = 0xFF0000FF00000000ULL;  // bytes 4 and 7, as in "2019-03-"
  EXPECT_TRUE(all_digits(load_u64("2019-03-"), kDashes));
  EXPECT_TRUE(all_digits(load_u64("2019\xFF" "03\x80"), kDashes));
  EXPECT_FALSE(all_digits(load_u64("2019-03-")));
  EXPECT_FALSE(all_digits(load_u64("2O19-03-"), kDashes));  // a letter O
  EXPECT_FALSE(all_digits(load_u64("2019-0:-"), kDashes));
  uint16_t day;
  std::memcpy(&day, "31", 2);
  EXPECT_TRUE(all_digits(day));
  std::memcpy(&day, "3/", 2);
  EXPECT_FALSE(all_digits(day));
}

}  // namespace
}  // namespace fazhi::internal

// compare_text must order exactly as std::string_view::compare: the loader
// trusts its "greater" to skip the duplicate-id check of ascending ids.
TEST(CompareText, OrdersAsStringViewCompare) {
  auto sign = [](int c) { return (c > 0) - (c < 0); };
  const std::vector<std::string> texts = {
      "", "a", "b", "ab", "M000001", "M000002", "M0000010", "FA0000000001", "FA0000000002",
      "FA000000000", "FA00000000010", "\x80", "\x7F", "abcdefgh", "abcdefgi", "abcdefghi",
      "abcdefgh\xFF", "abcdefgh\x01", "abcdefghabcdefgh", "abcdefghabcdefgg", "案件编号", "案件编号1"};
  for (const std::string& a : texts) {
    for (const std::string& b : texts) {
      EXPECT_EQ(sign(fazhi::internal::compare_text(a, b)), sign(std::string_view(a).compare(b)))
          << "'" << a << "' '" << b << "'";
    }
  }
  // A difference at every place of a 20-byte text, either way.
  for (size_t k = 0; k < 20; ++k) {
    std::string lo(20, 'x'), hi(20, 'x');
    lo[k] = 'a';
    hi[k] = '\xF0';
    EXPECT_LT(fazhi::internal::compare_text(lo, hi), 0) << k;
    EXPECT_GT(fazhi::internal::compare_text(hi, lo), 0) << k;
    EXPECT_EQ(fazhi::internal::compare_text(lo, lo), 0) << k;
  }
}
