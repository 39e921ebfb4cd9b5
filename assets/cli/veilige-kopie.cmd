@echo off
rem The veilige-kopie command of the installed app (resources\cli\): the app itself,
rem started with --cli, runs the command without a window.
"%~dp0..\..\Veilige Kopie.exe" --cli %*
exit /b %ERRORLEVEL%
