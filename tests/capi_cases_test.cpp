// Case lists and department tables through libfazhi.so.1 (capi/fazhi.h,
// "Case lists"): the handle's count and records, their borrowed text, the
// renderings, an older caller's smaller fz_case, and the errors.
#include <gtest/gtest.h>

#include <cstddef>
#include <cstring>
#include <string>

#include "fazhi.h"

namespace {

const std::string kBaiyun = std::string(FAZHI_SOURCE_DIR) + "/data/examples/baiyun-2019";

class CApiCases : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(fz_dataset_create(&ds_, nullptr), FZ_OK) << fz_last_error_message();
    ASSERT_EQ(fz_dataset_load_dir(ds_, kBaiyun.c_str(), nullptr), FZ_OK) << fz_last_error_message();
  }
  void TearDown() override { fz_dataset_free(ds_); }
  fz_dataset* ds_ = nullptr;
};

TEST_F(CApiCases, AListIsAsLongAsItsFigureAndOutlivesTheDataset) {
  fz_case_list* l = nullptr;
  ASSERT_EQ(fz_case_list_compute(&l, ds_, "440111", "2019-01-01", "2019-12-31", "reconsideration.overdue",
                                 FZ_CASE_PART_COUNT, nullptr),
            FZ_OK)
      << fz_last_error_message();
  fz_dataset_free(ds_);
  ds_ = nullptr;
  int64_t n = 0;
  ASSERT_EQ(fz_case_list_count(l, &n), FZ_OK);
  EXPECT_EQ(n, 17);
  fz_case c = FZ_CASE_INIT;
  ASSERT_EQ(fz_case_list_get(l, 0, &c), FZ_OK);
  EXPECT_EQ(c.kind, FZ_KIND_RECONSIDERATION);
  EXPECT_STREQ(c.case_id, "云府行复〔2019〕28号");
  EXPECT_STREQ(c.region, "440111");
  EXPECT_STREQ(c.reason, "2019-01-21 受理，审理期限 2019-03-22 届满，2019-04-04 办结，逾期 13 日");
  EXPECT_EQ(c.times, 1);
  EXPECT_NE(std::string(c.columns_json).find("\"closed_date\":\"2019-04-04\""), std::string::npos);
  EXPECT_EQ(fz_case_list_get(l, 17, &c), FZ_OUT_OF_RANGE);
  char* json = nullptr;
  size_t len = 0;
  ASSERT_EQ(fz_case_list_to_json(l, &json, &len), FZ_OK);
  EXPECT_NE(std::string(json, len).find("\"count\":17"), std::string::npos);
  fz_free(json);
  fz_case_list_free(l);
}

TEST_F(CApiCases, AnOlderCallersSmallerStructGetsTheFieldsItHas) {
  fz_case_list* l = nullptr;
  ASSERT_EQ(fz_case_list_follow_up(&l, ds_, "440111", "2019-01-01", "2019-12-31", "late_defences", nullptr), FZ_OK)
      << fz_last_error_message();
  fz_case c;
  std::memset(&c, 0, sizeof c);
  c.struct_size = FZ_CASE_MIN_SIZE;
  ASSERT_EQ(fz_case_list_get(l, 0, &c), FZ_OK) << fz_last_error_message();
  EXPECT_NE(c.case_id, nullptr);
  c.struct_size = 4;
  EXPECT_EQ(fz_case_list_get(l, 0, &c), FZ_INVALID_ARGUMENT);
  fz_case_list_free(l);
}

TEST_F(CApiCases, ErrorsNameTheProblemAndLeaveNoHandle) {
  fz_case_list* l = reinterpret_cast<fz_case_list*>(&l);
  EXPECT_EQ(fz_case_list_compute(&l, ds_, "440111", "2019-01-01", "2019-12-31", "litigation.win_rate",
                                 FZ_CASE_PART_COUNT, nullptr),
            FZ_INVALID_ARGUMENT);
  EXPECT_EQ(l, nullptr);
  EXPECT_NE(std::string(fz_last_error_message()).find("numerator or its denominator"), std::string::npos);
  EXPECT_EQ(fz_case_list_compute(&l, ds_, "440111", "2019-01-01", "2019-12-31", "litigation.received", 7, nullptr),
            FZ_INVALID_ARGUMENT);
  EXPECT_EQ(fz_case_list_compute(&l, nullptr, "440111", "2019-01-01", "2019-12-31", "litigation.received",
                                 FZ_CASE_PART_COUNT, nullptr),
            FZ_INVALID_ARGUMENT);
  EXPECT_EQ(fz_case_list_follow_up(&l, ds_, "440111", "2019-01-01", "2019-12-31", "nope", nullptr),
            FZ_INVALID_ARGUMENT);
  int64_t n = 5;
  EXPECT_EQ(fz_case_list_count(nullptr, &n), FZ_INVALID_ARGUMENT);
  EXPECT_EQ(n, 0);
  fz_case_list_free(nullptr);
}

TEST_F(CApiCases, TheDepartmentTableWithTheExampleAssessment) {
  const std::string profile = std::string(FAZHI_SOURCE_DIR) + "/data/examples/assessment-county.json";
  fz_report_options o = FZ_REPORT_OPTIONS_INIT;
  o.profile_path = profile.c_str();
  char* json = nullptr;
  size_t len = 0;
  ASSERT_EQ(fz_departments_json(ds_, "440111", "2019-01-01", "2019-12-31", &o, &json, &len), FZ_OK)
      << fz_last_error_message();
  const std::string text(json, len);
  fz_free(json);
  EXPECT_NE(text.find("\"full_score\":\"10\""), std::string::npos);
  EXPECT_NE(text.find("（2019）粤71行终976号"), std::string::npos);
  ASSERT_EQ(fz_case_list_follow_up_names(&json, &len), FZ_OK);
  EXPECT_NE(std::string(json, len).find("\"hearings_without_head\""), std::string::npos);
  fz_free(json);
}

}  // namespace
