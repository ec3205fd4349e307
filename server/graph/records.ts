// The rows every writer stores: curation mutations (repository.ts), imports and restores (importer.ts)
// build entities, sources and evidence here, so the graph has one stored shape whoever wrote it.
import crypto from 'node:crypto';
import { parseOccurredAt } from '../../shared/dates.ts';
import {
  CERTAINTY_RANK,
  RELIABILITY_RANK,
  type Certainty,
  type Evidence,
  type Source,
  type SourceReliability,
  type Stance,
} from './model.ts';

/** Evidence ids are a hash of source, quote and attribution: the same quote is never stored twice. */
export const evidenceId = (sourceId: string, quote: string, attributedTo: string | null | undefined) =>
  `ev-${crypto
    .createHash('sha256')
    .update(`${sourceId}\u0000${quote}\u0000${attributedTo ?? ''}`)
    .digest('hex')
    .slice(0, 20)}`;

export interface EvidenceFields {
  quote: string;
  translation?: string | null | undefined;
  sentence?: string | null | undefined;
  attributedTo?: string | null | undefined;
  certainty: Certainty;
  stance?: Stance | null | undefined;
  occurredAt?: string | null | undefined;
  addedAt?: string | null | undefined;
  addedBy?: string | null | undefined;
}

/** The stored evidence itself (the JSON the API returns); an evidence without its own event date takes
 * `defaultOccurredAt` (the relationship-level date of an import file or a create). */
function evidenceObject(
  ev: EvidenceFields,
  sourceId: string,
  added: { at: string; by: string },
  defaultOccurredAt: string | null,
): Evidence {
  const occurredAt = ev.occurredAt ?? defaultOccurredAt;
  return {
    id: evidenceId(sourceId, ev.quote, ev.attributedTo),
    quote: ev.quote,
    translation: ev.translation ?? null,
    sentence: ev.sentence ?? null,
    attributedTo: ev.attributedTo ?? null,
    certainty: ev.certainty,
    stance: ev.stance ?? 'SUPPORTS',
    occurredAt: occurredAt && parseOccurredAt(occurredAt) ? occurredAt : null,
    sourceId,
    addedAt: ev.addedAt ?? added.at,
    addedBy: ev.addedBy ?? added.by,
  };
}

/**
 * One evidence row for cypher/fragments/append-evidence.cypher: the JSON the API returns plus the fields
 * that filters read per evidence (certainty rank, stance, event-date bounds) and the text the claim search
 * indexes. An evidence without its
 * own event date takes `defaultOccurredAt` (the relationship-level date of an import file or a create).
 */
export function evidenceRecord(
  ev: EvidenceFields,
  sourceId: string,
  added: { at: string; by: string },
  defaultOccurredAt: string | null = null,
) {
  const record = evidenceObject(ev, sourceId, added, defaultOccurredAt);
  const bounds = record.occurredAt ? parseOccurredAt(record.occurredAt) : null;
  return {
    id: record.id,
    json: JSON.stringify(record),
    // What the claim search indexes (cypher/fragments/append-evidence.cypher writes it to EvidenceText).
    quote: record.quote,
    translation: record.translation,
    rank: CERTAINTY_RANK[record.certainty],
    stance: record.stance,
    occurredFrom: bounds?.from ?? null,
    occurredTo: bounds?.to ?? null,
    occurredAt: record.occurredAt,
    sourceId,
  };
}

/**
 * The same evidence as aligned lists of keys and JSON-encoded values, for a record finished inside a
 * write statement: a proposed claim keeps them, an edit replaces some values (`evidencePartsPatch`), and
 * cypher/fragments/evidence-json.cypher joins them at acceptance into exactly `evidenceRecord`'s JSON,
 * with the acceptance's `evidenceAddedParts`. The shape is built here only.
 */
export function evidenceParts(ev: EvidenceFields, sourceId: string) {
  const record = evidenceObject(ev, sourceId, { at: '', by: '' }, null);
  return {
    evidenceId: record.id,
    evidenceKeys: Object.keys(record),
    evidenceValues: Object.values(record).map((v) => JSON.stringify(v)),
    evidenceRank: CERTAINTY_RANK[record.certainty],
    evidenceStance: record.stance,
  };
}

