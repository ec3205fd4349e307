// What the rule tests read from a proposal of one written sentence, linked against the seed graph:
// its mentions as [surface, entity id or new:Kind] and its claims as "From TYPE To".
import { findMentions } from '../../../server/graph/ingest/mentions.ts';
import { propose } from '../../../server/graph/ingest/propose.ts';
import { seedGazetteer } from '../../../bench/ingest-eval.ts';

export const gazetteer = seedGazetteer();
export const source = { title: 't', publisher: 'Test Wire', publishedAt: '2024-05-10' };

export const mentions = (text: string, language: 'ko' | 'en' = 'ko') =>
  findMentions(text, language, gazetteer).map((m) => [
    text.slice(m.start, m.end),
    m.entity?.id ?? `new:${m.kind}`,
  ]);

export const claims = (text: string, language: 'ko' | 'en' = 'ko') => {
  const draft = propose({ text, source: { ...source, language } }, gazetteer);
  const name = (key: string) => draft.entities.find((e) => e.key === key)!.name;
  return draft.claims.map((c) => `${name(c.fromKey)} ${c.type} ${name(c.toKey)}`).sort();
};
