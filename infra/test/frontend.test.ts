import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Capture, Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { pageSecurityPolicy } from '../lib/frontend-stack';
import { buildExample, getAttOf, propertiesOf, refTo } from './example-app';

const stacks = buildExample();
const template = Template.fromStack(stacks.frontend);
const { blue, green } = stacks.frontend.buckets;

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self'; connect-src 'self' https://api.example.com; object-src 'none'; base-uri 'none'; " +
  "form-action 'self'; frame-ancestors 'none'";

function distributionConfig(t: Template = template): Record<string, any> {
  const [distribution] = propertiesOf(t, 'AWS::CloudFront::Distribution');
  return distribution.DistributionConfig;
}

/** The statements of the policy of the bucket `bucket` in `t`. */
function bucketPolicyStatements(t: Template, bucket: { Ref: string }): any[] {
  const policies = propertiesOf(t, 'AWS::S3::BucketPolicy').filter((p) => JSON.stringify(p.Bucket) === JSON.stringify(bucket));
  expect(policies).toHaveLength(1);
  return policies[0].PolicyDocument.Statement;
}

describe('front-end buckets', () => {
  it.each([['blue', blue], ['green', green]] as const)('the %s bucket is private, owner-enforced, encrypted and logged', (_, bucket) => {
    expect(template.toJSON().Resources[refTo(bucket).Ref].Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true,
      },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      LoggingConfiguration: { DestinationBucketName: expect.anything() },
    });
  });

  it.each([['blue', blue], ['green', green]] as const)('the %s bucket refuses requests without TLS', (_, bucket) => {
    expect(bucketPolicyStatements(template, refTo(bucket))).toContainEqual(expect.objectContaining({
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: 's3:*',
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    }));
  });

  it.each(['blue', 'green'] as const)('with %s live, both buckets let this distribution, and only it, read objects', (liveColour) => {
    const built = buildExample({ liveColour });
    const t = Template.fromStack(built.frontend);
    for (const bucket of [built.frontend.buckets.blue, built.frontend.buckets.green]) {
      const reads = bucketPolicyStatements(t, refTo(bucket)).filter((s) => s.Effect === 'Allow' && s.Action === 's3:GetObject');
      expect(reads.length).toBeGreaterThanOrEqual(1);
      for (const read of reads) {
        expect(read.Principal).toEqual({ Service: 'cloudfront.amazonaws.com' });
        const sourceArn = JSON.stringify(read.Condition.StringEquals['AWS:SourceArn']);
        expect(sourceArn).toContain(':distribution/');
        expect(sourceArn).toContain(JSON.stringify(refTo(built.frontend.distribution)));
      }
    }
  });

  it('no bucket serves a website or grants public reads', () => {
    for (const bucket of propertiesOf(template, 'AWS::S3::Bucket')) expect(bucket.WebsiteConfiguration).toBeUndefined();
    for (const policy of propertiesOf(template, 'AWS::S3::BucketPolicy')) {
      for (const statement of policy.PolicyDocument.Statement) {
        if (statement.Effect === 'Allow') expect(statement.Principal).not.toEqual({ AWS: '*' });
      }
    }
  });
});

