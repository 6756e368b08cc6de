; Inno Setup 6 script: a per-user installer of the one-folder build (no administrator rights).
; Built by `py packaging\build.py --installer`, which passes the version from pyproject.toml:
;   ISCC /DAppVersion=0.1.0 /DSourceDir=...\dist\mumidesk /O...\dist packaging\mumidesk.iss
; The user's settings and database live in %LOCALAPPDATA%\mumidesk (platformdirs); the
; uninstaller removes only what it installed, so they stay.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=x.y.z (packaging\build.py does)
#endif
#ifndef SourceDir
  #define SourceDir "..\dist\mumidesk"
#endif

[Setup]
AppId={{5B0C6A52-2D7E-4F0B-9C43-6D1E7A1F2C11}
AppName=mumidesk
AppVersion={#AppVersion}
AppVerName=mumidesk {#AppVersion}
AppPublisher=mumidesk developers
VersionInfoVersion={#AppVersion}
; Per user, without elevation: installed under the user's own programs folder.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={localappdata}\Programs\mumidesk
DefaultGroupName=mumidesk
DisableProgramGroupPage=yes
UninstallDisplayIcon={app}\mumidesk.exe
SetupIconFile=..\resources\icons\mumidesk.ico
OutputBaseFilename=mumidesk-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 (PySide6 6.8+) runs on Windows 10 1809 or later only: refuse older systems up front
; rather than install a program that cannot start.
MinVersion=10.0.17763
CloseApplications=yes

[Languages]
Name: "russian"; MessagesFile: "compiler:Languages\Russian.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; Never the portable marker: an installed copy keeps its data in %LOCALAPPDATA%.
Source: "{#SourceDir}\*"; DestDir: "{app}"; Excludes: "portable.txt"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An older version's files that this one no longer has (the folder is the program's alone).
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\mumidesk"; Filename: "{app}\mumidesk.exe"
Name: "{autodesktop}\mumidesk"; Filename: "{app}\mumidesk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\mumidesk.exe"; Description: "{cm:LaunchProgram,mumidesk}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] entry for {localappdata}\mumidesk: the user's data outlives the program.
