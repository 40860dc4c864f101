#include "render/json_writer.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace fazhi::internal {
namespace {

TEST(JsonWriter, WritesCompactJsonThatReadsBack) {
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.key("id");
  w.value("litigation.win_rate");
  w.key("value");
  w.begin_object();
  w.key("num");
  w.value(int64_t{110});
  w.key("den");
  w.value(int64_t{117});
  w.end_object();
  w.key("list");
  w.begin_array();
  w.value(int64_t{-1});
  w.null();
  w.begin_array();
  w.end_array();
  w.end_array();
  w.key("big");
  w.number("123456789012345678901234567890");
  w.end_object();
  w.finish();
  EXPECT_EQ(out,
            R"({"id":"litigation.win_rate","value":{"num":110,"den":117},"list":[-1,null,[]],)"
            R"("big":123456789012345678901234567890})");
  EXPECT_FALSE(nlohmann::json::parse(out, nullptr, false).is_discarded());
}

TEST(JsonWriter, EscapesQuotesBackslashesAndControlCharacters) {
  std::string out;
  JsonWriter w(out);
  const std::string tricky = std::string("白云区 \"法治\"\\ a\nb\tc\x01") + '\0' + "end";
  w.begin_array();
  w.value(tricky);
  w.end_array();
  w.finish();
  EXPECT_EQ(out, "[\"白云区 \\\"法治\\\"\\\\ a\\nb\\tc\\u0001\\u0000end\"]");
  const nlohmann::json back = nlohmann::json::parse(out);
  EXPECT_EQ(back[0].get<std::string>(), tricky);
}

// Every byte to escape, at every offset in and across the 16-byte blocks the
// writer checks, next to multi-byte UTF-8 and to bytes one off the ones
// escaped, reads back as written.
TEST(JsonWriter, EscapesEveryByteWhereverItFallsInABlock) {
  std::string specials = "\"\\\n\t\x01\x1f";
  specials += '\0';
  for (const char special : specials) {
    for (size_t at = 0; at < 27; ++at) {
      std::string text = "a!#[]\x20\x7f";  // '!' '#' '[' ']' flank '"' and '\\'
      text.append(20, 'x');
      text += "区";  // after every insertion point: a character is never split
      text.insert(at, 1, special);
      std::string out;
      JsonWriter w(out);
      w.begin_array();
      w.value(text);
      w.end_array();
      w.finish();
      const nlohmann::json back = nlohmann::json::parse(out, nullptr, false);
      ASSERT_FALSE(back.is_discarded()) << out;
      EXPECT_EQ(back[0].get<std::string>(), text) << static_cast<int>(special) << " at " << at;
    }
  }
}

// A string is first checked whole for bytes to escape, 16 bytes at a time:
// short strings as overlapping halves or first, middle and last byte, tails
// as the last 16 bytes. A byte to escape at any place of any length is found.
TEST(JsonWriter, FindsTheByteToEscapeAtEveryPlaceOfShortStrings) {
  std::string specials = "\"\\\n\x1f";
  specials += '\0';
  for (size_t len = 1; len <= 40; ++len) {
    for (size_t at = 0; at < len; ++at) {
      for (const char special : specials) {
        std::string text(len, '#');  // '#' is one above '"'
        text[at] = special;
        std::string out;
        JsonWriter w(out);
        w.value(text);
        w.finish();
        const nlohmann::json back = nlohmann::json::parse(out, nullptr, false);
        ASSERT_FALSE(back.is_discarded()) << out;
        EXPECT_EQ(back.get<std::string>(), text) << len << " " << at << " " << static_cast<int>(special);
        EXPECT_GT(out.size(), len + 2);  // escaped: longer than the text in quotes
      }
    }
  }
}

// The writer grows `out` ahead of what it writes: finish (or the writer's
// end) leaves exactly the JSON, after whatever `out` already held, and
// writing may go on after a finish.
TEST(JsonWriter, AppendsToWhatTheStringHeldAndCutsItsSpareRoom) {
  std::string out = "prefix:";
  {
    JsonWriter w(out);
    w.begin_array();
    w.value(std::string(10000, 'a'));  // more than the first step of growth
    w.finish();
    EXPECT_EQ(out.size(), 7 + 1 + 10002);
    w.value(int64_t{7});
    w.end_array();
  }
  EXPECT_EQ(out, "prefix:[\"" + std::string(10000, 'a') + "\",7]");
}

}  // namespace
}  // namespace fazhi::internal
