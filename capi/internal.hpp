// capi/internal.hpp -- what the C ABI's files share: the dataset handle, the
// exception guard, the thread-local error, argument checks, structs that grow
// (struct_size) and strings out. Private to libfazhi.so.1 (fazhi.map exports
// fz_ names only); defined in capi/fazhi.cpp except the templates below.
#ifndef FAZHI_CAPI_INTERNAL_HPP_
#define FAZHI_CAPI_INTERNAL_HPP_

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <exception>
#include <new>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "fazhi.h"
#include "fazhi/calendar.hpp"
#include "fazhi/dataset.hpp"
#include "fazhi/metrics.hpp"
#include "fazhi/profile.hpp"

struct fz_dataset {
  fazhi::Dataset ds;
  fazhi::LoadOptions options;
};

namespace fz_internal {

// Errors: each sets the thread's status and message (fz_last_error_message).
fz_status set_error(fz_status code, std::string message);
fz_status clear_error();
fz_status from_status(const absl::Status& s);
// from_status_in is from_status with the function (and argument) named.
fz_status from_status_in(const char* function, const char* name, const absl::Status& s);
fz_status out_of_memory() noexcept;
fz_status null_argument(const char* function, const char* name);
// index_argument checks an index into a list of n.
fz_status index_argument(const char* function, int64_t index, size_t n);
fz_status invalid(const char* function, const std::string& what);
// text_argument: a required, NUL-terminated UTF-8 string.
fz_status text_argument(const char* function, const char* name, const char* text);

// give_string copies text, as valid UTF-8, into memory the caller releases
// with fz_free; clear_string_out empties a string out-parameter first.
fz_status give_string(const std::string& text, char** out, size_t* len);
void clear_string_out(char** out, size_t* len);

// period_arguments reads from/to ("2019-01-01"); read_report_options reads
// fz_report_options (NULL: the defaults) into a profile and a calendar.
fz_status period_arguments(const char* function, const char* from, const char* to, fazhi::Period& out);
fz_status read_report_options(const char* function, const fz_report_options* in, fazhi::Profile& profile,
                              const fazhi::Calendar*& calendar);

// guard runs body and turns any exception into a status: nothing C++ crosses
// the ABI. Building the message of an internal error may itself run out of
// memory, which is then the status.
template <typename Body>
fz_status guard(Body&& body) noexcept {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    return out_of_memory();
  } catch (const std::exception& e) {
    try {
      return set_error(FZ_INTERNAL, std::string("internal error: ") + e.what());
    } catch (...) {
      return out_of_memory();
    }
  } catch (...) {
    return set_error(FZ_INTERNAL, "internal error");
  }
}

// A struct_size this far beyond any fazhi struct is garbage (an
// uninitialised struct), not a newer caller: it is refused, in and out.
constexpr uint32_t kMaxStructSize = 4096;

// check_out_struct checks an output struct's struct_size before any work.
template <typename T>
fz_status check_out_struct(const char* function, const char* name, const char* type, const T* out,
                           size_t min_size) {
  if (out->struct_size > kMaxStructSize) {
    return invalid(function, absl::StrCat(name, "->struct_size is ", out->struct_size,
                                          ": not initialised? set it with the _INIT macro"));
  }
  if (out->struct_size < min_size) {
    return invalid(function, absl::StrCat(name, "->struct_size is ", out->struct_size,
                                          ", less than the smallest ", type, " (", min_size,
                                          " bytes); set it with the _INIT macro"));
  }
  return FZ_OK;
}

// write_struct writes `full` into the caller's struct up to its struct_size
// (an older caller's smaller struct gets only the fields it has).
template <typename T>
void write_struct(T* out, T full) {
  full.struct_size = out->struct_size;
  std::memcpy(out, &full, std::min<size_t>(out->struct_size, sizeof(T)));
}

}  // namespace fz_internal

#endif  // FAZHI_CAPI_INTERNAL_HPP_
