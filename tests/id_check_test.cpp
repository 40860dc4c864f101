// id_check_test.cpp -- the duplicate-id check of ids in no order: distinct
// ids found so by their fingerprints (ids_distinct in src/load/range.hpp),
// ids that share a fingerprint compared as text, and every repeat rejected
// on its own line, whatever the order of ids and rows; and a load that
// seals the dataset (LoadOptions::seal), which drops the index early.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/hash/hash.h"
#include "absl/strings/str_cat.h"
#include "fazhi/dataset.hpp"
#include "load/store.hpp"

namespace fazhi {
namespace {

// seal: as the command line loads, sealing and keeping no ids, so that each
// kind's ids are let go of as soon as they are checked.
absl::StatusOr<LoadSummary> LoadMediation(Dataset& ds, const std::string& text, int threads,
                                          const std::string& name, bool seal = false) {
  LoadOptions o;
  o.threads = threads;
  o.seal = seal;
  o.keep_ids = !seal;
  return ds.load_buffer(RecordKind::kMediation, text, name, o);
}

// Unpadded ids (C0, C1, ..., C99999) in no order: 7919 is prime, so i * 7919
// mod kRows visits every number once.
constexpr int kRows = 150000;
std::string UnpaddedId(int i) { return absl::StrCat("C", (int64_t{i} * 7919) % kRows); }

// TinyFingerprint has 4,096 values, so ids share fingerprints by the dozen
// (0 among them, which the check's table keeps apart).
uint64_t TinyFingerprint(uint32_t, std::string_view id) { return absl::HashOf(id) & 0xFFF; }

// FingerprintOverride sets a fingerprint for the scope of a test.
class FingerprintOverride {
 public:
  explicit FingerprintOverride(internal::IdFingerprintFn f) { internal::id_fingerprint_override = f; }
  ~FingerprintOverride() { internal::id_fingerprint_override = nullptr; }
  FingerprintOverride(const FingerprintOverride&) = delete;
  FingerprintOverride& operator=(const FingerprintOverride&) = delete;
};

// Distinct ids in no order are found distinct without an index (its slots
// would be 8 bytes an id or more), and a later load and a later record are
// still checked against every one of them, with the fingerprint Abseil gives
// and with one that makes thousands of different ids share fingerprints.
TEST(IdCheck, DistinctIdsInNoOrderNeedNoIndexUntilMoreArrive) {
  std::string text = "case_id,region,received_date\n";
  for (int i = 0; i < kRows; ++i) absl::StrAppend(&text, UnpaddedId(i), ",440111,2019-01-01\n");
  const size_t slots = kRows * sizeof(uint64_t);
  for (const internal::IdFingerprintFn fingerprint : {internal::IdFingerprintFn{nullptr}, &TinyFingerprint}) {
    const FingerprintOverride with(fingerprint);
    for (int threads : {1, 2}) {
      Dataset ds;
      absl::StatusOr<LoadSummary> s = LoadMediation(ds, text, threads, "a.csv");
      ASSERT_TRUE(s.ok()) << s.status();
      EXPECT_TRUE(ds.rejects().empty()) << ds.rejects().front().reason;
      EXPECT_EQ(ds.mediation().size(), size_t{kRows});
      EXPECT_LT(ds.memory_usage().id_index, slots) << threads;

      s = LoadMediation(ds, "case_id,region,received_date\nN1,440111,2019-01-01\nC4711,440111,2019-01-01\n",
                        threads, "b.csv");
      ASSERT_TRUE(s.ok()) << s.status();
      ASSERT_EQ(ds.rejects().size(), 1u);
      EXPECT_EQ(ds.rejects()[0].file, "b.csv");
      EXPECT_EQ(ds.rejects()[0].line, 3);
      EXPECT_EQ(ds.rejects()[0].reason, "duplicate case_id 'C4711' in region 440111");
      MediationRecord again;
      again.case_id = "C149999";
      again.region = RegionCode::parse("440111").value();
      again.received_date = Date(2019, 1, 1);
      EXPECT_EQ(ds.add(again).message(), "case_id: duplicate case_id 'C149999' in region 440111");
    }
  }
}

// Repeats of unpadded ids in no order, some far from their first (across
// the two ranges of a two-thread load), some of ids that share their
// fingerprint with other ids: each repeat is rejected on its own line, with
// its file, column and id, and the same id in another region is no repeat.
TEST(IdCheck, RepeatsInNoOrderAreRejectedOnTheirLines) {
  std::string text = "case_id,region,received_date\n";
  std::vector<std::pair<std::string, std::string>> rows;  // id, region
  for (int i = 0; i < kRows; ++i) {
    std::string id = UnpaddedId(i);
    if (i % 1009 == 7) id = UnpaddedId(i % 2 == 0 ? i - 5 : kRows - 1 - i);  // near, or far (either side)
    if (i == kRows - 1) id = UnpaddedId(0);  // the id of the first row, in another region
    rows.emplace_back(id, i == kRows - 1 ? "440112" : "440111");
    absl::StrAppend(&text, rows.back().first, ",", rows.back().second, ",2019-01-01\n");
  }
  // The row rejected is each (id, region) after its first, on its line.
  std::vector<std::pair<int64_t, std::string>> want;  // line, id
  std::set<std::pair<std::string, std::string>> seen;
  for (size_t i = 0; i < rows.size(); ++i) {
    if (!seen.insert(rows[i]).second) want.emplace_back(static_cast<int64_t>(i) + 2, rows[i].first);
  }
  ASSERT_GT(want.size(), 100u);
  for (const internal::IdFingerprintFn fingerprint : {internal::IdFingerprintFn{nullptr}, &TinyFingerprint}) {
    const FingerprintOverride with(fingerprint);
    for (const auto [threads, seal] : {std::pair{1, false}, {2, false}, {1, true}, {2, true}}) {
      Dataset ds;
      absl::StatusOr<LoadSummary> s = LoadMediation(ds, text, threads, "a.csv", seal);
      ASSERT_TRUE(s.ok()) << s.status();
      std::vector<std::pair<int64_t, std::string>> got;
      for (const Rejection& r : ds.rejects()) {
        EXPECT_EQ(r.file, "a.csv");
        EXPECT_EQ(r.column, "case_id");
        EXPECT_EQ(r.code, RejectCode::kDuplicate);
        const std::string_view prefix = "duplicate case_id '";
        ASSERT_EQ(r.reason.substr(0, prefix.size()), prefix) << r.reason;
        EXPECT_EQ(r.reason.substr(r.reason.size() - std::string_view("' in region 440111").size()),
                  "' in region 440111");
        got.emplace_back(r.line, r.reason.substr(prefix.size(), r.reason.find('\'', prefix.size()) - prefix.size()));
      }
      EXPECT_EQ(got, want) << threads << (seal ? ", sealed" : "");
      EXPECT_EQ(ds.mediation().size(), kRows - want.size());
    }
  }
}

// A file of tens of MB is read a piece at a time, each 2 MiB page given
// back once parsed and its memory taken over by a page read later
// (FileText): the rows of repeats far from their first are read again after
// that, and the raw text of each rejection must be the file's, as a load of
// the same text from memory (never given back) gives it.
TEST(IdCheck, RepeatsFarApartInALargeFileAreReadAgainAsWritten) {
  constexpr int kLarge = 900000;  // ~30 MB
  std::string text = "case_id,region,received_date,closed_date\n";
  for (int i = 0; i < kLarge; ++i) {
    // Every 9973rd row repeats the id of a row ~600,000 rows (~20 MB) back.
    const int of = i % 9973 == 5 && i > 600000 ? i - 600000 + 11 * (i % 7) : i;
    absl::StrAppend(&text, "M", (int64_t{of} * 7919) % kLarge, ",440111,2019-0", 1 + i % 9, "-1", i % 10,
                    i % 3 == 0 ? ",2019-12-31" : ",", "\n");
  }
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("fazhi-large-file-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "mediation.csv").string();
  std::ofstream(path, std::ios::binary) << text;
  for (const auto [threads, seal] : {std::pair{1, false}, {2, true}}) {
    Dataset from_memory, from_file;
    ASSERT_TRUE(LoadMediation(from_memory, text, threads, path, seal).ok());
    LoadOptions o;
    o.threads = threads;
    o.seal = seal;
    o.keep_ids = !seal;
    absl::StatusOr<LoadSummary> s = from_file.load_dir(dir.string(), o);
    ASSERT_TRUE(s.ok()) << s.status();
    ASSERT_GT(from_memory.rejects().size(), 20u);
    ASSERT_EQ(from_file.rejects().size(), from_memory.rejects().size()) << threads;
    for (size_t k = 0; k < from_file.rejects().size(); ++k) {
      const Rejection& a = from_file.rejects()[k];
      const Rejection& b = from_memory.rejects()[k];
      EXPECT_EQ(a.line, b.line);
      EXPECT_EQ(a.reason, b.reason);
      EXPECT_EQ(a.raw, b.raw) << "line " << a.line;
    }
    EXPECT_EQ(from_file.mediation().size(), from_memory.mediation().size());
    EXPECT_EQ(from_file.mediation().received, from_memory.mediation().received);
    EXPECT_EQ(from_file.mediation().closed, from_memory.mediation().closed);
  }
  std::filesystem::remove_all(dir);
}

// A sealing load checks its own ids like any other, then seals the
// dataset; one that fails (strict, a repeated id) leaves it open and whole.
TEST(IdCheck, ASealingLoadSealsOnlyWhenItSucceeds) {
  const std::string text = "case_id,region,received_date\nB,440111,2019-01-01\nA,440111,2019-01-01\n";
  LoadOptions o;
  o.seal = true;
  o.strict = true;
  Dataset ds;
  absl::StatusOr<LoadSummary> s =
      ds.load_buffer(RecordKind::kMediation, text + "B,440111,2019-01-01\n", "a.csv", o);
  EXPECT_EQ(s.status().message(), "a.csv:4: case_id: duplicate case_id 'B' in region 440111");
  EXPECT_EQ(ds.mediation().size(), 0u);
  s = ds.load_buffer(RecordKind::kMediation, text, "b.csv", o);
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(ds.mediation().size(), 2u);
  EXPECT_EQ(ds.memory_usage().id_index, 0u);
  s = ds.load_buffer(RecordKind::kMediation, "case_id,region,received_date\nC,440111,2019-01-01\n", "c.csv");
  EXPECT_EQ(s.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(ds.mediation().size(), 2u);
}

}  // namespace
}  // namespace fazhi
