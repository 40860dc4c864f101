// docs.cpp -- docs/data.md, docs/metrics.md and docs/profile.md, written from
// the code: the loader's schema (dataset_schema.hpp), the code tables
// (records.cpp), the metric catalogue (src/metrics/catalogue.cpp and the families' files), Profile's defaults and
// the narrative's sentences. Only the prose around the tables is written here.
#include "fazhi/docs.hpp"

#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "load/dataset_schema.hpp"
#include "fazhi/exact.hpp"
#include "fazhi/metrics.hpp"
#include "fazhi/profile.hpp"
#include "fazhi/records.hpp"
#include "fazhi/text.hpp"
#include "render/narrative.hpp"
#include "nlohmann/json.hpp"

namespace fazhi {
namespace {

using internal::Problem;

// ---- docs/data.md -------------------------------------------------------------

// The enumerated columns' code tables, in the order docs/data.md lists them.
using CodeEnums = std::tuple<Disposition, Instance, LitigationOutcome, AidDecision, AidCaseType,
                             AssignmentMethod, MediationOutcome, RegistryKind, Indicator>;

// ColumnType is what a column's reader accepts, found by offering it a value
// of each form: the schema's readers are the only statement of a column's
// type, so the document asks them rather than keeping a list of its own.
struct ColumnType {
  std::string name;                         // "text", "date", "code", ...
  std::span<const CodeEntry> codes;         // a code column's table
};

template <typename Kind>
bool accepts(size_t col, std::string_view value) {
  typename Kind::Row row{};
  Problem problem;
  return Kind::parse(static_cast<uint8_t>(col), value, row, problem);
}

// code_table_of is the one code table every code (and label) of which the
// column accepts; empty when none or more than one fits.
template <typename Kind>
std::span<const CodeEntry> code_table_of(size_t col) {
  std::span<const CodeEntry> found;
  int matches = 0;
  auto try_table = [&](std::span<const CodeEntry> table) {
    for (const CodeEntry& e : table) {
      if (!accepts<Kind>(col, e.code)) return;
      for (std::string_view label : e.labels) {
        if (!accepts<Kind>(col, label)) return;
      }
    }
    found = table;
    ++matches;
  };
  std::apply([&](auto... e) { (try_table(code_table<decltype(e)>()), ...); }, CodeEnums{});
  return matches == 1 ? found : std::span<const CodeEntry>();
}

template <typename Kind>
ColumnType column_type(size_t col) {
  if (accepts<Kind>(col, "~any text~")) return {"text", {}};
  if (accepts<Kind>(col, "2019年3月5日")) return {"date", {}};
  if (accepts<Kind>(col, "是")) return {"boolean", {}};
  if (accepts<Kind>(col, "1.5万")) return {"money", {}};
  if (accepts<Kind>(col, "110101") && !accepts<Kind>(col, "12")) return {"region code", {}};
  if (accepts<Kind>(col, "12")) return {"integer", {}};
  if (std::span<const CodeEntry> codes = code_table_of<Kind>(col); !codes.empty()) {
    return {"code", codes};
  }
  return {"unclassified", {}};
}

std::string code_list(std::span<const CodeEntry> codes) {
  std::string out = "| code | Chinese labels |\n| --- | --- |\n";
  for (const CodeEntry& e : codes) {
    absl::StrAppend(&out, "| `", absl_view(e.code), "` | ",
                    absl::StrJoin(e.labels, ", ", [](std::string* o, std::string_view l) {
                      absl::StrAppend(o, absl_view(l));
                    }),
                    " |\n");
  }
  return out;
}

template <typename Kind>
std::string kind_section(std::string_view title) {
  const std::string_view kind = kind_name(Kind::kKind);
  std::string out = absl::StrCat("### `", absl_view(kind), "` -- ", absl_view(title), "\n\nFile: `",
                                 absl_view(kind), ".csv`.\n\n",
                                 "| column | aliases | type | required |\n| --- | --- | --- | --- |\n");
  std::string codes;
  for (size_t i = 0; i < std::size(Kind::kColumns); ++i) {
    const internal::ColumnDef& c = Kind::kColumns[i];
    const ColumnType type = column_type<Kind>(i);
    std::string type_text = type.name;
    if (!type.codes.empty()) {
      type_text = absl::StrCat("code (see below)");
      absl::StrAppend(&codes, "Codes of `", absl_view(kind), ".", absl_view(c.name), "`:\n\n",
                      code_list(type.codes), "\n");
    }
    absl::StrAppend(&out, "| `", absl_view(c.name), "` | ",
                    absl::StrJoin(c.aliases, ", ", [](std::string* o, std::string_view a) {
                      absl::StrAppend(o, absl_view(a));
                    }),
                    " | ", type_text, " | ", c.required ? "yes" : "no", " |\n");
  }
  if (Kind::kHasId) {
    absl::StrAppend(&out, "\n`", absl_view(Kind::kIdColumn),
                    "` identifies a row: a second row with the same value in the same region (for "
                    "`registry`, of the same kind in the same region) is rejected as a duplicate.\n");
  }
  absl::StrAppend(&out, "\n", codes);
  return out;
}

constexpr std::string_view kDataIntro = R"(# The data format

<!-- Generated by `fazhi docs data` (scripts/update_docs.sh) from the loader's
schema and code tables; edit src/render/docs.cpp, not this file. -->

A dataset is a folder of CSV files, one file per record kind, named after the
kind (`reconsideration.csv`, ...). Any subset of the kinds may be present. A
file whose name is not a kind is reported in a notice and otherwise ignored.
The same records can be handed to the library directly (`Dataset::add` in
C++, the C ABI, the Python binding); they obey the same rules.

## Rules common to every file

- **Encoding.** UTF-8, with or without a byte-order mark. A file that is not
  valid UTF-8 is read as GB18030 (which contains GBK and GB2312, the encodings
  of Excel on Chinese Windows); the caller can also name the encoding
  (`--encoding auto|utf-8|gb18030` on the command line).
- **CSV dialect.** RFC 4180: commas between fields, `"` quotes fields, `""`
  is a quote inside a quoted field, and a quoted field may hold commas and line
  breaks. Lines end in CRLF or LF; the final newline is optional.
- **Header.** The first row names the columns. Each column has a canonical
  English name and the Chinese aliases listed below; either is accepted, with
  surrounding spaces and ASCII case ignored. The columns may come in any
  order and extra columns are ignored. A file without one of its required
  columns is rejected as a whole.
- **Values.** Spaces around a value (ASCII and the full-width space U+3000)
  are removed before it is read. An empty value means "not given".
- **Dates.** `2019-03-05`; also `2019/3/5`, `2019.3.5`, `20190305` and
  `2019年3月5日`. A day that does not exist (2019-02-30) rejects the row. An
  empty date means "not yet" (not accepted, not closed).
- **Money.** Yuan with at most two decimals (`15128000.00`); `万` multiplies by
  10 000 and `亿` by 100 000 000 (`1512.8万`). Amounts are held exactly, in
  integer fen.
- **Integers.** Non-negative whole numbers; thousands separators are accepted
  (`12,008`).
- **Booleans.** `1`/`0`, `true`/`false`, `yes`/`no`, `是`/`否`, `Y`/`N` (ASCII
  case ignored). Empty means unknown, which is not the same as false.
- **Region codes.** Six-digit administrative division codes (GB/T 2260), such
  as `440111` (白云区) under `440100` (广州市) under `440000` (广东省). Figures
  roll up from district to city (`NNNN00`) to province (`NN0000`).
- **Codes.** An enumerated column accepts the English code (ASCII case
  ignored) or any of its Chinese labels, as listed under each kind.
- **Closing columns.** A record's outcome or disposition goes with its closing
  date: the code is required once the date is given, and a code without the
  date is an error. Later dates may not precede earlier ones (a case is not
  closed before it was received).
- **Rejected rows.** A row that breaks a rule is rejected with its file, line,
  column and reason, and loading goes on (or stops at the first error in
  strict mode, `fazhi check --strict`). Rows accepted plus rows rejected is
  always the number of rows read.

In the tables, *type* is what the column's reader accepts: `text`, `date`,
`boolean`, `money`, `integer`, `region code`, or `code` (one of the codes
listed after the table). *Required* columns must be present in the header and
non-empty in every row.

## Kinds

)";

}  // namespace

