"""Program start to the first paint of the main window, on the demo branch.

Goal (issue): ≤ 2.5 × a bare PySide6 QMainWindow process measured the same way in the same
run. Each figure is the median of several fresh processes: the parent notes the wall clock
just before starting the child; the child notes it when the first paint event reaches its
main window (an application-wide event filter) and quits. All children run the same
interpreter, offscreen, so interpreter start-up and Qt's own start-up are in every figure.

BranchDesk is measured twice: through the `branchdesk` entry point as it stands, and window
first (desktop.ui.app.open_gui: the window paints, then the branch opens). Besides the first
paint, each prints when the home page — the branch open, its reminders in — was painted, so
a window that paints early but fills late cannot pass for a fast start.

    .venv/bin/python -m bench.bench_startup [--runs N]
    .venv/bin/python -X importtime -m desktop.cli --data-dir DIR   # when the ratio misses
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOAL = 2.5
ROOT = Path(__file__).resolve().parent.parent

# Shared by the children: print time.time() at the first paint of a QMainWindow ("PAINT"),
# and, for BranchDesk, at the first paint once the branch is open and the home page is in it
# ("READY"); then quit.
_PAINT_PROBE = """
import time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class _Probe(QObject):
    painted = ready = False
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Paint and isinstance(obj, QMainWindow):
            if not self.painted:
                self.painted = True
                print(f"PAINT {time.time():.6f}", flush=True)
            if not self.ready and getattr(obj, "ctx", True) is not None:
                self.ready = True
                print(f"READY {time.time():.6f}", flush=True)
                QTimer.singleShot(0, QApplication.quit)
        return False

app = QApplication(sys.argv[:1])
probe = _Probe()
app.installEventFilter(probe)
"""

# The `branchdesk` entry point as it is: desktop.cli.main → cmd_open → run_gui. (The
# QApplication is made first only so the probe can be installed; run_gui reuses it.)
_ENTRY_CHILD = "import sys" + _PAINT_PROBE + """
from desktop.cli import main
sys.exit(main(["--data-dir", sys.argv[1]]))
"""

# Window first: what cmd_open does with desktop.ui.app.open_gui — the window paints, then
# the branch opens (the database side is not imported before that).
_WINDOW_FIRST_CHILD = "import sys" + _PAINT_PROBE + """
from pathlib import Path
from desktop.ui.app import open_gui

def open_branch():
    from desktop.context import open_context, setup_logging
    setup_logging(Path(sys.argv[1]))
    return open_context(Path(sys.argv[1]))

sys.exit(open_gui(Path(sys.argv[1]), open_branch))
"""

_BARE_CHILD = "import sys" + _PAINT_PROBE + """
window = QMainWindow()
window.setWindowTitle("bare")
window.resize(1280, 760)
window.show()
sys.exit(app.exec())
"""


def _run(code: str, *args: str) -> tuple[float, float]:
    """Seconds from starting the child to its first paint, and to the home page painted."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    started = time.time()
    out = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120)
    stamps = dict(line.split() for line in out.stdout.splitlines() if line.startswith(("PAINT ", "READY ")))
    if out.returncode != 0 or "PAINT" not in stamps or "READY" not in stamps:
        raise RuntimeError(f"the child did not paint (exit {out.returncode}):\n{out.stdout}\n{out.stderr}")
    return float(stamps["PAINT"]) - started, float(stamps["READY"]) - started


def make_demo(folder: Path) -> Path:
    """The demo branch, generated once (as `branchdesk demo` would) before the timed runs."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    subprocess.run([sys.executable, "-m", "desktop.cli", "demo", "--no-window", "--data-dir", str(folder)],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    return folder


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(prog="bench.bench_startup")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv if argv is not None else [])
    children = {"bare": (_BARE_CHILD,), "entry": (_ENTRY_CHILD,), "window_first": (_WINDOW_FIRST_CHILD,)}
    with tempfile.TemporaryDirectory(prefix="branchdesk-bench-startup-") as tmp:
        data = str(make_demo(Path(tmp) / "demo"))
        for name, (code,) in children.items():  # warm the disk cache (Qt's libraries, .pyc files)
            _run(code, data)
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in children}
        for _ in range(args.runs):  # interleaved, so a busy moment hits all alike
            for name, (code,) in children.items():
                times[name].append(_run(code, data))

    def median(name: str, which: int) -> float:
        return statistics.median(t[which] for t in times[name])

    bare = median("bare", 0)
    figures = {"bare_s": bare}
    print(f"start to first paint, median of {args.runs} fresh processes; bare PySide6 QMainWindow {bare * 1000:.0f} ms",
          flush=True)
    for name, label in (("window_first", "BranchDesk, window first (desktop.ui.app.open_gui)"),
                        ("entry", "BranchDesk via `branchdesk` (desktop.cli.main → cmd_open)")):
        paint, ready = median(name, 0), median(name, 1)
        ratio = paint / bare
        verdict = "met" if ratio <= GOAL else "NOT met"
        print(f"  {label}: first paint {paint * 1000:.0f} ms, ratio {ratio:.2f} (goal ≤ {GOAL}: {verdict}); "
              f"home page painted {ready * 1000:.0f} ms ({ready / bare:.2f} × bare)", flush=True)
        figures[f"{name}_paint_s"], figures[f"{name}_ready_s"], figures[f"{name}_ratio"] = paint, ready, ratio
    return figures


if __name__ == "__main__":
    main(sys.argv[1:])
