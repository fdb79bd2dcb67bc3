import { ArnFormat, CfnOutput, Duration, Stack, StackProps, Validations } from 'aws-cdk-lib';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as targets from 'aws-cdk-lib/aws-route53-targets';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { AccessLogsBucket } from './access-logs-bucket';
import { CapacityConfig, HostedZoneConfig, SERVER_PORT } from './config';
import { addAliasRecords, importHostedZone } from './dns';

export interface BackendStackProps extends StackProps {
  /** The zones of the VPC and the instances, all in the stack's region. */
  readonly availabilityZones: readonly string[];
  /** The API's name: the load balancer's alias and its certificate's name. */
  readonly apiDomainName: string;
  readonly hostedZone: HostedZoneConfig;
  /** An existing certificate for apiDomainName in this region; absent: one is made here. */
  readonly apiCertificateArn?: string;
  readonly instanceType: string;
  /** A Debian 12 amd64 AMI in this region. */
  readonly amiId: string;
  readonly capacity: CapacityConfig;
  /** Parameter Store path of the server's settings, "/app/env/": the instances read it, nothing else. */
  readonly ssmParameterPath: string;
  /** The customer-managed key of SecureString parameters under the path, if any. */
  readonly ssmKmsKeyArn?: string;
}

/** How long the load balancer waits for requests in flight on a target it removes. The server
 * drains in ATK_DRAIN_SECONDS (10 s); the default 300 s would slow every deploy. */
const DEREGISTRATION_DELAY = Duration.seconds(30);

/** Root device of Debian's official AMIs. */
const ROOT_DEVICE = '/dev/xvda';

/**
 * The API: a dual-stack VPC over the given zones, an internet-facing Application Load Balancer
 * (HTTPS, HTTP redirected) and an Auto Scaling group of instances that accept traffic from the
 * load balancer only, reachable by Session Manager and never by SSH.
 */
export class BackendStack extends Stack {
  readonly vpc: ec2.Vpc;
  readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  readonly targetGroup: elbv2.ApplicationTargetGroup;
  readonly autoScalingGroup: autoscaling.AutoScalingGroup;
  readonly instanceRole: iam.Role;
  private readonly zones: string[];

  constructor(scope: Construct, id: string, props: BackendStackProps) {
    super(scope, id, props);
    this.zones = [...props.availabilityZones];
    this.vpc = this.createVpc();
    const hostedZone = importHostedZone(this, props.hostedZone);
    this.loadBalancer = this.createLoadBalancer();
    this.instanceRole = this.createInstanceRole(props);
    this.autoScalingGroup = this.createInstances(props);
    this.targetGroup = this.addListeners(this.apiCertificate(props, hostedZone));
    addAliasRecords(this, hostedZone, props.apiDomainName, new targets.LoadBalancerTarget(this.loadBalancer));
    this.addOutputs(props);
  }

  /** The zones are given, never looked up: this keeps synthesis offline. */
  override get availabilityZones(): string[] {
    return this.zones;
  }

