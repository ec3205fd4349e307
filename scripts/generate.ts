// npm run generate -- --entities N [--out file] [--seed 42]
// Writes a synthetic news graph (linkage/v1) to a file or stdout, streaming: memory stays flat at 1M entities.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { writeDocument } from '../bench/generator.ts';

const { values } = parseArgs({
  options: {
    entities: { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string', default: '42' },
  },
});
const entities = Number(values.entities);
const seed = Number(values.seed);
if (!Number.isSafeInteger(entities) || entities < 1 || !Number.isSafeInteger(seed)) {
  console.error('usage: npm run generate -- --entities N [--out file.json] [--seed 42]  (N ≥ 1, integers)');
  process.exit(64);
}

const stream = values.out ? fs.createWriteStream(values.out) : process.stdout;
const write = (chunk: string) =>
  new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    stream.once('error', onError);
    const drained = stream.write(chunk, () => stream.off('error', onError));
    if (drained) resolve();
    else stream.once('drain', resolve);
  });

const started = performance.now();
const counts = await writeDocument({ entities, seed }, write);
if (values.out) {
  await new Promise<void>((resolve, reject) =>
    (stream as fs.WriteStream).end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  console.error(
    `${values.out}: ${counts.entities} entities, ${counts.relationships} relationships (seed ${seed}, ${Math.round(performance.now() - started)} ms)`,
  );
}
