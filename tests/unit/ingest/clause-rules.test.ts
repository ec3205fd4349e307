// Claim constructions missed on unseen text (issue 14, seventh round): Korean relative clauses, verbs of
// taking part and of leading a market, products chasing products, names written again after their first
// quoted mention, and events named with their year. Written sentences, not the eval's articles.
import { describe, expect, it } from 'vitest';
import { claims, mentions } from './sentences.ts';

describe('Korean relative clauses', () => {
  it('"X는 … V-한 Y": the topic did to the noun the clause describes', () => {
    expect(claims('메타는 지난해 출시한 퀘스트 9의 가격을 내렸다.')).toContain('Meta LAUNCHES 퀘스트 9');
  });

  it('"Y를 V-한 X": the noun the clause describes is the one who did it', () => {
    expect(claims('HBM3E를 개발한 삼성전자는 웃었다.')).toEqual(['Samsung Electronics DEVELOPS HBM3E']);
  });

  it('the subject of the main clause does not take the relative clause’s verb', () => {
    const found = claims('엔비디아는 HBM3E를 개발한 삼성전자와 협력한다.');
    expect(found).toContain('Samsung Electronics DEVELOPS HBM3E');
    expect(found).not.toContain('Nvidia DEVELOPS HBM3E');
    expect(found).toContain('Nvidia PARTNERS_WITH Samsung Electronics');
  });
});

describe('verbs of taking part, leading and chasing', () => {
  it('attending an event is taking part in it (English and Korean)', () => {
    expect(claims('Mark Zuckerberg attended the Harbor Tech Forum in May.', 'en')).toContain(
      'Mark Zuckerberg PARTICIPATED_IN Harbor Tech Forum',
    );
    expect(claims("저커버그는 '서울 포럼 2030'에 참석했다.")).toContain(
      'Mark Zuckerberg PARTICIPATED_IN 서울 포럼 2030',
    );
  });

  it('leading a market', () => {
    expect(claims('Meta already leads the global market for VR headsets.', 'en')).toEqual([
      'Meta LEADS_MARKET VR headset market',
    ]);
  });

  it('a product chasing another product competes with it', () => {
    expect(claims('비전 프로가 메타의 퀘스트 시리즈를 빠르게 추격할 것으로 보인다.')).toContain(
      'Apple Vision Pro COMPETES_WITH Meta Quest',
    );
  });
});

describe('names written again and events with their year', () => {
  it('a new name quoted once is the same entity when written again, not a shorter code inside it', () => {
    expect(mentions("삼성전자는 '갤럭시 S31'을 공개했다. 갤럭시 S31은 잘 팔렸다.")).toEqual([
      ['삼성전자', 'samsung-electronics'],
      ['갤럭시 S31', 'new:Product'],
      ['갤럭시 S31', 'new:Product'],
    ]);
  });

  it('an unknown acronym followed by a year is an event', () => {
    expect(mentions('Meta showed it at CES 2031 in Las Vegas.', 'en')).toContainEqual([
      'CES 2031',
      'new:Event',
    ]);
    expect(mentions('메타는 CES 2031에서 공개했다.')).toContainEqual(['CES 2031', 'new:Event']);
  });
});
