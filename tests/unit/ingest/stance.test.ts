// Stance in proposals: a claim whose sentence denies it is proposed DENIES; declining to confirm is no
// denial; a title stated in a denying sentence still supports its own claim.
import { describe, expect, it } from 'vitest';
import { stanceOf } from '../../../server/graph/ingest/cues.ts';
import { propose } from '../../../server/graph/ingest/propose.ts';
import { seedGazetteer } from '../../../bench/ingest-eval.ts';

const gazetteer = seedGazetteer();
const source = { title: 't', publisher: 'Test Wire', publishedAt: '2024-05-10' };
const stances = (text: string) => {
  const draft = propose({ text, source }, gazetteer);
  const name = (key: string) => draft.entities.find((e) => e.key === key)!.entityId ?? key;
  return draft.claims.map((c) => `${name(c.fromKey)} ${c.type} ${name(c.toKey)} ${c.stance}`).sort();
};

describe('stance', () => {
  it.each([
    ['삼성전자는 엔비디아에 HBM3E를 공급한다는 보도는 사실이 아니라고 밝혔다.', 'ko'],
    ['LG전자는 메타와 협력한다는 보도를 부인했다.', 'ko'],
    ['삼성전자는 애플에 칩을 공급한다는 소문을 일축했다.', 'ko'],
    ['Samsung Electronics denied that it supplies chips to Nvidia.', 'en'],
    ['The report that Meta buys chips from Samsung is not true, Meta said.', 'en'],
  ] as const)('"%s" denies', (text, language) => {
    expect(stanceOf(text, language).stance).toBe('DENIES');
  });

  it.each([
    ['삼성전자는 엔비디아에 HBM3E를 공급하는지 확인해 줄 수 없다고 밝혔다.', 'ko'],
    ['삼성전자 부인은 행사에 참석했다고 밝혔다.', 'ko'],
    ['Samsung declined to comment on whether it supplies chips to Nvidia.', 'en'],
    ['Samsung supplies chips to Nvidia, the company said.', 'en'],
  ] as const)('"%s" does not deny', (text, language) => {
    expect(stanceOf(text, language).stance).toBe('SUPPORTS');
  });

  it('the claims of a denying sentence are proposed DENIES, with the denier as attribution', () => {
    const text = '삼성전자는 엔비디아에 HBM3E를 공급한다는 보도는 사실이 아니라고 밝혔다.';
    expect(stances(text)).toEqual(['samsung-electronics SUPPLIES nvidia DENIES']);
    const draft = propose(
      { text: 'Samsung Electronics denied that it supplies chips to Nvidia.', source },
      gazetteer,
    );
    expect(draft.claims.map((c) => [c.type, c.stance, c.attributedTo])).toEqual([
      ['SUPPLIES', 'DENIES', 'Samsung Electronics'],
    ]);
  });

  it('declining to confirm keeps the claim SUPPORTS', () => {
    expect(
      stances('Samsung Electronics declined to comment on whether it supplies chips to Nvidia.'),
    ).toEqual(['samsung-electronics SUPPLIES nvidia SUPPORTS']);
  });

  it('a title in a denying sentence still supports its own claim', () => {
    expect(stances('이재용 삼성전자 회장은 저커버그와 만났다는 보도를 부인했다.')).toEqual([
      'lee-jae-yong CHAIRMAN_OF samsung-electronics SUPPORTS',
      'lee-jae-yong MET_WITH mark-zuckerberg DENIES',
    ]);
  });
});
