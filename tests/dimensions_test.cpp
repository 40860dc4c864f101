// The dimension columns of docs/data.md ("Dimensions"): every code and
// Chinese label each column accepts, the values it rejects (with file, line,
// column and reason), the same through Dataset::add and the C ABI, and the
// accessors a breakdown iterates (fazhi/dimensions.hpp).
#include "fazhi/dimensions.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string_view>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "fazhi.h"
#include "fazhi/dataset.hpp"
#include "fazhi/records.hpp"

namespace fazhi {
namespace {

// Accepted is a column's every input of docs/data.md and the code it reads as.
using Accepted = std::vector<std::pair<std::string, std::string>>;

const Accepted kLevels = {
    {"province_gov", "province_gov"},   {"省级人民政府", "province_gov"},
    {"省政府", "province_gov"},         {"province_dept", "province_dept"},
    {"省级政府部门", "province_dept"},  {"省直部门", "province_dept"},
    {"city_gov", "city_gov"},           {"市级人民政府", "city_gov"},
    {"市政府", "city_gov"},             {"city_dept", "city_dept"},
    {"市级政府部门", "city_dept"},      {"市直部门", "city_dept"},
    {"county_gov", "county_gov"},       {"县级人民政府", "county_gov"},
    {"区人民政府", "county_gov"},       {"县政府", "county_gov"},
    {"区政府", "county_gov"},           {"county_dept", "county_dept"},
    {"县级政府部门", "county_dept"},    {"区政府部门", "county_dept"},
    {"县政府部门", "county_dept"},      {"区直部门", "county_dept"},
    {"township", "township"},           {"乡镇人民政府", "township"},
    {"街道办事处", "township"},         {"乡镇（街道）", "township"},
    {"镇街", "township"},               {"dispatched", "dispatched"},
    {"派出机构", "dispatched"},         {"派出机关", "dispatched"},
    {"other", "other"},                 {"其他", "other"},
    {"County_Dept", "county_dept"},  // English codes ignore ASCII case
};

const Accepted kActTypes = {
    {"penalty", "penalty"},
    {"行政处罚", "penalty"},
    {"coercion", "coercion"},
    {"行政强制", "coercion"},
    {"行政强制措施", "coercion"},
    {"行政强制执行", "coercion"},
    {"licensing", "licensing"},
    {"行政许可", "licensing"},
    {"confirmation", "confirmation"},
    {"行政确认", "confirmation"},
    {"确权", "confirmation"},
    {"work_injury", "work_injury"},
    {"工伤认定", "work_injury"},
    {"expropriation", "expropriation"},
    {"征收征用", "expropriation"},
    {"征收补偿", "expropriation"},
    {"征收征用及补偿", "expropriation"},
    {"information_disclosure", "information_disclosure"},
    {"政府信息公开", "information_disclosure"},
    {"信息公开", "information_disclosure"},
    {"complaint", "complaint"},
    {"举报投诉处理", "complaint"},
    {"投诉举报", "complaint"},
    {"举报投诉", "complaint"},
    {"inaction", "inaction"},
    {"不履行法定职责", "inaction"},
    {"行政不作为", "inaction"},
    {"agreement", "agreement"},
    {"行政协议", "agreement"},
    {"social_security", "social_security"},
    {"社会保障", "social_security"},
    {"社会保险", "social_security"},
    {"最低生活保障", "social_security"},
    {"registration", "registration"},
    {"行政登记", "registration"},
    {"不动产登记", "registration"},
    {"other", "other"},
    {"其他", "other"},
};

const Accepted kApplicantTypes = {
    {"person", "person"},          {"自然人", "person"},   {"公民", "person"},
    {"legal_person", "legal_person"}, {"法人", "legal_person"},
    {"organization", "organization"}, {"其他组织", "organization"},
};

const Accepted kServiceTypes = {
    {"litigation", "litigation"},         {"诉讼", "litigation"},
    {"诉讼代理", "litigation"},           {"刑事辩护", "litigation"},
    {"non_litigation", "non_litigation"}, {"非诉讼", "non_litigation"},
    {"非诉讼代理", "non_litigation"},
};

const Accepted kRecipientGroups = {
    {"migrant_worker", "migrant_worker"}, {"农民工", "migrant_worker"},
    {"elderly", "elderly"},               {"老年人", "elderly"},
    {"minor", "minor"},                   {"未成年人", "minor"},
    {"disabled", "disabled"},             {"残疾人", "disabled"},
    {"women", "women"},                   {"妇女", "women"},
    {"military", "military"},             {"军人军属", "military"},
    {"other", "other"},                   {"其他", "other"},
};

const Accepted kOrgTypes = {
    {"village", "village"},
    {"村（居）调解委员会", "village"},
    {"村居", "village"},
    {"township", "township"},
    {"乡镇（街道）调解委员会", "township"},
    {"乡镇街道", "township"},
    {"professional", "professional"},
    {"行业性专业性调解组织", "professional"},
    {"行业性专业性", "professional"},
    {"enterprise", "enterprise"},
    {"企事业单位调解委员会", "enterprise"},
    {"other", "other"},
    {"其他", "other"},
};

// A kind's file with one dimension column: the header and a row whose
// dimension value is `%s`.
struct KindFile {
  RecordKind kind;
  std::string header;  // the required columns, then the dimension
  std::string row;     // a valid row up to the dimension's value
};

KindFile FileOf(RecordKind kind, const std::string& column) {
  switch (kind) {
    case RecordKind::kReconsideration:
      return {kind, "case_id,region,received_date," + column, ",440111,2019-03-01,"};
    case RecordKind::kLitigation:
      return {kind, "case_id,region,filed_date,instance," + column, ",440111,2019-03-01,first,"};
    case RecordKind::kLegalAid:
      return {kind, "case_id,region,applied_date," + column, ",440111,2019-03-01,"};
    case RecordKind::kMediation:
      return {kind, "case_id,region,received_date," + column, ",440111,2019-03-01,"};
    default:
      return {kind, "", ""};
  }
}

// Load reads one row per value (case ids C1, C2, ...) plus an empty one, and
// returns each kept row's dimension as its code ("" when not given).
std::vector<std::string> LoadCodes(RecordKind kind, const std::string& column,
                                   const std::vector<std::string>& values, Dataset& ds) {
  const KindFile f = FileOf(kind, column);
  std::string text = f.header + "\n";
  for (size_t i = 0; i < values.size(); ++i) {
    absl::StrAppend(&text, "C", i + 1, f.row, values[i], "\n");
  }
  absl::StrAppend(&text, "C0", f.row, "\n");  // not given
  EXPECT_TRUE(ds.load_buffer(kind, text, "dims.csv").ok());
  std::vector<std::string> codes;
  for (const DimensionColumn& d : dimensions(ds, kind)) {
    if (d.name != column) continue;
    for (size_t i = 0; i < d.size(); ++i) {
      std::string code;
      if (d.key(i) != 0) {
        for (const CodeEntry& e : d.codes) {
          if (e.value == d.key(i)) code = std::string(e.code);
        }
      }
      codes.push_back(code);
    }
  }
  return codes;
}

void ExpectAccepts(RecordKind kind, const std::string& column, const Accepted& accepted) {
  std::vector<std::string> values, want;
  for (const auto& [input, code] : accepted) {
    values.push_back(input);
    want.push_back(code);
    // A value with spaces around it (ASCII and U+3000) reads the same.
    values.push_back(" " + input + "\xE3\x80\x80");
    want.push_back(code);
  }
  Dataset ds;
  std::vector<std::string> got = LoadCodes(kind, column, values, ds);
  EXPECT_TRUE(ds.rejects().empty()) << ds.rejects().front().reason;
  // Rows are held grouped by region (one region here): in file order.
  want.push_back("");
  EXPECT_EQ(got, want) << column;
}

void ExpectRejects(RecordKind kind, const std::string& column, const std::string& bad) {
  Dataset ds;
  LoadCodes(kind, column, {bad}, ds);
  ASSERT_EQ(ds.rejects().size(), 1u) << column;
  const Rejection& r = ds.rejects()[0];
  EXPECT_EQ(r.file, "dims.csv");
  EXPECT_EQ(r.line, 2);
  EXPECT_EQ(r.column, column);
  EXPECT_EQ(r.reason, absl::StrCat("unknown ", column, " '", bad,
                                   "' (expected an English code or a Chinese label of docs/data.md)"));
}

TEST(Dimensions, RespondentLevelReadsEveryCodeAndLabel) {
  ExpectAccepts(RecordKind::kReconsideration, "respondent_level", kLevels);
  ExpectRejects(RecordKind::kReconsideration, "respondent_level", "国务院");
}

TEST(Dimensions, ReconsiderationActTypeReadsEveryCodeAndLabel) {
  ExpectAccepts(RecordKind::kReconsideration, "act_type", kActTypes);
  ExpectRejects(RecordKind::kReconsideration, "act_type", "行政裁决");
}

TEST(Dimensions, ApplicantTypeReadsEveryCodeAndLabel) {
  ExpectAccepts(RecordKind::kReconsideration, "applicant_type", kApplicantTypes);
  ExpectRejects(RecordKind::kReconsideration, "applicant_type", "个体户");
}

TEST(Dimensions, DefendantLevelReadsEveryCodeAndLabel) {
  ExpectAccepts(RecordKind::kLitigation, "defendant_level", kLevels);
  ExpectRejects(RecordKind::kLitigation, "defendant_level", "province");
}

TEST(Dimensions, LitigationActTypeReadsEveryCodeAndLabel) {
  ExpectAccepts(RecordKind::kLitigation, "act_type", kActTypes);
  ExpectRejects(RecordKind::kLitigation, "act_type", "penalties");
}

TEST(Dimensions, ServiceTypeReadsEveryCodeAndLabel) {
  ExpectAccepts(RecordKind::kLegalAid, "service_type", kServiceTypes);
  ExpectRejects(RecordKind::kLegalAid, "service_type", "咨询");
}

TEST(Dimensions, RecipientGroupReadsEveryCodeAndLabel) {
  ExpectAccepts(RecordKind::kLegalAid, "recipient_group", kRecipientGroups);
  ExpectRejects(RecordKind::kLegalAid, "recipient_group", "学生");
}

TEST(Dimensions, OrgTypeReadsEveryCodeAndLabel) {
  ExpectAccepts(RecordKind::kMediation, "org_type", kOrgTypes);
  ExpectRejects(RecordKind::kMediation, "org_type", "法院");
}

TEST(Dimensions, ChineseHeadersNameTheColumns) {
  Dataset ds;
  ASSERT_TRUE(ds.load_buffer(RecordKind::kReconsideration,
                             "案件编号,区划代码,收到日期,被申请人层级,申请事项,申请人类型,申请人数\n"
                             "F1,440111,2019-03-01,镇街,信息公开,法人,3\n",
                             "r.csv")
                  .ok());
  ASSERT_TRUE(ds.load_buffer(RecordKind::kLitigation,
                             "案号,区划代码,立案日期,审级,被告层级,被诉行为类别,主要负责人出庭\n"
                             "L1,440111,2019-03-01,一审,区政府,行政强制执行,是\n",
                             "l.csv")
                  .ok());
  ASSERT_TRUE(ds.load_buffer(RecordKind::kLegalAid,
                             "案件编号,区划代码,申请日期,案件性质,受援人群体\n"
                             "A1,440111,2019-03-01,刑事辩护,未成年人\n",
                             "a.csv")
                  .ok());
  ASSERT_TRUE(ds.load_buffer(RecordKind::kMediation,
                             "案件编号,区划代码,受理日期,调解组织类型\nM1,440111,2019-03-01,村居\n",
                             "m.csv")
                  .ok());
  EXPECT_TRUE(ds.rejects().empty());
  const ReconsiderationColumns& r = ds.reconsideration();
  EXPECT_EQ(r.respondent_level[0], AgencyLevel::kTownship);
  EXPECT_EQ(r.act_type[0], ActType::kInformationDisclosure);
  EXPECT_EQ(r.applicant_type[0], ApplicantType::kLegalPerson);
  EXPECT_EQ(r.applicants[0], 3);
  const LitigationColumns& l = ds.litigation();
  EXPECT_EQ(l.defendant_level[0], AgencyLevel::kCountyGov);
  EXPECT_EQ(l.act_type[0], ActType::kCoercion);
  EXPECT_EQ(l.head_principal[0], Tri::kTrue);
  EXPECT_EQ(ds.legal_aid().service_type[0], AidServiceType::kLitigation);
  EXPECT_EQ(ds.legal_aid().recipient_group[0], RecipientGroup::kMinor);
  EXPECT_EQ(ds.mediation().org_type[0], MediationOrgType::kVillage);
}

TEST(Dimensions, ApplicantsIsAtLeastOneAndOneWhenEmpty) {
  Dataset ds;
  ASSERT_TRUE(ds.load_buffer(RecordKind::kReconsideration,
                             "case_id,region,received_date,applicants\n"
                             "R1,440111,2019-03-01,1\n"
                             "R2,440111,2019-03-01,12\n"
                             "R3,440111,2019-03-01,\n"
                             "R4,440111,2019-03-01,0\n"
                             "R5,440111,2019-03-01,-2\n"
                             "R6,440111,2019-03-01,2.5\n"
                             "R7,440111,2019-03-01,3000000000\n",
                             "r.csv")
                  .ok());
  EXPECT_EQ(ds.reconsideration().applicants, (std::vector<int32_t>{1, 12, 1}));
  ASSERT_EQ(ds.rejects().size(), 4u);
  EXPECT_EQ(ds.rejects()[0].line, 5);
  EXPECT_EQ(ds.rejects()[0].column, "applicants");
  EXPECT_EQ(ds.rejects()[0].reason, "must be at least 1: '0'");
  EXPECT_EQ(ds.rejects()[1].line, 6);
  EXPECT_EQ(ds.rejects()[1].column, "applicants");
  EXPECT_EQ(ds.rejects()[2].line, 7);
  EXPECT_EQ(ds.rejects()[2].column, "applicants");
  EXPECT_EQ(ds.rejects()[3].line, 8);
  EXPECT_EQ(ds.rejects()[3].reason, "too large: '3000000000'");
}

TEST(Dimensions, HeadPrincipalIsABoolean) {
  Dataset ds;
  ASSERT_TRUE(ds.load_buffer(RecordKind::kLitigation,
                             "case_id,region,filed_date,instance,head_principal\n"
                             "L1,440111,2019-03-01,first,是\n"
                             "L2,440111,2019-03-01,first,0\n"
                             "L3,440111,2019-03-01,first,\n"
                             "L4,440111,2019-03-01,first,正职\n",
                             "l.csv")
                  .ok());
  EXPECT_EQ(ds.litigation().head_principal,
            (std::vector<Tri>{Tri::kTrue, Tri::kFalse, Tri::kUnknown}));
  ASSERT_EQ(ds.rejects().size(), 1u);
  EXPECT_EQ(ds.rejects()[0].line, 5);
  EXPECT_EQ(ds.rejects()[0].column, "head_principal");
  EXPECT_EQ(ds.rejects()[0].reason,
            "not a boolean: '正职' (expected 1/0, true/false, yes/no, 是/否 or Y/N)");
}

TEST(Dimensions, APrincipalWhoAppearedIsAHeadWhoAppeared) {
  Dataset ds;
  ASSERT_TRUE(ds.load_buffer(RecordKind::kLitigation,
                             "case_id,region,filed_date,instance,head_appeared,head_principal\n"
                             "L1,440111,2019-03-01,first,1,1\n"
                             "L2,440111,2019-03-01,first,1,0\n"
                             "L3,440111,2019-03-01,first,,1\n"
                             "L4,440111,2019-03-01,first,0,1\n",
                             "l.csv")
                  .ok());
  EXPECT_EQ(ds.litigation().size(), 3u);
  ASSERT_EQ(ds.rejects().size(), 1u);
  EXPECT_EQ(ds.rejects()[0].line, 5);
  EXPECT_EQ(ds.rejects()[0].column, "head_principal");
  EXPECT_EQ(ds.rejects()[0].reason,
            "head_principal is true but head_appeared is false (the principal head is one of the "
            "heads)");
}

TEST(Dimensions, RecordsAddedOneByOneCarryThem) {
  Dataset ds;
  ReconsiderationRecord r;
  r.case_id = "R1";
  r.region = *RegionCode::parse("440111");
  r.received_date = Date(2019, 3, 1);
  r.respondent_level = AgencyLevel::kCountyDept;
  r.act_type = ActType::kComplaint;
  r.applicant_type = ApplicantType::kPerson;
  r.applicants = 2;
  ASSERT_TRUE(ds.add(r).ok());
  r.case_id = "R2";
  r.applicants = 0;
  EXPECT_EQ(ds.add(r).message(), "applicants: must be at least 1: '0'");
  r.applicants = std::nullopt;
  ASSERT_TRUE(ds.add(r).ok());
  EXPECT_EQ(ds.reconsideration().applicants, (std::vector<int32_t>{2, 1}));
  EXPECT_EQ(ds.reconsideration().act_type[1], ActType::kComplaint);

  LitigationRecord l;
  l.case_id = "L1";
  l.region = r.region;
  l.filed_date = Date(2019, 3, 1);
  l.instance = Instance::kFirst;
  l.defendant_level = AgencyLevel::kTownship;
  l.head_principal = Tri::kFalse;
  ASSERT_TRUE(ds.add(l).ok());
  EXPECT_EQ(ds.litigation().defendant_level[0], AgencyLevel::kTownship);
  EXPECT_EQ(ds.litigation().head_principal[0], Tri::kFalse);

  MediationRecord m;
  m.case_id = "M1";
  m.region = r.region;
  m.received_date = Date(2019, 3, 1);
  m.org_type = static_cast<MediationOrgType>(77);
  EXPECT_EQ(ds.add(m).message(), "org_type: unknown org_type value 77");
}

TEST(Dimensions, TheCAbiReadsTheNewFields) {
  fz_dataset* ds = nullptr;
  ASSERT_EQ(fz_dataset_create(&ds, nullptr), FZ_OK);
  fz_reconsideration_record r = FZ_RECONSIDERATION_RECORD_INIT;
  r.case_id = "R1";
  r.region = "440111";
  r.received_date = "2019-03-01";
  r.respondent_level = "乡镇（街道）";
  r.act_type = "penalty";
  r.applicant_type = "其他组织";
  r.applicants = 4;
  EXPECT_EQ(fz_dataset_add_reconsideration(ds, &r), FZ_OK) << fz_last_error_message();
  r.case_id = "R2";
  r.act_type = "行政裁决";
  EXPECT_EQ(fz_dataset_add_reconsideration(ds, &r), FZ_INVALID_ARGUMENT);
  EXPECT_STREQ(fz_last_error_message(),
               "fz_dataset_add_reconsideration: act_type: unknown act_type '行政裁决' (expected an "
               "English code or a Chinese label of docs/data.md)");

  fz_litigation_record l = FZ_LITIGATION_RECORD_INIT;
  l.case_id = "L1";
  l.region = "440111";
  l.filed_date = "2019-03-01";
  l.instance = "一审";
  l.defendant_level = "city_dept";
  l.act_type = "不动产登记";
  l.head_principal = FZ_TRI_TRUE;
  EXPECT_EQ(fz_dataset_add_litigation(ds, &l), FZ_OK) << fz_last_error_message();

  fz_legal_aid_record a = FZ_LEGAL_AID_RECORD_INIT;
  a.case_id = "A1";
  a.region = "440111";
  a.applied_date = "2019-03-01";
  a.service_type = "非诉讼代理";
  a.recipient_group = "military";
  EXPECT_EQ(fz_dataset_add_legal_aid(ds, &a), FZ_OK) << fz_last_error_message();

  fz_mediation_record m = FZ_MEDIATION_RECORD_INIT;
  m.case_id = "M1";
  m.region = "440111";
  m.received_date = "2019-03-01";
  m.org_type = "enterprise";
  EXPECT_EQ(fz_dataset_add_mediation(ds, &m), FZ_OK) << fz_last_error_message();

  // A caller built against the header before these fields (a smaller
  // struct_size) leaves them not given.
  fz_reconsideration_record old = FZ_RECONSIDERATION_RECORD_INIT;
  old.struct_size = offsetof(fz_reconsideration_record, suspended_days) + sizeof(int32_t);
  old.case_id = "R3";
  old.region = "440111";
  old.received_date = "2019-03-01";
  old.act_type = "penalty";  // beyond its struct_size: not read
  EXPECT_EQ(fz_dataset_add_reconsideration(ds, &old), FZ_OK) << fz_last_error_message();

  fz_load_summary s = FZ_LOAD_SUMMARY_INIT;
  ASSERT_EQ(fz_dataset_summary(ds, &s), FZ_OK);
  EXPECT_EQ(s.kinds[FZ_KIND_RECONSIDERATION].rows_accepted, 2);
  EXPECT_EQ(s.kinds[FZ_KIND_RECONSIDERATION].rows_rejected, 1);
  fz_dataset_free(ds);
}

TEST(Dimensions, EachCaseKindListsItsDimensionsInSchemaOrder) {
  Dataset ds;
  auto names = [&](RecordKind kind) {
    std::vector<std::string> out;
    for (const DimensionColumn& d : dimensions(ds, kind)) out.emplace_back(d.name);
    return out;
  };
  EXPECT_EQ(names(RecordKind::kReconsideration),
            (std::vector<std::string>{"disposition", "respondent", "category", "simple_procedure",
                                      "extended", "litigated", "compensation", "respondent_level",
                                      "act_type", "applicant_type"}));
  EXPECT_EQ(names(RecordKind::kLitigation),
            (std::vector<std::string>{"instance", "defendant", "category", "outcome",
                                      "head_appeared", "lawyer_only", "hearing_held",
                                      "defendant_level", "act_type", "head_principal"}));
  EXPECT_EQ(names(RecordKind::kLegalAid),
            (std::vector<std::string>{"decision", "case_type", "lawyer_id", "firm_id",
                                      "assignment_method", "commitment", "service_type",
                                      "recipient_group"}));
  EXPECT_EQ(names(RecordKind::kMediation),
            (std::vector<std::string>{"org_id", "outcome", "major_group", "category", "org_type"}));
  EXPECT_TRUE(names(RecordKind::kRegions).empty());
}

TEST(Dimensions, KeysAreCodeValuesTextIdsAndTrisWithZeroForNotGiven) {
  Dataset ds;
  ASSERT_TRUE(ds.load_buffer(RecordKind::kReconsideration,
                             "case_id,region,received_date,respondent,litigated,act_type\n"
                             "R1,440111,2019-03-01,区市场监管局,1,penalty\n"
                             "R2,440111,2019-03-01,,0,\n"
                             "R3,440111,2019-03-01,区市场监管局,,其他\n",
                             "r.csv")
                  .ok());
  std::map<std::string, std::vector<uint32_t>> keys;
  for (const DimensionColumn& d : dimensions(ds, RecordKind::kReconsideration)) {
    for (size_t i = 0; i < d.size(); ++i) keys[std::string(d.name)].push_back(d.key(i));
  }
  const uint32_t agency = keys["respondent"][0];
  EXPECT_NE(agency, 0u);
  EXPECT_EQ(ds.text(agency), "区市场监管局");
  EXPECT_EQ(keys["respondent"], (std::vector<uint32_t>{agency, 0, agency}));
  EXPECT_EQ(keys["litigated"], (std::vector<uint32_t>{2, 1, 0}));
  EXPECT_EQ(keys["act_type"], (std::vector<uint32_t>{static_cast<uint32_t>(ActType::kPenalty), 0,
                                                      static_cast<uint32_t>(ActType::kOther)}));
  EXPECT_EQ(keys["disposition"], (std::vector<uint32_t>{0, 0, 0}));
  // The compile-time walk sees the same columns with their own types.
  int codes = 0;
  for_each_dimension(ds.reconsideration(), [&](const DimensionInfo& info, const auto& column) {
    EXPECT_EQ(column.size(), 3u) << info.name;
    codes += info.type == DimensionType::kCode ? 1 : 0;
  });
  EXPECT_EQ(codes, 4);  // disposition, respondent_level, act_type, applicant_type
}

// Counts of each key of a kind's dimension, by the key's code or text ("" for
// not given).
std::map<std::string, int> Split(const Dataset& ds, RecordKind kind, std::string_view column) {
  std::map<std::string, int> out;
  for (const DimensionColumn& d : dimensions(ds, kind)) {
    if (d.name != column) continue;
    for (size_t i = 0; i < d.size(); ++i) {
      std::string key;
      if (d.type == DimensionType::kText) {
        key = std::string(ds.text(d.key(i)));
      } else if (d.type == DimensionType::kBool) {
        key = d.key(i) == 0 ? "" : d.key(i) == 2 ? "yes" : "no";
      } else {
        for (const CodeEntry& e : d.codes) {
          if (e.value == d.key(i)) key = std::string(e.code);
        }
      }
      ++out[key];
    }
  }
  return out;
}

// data/examples/county-2024 holds the splits its README lists.
TEST(Dimensions, TheCountyExampleHoldsTheSplitsOfItsReadme) {
  Dataset ds;
  absl::StatusOr<LoadSummary> s = ds.load_dir(std::string(FAZHI_SOURCE_DIR) + "/data/examples/county-2024");
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_TRUE(ds.rejects().empty());
  using M = std::map<std::string, int>;
  const RecordKind r = RecordKind::kReconsideration, l = RecordKind::kLitigation,
                   a = RecordKind::kLegalAid, m = RecordKind::kMediation;
  EXPECT_EQ(Split(ds, r, "respondent_level"), (M{{"county_dept", 140}, {"township", 11}}));
  EXPECT_EQ(Split(ds, r, "act_type"), (M{{"complaint", 75}, {"penalty", 40},
                                         {"information_disclosure", 16}, {"licensing", 8},
                                         {"inaction", 7}, {"other", 5}}));
  EXPECT_EQ(Split(ds, r, "category"),
            (M{{"市场监管", 77}, {"公安", 42}, {"自然资源", 20}, {"人力资源社会保障", 12}}));
  EXPECT_EQ(Split(ds, r, "applicant_type"),
            (M{{"person", 131}, {"legal_person", 17}, {"organization", 3}}));
  EXPECT_EQ(Split(ds, r, "disposition"),
            (M{{"upheld", 80}, {"claim_rejected", 20}, {"revoked", 15}, {"withdrawn", 15},
               {"confirmed_illegal", 5}, {"mediated", 5}, {"", 11}}));
  int applicants = 0;
  for (int32_t n : ds.reconsideration().applicants) applicants += n;
  EXPECT_EQ(applicants, 167);
  EXPECT_EQ(Split(ds, l, "defendant_level"),
            (M{{"county_dept", 30}, {"county_gov", 6}, {"township", 4}}));
  EXPECT_EQ(Split(ds, l, "act_type"), (M{{"penalty", 14}, {"expropriation", 10},
                                         {"registration", 6}, {"inaction", 6},
                                         {"information_disclosure", 4}}));
  EXPECT_EQ(Split(ds, l, "head_principal"), (M{{"yes", 9}, {"no", 26}, {"", 5}}));
  EXPECT_EQ(Split(ds, l, "outcome"), (M{{"judgment_win", 22}, {"ruling_dismissed", 5},
                                        {"judgment_loss", 4}, {"withdrawn", 4}, {"", 5}}));
  EXPECT_EQ(Split(ds, a, "service_type"), (M{{"litigation", 45}, {"non_litigation", 15}}));
  EXPECT_EQ(Split(ds, a, "recipient_group"),
            (M{{"migrant_worker", 20}, {"elderly", 10}, {"minor", 8}, {"other", 8}, {"women", 7},
               {"disabled", 5}, {"military", 2}}));
  EXPECT_EQ(Split(ds, a, "case_type"), (M{{"civil", 30}, {"criminal", 25}, {"administrative", 5}}));
  EXPECT_EQ(Split(ds, m, "org_type"),
            (M{{"village", 50}, {"township", 20}, {"professional", 8}, {"enterprise", 2}}));
  EXPECT_EQ(Split(ds, m, "outcome"), (M{{"success", 74}, {"failure", 6}}));
}

}  // namespace
}  // namespace fazhi
