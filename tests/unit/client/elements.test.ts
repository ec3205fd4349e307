import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { canvasLabel, edgeElement, nodeLabel, toElements } from '../../../client/src/graph-view/elements.ts';
import { buildStylesheet, type DetailScale } from '../../../client/src/graph-view/stylesheet.ts';
import { KIND_STYLES } from '../../../client/src/graph-view/palette.ts';
import { entity, rel } from './builders.ts';

const zuck = entity('mark-zuckerberg', { kind: 'Person', name: 'Mark Zuckerberg', nameKo: '마크 저커버그' });
const meta = entity('meta', { name: 'Meta', nameKo: '메타' });
const options = { labelMode: 'both' as const, highlight: null, pinned: [], expanded: [] };

describe('element mapping', () => {
  it('maps a subgraph 1:1 onto cytoscape elements that a headless core accepts', () => {
    const graph = {
      nodes: [zuck, meta],
      edges: [
        rel('mark-zuckerberg', 'CEO_OF', 'meta'),
        rel('mark-zuckerberg', 'MET_WITH', 'meta', { certainty: 'SPECULATIVE' }),
      ],
    };
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      style: buildStylesheet(),
      elements: toElements(graph, options),
    });
    expect(
      cy
        .nodes()
        .map((n) => n.id())
        .sort(),
    ).toEqual(['mark-zuckerberg', 'meta']);
    expect(cy.edges()).toHaveLength(2);
    const edge = cy.getElementById('mark-zuckerberg:MET_WITH:meta');
    expect(edge.source().id()).toBe('mark-zuckerberg');
    expect(edge.target().id()).toBe('meta');
    expect(edge.data('lineStyle')).toBe('dotted');
    expect(edge.style('line-style')).toBe('dotted');
    expect(cy.getElementById('mark-zuckerberg:CEO_OF:meta').style('line-style')).toBe('solid');
    expect(cy.getElementById('meta').style('shape')).toBe(KIND_STYLES.Organization?.shape);
    expect(cy.getElementById('mark-zuckerberg').style('background-color')).not.toBe(
      cy.getElementById('meta').style('background-color'),
    );
    cy.destroy();
  });

  it('draws labels and shapes larger by the zoom-out scale in the same rules, never in appended ones', () => {
    const elements = toElements(
      { nodes: [zuck, meta], edges: [rel('mark-zuckerberg', 'CEO_OF', 'meta')] },
      options,
    );
    const drawn = (scale?: DetailScale) => {
      const style = buildStylesheet({ scale });
      const cy = cytoscape({ headless: true, styleEnabled: true, style, elements });
      const sizes = {
        rules: style.length,
        node: cy.getElementById('meta').style('font-size'),
        edge: cy.getElementById('mark-zuckerberg:CEO_OF:meta').style('font-size'),
        width: cy.getElementById('meta').style('text-max-width'),
        side: cy.getElementById('meta').style('width'),
      };
      cy.destroy();
      return sizes;
    };
    expect(drawn()).toMatchObject({ node: '11px', edge: '9px', width: '130px', side: '30px' });
    expect(drawn({ label: 2, edgeLabel: 3, shape: 1.5 })).toEqual({
      rules: drawn().rules,
      node: '22px',
      edge: '27px',
      width: '260px',
      side: '45px',
    });
  });

  it('labels follow the label mode', () => {
    expect(nodeLabel(zuck, 'en')).toBe('Mark Zuckerberg');
    expect(nodeLabel(zuck, 'ko')).toBe('마크 저커버그');
    expect(nodeLabel(zuck, 'both')).toBe('Mark Zuckerberg\n마크 저커버그');
    expect(nodeLabel(entity('x', { name: 'X', nameKo: null }), 'ko')).toBe('X');
  });

  it('encodes certainty as line style and width, strongest widest', () => {
    const widths = (['CONFIRMED', 'REPORTED', 'SPECULATIVE'] as const).map((certainty) => {
      const el = edgeElement(rel('a', 'T', 'b', { certainty }), options);
      return [el.data.lineStyle, el.data.width];
    });
    expect(widths.map(([s]) => s)).toEqual(['solid', 'dashed', 'dotted']);
    expect(Number(widths[0]?.[1])).toBeGreaterThan(Number(widths[2]?.[1]));
  });

  it('marks highlighted, pinned and expanded nodes with classes', () => {
    const [node] = toElements(
      { nodes: [meta], edges: [] },
      {
        labelMode: 'en',
        highlight: { nodeIds: ['meta'], edgeIds: [] },
        pinned: ['meta'],
        expanded: ['meta'],
      },
    );
    expect(node?.classes).toContain('highlighted');
    expect(node?.classes).toContain('pinned');
    expect(node?.classes).toContain('expanded');
  });

  it('keeps user text as data, never as markup', () => {
    const evil = entity('x', { name: '<img src=x onerror=alert(1)>' });
    const [node] = toElements({ nodes: [evil], edges: [] }, { ...options, labelMode: 'en' });
    expect(node?.data.label).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('canvasLabel', () => {
  it('cuts each line of a long name to the label width, and leaves short ones whole', () => {
    expect(canvasLabel('Samsung Electronics\n삼성전자')).toBe('Samsung Electronics\n삼성전자');
    const cut = canvasLabel(
      'Celebrities from business, tech and entertainment\n비즈니스, 기술, 엔터테인먼트 분야의 유명 인사들',
    );
    const [en, ko] = cut.split('\n');
    expect(en).toMatch(/^Celebrities from.*…$/);
    expect(ko).toMatch(/^비즈니스.*…$/);
    expect(cut.split('\n')).toHaveLength(2);
    expect(ko?.length).toBeLessThan('비즈니스, 기술, 엔터테인먼트 분야의 유명 인사들'.length);
  });
});
