// Named layout registry. Each entry documents its defaults; 'timeline' is a preset computed here.
import type { Core, LayoutOptions, NodeSingular } from 'cytoscape';
import type { LayoutName } from '../state/model.ts';
import { parseTimeSpan } from '../state/dates.ts';

/** fcose settings shared by the full layout and the incremental one (graph-view.ts). */
export const FCOSE_SPACING = {
  quality: 'default',
  animate: false,
  nodeDimensionsIncludeLabels: true,
  nodeRepulsion: 40000,
  idealEdgeLength: 130,
  edgeElasticity: 0.3,
  nodeSeparation: 110,
  padding: 40,
} as const;

type LayoutFactory = (cy: Core) => LayoutOptions;

/** A node's box on the timeline, graph units: its shape or label, whichever is wider, and how far the
 * shape's top (above) and the label's foot (below) lie from the node's position. */
export interface TimelineFootprint {
  w: number;
  above: number;
  below: number;
}

export interface TimelineNode {
  id: string;
  kind: string;
  occurredAt: string;
  neighbours: string[];
  /** As drawn at the zoom the timeline is shown at; DEFAULT_FOOTPRINT when left out. */
  footprint?: TimelineFootprint;
}

/** A 30-unit shape with a two-line label of the cut width (elements.ts canvasLabel) under it. */
export const DEFAULT_FOOTPRINT: TimelineFootprint = { w: 134, above: 15, below: 52 };

/** Graph units between two nodes' boxes, across and down. */
export const TIMELINE_GAP = 14;
/** A column is at least this wide, so that its tick's date (about 84 px) fits at 80 % zoom. */
const MIN_COLUMN = 110;
/** Between two lanes of dated kinds, and (more, so it reads as apart) above the undated lane. */
const LANE_GAP = 36;
const UNDATED_GAP = 72;

export interface TimelineColumn {
  day: string;
  /** The column's centre, where its tick stands, and its width (graph units). */
  x: number;
  w: number;
}

export interface TimelinePlan {
  positions: Map<string, { x: number; y: number }>;
  columns: TimelineColumn[];
  /** Where the undated lane starts (graph units), or null when every node is dated. */
  undatedTop: number | null;
}

/** The timeline's columns: every distinct start day of the dated nodes, in order. */
export function timelineColumns(nodes: readonly Pick<TimelineNode, 'occurredAt'>[]): string[] {
  const days = new Set<string>();
  for (const n of nodes) {
    const span = parseTimeSpan(n.occurredAt);
    if (span) days.add(span.from);
  }
  return [...days].sort();
}

/**
 * Dated nodes in time order on x, one column per distinct start day (so a busy week is as readable as a
 * decade), centred under the column's axis tick; one lane per dated kind on y. Undated nodes share one
 * lane under the dated ones, set apart by a wider gap, each as near as it can be to the mean column of
 * its dated neighbours (leftmost without any). Rows are as tall as the tallest node box, and no two
 * boxes (shape and label) come closer than TIMELINE_GAP.
 *
 * `height` (graph units) is what the canvas shows at the zoom the footprints were measured for: a day
 * with more nodes of one kind than that many rows holds is laid out as a block of several stacks
 * centred on its tick, and the undated lane takes the rows left over, so the timeline never grows
 * taller than the canvas while it can be helped; it grows along the time axis instead, which is read
 * by panning.
 */
