// Loads a validated document in ONE write transaction, in batches (UNWIND $rows): a file either fully
// lands or leaves the database untouched. MERGE on ids makes a re-import change nothing.
import crypto from 'node:crypto';
import type { Database, Transaction } from '../../db/database.ts';
import { relationshipId } from '../model.ts';
import { parseOccurredAt } from '../../../shared/dates.ts';
import { evidenceRecord, sourceRecord } from '../records.ts';
import type { ImportDocument } from './format.ts';
import { ImportError } from './parse.ts';

export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportSummary {
  file: string;
  sources: Counts;
  entities: Counts;
  relationships: Counts;
  evidenceAdded: number;
  changed: boolean;
  ms: number;
}

export interface ImportOptions {
  file: string;
  actor?: string;
  batchSize?: number;
  onProgress?: (phase: 'entities' | 'relationships', done: number, total: number) => void;
  /** Large imports need more than the interactive query timeout. */
  timeoutMs?: number;
}

const num = (value: unknown) => (typeof value === 'number' ? value : Number(value ?? 0));
const counts = (rows: Record<string, unknown>[]): Counts => ({
  created: rows.reduce((sum, r) => sum + num(r.created), 0),
  updated: rows.reduce((sum, r) => sum + num(r.updated), 0),
  unchanged: rows.reduce((sum, r) => sum + num(r.unchanged), 0),
});
const add = (a: Counts, b: Counts): Counts => ({
  created: a.created + b.created,
  updated: a.updated + b.updated,
  unchanged: a.unchanged + b.unchanged,
});

export function* batches<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** Plain rows for the Cypher statements: dates split into bounds, JSON text for nested values. */
export function toImportRows(doc: ImportDocument, actor: string, now: string) {
  const sources = doc.sources ?? [];
  const defaultSource = sources.length === 1 ? sources[0]!.id : undefined;
  const sourceRows = sources.map(sourceRecord);
  const entityRows = doc.entities.map((e) => {
    const occurred = e.occurredAt ? parseOccurredAt(e.occurredAt) : null;
    return {
      id: e.id,
      kind: e.kind,
      name: e.name,
      nameKo: e.nameKo ?? null,
      aliases: e.aliases,
      description: e.description ?? null,
      occurredAt: e.occurredAt ?? null,
      occurredFrom: occurred?.from ?? null,
      occurredTo: occurred?.to ?? null,
      properties: JSON.stringify(e.properties),
      version: e.version ?? null,
      deleted: e.deleted ?? null,
      mergedInto: e.mergedInto ?? null,
      notes: e.notes ? e.notes.map((n) => JSON.stringify(n)) : null,
    };
  });
  // A relationship-level occurredAt in a file is shorthand for the event date of each of its evidence that
  // gives none; the stored relationship's event time is derived from its evidence.
  const relationshipRows = doc.relationships.map((r) => ({
    id: relationshipId(r.from, r.type, r.to),
    type: r.type,
    from: r.from,
    to: r.to,
    properties: JSON.stringify(r.properties),
    version: r.version ?? null,
    deleted: r.deleted ?? null,
    notes: r.notes ? r.notes.map((n) => JSON.stringify(n)) : null,
    evidence: r.evidence.map((ev) =>
      evidenceRecord(ev, ev.source ?? defaultSource!, { at: now, by: actor }, r.occurredAt ?? null),
    ),
  }));
  return { sourceRows, entityRows, relationshipRows };
}

