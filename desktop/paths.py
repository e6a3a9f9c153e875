"""Where things live: the data directory and the resources folder."""
from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "BranchDesk"
ENV_DATA = "BRANCHDESK_DATA"


def data_dir(explicit: str | os.PathLike | None = None) -> Path:
    """``--data-dir`` first, then ``BRANCHDESK_DATA``, then the platform's user data folder
    (``%LOCALAPPDATA%\\BranchDesk`` on Windows, ``~/.local/share/BranchDesk`` on Linux)."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(ENV_DATA)
    if env:
        return Path(env).expanduser().resolve()
    from platformdirs import user_data_dir
    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=False))


def resources_dir() -> Path:
    """``resources/`` beside the packages (a checkout) or inside a frozen bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def translation_source(language: str) -> Path:
    return resources_dir() / "i18n" / f"branchdesk_{language}.ts"


def translation_binary(language: str) -> Path:
    return resources_dir() / "i18n" / f"branchdesk_{language}.qm"
