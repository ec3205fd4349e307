// Tenth round (issue 14): the hedge closing a sentence covers only the clause it ends, and "would" is the
// future of reported speech, not a hedge. Written sentences, not the eval's articles.
import { describe, expect, it } from 'vitest';
import { propose } from '../../../server/graph/ingest/propose.ts';
import { claims, gazetteer, source } from './sentences.ts';

/** Each claim as "From TYPE To: CERTAINTY". */
const sure = (text: string, language: 'ko' | 'en') => {
  const draft = propose({ text, source: { ...source, language } }, gazetteer);
  const name = (key: string) => draft.entities.find((e) => e.key === key)!.name;
  return draft.claims.map((c) => `${name(c.fromKey)} ${c.type} ${name(c.toKey)}: ${c.certainty}`).sort();
};

describe('certainty per clause', () => {
  it('Korean: a connective clause before a reporter’s clause is stated as fact', () => {
    expect(
      sure(
        '삼성전자도 HBM4를 개발하고 있으며, 로이터 통신은 삼성전자가 구글과 협의 중이라고 보도했다.',
        'ko',
      ),
    ).toEqual([
      'Samsung Electronics DEVELOPS HBM4: CONFIRMED',
      'Samsung Electronics IN_TALKS_WITH Google: REPORTED',
    ]);
  });

  it('Korean: a prediction closing the sentence does not hedge the clause before it', () => {
    for (const text of [
      'SK하이닉스는 AMD에 HBM4를 공급하고 있어, 내년에는 점유율이 오를 전망이다.',
      'SK하이닉스는 AMD에 HBM4를 공급하고 있어, 인텔 물량까지 확보하면 주도권을 굳힐 전망이다.',
    ])
      expect(sure(text, 'ko')).toContain('SK하이닉스 SUPPLIES AMD: CONFIRMED');
  });

  it('Korean: a reporter opening the sentence governs every clause of its report', () => {
    expect(
      sure('로이터 통신은 삼성전자가 HBM4를 개발하고 있으며, 구글과 협의 중이라고 보도했다.', 'ko'),
    ).toEqual([
      'Samsung Electronics DEVELOPS HBM4: REPORTED',
      'Samsung Electronics IN_TALKS_WITH Google: REPORTED',
    ]);
  });

  it('Korean: a later clause with no subject of its own continues the report', () => {
    expect(sure('삼성전자는 HBM4를 개발하고 있으며, 구글과 협의 중인 것으로 전해졌다.', 'ko')).toContain(
      'Samsung Electronics DEVELOPS HBM4: REPORTED',
    );
  });

  it('English: ", and" before a hedged clause with its own subject leaves the first clause as it was', () => {
    expect(
      sure('Samsung has begun making HBM4 chips, and Nvidia is expected to test them next year.', 'en'),
    ).toContain('Samsung Electronics PRODUCES HBM4: CONFIRMED');
    // A closing attribution still covers the first clause.
    expect(
      sure(
        'Samsung Display supplies Apple, and LG Display could win orders from Meta, the people said.',
        'en',
      ),
    ).toEqual(
      expect.arrayContaining([
        'Samsung Display SUPPLIES Apple: REPORTED',
        'LG Display MENTIONED_WITH Meta: SPECULATIVE',
      ]),
    );
  });

  it('English: ", and" after a single object opens a clause, not a list of objects', () => {
    expect(
      claims(
        'Samsung Display supplies Apple, and LG Display could win orders from Meta, the people said.',
        'en',
      ),
    ).not.toContain('Samsung Display MAY_SUPPLY LG Display');
    expect(claims('Samsung Display supplies Apple, Google, and Meta.', 'en')).toContain(
      'Samsung Display SUPPLIES Meta',
    );
  });
});

describe('cues', () => {
  it('"said it would": the future of reported speech is what was said, not a hedge', () => {
    expect(sure('Samsung said on Monday it would supply Nvidia with HBM4.', 'en')).toContain(
      'Samsung Electronics SUPPLIES Nvidia: CONFIRMED',
    );
  });

  it('"analysts expect X to": an expectation is speculative; "the person added" reports', () => {
    expect(sure('Analysts expect Samsung to supply Nvidia with HBM4 next year.', 'en')).toContain(
      'Samsung Electronics MAY_SUPPLY Nvidia: SPECULATIVE',
    );
    expect(sure('Samsung supplies Nvidia with HBM3E, the person added.', 'en')).toContain(
      'Samsung Electronics SUPPLIES Nvidia: REPORTED',
    );
  });

  it('Korean: a relative clause in the past describes what is known, whatever the main clause hedges', () => {
    expect(sure('메타는 지난해 출시한 퀘스트 3의 가격을 내릴 것으로 알려졌다.', 'ko')).toContain(
      'Meta LAUNCHES 퀘스트 3: CONFIRMED',
    );
  });
});
