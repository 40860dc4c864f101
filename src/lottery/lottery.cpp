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
#include "absl/strings/str_split.h"
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

std::string in_quotes(absl::string_view s) {
  return absl::StrCat("'", display_text(std_view(s)), "'");
}

// decode_at reads the code point at s[i] of text is_utf8 accepted and moves i
// past it.
char32_t decode_at(std::string_view s, size_t& i) {
  const auto lead = static_cast<unsigned char>(s[i]);
  const size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  char32_t cp = len == 1 ? lead : len == 2 ? lead & 0x1F : len == 3 ? lead & 0x0F : lead & 0x07;
  for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

bool in(char32_t cp, char32_t first, char32_t last) { return cp >= first && cp <= last; }

// The twelve code points of U+FA0E..U+FA29 that are unified ideographs, not
// compatibility ones: NFC keeps them.
bool is_unified_in_compatibility_block(char32_t cp) {
  switch (cp) {
    case 0xFA0E:
    case 0xFA0F:
    case 0xFA11:
    case 0xFA13:
    case 0xFA14:
    case 0xFA1F:
    case 0xFA21:
    case 0xFA23:
    case 0xFA24:
    case 0xFA27:
    case 0xFA28:
    case 0xFA29:
      return true;
    default:
      return false;
  }
}

// may_change_under_nfc: without a Unicode normalisation library fazhi cannot
// put an id into NFC, so it refuses the code points through which the same
// name is most often typed two ways: combining marks (a decomposed "é"),
// Hangul conjoining jamo (a decomposed syllable), the CJK compatibility
// ideographs and the three letter-like signs NFC replaces (K, Å, Ω signs).
// docs/lottery.md lists exactly these ranges.
bool may_change_under_nfc(char32_t cp) {
  return in(cp, 0x0300, 0x036F) || in(cp, 0x1AB0, 0x1AFF) || in(cp, 0x1DC0, 0x1DFF) ||
         in(cp, 0x20D0, 0x20FF) || in(cp, 0xFE20, 0xFE2F) || in(cp, 0x1100, 0x11FF) ||
         in(cp, 0xA960, 0xA97F) || in(cp, 0xD7B0, 0xD7FF) ||
         (in(cp, 0xF900, 0xFAFF) && !is_unified_in_compatibility_block(cp)) ||
         in(cp, 0x2F800, 0x2FA1F) || cp == 0x2126 || cp == 0x212A || cp == 0x212B;
}

std::string code_point_text(char32_t cp) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string digits;
  for (int shift = cp > 0xFFFF ? 20 : 12; shift >= 0; shift -= 4) {
    digits.push_back(kHex[(cp >> shift) & 0xF]);
  }
  return absl::StrCat("U+", digits);
}

}  // namespace

// check_id is the one rule for every id of every list: not empty, valid
// UTF-8, nothing invisible, nothing NFC could change, no surrounding white
// space (which list readers trim, so it could never be typed back).
absl::Status check_id(std::string_view what, std::string_view id) {
  if (id.empty())
    return absl::InvalidArgumentError(absl::StrCat("an empty id in ", absl_view(what)));
  if (absl::Status s = check_text(absl::StrCat("an id in ", absl_view(what)), id); !s.ok())
    return s;
  for (size_t i = 0; i < id.size();) {
    const char32_t cp = decode_at(id, i);
    if (acts_rather_than_shows(cp)) {
      return absl::InvalidArgumentError(
          absl::StrCat("the id ", in_quotes(absl_view(id)), " in ", absl_view(what),
                       " holds an invisible or control character (", code_point_text(cp), ")"));
    }
    if (may_change_under_nfc(cp)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "the id ", in_quotes(absl_view(id)), " in ", absl_view(what), " holds ",
          code_point_text(cp),
          ", which Unicode normalisation (NFC) could change: type the name with precomposed "
          "characters (for example U+00E9 for e and U+0301)"));
    }
  }
  if (trim(id) != id) {
    return absl::InvalidArgumentError(absl::StrCat("the id ", in_quotes(absl_view(id)), " in ",
                                                   absl_view(what),
                                                   " begins or ends with white space"));
  }
  return absl::OkStatus();
}

