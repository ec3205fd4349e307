// Tenth round (issue 14): a product's owner is a party to what happens to the product. Written sentences,
// not the eval's articles.
import { describe, expect, it } from 'vitest';
import { claims } from './sentences.ts';

describe('the owner of a product', () => {
  it('"X bought Y\'s P": Y supplies X', () => {
    expect(claims("Kakao bought 500 of Nvidia's H200 chips in March.", 'en')).toContain(
      'Nvidia SUPPLIES Kakao',
    );
  });

  it('"엔비디아의 ‘P’에 삼성전자 HBM3E가 탑재": the part’s owner supplies the host’s', () => {
    expect(claims('엔비디아의 차세대 가속기 ‘펠리컨’에 삼성전자 HBM3E가 탑재된다.')).toContain(
      'Samsung Electronics SUPPLIES Nvidia',
    );
  });

  it('using another company’s product or process makes no supplier', () => {
    expect(claims("Kakao will use Nvidia's H200 chips in March.", 'en')).not.toContain(
      'Nvidia SUPPLIES Kakao',
    );
  });

  it('no supply when the sentence denies the purchase', () => {
    expect(claims("Kakao did not buy Nvidia's H200 chips, a report that is not true.", 'en')).not.toContain(
      'Nvidia SUPPLIES Kakao',
    );
  });
});
