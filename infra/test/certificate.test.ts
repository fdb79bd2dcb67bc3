import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { buildExample, propertiesOf } from './example-app';

const CLOUDFRONT_CERTIFICATE = 'arn:aws:acm:us-east-1:111111111111:certificate/11111111-2222-3333-4444-555555555555';
const API_CERTIFICATE = 'arn:aws:acm:eu-west-3:111111111111:certificate/66666666-7777-8888-9999-000000000000';

describe('certificates made here', () => {
  const stacks = buildExample();

  it('puts the web UI\'s certificate in us-east-1, validated by DNS in the hosted zone', () => {
    expect(stacks.certificate?.region).toBe('us-east-1');
    Template.fromStack(stacks.certificate!).hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainName: 'app.example.com',
      ValidationMethod: 'DNS',
      DomainValidationOptions: [{ DomainName: 'app.example.com', HostedZoneId: 'Z0123456789EXAMPLE' }],
    });
  });

  it('puts every other stack in the back end\'s region', () => {
    for (const stack of [stacks.frontend, stacks.backend, stacks.delivery, stacks.observability]) {
      expect(stack.region).toBe('eu-west-3');
      expect(stack.account).toBe('111111111111');
    }
  });
});

describe('certificates given by ARN', () => {
  const stacks = buildExample({ cloudFrontCertificateArn: CLOUDFRONT_CERTIFICATE, apiCertificateArn: API_CERTIFICATE });

  it('builds no certificate stack and serves the given certificate from CloudFront', () => {
    expect(stacks.certificate).toBeUndefined();
    const [distribution] = propertiesOf(Template.fromStack(stacks.frontend), 'AWS::CloudFront::Distribution');
    expect(distribution.DistributionConfig.ViewerCertificate.AcmCertificateArn).toBe(CLOUDFRONT_CERTIFICATE);
  });

  it('makes no API certificate and serves the given one on the HTTPS listener', () => {
    const backend = Template.fromStack(stacks.backend);
    backend.resourceCountIs('AWS::CertificateManager::Certificate', 0);
    backend.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 443,
      Certificates: [{ CertificateArn: API_CERTIFICATE }],
    });
  });
});
