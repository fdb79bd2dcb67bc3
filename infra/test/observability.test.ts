import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { buildExample, crossStackValue, getAttOf, propertiesOf, refTo } from './example-app';

const stacks = buildExample();
const template = Template.fromStack(stacks.observability);
const backend = Template.fromStack(stacks.backend);
const topic = refTo(stacks.observability.alarmTopic);

function alarm(construct: Parameters<typeof refTo>[0]): Record<string, any> {
  return template.toJSON().Resources[refTo(construct).Ref].Properties;
}

describe('server log group', () => {
  it('keeps the server\'s logs 30 days under the name the instances use', () => {
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: '/analyst-toolkit/prod/server',
      RetentionInDays: 30,
    });
  });

  it('is writable by the instance role, and only that log group', () => {
    const [policy] = propertiesOf(template, 'AWS::IAM::Policy');
    expect(crossStackValue(policy.Roles[0], backend)).toEqual(refTo(stacks.backend.instanceRole));
    expect(policy.PolicyDocument.Statement).toEqual([expect.objectContaining({
      Action: ['logs:CreateLogStream', 'logs:DescribeLogStreams', 'logs:PutLogEvents'],
      Resource: getAttOf(stacks.observability.serverLogGroup, 'Arn'),
    })]);
  });
});

describe('5xx rate alarm', () => {
  const properties = alarm(stacks.observability.serverErrorRateAlarm);
  const metricsById = Object.fromEntries(properties.Metrics.map((metric: any) => [metric.Id, metric]));

  it('alarms when over 5% of requests are answered 5xx by the server or the load balancer', () => {
    expect(properties).toMatchObject({
      ComparisonOperator: 'GreaterThanThreshold', Threshold: 5, EvaluationPeriods: 5, DatapointsToAlarm: 3,
      TreatMissingData: 'notBreaching',
    });
    const metricNames = Object.fromEntries(Object.entries(metricsById)
      .filter(([, metric]: [string, any]) => metric.MetricStat)
      .map(([id, metric]: [string, any]) => [id, metric.MetricStat.Metric.MetricName]));
    expect(metricNames).toEqual({
      requests: 'RequestCount', target5xx: 'HTTPCode_Target_5XX_Count', elb5xx: 'HTTPCode_ELB_5XX_Count',
    });
    const [expression] = properties.Metrics.filter((metric: any) => metric.Expression);
    expect(expression.ReturnData).not.toBe(false);
    expect(expression.Expression).toContain('100 * (FILL(target5xx, 0) + FILL(elb5xx, 0))');
  });

  it('watches the back end\'s load balancer', () => {
    for (const id of ['requests', 'target5xx', 'elb5xx']) {
      const { Metric } = metricsById[id].MetricStat;
      expect(Metric.Namespace).toBe('AWS/ApplicationELB');
      expect(crossStackValue(Metric.Dimensions[0].Value, backend)).toEqual(getAttOf(stacks.backend.loadBalancer, 'LoadBalancerFullName'));
      expect(metricsById[id].MetricStat.Stat).toBe('Sum');
    }
  });
});

describe('unhealthy hosts alarm', () => {
  it('alarms when any target of the back end\'s target group is unhealthy for 3 minutes', () => {
    const properties = alarm(stacks.observability.unhealthyHostsAlarm);
    expect(properties).toMatchObject({
      Namespace: 'AWS/ApplicationELB', MetricName: 'UnHealthyHostCount', Statistic: 'Maximum',
      ComparisonOperator: 'GreaterThanOrEqualToThreshold', Threshold: 1, EvaluationPeriods: 3,
    });
    const dimensions = Object.fromEntries(properties.Dimensions.map((d: any) => [d.Name, crossStackValue(d.Value, backend)]));
    expect(dimensions.TargetGroup).toEqual(getAttOf(stacks.backend.targetGroup, 'TargetGroupFullName'));
    // The load balancer's name is cut out of the ARN of the listener the target group sits behind.
    expect(JSON.stringify(dimensions.LoadBalancer)).toContain(JSON.stringify(refTo(stacks.backend.loadBalancer.listeners[0])));
  });
});

describe('alarm topic', () => {
  it('receives both alarms and their recovery', () => {
    for (const construct of [stacks.observability.serverErrorRateAlarm, stacks.observability.unhealthyHostsAlarm]) {
      expect(alarm(construct)).toMatchObject({ AlarmActions: [topic], OKActions: [topic] });
    }
  });

  it('is encrypted with a rotated key that CloudWatch may use, and refuses publishing without TLS', () => {
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: getAttOf(stacks.observability.alarmTopic.masterKey!, 'Arn') });
    template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: { Statement: Match.arrayWith([Match.objectLike({ Principal: { Service: 'cloudwatch.amazonaws.com' } })]) },
    });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        })]),
      },
    });
  });

  it('mails the alarms only when alarmEmail is given', () => {
    template.resourceCountIs('AWS::SNS::Subscription', 0);
    Template.fromStack(buildExample({ alarmEmail: 'ops@example.com' }).observability)
      .hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.com', TopicArn: Match.anyValue() });
  });
});
