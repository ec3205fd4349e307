import { describe, expect, it } from 'vitest';
import { parseTimeSpan } from '../../../client/src/state/dates.ts';
import { EMPTY_VIEW } from '../../../client/src/state/model.ts';
import { mergeSubgraph, setFilter, setTimeWindow } from '../../../client/src/state/transitions.ts';
import { hiddenCounts, timeDomain, visibleGraph } from '../../../client/src/state/visible.ts';
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
    rel('zuck', 'PARTICIPATED_IN', 'seoul-2024', {
      certainty: 'REPORTED',
      occurredAt: '2024-02-28',
      evidence: [evidence({ certainty: 'REPORTED', occurredAt: '2024-02-28' })],
    }),
    rel('zuck', 'PARTICIPATED_IN', 'seoul-2013', {
      certainty: 'SPECULATIVE',
      occurredAt: '2013-06',
      evidence: [
        evidence({
          certainty: 'SPECULATIVE',
          occurredAt: '2013-06',
          source: { ...evidence().source, id: 'src-2013', publishedAt: '2013-06-20' },
        }),
      ],
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

  it('filters act on each piece of evidence: the meeting is REPORTED in 2024, CONFIRMED before 2015', () => {
    const met = mergeSubgraph(EMPTY_VIEW, {
      nodes: [entity('zuck'), entity('lee')],
      relationships: [
        rel('zuck', 'MET_WITH', 'lee', {
          evidence: [
            evidence({ id: 'e2024', certainty: 'REPORTED', occurredAt: '2024-02-28' }),
            evidence({ id: 'e2013', certainty: 'CONFIRMED', occurredAt: '2013/2014' }),
          ],
        }),
      ],
    });
    const feb28 = setTimeWindow(met, { clock: 'OCCURRED', from: '2024-02-28', to: '2024-02-28' });
    const shown = visibleGraph(feb28).edges[0];
    expect(shown?.certainty).toBe('REPORTED');
    expect(shown?.evidence.map((e) => e.id)).toEqual(['e2024']);
    expect(edgeIds(setFilter(feb28, { minCertainty: 'CONFIRMED' }))).toEqual([]);
    expect(hiddenCounts(setFilter(feb28, { minCertainty: 'CONFIRMED' })).edges).toBe(1);
    const early = setTimeWindow(met, { clock: 'OCCURRED', from: null, to: '2014-12-31' });
    expect(visibleGraph(early).edges[0]?.certainty).toBe('CONFIRMED');
    expect(visibleGraph(early).edges[0]?.evidence.map((e) => e.id)).toEqual(['e2013']);
  });

  it('"as of" shows what had been reported by that day; denials mark an edge disputed from then on', () => {
    const v = mergeSubgraph(EMPTY_VIEW, {
      nodes: [entity('a'), entity('b'), entity('c')],
      relationships: [
        rel('a', 'OWNS', 'b', {
          evidence: [
            evidence({ id: 'early', certainty: 'REPORTED' }),
            evidence({
              id: 'denial',
              stance: 'DENIES',
              source: { ...evidence().source, id: 'later', publishedAt: '2024-03-05', reliability: 'B' },
            }),
          ],
        }),
        rel('b', 'OWNS', 'c'),
      ],
    });
    const before = setFilter(v, { asOf: '2024-03-01' });
    expect(visibleGraph(before).edges.find((e) => e.id === 'a:OWNS:b')?.disputed).toBe(false);
    expect(visibleGraph(v).edges.find((e) => e.id === 'a:OWNS:b')?.disputed).toBe(true);
    expect(visibleGraph(v).edges.find((e) => e.id === 'a:OWNS:b')?.certainty).toBe('REPORTED');
    expect(edgeIds(setFilter(v, { asOf: '2024-02-01' }))).toEqual([]);
    // Only graded sources: the unrated (F) ones drop out.
    expect(edgeIds(setFilter(v, { minReliability: 'C' }))).toEqual(['a:OWNS:b']);
    // Orphans: with every edge hidden, the entities can go too, and are counted.
    const bare = setFilter(v, { asOf: '2024-02-01', hideOrphans: true });
    expect(nodeIds(bare)).toEqual([]);
    expect(hiddenCounts(bare)).toMatchObject({ edges: 2, nodes: 3 });
  });

  it('"include undated" decides whether undated evidence passes an event window', () => {
    const v = setTimeWindow(view, { clock: 'OCCURRED', from: '2024-01-01', to: null });
    expect(edgeIds(setFilter(v, { includeUndated: false }))).toEqual(['zuck:PARTICIPATED_IN:seoul-2024']);
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
