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
