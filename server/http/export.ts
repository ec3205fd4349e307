// Export endpoints: GET /export/<format> hands the graph to the tools analysts already use (pandas,
// networkx, Gephi, Cytoscape). Without `ids` the whole live graph is streamed row by row from the database
// (a million entities never sit in memory); with `ids` the export is exactly the GraphQL `neighborhood`.
// Every format carries the same facts: names in both languages, certainty, both clocks and the evidence.
import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import { stringify as csvRow } from 'csv-stringify/sync';
import { createCB } from 'xmlbuilder2';
import type { XMLBuilderCB } from 'xmlbuilder2/lib/interfaces.js';
import { AppError, badInput } from '../errors.ts';
import { parseOccurredAt } from '../../shared/dates.ts';
import {
  check,
  EntityIdArg,
  FILTER_QUERY_FORMS,
  LIMITS,
  NeighborhoodArgs,
  parseFilter,
  type FilterParams,
} from '../graph/inputs.ts';
import type { RelationshipWithSources } from '../graph/mapping.ts';
import type { Entity } from '../graph/model.ts';
import type { GraphRepository } from '../graph/repository.ts';

// ---------------------------------------------------------------------------------------------------------
// One flat shape per node and edge, shared by GraphML, GEXF and CSV so every format names things alike.

type Cell = string | number | null;
type FieldType = 'string' | 'int';

const NODE_FIELDS: [string, FieldType][] = [
  ['label', 'string'],
  ['kind', 'string'],
  ['name', 'string'],
  ['nameKo', 'string'],
  ['aliases', 'string'],
  ['description', 'string'],
  ['occurredAt', 'string'],
  ['properties', 'string'],
];

const EDGE_FIELDS: [string, FieldType][] = [
  ['label', 'string'],
  ['relationshipType', 'string'],
  ['certainty', 'string'],
  ['occurredAt', 'string'],
  ['publishedAt', 'string'],
  ['publishedDates', 'string'],
  ['evidenceCount', 'int'],
  ['sourceCount', 'int'],
  ['disputed', 'string'],
  ['quotes', 'string'],
  ['translations', 'string'],
  ['attributedTo', 'string'],
  ['evidenceText', 'string'],
  ['evidence', 'string'],
  ['properties', 'string'],
];

/** Readable lists are joined with a separator that survives XML attributes (newlines do not). */
const JOIN = ' | ';

function evidenceOf(r: RelationshipWithSources) {
  return r.evidence.map((e) => ({
    quote: e.quote,
    translation: e.translation,
    attributedTo: e.attributedTo,
    certainty: e.certainty,
    stance: e.stance,
    occurredAt: e.occurredAt,
    source: {
      id: e.source.id,
      title: e.source.title,
      titleEn: e.source.titleEn,
      publisher: e.source.publisher,
      publishedAt: e.source.publishedAt,
      url: e.source.url,
      reliability: e.source.reliability,
    },
  }));
}

function publishedDatesOf(r: RelationshipWithSources): string[] {
  const dates = new Set<string>();
  for (const e of r.evidence) if (e.source.publishedAt) dates.add(e.source.publishedAt);
  return [...dates].sort();
}

function evidenceText(r: RelationshipWithSources): string {
  return r.evidence
    .map((e) => {
      const translation = e.translation ? ` (${e.translation})` : '';
      const who = e.attributedTo ? ` — ${e.attributedTo}` : '';
      const when = e.source.publishedAt ? `, ${e.source.publishedAt}` : '';
      const about = e.occurredAt ? ` (about ${e.occurredAt})` : '';
      const stance = e.stance === 'DENIES' ? ' DENIES' : '';
      return `[${e.certainty}${stance}] "${e.quote}"${translation}${who}${about}; ${e.source.title}${when} [reliability ${e.source.reliability}]`;
    })
    .join(JOIN);
}

function flatNode(n: Entity): Record<string, Cell> {
  return {
    id: n.id,
    label: n.nameKo ? `${n.name} (${n.nameKo})` : n.name,
    kind: n.kind,
    name: n.name,
    nameKo: n.nameKo,
    aliases: n.aliases.length > 0 ? n.aliases.join('; ') : null,
    description: n.description,
    occurredAt: n.occurredAt,
    properties: JSON.stringify(n.properties),
  };
}

