// Small builders for client tests: readable defaults, override what the test is about.
import type { Entity, Evidence, Relationship } from '../../../client/src/api/shapes.ts';
import type { QuotedRelationship } from '../../../client/src/state/evidence.ts';

export function entity(id: string, overrides: Partial<Entity> = {}): Entity {
  return {
    id,
    kind: 'Organization',
    name: id,
    nameKo: null,
    aliases: [],
    description: null,
    occurredAt: null,
    properties: {},
    version: 1,
    ...overrides,
  };
}

export function evidence(overrides: Partial<Evidence> = {}): Evidence {
  return {
    id: 'ev-1',
    quote: '인용',
    translation: 'a quote',
    sentence: null,
    attributedTo: 'Apple Economy',
    certainty: 'CONFIRMED',
    stance: 'SUPPORTS',
    occurredAt: null,
    source: {
      id: 'src-1',
      title: '기사',
      titleEn: null,
      publisher: '애플경제',
      author: '전윤미',
      publishedAt: '2024-02-29',
      language: 'ko',
      url: null,
      reliability: 'F',
      reliabilityReason: null,
    },
    ...overrides,
  };
}

export function rel(
  fromId: string,
  type: string,
  toId: string,
  overrides: Partial<Relationship> = {},
): Relationship {
  return {
    id: `${fromId}:${type}:${toId}`,
    type,
    fromId,
    toId,
    certainty: 'CONFIRMED',
    occurredAt: null,
    sourceCount: 1,
    disputed: false,
    properties: {},
    evidence: [evidence()],
    version: 1,
    ...overrides,
  };
}

/** A relationship with its evidence in full (read with Query.evidence), as the exports take it. */
export function quotedRel(
  fromId: string,
  type: string,
  toId: string,
  overrides: Partial<QuotedRelationship> = {},
): QuotedRelationship {
  return { ...rel(fromId, type, toId), evidence: [evidence()], ...overrides };
}
