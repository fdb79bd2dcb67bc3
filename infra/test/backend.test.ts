import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { buildExample, crossStackValue, getAttOf, logicalIdOf, propertiesOf, refTo } from './example-app';

const stacks = buildExample();
const { backend } = stacks;
const template = Template.fromStack(backend);
const resources = template.toJSON().Resources as Record<string, { Type: string; Properties: any }>;

const loadBalancerGroup = getAttOf(backend.loadBalancer.connections.securityGroups[0], 'GroupId');
const instanceGroupId = logicalIdOf(backend.autoScalingGroup.connections.securityGroups[0]);

/** Every ingress rule of the stack: inline in security groups and standalone. */
function ingressRules(): any[] {
  const inline = propertiesOf(template, 'AWS::EC2::SecurityGroup').flatMap((group) => group.SecurityGroupIngress ?? []);
  return [...inline, ...propertiesOf(template, 'AWS::EC2::SecurityGroupIngress')];
}

/** Every statement of every policy attached to the instance role, by this stack or another. */
function instanceRoleStatements(): any[] {
  const role = JSON.stringify(refTo(backend.instanceRole));
  const attachedHere = (roles: unknown[]) => roles.some((entry) => JSON.stringify(entry) === role);
  const attachedFromElsewhere = (roles: unknown[]) =>
    roles.some((entry) => JSON.stringify(crossStackValue(entry, template)) === role);
  return [backend, stacks.delivery, stacks.observability].flatMap((stack) => {
    const attached = stack === backend ? attachedHere : attachedFromElsewhere;
    return propertiesOf(Template.fromStack(stack), 'AWS::IAM::Policy')
      .filter((policy) => attached(policy.Roles))
      .flatMap((policy) => policy.PolicyDocument.Statement);
  });
}

describe('network', () => {
  it('spreads the VPC over the two configured zones, public and private subnets in each', () => {
    const zones = propertiesOf(template, 'AWS::EC2::Subnet').map((subnet) => subnet.AvailabilityZone).sort();
    expect(zones).toEqual(['eu-west-3a', 'eu-west-3a', 'eu-west-3b', 'eu-west-3b']);
    template.resourceCountIs('AWS::EC2::NatGateway', 2);
  });

  it('records the VPC\'s traffic in flow logs', () => {
    template.hasResourceProperties('AWS::EC2::FlowLog', { ResourceType: 'VPC', TrafficType: 'ALL', LogDestinationType: 'cloud-watch-logs' });
  });
});

describe('load balancer', () => {
  it('is internet-facing, dual stack, drops invalid headers and logs its requests', () => {
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      Scheme: 'internet-facing',
      IpAddressType: 'dualstack',
      LoadBalancerAttributes: Match.arrayWith([
        { Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' },
        { Key: 'access_logs.s3.enabled', Value: 'true' },
      ]),
    });
  });

  it('terminates HTTPS on 443 with the API certificate and a TLS 1.2+ policy, forwarding to the instances', () => {
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 443,
      Protocol: 'HTTPS',
      Certificates: [{ CertificateArn: Match.anyValue() }],
      SslPolicy: Match.stringLikeRegexp('^ELBSecurityPolicy-TLS13-1-2-'),
      DefaultActions: [{ Type: 'forward', TargetGroupArn: refTo(backend.targetGroup) }],
    });
    template.hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainName: 'api.example.com',
      ValidationMethod: 'DNS',
      DomainValidationOptions: [{ DomainName: 'api.example.com', HostedZoneId: 'Z0123456789EXAMPLE' }],
    });
  });

  it('answers HTTP on 80 only with a permanent redirect to HTTPS 443', () => {
    template.resourceCountIs('AWS::ElasticLoadBalancingV2::Listener', 2);
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 80,
      Protocol: 'HTTP',
      DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }],
    });
  });

  it('accepts exactly 443 and 80 from anywhere, over IPv4 and IPv6', () => {
    const group = resources[loadBalancerGroup['Fn::GetAtt'][0]].Properties;
    const rules = group.SecurityGroupIngress.map((rule: any) => `${rule.CidrIp ?? rule.CidrIpv6} ${rule.IpProtocol} ${rule.FromPort}-${rule.ToPort}`);
    expect(rules.sort()).toEqual(['0.0.0.0/0 tcp 443-443', '0.0.0.0/0 tcp 80-80', '::/0 tcp 443-443', '::/0 tcp 80-80']);
  });

  it('sends traffic out only to the instances\' server port', () => {
    const group = resources[loadBalancerGroup['Fn::GetAtt'][0]].Properties;
    expect(JSON.stringify(group.SecurityGroupEgress ?? [])).not.toContain('0.0.0.0/0');
    const egress = propertiesOf(template, 'AWS::EC2::SecurityGroupEgress');
    expect(egress).toEqual([expect.objectContaining({
      GroupId: loadBalancerGroup,
      DestinationSecurityGroupId: { 'Fn::GetAtt': [instanceGroupId, 'GroupId'] },
      IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080,
    })]);
  });
});

