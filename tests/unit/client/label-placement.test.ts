// Labels readable at the fitted zoom (issue 17, "Reading the graph"): placement spaces nodes for the
// labels the fitted view draws, and culling drops a relationship's label before an entity's.
import { describe, expect, it } from 'vitest';
import { hiddenLabels, labelsIntersect, type LabelBox } from '../../../client/src/graph-view/labels.ts';
import {
  fitSeparate,
  fittedView,
  fittedZoom,
  labelScaleAt,
  shapeScaleAt,
  type FitFrame,
  type LabelledNode,
} from '../../../client/src/graph-view/placement.ts';

// As the explorer frames a fit: labels 10 px on screen below 100 % (11 px at 100 %), down to 10 % zoom;
// a 30-unit shape 18 px on screen below 60 %.
const FRAME: FitFrame = {
  width: 1000,
  height: 760,
  padding: 40,
  zoomedOut: 10 / 11,
  maxLabelScale: 1 / 0.1,
  maxZoom: 1.4,
  shapeZoom: 0.6,
  settleZoom: 0.3,
};

/** Label and shape boxes as the fitted view draws them: graph units at the scales of the fitted zoom. */
function drawnAtFit(nodes: readonly LabelledNode[]) {
  const zoom = fittedZoom(nodes, FRAME);
  const s = labelScaleAt(zoom, FRAME);
  const k = shapeScaleAt(zoom, FRAME);
  const labels = nodes.map((n) => ({
    id: n.id,
    x1: n.x - ((n.label?.w ?? 0) * s) / 2,
    x2: n.x + ((n.label?.w ?? 0) * s) / 2,
    y1: n.y + (n.h * k) / 2 + (n.label?.below ?? 0) * s,
    y2: n.y + (n.h * k) / 2 + ((n.label?.below ?? 0) + (n.label?.h ?? 0)) * s,
  }));
  const shapes = nodes.map((n) => ({
    id: n.id,
    x1: n.x - (n.w * k) / 2,
    x2: n.x + (n.w * k) / 2,
    y1: n.y - (n.h * k) / 2,
    y2: n.y + (n.h * k) / 2,
  }));
  return { zoom, labels, shapes };
}
type Rect = { id: string; x1: number; y1: number; x2: number; y2: number };
const overlap = (a: Rect, b: Rect) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** 60 entities as fcose leaves them for labels drawn at 100 %: 130 units apart, labels 60–130 px wide. */
function crowd(seed: number, count = 60): LabelledNode[] {
  let state = seed;
  const random = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  return Array.from({ length: count }, (_, i) => ({
    id: `n${i}`,
    x: (i % 8) * 130 + random() * 40,
    y: Math.floor(i / 8) * 130 + random() * 40,
    w: 30,
    h: 30,
    label: { w: 60 + random() * 70, h: 17, below: 2 },
    mobility: 2,
  }));
}

const movedBy = (nodes: LabelledNode[], offsets: Map<string, { dx: number; dy: number }>) =>
  nodes.map((n) => {
    const o = offsets.get(n.id) ?? { dx: 0, dy: 0 };
    return { ...n, x: n.x + o.dx, y: n.y + o.dy };
  });

describe('fittedZoom', () => {
  it('is the zoom at which the fit holds the shapes and the labels grown for that zoom', () => {
    const nodes: LabelledNode[] = [
      { id: 'a', x: 0, y: 0, w: 30, h: 30, label: null, mobility: 1 },
      { id: 'b', x: 2000, y: 0, w: 30, h: 30, label: { w: 100, h: 20, below: 0 }, mobility: 1 },
    ];
    const zoom = fittedZoom(nodes, FRAME);
    // Width: from a's left edge to 2000 + half b's label, 920 px across. Below 60 % a's shape is drawn
    // 18 px wide (9 px each side of its centre) and the label 10 px of 11.
    const left = 9 / zoom;
    const right = 2000 + (50 * (10 / 11)) / zoom;
    expect(zoom).toBeLessThan(0.6);
    expect(zoom).toBeCloseTo(920 / (right + left), 4);
    // What the explorer's fit frames: that box, at that zoom, 920 px wide (labels and shapes as drawn
    // there, not as they were drawn before the zoom fell).
    const view = fittedView(nodes, FRAME);
    expect(view.zoom).toBeCloseTo(zoom, 6);
    expect(view.x1).toBeCloseTo(-left, 4);
    expect((view.x2 - view.x1) * view.zoom).toBeCloseTo(920, 1);
  });
});

