@echo off
rem The chainrule command on Windows, like ./chainrule on Linux and macOS. On first use (or when a
rem pom or main source file is newer than the jar) it builds cli\target\chainrule.jar with Maven;
rem after that it just runs it. Needs JDK 17 and Maven on the PATH.
rem Program text with non-ASCII symbols is best given in a file or on standard input ("-"): the JVM
rem decodes command-line arguments with the Windows code page. ASCII forms (* - ^) always work.
setlocal EnableExtensions
set "ROOT=%~dp0"
if "%ROOT:~-1%"=="\" set "ROOT=%ROOT:~0,-1%"
set "JAR=%ROOT%\cli\target\chainrule.jar"

where java >nul 2>nul
if errorlevel 1 goto nojava

if not exist "%JAR%" goto build
rem The same rule as ./chainrule: rebuild when the root pom, a module pom or a main source is newer.
powershell -NoProfile -ExecutionPolicy Bypass -Command "$jar = (Get-Item -LiteralPath $env:JAR).LastWriteTimeUtc; $files = @(Get-Item -LiteralPath (Join-Path $env:ROOT 'pom.xml')); $files += Get-ChildItem -Path $env:ROOT -Directory | ForEach-Object { Get-ChildItem -LiteralPath (Join-Path $_.FullName 'pom.xml') -ErrorAction SilentlyContinue; $src = Join-Path $_.FullName 'src\main'; if (Test-Path $src) { Get-ChildItem -LiteralPath $src -Recurse -File } }; if ($files | Where-Object { $_.LastWriteTimeUtc -gt $jar } | Select-Object -First 1) { exit 1 } else { exit 0 }"
if errorlevel 1 goto build
goto run

:build
where mvn >nul 2>nul
if errorlevel 1 goto nomvn
echo chainrule: building cli\target\chainrule.jar (mvn package -pl cli -am) ... 1>&2
set "LOG=%TEMP%\chainrule-build-%RANDOM%.log"
pushd "%ROOT%"
call mvn -B -DskipTests package -pl cli -am > "%LOG%" 2>&1
set "BUILD_RC=%ERRORLEVEL%"
popd
if not "%BUILD_RC%"=="0" goto buildfailed
del "%LOG%" >nul 2>nul

:run
rem UTF-8 on the console, so that symbols print as themselves.
chcp 65001 >nul
rem The JIT and the Vector API by command, as ./chainrule chooses them: short commands run with the
rem client JIT and the serial collector; train, gradcheck, example and studio keep the full JIT
rem (studio also compiles huge methods, for the embedded Graphviz's renders);
rem train and example also get the Vector API (the fast matrix-multiply kernel). CHAINRULE_JAVA_OPTS
rem adds options. (The class-data archive of ./chainrule is not made here.)
set "CR_OPTS=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
set "CR_VECTOR="
if /i "%~1"=="train" set "CR_VECTOR=1"
if /i "%~1"=="example" set "CR_VECTOR=1"
if /i "%~1"=="gradcheck" set "CR_OPTS="
if /i "%~1"=="studio" set "CR_OPTS=-XX:-DontCompileHugeMethods"
if defined CR_VECTOR goto runvector
java %CR_OPTS% %CHAINRULE_JAVA_OPTS% -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8 -jar "%JAR%" %*
exit /b %ERRORLEVEL%

:runvector
rem The JVM prints "WARNING: Using incubator modules: jdk.incubator.vector" on stderr on every run with
rem the module: stderr goes to a file, and everything in it but that line is passed on at the end.
set "ERRLOG=%TEMP%\chainrule-stderr-%RANDOM%%RANDOM%.txt"
java --add-modules jdk.incubator.vector -XX:+UseSerialGC %CHAINRULE_JAVA_OPTS% -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8 -jar "%JAR%" %* 2> "%ERRLOG%"
set "CR_RC=%ERRORLEVEL%"
findstr /V /B /C:"WARNING: Using incubator modules: jdk.incubator.vector" "%ERRLOG%" 1>&2
del "%ERRLOG%" >nul 2>nul
exit /b %CR_RC%

:nojava
echo chainrule: needs Java 17 or newer (java is not on the PATH) 1>&2
exit /b 2

:nomvn
echo chainrule: needs Maven to build itself on first use (mvn is not on the PATH) 1>&2
exit /b 2

:buildfailed
findstr /C:"[ERROR]" "%LOG%" 1>&2
echo chainrule: the build failed; the full log is %LOG% 1>&2
exit /b 2
