#include "csv.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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
inline uint64_t load64(const char* p) noexcept {
  uint64_t w;
  std::memcpy(&w, p, sizeof w);
  return w;
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
  while (i + 16 <= text.size()) {
    const size_t steps = std::min<size_t>((text.size() - i) / 16, 255);
    __m128i acc = zero;
    for (size_t k = 0; k < steps; ++k, i += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      acc = _mm_sub_epi8(acc, _mm_cmpeq_epi8(v, target));
    }
    const __m128i sums = _mm_sad_epu8(acc, zero);  // two 64-bit lanes
    n += static_cast<size_t>(_mm_cvtsi128_si32(sums)) +
         static_cast<size_t>(_mm_cvtsi128_si32(_mm_unpackhi_epi64(sums, sums)));
  }
#endif
  for (; i < text.size(); ++i) n += p[i] == c ? 1 : 0;
  return n;
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

// fast_row splits a row that holds no quote, eight bytes at a time. It gives
// up (false) on a quote or on a row longer than kMaxRowBytes.
bool CsvReader::fast_row(CsvRow& row) {
  const char* const s = text_.data();
  const size_t n = text_.size();
  const size_t start = pos_;
  const size_t limit = std::min(n, start + kMaxRowBytes + 1);
  size_t field_start = start;
  row.fields.clear();
  row.field_count = 0;
  auto push = [&](size_t end) {
    if (row.field_count < max_fields_) row.fields.emplace_back(s + field_start, end - field_start);
    ++row.field_count;
  };
  auto finish = [&](size_t eol, size_t next) {
    size_t end = eol;
    if (end > field_start && s[end - 1] == '\r') --end;
    push(end);
    row.end = end;
    row.next = next;
    return true;
  };
  // at handles the delimiter at j (one place for the three scans below):
  // kField goes on, kRow ends the row (the caller returns true), kQuote gives
  // the row to slow_row.
  enum class Step { kField, kRow, kQuote };
  auto at = [&](size_t j) {
    const char c = s[j];
    if (c == ',') {
      push(j);
      field_start = j + 1;
      return Step::kField;
    }
    if (c == '\n') {
      ++line_;
      finish(j, j + 1);
      return Step::kRow;
    }
    return Step::kQuote;
  };
  size_t i = start;
#if defined(__SSE2__)
  // Sixteen bytes a step: one mask of the delimiters, then its set bits.
  const __m128i comma = _mm_set1_epi8(','), lf = _mm_set1_epi8('\n'), quote = _mm_set1_epi8('"');
  while (i + 16 <= limit) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
    auto m = static_cast<uint32_t>(_mm_movemask_epi8(_mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, comma), _mm_cmpeq_epi8(v, lf)), _mm_cmpeq_epi8(v, quote))));
    while (m != 0) {
      const Step step = at(i + static_cast<size_t>(std::countr_zero(m)));
      if (step != Step::kField) return step == Step::kRow;
      m &= m - 1;
    }
    i += 16;
  }
#endif
  if constexpr (std::endian::native == std::endian::little) {
    while (i + 8 <= limit) {
      const uint64_t w = load64(s + i);
      uint64_t m = match(w, ',') | match(w, '\n') | match(w, '"');
      while (m != 0) {
        const Step step = at(i + (static_cast<size_t>(std::countr_zero(m)) >> 3));
        if (step != Step::kField) return step == Step::kRow;
        m &= m - 1;
      }
      i += 8;
    }
  }
  for (; i < limit; ++i) {
    const char c = s[i];
    if (c != ',' && c != '\n' && c != '"') continue;
    const Step step = at(i);
    if (step != Step::kField) return step == Step::kRow;
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
      row.fields.clear();
      row.field_count = 0;
      scratch_.clear();
    }
    auto push = [&](std::string_view v) {
      if (row.field_count < max_fields_) row.fields.push_back(v);
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
    row.fields.clear();
    row.field_count = 0;
    return;
  }
  scratch_.reserve(sc.end - start + 1);
  run(true);
}

}  // namespace fazhi::internal
