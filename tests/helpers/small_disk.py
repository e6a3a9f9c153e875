"""A real small disk for the full-disk and read-only tests: a tmpfs of a few megabytes mounted
on a folder (root only — CI runs as root; root ignores chmod, so a mount is the only honest
read-only folder), filled to the last byte, or remounted read-only."""
from __future__ import annotations

import errno
import os
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

CAN_MOUNT = sys.platform.startswith("linux") and hasattr(os, "geteuid") and os.geteuid() == 0
needs_root = pytest.mark.skipif(not CAN_MOUNT, reason="mounting a small tmpfs (a disk to fill, a folder to make "
                                                     "read-only) needs root on Linux; CI runs as root")


def _run(*args: str) -> None:
    subprocess.run(args, check=True, capture_output=True)


@contextmanager
def small_disk(folder: Path, size: str = "4m"):
    """``folder`` becomes a disk of ``size``; unmounted (and emptied) on the way out."""
    folder.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(folder)],
                             capture_output=True, text=True)
    if mounted.returncode:
        # Root in a container without CAP_SYS_ADMIN: say so in the skip, loudly enough for -ra.
        pytest.skip(f"cannot mount a tmpfs here ({mounted.stderr.strip()}): the full-disk and read-only "
                    "tests need root allowed to mount")
    try:
        yield folder
    finally:
        result = subprocess.run(["umount", str(folder)], capture_output=True)
        if result.returncode:  # something still holds a file there: detach it anyway
            subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def fill(folder: Path) -> Path:
    """Write a file until the disk is full, to the last block; returns it (``free`` removes it)."""
    filler = folder / "filler.bin"
    chunk = b"\0" * 65536
    with open(filler, "wb", buffering=0) as f:
        for size in (65536, 4096, 512, 1):
            piece = chunk[:size]
            while True:
                try:
                    f.write(piece)
                except OSError as err:
                    if err.errno != errno.ENOSPC:
                        raise
                    break
    return filler


def free(filler: Path) -> None:
    filler.unlink()


def read_only(folder: Path) -> None:
    """Every file there must be closed (a file open for writing keeps a remount from happening)."""
    _run("mount", "-o", "remount,ro", str(folder))


def writable(folder: Path) -> None:
    _run("mount", "-o", "remount,rw", str(folder))
