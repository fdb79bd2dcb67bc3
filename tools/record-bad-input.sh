#!/usr/bin/env bash
# Runs the bad-input catalogue (tests/reliability/bad-input.test.mjs) against the built server
# and writes what it observed into docs/reliability.md's "Bad input catalogue" section.
#   tools/record-bad-input.sh [BUILD_DIR (build)]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
doc="$root/docs/reliability.md"
[ -x "$build/bin/analyst-toolkit" ] || { echo "record-bad-input: no $build/bin/analyst-toolkit: make build first" >&2; exit 2; }
[ -f "$doc" ] || printf '# Reliability\n\nFigures and observations of issue 9, each produced by the script named in its section.\n' >"$doc"
ATK_BINARY="$build/bin/analyst-toolkit" ATK_RECORD_TO="$doc" node --test "$root/tests/reliability/bad-input.test.mjs"
echo "recorded in docs/reliability.md"
