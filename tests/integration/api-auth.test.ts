// Authentication and roles through HTTP: every mutation needs an editor token (none → UNAUTHENTICATED,
// reader → FORBIDDEN), bad tokens are UNAUTHENTICATED everywhere, reads can be made to need a token, and
// failed authentication is rate limited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { graphCounts } from '../helpers/db.ts';
import { errorCode, gql, startProductForTests, type TestProduct } from '../helpers/product.ts';
import { ok } from '../helpers/api.ts';

const EVIDENCE = {
  quote: 'auth test quote',
  certainty: 'REPORTED',
  sourceId: 'apple-economy-2024-02-29-zuckerberg-seoul',
};

/** Every mutation in the SDL with arguments that would succeed for an editor. */
const MUTATIONS: [string, string, Record<string, unknown>][] = [
  [
    'createEntity',
    'mutation ($input: CreateEntityInput!) { createEntity(input: $input) { id } }',
    { input: { id: 'auth-probe', kind: 'Concept', name: 'Auth probe' } },
  ],
  [
    'updateEntity',
    'mutation { updateEntity(id: "meta", version: 1, patch: { description: "changed" }) { id } }',
    {},
  ],
  ['deleteEntity', 'mutation { deleteEntity(id: "meta", version: 1) { id } }', {}],
  ['restoreEntity', 'mutation { restoreEntity(id: "meta") { id } }', {}],
  [
    'createRelationship',
    'mutation ($input: CreateRelationshipInput!) { createRelationship(input: $input) { id } }',
    { input: { type: 'KNOWS', fromId: 'meta', toId: 'nvidia', evidence: [EVIDENCE] } },
  ],
  [
    'updateRelationship',
    'mutation { updateRelationship(id: "meta:RELIES_ON:nvidia", version: 1, patch: { properties: { note: "x" } }) { id } }',
    {},
  ],
  [
    'deleteRelationship',
    'mutation { deleteRelationship(id: "meta:RELIES_ON:nvidia", version: 1) { id } }',
    {},
  ],
  ['restoreRelationship', 'mutation { restoreRelationship(id: "meta:RELIES_ON:nvidia") { id } }', {}],
  [
    'addEvidence',
    'mutation ($e: EvidenceInput!) { addEvidence(relationshipId: "meta:RELIES_ON:nvidia", evidence: $e) { id } }',
    { e: EVIDENCE },
  ],
  ['mergeEntities', 'mutation { mergeEntities(keepId: "google", mergeId: "apple") { mergeId } }', {}],
  ['unmergeEntities', 'mutation { unmergeEntities(mergeId: "merge-x") { id } }', {}],
  ['addNote', 'mutation { addNote(targetId: "meta", text: "note") { id } }', {}],
  [
    'rateSource',
    'mutation { rateSource(id: "apple-economy-2024-02-29-zuckerberg-seoul", reliability: C) { id } }',
    {},
  ],
];

const READ = '{ search(text: "meta") { entity { id } } }';
const VIEWER = '{ viewer { name role } }';
const WELL_FORMED_UNKNOWN = `lk_${'A'.repeat(43)}`;

let product: TestProduct;
let uri: string;

beforeAll(async () => {
  uri = inject('neo4jUri');
  product = await startProductForTests(uri);
});
afterAll(async () => {
  await product?.close();
});

