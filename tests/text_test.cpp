// display_text, markdown_cell and html_text: data shown to people is shown, not obeyed.
#include "fazhi/text.hpp"

#include <gtest/gtest.h>

#include <string>

#include "fazhi/report.hpp"

namespace fazhi {
namespace {

TEST(DisplayText, KeepsOrdinaryTextAsItIs) {
  EXPECT_EQ(display_text("白云区 439 件 94.02%"), "白云区 439 件 94.02%");
  EXPECT_EQ(display_text(""), "");
  EXPECT_EQ(display_text("a|b"), "a|b");
}

TEST(DisplayText, EscapeSequencesAreShownNotSentToTheTerminal) {
  EXPECT_EQ(display_text("\x1b]0;pwned\x07"), "\\x1b]0;pwned\\x07");  // window title
  EXPECT_EQ(display_text("\x1b[2J\x1b[H"), "\\x1b[2J\\x1b[H");        // clear screen
  EXPECT_EQ(display_text(std::string("a\0b", 3)), "a\\x00b");
  EXPECT_EQ(display_text("\x7f"), "\\x7f");
  EXPECT_EQ(display_text("\xc2\x9b" "2J"), "\\u009b2J");  // C1 CSI
  EXPECT_EQ(display_text("\xc2\x85"), "\\u0085");         // NEL
}

TEST(DisplayText, LineBreaksCannotForgeLines) {
  EXPECT_EQ(display_text("白云区\n0 rows read, 0 kept, 0 rejected"), "白云区\\n0 rows read, 0 kept, 0 rejected");
  EXPECT_EQ(display_text("a\r\nb\tc"), "a\\r\\nb\\tc");
  EXPECT_EQ(display_text("a\xe2\x80\xa8" "b\xe2\x80\xa9"), "a\\u2028b\\u2029");
}

TEST(DisplayText, BidiControlsAreShown) {
  EXPECT_EQ(display_text("abc\xe2\x80\xae" "fdp.exe"), "abc\\u202efdp.exe");  // U+202E
  EXPECT_EQ(display_text("\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xac\xe2\x80\xad"), "\\u202a\\u202b\\u202c\\u202d");
  EXPECT_EQ(display_text("\xe2\x81\xa6\xe2\x81\xa7\xe2\x81\xa8\xe2\x81\xa9"), "\\u2066\\u2067\\u2068\\u2069");
  EXPECT_EQ(display_text("\xe2\x80\x8e\xe2\x80\x8f\xd8\x9c"), "\\u200e\\u200f\\u061c");
}

TEST(DisplayText, BackslashesAndBadBytes) {
  EXPECT_EQ(display_text("C:\\x1b"), "C:\\x1b");  // no control: nothing to escape
  EXPECT_EQ(display_text("a\xff" "b"), "a\xef\xbf\xbd" "b");  // not UTF-8: U+FFFD
}

// Escaping twice is escaping once: a library message that quotes an id
// escaped can go through the command line's own escaping unchanged.
TEST(DisplayText, EscapingTwiceIsEscapingOnce) {
  for (const char* raw : {"a\nOK: x", "\x1b]0;t\x07", "\xe2\x80\xae" "exe", "a\xff", "C:\\n\\x1b"}) {
    const std::string once = display_text(raw);
    EXPECT_EQ(display_text(once), once) << raw;
  }
}

TEST(MarkdownCell, EscapesPipesToo) {
  EXPECT_EQ(markdown_cell("a|b\nc"), "a\\|b\\nc");
  EXPECT_EQ(markdown_cell("白云区"), "白云区");
}

Report one_metric_report(std::string text) {
  Report r;
  r.region = *RegionCode::parse("440111");
  r.region_name = "白云区";
  r.period = year_period(2019);
  r.previous = year_period(2018);
  MetricFigure m;
  m.info = &metric_catalogue()[0];
  m.value = Value::count(1);
  m.text = std::move(text);
  r.metrics.push_back(m);
  return r;
}

// The report's tables and narrative write every cell through them.
TEST(DisplayText, ReportTablesAndNarrativeEscapeTheirCells) {
  Report r = one_metric_report("1 件\n0 rows rejected | \x1b[2J\xe2\x80\xae");
  r.narrative = {"第一段\x1b]0;t\x07"};
  const std::string id(r.metrics[0].info->id), label(r.metrics[0].info->label);
  const std::string text = render_table(r, TableFormat::kText);
  EXPECT_NE(text.find(label + "  1 件\\n0 rows rejected | \\x1b[2J\\u202e  "), std::string::npos) << text;
  EXPECT_EQ(text.find('\x1b'), std::string::npos);
  EXPECT_NE(render_table(r, TableFormat::kMarkdown)
                .find("| " + label + " | 1 件\\n0 rows rejected \\| \\x1b[2J\\u202e |  |  | " + id + " |\n"),
            std::string::npos);
  EXPECT_EQ(render_narrative(r), "第一段\\x1b]0;t\\x07\n\n");
}

// Without a catalogue (a program that binds none), the headings are the
// English message ids; the figures and labels are the report's.
TEST(ReportTable, TextAlignsColumnsCountingChineseAsTwo) {
  const Report r = one_metric_report("439 件");
  EXPECT_EQ(render_table(r, TableFormat::kText),
            "Administrative reconsideration\n"
            "Metric             Value  Year ago  Change on a year ago  Metric id\n"
            "收到行政复议申请  439 件                                  reconsideration.received\n"
            "\n");
}

TEST(ReportTable, MarkdownHasHeadingsHeaderRowAndBlankLines) {
  Report r = one_metric_report("439 件");
  r.narrative = {"第一段。", "第二段。"};
  r.data_quality.rows_read = 439;
  EXPECT_EQ(render_report(r, TableFormat::kMarkdown),
            "# 白云区 (440111), 2019-01-01 to 2019-12-31\n\n"
            "第一段。\n\n第二段。\n\n"
            "## Administrative reconsideration\n\n"
            "| Metric | Value | Year ago | Change on a year ago | Metric id |\n"
            "| :--- | ---: | ---: | ---: | :--- |\n"
            "| 收到行政复议申请 | 439 件 |  |  | reconsideration.received |\n\n"
            "## Data\n\n"
            "Rows read: 439; rejected: 0.\n");
}

// A rate's change on a year ago is in percentage points (个百分点), not the
// relative change a count has (REPORT.md, "Changes"): 33.5% against 34.2%.
TEST(ReportTable, ARateChangesInPointsACountRelatively) {
  Report r = one_metric_report("439 件");
  r.metrics[0].yoy_text = "-22.7%";
  MetricFigure rate;
  rate.info = &metric_catalogue()[*metric_index("reconsideration.correction_rate")];
  rate.value = Value::ratio(134, 400, "");
  rate.text = "33.5%";
  rate.previous_text = "34.2%";
  rate.yoy_text = "-1.9%";
  rate.yoy_pp_text = "-0.7 个百分点";
  r.metrics.push_back(rate);
  const std::string text = render_table(r, TableFormat::kText);
  EXPECT_NE(text.find("-22.7%"), std::string::npos) << text;
  EXPECT_NE(text.find("-0.7 个百分点"), std::string::npos) << text;
  EXPECT_EQ(text.find("-1.9%"), std::string::npos) << text;
}

// An undefined figure is a dash in its row and its reason in a note; the
// 口径 of a correction rate is a note too, not part of the value.
TEST(ReportTable, UndefinedFiguresAndTheBasisAreNotes) {
  Report r = one_metric_report("");
  r.metrics[0].value = Value::undefined("no cases received in the period");
  MetricFigure rate;
  rate.info = &metric_catalogue()[*metric_index("reconsideration.correction_rate")];
  rate.value = Value::ratio(1, 3, "");
  rate.text = "33.33%";
  rate.basis = "concluded";
  r.metrics.push_back(rate);
  const std::string text = render_table(r, TableFormat::kText);
  EXPECT_NE(text.find("收到行政复议申请       —"), std::string::npos) << text;
  EXPECT_NE(text.find("Note: 综合纠错率: the 口径 (denominator) is all cases concluded in the period.\n"),
            std::string::npos) << text;
  EXPECT_NE(text.find("Note: 收到行政复议申请: no cases received in the period.\n"), std::string::npos) << text;
  EXPECT_EQ(text.find("[口径"), std::string::npos);
}

TEST(HtmlText, MarkupFromTheDataIsShownNotParsed) {
  EXPECT_EQ(html_text("白云区"), "白云区");
  EXPECT_EQ(html_text("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
  EXPECT_EQ(html_text("a\"b'c&d"), "a&quot;b&#39;c&amp;d");
  // An entity written in the data stays the text it was.
  EXPECT_EQ(html_text("&lt;"), "&amp;lt;");
  // display_text's escapes come first: a control character is shown as one.
  EXPECT_EQ(html_text("a\x1b[2J<"), "a\\x1b[2J&lt;");
}

}  // namespace
}  // namespace fazhi
