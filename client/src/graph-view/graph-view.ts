// The canvas. Subscribes to the store and mirrors the visible graph into Cytoscape inside cy.batch();
// user gestures go back as state commands. The only module (with its siblings) that imports cytoscape.
import cytoscape, {
  type Core,
  type EdgeSingular,
  type ElementDefinition,
  type NodeSingular,
} from 'cytoscape';
import fcose from 'cytoscape-fcose';
import svgExport from 'cytoscape-svg';
import type { AppState } from '../state/app-state.ts';
import type { Commands } from '../state/commands.ts';
import type { GraphView } from '../state/model.ts';
import type { Store } from '../state/store.ts';
import { visibleGraph } from '../state/visible.ts';
import { toElements } from './elements.ts';
import { isArrow, nearestInDirection } from './keyboard.ts';
import { FCOSE_SPACING, LAYOUTS } from './layouts.ts';
import { placeAround, type Point } from './placement.ts';
import { hasHardwareWebGL } from './renderer-choice.ts';
import { buildStylesheet } from './stylesheet.ts';

cytoscape.use(fcose);
cytoscape.use(svgExport);

type WithSvg = Core & { svg(options: { full: boolean; scale: number; bg: string }): string };

/** Above this many nodes, trade detail for speed while panning and zooming. */
export const LARGE_GRAPH_NODES = 250;

export interface GraphViewHandle {
  fit(): void;
  focus(): void;
  png(): string;
  svg(): string;
  json(): unknown;
  renderedIds(): { nodes: string[]; edges: string[] };
  zoom(): number;
  destroy(): void;
}

