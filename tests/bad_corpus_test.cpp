// bad_corpus_test -- every file of tests/data/bad (one per rule of docs/data.md)
// gets exactly the rejection EXPECTED.tsv lists: line, column and reason, or
// the whole file refused with its reason. The C ABI and Python check the same
// list (bad_corpus_c_test.c, tests/python/test_bad_corpus.py).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "fazhi/dataset.hpp"
#include "fazhi/text.hpp"

namespace fazhi {
namespace {

const std::string kBad = std::string(FAZHI_TEST_DATA_DIR) + "/bad";

struct Case {
  std::string file, kind, column, reason;
  int64_t line = 0;
};

std::vector<Case> ReadExpected() {
  std::vector<Case> cases;
  std::ifstream in(kBad + "/EXPECTED.tsv");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f = absl::StrSplit(absl_view(line), '\t');
    if (f.size() != 4) {
      ADD_FAILURE() << "EXPECTED.tsv: bad line: " << line;
      continue;
    }
    Case c;
    c.file = f[0];
    c.line = std::stoll(f[1]);
    c.column = f[2] == "-" ? "" : f[2];
    c.reason = f[3];
    const std::vector<std::string> parts = absl::StrSplit(absl_view(c.file), '.');
    c.kind = parts.size() >= 3 ? parts[parts.size() - 2] : "";
    cases.push_back(c);
  }
  return cases;
}

TEST(BadCorpus, EveryFileIsListedAndEveryRuleHasAFile) {
  const std::vector<Case> cases = ReadExpected();
  EXPECT_GE(cases.size(), 35u);
  size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(kBad)) {
    if (e.path().extension() != ".csv") continue;
    ++files;
    const std::string name = e.path().filename().string();
    EXPECT_TRUE(std::any_of(cases.begin(), cases.end(), [&](const Case& c) { return c.file == name; }))
        << name << " has no line in EXPECTED.tsv";
  }
  EXPECT_EQ(files, cases.size());
}

TEST(BadCorpus, EachFileGetsItsExpectedRejection) {
  for (const Case& c : ReadExpected()) {
    SCOPED_TRACE(c.file);
    const std::optional<RecordKind> kind = parse_kind(c.kind);
    ASSERT_TRUE(kind.has_value()) << c.kind;
    for (int threads : {1, 2}) {
      Dataset ds;
      LoadOptions o;
      o.threads = threads;
      const std::string path = kBad + "/" + c.file;
      absl::StatusOr<LoadSummary> s = ds.load_file(*kind, path, o);
      if (c.line == 0) {
        ASSERT_FALSE(s.ok());
        EXPECT_EQ(std::string(s.status().message()), path + ": " + c.reason);
        EXPECT_TRUE(ds.summary().files.empty());
        continue;
      }
      ASSERT_TRUE(s.ok()) << s.status();
      ASSERT_EQ(ds.rejects().size(), 1u);
      const Rejection& r = ds.rejects()[0];
      EXPECT_EQ(r.file, path);
      EXPECT_EQ(r.line, c.line);
      EXPECT_EQ(r.column, c.column);
      EXPECT_EQ(r.reason, c.reason);
      EXPECT_EQ(s->rows_rejected(), 1);
      EXPECT_EQ(s->files[0].rows_read, s->files[0].rows_kept + 1);
      // Strict mode stops at the same row with the same words.
      Dataset strict;
      o.strict = true;
      absl::StatusOr<LoadSummary> st = strict.load_file(*kind, path, o);
      ASSERT_FALSE(st.ok());
      EXPECT_NE(std::string(st.status().message()).find(c.reason), std::string::npos)
          << st.status();
    }
  }
}

}  // namespace
}  // namespace fazhi
