// The response cache (LINKAGE_RESPONSE_CACHE_TTL_MS): repeated reads are served without the database,
// every successful write makes the next read fresh, answers are never shared between tokens, and a TTL
// of 0 turns the cache off.
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { inject } from 'vitest';
import { testDriver } from '../helpers/db.ts';
import { gql, startProductForTests, type TestProduct } from '../helpers/product.ts';

const uri = inject('neo4jUri');
const NEIGHBOURS = `query ($ids: [ID!]!) { neighborhood(ids: $ids, limit: 500) { nodes { id name } } }`;
const ENTITY = `query ($id: ID!) { entity(id: $id) { id name version } }`;
const VIEWER = `{ viewer { name role } }`;
const CREATE_ENTITY = `mutation ($input: CreateEntityInput!) { createEntity(input: $input) { id version } }`;
const UPDATE_ENTITY = `mutation ($id: ID!, $version: Int!, $patch: EntityPatch!) {
  updateEntity(id: $id, version: $version, patch: $patch) { id name version } }`;
const SOURCE_ID = 'apple-economy-2024-02-29-zuckerberg-seoul';
const CREATE_RELATIONSHIP = `mutation ($input: CreateRelationshipInput!) { createRelationship(input: $input) { id } }`;

/** Renames an entity behind the server's back, so only a cache can still answer with the old name. */
async function renameDirectly(id: string, name: string) {
  const driver = testDriver(uri);
  try {
    await driver.executeQuery('MATCH (n:Entity {id: $id}) SET n.name = $name', { id, name });
  } finally {
    await driver.close();
  }
}

type Neighbours = { neighborhood: { nodes: { id: string; name: string }[] } };
type EntityResult = { entity: { id: string; name: string; version: number } | null };

