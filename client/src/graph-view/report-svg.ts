// A report-ready SVG of the canvas, written from the graph model (not from the renderer): every node
// shape, dark labels on a white halo, a title, the date, a legend and a "Sources: …" line. Pure: it takes
// plain positions and styles, so it is unit-tested without a browser. The PNG export rasterises it.
import RBush from 'rbush';
import { compareLabelRank } from './labels.ts';

export interface SvgNode {
  id: string;
  kind: string;
  x: number;
  y: number;
  w: number;
  h: number;
  shape: string;
  color: string;
  label: string;
  selected?: boolean;
  faded?: boolean;
  /** The size a style rule gave it (0 or absent without one): names are placed biggest first. */
  size?: number;
  /** Expanded or pinned. */
  kept?: boolean;
  /** Relationships shown. */
  degree?: number;
}

export interface SvgEdge {
  id: string;
  type: string;
  /** Start, optional quadratic control point(s), end, in model coordinates. */
  from: { x: number; y: number };
  to: { x: number; y: number };
  controls: { x: number; y: number }[];
  label: string;
  mid: { x: number; y: number };
  lineStyle: 'solid' | 'dashed' | 'dotted';
  width: number;
  disputed?: boolean;
  faded?: boolean;
}

export interface LegendKind {
  kind: string;
  shape: string;
  color: string;
}

export interface LegendLine {
  label: string;
  lineStyle: 'solid' | 'dashed' | 'dotted';
  width: number;
  description: string;
}

/** Colour by a property: what each colour stands for (the kinds are then told by shape alone). */
export interface LegendColors {
  property: string;
  entries: { label: string; color: string }[];
}

export interface ReportSvgInput {
  title: string;
  subtitle: string;
  sources: string[];
  nodes: SvgNode[];
  edges: SvgEdge[];
  kinds: LegendKind[];
  colors?: LegendColors;
  lines: LegendLine[];
  /** @font-face rules (embedded fonts) to put in the SVG's style. */
  fontCss: string;
  fontFamily: string;
  /** Edge labels are drawn up to this many edges (beyond, the picture is read for its shape). */
  maxEdgeLabels?: number;
  /** A text's width in px at a font size (the browser's own measure; textWidth's estimate without it). */
  measure?: (text: string, size: number) => number;
}

export const LABEL_INK = '#1a1a1a';
export const EDGE_INK = '#333333';
export const HALO = '#ffffff';
/** Labels of dimmed elements: lighter, still 7:1 on white. */
export const FADED_INK = '#595959';
const LINE_INK = '#6b6b6b';
const PAD = 40;

export const escapeXml = (text: string): string =>
  text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );

const n = (v: number): string => (Math.round(v * 10) / 10).toString();

/** Unit polygons (in [-1, 1]²) of the shapes the palette uses, as Cytoscape draws them. */
const POLYGONS: Record<string, [number, number][]> = {
  hexagon: [
    [-1, 0],
    [-0.5, -1],
    [0.5, -1],
    [1, 0],
    [0.5, 1],
    [-0.5, 1],
  ],
  diamond: [
    [0, -1],
    [1, 0],
    [0, 1],
    [-1, 0],
  ],
  triangle: [
    [0, -1],
    [1, 1],
    [-1, 1],
  ],
  tag: [
    [-1, -1],
    [0.5, -1],
    [1, 0],
    [0.5, 1],
    [-1, 1],
  ],
  octagon: [
    [-0.414, -1],
    [0.414, -1],
    [1, -0.414],
    [1, 0.414],
    [0.414, 1],
    [-0.414, 1],
    [-1, 0.414],
    [-1, -0.414],
  ],
  pentagon: [
    [0, -1],
    [0.951, -0.309],
    [0.588, 0.809],
    [-0.588, 0.809],
    [-0.951, -0.309],
  ],
};

