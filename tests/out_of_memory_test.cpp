// Memory running out at every allocation of a load, an add and a seal, in
// turn: this program's operator new throws std::bad_alloc at its n-th call
// for n = 0, 1, ... until the operation no longer allocates that many times.
// Each time the dataset is either as it was (a second try takes every row,
// none as a duplicate of a row that was lost) or refused as damaged, by
// loads and reports alike; never half there.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>
#include <string>

#include "absl/strings/str_cat.h"
#include "fazhi/dataset.hpp"
#include "fazhi/records.hpp"
#include "fazhi/report.hpp"
#include "load/iso_date.hpp"

namespace {
// Allocations left before the one that fails; negative: none fails.
std::atomic<long> g_allocations_left{-1};
}  // namespace

void* operator new(std::size_t size) {
  if (g_allocations_left.load(std::memory_order_relaxed) >= 0 && g_allocations_left.fetch_sub(1) == 0) {
    throw std::bad_alloc();
  }
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
// GCC takes the free() of a pointer from operator new for a mismatch; here
// the two are the pair.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
#pragma GCC diagnostic pop

namespace fazhi {
namespace {

constexpr char kHeader[] =
    "case_id,region,applied_date,decided_date,decision,accepted_date,case_type,assigned_date,"
    "lawyer_id,firm_id,assignment_method,commitment,closed_date,recovered_amount\n";

// rows writes legal-aid cases first .. end - 1 in two districts, each with
// a firm of its own (so that a load adds to the text dictionary).
std::string rows(int first, int end) {
  std::string csv = kHeader;
  for (int i = first; i < end; ++i) {
    absl::StrAppend(&csv, "FA-", i, ",", i % 2 == 0 ? "440111" : "440112",
                    ",2019-04-08,2019-04-09,granted,2019-04-09,civil,2019-04-10,L", i % 7, ",F", i,
                    ",lottery,false,2019-08-01,", 100 + i, ".50\n");
  }
  return csv;
}

int64_t accepted_in_guangzhou(const Dataset& ds) {
  absl::StatusOr<Report> r = compute_report(ds, *RegionCode::parse("440100"), year_period(2019));
  EXPECT_TRUE(r.ok()) << r.status();
  return r.ok() ? r->find("legal_aid.accepted")->value.integer : -1;
}

// The code lookups are built before main: parse_code, which is noexcept,
// allocates nothing, even the first time a process calls it (ctest runs
// each test in a process of its own), so memory running out mid-load fails
// the load instead of terminating the program.
TEST(OutOfMemory, ParseCodeAllocatesNothingTheFirstTime) {
  g_allocations_left = 0;
  const std::optional<AssignmentMethod> m = parse_code<AssignmentMethod>("lottery");
  const std::optional<Disposition> d = parse_code<Disposition>("撤销");
  g_allocations_left = -1;
  EXPECT_EQ(m, AssignmentMethod::kLottery);
  EXPECT_EQ(d, Disposition::kRevoked);
}

// cut_short runs `step` with the n-th allocation failing, for n = 0, 1, ...
// until the step makes fewer than n + 1; `check` looks at the dataset after
// each failure that reached the caller. Some failures are recovered from
// by design (a worker thread not started leaves its share to the others; a
// sort's buffer from the nothrow operator new): the step then succeeds. It
// returns how many failures reached the caller.
template <typename Prepare, typename Step, typename Check>
long cut_short(Prepare prepare, Step step, Check check) {
  long thrown = 0;
  for (long n = 0;; ++n) {
    Dataset ds;
    prepare(ds);
    bool threw = false;
    g_allocations_left = n;
    try {
      step(ds);
    } catch (const std::bad_alloc&) {
      threw = true;
    }
    const bool failed = g_allocations_left.exchange(-1) < 0;
    if (!failed) return thrown;
    if (!threw) continue;
    ++thrown;
    SCOPED_TRACE(absl::StrCat("allocation ", n, " failed"));
    check(ds);
    if (::testing::Test::HasFailure()) return thrown;
  }
}

void expect_refused(const Dataset& ds) {
  EXPECT_EQ(ds.check_whole().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(compute_report(ds, *RegionCode::parse("440100"), year_period(2019)).status().code(),
            absl::StatusCode::kFailedPrecondition);
}

// The loaders' month table is built at the first ISO date read, inside
// noexcept code: it must take no memory (each test runs in a process of its
// own, so this is that first date).
TEST(OutOfMemory, TheFirstDateReadNeedsNoMemory) {
  g_allocations_left.store(0);
  DayNumber day = 0;
  const bool read = internal::parse_iso_day("2019-03-05", day);
  g_allocations_left.store(-1);
  EXPECT_TRUE(read);
  EXPECT_EQ(day, to_day_number(Date(2019, 3, 5)));
}

TEST(OutOfMemory, ALoadCutShortLeavesTheDatasetAsItWasOrRefused) {
  const std::string first = rows(0, 40), second = rows(40, 1000);
  long refused = 0;
  const long failures = cut_short(
      [&](Dataset& ds) { ASSERT_TRUE(ds.load_buffer(RecordKind::kLegalAid, first, "first.csv").ok()); },
      [&](Dataset& ds) { (void)ds.load_buffer(RecordKind::kLegalAid, second, "second.csv"); },
      [&](Dataset& ds) {
        if (!ds.check_whole().ok()) {
          ++refused;
          expect_refused(ds);
          EXPECT_EQ(ds.load_buffer(RecordKind::kLegalAid, second, "second.csv").status().code(),
                    absl::StatusCode::kFailedPrecondition);
          return;
        }
        EXPECT_EQ(ds.legal_aid().size(), 40u);
        absl::StatusOr<LoadSummary> again = ds.load_buffer(RecordKind::kLegalAid, second, "second.csv");
        ASSERT_TRUE(again.ok()) << again.status();
        EXPECT_EQ(again->rows_rejected(), 0);
        EXPECT_EQ(accepted_in_guangzhou(ds), 1000);
      });
  EXPECT_GT(failures, 20);  // the load allocates; each allocation was made to fail once
  EXPECT_GT(refused, 0);    // and some failed in the commit
}

TEST(OutOfMemory, AnAddCutShortLeavesTheDatasetAsItWasOrRefused) {
  LegalAidRecord r;
  r.case_id = "FA-ADDED";
  r.region = *RegionCode::parse("440111");
  r.applied_date = Date(2019, 4, 8);
  r.decided_date = Date(2019, 4, 9);
  r.decision = AidDecision::kGranted;
  r.accepted_date = Date(2019, 4, 9);
  const std::string first = rows(0, 40);
  cut_short([&](Dataset& ds) { ASSERT_TRUE(ds.load_buffer(RecordKind::kLegalAid, first, "first.csv").ok()); },
            [&](Dataset& ds) { (void)ds.add(r); },
            [&](Dataset& ds) {
              if (!ds.check_whole().ok()) return expect_refused(ds);
              EXPECT_EQ(ds.legal_aid().size(), 40u);
              EXPECT_TRUE(ds.add(r).ok());
              EXPECT_EQ(accepted_in_guangzhou(ds), 41);
            });
}

TEST(OutOfMemory, ASealCutShortLeavesTheDatasetRefused) {
  const std::string first = rows(0, 40), second = rows(40, 100);
  cut_short(
      [&](Dataset& ds) {
        ASSERT_TRUE(ds.load_buffer(RecordKind::kLegalAid, first, "first.csv").ok());
        ASSERT_TRUE(ds.load_buffer(RecordKind::kLegalAid, second, "second.csv").ok());
      },
      [&](Dataset& ds) { ds.seal(); }, [&](Dataset& ds) { expect_refused(ds); });
}

}  // namespace
}  // namespace fazhi