describe('instances', () => {
  it('accept traffic only from the load balancer\'s security group, on 8080', () => {
    expect(resources[instanceGroupId].Properties.SecurityGroupIngress).toBeUndefined();
    const rulesOnInstances = propertiesOf(template, 'AWS::EC2::SecurityGroupIngress')
      .filter((rule) => JSON.stringify(rule.GroupId) === JSON.stringify({ 'Fn::GetAtt': [instanceGroupId, 'GroupId'] }));
    expect(rulesOnInstances).toEqual([expect.objectContaining({
      SourceSecurityGroupId: loadBalancerGroup, IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080,
    })]);
    for (const rule of rulesOnInstances) {
      expect(rule.CidrIp).toBeUndefined();
      expect(rule.CidrIpv6).toBeUndefined();
    }
  });

  it('open port 22 nowhere', () => {
    for (const rule of ingressRules()) {
      const from = rule.FromPort ?? 0;
      const to = rule.ToPort ?? 65535;
      expect(rule.IpProtocol).not.toBe('-1');
      expect(from <= 22 && 22 <= to).toBe(false);
    }
  });

  it('launch from a template that requires IMDSv2, has no key pair and encrypts its volumes', () => {
    const [launchTemplate] = propertiesOf(template, 'AWS::EC2::LaunchTemplate');
    const data = launchTemplate.LaunchTemplateData;
    expect(data.MetadataOptions).toMatchObject({ HttpTokens: 'required', HttpPutResponseHopLimit: 1 });
    expect(data.KeyName).toBeUndefined();
    expect(data.BlockDeviceMappings.length).toBeGreaterThan(0);
    for (const mapping of data.BlockDeviceMappings) expect(mapping.Ebs.Encrypted).toBe(true);
    expect(data).toMatchObject({ ImageId: 'ami-0123456789abcdef0', InstanceType: 'c6i.large' });
    expect(data.SecurityGroupIds).toEqual([{ 'Fn::GetAtt': [instanceGroupId, 'GroupId'] }]);
  });

  it('install the SSM agent at first boot (Debian\'s AMIs lack it)', () => {
    const [launchTemplate] = propertiesOf(template, 'AWS::EC2::LaunchTemplate');
    expect(launchTemplate.LaunchTemplateData.UserData['Fn::Base64']).toMatch(/amazon-ssm-eu-west-3\/latest\/debian_amd64\/amazon-ssm-agent\.deb/);
  });

  it('write the deployment settings the CodeDeploy hooks read (deploy/scripts/common.sh) at first boot', () => {
    const [launchTemplate] = propertiesOf(template, 'AWS::EC2::LaunchTemplate');
    const script: string = launchTemplate.LaunchTemplateData.UserData['Fn::Base64'];
    const line = script.split('\n').find((command) => command.includes('deployment.env'));
    expect(line).toBeDefined();
    const folder = mkdtempSync(join(tmpdir(), 'user-data-'));
    const settings = join(folder, 'deployment.env');
    execFileSync('bash', ['-c', line!.replace('/etc/analyst-toolkit/deployment.env', settings)]);
    expect(readFileSync(settings, 'utf8')).toBe('ATK_SSM_PATH=/analyst-toolkit/prod/\nAWS_REGION=eu-west-3\n');
    rmSync(folder, { recursive: true });
  });

  it('run in an Auto Scaling group of 2 to 4 over the private subnets of both zones, replaced when the load balancer finds them unhealthy', () => {
    const [group] = propertiesOf(template, 'AWS::AutoScaling::AutoScalingGroup');
    expect(group).toMatchObject({ MinSize: '2', MaxSize: '4', HealthCheckType: 'ELB', TargetGroupARNs: [refTo(backend.targetGroup)] });
    const subnets = group.VPCZoneIdentifier.map((ref: { Ref: string }) => resources[ref.Ref].Properties);
    expect(subnets.map((subnet: any) => subnet.AvailabilityZone).sort()).toEqual(['eu-west-3a', 'eu-west-3b']);
    for (const subnet of subnets) expect(subnet.MapPublicIpOnLaunch).not.toBe(true);
  });

  it('carry the APP and ENV tags from launch', () => {
    template.hasResourceProperties('AWS::AutoScaling::AutoScalingGroup', {
      Tags: Match.arrayWith([
        { Key: 'APP', Value: 'analyst-toolkit', PropagateAtLaunch: true },
        { Key: 'ENV', Value: 'prod', PropagateAtLaunch: true },
      ]),
    });
  });
});

