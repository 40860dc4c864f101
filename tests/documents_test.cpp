// The documents for people (fazhi/documents.hpp): the workbook is written or
// refused with a status, and the HTML page carries the report's figures in
// its charts, ranks siblings with ties sharing the better rank, and escapes
// every text from the data. The workbook's cells are read back by
// tests/python/test_workbook.py, the page in a browser by test_html_report.py.
#include "fazhi/documents.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fazhi/dataset.hpp"
#include "render/document.hpp"

namespace fazhi {
namespace {

namespace fs = std::filesystem;

const std::string kBaiyunDir = std::string(FAZHI_SOURCE_DIR) + "/data/examples/baiyun-2019";

const std::vector<Report>& baiyun_regions() {
  static const std::vector<Report>* all = [] {
    Dataset ds;
    absl::StatusOr<LoadSummary> s = ds.load_dir(kBaiyunDir);
    EXPECT_TRUE(s.ok()) << s.status();
    absl::StatusOr<Profile> p = Profile::from_file(kBaiyunDir + "/profile.json");
    EXPECT_TRUE(p.ok()) << p.status();
    absl::StatusOr<std::vector<Report>> r = compute_all_reports(ds, year_period(2019), *p);
    EXPECT_TRUE(r.ok()) << r.status();
    return new std::vector<Report>(r.ok() ? *std::move(r) : std::vector<Report>{});
  }();
  return *all;
}

const Report& baiyun() {
  for (const Report& r : baiyun_regions()) {
    if (r.region.str() == "440111") return r;
  }
  ADD_FAILURE() << "no report for 440111";
  static const Report none;
  return none;
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

fs::path temp_path(const std::string& name) {
  return fs::temp_directory_path() / ("fazhi-documents-" + std::to_string(::getpid()) + "-" + name);
}

TEST(DocumentNumbers, CellsHoldRatesOfOneAndMoneyInWan) {
  // Rounded to 12 decimals first: 110/117 = 0.940170940170940...
  EXPECT_DOUBLE_EQ(internal::cell_number(Value::ratio(110, 117, "")), 0.940170940171);
  EXPECT_DOUBLE_EQ(internal::cell_number(Value::money(1512800000)), 1512.8);
  EXPECT_DOUBLE_EQ(internal::cell_number(Value::count(439)), 439.0);
  EXPECT_DOUBLE_EQ(internal::to_double(Fraction(-129, 568)), -0.227112676056);
}

TEST(Workbook, WritesAnXlsxFile) {
  const fs::path path = temp_path("baiyun.xlsx");
  ASSERT_TRUE(write_workbook({.report = &baiyun(), .regions = baiyun_regions()}, path.string()).ok());
  const std::string bytes = slurp(path);
  fs::remove(path);
  ASSERT_GT(bytes.size(), 4u);
  EXPECT_EQ(bytes.substr(0, 4), std::string("PK\x03\x04", 4));  // a zip container
  // The zip's directory names its parts: the summary, the comparison, the notices.
  EXPECT_NE(bytes.find("xl/worksheets/sheet1.xml"), std::string::npos);
  EXPECT_NE(bytes.find("xl/worksheets/sheet2.xml"), std::string::npos);
}

TEST(Workbook, NothingToWriteIsInvalidArgument) {
  const absl::Status s = write_workbook({}, temp_path("empty.xlsx").string());
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
}

TEST(Workbook, AnUnwritablePlaceIsUnavailableAndLeavesNoFile) {
  const fs::path path = temp_path("no-such-folder") / "x.xlsx";
  const absl::Status s = write_workbook({.report = &baiyun(), .regions = {}}, path.string());
  EXPECT_EQ(s.code(), absl::StatusCode::kUnavailable);
  EXPECT_NE(s.message().find("cannot write the workbook"), std::string_view::npos) << s.message();
  EXPECT_FALSE(fs::exists(path));
}

TEST(Html, ChartsCarryThePublishedFigures) {
  const std::string page = render_html(baiyun(), baiyun_regions());
  EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(page.find("@page { size: A4"), std::string::npos);
  EXPECT_NE(page.find("id=\"chart-rates\""), std::string::npos);
  EXPECT_NE(page.find("data-value=\"0.9402\"><title>胜诉率 94.02%</title>"), std::string::npos);
  EXPECT_NE(page.find(">1512.8 万元<"), std::string::npos);
  EXPECT_NE(page.find("id=\"chart-siblings-legal_aid.accepted\""), std::string::npos);
  EXPECT_EQ(page.find("<script"), std::string::npos);
}

TEST(Html, WithoutSiblingsThereIsNoRanking) {
  const std::string page = render_html(baiyun());
  EXPECT_EQ(page.find("chart-siblings-"), std::string::npos);
  EXPECT_NE(page.find("id=\"chart-reconsideration\""), std::string::npos);
}

TEST(Html, TiesAmongSiblingsShareTheBetterRank) {
  std::vector<Report> regions = baiyun_regions();
  // Two districts of Guangzhou with as many legal-aid cases as Baiyun.
  int tied = 0;
  for (Report& r : regions) {
    if (r.region.str() == "440106" || r.region.str() == "440113") {
      MetricFigure& m = r.metrics[*metric_index("legal_aid.accepted")];
      m.value = Value::count(3037);
      m.text = "3037 件";
      ++tied;
    }
  }
  ASSERT_EQ(tied, 2);
  const Report* self = nullptr;
  for (const Report& r : regions) {
    if (r.region.str() == "440111") self = &r;
  }
  const std::string page = render_html(*self, regions);
  const size_t chart = page.find("id=\"chart-siblings-legal_aid.accepted\"");
  ASSERT_NE(chart, std::string::npos);
  const std::string svg = page.substr(chart, page.find("</svg>", chart) - chart);
  for (const char* label : {">1. 天河区<", ">1. 白云区<", ">1. 番禺区<", ">4. "}) {
    EXPECT_NE(svg.find(label), std::string::npos) << label;
  }
}

TEST(Html, TextFromTheDataIsEscaped) {
  Report r = baiyun();
  r.region_name = "白云区<script>alert(1)</script>\"&'";
  r.narrative.push_back("<img src=x onerror=alert(2)>");
  r.data_quality.notices.push_back("<b>\"unknown\"</b>.csv: ignored");
  const std::string page = render_html(r);
  EXPECT_EQ(page.find("<script"), std::string::npos);
  EXPECT_EQ(page.find("<img"), std::string::npos);
  EXPECT_EQ(page.find("<b>"), std::string::npos);
  EXPECT_NE(page.find("<h1>白云区&lt;script&gt;alert(1)&lt;/script&gt;&quot;&amp;&#39;法治工作报告</h1>"),
            std::string::npos);
  EXPECT_NE(page.find("&lt;img src=x onerror=alert(2)&gt;"), std::string::npos);
  EXPECT_NE(page.find("<li>&lt;b&gt;&quot;unknown&quot;&lt;/b&gt;.csv: ignored</li>"), std::string::npos);
}

}  // namespace
}  // namespace fazhi
