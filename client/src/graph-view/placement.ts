import RBush, { type BBox } from 'rbush';

// Where newly added nodes go: around a neighbour already on screen, so an expansion grows out of the
// node it came from and the analyst's arrangement stays put.
export interface Point {
  x: number;
  y: number;
}

export interface NewNode {
  id: string;
  /** Positions of its neighbours that already sit on the canvas. */
  anchors: Point[];
}

/** Positions for new nodes: in rings around their anchors' centre, or around `fallback` when unanchored. */
export function placeAround(nodes: readonly NewNode[], fallback: Point, spacing = 90): Map<string, Point> {
  const groups = new Map<string, { centre: Point; ids: string[] }>();
  for (const node of nodes) {
    const centre =
      node.anchors.length > 0
        ? {
            x: node.anchors.reduce((s, p) => s + p.x, 0) / node.anchors.length,
            y: node.anchors.reduce((s, p) => s + p.y, 0) / node.anchors.length,
          }
        : fallback;
    const key = `${Math.round(centre.x)},${Math.round(centre.y)}`;
    const group = groups.get(key) ?? { centre, ids: [] };
    group.ids.push(node.id);
    groups.set(key, group);
  }
  const positions = new Map<string, Point>();
  for (const { centre, ids } of groups.values()) {
    // Rings of growing radius: the first ring holds 8, each later ring 6 more.
    let index = 0;
    for (let ring = 1; index < ids.length; ring++) {
      const capacity = 8 + (ring - 1) * 6;
      const inRing = Math.min(capacity, ids.length - index);
      for (let k = 0; k < inRing; k++, index++) {
        const angle = (2 * Math.PI * k) / inRing + ring * 0.4;
        const radius = spacing * ring * 1.6;
        positions.set(ids[index] as string, {
          x: centre.x + radius * Math.cos(angle),
          y: centre.y + radius * Math.sin(angle),
        });
      }
    }
  }
  return positions;
}

/**
 * A sunflower (phyllotaxis) spiral: evenly spread, deterministic, instant. The first paint of a big graph
 * that has no positions yet, before the force-directed refinement arrives. Ids come first-in-the-middle,
 * so callers put hubs first.
 */
export function spiralPositions(
  ids: readonly string[],
  centre: Point = { x: 0, y: 0 },
  spacing = 90,
): Map<string, Point> {
  const golden = Math.PI * (3 - Math.sqrt(5));
  const positions = new Map<string, Point>();
  ids.forEach((id, i) => {
    const radius = spacing * 0.6 * Math.sqrt(i + 0.5);
    const angle = i * golden;
    positions.set(id, { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) });
  });
  return positions;
}

/**
 * Moves each placed point outward along a spiral until it is at least `gap` from every fixed point and
 * every point placed before it. Deterministic; the order of `placed` decides who moves.
 */
export function avoidOverlaps(
  placed: Map<string, Point>,
  fixed: readonly Point[],
  gap = 70,
): Map<string, Point> {
  const taken: Point[] = [...fixed];
  const out = new Map<string, Point>();
  const clear = (p: Point) => taken.every((q) => Math.hypot(p.x - q.x, p.y - q.y) >= gap);
  for (const [id, start] of placed) {
    let p = start;
    for (let step = 1; !clear(p) && step < 200; step++) {
      const angle = step * 2.399963;
      const radius = gap * 0.5 * Math.sqrt(step);
      p = { x: start.x + radius * Math.cos(angle), y: start.y + radius * Math.sin(angle) };
    }
    taken.push(p);
    out.set(id, p);
  }
  return out;
}

/** A node's footprint (its shape and its label) in graph units, and who may move to clear it. */
export interface Footprint {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /**
   * 0: stays (pinned); 1: the analyst's arrangement, moved only off another arranged node; 2: just
   * placed, moves first. Of two overlapping footprints the more mobile one moves (equals share it).
   */
  mobility: 0 | 1 | 2;
}

