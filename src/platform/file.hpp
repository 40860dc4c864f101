// file.hpp -- opening the files the library reads (internal).
//
// Every file the library or the command line reads by name goes through
// RegularFile: a record file, a profile, a calendar notice, an audit record,
// a list of ids. What is not a regular file is refused before a byte is read
// (a FIFO would block forever, /dev/zero never ends), and a file larger than
// its kind can be is refused rather than read into memory.
#ifndef FAZHI_SRC_FILE_HPP_
#define FAZHI_SRC_FILE_HPP_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace fazhi::internal {

// Caps on the small files read whole: each is far above what a real one
// holds (a profile is a few hundred bytes, a year's notice a few KiB).
inline constexpr size_t kMaxProfileBytes = size_t{1} << 20;
inline constexpr size_t kMaxCalendarBytes = size_t{16} << 20;
inline constexpr size_t kMaxAuditBytes = size_t{64} << 20;
inline constexpr size_t kMaxListBytes = size_t{64} << 20;

class RegularFile {
 public:
  RegularFile() = default;
  RegularFile(RegularFile&& other) noexcept;
  RegularFile& operator=(RegularFile&& other) noexcept;
  RegularFile(const RegularFile&) = delete;
  RegularFile& operator=(const RegularFile&) = delete;
  ~RegularFile();

  // open opens `path` for reading; messages name it as `name`. NotFound
  // when there is no such file, InvalidArgument when it is not a regular
  // file (a folder, a FIFO, a device, a socket; a link is followed) or is
  // larger than max_bytes.
  static absl::StatusOr<RegularFile> open(const std::string& path, const std::string& name,
                                          size_t max_bytes);

  int fd() const { return fd_; }
  size_t size() const { return size_; }

  // read_at reads [offset, offset + len) into `out`; false when the file
  // ended first or the read failed (the file shrank since it was opened).
  bool read_at(size_t offset, size_t len, char* out) const;

  // unchanged is OK while the file has the size and modification time it
  // had when opened; Aborted, naming the file, once it has been written to.
  absl::Status unchanged() const;

 private:
  int fd_ = -1;
  size_t size_ = 0;
  int64_t mtime_ns_ = 0;
  std::string name_;
};

// read_small_file reads a whole regular file of at most max_bytes.
absl::StatusOr<std::string> read_small_file(const std::string& path, const std::string& name,
                                            size_t max_bytes);

// read_capped reads a stream's descriptor (stdin, a pipe) to its end, refusing
// more than max_bytes.
absl::StatusOr<std::string> read_capped(int fd, const std::string& name, size_t max_bytes);

}  // namespace fazhi::internal

#endif  // FAZHI_SRC_FILE_HPP_
