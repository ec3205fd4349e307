// General causes of misses on unseen articles (issue 14, fifth round): sentence-initial names, dotted
// initials, names found once and written again, bylines, choosing a partner, supply talks, and the
// certainty of a reported plan. Written sentences, not the eval's articles.
import { describe, expect, it } from 'vitest';
import { certaintyOf } from '../../../server/graph/ingest/cues.ts';
import { splitSentences } from '../../../server/graph/ingest/text.ts';
import { claims, mentions } from './sentences.ts';

describe('English names', () => {
  it('a capitalised word opening a sentence is a name unless it is a common English word', () => {
    expect(mentions('Broadcom may also supply chips to Apple.', 'en')).toEqual([
      ['Broadcom', 'new:Organization'],
      ['Apple', 'apple'],
    ]);
    expect(mentions('Analysts expect Apple to grow. Shares rose.', 'en')).toEqual([['Apple', 'apple']]);
  });

  it('a common word opening a sentence is a name when the article capitalises it elsewhere', () => {
    expect(mentions('Sony supplies Harbor. Harbor makes chips.', 'en')).toEqual([
      ['Sony', 'new:Organization'],
      ['Harbor', 'new:Organization'],
      ['Harbor', 'new:Organization'],
    ]);
  });

  it('initials with periods are part of the name, and end no sentence', () => {
    expect(mentions('Apple met Nvidia CEO J.H. Kim in Seoul.', 'en')).toContainEqual([
      'J.H. Kim',
      'new:Person',
    ]);
    const text = 'Nvidia Chairman J.H. Kim spoke. Apple listened.';
    expect(splitSentences(text, 'en').map((s) => s.text)).toEqual([
      'Nvidia Chairman J.H. Kim spoke.',
      'Apple listened.',
    ]);
    expect(claims(text, 'en')).toEqual(['J.H. Kim CHAIRMAN_OF Nvidia']);
  });
});

describe('Korean names found once', () => {
  it('a new name is found again at every later mention, particles stripped', () => {
    expect(mentions('업계에 따르면 브로드컴은 애플에 칩을 공급한다. 애플과 브로드컴의 협력은 길다.')).toEqual(
      [
        ['브로드컴', 'new:Organization'],
        ['애플', 'apple'],
        ['애플', 'apple'],
        ['브로드컴', 'new:Organization'],
      ],
    );
  });

  it('a word followed by more than particles is not the name again', () => {
    expect(mentions('업계에 따르면 브로드컴은 성장했다. 애플은 브로드컴스를 샀다.')).toEqual([
      ['브로드컴', 'new:Organization'],
      ['애플', 'apple'],
    ]);
  });

  it('the word before the reporter in a byline is the outlet', () => {
    expect(mentions('[칩타임스 최유진 기자] 애플은 성장했다.')).toEqual([
      ['칩타임스', 'new:Organization'],
      ['최유진', 'new:Person'],
      ['애플', 'apple'],
    ]);
  });
});

describe('claim cues', () => {
  it('choosing a partner: "has chosen X to make", "tapped X for", "X를 선택했다"', () => {
    expect(claims('Apple has chosen Samsung Electronics to make its modem, sources said.', 'en')).toEqual([
      'Apple PARTNERS_WITH Samsung Electronics',
    ]);
    expect(claims('Apple tapped Nvidia for its servers.', 'en')).toEqual(['Apple PARTNERS_WITH Nvidia']);
    expect(claims('Apple chose to wait, Nvidia said.', 'en')).toEqual([]);
    expect(claims('애플은 모뎀 생산업체로 삼성전자를 선택했다.')).toEqual([
      'Apple PARTNERS_WITH Samsung Electronics',
    ]);
  });

  it('Korean supply talks with the buyer: the subject supplies it', () => {
    expect(claims('삼성전자는 애플과 칩 공급 협상을 벌이고 있다.')).toEqual([
      'Samsung Electronics SUPPLIES Apple',
    ]);
  });

  it('a plan under review is as certain as the report of it (검토 중 is no hedge of its own)', () => {
    expect(certaintyOf('애플은 삼성전자에 맡기는 방안을 검토 중인 것으로 알려졌다.', 'ko').certainty).toBe(
      'REPORTED',
    );
    expect(
      certaintyOf('Apple is considering Samsung, people familiar with the matter said.', 'en').certainty,
    ).toBe('REPORTED');
  });
});

describe('the suffix 社', () => {
  it('links a known company and proposes an unknown one, its particle still marking the role', () => {
    expect(mentions('애플社는 브로드컴社에 칩을 맡겼다.')).toEqual([
      ['애플', 'apple'],
      ['브로드컴', 'new:Organization'],
    ]);
    expect(claims('브로드컴社는 애플社에 칩을 공급한다.')).toEqual(['브로드컴 SUPPLIES Apple']);
  });
});
