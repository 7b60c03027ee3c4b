// The CloudTrail S3 layout for the directory benchmark (bench/cloudtrail-tree.sh):
// JSON Lines records (bench_generate's output) dealt into FILES files
// AWSLogs/<account>/CloudTrail/<region>/2026/11/<day>/<account>_CloudTrail_<region>_<time>_<n>.json.gz,
// each one line {"Records":[...]} gzipped, as CloudTrail delivers them.
//   node bench/cloudtrail-tree.mjs RECORDS.jsonl OUT_DIR [FILES=456]
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const [, , input, out, filesArg] = process.argv;
const files = Number(filesArg || 456);
const lines = readFileSync(input, 'utf8').split('\n').filter((l) => l.length > 0);
const regions = ['us-east-1', 'eu-west-1', 'ap-northeast-1'];
const per = Math.ceil(lines.length / files);
for (let f = 0; f < files; ++f) {
  const region = regions[f % regions.length];
  const day = String(1 + (f % 30)).padStart(2, '0');
  const dir = `${out}/AWSLogs/111122223333/CloudTrail/${region}/2026/11/${day}`;
  mkdirSync(dir, { recursive: true });
  const body = `{"Records":[${lines.slice(f * per, (f + 1) * per).join(',')}]}`;
  const name = `111122223333_CloudTrail_${region}_202611${day}T${String(f % 24).padStart(2, '0')}00Z_${String(f).padStart(4, '0')}.json.gz`;
  writeFileSync(`${dir}/${name}`, gzipSync(body));
}
