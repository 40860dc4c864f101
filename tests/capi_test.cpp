// The C ABI's promises (capi/fazhi.h) checked through libfazhi.so.1 itself:
// NULL everywhere, *out NULL after a failure, messages that name the problem,
// struct_size from older and newer callers, thread-local errors, and many
// threads reading one dataset and one report.
#include <gtest/gtest.h>

#include <cstddef>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "fazhi.h"

namespace {

const std::string kRollup = std::string(FAZHI_TEST_DATA_DIR) + "/rollup-small";

std::string last_message() { return fz_last_error_message(); }

// CApiReport is rollup-small (440103, 2019), loaded once per test.
class CApiReport : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(fz_dataset_create(&ds_, nullptr), FZ_OK) << last_message();
    ASSERT_EQ(fz_dataset_load_dir(ds_, kRollup.c_str(), nullptr), FZ_OK) << last_message();
    ASSERT_EQ(fz_report_compute(&rep_, ds_, "440103", "2019-01-01", "2019-12-31", nullptr), FZ_OK)
        << last_message();
  }
  void TearDown() override {
    fz_report_free(rep_);
    fz_dataset_free(ds_);
  }
  fz_dataset* ds_ = nullptr;
  fz_report* rep_ = nullptr;
};

TEST(CApi, FreeAcceptsNull) {
  fz_dataset_free(nullptr);
  fz_dataset_free(nullptr);
  fz_report_free(nullptr);
  fz_report_free(nullptr);
  fz_calendar_free(nullptr);
  fz_free(nullptr);
  fz_free(nullptr);
}

// Misuse a linked system may commit: kinds, sizes, indexes and units out of
// range, strings that are not UTF-8, structs never initialised. Each is a
// status with a message, and every out-parameter is left NULL (or untouched,
// for the summary a failed load never writes).
TEST(CApi, MisuseIsAStatusAndLeavesOutParametersNull) {
  fz_dataset* ds = nullptr;
  ASSERT_EQ(fz_dataset_create(&ds, nullptr), FZ_OK);
  for (int32_t kind : {INT32_MIN, -1, FZ_KIND_COUNT, INT32_MAX}) {
    fz_load_summary s = FZ_LOAD_SUMMARY_INIT;
    s.files = 42;
    EXPECT_EQ(fz_dataset_load_csv_buffer(ds, kind, "region,name\n", 12, &s), FZ_INVALID_ARGUMENT);
    EXPECT_EQ(fz_dataset_load_csv(ds, kind, "x.csv", &s), FZ_INVALID_ARGUMENT);
    EXPECT_EQ(s.files, 42);
  }
  // An empty buffer may be NULL; it is then an empty file, refused clearly.
  EXPECT_EQ(fz_dataset_load_csv_buffer(ds, FZ_KIND_REGIONS, nullptr, 0, nullptr),
            FZ_INVALID_ARGUMENT);
  EXPECT_NE(last_message().find("no header row"), std::string::npos) << last_message();
  // Structs never initialised.
  fz_load_summary garbage;
  std::memset(&garbage, 0xAB, sizeof garbage);
  EXPECT_EQ(fz_dataset_summary(ds, &garbage), FZ_INVALID_ARGUMENT);
  garbage.struct_size = 0;
  EXPECT_EQ(fz_dataset_summary(ds, &garbage), FZ_INVALID_ARGUMENT);
  fz_dataset_options bad_options;
  std::memset(&bad_options, 0xCD, sizeof bad_options);
  fz_dataset* other = reinterpret_cast<fz_dataset*>(1);
  EXPECT_EQ(fz_dataset_create(&other, &bad_options), FZ_INVALID_ARGUMENT);
  EXPECT_EQ(other, nullptr);
  // Strings that are not UTF-8.
  EXPECT_EQ(fz_dataset_load_dir(ds, "/tmp/\xff\xfe", nullptr), FZ_INVALID_ARGUMENT);
  EXPECT_TRUE(last_message().find("\xff") == std::string::npos);
  fz_report* rep = reinterpret_cast<fz_report*>(1);
  EXPECT_EQ(fz_report_compute(&rep, ds, "44\xC0\xAF" "11", "2019-01-01", "2019-12-31", nullptr),
            FZ_INVALID_ARGUMENT);
  EXPECT_EQ(rep, nullptr);
  // Failures of string and borrowed outputs leave them NULL.
  char* json = reinterpret_cast<char*>(1);
  size_t len = 5;
  EXPECT_EQ(fz_report_to_json(nullptr, &json, &len), FZ_INVALID_ARGUMENT);
  EXPECT_EQ(json, nullptr);
  EXPECT_EQ(len, 0u);
  json = reinterpret_cast<char*>(1);
  EXPECT_EQ(fz_report_all_json(ds, "2019-12-31", "2019-01-01", nullptr, &json, &len),
            FZ_INVALID_ARGUMENT);
  EXPECT_EQ(json, nullptr);
  const char* code = "x";
  const char* name = "y";
  EXPECT_EQ(fz_report_region(nullptr, &code, &name), FZ_INVALID_ARGUMENT);
  EXPECT_EQ(code, nullptr);
  EXPECT_EQ(name, nullptr);
  // Periods and units out of range.
  char day[11] = "unchanged";
  EXPECT_EQ(fz_calendar_period_end(nullptr, "2019-09-20", 15, 7, day), FZ_INVALID_ARGUMENT);
  EXPECT_EQ(fz_calendar_add_workdays(nullptr, "2019-09-20", INT32_MAX, day), FZ_OUT_OF_RANGE)
      << last_message();
  fz_dataset_free(ds);
  fz_dataset_free(nullptr);
}

// Counts of days, working days or months that end past the calendar, up to
// INT32_MAX, are FZ_OUT_OF_RANGE with a message (not FZ_INTERNAL from an
// exception).
TEST(CApi, HugePeriodsAreOutOfRange) {
  for (const int32_t n : {3000000, INT32_MAX}) {
    for (const int32_t unit : {FZ_PERIOD_DAYS, FZ_PERIOD_WORKDAYS, FZ_PERIOD_MONTHS}) {
      char day[11] = "unchanged";
      EXPECT_EQ(fz_calendar_period_end(nullptr, "2019-01-01", n, unit, day), FZ_OUT_OF_RANGE)
          << n << " " << unit << ": " << fz_last_error_message();
      EXPECT_NE(std::string(fz_last_error_message()).find("2026-12-31"), std::string::npos)
          << fz_last_error_message();
    }
    char day[11] = "";
    EXPECT_EQ(fz_calendar_add_workdays(nullptr, "2019-01-01", n, day), FZ_OUT_OF_RANGE);
  }
}