describe('target group', () => {
  it('checks /healthz over HTTP on 8080 with small thresholds and a 30 s deregistration delay', () => {
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
      Port: 8080,
      Protocol: 'HTTP',
      HealthCheckPath: '/healthz',
      HealthyThresholdCount: 2,
      UnhealthyThresholdCount: 2,
      TargetGroupAttributes: Match.arrayWith([{ Key: 'deregistration_delay.timeout_seconds', Value: '30' }]),
    });
  });
});

describe('instance role', () => {
  it('has AmazonSSMManagedInstanceCore for Session Manager', () => {
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: Match.objectLike({
        Statement: [Match.objectLike({ Principal: { Service: 'ec2.amazonaws.com' } })],
      }),
      ManagedPolicyArns: Match.arrayWith([
        { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AmazonSSMManagedInstanceCore']] },
      ]),
    });
  });

  it('reads parameters under its own path only', () => {
    const reads = instanceRoleStatements().filter((statement) => [statement.Action].flat().some((action: string) => action.startsWith('ssm:')));
    expect(reads).toHaveLength(1);
    expect([reads[0].Action].flat().sort()).toEqual(['ssm:GetParameter', 'ssm:GetParameters', 'ssm:GetParametersByPath']);
    expect(reads[0].Resource).toEqual([
      'arn:aws:ssm:eu-west-3:111111111111:parameter/analyst-toolkit/prod',
      'arn:aws:ssm:eu-west-3:111111111111:parameter/analyst-toolkit/prod/*',
    ]);
  });

  it('is granted no wildcard action and nothing on every resource', () => {
    const statements = instanceRoleStatements();
    // Parameters (backend), revisions (delivery), logs (observability).
    expect(statements.length).toBe(3);
    for (const statement of statements) {
      for (const action of [statement.Action].flat()) expect(action).not.toMatch(/(^\*$)|(:\*$)/);
      expect([statement.Resource].flat()).not.toContain('*');
    }
  });

  it('may decrypt parameters with a customer key only through SSM, and only when one is given', () => {
    expect(instanceRoleStatements().some((statement) => JSON.stringify(statement.Action).includes('kms:'))).toBe(false);
    const keyArn = 'arn:aws:kms:eu-west-3:111111111111:key/0b4e6a39-8c5e-4f2b-9a53-3d8c1c8e0f11';
    Template.fromStack(buildExample({ ssmKmsKeyArn: keyArn }).backend).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Action: 'kms:Decrypt',
          Resource: keyArn,
          Condition: { StringEquals: { 'kms:ViaService': 'ssm.eu-west-3.amazonaws.com' } },
        })]),
      },
    });
  });
});

describe('DNS', () => {
  it.each(['A', 'AAAA'])('points an %s alias record for the API at the load balancer', (type) => {
    template.hasResourceProperties('AWS::Route53::RecordSet', {
      Type: type,
      Name: 'api.example.com.',
      HostedZoneId: 'Z0123456789EXAMPLE',
      AliasTarget: {
        DNSName: { 'Fn::Join': ['', ['dualstack.', getAttOf(backend.loadBalancer, 'DNSName')]] },
        HostedZoneId: getAttOf(backend.loadBalancer, 'CanonicalHostedZoneID'),
      },
    });
  });
});
