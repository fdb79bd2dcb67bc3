#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz (clang, ASan + UBSan) and runs each for a while on
# its seed corpus, then prints what the runs did (executions, speed, corpus, coverage) and what
# they found as a Markdown table; full-length runs also write that table into
# docs/reliability.md, between the fuzzing markers. Exits 1 when a target found anything
# (crash-*, leak-*, timeout-*, oom-* files, kept in the work folder), 2 on a usage or build error.
#
#   tools/fuzz.sh [--seconds N] [--build DIR] [--jobs N] [--record|--no-record] [target...]
#
#   --seconds N   how long each target runs (default 600; CI runs 20)
#   --build DIR   the fuzz build tree, configured here if need be (default build-fuzz)
#   --jobs N      targets run at once (default 1; the machine has 2 cores)
#   --record      write the table into docs/reliability.md (the default for runs of 600 s or
#                 more); --no-record never does
#   target...     some of the targets (default: all of them)
#
# Work folder: DIR/fuzz-work/<target>/ holds the inputs found (corpus/; the seeds stay in
# tests/fuzz/corpus/<target>/ untouched), the findings (findings/) and the log (fuzz.log).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
ALL_TARGETS=(fuzz_markdown_check fuzz_rule_file fuzz_languagetool_form fuzz_native_json
             fuzz_translation_format)
SECONDS_PER_TARGET=600
BUILD_DIR=build-fuzz
JOBS=1
RECORD=auto
TARGETS=()

usage() {
    sed -n '2,/^set -euo/p' "$0" | sed -e '/^set -euo/d' -e 's/^# \{0,1\}//'
    exit 2
}

# The longest input each target is given, in bytes: large enough for a real document or rule
# file, small enough that one input cannot take the whole timeout.
max_len_of() {
    case "$1" in
    fuzz_translation_format) echo 16384 ;;
    *) echo 4096 ;;
    esac
}

