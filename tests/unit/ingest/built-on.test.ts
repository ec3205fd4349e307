// What a product is built on, and an organisation's own technology (issue 14, ninth round: misses of the
// fourth blind set). Written sentences, not the eval's articles.
import { describe, expect, it } from 'vitest';
import { claims } from './sentences.ts';

describe('built on', () => {
  it('"X 기반의 Y" and "X를 기반으로 만든 Y": Y uses X', () => {
    expect(claims('메타는 라마 3 기반의 ‘오르카 AI’를 선보였다.')).toContain('오르카 AI USES 라마 3');
    expect(claims('KT는 라마 2를 기반으로 만든 모델 ‘익시온’을 선보였다.')).toContain('익시온 USES 라마 2');
  });

  it('"X를 기반으로" with no product after it: the subject uses X', () => {
    expect(claims('KT는 라마 2를 기반으로 한국어 모델을 만들고 있다.')).toContain('KT USES 라마 2');
  });

  it('"Y, a laptop powered by X": Y uses X', () => {
    expect(
      claims(
        'Asus will sell its Zenbook Q, a laptop powered by Qualcomm’s Snapdragon X Elite processor.',
        'en',
      ),
    ).toContain('Zenbook Q USES Snapdragon X Elite');
  });
});

describe("an organisation's own technology", () => {
  it('"X의 기술", "X’s technology" and a bare "X OLED" in Korean: X makes it', () => {
    expect(claims('삼성전자는 퍼듀대와 SK하이닉스의 MR-MUF 기술을 결합한다.')).toContain(
      'SK하이닉스 PRODUCES MR-MUF',
    );
    expect(claims('삼성전자는 노트북에 삼성디스플레이 OLED를 쓴다.')).toContain(
      '삼성디스플레이 PRODUCES OLED',
    );
  });
});

describe('a possessive before a category and a name', () => {
  it('the name after the category is what the owner makes, not the category', () => {
    expect(claims('메타의 대규모 언어 모델(LLM) ‘라마 3’이 나왔다.')).toContain('Meta PRODUCES 라마 3');
  });
});

describe('an English possessive past the company suffix', () => {
  it('"Qualcomm Inc.’s Snapdragon X Elite": Qualcomm makes it, and a laptop powered by it uses it', () => {
    const out = claims(
      'Asus sells the Zenbook Q, a laptop powered by Qualcomm Inc.’s Snapdragon X Elite chip.',
      'en',
    );
    expect(out).toContain('Qualcomm PRODUCES Snapdragon X Elite');
    expect(out).toContain('Zenbook Q USES Snapdragon X Elite');
  });
});
