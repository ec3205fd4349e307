// Brings a database written by an earlier version to the current stored shape, at start-up, before the
// seed load and before any request. Each step is idempotent and records when it is done.
import type { Database } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import type { Evidence } from './model.ts';
import { evidenceRecord } from './records.ts';

const BATCH = 2000;

/**
 * Relationships stored before evidence-level truth kept one event time per relationship and evidence as
 * JSON only. Each evidence gets that event time (the best the old data says), stance SUPPORTS, and the
 * per-evidence lists that filters read; the relationship's summary is then derived from its evidence.
 */
async function migrateEvidenceLists(db: Database, logger: Logger) {
  let migrated = 0;
  for (;;) {
    const rows = await db.read('find-unmigrated-relationships', { batch: BATCH });
    if (rows.length === 0) break;
    const batch = rows.map((row) => {
      const occurredAt = typeof row.occurredAt === 'string' ? row.occurredAt : null;
      const evidence = (row.evidence as string[]).map((text) => {
        const e = JSON.parse(text) as Evidence;
        return evidenceRecord(e, e.sourceId, { at: e.addedAt ?? '', by: e.addedBy ?? '' }, occurredAt);
      });
      return { elementId: row.elementId, evidence };
    });
    await db.write('migrate-evidence-lists', { rows: batch });
    migrated += batch.length;
  }
  await db.write('finish-migration', { id: 'evidence-lists', now: new Date().toISOString() });
  if (migrated > 0) logger.info({ migrated }, 'relationships migrated to evidence-level lists');
}

/** Relationships stored before the claim search get their evidence text indexed (EvidenceText nodes). */
async function migrateEvidenceText(db: Database, logger: Logger) {
  let indexed = 0;
  for (;;) {
    const rows = await db.read('find-relationships-without-evidence-text', { batch: BATCH });
    if (rows.length === 0) break;
    const batch = rows.map((row) => ({
      elementId: row.elementId,
      evidence: (row.evidence as string[]).map((text) => {
        const e = JSON.parse(text) as Evidence;
        return { id: e.id, quote: e.quote, translation: e.translation ?? null };
      }),
    }));
    await db.write('write-evidence-text', { rows: batch });
    indexed += batch.length;
  }
  await db.write('finish-migration', { id: 'evidence-text', now: new Date().toISOString() });
  if (indexed > 0) logger.info({ indexed }, 'relationship evidence indexed for the claim search');
}

/**
 * Relationships stored before evidence kept its event date as worded beside the JSON (evOccurredAt) get
 * that list from their JSON, and so do the relationship snapshots a merge restores on undo: answers that
 * need only the facts of evidence read the lists and never decode the JSON.
 */
async function migrateEvidenceOccurredAt(db: Database, logger: Logger) {
  let written = 0;
  for (;;) {
    const rows = await db.read('find-evidence-without-occurred-at', { batch: BATCH });
    if (rows.length === 0) break;
    const batch = rows.map((row) => ({
      elementId: row.elementId,
      snapshot: row.snapshot === true,
      occurredAt: (row.evidence as string[]).map(
        (text) => (JSON.parse(text) as Partial<Evidence>).occurredAt ?? '',
      ),
    }));
    await db.write('write-evidence-occurred-at', { rows: batch });
    written += batch.length;
  }
  await db.write('finish-migration', { id: 'evidence-occurred-at', now: new Date().toISOString() });
  if (written > 0) logger.info({ written }, 'evidence event dates listed beside the evidence');
}

/**
 * Databases written before hubs kept a ranked first hop (cypher/fragments/hub-rank) get their lists, once,
 * after the evidence migrations above have settled every relationship's certainty and event time.
 */
async function migrateHubNeighbours(db: Database, logger: Logger) {
  const rows = await db.write('rank-all-hubs', { onceAs: 'hub-neighbours' });
  if (rows.length === 0) return;
  const ranked = Number(rows[0]!.ranked);
  await db.write('finish-migration', { id: 'hub-neighbours', now: new Date().toISOString() });
  if (ranked > 0) logger.info({ ranked }, 'hubs given a ranked neighbour list');
}

export async function migrate(db: Database, logger: Logger): Promise<void> {
  await migrateEvidenceLists(db, logger);
  await migrateEvidenceText(db, logger);
  await migrateEvidenceOccurredAt(db, logger);
  await migrateHubNeighbours(db, logger);
}
