// Golden tests: the reference report's figures (the published Baiyun District 2019 report), value by
// value, as the report printed them; then the hand-checked roll-up dataset.
#include "fazhi/report.hpp"

#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>
#include "absl/strings/str_cat.h"

namespace fazhi {
namespace {

const std::string kBaiyunDir = std::string(FAZHI_SOURCE_DIR) + "/data/examples/baiyun-2019";
const std::string kRollupDir = std::string(FAZHI_TEST_DATA_DIR) + "/rollup-small";

const Dataset& load(const std::string& dir) {
  static std::map<std::string, std::unique_ptr<Dataset>>* cache = new std::map<std::string, std::unique_ptr<Dataset>>;
  auto& ds = (*cache)[dir];
  if (!ds) {
    ds = std::make_unique<Dataset>();
    absl::StatusOr<LoadSummary> s = ds->load_dir(dir);
    EXPECT_TRUE(s.ok()) << s.status();
  }
  return *ds;
}

Report report_in(const Dataset& ds, const char* region, int year = 2019, const Profile& profile = {}) {
  absl::StatusOr<Report> r = compute_report(ds, *RegionCode::parse(region), year_period(year), profile);
  EXPECT_TRUE(r.ok()) << r.status();
  return r.ok() ? *std::move(r) : Report{};
}

Report report_of(const std::string& dir, const char* region, const Profile& profile = {}) {
  return report_in(load(dir), region, 2019, profile);
}

Profile baiyun_profile() {
  absl::StatusOr<Profile> p = Profile::from_file(kBaiyunDir + "/profile.json");
  EXPECT_TRUE(p.ok()) << p.status();
  return p.ok() ? *p : Profile{};
}

const MetricFigure& m(const Report& r, const char* id) {
  const MetricFigure* f = r.find(id);
  EXPECT_NE(f, nullptr) << id;
  static const MetricFigure kMissing;
  return f ? *f : kMissing;
}

int64_t count(const Report& r, const char* id) {
  const MetricFigure& f = m(r, id);
  EXPECT_EQ(f.value.kind, ValueKind::kCount) << id << ": " << f.value.reason;
  return f.value.integer;
}

// "n/d" as written in the roll-up README (unreduced), or "undef.".
std::string ratio(const Report& r, const char* id) {
  const MetricFigure& f = m(r, id);
  if (!f.value.defined()) return "undef.";
  return std::to_string(f.value.num) + "/" + std::to_string(f.value.den);
}

// add_mediation adds a mediation of `region` received on `on`, numbered
// after those the dataset holds; closed as a success when `closed` is given.
void add_mediation(Dataset& ds, Date on, std::optional<Date> closed = std::nullopt,
                   const char* region = "440111") {
  MediationRecord m;
  m.case_id = "TJ-" + std::to_string(ds.mediation().size() + 1);
  m.region = *RegionCode::parse(region);
  m.received_date = on;
  if (closed) {
    m.closed_date = *closed;
    m.outcome = MediationOutcome::kSuccess;
  }
  EXPECT_TRUE(ds.add(m).ok());
}

// add_granted_aid adds a legal-aid case of 440111 granted (and accepted) on
// `decided`, assigned on `assigned` if given; ids count up.
void add_granted_aid(Dataset& ds, Date applied, Date decided, std::optional<Date> assigned = std::nullopt) {
  LegalAidRecord a;
  a.case_id = "FA-" + std::to_string(ds.legal_aid().size() + 1);
  a.region = *RegionCode::parse("440111");
  a.applied_date = applied;
  a.decided_date = decided;
  a.decision = AidDecision::kGranted;
  a.accepted_date = decided;
  a.assigned_date = assigned;
  EXPECT_TRUE(ds.add(a).ok());
}

bool narrative_has(const Report& r, const std::string& sentence) {
  for (const std::string& p : r.narrative) {
    if (p.find(sentence) != std::string::npos) return true;
  }
  return false;
}

std::string narrative_of(const Report& r) { return render_narrative(r); }

TEST(BaiyunGolden, DataLoadsWithoutRejections) {
  const Dataset& ds = load(kBaiyunDir);
  EXPECT_EQ(ds.summary().rows_rejected(), 0);
  EXPECT_GT(ds.summary().rows_read(), 100000);
  EXPECT_EQ(ds.region_name(*RegionCode::parse("440111")).value_or(""), "白云区");
}

TEST(BaiyunGolden, ReconsiderationFigures) {
  const Report r = report_of(kBaiyunDir, "440111");
  EXPECT_EQ(count(r, "reconsideration.received"), 439);
  EXPECT_EQ(m(r, "reconsideration.received").previous.integer, 568);
  EXPECT_EQ(m(r, "reconsideration.received").yoy_text, "-22.7%");
  EXPECT_EQ(ratio(r, "reconsideration.received_yoy"), "-129/568");
  EXPECT_EQ(count(r, "reconsideration.closed"), 400);
  EXPECT_EQ(count(r, "reconsideration.closed_carried_over"), 62);
  EXPECT_EQ(ratio(r, "reconsideration.correction_rate"), "134/400");
  EXPECT_EQ(m(r, "reconsideration.correction_rate").text, "33.50%");
  EXPECT_EQ(m(r, "reconsideration.correction_rate").basis, "concluded");
  EXPECT_EQ(ratio(r, "reconsideration.not_litigated_rate"), "309/400");
  EXPECT_EQ(m(r, "reconsideration.not_litigated_rate").text, "77.25%");
}

TEST(BaiyunGolden, LitigationFigures) {
  const Report r = report_of(kBaiyunDir, "440111");
  EXPECT_EQ(count(r, "litigation.received"), 282);
  EXPECT_EQ(count(r, "litigation.received_first_instance"), 147);
  EXPECT_EQ(count(r, "litigation.judged_first_instance"), 117);
  EXPECT_EQ(ratio(r, "litigation.win_rate"), "110/117");
  EXPECT_EQ(m(r, "litigation.win_rate").text, "94.02%");
  EXPECT_EQ(m(r, "litigation.win_rate").decimal, "0.9402");
}

TEST(BaiyunGolden, LegalAidFigures) {
  const Report r = report_of(kBaiyunDir, "440111");
  EXPECT_EQ(count(r, "legal_aid.accepted"), 3037);
  EXPECT_EQ(count(r, "legal_aid.consultations"), 9059);
  const MetricFigure& money = m(r, "legal_aid.recovered_amount");
  EXPECT_EQ(money.value.kind, ValueKind::kMoney);
  EXPECT_EQ(money.value.integer, 1512800000);  // fen
  EXPECT_EQ(money.text, "1512.8 万元");
  EXPECT_EQ(money.decimal, "15128000.00");
  EXPECT_EQ(m(r, "legal_aid.review_workdays_max").text, "1 个工作日");
  EXPECT_EQ(m(r, "legal_aid.accepted_rank").value.integer, 1);
  EXPECT_EQ(m(r, "legal_aid.accepted_rank").text, "第一");
}

TEST(BaiyunGolden, RegistryFiguresWithTheirGrowth) {
  const Report r = report_of(kBaiyunDir, "440111");
  EXPECT_EQ(count(r, "registry.law_firm"), 53);
  EXPECT_EQ(m(r, "registry.law_firm").previous.integer, 49);
  EXPECT_EQ(count(r, "registry.lawyer"), 512);
  EXPECT_EQ(m(r, "registry.lawyer").previous.integer, 393);
  // Default presentation rounds half-up; the reference report truncates.
  EXPECT_EQ(m(r, "registry.law_firm").yoy_text, "8.2%");
  EXPECT_EQ(m(r, "registry.lawyer").yoy_text, "30.3%");
  EXPECT_EQ(count(r, "registry.mediation_org"), 503);
  EXPECT_EQ(count(r, "registry.mediator_fulltime.new"), 12);
  EXPECT_EQ(count(r, "registry.legal_service_platform.new"), 32);
  EXPECT_EQ(count(r, "registry.notary_point.new"), 3);
}

TEST(BaiyunGolden, MediationFigures) {
  const Report r = report_of(kBaiyunDir, "440111");
  EXPECT_EQ(count(r, "mediation.received"), 12008);
  EXPECT_EQ(count(r, "mediation.major_group"), 125);
  EXPECT_EQ(m(r, "mediation.received_rank").value.integer, 1);
}

TEST(BaiyunGolden, EveryActivityTally) {
  const Report r = report_of(kBaiyunDir, "440111");
  const std::pair<const char*, int64_t> tallies[] = {
      {"decision.legality_reviews", 1511}, {"contract.major_reviews", 90},
      {"contract.sampled", 132},           {"enforcement.departments_disclosing", 47},
      {"enforcement.disclosed_records", 7376}, {"enforcement.discretion_items", 94},
      {"enforcement.exam_takers", 507},    {"enforcement.certificates", 246},
      {"law_education.events", 11837},     {"law_education.materials", 3352410},
      {"law_education.audience", 3068500}, {"public_lawyer.matters", 270},
      {"public_lawyer.documents", 187},    {"public_lawyer.disputes", 24},
      {"legal_service.services", 12362},   {"village_adviser.services", 8472},
      {"legal_aid.consultations", 9059},   {"law_firm.acceptances", 7},
      {"law_firm.inspections", 2},
  };
  for (const auto& [id, value] : tallies) EXPECT_EQ(count(r, id), value) << id;
  EXPECT_EQ(m(r, "staff_exam.pass_rate").text, "100.00%");
  EXPECT_EQ(m(r, "legal_service.services").previous.integer, 8957);
}

TEST(BaiyunGolden, TheExampleProfileReproducesThePublishedPresentation) {
  const Report r = report_of(kBaiyunDir, "440111", baiyun_profile());
  EXPECT_EQ(m(r, "reconsideration.received").yoy_text, "-22.7%");
  EXPECT_EQ(m(r, "reconsideration.correction_rate").text, "33.5%");
  EXPECT_EQ(m(r, "registry.law_firm").yoy_text, "8.1%");
  EXPECT_EQ(m(r, "registry.lawyer").yoy_text, "30.27%");
  EXPECT_EQ(m(r, "legal_service.services").yoy_text, "38%");
  EXPECT_EQ(m(r, "staff_exam.pass_rate").text, "100%");
  EXPECT_EQ(m(r, "law_education.events").text, "11800 余场");
  EXPECT_EQ(m(r, "law_education.materials").text, "335 万余册");
  EXPECT_EQ(m(r, "law_education.audience").text, "近 307 万人次");
  EXPECT_EQ(m(r, "legal_aid.review_on_time_rate").text, "100.00%");  // the 1-day pledge
}

TEST(BaiyunGolden, NarrativeCarriesThePublishedSentences) {
  const Report r = report_of(kBaiyunDir, "440111", baiyun_profile());
  const char* const published[] = {
      "开展重大决策文件合法性审查 1511 件，重大政府合同审查 90 件。",
      "随机抽查政府合同 132 份。",
      "全区 47 个部门公开行政执法数据 7376 条，公开自由裁量权数据 94 条。",
      "组织执法资格考试 507 人次，办理行政执法证件申领及注销等 246 件。",
      "考试通过率达 100%。",
      "开展普法教育活动 11800 余场，发放各类法治宣传资料 335 万余册，受教育人数近 307 万人次。",
      "公职律师共办理各类非诉讼法律事务 270 宗",
      "为党政机关审查各类规范性文件、政策方案、合同等 187 件",
      "参与重大矛盾纠纷及信访案件处理 24 宗次。",
      "打造 32 个示范性公共法律服务平台。",
      "实体和网络平台提供法律服务 12362 件，同比增长 38%。",
      "新设 3 个公证业务办理点。",
      "村（社区）法律顾问共为群众提供法律服务 8472 件次。",
      "2019 年共收到行政复议申请 439 件，同比下降 22.7%，办结 400 件（含办结 2018 年未结案件 62 件）。",
      "77.25% 的行政复议案件未进入行政诉讼程序。",
      "综合纠错率为 33.5%。",
      "共办理行政应诉案件 282 件（含一审行政应诉案件 147 件），已判决的一审行政应诉案件为 117 件，胜诉率为 94.02%。",
      "法援申请的审查办结时限压缩到 1 个工作日，2019 年共计受理各类法律援助案件 3037 件，"
      "提供免费法律咨询 9059 人次，为人民群众挽回经济损失 1512.8 万元，案件受理量位居全市各区第一。",
      "现有律所 53 家、执业律师 512 人，同比增长 8.1% 和 30.27%。",
      "完成律师事务所验收 7 家，开展双随机一公开检查 2 次。",
      "全区现有调解组织平台增至 503 个。",
      "招录 12 名专职调解员。",
      "指导调解矛盾纠纷 12008 宗，办案量居全市各区首位。",
      "妥善调处重大群体性纠纷 125 宗。",
  };
  for (const char* sentence : published) {
    EXPECT_TRUE(narrative_has(r, sentence)) << sentence << "\n--- narrative:\n" << narrative_of(r);
  }
  // Six sections, then the paragraph of the breakdowns' sentences.
  EXPECT_EQ(r.narrative.size(), 7u);
  EXPECT_FALSE(narrative_has(r, "审限内结案率"));  // omitted by the profile
}

TEST(BaiyunGolden, JsonHasTheSpecShape) {
  const Report r = report_of(kBaiyunDir, "440111");
  const std::string json = to_json(r);
  for (const char* part : {
           R"("region":"440111","region_name":"白云区")",
           R"("period":{"from":"2019-01-01","to":"2019-12-31"})",
           R"({"id":"reconsideration.received","label":"收到行政复议申请","unit":"件","value":439,"previous":568,"yoy":{"num":-129,"den":568,"decimal":"-0.2271"},"text":"439 件"})",
           R"({"id":"litigation.win_rate","label":"胜诉率","unit":"%","value":{"num":110,"den":117,"decimal":"0.9402"},)",
           R"("value":{"num":15128000,"den":1,"decimal":"15128000.00"})",
           R"("data_quality":{"rows_read":)",
       }) {
    EXPECT_NE(json.find(part), std::string::npos) << part;
  }
}

TEST(Rollup, DistrictsCitiesAndProvince) {
  struct Row {
    const char* region;
    int64_t received, closed, carried, pending_start, pending_end;
    const char *correction, *not_litigated;
  } rows[] = {
      {"440103", 5, 5, 2, 2, 1, "3/5", "3/5"}, {"440104", 3, 3, 1, 1, 1, "1/3", "1/2"},
      {"440203", 3, 3, 1, 1, 1, "2/3", "3/3"}, {"440100", 8, 8, 3, 3, 2, "4/8", "4/7"},
      {"440200", 3, 3, 1, 1, 1, "2/3", "3/3"}, {"440000", 11, 11, 4, 4, 3, "6/11", "7/10"},
  };
  for (const Row& row : rows) {
    const Report r = report_of(kRollupDir, row.region);
    SCOPED_TRACE(row.region);
    EXPECT_EQ(count(r, "reconsideration.received"), row.received);
    EXPECT_EQ(count(r, "reconsideration.closed"), row.closed);
    EXPECT_EQ(count(r, "reconsideration.closed_carried_over"), row.carried);
    EXPECT_EQ(count(r, "reconsideration.pending_start"), row.pending_start);
    EXPECT_EQ(count(r, "reconsideration.pending_end"), row.pending_end);
    EXPECT_EQ(ratio(r, "reconsideration.correction_rate"), row.correction);
    EXPECT_EQ(ratio(r, "reconsideration.not_litigated_rate"), row.not_litigated);
  }
}

TEST(Rollup, ProfileSwitchCountsWithdrawnAndTerminated) {
  Profile p;
  p.withdrawn_is_correction = true;
  p.terminated_is_correction = true;
  EXPECT_EQ(ratio(report_of(kRollupDir, "440103", p), "reconsideration.correction_rate"), "4/5");
  EXPECT_EQ(ratio(report_of(kRollupDir, "440104", p), "reconsideration.correction_rate"), "2/3");
  EXPECT_EQ(ratio(report_of(kRollupDir, "440000", p), "reconsideration.correction_rate"), "8/11");
}

TEST(Rollup, RegionWithoutLitigationHasUndefinedRatesAndNoSentence) {
  for (const char* region : {"440203", "440200"}) {
    const Report r = report_of(kRollupDir, region);
    SCOPED_TRACE(region);
    EXPECT_EQ(count(r, "litigation.received"), 0);
    EXPECT_EQ(ratio(r, "litigation.win_rate"), "undef.");
    EXPECT_EQ(ratio(r, "litigation.loss_rate"), "undef.");
    EXPECT_FALSE(m(r, "litigation.win_rate").value.reason.empty());
    EXPECT_EQ(m(r, "litigation.win_rate").text, "");
    EXPECT_FALSE(narrative_has(r, "行政应诉"));
    EXPECT_NE(to_json(r).find(R"("id":"litigation.win_rate","label":"胜诉率","unit":"%","value":null,"reason":)"),
              std::string::npos);
  }
}

TEST(Rollup, LitigationRatesRecomputedFromSums) {
  struct Row {
    const char *region, *win, *loss, *head, *defence;
  } rows[] = {
      {"440103", "1/2", "1/3", "1/2", "2/3"},
      {"440104", "2/2", "1/3", "2/3", "3/3"},
      {"440100", "3/4", "2/6", "3/5", "5/6"},
      {"440000", "3/4", "2/6", "3/5", "5/6"},
  };
  for (const Row& row : rows) {
    const Report r = report_of(kRollupDir, row.region);
    SCOPED_TRACE(row.region);
    EXPECT_EQ(ratio(r, "litigation.win_rate"), row.win);
    EXPECT_EQ(ratio(r, "litigation.loss_rate"), row.loss);
    EXPECT_EQ(ratio(r, "litigation.head_appearance_rate"), row.head);
    EXPECT_EQ(ratio(r, "litigation.defence_on_time_rate"), row.defence);
  }
}

TEST(Rollup, LegalAidAcrossMakeUpDays) {
  struct Row {
    const char* region;
    int64_t accepted;
    const char *max, *mean, *lottery;
  } rows[] = {
      {"440103", 4, "1/1", "3/5", "2/4"}, {"440104", 3, "2/1", "5/3", "1/2"},
      {"440203", 2, "1/1", "3/3", "2/3"}, {"440100", 7, "2/1", "8/8", "3/6"},
      {"440000", 9, "2/1", "11/11", "5/9"},
  };
  for (const Row& row : rows) {
    const Report r = report_of(kRollupDir, row.region);
    SCOPED_TRACE(row.region);
    EXPECT_EQ(count(r, "legal_aid.accepted"), row.accepted);
    EXPECT_EQ(ratio(r, "legal_aid.review_workdays_max"), row.max);
    EXPECT_EQ(ratio(r, "legal_aid.review_workdays_mean"), row.mean);
    EXPECT_EQ(ratio(r, "legal_aid.lottery_share"), row.lottery);
  }
  EXPECT_EQ(m(report_of(kRollupDir, "440000"), "legal_aid.recovered_amount").decimal, "55346.17");
  EXPECT_EQ(m(report_of(kRollupDir, "440104"), "legal_aid.recovered_amount").decimal, "15000.00");
}

TEST(Rollup, RanksAmongSiblingsShareTies) {
  EXPECT_EQ(m(report_of(kRollupDir, "440103"), "legal_aid.accepted_rank").value.integer, 1);
  EXPECT_EQ(m(report_of(kRollupDir, "440104"), "legal_aid.accepted_rank").value.integer, 2);
  EXPECT_EQ(m(report_of(kRollupDir, "440203"), "legal_aid.accepted_rank").value.integer, 1);
  EXPECT_EQ(m(report_of(kRollupDir, "440103"), "mediation.received_rank").value.integer, 1);
  EXPECT_EQ(m(report_of(kRollupDir, "440104"), "mediation.received_rank").value.integer, 1);
  EXPECT_EQ(m(report_of(kRollupDir, "440104"), "legal_aid.accepted_rank").text, "第二");
}

TEST(Rollup, RegistryStandsOnTheLastDay) {
  struct Row {
    const char* region;
    int64_t firms, lawyers, orgs, new_firms, new_lawyers;
  } rows[] = {
      {"440103", 2, 3, 1, 1, 1}, {"440104", 1, 3, 2, 0, 1}, {"440203", 1, 1, 1, 0, 1},
      {"440100", 3, 6, 3, 1, 2}, {"440000", 4, 7, 4, 1, 3},
  };
  for (const Row& row : rows) {
    const Report r = report_of(kRollupDir, row.region);
    SCOPED_TRACE(row.region);
    EXPECT_EQ(count(r, "registry.law_firm"), row.firms);
    EXPECT_EQ(count(r, "registry.lawyer"), row.lawyers);
    EXPECT_EQ(count(r, "registry.mediation_org"), row.orgs);
    EXPECT_EQ(count(r, "registry.law_firm.new"), row.new_firms);
    EXPECT_EQ(count(r, "registry.lawyer.new"), row.new_lawyers);
  }
}

TEST(Rollup, YoyIsUndefinedWithoutAPreviousValue) {
  const Report lw = report_of(kRollupDir, "440103");
  EXPECT_EQ(m(lw, "legal_service.services").yoy.num(), 110);
  EXPECT_EQ(m(lw, "legal_service.services").yoy.den(), 220);
  const Report yx = report_of(kRollupDir, "440104");  // previous value 0
  EXPECT_TRUE(yx.find("legal_service.services")->has_previous);
  EXPECT_FALSE(yx.find("legal_service.services")->yoy.defined());
  const Report wj = report_of(kRollupDir, "440203");  // no previous row
  EXPECT_FALSE(wj.find("legal_service.services")->has_previous);
  EXPECT_FALSE(wj.find("legal_service.services")->yoy.defined());
  const Report gd = report_of(kRollupDir, "440000");
  EXPECT_EQ(m(gd, "legal_service.services").yoy.num(), 200);
}

TEST(AllRegions, MatchesPerRegionReportsInOrder) {
  const Dataset& ds = load(kRollupDir);
  absl::StatusOr<std::vector<Report>> all = compute_all_reports(ds, year_period(2019));
  ASSERT_TRUE(all.ok()) << all.status();
  std::vector<std::string> order;
  for (const Report& r : *all) order.push_back(r.region.str());
  EXPECT_EQ(order, (std::vector<std::string>{"440103", "440104", "440203", "440100", "440200", "440000"}));
  for (const Report& r : *all) {
    EXPECT_EQ(to_json(r), to_json(report_of(kRollupDir, r.region.str().c_str()))) << r.region.str();
  }
}

// all_reports_json splits both the record pass and the writing over its
// threads; the figures and the bytes must not depend on the split.
TEST(AllRegions, StreamedJsonEqualsTheReportsJson) {
  const Dataset& ds = load(kRollupDir);
  absl::StatusOr<std::vector<Report>> all = compute_all_reports(ds, year_period(2019));
  ASSERT_TRUE(all.ok());
  for (int threads : {1, 2, 4}) {
    absl::StatusOr<std::string> json = all_reports_json(ds, year_period(2019), {}, Calendar::national(), threads);
    ASSERT_TRUE(json.ok()) << json.status();
    EXPECT_EQ(*json, to_json(*all)) << threads << " threads";
  }
}

TEST(Report, FiguresThatNeedAnUnloadedYearAreUndefinedNotGuessed) {
  // Legal aid decided in 2027, for which no State Council notice is loaded:
  // the working-day figures are undefined with a reason, the counts stand.
  Dataset ds;
  LegalAidRecord a;
  a.case_id = "FA-2027-1";
  a.region = *RegionCode::parse("440111");
  a.applied_date = Date(2027, 3, 1);
  a.decided_date = Date(2027, 3, 2);
  a.decision = AidDecision::kGranted;
  a.accepted_date = Date(2027, 3, 2);
  ASSERT_TRUE(ds.add(a).ok());
  absl::StatusOr<Report> r = compute_report(ds, a.region, year_period(2027));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(count(*r, "legal_aid.accepted"), 1);
  const MetricFigure& review = m(*r, "legal_aid.review_on_time_rate");
  EXPECT_FALSE(review.value.defined());
  EXPECT_NE(review.value.reason.view().find("outside the loaded working-day calendar"), std::string::npos);
  EXPECT_FALSE(m(*r, "legal_aid.review_workdays_max").value.defined());
  bool noticed = false;
  for (const std::string& n : r->data_quality.notices) noticed |= n.find("outside the loaded calendar") != std::string::npos;
  EXPECT_TRUE(noticed);
  // With the 2027 notice merged, the same figure is defined.
  Calendar cal = Calendar::national();
  ASSERT_TRUE(cal.merge_csv("date,kind,holiday\n2027-01-01,holiday,new_year\n", "2027.csv").ok());
  absl::StatusOr<Report> with_notice = compute_report(ds, a.region, year_period(2027), {}, cal);
  ASSERT_TRUE(with_notice.ok());
  EXPECT_EQ(ratio(*with_notice, "legal_aid.review_on_time_rate"), "1/1");
}

// The pass counts working days from a table of the days near the report's
// periods; a review that began long before them is counted by the Calendar
// itself, with the same answer. FA-1, applied Friday 2015-12-25 and decided
// Monday 2019-01-07, took the calendar's count (over 700 working days, late);
// FA-2, applied Friday 2019-01-04 and decided Monday 2019-01-07, took 1 (on
// time against the 7 working days of the default profile).
TEST(Report, WorkingDaysFarBeforeThePeriodAreTheCalendarsCount) {
  Dataset ds;
  add_granted_aid(ds, Date(2015, 12, 25), Date(2019, 1, 7));  // FA-1
  add_granted_aid(ds, Date(2019, 1, 4), Date(2019, 1, 7));    // FA-2
  int32_t long_review = 0;
  ASSERT_TRUE(Calendar::national().try_workdays_between(to_day_number(Date(2015, 12, 25)),
                                                         to_day_number(Date(2019, 1, 7)), long_review));
  EXPECT_GT(long_review, 700);
  const Report r = report_in(ds, "440111");
  EXPECT_EQ(ratio(r, "legal_aid.review_workdays_max"), std::to_string(long_review) + "/1");
  EXPECT_EQ(ratio(r, "legal_aid.review_on_time_rate"), "1/2");
}

// The table of working days runs a year past the period where the Calendar
// covers that year, and no further where it does not: a 2026 report (the
// last year loaded) counts its own December from the table, and an
// assignment dated in unloaded 2027 is left to the Calendar, which cannot
// answer, without touching the 2026 figures. FA-1: applied Thursday 12-24,
// decided Monday 12-28 (2 working days), assigned Thursday 12-31 (3, on
// time); FA-2: applied 12-28, decided 12-29 (1), assigned 2027-01-04.
TEST(Report, WorkingDaysInTheCalendarsLastYear) {
  Dataset ds;
  add_granted_aid(ds, Date(2026, 12, 24), Date(2026, 12, 28), Date(2026, 12, 31));  // FA-1
  add_granted_aid(ds, Date(2026, 12, 28), Date(2026, 12, 29), Date(2027, 1, 4));    // FA-2
  const Report r = report_in(ds, "440111", 2026);
  EXPECT_EQ(ratio(r, "legal_aid.review_workdays_max"), "2/1");
  EXPECT_EQ(ratio(r, "legal_aid.review_workdays_mean"), "3/2");
  EXPECT_EQ(ratio(r, "legal_aid.assignment_on_time_rate"), "1/1");
  for (const std::string& n : r.data_quality.notices) EXPECT_EQ(n.find("outside the loaded calendar"), std::string::npos);
}

// The statutory deadlines as the profile's rules count them, on dates where
// the rules differ: 60 days from 2019-08-13 and 15 days from 2019-09-27 both
// end on Saturday 2019-10-12, a make-up working day (调休上班) after National
// Day. By default the period ends there (the day is a working day, not a
// 法定休假日), so a decision or defence on Monday 10-14 is late; with
// roll_over_make_up_weekends it rolls over to that Monday, in time. Suspended
// days (10 here) move the deadline only when the profile leaves them out.
// Mediation's one month, for cases still pending at the end of 2019: from
// 11-29 it ends Sunday 12-29, rolled over to Monday 12-30, passed by 12-31;
// from 12-01 it ends on New Year's Day, rolled over to 2020-01-02, not
// passed; from 2015-03-02, years before the report, it has long passed.
TEST(Report, DeadlinesFollowTheProfilesPeriodRules) {
  Dataset ds;
  const RegionCode region = *RegionCode::parse("440111");
  ReconsiderationRecord r;
  r.case_id = "FY-1";
  r.region = region;
  r.received_date = Date(2019, 8, 12);
  r.accepted_date = Date(2019, 8, 13);
  r.closed_date = Date(2019, 10, 14);
  r.disposition = Disposition::kUpheld;
  r.suspended_days = 10;
  ASSERT_TRUE(ds.add(r).ok());
  LitigationRecord l;
  l.case_id = "YS-1";
  l.region = region;
  l.filed_date = Date(2019, 9, 27);
  l.instance = Instance::kFirst;
  l.defence_date = Date(2019, 10, 14);
  ASSERT_TRUE(ds.add(l).ok());
  int id = 0;
  for (const Date received : {Date(2019, 11, 29), Date(2019, 12, 1), Date(2015, 3, 2)}) {
    MediationRecord m;
    m.case_id = "TJ-" + std::to_string(++id);
    m.region = region;
    m.received_date = received;
    ASSERT_TRUE(ds.add(m).ok());
  }

  auto figures = [&](const Profile& profile) {
    absl::StatusOr<Report> rep = compute_report(ds, region, year_period(2019), profile);
    EXPECT_TRUE(rep.ok()) << rep.status();
    return rep.ok() ? *std::move(rep) : Report{};
  };
  const Report by_default = figures({});
  EXPECT_EQ(ratio(by_default, "reconsideration.on_time_rate"), "0/1");
  EXPECT_EQ(count(by_default, "reconsideration.overdue"), 1);
  EXPECT_EQ(ratio(by_default, "litigation.defence_on_time_rate"), "0/1");
  EXPECT_EQ(ratio(by_default, "mediation.pending_over_limit_share"), "2/3");

  Profile rolled;
  rolled.period_rules.roll_over_make_up_weekends = true;
  const Report with_roll_over = figures(rolled);
  EXPECT_EQ(ratio(with_roll_over, "reconsideration.on_time_rate"), "1/1");
  EXPECT_EQ(count(with_roll_over, "reconsideration.overdue"), 0);
  EXPECT_EQ(ratio(with_roll_over, "litigation.defence_on_time_rate"), "1/1");
  EXPECT_EQ(ratio(with_roll_over, "mediation.pending_over_limit_share"), "2/3");

  Profile suspended;
  suspended.exclude_suspended_days = true;
  EXPECT_EQ(ratio(figures(suspended), "reconsideration.on_time_rate"), "1/1");
}

// A suspension of INT32_MAX days (the largest the loader takes) moves the
// decision deadline past any calendar, and 60 + INT32_MAX days never overflow
// on the way (signed overflow, which UBSan reports). A last day past the
// calendar lies after every act inside it: the decision is on time.
TEST(Report, AHugeSuspensionEndsPastTheCalendar) {
  Dataset ds;
  ReconsiderationRecord r;
  r.case_id = "FY-1";
  r.region = *RegionCode::parse("440111");
  r.received_date = Date(2019, 8, 12);
  r.accepted_date = Date(2019, 8, 13);
  r.closed_date = Date(2019, 10, 14);
  r.disposition = Disposition::kUpheld;
  r.suspended_days = INT32_MAX;
  ASSERT_TRUE(ds.add(r).ok());
  Profile profile;
  profile.exclude_suspended_days = true;
  const Report rep = report_in(ds, "440111", 2019, profile);
  EXPECT_EQ(ratio(rep, "reconsideration.on_time_rate"), "1/1");
  EXPECT_EQ(count(rep, "reconsideration.received"), 1);
}

// First-instance cases still pending at the end of 2019 against their six
// months (行政诉讼法 art. 81): filed 2019-06-28, the limit ends Saturday
// 12-28, rolled over to Monday 12-30, passed by 12-31; filed 2019-07-01, it
// ends on New Year's Day, rolled over to 2020-01-02, not passed; filed
// 2014-05-05, years before the report (outside the pass's table of limits,
// so asked of the Calendar), long passed. A pending second-instance case is
// not a first-instance one, and one closed in 2019 is not pending.
TEST(Report, FirstInstanceCasesPendingAgainstTheirSixMonths) {
  Dataset ds;
  int id = 0;
  auto filed = [&](Date on, Instance instance, std::optional<Date> closed = std::nullopt) {
    LitigationRecord l;
    l.case_id = "YS-" + std::to_string(++id);
    l.region = *RegionCode::parse("440111");
    l.filed_date = on;
    l.instance = instance;
    if (closed) {
      l.closed_date = *closed;
      l.outcome = LitigationOutcome::kJudgmentWin;
    }
    ASSERT_TRUE(ds.add(l).ok());
  };
  filed(Date(2019, 6, 28), Instance::kFirst);
  filed(Date(2019, 7, 1), Instance::kFirst);
  filed(Date(2014, 5, 5), Instance::kFirst);
  filed(Date(2019, 3, 1), Instance::kSecond);
  filed(Date(2019, 3, 1), Instance::kFirst, Date(2019, 9, 2));
  const Report r = report_in(ds, "440111");
  EXPECT_EQ(ratio(r, "litigation.pending_over_limit_share"), "2/3");
}

// At the end of 2026, the calendar's last year: a mediation received
// 2026-11-02 has its month end on Wednesday 12-02, passed by 12-31; one
// received 2026-12-15 has it end on 2027-01-15 or later, which no loaded
// notice covers, but which lies after 12-31 whatever the notice says: not
// passed, so the share is 1/2. With a 2027 notice merged, 01-15 is a Friday
// and a working day: 1/2 again. Both cases are pending either way:
// disposition time = the period's 365 days x 2 pending / 1 closed.
TEST(Report, MediationLimitPastTheCalendarsLastYearHasNotPassed) {
  Dataset ds;
  add_mediation(ds, Date(2026, 11, 2));
  add_mediation(ds, Date(2026, 12, 15));
  add_mediation(ds, Date(2026, 3, 2), Date(2026, 3, 10));
  const Report r = report_in(ds, "440111", 2026);
  EXPECT_EQ(ratio(r, "mediation.pending_over_limit_share"), "1/2");
  EXPECT_EQ(ratio(r, "mediation.disposition_time"), "730/1");
  Calendar cal = Calendar::national();
  ASSERT_TRUE(cal.merge_csv("date,kind,holiday\n2027-01-01,holiday,new_year\n", "2027.csv").ok());
  absl::StatusOr<Report> with_notice =
      compute_report(ds, *RegionCode::parse("440111"), year_period(2026), {}, cal);
  ASSERT_TRUE(with_notice.ok()) << with_notice.status();
  EXPECT_EQ(ratio(*with_notice, "mediation.pending_over_limit_share"), "1/2");
  EXPECT_EQ(ratio(*with_notice, "mediation.disposition_time"), "730/1");
}

// With 2028 and 2029 loaded but not 2027, the month limits of the days a
// 2028 report looks up are known, then unknown (ending in 2027), then known
// again: not one run, so the pass asks the Calendar for each pending case
// rather than compare start days. Mediations pending at the end of 2028:
// received 06-01, its month passed on 07-03 (07-01 rolled over from
// Saturday); received 12-05, it ends on 2029-01-05, not passed; received
// 2027-03-01, its month ends in 2027, which no notice covers, so the share
// is undefined. All three are pending: disposition time = 366 days x 3 / 1
// closed. Without the 2027 case, the share is 1/2.
TEST(Report, PendingLimitsAcrossAYearTheCalendarLacks) {
  Calendar cal = Calendar::national();
  ASSERT_TRUE(cal.merge_csv("date,kind,holiday\n2028-01-01,holiday,new_year\n2029-01-01,holiday,new_year\n",
                            "2028-2029.csv")
                  .ok());
  const RegionCode region = *RegionCode::parse("440111");
  auto dataset = [&](bool with_2027) {
    Dataset ds;
    add_mediation(ds, Date(2028, 6, 1));
    add_mediation(ds, Date(2028, 12, 5));
    add_mediation(ds, Date(2028, 3, 1), Date(2028, 3, 10));
    if (with_2027) add_mediation(ds, Date(2027, 3, 1));
    return ds;
  };
  absl::StatusOr<Report> r = compute_report(dataset(true), region, year_period(2028), {}, cal);
  ASSERT_TRUE(r.ok()) << r.status();
  const MetricFigure& share = m(*r, "mediation.pending_over_limit_share");
  EXPECT_FALSE(share.value.defined());
  EXPECT_NE(share.value.reason.view().find("outside the loaded working-day calendar"), std::string::npos)
      << share.value.reason.view();
  EXPECT_EQ(ratio(*r, "mediation.disposition_time"), "1098/1");
  absl::StatusOr<Report> without = compute_report(dataset(false), region, year_period(2028), {}, cal);
  ASSERT_TRUE(without.ok()) << without.status();
  EXPECT_EQ(ratio(*without, "mediation.pending_over_limit_share"), "1/2");
}

// A case pending since before the calendar's first year (2004) has a time
// limit nobody can compute: the share of pending cases over their limit is
// undefined with a reason, not counted either way.
TEST(Report, PendingCaseFromBeforeTheCalendarLeavesTheOverLimitShareUndefined) {
  Dataset ds;
  MediationRecord old;
  old.case_id = "TJ-2003";
  old.region = *RegionCode::parse("440111");
  old.received_date = Date(2003, 12, 30);
  ASSERT_TRUE(ds.add(old).ok());
  absl::StatusOr<Report> r = compute_report(ds, old.region, year_period(2019));
  ASSERT_TRUE(r.ok()) << r.status();
  const MetricFigure& share = m(*r, "mediation.pending_over_limit_share");
  EXPECT_FALSE(share.value.defined());
  EXPECT_NE(share.value.reason.view().find("outside the loaded working-day calendar"), std::string::npos)
      << share.value.reason.view();
}

// A thousand lawyers drawn by lottery: the chi-square test on 999 degrees of
// freedom is a figure (Boost's gamma functions overflowed on the way and the
// whole report failed). Each drawn once: X^2 = 0, p = 1. One drawn twice
// more: N = 1002, spread = L * sum c^2 - N^2 = 1000 * 1008 - 1002^2 = 3996,
// X^2 = 3996 / 1002 = 3.99 on 999 degrees of freedom: p = 1.0000 to 4
// decimals, through Boost this time.
TEST(Report, LotteryFairnessOfAThousandLawyers) {
  for (const bool even : {true, false}) {
    Dataset ds;
    for (int i = 0; i < 1000 + (even ? 0 : 2); ++i) {
      LegalAidRecord r;
      r.case_id = "FA-" + std::to_string(i);
      r.region = *RegionCode::parse("440111");
      r.applied_date = Date(2019, 3, 4);
      r.decided_date = Date(2019, 3, 5);
      r.decision = AidDecision::kGranted;
      r.accepted_date = Date(2019, 3, 5);
      r.assigned_date = Date(2019, 3, 6);
      r.assignment_method = AssignmentMethod::kLottery;
      r.lawyer_id = "L" + std::to_string(i < 1000 ? i : 0);
      ASSERT_TRUE(ds.add(r).ok());
    }
    absl::StatusOr<Report> rep = compute_report(ds, *RegionCode::parse("440111"), year_period(2019));
    ASSERT_TRUE(rep.ok()) << rep.status();
    EXPECT_EQ(count(*rep, "legal_aid.lottery_lawyers"), 1000);
    const MetricFigure& p = m(*rep, "legal_aid.lottery_chi2_p");
    ASSERT_TRUE(p.value.defined()) << p.value.reason;
    EXPECT_EQ(p.text, "1.0000");
  }
}

// The lottery's fairness figures of rollup-small's legal_aid.csv, by hand: the
// 2019 lottery assignments are 440103: L103-02, L103-03; 440104: L104-01
// (YX-FA-2019-003 was assigned in 2020); 440203: L203-01 twice. The province
// joins them: counts 1, 1, 1, 2 (N = 5, L = 4), so spread = L * sum c^2 - N^2
// = 4 * 7 - 25 = 3, CV = sqrt(3) / 5 = 0.3464 and X^2 = 3/5 on 3 degrees of
// freedom, p = 0.8964.
TEST(Rollup, LotteryFairnessPerLawyer) {
  struct Row {
    const char* region;
    int64_t assignments, lawyers, min, max;
    const char *mean, *cv, *p;
  } rows[] = {
      {"440103", 2, 2, 1, 1, "2/2", "0.0000", "1.0000"},
      {"440104", 1, 1, 1, 1, "1/1", "0.0000", ""},
      {"440203", 2, 1, 2, 2, "2/1", "0.0000", ""},
      {"440100", 3, 3, 1, 1, "3/3", "0.0000", "1.0000"},
      {"440200", 2, 1, 2, 2, "2/1", "0.0000", ""},
      {"440000", 5, 4, 1, 2, "5/4", "0.3464", "0.8964"},
  };
  for (const Row& row : rows) {
    const Report r = report_of(kRollupDir, row.region);
    SCOPED_TRACE(row.region);
    EXPECT_EQ(count(r, "legal_aid.lottery_assignments"), row.assignments);
    EXPECT_EQ(count(r, "legal_aid.lottery_lawyers"), row.lawyers);
    EXPECT_EQ(count(r, "legal_aid.lottery_min"), row.min);
    EXPECT_EQ(count(r, "legal_aid.lottery_max"), row.max);
    EXPECT_EQ(ratio(r, "legal_aid.lottery_mean"), row.mean);
    EXPECT_EQ(m(r, "legal_aid.lottery_mean").value.kind, ValueKind::kNumber);
    EXPECT_EQ(m(r, "legal_aid.lottery_cv").text, row.cv);
    EXPECT_EQ(m(r, "legal_aid.lottery_chi2_p").text, row.p);
    if (*row.p == '\0') {
      EXPECT_FALSE(m(r, "legal_aid.lottery_chi2_p").value.defined());
      EXPECT_FALSE(m(r, "legal_aid.lottery_chi2_p").value.reason.empty());
    }
  }
  // The narrative tells a district's test, not a city's (which pools districts).
  EXPECT_TRUE(narrative_has(report_of(kRollupDir, "440103"), "摇珠指派法律援助案件 2 件，涉及律师 2 名，分配均衡性检验 p=1.0000。"));
  EXPECT_TRUE(narrative_has(report_of(kRollupDir, "440100"), "摇珠指派法律援助案件 3 件，涉及律师 3 名。"));
  EXPECT_FALSE(narrative_has(report_of(kRollupDir, "440000"), "分配均衡性检验"));
  // 2018: 440103 drew L103-01 and L103-02 once each.
  const Report r = report_of(kRollupDir, "440103");
  EXPECT_EQ(m(r, "legal_aid.lottery_assignments").previous.integer, 2);
  EXPECT_EQ(m(r, "legal_aid.lottery_lawyers").previous.integer, 2);
}

// Ranks among sibling districts are 1 + the number with strictly more: two
// districts tied for the most share rank 1 and the next is third, not second.
TEST(Rollup, TiedRanksShareTheBetterRankAndTheNextSkips) {
  Dataset ds;
  int next_id = 0;
  auto received = [&](const char* region, int cases) {
    for (int k = 0; k < cases; ++k) {
      MediationRecord c;
      c.case_id = "TJ-" + std::to_string(++next_id);
      c.region = *RegionCode::parse(region);
      c.org_id = "TW-1";
      c.received_date = Date(2019, 5, 6);
      ASSERT_TRUE(ds.add(c).ok());
    }
  };
  received("440105", 1);
  received("440103", 2);
  received("440104", 2);
  for (const auto& [region, rank] : {std::pair{"440103", 1}, {"440104", 1}, {"440105", 3}}) {
    EXPECT_EQ(m(report_in(ds, region), "mediation.received_rank").value.integer, rank) << region;
  }
}

// for_each_region_as_added_then_sealed checks each row's region report
// (check(row, report)) with the dataset's rows in the order added (regions
// interleaved), then again after seal() has grouped them by region: the
// figures must not depend on the order of the rows.
template <typename Row, size_t N, typename Check>
void for_each_region_as_added_then_sealed(Dataset& ds, const Row (&rows)[N], Check check) {
  for (const bool sealed : {false, true}) {
    if (sealed) ds.seal();
    for (const Row& row : rows) {
      SCOPED_TRACE(std::string(row.region) + (sealed ? " sealed" : " as added"));
      check(row, report_in(ds, row.region));
    }
  }
}

// A region's rows are counted as runs, whose end the pass seeks 16 rows at
// a time: runs of lengths around those blocks, each followed by another
// region's rows and one more of its own (a second run as added), give every
// row once, as added and after seal().
TEST(Report, RunsOfEveryLengthAroundTheSearchBlockCountEachRowOnce) {
  for (const int length : {1, 2, 15, 16, 17, 31, 32, 33, 47}) {
    SCOPED_TRACE(length);
    Dataset ds;
    auto received = [&](const char* region) { add_mediation(ds, Date(2019, 5, 6), std::nullopt, region); };
    for (int k = 0; k < length; ++k) received("440111");
    for (int k = 0; k < 17; ++k) received("440103");
    received("440111");
    struct Row {
      const char* region;
      int64_t received;
    } rows[] = {{"440111", length + 1}, {"440103", 17}, {"440100", length + 18}};
    for_each_region_as_added_then_sealed(ds, rows, [](const Row& row, const Report& r) {
      EXPECT_EQ(count(r, "mediation.received"), row.received);
    });
  }
}

// A region with more rows than one run of the pass holds (2^15, so that a
// run's sums fit 32 bits) is counted in several runs, each row once, and its
// days summed exactly across them: 33,000 legal-aid cases reviewed in 2
// working days (Monday 2019-03-04 to Wednesday 03-06) and one in 7 (to
// Wednesday 03-13); 33,001 reconsideration cases concluded in 10 days.
TEST(Report, ARegionLargerThanARunIsCountedAcrossRuns) {
  Dataset ds;
  constexpr int kCases = 33000;
  for (int k = 0; k < kCases; ++k) add_granted_aid(ds, Date(2019, 3, 4), Date(2019, 3, 6));
  add_granted_aid(ds, Date(2019, 3, 4), Date(2019, 3, 13));
  for (int k = 0; k <= kCases; ++k) {
    ReconsiderationRecord c;
    c.case_id = "FY-" + std::to_string(k);
    c.region = *RegionCode::parse("440111");
    c.received_date = Date(2019, 3, 1);
    c.accepted_date = Date(2019, 3, 1);
    c.closed_date = Date(2019, 3, 11);
    c.disposition = Disposition::kUpheld;
    ASSERT_TRUE(ds.add(c).ok());
  }
  const Report r = report_in(ds, "440111");
  EXPECT_EQ(count(r, "legal_aid.accepted"), kCases + 1);
  EXPECT_EQ(ratio(r, "legal_aid.review_workdays_mean"), std::to_string(2 * kCases + 7) + "/" + std::to_string(kCases + 1));
  EXPECT_EQ(ratio(r, "legal_aid.review_workdays_max"), "7/1");
  EXPECT_EQ(count(r, "reconsideration.closed"), kCases + 1);
  EXPECT_EQ(ratio(r, "reconsideration.mean_days"), std::to_string(10 * (kCases + 1)) + "/" + std::to_string(kCases + 1));
}

// Days are summed exactly whatever their size: two cases accepted on
// 2019-03-01 and concluded on 2199-12-31 (66,049 days each, more than 16
// bits hold), in a report of 2199.
TEST(Report, DaysBeyondSixteenBitsAreSummedExactly) {
  Dataset ds;
  int next_id = 0;
  auto concluded = [&](Date closed) {
    ReconsiderationRecord c;
    c.case_id = "FY-" + std::to_string(++next_id);
    c.region = *RegionCode::parse("440111");
    c.received_date = Date(2019, 3, 1);
    c.accepted_date = Date(2019, 3, 1);
    c.closed_date = closed;
    c.disposition = Disposition::kUpheld;
    ASSERT_TRUE(ds.add(c).ok());
  };
  concluded(Date(2199, 12, 31));
  concluded(Date(2199, 12, 31));
  const Report r = report_in(ds, "440111", 2199);
  EXPECT_EQ(ratio(r, "reconsideration.mean_days"), "132098/2");
  EXPECT_EQ(ratio(r, "reconsideration.median_days"), "132098/2");
}

// The median days of concluded reconsideration cases (docs/metrics.md; an even
// count takes the mean of the two middle values), in districts and roll-ups
// from the districts' own cases, never from their medians. Days run from
// acceptance to closing: 440103 {10, 40, 20}: 20; 440104 {35, 5}: 40/2;
// 440100 {5, 10, 20, 35, 40}: 20; 440000 adds 440203's {100}: (20 + 35) / 2.
TEST(Rollup, MedianDaysOfOddAndEvenCounts) {
  Dataset ds;
  int next_id = 0;
  auto concluded = [&](const char* region, int days) {
    ReconsiderationRecord c;
    c.case_id = "FY-" + std::to_string(++next_id);
    c.region = *RegionCode::parse(region);
    c.received_date = Date(2019, 3, 1);
    c.accepted_date = Date(2019, 3, 1);
    c.closed_date = from_day_number(to_day_number(Date(2019, 3, 1)) + days);
    c.disposition = Disposition::kUpheld;
    ASSERT_TRUE(ds.add(c).ok());
  };
  concluded("440103", 10);
  concluded("440104", 35);
  concluded("440203", 100);
  concluded("440103", 40);
  concluded("440104", 5);
  concluded("440103", 20);
  struct Row {
    const char* region;
    const char *median, *mean;
  } rows[] = {
      {"440103", "20/1", "70/3"}, {"440104", "40/2", "40/2"}, {"440203", "100/1", "100/1"},
      {"440100", "20/1", "110/5"}, {"440000", "55/2", "210/6"},
  };
  for_each_region_as_added_then_sealed(ds, rows, [](const Row& row, const Report& r) {
    EXPECT_EQ(ratio(r, "reconsideration.median_days"), row.median);
    EXPECT_EQ(ratio(r, "reconsideration.mean_days"), row.mean);
  });
  // A region with no concluded case has no median, not a median of 0.
  EXPECT_FALSE(m(report_in(ds, "440203", 2018), "reconsideration.median_days").value.defined());
}

// A lawyer the lottery drew in two districts counts once in their city, and
// in their province, with every district's cases: L-A is drawn twice in
// 440103, once in 440104 and once in 440203. 440100: A 3, B 1, C 1 (N = 5,
// L = 3), spread = 3 * 11 - 25 = 8, CV = sqrt(8) / 5 = 0.5657. 440000: A 4,
// B 1, C 1, spread = 3 * 18 - 36 = 18, CV = sqrt(18) / 6 = 0.7071.
TEST(Rollup, LotteryLawyerDrawnInTwoDistrictsCountsOnce) {
  Dataset ds;
  int next_id = 0;
  auto draw = [&](const char* region, const char* lawyer) {
    LegalAidRecord a;
    a.case_id = "FA-" + std::to_string(++next_id);
    a.region = *RegionCode::parse(region);
    a.applied_date = Date(2019, 3, 1);
    a.decided_date = Date(2019, 3, 4);
    a.decision = AidDecision::kGranted;
    a.accepted_date = Date(2019, 3, 4);
    a.assigned_date = Date(2019, 3, 5);
    a.lawyer_id = lawyer;
    a.assignment_method = AssignmentMethod::kLottery;
    ASSERT_TRUE(ds.add(a).ok());
  };
  draw("440104", "L-C");
  draw("440103", "L-A");
  draw("440203", "L-A");
  draw("440104", "L-A");
  draw("440103", "L-B");
  draw("440103", "L-A");
  struct Row {
    const char* region;
    int64_t assignments, lawyers, min, max;
    const char *mean, *cv;
  } rows[] = {
      {"440103", 3, 2, 1, 2, "3/2", "0.3333"},  // A 2, B 1: spread = 2 * 5 - 9 = 1, sqrt(1) / 3
      {"440104", 2, 2, 1, 1, "2/2", "0.0000"},
      {"440203", 1, 1, 1, 1, "1/1", "0.0000"},
      {"440100", 5, 3, 1, 3, "5/3", "0.5657"},
      {"440000", 6, 3, 1, 4, "6/3", "0.7071"},
  };
  for_each_region_as_added_then_sealed(ds, rows, [](const Row& row, const Report& r) {
    EXPECT_EQ(count(r, "legal_aid.lottery_assignments"), row.assignments);
    EXPECT_EQ(count(r, "legal_aid.lottery_lawyers"), row.lawyers);
    EXPECT_EQ(count(r, "legal_aid.lottery_min"), row.min);
    EXPECT_EQ(count(r, "legal_aid.lottery_max"), row.max);
    EXPECT_EQ(ratio(r, "legal_aid.lottery_mean"), row.mean);
    EXPECT_EQ(m(r, "legal_aid.lottery_cv").text, row.cv);
  });
}

// Baiyun 2019: 2422 cases assigned by lottery to 60 lawyers, 29 to 56 each
// (mean 2422/60 = 40.3667); L * sum c^2 - N^2 = 117356, so CV =
// sqrt(117356) / 2422 = 0.1414 and X^2 = 117356 / 2422 = 48.45 on 59 degrees
// of freedom: p = 0.8348, no sign of uneven chances.
TEST(BaiyunGolden, LotteryFairness) {
  const Report r = report_of(kBaiyunDir, "440111", baiyun_profile());
  EXPECT_EQ(count(r, "legal_aid.lottery_assignments"), 2422);
  EXPECT_EQ(count(r, "legal_aid.lottery_lawyers"), 60);
  EXPECT_EQ(count(r, "legal_aid.lottery_min"), 29);
  EXPECT_EQ(count(r, "legal_aid.lottery_max"), 56);
  EXPECT_EQ(ratio(r, "legal_aid.lottery_mean"), "2422/60");
  EXPECT_EQ(m(r, "legal_aid.lottery_mean").text, "40.3667 件");
  EXPECT_EQ(m(r, "legal_aid.lottery_cv").text, "0.1414");
  EXPECT_EQ(ratio(r, "legal_aid.lottery_cv"), "1414/10000");
  EXPECT_EQ(m(r, "legal_aid.lottery_chi2_p").text, "0.8348");
  EXPECT_TRUE(narrative_has(r, "摇珠指派法律援助案件 2422 件，涉及律师 60 名，分配均衡性检验 p=0.8348。"))
      << narrative_of(r);
  const std::string json = to_json(r);
  EXPECT_NE(json.find(R"("id":"legal_aid.lottery_chi2_p","label":"摇珠分配均衡性检验 p 值","unit":"","value":{"num":8348,"den":10000,"decimal":"0.8348"})"),
            std::string::npos);
}

TEST(Report, UnknownRegionIsNotFound) {
  absl::StatusOr<Report> r =
      compute_report(load(kRollupDir), *RegionCode::parse("110101"), year_period(2019));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kNotFound);
}

TEST(Profile, RejectsUnknownKeysAndMetrics) {
  EXPECT_FALSE(Profile::from_json(R"({"roundng": "half_up"})").ok());
  EXPECT_FALSE(Profile::from_json(R"({"rounding": "bankers"})").ok());
  EXPECT_FALSE(Profile::from_json(R"({"percent_decimals": 12})").ok());
  EXPECT_FALSE(Profile::from_json("not json").ok());
  absl::StatusOr<Profile> typo = Profile::from_json(R"({"metrics": {"litigation.winrate": {"decimals": 1}}})");
  ASSERT_TRUE(typo.ok());
  absl::StatusOr<Report> r = compute_report(load(kRollupDir), *RegionCode::parse("440103"), year_period(2019), *typo);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("litigation.winrate"), std::string::npos);
}

