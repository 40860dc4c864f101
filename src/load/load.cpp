// load.cpp -- a load: files of any kinds through the stages, in parallel.
//
// A load runs in stages, the same whether it uses one thread or many, so a
// parallel load gives exactly the columns, ids and rejections of a serial one:
//
//   1. prepare: open each file, settle its encoding, read and match its header
//      (a missing required column refuses that file, with its reason: the
//      others are loaded; in strict mode it fails the load before anything
//      changes) -- header.cpp;
//   2. split: cut each file into ranges at row boundaries. The quote parity
//      of each piece is counted first (in parallel), so a cut never falls
//      inside a quoted line break of well-formed CSV;
//   3. parse (parallel over ranges): each range reads its rows into its own
//      columns with its own text and region dictionaries, and lists its
//      rejected rows with line numbers relative to the range (rows.hpp). A
//      range then checks that it ended exactly where the next one begins; if
//      malformed quoting made a cut wrong, the rest of the file is parsed
//      again serially;
//   4. dedupe (a kind at a time, as soon as its last range is parsed, while
//      the other threads parse other kinds): ids are checked in file order,
//      so the second row with an id is the one rejected, within a load and
//      across loads. Ids that come into an empty index and are distinct
//      (in ascending order, or by their fingerprints in any order) are
//      indexed only when later rows arrive (range.hpp);
//   5. commit: the dictionaries are merged in file order (so every TextId and
//      RegionIndex is the one a serial load assigns), the columns are copied
//      into place, and the rejections are merged in file and line order
//      (commit.hpp).
// A file whose header or rows turn out not to be UTF-8 is converted from
// GB18030 and goes through stages 2-3 again. Strict mode fails before stage 5
// with the first rejection in file order, and the dataset is left as it was.
#include "load/load.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstddef>
#include <exception>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/cleanup/cleanup.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "load/commit.hpp"
#include "load/csv.hpp"
#include "load/encoding.hpp"
#include "load/header.hpp"
#include "load/kinds.hpp"
#include "load/range.hpp"
#include "load/rows.hpp"
#include "load/source.hpp"
#include "platform/parallel.hpp"
#include "platform/notices.hpp"

namespace fazhi::internal {
namespace {

// clear_index empties an index. Not in KindJobOf: GCC 12 failed on the
// assignment there (an internal compiler error in the shared library's build).
[[gnu::noinline]] void clear_index(IdIndex& index) { index = IdIndex{}; }

class KindJob {
 public:
  virtual ~KindJob() = default;
  virtual void add_file(Source src) = 0;
  // prepare readies each file; one it cannot read is refused (listed in
  // `refused` and dropped) unless the load is strict, which fails instead.
  virtual absl::Status prepare(const LoadContext& ctx, std::vector<Refusal>& refused) = 0;
  virtual bool empty() const = 0;
  virtual size_t pending_bytes() const = 0;
  virtual void plan(size_t target, std::vector<Task>& tasks) = 0;
  virtual void cut(std::vector<Task>& tasks) = 0;
  virtual absl::Status redo(const LoadContext& ctx, bool& any) = 0;
  // settle runs verify and dedupe for a kind whose last parse task did not
  // (a file still not UTF-8 after the second round, or no rows to parse).
  virtual void settle() = 0;
  // checks_early: the kind's ids go in as soon as it is parsed (see parsed).
  virtual bool checks_early() const = 0;
  virtual void finish() = 0;
  virtual const Rejection* first_rejection() const = 0;
  virtual void commit(Store& store, int threads, LoadSummary& out) = 0;
  // unchanged is OK when no file of the kind was written to while it was read.
  virtual absl::Status unchanged() const = 0;
};

template <typename K>
class KindJobOf final : public KindJob {
 public:
  // A kind checks its ids early when the load can put its index back if a
  // later step fails: in strict mode (a copy is kept anyway), or when the
  // index is empty (its copy costs nothing). One holding the ids of earlier
  // loads waits until no step can fail, rather than copy them.
  KindJobOf(IdIndex& index, bool strict, bool keep_ids, bool seal)
      : index_(&index), strict_(strict), keep_ids_(keep_ids), seal_(seal), early_(strict || index.empty()) {}

