// Proposals: the article's proposed entities and claims, stored apart from the graph until the analyst
// accepts them. Each operation is one Cypher statement; accepting writes the graph and its audit entry
// together (cypher/accept-proposal.cypher).
import crypto from 'node:crypto';
import { z } from 'zod';
import type { Database, Row } from '../../db/database.ts';
import type { Plain } from '../../db/values.ts';
import { badInput, conflict, notFound } from '../../errors.ts';
import { OCCURRED_AT_HINT, parseOccurredAt } from '../../../shared/dates.ts';
import { TYPE_PATTERN } from '../import/format.ts';
import { check } from '../inputs.ts';
import { toEntity, toSource } from '../mapping.ts';
import { evidenceAddedParts, evidenceParts, evidencePartsPatch, sourceRecord } from '../records.ts';
import {
  CERTAINTIES,
  ENTITY_KINDS,
  STANCES,
  type Certainty,
  type Entity,
  type Source,
  type Stance,
} from '../model.ts';
import { buildGazetteer, type Gazetteer, type GazetteerEntity } from './mentions.ts';
import { propose, slugFor, type ArticleSource, type DraftClaim, type DraftEntity } from './propose.ts';
import type { Span } from './text.ts';

export const PROPOSAL_STATUSES = ['PENDING', 'ACCEPTED', 'REJECTED'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export interface ProposedEntityView {
  key: string;
  entity: Entity | null;
  name: string;
  nameKo: string | null;
  kind: string;
  mentions: Span[];
  confidence: number;
}

export interface ProposedClaimView {
  id: string;
  type: string;
  from: ProposedEntityView;
  to: ProposedEntityView;
  quote: string;
  span: Span;
  translation: string | null;
  attributedTo: string;
  certainty: Certainty;
  stance: Stance;
  cue: string | null;
  occurredAt: string | null;
  confidence: number;
  status: ProposalStatus;
}

export interface ProposalView {
  id: string;
  status: ProposalStatus;
  text: string;
  format: string;
  language: string;
  createdAt: string;
  createdBy: string;
  version: number;
  source: Source;
  entities: ProposedEntityView[];
  claims: ProposedClaimView[];
}

const day = z
  .string()
  .refine((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && parseOccurredAt(d) !== null, 'publishedAt is YYYY-MM-DD');
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => v || null);

export const ProposeClaimsInput = z.object({
  text: z.string(),
  source: z.object({
    title: z.string().trim().min(1, 'source.title must not be empty').max(500),
    publisher: z.string().trim().min(1, 'source.publisher must not be empty').max(300),
    author: optional(300),
    publishedAt: day,
    language: optional(10),
    url: z.url({ message: 'source.url must be an http(s) URL' }).max(2000).nullish(),
  }),
});

export const ProposedClaimPatch = z
  .object({
    type: z.string().regex(TYPE_PATTERN, 'type is an UPPER_SNAKE verb such as MET_WITH').max(100).optional(),
    fromKey: z.string().min(1).max(300).optional(),
    toKey: z.string().min(1).max(300).optional(),
    certainty: z.enum(CERTAINTIES).optional(),
    stance: z.enum(STANCES).optional(),
    translation: z.string().trim().max(4000).nullish(),
    occurredAt: z
      .string()
      .refine((d) => parseOccurredAt(d) !== null, `occurredAt: ${OCCURRED_AT_HINT}`)
      .nullish(),
  })
  .refine((p) => Object.keys(p).length > 0, 'patch is empty; give at least one field to change');

export const ProposedEntityPatch = z
  .object({
    entityId: z.string().min(1).max(200).nullish(),
    name: z.string().trim().min(1, 'name must not be empty').max(500).optional(),
    nameKo: z.string().trim().max(500).nullish(),
    kind: z.enum(ENTITY_KINDS, { message: `kind must be one of ${ENTITY_KINDS.join(', ')}` }).optional(),
  })
  .refine((p) => Object.keys(p).length > 0, 'patch is empty; give entityId, name, nameKo or kind');

const FirstArg = z.number().int().min(1, 'first must be 1–200').max(200, 'first must be 1–200');

const now = () => new Date().toISOString();
const hash = (text: string) => crypto.createHash('sha256').update(text).digest('hex').slice(0, 8);
const auditId = () => `audit-${Date.now().toString(36)}-${crypto.randomBytes(6).toString('hex')}`;
type Obj = { [key: string]: Plain };
const obj = (v: Plain | undefined): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});
const list = (v: Plain | undefined): Plain[] => (Array.isArray(v) ? v : []);
const str = (v: Plain | undefined) => (v === null || v === undefined ? null : String(v));

