// npm run backup [-- --out file.json]
// Writes the whole graph as one linkage/v1 document (server/graph/backup/export.ts) and, beside it,
// `<file>.sha256`: its digest signed with the backup key (server/graph/backup/digest.ts), which
// `npm run restore` checks before writing anything.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureBackupKey, sidecarFile, writeDigest } from '../server/graph/backup/digest.ts';
import { contentHash, describeBackup, exportGraph, writeBackupFile } from '../server/graph/backup/export.ts';
import { validateDocument, ImportError } from '../server/graph/import/parse.ts';
import { configOrExit, connect } from './connect.ts';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const config = configOrExit();
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const out = path.resolve(values.out ?? path.join(config.backup.dir, `linkage-backup-${stamp}.json`));
const { db, close } = await connect(config);
let exitCode = 0;
try {
  const doc = await exportGraph(db);
  if (doc.sources.length === 0 && doc.entities.length === 0) {
    console.error('The database is empty: nothing to back up.');
    exitCode = 66;
  } else {
    // A backup that could not be restored is worse than none: check it with the importer's own rules.
    validateDocument(JSON.parse(JSON.stringify(doc)), out);
    const key = ensureBackupKey(config.backup.keyFile);
    const hash = contentHash(doc);
    const bytes = writeBackupFile(doc, out);
    writeDigest(out, bytes, hash, key);
    console.log(
      `Backup written to ${out}: ${describeBackup(doc)}; content hash ${hash}; signed digest in ${sidecarFile(out)} ` +
        `(key ${config.backup.keyFile}: keep it, a restore needs it)`,
    );
  }
} catch (error) {
  exitCode = error instanceof ImportError ? 65 : 1;
  console.error(`Backup failed, no file written: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await close();
}
process.exit(exitCode);
