// Issue 12, item 23: every client error was logged at error level, so an operator could not tell a broken
// server from a client sending bad requests. Client errors are logged at warn or info; error is for faults.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createLogger } from '../../server/logger.ts';
import { gql, startProductForTests, type TestProduct } from '../helpers/product.ts';

const uri = inject('neo4jUri');
const ERROR_LEVEL = 50;

interface LogLine {
  level: number;
  msg?: string;
  [key: string]: unknown;
}

const lines: LogLine[] = [];
const capture = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean))
      lines.push(JSON.parse(line) as LogLine);
    done();
  },
});

let product: TestProduct;
beforeAll(async () => {
  product = await startProductForTests(uri, {
    logger: createLogger('debug', capture),
    env: { LINKAGE_MAX_BODY_BYTES: '2000', LINKAGE_AUTH_FAILURES_PER_MINUTE: '3' },
  });
});
afterAll(() => product?.close());

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(`${product.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

/** Every request a careless or hostile client can send without the server being at fault. */
const CLIENT_ERRORS: [string, () => Promise<number>][] = [
  ['syntax error', async () => (await post('{"query":"{ entity(id: "}')).status],
  ['unknown field', async () => (await gql(product.url, '{ nope }')).status],
  [
    'bad variable',
    async () => (await gql(product.url, 'query($d:Int){ stats { entities } }', { d: 'x' })).status,
  ],
  ['invalid JSON body', async () => (await post('{not json')).status],
  [
    'body too large',
    async () => (await post(JSON.stringify({ query: `{ stats { entities } } #${'x'.repeat(5000)}` }))).status,
  ],
  [
    'form post',
    async () =>
      (await post('query=%7Bstats%7D', { 'content-type': 'application/x-www-form-urlencoded' })).status,
  ],
  [
    'mutation without a token',
    async () => (await gql(product.url, 'mutation { addNote(targetId: "meta", text: "x") { id } }')).status,
  ],
  [
    'bad input to a resolver',
    async () => (await gql(product.url, '{ neighborhood(ids: ["meta"], depth: 9) { truncated } }')).status,
  ],
  ['unknown entity', async () => (await gql(product.url, '{ entity(id: "no-such-entity") { id } }')).status],
  [
    'unknown token (rate limited after 3)',
    async () => {
      let status = 0;
      for (let i = 0; i < 5; i += 1)
        status = (await gql(product.url, '{ viewer { name } }', {}, `lk_${'y'.repeat(43)}`)).status;
      return status;
    },
  ],
  ['bad export parameter', async () => (await fetch(`${product.url}/export/graphml?depth=2`)).status],
  ['unknown export format', async () => (await fetch(`${product.url}/export/xlsx`)).status],
  ['unknown route', async () => (await fetch(`${product.url}/no/such/route`)).status],
];

describe('item 23: client errors are not logged as errors', () => {
  it('logs none of the client errors at error level, and each request at warn or info', async () => {
    for (const [name, send] of CLIENT_ERRORS) {
      const before = lines.length;
      const status = await send();
      expect(status, name).toBeLessThan(500);
      // The request log line is written on 'finish'; give the event loop a turn to flush it.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const logged = lines.slice(before);
      const errors = logged.filter((l) => l.level >= ERROR_LEVEL);
      expect(errors, `${name}: ${JSON.stringify(errors)}`).toEqual([]);
      const request = logged.find((l) => l.msg === 'request');
      expect(request, name).toBeDefined();
      expect(request!.level, name).toBeLessThanOrEqual(40);
    }
  });
});
