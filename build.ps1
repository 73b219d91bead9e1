# RSharp build entry point for Windows (PowerShell); mirrors build.sh.
#   ./build.ps1 [build | test | translate X [-o DIR] | run FILE [ARGS] | bench [ARGS] | rsharp ARGS]
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'; $env:DOTNET_NOLOGO = '1'
$cliDll = Join-Path $PSScriptRoot 'toolchain/RSharp.Cli/bin/Release/net10.0/rsharp.dll'
$cmd = if ($args.Count -gt 0) { $args[0] } else { 'build' }
$rest = if ($args.Count -gt 1) { $args[1..($args.Count - 1)] } else { @() }

function Build-All { dotnet build RSharp.slnx -c Release -nologo -v q -clp:ErrorsOnly; if ($LASTEXITCODE) { exit $LASTEXITCODE } }
function Invoke-RSharp([string[]]$a) {
    if (-not (Test-Path $cliDll)) { dotnet build toolchain/RSharp.Cli/RSharp.Cli.csproj -c Release -nologo -v q -clp:ErrorsOnly | Out-Host }
    dotnet $cliDll @a
}
function Find-Language([string]$file) {
    $ext = [IO.Path]::GetExtension($file)
    foreach ($m in Get-ChildItem languages/*/rsharp.json, samples/*/rsharp.json -ErrorAction SilentlyContinue) {
        $j = Get-Content $m -Raw | ConvertFrom-Json
        if ($j.extensions -contains $ext) { return $j }
    }
    return $null
}

switch ($cmd) {
    'build' { Build-All }
    'test' {
        Build-All
        $log = dotnet test RSharp.slnx -c Release --no-build -nologo --blame-hang-timeout 15m 2>&1 | Tee-Object -Variable out
        $status = $LASTEXITCODE
        $f = 0; $p = 0; $s = 0
        foreach ($line in $out) {
            if ("$line" -match 'Failed: +(\d+), Passed: +(\d+), Skipped: +(\d+)') { $f += [int]$Matches[1]; $p += [int]$Matches[2]; $s += [int]$Matches[3] }
        }
        if ($status -ne 0 -and $f -eq 0) { $f = 1 }
        $summary = "$p passed, $f failed"; if ($s -gt 0) { $summary += ", $s skipped" }
        Write-Output $summary
        exit $(if ($status -eq 0 -and $f -eq 0) { 0 } else { 1 })
    }
    'translate' { Invoke-RSharp (@('translate') + $rest); exit $LASTEXITCODE }
    'run' {
        if ($rest.Count -lt 1) { Write-Error 'usage: ./build.ps1 run FILE [ARGS...]'; exit 2 }
        $lang = Find-Language $rest[0]
        if (-not $lang) { Write-Error "no language handles '$($rest[0])'"; exit 2 }
        $launcher = if ($lang.launcher) { $lang.launcher } else { $lang.name }
        $exe = Join-Path 'out' (Join-Path $lang.name "$launcher.exe")
        if (-not (Test-Path $exe)) { Invoke-RSharp @('translate', $lang.name, '--quiet'); if ($LASTEXITCODE) { exit $LASTEXITCODE } }
        & $exe @rest; exit $LASTEXITCODE
    }
    'bench' {
        Build-All
        Invoke-RSharp @('translate', 'brainfuck', '--quiet'); Invoke-RSharp @('translate', 'tiny', '--quiet')
        python3 benchmarks/harness/bench.py benchmarks/samples.json @rest; exit $LASTEXITCODE
    }
    'rsharp' { Invoke-RSharp $rest; exit $LASTEXITCODE }
    default { Write-Error "unknown command '$cmd' (build, test, translate, run, bench, rsharp)"; exit 2 }
}
