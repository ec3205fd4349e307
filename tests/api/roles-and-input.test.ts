// Who may do what, and what input is refused, decided before any database work: every refusal below must
// reach no statement at all (the fake database records each one). API tier: no Neo4j needed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITY_KINDS } from '../../server/graph/model.ts';
import { startFakeApp, type FakeApp } from '../helpers/fake-app.ts';
import { errorCode, gql, type GraphQLResponse } from '../helpers/product.ts';

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateEntityInput!) {
    createEntity(input: $input) {
      id
    }
  }
`;

let app: FakeApp;
beforeAll(async () => {
  app = await startFakeApp();
});
afterAll(async () => {
  await app?.close();
});

/** Sends the request; returns its answer and the statements it caused. */
async function send(request: () => Promise<GraphQLResponse>) {
  const before = app.statements.length;
  const response = await request();
  return { response, ran: app.statements.slice(before) };
}

describe('roles', () => {
  it('a mutation without a token is UNAUTHENTICATED and touches no database', async () => {
    const { response, ran } = await send(() =>
      gql(app.url, CREATE, { input: { kind: 'Organization', name: 'Acme' } }),
    );
    expect(errorCode(response)).toBe('UNAUTHENTICATED');
    expect(ran).toEqual([]);
  });

  it('a reader token may not write: FORBIDDEN, no statement', async () => {
    const { response, ran } = await send(() =>
      gql(app.url, CREATE, { input: { kind: 'Organization', name: 'Acme' } }, app.readerToken),
    );
    expect(errorCode(response)).toBe('FORBIDDEN');
    expect(ran).toEqual([]);
  });

  it('an unknown token is refused even for reads, which are otherwise open', async () => {
    const unknown = `lk_${'A'.repeat(43)}`;
    const { response, ran } = await send(() =>
      gql(app.url, '{ search(text: "meta") { score } }', {}, unknown),
    );
    expect(errorCode(response)).toBe('UNAUTHENTICATED');
    expect(ran).toEqual([]);
    const open = await gql(app.url, '{ search(text: "meta") { score } }');
    expect(open.errors).toBeUndefined();
  });

  it('an editor token reaches the repository: one write statement', async () => {
    const { ran } = await send(() =>
      gql(app.url, CREATE, { input: { kind: 'Organization', name: 'Acme' } }, app.editorToken),
    );
    expect(ran.map((s) => `${s.access} ${s.name}`)).toEqual(['write create-entity']);
  });
});

describe('input is checked before the database', () => {
  it('a kind outside the vocabulary is BAD_USER_INPUT naming the valid kinds', async () => {
    const { response, ran } = await send(() =>
      gql(app.url, CREATE, { input: { kind: 'Company', name: 'Acme' } }, app.editorToken),
    );
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    for (const kind of ENTITY_KINDS) expect(response.errors?.[0]?.message).toContain(kind);
    expect(ran).toEqual([]);
  });

  it.each([
    ['an empty name', { kind: 'Person', name: '' }],
    ['an id that is not a slug', { kind: 'Person', name: 'Ann', id: 'Ann Lee!' }],
    ['a date that is not a date', { kind: 'Event', name: 'Launch', occurredAt: '2024-13-45' }],
  ])('%s is BAD_USER_INPUT and writes nothing', async (_label, input) => {
    const { response, ran } = await send(() => gql(app.url, CREATE, { input }, app.editorToken));
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message.length).toBeGreaterThan(10);
    expect(ran).toEqual([]);
  });

  it('a neighbourhood deeper than allowed is refused before any read', async () => {
    const { response, ran } = await send(() =>
      gql(app.url, '{ neighborhood(ids: ["meta"], depth: 9) { totalNodes } }'),
    );
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(ran).toEqual([]);
  });
});

describe('LINKAGE_READS_REQUIRE_TOKEN=true', () => {
  let closed: FakeApp;
  beforeAll(async () => {
    closed = await startFakeApp({ env: { LINKAGE_READS_REQUIRE_TOKEN: 'true' } });
  });
  afterAll(async () => {
    await closed?.close();
  });

  it('anonymous reads are UNAUTHENTICATED without a statement; a reader token reads', async () => {
    const before = closed.statements.length;
    const anonymous = await gql(closed.url, '{ search(text: "meta") { score } }');
    expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
    expect(closed.statements.length).toBe(before);
    const reader = await gql(closed.url, '{ search(text: "meta") { score } }', {}, closed.readerToken);
    expect(reader.errors).toBeUndefined();
    expect(closed.statements.length).toBeGreaterThan(before);
  });
});
