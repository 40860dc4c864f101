// The C ABI's version, status codes and thread-local errors, and the argument
// checks and strings out every entry point shares (declared in internal.hpp).
// The C ABI adds no logic: it checks arguments, converts C strings and
// structs to the core's types with the core's own parsers, calls the core
// inside one exception guard per entry point, and turns absl::Status into
// fz_status plus a thread-local message.
#include "internal.hpp"

namespace fazhi::capi {
static_assert(static_cast<int>(absl::StatusCode::kInvalidArgument) == FZ_INVALID_ARGUMENT);
static_assert(static_cast<int>(absl::StatusCode::kNotFound) == FZ_NOT_FOUND);
static_assert(static_cast<int>(absl::StatusCode::kOutOfRange) == FZ_OUT_OF_RANGE);
static_assert(static_cast<int>(absl::StatusCode::kUnauthenticated) == FZ_UNAUTHENTICATED);

thread_local fz_status tl_code = FZ_OK;
thread_local std::string tl_message;

fz_status set_error(fz_status code, std::string message) {
  tl_code = code;
  // The message is promised to be UTF-8 (it may quote a caller's bytes).
  tl_message = fazhi::is_valid_utf8(message) ? std::move(message)
                                                        : fazhi::to_valid_utf8(message);
  return code;
}

fz_status clear_error() {
  tl_code = FZ_OK;
  tl_message.clear();
  return FZ_OK;
}

fz_status from_status(const absl::Status& s) {
  if (s.ok()) return clear_error();
  return set_error(static_cast<fz_status>(s.code()), std::string(s.message()));
}

// from_status_in is from_status with the function (and argument) named.
fz_status from_status_in(const char* function, const char* name, const absl::Status& s) {
  if (s.ok()) return clear_error();
  return set_error(static_cast<fz_status>(s.code()),
                   absl::StrCat(function, ": ", name, ": ", s.message()));
}

fz_status out_of_memory() noexcept {
  return set_error(FZ_RESOURCE_EXHAUSTED, "out of memory");  // short enough to need no allocation
}


fz_status null_argument(const char* function, const char* name) {
  return set_error(FZ_INVALID_ARGUMENT, std::string(function) + ": " + name + " is NULL");
}

// index_argument checks an index into a list of n.
fz_status index_argument(const char* function, int64_t index, size_t n) {
  if (index >= 0 && static_cast<uint64_t>(index) < n) return FZ_OK;
  return set_error(FZ_OUT_OF_RANGE,
                   absl::StrCat(function, ": index ", index, " is outside [0, ", n, ")"));
}

fz_status invalid(const char* function, const std::string& what) {
  return set_error(FZ_INVALID_ARGUMENT, absl::StrCat(function, ": ", what));
}

// utf8_argument checks that a string argument is valid UTF-8.
fz_status utf8_argument(const char* function, const char* name, std::string_view text) {
  size_t bad = 0;
  if (fazhi::is_valid_utf8(text, &bad)) return FZ_OK;
  return invalid(function, absl::StrCat(name, " is not valid UTF-8 (byte ", bad + 1, " of ",
                                        text.size(), ")"));
}

// text_argument: a required, NUL-terminated UTF-8 string.
fz_status text_argument(const char* function, const char* name, const char* text) {
  if (!text) return null_argument(function, name);
  return utf8_argument(function, name, text);
}

void clear_string_out(char** out, size_t* len) {
  if (out) *out = nullptr;
  if (len) *len = 0;
}

// give_string copies s, as valid UTF-8, into memory the caller releases with
// fz_free.
fz_status give_string(const std::string& text, char** out, size_t* len) {
  // Strings out are promised to be UTF-8; the core already sanitizes what
  // it takes from outside, this is the last line of defence.
  std::string fixed;
  if (!fazhi::is_valid_utf8(text)) fixed = fazhi::to_valid_utf8(text);
  const std::string& s = fixed.empty() ? text : fixed;
  char* p = static_cast<char*>(std::malloc(s.size() + 1));
  if (!p) return out_of_memory();
  std::memcpy(p, s.data(), s.size());
  p[s.size()] = '\0';
  *out = p;
  if (len) *len = s.size();
  return clear_error();
}

}  // namespace fazhi::capi

// The entry points, at global scope so that they take fazhi.h's
// declarations (and their visibility); they use these of the namespace:
using fazhi::capi::tl_code;
using fazhi::capi::tl_message;

extern "C" {

// ---- Version and errors ---------------------------------------------------------

const char* fz_version_string(void) { return FZ_VERSION_STRING; }
int32_t fz_version_number(void) { return FZ_VERSION_NUMBER; }
int32_t fz_abi_version(void) { return FZ_ABI_VERSION; }

const char* fz_status_string(fz_status code) {
  switch (code) {
    case FZ_OK:
      return "FZ_OK";
    case FZ_CANCELLED:
      return "FZ_CANCELLED";
    case FZ_UNKNOWN:
      return "FZ_UNKNOWN";
    case FZ_INVALID_ARGUMENT:
      return "FZ_INVALID_ARGUMENT";
    case FZ_DEADLINE_EXCEEDED:
      return "FZ_DEADLINE_EXCEEDED";
    case FZ_NOT_FOUND:
      return "FZ_NOT_FOUND";
    case FZ_ALREADY_EXISTS:
      return "FZ_ALREADY_EXISTS";
    case FZ_PERMISSION_DENIED:
      return "FZ_PERMISSION_DENIED";
    case FZ_RESOURCE_EXHAUSTED:
      return "FZ_RESOURCE_EXHAUSTED";
    case FZ_FAILED_PRECONDITION:
      return "FZ_FAILED_PRECONDITION";
    case FZ_ABORTED:
      return "FZ_ABORTED";
    case FZ_OUT_OF_RANGE:
      return "FZ_OUT_OF_RANGE";
    case FZ_UNIMPLEMENTED:
      return "FZ_UNIMPLEMENTED";
    case FZ_INTERNAL:
      return "FZ_INTERNAL";
    case FZ_UNAVAILABLE:
      return "FZ_UNAVAILABLE";
    case FZ_DATA_LOSS:
      return "FZ_DATA_LOSS";
    case FZ_UNAUTHENTICATED:
      return "FZ_UNAUTHENTICATED";
    default:
      return "FZ_UNKNOWN_STATUS";
  }
}

fz_status fz_last_error_code(void) { return tl_code; }
const char* fz_last_error_message(void) { return tl_message.c_str(); }
void fz_free(void* p) { std::free(p); }

}  // extern "C"
