// Claims and quotes (issue 17, items 4 and 8): relationships found by the words of their evidence in both
// languages, and each evidence's sentence, read from the licensed article at load time, never from the
// repository.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { errorCode, gql, startProductForTests, type TestProduct } from '../helpers/product.ts';
import { ok } from '../helpers/api.ts';

const ARTICLE = path.resolve(import.meta.dirname, '../../../shared/seed/000_7f3208e37ee62be8.txt');
const SEED = path.resolve(import.meta.dirname, '../../seeds/apple-economy-2024-02-29-zuckerberg-seoul.json');
const SOURCE_ID = 'apple-economy-2024-02-29-zuckerberg-seoul';

const SEARCH_CLAIMS = /* GraphQL */ `
  query ($text: String!, $first: Int) {
    searchClaims(text: $text, first: $first) {
      score
      relationship {
        id
        type
        certainty
        evidence {
          id
          quote
        }
      }
      from {
        id
        name
      }
      to {
        id
        name
      }
      evidence {
        id
        quote
        translation
        sentence
        occurredAt
        source {
          id
          url
          publishedAt
        }
      }
    }
  }
`;

interface ClaimHit {
  score: number;
  relationship: { id: string; type: string; certainty: string; evidence: { id: string; quote: string }[] };
  from: { id: string; name: string };
  to: { id: string; name: string };
  evidence: {
    id: string;
    quote: string;
    translation: string | null;
    sentence: string | null;
    occurredAt: string | null;
    source: { id: string };
  };
}

const ADD_EVIDENCE = /* GraphQL */ `
  mutation ($id: ID!, $evidence: EvidenceInput!) {
    addEvidence(relationshipId: $id, evidence: $evidence) {
      id
      version
      evidence {
        quote
        sentence
      }
    }
  }
`;
const RELATIONSHIP = `query ($id: ID!) { relationship(id: $id) { id version evidence { id quote sentence } } }`;
const MERGE = `mutation ($keepId: ID!, $mergeId: ID!) { mergeEntities(keepId: $keepId, mergeId: $mergeId) { mergeId } }`;
const UNMERGE = `mutation ($mergeId: ID!) { unmergeEntities(mergeId: $mergeId) { id } }`;
const CREATE_ENTITY = `mutation ($input: CreateEntityInput!) { createEntity(input: $input) { id } }`;
const CREATE_RELATIONSHIP = `mutation ($input: CreateRelationshipInput!) { createRelationship(input: $input) { id } }`;

let product: TestProduct;

beforeAll(async () => {
  product = await startProductForTests(inject('neo4jUri'));
});
afterAll(async () => {
  await product?.close();
});

const searchClaims = async (text: string, first?: number) =>
  (await ok<{ searchClaims: ClaimHit[] }>(product.url, SEARCH_CLAIMS, { text, first })).searchClaims;
const ids = (hits: ClaimHit[]) => hits.map((h) => h.relationship.id);

describe('searchClaims finds relationships by their quotes and translations', () => {
  it('"짐작" finds the speculative GPU supply, with its ends named and the matching quote', async () => {
    const hits = await searchClaims('짐작');
    expect(ids(hits)).toContain('samsung-electronics:MAY_SUPPLY:meta');
    const supply = hits.find((h) => h.relationship.id === 'samsung-electronics:MAY_SUPPLY:meta')!;
    expect(supply.from.name).toBe('Samsung Electronics');
    expect(supply.to.name).toBe('Meta');
    expect(supply.evidence.quote).toContain('짐작');
    expect(supply.relationship.certainty).toBe('SPECULATIVE');
    // Each relationship once, however many of its quotes match.
    expect(new Set(ids(hits)).size).toBe(hits.length);
  });

  it('"60만개" finds Meta securing 600,000 GPUs', async () => {
    const hits = await searchClaims('60만개');
    expect(ids(hits)[0]).toBe('meta:PLANS_TO_ACQUIRE:ai-chips');
    expect(hits[0]!.evidence.quote).toContain('60만개');
  });

  it('English words find the translation ("presumed", "600,000")', async () => {
    expect(ids(await searchClaims('presumed'))).toContain('samsung-electronics:MAY_SUPPLY:meta');
    expect(ids(await searchClaims('600,000 chips'))[0]).toBe('meta:PLANS_TO_ACQUIRE:ai-chips');
  });

  it('finds nothing for words no evidence holds, and respects first', async () => {
    expect(await searchClaims('xylophonist')).toEqual([]);
    expect((await searchClaims('메타', 2)).length).toBeLessThanOrEqual(2);
  });

  it('rejects empty or oversized text with a message saying what to do, and survives Lucene syntax', async () => {
    const empty = await gql(product.url, SEARCH_CLAIMS, { text: '   ' });
    expect(errorCode(empty)).toBe('BAD_USER_INPUT');
    expect(empty.errors?.[0]?.message).toMatch(/type at least one letter/);
    const long = await gql(product.url, SEARCH_CLAIMS, { text: 'x'.repeat(201) });
    expect(errorCode(long)).toBe('BAD_USER_INPUT');
    const first = await gql(product.url, SEARCH_CLAIMS, { text: '메타', first: 0 });
    expect(errorCode(first)).toBe('BAD_USER_INPUT');
    expect(await searchClaims('"(*:) AND OR ~ 짐작^')).not.toHaveLength(0);
  });
});

