// fazhi/dataset.hpp -- validated records held column-wise, and how they get there.
//
// A Dataset holds every record kind column by column: dates as DayNumber
// (kNoDay when empty), codes as one-byte enums, booleans as Tri, money as
// integer fen, and repeated text (regions, agencies, lawyers, categories)
// dictionary-encoded. Loading validates each row against docs/data.md; a bad
// row is rejected with its file, line, column and reason, and for every file
// rows read = rows kept + rows rejected. Once loading is finished a Dataset is
// only read, and reading is safe from many threads.
//
// Row order: each load holds the rows it adds grouped by region (the regions
// in code order, each region's rows in file order), after the rows already
// held; add() appends; seal() groups every kind's rows as a whole.
// A report reads each region's rows as one run, so grouped rows are what
// make it fast; any order gives the same figures.
//
//   fazhi::Dataset ds;
//   absl::StatusOr<fazhi::LoadSummary> s = ds.load_dir("data/examples/baiyun-2019");
//   for (const fazhi::Rejection& r : ds.rejects()) std::cerr << r.file << ":" << r.line ...
#ifndef FAZHI_DATASET_HPP_
#define FAZHI_DATASET_HPP_

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "fazhi/records.hpp"
#include "fazhi/region.hpp"

namespace fazhi {

// RegionIndex is a row's region as an index into Dataset::regions().
using RegionIndex = uint32_t;
// TextId is dictionary-encoded text (Dataset::text); 0 is the empty text.
using TextId = uint32_t;

// <Kind>Columns hold a kind's rows, a vector per column of schema.hpp (in
// its order, named as its `stored_as`), all of one length, size():
//   REGION   RegionIndex          DATE    DayNumber (kNoDay: empty)
//   CODE     the enum (kNone)     BOOL    Tri (kUnknown)
//   TEXT     TextId (0: empty)    COUNT   the rule's integer (its kEmpty)
//   MONEY    int64_t fen (-1: empty)
// The ID column (case_id, entity_id) is checked for duplicates while
// loading and kept as text (TextId), so that a case list can name each case.
// A dataset whose one load kept no ids and sealed it (LoadOptions) holds no
// ID column at all (empty: 4 bytes a record less); read it with id_at.
// FAZHI_COLUMN_STORAGE(line) is the member a line of
// schema.hpp's lists declares.
#define FAZHI_STORED_ID(member, detail) std::vector<TextId> member;
#define FAZHI_STORED_REGION(member, detail) std::vector<RegionIndex> member;
#define FAZHI_STORED_REGION_KEY(member, detail) std::vector<uint32_t> member;
#define FAZHI_STORED_DATE(member, detail) std::vector<DayNumber> member;
#define FAZHI_STORED_CODE(member, detail) std::vector<detail> member;
#define FAZHI_STORED_BOOL(member, detail) std::vector<Tri> member;
#define FAZHI_STORED_TEXT(member, detail) std::vector<TextId> member;
#define FAZHI_STORED_COUNT(member, detail) std::vector<detail::type> member;
#define FAZHI_STORED_MONEY(member, detail) std::vector<int64_t> member;
#define FAZHI_COLUMN_STORAGE(column, record_field, stored_as, TYPE, detail, required, ...) \
  FAZHI_STORED_##TYPE(stored_as, detail)

// id_at is row `row`'s id in an ID column: 0 (the empty text) where the
// column holds none (see above).
inline TextId id_at(const std::vector<TextId>& ids, size_t row) { return row < ids.size() ? ids[row] : 0; }

struct ReconsiderationColumns {
  FAZHI_RECONSIDERATION_COLUMNS(FAZHI_COLUMN_STORAGE)
  size_t size() const { return region.size(); }
};

struct LitigationColumns {
  FAZHI_LITIGATION_COLUMNS(FAZHI_COLUMN_STORAGE)
  size_t size() const { return region.size(); }
};

struct LegalAidColumns {
  FAZHI_LEGAL_AID_COLUMNS(FAZHI_COLUMN_STORAGE)
  size_t size() const { return region.size(); }
};

struct MediationColumns {
  FAZHI_MEDIATION_COLUMNS(FAZHI_COLUMN_STORAGE)
  size_t size() const { return region.size(); }
};

struct RegistryColumns {
  FAZHI_REGISTRY_COLUMNS(FAZHI_COLUMN_STORAGE)
  size_t size() const { return region.size(); }
};

struct ActivityColumns {
  FAZHI_ACTIVITY_COLUMNS(FAZHI_COLUMN_STORAGE)
  size_t size() const { return region.size(); }
};

// RejectCode is the kind of a rejection, for a program that sorts or counts
// them (the reason is for people). The numbers are the C ABI's FZ_REJECT_*.
enum class RejectCode : uint8_t {
  kOther = 0,         // none of the below
  kMalformed = 1,     // the CSV row cannot be read: a quote left open, a field count, too long
  kEncoding = 2,      // not text: invalid UTF-8, a NUL byte, a line in another encoding
  kMissing = 3,       // a required value is empty (or required once another is given)
  kInvalidValue = 4,  // a value that cannot be read: a date, region, number, code or boolean
  kInconsistent = 5,  // values that contradict each other: a date before the one it follows
  kDuplicate = 6,     // an id already seen
};

// reject_code_name is the code's stable English name, as JSON and the
// bindings give it: "other", "malformed", "encoding", "missing",
// "invalid_value", "inconsistent", "duplicate".
std::string_view reject_code_name(RejectCode code);

// Rejection is one row that was not kept, and why.
struct Rejection {
  std::string file;    // the path, or the buffer's name
  int64_t line = 0;    // 1-based physical line where the row starts
  std::string column;  // the canonical column name; "" for a whole-row problem
  std::string reason;  // e.g. "no such day: '2019-02-30' ..."
  std::string raw;     // the row's text, cut to kMaxRawText bytes
  RejectCode code = RejectCode::kOther;
  // The reason as a message for people, translatable: `message` is its
  // English gettext id (a static string) with absl::Substitute's $0..$9,
  // `message_args` fill them, the value as written in the file first where
  // the problem is one value. Empty for the few reasons that have none;
  // rejection_line then prints `reason`.
  std::string_view message;
  std::vector<std::string> message_args;
  // The column's header in Chinese (its first alias in docs/data.md), for
  // people; "" for a whole-row problem.
  std::string column_label;
};
inline constexpr size_t kMaxRawText = 512;

// FileSummary counts one loaded file (or buffer).
struct FileSummary {
  std::string file;
  RecordKind kind = RecordKind::kReconsideration;
  std::string encoding;  // "UTF-8" or "GB18030"
  int64_t rows_read = 0;
  int64_t rows_kept = 0;
  int64_t rows_rejected = 0;
  // The optional columns the header lacks, as `name（别名、…）`: their
  // figures have nothing to count in this file.
  std::vector<std::string> missing_columns;
  // refused: why the whole file was refused (a missing required column, not
  // a regular file, ...), naming it; empty when it was read. A refused file
  // reads no rows; the load's other files are loaded all the same.
  std::string refused;
  // added: these are the records of add() (file `<add:KIND>`), not a file
  // read, so that a summary can count files and adds apart.
  bool added = false;
};

// LoadSummary is what one load call did; per-kind totals are the sums over
// `files`. Notices are things worth a look that rejected nothing (an unknown
// file in the folder, a file converted from GB18030).
struct LoadSummary {
  std::vector<FileSummary> files;
  std::vector<std::string> notices;
  int64_t rows_read(RecordKind kind) const;
  int64_t rows_kept(RecordKind kind) const;
  int64_t rows_rejected(RecordKind kind) const;
  int64_t rows_read() const;
  int64_t rows_rejected() const;
  // files_refused counts the files refused whole (FileSummary::refused).
  int64_t files_refused() const;
};

// ---- The load's results as documents (src/render/load_results.cpp) ----

// rejections_json is `rejects` as a compact JSON array of {"file", "line",
// "column", "code", "reason", "raw"} objects (code: reject_code_name), in their order: what
// fz_dataset_rejects_json and the bindings return.
std::string rejections_json(std::span<const Rejection> rejects);

// notices_json is `notices` as a compact JSON array of strings.
std::string notices_json(std::span<const std::string> notices);

// rejection_line is one rejection for people, as `fazhi check` prints it:
// `file:line: column: reason`, or `file:line: reason` for a whole-row
// problem, the data passed through display_text (fazhi/text.hpp) so that it
// stays one line of visible text. When the message catalogue translates the
// rejection's message (a Chinese locale, fazhi/messages.hpp), the line is in
// that language and names the column by its Chinese header:
// `file:line: 列“收到日期”（received_date）：“2019-02-30”不是有效日期……`.
std::string rejection_line(const Rejection& rejection);

// notice_line is one notice (LoadSummary::notices, DataQuality::notices:
// English text, the same in every locale) for people: in the catalogue's
// language when it translates the notice (a Chinese locale,
// fazhi/messages.hpp), the data it quotes passed through display_text.
std::string notice_line(std::string_view notice);

// MemoryUsage is what a Dataset holds, in bytes (vector capacities included).
struct MemoryUsage {
  size_t columns = 0;    // the record columns of every kind
  size_t id_index = 0;   // the duplicate-id index: hash slots and per-id headers
  size_t id_text = 0;    // the bytes of the case and entity ids themselves
  size_t text = 0;       // the text dictionary (respondents, lawyers, names, ...)
  size_t case_records = 0;  // rows of reconsideration, litigation, legal_aid, mediation, registry
};

enum class Encoding : uint8_t { kDetect, kUtf8, kGb18030 };

struct LoadOptions {
  // strict stops at the first bad row with its error; the default (lenient)
  // rejects bad rows and goes on.
  bool strict = false;
  Encoding encoding = Encoding::kDetect;
  // Threads to use for loading (files or ranges in parallel); 0 = hardware.
  int threads = 0;
  // keep_ids keeps each record's id (case_id, entity_id) so that case lists
  // and department tables can name their cases. Ids are always checked for
  // duplicates; a load that only computes figures (the report, breakdowns,
  // a check) may drop them, which saves a text per record (at 1M records
  // about 40% of the load's time and half its memory). A case list of a
  // dataset loaded without them names no ids (case_id is "").
  bool keep_ids = true;
  // seal makes this load the dataset's last: it seals the dataset once the
  // load succeeds (see Dataset::seal), and lets go of the duplicate-id
  // index as soon as the load's ids are checked, before its rows are put
  // in place, which is when a large load holds the most (the index holds
  // each id's text: at 10M records ~170 MB less at the peak). A load that
  // fails leaves the dataset as it was, unsealed. The only load of a
  // dataset that seals it and keeps no ids leaves no ID column (id_at).
  bool seal = false;
};

class Dataset {
 public:
  Dataset();
  ~Dataset();
  Dataset(Dataset&&) noexcept;
  Dataset& operator=(Dataset&&) noexcept;
  Dataset(const Dataset&) = delete;
  Dataset& operator=(const Dataset&) = delete;

