// The proposer on its own (no database): linking with particles and variants, near names kept apart,
// certainty from the hedging cue, attribution, event dates against the publication date, exact spans,
// determinism, and refusal of input that is no article.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../server/errors.ts';
import { resolveEventDate } from '../../../server/graph/ingest/event-date.ts';
import { certaintyOf } from '../../../server/graph/ingest/cues.ts';
import { buildGazetteer, findMentions } from '../../../server/graph/ingest/mentions.ts';
import { propose } from '../../../server/graph/ingest/propose.ts';
import { detectLanguage, extractArticle, splitSentences } from '../../../server/graph/ingest/text.ts';
import { seedGazetteer } from '../../../bench/ingest-eval.ts';

const gazetteer = seedGazetteer();
const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/ingest');
const source = (publishedAt = '2024-02-29') => ({ title: 't', publisher: 'Test Wire', publishedAt });
const linked = (text: string, language: 'ko' | 'en' = 'ko') =>
  findMentions(text, language, gazetteer).map((m) => [
    text.slice(m.start, m.end),
    m.entity?.id ?? `new:${m.kind}`,
  ]);

describe('mentions', () => {
  it('links Korean names with particles attached, and aliases', () => {
    expect(
      linked('삼성전자는 메타가 엔비디아의 H100을 샀다고 밝혔다. 이재용 회장과 조 윌리엄 사장도 왔다.'),
    ).toEqual([
      ['삼성전자', 'samsung-electronics'],
      ['메타', 'meta'],
      ['엔비디아의 H100', 'nvidia-h100'],
      ['이재용 회장', 'lee-jae-yong'],
      ['조 윌리엄', 'cho-joo-wan'],
    ]);
  });

  it('links English variants: corporate suffixes, initials, plural technology words', () => {
    expect(linked('Meta Platforms Inc. met Jay Y. Lee about AI chips and GPUs.', 'en')).toEqual([
      ['Meta Platforms', 'meta'],
      ['Jay Y. Lee', 'lee-jae-yong'],
      ['AI chips', 'ai-chips'],
      ['GPUs', 'ai-chips'],
    ]);
  });

  it('never confuses near names: HBM3E is not HBM3, H200 is not H100', () => {
    for (const [text, language] of [
      ['SK하이닉스는 HBM3E를, 삼성은 HBM3를 만든다. H200은 H100보다 빠르다.', 'ko'],
      ['SK Hynix makes HBM3E while Samsung makes HBM3; the H200 follows the H100.', 'en'],
    ] as const) {
      const mentions = findMentions(text, language, gazetteer);
      const of = (surface: string) => mentions.filter((m) => text.slice(m.start, m.end) === surface);
      expect(of('HBM3E').map((m) => m.entity)).toEqual([null]);
      expect(of('HBM3E')[0]!.kind).toBe('Technology');
      expect(of('HBM3').map((m) => m.entity?.id)).toEqual(['hbm3']);
      expect(of('H200').map((m) => m.entity)).toEqual([null]);
      expect(of('H100').map((m) => m.entity?.id)).toEqual(['nvidia-h100']);
    }
  });

  it('a short Latin alias links only when written the same way ("LG", not "lg")', () => {
    expect(linked('the lg of it; LG said', 'en')).toEqual([['LG', 'lg-electronics']]);
  });

  it('proposes new people before and after Korean titles', () => {
    const text = '곽노정 사장은 엔비디아 CEO 젠슨 황과 만났다.';
    expect(linked(text)).toEqual([
      ['곽노정', 'new:Person'],
      ['엔비디아', 'nvidia'],
      ['젠슨 황', 'new:Person'],
    ]);
  });
});

