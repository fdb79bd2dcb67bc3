#!/usr/bin/env bash
# AfterInstall: permissions of the installed files; the environment file written from SSM
# Parameter Store; the systemd unit installed.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "$0")/common.sh"

# Everything installed belongs to root and is only readable by the service: it owns nothing.
set_permissions() {
    chown -R root:root "$install_dir"
    find "$install_dir" -type d -exec chmod 0755 {} +
    find "$install_dir" -type f -exec chmod 0644 {} +
    chmod 0755 "$install_dir/bin/analyst-toolkit"
}

# Each parameter under ATK_SSM_PATH becomes NAME=value, NAME the last part of its path
# (/analyst-toolkit/prod/ATK_CORS_ORIGINS -> ATK_CORS_ORIGINS). Written beside the file, then
# moved over it, so that the server never reads half a file; the values are never printed.
write_environment() {
    [ -n "${ATK_SSM_PATH:-}" ] ||
        fail "no SSM parameter path: set ATK_SSM_PATH in $settings_file (the launch template's user data writes it)"
    local parameters
    parameters=$(aws ssm get-parameters-by-path --path "$ATK_SSM_PATH" --recursive --with-decryption \
        --query 'Parameters[].[Name,Value]' --output text) ||
        fail "could not read SSM parameters under $ATK_SSM_PATH: check the instance role and the region (AWS_REGION=${AWS_REGION:-unset})"
    local draft="$environment_file.new" name value count=0
    (umask 077 && : >"$draft")
    while IFS=$'\t' read -r name value; do
        [ -n "$name" ] || continue
        name=${name##*/}
        [[ "$name" =~ ^[A-Z_][A-Z0-9_]*$ ]] ||
            fail "SSM parameter $ATK_SSM_PATH$name: its last part must be an environment variable name (A-Z, 0-9, _)"
        printf '%s=%s\n' "$name" "$value" >>"$draft"
        count=$((count + 1))
    done <<<"$parameters"
    chown root:root "$draft"
    chmod 0600 "$draft"
    mv -f "$draft" "$environment_file"
    say "environment file written: $count parameters from $ATK_SSM_PATH"
}

install_unit() {
    install -m 0644 -o root -g root "$install_dir/systemd/$unit_name" "$unit_file"
    if have_systemd; then
        systemctl daemon-reload
    fi
}

load_settings
set_permissions
write_environment
install_unit
