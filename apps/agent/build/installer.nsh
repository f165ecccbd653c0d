; NSIS include of the Deskside agent installer (electron-builder nsis.include).
; Silent install for a site (the console's Deploy page prints it with a fresh token):
;   "Deskside Agent Setup.exe" /S /HUB_URL=https://hub.example.com:4800 /ENROLL_TOKEN=… /HUB_FINGERPRINT=AB:CD:…
; The values go to %ProgramData%\Deskside\agent.json, readable by SYSTEM and Administrators only,
; never to the registry; the service enrols with them and removes the token from the file.
!include "FileFunc.nsh"

!macro customInstall
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/HUB_URL=" $R1
  ${If} ${Errors}
    StrCpy $R1 ""
  ${EndIf}
  ClearErrors
  ${GetOptions} $R0 "/ENROLL_TOKEN=" $R2
  ${If} ${Errors}
    StrCpy $R2 ""
  ${EndIf}
  ClearErrors
  ${GetOptions} $R0 "/HUB_FINGERPRINT=" $R3
  ${If} ${Errors}
    StrCpy $R3 ""
  ${EndIf}
  CreateDirectory "$COMMONPROGRAMDATA\Deskside"
  ${If} $R1 != ""
    ; The bundled agent writes the JSON (proper escaping) and sets the owner-only ACL itself.
    ; The token travels in the environment, not on a command line other processes can read.
    System::Call 'Kernel32::SetEnvironmentVariable(t "DESKSIDE_ENROLL_TOKEN", t R2)'
    System::Call 'Kernel32::SetEnvironmentVariable(t "DESKSIDE_HUB_FINGERPRINT", t R3)'
    nsExec::ExecToLog '"$INSTDIR\resources\agent\node.exe" "$INSTDIR\resources\agent\bin\deskside-agent.js" configure --config "$COMMONPROGRAMDATA\Deskside\agent.json" --hub "$R1"'
    System::Call 'Kernel32::SetEnvironmentVariable(t "DESKSIDE_ENROLL_TOKEN", t "")'
  ${EndIf}
  nsExec::ExecToLog '"$INSTDIR\resources\agent\node.exe" "$INSTDIR\resources\agent\bin\deskside-agent.js" service install --config "$COMMONPROGRAMDATA\Deskside\agent.json"'
!macroend

!macro customUnInstall
  nsExec::ExecToLog '"$INSTDIR\resources\agent\node.exe" "$INSTDIR\resources\agent\bin\deskside-agent.js" service uninstall'
!macroend
