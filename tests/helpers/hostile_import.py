"""Run the real roster import (read_plan, then commit) and the payroll import (read_base_plan) on
many files, each in a process of its own that measures its own time and peak memory.

    python -m tests.helpers.hostile_import OUT.json WORKDIR FILE...

One parent process imports everything and opens nothing; each file gets a fork of it (so the
seconds of importing Python modules are paid once), a new branch in WORKDIR, and reports a
JSON line: what the import did, its message, the seconds and the peak resident memory
(ru_maxrss, which in a fork starts at the parent's size: the figure includes the interpreter),
and the row counts of every table before and after. A child that dies (an abort in native
code) or runs past the time limit is reported as such. Up to ``jobs`` children run at once.
"""
from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import sqlite3
import sys
import time
from datetime import datetime
from pathlib import Path

CHILD_LIMIT = 60.0  # seconds before a child is killed (the test's own limit is far lower)
TODAY = datetime(2026, 11, 20, 9, 30)


def _counts(db_path: Path) -> dict[str, int]:
    con = sqlite3.connect(db_path)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
        return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        con.close()


def _integrity(db_path: Path) -> str:
    con = sqlite3.connect(db_path)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()


def _one(path: Path, data_dir: Path) -> dict:
    from core.clock import FixedClock
    from desktop.context import open_context
    from desktop.services import dues_files, importer
    from desktop.services.errors import KnownError

    ctx = open_context(data_dir, clock=FixedClock(TODAY), branch_name="测试党支部")
    result: dict = {"file": path.name}
    try:
        db_path = Path(ctx.db.path)
        before = _counts(db_path)
        start = time.perf_counter()
        try:
            plan = importer.read_plan(ctx, path)
            result.update(outcome="plan", accepted=plan.accepted, message="")
            if plan.accepted:
                done = importer.commit(ctx, plan)
                result["committed"] = getattr(done, "added", None)
        except KnownError as err:
            result.update(outcome="refused", message=str(err))
        result["seconds"] = time.perf_counter() - start
        start = time.perf_counter()
        try:
            dues_files.read_base_plan(ctx, path, 2026)
            result["payroll"] = "plan"
        except KnownError as err:
            result["payroll"] = "refused"
            result["payroll_message"] = str(err)
        result["payroll_seconds"] = time.perf_counter() - start
    finally:
        ctx.close()
    result["before"], result["after"] = before, _counts(db_path)
    result["integrity"] = _integrity(db_path)
    return result


def _child(path: Path, data_dir: Path, out_fd: int) -> None:
    try:
        result = _one(path, data_dir)
    except BaseException as err:  # a bug: reported, with its type, for the test to show
        import traceback
        result = {"file": path.name, "outcome": "error", "message": f"{type(err).__name__}: {err}",
                  "traceback": traceback.format_exc()[-3000:]}
    result["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    os.write(out_fd, (json.dumps(result, ensure_ascii=False) + "\n").encode("utf-8"))


def run(files: list[Path], workdir: Path, jobs: int) -> dict[str, dict]:
    # Everything a child needs, imported once before the forks.
    import desktop.context  # noqa: F401
    from desktop.services import dues_files, importer, sheet_reader  # noqa: F401
    try:
        from db import crypto
        crypto.PASSWORD_KDF = crypto.RECOVERY_KDF = {"iterations": 1, "memory_kib": 8, "lanes": 1}
    except (ImportError, AttributeError):
        pass
    # One new branch, copied for each file: making a branch costs ~0.1-0.4 s, reopening 5 ms.
    from core.clock import FixedClock
    template = workdir / "template"
    desktop.context.open_context(template, clock=FixedClock(TODAY), branch_name="测试党支部").close()
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    results: dict[str, dict] = {}
    pending = list(enumerate(files))
    running: dict[int, tuple[Path, int, float, list[bytes]]] = {}
    while pending or running:
        while pending and len(running) < jobs:
            index, path = pending.pop(0)
            read_fd, write_fd = os.pipe()
            pid = os.fork()
            if pid == 0:  # the child
                os.close(read_fd)
                try:
                    branch = workdir / f"branch-{index}"
                    shutil.copytree(template, branch)
                    _child(path, branch, write_fd)
                finally:
                    os._exit(0)
            os.close(write_fd)
            os.set_blocking(read_fd, False)
            running[pid] = (path, read_fd, time.monotonic(), [])
        time.sleep(0.01)
        for pid, (path, fd, started, chunks) in list(running.items()):
            try:
                while chunk := os.read(fd, 65536):
                    chunks.append(chunk)
            except BlockingIOError:
                pass
            done, status = os.waitpid(pid, os.WNOHANG)
            if done == 0 and time.monotonic() - started > CHILD_LIMIT:
                os.kill(pid, signal.SIGKILL)
                done, status = os.waitpid(pid, 0)
                results[path.name] = {"file": path.name, "outcome": "timeout", "seconds": CHILD_LIMIT}
            elif done == 0:
                continue
            try:
                while chunk := os.read(fd, 65536):
                    chunks.append(chunk)
            except BlockingIOError:
                pass
            os.close(fd)
            del running[pid]
            if path.name in results:
                continue
            text = b"".join(chunks).decode("utf-8")
            if text.strip():
                results[path.name] = json.loads(text)
            else:
                results[path.name] = {"file": path.name, "outcome": "died",
                                      "message": f"child ended with status {status} (signal {os.WTERMSIG(status) if os.WIFSIGNALED(status) else None})"}
    for r in results.values():
        r["baseline_mb"] = baseline
    return results


def main(argv: list[str]) -> None:
    out, workdir, *files = argv
    jobs = int(os.environ.get("BRANCHDESK_HOSTILE_JOBS", "0")) or max(2, os.cpu_count() or 2)
    results = run([Path(f) for f in files], Path(workdir), jobs)
    Path(out).write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
