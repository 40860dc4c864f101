// Messages for people through GNU gettext (glibc's libintl): `_("...")`
// looks a message up in the "fazhi" catalogue (po/<lang>.po, compiled to
// share/locale/<lang>/LC_MESSAGES/fazhi.mo), `N_("...")` only marks one for
// xgettext where the lookup happens later. Message ids are English; a process
// whose catalogue is not bound, or whose language has no catalogue, prints
// them as they are. Machine output (JSON, metric ids, codes) never goes
// through here.
//
//   std::cout << absl::Substitute(_("unknown option '$0'"), flag);
//
// Placeholders are absl::Substitute's $0..$9, never printf's, so a translated
// format string cannot read past its arguments.
#ifndef FAZHI_PLATFORM_MESSAGES_HPP_
#define FAZHI_PLATFORM_MESSAGES_HPP_

#include <libintl.h>

namespace fazhi::internal {

// kMessageDomain is the gettext domain of every fazhi message.
inline constexpr const char* kMessageDomain = "fazhi";

// translate is dgettext in fazhi's domain: the text in the process's message
// language (LC_MESSAGES, LANGUAGE), or `msgid` itself.
inline const char* translate(const char* msgid) noexcept { return dgettext(kMessageDomain, msgid); }

}  // namespace fazhi::internal

#define _(msgid) ::fazhi::internal::translate(msgid)
#define N_(msgid) msgid

#endif  // FAZHI_PLATFORM_MESSAGES_HPP_