TEST(Profile, ListsTheTablesAReportCarries) {
  const Profile defaults;
  EXPECT_EQ(defaults.breakdowns, default_breakdowns());
  ASSERT_FALSE(defaults.series.empty());
  EXPECT_EQ(defaults.series[0].metric, "reconsideration.received");
  EXPECT_EQ(defaults.series[0].by, "month");

  absl::StatusOr<Profile> p = Profile::from_json(R"({"breakdowns": [
      {"metric": "reconsideration.received", "by": "act_type", "top": 5, "decimals": 2,
       "rounding": "truncate", "order": ["penalty", "disclosure"]}],
      "series": [{"metric": "mediation.received", "by": "quarter"}]})");
  ASSERT_TRUE(p.ok()) << p.status();
  ASSERT_EQ(p->breakdowns.size(), 1u);
  EXPECT_EQ(p->breakdowns[0].top, 5u);
  EXPECT_EQ(p->breakdowns[0].rounding, Rounding::kTruncate);
  EXPECT_EQ(p->breakdowns[0].order, (std::vector<std::string>{"penalty", "disclosure"}));
  ASSERT_EQ(p->series.size(), 1u);
  EXPECT_EQ(p->series[0].by, "quarter");
  EXPECT_TRUE(Profile::from_json(R"({"breakdowns": []})")->breakdowns.empty());

  // A dimension of another family, a metric that cannot be split, a series by
  // a dimension, a misspelt key: each an error naming where it is.
  for (const char* bad : {R"({"breakdowns": [{"metric": "reconsideration.received", "by": "outcome"}]})",
                          R"({"breakdowns": [{"metric": "legal_aid.lottery_min", "by": "case_type"}]})",
                          R"({"series": [{"metric": "mediation.received", "by": "category"}]})",
                          R"({"breakdowns": [{"metric": "mediation.received", "by": "category", "tops": 3}]})",
                          R"({"breakdowns": [{"metric": "mediation.received"}]})"}) {
    absl::StatusOr<Profile> q = Profile::from_json(bad);
    ASSERT_FALSE(q.ok()) << bad;
    EXPECT_NE(q.status().message().find("[0]"), std::string::npos) << q.status();
  }
}