/** Stored fields of a new entity made from a name: its id slug, no aliases yet, empty search text. */
function newEntityFields(name: string, nameKo: string | null) {
  return { newId: slugFor(name), name, nameKo, aliases: [], aliasText: '' };
}

function entityRow(e: DraftEntity, proposalId: string) {
  return {
    key: e.key,
    entityId: e.entityId,
    kind: e.kind,
    confidence: e.confidence,
    mentionStarts: e.mentions.map((m) => m.start),
    mentionEnds: e.mentions.map((m) => m.end),
    firstStart: e.mentions[0]?.start ?? 0,
    idSuffix: hash(`${proposalId}:${e.key}`).slice(0, 6),
    ...newEntityFields(e.name, e.nameKo),
  };
}

function occurredFields(occurredAt: string | null) {
  const bounds = occurredAt ? parseOccurredAt(occurredAt) : null;
  return { occurredAt, occurredFrom: bounds?.from ?? null, occurredTo: bounds?.to ?? null };
}

function claimRow(c: DraftClaim, sourceId: string) {
  return {
    id: c.id,
    status: 'PENDING',
    type: c.type,
    fromKey: c.fromKey,
    toKey: c.toKey,
    quote: c.quote,
    spanStart: c.span.start,
    spanEnd: c.span.end,
    translation: c.translation,
    attributedTo: c.attributedTo,
    certainty: c.certainty,
    stance: c.stance,
    cue: c.cue,
    confidence: c.confidence,
    // A proposed claim quotes its whole sentence, so the sentence shown around it is the quote itself.
    ...evidenceParts({ ...c, sentence: c.quote }, sourceId),
    ...occurredFields(c.occurredAt),
  };
}

export function toProposal(row: Row): ProposalView {
  const p = obj(row.proposal);
  const linked = new Map(list(row.linked).map((n) => [String(obj(n).id), toEntity(n)]));
  const entities = list(row.entities).map((value): ProposedEntityView => {
    const e = obj(value);
    const starts = list(e.mentionStarts).map(Number);
    const ends = list(e.mentionEnds).map(Number);
    const entity = linked.get(String(e.entityId ?? e.acceptedId ?? '')) ?? null;
    return {
      key: String(e.key),
      entity,
      name: entity && e.entityId ? entity.name : String(e.name),
      nameKo: entity && e.entityId ? entity.nameKo : str(e.nameKo),
      kind: entity && e.entityId ? entity.kind : String(e.kind),
      mentions: starts.map((start, i) => ({ start, end: ends[i]! })),
      confidence: Number(e.confidence ?? 0),
    };
  });
  const byKey = new Map(entities.map((e) => [e.key, e]));
  const claims = list(row.claims).map((value): ProposedClaimView => {
    const c = obj(value);
    return {
      id: String(c.id),
      type: String(c.type),
      from: byKey.get(String(c.fromKey))!,
      to: byKey.get(String(c.toKey))!,
      quote: String(c.quote),
      span: { start: Number(c.spanStart), end: Number(c.spanEnd) },
      translation: str(c.translation),
      attributedTo: String(c.attributedTo),
      certainty: String(c.certainty) as Certainty,
      // Proposals stored before stances were read support their claims.
      stance: (str(c.stance) ?? 'SUPPORTS') as Stance,
      cue: str(c.cue),
      occurredAt: str(c.occurredAt),
      confidence: Number(c.confidence ?? 0),
      status: String(c.status ?? 'PENDING') as ProposalStatus,
    };
  });
  return {
    id: String(p.id),
    status: String(p.status) as ProposalStatus,
    text: String(p.text),
    format: String(p.format),
    language: String(p.language),
    createdAt: String(p.createdAt),
    createdBy: String(p.createdBy),
    version: Number(p.version ?? 1),
    source: toSource(row.source ?? {}),
    entities,
    claims,
  };
}

/** How long a gazetteer read from the graph is reused when no write went through this server. */
const GAZETTEER_TTL_MS = 30_000;