  bool checks_early() const override { return early_; }

  void add_file(Source src) override {
    auto f = std::make_unique<FileLoad<K>>();
    f->src = std::move(src);
    files_.push_back(std::move(f));
  }

  absl::Status prepare(const LoadContext& ctx, std::vector<Refusal>& refused) override {
    for (size_t i = 0; i < files_.size();) {
      absl::Status s = prepare_file(*files_[i], K::kColumns, ctx);
      if (s.ok()) {
        ++i;
        continue;
      }
      // Running out of memory is not the file's fault: the load fails as a
      // whole, with that status, rather than refusing a good file.
      if (ctx.options.strict || s.code() == absl::StatusCode::kResourceExhausted) return s;
      refused.push_back({files_[i]->src.name, K::kKind, s});
      files_.erase(files_.begin() + static_cast<std::ptrdiff_t>(i));
    }
    return absl::OkStatus();
  }

  bool empty() const override { return files_.empty(); }

  size_t pending_bytes() const override {
    size_t total = 0;
    for (const auto& f : files_) {
      if (f->pending) total += f->src.text.size() - f->body_begin;
    }
    return total;
  }

  // plan sets nominal cuts and queues the quote counting of each piece.
  void plan(size_t target, std::vector<Task>& tasks) override {
    for (auto& fp : files_) {
      FileLoad<K>& f = *fp;
      if (!f.pending) continue;
      const size_t len = f.src.text.size() - f.body_begin;
      const size_t pieces = std::max<size_t>(1, (len + target - 1) / target);
      f.cuts.clear();
      for (size_t j = 0; j <= pieces; ++j) f.cuts.push_back(f.body_begin + len * j / pieces);
      f.quotes.assign(pieces, 0);
      if (pieces == 1) continue;
      for (size_t j = 0; j + 1 < pieces; ++j) {  // the last piece's count is never needed
        tasks.push_back({f.cuts[j + 1] - f.cuts[j], [&f, j] {
                           f.src.ensure(f.cuts[j], f.cuts[j + 1]);
                           f.quotes[j] = count_byte(
                               f.src.text.substr(f.cuts[j], f.cuts[j + 1] - f.cuts[j]), '"');
                         }});
      }
    }
  }

  // cut moves each nominal cut to the next row start outside quotes, and
  // queues the parsing of the ranges.
  void cut(std::vector<Task>& tasks) override {
    const size_t queued = tasks.size();
    for (auto& fp : files_) {
      FileLoad<K>& f = *fp;
      if (!f.pending) continue;
      f.pending = false;
      f.ranges.clear();
      std::vector<size_t> at = {f.body_begin};
      size_t quotes = 0;
      for (size_t j = 1; j + 1 < f.cuts.size(); ++j) {
        quotes += f.quotes[j - 1];
        // Each cut looks no further than the next one, so that text without
        // line breaks is scanned once, not from every cut to its end.
        const size_t start = f.src.find_row_start(f.cuts[j], f.cuts[j + 1], (quotes & 1) != 0);
        if (start > at.back() && start < f.cuts[j + 1]) at.push_back(start);
      }
      at.push_back(f.src.text.size());
      for (size_t k = 0; k + 1 < at.size(); ++k) {
        auto r = std::make_unique<RangeOut<K>>();
        r->keep_ids = keep_ids_;
        r->begin = at[k];
        r->end = at[k + 1];
        RangeOut<K>* rp = r.get();
        tasks.push_back({r->end - r->begin, [this, &f, rp] {
                           parse_range(f, *rp, strict_);
                           if (parsing_.fetch_sub(1, std::memory_order_acq_rel) == 1) parsed();
                         }});
        f.ranges.push_back(std::move(r));
      }
    }
    parsing_.store(tasks.size() - queued, std::memory_order_relaxed);
  }