function flatEdge(r: RelationshipWithSources): Record<string, Cell> {
  const dates = publishedDatesOf(r);
  const distinct = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => !!v))];
  return {
    id: r.id,
    source: r.fromId,
    target: r.toId,
    label: r.type,
    relationshipType: r.type,
    certainty: r.certainty,
    occurredAt: r.occurredAt,
    publishedAt: dates[0] ?? null,
    publishedDates: dates.length > 0 ? dates.join('; ') : null,
    evidenceCount: r.evidence.length,
    sourceCount: r.sourceCount,
    disputed: r.disputed ? 'true' : 'false',
    quotes: r.evidence.map((e) => e.quote).join(JOIN),
    translations: r.evidence.map((e) => e.translation ?? '').join(JOIN),
    attributedTo: distinct(r.evidence.map((e) => e.attributedTo)).join('; ') || null,
    evidenceText: evidenceText(r),
    evidence: JSON.stringify(evidenceOf(r)),
    properties: JSON.stringify(r.properties),
  };
}

// ---------------------------------------------------------------------------------------------------------
// The response: headers go out with the first byte, so a failure before any row still answers with a JSON
// error and a proper status; a failure mid-stream can only cut the connection.

class ClientGone extends Error {}

class Output {
  private started = false;
  private pending: string[] = [];
  constructor(
    private readonly res: Response,
    private readonly headers: Record<string, string>,
  ) {}

  get hasStarted() {
    return this.started;
  }

  /** Before commit() the prologue is held back, so an error before the first row can still set the status. */
  write(chunk: string) {
    if (this.started) this.res.write(chunk);
    else this.pending.push(chunk);
  }

  commit() {
    if (this.started) return;
    this.res.status(200).set(this.headers);
    this.started = true;
    this.res.write(this.pending.join(''));
    this.pending = [];
  }

  /** Waits while the client is slower than the database, and stops the export when it hangs up. */
  async flow() {
    this.commit();
    if (this.res.destroyed) throw new ClientGone();
    if (!this.res.writableNeedDrain) return;
    // Both listeners go once either fires, so a long export does not pile up listeners on the response.
    await new Promise<void>((resolve) => {
      const done = () => {
        this.res.off('drain', done);
        this.res.off('close', done);
        resolve();
      };
      this.res.on('drain', done);
      this.res.on('close', done);
    });
    if (this.res.destroyed) throw new ClientGone();
  }

  end() {
    this.commit();
    this.res.end();
  }
}

/** A format receives every node, then every edge, then end(). */
interface GraphSink {
  node(entity: Entity): void;
  edge(relationship: RelationshipWithSources): void;
  end(): void;
}

/** XML forbids most control characters; they become U+FFFD instead of breaking the document. */
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
/**
 * xmlbuilder2 leaves text that already looks like an entity ("&amp;") unescaped, which would turn a literal
 * "&amp;" into "&" on reading. Escaping every ampersand first makes each one such an entity, so the library
 * passes them through and the reader gets the original text back.
 */
const xmlText = (value: string) => value.replace(INVALID_XML, '\uFFFD').replace(/&/g, '&amp;');

function xmlWriter(out: Output): XMLBuilderCB {
  const xml = createCB({
    prettyPrint: true,
    data: (chunk: string) => out.write(chunk),
    error: (error: Error) => {
      throw error;
    },
  });
  return xml.dec({ version: '1.0', encoding: 'UTF-8' });
}

function graphmlSink(out: Output): GraphSink {
  const xml = xmlWriter(out).ele('graphml', {
    xmlns: 'http://graphml.graphdrawing.org/xmlns',
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'xsi:schemaLocation':
      'http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd',
  });
  const keys = (kind: 'node' | 'edge', fields: [string, FieldType][]) => {
    for (const [name, type] of fields)
      xml
        .ele('key', {
          id: `${kind[0]}_${name}`,
          for: kind,
          'attr.name': name,
          'attr.type': type === 'int' ? 'int' : 'string',
        })
        .up();
  };
  keys('node', NODE_FIELDS);
  keys('edge', EDGE_FIELDS);
  xml.ele('graph', { id: 'linkage', edgedefault: 'directed' });
  const data = (prefix: string, fields: [string, FieldType][], row: Record<string, Cell>) => {
    for (const [name] of fields) {
      const value = row[name];
      if (value === null || value === undefined) continue;
      xml
        .ele('data', { key: `${prefix}_${name}` })
        .txt(xmlText(String(value)))
        .up();
    }
  };
  return {
    node(entity) {
      const row = flatNode(entity);
      xml.ele('node', { id: xmlText(entity.id) });
      data('n', NODE_FIELDS, row);
      xml.up();
    },
    edge(relationship) {
      const row = flatEdge(relationship);
      xml.ele('edge', {
        id: xmlText(relationship.id),
        source: xmlText(relationship.fromId),
        target: xmlText(relationship.toId),
      });
      data('e', EDGE_FIELDS, row);
      xml.up();
    },
    end() {
      xml.up().up().end();
    },
  };
}

