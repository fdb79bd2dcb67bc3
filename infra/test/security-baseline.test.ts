// Properties every stack must keep, whatever it holds: checked over all resources of a type,
// so that a resource added later is covered without a new test.
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { buildExample, propertiesOf } from './example-app';

const stacks = buildExample();
const all: Stack[] = [stacks.certificate!, stacks.frontend, stacks.backend, stacks.delivery, stacks.observability];

describe.each(all.map((stack) => [stack.stackName, Template.fromStack(stack)] as const))('%s', (_, template) => {
  const buckets = template.findResources('AWS::S3::Bucket');

  it('blocks public access to and encrypts every bucket', () => {
    for (const bucket of Object.values(buckets)) {
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true,
      });
      expect(bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration).toHaveLength(1);
      expect(bucket.DeletionPolicy).toBe('Retain');
    }
  });

  it('refuses plain-HTTP requests to every bucket', () => {
    const policies = propertiesOf(template, 'AWS::S3::BucketPolicy');
    for (const id of Object.keys(buckets)) {
      const policy = policies.find((p) => p.Bucket?.Ref === id);
      expect(policy, `bucket ${id} has no policy`).toBeDefined();
      expect(policy!.PolicyDocument.Statement).toContainEqual(expect.objectContaining({
        Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }));
    }
  });

  it('grants no wildcard action on every resource', () => {
    const documents = [
      ...propertiesOf(template, 'AWS::IAM::Policy').map((p) => p.PolicyDocument),
      ...propertiesOf(template, 'AWS::IAM::Role').flatMap((r) => (r.Policies ?? []).map((p: any) => p.PolicyDocument)),
    ];
    for (const statement of documents.flatMap((document) => document.Statement)) {
      if (statement.Effect !== 'Allow') continue;
      const everyResource = [statement.Resource].flat().includes('*');
      for (const action of [statement.Action].flat()) {
        expect(action === '*' || (everyResource && action.endsWith(':*')), `${action} on ${statement.Resource}`).toBe(false);
      }
    }
  });

  it('opens no port to the internet but the load balancer\'s 443 and 80, and never 22', () => {
    const inline = propertiesOf(template, 'AWS::EC2::SecurityGroup').flatMap((group) => group.SecurityGroupIngress ?? []);
    for (const rule of [...inline, ...propertiesOf(template, 'AWS::EC2::SecurityGroupIngress')]) {
      const from = rule.FromPort ?? 0;
      const to = rule.ToPort ?? 65535;
      expect(from <= 22 && 22 <= to, JSON.stringify(rule)).toBe(false);
      if (rule.CidrIp === '0.0.0.0/0' || rule.CidrIpv6 === '::/0') {
        expect([443, 80]).toContain(from);
        expect(to).toBe(from);
      }
    }
  });

  it('uses no key pair', () => {
    for (const launchTemplate of propertiesOf(template, 'AWS::EC2::LaunchTemplate')) {
      expect(launchTemplate.LaunchTemplateData.KeyName).toBeUndefined();
    }
    template.resourceCountIs('AWS::EC2::KeyPair', 0);
  });
});