TEST(Period, PreviousPeriodOfTheSameLength) {
  const Period y2021 = year_period(2021);
  const Period prev = previous_period(y2021);
  EXPECT_EQ(format_iso_day(prev.from), "2020-01-01");  // all 366 days of 2020
  EXPECT_EQ(format_iso_day(prev.to), "2020-12-31");
  const Period h1{to_day_number(Date(2019, 1, 1)), to_day_number(Date(2019, 6, 30))};
  EXPECT_EQ(format_iso_day(previous_period(h1).from), "2018-07-01");
  const Period odd{to_day_number(Date(2019, 3, 5)), to_day_number(Date(2019, 3, 14))};
  EXPECT_EQ(format_iso_day(previous_period(odd).from), "2019-02-23");
  EXPECT_EQ(format_iso_day(previous_period(odd).to), "2019-03-04");
}

Period days(Date from, Date to) { return Period{to_day_number(from), to_day_number(to)}; }

TEST(Period, YearAgoIsTheSameDatesAYearEarlier) {
  auto iso = [](Period p) { return format_iso_day(p.from) + ".." + format_iso_day(p.to); };
  EXPECT_EQ(iso(year_ago_period(year_period(2021))), "2020-01-01..2020-12-31");  // all 366 days of 2020
  EXPECT_EQ(iso(year_ago_period(days(Date(2019, 3, 1), Date(2019, 5, 31)))), "2018-03-01..2018-05-31");
  EXPECT_EQ(iso(year_ago_period(days(Date(2020, 2, 1), Date(2020, 2, 29)))), "2019-02-01..2019-02-28");
  EXPECT_EQ(iso(year_ago_period(days(Date(2020, 2, 29), Date(2020, 3, 10)))), "2019-02-28..2019-03-10");
  EXPECT_EQ(iso(year_ago_period(days(Date(2019, 3, 5), Date(2019, 3, 14)))), "2018-03-05..2018-03-14");
  // Longer than a year: back as many years as it takes not to overlap.
  EXPECT_EQ(iso(year_ago_period(days(Date(2018, 1, 1), Date(2019, 12, 31)))), "2016-01-01..2017-12-31");
  EXPECT_EQ(iso(year_ago_period(days(Date(2019, 1, 1), Date(2020, 1, 1)))), "2017-01-01..2018-01-01");
  EXPECT_TRUE(is_whole_years(year_period(2019)));
  EXPECT_TRUE(is_whole_years(days(Date(2018, 1, 1), Date(2019, 12, 31))));
  EXPECT_FALSE(is_whole_years(days(Date(2019, 1, 1), Date(2019, 6, 30))));
  EXPECT_FALSE(is_whole_years(days(Date(2019, 3, 1), Date(2020, 2, 29))));
}

