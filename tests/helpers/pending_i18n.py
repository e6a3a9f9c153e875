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


def pending_qm(target_dir: Path) -> Path | None:
    """A .qm of every pending_*.tsv (built with pyside6-lrelease), for the window's QTranslator."""
    import subprocess
    import sys
    import xml.etree.ElementTree as ET

    catalog: dict[tuple[str, str], str] = {}
    for tsv in sorted(PENDING.glob("pending_*.tsv")):
        catalog.update(pending(tsv.stem.removeprefix("pending_")))
    if not catalog:
        return None
    root = ET.Element("TS", version="2.1", language="zh_CN")
    contexts: dict[str, ET.Element] = {}
    for (context, source), translation in catalog.items():
        if context not in contexts:
            contexts[context] = ET.SubElement(root, "context")
            ET.SubElement(contexts[context], "name").text = context
        message = ET.SubElement(contexts[context], "message")
        ET.SubElement(message, "source").text = source
        ET.SubElement(message, "translation").text = translation
    target_dir.mkdir(parents=True, exist_ok=True)
    ts, qm = target_dir / "pending.ts", target_dir / "pending.qm"
    ET.ElementTree(root).write(ts, encoding="utf-8", xml_declaration=True)
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True, timeout=60)
    return qm


def install_pending_translator(app, target_dir: Path):
    """Install a QTranslator of the pending strings (before the merged .qm's, so it is asked
    first only for what the .qm lacks: Qt asks the last installed first). Returns it or None."""
    from PySide6.QtCore import QTranslator
    qm = pending_qm(target_dir)
    if qm is None:
        return None
    translator = QTranslator(app)
    if not translator.load(str(qm)):
        return None
    app.installTranslator(translator)
    return translator
