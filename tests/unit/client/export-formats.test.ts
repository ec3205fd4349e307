import { describe, expect, it } from 'vitest';
import {
  sourceLine,
  toCitations,
  toEdgesCsv,
  toGraphML,
  toNodesCsv,
} from '../../../client/src/state/export-formats.ts';
import { entity, evidence, rel } from './builders.ts';

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
  });

  it('the edges CSV has one row per quote, with names, the quote, its translation and the source', () => {
    const two = {
      ...graph,
      edges: [
        rel('a', 'MET_WITH', 'b', {
          evidence: [evidence(), evidence({ id: 'ev-2', quote: '두 번째', translation: 'second' })],
        }),
      ],
    };
    const rows = toEdgesCsv(two).trim().split('\r\n');
    expect(rows[0]).toContain('"fromName","type","to","toName"');
    expect(rows[0]).toContain('"quote","translation","attributedTo"');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toContain('"a:MET_WITH:b","a","A & ""B"" <C>","MET_WITH","b"');
    expect(rows[1]).toContain('"인용","a quote","Apple Economy","CONFIRMED"');
    expect(rows[2]).toContain('"두 번째","second"');
  });

  it('citations say who said what, where and when, in names', () => {
    const text = toCitations(graph);
    expect(text).toContain('애플경제, 전윤미 · published 2024-02-29 · “기사”');
    expect(text).toContain(
      'Apple Economy states as fact that A & "B" <C> met with =HYPERLINK("x"): “인용” — “a quote”',
    );
    expect(text).not.toContain('MET_WITH');
  });

  it('the sources line names each source once', () => {
    const g = { ...graph, edges: [rel('a', 'MET_WITH', 'b'), rel('b', 'OWNS', 'a')] };
    expect(sourceLine(g)).toEqual(['애플경제, 2024-02-29']);
  });
});