/**
 * GEXF's spell of an entity or relationship: `start`/`end` from its event time, so Gephi's timeline plays the
 * graph (undated ones have no spell and are always shown).
 */
function spell(occurredAt: string | null): { start?: string; end?: string } {
  const bounds = occurredAt ? parseOccurredAt(occurredAt) : null;
  return bounds ? { start: bounds.from, end: bounds.to } : {};
}

/**
 * GEXF 1.2: the version both Gephi and networkx read. A dynamic graph (dates as spells); each edge's `kind`
 * is its relationship type, so Gephi keeps parallel relationships between one pair apart.
 */
function gexfSink(out: Output): GraphSink {
  const xml = xmlWriter(out).ele('gexf', {
    xmlns: 'http://www.gexf.net/1.2draft',
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'xsi:schemaLocation': 'http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd',
    version: '1.2',
  });
  xml
    .ele('meta')
    .ele('creator')
    .txt('Linkage')
    .up()
    .ele('description')
    .txt('Entities and relationships read from technology news, with their evidence')
    .up()
    .up();
  xml.ele('graph', { defaultedgetype: 'directed', mode: 'dynamic', timeformat: 'date' });
  const attributes = (kind: 'node' | 'edge', fields: [string, FieldType][]) => {
    xml.ele('attributes', { class: kind, mode: 'static' });
    // The label is GEXF's own attribute, not an attvalue.
    for (const [name, type] of fields.slice(1))
      xml.ele('attribute', { id: name, title: name, type: type === 'int' ? 'integer' : 'string' }).up();
    xml.up();
  };
  attributes('node', NODE_FIELDS);
  attributes('edge', EDGE_FIELDS);
  const attvalues = (fields: [string, FieldType][], row: Record<string, Cell>) => {
    xml.ele('attvalues');
    for (const [name] of fields.slice(1)) {
      const value = row[name];
      if (value === null || value === undefined) continue;
      xml.ele('attvalue', { for: name, value: xmlText(String(value)) }).up();
    }
    xml.up();
  };
  let phase: 'start' | 'nodes' | 'edges' = 'start';
  const enter = (next: 'nodes' | 'edges') => {
    if (phase === next) return;
    if (phase === 'nodes') xml.up();
    if (phase === 'start' && next === 'edges') xml.ele('nodes').up();
    xml.ele(next);
    phase = next;
  };
  return {
    node(entity) {
      enter('nodes');
      const row = flatNode(entity);
      xml.ele('node', {
        id: xmlText(entity.id),
        label: xmlText(String(row.label)),
        ...spell(entity.occurredAt),
      });
      attvalues(NODE_FIELDS, row);
      xml.up();
    },
    edge(relationship) {
      enter('edges');
      const row = flatEdge(relationship);
      xml.ele('edge', {
        id: xmlText(relationship.id),
        source: xmlText(relationship.fromId),
        target: xmlText(relationship.toId),
        label: xmlText(relationship.type),
        kind: xmlText(relationship.type),
        ...spell(relationship.occurredAt),
      });
      attvalues(EDGE_FIELDS, row);
      xml.up();
    },
    end() {
      enter('edges');
      xml.up().up().up().end();
    },
  };
}

/**
 * Spreadsheets run cells that start with = + - @ (or a tab or carriage return) as formulas, also after
 * leading spaces, no-break or zero-width spaces, and in their full-width forms (＝ ＋ － ＠), which some
 * spreadsheets fold to ASCII; a leading apostrophe keeps a quote such as "=HYPERLINK(…)" plain text.
 */
