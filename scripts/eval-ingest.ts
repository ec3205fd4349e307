// npm run eval:ingest [-- --out file --runs N]: runs the ingest evaluation (bench/ingest-eval.ts), prints
// it and writes the metrics as JSON.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { evaluate, printMetrics } from '../bench/ingest-eval.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'bench/results/ingest-eval.json' },
    runs: { type: 'string', default: '20' },
  },
});
const metrics = evaluate({ runs: Number(values.runs) });
printMetrics(metrics);
fs.mkdirSync(path.dirname(path.resolve(values.out!)), { recursive: true });
fs.writeFileSync(path.resolve(values.out!), `${JSON.stringify(metrics, null, 2)}\n`);
console.log(`\nmetrics written to ${values.out}`);
