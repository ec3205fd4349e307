// The timeline layout (layouts.ts timelinePositions): days in columns under their axis ticks, no two
// node boxes (shape and label) on each other, undated entities in a lane of their own, and as tall as
// the canvas allows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  TIMELINE_GAP,
  timelinePositions,
  type TimelineFootprint,
  type TimelineNode,
  type TimelinePlan,
} from '../../../client/src/graph-view/layouts.ts';
import { parseTimeSpan } from '../../../client/src/state/dates.ts';

interface Box {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

function boxes(nodes: readonly TimelineNode[], plan: TimelinePlan): Box[] {
  return nodes.map((n) => {
    const p = plan.positions.get(n.id);
    const f = n.footprint as TimelineFootprint;
    if (!p) throw new Error(`${n.id} was not placed`);
    return { id: n.id, x1: p.x - f.w / 2, x2: p.x + f.w / 2, y1: p.y - f.above, y2: p.y + f.below };
  });
}

/** Pairs of boxes closer than `gap` on both axes (touching within rounding is allowed). */
function crowded(all: readonly Box[], gap: number): string[] {
  const eps = 1e-6;
  const found: string[] = [];
  for (let i = 0; i < all.length; i++)
    for (let j = i + 1; j < all.length; j++) {
      const [a, b] = [all[i] as Box, all[j] as Box];
      const apartX = a.x2 + gap <= b.x1 + eps || b.x2 + gap <= a.x1 + eps;
      const apartY = a.y2 + gap <= b.y1 + eps || b.y2 + gap <= a.y1 + eps;
      if (!apartX && !apartY) found.push(`${a.id} / ${b.id}`);
    }
  return found;
}

const DAYS = [
  '',
  '',
  '2013',
  '2013/2014',
  '2014',
  '2016-02-21',
  '2024-02',
  '2024-02-27',
  '2024-02-28',
  '2024-03-01/2024-03-03',
];
const KINDS = ['Event', 'Person', 'Organization', 'Product'];

const footprintArb = fc
  .record({
    w: fc.integer({ min: 20, max: 200 }),
    above: fc.integer({ min: 8, max: 30 }),
    label: fc.integer({ min: 0, max: 70 }),
  })
  .map(({ w, above, label }) => ({ w, above, below: above + label }));

const graphArb = fc.integer({ min: 1, max: 40 }).chain((count) =>
  fc.tuple(
    fc.array(
      fc.record({
        kind: fc.constantFrom(...KINDS),
        occurredAt: fc.constantFrom(...DAYS),
        footprint: footprintArb,
        neighbours: fc.array(fc.integer({ min: 0, max: count - 1 }), { maxLength: 4 }),
      }),
      { minLength: count, maxLength: count },
    ),
    fc.option(fc.integer({ min: 60, max: 1500 }), { nil: undefined }),
  ),
);

const toNodes = (
  specs: { kind: string; occurredAt: string; footprint: TimelineFootprint; neighbours: number[] }[],
) => specs.map((s, i) => ({ ...s, id: `n${i}`, neighbours: s.neighbours.map((k) => `n${k}`) }));

describe('timelinePositions (properties)', () => {
  it('no two node boxes come closer than the gap; each day is centred under its column; undated apart', () => {
    fc.assert(
      fc.property(graphArb, ([specs, height]) => {
        const nodes = toNodes(specs);
        const plan = timelinePositions(nodes, { height });
        const all = boxes(nodes, plan);
        expect(crowded(all, TIMELINE_GAP)).toEqual([]);

        // Columns in time order, apart, each centred on its day's nodes (where the axis puts its tick).
        const days = plan.columns.map((c) => c.day);
        expect(days).toEqual([...days].sort());
        plan.columns.forEach((c, i) => {
          const next = plan.columns[i + 1];
          if (next) expect(c.x + c.w / 2).toBeLessThanOrEqual(next.x - next.w / 2);
          const ofDay = nodes.filter((n) => parseTimeSpan(n.occurredAt)?.from === c.day);
          const xs = ofDay.map((n) => plan.positions.get(n.id)?.x ?? NaN);
          expect((Math.min(...xs) + Math.max(...xs)) / 2).toBeCloseTo(c.x, 6);
          for (const b of all.filter((b) => ofDay.some((n) => n.id === b.id))) {
            expect(b.x1).toBeGreaterThanOrEqual(c.x - c.w / 2 - 1e-6);
            expect(b.x2).toBeLessThanOrEqual(c.x + c.w / 2 + 1e-6);
          }
        });

        // The undated lane lies under every dated box, a lane gap and more away.
        const isDated = (b: Box) => parseTimeSpan(nodes.find((n) => n.id === b.id)?.occurredAt) !== null;
        const datedFoot = Math.max(...all.filter(isDated).map((b) => b.y2));
        const undatedHead = Math.min(...all.filter((b) => !isDated(b)).map((b) => b.y1));
        if (Number.isFinite(datedFoot) && Number.isFinite(undatedHead))
          expect(undatedHead - datedFoot).toBeGreaterThanOrEqual(2 * TIMELINE_GAP);
      }),
      { numRuns: 300 },
    );
  });

  it('stays within the height whenever one row per lane fits in it', () => {
    fc.assert(
      fc.property(graphArb, ([specs, height = 800]) => {
        const nodes = toNodes(specs);
        const plan = timelinePositions(nodes, { height });
        const all = boxes(nodes, plan);
        const row = Math.max(...nodes.map((n) => n.footprint.above + n.footprint.below)) + TIMELINE_GAP;
        const datedKinds = new Set(nodes.filter((n) => parseTimeSpan(n.occurredAt)).map((n) => n.kind));
        const undated = nodes.some((n) => !parseTimeSpan(n.occurredAt));
        // One row for each dated kind and one for the undated, with the lane gaps (at most 72 each).
        const least = (datedKinds.size + (undated ? 1 : 0)) * row + (datedKinds.size + 1) * 72;
        fc.pre(least <= height);
        const tall = Math.max(...all.map((b) => b.y2)) - Math.min(...all.map((b) => b.y1));
        expect(tall).toBeLessThanOrEqual(height);
      }),
      { numRuns: 300 },
    );
  });
});

describe('timelinePositions (an example)', () => {
  const f = { w: 100, above: 15, below: 45 };
  const nodes: TimelineNode[] = [
    { id: 'meeting', kind: 'Event', occurredAt: '2024-02-28', neighbours: [], footprint: f },
    { id: 'dinner', kind: 'Event', occurredAt: '2024-02-28', neighbours: [], footprint: f },
    { id: 'visit', kind: 'Event', occurredAt: '2024-02-28', neighbours: [], footprint: f },
    { id: 'founding', kind: 'Event', occurredAt: '2013', neighbours: [], footprint: f },
    { id: 'zuck', kind: 'Person', occurredAt: '', neighbours: ['meeting', 'dinner'], footprint: f },
    { id: 'loner', kind: 'Person', occurredAt: '', neighbours: [], footprint: f },
  ];

  it('stacks a busy day under its tick while the canvas is tall enough', () => {
    const plan = timelinePositions(nodes);
    expect(plan.columns.map((c) => c.day)).toEqual(['2013-01-01', '2024-02-28']);
    const day = plan.columns[1];
    const xs = ['meeting', 'dinner', 'visit'].map((id) => plan.positions.get(id)?.x);
    expect(xs).toEqual([day?.x, day?.x, day?.x]);
    // A year alone stands in its first day's column.
    expect(plan.positions.get('founding')?.x).toBe(plan.columns[0]?.x);
    // Undated: their own lane, under the dated rows; zuck under the day of his neighbours.
    expect(plan.undatedTop).not.toBeNull();
    expect(plan.positions.get('zuck')?.y).toBeGreaterThan(plan.undatedTop as number);
    expect(plan.positions.get('zuck')?.x).toBe(day?.x);
    expect(plan.positions.get('loner')?.x).toBeLessThan(day?.x as number);
  });

  it('lays a busy day out side by side, centred on its tick, when the canvas is short', () => {
    const plan = timelinePositions(nodes, { height: 200 });
    const day = plan.columns[1];
    const ps = ['meeting', 'dinner', 'visit'].map((id) => plan.positions.get(id));
    expect(new Set(ps.map((p) => p?.y)).size).toBe(1);
    expect(ps.map((p) => p?.x)).toEqual([
      (day?.x as number) - 100 - TIMELINE_GAP,
      day?.x,
      (day?.x as number) + 100 + TIMELINE_GAP,
    ]);
    const all = boxes(nodes, plan);
    expect(Math.max(...all.map((b) => b.y2)) - Math.min(...all.map((b) => b.y1))).toBeLessThanOrEqual(200);
  });
});
