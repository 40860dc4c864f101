// records.cpp -- the lottery's published documents: audit records and
// announcements written and read back strictly, the one-line summaries, and
// verify_audit_json, which checks a record against itself and against its
// announcement. Also the JSON of parsed lists, and reading a record by name.
#include <nlohmann/json.hpp>
#include <set>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "fazhi/lottery.hpp"
#include "fazhi/text.hpp"
#include "lottery/lottery_internal.hpp"
#include "platform/file.hpp"

namespace fazhi {
using namespace internal::lottery;
namespace {

// ordered_json keeps keys in the order written, so a published record reads
// the way docs/lottery.md lists its fields.
using Json = nlohmann::ordered_json;

// ---- JSON reading: strict, because a record that parses loosely could carry
// a second "winner" that one reader sees and another does not.

absl::Status json_error(absl::string_view what, absl::string_view message) {
  return absl::InvalidArgumentError(absl::StrCat(what, ": ", message));
}

absl::StatusOr<Json> parse_strict(std::string_view text, absl::string_view what) {
  std::vector<std::set<std::string>> keys;
  std::string duplicate;
  Json::parser_callback_t track = [&](int, Json::parse_event_t event, Json& parsed) {
    using E = Json::parse_event_t;
    if (event == E::object_start) {
      keys.emplace_back();
    } else if (event == E::object_end && !keys.empty()) {
      keys.pop_back();
    } else if (event == E::key && !keys.empty() && parsed.is_string()) {
      if (!keys.back().insert(parsed.get_ref<const std::string&>()).second && duplicate.empty()) {
        duplicate = parsed.get_ref<const std::string&>();
      }
    }
    return true;
  };
  Json j = Json::parse(text.begin(), text.end(), track, /*allow_exceptions=*/false);
  if (j.is_discarded()) return json_error(what, "not valid JSON");
  if (!duplicate.empty())
    return json_error(what, absl::StrCat("key ", in_quotes(duplicate), " twice"));
  if (!j.is_object()) return json_error(what, "not a JSON object");
  return j;
}

// Fields reads the keys of one JSON object and, at the end, rejects any key
// it was not asked for.
class Fields {
 public:
  Fields(const Json& object, std::string what) : object_(object), what_(std::move(what)) {}

  absl::Status text(const char* key, std::string& out) {
    const Json* v = find(key);
    if (v == nullptr) return missing(key);
    if (!v->is_string()) return wrong(key, "a string");
    out = v->get_ref<const std::string&>();
    return absl::OkStatus();
  }

  absl::Status number(const char* key, uint64_t& out) {
    const Json* v = find(key);
    if (v == nullptr) return missing(key);
    if (!v->is_number_unsigned()) return wrong(key, "a whole number of 0 or more");
    out = v->get<uint64_t>();
    return absl::OkStatus();
  }

  absl::Status texts(const char* key, std::vector<std::string>& out) {
    const Json* v = find(key);
    if (v == nullptr) return missing(key);
    if (!v->is_array()) return wrong(key, "a list of strings");
    out.clear();
    for (const Json& item : *v) {
      if (!item.is_string()) return wrong(key, "a list of strings");
      out.push_back(item.get_ref<const std::string&>());
    }
    return absl::OkStatus();
  }

  absl::Status objects(const char* key, std::vector<const Json*>& out) {
    const Json* v = find(key);
    if (v == nullptr) return missing(key);
    if (!v->is_array()) return wrong(key, "a list of objects");
    out.clear();
    for (const Json& item : *v) {
      if (!item.is_object()) return wrong(key, "a list of objects");
      out.push_back(&item);
    }
    return absl::OkStatus();
  }

  absl::Status scheme(std::string_view expected) {
    std::string s;
    if (absl::Status st = text("scheme", s); !st.ok()) return st;
    if (s != expected) {
      return json_error(what_, absl::StrCat("scheme is ", in_quotes(s), ", expected ",
                                            in_quotes(absl_view(expected))));
    }
    return absl::OkStatus();
  }