TEST(Period, FiguresRefuseAnOverlappingComparison) {
  const Period spring = days(Date(2019, 3, 1), Date(2019, 5, 31));
  EXPECT_FALSE(compute_figures(load(kBaiyunDir), spring, days(Date(2019, 2, 1), Date(2019, 3, 1)), Profile{}).ok());
  EXPECT_TRUE(compute_figures(load(kBaiyunDir), spring, previous_period(spring), Profile{}).ok());
}

// A non-year period: 同比 (previous, yoy) against the same months of 2018, 环比
// (sequential) against the three months just before, each the figure a
// report of that period gives.
TEST(Report, NonYearPeriodComparesYearAgoAndSequentially) {
  const Dataset& ds = load(kBaiyunDir);
  const RegionCode baiyun = *RegionCode::parse("440111");
  const absl::StatusOr<Report> r = compute_report(ds, baiyun, days(Date(2019, 3, 1), Date(2019, 5, 31)));
  const absl::StatusOr<Report> year_ago = compute_report(ds, baiyun, days(Date(2018, 3, 1), Date(2018, 5, 31)));
  const absl::StatusOr<Report> before = compute_report(ds, baiyun, days(Date(2018, 12, 1), Date(2019, 2, 28)));
  ASSERT_TRUE(r.ok() && year_ago.ok() && before.ok());
  EXPECT_EQ(format_iso_day(r->previous.from), "2018-03-01");
  EXPECT_EQ(format_iso_day(r->previous.to), "2018-05-31");
  ASSERT_TRUE(r->sequential_period.has_value());
  EXPECT_EQ(format_iso_day(r->sequential_period->from), "2018-12-01");
  EXPECT_EQ(format_iso_day(r->sequential_period->to), "2019-02-28");

  const MetricFigure& received = *r->find("reconsideration.received");
  EXPECT_EQ(received.value.integer, 108);
  EXPECT_EQ(received.previous.integer, 145);
  EXPECT_EQ(year_ago->find("reconsideration.received")->value.integer, 145);
  EXPECT_EQ(received.yoy_text, "-25.5%");  // -37/145
  EXPECT_EQ(received.sequential.previous.integer, 133);
  EXPECT_EQ(before->find("reconsideration.received")->value.integer, 133);
  EXPECT_EQ(received.sequential.change, Fraction(-25, 133));
  EXPECT_EQ(received.sequential.change_text, "-18.8%");
  EXPECT_FALSE(received.yoy_pp.defined());  // a count changes relatively only
  EXPECT_EQ(r->find("reconsideration.received_yoy")->value.exact(), Fraction(-37, 145));

  const MetricFigure& win = *r->find("litigation.win_rate");
  const Value& win_before = before->find("litigation.win_rate")->value;
  EXPECT_EQ(win.sequential.previous.exact(), win_before.exact());
  EXPECT_EQ(win.sequential.change_pp,
            Fraction(win.value.num * win_before.den - win_before.num * win.value.den, win.value.den * win_before.den));
  EXPECT_EQ(win.yoy_pp, Fraction(win.value.num * year_ago->find("litigation.win_rate")->value.den -
                                     year_ago->find("litigation.win_rate")->value.num * win.value.den,
                                 win.value.den * year_ago->find("litigation.win_rate")->value.den));

  const std::string narrative = render_narrative(*r);
  EXPECT_NE(narrative.find("共收到行政复议申请 108 件，同比下降 25.5%，环比下降 18.8%"), std::string::npos) << narrative;
}

