// Merges result files of several runs (e.g. one size per run) into one report:
//   npx tsx bench/merge.ts <out-name> <a.json> <b.json> …   → bench/results/<out-name>.{json,md}
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../server/config.ts';
import { writeResults, type BenchResults } from './report.ts';

const [name, ...files] = process.argv.slice(2);
if (!name || files.length === 0) {
  console.error('usage: bench/merge.ts <out-name> <results.json> [...]');
  process.exit(64);
}
const runs = files.map((f) => JSON.parse(fs.readFileSync(f, 'utf8')) as BenchResults);
const merged: BenchResults = {
  ...runs[0]!,
  command: runs.map((r) => r.command).join('  +  '),
  machine: Object.assign({}, ...runs.map((r) => r.machine)) as BenchResults['machine'],
  sizes: runs.flatMap((r) => r.sizes).sort((a, b) => a.entities - b.entities),
  notMeasured: [],
};
const measured = new Set(merged.sizes.map((s) => s.entities));
const seen = new Set<number>();
for (const m of runs.flatMap((r) => r.notMeasured)) {
  if (measured.has(m.entities) || seen.has(m.entities)) continue;
  seen.add(m.entities);
  merged.notMeasured.push(m);
}
const written = writeResults(path.join(REPO_ROOT, 'bench', 'results'), merged, name);
console.log(written.markdown);