const FORMULA_START = /^[\s\u200b-\u200d\u2060\ufeff]*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;
export const defuseFormula = (cell: Cell): Cell =>
  typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : cell;

/**
 * JSON text with U+2028/U+2029 escaped: valid JSON either way, but line splitters (Python's
 * str.splitlines, hence pandas) break a JSON Lines record at them.
 */
export const jsonLine = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/**
 * One row per piece of evidence behind each relationship (a relationship without evidence gets one row):
 * both ends by id and name, the relationship's grade, then who said what, about when, where and how
 * trusted. What a report's appendix or a spreadsheet filter wants; every cell quoted.
 */
const EVIDENCE_COLUMNS = [
  'id',
  'from',
  'fromName',
  'type',
  'to',
  'toName',
  'certainty',
  'occurredAt',
  'evidenceCount',
  'quote',
  'translation',
  'attributedTo',
  'evidenceCertainty',
  'evidenceOccurredAt',
  'stance',
  'source',
  'publisher',
  'publishedAt',
  'reliability',
  'url',
  'sourceId',
];

function evidenceCsvSink(out: Output): GraphSink {
  // Nodes come before edges in every selection, so each end's name is known when its edges arrive.
  const names = new Map<string, string>();
  const write = (cells: Cell[]) =>
    out.write(csvRow([cells.map(defuseFormula)], { quoted: true, quoted_empty: true }));
  write(EVIDENCE_COLUMNS);
  return {
    node(entity) {
      names.set(entity.id, entity.name);
    },
    edge(r) {
      const head: Cell[] = [
        r.id,
        r.fromId,
        names.get(r.fromId) ?? r.fromId,
        r.type,
        r.toId,
        names.get(r.toId) ?? r.toId,
        r.certainty,
        r.occurredAt,
        r.evidence.length,
      ];
      if (r.evidence.length === 0) write(head);
      for (const e of r.evidence)
        write([
          ...head,
          e.quote,
          e.translation,
          e.attributedTo,
          e.certainty,
          e.occurredAt,
          e.stance,
          e.source.title,
          e.source.publisher,
          e.source.publishedAt,
          e.source.reliability,
          e.source.url,
          e.source.id,
        ]);
    },
    end() {},
  };
}

function csvSink(out: Output, which: 'nodes' | 'edges'): GraphSink {
  const columns =
    which === 'nodes'
      ? ['id', ...NODE_FIELDS.map(([name]) => name)]
      : ['id', 'source', 'target', ...EDGE_FIELDS.map(([name]) => name)];
  const write = (row: Record<string, Cell>) =>
    out.write(csvRow([columns.map((c) => defuseFormula(row[c] ?? null))]));
  out.write(csvRow([columns]));
  return {
    node(entity) {
      if (which === 'nodes') write(flatNode(entity));
    },
    edge(relationship) {
      if (which === 'edges') write(flatEdge(relationship));
    },
    end() {},
  };
}

const entityJson = (n: Entity) => ({
  id: n.id,
  kind: n.kind,
  name: n.name,
  nameKo: n.nameKo,
  aliases: n.aliases,
  description: n.description,
  occurredAt: n.occurredAt,
  properties: n.properties,
});

const relationshipJson = (r: RelationshipWithSources) => ({
  id: r.id,
  type: r.type,
  fromId: r.fromId,
  toId: r.toId,
  certainty: r.certainty,
  occurredAt: r.occurredAt,
  sourceCount: r.sourceCount,
  disputed: r.disputed,
  publishedAt: publishedDatesOf(r)[0] ?? null,
  publishedDates: publishedDatesOf(r),
  properties: r.properties,
  evidence: evidenceOf(r),
});

