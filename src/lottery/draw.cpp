// draw.cpp -- the draws themselves: the hashed message and pick_index, the
// canonical inputs and their commitment, draw() and sample(), and verify(),
// which recomputes a draw and names the first recorded field that differs.
#include <openssl/evp.h>

#include <algorithm>
#include <bit>
#include <tuple>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "fazhi/lottery.hpp"
#include "fazhi/text.hpp"
#include "lottery/lottery_internal.hpp"

namespace fazhi::internal::lottery {

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

namespace {

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

}  // namespace

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

}  // namespace fazhi::internal::lottery

namespace fazhi {
using namespace internal::lottery;

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

}  // namespace fazhi