TEST(CApi, MessageIsEmptyAfterSuccessAndNeverNull) {
  int32_t n = 0;
  EXPECT_EQ(fz_calendar_workdays_between(nullptr, "2019-09-30", nullptr, &n), FZ_INVALID_ARGUMENT);
  EXPECT_NE(last_message(), "");
  EXPECT_EQ(fz_last_error_code(), FZ_INVALID_ARGUMENT);
  EXPECT_EQ(fz_calendar_workdays_between(nullptr, "2019-09-30", "2019-10-08", &n), FZ_OK);
  ASSERT_NE(fz_last_error_message(), nullptr);
  EXPECT_EQ(last_message(), "");
  EXPECT_EQ(fz_last_error_code(), FZ_OK);
}

TEST(CApi, StatusStringsAreFixedNames) {
  EXPECT_STREQ(fz_status_string(FZ_OK), "FZ_OK");
  EXPECT_STREQ(fz_status_string(FZ_OUT_OF_RANGE), "FZ_OUT_OF_RANGE");
  EXPECT_STREQ(fz_status_string(12345), "FZ_UNKNOWN_STATUS");
}

TEST(CApi, VersionFunctionsMatchTheHeader) {
  EXPECT_EQ(fz_version_number(), FZ_VERSION_NUMBER);
  EXPECT_STREQ(fz_version_string(), FZ_VERSION_STRING);
  EXPECT_EQ(fz_abi_version(), 1);
}

TEST(CApi, NullHandlesAndOutputsAreInvalidArguments) {
  fz_dataset* ds = nullptr;
  ASSERT_EQ(fz_dataset_create(&ds, nullptr), FZ_OK);
  fz_load_summary s = FZ_LOAD_SUMMARY_INIT;
  char* json = reinterpret_cast<char*>(1);
  size_t len = 99;
  const char* id = "x";
  int32_t n = 0;
  fz_value v = FZ_VALUE_INIT;
  fz_reconsideration_record rr = FZ_RECONSIDERATION_RECORD_INIT;
  fz_litigation_record lr = FZ_LITIGATION_RECORD_INIT;
  fz_legal_aid_record ar = FZ_LEGAL_AID_RECORD_INIT;
  fz_mediation_record mr = FZ_MEDIATION_RECORD_INIT;
  fz_registry_record gr = FZ_REGISTRY_RECORD_INIT;
  fz_activity_record tr = FZ_ACTIVITY_RECORD_INIT;
  fz_regions_record nr = FZ_REGIONS_RECORD_INIT;
  char day[11];

  auto expect_invalid = [](fz_status got, const char* names) {
    EXPECT_EQ(got, FZ_INVALID_ARGUMENT) << names;
    EXPECT_NE(last_message().find(names), std::string::npos) << last_message();
  };
  expect_invalid(fz_dataset_create(nullptr, nullptr), "out is NULL");
  expect_invalid(fz_dataset_load_dir(nullptr, "x", &s), "ds is NULL");
  expect_invalid(fz_dataset_load_dir(ds, nullptr, &s), "dir is NULL");
  expect_invalid(fz_dataset_load_csv(nullptr, 0, "x", &s), "ds is NULL");
  expect_invalid(fz_dataset_load_csv(ds, 0, nullptr, &s), "path is NULL");
  expect_invalid(fz_dataset_load_csv_buffer(nullptr, 0, "", 0, &s), "ds is NULL");
  expect_invalid(fz_dataset_load_csv_buffer(ds, 0, nullptr, 5, &s), "data is NULL");
  expect_invalid(fz_dataset_summary(nullptr, &s), "ds is NULL");
  expect_invalid(fz_dataset_seal(nullptr), "ds is NULL");
  expect_invalid(fz_dataset_summary(ds, nullptr), "summary is NULL");
  expect_invalid(fz_dataset_rejects_json(nullptr, &json, &len), "ds is NULL");
  EXPECT_EQ(json, nullptr);
  EXPECT_EQ(len, 0u);
  expect_invalid(fz_dataset_rejects_json(ds, nullptr, &len), "json is NULL");
  expect_invalid(fz_dataset_notices_json(nullptr, &json, &len), "ds is NULL");
  expect_invalid(fz_dataset_add_reconsideration(nullptr, &rr), "ds is NULL");
  expect_invalid(fz_dataset_add_reconsideration(ds, nullptr), "record is NULL");
  expect_invalid(fz_dataset_add_litigation(nullptr, &lr), "ds is NULL");
  expect_invalid(fz_dataset_add_litigation(ds, nullptr), "record is NULL");
  expect_invalid(fz_dataset_add_legal_aid(nullptr, &ar), "ds is NULL");
  expect_invalid(fz_dataset_add_legal_aid(ds, nullptr), "record is NULL");
  expect_invalid(fz_dataset_add_mediation(nullptr, &mr), "ds is NULL");
  expect_invalid(fz_dataset_add_mediation(ds, nullptr), "record is NULL");
  expect_invalid(fz_dataset_add_registry(nullptr, &gr), "ds is NULL");
  expect_invalid(fz_dataset_add_registry(ds, nullptr), "record is NULL");
  expect_invalid(fz_dataset_add_activity(nullptr, &tr), "ds is NULL");
  expect_invalid(fz_dataset_add_activity(ds, nullptr), "record is NULL");
  expect_invalid(fz_dataset_add_regions(nullptr, &nr), "ds is NULL");
  expect_invalid(fz_dataset_add_regions(ds, nullptr), "record is NULL");

  fz_report* rep = reinterpret_cast<fz_report*>(1);
  expect_invalid(fz_report_compute(nullptr, ds, "440103", "2019-01-01", "2019-12-31", nullptr),
                 "out is NULL");
  expect_invalid(fz_report_compute(&rep, nullptr, "440103", "2019-01-01", "2019-12-31", nullptr),
                 "ds is NULL");
  EXPECT_EQ(rep, nullptr);
  expect_invalid(fz_report_compute(&rep, ds, nullptr, "2019-01-01", "2019-12-31", nullptr),
                 "region is NULL");
  expect_invalid(fz_report_compute(&rep, ds, "440103", nullptr, "2019-12-31", nullptr),
                 "from is NULL");
  expect_invalid(fz_report_compute(&rep, ds, "440103", "2019-01-01", nullptr, nullptr),
                 "to is NULL");
  expect_invalid(fz_report_all_json(nullptr, "2019-01-01", "2019-12-31", nullptr, &json, &len),
                 "ds is NULL");
  expect_invalid(fz_report_all_json(ds, "2019-01-01", "2019-12-31", nullptr, nullptr, &len),
                 "json is NULL");
  expect_invalid(fz_report_metric_count(nullptr, &n), "report is NULL");
  expect_invalid(fz_report_metric_id(nullptr, 0, &id), "report is NULL");
  EXPECT_EQ(id, nullptr);
  expect_invalid(fz_report_region(nullptr, &id, &id), "report is NULL");
  expect_invalid(fz_report_period(nullptr, day, day, day, day), "report is NULL");
  expect_invalid(fz_report_get(nullptr, "litigation.win_rate", &v), "report is NULL");
  expect_invalid(fz_report_to_json(nullptr, &json, &len), "report is NULL");
  expect_invalid(fz_report_narrative(nullptr, &json, &len), "report is NULL");

  expect_invalid(fz_calendar_default(nullptr), "out is NULL");
  expect_invalid(fz_calendar_load_csv(nullptr, "x"), "cal is NULL");
  expect_invalid(fz_calendar_is_workday(nullptr, "2019-10-01", nullptr), "out is NULL");
  expect_invalid(fz_calendar_is_workday(nullptr, nullptr, &n), "date is NULL");
  expect_invalid(fz_calendar_add_workdays(nullptr, "2019-10-01", 1, nullptr), "out is NULL");
  expect_invalid(fz_calendar_period_end(nullptr, nullptr, 1, FZ_PERIOD_DAYS, day), "event is NULL");
  fz_dataset_free(ds);
}

