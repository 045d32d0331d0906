; NSIS installer for Terugkeer (per machine: Program Files, needs an administrator).
; Built on Linux by packaging/package.sh windows with Debian's makensis:
;   makensis -DVERSION=0.1.0 -DVERSION4=0.1.0.1 -DSRCDIR=<dir with the .exe files and terugkeer.ico> -DOUTFILE=<setup.exe> terugkeer.nsi
; Silent install for software distribution: setup.exe /S  (optionally /D=C:\Pad\Terugkeer, last)
; Silent removal:                          "C:\Program Files\Terugkeer\uninstall.exe" /S
; The uninstaller removes only what this installer wrote. It never touches the users'
; databases and settings in %LocalAppData%\Terugkeer and %AppData%\fyne\nl.terugkeer.app.

Unicode true
SetCompressor /SOLID lzma
RequestExecutionLevel admin
ManifestDPIAware true

!ifndef VERSION | VERSION4 | SRCDIR | OUTFILE
  !error "geef -DVERSION=, -DVERSION4=, -DSRCDIR= en -DOUTFILE= mee"
!endif

!define APPNAME "Terugkeer"
!define PUBLISHER "Terugkeer"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\nl.terugkeer.app"
!define REGKEY "Software\Terugkeer"

!include "MUI2.nsh"
!include "x64.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"

Name "${APPNAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APPNAME}"
InstallDirRegKey HKLM "${REGKEY}" "InstallDir"
BrandingText "${APPNAME} ${VERSION}"

VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey /LANG=1043 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=1043 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1043 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1043 "FileDescription" "Installatieprogramma voor ${APPNAME}"
VIAddVersionKey /LANG=1043 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=1043 "LegalCopyright" "${PUBLISHER}"

!define MUI_ICON "${SRCDIR}\terugkeer.ico"
!define MUI_UNICON "${SRCDIR}\terugkeer.ico"
!define MUI_ABORTWARNING

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "Dutch"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP|MB_OK "${APPNAME} werkt alleen op 64-bits Windows." /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  SetShellVarContext all
  UserInfo::GetAccountType
  Pop $0
  ${If} $0 != "admin"
    MessageBox MB_ICONSTOP|MB_OK "Voor de installatie van ${APPNAME} zijn beheerdersrechten nodig." /SD IDOK
    SetErrorLevel 740 ; ERROR_ELEVATION_REQUIRED
    Quit
  ${EndIf}
FunctionEnd

Section "${APPNAME}" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; An update installs over the previous version: same folder, same files.
  File "${SRCDIR}\terugkeer.exe"
  File "${SRCDIR}\terugkeer-cli.exe"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  ; Start menu (all users), directly under Programs as Windows 10/11 prefer.
  CreateShortcut "$SMPROGRAMS\${APPNAME}.lnk" "$INSTDIR\terugkeer.exe" "" "$INSTDIR\terugkeer.exe" 0 SW_SHOWNORMAL "" "Berichten van DJI inlezen en de terugkeer uit detentie voorbereiden"

  WriteRegStr HKLM "${REGKEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKLM "${REGKEY}" "Version" "${VERSION}"

  ; Add/Remove Programs (Apps & features)
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTKEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayIcon" "$\"$INSTDIR\terugkeer.exe$\",0"
  WriteRegStr HKLM "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTKEY}" "UninstallString" "$\"$INSTDIR\uninstall.exe$\""
  WriteRegStr HKLM "${UNINSTKEY}" "QuietUninstallString" "$\"$INSTDIR\uninstall.exe$\" /S"
  WriteRegDWORD HKLM "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTKEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKLM "${UNINSTKEY}" "EstimatedSize" "$0"
SectionEnd

Function un.onInit
  SetRegView 64
  SetShellVarContext all
FunctionEnd

Section "Uninstall"
  ; Only the files this installer wrote. The databases (%LocalAppData%\Terugkeer) and the
  ; Fyne settings (%AppData%\fyne\nl.terugkeer.app) of every user stay where they are:
  ; they hold the team's case files and are removed, if ever, by the gemeente itself.
  Delete "$INSTDIR\terugkeer.exe"
  Delete "$INSTDIR\terugkeer-cli.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR" ; only when empty
  Delete "$SMPROGRAMS\${APPNAME}.lnk"
  DeleteRegKey HKLM "${UNINSTKEY}"
  DeleteRegKey HKLM "${REGKEY}"
SectionEnd
