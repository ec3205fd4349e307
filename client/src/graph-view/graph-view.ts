// The canvas. Subscribes to the store and mirrors the visible graph into Cytoscape inside cy.batch();
// user gestures go back as state commands. The only module (with its siblings) that imports cytoscape.
import cytoscape, {
  type Core,
  type EdgeSingular,
  type ElementDefinition,
  type NodeSingular,
} from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { AppState } from '../state/app-state.ts';
import type { Commands } from '../state/commands.ts';
import type { CanvasTarget, GraphView } from '../state/model.ts';
import type { Store } from '../state/store.ts';
import { visibleGraph, type VisibleGraph } from '../state/visible.ts';
import { toElements } from './elements.ts';
import { isArrow, nearestInDirection } from './keyboard.ts';
import { parseTimeSpan } from '../state/dates.ts';
import {
  FCOSE_SPACING,
  LAYOUTS,
  timelineNodes,
  timelinePositions,
  type TimelineFootprint,
} from './layouts.ts';
import { createTimelineAxis, type AxisColumn } from './timeline-axis.ts';
import { createLayoutRefiner } from './layout-refiner.ts';
import {
  avoidOverlaps,
  drawnTogether,
  fitSeparate,
  fittedView,
  labelScaleAt,
  placeAround,
  shapeScaleAt,
  spiralPositions,
  type FitFrame,
  type FitSeparateStats,
  type LabelledNode,
  type Point,
} from './placement.ts';
import type { RefineRequest } from './refine-core.ts';
import { byLabelRank, hiddenLabels, type LabelBox, type LabelCandidate, type LabelRank } from './labels.ts';
import { hasHardwareWebGL } from './renderer-choice.ts';
import { buildStylesheet, NODE_SIDE, UNSCALED, type DetailScale } from './stylesheet.ts';
import { embeddedFontCss, FONT_STACK, loadGlyphs } from './fonts.ts';
import { reportLegend } from './legend.ts';
import { buildReportSvg, type SvgEdge, type SvgNode } from './report-svg.ts';

cytoscape.use(fcose);

/** What edgeLabel reads of cytoscape's own label geometry (not in its public API). */
interface EdgeInternals {
  labelBounds?: { main?: cytoscape.BoundingBox12 | null };
  rscratch?: { labelAngle?: number };
}

/** Cytoscape's cached label measures (rscratch) and its rendered-style flag (not in its public API). */
interface CachedLabelInternals {
  rscratch: Record<string, unknown>;
  rstyle: { clean?: boolean };
}

/** Above this many nodes, trade detail for speed while panning and zooming. */
export const LARGE_GRAPH_NODES = 250;
/** Down to this zoom, labels keep their on-screen size (applyLabelScale). */
const MIN_LEGIBLE_ZOOM = 0.1;
/** At most this many collision passes in a row (declutter), each from where the last left the nodes. */
const DECLUTTER_ROUNDS = 3;
/** Pixels left around the graph when the view is fitted to it. */
const FIT_PADDING = 40;
/** A small graph is fitted no closer than this (its nodes would look swollen). */
const MAX_FIT_ZOOM = 1.4;
/**
 * How node labels and shapes grow as the view zooms out, and how a fit frames them: labels stay 10 px
 * on screen below 100 %; shapes stay 18 px (a 30-unit shape at 60 %; an event's 15.6 px) below 60 %, so
 * at the fitted zoom of a few hundred elements they are still told apart by kind and clicked.
 */
const LABEL_FRAME: Omit<FitFrame, 'width' | 'height'> = {
  padding: FIT_PADDING,
  zoomedOut: 10 / 11,
  maxLabelScale: 1 / MIN_LEGIBLE_ZOOM,
  maxZoom: MAX_FIT_ZOOM,
  shapeZoom: 18 / NODE_SIDE,
  // Half of shapeZoom: well inside the zooms that draw the same picture, far from the lowest.
  settleZoom: 9 / NODE_SIDE,
};
/**
 * The zoom a timeline too long for the canvas is shown at (labels legible and apart), and the lowest it
 * is fitted at: it is laid out for the label sizes of this zoom, which only shrink in graph units above it.
 */
const TIMELINE_ZOOM = 0.8;
/** Up to this many nodes a full fcose layout runs right away on the page (well under 100 ms). */
export const SYNC_LAYOUT_NODES = 120;
/** Up to this many new nodes (on a canvas up to LARGE_GRAPH_NODES) an expansion is relaxed right away. */
export const SYNC_PLACE_NODES = 40;

export interface ReportMeta {
  title: string;
  subtitle: string;
  sources: string[];
}

export interface GraphViewHooks {
  /** Right-click, or Shift+F10 / the Menu key on the canvas: `at` is in viewport (client) pixels. */
  onContextMenu?(target: CanvasTarget, at: { x: number; y: number }): void;
}

/**
 * What the canvas draws, measured in rendered pixels from the canvas's top left (tests check legibility,
 * bundles, overlaps and the style rules with it).
 */
export interface CanvasGeometry {
  zoom: number;
  nodes: {
    id: string;
    x1: number;
    y1: number;
    x2: number;
    y2: number;
    color: string;
    labelPx: number;
    labelShown: boolean;
    /** The drawn label's box (text and its background), rendered pixels. */
    label: { x1: number; y1: number; x2: number; y2: number };
    /** The label's lines as drawn and the CSS font they are drawn in at this zoom (tests measure them). */
    labelLines: string[];
    labelFont: string;
  }[];
  edges: {
    id: string;
    source: string;
    target: string;
    controls: Point[];
    midpoint: Point;
    labelPx: number;
    labelShown: boolean;
    /** The label's box as drawn (turned along the edge), rendered pixels; null without a label. */
    label: LabelBox | null;
  }[];
}

export interface GraphViewHandle {
  fit(): void;
  focus(): void;
  /** A report-ready PNG (data: URL) with title, date, legend and sources, drawn from the SVG below. */
  png(meta: ReportMeta): Promise<string>;
  /** A report-ready SVG document: every node shape, legible labels, legend, title, date, sources. */
  svg(meta: ReportMeta): Promise<string>;
  json(): unknown;
  renderedIds(): { nodes: string[]; edges: string[] };
  /** Classes of every drawn element by id (tests read highlight and dimming). */
  classesOf(): Record<string, string[]>;
  /** Canvas positions by node id (saved in Linkage JSON exports). */
  positions(): Record<string, Point>;
  zoom(): number;
  geometry(): CanvasGeometry;
  /** True while a force-directed refinement runs in the layout worker. */
  layoutBusy(): boolean;
  destroy(): void;
}

