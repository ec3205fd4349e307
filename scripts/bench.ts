// npm run bench -- [--smoke] [--sizes 10000,100000] [--duration 5] [--rounds 3] [--uri bolt://…] [--out dir]
//                  [--baseline <dir of an earlier checkout>] [--neo4j-pid N (with --uri)] [--scenarios S1,S2]
//                  [--skip-client]
// What it measures and how: bench/run.ts.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runBench } from '../bench/run.ts';
import { REPO_ROOT } from '../server/config.ts';

const { values } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    duration: { type: 'string' },
    rounds: { type: 'string' },
    connections: { type: 'string', default: '16' },
    seed: { type: 'string', default: '42' },
    uri: { type: 'string' },
    out: { type: 'string' },
    heap: { type: 'string', default: '4g' },
    pagecache: { type: 'string', default: '4g' },
    'shard-size': { type: 'string', default: '25000' },
    'rowwise-sample': { type: 'string', default: '2000' },
    'skip-client': { type: 'boolean', default: false },
    scenarios: { type: 'string' },
    baseline: { type: 'string' },
    'neo4j-pid': { type: 'string' },
  },
});

const smoke = values.smoke;
const sizes = (values.sizes ?? (smoke ? '300' : '10000,100000')).split(',').map(Number);
const duration = Number(values.duration ?? (smoke ? 1 : 5));
const rounds = Number(values.rounds ?? (smoke ? 1 : 3));
const baselineDir = values.baseline ? path.resolve(values.baseline) : undefined;
if (baselineDir && !fs.existsSync(path.join(baselineDir, 'bench', 'serve.ts'))) {
  console.error(`--baseline ${baselineDir}: no bench/serve.ts there; give a checkout of an earlier commit`);
  process.exit(64);
}
if (sizes.some((n) => !Number.isSafeInteger(n) || n < 20) || !(duration > 0) || !(rounds >= 1)) {
  console.error(
    'usage: npm run bench -- [--smoke] [--sizes 10000,100000] [--duration s] [--rounds n] [--uri bolt://…]',
  );
  process.exit(64);
}

const written = await runBench({
  smoke,
  sizes,
  duration,
  rounds,
  connections: Number(values.connections),
  seed: Number(values.seed),
  shardSize: Number(values['shard-size']),
  rowwiseSample: smoke ? 30 : Number(values['rowwise-sample']),
  rowwiseSeconds: smoke ? 3 : 60,
  outDir: path.resolve(values.out ?? path.join(REPO_ROOT, 'bench', 'results')),
  scenarios: values.scenarios ? new Set(values.scenarios.split(',')) : null,
  baselineDir,
  uri: values.uri,
  neo4jPid: values['neo4j-pid'] ? Number(values['neo4j-pid']) : undefined,
  heap: values.heap,
  pageCache: values.pagecache,
  skipClient: values['skip-client'],
  command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
  log: (message) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`),
});
console.error(`results: ${written.markdown}`);
process.exit(0);
