"""Finding and checking libfazhi.so.1."""

import ctypes
import os
import subprocess
import sys

import pytest

import fazhi
from fazhi import _capi

BINDING = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_the_loaded_library_is_the_versioned_soname():
    assert os.path.basename(fazhi.library_path()) == "libfazhi.so.1" or \
        fazhi.library_path().endswith("libfazhi.so.1")
    assert fazhi.library_version().startswith("1.")
    assert _capi.lib().fz_abi_version() == _capi.ABI_VERSION


def test_every_function_of_the_table_is_exported_by_the_library():
    names = [name for name, _, _ in _capi.FUNCTIONS]
    assert len(names) == len(set(names))
    lib = ctypes.CDLL(fazhi.library_path())
    for name in names:
        assert hasattr(lib, name), name


def test_a_missing_symbol_names_the_version(monkeypatch):
    monkeypatch.setattr(_capi, "FUNCTIONS",
                        _capi.FUNCTIONS + [("fz_from_the_future", _capi.STATUS, [])])
    path = fazhi.library_path()
    with pytest.raises(fazhi.LibraryNotFoundError) as e:
        _capi._apply(ctypes.CDLL(path), path)
    assert "fz_from_the_future" in str(e.value)
    assert "fazhi " + fazhi.library_version() in str(e.value)


def test_not_found_lists_every_place_tried(tmp_path):
    # A fresh interpreter whose every place is empty: a bogus FAZHI_LIBRARY,
    # a copy of the package without the library, no system copy.
    import shutil
    shutil.copytree(os.path.join(BINDING, "fazhi"), tmp_path / "fazhi")
    env = dict(os.environ, FAZHI_LIBRARY=str(tmp_path / "nowhere" / "libfazhi.so.1"))
    env.pop("LD_LIBRARY_PATH", None)
    code = ("import fazhi\n"
            "try:\n"
            "    fazhi.Dataset()\n"
            "except fazhi.LibraryNotFoundError as e:\n"
            "    print(e)\n"
            "else:\n"
            "    print('LOADED', fazhi.library_path())\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env,
                         capture_output=True, text=True, check=True).stdout
    if out.startswith("LOADED"):
        pytest.skip("a libfazhi.so.1 is installed on this machine: " + out)
    assert "FAZHI_LIBRARY: " + str(tmp_path / "nowhere" / "libfazhi.so.1") in out
    assert "next to the package: " + str(tmp_path / "fazhi" / "libfazhi.so.1") in out
    assert "the system loader: libfazhi.so.1" in out
    # ... and says what to set.
    assert "Set FAZHI_LIBRARY to the file or the folder holding it" in out
    assert "FAZHI_LIBRARY=/opt/fazhi/lib" in out


def _run_installed(prefix, env_extra=None):
    """Runs a fresh interpreter on the package installed under `prefix`
    (prefix/lib/python3.X/site-packages/fazhi, as pip lays it out), with no
    FAZHI_LIBRARY and no LD_LIBRARY_PATH: what it loaded, or the error."""
    env = dict(os.environ, PYTHONPATH=str(_site_packages(prefix)), **(env_extra or {}))
    env.pop("FAZHI_LIBRARY", None)
    env.pop("LD_LIBRARY_PATH", None)
    code = ("import fazhi\n"
            "try:\n"
            "    fazhi.Dataset()\n"
            "except fazhi.LibraryNotFoundError as e:\n"
            "    print(e)\n"
            "else:\n"
            "    print('LOADED', fazhi.library_path())\n")
    return subprocess.run([sys.executable, "-c", code], cwd=str(prefix), env=env,
                          capture_output=True, text=True, check=True).stdout.strip()


def _site_packages(prefix):
    return prefix / "lib" / ("python%d.%d" % sys.version_info[:2]) / "site-packages"


def test_library_in_the_prefix_the_package_is_installed_under_is_found(tmp_path):
    # `cmake --install build --prefix P` and the package installed into P:
    # P/lib/libfazhi.so.1 beside P/lib/python3.X/site-packages/fazhi.
    import shutil
    shutil.copytree(os.path.join(BINDING, "fazhi"), _site_packages(tmp_path) / "fazhi")
    out = _run_installed(tmp_path)
    if out.startswith("LOADED") and not out.endswith(str(tmp_path / "lib" / "libfazhi.so.1")):
        pytest.skip("a libfazhi.so.1 is installed on this machine: " + out)
    assert "the install prefix %s: %s (no such file)" % (tmp_path, tmp_path / "lib"
                                                          / "libfazhi.so.1") in out
    shutil.copy(os.path.realpath(fazhi.library_path()), tmp_path / "lib" / "libfazhi.so.1")
    assert _run_installed(tmp_path) == "LOADED " + str(tmp_path / "lib" / "libfazhi.so.1")


def test_library_next_to_the_package_is_found(tmp_path):
    import shutil
    shutil.copytree(os.path.join(BINDING, "fazhi"), tmp_path / "fazhi")
    shutil.copy(os.path.realpath(fazhi.library_path()), tmp_path / "fazhi" / "libfazhi.so.1")
    env = dict(os.environ)
    env.pop("FAZHI_LIBRARY", None)
    code = "import fazhi; fazhi.Dataset(); print(fazhi.library_path())"
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env,
                         capture_output=True, text=True, check=True).stdout.strip()
    assert out == str(tmp_path / "fazhi" / "libfazhi.so.1")


def test_interpreter_shutdown_with_live_handles_is_quiet():
    code = ("import sys; sys.path.insert(0, %r)\n"
            "import fazhi\n"
            "ds = fazhi.Dataset.from_dir(%r)\n"
            "rep = ds.report('440111', 2019)\n"
            "cal = fazhi.Calendar()\n"
            "cycle = [rep]; cycle.append(cycle)\n"
            % (BINDING, os.path.join(os.path.dirname(os.path.dirname(BINDING)),
                                     "data", "examples", "baiyun-2019")))
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert r.stderr == ""
