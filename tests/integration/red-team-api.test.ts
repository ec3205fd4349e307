// Issue 12: the red team's attacks on the HTTP API, replayed. Items: 12 (X-Forwarded-For bypassed the
// failed-auth limit), 13 (revoked and expired tokens were served cached answers), 14 (bodies of any type
// and size, and form posts running operations), 19 (anonymous readers saw the audit trail and deleted
// entities).
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createToken, revokeToken } from '../../server/auth/tokens.ts';
import type { Database } from '../../server/db/database.ts';
import { testDatabase } from '../helpers/db.ts';
import { errorCode, gql, startProductForTests, type TestProduct } from '../helpers/product.ts';

const uri = inject('neo4jUri');
const ENTITY = `query ($id: ID!) { entity(id: $id) { id name deleted } }`;

describe('item 12: X-Forwarded-For does not reset the failed-authentication limit', () => {
  let product: TestProduct;
  beforeAll(async () => {
    product = await startProductForTests(uri, { env: { LINKAGE_AUTH_FAILURES_PER_MINUTE: '5' } });
  });
  afterAll(() => product?.close());

  it('answers 429 after the limit, whatever address the client claims to forward for', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      const response = await fetch(`${product.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer lk_${'x'.repeat(43)}`,
          'x-forwarded-for': `198.51.100.${i + 1}`,
        },
        body: JSON.stringify({ query: '{ viewer { name } }' }),
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(-5)).toEqual([429, 429, 429, 429, 429]);
  });
});

describe('item 13: authentication happens before the response cache', () => {
  let product: TestProduct;
  let db: Database;
  beforeAll(async () => {
    product = await startProductForTests(uri, {
      env: { LINKAGE_READS_REQUIRE_TOKEN: 'true', LINKAGE_RESPONSE_CACHE_TTL_MS: '600000' },
    });
    db = testDatabase(uri);
  });
  afterAll(async () => {
    await db?.close();
    await product?.close();
  });

  it('a revoked token gets UNAUTHENTICATED, not the answer cached for it a moment ago', async () => {
    const token = await createToken(db, { name: 'soon-revoked', role: 'reader' });
    await sleep(1100); // every server re-reads the tokens within a second
    const first = await gql(product.url, ENTITY, { id: 'meta' }, token);
    expect(first.data?.entity?.id).toBe('meta');
    expect(await revokeToken(db, 'soon-revoked')).toBe(true);
    await sleep(1100);
    const after = await gql(product.url, ENTITY, { id: 'meta' }, token);
    expect(errorCode(after)).toBe('UNAUTHENTICATED');
    expect(after.data?.entity ?? null).toBeNull();
  });

  it('an expired token gets UNAUTHENTICATED, not a cached answer', async () => {
    const token = await createToken(db, {
      name: 'short-lived',
      role: 'reader',
      expiresInDays: 3 / 86_400, // three seconds
    });
    await sleep(1100);
    const first = await gql(product.url, ENTITY, { id: 'samsung-electronics' }, token);
    expect(first.data?.entity?.id).toBe('samsung-electronics');
    await sleep(3000);
    const after = await gql(product.url, ENTITY, { id: 'samsung-electronics' }, token);
    expect(errorCode(after)).toBe('UNAUTHENTICATED');
  });

  it('an anonymous caller gets UNAUTHENTICATED even for a query a reader just cached', async () => {
    const reader = await gql(product.url, ENTITY, { id: 'lg-electronics' }, product.readerToken);
    expect(reader.data?.entity?.id).toBe('lg-electronics');
    expect(errorCode(await gql(product.url, ENTITY, { id: 'lg-electronics' }))).toBe('UNAUTHENTICATED');
  });
});

