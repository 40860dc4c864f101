// The loader's files: what is not a regular file, a file without line
// breaks, a file refused among good ones, two names for one kind, and the
// text rules of records added one by one.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "fazhi/calendar.hpp"
#include "fazhi/dataset.hpp"
#include "fazhi/profile.hpp"

namespace fazhi {
namespace {

namespace fs = std::filesystem;

const std::string kMediation =
    "case_id,region,org_id,received_date,closed_date,outcome,major_group,category\n"
    "M1,440103,O1,2018-06-01,2018-06-15,success,false,邻里纠纷\n"
    "M2,440103,O1,2018-06-02,2018-06-16,success,false,邻里纠纷\n";

class LoaderFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("fazhi-loader-files-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& text) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  std::string Fifo(const std::string& name) {
    const std::string path = (dir_ / name).string();
    EXPECT_EQ(::mkfifo(path.c_str(), 0600), 0);
    return path;
  }
  fs::path dir_;
};

TEST_F(LoaderFiles, AFifoOrADeviceIsRefusedByEveryReader) {
  const std::string fifo = Fifo("pipe");
  absl::StatusOr<Profile> p = Profile::from_file(fifo);
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(p.status().message().find("a FIFO (named pipe), not a regular file"), std::string::npos)
      << p.status();
  Calendar cal = Calendar::national();
  absl::Status c = cal.merge_csv_file("/dev/zero");
  EXPECT_EQ(c.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(c.message().find("/dev/zero: a device, not a regular file"), std::string::npos) << c;
  Dataset ds;
  absl::StatusOr<LoadSummary> l = ds.load_file(RecordKind::kMediation, fifo);
  ASSERT_FALSE(l.ok());
  EXPECT_NE(l.status().message().find("not a regular file"), std::string::npos) << l.status();
}

TEST_F(LoaderFiles, AProfileLargerThanAProfileCanBeIsRefused) {
  const std::string path = Write("profile.json", "{}");
  ASSERT_EQ(::truncate(path.c_str(), 2 << 20), 0);  // 2 MiB, sparse
  absl::StatusOr<Profile> p = Profile::from_file(path);
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.status().message().find("larger than 1 MiB"), std::string::npos) << p.status();
}

TEST_F(LoaderFiles, ASparseFileOfZerosIsRefusedQuickly) {
  const std::string path = Write("mediation.csv", "");
  ASSERT_EQ(::truncate(path.c_str(), off_t{400} << 20), 0);  // 400 MiB of zeros, no disk
  const auto start = std::chrono::steady_clock::now();
  Dataset ds;
  absl::StatusOr<LoadSummary> l = ds.load_file(RecordKind::kMediation, path);
  const auto took = std::chrono::steady_clock::now() - start;
  ASSERT_FALSE(l.ok());
  EXPECT_EQ(l.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(l.status().message().find("no line break in its first"), std::string::npos) << l.status();
  EXPECT_NE(l.status().message().find("all zero bytes"), std::string::npos) << l.status();
  EXPECT_LT(took, std::chrono::seconds(2));
}

TEST_F(LoaderFiles, RowsThenZerosAreOneRejectedRow) {
  const std::string path = Write("mediation.csv", kMediation);
  ASSERT_EQ(::truncate(path.c_str(), off_t{64} << 20), 0);  // a zero-filled tail, as after a crash
  Dataset ds;
  LoadOptions options;
  options.encoding = Encoding::kUtf8;
  absl::StatusOr<LoadSummary> l = ds.load_file(RecordKind::kMediation, path, options);
  ASSERT_TRUE(l.ok()) << l.status();
  EXPECT_EQ(ds.mediation().size(), 2u);
  ASSERT_EQ(ds.rejects().size(), 1u);
  EXPECT_EQ(ds.rejects()[0].line, 4);
  // The tail is one row, too long and all zero bytes: the NUL is what tells
  // a clerk the file was zero-filled.
  EXPECT_EQ(ds.rejects()[0].reason, "holds a NUL byte (\\0), which no text may hold");
}

// A NUL byte in any field rejects its row, naming the column: a C string,
// Java or a database would cut the id there. Files read as UTF-8, as GB18030,
// and a caller's buffer alike; the rows around it are kept.
TEST_F(LoaderFiles, ARowWithANulByteIsRejectedNamingItsColumn) {
  std::string text =
      "case_id,region,org_id,received_date,closed_date,outcome,major_group,category\n"
      "M1,440103,O1,2018-06-01,2018-06-15,success,false,邻里纠纷\n"
      "M2@x,440103,O1,2018-06-02,2018-06-16,success,false,邻里纠纷\n"
      "M3,440103,O1,2018-06-02,2018-06-16,success,false,a@b\n";
  std::replace(text.begin(), text.end(), '@', '\0');
  const std::string gbk_header =  // 案件编号: case_id's Chinese alias, in GBK
      "\xb0\xb8\xbc\xfe\xb1\xe0\xba\xc5,region,org_id,received_date,closed_date,outcome,major_group,category\n";
  std::string gbk = gbk_header + text.substr(text.find('\n') + 1);
  for (size_t at; (at = gbk.find("邻里纠纷")) != std::string::npos;) {
    gbk.replace(at, std::string_view("邻里纠纷").size(), "\xc1\xda\xc0\xef\xbe\xc0\xb7\xd7");
  }
  for (const std::string& file : {text, gbk}) {
    Dataset ds;
    absl::StatusOr<LoadSummary> l = ds.load_file(RecordKind::kMediation, Write("mediation.csv", file));
    ASSERT_TRUE(l.ok()) << l.status();
    EXPECT_EQ(ds.mediation().size(), 1u);
    ASSERT_EQ(ds.rejects().size(), 2u);
    EXPECT_EQ(ds.rejects()[0].line, 3);
    EXPECT_EQ(ds.rejects()[0].column, "case_id");
    EXPECT_EQ(ds.rejects()[0].reason, "holds a NUL byte (\\0), which no text may hold");
    EXPECT_EQ(ds.rejects()[1].line, 4);
    EXPECT_EQ(ds.rejects()[1].column, "category");
    EXPECT_EQ(l->rows_read(), 3);
  }
  Dataset buffer;
  ASSERT_TRUE(buffer.load_buffer(RecordKind::kMediation, text, "export").ok());
  EXPECT_EQ(buffer.rejects().size(), 2u);
}

TEST_F(LoaderFiles, ABadFileIsRefusedAndTheOthersAreLoaded) {
  Write("mediation.csv", kMediation);
  Write("litigation.csv", "case_id,region\nL1,440103\n");
  Write("reconsideration.csv", "case_id\nR1\n");
  Dataset ds;
  absl::StatusOr<LoadSummary> l = ds.load_dir(dir_.string());
  ASSERT_TRUE(l.ok()) << l.status();
  EXPECT_EQ(ds.mediation().size(), 2u);
  EXPECT_EQ(l->files_refused(), 2);
  int refused = 0;
  for (const FileSummary& f : l->files) {
    if (f.refused.empty()) continue;
    ++refused;
    EXPECT_NE(f.refused.find("missing required column"), std::string::npos) << f.refused;
    EXPECT_NE(f.refused.find(f.file), std::string::npos) << f.refused;
  }
  EXPECT_EQ(refused, 2);
  // Strict: the first refusal fails the load, which keeps nothing.
  Dataset strict;
  LoadOptions options;
  options.strict = true;
  EXPECT_FALSE(strict.load_dir(dir_.string(), options).ok());
  EXPECT_EQ(strict.mediation().size(), 0u);
}

TEST_F(LoaderFiles, NamesThatDifferOnlyInCaseAreBothRefused) {
  Write("mediation.csv", kMediation);
  Write("Mediation.CSV", kMediation);
  Dataset ds;
  absl::StatusOr<LoadSummary> l = ds.load_dir(dir_.string());
  ASSERT_FALSE(l.ok());  // every file refused: the load fails, naming each
  EXPECT_EQ(l.status().code(), absl::StatusCode::kInvalidArgument);
  const std::string message(l.status().message());
  EXPECT_NE(message.find("/mediation.csv: another file holds mediation records too"), std::string::npos) << message;
  EXPECT_NE(message.find("/Mediation.CSV: another file holds mediation records too"), std::string::npos) << message;
  EXPECT_NE(message.find("the names differ only in case"), std::string::npos) << message;
  EXPECT_EQ(ds.mediation().size(), 0u);
}

TEST_F(LoaderFiles, AFifoOrADanglingLinkNamedLikeARecordFileIsRefused) {
  Write("mediation.csv", kMediation);
  Fifo("legal_aid.csv");
  ASSERT_EQ(::symlink((dir_ / "nowhere.csv").c_str(), (dir_ / "litigation.csv").c_str()), 0);
  Dataset ds;
  absl::StatusOr<LoadSummary> l = ds.load_dir(dir_.string());
  ASSERT_TRUE(l.ok()) << l.status();
  EXPECT_EQ(ds.mediation().size(), 2u);
  EXPECT_EQ(l->files_refused(), 2);
  std::string all;
  for (const FileSummary& f : l->files) all += f.refused + "\n";
  EXPECT_NE(all.find("legal_aid.csv: a FIFO (named pipe), not a regular file"), std::string::npos) << all;
  EXPECT_NE(all.find("litigation.csv: a link to a missing file"), std::string::npos) << all;
}

TEST_F(LoaderFiles, AnAddedRecordHoldsNoNulByteAndNoFieldOverOneMiB) {
  Dataset ds;
  MediationRecord r;
  r.case_id = std::string("M1\0X", 4);
  r.region = *RegionCode::parse("440103");
  r.org_id = "O1";
  r.received_date = Date(2018, 6, 1);
  r.closed_date = Date(2018, 6, 15);
  r.outcome = MediationOutcome::kSuccess;
  r.category = "邻里纠纷";
  absl::Status s = ds.add(r);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "case_id: holds a NUL byte");
  r.case_id = "M1";
  r.category = std::string((1 << 20) + 1, 'x');
  s = ds.add(r);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("longer than 1 MiB"), std::string::npos) << s;
  EXPECT_EQ(ds.mediation().size(), 0u);
  r.category = "邻里纠纷";
  EXPECT_TRUE(ds.add(r).ok());
}

}  // namespace
}  // namespace fazhi
