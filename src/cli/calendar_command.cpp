// fazhi calendar: working days and statutory period ends from the command line.
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <optional>

#include "absl/strings/numbers.h"
#include "absl/strings/substitute.h"
#include "commands.hpp"
#include "fazhi/calendar.hpp"
#include "fazhi/time_limits.hpp"

namespace fazhi::cli {
namespace {

std::optional<Date> date_arg(const std::string& text, int& status) {
  absl::StatusOr<Date> d = parse_date(text);
  if (!d.ok()) {
    status = fail(d.status());
    return std::nullopt;
  }
  return *d;
}

std::string weekday_name(Date d) {
  static const char* const kNames[] = {N_("Sunday"),   N_("Monday"), N_("Tuesday"), N_("Wednesday"),
                                       N_("Thursday"), N_("Friday"), N_("Saturday")};
  return _(kNames[d.day_of_week().as_number()]);
}

}  // namespace

int run_calendar(const Args& raw) {
  Args args;
  std::string extra_calendar;
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == "--calendar") {
      if (i + 1 >= raw.size()) return usage(_("--calendar needs a file"));
      extra_calendar = raw[++i];
    } else {
      args.push_back(raw[i]);
    }
  }
  Calendar cal = Calendar::national();
  if (!extra_calendar.empty()) {
    if (absl::Status s = cal.merge_csv_file(extra_calendar); !s.ok()) {
      return fail(s);
    }
  }
  if (args.empty()) {
    return usage(_("calendar needs a question: is-workday, between, add-workdays, period-end, deadline, time-limits"));
  }
  const std::string& what = args[0];
  int status = 0;
  auto show = [&](const absl::Status& s) { return fail(s); };

  if (what == "is-workday" && args.size() == 2) {
    auto d = date_arg(args[1], status);
    if (!d) return status;
    absl::StatusOr<bool> work = cal.is_workday(*d);
    if (!work.ok()) return show(work.status());
    std::cout << absl::Substitute(*work ? _("$0 $1: working day") : _("$0 $1: rest day"), format_iso(*d),
                                  weekday_name(*d))
              << "\n";
    return 0;
  }
  if (what == "between" && args.size() == 3) {
    auto a = date_arg(args[1], status);
    if (!a) return status;
    auto b = date_arg(args[2], status);
    if (!b) return status;
    absl::StatusOr<int32_t> n = cal.workdays_between(*a, *b);
    if (!n.ok()) return show(n.status());
    std::cout << *n << "\n";
    return 0;
  }
  if ((what == "add-workdays" && args.size() == 3) ||
      (what == "period-end" && (args.size() == 3 || args.size() == 4))) {
    auto d = date_arg(args[1], status);
    if (!d) return status;
    int64_t wide = 0;
    if (!absl::SimpleAtoi(args[2], &wide)) return usage(absl::Substitute(_("'$0' is not a whole number"), args[2]));
    if (wide < INT32_MIN || wide > INT32_MAX) {
      return fail(absl::Substitute(_("'$0' is out of range: a count of days or months fits 32 bits"), args[2]));
    }
    const int32_t n = static_cast<int32_t>(wide);
    absl::StatusOr<Date> end;
    const std::string unit = args.size() == 4 ? args[3] : "days";
    if (what == "add-workdays") {
      end = cal.add_workdays(*d, n);
    } else if (unit == "days") {
      end = cal.period_end_days(*d, n);
    } else if (unit == "workdays") {
      end = cal.period_end_workdays(*d, n);
    } else if (unit == "months") {
      end = cal.period_end_months(*d, n);
    } else {
      return usage(absl::Substitute(_("the unit is days, workdays or months, not '$0'"), unit));
    }
    if (!end.ok()) return show(end.status());
    std::cout << format_iso(*end) << "\n";
    return 0;
  }
  if (what == "deadline" && args.size() == 3) {
    const TimeLimit* limit = time_limits::find(args[1]);
    if (limit == nullptr) {
      return usage(absl::Substitute(_("'$0' is not a time limit (fazhi calendar time-limits lists them)"), args[1]));
    }
    auto d = date_arg(args[2], status);
    if (!d) return status;
    absl::StatusOr<Date> end = deadline(*limit, *d, cal);
    if (!end.ok()) return show(end.status());
    std::cout << format_iso(*end) << "\n";
    return 0;
  }
  if (what == "time-limits" && args.size() == 1) {
    std::cout << time_limits_markdown();
    return 0;
  }
  return usage(_("calendar: unknown question or wrong number of arguments"));
}

}  // namespace fazhi::cli
