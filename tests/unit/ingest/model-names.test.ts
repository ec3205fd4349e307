// Model names on unseen text (issue 14, seventh round): a known name followed by a version or model
// token is a longer, new name (Quest 3S is not Quest, 라마 3 is not Llama), and Korean news quotes names
// with straight quotes as often as with curly ones. Written sentences, not the eval's articles.
import { describe, expect, it } from 'vitest';
import { claims, mentions } from './sentences.ts';

describe('a known name with a version or model token after it', () => {
  it('is a new product, not the known one (English)', () => {
    expect(mentions('Meta will sell its Quest 7X headset in Brazil.', 'en')).toContainEqual([
      'Quest 7X',
      'new:Product',
    ]);
    expect(mentions('Meta released Llama 9 this week.', 'en')).toContainEqual(['Llama 9', 'new:Product']);
  });

  it('is a new product, not the known one (Korean, particle after the version)', () => {
    expect(mentions('메타는 퀘스트 7의 가격을 내렸다.')).toEqual([
      ['메타', 'meta'],
      ['퀘스트 7', 'new:Product'],
    ]);
    expect(mentions('카카오는 라마 9로 전환했다.')).toContainEqual(['라마 9', 'new:Product']);
  });

  it('leaves the known name alone when what follows is a count or a year', () => {
    expect(mentions('Meta sold Quest headsets in 2024.', 'en')).toContainEqual(['Quest', 'meta-quest']);
    expect(mentions('메타는 퀘스트 3000대를 팔았다.')).toContainEqual(['퀘스트', 'meta-quest']);
  });
});

describe('Korean names in straight quotes', () => {
  it('a short name in straight single quotes is a new product', () => {
    expect(mentions("카카오는 '하늘빛 X'를 공개했다.")).toEqual([
      ['카카오', 'new:Organization'],
      ['하늘빛 X', 'new:Product'],
    ]);
  });

  it("an organisation's quoted product is one it develops", () => {
    expect(claims("네이버의 '구름다리 7'이 나왔다.")).toContain('네이버 PRODUCES 구름다리 7');
  });
});

describe('a brand followed by a longer new name', () => {
  it('is one product, not the brand (English)', () => {
    expect(mentions('Buyers liked the LG Aurora OLED Z at the show.', 'en')).toEqual([
      ['LG Aurora OLED Z', 'new:Product'],
    ]);
  });
});
