// The legend: kind → colour + shape, certainty → line style. Drawn as small SVGs from the same palette
// the stylesheet uses, so the two cannot drift apart. When a style rule colours entities by a property,
// colour no longer means kind: the kinds keep their shapes on a neutral fill and a list says which value
// each colour stands for (the same colorKey the canvas is coloured from).
import type { AppState } from '../state/app-state.ts';
import type { GraphView } from '../state/model.ts';
import type { Store } from '../state/store.ts';
import { visibleGraph } from '../state/visible.ts';
import { colorKey, colorKeyLabel } from './elements.ts';
import { CERTAINTY_STYLES, DISPUTED_COLOR, KIND_STYLES, NEUTRAL_KIND_FILL } from './palette.ts';
import type { ReportSvgInput, SvgNode } from './report-svg.ts';

const SVG = 'http://www.w3.org/2000/svg';

function svg(width: number, height: number, child: SVGElement): SVGSVGElement {
  const el = document.createElementNS(SVG, 'svg');
  el.setAttribute('width', String(width));
  el.setAttribute('height', String(height));
  el.setAttribute('aria-hidden', 'true');
  el.appendChild(child);
  return el;
}

const SHAPE_POINTS: Record<string, string> = {
  'round-hexagon': '4,9 8,2 16,2 20,9 16,16 8,16',
  'round-diamond': '12,1 21,9 12,17 3,9',
  'round-triangle': '12,1 22,17 2,17',
  'round-tag': '2,3 16,3 22,9 16,15 2,15',
  'round-octagon': '7,1 17,1 22,6 22,12 17,17 7,17 2,12 2,6',
};

function shapeIcon(shape: string, color: string): SVGSVGElement {
  let el: SVGElement;
  if (shape === 'ellipse') {
    el = document.createElementNS(SVG, 'ellipse');
    el.setAttribute('cx', '12');
    el.setAttribute('cy', '9');
    el.setAttribute('rx', '8');
    el.setAttribute('ry', '8');
  } else if (SHAPE_POINTS[shape]) {
    el = document.createElementNS(SVG, 'polygon');
    el.setAttribute('points', SHAPE_POINTS[shape]);
  } else {
    el = document.createElementNS(SVG, 'rect');
    el.setAttribute('x', '3');
    el.setAttribute('y', '2');
    el.setAttribute('width', '18');
    el.setAttribute('height', '14');
    el.setAttribute('rx', shape === 'round-rectangle' ? '3' : '0');
  }
  el.setAttribute('fill', color);
  el.setAttribute('stroke', '#333');
  el.setAttribute('stroke-width', '0.8');
  return svg(24, 18, el);
}

function lineIcon(style: 'solid' | 'dashed' | 'dotted', width: number, color = '#444'): SVGSVGElement {
  const line = document.createElementNS(SVG, 'line');
  line.setAttribute('x1', '2');
  line.setAttribute('y1', '9');
  line.setAttribute('x2', '38');
  line.setAttribute('y2', '9');
  line.setAttribute('stroke', color);
  line.setAttribute('stroke-width', String(width));
  if (style === 'dashed') line.setAttribute('stroke-dasharray', '7 4');
  if (style === 'dotted') line.setAttribute('stroke-dasharray', '2 4');
  return svg(40, 18, line);
}

function row(icon: SVGSVGElement, label: string, note?: string): HTMLLIElement {
  const li = document.createElement('li');
  const text = document.createElement('span');
  text.textContent = label;
  li.append(icon, text);
  if (note) {
    const small = document.createElement('small');
    small.textContent = ` ${note}`;
    li.append(small);
  }
  return li;
}

function swatchIcon(color: string): SVGSVGElement {
  const rect = document.createElementNS(SVG, 'rect');
  rect.setAttribute('x', '5');
  rect.setAttribute('y', '2');
  rect.setAttribute('width', '14');
  rect.setAttribute('height', '14');
  rect.setAttribute('rx', '2');
  rect.setAttribute('fill', color);
  rect.setAttribute('stroke', '#333');
  rect.setAttribute('stroke-width', '0.8');
  return svg(24, 18, rect);
}

