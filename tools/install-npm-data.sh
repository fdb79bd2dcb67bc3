#!/usr/bin/env bash
# Installs the npm packages that hold build-time data (word-frequency lists), from the
# committed package-lock.json, when they are missing or the lock file changed. Installs
# Debian's nodejs and npm first if the machine has no npm.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
folder="$root/data/word-frequencies"

if ! command -v npm >/dev/null; then
    if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
    echo "deps: installing nodejs npm (npm is needed for the word-frequency data)"
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends nodejs npm
fi

stamp="$folder/node_modules/.package-lock.json"
if [ -f "$stamp" ] && [ "$stamp" -nt "$folder/package-lock.json" ]; then
    echo "deps: npm data packages already installed"
    exit 0
fi
echo "deps: npm ci in data/word-frequencies"
npm ci --prefix "$folder" --no-audit --no-fund --loglevel=error
