#include "render/narrative.hpp"

#include <algorithm>
#include <functional>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "fazhi/text.hpp"
#include "fazhi/time_limits.hpp"

namespace fazhi::internal {
namespace {

using Clauses = std::vector<std::string>;

// Change is one metric's change against one earlier period, as the narrative
// words it: a rate's or share's in 个百分点 (上升, 下降), any other figure's
// relative (增长, 下降); 持平 when it is zero as presented.
struct Change {
  bool defined = false;
  bool points = false;
  int sign = 0;           // of the change as presented: 0 when it rounds to nothing
  std::string magnitude;  // "8.1%", "7.41 个百分点": no sign, "" when sign is 0
  std::string direction() const {
    if (sign == 0) return "持平";
    if (sign < 0) return "下降";
    return points ? "上升" : "增长";
  }
  // phrase: "增长 8.1%", "上升 7.41 个百分点", "持平".
  std::string phrase() const { return sign == 0 ? direction() : absl::StrCat(direction(), " ", magnitude); }
};

// rounds_to_zero: presented text ("0.0%", "-0.00 个百分点") has no digit but 0.
bool rounds_to_zero(std::string_view text) {
  for (const char ch : text) {
    if (ch >= '1' && ch <= '9') return false;
  }
  return true;
}

Change change_of(const MetricFigure& m, Against against) {
  const bool year_ago = against == Against::kYearAgo;
  const bool points = m.info->kind == ValueKind::kRatio;
  const Fraction& value = points ? (year_ago ? m.yoy_pp : m.sequential.change_pp)
                                 : (year_ago ? m.yoy : m.sequential.change);
  const std::string& text = points ? (year_ago ? m.yoy_pp_text : m.sequential.change_pp_text)
                                   : (year_ago ? m.yoy_text : m.sequential.change_text);
  Change c;
  if (!value.defined() || text.empty()) return c;
  c.defined = true;
  c.points = points;
  if (rounds_to_zero(text)) return c;
  c.sign = value.num() < 0 ? -1 : 1;
  c.magnitude = text[0] == '-' ? text.substr(1) : text;
  return c;
}

}  // namespace

std::string_view comparison_word(Against against) { return against == Against::kYearAgo ? "同比" : "环比"; }

std::string change_clause(const MetricFigure& m, Against against) {
  const Change c = change_of(m, against);
  return c.defined ? absl::StrCat(absl_view(comparison_word(against)), c.phrase()) : "";
}

namespace {

// Facts gives the sentences what they need from a report.
class Facts {
 public:
  explicit Facts(const Report& r) : r_(r) {}

  // ok: the figure exists and, for a tally, is not zero (a sentence never
  // says "0 件"; a zero rate is still a fact worth printing).
  bool ok(std::string_view id) const {
    const MetricFigure* m = r_.find(id);
    if (!m || !m->value.defined()) return false;
    switch (m->value.kind) {
      case ValueKind::kCount:
      case ValueKind::kMoney: return m->value.integer > 0;
      default: return true;
    }
  }
  // t: the figure as presented, e.g. "439 件".
  std::string t(std::string_view id) const {
    const MetricFigure* m = r_.find(id);
    return m ? m->text : "";
  }
  // n: the figure as a whole number (counts, ranks, whole day counts).
  int64_t n(std::string_view id) const {
    const MetricFigure* m = r_.find(id);
    if (!m || !m->value.defined()) return 0;
    const Fraction e = m->value.exact().reduced();
    return static_cast<int64_t>(e.num() / e.den());
  }
  bool district() const { return r_.region.level() == RegionLevel::kDistrict; }
  // changes: the clauses of a metric's changes, 同比 then 环比 ("同比增长
  // 8.1%", "环比下降 3.2%"); none where a change is undefined.
  Clauses changes(std::string_view id) const {
    Clauses c;
    const MetricFigure* m = r_.find(id);
    if (!m) return c;
    for (const Against a : {Against::kYearAgo, Against::kSequential}) {
      if (std::string s = change_clause(*m, a); !s.empty()) c.push_back(std::move(s));
    }
    return c;
  }
  // pair_changes: the changes of two figures told together, e.g. "同比增长
  // 8.1% 和 30.27%", "同比分别增长 8.1%、下降 2%", "同比均持平"; with one
  // change only, that one with its noun ("执业律师同比增长 30.27%").
  Clauses pair_changes(std::string_view id1, std::string_view noun1, std::string_view id2,
                       std::string_view noun2) const {
    Clauses c;
    const MetricFigure* m1 = r_.find(id1);
    const MetricFigure* m2 = r_.find(id2);
    if (!m1 || !m2) return c;
    for (const Against a : {Against::kYearAgo, Against::kSequential}) {
      const Change c1 = change_of(*m1, a), c2 = change_of(*m2, a);
      const std::string_view word = comparison_word(a);
      if (c1.defined && c2.defined) {
        if (c1.direction() != c2.direction()) {
          c.push_back(absl::StrCat(absl_view(word), "分别", c1.phrase(), "、", c2.phrase()));
        } else if (c1.sign == 0) {
          c.push_back(absl::StrCat(absl_view(word), "均", c1.direction()));
        } else {
          c.push_back(absl::StrCat(absl_view(word), c1.direction(), " ", c1.magnitude, " 和 ", c2.magnitude));
        }
      } else if (c1.defined) {
        c.push_back(absl::StrCat(absl_view(noun1), absl_view(word), c1.phrase()));
      } else if (c2.defined) {
        c.push_back(absl::StrCat(absl_view(noun2), absl_view(word), c2.phrase()));
      }
    }
    return c;
  }
  int64_t previous(std::string_view id) const {
    const MetricFigure* m = r_.find(id);
    return m && m->has_previous ? m->previous.integer : -1;
  }

