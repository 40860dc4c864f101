// The narrative sentence by sentence: every sentence of src/render/narrative.cpp with
// its figures missing, zero, unchanged, rising and falling, and the words of a
// change (同比 / 环比, relative / 个百分点).
#include "render/narrative.hpp"

#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "fazhi/dataset.hpp"
#include "fazhi/report.hpp"

namespace fazhi {
namespace {

using internal::Against;
using internal::change_clause;

// The figures each sentence reads (src/render/narrative.cpp).
const std::map<std::string, std::vector<std::string>>& sentence_figures() {
  static const auto* const kTable = new std::map<std::string, std::vector<std::string>>{
      {"decision_review", {"decision.legality_reviews", "contract.major_reviews"}},
      {"contract_sampling", {"contract.sampled"}},
      {"enforcement_disclosure",
       {"enforcement.disclosed_records", "enforcement.departments_disclosing", "enforcement.discretion_items"}},
      {"enforcement_certification", {"enforcement.exam_takers", "enforcement.certificates"}},
      {"staff_exam", {"staff_exam.pass_rate"}},
      {"law_education", {"law_education.events", "law_education.materials", "law_education.audience"}},
      {"public_lawyer", {"public_lawyer.matters", "public_lawyer.documents", "public_lawyer.disputes"}},
      {"legal_service_platforms", {"registry.legal_service_platform.new"}},
      {"legal_service", {"legal_service.services"}},
      {"notary_points", {"registry.notary_point.new"}},
      {"village_adviser", {"village_adviser.services"}},
      {"reconsideration",
       {"reconsideration.received", "reconsideration.closed", "reconsideration.closed_carried_over"}},
      {"reconsideration_not_litigated", {"reconsideration.not_litigated_rate"}},
      {"reconsideration_correction", {"reconsideration.correction_rate"}},
      {"reconsideration_on_time", {"reconsideration.on_time_rate"}},
      {"litigation",
       {"litigation.received", "litigation.received_first_instance", "litigation.judged_first_instance",
        "litigation.win_rate"}},
      {"litigation_head_appearance", {"litigation.head_appearance_rate"}},
      {"legal_aid",
       {"legal_aid.review_workdays_max", "legal_aid.accepted", "legal_aid.consultations",
        "legal_aid.recovered_amount", "legal_aid.accepted_rank"}},
      {"legal_aid_lottery", {"legal_aid.lottery_assignments", "legal_aid.lottery_lawyers", "legal_aid.lottery_chi2_p"}},
      {"law_firms", {"registry.law_firm", "registry.lawyer"}},
      {"law_firm_supervision", {"law_firm.acceptances", "law_firm.inspections"}},
      {"mediation_orgs", {"registry.mediation_org"}},
      {"mediators", {"registry.mediator_fulltime.new"}},
      {"mediation", {"mediation.received", "mediation.received_rank"}},
      {"mediation_major_group", {"mediation.major_group"}},
      {"mediation_success", {"mediation.success_rate"}},
  };
  return *kTable;
}

enum class Scenario { kMissing, kZero, kEqual, kRising, kFalling };
const char* name_of(Scenario s) {
  switch (s) {
    case Scenario::kMissing: return "missing";
    case Scenario::kZero: return "zero";
    case Scenario::kEqual: return "equal";
    case Scenario::kRising: return "rising";
    case Scenario::kFalling: return "falling";
  }
  return "";
}

// An empty 2019 report of a district: every metric undefined.
Report empty_report() {
  Report r;
  r.region = *RegionCode::parse("440111");
  r.region_name = "白云区";
  r.period = year_period(2019);
  r.previous = year_period(2018);
  for (const MetricInfo& info : metric_catalogue()) {
    MetricFigure m;
    m.info = &info;
    m.value = Value::undefined("missing in this test");
    r.metrics.push_back(std::move(m));
  }
  return r;
}

MetricFigure& figure(Report& r, const std::string& id) {
  const std::optional<size_t> i = metric_index(id);
  EXPECT_TRUE(i.has_value()) << id;
  return r.metrics[i.value_or(0)];
}

// The figures of a scenario, presented as the report would: a count is 12 now
// (10 before when rising, 15 when falling: ±20.0%), a rate 3/4 now (1/2 or
// 1/1 before: ±25.00 个百分点, +50.0% or -25.0%).
void set_figure(MetricFigure& m, Scenario s) {
  if (s == Scenario::kMissing) return;
  const bool zero = s == Scenario::kZero;
  const std::string unit(m.info->unit);
  switch (m.info->kind) {
    case ValueKind::kCount:
      m.value = Value::count(zero ? 0 : 12);
      m.text = absl::StrCat(zero ? 0 : 12, " ", unit);
      break;
    case ValueKind::kMoney:
      m.value = Value::money(zero ? 0 : 12'000'000);
      m.text = zero ? "0.0 万元" : "12.0 万元";
      break;
    case ValueKind::kRatio:
      m.value = Value::ratio(zero ? 0 : 3, 4, "");
      m.text = zero ? "0.00%" : "75.00%";
      break;
    case ValueKind::kDays:
      m.value = Value::days(zero ? 0 : 3, 1, "");
      m.text = absl::StrCat(zero ? 0 : 3, " ", unit);
      break;
    case ValueKind::kRank:
      m.value = Value::rank(2);
      m.text = "第二";
      break;
    case ValueKind::kNumber:
      m.value = Value::number(1, 2, "");
      m.text = "0.5000";
      break;
    case ValueKind::kUndefined: break;
  }
  if (zero || !m.info->has_yoy) return;
  m.has_previous = true;
  if (m.info->kind == ValueKind::kRatio) {
    const int64_t before = s == Scenario::kEqual ? 3 : s == Scenario::kRising ? 2 : 4;
    m.previous = Value::ratio(before, 4, "");
    m.yoy = Fraction(3 - before, before);
    m.yoy_text = s == Scenario::kEqual ? "0.0%" : s == Scenario::kRising ? "50.0%" : "-25.0%";
    m.yoy_pp = Fraction(3 - before, 4);
    m.yoy_pp_text = s == Scenario::kEqual ? "0.00 个百分点" : s == Scenario::kRising ? "25.00 个百分点" : "-25.00 个百分点";
  } else if (m.info->kind == ValueKind::kCount) {
    const int64_t before = s == Scenario::kEqual ? 12 : s == Scenario::kRising ? 10 : 15;
    m.previous = Value::count(before);
    m.yoy = Fraction(12 - before, before);
    m.yoy_text = s == Scenario::kEqual ? "0.0%" : s == Scenario::kRising ? "20.0%" : "-20.0%";
  } else {
    m.previous = m.value;  // unchanged
    m.yoy = Fraction(0, 1);
    m.yoy_text = "0.0%";
  }
}

std::string narrative_of(const Report& r) { return absl::StrJoin(internal::write_narrative(r, Profile{}), "\n"); }

std::string sentence_in(const std::string& sentence, Scenario s) {
  Report r = empty_report();
  for (const std::string& id : sentence_figures().at(sentence)) set_figure(figure(r, id), s);
  return narrative_of(r);
}

TEST(Narrative, TheTableCoversEverySentence) {
  std::set<std::string> listed;
  for (const auto& [id, figures] : sentence_figures()) listed.insert(id);
  std::set<std::string> sentences;
  for (const std::string_view id : internal::narrative_sentences()) sentences.insert(std::string(id));
  // The tables' sentences are written from breakdowns, not figures
  // (report_tables_test checks them).
  for (const std::string& id : internal::table_sentence_ids()) EXPECT_EQ(sentences.erase(id), 1u) << id;
  EXPECT_EQ(listed, sentences);
  for (const auto& [id, figures] : sentence_figures()) {
    for (const std::string& f : figures) EXPECT_TRUE(metric_index(f).has_value()) << id << ": " << f;
  }
}

// Every sentence under every scenario is whole: no clause left dangling, no
// empty clause, no zero tally, and none at all without its figures.
TEST(Narrative, EverySentenceUnderEveryScenarioIsWhole) {
  // (A day count may be 0: a review decided the day it was applied for.)
  const std::regex zero_tally("(^|[^0-9.])0 (件|人|家|宗|场|册|条|份|个(?!工作日)|名|次|人次|宗次|件次|万)");
  for (const auto& [sentence, figures] : sentence_figures()) {
    for (const Scenario s :
         {Scenario::kMissing, Scenario::kZero, Scenario::kEqual, Scenario::kRising, Scenario::kFalling}) {
      SCOPED_TRACE(absl::StrCat(sentence, " / ", name_of(s)));
      const std::string text = sentence_in(sentence, s);
      if (s == Scenario::kMissing) {
        EXPECT_EQ(text, "");
        continue;
      }
      if (s != Scenario::kZero) {
        EXPECT_NE(text, "") << "the sentence is left out although its figures exist";
      }
      if (text.empty()) continue;
      EXPECT_TRUE(text.ends_with("。")) << text;
      for (const char* broken : {"，，", "，。", "和。", "和，", "、。", "、，", "  ", " 。", " ，", "持平 ", "（）"}) {
        EXPECT_EQ(text.find(broken), std::string::npos) << "'" << broken << "' in " << text;
      }
      EXPECT_FALSE(std::regex_search(text, zero_tally)) << text;
      if (s == Scenario::kZero) {
        EXPECT_EQ(text.find("同比"), std::string::npos) << text;
      }
    }
  }
}

TEST(Narrative, ChangesOfTheSentencesThatTellThem) {
  EXPECT_EQ(sentence_in("legal_service", Scenario::kRising), "实体和网络平台提供法律服务 12 件，同比增长 20.0%。");
  EXPECT_EQ(sentence_in("legal_service", Scenario::kFalling), "实体和网络平台提供法律服务 12 件，同比下降 20.0%。");
  EXPECT_EQ(sentence_in("legal_service", Scenario::kEqual), "实体和网络平台提供法律服务 12 件，同比持平。");
  EXPECT_EQ(sentence_in("reconsideration", Scenario::kFalling),
            "2019 年共收到行政复议申请 12 件，同比下降 20.0%，办结 12 件（含办结 2018 年未结案件 12 件）。");
  EXPECT_EQ(sentence_in("reconsideration", Scenario::kZero), "");
}

// The sentence of 440111's 2021 report on the example data: both registry
// counts unchanged printed "同比持平 和。".
TEST(Narrative, LawFirmsAndLawyersBothUnchanged) {
  EXPECT_EQ(sentence_in("law_firms", Scenario::kEqual), "现有律所 12 家、执业律师 12 人，同比均持平。");
  EXPECT_EQ(sentence_in("law_firms", Scenario::kRising), "现有律所 12 家、执业律师 12 人，同比增长 20.0% 和 20.0%。");
  EXPECT_EQ(sentence_in("law_firms", Scenario::kFalling), "现有律所 12 家、执业律师 12 人，同比下降 20.0% 和 20.0%。");

  Dataset ds;
  ASSERT_TRUE(ds.load_dir(std::string(FAZHI_SOURCE_DIR) + "/data/examples/baiyun-2019").ok());
  absl::StatusOr<Report> r = compute_report(ds, *RegionCode::parse("440111"), year_period(2021));
  ASSERT_TRUE(r.ok()) << r.status();
  const std::string text = absl::StrJoin(r->narrative, "\n");
  EXPECT_NE(text.find("现有律所 53 家、执业律师 508 人，同比均持平。"), std::string::npos) << text;
}

TEST(Narrative, LawFirmsAndLawyersChangingDifferently) {
  auto with = [](Scenario firms, Scenario lawyers) {
    Report r = empty_report();
    set_figure(figure(r, "registry.law_firm"), firms);
    set_figure(figure(r, "registry.lawyer"), lawyers);
    return narrative_of(r);
  };
  EXPECT_EQ(with(Scenario::kRising, Scenario::kFalling),
            "现有律所 12 家、执业律师 12 人，同比分别增长 20.0%、下降 20.0%。");
  EXPECT_EQ(with(Scenario::kEqual, Scenario::kRising), "现有律所 12 家、执业律师 12 人，同比分别持平、增长 20.0%。");
  // No change of one (nothing before): the other's alone, with its noun.
  Report r = empty_report();
  set_figure(figure(r, "registry.law_firm"), Scenario::kRising);
  set_figure(figure(r, "registry.lawyer"), Scenario::kRising);
  figure(r, "registry.law_firm").yoy = Fraction::undefined();
  EXPECT_EQ(narrative_of(r), "现有律所 12 家、执业律师 12 人，执业律师同比增长 20.0%。");
  // A change that rounds to nothing is 持平, not "增长 0.0%".
  set_figure(figure(r, "registry.law_firm"), Scenario::kRising);
  figure(r, "registry.law_firm").yoy = Fraction(1, 100000);
  figure(r, "registry.law_firm").yoy_text = "0.0%";
  EXPECT_EQ(narrative_of(r), "现有律所 12 家、执业律师 12 人，同比分别持平、增长 20.0%。");
}

TEST(Narrative, RateChangesInPercentagePoints) {
  Report r = empty_report();
  MetricFigure& win = figure(r, "litigation.win_rate");
  set_figure(win, Scenario::kRising);
  EXPECT_EQ(change_clause(win, Against::kYearAgo), "同比上升 25.00 个百分点");
  set_figure(win, Scenario::kFalling);
  EXPECT_EQ(change_clause(win, Against::kYearAgo), "同比下降 25.00 个百分点");
  set_figure(win, Scenario::kEqual);
  EXPECT_EQ(change_clause(win, Against::kYearAgo), "同比持平");
  EXPECT_EQ(change_clause(win, Against::kSequential), "");  // a whole year has no 环比
  MetricFigure& count = figure(r, "reconsideration.received");
  set_figure(count, Scenario::kRising);
  EXPECT_EQ(change_clause(count, Against::kYearAgo), "同比增长 20.0%");
}

// A period that is not a whole year: 同比 against the same dates a year
// earlier, 环比 against the period just before, each called by its name.
TEST(Narrative, SequentialChangeIsCalled环比) {
  Report r = empty_report();
  r.period = Period{to_day_number(Date(2019, 3, 1)), to_day_number(Date(2019, 5, 31))};
  r.previous = Period{to_day_number(Date(2018, 3, 1)), to_day_number(Date(2018, 5, 31))};
  r.sequential_period = Period{to_day_number(Date(2018, 12, 1)), to_day_number(Date(2019, 2, 28))};
  MetricFigure& m = figure(r, "legal_service.services");
  set_figure(m, Scenario::kRising);
  m.sequential.has_previous = true;
  m.sequential.previous = Value::count(15);
  m.sequential.change = Fraction(-3, 15);
  m.sequential.change_text = "-20.0%";
  EXPECT_EQ(narrative_of(r), "实体和网络平台提供法律服务 12 件，同比增长 20.0%，环比下降 20.0%。");
  m.yoy = Fraction::undefined();
  EXPECT_EQ(narrative_of(r), "实体和网络平台提供法律服务 12 件，环比下降 20.0%。");

  MetricFigure& received = figure(r, "reconsideration.received");
  set_figure(received, Scenario::kRising);
  set_figure(figure(r, "reconsideration.closed"), Scenario::kRising);
  set_figure(figure(r, "reconsideration.closed_carried_over"), Scenario::kRising);
  EXPECT_NE(narrative_of(r).find("2019 年 3 月 1 日至 2019 年 5 月 31 日共收到行政复议申请 12 件，同比增长 20.0%，办结 "
                                 "12 件（含办结此前受理的未结案件 12 件）。"),
            std::string::npos)
      << narrative_of(r);
}

}  // namespace
}  // namespace fazhi
