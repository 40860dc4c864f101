// load_results.cpp -- what a load kept out, rendered: its rejections and notices
// as JSON for the C ABI and the bindings, and a rejection as the one line
// `fazhi check` prints. The Dataset gathers them; this file only writes them.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/substitute.h"
#include "fazhi/dataset.hpp"
#include "fazhi/text.hpp"
#include "platform/messages.hpp"
#include "platform/notices.hpp"
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

namespace {

// substitute_all is absl::Substitute over a vector (at most ten arguments,
// which every message keeps to).
std::string substitute_all(const char* format, const std::vector<std::string>& args) {
  std::string a[10];
  for (size_t i = 0; i < args.size() && i < 10; ++i) a[i] = args[i];
  return absl::Substitute(format, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9]);
}

// match_notice reads `notice` back as `tmpl` with its arguments: the text
// between the placeholders must be the template's, in order, and the last
// piece ends the notice. nullopt when the notice is not of this template.
std::optional<std::vector<std::string>> match_notice(std::string_view notice, std::string_view tmpl) {
  std::vector<std::string_view> pieces;  // the literal text around each $n
  std::vector<int> order;                // which argument each placeholder is
  size_t start = 0;
  for (size_t i = 0; i + 1 < tmpl.size(); ++i) {
    if (tmpl[i] == '$' && tmpl[i + 1] >= '0' && tmpl[i + 1] <= '9') {
      pieces.push_back(tmpl.substr(start, i - start));
      order.push_back(tmpl[i + 1] - '0');
      start = i + 2;
      ++i;
    }
  }
  pieces.push_back(tmpl.substr(start));
  if (!notice.starts_with(pieces.front())) return std::nullopt;
  size_t at = pieces.front().size();
  std::vector<std::string> args(order.size());
  for (size_t k = 0; k < order.size(); ++k) {
    const std::string_view next = pieces[k + 1];
    const bool last = k + 1 == order.size();
    // An argument runs to the next piece of the template (a file's name may
    // hold anything but rarely a whole sentence of it); the last to the end.
    const size_t end = last ? (notice.ends_with(next) && notice.size() >= at + next.size()
                                   ? notice.size() - next.size()
                                   : std::string_view::npos)
                            : notice.find(next, at);
    if (end == std::string_view::npos || (next.empty() && !last)) return std::nullopt;
    args[static_cast<size_t>(order[k])] = std::string(notice.substr(at, end - at));
    at = end + next.size();
  }
  if (order.empty() && notice != tmpl) return std::nullopt;
  return args;
}

}  // namespace

std::string notice_line(std::string_view notice) {
  for (const char* tmpl : internal::kNoticeTemplates) {
    std::optional<std::vector<std::string>> args = match_notice(notice, tmpl);
    if (!args) continue;
    const char* translated = ::fazhi::message(tmpl);
    if (translated == tmpl) break;  // no translation: the English as it is
    for (std::string& a : *args) a = display_text(a);
    return substitute_all(translated, *args);
  }
  return display_text(notice);
}

}  // namespace fazhi
