import { buildSchema, parse, validate } from 'graphql';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../client/src/api/errors.ts';
import { postGraphQL } from '../../../client/src/api/graphql-client.ts';
import * as operations from '../../../client/src/api/operations.ts';

const json = (body: unknown, status = 200) =>
  (async () =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    })) as typeof fetch;

describe('postGraphQL', () => {
  it('returns data and sends the token as a bearer header', async () => {
    let seen: Headers | undefined;
    const fetchImpl = (async (_url: string, init: RequestInit) => {
      seen = new Headers(init.headers);
      return new Response(JSON.stringify({ data: { ok: 1 } }));
    }) as unknown as typeof fetch;
    await expect(postGraphQL('query Q { ok }', {}, { fetchImpl, token: 'secret' })).resolves.toEqual({
      ok: 1,
    });
    expect(seen?.get('authorization')).toBe('Bearer secret');
  });

  it('throws an ApiError carrying the GraphQL error code', async () => {
    const fetchImpl = json(
      { errors: [{ message: 'db down', extensions: { code: 'DATABASE_UNAVAILABLE' } }] },
      503,
    );
    const error = await postGraphQL('query Q { ok }', {}, { fetchImpl }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('DATABASE_UNAVAILABLE');
  });

  it('maps unknown codes and network failures', async () => {
    const unknown = await postGraphQL(
      'q',
      {},
      { fetchImpl: json({ errors: [{ message: 'x', extensions: { code: 'WAT' } }] }) },
    ).catch((e: unknown) => e);
    expect((unknown as ApiError).code).toBe('INTERNAL_SERVER_ERROR');
    const down = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    const network = await postGraphQL('q', {}, { fetchImpl: down }).catch((e: unknown) => e);
    expect((network as ApiError).code).toBe('NETWORK_ERROR');
  });
});

describe('operations', () => {
  const schema = buildSchema(readFileSync('server/graphql/schema.graphql', 'utf8'));
  for (const [name, document] of Object.entries(operations)) {
    it(`${name} is a named operation valid against the SDL`, () => {
      const ast = parse(document);
      const ops = ast.definitions.filter((d) => d.kind === 'OperationDefinition');
      expect(ops).toHaveLength(1);
      expect(ops[0] && 'name' in ops[0] ? ops[0].name?.value : undefined).toBeTruthy();
      expect(validate(schema, ast).map((e) => e.message)).toEqual([]);
    });
  }
});
