"""installer/branchdesk.iss, checked as far as Linux can: Inno Setup itself runs on Windows only
(README: "Building the Windows installer"). The script is read into its sections and
directives the way Inno Setup does — [Section] headers, `Name=Value` directives, `Key: "value";`
entries, `;` comments, ISPP `#` lines."""
from __future__ import annotations

import re

import pytest

from desktop import paths

from .conftest import INSTALLER

ISS = INSTALLER / "branchdesk.iss"


def _sections(text: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {"": []}
    current = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(";") or (current != "code" and line.startswith("#")):
            continue
        header = re.fullmatch(r"\[(\w+)\]", line)
        if header:
            current = header.group(1).lower()
            sections.setdefault(current, [])
            continue
        sections[current].append(line)
    return sections


def _entries(lines: list[str]) -> list[dict[str, str]]:
    """`Name: "x"; Filename: "y"; Flags: a b` → {"name": "x", "filename": "y", "flags": "a b"}."""
    entries = []
    for line in lines:
        fields = {}
        for key, quoted, bare in re.findall(r'(\w+):\s*(?:"([^"]*)"|([^;]*))\s*(?:;|$)', line):
            fields[key.lower()] = quoted if quoted else bare.strip()
        entries.append(fields)
    return entries


@pytest.fixture(scope="module")
def raw() -> bytes:
    return ISS.read_bytes()


@pytest.fixture(scope="module")
def text(raw) -> str:
    return raw.decode("utf-8-sig")


@pytest.fixture(scope="module")
def setup(text) -> dict[str, str]:
    directives = {}
    for line in _sections(text)["setup"]:
        name, _, value = line.partition("=")
        directives[name.strip().lower()] = value.strip()
    return directives


def test_utf8_with_a_byte_order_mark(raw):
    # Without the BOM Inno Setup reads the script as ANSI and the Chinese is garbled.
    assert raw.startswith(b"\xef\xbb\xbf")
    raw.decode("utf-8-sig")


def test_installs_per_user_without_administrator_rights(setup):
    assert setup["privilegesrequired"] == "lowest"
    # Only the command line (/ALLUSERS, for IT) may ask for more; no dialog asks a secretary.
    assert setup.get("privilegesrequiredoverridesallowed", "") in ("", "commandline")
    # {autopf} is %LOCALAPPDATA%\Programs when the install is per user.
    assert setup["defaultdirname"].startswith(("{autopf}", "{localappdata}\\Programs", "{userpf}"))


def test_the_version_is_passed_in_never_written_here(text, setup):
    assert re.search(r"^#ifndef MyAppVersion\s*\n\s*#error", text, re.MULTILINE)
    assert setup["appversion"] == "{#MyAppVersion}"
    assert "{#MyAppVersion}" in setup["outputbasefilename"]
    assert setup["versioninfoversion"] == "{#MyAppFileVersion}"
    assert not re.search(r"#define\s+MyAppVersion\s", text)


def test_a_fixed_app_id_so_upgrades_find_the_installed_version(text, setup):
    assert setup["appid"] == "{#MyAppId}"
    guid = re.search(r'#define MyAppId "\{\{([0-9A-F-]{36})\}"', text)
    assert guid, "AppId must be a GUID written {{…} (the escaped brace)"


def test_start_menu_and_desktop_shortcuts_start_the_window_program(text, bundle):
    defines = dict(re.findall(r'#define (\w+) "([^"]*)"', text))
    assert defines["MyAppExeName"] == f"{bundle.WINDOWS_GUI_EXE}.exe"
    icons = _entries(_sections(text)["icons"])
    names = [i["name"] for i in icons]
    assert any(n.startswith("{autoprograms}") for n in names)
    assert any(n.startswith("{autodesktop}") for n in names)
    for icon in icons:
        assert icon["filename"] == "{app}\\{#MyAppExeName}"
    desktop_icon = next(i for i in icons if i["name"].startswith("{autodesktop}"))
    task = next(t for t in _entries(_sections(text)["tasks"]) if t["name"] == desktop_icon["tasks"])
    assert "unchecked" not in task.get("flags", "")  # the desktop shortcut is made unless unticked


def test_the_uninstaller_is_registered_and_leaves_the_data_folder(text, setup):
    assert setup.get("uninstallable", "yes").lower() == "yes"
    sections = _sections(text)
    assert "uninstalldelete" not in sections
    # The data folder (desktop/paths.py) is {localappdata}\BranchDesk: nothing may delete it.
    assert paths.APP_NAME == dict(re.findall(r'#define (\w+) "([^"]*)"', text))["MyAppName"]
    code = "\n".join(sections.get("code", []))
    assert not re.search(r"\b(DelTree|DeleteFile|RemoveDir)\b", code)
    for entry in _entries(sections.get("installdelete", [])):
        assert entry["name"].startswith("{app}\\"), entry
    assert setup["defaultdirname"] != "{localappdata}\\{#MyAppName}"


def test_chinese_wizard_with_english_beside_it(text):
    languages = _entries(_sections(text)["languages"])
    assert [lang["name"] for lang in languages] == ["chinesesimplified", "english"]
    assert languages[0]["messagesfile"] == "{#ChineseMessages}"
    assert "ChineseSimplified.isl not found" in text  # no silent fall-back to an English-only wizard
    custom = _sections(text)["custommessages"]
    for name in {line.split(".", 1)[1].split("=", 1)[0] for line in custom}:
        assert any(line.startswith(f"chinesesimplified.{name}=") for line in custom), name
        assert any(line.startswith(f"english.{name}=") for line in custom), name


def test_installs_the_whole_bundle(text):
    files = _entries(_sections(text)["files"])
    assert len(files) == 1
    assert files[0]["source"] == "{#SourceDir}\\*"
    assert files[0]["destdir"] == "{app}"
    assert {"recursesubdirs", "createallsubdirs"} <= set(files[0]["flags"].split())
