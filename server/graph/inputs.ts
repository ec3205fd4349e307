// Meaning checks for API arguments (the SDL checks shape). Each parser returns clean parameters or throws
// BAD_USER_INPUT with a message that says what to send instead.
import { z } from 'zod';
import { badInput } from '../errors.ts';
import {
  CERTAINTIES,
  CERTAINTY_RANK,
  ENTITY_KINDS,
  RELIABILITY_RANK,
  SOURCE_RELIABILITIES,
  STANCES,
  parseRelationshipId,
} from './model.ts';
import { OCCURRED_AT_HINT, parseOccurredAt } from '../../shared/dates.ts';
import { ID_PATTERN, quoteInSentence, SENTENCE_HINT, SENTENCE_MAX, TYPE_PATTERN } from './import/format.ts';

export const LIMITS = {
  searchTextMax: 200,
  searchFirstMax: 100,
  idsMax: 100,
  depthMax: 3,
  neighborhoodLimitMax: 2000,
  /** Relationships whose evidence one request may ask for: an export of a big canvas. */
  evidenceIdsMax: 5000,
  pathLengthMax: 6,
  pathsFirstMax: 10,
  timelineFirstMax: 2000,
  pageMax: 500,
  auditFirstMax: 500,
  noteMax: 5000,
} as const;

export function check<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw badInput(`${where}${issue.message}`, { field: issue.path.join('.') });
  }
  return parsed.data;
}

const entityId = z.string().regex(ID_PATTERN, 'ids are lowercase slugs such as "lg-electronics"').max(200);
const kindList = z
  .array(z.enum(ENTITY_KINDS, { message: `kinds are ${ENTITY_KINDS.join(', ')}` }))
  .max(ENTITY_KINDS.length * 2)
  .nullish()
  .transform((kinds) => (kinds && kinds.length > 0 ? kinds : null));
const typeList = z
  .array(z.string().regex(TYPE_PATTERN, 'relationship types are UPPER_SNAKE such as MET_WITH').max(100))
  .max(200)
  .nullish()
  .transform((types) => (types && types.length > 0 ? types : null));
const sourceIdList = z
  .array(entityId)
  .max(200)
  .nullish()
  .transform((ids) => (ids && ids.length > 0 ? ids : null));