describe('CloudFront distribution', () => {
  it('reads the live bucket through origin access control, never an origin access identity', () => {
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    template.resourceCountIs('AWS::CloudFront::CloudFrontOriginAccessIdentity', 0);
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' },
    });
    const [oacId] = Object.keys(template.findResources('AWS::CloudFront::OriginAccessControl'));
    const origins = distributionConfig().Origins;
    expect(origins).toHaveLength(1);
    expect(origins[0]).toMatchObject({
      DomainName: getAttOf(blue, 'RegionalDomainName'),
      OriginAccessControlId: { 'Fn::GetAtt': [oacId, 'Id'] },
      S3OriginConfig: { OriginAccessIdentity: '' },
    });
  });

  it('serves the green bucket when liveColour is green', () => {
    const built = buildExample({ liveColour: 'green' });
    const [origin] = distributionConfig(Template.fromStack(built.frontend)).Origins;
    expect(origin.DomainName).toEqual(getAttOf(built.frontend.buckets.green, 'RegionalDomainName'));
  });

  it('redirects HTTP to HTTPS, requires TLS 1.2 and answers on its alias with the certificate', () => {
    const config = distributionConfig();
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(config.DefaultCacheBehavior.AllowedMethods).toEqual(['GET', 'HEAD']);
    expect(config.ViewerCertificate).toMatchObject({ MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' });
    expect(config.ViewerCertificate.AcmCertificateArn).toBeDefined();
    expect(config.Aliases).toEqual(['app.example.com']);
    expect(config).toMatchObject({ HttpVersion: 'http2and3', PriceClass: 'PriceClass_100', IPV6Enabled: true });
  });

  it('routes the single-page app: index.html at the root and for 403 and 404, with status 200', () => {
    const config = distributionConfig();
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.CustomErrorResponses).toEqual(expect.arrayContaining([403, 404].map((code) => expect.objectContaining({
      ErrorCode: code, ResponseCode: 200, ResponsePagePath: '/index.html',
    }))));
  });

  it('logs requests to the stack\'s log bucket', () => {
    const logging = distributionConfig().Logging;
    expect(logging.Bucket['Fn::GetAtt'][1]).toBe('RegionalDomainName');
    template.hasResourceProperties('AWS::S3::Bucket', { OwnershipControls: { Rules: [{ ObjectOwnership: 'ObjectWriter' }] } });
  });

  it('attaches the security headers policy', () => {
    const [policyId] = Object.keys(template.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
    expect(distributionConfig().DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
  });

  it('attaches a web ACL only when one is given', () => {
    expect(distributionConfig().WebACLId).toBeUndefined();
    const webAcl = 'arn:aws:wafv2:us-east-1:111111111111:global/webacl/atk/0123';
    expect(distributionConfig(Template.fromStack(buildExample({ cloudFrontWebAclArn: webAcl }).frontend)).WebACLId).toBe(webAcl);
  });
});

describe('security headers', () => {
  it('sends HSTS for two years with preload, nosniff, DENY framing, no referrer and the CSP', () => {
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: {
          StrictTransportSecurity: {
            AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true, Preload: true, Override: true,
          },
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ReferrerPolicy: { ReferrerPolicy: 'no-referrer', Override: true },
          ContentSecurityPolicy: { ContentSecurityPolicy: CSP, Override: true },
        },
      },
    });
  });

  it('is the server\'s own page policy with the API origin added to connect-src', () => {
    const header = readFileSync(fileURLToPath(new URL('../../server/static_files.hpp', import.meta.url)), 'utf8');
    const declaration = header.slice(header.indexOf('kPageSecurityPolicy'));
    const serverPolicy = [...declaration.slice(0, declaration.indexOf(';\n')).matchAll(/"([^"]*)"/g)]
      .map((match) => match[1]).join('');
    expect(serverPolicy).toContain("connect-src 'self';");
    expect(pageSecurityPolicy('api.example.com'))
      .toBe(serverPolicy.replace("connect-src 'self'", "connect-src 'self' https://api.example.com"));
  });
});

describe('DNS and outputs', () => {
  it.each(['A', 'AAAA'])('points an %s alias record for the UI at the distribution', (type) => {
    template.hasResourceProperties('AWS::Route53::RecordSet', {
      Type: type,
      Name: 'app.example.com.',
      HostedZoneId: 'Z0123456789EXAMPLE',
      AliasTarget: {
        DNSName: getAttOf(stacks.frontend.distribution, 'DomainName'),
        HostedZoneId: Match.anyValue(),
      },
    });
  });

  it('outputs what publish.sh needs: the distribution id and both bucket names', () => {
    template.hasOutput('DistributionId', { Value: refTo(stacks.frontend.distribution) });
    template.hasOutput('BlueBucketName', { Value: refTo(blue) });
    template.hasOutput('GreenBucketName', { Value: refTo(green) });
  });

  it('keeps the distribution\'s certificate in us-east-1', () => {
    const arn = new Capture();
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ ViewerCertificate: Match.objectLike({ AcmCertificateArn: arn }) }),
    });
    expect(JSON.stringify(arn.asObject())).toContain('"Region":"us-east-1"');
  });
});
