// What the C ABI's files share, and nothing else: the handles behind
// fazhi.h's opaque types, the one exception guard, the error and argument
// checks every entry point makes in the same words, the struct_size rules of
// structs that grow, and strings handed to the caller. Private to capi/: it
// is not installed, and none of it is exported (fazhi.map exports fz_ names).
#ifndef FAZHI_CAPI_INTERNAL_HPP_
#define FAZHI_CAPI_INTERNAL_HPP_

#include "fazhi.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <limits>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "fazhi/calendar.hpp"
#include "fazhi/dataset.hpp"
#include "fazhi/lottery.hpp"
#include "fazhi/metrics.hpp"
#include "fazhi/profile.hpp"
#include "fazhi/records.hpp"
#include "fazhi/region.hpp"
#include "fazhi/report.hpp"
#include "fazhi/text.hpp"

struct fz_calendar {
  fazhi::Calendar cal;
};

struct fz_dataset {
  fazhi::Dataset ds;
  fazhi::LoadOptions options;
};

namespace fazhi::capi {
// ExactFigure is one fraction of a metric (the value, the previous value or
// the YoY) as fz_value carries it: int64 when it fits, decimal text always.
struct ExactFigure {
  int64_t num = 0, den = 0;
  std::string num_text, den_text;
  bool fits = true;
};

// MetricExtras are what fz_value borrows from a report beyond the core's
// MetricFigure, computed once so that reading is const and thread-safe.
struct MetricExtras {
  ExactFigure value, previous, yoy, yoy_pp;
  ExactFigure sequential_previous, sequential_change, sequential_pp;
};

}  // namespace fazhi::capi

struct fz_report {
  fazhi::Report report;
  std::string region_code;
  std::vector<fazhi::capi::MetricExtras> extras;  // by metric index
};

namespace fazhi::capi {

// ---- Errors (status.cpp) ----------------------------------------------------------

// The calling thread's last error, read by fz_last_error_code/_message.
extern thread_local fz_status tl_code;
extern thread_local std::string tl_message;

fz_status set_error(fz_status code, std::string message);
fz_status clear_error();
fz_status from_status(const absl::Status& s);
// from_status_in is from_status with the function (and argument) named.
fz_status from_status_in(const char* function, const char* name, const absl::Status& s);
fz_status out_of_memory() noexcept;

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

fz_status null_argument(const char* function, const char* name);
// index_argument checks an index into a list of n.
fz_status index_argument(const char* function, int64_t index, size_t n);
fz_status invalid(const char* function, const std::string& what);
// utf8_argument checks that a string argument is valid UTF-8.
fz_status utf8_argument(const char* function, const char* name, std::string_view text);
// text_argument: a required, NUL-terminated UTF-8 string.
fz_status text_argument(const char* function, const char* name, const char* text);

// ---- Structs that grow (struct_size first) --------------------------------------

// read_struct copies a caller's input struct over `out`, which holds the
// defaults: only the bytes within struct_size are read, so an older, smaller
// struct leaves the later fields at their defaults. Bytes beyond this
// library's struct (a newer caller's fields) must be zero: a field this
// library does not know cannot be honoured.
// A struct_size this far beyond any fazhi struct is garbage (an
// uninitialised struct), not a newer caller: it is refused, in and out.
constexpr uint32_t kMaxStructSize = 4096;

template <typename T>
fz_status read_struct(const char* function, const char* name, const char* type, const T* in,
                      size_t min_size, T& out) {
  const uint32_t size = in->struct_size;
  if (size > kMaxStructSize) {
    return invalid(function, absl::StrCat(name, "->struct_size is ", size,
                                          ": not initialised? set it with the _INIT macro"));
  }
  if (size < min_size) {
    return invalid(function,
                   absl::StrCat(name, "->struct_size is ", size, ", less than the smallest ", type,
                                " (", min_size, " bytes); set it with the _INIT macro"));
  }
  if (size > sizeof(T)) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(in);
    for (size_t i = sizeof(T); i < size; ++i) {
      if (bytes[i] != 0) {
        return invalid(
            function, absl::StrCat(name, " sets a field this library does not know (", type, " of ",
                                   size, " bytes, this library's has ", sizeof(T),
                                   "): the program was built against a newer fazhi.h"));
      }
    }
  }
  std::memcpy(&out, in, std::min<size_t>(size, sizeof(T)));
  return FZ_OK;
}

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

// ---- Strings out (status.cpp) -------------------------------------------------------

void clear_string_out(char** out, size_t* len);
// give_string copies text, as valid UTF-8, into memory the caller releases
// with fz_free.
fz_status give_string(const std::string& text, char** out, size_t* len);

// ---- Dates (calendar.cpp) ---------------------------------------------------------

const fazhi::Calendar& calendar_or_national(const fz_calendar* cal);
fz_status date_argument(const char* function, const char* name, const char* text,
                        fazhi::Date& out);
void write_date(fazhi::Date d, char out[11]);
void write_day(fazhi::DayNumber d, char* out);

// ---- Reports (report.cpp) ---------------------------------------------------------

fz_status read_report_options(const char* function, const fz_report_options* in,
                              fazhi::Profile& profile, const fazhi::Calendar*& calendar);
fz_status period_arguments(const char* function, const char* from, const char* to,
                           fazhi::Period& out);
// new_report wraps a core report with what fz_value borrows from it.
fz_report* new_report(fazhi::Report&& r);

}  // namespace fazhi::capi

#endif  // FAZHI_CAPI_INTERNAL_HPP_
