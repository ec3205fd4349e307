// The graph repository: one method per user intent, one Cypher statement per method (imports aside).
// Takes parsed inputs, returns model objects; knows nothing of GraphQL or HTTP.
import crypto from 'node:crypto';
import type { Database, Row } from '../db/database.ts';
import { AppError, badInput, conflict, notFound } from '../errors.ts';
import { entityFields, evidenceRecord, sourceRecord, uniqueById } from './records.ts';
import {
  attachSources,
  groupParts,
  toEntities,
  toEntity,
  toRelationship,
  toSources,
  type EvidenceWithSource,
  type RelationshipWithSources,
} from './mapping.ts';
import {
  RELIABILITY_RANK,
  parseRelationshipId,
  relationshipId,
  type Entity,
  type Note,
  type SavedView,
  type Source,
  type SourceReliability,
} from './model.ts';
import { createProposalStore } from './ingest/store.ts';
import {
  buildClaimQuery,
  buildSearchQuery,
  CHOSEONG,
  CHOSEONG_BOUNDS,
  choseongPattern,
  describeMatch,
} from './search.ts';
import { UNFILTERED, type FilterParams } from './inputs.ts';
import type { z } from 'zod';
import type {
  CreateEntityInput,
  CreateRelationshipInput,
  EntityPatchInput,
  EvidenceInputSchema,
  RelationshipPatchInput,
} from './inputs.ts';

export interface Actor {
  name: string;
}

export interface ClaimHit {
  relationship: RelationshipWithSources;
  from: Entity;
  to: Entity;
  evidence: EvidenceWithSource;
  score: number;
}

export interface SearchHit {
  entity: Entity;
  score: number;
  matchedField: string;
  snippet: string;
}

export interface SubgraphResult {
  nodes: Entity[];
  relationships: RelationshipWithSources[];
  truncated: boolean;
  totalNodes: number;
  countedDepth: number;
  hubsNotExpanded: string[];
}

/**
 * How much of their relationships' evidence a neighbourhood or paths answer carries: none (the derived
 * fields only), its facts (id, certainty, stance, event date, source: from the lists beside the stored
 * JSON, which is then not read), or everything (the stored JSON decoded).
 */
export type EvidenceDepth = 'none' | 'facts' | 'text';
const EVIDENCE_PARAM = { none: 'NONE', facts: 'FACTS', text: 'TEXT' } as const;
const FACTS = new Set(['id', 'certainty', 'stance', 'occurredAt']);
/**
 * Whether a field of Evidence (a dotted leaf path, e.g. 'source.reliability') is answered at depth
 * 'facts': what the lists beside the stored JSON hold (cypher/fragments/relationship-facts-view), and the
 * source, which comes apart from the evidence, once per answer.
 */
export const isEvidenceFact = (leaf: string) => FACTS.has(leaf) || leaf.startsWith('source.');

export interface PathResult {
  nodes: Entity[];
  relationships: RelationshipWithSources[];
}

export interface AuditEntryResult {
  id: string;
  at: string;
  actor: string;
  action: string;
  targetId: string | null;
  before: string | null;
  after: string | null;
}

const first = (rows: Row[]): Row => rows[0] ?? {};
const num = (v: unknown) => Number(v ?? 0);
const now = () => new Date().toISOString();
const auditId = () => `audit-${Date.now().toString(36)}-${crypto.randomBytes(6).toString('hex')}`;

const toSavedView = (row: Row): SavedView => ({
  name: String(row.name),
  hash: String(row.hash),
  savedAt: String(row.savedAt),
  savedBy: String(row.savedBy),
});

function requireRelationshipId(id: string) {
  const key = parseRelationshipId(id);
  if (!key) throw badInput(`"${id}" is not a relationship id; they look like "fromId:TYPE:toId"`);
  return key;
}

type EvidenceInput = z.infer<typeof EvidenceInputSchema>;

function evidenceRow(ev: EvidenceInput, actor: Actor, at: string, defaultOccurredAt: string | null = null) {
  return evidenceRecord(ev, ev.sourceId ?? ev.source!.id, { at, by: actor.name }, defaultOccurredAt);
}

