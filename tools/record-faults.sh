#!/usr/bin/env bash
# Runs the fault tests (tests/reliability/faults.test.mjs: nginx with TLS in front of two
# servers, kill -9 and a rolling SIGTERM restart under load, a translation pipeline killed
# under load) and writes what they measured into docs/reliability.md's "Faults" section.
#   tools/record-faults.sh [BUILD_DIR (build)]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
doc="$root/docs/reliability.md"
[ -x "$build/bin/analyst-toolkit" ] || { echo "record-faults: no $build/bin/analyst-toolkit: make build first" >&2; exit 2; }
command -v jq > /dev/null || { echo "record-faults: jq is missing (make deps)" >&2; exit 2; }
[ -f "$doc" ] || printf '# Reliability\n\nFigures and observations of issue 9, each produced by the script named in its section.\n' >"$doc"
report=$(mktemp)
trap 'rm -f "$report" "$report.md"' EXIT
ATK_BINARY="$build/bin/analyst-toolkit" ATK_FAULTS_REPORT="$report" node --test "$root/tests/reliability/faults.test.mjs"

{
    echo "<!-- faults: written by tools/record-faults.sh; edits between these markers are lost -->"
    echo "## Faults"
    echo
    echo "A production stand-in on one machine: nginx $(nginx -v 2>&1 | sed 's/.*nginx\///') terminating TLS (a self-signed certificate) in front of two \`analyst-toolkit serve\` instances, as the ALB does in front of the Auto Scaling group; nginx retries a request that failed before any answer, or was shed with 503, on the other instance (\`proxy_next_upstream error timeout http_503 non_idempotent\`: our POSTs are pure functions of their bodies), and never marks an instance down by itself (\`max_fails=0\`: the ALB takes one out on its health checks, not on failed requests; with \`max_fails=1\`, under AddressSanitizer, one 503 from the surviving instance while the other was down left nginx no live upstream, and it answered the next second's requests with 502). Load from \`bench/load.mjs\` on a fixed schedule over HTTPS: 644-word checks on /api/v1/check. Run on $(date -u '+%Y-%m-%d') at commit $(git -C "$root" rev-parse --short HEAD), $(nproc) cores: \`tools/record-faults.sh\` (the same scenarios run in \`make test\` as reliability.faults)."
    echo
    echo "| scenario | load | sent | 200 | failed (non-200 or socket error) | p99 of the 200s (ms) | traffic |"
    echo "|---|---|--:|--:|--:|--:|---|"
    jq -r '
      "| kill -9 of one instance after 2 s, restarted 2.5 s later | \(.kill.rate)/s for \(.kill.seconds) s | \(.kill.sent) | \(.kill.statuses["200"] // 0) | \(.kill.failed) | \(.kill.p99_ms) | before the kill a \(.kill.before_kill.a), b \(.kill.before_kill.b); b alone \(.kill.alone_on_b) while a was down; a \(.kill.a_after_restart) after its restart |",
      "| rolling restart: SIGTERM to a, restarted, then the same for b | \(.rolling.rate)/s for \(.rolling.seconds) s | \(.rolling.sent) | \(.rolling.statuses["200"] // 0) | \(.rolling.failed) | \(.rolling.p99_ms) | exit codes \(.rolling.exit_codes | map(tostring) | join(", ")); served in the 1.5 s after each restart: a \(.rolling.served_after_restart.a), b \(.rolling.served_after_restart.b) |",
      "| one of \(.pipeline.stages) translation pipeline processes killed with SIGKILL, one server, no translation cache | \(.pipeline.rate) translations/s for \(.pipeline.seconds) s | \(.pipeline.sent) | \(.pipeline.statuses["200"] // 0) | \(.pipeline.sent - (.pipeline.statuses["200"] // 0) + .pipeline.socket_errors) (503: \(.pipeline.statuses["503"] // 0)) | - | the next translation: \(.pipeline.after_status) |"
    ' "$report"
    echo
    echo "A request in flight on a killed instance fails only if its retry fails too; the test allows 3 such failures for kill -9 and none for the rolling restart (SIGTERM: the listener closes, idle connections close, requests in flight finish). A killed pipeline fails only the request it held (503); one killed while idle is replaced before a request meets it. \`check --fix\` on a full disk or a read-only file system: tests/cli/fix_cli_test.cpp (FixCliOnTmpfs, on a tmpfs of 8 KiB): exit 2, \"cannot write ... (No space left on device / Read-only file system); the original is unchanged\", the file byte for byte as before, no temporary or half \`.orig\` left."
    echo "<!-- faults: end -->"
} > "$report.md"

# The section replaces the one between the markers, or goes at the end.
if grep -q '^<!-- faults: written' "$doc"; then
    awk -v section="$report.md" '
        /^<!-- faults: written/ { while ((getline line < section) > 0) print line; skipping = 1; next }
        skipping && /^<!-- faults: end -->/ { skipping = 0; next }
        !skipping { print }
    ' "$doc" > "$doc.tmp" && mv "$doc.tmp" "$doc"
else
    { echo; cat "$report.md"; } >> "$doc"
fi
echo "recorded in docs/reliability.md"
