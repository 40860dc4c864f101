"""The fazhi command never aborts: arguments out of range and memory running
out end with one line on standard error and an exit status (1, or 3 for
memory), whatever the command.

    FAZHI_CLI=build/fazhi python3 -m pytest tests/python/test_cli_survives.py
"""
import glob
import os
import resource
import subprocess

import pytest

from locale_env import CHINESE, ENGLISH

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXIT_OUT_OF_MEMORY = 3


def find_cli():
    if os.environ.get("FAZHI_CLI"):
        return os.environ["FAZHI_CLI"]
    if os.environ.get("FAZHI_BUILD_DIR"):
        return os.path.join(os.environ["FAZHI_BUILD_DIR"], "fazhi")
    found = sorted(glob.glob(os.path.join(ROOT, "build*", "fazhi")), key=os.path.getmtime)
    return found[-1] if found else None


CLI = find_cli()
pytestmark = pytest.mark.skipif(CLI is None or not os.path.exists(CLI),
                                reason="no built fazhi (set FAZHI_CLI)")


def sanitized(cli):
    """True for a build under a sanitizer, which reserves terabytes of
    address space: no address-space limit can be set under it."""
    cache = os.path.join(os.path.dirname(cli), "CMakeCache.txt")
    if not os.path.exists(cache):
        return False
    with open(cache, encoding="utf-8", errors="replace") as f:
        return any(line.startswith("FAZHI_SANITIZE:") and line.strip().split("=", 1)[1]
                   for line in f)


def run(*args, limit_mb=None, env=ENGLISH):
    def limit():
        soft = limit_mb << 20
        resource.setrlimit(resource.RLIMIT_AS, (soft, resource.getrlimit(resource.RLIMIT_AS)[1]))
    return subprocess.run([CLI, *args], capture_output=True, text=True, env=env,
                          preexec_fn=limit if limit_mb else None)


@pytest.mark.parametrize("unit", ["days", "workdays", "months"])
@pytest.mark.parametrize("n", ["3000000", "2147483647"])
def test_huge_periods_are_a_one_line_error(n, unit):
    done = run("calendar", "period-end", "2019-01-01", n, unit)
    assert done.returncode == 1, done.stderr
    assert done.stderr.count("\n") == 1 and "2026-12-31" in done.stderr, done.stderr
    assert done.stdout == ""


@pytest.mark.parametrize("n", ["2147483648", "99999999999", "-2147483649"])
def test_counts_beyond_32_bits_are_out_of_range(n):
    for question in (["period-end", "2019-01-01", n], ["add-workdays", "2019-01-01", n]):
        done = run("calendar", *question)
        assert done.returncode == 1, done.stderr
        assert "out of range" in done.stderr and done.stderr.count("\n") == 1, done.stderr


def write_folder(path):
    """About 10 MB of valid legal-aid and activity rows."""
    districts = ["440103", "440104", "440105", "440106", "440111", "440112"]
    with open(path / "legal_aid.csv", "w", encoding="utf-8") as f:
        f.write("case_id,region,applied_date,decided_date,decision,accepted_date,case_type,"
                "assigned_date,lawyer_id,firm_id,assignment_method,commitment,closed_date,"
                "recovered_amount\n")
        for i in range(60000):
            day = "2019-%02d-%02d" % (1 + i % 12, 1 + i % 28)
            f.write("FA-%07d,%s,%s,%s,granted,%s,civil,%s,L%05d,F%04d,lottery,false,%s,%d.%02d\n"
                    % (i, districts[i % 6], day, day, day, day, i % 9000, i % 300, day,
                       i % 100000, i % 100))
    with open(path / "activity.csv", "w", encoding="utf-8") as f:
        f.write("region,date,indicator,value,note\n")
        for i in range(20000):
            f.write("%s,2019-%02d-%02d,legal_service.services,%d,N%06d\n"
                    % (districts[i % 6], 1 + i % 12, 1 + i % 28, i % 1000, i))


def test_running_out_of_memory_is_exit_status_3_never_a_crash(tmp_path):
    if sanitized(CLI):
        pytest.skip("a sanitizer build cannot run under an address-space limit")
    write_folder(tmp_path)
    # The smallest limit the program starts under: below it the dynamic
    # loader, not fazhi, gives up.
    start = next((mb for mb in range(8, 64, 4) if run("help", limit_mb=mb).returncode == 0), None)
    assert start is not None
    commands = [["check", "--data", str(tmp_path), "--threads", "2"],
                ["report", "--data", str(tmp_path), "--all-regions", "--year", "2019",
                 "--format", "json"],
                ["report", "--data", str(tmp_path), "--region", "440100", "--year", "2019"]]
    seen = set()
    for command in commands:
        for mb in (start, start + 8, start + 16, start + 24, start + 32, start + 48, start + 64,
                   start + 96, 1024):
            # In Chinese: the message is looked up before memory runs out.
            done = run(*command, limit_mb=mb, env=CHINESE)
            assert done.returncode in (0, EXIT_OUT_OF_MEMORY), (command, mb, done.returncode,
                                                                done.stderr)
            seen.add(done.returncode)
            if done.returncode == EXIT_OUT_OF_MEMORY:
                assert done.stderr.startswith("fazhi: 内存不足，命令未能完成"), done.stderr
                assert done.stderr.count("\n") == 1, done.stderr
    assert seen == {0, EXIT_OUT_OF_MEMORY}
