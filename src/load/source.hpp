// source.hpp -- a record file's text on its way in (internal): its bytes
// read a piece at a time (FileText), its encoding settled (UTF-8, or
// GB18030 converted line by line), lone-CR line ends, the row boundaries a
// range may start at, and the texts a rejection keeps. Also the small types
// the load stages pass around (a refused file, the load's context, a task).
#ifndef FAZHI_SRC_LOAD_SOURCE_HPP_
#define FAZHI_SRC_LOAD_SOURCE_HPP_

#include <fcntl.h>
#include <sys/mman.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "fazhi/dataset.hpp"
#include "load/csv.hpp"
#include "load/encoding.hpp"
#include "platform/bytes.hpp"
#include "platform/file.hpp"
#include "platform/huge_pages.hpp"

namespace fazhi::internal {

// kReleaseStep is how much read text a range lets pile up before it gives the
// pages back (Source::release).
inline constexpr size_t kReleaseStep = size_t{8} << 20;

// FileText holds a record file's bytes. They are read with pread, a piece at
// a time as the loader comes to them, into anonymous memory the size of the
// file, rather than mapped: a mapped file that shrinks while it is read kills
// the process with SIGBUS, where a short read is only an error the load
// reports (and the file's size and modification time are checked once it is
// read). Every reader of the bytes calls ensure first; bytes not read in yet
// read as zeros, never as a fault.
class FileText {
 public:
  // A piece is read whole: large enough that a read costs little against
  // parsing its bytes, small enough to stay in cache until they are parsed.
  static constexpr size_t kPiece = size_t{256} << 10;

