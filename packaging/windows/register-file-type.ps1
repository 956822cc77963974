# Make double-clicking a .workshop file open Workshop, for the current user (no administrator).
# Run it once from the unpacked folder:  powershell -ExecutionPolicy Bypass -File register-file-type.ps1
# The same type as packaging/workshop-app.spec's FILE_TYPE. (Not run in this repository's CI:
# see docs/install.md; .github/workflows/release.yml runs it on a Windows runner.)
param([switch]$Uninstall)
$ErrorActionPreference = "Stop"
$exe = Join-Path $PSScriptRoot "Workshop.exe"
$classes = "HKCU:\Software\Classes"
$progId = "WorkshopApp.Seminar"
if ($Uninstall) {
    Remove-Item -Recurse -Force -ErrorAction SilentlyContinue "$classes\.workshop", "$classes\$progId"
    Write-Output "The .workshop file type is no longer Workshop's."
    exit 0
}
if (-not (Test-Path $exe)) { throw "No Workshop.exe beside this script ($exe)" }
New-Item -Force "$classes\.workshop" | Out-Null
Set-ItemProperty "$classes\.workshop" -Name "(default)" -Value $progId
Set-ItemProperty "$classes\.workshop" -Name "Content Type" -Value "application/x-workshop"
New-Item -Force "$classes\$progId\DefaultIcon" | Out-Null
Set-ItemProperty "$classes\$progId" -Name "(default)" -Value "Workshop seminar"
Set-ItemProperty "$classes\$progId\DefaultIcon" -Name "(default)" -Value "`"$exe`",0"
New-Item -Force "$classes\$progId\shell\open\command" | Out-Null
Set-ItemProperty "$classes\$progId\shell\open\command" -Name "(default)" -Value "`"$exe`" `"%1`""
Write-Output ".workshop files now open with $exe"
