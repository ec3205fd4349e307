// The whole graph (entities, relationships with their evidence, sources, audit trail, curation state:
// versions, deletions, merges, notes) as one linkage/v1 document, read in ONE transaction so the file is
// a consistent snapshot; its content hash; writing it atomically. `npm run backup` (scripts/backup.ts) is
// the entry point; restore.ts loads such a document into an empty database.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../../db/database.ts';
import type { Plain } from '../../db/values.ts';
import { toEntity, toRelationship, toSource } from '../mapping.ts';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface BackupDocument {
  format: 'linkage/v1';
  exportedAt: string;
  sources: JsonObject[];
  entities: JsonObject[];
  relationships: JsonObject[];
  audit: JsonObject[];
}

type Item = { [key: string]: Plain };
const asItem = (value: Plain | undefined): Item =>
  value !== null && value !== undefined && typeof value === 'object' && !Array.isArray(value) ? value : {};
const text = (value: Plain | undefined): string | null =>
  value === null || value === undefined ? null : typeof value === 'string' ? value : String(value);
/** Model values (parsed by server/graph/mapping.ts, as the API reads them) are JSON by construction. */
const json = (value: unknown): Json => value as Json;

/** Drops null fields so the file holds only what is known (the import format treats absent as null). */
function compact(record: Record<string, Json | undefined>): JsonObject {
  return Object.fromEntries(
    Object.entries(record).filter(
      (entry): entry is [string, Json] => entry[1] !== null && entry[1] !== undefined,
    ),
  );
}

// Stored values are read with the API's own mapping; only the field names of the import format differ.
function sourceOf(s: Item): JsonObject {
  return compact(json(toSource(s)) as JsonObject);
}

function entityOf(n: Item): JsonObject {
  const e = toEntity(n);
  return compact({
    id: e.id,
    kind: e.kind,
    name: e.name,
    nameKo: e.nameKo,
    aliases: e.aliases,
    description: e.description,
    occurredAt: e.occurredAt,
    properties: json(e.properties),
    version: e.version,
    deleted: e.deleted,
    mergedInto: e.mergedInto,
    notes: json(e.notes),
  });
}

function relationshipOf(item: Item): JsonObject {
  const r = toRelationship({ ...item, fromId: item.from ?? null, toId: item.to ?? null });
  return compact({
    type: r.type,
    from: r.fromId,
    to: r.toId,
    properties: json(r.properties),
    evidence: r.evidence.map((e) =>
      compact({
        quote: e.quote,
        translation: e.translation,
        attributedTo: e.attributedTo,
        certainty: e.certainty,
        stance: e.stance,
        occurredAt: e.occurredAt,
        source: e.sourceId,
        addedAt: e.addedAt,
        addedBy: e.addedBy,
      }),
    ),
    version: r.version,
    deleted: r.deleted,
    notes: json(r.notes),
  });
}

/** Snapshot nodes (mutations) and JSON text (imports, restores) both become JSON text, as the API shows them. */
const snapshotText = (snapshot: Plain | undefined, stored: Plain | undefined): string | null =>
  snapshot !== null && snapshot !== undefined ? JSON.stringify(snapshot) : text(stored);

function auditOf(a: Item): JsonObject {
  return compact({
    id: text(a.id),
    at: text(a.at),
    actor: text(a.actor),
    action: text(a.action),
    targetId: text(a.targetId),
    before: snapshotText(a.beforeSnapshot, a.before),
    after: snapshotText(a.afterSnapshot, a.after),
  });
}

const byId = (a: JsonObject, b: JsonObject) => String(a.id).localeCompare(String(b.id));
const relationshipKey = (r: JsonObject) => `${String(r.from)}:${String(r.type)}:${String(r.to)}`;

/** Reads the whole graph in one transaction (one statement) and returns it as a linkage/v1 document. */
export async function exportGraph(db: Database): Promise<BackupDocument> {
  const doc: BackupDocument = {
    format: 'linkage/v1',
    exportedAt: new Date().toISOString(),
    sources: [],
    entities: [],
    relationships: [],
    audit: [],
  };
  await db.stream('backup-graph', {}, (row) => {
    const item = asItem(row.item);
    if (row.section === 'source') doc.sources.push(sourceOf(item));
    else if (row.section === 'entity') doc.entities.push(entityOf(item));
    else if (row.section === 'relationship') doc.relationships.push(relationshipOf(item));
    else if (row.section === 'audit') doc.audit.push(auditOf(item));
  });
  doc.sources.sort(byId);
  doc.entities.sort(byId);
  doc.relationships.sort((a, b) => relationshipKey(a).localeCompare(relationshipKey(b)));
  doc.audit.sort(byId);
  return doc;
}

/** JSON with sorted keys and no null fields; JSON text inside audit entries is normalised the same way. */
function canonical(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value)
      .filter((k) => value[k] !== null && value[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k]!)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const canonicalText = (value: Json | undefined): Json | undefined => {
  if (typeof value !== 'string') return value;
  try {
    return canonical(JSON.parse(value) as Json);
  } catch {
    return value;
  }
};

/**
 * SHA-256 over the graph's content: every source, entity, relationship (with evidence) and audit entry,
 * in id order, with sorted keys. The export time is left out, so two exports of the same graph agree.
 */
export function contentHash(doc: Pick<BackupDocument, 'sources' | 'entities' | 'relationships' | 'audit'>) {
  const audit: JsonObject[] = doc.audit.map((a) =>
    compact({ ...a, before: canonicalText(a.before), after: canonicalText(a.after) }),
  );
  const content = {
    sources: [...doc.sources].sort(byId),
    entities: [...doc.entities].sort(byId),
    relationships: [...doc.relationships].sort((a, b) =>
      relationshipKey(a).localeCompare(relationshipKey(b)),
    ),
    audit: [...audit].sort(byId),
  };
  return crypto.createHash('sha256').update(canonical(content)).digest('hex');
}

export const describeBackup = (doc: BackupDocument) =>
  `${doc.entities.length} entities, ${doc.relationships.length} relationships, ` +
  `${doc.relationships.reduce((sum, r) => sum + (Array.isArray(r.evidence) ? r.evidence.length : 0), 0)} evidence, ` +
  `${doc.sources.length} sources, ${doc.audit.length} audit entries`;

/**
 * Writes the document next to its final name first, so a crash never leaves half a backup under it.
 * Returns the bytes written (the digest sidecar signs exactly these).
 */
export function writeBackupFile(doc: BackupDocument, file: string): Buffer {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const bytes = Buffer.from(`${JSON.stringify(doc, null, 1)}\n`);
  const tmp = `${file}.${process.pid}.partial`;
  fs.writeFileSync(tmp, bytes, { mode: 0o600 });
  fs.renameSync(tmp, file);
  return bytes;
}
