; somattran.iss
; Copyright 2026 The Sổ Mặt trận authors
; SPDX-License-Identifier: GPL-3.0-or-later
;
; Inno Setup 6.3 or later. build-msys2.sh compiles it as:
;   ISCC /DStageDir=<...\dist\SoMatTran> /DAppVersion=<version> /O<...\dist> somattran.iss
; The file is UTF-8 with a byte-order mark, which Inno Setup needs to read the
; Vietnamese names. It installs per user (no administrator needed) or for all
; users, 64-bit Windows 8.1 or later, and writes nothing to the registry but
; the uninstaller's entry.

#ifndef StageDir
  #define StageDir "..\..\dist\SoMatTran"
#endif
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Sổ Mặt trận"
#define Launcher "{app}\bin\somattran-launcher.exe"

[Setup]
AppId=io.github.somattran.SoMatTran
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=The Sổ Mặt trận authors
AppCopyright=Copyright 2026 The Sổ Mặt trận authors, GPL-3.0-or-later
DefaultDirName={autopf}\SoMatTran
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=6.3
OutputBaseFilename=SoMatTran-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={#Launcher}
UninstallDisplayName={#AppName}
#if FileExists(StageDir + "\share\somattran\somattran.ico")
SetupIconFile={#StageDir}\share\somattran\somattran.ico
#endif

[Languages]
; Vietnamese.isl is an unofficial translation: used when it was added to
; Inno Setup's Languages folder, otherwise the installer speaks English.
#if FileExists(CompilerPath + "Languages\Vietnamese.isl")
Name: "vi"; MessagesFile: "compiler:Languages\Vietnamese.isl"
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#StageDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{#Launcher}"; WorkingDir: "{userdocs}"; Comment: "Sổ theo dõi của Mặt trận Tổ quốc xã"
Name: "{autodesktop}\{#AppName}"; Filename: "{#Launcher}"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Run]
Filename: "{#Launcher}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