  // format reads the optional "format": absent is format 1, else 2 (the
  // only later format so far).
  absl::Status format(uint64_t& out) {
    if (object_.find("format") == object_.end()) {
      out = 1;
      return absl::OkStatus();
    }
    if (absl::Status s = number("format", out); !s.ok()) return s;
    if (out != kAuditFormat) {
      return json_error(what_, absl::StrCat("format ", out, " is not one this fazhi reads (1 or ",
                                            kAuditFormat, ")"));
    }
    return absl::OkStatus();
  }

  // commitment reads "announcement_sha256", which format 2 requires.
  absl::Status commitment(uint64_t format, std::string& out) {
    return format == 1 ? absl::OkStatus() : text("announcement_sha256", out);
  }

  absl::Status pick(Pick& out) {
    if (absl::Status s = number("index", out.index); !s.ok()) return s;
    if (absl::Status s = number("counter", out.counter); !s.ok()) return s;
    return text("hash", out.hash);
  }

  absl::Status finish() const {
    for (auto it = object_.begin(); it != object_.end(); ++it) {
      if (!read_.contains(it.key())) {
        return json_error(what_, absl::StrCat("unknown key ", in_quotes(it.key())));
      }
    }
    return absl::OkStatus();
  }

  const std::string& what() const { return what_; }

 private:
  const Json* find(const char* key) {
    read_.insert(key);
    auto it = object_.find(key);
    return it == object_.end() ? nullptr : &*it;
  }
  absl::Status missing(const char* key) const {
    return json_error(what_, absl::StrCat("no ", in_quotes(key)));
  }
  absl::Status wrong(const char* key, absl::string_view expected) const {
    return json_error(what_, absl::StrCat(in_quotes(key), " is not ", expected));
  }