describe('certainty, attribution and dates', () => {
  it.each([
    ['두 사람은 만났다고 밝혔다.', 'ko', 'CONFIRMED', '밝혔'],
    ['두 사람은 만난 것으로 알려졌다.', 'ko', 'REPORTED', '알려졌'],
    ['로이터 통신은 두 회사가 만났다고 보도했다.', 'ko', 'REPORTED', '보도했'],
    ['업계에 따르면 두 회사가 만났다.', 'ko', 'REPORTED', '에 따르면'],
    ['공급할 가능성이 크다.', 'ko', 'SPECULATIVE', '가능성'],
    ['만날 것으로 보인다.', 'ko', 'SPECULATIVE', '것으로 보인다'],
    ['예상했던대로 그는 28일 LG전자를 찾아 회동한 것으로 알려졌다.', 'ko', 'REPORTED', '알려졌'],
    ['LG said the two met.', 'en', 'CONFIRMED', 'said'],
    ['The two reportedly met.', 'en', 'REPORTED', 'reportedly'],
    ['They met, according to people familiar with the matter.', 'en', 'REPORTED', 'according to'],
    // The unnamed sources of an earlier "people familiar with …" are still unnamed.
    ['Naver ordered H200 units, the people said.', 'en', 'REPORTED', 'the people said'],
    ['Samsung has sought H200 chips, one of the people said.', 'en', 'REPORTED', 'the people said'],
    ['Samsung may supply chips.', 'en', 'SPECULATIVE', 'may'],
    ['Samsung is expected to supply chips.', 'en', 'SPECULATIVE', 'is expected to'],
    ['Samsung supplies chips.', 'en', 'CONFIRMED', null],
  ] as const)('%s → %s', (sentence, language, certainty, cue) => {
    expect(certaintyOf(sentence, language)).toEqual({ certainty, cue });
  });

  it.each([
    ['19일 양산에 들어갔다', 'ko', '2024-03-20', '2024-03-19'],
    ['28일 만났다', 'ko', '2024-03-05', '2024-02-28'],
    ['오는 3일 출시한다', 'ko', '2024-02-29', '2024-03-03'],
    ['지난 2013년 방한했다', 'ko', '2024-02-29', '2013'],
    ['지난달 밝혔다', 'ko', '2024-03-05', '2024-02'],
    ['내년 상반기', 'ko', '2024-03-05', '2025'],
    ['2024년 3월 1일부터', 'ko', '2024-02-29', '2024-03-01'],
    ['met on Wednesday', 'en', '2024-02-29', '2024-02-28'],
    ['arrived on Tuesday', 'en', '2024-02-28', '2024-02-27'],
    ['began this month', 'en', '2024-03-27', '2024-03'],
    ['on March 19, the firm', 'en', '2024-03-27', '2024-03-19'],
    ['in 2013 he visited', 'en', '2024-03-27', '2013'],
  ] as const)('%s (published %s) → %s', (sentence, language, publishedAt, expected) => {
    expect(resolveEventDate(sentence, language, publishedAt)?.occurredAt).toBe(expected);
  });

  it('attributes quoted and reported claims to whoever the article cites', () => {
    const ko = propose(
      {
        text: '블룸버그 통신은 메타가 엔비디아의 H100을 대량으로 구매하고 있다고 보도했다.',
        source: source(),
      },
      gazetteer,
    );
    expect(ko.claims).toEqual([
      expect.objectContaining({
        fromKey: 'meta',
        type: 'BUYS',
        toKey: 'nvidia-h100',
        attributedTo: 'Bloomberg',
        certainty: 'REPORTED',
      }),
    ]);
    const en = propose(
      {
        text: 'Apple’s Vision Pro headset competes with the Quest, according to Counterpoint Research.',
        source: source(),
      },
      gazetteer,
    );
    // The possessive ("Apple’s Vision Pro") is the article's own background fact, not the firm's report.
    expect(en.claims).toHaveLength(2);
    expect(en.claims).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          fromKey: 'apple',
          type: 'PRODUCES',
          toKey: 'apple-vision-pro',
          attributedTo: 'Test Wire',
          certainty: 'CONFIRMED',
        }),
        expect.objectContaining({
          fromKey: 'apple-vision-pro',
          toKey: 'meta-quest',
          attributedTo: 'Counterpoint Research',
          certainty: 'REPORTED',
        }),
      ]),
    );
    const plain = propose(
      { text: 'Meta competes with OpenAI, Google and Microsoft.', source: source() },
      gazetteer,
    );
    expect(plain.claims.map((c) => [c.toKey, c.attributedTo]).sort()).toEqual([
      ['google', 'Test Wire'],
      ['microsoft', 'Test Wire'],
      ['openai', 'Test Wire'],
    ]);
  });

  it('a Korean meeting sentence: the pronoun is the last subject named, each object by its particle', () => {
    const text =
      '27일 늦게 서울에 도착한 저커버그는 바빴다.\n예상했던대로 그는 28일 LG전자를 찾아 조주완 사장을 만난데 이어 삼성전자 이재용 회장과도 회동, 논의한 것으로 알려졌다.';
    const p = propose({ text, source: source() }, gazetteer);
    const second = p.claims
      .filter((c) => c.span.start > 20)
      .map((c) => `${c.fromKey} ${c.type} ${c.toKey} ${c.certainty} ${c.occurredAt}`);
    expect(second).toEqual(
      expect.arrayContaining([
        'mark-zuckerberg VISITED lg-electronics REPORTED 2024-02-28',
        'mark-zuckerberg MET_WITH cho-joo-wan REPORTED 2024-02-28',
        'mark-zuckerberg MET_WITH lee-jae-yong REPORTED 2024-02-28',
        'lee-jae-yong CHAIRMAN_OF samsung-electronics CONFIRMED null',
      ]),
    );
  });
});

