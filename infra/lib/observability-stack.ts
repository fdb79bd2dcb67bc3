import { CfnOutput, Duration, RemovalPolicy, Stack, StackProps } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

export interface ObservabilityStackProps extends StackProps {
  /**
   * Name of the log group for the server's JSON request logs. The log shipper on the
   * instances (CloudWatch agent) is configured with the same name.
   */
  readonly serverLogGroupName: string;
  /** The instances' role, allowed to write to the log group. */
  readonly instanceRole: iam.IRole;
  readonly loadBalancer: elbv2.IApplicationLoadBalancer;
  readonly targetGroup: elbv2.IApplicationTargetGroup;
  /** Receives the alarms by e-mail when given (the subscription must be confirmed). */
  readonly alarmEmail?: string;
}

/** Percentage of requests answered 5xx, over a minute, above which the API is failing. */
export const SERVER_ERROR_RATE_THRESHOLD_PERCENT = 5;

const ONE_MINUTE = Duration.minutes(1);

/**
 * What tells an operator the API is unwell: the server's log group, and alarms on the share
 * of 5xx answers and on unhealthy targets, sent to an encrypted SNS topic.
 */
export class ObservabilityStack extends Stack {
  readonly serverLogGroup: logs.LogGroup;
  readonly alarmTopic: sns.Topic;
  readonly serverErrorRateAlarm: cloudwatch.Alarm;
  readonly unhealthyHostsAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: ObservabilityStackProps) {
    super(scope, id, props);
    this.serverLogGroup = new logs.LogGroup(this, 'ServerLogs', {
      logGroupName: props.serverLogGroupName,
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.allowInstancesToWriteLogs(props.instanceRole);
    this.alarmTopic = this.createAlarmTopic(props.alarmEmail);
    this.serverErrorRateAlarm = this.alarmOnServerErrorRate(props.loadBalancer);
    this.unhealthyHostsAlarm = this.alarmOnUnhealthyHosts(props.targetGroup);
    for (const alarm of [this.serverErrorRateAlarm, this.unhealthyHostsAlarm]) {
      alarm.addAlarmAction(new actions.SnsAction(this.alarmTopic));
      alarm.addOkAction(new actions.SnsAction(this.alarmTopic));
    }
    this.addOutputs();
  }

  /**
   * A policy of this stack attached to the back end's role, not a grant on the role: that
   * would make the back-end stack depend on this one, which already depends on it.
   */
  private allowInstancesToWriteLogs(instanceRole: iam.IRole): void {
    new iam.Policy(this, 'InstancesWriteServerLogs', {
      roles: [instanceRole],
      statements: [new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
        // The log group's ARN as CloudFormation gives it ends in ":*", which covers its streams.
        resources: [this.serverLogGroup.logGroupArn],
      })],
    });
  }

  /** SNS topic encrypted with a key CloudWatch may use: the AWS-managed SNS key does not allow it. */
  private createAlarmTopic(alarmEmail?: string): sns.Topic {
    const key = new kms.Key(this, 'AlarmTopicKey', {
      description: 'Encrypts the Analyst Toolkit alarm topic',
      enableKeyRotation: true,
    });
    key.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'AllowCloudWatchAlarmsToEncrypt',
      principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'],
      conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
    }));
    const topic = new sns.Topic(this, 'AlarmTopic', {
      displayName: 'Analyst Toolkit alarms',
      masterKey: key,
      enforceSSL: true,
    });
    topic.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'AllowCloudWatchAlarmsToPublish',
      principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
      actions: ['sns:Publish'],
      resources: [topic.topicArn],
      conditions: {
        ArnLike: { 'aws:SourceArn': `arn:${this.partition}:cloudwatch:${this.region}:${this.account}:alarm:*` },
      },
    }));
    if (alarmEmail !== undefined) topic.addSubscription(new subscriptions.EmailSubscription(alarmEmail));
    return topic;
  }

  /**
   * 5xx answers as a percentage of requests, counting the load balancer's own 5xx (503 when no
   * target is healthy, 502/504 when one fails mid-request) as well as the server's. The load
   * balancer's 503s without a chosen target are not in RequestCount, hence their addition below.
   */
  private alarmOnServerErrorRate(loadBalancer: elbv2.IApplicationLoadBalancer): cloudwatch.Alarm {
    const sum = { period: ONE_MINUTE, statistic: cloudwatch.Stats.SUM };
    const rate = new cloudwatch.MathExpression({
      label: '5xx answers (% of requests)',
      period: ONE_MINUTE,
      expression:
        'IF((FILL(requests, 0) + FILL(elb5xx, 0)) > 0, ' +
        '100 * (FILL(target5xx, 0) + FILL(elb5xx, 0)) / (FILL(requests, 0) + FILL(elb5xx, 0)), 0)',
      usingMetrics: {
        requests: loadBalancer.metrics.requestCount(sum),
        target5xx: loadBalancer.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, sum),
        elb5xx: loadBalancer.metrics.httpCodeElb(elbv2.HttpCodeElb.ELB_5XX_COUNT, sum),
      },
    });
    return rate.createAlarm(this, 'ServerErrorRate', {
      alarmDescription:
        `More than ${SERVER_ERROR_RATE_THRESHOLD_PERCENT}% of API requests answered 5xx in 3 of ` +
        'the last 5 minutes',
      threshold: SERVER_ERROR_RATE_THRESHOLD_PERCENT,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 5,
      datapointsToAlarm: 3,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }

  /** Any target failing /healthz for 3 minutes in a row; deploys drain targets, so they do not count. */
  private alarmOnUnhealthyHosts(targetGroup: elbv2.IApplicationTargetGroup): cloudwatch.Alarm {
    return targetGroup.metrics
      .unhealthyHostCount({ period: ONE_MINUTE, statistic: cloudwatch.Stats.MAXIMUM })
      .createAlarm(this, 'UnhealthyHosts', {
        alarmDescription: 'At least one API instance failed its load balancer health check (/healthz) for 3 minutes',
        threshold: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 3,
        datapointsToAlarm: 3,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
  }

  private addOutputs(): void {
    new CfnOutput(this, 'ServerLogGroupName', { value: this.serverLogGroup.logGroupName });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarmTopic.topicArn });
  }
}
