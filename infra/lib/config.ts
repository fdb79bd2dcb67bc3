// The values the app is built from. They come from CDK context (infra/cdk.json, or
// `cdk synth -c key=value`), are validated once here, and the stacks trust them afterwards.
// Nothing is looked up in an AWS account: synthesis stays offline.

/** Which of the two front-end buckets CloudFront serves. */
export type Colour = 'blue' | 'green';

export const COLOURS: readonly Colour[] = ['blue', 'green'];

/** CloudFront only accepts certificates from this region. */
export const CLOUDFRONT_CERTIFICATE_REGION = 'us-east-1';

/**
 * The port `analyst-toolkit serve` listens on, on the instances (ATK_PORT). deploy/ writes the
 * same value into the service's environment; the load balancer's target group sends traffic here.
 */
export const SERVER_PORT = 8080;

/**
 * Tag keys put on every resource, instances included. CodeDeploy and the SSM association that
 * installs the CodeDeploy agent find the instances by them.
 */
export const APP_TAG = 'APP';
export const ENV_TAG = 'ENV';

export interface HostedZoneConfig {
  readonly hostedZoneId: string;
  /** The zone's apex, e.g. example.com; both domain names lie inside it. */
  readonly zoneName: string;
}

export interface CapacityConfig {
  readonly min: number;
  readonly desired: number;
  readonly max: number;
}

export interface AppConfig {
  readonly appName: string;
  readonly envName: string;
  readonly account: string;
  /** The back end's region: VPC, instances, artifact bucket, front-end buckets. */
  readonly region: string;
  /** Exactly the zones used, so that synthesis never asks the account which exist. */
  readonly availabilityZones: readonly string[];
  /** The web UI's name, served by CloudFront. */
  readonly domainName: string;
  /** The HTTP API's name, served by the load balancer. */
  readonly apiDomainName: string;
  readonly hostedZone: HostedZoneConfig;
  /** An existing us-east-1 certificate for domainName; absent: the certificate stack makes one. */
  readonly cloudFrontCertificateArn?: string;
  /** An existing certificate for apiDomainName in `region`; absent: the back end makes one. */
  readonly apiCertificateArn?: string;
  /** An existing WAF web ACL (scope CLOUDFRONT) for the distribution; optional. */
  readonly cloudFrontWebAclArn?: string;
  /** Parameter Store path holding the server's settings and secrets; starts and ends with "/". */
  readonly ssmParameterPath: string;
  /** The customer-managed KMS key of the SecureString parameters, if not the AWS-managed one. */
  readonly ssmKmsKeyArn?: string;
  readonly liveColour: Colour;
  readonly instanceType: string;
  /** A Debian 12 amd64 AMI in `region` (the binary is built on Debian 12 x86-64). */
  readonly amiId: string;
  readonly capacity: CapacityConfig;
  readonly alarmEmail?: string;
}

/** What the configuration is read from: an App's node (`app.node`) in practice. */
export interface ContextSource {
  tryGetContext(key: string): unknown;
}

/** A context value is missing or malformed; the message names the key and what to set. */
export class ConfigError extends Error {
  constructor(key: string, problem: string) {
    super(
      `Context value "${key}" ${problem}. ` +
        `Set it in infra/cdk.json under "context", or pass -c ${key}=... to cdk.`,
    );
    this.name = 'ConfigError';
  }
}

/**
 * Reads and validates every context value. Throws ConfigError on the first bad one.
 * `environment` supplies CDK_DEFAULT_ACCOUNT when no `account` context is given.
 */
export function readConfig(
  context: ContextSource,
  environment: NodeJS.ProcessEnv = process.env,
): AppConfig {
  const read = new ContextReader(context);
  const appName = read.optionalName('appName') ?? 'analyst-toolkit';
  const envName = read.optionalName('envName') ?? 'prod';
  const region = read.optionalString('region') ?? 'eu-west-3';
  const hostedZone = readHostedZone(read);
  return {
    appName,
    envName,
    account: readAccount(read, environment),
    region,
    availabilityZones: readAvailabilityZones(read, region),
    domainName: readDomainInZone(read, 'domainName', hostedZone),
    apiDomainName: readDomainInZone(read, 'apiDomainName', hostedZone),
    hostedZone,
    cloudFrontCertificateArn: read.optionalArn('cloudFrontCertificateArn', 'acm', CLOUDFRONT_CERTIFICATE_REGION),
    apiCertificateArn: read.optionalArn('apiCertificateArn', 'acm', region),
    cloudFrontWebAclArn: read.optionalArn('cloudFrontWebAclArn', 'wafv2', CLOUDFRONT_CERTIFICATE_REGION),
    ssmParameterPath: readParameterPath(read, appName, envName),
    ssmKmsKeyArn: read.optionalArn('ssmKmsKeyArn', 'kms', region),
    liveColour: readColour(read),
    instanceType: read.optionalString('instanceType') ?? 'c6i.large',
    amiId: read.requiredMatching('amiId', /^ami-[0-9a-f]{8,17}$/, 'a Debian 12 amd64 AMI id in the back-end region, e.g. ami-0123456789abcdef0'),
    capacity: readCapacity(read),
    alarmEmail: read.optionalMatching('alarmEmail', /^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'an e-mail address'),
  };
}