  // The period as prose: "2019 年" for a calendar year.
  std::string period() const { return period_words(r_.period); }
  // The cases closed in the period that were received before it: "办结 2018
  // 年未结案件" after a calendar year (as reports say), else "办结此前受理的
  // 未结案件" (they may come from any time before, not only the period compared with).
  std::string carried_over() const {
    const Date from = from_day_number(r_.period.from), to = from_day_number(r_.period.to);
    if (is_whole_years(r_.period) && from.year() == to.year()) {
      return absl::StrCat("办结 ", static_cast<int>(from.year()) - 1, " 年未结案件");
    }
    return "办结此前受理的未结案件";
  }

  // The region's own level word (区, 县, 市, 省) and its siblings' scope
  // ("全市各区"), for ranks and "全区".
  std::string level() const {
    for (std::string_view suffix : {"区", "县", "市", "旗", "省"}) {
      const std::string& name = r_.region_name;
      if (name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
        return std::string(suffix);
      }
    }
    switch (r_.region.level()) {
      case RegionLevel::kDistrict: return "区";
      case RegionLevel::kCity: return "市";
      case RegionLevel::kProvince: return "省";
    }
    return "";
  }
  std::string sibling_scope() const {
    switch (r_.region.level()) {
      case RegionLevel::kDistrict: return absl::StrCat("全市各", level());
      case RegionLevel::kCity: return "全省各市";
      case RegionLevel::kProvince: return "全国各省";
    }
    return "";
  }

