// A report-ready SVG of the canvas, written from the graph model (not from the renderer): every node
// shape, dark labels on a white halo, a title, the date, a legend and a "Sources: …" line. Pure: it takes
// plain positions and styles, so it is unit-tested without a browser. The PNG export rasterises it.
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

function wrap(text: string, size: number, width: number): string[] {
  const words = text.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, size) > width) {
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

const halo = `fill="${LABEL_INK}" stroke="${HALO}" stroke-width="3.5" stroke-linejoin="round" paint-order="stroke"`;

export function buildReportSvg(input: ReportSvgInput): { svg: string; width: number; height: number } {
  const nodes = input.nodes;
  const xs = nodes.flatMap((v) => [v.x - Math.max(v.w, 130) / 2, v.x + Math.max(v.w, 130) / 2]);
  const ys = nodes.flatMap((v) => [v.y - v.h / 2, v.y + v.h / 2 + 34]);
  const minX = xs.length ? Math.min(...xs) : 0;
  const maxX = xs.length ? Math.max(...xs) : 400;
  const minY = ys.length ? Math.min(...ys) : 0;
  const maxY = ys.length ? Math.max(...ys) : 200;
  const graphW = maxX - minX;
  const graphH = maxY - minY;
  const width = Math.max(graphW + 2 * PAD, 760);
  const headerH = 64;
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

  const showEdgeLabels = input.edges.length <= (input.maxEdgeLabels ?? 150);
  const edges = input.edges.map((e) => {
    // Dimmed (outside a highlighted path): the line fades, its label stays legible in a lighter ink.
    const opacity = e.faded ? ' opacity="0.3"' : '';
    const color = e.disputed ? '#8a1c1c' : LINE_INK;
    const path = `<path d="${edgePath(e)}" fill="none" stroke="${color}" stroke-width="${e.width}"${dash(e.lineStyle)} marker-end="url(#arrow)"${opacity}/>`;
    const label =
      showEdgeLabels && e.label
        ? `<text class="edge-label" x="${n(e.mid.x)}" y="${n(e.mid.y)}" font-size="9" text-anchor="middle" dominant-baseline="central" fill="${e.faded ? FADED_INK : EDGE_INK}" stroke="${HALO}" stroke-width="3" stroke-linejoin="round" paint-order="stroke">${escapeXml(e.label)}</text>`
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
    const text = `<text class="node-label" x="${n(v.x)}" y="${n(v.y + v.h / 2 + 14)}" font-size="11" text-anchor="middle" ${ink}>${lines
      .map((line, i) => `<tspan x="${n(v.x)}" dy="${i === 0 ? 0 : 14}">${escapeXml(line)}</tspan>`)
      .join('')}</text>`;
    return `<g class="node" data-id="${escapeXml(v.id)}" data-kind="${escapeXml(v.kind)}" data-shape="${escapeXml(v.shape)}">${shape}${text}</g>`;
  });

  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}" font-family="${escapeXml(input.fontFamily)}">`,
    `<title>${escapeXml(input.title)}</title>`,
    `<style>${input.fontCss}</style>`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${LINE_INK}"/></marker></defs>`,
    `<rect class="background" x="0" y="0" width="${n(width)}" height="${n(height)}" fill="#ffffff"/>`,
    `<text class="report-title" x="${PAD}" y="30" font-size="20" font-weight="bold" ${halo}>${escapeXml(input.title)}</text>`,
    `<text class="report-date" x="${PAD}" y="50" font-size="12" ${halo}>${escapeXml(input.subtitle)}</text>`,
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