/** A box in graph units. */
export interface Bounds {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** What separate() did, for tests that bound its work by counting instead of timing it. */
export interface SeparateStats {
  /** Footprint pairs looked at: by the sweep, and by each clear-spot probe among its tree neighbours. */
  comparisons: number;
}

interface Indexed extends BBox {
  f: Footprint;
  /** Place in the input: orders what a search finds. */
  i: number;
}

const overlapping = (a: Footprint, b: Footprint, gap: number): boolean =>
  a.x1 < b.x2 + gap && b.x1 < a.x2 + gap && a.y1 < b.y2 + gap && b.y1 < a.y2 + gap;

function shift(f: Footprint, dx: number, dy: number): void {
  f.x1 += dx;
  f.x2 += dx;
  f.y1 += dy;
  f.y2 += dy;
}

/** Whether any two footprints that may move apart (not both pinned) overlap: an R-tree, n log n. */
function anyOverlap(footprints: readonly Footprint[], gap: number): boolean {
  const tree = new RBush<Indexed>();
  tree.load(footprints.map((f, i) => ({ minX: f.x1, minY: f.y1, maxX: f.x2, maxY: f.y2, f, i })));
  return footprints.some((a) =>
    tree
      .search({ minX: a.x1 - gap, minY: a.y1 - gap, maxX: a.x2 + gap, maxY: a.y2 + gap })
      .some((b) => b.f !== a && (a.mobility > 0 || b.f.mobility > 0) && overlapping(a, b.f, gap)),
  );
}

/**
 * Moves footprints apart until none overlaps another (at least `gap` apart), the way fcose cannot
 * promise: its repulsion only discourages overlaps, and against fixed nodes it often loses. First a
 * relaxation (each overlapping pair pushed apart along the axis of least penetration), then, for any
 * footprint still touching one, a spiral search for the nearest clear spot: only overlaps between two
 * footprints that both stay (mobility 0) can remain. Deterministic. Returns each moved id's offset;
 * `stats`, when given, counts the pairs looked at.
 */
export function separate(
  footprints: readonly Footprint[],
  gap = 6,
  rounds = 30,
  stats?: SeparateStats,
  bounds?: Bounds,
): Map<string, { dx: number; dy: number }> {
  const boxes = footprints.map((f) => ({ ...f }));
  // Kept inside `bounds` (what the fitted view shows): pushes that would leave it are taken back, and a
  // clear spot is looked for only inside it.
  const inside = (f: Footprint) =>
    !bounds || (f.x1 >= bounds.x1 && f.x2 <= bounds.x2 && f.y1 >= bounds.y1 && f.y2 <= bounds.y2);
  const keepIn = (f: Footprint) => {
    if (!bounds || f.mobility === 0) return;
    shift(
      f,
      Math.max(bounds.x1 - f.x1, Math.min(0, bounds.x2 - f.x2)),
      Math.max(bounds.y1 - f.y1, Math.min(0, bounds.y2 - f.y2)),
    );
  };
  const near = (tree: RBush<Indexed>, f: Footprint): Indexed[] => {
    const found = tree.search({ minX: f.x1 - gap, minY: f.y1 - gap, maxX: f.x2 + gap, maxY: f.y2 + gap });
    if (stats) stats.comparisons += found.length;
    return found;
  };
  const index = (list: readonly Footprint[]) => {
    const tree = new RBush<Indexed>();
    const items = list.map((f, i) => ({ minX: f.x1, minY: f.y1, maxX: f.x2, maxY: f.y2, f, i }));
    tree.load(items);
    return { tree, items };
  };
  const pairs = (): [Footprint, Footprint][] => {
    // Each footprint against its neighbours in an R-tree (not against all): in input order, so the
    // pushes, and so the result, do not depend on the tree's shape.
    const { tree, items } = index(boxes);
    const found: [Footprint, Footprint][] = [];
    for (const a of items) {
      const others = near(tree, a.f)
        .filter((b) => b.i > a.i && (a.f.mobility > 0 || b.f.mobility > 0) && overlapping(a.f, b.f, gap))
        .sort((x, y) => x.i - y.i);
      for (const b of others) found.push([a.f, b.f]);
    }
    return found;
  };
  for (let round = 0; round < rounds; round++) {
    const found = pairs();
    if (found.length === 0) break;
    for (const [a, b] of found) {
      if (!overlapping(a, b, gap)) continue;
      const dx = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) + gap;
      const dy = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) + gap;
      const ax = (a.x1 + a.x2) / 2 - (b.x1 + b.x2) / 2;
      const ay = (a.y1 + a.y2) / 2 - (b.y1 + b.y2) / 2;
      // a goes the way it already lies from b (right/down on a tie: deterministic).
      const [mx, my] = dx <= dy ? [(ax < 0 ? -1 : 1) * dx, 0] : [0, (ay < 0 ? -1 : 1) * dy];
      const share = a.mobility === b.mobility ? 0.5 : a.mobility > b.mobility ? 1 : 0;
      shift(a, mx * share, my * share);
      shift(b, -mx * (1 - share), -my * (1 - share));
      keepIn(a);
      keepIn(b);
    }
  }
  // What relaxation left: each still-overlapping movable footprint jumps to the nearest clear spot. An
  // R-tree answers "what is near this spot" so each of up to 4,000 spiral steps looks at its neighbours,
  // not at every footprint (the linear scan made big expansions quadratic times 4,000).
  const { tree, items } = index(boxes);
  const clear = (f: Footprint) => near(tree, f).every((o) => o.f === f || !overlapping(f, o.f, gap));
  const stuck = items
    .filter((item) => item.f.mobility > 0 && !clear(item.f))
    .sort((a, b) => b.f.mobility - a.f.mobility);
  for (const item of stuck) {
    const f = item.f;
    if (clear(f)) continue;
    tree.remove(item);
    const w = f.x2 - f.x1;
    const h = f.y2 - f.y1;
    const start = { x: f.x1, y: f.y1 };
    const step = Math.max(8, Math.min(w, h) / 2);
    let placed = false;
    for (let k = 1; k < 4000 && !placed; k++) {
      const angle = k * 2.399963;
      const radius = step * Math.sqrt(k);
      shift(f, start.x + radius * Math.cos(angle) - f.x1, start.y + radius * Math.sin(angle) - f.y1);
      placed = inside(f) && clear(f);
    }
    if (!placed && bounds) {
      // No room left in the view: it stays where it was (its label is culled) rather than leave the view.
      shift(f, start.x - f.x1, start.y - f.y1);
    } else if (!placed) {
      // Beyond everything on the right: always clear. The tree's root box spans every other footprint.
      shift(f, tree.toJSON().maxX + gap - f.x1, start.y - f.y1);
    }
    Object.assign(item, { minX: f.x1, minY: f.y1, maxX: f.x2, maxY: f.y2 });
    tree.insert(item);
  }
  const moved = new Map<string, { dx: number; dy: number }>();
  boxes.forEach((b, i) => {
    const f = footprints[i] as Footprint;
    const dx = b.x1 - f.x1;
    const dy = b.y1 - f.y1;
    if (dx !== 0 || dy !== 0) moved.set(b.id, { dx, dy });
  });
  return moved;
}