namespace {

// canonical_ids is the one place a list becomes canonical: every id checked,
// sorted by UTF-8 bytes (std::string compares as unsigned char, which is also
// code-point order), duplicates rejected rather than silently merged.
absl::StatusOr<std::vector<std::string>> canonical_ids(absl::string_view what,
                                                       std::vector<std::string> ids) {
  for (size_t i = 0; i < ids.size(); ++i) {
    if (absl::Status s =
            check_id(absl::StrCat(what, " (item ", i + 1, " of ", ids.size(), ")"), ids[i]);
        !s.ok()) {
      return s;
    }
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

// A format 1 record carries no commitment; a format 2 record must carry the
// one its own inputs hash to.
absl::Status compare_commitment(uint64_t format, const std::string& recorded,
                                const std::string& recomputed) {
  return format == 1 ? absl::OkStatus() : compare("announcement_sha256", recorded, recomputed);
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

// Statuses are chained with this macro-free helper: the first error wins.
template <typename... Steps>
absl::Status first_error(Steps&&... steps) {
  absl::Status result;
  ((result.ok() ? (void)(result = steps()) : (void)0), ...);
  return result;
}

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

// ---- announcements: one SHA-256 over every input a draw's result depends
// on but the seed, published before the seed exists.

void put_list(std::string& out, const std::vector<std::string>& ids) {
  put_be(out, ids.size(), 4);
  for (const std::string& id : ids) put_field(out, id);
}

// commitment takes canonical inputs: the announcement's encoding in
// docs/lottery.md.
std::string commitment(const DrawInput& in) {
  std::string bytes;
  put_field(bytes, kLotteryAnnouncementScheme);
  put_field(bytes, in.case_id);
  put_list(bytes, in.answered);
  put_list(bytes, in.conflicts);
  put_list(bytes, in.at_cap);
  return to_hex(sha256(bytes));
}

std::string commitment(const SampleInput& in) {
  std::string bytes;
  put_field(bytes, kSampleAnnouncementScheme);
  put_field(bytes, in.batch_id);
  put_list(bytes, in.targets);
  put_be(bytes, in.k, 8);
  put_list(bytes, in.inspectors);
  put_be(bytes, in.m, 8);
  put_be(bytes, in.conflicts.size(), 4);
  for (const Conflict& c : in.conflicts) {
    put_field(bytes, c.inspector);
    put_field(bytes, c.target);
  }
  return to_hex(sha256(bytes));
}

// canonical_draw checks a draw's inputs but the seed, puts every list in
// canonical order and forms the pool: everything an announcement fixes.
absl::StatusOr<DrawAudit> canonical_draw(const DrawInput& input) {
  if (input.case_id.empty()) return absl::InvalidArgumentError("the case id is empty");
  if (absl::Status s = check_id("the case id", input.case_id); !s.ok()) return s;
  if (input.answered.empty()) {
    return absl::InvalidArgumentError("the pool is empty: no lawyer answered the invitation");
  }
  DrawAudit a;
  a.input.case_id = input.case_id;
  for (auto [what, from, to] :
       {std::tuple{"the lawyers who answered", &input.answered, &a.input.answered},
        std::tuple{"the conflicts of interest", &input.conflicts, &a.input.conflicts},
        std::tuple{"the lawyers at their caseload cap", &input.at_cap, &a.input.at_cap}}) {
    absl::StatusOr<std::vector<std::string>> ids = canonical_ids(what, *from);
    if (!ids.ok()) return ids.status();
    *to = *std::move(ids);
  }
  // One reason per excluded lawyer, so that the record and the counts below
  // say why each one was left out.
  for (const std::string& id : a.input.conflicts) {
    if (contains(a.input.at_cap, id)) {
      return absl::InvalidArgumentError(
          absl::StrCat(in_quotes(id),
                       " is both in the conflicts of interest and at the caseload "
                       "cap: list each excluded lawyer once, under one reason"));
    }
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
  a.pool_sha256 = list_sha256(a.pool);
  a.announcement_sha256 = commitment(a.input);
  return a;
}

// canonical_sample checks a sample's inputs but the seed and puts them in
// canonical order with their fingerprints: everything an announcement fixes.
absl::StatusOr<SampleAudit> canonical_sample(const SampleInput& input) {
  if (!input.batch_id.empty()) {
    if (absl::Status s = check_id("the batch id", input.batch_id); !s.ok()) return s;
  }
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
    if (absl::Status s = check_id("a conflict's inspector", c.inspector); !s.ok()) return s;
    if (absl::Status s = check_id("a conflict's target", c.target); !s.ok()) return s;
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
  a.announcement_sha256 = commitment(a.input);
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
  absl::StatusOr<DrawAudit> a = canonical_draw(input);
  if (!a.ok()) return a;
  a->input.seed = input.seed;
  const std::string fields[] = {a->input.case_id};
  absl::StatusOr<Pick> p = pick_index(kLotteryScheme, a->input.seed, fields, a->pool.size());
  if (!p.ok()) return p.status();
  a->index = p->index;
  a->winner = a->pool[p->index];
  a->counter = p->counter;
  a->hash = std::move(p->hash);
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
        return compare_commitment(audit.format, audit.announcement_sha256, re->announcement_sha256);
      },
      [&] {
        return compare("", Pick{audit.index, audit.counter, audit.hash},
                       Pick{re->index, re->counter, re->hash});
      },
      [&] { return compare("winner", audit.winner, re->winner); });
}

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

absl::StatusOr<SampleAudit> sample(const SampleInput& input) {
  if (absl::Status s = check_seed(input.seed); !s.ok()) return s;
  absl::StatusOr<SampleAudit> canonical = canonical_sample(input);
  if (!canonical.ok()) return canonical;
  SampleAudit& a = *canonical;
  a.input.seed = input.seed;

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
  return canonical;
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
          [&] {
            return compare_commitment(audit.format, audit.announcement_sha256,
                                      re->announcement_sha256);
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

// ---- lists

namespace {

// Token is one item of a list line: its text (trimmed, or exactly what stood
// between the quotes), whether it was quoted, and the separator that ended it
// (0 at the end of the text).
struct Token {
  std::string text;
  bool quoted = false;
  char separator = 0;
};

bool is_blank_at(std::string_view s, size_t i, std::string_view separators) {
  const char c = s[i];
  if (separators.find(c) != std::string_view::npos) return false;
  return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' ||
         s.substr(i, 3) == "\xE3\x80\x80";
}

size_t skip_blanks(std::string_view s, size_t i, std::string_view separators) {
  while (i < s.size() && is_blank_at(s, i, separators)) i += s[i] == '\xE3' ? 3 : 1;
  return i;
}

// tokens splits `text` at any of the ASCII `separators`. An item that starts
// with " runs to the next lone " ("" inside stands for one "), and only white
// space may follow it before the separator; an unquoted item is trimmed.
// Empty text gives no token; "a," gives "a" and an empty item.
absl::StatusOr<std::vector<Token>> tokens(std::string_view text, std::string_view separators,
                                          absl::string_view where) {
  std::vector<Token> out;
  if (trim(text).empty()) return out;
  size_t i = 0;
  for (;;) {
    Token t;
    i = skip_blanks(text, i, separators);
    if (i < text.size() && text[i] == '"') {
      t.quoted = true;
      for (++i;; ++i) {
        if (i >= text.size()) {
          return absl::InvalidArgumentError(absl::StrCat(where, ": a quote is not closed"));
        }
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            t.text.push_back('"');
            ++i;
            continue;
          }
          ++i;
          break;
        }
        t.text.push_back(text[i]);
      }
      i = skip_blanks(text, i, separators);
      if (i < text.size() && separators.find(text[i]) == std::string_view::npos) {
        return absl::InvalidArgumentError(
            absl::StrCat(where, ": text after the closing quote of ", in_quotes(t.text),
                         " (write \"\" for a quote inside a quoted id)"));
      }
    } else {
      const size_t end = std::min(text.find_first_of(separators, i), text.size());
      t.text = std::string(trim(text.substr(i, end - i)));
      i = end;
    }
    if (i < text.size()) t.separator = text[i++];
    out.push_back(std::move(t));
    if (out.back().separator == 0) return out;
  }
}

bool ends_with_ascii_nocase(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t k = 0; k < suffix.size(); ++k) {
    char c = s[s.size() - suffix.size() + k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[k]) return false;
  }
  return true;
}

// check_inline_item refuses an unquoted item of a command-line list that was
// almost certainly meant otherwise: two ids joined by a full-width comma, or a
// file (a misspelt file name must not become a one-name list).
absl::Status check_inline_item(const Token& t, absl::string_view where) {
  if (t.quoted) return absl::OkStatus();
  if (t.text.find("\xEF\xBC\x8C") != std::string::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat(where, ": ", in_quotes(t.text),
                     " holds a full-width comma (，): separate ids with an ASCII comma, or quote "
                     "an id that holds one (\"王，丽\")"));
  }
  const bool path_like =
      t.text.starts_with('@') || t.text.find_first_of("/\\") != std::string::npos ||
      ends_with_ascii_nocase(t.text, ".txt") || ends_with_ascii_nocase(t.text, ".csv") ||
      ends_with_ascii_nocase(t.text, ".tsv");
  if (path_like) {
    return absl::InvalidArgumentError(
        absl::StrCat(where, ": ", in_quotes(t.text),
                     " looks like a file name, not an id: read a file with @FILE, or quote an id "
                     "that looks like this"));
  }
  return absl::OkStatus();
}

// file_lines visits the lines of a list file that carry data, with their
// line numbers: the byte-order mark dropped, blank lines and # comments
// skipped, the line trimmed.
template <typename Visit>
absl::Status file_lines(std::string_view contents, Visit visit) {
  if (contents.starts_with("\xEF\xBB\xBF")) contents.remove_prefix(3);
  if (absl::Status s = check_text("the file", contents); !s.ok()) return s;
  size_t number = 0;
  for (absl::string_view piece : absl::StrSplit(absl_view(contents), '\n')) {
    ++number;
    const std::string_view line = trim(std_view(piece));
    if (line.empty() || line.front() == '#') continue;
    if (absl::Status s = visit(line, absl::StrCat("line ", number)); !s.ok()) return s;
  }
  return absl::OkStatus();
}

absl::Status conflict_from(const Token& inspector, const Token& target, absl::string_view where,
                           std::vector<Conflict>& out) {
  Conflict c{inspector.text, target.text};
  if (absl::Status s = check_id(absl::StrCat(where, ", the inspector"), c.inspector); !s.ok()) {
    return s;
  }
  if (absl::Status s = check_id(absl::StrCat(where, ", the target"), c.target); !s.ok()) return s;
  out.push_back(std::move(c));
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::vector<std::string>> parse_id_list(std::string_view text) {
  if (absl::Status s = check_text("the list", text); !s.ok()) return s;
  absl::StatusOr<std::vector<Token>> items = tokens(text, ",", "the list");
  if (!items.ok()) return items.status();
  std::vector<std::string> out;
  for (size_t i = 0; i < items->size(); ++i) {
    const std::string where = absl::StrCat("item ", i + 1, " of the list");
    if (absl::Status s = check_inline_item((*items)[i], where); !s.ok()) return s;
    if (absl::Status s = check_id(where, (*items)[i].text); !s.ok()) return s;
    out.push_back(std::move((*items)[i].text));
  }
  return out;
}

absl::StatusOr<std::vector<std::string>> parse_id_file(std::string_view contents) {
  std::vector<std::string> out;
  absl::Status s = file_lines(contents, [&](std::string_view line, const std::string& where) {
    std::string id(line);
    if (line.front() == '"') {
      absl::StatusOr<std::vector<Token>> quoted = tokens(line, "", where);
      if (!quoted.ok()) return quoted.status();
      id = std::move(quoted->front().text);
    }
    if (absl::Status c = check_id(where, id); !c.ok()) return c;
    out.push_back(std::move(id));
    return absl::OkStatus();
  });
  if (!s.ok()) return s;
  return out;
}

absl::StatusOr<std::vector<Conflict>> parse_conflict_list(std::string_view text) {
  if (absl::Status s = check_text("the list of conflicts", text); !s.ok()) return s;
  absl::StatusOr<std::vector<Token>> items = tokens(text, ",:", "the list of conflicts");
  if (!items.ok()) return items.status();
  for (size_t i = 0; i < items->size(); ++i) {
    const std::string where = absl::StrCat("conflict ", i / 2 + 1, " of the list");
    if (absl::Status s = check_inline_item((*items)[i], where); !s.ok()) return s;
  }
  std::vector<Conflict> out;
  for (size_t i = 0; i < items->size(); i += 2) {
    const std::string where = absl::StrCat("conflict ", i / 2 + 1, " of the list");
    const Token& first = (*items)[i];
    if (first.separator != ':' || i + 1 >= items->size() || (*items)[i + 1].separator == ':') {
      return absl::InvalidArgumentError(absl::StrCat(
          where, ": a conflict is inspector:target, and conflicts are separated by commas"));
    }
    if (absl::Status s = conflict_from(first, (*items)[i + 1], where, out); !s.ok()) return s;
  }
  return out;
}

absl::StatusOr<std::vector<Conflict>> parse_conflict_file(std::string_view contents) {
  std::vector<Conflict> out;
  absl::Status s = file_lines(contents, [&](std::string_view line, const std::string& where) {
    // A line holding a tab is a spreadsheet's export: its tab alone separates.
    const std::string_view separator = line.find('\t') != std::string_view::npos ? "\t" : ",";
    absl::StatusOr<std::vector<Token>> pair = tokens(line, separator, where);
    if (!pair.ok()) return pair.status();
    if (pair->size() != 2) {
      return absl::InvalidArgumentError(
          absl::StrCat(where, ": a conflict line is inspector", separator == "\t" ? "<TAB>" : ",",
                       "target, with one separator (quote an id that holds one)"));
    }
    return conflict_from((*pair)[0], (*pair)[1], where, out);
  });
  if (!s.ok()) return s;
  return out;
}

}  // namespace fazhi