export async function importDocument(
  db: Database,
  doc: ImportDocument,
  options: ImportOptions,
): Promise<ImportSummary> {
  const started = performance.now();
  const actor = options.actor ?? 'importer';
  const now = new Date().toISOString();
  const importId = `import-${now}-${crypto.randomBytes(4).toString('hex')}`;
  const size = options.batchSize ?? 2000;
  const { sourceRows, entityRows, relationshipRows } = toImportRows(doc, actor, now);
  const inFile = new Set(entityRows.map((e) => e.id));
  const referenced = [...new Set(relationshipRows.flatMap((r) => [r.from, r.to]))].filter(
    (id) => !inFile.has(id),
  );

  const summary = await db.writeTransaction(
    'import',
    async (tx: Transaction) => {
      // Validate references against what is stored before writing anything.
      if (referenced.length > 0) {
        const found = new Set(
          (await tx.run('find-entity-ids', { ids: referenced })).map((r) => String(r.id)),
        );
        const dangling = referenced.filter((id) => !found.has(id));
        if (dangling.length > 0) {
          const problems = doc.relationships.flatMap((r, i) =>
            [r.from, r.to]
              .filter((id) => dangling.includes(id))
              .map((id) => ({
                file: options.file,
                location: `relationships[${i}]`,
                message: `refers to entity "${id}", which is neither in this file nor in the database; add it to "entities" or fix the id`,
              })),
          );
          throw new ImportError(problems);
        }
      }
      const sources = counts(await tx.run('import-sources', { rows: sourceRows, importId }));
      let entities: Counts = { created: 0, updated: 0, unchanged: 0 };
      let done = 0;
      for (const batch of batches(entityRows, size)) {
        entities = add(entities, counts(await tx.run('import-entities', { rows: batch, importId, now })));
        done += batch.length;
        options.onProgress?.('entities', done, entityRows.length);
      }
      let relationships: Counts = { created: 0, updated: 0, unchanged: 0 };
      let evidenceAdded = 0;
      done = 0;
      for (const batch of batches(relationshipRows, size)) {
        const rows = await tx.run('import-relationships', { rows: batch, importId, now });
        relationships = add(relationships, counts(rows));
        evidenceAdded += rows.reduce((sum, r) => sum + num(r.evidenceAdded), 0);
        done += batch.length;
        options.onProgress?.('relationships', done, relationshipRows.length);
      }
      // Hubs' ranked neighbour lists, once for the whole transaction (cypher/rank-hubs.cypher).
      if (relationshipRows.length > 0)
        await tx.run('rank-hubs', { ids: [...new Set(relationshipRows.flatMap((r) => [r.from, r.to]))] });
      const changed =
        sources.created +
          entities.created +
          entities.updated +
          relationships.created +
          relationships.updated >
        0;
      const auditRows: Record<string, string | string[] | null>[] = (doc.audit ?? []).map((a) => ({
        ...a,
        targetId: a.targetId ?? null,
        before: a.before ?? null,
        after: a.after ?? null,
      }));
      if (changed) {
        auditRows.push({
          id: importId,
          at: now,
          actor,
          action: 'import',
          // One source is the import's target; several (a sharded graph names thousands) would not fit the
          // audit index's key size, so the import itself is the target and the sources are related ids.
          targetId: sourceRows.length === 1 ? sourceRows[0]!.id : importId,
          relatedIds: sourceRows.map((s) => s.id),
          before: null,
          after: JSON.stringify({ file: options.file, sources, entities, relationships, evidenceAdded }),
        });
      }
      if (auditRows.length > 0) await tx.run('write-audit-entries', { rows: auditRows });
      return {
        file: options.file,
        sources,
        entities,
        relationships,
        evidenceAdded,
        changed,
        ms: Math.round(performance.now() - started),
      };
    },
    { timeoutMs: options.timeoutMs ?? 30 * 60_000 },
  );
  // The claim search's index of the evidence, after the import's own transaction (see
  // cypher/write-imported-evidence-text.cypher): derived data, rebuilt by importing the file again.
  await indexImportedEvidence(db, relationshipRows, size);
  return summary;
}

/**
 * Writes the claim search's EvidenceText nodes for imported relationships, in batches of their own
 * transactions (tens of thousands of them would not fit the import's). Idempotent; restore uses it too.
 */
export async function indexImportedEvidence(
  db: Database,
  relationshipRows: ReturnType<typeof toImportRows>['relationshipRows'],
  size: number,
): Promise<void> {
  for (const batch of batches(relationshipRows, size))
    await db.write('write-imported-evidence-text', {
      rows: batch.map((r) => ({
        from: r.from,
        type: r.type,
        to: r.to,
        evidence: r.evidence.map((e) => ({ id: e.id, quote: e.quote, translation: e.translation })),
      })),
    });
}
