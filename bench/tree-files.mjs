// The .json.gz files of a CloudTrail tree (bench/cloudtrail-tree.sh writes one
// under build/bench-data/tree), in path order: what the tree benchmarks
// (page_inflate.mjs, page_tree.mjs, wasm_tree.mjs) read. A loop over a stack
// of folders, not recursion.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export function treeFiles(tree) {
  if (!existsSync(tree)) throw new Error(`no tree at ${tree}: run bench/cloudtrail-tree.sh first`);
  const files = [];
  const folders = [tree];
  while (folders.length > 0) {
    const dir = folders.pop();
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) folders.push(p);
      else if (p.endsWith('.json.gz')) files.push(p);
    }
  }
  return files.sort();
}