describe('fitSeparate', () => {
  for (const seed of [1, 2, 3]) {
    it(`60 crowded entities (seed ${seed}): at the fitted zoom no label lies on another or on an entity, and labels keep their size`, () => {
      const nodes = crowd(seed);
      const stats = { passes: 0, zoom: 0, drawnIn: { factor: 1, about: { x: 0, y: 0 } } };
      const after = movedBy(nodes, fitSeparate(nodes, FRAME, {}, stats));
      const { zoom, labels, shapes } = drawnAtFit(after);
      const clashes: string[] = [];
      for (let i = 0; i < after.length; i++)
        for (let j = 0; j < after.length; j++) {
          if (i === j) continue;
          if (j > i && overlap(labels[i]!, labels[j]!)) clashes.push(`${labels[i]!.id} / ${labels[j]!.id}`);
          if (overlap(labels[i]!, shapes[j]!)) clashes.push(`${labels[i]!.id} on ${shapes[j]!.id}`);
          if (j > i && overlap(shapes[i]!, shapes[j]!)) clashes.push(`${shapes[i]!.id} on ${shapes[j]!.id}`);
        }
      expect(clashes, `zoom ${zoom}, ${stats.passes} passes`).toEqual([]);
      // Still above the lowest zoom at which labels keep their on-screen size (11 px stays 11 px).
      expect(zoom).toBeGreaterThan(1 / FRAME.maxLabelScale);
      expect(stats.zoom).toBeCloseTo(zoom, 6);
    });
  }

  it('72 entities: fitted below 50 %, shapes are still drawn 18 px wide, clear of every label and shape', () => {
    const nodes = crowd(6, 72);
    const after = movedBy(nodes, fitSeparate(nodes, FRAME));
    const { zoom, labels, shapes } = drawnAtFit(after);
    expect(zoom).toBeLessThan(0.5);
    // Not 30 × zoom (13 px with shapes fixed in graph units, 4–5 px at the e2e's fitted zoom): a dot.
    const sides = shapes.map((b) => (b.x2 - b.x1) * zoom);
    expect(Math.min(...sides), `zoom ${zoom}`).toBeGreaterThanOrEqual(17.9);
    const clashes: string[] = [];
    for (let i = 0; i < after.length; i++)
      for (let j = 0; j < after.length; j++) {
        if (i === j) continue;
        if (overlap(labels[i]!, shapes[j]!)) clashes.push(`${labels[i]!.id} on ${shapes[j]!.id}`);
        if (j > i && overlap(shapes[i]!, shapes[j]!)) clashes.push(`${shapes[i]!.id} on ${shapes[j]!.id}`);
      }
    expect(clashes, `zoom ${zoom}`).toEqual([]);
  });

  /** Every clash of the view as fitted: labels on labels, labels on shapes, shapes on shapes. */
  function clashesAtFit(nodes: readonly LabelledNode[]): string[] {
    const { labels, shapes } = drawnAtFit(nodes);
    const clashes: string[] = [];
    for (let i = 0; i < nodes.length; i++)
      for (let j = 0; j < nodes.length; j++) {
        if (i === j) continue;
        if (j > i && overlap(labels[i]!, labels[j]!)) clashes.push(`${labels[i]!.id} / ${labels[j]!.id}`);
        if (overlap(labels[i]!, shapes[j]!)) clashes.push(`${labels[i]!.id} on ${shapes[j]!.id}`);
        if (j > i && overlap(shapes[i]!, shapes[j]!)) clashes.push(`${shapes[i]!.id} on ${shapes[j]!.id}`);
      }
    return clashes;
  }
  const noStats = () => ({ passes: 0, zoom: 0, drawnIn: { factor: 1, about: { x: 0, y: 0 } } });

  it('below shapeZoom a crowd is spaced inside the view it fits: nothing clashes, fitted closer than by spreading', () => {
    const nodes = crowd(6, 72);
    // The passes alone (settleZoom 0): each spreads the crowd, the fit falls and every size grows with it.
    const spread = noStats();
    fitSeparate(nodes, { ...FRAME, settleZoom: 0 }, {}, spread);
    const stats = noStats();
    const after = movedBy(nodes, fitSeparate(nodes, FRAME, {}, stats));
    expect(clashesAtFit(after), `zoom ${stats.zoom}, ${stats.passes} passes`).toEqual([]);
    expect(stats.zoom).toBeGreaterThan(spread.zoom);
  });

  it('a graph spread out far is drawn together, as far as the view can follow; never with a pinned node', () => {
    const far = crowd(6, 72).map((n) => ({ ...n, x: n.x * 4, y: n.y * 4 }));
    const stats = noStats();
    const after = movedBy(far, fitSeparate(far, FRAME, {}, stats));
    expect(stats.drawnIn.factor).toBeLessThan(1);
    expect(stats.zoom).toBeGreaterThanOrEqual(FRAME.settleZoom * 0.99);
    expect(clashesAtFit(after)).toEqual([]);
    // A view at 50 % follows only as far as its zoom stays below shapeZoom (0.6): factor ≥ 0.83. Spaced
    // for the fit to come anyway: clear once a fit draws the rest in (graph-view fitAll).
    const limited = noStats();
    const spaced = movedBy(far, fitSeparate(far, FRAME, { viewZoom: 0.5 }, limited));
    expect(limited.drawnIn.factor).toBeGreaterThanOrEqual(0.5 / FRAME.shapeZoom - 1e-9);
    expect(limited.zoom).toBeLessThan(FRAME.settleZoom);
    const k = limited.zoom / FRAME.settleZoom;
    const fitted = spaced.map((n) => ({ ...n, x: n.x * k, y: n.y * k }));
    expect(clashesAtFit(fitted)).toEqual([]);
    const pinned = noStats();
    fitSeparate(
      far.map((n, i) => ({ ...n, mobility: i === 0 ? (0 as const) : n.mobility })),
      FRAME,
      {},
      pinned,
    );
    expect(pinned.drawnIn.factor).toBe(1);
  });

  it('one pass spaced for the zoom before spacing is not enough (why it repeats)', () => {
    const nodes = crowd(1);
    const after = movedBy(nodes, fitSeparate(nodes, FRAME, { passes: 1, headroom: 1 }));
    const { labels } = drawnAtFit(after);
    const clashes = labels.filter((a, i) => labels.some((b, j) => j > i && overlap(a, b)));
    expect(clashes.length).toBeGreaterThan(0);
  });

  it('moves nothing when the fitted view already has room for every label, nor a pinned node', () => {
    const spread: LabelledNode[] = Array.from({ length: 4 }, (_, i) => ({
      id: `n${i}`,
      x: i * 400,
      y: 0,
      w: 30,
      h: 30,
      label: { w: 80, h: 17, below: 2 },
      mobility: 1,
    }));
    expect(fitSeparate(spread, FRAME).size).toBe(0);
    const pinned = crowd(4).map((n, i) => ({ ...n, mobility: i === 0 ? (0 as const) : n.mobility }));
    expect(fitSeparate(pinned, FRAME).has('n0')).toBe(false);
  });

  it('the same input gives the same placement', () => {
    expect(fitSeparate(crowd(5), FRAME)).toEqual(fitSeparate(crowd(5), FRAME));
  });
});