export function createProposalStore(db: Database) {
  let cached: { at: number; gazetteer: Gazetteer } | null = null;

  async function gazetteer(): Promise<Gazetteer> {
    if (cached && Date.now() - cached.at < GAZETTEER_TTL_MS) return cached.gazetteer;
    const row = (await db.read('ingest-gazetteer'))[0] ?? {};
    const entities = list(row.entities)
      .map(obj)
      .filter((e) => e.id !== null && e.id !== undefined)
      .map((e): GazetteerEntity => ({
        id: String(e.id),
        kind: String(e.kind),
        name: String(e.name),
        nameKo: str(e.nameKo),
        aliases: list(e.aliases).map(String),
      }));
    cached = { at: Date.now(), gazetteer: buildGazetteer(entities, list(row.types).map(String)) };
    return cached.gazetteer;
  }

  async function update(
    id: string,
    params: {
      claimId?: string;
      claimPatch?: Record<string, unknown>;
      evidencePatch?: Record<string, string>;
      fromKey?: string | null;
      toKey?: string | null;
      entityKey?: string;
      entityPatch?: Record<string, unknown>;
      linkTo?: string | null;
      reject?: boolean;
    },
    actor: { name: string },
  ): Promise<ProposalView> {
    // Checked inside the transaction: a refused edit rolls back, so it bumps no generation and no cache.
    return db.write(
      'update-proposal',
      {
        id,
        claimId: params.claimId ?? null,
        claimPatch: params.claimPatch ?? null,
        evidencePatch: params.evidencePatch ?? {},
        fromKey: params.fromKey ?? null,
        toKey: params.toKey ?? null,
        entityKey: params.entityKey ?? null,
        entityPatch: params.entityPatch ?? null,
        linkTo: params.linkTo ?? null,
        reject: params.reject ?? false,
        now: now(),
        actor: actor.name,
      },
      (rows) => checkedUpdate(id, params, rows[0]!),
    );
  }

  return {
    /** Drops the cached gazetteer (after any write through this server). */
    invalidateGazetteer() {
      cached = null;
    },

    async proposeClaims(input: unknown, actor: { name: string }): Promise<ProposalView> {
      const { text, source } = check(ProposeClaimsInput, input);
      const draft = propose({ text, source: source as ArticleSource }, await gazetteer());
      const at = now();
      const id = `proposal-${Date.now().toString(36)}-${crypto.randomBytes(4).toString('hex')}`;
      const row = (
        await db.write('save-proposal', {
          proposal: {
            id,
            status: 'PENDING',
            text: draft.text,
            format: draft.format,
            language: draft.language,
            sourceId: draft.source.id,
            createdAt: at,
            createdBy: actor.name,
            updatedAt: at,
            version: 1,
          },
          source: sourceRecord(draft.source),
          entities: draft.entities.map((e) => entityRow(e, id)),
          claims: draft.claims.map((c) => claimRow(c, draft.source.id)),
        })
      )[0]!;
      return toProposal(row);
    },

    async proposal(id: string): Promise<ProposalView | null> {
      const row = (await db.read('find-proposals', { id, status: null, first: 1 }))[0];
      return row ? toProposal(row) : null;
    },

    async proposals(status: ProposalStatus | null, first: unknown): Promise<ProposalView[]> {
      const rows = await db.read('find-proposals', { id: null, status, first: check(FirstArg, first) });
      return rows.map(toProposal);
    },

    async updateProposalClaim(id: string, claimId: string, patch: unknown, actor: { name: string }) {
      const p = check(ProposedClaimPatch, patch);
      const stored: Record<string, unknown> = {};
      if (p.type !== undefined) stored.type = p.type;
      if (p.fromKey !== undefined) stored.fromKey = p.fromKey;
      if (p.toKey !== undefined) stored.toKey = p.toKey;
      if (p.certainty !== undefined) stored.certainty = p.certainty;
      // The evidence's stance is also stored on its own, for the filters that read it at acceptance.
      if (p.stance !== undefined) Object.assign(stored, { stance: p.stance, evidenceStance: p.stance });
      if (p.translation !== undefined) stored.translation = p.translation || null;
      if (p.occurredAt !== undefined) Object.assign(stored, occurredFields(p.occurredAt ?? null));
      const evidence = evidencePartsPatch({
        certainty: p.certainty,
        stance: p.stance,
        translation: p.translation === undefined ? undefined : p.translation || null,
        occurredAt: p.occurredAt === undefined ? undefined : (p.occurredAt ?? null),
      });
      if (evidence.rank !== null) stored.evidenceRank = evidence.rank;
      return update(
        id,
        {
          claimId,
          claimPatch: stored,
          evidencePatch: evidence.values,
          fromKey: p.fromKey ?? null,
          toKey: p.toKey ?? null,
        },
        actor,
      );
    },

    async updateProposalEntity(id: string, key: string, patch: unknown, actor: { name: string }) {
      const p = check(ProposedEntityPatch, patch);
      const stored: Record<string, unknown> = {};
      if (p.entityId !== undefined) stored.entityId = p.entityId ?? null;
      if (p.kind !== undefined) stored.kind = p.kind;
      if (p.nameKo !== undefined) stored.nameKo = p.nameKo || null;
      if (p.name !== undefined) Object.assign(stored, { name: p.name, newId: slugFor(p.name) });
      return update(id, { entityKey: key, entityPatch: stored, linkTo: p.entityId ?? null }, actor);
    },

    rejectProposal(id: string, actor: { name: string }) {
      return update(id, { reject: true }, actor);
    },

    async acceptProposal(id: string, claimIds: string[] | null, actor: { name: string }) {
      if (claimIds && claimIds.length === 0)
        throw badInput('claimIds is empty; pass the claims to accept, null for all, or reject the proposal');
      const at = now();
      // Checked inside the transaction: a refused accept rolls back, so it bumps no generation and no cache.
      const result = await db.write(
        'accept-proposal',
        {
          id,
          claimIds: claimIds ? [...new Set(claimIds)] : null,
          now: at,
          actor: actor.name,
          addedParts: evidenceAddedParts({ at, by: actor.name }),
          auditId: auditId(),
        },
        (rows) => checkedAccept(id, rows[0]!),
      );
      cached = null;
      return result;
    },
  };
}

