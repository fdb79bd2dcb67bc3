#!/usr/bin/env bash
# Makes the CodeDeploy revision: dist/analyst-toolkit-<version>.zip with appspec.yml, the
# hooks (scripts/), the systemd unit, the runtime package list, the binary (bin/) and its
# data: rules, spelling indexes and the web app (share/analyst-toolkit/) at its root.
#   deploy/bundle.sh [BUILD_DIR (build)] [OUTPUT_DIR (dist)]
# Prints the zip's path. `make bundle` builds first, then runs this.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}
output=${2:-dist}
binary="$build/bin/analyst-toolkit"
data="$build/share/analyst-toolkit"

usage_error() {
    echo "bundle: $*" >&2
    exit 2
}
[ -x "$binary" ] || usage_error "no $binary: build first (make build)"
for part in rules spelling web/index.html; do
    [ -e "$data/$part" ] || usage_error "no $data/$part: build first (make build)"
done

version=$("$binary" --version)
if revision=$(git -C "$here" rev-parse --short HEAD 2>/dev/null); then
    version="$version-g$revision"
fi
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

cp "$here/appspec.yml" "$here/runtime-packages.txt" "$stage/"
cp -r "$here/scripts" "$here/systemd" "$stage/"
mkdir -p "$stage/bin" "$stage/share/analyst-toolkit"
# Without its debugging sections the binary is a tenth of the size; `make build` keeps them.
strip --strip-unneeded -o "$stage/bin/analyst-toolkit" "$binary"
cp -r "$data/rules" "$data/spelling" "$data/web" "$stage/share/analyst-toolkit/"
echo "$version" >"$stage/VERSION"

mkdir -p "$output"
zip_path="$(cd "$output" && pwd)/analyst-toolkit-$version.zip"
rm -f "$zip_path"
(cd "$stage" && zip -q -r -X "$zip_path" .)
echo "$zip_path"