/** One SVG element drawing `shape` centred on (x, y) with the given size. */
export function shapeElement(
  shape: string,
  x: number,
  y: number,
  w: number,
  h: number,
  attrs: string,
): string {
  const base = shape.replace(/^(round|cut)-/, '');
  const rounded = shape.startsWith('round-');
  if (base === 'ellipse')
    return `<ellipse cx="${n(x)}" cy="${n(y)}" rx="${n(w / 2)}" ry="${n(h / 2)}" ${attrs}/>`;
  const polygon = POLYGONS[base];
  if (polygon) {
    const points = polygon.map(([px, py]) => `${n(x + (px * w) / 2)},${n(y + (py * h) / 2)}`).join(' ');
    return `<polygon points="${points}"${rounded ? ' stroke-linejoin="round"' : ''} ${attrs}/>`;
  }
  const r = rounded ? Math.min(w, h) / 4 : 0;
  return `<rect x="${n(x - w / 2)}" y="${n(y - h / 2)}" width="${n(w)}" height="${n(h)}" rx="${n(r)}" ${attrs}/>`;
}

const dash = (style: SvgEdge['lineStyle']): string =>
  style === 'dashed' ? ' stroke-dasharray="7 4"' : style === 'dotted' ? ' stroke-dasharray="2 4"' : '';

/** Rough text width for layout (Hangul and other wide scripts ≈ 1 em, Latin ≈ 0.58 em). */
export function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) > 0x2e80 ? 1 : 0.58;
  return w * size;
}

