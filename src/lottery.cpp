#include "fazhi/lottery.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <bit>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "fazhi/text.hpp"

namespace fazhi {
namespace {

// ordered_json keeps keys in the order written, so a published record reads
// the way docs/lottery.md lists its fields.
using Json = nlohmann::ordered_json;
using Digest = std::array<unsigned char, 32>;

// Each field carries its length as 4 bytes.
constexpr uint64_t kMaxFieldBytes = 0xFFFFFFFFu;

Digest sha256(std::string_view bytes) {
  Digest d{};
  unsigned int len = 0;
  // EVP_Digest fails only when the library cannot allocate or has no SHA-256,
  // which no supported libcrypto lacks; an all-zero digest then never verifies.
  if (EVP_Digest(bytes.data(), bytes.size(), d.data(), &len, EVP_sha256(), nullptr) != 1) {
    d.fill(0);
  }
  return d;
}

std::string to_hex(const Digest& d) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(d.size() * 2);
  for (unsigned char b : d) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 0x0F]);
  }
  return out;
}

void put_be(std::string& out, uint64_t value, int bytes) {
  for (int i = bytes - 1; i >= 0; --i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}

void put_field(std::string& out, std::string_view s) {
  put_be(out, s.size(), 4);
  out.append(s);
}

bool is_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto lead = static_cast<unsigned char>(s[i]);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    size_t len = 0;
    uint32_t cp = 0, least = 0;
    if ((lead & 0xE0) == 0xC0) {
      len = 2, cp = lead & 0x1F, least = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
      len = 3, cp = lead & 0x0F, least = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
      len = 4, cp = lead & 0x07, least = 0x10000;
    } else {
      return false;
    }
    if (s.size() - i < len) return false;
    for (size_t k = 1; k < len; ++k) {
      const auto c = static_cast<unsigned char>(s[i + k]);
      if ((c & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (c & 0x3F);
    }
    // Overlong forms and surrogates would give one text two encodings.
    if (cp < least || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
  }
  return true;
}

absl::Status check_text(absl::string_view what, std::string_view s) {
  if (s.size() > kMaxFieldBytes) {
    return absl::InvalidArgumentError(absl::StrCat(what, " is 4 GiB or longer"));
  }
  if (!is_utf8(s)) return absl::InvalidArgumentError(absl::StrCat(what, " is not valid UTF-8"));
  return absl::OkStatus();
}

absl::Status check_seed(std::string_view seed) {
  if (seed.empty()) {
    return absl::InvalidArgumentError(
        "the seed is empty: a draw needs the seed that was announced before it");
  }
  return check_text("the seed", seed);
}

std::string in_quotes(absl::string_view s) { return absl::StrCat("'", s, "'"); }

// canonical_ids is the one place a list becomes canonical: every id checked,
// sorted by UTF-8 bytes (std::string compares as unsigned char, which is also
// code-point order), duplicates rejected rather than silently merged.
absl::StatusOr<std::vector<std::string>> canonical_ids(absl::string_view what,
                                                       std::vector<std::string> ids) {
  for (size_t i = 0; i < ids.size(); ++i) {
    if (ids[i].empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("an empty id in ", what, " (item ", i + 1, " of ", ids.size(), ")"));
    }
    if (absl::Status s = check_text(absl::StrCat("an id in ", what), ids[i]); !s.ok()) return s;
  }
  std::sort(ids.begin(), ids.end());
  if (auto dup = std::adjacent_find(ids.begin(), ids.end()); dup != ids.end()) {
    return absl::InvalidArgumentError(
        absl::StrCat("duplicate id in ", what, ": ", in_quotes(*dup)));
  }
  return ids;
}

bool contains(const std::vector<std::string>& sorted, const std::string& id) {
  return std::binary_search(sorted.begin(), sorted.end(), id);
}

// Verification reports the first recorded field that differs from the
// recomputation, with both values, so a clerk sees what was changed.
absl::Status field_mismatch(absl::string_view field, absl::string_view recorded,
                            absl::string_view recomputed) {
  return absl::FailedPreconditionError(absl::StrCat(field, " does not match: the record says ",
                                                    recorded, ", recomputed ", recomputed));
}

std::string list_text(const std::vector<std::string>& ids) {
  return absl::StrCat("[",
                      absl::StrJoin(ids, ", ",
                                    [](std::string* out, const std::string& s) {
                                      absl::StrAppend(out, in_quotes(s));
                                    }),
                      "]");
}

absl::Status compare(absl::string_view field, const std::string& recorded,
                     const std::string& recomputed) {
  return recorded == recomputed ? absl::OkStatus()
                                : field_mismatch(field, in_quotes(recorded), in_quotes(recomputed));
}

absl::Status compare(absl::string_view field, uint64_t recorded, uint64_t recomputed) {
  return recorded == recomputed
             ? absl::OkStatus()
             : field_mismatch(field, absl::StrCat(recorded), absl::StrCat(recomputed));
}

absl::Status compare(absl::string_view field, const std::vector<std::string>& recorded,
                     const std::vector<std::string>& recomputed) {
  return recorded == recomputed ? absl::OkStatus()
                                : field_mismatch(field, list_text(recorded), list_text(recomputed));
}

// A pick is checked counter first: a changed seed or id shows as a changed
// hash, a changed counter as itself.
absl::Status compare(absl::string_view field, const Pick& recorded, const Pick& recomputed) {
  if (auto s = compare(absl::StrCat(field, "counter"), recorded.counter, recomputed.counter);
      !s.ok()) {
    return s;
  }
  if (recorded.hash != recomputed.hash) {
    return field_mismatch(absl::StrCat(field, "hash"), in_quotes(recorded.hash),
                          absl::StrCat(in_quotes(recomputed.hash),
                                       " (the hash follows the seed, the id and the counter)"));
  }
  return compare(absl::StrCat(field, "index"), recorded.index, recomputed.index);
}

absl::Status invalid_inputs(const absl::Status& s) {
  return absl::Status(s.code(), absl::StrCat("the record's inputs are not valid: ", s.message()));
}

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

// Statuses are chained with this macro-free helper: the first error wins.
template <typename... Steps>
absl::Status first_error(Steps&&... steps) {
  absl::Status result;
  ((result.ok() ? (void)(result = steps()) : (void)0), ...);
  return result;
}

Json pick_json(const Pick& p) {
  return Json{{"index", p.index}, {"counter", p.counter}, {"hash", p.hash}};
}

std::string dump(const Json& j) {
  // Every string was checked as UTF-8 on the way in; `replace` only keeps the
  // dump from throwing should a hand-built audit slip past that.
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

absl::StatusOr<DrawAudit> draw_from(const Json& j) {
  DrawAudit a;
  Fields f(j, "draw audit record");
  absl::Status s = first_error(
      [&] { return f.scheme(kLotteryScheme); }, [&] { return f.text("seed", a.input.seed); },
      [&] { return f.text("case_id", a.input.case_id); },
      [&] { return f.texts("answered", a.input.answered); },
      [&] { return f.texts("conflicts", a.input.conflicts); },
      [&] { return f.texts("at_cap", a.input.at_cap); }, [&] { return f.texts("pool", a.pool); },
      [&] { return f.text("pool_sha256", a.pool_sha256); },
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
      [&] { return f.scheme(kSampleScheme); }, [&] { return f.text("seed", a.input.seed); },
      [&] { return f.text("batch_id", a.input.batch_id); },
      [&] { return f.texts("targets", a.input.targets); },
      [&] { return f.text("targets_sha256", a.targets_sha256); },
      [&] { return f.number("k", a.input.k); },
      [&] { return f.texts("inspectors", a.input.inspectors); },
      [&] { return f.text("inspectors_sha256", a.inspectors_sha256); },
      [&] { return f.number("m", a.input.m); }, [&] { return f.objects("conflicts", conflicts); },
      [&] { return f.objects("draws", draws); }, [&] { return f.finish(); });
  if (!s.ok()) return s;
  for (size_t i = 0; i < conflicts.size(); ++i) {
    Conflict c;
    Fields cf(*conflicts[i], absl::StrCat(f.what(), ", conflicts[", i, "]"));
    s = first_error([&] { return cf.text("inspector", c.inspector); },
                    [&] { return cf.text("target", c.target); }, [&] { return cf.finish(); });
    if (!s.ok()) return s;
    a.input.conflicts.push_back(std::move(c));
  }
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

std::string draw_message(std::string_view scheme, std::string_view seed,
                         std::span<const std::string> fields, uint64_t counter) {
  std::string out;
  put_field(out, scheme);
  put_field(out, seed);
  for (const std::string& f : fields) put_field(out, f);
  put_be(out, counter, 8);
  return out;
}

absl::StatusOr<Pick> pick_index(std::string_view scheme, std::string_view seed,
                                std::span<const std::string> fields, uint64_t n) {
  if (n == 0) return absl::InvalidArgumentError("nothing to draw from: the list is empty");
  if (absl::Status s = check_seed(seed); !s.ok()) return s;
  if (absl::Status s = check_text("the scheme", scheme); !s.ok()) return s;
  for (const std::string& f : fields) {
    if (absl::Status s = check_text("a field", f); !s.ok()) return s;
  }
  // Keep the low b bits, b the bit length of n - 1: each kept value is equally
  // likely, and one below n is accepted with probability over 1/2.
  const auto bits = static_cast<unsigned>(std::bit_width(n - 1));
  const uint64_t mask = bits == 64 ? ~uint64_t{0} : (uint64_t{1} << bits) - 1;
  for (uint64_t counter = 0;; ++counter) {
    const Digest d = sha256(draw_message(scheme, seed, fields, counter));
    uint64_t value = 0;
    for (int i = 0; i < 8; ++i) value = (value << 8) | d[i];
    value &= mask;
    if (value < n) return Pick{value, counter, to_hex(d)};
  }
}

std::string list_sha256(std::span<const std::string> ids) {
  std::string bytes;
  for (const std::string& id : ids) put_field(bytes, id);
  return to_hex(sha256(bytes));
}

absl::StatusOr<DrawAudit> draw(const DrawInput& input) {
  if (absl::Status s = check_seed(input.seed); !s.ok()) return s;
  if (input.case_id.empty()) return absl::InvalidArgumentError("the case id is empty");
  if (absl::Status s = check_text("the case id", input.case_id); !s.ok()) return s;
  if (input.answered.empty()) {
    return absl::InvalidArgumentError("the pool is empty: no lawyer answered the invitation");
  }
  DrawAudit a;
  a.input.seed = input.seed;
  a.input.case_id = input.case_id;
  for (auto [what, from, to] :
       {std::tuple{"the lawyers who answered", &input.answered, &a.input.answered},
        std::tuple{"the conflicts of interest", &input.conflicts, &a.input.conflicts},
        std::tuple{"the lawyers at their caseload cap", &input.at_cap, &a.input.at_cap}}) {
    absl::StatusOr<std::vector<std::string>> ids = canonical_ids(what, *from);
    if (!ids.ok()) return ids.status();
    *to = *std::move(ids);
  }
  size_t conflicted = 0, capped = 0;
  for (const std::string& id : a.input.answered) {
    const bool c = contains(a.input.conflicts, id), full = contains(a.input.at_cap, id);
    conflicted += c;
    capped += full;
    if (!c && !full) a.pool.push_back(id);
  }
  if (a.pool.empty()) {
    return absl::FailedPreconditionError(
        absl::StrCat("the pool is empty after exclusions: all ", a.input.answered.size(),
                     " lawyers who answered are excluded (", conflicted,
                     " for a conflict of interest, ", capped, " at their caseload cap)"));
  }
  const std::string fields[] = {a.input.case_id};
  absl::StatusOr<Pick> p = pick_index(kLotteryScheme, a.input.seed, fields, a.pool.size());
  if (!p.ok()) return p.status();
  a.pool_sha256 = list_sha256(a.pool);
  a.index = p->index;
  a.winner = a.pool[p->index];
  a.counter = p->counter;
  a.hash = std::move(p->hash);
  return a;
}

absl::Status verify(const DrawAudit& audit) {
  absl::StatusOr<DrawAudit> re = draw(audit.input);
  if (!re.ok()) return invalid_inputs(re.status());
  return first_error(
      [&] {
        return compare("answered (canonical order)", audit.input.answered, re->input.answered);
      },
      [&] {
        return compare("conflicts (canonical order)", audit.input.conflicts, re->input.conflicts);
      },
      [&] { return compare("at_cap (canonical order)", audit.input.at_cap, re->input.at_cap); },
      [&] { return compare("pool", audit.pool, re->pool); },
      [&] { return compare("pool_sha256", audit.pool_sha256, re->pool_sha256); },
      [&] {
        return compare("", Pick{audit.index, audit.counter, audit.hash},
                       Pick{re->index, re->counter, re->hash});
      },
      [&] { return compare("winner", audit.winner, re->winner); });
}

std::string audit_to_json(const DrawAudit& a) {
  return dump(Json{{"scheme", std::string(kLotteryScheme)},
                   {"seed", a.input.seed},
                   {"case_id", a.input.case_id},
                   {"answered", a.input.answered},
                   {"conflicts", a.input.conflicts},
                   {"at_cap", a.input.at_cap},
                   {"pool", a.pool},
                   {"pool_sha256", a.pool_sha256},
                   {"index", a.index},
                   {"winner", a.winner},
                   {"counter", a.counter},
                   {"hash", a.hash}});
}

absl::StatusOr<DrawAudit> audit_from_json(std::string_view json) {
  absl::StatusOr<Json> j = parse_strict(json, "draw audit record");
  if (!j.ok()) return j.status();
  return draw_from(*j);
}

absl::StatusOr<SampleAudit> sample(const SampleInput& input) {
  if (absl::Status s = check_seed(input.seed); !s.ok()) return s;
  if (absl::Status s = check_text("the batch id", input.batch_id); !s.ok()) return s;
  if (input.targets.empty()) return absl::InvalidArgumentError("the list of targets is empty");
  if (input.inspectors.empty())
    return absl::InvalidArgumentError("the roster of inspectors is empty");
  if (input.k == 0) return absl::InvalidArgumentError("k is 0: choose at least one target");
  if (input.m == 0)
    return absl::InvalidArgumentError("m is 0: a team needs at least one inspector");
  if (input.k > input.targets.size()) {
    return absl::InvalidArgumentError(absl::StrCat("k = ", input.k, " is larger than the list of ",
                                                   input.targets.size(), " targets"));
  }
  if (input.m > input.inspectors.size()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "m = ", input.m, " is larger than the roster of ", input.inspectors.size(), " inspectors"));
  }
  SampleAudit a;
  a.input.seed = input.seed;
  a.input.batch_id = input.batch_id;
  a.input.k = input.k;
  a.input.m = input.m;
  for (auto [what, from, to] :
       {std::tuple{"the targets", &input.targets, &a.input.targets},
        std::tuple{"the inspectors", &input.inspectors, &a.input.inspectors}}) {
    absl::StatusOr<std::vector<std::string>> ids = canonical_ids(what, *from);
    if (!ids.ok()) return ids.status();
    *to = *std::move(ids);
  }
  a.input.conflicts = input.conflicts;
  for (const Conflict& c : a.input.conflicts) {
    if (c.inspector.empty() || c.target.empty()) {
      return absl::InvalidArgumentError("a conflict with an empty inspector or target");
    }
    if (absl::Status s = check_text("a conflict's inspector", c.inspector); !s.ok()) return s;
    if (absl::Status s = check_text("a conflict's target", c.target); !s.ok()) return s;
  }
  std::sort(a.input.conflicts.begin(), a.input.conflicts.end());
  if (auto dup = std::adjacent_find(a.input.conflicts.begin(), a.input.conflicts.end());
      dup != a.input.conflicts.end()) {
    return absl::InvalidArgumentError(absl::StrCat("duplicate conflict: inspector ",
                                                   in_quotes(dup->inspector), ", target ",
                                                   in_quotes(dup->target)));
  }
  a.targets_sha256 = list_sha256(a.input.targets);
  a.inspectors_sha256 = list_sha256(a.input.inspectors);

  std::vector<std::string> remaining = a.input.targets;
  for (uint64_t j = 0; j < a.input.k; ++j) {
    const std::string fields[] = {a.input.batch_id, "target", absl::StrCat(j)};
    absl::StatusOr<Pick> p = pick_index(kSampleScheme, a.input.seed, fields, remaining.size());
    if (!p.ok()) return p.status();
    SampledTarget t;
    t.target = std::move(remaining[p->index]);
    remaining.erase(remaining.begin() + static_cast<std::ptrdiff_t>(p->index));
    t.pick = *std::move(p);

    std::vector<std::string> eligible;
    for (const std::string& i : a.input.inspectors) {
      if (!std::binary_search(a.input.conflicts.begin(), a.input.conflicts.end(),
                              Conflict{i, t.target})) {
        eligible.push_back(i);
      }
    }
    if (eligible.size() < a.input.m) {
      return absl::FailedPreconditionError(
          absl::StrCat("target ", in_quotes(t.target), " needs a team of m = ", a.input.m,
                       "; inspectors without a conflict with it: ", eligible.size(), " of ",
                       a.input.inspectors.size()));
    }
    for (uint64_t r = 0; r < a.input.m; ++r) {
      const std::string team_fields[] = {a.input.batch_id, "inspector", t.target, absl::StrCat(r)};
      absl::StatusOr<Pick> q =
          pick_index(kSampleScheme, a.input.seed, team_fields, eligible.size());
      if (!q.ok()) return q.status();
      SampledInspector member;
      member.inspector = std::move(eligible[q->index]);
      eligible.erase(eligible.begin() + static_cast<std::ptrdiff_t>(q->index));
      member.pick = *std::move(q);
      t.team.push_back(std::move(member));
    }
    a.draws.push_back(std::move(t));
  }
  return a;
}

absl::Status verify(const SampleAudit& audit) {
  absl::StatusOr<SampleAudit> re = sample(audit.input);
  if (!re.ok()) return invalid_inputs(re.status());
  const SampleInput &in = audit.input, &rin = re->input;
  if (absl::Status s = first_error(
          [&] { return compare("targets (canonical order)", in.targets, rin.targets); },
          [&] { return compare("inspectors (canonical order)", in.inspectors, rin.inspectors); },
          [&] {
            return in.conflicts == rin.conflicts
                       ? absl::OkStatus()
                       : absl::FailedPreconditionError(
                             "conflicts does not match: not in canonical order "
                             "(sorted by inspector, then target)");
          },
          [&] { return compare("targets_sha256", audit.targets_sha256, re->targets_sha256); },
          [&] {
            return compare("inspectors_sha256", audit.inspectors_sha256, re->inspectors_sha256);
          },
          [&] { return compare("the number of draws", audit.draws.size(), re->draws.size()); });
      !s.ok()) {
    return s;
  }
  for (size_t j = 0; j < audit.draws.size(); ++j) {
    const SampledTarget &t = audit.draws[j], &rt = re->draws[j];
    const std::string at = absl::StrCat("draws[", j, "].");
    if (absl::Status s = first_error(
            [&] { return compare(at, t.pick, rt.pick); },
            [&] { return compare(absl::StrCat(at, "target"), t.target, rt.target); },
            [&] { return compare(absl::StrCat(at, "team size"), t.team.size(), rt.team.size()); });
        !s.ok()) {
      return s;
    }
    for (size_t r = 0; r < t.team.size(); ++r) {
      const std::string member = absl::StrCat(at, "team[", r, "].");
      if (absl::Status s =
              first_error([&] { return compare(member, t.team[r].pick, rt.team[r].pick); },
                          [&] {
                            return compare(absl::StrCat(member, "inspector"), t.team[r].inspector,
                                           rt.team[r].inspector);
                          });
          !s.ok()) {
        return s;
      }
    }
  }
  return absl::OkStatus();
}

std::string audit_to_json(const SampleAudit& a) {
  Json conflicts = Json::array(), draws = Json::array();
  for (const Conflict& c : a.input.conflicts) {
    conflicts.push_back(Json{{"inspector", c.inspector}, {"target", c.target}});
  }
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
  return dump(Json{{"scheme", std::string(kSampleScheme)},
                   {"seed", a.input.seed},
                   {"batch_id", a.input.batch_id},
                   {"targets", a.input.targets},
                   {"targets_sha256", a.targets_sha256},
                   {"k", a.input.k},
                   {"inspectors", a.input.inspectors},
                   {"inspectors_sha256", a.inspectors_sha256},
                   {"m", a.input.m},
                   {"conflicts", std::move(conflicts)},
                   {"draws", std::move(draws)}});
}

absl::StatusOr<SampleAudit> sample_audit_from_json(std::string_view json) {
  absl::StatusOr<Json> j = parse_strict(json, "sample audit record");
  if (!j.ok()) return j.status();
  return sample_from(*j);
}

std::string summary(const DrawAudit& a) {
  return absl::StrCat("case ", a.input.case_id, ": ", a.winner, " drawn (index ", a.index, " of ",
                      a.pool.size(), " eligible; ", a.input.answered.size(), " answered)");
}

std::string summary(const SampleAudit& a) {
  std::string out =
      a.input.batch_id.empty() ? std::string("sample") : absl::StrCat("batch ", a.input.batch_id);
  absl::StrAppend(&out, ": ", a.draws.size(), " of ", a.input.targets.size(), " targets");
  for (size_t j = 0; j < a.draws.size(); ++j) {
    absl::StrAppend(&out, j == 0 ? ": " : "; ", a.draws[j].target, " (");
    absl::StrAppend(&out,
                    absl::StrJoin(a.draws[j].team, ", ",
                                  [](std::string* o, const SampledInspector& m) {
                                    absl::StrAppend(o, m.inspector);
                                  }),
                    ")");
  }
  return out;
}

absl::StatusOr<std::string> verify_audit_json(std::string_view json) {
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
    return summary(*a);
  }
  if (name == kSampleScheme) {
    absl::StatusOr<SampleAudit> a = sample_from(*j);
    if (!a.ok()) return a.status();
    if (absl::Status s = verify(*a); !s.ok()) return s;
    return summary(*a);
  }
  return json_error("audit record", absl::StrCat("unknown scheme ", in_quotes(name),
                                                 " (this fazhi reads ", absl_view(kLotteryScheme),
                                                 " and ", absl_view(kSampleScheme), ")"));
}

}  // namespace fazhi
