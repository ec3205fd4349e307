// search through HTTP against the seed graph: Korean, English, aliases, particles, prefixes, ranking,
// kind filters, bounds, and hostile text that must never become a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { errorCode, gql, startProductForTests, type TestProduct } from '../helpers/product.ts';
import { ok } from '../helpers/api.ts';

const SEARCH = /* GraphQL */ `
  query Search($text: String!, $kinds: [String!], $first: Int) {
    search(text: $text, kinds: $kinds, first: $first) {
      score
      matchedField
      snippet
      entity {
        id
        kind
        name
      }
    }
  }
`;

interface Hit {
  score: number;
  matchedField: string | null;
  snippet: string | null;
  entity: { id: string; kind: string; name: string };
}

let product: TestProduct;

beforeAll(async () => {
  product = await startProductForTests(inject('neo4jUri'));
});
afterAll(async () => {
  await product?.close();
});

async function search(text: string, extra: Record<string, unknown> = {}): Promise<Hit[]> {
  return (await ok<{ search: Hit[] }>(product.url, SEARCH, { text, ...extra })).search;
}

describe('search finds entities in both languages', () => {
  it.each([
    ['마크 저커버그', 'mark-zuckerberg'],
    ['저커버그', 'mark-zuckerberg'],
    ['삼성전자', 'samsung-electronics'],
    ['이재용', 'lee-jae-yong'],
    ['Mark Zuckerberg', 'mark-zuckerberg'],
    ['samsung electronics', 'samsung-electronics'],
    ['LG ELECTRONICS', 'lg-electronics'],
    ['Meta', 'meta'],
  ])('"%s" ranks %s first', async (text, id) => {
    const hits = await search(text);
    expect(hits[0]?.entity.id).toBe(id);
  });

  it.each([
    ['조 윌리엄', 'cho-joo-wan'],
    ['William Cho', 'cho-joo-wan'],
    ['Jay Y. Lee', 'lee-jae-yong'],
    ['암바니', 'mukesh-ambani'],
  ])('alias "%s" ranks %s first as an exact alias match', async (text, id) => {
    const hits = await search(text);
    expect(hits[0]?.entity.id).toBe(id);
    expect(hits[0]?.matchedField).toBe('alias');
  });

  it.each([
    ['메타가', 'meta'],
    ['삼성은', 'samsung-electronics'],
    ['저커버그가', 'mark-zuckerberg'],
    ['조주완은', 'cho-joo-wan'],
  ])('Korean with a particle attached: "%s" finds %s first', async (text, id) => {
    const hits = await search(text);
    expect(hits[0]?.entity.id).toBe(id);
  });

  it.each([
    ['zuck', 'mark-zuckerberg'],
    ['저커', 'mark-zuckerberg'],
    ['samsu', 'samsung-electronics'],
    ['nvid', 'nvidia'],
  ])('prefix "%s" (typeahead) finds %s', async (text, id) => {
    const hits = await search(text);
    expect(hits.map((h) => h.entity.id)).toContain(id);
    expect(hits[0]?.entity.id).toBe(id);
  });

  it('ranks the exact name above entities that only mention it', async () => {
    const hits = await search('Meta');
    expect(hits.length).toBeGreaterThan(1);
    expect(hits[0]!.entity.id).toBe('meta');
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
    const scores = hits.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('finds by description words and says so', async () => {
    const hits = await search('co-founder');
    expect(hits.map((h) => h.entity.id)).toContain('mark-zuckerberg');
    const zuck = hits.find((h) => h.entity.id === 'mark-zuckerberg')!;
    expect(zuck.matchedField).toBe('description');
    expect(zuck.snippet?.toLowerCase()).toContain('co-founder');
  });

  it('typeahead prefixes match names and aliases, not parts of description words', async () => {
    // "billionaire" appears only in Mukesh Ambani's description: the whole word finds him, a prefix does not.
    expect((await search('billionaire')).map((h) => h.entity.id)).toContain('mukesh-ambani');
    expect((await search('billionai')).map((h) => h.entity.id)).not.toContain('mukesh-ambani');
    // A prefix of a name still finds it while it is being typed.
    expect((await search('Zucker')).map((h) => h.entity.id)).toContain('mark-zuckerberg');
  });

  it('is case-insensitive', async () => {
    const lower = await search('nvidia');
    const upper = await search('NVIDIA');
    expect(lower.map((h) => h.entity.id)).toEqual(upper.map((h) => h.entity.id));
    expect(lower[0]?.entity.id).toBe('nvidia');
  });

  it('narrows by kind', async () => {
    const hits = await search('저커버그', { kinds: ['Event'] });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.entity.kind === 'Event')).toBe(true);
    expect(hits.map((h) => h.entity.id)).not.toContain('mark-zuckerberg');
  });

  it('honours first and returns nothing for unknown words', async () => {
    expect(await search('Samsung', { first: 1 })).toHaveLength(1);
    expect(await search('xylophonequartz')).toEqual([]);
  });
});

describe('search bounds', () => {
  it.each([[0], [101], [-1]])('first = %d is BAD_USER_INPUT', async (first) => {
    const response = await gql(product.url, SEARCH, { text: 'meta', first });
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
  });

  it.each([[''], ['   '], ['\t\n']])('empty or blank text %j is BAD_USER_INPUT', async (text) => {
    const response = await gql(product.url, SEARCH, { text });
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toMatch(/empty/);
  });

  it('text over 200 characters is BAD_USER_INPUT', async () => {
    const response = await gql(product.url, SEARCH, { text: 'a'.repeat(201) });
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
  });

  it('an unknown kind is BAD_USER_INPUT', async () => {
    const response = await gql(product.url, SEARCH, { text: 'meta', kinds: ['Planet'] });
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
  });
});

describe('hostile search text never reaches Lucene raw', () => {
  const hostile = [
    'name:*',
    '*',
    '"',
    '"unbalanced',
    '\\',
    'meta\\',
    'AND OR NOT',
    'meta AND',
    '*?~^',
    'meta~2^10',
    '(meta',
    '[a TO z]',
    '{}',
    '/regex.*/',
    '&&||!',
    '+-',
    'a'.repeat(200),
    '저'.repeat(200),
    '🙂',
    'Meta 🚀 Samsung',
    "'; DROP TABLE entities; --",
    '" OR 1=1 --',
    'MATCH (n) DETACH DELETE n',
    '}) RETURN n //',
    '$lucene',
    '\u0000',
    '\u202e삼성',
  ];

  it.each(hostile.map((text) => [text]))('%j answers a list, not an error', async (text) => {
    const response = await gql(product.url, SEARCH, { text });
    expect(response.status).toBe(200);
    expect(response.errors).toBeUndefined();
    expect(Array.isArray(response.data?.search)).toBe(true);
  });

  it('leaves the graph intact after injection attempts', async () => {
    const hits = await search('Samsung Electronics');
    expect(hits[0]?.entity.id).toBe('samsung-electronics');
  });

  it('search text of only punctuation finds nothing', async () => {
    expect(await search('*?~^')).toEqual([]);
  });

  it('words around operators still match', async () => {
    const hits = await search('meta AND samsung');
    const ids = hits.map((h) => h.entity.id);
    expect(ids).toContain('meta');
    expect(ids).toContain('samsung-electronics');
  });
});
