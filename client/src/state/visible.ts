// What the canvas and the table show: the view's elements after hiding and filtering. Both read this one
// function so that they can never disagree.
import type { Entity, Relationship } from '../api/types.ts';
import { parseTimeSpan, overlaps } from './dates.ts';
import { CERTAINTY_ORDER, type Filter, type GraphView } from './model.ts';

export interface VisibleGraph {
  nodes: Entity[];
  edges: Relationship[];
}

const rank = (c: Relationship['certainty']): number => CERTAINTY_ORDER.indexOf(c);

function nodeInWindow(node: Entity, filter: Filter): boolean {
  const { clock, from, to } = filter.time;
  // Report time belongs to sources, which hang off relationships: it narrows edges, not nodes.
  if (clock !== 'OCCURRED' || (from === null && to === null)) return true;
  const span = parseTimeSpan(node.occurredAt);
  return span === null || overlaps(span, from, to);
}

function edgeInWindow(edge: Relationship, filter: Filter): boolean {
  const { clock, from, to } = filter.time;
  if (from === null && to === null) return true;
  if (clock === 'OCCURRED') {
    const span = parseTimeSpan(edge.occurredAt);
    return span === null || overlaps(span, from, to);
  }
  return edge.evidence.some((e) => {
    const span = parseTimeSpan(e.source.publishedAt);
    return span !== null && overlaps(span, from, to);
  });
}

export function visibleGraph(view: GraphView): VisibleGraph {
  const { filter } = view;
  const nodes = Object.values(view.entities).filter(
    (n) => !view.hidden.includes(n.id) && !filter.hiddenKinds.includes(n.kind) && nodeInWindow(n, filter),
  );
  const ids = new Set(nodes.map((n) => n.id));
  const maxRank = rank(filter.minCertainty);
  const edges = Object.values(view.relationships).filter(
    (e) =>
      ids.has(e.fromId) &&
      ids.has(e.toId) &&
      !filter.hiddenTypes.includes(e.type) &&
      rank(e.certainty) <= maxRank &&
      edgeInWindow(e, filter),
  );
  return { nodes, edges };
}

/** The dates the time slider can move over, for the chosen clock, sorted and distinct. */
export function timeDomain(view: GraphView, clock: Filter['time']['clock']): string[] {
  const days = new Set<string>();
  const addSpan = (value: string | null) => {
    const span = parseTimeSpan(value);
    if (span) days.add(span.from).add(span.to);
  };
  if (clock === 'OCCURRED') {
    Object.values(view.entities).forEach((n) => addSpan(n.occurredAt));
    Object.values(view.relationships).forEach((r) => addSpan(r.occurredAt));
  } else {
    Object.values(view.relationships).forEach((r) =>
      r.evidence.forEach((e) => addSpan(e.source.publishedAt)),
    );
  }
  return [...days].sort();
}

export const kindsOnCanvas = (view: GraphView): string[] =>
  [...new Set(Object.values(view.entities).map((n) => n.kind))].sort();

export const typesOnCanvas = (view: GraphView): string[] =>
  [...new Set(Object.values(view.relationships).map((r) => r.type))].sort();
