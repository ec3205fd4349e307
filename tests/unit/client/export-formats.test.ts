import { describe, expect, it } from 'vitest';
import { sourceLine, toCitations } from '../../../client/src/state/export-formats.ts';
import { entity, quotedRel } from './builders.ts';

const graph = {
  nodes: [entity('a', { name: 'A & "B" <C>', nameKo: '삼성' }), entity('b', { name: '=HYPERLINK("x")' })],
  edges: [quotedRel('a', 'MET_WITH', 'b')],
};

// GraphML and the CSVs are the server's (tests/integration/export.test.ts, view exports).
describe('exports', () => {
  it('citations say who said what, where and when, in names', () => {
    const text = toCitations(graph);
    expect(text).toContain('애플경제, 전윤미 · published 2024-02-29 · “기사”');
    expect(text).toContain(
      'Apple Economy states as fact that A & "B" <C> met with =HYPERLINK("x"): “인용” — “a quote”',
    );
    expect(text).not.toContain('MET_WITH');
  });

  it('the sources line names each source once', () => {
    const g = { ...graph, edges: [quotedRel('a', 'MET_WITH', 'b'), quotedRel('b', 'OWNS', 'a')] };
    expect(sourceLine(g)).toEqual(['애플경제, 2024-02-29']);
  });
});
