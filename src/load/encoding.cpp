#include "load/encoding.hpp"

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
#include "platform/cpu.hpp"
#include "platform/parallel.hpp"

#if FAZHI_AVX2_BUILDS
#include <immintrin.h>
#endif

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

// line_pieces cuts text for conversion over `threads` threads: offsets from
// 0 to text.size(), each piece ending just after a line feed (which GB18030
// never uses inside a character), so no character is cut in two.
std::vector<size_t> line_pieces(std::string_view text, int threads) {
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
  return cuts;
}

// line_end is the offset just after the line feed that ends the line at
// `from`, or text.size().
size_t line_end(std::string_view text, size_t from) noexcept {
  const void* nl = std::memchr(text.data() + from, '\n', text.size() - from);
  return nl == nullptr ? text.size()
                       : static_cast<size_t>(static_cast<const char*>(nl) - text.data()) + 1;
}

bool has_non_ascii(std::string_view text) noexcept {
  size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, text.data() + i, sizeof w);
    if ((w & 0x8080808080808080ULL) != 0) return true;
  }
  for (; i < text.size(); ++i) {
    if (static_cast<unsigned char>(text[i]) >= 0x80) return true;
  }
  return false;
}

bool all_chinese(std::string_view line) noexcept;  // below, by is_utf8_chinese

// convert_run appends the conversion of `in` to `out` in one call; false
// (with `out` as it was) at the first byte that is not GB18030, whose offset
// goes to `bad`.
bool convert_run(iconv_t cd, std::string_view in, std::string& out, size_t& bad) {
  bad = 0;
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  const size_t at = out.size();
  // GB18030 -> UTF-8 grows at most 3/2 (two bytes -> three): never E2BIG.
  out.resize(at + in.size() + in.size() / 2 + 16);
  char* src = const_cast<char*>(in.data());  // iconv's signature; it does not write
  size_t src_left = in.size();
  char* dst = out.data() + at;
  size_t dst_left = out.size() - at;
  const bool ok = iconv(cd, &src, &src_left, &dst, &dst_left) != static_cast<size_t>(-1);
  if (ok) {
    out.resize(out.size() - dst_left);
    return true;
  }
  bad = static_cast<size_t>(src - in.data());
  iconv(cd, nullptr, nullptr, nullptr, nullptr);
  out.resize(at);
  return false;
}

// convert_lines converts one piece (gb18030_lines_to_utf8): the lines
// between two odd ones in one iconv call; odd lines get offsets in `out`.
void convert_lines(std::string_view in, std::string& out, std::vector<OddLine>& odd, size_t in_base,
                   Utf8Vote& vote) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  out.clear();
  out.reserve(in.size() + in.size() / 8 + 16);
  size_t run = 0;  // where the lines not yet converted start
  // flush converts in[run, to), whole lines, keeping each line that is not
  // GB18030 as it is: its row is rejected, and only a cut of it, made valid
  // UTF-8, is ever shown.
  auto flush = [&](size_t to) {
    size_t bad = 0;
    while (run < to && !convert_run(cd, in.substr(run, to - run), out, bad)) {
      const size_t at = run + bad;
      size_t from = at;
      while (from > run && in[from - 1] != '\n') --from;
      const size_t end = std::min(to, line_end(in, at));
      size_t ignored = 0;
      convert_run(cd, in.substr(run, from - run), out, ignored);  // whole GB18030 lines
      const size_t begin = out.size();
      out.append(in.substr(from, end - from));
      odd.push_back({begin, out.size(), false, in_base + at});
      run = end;
    }
    run = to;
  };
  for (size_t i = 0; i < in.size();) {
    const size_t e = line_end(in, i);
    const std::string_view line = in.substr(i, e - i);
    const bool non_ascii = has_non_ascii(line);
    const bool utf8 = non_ascii && is_valid_utf8(line);
    if (non_ascii) ++(utf8 ? vote.utf8 : vote.other);
    if (utf8 && all_chinese(line)) {
      flush(i);
      const size_t begin = out.size();
      out.append(line);
      odd.push_back({begin, out.size(), true, SIZE_MAX});
      run = e;
    }
    i = e;
  }
  flush(in.size());
  if (cd != reinterpret_cast<iconv_t>(-1)) iconv_close(cd);
}

}  // namespace