/** A node for fitSeparate: its centre in graph units, its shape and label as drawn at 100 % zoom. */
export interface LabelledNode {
  id: string;
  x: number;
  y: number;
  /** The shape's size at shape scale 1 (graph units); below FitFrame.shapeZoom it grows as 1 / zoom. */
  w: number;
  h: number;
  /**
   * The label's box at label scale 1 (100 % zoom and above): its width and height, and how far its top
   * lies below the shape's bottom. Below 100 % zoom all three grow as 1 / zoom (graph-view
   * applyLabelScale), so the label keeps its size on screen. Null: no label.
   */
  label: { w: number; h: number; below: number } | null;
  mobility: Footprint['mobility'];
}

/** How a fitted view is framed: the canvas size and padding (pixels), and how labels grow. */
export interface FitFrame {
  width: number;
  height: number;
  padding: number;
  /** A label's size on screen below 100 % zoom, over its size at 100 %. */
  zoomedOut: number;
  /** 1 / the lowest zoom at which labels (and shapes) still keep their on-screen size. */
  maxLabelScale: number;
  /**
   * Below this zoom shapes keep their on-screen size (they grow in graph units as 1 / zoom), so that at a
   * fitted zoom far below 100 % they stay big enough to tell apart by kind and to click.
   */
  shapeZoom: number;
  /**
   * The zoom fitSeparate brings a spread-out graph back up to (0: never). Below shapeZoom shapes and
   * labels keep their size on screen, so drawing the positions closer together and fitting closer shows
   * the same picture; without it each spacing pass lowered the fitted zoom (the labels grow with it)
   * until it met the lowest zoom, where the graph no longer fitted the canvas.
   */
  settleZoom: number;
  /** The highest zoom the view is fitted at. */
  maxZoom: number;
}

/**
 * A label's size in graph units at a zoom, over its size at 100 %: below 100 % it keeps `zoomedOut`
 * of that size on screen, down to 1 / maxLabelScale; never smaller than at 100 %.
 */
