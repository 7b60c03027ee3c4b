// Fills in dist/sw.js (see web/sw.js) for one build of the page:
//   __CWLF_BUILD__  a hash of every file the service worker serves, so that
//                   any change to the page makes a new cache (and a new sw.js,
//                   which browsers notice and install in the background);
//   __CWLF_FILES__  the list of those files, cached on install;
//   __CWLF_SW_ENABLED__  false with CWLF_SERVICE_WORKER=off: the worker then
//                   removes the offline copy instead (docs/hosting.md).
//
//   [CWLF_SERVICE_WORKER=off] node scripts/stamp-service-worker.mjs STAGE_DIR
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir] = process.argv.slice(2);
const swPath = join(dir, 'sw.js');
const files = readdirSync(dir).filter((f) => f !== 'sw.js' && f !== 'package.json' && !f.startsWith('.')).sort();
const hash = createHash('sha256');
for (const f of files) {
  hash.update(f).update('\0').update(readFileSync(join(dir, f))).update('\0');
}
const build = hash.digest('hex').slice(0, 16);
const sw = readFileSync(swPath, 'utf8');
if (!sw.includes("'__CWLF_BUILD__'") || !sw.includes('__CWLF_FILES__') || !sw.includes('__CWLF_SW_ENABLED__')) {
  console.error('stamp-service-worker: sw.js lacks one of __CWLF_BUILD__, __CWLF_FILES__, __CWLF_SW_ENABLED__');
  process.exit(1);
}
writeFileSync(swPath, sw
  .replace("'__CWLF_BUILD__'", JSON.stringify(build))
  .replace('__CWLF_FILES__', JSON.stringify(files.map((f) => `./${f}`)))
  .replace('__CWLF_SW_ENABLED__', String(process.env.CWLF_SERVICE_WORKER !== 'off')));
console.log(`service worker: build ${build}, ${files.length} files`);