parse_arguments() {
    while (($#)); do
        case "$1" in
        --seconds) SECONDS_PER_TARGET=${2:?--seconds needs a number}; shift 2 ;;
        --build) BUILD_DIR=${2:?--build needs a directory}; shift 2 ;;
        --jobs) JOBS=${2:?--jobs needs a number}; shift 2 ;;
        --record) RECORD=yes; shift ;;
        --no-record) RECORD=no; shift ;;
        -h | --help) usage ;;
        -*) echo "fuzz.sh: unknown option $1" >&2; usage ;;
        *) TARGETS+=("$1"); TARGETS_NAMED="${TARGETS_NAMED:-} $1"; shift ;;
        esac
    done
    [[ $SECONDS_PER_TARGET =~ ^[0-9]+$ && $SECONDS_PER_TARGET -gt 0 ]] ||
        { echo "fuzz.sh: --seconds must be a positive whole number" >&2; exit 2; }
    [[ $JOBS =~ ^[0-9]+$ && $JOBS -gt 0 ]] ||
        { echo "fuzz.sh: --jobs must be a positive whole number" >&2; exit 2; }
    ((${#TARGETS[@]})) || TARGETS=("${ALL_TARGETS[@]}")
    local target
    for target in "${TARGETS[@]}"; do
        [[ " ${ALL_TARGETS[*]} " == *" $target "* ]] ||
            { echo "fuzz.sh: no target $target; the targets are ${ALL_TARGETS[*]}" >&2; exit 2; }
    done
    if [[ $RECORD == auto ]]; then
        RECORD=$( ((SECONDS_PER_TARGET >= 600)) && echo yes || echo no)
    fi
    [[ $BUILD_DIR = /* ]] || BUILD_DIR=$ROOT/$BUILD_DIR
}

build_targets() {
    if [[ ! -f $BUILD_DIR/CMakeCache.txt ]]; then
        cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_CXX_COMPILER=clang++ \
            -DCMAKE_BUILD_TYPE=RelWithDebInfo -DATK_FUZZ=ON -DATK_BUILD_TESTS=OFF \
            -DATK_BUILD_WEB=OFF
    fi
    local started=$SECONDS
    cmake --build "$BUILD_DIR" --target "${TARGETS[@]}"
    echo "fuzz.sh: built in $((SECONDS - started)) s"
}

# Runs one target for SECONDS_PER_TARGET; its log and findings go to its work folder.
run_target() {
    local target=$1 work=$BUILD_DIR/fuzz-work/$1
    mkdir -p "$work/corpus" "$work/findings" "$work/tmp"
    rm -f "$work/findings"/*
    echo "fuzz.sh: $target for $SECONDS_PER_TARGET s"
    local started=$SECONDS
    # TMPDIR: the files the targets write per input, and what a crashed run leaves, stay here.
    (cd "$work" && TMPDIR=$work/tmp ASAN_OPTIONS=${ASAN_OPTIONS:-} \
        UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        "$BUILD_DIR/fuzz/$target" -max_total_time="$SECONDS_PER_TARGET" -timeout=10 \
        -rss_limit_mb=2048 -max_len="$(max_len_of "$target")" -print_final_stats=1 \
        -dict="$ROOT/tests/fuzz/$target.dict" -artifact_prefix="$work/findings/" \
        "$work/corpus" "$ROOT/tests/fuzz/corpus/$target" >"$work/fuzz.log" 2>&1) || true
    echo $((SECONDS - started)) >"$work/seconds" # less than asked when it found something
}

run_all() {
    local target running=0
    for target in "${TARGETS[@]}"; do
        run_target "$target" &
        running=$((running + 1))
        if ((running >= JOBS)); then
            wait -n || true
            running=$((running - 1))
        fi
    done
    wait
}

# The value of libFuzzer's final statistic `name` (stat::name: value) in `log`, or "-".
final_stat() {
    local value
    value=$(grep -o "^stat::$2: *[0-9]*" "$1" | tail -1 | awk '{print $2}')
    echo "${value:--}"
}

# "cov ft corp-inputs corp-bytes" of libFuzzer's last status line in `log`.
last_status() {
    grep -E '^#[0-9]+.*cov: [0-9]+ ft: [0-9]+ corp: ' "$1" | tail -1 |
        sed -E 's/.*cov: ([0-9]+) ft: ([0-9]+) corp: ([0-9]+)\/([0-9]+[a-zA-Z]*).*/\1 \2 \3 \4/'
}

findings_of() {
    local work=$1 files
    files=$(find "$work/findings" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'leak-*' \
        -o -name 'timeout-*' -o -name 'oom-*' \) -printf '%f ' | sed 's/ $//')
    echo "${files:-none}"
}

# The per-target table row; also counts the targets with findings.
FOUND=0
table_row() {
    local target=$1 work=$BUILD_DIR/fuzz-work/$1 log cov ft inputs bytes findings
    log=$work/fuzz.log
    read -r cov ft inputs bytes <<<"$(last_status "$log")"
    findings=$(findings_of "$work")
    [[ $findings == none ]] || FOUND=$((FOUND + 1))
    if ! grep -q '^stat::number_of_executed_units' "$log" && [[ $findings == none ]]; then
        findings="did not run: see $(realpath --relative-to="$ROOT" "$log")"
        FOUND=$((FOUND + 1))
    fi
    printf '| %s | %s | %s | %s | %s / %s | %s | %s / %s | %s | %s |\n' "$target" \
        "$(cat "$work/seconds")" "$(final_stat "$log" number_of_executed_units)" \
        "$(final_stat "$log" average_exec_per_sec)" "${inputs:--}" "${bytes:--}" \
        "$(final_stat "$log" new_units_added)" "${cov:--}" "${ft:--}" \
        "$(final_stat "$log" peak_rss_mb)" "$findings"
}

report() {
    local target
    echo "| Target | Seconds run | Executions | Exec/s | Corpus (inputs / bytes) | New inputs | Coverage (cov / ft) | Peak RSS (MB) | Findings |"
    echo "|---|--:|--:|--:|--:|--:|--:|--:|---|"
    for target in "${TARGETS[@]}"; do
        table_row "$target"
    done
}

machine() {
    local cpu clang commit dirty=""
    cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
    clang=$(clang++ --version | head -1)
    commit=$(git -C "$ROOT" rev-parse --short HEAD)
    git -C "$ROOT" diff --quiet HEAD -- core server tests/fuzz 2>/dev/null || dirty=" (with uncommitted changes)"
    echo "Run on $(date -u +%Y-%m-%d) at commit $commit$dirty, on $(nproc) cores ($cpu),"
    echo "with $clang, AddressSanitizer + UBSan, $SECONDS_PER_TARGET s per target, $JOBS at a time:"
    echo "\`tools/fuzz.sh --seconds $SECONDS_PER_TARGET${TARGETS_NAMED:-}\`."
}

readonly BEGIN_MARK='<!-- fuzzing: written by tools/fuzz.sh; edits between these markers are lost -->'
readonly END_MARK='<!-- fuzzing: end -->'

fuzzing_section() {
    cat <<EOF
$BEGIN_MARK
## Fuzzing

libFuzzer targets (tests/fuzz/, one per area that reads untrusted input) with AddressSanitizer
and UndefinedBehaviorSanitizer; each asserts the invariants its header states, not only that
nothing crashes. Coverage counts edges and features in our code (core, server, the targets);
the Debian libraries (md4c, RE2, yaml-cpp, ICU, Nuspell, CLD2) are not instrumented.

$(machine)

$1

A finding is a file in build-fuzz/fuzz-work/<target>/findings/; rerun it with
\`build-fuzz/fuzz/<target> <file>\`. Seeds: tests/fuzz/corpus/<target>/.
$END_MARK
EOF
}

# Rewrites the fuzzing section of docs/reliability.md (creating the file if need be), leaving
# the rest of the file as it is.
record() {
    local doc=$ROOT/docs/reliability.md section
    section=$(fuzzing_section "$1")
    if [[ ! -f $doc ]]; then
        printf '# Reliability\n\nWhat the server and the core were put through, and how they fared: each figure\nhere is written by a script, with the date, commit and machine it was measured on.\n' >"$doc"
    fi
    if grep -qF "$BEGIN_MARK" "$doc"; then
        SECTION=$section BEGIN=$BEGIN_MARK END=$END_MARK perl -0pi -e \
            's/\Q$ENV{BEGIN}\E.*?\Q$ENV{END}\E/$ENV{SECTION}/s' "$doc"
    else
        printf '\n%s\n' "$section" >>"$doc"
    fi
    echo "fuzz.sh: recorded in docs/reliability.md"
}

main() {
    parse_arguments "$@"
    build_targets || exit 2
    run_all
    local table
    report >"$BUILD_DIR/fuzz-work/report.md" # not in a subshell: it counts the findings
    table=$(cat "$BUILD_DIR/fuzz-work/report.md")
    echo
    echo "$table"
    [[ $RECORD == no ]] || record "$table"
    if ((FOUND)); then
        echo "fuzz.sh: $FOUND target(s) found something: see the Findings column" >&2
        exit 1
    fi
}

main "$@"
