import { describe, expect, it } from 'vitest';
import { buildReportSvg, shapeElement } from '../../../client/src/graph-view/report-svg.ts';
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
});