function list(label: string, className = 'legend-list'): HTMLUListElement {
  const ul = document.createElement('ul');
  ul.className = className;
  ul.setAttribute('aria-label', label);
  return ul;
}

function heading(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.className = 'legend-heading';
  p.textContent = text;
  return p;
}

/** Draws the legend; without a view (the notebook widget) it is the kind legend. */
export function renderLegend(root: HTMLElement, view?: GraphView): void {
  const colorBy = view?.style.colorBy ?? null;
  const kinds = list(colorBy ? 'Entity kinds (by shape)' : 'Entity kinds');
  for (const [kind, style] of Object.entries(KIND_STYLES))
    kinds.append(row(shapeIcon(style.shape, colorBy ? NEUTRAL_KIND_FILL : style.color), kind));
  const parts: HTMLElement[] = [];
  if (view && colorBy) {
    const colours = list(`Colours by ${colorBy}`, 'legend-list legend-colours');
    colours.id = 'legend-colours';
    for (const entry of colorKey(visibleGraph(view).nodes, colorBy)) {
      const li = row(swatchIcon(entry.color), colorKeyLabel(entry, colorBy));
      li.dataset.color = entry.color;
      li.dataset.values = JSON.stringify(entry.values);
      colours.append(li);
    }
    parts.push(heading(`Colour: ${colorBy}`), colours, heading('Shape: kind'));
  }
  const certainty = list('Certainty');
  for (const style of Object.values(CERTAINTY_STYLES))
    certainty.append(row(lineIcon(style.lineStyle, style.width), style.label, style.description));
  certainty.append(row(lineIcon('solid', 2.5, DISPUTED_COLOR), 'Disputed', 'some evidence denies it'));
  root.replaceChildren(...parts, kinds, certainty);
}

/** The legend, redrawn when the colouring or what it is computed from changes. */
export function mountLegend(root: HTMLElement, store: Store<AppState>): void {
  store.subscribe((state, previous) => {
    const view = state.history.present;
    const before = previous.history.present;
    if (view.style.colorBy !== before.style.colorBy) renderLegend(root, view);
    else if (
      view.style.colorBy &&
      (view.entities !== before.entities || view.filter !== before.filter || view.hidden !== before.hidden)
    )
      renderLegend(root, view);
  });
  renderLegend(root, store.getState().history.present);
}

/**
 * The report's legend (SVG and PNG exports) for what the canvas shows: the kinds present, the certainty
 * lines and, when colour means a property, what each colour stands for (kinds then on a neutral fill).
 */
export function reportLegend(
  view: GraphView,
  nodes: readonly Pick<SvgNode, 'kind' | 'shape' | 'color'>[],
): Pick<ReportSvgInput, 'kinds' | 'lines' | 'colors'> {
  const colorBy = view.style.colorBy;
  const fill = (color: string) => (colorBy ? NEUTRAL_KIND_FILL : color);
  const kindsShown = new Set(nodes.map((v) => v.kind));
  const kinds = Object.entries(KIND_STYLES)
    .filter(([kind]) => kindsShown.has(kind))
    .map(([kind, style]) => ({ kind, shape: style.shape, color: fill(style.color) }));
  for (const v of nodes)
    if (!KIND_STYLES[v.kind] && !kinds.some((k) => k.kind === v.kind))
      kinds.push({ kind: v.kind, shape: v.shape, color: fill(v.color) });
  const lines = Object.values(CERTAINTY_STYLES).map((c) => ({
    label: c.label,
    lineStyle: c.lineStyle,
    width: c.width,
    description: c.description,
  }));
  if (!colorBy) return { kinds, lines };
  const entries = colorKey(visibleGraph(view).nodes, colorBy).map((entry) => ({
    label: colorKeyLabel(entry, colorBy),
    color: entry.color,
  }));
  return { kinds, lines, colors: { property: colorBy, entries } };
}
