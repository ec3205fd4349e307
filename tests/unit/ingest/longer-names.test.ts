// A known name inside a longer product name is no mention of the shorter entity (issue 14): "레이밴 메타" is
// not Meta, "Quest Pro" is not the Quest line. Written sentences, not the eval's articles.
import { describe, expect, it } from 'vitest';
import { mentions } from './sentences.ts';

describe('longer names', () => {
  it('a quoted new name written again without quotes is that name, not the known name inside it', () => {
    expect(
      mentions('삼성전자는 ‘레이밴 메타’에 배터리를 공급한다. 레이밴 메타는 메타가 만든 안경이다.'),
    ).toEqual([
      ['삼성전자', 'samsung-electronics'],
      ['레이밴 메타', 'new:Product'],
      ['레이밴 메타', 'new:Product'],
      ['메타', 'meta'],
    ]);
  });

  it('a known product followed by a model word ("Pro", "프로") is a new, longer product', () => {
    expect(mentions('Meta stopped selling the Quest Pro in September.', 'en')).toEqual([
      ['Meta', 'meta'],
      ['Quest Pro', 'new:Product'],
    ]);
    expect(mentions('메타는 퀘스트 프로를 단종했다.')).toEqual([
      ['메타', 'meta'],
      ['퀘스트 프로', 'new:Product'],
    ]);
  });
});
