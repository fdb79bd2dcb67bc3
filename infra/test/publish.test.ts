// deploy/frontend/publish.sh, run offline: in --dry-run it prints the AWS CLI calls it would
// make; in a real run its `aws` is a fake on PATH that records the calls and answers them.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('../../deploy/frontend/publish.sh', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'atk-publish-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const ORIGIN_ID = 'analysttoolkitprodfrontendDistributionOrigin16AF307BB';
const IDS = ['--distribution-id', 'E2EXAMPLE', '--blue-bucket', 'atk-blue', '--green-bucket', 'atk-green'];
const IMMUTABLE = "--cache-control 'public, max-age=31536000, immutable'";

/** A built web UI: index.html, an unhashed file and hashed assets. */
const site = join(work, 'web');
mkdirSync(join(site, 'assets'), { recursive: true });
writeFileSync(join(site, 'index.html'), '<!doctype html>');
writeFileSync(join(site, 'favicon.svg'), '<svg/>');
writeFileSync(join(site, 'assets', 'index-BqpO9T88.js'), '');
const noIndex = join(work, 'empty');
mkdirSync(noIndex);

/** What `aws cloudfront get-distribution-config` answers while `liveBucket` is live. */
function distributionConfig(liveBucket: string): string {
  const file = join(work, `config-${liveBucket}.json`);
  writeFileSync(file, JSON.stringify({
    ETag: 'E3QWERTY12345',
    DistributionConfig: {
      CallerReference: 'cdk-1',
      Aliases: { Quantity: 1, Items: ['app.example.com'] },
      Origins: {
        Quantity: 2,
        Items: [
          { Id: 'unrelated', DomainName: 'elsewhere.example.com', CustomOriginConfig: { HTTPSPort: 443 } },
          {
            Id: ORIGIN_ID,
            DomainName: `${liveBucket}.s3.eu-west-3.amazonaws.com`,
            S3OriginConfig: { OriginAccessIdentity: '' },
            OriginAccessControlId: 'E1OACEXAMPLE',
          },
        ],
      },
      DefaultCacheBehavior: { TargetOriginId: ORIGIN_ID, ViewerProtocolPolicy: 'redirect-to-https' },
      Enabled: true,
    },
  }));
  return file;
}

/**
 * A fake `aws` first on PATH: logs each call, answers the reads, keeps the sent configuration;
 * calls starting with `failing` (e.g. "s3 sync") fail.
 */
function fakeAws(liveBucket: string, failing = 'none'): { bin: string; log: string; sent: string } {
  const dir = mkdtempSync(join(work, 'aws-'));
  const log = join(dir, 'calls.log');
  const sent = join(dir, 'sent-config.json');
  writeFileSync(join(dir, 'aws'), `#!/usr/bin/env bash
printf 'aws %s\\n' "$*" >> '${log}'
[ "$1 $2" != '${failing}' ] || exit 1
case "$1 $2" in
  "cloudfront get-distribution-config") cat '${distributionConfig(liveBucket)}' ;;
  "cloudfront update-distribution")
    for argument; do case "$argument" in file://*) cp "\${argument#file://}" '${sent}' ;; esac; done
    echo InProgress ;;
  "cloudfront create-invalidation") echo I2EXAMPLE ;;
  "s3api head-object") echo 15 ;;
esac
`);
  chmodSync(join(dir, 'aws'), 0o755);
  return { bin: dir, log, sent };
}

/** An `aws` that must never run: dry runs make no call. */
const forbiddenAws = fakeAws('atk-blue');

