"""Printed codes read back as a member's phone or a scanner would: the PDF rendered by poppler
(pdftoppm) at 150 dpi, each page decoded by an independent decoder (zbarimg)."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

needs_tools = pytest.mark.skipif(not (shutil.which("pdftoppm") and shutil.which("zbarimg")),
                                 reason="poppler-utils and zbar-tools are not installed")


def render(pdf: Path, out: Path, dpi: int = 150) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(out / "page")], check=True, timeout=300)
    return sorted(out.glob("page-*.png"))


def decode(png: Path) -> list[str]:
    """Every code zbarimg finds on the image, one per line of its --raw output."""
    result = subprocess.run(["zbarimg", "--raw", "-q", str(png)], capture_output=True, text=True, timeout=120)
    # 0: found some; 4: found none. Anything else is zbarimg failing.
    assert result.returncode in (0, 4), result.stderr
    return [line for line in result.stdout.splitlines() if line]


def decode_pdf(pdf: Path, out: Path, dpi: int = 150) -> list[list[str]]:
    """The codes on each page."""
    return [decode(png) for png in render(pdf, out, dpi)]
