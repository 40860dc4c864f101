// load_results.cpp -- what a load kept out, rendered: its rejections and notices
// as JSON for the C ABI and the bindings, and a rejection as the one line
// `fazhi check` prints. The Dataset gathers them; this file only writes them.
#include <string>

#include "absl/strings/str_cat.h"
#include "fazhi/dataset.hpp"
#include "fazhi/text.hpp"
#include "render/json_writer.hpp"

namespace fazhi {

std::string_view reject_code_name(RejectCode code) {
  switch (code) {
    case RejectCode::kMalformed: return "malformed";
    case RejectCode::kEncoding: return "encoding";
    case RejectCode::kMissing: return "missing";
    case RejectCode::kInvalidValue: return "invalid_value";
    case RejectCode::kInconsistent: return "inconsistent";
    case RejectCode::kDuplicate: return "duplicate";
    case RejectCode::kOther: break;
  }
  return "other";
}

std::string rejections_json(std::span<const Rejection> rejects) {
  // Every text of a rejection is UTF-8: the loader converts GB18030 files
  // and cuts raw rows at whole characters.
  std::string out;
  internal::JsonWriter w(out);
  w.begin_array();
  for (const Rejection& r : rejects) {
    w.begin_object();
    w.key("file");
    w.value(r.file);
    w.key("line");
    w.value(r.line);
    w.key("column");
    w.value(r.column);
    w.key("code");
    w.value(reject_code_name(r.code));
    w.key("reason");
    w.value(r.reason);
    w.key("raw");
    w.value(r.raw);
    w.end_object();
  }
  w.end_array();
  w.finish();
  return out;
}

std::string notices_json(std::span<const std::string> notices) {
  std::string out;
  internal::JsonWriter w(out);
  w.begin_array();
  for (const std::string& notice : notices) w.value(notice);
  w.end_array();
  w.finish();
  return out;
}

std::string rejection_line(const Rejection& r) {
  return absl::StrCat(display_text(r.file), ":", r.line, ": ",
                      r.column.empty() ? "" : absl::StrCat(display_text(r.column), ": "),
                      display_text(r.reason));
}

}  // namespace fazhi
