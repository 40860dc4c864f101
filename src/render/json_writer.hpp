// JsonWriter: a streaming writer of compact JSON into a std::string.
//
// The all-regions report is tens of megabytes of JSON (every metric of every
// district, city and province); building it as a nlohmann::json tree first
// cost more than computing the figures, so reports are written straight out.
// nlohmann-json still reads JSON (profiles, audit records), and the tests read
// this writer's output back with it. Strings must be valid UTF-8 (the loader
// guarantees that of every text it keeps); they are escaped per RFC 8259.
//
//   std::string out;
//   JsonWriter w(out);
//   w.begin_object(); w.key("id"); w.value("litigation.win_rate"); w.end_object();
#ifndef FAZHI_SRC_JSON_WRITER_HPP_
#define FAZHI_SRC_JSON_WRITER_HPP_

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "platform/bytes.hpp"

namespace fazhi::internal {

class JsonWriter {
 public:
  // The writer appends to `out`. While it writes, `out` holds spare bytes
  // past the JSON (it grows in large steps, so each piece is a copy into
  // room already there rather than a string append); finish(), or the
  // writer's destructor, cuts them off.
  explicit JsonWriter(std::string& out) : out_(out), len_(out.size()) {}
  ~JsonWriter() { finish(); }
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  // finish leaves `out` holding exactly the JSON written so far.
  void finish() { out_.resize(len_); }

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  // key writes `"name":`; the next call writes its value.
  void key(std::string_view name) {
    char* p = room(max_quoted(name) + 2);
    p = quoted(separate(p), name);
    *p++ = ':';
    commit(p);
    after_key_ = true;
  }
  void value(std::string_view s) {
    char* p = room(max_quoted(s) + 1);
    commit(quoted(separate(p), s));
  }
  void value(const char* s) { value(std::string_view(s)); }
  void value(int64_t v) {
    constexpr size_t kDigits = 20;  // "-9223372036854775808"
    char* p = separate(room(kDigits + 1));
    commit(std::to_chars(p, p + kDigits, v).ptr);
  }
  void null() { raw("null"); }
  // number writes an integer given as decimal digits (a value beyond 64 bits).
  void number(std::string_view digits) { raw(digits); }

 private:
  // room makes space for `n` more bytes and says where they start.
  char* room(size_t n) {
    if (out_.size() - len_ < n) out_.resize(std::max({out_.capacity(), out_.size() * 2, len_ + n + 4096}));
    return out_.data() + len_;
  }
  void commit(char* end) { len_ = static_cast<size_t>(end - out_.data()); }
  void raw(std::string_view text) {
    char* p = separate(room(text.size() + 1));
    std::memcpy(p, text.data(), text.size());
    commit(p + text.size());
  }
  void open(char c) {
    char* p = separate(room(2));
    *p++ = c;
    commit(p);
    first_.push_back(1);
  }
  void close(char c) {
    first_.pop_back();
    char* p = room(1);
    *p++ = c;
    commit(p);
  }
  // separate writes the comma before a value that is not the first of its
  // array or object (nothing after a key); at most 1 byte.
  char* separate(char* p) {
    if (after_key_) {
      after_key_ = false;
    } else if (!first_.empty()) {
      if (!first_.back()) *p++ = ',';
      first_.back() = 0;
    }
    return p;
  }
  // max_quoted is the most bytes `s` can take quoted: every byte escaped as
  // \u00XX, and the quotes.
  static size_t max_quoted(std::string_view s) { return s.size() * 6 + 2; }
  static bool needs_escape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

  // Texts are checked 16 bytes at a time (GCC's vector extension: SSE2 on
  // x86-64, NEON on ARM): the report's texts are mostly Chinese labels and
  // ids with nothing to escape, so a whole text is usually found clean in one
  // or two steps and copied at once.
  using Bytes16 = uint8_t __attribute__((vector_size(16)));
  static bool any_special(Bytes16 x) {
    const Bytes16 special = (x < 0x20) | (x == '"') | (x == '\\');  // each byte 0xFF or 0
    uint64_t halves[2];
    std::memcpy(halves, &special, sizeof halves);
    return (halves[0] | halves[1]) != 0;
  }
  static Bytes16 load16(const char* p) {
    Bytes16 x;
    std::memcpy(&x, p, sizeof x);
    return x;
  }
  // clean says whether no byte of `s` needs escaping. A tail shorter than 16
  // is checked as the last 16 bytes (overlapping bytes already found clean);
  // a text shorter than 16 is gathered into one block (gather_short), the
  // rest of the block padded with 'a'.
  static bool clean(std::string_view s) {
    const char* const b = s.data();
    const size_t n = s.size();
    if (n >= 16) {
      size_t i = 0;
      for (; i + 16 <= n; i += 16) {
        if (any_special(load16(b + i))) return false;
      }
      return i == n || !any_special(load16(b + n - 16));
    }
    if (n == 0) return true;  // the empty text, often: no block to check
    const ShortWords words = gather_short(b, n, 0x6161616161616161);
    // The block is made from the two words in registers: copying them
    // through memory (two 8-byte stores read back as one 16-byte load) stalls
    // on every key and short value the writer quotes.
    using Words16 = uint64_t __attribute__((vector_size(16)));
    const Words16 w = {words.lo, words.hi};
    return !any_special(reinterpret_cast<Bytes16>(w));
  }
  // quoted writes `s` in quotes, escaped per RFC 8259, at p (which has
  // max_quoted(s) bytes of room), and returns the end.
  static char* quoted(char* p, std::string_view s) {
    const char* const b = s.data();
    const size_t n = s.size();
    *p++ = '"';
    if (clean(s)) {  // nearly every text: one copy
      std::memcpy(p, b, n);
      p += n;
      *p++ = '"';
      return p;
    }
    size_t run = 0;
    for (size_t i = 0; i < n; ++i) {
      const unsigned char c = static_cast<unsigned char>(b[i]);
      if (!needs_escape(c)) continue;
      std::memcpy(p, b + run, i - run);
      p += i - run;
      run = i + 1;
      *p++ = '\\';
      switch (c) {
        case '"': *p++ = '"'; break;
        case '\\': *p++ = '\\'; break;
        case '\n': *p++ = 'n'; break;
        case '\r': *p++ = 'r'; break;
        case '\t': *p++ = 't'; break;
        default: {
          static constexpr char kHex[] = "0123456789abcdef";
          std::memcpy(p, "u00", 3);
          p[3] = kHex[c >> 4];
          p[4] = kHex[c & 0xF];
          p += 5;
        }
      }
    }
    std::memcpy(p, b + run, n - run);
    p += n - run;
    *p++ = '"';
    return p;
  }

  std::string& out_;
  size_t len_;                 // the bytes of out_ written
  std::vector<uint8_t> first_;  // per open array or object: nothing in it yet
  bool after_key_ = false;
};

}  // namespace fazhi::internal

#endif  // FAZHI_SRC_JSON_WRITER_HPP_