describe('item 14: only JSON POSTs run operations, and every body is bounded', () => {
  let product: TestProduct;
  beforeAll(async () => {
    product = await startProductForTests(uri, { env: { LINKAGE_MAX_BODY_BYTES: '100000' } });
  });
  afterAll(() => product?.close());

  const post = (contentType: string, body: string | FormData, token?: string) =>
    fetch(`${product.url}/graphql`, {
      method: 'POST',
      headers: {
        ...(contentType ? { 'content-type': contentType } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body,
    }).catch((error: Error) => ({ status: 0, error }) as const);

  const created = async (id: string) =>
    (await gql(product.url, ENTITY, { id }, product.editorToken)).data?.entity?.id === id;

  it('refuses a large application/graphql body instead of reading it', async () => {
    const huge = `{ viewer { name } }${' '.repeat(2_000_000)}`;
    const response = await post('application/graphql', huge);
    expect([0, 413, 415]).toContain(response.status);
  });

  it('refuses application/graphql, text/plain, form and multipart posts, and runs nothing', async () => {
    const mutation = (id: string) =>
      `mutation { createEntity(input: {id: "${id}", kind: "Concept", name: "CSRF ${id}"}) { id } }`;
    const cases: [string, string, string | FormData][] = [
      ['graphql', 'application/graphql', mutation('csrf-graphql')],
      ['text', 'text/plain', JSON.stringify({ query: mutation('csrf-text') })],
      ['form', 'application/x-www-form-urlencoded', `query=${encodeURIComponent(mutation('csrf-form'))}`],
      ['none', '', JSON.stringify({ query: mutation('csrf-none') })],
    ];
    for (const [name, type, body] of cases) {
      const response = await post(type, body, product.editorToken);
      expect(response.status, name).toBe(415);
    }
    const form = new FormData();
    form.set('operations', JSON.stringify({ query: mutation('csrf-multipart') }));
    const multipart = await fetch(`${product.url}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${product.editorToken}` },
      body: form,
    });
    expect(multipart.status).toBe(415);
    for (const id of ['csrf-graphql', 'csrf-text', 'csrf-form', 'csrf-none', 'csrf-multipart'])
      expect(await created(id), id).toBe(false);
  });

  it('still runs JSON posts (with or without a charset) and the graphql-response+json type', async () => {
    for (const type of [
      'application/json',
      'application/json; charset=utf-8',
      'application/graphql-response+json',
    ]) {
      const response = await post(type, JSON.stringify({ query: '{ viewer { name } }' }));
      expect(response.status, type).toBe(200);
    }
  });
});

describe('item 19: the audit trail and deleted entities need a token', () => {
  let product: TestProduct;
  beforeAll(async () => {
    product = await startProductForTests(uri);
    const { data } = await gql(product.url, ENTITY, { id: 'seoul' });
    expect(data?.entity?.deleted).toBe(false);
    const version = (await gql(product.url, `{ entity(id: "seoul") { version } }`)).data!.entity.version;
    const deleted = await gql(
      product.url,
      `mutation ($v: Int!) { deleteEntity(id: "seoul", version: $v) { id deleted } }`,
      { v: version },
      product.editorToken,
    );
    expect(deleted.errors).toBeUndefined();
  });
  afterAll(() => product?.close());

  it('refuses the audit trail to anonymous callers, and gives it to readers', async () => {
    const query = '{ auditTrail(first: 5) { action actor before after } }';
    expect(errorCode(await gql(product.url, query))).toBe('UNAUTHENTICATED');
    const asReader = await gql(product.url, query, {}, product.readerToken);
    expect(asReader.errors).toBeUndefined();
    expect(asReader.data?.auditTrail.length).toBeGreaterThan(0);
  });

  it('hides soft-deleted entities from anonymous callers', async () => {
    expect((await gql(product.url, ENTITY, { id: 'seoul' })).data?.entity).toBeNull();
    const listing = await gql(product.url, '{ entities(includeDeleted: true, first: 100) { totalCount } }');
    expect(errorCode(listing)).toBe('UNAUTHENTICATED');
    const asReader = await gql(product.url, ENTITY, { id: 'seoul' }, product.readerToken);
    expect(asReader.data?.entity).toMatchObject({ id: 'seoul', deleted: true });
  });
});