  // ---- Loading (not thread-safe; finish loading before reading) ----

  // load_dir loads every `<kind>.csv` of a folder. Unknown files give a
  // notice. A missing or unreadable folder is an error; so is a file that
  // lacks a required column (refused whole, naming the column), and in strict
  // mode the first bad row.
  absl::StatusOr<LoadSummary> load_dir(const std::string& dir, const LoadOptions& options = {});
  absl::StatusOr<LoadSummary> load_file(RecordKind kind, const std::string& path,
                                        const LoadOptions& options = {});
  // load_buffer reads CSV text held in memory; `name` stands for the file in
  // rejections and messages.
  absl::StatusOr<LoadSummary> load_buffer(RecordKind kind, std::string_view data,
                                          std::string_view name, const LoadOptions& options = {});

  // add appends one record from the caller's own database, validated like a
  // CSV row; an invalid record is an InvalidArgument error (and is not kept).
  absl::Status add(const ReconsiderationRecord& r);
  absl::Status add(const LitigationRecord& r);
  absl::Status add(const LegalAidRecord& r);
  absl::Status add(const MediationRecord& r);
  absl::Status add(const RegistryRecord& r);
  absl::Status add(const ActivityRecord& r);
  absl::Status add(const RegionNameRecord& r);
  // Each add counts in summary() as a row read of a file `<add:KIND>`, kept
  // or rejected; a rejected add is in rejects() with its reason, its line
  // being its number among that kind's adds. reject_add counts a record that
  // could not even be built (a binding's field of the wrong form) the same
  // way, as RejectCode::kInvalidValue. Neither counts once the dataset is sealed.
  void reject_add(RecordKind kind, std::string_view reason);

