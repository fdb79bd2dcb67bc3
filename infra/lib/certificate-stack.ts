import { Stack, StackProps } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import { Construct } from 'constructs';
import { CLOUDFRONT_CERTIFICATE_REGION, HostedZoneConfig } from './config';
import { importHostedZone } from './dns';

export interface CertificateStackProps extends StackProps {
  /** The web UI's name, the only name on the certificate. */
  readonly domainName: string;
  /** The zone where the DNS validation record is written. */
  readonly hostedZone: HostedZoneConfig;
}

/**
 * The web UI's TLS certificate, in us-east-1 because CloudFront only uses certificates from
 * there. Only built when no existing certificate ARN is given. Other regions' stacks read the
 * certificate through cross-region references.
 */
export class CertificateStack extends Stack {
  readonly certificate: acm.ICertificate;

  constructor(scope: Construct, id: string, props: CertificateStackProps) {
    super(scope, id, { ...props, crossRegionReferences: true });
    if (this.region !== CLOUDFRONT_CERTIFICATE_REGION) {
      throw new Error(`CertificateStack must be in ${CLOUDFRONT_CERTIFICATE_REGION} (CloudFront's region), not ${this.region}`);
    }
    this.certificate = new acm.Certificate(this, 'Certificate', {
      domainName: props.domainName,
      validation: acm.CertificateValidation.fromDns(importHostedZone(this, props.hostedZone)),
    });
  }
}
