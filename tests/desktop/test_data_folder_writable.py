"""At every start the data folder must be one this user can write in; if not, a Chinese
message says where the branch's data lives and what to do — not a traceback, not a half-made
database."""
from __future__ import annotations

import os
import sys

import pytest

from desktop import context
from desktop.cli import main
from desktop.services.errors import KnownError


def _refuse_writes(monkeypatch):
    def mkstemp(*args, **kwargs):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(context.tempfile, "mkstemp", mkstemp)


def test_a_folder_that_cannot_be_written_is_explained(tmp_path, monkeypatch):
    _refuse_writes(monkeypatch)
    with pytest.raises(KnownError) as caught:
        context.ensure_writable(tmp_path / "data")
    message = str(caught.value)
    assert str(tmp_path / "data") in message  # where the data lives
    assert "Permission denied" in message


def test_the_command_line_says_so_and_writes_nothing(tmp_path, monkeypatch, capsys):
    _refuse_writes(monkeypatch)
    data = tmp_path / "data"
    assert main(["members", "list", "--data-dir", str(data)]) == 2
    err = capsys.readouterr().err
    assert str(data) in err and "Traceback" not in err
    assert not (data / "branch.sqlite").exists()
    assert not (data / "logs").exists()


def test_a_writable_folder_is_made_and_left_clean(tmp_path):
    data = tmp_path / "new" / "data"
    context.ensure_writable(data)
    assert data.is_dir()
    assert list(data.iterdir()) == []  # the probe file is gone


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root writes anywhere; Windows has no chmod")
def test_a_read_only_folder_for_real(tmp_path):
    data = tmp_path / "read-only"
    data.mkdir()
    data.chmod(0o555)
    try:
        with pytest.raises(KnownError, match="read-only|read_only|只读|Permission denied|权限"):
            context.ensure_writable(data)
    finally:
        data.chmod(0o755)
