// The legend: kind → colour + shape, certainty → line style. Drawn as small SVGs from the same palette
// the stylesheet uses, so the two cannot drift apart.
import { CERTAINTY_STYLES, DISPUTED_COLOR, KIND_STYLES } from './palette.ts';

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

export function renderLegend(root: HTMLElement): void {
  const kinds = document.createElement('ul');
  kinds.className = 'legend-list';
  kinds.setAttribute('aria-label', 'Entity kinds');
  for (const [kind, style] of Object.entries(KIND_STYLES))
    kinds.append(row(shapeIcon(style.shape, style.color), kind));
  const certainty = document.createElement('ul');
  certainty.className = 'legend-list';
  certainty.setAttribute('aria-label', 'Certainty');
  for (const style of Object.values(CERTAINTY_STYLES))
    certainty.append(row(lineIcon(style.lineStyle, style.width), style.label, style.description));
  certainty.append(row(lineIcon('solid', 2.5, DISPUTED_COLOR), 'Disputed', 'some evidence denies it'));
  root.replaceChildren(kinds, certainty);
}