std::string data_markdown() {
  std::string out(kDataIntro);
  absl::StrAppend(&out, kind_section<internal::Reconsideration>("行政复议案件 (administrative reconsideration cases)"),
                  kind_section<internal::Litigation>("行政应诉案件 (administrative litigation, the agency as defendant)"),
                  kind_section<internal::LegalAid>("法律援助案件 (legal-aid applications and cases)"),
                  kind_section<internal::Mediation>("人民调解案件 (people's mediation cases)"),
                  kind_section<internal::Registry>("登记名录 (standing entities)"),
                  kind_section<internal::Activity>("工作量台账 (counted activities)"),
                  kind_section<internal::Regions>("区划名称 (region names, optional)"));
  while (out.size() >= 2 && out.ends_with("\n\n")) out.pop_back();
  return out;
}

// ---- docs/metrics.md ----------------------------------------------------------

namespace {


std::string_view value_kind_name(ValueKind k) {
  switch (k) {
    case ValueKind::kUndefined: return "undefined";
    case ValueKind::kCount: return "count";
    case ValueKind::kRatio: return "ratio";
    case ValueKind::kMoney: return "money";
    case ValueKind::kDays: return "days";
    case ValueKind::kRank: return "rank";
    case ValueKind::kNumber: return "number";
  }
  return "";
}

#include "metrics/metric_definitions.inc"

constexpr std::string_view kMetricsIntro = R"(# The metric catalogue

<!-- Generated by `fazhi metrics --format markdown` (scripts/update_docs.sh)
from metric_catalogue(): each family's rows in src/metrics/<family>.cpp; edit those, not this file. -->

Every figure a report carries, in report order. `id` is the stable name used
in JSON output and in a profile's `metrics` overrides; `label` is the Chinese
name printed in a report; `unit` is the unit it is written in; `value` is what
a defined value is (`count`: an integer; `ratio`: an exact fraction, written as
a percentage; `money`: integer fen, written in 元 or 万元; `days`: a number of
days, possibly fractional; `rank`: 1 is first; `number`: a plain number);
`YoY` says whether the report gives its change over the previous period.
A value is undefined (with a reason) when its denominator is zero or its data
is missing; rounding and decimals follow the profile (docs/profile.md).
`fazhi metrics --format json|text` prints the same catalogue.
)";

}  // namespace

