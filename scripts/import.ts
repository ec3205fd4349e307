// npm run import -- <file.json | folder-with-csv | entities.csv> [...more]
// Validates each file completely before writing; a bad file writes nothing. Prints a summary. JSON files
// are parsed as they are read (streamImportFile), never held as one string.
import { parseArgs } from 'node:util';
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

const config = configOrExit();
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