  absl::Status redo(const LoadContext& ctx, bool& any) override {
    for (auto& fp : files_) {
      FileLoad<K>& f = *fp;
      if (!f.not_utf8.load()) continue;
      f.not_utf8.store(false);
      f.ranges.clear();
      // The header is valid UTF-8 and a row is not: the rows' lines decide
      // (encoding.hpp), and the rows of the other encoding are rejected. They
      // are counted as the file is converted from GB18030, the likelier
      // answer, so that a GBK file is read once more, not twice.
      Utf8Vote vote;
      std::vector<OddLine> odd;
      f.src.read_all();
      std::string converted = gb18030_lines_to_utf8(f.src.raw, ctx.threads, odd, &vote);
      const Utf8Vote header = count_utf8_lines(f.src.raw.substr(0, f.body_begin));
      f.src.drop_all();  // UTF-8: the rows are read in again as they are parsed
      vote.utf8 -= header.utf8;
      vote.other -= header.other;
      if (vote.utf8_wins()) {
        f.src.utf8_declared = true;
        ctx.notices.push_back(make_notice(kNoticeUtf8ByLines, f.src.name, vote.utf8, vote.other));
      } else {
        if (absl::Status s = use_gb18030(f.src, std::move(converted), std::move(odd)); !s.ok()) {
          return s;
        }
        ctx.notices.push_back(make_notice(kNoticeNotUtf8, f.src.name));
        notice_odd_lines(f.src, ctx.notices);
        if (absl::Status h = read_header(f, K::kColumns, nullptr); !h.ok()) return h;
      }
      f.pending = true;
      any = true;
    }
    return absl::OkStatus();
  }

  void settle() override {
    if (!settled_) verify_and_check_ids();
  }

 private:
  // parsed runs on the thread that finished the kind's last parse task of a
  // round: the kind's ids are checked then, while the other threads go on
  // parsing other kinds. The check waits on memory (a random slot of a large
  // table per id) and parsing mostly on the processor, so running them side
  // by side takes less time than one after the other; and one thread per
  // kind walks the ids once, where splitting a kind's check over threads had
  // each walk them all. A file that turned out not to be UTF-8 is parsed
  // again in the next round, and the check waits for that.
  void parsed() {
    if (!early_) return;
    for (const auto& f : files_) {
      if (f->not_utf8.load()) return;
    }
    verify_and_check_ids();
    group_early();
  }

  // group_early groups the rows of a kind read as one range by region, as
  // group_rows_by_region would after the commit (which then finds them in
  // order), but in the parse task that finished the kind, with one buffer,
  // while other kinds still parse: not after every kind, on top of all their
  // columns with a buffer per thread. A 10M load then peaks 20 MB lower (648
  // MB, 668 before) in the same time. Not when duplicates were found:
  // finish() finds their rows by position.
  void group_early() {
    if constexpr (K::kIndexedRegion) {
      if (files_.size() != 1 || files_[0]->ranges.size() != 1 || !dups_.empty()) return;
      RangeOut<K>& r = *files_[0]->ranges[0];
      group_by_region<K>(r.cols, 0, RegionOrder(r.regions.codes()), 1);
    }
  }

  void verify_and_check_ids() {
    verify();
    check_ids();
    settled_ = true;
  }

  void verify() {
    for (auto& fp : files_) {
      FileLoad<K>& f = *fp;
      for (size_t k = 0; k < f.ranges.size(); ++k) {
        RangeOut<K>& r = *f.ranges[k];
        if (r.stopped) {
          f.ranges.resize(k + 1);
          break;
        }
        if (k + 1 < f.ranges.size() && r.stop != f.ranges[k + 1]->begin) {
          // Malformed quoting fooled the cut: read the rest in one piece.
          auto rest = std::make_unique<RangeOut<K>>();
          rest->keep_ids = keep_ids_;
          rest->begin = r.stop;
          rest->end = f.src.text.size();
          f.ranges.resize(k + 1);
          parse_range(f, *rest, strict_);
          f.ranges.push_back(std::move(rest));
        }
      }
    }
  }