std::span<const MetricDefinition> metric_definitions() { return kMetricDefinitions; }

std::string metric_definition(std::string_view id) {
  for (const MetricDefinition& d : kMetricDefinitions) {
    if (d.id == id) return std::string(d.definition);
  }
  // An activity indicator's count is its tallies', whatever the indicator.
  if (std::optional<Indicator> indicator = parse_code<Indicator>(id);
      indicator && code_name(*indicator) == id) {
    return absl::StrCat("The sum of the `activity` rows with indicator `", absl_view(id),
                        "` dated in P.");
  }
  return "";
}

std::string metrics_markdown() {
  std::string out(kMetricsIntro);
  std::optional<Family> family;
  for (const MetricInfo& m : metric_catalogue()) {
    if (family != m.family) {
      family = m.family;
      absl::StrAppend(&out, "\n## ", absl_view(family_name(m.family)),
                      "\n\n| id | label | unit | value | YoY |\n| --- | --- | --- | --- | --- |\n");
    }
    absl::StrAppend(&out, "| `", absl_view(m.id), "` | ", absl_view(m.label), " | ",
                    absl_view(m.unit), " | ", absl_view(value_kind_name(m.kind)), " | ",
                    m.has_yoy ? "yes" : "no", " |\n");
  }
  absl::StrAppend(&out, "\n## Definitions\n\nP is the report's period; \"in P\" means dated on a day of P.\n\n");
  for (const MetricInfo& m : metric_catalogue()) {
    absl::StrAppend(&out, "- `", absl_view(m.id), "`: ", metric_definition(m.id), "\n");
  }
  return out;
}

