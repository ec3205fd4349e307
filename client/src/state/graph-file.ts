// "Linkage JSON": what is on screen, with full entity and relationship data and where each node sits, so
// an analyst can save a view and open it again later (export dialog → Linkage JSON; toolbar → Open).
// Validated completely before anything changes; the error names the first bad record and what to fix.
import { z } from 'zod';
import { ENTITY_KINDS, SOURCE_RELIABILITIES, STANCES, type Entity } from '../api/shapes.ts';
import type { QuotedGraph, QuotedRelationship } from './evidence.ts';
import { CERTAINTY_ORDER, LAYOUT_NAMES, type GraphView, type LabelMode, type LayoutName } from './model.ts';

export const GRAPH_FILE_FORMAT = 'linkage-view/v1';
/** Larger files are refused before parsing (a 5k-entity view with evidence is ≈ 10 MB). */
export const GRAPH_FILE_MAX_BYTES = 50 * 2 ** 20;

export interface Point {
  x: number;
  y: number;
}

export interface GraphFile {
  format: typeof GRAPH_FILE_FORMAT;
  exportedAt?: string;
  labelMode?: LabelMode;
  layout?: LayoutName;
  entities: Entity[];
  /** With their evidence in full, so that an opened file quotes it without asking the server. */
  relationships: QuotedRelationship[];
  /** Canvas positions by entity id (optional; entities without one are placed by the canvas). */
  positions?: Record<string, Point>;
}

const text = z.string();
const nullableText = z.string().nullable().default(null);
const certainty = z.enum(CERTAINTY_ORDER);
const properties = z.record(z.string(), z.unknown()).default({});

const sourceSchema = z.object({
  id: text.min(1),
  title: text,
  titleEn: nullableText,
  publisher: nullableText,
  author: nullableText,
  publishedAt: nullableText,
  language: nullableText,
  url: nullableText,
  // Files saved before sources were graded read as unrated (F).
  reliability: z.enum(SOURCE_RELIABILITIES).default('F'),
  reliabilityReason: nullableText,
});

const entitySchema = z.object({
  id: text.min(1, 'an entity needs an id'),
  kind: z.enum(ENTITY_KINDS, { message: `an entity's kind is one of ${ENTITY_KINDS.join(', ')}` }),
  name: text.min(1, 'an entity needs a name'),
  nameKo: nullableText,
  aliases: z.array(text).default([]),
  description: nullableText,
  occurredAt: nullableText,
  properties,
  version: z.number().int().default(1),
});

const relationshipSchema = z.object({
  id: text.min(1, 'a relationship needs an id'),
  type: text.min(1, 'a relationship needs a type'),
  fromId: text.min(1),
  toId: text.min(1),
  certainty,
  occurredAt: nullableText,
  sourceCount: z.number().int().nonnegative().default(0),
  disputed: z.boolean().default(false),
  properties,
  evidence: z
    .array(
      z.object({
        id: text.min(1),
        quote: text,
        translation: nullableText,
        sentence: nullableText,
        attributedTo: nullableText,
        certainty,
        stance: z.enum(STANCES).default('SUPPORTS'),
        occurredAt: nullableText,
        source: sourceSchema,
      }),
    )
    .default([]),
  version: z.number().int().default(1),
});

const point = z.object({ x: z.number().finite(), y: z.number().finite() });

const fileSchema = z.object({
  format: z.literal(GRAPH_FILE_FORMAT, {
    error: `it is not a Linkage JSON export ("format" must be "${GRAPH_FILE_FORMAT}")`,
  }),
  exportedAt: z.string().optional(),
  labelMode: z.enum(['ko', 'en', 'both']).optional(),
  layout: z.enum(LAYOUT_NAMES).optional(),
  entities: z.array(entitySchema),
  relationships: z.array(relationshipSchema),
  positions: z.record(z.string(), point).optional(),
});

export type GraphFileResult = { ok: true; file: GraphFile } | { ok: false; error: string };

/** Parses and checks a file's text: shape, then duplicate ids and relationships with a missing end. */
export function parseGraphFile(content: string): GraphFileResult {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: `it is not valid JSON (${detail}). Open a file saved with Export → Linkage JSON.`,
    };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return {
      ok: false,
      error: `it is not a Linkage JSON export (expected an object with "format": "${GRAPH_FILE_FORMAT}").`,
    };
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length ? ` ${issue.path.join('.')}` : '';
    return { ok: false, error: `${where ? where.slice(1) + ': ' : ''}${issue?.message ?? 'invalid'}.` };
  }
  const file = parsed.data as GraphFile;
  const ids = new Set<string>();
  for (const [i, e] of file.entities.entries()) {
    if (ids.has(e.id)) return { ok: false, error: `entities.${i}: the id "${e.id}" appears twice.` };
    ids.add(e.id);
  }
  const relIds = new Set<string>();
  for (const [i, r] of file.relationships.entries()) {
    if (relIds.has(r.id)) return { ok: false, error: `relationships.${i}: the id "${r.id}" appears twice.` };
    relIds.add(r.id);
    for (const end of [r.fromId, r.toId])
      if (!ids.has(end))
        return {
          ok: false,
          error: `relationships.${i}: "${end}" is not one of the file's entities.`,
        };
  }
  if (file.entities.length === 0) return { ok: false, error: 'it holds no entities.' };
  return { ok: true, file };
}

/** The file for what is on screen; `positions` come from the canvas. */
export function toGraphFile(
  graph: QuotedGraph,
  view: Pick<GraphView, 'labelMode' | 'layout'>,
  positions: Record<string, Point> = {},
  exportedAt = new Date().toISOString(),
): GraphFile {
  const ids = new Set(graph.nodes.map((n) => n.id));
  const kept = Object.fromEntries(Object.entries(positions).filter(([id]) => ids.has(id)));
  return {
    format: GRAPH_FILE_FORMAT,
    exportedAt,
    labelMode: view.labelMode,
    layout: view.layout,
    entities: graph.nodes,
    relationships: graph.edges,
    ...(Object.keys(kept).length ? { positions: kept } : {}),
  };
}