function publish(args: string[], path = forbiddenAws.bin) {
  const result = spawnSync('bash', [SCRIPT, ...args], {
    encoding: 'utf8',
    env: { ...process.env, PATH: `${path}:${process.env.PATH}` },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, lines: result.stdout.trim().split('\n') };
}

function dryRun(...args: string[]) {
  return publish(['--dry-run', ...IDS, '--source', site, ...args]);
}

describe('publish.sh --dry-run', () => {
  it('uploads to the idle bucket, switches the distribution to it, waits, invalidates', () => {
    const result = dryRun('--live', 'blue');
    expect(result.status).toBe(0);
    expect(result.lines).toEqual([
      'aws cloudfront get-distribution-config --id E2EXAMPLE --output json',
      `aws s3 sync ${site}/assets s3://atk-green/assets --delete --no-progress ${IMMUTABLE}`,
      `aws s3 sync ${site} s3://atk-green --delete --no-progress --exclude 'assets/*' --cache-control no-cache`,
      "aws cloudfront update-distribution --id E2EXAMPLE --if-match '<ETag>' --distribution-config " +
        "'file://<current configuration, origin DomainName atk-green.s3.<region>.amazonaws.com>' " +
        '--output text --query Distribution.Status',
      'aws cloudfront wait distribution-deployed --id E2EXAMPLE',
      "aws cloudfront create-invalidation --distribution-id E2EXAMPLE --paths '/*' --output text --query Invalidation.Id",
    ]);
    expect(result.stderr).toContain('green would be live (bucket atk-green)');
    expect(result.stderr).toContain('publish.sh --switch-only --distribution-id E2EXAMPLE');
    expect(result.stderr).toContain('set the liveColour context to green');
    expect(existsSync(forbiddenAws.log)).toBe(false);
  });

  it('reads the live bucket from a saved distribution configuration and publishes to the other', () => {
    const result = dryRun('--distribution-config', distributionConfig('atk-green'));
    expect(result.status).toBe(0);
    expect(result.lines.filter((line) => line.startsWith('aws s3 sync')).map((line) => line.split(' ')[4]))
      .toEqual(['s3://atk-blue/assets', 's3://atk-blue']);
    expect(result.lines).toContain(
      'aws cloudfront update-distribution --id E2EXAMPLE --if-match E3QWERTY12345 --distribution-config ' +
        "'file://<current configuration, origin DomainName atk-blue.s3.eu-west-3.amazonaws.com>' " +
        '--output text --query Distribution.Status',
    );
    expect(existsSync(forbiddenAws.log)).toBe(false);
  });

  it('with --switch-only uploads nothing, checks the other bucket holds a release, and switches to it', () => {
    const result = dryRun('--live', 'green', '--switch-only');
    expect(result.status).toBe(0);
    expect(result.lines.map((line) => line.split(' ').slice(0, 3).join(' '))).toEqual([
      'aws cloudfront get-distribution-config',
      'aws s3api head-object',
      'aws cloudfront update-distribution',
      'aws cloudfront wait',
      'aws cloudfront create-invalidation',
    ]);
    expect(result.lines[1]).toBe('aws s3api head-object --bucket atk-blue --key index.html --output text --query ContentLength');
    expect(result.lines[2]).toContain('origin DomainName atk-blue.s3.');
    expect(result.stdout).not.toContain('s3 sync');
  });
});

describe('publish.sh against a fake AWS CLI', () => {
  it('switches the default origin to the idle bucket under the ETag it read, keeping origin access control', () => {
    const aws = fakeAws('atk-blue');
    const result = publish([...IDS, '--source', site], aws.bin);
    expect(result.stderr).toContain('green is live (bucket atk-green)');
    expect(result.status).toBe(0);
    const calls = readFileSync(aws.log, 'utf8').trim().split('\n');
    expect(calls.map((call) => call.split(' ').slice(0, 3).join(' '))).toEqual([
      'aws cloudfront get-distribution-config',
      'aws s3 sync',
      'aws s3 sync',
      'aws cloudfront update-distribution',
      'aws cloudfront wait',
      'aws cloudfront create-invalidation',
    ]);
    expect(calls[1]).toContain('s3://atk-green/assets --delete --no-progress --cache-control public, max-age=31536000, immutable');
    expect(calls[2]).toContain('s3://atk-green --delete --no-progress --exclude assets/* --cache-control no-cache');
    expect(calls[3]).toContain('--if-match E3QWERTY12345');
    const sent = JSON.parse(readFileSync(aws.sent, 'utf8'));
    expect(sent.ETag).toBeUndefined();
    expect(sent.Origins.Items).toEqual([
      { Id: 'unrelated', DomainName: 'elsewhere.example.com', CustomOriginConfig: { HTTPSPort: 443 } },
      {
        Id: ORIGIN_ID,
        DomainName: 'atk-green.s3.eu-west-3.amazonaws.com',
        S3OriginConfig: { OriginAccessIdentity: '' },
        OriginAccessControlId: 'E1OACEXAMPLE',
      },
    ]);
  });

  it('switches nothing when the upload fails, and says so', () => {
    const aws = fakeAws('atk-blue', 's3 sync');
    const result = publish([...IDS, '--source', site], aws.bin);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('upload to atk-green failed; nothing was switched');
    expect(readFileSync(aws.log, 'utf8')).not.toContain('update-distribution');
  });

  it('fails with status 1 when the distribution serves neither bucket', () => {
    const result = publish([...IDS.slice(0, 2), '--blue-bucket', 'other-blue', '--green-bucket', 'other-green', '--source', site], fakeAws('atk-blue').bin);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('the distribution serves atk-blue.s3.eu-west-3.amazonaws.com, which is neither bucket');
  });
});

describe('publish.sh bad input', () => {
  it.each([
    [['--blue-bucket', 'b', '--green-bucket', 'g', '--source', site], 'missing --distribution-id'],
    [['--distribution-id', 'E2EXAMPLE', '--green-bucket', 'g', '--source', site], 'missing --blue-bucket'],
    [['--distribution-id', 'E2EXAMPLE', '--blue-bucket', 'b', '--source', site], 'missing --green-bucket'],
    [[...IDS, '--source', noIndex], `no index.html in ${noIndex}: build the web UI first`],
    [[...IDS, '--source', site, '--dry-run', '--live', 'purple'], '--live must be blue or green'],
    [[...IDS, '--source', site, '--live', 'blue'], '--live and --distribution-config are for --dry-run'],
    [[...IDS, '--source', site, '--dry-run'], '--dry-run needs --live blue|green or --distribution-config FILE'],
    [[...IDS, '--source'], '--source needs a value'],
    [[...IDS, '--bogus'], 'unknown argument: --bogus'],
    [['--distribution-id', 'E2EXAMPLE', '--blue-bucket', 'same', '--green-bucket', 'same', '--source', site], 'name the same bucket'],
  ])('%j exits 2 saying what to do', (args, message) => {
    const result = publish(args);
    expect(result.stderr).toContain(message);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
  });
});

const shellcheck = spawnSync('shellcheck', ['--version']).status === 0;

describe.skipIf(!shellcheck)('publish.sh style', () => {
  it('is clean under shellcheck', () => {
    const result = spawnSync('shellcheck', [SCRIPT], { encoding: 'utf8' });
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
  });
});
