#include "load/csv.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "platform/bytes.hpp"

namespace fazhi::internal {
namespace {

constexpr uint64_t kOnes = 0x0101010101010101ULL;
constexpr uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;

// zero_bytes sets the high bit of every byte of x that is zero, and only
// those (no carries between bytes, unlike the shorter `(x - 1) & ~x` form).
inline uint64_t zero_bytes(uint64_t x) noexcept { return ~(((x & kLow7) + kLow7) | x | kLow7); }
inline uint64_t match(uint64_t word, char c) noexcept {
  return zero_bytes(word ^ (kOnes * static_cast<uint8_t>(c)));
}
}  // namespace

size_t count_byte(std::string_view text, char c) noexcept {
  size_t n = 0, i = 0;
  const char* p = text.data();
#if defined(__SSE2__)
  // Dense bytes (line feeds) are counted sixteen at a time into per-byte
  // counters (a match is -1, so subtracting counts up), summed every 255
  // steps before a counter can wrap. Without -mpopcnt, std::popcount on the
  // movemask is a libgcc call per sixteen bytes.
  const __m128i target = _mm_set1_epi8(c);
  const __m128i zero = _mm_setzero_si128();
  // Four blocks a step where there is room: the loop's own count and branch
  // are then a quarter of the work rather than half.
  auto block = [&](size_t at) {
    return _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + at)), target);
  };
  while (i + 16 <= text.size()) {
    const size_t steps = std::min<size_t>((text.size() - i) / 16, 255);
    __m128i acc = zero;
    size_t k = 0;
    for (; k + 4 <= steps; k += 4, i += 64) {
      acc = _mm_sub_epi8(acc, _mm_add_epi8(_mm_add_epi8(block(i), block(i + 16)),
                                           _mm_add_epi8(block(i + 32), block(i + 48))));
    }
    for (; k < steps; ++k, i += 16) acc = _mm_sub_epi8(acc, block(i));
    const __m128i sums = _mm_sad_epu8(acc, zero);  // two 64-bit lanes
    n += static_cast<size_t>(_mm_cvtsi128_si32(sums)) +
         static_cast<size_t>(_mm_cvtsi128_si32(_mm_unpackhi_epi64(sums, sums)));
  }
#endif
  for (; i < text.size(); ++i) n += p[i] == c ? 1 : 0;
  return n;
}

bool first_line_ends_with_lone_cr(std::string_view text) noexcept {
  bool in_quotes = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      in_quotes = !in_quotes;
    } else if (!in_quotes && (c == '\n' || c == '\r')) {
      return c == '\r' && (i + 1 == text.size() || text[i + 1] != '\n');
    }
  }
  return false;
}

void lone_cr_to_lf(std::string& text) noexcept {
  for (size_t i = text.find('\r'); i != std::string::npos; i = text.find('\r', i + 1)) {
    if (i + 1 == text.size() || text[i + 1] != '\n') text[i] = '\n';
  }
}

bool has_lone_cr(std::string_view text) noexcept {
  for (size_t i = text.find('\r'); i != std::string_view::npos; i = text.find('\r', i + 1)) {
    if (i + 1 == text.size() || text[i + 1] != '\n') return true;
  }
  return false;
}

size_t next_row_start(std::string_view text, size_t from, bool in_quotes) noexcept {
  const size_t n = text.size();
  size_t i = from;
  while (i < n) {
    if (in_quotes) {
      const void* q = std::memchr(text.data() + i, '"', n - i);
      if (q == nullptr) return n;
      i = static_cast<size_t>(static_cast<const char*>(q) - text.data()) + 1;
      in_quotes = false;
      continue;
    }
    const char c = text[i++];
    if (c == '\n') return i;
    if (c == '"') in_quotes = true;
  }
  return n;
}

CsvReader::CsvReader(std::string_view text, int64_t first_line, size_t max_fields)
    : text_(text), line_(first_line), max_fields_(max_fields) {}

bool CsvReader::skip_blank_line() {
  // True when the line at pos_ was blank and has been skipped.
  size_t i = pos_;
  const size_t n = text_.size();
  while (i < n && (text_[i] == ' ' || text_[i] == '\t' || text_[i] == '\r')) ++i;
  if (i == n) {
    pos_ = n;
    return true;
  }
  if (text_[i] != '\n') return false;
  pos_ = i + 1;
  ++line_;
  return true;
}

bool CsvReader::next(CsvRow& row) {
  for (;;) {
    if (pos_ >= text_.size()) return false;
    const char c = text_[pos_];
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') break;
    if (!skip_blank_line()) break;
  }
  row.line = line_;
  row.begin = pos_;
  row.issue = CsvIssue::kNone;
  row.issue_field = 0;
  row.scratch = false;
  if (!fast_row(row)) slow_row(row);
  pos_ = row.next;
  return true;
}