const day = z
  .string()
  .refine((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && parseOccurredAt(d) !== null, 'dates are YYYY-MM-DD')
  .nullish()
  .transform((d) => d ?? null);

const FilterFields = z.object({
  kinds: kindList,
  relationshipTypes: typeList,
  minCertainty: z.enum(CERTAINTIES).nullish(),
  minSourceReliability: z.enum(SOURCE_RELIABILITIES).nullish(),
  sourceIds: sourceIdList,
  occurredFrom: day,
  occurredTo: day,
  includeUndated: z.boolean().nullish(),
  publishedFrom: day,
  publishedTo: day,
});

/**
 * How each GraphFilter field is written in an export URL (`?kinds=Person,Place&minCertainty=REPORTED`):
 * a comma-separated list, plain text, or true/false. Listing a field here is what makes exports take it.
 */
export const FILTER_QUERY_FORMS = {
  kinds: 'list',
  relationshipTypes: 'list',
  minCertainty: 'text',
  minSourceReliability: 'text',
  sourceIds: 'list',
  occurredFrom: 'text',
  occurredTo: 'text',
  includeUndated: 'flag',
  publishedFrom: 'text',
  publishedTo: 'text',
} as const satisfies Record<keyof z.input<typeof FilterFields>, 'list' | 'text' | 'flag'>;

const FilterSchema = FilterFields.nullish().superRefine((f, ctx) => {
  if (f?.occurredFrom && f.occurredTo && f.occurredFrom > f.occurredTo)
    ctx.addIssue({
      code: 'custom',
      path: ['occurredTo'],
      message: 'occurredTo is before occurredFrom; swap them',
    });
  if (f?.publishedFrom && f.publishedTo && f.publishedFrom > f.publishedTo)
    ctx.addIssue({
      code: 'custom',
      path: ['publishedTo'],
      message: 'publishedTo is before publishedFrom; swap them',
    });
});

/**
 * Filter parameters shared by every graph query (null = no filter); cypher/fragments/evidence-passes.cypher
 * applies them to each piece of evidence. `evidenceFiltered` says whether any evidence filter is set, so
 * the Cypher can skip reading evidence lists when none is.
 */
export type FilterParams = ReturnType<typeof parseFilter>;

export function parseFilter(filter: unknown) {
  const f = check(FilterSchema, filter);
  const params = {
    kinds: f?.kinds ?? null,
    types: f?.relationshipTypes ?? null,
    minRank: f?.minCertainty ? CERTAINTY_RANK[f.minCertainty] : 0,
    minReliability: f?.minSourceReliability ? RELIABILITY_RANK[f.minSourceReliability] : 0,
    sourceIds: f?.sourceIds ?? null,
    occurredFrom: f?.occurredFrom ?? null,
    occurredTo: f?.occurredTo ?? null,
    includeUndated: f?.includeUndated ?? true,
    publishedFrom: f?.publishedFrom ?? null,
    publishedTo: f?.publishedTo ?? null,
  };
  const evidenceFiltered =
    params.minRank > 1 ||
    params.minReliability > 1 ||
    params.sourceIds !== null ||
    params.occurredFrom !== null ||
    params.occurredTo !== null ||
    params.publishedFrom !== null ||
    params.publishedTo !== null;
  return { ...params, evidenceFiltered };
}

/** What a write passes for the relationship it returns: every piece of evidence. */
export const UNFILTERED: FilterParams = parseFilter(null);

const bounded = (name: string, min: number, max: number) =>
  z
    .number()
    .int(`${name} must be a whole number`)
    .min(min, `${name} must be between ${min} and ${max}`)
    .max(max, `${name} must be between ${min} and ${max}`);

export const SearchArgs = z.object({
  text: z
    .string()
    .refine((t) => t.trim().length > 0, 'search text is empty; type at least one letter')
    .refine(
      (t) => t.length <= LIMITS.searchTextMax,
      `search text is limited to ${LIMITS.searchTextMax} characters`,
    ),
  kinds: kindList,
  first: bounded('first', 1, LIMITS.searchFirstMax).default(20),
});

export const SearchClaimsArgs = SearchArgs.pick({ text: true }).extend({
  first: bounded('first', 1, LIMITS.searchFirstMax).default(10),
});

export const NeighborhoodArgs = z.object({
  ids: z
    .array(entityId)
    .min(1, 'give at least one entity id')
    .max(LIMITS.idsMax, `at most ${LIMITS.idsMax} start ids`),
  depth: bounded('depth', 1, LIMITS.depthMax).default(1),
  limit: bounded('limit', 1, LIMITS.neighborhoodLimitMax).default(300),
  filter: z.unknown().optional(),
});

export const EvidenceArgs = z.object({
  relationshipIds: z
    .array(
      z
        .string()
        .max(500)
        .refine((id) => parseRelationshipId(id) !== null, {
          message: 'relationship ids look like "fromId:TYPE:toId"; take them from a neighborhood answer',
        }),
    )
    .min(1, 'give at least one relationship id')
    .max(LIMITS.evidenceIdsMax, `at most ${LIMITS.evidenceIdsMax} relationship ids; ask in batches`),
  filter: z.unknown().optional(),
});

export const ExpansionPreviewArgs = z.object({
  id: entityId,
  excludeIds: z.array(z.string().max(200)).max(5000).nullish(),
  filter: z.unknown().optional(),
});

export const PathsArgs = z.object({
  fromId: entityId,
  toId: entityId,
  maxLength: bounded('maxLength', 1, LIMITS.pathLengthMax).default(4),
  first: bounded('first', 1, LIMITS.pathsFirstMax).default(3),
  filter: z.unknown().optional(),
});

export const TimelineArgs = z
  .object({
    from: day,
    to: day,
    clock: z.enum(['OCCURRED', 'PUBLISHED']).default('OCCURRED'),
    first: bounded('first', 1, LIMITS.timelineFirstMax).default(200),
    filter: z.unknown().optional(),
  })
  .refine((a) => !a.from || !a.to || a.from <= a.to, {
    message: '"to" is before "from"; swap them',
    path: ['to'],
  });

export const EntitiesArgs = z.object({
  kinds: kindList,
  includeDeleted: z
    .boolean()
    .nullish()
    .transform((v) => v ?? false),
  first: bounded('first', 1, LIMITS.pageMax).default(50),
  after: z.string().max(400).nullish(),
});

export const AuditArgs = z.object({
  targetId: z.string().max(400).nullish(),
  first: bounded('first', 1, LIMITS.auditFirstMax).default(50),
});

export const EntityIdArg = entityId;

export function parseCursor(cursor: string | null | undefined): string | null {
  if (!cursor) return null;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!ID_PATTERN.test(id))
    throw badInput('after: not a cursor from this API; pass an endCursor you received');
  return id;
}
export const toCursor = (id: string) => Buffer.from(id, 'utf8').toString('base64url');

// Curation inputs.
const optionalText = (max: number) => z.string().max(max, `at most ${max} characters`).nullish();
const occurredAt = z
  .string()
  .refine((d) => parseOccurredAt(d) !== null, `not a valid date: ${OCCURRED_AT_HINT}`)
  .nullish();
