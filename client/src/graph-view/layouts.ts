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

export interface TimelineNode {
  id: string;
  kind: string;
  occurredAt: string;
  neighbours: string[];
}

/** Graph units between two timeline columns (the axis draws one tick per column). */
export const TIMELINE_COLUMN = 150;
const COLUMN = TIMELINE_COLUMN;
const LANE = 120;

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
 * Dated nodes in time order on x (one column per distinct start date, so a busy week is as readable as a
 * decade), one lane per kind on y. Undated nodes sit under the mean column of their dated neighbours,
 * or in a column left of the axis when they have none.
 */
export function timelinePositions(nodes: readonly TimelineNode[]): Map<string, { x: number; y: number }> {
  const starts = new Map<string, string>();
  for (const n of nodes) {
    const span = parseTimeSpan(n.occurredAt);
    if (span) starts.set(n.id, span.from);
  }
  const columns = timelineColumns(nodes);
  const kinds = [...new Set(nodes.map((n) => n.kind))].sort();
  const columnOf = new Map<string, number>();
  for (const [id, day] of starts) columnOf.set(id, columns.indexOf(day));
  for (const n of nodes) {
    if (columnOf.has(n.id)) continue;
    const cols = n.neighbours.map((id) => columnOf.get(id)).filter((c): c is number => c !== undefined);
    columnOf.set(n.id, cols.length ? Math.round(cols.reduce((a, b) => a + b, 0) / cols.length) : -1);
  }
  // Stack nodes that share a column and lane instead of drawing them on top of each other.
  const used = new Map<string, number>();
  const positions = new Map<string, { x: number; y: number }>();
  for (const n of nodes) {
    const column = columnOf.get(n.id) ?? -1;
    const lane = kinds.indexOf(n.kind);
    const key = `${column}:${lane}`;
    const k = used.get(key) ?? 0;
    used.set(key, k + 1);
    positions.set(n.id, { x: column * COLUMN + (k % 2) * 40, y: lane * LANE + k * 34 });
  }
  return positions;
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
      const positions = timelinePositions(
        cy.nodes().map((n: NodeSingular) => ({
          id: n.id(),
          kind: String(n.data('kind')),
          occurredAt: String(n.data('occurredAt') ?? ''),
          neighbours: n.neighborhood('node').map((m: NodeSingular) => m.id()),
        })),
      );
      return {
        name: 'preset',
        positions: (n: NodeSingular) => positions.get(n.id()) ?? { x: 0, y: 0 },
        animate: false,
        padding: 40,
      } as LayoutOptions;
    },
  },
};
