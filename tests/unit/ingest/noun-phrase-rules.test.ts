// General causes of misses found on the first blind held-out set (issue 14, sixth round): names glossed
// in Latin, quoted names, places, compound nouns around a concept's short name, titles and analysts,
// possessives, categories, and passive mounting. Written sentences, not the eval's articles.
import { describe, expect, it } from 'vitest';
import { seedGazetteer } from '../../../bench/ingest-eval.ts';
import { findMentions } from '../../../server/graph/ingest/mentions.ts';
import { claims, mentions } from './sentences.ts';

describe('Korean names glossed in Latin', () => {
  it('a Hangul word with its Latin name in parentheses is one new entity, both spellings mentions', () => {
    expect(mentions('애플은 라이젠텍(Rizentek)과 협력한다.')).toEqual([
      ['애플', 'apple'],
      ['라이젠텍', 'new:Organization'],
      ['Rizentek', 'new:Organization'],
    ]);
    expect(claims('애플은 라이젠텍(Rizentek)과 협력한다.')).toEqual(['Apple PARTNERS_WITH Rizentek']);
  });

  it('a two-word foreign name glossed with a two-word Latin name is a person', () => {
    expect(mentions('리사 수(Lisa Su) 엔비디아 최고경영자(CEO)는 웃었다.')).toEqual([
      ['리사 수', 'new:Person'],
      ['Lisa Su', 'new:Person'],
      ['엔비디아', 'nvidia'],
    ]);
    expect(claims('리사 수(Lisa Su) 엔비디아 최고경영자(CEO)는 웃었다.')).toEqual(['Lisa Su CEO_OF Nvidia']);
  });

  it('a Latin name of a university is an organisation', () => {
    expect(mentions('애플은 인근 오크힐대학교(Oakhill University)와 협력한다.')).toContainEqual([
      '오크힐대학교',
      'new:Organization',
    ]);
  });
});

describe('Korean quoted names', () => {
  it('a short name in single quotes is a product, or an event when it ends with a year', () => {
    expect(mentions('엔비디아는 ‘펠리컨 X’를 ‘테크쇼 2025’에서 공개했다.')).toEqual([
      ['엔비디아', 'nvidia'],
      ['펠리컨 X', 'new:Product'],
      ['테크쇼 2025', 'new:Event'],
    ]);
  });

  it('a quoted name that is a known name stays linked', () => {
    expect(mentions('애플의 ‘비전 프로’가 나왔다.')).toEqual([
      ['애플', 'apple'],
      ['비전 프로', 'apple-vision-pro'],
    ]);
  });
});

describe('places', () => {
  it('a country before a city or a company places it', () => {
    expect(mentions('대만 신주에 공장이 있다.')).toEqual([
      ['대만', 'new:Place'],
      ['신주', 'new:Place'],
    ]);
    expect(claims('애플은 일본 오사카에서 열린 ‘칩엑스포 2025’에 참석했다.')).toContain(
      '오사카 LOCATED_IN Japan',
    );
    expect(claims('애플은 일본 오사카에서 열린 ‘칩엑스포 2025’에 참석했다.')).toContain(
      '칩엑스포 2025 TOOK_PLACE_IN 오사카',
    );
    expect(claims('엔비디아는 대만 UMC와 협력한다고 밝혔다.')).toContain('UMC BASED_IN 대만');
  });

  it('a state written with 주 is a place inside the country before it', () => {
    expect(claims('애플은 미국 오하이오주 공장을 짓는다.')).toContain('오하이오주 LOCATED_IN 미국');
  });
});

describe('compound nouns around a concept’s short name', () => {
  it('"AI" before a head noun such as 가속기 or "accelerators" is no mention of artificial intelligence', () => {
    expect(mentions('엔비디아의 AI 가속기가 팔렸다.')).toEqual([['엔비디아', 'nvidia']]);
    expect(mentions('Nvidia sold AI accelerators.', 'en')).toEqual([['Nvidia', 'nvidia']]);
    expect(mentions('엔비디아는 AI를 말했다.')).toContainEqual(['AI', 'artificial-intelligence']);
  });

  it('a Korean name written without its spaces still links', () => {
    expect(mentions('카운터포인트리서치에 따르면 애플이 1위다.')).toContainEqual([
      '카운터포인트리서치',
      'counterpoint-research',
    ]);
  });
});

describe('titles and analysts', () => {
  it('an analyst of a firm works for it (Korean and English)', () => {
    expect(claims('박서진 가람증권 연구원은 "애플이 앞선다"고 말했다.')).toContain(
      '박서진 WORKS_FOR 가람증권',
    );
    expect(claims('Apple leads, said Dana Reyes, an analyst at Counterpoint Research.', 'en')).toContain(
      'Dana Reyes WORKS_FOR Counterpoint Research',
    );
  });

  it('"Chief Executive Officer" is a title, not part of the name after it', () => {
    expect(claims('Nvidia Chief Executive Officer Dana Reyes spoke.', 'en')).toEqual([
      'Dana Reyes CEO_OF Nvidia',
    ]);
  });
});

