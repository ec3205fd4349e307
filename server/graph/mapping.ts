// Rows from server/db (plain values) → the graph model. Stored JSON text (properties, evidence, notes)
// is parsed here, once.
import type { Plain } from '../db/values.ts';
import {
  SOURCE_RELIABILITIES,
  STANCES,
  certaintyFromRank,
  type Entity,
  type Evidence,
  type Note,
  type Properties,
  type Relationship,
  type Source,
} from './model.ts';

type Obj = { [key: string]: Plain };
const obj = (value: Plain): Obj =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
const str = (value: Plain | undefined): string | null =>
  typeof value === 'string' ? value : value === null || value === undefined ? null : String(value);
const strings = (value: Plain | undefined): string[] =>
  Array.isArray(value) ? value.map((v) => String(v)) : [];

function parseJson<T>(text: Plain | undefined, fallback: T): T {
  if (typeof text !== 'string') return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

const notes = (value: Plain | undefined): Note[] =>
  strings(value)
    .map((n) => parseJson<Note | null>(n, null))
    .filter((n): n is Note => n !== null);

export function toEntity(value: Plain): Entity {
  const n = obj(value);
  return {
    id: String(n.id),
    kind: String(n.kind),
    name: String(n.name),
    nameKo: str(n.nameKo),
    aliases: strings(n.aliases),
    description: str(n.description),
    occurredAt: str(n.occurredAt),
    properties: parseJson<Properties>(n.properties, {}),
    version: Number(n.version ?? 1),
    deleted: n.deleted === true,
    mergedInto: str(n.mergedInto),
    notes: notes(n.notes),
    createdAt: str(n.createdAt),
    updatedAt: str(n.updatedAt),
  };
}

export function toSource(value: Plain): Source {
  const s = obj(value);
  return {
    id: String(s.id),
    title: String(s.title),
    titleEn: str(s.titleEn),
    publisher: str(s.publisher),
    author: str(s.author),
    publishedAt: str(s.publishedAt),
    language: str(s.language),
    url: str(s.url),
    reliability: SOURCE_RELIABILITIES.find((grade) => grade === s.reliability) ?? 'F',
    reliabilityReason: str(s.reliabilityReason),
  };
}

/** Evidence stored before stance and per-evidence dates existed reads as supporting and undated. */
function toEvidence(text: string): Evidence | null {
  const e = parseJson<Partial<Evidence> | null>(text, null);
  if (!e || typeof e.id !== 'string') return null;
  return { ...e, stance: e.stance ?? 'SUPPORTS', occurredAt: e.occurredAt ?? null } as Evidence;
}

/**
 * The event time of a relationship as the evidence in view dates it: their one date when they agree,
 * else the span from the earliest start to the latest end.
 */
function occurredAtOf(dates: (string | null)[], from: string | null, to: string | null): string | null {
  const distinct = [...new Set(dates.filter((d): d is string => d !== null && d !== ''))];
  if (distinct.length === 1) return distinct[0]!;
  return from && to ? `${from}/${to}` : null;
}

/**
 * The evidence of cypher/fragments/relationship-facts-view: its facts from the lists beside the stored
 * JSON, which is not read. Only the fields those lists hold are set; the resolvers ask for this view only
 * when a request selects nothing else of evidence (server/graphql/resolvers.ts EVIDENCE_FACTS), so the
 * missing words are never resolved.
 */
function factsEvidence(facts: Obj): Evidence[] {
  const ids = strings(facts.ids);
  const rank = Array.isArray(facts.rank) ? facts.rank : [];
  const stance = strings(facts.stance);
  const occurredAt = Array.isArray(facts.occurredAt) ? facts.occurredAt : [];
  const sourceIds = strings(facts.sourceIds);
  return ids.map(
    (id, i) =>
      ({
        id,
        certainty: certaintyFromRank(Number(rank[i] ?? 1)),
        stance: STANCES.find((known) => known === stance[i]) ?? 'SUPPORTS',
        occurredAt: str(occurredAt[i]) || null,
        sourceId: sourceIds[i]!,
      }) as Evidence,
  );
}

/**
 * A relationship from cypher/fragments/relationship-view.cypher (its `summary` derived from the evidence
 * that passed the request's filter; its evidence as stored JSON), relationship-facts-view (its evidence as
 * `facts` lists, or only their event dates when no evidence was asked for) or from stored properties (whose
 * summary over all evidence is stored under the same names by refresh-relationship-summary).
 */
export function toRelationship(value: Plain): Relationship {
  const r = obj(value);
  const summary = r.summary === undefined ? r : obj(r.summary);
  const facts = r.facts === undefined ? null : obj(r.facts);
  const evidence = facts
    ? factsEvidence(facts)
    : strings(r.evidence)
        .map(toEvidence)
        .filter((e): e is Evidence => e !== null);
  const dates = facts
    ? (Array.isArray(facts.occurredAt) ? facts.occurredAt : []).map(str)
    : evidence.map((e) => e.occurredAt);
  return {
    id: String(r.id),
    type: String(r.type),
    fromId: String(r.fromId),
    toId: String(r.toId),
    certainty: certaintyFromRank(Number(summary.certaintyRank ?? 1)),
    occurredAt: occurredAtOf(dates, str(summary.occurredFrom), str(summary.occurredTo)),
    sourceCount: strings(summary.sourceIds).length,
    disputed: summary.disputed === true,
    properties: parseJson<Properties>(r.properties, {}),
    evidence,
    version: Number(r.version ?? 1),
    deleted: r.deleted === true,
    notes: notes(r.notes),
  };
}

export const toEntities = (value: Plain | undefined): Entity[] =>
  Array.isArray(value) ? value.map(toEntity) : [];
export const toSources = (value: Plain | undefined): Source[] =>
  Array.isArray(value) ? value.map(toSource) : [];

export type EvidenceWithSource = Evidence & { source: Source };
export type RelationshipWithSources = Omit<Relationship, 'evidence'> & { evidence: EvidenceWithSource[] };

/** Resolves each evidence's source from the sources fetched in the same statement (no extra query). */
export function attachSources(relationships: Relationship[], sources: Source[]): RelationshipWithSources[] {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const fallback = (id: string): Source => ({
    id,
    title: id,
    titleEn: null,
    publisher: null,
    author: null,
    publishedAt: null,
    language: null,
    url: null,
    reliability: 'F',
    reliabilityReason: null,
  });
  return relationships.map((r) => ({
    ...r,
    evidence: r.evidence.map((e) => ({ ...e, source: byId.get(e.sourceId) ?? fallback(e.sourceId) })),
  }));
}

/** A streamed answer (cypher/find-neighborhood, find-paths): rows of (part, item) grouped by part. */
export function groupParts(rows: { part?: Plain; item?: Plain }[]): Map<string, Plain[]> {
  const parts = new Map<string, Plain[]>();
  for (const row of rows) {
    const part = String(row.part);
    const items = parts.get(part);
    if (items) items.push(row.item ?? null);
    else parts.set(part, [row.item ?? null]);
  }
  return parts;
}
