#include "fazhi/records.hpp"

#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "fazhi/text.hpp"

#include <set>
#include <string>

#include "absl/strings/ascii.h"

namespace fazhi {
namespace {

// Every code and every label of a table parses back to its value, the code
// also in upper case and with surrounding spaces, and code_name round-trips.
template <typename Enum>
void ExpectTableRoundTrips(size_t codes, size_t labels) {
  size_t label_count = 0;
  std::set<std::string_view> seen;
  for (const CodeEntry& e : code_table<Enum>()) {
    EXPECT_EQ(parse_code<Enum>(e.code), static_cast<Enum>(e.value)) << e.code;
    std::string upper = absl::AsciiStrToUpper(std::string(e.code));
    EXPECT_EQ(parse_code<Enum>(upper), static_cast<Enum>(e.value)) << upper;
    // (absl::StrCat rather than operator+: GCC 12 -O3 warns wrongly, -Wrestrict.)
    EXPECT_EQ(parse_code<Enum>(absl::StrCat(" ", absl_view(e.code), "\xE3\x80\x80")),
              static_cast<Enum>(e.value));
    EXPECT_EQ(code_name(static_cast<Enum>(e.value)), e.code);
    EXPECT_TRUE(seen.insert(e.code).second) << "code twice: " << e.code;
    for (std::string_view label : e.labels) {
      EXPECT_EQ(parse_code<Enum>(label), static_cast<Enum>(e.value)) << label;
      EXPECT_TRUE(seen.insert(label).second) << "label twice: " << label;
      ++label_count;
    }
  }
  EXPECT_EQ(code_table<Enum>().size(), codes);
  EXPECT_EQ(label_count, labels);
  EXPECT_EQ(code_name(Enum::kNone), "");
  EXPECT_FALSE(parse_code<Enum>("").has_value());
  EXPECT_FALSE(parse_code<Enum>("  ").has_value());
  EXPECT_FALSE(parse_code<Enum>("no_such_code").has_value());
}

TEST(CodeTable, DispositionHasEveryCodeAndLabelOfDataMd) {
  ExpectTableRoundTrips<Disposition>(16, 29);
  EXPECT_EQ(parse_code<Disposition>("驳回行政复议请求"), Disposition::kClaimRejected);
  EXPECT_EQ(parse_code<Disposition>("驳回申请"), Disposition::kApplicationRejected);
  EXPECT_EQ(parse_code<Disposition>("撤销并责令重作"), Disposition::kRevoked);
  EXPECT_EQ(parse_code<Disposition>("补偿"), Disposition::kAgreementRemedy);
  EXPECT_EQ(parse_code<Disposition>("主动纠正"), Disposition::kWithdrawnAfterCorrection);
  EXPECT_EQ(parse_code<Disposition>("申请人撤回"), Disposition::kWithdrawn);
  EXPECT_EQ(parse_code<Disposition>("不予受理"), Disposition::kNotAccepted);
}

TEST(CodeTable, LitigationTablesHaveEveryCodeAndLabelOfDataMd) {
  ExpectTableRoundTrips<Instance>(3, 3);
  ExpectTableRoundTrips<LitigationOutcome>(8, 31);
  EXPECT_EQ(parse_code<LitigationOutcome>("驳回上诉维持原判"), LitigationOutcome::kJudgmentWin);
  EXPECT_EQ(parse_code<LitigationOutcome>("判决给付"), LitigationOutcome::kJudgmentLoss);
  EXPECT_EQ(parse_code<LitigationOutcome>("裁定不予立案"), LitigationOutcome::kRulingDismissed);
  EXPECT_EQ(parse_code<LitigationOutcome>("按撤诉处理"), LitigationOutcome::kWithdrawn);
  EXPECT_EQ(parse_code<LitigationOutcome>("改变行政行为后撤诉"),
            LitigationOutcome::kWithdrawnAfterCorrection);
  EXPECT_EQ(parse_code<LitigationOutcome>("移送"), LitigationOutcome::kOther);
  EXPECT_EQ(parse_code<Instance>("再审"), Instance::kRetrial);
}

TEST(CodeTable, LegalAidMediationAndRegistryTablesHaveEveryCode) {
  ExpectTableRoundTrips<AidDecision>(2, 4);
  ExpectTableRoundTrips<AidCaseType>(4, 4);
  ExpectTableRoundTrips<AssignmentMethod>(3, 3);
  ExpectTableRoundTrips<MediationOutcome>(3, 4);
  ExpectTableRoundTrips<RegistryKind>(7, 7);
  EXPECT_EQ(parse_code<AidDecision>("驳回"), AidDecision::kDenied);
  EXPECT_EQ(parse_code<AssignmentMethod>("摇珠"), AssignmentMethod::kLottery);
  EXPECT_EQ(parse_code<MediationOutcome>("未达成协议"), MediationOutcome::kFailure);
  EXPECT_EQ(parse_code<RegistryKind>("公共法律服务平台"), RegistryKind::kLegalServicePlatform);
}

TEST(CodeTable, IndicatorHasTheCountedActivitiesOfReportMd) {
  ExpectTableRoundTrips<Indicator>(21, 21);
  EXPECT_EQ(parse_code<Indicator>("law_education.events"), Indicator::kLawEducationEvents);
  EXPECT_EQ(parse_code<Indicator>("普法教育活动"), Indicator::kLawEducationEvents);
  EXPECT_EQ(parse_code<Indicator>("统一学法考试参考"), Indicator::kStaffExamTakers);
  EXPECT_EQ(parse_code<Indicator>("统一学法考试通过"), Indicator::kStaffExamPassed);
  EXPECT_EQ(parse_code<Indicator>("村（社区）法律顾问服务"), Indicator::kVillageAdviserServices);
  EXPECT_EQ(code_name(Indicator::kLawFirmInspections), "law_firm.inspections");
  // The enum order is the table order.
  uint8_t expected = 1;
  for (const CodeEntry& e : code_table<Indicator>()) EXPECT_EQ(e.value, expected++);
}

TEST(ParseTri, ReadsEveryBooleanOfDataMd) {
  for (const char* yes : {"1", "true", "TRUE", "yes", "Yes", "是", "Y", "y", " 1 "}) {
    EXPECT_EQ(parse_tri(yes), Tri::kTrue) << yes;
  }
  for (const char* no : {"0", "false", "False", "no", "NO", "否", "N", "n"}) {
    EXPECT_EQ(parse_tri(no), Tri::kFalse) << no;
  }
  EXPECT_EQ(parse_tri(""), Tri::kUnknown);
  EXPECT_EQ(parse_tri("\xE3\x80\x80"), Tri::kUnknown);
  EXPECT_FALSE(parse_tri("maybe").has_value());
  EXPECT_FALSE(parse_tri("2").has_value());
}

TEST(RecordKind, NamesRoundTrip) {
  for (int k = 0; k < kRecordKindCount; ++k) {
    const auto kind = static_cast<RecordKind>(k);
    EXPECT_EQ(parse_kind(kind_name(kind)), kind);
  }
  EXPECT_EQ(kind_name(RecordKind::kLegalAid), "legal_aid");
  EXPECT_EQ(parse_kind("MEDIATION"), RecordKind::kMediation);
  EXPECT_FALSE(parse_kind("cases").has_value());
}

TEST(CorrectionClass, FollowsTheReconsiderationLaw) {
  using D = Disposition;
  using C = CorrectionClass;
  const std::pair<D, C> expected[] = {
      {D::kNone, C::kNone},
      {D::kUpheld, C::kNone},
      {D::kClaimRejected, C::kNone},
      {D::kApplicationRejected, C::kNone},
      {D::kRevoked, C::kDirect},
      {D::kAltered, C::kDirect},
      {D::kConfirmedIllegal, C::kDirect},
      {D::kConfirmedVoid, C::kDirect},
      {D::kOrderedPerformance, C::kDirect},
      {D::kAgreementRemedy, C::kDirect},
      {D::kMediated, C::kIndirect},
      {D::kSettled, C::kIndirect},
      {D::kWithdrawnAfterCorrection, C::kIndirect},
      {D::kWithdrawn, C::kOptional},
      {D::kTerminated, C::kOptional},
      {D::kNotAccepted, C::kNone},
      {D::kOther, C::kNone},
  };
  for (const auto& [d, c] : expected) {
    EXPECT_EQ(correction_class(d), c) << code_name(d);
  }
}

TEST(IsConcluded, EveryDispositionButNotAccepted) {
  for (const CodeEntry& e : code_table<Disposition>()) {
    const auto d = static_cast<Disposition>(e.value);
    EXPECT_EQ(is_concluded(d), d != Disposition::kNotAccepted) << e.code;
  }
  EXPECT_FALSE(is_concluded(Disposition::kNone));
}

TEST(IsDecidedOnMerits, ExcludesMediationSettlementWithdrawalAndTermination) {
  for (Disposition d : {Disposition::kMediated, Disposition::kSettled,
                        Disposition::kWithdrawnAfterCorrection, Disposition::kWithdrawn,
                        Disposition::kTerminated, Disposition::kNotAccepted, Disposition::kNone}) {
    EXPECT_FALSE(is_decided_on_merits(d)) << code_name(d);
  }
  for (Disposition d :
       {Disposition::kUpheld, Disposition::kClaimRejected, Disposition::kApplicationRejected,
        Disposition::kRevoked, Disposition::kAltered, Disposition::kConfirmedIllegal,
        Disposition::kConfirmedVoid, Disposition::kOrderedPerformance,
        Disposition::kAgreementRemedy, Disposition::kOther}) {
    EXPECT_TRUE(is_decided_on_merits(d)) << code_name(d);
  }
}

TEST(LitigationOutcome, JudgmentsAndLosses) {
  for (const CodeEntry& e : code_table<LitigationOutcome>()) {
    const auto o = static_cast<LitigationOutcome>(e.value);
    EXPECT_EQ(is_judgment(o),
              o == LitigationOutcome::kJudgmentWin || o == LitigationOutcome::kJudgmentLoss)
        << e.code;
    EXPECT_EQ(is_agency_loss(o), o == LitigationOutcome::kJudgmentLoss ||
                                     o == LitigationOutcome::kWithdrawnAfterCorrection)
        << e.code;
  }
}

}  // namespace
}  // namespace fazhi