#if FAZHI_AVX2_BUILDS
namespace {
// valid_utf8_avx2 tells whether text is valid UTF-8, 32 bytes a step, by
// the method of Keiser and Lemire ("Validating UTF-8 in less than one
// instruction per byte", Software: Practice and Experience 51(5), 2021):
// each byte and the one before it are looked up by their nibbles in three
// tables of the errors the pair may show, and the lookups ANDed; a
// continuation byte must follow a lead byte by exactly its length (checked
// against the bytes two and three before). It says only whether there is an
// error, not where: is_valid_utf8 then finds it byte by byte.
namespace avx2_utf8 {
// The errors a pair of bytes (first, second) may show; a bit is set in
// each table entry that allows it, so the AND of the three lookups keeps
// the errors all three allow.
constexpr uint8_t kTooShort = 1 << 0;   // a lead byte, then no continuation
constexpr uint8_t kTooLong = 1 << 1;    // ASCII, then a continuation
constexpr uint8_t kOverlong3 = 1 << 2;  // E0, then 80-9F
constexpr uint8_t kTooLarge = 1 << 3;   // F4 then 90-BF, or F5-FF
constexpr uint8_t kSurrogate = 1 << 4;  // ED, then A0-BF
constexpr uint8_t kOverlong2 = 1 << 5;  // C0 or C1
constexpr uint8_t kTooLarge1000 = 1 << 6;  // F5-FF, then 80-8F
constexpr uint8_t kOverlong4 = 1 << 6;     // F0, then 80-8F
constexpr uint8_t kTwoConts = 1 << 7;      // two continuations (allowed only inside a 3- or 4-byte sequence)
constexpr uint8_t kCarry = kTooShort | kTooLong | kTwoConts;

__attribute__((target("avx2"))) inline __m256i lookup(__m256i nibbles, const uint8_t (&table)[16]) {
  const __m128i t = _mm_loadu_si128(reinterpret_cast<const __m128i*>(table));
  return _mm256_shuffle_epi8(_mm256_broadcastsi128_si256(t), nibbles);
}

// before(input, previous, n) is the input shifted n bytes later, the first n
// bytes from the end of the previous block.
template <int N>
__attribute__((target("avx2"))) inline __m256i before(__m256i input, __m256i previous) {
  return _mm256_alignr_epi8(input, _mm256_permute2x128_si256(previous, input, 0x21), 16 - N);
}

// errors is non-zero where the block `input`, after `previous`, is not UTF-8.
__attribute__((target("avx2"))) inline __m256i errors(__m256i input, __m256i previous) {
  static constexpr uint8_t kFirstHigh[16] = {
      kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong,  // 0_______
      kTwoConts, kTwoConts, kTwoConts, kTwoConts,                                      // 10______
      kTooShort | kOverlong2,                                                          // 1100____
      kTooShort,                                                                       // 1101____
      kTooShort | kOverlong3 | kSurrogate,                                             // 1110____
      kTooShort | kTooLarge | kTooLarge1000 | kOverlong4,                              // 1111____
  };
  static constexpr uint8_t kFirstLow[16] = {
      kCarry | kOverlong3 | kOverlong2 | kOverlong4,  // ____0000
      kCarry | kOverlong2,                            // ____0001
      kCarry,
      kCarry,
      kCarry | kTooLarge,  // ____0100
      kCarry | kTooLarge | kTooLarge1000,
      kCarry | kTooLarge | kTooLarge1000,
      kCarry | kTooLarge | kTooLarge1000,
      kCarry | kTooLarge | kTooLarge1000,
      kCarry | kTooLarge | kTooLarge1000,
      kCarry | kTooLarge | kTooLarge1000,
      kCarry | kTooLarge | kTooLarge1000,
      kCarry | kTooLarge | kTooLarge1000,
      kCarry | kTooLarge | kTooLarge1000 | kSurrogate,  // ____1101
      kCarry | kTooLarge | kTooLarge1000,
      kCarry | kTooLarge | kTooLarge1000,
  };
  static constexpr uint8_t kSecondHigh[16] = {
      kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort,  // 0_______
      kTooLong | kOverlong2 | kTwoConts | kOverlong3 | kTooLarge1000 | kOverlong4,             // 1000____
      kTooLong | kOverlong2 | kTwoConts | kOverlong3 | kTooLarge,                              // 1001____
      kTooLong | kOverlong2 | kTwoConts | kSurrogate | kTooLarge,                              // 101_____
      kTooLong | kOverlong2 | kTwoConts | kSurrogate | kTooLarge,
      kTooShort, kTooShort, kTooShort, kTooShort,  // 11______
  };
  const __m256i low_nibble = _mm256_set1_epi8(0x0F);
  const __m256i prev1 = before<1>(input, previous);
  const __m256i special =
      _mm256_and_si256(_mm256_and_si256(lookup(_mm256_and_si256(_mm256_srli_epi16(prev1, 4), low_nibble), kFirstHigh),
                                        lookup(_mm256_and_si256(prev1, low_nibble), kFirstLow)),
                       lookup(_mm256_and_si256(_mm256_srli_epi16(input, 4), low_nibble), kSecondHigh));
  // A third byte (two after E0-EF) or a fourth (three after F0-FF) must be
  // a continuation: its kTwoConts bit is then expected, not an error.
  const __m256i third = _mm256_subs_epu8(before<2>(input, previous), _mm256_set1_epi8(static_cast<char>(0xE0 - 0x80)));
  const __m256i fourth = _mm256_subs_epu8(before<3>(input, previous), _mm256_set1_epi8(static_cast<char>(0xF0 - 0x80)));
  const __m256i expected = _mm256_and_si256(_mm256_or_si256(third, fourth), _mm256_set1_epi8(static_cast<char>(0x80)));
  return _mm256_xor_si256(expected, special);
}

// unfinished is non-zero when the block ends inside a sequence: a lead of
// 4 bytes in its last 3, of 3 in its last 2, or of 2 in its last.
__attribute__((target("avx2"))) inline __m256i unfinished(__m256i input) {
  const __m256i last = _mm256_setr_epi8(
      -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
      -1, -1, static_cast<char>(0xF0 - 1), static_cast<char>(0xE0 - 1), static_cast<char>(0xC0 - 1));
  return _mm256_subs_epu8(input, last);
}
}  // namespace avx2_utf8

__attribute__((target("avx2"))) bool valid_utf8_avx2(const unsigned char* s, size_t n) noexcept {
  using namespace avx2_utf8;
  __m256i error = _mm256_setzero_si256(), previous = _mm256_setzero_si256(), open = _mm256_setzero_si256();
  auto step = [&](__m256i input) __attribute__((target("avx2"))) {
    if (_mm256_movemask_epi8(input) == 0) {
      error = _mm256_or_si256(error, open);  // ASCII: a sequence left open before it is cut short
      open = _mm256_setzero_si256();
    } else {
      error = _mm256_or_si256(error, errors(input, previous));
      open = unfinished(input);
    }
    previous = input;
  };
  size_t i = 0;
  for (; i + 32 <= n; i += 32) step(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(s + i)));
  if (i < n) {  // the tail, padded with ASCII NULs
    alignas(32) unsigned char tail[32] = {};
    std::memcpy(tail, s + i, n - i);
    step(_mm256_load_si256(reinterpret_cast<const __m256i*>(tail)));
  }
  error = _mm256_or_si256(error, open);
  return _mm256_testz_si256(error, error) != 0;
}
}  // namespace
#endif