export const labelScaleAt = (zoom: number, frame: Pick<FitFrame, 'zoomedOut' | 'maxLabelScale'>): number =>
  Math.max(1, frame.zoomedOut * Math.min(frame.maxLabelScale, 1 / zoom));

/** A shape's size in graph units at a zoom, over its size at 100 %: below shapeZoom it keeps its screen size. */
export const shapeScaleAt = (zoom: number, frame: Pick<FitFrame, 'shapeZoom' | 'maxLabelScale'>): number =>
  Math.max(1, Math.min(frame.maxLabelScale * frame.shapeZoom, frame.shapeZoom / zoom));

/** How much labels and shapes are grown (graph units over their size at 100 %). */
interface Scales {
  label: number;
  shape: number;
}

const scalesAt = (zoom: number, frame: FitFrame): Scales => ({
  label: labelScaleAt(zoom, frame),
  shape: shapeScaleAt(zoom, frame),
});

function footprintsAt(nodes: readonly LabelledNode[], scale: Scales): Footprint[] {
  return nodes.map((n) => {
    const [w, h] = [n.w * scale.shape, n.h * scale.shape];
    let x1 = n.x - w / 2;
    let x2 = n.x + w / 2;
    const y1 = n.y - h / 2;
    let y2 = n.y + h / 2;
    if (n.label) {
      x1 = Math.min(x1, n.x - (n.label.w * scale.label) / 2);
      x2 = Math.max(x2, n.x + (n.label.w * scale.label) / 2);
      y2 = Math.max(y2, n.y + h / 2 + (n.label.below + n.label.h) * scale.label);
    }
    return { id: n.id, x1, y1, x2, y2, mobility: n.mobility };
  });
}

/**
 * The zoom a fit of these nodes lands at, labels included at the size that zoom draws them: the fixed
 * point of "fit the boxes" and "labels grow as the zoom falls", found by iterating from the shapes alone.
 */
export function fittedZoom(nodes: readonly LabelledNode[], frame: FitFrame): number {
  let zoom = frame.maxZoom;
  for (let k = 0; k < 8; k++) {
    const { x1, x2, y1, y2 } = extent(footprintsAt(nodes, scalesAt(zoom, frame)));
    const next = Math.min(
      frame.maxZoom,
      (frame.width - 2 * frame.padding) / Math.max(x2 - x1, 1),
      (frame.height - 2 * frame.padding) / Math.max(y2 - y1, 1),
    );
    if (Math.abs(next - zoom) < 1e-3 * zoom) return next;
    zoom = next;
  }
  return zoom;
}

const extent = (boxes: readonly Footprint[]) => ({
  x1: Math.min(...boxes.map((b) => b.x1)),
  x2: Math.max(...boxes.map((b) => b.x2)),
  y1: Math.min(...boxes.map((b) => b.y1)),
  y2: Math.max(...boxes.map((b) => b.y2)),
});

/**
 * Where a fit lands: its zoom (fittedZoom) and the box it frames, in graph units, with labels and shapes
 * at the sizes that zoom draws them. Worked out here, not by cy.fit, which measures labels as they were
 * last drawn: after the zoom falls they grow, and one fit left the graph spilling off the canvas.
 */
export function fittedView(
  nodes: readonly LabelledNode[],
  frame: FitFrame,
): { zoom: number; x1: number; y1: number; x2: number; y2: number } {
  const zoom = fittedZoom(nodes, frame);
  return { zoom, ...extent(footprintsAt(nodes, scalesAt(zoom, frame))) };
}

/** A point moved k of the way from `about` (k < 1 draws it in), as fitSeparate and a fit draw a graph together. */
export const drawnTogether = (p: Point, about: Point, k: number): Point => ({
  x: about.x + (p.x - about.x) * k,
  y: about.y + (p.y - about.y) * k,
});

const centroid = (nodes: readonly Point[]): Point => ({
  x: nodes.reduce((sum, n) => sum + n.x, 0) / nodes.length,
  y: nodes.reduce((sum, n) => sum + n.y, 0) / nodes.length,
});

/** What fitSeparate did: the passes it ran and the zoom it spaced the labels for. */
export interface FitSeparateStats {
  passes: number;
  zoom: number;
  /** How far the positions were drawn together (1: not at all), and about which point. */
  drawnIn: { factor: number; about: Point };
}

