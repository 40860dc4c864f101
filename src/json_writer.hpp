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
  void string(std::string_view s) {
    out_ += '"';
    size_t run = 0;
    for (size_t i = 0; i < s.size(); ++i) {
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
