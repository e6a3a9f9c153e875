"""What goes into the frozen bundle and what stays out — shared by installer/branchdesk.spec,
installer/build.py and the tests (tests/installer/). Imports nothing but the standard
library: the tests run without PyInstaller installed.

Beside the Python modules PyInstaller finds by itself, the bundle holds:

- ``resources/i18n``: ``branchdesk_*.qm`` (the window's QTranslator) and ``branchdesk_*.ts``
  (``core.i18n`` reads the .ts so that the Qt-free layers speak the same Chinese);
- ``resources/{icons,templates,fonts,styles}`` whole, when they exist;
- ``db/migrations``: ``env.py``, ``script.py.mako`` and ``versions/*.py`` as files — Alembic
  loads them from disk (``db.engine.MIGRATIONS_DIR``), so they cannot live in the archive;
- the metadata of the ``branchdesk`` distribution, which ``desktop.__version__`` reads when frozen.

Left out: the Qt modules, plugins and translations the program does not use, and the
libraries only those plugins linked against (sizes before and after: installer/README.md).
"""
from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = "BranchDesk"
DISTRIBUTION = "branchdesk"
# Windows: the window program (no console) is what the shortcuts start; branchdesk-cli.exe is
# the same program with a console, for IT staff, scripts and the smoke test (Electrum ships a
# windowed .exe and a -debug console .exe the same way). Elsewhere one executable does both.
WINDOWS_GUI_EXE = "BranchDesk"
WINDOWS_CLI_EXE = "branchdesk-cli"
POSIX_EXE = "branchdesk"

# Whole folders of resources/ the program reads at run time (added when they exist).
RESOURCE_FOLDERS = ("icons", "templates", "fonts", "styles")

# Python modules the program never imports but that PyInstaller's analysis would follow.
EXCLUDED_MODULES = [
    "tkinter", "_tkinter", "unittest", "pydoc_data", "lib2to3", "test", "idlelib",
    # Build and test tools that share the virtualenv.
    "PyInstaller", "pytest", "_pytest", "hypothesis", "importlinter", "grimp", "pip", "setuptools",
    "pkg_resources", "IPython",
    # Mako's plugins (Babel, Pygments: 4.5 MB): Alembic renders no templates at run time.
    "mako.ext", "pygments",
    # (SQLAlchemy's other dialects stay: alembic.ddl imports every one of them.)
    # Qt modules not used: desktop/ imports QtCore, QtGui, QtWidgets and QtPrintSupport only
    # (tests/installer checks this list against the sources).
    "PySide6.QtNetwork", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets",
    "PySide6.QtQuickControls2", "PySide6.QtSql", "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets",
    "PySide6.QtDBus", "PySide6.QtSvg", "PySide6.QtSvgWidgets", "PySide6.QtTest", "PySide6.QtXml",
    "PySide6.QtConcurrent", "PySide6.QtHelp", "PySide6.QtDesigner", "PySide6.QtUiTools",
]

# Qt plugins left out, matched against their path below the plugins folder. Kept: the
# platforms the program runs on (windows; xcb on Linux; offscreen for the smoke test), the
# Windows style, print support, input methods (Chinese input on Linux), and the image formats
# of meeting photos (jpeg, gif, webp; png and bmp are built into QtGui).
EXCLUDED_PLUGINS = [
    re.compile(p) for p in (
        r"^imageformats/.*q(icns|ico|pdf|svg|tga|tiff|wbmp)\b",  # qpdf alone brings QtPdf (~10 MB)
        r"^(iconengines|vectorimageformats)/",  # SVG icons and images: none used
        r"^platforms/.*q(eglfs|linuxfb|minimal|minimalegl|vnc|vkkhrdisplay|wayland[a-z-]*|direct2d)\b",
        r"^(egldeviceintegrations|wayland-[a-z-]+|platformthemes|generic|networkinformation|tls)/",
        r"^(sqldrivers|qmltooling|qmllint|designer|multimedia|position|canbus|sensors)/",
    )
]
# Qt's own translations: only qtbase (what desktop.ui.app.install_translators loads), only
# the program's languages.
KEPT_QT_TRANSLATIONS = re.compile(r"/qtbase_(zh_CN|en)\.qm$")
# Where PySide6 keeps them: PySide6/Qt/plugins on Linux and macOS, PySide6/plugins on Windows.
PLUGIN_DIR = re.compile(r"(^|/)PySide6/(Qt/)?plugins/")
QT_TRANSLATION = re.compile(r"(^|/)PySide6/(Qt/)?translations/.*\.qm$")
# Libraries loaded by name at run time rather than linked against: kept whatever the link
# graph says (libpython: the bootloader loads it; python3.dll: the stable ABI of abi3 modules).
LOADED_BY_NAME = re.compile(r"^(lib)?python3[\d.]*\.(dll|so)", re.IGNORECASE)


