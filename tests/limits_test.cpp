// limits_test -- hostile input: huge fields, millions of columns, a file that
// is one quoted field, text that is neither UTF-8 nor GB18030, empty and
// unreadable files. Loading never crashes, the error or rejection says what
// is wrong where, and memory stays bounded: the resident size at its peak
// during the load rises by far less than the input (PeakMeter).
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "absl/strings/str_cat.h"
#include "load/encoding.hpp"
#include "fazhi/dataset.hpp"

namespace fazhi {
namespace {

namespace fs = std::filesystem;

constexpr size_t kMiB = size_t{1} << 20;
const std::string kHeader = "case_id,region,received_date,closed_date,outcome\n";

// AddressSanitizer touches shadow memory (an eighth of each allocation) and
// keeps freed blocks in quarantine: its builds get this much more room.
#if defined(__SANITIZE_ADDRESS__)
constexpr size_t kSanitizerSlack = 48 * kMiB;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr size_t kSanitizerSlack = 48 * kMiB;
#else
constexpr size_t kSanitizerSlack = 0;
#endif
#else
constexpr size_t kSanitizerSlack = 0;
#endif

// status_kib reads one "Vm...:  N kB" line of /proc/self/status; 0 if none.
size_t status_kib(std::string_view field) {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.starts_with(field)) return std::stoul(line.substr(field.size())) * 1024;
  }
  return 0;
}

// PeakMeter measures how far the resident size rises above where it stood
// when the meter was made. Linux resets the peak (VmHWM) on a write of "5"
// to /proc/self/clear_refs, so the peak read is the load's alone and not one
// left by building its input; where that cannot be done, the process's peak
// so far is the baseline, and a rise below it goes unseen.
class PeakMeter {
 public:
  PeakMeter() {
    std::ofstream clear("/proc/self/clear_refs");
    clear << "5";
    clear.flush();
    reset_ = clear.good();
    before_ = reset_ ? status_kib("VmRSS:") : PeakRssBytes();
  }
  size_t risen() const {
    const size_t peak = reset_ ? status_kib("VmHWM:") : PeakRssBytes();
    return peak > before_ ? peak - before_ : 0;
  }

 private:
  static size_t PeakRssBytes() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<size_t>(u.ru_maxrss) * 1024;
  }
  bool reset_ = false;
  size_t before_ = 0;
};

// Load loads `text` as mediation rows and checks that the peak resident size
// rose by less than `bound` bytes.
absl::StatusOr<LoadSummary> Load(Dataset& ds, const std::string& text, size_t bound,
                                 int threads = 2) {
  LoadOptions o;
  o.threads = threads;
  const PeakMeter meter;
  absl::StatusOr<LoadSummary> s = ds.load_buffer(RecordKind::kMediation, text, "hostile.csv", o);
  const size_t grown = meter.risen();
  EXPECT_LT(grown, bound + kSanitizerSlack) << "peak resident size rose by " << grown / kMiB << " MiB";
  for (const Rejection& r : ds.rejects()) {
    EXPECT_LE(r.raw.size(), kMaxRawText);
    EXPECT_TRUE(internal::is_valid_utf8(r.raw));
  }
  return s;
}

TEST(Limits, AHugeFieldIsARejectedRowAndIsNeverBuffered) {
  std::string text = kHeader + "M1,440111,2019-01-02,,\nM2,440111,2019-01-02,,";
  text.append(64 * kMiB, 'x');
  text += "\nM3,440111,2019-01-03,,\n";
  Dataset ds;
  absl::StatusOr<LoadSummary> s = Load(ds, text, 8 * kMiB);
  ASSERT_TRUE(s.ok()) << s.status();
  ASSERT_EQ(ds.rejects().size(), 1u);
  EXPECT_EQ(ds.rejects()[0].line, 3);
  EXPECT_EQ(ds.rejects()[0].column, "outcome");
  EXPECT_EQ(ds.rejects()[0].reason, "field longer than 1 MiB");
  EXPECT_EQ(ds.mediation().size(), 2u);
}

TEST(Limits, AFileThatIsOneQuotedFieldIsOneClearRejection) {
  // The header, then a quote that never closes: 64 MiB of lines inside it.
  std::string body;
  while (body.size() < 64 * kMiB) body += "M1,440111,2019-01-02,,\n";
  const std::string text = kHeader + "\"" + body;
  Dataset ds;
  absl::StatusOr<LoadSummary> s = Load(ds, text, 8 * kMiB);
  ASSERT_TRUE(s.ok()) << s.status();
  ASSERT_EQ(ds.rejects().size(), 1u);
  EXPECT_EQ(ds.rejects()[0].line, 2);
  EXPECT_EQ(ds.rejects()[0].reason, "unterminated quoted field (its closing quote is missing)");
  EXPECT_EQ(s->files[0].rows_read, 1);

  // Without a header: the file is refused, and says why.
  Dataset whole;
  std::string quoted = "\"";
  quoted += body;
  absl::StatusOr<LoadSummary> h = Load(whole, quoted, 8 * kMiB);
  ASSERT_FALSE(h.ok());
  EXPECT_EQ(h.status().message(), "hostile.csv:1: bad header: unterminated quoted field (its "
                                  "closing quote is missing)");
}