  void check_ids() {
    order_.clear();
    for (auto& f : files_) {
      for (auto& r : f->ranges) order_.push_back(r.get());
    }
    if constexpr (K::kHasId) {
      const bool fresh = index_->empty();
      adopt_ids<K>(*index_, order_, /*held=*/!(seal_ && early_));
      dedupe(*index_, order_, dups_, fresh);
      if (seal_ && early_) drop_ids();
    }
  }

  // drop_ids lets go of the kind's ids once they are checked, in a load
  // that seals the dataset: no later load is checked against them, and the
  // load keeps a copy of the index to put back if it fails (it checks
  // early). Held until the commit instead, every kind's id text (~17 bytes a
  // record) was part of the load's peak. The rows of duplicates keep theirs
  // until finish() has named them.
  void drop_ids() {
    clear_index(*index_);
    if (!dups_.empty()) return;
    for (RangeOut<K>* r : order_) {
      r->ids = {};
      r->block_off = {};
    }
  }

 public:

  // finish gives every rejection its file and absolute line, in line order.
  void finish() override {
    // Each range's duplicates, by row (order_ holds every range, in the
    // order of the loops below).
    std::vector<std::vector<IdDup>> found(order_.size());
    for (const IdDup& d : dups_) found[d.range].push_back(d);
    for (size_t k = 0; k < order_.size(); ++k) {
      rows_of_dups(*order_[k], found[k]);
      for (const IdDup& d : found[k]) order_[k]->dups.push_back(static_cast<uint32_t>(d.row));
    }
    size_t range_at = 0;  // the range's place in order_
    for (auto& fp : files_) {
      FileLoad<K>& f = *fp;
      f.merged.clear();
      f.summary.file = f.src.name;
      f.summary.kind = K::kKind;
      f.summary.encoding = f.src.gb18030 ? "GB18030" : "UTF-8";
      f.summary.rows_read = 0;
      int64_t base = f.body_line;
      for (auto& rp : f.ranges) {
        RangeOut<K>& r = *rp;
        const std::vector<IdDup>& dups = found[range_at++];
        std::vector<Rejection> dup_rejects;
        // A duplicate (kept row d) is found by reading rows from the start of
        // its block, counting the rows that were kept (not among the range's
        // rejections, whose lines are still relative to the range).
        size_t counted_to = r.begin;  // line feeds are counted up to here
        int64_t line = base;          // the line at counted_to
        CsvReader reader(f.src.text, line, 1);
        size_t kept = SIZE_MAX;  // the kept rows the reader has passed; none yet
        size_t next_reject = 0;
        for (const IdDup& dup : dups) {
          const size_t d = dup.row;
          // dups are sorted and distinct, so the reader only moves forward:
          // on to a later block's start, or on from the last duplicate.
          const size_t block = d / kRowBlock;
          if (kept == SIZE_MAX || kept / kRowBlock < block) {
            const size_t at = r.begin + r.block_off[block];
            line += static_cast<int64_t>(f.src.count_lf(counted_to, at));
            counted_to = at;
            const size_t block_end =
                block + 1 < r.block_off.size() ? r.begin + r.block_off[block + 1] : std::max(r.stop, r.end);
            f.src.ensure(at, block_end);
            reader.seek(at, line);
            kept = block * kRowBlock;
          }
          CsvRow row;
          for (;;) {
            if (!reader.next(row)) break;  // cannot happen: row d is in the range
            const int64_t rel = row.line - base;
            while (next_reject < r.rejects.size() && r.rejects[next_reject].line < rel) ++next_reject;
            if (next_reject < r.rejects.size() && r.rejects[next_reject].line == rel) continue;
            if (kept++ == d) break;
          }
          Rejection rej;
          rej.file = f.src.name;
          rej.line = row.line;
          rej.column = std::string(K::kIdColumn);
          uint32_t scope = 0;
          std::string_view id;
          read_id_entry(r.ids->data() + dup.offset, scope, id);
          rej.reason = dup_reason<K>(scope, id);
          rej.code = RejectCode::kDuplicate;
          rej.raw = cut_raw(f.src.text.substr(row.begin, row.end - row.begin));
          dup_rejects.push_back(std::move(rej));
        }
        for (Rejection& rej : r.rejects) {
          rej.file = f.src.name;
          rej.line += base;
        }
        const size_t from = f.merged.size();
        f.merged.insert(f.merged.end(), std::make_move_iterator(r.rejects.begin()),
                        std::make_move_iterator(r.rejects.end()));
        f.merged.insert(f.merged.end(), std::make_move_iterator(dup_rejects.begin()),
                        std::make_move_iterator(dup_rejects.end()));
        std::inplace_merge(f.merged.begin() + static_cast<std::ptrdiff_t>(from),
                           f.merged.end() - static_cast<std::ptrdiff_t>(dup_rejects.size()),
                           f.merged.end(),
                           [](const Rejection& a, const Rejection& b) { return a.line < b.line; });
        r.rejects.clear();
        // The ids are in the index now (or copied there): commit needs none of this.
        r.block_off = {};
        r.ids = {};
        base += r.lines;
        f.summary.rows_read += r.rows_read;
      }
      f.summary.rows_rejected = static_cast<int64_t>(f.merged.size());
      f.summary.rows_kept = f.summary.rows_read - f.summary.rows_rejected;
    }
  }