/**
 * Spaces nodes so that, once the view is fitted, no shape or label lies on another. Labels keep their
 * on-screen size as the view zooms out, so in graph units they grow as the fit's zoom falls, and
 * spreading the nodes lowers that zoom: one separate() pass at the zoom before spacing leaves the labels
 * too small. So it repeats fit → space the labels for that zoom (with `headroom` to spare) → fit again
 * until a pass moves nothing. Labels are spaced `gapPx` apart on screen. Returns each moved id's offset.
 */
export function fitSeparate(
  nodes: readonly LabelledNode[],
  frame: FitFrame,
  options: { gapPx?: number; headroom?: number; passes?: number; viewZoom?: number } = {},
  stats?: FitSeparateStats,
): Map<string, { dx: number; dy: number }> {
  const { gapPx = 2, headroom = 1.05, passes = 8, viewZoom = 0 } = options;
  // Big graphs: shapes only (their labels are level of detail), and no zoom to space them for.
  if (!nodes.some((n) => n.label)) return separate(footprintsAt(nodes, { label: 1, shape: 1 }));
  const current = nodes.map((n) => ({ ...n }));
  // Drawn together (never when a pinned node would move) only as far as the view the caller shows now
  // can follow unchanged: its zoom divided by the factor stays below shapeZoom.
  const movable = frame.settleZoom > 0 && current.every((n) => n.mobility > 0);
  const floor = movable ? viewZoom / frame.shapeZoom : 1;
  // A graph that can be drawn together is spaced for the sizes its fit will draw once it is (each fit
  // draws it in, graph-view fitAll): labels and shapes without the lowest zoom's cap on their growth.
  // Spaced for the capped sizes, a fit that fell below that zoom drew the labels onto one another.
  const space: FitFrame = movable ? { ...frame, maxLabelScale: Infinity } : frame;
  let pass = 0;
  let zoom = fittedZoom(current, space);
  const spaced = (scale: Scales) => separate(footprintsAt(current, scale), gapPx * scale.label);
  // Done when the labels and shapes as the fitted view draws them stand apart; each pass spaces them for
  // a little more than that, so that the zoom falling as they spread does not undo it.
  const crowded = () => {
    const scale = scalesAt(zoom, space);
    return anyOverlap(footprintsAt(current, scale), gapPx * scale.label);
  };
  const largest = scalesAt(1 / space.maxLabelScale, space);
  const about = centroid(current);
  let factor = 1;
  const drawIn = () => {
    const k = Math.max(zoom / frame.settleZoom, floor / factor);
    if (k >= 1) return;
    factor *= k;
    for (const n of current) Object.assign(n, drawnTogether(n, about, k));
    zoom = fittedZoom(current, space);
  };
  /** Applies a spacing pass, then fits and draws in again. */
  const move = (moved: ReadonlyMap<string, { dx: number; dy: number }>) => {
    for (const n of current) {
      const o = moved.get(n.id);
      if (o) {
        n.x += o.dx;
        n.y += o.dy;
      }
    }
    zoom = fittedZoom(current, space);
    drawIn();
  };
  drawIn();
  while (pass < passes && crowded()) {
    pass += 1;
    const at = scalesAt(zoom, space);
    if (movable && zoom <= frame.shapeZoom) {
      // Every size is kept on screen at this zoom, so spreading the nodes only lowers the fit and grows
      // them alike, and the passes below never settled: space them inside the view this zoom fits
      // instead. Its zoom can only rise, which shrinks what it spaced.
      const box = extent(footprintsAt(current, at));
      const [cx, cy] = [(box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2];
      const [hw, hh] = [(frame.width / 2 - frame.padding) / zoom, (frame.height / 2 - frame.padding) / zoom];
      const bounds = { x1: cx - hw, y1: cy - hh, x2: cx + hw, y2: cy + hh };
      move(separate(footprintsAt(current, at), gapPx * at.label, 30, undefined, bounds));
      break;
    }
    move(
      spaced({
        label: Math.min(largest.label, at.label * headroom),
        shape: Math.min(largest.shape, at.shape * headroom),
      }),
    );
  }
  if (stats) Object.assign(stats, { passes: pass, zoom, drawnIn: { factor, about } });
  const out = new Map<string, { dx: number; dy: number }>();
  current.forEach((n, i) => {
    const before = nodes[i] as LabelledNode;
    if (n.x !== before.x || n.y !== before.y) out.set(n.id, { dx: n.x - before.x, dy: n.y - before.y });
  });
  return out;
}