TEST(Limits, ManyLineFeedsDoNotReserveRowsThatCannotExist) {
  // 64 Mi line feeds inside one quoted field: one row, not 64 Mi.
  std::string text = kHeader + "M1,440111,2019-01-02,,\"";
  text.append(64 * kMiB, '\n');
  text += "\"\n";
  Dataset ds;
  absl::StatusOr<LoadSummary> s = Load(ds, text, 8 * kMiB, 1);
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(ds.rejects().size(), 1u);
  EXPECT_LT(ds.memory_usage().columns, kMiB);
}

TEST(Limits, MillionsOfColumnsAreABadRowOrABadHeader) {
  std::string wide = "M1,440111,2019-01-02,,";
  for (int i = 0; i < 300000; ++i) wide += ",";  // 300,005 fields in 300 KB
  std::string huge;
  for (int i = 0; i < 3000000; ++i) huge += "a,";  // 3 million fields in 6 MB
  Dataset ds;
  absl::StatusOr<LoadSummary> s =
      Load(ds, kHeader + wide + "\n" + huge + "\nM2,440111,2019-01-02,,\n", 16 * kMiB);
  ASSERT_TRUE(s.ok()) << s.status();
  ASSERT_EQ(ds.rejects().size(), 2u);
  EXPECT_EQ(ds.rejects()[0].reason, "expected 5 fields as in the header, found 300005");
  EXPECT_EQ(ds.rejects()[1].reason, "row longer than 1 MiB");
  EXPECT_EQ(ds.mediation().size(), 1u);

  Dataset header;
  absl::StatusOr<LoadSummary> h = Load(header, huge + "\n", 16 * kMiB);
  ASSERT_FALSE(h.ok());
  EXPECT_EQ(h.status().message(), "hostile.csv:1: bad header: row longer than 1 MiB");
}

TEST(Limits, TextNeitherUtf8NorGb18030IsRefusedOrRejectedClearly) {
  std::mt19937 random(8);
  std::string noise;
  for (size_t i = 0; i < 4 * kMiB; ++i) noise += static_cast<char>(0x80 | (random() & 0x7F));
  Dataset ds;
  absl::StatusOr<LoadSummary> s = Load(ds, noise, 64 * kMiB);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("hostile.csv:1: neither UTF-8 nor GB18030"),
            std::string::npos)
      << s.status();

  // A good header over noisy rows: each row with bad bytes is rejected.
  std::string rows = kHeader;
  for (int i = 0; i < 20000; ++i) {
    absl::StrAppend(&rows, "M", i, ",440111,2019-01-02,,",
                    i % 3 == 0 ? noise.substr(static_cast<size_t>(i) * 7, 40) : "success", "\n");
  }
  Dataset mixed;
  absl::StatusOr<LoadSummary> m = Load(mixed, rows, 64 * kMiB);
  ASSERT_TRUE(m.ok()) << m.status();
  EXPECT_EQ(m->files[0].rows_read, 20000);
  EXPECT_EQ(m->files[0].rows_read, m->files[0].rows_kept + m->files[0].rows_rejected);
  EXPECT_GT(m->files[0].rows_rejected, 0);
}

TEST(Limits, AnEmptyFileIsRefusedWithItsName) {
  Dataset ds;
  absl::StatusOr<LoadSummary> s = ds.load_buffer(RecordKind::kMediation, "", "empty.csv");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().message(), "empty.csv: no header row (empty file)");
  absl::StatusOr<LoadSummary> blank =
      ds.load_buffer(RecordKind::kMediation, "\n \r\n\t\n", "blank.csv");
  ASSERT_FALSE(blank.ok());
  EXPECT_EQ(blank.status().message(), "blank.csv: no header row (empty file)");
  EXPECT_TRUE(ds.summary().files.empty());
}

TEST(Limits, AFolderOfUnreadableFilesFailsClearlyOrIsNoticed) {
  const fs::path dir = fs::temp_directory_path() / "fazhi-limits-unreadable";
  fs::remove_all(dir);
  fs::create_directories(dir / "litigation.csv");  // a folder with a record file's name
  fs::create_symlink(dir / "nowhere.csv", dir / "registry.csv");  // dangling
  ASSERT_EQ(mkfifo((dir / "activity.csv").c_str(), 0600), 0);  // never opened: would block
  Dataset ds;
  absl::StatusOr<LoadSummary> s = ds.load_dir(dir.string());
  // The folder is ignored; the FIFO and the dangling link are refused, each
  // saying what it is, and with no other file the load fails.
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("registry.csv: a link to a missing file"), std::string::npos)
      << s.status();
  EXPECT_NE(s.status().message().find("activity.csv: a FIFO (named pipe), not a regular file"),
            std::string::npos)
      << s.status();
  fs::remove(dir / "registry.csv");
  fs::remove(dir / "activity.csv");

  // A record file that cannot be opened fails the load, naming it. (root
  // reads any file, so the permission case runs only for other users.)
  std::ofstream(dir / "mediation.csv") << kHeader;
  fs::permissions(dir / "mediation.csv", fs::perms::none);
  Dataset locked;
  absl::StatusOr<LoadSummary> l = locked.load_dir(dir.string());
  if (geteuid() != 0) {
    ASSERT_FALSE(l.ok());
    EXPECT_EQ(l.status().code(), absl::StatusCode::kUnavailable);
    EXPECT_NE(l.status().message().find("mediation.csv: cannot open: Permission denied"),
              std::string::npos)
        << l.status();
    EXPECT_TRUE(locked.summary().files.empty());
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace fazhi
