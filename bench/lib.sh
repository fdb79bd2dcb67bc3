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
