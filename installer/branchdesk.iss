; BranchDesk (支部工作台) — the Windows installer, Inno Setup 6 (6.3 or newer).
;
; Installs for the current user only, without administrator rights: the program goes to
; %LOCALAPPDATA%\Programs\BranchDesk ({autopf} when PrivilegesRequired=lowest), the shortcuts to
; the user's Start menu and desktop, the uninstaller into the user's "Installed apps"
; (HKCU). IT staff can still install for every user of a PC from the command line:
;     BranchDesk-<version>-setup.exe /ALLUSERS
;
; Built by installer/build.py, which passes the version read from pyproject.toml:
;     ISCC.exe /DMyAppVersion=0.1.0 /DMyAppFileVersion=0.1.0.0 /DSourceDir=dist\BranchDesk /Odist installer\branchdesk.iss
;
; The branch's data is NOT in the installation folder and the uninstaller does not touch it:
; it lives in %LOCALAPPDATA%\BranchDesk (desktop/paths.py: platformdirs' user_data_dir,
; not roaming), and there is deliberately no [UninstallDelete] section. Uninstalling and
; installing again, or installing a newer version, keeps every member, payment and meeting.
;
; This file is UTF-8 with a byte order mark: Inno Setup reads it as ANSI without one, and the
; Chinese below would be garbled.

#if VER < EncodeVer(6, 3, 0)
  #error Inno Setup 6.3 or newer is needed (x64compatible); download it from https://jrsoftware.org/isdl.php
#endif

#ifndef MyAppVersion
  #error Pass the version from pyproject.toml: ISCC /DMyAppVersion=x.y.z (installer/build.py does)
#endif
#ifndef MyAppFileVersion
  #define MyAppFileVersion MyAppVersion
#endif
#ifndef SourceDir
  #define SourceDir AddBackslash(SourcePath) + "..\dist\BranchDesk"
#endif
#if !FileExists(AddBackslash(SourceDir) + "BranchDesk.exe")
  #error No BranchDesk.exe in SourceDir: freeze the program first (installer/build.py)
#endif

; The Chinese wizard. Inno Setup's own Simplified Chinese messages ship in the Languages
; folder of recent releases (the file there is marked "6.5.0+"); with an older Inno Setup,
; put ChineseSimplified.isl from https://jrsoftware.org/files/istrans/ beside this script.
; The wizard must speak Chinese (the secretaries read no English), so its absence stops the build.
#if FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
  #define ChineseMessages AddBackslash(SourcePath) + "ChineseSimplified.isl"
#elif FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
  #define ChineseMessages AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl"
#else
  #error ChineseSimplified.isl not found: put it in Inno Setup's Languages folder or beside branchdesk.iss (installer/README.md)
#endif

#define MyAppName "BranchDesk"
#define MyAppNameZh "支部工作台"
#define MyAppExeName "BranchDesk.exe"
; Never change it: upgrades find the installed version (and its folder) by this id.
#define MyAppId "{{8FFB0E45-90DC-442F-B945-C07BBF5739C4}"

[Setup]
AppId={#MyAppId}
AppName={#MyAppNameZh}
AppVersion={#MyAppVersion}
AppVerName={#MyAppNameZh} {#MyAppVersion}
AppPublisher={#MyAppName}
VersionInfoVersion={#MyAppFileVersion}
VersionInfoProductName={#MyAppNameZh} {#MyAppName}
VersionInfoDescription={#MyAppNameZh} {#MyAppName} Setup
; Per user, no administrator rights (STYLE: Packaging); /ALLUSERS on the command line for IT.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline
DefaultDirName={autopf}\{#MyAppName}
; The shortcut goes straight into the Start menu, not into a folder of its own.
DisableProgramGroupPage=yes
; PySide6 6.11 runs on 64-bit Windows 10 and 11.
MinVersion=10.0
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
Uninstallable=yes
UninstallDisplayName={#MyAppNameZh} {#MyAppName}
UninstallDisplayIcon={app}\{#MyAppExeName}
; A running BranchDesk is closed (Restart Manager) before its files are replaced.
CloseApplications=yes
RestartApplications=no
OutputDir={#SourcePath}..\dist
OutputBaseFilename={#MyAppName}-{#MyAppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no
LanguageDetectionMethod=uilanguage
SetupLogging=yes
#ifdef SignToolName
; installer/build.py defines it when BRANCHDESK_SIGN_COMMAND is set (README: signing).
SignTool={#SignToolName}
SignedUninstaller=yes
#endif

[Languages]
; Chinese first: the wizard falls back to the first language when Windows speaks neither.
Name: "chinesesimplified"; MessagesFile: "{#ChineseMessages}"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.AppComment=党支部书记的工作台：党员、党费、会议
english.AppComment=The Party branch secretary's desk: members, dues, meetings
chinesesimplified.DataKept=支部工作台已卸载。本支部的数据（党员、党费、会议记录及其备份）仍保存在：%n%n%1%n%n重新安装后会继续使用这些数据。如确实不再需要，可以手动删除该文件夹。
english.DataKept=BranchDesk has been uninstalled. The branch's data (members, dues, meetings and their backups) is still kept in:%n%n%1%n%nInstalling BranchDesk again uses it. Delete that folder yourself only if the data is really no longer needed.

[Tasks]
; Checked by default: many secretaries start programs from the desktop.
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; The previous version's bundle goes first: a migration script or Qt plugin left over from it
; would be loaded by the new version. (The data folder is elsewhere: see the top of this file.)
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#MyAppNameZh}"; Filename: "{app}\{#MyAppExeName}"; WorkingDir: "{app}"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\{#MyAppNameZh}"; Filename: "{app}\{#MyAppExeName}"; WorkingDir: "{app}"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#MyAppExeName}"; Description: "{cm:LaunchProgram,{#MyAppNameZh}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: the data folder stays (see the top of this file).

[Code]
// After uninstalling, say where the branch's data still is, so that nobody thinks it is lost
// (or believes it deleted when it is not).
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    DataDir := ExpandConstant('{localappdata}\{#MyAppName}');
    if DirExists(DataDir) and not UninstallSilent then
      MsgBox(FmtMessage(CustomMessage('DataKept'), [DataDir]), mbInformation, MB_OK);
  end;
end;
