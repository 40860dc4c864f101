#include "json_writer.hpp"

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
  EXPECT_EQ(out, "[\"白云区 \\\"法治\\\"\\\\ a\\nb\\tc\\u0001\\u0000end\"]");
  const nlohmann::json back = nlohmann::json::parse(out);
  EXPECT_EQ(back[0].get<std::string>(), tricky);
}

}  // namespace
}  // namespace fazhi::internal
