// English relative and appositive clauses state background the article takes as known (issue 14): a
// claim inside one is CONFIRMED even when the sentence is hedged or reported. Written sentences.
import { describe, expect, it } from 'vitest';
import { propose } from '../../../server/graph/ingest/propose.ts';
import { gazetteer, source } from './sentences.ts';

const certainties = (text: string) => {
  const draft = propose({ text, source: { ...source, language: 'en' } }, gazetteer);
  const name = (key: string) => draft.entities.find((e) => e.key === key)!.name;
  return draft.claims.map((c) => `${name(c.fromKey)} ${c.type} ${name(c.toKey)} ${c.certainty}`).sort();
};

describe('background clauses', () => {
  it('a claim inside ", which …" or ", controlled by …" is confirmed; the hedged main clause is not', () => {
    expect(
      certainties('Samsung Electronics, which supplies Nvidia, may supply Apple, the people said.'),
    ).toEqual([
      'Samsung Electronics MAY_SUPPLY Apple SPECULATIVE',
      'Samsung Electronics SUPPLIES Nvidia CONFIRMED',
    ]);
    expect(
      certainties(
        'Reliance Jio, controlled by billionaire Mukesh Ambani, will sell the headset, the people said.',
      ),
    ).toEqual(['Mukesh Ambani CONTROLS Reliance Jio CONFIRMED']);
  });
});