TEST(Report, WholeYearsHaveNoSequentialComparison) {
  const Report r = report_of(kBaiyunDir, "440111");
  EXPECT_FALSE(r.sequential_period.has_value());
  for (const MetricFigure& m : r.metrics) EXPECT_FALSE(m.sequential.has_previous) << m.info->id;
  EXPECT_EQ(render_narrative(r).find("环比"), std::string::npos);
}

// A rate's change in percentage points beside its relative change: 胜诉率
// 110/117 against 97/112 is 7.41 个百分点 (docs/metrics.md's example).
TEST(BaiyunGolden, RateChangesInPercentagePoints) {
  const Report r = report_of(kBaiyunDir, "440111");
  const MetricFigure& win = *r.find("litigation.win_rate");
  EXPECT_EQ(win.yoy_pp, Fraction(110 * 112 - 97 * 117, 117 * 112));
  EXPECT_EQ(win.yoy_pp_text, "7.41 个百分点");
  EXPECT_EQ(win.yoy_pp_decimal, "0.0741");
  EXPECT_EQ(win.yoy_text, "8.6%");  // the relative change is still there
  const nlohmann::json j = nlohmann::json::parse(to_json(r));
  for (const nlohmann::json& m : j["metrics"]) {
    const MetricFigure& f = *r.find(m["id"].get<std::string>());
    EXPECT_FALSE(m.contains("sequential")) << f.info->id;
    // Every rate with a previous value has change_pp; nothing else has.
    EXPECT_EQ(m.contains("change_pp"), f.info->kind == ValueKind::kRatio && f.info->has_yoy && f.has_previous &&
                                           f.value.defined())
        << f.info->id;
    if (f.info->id == "litigation.win_rate") {
      EXPECT_EQ(m["change_pp"], nlohmann::json::parse(R"({"num":971,"den":13104,"decimal":"0.0741"})"));
      EXPECT_EQ(m["yoy"]["decimal"], "0.0856");
    }
  }
  EXPECT_FALSE(j.contains("sequential_period"));
}