describe('evidence sentences', () => {
  it('the repository holds quotes only: no seed evidence carries a sentence', () => {
    expect(fs.readFileSync(SEED, 'utf8')).not.toMatch(/"sentence"/);
  });

  it.skipIf(!fs.existsSync(ARTICLE))(
    `each seed quote reads in its whole sentence from the article (skipped without ${ARTICLE})`,
    async () => {
      const [hit] = await searchClaims('60만개');
      const { sentence, quote } = hit!.evidence;
      expect(sentence).toContain(quote);
      expect(sentence!.length).toBeGreaterThan(quote.length);
      // One sentence, not a paragraph.
      expect(sentence!.match(/다\.(\s|$)/g)?.length ?? 0).toBeLessThanOrEqual(1);
      const { relationship } = await ok<{
        relationship: { evidence: { quote: string; sentence: string | null }[] };
      }>(product.url, RELATIONSHIP, { id: 'samsung-electronics:MAY_SUPPLY:meta' });
      for (const e of relationship.evidence) expect(e.sentence).toContain(e.quote);
    },
  );

  it('addEvidence stores a sentence and the new quote becomes searchable', async () => {
    const target = 'samsung-electronics:MAY_SUPPLY:meta';
    const { addEvidence } = await ok<{
      addEvidence: { evidence: { quote: string; sentence: string | null }[] };
    }>(
      product.url,
      ADD_EVIDENCE,
      {
        id: target,
        evidence: {
          quote: 'quokkaphone prototypes',
          sentence: 'Both firms showed quokkaphone prototypes to visitors.',
          certainty: 'REPORTED',
          sourceId: SOURCE_ID,
        },
      },
      product.editorToken,
    );
    expect(addEvidence.evidence.find((e) => e.quote === 'quokkaphone prototypes')?.sentence).toBe(
      'Both firms showed quokkaphone prototypes to visitors.',
    );
    expect(ids(await searchClaims('quokkaphone'))).toEqual([target]);
  });

  it('rejects a sentence that does not contain the quote, and writes nothing', async () => {
    const id = 'samsung-electronics:MAY_SUPPLY:meta';
    const read = async () =>
      (
        await ok<{ relationship: { version: number; evidence: unknown[] } }>(product.url, RELATIONSHIP, {
          id,
        })
      ).relationship;
    const before = await read();
    const response = await gql(
      product.url,
      ADD_EVIDENCE,
      {
        id,
        evidence: {
          quote: 'marmosetchip supply',
          sentence: 'A sentence about something else entirely.',
          certainty: 'SPECULATIVE',
          sourceId: SOURCE_ID,
        },
      },
      product.editorToken,
    );
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toMatch(/sentence must contain the quote/);
    expect(await read()).toEqual(before);
    expect(await searchClaims('marmosetchip')).toEqual([]);
  });
});

describe('the claim search follows merges', () => {
  it('a merged entity’s claims are found on the surviving entity, and back after unmerge', async () => {
    const edit = <T>(query: string, variables: Record<string, unknown>) =>
      ok<T>(product.url, query, variables, product.editorToken);
    await edit(CREATE_ENTITY, {
      input: { id: 'claims-dup', kind: 'Organization', name: 'Claims Duplicate' },
    });
    await edit(CREATE_RELATIONSHIP, {
      input: {
        type: 'SUPPLIES',
        fromId: 'claims-dup',
        toId: 'meta',
        evidence: [{ quote: 'wombatcore wafers', certainty: 'REPORTED', sourceId: SOURCE_ID }],
      },
    });
    expect(ids(await searchClaims('wombatcore'))).toEqual(['claims-dup:SUPPLIES:meta']);
    const { mergeEntities } = await edit<{ mergeEntities: { mergeId: string } }>(MERGE, {
      keepId: 'samsung-electronics',
      mergeId: 'claims-dup',
    });
    expect(ids(await searchClaims('wombatcore'))).toEqual(['samsung-electronics:SUPPLIES:meta']);
    await edit(UNMERGE, { mergeId: mergeEntities.mergeId });
    expect(ids(await searchClaims('wombatcore'))).toEqual(['claims-dup:SUPPLIES:meta']);
  });
});
