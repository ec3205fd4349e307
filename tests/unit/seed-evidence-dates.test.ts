// The seed at evidence level: every quote carries the date of the occasion it is about, and the
// relationships whose evidence spans several occasions are listed here with the article's own words for
// each date. With the (copyrighted, not committed) article present, each quote is found in the article
// and its sentence names the occasion the quote is dated to.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readImportFile } from '../../server/graph/import/parse.ts';
import { parseOccurredAt } from '../../shared/dates.ts';

const SEED = path.resolve(import.meta.dirname, '../../seeds/apple-economy-2024-02-29-zuckerberg-seoul.json');
const ARTICLE = path.resolve(import.meta.dirname, '../../../shared/seed/000_7f3208e37ee62be8.txt');
const doc = readImportFile(SEED);

/** The article's words that date a sentence to each occasion the seed uses across relationships. */
const DATE_CUES: Record<string, RegExp> = {
  '2013/2014': /2013년과 2014년/,
  '2024-02-27': /27일/,
  '2024-02-28': /28일|이날|같은 날/,
};

const occasions = (r: (typeof doc.relationships)[number]) =>
  [...new Set(r.evidence.map((e) => e.occurredAt ?? null))].filter((d): d is string => d !== null);

const multiOccasion = doc.relationships.filter((r) => occasions(r).length > 1);

describe('the seed at evidence level', () => {
  it('dates every quote with a valid event date or leaves it undated, never at relationship level', () => {
    for (const r of doc.relationships) {
      expect(r.occurredAt ?? null).toBeNull();
      for (const e of r.evidence) if (e.occurredAt) expect(parseOccurredAt(e.occurredAt)).not.toBeNull();
    }
  });

  it('lists the relationships whose evidence is about several occasions', () => {
    expect(
      multiOccasion.map((r) => `${r.from}:${r.type}:${r.to} ${occasions(r).sort().join(' + ')}`),
    ).toEqual([
      'mark-zuckerberg:VISITED:seoul 2013/2014 + 2024-02-27',
      'meta-lg-meeting-2024-02-28:TOOK_PLACE_IN:seoul 2024-02-27 + 2024-02-28',
      'mark-zuckerberg:MET_WITH:lee-jae-yong 2013/2014 + 2024-02-28',
    ]);
    for (const r of multiOccasion)
      for (const d of occasions(r)) expect(Object.keys(DATE_CUES), `${d} needs a cue`).toContain(d);
  });

  it('grades the 2024 meeting with Lee Jae-yong as reported and the 2013/2014 meetings as confirmed', () => {
    const meeting = doc.relationships.find(
      (r) => r.from === 'mark-zuckerberg' && r.type === 'MET_WITH' && r.to === 'lee-jae-yong',
    )!;
    expect(meeting.evidence.map((e) => [e.occurredAt, e.certainty])).toEqual([
      ['2024-02-28', 'REPORTED'],
      ['2013/2014', 'CONFIRMED'],
    ]);
  });

  const article = fs.existsSync(ARTICLE) ? fs.readFileSync(ARTICLE, 'utf8') : null;
  it.skipIf(article === null)(
    `each quote of those relationships sits in an article sentence that names its date (needs ${ARTICLE}; skipped when the copyrighted article is absent)`,
    () => {
      const sentences = article!.split(/(?<=[.?!])\s+|\n+/);
      for (const r of multiOccasion)
        for (const e of r.evidence) {
          const sentence = sentences.find((s) => s.includes(e.quote));
          expect(sentence, `"${e.quote}" is in the article`).toBeDefined();
          expect(sentence, `"${e.quote}" is dated ${e.occurredAt}`).toMatch(DATE_CUES[e.occurredAt!]!);
        }
    },
  );
  if (article === null)
    console.warn(
      `seed-evidence-dates: article check skipped: ${ARTICLE} is not here (it is not in the repository)`,
    );
});
