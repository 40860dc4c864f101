// fazhi/schema.hpp -- the columns of every record kind, declared once.
//
// Each kind's columns are one X-macro list, one line a column, in the order
// docs/data.md prints them (an export in that order takes the loader's
// fastest path). Everything else about a column follows from its line:
//   - the typed record handed to Dataset::add (records.hpp),
//   - the column storage a Dataset holds (dataset.hpp, `<Kind>Columns`),
//   - the loader's parsed row, its readers and the header matching
//     (src/load/kinds.hpp),
//   - the C ABI's field translation (capi/dataset.cpp: the C struct field is
//     named after the column),
//   - docs/data.md (src/render/docs.cpp).
// Adding an optional column is one line here plus its use (a metric that
// reads it, a rule in the kind's row check, the C struct's new last field).
//
// A line reads
//   X(column, record_field, stored_as, TYPE, detail, required, aliases...)
// column        the canonical CSV header (and the C struct's field name);
// record_field  the member of the C++ record (`ReconsiderationRecord`);
// stored_as     the member of the column storage (`ReconsiderationColumns`);
// TYPE, detail  what the column holds:
//   ID          text naming the row (unique within its scope), checked in
//               the duplicate index and kept as text (TextId), so that a
//               case list names its cases;              record std::string
//   REGION      a GB/T 2260 code, stored as an index into Dataset::regions();
//                                                     record RegionCode
//   REGION_KEY  a region code stored as its value (regions.csv names
//               regions, it does not use them)        record RegionCode
//   DATE        any docs/data.md date form, stored as a DayNumber (kNoDay when
//               empty);                  record Date, or std::optional<Date>
//   CODE        an English code or a Chinese label of the enum `detail`'s
//               table (records.cpp), kNone when empty; record `detail`
//   BOOL        docs/data.md's booleans, Tri (kUnknown when empty)
//   TEXT        free text, dictionary-encoded (TextId, 0 when empty);
//                                                     record std::string
//   COUNT       a whole number under the rule `detail` (fazhi::count below):
//               its stored type, least value and value when empty;
//               record `detail::type` if required, else std::optional of it
//   MONEY       yuan (`1512.8万`), stored exactly as int64 fen (-1 when
//               empty);                               record optional fen
//   detail is `_` for the types that take none;
// required      1: the header must have the column and every row a value.
#ifndef FAZHI_SCHEMA_HPP_
#define FAZHI_SCHEMA_HPP_

#include <cstdint>

namespace fazhi::count {

// The rules of a COUNT column (its `detail`):
//   type    the stored integer;
//   kMin    the least value a row may give;
//   kEmpty  the stored value of an empty cell (-1: not given).
struct Days {  // days, e.g. of suspension (中止天数)
  using type = int32_t;
  static constexpr int64_t kMin = 0, kEmpty = -1;
};
struct Tally {  // a tally of work (activity.value)
  using type = int64_t;
  static constexpr int64_t kMin = 0, kEmpty = -1;
};
struct Headcount {  // people on one case: at least one, one when not given
  using type = int32_t;
  static constexpr int64_t kMin = 1, kEmpty = 1;
};

}  // namespace fazhi::count

// clang-format off
// NOLINTBEGIN(bugprone-macro-parentheses)

