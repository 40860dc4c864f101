// load_results.cpp -- what a load kept out, rendered: its rejections and notices
// as JSON for the C ABI and the bindings, and a rejection as the one line
// `fazhi check` prints. The Dataset gathers them; this file only writes them.
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/substitute.h"
#include "fazhi/dataset.hpp"
#include "fazhi/text.hpp"
#include "platform/messages.hpp"
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
  // Translated only when the catalogue has the message in the reader's
  // language; English readers get the reason, which says more.
  // (dgettext returns its argument when there is no translation: the id
  // must outlive the comparison.)
  const std::string id(r.message);
  const char* translated = id.empty() ? nullptr : ::fazhi::message(id.c_str());
  if (translated == nullptr || translated == id.c_str() || id == translated) {
    return absl::StrCat(display_text(r.file), ":", r.line, ": ",
                        r.column.empty() ? "" : absl::StrCat(display_text(r.column), ": "),
                        display_text(r.reason));
  }
  // absl::Substitute takes at most ten arguments; a message uses fewer.
  std::string args[10];
  for (size_t i = 0; i < r.message_args.size() && i < 10; ++i) args[i] = display_text(r.message_args[i]);
  std::string why = absl::Substitute(translated, args[0], args[1], args[2], args[3], args[4], args[5],
                                     args[6], args[7], args[8], args[9]);
  std::string column;
  if (!r.column.empty()) {
    column = r.column_label.empty()
                 ? absl::Substitute(_("column $0: "), display_text(r.column))
                 : absl::Substitute(_("column $0 ($1): "), display_text(r.column_label),
                                    display_text(r.column));
  }
  return absl::StrCat(display_text(r.file), ":", r.line, ": ", column, why);
}

}  // namespace fazhi