describe('possessives and categories', () => {
  it('an organisation’s known product, also after modifiers, is one it makes', () => {
    expect(claims('Apple said it bought Nvidia’s H100 chips.', 'en')).toContain(
      'Nvidia PRODUCES Nvidia H100',
    );
    expect(claims('애플은 엔비디아의 차세대 가속기 ‘펠리컨’을 샀다.')).toContain('Nvidia PRODUCES 펠리컨');
  });

  it('a category right before a quoted name, or before 인, is what the name is an instance of', () => {
    expect(claims('엔비디아의 GPU ‘펠리컨’이 나왔다.')).toContain('펠리컨 INSTANCE_OF AI chips (GPUs)');
    expect(claims('삼성전자가 HBM인 HBM9을 만든다고 밝혔다.')).toContain(
      'HBM9 INSTANCE_OF HBM (High Bandwidth Memory)',
    );
  });
});

describe('passive mounting', () => {
  it('"X에 Y가 탑재된다": the host uses what is mounted in it', () => {
    expect(claims('업계에 따르면 ‘펠리컨’에는 HBM4가 탑재된다.')).toContain('펠리컨 USES HBM4');
  });
});

describe('more names', () => {
  it('a company word ending like a particle keeps its whole name ("…디스플레이의")', () => {
    expect(mentions('한빛디스플레이의 패널이 팔렸다.')).toEqual([['한빛디스플레이', 'new:Organization']]);
  });

  it('a romanised Korean name keeps its hyphenated part ("Park Min-seo")', () => {
    expect(mentions('Apple leads, said Park Min-seo, an analyst at Harbor Capital.', 'en')).toContainEqual([
      'Park Min-seo',
      'new:Person',
    ]);
  });

  it('a Korean word glossed with a known name is that entity', () => {
    expect(mentions('애플은 고대역폭메모리(HBM)를 샀다.')).toEqual([
      ['애플', 'apple'],
      ['고대역폭메모리', 'hbm'],
      ['HBM', 'hbm'],
    ]);
  });

  it('the particle after a gloss or a parenthesis marks the name before it', () => {
    expect(claims('애플은 ‘펠리컨’(가칭)을 개발한다고 밝혔다.')).toEqual(['Apple DEVELOPS 펠리컨']);
    expect(claims('애플은 라이젠텍(Rizentek)의 ‘펠리컨’을 샀다.')).toContain('Rizentek PRODUCES 펠리컨');
  });
});

describe('co-agents', () => {
  it('"with X" / "X와 함께": the co-agent partners with the subject and shares the act', () => {
    expect(
      claims('Apple said it is developing a headset, code-named Pelican, with Sony and Google.', 'en'),
    ).toEqual(
      expect.arrayContaining([
        'Apple PARTNERS_WITH Sony',
        'Apple PARTNERS_WITH Google',
        'Apple DEVELOPS Pelican',
      ]),
    );
    expect(claims('애플이 엔비디아와 함께 ‘펠리컨’을 개발하고 있다.')).toEqual(
      expect.arrayContaining([
        'Apple PARTNERS_WITH Nvidia',
        'Apple DEVELOPS 펠리컨',
        'Nvidia DEVELOPS 펠리컨',
      ]),
    );
  });
});

describe('English places', () => {
  it('a firm "at X in Seoul" or "Seoul-based" is based there', () => {
    expect(claims('Apple leads, said Dana Reyes, an analyst at Harbor Capital in Seoul.', 'en')).toContain(
      'Harbor Capital BASED_IN Seoul',
    );
    expect(claims('Seoul-based Harbor Capital said Apple leads.', 'en')).toContain(
      'Harbor Capital BASED_IN Seoul',
    );
  });
});

describe('venues and place particles', () => {
  it('a place keeps its last syllable before 에서, and the venue of a held event is a place', () => {
    expect(mentions('애플은 일본 나리타이에서 웃었다.')).toContainEqual(['나리타이', 'new:Place']);
    expect(claims('애플은 나고야에서 열린 ‘칩엑스포 2025’에 참석했다.')).toContain(
      '칩엑스포 2025 TOOK_PLACE_IN 나고야',
    );
  });
});

