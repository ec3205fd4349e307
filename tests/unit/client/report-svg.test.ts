import { describe, expect, it } from 'vitest';
import {
  buildReportSvg,
  layoutLabels,
  shapeElement,
  textWidth,
  type Box,
  type SvgEdge,
  type SvgNode,
} from '../../../client/src/graph-view/report-svg.ts';
import { KIND_STYLES } from '../../../client/src/graph-view/palette.ts';

describe('report SVG', () => {
  it('draws every palette shape as an SVG element', () => {
    for (const style of Object.values(KIND_STYLES))
      expect(shapeElement(style.shape, 0, 0, 30, 30, 'fill="#000"')).toMatch(/^<(polygon|rect|ellipse) /);
  });

  it('holds nodes, escaped labels, title, date, legend and sources', () => {
    const { svg } = buildReportSvg({
      title: 'A <title>',
      subtitle: 'Exported 2024-03-01',
      sources: ['애플경제, 2024-02-29'],
      nodes: [
        {
          id: 'a',
          kind: 'Person',
          x: 0,
          y: 0,
          w: 30,
          h: 30,
          shape: 'ellipse',
          color: '#E69F00',
          label: 'Mark\n마크',
        },
        {
          id: 'b',
          kind: 'Place',
          x: 200,
          y: 0,
          w: 30,
          h: 30,
          shape: 'round-triangle',
          color: '#F0E442',
          label: 'Seoul',
        },
      ],
      edges: [
        {
          id: 'a:VISITED:b',
          type: 'VISITED',
          from: { x: 15, y: 0 },
          to: { x: 185, y: 0 },
          controls: [{ x: 100, y: 30 }],
          mid: { x: 100, y: 15 },
          label: 'visited',
          lineStyle: 'dashed',
          width: 2,
        },
      ],
      kinds: [{ kind: 'Person', shape: 'ellipse', color: '#E69F00' }],
      lines: [{ label: 'Reported', lineStyle: 'dashed', width: 2, description: 'attributed' }],
      fontCss: '',
      fontFamily: 'sans-serif',
    });
    expect(svg).toContain('A &lt;title&gt;');
    expect(svg.match(/<g class="node"/g)).toHaveLength(2);
    expect(svg).toContain('<polygon');
    expect(svg).toContain('<ellipse');
    expect(svg).toContain(' Q100,30 ');
    expect(svg).toContain('stroke-dasharray="7 4"');
    expect(svg).toContain('<tspan x="0" dy="14">마크</tspan>');
    expect(svg).toContain('Sources: 애플경제, 2024-02-29');
    expect(svg).toContain('class="legend-kind" data-kind="Person"');
  });

  it('colour by a property: the legend says what each colour stands for', () => {
    const { svg } = buildReportSvg({
      title: 'T',
      subtitle: 'S',
      sources: [],
      nodes: [],
      edges: [],
      kinds: [{ kind: 'Person', shape: 'ellipse', color: '#ffffff' }],
      lines: [],
      colors: {
        property: 'country',
        entries: [
          { label: 'KR (2)', color: '#0072B2' },
          { label: 'no country (1)', color: '#8c8c8c' },
        ],
      },
      fontCss: '',
      fontFamily: 'sans-serif',
    });
    expect(svg).toContain('Colour: country');
    expect(svg).toMatch(
      /<g class="legend-colour" data-color="#0072B2"><rect [^>]*fill="#0072B2"[^>]*\/><text [^>]*>KR \(2\)<\/text>/,
    );
    expect(svg).toContain('no country (1)');
  });

  it('wraps a long title to the report width instead of running it off the edge', () => {
    const title = `Linkage: ${Array.from({ length: 12 }, (_, i) => `Entity number ${i}`).join(', ')}`;
    const { svg, width } = buildReportSvg({
      title,
      subtitle: 'Exported 2024-03-01',
      sources: [],
      nodes: [],
      edges: [],
      kinds: [],
      lines: [],
      fontCss: '',
      fontFamily: 'sans-serif',
    });
    const lines = [
      ...(/<text class="report-title"[^>]*>(.*?)<\/text>/.exec(svg)?.[1] ?? '').matchAll(
        /<tspan[^>]*>([^<]*)<\/tspan>/g,
      ),
    ].map((m) => m[1]!);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe(title);
    for (const line of lines) expect(textWidth(line.trim(), 20) * 1.1).toBeLessThanOrEqual(width - 80);
  });

  describe('label placement', () => {
    const node = (id: string, x: number, y: number, label: string, over: Partial<SvgNode> = {}): SvgNode => ({
      id,
      kind: 'Organization',
      x,
      y,
      w: 30,
      h: 30,
      shape: 'round-rectangle',
      color: '#0072B2',
      label,
      ...over,
    });
    const edge = (id: string, mid: { x: number; y: number }, label: string): SvgEdge => ({
      id,
      type: 'T',
      from: { x: mid.x - 80, y: mid.y },
      to: { x: mid.x + 80, y: mid.y },
      controls: [],
      mid,
      label,
      lineStyle: 'solid',
      width: 1,
    });
    const intersect = (a: Box, b: Box) =>
      a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY;
    const allBoxes = (placed: ReturnType<typeof layoutLabels>) => [
      ...[...placed.names].map(([id, p]) => ({ id, box: p.box })),
      ...[...placed.edgeLabels].map(([id, box]) => ({ id, box })),
    ];
    const collisions = (placed: ReturnType<typeof layoutLabels>) => {
      const boxes = allBoxes(placed);
      const found: string[] = [];
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++)
          if (intersect(boxes[i]!.box, boxes[j]!.box)) found.push(`${boxes[i]!.id} / ${boxes[j]!.id}`);
      return found;
    };

    it('moves a name off another (below, else above or beside its shape) and leaves out colliding relationship labels', () => {
      // Two hubs with six parallel relationships between them (labels at nearly one spot), and a third
      // entity right under the first, where its name would be drawn.
      const nodes = [
        node('meta', 0, 0, 'Meta\n메타', { w: 60, h: 60, size: 60 }),
        node('samsung', 200, 0, 'Samsung Electronics\n삼성전자', { size: 30 }),
        node('under', 0, 52, 'Quest'),
      ];
      const edges = Array.from({ length: 6 }, (_, i) =>
        edge(`e${i}`, { x: 107, y: (i - 2.5) * 4 }, `relationship ${i}`),
      );
      const placed = layoutLabels(nodes, edges);
      expect([...placed.names.keys()].sort()).toEqual(['meta', 'samsung', 'under']);
      // Meta's name (placed first, the biggest) moves above its shape, off Quest's shape below it.
      const under = { minX: -15, minY: 37, maxX: 15, maxY: 67 };
      expect(intersect(placed.names.get('meta')!.box, under)).toBe(false);
      expect(placed.edgeLabels.size).toBeGreaterThan(0);
      expect(placed.edgeLabels.size).toBeLessThan(6);
      expect(collisions(placed)).toEqual([]);
    });

    it('where not every name fits, leaves out the least important (selection, size, expanded, degree)', () => {
      // Six entities drawn at one spot with long names: around one shape there is room for a few names
      // only (below, above, right, left), so the others are left out, never drawn over a placed one.
      const at = (id: string, over: Partial<SvgNode>) => node(id, 0, 0, `A rather long name for ${id}`, over);
      const nodes = [
        at('leaf', { degree: 1 }),
        at('hub', { degree: 9 }),
        at('picked', { selected: true }),
        at('expanded', { kept: true }),
        at('small-size', { size: 10 }),
        at('big-size', { size: 50 }),
      ];
      const placed = layoutLabels(nodes, []);
      expect(collisions(placed)).toEqual([]);
      expect(placed.names.size).toBeGreaterThanOrEqual(2);
      expect(placed.names.size).toBeLessThan(nodes.length);
      const ranked = ['picked', 'big-size', 'small-size', 'expanded', 'hub', 'leaf'];
      expect([...placed.names.keys()]).toEqual(ranked.slice(0, placed.names.size));
    });

    it('never draws two labels on one another in a dense graph, and gives the same answer for any input order', () => {
      // A 12 × 8 grid of entities 40 apart with long names, relationships between neighbours.
      const nodes: SvgNode[] = [];
      const edges: SvgEdge[] = [];
      for (let i = 0; i < 96; i++) {
        const [x, y] = [(i % 12) * 40, Math.floor(i / 12) * 40];
        nodes.push(
          node(`n${i}`, x, y, `Entity number ${i}\n엔티티 ${i}`, { size: (i * 7) % 11, degree: i % 4 }),
        );
        if (i % 12) edges.push(edge(`e${i}`, { x: x - 20, y }, `RELATED_TO ${i}`));
      }
      const placed = layoutLabels(nodes, edges, textWidth);
      expect(collisions(placed)).toEqual([]);
      expect(placed.names.size).toBeGreaterThan(10);
      const reversed = layoutLabels([...nodes].reverse(), [...edges].reverse(), textWidth);
      expect([...reversed.names.keys()].sort()).toEqual([...placed.names.keys()].sort());
      expect([...reversed.edgeLabels.keys()].sort()).toEqual([...placed.edgeLabels.keys()].sort());
      // What the SVG draws is what was placed: one node-label per placed name.
      const { svg } = buildReportSvg({
        title: 'T',
        subtitle: 'S',
        sources: [],
        nodes,
        edges,
        kinds: [],
        lines: [],
        fontCss: '',
        fontFamily: 'sans-serif',
        measure: textWidth,
      });
      expect(svg.match(/class="node-label"/g)?.length).toBe(placed.names.size);
      expect(svg.match(/class="edge-label"/g)?.length ?? 0).toBe(placed.edgeLabels.size);
    });
  });
});
