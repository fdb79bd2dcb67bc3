import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../lib/config';
import { Context, contextWith } from './example-app';

function configFrom(overrides: Context, environment: NodeJS.ProcessEnv = {}) {
  const context = contextWith(overrides);
  return readConfig({ tryGetContext: (key) => context[key] }, environment);
}

describe('context values', () => {
  it('reads the example context of cdk.json', () => {
    const config = configFrom({});
    expect(config).toMatchObject({
      appName: 'analyst-toolkit',
      envName: 'prod',
      region: 'eu-west-3',
      availabilityZones: ['eu-west-3a', 'eu-west-3b'],
      domainName: 'app.example.com',
      apiDomainName: 'api.example.com',
      ssmParameterPath: '/analyst-toolkit/prod/',
      liveColour: 'blue',
      capacity: { min: 2, desired: 2, max: 4 },
    });
  });

  it.each(['domainName', 'apiDomainName', 'hostedZoneId', 'hostedZoneName', 'amiId'])(
    'names the missing required key %s and how to set it',
    (key) => {
      expect(() => configFrom({ [key]: undefined })).toThrow(ConfigError);
      expect(() => configFrom({ [key]: undefined })).toThrow(
        new RegExp(`Context value "${key}" is missing.*-c ${key}=`),
      );
    },
  );

  it('takes the account from CDK_DEFAULT_ACCOUNT when no context gives it, and fails without either', () => {
    expect(configFrom({ account: undefined }, { CDK_DEFAULT_ACCOUNT: '222222222222' }).account).toBe('222222222222');
    expect(() => configFrom({ account: undefined })).toThrow(/"account" is missing and CDK_DEFAULT_ACCOUNT is not set/);
  });

  it('accepts command-line strings for lists and numbers', () => {
    const config = configFrom({ availabilityZones: 'eu-west-3b, eu-west-3c', maxCapacity: '6', desiredCapacity: '3' });
    expect(config.availabilityZones).toEqual(['eu-west-3b', 'eu-west-3c']);
    expect(config.capacity).toEqual({ min: 2, desired: 3, max: 6 });
  });

  it.each([
    [{ domainName: 'app.example.org' }, /"domainName" is "app.example.org", outside the hosted zone "example.com"/],
    [{ liveColour: 'purple' }, /"liveColour" is "purple": it must be "blue" or "green"/],
    [{ cloudFrontCertificateArn: 'arn:aws:acm:eu-west-3:111111111111:certificate/abc' }, /"cloudFrontCertificateArn".*in us-east-1/],
    [{ apiCertificateArn: 'arn:aws:acm:us-east-1:111111111111:certificate/abc' }, /"apiCertificateArn".*in eu-west-3/],
    [{ minCapacity: 1 }, /"minCapacity" is 1: keep at least 2/],
    [{ desiredCapacity: 5 }, /"desiredCapacity" is 5: it must lie between minCapacity \(2\) and maxCapacity \(4\)/],
    [{ availabilityZones: ['eu-west-3a'] }, /"availabilityZones" needs at least two zones/],
    [{ availabilityZones: ['eu-west-3a', 'us-east-1a'] }, /"availabilityZones" contains "us-east-1a"/],
    [{ amiId: 'debian-12' }, /"amiId" is "debian-12": expected a Debian 12 amd64 AMI id/],
    [{ ssmParameterPath: 'analyst-toolkit/prod' }, /"ssmParameterPath".*starts and ends with "\/"/],
    [{ account: '1234' }, /"account" is "1234": it must be a 12-digit AWS account id/],
  ])('rejects %j with a message naming the key', (overrides, message) => {
    expect(() => configFrom(overrides)).toThrow(message);
  });
});

describe('the entry point (bin/analyst-toolkit.ts)', () => {
  it('exits with status 2 and names the missing key', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'atk-cdk-'));
    try {
      const infra = fileURLToPath(new URL('..', import.meta.url));
      const result = spawnSync(process.execPath, ['--import', 'tsx', 'bin/analyst-toolkit.ts'], {
        cwd: infra,
        encoding: 'utf8',
        // How the cdk CLI hands the context to the app.
        env: { ...process.env, CDK_CONTEXT_JSON: JSON.stringify(contextWith({ domainName: undefined })), CDK_OUTDIR: outdir },
      });
      expect(result.stderr).toContain('Context value "domainName" is missing');
      expect(result.stderr).toContain('-c domainName=...');
      expect(result.status).toBe(2);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
