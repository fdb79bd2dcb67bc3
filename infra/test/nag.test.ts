// cdk-nag's AwsSolutions pack runs on every stack (lib/app.ts adds it). v2 reports through
// Annotations: an unsuppressed finding is an error or warning annotation "AwsSolutions-...".
import { Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { buildExample, Context } from './example-app';

const variants: [string, Context][] = [
  ['the example context', {}],
  ['imported certificates, a web ACL, a KMS key for parameters and an alarm e-mail', {
    cloudFrontCertificateArn: 'arn:aws:acm:us-east-1:111111111111:certificate/11111111-2222-3333-4444-555555555555',
    apiCertificateArn: 'arn:aws:acm:eu-west-3:111111111111:certificate/66666666-7777-8888-9999-000000000000',
    cloudFrontWebAclArn: 'arn:aws:wafv2:us-east-1:111111111111:global/webacl/atk/0123',
    ssmKmsKeyArn: 'arn:aws:kms:eu-west-3:111111111111:key/0b4e6a39-8c5e-4f2b-9a53-3d8c1c8e0f11',
    alarmEmail: 'ops@example.com',
    liveColour: 'green',
  }],
];

function stacksOf(overrides: Context): Stack[] {
  const { certificate, frontend, backend, delivery, observability } = buildExample(overrides);
  return [certificate, frontend, backend, delivery, observability].filter((stack): stack is NonNullable<typeof stack> => stack !== undefined);
}

describe.each(variants)('cdk-nag AwsSolutions with %s', (_, overrides) => {
  const stacks = stacksOf(overrides);

  it.each(stacks.map((stack) => [stack.stackName, stack] as const))('%s has no unsuppressed error or warning', (_name, stack) => {
    const annotations = Annotations.fromStack(stack);
    const findings = [
      ...annotations.findError('*', Match.stringLikeRegexp('AwsSolutions-.*')),
      ...annotations.findWarning('*', Match.stringLikeRegexp('AwsSolutions-.*')),
    ];
    expect(findings.map((finding) => `${finding.id}: ${String(finding.entry.data).split('\n')[0]}`)).toEqual([]);
  });

  it.each(stacks.map((stack) => [stack.stackName, stack] as const))('%s justifies every suppression', (_name, stack) => {
    const resources = Object.values(Template.fromStack(stack).toJSON().Resources ?? {}) as any[];
    const suppressions = resources.flatMap((resource) => resource.Metadata?.cdk_nag?.rules_to_suppress ?? []);
    for (const suppression of suppressions) {
      expect(suppression.id).toMatch(/^AwsSolutions-/);
      // A reason says why the finding is acceptable here, not just that it is.
      expect(suppression.reason.length, `${suppression.id}: ${suppression.reason}`).toBeGreaterThanOrEqual(60);
    }
  });
});