function statusConflict(id: string, status: Plain | undefined): never {
  throw conflict(
    `Proposal "${id}" is already ${String(status).toLowerCase()}; propose the article again to review it anew`,
  );
}

/** Refuses an edit the row shows to be wrong (inside the transaction, so a refusal writes nothing). */
function checkedUpdate(
  id: string,
  params: { claimId?: string; entityKey?: string; linkTo?: string | null },
  row: Row,
): ProposalView {
  if (row.found !== true) throw notFound(`No proposal "${id}"; list them with proposals`);
  if (row.statusBefore !== 'PENDING') statusConflict(id, row.statusBefore);
  if (params.claimId && row.claimFound !== true)
    throw notFound(`Proposal "${id}" has no claim "${params.claimId}"`);
  if (params.entityKey && row.entityFound !== true)
    throw notFound(`Proposal "${id}" has no entity "${params.entityKey}"`);
  const unknownKeys = list(row.unknownKeys).map(String);
  if (unknownKeys.length > 0)
    throw badInput(
      `No proposed entity with key ${unknownKeys.map((k) => `"${k}"`).join(', ')}; use a key from the proposal's entities`,
    );
  if (row.sameEnds === true) throw badInput('fromKey and toKey are the same entity; a claim links two');
  if (row.linkFound !== true)
    throw notFound(`No live entity with id "${params.linkTo}" to link to; search for it first`);
  return toProposal(row);
}

function checkedAccept(id: string, row: Row) {
  if (row.found !== true) throw notFound(`No proposal "${id}"; list them with proposals`);
  if (row.statusBefore !== 'PENDING') statusConflict(id, row.statusBefore);
  const unknown = list(row.unknownClaims).map(String);
  if (unknown.length > 0)
    throw badInput(
      `Proposal "${id}" has no claim ${unknown.map((c) => `"${c}"`).join(', ')}; use ids from its claims`,
    );
  const missing = list(row.missingEntities).map(String);
  if (missing.length > 0)
    throw conflict(
      `Entity ${missing.map((m) => `"${m}"`).join(', ')} was deleted since the proposal; link the claims to another entity first`,
    );
  const unreadable = list(row.unreadableClaims).map(String);
  if (unreadable.length > 0)
    throw conflict(
      `Proposal "${id}" was made by an earlier version of Linkage (claims ${unreadable.join(', ')}); propose the article again`,
    );
  if (Number(row.claimCount) === 0)
    throw badInput(`Proposal "${id}" has no claims to accept; reject it instead`);
  return {
    proposal: toProposal(row),
    createdEntities: Number(row.createdEntities ?? 0),
    createdRelationships: Number(row.createdRelationships ?? 0),
    addedEvidence: Number(row.addedEvidence ?? 0),
  };
}
