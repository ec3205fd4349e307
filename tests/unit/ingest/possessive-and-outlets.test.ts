// Tenth round (issue 14): misses of the fifth blind set, read once it became development, fixed with general
// rules of news syntax. Written sentences, not the eval's articles.
import { describe, expect, it } from 'vitest';
import { findMentions } from '../../../server/graph/ingest/mentions.ts';
import { claims, gazetteer, mentions } from './sentences.ts';

describe('a known name opening a longer new name', () => {
  it('"Samsung Electro-Mechanics Co.": a brand and a hyphenated compound with a corporate suffix are one company', () => {
    const text =
      'Samsung Electro-Mechanics Co. will build a plant in Vietnam. Samsung Electro-Mechanics said the plant opens in May.';
    const found = mentions(text, 'en');
    expect(found.filter(([s]) => s === 'Samsung Electro-Mechanics')).toEqual([
      ['Samsung Electro-Mechanics', 'new:Organization'],
      ['Samsung Electro-Mechanics', 'new:Organization'],
    ]);
    expect(found.some(([, id]) => id === 'samsung-electronics')).toBe(false);
  });

  it('the outlet in a wire dateline is one organisation, not the place opening it', () => {
    const text = 'BUSAN, Mar 3 (Korea Semi Insight) - SK hynix will supply Nvidia with HBM4.';
    expect(mentions(text, 'en')).toContainEqual(['Korea Semi Insight', 'new:Organization']);
    expect(mentions(text, 'en').some(([, id]) => id === 'south-korea')).toBe(false);
  });

  it('so is the source’s publisher wherever the article names it', () => {
    const text = 'Korea Semi Insight learned that SK hynix will supply Nvidia with HBM4.';
    const found = findMentions(text, 'en', gazetteer, 'Korea Semi Insight');
    expect(found.map((m) => [m.surface, m.entity?.id ?? m.kind])).toContainEqual([
      'Korea Semi Insight',
      'Organization',
    ]);
    expect(found.some((m) => m.entity?.id === 'south-korea')).toBe(false);
  });
});

describe('what a company owns', () => {
  it('a new name right after a company’s possessive is its product, also past a modifier', () => {
    expect(mentions("Buyers are waiting for Nvidia's next Rubin boards.", 'en')).toContainEqual([
      'Rubin',
      'new:Product',
    ]);
    expect(claims("Analysts expect Apple's Aurora goggles to sell well.", 'en')).toContain(
      'Apple PRODUCES Aurora',
    );
  });

  it('not when the name is shaped like a person’s, nor after a place’s possessive', () => {
    expect(mentions("Nvidia's Tim Cook is not a real person.", 'en')).not.toContainEqual([
      'Tim Cook',
      'new:Product',
    ]);
    expect(mentions("Korea's Hanwha Ocean won the order.", 'en')).not.toContainEqual([
      'Hanwha Ocean',
      'new:Product',
    ]);
  });

  it('the owner owns every member of a list after its possessive', () => {
    expect(claims("The panels go into Apple's iPad Air 6 and iPad Pro 7 this year.", 'en')).toEqual(
      expect.arrayContaining(['Apple PRODUCES iPad Air 6', 'Apple PRODUCES iPad Pro 7']),
    );
    expect(claims("Shortages of Nvidia's H100 and B100 eased in May.", 'en')).toEqual(
      expect.arrayContaining(['Nvidia PRODUCES Nvidia H100', 'Nvidia PRODUCES B100']),
    );
  });

  it('"iPhone 17 Pro": a name opened by a lower-case letter before a capital, with a model number and word', () => {
    expect(mentions('Sales of the iPhone 17 Pro rose.', 'en')).toContainEqual([
      'iPhone 17 Pro',
      'new:Product',
    ]);
  });

  it('a possessive fact leaves the verb’s arguments to the clause fallback', () => {
    expect(claims("Kakao will test Nvidia's Rubin chips next year.", 'en')).toContain(
      'Kakao MENTIONED_WITH Rubin',
    );
  });
});

describe('Korean noun phrases', () => {
  it('"X의 추론 칩 ‘Y’": the quoted name is the product, not the word describing the head noun', () => {
    const text = "삼성전자의 추론 칩 '오로라'는 내년에 나온다.";
    expect(mentions(text)).toEqual([
      ['삼성전자', 'samsung-electronics'],
      ['오로라', 'new:Product'],
    ]);
    expect(claims(text)).toEqual(['Samsung Electronics PRODUCES 오로라']);
  });

  it('"정태윤 리벨리온 대표": a three-syllable name, an unknown company, its title', () => {
    const text = '한지훈 모빌린트 대표는 내년 상장을 목표로 한다고 밝혔다.';
    expect(mentions(text)).toEqual([
      ['한지훈', 'new:Person'],
      ['모빌린트', 'new:Organization'],
    ]);
    expect(claims(text)).toContain('한지훈 CEO_OF 모빌린트');
  });

  it('a word before a title that no name is ("통합 법인 대표") names no person', () => {
    expect(mentions('그는 통합 법인 대표를 맡는다.').some(([, id]) => id === 'new:Person')).toBe(false);
  });

  it('"X의 자회사 Y": the unknown name after a word of corporate kinship is a company', () => {
    expect(mentions('LG화학의 자회사 팜한농이 새 공장을 짓는다.')).toContainEqual([
      '팜한농',
      'new:Organization',
    ]);
  });
});
