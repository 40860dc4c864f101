// The C ABI of the lottery (摇珠) and samples: draws, announcements,
// verification and the parsing of id and conflict lists.
#include "internal.hpp"

namespace fazhi::capi {
namespace {

// list_argument copies an array of `count` UTF-8 strings; NULL is allowed only
// for an empty list, and no element may be NULL. Emptiness, duplicates and
// the canonical order are the core's to judge.
fz_status list_argument(const char* function, const char* name, const char* const* items,
                        size_t count, std::vector<std::string>& out) {
  if (!items) {
    if (count == 0) return FZ_OK;
    return invalid(function, absl::StrCat(name, " is NULL but its count is ", count));
  }
  out.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    const std::string element = absl::StrCat(name, "[", i, "]");
    if (fz_status s = text_argument(function, element.c_str(), items[i]); s) return s;
    out.emplace_back(items[i]);
  }
  return FZ_OK;
}

// draw_core reads a fz_draw_input into the core's DrawInput; the seed only
// when `with_seed` (an announcement is made before the seed exists).
fz_status draw_core(const char* kFn, const fz_draw_input* input, bool with_seed,
                    fazhi::DrawInput& core) {
  if (!input) return null_argument(kFn, "input");
  fz_draw_input in = FZ_DRAW_INPUT_INIT;
  if (fz_status s = read_struct(kFn, "input", "fz_draw_input", input, FZ_DRAW_INPUT_MIN_SIZE, in);
      s) {
    return s;
  }
  if (with_seed) {
    if (fz_status s = text_argument(kFn, "input->seed", in.seed); s) return s;
    core.seed = in.seed;
  }
  if (fz_status s = text_argument(kFn, "input->case_id", in.case_id); s) return s;
  core.case_id = in.case_id;
  if (!in.answered) return null_argument(kFn, "input->answered");
  if (fz_status s =
          list_argument(kFn, "input->answered", in.answered, in.answered_count, core.answered);
      s) {
    return s;
  }
  if (fz_status s =
          list_argument(kFn, "input->conflicts", in.conflicts, in.conflicts_count, core.conflicts);
      s) {
    return s;
  }
  return list_argument(kFn, "input->at_cap", in.at_cap, in.at_cap_count, core.at_cap);
}

fz_status sample_core(const char* kFn, const fz_sample_input* input, bool with_seed,
                      fazhi::SampleInput& core) {
  if (!input) return null_argument(kFn, "input");
  fz_sample_input in = FZ_SAMPLE_INPUT_INIT;
  if (fz_status s =
          read_struct(kFn, "input", "fz_sample_input", input, FZ_SAMPLE_INPUT_MIN_SIZE, in);
      s) {
    return s;
  }
  if (with_seed) {
    if (fz_status s = text_argument(kFn, "input->seed", in.seed); s) return s;
    core.seed = in.seed;
  }
  if (in.batch_id) {
    if (fz_status s = utf8_argument(kFn, "input->batch_id", in.batch_id); s) return s;
    core.batch_id = in.batch_id;
  }
  if (!in.targets) return null_argument(kFn, "input->targets");
  if (!in.inspectors) return null_argument(kFn, "input->inspectors");
  if (fz_status s =
          list_argument(kFn, "input->targets", in.targets, in.targets_count, core.targets);
      s) {
    return s;
  }
  if (fz_status s = list_argument(kFn, "input->inspectors", in.inspectors, in.inspectors_count,
                                  core.inspectors);
      s) {
    return s;
  }
  std::vector<std::string> who, what;
  if (fz_status s = list_argument(kFn, "input->conflict_inspectors", in.conflict_inspectors,
                                  in.conflicts_count, who);
      s) {
    return s;
  }
  if (fz_status s = list_argument(kFn, "input->conflict_targets", in.conflict_targets,
                                  in.conflicts_count, what);
      s) {
    return s;
  }
  for (size_t i = 0; i < who.size(); ++i) core.conflicts.push_back({who[i], what[i]});
  core.k = in.k;
  core.m = in.m;
  return FZ_OK;
}

// list_text_argument reads (text, text_len, form) of the list parsers.
fz_status list_text_argument(const char* kFn, const char* text, size_t text_len, int32_t form,
                             std::string_view& out) {
  if (!text && text_len != 0) return null_argument(kFn, "text");
  if (form != FZ_LIST_INLINE && form != FZ_LIST_FILE) {
    return invalid(kFn, absl::StrCat("form is ", form, ", not FZ_LIST_INLINE or FZ_LIST_FILE"));
  }
  out = text ? std::string_view(text, text_len) : std::string_view();
  if (out.find('\0') != std::string_view::npos) {
    return invalid(kFn, "text holds a NUL byte, which no id may hold");
  }
  return FZ_OK;
}
}  // namespace

}  // namespace fazhi::capi

// The entry points, at global scope so that they take fazhi.h's
// declarations (and their visibility); they use these of the namespace:
using fazhi::capi::clear_error;
using fazhi::capi::clear_string_out;
using fazhi::capi::draw_core;
using fazhi::capi::from_status_in;
using fazhi::capi::give_string;
using fazhi::capi::guard;
using fazhi::capi::list_text_argument;
using fazhi::capi::null_argument;
using fazhi::capi::sample_core;
using fazhi::capi::text_argument;

