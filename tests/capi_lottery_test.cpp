// The draws of the C ABI (fz_lottery_draw, fz_sample_draw, fz_lottery_verify)
// through libfazhi.so.1: the vectors published in docs/lottery.md reproduced
// and verified, tampered records refused, and the ABI's promises on bad input.
#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "fazhi.h"

namespace {

using Json = nlohmann::json;

std::string last_message() { return fz_last_error_message(); }

// doc_records are the JSON blocks of docs/lottery.md's test vectors, as text.
const std::vector<std::string>& doc_records() {
  static const std::vector<std::string> kRecords = [] {
    std::ifstream in(std::string(FAZHI_SOURCE_DIR) + "/docs/lottery.md");
    std::stringstream text;
    text << in.rdbuf();
    const std::string doc = text.str();
    std::vector<std::string> out;
    const std::regex block("```json\n([\\s\\S]*?)\n```");
    for (auto it = std::sregex_iterator(doc.begin(), doc.end(), block);
         it != std::sregex_iterator(); ++it) {
      out.push_back((*it)[1].str());
    }
    return out;
  }();
  return kRecords;
}

std::vector<Json> doc_vectors(const std::string& scheme) {
  std::vector<Json> out;
  for (const std::string& r : doc_records()) {
    Json j = Json::parse(r);
    if (j["scheme"] == scheme) out.push_back(std::move(j));
  }
  return out;
}

// CList holds C strings pointing into owned std::strings.
struct CList {
  std::vector<std::string> owned;
  std::vector<const char*> ptrs;
  explicit CList(std::vector<std::string> items) : owned(std::move(items)) {
    for (const std::string& s : owned) ptrs.push_back(s.c_str());
  }
  const char* const* data() const { return ptrs.empty() ? nullptr : ptrs.data(); }
  size_t size() const { return ptrs.size(); }
};

// Owned is a string the library returned, released with fz_free.
struct Owned {
  char* p = nullptr;
  size_t len = 0;
  ~Owned() { fz_free(p); }
  std::string str() const { return p ? std::string(p, len) : std::string(); }
};

TEST(CApiLottery, DocsPublishTheVectors) {
  EXPECT_EQ(doc_vectors("fazhi-lottery-v1").size(), 4u);
  EXPECT_EQ(doc_vectors("fazhi-sample-v1").size(), 1u);
}

TEST(CApiLottery, DrawReproducesEachPublishedVector) {
  for (const Json& v : doc_vectors("fazhi-lottery-v1")) {
    SCOPED_TRACE(v["case_id"].get<std::string>());
    const std::string seed = v["seed"], case_id = v["case_id"];
    // Reverse the lists: the order given never matters.
    auto reversed = [](const Json& a) {
      std::vector<std::string> out = a.get<std::vector<std::string>>();
      return std::vector<std::string>(out.rbegin(), out.rend());
    };
    CList answered(reversed(v["answered"])), conflicts(reversed(v["conflicts"])),
        at_cap(reversed(v["at_cap"]));
    fz_draw_input in = FZ_DRAW_INPUT_INIT;
    in.seed = seed.c_str();
    in.case_id = case_id.c_str();
    in.answered = answered.data();
    in.answered_count = answered.size();
    in.conflicts = conflicts.data();
    in.conflicts_count = conflicts.size();
    in.at_cap = at_cap.data();
    in.at_cap_count = at_cap.size();
    Owned out;
    ASSERT_EQ(fz_lottery_draw(&in, &out.p, &out.len), FZ_OK) << last_message();
    ASSERT_NE(out.p, nullptr);
    EXPECT_EQ(std::strlen(out.p), out.len);
    EXPECT_EQ(Json::parse(out.str()), v);
  }
}

TEST(CApiLottery, SampleReproducesThePublishedVector) {
  const Json v = doc_vectors("fazhi-sample-v1").at(0);
  const std::string seed = v["seed"], batch = v["batch_id"];
  CList targets(v["targets"].get<std::vector<std::string>>());
  CList inspectors(v["inspectors"].get<std::vector<std::string>>());
  std::vector<std::string> who, what;
  for (const Json& c : v["conflicts"]) {
    who.push_back(c["inspector"]);
    what.push_back(c["target"]);
  }
  CList cwho(who), cwhat(what);
  fz_sample_input in = FZ_SAMPLE_INPUT_INIT;
  in.seed = seed.c_str();
  in.batch_id = batch.c_str();
  in.targets = targets.data();
  in.targets_count = targets.size();
  in.k = v["k"];
  in.inspectors = inspectors.data();
  in.inspectors_count = inspectors.size();
  in.m = v["m"];
  in.conflict_inspectors = cwho.data();
  in.conflict_targets = cwhat.data();
  in.conflicts_count = cwho.size();
  Owned out;
  ASSERT_EQ(fz_sample_draw(&in, &out.p, &out.len), FZ_OK) << last_message();
  EXPECT_EQ(Json::parse(out.str()), v);
}

TEST(CApiLottery, VerifyAcceptsEveryPublishedRecord) {
  for (const std::string& record : doc_records()) {
    Owned summary;
    EXPECT_EQ(fz_lottery_verify(record.c_str(), &summary.p, &summary.len), FZ_OK) << last_message();
    EXPECT_NE(summary.str(), "");
    EXPECT_EQ(fz_lottery_verify(record.c_str(), nullptr, nullptr), FZ_OK) << last_message();
  }
  Owned summary;
  ASSERT_EQ(fz_lottery_verify(doc_records().at(1).c_str(), &summary.p, nullptr), FZ_OK);
  ASSERT_NE(summary.p, nullptr);  // len may be NULL: the text is NUL-terminated
  EXPECT_NE(std::string(summary.p).find("陈律师"), std::string::npos) << summary.p;
}

TEST(CApiLottery, TamperedRecordsAreRejectedNamingTheField) {
  Json v = doc_vectors("fazhi-lottery-v1").at(1);
  v["winner"] = "王律师";
  Owned summary;
  EXPECT_EQ(fz_lottery_verify(v.dump().c_str(), &summary.p, &summary.len), FZ_FAILED_PRECONDITION);
  EXPECT_EQ(summary.p, nullptr);
  EXPECT_EQ(summary.len, 0u);
  EXPECT_NE(last_message().find("winner"), std::string::npos) << last_message();
  EXPECT_EQ(fz_last_error_code(), FZ_FAILED_PRECONDITION);

  Json s = doc_vectors("fazhi-sample-v1").at(0);
  s["draws"][0]["team"][1]["inspector"] = "李四";
  EXPECT_EQ(fz_lottery_verify(s.dump().c_str(), nullptr, nullptr), FZ_FAILED_PRECONDITION);

  // A second "winner" key, unknown keys and broken JSON cannot be read.
  std::string twice = doc_records().at(0);
  twice.insert(twice.find("\"winner\""), "\"winner\": \"a\", ");
  EXPECT_EQ(fz_lottery_verify(twice.c_str(), nullptr, nullptr), FZ_INVALID_ARGUMENT);
  EXPECT_NE(last_message().find("winner"), std::string::npos) << last_message();
  EXPECT_EQ(fz_lottery_verify("{", nullptr, nullptr), FZ_INVALID_ARGUMENT);
  EXPECT_EQ(fz_lottery_verify("{\"scheme\": \"fazhi-lottery-v9\"}", nullptr, nullptr),
            FZ_INVALID_ARGUMENT);
}

// DrawFixture is a valid lottery input that each test spoils one way.
class CApiLotteryInput : public ::testing::Test {
 protected:
  const char* answered_[3] = {"王律师", "李律师", "陈律师"};
  fz_draw_input in_ = FZ_DRAW_INPUT_INIT;
  void SetUp() override {
    in_.seed = "seed";
    in_.case_id = "CASE-1";
    in_.answered = answered_;
    in_.answered_count = 3;
  }
  // expect_error checks the status, the message and that nothing escapes.
  void expect_error(fz_status code, const std::string& fragment) {
    char* out = reinterpret_cast<char*>(1);
    size_t len = 99;
    EXPECT_EQ(fz_lottery_draw(&in_, &out, &len), code) << last_message();
    EXPECT_EQ(out, nullptr);
    EXPECT_EQ(len, 0u);
    EXPECT_NE(last_message().find(fragment), std::string::npos) << last_message();
  }
};

TEST_F(CApiLotteryInput, ValidInputDraws) {
  Owned out;
  ASSERT_EQ(fz_lottery_draw(&in_, &out.p, nullptr), FZ_OK) << last_message();
  EXPECT_EQ(fz_lottery_verify(out.p, nullptr, nullptr), FZ_OK) << last_message();
}

TEST_F(CApiLotteryInput, NullArgumentsAreInvalid) {
  char* out = nullptr;
  EXPECT_EQ(fz_lottery_draw(nullptr, &out, nullptr), FZ_INVALID_ARGUMENT);
  EXPECT_NE(last_message().find("input is NULL"), std::string::npos) << last_message();
  EXPECT_EQ(fz_lottery_draw(&in_, nullptr, nullptr), FZ_INVALID_ARGUMENT);
  EXPECT_NE(last_message().find("audit_json is NULL"), std::string::npos) << last_message();
  EXPECT_EQ(fz_sample_draw(nullptr, &out, nullptr), FZ_INVALID_ARGUMENT);
  EXPECT_EQ(fz_lottery_verify(nullptr, &out, nullptr), FZ_INVALID_ARGUMENT);
  EXPECT_NE(last_message().find("audit_json is NULL"), std::string::npos) << last_message();
  EXPECT_EQ(out, nullptr);
}

TEST_F(CApiLotteryInput, NullSeedIsInvalid) {
  in_.seed = nullptr;
  expect_error(FZ_INVALID_ARGUMENT, "input->seed is NULL");
}

TEST_F(CApiLotteryInput, EmptySeedIsInvalid) {
  in_.seed = "";
  expect_error(FZ_INVALID_ARGUMENT, "seed");
}

TEST_F(CApiLotteryInput, InvalidUtf8IsRefusedNamingTheElement) {
  answered_[1] = "\xE6\x9D";
  expect_error(FZ_INVALID_ARGUMENT, "input->answered[1] is not valid UTF-8");
}

TEST_F(CApiLotteryInput, NullElementIsInvalid) {
  answered_[2] = nullptr;
  expect_error(FZ_INVALID_ARGUMENT, "input->answered[2] is NULL");
}

TEST_F(CApiLotteryInput, NullListWithACountIsInvalid) {
  in_.conflicts_count = 2;
  expect_error(FZ_INVALID_ARGUMENT, "input->conflicts is NULL but its count is 2");
}

TEST_F(CApiLotteryInput, DuplicateIdIsInvalid) {
  answered_[2] = "王律师";
  expect_error(FZ_INVALID_ARGUMENT, "王律师");
}

TEST_F(CApiLotteryInput, PoolEmptiedByExclusionsIsAFailedPrecondition) {
  in_.conflicts = answered_;
  in_.conflicts_count = 3;
  expect_error(FZ_FAILED_PRECONDITION, "the pool is empty");
}

TEST_F(CApiLotteryInput, TooSmallStructSizeIsInvalid) {
  in_.struct_size = 8;
  expect_error(FZ_INVALID_ARGUMENT, "struct_size");
}

TEST_F(CApiLotteryInput, OlderStructWithoutExclusionsTakesNone) {
  in_.struct_size = FZ_DRAW_INPUT_MIN_SIZE;
  in_.conflicts = answered_;  // beyond struct_size: not read
  in_.conflicts_count = 3;
  Owned out;
  ASSERT_EQ(fz_lottery_draw(&in_, &out.p, &out.len), FZ_OK) << last_message();
  EXPECT_EQ(Json::parse(out.str())["pool"].size(), 3u);
}

TEST(CApiLottery, SampleBadInputs) {
  const char* targets[] = {"A", "B"};
  const char* inspectors[] = {"x", "y"};
  const char* who[] = {"x", "y"};
  const char* what[] = {"A", "A"};
  fz_sample_input in = FZ_SAMPLE_INPUT_INIT;
  in.seed = "seed";
  in.targets = targets;
  in.targets_count = 2;
  in.k = 3;  // more than the targets
  in.inspectors = inspectors;
  in.inspectors_count = 2;
  in.m = 1;
  char* out = nullptr;
  EXPECT_EQ(fz_sample_draw(&in, &out, nullptr), FZ_INVALID_ARGUMENT);
  EXPECT_EQ(out, nullptr);
  in.k = 0;
  EXPECT_EQ(fz_sample_draw(&in, &out, nullptr), FZ_INVALID_ARGUMENT);
  in.k = 2;
  in.batch_id = "\xFF";
  EXPECT_EQ(fz_sample_draw(&in, &out, nullptr), FZ_INVALID_ARGUMENT);
  EXPECT_NE(last_message().find("input->batch_id is not valid UTF-8"), std::string::npos)
      << last_message();
  in.batch_id = nullptr;  // no batch id: the seed serves one batch
  in.conflict_inspectors = who;
  in.conflicts_count = 2;
  EXPECT_EQ(fz_sample_draw(&in, &out, nullptr), FZ_INVALID_ARGUMENT);
  EXPECT_NE(last_message().find("input->conflict_targets is NULL"), std::string::npos)
      << last_message();
  // Both inspectors conflict with A, and k = 2 chooses A.
  in.conflict_targets = what;
  EXPECT_EQ(fz_sample_draw(&in, &out, nullptr), FZ_FAILED_PRECONDITION);
  EXPECT_NE(last_message().find("A"), std::string::npos) << last_message();
  EXPECT_EQ(out, nullptr);
  in.conflicts_count = 0;
  Owned ok;
  ASSERT_EQ(fz_sample_draw(&in, &ok.p, &ok.len), FZ_OK) << last_message();
  EXPECT_EQ(Json::parse(ok.str())["batch_id"], "");
  EXPECT_EQ(fz_lottery_verify(ok.p, nullptr, nullptr), FZ_OK) << last_message();
}

}  // namespace