// fast_row splits a row that holds no quote, sixteen (then eight) bytes at a
// time. It gives up (false) on a quote, on a row longer than kMaxRowBytes,
// or on a row with more fields than fields_ holds yet (slow_row grows it).
bool CsvReader::fast_row(CsvRow& row) {
  const char* const s = text_.data();
  const size_t n = text_.size();
  const size_t start = pos_;
  const size_t limit = std::min(n, start + kMaxRowBytes + 1);
  const size_t first_room = std::min<size_t>(max_fields_, 16);
  if (fields_.size() < first_room) fields_.resize(first_room);
  // Fields are written through a pointer, counted in locals: a push_back per
  // field (a capacity check, and the vector and counts reloaded after each
  // store that might alias them) cost more than the split itself.
  std::string_view* const out = fields_.data();
  const size_t room = std::min(max_fields_, fields_.size());
  const bool all_fit = room == max_fields_;  // more fields are only counted
  size_t count = 0;
  size_t field_start = start;
  // push adds the field ending at `end`; false when fields_ is full.
  auto push = [&](size_t end) {
    if (count < room) {
      out[count] = std::string_view(s + field_start, end - field_start);
    } else if (!all_fit) {
      return false;
    }
    ++count;
    return true;
  };
  // finish ends the row at eol; next is past its line feed, or eol at the
  // end of the text.
  auto finish = [&](size_t eol, size_t next) {
    size_t end = eol;
    if (end > field_start && s[end - 1] == '\r') --end;
    if (!push(end)) return false;
    row.fields = std::span<const std::string_view>(out, std::min(count, room));
    row.field_count = count;
    row.end = end;
    row.next = next;
    if (next > eol) ++line_;
    return true;
  };
  size_t i = start;
#if defined(__SSE2__)
  // Sixteen bytes a step: the commas before the first line feed or quote are
  // fields; that line feed ends the row, that quote gives it to slow_row.
  const __m128i comma = _mm_set1_epi8(','), lf = _mm_set1_epi8('\n'), quote = _mm_set1_epi8('"');
  while (i + 16 <= limit) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
    auto commas = static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, comma)));
    const auto stops = static_cast<uint32_t>(
        _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, quote))));
    if (stops != 0) commas &= (stops & (0 - stops)) - 1;  // those before the first stop
    for (; commas != 0; commas &= commas - 1) {
      const size_t j = i + static_cast<size_t>(std::countr_zero(commas));
      if (!push(j)) return false;
      field_start = j + 1;
    }
    if (stops != 0) {
      const size_t j = i + static_cast<size_t>(std::countr_zero(stops));
      return s[j] == '\n' && finish(j, j + 1);
    }
    i += 16;
  }
#endif
  if constexpr (std::endian::native == std::endian::little) {
    while (i + 8 <= limit) {
      const uint64_t w = load_u64(s + i);
      for (uint64_t m = match(w, ',') | match(w, '\n') | match(w, '"'); m != 0; m &= m - 1) {
        const size_t j = i + (static_cast<size_t>(std::countr_zero(m)) >> 3);
        if (s[j] != ',') return s[j] == '\n' && finish(j, j + 1);
        if (!push(j)) return false;
        field_start = j + 1;
      }
      i += 8;
    }
  }
  for (; i < limit; ++i) {
    const char c = s[i];
    if (c == ',') {
      if (!push(i)) return false;
      field_start = i + 1;
    } else if (c == '\n') {
      return finish(i, i + 1);
    } else if (c == '"') {
      return false;
    }
  }
  if (limit == n && n - start <= kMaxRowBytes) return finish(n, n);  // last row, no final newline
  return false;
}