  private createVpc(): ec2.Vpc {
    const flowLogs = new logs.LogGroup(this, 'VpcFlowLogs', { retention: logs.RetentionDays.ONE_MONTH });
    const vpc = new ec2.Vpc(this, 'Vpc', {
      ipProtocol: ec2.IpProtocol.DUAL_STACK,
      maxAzs: this.zones.length,
      // One NAT gateway per zone: the instances of a zone keep reaching AWS APIs if another fails.
      natGateways: this.zones.length,
      subnetConfiguration: [
        { name: 'Public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: 'Private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 24 },
      ],
      // Revisions and packages come from S3 without crossing the NAT gateways.
      gatewayEndpoints: { S3: { service: ec2.GatewayVpcEndpointAwsService.S3 } },
      flowLogs: {
        AllTraffic: {
          destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogs),
          trafficType: ec2.FlowLogTrafficType.ALL,
        },
      },
    });
    Validations.of(vpc).acknowledge({
      id: 'CloudFormation-Validate::W3010',
      reason:
        'The zones are named in context on purpose: synthesis must not look them up, and the ' +
        'operator chooses zones that offer the instance type.',
    });
    return vpc;
  }

  private createLoadBalancer(): elbv2.ApplicationLoadBalancer {
    const securityGroup = new ec2.SecurityGroup(this, 'LoadBalancerSecurityGroup', {
      vpc: this.vpc,
      description: 'API load balancer: HTTPS, and HTTP that is redirected to HTTPS, from anywhere',
      allowAllOutbound: false,
    });
    for (const peer of [ec2.Peer.anyIpv4(), ec2.Peer.anyIpv6()]) {
      securityGroup.addIngressRule(peer, ec2.Port.tcp(443), 'HTTPS from the internet');
      securityGroup.addIngressRule(peer, ec2.Port.tcp(80), 'HTTP from the internet, redirected to HTTPS');
    }
    NagSuppressions.addResourceSuppressions(securityGroup, [{
      id: 'AwsSolutions-EC23',
      reason:
        'The public API load balancer must accept 443 (and 80, only redirected to 443) from any ' +
        'address; the instances behind it accept traffic from this security group alone.',
    }]);
    const loadBalancer = new elbv2.ApplicationLoadBalancer(this, 'LoadBalancer', {
      vpc: this.vpc,
      internetFacing: true,
      ipAddressType: elbv2.IpAddressType.DUAL_STACK,
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      securityGroup,
      dropInvalidHeaderFields: true,
    });
    loadBalancer.logAccessLogs(new AccessLogsBucket(this, 'AccessLogs'), 'alb');
    return loadBalancer;
  }

  private apiCertificate(props: BackendStackProps, hostedZone: route53.IHostedZone): acm.ICertificate {
    if (props.apiCertificateArn !== undefined) {
      return acm.Certificate.fromCertificateArn(this, 'ApiCertificate', props.apiCertificateArn);
    }
    return new acm.Certificate(this, 'ApiCertificate', {
      domainName: props.apiDomainName,
      validation: acm.CertificateValidation.fromDns(hostedZone),
    });
  }

  /** HTTPS to the instances, HTTP answered with a redirect; returns the instances' target group. */
  private addListeners(certificate: acm.ICertificate): elbv2.ApplicationTargetGroup {
    const https = this.loadBalancer.addListener('Https', {
      port: 443,
      protocol: elbv2.ApplicationProtocol.HTTPS,
      certificates: [elbv2.ListenerCertificate.fromCertificateManager(certificate)],
      sslPolicy: elbv2.SslPolicy.TLS13_12_PQ,
      open: false, // the security group above already holds the ingress rules
    });
    this.loadBalancer.addRedirect({
      sourceProtocol: elbv2.ApplicationProtocol.HTTP,
      sourcePort: 80,
      targetProtocol: elbv2.ApplicationProtocol.HTTPS,
      targetPort: 443,
      open: false,
    });
    // Also opens SERVER_PORT on the instances' security group to the load balancer's group only.
    return https.addTargets('Server', {
      port: SERVER_PORT,
      protocol: elbv2.ApplicationProtocol.HTTP,
      targets: [this.autoScalingGroup],
      deregistrationDelay: DEREGISTRATION_DELAY,
      healthCheck: {
        path: '/healthz',
        healthyHttpCodes: '200',
        interval: Duration.seconds(10),
        timeout: Duration.seconds(5),
        healthyThresholdCount: 2,
        unhealthyThresholdCount: 2,
      },
    });
  }

  private createInstanceRole(props: BackendStackProps): iam.Role {
    const role = new iam.Role(this, 'InstanceRole', {
      assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'),
      description: 'Analyst Toolkit API instances: Session Manager, SSM agent, their own parameters',
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonSSMManagedInstanceCore')],
    });
    role.addToPolicy(new iam.PolicyStatement({
      sid: 'ReadServerParameters',
      actions: ['ssm:GetParametersByPath', 'ssm:GetParameters', 'ssm:GetParameter'],
      resources: this.parameterPathArns(props.ssmParameterPath),
    }));
    if (props.ssmKmsKeyArn !== undefined) {
      role.addToPolicy(new iam.PolicyStatement({
        sid: 'DecryptServerParametersThroughSsm',
        actions: ['kms:Decrypt'],
        resources: [props.ssmKmsKeyArn],
        conditions: { StringEquals: { 'kms:ViaService': `ssm.${this.region}.amazonaws.com` } },
      }));
    }
    NagSuppressions.addResourceSuppressions(role, [
      {
        id: 'AwsSolutions-IAM4',
        reason:
          'AmazonSSMManagedInstanceCore is the policy AWS maintains for the SSM agent (Session ' +
          'Manager, State Manager, Distributor); a copy would drift from the agent\'s needs.',
        appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonSSMManagedInstanceCore'],
      },
      {
        id: 'AwsSolutions-IAM5',
        reason:
          'The wildcard is the end of the server\'s own Parameter Store path: the parameters under ' +
          'it are created by the operator after deploy, so their names are not known here.',
        appliesTo: [{ regex: `/^Resource::arn:.*:ssm:.*:parameter${escapeRegex(props.ssmParameterPath)}\\*$/g` }],
      },
    ], true);
    return role;
  }

  /** The path itself (what GetParametersByPath is authorised on) and every parameter below it. */
  private parameterPathArns(path: string): string[] {
    const withoutSlashes = path.replace(/^\/|\/$/g, '');
    return [withoutSlashes, `${withoutSlashes}/*`].map((resourceName) => this.formatArn({
      service: 'ssm',
      resource: 'parameter',
      resourceName,
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    }));
  }

  /** Instances with no key pair, IMDSv2 only, an encrypted root volume and the SSM agent. */
  private createLaunchTemplate(props: BackendStackProps): ec2.LaunchTemplate {
    const securityGroup = new ec2.SecurityGroup(this, 'InstanceSecurityGroup', {
      vpc: this.vpc,
      description: 'API instances: the server port from the load balancer only; no SSH',
      // Outbound: SSM, CodeDeploy, S3 and the Debian mirrors, over IPv4 and IPv6.
      allowAllOutbound: true,
      allowAllIpv6Outbound: true,
    });
    return new ec2.LaunchTemplate(this, 'LaunchTemplate', {
      machineImage: ec2.MachineImage.genericLinux({ [this.region]: props.amiId }),
      instanceType: new ec2.InstanceType(props.instanceType),
      role: this.instanceRole,
      securityGroup,
      requireImdsv2: true,
      httpPutResponseHopLimit: 1,
      blockDevices: [{
        deviceName: ROOT_DEVICE,
        volume: ec2.BlockDeviceVolume.ebs(20, {
          encrypted: true,
          volumeType: ec2.EbsDeviceVolumeType.GP3,
          deleteOnTermination: true,
        }),
      }],
      userData: instanceUserData(this.region, props.ssmParameterPath),
    });
  }

  /** The group spans the private subnets of every zone and scales on CPU. */
  private createInstances(props: BackendStackProps): autoscaling.AutoScalingGroup {
    const group = new autoscaling.AutoScalingGroup(this, 'Instances', {
      vpc: this.vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      launchTemplate: this.createLaunchTemplate(props),
      minCapacity: props.capacity.min,
      maxCapacity: props.capacity.max,
      // Left unset when equal to the minimum: a desired capacity in the template resets the
      // group's size on every deploy, undoing what scaling did.
      desiredCapacity: props.capacity.desired === props.capacity.min ? undefined : props.capacity.desired,
      cooldown: Duration.minutes(5),
      healthChecks: autoscaling.HealthChecks.withAdditionalChecks({
        additionalTypes: [autoscaling.AdditionalHealthCheckType.ELB],
        gracePeriod: Duration.minutes(5),
      }),
    });
    group.scaleOnCpuUtilization('KeepCpuNearTarget', { targetUtilizationPercent: 60 });
    NagSuppressions.addResourceSuppressions(group, [{
      id: 'AwsSolutions-AS3',
      reason:
        'Scaling events are routine here; what needs a person is covered by the observability ' +
        'stack\'s alarms: unhealthy targets, and a 5xx rate that includes the load balancer\'s ' +
        'own 503s when no instance is healthy.',
    }]);
    return group;
  }

  private addOutputs(props: BackendStackProps): void {
    new CfnOutput(this, 'LoadBalancerDnsName', { value: this.loadBalancer.loadBalancerDnsName });
    new CfnOutput(this, 'ApiUrl', { value: `https://${props.apiDomainName}/` });
    new CfnOutput(this, 'AutoScalingGroupName', { value: this.autoScalingGroup.autoScalingGroupName });
    new CfnOutput(this, 'InstanceRoleName', { value: this.instanceRole.roleName });
  }
}

