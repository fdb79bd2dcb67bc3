import { CfnOutput, Duration, RemovalPolicy, Stack, StackProps } from 'aws-cdk-lib';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as codedeploy from 'aws-cdk-lib/aws-codedeploy';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { AccessLogsBucket } from './access-logs-bucket';
import { APP_TAG, ENV_TAG } from './config';

export interface DeliveryStackProps extends StackProps {
  /** Values of the APP and ENV tags that mark the instances to deploy to. */
  readonly appName: string;
  readonly envName: string;
  readonly autoScalingGroup: autoscaling.AutoScalingGroup;
  /** The instances' target group: CodeDeploy takes an instance out of it while deploying to it. */
  readonly targetGroup: elbv2.IApplicationTargetGroup;
  /** The instances' role, given read access to the revisions. */
  readonly instanceRole: iam.IRole;
}

/** How long a replaced revision stays restorable from the bucket's versions. */
const NONCURRENT_REVISION_LIFETIME = Duration.days(90);

/**
 * Delivery of the server: the bucket the CodeDeploy revisions (zip bundles) are uploaded to, in
 * the instances' region; the CodeDeploy application and deployment group that install them on
 * the tagged instances one at a time, draining each from the load balancer first; and the
 * State Manager association that installs the CodeDeploy agent on every such instance.
 */
export class DeliveryStack extends Stack {
  readonly artifactBucket: s3.Bucket;
  readonly deploymentGroup: codedeploy.ServerDeploymentGroup;

  constructor(scope: Construct, id: string, props: DeliveryStackProps) {
    super(scope, id, props);
    this.artifactBucket = this.createArtifactBucket();
    this.allowInstancesToReadRevisions(props.instanceRole);
    this.deploymentGroup = this.createDeploymentGroup(props);
    this.installCodeDeployAgent(props);
    this.addOutputs();
  }

  private createArtifactBucket(): s3.Bucket {
    return new s3.Bucket(this, 'ArtifactBucket', {
      versioned: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      serverAccessLogsBucket: new AccessLogsBucket(this, 'AccessLogs'),
      serverAccessLogsPrefix: 'artifacts/',
      lifecycleRules: [{
        noncurrentVersionExpiration: NONCURRENT_REVISION_LIFETIME,
        abortIncompleteMultipartUploadAfter: Duration.days(7),
      }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  /**
   * A policy of this stack attached to the back end's role: granting through the role itself
   * would make the back-end stack depend on this one, which already depends on it.
   */
  private allowInstancesToReadRevisions(instanceRole: iam.IRole): void {
    const policy = new iam.Policy(this, 'InstancesReadRevisions', {
      roles: [instanceRole],
      statements: [new iam.PolicyStatement({
        actions: ['s3:GetObject', 's3:GetObjectVersion'],
        resources: [this.artifactBucket.arnForObjects('*')],
      })],
    });
    NagSuppressions.addResourceSuppressions(policy, [{
      id: 'AwsSolutions-IAM5',
      reason:
        'Read-only access to the objects of the artifact bucket alone: revisions are named when ' +
        'they are uploaded, after this stack is deployed.',
      appliesTo: [{ regex: '/^Resource::<ArtifactBucket[0-9A-F]+\\.Arn>\\/\\*$/g' }],
    }]);
  }

  private createDeploymentGroup(props: DeliveryStackProps): codedeploy.ServerDeploymentGroup {
    const group = new codedeploy.ServerDeploymentGroup(this, 'DeploymentGroup', {
      application: new codedeploy.ServerApplication(this, 'Application'),
      autoScalingGroups: [props.autoScalingGroup],
      // Two tag groups, so an instance must carry both tags (keys within one group are ORed).
      ec2InstanceTags: new codedeploy.InstanceTagSet(
        { [APP_TAG]: [props.appName] },
        { [ENV_TAG]: [props.envName] },
      ),
      loadBalancers: [codedeploy.LoadBalancer.application(props.targetGroup)],
      // The agent comes from SSM Distributor (below), not from user data.
      installAgent: false,
      // One instance at a time: the others keep serving while each is drained and updated.
      deploymentConfig: codedeploy.ServerDeploymentConfig.ONE_AT_A_TIME,
      autoRollback: { failedDeployment: true, stoppedDeployment: true },
    });
    NagSuppressions.addResourceSuppressions(group, [{
      id: 'AwsSolutions-IAM4',
      reason:
        'AWSCodeDeployRole is the service role policy AWS maintains for CodeDeploy\'s EC2 and ' +
        'Auto Scaling work (lifecycle hooks, target registration); it follows the service\'s needs.',
      appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSCodeDeployRole'],
    }], true);
    return group;
  }

  /**
   * Installs the CodeDeploy agent with SSM Distributor on every instance tagged for this app
   * and environment; State Manager applies it to new instances as they register, and the
   * schedule keeps the agent up to date.
   */
  private installCodeDeployAgent(props: DeliveryStackProps): void {
    new ssm.CfnAssociation(this, 'InstallCodeDeployAgent', {
      name: 'AWS-ConfigureAWSPackage',
      parameters: { action: ['Install'], name: ['AWSCodeDeployAgent'] },
      targets: [
        { key: `tag:${APP_TAG}`, values: [props.appName] },
        { key: `tag:${ENV_TAG}`, values: [props.envName] },
      ],
      scheduleExpression: 'rate(14 days)',
    });
  }

  private addOutputs(): void {
    new CfnOutput(this, 'ArtifactBucketName', {
      value: this.artifactBucket.bucketName,
      description: 'Bucket to upload CodeDeploy revisions (deploy/ bundles) to',
    });
    new CfnOutput(this, 'CodeDeployApplicationName', { value: this.deploymentGroup.application.applicationName });
    new CfnOutput(this, 'DeploymentGroupName', { value: this.deploymentGroup.deploymentGroupName });
  }
}
