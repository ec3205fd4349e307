// Loads a backup (export.ts) into an EMPTY database, keeping versions, deletions, merges, notes, evidence
// provenance and the audit trail as they were. `npm run restore` (scripts/restore.ts) is the entry point.
//
// All or nothing, within the per-transaction memory cap: one transaction per batch, under a marker node
// (RestoreInProgress) written by the transaction that found the database empty and removed by the last
// one. While the marker is there the graph is partial: a server does not become ready on it (/ready
// names the restore), and a failed restore wipes what it wrote; an interrupted one (killed) is wiped and
// started again by the next restore. So readers never see half a backup, and one big transaction (which
// a 50 MB backup overflows at the default 1 GiB cap) is never needed.
import type { Database } from '../../db/database.ts';
import type { ImportDocument } from '../import/format.ts';
import { batches, indexImportedEvidence, toImportRows } from '../import/importer.ts';
import { backupInvariantProblems, RESTORE_ACTOR } from './invariants.ts';

export class RestoreRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefused';
  }
}

/** Rows per transaction: a few MB each, far below the 1 GiB cap even with long evidence. */
const BATCH = 1000;
const WIPE_BATCH = 2000;

export interface RestoreOptions {
  /** The file name, recorded in the marker (what an interrupted restore was restoring). */
  file: string;
  batchSize?: number;
  onProgress?: (
    phase: 'sources' | 'entities' | 'relationships' | 'audit',
    done: number,
    total: number,
  ) => void;
}

/** Why a server must not serve this database yet (a restore under way or interrupted), or undefined. */
export async function interruptedRestore(db: Database): Promise<string | undefined> {
  const row = (await db.read('restore-state'))[0];
  if (!row?.startedAt) return undefined;
  return (
    `A restore of ${String(row.file)} began at ${String(row.startedAt)} and has not finished: the graph is ` +
    'partial. Let it finish, or run npm run restore -- <backup> again (it starts over).'
  );
}

/** Deletes everything a failed or interrupted restore wrote (the database was empty before it). */
async function wipePartialRestore(db: Database): Promise<void> {
  for (;;) {
    const deleted = Number((await db.write('restore-wipe-batch', { limit: WIPE_BATCH }))[0]?.deleted ?? 0);
    if (deleted === 0) return;
  }
}

/**
 * Checks the backup's content invariants, then writes it into an empty database in batches under the
 * restore marker. Unlike an import it adds no audit entry of its own, so the restored audit trail is
 * exactly the backed-up one. Throws RestoreRefused (nothing written) for a non-empty database or a
 * backup that breaks an invariant.
 */
export async function restoreDocument(
  db: Database,
  doc: ImportDocument,
  options: RestoreOptions,
): Promise<void> {
  const problems = backupInvariantProblems(doc);
  if (problems.length > 0)
    throw new RestoreRefused(
      `Refusing to restore: the backup holds a graph Linkage cannot have written (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems
          .slice(0, 20)
          .map((p) => `  - ${p}`)
          .join('\n') +
        (problems.length > 20 ? `\n  … and ${problems.length - 20} more` : '') +
        '\nRestore an untouched backup made by npm run backup.',
    );
  await db.applySchema();
  const size = options.batchSize ?? BATCH;
  const now = new Date().toISOString();
  const resuming = (await interruptedRestore(db)) !== undefined;
  if (resuming) {
    await wipePartialRestore(db);
  } else {
    const nodes = Number((await db.read('restore-count-nodes'))[0]?.nodes ?? 0);
    if (nodes > 0) throw notEmpty(nodes);
    await db.writeTransaction('restore-begin', async (tx) => {
      // Checked again inside the transaction: a writer that slipped in since the check above wins.
      const inside = Number((await tx.run('restore-count-nodes'))[0]?.nodes ?? 0);
      if (inside > 0) throw notEmpty(inside);
      await tx.run('restore-begin', { now, file: options.file });
    });
  }
  const { sourceRows, entityRows, relationshipRows } = toImportRows(doc, RESTORE_ACTOR, now);
  const importId = `restore-${now}`;
  const auditRows = (doc.audit ?? []).map((a) => ({
    ...a,
    targetId: a.targetId ?? null,
    before: a.before ?? null,
    after: a.after ?? null,
  }));
  const phase = async <T>(
    name: 'sources' | 'entities' | 'relationships' | 'audit',
    rows: T[],
    write: (batch: T[]) => Promise<unknown>,
  ) => {
    let done = 0;
    for (const batch of batches(rows, size)) {
      await write(batch);
      done += batch.length;
      options.onProgress?.(name, done, rows.length);
    }
  };
  try {
    await phase('sources', sourceRows, (rows) => db.write('import-sources', { rows, importId }));
    await phase('entities', entityRows, (rows) => db.write('import-entities', { rows, importId, now }));
    await phase('relationships', relationshipRows, (rows) =>
      db.write('import-relationships', { rows, importId, now }),
    );
    await phase('audit', auditRows, (rows) => db.write('write-audit-entries', { rows }));
    // The claim search's index of the evidence, as an import builds it.
    await indexImportedEvidence(db, relationshipRows, size);
    // The batches above ran in transactions of their own: the hubs' ranked neighbour lists once, at the end.
    await db.write('rank-all-hubs', { onceAs: null });
    await db.write('restore-finish');
  } catch (error) {
    // Back to the empty database it was: the marker goes last, so a crash during the wipe is still seen.
    try {
      await wipePartialRestore(db);
      await db.write('restore-finish');
    } catch {
      // The database went away: the marker stays, and the next restore or server start sees it.
    }
    throw error;
  }
}

const notEmpty = (nodes: number) =>
  new RestoreRefused(
    `Refusing to restore: the database already holds ${nodes} nodes. Restore only into an empty database ` +
      '(point NEO4J_URI at a new database, or NEO4J_DATA_DIR at an empty folder for the local Neo4j).',
  );
