// GraphFilter is applied by several Cypher files (neighbourhood hops, expansion preview, paths, timeline,
// export). It is written once, in cypher/fragments/evidence-passes.cypher, and every query includes it
// through the loader, so a filter can never mean one thing in the graph and another in an export. This test
// keeps it that way: no query spells a filter parameter out by hand, and each filtering query includes it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CYPHER_DIR, expandIncludes, loadCypherCatalog, QUERY_NAMES } from '../../server/db/cypher.ts';

const FILTER_PARAMS = [
  '$occurredFrom',
  '$occurredTo',
  '$publishedFrom',
  '$publishedTo',
  '$minRank',
  '$minReliability',
  '$sourceIds',
];

const withoutComments = (text: string) =>
  text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n');

const queries = QUERY_NAMES.map((name) => ({
  name,
  text: fs.readFileSync(path.join(CYPHER_DIR, `${name}.cypher`), 'utf8'),
}));

describe('the GraphFilter predicate in Cypher', () => {
  it('is included by every query that answers a GraphFilter', () => {
    const including = queries
      .filter((q) => q.text.includes('// @include relationship-passes'))
      .map((q) => q.name);
    expect(including).toEqual(
      expect.arrayContaining([
        'expansion-preview',
        'export-relationships',
        'find-neighborhood',
        'find-paths',
        'timeline',
      ]),
    );
  });

  it.each(queries)('$name spells no filter parameter out by hand', ({ text }) => {
    const own = withoutComments(text);
    for (const param of FILTER_PARAMS) expect(own).not.toContain(param);
  });

  it('exists once: only the evidence-passes fragment reads the filter parameters', () => {
    const fragments = fs
      .readdirSync(path.join(CYPHER_DIR, 'fragments'))
      .filter((file) => file.endsWith('.cypher'));
    const readers = fragments.filter((file) => {
      const own = withoutComments(fs.readFileSync(path.join(CYPHER_DIR, 'fragments', file), 'utf8'));
      return FILTER_PARAMS.some((param) => own.includes(param));
    });
    expect(readers).toEqual(['evidence-passes.cypher']);
  });

  it('expands includes recursively and refuses a missing fragment', () => {
    const catalog = loadCypherCatalog();
    expect(catalog['find-neighborhood']).toContain('r.evRank[i] >= $minRank');
    expect(catalog['find-neighborhood']).not.toContain('@include');
    expect(() => expandIncludes('RETURN 1\n// @include no-such-fragment\n')).toThrow(/fragment missing/);
  });
});
