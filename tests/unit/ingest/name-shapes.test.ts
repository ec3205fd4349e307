// Shapes of new names found in the fourth blind set's misses (issue 14, ninth round): Korean company names
// that join a Latin acronym and Hangul, universities, US states, Korean product names with a model word,
// and English names before a product noun. Written sentences, not the eval's articles.
import { describe, expect, it } from 'vitest';
import { claims, mentions } from './sentences.ts';

describe('Korean name shapes', () => {
  it('a Latin acronym joined to a Hangul word is a company, also second in a list', () => {
    expect(mentions('메타는 KT·DX유플러스와 협상한다.')).toEqual([
      ['메타', 'meta'],
      ['KT', 'new:Organization'],
      ['DX유플러스', 'new:Organization'],
    ]);
  });

  it('an acronym before a common noun is no company', () => {
    expect(mentions('HBM시장에서 수요가 늘었다.')).not.toContainEqual(['HBM시장', 'new:Organization']);
  });

  it('a word ending in 대학교 is an organisation', () => {
    expect(mentions('애플은 오크힐대학교와 공동 연구한다.')).toContainEqual([
      '오크힐대학교',
      'new:Organization',
    ]);
  });

  it('a long word ending in 주 is a state, a short one or a shareholder is not', () => {
    expect(mentions('삼성전자가 텍사스주에 공장을 짓는다.')).toContainEqual(['텍사스주', 'new:Place']);
    expect(mentions('삼성전자의 대주주가 바뀌었다.')).toEqual([['삼성전자', 'samsung-electronics']]);
  });

  it('a Hangul word before a model word ("프로", "에어") is a product, with a model number between', () => {
    expect(mentions('애플은 맥북 에어에 LCD를 쓴다.')).toContainEqual(['맥북 에어', 'new:Product']);
    expect(mentions('삼성전자는 갤럭시 북4 프로를 내놨다.')).toContainEqual([
      '갤럭시 북4 프로',
      'new:Product',
    ]);
  });
});

describe('English name shapes', () => {
  it('a new name before a product noun is a product, its maker the possessive before it', () => {
    expect(mentions('Naver will offer its Clova Z language model on Oracle’s Zephyr cloud.', 'en')).toEqual([
      ['Naver', 'new:Organization'],
      ['Clova Z', 'new:Product'],
      ['Oracle', 'new:Organization'],
      ['Zephyr', 'new:Product'],
    ]);
  });

  it('a possessive reaches past one or two modifiers to the product', () => {
    expect(claims('The model was trained on Nvidia’s older H100 chips.', 'en')).toContain(
      'Nvidia PRODUCES Nvidia H100',
    );
  });
});

describe('Latin codes and technology acronyms in Korean text', () => {
  it('a hyphenated Latin code is one name: a product with a digit, a technology without', () => {
    expect(mentions('KT는 오픈AI의 GPT-4o를 쓴다.')).toContainEqual(['GPT-4o', 'new:Product']);
    expect(mentions('SK하이닉스의 MR-MUF 기술이 쓰인다.')).toContainEqual(['MR-MUF', 'new:Technology']);
  });

  it('a display or component acronym is a technology, not a company', () => {
    expect(mentions('애플은 OLED와 MLCC를 쓴다.')).toEqual([
      ['애플', 'apple'],
      ['OLED', 'new:Technology'],
      ['MLCC', 'new:Technology'],
    ]);
  });
});

describe('a place opening an outlet’s name', () => {
  it('"Seoul Tech Daily" is one new organisation, not Seoul; "Seoul" alone stays the city', () => {
    expect(mentions('Samsung denied it, Seoul Tech Daily reported.', 'en')).toEqual([
      ['Samsung', 'samsung-electronics'],
      ['Seoul Tech Daily', 'new:Organization'],
    ]);
    expect(mentions('Samsung met Apple in Seoul on Monday.', 'en')).toContainEqual(['Seoul', 'seoul']);
  });
});