// ---- reconsideration -- 行政复议案件 ----------------------------------------------------------
#define FAZHI_RECONSIDERATION_COLUMNS(X)                                                                      \
  X(case_id,          case_id,          case_id,          ID,     _,           1, "案件编号", "案号")          \
  X(region,           region,           region,           REGION, _,           1, "区划代码", "行政区划代码")  \
  X(received_date,    received_date,    received,         DATE,   _,           1, "收到日期", "收件日期", "申请日期") \
  X(accepted_date,    accepted_date,    accepted,         DATE,   _,           0, "受理日期")                  \
  X(closed_date,      closed_date,      closed,           DATE,   _,           0, "办结日期", "结案日期", "审结日期") \
  X(disposition,      disposition,      disposition,      CODE,   Disposition, 0, "结案方式", "处理结果")      \
  X(respondent,       respondent,       respondent,       TEXT,   _,           0, "被申请人")                  \
  X(category,         category,         category,         TEXT,   _,           0, "案件类别", "管理领域")      \
  X(simple_procedure, simple_procedure, simple_procedure, BOOL,   _,           0, "简易程序")                  \
  X(extended,         extended,         extended,         BOOL,   _,           0, "延期", "延长审理期限")      \
  X(litigated,        litigated,        litigated,        BOOL,   _,           0, "提起行政诉讼", "进入诉讼")  \
  X(suspended_days,   suspended_days,   suspended_days,   COUNT,  count::Days, 0, "中止天数")                  \
  X(compensation,     compensation,     compensation,     BOOL,   _,           0, "赔偿")                       \
  X(respondent_level, respondent_level, respondent_level, CODE,   AgencyLevel, 0, "被申请人类型", "被申请人层级")          \
  X(act_type,         act_type,         act_type,         CODE,   ActType,     0, "行政行为类别", "申请事项", "行为类型")   \
  X(applicant_type,   applicant_type,   applicant_type,   CODE,   ApplicantType, 0, "申请人类型")                  \
  X(applicants,       applicants,       applicants,       COUNT,  count::Headcount, 0, "申请人数")

// ---- litigation -- 行政应诉案件 --------------------------------------------------------------
#define FAZHI_LITIGATION_COLUMNS(X)                                                                           \
  X(case_id,          case_id,          case_id,          ID,     _,           1, "案号", "案件编号")          \
  X(region,           region,           region,           REGION, _,           1, "区划代码")                  \
  X(filed_date,       filed_date,       filed,            DATE,   _,           1, "收案日期", "立案日期", "收到起诉状日期") \
  X(instance,         instance,         instance,         CODE,   Instance,    1, "审级")                      \
  X(defendant,        defendant,        defendant,        TEXT,   _,           0, "被告")                      \
  X(category,         category,         category,         TEXT,   _,           0, "案件类别")                  \
  X(defence_date,     defence_date,     defence,          DATE,   _,           0, "答辩日期", "提交答辩状日期") \
  X(closed_date,      closed_date,      closed,           DATE,   _,           0, "结案日期", "审结日期")      \
  X(outcome,          outcome,          outcome,          CODE,   LitigationOutcome, 0, "结案方式", "裁判结果") \
  X(head_appeared,    head_appeared,    head_appeared,    BOOL,   _,           0, "负责人出庭", "负责人出庭应诉") \
  X(lawyer_only,      lawyer_only,      lawyer_only,      BOOL,   _,           0, "仅委托律师出庭")            \
  X(hearing_held,     hearing_held,     hearing_held,     BOOL,   _,           0, "开庭")                       \
  X(defendant_level,  defendant_level,  defendant_level,  CODE,   AgencyLevel, 0, "被告类型", "被告层级")             \
  X(act_type,         act_type,         act_type,         CODE,   ActType,     0, "行政行为类别", "被诉行为类别")         \
  X(head_principal,   head_principal,   head_principal,   BOOL,   _,           0, "正职出庭", "主要负责人出庭")

