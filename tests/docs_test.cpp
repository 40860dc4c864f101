// The generated documents of docs/ against the code they are written from.
#include "fazhi/docs.hpp"

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "load/kinds.hpp"
#include "fazhi/metrics.hpp"
#include "fazhi/profile.hpp"
#include "nlohmann/json.hpp"

namespace fazhi {
namespace {

// cat joins texts (std::string_view included, which absl::StrCat may not take).
template <typename... T>
std::string cat(const T&... parts) {
  std::string out;
  ((out += parts), ...);
  return out;
}

std::string committed(const std::string& name) {
  std::ifstream in(std::string(FAZHI_SOURCE_DIR) + "/docs/" + name, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// ---- Each committed document is the one the code writes today ----------------

TEST(Docs, DataDocumentIsCurrent) {
  EXPECT_EQ(committed("data.md"), data_markdown())
      << "docs/data.md is out of date: run scripts/update_docs.sh";
}

TEST(Docs, MetricsDocumentIsCurrent) {
  EXPECT_EQ(committed("metrics.md"), metrics_markdown())
      << "docs/metrics.md is out of date: run scripts/update_docs.sh";
}

TEST(Docs, ProfileDocumentIsCurrent) {
  EXPECT_EQ(committed("profile.md"), profile_markdown())
      << "docs/profile.md is out of date: run scripts/update_docs.sh";
}

// ---- The data format ----------------------------------------------------------

// Every column of the schema is in the document with its aliases, and its
// type is the one its line of fazhi/schema.hpp declares.
template <typename Kind>
void expect_columns(const std::string& doc) {
  for (const internal::ColumnDef& c : Kind::kColumns) {
    std::string row = cat("| `", c.name, "` | ");
    for (size_t i = 0; i < c.aliases.size(); ++i) row += cat(i ? ", " : "", c.aliases[i]);
    EXPECT_NE(doc.find(row), std::string::npos) << c.name;
  }
}

TEST(Docs, DataDocumentHasEveryColumnTyped) {
  const std::string doc = data_markdown();
  expect_columns<internal::Reconsideration>(doc);
  expect_columns<internal::Litigation>(doc);
  expect_columns<internal::LegalAid>(doc);
  expect_columns<internal::Mediation>(doc);
  expect_columns<internal::Registry>(doc);
  expect_columns<internal::Activity>(doc);
  expect_columns<internal::Regions>(doc);
  EXPECT_EQ(doc.find("unclassified"), std::string::npos);
  // One column of each type, as declared.
  EXPECT_NE(doc.find("| `received_date` | 收到日期, 收件日期, 申请日期 | date | yes |"), std::string::npos);
  EXPECT_NE(doc.find("| `region` | 区划代码, 行政区划代码 | region code | yes |"), std::string::npos);
  EXPECT_NE(doc.find("| `suspended_days` | 中止天数 | integer | no |"), std::string::npos);
  EXPECT_NE(doc.find("| `simple_procedure` | 简易程序 | boolean | no |"), std::string::npos);
  EXPECT_NE(doc.find("| `disposition` | 结案方式, 处理结果 | code (see below) | no |"), std::string::npos);
  EXPECT_NE(doc.find("| `revoked` | 撤销, 部分撤销, 撤销并责令重作, 责令重作 |"), std::string::npos);
  EXPECT_NE(doc.find("Codes of `activity.indicator`"), std::string::npos);
  EXPECT_NE(doc.find("Codes of `registry.kind`"), std::string::npos);
}

TEST(Docs, DataDocumentListsEveryCodeOnce) {
  const std::string doc = data_markdown();
  for (const CodeEntry& e : code_table<Disposition>()) {
    EXPECT_NE(doc.find(cat("| `", e.code, "` |")), std::string::npos) << e.code;
  }
  for (const CodeEntry& e : code_table<Indicator>()) {
    EXPECT_NE(doc.find(cat("| `", e.code, "` |")), std::string::npos) << e.code;
  }
}

// ---- The metric catalogue -----------------------------------------------------

TEST(Docs, MetricsJsonIsTheCatalogue) {
  const nlohmann::json all = nlohmann::json::parse(metrics_json());
  const auto cat = metric_catalogue();
  ASSERT_EQ(all.size(), cat.size());
  for (size_t i = 0; i < cat.size(); ++i) {
    EXPECT_EQ(all[i]["id"], std::string(cat[i].id));
    EXPECT_EQ(all[i]["label"], std::string(cat[i].label));
    EXPECT_EQ(all[i]["unit"], std::string(cat[i].unit));
    EXPECT_EQ(all[i]["yoy"], cat[i].has_yoy);
  }
  EXPECT_EQ(all[0]["id"], "reconsideration.received");
  EXPECT_EQ(all[0]["label"], "收到行政复议申请");
  EXPECT_EQ(all[0]["unit"], "件");
  EXPECT_EQ(all[0]["family"], "reconsideration");
  EXPECT_EQ(all[0]["kind"], "count");
}

TEST(Docs, MetricsMarkdownHasEveryId) {
  const std::string doc = metrics_markdown();
  for (const MetricInfo& m : metric_catalogue()) {
    EXPECT_NE(doc.find(cat("| `", m.id, "` | ", m.label, " | ", m.unit, " |")),
              std::string::npos)
        << m.id;
  }
}

// Every catalogue id has a definition, and every written definition names a
// catalogue id (no definition outlives its metric).
TEST(Docs, EveryMetricHasADefinition) {
  std::set<std::string_view> ids;
  for (const MetricInfo& m : metric_catalogue()) {
    ids.insert(m.id);
    EXPECT_FALSE(metric_definition(m.id).empty()) << m.id;
  }
  std::set<std::string_view> defined;
  for (const MetricDefinition& d : metric_definitions()) {
    EXPECT_TRUE(ids.contains(d.id)) << d.id << " is not a catalogue id";
    EXPECT_TRUE(defined.insert(d.id).second) << d.id << " is defined twice";
  }
  EXPECT_EQ(metric_definition("law_education.events"),
            "The sum of the `activity` rows with indicator `law_education.events` dated in P.");
  EXPECT_EQ(metric_definition("no.such"), "");
}

// ---- The profile --------------------------------------------------------------

// Every documented key is one Profile::from_json reads, with the example value.
TEST(Docs, EveryProfileKeyIsAccepted) {
  std::set<std::string_view> seen;
  for (const ProfileKeyDoc& k : profile_keys()) {
    EXPECT_TRUE(seen.insert(k.key).second) << k.key;
    const std::string json = cat("{\"", k.key, "\": ", k.example, "}");
    EXPECT_TRUE(Profile::from_json(json).ok()) << json;
  }
  EXPECT_EQ(seen.size(), 18u);  // with "departments", "breakdowns" and "series"
}

TEST(Docs, ProfileDefaultsComeFromProfile) {
  const std::string doc = profile_markdown();
  EXPECT_NE(doc.find("| `rounding` | `\"half_up\"`, `\"half_even\"`, `\"truncate\"` | `\"half_up\"` |"),
            std::string::npos);
  EXPECT_NE(doc.find("| `percent_decimals` | integer 0-6 | 2 |"), std::string::npos);
  EXPECT_NE(doc.find("| `correction_basis` |"), std::string::npos);
  EXPECT_NE(doc.find("| `legal_aid_case_limit_days` | integer 1-3650 | none |"), std::string::npos);
  EXPECT_NE(doc.find("- `decision_review`\n"), std::string::npos);
}

}  // namespace
}  // namespace fazhi