TEST_F(CApiReport, NullArgumentsOfAReportAreInvalid) {
  fz_value v = FZ_VALUE_INIT;
  int32_t n = 0;
  EXPECT_EQ(fz_report_get(rep_, nullptr, &v), FZ_INVALID_ARGUMENT);
  EXPECT_NE(last_message().find("metric_id is NULL"), std::string::npos);
  EXPECT_EQ(fz_report_get(rep_, "litigation.win_rate", nullptr), FZ_INVALID_ARGUMENT);
  EXPECT_NE(last_message().find("value is NULL"), std::string::npos);
  EXPECT_EQ(fz_report_metric_count(rep_, nullptr), FZ_INVALID_ARGUMENT);
  EXPECT_EQ(fz_report_metric_id(rep_, 0, nullptr), FZ_INVALID_ARGUMENT);
  EXPECT_EQ(fz_report_to_json(rep_, nullptr, nullptr), FZ_INVALID_ARGUMENT);
  EXPECT_EQ(fz_report_narrative(rep_, nullptr, nullptr), FZ_INVALID_ARGUMENT);
  EXPECT_EQ(fz_report_region(rep_, nullptr, nullptr), FZ_INVALID_ARGUMENT);
  ASSERT_EQ(fz_report_metric_count(rep_, &n), FZ_OK);
  // The period's parts are each optional.
  char from[11];
  EXPECT_EQ(fz_report_period(rep_, from, nullptr, nullptr, nullptr), FZ_OK);
  EXPECT_STREQ(from, "2019-01-01");
}

TEST(CApi, MissingFolderIsNotFoundAndNamesTheFolder) {
  fz_dataset* ds = nullptr;
  ASSERT_EQ(fz_dataset_create(&ds, nullptr), FZ_OK);
  EXPECT_EQ(fz_dataset_load_dir(ds, "/no/such/fazhi-folder", nullptr), FZ_NOT_FOUND);
  EXPECT_NE(last_message().find("/no/such/fazhi-folder"), std::string::npos) << last_message();
  EXPECT_EQ(fz_last_error_code(), FZ_NOT_FOUND);
  fz_dataset_free(ds);
}

TEST(CApi, StringsOutAreUtf8EvenWhenAFileNameIsNot) {
  // A folder exported on Chinese Windows may hold a GBK-named file (行政.csv):
  // the notice about it names it, and the JSON out must still be UTF-8.
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "fazhi-capi-gbk-name";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "regions.csv")
      << "region,name\n440111,\xe7\x99\xbd\xe4\xba\x91\xe5\x8c\xba\n";
  std::ofstream(dir / "\xd0\xd0\xd5\xfe.csv") << "x\n";
  fz_dataset* ds = nullptr;
  ASSERT_EQ(fz_dataset_create(&ds, nullptr), FZ_OK);
  ASSERT_EQ(fz_dataset_load_dir(ds, dir.c_str(), nullptr), FZ_OK) << last_message();
  char* json = nullptr;
  size_t len = 0;
  ASSERT_EQ(fz_dataset_notices_json(ds, &json, &len), FZ_OK);
  const std::string notices(json, len);
  fz_free(json);
  EXPECT_NE(notices.find("\xEF\xBF\xBD"), std::string::npos) << notices;
  EXPECT_EQ(notices.find("\xd0\xd0"), std::string::npos) << notices;
  fz_dataset_free(ds);
  fs::remove_all(dir);
}