  absl::Status unchanged() const override {
    for (const auto& f : files_) {
      if (f->src.file == nullptr) continue;
      if (absl::Status s = f->src.file->unchanged(); !s.ok()) return s;
    }
    return absl::OkStatus();
  }

  const Rejection* first_rejection() const override {
    for (const auto& f : files_) {
      if (!f->merged.empty()) return &f->merged.front();
    }
    return nullptr;
  }

  void commit(Store& store, int threads, LoadSummary& out) override {
    std::vector<RangeOut<K>*> all;
    for (auto& f : files_) {
      for (auto& r : f->ranges) all.push_back(r.get());
    }
    commit_ranges<K>(store, all, threads);
    for (auto& f : files_) {
      store.rejects.insert(store.rejects.end(), std::make_move_iterator(f->merged.begin()),
                           std::make_move_iterator(f->merged.end()));
      out.files.push_back(f->summary);
    }
  }

 private:
  std::vector<std::unique_ptr<FileLoad<K>>> files_;
  std::vector<RangeOut<K>*> order_;
  std::vector<IdDup> dups_;
  IdIndex* index_;  // the kind's ids in the Store
  bool strict_;
  bool keep_ids_;
  bool seal_;  // LoadOptions::seal
  bool early_;
  std::atomic<size_t> parsing_{0};  // the round's parse tasks still to finish
  bool settled_ = false;            // verified and ids checked
};

std::unique_ptr<KindJob> make_job(RecordKind kind, Store& store, const LoadOptions& options) {
  const bool strict = options.strict, keep_ids = options.keep_ids, seal = options.seal;
  IdIndex& index = store.ids[static_cast<size_t>(kind)];
  switch (kind) {
    case RecordKind::kReconsideration:
      return std::make_unique<KindJobOf<Reconsideration>>(index, strict, keep_ids, seal);
    case RecordKind::kLitigation:
      return std::make_unique<KindJobOf<Litigation>>(index, strict, keep_ids, seal);
    case RecordKind::kLegalAid:
      return std::make_unique<KindJobOf<LegalAid>>(index, strict, keep_ids, seal);
    case RecordKind::kMediation:
      return std::make_unique<KindJobOf<Mediation>>(index, strict, keep_ids, seal);
    case RecordKind::kRegistry:
      return std::make_unique<KindJobOf<Registry>>(index, strict, keep_ids, seal);
    case RecordKind::kActivity:
      return std::make_unique<KindJobOf<Activity>>(index, strict, keep_ids, seal);
    case RecordKind::kRegions:
      return std::make_unique<KindJobOf<Regions>>(index, strict, keep_ids, seal);
  }
  return nullptr;
}

}  // namespace

// refused_status is the error of a load that refused every file it was
// given: each file's reason (which names it), the first's code.
absl::Status refused_status(const std::vector<Refusal>& refused) {
  std::vector<std::string> reasons;
  for (const Refusal& r : refused) reasons.emplace_back(r.why.message());
  return absl::Status(refused.front().why.code(), absl::StrJoin(reasons, "\n"));
}


namespace {

absl::StatusOr<LoadSummary> load_rows(Store& store, const std::vector<FileSpec>& specs,
                                      const LoadOptions& options, std::vector<std::string> notices,
                                      std::vector<Refusal> refused) {
  if (absl::Status s = check_open(store); !s.ok()) return s;
  const int threads = resolve_threads(options.threads);
  LoadContext ctx{options, threads, notices};
  std::array<std::unique_ptr<KindJob>, kRecordKindCount> jobs;
  for (const FileSpec& spec : specs) {
    auto& job = jobs[static_cast<size_t>(spec.kind)];
    if (!job) job = make_job(spec.kind, store, options);
    Source src;
    src.name = spec.name;
    src.path = spec.path;
    src.raw = spec.data;
    job->add_file(std::move(src));
  }
  // Every file is prepared, so that every refused one is listed at once.
  for (auto& job : jobs) {
    if (!job) continue;
    if (absl::Status s = job->prepare(ctx, refused); !s.ok()) return s;
    if (job->empty()) job.reset();
  }
  std::vector<KindJob*> active;
  for (auto& job : jobs) {
    if (job) active.push_back(job.get());
  }
  if (active.empty() && !refused.empty()) return refused_status(refused);
  // The load may still fail after a kind's ids went in: keep a copy of the
  // index of each kind that checks early, to put back.
  std::vector<std::pair<size_t, IdIndex>> saved;
  for (size_t k = 0; k < jobs.size(); ++k) {
    if (jobs[k] && jobs[k]->checks_early()) saved.emplace_back(k, store.ids[k]);
  }
  auto put_back = [&] {
    for (auto& [k, index] : saved) store.ids[k] = std::move(index);
  };
  // An exception (memory ran out) puts the early-checked ids back too, so
  // that the dataset is as it was and a second try does not take its own
  // rows for duplicates. A kind holding earlier loads' ids checks its new
  // ones at settle(), into the index itself, with no copy to put back; the
  // commit changes the rest: an exception past either leaves it damaged.
  enum class Stage { kReading, kSettling, kCommitting } stage = Stage::kReading;
  const int exceptions = std::uncaught_exceptions();
  absl::Cleanup on_exception = [&] {
    if (std::uncaught_exceptions() == exceptions) return;
    put_back();
    const bool ids_kept = std::any_of(active.begin(), active.end(),
                                      [](const KindJob* job) { return !job->checks_early(); });
    if (stage == Stage::kCommitting || (stage == Stage::kSettling && ids_kept)) store.damaged = true;
  };
  std::vector<Task> tasks;
  for (int round = 0; round < 2; ++round) {
    size_t bytes = 0;
    for (KindJob* job : active) bytes += job->pending_bytes();
    // About one range per thread (each range builds its own dictionaries,
    // merged afterwards); one range per file on one thread. A range stays
    // under 1 GiB (row offsets are 32-bit).
    const size_t target = threads <= 1 ? size_t{1} << 30
                                       : std::clamp(bytes / static_cast<size_t>(threads),
                                                    size_t{1} << 20, size_t{1} << 30);
    for (KindJob* job : active) job->plan(target, tasks);
    run_tasks(tasks, threads);
    for (KindJob* job : active) job->cut(tasks);
    run_tasks(tasks, threads);
    bool again = false;
    for (KindJob* job : active) {
      if (absl::Status s = job->redo(ctx, again); !s.ok()) {
        put_back();
        return s;
      }
    }
    if (!again) break;
  }
  stage = Stage::kSettling;
  for (KindJob* job : active) job->settle();

  for (KindJob* job : active) job->finish();
  // A file written to while it was read holds rows of two versions: the load fails.
  for (KindJob* job : active) {
    if (absl::Status s = job->unchanged(); !s.ok()) {
      put_back();
      return s;
    }
  }
  if (options.strict) {
    for (KindJob* job : active) {
      if (const Rejection* r = job->first_rejection()) {
        put_back();
        return absl::InvalidArgumentError(describe(*r));
      }
    }
  }
  LoadSummary out;
  stage = Stage::kCommitting;
  // Nothing will be checked against the ids again: their text goes before
  // the columns are copied into place (the ranges let go of it in finish).
  if (options.seal) store.ids = {};
  for (KindJob* job : active) job->commit(store, threads, out);
  for (const Refusal& r : refused) {
    FileSummary f;
    f.file = r.name;
    f.kind = r.kind;
    f.refused = std::string(r.why.message());
    out.files.push_back(std::move(f));
  }
  out.notices = std::move(notices);
  store.summary.files.insert(store.summary.files.end(), out.files.begin(), out.files.end());
  store.summary.notices.insert(store.summary.notices.end(), out.notices.begin(), out.notices.end());
  return out;
}

// for_each_region_kind calls f(K{}) for every kind of rows with a region.
template <typename F>
void for_each_region_kind(F&& f) {
  f(Reconsideration{});
  f(Litigation{});
  f(LegalAid{});
  f(Mediation{});
  f(Registry{});
  f(Activity{});
}


void drop_id_columns(Store& s) {
  std::vector<TextId>* const ids[] = {&s.reconsideration.case_id, &s.litigation.case_id, &s.legal_aid.case_id,
                                      &s.mediation.case_id, &s.registry.entity_id};
  for (std::vector<TextId>* column : ids) std::vector<TextId>().swap(*column);
}

RowCounts row_counts(Store& s) {
  RowCounts n{};
  for_each_region_kind([&]<typename K>(K) { n[static_cast<size_t>(K::kKind)] = columns_of<K>(s).size(); });
  return n;
}

}  // namespace

// group_rows_by_region groups each kind's rows from `first` on (group_by_region).
void group_rows_by_region(Store& s, const RowCounts& first, int threads) {
  const RegionOrder order(s.regions.codes());
  for_each_region_kind([&]<typename K>(K) {
    group_by_region<K>(columns_of<K>(s), first[static_cast<size_t>(K::kKind)], order, threads);
  });
}

// load reads the files, then groups the rows they added by region once the
// files and their ranges are let go, so that the grouping's buffers (a
// column's copy per thread) come on top of the columns alone, not of the
// parse's buffers too.
absl::StatusOr<LoadSummary> load(Store& store, const std::vector<FileSpec>& specs,
                                 const LoadOptions& options, std::vector<std::string> notices,
                                 std::vector<Refusal> refused) {
  const RowCounts before = row_counts(store);
  absl::StatusOr<LoadSummary> out =
      load_rows(store, specs, options, std::move(notices), std::move(refused));
  if (out.ok()) {
    const DamagedIfThrown guard(store);
    // The dataset's only load, sealing it and keeping no ids: no case will
    // ever be named, so the ID columns (zeros) go, before the rows are
    // grouped (less to move). At 10M records 38 MB, a tenth of the dataset.
    if (options.seal && !options.keep_ids && before == RowCounts{}) drop_id_columns(store);
    group_rows_by_region(store, before, resolve_threads(options.threads));
    if (options.seal) store.sealed = true;
  }
  return out;
}

}  // namespace fazhi::internal
