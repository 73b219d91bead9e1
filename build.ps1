# RSharp build entry point for Windows (PowerShell); mirrors build.sh command for command.
# Needs only the .NET SDK (and Python 3 for the benchmark harness).
#   ./build.ps1                      build everything (Release)
#   ./build.ps1 test                 run every test project; ends with "N passed, M failed"
#   ./build.ps1 translate X [-o DIR] translate a language name, project dir or assembly
#   ./build.ps1 run FILE [ARGS...]   run a guest program on its translated interpreter
#   ./build.ps1 bench [SUITE] [ARGS] run the benchmark harness (default suite: benchmarks/samples.json)
#   ./build.ps1 rsharp ARGS...       run the rsharp CLI
$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'; $env:DOTNET_NOLOGO = '1'; $env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'
$cliDll = Join-Path $root 'toolchain/RSharp.Cli/bin/Release/net10.0/rsharp.dll'
$exeSuffix = if ([Environment]::OSVersion.Platform -eq 'Win32NT') { '.exe' } else { '' }
$cmd = if ($args.Count -gt 0) { $args[0] } else { 'build' }
# @(...) keeps a single remaining argument an array (indexing a lone string would give its first character).
$rest = @($args | Select-Object -Skip 1)

function Fail([string]$message) { [Console]::Error.WriteLine("build.ps1: $message"); exit 2 }

function Build-All { dotnet build RSharp.slnx -c Release -nologo -v q -clp:ErrorsOnly; if ($LASTEXITCODE) { exit $LASTEXITCODE } }

# True when $target is missing or older than a source (*.cs, *.csproj, rsharp.json) under one of $dirs, bin/ and obj/ excluded.
function Test-Stale([string]$target, [string[]]$dirs, [string[]]$patterns) {
    if (-not (Test-Path $target)) { return $true }
    $time = (Get-Item $target).LastWriteTimeUtc
    foreach ($dir in $dirs) {
        $newer = Get-ChildItem $dir -Recurse -File -Include $patterns -ErrorAction SilentlyContinue |
            Where-Object { $_.FullName.Substring($root.Length) -notmatch '[\\/](obj|bin)[\\/]' -and $_.LastWriteTimeUtc -gt $time } |
            Select-Object -First 1
        if ($newer) { return $true }
    }
    return $false
}

# Builds the CLI when it is missing or older than any toolchain source, then runs it.
function Invoke-RSharp([string[]]$a) {
    if (Test-Stale $cliDll @('toolchain') @('*.cs', '*.csproj')) {
        dotnet build toolchain/RSharp.Cli/RSharp.Cli.csproj -c Release -nologo -v q -clp:ErrorsOnly | Out-Host
        if ($LASTEXITCODE) { exit $LASTEXITCODE }
        # An incremental build leaves rsharp.dll untouched when only a library changed: mark the CLI as fresh.
        (Get-Item $cliDll).LastWriteTimeUtc = [DateTime]::UtcNow
    }
    dotnet $cliDll @a
}

# The language whose rsharp.json lists the file's extension (with its folder), or $null.
function Find-Language([string]$file) {
    $ext = [IO.Path]::GetExtension($file)
    foreach ($m in Get-ChildItem languages/*/rsharp.json, samples/*/rsharp.json -ErrorAction SilentlyContinue) {
        $j = Get-Content $m -Raw | ConvertFrom-Json
        if ($j.extensions -contains $ext) { return @{ Name = $j.name; Launcher = $(if ($j.launcher) { $j.launcher } else { $j.name }); Dir = $m.DirectoryName } }
    }
    return $null
}

Push-Location $root
try {
    switch ($cmd) {
        'build' { Build-All }
        'test' {
            Build-All
            # dotnet test writes to stderr too: that is output to show, not a reason to stop.
            $ErrorActionPreference = 'Continue'
            # A hung test host is killed (and counted as a failure) rather than eating the CI budget.
            dotnet test RSharp.slnx -c Release --no-build -nologo --blame-hang-timeout 15m 2>&1 | Tee-Object -Variable out | Out-Host
            $status = $LASTEXITCODE
            # Sum the per-assembly summaries ("Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12 ...").
            $f = 0; $p = 0; $s = 0
            foreach ($line in $out) {
                if ("$line" -match '(Passed|Failed)! +- +Failed: +(\d+), Passed: +(\d+), Skipped: +(\d+)') {
                    $f += [int]$Matches[2]; $p += [int]$Matches[3]; $s += [int]$Matches[4]
                }
            }
            if ($status -ne 0 -and $f -eq 0) { $f = 1 }   # a crashed test host still fails the run
            $summary = "$p passed, $f failed"; if ($s -gt 0) { $summary += ", $s skipped" }
            Write-Output $summary
            exit $(if ($status -eq 0 -and $f -eq 0) { 0 } else { 1 })
        }
        'translate' {
            if ($rest.Count -lt 1) { Fail 'usage: ./build.ps1 translate <language | project dir | assembly> [-o DIR]' }
            Invoke-RSharp (@('translate') + $rest); exit $LASTEXITCODE
        }
        'run' {
            if ($rest.Count -lt 1) { Fail 'usage: ./build.ps1 run FILE [ARGS...]' }
            $file = $rest[0]
            if (-not (Test-Path $file -PathType Leaf)) { Fail "no such file: $file" }
            $lang = Find-Language $file
            if (-not $lang) { Fail "no language handles '$([IO.Path]::GetExtension($file))' files (see the rsharp.json files in languages/ and samples/)" }
            $exe = Join-Path $root (Join-Path 'out' (Join-Path $lang.Name ($lang.Launcher + $exeSuffix)))
            # Translate first when the app is missing or older than the language's or the toolchain's sources.
            if (Test-Stale $exe @($lang.Dir, 'toolchain') @('*.cs', '*.csproj', 'rsharp.json')) {
                [Console]::Error.WriteLine("build.ps1: translating $($lang.Name) first (its sources changed or it was never translated)...")
                Invoke-RSharp @('translate', $lang.Name, '--quiet') | Out-Host
                if ($LASTEXITCODE) { exit $LASTEXITCODE }
            }
            & $exe @rest; exit $LASTEXITCODE
        }
        'bench' {
            # ./build.ps1 bench [SUITE.json] [harness options]: the samples suite by default.
            $suite = 'benchmarks/samples.json'
            if ($rest.Count -gt 0 -and $rest[0] -like '*.json') { $suite = $rest[0]; $rest = @($rest | Select-Object -Skip 1) }
            Build-All
            $languages = if ($suite -like '*python*') { @('python') } else { @('brainfuck', 'tiny') }
            foreach ($l in $languages) { Invoke-RSharp @('translate', $l, '--quiet'); if ($LASTEXITCODE) { exit $LASTEXITCODE } }
            $python = if (Get-Command python3 -ErrorAction SilentlyContinue) { 'python3' } else { 'python' }
            & $python benchmarks/harness/bench.py $suite @rest; exit $LASTEXITCODE
        }
        'rsharp' { Invoke-RSharp $rest; exit $LASTEXITCODE }
        { $_ -in '-h', '--help', 'help' } { Get-Content $PSCommandPath | Select-Object -First 8 | ForEach-Object { $_ -replace '^# ?', '' } }
        default { Fail "unknown command '$cmd' (build, test, translate, run, bench, rsharp)" }
    }
}
finally {
    Pop-Location
}
