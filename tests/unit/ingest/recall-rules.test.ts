// The proposer's general rules for names and claims it used to miss on unseen articles (issue 14):
// new names found from their place in the clause (subject particles, titles, owners, head nouns),
// Latin acronyms in Korean text, one-word event aliases, brand + technology names, attribution by
// "X에 따르면", coordinated subjects, and verb forms. Written sentences, not the eval's articles.
import { describe, expect, it } from 'vitest';
import { propose } from '../../../server/graph/ingest/propose.ts';
import { claims, gazetteer, mentions, source } from './sentences.ts';

describe('new names from their place in a Korean clause', () => {
  it('an unknown word opening a clause as its subject is a new organisation; common words are not', () => {
    expect(mentions('업계에 따르면 브로드컴은 애플과 협력하고 있다.')).toEqual([
      ['브로드컴', 'new:Organization'],
      ['애플', 'apple'],
    ]);
    expect(mentions('업계는 애플과 협력하고 있다. 회사는 애플에 공급한다.')).toEqual([
      ['애플', 'apple'],
      ['애플', 'apple'],
    ]);
  });

  it('an unknown Latin acronym in Korean text is an organisation; titles and common acronyms are not', () => {
    expect(mentions('AMD는 애플에 칩을 공급한다. CEO는 IT 업계를 말했다.')).toEqual([
      ['AMD', 'new:Organization'],
      ['애플', 'apple'],
    ]);
    expect(claims('AMD는 애플에 칩을 공급한다.')).toEqual(['AMD SUPPLIES Apple']);
  });

  it('a name before an organisation and a title is a person, who heads the clause', () => {
    const text = '리사 수 AMD CEO는 다음 달 서울을 방문한다.';
    expect(mentions(text)).toEqual([
      ['리사 수', 'new:Person'],
      ['AMD', 'new:Organization'],
      ['서울', 'seoul'],
    ]);
    expect(claims(text)).toEqual(['리사 수 CEO_OF AMD', '리사 수 VISITED Seoul']);
    expect(mentions('최근 엔비디아 CEO는 말했다.')).toEqual([['엔비디아', 'nvidia']]);
  });

  it('a name between an owner (or 차세대) and a product noun is a product its owner makes', () => {
    const text = '삼성전자는 엔비디아의 드라이브 칩을 사용한다.';
    expect(mentions(text)).toEqual([
      ['삼성전자', 'samsung-electronics'],
      ['엔비디아', 'nvidia'],
      ['드라이브', 'new:Product'],
    ]);
    expect(claims(text)).toEqual(['Nvidia PRODUCES 드라이브', 'Samsung Electronics USES 드라이브']);
    expect(mentions('애플은 차세대 모뎀 칩을 만든다.')).toEqual([
      ['애플', 'apple'],
      ['모뎀', 'new:Product'],
    ]);
    expect(mentions('애플은 차세대 모바일 칩을 만든다.')).toEqual([['애플', 'apple']]);
  });

  it('a process node is a technology and a place before a site noun is a place', () => {
    expect(mentions('애플은 3나노 공정을 쓰고, 이재용 회장은 화성 공장을 찾았다.')).toEqual([
      ['애플', 'apple'],
      ['3나노 공정', 'new:Technology'],
      ['이재용 회장', 'lee-jae-yong'],
      ['화성 공장', 'new:Place'],
    ]);
    expect(mentions('삼성전자는 주요 공장을 늘린다.')).toEqual([['삼성전자', 'samsung-electronics']]);
  });
});

describe('linking', () => {
  it('a one-word alias of an event links only when the article also names what makes it that event', () => {
    expect(mentions('젠슨 황 엔비디아 CEO는 방한 중 삼성전자를 찾는다.')).not.toContainEqual([
      '방한',
      'zuckerberg-seoul-visit-2024',
    ]);
    expect(mentions('저커버그는 방한 중 삼성전자를 찾았다.')).toContainEqual([
      '방한',
      'zuckerberg-seoul-visit-2024',
    ]);
  });

  it('a company name followed by a technology word is a product ("Meta AI" is not Meta)', () => {
    expect(mentions('The glasses run Meta AI, which Meta builds.', 'en')).toEqual([
      ['Meta AI', 'new:Product'],
      ['Meta', 'meta'],
    ]);
  });
});

