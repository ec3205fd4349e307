// Auth hardening: every mutation refuses missing, reader, malformed and expired tokens with the right
// code; failed authentication is rate limited; the token check compares against every stored hash in
// constant time; and no token text ever reaches the logs, even for failing requests.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { authenticateAgainst, issueToken, readTokenFile } from '../../server/auth/tokens.ts';
import { createLogger } from '../../server/logger.ts';
import { errorCode, gql, startProductForTests, type TestProduct } from '../helpers/product.ts';

let product: TestProduct;
let uri: string;
const logLines: string[] = [];

const MUTATIONS: [string, string][] = [
  ['createEntity', 'mutation { createEntity(input: {kind: "Concept", name: "Sec test"}) { id } }'],
  ['updateEntity', 'mutation { updateEntity(id: "meta", version: 1, patch: {name: "Pwned"}) { id } }'],
  ['deleteEntity', 'mutation { deleteEntity(id: "meta", version: 1) { id } }'],
  ['restoreEntity', 'mutation { restoreEntity(id: "meta") { id } }'],
  [
    'createRelationship',
    'mutation { createRelationship(input: {type: "KNOWS", fromId: "meta", toId: "seoul", evidence: [{quote: "q", certainty: REPORTED, sourceId: "apple-economy-2024-02-29-zuckerberg-seoul"}]}) { id } }',
  ],
  [
    'updateRelationship',
    'mutation { updateRelationship(id: "mark-zuckerberg:CEO_OF:meta", version: 1, patch: {properties: {note: "x"}}) { id } }',
  ],
  [
    'deleteRelationship',
    'mutation { deleteRelationship(id: "mark-zuckerberg:CEO_OF:meta", version: 1) { id } }',
  ],
  ['restoreRelationship', 'mutation { restoreRelationship(id: "mark-zuckerberg:CEO_OF:meta") { id } }'],
  [
    'addEvidence',
    'mutation { addEvidence(relationshipId: "mark-zuckerberg:CEO_OF:meta", evidence: {quote: "x", certainty: CONFIRMED, sourceId: "apple-economy-2024-02-29-zuckerberg-seoul"}) { id } }',
  ],
  ['mergeEntities', 'mutation { mergeEntities(keepId: "meta", mergeId: "seoul") { mergeId } }'],
  ['unmergeEntities', 'mutation { unmergeEntities(mergeId: "merge-x") { id } }'],
  ['addNote', 'mutation { addNote(targetId: "meta", text: "x") { id } }'],
  [
    'rateSource',
    'mutation { rateSource(id: "apple-economy-2024-02-29-zuckerberg-seoul", reliability: A) { id } }',
  ],
];

const randomToken = () => `lk_${crypto.randomBytes(32).toString('base64url')}`;
const MALFORMED = [
  'Bearer',
  'Bearer ',
  'bearer lk_short',
  'Basic dXNlcjpwYXNz',
  'Bearer lk_tooShort',
  `Bearer ${randomToken()} extra`,
  `Bearer ${randomToken()}x`,
  `Bearer xx${randomToken().slice(2)}`,
  `Token ${randomToken()}`,
  'Bearer lk_' + '\u00e9'.repeat(43),
];

