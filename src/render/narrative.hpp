// The Chinese narrative of a report (internal to the library).
#ifndef FAZHI_SRC_NARRATIVE_HPP_
#define FAZHI_SRC_NARRATIVE_HPP_

#include <string>
#include <string_view>
#include <vector>

#include "fazhi/profile.hpp"
#include "fazhi/report.hpp"

namespace fazhi::internal {

// write_narrative writes one paragraph per section in the reference report's
// style, leaving out every clause whose figures are missing or zero and every
// sentence the profile omits.
std::vector<std::string> write_narrative(const Report& report, const Profile& profile);

// write_table_paragraph writes the sentences of the report's breakdowns
// (table_narrative.cpp), a paragraph after the sections; table_sentence_ids
// lists their ids.
std::string write_table_paragraph(const Report& report, const Profile& profile);
std::vector<std::string> table_sentence_ids();

// is_narrative_sentence says whether `id` names a sentence (for profiles).
bool is_narrative_sentence(std::string_view id);
// narrative_sentences lists every sentence id, in narrative order.
std::vector<std::string_view> narrative_sentences();

// Against names a comparison: 同比 with the year-ago period, 环比 with the
// period just before.
enum class Against { kYearAgo, kSequential };
// comparison_word is "同比" or "环比".
std::string_view comparison_word(Against against);
// change_clause words one metric's change as the narrative prints it:
// "同比增长 8.1%", "同比下降 22.7%", "环比上升 7.41 个百分点" (a rate or share
// changes in percentage points), "同比持平" (no change, or one that rounds to
// nothing); "" when that change is undefined.
std::string change_clause(const MetricFigure& m, Against against);

}  // namespace fazhi::internal

#endif  // FAZHI_SRC_NARRATIVE_HPP_
