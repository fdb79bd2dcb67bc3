import * as route53 from 'aws-cdk-lib/aws-route53';
import { Construct } from 'constructs';
import { HostedZoneConfig } from './config';

/** The existing hosted zone, from its id and name: no lookup, so synthesis stays offline. */
export function importHostedZone(scope: Construct, zone: HostedZoneConfig): route53.IHostedZone {
  return route53.HostedZone.fromHostedZoneAttributes(scope, 'HostedZone', zone);
}

/** IPv4 and IPv6 alias records for `domainName`; the target must answer on both (dual stack). */
export function addAliasRecords(
  scope: Construct,
  zone: route53.IHostedZone,
  domainName: string,
  target: route53.IAliasRecordTarget,
): void {
  const common = { zone, recordName: domainName, target: route53.RecordTarget.fromAlias(target) };
  new route53.ARecord(scope, 'AliasIpv4', common);
  new route53.AaaaRecord(scope, 'AliasIpv6', common);
}
