// Exports of what is on screen that only the client can make: a citation list in words, the report's source
// line, the server filter of the view and its GraphQL. Pure string builders, so they are unit-testable. The
// data formats (GraphML, GEXF, CSV) come from the server's writers (commands.exportView).
import type { GraphFilter } from '../api/shapes.ts';
import { NEIGHBORHOOD } from '../api/operations.ts';
import type { GraphView } from './model.ts';
import type { QuotedGraph } from './evidence.ts';
import type { VisibleGraph } from './visible.ts';

const nameOf = (graph: QuotedGraph, id: string): string => {
  const e = graph.nodes.find((n) => n.id === id);
  return e ? e.name : id;
};
const words = (type: string): string => type.toLowerCase().replace(/_/g, ' ');

const CERTAINTY_WORDS: Record<string, string> = {
  CONFIRMED: 'states as fact',
  REPORTED: 'reports',
  SPECULATIVE: 'speculates',
};

/**
 * A citation list in words, one block per source: who said what, where and when, with the quote and its
 * translation. Names, never ids.
 */
export function toCitations(graph: QuotedGraph): string {
  const bySource = new Map<string, { header: string; lines: string[] }>();
  for (const edge of graph.edges) {
    const claim = `${nameOf(graph, edge.fromId)} ${words(edge.type)} ${nameOf(graph, edge.toId)}`;
    for (const ev of edge.evidence) {
      const s = ev.source;
      const where = [s.publisher, s.author].filter(Boolean).join(', ');
      const title = s.titleEn && s.titleEn !== s.title ? `“${s.title}” (${s.titleEn})` : `“${s.title}”`;
      const header = [
        where || 'Unknown publisher',
        s.publishedAt ? `published ${s.publishedAt}` : 'undated',
        title,
        s.url,
      ]
        .filter(Boolean)
        .join(' · ');
      const entry = bySource.get(s.id) ?? { header, lines: [] };
      const who = ev.attributedTo ?? s.publisher ?? 'The source';
      const when = (ev as { occurredAt?: string | null }).occurredAt ?? edge.occurredAt;
      entry.lines.push(
        `- ${who} ${CERTAINTY_WORDS[ev.certainty] ?? 'says'} that ${claim}${when ? ` (${when})` : ''}: “${ev.quote}”` +
          (ev.translation ? ` — “${ev.translation}”` : ''),
      );
      bySource.set(s.id, entry);
    }
  }
  if (bySource.size === 0) return 'No evidence behind the relationships shown.\n';
  return [...bySource.values()].map((b) => `${b.header}\n${b.lines.join('\n')}`).join('\n\n') + '\n';
}

/** "Publisher, YYYY-MM-DD" for each distinct source behind the shown relationships (the report's footer). */
export function sourceLine(graph: QuotedGraph): string[] {
  const seen = new Map<string, string>();
  for (const edge of graph.edges)
    for (const ev of edge.evidence) {
      const s = ev.source;
      if (!seen.has(s.id)) seen.set(s.id, [s.publisher ?? s.title, s.publishedAt].filter(Boolean).join(', '));
    }
  return [...seen.values()].sort();
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
  if ((filter.occurredFrom || filter.occurredTo) && !f.includeUndated) filter.includeUndated = false;
  if (f.asOf && (!filter.publishedTo || f.asOf < filter.publishedTo)) filter.publishedTo = f.asOf;
  if (f.minReliability !== 'F') filter.minSourceReliability = f.minReliability;
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