TEST(Report, NonYearJsonCarriesTheSequentialComparison) {
  const absl::StatusOr<Report> r =
      compute_report(load(kBaiyunDir), *RegionCode::parse("440111"), days(Date(2019, 3, 1), Date(2019, 5, 31)));
  ASSERT_TRUE(r.ok());
  const nlohmann::json j = nlohmann::json::parse(to_json(*r));
  EXPECT_EQ(j["previous_period"], nlohmann::json::parse(R"({"from":"2018-03-01","to":"2018-05-31"})"));
  EXPECT_EQ(j["sequential_period"], nlohmann::json::parse(R"({"from":"2018-12-01","to":"2019-02-28"})"));
  for (const nlohmann::json& m : j["metrics"]) {
    if (m["id"] == "reconsideration.received") {
      EXPECT_EQ(m["previous"], 145);
      EXPECT_EQ(m["yoy"]["num"], -37);
      EXPECT_EQ(m["sequential"], nlohmann::json::parse(
                                     R"({"previous":133,"change":{"num":-25,"den":133,"decimal":"-0.1880"}})"));
    }
    if (m["id"] == "litigation.win_rate") {
      EXPECT_TRUE(m.contains("change_pp"));
      EXPECT_TRUE(m["sequential"].contains("change_pp"));
      EXPECT_TRUE(m["sequential"].contains("change"));
    }
  }
}

