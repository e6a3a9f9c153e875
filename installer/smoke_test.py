"""Smoke test of the frozen program (dist/BranchDesk): what a build can break that the test
suite, which runs from the checkout, cannot see — a module, data file, Qt plugin or
translation left out of the bundle.

    python installer/smoke_test.py [dist/BranchDesk]

Standard library only; run by installer/build.py after freezing (so by `make dist` and by
.ci/run). Every check runs the bundle's own executable, offscreen, in a temporary data folder:

1. ``--version`` prints the version of pyproject.toml;
2. ``demo --no-window`` creates the demo branch, and ``members list --json`` reads it back;
3. a spreadsheet round trip (export .xlsx with openpyxl, dry-run import with calamine),
   a dues calculation, a meeting and its minutes as a PDF (QtPrintSupport, CJK fonts);
4. a data folder that cannot be made is a Chinese message and exit code 2 (the bundled .ts);
5. the window: painted offscreen, the demo branch opened, Chinese translators (ours and Qt's)
   loaded, closed by itself (BRANCHDESK_SMOKE_QUIT_AFTER_MS) with exit code 0.
Then the bundle's size is printed.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import bundle  # noqa: E402

WINDOWS = sys.platform == "win32"
MIN_DEMO_MEMBERS = 35
TIMEOUT = 120


class SmokeFailure(Exception):
    pass


def executables(folder: Path) -> tuple[Path, Path]:
    """(the window program, the console program) — one and the same file off Windows."""
    if WINDOWS:
        return folder / f"{bundle.WINDOWS_GUI_EXE}.exe", folder / f"{bundle.WINDOWS_CLI_EXE}.exe"
    exe = folder / bundle.POSIX_EXE
    return exe, exe


def environment(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("BRANCHDESK_DATA", None)
    # Nothing may come from the build machine's Python.
    for name in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"):
        env.pop(name, None)
    env.update({"QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8"})
    if not WINDOWS:
        env["HOME"] = str(home)  # the default data folder, should a check fall back on it
        env["XDG_DATA_HOME"] = str(home / "share")
    return env


def _log_tail(argv: list) -> str:
    """The end of the program's log (a bug's traceback is there, not on the console)."""
    strings = [str(a) for a in argv]
    if "--data-dir" not in strings:
        return ""
    log = Path(strings[strings.index("--data-dir") + 1]) / "logs" / "branchdesk.log"
    if not log.is_file():
        return ""
    return "\nlog:\n" + "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-40:])


def check(name: str, argv: list, env: dict, *, expect_code: int = 0) -> subprocess.CompletedProcess:
    started = time.monotonic()
    proc = subprocess.run([str(a) for a in argv], env=env, capture_output=True, timeout=TIMEOUT)
    out = proc.stdout.decode("utf-8", "replace")
    err = proc.stderr.decode("utf-8", "replace")
    result = subprocess.CompletedProcess(proc.args, proc.returncode, out, err)
    took = time.monotonic() - started
    if proc.returncode != expect_code or "Traceback" in err:
        raise SmokeFailure(f"{name}: exit code {proc.returncode} (expected {expect_code})\n"
                           f"stdout:\n{out[-3000:]}\nstderr:\n{err[-3000:]}{_log_tail(argv)}")
    print(f"ok   {name} ({took:.1f} s)", flush=True)
    return result


def smoke(folder: Path) -> None:
    gui, cli = executables(folder)
    for exe in {gui, cli}:
        if not exe.is_file():
            raise SmokeFailure(f"{exe} is missing: build with `make dist` (installer/build.py)")
    version = bundle.project_version()
    with tempfile.TemporaryDirectory(prefix="branchdesk-smoke-") as tmp:
        tmp = Path(tmp)
        env = environment(tmp / "home")
        data = tmp / "demo"

        out = check("--version", [cli, "--version"], env).stdout.strip()
        if out != f"BranchDesk {version}":
            raise SmokeFailure(f"--version printed {out!r}, pyproject.toml says {version}")

        check("demo --no-window", [cli, "demo", "--no-window", "--data-dir", data], env)
        if not (data / "branch.sqlite").is_file():
            raise SmokeFailure(f"the demo branch was not created in {data}")
        members = json.loads(check("members list --json", [cli, "members", "list", "--json", "--data-dir", data], env).stdout)
        if len(members) < MIN_DEMO_MEMBERS:
            raise SmokeFailure(f"the demo branch has {len(members)} members on the roll, expected at least {MIN_DEMO_MEMBERS}")
        print(f"     demo branch: {len(members)} members on the roll", flush=True)

        roster = tmp / "roster.xlsx"
        # Unmasked: a masked export is refused on import, by design.
        check("members export (.xlsx)", [cli, "members", "export", roster, "--unmasked", "--json", "--data-dir", data], env)
        report = json.loads(check("members import --dry-run (the export read back)",
                                  [cli, "members", "import", roster, "--dry-run", "--json", "--data-dir", data], env).stdout)
        if report["rejected"] or len(report["skipped"]) != len(members):
            raise SmokeFailure(f"reading the exported roster back: every member should be a known duplicate: {report}")
        dues = json.loads(check("dues calc", [cli, "dues", "calc", "--category", "in_service", "--base", "5000", "--json",
                                              "--data-dir", data], env).stdout)
        if dues.get("monthly") != "50.00":  # DOMAIN §1: 1 % of a base above 3000 up to 5000 yuan
            raise SmokeFailure(f"dues calc answered {dues}")
        meeting = json.loads(check("meetings add", [cli, "meetings", "add", "--type", "committee", "--title", "冒烟测试支委会",
                                                    "--start", "2026-11-03T14:30", "--end", "2026-11-03T16:00",
                                                    "--json", "--data-dir", data], env).stdout)
        pdf = tmp / "minutes.pdf"
        check("meetings minutes --pdf", [cli, "meetings", "minutes", meeting["id"], "--pdf", pdf, "--data-dir", data], env)
        if not pdf.read_bytes().startswith(b"%PDF"):
            raise SmokeFailure(f"{pdf} is not a PDF")

        blocker = tmp / "a-file"
        blocker.write_text("not a folder")
        bad = check("unusable data folder", [cli, "members", "list", "--data-dir", blocker / "sub"], env, expect_code=2)
        if "无法创建数据文件夹" not in bad.stderr:
            raise SmokeFailure(f"the message is not in Chinese (is the .ts bundled?): {bad.stderr!r}")

        gui_env = env | {"BRANCHDESK_SMOKE_QUIT_AFTER_MS": "300"}
        shown = check("window: paint, open the demo branch, close", [gui, "--data-dir", data], gui_env)
        log = (data / "logs" / "branchdesk.log").read_text(encoding="utf-8")
        # The window program on Windows has no console: what it printed is only in its log.
        line = next((ln for ln in (shown.stdout + "\n" + log).splitlines() if "smoke: window painted" in ln), "")
        if "演示党支部" not in line or "translators: 2" not in line:
            raise SmokeFailure(f"the window did not open the demo branch in Chinese: {line!r}\n{shown.stdout}\n{shown.stderr}")
        print(f"     {line.split('smoke: ', 1)[1]}", flush=True)

    size, files = bundle.bundle_size(folder)
    du = ""
    if not WINDOWS:
        du = subprocess.run(["du", "-sh", str(folder)], capture_output=True, text=True).stdout.split("\t")[0]
        du = f" (du -sh: {du})"
    print(f"bundle size: {size / 2**20:.1f} MB in {files} files{du}", flush=True)


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else bundle.ROOT / "dist" / bundle.APP
    started = time.monotonic()
    try:
        smoke(folder.resolve())
    except (SmokeFailure, subprocess.TimeoutExpired) as err:
        print(f"SMOKE TEST FAILED: {err}", file=sys.stderr, flush=True)
        return 1
    print(f"smoke test passed in {time.monotonic() - started:.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