function wrap(
  text: string,
  size: number,
  width: number,
  measure: (text: string, size: number) => number = textWidth,
): string[] {
  const words = text.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

function edgePath(e: SvgEdge): string {
  const [c1, c2] = e.controls;
  if (!c1) return `M${n(e.from.x)},${n(e.from.y)} L${n(e.to.x)},${n(e.to.y)}`;
  if (!c2) return `M${n(e.from.x)},${n(e.from.y)} Q${n(c1.x)},${n(c1.y)} ${n(e.to.x)},${n(e.to.y)}`;
  // Several control points: a smooth chain of quadratic pieces through their midpoints.
  let d = `M${n(e.from.x)},${n(e.from.y)}`;
  const pts = e.controls;
  for (let i = 0; i < pts.length - 1; i++) {
    const a = pts[i]!;
    const b = pts[i + 1]!;
    d += ` Q${n(a.x)},${n(a.y)} ${n((a.x + b.x) / 2)},${n((a.y + b.y) / 2)}`;
  }
  const last = pts[pts.length - 1]!;
  return `${d} Q${n(last.x)},${n(last.y)} ${n(e.to.x)},${n(e.to.y)}`;
}

/** An upright box, SVG user units. */
export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** A shape's box, with whose it is. */
interface Owned extends Box {
  id?: string;
}

/** Where a node's name goes: the box it takes, its first line's baseline and its anchor. */
export interface NamePlace {
  box: Box;
  x: number;
  y: number;
  anchor: 'middle' | 'start' | 'end';
}

/** Line spacing of a wrapped report title (20 px bold). */
const TITLE_LINE = 25;
const NODE_FONT = 11;
const NODE_LINE = 14;
const EDGE_FONT = 9;
/**
 * The line box of the export fonts, in em: Noto Sans KR (the bundled face) ascends 1.16 and descends
 * 0.29, more than the Latin faces; a box from the font size alone let stacked labels touch.
 */
const ASCENT = 1.16;
const DESCENT = 0.29;
/** An edge label is centred on its midpoint (dominant-baseline central): half its line box and a bit. */
const EDGE_HALF_HEIGHT = 0.85;
/** Room for the white halo (stroke 3.5) and a hair between two labels. */
const GAP = 3;

const overlaps = (a: Box, b: Box): boolean =>
  a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY;

/** The spots a name may take, in order of preference: below its shape (as on the canvas), above, beside. */
function namePlaces(v: SvgNode, width: number, lines: number): NamePlace[] {
  const height = (lines - 1) * NODE_LINE + (ASCENT + DESCENT) * NODE_FONT;
  const ascent = ASCENT * NODE_FONT;
  const box = (left: number, top: number): Box => ({
    minX: left - GAP,
    minY: top - GAP,
    maxX: left + width + GAP,
    maxY: top + height + GAP,
  });
  const below = v.y + v.h / 2 + 3;
  const above = v.y - v.h / 2 - 3 - height;
  const middle = v.y - height / 2;
  const right = v.x + v.w / 2 + 4;
  const left = v.x - v.w / 2 - 4;
  const centred = (top: number): NamePlace => ({
    box: box(v.x - width / 2, top),
    x: v.x,
    y: top + ascent,
    anchor: 'middle',
  });
  const start = (top: number): NamePlace => ({
    box: box(right, top),
    x: right,
    y: top + ascent,
    anchor: 'start',
  });
  const end = (top: number): NamePlace => ({
    box: box(left - width, top),
    x: left,
    y: top + ascent,
    anchor: 'end',
  });
  return [
    centred(below),
    centred(above),
    start(middle),
    end(middle),
    start(below),
    end(below),
    start(above),
    end(above),
  ];
}

/**
 * Where each name and relationship label is drawn so that no two overlap (a report is read, not zoomed).
 * Names are placed most important first, by the canvas's own order (labels.ts compareLabelRank: the
 * selection, the entities a style rule sized up, the expanded and pinned ones, then by relationships):
 * each takes the first spot around its shape (below, above, beside) clear of the names already placed,
 * preferring one clear of other shapes too; a name with no clear spot is left out. A relationship's label
 * (upright at its edge's midpoint) is left out where it would touch a name, a shape or another kept label.
 */
export function layoutLabels(
  nodes: readonly SvgNode[],
  edges: readonly SvgEdge[],
  measure: (text: string, size: number) => number = textWidth,
): { names: Map<string, NamePlace>; edgeLabels: Map<string, Box> } {
  const shapes = new RBush<Owned>();
  shapes.load(
    nodes.map((v) => ({
      id: v.id,
      minX: v.x - v.w / 2,
      minY: v.y - v.h / 2,
      maxX: v.x + v.w / 2,
      maxY: v.y + v.h / 2,
    })),
  );
  const kept = new RBush<Owned>();
  // A name never collides with its own entity's shape.
  const clearOf = (box: Box, tree: RBush<Owned>, owner?: string): boolean =>
    !tree.search(box).some((o) => (owner === undefined || o.id !== owner) && overlaps(o, box));
  const order = nodes
    .map((v) => ({
      v,
      rank: {
        id: v.id,
        selected: Boolean(v.selected),
        size: v.size ?? 0,
        kept: Boolean(v.kept),
        degree: v.degree ?? 0,
      },
    }))
    .sort((a, b) => compareLabelRank(a.rank, b.rank));
  const names = new Map<string, NamePlace>();
  for (const { v } of order) {
    if (!v.label) continue;
    const lines = v.label.split('\n');
    const width = Math.max(...lines.map((line) => measure(line, NODE_FONT)));
    const free = namePlaces(v, width, lines.length).filter((p) => clearOf(p.box, kept));
    const place = free.find((p) => clearOf(p.box, shapes, v.id)) ?? free[0];
    if (!place) continue;
    names.set(v.id, place);
    kept.insert(place.box);
  }
  const edgeLabels = new Map<string, Box>();
  const edgeOrder = [...edges].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const e of edgeOrder) {
    if (!e.label) continue;
    const hw = measure(e.label, EDGE_FONT) / 2 + GAP;
    const hh = EDGE_HALF_HEIGHT * EDGE_FONT + GAP;
    const box = { minX: e.mid.x - hw, minY: e.mid.y - hh, maxX: e.mid.x + hw, maxY: e.mid.y + hh };
    if (clearOf(box, kept) && clearOf(box, shapes)) {
      edgeLabels.set(e.id, box);
      kept.insert(box);
    }
  }
  return { names, edgeLabels };
}

const halo = `fill="${LABEL_INK}" stroke="${HALO}" stroke-width="3.5" stroke-linejoin="round" paint-order="stroke"`;

