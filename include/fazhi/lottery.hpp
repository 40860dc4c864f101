// fazhi/lottery.hpp -- verifiable draws: the legal-aid lottery (摇珠) and the
// double-random inspection sample (双随机).
//
// A draw is a pure function of public inputs: a seed announced before the
// draw, an id (the case, or the inspection batch), and the candidate list in
// its canonical order (sorted by UTF-8 bytes, duplicates rejected). Each
// choice hashes a length-prefixed encoding of (scheme, seed, fields..., counter)
// with SHA-256 and keeps or rejects the value so that every index is equally
// likely. Anyone can recompute it: docs/lottery.md gives the exact bytes, test
// vectors, and scripts/verify_lottery.py re-checks an audit record in Python.
//
//   fazhi::DrawInput in;
//   in.seed = "2024-06-03 上证指数收盘 3078.49";
//   in.case_id = "穗白法援〔2024〕0173号";
//   in.answered = {"王律师", "李律师", "陈律师", "赵律师"};
//   in.conflicts = {"李律师"};
//   absl::StatusOr<fazhi::DrawAudit> audit = fazhi::draw(in);
//   audit->winner;                          // one of the three eligible lawyers
//   fazhi::audit_to_json(*audit);           // the record to publish
//   fazhi::verify_audit_json(json_text);    // OK, or names what does not match
#ifndef FAZHI_LOTTERY_HPP_
#define FAZHI_LOTTERY_HPP_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace fazhi {

// kLotteryScheme and kSampleScheme are the domain-separation tags hashed first
// in every message and written as "scheme" in every audit record; a change to
// the encoding or the algorithm gets a new tag, never a silent change.
inline constexpr std::string_view kLotteryScheme = "fazhi-lottery-v1";
inline constexpr std::string_view kSampleScheme = "fazhi-sample-v1";

// An announcement (docs/lottery.md) fixes every input of a draw or a sample
// but the seed, before the seed exists, as one SHA-256 commitment over their
// canonical encoding; these tags are hashed first and name the announcement's
// JSON scheme.
inline constexpr std::string_view kLotteryAnnouncementScheme = "fazhi-lottery-announcement-v1";
inline constexpr std::string_view kSampleAnnouncementScheme = "fazhi-sample-announcement-v1";

// kAuditFormat is the "format" an audit record is written in: format 2 adds
// the "format" key and "announcement_sha256"; a record without "format" is
// format 1 (written before announcements) and still reads and verifies.
inline constexpr uint64_t kAuditFormat = 2;

// Pick is one verifiable choice of an index below n: the accepted counter
// (every smaller counter was hashed and rejected) and the lowercase hex
// SHA-256 of the accepted message.
struct Pick {
  uint64_t index = 0;
  uint64_t counter = 0;
  std::string hash;

  friend bool operator==(const Pick&, const Pick&) = default;
};

// draw_message is the byte string hashed for one attempt:
//   field(scheme) field(seed) field(fields[0]) ... field(fields[n-1]) be64(counter)
// where field(s) is the byte length of s as a big-endian 32-bit number followed
// by the bytes of s (UTF-8). The caller has checked each string is shorter than
// 4 GiB (pick_index does).
std::string draw_message(std::string_view scheme, std::string_view seed,
                         std::span<const std::string> fields, uint64_t counter);

// pick_index chooses an index below n without modulo bias. For counter 0, 1,
// 2, ...: hash draw_message with SHA-256, read the first 8 bytes as a
// big-endian unsigned number, keep its low b bits where b is the bit length of
// n - 1 (b = 0 for n = 1), and accept it if it is below n. n = 0, an empty
// seed or a field of 4 GiB or more is an InvalidArgument error.
[[nodiscard]] absl::StatusOr<Pick> pick_index(std::string_view scheme, std::string_view seed,
                                              std::span<const std::string> fields, uint64_t n);

// list_sha256 is the lowercase hex SHA-256 of field(id) for each id in order:
// the fingerprint of a canonical list that an audit record carries.
std::string list_sha256(std::span<const std::string> ids);

// DrawInput is one legal-aid assignment by lottery. `answered` are the lawyers
// who answered the invitation; `conflicts` (conflict of interest) and `at_cap`
// (at their caseload cap) are excluded from it. An excluded id that did not
// answer is allowed and has no effect. Order does not matter: draw() sorts.
struct DrawInput {
  std::string seed;
  std::string case_id;
  std::vector<std::string> answered;
  std::vector<std::string> conflicts;
  std::vector<std::string> at_cap;

  friend bool operator==(const DrawInput&, const DrawInput&) = default;
};

