// fazhi/docs.hpp -- the reference documents of docs/, written from the code.
//
// The column tables of docs/data.md come from the loader's schema and code
// tables, the catalogue of docs/metrics.md from metric_catalogue(), the keys
// and defaults of docs/profile.md from Profile and the narrative's sentence
// list; the tests compare each committed document with these functions, so a
// document cannot drift from the code (scripts/update_docs.sh rewrites them).
#ifndef FAZHI_DOCS_HPP_
#define FAZHI_DOCS_HPP_

#include <span>
#include <string>
#include <string_view>

namespace fazhi {

// ProfileKeyDoc is one top-level key of a report profile, for people.
struct ProfileKeyDoc {
  std::string_view key;
  std::string_view values;   // the accepted values
  std::string_view example;  // a JSON value Profile::from_json accepts for it
  std::string_view meaning;
};
// profile_keys lists every top-level profile key, in the order of docs/profile.md.
std::span<const ProfileKeyDoc> profile_keys();

// MetricDefinition is the meaning of one catalogue metric, for people.
struct MetricDefinition {
  std::string_view id;
  std::string_view definition;
};
// metric_definitions lists the written definitions, keyed by catalogue id;
// an activity indicator's count has none (metric_definition writes it).
std::span<const MetricDefinition> metric_definitions();
// metric_definition is the definition of catalogue id `id` ("" when none).
std::string metric_definition(std::string_view id);

std::string data_markdown();      // docs/data.md
std::string metrics_markdown();   // docs/metrics.md
std::string profile_markdown();   // docs/profile.md

// The metric catalogue for `fazhi metrics`: one metric a line (text), or a
// JSON array of {id, label, unit, family, kind, yoy, definition}.
std::string metrics_text();
std::string metrics_json();

}  // namespace fazhi

#endif  // FAZHI_DOCS_HPP_
