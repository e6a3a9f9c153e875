"""The Chinese of strings not yet merged into the .ts (resources/i18n/pending_*.tsv, one
``context<TAB>source<TAB>translation`` per line): tests that read what a secretary reads use it
until the lead merges the file, after which it changes nothing."""
from __future__ import annotations

from pathlib import Path

from core import i18n
from desktop import paths

PENDING = Path(__file__).resolve().parents[2] / "resources" / "i18n"


def pending(name: str) -> dict[tuple[str, str], str]:
    path = PENDING / f"pending_{name}.tsv"
    catalog: dict[tuple[str, str], str] = {}
    if not path.exists():
        return catalog
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        context, source, translation = line.split("\t")
        catalog[(context, source)] = translation
    return catalog


def use_pending(monkeypatch, name: str) -> None:
    """Make core.i18n's Chinese include the pending strings (also after the CLI reinstalls it)."""
    original = i18n.load_ts
    extra = pending(name)

    def load_ts(path):
        catalog = dict(extra)
        catalog.update(original(path))
        return catalog

    monkeypatch.setattr(i18n, "load_ts", load_ts)
    i18n.install(i18n.DEFAULT_LANGUAGE, paths.translation_source(i18n.DEFAULT_LANGUAGE))
