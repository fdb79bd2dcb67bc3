#!/usr/bin/env bash
# Installs the npm packages of each folder below, from its committed package-lock.json, when
# they are missing or the lock file changed. Installs Debian's nodejs and npm first if the
# machine has no npm.
#   data/word-frequencies  build-time data: the word-frequency lists that rank suggestions
#   tests/compat           test-only: LanguageTool and LibreTranslate clients run against the server
#   web                    the web app: React, CodeMirror, Vite, Vitest
#   tests/deploy           test-only: the CodeDeploy lifecycle test (a YAML parser for appspec.yml)
#   infra                  the AWS architecture as CDK code, its tests and the cdk CLI (offline synth)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
folders=(data/word-frequencies tests/compat web tests/deploy infra)

if ! command -v npm >/dev/null; then
    if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
    echo "deps: installing nodejs npm (for the web app, the word-frequency data and the compatibility tests)"
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends nodejs npm
fi

for folder in "${folders[@]}"; do
    stamp="$root/$folder/node_modules/.package-lock.json"
    if [ -f "$stamp" ] && [ "$stamp" -nt "$root/$folder/package-lock.json" ]; then
        echo "deps: npm packages of $folder already installed"
        continue
    fi
    echo "deps: npm ci in $folder"
    npm ci --prefix "$root/$folder" --no-audit --no-fund --loglevel=error
done
