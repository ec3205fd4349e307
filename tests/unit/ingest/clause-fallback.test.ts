// The clause-level fallback (issue 14): where no specific rule reads a clause that names two or more
// entities, its subject is paired with its other arguments, typed from the clause's predicate, at a lower
// confidence than any rule's. Written sentences, not the eval's articles.
import { describe, expect, it } from 'vitest';
import { propose } from '../../../server/graph/ingest/propose.ts';
import { claims, gazetteer, source } from './sentences.ts';

const draft = (text: string, language: 'ko' | 'en' = 'ko') =>
  propose({ text, source: { ...source, language } }, gazetteer);

describe('the clause fallback', () => {
  it('pairs the subject of a clause no rule reads with its arguments, below the rules’ confidence', () => {
    const text = '삼성전자는 엔비디아에 HBM3E를 공급하고, 애플은 대만에 연구소를 세웠다.';
    expect(claims(text)).toEqual([
      'Apple MENTIONED_WITH 대만',
      'Samsung Electronics PRODUCES HBM3E',
      'Samsung Electronics SUPPLIES Nvidia',
    ]);
    const [fallback, ...rules] = [...draft(text).claims].sort((a, b) => a.confidence - b.confidence);
    expect(fallback!.type).toBe('MENTIONED_WITH');
    for (const rule of rules) expect(rule.confidence).toBeGreaterThan(fallback!.confidence);
  });

  it('types the claim from the clause’s predicate when the lexicon knows it', () => {
    expect(claims('조주완 사장은 서울에 왔다.')).toEqual(['Cho Joo-wan VISITED Seoul']);
    expect(claims('네이버는 엔비디아의 H100을 학습에 써 왔다.')).toEqual(['네이버 USES Nvidia H100']);
  });

  it('distributes over a listed subject or object', () => {
    expect(claims('삼성전자와 애플은 서울에서 회의를 열었다.')).toEqual([
      'Apple MENTIONED_WITH Seoul',
      'Samsung Electronics MENTIONED_WITH Seoul',
    ]);
    expect(claims('애플은 삼성전자·LG전자에 패널 샘플을 요청했다.')).toEqual([
      'Apple MENTIONED_WITH LG Electronics',
      'Apple MENTIONED_WITH Samsung Electronics',
    ]);
  });

  it('English: the speaker, a possessor, a place the act happens in and a bare list are no parties', () => {
    expect(claims('Naver ordered H200 chips from Nvidia, Kim Ha-eun said.', 'en')).toEqual([
      'Naver MENTIONED_WITH H200',
      'Naver MENTIONED_WITH Nvidia',
    ]);
    for (const text of [
      'Samsung will raise HBM3E prices, said Kim Ha-eun of Hanbit Securities.',
      'Samsung will raise HBM3E prices, Kim Ha-eun of Hanbit Securities said.',
    ])
      expect(claims(text, 'en')).toEqual(['Samsung Electronics MENTIONED_WITH HBM3E']);
    // The possessor is no party of the verb; its own product is a noun-phrase fact of its own.
    expect(claims("Naver may shift part of its order to Nvidia's Blackwell chips.", 'en')).toEqual([
      'Naver MENTIONED_WITH Blackwell',
      'Nvidia PRODUCES Blackwell',
    ]);
    expect(claims('Lee Jae-yong met Mark Zuckerberg in Seoul.', 'en')).toEqual([
      'Lee Jae-yong MET_WITH Mark Zuckerberg',
    ]);
    expect(claims('Samsung and Qualcomm declined to comment.', 'en')).toEqual([]);
  });

  it('takes the sentence’s certainty, as the rules do', () => {
    const claim = draft("Naver may shift part of its order to Nvidia's Blackwell chips.", 'en').claims.find(
      (c) => c.type === 'MENTIONED_WITH',
    );
    expect(claim!.certainty).toBe('SPECULATIVE');
  });
});