// Sums of quantities (activity tallies, money) are exact or refused, never
// wrapped past 64 bits: eleven tallies of 922337203685477580 in Baiyun sum
// past INT64_MAX (the figure is undefined, with the reason), ten in Huangpu
// fit exactly; so do the city's, which holds both, and the money likewise.
TEST(Report, SumsPast64BitsAreRefusedNotWrapped) {
  Dataset ds;
  std::string activity = "region,date,indicator,value,note\n";
  for (const char* region : {"440111", "440112"}) {
    for (int i = 0; i < (region[5] == '1' ? 11 : 10); ++i) {
      absl::StrAppend(&activity, region, ",2019-06-30,law_education.events,922337203685477580,\n");
    }
  }
  const std::string aid =
      "case_id,region,applied_date,decided_date,decision,accepted_date,case_type,assigned_date,"
      "lawyer_id,firm_id,assignment_method,commitment,closed_date,recovered_amount\n"
      "FA-1,440111,2019-04-08,2019-04-09,granted,2019-04-09,civil,2019-04-10,L1,F1,lottery,false,2019-08-01,"
      "92233720368547758.07\n"
      "FA-2,440111,2019-04-08,2019-04-09,granted,2019-04-09,civil,2019-04-10,L1,F1,lottery,false,2019-08-01,"
      "92233720368547758.00\n"
      "FA-3,440112,2019-04-08,2019-04-09,granted,2019-04-09,civil,2019-04-10,L1,F1,lottery,false,2019-08-01,"
      "92233720368547758.07\n";
  ASSERT_TRUE(ds.load_buffer(RecordKind::kRegions, "region,name\n440100,广州市\n440111,白云区\n440112,黄埔区\n",
                             "regions.csv").ok());
  absl::StatusOr<LoadSummary> loaded = ds.load_buffer(RecordKind::kActivity, activity, "activity.csv");
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ(loaded->rows_rejected(), 0);
  loaded = ds.load_buffer(RecordKind::kLegalAid, aid, "legal_aid.csv");
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ(loaded->rows_rejected(), 0);

  const Report huangpu = report_in(ds, "440112");
  EXPECT_EQ(count(huangpu, "law_education.events"), 9223372036854775800);
  EXPECT_EQ(m(huangpu, "legal_aid.recovered_amount").value.integer, INT64_MAX);
  for (const char* region : {"440111", "440100", "440000"}) {
    SCOPED_TRACE(region);
    const Report r = report_in(ds, region);
    for (const char* id : {"law_education.events", "legal_aid.recovered_amount"}) {
      const Value& v = m(r, id).value;
      EXPECT_FALSE(v.defined()) << id << " = " << v.integer;
      EXPECT_NE(v.reason.view().find("9223372036854775807"), std::string::npos) << id << ": " << v.reason;
    }
    const std::string json = to_json(r);
    EXPECT_EQ(json.find("-8301034833169298236"), std::string::npos);
  }
}

}  // namespace
}  // namespace fazhi