// A file refused whole is counted in files_refused (appended to
// fz_load_summary after 1.0.0); a caller built against the 1.0.0 struct, whose
// struct_size ends before it, gets the fields it has and nothing past them.
TEST(CApi, LoadSummaryCountsRefusedFilesAndOlderCallersGetTheirFieldsOnly) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "fazhi-capi-refused-file";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "regions.csv") << "region,name\n440111,\xe7\x99\xbd\xe4\xba\x91\xe5\x8c\xba\n";
  std::ofstream(dir / "reconsideration.csv") << "case_id\nR1\n";  // no region: refused
  std::ofstream(dir / "litigation.csv") << "case_id,region\nL1,440103\n";  // refused too
  fz_dataset* ds = nullptr;
  ASSERT_EQ(fz_dataset_create(&ds, nullptr), FZ_OK);
  fz_load_summary s = FZ_LOAD_SUMMARY_INIT;
  EXPECT_EQ(fz_dataset_load_dir(ds, dir.c_str(), &s), FZ_INVALID_ARGUMENT);
  EXPECT_NE(last_message().find("reconsideration.csv"), std::string::npos) << last_message();
  EXPECT_EQ(s.files, 3);
  EXPECT_EQ(s.files_refused, 2);
  EXPECT_EQ(s.rows_read, 1);
  fz_load_summary total = FZ_LOAD_SUMMARY_INIT;
  ASSERT_EQ(fz_dataset_summary(ds, &total), FZ_OK) << last_message();
  EXPECT_EQ(total.files_refused, 2);

  // The 1.0.0 struct: everything up to kinds[], then the caller's own memory.
  struct {
    fz_load_summary s;
    uint64_t canary;
  } old;
  std::memset(&old, 0, sizeof old);
  old.s.struct_size = offsetof(fz_load_summary, files_refused);
  std::memset(reinterpret_cast<char*>(&old.s) + old.s.struct_size, 0x5a,
              sizeof old - old.s.struct_size);
  ASSERT_EQ(fz_dataset_summary(ds, &old.s), FZ_OK) << last_message();
  EXPECT_EQ(old.s.struct_size, offsetof(fz_load_summary, files_refused));
  EXPECT_EQ(old.s.files, 3);
  EXPECT_EQ(old.s.kinds[FZ_KIND_REGIONS].rows_accepted, 1);
  const unsigned char* tail = reinterpret_cast<const unsigned char*>(&old.s) + old.s.struct_size;
  for (size_t i = 0; i < sizeof old - old.s.struct_size; ++i) {
    ASSERT_EQ(tail[i], 0x5a) << "wrote past struct_size at byte " << i;
  }
  fz_dataset_free(ds);
  fs::remove_all(dir);
}

TEST(CApi, StrictLoadNamesTheFileAndLineAndKeepsNothing) {
  fz_dataset_options o = FZ_DATASET_OPTIONS_INIT;
  o.strict = 1;
  fz_dataset* ds = nullptr;
  ASSERT_EQ(fz_dataset_create(&ds, &o), FZ_OK);
  const std::string csv =
      "case_id,region,received_date\nA,440111,2019-03-05\nB,440111,2019-02-30\n";
  fz_load_summary s = FZ_LOAD_SUMMARY_INIT;
  s.files = 42;
  EXPECT_EQ(fz_dataset_load_csv_buffer(ds, FZ_KIND_RECONSIDERATION, csv.data(), csv.size(), &s),
            FZ_INVALID_ARGUMENT);
  EXPECT_NE(last_message().find("<buffer:reconsideration>:3"), std::string::npos) << last_message();
  EXPECT_NE(last_message().find("2019-02-30"), std::string::npos) << last_message();
  EXPECT_EQ(s.files, 42) << "the summary is written only on success";
  fz_load_summary total = FZ_LOAD_SUMMARY_INIT;
  ASSERT_EQ(fz_dataset_summary(ds, &total), FZ_OK);
  EXPECT_EQ(total.rows_read, 0);
  fz_dataset_free(ds);
}

TEST(CApi, BadDatasetOptionsAreRejected) {
  fz_dataset* ds = reinterpret_cast<fz_dataset*>(1);
  fz_dataset_options o = FZ_DATASET_OPTIONS_INIT;
  o.encoding = 7;
  EXPECT_EQ(fz_dataset_create(&ds, &o), FZ_INVALID_ARGUMENT);
  EXPECT_EQ(ds, nullptr);
  EXPECT_NE(last_message().find("encoding"), std::string::npos);
}

TEST(CApi, KindOutsideTheKindsIsInvalid) {
  fz_dataset* ds = nullptr;
  ASSERT_EQ(fz_dataset_create(&ds, nullptr), FZ_OK);
  EXPECT_EQ(fz_dataset_load_csv_buffer(ds, FZ_KIND_COUNT, "a", 1, nullptr), FZ_INVALID_ARGUMENT);
  EXPECT_NE(last_message().find("kind is 7"), std::string::npos) << last_message();
  EXPECT_EQ(fz_dataset_load_csv(ds, -1, "x.csv", nullptr), FZ_INVALID_ARGUMENT);
  fz_dataset_free(ds);
}

TEST_F(CApiReport, BadRegionIsInvalidAndUnknownRegionIsNotFound) {
  fz_report* rep = reinterpret_cast<fz_report*>(1);
  EXPECT_EQ(fz_report_compute(&rep, ds_, "44011", "2019-01-01", "2019-12-31", nullptr),
            FZ_INVALID_ARGUMENT);
  EXPECT_EQ(rep, nullptr);
  EXPECT_NE(last_message().find("region"), std::string::npos) << last_message();
  EXPECT_NE(last_message().find("44011"), std::string::npos) << last_message();
  EXPECT_EQ(fz_report_compute(&rep, ds_, "110101", "2019-01-01", "2019-12-31", nullptr),
            FZ_NOT_FOUND);
  EXPECT_EQ(rep, nullptr);
  EXPECT_NE(last_message().find("110101"), std::string::npos) << last_message();
}

TEST_F(CApiReport, BadDateNamesTheArgumentAndTheDate) {
  fz_report* rep = nullptr;
  EXPECT_EQ(fz_report_compute(&rep, ds_, "440103", "2019-02-30", "2019-12-31", nullptr),
            FZ_INVALID_ARGUMENT);
  EXPECT_NE(last_message().find("from"), std::string::npos) << last_message();
  EXPECT_NE(last_message().find("2019-02-30"), std::string::npos) << last_message();
  EXPECT_EQ(fz_report_compute(&rep, ds_, "440103", "2019-12-31", "2019-01-01", nullptr),
            FZ_INVALID_ARGUMENT);
  EXPECT_EQ(rep, nullptr);
}