  // seal ends loading: it frees the index that finds duplicate ids across
  // loads (about 28 bytes a record, a third of what a large dataset holds),
  // and groups the rows of several loads and of add() by region.
  // Every later load or add is a FailedPrecondition error. What was loaded
  // reads as before.
  void seal();

  // check_whole is OK unless a load, add or seal threw (std::bad_alloc:
  // memory ran out) after it began to change the dataset, whose rows may
  // then be half there: it is then a FailedPrecondition error, which every
  // later load, add and report returns too. A load that throws before that
  // leaves the dataset as it was.
  absl::Status check_whole() const;

  // ---- Reading (const; safe from many threads) ----

  const ReconsiderationColumns& reconsideration() const;
  const LitigationColumns& litigation() const;
  const LegalAidColumns& legal_aid() const;
  const MediationColumns& mediation() const;
  const RegistryColumns& registry() const;
  const ActivityColumns& activity() const;

  // regions lists every region code a row used, indexed by RegionIndex.
  const std::vector<RegionCode>& regions() const;
  std::optional<RegionIndex> region_index(RegionCode code) const;
  // region_name is the name from regions.csv, if one was loaded.
  std::optional<std::string_view> region_name(RegionCode code) const;
  // region_names lists every name of regions.csv, by code (for find_region).
  std::vector<RegionName> region_names() const;
  // text resolves a dictionary id.
  std::string_view text(TextId id) const;

  // rejects lists every rejected row of every load, in load order.
  const std::vector<Rejection>& rejects() const;
  // totals over every load so far.
  const LoadSummary& summary() const;
  // memory_usage measures what the dataset holds.
  MemoryUsage memory_usage() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace fazhi

#endif  // FAZHI_DATASET_HPP_