/** The encoded values an edit of certainty, stance, translation or event date changes in `evidenceParts`. */
export function evidencePartsPatch(patch: {
  certainty?: Certainty | undefined;
  stance?: Stance | undefined;
  translation?: string | null | undefined;
  occurredAt?: string | null | undefined;
}): { values: Partial<Record<keyof Evidence, string>>; rank: number | null } {
  const record = evidenceObject(
    { ...patch, quote: '', certainty: patch.certainty ?? 'CONFIRMED' },
    '',
    { at: '', by: '' },
    null,
  );
  const values: Partial<Record<keyof Evidence, string>> = {};
  for (const key of ['certainty', 'stance', 'translation', 'occurredAt'] as const)
    if (patch[key] !== undefined) values[key] = JSON.stringify(record[key]);
  return { values, rank: patch.certainty ? CERTAINTY_RANK[patch.certainty] : null };
}

/** The values of `evidenceParts` known only when the evidence is added. */
export const evidenceAddedParts = (added: { at: string; by: string }) =>
  ({
    addedAt: JSON.stringify(added.at),
    addedBy: JSON.stringify(added.by),
  }) satisfies Partial<Record<keyof Evidence, string>>;

/** Distinct by id, first occurrence kept (a file or an input may cite the same quote twice). */
export function uniqueById<T extends { id: string }>(rows: T[]): T[] {
  const byId = new Map<string, T>();
  for (const row of rows) if (!byId.has(row.id)) byId.set(row.id, row);
  return [...byId.values()];
}

export interface SourceFields {
  id: string;
  title: string;
  titleEn?: string | null | undefined;
  publisher?: string | null | undefined;
  author?: string | null | undefined;
  publishedAt?: string | null | undefined;
  language?: string | null | undefined;
  url?: string | null | undefined;
  reliability?: SourceReliability | null | undefined;
  reliabilityReason?: string | null | undefined;
}

/** A stored source: its grade is kept with its rank, which evidence filters compare. */
export function sourceRecord(source: SourceFields): Source & { reliabilityRank: number } {
  const reliability = source.reliability ?? 'F';
  return {
    id: source.id,
    title: source.title,
    titleEn: source.titleEn ?? null,
    publisher: source.publisher ?? null,
    author: source.author ?? null,
    publishedAt: source.publishedAt ?? null,
    language: source.language ?? null,
    url: source.url ?? null,
    reliability,
    reliabilityReason: source.reliabilityReason ?? null,
    reliabilityRank: RELIABILITY_RANK[reliability],
  };
}

/** The text the full-text index reads for aliases (a separator keeps aliases from running together). */
export const aliasText = (aliases: string[]) => aliases.map((a) => `${a} | `).join('');

/** Stored entity fields from an input or a patch: only the fields given, dates split into bounds. */
export function entityFields(input: {
  name?: string | undefined;
  nameKo?: string | null | undefined;
  aliases?: string[] | null | undefined;
  description?: string | null | undefined;
  occurredAt?: string | null | undefined;
  properties?: Record<string, unknown> | null | undefined;
  kind?: string | undefined;
}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (input.kind !== undefined) out.kind = input.kind;
  if (input.name !== undefined) out.name = input.name;
  if (input.nameKo !== undefined) out.nameKo = input.nameKo;
  if (input.description !== undefined) out.description = input.description;
  if (input.aliases !== undefined) {
    const aliases = [...new Set(input.aliases ?? [])];
    out.aliases = aliases;
    out.aliasText = aliasText(aliases);
  }
  if (input.occurredAt !== undefined) {
    const bounds = input.occurredAt ? parseOccurredAt(input.occurredAt) : null;
    out.occurredAt = input.occurredAt;
    out.occurredFrom = bounds?.from ?? null;
    out.occurredTo = bounds?.to ?? null;
  }
  if (input.properties !== undefined) out.properties = JSON.stringify(input.properties ?? {});
  return out;
}
