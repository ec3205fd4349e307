// The import format ("linkage/v1"): the seed files, user imports and backups all use it.
// Shape is checked by zod; meaning (dangling ids, duplicates, dates) by validateDocument.
import { z } from 'zod';
import { CERTAINTIES, ENTITY_KINDS, SOURCE_RELIABILITIES, STANCES } from '../model.ts';
import { OCCURRED_AT_HINT, parseOccurredAt } from '../../../shared/dates.ts';

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const TYPE_PATTERN = /^[A-Z][A-Z0-9_]*$/;
export const MAX_TEXT = 20_000;
/** Versions stay far below GraphQL's 32-bit Int, with room to keep counting (issue 12, item 9). */
export const MAX_VERSION = 1_000_000_000;

const slug = z
  .string({ message: 'expected an id string' })
  .max(200, 'ids are at most 200 characters')
  .regex(ID_PATTERN, 'ids are lowercase slugs like "lg-electronics" (letters, digits, single dashes)');
const text = (max = MAX_TEXT) => z.string().max(max, `text is limited to ${max} characters`);
const nonEmpty = (what: string, max = MAX_TEXT) => text(max).trim().min(1, `${what} must not be empty`);
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine((d) => parseOccurredAt(d) !== null, 'expected a real calendar date YYYY-MM-DD');
const occurredAt = z
  .string()
  .refine((d) => parseOccurredAt(d) !== null, `not a valid date: ${OCCURRED_AT_HINT}`);

const propertyValue = z.union([text(), z.number().finite(), z.boolean(), z.array(text()).max(200)], {
  message: 'property values are strings, numbers, booleans or lists of strings (no nested objects)',
});
const properties = z
  .record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'property names are camelCase words'), propertyValue)
  .refine((p) => Object.keys(p).length <= 100, 'at most 100 properties');

const note = z.strictObject({
  id: z.string().min(1).max(100),
  text: nonEmpty('note text', 5000),
  author: text(200),
  createdAt: z.string().max(40),
});

export const SourceSchema = z.strictObject({
  id: slug,
  title: nonEmpty('source title', 500),
  titleEn: text(500).nullish(),
  publisher: text(300).nullish(),
  author: text(300).nullish(),
  publishedAt: isoDate.nullish(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'expected a language tag such as "ko" or "en"')
    .nullish(),
  url: z
    .url({ protocol: /^https?$/, message: 'expected an http(s) URL' })
    .max(2000)
    .nullish(),
  reliability: z
    .enum(SOURCE_RELIABILITIES, { message: `reliability is one of ${SOURCE_RELIABILITIES.join(', ')}` })
    .nullish(),
  reliabilityReason: text(1000).nullish(),
});

export const EntitySchema = z.strictObject({
  id: slug,
  kind: z.enum(ENTITY_KINDS, { message: `kind must be one of ${ENTITY_KINDS.join(', ')}` }),
  name: nonEmpty('name', 500),
  nameKo: text(500).nullish(),
  aliases: z.array(nonEmpty('alias', 300)).max(100).default([]),
  description: text(5000).nullish(),
  occurredAt: occurredAt.nullish(),
  properties: properties.default({}),
  // Backups carry curation state; ordinary imports leave these out.
  version: z.number().int().min(1).max(MAX_VERSION, `version must be at most ${MAX_VERSION}`).optional(),
  deleted: z.boolean().optional(),
  mergedInto: slug.nullish(),
  notes: z.array(note).max(1000).optional(),
});

export const EvidenceSchema = z.strictObject({
  quote: nonEmpty('quote', 2000),
  translation: text(4000).nullish(),
  attributedTo: text(300).nullish(),
  certainty: z.enum(CERTAINTIES, { message: `certainty must be one of ${CERTAINTIES.join(', ')}` }),
  stance: z.enum(STANCES, { message: `stance must be one of ${STANCES.join(', ')}` }).nullish(),
  // The event this quote is about; the relationship's occurredAt, when given, dates evidence without one.
  occurredAt: occurredAt.nullish(),
  source: slug.optional(),
  addedAt: z.string().max(40).nullish(),
  addedBy: text(200).nullish(),
});

export const RelationshipSchema = z.strictObject({
  type: z
    .string()
    .max(100, 'relationship types are at most 100 characters')
    .regex(TYPE_PATTERN, 'relationship types are UPPER_SNAKE verbs like MET_WITH'),
  from: slug,
  to: slug,
  occurredAt: occurredAt.nullish(),
  properties: properties.default({}),
  evidence: z.array(EvidenceSchema).min(1, 'every relationship needs at least one evidence record').max(1000),
  version: z.number().int().min(1).max(MAX_VERSION, `version must be at most ${MAX_VERSION}`).optional(),
  deleted: z.boolean().optional(),
  notes: z.array(note).max(1000).optional(),
});

export const AuditEntrySchema = z.strictObject({
  id: z.string().min(1).max(100),
  at: z.string().max(40),
  actor: text(200),
  action: text(100),
  targetId: text(400).nullish(),
  before: text(1_000_000).nullish(),
  after: text(1_000_000).nullish(),
});

export const DocumentSchema = z
  .strictObject({
    format: z.literal('linkage/v1', { message: 'format must be "linkage/v1"' }),
    source: SourceSchema.optional(),
    sources: z.array(SourceSchema).optional(),
    entities: z.array(EntitySchema).default([]),
    relationships: z.array(RelationshipSchema).default([]),
    audit: z.array(AuditEntrySchema).optional(),
    exportedAt: z.string().optional(),
  })
  .refine((d) => d.source !== undefined || (d.sources !== undefined && d.sources.length > 0), {
    message: 'a document needs "source" (one article) or "sources" (a list) so evidence can cite it',
    path: ['source'],
  });

export type ImportDocument = z.infer<typeof DocumentSchema>;
export type ImportEntity = z.infer<typeof EntitySchema>;
export type ImportRelationship = z.infer<typeof RelationshipSchema>;
export type ImportSource = z.infer<typeof SourceSchema>;