/**
 * Debian's AMIs come without the SSM agent, which Session Manager, the parameters and the
 * CodeDeploy agent's installation (an SSM association) all need: install it at first boot.
 */
/**
 * At first boot: the instance's deployment settings for the CodeDeploy hooks (deploy/scripts
 * read /etc/analyst-toolkit/deployment.env: where the server's parameters are, in which
 * region), then the SSM agent, which Debian's AMIs lack (Session Manager and the association
 * that installs the CodeDeploy agent need it).
 */
function instanceUserData(region: string, ssmParameterPath: string): ec2.UserData {
  const userData = ec2.UserData.forLinux();
  const url = `https://s3.${region}.amazonaws.com/amazon-ssm-${region}/latest/debian_amd64/amazon-ssm-agent.deb`;
  userData.addCommands(
    'set -euo pipefail',
    'install -d -m 0750 -o root -g root /etc/analyst-toolkit',
    `printf 'ATK_SSM_PATH=%s\\nAWS_REGION=%s\\n' '${ssmParameterPath}' '${region}' >/etc/analyst-toolkit/deployment.env`,
    'if ! systemctl is-enabled --quiet amazon-ssm-agent 2>/dev/null; then',
    `  curl --fail --silent --show-error --retry 5 --output /tmp/amazon-ssm-agent.deb ${url}`,
    '  dpkg -i /tmp/amazon-ssm-agent.deb',
    '  rm -f /tmp/amazon-ssm-agent.deb',
    '  systemctl enable --now amazon-ssm-agent',
    'fi',
  );
  return userData;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