/** Cytoscape.js / Cytoscape desktop JSON: {elements: {nodes: [{data}], edges: [{data}]}}. */
function cytoscapeSink(out: Output, scope: Record<string, unknown>): GraphSink {
  out.write(
    `{"format_version":"1.0","generated_by":"linkage","target_cytoscapejs_version":"~3.0",` +
      `"data":${JSON.stringify(scope)},"elements":{"nodes":[`,
  );
  let phase: 'nodes' | 'edges' = 'nodes';
  let count = 0;
  const toEdges = () => {
    if (phase === 'edges') return;
    out.write('],"edges":[');
    phase = 'edges';
    count = 0;
  };
  const element = (data: unknown) => {
    out.write(`${count > 0 ? ',' : ''}\n${JSON.stringify({ data })}`);
    count += 1;
  };
  return {
    node(entity) {
      const json = entityJson(entity);
      element({ ...json, label: flatNode(entity).label });
    },
    edge(relationship) {
      toEdges();
      const { fromId, toId, ...rest } = relationshipJson(relationship);
      element({
        ...rest,
        source: fromId,
        target: toId,
        label: relationship.type,
        evidenceText: evidenceText(relationship),
      });
    },
    end() {
      toEdges();
      out.write('\n]}}\n');
    },
  };
}

/** JSON Lines: one entity or relationship per line, shaped like the GraphQL types. */
function jsonlSink(out: Output): GraphSink {
  return {
    node(entity) {
      out.write(`${jsonLine({ element: 'entity', ...entityJson(entity) })}\n`);
    },
    edge(relationship) {
      out.write(`${jsonLine({ element: 'relationship', ...relationshipJson(relationship) })}\n`);
    },
    end() {},
  };
}

interface Format {
  contentType: string;
  file: string;
  needs: { nodes: boolean; edges: boolean };
  sink(out: Output, scope: Record<string, unknown>): GraphSink;
}

const FORMATS: Record<string, Format> = {
  graphml: {
    contentType: 'application/graphml+xml; charset=utf-8',
    file: 'graphml',
    needs: { nodes: true, edges: true },
    sink: (out) => graphmlSink(out),
  },
  gexf: {
    contentType: 'application/gexf+xml; charset=utf-8',
    file: 'gexf',
    needs: { nodes: true, edges: true },
    sink: (out) => gexfSink(out),
  },
  'nodes.csv': {
    contentType: 'text/csv; charset=utf-8; header=present',
    file: 'nodes.csv',
    needs: { nodes: true, edges: false },
    sink: (out) => csvSink(out, 'nodes'),
  },
  'edges.csv': {
    contentType: 'text/csv; charset=utf-8; header=present',
    file: 'edges.csv',
    needs: { nodes: false, edges: true },
    sink: (out) => csvSink(out, 'edges'),
  },
  'evidence.csv': {
    contentType: 'text/csv; charset=utf-8; header=present',
    file: 'evidence.csv',
    needs: { nodes: true, edges: true },
    sink: (out) => evidenceCsvSink(out),
  },
  'cytoscape.json': {
    contentType: 'application/json; charset=utf-8',
    file: 'cytoscape.json',
    needs: { nodes: true, edges: true },
    sink: (out, scope) => cytoscapeSink(out, scope),
  },
  jsonl: {
    contentType: 'application/x-ndjson; charset=utf-8',
    file: 'jsonl',
    needs: { nodes: true, edges: true },
    sink: (out) => jsonlSink(out),
  },
};

// ---------------------------------------------------------------------------------------------------------
// Query parameters: the `neighborhood` arguments and GraphFilter fields, flattened for URLs.

const SELECTION_PARAMS = ['ids', 'depth', 'limit'] as const;
/** URL names are the GraphFilter's field names, but for the shorter `types`. */
const filterParam = (field: string) => (field === 'relationshipTypes' ? 'types' : field);
const FILTER_PARAMS = Object.keys(FILTER_QUERY_FORMS).map(filterParam);
const KNOWN_PARAMS = new Set<string>([...SELECTION_PARAMS, ...FILTER_PARAMS]);

type Query = Request['query'];

function single(query: Query, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw badInput(`${name}: give it once, as plain text`, { field: name });
  return value;
}

