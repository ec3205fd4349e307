// Which labels the canvas draws at the current zoom: the boxes they occupy (node labels upright, edge
// labels turned along their edge) and the collision test between them. Pure geometry, no cytoscape.
import RBush from 'rbush';
import type { Point } from './placement.ts';

/** A label's box: its centre, its unrotated size and the angle it is drawn at (radians). */
export interface LabelBox {
  cx: number;
  cy: number;
  w: number;
  h: number;
  angle: number;
}

/** The four corners of a label box, in drawing order. */
export function corners(box: LabelBox): [Point, Point, Point, Point] {
  const cos = Math.cos(box.angle);
  const sin = Math.sin(box.angle);
  const at = (dx: number, dy: number): Point => ({
    x: box.cx + dx * cos - dy * sin,
    y: box.cy + dx * sin + dy * cos,
  });
  const [hw, hh] = [box.w / 2, box.h / 2];
  return [at(-hw, -hh), at(hw, -hh), at(hw, hh), at(-hw, hh)];
}

const project = (points: readonly Point[], ax: number, ay: number): [number, number] => {
  let min = Infinity;
  let max = -Infinity;
  for (const p of points) {
    const d = p.x * ax + p.y * ay;
    if (d < min) min = d;
    if (d > max) max = d;
  }
  return [min, max];
};

/**
 * Whether two label boxes intersect (touching is not intersecting): the separating-axis test over the
 * four edge directions of the two rectangles, so a slanted edge label is tested as drawn, not as the
 * much larger upright box around it.
 */
export function labelsIntersect(a: LabelBox, b: LabelBox): boolean {
  const pa = corners(a);
  const pb = corners(b);
  for (const angle of [a.angle, a.angle + Math.PI / 2, b.angle, b.angle + Math.PI / 2]) {
    const [ax, ay] = [Math.cos(angle), Math.sin(angle)];
    const [minA, maxA] = project(pa, ax, ay);
    const [minB, maxB] = project(pb, ax, ay);
    if (maxA <= minB || maxB <= minA) return false;
  }
  return true;
}

/** A label that may be drawn, or (as an obstacle) an entity's shape. */
export interface LabelCandidate {
  id: string;
  box: LabelBox;
  /** Drawn whatever it covers (the selected relationship). */
  always?: boolean;
}

interface Held {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  box: LabelBox;
  /** Whose shape or label this is: a label never collides with its own node's shape. */
  owner: string;
}

const held = (box: LabelBox, owner: string): Held => {
  const pts = corners(box);
  const xs = pts.map((p) => p.x);
  const ys = pts.map((p) => p.y);
  return {
    minX: Math.min(...xs),
    minY: Math.min(...ys),
    maxX: Math.max(...xs),
    maxY: Math.max(...ys),
    box,
    owner,
  };
};

/**
 * The labels not to draw: each candidate, most important first, is dropped when it would intersect a
 * label already kept or an obstacle (entity shapes: a label over another entity hides it; its own
 * entity's shape does not count). Callers put entity labels before relationship labels, so one never
 * covers an entity's name; the relationship still shows as its line, and in the details. An R-tree keeps
 * this near-linear for a few thousand labels.
 */
export function hiddenLabels(
  candidates: readonly LabelCandidate[],
  obstacles: readonly LabelCandidate[] = [],
): Set<string> {
  const tree = new RBush<Held>();
  tree.load(obstacles.map((o) => held(o.box, o.id)));
  const hidden = new Set<string>();
  for (const candidate of candidates) {
    const mine = held(candidate.box, candidate.id);
    const clash =
      !candidate.always &&
      tree
        .search(mine)
        .some((other) => other.owner !== candidate.id && labelsIntersect(other.box, candidate.box));
    if (clash) hidden.add(candidate.id);
    else tree.insert(mine);
  }
  return hidden;
}

/** What decides which of two entities' names is drawn where they would cover one another. */
export interface LabelRank {
  id: string;
  /** In the selection (the one being read, or the multi-selection). */
  selected: boolean;
  /** The size a style rule (size by degree, by evidence) gave it; 0 without a size rule. */
  size: number;
  /** Expanded or pinned: an entity the analyst worked on. */
  kept: boolean;
  /** Relationships shown. */
  degree: number;
}

/**
 * The order names are drawn in, most important first: the selection, then the entities a style rule sized
 * up (biggest first: the ones the analyst asked to see), then the expanded and pinned ones, then by
 * relationships shown, then by id. A total order on the ranks alone, so the same view keeps the same
 * names whatever order its entities arrived in.
 */
export function compareLabelRank(a: LabelRank, b: LabelRank): number {
  return (
    Number(b.selected) - Number(a.selected) ||
    b.size - a.size ||
    Number(b.kept) - Number(a.kept) ||
    b.degree - a.degree ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** The ranks sorted most important first (a new array). */
export function byLabelRank<T extends LabelRank>(ranks: readonly T[]): T[] {
  return [...ranks].sort(compareLabelRank);
}