TEST_F(CApiReport, InvalidUtf8IsInvalidArgument) {
  const char bad[] =
      "44\xff"
      "0103";
  fz_report* rep = nullptr;
  EXPECT_EQ(fz_report_compute(&rep, ds_, bad, "2019-01-01", "2019-12-31", nullptr),
            FZ_INVALID_ARGUMENT);
  EXPECT_NE(last_message().find("region is not valid UTF-8"), std::string::npos) << last_message();
  fz_value v = FZ_VALUE_INIT;
  EXPECT_EQ(fz_report_get(rep_, "litigation.\xc3(", &v), FZ_INVALID_ARGUMENT);
  EXPECT_NE(last_message().find("metric_id is not valid UTF-8"), std::string::npos);
  EXPECT_EQ(fz_dataset_load_dir(ds_, "/tmp/\xe4\xb8", nullptr), FZ_INVALID_ARGUMENT);
  EXPECT_NE(last_message().find("dir is not valid UTF-8"), std::string::npos);

  fz_mediation_record m = FZ_MEDIATION_RECORD_INIT;
  m.case_id = "M-\xc0\xaf";  // an overlong '/'
  m.region = "440103";
  m.received_date = "2019-03-01";
  EXPECT_EQ(fz_dataset_add_mediation(ds_, &m), FZ_INVALID_ARGUMENT);
  EXPECT_NE(last_message().find("case_id is not valid UTF-8"), std::string::npos) << last_message();

  fz_report_options o = FZ_REPORT_OPTIONS_INIT;
  o.profile_json = "{\"narrative\": {\"omit\": [\"\xff\"]}}";
  EXPECT_EQ(fz_report_compute(&rep, ds_, "440103", "2019-01-01", "2019-12-31", &o),
            FZ_INVALID_ARGUMENT);
  EXPECT_NE(last_message().find("profile_json is not valid UTF-8"), std::string::npos);
}

// Records added one by one count in the summary like loaded rows, a failed
// add (refused by the core or unreadable in the ABI) as a rejection.
TEST(CApiAdd, AddsAreCountedAndFailedAddsAreRejections) {
  fz_dataset* ds = nullptr;
  ASSERT_EQ(fz_dataset_create(&ds, nullptr), FZ_OK);
  fz_mediation_record m = FZ_MEDIATION_RECORD_INIT;
  m.case_id = "M-1";
  m.region = "440103";
  m.received_date = "2019-03-01";
  EXPECT_EQ(fz_dataset_add_mediation(ds, &m), FZ_OK);
  m.case_id = "M-2";
  m.received_date = "2019-13-01";  // no such month: unreadable before the core
  EXPECT_EQ(fz_dataset_add_mediation(ds, &m), FZ_INVALID_ARGUMENT);
  m.case_id = "M-1";  // a duplicate: refused by the core
  m.received_date = "2019-03-02";
  EXPECT_EQ(fz_dataset_add_mediation(ds, &m), FZ_INVALID_ARGUMENT);
  EXPECT_EQ(fz_dataset_add_mediation(ds, nullptr), FZ_INVALID_ARGUMENT);  // no record: not counted
  fz_load_summary s = FZ_LOAD_SUMMARY_INIT;
  ASSERT_EQ(fz_dataset_summary(ds, &s), FZ_OK);
  EXPECT_EQ(s.rows_read, 3);
  EXPECT_EQ(s.rows_accepted, 1);
  EXPECT_EQ(s.rows_rejected, 2);
  EXPECT_EQ(s.kinds[FZ_KIND_MEDIATION].rows_rejected, 2);
  char* json = nullptr;
  ASSERT_EQ(fz_dataset_rejects_json(ds, &json, nullptr), FZ_OK);
  const std::string rejects = json;
  fz_free(json);
  EXPECT_NE(rejects.find("{\"file\":\"<add:mediation>\",\"line\":2,\"column\":\"\",\"code\":\"invalid_value\",\"reason\":\"received_date: "),
            std::string::npos)
      << rejects;
  EXPECT_NE(rejects.find("\"line\":3,\"column\":\"case_id\",\"code\":\"duplicate\",\"reason\":\"duplicate case_id 'M-1'"),
            std::string::npos)
      << rejects;
  fz_dataset_free(ds);
}

TEST_F(CApiReport, UnknownMetricIsNotFound) {
  fz_value v = FZ_VALUE_INIT;
  EXPECT_EQ(fz_report_get(rep_, "litigation.no_such_rate", &v), FZ_NOT_FOUND);
  EXPECT_NE(last_message().find("litigation.no_such_rate"), std::string::npos);
  const char* id = "x";
  EXPECT_EQ(fz_report_metric_id(rep_, 100000, &id), FZ_OUT_OF_RANGE);
  EXPECT_EQ(id, nullptr);
  EXPECT_EQ(fz_report_metric_id(rep_, -1, &id), FZ_OUT_OF_RANGE);
}

TEST_F(CApiReport, ValueStringsAreNeverNull) {
  int32_t n = 0;
  ASSERT_EQ(fz_report_metric_count(rep_, &n), FZ_OK);
  for (int32_t i = 0; i < n; ++i) {
    const char* id = nullptr;
    ASSERT_EQ(fz_report_metric_id(rep_, i, &id), FZ_OK);
    fz_value v = FZ_VALUE_INIT;
    ASSERT_EQ(fz_report_get(rep_, id, &v), FZ_OK) << id << ": " << last_message();
    for (const char* s :
         {v.text, v.decimal, v.previous_text, v.previous_decimal, v.yoy_text, v.yoy_decimal, v.id,
          v.label, v.unit, v.basis, v.reason, v.num_text, v.den_text, v.previous_num_text,
          v.previous_den_text, v.yoy_num_text, v.yoy_den_text}) {
      EXPECT_NE(s, nullptr) << id;
    }
    if (v.kind == FZ_VALUE_UNDEFINED) {
      EXPECT_EQ(v.den, 0) << id;
      EXPECT_STRNE(v.reason, "") << id;
    } else {
      EXPECT_NE(v.den, 0) << id;
      EXPECT_EQ(std::to_string(v.num), v.num_text) << id;
      EXPECT_EQ(std::to_string(v.den), v.den_text) << id;
    }
  }
}

// ---- struct_size ------------------------------------------------------------------

// The first fields of fz_value, as a program built against an older, smaller
// header would have it; `canary` stands for the caller's memory after it.
struct OldValue {
  uint32_t struct_size;
  int32_t kind;
  int64_t integer;
  int64_t num;
  int64_t den;
  uint64_t canary;
};

TEST_F(CApiReport, OlderSmallerValueStructGetsOnlyItsFields) {
  OldValue old;
  std::memset(&old, 0, sizeof old);
  old.struct_size = offsetof(OldValue, canary);
  old.canary = 0x5a5a5a5a5a5a5a5aULL;
  ASSERT_EQ(fz_report_get(rep_, "litigation.win_rate", reinterpret_cast<fz_value*>(&old)), FZ_OK)
      << last_message();
  EXPECT_EQ(old.struct_size, offsetof(OldValue, canary));
  EXPECT_EQ(old.kind, FZ_VALUE_FRACTION);
  EXPECT_EQ(old.num, 1);
  EXPECT_EQ(old.den, 2);
  EXPECT_EQ(old.canary, 0x5a5a5a5a5a5a5a5aULL) << "wrote past struct_size";
}

