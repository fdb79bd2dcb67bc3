import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';

export interface AccessLogsBucketProps {
  /**
   * CloudFront's standard logs are delivered through an object ACL, so a bucket receiving them
   * must keep ACLs enabled (object writer ownership). S3 server access logs and load balancer
   * logs are authorised by bucket policy and need no ACL.
   */
  readonly acceptsCloudFrontLogs?: boolean;
}

/** How long access logs are kept: long enough to investigate an incident reported late. */
const LOG_RETENTION = Duration.days(365);

/**
 * A private bucket that receives access logs (S3 server access logs, CloudFront, load balancer)
 * of one stack. S3-managed encryption: load balancer log delivery does not support KMS keys.
 */
export class AccessLogsBucket extends s3.Bucket {
  constructor(scope: Construct, id: string, props: AccessLogsBucketProps = {}) {
    super(scope, id, {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: props.acceptsCloudFrontLogs
        ? s3.ObjectOwnership.OBJECT_WRITER
        : s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: LOG_RETENTION }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    NagSuppressions.addResourceSuppressions(this, [
      {
        id: 'AwsSolutions-S1',
        reason:
          'This bucket is itself the access-log destination; logging it would need another log ' +
          'bucket, which would raise the same finding in turn.',
      },
    ]);
  }
}
