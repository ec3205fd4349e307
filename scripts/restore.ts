// npm run restore -- <backup.json>
// Loads a backup made by `npm run backup` into an EMPTY database, in one write transaction (all of it or
// nothing), keeping versions, deletions, merges, notes, evidence provenance and the audit trail as they
// were. Then exports the restored graph again and checks its content hash against the file's.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { Database } from '../server/db/database.ts';
import type { ImportDocument } from '../server/graph/import/format.ts';
import { toImportRows } from '../server/graph/import/importer.ts';
import { ImportError, readImportFile } from '../server/graph/import/parse.ts';
import { contentHash, describeBackup, exportGraph, type BackupDocument } from './backup.ts';
import { configOrExit, connect } from './connect.ts';

export class RestoreRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefused';
  }
}

const BATCH = 2000;

function* batches<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/**
 * Writes the document into an empty database in one transaction. Unlike an import it adds no audit
 * entry of its own, so the restored audit trail is exactly the backed-up one.
 */
export async function restoreDocument(db: Database, doc: ImportDocument): Promise<void> {
  await db.applySchema();
  const nodes = Number((await db.read('restore-count-nodes'))[0]?.nodes ?? 0);
  if (nodes > 0)
    throw new RestoreRefused(
      `Refusing to restore: the database already holds ${nodes} nodes. Restore only into an empty database ` +
        '(point NEO4J_URI at a new database, or NEO4J_DATA_DIR at an empty folder for the local Neo4j).',
    );
  const now = new Date().toISOString();
  const { sourceRows, entityRows, relationshipRows } = toImportRows(doc, 'restore', now);
  const importId = `restore-${now}`;
  const auditRows = (doc.audit ?? []).map((a) => ({
    ...a,
    targetId: a.targetId ?? null,
    before: a.before ?? null,
    after: a.after ?? null,
  }));
  await db.writeTransaction(
    'restore',
    async (tx) => {
      // Checked again inside the transaction: a writer that slipped in since the check above wins.
      const inside = Number((await tx.run('restore-count-nodes'))[0]?.nodes ?? 0);
      if (inside > 0) throw new RestoreRefused('Refusing to restore: the database stopped being empty.');
      await tx.run('import-sources', { rows: sourceRows, importId });
      for (const rows of batches(entityRows, BATCH)) await tx.run('import-entities', { rows, importId, now });
      for (const rows of batches(relationshipRows, BATCH))
        await tx.run('import-relationships', { rows, importId, now });
      for (const rows of batches(auditRows, BATCH)) await tx.run('write-audit-entries', { rows });
    },
    { timeoutMs: 60 * 60_000 },
  );
}

async function main() {
  const { positionals } = parseArgs({ allowPositionals: true });
  if (positionals.length !== 1) {
    console.error('usage: npm run restore -- <backup.json>   (into an empty database)');
    process.exit(64);
  }
  const file = positionals[0]!;
  let doc: ImportDocument;
  try {
    doc = readImportFile(file);
  } catch (error) {
    if (error instanceof ImportError) {
      console.error(`Not a restorable backup; nothing was written.\n${error.message}`);
      process.exit(65);
    }
    throw error;
  }
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<BackupDocument>;
  const expected = contentHash({
    sources: raw.sources ?? [],
    entities: raw.entities ?? [],
    relationships: raw.relationships ?? [],
    audit: raw.audit ?? [],
  });
  const config = configOrExit();
  const { db, close } = await connect(config);
  let exitCode = 0;
  try {
    await restoreDocument(db, doc);
    const restored: BackupDocument = await exportGraph(db);
    const actual = contentHash(restored);
    if (actual === expected) {
      console.log(`Restored ${file}: ${describeBackup(restored)}; content hash ${actual} matches the backup`);
    } else {
      console.error(
        `Restored ${file}, but the content hash differs (backup ${expected}, database ${actual}); compare the two with npm run backup`,
      );
      exitCode = 2;
    }
  } catch (error) {
    exitCode = error instanceof RestoreRefused ? 73 : 1;
    console.error(
      error instanceof RestoreRefused
        ? error.message
        : `Restore failed, nothing was written: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    await close();
  }
  process.exit(exitCode);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
