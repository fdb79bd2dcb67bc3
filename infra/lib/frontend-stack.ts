import { CfnOutput, Duration, Stack, StackProps } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as targets from 'aws-cdk-lib/aws-route53-targets';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { AccessLogsBucket } from './access-logs-bucket';
import { Colour, HostedZoneConfig } from './config';
import { addAliasRecords, importHostedZone } from './dns';

export interface FrontendStackProps extends StackProps {
  /** The web UI's name: the distribution's alias and the certificate's name. */
  readonly domainName: string;
  /** The API's name: the page calls https://<apiDomainName>, so the CSP must allow it. */
  readonly apiDomainName: string;
  readonly hostedZone: HostedZoneConfig;
  /** A certificate for domainName in us-east-1 (from CertificateStack) ... */
  readonly certificate?: acm.ICertificate;
  /** ... or the ARN of an existing one: exactly one of the two. */
  readonly certificateArn?: string;
  /** The bucket the distribution serves after this deploy; publish.sh switches between deploys. */
  readonly liveColour: Colour;
  /** An existing WAF web ACL (CLOUDFRONT scope) to attach; none when absent. */
  readonly webAclArn?: string;
}

/**
 * The page's Content-Security-Policy as `analyst-toolkit serve` sends it for its own UI
 * (server/static_files.hpp, kPageSecurityPolicy), with the API's origin added to connect-src:
 * behind CloudFront the page and the API have different origins.
 */
export function pageSecurityPolicy(apiDomainName: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' https://${apiDomainName}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The web UI: two private buckets (blue and green) behind one CloudFront distribution that
 * reads them through origin access control, with SPA routing, security headers and its alias.
 * Both buckets let the distribution read them, so that publish.sh can switch the origin from
 * one to the other without a CDK deploy.
 */
export class FrontendStack extends Stack {
  readonly distribution: cloudfront.Distribution;
  readonly buckets: Readonly<Record<Colour, s3.Bucket>>;

  constructor(scope: Construct, id: string, props: FrontendStackProps) {
    super(scope, id, { ...props, crossRegionReferences: true });
    const logs = new AccessLogsBucket(this, 'AccessLogs', { acceptsCloudFrontLogs: true });
    this.buckets = {
      blue: this.siteBucket('blue', logs),
      green: this.siteBucket('green', logs),
    };
    this.distribution = this.createDistribution(props, logs);
    // The origin grants the live bucket; the idle one needs the same grant for publish.sh.
    this.allowDistributionToRead(this.buckets[otherColour(props.liveColour)]);
    addAliasRecords(this, importHostedZone(this, props.hostedZone), props.domainName,
      new targets.CloudFrontTarget(this.distribution));
    this.addOutputs(props);
  }

  private siteBucket(colour: Colour, logs: s3.IBucket): s3.Bucket {
    return new s3.Bucket(this, `${capitalise(colour)}Bucket`, {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: `s3/${colour}/`,
    });
  }

  private createDistribution(props: FrontendStackProps, logs: s3.IBucket): cloudfront.Distribution {
    const distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `Analyst Toolkit web UI (${props.domainName})`,
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.buckets[props.liveColour]),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.securityHeaders(props.apiDomainName),
        compress: true,
      },
      defaultRootObject: 'index.html',
      // The page routes on the client: an unknown path is a page route, answered by index.html.
      // Without s3:ListBucket a missing object is a 403, not a 404, so both are mapped.
      errorResponses: [403, 404].map((httpStatus) => ({
        httpStatus,
        responseHttpStatus: 200,
        responsePagePath: '/index.html',
        ttl: Duration.seconds(10),
      })),
      domainNames: [props.domainName],
      certificate: this.certificate(props),
      minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      enableIpv6: true,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      webAclId: props.webAclArn,
    });
    this.suppressDistributionFindings(distribution, props.webAclArn !== undefined);
    return distribution;
  }

  private certificate(props: FrontendStackProps): acm.ICertificate {
    if ((props.certificate === undefined) === (props.certificateArn === undefined)) {
      throw new Error('FrontendStack needs exactly one of certificate and certificateArn');
    }
    return props.certificate
      ?? acm.Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn!);
  }

  private securityHeaders(apiDomainName: string): cloudfront.ResponseHeadersPolicy {
    return new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Analyst Toolkit web UI: HSTS, CSP, no framing, no sniffing, no referrer',
      securityHeadersBehavior: {
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          preload: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.NO_REFERRER, override: true },
        contentSecurityPolicy: { contentSecurityPolicy: pageSecurityPolicy(apiDomainName), override: true },
      },
    });
  }

  /**
   * Lets this distribution, and only it, read the bucket's objects through origin access
   * control: the statement S3BucketOrigin.withOriginAccessControl writes for the live bucket.
   */
  private allowDistributionToRead(bucket: s3.Bucket): void {
    bucket.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'AllowThisDistributionToRead',
      principals: [new iam.ServicePrincipal('cloudfront.amazonaws.com')],
      actions: ['s3:GetObject'],
      resources: [bucket.arnForObjects('*')],
      conditions: { StringEquals: { 'AWS:SourceArn': this.distribution.distributionArn } },
    }));
  }

  private suppressDistributionFindings(distribution: cloudfront.Distribution, hasWebAcl: boolean): void {
    NagSuppressions.addResourceSuppressions(distribution, [
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'The UI is a static page for analysts wherever they work; it holds no data, so no ' +
          'country needs to be blocked.',
      },
      ...(hasWebAcl ? [] : [{
        id: 'AwsSolutions-CFR2',
        reason:
          'The distribution serves only the static, read-only files of the UI (GET and HEAD, no ' +
          'forms, no API); a web ACL can be attached with the cloudFrontWebAclArn context value.',
      }]),
    ]);
  }

  private addOutputs(props: FrontendStackProps): void {
    new CfnOutput(this, 'DistributionId', {
      value: this.distribution.distributionId,
      description: 'CloudFront distribution of the web UI (publish.sh --distribution-id)',
    });
    new CfnOutput(this, 'DistributionDomainName', { value: this.distribution.distributionDomainName });
    new CfnOutput(this, 'BlueBucketName', {
      value: this.buckets.blue.bucketName,
      description: 'Blue bucket of the web UI (publish.sh --blue-bucket)',
    });
    new CfnOutput(this, 'GreenBucketName', {
      value: this.buckets.green.bucketName,
      description: 'Green bucket of the web UI (publish.sh --green-bucket)',
    });
    new CfnOutput(this, 'LiveColourAtDeploy', {
      value: props.liveColour,
      description: 'Bucket served after the last CDK deploy; publish.sh may have switched since',
    });
    new CfnOutput(this, 'WebUrl', { value: `https://${props.domainName}/` });
  }
}

function otherColour(colour: Colour): Colour {
  return colour === 'blue' ? 'green' : 'blue';
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
