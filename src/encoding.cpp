#include "encoding.hpp"

#include <iconv.h>

#include <bit>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "absl/strings/str_cat.h"
#include "parallel.hpp"

namespace fazhi::internal {
namespace {

inline bool is_cont(unsigned char c) noexcept { return (c & 0xC0) == 0x80; }

// Converts one piece; false with the offset of the first bad byte.
bool convert_piece(std::string_view in, std::string& out, size_t& bad) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    bad = 0;
    return false;
  }
  // GB18030 -> UTF-8 grows at most 3/2 (two bytes -> three); four-byte
  // sequences stay four bytes.
  out.resize(in.size() + in.size() / 2 + 16);
  char* src = const_cast<char*>(in.data());  // iconv's signature; it does not write
  size_t src_left = in.size();
  char* dst = out.data();
  size_t dst_left = out.size();
  bool ok = true;
  while (src_left > 0) {
    if (iconv(cd, &src, &src_left, &dst, &dst_left) != static_cast<size_t>(-1)) continue;
    if (errno == E2BIG) {
      const size_t used = out.size() - dst_left;
      out.resize(out.size() * 2);
      dst = out.data() + used;
      dst_left = out.size() - used;
      continue;
    }
    bad = static_cast<size_t>(src - in.data());
    ok = false;
    break;
  }
  out.resize(out.size() - dst_left);
  iconv_close(cd);
  return ok;
}

}  // namespace

bool is_valid_utf8(std::string_view text, size_t* bad_offset) noexcept {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  auto fail = [&](size_t at) {
    if (bad_offset != nullptr) *bad_offset = at;
    return false;
  };
  while (i < n) {
    // ASCII is skipped sixteen (or eight) bytes at a time, straight to the
    // first byte with its high bit set: rows are mostly ASCII with a run or
    // two of Chinese text, so the skip must not fall back to single bytes.
#if defined(__SSE2__)
    while (i + 16 <= n) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
      const auto high = static_cast<unsigned>(_mm_movemask_epi8(v));
      if (high != 0) {
        i += static_cast<size_t>(std::countr_zero(high));
        break;
      }
      i += 16;
    }
#endif
    while (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, s + i, sizeof w);
      const uint64_t high = w & 0x8080808080808080ULL;
      if (high != 0) {
        if constexpr (std::endian::native == std::endian::little) {
          i += static_cast<size_t>(std::countr_zero(high)) >> 3;
        }
        break;
      }
      i += 8;
    }
    if (i >= n) break;
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    // Chinese text is mostly three-byte sequences E1-EC / EE-EF: a run of
    // them is taken in one loop, two characters a step while eight bytes
    // are left. Byte 0 lowest, a pair is 1110xxxx 10xxxxxx 10xxxxxx twice;
    // kLeads has a bit for each low nibble of a lead taken here (E0 and ED
    // limit their second byte: the general path below checks them).
    if constexpr (std::endian::native == std::endian::little) {
      constexpr uint64_t kPairMask = 0xC0C0F0C0C0F0ULL, kPair = 0x8080E08080E0ULL;
      constexpr uint32_t kLeads = 0xDFFE;  // 1-C, E, F
      while (i + 8 <= n) {
        uint64_t w;
        std::memcpy(&w, s + i, sizeof w);
        if ((w & kPairMask) != kPair ||
            ((kLeads >> (w & 0xF)) & (kLeads >> ((w >> 24) & 0xF)) & 1) == 0) {
          break;
        }
        i += 6;
      }
    }
    while (i + 3 <= n && s[i] >= 0xE1 && s[i] != 0xED && s[i] <= 0xEF && is_cont(s[i + 1]) &&
           is_cont(s[i + 2])) {
      i += 3;
    }
    if (i >= n) break;
    const unsigned char c = s[i];
    if (c < 0x80) continue;
    // Unicode 15, table 3-7: well-formed byte sequences.
    size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c == 0xE0) {
      len = 3, lo = 0xA0;
    } else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) {
      len = 3;
    } else if (c == 0xED) {
      len = 3, hi = 0x9F;
    } else if (c == 0xF0) {
      len = 4, lo = 0x90;
    } else if (c >= 0xF1 && c <= 0xF3) {
      len = 4;
    } else if (c == 0xF4) {
      len = 4, hi = 0x8F;
    } else {
      return fail(i);
    }
    if (i + len > n) return fail(i);
    if (s[i + 1] < lo || s[i + 1] > hi) return fail(i);
    for (size_t k = 2; k < len; ++k) {
      if (!is_cont(s[i + k])) return fail(i);
    }
    i += len;
  }
  return true;
}

std::string to_valid_utf8(std::string_view text) {
  size_t bad = 0;
  if (is_valid_utf8(text, &bad)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 8);
  do {
    out.append(text.substr(0, bad));
    out.append("\xEF\xBF\xBD");
    text.remove_prefix(bad + 1);
  } while (!is_valid_utf8(text, &bad));
  out.append(text);
  return out;
}

absl::StatusOr<std::string> gb18030_to_utf8(std::string_view text, int threads,
                                            size_t* bad_offset) {
  // Pieces end just after a line feed, so no character is cut in two.
  constexpr size_t kMinPiece = size_t{1} << 20;
  std::vector<size_t> cuts = {0};
  const size_t pieces =
      threads > 1 && text.size() >= 2 * kMinPiece ? static_cast<size_t>(threads) : 1;
  for (size_t p = 1; p < pieces; ++p) {
    size_t at = text.size() * p / pieces;
    const void* nl = std::memchr(text.data() + at, '\n', text.size() - at);
    at = nl == nullptr ? text.size()
                       : static_cast<size_t>(static_cast<const char*>(nl) - text.data()) + 1;
    if (at > cuts.back()) cuts.push_back(at);
  }
  if (cuts.back() != text.size()) cuts.push_back(text.size());
  const size_t count = cuts.size() - 1;
  std::vector<std::string> outs(count);
  std::vector<size_t> bad(count, SIZE_MAX);
  parallel_for(count, threads, [&](size_t p) {
    size_t at = 0;
    if (!convert_piece(text.substr(cuts[p], cuts[p + 1] - cuts[p]), outs[p], at)) {
      bad[p] = cuts[p] + at;
    }
  });
  for (size_t p = 0; p < count; ++p) {
    if (bad[p] != SIZE_MAX) {
      if (bad_offset != nullptr) *bad_offset = bad[p];
      return absl::InvalidArgumentError(absl::StrCat("not valid GB18030 at byte offset ", bad[p]));
    }
  }
  if (count == 1) return std::move(outs[0]);
  size_t total = 0;
  for (const std::string& o : outs) total += o.size();
  std::string joined;
  joined.reserve(total);
  for (const std::string& o : outs) joined += o;
  return joined;
}

}  // namespace fazhi::internal