function readAccount(read: ContextReader, environment: NodeJS.ProcessEnv): string {
  const account = read.optionalString('account') ?? environment.CDK_DEFAULT_ACCOUNT;
  if (account === undefined) {
    throw new ConfigError('account', 'is missing and CDK_DEFAULT_ACCOUNT is not set: give the 12-digit AWS account id');
  }
  if (!/^\d{12}$/.test(account)) {
    throw new ConfigError('account', `is "${account}": it must be a 12-digit AWS account id`);
  }
  return account;
}

function readHostedZone(read: ContextReader): HostedZoneConfig {
  return {
    hostedZoneId: read.requiredMatching('hostedZoneId', /^Z[A-Z0-9]{1,31}$/, 'the Route 53 hosted zone id, e.g. Z0123456789ABCDEFGHIJ'),
    zoneName: read.requiredMatching('hostedZoneName', DOMAIN_NAME, 'the hosted zone\'s domain, e.g. example.com'),
  };
}

const DOMAIN_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

function readDomainInZone(read: ContextReader, key: string, zone: HostedZoneConfig): string {
  const name = read.requiredMatching(key, DOMAIN_NAME, 'a lower-case domain name, e.g. app.example.com');
  if (name !== zone.zoneName && !name.endsWith(`.${zone.zoneName}`)) {
    throw new ConfigError(key, `is "${name}", outside the hosted zone "${zone.zoneName}" (hostedZoneName)`);
  }
  return name;
}

function readAvailabilityZones(read: ContextReader, region: string): string[] {
  const zones = read.optionalList('availabilityZones') ?? [`${region}a`, `${region}b`];
  if (zones.length < 2) {
    throw new ConfigError('availabilityZones', 'needs at least two zones: the service must survive the loss of one');
  }
  const foreign = zones.find((zone) => !zone.startsWith(region));
  if (foreign !== undefined) {
    throw new ConfigError('availabilityZones', `contains "${foreign}", which is not in region ${region}`);
  }
  return zones;
}

function readParameterPath(read: ContextReader, appName: string, envName: string): string {
  const fallback = `/${appName}/${envName}/`;
  const path = read.optionalMatching('ssmParameterPath', /^\/[A-Za-z0-9_.\-/]+\/$/, 'a Parameter Store path that starts and ends with "/", e.g. /analyst-toolkit/prod/');
  return path ?? fallback;
}

function readColour(read: ContextReader): Colour {
  const colour = read.optionalString('liveColour') ?? 'blue';
  if (!(COLOURS as readonly string[]).includes(colour)) {
    throw new ConfigError('liveColour', `is "${colour}": it must be "blue" or "green"`);
  }
  return colour as Colour;
}

function readCapacity(read: ContextReader): CapacityConfig {
  const min = read.optionalInteger('minCapacity') ?? 2;
  const desired = read.optionalInteger('desiredCapacity') ?? min;
  const max = read.optionalInteger('maxCapacity') ?? 4;
  if (min < 2) {
    throw new ConfigError('minCapacity', `is ${min}: keep at least 2 so that each availability zone runs an instance`);
  }
  if (desired < min || desired > max) {
    throw new ConfigError('desiredCapacity', `is ${desired}: it must lie between minCapacity (${min}) and maxCapacity (${max})`);
  }
  return { min, desired, max };
}

/** Typed access to raw context values, which are strings when given with -c on the command line. */
class ContextReader {
  constructor(private readonly context: ContextSource) {}

  optionalString(key: string): string | undefined {
    const value = this.context.tryGetContext(key);
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'string') {
      throw new ConfigError(key, `must be a string, not ${JSON.stringify(value)}`);
    }
    return value.trim();
  }

  optionalMatching(key: string, pattern: RegExp, expected: string): string | undefined {
    const value = this.optionalString(key);
    if (value !== undefined && !pattern.test(value)) {
      throw new ConfigError(key, `is "${value}": expected ${expected}`);
    }
    return value;
  }

  requiredMatching(key: string, pattern: RegExp, expected: string): string {
    const value = this.optionalMatching(key, pattern, expected);
    if (value === undefined) throw new ConfigError(key, `is missing: expected ${expected}`);
    return value;
  }

  /** A name used in resource names and tags: lower-case letters, digits and hyphens. */
  optionalName(key: string): string | undefined {
    return this.optionalMatching(key, /^[a-z][a-z0-9-]{0,30}$/, 'lower-case letters, digits and hyphens');
  }

  /** An ARN of `service` in `region`: a certificate from another region would fail at deploy. */
  optionalArn(key: string, service: string, region: string): string | undefined {
    const pattern = new RegExp(`^arn:aws[a-z-]*:${service}:${region}:\\d{12}:.+$`);
    return this.optionalMatching(key, pattern, `an ARN of ${service} in ${region}`);
  }

  optionalInteger(key: string): number | undefined {
    const value = this.context.tryGetContext(key);
    if (value === undefined || value === null || value === '') return undefined;
    const number = typeof value === 'string' ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isInteger(number) || number < 0) {
      throw new ConfigError(key, `is ${JSON.stringify(value)}: expected a whole number`);
    }
    return number;
  }

  /** A JSON list in cdk.json, or a comma-separated string from the command line. */
  optionalList(key: string): string[] | undefined {
    const value = this.context.tryGetContext(key);
    if (value === undefined || value === null || value === '') return undefined;
    const items = typeof value === 'string' ? value.split(',') : value;
    if (!Array.isArray(items) || !items.every((item) => typeof item === 'string')) {
      throw new ConfigError(key, 'must be a list of strings, or a comma-separated string');
    }
    return items.map((item: string) => item.trim()).filter((item) => item !== '');
  }
}
