import { describe, expect, it } from 'vitest';
import { parseTimeSpan } from '../../../client/src/state/dates.ts';
import { EMPTY_VIEW } from '../../../client/src/state/model.ts';
import { mergeSubgraph, setFilter, setTimeWindow } from '../../../client/src/state/transitions.ts';
import { timeDomain, visibleGraph } from '../../../client/src/state/visible.ts';
import { entity, evidence, rel } from './builders.ts';

const view = mergeSubgraph(EMPTY_VIEW, {
  nodes: [
    entity('zuck', { kind: 'Person' }),
    entity('meta'),
    entity('seoul-2024', { kind: 'Event', occurredAt: '2024-02-28' }),
    entity('seoul-2013', { kind: 'Event', occurredAt: '2013-06' }),
  ],
  relationships: [
    rel('zuck', 'CEO_OF', 'meta'),
    rel('zuck', 'PARTICIPATED_IN', 'seoul-2024', { certainty: 'REPORTED', occurredAt: '2024-02-28' }),
    rel('zuck', 'PARTICIPATED_IN', 'seoul-2013', {
      certainty: 'SPECULATIVE',
      occurredAt: '2013-06',
      evidence: [evidence({ source: { ...evidence().source, publishedAt: '2013-06-20' } })],
    }),
  ],
});
const nodeIds = (v: typeof view) =>
  visibleGraph(v)
    .nodes.map((n) => n.id)
    .sort();
const edgeIds = (v: typeof view) =>
  visibleGraph(v)
    .edges.map((e) => e.id)
    .sort();

describe('visibleGraph filters', () => {
  it('shows everything by default', () => {
    expect(nodeIds(view)).toHaveLength(4);
    expect(edgeIds(view)).toHaveLength(3);
  });

  it('hides kinds and the edges that touch them', () => {
    const v = setFilter(view, { hiddenKinds: ['Event'] });
    expect(nodeIds(v)).toEqual(['meta', 'zuck']);
    expect(edgeIds(v)).toEqual(['zuck:CEO_OF:meta']);
  });

  it('applies minimum certainty (CONFIRMED keeps confirmed only)', () => {
    expect(edgeIds(setFilter(view, { minCertainty: 'CONFIRMED' }))).toEqual(['zuck:CEO_OF:meta']);
    expect(edgeIds(setFilter(view, { minCertainty: 'REPORTED' }))).toHaveLength(2);
  });

  it('hides relationship types', () => {
    expect(edgeIds(setFilter(view, { hiddenTypes: ['PARTICIPATED_IN'] }))).toEqual(['zuck:CEO_OF:meta']);
  });

  it('applies an event-time window to events and dated edges, keeping undated ones', () => {
    const v = setTimeWindow(view, { clock: 'OCCURRED', from: '2024-01-01', to: null });
    expect(nodeIds(v)).toEqual(['meta', 'seoul-2024', 'zuck']);
    expect(edgeIds(v)).toEqual(['zuck:CEO_OF:meta', 'zuck:PARTICIPATED_IN:seoul-2024']);
  });

  it('applies a report-time window to edges by their sources’ publication date', () => {
    const v = setTimeWindow(view, { clock: 'PUBLISHED', from: '2013-01-01', to: '2013-12-31' });
    expect(nodeIds(v)).toHaveLength(4);
    expect(edgeIds(v)).toEqual(['zuck:PARTICIPATED_IN:seoul-2013']);
  });

  it('offers the dates on canvas as the slider domain', () => {
    expect(timeDomain(view, 'OCCURRED')).toEqual(['2013-06-01', '2013-06-30', '2024-02-28']);
    expect(timeDomain(view, 'PUBLISHED')).toEqual(['2013-06-20', '2024-02-29']);
  });
});

describe('parseTimeSpan', () => {
  it('reads years, months, days and ranges', () => {
    expect(parseTimeSpan('2024')).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(parseTimeSpan('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(parseTimeSpan('2024-03-01/2024-03-03')).toEqual({ from: '2024-03-01', to: '2024-03-03' });
    expect(parseTimeSpan('soon')).toBeNull();
    expect(parseTimeSpan(null)).toBeNull();
  });
});