  FileText() = default;
  FileText(const FileText&) = delete;
  FileText& operator=(const FileText&) = delete;
  ~FileText() {
    if (map_ != nullptr) munmap(map_, mapped_);
  }
  // open opens `path` (a regular file); messages name the file as `name`.
  absl::Status open(const std::string& path, const std::string& name) {
    absl::StatusOr<RegularFile> file = RegularFile::open(path, name, SIZE_MAX);
    if (!file.ok()) return file.status();
    file_ = *std::move(file);
    name_ = name;
    size_ = file_.size();
    if (size_ > 0) {
      // Pages never written cost nothing; NORESERVE: nor do they count
      // against overcommit. The bytes start on a 2 MiB boundary and are
      // backed by 2 MiB pages (huge_pages.hpp): read a piece at a time into
      // 4 KiB pages, every page was a fault, and the faults took most of
      // the time the reads did.
      mapped_ = size_ + 2 * kHugePage;  // room to align, and for the last 2 MiB page whole
      void* p = mmap(nullptr, mapped_, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
      if (p == MAP_FAILED) {
        mapped_ = 0;
        return absl::ResourceExhaustedError(
            absl::StrCat(name, ": no memory for its ", size_, " bytes: ", std::strerror(errno)));
      }
      map_ = static_cast<char*>(p);
      data_ = map_ + (kHugePage - reinterpret_cast<uintptr_t>(map_) % kHugePage) % kHugePage;
      prefer_huge_pages(data_, size_ + kHugePage - 1);
      state_ = std::make_unique<std::atomic<uint8_t>[]>((size_ + kPiece - 1) / kPiece);
      backed_.assign((size_ + kHugePage - 1) / kHugePage, 0);
      posix_fadvise(file_.fd(), 0, 0, POSIX_FADV_SEQUENTIAL);
    }
    return absl::OkStatus();
  }
  std::string_view bytes() const { return {data_, size_}; }

  // ensure reads in the pieces of [from, to) not in memory yet. Safe from
  // several threads: a piece is read by one, which the others wait for.
  [[gnu::noinline]] void ensure(size_t from, size_t to) const {
    to = std::min(to, size_);
    if (from >= to) return;
    for (size_t k = from / kPiece; k <= (to - 1) / kPiece; ++k) {
      std::atomic<uint8_t>& state = state_[k];
      if (state.load(std::memory_order_acquire) == kPresent) continue;
      const std::lock_guard<std::mutex> lock(mutex_);  // one reader of a piece; the others wait
      if (state.load(std::memory_order_relaxed) == kPresent) continue;
      const size_t at = k * kPiece;
      back(at / kHugePage);
      if (!file_.read_at(at, std::min(kPiece, size_ - at), data_ + at)) {
        short_read_.store(true, std::memory_order_relaxed);
      }
      state.store(kPresent, std::memory_order_release);
    }
  }

  // copy_out reads [from, from + n) (within the file) into `out`, a
  // caller's buffer, and leaves the text's own pages as they are: false when
  // the read falls short (the file shrank; ensure's reads will say so).
  bool copy_out(size_t from, size_t n, char* out) const { return file_.read_at(from, n, out); }

  // release gives back the 2 MiB pages wholly inside [from, to) (giving
  // back part of one would split it), and returns where what it gave back
  // ends (`from` when nothing): a range drops the text it has read, so the
  // load's peak memory is not the whole folder's size, and its next release
  // starts there. A later ensure of those bytes (a duplicate's row, a
  // re-parse) reads them in again.
  size_t release(size_t from, size_t to) const {
    static_assert(kHugePage % kPiece == 0);
    const size_t begin = (from + kHugePage - 1) / kHugePage * kHugePage;
    const size_t end = (to >= size_ ? size_ + kHugePage - 1 : to) / kHugePage * kHugePage;  // the last may be short
    if (data_ == nullptr || end <= begin) return from;
    const std::lock_guard<std::mutex> lock(mutex_);
    for (size_t k = begin / kPiece; k < std::min(end, size_ + kPiece - 1) / kPiece; ++k) {
      state_[k].store(kAbsent, std::memory_order_relaxed);
    }
    for (size_t page = begin / kHugePage; page < end / kHugePage; ++page) {
      if (!backed_[page]) continue;
      if (spares_.size() < kSpares && to < size_) {
        spares_.push_back(page);  // kept, for a page read later (back)
      } else {
        madvise(data_ + page * kHugePage, kHugePage, MADV_DONTNEED);
        backed_[page] = 0;
      }
    }
    if (to >= size_) {  // the end: no page will be read after it
      for (const size_t page : spares_) {
        madvise(data_ + page * kHugePage, kHugePage, MADV_DONTNEED);
        backed_[page] = 0;
      }
      spares_.clear();
    }
    return std::min(end, size_);
  }

  // unchanged is OK while the file read is the file opened (see RegularFile).
  absl::Status unchanged() const {
    absl::Status s = file_.unchanged();
    if (s.ok() && short_read_.load(std::memory_order_relaxed)) {
      // Shrunk and grown back to its size within the clock's resolution.
      s = absl::AbortedError(absl::StrCat(name_, ": changed while it was being loaded (it shrank)"));
    }
    return s;
  }

 private:
  static constexpr uint8_t kAbsent = 0, kPresent = 1;
  // A page given back to the kernel and a fresh one taken for the next
  // bytes: the kernel zeroes each 2 MiB it hands out, which took as long as
  // reading the bytes in. Up to kSpares pages given back (release) are kept
  // instead, and the next page to be read (back) takes one over where it
  // is (mremap moves its memory: no copy, no zeroing), its old place left
  // mapped and empty. Its old bytes are read over piece by piece as
  // ensure reads them; none is read before (ensure comes first), and the
  // page that holds the file's end, whose bytes past the end read as zeros,
  // is never one taken over.
  static constexpr size_t kSpares = 2;
  void back(size_t page) const {
    if (backed_[page]) {
      // Read again after its release: no longer spare.
      spares_.erase(std::remove(spares_.begin(), spares_.end(), page), spares_.end());
      return;
    }
    backed_[page] = 1;
    if (spares_.empty() || (page + 1) * kHugePage > size_) return;
    const size_t spare = spares_.back();
    spares_.pop_back();
    char* const from = data_ + spare * kHugePage;
    // DONTUNMAP (Linux 5.7): the old place stays mapped, empty, so that no
    // byte of the text is ever a fault; where the move is refused, the
    // spare is given back as release would have.
    if (mremap(from, kHugePage, kHugePage, MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP,
               data_ + page * kHugePage) == MAP_FAILED) {
      madvise(from, kHugePage, MADV_DONTNEED);
    }
    backed_[spare] = 0;
  }
  RegularFile file_;
  std::string name_;
  char* map_ = nullptr;  // the mapping: data_ on, and the room to align it
  size_t mapped_ = 0;
  char* data_ = nullptr;
  size_t size_ = 0;
  std::unique_ptr<std::atomic<uint8_t>[]> state_;  // per piece
  mutable std::atomic<bool> short_read_{false};
  mutable std::mutex mutex_;
  // Under mutex_: per 2 MiB page, whether it has memory (read into, or
  // taken over); the pages given back but kept (kSpares).
  mutable std::vector<uint8_t> backed_;
  mutable std::vector<size_t> spares_;
};

struct Source {
  std::string name;
  std::string path;  // empty for a buffer
  std::unique_ptr<FileText> file;
  std::string_view raw;
  std::string converted;
  std::string_view text;  // UTF-8, BOM removed
  bool gb18030 = false;
  bool utf8_declared = false;  // forced UTF-8 or a UTF-8 BOM: bad bytes reject rows
  bool check_utf8 = true;      // false once converted (iconv writes valid UTF-8)
  bool cr_line_ends = false;   // lines end with a lone CR: text is a copy with LF instead
  std::vector<OddLine> odd;    // GB18030: lines left unconverted, whose rows are rejected