// ---- legal_aid -- 法律援助案件 ---------------------------------------------------------------
#define FAZHI_LEGAL_AID_COLUMNS(X)                                                                            \
  X(case_id,          case_id,          case_id,          ID,     _,           1, "案件编号")                  \
  X(region,           region,           region,           REGION, _,           1, "区划代码")                  \
  X(applied_date,     applied_date,     applied,          DATE,   _,           1, "申请日期")                  \
  X(decided_date,     decided_date,     decided,          DATE,   _,           0, "审查日期", "决定日期")      \
  X(decision,         decision,         decision,         CODE,   AidDecision, 0, "审查结果")                  \
  X(accepted_date,    accepted_date,    accepted,         DATE,   _,           0, "受理日期")                  \
  X(case_type,        case_type,        case_type,        CODE,   AidCaseType, 0, "案件类型")                  \
  X(assigned_date,    assigned_date,    assigned,         DATE,   _,           0, "指派日期")                  \
  X(lawyer_id,        lawyer_id,        lawyer,           TEXT,   _,           0, "承办律师")                  \
  X(firm_id,          firm_id,          firm,             TEXT,   _,           0, "律师事务所")                \
  X(assignment_method, assignment_method, assignment_method, CODE, AssignmentMethod, 0, "指派方式")          \
  X(commitment,       commitment,       commitment,       BOOL,   _,           0, "告知承诺")                  \
  X(closed_date,      closed_date,      closed,           DATE,   _,           0, "结案日期")                  \
  X(recovered_amount, recovered_fen,    recovered_fen,    MONEY,  _,           0, "挽回经济损失")                   \
  X(service_type,     service_type,     service_type,     CODE,   AidServiceType, 0, "援助形式", "案件性质")          \
  X(recipient_group,  recipient_group,  recipient_group,  CODE,   RecipientGroup, 0, "受援人类别", "受援人群体")

// ---- mediation -- 人民调解案件 ---------------------------------------------------------------
#define FAZHI_MEDIATION_COLUMNS(X)                                                                            \
  X(case_id,          case_id,          case_id,          ID,     _,           1, "案件编号")                  \
  X(region,           region,           region,           REGION, _,           1, "区划代码")                  \
  X(org_id,           org_id,           org,              TEXT,   _,           0, "调解组织")                  \
  X(received_date,    received_date,    received,         DATE,   _,           1, "受理日期")                  \
  X(closed_date,      closed_date,      closed,           DATE,   _,           0, "结案日期")                  \
  X(outcome,          outcome,          outcome,          CODE,   MediationOutcome, 0, "调解结果")             \
  X(major_group,      major_group,      major_group,      BOOL,   _,           0, "重大群体性纠纷")            \
  X(category,         category,         category,         TEXT,   _,           0, "纠纷类型")                     \
  X(org_type,         org_type,         org_type,         CODE,   MediationOrgType, 0, "调解组织类型")

// ---- registry -- 登记名录 --------------------------------------------------------------------
#define FAZHI_REGISTRY_COLUMNS(X)                                                                             \
  X(kind,             kind,             kind,             CODE,   RegistryKind, 1, "类型")                    \
  X(entity_id,        entity_id,        entity_id,        ID,     _,           1, "编号")                      \
  X(region,           region,           region,           REGION, _,           1, "区划代码")                  \
  X(start_date,       start_date,       start,            DATE,   _,           1, "成立日期", "执业日期", "设立日期") \
  X(end_date,         end_date,         end,              DATE,   _,           0, "注销日期", "撤销日期")

// ---- activity -- 工作量台账 ------------------------------------------------------------------
#define FAZHI_ACTIVITY_COLUMNS(X)                                                                             \
  X(region,           region,           region,           REGION, _,           1, "区划代码")                  \
  X(date,             date,             date,             DATE,   _,           1, "日期")                      \
  X(indicator,        indicator,        indicator,        CODE,   Indicator,   1, "指标")                      \
  X(value,            value,            value,            COUNT,  count::Tally, 1, "数量")                      \
  X(note,             note,             note,             TEXT,   _,           0, "备注")

// ---- regions -- 区划名称 ---------------------------------------------------------------------
#define FAZHI_REGIONS_COLUMNS(X)                                                                              \
  X(region,           region,           region,           REGION_KEY, _,       1, "区划代码")                  \
  X(name,             name,             name,             TEXT,   _,           1, "名称", "区划名称")

// NOLINTEND(bugprone-macro-parentheses)
// clang-format on

#endif  // FAZHI_SCHEMA_HPP_
