#!/usr/bin/env bash
# Publishes the built web UI as a blue/green release: uploads it to the idle one of the two
# front-end buckets, points the CloudFront distribution's origin at that bucket, waits until
# CloudFront has deployed the change, then invalidates its cache. The previous release stays
# untouched in the other bucket: `--switch-only` switches back to it (a rollback).
#
# The ids come from the outputs of the front-end stack (infra/, analyst-toolkit-prod-frontend):
# DistributionId, BlueBucketName, GreenBucketName.
#
# Needs the AWS CLI v2 and jq, with credentials allowed to sync the buckets and update and
# invalidate the distribution. `--dry-run` needs neither AWS nor credentials: it prints every
# AWS CLI call it would make on standard output, one per line, and makes none.
#
# Exit status: 0 done, 1 an AWS call or the distribution's state failed, 2 bad usage or input.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
readonly ROOT
readonly DEFAULT_SOURCE="$ROOT/build/share/analyst-toolkit/web"
# Vite names everything under assets/ by its content hash: such a file never changes.
readonly IMMUTABLE_CACHE='public, max-age=31536000, immutable'
# index.html and the other unhashed files: browsers revalidate them on every use.
readonly REVALIDATE_CACHE='no-cache'

usage() {
    cat <<'EOF'
Usage: publish.sh [--dry-run] [--switch-only] --distribution-id ID --blue-bucket NAME
                  --green-bucket NAME [--source DIR]
                  [--live blue|green | --distribution-config FILE]   (with --dry-run only)

Uploads DIR (default: build/share/analyst-toolkit/web, the built web UI) to the bucket the
distribution does not serve, switches the distribution to it, waits, and invalidates /*.

  --distribution-id ID      the front-end stack's DistributionId output
  --blue-bucket NAME        its BlueBucketName output
  --green-bucket NAME       its GreenBucketName output
  --source DIR              the built web UI (must hold index.html)
  --switch-only             upload nothing: switch to the other bucket (rollback)
  --dry-run                 print the AWS CLI calls instead of making them
  --live blue|green         dry run: which bucket is live now (instead of asking AWS)
  --distribution-config F   dry run: a saved `aws cloudfront get-distribution-config` answer
EOF
}

usage_error() {
    echo "publish.sh: $1" >&2
    echo "Run publish.sh --help for the usage." >&2
    exit 2
}

fail() {
    echo "publish.sh: $1" >&2
    exit 1
}

note() {
    echo "publish.sh: $1" >&2
}

dry_run=false
switch_only=false
distribution_id=''
blue_bucket=''
green_bucket=''
source_dir="$DEFAULT_SOURCE"
given_live=''
config_file=''

parse_arguments() {
    while [ $# -gt 0 ]; do
        case "$1" in
            --dry-run) dry_run=true ;;
            --switch-only) switch_only=true ;;
            --distribution-id | --blue-bucket | --green-bucket | --source | --live | --distribution-config)
                [ $# -ge 2 ] || usage_error "$1 needs a value"
                set_option "$1" "$2"
                shift
                ;;
            -h | --help) usage; exit 0 ;;
            *) usage_error "unknown argument: $1" ;;
        esac
        shift
    done
}

set_option() {
    case "$1" in
        --distribution-id) distribution_id="$2" ;;
        --blue-bucket) blue_bucket="$2" ;;
        --green-bucket) green_bucket="$2" ;;
        --source) source_dir="$2" ;;
        --live) given_live="$2" ;;
        --distribution-config) config_file="$2" ;;
    esac
}

validate_arguments() {
    [ -n "$distribution_id" ] || usage_error "missing --distribution-id (the front-end stack's DistributionId output)"
    [ -n "$blue_bucket" ] || usage_error "missing --blue-bucket (the front-end stack's BlueBucketName output)"
    [ -n "$green_bucket" ] || usage_error "missing --green-bucket (the front-end stack's GreenBucketName output)"
    [[ "$distribution_id" =~ ^[A-Z0-9]+$ ]] || usage_error "--distribution-id $distribution_id is not a CloudFront distribution id (like E2EXAMPLE1ABCD)"
    [ "$blue_bucket" != "$green_bucket" ] || usage_error "--blue-bucket and --green-bucket name the same bucket"
    if [ -n "$given_live" ] || [ -n "$config_file" ]; then
        $dry_run || usage_error "--live and --distribution-config are for --dry-run: a real run asks CloudFront which bucket is live"
        [ -z "$given_live" ] || [ -z "$config_file" ] || usage_error "give --live or --distribution-config, not both"
    elif $dry_run; then
        usage_error "--dry-run needs --live blue|green or --distribution-config FILE to know which bucket is live"
    fi
    case "$given_live" in '' | blue | green) ;; *) usage_error "--live must be blue or green, not $given_live" ;; esac
    [ -z "$config_file" ] || [ -r "$config_file" ] || usage_error "cannot read --distribution-config $config_file"
    $switch_only || [ -f "$source_dir/index.html" ] ||
        usage_error "no index.html in $source_dir: build the web UI first (make build, or npm run build in web/), or point --source at it"
}

require_tools() {
    local tool
    for tool in "$@"; do
        command -v "$tool" >/dev/null || fail "$tool is not installed (Debian: apt-get install $tool; the AWS CLI: see its install guide)"
    done
}

# Prints one argument so that the printed line can be pasted back into a shell.
quote() {
    if [[ "$1" =~ ^[A-Za-z0-9_./:=@%+,-]+$ ]]; then
        printf '%s' "$1"
    else
        printf "'%s'" "${1//\'/\'\\\'\'}"
    fi
}

print_command() {
    local line='' argument
    for argument in "$@"; do
        line+="${line:+ }$(quote "$argument")"
    done
    printf '%s\n' "$line"
}

# Runs an AWS CLI call, or prints it in a dry run.
aws_call() {
    if $dry_run; then
        print_command aws "$@"
    else
        aws "$@"
    fi
}

# Prints the distribution's configuration as get-distribution-config answers it (ETag
# included), or nothing in a dry run given --live.
read_distribution_config() {
    local arguments=(cloudfront get-distribution-config --id "$distribution_id" --output json)
    if ! $dry_run; then
        aws "${arguments[@]}" || fail "could not read distribution $distribution_id's configuration"
        return
    fi
    print_command aws "${arguments[@]}" >&3
    [ -z "$config_file" ] || cat "$config_file"
}

# The domain name of the origin the default behaviour sends requests to.
live_origin_domain() {
    jq -r '.DistributionConfig as $config
        | $config.Origins.Items[]
        | select(.Id == $config.DefaultCacheBehavior.TargetOriginId)
        | .DomainName' <<<"$1" ||
        fail "the distribution configuration is not what get-distribution-config answers"
}

colour_of_domain() {
    case "$1" in
        "$blue_bucket".s3.*) echo blue ;;
        "$green_bucket".s3.*) echo green ;;
        '') fail "the distribution configuration has no origin for its default behaviour" ;;
        *) fail "the distribution serves $1, which is neither bucket: check --blue-bucket and --green-bucket against the stack outputs" ;;
    esac
}

other_colour() {
    if [ "$1" = blue ]; then echo green; else echo blue; fi
}

bucket_of() {
    if [ "$1" = blue ]; then echo "$blue_bucket"; else echo "$green_bucket"; fi
}

# Hashed assets first, then the rest; --delete removes what the new build no longer has.
upload() {
    local bucket="$1" failed="upload to $1 failed; nothing was switched, run publish.sh again"
    if [ -d "$source_dir/assets" ]; then
        aws_call s3 sync "$source_dir/assets" "s3://$bucket/assets" --delete --no-progress \
            --cache-control "$IMMUTABLE_CACHE" || fail "$failed"
    fi
    aws_call s3 sync "$source_dir" "s3://$bucket" --delete --no-progress --exclude 'assets/*' \
        --cache-control "$REVALIDATE_CACHE" || fail "$failed"
}

# A rollback must not switch to a bucket that never received a release.
require_release_in() {
    if $dry_run; then
        aws_call s3api head-object --bucket "$1" --key index.html --output text --query ContentLength
        return
    fi
    aws s3api head-object --bucket "$1" --key index.html --output text --query ContentLength >/dev/null ||
        fail "bucket $1 holds no index.html: publish a release to it first (run without --switch-only)"
}

# Writes the configuration with the live origin's domain name replaced by `new_domain`.
edit_origin() {
    local config="$1" new_domain="$2"
    jq --arg domain "$new_domain" '.DistributionConfig
        | .DefaultCacheBehavior.TargetOriginId as $id
        | .Origins.Items |= map(if .Id == $id then .DomainName = $domain else . end)' <<<"$config"
}

# Points the distribution at `new_domain`. The ETag read before the upload guards the update:
# if anyone changed the distribution meanwhile, CloudFront refuses it (PreconditionFailed).
switch_origin() {
    local config="$1" new_domain="$2" etag edited work_dir
    if [ -z "$config" ]; then
        aws_call cloudfront update-distribution --id "$distribution_id" --if-match '<ETag>' \
            --distribution-config "file://<current configuration, origin DomainName $new_domain>" \
            --output text --query Distribution.Status
        return
    fi
    etag="$(jq -r .ETag <<<"$config")"
    edited="$(edit_origin "$config" "$new_domain")"
    if $dry_run; then
        new_domain="$(live_origin_domain "{\"DistributionConfig\": $edited}")"
        aws_call cloudfront update-distribution --id "$distribution_id" --if-match "$etag" \
            --distribution-config "file://<current configuration, origin DomainName $new_domain>" \
            --output text --query Distribution.Status
        return
    fi
    work_dir="$(mktemp -d)"
    # shellcheck disable=SC2064 # expand now: work_dir is local
    trap "rm -rf '$work_dir'" EXIT
    printf '%s\n' "$edited" >"$work_dir/distribution-config.json"
    aws cloudfront update-distribution --id "$distribution_id" --if-match "$etag" \
        --distribution-config "file://$work_dir/distribution-config.json" \
        --output text --query Distribution.Status ||
        fail "CloudFront refused the switch; nothing is live from the new bucket yet, run publish.sh again"
}

# Invalidates only once every edge serves the new origin, or some would cache the old files again.
wait_and_invalidate() {
    aws_call cloudfront wait distribution-deployed --id "$distribution_id" ||
        fail "the switch is still deploying; when it is, run: aws cloudfront create-invalidation --distribution-id $distribution_id --paths '/*'"
    aws_call cloudfront create-invalidation --distribution-id "$distribution_id" --paths '/*' \
        --output text --query Invalidation.Id ||
        fail "the switch is live but the invalidation failed; run: aws cloudfront create-invalidation --distribution-id $distribution_id --paths '/*'"
}

report() {
    local live="$1" previous="$2"
    local verb='is'
    $dry_run && verb='would be'
    note "$live $verb live (bucket $(bucket_of "$live")); $previous keeps the previous release."
    note "Roll back: publish.sh --switch-only --distribution-id $distribution_id --blue-bucket $blue_bucket --green-bucket $green_bucket"
    note "Before the next cdk deploy, set the liveColour context to $live (infra/cdk.json or -c liveColour=$live), or CDK switches back to $previous."
}

main() {
    parse_arguments "$@"
    validate_arguments
    if ! $dry_run; then require_tools aws jq; fi
    if [ -n "$config_file" ]; then require_tools jq; fi

    local config live live_domain idle idle_domain
    # File descriptor 3: the calls printed while the configuration is captured.
    exec 3>&1
    config="$(read_distribution_config)"
    if [ -n "$config" ]; then
        live_domain="$(live_origin_domain "$config")"
        live="$(colour_of_domain "$live_domain")"
    else
        live="$given_live"
        live_domain="$(bucket_of "$live").s3.<region>.amazonaws.com"
    fi
    idle="$(other_colour "$live")"
    idle_domain="$(bucket_of "$idle")${live_domain#"$(bucket_of "$live")"}"
    note "live: $live ($(bucket_of "$live")); idle: $idle ($(bucket_of "$idle"))"

    if $switch_only; then
        require_release_in "$(bucket_of "$idle")"
    else
        upload "$(bucket_of "$idle")"
    fi
    switch_origin "$config" "$idle_domain"
    wait_and_invalidate
    report "$idle" "$live"
}

main "$@"
