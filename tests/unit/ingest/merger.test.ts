// Tenth round (issue 14): a merger is a claim between the two companies. Written sentences.
import { describe, expect, it } from 'vitest';
import { claims } from './sentences.ts';

describe('mergers', () => {
  it('"X will merge with Y", "X and Y agreed to merge": X MERGES_WITH Y', () => {
    expect(claims('Kakao Corp. will merge with Naver Corp. next year.', 'en')).toContain(
      'Kakao MERGES_WITH Naver',
    );
    expect(claims('Kakao and Naver agreed to merge, the companies said.', 'en')).toContain(
      'Kakao MERGES_WITH Naver',
    );
  });

  it('Korean: "X는 Y와 합병", "X와 Y가 합병"', () => {
    expect(claims('삼성전자는 LG전자와 합병한다.')).toContain(
      'Samsung Electronics MERGES_WITH LG Electronics',
    );
    expect(claims('삼성전자와 LG전자가 합병한다.')).toContain(
      'LG Electronics MERGES_WITH Samsung Electronics',
    );
  });
});
