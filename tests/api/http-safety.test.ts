// Safety limits through HTTP: GraphQL Armor (depth, aliases, cost), the body size limit, helmet headers,
// CORS off unless configured, and unexpected errors masked without stack traces. None of it needs Neo4j:
// the real app runs over a fake database (API tier, part of `npm run check`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARMOR_LIMITS } from '../../server/graphql/yoga.ts';
import { quietLogger } from '../helpers/db.ts';
import { startFakeApp, type FakeApp } from '../helpers/fake-app.ts';
import { gql } from '../helpers/product.ts';

const MAX_BODY = 20_000;

let product: FakeApp;

beforeAll(async () => {
  product = await startFakeApp({ env: { LINKAGE_MAX_BODY_BYTES: String(MAX_BODY) } });
});
afterAll(async () => {
  await product?.close();
});

const rejected = (response: Awaited<ReturnType<typeof gql>>) => {
  expect(response.data ?? null).toBeNull();
  expect(response.errors?.length).toBeGreaterThan(0);
  // Armor limits are the caller's input (BAD_USER_INPUT); schema validation keeps graphql-js's own code.
  expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(response.errors?.[0]?.extensions?.code);
  expect(JSON.stringify(response.errors)).not.toMatch(/\s+at\s.+\.(ts|js):\d+/);
};

describe('GraphQL Armor', () => {
  it('rejects queries deeper than the depth limit and accepts one at it', async () => {
    // Path → relationships → evidence → source nests deep enough with introspection-free fields.
    const nest = (levels: number) => {
      let selection = 'name';
      for (let i = 0; i < levels; i += 1) selection = `ofType { ${selection} }`;
      return selection;
    };
    const deep = `{ __type(name: "Entity") { fields { type { ${nest(ARMOR_LIMITS.maxDepth)} } } } }`;
    const response = await gql(product.url, deep);
    rejected(response);
    expect(response.errors?.[0]?.message).toMatch(/depth/i);
    const shallow = await gql(product.url, `{ __type(name: "Entity") { fields { type { ${nest(3)} } } } }`);
    expect(shallow.errors).toBeUndefined();
  });

  it('rejects more aliases than allowed', async () => {
    const aliases = Array.from(
      { length: ARMOR_LIMITS.maxAliases + 1 },
      (_, i) => `a${i}: viewer { name }`,
    ).join(' ');
    const response = await gql(product.url, `{ ${aliases} }`);
    rejected(response);
    expect(response.errors?.[0]?.message).toMatch(/alias/i);
    const fine = Array.from({ length: 3 }, (_, i) => `a${i}: viewer { name }`).join(' ');
    expect((await gql(product.url, `{ ${fine} }`)).errors).toBeUndefined();
  });

  it('rejects queries over the cost limit', async () => {
    // Fragments multiply cost without adding tokens or aliases: 8^4 neighbourhoods of full entities.
    const query = `
      query { ...L1 }
      fragment L1 on Query { ...L2 ...L2 ...L2 ...L2 ...L2 ...L2 ...L2 ...L2 }
      fragment L2 on Query { ...L3 ...L3 ...L3 ...L3 ...L3 ...L3 ...L3 ...L3 }
      fragment L3 on Query { ...L4 ...L4 ...L4 ...L4 ...L4 ...L4 ...L4 ...L4 }
      fragment L4 on Query { ...L5 ...L5 ...L5 ...L5 ...L5 ...L5 ...L5 ...L5 }
      fragment L5 on Query { neighborhood(ids: ["meta"]) { nodes { id name kind aliases } relationships { id evidence { quote source { id } } } } }
    `;
    const response = await gql(product.url, query);
    rejected(response);
    expect(response.errors?.map((e) => e.message).join(' ')).toMatch(/cost/i);
  });

  it('does not suggest field names to a prober', async () => {
    const response = await gql(product.url, '{ serch(text: "meta") { score } }');
    rejected(response);
    expect(JSON.stringify(response.errors)).not.toMatch(/Did you mean/);
  });
});

describe('HTTP limits and headers', () => {
  it(`answers 413 for a body over LINKAGE_MAX_BODY_BYTES (${MAX_BODY})`, async () => {
    const response = await fetch(`${product.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ viewer { name } }',
        variables: { padding: 'x'.repeat(MAX_BODY + 1) },
      }),
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('accepts a body under the limit', async () => {
    const response = await fetch(`${product.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ viewer { name } }',
        variables: { padding: 'x'.repeat(MAX_BODY / 2) },
      }),
    });
    expect(response.status).toBe(200);
  });

  it('answers 400 BAD_USER_INPUT for a body that is not JSON', async () => {
    const response = await fetch(`${product.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).toContain('BAD_USER_INPUT');
    expect(text).not.toMatch(/\s+at\s.+\.(ts|js):\d+/);
  });

  it('sends helmet security headers and hides the framework', async () => {
    for (const path of ['/graphql', '/health', '/']) {
      const response = await fetch(`${product.url}${path}`, {
        method: path === '/graphql' ? 'POST' : 'GET',
        headers: { 'content-type': 'application/json' },
        body: path === '/graphql' ? JSON.stringify({ query: '{ viewer { name } }' }) : undefined,
      });
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(response.headers.get('cross-origin-opener-policy'), path).toBe('same-origin');
      expect(response.headers.get('x-powered-by'), path).toBeNull();
    }
    const health = await fetch(`${product.url}/health`);
    expect(health.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('sends no CORS headers when no origin is configured', async () => {
    const simple = await fetch(`${product.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ query: '{ viewer { name } }' }),
    });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${product.url}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, authorization',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-headers')).toBeNull();
  });
});

describe('CORS when configured', () => {
  let open: FakeApp;
  const allowed = 'https://notebook.example';

  beforeAll(async () => {
    open = await startFakeApp({ env: { LINKAGE_CORS_ORIGINS: allowed } });
  });
  afterAll(async () => {
    await open?.close();
  });

  it('allows the configured origin only', async () => {
    const yes = await fetch(`${open.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: allowed, 'access-control-request-method': 'POST' },
    });
    expect(yes.headers.get('access-control-allow-origin')).toBe(allowed);
    const no = await fetch(`${open.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ query: '{ viewer { name } }' }),
    });
    expect(no.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('unexpected errors', () => {
  let failingApp: FakeApp;
  let url: string;
  const logged: unknown[] = [];

  beforeAll(async () => {
    // The real app over a database that fails in a way no code expects: the client must see a masked
    // message with an error id, never the internals.
    const failing = new Error('secret internals: /srv/linkage/server/db/database.ts password=hunter2');
    const logger = quietLogger();
    const spy = new Proxy(logger, {
      get(target, key, receiver) {
        if (key === 'error')
          return (...args: unknown[]) => {
            logged.push(args);
          };
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    failingApp = await startFakeApp({
      logger: spy,
      answer: () => {
        throw failing;
      },
    });
    url = failingApp.url;
  });
  afterAll(async () => {
    await failingApp?.close();
  });

  it('are masked: generic message, error id, no stack trace, no internals; and logged', async () => {
    const response = await gql(url, '{ search(text: "meta") { score } }');
    const error = response.errors?.[0];
    expect(error?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(error?.extensions?.errorId).toMatch(/^[a-z0-9]+$/);
    const text = JSON.stringify(response);
    expect(text).not.toContain('secret');
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('database.ts');
    expect(text).not.toMatch(/stack/i);
    expect(error?.message).toContain(String(error?.extensions?.errorId));
    expect(JSON.stringify(logged)).toContain(String(error?.extensions?.errorId));
  });
});