std::string metrics_text() {
  std::string out;
  for (const MetricInfo& m : metric_catalogue()) {
    absl::StrAppend(&out, absl_view(m.id), "\t", absl_view(m.label), "\t", absl_view(m.unit), "\t",
                    absl_view(value_kind_name(m.kind)), "\n");
  }
  return out;
}

std::string metrics_json() {
  nlohmann::ordered_json all = nlohmann::ordered_json::array();
  for (const MetricInfo& m : metric_catalogue()) {
    all.push_back({{"id", m.id},
                   {"label", m.label},
                   {"unit", m.unit},
                   {"family", family_name(m.family)},
                   {"kind", value_kind_name(m.kind)},
                   {"yoy", m.has_yoy},
                   {"definition", metric_definition(m.id)}});
  }
  return all.dump(2) + "\n";
}

// ---- docs/profile.md ----------------------------------------------------------

namespace {

constexpr ProfileKeyDoc kProfileKeys[] = {
    {"rounding", "`\"half_up\"`, `\"half_even\"`, `\"truncate\"`", "\"truncate\"",
     "How every figure is cut to its published precision (四舍五入 is `half_up`)."},
    {"percent_decimals", "integer 0-6", "1", "Decimals of a percentage."},
    {"wan_decimals", "integer 0-6", "2", "Decimals of an amount written in 万元."},
    {"day_decimals", "integer 0-6", "0", "Decimals of a number of days (a mean, a median)."},
    {"yoy_decimals", "integer 0-6", "2", "Decimals of a change over the previous period."},
    {"correction_basis", "`\"concluded\"`, `\"concluded_by_decision\"`, `\"accepted\"`",
     "\"accepted\"",
     "The denominator (口径) of the reconsideration correction rates: all cases closed in the "
     "period; those less the mediated, settled, withdrawn and terminated ones; or the cases "
     "accepted in the period."},
    {"withdrawn_is_correction", "boolean", "true",
     "Count a plain withdrawal (行政复议法 art. 41(1)) as a correction."},
    {"terminated_is_correction", "boolean", "true",
     "Count a termination (art. 41(2)-(5)) as a correction."},
    {"exclude_suspended_days", "boolean", "true",
     "Leave the days a reconsideration case was suspended (中止) out of its decision period."},
    {"roll_over_make_up_weekends", "boolean", "true",
     "A period whose last day is a make-up working Saturday or Sunday (调休上班) rolls over as "
     "an ordinary weekend would, instead of ending there."},
    {"legal_aid_review_limit_workdays", "integer 0-365", "1",
     "Working days allowed for reviewing a legal-aid application (a bureau's pledge may be "
     "shorter than the law's)."},
    {"legal_aid_assignment_limit_workdays", "integer 0-365", "1",
     "Working days allowed for assigning a lawyer once aid is granted."},
    {"legal_aid_case_limit_days", "integer 1-3650", "365",
     "Days within which a legal-aid case should conclude; the law sets none, so without this "
     "key the pending-over-limit share is undefined."},
    {"metrics", "object: metric id -> presentation", R"({"litigation.win_rate": {"decimals": 1}})",
     "Per-metric presentation: `decimals`, `rounding`, `approximate` (write a large count as "
     "reports do, `11800 余`) and `yoy` (`decimals`, `rounding` of its change). Ids are those of "
     "docs/metrics.md."},
    {"narrative", "object: `{\"omit\": [sentence ids]}`", R"({"omit": ["decision_review"]})",
     "Sentences to leave out of the narrative (ids below)."},
};

std::string profile_default(const Profile& p, std::string_view key) {
  auto boolean = [](bool b) { return std::string(b ? "`true`" : "`false`"); };
  if (key == "rounding") return absl::StrCat("`\"", absl_view(rounding_name(p.rounding)), "\"`");
  if (key == "percent_decimals") return absl::StrCat(p.percent_decimals);
  if (key == "wan_decimals") return absl::StrCat(p.wan_decimals);
  if (key == "day_decimals") return absl::StrCat(p.day_decimals);
  if (key == "yoy_decimals") return absl::StrCat(p.yoy_decimals);
  if (key == "correction_basis") {
    return absl::StrCat("`\"", absl_view(correction_basis_name(p.correction_basis)), "\"`");
  }
  if (key == "withdrawn_is_correction") return boolean(p.withdrawn_is_correction);
  if (key == "terminated_is_correction") return boolean(p.terminated_is_correction);
  if (key == "exclude_suspended_days") return boolean(p.exclude_suspended_days);
  if (key == "roll_over_make_up_weekends") return boolean(p.period_rules.roll_over_make_up_weekends);
  if (key == "legal_aid_review_limit_workdays") return absl::StrCat(p.legal_aid_review_limit_workdays);
  if (key == "legal_aid_assignment_limit_workdays") {
    return absl::StrCat(p.legal_aid_assignment_limit_workdays);
  }
  if (key == "legal_aid_case_limit_days") {
    return p.legal_aid_case_limit_days ? absl::StrCat(*p.legal_aid_case_limit_days) : "none";
  }
  if (key == "metrics") return "`{}`";
  if (key == "narrative") return "`{\"omit\": []}`";
  return "?";
}

constexpr std::string_view kProfileIntro = R"(# The report profile

<!-- Generated by `fazhi docs profile` (scripts/update_docs.sh) from Profile's
defaults and the narrative's sentence list; edit src/render/docs.cpp, not this file. -->

Published reports differ in how they round and in what they divide by. A
profile is a JSON object that makes each of these choices explicit
(`fazhi report --profile FILE`, `Profile::from_json`). Every key is optional;
an unknown key or a bad value is an error naming the key, so a typo cannot
silently change a published figure.

```json
{"rounding": "half_up", "percent_decimals": 2,
 "metrics": {"registry.lawyer": {"yoy": {"decimals": 2, "rounding": "truncate"}}},
 "legal_aid_review_limit_workdays": 1}
```

## Keys

| key | values | default | meaning |
| --- | --- | --- | --- |
)";

}  // namespace

std::span<const ProfileKeyDoc> profile_keys() { return kProfileKeys; }

std::string profile_markdown() {
  std::string out(kProfileIntro);
  const Profile defaults;
  for (const ProfileKeyDoc& k : kProfileKeys) {
    absl::StrAppend(&out, "| `", absl_view(k.key), "` | ", absl_view(k.values), " | ",
                    profile_default(defaults, k.key), " | ", absl_view(k.meaning), " |\n");
  }
  absl::StrAppend(&out,
                  "\n## Narrative sentences\n\n"
                  "The narrative is written sentence by sentence, in this order; a sentence whose "
                  "figures are all missing or zero is left out, and `narrative.omit` leaves out "
                  "the ones it names.\n\n");
  for (std::string_view id : internal::narrative_sentences()) {
    absl::StrAppend(&out, "- `", absl_view(id), "`\n");
  }
  return out;
}

}  // namespace fazhi
