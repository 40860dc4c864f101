// Messages for people inside the library: `_("...")` looks a message up in
// the "fazhi" catalogue (fazhi/messages.hpp), `N_("...")` only marks one for
// xgettext where the lookup happens later. Message ids are English; machine
// output (JSON, metric ids, codes) never goes through here.
//
//   return absl::InvalidArgumentError(absl::Substitute(_("not a region code: '$0'"), text));
//
// Placeholders are absl::Substitute's $0..$9, never printf's, so a translated
// format string cannot read past its arguments.
#ifndef FAZHI_PLATFORM_MESSAGES_HPP_
#define FAZHI_PLATFORM_MESSAGES_HPP_

#include "fazhi/messages.hpp"

#define _(msgid) ::fazhi::message(msgid)
#define N_(msgid) msgid

#endif  // FAZHI_PLATFORM_MESSAGES_HPP_