/** Lists come comma-separated ("kinds=Person,Organization") or repeated ("kinds=Person&kinds=Place"). */
function list(query: Query, name: string): string[] | null {
  const value = query[name];
  if (value === undefined) return null;
  const parts = (Array.isArray(value) ? value : [value]).map((v) => {
    if (typeof v !== 'string') throw badInput(`${name}: give a comma-separated list`, { field: name });
    return v;
  });
  const items = parts
    .flatMap((p) => p.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  return items.length > 0 ? items : null;
}

function flag(query: Query, name: string): boolean | null {
  const value = single(query, name);
  if (value === undefined) return null;
  if (value !== 'true' && value !== 'false')
    throw badInput(`${name}: expected true or false`, { field: name });
  return value === 'true';
}

function wholeNumber(query: Query, name: string): number | undefined {
  const value = single(query, name);
  if (value === undefined) return undefined;
  if (!/^\d{1,6}$/.test(value))
    throw badInput(`${name}: expected a whole number, got "${value.slice(0, 40)}"`, { field: name });
  return Number(value);
}

/** Names the URL parameter, not the GraphFilter field, in messages (types ↔ relationshipTypes). */
function renameField(error: unknown): never {
  if (error instanceof AppError && error.code === 'BAD_USER_INPUT') {
    throw badInput(error.message.replace(/^relationshipTypes/, 'types'), {
      field: String(error.details.field ?? '').replace(/^relationshipTypes/, 'types'),
    });
  }
  throw error;
}

interface Selection {
  neighborhood: { ids: string[]; depth: number; limit: number } | null;
  filter: FilterParams;
  scope: Record<string, unknown>;
  /** A view's own relationships: the others among its entities are not on its screen. */
  relationshipIds?: Set<string>;
}

export function parseSelection(query: Query): Selection {
  const unknown = Object.keys(query).filter((k) => !KNOWN_PARAMS.has(k));
  if (unknown.length > 0)
    throw badInput(
      `unknown parameter ${unknown.map((u) => `"${u}"`).join(', ')}; use ${[...KNOWN_PARAMS].join(', ')}`,
      { field: unknown[0] },
    );
  let filter: FilterParams;
  try {
    filter = parseFilter(
      Object.fromEntries(
        Object.entries(FILTER_QUERY_FORMS).map(([field, form]) => {
          const name = filterParam(field);
          return [
            field,
            form === 'list'
              ? list(query, name)
              : form === 'flag'
                ? flag(query, name)
                : (single(query, name) ?? null),
          ];
        }),
      ),
    );
  } catch (error) {
    renameField(error);
  }
  const ids = list(query, 'ids');
  const depth = wholeNumber(query, 'depth');
  const limit = wholeNumber(query, 'limit');
  const filterScope = Object.fromEntries(
    FILTER_PARAMS.filter((p) => query[p] !== undefined).map((p) => [p, query[p]]),
  );
  if (!ids) {
    if (depth !== undefined || limit !== undefined)
      throw badInput(`${depth !== undefined ? 'depth' : 'limit'}: only applies with ids; add ids=…`, {
        field: depth !== undefined ? 'depth' : 'limit',
      });
    return { neighborhood: null, filter, scope: { selection: 'whole graph', ...filterScope } };
  }
  const args = check(NeighborhoodArgs, { ids, depth, limit });
  return {
    neighborhood: { ids: args.ids, depth: args.depth, limit: args.limit },
    filter,
    scope: { selection: 'neighborhood', ids: args.ids, depth: args.depth, limit: args.limit, ...filterScope },
  };
}

/**
 * What an explorer view exports (POST /export/:format, JSON `{ ids, filter }`): exactly the entities on screen
 * and the relationships among them that pass the view's GraphFilter, so the explorer's GraphML and CSV are the
 * server's own serialisers (one set of columns, one escaping) rather than a second writer in the browser.
 */
const ViewExport = z.object({
  ids: z
    .array(EntityIdArg)
    .min(1, 'give the ids of the entities in the view')
    .max(LIMITS.neighborhoodLimitMax, `at most ${LIMITS.neighborhoodLimitMax} entities per export`),
  relationshipIds: z
    .array(z.string().max(500))
    .max(LIMITS.evidenceIdsMax, `at most ${LIMITS.evidenceIdsMax} relationships per export`)
    .optional(),
  filter: z.unknown().optional(),
});

export function parseViewSelection(body: unknown): Selection {
  const view = check(ViewExport, body ?? {});
  const ids = [...new Set(view.ids)];
  return {
    neighborhood: { ids, depth: 0, limit: ids.length },
    filter: parseFilter(view.filter),
    scope: { selection: 'view', entities: ids.length },
    relationshipIds: view.relationshipIds ? new Set(view.relationshipIds) : undefined,
  };
}

// ---------------------------------------------------------------------------------------------------------

/** A view of the largest size (LIMITS.neighborhoodLimitMax ids of at most 200 characters) and its filter. */
const VIEW_EXPORT_MAX_BYTES = 1_000_000;

const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  DATABASE_UNAVAILABLE: 503,
  QUERY_TIMEOUT: 504,
};

