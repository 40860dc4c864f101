// fazhi metrics / fazhi docs: the metric catalogue and the generated
// documents of docs/ (scripts/update_docs.sh writes them with `fazhi docs`).
#include <iostream>

#include "absl/strings/substitute.h"
#include "commands.hpp"
#include "fazhi/docs.hpp"

namespace fazhi::cli {

int run_metrics(const Args& args) {
  std::string format = "text";
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--format" && i + 1 < args.size()) {
      format = args[++i];
    } else {
      return usage(absl::Substitute(_("metrics takes only --format text|json|markdown, not '$0'"), args[i]));
    }
  }
  if (format == "text") {
    std::cout << metrics_text();
  } else if (format == "json") {
    std::cout << metrics_json();
  } else if (format == "markdown") {
    std::cout << metrics_markdown();
  } else {
    return usage(absl::Substitute(_("--format is text, json or markdown, not '$0'"), format));
  }
  return 0;
}

int run_docs(const Args& args) {
  const std::string which = args.size() == 1 ? args[0] : "";
  if (which == "data") {
    std::cout << data_markdown();
  } else if (which == "metrics") {
    std::cout << metrics_markdown();
  } else if (which == "profile") {
    std::cout << profile_markdown();
  } else {
    return usage(_("docs writes one document: data, metrics or profile"));
  }
  return 0;
}

}  // namespace fazhi::cli
