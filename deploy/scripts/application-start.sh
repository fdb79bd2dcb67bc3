#!/usr/bin/env bash
# ApplicationStart: the systemd service, enabled and (re)started.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "$0")/common.sh"

say "starting the server"
start_service
say "started (process $(service_pid))"
