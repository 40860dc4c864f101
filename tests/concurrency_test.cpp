// concurrency_test -- one loaded dataset read by many threads at once, and
// separate C ABI handles used by separate threads at once (capi/fazhi.h's thread
// safety promise). Every result is compared with the same work done on one
// thread first, so a race shows as a wrong figure here and as a report under
// ThreadSanitizer (scripts/test.sh builds this test with FAZHI_SANITIZE=thread).
#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "fazhi.h"
#include "fazhi/dataset.hpp"
#include "fazhi/metrics.hpp"
#include "fazhi/profile.hpp"
#include "fazhi/report.hpp"

namespace fazhi {
namespace {

const std::string kRollup = std::string(FAZHI_TEST_DATA_DIR) + "/rollup-small";
constexpr int kThreads = 8;

// A piece of work a reader thread does: one region, one period, one profile.
struct Job {
  const char* region;
  int year;
  bool custom_profile;
};
const Job kJobs[] = {
    {"440103", 2019, false}, {"440104", 2019, true},  {"440100", 2019, false},
    {"440203", 2019, true},  {"440200", 2018, false}, {"440000", 2019, true},
    {"440000", 2018, false}, {"440103", 2018, true},
};

Profile CustomProfile() {
  return *Profile::from_json(
      R"({"rounding": "half_even", "percent_decimals": 1, "correction_basis": "accepted"})");
}

// Render is every rendering of one job's report, concatenated.
std::string Render(const Dataset& ds, const Job& job) {
  const Profile profile = job.custom_profile ? CustomProfile() : Profile{};
  absl::StatusOr<Report> r =
      compute_report(ds, *RegionCode::parse(job.region), year_period(job.year), profile);
  if (!r.ok()) return "error: " + std::string(r.status().message());
  return to_json(*r) + render_table(*r, TableFormat::kText) +
         render_table(*r, TableFormat::kMarkdown) + render_narrative(*r);
}

TEST(Concurrency, ManyThreadsComputeDifferentReportsFromOneDataset) {
  Dataset ds;
  LoadOptions o;
  o.threads = 2;
  ASSERT_TRUE(ds.load_dir(kRollup, o).ok());
  std::vector<std::string> want;
  for (const Job& job : kJobs) want.push_back(Render(ds, job));
  absl::StatusOr<std::string> all_want = all_reports_json(ds, year_period(2019), {},
                                                          Calendar::national(), 1);
  ASSERT_TRUE(all_want.ok());

  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 6; ++i) {
        const size_t j = static_cast<size_t>(t + i) % std::size(kJobs);
        if (Render(ds, kJobs[j]) != want[j]) ++wrong;
        if (i == t % 6) {  // now and then, every region at once, itself threaded
          absl::StatusOr<std::string> all =
              all_reports_json(ds, year_period(2019), {}, Calendar::national(), 2);
          if (!all.ok() || *all != *all_want) ++wrong;
        }
        // Reading the dataset's own tables while others compute.
        if (ds.rejects().size() != 0 || ds.regions().empty()) ++wrong;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(wrong.load(), 0);
}

// Every region's report computed on two threads (the record pass split by
// rows, the regions' figures shared out in tasks) equals the one-thread
// result, on a dataset with enough regions (300 districts in 6 cities of 2
// provinces) that both threads get regions to assemble.
TEST(Concurrency, AllRegionsOnTwoThreadsEqualsOneThread) {
  Dataset ds;
  int id = 0;
  for (int province : {44, 45}) {
    for (int city = 1; city <= 3; ++city) {
      for (int district = 1; district <= 50; ++district) {
        const RegionCode region = *RegionCode::parse(std::to_string(province * 10000 + city * 100 + district));
        for (int k = 0; k < 4; ++k) {
          const Date day = Date(2018 + k % 2, 1 + (district + k) % 12, 1 + (city * 7 + k) % 28);
          ReconsiderationRecord r;
          r.case_id = "FY-" + std::to_string(++id);
          r.region = region;
          r.received_date = day;
          r.accepted_date = day + boost::gregorian::days(3);
          r.closed_date = day + boost::gregorian::days(20 + district + k);
          r.disposition = k % 2 == 0 ? Disposition::kUpheld : Disposition::kRevoked;
          ASSERT_TRUE(ds.add(r).ok());
          LegalAidRecord a;
          a.case_id = "FA-" + std::to_string(id);
          a.region = region;
          a.applied_date = day;
          a.decided_date = day + boost::gregorian::days(1);
          a.decision = AidDecision::kGranted;
          a.accepted_date = a.decided_date;
          a.assigned_date = day + boost::gregorian::days(2);
          a.assignment_method = AssignmentMethod::kLottery;
          a.lawyer_id = "L" + std::to_string(province * 100 + city) + "-" + std::to_string((district + k) % 7);
          ASSERT_TRUE(ds.add(a).ok());
        }
      }
    }
  }
  absl::StatusOr<std::string> one = all_reports_json(ds, year_period(2019), {}, Calendar::national(), 1);
  absl::StatusOr<std::string> two = all_reports_json(ds, year_period(2019), {}, Calendar::national(), 2);
  ASSERT_TRUE(one.ok()) << one.status();
  ASSERT_TRUE(two.ok()) << two.status();
  EXPECT_EQ(*one, *two);
  EXPECT_NE(one->find("\"440150\""), std::string::npos);  // a district
  EXPECT_NE(one->find("\"450000\""), std::string::npos);  // a province
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// CApiWork loads the rollup through its own handle (a buffer, a file, records
// and a folder, by thread) and returns the JSON of one report, or an error.
std::string CApiWork(int t, const std::string& litigation_csv) {
  fz_dataset_options o = FZ_DATASET_OPTIONS_INIT;
  o.threads = 1 + t % 2;
  fz_dataset* ds = nullptr;
  if (fz_dataset_create(&ds, &o) != FZ_OK) return "create failed";
  fz_status st = FZ_OK;
  if (t % 2 == 0) {
    st = fz_dataset_load_dir(ds, kRollup.c_str(), nullptr);
  } else {
    st = fz_dataset_load_csv_buffer(ds, FZ_KIND_LITIGATION, litigation_csv.data(),
                                    litigation_csv.size(), nullptr);
    fz_regions_record r = FZ_REGIONS_RECORD_INIT;
    r.region = "440103";
    r.name = "荔湾区";
    if (st == FZ_OK) st = fz_dataset_add_regions(ds, &r);
  }
  std::string out;
  // An error on this thread leaves the other threads' messages alone.
  fz_report* none = nullptr;
  if (fz_report_compute(&none, ds, "990000", "2019-01-01", "2019-12-31", nullptr) == FZ_OK ||
      std::string(fz_last_error_message()).find("990000") == std::string::npos) {
    out = "error message lost: ";
  }
  fz_report* rep = nullptr;
  if (st == FZ_OK) st = fz_report_compute(&rep, ds, "440103", "2019-01-01", "2019-12-31", nullptr);
  char* json = nullptr;
  size_t len = 0;
  if (st == FZ_OK) st = fz_report_to_json(rep, &json, &len);
  char* text = nullptr;
  if (st == FZ_OK) st = fz_report_narrative(rep, &text, nullptr);
  if (st == FZ_OK) {
    out += std::string(json, len);
  } else {
    out += fz_last_error_message();
  }
  fz_free(json);
  fz_free(text);
  fz_report_free(rep);
  fz_dataset_free(ds);
  return out;
}

TEST(Concurrency, SeparateThreadsUseSeparateCApiHandles) {
  const std::string litigation = ReadFile(kRollup + "/litigation.csv");
  const std::string want_dir = CApiWork(0, litigation);
  const std::string want_buffer = CApiWork(1, litigation);
  ASSERT_EQ(want_dir.find("error"), std::string::npos) << want_dir;
  ASSERT_EQ(want_buffer.find("error"), std::string::npos) << want_buffer;
  std::vector<std::string> got(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 3; ++i) got[static_cast<size_t>(t)] = CApiWork(t, litigation);
    });
  }
  for (std::thread& t : threads) t.join();
  for (int t = 0; t < kThreads; ++t) {
    EXPECT_EQ(got[static_cast<size_t>(t)], t % 2 == 0 ? want_dir : want_buffer) << "thread " << t;
  }
}

}  // namespace
}  // namespace fazhi
