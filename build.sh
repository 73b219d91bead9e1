#!/usr/bin/env bash
# RSharp build entry point. Needs only the .NET SDK (and python3 for the benchmark harness).
#   ./build.sh                      build everything (Release)
#   ./build.sh test                 run every test project; ends with "N passed, M failed"
#   ./build.sh translate X [-o DIR] translate a language name, project dir or assembly
#   ./build.sh run FILE [ARGS...]   run a guest program on its translated interpreter
#   ./build.sh bench [SUITE] [ARGS] run the benchmark harness (default suite: benchmarks/samples.json)
#   ./build.sh rsharp ARGS...       run the rsharp CLI
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
cli_dll="$root/toolchain/RSharp.Cli/bin/Release/net10.0/rsharp.dll"

die() { echo "build.sh: $*" >&2; exit 2; }

build_all() { dotnet build RSharp.slnx -c Release -nologo -v q -clp:ErrorsOnly; }

# Builds the CLI when it is missing or older than any toolchain source.
ensure_cli() {
  if [[ ! -f "$cli_dll" ]] || [[ -n "$(find toolchain -newer "$cli_dll" \( -name '*.cs' -o -name '*.csproj' \) -not -path '*/obj/*' -not -path '*/bin/*' -print -quit)" ]]; then
    dotnet build toolchain/RSharp.Cli/RSharp.Cli.csproj -c Release -nologo -v q -clp:ErrorsOnly >&2
    # An incremental build leaves rsharp.dll untouched when only a library changed: mark the CLI as fresh.
    touch "$cli_dll"
  fi
}

rsharp() { ensure_cli; dotnet "$cli_dll" "$@"; }

run_tests() {
  build_all
  local log; log=$(mktemp)
  local status=0
  # A hung test host is killed (and counted as a failure) rather than eating the CI budget.
  dotnet test RSharp.slnx -c Release --no-build -nologo --blame-hang-timeout 15m 2>&1 | tee "$log" || status=$?
  # Sum the per-assembly summaries ("Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12 ...").
  local counts
  counts=$(grep -E '(Passed|Failed)! +- +Failed: ' "$log" | sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\1 \2 \3/' \
    | awk '{f+=$1; p+=$2; s+=$3} END {print f+0, p+0, s+0}')
  rm -f "$log"
  local failed passed skipped
  read -r failed passed skipped <<<"$counts"
  if [[ "$status" -ne 0 && "$failed" -eq 0 ]]; then failed=1; fi   # a crashed test host still fails the run
  local line="$passed passed, $failed failed"
  [[ "$skipped" -gt 0 ]] && line+=", $skipped skipped"
  echo "$line"
  [[ "$status" -eq 0 && "$failed" -eq 0 ]]
}

# Prints "name launcher dir" of the language whose rsharp.json lists the file's extension.
language_of() {
  local ext=".${1##*.}"
  local m
  for m in languages/*/rsharp.json samples/*/rsharp.json; do
    [[ -f "$m" ]] || continue
    if grep -Eq "\"extensions\"[^]]*\"${ext//./\\.}\"" "$m"; then
      local name launcher
      name=$(sed -nE 's/.*"name" *: *"([^"]+)".*/\1/p' "$m")
      launcher=$(sed -nE 's/.*"launcher" *: *"([^"]+)".*/\1/p' "$m")
      echo "$name ${launcher:-$name} $(dirname "$m")"
      return 0
    fi
  done
  return 1
}

run_program() {
  [[ $# -ge 1 ]] || die "usage: ./build.sh run FILE [ARGS...]"
  local file=$1; shift
  [[ -f "$file" ]] || die "no such file: $file"
  local info; info=$(language_of "$file") || die "no language handles '${file##*.}' files (see the rsharp.json files in languages/ and samples/)"
  local name launcher dir
  read -r name launcher dir <<<"$info"
  local exe="out/$name/$launcher"
  # Translate first when the app is missing or older than the language's or the toolchain's sources.
  if [[ ! -x "$exe" ]] || [[ -n "$(find "$dir" toolchain -newer "$exe" \( -name '*.cs' -o -name '*.csproj' -o -name 'rsharp.json' \) -not -path '*/obj/*' -not -path '*/bin/*' -print -quit)" ]]; then
    echo "build.sh: translating $name first (its sources changed or it was never translated)..." >&2
    rsharp translate "$name" --quiet >&2
  fi
  exec "$exe" "$file" "$@"
}

cmd=${1:-build}
[[ $# -gt 0 ]] && shift
case "$cmd" in
  build) build_all ;;
  test) run_tests ;;
  translate) [[ $# -ge 1 ]] || die "usage: ./build.sh translate <language | project dir | assembly> [-o DIR]"; rsharp translate "$@" ;;
  run) run_program "$@" ;;
  bench)
    # ./build.sh bench [SUITE.json] [harness options]: the samples suite by default.
    suite=benchmarks/samples.json
    if [[ $# -gt 0 && "$1" == *.json ]]; then suite=$1; shift; fi
    build_all
    case "$suite" in
      *python*) rsharp translate python --quiet ;;
      *) rsharp translate brainfuck --quiet; rsharp translate tiny --quiet ;;
    esac
    python3 benchmarks/harness/bench.py "$suite" "$@" ;;
  rsharp) rsharp "$@" ;;
  -h|--help|help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//' ;;
  *) die "unknown command '$cmd' (build, test, translate, run, bench, rsharp)" ;;
esac