describe('response cache on', () => {
  let product: TestProduct;
  beforeAll(async () => {
    product = await startProductForTests(uri, { env: { LINKAGE_RESPONSE_CACHE_TTL_MS: '600000' } });
  });
  afterAll(async () => {
    await product?.close();
  });

  it('answers a repeated read from the cache, without a database statement', async () => {
    const first = await gql<EntityResult>(product.url, ENTITY, { id: 'meta' });
    expect(first.data?.entity?.id).toBe('meta');
    const statements = product.statementCount();
    const second = await gql<EntityResult>(product.url, ENTITY, { id: 'meta' });
    expect(second.data).toEqual(first.data);
    expect(product.statementCount()).toBe(statements);
  });

  it('serves a hit byte for byte as the first answer, and a fresh one after a write', async () => {
    const raw = async () => {
      const response = await fetch(`${product.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: ENTITY, variables: { id: 'samsung-electronics' } }),
      });
      return { text: await response.text(), etag: response.headers.get('etag') };
    };
    const first = await raw();
    const statements = product.statementCount();
    const hits = [await raw(), await raw()];
    expect(product.statementCount()).toBe(statements);
    for (const hit of hits) expect(hit).toEqual(first);
    expect(JSON.parse(first.text)).toEqual({
      data: { entity: expect.objectContaining({ id: 'samsung-electronics' }) },
    });

    await renameDirectly('samsung-electronics', 'Samsung Renamed Behind The Server');
    const created = await gql(
      product.url,
      CREATE_ENTITY,
      {
        input: { kind: 'Organization', name: 'Cache Serialisation Probe' },
      },
      product.editorToken,
    );
    expect(created.errors).toBeUndefined();
    const fresh = await raw();
    expect(fresh.text).not.toBe(first.text);
    expect(fresh.text).toContain('Samsung Renamed Behind The Server');
  });

  it('a hit sent before yoga has the status, headers and body yoga sends for the same hit', async () => {
    const post = async (headers: Record<string, string>) => {
      const response = await fetch(`${product.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: ENTITY, variables: { id: 'lg-electronics' } }),
      });
      // yoga streams its answer (chunked); the early hit knows its length. Neither framing is the answer.
      const {
        date: _date,
        'content-length': length,
        'transfer-encoding': _framing,
        ...rest
      } = Object.fromEntries(response.headers);
      const text = await response.text();
      if (length !== undefined) expect(Number(length)).toBe(Buffer.byteLength(text));
      return { status: response.status, headers: rest, text };
    };
    const first = await post({});
    const before = product.cacheStats().hits;
    const statements = product.statementCount();
    const early = await post({});
    // A conditional request that matches nothing is answered by yoga, from the same entry.
    const byYoga = await post({ 'if-none-match': '"nothing"' });
    expect(product.cacheStats().hits - before).toBe(2);
    expect(product.statementCount()).toBe(statements);
    expect(early).toEqual(byYoga);
    expect(early.text).toBe(first.text);
    expect(early.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(early.headers.etag).toBeTruthy();
  });

  it('read → mutate → read sees the change (entity update)', async () => {
    const before = await gql<EntityResult>(product.url, ENTITY, { id: 'lg-electronics' });
    const version = before.data!.entity!.version;
    // Prove the next read would come from the cache: a change made behind the server is not seen.
    await renameDirectly('lg-electronics', 'Renamed Behind The Server');
    const cached = await gql<EntityResult>(product.url, ENTITY, { id: 'lg-electronics' });
    expect(cached.data?.entity?.name).toBe(before.data!.entity!.name);

    const updated = await gql(
      product.url,
      UPDATE_ENTITY,
      { id: 'lg-electronics', version, patch: { name: 'LG Electronics Inc.' } },
      product.editorToken,
    );
    expect(updated.errors).toBeUndefined();
    const after = await gql<EntityResult>(product.url, ENTITY, { id: 'lg-electronics' });
    expect(after.data?.entity?.name).toBe('LG Electronics Inc.');
    expect(after.data?.entity?.version).toBe(version + 1);
  });

  it('read → mutate → read sees the change (a new relationship changes a neighbourhood)', async () => {
    const before = await gql<Neighbours>(product.url, NEIGHBOURS, { ids: ['meta'] });
    const ids = () => before.data!.neighborhood.nodes.map((n) => n.id);
    expect(ids()).not.toContain('cache-test-startup');

    const created = await gql(
      product.url,
      CREATE_ENTITY,
      { input: { id: 'cache-test-startup', kind: 'Organization', name: 'Cache Test Startup' } },
      product.editorToken,
    );
    expect(created.errors).toBeUndefined();
    // The entity alone does not touch Meta's neighbourhood, but the write still empties the cache.
    const linked = await gql(
      product.url,
      CREATE_RELATIONSHIP,
      {
        input: {
          type: 'PARTNERS_WITH',
          fromId: 'cache-test-startup',
          toId: 'meta',
          evidence: [
            {
              quote: 'The two companies announced a partnership',
              certainty: 'REPORTED',
              sourceId: SOURCE_ID,
            },
          ],
        },
      },
      product.editorToken,
    );
    expect(linked.errors, JSON.stringify(linked.errors)).toBeUndefined();
    const after = await gql<Neighbours>(product.url, NEIGHBOURS, { ids: ['meta'] });
    expect(after.data?.neighborhood.nodes.map((n) => n.id)).toContain('cache-test-startup');
  });

  // Issue 19: a mutation's checks run before its transaction commits, so a refused one commits nothing —
  // not the generation either, which would empty every replica's cache — and answers with no bookmark.
  it('a rejected mutation leaves the generation and the cached answers; an accepted one moves it', async () => {
    const generation = async () =>
      ((await (await fetch(`${product.url}/ready`)).json()) as { generation: number }).generation;
    const mutate = async (query: string, variables: Record<string, unknown>) => {
      const response = await fetch(`${product.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${product.editorToken}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
      return { code: body.errors?.[0]?.extensions?.code, bookmark: response.headers.get('linkage-bookmark') };
    };
    const ID = 'mark-zuckerberg';
    const before = await gql<EntityResult>(product.url, ENTITY, { id: ID });
    const version = before.data!.entity!.version;
    const generationBefore = await generation();
    // From now on only the cache can answer with the old name.
    await renameDirectly(ID, 'Renamed Behind The Server');

    const rejected = [
      // A stale version: the statement ran, took its lock, found the version moved on.
      await mutate(UPDATE_ENTITY, { id: ID, version: version + 5, patch: { name: 'Stale write' } }),
      // Unknown ids: the statement ran and found nothing to change.
      await mutate(UPDATE_ENTITY, { id: 'no-such-entity', version: 1, patch: { name: 'Nobody' } }),
      await mutate(CREATE_RELATIONSHIP, {
        input: {
          type: 'PARTNERS_WITH',
          fromId: ID,
          toId: 'no-such-entity',
          evidence: [{ quote: 'They partner', certainty: 'REPORTED', sourceId: SOURCE_ID }],
        },
      }),
      // An id that is taken: the uniqueness constraint fails the transaction.
      await mutate(CREATE_ENTITY, { input: { id: 'meta', kind: 'Organization', name: 'Meta again' } }),
      // Refused before any statement.
      await mutate('mutation { mergeEntities(keepId: "meta", mergeId: "meta") { mergeId } }', {}),
    ];
    expect(rejected).toEqual([
      { code: 'CONFLICT', bookmark: null },
      { code: 'NOT_FOUND', bookmark: null },
      { code: 'NOT_FOUND', bookmark: null },
      { code: 'CONFLICT', bookmark: null },
      { code: 'BAD_USER_INPUT', bookmark: null },
    ]);
    expect(await generation()).toBe(generationBefore);
    const hits = product.cacheStats().hits;
    const cached = await gql<EntityResult>(product.url, ENTITY, { id: ID });
    expect(cached.data).toEqual(before.data); // the old name: still served from the cache
    expect(product.cacheStats().hits).toBe(hits + 1);

    const accepted = await mutate(UPDATE_ENTITY, {
      id: ID,
      version,
      patch: { description: 'An accepted write' },
    });
    expect(accepted).toEqual({ code: undefined, bookmark: expect.stringMatching(/\S/) });
    expect(await generation()).toBe(generationBefore + 1);
    const fresh = await gql<EntityResult>(product.url, ENTITY, { id: ID });
    expect(fresh.data?.entity).toEqual({ id: ID, name: 'Renamed Behind The Server', version: version + 1 });
  });

  it('never serves one token’s answer to another', async () => {
    const asEditor = await gql<{ viewer: { name: string } }>(product.url, VIEWER, {}, product.editorToken);
    const asReader = await gql<{ viewer: { name: string } }>(product.url, VIEWER, {}, product.readerToken);
    const anonymous = await gql<{ viewer: { name: string } }>(product.url, VIEWER, {});
    expect(asEditor.data?.viewer.name).toBe('test-editor');
    expect(asReader.data?.viewer.name).toBe('test-reader');
    expect(anonymous.data?.viewer.name).toBe('anonymous');
  });

  it('does not cache mutations or bad input', async () => {
    const bad = await gql(product.url, ENTITY, { id: null });
    expect(bad.errors?.length).toBeGreaterThan(0);
    const again = await gql(product.url, ENTITY, {});
    expect(again.errors?.length).toBeGreaterThan(0);
    const first = await gql(
      product.url,
      CREATE_ENTITY,
      { input: { id: 'cache-test-twice', kind: 'Concept', name: 'Twice' } },
      product.editorToken,
    );
    expect(first.errors).toBeUndefined();
    // The same mutation again reaches the database and conflicts instead of replaying a cached success.
    const second = await gql(
      product.url,
      CREATE_ENTITY,
      { input: { id: 'cache-test-twice', kind: 'Concept', name: 'Twice' } },
      product.editorToken,
    );
    expect(second.errors?.length).toBeGreaterThan(0);
    expect(second.data).toBeNull();
  });

  it('a query the budget refuses before it runs leaves the cache silent (no plugin-order warning per refusal)', async () => {
    // Under the attacker soak each refusal printed "[useResponseCache] The cached execute function was
    // not called…" (2,191 lines): the budget refused after the cache had wrapped the execution.
    const warn = vi.spyOn(console, 'warn');
    try {
      const aliases = Array.from(
        { length: 15 },
        (_, i) => `n${i}: neighborhood(ids: ["meta"], depth: 3, limit: 2000) { totalNodes }`,
      );
      const refused = await gql(product.url, `{ ${aliases.join(' ')} }`);
      expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(warn.mock.calls.filter((call) => String(call[0]).includes('useResponseCache'))).toEqual([]);
    } finally {
      warn.mockRestore();
    }
  });
});

describe('response cache off (TTL 0)', () => {
  let product: TestProduct;
  beforeAll(async () => {
    product = await startProductForTests(uri, { env: { LINKAGE_RESPONSE_CACHE_TTL_MS: '0' } });
  });
  afterAll(async () => {
    await product?.close();
  });

  it('every read reaches the database', async () => {
    await gql(product.url, ENTITY, { id: 'meta' });
    await renameDirectly('meta', 'Meta Renamed');
    const after = await gql<EntityResult>(product.url, ENTITY, { id: 'meta' });
    expect(after.data?.entity?.name).toBe('Meta Renamed');
  });
});

// Issue 12, item 2: a reader flooded the cache with cache-busted answers (a `#comment` or an unused
// variable per request) until the heap ran out. The cache is now bounded by bytes and keys on the
// normalised document, so the same flood leaves it within its stated bound.
describe('response cache under a cache-busting flood', () => {
  const MAX_BYTES = 2_000_000;
  let product: TestProduct;
  beforeAll(async () => {
    product = await startProductForTests(uri, {
      env: { LINKAGE_RESPONSE_CACHE_TTL_MS: '600000', LINKAGE_RESPONSE_CACHE_MAX_BYTES: String(MAX_BYTES) },
    });
  });
  afterAll(async () => {
    await product?.close();
  });

  /** The whole seed graph with its evidence: one statement and a large answer (~50 KB). */
  const LARGE = `query ($depth: Int!) { neighborhood(ids: ["meta"], depth: $depth, limit: 500) {
    nodes { id name nameKo aliases description kind }
    relationships { id type fromId toId certainty evidence { quote translation attributedTo source { title publisher } } } } }`;

  const post = (query: string, variables: Record<string, unknown> = {}) =>
    fetch(`${product.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    }).then((r) => r.text());

  it('`#comment` and whitespace variants of one query share one entry', async () => {
    const statements = product.statementCount();
    const answers = new Set<string>();
    for (let i = 0; i < 40; i += 1) {
      const variant = `# cache-buster ${i}\n${' '.repeat(i % 5)}${ENTITY.replace('{ id', `{${' '.repeat(i % 3)}  id`)}`;
      answers.add(await post(variant, { id: 'meta' }));
    }
    expect(answers.size).toBe(1);
    // One database statement for the first answer; the 39 variants were hits.
    expect(product.statementCount() - statements).toBe(1);
  });

  it('keeps its measured size, and the heap, under the bound while answers keep changing', async () => {
    const gc = (() => {
      v8.setFlagsFromString('--expose-gc');
      return vm.runInNewContext('gc') as () => void;
    })();
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    let largest = 0;
    for (let i = 0; i < 200; i += 1) {
      // Every request is a different cache key (an unused variable), and each answer is tens of KB.
      const answer = await post(LARGE, { depth: 2, buster: i });
      if (i === 0) console.log('SIZE', answer.length);
      if (i === 0) expect(answer.length).toBeGreaterThan(20_000);
      const stats = product.cacheStats();
      largest = Math.max(largest, stats.bytes);
      expect(stats.bytes).toBeLessThanOrEqual(MAX_BYTES);
    }
    gc();
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
    console.log('GROWTH', heapGrowth, largest);
    expect(largest).toBeGreaterThan(MAX_BYTES / 2); // the flood did fill it
    // 400 answers would be tens of MB as text alone, and more with the objects the old cache also kept.
    expect(heapGrowth).toBeLessThan(MAX_BYTES + 20_000_000);
  });

  it('a deeply nested unused variable is answered, not a 500 (item 15)', async () => {
    const response = await fetch(`${product.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"query": ${JSON.stringify(ENTITY)}, "variables": {"id": "meta", "unused": ${'['.repeat(300_000)}1${']'.repeat(300_000)}}}`,
    });
    const body = (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    expect(body.errors?.[0]?.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
    expect(response.status).toBeLessThan(500);
  });
});