bool is_valid_utf8(std::string_view text, size_t* bad_offset) noexcept {
#if FAZHI_AVX2_BUILDS
  // Valid text (nearly all of it) is answered 32 bytes a step; invalid text
  // is looked at again below, for the offset of its first bad byte.
  if (text.size() >= 32 && use_avx2() &&
      valid_utf8_avx2(reinterpret_cast<const unsigned char*>(text.data()), text.size())) {
    return true;
  }
#endif
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
  const std::vector<size_t> cuts = line_pieces(text, threads);
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

Utf8Vote count_utf8_lines(std::string_view text) noexcept {
  Utf8Vote vote;
  for (size_t i = 0; i < text.size();) {
    const size_t e = line_end(text, i);
    const std::string_view line = text.substr(i, e - i);
    i = e;
    if (!has_non_ascii(line)) continue;
    ++(is_valid_utf8(line) ? vote.utf8 : vote.other);
  }
  return vote;
}

bool is_utf8_chinese(std::string_view line) noexcept {
  return has_non_ascii(line) && is_valid_utf8(line) && all_chinese(line);
}

namespace {
bool all_chinese(std::string_view line) noexcept {
  const auto* s = reinterpret_cast<const unsigned char*>(line.data());
  for (size_t i = 0; i < line.size();) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    const size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    char32_t cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
    i += len;
    const bool chinese = cp == 0xB7 ||                      // middle dot
                         (cp >= 0x2000 && cp <= 0x206F) ||  // general punctuation
                         (cp >= 0x3000 && cp <= 0x303F) ||  // CJK symbols and punctuation
                         (cp >= 0x3400 && cp <= 0x9FFF) ||  // CJK ideographs
                         (cp >= 0xFF00 && cp <= 0xFFEF) ||  // full-width forms
                         (cp >= 0x20000 && cp <= 0x2FFFF);  // CJK ideographs beyond the BMP
    if (!chinese) return false;
  }
  return true;
}
}  // namespace

std::string gb18030_lines_to_utf8(std::string_view text, int threads, std::vector<OddLine>& odd,
                                  Utf8Vote* vote) {
  const std::vector<size_t> cuts = line_pieces(text, threads);
  const size_t count = cuts.size() - 1;
  std::vector<std::string> outs(count);
  std::vector<std::vector<OddLine>> odds(count);
  std::vector<Utf8Vote> votes(count);
  parallel_for(count, threads, [&](size_t p) {
    convert_lines(text.substr(cuts[p], cuts[p + 1] - cuts[p]), outs[p], odds[p], cuts[p], votes[p]);
  });
  if (vote != nullptr) {
    *vote = {};
    for (const Utf8Vote& v : votes) {
      vote->utf8 += v.utf8;
      vote->other += v.other;
    }
  }
  odd.clear();
  size_t total = 0;
  for (size_t p = 0; p < count; ++p) {
    for (OddLine o : odds[p]) {
      o.begin += total;
      o.end += total;
      odd.push_back(o);
    }
    total += outs[p].size();
  }
  if (count == 1) return std::move(outs[0]);
  std::string joined;
  joined.reserve(total);
  for (const std::string& o : outs) joined += o;
  return joined;
}

}  // namespace fazhi::internal
