// Tenth round (issue 14): appositions that state who owns a company and what category a product is.
// Written sentences, not the eval's articles.
import { describe, expect, it } from 'vitest';
import { claims } from './sentences.ts';

describe('a company’s parent in apposition', () => {
  it('English: "X, a unit of Y", "X, the chip arm of Y", "X, Y\'s cloud unit"', () => {
    expect(claims('LG Energy Solution Ltd., a unit of LG Chem, won the order.', 'en')).toContain(
      'LG Chem PARENT_OF LG Energy Solution',
    );
    expect(claims('Kakao Mobility, the ride-hailing arm of Kakao Corp., said so.', 'en')).toContain(
      'Kakao PARENT_OF Kakao Mobility',
    );
    expect(claims("Kakao Mobility, Kakao's ride-hailing unit, said so.", 'en')).toContain(
      'Kakao PARENT_OF Kakao Mobility',
    );
  });

  it('English: two companies listed with a comma are no parent and unit', () => {
    expect(claims('LG Chem, Kakao Corp. and Naver Corp. won orders.', 'en').join()).not.toContain(
      'PARENT_OF',
    );
  });

  it('Korean: "Y의 (클라우드) 자회사 X" and "X의 모회사인 Y"', () => {
    expect(claims('LG화학의 배터리 자회사 LG에너지솔루션이 수주했다.')).toContain(
      'LG화학 PARENT_OF LG에너지솔루션',
    );
    expect(claims('LG에너지솔루션의 모회사인 LG화학은 이를 반겼다.')).toContain(
      'LG화학 PARENT_OF LG에너지솔루션',
    );
  });
});

describe('a product’s category', () => {
  it('Korean: a known category before a quoted name, also with a Latin gloss between', () => {
    expect(claims("구글의 대규모 언어 모델 '팜 2'는 널리 쓰인다.")).toContain(
      '팜 2 INSTANCE_OF Large language model',
    );
    expect(claims('구글의 대규모 언어 모델(LLM) ‘팜 2’는 널리 쓰인다.')).toContain(
      '팜 2 INSTANCE_OF Large language model',
    );
  });

  it('English: a product right before a known category, or one in apposition after it', () => {
    expect(claims('Kakao ordered B100 AI chips from Nvidia.', 'en')).toContain(
      'B100 INSTANCE_OF AI chips (GPUs)',
    );
    expect(claims('Nvidia showed the B100, its newest AI chip, in March.', 'en')).toContain(
      'B100 INSTANCE_OF AI chips (GPUs)',
    );
  });
});
