// A maker in a Korean relative clause before its product (issue 14, ninth round: misses of the fourth blind
// set). Written sentences, not the eval's articles.
import { describe, expect, it } from 'vitest';
import { claims } from './sentences.ts';

describe('a maker in a relative clause', () => {
  it('"X가 내년 공개할 ‘Y’ 플랫폼", "X가 이르면 2026년 내놓을 OLED Y": X makes Y', () => {
    expect(claims('업계는 엔비디아가 내년 공개할 ‘펠리컨’ 플랫폼에 주목한다.')).toContain(
      'Nvidia PRODUCES 펠리컨',
    );
    expect(claims('애플이 이르면 2026년 내놓을 OLED 맥북 에어의 패널이 화제다.')).toContain(
      'Apple PRODUCES 맥북 에어',
    );
  });

  it('past a buyer marked with 에: "X가 현재 엔비디아에 공급하는 Y"', () => {
    expect(claims('삼성전자가 현재 엔비디아에 공급하는 ‘오르카 X’는 국내에서 만든다.')).toContain(
      'Samsung Electronics PRODUCES 오르카 X',
    );
  });

  it('no maker when the verb is not a relative form', () => {
    expect(claims('애플이 내년 맥북 에어를 공개한다.')).not.toContain('Apple PRODUCES 맥북 에어');
  });
});
