#!/usr/bin/env bash
# BeforeInstall: the runtime packages, the unprivileged service user, the directories.
# Safe to run again: each step does only what is missing.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "$0")/common.sh"
here=$(dirname "$0")

# The packages whose programs, libraries and data the server uses (runtime-packages.txt).
# ATK_INSTALL_PACKAGES=no skips this on a machine that has them (the lifecycle test).
install_packages() {
    local -a wanted missing=()
    mapfile -t wanted < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$here/../runtime-packages.txt")
    for package in "${wanted[@]}"; do
        package=${package//[[:space:]]/}
        dpkg-query -W -f '${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' ||
            missing+=("$package")
    done
    if [ "${#missing[@]}" -eq 0 ]; then
        say "runtime packages already installed"
        return
    fi
    say "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

create_user() {
    if id -u "$service_user" >/dev/null 2>&1; then
        return
    fi
    say "creating the system user $service_user"
    useradd --system --user-group --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin "$service_user"
}

if [ "${ATK_INSTALL_PACKAGES:-yes}" != no ]; then
    install_packages
fi
create_user
install -d -m 0755 -o root -g root "$install_dir" "$(dirname "$unit_file")"
install -d -m 0750 -o root -g root "$config_dir"
say "ready to install into $install_dir"
