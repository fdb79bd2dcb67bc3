#!/usr/bin/env bash
# ApplicationStop (the previous revision's copy runs): stop the server and wait while it
# drains its requests. Nothing running is not an error.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "$0")/common.sh"

if [ ! -f "$unit_file" ]; then
    say "no service installed yet"
    exit 0
fi
say "stopping the server (it drains first)"
stop_service
say "stopped"