TEST_F(CApiReport, TooSmallStructSizeIsRejected) {
  fz_value v = FZ_VALUE_INIT;
  v.struct_size = 4;
  EXPECT_EQ(fz_report_get(rep_, "litigation.win_rate", &v), FZ_INVALID_ARGUMENT);
  EXPECT_NE(last_message().find("value->struct_size is 4"), std::string::npos) << last_message();

  fz_report_options o = FZ_REPORT_OPTIONS_INIT;
  o.struct_size = 0;
  fz_report* rep = nullptr;
  EXPECT_EQ(fz_report_compute(&rep, ds_, "440103", "2019-01-01", "2019-12-31", &o),
            FZ_INVALID_ARGUMENT);
  EXPECT_NE(last_message().find("options->struct_size is 0"), std::string::npos);

  fz_load_summary s = FZ_LOAD_SUMMARY_INIT;
  s.struct_size = 3;
  EXPECT_EQ(fz_dataset_summary(ds_, &s), FZ_INVALID_ARGUMENT);

  fz_dataset_options d = FZ_DATASET_OPTIONS_INIT;
  d.struct_size = 4;
  fz_dataset* ds = nullptr;
  EXPECT_EQ(fz_dataset_create(&ds, &d), FZ_INVALID_ARGUMENT);

  // A record must at least hold its required fields.
  fz_registry_record r = FZ_REGISTRY_RECORD_INIT;
  r.kind = "lawyer";
  r.entity_id = "L-9";
  r.region = "440103";
  r.start_date = "2019-01-01";
  r.struct_size = FZ_REGISTRY_RECORD_MIN_SIZE - 1;
  EXPECT_EQ(fz_dataset_add_registry(ds_, &r), FZ_INVALID_ARGUMENT);
  r.struct_size = FZ_REGISTRY_RECORD_MIN_SIZE;
  EXPECT_EQ(fz_dataset_add_registry(ds_, &r), FZ_OK) << last_message();

  // Garbage (an uninitialised struct) is refused before anything is read.
  o.struct_size = 0xcccccccc;
  EXPECT_EQ(fz_report_compute(&rep, ds_, "440103", "2019-01-01", "2019-12-31", &o),
            FZ_INVALID_ARGUMENT);
}

TEST_F(CApiReport, OlderSmallerOptionsStructTakesDefaultsForTheRest) {
  // Options as an older header had them: struct_size and profile_json only.
  struct OldOptions {
    uint32_t struct_size;
    const char* profile_json;
  };
  struct {
    OldOptions o;
    const void* garbage;  // the caller's memory after its struct: never read
  } caller = {{sizeof(OldOptions), "{\"percent_decimals\": 1}"}, reinterpret_cast<void*>(1)};
  fz_report* rep = nullptr;
  ASSERT_EQ(fz_report_compute(&rep, ds_, "440103", "2019-01-01", "2019-12-31",
                              reinterpret_cast<const fz_report_options*>(&caller.o)),
            FZ_OK)
      << last_message();
  fz_value v = FZ_VALUE_INIT;
  ASSERT_EQ(fz_report_get(rep, "reconsideration.correction_rate", &v), FZ_OK);
  EXPECT_STREQ(v.text, "60.0%");
  fz_report_free(rep);
}

TEST_F(CApiReport, NewerLargerStructIsAcceptedOnlyWhenItsExtraFieldsAreZero) {
  struct NewerOptions {
    fz_report_options o;
    int64_t field_from_the_future;
  } newer;
  std::memset(&newer, 0, sizeof newer);
  newer.o.struct_size = sizeof newer;
  fz_report* rep = nullptr;
  EXPECT_EQ(fz_report_compute(&rep, ds_, "440103", "2019-01-01", "2019-12-31", &newer.o), FZ_OK)
      << last_message();
  fz_report_free(rep);
  rep = nullptr;
  newer.field_from_the_future = 1;
  EXPECT_EQ(fz_report_compute(&rep, ds_, "440103", "2019-01-01", "2019-12-31", &newer.o),
            FZ_INVALID_ARGUMENT);
  EXPECT_NE(last_message().find("newer fazhi.h"), std::string::npos) << last_message();
  EXPECT_EQ(rep, nullptr);

  // An output struct from a newer header gets the fields this library knows.
  struct NewerValue {
    fz_value v;
    int64_t later;
  } out;
  std::memset(&out, 0, sizeof out);
  out.v.struct_size = sizeof out;
  out.later = 77;
  ASSERT_EQ(fz_report_get(rep_, "reconsideration.received", &out.v), FZ_OK);
  EXPECT_EQ(out.v.integer, 5);
  EXPECT_EQ(out.v.struct_size, sizeof out);
  EXPECT_EQ(out.later, 77);
}

TEST(CApi, OlderSmallerRecordLeavesLaterFieldsUnknown) {
  fz_dataset* ds = nullptr;
  ASSERT_EQ(fz_dataset_create(&ds, nullptr), FZ_OK);
  // Only the required fields: the booleans after them must read as unknown
  // (-1), not as false (0).
  fz_reconsideration_record r = FZ_RECONSIDERATION_RECORD_INIT;
  r.struct_size = FZ_RECONSIDERATION_RECORD_MIN_SIZE;
  r.case_id = "R-1";
  r.region = "440111";
  r.received_date = "2019-03-01";
  r.closed_date = "2019-04-01";  // beyond struct_size: not read
  r.litigated = FZ_TRI_FALSE;    // beyond struct_size: not read
  ASSERT_EQ(fz_dataset_add_reconsideration(ds, &r), FZ_OK) << last_message();
  fz_report* rep = nullptr;
  ASSERT_EQ(fz_report_compute(&rep, ds, "440111", "2019-01-01", "2019-12-31", nullptr), FZ_OK);
  fz_value v = FZ_VALUE_INIT;
  ASSERT_EQ(fz_report_get(rep, "reconsideration.received", &v), FZ_OK);
  EXPECT_EQ(v.integer, 1);
  ASSERT_EQ(fz_report_get(rep, "reconsideration.pending_end", &v), FZ_OK);
  EXPECT_EQ(v.integer, 1) << "closed_date lay beyond struct_size";
  fz_report_free(rep);
  fz_dataset_free(ds);
}

