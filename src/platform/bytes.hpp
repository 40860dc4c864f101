// bytes.hpp -- word-at-a-time reading of short texts (internal).
//
// The loader and the JSON writer look at millions of short texts (ids,
// codes, Chinese labels, dates). Rather than a byte at a time, they read
// whole machine words; the rules for doing that without reading a byte
// outside the text are here, once.
#ifndef FAZHI_SRC_BYTES_HPP_
#define FAZHI_SRC_BYTES_HPP_

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string_view>

namespace fazhi::internal {

// load_u64 reads the 8 bytes at p (any alignment), byte 0 lowest on x86-64
// and AArch64.
inline uint64_t load_u64(const char* p) noexcept {
  uint64_t w;
  std::memcpy(&w, p, sizeof w);
  return w;
}

// ShortWords holds every byte of a text of 0-16 bytes in two words.
struct ShortWords {
  uint64_t lo, hi;
  bool operator==(const ShortWords&) const = default;
};
static_assert(sizeof(ShortWords) == 16);

// gather_short reads the n (0 to 16) bytes at p into two words without
// reading a byte outside [p, p + n), and without a copy of variable length
// (a call to memcpy per text): every load has a fixed size and is taken
// from one end of the text or the other, overlapping in the middle when the
// text is shorter than the two loads.
//   - 8-16 bytes: lo = the first 8, hi = the last 8;
//   - 4-7 bytes: lo = the first 4, hi = the last 4 (each in the low half);
//   - 1-3 bytes: lo = the first, middle and last bytes (bits 0, 8 and 16);
//   - 0 bytes: nothing is read.
// The bytes of lo and hi that no load fills hold `pad`'s bytes at the same
// places. For a given n the result is a function of the n bytes, and every
// byte is in it: two texts of the same length are equal exactly when their
// words are. Which byte lands where is a plain copy only for 8 and 16 bytes;
// callers compare or scan the words, they do not print them.
inline ShortWords gather_short(const char* p, size_t n, uint64_t pad = 0) noexcept {
  if (n >= 8) return {load_u64(p), load_u64(p + n - 8)};
  const uint64_t pad_high = pad & 0xFFFFFFFF00000000ULL;
  if (n >= 4) {
    uint32_t first, last;
    std::memcpy(&first, p, sizeof first);
    std::memcpy(&last, p + n - 4, sizeof last);
    return {pad_high | first, pad_high | last};
  }
  if (n == 0) return {pad, pad};
  const auto byte = [p](size_t k) { return uint64_t{static_cast<unsigned char>(p[k])}; };
  return {(pad & ~uint64_t{0xFFFFFF}) | byte(0) | byte(n / 2) << 8 | byte(n - 1) << 16, pad};
}

// compare_text orders two texts by their bytes, as std::string_view::compare
// does (negative, zero or positive), eight bytes a step: a call to memcmp
// per id cost more than the comparing (ids are 8-16 bytes).
inline int compare_text(std::string_view a, std::string_view b) noexcept {
  if constexpr (std::endian::native != std::endian::little) {
    return a.compare(b);
  } else {
    const size_t n = std::min(a.size(), b.size());
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
      // Byte-swapped, the first byte is the most significant: words order as their bytes do.
      const uint64_t x = __builtin_bswap64(load_u64(a.data() + i));
      const uint64_t y = __builtin_bswap64(load_u64(b.data() + i));
      if (x != y) return x < y ? -1 : 1;
    }
    for (; i < n; ++i) {
      const auto x = static_cast<unsigned char>(a[i]), y = static_cast<unsigned char>(b[i]);
      if (x != y) return x < y ? -1 : 1;
    }
    return a.size() < b.size() ? -1 : a.size() > b.size() ? 1 : 0;
  }
}

// all_digits says whether every byte of w (a word of text as memcpy loads
// it: uint16_t, uint32_t or uint64_t) is an ASCII digit, testing all bytes at
// once. A byte minus '0' (here: xor 0x30, the same for '0'-'9') is a digit
// when it is below 10, i.e. when adding 0x76 sets no high bit and it had
// none. Bytes of `skip` that are 0xFF are not tested (the dashes of a date).
// Only a byte of 0x8A or more (after the xor) carries into the byte above,
// and its own high bit already fails the word: the answer is right for the
// word, though the high bits are not a mask of which bytes failed.
template <typename Word>
constexpr bool all_digits(Word w, Word skip = 0) noexcept {
  constexpr Word kOnes = std::numeric_limits<Word>::max() / 0xFF;  // 0x0101...01
  const auto d = static_cast<Word>((w ^ static_cast<Word>(kOnes * 0x30)) & static_cast<Word>(~skip));
  const auto carried = static_cast<Word>(d + static_cast<Word>(kOnes * 0x76));
  return ((d | carried) & static_cast<Word>(kOnes * 0x80)) == 0;
}

}  // namespace fazhi::internal

#endif  // FAZHI_SRC_BYTES_HPP_