const properties = z
  .record(
    z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'property names are camelCase words'),
    z.union(
      [z.string().max(20_000), z.number().finite(), z.boolean(), z.array(z.string().max(20_000)).max(200)],
      {
        message: 'property values are strings, numbers, booleans or lists of strings',
      },
    ),
  )
  .refine((p) => Object.keys(p).length <= 100, 'at most 100 properties')
  .nullish();
const aliases = z.array(z.string().trim().min(1, 'aliases must not be empty').max(300)).max(100).nullish();

export const CreateEntityInput = z.object({
  id: entityId.nullish(),
  kind: z.enum(ENTITY_KINDS, { message: `kind must be one of ${ENTITY_KINDS.join(', ')}` }),
  name: z.string().trim().min(1, 'name must not be empty').max(500),
  nameKo: optionalText(500),
  aliases,
  description: optionalText(5000),
  occurredAt,
  properties,
});

export const EntityPatchInput = z
  .object({
    kind: z.enum(ENTITY_KINDS, { message: `kind must be one of ${ENTITY_KINDS.join(', ')}` }).optional(),
    name: z.string().trim().min(1, 'name must not be empty').max(500).optional(),
    nameKo: optionalText(500),
    aliases: z.array(z.string().trim().min(1).max(300)).max(100).optional(),
    description: optionalText(5000),
    occurredAt,
    properties: properties.optional(),
  })
  .refine((p) => Object.keys(p).length > 0, 'patch is empty; give at least one field to change');

export const SourceInputSchema = z.object({
  id: entityId,
  title: z.string().trim().min(1, 'source title must not be empty').max(500),
  titleEn: optionalText(500),
  publisher: optionalText(300),
  author: optionalText(300),
  publishedAt: day,
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'expected a language tag such as "ko"')
    .nullish(),
  url: z
    .url({ protocol: /^https?$/, message: 'expected an http(s) URL' })
    .max(2000)
    .nullish(),
  reliability: z.enum(SOURCE_RELIABILITIES).nullish(),
});

export const EvidenceInputSchema = z
  .object({
    quote: z.string().trim().min(1, 'quote must not be empty').max(2000),
    translation: optionalText(4000),
    sentence: optionalText(SENTENCE_MAX),
    attributedTo: optionalText(300),
    certainty: z.enum(CERTAINTIES),
    stance: z.enum(STANCES).nullish(),
    occurredAt,
    sourceId: entityId.nullish(),
    source: SourceInputSchema.nullish(),
  })
  .refine(quoteInSentence, SENTENCE_HINT)
  .refine((e) => Boolean(e.sourceId) !== Boolean(e.source), {
    message: 'give either sourceId (a stored source) or source (a new one), not both or neither',
    path: ['sourceId'],
  });

export const CreateRelationshipInput = z
  .object({
    type: z
      .string()
      .regex(TYPE_PATTERN, 'relationship types are UPPER_SNAKE verbs such as MET_WITH')
      .max(100),
    fromId: entityId,
    toId: entityId,
    occurredAt,
    properties,
    evidence: z
      .array(EvidenceInputSchema)
      .min(1, 'a relationship needs at least one piece of evidence')
      .max(100),
  })
  .refine((r) => r.fromId !== r.toId, {
    message: 'a relationship needs two different entities',
    path: ['toId'],
  });

/**
 * A relationship's own curated fields. Its event time, certainty and source count are derived from its
 * evidence (give each evidence its occurredAt), so only its properties are edited here.
 */
export const RelationshipPatchInput = z
  .object({ properties })
  .refine((p) => p.properties !== null && p.properties !== undefined, {
    message: 'patch is empty; give properties (event time belongs to each evidence)',
    path: ['properties'],
  })
  .transform((p) => ({ properties: p.properties ?? {} }));

export const RateSourceArgs = z.object({
  id: entityId,
  reliability: z.enum(SOURCE_RELIABILITIES),
  reason: optionalText(1000).transform((r) => (r && r.trim().length > 0 ? r.trim() : null)),
});

export const VersionArg = z.number().int().min(1, 'version is the entity’s current version (1 or more)');

export const NoteArgs = z.object({
  targetId: z.string().min(1).max(400),
  text: z.string().trim().min(1, 'note text must not be empty').max(LIMITS.noteMax),
});

/** Makes a slug id from an English name ("LG Electronics" → "lg-electronics"). */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return slug.length > 0 ? slug : `entity-${Date.now().toString(36)}`;
}

/** A saved view: a name a person can read, and the explorer's URL hash (bounded: it is stored for everyone). */
export const SaveViewArgs = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'name the view (1–100 characters)')
    .max(100, 'name the view in at most 100 characters'),
  hash: z
    .string()
    .max(20_000, 'the view is too large to save (at most 20,000 characters); close some nodes first'),
});
export const SavedViewNameArg = SaveViewArgs.shape.name;
