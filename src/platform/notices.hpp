// Notices: what a load or a report says that rejected nothing (a file
// ignored, a file read as GB18030, an unknown column, checks outside the
// calendar). A notice is kept as English text made from one of these
// templates: that text is what the JSON and the bindings carry, the same in
// every locale. notice_line (fazhi/dataset.hpp) matches it back to its
// template to print it in the reader's language, so every notice must be
// made here, by make_notice, from a template listed in kNoticeTemplates.
#ifndef FAZHI_PLATFORM_NOTICES_HPP_
#define FAZHI_PLATFORM_NOTICES_HPP_

#include <string>

#include "absl/strings/substitute.h"
#include "platform/messages.hpp"

namespace fazhi::internal {

// $0 is the file's name in each template that has one.
inline constexpr const char* kNoticeIgnoredFile =
    N_("$0: ignored (not a record file; expected <kind>.csv or <kind>.xlsx with a kind of docs/data.md)");
inline constexpr const char* kNoticeIgnoredFolder =
    N_("$0: ignored (a folder; expected <kind>.csv or <kind>.xlsx with a kind of docs/data.md)");
inline constexpr const char* kNoticeNoRecordFiles = N_("$0: no record files");
inline constexpr const char* kNoticeNotUtf8 = N_("$0: not valid UTF-8; read as GB18030");
inline constexpr const char* kNoticeGb18030AsAsked = N_("$0: read as GB18030 (as asked)");
inline constexpr const char* kNoticeUtf8ByLines = N_(
    "$0: read as UTF-8 ($1 of the lines with non-ASCII characters are UTF-8, $2 are not); the lines that are "
    "not UTF-8 are rejected one by one");
inline constexpr const char* kNoticeLoneCr =
    N_("$0: lines end with a lone carriage return (CR, the old Mac style); read line by line");
inline constexpr const char* kNoticeUtf8LinesInGb18030 = N_(
    "$0: read as GB18030, but $1 lines are UTF-8; they are not converted, which would garble them, and are "
    "rejected one by one");
inline constexpr const char* kNoticeUndecodableLines =
    N_("$0: read as GB18030, but $1 lines are neither GB18030 nor UTF-8; they are rejected one by one");
inline constexpr const char* kNoticeEmptyHeader = N_("$0: the header of column $1 is empty; the column is ignored");
inline constexpr const char* kNoticeUnknownColumn = N_(
    "$0: the header of column $1, \"$2\", is not a known column name; the column is ignored (the file has "
    "every known column already)");
inline constexpr const char* kNoticeUnknownColumnClosest = N_(
    "$0: the header of column $1, \"$2\", is not a known column name; the column is ignored; the closest "
    "known column is \"$3\", that is $4");
inline constexpr const char* kNoticeOffCalendar = N_(
    "$0 working-day or deadline checks fall outside the loaded calendar; the figures that need them are left "
    "undefined");

// Why a whole file (or a folder) was refused: FileSummary::refused, and the
// error of a load whose every file was refused. Not notices, but printed
// the same way, through notice_line, so they are kept here as templates too.
inline constexpr const char* kRefusedXls = N_(
    "$0: an old .xls workbook (Excel 97-2003), which is not read: save it as .xlsx or as CSV (UTF-8)");
inline constexpr const char* kRefusedMissingColumns = N_("$0: missing required columns $1; the file is refused");
inline constexpr const char* kRefusedMissingColumn = N_("$0: missing required column $1; the file is refused");
inline constexpr const char* kRefusedKindTwiceForms = N_(
    "$0: another file holds $1 records too ($2; one as CSV, one as a workbook); the file is refused");
inline constexpr const char* kRefusedKindTwiceCase = N_(
    "$0: another file holds $1 records too ($2; the names differ only in case); the file is refused");
inline constexpr const char* kRefusedNoFolder = N_("$0: no such folder");
inline constexpr const char* kRefusedNotFolder = N_("$0: not a folder");

inline constexpr const char* kNoticeTemplates[] = {
    kNoticeIgnoredFile,     kNoticeIgnoredFolder,      kNoticeNoRecordFiles,     kNoticeNotUtf8,
    kNoticeGb18030AsAsked,  kNoticeUtf8ByLines,        kNoticeLoneCr,            kNoticeUtf8LinesInGb18030,
    kNoticeUndecodableLines, kNoticeEmptyHeader,       kNoticeUnknownColumn,     kNoticeUnknownColumnClosest,
    kNoticeOffCalendar,
    // The plural first: the singular's text is a prefix of it.
    kRefusedXls,            kRefusedMissingColumns,    kRefusedMissingColumn,    kRefusedKindTwiceForms,
    kRefusedKindTwiceCase,  kRefusedNoFolder,          kRefusedNotFolder,
};

// make_notice is a notice's English text: `tmpl` (one of kNoticeTemplates)
// with its arguments.
template <typename... Args>
std::string make_notice(const char* tmpl, const Args&... args) {
  return absl::Substitute(tmpl, args...);
}

}  // namespace fazhi::internal

#endif  // FAZHI_PLATFORM_NOTICES_HPP_