describe('label collisions', () => {
  const upright = (id: string, x: number, y: number, w: number, h: number) => ({
    id,
    box: { cx: x, cy: y, w, h, angle: 0 },
  });
  const slanted = (id: string, x: number, y: number, w: number, h: number, angle: number) => ({
    id,
    box: { cx: x, cy: y, w, h, angle },
  });

  it('tests a slanted label as drawn, not as the upright box around it', () => {
    const edge: LabelBox = { cx: 0, cy: 0, w: 100, h: 10, angle: Math.PI / 4 };
    // Inside the upright box around the slanted label (±39), clear of the label itself.
    expect(labelsIntersect(edge, { cx: 30, cy: -30, w: 10, h: 10, angle: 0 })).toBe(false);
    expect(labelsIntersect(edge, { cx: 20, cy: 20, w: 10, h: 10, angle: 0 })).toBe(true);
    // Touching is not intersecting.
    expect(
      labelsIntersect({ cx: 0, cy: 0, w: 10, h: 10, angle: 0 }, { cx: 10, cy: 0, w: 10, h: 10, angle: 0 }),
    ).toBe(false);
  });

  it('an entity label wins over a relationship label on it; labels elsewhere all stay', () => {
    const hidden = hiddenLabels([
      upright('node-a', 0, 0, 80, 16),
      upright('node-b', 200, 0, 80, 16),
      slanted('edge-on-a', 30, 5, 60, 12, 0.3),
      slanted('edge-free', 100, 100, 60, 12, 0.3),
    ]);
    expect([...hidden]).toEqual(['edge-on-a']);
  });

  it('a label on another entity is hidden, never by its own entity; the selected relationship always shows', () => {
    const shapes = [upright('node-a', 0, 0, 30, 30), upright('node-b', 200, 0, 30, 30)];
    const labels = [upright('node-a', 0, 10, 80, 16), upright('node-b', 200, 25, 80, 16)];
    expect([...hiddenLabels([...labels, upright('node-c', 200, -5, 80, 16)], shapes)]).toEqual(['node-c']);
    // The selected relationship's label goes first and shows even on an entity; the label under it yields.
    const selected = { ...upright('edge-selected', 0, 10, 60, 12), always: true };
    expect([...hiddenLabels([selected, ...labels], shapes)]).toEqual(['node-a']);
  });
});

describe('fitSeparate without labels (big graphs)', () => {
  it('only moves shapes off each other, as separate() does', () => {
    const nodes: LabelledNode[] = [
      { id: 'a', x: 0, y: 0, w: 30, h: 30, label: null, mobility: 1 },
      { id: 'b', x: 10, y: 0, w: 30, h: 30, label: null, mobility: 2 },
      { id: 'c', x: 500, y: 0, w: 30, h: 30, label: null, mobility: 2 },
    ];
    const out = fitSeparate(nodes, FRAME);
    expect([...out.keys()]).toEqual(['b']);
    expect(Math.abs(out.get('b')!.dx)).toBeGreaterThanOrEqual(20);
  });
});
