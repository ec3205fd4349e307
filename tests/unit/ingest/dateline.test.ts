// A dateline or byline at the top of an article says when and where it was filed: it is no event date
// of the claims in its sentence and no part of their quotes.
import { describe, expect, it } from 'vitest';
import { propose } from '../../../server/graph/ingest/propose.ts';
import { datelineLength, splitSentences } from '../../../server/graph/ingest/text.ts';
import { seedGazetteer } from '../../../bench/ingest-eval.ts';

const gazetteer = seedGazetteer();

describe('datelines', () => {
  it.each([
    ['[서울=뉴스1] 2024-02-27 LG전자는', '[서울=뉴스1] 2024-02-27 '],
    ['(서울=연합뉴스) 홍길동 기자 = LG전자는', '(서울=연합뉴스) 홍길동 기자 = '],
    ['[테크브리프 김하늘 기자] LG전자는', '[테크브리프 김하늘 기자] '],
    ['SEOUL, Feb 27 (Reuters) - LG said', 'SEOUL, Feb 27 (Reuters) - '],
    ['April 18 (Tech Wire) - Meta said', 'April 18 (Tech Wire) - '],
    ['LG전자는 27일 밝혔다.', ''],
    ['Samsung (the company) said', ''],
  ])('"%s" opens with the dateline "%s"', (line, dateline) => {
    expect(datelineLength(line)).toBe(dateline.length);
  });

  it('Korean: the dateline date is not the claim date, and the quote starts after it', () => {
    const text = 'LG전자, 메타와 협력\n\n[서울=뉴스1] 2024-02-27 LG전자는 메타와 협력한다고 밝혔다.';
    const draft = propose(
      { text, source: { title: 't', publisher: '뉴스1', publishedAt: '2024-02-29' } },
      gazetteer,
    );
    const claim = draft.claims.find((c) => c.quote.startsWith('LG전자는'))!;
    expect(claim.occurredAt).toBeNull();
    expect(claim.quote).toBe('LG전자는 메타와 협력한다고 밝혔다.');
    expect(text.slice(claim.span.start, claim.span.end)).toBe(claim.quote);
  });

  it('English: "SEOUL, Feb 27 (Reuters) -" is not the event date; a date in the sentence still is', () => {
    const text =
      'LG and Meta\n\nSEOUL, Feb 27 (Reuters) - LG Electronics partners with Meta.\n\nSEOUL, Feb 27 (Reuters) - Mark Zuckerberg met Cho Joo-wan on Wednesday.';
    const draft = propose(
      { text, source: { title: 't', publisher: 'Reuters', publishedAt: '2024-02-29', language: 'en' } },
      gazetteer,
    );
    expect(draft.claims.map((c) => [c.type, c.occurredAt, c.quote.slice(0, 5)])).toEqual([
      ['PARTNERS_WITH', null, 'LG El'],
      ['MET_WITH', '2024-02-28', 'Mark '],
    ]);
  });

  it('a dateline is cut only at the start of a line', () => {
    expect(splitSentences('LG said [서울=뉴스1] it met Meta.', 'en').map((s) => s.text)).toEqual([
      'LG said [서울=뉴스1] it met Meta.',
    ]);
  });
});
