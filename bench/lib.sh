# shellcheck shell=bash
# Shared by the scripts in bench/ (sourced, not run): what each records about the machine and
# the build, and how each writes its own section of bench/RESULTS.md.

# The first line of a command's output (stdout or stderr): a tool's version banner.
first_line() { "$@" 2>&1 | sed -n 1p; }

# The installed version of Debian package $1, or "?".
package_version() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null || echo "?"; }

# The CPU's model name.
cpu_name() { sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | sed -n 1p; }

# "- machine: ..." for a results section.
machine_line() {
    echo "- machine: $(nproc) CPUs, $(cpu_name); Debian $(cat /etc/debian_version 2>/dev/null || echo '?')"
}

# The commit measured, flagged when the folders given ($@: core cli ...) have uncommitted
# changes (then the figures are not that commit's).
revision_of() {
    local revision
    revision=$(git rev-parse --short HEAD 2>/dev/null || echo "?")
    if [ "$revision" != "?" ] && [ -n "$(git status --porcelain -- "$@" 2>/dev/null)" ]; then
        revision="$revision (with uncommitted changes in $(printf '%s/ ' "$@" | sed 's/ $//'))"
    fi
    echo "$revision"
}

# record_section NAME FILE RESULTS: puts FILE (which starts "## NAME") in RESULTS in place of
# its "## NAME" section (up to the next "## " heading), or at the end; the rest is kept.
record_section() {
    local name=$1 section=$2 results=$3
    if [ ! -f "$results" ]; then
        printf '# Benchmark results\n\nWritten by the scripts in bench/ (see bench/README.md); each replaces only its own section.\n' > "$results"
    fi
    awk -v section="$section" -v heading="## $name" '
        function emit(   line) { while ((getline line < section) > 0) print line; close(section) }
        skipping && /^## / { skipping = 0; print "" }
        { trimmed = $0; sub(/[[:space:]]+$/, "", trimmed) }
        trimmed == heading { emit(); done = 1; skipping = 1; next }
        !skipping { print; last = $0 }
        END { if (!done) { if (NR > 0 && last != "") print ""; emit() } }
    ' "$results" > "$results.tmp"
    mv "$results.tmp" "$results"
}

# shellcheck disable=SC2154,SC2034 # $bin comes from the calling script; server, url,
# ready_ms and stop_status are results for it.
# start_server WORK [OPTION...]: starts `$bin serve --port 0 OPTION...` (its log in
# WORK/server.log, its request log in WORK/requests.log), sets server (the pid), url and
# ready_ms (start to /readyz saying ready), and returns once ready. Calls die on failure.
start_server() {
    local work=$1 started port=""
    shift
    : > "$work/server.log" # emptied here, not by the child's redirection, which may come late
    started=$(date +%s%N)
    "$bin" serve --port 0 "$@" > "$work/requests.log" 2> "$work/server.log" &
    server=$!
    until [ -n "$port" ]; do
        kill -0 "$server" 2>/dev/null || die "the server exited: $(cat "$work/server.log")"
        port=$(sed -n 's/.*serving on http:\/\/127\.0\.0\.1:\([0-9]*\) .*/\1/p' "$work/server.log")
        sleep 0.005
    done
    url="http://127.0.0.1:$port"
    until curl -sf "$url/readyz" > /dev/null; do
        kill -0 "$server" 2>/dev/null || die "the server exited: $(cat "$work/server.log")"
        [ $(( ($(date +%s%N) - started) / 1000000 )) -lt 30000 ] || die "not ready after 30 s"
        sleep 0.005
    done
    ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
}

# shellcheck disable=SC2034 # stop_status is a result for the calling script.
# stop_server: SIGTERM to the server start_server started; its exit status in stop_status.
stop_server() {
    kill -TERM "$server"
    if wait "$server"; then stop_status=0; else stop_status=$?; fi
}