describe('claims', () => {
  it('"X에 따르면" attributes to the whole name before it, which is no end of the claim', () => {
    const text = '카운터포인트 리서치에 따르면 애플과 구글은 스마트폰 시장에서 경쟁하고 있다.';
    const draft = propose({ text, source }, gazetteer);
    expect(claims(text)).toEqual(['Google COMPETES_WITH Apple']);
    expect(draft.claims[0]!.attributedTo).toBe('Counterpoint Research');
  });

  it('reads every form of a verb stem (만날, 찾을) and contract manufacturing (맡기는)', () => {
    // "서울에 왔다" no rule reads; the clause fallback reads it as a visit.
    expect(claims('조주완 사장은 서울에 왔다. 그는 이재용 회장과 만날 예정이다.')).toEqual([
      'Cho Joo-wan MET_WITH Lee Jae-yong',
      'Cho Joo-wan VISITED Seoul',
    ]);
    expect(claims('애플은 칩 생산을 삼성전자에 맡기는 방안을 검토하고 있다.')).toEqual([
      'Apple PARTNERS_WITH Samsung Electronics',
    ]);
  });

  it('English: a partnership or deal with, and "built on"', () => {
    expect(claims('Meta said it has extended its partnership with Google.', 'en')).toEqual([
      'Meta PARTNERS_WITH Google',
    ]);
    expect(claims('Apple signed a supply deal with Samsung Electronics.', 'en')).toContain(
      'Apple PARTNERS_WITH Samsung Electronics',
    );
    expect(claims('ChatGPT is built on Llama, analysts said.', 'en')).toEqual(['ChatGPT USES Llama']);
    expect(claims('Apple outsources chip production to Samsung Electronics.', 'en')).toContain(
      'Apple PARTNERS_WITH Samsung Electronics',
    );
  });

  it('coordinated subjects and objects share the claim ("A와 B는", "A and B", "A과 B를")', () => {
    expect(claims('삼성전자와 애플은 엔비디아에 칩을 공급한다.')).toEqual([
      'Apple SUPPLIES Nvidia',
      'Samsung Electronics SUPPLIES Nvidia',
    ]);
    expect(claims('저커버그는 이재용 회장과 조주완 사장을 만났다.')).toEqual([
      'Mark Zuckerberg MET_WITH Cho Joo-wan',
      'Mark Zuckerberg MET_WITH Lee Jae-yong',
    ]);
    expect(claims('Samsung Electronics and Apple supply chips to Nvidia.', 'en')).toEqual([
      'Apple SUPPLIES Nvidia',
      'Samsung Electronics SUPPLIES Nvidia',
    ]);
    expect(claims('Samsung Electronics and Apple compete in smartphones.', 'en')).toEqual([
      'Samsung Electronics COMPETES_WITH Apple',
    ]);
  });

  it('"X는 Y에 Z를 탑재": the product Z goes into uses it too', () => {
    expect(claims('엔비디아는 차세대 H300에 HBM3E를 탑재한다.')).toEqual([
      'H300 USES HBM3E',
      'Nvidia USES HBM3E',
    ]);
  });
});

describe('titles past an owner or a unit', () => {
  it('"X의 Y 부사장", "X 부문의 Y 부사장": the person is vice president of the organisation', () => {
    expect(claims('삼성전자의 김도현 부사장은 “칩이 좋다”고 말했다.')).toEqual([
      '김도현 VICE_PRESIDENT_OF Samsung Electronics',
    ]);
    expect(claims('삼성전자 파운드리사업부의 김도현 부사장은 “칩이 좋다”고 말했다.')).toEqual([
      '김도현 VICE_PRESIDENT_OF Samsung Electronics',
    ]);
  });
});
