// The language of the command's messages: Chinese when the locale says so
// (LC_ALL, LC_MESSAGES or LANG beginning with zh), English otherwise, and
// `--lang zh|en` anywhere on the command line overrides both. The catalogue
// is found beside the binary (the build tree's locale/ folder, or the
// installed share/locale relative to bin/), then at the configured
// installation path.
#include <clocale>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "absl/strings/substitute.h"
#include "commands.hpp"
#include "platform/messages.hpp"

namespace fazhi::cli {
namespace {

namespace fs = std::filesystem;

Language language_of_environment() {
  // POSIX precedence: the first of these that is set and not empty decides.
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = std::getenv(name);
    if (v != nullptr && *v != '\0') return std::strncmp(v, "zh", 2) == 0 ? Language::kChinese : Language::kEnglish;
  }
  return Language::kEnglish;
}

// catalogue_dir is the folder holding <lang>/LC_MESSAGES/fazhi.mo.
std::string catalogue_dir() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path bin = exe.parent_path();
    for (const fs::path& dir : {bin / "locale", (bin / FAZHI_LOCALEDIR_FROM_BINDIR).lexically_normal()}) {
      if (fs::exists(dir / "zh_CN" / "LC_MESSAGES" / "fazhi.mo", ec)) return dir.string();
    }
  }
  return FAZHI_LOCALEDIR;
}

}  // namespace

std::optional<std::string> set_up_language(Args& words, Language& chosen) {
  chosen = language_of_environment();
  std::optional<std::string> error;
  Args kept;
  for (size_t i = 0; i < words.size(); ++i) {
    std::string value;
    if (words[i] == "--lang") {
      if (i + 1 < words.size()) value = words[++i];
    } else if (words[i].starts_with("--lang=")) {
      value = words[i].substr(7);
    } else {
      kept.push_back(words[i]);
      continue;
    }
    if (value == "zh" || value.starts_with("zh_") || value.starts_with("zh-")) {
      chosen = Language::kChinese;
    } else if (value == "en" || value.starts_with("en_") || value.starts_with("en-")) {
      chosen = Language::kEnglish;
    } else {
      error = value;
    }
  }
  words = std::move(kept);

  // LC_MESSAGES only: numbers and dates are written by fazhi's own rules,
  // never by the locale's. A Chinese locale that is not installed (setlocale
  // fails) still gets Chinese: gettext follows LANGUAGE under any locale but
  // "C", so C.UTF-8 stands in for it.
  const char* locale = std::setlocale(LC_MESSAGES, "");
  if (locale == nullptr || std::strcmp(locale, "C") == 0 || std::strcmp(locale, "POSIX") == 0) {
    std::setlocale(LC_MESSAGES, "C.UTF-8");
  }
  setenv("LANGUAGE", chosen == Language::kChinese ? "zh_CN" : "en", 1);
  bindtextdomain(internal::kMessageDomain, catalogue_dir().c_str());
  bind_textdomain_codeset(internal::kMessageDomain, "UTF-8");
  textdomain(internal::kMessageDomain);
  if (error) return absl::Substitute(_("--lang is zh or en, not '$0'"), *error);
  return std::nullopt;
}

}  // namespace fazhi::cli
