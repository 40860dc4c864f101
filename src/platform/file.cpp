#include "platform/file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include "absl/strings/str_cat.h"

namespace fazhi::internal {
namespace {

int64_t mtime_ns(const struct stat& st) {
  return static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
}

const char* file_type(mode_t mode) {
  if (S_ISDIR(mode)) return "a folder";
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

std::string too_large(const std::string& name, size_t max_bytes) {
  return absl::StrCat(name, ": larger than ", max_bytes >> 20, " MiB; refused");
}

}  // namespace

RegularFile::RegularFile(RegularFile&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)),
      size_(other.size_),
      mtime_ns_(other.mtime_ns_),
      name_(std::move(other.name_)) {}

RegularFile& RegularFile::operator=(RegularFile&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
    size_ = other.size_;
    mtime_ns_ = other.mtime_ns_;
    name_ = std::move(other.name_);
  }
  return *this;
}

RegularFile::~RegularFile() {
  if (fd_ >= 0) ::close(fd_);
}

absl::StatusOr<RegularFile> RegularFile::open(const std::string& path, const std::string& name,
                                              size_t max_bytes) {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    const int err = errno;
    if (err == ENOENT) {
      // A dangling link names a file that is not there either.
      struct stat lst {};
      if (::lstat(path.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode))
        return absl::NotFoundError(absl::StrCat(name, ": a link to a missing file"));
      return absl::NotFoundError(absl::StrCat(name, ": no such file"));
    }
    return absl::UnavailableError(absl::StrCat(name, ": cannot open: ", std::strerror(err)));
  }
  RegularFile f;
  f.fd_ = fd;
  f.name_ = name;
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    return absl::UnavailableError(absl::StrCat(name, ": cannot open: ", std::strerror(errno)));
  }
  if (!S_ISREG(st.st_mode)) {
    return absl::InvalidArgumentError(
        absl::StrCat(name, ": ", file_type(st.st_mode), ", not a regular file; refused"));
  }
  if (static_cast<uint64_t>(st.st_size) > max_bytes) {
    return absl::InvalidArgumentError(too_large(name, max_bytes));
  }
  f.size_ = static_cast<size_t>(st.st_size);
  f.mtime_ns_ = mtime_ns(st);
  return f;
}

bool RegularFile::read_at(size_t offset, size_t len, char* out) const {
  while (len > 0) {
    const ssize_t n = ::pread(fd_, out, len, static_cast<off_t>(offset));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    out += n;
    offset += static_cast<size_t>(n);
    len -= static_cast<size_t>(n);
  }
  return true;
}

absl::Status RegularFile::unchanged() const {
  struct stat st {};
  if (::fstat(fd_, &st) != 0 || static_cast<uint64_t>(st.st_size) != size_ ||
      mtime_ns(st) != mtime_ns_) {
    return absl::AbortedError(absl::StrCat(
        name_, ": changed while it was being loaded (written, truncated or replaced in place); "
               "nothing of this load was kept; load it again once it is complete"));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> read_small_file(const std::string& path, const std::string& name,
                                            size_t max_bytes) {
  absl::StatusOr<RegularFile> f = RegularFile::open(path, name, max_bytes);
  if (!f.ok()) return f.status();
  std::string text(f->size(), '\0');
  const bool read = f->read_at(0, text.size(), text.data());
  const int err = errno;
  // A file that shrank or grew while read is not the file that was opened.
  if (absl::Status s = f->unchanged(); !s.ok()) return s;
  if (!read) return absl::UnavailableError(absl::StrCat(name, ": cannot read: ", std::strerror(err)));
  return text;
}

absl::StatusOr<std::string> read_capped(int fd, const std::string& name, size_t max_bytes) {
  std::string text;
  char buf[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return absl::UnavailableError(absl::StrCat(name, ": cannot read: ", std::strerror(errno)));
    if (n == 0) return text;
    if (text.size() + static_cast<size_t>(n) > max_bytes)
      return absl::InvalidArgumentError(too_large(name, max_bytes));
    text.append(buf, static_cast<size_t>(n));
  }
}

}  // namespace fazhi::internal
