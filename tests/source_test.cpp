// source_test -- a record file's text on its way in (src/load/source.hpp):
// the guess of a range's rows looks at windows spread over the whole file,
// read into a buffer of their own, so that the text's pages are read in only
// as the parse comes to them.
#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "load/source.hpp"

namespace fazhi::internal {
namespace {

constexpr size_t kMiB = size_t{1} << 20;

// resident_bytes is the process's resident size now (VmRSS).
size_t resident_bytes() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.starts_with("VmRSS:")) return std::stoul(line.substr(6)) * 1024;
  }
  return 0;
}

class SourceOfAFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("fazhi-source-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // open writes `text` to a file and opens it as a Source reading from it.
  Source open(const std::string& text) {
    const std::string path = (dir_ / "mediation.csv").string();
    std::ofstream(path, std::ios::binary) << text;
    Source src;
    src.name = "mediation.csv";
    src.path = path;
    src.file = std::make_unique<FileText>();
    EXPECT_TRUE(src.file->open(path, src.name).ok());
    src.raw = src.file->bytes();
    src.text = src.raw;
    return src;
  }

 private:
  std::filesystem::path dir_;
};

TEST_F(SourceOfAFile, GuessingARangesRowsReadsNoneOfItsTextIn) {
  // 1,200,000 rows of 28 to 30 bytes: ~34 MB, far more than the windows.
  std::string text;
  constexpr size_t kRows = 1200000;
  for (size_t i = 0; i < kRows; ++i) absl::StrAppend(&text, "M", i, ",440111,2019-01-02,,\n");
  const Source src = open(text);
  const size_t before = resident_bytes();
  const size_t guess = guess_rows(src, 0, text.size());
  const size_t risen = resident_bytes() - before;
  // Sixteen windows read into the text's pages held 16 pieces (4 MiB), or
  // sixteen 2 MiB pages; one 64 KiB buffer is all a look needs.
  EXPECT_LT(risen, kMiB) << "resident size rose by " << risen / 1024 << " KiB";
  // The guess is close, with a little to spare.
  EXPECT_GE(guess, kRows);
  EXPECT_LE(guess, kRows + kRows / 32);
  // And the bytes the parse reads in are the file's.
  src.ensure(text.size() - 100, text.size());
  EXPECT_EQ(src.text.substr(text.size() - 100), std::string_view(text).substr(text.size() - 100));
}

TEST_F(SourceOfAFile, ASampleIsTheTextsBytesWhereverItIsTaken) {
  std::string text;
  for (int i = 0; i < 300000; ++i) absl::StrAppend(&text, "row ", i, "\n");
  const Source src = open(text);
  std::string buffer;
  for (const size_t at : {size_t{0}, size_t{777777}, text.size() - 10}) {
    EXPECT_EQ(src.sample(at, 64, buffer), std::string_view(text).substr(at, 64)) << at;
  }
  EXPECT_EQ(src.sample(text.size(), 64, buffer), "");
}

}  // namespace
}  // namespace fazhi::internal
