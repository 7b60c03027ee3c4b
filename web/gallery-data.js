// The gallery: real alarms with events that must and must not trigger them.
// The CIS AWS Foundations Benchmark's CloudTrail metric filters (section 4,
// "Monitoring"; patterns as the benchmark gives them) and the seed's
// policy-change alarm. The events are written for cwlf in CloudTrail's
// documented record format with AWS's documentation placeholder values
// (account 111122223333, EXAMPLE keys, 192.0.2.0/24 and 198.51.100.0/24);
// tests/node/gallery.test.mjs checks every verdict with the engine.
import { seedEvents, seedPattern } from './seed-example.js';

const ACCOUNT = '111122223333';

const IDENTITIES = {
  alice: {
    type: 'IAMUser', principalId: 'AIDAJ45Q7YFFAREXAMPLE', arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
    accountId: ACCOUNT, accessKeyId: 'AKIAIOSFODNN7EXAMPLE', userName: 'alice',
  },
  role: {
    type: 'AssumedRole', principalId: 'AROA3EXAMPLEROLEID:deploy', arn: `arn:aws:sts::${ACCOUNT}:assumed-role/deploy-role/deploy`,
    accountId: ACCOUNT, accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
    sessionContext: {
      sessionIssuer: { type: 'Role', principalId: 'AROA3EXAMPLEROLEID', arn: `arn:aws:iam::${ACCOUNT}:role/deploy-role`, accountId: ACCOUNT, userName: 'deploy-role' },
      attributes: { creationDate: '2026-11-20T09:00:00Z', mfaAuthenticated: 'false' },
    },
  },
  root: { type: 'Root', principalId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:root`, accountId: ACCOUNT, accessKeyId: 'ASIAIOSFODNN7EXAMPLE' },
  service: { type: 'AWSService', invokedBy: 'cloudtrail.amazonaws.com' },
};

let counter = 0;
// A CloudTrail record, pretty-printed as the console shows it.
function record({ who = 'alice', eventSource, eventName, extra = {} }) {
  counter += 1;
  const n = String(counter).padStart(5, '0');
  return JSON.stringify({
    eventVersion: '1.08',
    userIdentity: IDENTITIES[who],
    eventTime: `2026-11-20T09:${String(counter % 60).padStart(2, '0')}:00Z`,
    eventSource,
    eventName,
    awsRegion: 'us-east-1',
    sourceIPAddress: who === 'service' ? 'cloudtrail.amazonaws.com' : '192.0.2.10',
    userAgent: who === 'service' ? 'cloudtrail.amazonaws.com' : 'aws-cli/2.15.0',
    requestParameters: null,
    responseElements: null,
    ...extra,
    requestID: `7e9d3f0c-5b2a-4c61-9f0e-EXAMPLE${n}`,
    eventID: `4c8e2a61-0d3b-4f7e-a1c2-EXAMPLE${n}`,
    readOnly: false,
    eventType: who === 'service' ? 'AwsServiceEvent' : 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: ACCOUNT,
  }, null, 4);
}

function alarm(id, title, pattern, samples, note = '') {
  return {
    id, title, pattern, note,
    events: samples.map((s) => s.text).join('\n\n'),
    expected: samples.map((s) => s.match),
  };
}
const yes = (spec) => ({ text: record(spec), match: true });
const no = (spec) => ({ text: record(spec), match: false });

export const GALLERY = [
  {
    id: 'seed', title: 'IAM policy changes, except one maintenance role (the worked example)', pattern: seedPattern,
    events: seedEvents, expected: [false, true, false, false],
    note: 'Event #3 is the trap: an IAM user’s policy change slips through the exclusion.',
  },
  alarm('cis-4.1', 'CIS 4.1 — Unauthorized API calls',
    '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }', [
      yes({ eventSource: 'ec2.amazonaws.com', eventName: 'RunInstances', extra: { errorCode: 'Client.UnauthorizedOperation', errorMessage: 'You are not authorized to perform this operation.' } }),
      yes({ eventSource: 's3.amazonaws.com', eventName: 'GetBucketPolicy', extra: { errorCode: 'AccessDenied', errorMessage: 'Access Denied' } }),
      no({ eventSource: 'ec2.amazonaws.com', eventName: 'DescribeInstances' }),
    ]),
  alarm('cis-4.2', 'CIS 4.2 — Console sign-in without MFA',
    '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }', [
      yes({ eventSource: 'signin.amazonaws.com', eventName: 'ConsoleLogin', extra: { additionalEventData: { LoginTo: 'https://console.aws.amazon.com/', MobileVersion: 'No', MFAUsed: 'No' }, responseElements: { ConsoleLogin: 'Success' } } }),
      no({ eventSource: 'signin.amazonaws.com', eventName: 'ConsoleLogin', extra: { additionalEventData: { MFAUsed: 'Yes' }, responseElements: { ConsoleLogin: 'Success' } } }),
      no({ who: 'role', eventSource: 'signin.amazonaws.com', eventName: 'ConsoleLogin', extra: { responseElements: { ConsoleLogin: 'Success' } } }),
    ], 'The third sign-in (a federated role, no MFAUsed field) does not match: `!=` on a missing field is false.'),
  alarm('cis-4.3', 'CIS 4.3 — Usage of the root account',
    '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }', [
      yes({ who: 'root', eventSource: 'iam.amazonaws.com', eventName: 'CreateAccessKey' }),
      no({ who: 'alice', eventSource: 'iam.amazonaws.com', eventName: 'CreateAccessKey' }),
    ]),
  alarm('cis-4.4', 'CIS 4.4 — IAM policy changes',
    '{($.eventName=DeleteGroupPolicy)||($.eventName=DeleteRolePolicy)||($.eventName=DeleteUserPolicy)||($.eventName=PutGroupPolicy)||($.eventName=PutRolePolicy)||($.eventName=PutUserPolicy)||($.eventName=CreatePolicy)||($.eventName=DeletePolicy)||($.eventName=CreatePolicyVersion)||($.eventName=DeletePolicyVersion)||($.eventName=AttachRolePolicy)||($.eventName=DetachRolePolicy)||($.eventName=AttachUserPolicy)||($.eventName=DetachUserPolicy)||($.eventName=AttachGroupPolicy)||($.eventName=DetachGroupPolicy)}', [
      yes({ eventSource: 'iam.amazonaws.com', eventName: 'PutUserPolicy', extra: { requestParameters: { userName: 'alice', policyName: 'inline-s3' } } }),
      yes({ who: 'role', eventSource: 'iam.amazonaws.com', eventName: 'AttachRolePolicy', extra: { requestParameters: { roleName: 'app-runtime', policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' } } }),
      no({ eventSource: 'iam.amazonaws.com', eventName: 'GetPolicy' }),
    ], 'Every caller alerts, IAM users and root included: compare the worked example with it to see what its exclusion loses.'),
  alarm('cis-4.5', 'CIS 4.5 — CloudTrail configuration changes',
    '{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }', [
      yes({ eventSource: 'cloudtrail.amazonaws.com', eventName: 'StopLogging', extra: { requestParameters: { name: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/management` } } }),
      no({ eventSource: 'cloudtrail.amazonaws.com', eventName: 'DescribeTrails' }),
    ]),
  alarm('cis-4.6', 'CIS 4.6 — Console authentication failures',
    '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }', [
      yes({ eventSource: 'signin.amazonaws.com', eventName: 'ConsoleLogin', extra: { errorMessage: 'Failed authentication', responseElements: { ConsoleLogin: 'Failure' } } }),
      no({ eventSource: 'signin.amazonaws.com', eventName: 'ConsoleLogin', extra: { responseElements: { ConsoleLogin: 'Success' } } }),
    ]),
  alarm('cis-4.7', 'CIS 4.7 — Disabling or scheduled deletion of customer-managed KMS keys',
    '{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) }', [
      yes({ eventSource: 'kms.amazonaws.com', eventName: 'ScheduleKeyDeletion', extra: { requestParameters: { keyId: '1234abcd-12ab-34cd-56ef-1234567890ab', pendingWindowInDays: 30 } } }),
      no({ eventSource: 'kms.amazonaws.com', eventName: 'Decrypt' }),
    ]),
  alarm('cis-4.8', 'CIS 4.8 — S3 bucket policy changes',
    '{ ($.eventSource = s3.amazonaws.com) && (($.eventName = PutBucketAcl) || ($.eventName = PutBucketPolicy) || ($.eventName = PutBucketCors) || ($.eventName = PutBucketLifecycle) || ($.eventName = PutBucketReplication) || ($.eventName = DeleteBucketPolicy) || ($.eventName = DeleteBucketCors) || ($.eventName = DeleteBucketLifecycle) || ($.eventName = DeleteBucketReplication)) }', [
      yes({ eventSource: 's3.amazonaws.com', eventName: 'PutBucketPolicy', extra: { requestParameters: { bucketName: 'amzn-s3-demo-bucket' } } }),
      no({ eventSource: 's3.amazonaws.com', eventName: 'GetBucketPolicy', extra: { requestParameters: { bucketName: 'amzn-s3-demo-bucket' } } }),
    ]),
  alarm('cis-4.10', 'CIS 4.10 — Security group changes',
    '{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) }', [
      yes({ who: 'role', eventSource: 'ec2.amazonaws.com', eventName: 'AuthorizeSecurityGroupIngress', extra: { requestParameters: { groupId: 'sg-0123456789abcdef0' } } }),
      no({ who: 'role', eventSource: 'ec2.amazonaws.com', eventName: 'DescribeSecurityGroups' }),
    ]),
  alarm('cis-4.14', 'CIS 4.14 — VPC changes',
    '{ ($.eventName = CreateVpc) || ($.eventName = DeleteVpc) || ($.eventName = ModifyVpcAttribute) || ($.eventName = AcceptVpcPeeringConnection) || ($.eventName = CreateVpcPeeringConnection) || ($.eventName = DeleteVpcPeeringConnection) || ($.eventName = RejectVpcPeeringConnection) || ($.eventName = AttachClassicLinkVpc) || ($.eventName = DetachClassicLinkVpc) || ($.eventName = DisableVpcClassicLink) || ($.eventName = EnableVpcClassicLink) }', [
      yes({ eventSource: 'ec2.amazonaws.com', eventName: 'DeleteVpc', extra: { requestParameters: { vpcId: 'vpc-0123456789abcdef0' } } }),
      no({ eventSource: 'ec2.amazonaws.com', eventName: 'DescribeVpcs' }),
    ]),
];
