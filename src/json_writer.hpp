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

#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace fazhi::internal {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  // key writes `"name":`; the next call writes its value.
  void key(std::string_view name) {
    separate();
    string(name);
    out_ += ':';
    after_key_ = true;
  }
  void value(std::string_view s) {
    separate();
    string(s);
  }
  void value(const char* s) { value(std::string_view(s)); }
  void value(int64_t v) {
    separate();
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, r.ptr);
  }
  void null() {
    separate();
    out_ += "null";
  }
  // number writes an integer given as decimal digits (a value beyond 64 bits).
  void number(std::string_view digits) {
    separate();
    out_ += digits;
  }

 private:
  void open(char c) {
    separate();
    out_ += c;
    first_.push_back(true);
  }
  void close(char c) {
    first_.pop_back();
    out_ += c;
  }
  void separate() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (!first_.empty()) {
      if (!first_.back()) out_ += ',';
      first_.back() = false;
    }
  }
  // any_special says whether one of the 8 bytes in `x` needs escaping (a
  // control character, '"' or '\\'): the report's texts are mostly Chinese
  // labels and ids with nothing to escape, so they are scanned 8 bytes at a
  // time and only a block with such a byte is looked at byte by byte.
  static bool any_special(uint64_t x) {
    constexpr uint64_t kOnes = 0x0101010101010101, kHighs = 0x8080808080808080;
    // (v - 0x01..) & ~v & 0x80.. is non-zero exactly when some byte of v is 0
    // (and, with 0x20.. subtracted, when some byte is below 0x20).
    const uint64_t control = (x - kOnes * 0x20) & ~x & kHighs;
    const uint64_t q = x ^ (kOnes * '"'), b = x ^ (kOnes * '\\');
    const uint64_t quote = (q - kOnes) & ~q & kHighs, backslash = (b - kOnes) & ~b & kHighs;
    return (control | quote | backslash) != 0;
  }
  void string(std::string_view s) {
    out_ += '"';
    size_t run = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      if ((i & 7) == 0 && i + 8 <= s.size()) {
        uint64_t block;
        std::memcpy(&block, s.data() + i, sizeof block);
        if (!any_special(block)) {
          i += 7;  // the loop's ++i steps past the block
          continue;
        }
      }
      const unsigned char c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out_.append(s.data() + run, i - run);
      run = i + 1;
      switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default: {
          static constexpr char kHex[] = "0123456789abcdef";
          out_ += "\\u00";
          out_ += kHex[c >> 4];
          out_ += kHex[c & 0xF];
        }
      }
    }
    out_.append(s.data() + run, s.size() - run);
    out_ += '"';
  }

  std::string& out_;
  std::vector<bool> first_;
  bool after_key_ = false;
};

}  // namespace fazhi::internal

#endif  // FAZHI_SRC_JSON_WRITER_HPP_
