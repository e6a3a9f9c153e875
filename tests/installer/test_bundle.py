"""What the PyInstaller spec puts into the bundle (installer/bundle.py), checked without
PyInstaller. The frozen program itself is run by installer/smoke_test.py (`make dist`)."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from .conftest import INSTALLER, ROOT


def test_the_data_files_exist_and_cover_what_the_program_reads(bundle):
    files = bundle.data_files()
    for source, _folder in files:
        assert Path(source).exists(), source
    placed = {(Path(s).name, folder) for s, folder in files}
    for ts in (ROOT / "resources" / "i18n").glob("branchdesk_*.ts"):
        assert (ts.name, "resources/i18n") in placed  # core.i18n reads the .ts
        assert (ts.with_suffix(".qm").name, "resources/i18n") in placed  # the window's QTranslator
    migrations = ROOT / "db" / "migrations"
    assert ("env.py", "db/migrations") in placed
    assert ("script.py.mako", "db/migrations") in placed
    for version in (migrations / "versions").glob("*.py"):
        assert (version.name, "db/migrations/versions") in placed
    assert not any(name.endswith(".tsv") for name, _ in placed)  # pending translations stay home


def test_the_bundle_layout_is_where_the_program_looks(bundle):
    # desktop.paths.resources_dir() is sys._MEIPASS/resources when frozen; db.engine finds
    # its migrations beside itself (sys._MEIPASS/db/migrations).
    from db.engine import MIGRATIONS_DIR
    from desktop import paths
    assert MIGRATIONS_DIR.relative_to(ROOT).as_posix() == "db/migrations"
    assert paths.translation_source("zh_CN").relative_to(ROOT).as_posix() == "resources/i18n/branchdesk_zh_CN.ts"


def test_every_resources_folder_is_bundled(bundle):
    for folder in (ROOT / "resources").iterdir():
        if folder.is_dir():
            assert folder.name == "i18n" or folder.name in bundle.RESOURCE_FOLDERS, (
                f"resources/{folder.name} is not bundled: add it to RESOURCE_FOLDERS in installer/bundle.py")


def test_the_migrations_imports_are_named_for_pyinstaller(bundle):
    names = bundle.migration_imports()
    assert {"alembic.op", "alembic.context", "sqlalchemy", "db.models", "db.personal"} <= set(names)
    modules = bundle.modules_only(names)
    assert "alembic.op" in modules and "db.personal" in modules
    assert "db.models.Base" not in modules  # a class, not a module


def _qt_modules_used() -> set[str]:
    used = set()
    for path in (ROOT / "desktop").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("PySide6."):
                used.add(node.module)
            elif isinstance(node, ast.Import):
                used.update(a.name for a in node.names if a.name.startswith("PySide6."))
    return used


def test_no_qt_module_the_program_uses_is_left_out(bundle):
    used = _qt_modules_used()
    assert {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets"} <= used
    assert not used & set(bundle.EXCLUDED_MODULES)
    assert "PySide6.QtPrintSupport" not in bundle.EXCLUDED_MODULES  # print preview (dues, minutes)


@pytest.mark.parametrize("dest, kept", [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
    ("PySide6/Qt/plugins/platforms/libqminimal.so", False),
    ("PySide6/Qt/plugins/platforms/libqminimalegl.so", False),
    ("PySide6\\plugins\\platforms\\qwindows.dll", True),
    ("PySide6\\plugins\\platforms\\qdirect2d.dll", False),
    ("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", True),
    ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", True),
    ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),  # meeting photos
    ("PySide6\\plugins\\imageformats\\qgif.dll", True),
    ("PySide6\\plugins\\imageformats\\qwebp.dll", True),
    ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
    ("PySide6\\plugins\\imageformats\\qsvg.dll", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
    ("PySide6\\plugins\\vectorimageformats\\qsvgvector.dll", False),
    ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
    ("PySide6/Qt/translations/qtbase_zh_CN.qm", True),  # 确定/取消 in standard dialogs
    ("PySide6\\translations\\qtbase_en.qm", True),
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("PySide6/Qt/translations/qt_help_zh_CN.qm", False),
    ("PySide6/Qt/lib/libQt6Core.so.6", True),
    ("resources/i18n/branchdesk_zh_CN.qm", True),
])
def test_plugins_and_translations_kept_or_left_out(bundle, dest, kept):
    assert bundle.keep(dest) is kept


def test_libraries_only_left_out_plugins_needed_are_dropped(bundle):
    binaries = [
        ("PySide6/QtGui.pyd", "src/QtGui.pyd", "EXTENSION"),
        ("PySide6/Qt6Gui.dll", "src/Qt6Gui.dll", "BINARY"),
        ("PySide6/Qt6Core.dll", "src/Qt6Core.dll", "BINARY"),
        ("PySide6/plugins/platforms/qwindows.dll", "src/qwindows.dll", "BINARY"),
        ("PySide6/Qt6Pdf.dll", "src/Qt6Pdf.dll", "BINARY"),  # was needed by the dropped qpdf plugin
        ("PySide6/opengl32sw.dll", "src/opengl32sw.dll", "BINARY"),  # linked by nothing
        ("python311.dll", "src/python311.dll", "BINARY"),  # loaded by the bootloader
        ("python3.dll", "src/python3.dll", "BINARY"),
    ]
    links = {
        "src/QtGui.pyd": [("Qt6Gui.dll", None), ("python3.dll", None), ("KERNEL32.dll", None)],
        "src/Qt6Gui.dll": [("QT6CORE.DLL", None)],  # Windows names are case-blind
        "src/qwindows.dll": [("Qt6Gui.dll", None)],
    }
    kept = bundle.linked_closure(binaries, lambda src: links.get(src, []), windows=True)
    assert [dest.rsplit("/", 1)[-1] for dest, _, _ in kept] == [
        "QtGui.pyd", "Qt6Gui.dll", "Qt6Core.dll", "qwindows.dll", "python311.dll", "python3.dll"]


def test_build_requirements_are_exact_pins():
    lines = [ln.split("#")[0].strip() for ln in (INSTALLER / "requirements-build.txt").read_text().splitlines()]
    requirements = [ln for ln in lines if ln and not ln.startswith("-")]
    assert any(r.startswith("pyinstaller==") for r in requirements)
    for requirement in requirements:
        assert re.match(r"^[A-Za-z0-9_.-]+==[\w.]+(\s*;.*)?$", requirement), requirement
    # Not part of what `make`/`make test` install.
    assert "pyinstaller" not in (ROOT / "requirements.lock").read_text().lower()


def test_make_dist_runs_the_build_script():
    makefile = (ROOT / "Makefile").read_text()
    recipe = makefile.split("\ndist:", 1)[1].split("\n\n", 1)[0]
    assert "installer/requirements-build.txt" in recipe
    assert "installer/build.py" in recipe


def test_the_installer_scripts_are_valid_python():
    for name in ("build.py", "smoke_test.py", "bundle.py", "branchdesk_main.py", "branchdesk.spec"):
        compile((INSTALLER / name).read_text(encoding="utf-8"), name, "exec")


def test_the_smoke_test_and_the_program_agree_on_the_quit_variable():
    from desktop.ui.app import SMOKE_QUIT_ENV
    assert SMOKE_QUIT_ENV in (INSTALLER / "smoke_test.py").read_text(encoding="utf-8")
