// The language of the command's messages: Chinese when the locale says so
// (LC_ALL, LC_MESSAGES or LANG beginning with zh), English otherwise, and
// `--lang zh|en` anywhere on the command line overrides both. The catalogue
// is found beside the binary (the build tree's locale/ folder, or the
// installed share/locale relative to bin/), then at the configured
// installation path.
#include <clocale>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <system_error>

#include "commands.hpp"

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

// lang_value is the language a --lang value names; false for another value.
bool lang_value(const char* v, Language& out) {
  auto named = [v](const char* code) {
    return std::strcmp(v, code) == 0 ||
           (std::strncmp(v, code, 2) == 0 && (v[2] == '_' || v[2] == '-'));
  };
  if (named("zh")) {
    out = Language::kChinese;
  } else if (named("en")) {
    out = Language::kEnglish;
  } else {
    return false;
  }
  return true;
}

Language choose_language(int argc, char** argv, const char*& bad) {
  Language chosen = language_of_environment();
  bad = nullptr;
  for (int i = 1; i < argc; ++i) {
    const char* value = nullptr;
    if (std::strcmp(argv[i], "--lang") == 0) {
      value = i + 1 < argc ? argv[++i] : "";
    } else if (std::strncmp(argv[i], "--lang=", 7) == 0) {
      value = argv[i] + 7;
    } else {
      continue;
    }
    if (!lang_value(value, chosen)) bad = value;
  }
  return chosen;
}

void use_language(Language lang) {
  // LC_MESSAGES only: numbers and dates are written by fazhi's own rules,
  // never by the locale's. A Chinese locale that is not installed (setlocale
  // fails) still gets Chinese: gettext follows LANGUAGE under any locale but
  // "C", so C.UTF-8 stands in for it.
  const char* locale = std::setlocale(LC_MESSAGES, "");
  if (locale == nullptr || std::strcmp(locale, "C") == 0 || std::strcmp(locale, "POSIX") == 0) {
    std::setlocale(LC_MESSAGES, "C.UTF-8");
  }
  setenv("LANGUAGE", lang == Language::kChinese ? "zh_CN" : "en", 1);
  std::string dir;
  try {
    dir = catalogue_dir();
  } catch (const std::exception&) {  // memory ran out already: English it is
    return;
  }
  bindtextdomain(kMessageDomain, dir.c_str());
  bind_textdomain_codeset(kMessageDomain, "UTF-8");
  textdomain(kMessageDomain);
}

Args without_lang(const Args& words) {
  Args kept;
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i] == "--lang") {
      ++i;
    } else if (!words[i].starts_with("--lang=")) {
      kept.push_back(words[i]);
    }
  }
  return kept;
}

}  // namespace fazhi::cli
