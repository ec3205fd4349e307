// The Cytoscape stylesheet. Colour and shape come from element data (see palette.ts); certainty is drawn
// as line style AND width so it survives greyscale printing.
import type { StylesheetJson } from 'cytoscape';
import { FONT_STACK } from './fonts.ts';
import { DISPUTED_COLOR, HIGHLIGHT_COLOR, SELECTED_COLOR } from './palette.ts';

/** Labels use the bundled Korean web font (fonts.ts), so Hangul never falls back to boxes. */
export const FONT_FAMILY = FONT_STACK;

/** Below this on-screen size labels are not drawn: at low zoom they would only pile up. */
const MIN_ZOOMED_FONT_SIZE = 7;

/**
 * Level of detail for big graphs (more than LARGE_GRAPH_NODES): straight "haystack" edges without arrows
 * or labels (the cheapest edge Cytoscape draws; the selected edge keeps its label), and node labels only
 * once they are large enough to read, without their background boxes.
 */
const LARGE_GRAPH_STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: { 'min-zoomed-font-size': 10, 'text-background-opacity': 0 },
  },
  {
    selector: 'edge',
    style: {
      'curve-style': 'haystack',
      'haystack-radius': 0,
      'target-arrow-shape': 'none',
      label: '',
      'line-style': 'solid',
    },
  },
  { selector: 'edge:selected', style: { label: 'data(label)', 'curve-style': 'bezier' } },
];

/** A node's side at 100 % zoom (graph units); an event's is a little smaller. */
export const NODE_SIDE = 30;
const EVENT_SIDE = 26;

/**
 * How much the zoom-dependent sizes are grown in graph units over their size at 100 % (graph-view
 * applyLabelScale): entity labels, relationship labels, and shapes, so each keeps its size on screen as
 * the view zooms out.
 */
export interface DetailScale {
  label: number;
  edgeLabel: number;
  shape: number;
}

/** Every size as at 100 % zoom. */
export const UNSCALED: DetailScale = { label: 1, edgeLabel: 1, shape: 1 };

export function buildStylesheet(options: { large?: boolean; scale?: DetailScale } = {}): StylesheetJson {
  const scale = options.scale ?? UNSCALED;
  const base: StylesheetJson = [
    {
      selector: 'node',
      style: {
        'background-color': 'data(color)',
        shape: 'data(shape)' as never,
        width: NODE_SIDE * scale.shape,
        height: NODE_SIDE * scale.shape,
        // Borders grow with the shape: the selection and pinned rings must show on an 18 px shape too.
        'border-width': 1.5 * scale.shape,
        'border-color': '#ffffff',
        label: 'data(canvasLabel)',
        'font-family': FONT_FAMILY,
        'font-size': 11 * scale.label,
        color: '#1a1a1a',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 4 * scale.label,
        'text-wrap': 'ellipsis',
        'text-max-width': `${Math.round(130 * scale.label)}px`,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
        'text-background-shape': 'roundrectangle',
        'min-zoomed-font-size': MIN_ZOOMED_FONT_SIZE,
      },
    },
    { selector: 'node.label-both', style: { 'text-wrap': 'wrap', 'line-height': 1.25 } },
    {
      selector: 'node.kind-event',
      style: { width: EVENT_SIDE * scale.shape, height: EVENT_SIDE * scale.shape },
    },
    // Label collision avoidance (graph-view cullLabels): a label that would cover a more important one is
    // not drawn at this zoom. Still laid out, so its box (and the decision) does not flicker.
    { selector: 'node[?culled]', style: { 'text-opacity': 0, 'text-background-opacity': 0 } },
    // Style rules (style panel): size by degree or evidence count.
    // Sizes stay in proportion as shapes grow with the zoom-out (sizes are at most 64, elements.ts).
    {
      selector: 'node.sized',
      style: {
        width: `mapData(size, 0, 100, 0, ${100 * scale.shape})`,
        height: `mapData(size, 0, 100, 0, ${100 * scale.shape})`,
      },
    },
    { selector: 'node.expanded', style: { 'border-width': 3 * scale.shape, 'border-color': '#333333' } },
    {
      selector: 'node.pinned',
      style: { 'border-style': 'double', 'border-width': 4 * scale.shape, 'border-color': '#333333' },
    },
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'line-style': 'data(lineStyle)' as never,
        'line-color': '#6b6b6b',
        'target-arrow-color': '#6b6b6b',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.9,
        'curve-style': 'bezier',
        label: 'data(label)',
        'font-family': FONT_FAMILY,
        'font-size': 9 * scale.edgeLabel,
        color: '#444444',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'text-background-padding': '1px',
        // Edge labels grow with the zoom-out (graph-view applyLabelScale), so they stay legible at the
        // fitted zoom; this only drops them when they would still be tiny. The selected edge's always shows.
        'min-zoomed-font-size': 8,
        // Parallel relationships (six between Samsung and Meta) fan out as separate curves, each labelled.
        // They stay apart on screen too (16 px between their curves' control points) as the view zooms out.
        'control-point-step-size': Math.max(56, 16 * scale.edgeLabel),
      },
    },
    // A relationship's label that would cover an entity's (cullLabels): the entity's wins.
    { selector: 'edge[?culled]', style: { 'text-opacity': 0, 'text-background-opacity': 0 } },
    { selector: 'edge.certainty-reported', style: { 'line-dash-pattern': [7, 4] } },
    { selector: 'edge.certainty-speculative', style: { 'line-dash-pattern': [2, 4] } },
    // Some evidence in view denies the claim: a dark red line, and "(disputed)" in the label.
    {
      selector: 'edge.disputed',
      style: { 'line-color': DISPUTED_COLOR, 'target-arrow-color': DISPUTED_COLOR, color: DISPUTED_COLOR },
    },
    {
      selector: '.highlighted',
      style: {
        'underlay-color': HIGHLIGHT_COLOR,
        'underlay-opacity': 0.18,
        'underlay-padding': 6,
        'z-index': 10,
      },
    },
    {
      selector: 'edge.highlighted',
      style: { 'line-color': HIGHLIGHT_COLOR, 'target-arrow-color': HIGHLIGHT_COLOR },
    },
    {
      selector: 'node:selected',
      style: {
        'border-width': 4 * scale.shape,
        'border-color': SELECTED_COLOR,
        // The name is marked by a frame in the selection colour, not bold: a bold name is wider than
        // the box its label was laid out (and decluttered, culled) for, and cytoscape drew it cut at
        // both ends (analyst-08); the frame leaves the width as it was.
        'text-border-width': 1.5 * scale.label,
        'text-border-color': SELECTED_COLOR,
        'text-border-opacity': 1,
        'text-background-opacity': 1,
        color: '#000000',
        'z-index': 20,
      },
    },
    {
      selector: 'edge:selected',
      style: {
        'line-color': SELECTED_COLOR,
        'target-arrow-color': SELECTED_COLOR,
        width: 4,
        color: '#000000',
        'min-zoomed-font-size': 0,
        'z-index': 20,
      },
    },
    { selector: '.faded', style: { opacity: 0.25 } },
  ];
  if (!options.large) return base;
  // The selection and highlight rules must still win, so the large rules go before them.
  const at = base.findIndex((rule) => rule.selector === '.highlighted');
  return [...base.slice(0, at), ...LARGE_GRAPH_STYLE, ...base.slice(at)];
}
