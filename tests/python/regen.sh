#!/bin/sh
# Regenerates the expected outputs of the differential programs with CPython 3.11.
# For each NAME.py: NAME.out (stdout), NAME.exit (exit status, only when non-zero),
# NAME.err (stderr, only when the status is non-zero). NAME.in, if present, is stdin.
# Files named mod_*.py are helper modules imported by the programs.
set -u
cd "$(dirname "$0")"
PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null 2>&1 || PY=python3
for f in *.py; do
    case "$f" in mod_*) continue ;; esac
    name=${f%.py}
    if [ -f "$name.in" ]; then input="$name.in"; else input=/dev/null; fi
    PYTHONDONTWRITEBYTECODE=1 PYTHONHASHSEED=0 "$PY" "$f" < "$input" > "$name.out" 2> "$name.err.tmp"
    status=$?
    if [ "$status" -ne 0 ]; then
        echo "$status" > "$name.exit"
        # Paths of this machine must not be committed: make them relative to this directory.
        sed "s|$PWD/||g" "$name.err.tmp" > "$name.err"
        rm -f "$name.err.tmp"
    else
        rm -f "$name.exit" "$name.err" "$name.err.tmp"
    fi
done