describe('supply', () => {
  it('a supplier makes what it supplies, and supplying into an owner’s product supplies the owner', () => {
    expect(claims('Samsung Electronics supplies HBM3 chips to Apple.', 'en')).toEqual(
      expect.arrayContaining(['Samsung Electronics SUPPLIES Apple', 'Samsung Electronics PRODUCES HBM3']),
    );
    expect(claims('삼성전자는 애플의 새 기기 ‘펠리컨’에 HBM3를 납품했다.')).toEqual(
      expect.arrayContaining([
        'Samsung Electronics SUPPLIES Apple',
        'Samsung Electronics PRODUCES HBM3',
        '펠리컨 USES HBM3',
      ]),
    );
  });

  it('a product right before a verbal noun (양산, 개발) is its object', () => {
    expect(claims('애플도 HBM3 양산에 들어갔다.')).toEqual(['Apple PRODUCES HBM3']);
  });
});

describe('rivalry and talks', () => {
  it('chasing, catching up with or taking share from a rival competes with it', () => {
    expect(claims('애플은 삼성전자를 뒤쫓고 있다.')).toEqual(['Apple COMPETES_WITH Samsung Electronics']);
    expect(claims('Analysts expect Apple to take share from Nvidia.', 'en')).toEqual([
      'Apple COMPETES_WITH Nvidia',
    ]);
    expect(claims('Apple tries to close the gap with Nvidia.', 'en')).toEqual(['Apple COMPETES_WITH Nvidia']);
  });

  it('"in talks with" and 협의 are talks', () => {
    expect(claims('Apple is in talks with Nvidia.', 'en')).toEqual(['Apple IN_TALKS_WITH Nvidia']);
    expect(claims('애플은 엔비디아와 협의 중이다.')).toEqual(['Apple IN_TALKS_WITH Nvidia']);
  });

  it('a possessor is not the object when its product follows ("compete with Apple’s Vision Pro")', () => {
    expect(claims('The Pelican headset will compete with Apple’s Vision Pro.', 'en')).toContain(
      'Pelican COMPETES_WITH Apple Vision Pro',
    );
  });
});

describe('particles across quotes, glosses and titles', () => {
  it('the particle after a known name’s quote or gloss is that name’s', () => {
    expect(claims('‘펠리컨’은 애플의 ‘비전 프로’(Vision Pro)와 경쟁한다.')).toContain(
      '펠리컨 COMPETES_WITH Apple Vision Pro',
    );
    expect(claims('애플이 메타(Meta)와 함께 ‘펠리컨’을 개발한다.')).toContain('Apple PARTNERS_WITH Meta');
  });

  it('a title glossed in Latin ("최고경영자(CEO)와") passes its particle to the organisation it titles', () => {
    expect(claims('조주완 사장은 젠슨 황 엔비디아 최고경영자(CEO)와 만났다.')).toContain(
      'Cho Joo-wan MET_WITH 젠슨 황',
    );
  });

  it('parts mounted in a host are found through their head nouns ("… 패널과 … 칩이 탑재된다")', () => {
    expect(claims('‘펠리컨’에는 HBM4 메모리와 ‘오르카’ 칩이 탑재된다.')).toEqual(
      expect.arrayContaining(['펠리컨 USES HBM4', '펠리컨 USES 오르카']),
    );
  });
});

describe('more verbs and objects', () => {
  it('"production of X" is producing it', () => {
    expect(claims('Apple started volume production of HBM4.', 'en')).toEqual(['Apple PRODUCES HBM4']);
  });

  it('only a person or an organisation discusses', () => {
    expect(claims('Apple met Nvidia in Seoul, where the two discussed HBM4.', 'en')).not.toContain(
      'Seoul DISCUSSED HBM4',
    );
  });

  it('"X 등 고객사와": the first of a list before 등 is the object', () => {
    expect(claims('애플은 엔비디아 등 주요 고객사와 협의하고 있다.')).toEqual(['Apple IN_TALKS_WITH Nvidia']);
  });

  it('"X와 공동 개발": the partner develops it too', () => {
    expect(claims('애플이 엔비디아와 HBM4를 공동 개발한다고 밝혔다.')).toEqual(
      expect.arrayContaining(['Apple DEVELOPS HBM4', 'Nvidia DEVELOPS HBM4', 'Apple PARTNERS_WITH Nvidia']),
    );
  });
});

describe('longer names around known short ones', () => {
  it('"VR headset market" without its own entry is no mention of virtual reality', () => {
    const without = seedGazetteer(new Set(['vr-headset-market']));
    const text = 'Apple leads the VR headset market.';
    expect(findMentions(text, 'en', without).map((m) => m.entity?.id ?? m.surface)).toEqual(['apple']);
  });

  it('a one-word event alias after another capitalised word is part of a longer new name', () => {
    expect(mentions('Samsung will show it at its Galaxy Unpacked event.', 'en')).toEqual([
      ['Samsung', 'samsung-electronics'],
      ['Galaxy Unpacked', 'new:Organization'],
    ]);
  });
});
