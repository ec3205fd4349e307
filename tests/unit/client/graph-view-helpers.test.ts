import { describe, expect, it } from 'vitest';
import { nearestInDirection } from '../../../client/src/graph-view/keyboard.ts';
import { timelinePositions } from '../../../client/src/graph-view/layouts.ts';
import fc from 'fast-check';
import {
  avoidOverlaps,
  placeAround,
  separate,
  spiralPositions,
  type Footprint,
} from '../../../client/src/graph-view/placement.ts';
import { isSoftwareRenderer } from '../../../client/src/graph-view/renderer-choice.ts';

describe('placeAround', () => {
  it('puts new nodes near their anchor, none on top of each other', () => {
    const nodes = Array.from({ length: 12 }, (_, i) => ({ id: `n${i}`, anchors: [{ x: 1000, y: 1000 }] }));
    const positions = placeAround(nodes, { x: 0, y: 0 });
    expect(positions.size).toBe(12);
    const points = [...positions.values()];
    for (const p of points) expect(Math.hypot(p.x - 1000, p.y - 1000)).toBeLessThan(400);
    const keys = new Set(points.map((p) => `${Math.round(p.x)},${Math.round(p.y)}`));
    expect(keys.size).toBe(12);
  });

  it('uses the fallback when a node has no anchor', () => {
    const [p] = [...placeAround([{ id: 'a', anchors: [] }], { x: -500, y: 0 }).values()];
    expect(p && Math.hypot(p.x + 500, p.y)).toBeLessThan(200);
  });
});

describe('spiralPositions', () => {
  it('spreads a big batch evenly and deterministically, first ids in the middle', () => {
    const ids = Array.from({ length: 500 }, (_, i) => `n${i}`);
    const a = spiralPositions(ids, { x: 10, y: 20 });
    expect(spiralPositions(ids, { x: 10, y: 20 })).toEqual(a);
    expect(a.size).toBe(500);
    const points = [...a.values()];
    const distance = (p: { x: number; y: number }) => Math.hypot(p.x - 10, p.y - 20);
    expect(distance(points[0]!)).toBeLessThan(distance(points[499]!));
    let closest = Infinity;
    for (let i = 0; i < points.length; i++)
      for (let j = i + 1; j < points.length; j++)
        closest = Math.min(closest, Math.hypot(points[i]!.x - points[j]!.x, points[i]!.y - points[j]!.y));
    // No two nodes on top of each other (node size is 30).
    expect(closest).toBeGreaterThan(30);
  });
});

describe('nearestInDirection', () => {
  const nodes = [
    { id: 'right', position: { x: 100, y: 5 } },
    { id: 'far-right', position: { x: 300, y: 0 } },
    { id: 'up', position: { x: 0, y: -100 } },
  ];
  it('picks the closest node in the arrow direction', () => {
    expect(nearestInDirection({ x: 0, y: 0 }, 'ArrowRight', nodes)).toBe('right');
    expect(nearestInDirection({ x: 0, y: 0 }, 'ArrowUp', nodes)).toBe('up');
    expect(nearestInDirection({ x: 0, y: 0 }, 'ArrowLeft', nodes)).toBeNull();
  });
});

describe('timeline layout', () => {
  const { positions: pos, undatedTop } = timelinePositions([
    { id: 'late', kind: 'Event', occurredAt: '2024-02-28', neighbours: ['zuck'] },
    { id: 'early', kind: 'Event', occurredAt: '2013-06', neighbours: ['zuck'] },
    { id: 'mid', kind: 'Event', occurredAt: '2016-02-21', neighbours: [] },
    { id: 'zuck', kind: 'Person', occurredAt: '', neighbours: ['late', 'mid'] },
    { id: 'loner', kind: 'Person', occurredAt: '', neighbours: [] },
  ]);
  const x = (id: string) => pos.get(id)?.x ?? NaN;
  const y = (id: string) => pos.get(id)?.y ?? NaN;

  it('orders dated nodes by occurredAt on x', () => {
    expect(x('early')).toBeLessThan(x('mid'));
    expect(x('mid')).toBeLessThan(x('late'));
  });

  it('puts undated nodes in a lane of their own, between their dated neighbours, or at the start', () => {
    expect(y('zuck')).toBeGreaterThan(undatedTop ?? Infinity);
    expect(y('loner')).toBeGreaterThan(undatedTop ?? Infinity);
    expect(y('zuck')).toBeGreaterThan(y('late'));
    expect(x('zuck')).toBeGreaterThan(x('mid'));
    expect(x('zuck')).toBeLessThan(x('late'));
    expect(x('loner')).toBeLessThan(x('zuck'));
  });

  it('never stacks two nodes on one point', () => {
    const points = new Set([...pos.values()].map((p) => `${p.x},${p.y}`));
    expect(points.size).toBe(pos.size);
  });
});

describe('WebGL renderer choice', () => {
  it('treats software rasterisers as no GPU', () => {
    expect(isSoftwareRenderer('Google SwiftShader')).toBe(true);
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.7, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer('ANGLE (Intel, Mesa Intel(R) UHD Graphics 620)')).toBe(false);
  });
});

