// What the canvas and the table show: the view's elements after hiding and filtering. Both read this one
// function so that they can never disagree. Filters act on each piece of evidence, as the server's do
// (cypher/fragments/evidence-passes.cypher): a relationship is shown when one of its evidence passes, lists
// only what passed, and takes its certainty, event time, source count and dispute flag from that alone.
import type { Entity, EvidenceFact, Relationship } from '../api/shapes.ts';
import { parseTimeSpan, overlaps } from './dates.ts';
import { CERTAINTY_ORDER, RELIABILITY_ORDER, type Filter, type GraphView } from './model.ts';

export interface VisibleGraph {
  nodes: Entity[];
  edges: Relationship[];
}

export interface HiddenCounts {
  /** Relationships on the canvas (both ends shown) that the filters hide. */
  edges: number;
  /** Entities hidden by kind, time or as orphans (not counting ones the user hid). */
  nodes: number;
  /** Pieces of evidence the filters drop from the relationships shown. */
  evidence: number;
}

const rank = (c: Relationship['certainty']): number => CERTAINTY_ORDER.indexOf(c);

function nodeInWindow(node: Entity, filter: Filter): boolean {
  const { clock, from, to } = filter.time;
  // Report time belongs to sources, which hang off relationships: it narrows edges, not nodes.
  if (clock !== 'OCCURRED' || (from === null && to === null)) return true;
  const span = parseTimeSpan(node.occurredAt);
  return span === null ? filter.includeUndated || node.kind !== 'Event' : overlaps(span, from, to);
}

/** The report window's end: the time window on report time and the "as of" day, whichever is earlier. */
function reportedBy(filter: Filter): string | null {
  const to = filter.time.clock === 'PUBLISHED' ? filter.time.to : null;
  if (to && filter.asOf) return to < filter.asOf ? to : filter.asOf;
  return to ?? filter.asOf;
}

/** Whether one piece of evidence passes the filter (the server's evidence-passes, client-side). */
export function evidencePasses(ev: EvidenceFact, filter: Filter): boolean {
  if (rank(ev.certainty) > rank(filter.minCertainty)) return false;
  const grade = RELIABILITY_ORDER.indexOf(ev.source.reliability ?? 'F');
  if (grade > RELIABILITY_ORDER.indexOf(filter.minReliability)) return false;
  const { clock, from, to } = filter.time;
  if (clock === 'OCCURRED' && (from !== null || to !== null)) {
    const span = parseTimeSpan(ev.occurredAt);
    if (span === null ? !filter.includeUndated : !overlaps(span, from, to)) return false;
  }
  const reportFrom = clock === 'PUBLISHED' ? from : null;
  const reportTo = reportedBy(filter);
  if (reportFrom !== null || reportTo !== null) {
    const published = ev.source.publishedAt;
    if (!published) return false;
    if (reportFrom !== null && published < reportFrom) return false;
    if (reportTo !== null && published.slice(0, 10) > reportTo) return false;
  }
  return true;
}

/** A relationship as the filter shows it: only passing evidence, and the fields derived from it. */
export function filteredRelationship(rel: Relationship, filter: Filter): Relationship | null {
  // Relationships without evidence (older files) are judged by their own certainty.
  if (rel.evidence.length === 0) return rank(rel.certainty) <= rank(filter.minCertainty) ? rel : null;
  const passing = rel.evidence.filter((ev) => evidencePasses(ev, filter));
  if (passing.length === 0) return null;
  const supporting = passing.filter((ev) => ev.stance !== 'DENIES');
  const strongest = (list: EvidenceFact[]) =>
    list.reduce(
      (best, ev) => (rank(ev.certainty) < rank(best) ? ev.certainty : best),
      'SPECULATIVE' as Relationship['certainty'],
    );
  const spans = passing.map((ev) => parseTimeSpan(ev.occurredAt)).filter((s) => s !== null);
  const dated = passing.map((ev) => ev.occurredAt).filter((d): d is string => Boolean(d));
  const occurredAt =
    dated.length === 0
      ? null
      : new Set(dated).size === 1
        ? (dated[0] ?? null)
        : `${spans.map((s) => s.from).sort()[0]}/${spans
            .map((s) => s.to)
            .sort()
            .at(-1)}`;
  const derived = {
    certainty: strongest(supporting.length ? supporting : passing),
    occurredAt: occurredAt ?? (passing.length === rel.evidence.length ? rel.occurredAt : null),
    sourceCount: new Set(passing.map((ev) => ev.source.id)).size,
    disputed: passing.some((ev) => ev.stance === 'DENIES'),
  };
  // Unchanged: keep the same object, so the canvas sees nothing to restyle.
  if (
    passing.length === rel.evidence.length &&
    derived.certainty === rel.certainty &&
    derived.occurredAt === rel.occurredAt &&
    derived.sourceCount === rel.sourceCount &&
    derived.disputed === rel.disputed
  )
    return rel;
  return { ...rel, ...derived, evidence: passing };
}

