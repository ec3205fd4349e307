// The refinement pipeline without a browser: vitest has no Worker, so the refiner takes its same-thread
// fallback, which runs the very function the layout worker runs.
import { describe, expect, it } from 'vitest';
import { createLayoutRefiner } from '../../../client/src/graph-view/layout-refiner.ts';
import type { RefineRequest } from '../../../client/src/graph-view/refine-core.ts';

const request = (): Omit<RefineRequest, 'id'> => ({
  nodes: [
    { id: 'hub', x: 0, y: 0, w: 40, h: 40, fixed: true },
    ...Array.from({ length: 12 }, (_, i) => ({ id: `n${i}`, x: 5 * i, y: 0, w: 40, h: 40, fixed: false })),
  ],
  edges: Array.from({ length: 12 }, (_, i) => ['hub', `n${i}`] as [string, string]),
  randomize: false,
  quality: 'default',
  numIter: 500,
});

describe('layout refiner', () => {
  it('moves only the free nodes and spreads them apart', async () => {
    const answer = await createLayoutRefiner().run(request());
    expect(answer).not.toBeNull();
    const ids = answer!.positions.map(([id]) => id);
    expect(ids).not.toContain('hub');
    expect(ids).toHaveLength(12);
    const xs = answer!.positions.map(([, x]) => x);
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(55); // they started 55 apart on one line
  });

  it('a cancelled or superseded refinement never answers', async () => {
    const refiner = createLayoutRefiner();
    const cancelled = refiner.run(request());
    refiner.cancel();
    expect(await cancelled).toBeNull();
    expect(refiner.busy()).toBe(false);
    const first = refiner.run(request());
    const second = refiner.run(request());
    expect(await first).toBeNull();
    expect(await second).not.toBeNull();
  });
});
