// date_fuzzer.cpp -- the date parsers (docs/data.md's five forms) on arbitrary text.
//
// Properties: nothing crashes; the loaders' fast parser and the full one
// agree; an accepted date is in [kMinYear, kMaxYear] and reads back the same
// from its ISO form.
#include <cstdint>
#include <string_view>

#include "fazhi/date.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  absl::StatusOr<fazhi::Date> d = fazhi::parse_date(text);
  fazhi::DayNumber day = 0;
  const bool fast = fazhi::parse_day_number(text, day);
  FUZZ_CHECK(fast == d.ok());
  if (!d.ok()) return 0;
  FUZZ_CHECK(day == fazhi::to_day_number(*d));
  FUZZ_CHECK(d->year() >= fazhi::kMinYear && d->year() <= fazhi::kMaxYear);
  const std::string iso = fazhi::format_iso(*d);
  absl::StatusOr<fazhi::Date> again = fazhi::parse_date(iso);
  FUZZ_CHECK(again.ok() && *again == *d);
  FUZZ_CHECK(fazhi::format_iso_day(day) == iso);
  return 0;
}
