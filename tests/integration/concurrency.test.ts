// Concurrent writers against one server: optimistic concurrency must hold under real parallelism (each
// write statement locks what it checks before reading its version), so no update or note is lost and no
// relationship or evidence is created twice.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { errorCode, gql, startProductForTests, type TestProduct } from '../helpers/product.ts';

const PARALLEL = 8;

describe('concurrent writes', () => {
  let product: TestProduct;
  const write = (query: string, variables: Record<string, unknown> = {}) =>
    gql(product.url, query, variables, product.editorToken);

  beforeAll(async () => {
    product = await startProductForTests(inject('neo4jUri'), { env: { LINKAGE_QUERY_TIMEOUT_MS: '120000' } });
  });
  afterAll(() => product.close());

  it('lets exactly one of several updates from the same version win', async () => {
    const created = await write(
      'mutation { createEntity(input: { kind: "Organization", name: "Race Corp" }) { id version } }',
    );
    expect(created.data!.createEntity.version).toBe(1);
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        write(
          'mutation ($d: String) { updateEntity(id: "race-corp", version: 1, patch: { description: $d }) { version description } }',
          { d: `writer ${i}` },
        ),
      ),
    );
    const winners = answers.filter((a) => !a.errors);
    expect(winners).toHaveLength(1);
    expect(answers.filter((a) => errorCode(a) === 'CONFLICT')).toHaveLength(PARALLEL - 1);
    const stored = await gql(product.url, '{ entity(id: "race-corp") { version description } }');
    expect(stored.data!.entity).toEqual({
      version: 2,
      description: winners[0]!.data!.updateEntity.description,
    });
  });

  it('creates a relationship once and adds the same evidence once', async () => {
    const evidence = { quote: 'a race', certainty: 'REPORTED', source: { id: 'race-source', title: 'Race' } };
    const creates = await Promise.all(
      Array.from({ length: PARALLEL }, () =>
        write(
          'mutation ($e: EvidenceInput!) { createRelationship(input: { type: "COMPETES_WITH", fromId: "race-corp", toId: "meta", evidence: [$e] }) { id } }',
          { e: evidence },
        ),
      ),
    );
    expect(creates.filter((a) => !a.errors)).toHaveLength(1);
    expect(creates.filter((a) => errorCode(a) === 'CONFLICT')).toHaveLength(PARALLEL - 1);
    await Promise.all(
      Array.from({ length: PARALLEL }, () =>
        write(
          'mutation { addEvidence(relationshipId: "race-corp:COMPETES_WITH:meta", evidence: { quote: "again", certainty: CONFIRMED, sourceId: "race-source" }) { id } }',
        ),
      ),
    );
    const stored = await gql(
      product.url,
      '{ relationship(id: "race-corp:COMPETES_WITH:meta") { certainty evidence { quote } } }',
    );
    expect(stored.data!.relationship.evidence.map((e: { quote: string }) => e.quote).sort()).toEqual([
      'a race',
      'again',
    ]);
    expect(stored.data!.relationship.certainty).toBe('CONFIRMED');
  });

  it('keeps every note written at the same time', async () => {
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        write('mutation ($t: String!) { addNote(targetId: "race-corp", text: $t) { id } }', {
          t: `note ${i}`,
        }),
      ),
    );
    expect(answers.every((a) => !a.errors)).toBe(true);
    const stored = await gql(product.url, '{ entity(id: "race-corp") { notes { text } } }');
    expect(stored.data!.entity.notes.map((n: { text: string }) => n.text).sort()).toEqual(
      Array.from({ length: PARALLEL }, (_, i) => `note ${i}`).sort(),
    );
  });
});
