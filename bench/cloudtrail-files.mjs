// Generated CloudTrail files for the page benchmarks (page_files.mjs,
// page_memory.mjs): records with varied ids, names, times and principals
// (placeholder values), written as a CloudTrail S3 object ({"Records":[…]} on
// one line, plain .json or gzip .json.gz) or as JSON Lines (.jsonl), until the
// file on disk reaches the asked size. Streamed to disk: the generator's own
// memory does not grow with the file either.
import { createWriteStream } from 'node:fs';
import { createGzip } from 'node:zlib';
import { once } from 'node:events';

const NAMES = ['DescribeInstances', 'GetObject', 'PutRolePolicy', 'AssumeRole', 'ConsoleLogin', 'AttachUserPolicy', 'ListBuckets', 'Decrypt'];
const USERS = ['alice', 'bob', 'carol', 'deploy-role', 'cm-policymaintainer'];

export function record(i) {
  const user = USERS[i % USERS.length];
  const role = user.endsWith('role') || user.startsWith('cm-');
  const hex = (i * 2654435761 >>> 0).toString(16).padStart(8, '0');
  return JSON.stringify({
    eventVersion: '1.08',
    userIdentity: role
      ? { type: 'AssumedRole', principalId: `AROA${hex}EXAMPLE:s${i}`, arn: `arn:aws:sts::111122223333:assumed-role/${user}/s${i}`, accountId: '111122223333',
        sessionContext: { sessionIssuer: { type: 'Role', arn: `arn:aws:iam::111122223333:role/${user}`, userName: user } } }
      : { type: 'IAMUser', principalId: `AIDA${hex}EXAMPLE`, arn: `arn:aws:iam::111122223333:user/${user}`, accountId: '111122223333', userName: user },
    eventTime: `2026-11-20T${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}Z`,
    eventSource: 'iam.amazonaws.com', eventName: NAMES[(i * 7) % NAMES.length], awsRegion: 'us-east-1',
    sourceIPAddress: `198.51.100.${i % 250}`, userAgent: 'aws-cli/2.15.0',
    requestParameters: { roleName: `role-${hex}`, policyName: `p-${(i * 31) % 9973}` },
    responseElements: null, requestID: `${hex}-${i}-EXAMPLE`, eventID: `${hex}-${i * 3}-EXAMPLE`,
    readOnly: i % 3 === 0, eventType: 'AwsApiCall', managementEvent: true, recipientAccountId: '111122223333',
  });
}

// Writes `path` (kind from its name: .json.gz, .json or .jsonl) until it
// holds at least targetMB × 10^6 bytes; returns the number of records.
export async function writeCloudTrail(path, targetMB) {
  const out = createWriteStream(path);
  const gzip = /\.gz$/.test(path) ? createGzip({ level: 6 }) : null;
  const sink = gzip || out;
  if (gzip) gzip.pipe(out);
  const lines = /\.jsonl$/.test(path);
  const write = async (text) => {
    if (!sink.write(text)) await once(sink, 'drain');
  };
  if (!lines) await write('{"Records":[');
  let i = 0;
  for (;;) {
    let batch = '';
    for (let k = 0; k < 2000; k += 1, i += 1) batch += lines ? `${record(i)}\n` : (i ? ',' : '') + record(i);
    await write(batch);
    if (out.bytesWritten + (gzip ? 0 : out.writableLength) >= targetMB * 1e6) break;
  }
  sink.end(lines ? '' : ']}');
  await once(out, 'finish');
  return i;
}