function sendError(res: Response, status: number, code: string, message: string) {
  res.status(status).json({ error: { code, message } });
}

export function exportRoutes(graph: GraphRepository): express.Router {
  const router = express.Router();
  const formats = Object.keys(FORMATS);

  const serve =
    (select: (req: Request) => Selection): express.RequestHandler =>
    async (req, res, next) => {
      const format = FORMATS[String(req.params.format)];
      if (!format)
        return sendError(
          res,
          404,
          'NOT_FOUND',
          `No export format "${req.params.format}"; use one of ${formats.map((f) => `/export/${f}`).join(', ')}`,
        );
      let out: Output | undefined;
      try {
        const selection = select(req);
        const name = selection.neighborhood ? 'linkage-neighborhood' : 'linkage-graph';
        const headers: Record<string, string> = {
          'Content-Type': format.contentType,
          'Content-Disposition': `attachment; filename="${name}.${format.file}"`,
          'Cache-Control': 'no-store',
        };
        if (selection.neighborhood) {
          // Bounded by LIMITS.neighborhoodLimitMax, so the subgraph is read whole, like the GraphQL query.
          const subgraph = await graph.neighborhood({ ...selection.neighborhood, filter: selection.filter });
          headers['X-Linkage-Total-Nodes'] = String(subgraph.totalNodes);
          headers['X-Linkage-Counted-Depth'] = String(subgraph.countedDepth);
          headers['X-Linkage-Truncated'] = String(subgraph.truncated);
          out = new Output(res, headers);
          const sink = format.sink(out, selection.scope);
          for (const node of subgraph.nodes) sink.node(node);
          const shown = selection.relationshipIds;
          for (const relationship of subgraph.relationships)
            if (!shown || shown.has(relationship.id)) sink.edge(relationship);
          sink.end();
          out.end();
          return;
        }
        out = new Output(res, headers);
        const output = out;
        const sink = format.sink(output, selection.scope);
        await graph.streamGraph(selection.filter, {
          node: format.needs.nodes
            ? async (entity) => {
                sink.node(entity);
                await output.flow();
              }
            : undefined,
          edge: format.needs.edges
            ? async (relationship) => {
                sink.edge(relationship);
                await output.flow();
              }
            : undefined,
        });
        sink.end();
        output.end();
      } catch (error) {
        if (error instanceof ClientGone) return;
        if (out?.hasStarted || res.headersSent) {
          // Too late for a status: cutting the connection tells the client the file is incomplete.
          res.destroy(error instanceof Error ? error : undefined);
          return;
        }
        if (error instanceof AppError)
          return sendError(res, STATUS[error.code] ?? 500, error.code, error.message);
        next(error);
      }
    };

  router.get(
    '/export/:format',
    serve((req) => parseSelection(req.query)),
  );
  // A view's ids do not fit a URL (a thousand entities), so they come as a JSON body. Only JSON: a form
  // post from another site cannot start an export.
  router.post(
    '/export/:format',
    (req, res, next) => {
      if (req.is('application/json')) return next();
      req.resume();
      return sendError(
        res,
        415,
        'BAD_USER_INPUT',
        'POST the view as JSON ({"ids": […], "filter": {…}}) with Content-Type: application/json',
      );
    },
    express.json({ limit: VIEW_EXPORT_MAX_BYTES }),
    serve((req) => parseViewSelection(req.body)),
  );
  // A view's body that cannot be read is answered like every other export error.
  const unreadableView: express.ErrorRequestHandler = (error: { type?: string }, _req, res, next) => {
    if (error.type === 'entity.parse.failed')
      return sendError(
        res,
        400,
        'BAD_USER_INPUT',
        'The view is not valid JSON; send {"ids": […], "filter": {…}}',
      );
    if (error.type === 'entity.too.large')
      return sendError(
        res,
        413,
        'BAD_USER_INPUT',
        `The view is larger than ${VIEW_EXPORT_MAX_BYTES} bytes; export fewer entities at a time`,
      );
    next(error);
  };
  router.use('/export', unreadableView);

  return router;
}
