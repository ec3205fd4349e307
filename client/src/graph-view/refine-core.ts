// Force-directed refinement without a canvas: a headless Cytoscape with fcose, fed ids, sizes and
// positions. Runs inside the layout worker (layout-worker.ts) so the page stays responsive; the same
// function is the fallback where workers are unavailable.
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { FCOSE_SPACING } from './layouts.ts';

cytoscape.use(fcose);

export interface RefineNode {
  id: string;
  x: number;
  y: number;
  /** Size including the label, as the canvas measured it (headless Cytoscape cannot measure text). */
  w: number;
  h: number;
  /** Stays where it is (already arranged by the analyst, or pinned). */
  fixed: boolean;
}

export interface RefineRequest {
  id: number;
  nodes: RefineNode[];
  edges: [string, string][];
  /** true: a full layout from scratch (spectral start); false: relax only the free nodes from where they are. */
  randomize: boolean;
  quality: 'draft' | 'default' | 'proof';
  /** fcose iteration bound (its default is 2500). */
  numIter: number;
}

export interface RefineResponse {
  id: number;
  /** [id, x, y] for the free nodes. */
  positions: [string, number, number][];
  ms: number;
  error?: string;
}

export function refine(request: RefineRequest): RefineResponse {
  const started = performance.now();
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements: [
      ...request.nodes.map((n) => ({
        group: 'nodes' as const,
        data: { id: n.id, w: n.w, h: n.h },
        position: { x: n.x, y: n.y },
      })),
      ...request.edges.map(([source, target], i) => ({
        group: 'edges' as const,
        data: { id: `e${i}`, source, target },
      })),
    ],
    style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)', shape: 'rectangle' } }],
  });
  const fixed = request.nodes.filter((n) => n.fixed);
  cy.layout({
    name: 'fcose',
    ...FCOSE_SPACING,
    quality: request.quality,
    numIter: request.numIter,
    nodeDimensionsIncludeLabels: false,
    randomize: request.randomize,
    fit: false,
    animate: false,
    ...(fixed.length
      ? { fixedNodeConstraint: fixed.map((n) => ({ nodeId: n.id, position: { x: n.x, y: n.y } })) }
      : {}),
  } as cytoscape.LayoutOptions).run();
  const positions: [string, number, number][] = [];
  for (const n of request.nodes) {
    if (n.fixed) continue;
    const p = cy.getElementById(n.id).position();
    positions.push([n.id, p.x, p.y]);
  }
  cy.destroy();
  return { id: request.id, positions, ms: performance.now() - started };
}