  const Json& object_;
  std::string what_;
  std::set<std::string> read_;
};

Json conflicts_json(const std::vector<Conflict>& conflicts) {
  Json out = Json::array();
  for (const Conflict& c : conflicts) {
    out.push_back(Json{{"inspector", c.inspector}, {"target", c.target}});
  }
  return out;
}

// announced_mismatch says which check failed: the record may agree with
// itself and still not be the draw that was announced.
absl::Status announced_mismatch(const absl::Status& s) {
  if (s.ok()) return s;
  return absl::FailedPreconditionError(
      absl::StrCat("the record's inputs are not the announced ones: ", s.message()));
}

Json pick_json(const Pick& p) {
  return Json{{"index", p.index}, {"counter", p.counter}, {"hash", p.hash}};
}

std::string dump(const Json& j) {
  // Every string was checked as UTF-8 on the way in; `replace` only keeps the
  // dump from throwing should a hand-built audit slip past that.
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

absl::Status read_conflicts(const std::vector<const Json*>& objects, const std::string& what,
                            std::vector<Conflict>& out) {
  for (size_t i = 0; i < objects.size(); ++i) {
    Conflict c;
    Fields cf(*objects[i], absl::StrCat(what, ", conflicts[", i, "]"));
    absl::Status s =
        first_error([&] { return cf.text("inspector", c.inspector); },
                    [&] { return cf.text("target", c.target); }, [&] { return cf.finish(); });
    if (!s.ok()) return s;
    out.push_back(std::move(c));
  }
  return absl::OkStatus();
}

absl::StatusOr<DrawAudit> draw_from(const Json& j) {
  DrawAudit a;
  Fields f(j, "draw audit record");
  absl::Status s = first_error(
      [&] { return f.scheme(kLotteryScheme); }, [&] { return f.format(a.format); },
      [&] { return f.text("seed", a.input.seed); },
      [&] { return f.text("case_id", a.input.case_id); },
      [&] { return f.texts("answered", a.input.answered); },
      [&] { return f.texts("conflicts", a.input.conflicts); },
      [&] { return f.texts("at_cap", a.input.at_cap); },
      [&] { return f.commitment(a.format, a.announcement_sha256); },
      [&] { return f.texts("pool", a.pool); }, [&] { return f.text("pool_sha256", a.pool_sha256); },
      [&] { return f.number("index", a.index); }, [&] { return f.text("winner", a.winner); },
      [&] { return f.number("counter", a.counter); }, [&] { return f.text("hash", a.hash); },
      [&] { return f.finish(); });
  if (!s.ok()) return s;
  return a;
}

absl::StatusOr<SampleAudit> sample_from(const Json& j) {
  SampleAudit a;
  Fields f(j, "sample audit record");
  std::vector<const Json*> conflicts, draws;
  absl::Status s = first_error(
      [&] { return f.scheme(kSampleScheme); }, [&] { return f.format(a.format); },
      [&] { return f.text("seed", a.input.seed); },
      [&] { return f.text("batch_id", a.input.batch_id); },
      [&] { return f.texts("targets", a.input.targets); },
      [&] { return f.text("targets_sha256", a.targets_sha256); },
      [&] { return f.number("k", a.input.k); },
      [&] { return f.texts("inspectors", a.input.inspectors); },
      [&] { return f.text("inspectors_sha256", a.inspectors_sha256); },
      [&] { return f.number("m", a.input.m); }, [&] { return f.objects("conflicts", conflicts); },
      [&] { return f.commitment(a.format, a.announcement_sha256); },
      [&] { return f.objects("draws", draws); }, [&] { return f.finish(); });
  if (!s.ok()) return s;
  if (s = read_conflicts(conflicts, f.what(), a.input.conflicts); !s.ok()) return s;
  for (size_t i = 0; i < draws.size(); ++i) {
    SampledTarget t;
    std::vector<const Json*> team;
    Fields tf(*draws[i], absl::StrCat(f.what(), ", draws[", i, "]"));
    s = first_error([&] { return tf.text("target", t.target); }, [&] { return tf.pick(t.pick); },
                    [&] { return tf.objects("team", team); }, [&] { return tf.finish(); });
    if (!s.ok()) return s;
    for (size_t r = 0; r < team.size(); ++r) {
      SampledInspector m;
      Fields mf(*team[r], absl::StrCat(tf.what(), ".team[", r, "]"));
      s = first_error([&] { return mf.text("inspector", m.inspector); },
                      [&] { return mf.pick(m.pick); }, [&] { return mf.finish(); });
      if (!s.ok()) return s;
      t.team.push_back(std::move(m));
    }
    a.draws.push_back(std::move(t));
  }
  return a;
}

}  // namespace

std::string audit_to_json(const DrawAudit& a) {
  Json j{{"scheme", std::string(kLotteryScheme)}};
  if (a.format != 1) j["format"] = a.format;
  j.update(Json{{"seed", a.input.seed},
                {"case_id", a.input.case_id},
                {"answered", a.input.answered},
                {"conflicts", a.input.conflicts},
                {"at_cap", a.input.at_cap}});
  if (a.format != 1) j["announcement_sha256"] = a.announcement_sha256;
  j.update(Json{{"pool", a.pool},
                {"pool_sha256", a.pool_sha256},
                {"index", a.index},
                {"winner", a.winner},
                {"counter", a.counter},
                {"hash", a.hash}});
  return dump(j);
}

absl::StatusOr<DrawAudit> audit_from_json(std::string_view json) {
  absl::StatusOr<Json> j = parse_strict(json, "draw audit record");
  if (!j.ok()) return j.status();
  return draw_from(*j);
}

std::string audit_to_json(const SampleAudit& a) {
  Json conflicts = conflicts_json(a.input.conflicts), draws = Json::array();
  for (const SampledTarget& t : a.draws) {
    Json team = Json::array();
    for (const SampledInspector& m : t.team) {
      Json member{{"inspector", m.inspector}};
      member.update(pick_json(m.pick));
      team.push_back(std::move(member));
    }
    Json d{{"target", t.target}};
    d.update(pick_json(t.pick));
    d["team"] = std::move(team);
    draws.push_back(std::move(d));
  }
  Json j{{"scheme", std::string(kSampleScheme)}};
  if (a.format != 1) j["format"] = a.format;
  j.update(Json{{"seed", a.input.seed},
                {"batch_id", a.input.batch_id},
                {"targets", a.input.targets},
                {"targets_sha256", a.targets_sha256},
                {"k", a.input.k},
                {"inspectors", a.input.inspectors},
                {"inspectors_sha256", a.inspectors_sha256},
                {"m", a.input.m},
                {"conflicts", std::move(conflicts)}});
  if (a.format != 1) j["announcement_sha256"] = a.announcement_sha256;
  j["draws"] = std::move(draws);
  return dump(j);
}

absl::StatusOr<SampleAudit> sample_audit_from_json(std::string_view json) {
  absl::StatusOr<Json> j = parse_strict(json, "sample audit record");
  if (!j.ok()) return j.status();
  return sample_from(*j);
}

std::string summary(const DrawAudit& a) {
  return absl::StrCat("case ", display_text(a.input.case_id), ": ", display_text(a.winner),
                      " drawn (index ", a.index, " of ", a.pool.size(), " eligible; ",
                      a.input.answered.size(), " answered)");
}

std::string summary(const SampleAudit& a) {
  std::string out = a.input.batch_id.empty() ? std::string("sample")
                                             : absl::StrCat("batch ", display_text(a.input.batch_id));
  absl::StrAppend(&out, ": ", a.draws.size(), " of ", a.input.targets.size(), " targets");
  for (size_t j = 0; j < a.draws.size(); ++j) {
    absl::StrAppend(&out, j == 0 ? ": " : "; ", display_text(a.draws[j].target), " (");
    absl::StrAppend(&out,
                    absl::StrJoin(a.draws[j].team, ", ",
                                  [](std::string* o, const SampledInspector& m) {
                                    absl::StrAppend(o, display_text(m.inspector));
                                  }),
                    ")");
  }
  return out;
}

// ---- announcements

absl::StatusOr<std::string> announce(const DrawInput& input) {
  absl::StatusOr<DrawAudit> a = canonical_draw(input);
  if (!a.ok()) return a.status();
  return dump(Json{{"scheme", std::string(kLotteryAnnouncementScheme)},
                   {"case_id", a->input.case_id},
                   {"answered", a->input.answered},
                   {"conflicts", a->input.conflicts},
                   {"at_cap", a->input.at_cap},
                   {"announcement_sha256", a->announcement_sha256}});
}

absl::StatusOr<std::string> announce(const SampleInput& input) {
  absl::StatusOr<SampleAudit> a = canonical_sample(input);
  if (!a.ok()) return a.status();
  return dump(Json{{"scheme", std::string(kSampleAnnouncementScheme)},
                   {"batch_id", a->input.batch_id},
                   {"targets", a->input.targets},
                   {"k", a->input.k},
                   {"inspectors", a->input.inspectors},
                   {"m", a->input.m},
                   {"conflicts", conflicts_json(a->input.conflicts)},
                   {"announcement_sha256", a->announcement_sha256}});
}

absl::StatusOr<Announcement> announcement_from_json(std::string_view json) {
  constexpr absl::string_view kWhat = "announcement";
  absl::StatusOr<Json> j = parse_strict(json, kWhat);
  if (!j.ok()) return j.status();
  Announcement out;
  Fields f(*j, std::string(kWhat));
  if (absl::Status s = f.text("scheme", out.scheme); !s.ok()) return s;
  // The announcement must hash to its own commitment, its lists recorded in
  // canonical order, or it does not say what it claims to fix.
  std::string recomputed;
  absl::Status s;
  if (out.scheme == kLotteryAnnouncementScheme) {
    DrawInput& in = out.draw;
    s = first_error([&] { return f.text("case_id", in.case_id); },
                    [&] { return f.texts("answered", in.answered); },
                    [&] { return f.texts("conflicts", in.conflicts); },
                    [&] { return f.texts("at_cap", in.at_cap); },
                    [&] { return f.text("announcement_sha256", out.announcement_sha256); },
                    [&] { return f.finish(); });
    if (!s.ok()) return s;
    absl::StatusOr<DrawAudit> c = canonical_draw(in);
    if (!c.ok()) return invalid_inputs(c.status());
    s = first_error(
        [&] { return compare("answered (canonical order)", in.answered, c->input.answered); },
        [&] { return compare("conflicts (canonical order)", in.conflicts, c->input.conflicts); },
        [&] { return compare("at_cap (canonical order)", in.at_cap, c->input.at_cap); });
    recomputed = c->announcement_sha256;
  } else if (out.scheme == kSampleAnnouncementScheme) {
    SampleInput& in = out.sample;
    std::vector<const Json*> conflicts;
    s = first_error(
        [&] { return f.text("batch_id", in.batch_id); },
        [&] { return f.texts("targets", in.targets); }, [&] { return f.number("k", in.k); },
        [&] { return f.texts("inspectors", in.inspectors); }, [&] { return f.number("m", in.m); },
        [&] { return f.objects("conflicts", conflicts); },
        [&] { return f.text("announcement_sha256", out.announcement_sha256); },
        [&] { return f.finish(); },
        [&] { return read_conflicts(conflicts, f.what(), in.conflicts); });
    if (!s.ok()) return s;
    absl::StatusOr<SampleAudit> c = canonical_sample(in);
    if (!c.ok()) return invalid_inputs(c.status());
    s = first_error(
        [&] { return compare("targets (canonical order)", in.targets, c->input.targets); },
        [&] { return compare("inspectors (canonical order)", in.inspectors, c->input.inspectors); },
        [&] {
          return in.conflicts == c->input.conflicts
                     ? absl::OkStatus()
                     : absl::FailedPreconditionError(
                           "conflicts does not match: not in canonical order "
                           "(sorted by inspector, then target)");
        });
    recomputed = c->announcement_sha256;
  } else {
    return json_error(kWhat,
                      absl::StrCat("unknown scheme ", in_quotes(out.scheme), " (this fazhi reads ",
                                   absl_view(kLotteryAnnouncementScheme), " and ",
                                   absl_view(kSampleAnnouncementScheme), ")"));
  }
  if (s.ok()) s = compare("announcement_sha256", out.announcement_sha256, recomputed);
  if (!s.ok()) {
    return absl::Status(s.code(),
                        absl::StrCat("the announcement does not match itself: ", s.message()));
  }
  return out;
}

namespace {

// against_announcement names the first announced input the record's inputs
// differ from, then compares the commitments (which cover them all).
absl::Status against_announcement(const DrawAudit& a, const Announcement& ann) {
  if (ann.scheme != kLotteryAnnouncementScheme) {
    return absl::FailedPreconditionError(absl::StrCat(
        "the announcement is of scheme ", in_quotes(ann.scheme), ", not of a lottery draw"));
  }
  absl::StatusOr<DrawAudit> c = canonical_draw(a.input);
  if (!c.ok()) return invalid_inputs(c.status());
  return announced_mismatch(first_error(
      [&] { return compare("case_id", a.input.case_id, ann.draw.case_id); },
      [&] { return compare("answered", a.input.answered, ann.draw.answered); },
      [&] { return compare("conflicts", a.input.conflicts, ann.draw.conflicts); },
      [&] { return compare("at_cap", a.input.at_cap, ann.draw.at_cap); },
      [&] {
        return compare("announcement_sha256", c->announcement_sha256, ann.announcement_sha256);
      }));
}

absl::Status against_announcement(const SampleAudit& a, const Announcement& ann) {
  if (ann.scheme != kSampleAnnouncementScheme) {
    return absl::FailedPreconditionError(absl::StrCat(
        "the announcement is of scheme ", in_quotes(ann.scheme), ", not of a 双随机 sample"));
  }
  absl::StatusOr<SampleAudit> c = canonical_sample(a.input);
  if (!c.ok()) return invalid_inputs(c.status());
  const SampleInput& in = a.input;
  return announced_mismatch(first_error(
      [&] { return compare("batch_id", in.batch_id, ann.sample.batch_id); },
      [&] { return compare("targets", in.targets, ann.sample.targets); },
      [&] { return compare("k", in.k, ann.sample.k); },
      [&] { return compare("inspectors", in.inspectors, ann.sample.inspectors); },
      [&] { return compare("m", in.m, ann.sample.m); },
      [&] {
        return in.conflicts == ann.sample.conflicts ? absl::OkStatus()
                                                    : absl::FailedPreconditionError(
                                                          "conflicts does not match: the record's "
                                                          "conflicts are not the announced ones");
      },
      [&] {
        return compare("announcement_sha256", c->announcement_sha256, ann.announcement_sha256);
      }));
}

// verify_json verifies a record of either scheme and, given an announcement,
// checks the record's inputs against it.
absl::StatusOr<std::string> verify_json(std::string_view json, const Announcement* announced) {
  absl::StatusOr<Json> j = parse_strict(json, "audit record");
  if (!j.ok()) return j.status();
  auto scheme = j->find("scheme");
  if (scheme == j->end() || !scheme->is_string()) {
    return json_error("audit record", "no 'scheme' string");
  }
  const std::string& name = scheme->get_ref<const std::string&>();
  if (name == kLotteryScheme) {
    absl::StatusOr<DrawAudit> a = draw_from(*j);
    if (!a.ok()) return a.status();
    if (absl::Status s = verify(*a); !s.ok()) return s;
    if (announced != nullptr) {
      if (absl::Status s = against_announcement(*a, *announced); !s.ok()) return s;
    }
    return summary(*a);
  }
  if (name == kSampleScheme) {
    absl::StatusOr<SampleAudit> a = sample_from(*j);
    if (!a.ok()) return a.status();
    if (absl::Status s = verify(*a); !s.ok()) return s;
    if (announced != nullptr) {
      if (absl::Status s = against_announcement(*a, *announced); !s.ok()) return s;
    }
    return summary(*a);
  }
  return json_error("audit record", absl::StrCat("unknown scheme ", in_quotes(name),
                                                 " (this fazhi reads ", absl_view(kLotteryScheme),
                                                 " and ", absl_view(kSampleScheme), ")"));
}

}  // namespace

absl::StatusOr<std::string> verify_audit_json(std::string_view json) {
  return verify_json(json, nullptr);
}

absl::StatusOr<std::string> verify_audit_json(std::string_view json,
                                              std::string_view announcement_json) {
  absl::StatusOr<Announcement> ann = announcement_from_json(announcement_json);
  if (!ann.ok()) return ann.status();
  return verify_json(json, &*ann);
}

std::string ids_to_json(std::span<const std::string> ids) {
  return Json(std::vector<std::string>(ids.begin(), ids.end())).dump();
}

std::string conflicts_to_json(std::span<const Conflict> conflicts) {
  return conflicts_json(std::vector<Conflict>(conflicts.begin(), conflicts.end())).dump();
}

absl::StatusOr<std::string> read_audit_file(const std::string& path) {
  return internal::read_small_file(path, to_valid_utf8(path), internal::kMaxAuditBytes);
}

absl::StatusOr<std::string> read_audit_stdin() {
  return internal::read_capped(0, "stdin", internal::kMaxAuditBytes);
}

}  // namespace fazhi