  // read_all reads the whole file in, for a stage that copies it (a
  // conversion from GB18030, LF for CR, the encoding vote); drop_all gives it
  // back once that copy is made.
  void read_all() const {
    if (file != nullptr) file->ensure(0, raw.size());
  }
  void drop_all() const {
    if (file != nullptr) file->release(0, raw.size());
  }
  // reads_from_file: text is the file's own bytes, read in as needed, not a
  // caller's buffer or a copy (converted from GB18030, or with LF for CR).
  bool reads_from_file() const { return file != nullptr && !gb18030 && !cr_line_ends; }
  // ensure reads text[from, to) in from the file before it is read
  // (FileText); release drops it once read. Nothing to do unless
  // reads_from_file.
  void ensure(size_t from, size_t to) const {
    if (!reads_from_file()) return;
    const size_t base = static_cast<size_t>(text.data() - file->bytes().data());
    file->ensure(base + from, base + to);
  }
  // sample is text[from, from + n) for a look that keeps nothing: from a
  // file, a copy in `buffer` read past the text's pages, so that a look far
  // ahead of the parse backs no 2 MiB page it reaches only later (empty if
  // the read falls short).
  std::string_view sample(size_t from, size_t n, std::string& buffer) const {
    n = std::min(n, text.size() - std::min(from, text.size()));
    if (!reads_from_file()) return text.substr(from, n);
    const size_t base = static_cast<size_t>(text.data() - file->bytes().data());
    buffer.resize(n);
    if (!file->copy_out(base + from, n, buffer.data())) buffer.clear();
    return buffer;
  }
  // release returns where what it gave back ends (FileText::release).
  size_t release(size_t from, size_t to) const {
    if (!reads_from_file()) return from;
    const size_t base = static_cast<size_t>(text.data() - file->bytes().data());
    return file->release(base + from, base + to) - base;
  }
  // find_row_start is next_row_start over text[from, limit), read in a step
  // at a time: the offset after the first line feed outside quotes, or
  // `limit` when there is none. Steps passed without one are given back:
  // they lie inside one row longer than kMaxRowBytes, rejected, not kept.
  // `lines` (if any) counts the line feeds passed; `open` (if any) is set
  // when there is none and a quoted field runs on to `limit`.
  [[gnu::noinline]] size_t find_row_start(size_t from, size_t limit, bool in_quotes,
                                          int64_t* lines = nullptr, bool* open = nullptr) const {
    size_t step = size_t{64} << 10;  // most rows end within the first step
    size_t released = from;          // each release starts where the last one's pages end
    for (size_t at = from; at < limit; at += step, step = kReleaseStep) {
      const size_t end = std::min(limit, at + step);
      // One byte more, so that a line feed at end - 1 is told from none.
      const size_t probe = std::min(text.size(), end + 1);
      ensure(at, probe);
      const size_t next = next_row_start(text.substr(0, probe), at, in_quotes);
      if (next <= end) {
        const std::string_view passed = text.substr(at, next - at);
        if (lines != nullptr) *lines += static_cast<int64_t>(count_byte(passed, '\n'));
        // At the end of the text next_row_start finds the end: open or not.
        if (open != nullptr) *open = next == text.size() && (in_quotes ^ ((count_byte(passed, '"') & 1) != 0));
        return next;
      }
      const std::string_view step_text = text.substr(at, end - at);
      in_quotes ^= (count_byte(step_text, '"') & 1) != 0;
      if (lines != nullptr) *lines += static_cast<int64_t>(count_byte(step_text, '\n'));
      released = release(released, end);
    }
    if (open != nullptr) *open = in_quotes;
    return limit;
  }
  // count_lf counts the line feeds of text[from, to), reading in what it
  // needs a step at a time and giving back what it read in.
  size_t count_lf(size_t from, size_t to) const {
    constexpr size_t kStep = kReleaseStep;
    size_t n = 0, released = from;
    for (size_t at = from; at < to; at += kStep) {
      const size_t end = std::min(to, at + kStep);
      ensure(at, end);
      n += count_byte(text.substr(at, end - at), '\n');
      released = release(released, end);
    }
    return n;
  }
};

// cut_raw is a rejected row's text as a Rejection keeps it: at most
// kMaxRawText bytes, whole characters, and valid UTF-8 (a row rejected for
// holding bad bytes keeps U+FFFD in their place, so it can enter JSON).
std::string cut_raw(std::string_view row);

// issue_reason says what is wrong with a row the CSV reader flagged.
std::string_view issue_reason(CsvIssue issue);

// describe is a rejection as one line: `file:line: column: reason`.
std::string describe(const Rejection& r);

// Refusal is a file refused whole: `why` names it.
struct Refusal {
  std::string name;
  RecordKind kind;
  absl::Status why;
};

// LoadContext is what every stage of one load reads: its options, its
// threads, and the notices it adds to.
struct LoadContext {
  const LoadOptions& options;
  int threads;
  std::vector<std::string>& notices;
};

// Task is a piece of a stage's work; run_tasks runs the heaviest first, on
// `threads` threads.
struct Task {
  size_t weight;  // about its bytes
  std::function<void()> run;
};

void run_tasks(std::vector<Task>& tasks, int threads);

// kHeaderWindow holds the header row (at most kMaxRowBytes) and a BOM.
inline constexpr size_t kHeaderWindow = kMaxRowBytes + 8;

// check_line_breaks refuses a file with no line break where its header
// should end: a file of zero bytes (cut short or zero-filled by a crash, or
// sparse) or of anything else without rows, which would otherwise be read
// whole only to find a header longer than a row may be.
absl::Status check_line_breaks(const Source& src);

// use_gb18030 replaces the file's text with its conversion to UTF-8
// (gb18030_lines_to_utf8). Lines that are not GB18030 text (encoding.hpp,
// OddLine) stay as they are, to be rejected row by row; only a header among
// them refuses the file.
absl::Status use_gb18030(Source& src, std::string converted, std::vector<OddLine> odd);

// convert_gb18030 reads the whole file and uses its GB18030 conversion.
absl::Status convert_gb18030(Source& src, int threads);

// notice_odd_lines says how many rows convert_gb18030 left to be rejected.
void notice_odd_lines(const Source& src, std::vector<std::string>& notices);

// guess_rows is about the rows of `text` (its line feeds + 1): all of them
// counted when it is short, else those of kRowSamples windows of
// kRowWindow bytes spread evenly over it, scaled to its length, with 1/128
// more to spare. The windows see the whole text, not only its start, where
// a file's rows may be longer or shorter than later on; from a file they
// are read into a buffer of their own (Source::sample).
inline constexpr size_t kRowSamples = 16, kRowWindow = size_t{64} << 10;
size_t guess_rows(const Source& src, size_t begin, size_t end);

// extend_view reads the text in up to `to` and sets parse_rows's view and
// reader on it, at `at`. Not inlined into the flattened parse loop: it runs
// once every few MiB.
void extend_view(const Source& src, size_t at, int64_t line, size_t to, size_t max_fields,
                 std::string_view& view, CsvReader& reader);

}  // namespace fazhi::internal

#endif  // FAZHI_SRC_LOAD_SOURCE_HPP_
