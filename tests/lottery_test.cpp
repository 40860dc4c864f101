#include "fazhi/lottery.hpp"
#include "fazhi/text.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <boost/math/distributions/chi_squared.hpp>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fazhi {
namespace {

// The published test vectors: docs/lottery.md lists the same ones, and
// tests/python/test_lottery_vectors.py checks scripts/verify_lottery.py
// against that page.
struct Vector {
  DrawInput input;
  std::vector<std::string> pool;
  std::string pool_sha256;
  uint64_t index;
  std::string winner;
  uint64_t counter;
  std::string hash;
};

const std::vector<Vector>& vectors() {
  static const std::vector<Vector> kVectors = {
      {{"fazhi-test-seed-1", "CASE-0001", {"a", "b", "c", "d", "e", "f", "g"}, {}, {}},
       {"a", "b", "c", "d", "e", "f", "g"},
       "c9120448677aa164230248f93bea7377310cf02dcc8542cca70b047609c7e573",
       1,
       "b",
       0,
       "32f6bd2ad7914ea12de530591b02c9e4faa2e62b72a17353d0e349a132b821c6"},
      {{"2024-06-03 上证指数收盘 3078.49",
        "穗白法援〔2024〕0173号",
        {"王律师", "李律师", "陈律师", "赵律师", "刘律师"},
        {"李律师"},
        {"赵律师"}},
       {"刘律师", "王律师", "陈律师"},
       "62b4dd71cf2204b88db5bb421c0c126074790b80540fb149857b610d8fe8642b",
       2,
       "陈律师",
       0,
       "8520cb838daed6aac05f9632d5990519021f92a6617833df12ea0aec5970bed2"},
      // Two rejected hashes before the accepted one (counter 2); the canonical
      // order is by code point, not 甲乙丙丁戊.
      {{"2024-07-01 seed 6",
        "穗白法援〔2024〕0006号",
        {"律师甲", "律师乙", "律师丙", "律师丁", "律师戊"},
        {},
        {}},
       {"律师丁", "律师丙", "律师乙", "律师戊", "律师甲"},
       "6d9f0b34a2fcb800126dd34e1acbd7d231f050d2222510645083f4ebdae4216f",
       1,
       "律师丙",
       2,
       "e7b9c327682d279178f8b43b71afd60b71863d7ab3d5c1981ca6a3c8e902df06"},
      {{"s", "c", {"only"}, {}, {}},
       {"only"},
       "5a4c5adcfd01f659a3cee11d7e3a986a9183f67259c7414d37c11e8f5e69121b",
       0,
       "only",
       0,
       "8a5e0abd01c489206eb61513d54bb93fee77f1102ff6a6e3a7060961e16a64d6"},
  };
  return kVectors;
}

std::string hex(const std::string& bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char b : bytes) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 0x0F]);
  }
  return out;
}

DrawAudit drawn(const DrawInput& in) {
  absl::StatusOr<DrawAudit> a = draw(in);
  EXPECT_TRUE(a.ok()) << a.status();
  return a.ok() ? *a : DrawAudit{};
}

DrawInput seven(std::string case_id = "CASE-0001") {
  return {"fazhi-test-seed-1", std::move(case_id), {"a", "b", "c", "d", "e", "f", "g"}, {}, {}};
}

bool message_contains(const absl::Status& s, std::string_view text) {
  return std::string_view(s.message().data(), s.message().size()).find(text) !=
         std::string_view::npos;
}

