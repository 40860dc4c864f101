"""Test setup: import the package from this source tree, and find the library
built by scripts/test.sh (FAZHI_LIBRARY, else FAZHI_BUILD_DIR/libfazhi.so.1,
else build/ at the repository's root)."""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BINDING = os.path.dirname(HERE)
REPO = os.path.dirname(os.path.dirname(BINDING))

sys.path.insert(0, BINDING)

if not os.environ.get("FAZHI_LIBRARY"):
    build = os.environ.get("FAZHI_BUILD_DIR") or os.path.join(REPO, "build")
    candidate = os.path.join(build, "libfazhi.so.1")
    if os.path.exists(candidate):
        os.environ["FAZHI_LIBRARY"] = candidate

BAIYUN = os.path.join(REPO, "data", "examples", "baiyun-2019")
BAIYUN_PROFILE = os.path.join(BAIYUN, "profile.json")
ROLLUP = os.path.join(REPO, "tests", "data", "rollup-small")