export function createGraphView(
  container: HTMLElement,
  store: Store<AppState>,
  commands: Commands,
): GraphViewHandle {
  const useWebGL = hasHardwareWebGL();
  let large = false;
  let cy: Core = mount([]);
  let syncing = false;
  let lastView: GraphView | null = null;

  function mount(elements: ElementDefinition[]): Core {
    const options = {
      container,
      elements,
      style: buildStylesheet(),
      minZoom: 0.1,
      maxZoom: 4,
      selectionType: 'single',
      boxSelectionEnabled: false,
      // Level of detail for big graphs: draw a cached bitmap and skip edges while the viewport moves.
      hideEdgesOnViewport: large,
      textureOnViewport: large,
      motionBlur: false,
      ...(useWebGL ? { renderer: { name: 'canvas', webgl: true } } : {}),
    } as cytoscape.CytoscapeOptions;
    const core = cytoscape(options);
    bindEvents(core);
    return core;
  }

  function bindEvents(core: Core): void {
    core.on('tap', 'node', (e) => commands.dispatch('select', { type: 'node', id: e.target.id() }));
    core.on('tap', 'edge', (e) => commands.dispatch('select', { type: 'edge', id: e.target.id() }));
    core.on('tap', (e) => {
      if (e.target === core) commands.dispatch('select', null);
    });
    core.on('dbltap', 'node', (e) => void commands.openExpansion(e.target.id()));
  }

  /** Switches level-of-detail options, which Cytoscape only reads at creation, by remounting. */
  function ensureDetailLevel(nodeCount: number): void {
    const wantLarge = nodeCount > LARGE_GRAPH_NODES;
    if (wantLarge === large) return;
    large = wantLarge;
    const elements = cy.elements().jsons() as unknown as ElementDefinition[];
    const viewport = { zoom: cy.zoom(), pan: cy.pan() };
    cy.destroy();
    cy = mount(elements);
    cy.viewport(viewport);
  }

  function render(view: GraphView): void {
    const graph = visibleGraph(view);
    ensureDetailLevel(graph.nodes.length);
    const elements = toElements(graph, {
      labelMode: view.labelMode,
      highlight: view.highlight,
      pinned: view.pinned,
      expanded: view.expanded,
    });
    const wanted = new Map(elements.map((e) => [e.data.id as string, e]));
    // With almost nothing on screen there is no arrangement worth keeping: lay everything out.
    const wasEmpty = cy.nodes().length < 3;
    const added: string[] = [];

    syncing = true;
    cy.batch(() => {
      cy.elements()
        .filter((el) => !wanted.has(el.id()))
        .remove();
      for (const [id, def] of wanted) {
        const existing = cy.getElementById(id);
        if (existing.nonempty()) {
          existing.data(def.data);
          existing.classes(def.classes ?? '');
        } else {
          if (def.group === 'nodes') added.push(id);
          cy.add(def);
        }
      }
      cy.nodes().forEach((n) => {
        if (view.pinned.includes(n.id())) n.lock();
        else n.unlock();
      });
      cy.elements(':selected').unselect();
      if (view.selection) cy.getElementById(view.selection.id).select();
    });
    syncing = false;

    const layoutChanged = lastView !== null && lastView.layout !== view.layout;
    if (wasEmpty || layoutChanged) runLayout(view);
    else if (added.length > 0) placeNew(added, view);
    if (view.selection && view.selection !== lastView?.selection) revealSelection(view.selection.id);
    lastView = view;
  }

  function runLayout(view: GraphView): void {
    if (cy.nodes().length === 0) return;
    const options = LAYOUTS[view.layout].options(cy);
    cy.layout(options).run();
    cy.fit(undefined, 40);
    const centre = { x: cy.width() / 2, y: cy.height() / 2 };
    if (cy.zoom() > 1.4) cy.zoom({ level: 1.4, renderedPosition: centre });
    // A long timeline is read by panning along it: keep labels legible rather than fitting every year.
    if (view.layout === 'timeline' && cy.zoom() < 0.8) {
      cy.zoom({ level: 0.8, renderedPosition: centre });
      const selected = view.selection ? cy.getElementById(view.selection.id) : null;
      if (selected?.nonempty()) cy.center(selected);
    }
  }

  /** Places new nodes next to their on-canvas neighbours, then lets fcose relax only them. */
  function placeNew(ids: string[], view: GraphView): void {
    const addedSet = new Set(ids);
    const positioned = cy.nodes().filter((n) => !addedSet.has(n.id()));
    const extent = positioned.boundingBox();
    const fallback: Point = positioned.length
      ? { x: extent.x2 + 120, y: (extent.y1 + extent.y2) / 2 }
      : { x: 0, y: 0 };
    const newNodes = ids.map((id) => ({
      id,
      anchors: cy
        .getElementById(id)
        .neighborhood('node')
        .filter((n: NodeSingular) => !addedSet.has(n.id()))
        .map((n: NodeSingular) => ({ ...n.position() })),
    }));
    const positions = placeAround(newNodes, fallback);
    cy.batch(() => positions.forEach((p, id) => cy.getElementById(id).position(p)));
    if (view.layout === 'fcose' && ids.length > 1) {
      const fixedNodeConstraint = positioned
        .nodes()
        .map((n: NodeSingular) => ({ nodeId: n.id(), position: { ...n.position() } }));
      cy.layout({
        name: 'fcose',
        ...FCOSE_SPACING,
        randomize: false,
        fit: false,
        fixedNodeConstraint,
      } as cytoscape.LayoutOptions).run();
    } else if (view.layout === 'timeline') {
      runLayout(view);
      return;
    }
    const all = cy.nodes();
    const box = all.renderedBoundingBox();
    if (box.x1 < 0 || box.y1 < 0 || box.x2 > cy.width() || box.y2 > cy.height()) cy.fit(undefined, 40);
  }

  function revealSelection(id: string): void {
    const el = cy.getElementById(id);
    if (el.empty()) return;
    const box = el.renderedBoundingBox();
    if (box.x1 < 0 || box.y1 < 0 || box.x2 > cy.width() || box.y2 > cy.height()) cy.center(el);
  }

  function onKey(event: KeyboardEvent): void {
    const view = store.getState().history.present;
    const sel = view.selection;
    const found = sel ? cy.getElementById(sel.id) : null;
    const selectedNode: NodeSingular | null = found?.isNode() ? found : null;
    const selectedEdge: EdgeSingular | null = found?.isEdge() ? found : null;
    if (isArrow(event.key)) {
      event.preventDefault();
      const nodes = cy.nodes();
      if (nodes.empty()) return;
      const fromNode = selectedNode ?? selectedEdge?.source() ?? null;
      if (!fromNode) {
        commands.dispatch('select', { type: 'node', id: nodes.first().id() });
        return;
      }
      const target = nearestInDirection(
        fromNode.position(),
        event.key,
        nodes.map((n) => ({ id: n.id(), position: n.position() })),
      );
      if (target) commands.dispatch('select', { type: 'node', id: target });
      return;
    }
    const node = selectedNode ?? selectedEdge?.source() ?? null;
    if (!node) return;
    if (event.key === 'e' || event.key === 'E') {
      // Walk along edges: cycle through the selected node's edges, or the current edge's siblings.
      const edges = node.connectedEdges();
      if (edges.empty()) return;
      const index = selectedEdge ? edges.toArray().findIndex((e) => e.id() === selectedEdge.id()) : -1;
      const step = event.key === 'E' ? -1 : 1;
      const next = edges[(index + step + edges.length) % edges.length];
      if (next) commands.dispatch('select', { type: 'edge', id: next.id() });
      event.preventDefault();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (selectedNode) void commands.openExpansion(selectedNode.id());
      else if (selectedEdge) {
        const end = event.shiftKey ? selectedEdge.source() : selectedEdge.target();
        commands.dispatch('select', { type: 'node', id: end.id() });
      }
    } else if (event.key === 'Escape') {
      commands.dispatch('select', null);
    } else if ((event.key === 'Delete' || event.key === 'h') && selectedNode) {
      commands.dispatch('hide', { ids: [selectedNode.id()] });
    } else if (event.key === 'c' && selectedNode) {
      commands.dispatch('collapse', { id: selectedNode.id() });
    }
  }

  container.addEventListener('keydown', onKey);
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.history.present !== previous.history.present && !syncing) render(state.history.present);
  });
  render(store.getState().history.present);

  return {
    fit: () => {
      cy.resize();
      cy.fit(undefined, 40);
    },
    focus: () => container.focus(),
    png: () => cy.png({ full: true, scale: 2, bg: '#ffffff' }),
    svg: () => (cy as WithSvg).svg({ full: true, scale: 1, bg: '#ffffff' }),
    json: () => cy.json(),
    renderedIds: () => ({ nodes: cy.nodes().map((n) => n.id()), edges: cy.edges().map((e) => e.id()) }),
    zoom: () => cy.zoom(),
    destroy() {
      unsubscribe();
      container.removeEventListener('keydown', onKey);
      cy.destroy();
    },
  };
}
