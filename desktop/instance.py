"""One program per data folder, the marker of an unclean exit, and no data folder on a network
share (issue 8). Qt-free: the command line asks the same questions as the window.

Both the instance lock and the running markers are OS file locks (``flock`` / ``msvcrt``): the
operating system lets go of them when the process dies, however it dies, so a crash never
leaves a lock that blocks the next start.
"""
from __future__ import annotations

import atexit
import logging
import os
import secrets
import sys
from dataclasses import dataclass
from pathlib import Path

from core.i18n import translate
from desktop.services.errors import KnownError

log = logging.getLogger(__name__)

LOCK_NAME = ".branchdesk.lock"
# Where Linux lists what is mounted where (a test points it at a made-up table).
MOUNTINFO = Path("/proc/self/mountinfo")
RUNNING_DIR = ".running"

# Linux file system types that live on another machine. WAL needs shared memory and byte-range
# locks that these either lack or get wrong (https://www.sqlite.org/wal.html, "WAL does not
# work over a network filesystem").
NETWORK_FILESYSTEMS = frozenset({
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "ncpfs", "afs", "coda", "9p",
    "ceph", "glusterfs", "lustre", "gpfs", "ocfs2", "gfs2", "davfs", "webdav", "sshfs",
    "fuse.sshfs", "fuse.glusterfs", "fuse.rclone", "fuse.s3fs", "fuse.davfs2", "fuse.smbnetfs",
    "fuse.gvfsd-fuse", "fuse.cephfs", "fuse.curlftpfs",
})


class NetworkShareError(KnownError):
    pass


class AlreadyRunning(KnownError):
    pass


# -- OS file locks ---------------------------------------------------------------------

def _try_lock(fd: int) -> bool:
    if os.name == "nt":
        import msvcrt
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    import fcntl
    try:
        # flock, not lockf: its lock belongs to the open file, so a second open in the same
        # process conflicts too (the tests run both sides in one process).
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


def _unlock(fd: int) -> None:
    try:
        if os.name == "nt":
            import msvcrt
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            import fcntl
            fcntl.flock(fd, fcntl.LOCK_UN)
    except OSError:
        pass


class InstanceLock:
    """Held by the window for as long as it runs (and by ``branchdesk restore``)."""

    def __init__(self, data_dir: Path):
        self.path = data_dir / LOCK_NAME
        self._fd: int | None = None

    def acquire(self) -> bool:
        """True when this process now holds the lock; False when another one does."""
        if self._fd is not None:
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
        if not _try_lock(fd):
            os.close(fd)
            return False
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is not None:
            _unlock(self._fd)
            os.close(self._fd)
            self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None


def held_elsewhere(data_dir: Path) -> bool:
    """Is the window (or a restore) running on this data folder in another process?"""
    if not (data_dir / LOCK_NAME).exists():
        return False
    probe = InstanceLock(data_dir)
    if probe.acquire():
        probe.release()
        return False
    return True


# -- the running marker ------------------------------------------------------------------

class RunningMarker:
    """A locked file in ``.running/`` for as long as the branch is open. One whose lock can be
    taken was left by a process that ended without closing the branch: an unclean exit."""

    def __init__(self, data_dir: Path):
        self.folder = data_dir / RUNNING_DIR
        self.path: Path | None = None
        self._fd: int | None = None

    def acquire(self) -> bool:
        """Place our marker; True when a marker of an unclean exit was found (and cleared)."""
        unclean = False
        self.folder.mkdir(parents=True, exist_ok=True)
        for other in self.folder.glob("*.run"):
            try:
                fd = os.open(other, os.O_RDWR | getattr(os, "O_BINARY", 0))
            except OSError:
                continue
            try:
                free = _try_lock(fd)
            finally:
                if free:
                    _unlock(fd)
                os.close(fd)
            if free:
                unclean = True
                log.warning("unclean exit found: %s", other.name)
                try:
                    other.unlink()
                except OSError:
                    pass
        self.path = self.folder / f"{os.getpid()}-{secrets.token_hex(4)}.run"
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
        _try_lock(fd)
        self._fd = fd
        # A command that ends normally without closing the branch still ended cleanly (SQLite
        # commits are whole); a kill, a crash of the interpreter or a power cut skip this.
        atexit.register(self.release)
        return unclean

    def release(self) -> None:
        atexit.unregister(self.release)
        if self._fd is not None:
            _unlock(self._fd)
            os.close(self._fd)
            self._fd = None
        if self.path is not None:
            try:
                self.path.unlink()
            except OSError:
                pass
            self.path = None


# -- network shares --------------------------------------------------------------------

