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

// doc_blocks are the JSON blocks of docs/lottery.md's test vectors, as text:
// the audit records, then the announcements.
const std::vector<std::string>& doc_blocks() {
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

std::vector<std::string> doc_blocks_where(bool announcements) {
  std::vector<std::string> out;
  for (const std::string& b : doc_blocks()) {
    if ((b.find("-announcement-v1") != std::string::npos) == announcements) out.push_back(b);
  }
  return out;
}

const std::vector<std::string>& doc_records() {
  static const std::vector<std::string> kRecords = doc_blocks_where(false);
  return kRecords;
}

const std::vector<std::string>& doc_announcements() {
  static const std::vector<std::string> kAnnouncements = doc_blocks_where(true);
  return kAnnouncements;
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
  EXPECT_EQ(doc_vectors("fazhi-lottery-v1").size(), 5u);  // vector 6 is format 1
  EXPECT_EQ(doc_announcements().size(), 2u);
  EXPECT_EQ(doc_vectors("fazhi-sample-v1").size(), 1u);
}

TEST(CApiLottery, DrawReproducesEachPublishedVector) {
  for (const Json& v : doc_vectors("fazhi-lottery-v1")) {
    if (!v.contains("format")) continue;  // a format 1 record: fazhi now writes format 2
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

// ---- announcements and lists

TEST(CApiLottery, AnnouncementsOfTheDocsVerifyTheirRecords) {
  const std::vector<std::string>& records = doc_records();
  const std::vector<std::string>& announcements = doc_announcements();
  for (auto [record, announcement] : {std::pair{1, 0}, std::pair{5, 0}, std::pair{4, 1}}) {
    Owned summary;
    EXPECT_EQ(fz_lottery_verify_announced(records.at(record).c_str(),
                                          announcements.at(announcement).c_str(), &summary.p,
                                          &summary.len),
              FZ_OK)
        << last_message();
    EXPECT_NE(summary.str(), "");
  }
  EXPECT_EQ(fz_lottery_verify_announced(records.at(0).c_str(), announcements.at(0).c_str(), nullptr,
                                        nullptr),
            FZ_FAILED_PRECONDITION);
  EXPECT_NE(last_message().find("not the announced ones"), std::string::npos) << last_message();
}

// The announcement made through the C ABI refuses a record whose excluded
// lawyer was deleted from every list, which fz_lottery_verify accepts.
TEST(CApiLottery, AnnounceThenVerifyRefusesAnAlteredRecord) {
  const char* answered[] = {"王律师", "李律师", "陈律师", "赵律师", "刘律师"};
  const char* conflicts[] = {"李律师"};
  fz_draw_input in = FZ_DRAW_INPUT_INIT;
  in.case_id = "穗白法援〔2024〕0173号";  // no seed: it does not exist yet
  in.answered = answered;
  in.answered_count = 5;
  in.conflicts = conflicts;
  in.conflicts_count = 1;
  Owned ann;
  ASSERT_EQ(fz_lottery_announce(&in, &ann.p, &ann.len), FZ_OK) << last_message();
  in.seed = "2024-06-03 上证指数收盘 3078.49";
  Owned audit;
  ASSERT_EQ(fz_lottery_draw(&in, &audit.p, &audit.len), FZ_OK) << last_message();
  EXPECT_EQ(Json::parse(audit.str())["announcement_sha256"],
            Json::parse(ann.str())["announcement_sha256"]);
  EXPECT_EQ(fz_lottery_verify_announced(audit.p, ann.p, nullptr, nullptr), FZ_OK) << last_message();

  const char* fewer[] = {"王律师", "陈律师", "赵律师", "刘律师"};
  in.answered = fewer;
  in.answered_count = 4;
  in.conflicts_count = 0;
  Owned altered;
  ASSERT_EQ(fz_lottery_draw(&in, &altered.p, &altered.len), FZ_OK) << last_message();
  EXPECT_EQ(fz_lottery_verify(altered.p, nullptr, nullptr), FZ_OK);
  EXPECT_EQ(fz_lottery_verify_announced(altered.p, ann.p, nullptr, nullptr),
            FZ_FAILED_PRECONDITION);
  EXPECT_NE(last_message().find("answered does not match"), std::string::npos) << last_message();
  EXPECT_EQ(fz_lottery_verify_announced(altered.p, nullptr, nullptr, nullptr), FZ_INVALID_ARGUMENT);
}

TEST(CApiLottery, SampleAnnounce) {
  const Json v = doc_vectors("fazhi-sample-v1").at(0);
  const std::string batch = v["batch_id"];
  CList targets(v["targets"].get<std::vector<std::string>>());
  CList inspectors(v["inspectors"].get<std::vector<std::string>>());
  fz_sample_input in = FZ_SAMPLE_INPUT_INIT;
  in.batch_id = batch.c_str();
  in.targets = targets.data();
  in.targets_count = targets.size();
  in.k = v["k"];
  in.inspectors = inspectors.data();
  in.inspectors_count = inspectors.size();
  in.m = v["m"];
  Owned ann;
  ASSERT_EQ(fz_sample_announce(&in, &ann.p, &ann.len), FZ_OK) << last_message();
  // The docs' sample announces three conflicts; this one none.
  EXPECT_NE(Json::parse(ann.str())["announcement_sha256"], v["announcement_sha256"]);
  EXPECT_EQ(fz_lottery_verify_announced(doc_records().at(4).c_str(), ann.p, nullptr, nullptr),
            FZ_FAILED_PRECONDITION);
  EXPECT_NE(last_message().find("conflicts does not match"), std::string::npos) << last_message();
  // A failed call sets its output to NULL: a fresh one, not `ann`'s, whose
  // text would be lost.
  Owned failed;
  EXPECT_EQ(fz_sample_announce(nullptr, &failed.p, nullptr), FZ_INVALID_ARGUMENT);
  EXPECT_EQ(failed.p, nullptr);
}

TEST(CApiLottery, ParseIdsAsTheCommandDoes) {
  const std::string inline_list = "王律师, \"王，丽\"";
  Owned ids;
  ASSERT_EQ(fz_lottery_parse_ids(inline_list.data(), inline_list.size(), FZ_LIST_INLINE, &ids.p,
                                 &ids.len),
            FZ_OK)
      << last_message();
  EXPECT_EQ(Json::parse(ids.str()), Json::parse(R"(["王律师", "王，丽"])"));

  const std::string file = "\xEF\xBB\xBF王律师\r\n# comment\n\"#7号\"\n王，丽\n";
  Owned from_file;
  ASSERT_EQ(
      fz_lottery_parse_ids(file.data(), file.size(), FZ_LIST_FILE, &from_file.p, &from_file.len),
      FZ_OK)
      << last_message();
  EXPECT_EQ(Json::parse(from_file.str()), Json::parse(R"(["王律师", "#7号", "王，丽"])"));

  char* out = nullptr;
  const std::string misspelt = "conflict.txt";
  EXPECT_EQ(fz_lottery_parse_ids(misspelt.data(), misspelt.size(), FZ_LIST_INLINE, &out, nullptr),
            FZ_INVALID_ARGUMENT);
  EXPECT_NE(last_message().find("looks like a file name"), std::string::npos) << last_message();
  const std::string with_nul("a\0b", 3);
  EXPECT_EQ(fz_lottery_parse_ids(with_nul.data(), with_nul.size(), FZ_LIST_FILE, &out, nullptr),
            FZ_INVALID_ARGUMENT);
  EXPECT_EQ(fz_lottery_parse_ids("a", 1, 7, &out, nullptr), FZ_INVALID_ARGUMENT);
  EXPECT_EQ(fz_lottery_parse_ids(nullptr, 1, FZ_LIST_FILE, &out, nullptr), FZ_INVALID_ARGUMENT);
  EXPECT_EQ(out, nullptr);
  Owned empty;
  ASSERT_EQ(fz_lottery_parse_ids(nullptr, 0, FZ_LIST_INLINE, &empty.p, &empty.len), FZ_OK);
  EXPECT_EQ(empty.str(), "[]");
}

TEST(CApiLottery, ParseConflictsKeepsFullWidthCommas) {
  const std::string file = "张三,某律所，分所\n李四\t律所,B\n";
  Owned pairs;
  ASSERT_EQ(
      fz_lottery_parse_conflicts(file.data(), file.size(), FZ_LIST_FILE, &pairs.p, &pairs.len),
      FZ_OK)
      << last_message();
  EXPECT_EQ(Json::parse(pairs.str()),
            Json::parse(R"([{"inspector": "张三", "target": "某律所，分所"},
                            {"inspector": "李四", "target": "律所,B"}])"));
  const std::string list = "张三:律所A";
  Owned one;
  ASSERT_EQ(fz_lottery_parse_conflicts(list.data(), list.size(), FZ_LIST_INLINE, &one.p, &one.len),
            FZ_OK);
  EXPECT_EQ(Json::parse(one.str())[0]["target"], "律所A");
}

}  // namespace