// ---- Records ------------------------------------------------------------------------

TEST(CApi, RecordErrorsNameTheField) {
  fz_dataset* ds = nullptr;
  ASSERT_EQ(fz_dataset_create(&ds, nullptr), FZ_OK);
  fz_litigation_record l = FZ_LITIGATION_RECORD_INIT;
  l.case_id = "（2019）粤7101行初1号";
  l.region = "440111";
  l.filed_date = "2019-03-01";
  l.instance = "一审";
  l.hearing_held = 2;
  EXPECT_EQ(fz_dataset_add_litigation(ds, &l), FZ_INVALID_ARGUMENT);
  EXPECT_NE(last_message().find("hearing_held"), std::string::npos) << last_message();
  l.hearing_held = FZ_TRI_TRUE;
  l.outcome = "大获全胜";
  EXPECT_EQ(fz_dataset_add_litigation(ds, &l), FZ_INVALID_ARGUMENT);
  EXPECT_NE(last_message().find("outcome"), std::string::npos) << last_message();
  l.outcome = nullptr;
  l.instance = nullptr;
  EXPECT_EQ(fz_dataset_add_litigation(ds, &l), FZ_INVALID_ARGUMENT);
  EXPECT_NE(last_message().find("instance"), std::string::npos) << last_message();
  l.instance = "first";
  EXPECT_EQ(fz_dataset_add_litigation(ds, &l), FZ_OK) << last_message();
  EXPECT_EQ(fz_dataset_add_litigation(ds, &l), FZ_INVALID_ARGUMENT) << "a duplicate case_id";

  fz_activity_record a = FZ_ACTIVITY_RECORD_INIT;
  a.region = "440111";
  a.date = "2019-06-30";
  a.indicator = "law_education.events";
  a.value = 11837;
  EXPECT_EQ(fz_dataset_add_activity(ds, &a), FZ_OK) << last_message();
  a.date = "2019-13-01";
  EXPECT_EQ(fz_dataset_add_activity(ds, &a), FZ_INVALID_ARGUMENT);
  EXPECT_NE(last_message().find("date"), std::string::npos) << last_message();

  fz_legal_aid_record la = FZ_LEGAL_AID_RECORD_INIT;
  la.case_id = "A-1";
  la.region = "440111";
  la.applied_date = "2019-03-01";
  la.recovered_amount = "12.345";
  EXPECT_EQ(fz_dataset_add_legal_aid(ds, &la), FZ_INVALID_ARGUMENT);
  EXPECT_NE(last_message().find("recovered_amount"), std::string::npos) << last_message();
  fz_dataset_free(ds);
}

TEST_F(CApiReport, ProfileJsonAndPathTogetherAreRejected) {
  fz_report_options o = FZ_REPORT_OPTIONS_INIT;
  o.profile_json = "{}";
  o.profile_path = "/tmp/profile.json";
  fz_report* rep = nullptr;
  EXPECT_EQ(fz_report_compute(&rep, ds_, "440103", "2019-01-01", "2019-12-31", &o),
            FZ_INVALID_ARGUMENT);
  EXPECT_NE(last_message().find("not both"), std::string::npos);
  o.profile_path = nullptr;
  o.profile_json = "{\"rounding\": \"sideways\"}";
  EXPECT_EQ(fz_report_compute(&rep, ds_, "440103", "2019-01-01", "2019-12-31", &o),
            FZ_INVALID_ARGUMENT);
  EXPECT_NE(last_message().find("rounding"), std::string::npos) << last_message();
}

TEST_F(CApiReport, ACalendarHandleIsUsedAndMayBeFreedFirst) {
  fz_calendar* cal = nullptr;
  ASSERT_EQ(fz_calendar_default(&cal), FZ_OK);
  fz_report_options o = FZ_REPORT_OPTIONS_INIT;
  o.calendar = cal;
  fz_report* rep = nullptr;
  ASSERT_EQ(fz_report_compute(&rep, ds_, "440103", "2019-01-01", "2019-12-31", &o), FZ_OK);
  fz_calendar_free(cal);
  fz_value v = FZ_VALUE_INIT;
  ASSERT_EQ(fz_report_get(rep, "litigation.defence_on_time_rate", &v), FZ_OK);
  EXPECT_EQ(v.num, 2);
  EXPECT_EQ(v.den, 3);
  fz_report_free(rep);
  EXPECT_EQ(fz_calendar_load_csv(nullptr, "/nope"), FZ_INVALID_ARGUMENT);
}

// ---- Threads ------------------------------------------------------------------------

TEST(CApi, ErrorsAreThreadLocal) {
  int32_t n = 0;
  ASSERT_EQ(fz_calendar_workdays_between(nullptr, "2019-02-30", "2019-10-08", &n),
            FZ_INVALID_ARGUMENT);
  std::string other;
  std::thread t([&] {
    fz_calendar_workdays_between(nullptr, "2019-09-30", "2019-10-08", &n);
    other = fz_last_error_message();
  });
  t.join();
  EXPECT_EQ(other, "");
  EXPECT_NE(last_message().find("2019-02-30"), std::string::npos);
}

