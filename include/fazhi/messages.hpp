// fazhi/messages.hpp -- the language of fazhi's text for people.
//
// Help, error messages, table headings and notes are GNU gettext messages of
// the "fazhi" domain: English message ids, translated by the catalogues of
// po/ (installed as share/locale/<lang>/LC_MESSAGES/fazhi.mo). A program
// that wants them in its user's language binds the domain and sets the
// message locale, as the fazhi command does:
//
//   setlocale(LC_MESSAGES, "");
//   bindtextdomain(fazhi::kMessageDomain, "/usr/share/locale");
//   fazhi::message("Metric");  // "指标" under LANG=zh_CN.UTF-8
//
// Without that, every message stays English. Machine output (JSON, metric
// ids, codes) never depends on it.
#ifndef FAZHI_MESSAGES_HPP_
#define FAZHI_MESSAGES_HPP_

#include <libintl.h>

namespace fazhi {

// kMessageDomain is the gettext domain of every fazhi message.
inline constexpr const char* kMessageDomain = "fazhi";

// message is `msgid` in the process's message language (dgettext in fazhi's
// domain: LC_MESSAGES, LANGUAGE), or `msgid` itself.
inline const char* message(const char* msgid) noexcept { return dgettext(kMessageDomain, msgid); }

}  // namespace fazhi

#endif  // FAZHI_MESSAGES_HPP_