def _unescape_mount(text: str) -> str:
    # /proc/self/mountinfo writes space, tab, newline and backslash as \040 \011 \012 \134.
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 4 <= len(text) and text[i + 1:i + 4].isdigit():
            out.append(chr(int(text[i + 1:i + 4], 8)))
            i += 4
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def mount_of(path: Path, mountinfo: str) -> tuple[str, str] | None:
    """(mount point, file system type) holding ``path``, from /proc/self/mountinfo text: the
    longest mount point that is a prefix of the path (the last one listed wins a tie — it is
    mounted over the others)."""
    target = str(path)
    best: tuple[str, str] | None = None
    for line in mountinfo.splitlines():
        fields = line.split()
        if len(fields) < 7 or "-" not in fields[6:]:
            continue
        point = _unescape_mount(fields[4])
        fstype = fields[fields.index("-", 6) + 1]
        inside = target == point or point == "/" or target.startswith(point.rstrip("/") + "/")
        if inside and (best is None or len(point) >= len(best[0])):
            best = (point, fstype)
    return best


def _existing(path: Path) -> Path:
    path = Path(os.path.abspath(path))
    while not path.exists() and path.parent != path:
        path = path.parent
    return path.resolve()


def _linux_remote(path: Path) -> str | None:
    try:
        text = MOUNTINFO.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    found = mount_of(path, text)
    if found and (found[1] in NETWORK_FILESYSTEMS or found[1].split(".")[-1] in NETWORK_FILESYSTEMS):
        return found[1]
    return None


def _windows_remote(path: Path) -> str | None:
    text = str(path)
    if text.startswith("\\\\") and not text.startswith("\\\\?\\") or text.startswith("\\\\?\\UNC\\"):
        return "UNC"
    import ctypes
    drive = os.path.splitdrive(text)[0]
    if not drive:
        return None
    DRIVE_REMOTE = 4
    if ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE:  # type: ignore[attr-defined]
        return "network drive"
    return None


def _macos_remote(path: Path) -> str | None:
    import ctypes
    import ctypes.util

    class StatFs(ctypes.Structure):  # struct statfs, 64-bit inodes (every macOS since 10.6)
        _fields_ = [("f_bsize", ctypes.c_uint32), ("f_iosize", ctypes.c_int32),
                    ("f_blocks", ctypes.c_uint64), ("f_bfree", ctypes.c_uint64), ("f_bavail", ctypes.c_uint64),
                    ("f_files", ctypes.c_uint64), ("f_ffree", ctypes.c_uint64), ("f_fsid", ctypes.c_int32 * 2),
                    ("f_owner", ctypes.c_uint32), ("f_type", ctypes.c_uint32), ("f_flags", ctypes.c_uint32),
                    ("f_fssubtype", ctypes.c_uint32), ("f_fstypename", ctypes.c_char * 16),
                    ("f_mntonname", ctypes.c_char * 1024), ("f_mntfromname", ctypes.c_char * 1024),
                    ("f_flags_ext", ctypes.c_uint32), ("f_reserved", ctypes.c_uint32 * 7)]

    libc = ctypes.CDLL(ctypes.util.find_library("c"))
    buf = StatFs()
    if libc.statfs(os.fsencode(str(path)), ctypes.byref(buf)) != 0:
        return None
    MNT_LOCAL = 0x00001000
    kind = buf.f_fstypename.decode(errors="replace")
    if not buf.f_flags & MNT_LOCAL or kind in ("nfs", "smbfs", "afpfs", "webdav", "cifs"):
        return kind
    return None


def network_filesystem(path: Path) -> str | None:
    """The kind of network file system ``path`` is on, None for a local disk (or when the
    question cannot be answered: the start is not refused on a guess)."""
    try:
        where = _existing(path)
        if sys.platform.startswith("linux"):
            return _linux_remote(where)
        if os.name == "nt":
            return _windows_remote(where)
        if sys.platform == "darwin":
            return _macos_remote(where)
    except Exception:  # noqa: BLE001 — a detection that fails must not stop the program
        log.exception("could not tell whether %s is on a network share", path)
    return None


def ensure_local(data_dir: Path) -> None:
    kind = network_filesystem(data_dir)
    if kind:
        raise NetworkShareError(translate("storage", "The data folder {path} is on a network share ({kind}). BranchDesk keeps the branch's records in an SQLite database, whose write-ahead log needs a disk of this computer: on a shared folder records can be lost or damaged. Choose a folder on this computer (--data-dir FOLDER or the BRANCHDESK_DATA environment variable); backups may still go to a network folder.").format(path=data_dir, kind=kind))


@dataclass
class StartGuard:
    """What a start holds until the branch closes: the running marker. ``read_only``: the file
    is damaged and was opened, on request, only to be looked at (``problems`` say how)."""
    marker: RunningMarker
    unclean: bool
    read_only: bool = False
    problems: tuple[str, ...] = ()

    def release(self) -> None:
        self.marker.release()
