// npm run import -- <file.json | folder-with-csv | entities.csv> [...more]
// Validates each file completely before writing; a bad file writes nothing. Prints a summary. JSON files
// are parsed as they are read (streamImportFile), never held as one string. Refuses (DISK_LOW, exit 75)
// before reading when the database's disk lacks room for the files (server/disk-watch.ts).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { bulkLoadRefusal, databaseDiskDir } from '../server/disk-watch.ts';
import type { ImportDocument } from '../server/graph/import/format.ts';
import { importDocument, type ImportSummary } from '../server/graph/import/importer.ts';
import { ImportError, streamImportFile } from '../server/graph/import/parse.ts';
import { configOrExit, connect } from './connect.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { 'batch-size': { type: 'string' }, quiet: { type: 'boolean' } },
});
if (positionals.length === 0) {
  console.error('usage: npm run import -- <file.json | csv-folder | entities.csv> [...]');
  process.exit(64);
}

const describe = (s: ImportSummary) =>
  `${s.file}: entities ${s.entities.created} created, ${s.entities.updated} updated, ${s.entities.unchanged} unchanged; ` +
  `relationships ${s.relationships.created} created, ${s.relationships.updated} updated, ${s.relationships.unchanged} unchanged; ` +
  `evidence +${s.evidenceAdded}; sources +${s.sources.created}${s.changed ? '' : ' — nothing changed'} (${s.ms} ms)`;

/** Bytes to be imported: a file's size, or a CSV folder's files' (a missing path is parse's to report). */
const inputBytes = (input: string): number => {
  if (!fs.existsSync(input)) return 0;
  const stat = fs.statSync(input);
  if (!stat.isDirectory()) return stat.size;
  return fs
    .readdirSync(input)
    .map((name) => fs.statSync(path.join(input, name)))
    .reduce((sum, entry) => sum + (entry.isFile() ? entry.size : 0), 0);
};

const config = configOrExit();
const diskDir = databaseDiskDir(config);
const noRoom =
  diskDir &&
  bulkLoadRefusal(
    diskDir,
    config.disk.minFreeBytes,
    positionals.reduce((sum, input) => sum + inputBytes(input), 0),
  );
if (noRoom) {
  console.error(noRoom);
  process.exit(75);
}
const documents: { file: string; doc: ImportDocument }[] = [];
try {
  for (const file of positionals) documents.push({ file, doc: await streamImportFile(file) });
} catch (error) {
  if (error instanceof ImportError) {
    console.error(error.message);
    process.exit(65);
  }
  throw error;
}
const { db, close } = await connect(config);
let exitCode = 0;
try {
  await db.applySchema();
  for (const { file, doc } of documents) {
    let lastReport = 0;
    const summary = await importDocument(db, doc, {
      file,
      actor: 'import-cli',
      batchSize: values['batch-size'] ? Number(values['batch-size']) : undefined,
      onProgress: (phase, done, total) => {
        if (values.quiet || Date.now() - lastReport < 1000) return;
        lastReport = Date.now();
        process.stderr.write(`  ${phase}: ${done}/${total}\n`);
      },
    });
    console.log(describe(summary));
  }
} catch (error) {
  if (error instanceof ImportError) {
    console.error(error.message);
    exitCode = 65;
  } else {
    console.error(
      `Import failed, nothing was written: ${error instanceof Error ? error.message : String(error)}`,
    );
    exitCode = 1;
  }
} finally {
  await close();
}
process.exit(exitCode);
