// The code tables of docs/data.md and the domain rules that hang on a code.
//
// Every table lists the English code first and then, exactly as docs/data.md prints
// them, the Chinese labels a clerk may type instead. parse_code looks a value up
// in a hash table built once per enum (exact text), then falls back to an
// ASCII-case-insensitive match of the English codes.
#include "fazhi/records.hpp"

#include <array>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "fazhi/text.hpp"

namespace fazhi {
namespace {

template <typename Enum>
constexpr uint8_t v(Enum e) {
  return static_cast<uint8_t>(e);
}

using L = std::string_view;

// ---- reconsideration.disposition (docs/data.md; 行政复议法 (2023) arts. 30-74) ----
constexpr L kUpheld[] = {"维持"};
constexpr L kClaimRejected[] = {"驳回", "驳回复议请求", "驳回行政复议请求"};
constexpr L kApplicationRejected[] = {"驳回申请", "驳回行政复议申请"};
constexpr L kRevoked[] = {"撤销", "部分撤销", "撤销并责令重作", "责令重作"};
constexpr L kAltered[] = {"变更"};
constexpr L kConfirmedIllegal[] = {"确认违法"};
constexpr L kConfirmedVoid[] = {"确认无效"};
constexpr L kOrderedPerformance[] = {"责令履行"};
constexpr L kAgreementRemedy[] = {"行政协议", "责令依约履行", "补偿"};
constexpr L kDispMediated[] = {"调解", "调解结案"};
constexpr L kSettled[] = {"和解", "和解撤回"};
constexpr L kDispWithdrawnAfterCorrection[] = {"纠正后撤回", "自行纠正后撤回", "主动纠正"};
constexpr L kDispWithdrawn[] = {"撤回", "申请人撤回"};
constexpr L kTerminated[] = {"终止"};
constexpr L kNotAccepted[] = {"不予受理"};
constexpr L kDispOther[] = {"其他"};

constexpr CodeEntry kDispositions[] = {
    {v(Disposition::kUpheld), "upheld", kUpheld},
    {v(Disposition::kClaimRejected), "claim_rejected", kClaimRejected},
    {v(Disposition::kApplicationRejected), "application_rejected", kApplicationRejected},
    {v(Disposition::kRevoked), "revoked", kRevoked},
    {v(Disposition::kAltered), "altered", kAltered},
    {v(Disposition::kConfirmedIllegal), "confirmed_illegal", kConfirmedIllegal},
    {v(Disposition::kConfirmedVoid), "confirmed_void", kConfirmedVoid},
    {v(Disposition::kOrderedPerformance), "ordered_performance", kOrderedPerformance},
    {v(Disposition::kAgreementRemedy), "agreement_remedy", kAgreementRemedy},
    {v(Disposition::kMediated), "mediated", kDispMediated},
    {v(Disposition::kSettled), "settled", kSettled},
    {v(Disposition::kWithdrawnAfterCorrection), "withdrawn_after_correction",
     kDispWithdrawnAfterCorrection},
    {v(Disposition::kWithdrawn), "withdrawn", kDispWithdrawn},
    {v(Disposition::kTerminated), "terminated", kTerminated},
    {v(Disposition::kNotAccepted), "not_accepted", kNotAccepted},
    {v(Disposition::kOther), "other", kDispOther},
};

// ---- litigation.instance and litigation.outcome (行政诉讼法 arts. 62, 69-78) ----
constexpr L kFirst[] = {"一审"};
constexpr L kSecond[] = {"二审"};
constexpr L kRetrial[] = {"再审"};
constexpr CodeEntry kInstances[] = {
    {v(Instance::kFirst), "first", kFirst},
    {v(Instance::kSecond), "second", kSecond},
    {v(Instance::kRetrial), "retrial", kRetrial},
};

constexpr L kJudgmentWin[] = {"判决驳回诉讼请求", "驳回诉讼请求", "判决维持",
                              "驳回上诉维持原判", "维持原判",     "胜诉"};
constexpr L kJudgmentLoss[] = {"判决撤销", "判决部分撤销", "判决确认违法", "判决确认无效",
                               "判决履行", "判决给付",     "判决变更",     "判决赔偿",
                               "改判",     "败诉"};
constexpr L kRulingDismissed[] = {"裁定驳回起诉", "驳回起诉", "裁定不予立案", "不予立案"};
constexpr L kLitWithdrawn[] = {"撤诉", "准予撤诉", "按撤诉处理"};
constexpr L kLitWithdrawnAfterCorrection[] = {"被告改变行为后撤诉", "改变行政行为后撤诉"};
constexpr L kRemanded[] = {"发回重审"};
constexpr L kLitMediated[] = {"调解"};
constexpr L kLitOther[] = {"其他", "终结", "终结诉讼", "移送"};
constexpr CodeEntry kOutcomes[] = {
    {v(LitigationOutcome::kJudgmentWin), "judgment_win", kJudgmentWin},
    {v(LitigationOutcome::kJudgmentLoss), "judgment_loss", kJudgmentLoss},
    {v(LitigationOutcome::kRulingDismissed), "ruling_dismissed", kRulingDismissed},
    {v(LitigationOutcome::kWithdrawn), "withdrawn", kLitWithdrawn},
    {v(LitigationOutcome::kWithdrawnAfterCorrection), "withdrawn_after_correction",
     kLitWithdrawnAfterCorrection},
    {v(LitigationOutcome::kRemanded), "remanded", kRemanded},
    {v(LitigationOutcome::kMediated), "mediated", kLitMediated},
    {v(LitigationOutcome::kOther), "other", kLitOther},
};

// ---- legal_aid ----
constexpr L kGranted[] = {"给予", "准予"};
constexpr L kDenied[] = {"不予", "驳回"};
constexpr CodeEntry kAidDecisions[] = {
    {v(AidDecision::kGranted), "granted", kGranted},
    {v(AidDecision::kDenied), "denied", kDenied},
};

constexpr L kCriminal[] = {"刑事"};
constexpr L kCivil[] = {"民事"};
constexpr L kAdministrative[] = {"行政"};
constexpr L kAidOther[] = {"其他"};
constexpr CodeEntry kAidCaseTypes[] = {
    {v(AidCaseType::kCriminal), "criminal", kCriminal},
    {v(AidCaseType::kCivil), "civil", kCivil},
    {v(AidCaseType::kAdministrative), "administrative", kAdministrative},
    {v(AidCaseType::kOther), "other", kAidOther},
};

constexpr L kLottery[] = {"摇珠"};
constexpr L kDesignated[] = {"指定"};
constexpr L kDuty[] = {"值班"};
constexpr CodeEntry kAssignmentMethods[] = {
    {v(AssignmentMethod::kLottery), "lottery", kLottery},
    {v(AssignmentMethod::kDesignated), "designated", kDesignated},
    {v(AssignmentMethod::kDuty), "duty", kDuty},
};

// ---- mediation.outcome (docs/data.md lists no Chinese label for `other`) ----
constexpr L kSuccess[] = {"调解成功", "达成协议"};
constexpr L kFailure[] = {"调解不成", "未达成协议"};
constexpr CodeEntry kMediationOutcomes[] = {
    {v(MediationOutcome::kSuccess), "success", kSuccess},
    {v(MediationOutcome::kFailure), "failure", kFailure},
    {v(MediationOutcome::kOther), "other", {}},
};

// ---- registry.kind ----
constexpr L kLawFirm[] = {"律师事务所"};
constexpr L kLawyer[] = {"律师"};
constexpr L kMediationOrg[] = {"调解组织"};
constexpr L kMediatorFulltime[] = {"专职调解员"};
constexpr L kNotaryOffice[] = {"公证机构"};
constexpr L kNotaryPoint[] = {"公证办理点"};
constexpr L kLegalServicePlatform[] = {"公共法律服务平台"};
constexpr CodeEntry kRegistryKinds[] = {
    {v(RegistryKind::kLawFirm), "law_firm", kLawFirm},
    {v(RegistryKind::kLawyer), "lawyer", kLawyer},
    {v(RegistryKind::kMediationOrg), "mediation_org", kMediationOrg},
    {v(RegistryKind::kMediatorFulltime), "mediator_fulltime", kMediatorFulltime},
    {v(RegistryKind::kNotaryOffice), "notary_office", kNotaryOffice},
    {v(RegistryKind::kNotaryPoint), "notary_point", kNotaryPoint},
    {v(RegistryKind::kLegalServicePlatform), "legal_service_platform", kLegalServicePlatform},
};

// ---- activity.indicator (docs/metrics.md, "Counted activities") ----
constexpr L kIDecisionLegalityReviews[] = {"重大决策文件合法性审查"};
constexpr L kIContractMajorReviews[] = {"重大政府合同审查"};
constexpr L kIContractSampled[] = {"随机抽查政府合同"};
constexpr L kIEnforcementDepartmentsDisclosing[] = {"公开行政执法数据的部门"};
constexpr L kIEnforcementDisclosedRecords[] = {"公开行政执法数据"};
constexpr L kIEnforcementDiscretionItems[] = {"公开自由裁量权数据"};
constexpr L kIEnforcementExamTakers[] = {"执法资格考试"};
constexpr L kIEnforcementCertificates[] = {"办理执法证件申领及注销"};
constexpr L kIStaffExamTakers[] = {"统一学法考试参考"};
constexpr L kIStaffExamPassed[] = {"统一学法考试通过"};
constexpr L kILawEducationEvents[] = {"普法教育活动"};
constexpr L kILawEducationMaterials[] = {"发放法治宣传资料"};
constexpr L kILawEducationAudience[] = {"受教育人数"};
constexpr L kIPublicLawyerMatters[] = {"公职律师办理非诉法律事务"};
constexpr L kIPublicLawyerDocuments[] = {"审查规范性文件、政策方案、合同"};
constexpr L kIPublicLawyerDisputes[] = {"参与重大矛盾纠纷及信访案件"};
constexpr L kILegalServiceServices[] = {"实体和网络平台提供法律服务"};
constexpr L kIVillageAdviserServices[] = {"村（社区）法律顾问服务"};
constexpr L kILegalAidConsultations[] = {"免费法律咨询"};
constexpr L kILawFirmAcceptances[] = {"律师事务所验收"};
constexpr L kILawFirmInspections[] = {"双随机一公开检查"};
constexpr CodeEntry kIndicators[] = {
    {v(Indicator::kDecisionLegalityReviews), "decision.legality_reviews",
     kIDecisionLegalityReviews},
    {v(Indicator::kContractMajorReviews), "contract.major_reviews", kIContractMajorReviews},
    {v(Indicator::kContractSampled), "contract.sampled", kIContractSampled},
    {v(Indicator::kEnforcementDepartmentsDisclosing), "enforcement.departments_disclosing",
     kIEnforcementDepartmentsDisclosing},
    {v(Indicator::kEnforcementDisclosedRecords), "enforcement.disclosed_records",
     kIEnforcementDisclosedRecords},
    {v(Indicator::kEnforcementDiscretionItems), "enforcement.discretion_items",
     kIEnforcementDiscretionItems},
    {v(Indicator::kEnforcementExamTakers), "enforcement.exam_takers", kIEnforcementExamTakers},
    {v(Indicator::kEnforcementCertificates), "enforcement.certificates", kIEnforcementCertificates},
    {v(Indicator::kStaffExamTakers), "staff_exam.takers", kIStaffExamTakers},
    {v(Indicator::kStaffExamPassed), "staff_exam.passed", kIStaffExamPassed},
    {v(Indicator::kLawEducationEvents), "law_education.events", kILawEducationEvents},
    {v(Indicator::kLawEducationMaterials), "law_education.materials", kILawEducationMaterials},
    {v(Indicator::kLawEducationAudience), "law_education.audience", kILawEducationAudience},
    {v(Indicator::kPublicLawyerMatters), "public_lawyer.matters", kIPublicLawyerMatters},
    {v(Indicator::kPublicLawyerDocuments), "public_lawyer.documents", kIPublicLawyerDocuments},
    {v(Indicator::kPublicLawyerDisputes), "public_lawyer.disputes", kIPublicLawyerDisputes},
    {v(Indicator::kLegalServiceServices), "legal_service.services", kILegalServiceServices},
    {v(Indicator::kVillageAdviserServices), "village_adviser.services", kIVillageAdviserServices},
    {v(Indicator::kLegalAidConsultations), "legal_aid.consultations", kILegalAidConsultations},
    {v(Indicator::kLawFirmAcceptances), "law_firm.acceptances", kILawFirmAcceptances},
    {v(Indicator::kLawFirmInspections), "law_firm.inspections", kILawFirmInspections},
};
static_assert(std::size(kIndicators) + 1 == kIndicatorCount);
static_assert(std::size(kRegistryKinds) + 1 == kRegistryKindCount);

// ---- Dimensions (docs/data.md "Dimensions") ---------------------------------
constexpr L kProvinceGov[] = {"省级人民政府", "省政府"};
constexpr L kProvinceDept[] = {"省级政府部门", "省直部门"};
constexpr L kCityGov[] = {"市级人民政府", "市政府"};
constexpr L kCityDept[] = {"市级政府部门", "市直部门"};
constexpr L kCountyGov[] = {"县级人民政府", "区人民政府", "县政府", "区政府"};
constexpr L kCountyDept[] = {"县级政府部门", "区政府部门", "县政府部门", "区直部门"};
constexpr L kTownshipLevel[] = {"乡镇人民政府", "街道办事处", "乡镇（街道）", "镇街"};
constexpr L kDispatched[] = {"派出机构", "派出机关"};
constexpr L kLevelOther[] = {"其他"};
constexpr CodeEntry kAgencyLevels[] = {
    {v(AgencyLevel::kProvinceGov), "province_gov", kProvinceGov},
    {v(AgencyLevel::kProvinceDept), "province_dept", kProvinceDept},
    {v(AgencyLevel::kCityGov), "city_gov", kCityGov},
    {v(AgencyLevel::kCityDept), "city_dept", kCityDept},
    {v(AgencyLevel::kCountyGov), "county_gov", kCountyGov},
    {v(AgencyLevel::kCountyDept), "county_dept", kCountyDept},
    {v(AgencyLevel::kTownship), "township", kTownshipLevel},
    {v(AgencyLevel::kDispatched), "dispatched", kDispatched},
    {v(AgencyLevel::kOther), "other", kLevelOther},
};

// 行政复议法 (2023) art. 11 lists the acts an application may be about.
constexpr L kPenalty[] = {"行政处罚"};
constexpr L kCoercion[] = {"行政强制", "行政强制措施", "行政强制执行"};
constexpr L kLicensing[] = {"行政许可"};
constexpr L kConfirmation[] = {"行政确认", "确权"};
constexpr L kWorkInjury[] = {"工伤认定"};
constexpr L kExpropriation[] = {"征收征用", "征收补偿", "征收征用及补偿"};
constexpr L kInformationDisclosure[] = {"政府信息公开", "信息公开"};
constexpr L kComplaint[] = {"举报投诉处理", "投诉举报", "举报投诉"};
constexpr L kInaction[] = {"不履行法定职责", "行政不作为"};
constexpr L kAgreement[] = {"行政协议"};
constexpr L kSocialSecurity[] = {"社会保障", "社会保险", "最低生活保障"};
constexpr L kRegistration[] = {"行政登记", "不动产登记"};
constexpr L kActOther[] = {"其他"};
constexpr CodeEntry kActTypes[] = {
    {v(ActType::kPenalty), "penalty", kPenalty},
    {v(ActType::kCoercion), "coercion", kCoercion},
    {v(ActType::kLicensing), "licensing", kLicensing},
    {v(ActType::kConfirmation), "confirmation", kConfirmation},
    {v(ActType::kWorkInjury), "work_injury", kWorkInjury},
    {v(ActType::kExpropriation), "expropriation", kExpropriation},
    {v(ActType::kInformationDisclosure), "information_disclosure", kInformationDisclosure},
    {v(ActType::kComplaint), "complaint", kComplaint},
    {v(ActType::kInaction), "inaction", kInaction},
    {v(ActType::kAgreement), "agreement", kAgreement},
    {v(ActType::kSocialSecurity), "social_security", kSocialSecurity},
    {v(ActType::kRegistration), "registration", kRegistration},
    {v(ActType::kOther), "other", kActOther},
};

constexpr L kPerson[] = {"自然人", "公民"};
constexpr L kLegalPerson[] = {"法人"};
constexpr L kOrganization[] = {"其他组织"};
constexpr CodeEntry kApplicantTypes[] = {
    {v(ApplicantType::kPerson), "person", kPerson},
    {v(ApplicantType::kLegalPerson), "legal_person", kLegalPerson},
    {v(ApplicantType::kOrganization), "organization", kOrganization},
};

constexpr L kAidLitigation[] = {"诉讼", "诉讼代理", "刑事辩护"};
constexpr L kAidNonLitigation[] = {"非诉讼", "非诉讼代理"};
constexpr CodeEntry kAidServiceTypes[] = {
    {v(AidServiceType::kLitigation), "litigation", kAidLitigation},
    {v(AidServiceType::kNonLitigation), "non_litigation", kAidNonLitigation},
};

constexpr L kMigrantWorker[] = {"农民工"};
constexpr L kElderly[] = {"老年人"};
constexpr L kMinor[] = {"未成年人"};
constexpr L kDisabled[] = {"残疾人"};
constexpr L kWomen[] = {"妇女"};
constexpr L kMilitary[] = {"军人军属"};
constexpr L kGroupOther[] = {"其他"};
constexpr CodeEntry kRecipientGroups[] = {
    {v(RecipientGroup::kMigrantWorker), "migrant_worker", kMigrantWorker},
    {v(RecipientGroup::kElderly), "elderly", kElderly},
    {v(RecipientGroup::kMinor), "minor", kMinor},
    {v(RecipientGroup::kDisabled), "disabled", kDisabled},
    {v(RecipientGroup::kWomen), "women", kWomen},
    {v(RecipientGroup::kMilitary), "military", kMilitary},
    {v(RecipientGroup::kOther), "other", kGroupOther},
};

constexpr L kVillage[] = {"村（居）调解委员会", "村居"};
constexpr L kTownshipOrg[] = {"乡镇（街道）调解委员会", "乡镇街道"};
constexpr L kProfessional[] = {"行业性专业性调解组织", "行业性专业性"};
constexpr L kEnterprise[] = {"企事业单位调解委员会"};
constexpr L kOrgOther[] = {"其他"};
constexpr CodeEntry kMediationOrgTypes[] = {
    {v(MediationOrgType::kVillage), "village", kVillage},
    {v(MediationOrgType::kTownship), "township", kTownshipOrg},
    {v(MediationOrgType::kProfessional), "professional", kProfessional},
    {v(MediationOrgType::kEnterprise), "enterprise", kEnterprise},
    {v(MediationOrgType::kOther), "other", kOrgOther},
};

std::span<const CodeEntry> table_for(Disposition*) { return kDispositions; }
std::span<const CodeEntry> table_for(Instance*) { return kInstances; }
std::span<const CodeEntry> table_for(LitigationOutcome*) { return kOutcomes; }
std::span<const CodeEntry> table_for(AidDecision*) { return kAidDecisions; }
std::span<const CodeEntry> table_for(AidCaseType*) { return kAidCaseTypes; }
std::span<const CodeEntry> table_for(AssignmentMethod*) { return kAssignmentMethods; }
std::span<const CodeEntry> table_for(MediationOutcome*) { return kMediationOutcomes; }
std::span<const CodeEntry> table_for(RegistryKind*) { return kRegistryKinds; }
std::span<const CodeEntry> table_for(Indicator*) { return kIndicators; }
std::span<const CodeEntry> table_for(AgencyLevel*) { return kAgencyLevels; }
std::span<const CodeEntry> table_for(ActType*) { return kActTypes; }
std::span<const CodeEntry> table_for(ApplicantType*) { return kApplicantTypes; }
std::span<const CodeEntry> table_for(AidServiceType*) { return kAidServiceTypes; }
std::span<const CodeEntry> table_for(RecipientGroup*) { return kRecipientGroups; }
std::span<const CodeEntry> table_for(MediationOrgType*) { return kMediationOrgTypes; }

// CodeLookup is the exact-text index of one table: the loaders call
// parse_code once per row and column, so it must not scan the table.
struct CodeLookup {
  absl::flat_hash_map<absl::string_view, uint8_t> exact;
  std::array<std::string_view, 256> names{};
};

CodeLookup build_lookup(std::span<const CodeEntry> table) {
  CodeLookup lookup;
  for (const CodeEntry& e : table) {
    lookup.exact.emplace(absl_view(e.code), e.value);
    for (std::string_view label : e.labels) lookup.exact.emplace(absl_view(label), e.value);
    lookup.names[e.value] = e.code;
  }
  return lookup;
}

template <typename Enum>
const CodeLookup& lookup_for() {
  static const CodeLookup* const kLookup =
      new CodeLookup(build_lookup(table_for(static_cast<Enum*>(nullptr))));
  return *kLookup;
}

// Every lookup is built before main. parse_code and code_name are noexcept
// and first called in the middle of a load, where building a lookup could
// run out of memory and terminate the program instead of failing the load;
// built at start-up, they never allocate later. (A static initializer of
// another file that reaches one first still builds it, in lookup_for.)
[[maybe_unused]] const bool kLookupsBuilt =
    (lookup_for<Disposition>(), lookup_for<Instance>(), lookup_for<LitigationOutcome>(),
     lookup_for<AidDecision>(), lookup_for<AidCaseType>(), lookup_for<AssignmentMethod>(),
     lookup_for<MediationOutcome>(), lookup_for<RegistryKind>(), lookup_for<Indicator>(), true);

constexpr std::string_view kKindNames[kRecordKindCount] = {
    "reconsideration", "litigation", "legal_aid", "mediation", "registry", "activity", "regions",
};

}  // namespace

std::string_view kind_name(RecordKind kind) noexcept {
  const auto i = static_cast<size_t>(kind);
  return i < std::size(kKindNames) ? kKindNames[i] : std::string_view();
}

std::optional<RecordKind> parse_kind(std::string_view name) noexcept {
  name = trim(name);
  for (size_t i = 0; i < std::size(kKindNames); ++i) {
    if (absl::EqualsIgnoreCase(absl_view(name), absl_view(kKindNames[i]))) {
      return static_cast<RecordKind>(i);
    }
  }
  return std::nullopt;
}

template <typename Enum>
std::span<const CodeEntry> code_table() noexcept {
  return table_for(static_cast<Enum*>(nullptr));
}

template <typename Enum>
std::optional<Enum> parse_code(std::string_view text) noexcept {
  text = trim(text);
  if (text.empty()) return std::nullopt;
  const CodeLookup& lookup = lookup_for<Enum>();
  if (auto it = lookup.exact.find(absl_view(text)); it != lookup.exact.end()) {
    return static_cast<Enum>(it->second);
  }
  for (const CodeEntry& e : code_table<Enum>()) {
    if (absl::EqualsIgnoreCase(absl_view(text), absl_view(e.code))) {
      return static_cast<Enum>(e.value);
    }
  }
  return std::nullopt;
}

template <typename Enum>
std::string_view code_name(Enum value) noexcept {
  return lookup_for<Enum>().names[static_cast<uint8_t>(value)];
}

#define FAZHI_INSTANTIATE_CODES(Enum)                                       \
  template std::span<const CodeEntry> code_table<Enum>() noexcept;          \
  template std::optional<Enum> parse_code<Enum>(std::string_view) noexcept; \
  template std::string_view code_name<Enum>(Enum) noexcept;
FAZHI_INSTANTIATE_CODES(Disposition)
FAZHI_INSTANTIATE_CODES(Instance)
FAZHI_INSTANTIATE_CODES(LitigationOutcome)
FAZHI_INSTANTIATE_CODES(AidDecision)
FAZHI_INSTANTIATE_CODES(AidCaseType)
FAZHI_INSTANTIATE_CODES(AssignmentMethod)
FAZHI_INSTANTIATE_CODES(MediationOutcome)
FAZHI_INSTANTIATE_CODES(RegistryKind)
FAZHI_INSTANTIATE_CODES(Indicator)
FAZHI_INSTANTIATE_CODES(AgencyLevel)
FAZHI_INSTANTIATE_CODES(ActType)
FAZHI_INSTANTIATE_CODES(ApplicantType)
FAZHI_INSTANTIATE_CODES(AidServiceType)
FAZHI_INSTANTIATE_CODES(RecipientGroup)
FAZHI_INSTANTIATE_CODES(MediationOrgType)
#undef FAZHI_INSTANTIATE_CODES

std::optional<Tri> parse_tri(std::string_view text) noexcept {
  // docs/data.md, booleans: 1/0, true/false, yes/no, 是/否, Y/N; empty = unknown.
  text = trim(text);
  if (text.empty()) return Tri::kUnknown;
  const absl::string_view t = absl_view(text);
  for (absl::string_view yes : {"1", "true", "yes", "y"}) {
    if (absl::EqualsIgnoreCase(t, yes)) return Tri::kTrue;
  }
  for (absl::string_view no : {"0", "false", "no", "n"}) {
    if (absl::EqualsIgnoreCase(t, no)) return Tri::kFalse;
  }
  if (text == "是") return Tri::kTrue;
  if (text == "否") return Tri::kFalse;
  return std::nullopt;
}

// ---- Domain rules ----------------------------------------------------------

CorrectionClass correction_class(Disposition d) noexcept {
  switch (d) {
    // 行政复议法 (2023) art. 63 变更, 64 撤销, 65 确认违法, 66 责令履行, 67 确认无效,
    // 71 行政协议: the body itself corrects the act.
    case Disposition::kAltered:
    case Disposition::kRevoked:
    case Disposition::kConfirmedIllegal:
    case Disposition::kOrderedPerformance:
    case Disposition::kConfirmedVoid:
    case Disposition::kAgreementRemedy:
      return CorrectionClass::kDirect;
    // art. 73 调解, art. 74 + 41(1) 和解, art. 41(1) withdrawal after the
    // respondent corrected its own act (主动纠正): corrected indirectly.
    case Disposition::kMediated:
    case Disposition::kSettled:
    case Disposition::kWithdrawnAfterCorrection:
      return CorrectionClass::kIndirect;
    // art. 41(1) plain withdrawal, art. 41(2)-(5) termination: only when the
    // report profile counts them (docs/choices.md).
    case Disposition::kWithdrawn:
    case Disposition::kTerminated:
      return CorrectionClass::kOptional;
    // art. 68 维持, 69 驳回请求, 33 驳回申请, art. 30 不予受理, 其他.
    case Disposition::kNone:
    case Disposition::kUpheld:
    case Disposition::kClaimRejected:
    case Disposition::kApplicationRejected:
    case Disposition::kNotAccepted:
    case Disposition::kOther:
      return CorrectionClass::kNone;
  }
  return CorrectionClass::kNone;
}

bool is_concluded(Disposition d) noexcept {
  // 行政复议法 (2023) art. 30: 不予受理 refuses the case at intake; it never
  // concluded an accepted case. kNone is no disposition at all.
  return d != Disposition::kNone && d != Disposition::kNotAccepted;
}

bool is_decided_on_merits(Disposition d) noexcept {
  // docs/profile.md's basis `concluded_by_decision`: a decision under arts. 33, 63-69
  // and 71 (or another recorded decision), not art. 73 mediation, art. 74
  // settlement, or an art. 41 withdrawal or termination.
  switch (d) {
    case Disposition::kUpheld:
    case Disposition::kClaimRejected:
    case Disposition::kApplicationRejected:
    case Disposition::kRevoked:
    case Disposition::kAltered:
    case Disposition::kConfirmedIllegal:
    case Disposition::kConfirmedVoid:
    case Disposition::kOrderedPerformance:
    case Disposition::kAgreementRemedy:
    case Disposition::kOther:
      return true;
    case Disposition::kNone:
    case Disposition::kMediated:
    case Disposition::kSettled:
    case Disposition::kWithdrawnAfterCorrection:
    case Disposition::kWithdrawn:
    case Disposition::kTerminated:
    case Disposition::kNotAccepted:
      return false;
  }
  return false;
}

bool is_judgment(LitigationOutcome o) noexcept {
  // 行政诉讼法 art. 69 (驳回诉讼请求) and arts. 70-78 (撤销, 履行, 给付, 确认,
  // 变更, 行政协议): judgments; everything else ends by ruling or withdrawal.
  return o == LitigationOutcome::kJudgmentWin || o == LitigationOutcome::kJudgmentLoss;
}

bool is_agency_loss(LitigationOutcome o) noexcept {
  // 行政诉讼法 arts. 70-78 losing judgments, and art. 62 withdrawal after the
  // defendant changed its act, which docs/metrics.md's loss rate counts as a loss.
  return o == LitigationOutcome::kJudgmentLoss || o == LitigationOutcome::kWithdrawnAfterCorrection;
}

}  // namespace fazhi