async function withAuth(query: string, authorization: string | undefined) {
  const response = await fetch(`${product.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
  return {
    status: response.status,
    code: body.errors?.[0]?.extensions?.code,
    message: body.errors?.[0]?.message ?? '',
  };
}

beforeAll(async () => {
  uri = inject('neo4jUri');
  // Every log line of the product, at the most verbose level, goes into logLines.
  const logger = createLogger('trace', { write: (line: string) => void logLines.push(line) });
  product = await startProductForTests(uri, { logger, env: { LINKAGE_AUTH_FAILURES_PER_MINUTE: '100000' } });
});

afterAll(async () => {
  await product?.close();
});

describe('mutations need an editor token', () => {
  it.each(MUTATIONS)(
    '%s: refused without a token, with a reader token, with an expired one',
    async (_name, query) => {
      const before = await gql(product.url, '{ stats { entities relationships evidence } }');
      const anonymous = await withAuth(query, undefined);
      expect(anonymous.code).toBe('UNAUTHENTICATED');
      const reader = await withAuth(query, `Bearer ${product.readerToken}`);
      expect(reader.code).toBe('FORBIDDEN');
      const expired = await withAuth(query, `Bearer ${product.expiredToken}`);
      expect(expired.code).toBe('UNAUTHENTICATED');
      expect(expired.message).toMatch(/expired/);
      const unknown = await withAuth(query, `Bearer ${randomToken()}`);
      expect(unknown.code).toBe('UNAUTHENTICATED');
      expect(unknown.message).toMatch(/not valid/);
      for (const header of MALFORMED) {
        const malformed = await withAuth(query, header);
        expect(malformed.code, header).toBe('UNAUTHENTICATED');
      }
      expect(await gql(product.url, '{ stats { entities relationships evidence } }')).toEqual(before);
    },
  );

  it('an editor token is accepted (the refusals above are about the token, not the query)', async () => {
    const ok = await withAuth(
      'mutation { addNote(targetId: "meta", text: "from the security test") { id } }',
      `Bearer ${product.editorToken}`,
    );
    expect(ok.code).toBeUndefined();
    expect(ok.status).toBe(200);
  });

  it('a bad token is refused even for reads, which are otherwise open', async () => {
    expect((await withAuth('{ entity(id: "meta") { id } }', undefined)).code).toBeUndefined();
    expect((await withAuth('{ entity(id: "meta") { id } }', `Bearer ${randomToken()}`)).code).toBe(
      'UNAUTHENTICATED',
    );
  });
});

describe('token check', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkage-token-timing-'));
  const file = path.join(dir, 'tokens.json');
  const tokens = Array.from({ length: 8 }, (_, i) => issueToken(file, { name: `t${i}`, role: 'reader' }));
  const stored = readTokenFile(file);
  const store = { authenticate: (header: string) => authenticateAgainst(stored, header, Date.now()) };
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('compares the presented token against every stored hash, with timingSafeEqual, never stopping early', () => {
    const spy = vi.spyOn(crypto, 'timingSafeEqual');
    try {
      for (const header of [`Bearer ${randomToken()}`, `Bearer ${tokens[0]}`, `Bearer ${tokens.at(-1)}`]) {
        spy.mockClear();
        store.authenticate(header);
        expect(spy).toHaveBeenCalledTimes(tokens.length);
        // Hash against hash: both sides are 32 bytes whatever the presented token looks like.
        for (const [a, b] of spy.mock.calls) {
          expect((a as Buffer).length).toBe(32);
          expect((b as Buffer).length).toBe(32);
        }
      }
    } finally {
      spy.mockRestore();
    }
  });

  it('a wrong token and a nearly-right token take the same time (no systematic difference)', () => {
    const target = tokens[3]!;
    const nearly = `Bearer ${target.slice(0, -1)}${target.endsWith('A') ? 'B' : 'A'}`;
    const wrong = `Bearer ${randomToken()}`;
    const rounds = 30;
    const perRound = 2000;
    const ratios: number[] = [];
    const time = (header: string) => {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < perRound; i++) store.authenticate(header);
      return Number(process.hrtime.bigint() - t0);
    };
    for (let r = 0; r < rounds; r++) {
      // Interleaved, alternating order, so drift and warm-up hit both sides alike.
      let nearlyNs: number;
      let wrongNs: number;
      if (r % 2 === 0) {
        nearlyNs = time(nearly);
        wrongNs = time(wrong);
      } else {
        wrongNs = time(wrong);
        nearlyNs = time(nearly);
      }
      ratios.push(nearlyNs / wrongNs);
    }
    ratios.sort((x, y) => x - y);
    const median = ratios[Math.floor(rounds / 2)]!;
    const nearlyFaster = ratios.filter((x) => x < 1).length;
    console.log(
      `token timing: median nearly-right/wrong time ratio ${median.toFixed(3)}, nearly-right faster in ${nearlyFaster}/${rounds} rounds`,
    );
    expect(store.authenticate(nearly)).toEqual({ ok: false, reason: 'invalid' });
    // Generous bounds: a leak through early exit would make the nearly-right token consistently slower.
    expect(median).toBeGreaterThan(0.67);
    expect(median).toBeLessThan(1.5);
  });
});

describe('tokens never reach the logs', () => {
  it('no token text appears in any log line, for accepted, refused and malformed requests', async () => {
    const secrets = [
      product.editorToken,
      product.readerToken,
      product.adminToken,
      product.expiredToken,
      randomToken(),
    ];
    const before = logLines.length;
    for (const token of secrets) {
      await withAuth(
        'mutation { createEntity(input: {kind: "Concept", name: "Log probe"}) { id } }',
        `Bearer ${token}`,
      );
      await withAuth('{ viewer { name role } }', `Bearer ${token}`);
      await withAuth('{ broken', `Bearer ${token}`);
      await withAuth('{ entity(id: "meta") { id } }', `Bearer ${token} trailing`);
      await fetch(`${product.url}/export/json?ids=meta`, { headers: { authorization: `Bearer ${token}` } });
      await fetch(`${product.url}/no-such-route`, { headers: { authorization: `Bearer ${token}` } });
      await fetch(`${product.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: '{"query": not json',
      });
    }
    const written = logLines.slice(before).join('\n');
    expect(logLines.length - before).toBeGreaterThan(20);
    for (const token of secrets) {
      expect(written).not.toContain(token);
      expect(written).not.toContain(token.slice(3));
    }
  });
});

describe('failed authentication is rate limited', () => {
  let limited: TestProduct;
  beforeAll(async () => {
    limited = await startProductForTests(uri, { env: { LINKAGE_AUTH_FAILURES_PER_MINUTE: '5' } });
  });
  afterAll(async () => {
    await limited?.close();
  });

  it('answers RATE_LIMITED (429) after the allowed number of failures per minute', async () => {
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 8; i++) {
      const response = await gql(limited.url, '{ viewer { name } }', {}, randomToken());
      codes.push(response.status === 429 ? 'RATE_LIMITED' : errorCode(response));
    }
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('UNAUTHENTICATED'));
    expect(codes.slice(5)).toEqual(Array(3).fill('RATE_LIMITED'));
  });
});