function snapshotJson(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

export interface GraphOptions {
  /** See cypher/find-neighborhood.cypher: farther hops do not go through entities of higher degree. */
  hubDegree: number;
  /** A whole-graph export streams for as long as its client reads; the interactive timeout would cut it. */
  exportTimeoutMs?: number;
}

/** Receives a whole-graph export: every entity, then every relationship; each call may wait for the client. */
export interface GraphStreamSink {
  node?(entity: Entity): void | Promise<void>;
  edge?(relationship: RelationshipWithSources): void | Promise<void>;
}

/** Without options nothing counts as a hub (callers that only count or import). */
export function createGraphRepository(
  db: Database,
  options: GraphOptions = { hubDegree: Number.MAX_SAFE_INTEGER },
) {
  const oneRelationship = (row: Row): RelationshipWithSources | null =>
    row.relationship ? attachSources([toRelationship(row.relationship)], toSources(row.sources))[0]! : null;

  return {
    // Article ingest: proposals of entities and claims, reviewed before they reach the graph.
    ...createProposalStore(db),

    async search(args: { text: string; kinds: string[] | null; first: number }): Promise<SearchHit[]> {
      const pattern = choseongPattern(args.text);
      if (pattern) {
        const rows = await db.read('search-choseong', {
          pattern,
          initials: CHOSEONG,
          bounds: CHOSEONG_BOUNDS,
          kinds: args.kinds,
          first: args.first,
        });
        return rows.map((row) => {
          const entity = toEntity(row.entity!);
          const snippet = entity.nameKo ?? entity.name;
          return { entity, score: num(row.score) + num(row.exact) * 100, matchedField: 'nameKo', snippet };
        });
      }
      const query = buildSearchQuery(args.text);
      if (!query) return [];
      const rows = await db.read('search', {
        lucene: query.lucene,
        forms: query.forms,
        kinds: args.kinds,
        first: args.first,
        candidates: Math.max(args.first * 5, 50),
      });
      return rows.map((row) => {
        const entity = toEntity(row.entity!);
        return { entity, score: num(row.score) + num(row.exact) * 100, ...describeMatch(entity, args.text) };
      });
    },

    async searchClaims(args: { text: string; first: number }): Promise<ClaimHit[]> {
      const lucene = buildClaimQuery(args.text);
      if (!lucene) return [];
      const rows = await db.read('search-claims', {
        lucene,
        first: args.first,
        candidates: Math.max(args.first * 10, 100),
        ...UNFILTERED,
      });
      return rows.map((row) => {
        const relationship = oneRelationship(row)!;
        return {
          relationship,
          from: toEntity(row.from!),
          to: toEntity(row.to!),
          evidence: relationship.evidence.find((e) => e.id === row.evidenceId) ?? relationship.evidence[0]!,
          score: num(row.score),
        };
      });
    },

    async entity(id: string): Promise<Entity | null> {
      const row = (await db.read('get-entity', { id }))[0];
      return row ? toEntity(row.entity!) : null;
    },

    async entities(args: {
      kinds: string[] | null;
      includeDeleted: boolean;
      first: number;
      after: string | null;
    }) {
      const row = first(await db.read('list-entities', { ...args, first: args.first + 1 }));
      const all = toEntities(row.entities);
      return {
        entities: all.slice(0, args.first),
        hasNextPage: all.length > args.first,
        totalCount: num(row.totalCount),
      };
    },

    async relationship(id: string): Promise<RelationshipWithSources | null> {
      const key = requireRelationshipId(id);
      const row = (await db.read('get-relationship', { ...key, ...UNFILTERED }))[0];
      return row ? oneRelationship(row) : null;
    },

    async neighborhood(args: {
      ids: string[];
      depth: number;
      limit: number;
      filter: FilterParams;
      evidence?: EvidenceDepth;
    }): Promise<SubgraphResult> {
      const ids = [...new Set(args.ids)];
      const parts = groupParts(
        await db.read('find-neighborhood', {
          ids,
          depth: args.depth,
          limit: args.limit,
          hubDegree: options.hubDegree,
          hubLists: true,
          evidence: EVIDENCE_PARAM[args.evidence ?? 'text'],
          ...args.filter,
        }),
      );
      const answer = (parts.get('answer')?.[0] ?? {}) as Row;
      const found = new Set((answer.found as string[] | null) ?? []);
      const missing = ids.filter((id) => !found.has(id));
      if (missing.length > 0)
        throw notFound(`No entity with id ${missing.map((m) => `"${m}"`).join(', ')}; search for it first`, {
          ids: missing,
        });
      const nodes = toEntities(parts.get('node') ?? []);
      const total = num(answer.total);
      return {
        nodes,
        relationships: attachSources(
          (parts.get('relationship') ?? []).map(toRelationship),
          toSources(parts.get('source') ?? []),
        ),
        truncated: total > nodes.length,
        totalNodes: total,
        countedDepth: num(answer.countedDepth),
        hubsNotExpanded: (answer.hubsNotExpanded as string[] | null) ?? [],
      };
    },

    /** The evidence that passes the filter for each known relationship id, with its sources. */
    async evidence(args: {
      relationshipIds: string[];
      filter: FilterParams;
    }): Promise<RelationshipWithSources[]> {
      const keys = [...new Set(args.relationshipIds)].map(requireRelationshipId);
      const parts = groupParts(await db.read('find-evidence', { keys, ...args.filter }));
      return attachSources(
        (parts.get('relationship') ?? []).map(toRelationship),
        toSources(parts.get('source') ?? []),
      );
    },

    async expansionPreview(args: { id: string; excludeIds: string[]; filter: FilterParams }) {
      const row = (
        await db.read('expansion-preview', { id: args.id, excludeIds: args.excludeIds, ...args.filter })
      )[0];
      if (!row) throw notFound(`No entity with id "${args.id}"; search for it first`);
      const groups = (Array.isArray(row.groups) ? row.groups : []) as {
        type: string;
        direction: 'OUT' | 'IN';
        count: number;
      }[];
      const kinds = (Array.isArray(row.kinds) ? row.kinds : []) as { kind: string; count: number }[];
      return {
        id: String(row.id),
        total: num(row.total),
        groups: groups.map((g) => ({ ...g, count: num(g.count) })),
        kinds: kinds.map((k) => ({ kind: k.kind, count: num(k.count) })),
      };
    },

    async paths(args: {
      fromId: string;
      toId: string;
      maxLength: number;
      first: number;
      filter: FilterParams;
      evidence?: EvidenceDepth;
    }): Promise<PathResult[]> {
      if (args.fromId === args.toId)
        throw badInput('fromId and toId are the same entity; pick two different ones');
      const { filter, evidence, ...question } = args;
      const parts = groupParts(
        await db.read('find-paths', { ...question, evidence: EVIDENCE_PARAM[evidence ?? 'text'], ...filter }),
      );
      const answer = (parts.get('answer')?.[0] ?? {}) as Row;
      const found = new Set((answer.found as string[] | null) ?? []);
      const missing = [args.fromId, args.toId].filter((id) => !found.has(id));
      if (missing.length > 0)
        throw notFound(`No entity with id ${missing.map((m) => `"${m}"`).join(', ')}`, { ids: missing });
      const sources = toSources(parts.get('source') ?? []);
      const paths = (parts.get('path') ?? []) as { index: number; nodes: never; relationships: never }[];
      return paths
        .sort((a, b) => a.index - b.index)
        .map((p) => ({
          nodes: toEntities(p.nodes),
          relationships: attachSources((p.relationships as unknown as []).map(toRelationship), sources),
        }));
    },

    async timeline(args: {
      from: string | null;
      to: string | null;
      clock: 'OCCURRED' | 'PUBLISHED';
      first: number;
      filter: FilterParams;
    }) {
      const { filter, ...window } = args;
      const row = first(await db.read('timeline', { ...window, ...filter }));
      const sources = toSources(row.sources);
      const items = (Array.isArray(row.items) ? row.items : []) as {
        from: string;
        to: string;
        entity: never;
        relationship: never;
      }[];
      return items.map((item) => ({
        from: String(item.from),
        to: String(item.to),
        entity: item.entity ? toEntity(item.entity) : null,
        relationship: item.relationship
          ? attachSources([toRelationship(item.relationship)], sources)[0]!
          : null,
      }));
    },

    async sources(): Promise<Source[]> {
      return (await db.read('list-sources')).map((row) => toSources([row.source!])[0]!);
    },

    async stats(top: number) {
      const row = first(await db.read('stats', { top }));
      const counts = (v: unknown) =>
        ((Array.isArray(v) ? v : []) as { key: string; count: number }[]).map((c) => ({
          key: String(c.key),
          count: num(c.count),
        }));
      return {
        entities: num(row.entities),
        relationships: num(row.relationships),
        evidence: num(row.evidence),
        sources: num(row.sources),
        entitiesByKind: counts(row.entitiesByKind),
        relationshipsByType: counts(row.relationshipsByType),
        relationshipsByCertainty: counts(row.relationshipsByCertainty),
        evidenceByCertainty: counts(row.evidenceByCertainty),
        topEntities: (
          (Array.isArray(row.topEntities) ? row.topEntities : []) as { entity: never; degree: number }[]
        ).map((t) => ({
          entity: toEntity(t.entity),
          degree: num(t.degree),
        })),
      };
    },

    async auditTrail(args: { targetId: string | null; first: number }): Promise<AuditEntryResult[]> {
      const rows = await db.read('audit-trail', { targetId: args.targetId ?? null, first: args.first });
      return rows.map((row) => {
        const entry = row.entry as Record<string, unknown>;
        return {
          id: String(entry.id),
          at: String(entry.at),
          actor: String(entry.actor),
          action: String(entry.action),
          targetId: entry.targetId == null ? null : String(entry.targetId),
          before: snapshotJson(row.before ?? entry.before),
          after: snapshotJson(row.after ?? entry.after),
        };
      });
    },

    async savedViews(): Promise<SavedView[]> {
      return (await db.read('list-saved-views')).map(toSavedView);
    },

    async saveView(name: string, hash: string, actor: Actor): Promise<SavedView> {
      return toSavedView(first(await db.write('save-view', { name, hash, now: now(), actor: actor.name })));
    },

    async deleteSavedView(name: string): Promise<boolean> {
      return num(first(await db.write('delete-saved-view', { name })).deleted) > 0;
    },

    async countEntities(): Promise<{ entities: number; relationships: number }> {
      const row = first(await db.read('count-entities'));
      return { entities: num(row.entities), relationships: num(row.relationships) };
    },

    // Curation: each mutation is one statement that writes its audit entry with it. Its checks run before
    // the commit (db.write's accept), so a refused mutation commits nothing, not even a generation bump
    // that would empty every replica's cache.

    async createEntity(
      input: z.infer<typeof CreateEntityInput> & { id: string },
      actor: Actor,
    ): Promise<Entity> {
      const entity = {
        ...entityFields({
          ...input,
          aliases: input.aliases ?? [],
          properties: input.properties ?? {},
          nameKo: input.nameKo ?? null,
          description: input.description ?? null,
          occurredAt: input.occurredAt ?? null,
        }),
        id: input.id,
      };
      try {
        const row = first(
          await db.write('create-entity', { entity, now: now(), actor: actor.name, auditId: auditId() }),
        );
        return toEntity(row.entity!);
      } catch (error) {
        if (error instanceof AppError && error.code === 'CONFLICT')
          throw conflict(
            `An entity with id "${input.id}" already exists; choose another id or update that one`,
          );
        throw error;
      }
    },

    async updateEntity(
      id: string,
      version: number,
      patch: z.infer<typeof EntityPatchInput>,
      actor: Actor,
    ): Promise<Entity> {
      const stored = entityFields(patch);
      const params = {
        id,
        version,
        patch: stored,
        kind: patch.kind ?? null,
        now: now(),
        actor: actor.name,
        auditId: auditId(),
      };
      return db.write('update-entity', params, (rows) => {
        const row = first(rows);
        if (!row.entity) throw notFound(`No entity with id "${id}"`);
        const entity = toEntity(row.entity);
        if (row.current !== true) {
          if (entity.deleted)
            throw conflict(`Entity "${id}" is deleted; restore it before editing`, {
              currentVersion: entity.version,
            });
          throw conflict(
            `Entity "${id}" changed since version ${version} (now ${entity.version}); reload it and apply your change again`,
            { currentVersion: entity.version },
          );
        }
        return entity;
      });
    },

    async setEntityDeleted(
      id: string,
      version: number | null,
      deleted: boolean,
      actor: Actor,
    ): Promise<Entity> {
      const params = { id, version, deleted, now: now(), actor: actor.name, auditId: auditId() };
      return db.write('set-entity-deleted', params, (rows) => {
        const row = first(rows);
        if (!row.entity) throw notFound(`No entity with id "${id}"`);
        const entity = toEntity(row.entity);
        if (row.current !== true) {
          if (entity.mergedInto)
            throw conflict(`Entity "${id}" was merged into "${entity.mergedInto}"; undo the merge instead`);
          if (entity.deleted === deleted)
            throw conflict(`Entity "${id}" is already ${deleted ? 'deleted' : 'live'}`);
          throw conflict(
            `Entity "${id}" changed since version ${version} (now ${entity.version}); reload it first`,
            { currentVersion: entity.version },
          );
        }
        return entity;
      });
    },

    async createRelationship(
      input: z.infer<typeof CreateRelationshipInput>,
      actor: Actor,
    ): Promise<RelationshipWithSources> {
      const at = now();
      const evidence = uniqueById(
        input.evidence.map((ev) => evidenceRow(ev, actor, at, input.occurredAt ?? null)),
      );
      const newSources = uniqueById(
        input.evidence.filter((ev) => ev.source).map((ev) => sourceRecord(ev.source!)),
      );
      const id = relationshipId(input.fromId, input.type, input.toId);
      const relationship = { id, properties: JSON.stringify(input.properties ?? {}) };
      const params = {
        fromId: input.fromId,
        type: input.type,
        toId: input.toId,
        relationship,
        evidence,
        newSources,
        citedSourceIds: [...new Set(evidence.map((e) => e.sourceId))],
        ...UNFILTERED,
        now: at,
        actor: actor.name,
        auditId: auditId(),
      };
      return db.write('create-relationship', params, (rows) => {
        const row = first(rows);
        if (row.fromFound !== true) throw notFound(`No entity with id "${input.fromId}" (fromId)`);
        if (row.toFound !== true) throw notFound(`No entity with id "${input.toId}" (toId)`);
        if (row.exists === true)
          throw conflict(`${relationship.id} already exists; add evidence to it with addEvidence`);
        const missing = (row.missingSources as string[] | null) ?? [];
        if (missing.length > 0)
          throw notFound(
            `Unknown source ${missing.map((m) => `"${m}"`).join(', ')}; pass it inline as evidence.source`,
          );
        return oneRelationship(row)!;
      });
    },

    async updateRelationship(
      id: string,
      version: number,
      patch: z.infer<typeof RelationshipPatchInput>,
      actor: Actor,
    ) {
      const key = requireRelationshipId(id);
      const stored = { properties: JSON.stringify(patch.properties) };
      const params = {
        ...key,
        version,
        patch: stored,
        ...UNFILTERED,
        now: now(),
        actor: actor.name,
        auditId: auditId(),
      };
      return db.write('update-relationship', params, (rows) => {
        const row = first(rows);
        const relationship = oneRelationship(row);
        if (!relationship) throw notFound(`No relationship ${id}`);
        if (row.current !== true)
          throw conflict(
            `Relationship ${id} changed since version ${version} (now ${relationship.version}); reload it first`,
            { currentVersion: relationship.version },
          );
        return relationship;
      });
    },

    async setRelationshipDeleted(id: string, version: number | null, deleted: boolean, actor: Actor) {
      const key = requireRelationshipId(id);
      const params = {
        ...key,
        version,
        deleted,
        ...UNFILTERED,
        now: now(),
        actor: actor.name,
        auditId: auditId(),
      };
      return db.write('set-relationship-deleted', params, (rows) => {
        const row = first(rows);
        const relationship = oneRelationship(row);
        if (!relationship) throw notFound(`No relationship ${id}`);
        if (row.current !== true) {
          if (relationship.deleted === deleted)
            throw conflict(`Relationship ${id} is already ${deleted ? 'deleted' : 'live'}`);
          throw conflict(
            `Relationship ${id} changed since version ${version} (now ${relationship.version}); reload it first`,
            { currentVersion: relationship.version },
          );
        }
        return relationship;
      });
    },

    async addEvidence(id: string, ev: EvidenceInput, actor: Actor) {
      const key = requireRelationshipId(id);
      const record = evidenceRow(ev, actor, now());
      const params = {
        ...key,
        evidence: record,
        newSource: ev.source ? sourceRecord(ev.source) : null,
        ...UNFILTERED,
        now: now(),
        actor: actor.name,
        auditId: auditId(),
      };
      return db.write('add-evidence', params, (rows) => {
        const row = first(rows);
        const relationship = oneRelationship(row);
        if (!relationship) throw notFound(`No relationship ${id}`);
        if (row.sourceFound !== true)
          throw notFound(`Unknown source "${record.sourceId}"; pass it inline as evidence.source`);
        return relationship;
      });
    },

    async rateSource(
      id: string,
      reliability: SourceReliability,
      reason: string | null,
      actor: Actor,
    ): Promise<Source> {
      const params = {
        id,
        reliability,
        reliabilityRank: RELIABILITY_RANK[reliability],
        reason,
        now: now(),
        actor: actor.name,
        auditId: auditId(),
      };
      return db.write('rate-source', params, (rows) => {
        const row = first(rows);
        if (!row.source) throw notFound(`No source with id "${id}"; list them with the sources query`);
        return toSources([row.source])[0]!;
      });
    },

    async mergeEntities(keepId: string, mergeId: string, actor: Actor) {
      if (keepId === mergeId)
        throw badInput('keepId and mergeId are the same entity; pick the duplicate to merge');
      const mergeRecordId = `merge-${Date.now().toString(36)}-${crypto.randomBytes(4).toString('hex')}`;
      const params = { keepId, mergeId, mergeRecordId, now: now(), actor: actor.name, auditId: auditId() };
      return db.write('merge-entities', params, (rows) => {
        const row = first(rows);
        if (row.keepFound !== true) throw notFound(`No live entity with id "${keepId}" (keepId)`);
        if (row.mergeFound !== true) throw notFound(`No live entity with id "${mergeId}" (mergeId)`);
        return { mergeId: mergeRecordId, entity: toEntity(row.entity!), movedRelationships: num(row.moved) };
      });
    },

    async unmergeEntities(mergeRecordId: string, actor: Actor): Promise<Entity[]> {
      const params = { mergeId: mergeRecordId, now: now(), actor: actor.name, auditId: auditId() };
      return db.write('unmerge-entities', params, (rows) => {
        const row = first(rows);
        if (row.found !== true)
          throw notFound(`No merge "${mergeRecordId}"; use the mergeId that mergeEntities returned`);
        if (row.current !== true)
          throw conflict(
            `Merge "${mergeRecordId}" cannot be undone: it was already undone, or the surviving entity changed since`,
          );
        return toEntities(row.entities);
      });
    },

    /**
     * The whole live graph that passes the filter, streamed in ONE read transaction (entities, then
     * relationships between exported entities), so a million entities never sit in memory and the two
     * halves are read together. The sink says which halves it wants.
     */
    async streamGraph(filter: FilterParams, sink: GraphStreamSink): Promise<void> {
      const { node, edge } = sink;
      await db.streamTransaction(
        'export-graph',
        async (tx) => {
          if (node)
            await tx.stream('export-entities', { kinds: filter.kinds }, (row) => node(toEntity(row.entity!)));
          if (edge)
            await tx.stream('export-relationships', { ...filter }, (row) =>
              edge(attachSources([toRelationship(row.relationship!)], toSources(row.sources))[0]!),
            );
        },
        { timeoutMs: options.exportTimeoutMs },
      );
    },

    async addNote(targetId: string, text: string, actor: Actor): Promise<Note> {
      const relationshipKey = targetId.includes(':') ? requireRelationshipId(targetId) : null;
      const note: Note = {
        id: `note-${crypto.randomBytes(6).toString('hex')}`,
        text,
        author: actor.name,
        createdAt: now(),
      };
      const params = {
        entityId: relationshipKey ? null : targetId,
        fromId: relationshipKey?.fromId ?? null,
        type: relationshipKey?.type ?? null,
        toId: relationshipKey?.toId ?? null,
        note: JSON.stringify(note),
        now: note.createdAt,
        actor: actor.name,
        auditId: auditId(),
      };
      return db.write('add-note', params, (rows) => {
        if (first(rows).found !== true) throw notFound(`Nothing live with id "${targetId}" to annotate`);
        return note;
      });
    },
  };
}

export type GraphRepository = ReturnType<typeof createGraphRepository>;
