// fazhi/departments.hpp -- department tables and assessment (考核): the
// figures of each respondent or defendant agency of a region, ranked, with
// their case lists, and a profile's scheme scoring them.
//
// A department is an agency named in `respondent` (reconsideration) or
// `defendant` (litigation), its name normalised (spaces dropped, full-width
// brackets and letters as their ASCII forms) and then mapped by the profile's
// `departments.aliases`. Its figures are the report's metrics restricted to
// its cases, made by the family's own tally and values over its records (as a
// breakdown by respondent is), so they add up to the region's figures. Each
// figure has its rank among the departments and its case list.
//
//   absl::StatusOr<fazhi::DepartmentTable> t = fazhi::compute_departments(
//       ds, *fazhi::RegionCode::parse("440111"), fazhi::year_period(2019), profile);
//   for (const fazhi::Department& d : t->departments) std::cout << d.name << " " << d.rank << "\n";
#ifndef FAZHI_DEPARTMENTS_HPP_
#define FAZHI_DEPARTMENTS_HPP_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "fazhi/calendar.hpp"
#include "fazhi/cases.hpp"
#include "fazhi/dataset.hpp"
#include "fazhi/metrics.hpp"
#include "fazhi/profile.hpp"
#include "fazhi/region.hpp"

namespace fazhi {

// normalise_agency is an agency's name as departments compare it: trimmed,
// without ASCII or full-width spaces, full-width brackets, digits and
// letters as ASCII (（）→ ()), so `区 市场监督管理局（知识产权局）` and
// `区市场监督管理局(知识产权局)` are one department.
std::string normalise_agency(std::string_view name);

// DepartmentFigure is one figure of one department: a report metric over its
// cases (ids of docs/metrics.md), or one of the table's own counts
// (`departments.*`, docs/departments.md), with its rank among the
// departments (1 = largest; ties share the better rank; 0 when undefined)
// and the rows of its case list (for a rate: the numerator's and the
// denominator's).
struct DepartmentFigure {
  std::string_view id;
  std::string_view label;
  Value value;
  int64_t rank = 0;
  std::vector<size_t> rows;              // a count's records, a rate's numerator
  std::vector<size_t> denominator_rows;  // a rate's denominator
  RecordKind kind = RecordKind::kLitigation;
};

// Deduction is one indicator's deduction in an assessment: the points (in
// hundredths), and what it is traced to: the case ids, or the figure.
struct Deduction {
  std::string rule;       // the indicator's name
  int64_t points = 0;     // hundredths of a point, after the indicator's cap
  int64_t uncapped = 0;   // before it
  std::vector<std::string> cases;  // the case ids deducted for (per-case rules)
  std::string metric;     // the figure deducted for (threshold rules)
  Value value;            // that figure
};

// Department is one agency's row of the table.
struct Department {
  std::string name;
  std::optional<std::string> level;  // the agency level most of its cases record (code), if any
  int64_t rank = 0;                  // by score with an assessment, else by cases; 0 for the unnamed
  std::vector<DepartmentFigure> figures;
  std::optional<int64_t> score;      // hundredths of a point, with an assessment
  std::vector<Deduction> deductions;
};

// DepartmentTable is every department of a region with cases in a period.
// The cases that name no agency are one row named "" (未填), unranked.
struct DepartmentTable {
  RegionCode region;
  Period period;
  std::string assessment;  // the scheme's name, when the profile has one
  int64_t full_score = 0;  // hundredths of a point: the sum of the weights
  std::vector<Department> departments;  // by rank, then name
};

// department_metrics lists the figures of a department table, in order.
std::span<const std::string_view> department_metrics();

// compute_departments makes the table, and the profile's assessment if it has
// one. A region without records is NotFound.
absl::StatusOr<DepartmentTable> compute_departments(const Dataset& ds, RegionCode region, Period period,
                                                    const Profile& profile = {},
                                                    const Calendar& calendar = Calendar::national());

// department_case_list is one department's case list of one figure's part.
absl::StatusOr<CaseList> department_case_list(const Dataset& ds, const DepartmentTable& table,
                                              std::string_view department, std::string_view metric, CasePart part,
                                              const Profile& profile = {},
                                              const Calendar& calendar = Calendar::national());

// ---- Renderings (src/render/departments.cpp) ----

// to_json writes the table as `{"region", "period", ["assessment",
// "full_score",] "departments": [{"name", "level", "rank", "metrics":
// [{"id", "label", "value", "rank", "cases"...}], ["score", "deductions"]}]}`;
// render_departments as a text table for people. Points are written as
// decimals ("97.5").
std::string to_json(const DepartmentTable& table, const Dataset& ds);
std::string render_departments(const DepartmentTable& table);
// format_points writes hundredths of a point as a decimal: 9750 -> "97.5".
std::string format_points(int64_t hundredths);

}  // namespace fazhi

#endif  // FAZHI_DEPARTMENTS_HPP_