def project_version(root: Path = ROOT) -> str:
    """The version, from its one source."""
    with open(root / "pyproject.toml", "rb") as f:
        return tomllib.load(f)["project"]["version"]


def windows_version_tuple(version: str) -> tuple[int, int, int, int]:
    """"1.2.3" → (1, 2, 3, 0) for the .exe's version resource (four numbers, each < 65536)."""
    numbers = [int(n) for n in re.findall(r"\d+", version.split("+")[0])[:4]]
    return tuple((numbers + [0, 0, 0, 0])[:4])  # type: ignore[return-value]


def data_files(root: Path = ROOT) -> list[tuple[str, str]]:
    """(source, folder in the bundle) for every file the program reads from disk."""
    i18n = root / "resources" / "i18n"
    sources = sorted(i18n.glob("branchdesk_*.ts"))
    if not sources:
        raise SystemExit(f"no translations in {i18n}")
    missing = [ts.with_suffix(".qm").name for ts in sources if not ts.with_suffix(".qm").exists()]
    if missing:
        raise SystemExit(f"{', '.join(missing)} not built: run `make translations` (pyside6-lrelease) first")
    files = [(str(p), "resources/i18n") for ts in sources for p in (ts, ts.with_suffix(".qm"))]
    for name in RESOURCE_FOLDERS:
        folder = root / "resources" / name
        if folder.is_dir():
            files.append((str(folder), f"resources/{name}"))
    migrations = root / "db" / "migrations"
    files += [(str(migrations / name), "db/migrations") for name in ("env.py", "script.py.mako")]
    files += [(str(p), "db/migrations/versions") for p in sorted((migrations / "versions").glob("*.py"))]
    return files


def migration_imports(root: Path = ROOT) -> list[str]:
    """Every import the migration scripts make, as they are written (``from alembic import
    op`` → ``alembic`` and ``alembic.op``): PyInstaller does not read data files, so the
    spec names these as hidden imports. Names that are not modules (``db.models.Base``) are
    dropped by the caller (``modules_only``)."""
    names = set()
    migrations = root / "db" / "migrations"
    for path in [migrations / "env.py", *sorted((migrations / "versions").glob("*.py"))]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return sorted(names)


def modules_only(names: list[str]) -> list[str]:
    """The names that are modules (finding ``alembic.op`` imports ``alembic``, whose plugin
    set-up chatters at INFO level into PyInstaller's log: quietened meanwhile)."""
    import importlib.util
    import logging

    def is_module(name: str) -> bool:
        try:
            return importlib.util.find_spec(name) is not None
        except (ImportError, ValueError, AttributeError):
            return False

    quiet = logging.getLogger("alembic")
    level = quiet.level
    quiet.setLevel(logging.WARNING)
    try:
        return [n for n in names if is_module(n)]
    finally:
        quiet.setLevel(level)


def _posix(path: str) -> str:
    return str(path).replace("\\", "/")


def keep(dest: str) -> bool:
    """Whether a file PyInstaller collected (its path in the bundle) stays."""
    dest = _posix(dest)
    plugin = PLUGIN_DIR.search(dest)
    if plugin:
        return not any(p.search(dest[plugin.end():]) for p in EXCLUDED_PLUGINS)
    if QT_TRANSLATION.search(dest):
        return bool(KEPT_QT_TRANSLATIONS.search("/" + dest))
    return True


def linked_closure(binaries: list[tuple[str, str, str]], get_imports, *, windows: bool) -> list[tuple[str, str, str]]:
    """Keep the shared libraries the extension modules, the kept plugins and libpython need,
    transitively; drop the rest — what only left-out plugins linked against (the GTK theme's
    cairo/pango/gio, Wayland, QtPdf, QtNetwork …) and what nothing links (Qt's software OpenGL,
    opengl32sw.dll: the program draws with widgets, not OpenGL).

    ``binaries``: PyInstaller's (dest, source, typecode) entries; ``get_imports(source)``:
    the (name, path) pairs a binary links against (PyInstaller.depend.bindepend.get_imports).
    """
    def key(name: str) -> str:
        name = _posix(name).rsplit("/", 1)[-1]
        return name.lower() if windows else name

    by_name = {key(dest): (dest, src, kind) for dest, src, kind in binaries}
    todo = [entry for entry in binaries
            if entry[2] == "EXTENSION" or PLUGIN_DIR.search(_posix(entry[0])) or LOADED_BY_NAME.match(key(entry[0]))]
    needed = {key(entry[0]) for entry in todo}
    while todo:
        _dest, src, _kind = todo.pop()
        for name, _path in get_imports(src):
            name = key(name)
            if name in by_name and name not in needed:
                needed.add(name)
                todo.append(by_name[name])
    return [entry for entry in binaries if key(entry[0]) in needed]


def bundle_size(folder: Path) -> tuple[int, int]:
    """(bytes, files) of a built bundle; symbolic links count as nothing."""
    total = count = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
            count += 1
    return total, count
