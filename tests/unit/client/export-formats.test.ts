import { describe, expect, it } from 'vitest';
import { toCitations, toEdgesCsv, toGraphML, toNodesCsv } from '../../../client/src/state/export-formats.ts';
import { entity, rel } from './builders.ts';

const graph = {
  nodes: [entity('a', { name: 'A & "B" <C>', nameKo: '삼성' }), entity('b', { name: '=HYPERLINK("x")' })],
  edges: [rel('a', 'MET_WITH', 'b')],
};

describe('exports', () => {
  it('GraphML escapes user text and lists every node and edge', () => {
    const xml = toGraphML(graph);
    expect(xml).toContain('A &amp; &quot;B&quot; &lt;C&gt;');
    expect(xml.match(/<node /g)).toHaveLength(2);
    expect(xml.match(/<edge /g)).toHaveLength(1);
    expect(xml).not.toContain('<C>');
  });

  it('CSV quotes cells and neutralises formulas', () => {
    const csv = toNodesCsv(graph);
    expect(csv.split('\r\n')[0]).toBe('"id","kind","name","nameKo","aliases","occurredAt","description"');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(toEdgesCsv(graph)).toContain('"a:MET_WITH:b","a","MET_WITH","b","CONFIRMED"');
  });

  it('citations group evidence by source', () => {
    const text = toCitations(graph);
    expect(text).toContain('애플경제');
    expect(text).toContain('“인용” — a quote');
  });
});
