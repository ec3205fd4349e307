// Client-side exports of what is on screen. Pure string builders, so they are unit-testable.
import type { GraphFilter } from '../api/types.ts';
import { NEIGHBORHOOD } from '../api/operations.ts';
import type { GraphView } from './model.ts';
import type { VisibleGraph } from './visible.ts';

const xmlEscape = (text: string): string =>
  text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );

export function toGraphML(graph: VisibleGraph): string {
  const keys = [
    ['kind', 'node'],
    ['name', 'node'],
    ['nameKo', 'node'],
    ['occurredAt', 'node'],
    ['type', 'edge'],
    ['certainty', 'edge'],
    ['evidence', 'edge'],
  ];
  const data = (key: string, value: string | null | undefined) =>
    value == null ? '' : `<data key="${key}">${xmlEscape(value)}</data>`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...keys.map(([id, target]) => `  <key id="${id}" for="${target}" attr.name="${id}" attr.type="string"/>`),
    '  <graph id="linkage" edgedefault="directed">',
    ...graph.nodes.map(
      (n) =>
        `    <node id="${xmlEscape(n.id)}">${data('kind', n.kind)}${data('name', n.name)}${data('nameKo', n.nameKo)}${data('occurredAt', n.occurredAt)}</node>`,
    ),
    ...graph.edges.map(
      (e) =>
        `    <edge id="${xmlEscape(e.id)}" source="${xmlEscape(e.fromId)}" target="${xmlEscape(e.toId)}">${data('type', e.type)}${data('certainty', e.certainty)}${data('evidence', e.evidence.map((ev) => ev.quote).join(' | '))}</edge>`,
    ),
    '  </graph>',
    '</graphml>',
  ];
  return lines.join('\n') + '\n';
}

const csvCell = (value: unknown): string => {
  const text = value == null ? '' : String(value);
  // Quote always and neutralise spreadsheet formulas: exported names are user-provided text.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
};
const csvRow = (cells: unknown[]): string => cells.map(csvCell).join(',');

export function toNodesCsv(graph: VisibleGraph): string {
  const rows = [csvRow(['id', 'kind', 'name', 'nameKo', 'aliases', 'occurredAt', 'description'])];
  for (const n of graph.nodes)
    rows.push(csvRow([n.id, n.kind, n.name, n.nameKo, n.aliases.join('; '), n.occurredAt, n.description]));
  return rows.join('\r\n') + '\r\n';
}

export function toEdgesCsv(graph: VisibleGraph): string {
  const rows = [csvRow(['id', 'from', 'type', 'to', 'certainty', 'occurredAt', 'evidenceCount'])];
  for (const e of graph.edges)
    rows.push(csvRow([e.id, e.fromId, e.type, e.toId, e.certainty, e.occurredAt, e.evidence.length]));
  return rows.join('\r\n') + '\r\n';
}

/** A citation list of the evidence behind the shown edges, one source per block. */
export function toCitations(graph: VisibleGraph): string {
  const bySource = new Map<string, { header: string; lines: string[] }>();
  for (const edge of graph.edges) {
    for (const ev of edge.evidence) {
      const s = ev.source;
      const header = [s.publisher, s.author, s.publishedAt, s.title, s.url].filter(Boolean).join(' · ');
      const entry = bySource.get(s.id) ?? { header, lines: [] };
      const who = ev.attributedTo ? ` (attributed to ${ev.attributedTo})` : '';
      entry.lines.push(
        `- ${edge.fromId} ${edge.type} ${edge.toId} [${ev.certainty}]${who}: “${ev.quote}”` +
          (ev.translation ? ` — ${ev.translation}` : ''),
      );
      bySource.set(s.id, entry);
    }
  }
  return [...bySource.values()].map((b) => `${b.header}\n${b.lines.join('\n')}`).join('\n\n') + '\n';
}

/** The server-side filter equivalent to the view's client-side filter. */
export function toGraphFilter(view: GraphView, kinds: string[], types: string[]): GraphFilter {
  const f = view.filter;
  const filter: GraphFilter = { minCertainty: f.minCertainty };
  const keptKinds = kinds.filter((k) => !f.hiddenKinds.includes(k));
  const keptTypes = types.filter((t) => !f.hiddenTypes.includes(t));
  if (f.hiddenKinds.length) filter.kinds = keptKinds;
  if (f.hiddenTypes.length) filter.relationshipTypes = keptTypes;
  if (f.time.clock === 'OCCURRED') {
    if (f.time.from) filter.occurredFrom = f.time.from;
    if (f.time.to) filter.occurredTo = f.time.to;
  } else {
    if (f.time.from) filter.publishedFrom = f.time.from;
    if (f.time.to) filter.publishedTo = f.time.to;
  }
  return filter;
}

/** A runnable query and variables that fetch the entities of this view (for notebooks and curl). */
export function graphQLForView(
  graph: VisibleGraph,
  filter: GraphFilter,
): { query: string; variables: string } {
  const variables = { ids: graph.nodes.map((n) => n.id), depth: 1, limit: 300, filter };
  return { query: NEIGHBORHOOD.trim(), variables: JSON.stringify(variables, null, 2) };
}
