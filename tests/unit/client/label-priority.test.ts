// Which names the canvas keeps where labels would cover one another (issue 17, level of detail): the
// order is a pure function of the view, so the same graph at the same zoom keeps the same names whatever
// order its entities arrived in.
import { describe, expect, it } from 'vitest';
import {
  byLabelRank,
  compareLabelRank,
  hiddenLabels,
  type LabelBox,
  type LabelRank,
} from '../../../client/src/graph-view/labels.ts';

const rank = (id: string, over: Partial<LabelRank> = {}): LabelRank => ({
  id,
  selected: false,
  size: 0,
  kept: false,
  degree: 0,
  ...over,
});

/** A deterministic shuffle (a linear congruential generator seeded by `seed`). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('label priority', () => {
  it('takes the selection, then sized-up entities biggest first, then expanded or pinned, then degree, then id', () => {
    const ranks = [
      rank('leaf-b', { degree: 1 }),
      rank('hub', { degree: 9 }),
      rank('expanded', { kept: true, degree: 2 }),
      rank('big', { size: 40, degree: 1 }),
      rank('bigger', { size: 60 }),
      rank('picked', { selected: true }),
      rank('leaf-a', { degree: 1 }),
      rank('big-expanded', { size: 40, kept: true }),
    ];
    expect(byLabelRank(ranks).map((r) => r.id)).toEqual([
      'picked',
      'bigger',
      'big-expanded',
      'big',
      'expanded',
      'hub',
      'leaf-a',
      'leaf-b',
    ]);
  });

  it('is a total order: every arrival order of the same entities gives the same ranking', () => {
    const ranks = Array.from({ length: 40 }, (_, i) =>
      rank(`e${i}`, { size: [0, 20, 40][i % 3]!, kept: i % 7 === 0, degree: i % 5, selected: i === 33 }),
    );
    const expected = byLabelRank(ranks).map((r) => r.id);
    for (let seed = 1; seed < 30; seed++)
      expect(byLabelRank(shuffled(ranks, seed)).map((r) => r.id)).toEqual(expected);
    for (const a of ranks) {
      expect(compareLabelRank(a, a)).toBe(0);
      for (const b of ranks)
        if (a !== b) expect(Math.sign(compareLabelRank(a, b))).toBe(-Math.sign(compareLabelRank(b, a)));
    }
  });

  it('keeps the same names in a crowded view whatever order the entities came in', () => {
    // A row of overlapping names 30 apart (each 50 wide): which survive depends only on the ranking.
    const box = (i: number): LabelBox => ({ cx: i * 30, cy: 0, w: 50, h: 12, angle: 0 });
    const ranks = Array.from({ length: 12 }, (_, i) => rank(`n${i}`, { size: (i * 37) % 5, degree: i % 3 }));
    const at = new Map(ranks.map((r, i) => [r.id, box(i)]));
    const hiddenFor = (order: readonly LabelRank[]) =>
      [...hiddenLabels(byLabelRank(order).map((r) => ({ id: r.id, box: at.get(r.id)! })))].sort();
    const expected = hiddenFor(ranks);
    expect(expected.length).toBeGreaterThan(0);
    for (let seed = 1; seed < 20; seed++) expect(hiddenFor(shuffled(ranks, seed))).toEqual(expected);
    // The biggest of all (size 4: n2, n7) keep their names.
    expect(expected).not.toContain('n2');
    expect(expected).not.toContain('n7');
  });
});
