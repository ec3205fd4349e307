// Lists on unseen text (issue 14, seventh round): Korean writes a list of names with middle dots
// ("삼성전자·SK하이닉스·LG전자") or commas, and every name in it shares the verb. Written sentences.
import { describe, expect, it } from 'vitest';
import { claims } from './sentences.ts';

describe('Korean lists joined with middle dots', () => {
  it('every subject of a middle-dot list shares the claim', () => {
    expect(claims('삼성전자·한빛전자·두리전자는 엔비디아에 칩을 공급한다.')).toEqual(
      expect.arrayContaining([
        'Samsung Electronics SUPPLIES Nvidia',
        '한빛전자 SUPPLIES Nvidia',
        '두리전자 SUPPLIES Nvidia',
      ]),
    );
  });

  it('every object of a middle-dot list shares the claim', () => {
    expect(claims('엔비디아는 삼성전자·한빛전자와 협력한다.')).toEqual([
      'Nvidia PARTNERS_WITH Samsung Electronics',
      'Nvidia PARTNERS_WITH 한빛전자',
    ]);
  });
});