describe('the article', () => {
  it('detects Korean and English, and nothing for other languages', () => {
    expect(detectLanguage('삼성전자는 HBM3E를 양산한다고 밝혔다.')).toBe('ko');
    expect(detectLanguage('Samsung said it is the first to make the chips.')).toBe('en');
    expect(detectLanguage('Le groupe a annoncé une nouvelle puce pour les centres de données.')).toBeNull();
    expect(detectLanguage('サムスンは新しいチップを発表した。')).toBeNull();
  });

  it('splits sentences without breaking quotes ("…”라고 밝혔다") or initials ("Jay Y. Lee")', () => {
    const ko = '그는 “좋다.”라고 밝혔다. 다음 문장';
    expect(splitSentences(ko, 'ko').map((s) => s.text)).toEqual(['그는 “좋다.”라고 밝혔다.', '다음 문장']);
    const en = 'He met Jay Y. Lee on Feb. 28 in Seoul. Then he left.';
    expect(splitSentences(en, 'en').map((s) => s.text)).toEqual([
      'He met Jay Y. Lee on Feb. 28 in Seoul.',
      'Then he left.',
    ]);
  });

  it('extracts the body of a saved page without navigation, scripts or footers', () => {
    const html = `<html><head><title>T</title><script>var x = "tracking";</script></head><body>
      <nav>Home | Chips | Subscribe</nav><article><h1>Samsung races SK Hynix</h1>
      <p>${'Samsung Electronics said on Tuesday it has begun sampling its 12-layer HBM3E chips. '.repeat(4)}</p>
      <p>SK Hynix began mass production of HBM3E this month.</p></article><footer>All rights reserved</footer></body></html>`;
    const { text } = extractArticle(html);
    expect(text).toContain('SK Hynix began mass production of HBM3E this month.');
    expect(text).not.toMatch(/tracking|Subscribe|All rights reserved/);
  });

  // Proposes every committed article and a few hundred random texts: seconds on a loaded 2-core machine.
  it('quotes are always text.slice(span): every fixture, and any text at all', { timeout: 60_000 }, () => {
    for (const file of fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.txt'))) {
      const p = propose(
        { text: fs.readFileSync(path.join(FIXTURES, file), 'utf8'), source: source() },
        gazetteer,
      );
      expect(p.claims.length).toBeGreaterThan(0);
      for (const c of p.claims) expect(p.text.slice(c.span.start, c.span.end)).toBe(c.quote);
    }
    const words = fc.constantFrom(
      '삼성전자는 ',
      '메타와 ',
      'LG전자를 ',
      '만났다. ',
      'Samsung ',
      'met ',
      'Nvidia',
      '. ',
      '\n',
      '“',
      '”라고 밝혔다. ',
      'HBM3E를 ',
      '공급할 가능성이 있다. ',
    );
    fc.assert(
      fc.property(fc.array(words, { minLength: 2, maxLength: 40 }), (parts) => {
        const text = parts.join('');
        if (!detectLanguage(text)) return;
        const p = propose({ text, source: source() }, gazetteer);
        for (const c of p.claims) expect(text.slice(c.span.start, c.span.end)).toBe(c.quote);
        for (const e of p.entities) for (const m of e.mentions) expect(m.start).toBeLessThan(m.end);
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic: the same text, source and graph give the same proposal', () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'ko-lg-meta-xr.txt'), 'utf8');
    const again = buildGazetteer([...gazetteer.entities].reverse(), [...gazetteer.types]);
    expect(propose({ text, source: source() }, again)).toEqual(
      propose({ text, source: source() }, gazetteer),
    );
  });

  it.each([
    ['', /empty/],
    ['x'.repeat(200_001), /200,000/],
    ['\u0000\u0001binary', /binary/],
    ['<html><body><nav>Home</nav></body></html>', /no article body/],
    ['Le groupe a annoncé une nouvelle puce pour les centres de données.', /neither Korean nor English/],
  ])('refuses %#', (text, message) => {
    let error: unknown;
    try {
      propose({ text, source: source() }, gazetteer);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('BAD_USER_INPUT');
    expect((error as AppError).message).toMatch(message);
  });
});
