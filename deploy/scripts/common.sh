# Shared by the CodeDeploy hooks: where things go, the service's start and stop, messages.
# Sourced, not run. Every path hangs off ATK_DEPLOY_ROOT (empty on an instance) so that the
# lifecycle test can deploy into a temporary root on a build machine.
# shellcheck shell=bash
# shellcheck disable=SC2034  # the variables are for the hooks that source this file

readonly deploy_root="${ATK_DEPLOY_ROOT:-}"
readonly install_dir="$deploy_root/opt/analyst-toolkit"
readonly config_dir="$deploy_root/etc/analyst-toolkit"
# Written from SSM Parameter Store at each deployment; root-owned, 0600.
readonly environment_file="$config_dir/environment"
# The instance's deployment settings (ATK_SSM_PATH, AWS_REGION), written by its launch
# template's user data; the hooks' environment may set them instead.
readonly settings_file="$config_dir/deployment.env"
readonly unit_name="analyst-toolkit.service"
readonly unit_file="$deploy_root/etc/systemd/system/$unit_name"
readonly service_user="analyst-toolkit"
# Where the stand-in for systemd keeps the server's process id and log.
readonly standin_dir="$deploy_root/run/analyst-toolkit"

say() { echo "analyst-toolkit ${LIFECYCLE_EVENT:-deploy}: $*"; }
fail() {
    echo "analyst-toolkit ${LIFECYCLE_EVENT:-deploy}: error: $*" >&2
    exit 1
}

# Whether systemd runs this machine (on an instance it does; in containers it may not).
have_systemd() { [ -d /run/systemd/system ] && [ -z "$deploy_root" ]; }

# The settings file's KEY=VALUE lines, read as data (never run as shell).
load_settings() {
    [ -f "$settings_file" ] || return 0
    local key value
    while IFS='=' read -r key value; do
        case "$key" in
            ATK_SSM_PATH) : "${ATK_SSM_PATH:=$value}" ;;
            AWS_REGION) : "${AWS_REGION:=$value}" ;;
        esac
    done <"$settings_file"
    export ATK_SSM_PATH AWS_REGION
}

# A unit setting as the installed unit file states it (the first one, for User= and the like).
unit_setting() { sed -n "s/^$1=//p" "$unit_file" | head -n 1; }

# The server's environment as systemd builds it: Environment= lines, then the environment file.
service_environment() {
    sed -n 's/^Environment=//p' "$unit_file"
    [ -f "$environment_file" ] && grep -E '^[A-Z_][A-Z0-9_]*=' "$environment_file"
    return 0
}

# The value of one variable of the server's environment (the last assignment wins).
service_variable() { service_environment | sed -n "s/^$1=//p" | tail -n 1; }

# The running server's process id, or nothing.
service_pid() {
    if have_systemd; then
        local pid
        pid=$(systemctl show --property MainPID --value "$unit_name")
        [ "$pid" != 0 ] && echo "$pid"
    elif [ -f "$standin_dir/pid" ] && kill -0 "$(cat "$standin_dir/pid")" 2>/dev/null; then
        cat "$standin_dir/pid"
    fi
    return 0
}

# Starts the service. Without systemd, the stand-in runs the unit's ExecStart= as its User=
# with its environment, in the background, its log in $standin_dir/log.
start_service() {
    if have_systemd; then
        systemctl enable --quiet "$unit_name"
        systemctl restart "$unit_name"
        return
    fi
    [ -z "$(service_pid)" ] || stop_service
    mkdir -p "$standin_dir"
    local -a command environment
    read -r -a command <<<"$(unit_setting ExecStart)"
    command[0]="$deploy_root${command[0]}"
    mapfile -t environment < <(service_environment)
    local user
    user=$(unit_setting User)
    # setsid: the server outlives the hook, as under systemd; setpriv execs it as the user,
    # so that the process id is the server's own.
    setsid env -i PATH=/usr/bin:/bin "${environment[@]}" \
        setpriv --reuid "$user" --regid "$user" --init-groups --no-new-privs -- "${command[@]}" \
        </dev/null >>"$standin_dir/log" 2>&1 &
    echo $! >"$standin_dir/pid"
}

# Stops the service and waits for it: SIGTERM, so that it drains, then SIGKILL after the
# unit's TimeoutStopSec= as systemd does.
stop_service() {
    if have_systemd; then
        systemctl stop "$unit_name"
        return
    fi
    local pid
    pid=$(service_pid)
    [ -n "$pid" ] || return 0
    local timeout
    timeout=$(unit_setting TimeoutStopSec)
    kill -TERM "$pid"
    for _ in $(seq "$((${timeout:-90} * 10))"); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    rm -f "$standin_dir/pid"
}