async function send(query: string, variables: Record<string, unknown>, authorization?: string) {
  const response = await fetch(`${product.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    ...((await response.json()) as {
      data?: unknown;
      errors?: { message: string; extensions?: { code?: string } }[];
    }),
  };
}

describe('mutations', () => {
  it.each(MUTATIONS)(
    '%s without a token is UNAUTHENTICATED and changes nothing',
    async (_name, query, variables) => {
      const before = await graphCounts(uri);
      const response = await gql(product.url, query, variables);
      expect(errorCode(response)).toBe('UNAUTHENTICATED');
      expect(response.errors?.[0]?.message).toMatch(/editor token/);
      expect(await graphCounts(uri)).toEqual(before);
    },
  );

  it.each(MUTATIONS)(
    '%s with a reader token is FORBIDDEN and changes nothing',
    async (_name, query, variables) => {
      const before = await graphCounts(uri);
      const response = await gql(product.url, query, variables, product.readerToken);
      expect(errorCode(response)).toBe('FORBIDDEN');
      expect(await graphCounts(uri)).toEqual(before);
    },
  );

  it('with an editor token a mutation runs and is attributed to the token name', async () => {
    const [, query, variables] = MUTATIONS[0]!;
    const data = await ok<{ createEntity: { id: string } }>(
      product.url,
      query,
      variables,
      product.editorToken,
    );
    expect(data.createEntity.id).toBe('auth-probe');
    const trail = await ok<{ auditTrail: { actor: string; action: string }[] }>(
      product.url,
      '{ auditTrail(targetId: "auth-probe") { actor action } }',
      {},
      product.readerToken,
    );
    expect(trail.auditTrail).toEqual([{ actor: 'test-editor', action: 'createEntity' }]);
  });

  it('with an admin token a mutation runs too', async () => {
    const data = await ok<{ addNote: { id: string } }>(
      product.url,
      'mutation { addNote(targetId: "auth-probe", text: "admin was here") { id } }',
      {},
      product.adminToken,
    );
    expect(data.addNote.id).toMatch(/^note-/);
  });

  it.each([
    ['malformed (no Bearer)', () => `Token ${product.editorToken}`],
    ['malformed (not a token)', () => 'Bearer hunter2'],
    ['malformed (empty bearer)', () => 'Bearer '],
    ['invalid (unknown token)', () => `Bearer ${WELL_FORMED_UNKNOWN}`],
    ['expired', () => `Bearer ${product.expiredToken}`],
  ])('a %s token is UNAUTHENTICATED for mutations and reads', async (_label, header) => {
    const mutation = await send('mutation { addNote(targetId: "meta", text: "x") { id } }', {}, header());
    expect(mutation.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const read = await send(READ, {}, header());
    expect(read.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(read)).not.toContain(product.editorToken);
  });

  it('says which problem the token has', async () => {
    const expired = await send(VIEWER, {}, `Bearer ${product.expiredToken}`);
    expect(expired.errors?.[0]?.message).toMatch(/expired/);
    const malformed = await send(VIEWER, {}, 'Bearer hunter2');
    expect(malformed.errors?.[0]?.message).toMatch(/malformed/);
  });
});

describe('reads', () => {
  it('are open to anonymous local clients by default', async () => {
    const data = await ok<{ search: unknown[] }>(product.url, READ);
    expect(data.search.length).toBeGreaterThan(0);
  });

  it('viewer names the caller and the role', async () => {
    expect((await ok<{ viewer: unknown }>(product.url, VIEWER)).viewer).toEqual({
      name: 'anonymous',
      role: 'anonymous',
    });
    expect((await ok<{ viewer: unknown }>(product.url, VIEWER, {}, product.readerToken)).viewer).toEqual({
      name: 'test-reader',
      role: 'reader',
    });
    expect((await ok<{ viewer: unknown }>(product.url, VIEWER, {}, product.editorToken)).viewer).toEqual({
      name: 'test-editor',
      role: 'editor',
    });
  });
});

describe('LINKAGE_READS_REQUIRE_TOKEN=true', () => {
  let closed: TestProduct;

  beforeAll(async () => {
    closed = await startProductForTests(uri, { env: { LINKAGE_READS_REQUIRE_TOKEN: 'true' } });
  });
  afterAll(async () => {
    await closed?.close();
  });

  it('anonymous reads are UNAUTHENTICATED', async () => {
    for (const query of [
      READ,
      '{ entity(id: "meta") { id } }',
      '{ stats { entities } }',
      '{ sources { id } }',
    ]) {
      expect(errorCode(await gql(closed.url, query))).toBe('UNAUTHENTICATED');
    }
  });

  it('a reader token reads', async () => {
    const data = await ok<{ entity: { id: string } }>(
      closed.url,
      '{ entity(id: "meta") { id } }',
      {},
      closed.readerToken,
    );
    expect(data.entity.id).toBe('meta');
  });

  it('mutations still need an editor', async () => {
    const response = await gql(
      closed.url,
      'mutation { addNote(targetId: "meta", text: "x") { id } }',
      {},
      closed.readerToken,
    );
    expect(errorCode(response)).toBe('FORBIDDEN');
  });
});

describe('failed-authentication rate limit', () => {
  let limited: TestProduct;

  beforeAll(async () => {
    limited = await startProductForTests(uri, { env: { LINKAGE_AUTH_FAILURES_PER_MINUTE: '3' } });
  });
  afterAll(async () => {
    await limited?.close();
  });

  it('answers 429 RATE_LIMITED after LINKAGE_AUTH_FAILURES_PER_MINUTE failures; good tokens still pass', async () => {
    const bad = { authorization: `Bearer ${WELL_FORMED_UNKNOWN}` };
    const attempt = async (headers: Record<string, string>) => {
      const response = await fetch(`${limited.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: VIEWER }),
      });
      return {
        status: response.status,
        body: (await response.json()) as { errors?: { extensions?: { code?: string } }[] },
      };
    };
    // Successful and anonymous requests are not counted.
    for (let i = 0; i < 5; i += 1) expect((await attempt({})).status).toBe(200);
    for (let i = 0; i < 3; i += 1) {
      const failed = await attempt(bad);
      expect(failed.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const blocked = await attempt(bad);
    expect(blocked.status).toBe(429);
    expect(blocked.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    const good = await attempt({ authorization: `Bearer ${limited.editorToken}` });
    expect(good.status).toBe(200);
    expect(good.body.errors).toBeUndefined();
  });
});
