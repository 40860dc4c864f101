"""The locale a test runs the fazhi command under, always set explicitly: the
command speaks Chinese when the locale is Chinese (LC_ALL, LC_MESSAGES or LANG
beginning with zh) and English otherwise, so a test that left the caller's
locale in place would pass or fail with the machine's.

    subprocess.run([fazhi, "help"], env=locale_env.ENGLISH)
"""
import os


def fazhi_env(lang):
    """The environment with the locale variables set for `lang` ("en", "zh")."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")}
    env["LANG"] = "zh_CN.UTF-8" if lang == "zh" else "C.UTF-8"
    return env


ENGLISH = fazhi_env("en")
CHINESE = fazhi_env("zh")