const cache = new WeakMap<GraphView, { graph: VisibleGraph; hidden: HiddenCounts }>();

function compute(view: GraphView): { graph: VisibleGraph; hidden: HiddenCounts } {
  const cached = cache.get(view);
  if (cached) return cached;
  const { filter } = view;
  const live = Object.values(view.entities).filter((n) => !view.hidden.includes(n.id));
  let nodes = live.filter((n) => !filter.hiddenKinds.includes(n.kind) && nodeInWindow(n, filter));
  const ids = new Set(nodes.map((n) => n.id));
  let hiddenEdges = 0;
  let hiddenEvidence = 0;
  const edges: Relationship[] = [];
  for (const rel of Object.values(view.relationships)) {
    if (!ids.has(rel.fromId) || !ids.has(rel.toId)) continue;
    const shown = filter.hiddenTypes.includes(rel.type) ? null : filteredRelationship(rel, filter);
    if (shown === null) hiddenEdges += 1;
    else {
      edges.push(shown);
      hiddenEvidence += rel.evidence.length - shown.evidence.length;
    }
  }
  if (filter.hideOrphans) {
    const linked = new Set(edges.flatMap((e) => [e.fromId, e.toId]));
    nodes = nodes.filter((n) => linked.has(n.id));
  }
  const result = {
    graph: { nodes, edges },
    hidden: { edges: hiddenEdges, nodes: live.length - nodes.length, evidence: hiddenEvidence },
  };
  cache.set(view, result);
  return result;
}

export function visibleGraph(view: GraphView): VisibleGraph {
  return compute(view).graph;
}

/** What the filters hide right now, for the counts the panels show. */
export function hiddenCounts(view: GraphView): HiddenCounts {
  return compute(view).hidden;
}

/** The dates the time control can move over, for the chosen clock, sorted and distinct. */
export function timeDomain(view: GraphView, clock: Filter['time']['clock']): string[] {
  const days = new Set<string>();
  const addSpan = (value: string | null) => {
    const span = parseTimeSpan(value);
    if (span) days.add(span.from).add(span.to);
  };
  if (clock === 'OCCURRED') {
    Object.values(view.entities).forEach((n) => addSpan(n.occurredAt));
    Object.values(view.relationships).forEach((r) => r.evidence.forEach((e) => addSpan(e.occurredAt)));
  } else {
    Object.values(view.relationships).forEach((r) =>
      r.evidence.forEach((e) => addSpan(e.source.publishedAt)),
    );
  }
  return [...days].sort();
}

/** Dated items per day (event time: evidence and events; report time: evidence), for the histogram. */
export function timeCounts(view: GraphView, clock: Filter['time']['clock']): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (value: string | null) => {
    const span = parseTimeSpan(value);
    if (span) counts.set(span.from, (counts.get(span.from) ?? 0) + 1);
  };
  for (const r of Object.values(view.relationships))
    for (const e of r.evidence) add(clock === 'OCCURRED' ? e.occurredAt : e.source.publishedAt);
  if (clock === 'OCCURRED') for (const n of Object.values(view.entities)) add(n.occurredAt);
  return counts;
}

/** Report dates of the evidence on the canvas (the "as of" control's stops). */
export const reportDates = (view: GraphView): string[] => timeDomain(view, 'PUBLISHED');

export const kindsOnCanvas = (view: GraphView): string[] =>
  [...new Set(Object.values(view.entities).map((n) => n.kind))].sort();

export const typesOnCanvas = (view: GraphView): string[] =>
  [...new Set(Object.values(view.relationships).map((r) => r.type))].sort();