// DrawAudit is the published record of a draw: the inputs with every list in
// canonical order, the pool the index counts into (answered less the
// exclusions, canonical) and its list_sha256, and the pick.
struct DrawAudit {
  uint64_t format = kAuditFormat;
  DrawInput input;
  std::string announcement_sha256;  // the commitment over `input` but the seed
  std::vector<std::string> pool;
  std::string pool_sha256;
  uint64_t index = 0;
  std::string winner;
  uint64_t counter = 0;
  std::string hash;

  friend bool operator==(const DrawAudit&, const DrawAudit&) = default;
};

// draw assigns one lawyer: pick_index(kLotteryScheme, seed, {case_id},
// pool size) into the canonical pool. Errors (InvalidArgument unless noted):
// an empty seed or case id, an empty `answered`, an id check_id refuses, text
// that is not UTF-8, a duplicate within one list, a lawyer both in
// `conflicts` and `at_cap`, and (FailedPrecondition) a pool emptied by the
// exclusions.
[[nodiscard]] absl::StatusOr<DrawAudit> draw(const DrawInput& input);

// verify recomputes the draw from the audit's inputs and compares every
// recorded field; the error (FailedPrecondition for a mismatch) names the
// first field that differs and both values.
[[nodiscard]] absl::Status verify(const DrawAudit& audit);

// audit_to_json renders a DrawAudit as a JSON object (2-space indent, keys in
// the order docs/lottery.md lists them); audit_from_json reads one back,
// rejecting a missing, mistyped, duplicated or unknown key and a scheme other
// than kLotteryScheme. Reading does not verify.
std::string audit_to_json(const DrawAudit& audit);
[[nodiscard]] absl::StatusOr<DrawAudit> audit_from_json(std::string_view json);

// Conflict says an inspector may not inspect a target (a relative works
// there, they inspected it last time, ...).
struct Conflict {
  std::string inspector;
  std::string target;

  friend auto operator<=>(const Conflict&, const Conflict&) = default;
};

// SampleInput is one 双随机 batch: choose k of `targets`, then for each chosen
// target a team of m from `inspectors`, none with a conflict for that target.
// `batch_id` names the batch (it may be empty when the seed is used once). A
// conflict naming someone not on the lists is allowed and has no effect.
struct SampleInput {
  std::string seed;
  std::string batch_id;
  std::vector<std::string> targets;
  uint64_t k = 0;
  std::vector<std::string> inspectors;
  uint64_t m = 0;
  std::vector<Conflict> conflicts;

  friend bool operator==(const SampleInput&, const SampleInput&) = default;
};

// SampledInspector and SampledTarget are the picks of a sample, in draw order;
// each pick's index counts into the list that remained at that step.
struct SampledInspector {
  std::string inspector;
  Pick pick;

  friend bool operator==(const SampledInspector&, const SampledInspector&) = default;
};
struct SampledTarget {
  std::string target;
  Pick pick;
  std::vector<SampledInspector> team;

  friend bool operator==(const SampledTarget&, const SampledTarget&) = default;
};

// SampleAudit is the published record of a sample: the canonical inputs, the
// fingerprints of both lists, and every pick.
struct SampleAudit {
  uint64_t format = kAuditFormat;
  SampleInput input;
  std::string announcement_sha256;  // the commitment over `input` but the seed
  std::string targets_sha256;
  std::string inspectors_sha256;
  std::vector<SampledTarget> draws;

  friend bool operator==(const SampleAudit&, const SampleAudit&) = default;
};

// sample draws without replacement from shrinking canonical lists. Target j
// (from 0) is pick_index(kSampleScheme, seed, {batch_id, "target", j}) into the
// targets not yet chosen; member r of the team for target t is
// pick_index(kSampleScheme, seed, {batch_id, "inspector", t, r}) into the
// inspectors without a conflict for t and not yet on t's team (j and r in
// decimal). Errors (InvalidArgument unless noted): an empty seed, an empty
// list or id, a duplicate id or conflict, k or m of 0, k larger than the
// targets or m larger than the inspectors, text that is not UTF-8, an id (or
// a non-empty batch id) check_id refuses, and
// (FailedPrecondition) a chosen target with fewer than m inspectors free of
// conflict.
[[nodiscard]] absl::StatusOr<SampleAudit> sample(const SampleInput& input);

// verify recomputes the sample and names the first field that differs.
[[nodiscard]] absl::Status verify(const SampleAudit& audit);

// audit_to_json / sample_audit_from_json: as for DrawAudit, with scheme
// kSampleScheme.
std::string audit_to_json(const SampleAudit& audit);
[[nodiscard]] absl::StatusOr<SampleAudit> sample_audit_from_json(std::string_view json);