export function createGraphView(
  container: HTMLElement,
  store: Store<AppState>,
  commands: Commands,
  hooks: GraphViewHooks = {},
): GraphViewHandle {
  const useWebGL = hasHardwareWebGL();
  const axis = createTimelineAxis(container.parentElement ?? container);
  let large = false;
  /**
   * Labels' and shapes' size over their size at 100 % (node labels 11 px; applyLabelScale), what declutter
   * measured them at. Replaced, never changed in place: the stylesheet is rebuilt from it.
   */
  let scale: DetailScale = UNSCALED;
  let cy: Core = mount([]);
  let syncing = false;
  let lastView: GraphView | null = null;
  let lastNodeCount = 0;
  let paintGeneration = 0;
  const refiner = createLayoutRefiner();
  const setLayoutState = (state: 'running' | 'idle') => {
    container.dataset.layout = state;
  };
  setLayoutState('idle');

  function mount(elements: ElementDefinition[]): Core {
    const options = {
      container,
      elements,
      style: buildStylesheet({ large, scale }),
      minZoom: MIN_LEGIBLE_ZOOM,
      maxZoom: 4,
      selectionType: 'single',
      // Shift-drag on the background draws a box; what it holds joins the selection (selectMany).
      boxSelectionEnabled: true,
      // Level of detail for big graphs: draw a cached bitmap and skip edges while the viewport moves.
      hideEdgesOnViewport: large,
      textureOnViewport: large,
      // Device pixels cost quadratically; a big graph is read for its shape, not its hairlines.
      pixelRatio: large ? 1 : 'auto',
      motionBlur: false,
      ...(useWebGL ? { renderer: { name: 'canvas', webgl: true } } : {}),
    } as cytoscape.CytoscapeOptions;
    const core = cytoscape(options);
    bindEvents(core);
    return core;
  }

  const withModifier = (e: cytoscape.EventObject) => {
    const original = e.originalEvent as MouseEvent | undefined;
    return Boolean(original && (original.shiftKey || original.ctrlKey || original.metaKey));
  };
  // Box selection reports one 'box' per element inside the box; they are gathered into one selectMany.
  // Not 'boxselect': it skips elements Cytoscape already holds selected, and its own tap handling can
  // leave one selected that the store has just taken out of the selection (shift-click again).
  let boxed: string[] = [];
  // Cytoscape calls any two taps within 250 ms a double tap, even on two different nodes: only two taps
  // on the same node, without a modifier (shift-clicking a selection together), open the expansion.
  let tapped: [string | null, string | null] = [null, null];
  function bindEvents(core: Core): void {
    core.on('tap', (e) => {
      tapped = [tapped[1], e.target === core ? null : (e.target.id() as string)];
    });
    core.on('tap', 'node', (e) => {
      if (withModifier(e)) commands.dispatch('toggleSelected', { id: e.target.id() });
      else commands.dispatch('select', { type: 'node', id: e.target.id() });
    });
    core.on('tap', 'edge', (e) => commands.dispatch('select', { type: 'edge', id: e.target.id() }));
    core.on('tap', (e) => {
      if (e.target === core && !withModifier(e)) commands.dispatch('select', null);
    });
    core.on('box', 'node', (e) => {
      if (boxed.length === 0)
        queueMicrotask(() => {
          const ids = boxed;
          boxed = [];
          commands.dispatch('selectMany', { ids });
          // Nothing new in the box: the store did not change, so put the canvas back in line with it.
          syncSelection(store.getState().history.present);
        });
      boxed.push(e.target.id());
    });
    core.on('cxttap', (e) => {
      const rect = container.getBoundingClientRect();
      const at = { x: rect.left + e.renderedPosition.x, y: rect.top + e.renderedPosition.y };
      const target: CanvasTarget =
        e.target === core
          ? { type: 'background' }
          : e.target.isNode()
            ? { type: 'node', id: e.target.id() }
            : { type: 'edge', id: e.target.id() };
      hooks.onContextMenu?.(target, at);
    });
    core.on('dbltap', 'node', (e) => {
      if (!withModifier(e) && tapped[0] === e.target.id()) void commands.openExpansion(e.target.id());
    });
    // Labels culled at one zoom may fit at the next (and above 100 % they stop growing): test again.
    core.on('zoom', () => {
      scheduleLabelScale();
      scheduleCull();
    });
    // A dragged or moved node may now cover a label, or uncover one.
    core.on('position', 'node', () => scheduleCull());
    core.on('viewport', () => scheduleAxis());
  }

  /** Makes Cytoscape's selected elements exactly the view's selection and multi-selection. */
  function syncSelection(view: GraphView): void {
    const wanted = new Set(view.selectedIds);
    if (view.selection) wanted.add(view.selection.id);
    cy.batch(() => {
      cy.elements(':selected')
        .filter((el) => !wanted.has(el.id()))
        .unselect();
      for (const id of wanted) {
        const chosen = cy.getElementById(id);
        if (chosen.nonempty() && !chosen.selected()) chosen.select();
      }
    });
  }

  // The timeline's date axis follows pans and zooms, once per frame at most.
  let axisFrame = 0;
  function scheduleAxis(): void {
    if (axisFrame || store.getState().history.present.layout !== 'timeline') return;
    axisFrame = requestAnimationFrame(() => {
      axisFrame = 0;
      updateAxis();
    });
  }
  function updateAxis(): void {
    if (store.getState().history.present.layout !== 'timeline' || cy.nodes().empty()) {
      axis.hide();
      return;
    }
    axis.show(axisColumns(), { zoom: cy.zoom(), panX: cy.pan().x, width: cy.width() });
  }

  /** Each event day and the middle of its nodes on x, in time order: where the day's tick stands. */
  function axisColumns(): AxisColumn[] {
    const spans = new Map<string, { min: number; max: number }>();
    cy.nodes().forEach((n) => {
      const day = parseTimeSpan(String(n.data('occurredAt') ?? ''))?.from;
      if (!day) return;
      const x = n.position('x');
      const span = spans.get(day);
      spans.set(day, span ? { min: Math.min(span.min, x), max: Math.max(span.max, x) } : { min: x, max: x });
    });
    return [...spans]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([day, { min, max }]) => ({ day, x: (min + max) / 2 }));
  }

  /** The canvas the timeline may use, pixels: all of its width, its height down to the axis strip. */
  function timelineRoom(): { width: number; height: number } {
    return { width: cy.width(), height: Math.min(cy.height(), axis.topWithin(container)) };
  }

  /** Each node's shape and label as drawn at `zoom` (graph units). */
  function timelineFootprints(zoom: number): Map<string, TimelineFootprint> {
    // The stylesheet rounds its scales to tenths (applyLabelScale): the larger of the two is drawn.
    const tenth = (n: number) => Math.round(n * 10) / 10;
    const label = Math.max(labelScaleAt(zoom, LABEL_FRAME), tenth(labelScaleAt(zoom, LABEL_FRAME)));
    const shape = Math.max(shapeScaleAt(zoom, LABEL_FRAME), tenth(shapeScaleAt(zoom, LABEL_FRAME)));
    return new Map(
      measured(new Set()).map((n) => {
        const half = (n.h * shape) / 2;
        const w = Math.max(n.w * shape, n.label ? n.label.w * label : 0);
        const below = half + (n.label ? (n.label.below + n.label.h) * label : 0);
        return [n.id, { w, above: half, below }];
      }),
    );
  }

  /** Lays the canvas out as a timeline for the canvas's height at TIMELINE_ZOOM, then frames it. */
  function layoutTimeline(): void {
    const footprints = timelineFootprints(TIMELINE_ZOOM);
    const height = (timelineRoom().height - 2 * FIT_PADDING) / TIMELINE_ZOOM;
    const { positions } = timelinePositions(timelineNodes(cy, footprints), { height });
    cy.batch(() => {
      for (const [id, p] of positions) {
        const node = cy.getElementById(id);
        if (!node.locked()) node.position(p);
      }
    });
    frameTimeline(footprints);
  }

  /**
   * Fits the timeline, no closer than MAX_FIT_ZOOM and no further than TIMELINE_ZOOM (its labels would
   * grow onto each other). Too long for the canvas at that zoom, it starts at its earliest day, on the
   * left edge; too tall, at its top. Nodes are never moved: the axis ticks stand where their days are.
   */
  function frameTimeline(footprints = timelineFootprints(TIMELINE_ZOOM)): void {
    if (cy.nodes().empty()) return;
    const room = timelineRoom();
    const box = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
    cy.nodes().forEach((n) => {
      const p = n.position();
      const f = footprints.get(n.id());
      if (!f) return;
      box.x1 = Math.min(box.x1, p.x - f.w / 2);
      box.x2 = Math.max(box.x2, p.x + f.w / 2);
      box.y1 = Math.min(box.y1, p.y - f.above);
      box.y2 = Math.max(box.y2, p.y + f.below);
    });
    const [across, down] = [room.width - 2 * FIT_PADDING, room.height - 2 * FIT_PADDING];
    const [w, h] = [Math.max(box.x2 - box.x1, 1), Math.max(box.y2 - box.y1, 1)];
    const zoom = Math.max(TIMELINE_ZOOM, Math.min(MAX_FIT_ZOOM, across / w, down / h));
    // Centred where it fits, else from its start (the earliest day, the first lane).
    const along = (size: number, fits: number, from: number) =>
      FIT_PADDING + Math.max(0, (fits - size * zoom) / 2) - zoom * from;
    cy.viewport({ zoom, pan: { x: along(w, across, box.x1), y: along(h, down, box.y1) } });
    applyLabelScale();
    updateAxis();
  }

  // Labels readable at the fitted zoom: below 100 % the label font grows in graph units so that it stays
  // about 10 px (nodes) and 9 px (edges) on screen, down to 10 % zoom; below that (and above
  // LARGE_GRAPH_NODES) the level-of-detail rules decide. At 11 px two-line names (both languages) filled
  // half the fitted view of a ~60-entity graph: no placement could draw nine in ten of them without
  // overlaps. declutter spaces the nodes for these sizes at the fitted zoom; labels that would still
  // cover one another are culled (cullLabels). One rule update per frame at most.
  let labelFrame = 0;
  function scheduleLabelScale(): void {
    if (labelFrame) return;
    labelFrame = requestAnimationFrame(() => {
      labelFrame = 0;
      applyLabelScale();
      showLabelState();
    });
    showLabelState();
  }
  function applyLabelScale(): void {
    if (large) return;
    const zoom = cy.zoom();
    const tenth = (n: number) => Math.round(n * 10) / 10;
    const next: DetailScale = {
      label: tenth(labelScaleAt(zoom, LABEL_FRAME)),
      edgeLabel: tenth(Math.min(1 / MIN_LEGIBLE_ZOOM, Math.max(1, 1 / zoom))),
      shape: tenth(shapeScaleAt(zoom, LABEL_FRAME)),
    };
    if (next.label === scale.label && next.edgeLabel === scale.edgeLabel && next.shape === scale.shape)
      return;
    scale = next;
    // A new stylesheet, not rules appended to the old one: each zoom step appended a node and an edge
    // rule, and every restyle matched each element against all of them.
    cy.style(buildStylesheet({ large, scale }));
    cullLabels();
  }

  /**
   * Label collision avoidance, the level of detail between "every label" and "none": labels are taken
   * most important first (labels.ts compareLabelRank: the selection, the entities a style rule sized up,
   * the expanded and pinned ones, then by relationships shown, then by id; relationships' labels after, by
   * id) and one that would intersect a label already drawn is not drawn at this zoom. Zooming in brings it
   * back. The order depends on the view alone, not on the order elements arrived in, so the same boxes at
   * the same zoom always keep the same names (glyphsArrived keeps the boxes true to the font drawn).
   * Big graphs (LARGE_GRAPH_NODES) keep their own rule (min-zoomed-font-size) instead of n² box tests.
   */
  let cullFrame = 0;
  function scheduleCull(): void {
    if (cullFrame || large) return;
    cullFrame = requestAnimationFrame(() => {
      cullFrame = 0;
      cullLabels();
      showLabelState();
    });
    showLabelState();
  }

  /** Web-font loads in flight for the canvas's labels (render → loadGlyphs). */
  let glyphLoads = 0;
  /**
   * data-labels on the canvas: "pending" while glyphs are loading or a rescale or cull frame is to come,
   * "drawn" once the labels drawn are the ones these boxes, this zoom and these glyphs give (tests wait
   * for it rather than for time).
   */
  function showLabelState(): void {
    container.dataset.labels = glyphLoads > 0 || cullFrame !== 0 || labelFrame !== 0 ? 'pending' : 'drawn';
  }

  function cullLabels(): void {
    if (large) return;
    const nodes = byLabelRank(labelRanks());
    const upright = (b: cytoscape.BoundingBox12): LabelBox => ({
      cx: (b.x1 + b.x2) / 2,
      cy: (b.y1 + b.y2) / 2,
      w: b.x2 - b.x1,
      h: b.y2 - b.y1,
      angle: 0,
    });
    const candidates: LabelCandidate[] = [];
    for (const { id } of nodes) {
      const box = labelBox(cy.getElementById(id));
      if (box) candidates.push({ id, box: upright(box) });
    }
    // The selected relationship's label is what the analyst is reading: it always shows (drawn on top),
    // but after the names: first, it culled the name of its own end entity (e2e-03, the table open).
    // Relationships by id: the order they arrived in must not decide which labels are drawn.
    const edgesById = (selector: string) =>
      cy
        .edges(selector)
        .toArray()
        .sort((a, b) => (a.id() < b.id() ? -1 : a.id() > b.id() ? 1 : 0));
    for (const e of edgesById(':selected')) {
      const box = edgeLabel(e);
      if (box) candidates.push({ id: e.id(), box, always: true });
    }
    // Entity labels win: a relationship's label is dropped where it would cover one (or an entity).
    for (const e of edgesById(':unselected')) {
      const box = edgeLabel(e);
      if (box) candidates.push({ id: e.id(), box });
    }
    const shapes = cy.nodes().map((n: NodeSingular) => ({
      id: n.id(),
      box: upright(n.boundingBox({ includeLabels: false, includeOverlays: false })),
    }));
    const hidden = hiddenLabels(candidates, shapes);
    cy.batch(() => {
      for (const el of cy.elements().toArray()) {
        const culled = hidden.has(el.id());
        if (Boolean(el.data('culled')) !== culled) el.data('culled', culled);
      }
    });
  }

  /** How important each node's name is (labels.ts compareLabelRank), from the view and the style rules. */
  function labelRanks(): LabelRank[] {
    const view = store.getState().history.present;
    const selected = new Set([...(view.selection ? [view.selection.id] : []), ...view.selectedIds]);
    const kept = new Set([...view.expanded, ...view.pinned]);
    return cy.nodes().map((n: NodeSingular) => ({
      id: n.id(),
      selected: selected.has(n.id()),
      size: n.hasClass('sized') ? Number(n.data('size')) || 0 : 0,
      kept: kept.has(n.id()),
      degree: n.degree(false),
    }));
  }

  /** A node's label box in graph units, or null when it draws none. */
  function labelBox(n: NodeSingular, rendered = false): cytoscape.BoundingBox12 | null {
    if (!n.visible() || String(n.style('label') ?? '') === '') return null;
    const options = { includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false };
    const box = rendered ? n.renderedBoundingBox(options) : n.boundingBox(options);
    return Number.isFinite(box.x1) && box.x2 > box.x1
      ? { x1: box.x1, y1: box.y1, x2: box.x2, y2: box.y2 }
      : null;
  }

  /**
   * An edge's label as drawn, in graph units: its unrotated box (with its background padding) and the
   * angle autorotate turns it to. Cytoscape only offers the upright box around the turned label, which
   * for a slanted label is up to twice as wide and many times as tall; the drawn box is what it keeps for
   * its own hit test (labelBounds.main, rscratch.labelAngle, refreshed by boundingBox()).
   */
  function edgeLabel(e: EdgeSingular): LabelBox | null {
    if (!e.visible() || String(e.style('label') ?? '') === '') return null;
    e.boundingBox();
    const internal = (e as unknown as { _private: EdgeInternals })._private;
    const box = internal.labelBounds?.main;
    if (!box || !Number.isFinite(box.x1) || !(box.x2 > box.x1)) return null;
    return {
      cx: (box.x1 + box.x2) / 2,
      cy: (box.y1 + box.y2) / 2,
      w: box.x2 - box.x1,
      h: box.y2 - box.y1,
      angle: internal.rscratch?.labelAngle ?? 0,
    };
  }

  /** The canvas size the last collision pass spaced the nodes for. */
  let spacedFor = { width: 0, height: 0 };
  /**
   * The collision pass after a placement: no node's shape or label on another's once the view is fitted.
   * fcose only discourages overlaps (repulsion), and with the arrangement held fixed a big batch often
   * lands new nodes on old ones. Labels keep their on-screen size below 100 % zoom, so they grow in graph
   * units as the view zooms out, and spacing them lowers the fitted zoom: fitSeparate repeats "fit, space
   * for that zoom" until nothing moves (one pass spaced for the zoom before spacing, and a ~60-entity
   * view then culled a third of its labels). `fresh` nodes move first, the arrangement only off itself,
   * pinned nodes never. Big graphs: shapes only (their labels are level of detail).
   */
  function declutter(fresh: ReadonlySet<string>): void {
    if (cy.nodes().length < 2) return;
    spacedFor = { width: cy.width(), height: cy.height() };
    // Below shapeZoom, fitSeparate spaces a crowd inside the view it fits in one bounded pass, which can
    // leave a few names on other entities (a reload's 35 entities at 32 %: two names culled). Another
    // pass from where the first left them settles it; one that moves nothing ends the rounds.
    for (let round = 0; round < DECLUTTER_ROUNDS; round++) if (!declutterOnce(fresh)) break;
  }

  /** One collision pass (fitSeparate) applied to the canvas; whether it moved anything. */
  function declutterOnce(fresh: ReadonlySet<string>): boolean {
    const zoom = cy.zoom();
    const stats: FitSeparateStats = { passes: 0, zoom, drawnIn: { factor: 1, about: { x: 0, y: 0 } } };
    const moved = fitSeparate(measured(fresh), frame(), { viewZoom: zoom }, stats);
    cy.batch(() => {
      for (const [id, { dx, dy }] of moved) {
        const node = cy.getElementById(id);
        const p = node.position();
        node.position({ x: p.x + dx, y: p.y + dy });
      }
    });
    // Positions drawn together by k about c: zooming in by 1 / k about the same point keeps every node
    // where the analyst saw it (fitSeparate draws in only as far as that keeps shapes and labels' size).
    const { factor, about } = stats.drawnIn;
    if (factor < 1) {
      const pan = cy.pan();
      const shift = zoom * (1 - 1 / factor);
      cy.viewport({ zoom: zoom / factor, pan: { x: pan.x + about.x * shift, y: pan.y + about.y * shift } });
    }
    return moved.size > 0;
  }

  const frame = (): FitFrame => ({ ...LABEL_FRAME, width: cy.width(), height: cy.height() });

  /** Every node's shape and label as drawn now, brought back to scale 1 (what placement.ts reads). */
  function measured(fresh: ReadonlySet<string>): LabelledNode[] {
    return cy.nodes().map((n: NodeSingular) => {
      const p = n.position();
      const label = large ? null : labelBox(n);
      const [w, h] = [n.outerWidth(), n.outerHeight()];
      // Measured at the current label and shape scale; fitSeparate wants them at scale 1.
      return {
        id: n.id(),
        x: p.x,
        y: p.y,
        w: w / scale.shape,
        h: h / scale.shape,
        label: label && {
          w: (label.x2 - label.x1) / scale.label,
          h: (label.y2 - label.y1) / scale.label,
          below: Math.max(0, label.y1 - (p.y + h / 2)) / scale.label,
        },
        mobility: n.locked() ? 0 : fresh.has(n.id()) ? 2 : 1,
      };
    });
  }

  /** Switches level-of-detail options, which Cytoscape only reads at creation, by remounting. */
  function ensureDetailLevel(nodeCount: number): void {
    const wantLarge = nodeCount > LARGE_GRAPH_NODES;
    if (wantLarge === large) return;
    large = wantLarge;
    const elements = cy.elements().jsons() as unknown as ElementDefinition[];
    const viewport = { zoom: cy.zoom(), pan: cy.pan() };
    cy.destroy();
    scale = UNSCALED;
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
      style: view.style,
    });
    const wanted = new Map(elements.map((e) => [e.data.id as string, e]));
    // With almost nothing on screen there is no arrangement worth keeping: lay everything out.
    const wasEmpty = cy.nodes().length < 3;
    const hints = view.positions ?? {};
    const added: string[] = [];
    let removed = 0;
    let hintedAdded = 0;

    syncing = true;
    cy.batch(() => {
      const gone = cy.elements().filter((el) => !wanted.has(el.id()));
      removed = gone.length;
      gone.remove();
      const fresh: ElementDefinition[] = [];
      for (const [id, def] of wanted) {
        const existing = cy.getElementById(id);
        if (existing.nonempty()) {
          // Only what changed: every data() or classes() call restyles the element and emits events,
          // which on a canvas of thousands turned each selection into a full restyle.
          const data = existing.data() as Record<string, unknown>;
          if (Object.entries(def.data).some(([key, value]) => data[key] !== value)) existing.data(def.data);
          const classes = def.classes ?? '';
          if (existing.classes().join(' ') !== classes) existing.classes(classes);
        } else if (def.group === 'nodes') {
          const hint = hints[id];
          if (hint) hintedAdded += 1;
          else added.push(id);
          fresh.push(hint ? { ...def, position: { ...hint } } : def);
        } else fresh.push(def);
      }
      // One add for all new elements (nodes before edges): much cheaper than one add per element.
      fresh.sort((a, b) => (a.group === b.group ? 0 : a.group === 'nodes' ? -1 : 1));
      if (fresh.length) cy.add(fresh);
      const pinned = new Set(view.pinned);
      cy.nodes().forEach((n) => {
        const pin = pinned.has(n.id());
        if (pin !== n.locked()) {
          if (pin) n.lock();
          else n.unlock();
        }
      });
    });
    syncSelection(view);
    syncing = false;

    const layoutChanged = lastView !== null && lastView.layout !== view.layout;
    // A refinement computed for another set of elements (or another layout) must not land.
    if (layoutChanged || added.length > 0 || removed > 0 || cy.nodes().length !== lastNodeCount) {
      paintGeneration += 1;
      refiner.cancel();
      setLayoutState('idle');
    }
    lastNodeCount = cy.nodes().length;
    // Nodes with a saved position (an opened file) keep it; the others grow out of their neighbours.
    if (layoutChanged || (wasEmpty && hintedAdded === 0)) runLayout(view, graph);
    else if (added.length > 0) placeNew(added, view, graph);
    // Saved positions (an opened file) arriving over several answers: the first frame the view, the later
    // ones refit it only where they reach past the canvas (each refit moved what the analyst was reading).
    if (wasEmpty && hintedAdded > 0 && !layoutChanged) fitAll();
    else if (hintedAdded > 0 && !layoutChanged) fitIfOutside(true);
    if (view.selection && view.selection !== lastView?.selection) revealSelection(view.selection.id);
    lastView = view;
    updateAxis();
    scheduleCull();
    // A canvas does not fetch web-font chunks by itself: ask for the glyphs its labels need, then measure
    // the labels again (their boxes were taken with the fallback font's glyphs).
    glyphLoads += 1;
    showLabelState();
    void loadGlyphs(
      graph.nodes.map((n) => `${n.name}${n.nameKo ?? ''}`),
      glyphsArrived,
    ).finally(() => {
      glyphLoads -= 1;
      showLabelState();
    });
  }

  /**
   * Glyphs of a web font arrived after labels were laid out with the fallback's (a reload paints before
   * they load): Cytoscape measures a label again only when its text or font style changes, so the old
   * boxes stayed, and culling, spacing and fitting read them; which names were drawn then depended on
   * which labels had been measured before the font came. Every label is measured afresh, the collision
   * pass spaces what now overlaps (force-directed only; it moves nothing where nothing does), the view
   * is fitted if a name now reaches past the canvas, and the cull runs on the new boxes. Big graphs:
   * repainted only.
   */
  function glyphsArrived(): void {
    if (cy.destroyed()) return;
    forgetLabelSizes();
    cy.style().update();
    if (large) return;
    // Only the force-directed arrangement is spaced by the collision pass (as after its layout): the
    // timeline's columns and the other layouts' rings and levels keep their geometry.
    if (store.getState().history.present.layout === 'fcose') declutter(new Set());
    fitIfOutside(true);
    scheduleCull();
  }

  /** Drops Cytoscape's cached label measures (rscratch, keyed by text and font style): taken again. */
  function forgetLabelSizes(): void {
    for (const el of cy.elements().toArray()) {
      const internal = (el as unknown as { _private: CachedLabelInternals })._private;
      delete internal.rscratch.prefixedLabelDimsKey;
      delete internal.rscratch.labelWrapKey;
      internal.rstyle.clean = false;
    }
  }

  /**
   * Fits the graph (zoom ≤ 1.4). `quick` leaves labels out of the box: measuring hundreds of labels would
   * hold up the first paint of a big batch, and the 40 px padding covers most of them.
   */
  function fitAll(quick = false): void {
    if (store.getState().history.present.layout === 'timeline') {
      frameTimeline();
      return;
    }
    const centre = { x: cy.width() / 2, y: cy.height() / 2 };
    if (quick) {
      const box = cy.nodes().boundingBox({ includeLabels: false, includeOverlays: false });
      const zoom = Math.min((cy.width() - 80) / Math.max(box.w, 1), (cy.height() - 80) / Math.max(box.h, 1));
      const level = Math.max(cy.minZoom(), Math.min(zoom, cy.maxZoom()));
      cy.viewport({
        zoom: level,
        pan: {
          x: cy.width() / 2 - level * (box.x1 + box.w / 2),
          y: cy.height() / 2 - level * (box.y1 + box.h / 2),
        },
      });
      if (cy.zoom() > MAX_FIT_ZOOM) cy.zoom({ level: MAX_FIT_ZOOM, renderedPosition: centre });
      applyLabelScale();
      return;
    }
    if (large || cy.nodes().empty()) {
      cy.fit(undefined, FIT_PADDING);
      if (cy.zoom() > MAX_FIT_ZOOM) cy.zoom({ level: MAX_FIT_ZOOM, renderedPosition: centre });
      return;
    }
    // Labels and shapes keep their size on screen, so they take more of the graph at the lower zoom a
    // fit lands at: the view is framed for the sizes that zoom draws them (placement.ts fittedView).
    let view = fittedView(measured(new Set()), frame());
    if (view.zoom < LABEL_FRAME.settleZoom && cy.nodes(':locked').empty()) {
      // Spread out so far that the fit would near the lowest zoom: the same picture, drawn together and
      // fitted at settleZoom (shapes and labels keep their screen size at both zooms).
      const k = view.zoom / LABEL_FRAME.settleZoom;
      const about = { x: (view.x1 + view.x2) / 2, y: (view.y1 + view.y2) / 2 };
      cy.batch(() =>
        cy.nodes().forEach((n) => {
          n.position(drawnTogether(n.position(), about, k));
        }),
      );
      view = fittedView(measured(new Set()), frame());
    }
    const zoom = Math.max(cy.minZoom(), view.zoom);
    cy.viewport({
      zoom,
      pan: { x: centre.x - (zoom * (view.x1 + view.x2)) / 2, y: centre.y - (zoom * (view.y1 + view.y2)) / 2 },
    });
    applyLabelScale();
  }

  function runLayout(view: GraphView, graph: VisibleGraph): void {
    if (cy.nodes().length === 0) return;
    if (view.layout === 'fcose' && cy.nodes().length > SYNC_LAYOUT_NODES) {
      // Big graph: an instant spiral (hubs in the middle) for the first paint, fcose in the worker.
      const degree = new Map<string, number>();
      for (const e of graph.edges) {
        degree.set(e.fromId, (degree.get(e.fromId) ?? 0) + 1);
        degree.set(e.toId, (degree.get(e.toId) ?? 0) + 1);
      }
      const ordered = graph.nodes
        .map((n) => n.id)
        .sort((a, b) => (degree.get(b) ?? 0) - (degree.get(a) ?? 0));
      const spiral = spiralPositions(ordered);
      cy.batch(() => {
        for (const [id, p] of spiral) {
          const node = cy.getElementById(id);
          if (!node.locked()) node.position(p);
        }
      });
      fitAll(true);
      afterPaint(() => refineInWorker(new Set(ordered), true, () => fitAll(), new Set()));
      return;
    }
    // A long timeline is read by panning along it: laid out for legible labels, not fitted whole.
    if (view.layout === 'timeline') {
      layoutTimeline();
      return;
    }
    const options = LAYOUTS[view.layout].options(cy);
    cy.layout(options).run();
    if (view.layout === 'fcose') declutter(new Set());
    fitAll();
  }

  /** Runs `work` once the next frame has been drawn, unless the view changed meanwhile. */
  function afterPaint(work: () => void): void {
    const generation = ++paintGeneration;
    setLayoutState('running');
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (generation === paintGeneration) work();
      }, 0),
    );
  }

  /**
   * Sends the canvas to the layout worker: `free` nodes move, the rest stay. The answer is applied in
   * one batch, unless the view changed meanwhile (then it was cancelled and never arrives), and the
   * collision pass clears what fcose left overlapping (`fresh` nodes move first).
   */
  function refineInWorker(
    free: Set<string>,
    randomize: boolean,
    after: () => void,
    fresh: ReadonlySet<string>,
  ): void {
    const nodes = cy.nodes().map((n: NodeSingular) => {
      const size = n.layoutDimensions({ nodeDimensionsIncludeLabels: true });
      const p = n.position();
      return { id: n.id(), x: p.x, y: p.y, w: size.w, h: size.h, fixed: !free.has(n.id()) || n.locked() };
    });
    const edges = cy.edges().map((e: EdgeSingular) => [e.source().id(), e.target().id()] as [string, string]);
    const request: Omit<RefineRequest, 'id'> = {
      nodes,
      edges,
      randomize,
      quality: 'default',
      // fcose's default is 2500; big graphs settle well before that and the worker time adds up.
      numIter: nodes.length > 1500 ? 800 : 2500,
    };
    setLayoutState('running');
    const generation = paintGeneration;
    void refiner.run(request).then((answer) => {
      // Superseded: the newer render owns the layout state. Failed: keep the instant placement.
      if (generation !== paintGeneration) return;
      setLayoutState('idle');
      if (!answer) return;
      container.dataset.layoutMs = String(Math.round(answer.ms));
      cy.batch(() => {
        for (const [id, x, y] of answer.positions) {
          const node = cy.getElementById(id);
          if (node.nonempty() && !node.locked() && !node.grabbed()) node.position({ x, y });
        }
      });
      declutter(fresh);
      after();
    });
  }

  /** Places new nodes next to their on-canvas neighbours (rings), then lets fcose relax only them. */
  function placeNew(ids: string[], view: GraphView, graph: VisibleGraph): void {
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
    // Rings never drop a new node onto one already there (or onto another new one).
    const positions = avoidOverlaps(
      placeAround(newNodes, fallback),
      positioned.map((n: NodeSingular) => ({ ...n.position() })),
    );
    cy.batch(() => positions.forEach((p, id) => cy.getElementById(id).position(p)));
    if (view.layout === 'fcose' && ids.length > 1) {
      if (ids.length <= SYNC_PLACE_NODES && cy.nodes().length <= LARGE_GRAPH_NODES) {
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
      } else {
        // A big batch: the rings are the first paint; the relaxed positions follow from the worker.
        fitIfOutside(false);
        // After the first paint: collecting sizes (labels measured) would otherwise delay it.
        afterPaint(() => refineInWorker(addedSet, false, () => fitIfOutside(true), addedSet));
        return;
      }
    } else if (view.layout === 'timeline') {
      runLayout(view, graph);
      return;
    }
    declutter(addedSet);
    fitIfOutside(true);
  }

  /**
   * Fits the view when a shape (and, with `labels`, a drawn name) lies past the canvas edge: a name cut
   * by the edge cannot be read. A view that holds everything is left as the analyst has it. `labels`
   * false: measuring hundreds of them would hold up a first paint.
   */
  function fitIfOutside(labels: boolean): void {
    const withLabels = labels && !large;
    const box = (withLabels ? cy.nodes('[!culled]') : cy.nodes()).renderedBoundingBox({
      includeLabels: withLabels,
      includeOverlays: false,
    });
    // fitAll, not cy.fit: that frames labels and shapes as last drawn, and they grow as the zoom falls.
    if (box.x1 < 0 || box.y1 < 0 || box.x2 > cy.width() || box.y2 > cy.height()) fitAll();
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
    if (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) {
      event.preventDefault();
      const rect = container.getBoundingClientRect();
      const at = found?.nonempty() ? found.renderedBoundingBox() : null;
      const point = at
        ? { x: rect.left + (at.x1 + at.x2) / 2, y: rect.top + (at.y1 + at.y2) / 2 }
        : { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      hooks.onContextMenu?.(sel ? { type: sel.type, id: sel.id } : { type: 'background' }, point);
      return;
    }
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
      // Shift+arrow adds the entity reached to the selection (the keyboard's shift-click).
      if (target && event.shiftKey && !view.selectedIds.includes(target))
        commands.dispatch('toggleSelected', { id: target });
      else if (target) commands.dispatch('select', { type: 'node', id: target });
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
      // With several entities selected, H hides them all (one step).
      const ids = view.selectedIds.length > 1 ? [...view.selectedIds] : [selectedNode.id()];
      commands.dispatch('hide', { ids });
    } else if (event.key === 'c' && selectedNode) {
      commands.dispatch('collapse', { id: selectedNode.id() });
    }
  }

  /** The report SVG from what the canvas shows now (positions, shapes, labels, selection, dimming). */
  async function reportSvg(meta: ReportMeta): Promise<{ svg: string; width: number; height: number }> {
    // Names are placed in the canvas's own order of importance (labelRanks).
    const ranks = new Map(labelRanks().map((r) => [r.id, r]));
    const nodes: SvgNode[] = cy.nodes().map((node: NodeSingular) => ({
      size: ranks.get(node.id())?.size ?? 0,
      kept: ranks.get(node.id())?.kept ?? false,
      degree: ranks.get(node.id())?.degree ?? 0,
      id: node.id(),
      kind: String(node.data('kind')),
      x: node.position('x'),
      y: node.position('y'),
      w: node.width(),
      h: node.height(),
      shape: String(node.data('shape')),
      color: String(node.data('color')),
      label: String(node.data('label') ?? ''),
      selected: node.selected(),
      faded: node.hasClass('faded'),
    }));
    const edges: SvgEdge[] = cy.edges().map((edge: EdgeSingular) => {
      let controls: { x: number; y: number }[] = [];
      let from = edge.source().position();
      let to = edge.target().position();
      let mid = { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 };
      try {
        from = edge.sourceEndpoint();
        to = edge.targetEndpoint();
        mid = edge.midpoint();
        controls = (edge.controlPoints() as { x: number; y: number }[] | undefined) ?? [];
      } catch {
        /* haystack edges (big graphs) have no geometry: straight centre to centre */
      }
      return {
        id: edge.id(),
        type: String(edge.data('type')),
        from: { ...from },
        to: { ...to },
        controls: controls.map((p) => ({ ...p })),
        mid: { ...mid },
        label: String(edge.data('label') ?? ''),
        lineStyle: edge.data('lineStyle') as SvgEdge['lineStyle'],
        width: Number(edge.data('width')) || 1,
        disputed: Boolean(edge.data('disputed')),
        faded: edge.hasClass('faded'),
      };
    });
    const legend = reportLegend(store.getState().history.present, nodes);
    const allText = [
      meta.title,
      meta.subtitle,
      ...meta.sources,
      ...nodes.map((v) => v.label),
      ...edges.map((e) => e.label),
    ].join(' ');
    const fontCss = await embeddedFontCss(allText);
    // Names are measured for placement as the browser will draw them: with the web font's glyphs.
    await document.fonts.ready;
    return buildReportSvg({
      ...meta,
      nodes,
      edges,
      ...legend,
      fontCss,
      fontFamily: FONT_STACK,
      measure: measureWith(FONT_STACK),
    });
  }

  /** Label size on screen, and whether Cytoscape draws it at that size (min-zoomed-font-size). */
  function labelOnScreen(el: cytoscape.SingularElementArgument): { labelPx: number; labelShown: boolean } {
    const px = el.numericStyle('font-size') * cy.zoom();
    const min = el.numericStyle('min-zoomed-font-size');
    const text = String(el.style('label') ?? '');
    // A label culled by collision avoidance (cullLabels) is laid out but not drawn.
    const culled = Boolean(el.data('culled'));
    return { labelPx: px, labelShown: text !== '' && px >= min && el.visible() && !culled };
  }

  /** A box in graph units as it lands on the canvas (rendered pixels). */
  function rendered(box: LabelBox | null): LabelBox | null {
    if (!box) return null;
    const zoom = cy.zoom();
    const pan = cy.pan();
    return { ...box, cx: box.cx * zoom + pan.x, cy: box.cy * zoom + pan.y, w: box.w * zoom, h: box.h * zoom };
  }

  /** A node's label lines as cytoscape wrapped them, and its font at the rendered size. */
  function drawnText(n: NodeSingular): { labelLines: string[]; labelFont: string } {
    const wrapped = (n as unknown as { _private: { rscratch?: { labelWrapCachedText?: string } } })._private
      .rscratch?.labelWrapCachedText;
    const text = wrapped ?? String(n.style('label') ?? '');
    const px = n.numericStyle('font-size') * cy.zoom();
    const font = `${String(n.style('font-style'))} ${String(n.style('font-weight'))} ${px}px ${String(n.style('font-family'))}`;
    return { labelLines: text ? text.split('\n') : [], labelFont: font };
  }

  function geometry(): CanvasGeometry {
    return {
      zoom: cy.zoom(),
      nodes: cy.nodes().map((n: NodeSingular) => {
        const box = n.renderedBoundingBox({ includeLabels: false, includeOverlays: false });
        const { x1, y1, x2, y2 } = box;
        const text = n.renderedBoundingBox({
          includeNodes: false,
          includeEdges: false,
          includeLabels: true,
          includeOverlays: false,
        });
        const label = { x1: text.x1, y1: text.y1, x2: text.x2, y2: text.y2 };
        return {
          id: n.id(),
          x1,
          y1,
          x2,
          y2,
          color: String(n.data('color')),
          label,
          ...labelOnScreen(n),
          ...drawnText(n),
        };
      }),
      edges: cy.edges().map((e: EdgeSingular) => {
        let controls: Point[] = [];
        let midpoint: Point = { x: 0, y: 0 };
        try {
          controls = ((e.renderedControlPoints() as Point[] | undefined) ?? []).map((p) => ({ ...p }));
          midpoint = { ...e.renderedMidpoint() };
        } catch {
          /* haystack edges have no geometry */
        }
        return {
          id: e.id(),
          source: e.source().id(),
          target: e.target().id(),
          controls,
          midpoint,
          ...labelOnScreen(e),
          label: rendered(edgeLabel(e)),
        };
      }),
    };
  }

  container.addEventListener('keydown', onKey);
  // The canvas has its own menu (right-click): the browser's would cover it.
  container.addEventListener('contextmenu', (event) => event.preventDefault());
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.history.present !== previous.history.present && !syncing) render(state.history.present);
  });
  render(store.getState().history.present);

  return {
    fit: () => {
      cy.resize();
      // A shorter canvas (the table opened) fits lower, where the names take more of the graph: spaced
      // for the zoom of the fit to come, none is culled where another stands (labels are not measured
      // on big graphs, their level of detail). Only then: each pass spreads the graph a little for the
      // zoom it lowers, and one per Fit click left it too wide to fit.
      const resized = cy.width() !== spacedFor.width || cy.height() !== spacedFor.height;
      if (store.getState().history.present.layout === 'timeline') {
        // The timeline is laid out for the canvas's height: a resized one is laid out again.
        spacedFor = { width: cy.width(), height: cy.height() };
        if (resized) layoutTimeline();
        else frameTimeline();
        return;
      }
      if (!large && resized) declutter(new Set());
      fitAll();
    },
    focus: () => container.focus(),
    svg: async (meta) => (await reportSvg(meta)).svg,
    png: async (meta) => {
      const { svg, width, height } = await reportSvg(meta);
      return rasterise(svg, width, height, 2);
    },
    json: () => cy.json(),
    renderedIds: () => ({ nodes: cy.nodes().map((n) => n.id()), edges: cy.edges().map((e) => e.id()) }),
    classesOf: () => Object.fromEntries(cy.elements().map((el) => [el.id(), el.classes()])),
    positions: () => Object.fromEntries(cy.nodes().map((n) => [n.id(), { ...n.position() }])),
    zoom: () => cy.zoom(),
    geometry,
    layoutBusy: () => refiner.busy(),
    destroy() {
      unsubscribe();
      refiner.dispose();
      container.removeEventListener('keydown', onKey);
      cy.destroy();
    },
  };
}