// slow_row is the RFC 4180 state machine. A first pass finds where the row
// ends and what is wrong with it without writing anything; a second pass,
// only for a row of bounded size, splits and unescapes it.
void CsvReader::slow_row(CsvRow& row) {
  const char* const s = text_.data();
  const size_t n = text_.size();
  const size_t start = pos_;

  struct Scan {
    size_t end = 0, next = 0;
    int64_t newlines = 0;
    CsvIssue issue = CsvIssue::kNone;
    size_t issue_field = 0;
    CsvIssue size_issue = CsvIssue::kNone;  // kept apart: it decides whether to emit
    size_t size_field = 0;
  };
  auto note = [](Scan& sc, CsvIssue issue, size_t field) {
    if (sc.issue == CsvIssue::kNone) {
      sc.issue = issue;
      sc.issue_field = field;
    }
  };

  // emit == false: measure; emit == true: write fields (scratch_ is reserved
  // for the whole row, so views into it stay valid).
  auto run = [&](bool emit) {
    Scan sc;
    size_t i = start;
    size_t field = 0;
    if (emit) {
      row.field_count = 0;
      scratch_.clear();
    }
    auto push = [&](std::string_view v) {
      if (row.field_count < max_fields_) {
        if (row.field_count == fields_.size()) {
          fields_.resize(std::min(max_fields_, std::max<size_t>(16, 2 * fields_.size())));
        }
        fields_[row.field_count] = v;
      }
      ++row.field_count;
    };
    for (;;) {
      const size_t field_begin = i;
      std::string_view value;
      if (i < n && s[i] == '"') {
        size_t q = i + 1;
        const size_t piece_start = scratch_.size();
        bool escaped = false;
        size_t close_pos = n;  // the closing quote, n when there is none
        for (;;) {
          const void* hit = std::memchr(s + q, '"', n - q);
          if (hit == nullptr) {
            sc.newlines += static_cast<int64_t>(count_byte(std::string_view(s + q, n - q), '\n'));
            note(sc, CsvIssue::kUnterminatedQuote, field);
            if (emit) scratch_.append(s + q, n - q);
            i = n;
            break;
          }
          const size_t k = static_cast<size_t>(static_cast<const char*>(hit) - s);
          sc.newlines += static_cast<int64_t>(count_byte(std::string_view(s + q, k - q), '\n'));
          if (emit) scratch_.append(s + q, k - q);
          if (k + 1 < n && s[k + 1] == '"') {
            if (emit) scratch_.push_back('"');
            escaped = true;
            q = k + 2;
            continue;
          }
          close_pos = k;
          i = k + 1;
          break;
        }
        if (close_pos < n) {
          // After the closing quote only a delimiter (or CR before LF) may come.
          size_t j = i;
          while (j < n && s[j] != ',' && s[j] != '\n') ++j;
          size_t tail_end = j;
          if (tail_end > i && s[tail_end - 1] == '\r' && (j == n || s[j] == '\n')) --tail_end;
          if (tail_end > i) {
            note(sc, CsvIssue::kTextAfterQuote, field);
            if (emit) scratch_.append(s + i, tail_end - i);
            escaped = true;
          }
          i = j;
        }
        if (emit) {
          if (escaped || close_pos == n) row.scratch = true;
          value =
              escaped || close_pos == n
                  ? std::string_view(scratch_.data() + piece_start, scratch_.size() - piece_start)
                  : std::string_view(s + field_begin + 1, close_pos - field_begin - 1);
        }
      } else {
        size_t j = i;
        while (j < n && s[j] != ',' && s[j] != '\n') ++j;
        size_t e = j;
        if ((j == n || s[j] == '\n') && e > i && s[e - 1] == '\r') --e;
        if (emit) value = std::string_view(s + i, e - i);
        i = j;
      }
      if (i - field_begin > kMaxRowBytes && sc.size_issue == CsvIssue::kNone) {
        sc.size_issue = CsvIssue::kFieldTooLong;
        sc.size_field = field;
      }
      if (emit) push(value);
      if (i < n && s[i] == ',') {
        ++i;
        ++field;
        continue;
      }
      // End of row: a line feed or the end of the text.
      sc.end = i;
      if (sc.end > start && s[sc.end - 1] == '\r') --sc.end;
      if (i < n) {
        sc.next = i + 1;
        ++sc.newlines;
      } else {
        sc.next = n;
      }
      break;
    }
    if (sc.end - start > kMaxRowBytes && sc.size_issue == CsvIssue::kNone) {
      sc.size_issue = CsvIssue::kRowTooLong;
    }
    return sc;
  };

  const Scan sc = run(false);
  row.end = sc.end;
  row.next = sc.next;
  row.issue = sc.issue;
  row.issue_field = sc.issue_field;
  line_ += sc.newlines;
  if (sc.size_issue != CsvIssue::kNone) {
    // Never buffer an oversized row; an unterminated quote (the likely cause)
    // is the more useful reason.
    if (sc.issue != CsvIssue::kUnterminatedQuote) {
      row.issue = sc.size_issue;
      row.issue_field = sc.size_field;
    }
    row.fields = {};
    row.field_count = 0;
    return;
  }
  scratch_.reserve(sc.end - start + 1);
  run(true);
  row.fields =
      std::span<const std::string_view>(fields_.data(), std::min(row.field_count, max_fields_));
}

}  // namespace fazhi::internal
