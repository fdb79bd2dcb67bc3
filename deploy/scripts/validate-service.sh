#!/usr/bin/env bash
# ValidateService: the server is alive (/healthz), then ready (/readyz: every language
# loaded), within ATK_VALIDATE_SECONDS (60), and not running as root. Fails the deployment
# otherwise, with the end of the server's log.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "$0")/common.sh"

port=$(service_variable ATK_PORT)
base="http://127.0.0.1:${port:-8080}"
seconds=${ATK_VALIDATE_SECONDS:-60}

answers() { curl --silent --fail --max-time 2 --output /dev/null "$base$1"; }

show_log() {
    if have_systemd; then
        journalctl --unit "$unit_name" --lines 20 --no-pager >&2 || true
    elif [ -f "$standin_dir/log" ]; then
        tail -n 20 "$standin_dir/log" >&2
    fi
}

wait_for() {
    local path=$1
    for _ in $(seq "$((seconds * 5))"); do
        answers "$path" && return 0
        [ -n "$(service_pid)" ] || { show_log; fail "the server stopped before $path answered"; }
        sleep 0.2
    done
    show_log
    fail "$base$path did not answer within $seconds s"
}

wait_for /healthz
wait_for /readyz
pid=$(service_pid)
user=$(ps -o user:32= -p "$pid" | tr -d ' ')
[ "$user" != root ] || fail "the server runs as root (process $pid): it must run as $service_user"
say "ready at $base, running as $user"