TEST_F(CApiReport, ManyThreadsReadOneDatasetAndOneReport) {
  char* expected = nullptr;
  ASSERT_EQ(fz_report_to_json(rep_, &expected, nullptr), FZ_OK);
  const std::string want = expected;
  fz_free(expected);
  std::vector<std::thread> threads;
  std::vector<int> bad(8, 0);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 10; ++i) {
        fz_report* rep = nullptr;
        if (fz_report_compute(&rep, ds_, "440103", "2019-01-01", "2019-12-31", nullptr) != FZ_OK) {
          ++bad[t];
          continue;
        }
        char* json = nullptr;
        if (fz_report_to_json(rep, &json, nullptr) != FZ_OK || want != json) ++bad[t];
        fz_free(json);
        fz_report_free(rep);
        fz_value v = FZ_VALUE_INIT;
        if (fz_report_get(rep_, "litigation.win_rate", &v) != FZ_OK || v.num != 1 || v.den != 2) {
          ++bad[t];
        }
        // An error on this thread does not disturb the others.
        fz_report* none = nullptr;
        if (fz_report_compute(&none, ds_, "999999", "2019-01-01", "2019-12-31", nullptr) == FZ_OK) {
          ++bad[t];
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (int t = 0; t < 8; ++t) EXPECT_EQ(bad[t], 0) << "thread " << t;
}

TEST(CApi, SealedDatasetReadsButRefusesMoreRows) {
  fz_dataset* ds = nullptr;
  ASSERT_EQ(fz_dataset_create(&ds, nullptr), FZ_OK);
  const std::string csv = "case_id,region,received_date\nM1,440111,2019-01-01\n";
  ASSERT_EQ(fz_dataset_load_csv_buffer(ds, FZ_KIND_MEDIATION, csv.data(), csv.size(), nullptr),
            FZ_OK);
  ASSERT_EQ(fz_dataset_seal(ds), FZ_OK);
  fz_load_summary s = FZ_LOAD_SUMMARY_INIT;
  ASSERT_EQ(fz_dataset_summary(ds, &s), FZ_OK);
  EXPECT_EQ(s.rows_accepted, 1);
  const std::string more = "case_id,region,received_date\nM2,440111,2019-01-02\n";
  EXPECT_EQ(fz_dataset_load_csv_buffer(ds, FZ_KIND_MEDIATION, more.data(), more.size(), nullptr),
            FZ_FAILED_PRECONDITION);
  EXPECT_NE(last_message().find("sealed"), std::string::npos) << last_message();
  ASSERT_EQ(fz_dataset_summary(ds, &s), FZ_OK);
  EXPECT_EQ(s.rows_accepted, 1);
  fz_dataset_free(ds);
}

}  // namespace

namespace {

// fz_report_get_change: 同比 and 环比 with their changes, relative and in
// percentage points, as the C++ report has them.
const std::string kBaiyun = std::string(FAZHI_TEST_DATA_DIR) + "/../../data/examples/baiyun-2019";

TEST(CApi, ChangesYearAgoAndSequential) {
  fz_dataset* ds = nullptr;
  fz_report* spring = nullptr;
  fz_report* year = nullptr;
  ASSERT_EQ(fz_dataset_create(&ds, nullptr), FZ_OK);
  ASSERT_EQ(fz_dataset_load_dir(ds, kBaiyun.c_str(), nullptr), FZ_OK) << last_message();
  ASSERT_EQ(fz_report_compute(&spring, ds, "440111", "2019-03-01", "2019-05-31", nullptr), FZ_OK);
  ASSERT_EQ(fz_report_compute(&year, ds, "440111", "2019-01-01", "2019-12-31", nullptr), FZ_OK);

  char from[11] = "", to[11] = "";
  int32_t has = -1;
  ASSERT_EQ(fz_report_sequential_period(spring, &has, from, to), FZ_OK);
  EXPECT_EQ(has, 1);
  EXPECT_STREQ(from, "2018-12-01");
  EXPECT_STREQ(to, "2019-02-28");
  char pf[11] = "", pt[11] = "";
  ASSERT_EQ(fz_report_period(spring, nullptr, nullptr, pf, pt), FZ_OK);
  EXPECT_STREQ(pf, "2018-03-01");
  EXPECT_STREQ(pt, "2018-05-31");
  ASSERT_EQ(fz_report_sequential_period(year, &has, nullptr, nullptr), FZ_OK);
  EXPECT_EQ(has, 0);
  EXPECT_EQ(fz_report_sequential_period(year, nullptr, nullptr, nullptr), FZ_INVALID_ARGUMENT);

  fz_change c = FZ_CHANGE_INIT;
  ASSERT_EQ(fz_report_get_change(spring, "reconsideration.received", FZ_COMPARE_SEQUENTIAL, &c), FZ_OK);
  EXPECT_EQ(c.comparison, FZ_COMPARE_SEQUENTIAL);
  EXPECT_EQ(c.has_previous, 1);
  EXPECT_EQ(c.previous_kind, FZ_VALUE_COUNT);
  EXPECT_EQ(c.previous_integer, 133);
  EXPECT_EQ(c.has_change, 1);
  EXPECT_EQ(c.change_num, -25);
  EXPECT_EQ(c.change_den, 133);
  EXPECT_STREQ(c.change_text, "-18.8%");
  EXPECT_EQ(c.has_change_pp, 0);
  EXPECT_STREQ(c.change_pp_text, "");
  ASSERT_EQ(fz_report_get_change(spring, "reconsideration.received", FZ_COMPARE_YEAR_AGO, &c), FZ_OK);
  EXPECT_EQ(c.previous_integer, 145);
  EXPECT_EQ(c.change_num, -37);
  EXPECT_STREQ(c.previous_text, "145 件");

  c = FZ_CHANGE_INIT;
  ASSERT_EQ(fz_report_get_change(year, "litigation.win_rate", FZ_COMPARE_YEAR_AGO, &c), FZ_OK);
  EXPECT_EQ(c.previous_kind, FZ_VALUE_FRACTION);
  EXPECT_EQ(c.previous_num, 97);
  EXPECT_EQ(c.previous_den, 112);
  EXPECT_EQ(c.has_change_pp, 1);
  EXPECT_EQ(c.change_pp_num, 971);
  EXPECT_EQ(c.change_pp_den, 13104);
  EXPECT_STREQ(c.change_pp_text, "7.41 个百分点");
  EXPECT_STREQ(c.change_pp_decimal, "0.0741");
  EXPECT_STREQ(c.change_pp_num_text, "971");
  ASSERT_EQ(fz_report_get_change(year, "litigation.win_rate", FZ_COMPARE_SEQUENTIAL, &c), FZ_OK);
  EXPECT_EQ(c.has_previous, 0);  // a whole year has no 环比
  EXPECT_EQ(c.has_change, 0);
  EXPECT_EQ(c.has_change_pp, 0);

  EXPECT_EQ(fz_report_get_change(year, "litigation.win_rate", 2, &c), FZ_INVALID_ARGUMENT);
  EXPECT_EQ(fz_report_get_change(year, "no.such.metric", FZ_COMPARE_YEAR_AGO, &c), FZ_NOT_FOUND);
  EXPECT_EQ(fz_report_get_change(year, "litigation.win_rate", FZ_COMPARE_YEAR_AGO, nullptr), FZ_INVALID_ARGUMENT);
  c.struct_size = 8;
  EXPECT_EQ(fz_report_get_change(year, "litigation.win_rate", FZ_COMPARE_YEAR_AGO, &c), FZ_INVALID_ARGUMENT);
  fz_report_free(spring);
  fz_report_free(year);
  fz_dataset_free(ds);
}

}  // namespace