std::string replace_once(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// ---- encoding and vectors

TEST(Lottery, MessageIsTheDocumentedBytes) {
  const std::string fields[] = {"CASE-0001"};
  EXPECT_EQ(hex(draw_message(kLotteryScheme, "fazhi-test-seed-1", fields, 0)),
            "00000010"
            "66617a68692d6c6f74746572792d7631"  // "fazhi-lottery-v1"
            "00000011"
            "66617a68692d746573742d736565642d31"  // "fazhi-test-seed-1"
            "00000009"
            "434153452d30303031"  // "CASE-0001"
            "0000000000000000");  // counter 0
  EXPECT_EQ(hex(draw_message(kLotteryScheme, "s", fields, 0x0102030405060708))
                .substr(size_t{2} * (4 + 16 + 4 + 1 + 4 + 9)),
            "0102030405060708");
}

TEST(Lottery, PublishedVectorsReproduce) {
  for (const Vector& v : vectors()) {
    SCOPED_TRACE(v.input.case_id);
    const DrawAudit a = drawn(v.input);
    EXPECT_EQ(a.pool, v.pool);
    EXPECT_EQ(a.pool_sha256, v.pool_sha256);
    EXPECT_EQ(a.index, v.index);
    EXPECT_EQ(a.winner, v.winner);
    EXPECT_EQ(a.counter, v.counter);
    EXPECT_EQ(a.hash, v.hash);
    EXPECT_TRUE(verify(a).ok());
  }
}

// Every ```json block of docs/lottery.md is a published audit record; each
// must verify, and together they must include the vectors above.
TEST(Lottery, DocsPublishTheSameVectors) {
  std::ifstream in(FAZHI_SOURCE_DIR "/docs/lottery.md");
  ASSERT_TRUE(in) << "docs/lottery.md is missing";
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  std::vector<std::string> records, announcements;
  for (size_t at = text.find("```json\n"); at != std::string::npos;
       at = text.find("```json\n", at + 1)) {
    const size_t begin = at + 8, end = text.find("\n```", begin);
    ASSERT_NE(end, std::string::npos);
    const std::string block = text.substr(begin, end - begin);
    if (block.find("-announcement-v1") != std::string::npos) {
      announcements.push_back(block);
      continue;
    }
    absl::StatusOr<std::string> ok = verify_audit_json(block);
    EXPECT_TRUE(ok.ok()) << "record " << records.size() + 1 << ": " << ok.status();
    records.push_back(block);
  }
  ASSERT_EQ(records.size(), 6u);
  ASSERT_EQ(announcements.size(), 2u);
  // Records 2 and 6 (format 1) were announced by 7, record 5 by 8.
  for (auto [record, announcement] : {std::pair{1, 0}, std::pair{5, 0}, std::pair{4, 1}}) {
    absl::StatusOr<std::string> ok =
        verify_audit_json(records[record], announcements[announcement]);
    EXPECT_TRUE(ok.ok()) << "record " << record + 1 << ": " << ok.status();
  }
  EXPECT_FALSE(verify_audit_json(records[0], announcements[0]).ok());
  for (const Vector& v : vectors()) {
    EXPECT_NE(text.find(v.hash), std::string::npos) << v.input.case_id;
    EXPECT_NE(text.find(v.pool_sha256), std::string::npos) << v.input.case_id;
  }
}

TEST(Lottery, InputOrderDoesNotMatter) {
  DrawInput shuffled = seven();
  shuffled.answered = {"g", "c", "a", "e", "b", "f", "d"};
  EXPECT_EQ(drawn(shuffled), drawn(seven()));
}

TEST(Lottery, ExcludedLawyerIsNeverDrawn) {
  for (int i = 0; i < 200; ++i) {
    DrawInput in = seven("CASE-" + std::to_string(i));
    in.conflicts = {"b", "zz-did-not-answer"};
    in.at_cap = {"e"};
    const DrawAudit a = drawn(in);
    EXPECT_EQ(a.pool, (std::vector<std::string>{"a", "c", "d", "f", "g"}));
    EXPECT_NE(a.winner, "b");
    EXPECT_NE(a.winner, "e");
  }
}

// ---- bad input

TEST(Lottery, RejectsEmptySeed) {
  DrawInput in = seven();
  in.seed.clear();
  absl::StatusOr<DrawAudit> a = draw(in);
  EXPECT_EQ(a.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(message_contains(a.status(), "seed is empty"));
}

TEST(Lottery, RejectsEmptyCaseId) {
  DrawInput in = seven("");
  EXPECT_TRUE(message_contains(draw(in).status(), "case id is empty"));
}

TEST(Lottery, RejectsEmptyPool) {
  DrawInput in = seven();
  in.answered.clear();
  absl::StatusOr<DrawAudit> a = draw(in);
  EXPECT_EQ(a.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(message_contains(a.status(), "pool is empty"));
}

TEST(Lottery, RejectsPoolEmptiedByExclusions) {
  DrawInput in = seven();
  in.conflicts = {"a", "b", "c"};
  in.at_cap = {"d", "e", "f", "g"};
  absl::StatusOr<DrawAudit> a = draw(in);
  EXPECT_EQ(a.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(message_contains(a.status(),
                               "all 7 lawyers who answered are excluded (3 for a "
                               "conflict of interest, 4 at their caseload cap)"))
      << a.status();
}

// One reason per excluded lawyer: a lawyer both conflicted and at the cap
// made the counts of an emptied pool add up to more than the pool
// ("2 for a conflict, 1 at cap" of 2 lawyers).
TEST(Lottery, RejectsALawyerExcludedForTwoReasons) {
  DrawInput in = seven();
  in.answered = {"a", "b"};
  in.conflicts = {"a", "b"};
  in.at_cap = {"b"};
  absl::StatusOr<DrawAudit> a = draw(in);
  EXPECT_EQ(a.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(message_contains(a.status(),
                               "'b' is both in the conflicts of interest and at the "
                               "caseload cap"))
      << a.status();
}

// An id with a line feed printed a forged "OK: ..." line of its own; bidi
// overrides reorder what a clerk reads; zero-width characters make two ids
// look alike.
TEST(Lottery, RejectsInvisibleAndControlCharactersInIds) {
  for (const std::string bad : {"a\nOK: case c: x drawn", "a\tb", "a\x7f", "a\xc2\x85",
                                "\xe2\x80\xae"
                                "abc",
                                "a\xe2\x80\x8b", "a\xe2\x81\xa6",
                                "\xef\xbb\xbf"
                                "a",
                                "a\xe2\x80\xa8"
                                "b"}) {
    SCOPED_TRACE(display_text(bad));
    DrawInput in = seven();
    in.answered.push_back(bad);
    absl::StatusOr<DrawAudit> a = draw(in);
    EXPECT_EQ(a.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_TRUE(message_contains(a.status(), "invisible or control character")) << a.status();
    in = seven();
    in.case_id = bad;
    EXPECT_FALSE(draw(in).ok());
    SampleInput s{"seed", "", {"t"}, 1, {"i", bad}, 1, {}};
    EXPECT_FALSE(sample(s).ok());
  }
}

// A conflict typed with a decomposed "é" (e + U+0301) did not exclude the
// composed one: such ids are refused rather than compared unequal.
TEST(Lottery, RejectsIdsThatNormalisationCouldChange) {
  for (const std::string bad : {"Jose\xcc\x81", "\xe1\x84\x80\xe1\x85\xa1", "\xef\xa4\x80",
                                "\xe2\x84\xab", "x\xe2\x83\x90", "\xf0\xaf\xa0\x80"}) {
    SCOPED_TRACE(display_text(bad));
    DrawInput in = seven();
    in.conflicts = {bad};
    absl::StatusOr<DrawAudit> a = draw(in);
    EXPECT_EQ(a.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_TRUE(message_contains(a.status(), "normalisation (NFC)")) << a.status();
  }
  // Precomposed letters, Hangul syllables, the unified ideographs of the
  // compatibility block and ordinary CJK are fine.
  DrawInput in = seven();
  in.answered = {"Jos\xc3\xa9", "\xea\xb0\x80", "\xef\xa8\x8e", "律师", "😀"};
  EXPECT_TRUE(draw(in).ok()) << draw(in).status();
}

TEST(Lottery, RejectsIdsWithSurroundingWhiteSpace) {
  DrawInput in = seven();
  in.answered.push_back("王律师 ");
  EXPECT_TRUE(message_contains(draw(in).status(), "begins or ends with white space"));
  in = seven();
  in.at_cap = {"\xe3\x80\x80" "a"};  // U+3000 (ideographic space), then a
  EXPECT_FALSE(draw(in).ok());
}

TEST(Lottery, IdsAreShownThroughDisplayText) {
  // The rule that refuses an id is the rule that escapes it on output.
  EXPECT_TRUE(acts_rather_than_shows(U'\u200b'));
  EXPECT_TRUE(acts_rather_than_shows(U'\ufeff'));
  EXPECT_FALSE(acts_rather_than_shows(U'\u738b'));
  EXPECT_EQ(display_text("a\nOK: x"), "a\\nOK: x");
  EXPECT_EQ(display_text("\xe2\x80\xae\xe7\x8e\x8b"), "\\u202e王");
  EXPECT_EQ(display_text("\xe2\x80\x8b"), "\\u200b");
  EXPECT_EQ(display_text("\xc2\x85"), "\\u0085");
  EXPECT_EQ(display_text("律师 é"), "律师 é");
}

// summary() is what a clerk reads: an audit built by hand, never drawn, must
// not print a raw control character either.
TEST(Lottery, SummaryEscapesIds) {
  DrawAudit a = drawn(seven());
  a.winner = "b\nOK: forged";
  a.input.case_id =
      "\xe2\x80\xae"
      "CASE";
  EXPECT_EQ(summary(a),
            "case \\u202eCASE: b\\nOK: forged drawn (index 1 of 7 eligible; 7 answered)");
  SampleAudit s;
  s.input.batch_id = "b\tc";
  s.input.targets = {"t\n"};
  s.draws = {SampledTarget{"t\n", {}, {SampledInspector{"i\x1b", {}}}}};
  EXPECT_EQ(summary(s), "batch b\\tc: 1 of 1 targets: t\\n (i\\x1b)");
}

// A record built by hand with a line feed in an id must not print a second
// line: the error names the id escaped.
TEST(Lottery, VerifyEscapesIdsInItsMessages) {
  std::string json = audit_to_json(drawn(seven()));
  json = replace_once(json, "\"a\",", "\"a\\nOK: forged\",");
  absl::StatusOr<std::string> r = verify_audit_json(json);
  ASSERT_FALSE(r.ok());
  const std::string message(r.status().message());
  EXPECT_EQ(message.find('\n'), std::string::npos) << message;
  EXPECT_NE(message.find("a\\nOK: forged"), std::string::npos) << message;
}

TEST(Lottery, RejectsDuplicateIds) {
  DrawInput in = seven();
  in.answered.push_back("c");
  EXPECT_TRUE(message_contains(draw(in).status(), "duplicate id in the lawyers who answered: 'c'"));
  in = seven();
  in.at_cap = {"x", "x"};
  EXPECT_TRUE(message_contains(draw(in).status(), "duplicate id"));
}

TEST(Lottery, RejectsEmptyIdAndInvalidUtf8) {
  DrawInput in = seven();
  in.answered.push_back("");
  EXPECT_TRUE(message_contains(draw(in).status(), "an empty id"));
  in = seven();
  in.answered.push_back("\xC0\xAF");  // an overlong '/'
  EXPECT_TRUE(message_contains(draw(in).status(), "not valid UTF-8"));
  in = seven();
  in.seed = "\xED\xA0\x80";  // a UTF-16 surrogate
  EXPECT_TRUE(message_contains(draw(in).status(), "not valid UTF-8"));
}

// ---- the pick and its uniformity

TEST(LotteryPick, RejectsAnEmptyList) {
  const std::string fields[] = {"x"};
  EXPECT_FALSE(pick_index(kLotteryScheme, "seed", fields, 0).ok());
  EXPECT_FALSE(pick_index(kLotteryScheme, "", fields, 3).ok());
}

TEST(LotteryPick, PowerOfTwoNeverRejects) {
  for (int i = 0; i < 100; ++i) {
    const std::string fields[] = {std::to_string(i)};
    absl::StatusOr<Pick> p = pick_index(kLotteryScheme, "seed", fields, 8);
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p->counter, 0u);
    EXPECT_LT(p->index, 8u);
  }
}

TEST(LotteryPick, WorksForTheLargestLists) {
  const std::string fields[] = {"x"};
  absl::StatusOr<Pick> p = pick_index(kLotteryScheme, "seed", fields, (uint64_t{1} << 63) + 1);
  ASSERT_TRUE(p.ok());
  EXPECT_LE(p->index, uint64_t{1} << 63);
  p = pick_index(kLotteryScheme, "seed", fields, ~uint64_t{0});
  ASSERT_TRUE(p.ok());
}

// 100,000 draws over a pool of 7 (a fixed seed, case ids CASE-0 .. CASE-99999)
// should look uniform: Pearson's chi-square with 6 degrees of freedom. The
// seed is fixed, so the test is deterministic; p > 0.001 says the counts are
// not implausibly far from 1/7 each.
TEST(LotteryPick, UniformOverAPoolOfSeven) {
  constexpr int kDraws = 100000;
  std::array<int, 7> counts{};
  std::array<int, 3> rejected_counters{};
  for (int i = 0; i < kDraws; ++i) {
    const DrawAudit a = drawn(seven("CASE-" + std::to_string(i)));
    ++counts[a.index];
    ++rejected_counters[std::min<uint64_t>(a.counter, 2)];
  }
  const double expected = kDraws / 7.0;
  double chi2 = 0;
  for (int c : counts) chi2 += (c - expected) * (c - expected) / expected;
  const boost::math::chi_squared dist(6);
  const double p = boost::math::cdf(boost::math::complement(dist, chi2));
  EXPECT_GT(p, 0.001) << "chi-square " << chi2;
  // With 7 of 8 masked values accepted, about 1/8 of draws need counter 1.
  EXPECT_GT(rejected_counters[1], kDraws / 10);
  EXPECT_LT(rejected_counters[1], kDraws / 7);
}

// ---- audit records

TEST(LotteryAudit, JsonRoundTrips) {
  for (const Vector& v : vectors()) {
    const DrawAudit a = drawn(v.input);
    absl::StatusOr<DrawAudit> back = audit_from_json(audit_to_json(a));
    ASSERT_TRUE(back.ok()) << back.status();
    EXPECT_EQ(*back, a);
    absl::StatusOr<std::string> ok = verify_audit_json(audit_to_json(a));
    ASSERT_TRUE(ok.ok()) << ok.status();
    EXPECT_NE(ok->find(v.winner), std::string::npos);
  }
}

TEST(LotteryAudit, VerifyRejectsChangedWinner) {
  DrawAudit a = drawn(vectors()[1].input);
  a.winner = "王律师";
  const absl::Status s = verify(a);
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(
      message_contains(s, "winner does not match: the record says '王律师', recomputed '陈律师'"))
      << s;
}

TEST(LotteryAudit, VerifyRejectsChangedPool) {
  DrawAudit a = drawn(vectors()[1].input);
  a.pool[0] = "李律师";  // the conflicted lawyer slipped back in
  EXPECT_TRUE(message_contains(verify(a), "pool does not match")) << verify(a);
  a = drawn(vectors()[1].input);
  a.input.conflicts.clear();  // the conflict quietly dropped
  EXPECT_TRUE(message_contains(verify(a), "pool does not match")) << verify(a);
  a = drawn(vectors()[1].input);
  a.pool_sha256[0] = a.pool_sha256[0] == '0' ? '1' : '0';
  EXPECT_TRUE(message_contains(verify(a), "pool_sha256 does not match")) << verify(a);
}

TEST(LotteryAudit, VerifyRejectsChangedSeedOrCase) {
  DrawAudit a = drawn(vectors()[0].input);
  a.input.seed = "fazhi-test-seed-2";
  EXPECT_TRUE(message_contains(verify(a), "does not match")) << verify(a);
  a = drawn(vectors()[0].input);
  a.input.case_id = "CASE-0002";
  EXPECT_TRUE(message_contains(verify(a), "does not match")) << verify(a);
  a = drawn(vectors()[0].input);
  a.input.seed.clear();
  EXPECT_TRUE(message_contains(verify(a), "the record's inputs are not valid: the seed is empty"))
      << verify(a);
}

TEST(LotteryAudit, VerifyRejectsChangedIndexCounterOrHash) {
  DrawAudit a = drawn(vectors()[2].input);
  a.index = 0;
  EXPECT_TRUE(message_contains(verify(a), "index does not match")) << verify(a);
  a = drawn(vectors()[2].input);
  a.counter = 0;  // hide the two rejected hashes
  EXPECT_TRUE(message_contains(verify(a), "counter does not match")) << verify(a);
  a = drawn(vectors()[2].input);
  a.hash[63] = a.hash[63] == '0' ? '1' : '0';
  EXPECT_TRUE(message_contains(verify(a), "hash does not match")) << verify(a);
}

TEST(LotteryAudit, VerifyRejectsListsOutOfCanonicalOrder) {
  DrawAudit a = drawn(seven());
  std::swap(a.input.answered[0], a.input.answered[1]);
  EXPECT_TRUE(message_contains(verify(a), "answered (canonical order) does not match"))
      << verify(a);
}

TEST(LotteryAudit, VerifyJsonRejectsATamperedRecord) {
  const std::string json = audit_to_json(drawn(vectors()[1].input));
  absl::StatusOr<std::string> r =
      verify_audit_json(replace_once(json, "\"winner\": \"陈律师\"", "\"winner\": \"刘律师\""));
  EXPECT_TRUE(message_contains(r.status(), "winner does not match")) << r.status();
  r = verify_audit_json(replace_once(json, "\"index\": 2", "\"index\": 0"));
  EXPECT_TRUE(message_contains(r.status(), "index does not match")) << r.status();
  r = verify_audit_json(replace_once(json, "2024-06-03", "2024-06-04"));
  EXPECT_TRUE(message_contains(r.status(), "does not match")) << r.status();
}

TEST(LotteryAudit, ReadingIsStrict) {
  const std::string json = audit_to_json(drawn(seven()));
  auto error = [](const std::string& text) {
    return std::string(audit_from_json(text).status().message());
  };
  EXPECT_NE(error("{").find("not valid JSON"), std::string::npos);
  EXPECT_NE(error("[]").find("not a JSON object"), std::string::npos);
  EXPECT_NE(error(replace_once(json, "\"winner\"", "\"victor\"")).find("no 'winner'"),
            std::string::npos);
  EXPECT_NE(error(replace_once(json, "\"index\": 1", "\"index\": -1")).find("'index' is not"),
            std::string::npos);
  EXPECT_NE(error(replace_once(json, "\"index\": 1", "\"index\": 1.0")).find("'index' is not"),
            std::string::npos);
  EXPECT_NE(error(replace_once(json, "\"winner\"", "\"winner\": \"a\", \"winner\""))
                .find("key 'winner' twice"),
            std::string::npos);
  EXPECT_NE(error(replace_once(json, "\"winner\"", "\"note\": \"x\", \"winner\""))
                .find("unknown key 'note'"),
            std::string::npos);
  EXPECT_NE(error(replace_once(json, "fazhi-lottery-v1", "fazhi-lottery-v0")).find("scheme"),
            std::string::npos);
  EXPECT_NE(std::string(verify_audit_json("{\"scheme\": \"x\"}").status().message())
                .find("unknown scheme 'x'"),
            std::string::npos);
}

// ---- 双随机 sampling

SampleInput baiyun_batch() {
  SampleInput in;
  in.seed = "2024-09-02 双随机 seed";
  in.batch_id = "白云区2024年第三季度律所检查";
  in.targets = {"律所A", "律所B", "律所C", "律所D", "律所E", "律所F"};
  in.k = 3;
  in.inspectors = {"张三", "李四", "王五", "赵六"};
  in.m = 2;
  in.conflicts = {{"张三", "律所A"}, {"李四", "律所A"}, {"张三", "律所C"}};
  return in;
}

SampleAudit sampled(const SampleInput& in) {
  absl::StatusOr<SampleAudit> a = sample(in);
  EXPECT_TRUE(a.ok()) << a.status();
  return a.ok() ? *a : SampleAudit{};
}

TEST(LotterySample, PublishedVectorReproduces) {
  const SampleAudit a = sampled(baiyun_batch());
  EXPECT_EQ(a.targets_sha256, "a71e406a1a3980f9f922bf75eeabbfaeefc49c378668e24b725a05047097c42c");
  EXPECT_EQ(a.inspectors_sha256,
            "86592c029731563a90140f6a07cb99cb792841458494d828154c98fbe94710c0");
  ASSERT_EQ(a.draws.size(), 3u);
  const std::pair<const char*, std::array<const char*, 2>> expected[] = {
      {"律所B", {"张三", "赵六"}}, {"律所C", {"王五", "赵六"}}, {"律所D", {"李四", "王五"}}};
  for (size_t j = 0; j < 3; ++j) {
    EXPECT_EQ(a.draws[j].target, expected[j].first);
    ASSERT_EQ(a.draws[j].team.size(), 2u);
    EXPECT_EQ(a.draws[j].team[0].inspector, expected[j].second[0]);
    EXPECT_EQ(a.draws[j].team[1].inspector, expected[j].second[1]);
  }
  EXPECT_EQ(a.draws[1].pick.counter, 1u);
  EXPECT_EQ(a.draws[1].pick.hash,
            "ec3f4cfee5d6aef1dafd7362cb3b44bc1bfab491422270dc8aa27b398ade9de6");
  EXPECT_TRUE(verify(a).ok());
}

TEST(LotterySample, NoInspectorOnAConflictedTarget) {
  SampleInput in = baiyun_batch();
  in.k = 6;
  in.conflicts.push_back({"王五", "律所E"});
  in.conflicts.push_back({"赵六", "律所E"});
  for (int i = 0; i < 100; ++i) {
    in.batch_id = "batch-" + std::to_string(i);
    const SampleAudit a = sampled(in);
    std::set<std::string> targets;
    for (const SampledTarget& t : a.draws) {
      targets.insert(t.target);
      std::set<std::string> team;
      for (const SampledInspector& m : t.team) {
        team.insert(m.inspector);
        for (const Conflict& c : in.conflicts) {
          EXPECT_FALSE(c.inspector == m.inspector && c.target == t.target)
              << m.inspector << " on " << t.target;
        }
      }
      EXPECT_EQ(team.size(), 2u) << "an inspector twice on one team";
    }
    EXPECT_EQ(targets.size(), 6u) << "a target chosen twice";
  }
}

TEST(LotterySample, IsReproducibleFromTheSeed) {
  SampleInput shuffled = baiyun_batch();
  std::reverse(shuffled.targets.begin(), shuffled.targets.end());
  std::reverse(shuffled.inspectors.begin(), shuffled.inspectors.end());
  std::reverse(shuffled.conflicts.begin(), shuffled.conflicts.end());
  EXPECT_EQ(sampled(shuffled), sampled(baiyun_batch()));
  SampleInput other = baiyun_batch();
  other.seed = "another seed";
  EXPECT_NE(sampled(other).draws, sampled(baiyun_batch()).draws);
}

TEST(LotterySample, RejectsBadInput) {
  auto error = [](const SampleInput& in) { return sample(in).status(); };
  SampleInput in = baiyun_batch();
  in.k = 7;
  EXPECT_TRUE(message_contains(error(in), "k = 7 is larger than the list of 6 targets"));
  in = baiyun_batch();
  in.m = 5;
  EXPECT_TRUE(message_contains(error(in), "m = 5 is larger than the roster of 4 inspectors"));
  in = baiyun_batch();
  in.k = 0;
  EXPECT_TRUE(message_contains(error(in), "k is 0"));
  in = baiyun_batch();
  in.seed.clear();
  EXPECT_TRUE(message_contains(error(in), "seed is empty"));
  in = baiyun_batch();
  in.targets.push_back("律所B");
  EXPECT_TRUE(message_contains(error(in), "duplicate id in the targets: '律所B'"));
  in = baiyun_batch();
  in.inspectors.clear();
  EXPECT_TRUE(message_contains(error(in), "roster of inspectors is empty"));
  in = baiyun_batch();
  in.conflicts.push_back({"张三", "律所A"});
  EXPECT_TRUE(message_contains(error(in), "duplicate conflict"));
}

TEST(LotterySample, FailsWhenConflictsLeaveTooFewInspectors) {
  SampleInput in = baiyun_batch();
  in.k = 6;
  in.conflicts.push_back({"王五", "律所A"});  // only 赵六 is left for 律所A
  const absl::Status s = sample(in).status();
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(message_contains(
      s, "target '律所A' needs a team of m = 2; inspectors without a conflict with it: 1 of 4"))
      << s;
}

TEST(LotterySample, VerifyRejectsATamperedRecord) {
  const SampleAudit honest = sampled(baiyun_batch());
  SampleAudit a = honest;
  a.draws[1].team[0].inspector = "张三";  // a conflicted inspector swapped in
  EXPECT_TRUE(message_contains(verify(a), "draws[1].team[0].inspector does not match"))
      << verify(a);
  a = honest;
  a.draws[0].target = "律所A";
  EXPECT_TRUE(message_contains(verify(a), "draws[0].target does not match")) << verify(a);
  a = honest;
  a.input.seed = "another seed";
  EXPECT_TRUE(message_contains(verify(a), "does not match")) << verify(a);
  a = honest;
  a.input.conflicts.erase(a.input.conflicts.begin() + 1);  // 张三's conflict with 律所C dropped
  EXPECT_FALSE(verify(a).ok());
}

TEST(LotterySample, JsonRoundTrips) {
  const SampleAudit a = sampled(baiyun_batch());
  absl::StatusOr<SampleAudit> back = sample_audit_from_json(audit_to_json(a));
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(*back, a);
  absl::StatusOr<std::string> ok = verify_audit_json(audit_to_json(a));
  ASSERT_TRUE(ok.ok()) << ok.status();
  EXPECT_EQ(*ok,
            "batch 白云区2024年第三季度律所检查: 3 of 6 targets: 律所B (张三, 赵六); 律所C "
            "(王五, 赵六); 律所D (李四, 王五)");
  absl::StatusOr<std::string> bad = verify_audit_json(
      replace_once(audit_to_json(a), "\"inspector\": \"赵六\"", "\"inspector\": \"李四\""));
  EXPECT_FALSE(bad.ok());
}

// ---- announcements

// recommit makes a consistently altered record agree with itself again: what
// someone altering a published record would do.
DrawAudit recommit(DrawAudit a) {
  absl::StatusOr<DrawAudit> re = draw(a.input);
  EXPECT_TRUE(re.ok()) << re.status();
  return re.ok() ? *re : a;
}

std::string announced(const DrawInput& in) {
  absl::StatusOr<std::string> a = announce(in);
  EXPECT_TRUE(a.ok()) << a.status();
  return a.ok() ? *a : std::string();
}

TEST(LotteryAnnouncement, TheDrawRecordsTheAnnouncedCommitment) {
  const DrawInput in = vectors()[1].input;
  const DrawAudit a = drawn(in);
  absl::StatusOr<Announcement> ann = announcement_from_json(announced(in));
  ASSERT_TRUE(ann.ok()) << ann.status();
  EXPECT_EQ(ann->announcement_sha256,
            "b92c968bfc6a3a97960f46553d1c4ca332c56403c1e9d5bf436df4ded3667900");
  EXPECT_EQ(a.announcement_sha256, ann->announcement_sha256);
  EXPECT_EQ(a.format, 2u);
  absl::StatusOr<std::string> ok = verify_audit_json(audit_to_json(a), announced(in));
  ASSERT_TRUE(ok.ok()) << ok.status();
  // The seed plays no part in the announcement: it does not exist yet.
  DrawInput no_seed = in;
  no_seed.seed.clear();
  EXPECT_EQ(announced(no_seed), announced(in));
}

// Each alteration below keeps the record consistent with itself, so verify()
// alone accepts it; the announcement refuses it.
TEST(LotteryAnnouncement, RefusesARenamedWinner) {
  const DrawInput in = vectors()[1].input;
  DrawAudit altered = drawn(in);
  std::replace(altered.input.answered.begin(), altered.input.answered.end(), std::string("陈律师"),
               std::string("黄律师"));
  altered = recommit(altered);
  ASSERT_EQ(altered.winner, "黄律师");  // same index: 黄 sorts last as 陈 did
  ASSERT_TRUE(verify(altered).ok());
  absl::StatusOr<std::string> r = verify_audit_json(audit_to_json(altered), announced(in));
  EXPECT_EQ(r.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(message_contains(r.status(), "not the announced ones: answered does not match"))
      << r.status();
}

TEST(LotteryAnnouncement, RefusesAnExclusionOfSomeoneWhoNeverAnswered) {
  const DrawInput in = vectors()[1].input;
  DrawAudit altered = drawn(in);
  altered.input.conflicts.push_back("周律师");
  altered = recommit(altered);
  ASSERT_TRUE(verify(altered).ok());
  absl::StatusOr<std::string> r = verify_audit_json(audit_to_json(altered), announced(in));
  EXPECT_TRUE(message_contains(r.status(), "conflicts does not match")) << r.status();
}

TEST(LotteryAnnouncement, RefusesAnExcludedLawyerDeletedFromEveryList) {
  const DrawInput in = vectors()[1].input;
  DrawAudit altered = drawn(in);
  std::erase(altered.input.answered, "李律师");
  std::erase(altered.input.conflicts, "李律师");
  altered = recommit(altered);
  ASSERT_TRUE(verify(altered).ok());
  ASSERT_EQ(altered.winner, "陈律师");
  absl::StatusOr<std::string> r = verify_audit_json(audit_to_json(altered), announced(in));
  EXPECT_TRUE(message_contains(r.status(), "answered does not match")) << r.status();
  // The commitment alone (the lists compared first) also tells them apart.
  EXPECT_NE(altered.announcement_sha256, drawn(in).announcement_sha256);
}

TEST(LotteryAnnouncement, RefusesAnAlteredSample) {
  SampleInput in = baiyun_batch();
  absl::StatusOr<std::string> ann = announce(in);
  ASSERT_TRUE(ann.ok()) << ann.status();
  SampleInput altered_in = in;
  altered_in.conflicts.pop_back();  // a conflict quietly dropped before the draw
  const SampleAudit altered = sampled(altered_in);
  ASSERT_TRUE(verify(altered).ok());
  absl::StatusOr<std::string> r = verify_audit_json(audit_to_json(altered), *ann);
  EXPECT_TRUE(message_contains(r.status(), "not the announced ones: conflicts does not match"))
      << r.status();
  altered_in = in;
  altered_in.k = 2;
  r = verify_audit_json(audit_to_json(sampled(altered_in)), *ann);
  EXPECT_TRUE(message_contains(r.status(), "k does not match")) << r.status();
  EXPECT_TRUE(verify_audit_json(audit_to_json(sampled(in)), *ann).ok());
  // A sample is not checked against a draw's announcement.
  r = verify_audit_json(audit_to_json(sampled(in)), announced(seven()));
  EXPECT_TRUE(message_contains(r.status(), "not of a 双随机 sample")) << r.status();
}

TEST(LotteryAnnouncement, AnAnnouncementMustMatchItself) {
  const std::string ann = announced(vectors()[1].input);
  absl::StatusOr<Announcement> r =
      announcement_from_json(replace_once(ann, "\"李律师\"\n  ]", "\"周律师\"\n  ]"));
  EXPECT_TRUE(message_contains(r.status(), "does not match itself")) << r.status();
  r = announcement_from_json(replace_once(ann, "\"at_cap\"", "\"seed\": \"s\",\n  \"at_cap\""));
  EXPECT_TRUE(message_contains(r.status(), "unknown key 'seed'")) << r.status();
}

// Records written before announcements (no "format") still read and verify;
// a format 2 record must carry its commitment.
TEST(LotteryAnnouncement, RecordFormatsAreVersioned) {
  DrawAudit a = drawn(vectors()[1].input);
  std::string v2 = audit_to_json(a);
  a.format = 1;
  const std::string v1 = audit_to_json(a);
  EXPECT_EQ(v1.find("format"), std::string::npos);
  EXPECT_EQ(v1.find("announcement_sha256"), std::string::npos);
  EXPECT_TRUE(verify_audit_json(v1).ok());
  EXPECT_TRUE(verify_audit_json(v1, announced(vectors()[1].input)).ok());
  EXPECT_FALSE(verify_audit_json(v1, announced(seven())).ok());
  EXPECT_TRUE(
      message_contains(audit_from_json(replace_once(v2, "\"format\": 2", "\"format\": 3")).status(),
                       "format 3 is not one this fazhi reads"));
  EXPECT_TRUE(message_contains(
      audit_from_json(replace_once(v2, "\"announcement_sha256\"", "\"commitment\"")).status(),
      "no 'announcement_sha256'"));
  const std::string wrong =
      replace_once(v2, "\"announcement_sha256\": \"b", "\"announcement_sha256\": \"c");
  EXPECT_TRUE(
      message_contains(verify_audit_json(wrong).status(), "announcement_sha256 does not match"));
}

// ---- lists

std::vector<std::string> ids_of(absl::StatusOr<std::vector<std::string>> r) {
  EXPECT_TRUE(r.ok()) << r.status();
  return r.ok() ? *r : std::vector<std::string>{};
}

TEST(LotteryLists, InlineListsSplitAtAsciiCommasOnly) {
  EXPECT_EQ(ids_of(parse_id_list(" 王律师 , 李律师\u3000")),
            (std::vector<std::string>{"王律师", "李律师"}));
  EXPECT_EQ(ids_of(parse_id_list("")), std::vector<std::string>{});
  EXPECT_EQ(ids_of(parse_id_list("\"王，丽\",\"a,b\", \"say \"\"hi\"\"\" ")),
            (std::vector<std::string>{"王，丽", "a,b", "say \"hi\""}));
  EXPECT_EQ(ids_of(parse_id_list("\"律所A/分所\",\"@x\",\"list.txt\"")),
            (std::vector<std::string>{"律所A/分所", "@x", "list.txt"}));
  // 王，丽 split in two; now an unquoted full-width comma is refused.
  EXPECT_TRUE(message_contains(parse_id_list("王，丽").status(), "full-width comma"));
  EXPECT_TRUE(message_contains(parse_id_list("a,,b").status(), "an empty id"));
  EXPECT_TRUE(message_contains(parse_id_list("a,").status(), "an empty id"));
  EXPECT_TRUE(message_contains(parse_id_list("\"a").status(), "a quote is not closed"));
  EXPECT_TRUE(message_contains(parse_id_list("\"a\"b").status(), "after the closing quote"));
}

// A misspelt file name became a one-name list that excluded nobody.
TEST(LotteryLists, InlineItemsThatLookLikeFilesAreRefused) {
  for (const char* bad :
       {"conflict.txt", "a,pool.CSV", "x.tsv", "dir/name", "C:\\list", "@conflicts"}) {
    SCOPED_TRACE(bad);
    EXPECT_TRUE(message_contains(parse_id_list(bad).status(), "looks like a file name"));
  }
  EXPECT_TRUE(message_contains(parse_conflict_list("张三:c.txt").status(), "looks like a file"));
}

TEST(LotteryLists, FilesHoldOneIdALine) {
  EXPECT_EQ(ids_of(parse_id_file("\xEF\xBB\xBF王律师\r\n# 注释\n\n  李律师  \r\n"
                                 "王，丽\n\"#7号\"\na, b\n")),
            (std::vector<std::string>{"王律师", "李律师", "王，丽", "#7号", "a, b"}));
  EXPECT_TRUE(message_contains(parse_id_file("a\nb\tc\n").status(), "line 2"));
  EXPECT_TRUE(
      message_contains(parse_id_file("a\n\"b\n").status(), "line 2: a quote is not closed"));
  EXPECT_FALSE(parse_id_file("a\xff\n").ok());
}

// The conflicts file rewrote the full-width comma and the tab to commas:
// 张三,某律所，分所 was recorded against 某律所,分所, matching nothing.
TEST(LotteryLists, ConflictFilesKeepFullWidthCommasInIds) {
  absl::StatusOr<std::vector<Conflict>> c =
      parse_conflict_file("张三,某律所，分所\n李四\t律所,B\n\"王,五\",律所C\n\"#8号\",律所D\n");
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(
      *c,
      (std::vector<Conflict>{
          {"张三", "某律所，分所"}, {"李四", "律所,B"}, {"王,五", "律所C"}, {"#8号", "律所D"}}));
  EXPECT_TRUE(message_contains(parse_conflict_file("a,b,c\n").status(), "line 1"));
  EXPECT_TRUE(message_contains(parse_conflict_file("a\tb\tc\n").status(), "line 1"));
  EXPECT_TRUE(message_contains(parse_conflict_file("ab\n").status(), "line 1"));

  SampleInput in{"seed", "", {"某律所，分所", "律所B"}, 2, {"张三", "李四"}, 1, *c};
  const SampleAudit a = sampled(in);
  for (const SampledTarget& t : a.draws) {
    if (t.target == "某律所，分所") EXPECT_EQ(t.team[0].inspector, "李四");
  }
}

TEST(LotteryLists, InlineConflicts) {
  absl::StatusOr<std::vector<Conflict>> c = parse_conflict_list("张三:律所A, \"王，丽\":\"a:b\"");
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(*c, (std::vector<Conflict>{{"张三", "律所A"}, {"王，丽", "a:b"}}));
  EXPECT_TRUE(parse_conflict_list("").ok());
  EXPECT_FALSE(parse_conflict_list("张三").ok());
  EXPECT_FALSE(parse_conflict_list("a:b:c").ok());
  EXPECT_FALSE(parse_conflict_list("a:b,c").ok());
  EXPECT_TRUE(
      message_contains(parse_conflict_list("张三:律所A，李四:律所B").status(), "full-width comma"));
}

TEST(LotteryLists, ParsedIdsObeyTheIdRules) {
  EXPECT_TRUE(message_contains(parse_id_list("\"a\nb\"").status(), "control character"));
  EXPECT_TRUE(message_contains(parse_id_list("Jose\xcc\x81").status(), "NFC"));
  EXPECT_TRUE(message_contains(parse_id_list("\" a\"").status(), "white space"));
}

// Parsed lists as JSON: what fz_lottery_parse_ids and
// fz_lottery_parse_conflicts return.
TEST(LotteryLists, IdsAndConflictsAsJson) {
  const std::vector<std::string> ids = {"王律师", "a \"b\"", "c,d"};
  EXPECT_EQ(ids_to_json(ids), "[\"王律师\",\"a \\\"b\\\"\",\"c,d\"]");
  EXPECT_EQ(ids_to_json({}), "[]");
  const std::vector<Conflict> conflicts = {{"张三", "某公司"}, {"李四", "x"}};
  EXPECT_EQ(conflicts_to_json(conflicts),
            "[{\"inspector\":\"张三\",\"target\":\"某公司\"},{\"inspector\":\"李四\",\"target\":\"x\"}]");
  EXPECT_EQ(conflicts_to_json({}), "[]");
}

}  // namespace
}  // namespace fazhi
