// GraphFilter is applied by several Cypher files (neighbourhood hops, expansion preview, paths, export).
// Cypher has no functions of our own to share it, so each file spells the relationship predicate out; this
// test keeps every copy identical, so a filter can never mean one thing in the graph and another in an
// export. Changing the filter means changing every copy and the canonical text below together.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const CYPHER_DIR = path.resolve(import.meta.dirname, '../../cypher');

const RELATIONSHIP_FILTER = `($types IS NULL OR type(r) IN $types) AND r.certaintyRank >= $minRank
  AND ($occurredFrom IS NULL OR coalesce(r.occurredTo >= $occurredFrom, $includeUndated))
  AND ($occurredTo IS NULL OR coalesce(r.occurredFrom <= $occurredTo, $includeUndated))
  AND (($publishedFrom IS NULL AND $publishedTo IS NULL) OR any(d IN r.publishedDates
    WHERE ($publishedFrom IS NULL OR d >= $publishedFrom) AND ($publishedTo IS NULL OR d <= $publishedTo)))`;

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The statement without its header comments, on one line. */
function statementOf(file: string): string {
  const text = fs.readFileSync(path.join(CYPHER_DIR, file), 'utf8');
  return normalise(
    text
      .split('\n')
      .filter((line) => !line.trimStart().startsWith('//'))
      .join('\n'),
  );
}

const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

const filtered = fs
  .readdirSync(CYPHER_DIR)
  .filter((file) => file.endsWith('.cypher'))
  .filter((file) => statementOf(file).includes('$occurredFrom'));

describe('the GraphFilter predicate in Cypher', () => {
  it('is used by the files that take filter parameters', () => {
    expect(filtered).toEqual(
      expect.arrayContaining([
        'expansion-preview.cypher',
        'export-relationships.cypher',
        'find-neighborhood.cypher',
        'find-paths.cypher',
      ]),
    );
  });

  it.each(filtered)('%s spells it exactly like every other file, each time it filters', (file) => {
    const statement = statementOf(file);
    const copies = count(statement, normalise(RELATIONSHIP_FILTER));
    expect(copies).toBeGreaterThan(0);
    // Every mention of $occurredFrom belongs to a canonical copy: no hand-edited variant hides beside one.
    expect(count(statement, '$occurredFrom IS NULL')).toBe(copies);
  });
});
