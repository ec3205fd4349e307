import { describe, expect, it } from 'vitest';
import { buildReportSvg, shapeElement, textWidth } from '../../../client/src/graph-view/report-svg.ts';
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

  it('lays labels out so none overlaps: every name drawn (moved if need be), colliding relationship labels left out', () => {
    const node = (id: string, x: number, y: number, label: string, w = 30) => ({
      id,
      kind: 'Organization',
      x,
      y,
      w,
      h: w,
      shape: 'round-rectangle',
      color: '#0072B2',
      label,
    });
    // Two hubs 200 apart with six parallel relationships between them (labels at nearly one spot), and
    // a third entity right under the first, where its name would be drawn.
    const nodes = [
      node('meta', 0, 0, 'Meta\n메타', 60),
      node('samsung', 200, 0, 'Samsung Electronics\n삼성전자'),
      node('under', 0, 52, 'Quest'),
    ];
    const edges = Array.from({ length: 6 }, (_, i) => ({
      id: `e${i}`,
      type: 'T',
      from: { x: 30, y: 0 },
      to: { x: 185, y: 0 },
      controls: [{ x: 107, y: (i - 2.5) * 8 }],
      mid: { x: 107, y: (i - 2.5) * 4 },
      label: `relationship ${i}`,
      lineStyle: 'solid' as const,
      width: 1,
    }));
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
    });
    const boxes = [
      ...svg.matchAll(
        /<text class="(node|edge)-label" x="([-\d.]+)" y="([-\d.]+)" font-size="(\d+)" text-anchor="(\w+)"[^>]*>(.*?)<\/text>/g,
      ),
    ].map(([, what, x, y, size, anchor, body]) => {
      const lines = [...body!.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]!);
      const texts = lines.length ? lines : [body!];
      const w = Math.max(...texts.map((t) => textWidth(t, Number(size))));
      const left = anchor === 'middle' ? Number(x) - w / 2 : anchor === 'end' ? Number(x) - w : Number(x);
      const top = what === 'edge' ? Number(y) - Number(size) / 2 : Number(y) - Number(size);
      return {
        text: texts.join(' '),
        x1: left,
        x2: left + w,
        y1: top,
        y2: top + 14 * (texts.length - 1) + Number(size),
      };
    });
    for (const name of ['Meta 메타', 'Samsung Electronics 삼성전자', 'Quest'])
      expect(boxes.map((b) => b.text)).toContain(name);
    const edgeLabels = boxes.filter((b) => b.text.startsWith('relationship'));
    expect(edgeLabels.length).toBeGreaterThan(0);
    expect(edgeLabels.length).toBeLessThan(6);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        expect(a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2, `${a.text} / ${b.text}`).toBe(false);
      }
  });
});
