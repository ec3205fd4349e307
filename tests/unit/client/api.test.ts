import { TypeInfo, buildSchema, getNamedType, parse, validate, visit, visitWithTypeInfo } from 'graphql';
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

describe('the canvas payload', () => {
  const schema = buildSchema(readFileSync('server/graphql/schema.graphql', 'utf8'));
  /** "Type.field" for every field a document selects on Evidence or Source (through its fragments). */
  const evidenceFields = (document: string): string[] => {
    const info = new TypeInfo(schema);
    const seen = new Set<string>();
    visit(
      parse(document),
      visitWithTypeInfo(info, {
        Field(node) {
          const parent = info.getParentType();
          if (parent && ['Evidence', 'Source'].includes(getNamedType(parent).name))
            seen.add(`${parent.name}.${node.name.value}`);
        },
      }),
    );
    return [...seen].sort();
  };
  // What the filters act on per piece of evidence (state/visible.ts evidencePasses), and nothing else.
  const FACTS = [
    'Evidence.certainty',
    'Evidence.id',
    'Evidence.occurredAt',
    'Evidence.source',
    'Evidence.stance',
    'Source.id',
    'Source.publishedAt',
    'Source.reliability',
  ];

  for (const name of ['NEIGHBORHOOD', 'FIND_PATHS', 'CREATE_RELATIONSHIP'] as const)
    it(`${name} selects no evidence words and no source details, only the facts the filters read`, () => {
      expect(evidenceFields(operations[name])).toEqual(FACTS);
    });

  it('the words come from RELATIONSHIP_EVIDENCE (Query.evidence)', () => {
    expect(evidenceFields(operations.RELATIONSHIP_EVIDENCE)).toEqual(
      expect.arrayContaining(['Evidence.quote', 'Evidence.translation', 'Evidence.sentence', 'Source.title']),
    );
  });
});