extern "C" {

fz_status fz_lottery_draw(const fz_draw_input* input, char** audit_json, size_t* len) {
  constexpr const char* kFn = "fz_lottery_draw";
  return guard([&] {
    clear_string_out(audit_json, len);
    if (!input) return null_argument(kFn, "input");
    if (!audit_json) return null_argument(kFn, "audit_json");
    fazhi::DrawInput core;
    if (fz_status s = draw_core(kFn, input, true, core); s) return s;
    absl::StatusOr<fazhi::DrawAudit> audit = fazhi::draw(core);
    if (!audit.ok()) return from_status_in(kFn, "input", audit.status());
    return give_string(fazhi::audit_to_json(*audit), audit_json, len);
  });
}

fz_status fz_sample_draw(const fz_sample_input* input, char** audit_json, size_t* len) {
  constexpr const char* kFn = "fz_sample_draw";
  return guard([&] {
    clear_string_out(audit_json, len);
    if (!input) return null_argument(kFn, "input");
    if (!audit_json) return null_argument(kFn, "audit_json");
    fazhi::SampleInput core;
    if (fz_status s = sample_core(kFn, input, true, core); s) return s;
    absl::StatusOr<fazhi::SampleAudit> audit = fazhi::sample(core);
    if (!audit.ok()) return from_status_in(kFn, "input", audit.status());
    return give_string(fazhi::audit_to_json(*audit), audit_json, len);
  });
}

fz_status fz_lottery_verify(const char* audit_json, char** summary, size_t* len) {
  constexpr const char* kFn = "fz_lottery_verify";
  return guard([&] {
    clear_string_out(summary, len);
    if (fz_status s = text_argument(kFn, "audit_json", audit_json); s) return s;
    absl::StatusOr<std::string> ok = fazhi::verify_audit_json(audit_json);
    if (!ok.ok()) return from_status_in(kFn, "audit record", ok.status());
    if (!summary) return clear_error();
    return give_string(*ok, summary, len);
  });
}

fz_status fz_lottery_announce(const fz_draw_input* input, char** announcement_json, size_t* len) {
  constexpr const char* kFn = "fz_lottery_announce";
  return guard([&] {
    clear_string_out(announcement_json, len);
    if (!input) return null_argument(kFn, "input");
    if (!announcement_json) return null_argument(kFn, "announcement_json");
    fazhi::DrawInput core;
    if (fz_status s = draw_core(kFn, input, false, core); s) return s;
    absl::StatusOr<std::string> json = fazhi::announce(core);
    if (!json.ok()) return from_status_in(kFn, "input", json.status());
    return give_string(*json, announcement_json, len);
  });
}

fz_status fz_sample_announce(const fz_sample_input* input, char** announcement_json, size_t* len) {
  constexpr const char* kFn = "fz_sample_announce";
  return guard([&] {
    clear_string_out(announcement_json, len);
    if (!input) return null_argument(kFn, "input");
    if (!announcement_json) return null_argument(kFn, "announcement_json");
    fazhi::SampleInput core;
    if (fz_status s = sample_core(kFn, input, false, core); s) return s;
    absl::StatusOr<std::string> json = fazhi::announce(core);
    if (!json.ok()) return from_status_in(kFn, "input", json.status());
    return give_string(*json, announcement_json, len);
  });
}

fz_status fz_lottery_verify_announced(const char* audit_json, const char* announcement_json,
                                      char** summary, size_t* len) {
  constexpr const char* kFn = "fz_lottery_verify_announced";
  return guard([&] {
    clear_string_out(summary, len);
    if (fz_status s = text_argument(kFn, "audit_json", audit_json); s) return s;
    if (fz_status s = text_argument(kFn, "announcement_json", announcement_json); s) return s;
    absl::StatusOr<std::string> ok = fazhi::verify_audit_json(audit_json, announcement_json);
    if (!ok.ok()) return from_status_in(kFn, "audit record", ok.status());
    if (!summary) return clear_error();
    return give_string(*ok, summary, len);
  });
}

fz_status fz_lottery_parse_ids(const char* text, size_t text_len, int32_t form, char** ids_json,
                               size_t* len) {
  constexpr const char* kFn = "fz_lottery_parse_ids";
  return guard([&] {
    clear_string_out(ids_json, len);
    if (!ids_json) return null_argument(kFn, "ids_json");
    std::string_view view;
    if (fz_status s = list_text_argument(kFn, text, text_len, form, view); s) return s;
    absl::StatusOr<std::vector<std::string>> ids =
        form == FZ_LIST_FILE ? fazhi::parse_id_file(view) : fazhi::parse_id_list(view);
    if (!ids.ok()) return from_status_in(kFn, "text", ids.status());
    return give_string(fazhi::ids_to_json(*ids), ids_json, len);
  });
}

fz_status fz_lottery_parse_conflicts(const char* text, size_t text_len, int32_t form,
                                     char** conflicts_json, size_t* len) {
  constexpr const char* kFn = "fz_lottery_parse_conflicts";
  return guard([&] {
    clear_string_out(conflicts_json, len);
    if (!conflicts_json) return null_argument(kFn, "conflicts_json");
    std::string_view view;
    if (fz_status s = list_text_argument(kFn, text, text_len, form, view); s) return s;
    absl::StatusOr<std::vector<fazhi::Conflict>> pairs =
        form == FZ_LIST_FILE ? fazhi::parse_conflict_file(view) : fazhi::parse_conflict_list(view);
    if (!pairs.ok()) return from_status_in(kFn, "text", pairs.status());
    return give_string(fazhi::conflicts_to_json(*pairs), conflicts_json, len);
  });
}


}  // extern "C"