export function buildReportSvg(input: ReportSvgInput): { svg: string; width: number; height: number } {
  const nodes = input.nodes;
  const showEdgeLabels = input.edges.length <= (input.maxEdgeLabels ?? 150);
  const { names, edgeLabels } = layoutLabels(nodes, showEdgeLabels ? input.edges : [], input.measure);
  // The frame holds every shape and every name where it was placed.
  const xs = nodes.flatMap((v) => [v.x - v.w / 2, v.x + v.w / 2]);
  const ys = nodes.flatMap((v) => [v.y - v.h / 2, v.y + v.h / 2]);
  for (const { box } of names.values()) {
    xs.push(box.minX, box.maxX);
    ys.push(box.minY, box.maxY);
  }
  const minX = xs.length ? Math.min(...xs) : 0;
  const maxX = xs.length ? Math.max(...xs) : 400;
  const minY = ys.length ? Math.min(...ys) : 0;
  const maxY = ys.length ? Math.max(...ys) : 200;
  const graphW = maxX - minX;
  const graphH = maxY - minY;
  const width = Math.max(graphW + 2 * PAD, 760);
  // A long title (the default names the entities shown) wraps to the report's width rather than running
  // off its right edge; bold is measured a tenth wider than the regular face.
  const titleLines = wrap(
    input.title,
    20,
    width - 2 * PAD,
    (t, size) => (input.measure ?? textWidth)(t, size) * 1.1,
  );
  const titleDrop = (titleLines.length - 1) * TITLE_LINE;
  const headerH = 64 + titleDrop;
  const offsetX = (width - graphW) / 2 - minX;
  const offsetY = headerH + PAD / 2 - minY;

  // Legend and sources under the graph.
  const legendTop = headerH + graphH + PAD;
  const legendItems: string[] = [];
  let lx = PAD;
  let ly = legendTop + 22;
  const place = (itemWidth: number): [number, number] => {
    if (lx + itemWidth > width - PAD) {
      lx = PAD;
      ly += 24;
    }
    const at: [number, number] = [lx, ly];
    lx += itemWidth;
    return at;
  };
  if (input.colors) {
    const title = `Colour: ${input.colors.property}`;
    const [tx, ty] = place(textWidth(title, 12) + 18);
    legendItems.push(
      `<text class="legend-colours-title" x="${n(tx)}" y="${n(ty)}" font-size="12" font-weight="bold" ${halo}>${escapeXml(title)}</text>`,
    );
    for (const c of input.colors.entries) {
      const [x, y] = place(26 + textWidth(c.label, 12) + 18);
      legendItems.push(
        `<g class="legend-colour" data-color="${escapeXml(c.color)}"><rect x="${n(x + 3)}" y="${n(y - 11)}" width="14" height="14" rx="2" fill="${c.color}" stroke="#333333" stroke-width="0.8"/><text x="${n(x + 22)}" y="${n(y)}" font-size="12" ${halo}>${escapeXml(c.label)}</text></g>`,
      );
    }
    lx = PAD;
    ly += 26;
  }
  for (const k of input.kinds) {
    const [x, y] = place(36 + textWidth(k.kind, 12) + 18);
    legendItems.push(
      `<g class="legend-kind" data-kind="${escapeXml(k.kind)}">${shapeElement(k.shape, x + 10, y - 4, 18, 14, `fill="${k.color}" stroke="#333333" stroke-width="0.8"`)}<text x="${n(x + 26)}" y="${n(y)}" font-size="12" ${halo}>${escapeXml(k.kind)}</text></g>`,
    );
  }
  lx = PAD;
  ly += 26;
  for (const l of input.lines) {
    const text = `${l.label} (${l.description})`;
    const [x, y] = place(52 + textWidth(text, 12) + 18);
    legendItems.push(
      `<g class="legend-line"><line x1="${n(x)}" y1="${n(y - 4)}" x2="${n(x + 40)}" y2="${n(y - 4)}" stroke="#444444" stroke-width="${l.width}"${dash(l.lineStyle)}/><text x="${n(x + 48)}" y="${n(y)}" font-size="12" ${halo}>${escapeXml(text)}</text></g>`,
    );
  }
  const sourcesText = input.sources.length ? `Sources: ${input.sources.join('; ')}` : 'Sources: none shown';
  const sourceLines = wrap(sourcesText, 12, width - 2 * PAD);
  const sourcesTop = ly + 28;
  const height = sourcesTop + sourceLines.length * 17 + PAD / 2;

  const edges = input.edges.map((e) => {
    // Dimmed (outside a highlighted path): the line fades, its label stays legible in a lighter ink.
    const opacity = e.faded ? ' opacity="0.3"' : '';
    const color = e.disputed ? '#8a1c1c' : LINE_INK;
    const path = `<path d="${edgePath(e)}" fill="none" stroke="${color}" stroke-width="${e.width}"${dash(e.lineStyle)} marker-end="url(#arrow)"${opacity}/>`;
    const label = edgeLabels.has(e.id)
      ? `<text class="edge-label" x="${n(e.mid.x)}" y="${n(e.mid.y)}" font-size="${EDGE_FONT}" text-anchor="middle" dominant-baseline="central" fill="${e.faded ? FADED_INK : EDGE_INK}" stroke="${HALO}" stroke-width="3" stroke-linejoin="round" paint-order="stroke">${escapeXml(e.label)}</text>`
      : '';
    return `<g class="edge" data-id="${escapeXml(e.id)}" data-type="${escapeXml(e.type)}">${path}${label}</g>`;
  });
  const nodeEls = nodes.map((v) => {
    const opacity = v.faded ? ' opacity="0.3"' : '';
    const stroke = v.selected ? '#CC3311' : '#ffffff';
    const shape = shapeElement(
      v.shape,
      v.x,
      v.y,
      v.w,
      v.h,
      `fill="${v.color}" stroke="${stroke}" stroke-width="${v.selected ? 4 : 1.5}"${opacity}`,
    );
    const lines = v.label.split('\n');
    // Dimmed nodes: the shape fades, the label stays legible in a lighter ink.
    const ink = v.faded ? halo.replace(LABEL_INK, FADED_INK) : halo;
    const at = names.get(v.id);
    const text = at
      ? `<text class="node-label" x="${n(at.x)}" y="${n(at.y)}" font-size="${NODE_FONT}" text-anchor="${at.anchor}" ${ink}>${lines
          .map(
            (line, i) => `<tspan x="${n(at.x)}" dy="${i === 0 ? 0 : NODE_LINE}">${escapeXml(line)}</tspan>`,
          )
          .join('')}</text>`
      : '';
    return `<g class="node" data-id="${escapeXml(v.id)}" data-kind="${escapeXml(v.kind)}" data-shape="${escapeXml(v.shape)}">${shape}${text}</g>`;
  });

  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}" font-family="${escapeXml(input.fontFamily)}">`,
    `<title>${escapeXml(input.title)}</title>`,
    `<style>${input.fontCss}</style>`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${LINE_INK}"/></marker></defs>`,
    `<rect class="background" x="0" y="0" width="${n(width)}" height="${n(height)}" fill="#ffffff"/>`,
    // Each line but the last keeps its space, so the title's text stays the title.
    `<text class="report-title" x="${PAD}" y="30" font-size="20" font-weight="bold" ${halo}>${titleLines
      .map(
        (line, i) =>
          `<tspan x="${PAD}" dy="${i === 0 ? 0 : TITLE_LINE}">${escapeXml(i < titleLines.length - 1 ? `${line} ` : line)}</tspan>`,
      )
      .join('')}</text>`,
    `<text class="report-date" x="${PAD}" y="${n(50 + titleDrop)}" font-size="12" ${halo}>${escapeXml(input.subtitle)}</text>`,
    `<g class="graph" transform="translate(${n(offsetX)},${n(offsetY)})">`,
    ...edges,
    ...nodeEls,
    `</g>`,
    `<line x1="${PAD}" y1="${n(legendTop)}" x2="${n(width - PAD)}" y2="${n(legendTop)}" stroke="#d8dce1"/>`,
    `<g class="legend">`,
    ...legendItems,
    `</g>`,
    `<text class="report-sources" x="${PAD}" y="${n(sourcesTop)}" font-size="12" ${halo}>${sourceLines
      .map((line, i) => `<tspan x="${PAD}" dy="${i === 0 ? 0 : 17}">${escapeXml(line)}</tspan>`)
      .join('')}</text>`,
    `</svg>`,
  ].join('\n');
  return { svg, width, height };
}