export function timelinePositions(
  nodes: readonly TimelineNode[],
  options: { height?: number } = {},
): TimelinePlan {
  const footprint = (n: TimelineNode) => n.footprint ?? DEFAULT_FOOTPRINT;
  const row = Math.max(...nodes.map((n) => footprint(n).above + footprint(n).below), 1) + TIMELINE_GAP;
  const dayOf = new Map<string, string>();
  for (const n of nodes) {
    const span = parseTimeSpan(n.occurredAt);
    if (span) dayOf.set(n.id, span.from);
  }
  const days = timelineColumns(nodes);
  const dated = nodes.filter((n) => dayOf.has(n.id));
  const undated = nodes.filter((n) => !dayOf.has(n.id));
  const kinds = [...new Set(dated.map((n) => n.kind))].sort();

  // Rows each lane may take: every dated lane as many as its tallest day needs, unless that would leave
  // the canvas; then the same cap for all, as high as the height allows with a row kept for the undated.
  const stacks = new Map<string, TimelineNode[]>();
  for (const n of dated) {
    const key = `${dayOf.get(n.id)}|${n.kind}`;
    stacks.set(key, [...(stacks.get(key) ?? []), n]);
  }
  const tallest = (kind: string) => Math.max(...days.map((day) => stacks.get(`${day}|${kind}`)?.length ?? 0));
  const gaps = Math.max(0, kinds.length - 1) * LANE_GAP + (undated.length && kinds.length ? UNDATED_GAP : 0);
  const rowsInView = Math.max(1, Math.floor(((options.height ?? Infinity) - gaps + TIMELINE_GAP) / row));
  const undatedMinRows = undated.length ? 1 : 0;
  let cap = Math.max(1, ...kinds.map(tallest));
  while (
    cap > 1 &&
    kinds.reduce((sum, k) => sum + Math.min(cap, tallest(k)), 0) + undatedMinRows > rowsInView
  )
    cap -= 1;
  const laneRows = new Map(kinds.map((k) => [k, Math.min(cap, tallest(k))]));

  // Columns left to right, each as wide as its widest block.
  const columns: TimelineColumn[] = [];
  let right = -Infinity;
  for (const day of days) {
    let w = MIN_COLUMN;
    for (const kind of kinds) {
      const stack = stacks.get(`${day}|${kind}`) ?? [];
      if (!stack.length) continue;
      const widest = Math.max(...stack.map((n) => footprint(n).w));
      const across = Math.ceil(stack.length / (laneRows.get(kind) ?? 1));
      w = Math.max(w, across * widest + (across - 1) * TIMELINE_GAP);
    }
    const x = right === -Infinity ? w / 2 : right + TIMELINE_GAP + w / 2;
    columns.push({ day, x, w });
    right = x + w / 2;
  }
  const columnOf = new Map(columns.map((c) => [c.day, c]));

  const positions = new Map<string, { x: number; y: number }>();
  let top = 0;
  for (const kind of kinds) {
    const rows = laneRows.get(kind) ?? 1;
    for (const day of days) {
      const stack = stacks.get(`${day}|${kind}`) ?? [];
      if (!stack.length) continue;
      const column = columnOf.get(day) as TimelineColumn;
      const widest = Math.max(...stack.map((n) => footprint(n).w));
      const across = Math.ceil(stack.length / rows);
      const left = column.x - (across * widest + (across - 1) * TIMELINE_GAP) / 2;
      stack.forEach((n, i) => {
        const [stackIndex, rowIndex] = [Math.floor(i / rows), i % rows];
        positions.set(n.id, {
          x: across === 1 ? column.x : left + stackIndex * (widest + TIMELINE_GAP) + widest / 2,
          y: top + rowIndex * row + footprint(n).above,
        });
      });
    }
    top += rows * row - TIMELINE_GAP + LANE_GAP;
  }
  if (!undated.length) return { positions, columns, undatedTop: null };

  // The undated lane: nodes in order of where they want to be, each on the row that lets it sit nearest.
  const undatedTop = kinds.length ? top - LANE_GAP + UNDATED_GAP : 0;
  const start = columns.length ? (columns[0] as TimelineColumn).x - (columns[0] as TimelineColumn).w / 2 : 0;
  const wanted = new Map<string, number>();
  for (const n of undated) {
    const xs = n.neighbours.flatMap((id) => {
      const day = dayOf.get(id);
      return day ? [(columnOf.get(day) as TimelineColumn).x] : [];
    });
    const w = footprint(n).w;
    wanted.set(n.id, xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : start + w / 2);
  }
  const rowsLeft = Math.max(1, rowsInView - kinds.reduce((sum, k) => sum + (laneRows.get(k) ?? 0), 0));
  // No more rows than it takes to keep the lane about as long as the dated columns.
  const perRow = Math.max(1, columns.length);
  const undatedRows = Math.min(rowsLeft, Math.ceil(undated.length / perRow));
  const rowRight = Array.from({ length: undatedRows }, () => -Infinity);
  const ordered = [...undated].sort(
    (a, b) => (wanted.get(a.id) ?? 0) - (wanted.get(b.id) ?? 0) || a.id.localeCompare(b.id),
  );
  for (const n of ordered) {
    const w = footprint(n).w;
    const want = wanted.get(n.id) ?? 0;
    const placed = rowRight.map((r) => Math.max(want, r + TIMELINE_GAP + w / 2));
    const best = placed.indexOf(Math.min(...placed));
    const x = placed[best] as number;
    rowRight[best] = x + w / 2;
    positions.set(n.id, { x, y: undatedTop + best * row + footprint(n).above });
  }
  return { positions, columns, undatedTop };
}

/** The canvas's nodes as the timeline reads them (footprints, when given, by node id). */
export function timelineNodes(cy: Core, footprints?: ReadonlyMap<string, TimelineFootprint>): TimelineNode[] {
  return cy.nodes().map((n: NodeSingular) => {
    const footprint = footprints?.get(n.id());
    return {
      id: n.id(),
      kind: String(n.data('kind')),
      occurredAt: String(n.data('occurredAt') ?? ''),
      neighbours: n.neighborhood('node').map((m: NodeSingular) => m.id()),
      ...(footprint ? { footprint } : {}),
    };
  });
}

export const LAYOUTS: Readonly<Record<LayoutName, { label: string; options: LayoutFactory }>> = {
  fcose: {
    label: 'Force-directed (fCoSE)',
    // quality 'default' balances speed and looks; labels count as part of a node's size so they do not
    // overlap, and repulsion/edge length are raised from the defaults (4500/50) for two-line labels.
    options: () => ({ name: 'fcose', randomize: true, ...FCOSE_SPACING }) as LayoutOptions,
  },
  concentric: {
    label: 'Concentric (by connections)',
    // Most connected nodes in the middle; minNodeSpacing leaves room for labels.
    options: () => ({ name: 'concentric', minNodeSpacing: 60, animate: false, padding: 40 }),
  },
  breadthfirst: {
    label: 'Hierarchy (breadth-first)',
    // Rooted at the selected nodes when any, otherwise cytoscape picks roots.
    options: (cy) => {
      const roots = cy.nodes(':selected');
      return {
        name: 'breadthfirst',
        directed: false,
        spacingFactor: 1.3,
        animate: false,
        padding: 40,
        ...(roots.length ? { roots } : {}),
      };
    },
  },
  timeline: {
    label: 'Timeline (by event date)',
    options: (cy) => {
      const { positions } = timelinePositions(timelineNodes(cy));
      return {
        name: 'preset',
        positions: (n: NodeSingular) => positions.get(n.id()) ?? { x: 0, y: 0 },
        animate: false,
        padding: 40,
      } as LayoutOptions;
    },
  },
};