// summary is one line a clerk reads: who was drawn, for what (ids passed
// through display_text, fazhi/text.hpp).
std::string summary(const DrawAudit& audit);
std::string summary(const SampleAudit& audit);

// verify_audit_json reads an audit record of either scheme (chosen by its
// "scheme" key), verifies it, and returns its summary.
[[nodiscard]] absl::StatusOr<std::string> verify_audit_json(std::string_view json);

// ---- ids and lists (docs/lottery.md, "Ids" and "Lists")

// check_id is the rule every id of every list obeys (`what` names the list in
// the error): not empty, valid UTF-8, no control, bidirectional or zero-width
// character, no code point NFC could change (combining marks, Hangul
// conjoining jamo, CJK compatibility ideographs, the Kelvin, Angstrom and Ohm
// signs), no surrounding white space. InvalidArgument otherwise.
[[nodiscard]] absl::Status check_id(std::string_view what, std::string_view id);

// parse_id_list reads an inline list (a command-line value): ids separated by
// ASCII commas, each trimmed; "" is the empty list. An id may be quoted
// ("..." with "" for a quote) to hold a comma or any other character;
// unquoted, an item holding a full-width comma, or looking like a file name
// (a / or \, or ending in .txt, .csv or .tsv), is refused, since it was
// almost certainly meant as two ids or as a file.
[[nodiscard]] absl::StatusOr<std::vector<std::string>> parse_id_list(std::string_view text);

// parse_id_file reads a list file: UTF-8, an optional byte-order mark, one id
// a line (LF or CRLF), each trimmed; blank lines and lines starting with # are
// skipped. Only the newline separates: commas, full-width commas and spaces
// inside a line belong to the id. A line may be quoted as in parse_id_list
// (an id starting with # or ").
[[nodiscard]] absl::StatusOr<std::vector<std::string>> parse_id_file(std::string_view contents);

// parse_conflict_list reads `inspector:target,inspector:target` (quoting as
// in parse_id_list); parse_conflict_file reads one `inspector<TAB>target` or
// `inspector,target` pair a line (the one separator of the line: a line
// holding a tab splits at its tab only). The full-width comma never separates.
[[nodiscard]] absl::StatusOr<std::vector<Conflict>> parse_conflict_list(std::string_view text);
[[nodiscard]] absl::StatusOr<std::vector<Conflict>> parse_conflict_file(std::string_view contents);

// ids_to_json is a list of ids as a compact JSON array of strings;
// conflicts_to_json a list of conflicts as a compact JSON array of
// {"inspector", "target"} objects: the lists as fz_lottery_parse_ids and
// fz_lottery_parse_conflicts return them.
std::string ids_to_json(std::span<const std::string> ids);
std::string conflicts_to_json(std::span<const Conflict> conflicts);

// read_list_file reads a list file (what parse_id_file and
// parse_conflict_file read) by name: a regular file of at most 64 MiB, or an
// error naming it. read_audit_file reads an audit record or an announcement
// the same way; read_audit_stdin reads one from standard input, to its end,
// with the same cap.
[[nodiscard]] absl::StatusOr<std::string> read_list_file(const std::string& path);
[[nodiscard]] absl::StatusOr<std::string> read_audit_file(const std::string& path);
[[nodiscard]] absl::StatusOr<std::string> read_audit_stdin();

// ---- announcements

// announce checks the inputs of a draw or a sample as draw() and sample() do
// (the seed is not needed and not read) and returns the announcement to
// publish before the seed: a JSON object with the canonical inputs and their
// commitment "announcement_sha256".
[[nodiscard]] absl::StatusOr<std::string> announce(const DrawInput& input);
[[nodiscard]] absl::StatusOr<std::string> announce(const SampleInput& input);

// Announcement is a published announcement read back: exactly one of `draw`
// and `sample` is set (by `scheme`), its seed empty.
struct Announcement {
  std::string scheme;
  DrawInput draw;
  SampleInput sample;
  std::string announcement_sha256;
};

// announcement_from_json reads an announcement strictly and checks that its
// lists are canonical and hash to its announcement_sha256.
[[nodiscard]] absl::StatusOr<Announcement> announcement_from_json(std::string_view json);

// verify_audit_json with an announcement also checks that the record's inputs
// are the announced ones (each list, then the commitment): what proves the
// draw used the lists published before the seed. The record may be of format
// 1 (its commitment is computed from its inputs).
[[nodiscard]] absl::StatusOr<std::string> verify_audit_json(std::string_view json,
                                                            std::string_view announcement_json);

}  // namespace fazhi

#endif  // FAZHI_LOTTERY_HPP_
