// "The two discussed AI chips", "두 사람은 … 논의했다": a plural subject that points back to the two parties
// of the previous sentence's meeting or partnership stands for both (issue 14, seventh round).
import { describe, expect, it } from 'vitest';
import { claims } from './sentences.ts';

describe('"the two" and "두 사람" after a meeting', () => {
  it('English: both parties of the previous meeting take the claim', () => {
    expect(claims('Lee Jae-yong met Mark Zuckerberg in Seoul. The two discussed AI chips.', 'en')).toEqual([
      'Lee Jae-yong DISCUSSED AI chips (GPUs)',
      'Lee Jae-yong MET_WITH Mark Zuckerberg',
      'Mark Zuckerberg DISCUSSED AI chips (GPUs)',
    ]);
  });

  it('Korean: 두 사람은 stands for both', () => {
    expect(claims('저커버그는 이재용 회장과 만났다. 두 사람은 AI 반도체를 논의했다.')).toEqual(
      expect.arrayContaining([
        'Mark Zuckerberg DISCUSSED AI chips (GPUs)',
        'Lee Jae-yong DISCUSSED AI chips (GPUs)',
      ]),
    );
  });

  it('without a pair before it, "the two" stands for nobody', () => {
    expect(claims('The two discussed AI chips.', 'en')).toEqual([]);
  });
});
