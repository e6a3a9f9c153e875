"""Build a release the same way every time: test → translations → freeze → smoke test →
installer (Windows) or tarball (Linux). Picard's order (STYLE.md, Packaging); signing, when
there is a certificate, comes after (README: "Building the Windows installer").

    python installer/build.py [--skip-tests] [--no-smoke]

Run it with the project's virtualenv Python, with requirements.lock and
installer/requirements-build.txt installed (`make dist` does all of this on Linux).

Output, in dist/:
    BranchDesk/                                 the one-folder program
    BranchDesk-<version>-linux-<arch>.tar.gz    Linux
    BranchDesk-<version>-setup.exe              Windows (Inno Setup 6: installer/branchdesk.iss)
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import bundle  # noqa: E402

WINDOWS = sys.platform == "win32"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
BIN = Path(sys.executable).parent  # the virtualenv's bin/ or Scripts/


def step(title: str) -> None:
    print(f"\n== {title}", flush=True)


def run(*argv, **kw) -> None:
    print("$ " + " ".join(str(a) for a in argv), flush=True)
    subprocess.run([str(a) for a in argv], check=True, cwd=ROOT, **kw)


def tool(name: str) -> Path:
    path = BIN / (f"{name}.exe" if WINDOWS else name)
    if not path.exists():
        raise SystemExit(f"{path} not found: install requirements.lock into this virtualenv first")
    return path


def run_tests() -> None:
    step("tests")
    env = os.environ | {"QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    run(tool("lint-imports"), env=env)
    run(sys.executable, "-m", "pytest", "-q", env=env)


def build_translations() -> None:
    step("translations")
    lrelease = tool("pyside6-lrelease")
    for ts in sorted((ROOT / "resources" / "i18n").glob("branchdesk_*.ts")):
        run(lrelease, "-silent", ts, "-qm", ts.with_suffix(".qm"))


def freeze() -> Path:
    step("freeze (PyInstaller)")
    try:
        import PyInstaller
    except ImportError:
        raise SystemExit("PyInstaller is not installed: pip install -r installer/requirements-build.txt") from None
    print(f"PyInstaller {PyInstaller.__version__}, Python {platform.python_version()}", flush=True)
    run(sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", DIST, "--workpath", WORK, HERE / "branchdesk.spec")
    folder = DIST / bundle.APP
    size, files = bundle.bundle_size(folder)
    print(f"bundle: {folder} — {size / 2**20:.1f} MB in {files} files", flush=True)
    return folder


def smoke(folder: Path) -> None:
    step("smoke test of the frozen program")
    run(sys.executable, HERE / "smoke_test.py", folder)


def tarball(folder: Path, version: str) -> Path:
    step("tarball")
    target = DIST / f"{bundle.APP}-{version}-linux-{platform.machine()}.tar.gz"

    def normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
        # The same files give the same archive members whoever builds them.
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        return info

    with tarfile.open(target, "w:gz") as tar:
        tar.add(folder, arcname=folder.name, filter=normalise)
    print(f"{target} — {target.stat().st_size / 2**20:.1f} MB", flush=True)
    return target


def find_iscc() -> Path | None:
    """Inno Setup 6's compiler: ISCC in the environment, on PATH, or where its installer puts
    it (per machine, or per user when installed without administrator rights)."""
    candidates = [os.environ.get("ISCC"), shutil.which("ISCC")]
    for base in (os.environ.get("ProgramFiles(x86)"), os.environ.get("ProgramFiles")):
        if base:
            candidates.append(str(Path(base) / "Inno Setup 6" / "ISCC.exe"))
    if os.environ.get("LOCALAPPDATA"):
        candidates.append(str(Path(os.environ["LOCALAPPDATA"]) / "Programs" / "Inno Setup 6" / "ISCC.exe"))
    return next((Path(c) for c in candidates if c and Path(c).is_file()), None)


# Optional: a code-signing command with $f where the file goes, e.g.
#   signtool sign /a /fd SHA256 /tr http://timestamp.digicert.com /td SHA256 $f
# The program's .exe files are signed before they are packed, Setup and its uninstaller by
# Inno Setup (SignTool). Unsigned builds work; SmartScreen warns about them.
SIGN_ENV = "BRANCHDESK_SIGN_COMMAND"


def sign_executables(folder: Path, command: str) -> None:
    step("sign the program")
    for exe in sorted(folder.glob("*.exe")):
        line = command.replace("$f", f'"{exe}"')
        print(f"$ {line}", flush=True)
        subprocess.run(line, shell=True, check=True, cwd=ROOT)


def installer(folder: Path, version: str) -> Path:
    step("installer (Inno Setup)")
    iscc = find_iscc()
    if iscc is None:
        raise SystemExit("Inno Setup 6 not found: install it from https://jrsoftware.org/isdl.php "
                         "or set ISCC to the full path of ISCC.exe")
    file_version = ".".join(str(n) for n in bundle.windows_version_tuple(version))
    argv = [iscc, "/Qp", f"/DMyAppVersion={version}", f"/DMyAppFileVersion={file_version}",
            f"/DSourceDir={folder}", f"/O{DIST}"]
    sign = os.environ.get(SIGN_ENV)
    if sign:
        sign_executables(folder, sign)
        # Inno Setup's own placeholder for the file to sign is $f too.
        argv += ["/DSignToolName=branchdesk", f"/Sbranchdesk={sign}"]
    run(*argv, HERE / "branchdesk.iss")
    target = DIST / f"{bundle.APP}-{version}-setup.exe"
    print(f"{target} — {target.stat().st_size / 2**20:.1f} MB", flush=True)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--skip-tests", action="store_true", help="the suite has just run (CI: `make test` first)")
    parser.add_argument("--no-smoke", action="store_true", help="do not run the frozen program")
    args = parser.parse_args(argv)
    started = time.monotonic()
    version = bundle.project_version()
    print(f"BranchDesk {version}: building on {platform.system()} {platform.machine()}", flush=True)
    if not args.skip_tests:
        run_tests()
    build_translations()
    folder = freeze()
    if not args.no_smoke:
        smoke(folder)
    result = installer(folder, version) if WINDOWS else tarball(folder, version)
    print(f"\ndone in {time.monotonic() - started:.0f} s: {result}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
