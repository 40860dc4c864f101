// fazhi/records.hpp -- the record kinds of docs/data.md and their codes.
//
// Each enumerated column has one code table (records.cpp) that maps the
// English code and every Chinese label of docs/data.md to an enum value, and the
// domain rules that hang on a code (which disposition corrects an act, which
// outcome is a judgment) are named functions here, each citing its article.
//
//   std::optional<fazhi::Disposition> d = fazhi::parse_code<fazhi::Disposition>("撤销");
//   fazhi::correction_class(*d);  // CorrectionClass::kDirect (行政复议法 art. 64)
#ifndef FAZHI_RECORDS_HPP_
#define FAZHI_RECORDS_HPP_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>

#include "fazhi/date.hpp"
#include "fazhi/region.hpp"
#include "fazhi/schema.hpp"

namespace fazhi {

// RecordKind names the CSV files of a dataset folder (`<kind>.csv`).
enum class RecordKind : uint8_t {
  kReconsideration,
  kLitigation,
  kLegalAid,
  kMediation,
  kRegistry,
  kActivity,
  kRegions,
};
inline constexpr int kRecordKindCount = 7;
std::string_view kind_name(RecordKind kind) noexcept;  // "reconsideration", ...
std::optional<RecordKind> parse_kind(std::string_view name) noexcept;

// Tri is a boolean column: docs/data.md says an empty value is unknown, which is
// not the same as false.
enum class Tri : int8_t { kUnknown = -1, kFalse = 0, kTrue = 1 };

// kNoDay marks an empty date column ("not yet": not accepted, not closed).
inline constexpr DayNumber kNoDay = INT32_MIN;

// ---- Codes (the tables of docs/data.md). Value 0 of each is "empty". -------------

enum class Disposition : uint8_t {
  kNone,
  kUpheld,                    // 维持, art. 68
  kClaimRejected,             // 驳回行政复议请求, art. 69
  kApplicationRejected,       // 驳回行政复议申请, art. 33
  kRevoked,                   // 撤销, art. 64
  kAltered,                   // 变更, art. 63
  kConfirmedIllegal,          // 确认违法, art. 65
  kConfirmedVoid,             // 确认无效, art. 67
  kOrderedPerformance,        // 责令履行, art. 66
  kAgreementRemedy,           // 行政协议, art. 71
  kMediated,                  // 调解, art. 73
  kSettled,                   // 和解, arts. 74 + 41(1)
  kWithdrawnAfterCorrection,  // 纠正后撤回, art. 41(1)
  kWithdrawn,                 // 撤回, art. 41(1)
  kTerminated,                // 终止, art. 41(2)-(5)
  kNotAccepted,               // 不予受理, art. 30
  kOther,                     // 其他
};

enum class Instance : uint8_t { kNone, kFirst, kSecond, kRetrial };

enum class LitigationOutcome : uint8_t {
  kNone,
  kJudgmentWin,               // 判决驳回诉讼请求 ..., 行政诉讼法 art. 69
  kJudgmentLoss,              // 判决撤销 ..., arts. 70-78
  kRulingDismissed,           // 裁定驳回起诉
  kWithdrawn,                 // 撤诉, art. 62
  kWithdrawnAfterCorrection,  // 被告改变行为后撤诉, art. 62
  kRemanded,                  // 发回重审
  kMediated,                  // 调解, art. 60
  kOther,                     // 其他, 终结, 移送
};

enum class AidDecision : uint8_t { kNone, kGranted, kDenied };
enum class AidCaseType : uint8_t { kNone, kCriminal, kCivil, kAdministrative, kOther };
enum class AssignmentMethod : uint8_t { kNone, kLottery, kDesignated, kDuty };
enum class MediationOutcome : uint8_t { kNone, kSuccess, kFailure, kOther };

// ---- Dimensions: the codes that breakdowns group by (docs/data.md) ---------

// AgencyLevel is the level of a reconsideration respondent or a litigation
// defendant (respondent_level, defendant_level).
enum class AgencyLevel : uint8_t {
  kNone,
  kProvinceGov,   // 省级人民政府
  kProvinceDept,  // 省级政府部门
  kCityGov,       // 市级人民政府
  kCityDept,      // 市级政府部门
  kCountyGov,     // 县级人民政府（区人民政府）
  kCountyDept,    // 县级政府部门
  kTownship,      // 乡镇人民政府、街道办事处
  kDispatched,    // 派出机构
  kOther,         // 其他
};

// ActType is the kind of administrative act under review or in suit
// (act_type), after 行政复议法 (2023) art. 11.
enum class ActType : uint8_t {
  kNone,
  kPenalty,                // 行政处罚
  kCoercion,               // 行政强制
  kLicensing,              // 行政许可
  kConfirmation,           // 行政确认
  kWorkInjury,             // 工伤认定
  kExpropriation,          // 征收征用及补偿
  kInformationDisclosure,  // 政府信息公开
  kComplaint,              // 举报投诉处理
  kInaction,               // 不履行法定职责
  kAgreement,              // 行政协议
  kSocialSecurity,         // 社会保障
  kRegistration,           // 行政登记
  kOther,                  // 其他
};

// ApplicantType is who applied for reconsideration (applicant_type).
enum class ApplicantType : uint8_t { kNone, kPerson, kLegalPerson, kOrganization };

// AidServiceType is the form of legal aid (service_type): 诉讼 or 非诉讼.
enum class AidServiceType : uint8_t { kNone, kLitigation, kNonLitigation };

// RecipientGroup is the legal-aid recipient's group (recipient_group).
enum class RecipientGroup : uint8_t {
  kNone,
  kMigrantWorker,  // 农民工
  kElderly,        // 老年人
  kMinor,          // 未成年人
  kDisabled,       // 残疾人
  kWomen,          // 妇女
  kMilitary,       // 军人军属
  kOther,          // 其他
};

// MediationOrgType is the kind of people's mediation organisation (org_type).
enum class MediationOrgType : uint8_t {
  kNone,
  kVillage,       // 村（居）调解委员会
  kTownship,      // 乡镇（街道）调解委员会
  kProfessional,  // 行业性专业性调解组织
  kEnterprise,    // 企事业单位调解委员会
  kOther,         // 其他
};

enum class RegistryKind : uint8_t {
  kNone,
  kLawFirm,
  kLawyer,
  kMediationOrg,
  kMediatorFulltime,
  kNotaryOffice,
  kNotaryPoint,
  kLegalServicePlatform,
};
inline constexpr int kRegistryKindCount = 8;

// Indicator is an activity indicator of docs/metrics.md's "Counted activities"
// table; its code table holds the dotted code and the Chinese label.
enum class Indicator : uint8_t {
  kNone,
  kDecisionLegalityReviews,         // decision.legality_reviews
  kContractMajorReviews,            // contract.major_reviews
  kContractSampled,                 // contract.sampled
  kEnforcementDepartmentsDisclosing,  // enforcement.departments_disclosing
  kEnforcementDisclosedRecords,     // enforcement.disclosed_records
  kEnforcementDiscretionItems,      // enforcement.discretion_items
  kEnforcementExamTakers,           // enforcement.exam_takers
  kEnforcementCertificates,         // enforcement.certificates
  kStaffExamTakers,                 // staff_exam.takers
  kStaffExamPassed,                 // staff_exam.passed
  kLawEducationEvents,              // law_education.events
  kLawEducationMaterials,           // law_education.materials
  kLawEducationAudience,            // law_education.audience
  kPublicLawyerMatters,             // public_lawyer.matters
  kPublicLawyerDocuments,           // public_lawyer.documents
  kPublicLawyerDisputes,            // public_lawyer.disputes
  kLegalServiceServices,            // legal_service.services
  kVillageAdviserServices,          // village_adviser.services
  kLegalAidConsultations,           // legal_aid.consultations
  kLawFirmAcceptances,              // law_firm.acceptances
  kLawFirmInspections,              // law_firm.inspections
};
inline constexpr int kIndicatorCount = 22;  // including kNone

// CodeEntry is one row of a code table: the canonical English code and its
// Chinese labels.
struct CodeEntry {
  uint8_t value;
  std::string_view code;
  std::span<const std::string_view> labels;
};

// code_table lists the codes of an enumerated column (one table per enum).
template <typename Enum>
std::span<const CodeEntry> code_table() noexcept;

// parse_code reads the English code or any Chinese label (trimmed; English
// codes ignore ASCII case). Empty text and unknown text give nullopt; callers
// tell the two apart by checking for empty text first.
template <typename Enum>
std::optional<Enum> parse_code(std::string_view text) noexcept;

// code_name is the canonical English code ("" for kNone).
template <typename Enum>
std::string_view code_name(Enum value) noexcept;

// parse_tri reads docs/data.md's booleans: 1/0, true/false, yes/no, 是/否, Y/N
// (ASCII case ignored); empty is kUnknown; anything else is nullopt.
std::optional<Tri> parse_tri(std::string_view text) noexcept;

// ---- Domain rules on the codes ---------------------------------------------

enum class CorrectionClass : uint8_t {
  kNone,
  kDirect,    // the body corrects the act itself
  kIndirect,  // the dispute ends with the act corrected or settled
  kOptional,  // counted as indirect only when the profile says so
};

// correction_class is the reconsideration disposition's place in the
// correction rates (docs/data.md's disposition table):
// 行政复议法 (2023) arts. 63-67 and 71 correct directly; art. 73 mediation,
// art. 74 settlement and an art. 41(1) withdrawal after the respondent
// corrected itself correct indirectly; a plain withdrawal (41(1)) or another
// termination (41(2)-(5)) counts only under a profile switch.
CorrectionClass correction_class(Disposition d) noexcept;

// is_concluded: every disposition but 不予受理 ends an accepted case
// (行政复议法 (2023) art. 30: a refusal at intake is not a conclusion).
bool is_concluded(Disposition d) noexcept;

// is_decided_on_merits: closed by a decision of the body, i.e. not by
// mediation, settlement, withdrawal or termination (the basis
// `concluded_by_decision` of docs/profile.md).
bool is_decided_on_merits(Disposition d) noexcept;

// is_judgment: 行政诉讼法 arts. 69-78, a judgment rather than a ruling.
bool is_judgment(LitigationOutcome o) noexcept;
// is_agency_loss: a losing judgment, or a withdrawal after the agency changed
// its act (art. 62), which docs/metrics.md counts as a loss.
bool is_agency_loss(LitigationOutcome o) noexcept;

// ---- One record of each kind, for record-at-a-time appends -----------------
//
// Each record has a member per column of its kind (schema.hpp), in that
// order, named as schema.hpp's `record_field`:
//   ID, TEXT       std::string (empty: not given)
//   REGION(_KEY)   RegionCode
//   DATE           Date when required (not_a_date_time: not given), else
//                  std::optional<Date>
//   CODE           the code's enum (kNone: not given)
//   BOOL           Tri (kUnknown: not given)
//   COUNT          the rule's integer when required, else std::optional of it
//   MONEY          std::optional<int64_t>, in fen
// `kKind` names the record's kind.

namespace internal {
// empty_field is a record member's value before anything is set.
template <typename T>
T empty_field() {
  if constexpr (std::is_same_v<T, Tri>) {
    return Tri::kUnknown;
  } else {
    return T{};
  }
}
}  // namespace internal

#define FAZHI_RECORD_TYPE_ID(detail, required) std::string
#define FAZHI_RECORD_TYPE_REGION(detail, required) RegionCode
#define FAZHI_RECORD_TYPE_REGION_KEY(detail, required) RegionCode
#define FAZHI_RECORD_TYPE_DATE(detail, required) \
  std::conditional_t<(required), Date, std::optional<Date>>
#define FAZHI_RECORD_TYPE_CODE(detail, required) detail
#define FAZHI_RECORD_TYPE_BOOL(detail, required) Tri
#define FAZHI_RECORD_TYPE_TEXT(detail, required) std::string
#define FAZHI_RECORD_TYPE_COUNT(detail, required) \
  std::conditional_t<(required), detail::type, std::optional<detail::type>>
#define FAZHI_RECORD_TYPE_MONEY(detail, required) std::optional<int64_t>
#define FAZHI_RECORD_MEMBER(column, record_field, stored_as, TYPE, detail, required, ...) \
  FAZHI_RECORD_TYPE_##TYPE(detail, required) record_field =                              \
      internal::empty_field<FAZHI_RECORD_TYPE_##TYPE(detail, required)>();

struct ReconsiderationRecord {
  static constexpr RecordKind kKind = RecordKind::kReconsideration;
  FAZHI_RECONSIDERATION_COLUMNS(FAZHI_RECORD_MEMBER)
};

struct LitigationRecord {
  static constexpr RecordKind kKind = RecordKind::kLitigation;
  FAZHI_LITIGATION_COLUMNS(FAZHI_RECORD_MEMBER)
};

struct LegalAidRecord {
  static constexpr RecordKind kKind = RecordKind::kLegalAid;
  FAZHI_LEGAL_AID_COLUMNS(FAZHI_RECORD_MEMBER)
};

struct MediationRecord {
  static constexpr RecordKind kKind = RecordKind::kMediation;
  FAZHI_MEDIATION_COLUMNS(FAZHI_RECORD_MEMBER)
};

struct RegistryRecord {
  static constexpr RecordKind kKind = RecordKind::kRegistry;
  FAZHI_REGISTRY_COLUMNS(FAZHI_RECORD_MEMBER)
};

struct ActivityRecord {
  static constexpr RecordKind kKind = RecordKind::kActivity;
  FAZHI_ACTIVITY_COLUMNS(FAZHI_RECORD_MEMBER)
};

struct RegionNameRecord {
  static constexpr RecordKind kKind = RecordKind::kRegions;
  FAZHI_REGIONS_COLUMNS(FAZHI_RECORD_MEMBER)
};

#undef FAZHI_RECORD_MEMBER
#undef FAZHI_RECORD_TYPE_ID
#undef FAZHI_RECORD_TYPE_REGION
#undef FAZHI_RECORD_TYPE_REGION_KEY
#undef FAZHI_RECORD_TYPE_DATE
#undef FAZHI_RECORD_TYPE_CODE
#undef FAZHI_RECORD_TYPE_BOOL
#undef FAZHI_RECORD_TYPE_TEXT
#undef FAZHI_RECORD_TYPE_COUNT
#undef FAZHI_RECORD_TYPE_MONEY

}  // namespace fazhi

#endif  // FAZHI_RECORDS_HPP_
