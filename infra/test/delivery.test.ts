import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { buildExample, crossStackValue, getAttOf, propertiesOf, refTo } from './example-app';

const stacks = buildExample();
const template = Template.fromStack(stacks.delivery);
const backend = Template.fromStack(stacks.backend);
const [deploymentGroup] = propertiesOf(template, 'AWS::CodeDeploy::DeploymentGroup');

describe('artifact bucket', () => {
  const artifactBucket = template.toJSON().Resources[refTo(stacks.delivery.artifactBucket).Ref];

  it('is versioned, encrypted, private, owner-enforced, logged and retained', () => {
    expect(artifactBucket.Properties).toMatchObject({
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true,
      },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      LoggingConfiguration: { DestinationBucketName: expect.anything(), LogFilePrefix: 'artifacts/' },
    });
    expect(artifactBucket.DeletionPolicy).toBe('Retain');
  });

  it('expires replaced revisions', () => {
    expect(artifactBucket.Properties.LifecycleConfiguration.Rules).toContainEqual(expect.objectContaining({
      Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: 90 },
    }));
  });

  it('refuses requests without TLS', () => {
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: refTo(stacks.delivery.artifactBucket),
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        })]),
      },
    });
  });

  it('is readable, not writable, by the instance role', () => {
    const [policy] = propertiesOf(template, 'AWS::IAM::Policy').filter((p) => p.Roles.some(
      (role: unknown) => JSON.stringify(crossStackValue(role, backend)) === JSON.stringify(refTo(stacks.backend.instanceRole)),
    ));
    expect(policy.PolicyDocument.Statement).toEqual([expect.objectContaining({
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:GetObjectVersion'],
      Resource: { 'Fn::Join': ['', [getAttOf(stacks.delivery.artifactBucket, 'Arn'), '/*']] },
    })]);
  });
});

describe('CodeDeploy deployment group', () => {
  it('deploys to the back end\'s Auto Scaling group', () => {
    expect(deploymentGroup.AutoScalingGroups).toHaveLength(1);
    expect(crossStackValue(deploymentGroup.AutoScalingGroups[0], backend)).toEqual(refTo(stacks.backend.autoScalingGroup));
  });

  it('selects instances carrying both the APP and the ENV tag', () => {
    // Separate tag groups are ANDed by CodeDeploy; tags within one group would be ORed.
    expect(deploymentGroup.Ec2TagSet.Ec2TagSetList).toEqual([
      { Ec2TagGroup: [{ Key: 'APP', Value: 'analyst-toolkit', Type: 'KEY_AND_VALUE' }] },
      { Ec2TagGroup: [{ Key: 'ENV', Value: 'prod', Type: 'KEY_AND_VALUE' }] },
    ]);
  });

  it('drains each instance from the load balancer\'s target group while deploying to it', () => {
    expect(deploymentGroup.DeploymentStyle).toEqual({ DeploymentOption: 'WITH_TRAFFIC_CONTROL' });
    const [targetGroup] = deploymentGroup.LoadBalancerInfo.TargetGroupInfoList;
    expect(crossStackValue(targetGroup.Name, backend)).toEqual(getAttOf(stacks.backend.targetGroup, 'TargetGroupName'));
  });

  it('deploys one instance at a time and rolls back a failed deployment', () => {
    expect(deploymentGroup.DeploymentConfigName).toBe('CodeDeployDefault.OneAtATime');
    expect(deploymentGroup.AutoRollbackConfiguration).toEqual({
      Enabled: true, Events: expect.arrayContaining(['DEPLOYMENT_FAILURE']),
    });
  });

  it('leaves the agent to SSM: no agent download in the instances\' user data', () => {
    const [launchTemplate] = propertiesOf(backend, 'AWS::EC2::LaunchTemplate');
    expect(JSON.stringify(launchTemplate.LaunchTemplateData.UserData)).not.toContain('codedeploy');
  });
});

describe('CodeDeploy agent', () => {
  it('is installed by a State Manager association on instances tagged APP and ENV, on a schedule', () => {
    template.resourceCountIs('AWS::SSM::Association', 1);
    template.hasResourceProperties('AWS::SSM::Association', {
      Name: 'AWS-ConfigureAWSPackage',
      Parameters: { action: ['Install'], name: ['AWSCodeDeployAgent'] },
      Targets: [
        { Key: 'tag:APP', Values: ['analyst-toolkit'] },
        { Key: 'tag:ENV', Values: ['prod'] },
      ],
      ScheduleExpression: Match.stringLikeRegexp('^rate\\('),
    });
  });
});

describe('outputs', () => {
  it('names the artifact bucket and the deployment group', () => {
    template.hasOutput('ArtifactBucketName', { Value: refTo(stacks.delivery.artifactBucket) });
    template.hasOutput('DeploymentGroupName', { Value: refTo(stacks.delivery.deploymentGroup) });
    template.hasOutput('CodeDeployApplicationName', { Value: Match.anyValue() });
  });
});
