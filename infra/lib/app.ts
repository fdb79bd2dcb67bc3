import { App, Aspects, StackProps, Tags } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { BackendStack } from './backend-stack';
import { CertificateStack } from './certificate-stack';
import { APP_TAG, AppConfig, CLOUDFRONT_CERTIFICATE_REGION, ENV_TAG, readConfig } from './config';
import { DeliveryStack } from './delivery-stack';
import { FrontendStack } from './frontend-stack';
import { ObservabilityStack } from './observability-stack';

export interface AnalystToolkitStacks {
  readonly config: AppConfig;
  /** Absent when cloudFrontCertificateArn names an existing certificate. */
  readonly certificate?: CertificateStack;
  readonly frontend: FrontendStack;
  readonly backend: BackendStack;
  readonly delivery: DeliveryStack;
  readonly observability: ObservabilityStack;
}

/**
 * Builds every stack of the production architecture into `app` from its context, tags all
 * resources with APP and ENV, and runs the cdk-nag AwsSolutions checks on them.
 * Throws ConfigError when a context value is missing or wrong.
 */
export function buildAnalystToolkit(app: App): AnalystToolkitStacks {
  const config = readConfig(app.node);
  const certificate = config.cloudFrontCertificateArn === undefined ? addCertificate(app, config) : undefined;
  const frontend = addFrontend(app, config, certificate);
  const backend = addBackend(app, config);
  const delivery = addDelivery(app, config, backend);
  const observability = addObservability(app, config, backend);

  Tags.of(app).add(APP_TAG, config.appName);
  Tags.of(app).add(ENV_TAG, config.envName);
  Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true }));
  return { config, certificate, frontend, backend, delivery, observability };
}

/** Stack id (also the CloudFormation stack name): `<appName>-<envName>-<concern>`. */
function stackId(config: AppConfig, concern: string): string {
  return `${config.appName}-${config.envName}-${concern}`;
}

/** Account, region (the back end's unless given) and description of a stack. */
function placement(config: AppConfig, summary: string, region = config.region): StackProps {
  return {
    env: { account: config.account, region },
    description: `Analyst Toolkit (${config.envName}): ${summary}`,
  };
}

function addCertificate(app: App, config: AppConfig): CertificateStack {
  return new CertificateStack(app, stackId(config, 'certificate'), {
    ...placement(config, 'the web UI\'s certificate, in us-east-1 for CloudFront', CLOUDFRONT_CERTIFICATE_REGION),
    domainName: config.domainName,
    hostedZone: config.hostedZone,
  });
}

function addFrontend(app: App, config: AppConfig, certificate?: CertificateStack): FrontendStack {
  return new FrontendStack(app, stackId(config, 'frontend'), {
    ...placement(config, 'web UI buckets (blue, green) and CloudFront'),
    domainName: config.domainName,
    apiDomainName: config.apiDomainName,
    hostedZone: config.hostedZone,
    certificate: certificate?.certificate,
    certificateArn: config.cloudFrontCertificateArn,
    liveColour: config.liveColour,
    webAclArn: config.cloudFrontWebAclArn,
  });
}

function addBackend(app: App, config: AppConfig): BackendStack {
  return new BackendStack(app, stackId(config, 'backend'), {
    ...placement(config, 'VPC, load balancer and API instances'),
    availabilityZones: config.availabilityZones,
    apiDomainName: config.apiDomainName,
    hostedZone: config.hostedZone,
    apiCertificateArn: config.apiCertificateArn,
    instanceType: config.instanceType,
    amiId: config.amiId,
    capacity: config.capacity,
    ssmParameterPath: config.ssmParameterPath,
    ssmKmsKeyArn: config.ssmKmsKeyArn,
  });
}

function addDelivery(app: App, config: AppConfig, backend: BackendStack): DeliveryStack {
  return new DeliveryStack(app, stackId(config, 'delivery'), {
    ...placement(config, 'artifact bucket, CodeDeploy, CodeDeploy agent'),
    appName: config.appName,
    envName: config.envName,
    autoScalingGroup: backend.autoScalingGroup,
    targetGroup: backend.targetGroup,
    instanceRole: backend.instanceRole,
  });
}

function addObservability(app: App, config: AppConfig, backend: BackendStack): ObservabilityStack {
  return new ObservabilityStack(app, stackId(config, 'observability'), {
    ...placement(config, 'server logs, alarms and their topic'),
    serverLogGroupName: `/${config.appName}/${config.envName}/server`,
    instanceRole: backend.instanceRole,
    loadBalancer: backend.loadBalancer,
    targetGroup: backend.targetGroup,
    alarmEmail: config.alarmEmail,
  });
}