describe('avoidOverlaps', () => {
  it('never leaves a new node on top of an existing one or another new one', () => {
    const placed = new Map([
      ['a', { x: 0, y: 0 }],
      ['b', { x: 0, y: 0 }],
      ['c', { x: 100, y: 0 }],
    ]);
    const out = avoidOverlaps(placed, [{ x: 5, y: 5 }]);
    const all = [{ x: 5, y: 5 }, ...out.values()];
    for (let i = 0; i < all.length; i++)
      for (let j = i + 1; j < all.length; j++)
        expect(Math.hypot(all[i]!.x - all[j]!.x, all[i]!.y - all[j]!.y)).toBeGreaterThanOrEqual(70);
    expect(out.size).toBe(3);
  });
});

describe('separate', () => {
  const box = (
    id: string,
    x: number,
    y: number,
    mobility: Footprint['mobility'],
    w = 40,
    h = 30,
  ): Footprint => ({
    id,
    x1: x,
    y1: y,
    x2: x + w,
    y2: y + h,
    mobility,
  });
  const moved = (f: Footprint, offsets: Map<string, { dx: number; dy: number }>): Footprint => {
    const o = offsets.get(f.id) ?? { dx: 0, dy: 0 };
    return { ...f, x1: f.x1 + o.dx, x2: f.x2 + o.dx, y1: f.y1 + o.dy, y2: f.y2 + o.dy };
  };
  const overlaps = (a: Footprint, b: Footprint) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

  it('moves the new node off the arranged one, and never a pinned one', () => {
    const old = box('old', 0, 0, 1);
    const pinned = box('pinned', 30, 0, 0);
    const fresh = box('fresh', 10, 5, 2);
    const out = separate([old, pinned, fresh]);
    expect(out.has('pinned')).toBe(false);
    const after = [old, pinned, fresh].map((f) => moved(f, out));
    expect(after.filter((a, i) => after.some((b, j) => j > i && overlaps(a, b)))).toEqual([]);
    // The new one moved; the arranged one stays unless it has to make room for the pinned one.
    expect(out.has('fresh')).toBe(true);
  });

  it('a pile of 60 footprints dropped on one spot ends with no two overlapping (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            x: fc.integer({ min: -50, max: 50 }),
            y: fc.integer({ min: -50, max: 50 }),
            w: fc.integer({ min: 10, max: 200 }),
            h: fc.integer({ min: 10, max: 60 }),
            mobility: fc.constantFrom<Footprint['mobility']>(1, 2),
          }),
          { minLength: 2, maxLength: 60 },
        ),
        (specs) => {
          const boxes = specs.map((s, i) => box(`n${i}`, s.x, s.y, s.mobility, s.w, s.h));
          const out = separate(boxes);
          const after = boxes.map((f) => moved(f, out));
          for (let i = 0; i < after.length; i++)
            for (let j = i + 1; j < after.length; j++)
              expect(overlaps(after[i]!, after[j]!), `${after[i]!.id} / ${after[j]!.id}`).toBe(false);
        },
      ),
      { numRuns: 60 },
    );
  });

  // A dense crowd as a big expansion makes one: 2,000 footprints covering about half their region.
  const crowd = (seed: number): Footprint[] => {
    let state = seed;
    const random = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    return Array.from({ length: 2000 }, (_, i) =>
      box(
        `n${i}`,
        random() * 3000,
        random() * 3000,
        i % 3 === 0 ? 1 : 2,
        20 + random() * 100,
        15 + random() * 30,
      ),
    );
  };

  it('2,000 dense footprints: none overlaps afterwards, the same result every time, n·log n comparisons', () => {
    const boxes = crowd(7);
    const stats = { comparisons: 0 };
    const out = separate(boxes, 6, 30, stats);
    const after = boxes.map((f) => moved(f, out)).sort((a, b) => a.x1 - b.x1);
    // One expect for all pairs: an expect per pair made the test itself the slow part under load.
    const overlapping: string[] = [];
    for (let i = 0; i < after.length; i++)
      for (let j = i + 1; j < after.length && after[j]!.x1 < after[i]!.x2; j++)
        if (overlaps(after[i]!, after[j]!)) overlapping.push(`${after[i]!.id} / ${after[j]!.id}`);
    expect(overlapping).toEqual([]);
    expect(separate(crowd(7))).toEqual(out);
    // Counted, not timed: 0.86 M here; a scan of every footprint per probe made it 463 M.
    const n = boxes.length;
    expect(stats.comparisons).toBeLessThan(60 * n * Math.log2(n));
    // Counted, so the time bound is only the runner's: 30 s leaves room on a loaded two-core machine.
  }, 30_000);

  it('leaves footprints that already stand apart where they are', () => {
    expect(separate([box('a', 0, 0, 2), box('b', 100, 0, 2), box('c', 0, 100, 1)]).size).toBe(0);
  });

  it('two pinned footprints on each other stay (the analyst put them there)', () => {
    expect(separate([box('a', 0, 0, 0), box('b', 5, 5, 0)]).size).toBe(0);
  });
});