/**
 * Text widths as the browser draws `family` (the export's labels are laid out so none overlaps), or
 * report-svg's estimate where there is no 2D canvas.
 */
function measureWith(family: string): ((text: string, size: number) => number) | undefined {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return undefined;
  return (text, size) => {
    context.font = `${size}px ${family}`;
    return context.measureText(text).width;
  };
}

/**
 * Draws an SVG document onto a canvas at `scale` and returns a PNG data: URL. Fonts embedded in an SVG
 * image load after the image itself, so it is drawn until two draws in a row come out the same.
 */
async function rasterise(svg: string, width: number, height: number, scale: number): Promise<string> {
  const image = new Image();
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  image.src = `data:image/svg+xml;base64,${btoa(binary)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('No 2D canvas to draw the PNG on.');
  const draw = () => {
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  };
  // A small copy is enough to see whether the text has arrived since the last draw.
  const probe = document.createElement('canvas');
  probe.width = 400;
  probe.height = Math.max(1, Math.round((400 * height) / width));
  const probeCtx = probe.getContext('2d', { willReadFrequently: true });
  const fingerprint = (): string => {
    if (!probeCtx) return '';
    probeCtx.drawImage(canvas, 0, 0, probe.width, probe.height);
    const data = probeCtx.getImageData(0, 0, probe.width, probe.height).data;
    let hash = 0;
    for (let i = 0; i < data.length; i += 4) hash = (hash * 31 + (data[i] ?? 0)) | 0;
    return String(hash);
  };
  let previous = '';
  for (let attempt = 0; attempt < 20; attempt++) {
    draw();
    const now = fingerprint();
    if (attempt > 0 && now === previous) break;
    previous = now;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return canvas.toDataURL('image/png');
}