 private:
  static std::string period_words(Period p) {
    const Date from = from_day_number(p.from), to = from_day_number(p.to);
    if (from.month() == 1 && from.day() == 1 && to.month() == 12 && to.day() == 31) {
      if (from.year() == to.year()) return absl::StrCat(static_cast<int>(from.year()), " 年");
      return absl::StrCat(static_cast<int>(from.year()), "—", static_cast<int>(to.year()), " 年");
    }
    auto words = [](Date d) {
      return absl::StrCat(static_cast<int>(d.year()), " 年 ", static_cast<int>(d.month()), " 月 ",
                          static_cast<int>(d.day()), " 日");
    };
    return absl::StrCat(words(from), "至 ", words(to));
  }
  const Report& r_;
};

// A sentence is a list of clauses (Clauses); each clause is written only when
// its figures exist, the clauses are joined with "，" and the sentence ends "。".
struct Sentence {
  std::string_view id;
  int section;  // the paragraph it belongs to
  std::function<Clauses(const Facts&)> write;
};

void add_if(Clauses& c, bool ok, std::string text) {
  if (ok) c.push_back(std::move(text));
}

void append(Clauses& c, Clauses more) {
  for (std::string& s : more) c.push_back(std::move(s));
}

// Joins a figure to a preceding word: "受教育人数" + "近 307 万人次" needs no space.
std::string after(std::string_view words, const std::string& figure) {
  if (figure.rfind("近", 0) == 0) return absl::StrCat(absl_view(words), figure);
  return absl::StrCat(absl_view(words), " ", figure);
}

const std::vector<Sentence>& sentences() {
  static const std::vector<Sentence>* const kSentences = new std::vector<Sentence>{
      // 一、依法决策与行政执法
      {"decision_review", 0, [](const Facts& f) {
         Clauses c;
         add_if(c, f.ok("decision.legality_reviews"), after("开展重大决策文件合法性审查", f.t("decision.legality_reviews")));
         add_if(c, f.ok("contract.major_reviews"), after("重大政府合同审查", f.t("contract.major_reviews")));
         return c;
       }},
      {"contract_sampling", 0, [](const Facts& f) {
         Clauses c;
         add_if(c, f.ok("contract.sampled"), after("随机抽查政府合同", f.t("contract.sampled")));
         return c;
       }},
      {"enforcement_disclosure", 0, [](const Facts& f) {
         Clauses c;
         if (f.ok("enforcement.disclosed_records")) {
           c.push_back(f.ok("enforcement.departments_disclosing")
                           ? absl::StrCat("全", f.level(), " ", f.t("enforcement.departments_disclosing"),
                                          "部门公开行政执法数据 ", f.t("enforcement.disclosed_records"))
                           : after("公开行政执法数据", f.t("enforcement.disclosed_records")));
         }
         add_if(c, f.ok("enforcement.discretion_items"), after("公开自由裁量权数据", f.t("enforcement.discretion_items")));
         return c;
       }},
      {"enforcement_certification", 0, [](const Facts& f) {
         Clauses c;
         add_if(c, f.ok("enforcement.exam_takers"), after("组织执法资格考试", f.t("enforcement.exam_takers")));
         add_if(c, f.ok("enforcement.certificates"), after("办理行政执法证件申领及注销等", f.t("enforcement.certificates")));
         return c;
       }},
      // 二、全民普法
      {"staff_exam", 1, [](const Facts& f) {
         Clauses c;
         add_if(c, f.ok("staff_exam.pass_rate"),
                absl::StrCat("组织国家公职人员参加统一学法考试，考试通过率达 ", f.t("staff_exam.pass_rate")));
         return c;
       }},
      {"law_education", 1, [](const Facts& f) {
         Clauses c;
         add_if(c, f.ok("law_education.events"), after("开展普法教育活动", f.t("law_education.events")));
         add_if(c, f.ok("law_education.materials"), after("发放各类法治宣传资料", f.t("law_education.materials")));
         add_if(c, f.ok("law_education.audience"), after("受教育人数", f.t("law_education.audience")));
         return c;
       }},
      // 三、法律服务
      {"public_lawyer", 2, [](const Facts& f) {
         Clauses c;
         add_if(c, f.ok("public_lawyer.matters"), after("公职律师共办理各类非诉讼法律事务", f.t("public_lawyer.matters")));
         add_if(c, f.ok("public_lawyer.documents"),
                after("为党政机关审查各类规范性文件、政策方案、合同等", f.t("public_lawyer.documents")));
         add_if(c, f.ok("public_lawyer.disputes"),
                absl::StrCat("参与重大矛盾纠纷及信访案件处理 ", f.t("public_lawyer.disputes")));
         return c;
       }},
      {"legal_service_platforms", 2, [](const Facts& f) {
         Clauses c;
         add_if(c, f.ok("registry.legal_service_platform.new"),
                absl::StrCat("打造 ", f.t("registry.legal_service_platform.new"), "示范性公共法律服务平台"));
         return c;
       }},
      {"legal_service", 2, [](const Facts& f) {
         Clauses c;
         if (f.ok("legal_service.services")) {
           c.push_back(after("实体和网络平台提供法律服务", f.t("legal_service.services")));
           append(c, f.changes("legal_service.services"));
         }
         return c;
       }},
      {"notary_points", 2, [](const Facts& f) {
         Clauses c;
         add_if(c, f.ok("registry.notary_point.new"),
                absl::StrCat("新设 ", f.t("registry.notary_point.new"), "公证业务办理点"));
         return c;
       }},
      {"village_adviser", 2, [](const Facts& f) {
         Clauses c;
         add_if(c, f.ok("village_adviser.services"),
                after("村（社区）法律顾问共为群众提供法律服务", f.t("village_adviser.services")));
         return c;
       }},
      // 四、行政复议与行政应诉
      {"reconsideration", 3, [](const Facts& f) {
         Clauses c;
         if (f.ok("reconsideration.received")) {
           c.push_back(absl::StrCat(f.period(), "共收到行政复议申请 ", f.t("reconsideration.received")));
           append(c, f.changes("reconsideration.received"));
         }
         if (f.ok("reconsideration.closed")) {
           std::string closed = after("办结", f.t("reconsideration.closed"));
           if (f.ok("reconsideration.closed_carried_over")) {
             absl::StrAppend(&closed, "（含", f.carried_over(), " ",
                             f.t("reconsideration.closed_carried_over"), "）");
           }
           c.push_back(closed);
         }
         return c;
       }},
      {"reconsideration_not_litigated", 3, [](const Facts& f) {
         Clauses c;
         add_if(c, f.ok("reconsideration.not_litigated_rate"),
                absl::StrCat(f.t("reconsideration.not_litigated_rate"), " 的行政复议案件未进入行政诉讼程序"));
         return c;
       }},
      {"reconsideration_correction", 3, [](const Facts& f) {
         Clauses c;
         add_if(c, f.ok("reconsideration.correction_rate"),
                absl::StrCat("综合纠错率为 ", f.t("reconsideration.correction_rate")));
         return c;
       }},
      {"reconsideration_on_time", 3, [](const Facts& f) {
         Clauses c;
         add_if(c, f.ok("reconsideration.on_time_rate"),
                absl::StrCat("审限内结案率为 ", f.t("reconsideration.on_time_rate")));
         return c;
       }},
      {"litigation", 3, [](const Facts& f) {
         Clauses c;
         if (f.ok("litigation.received")) {
           std::string s = after("共办理行政应诉案件", f.t("litigation.received"));
           if (f.ok("litigation.received_first_instance")) {
             absl::StrAppend(&s, "（含一审行政应诉案件 ", f.t("litigation.received_first_instance"), "）");
           }
           c.push_back(s);
         }
         add_if(c, f.ok("litigation.judged_first_instance"),
                absl::StrCat("已判决的一审行政应诉案件为 ", f.t("litigation.judged_first_instance")));
         add_if(c, f.ok("litigation.win_rate") && f.ok("litigation.judged_first_instance"),
                absl::StrCat("胜诉率为 ", f.t("litigation.win_rate")));
         return c;
       }},
      {"litigation_head_appearance", 3, [](const Facts& f) {
         Clauses c;
         add_if(c, f.ok("litigation.head_appearance_rate"),
                absl::StrCat("行政机关负责人出庭应诉率为 ", f.t("litigation.head_appearance_rate")));
         return c;
       }},
      // 五、法律援助与律师行业
      {"legal_aid", 4, [](const Facts& f) {
         Clauses c;
         if (f.ok("legal_aid.review_workdays_max")) {
           // A longest review shorter than the statutory limit is a limit
           // "compressed" by the bureau.
           c.push_back(f.n("legal_aid.review_workdays_max") < time_limits::kLegalAidReview.count
                           ? absl::StrCat("法援申请的审查办结时限压缩到 ", f.t("legal_aid.review_workdays_max"))
                           : absl::StrCat("法援申请的审查办结时限最长为 ", f.t("legal_aid.review_workdays_max")));
         }
         add_if(c, f.ok("legal_aid.accepted"),
                absl::StrCat(f.period(), "共计受理各类法律援助案件 ", f.t("legal_aid.accepted")));
         add_if(c, f.ok("legal_aid.consultations"), after("提供免费法律咨询", f.t("legal_aid.consultations")));
         add_if(c, f.ok("legal_aid.recovered_amount"),
                after("为人民群众挽回经济损失", f.t("legal_aid.recovered_amount")));
         add_if(c, f.ok("legal_aid.accepted_rank") && f.ok("legal_aid.accepted"),
                absl::StrCat("案件受理量位居", f.sibling_scope(), f.t("legal_aid.accepted_rank")));
         return c;
       }},
      // How evenly the lottery (摇珠) spread the cases: the chi-square test of
      // equal chances among the lawyers drawn (src/metrics/statistics.cpp, lottery_chi2_p).
      // Only a district's test is told: one lottery pool is a district's, and
      // a city's test pools districts with different caseloads.
      {"legal_aid_lottery", 4, [](const Facts& f) {
         Clauses c;
         if (f.ok("legal_aid.lottery_assignments") && f.ok("legal_aid.lottery_lawyers")) {
           c.push_back(absl::StrCat("摇珠指派法律援助案件 ", f.t("legal_aid.lottery_assignments"), "，涉及律师 ",
                                    f.t("legal_aid.lottery_lawyers")));
           add_if(c, f.district() && f.ok("legal_aid.lottery_chi2_p"),
                  absl::StrCat("分配均衡性检验 p=", f.t("legal_aid.lottery_chi2_p")));
         }
         return c;
       }},
      {"law_firms", 4, [](const Facts& f) {
         Clauses c;
         if (f.ok("registry.law_firm") && f.ok("registry.lawyer")) {
           c.push_back(absl::StrCat("现有律所 ", f.t("registry.law_firm"), "、执业律师 ", f.t("registry.lawyer")));
           append(c, f.pair_changes("registry.law_firm", "律所", "registry.lawyer", "执业律师"));
         } else {
           add_if(c, f.ok("registry.law_firm"), after("现有律所", f.t("registry.law_firm")));
           add_if(c, f.ok("registry.lawyer"), after("现有执业律师", f.t("registry.lawyer")));
         }
         return c;
       }},
      {"law_firm_supervision", 4, [](const Facts& f) {
         Clauses c;
         add_if(c, f.ok("law_firm.acceptances"), after("完成律师事务所验收", f.t("law_firm.acceptances")));
         add_if(c, f.ok("law_firm.inspections"), after("开展双随机一公开检查", f.t("law_firm.inspections")));
         return c;
       }},
      // 六、人民调解
      {"mediation_orgs", 5, [](const Facts& f) {
         Clauses c;
         if (f.ok("registry.mediation_org")) {
           const bool grew = f.previous("registry.mediation_org") >= 0 &&
                             f.previous("registry.mediation_org") < f.n("registry.mediation_org");
           c.push_back(absl::StrCat("全", f.level(), "现有调解组织平台", grew ? "增至 " : "",
                                    grew ? "" : " ", f.t("registry.mediation_org")));
         }
         return c;
       }},
      {"mediators", 5, [](const Facts& f) {
         Clauses c;
         add_if(c, f.ok("registry.mediator_fulltime.new"),
                absl::StrCat("招录 ", f.t("registry.mediator_fulltime.new"), "专职调解员"));
         return c;
       }},
      {"mediation", 5, [](const Facts& f) {
         Clauses c;
         if (f.ok("mediation.received")) {
           c.push_back(after("指导调解矛盾纠纷", f.t("mediation.received")));
           if (f.ok("mediation.received_rank")) {
             const int64_t rank = f.n("mediation.received_rank");
             c.push_back(rank == 1 ? absl::StrCat("办案量居", f.sibling_scope(), "首位")
                                   : absl::StrCat("办案量居", f.sibling_scope(), f.t("mediation.received_rank"), "位"));
           }
         }
         return c;
       }},
      {"mediation_major_group", 5, [](const Facts& f) {
         Clauses c;
         add_if(c, f.ok("mediation.major_group"), after("妥善调处重大群体性纠纷", f.t("mediation.major_group")));
         return c;
       }},
      {"mediation_success", 5, [](const Facts& f) {
         Clauses c;
         add_if(c, f.ok("mediation.success_rate"), absl::StrCat("调解成功率为 ", f.t("mediation.success_rate")));
         return c;
       }},
  };
  return *kSentences;
}

constexpr int kSections = 6;

}  // namespace

std::vector<std::string> write_narrative(const Report& report, const Profile& profile) {
  const Facts facts(report);
  std::vector<std::string> paragraphs(kSections);
  for (const Sentence& s : sentences()) {
    if (profile.narrative_omit.count(std::string(s.id))) continue;
    const Clauses clauses = s.write(facts);
    if (clauses.empty()) continue;
    absl::StrAppend(&paragraphs[static_cast<size_t>(s.section)], absl::StrJoin(clauses, "，"), "。");
  }
  paragraphs.push_back(write_table_paragraph(report, profile));
  std::vector<std::string> out;
  for (std::string& p : paragraphs) {
    if (!p.empty()) out.push_back(std::move(p));
  }
  return out;
}

std::vector<std::string_view> narrative_sentences() {
  std::vector<std::string_view> ids;
  for (const Sentence& s : sentences()) ids.push_back(s.id);
  static const std::vector<std::string> kTables = table_sentence_ids();
  for (const std::string& id : kTables) ids.push_back(id);
  return ids;
}

bool is_narrative_sentence(std::string_view id) {
  for (const Sentence& s : sentences()) {
    if (s.id == id) return true;
  }
  const std::vector<std::string> tables = table_sentence_ids();
  return std::find(tables.begin(), tables.end(), id) != tables.end();
}

}  // namespace fazhi::internal
